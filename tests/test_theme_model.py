"""The learned theme model beside the rules: what it changes, where it is off, and explain."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from briefing.cli import app
from briefing.extract.measures import extract_measures
from briefing.extract.structure import parse_structure
from briefing.theme_model import BUCKETS, Measure, batch, load_model, meta_names, model_path
from briefing.themes import DEFAULT_THEMES, Classifier, load_lexicon
from tests.test_measures import load_accuracy

ROOT = Path(__file__).resolve().parent.parent

# R&D spending (研发投入) is 基础研究, the tax deduction 科技金融: a measure of two themes
_RD_SENTENCE = "今年我区将鼓励企业加大研发投入，全面落实研发费用加计扣除政策。"
# a provision that names no talent word with a science anchor: the rules file it under no theme,
# the model reads its heading and adds 人才
_TALENT_SENTENCE = "对新引进的团队，给予最高50万元支持。"
_TALENT_HEADING = "（二）人才引进支持"
_DOC = f"一、主要任务\n{_RD_SENTENCE}\n"


def _themes(classifier: Classifier) -> list[list[str]]:
    measures = extract_measures("ef" * 32, parse_structure(_DOC), classifier)
    return [m.themes for m in measures]


def test_the_model_adds_a_theme_the_rules_miss_with_evidence_from_the_sentence() -> None:
    lexicon = load_lexicon()
    doc = parse_structure(f"二、支持措施\n{_TALENT_HEADING}\n{_TALENT_SENTENCE}\n")
    rules = extract_measures("ef" * 32, doc, Classifier(lexicon, learned=False))
    assert [m.themes for m in rules] == [[]]
    classifier = Classifier(lexicon)
    assert classifier.model_themes == DEFAULT_THEMES
    measures = extract_measures("ef" * 32, doc, classifier)
    assert [m.themes for m in measures] == [["人才"]]
    # the added theme's evidence is words of the sentence (highlights quote only those)
    evidence = measures[0].evidence["人才"]
    assert evidence and all(term in _TALENT_SENTENCE for term in evidence)


def test_the_evidence_of_an_added_theme_is_chinese_words_not_punctuation_or_numbers() -> None:
    # the rules read no theme in a firm count; the model files it under 成果转化, and its
    # evidence column showed "家," (a measure word and the comma after it) as a reason
    sentence = "新认定国家高新技术企业65家,总数达169家,增长30%;"
    doc = parse_structure(f"一、工作成效\n{sentence}\n")
    measures = extract_measures("ef" * 32, doc, Classifier(load_lexicon()))
    assert measures[0].themes == ["成果转化"]
    evidence = measures[0].evidence["成果转化"]
    assert evidence and all(term in sentence for term in evidence)
    assert all(term.isalpha() and not term.isascii() for term in evidence), evidence


def test_a_theme_the_model_takes_from_the_heading_shows_the_headings_words() -> None:
    # the sentence names no theme word and the rules file it nowhere. Whether the shipped weights
    # take 成果转化 from its heading changes with each retrain, so a copy of the model that leans
    # on the heading pins what the evidence must then say: the heading's terms, not the
    # characters of the sentence that happen to weigh most
    doc = parse_structure("二、重点任务\n（四）促进科技成果转化\n建立常态化对接机制。\n")
    classifier = Classifier(load_lexicon())
    shipped = classifier.model
    assert shipped is not None
    weights = shipped.weights.copy()
    column = BUCKETS + meta_names(shipped.themes).index("section:成果转化")
    weights[shipped.themes.index("成果转化")][column] = 20.0
    classifier.model = replace(shipped, weights=weights)
    measures = extract_measures("ef" * 32, doc, classifier)
    assert [m.themes for m in measures] == [["成果转化"]]
    assert measures[0].evidence == {"成果转化": ["科技成果", "成果转化"]}
    classifier.model = None
    assert [m.themes for m in extract_measures("ef" * 32, doc, classifier)] == [[]]


def test_a_weak_hint_the_rules_set_aside_still_counts_for_the_model() -> None:
    # 产业化 alone is a weak hint: the rules file the sentence under no theme. The model reads the
    # lexicon's score before the rules decide, so the hint raises its 成果转化 probability, and
    # explain names that score among the model's reasons
    sentence = "鼓励企业开展技术研发，推动成果就地产业化。"
    classifier = Classifier(load_lexicon())
    assert classifier.themes_of(sentence) == ([], {})
    scores = classifier.lexicon_scores(sentence)
    assert scores == {"成果转化": 0.5}
    model = classifier.model
    assert model is not None
    read = Measure(sentence, [], [], {}, scores)
    unread = Measure(sentence, [], [], {})
    theme = model.themes.index("成果转化")
    with_score, without = model.scores(batch([read, unread], model.themes))[:, theme]
    assert with_score > without
    out = CliRunner().invoke(app, ["explain", sentence]).output
    assert "规则判定：其他（未归入任何主题）" in out
    assert "词表得分（成果转化） +" in out


def test_a_user_table_replacing_a_default_theme_switches_the_model_off_for_it(
    tmp_path: Path,
) -> None:
    user = tmp_path / "mine.toml"
    user.write_text('[themes."基础研究"]\nterms = ["基础研究", "重点实验室"]\n', encoding="utf-8")
    classifier = Classifier(load_lexicon(user))
    assert "基础研究" not in classifier.model_themes
    assert "科技金融" in classifier.model_themes
    # the user's words decide 基础研究: the model, which learned other words, adds nothing
    assert _themes(classifier) == [["科技金融"]]
    listed = CliRunner().invoke(app, ["themes", "--lexicon", str(user)])
    assert "学习模型：最后判定 成果转化、科技金融、人才（用户词表替换了基础研究" in listed.output


def test_a_provision_under_a_talent_heading_is_talent_though_it_names_no_talent() -> None:
    # the heading's generic 人才 needs no science anchor to say what its section is about
    classifier = Classifier(load_lexicon())
    doc = "二、支持措施\n（二）{}支持\n" + _TALENT_SENTENCE + "\n"
    under = extract_measures("ef" * 32, parse_structure(doc.format("人才引进")), classifier)
    assert [m.themes for m in under] == [["人才"]]
    # the same provision under a heading that names no theme stays 其他
    plain = extract_measures("ef" * 32, parse_structure(doc.format("引进")), classifier)
    assert [m.themes for m in plain] == [[]]


def test_a_theme_the_user_adds_is_decided_by_the_rules(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text('[themes."开放合作"]\nterms = ["川渝"]\n', encoding="utf-8")
    classifier = Classifier(load_lexicon(user))
    assert "开放合作" not in classifier.model_themes
    body = "一、工作情况\n深入推进川渝合作，签订合作协议3份。\n"
    measures = extract_measures("ef" * 32, parse_structure(body), classifier)
    assert [m.themes for m in measures] == [["开放合作"]]
    assert measures[0].evidence == {"开放合作": ["川渝"]}


def test_explain_shows_the_models_reasons_and_who_decided() -> None:
    result = CliRunner().invoke(app, ["explain", _TALENT_SENTENCE, "--section", _TALENT_HEADING])
    assert result.exit_code == 0
    out = result.output
    assert "规则判定：其他（未归入任何主题）" in out
    assert "学习模型" in out and "模型依据：" in out
    # the rules' verdict and the heading are among the model's reasons
    assert "规则判定无主题" in out and "所在章节标题（人才）" in out
    assert "最终主题：人才" in out and "学习模型改判规则的结论（加入人才）" in out
    agreed = CliRunner().invoke(app, ["explain", "新招收博士后研究人员32名。"])
    assert "最终主题：人才（依据：博士后）——学习模型与规则一致" in agreed.output


def test_the_shipped_model_is_small_and_gives_the_same_verdict_in_every_process() -> None:
    model = load_model()
    assert model is not None
    assert model.themes == DEFAULT_THEMES
    assert model_path().stat().st_size < 400_000
    measure = Measure(_RD_SENTENCE, ["科技金融"], [], {"科技金融": ["加计扣除"]})
    here = [round(float(p), 6) for p in model.scores(batch([measure], model.themes))[0]]
    # a salted hash (Python's hash of a str) would give other buckets in another process
    code = (
        "from briefing.theme_model import Measure, batch, load_model\n"
        "m = load_model()\n"
        f"one = Measure({_RD_SENTENCE!r}, ['科技金融'], [], {{'科技金融': ['加计扣除']}})\n"
        "print([round(float(p), 6) for p in m.scores(batch([one], m.themes))[0]])\n"
    )
    other = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin"},
    )
    assert other.stdout.strip() == str(here)


def test_a_sentence_gets_the_same_verdict_alone_and_among_a_documents_others() -> None:
    model = load_model()
    assert model is not None
    measures = [
        Measure("新招收博士后研究人员32名。", ["人才"], [], {"人才": ["博士后"]}),
        Measure(_RD_SENTENCE, ["科技金融"], ["科技金融"], {"科技金融": ["加计扣除"]}),
        Measure("", [], [], {}),
        Measure("含\0字符的句子，新建孵化器2家。", [], [], {}),
    ]
    together = model.scores(batch(measures, model.themes))
    for k, measure in enumerate(measures):
        alone = model.scores(batch([measure], model.themes))[0]
        assert [round(float(p), 9) for p in together[k]] == [round(float(p), 9) for p in alone]


def test_accuracy_counts_other_as_a_label_beside_the_usual_figure() -> None:
    accuracy = load_accuracy()
    plain = accuracy.GoldMeasure("d", "召开座谈会。", frozenset(), "done", "")
    talent = accuracy.GoldMeasure("d", "引进人才。", frozenset({"人才"}), "done", "")
    rows = [
        accuracy.Scored(plain, None, frozenset()),  # 其他 right
        accuracy.Scored(talent, None, frozenset()),  # 人才 missed, 其他 said wrongly
    ]
    scores = accuracy.theme_scores(rows, ["人才"], lambda r: r.themes)
    assert scores["micro"]["f1"] == 0.0
    # with 其他 a label: one right, one wrong 其他, one missed 人才: P 1/2, R 1/2
    assert scores["micro_with_other"]["f1"] == 0.5


def test_the_shipped_weights_are_rebuilt_from_the_repositorys_own_data(tmp_path: Path) -> None:
    # anyone must be able to rebuild the model a user runs: trained on the corpus dev part and
    # the seeds' set only, deterministically; a rule change that alters the model's inputs
    # without retraining fails here
    out = tmp_path / "theme_model.npz"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "theme_model.py"), "--train", "--out", str(out)],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    assert out.read_bytes() == model_path().read_bytes()
