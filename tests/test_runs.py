"""Unattended monthly runs: numbering, late arrivals, 本期新增, cache, lock, crash safety, manifest."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from briefing.errors import LockedError
from briefing.model import DocumentEntry, ExtractedDocument, Metadata
from briefing.periods import parse_period
from briefing.pipeline import extract_documents
from briefing.runs import (
    EMPTY_NOTE,
    MANIFEST_NAME,
    CacheStats,
    RunState,
    Selection,
    StateError,
    build_manifest,
    document_from_record,
    extract_documents_cached,
    finish_issue,
    output_digests,
    settings_options,
    write_manifest,
)
from briefing.themes import Classifier, load_lexicon

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def doc(name: str, day: str | None, *, published: str | None = None) -> DocumentEntry:
    return DocumentEntry.of(
        ExtractedDocument(
            source=f"in/{name}.txt",
            sha256=f"sha-{name}",
            format="text",
            metadata=Metadata(display_title=name, written_date=day, published_date=published),
            body=f"{name} 正文",
        )
    )


def make_issue(
    state: RunState, period_text: str, docs: list[DocumentEntry], first: int = 1
) -> tuple[int, Selection]:
    """Select, number and record an issue the way build() does (files are the caller's)."""
    period = parse_period(period_text)
    selection = state.select_documents(docs, period)
    number = state.issue_number(period, first)
    state.record_issue(period, number, selection, {})
    return number, selection


def sources(documents: list[DocumentEntry]) -> list[str]:
    return [d.source for d in documents]


# ---------------------------------------------------------------- numbering


def test_issue_numbers_continue_across_runs_and_rerun_keeps_its_number(tmp_path: Path) -> None:
    with RunState.open(tmp_path) as state:
        assert make_issue(state, "2024-01", [])[0] == 1
    with RunState.open(tmp_path) as state:
        assert make_issue(state, "2024-02", [])[0] == 2
    with RunState.open(tmp_path) as state:
        assert make_issue(state, "2024-01", [])[0] == 1  # re-run
        assert make_issue(state, "2024-03", [])[0] == 3
        assert [i.period for i in state.issues()] == ["2024-01", "2024-02", "2024-03"]


def test_new_year_restarts_at_configured_first_number(tmp_path: Path) -> None:
    with RunState.open(tmp_path) as state:
        assert make_issue(state, "2024-11", [], first=5)[0] == 5
        assert make_issue(state, "2024-12", [], first=5)[0] == 6
        assert make_issue(state, "2025-01", [], first=1)[0] == 1
        # the first number only applies to a year's first issue
        assert make_issue(state, "2025-02", [], first=9)[0] == 2
        # a quarter is numbered by the year of its end, in the same sequence
        assert make_issue(state, "2024-Q4", [], first=1)[0] == 7


def test_a_failed_record_leaves_the_state_as_it_was(tmp_path: Path) -> None:
    with RunState.open(tmp_path) as state:
        make_issue(state, "2024-01", [doc("jan", "2024-01-02")])
        feb = parse_period("2024-02")
        selection = state.select_documents([doc("feb", "2024-02-02")], feb)
        with pytest.raises(StateError, match="第1期"):
            state.record_issue(feb, 1, selection, {})  # number already taken in 2024
        assert [i.period for i in state.issues()] == ["2024-01"]
        assert state.coverage(feb) == []
        assert state.issue_number(feb) == 2


def test_number_is_not_taken_until_the_issue_is_recorded(tmp_path: Path) -> None:
    with RunState.open(tmp_path) as state:
        period = parse_period("2024-05")
        assert state.issue_number(period) == 1
        assert state.issue_number(period) == 1  # asking twice reserves nothing
        assert state.issue(period) is None


# ---------------------------------------------------------------- coverage


def test_late_arrivals_are_reported_once_and_backlog_is_never_swept_in(tmp_path: Path) -> None:
    backlog = doc("backlog", "2023-12-20")
    feb = doc("feb", "2024-02-10")
    with RunState.open(tmp_path) as state:
        _, first = make_issue(state, "2024-02", [backlog, feb])
        assert sources(first.documents) == ["in/feb.txt"]
        assert first.late == ()

        late_feb = doc("late-feb", "2024-02-27")
        mar = doc("mar", None, published="2024-03-05")
        _, march = make_issue(state, "2024-03", [backlog, feb, late_feb, mar])
        assert sources(list(march.late)) == ["in/late-feb.txt"]
        assert sources(march.documents) == ["in/late-feb.txt", "in/mar.txt"]
        assert {d.source for d in march.new} == {"in/late-feb.txt", "in/mar.txt"}
        assert any("补报" in n and "late-feb" in n for n in march.notes)
        assert [march.mark(d) for d in march.documents] == ["补报", "新增"]

        _, april = make_issue(state, "2024-04", [backlog, feb, late_feb, mar])
        assert april.documents == [] and april.is_empty
        assert EMPTY_NOTE in april.notes
        assert april.cumulative == 3  # feb, late-feb, mar: never the backlog


def test_published_date_wins_over_written_date(tmp_path: Path) -> None:
    written_jan_published_feb = doc("x", "2024-01-30", published="2024-02-02")
    with RunState.open(tmp_path) as state:
        _, jan = make_issue(state, "2024-01", [written_jan_published_feb])
        _, feb = make_issue(state, "2024-02", [written_jan_published_feb])
    assert jan.documents == [] and sources(feb.documents) == ["in/x.txt"]


def test_new_this_issue_excludes_what_an_earlier_issue_covered(tmp_path: Path) -> None:
    jan, feb = doc("jan", "2024-01-15"), doc("feb", "2024-02-15")
    with RunState.open(tmp_path) as state:
        make_issue(state, "2024-01", [jan, feb])
        _, quarter = make_issue(state, "2024-Q1", [jan, feb])
    assert sources(quarter.documents) == ["in/jan.txt", "in/feb.txt"]
    assert sources(quarter.new) == ["in/feb.txt"]


def test_rerun_of_an_earlier_period_reproduces_its_selection(tmp_path: Path) -> None:
    docs = [doc("jan", "2024-01-15"), doc("feb", "2024-02-15"), doc("late", "2024-01-31")]
    with RunState.open(tmp_path) as state:
        make_issue(state, "2024-01", docs[:2])
        _, feb = make_issue(state, "2024-02", docs)
        assert sources(list(feb.late)) == ["in/late.txt"]
        _, feb_again = make_issue(state, "2024-02", docs)
    assert feb_again.documents == feb.documents
    assert feb_again.new_shas == feb.new_shas


def test_undated_and_unreadable_documents_are_not_covered(tmp_path: Path) -> None:
    undated = doc("undated", None)
    failed = DocumentEntry.of(
        ExtractedDocument("in/bad.txt", "sha-bad", "text", Metadata(written_date="2024-01-02"))
    )
    copy = replace(doc("jan", "2024-01-03"), source="in/copy-of-jan.txt")
    with RunState.open(tmp_path) as state:
        _, jan = make_issue(state, "2024-01", [doc("jan", "2024-01-03"), undated, failed, copy])
    assert sources(jan.documents) == ["in/jan.txt"]
    assert any("没有日期" in n and "undated" in n for n in jan.notes)


def test_state_records_what_each_issue_covered(tmp_path: Path) -> None:
    docs = [doc("jan", "2024-01-15"), doc("late", "2024-01-20"), doc("feb", "2024-02-15")]
    with RunState.open(tmp_path) as state:
        make_issue(state, "2024-01", docs[:1])
        make_issue(state, "2024-02", docs)
        covered = state.coverage(parse_period("2024-02"))
    assert [(c.source, c.late, c.new) for c in covered] == [
        ("in/late.txt", True, True),
        ("in/feb.txt", False, True),
    ]


# ---------------------------------------------------------------- outputs and manifest


def test_existing_outputs_only_when_recorded_and_unchanged(tmp_path: Path) -> None:
    period = parse_period("2024-03")
    folder = tmp_path / period.key
    folder.mkdir()
    docx = folder / "briefing-2024-03.docx"
    docx.write_bytes(b"docx bytes")
    with RunState.open(tmp_path) as state:
        # files written, then the run died before recording: not existing, same number next time
        assert not state.existing_outputs(period, [docx])
        number = state.issue_number(period)
        selection = state.select_documents([], period)
        state.record_issue(period, number, selection, output_digests(tmp_path, [docx]))
        assert state.existing_outputs(period, [docx])
        # another template's file of the same issue was never made
        assert not state.existing_outputs(period, [folder / "yaoqing-2024-03.docx"])
        docx.write_bytes(b"edited")
        assert not state.existing_outputs(period, [docx])
        docx.unlink()
        assert not state.existing_outputs(period, [docx])
        assert state.issue_number(period) == number


def test_finished_issue_is_left_alone_until_its_files_change(tmp_path: Path) -> None:
    period = parse_period("2024-03")
    docx = tmp_path / period.key / "briefing-2024-03.docx"
    docx.parent.mkdir()
    docx.write_bytes(b"docx bytes")
    template = tmp_path / "t.docx"
    template.write_bytes(b"template")
    with RunState.open(tmp_path) as state:
        selection = state.select_documents([doc("mar", "2024-03-01")], period)
        manifest = build_manifest(
            period=period,
            issue_number=1,
            selection=selection,
            documents=list(selection.documents),
            included=[],
            template=template,
            outputs=[docx],
            options={},
            tool_version="v",
            lexicon_sha="l",
        )
        manifest_path = docx.parent / MANIFEST_NAME
        issue = finish_issue(state, period, 1, selection, [docx], manifest_path, manifest)
        assert sorted(issue.outputs) == ["2024-03/briefing-2024-03.docx", "2024-03/manifest.json"]
        assert state.existing_outputs(period, [docx, manifest_path])
        # another template's briefing of the same issue is recorded beside this one
        other = docx.with_name("yaoqing-2024-03.docx")
        other.write_bytes(b"yaoqing bytes")
        other_manifest = other.with_name("yaoqing-2024-03.manifest.json")
        finish_issue(state, period, 1, selection, [other], other_manifest, manifest)
        assert state.existing_outputs(period, [docx, manifest_path])
        assert state.existing_outputs(period, [other, other_manifest])
        manifest_path.write_text("{}", encoding="utf-8")
        assert not state.existing_outputs(period, [docx, manifest_path])
        assert state.existing_outputs(period, [other, other_manifest])


def test_settings_options_are_plain_json_without_excluded_keys() -> None:
    from briefing.config import Settings

    options = settings_options(Settings(inputs=(Path("in"),)))
    assert options["inputs"] == ["in"] and options["masthead"]["first_issue"] == 1
    json.dumps(options)  # plain JSON values only
    assert "strict" not in settings_options(Settings(), exclude=("strict",))


def test_stale_temporaries_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "2024-03"
    folder.mkdir()
    (folder / ".briefing-2024-03.docx.abc123.tmp").write_bytes(b"half")
    (folder / ".manifest.json.x9.tmp").write_bytes(b"half")
    (folder / "briefing-2024-03.docx").write_bytes(b"whole")
    # another program's hidden temporary beside the briefing is not ours to delete
    (folder / ".稿件.tmp").write_bytes(b"someone's draft")
    outputs = [folder / name for name in ("briefing-2024-03.docx", "manifest.json")]
    with RunState.open(tmp_path) as state:
        removed = state.remove_stale_temporaries(outputs)
    assert [p.name for p in removed] == [
        ".briefing-2024-03.docx.abc123.tmp",
        ".manifest.json.x9.tmp",
    ]
    assert sorted(p.name for p in folder.iterdir()) == [".稿件.tmp", "briefing-2024-03.docx"]


def test_manifest_is_deterministic_and_names_inputs_and_outputs(tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_bytes(b"template")
    out = tmp_path / "briefing-2024-02.docx"
    out.write_bytes(b"output")
    docs = [doc("feb", "2024-02-01"), doc("old", "2023-05-01"), doc("none", None)]
    period = parse_period("2024-02")
    with RunState.open(tmp_path / "o") as state:
        selection = state.select_documents(docs, period)
    texts = []
    for _ in range(2):
        manifest = build_manifest(
            period=period,
            issue_number=4,
            selection=selection,
            documents=list(reversed(docs)),
            included=[],
            template=template,
            outputs=[out],
            options={"strict": False, "output": "out"},
            tool_version="0.1.0+x",
            lexicon_sha="abc",
            warnings=["w"],
        )
        write_manifest(tmp_path / MANIFEST_NAME, manifest)
        texts.append((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert texts[0] == texts[1]
    data = json.loads(texts[0])
    assert list(data) == sorted(data)
    assert data["issue"] == {"label": "第4期", "number": 4}
    assert [(i["source"], i["status"], i["new"]) for i in data["inputs"]] == [
        ("in/feb.txt", "in_period", True),
        ("in/none.txt", "undated", False),
        ("in/old.txt", "outside_period", False),
    ]
    assert data["outputs"]["briefing-2024-02.docx"] != data["template"]["sha256"]
    assert data["counts"]["included"] == 1 and data["counts"]["undated"] == 1
    # one line per input, readable and diffable with thousands of documents
    lines = texts[0].splitlines()
    assert sum('"source": "in/' in line for line in lines) == 3
    assert len([line for line in lines if line.startswith('    {"date"')]) == 3


# ---------------------------------------------------------------- cache


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(load_lexicon())


def _cached(
    paths: list[Path], classifier: Classifier, state: RunState, **options: object
) -> tuple[list[ExtractedDocument], CacheStats]:
    """Every document through the cache, as a build would load them all."""
    extraction = extract_documents_cached(paths, classifier, state, **options)  # type: ignore[arg-type]
    documents = extraction.documents()
    assert [DocumentEntry.of(d) for d in documents] == extraction.entries
    return documents, extraction.stats


def test_cached_documents_equal_fresh_extraction(tmp_path: Path, classifier: Classifier) -> None:
    fresh = extract_documents([SEEDS], classifier, link=False)
    with RunState.open(tmp_path) as state:
        first, cold = _cached([SEEDS], classifier, state)
        second, warm = _cached([SEEDS], classifier, state)
    assert (cold.hits, cold.misses) == (0, 5)
    assert (warm.hits, warm.misses) == (5, 0)
    expected = [d.to_record() for d in fresh]
    assert [d.to_record() for d in first] == expected
    assert [d.to_record() for d in second] == expected
    assert [d.body for d in second] == [d.body for d in fresh]


def test_cache_is_invalidated_by_lexicon_and_tool_version(
    tmp_path: Path, classifier: Classifier
) -> None:
    lexicon_file = tmp_path / "lexicon.toml"
    lexicon_file.write_text('[themes."创新平台"]\nterms = ["实验室", "创新平台"]\n', "utf-8")
    other = Classifier(load_lexicon(lexicon_file))
    assert other.lexicon.sha256 != classifier.lexicon.sha256
    with RunState.open(tmp_path / "out") as state:
        _cached([SEEDS], classifier, state, tool_version="1")
        docs, stats = _cached([SEEDS], other, state, tool_version="1")
        assert stats.hits == 0
        assert any("创新平台" in m.themes for d in docs for m in d.measures)
        _, stats = _cached([SEEDS], classifier, state, tool_version="2")
        assert stats.hits == 0
        _, stats = _cached([SEEDS], classifier, state, tool_version="1")
        assert stats.hits == 5


def test_cache_hit_reports_a_moved_file_under_its_new_name(
    tmp_path: Path, classifier: Classifier
) -> None:
    first_dir, second_dir = tmp_path / "a", tmp_path / "b"
    first_dir.mkdir()
    second_dir.mkdir()
    data = (SEEDS / "003_6d581c0dd9f637d5.txt").read_bytes()
    (first_dir / "summary.txt").write_bytes(data)
    (second_dir / "renamed.txt").write_bytes(data)
    with RunState.open(tmp_path / "out") as state:
        _cached([first_dir], classifier, state)
        docs, stats = _cached([second_dir], classifier, state)
    assert stats.hits == 1
    assert docs[0].source == (second_dir / "renamed.txt").as_posix()
    assert all("summary.txt" not in n for n in docs[0].notes + docs[0].warnings)


def test_unreadable_cache_entry_is_read_again_not_an_error(
    tmp_path: Path, classifier: Classifier
) -> None:
    with RunState.open(tmp_path) as state:
        expected, _ = _cached([SEEDS], classifier, state, tool_version="1")
    with sqlite3.connect(tmp_path / ".briefing" / "state.db") as db:
        db.execute("UPDATE extracted SET record = x'00ff'")
    with RunState.open(tmp_path) as state:
        docs, _ = _cached([SEEDS], classifier, state, tool_version="1")
        assert [d.to_record() for d in docs] == [d.to_record() for d in expected]
        assert all(
            state.cached(d.sha256, "1", classifier.lexicon.sha256) is not None for d in docs
        )  # the bad entries were replaced


def _typed_wrong(record: bytes) -> bytes:
    """A cached record whose first measure's text is a number (JSON of the right layout)."""
    import zlib

    row = json.loads(zlib.decompress(record))
    row[4][0][1] = 12345
    return zlib.compress(json.dumps(row).encode())


def _deep(_record: bytes) -> bytes:
    import zlib

    return zlib.compress(b"[" * 200_000 + b"]" * 200_000)


def _bomb(_body: bytes) -> bytes:
    """Twice the (lowered) limit of a cached text: 2 MB of one letter in 2 KB."""
    import zlib

    return zlib.compress(b"a" * (2 << 20), 9)


@pytest.mark.parametrize(
    ("column", "edit"),
    [
        ("record", _deep),
        ("record", _typed_wrong),
        ("body", _bomb),
        ("warnings", lambda _w: "not json"),
        ("warnings", lambda _w: "[" * 100_000 + "]" * 100_000),
        ("warnings", lambda _w: "[1, 2]"),
    ],
    ids=["deep-json", "wrong-types", "zlib-bomb", "warnings-not-json", "warnings-deep",
         "warnings-numbers"],
)  # fmt: skip
def test_a_cache_row_someone_else_wrote_is_read_again_not_trusted(
    tmp_path: Path,
    classifier: Classifier,
    monkeypatch: pytest.MonkeyPatch,
    column: str,
    edit: Callable[[Any], Any],
) -> None:
    """The state is a file in the output folder, which colleagues can often write. A row it
    did not write in this form (JSON nested past Python's limit: a RecursionError traceback; a
    2 MB row inflating to gigabytes: 8.5 GB and ten minutes before it was killed; a number
    where text goes: a TypeError traceback in a later stage) is a miss: the file is read again
    and the run goes on with what it says."""
    from briefing.runs import state as state_module

    monkeypatch.setattr(state_module, "MAX_CACHED_BODY", 1 << 20, raising=False)
    with RunState.open(tmp_path) as state:
        expected, _ = _cached([SEEDS], classifier, state, tool_version="1")
    with sqlite3.connect(tmp_path / ".briefing" / "state.db") as db:
        for sha, value in db.execute(f"SELECT sha256, {column} FROM extracted").fetchall():
            db.execute(f"UPDATE extracted SET {column} = ? WHERE sha256 = ?", (edit(value), sha))
    db.close()
    with RunState.open(tmp_path) as state:
        docs, _ = _cached([SEEDS], classifier, state, tool_version="1")
    assert [d.to_record() for d in docs] == [d.to_record() for d in expected]
    assert [d.body for d in docs] == [d.body for d in expected]


def test_a_file_rewritten_with_its_old_size_and_mtime_is_read_again(
    tmp_path: Path, classifier: Classifier
) -> None:
    path = tmp_path / "in" / "reply.txt"
    path.parent.mkdir()
    text = (SEEDS / "003_6d581c0dd9f637d5.txt").read_text("utf-8")
    path.write_text(text, "utf-8")
    with RunState.open(tmp_path / "out") as state:
        before, _ = _cached([path.parent], classifier, state)
        old = path.stat()
        changed = text.replace("2023", "2019", 1)
        assert len(changed.encode()) == len(text.encode())
        path.write_text(changed, "utf-8")
        os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))  # size and mtime as before
        after, stats = _cached([path.parent], classifier, state)
    assert stats.misses == 1
    assert after[0].sha256 != before[0].sha256


def test_workers_extract_what_the_cache_lacks_with_the_serial_output(
    tmp_path: Path, classifier: Classifier
) -> None:
    from briefing.pipeline import MIN_FILES_PER_WORKER

    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(2 * MIN_FILES_PER_WORKER // len(seeds) + 2):
        for seed in seeds:
            text = seed.read_text("utf-8").replace("2023", str(2000 + i), 1)
            (folder / f"{i:02d}_{seed.name}").write_text(text + f"\n附件{i}\n", "utf-8")
    (folder / "zz_repeat.txt").write_bytes(seeds[0].read_bytes())
    (folder / "zz_repeat_again.txt").write_bytes(seeds[0].read_bytes())
    (folder / "zz_broken.pdf").write_bytes(b"%PDF-1.4 not really")
    record = {"title": "关于加快科技成果转化的通知", "text": "一是设立成果转化基金10亿元。"}
    (folder / "zz_more.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    serial_state, parallel_state = tmp_path / "serial", tmp_path / "parallel"
    with RunState.open(serial_state) as state:
        serial, serial_stats = _cached([folder], classifier, state)
    # half the folder already cached: hits and worker results interleave
    with RunState.open(parallel_state) as state:
        _cached(sorted(folder.glob("0[0-1]_*")), classifier, state)
        parallel, stats = _cached([folder], classifier, state, workers=2)
        warm, warm_stats = _cached([folder], classifier, state, workers=2)
    expected = [d.to_record() for d in serial]
    assert [d.to_record() for d in parallel] == expected
    assert [d.to_record() for d in warm] == expected
    assert stats.hits == 2 * len(seeds) and stats.misses == serial_stats.misses - stats.hits
    assert warm_stats.misses == 0
    repeat = next(d for d in parallel if d.source.endswith("zz_repeat_again.txt"))
    assert repeat.warnings and "zz_repeat.txt" in repeat.warnings[0]


def test_document_from_record_round_trips(classifier: Classifier) -> None:
    for original in extract_documents([SEEDS], classifier):
        rebuilt = document_from_record(original.to_record(), body=original.body)
        assert rebuilt.to_record() == original.to_record()
        assert rebuilt.date == original.date


# ---------------------------------------------------------------- lock and crash safety

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefing.model import DocumentEntry, ExtractedDocument, Metadata
    from briefing.periods import parse_period
    from briefing.runs import RunState

    out, progress, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    with RunState.open(out) as state:
        if mode == "hold":
            progress.write_text("ready")
            import time
            time.sleep(60)
        if mode == "publish":  # files complete, killed before the state records the issue
            from briefing.atomic import write_bytes_atomic
            from briefing.runs import output_digests
            period = parse_period("2024-01")
            state.record_issue(period, 1, state.select_documents([], period), {})
            period = parse_period("2024-02")
            docx = out / "2024-02" / "briefing-2024-02.docx"
            state.claim_outputs([docx])
            write_bytes_atomic(docx, b"complete", refuse_linked_folder=True)  # as build does
            progress.write_text(str(state.issue_number(period)))
            import time
            time.sleep(60)
        if mode == "midwrite":  # killed while the briefing's bytes are being written
            from briefing.atomic import _atomic_file
            docx = out / "2024-02" / "briefing-2024-02.docx"
            with _atomic_file(docx, "wb", refuse_linked_folder=True) as handle:
                handle.write(b"half of a new ")
                handle.flush()
                progress.write_text("writing")
                import time
                time.sleep(60)
        for month in range(1, 13):
            period = parse_period(f"2024-{month:02d}")
            docs = [
                ExtractedDocument(f"in/{month}-{i}.txt", f"sha-{month}-{i}", "text",
                                  Metadata(written_date=f"2024-{month:02d}-{i + 1:02d}"),
                                  body="正文" * 2000)
                for i in range(25)
            ]
            state.store_many(docs, "v", "lex")
            selection = state.select_documents([DocumentEntry.of(d) for d in docs], period)
            state.record_issue(period, state.issue_number(period), selection, {})
            with progress.open("a") as fh:
                fh.write(f"{month}\\n")
    """
)


def start_child(out: Path, progress: Path, mode: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(out), str(progress), mode],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for(progress: Path, child: subprocess.Popen[bytes], lines: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if progress.exists() and len(progress.read_text().split()) >= lines:
            return
        if child.poll() is not None:
            pytest.fail(f"child exited early: {child.stderr.read() if child.stderr else ''!r}")
        time.sleep(0.002)
    pytest.fail("child never became ready")


def test_sigkill_while_a_briefing_is_written_leaves_the_old_one_and_no_debris(
    tmp_path: Path,
) -> None:
    """kill -9 in the middle of the write build makes (through the period folder's descriptor):
    the briefing on disk is the old one, whole; the half-written temporary is removed by the
    next run's clean-up, which leaves other programs' files alone."""
    out, progress = tmp_path / "out", tmp_path / "progress"
    folder = out / "2024-02"
    folder.mkdir(parents=True)
    docx = folder / "briefing-2024-02.docx"
    docx.write_bytes(b"the old briefing")
    (folder / ".someone-else.tmp").write_bytes(b"not ours")
    child = start_child(out, progress, "midwrite")
    try:
        wait_for(progress, child, 1)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert docx.read_bytes() == b"the old briefing"
    (half,) = folder.glob(".briefing-2024-02.docx.*.tmp")
    assert half.read_bytes() == b"half of a new "
    with RunState.open(out) as state:
        assert state.remove_stale_temporaries([docx]) == [half]
    assert sorted(p.name for p in folder.iterdir()) == [".someone-else.tmp", docx.name]


def test_second_run_on_the_same_folder_fails_at_once(tmp_path: Path) -> None:
    progress = tmp_path / "ready"
    child = start_child(tmp_path / "out", progress, "hold")
    try:
        wait_for(progress, child, 1)
        started = time.monotonic()
        with pytest.raises(LockedError, match="正被另一个"):
            RunState.open(tmp_path / "out")
        assert time.monotonic() - started < 10  # "at once": not waiting for the lock
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    with RunState.open(tmp_path / "out") as state:  # the kernel released the dead holder's lock
        assert state.issues() == []


@pytest.mark.parametrize("after_issues", [0, 1, 3, 7])
def test_sigkill_at_any_point_leaves_earlier_issues_intact(
    tmp_path: Path, after_issues: int
) -> None:
    out, progress = tmp_path / "out", tmp_path / "progress"
    progress.write_text("")
    child = start_child(out, progress, "run")
    if after_issues:
        wait_for(progress, child, after_issues)
    else:
        time.sleep(0.3)  # somewhere in start-up, schema creation or the first transaction
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    reported = len(progress.read_text().split())

    with RunState.open(out) as state:
        assert state.integrity_ok()
        issues = state.issues()
        assert reported <= len(issues) <= reported + 1  # at most the one being committed
        assert [i.number for i in issues] == list(range(1, len(issues) + 1))
        for issue in issues:
            covered = state.coverage(parse_period(issue.period))
            assert len(covered) == 25 and all(c.new for c in covered)
        nxt = parse_period(f"2024-{len(issues) + 1:02d}") if len(issues) < 12 else None
        if nxt is not None:
            assert state.issue_number(nxt) == len(issues) + 1


def test_killed_between_rename_and_commit_rebuilds_with_the_same_number(tmp_path: Path) -> None:
    out, progress = tmp_path / "out", tmp_path / "progress"
    child = start_child(out, progress, "publish")
    wait_for(progress, child, 1)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    number_before_kill = int(progress.read_text())
    period = parse_period("2024-02")
    with RunState.open(out) as state:
        assert (out / "2024-02" / "briefing-2024-02.docx").read_bytes() == b"complete"
        docx = out / "2024-02" / "briefing-2024-02.docx"
        assert not state.existing_outputs(period, [docx])  # so the next run rebuilds it
        state.claim_outputs([docx])  # its own file: no refusal
        assert state.issue_number(period) == number_before_kill == 2


def test_corrupt_state_is_reported_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / ".briefing").mkdir()
    db = tmp_path / ".briefing" / "state.db"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StateError, match="损坏"):
        RunState.open(tmp_path)
    assert db.read_bytes().startswith(b"this is not")
    with pytest.raises(StateError):  # not LockedError: the failed open released the lock
        RunState.open(tmp_path)


def test_state_database_is_plain_sqlite(tmp_path: Path) -> None:
    with RunState.open(tmp_path) as state:
        make_issue(state, "2024-01", [doc("jan", "2024-01-02")])
    with sqlite3.connect(tmp_path / ".briefing" / "state.db") as db:
        assert db.execute("SELECT period, number FROM issues").fetchall() == [("2024-01", 1)]


def test_a_state_of_the_previous_format_keeps_its_issues_and_rebuilds_its_cache(
    tmp_path: Path, classifier: Classifier
) -> None:
    with RunState.open(tmp_path) as state:
        make_issue(state, "2024-01", [doc("jan", "2024-01-02")])
    with sqlite3.connect(tmp_path / ".briefing" / "state.db") as db:
        db.execute("DROP TABLE extracted")
        db.execute(
            "CREATE TABLE extracted (sha256 TEXT, tool_version TEXT, lexicon_sha TEXT, "
            "record BLOB, body BLOB, PRIMARY KEY (sha256, tool_version, lexicon_sha))"
        )
        db.execute("CREATE TABLE charts (period TEXT, key TEXT, png BLOB, png_sha TEXT)")
        db.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    db.close()
    with RunState.open(tmp_path) as state:
        assert [i.period for i in state.issues()] == ["2024-01"]
        assert state.issue_number(parse_period("2024-02")) == 2
        _, stats = _cached([SEEDS], classifier, state)
        assert stats.misses == 5
        _, stats = _cached([SEEDS], classifier, state)
        assert stats.hits == 5
    with sqlite3.connect(tmp_path / ".briefing" / "state.db") as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    db.close()
    assert "charts" not in tables


def test_a_manifest_replaced_by_a_fifo_or_a_huge_file_is_refused_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the previous issue's manifest and `state rebuild` read manifests from the output folder,
    # where anything may have been put in their place: neither may block or fill memory
    from briefing.runs import manifest as manifest_module

    fifo = tmp_path / "manifest.json"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        manifest_module.read_manifest(fifo)  # returns at once: no writer is waited for
    big = tmp_path / "big.json"
    big.write_text('{"period": {}}', encoding="utf-8")
    monkeypatch.setattr(manifest_module, "MANIFEST_MAX_BYTES", 8)
    with pytest.raises(OSError):
        manifest_module.read_manifest(big)
    monkeypatch.setattr(manifest_module, "MANIFEST_MAX_BYTES", 64)
    assert manifest_module.read_manifest(big) == {"period": {}}
