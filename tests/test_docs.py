"""Docs that lie are bugs: the template variable tables and the README follow the code."""

from __future__ import annotations

import re
import typing
from pathlib import Path

from typer.testing import CliRunner

from briefing import context
from briefing.cli import app
from briefing.contextdoc import DOC_PATH, ORDER, read_fields, updated_document

ROOT = Path(__file__).resolve().parent.parent


def test_template_docs_are_generated_from_the_current_context_types() -> None:
    current = DOC_PATH.read_text(encoding="utf-8")
    assert updated_document(current) == current, "run: python -m briefing.contextdoc --write"


def test_every_context_key_is_documented_with_meaning_and_example() -> None:
    documented = read_fields()
    # every context type has its table in docs/templates.md, not only those listed earlier
    assert set(ORDER) == set(documented)
    for name, fields in documented.items():
        declared = set(typing.get_type_hints(getattr(context, name)))
        assert {f.name for f in fields} == declared, name
        for f in fields:
            assert f.doc, f"{name}.{f.name} has no meaning"
            assert f.example, f"{name}.{f.name} has no example"


def test_readme_mentions_every_cli_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    help_text = CliRunner().invoke(app, ["--help"]).stdout
    commands = re.findall(r"^  (\w[\w-]*)\s", help_text.split("命令：")[1], re.M)
    assert commands
    for command in commands:
        assert f"briefing {command}" in readme, command


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = 'pip install -e ".[test]" && pytest'
    assert test_command in readme
    assert test_command in ci


def test_readme_config_example_is_a_valid_config(tmp_path: Path) -> None:
    from briefing.config import load_settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 配置 `briefing.toml`")[1]
    example = section.split("```toml\n")[1].split("```")[0]
    config = tmp_path / "briefing.toml"
    config.write_text(example, encoding="utf-8")
    settings = load_settings(config)
    assert settings.masthead.name == "科技政策简报"
    assert settings.layout.highlights_per_theme == 5


def test_readme_lexicon_example_adds_a_theme(tmp_path: Path) -> None:
    from briefing.themes import load_lexicon

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n[themes.")[1].split("```")[0]
    lexicon = tmp_path / "extra.toml"
    lexicon.write_text("[themes." + example, encoding="utf-8")
    assert "创新平台" in load_lexicon(lexicon).names
