"""Extraction pipeline: streaming, worker processes and duplicate records give the same output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from briefing.model import ExtractedDocument
from briefing.pipeline import MIN_FILES_PER_WORKER, extract_documents, iter_documents
from briefing.themes import Classifier, load_lexicon

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CLASSIFIER = Classifier(load_lexicon())


def _corpus(folder: Path, copies: int) -> Path:
    """The seeds several times over: edited copies (new content) and one byte-for-byte repeat."""
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(copies):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            # a different figure per copy: near-duplicates across files, never the same bytes
            edited = text.replace("2023", str(2000 + i), 1) + f"\n附件{i}\n"
            (folder / f"{i:02d}_{seed.name}").write_text(edited, encoding="utf-8")
    shutil.copy(seeds[0], folder / "zz_repeat.txt")
    shutil.copy(seeds[0], folder / "zz_repeat_again.txt")
    return folder


def _records(docs: list[ExtractedDocument]) -> list[str]:
    return [json.dumps(d.to_record(), ensure_ascii=False, sort_keys=True) for d in docs]


def test_worker_processes_give_the_serial_output(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, copies=2 * MIN_FILES_PER_WORKER // 5 + 1)
    serial = extract_documents([folder], CLASSIFIER)
    parallel = extract_documents([folder], CLASSIFIER, workers=2)
    assert _records(parallel) == _records(serial)
    repeat = next(d for d in parallel if d.source.endswith("zz_repeat_again.txt"))
    assert repeat.warnings and "zz_repeat.txt" in repeat.warnings[0]
    assert any(m.duplicate_of for d in parallel for m in d.measures)


def test_streamed_documents_are_final_and_keep_no_structure(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, copies=2)
    streamed = list(iter_documents([folder], CLASSIFIER))
    assert _records(streamed) == _records(extract_documents([folder], CLASSIFIER))
    assert all(not d.structure.sentences for d in streamed)
    assert all(d.body for d in streamed if d.measures)  # the build still needs the text
    # later copies of a seed link to the first copy's measures
    first = {m.id for m in streamed[0].measures}
    linked = [m for d in streamed[1:] for m in d.measures if m.duplicate_of in first]
    assert linked


def test_unlinked_extraction_leaves_duplicates_to_the_caller(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, copies=2)
    docs = extract_documents([folder], CLASSIFIER, link=False)
    assert all(m.duplicate_of is None for d in docs for m in d.measures)


def test_a_page_without_a_date_is_dated_by_its_document_numbers_year(tmp_path: Path) -> None:
    # no date anywhere on the page: "今年" is the year the document number gives
    page = (
        "商丘市科技局对市政协五届七次会议第57101号提案的答复\n商科文〔2022〕7号\n"
        "刘卫东委员:\n经过评选,今年共确定“商丘学者”3名。\n"
    )
    (tmp_path / "reply.txt").write_text(page, encoding="utf-8")
    (doc,) = extract_documents([tmp_path], CLASSIFIER)
    assert [(f.value, f.year) for f in doc.indicators] == [(3, 2022)]


def test_a_page_placed_only_by_its_sites_name_shows_its_level_only_publisher_with_the_place(
    tmp_path: Path,
) -> None:
    # the site's name line is page furniture, out of the body: the place is decided once with
    # the whole page, kept in the record, and the briefing's publisher and gist say it
    from briefing.digest import setting_of, shown_publisher
    from briefing.runs.records import document_from_record

    page = (
        "2025年科技局工作总结\n"
        "沅陵县人民政府门户网站 www.yuanling.gov.cn 发布时间:2026-02-11 15:14 来源:县科技局\n"
        "2025年,县科技局党组在县委、县政府的正确领导下,聚焦主业,现将工作情况总结如下:\n"
        "一、2025年工作情况\n组织企业申报高新技术企业,新增高新技术企业12家。\n"
    )
    (tmp_path / "summary.txt").write_text(page, encoding="utf-8")
    (doc,) = extract_documents([tmp_path], CLASSIFIER)
    assert "门户网站" not in doc.body
    assert doc.metadata.publisher == "县科技局"
    assert doc.metadata.jurisdiction == "沅陵县"
    assert shown_publisher(doc) == "沅陵县科技局"
    assert setting_of(doc) == ""  # the publisher shown already names the place
    # a build from the JSONL record (no body) shows the same publisher
    record = json.loads(json.dumps(doc.to_record(), ensure_ascii=False))
    assert record["metadata"]["jurisdiction"] == "沅陵县"
    assert shown_publisher(document_from_record(record)) == "沅陵县科技局"
