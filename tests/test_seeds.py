"""Golden tests: every real document in tests/data/seeds parsed exactly as reviewed by hand.

The expected JSON files were checked line by line against the documents: numbers, sections,
texts, executors, results, completion marks and every deadline with its dates.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.domain.parsing import parse_document
from bot.domain.readers import read_document
from bot.errors import DocumentRejected
from bot.jsonout import document_to_json

DATA = Path(__file__).parent / "data"
SEEDS = sorted((DATA / "seeds").glob("*.txt"))
NEWS = "002_57a866675da86cd7"
TODAY = date(2026, 11, 24)


def _parse(path: Path) -> dict[str, object]:
    raw = read_document(path.read_bytes(), path.name)
    return document_to_json(parse_document(raw, reference=TODAY))


@pytest.mark.parametrize("path", [p for p in SEEDS if p.stem != NEWS], ids=lambda p: p.stem)
def test_a_seed_document_is_parsed_exactly_as_expected(path: Path) -> None:
    expected = json.loads((DATA / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
    actual = _parse(path)
    assert actual["document"] == expected["document"]
    assert [i["number"] for i in actual["items"]] == [i["number"] for i in expected["items"]]  # type: ignore[index]
    for got, want in zip(actual["items"], expected["items"], strict=True):  # type: ignore[call-overload]
        assert got == want, f"item {want['number']}"
    assert actual["roles"] == expected["roles"]
    assert actual["warnings"] == expected["warnings"]


def test_the_news_article_is_refused_and_nothing_is_invented() -> None:
    with pytest.raises(DocumentRejected) as refused:
        _parse(DATA / "seeds" / f"{NEWS}.txt")
    assert refused.value.key == "doc-not-a-plan"


def test_every_seed_is_covered_by_an_expectation() -> None:
    assert len(SEEDS) == 5
    expected = {p.stem for p in (DATA / "expected").glob("*.json")}
    assert expected == {p.stem for p in SEEDS} - {NEWS}


def test_the_same_plan_in_cp1251_reads_the_same() -> None:
    path = DATA / "seeds" / "001_27c4642fe16f08b2.txt"
    text = path.read_text(encoding="utf-8")
    in_cp1251 = read_document(text.encode("cp1251"), "plan.txt")
    in_utf8 = read_document(path.read_bytes(), "plan.txt")
    assert in_cp1251.blocks == in_utf8.blocks
