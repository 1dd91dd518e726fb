"""bench/real/check_gold.py on general-news gold: an invented page in the L3S-GN1 layout (original/ and
annotated/), whose statements must be in the marked headline and full text, whitespace runs read as one space."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

PAGE = """<html><body><div id="nav">{o}Home | Weather{e}</div>
<h1>{h}Harbour board accused of hiding repair costs{e}</h1>
<p>{b}The Varn harbour board hid the true cost of the pier repairs from the town,
the ferry union said on Monday.{e}</p>
<p>{b}"They knew the bill had doubled and said nothing," union secretary Lena Ostrow told reporters.{e}</p>
<ul><li>{r}Ferry timetable changes for winter{e}</li></ul>
<p>{c}"Both of them are as bad as each other," wrote a reader.{e}</p></body></html>"""


def page(annotated: bool) -> str:
    o, h, b, r, c = (f'<span class="x-nc-sel{n}">' if annotated else "" for n in (0, 1, 2, 4, 5))
    return PAGE.format(o=o, h=h, b=b, r=r, c=c, e="</span>" if annotated else "")


def gold(statements: list[str], leaks: list[str], page_name: str = "p1.html") -> dict[str, object]:
    return {
        "applies_to": [page_name],
        "split": "l3s-gn1",
        "actors": [
            {"name": "Lena Ostrow", "aliases": ["Ostrow"], "kind": "person"},
            {"name": "harbour board", "aliases": [], "kind": "organization"},
        ],
        "statements": [{"speaker": "Lena Ostrow", "kind": "direct", "text": t} for t in statements],
        "allegations": [{"accuser": ["Lena Ostrow"], "accused": ["harbour board"], "claim": "hid the repair costs",
                         "keywords": ["hid"]}],
        "must_not_contain": leaks,
    }


@pytest.fixture(scope="module")
def check_gold() -> Iterator[ModuleType]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        yield importlib.import_module("real.check_gold")
    finally:
        sys.path.remove(str(ROOT / "bench"))


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    for folder, annotated in (("original", False), ("annotated", True)):
        (tmp_path / "pages" / folder).mkdir(parents=True)
        (tmp_path / "pages" / folder / "p1.html").write_text(page(annotated), encoding="utf-8")
    return tmp_path / "pages"


def check(module: ModuleType, tmp_path: Path, pages: Path, content: dict[str, object]) -> list[str]:
    path = tmp_path / "p1.gold.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    problems, counts = module.check_file(path, tmp_path / "no-polnear", pages)
    assert counts["split"] == "l3s-gn1"
    return list(problems)


def test_an_l3s_page_is_found_by_its_html_name(check_gold: ModuleType, pages: Path) -> None:
    assert check_gold.find_article(Path("/nowhere"), "p1.html", pages) == ("l3s-gn1", pages / "original" / "p1.html")
    assert check_gold.find_article(Path("/nowhere"), "p2.html", pages) is None


def test_body_statements_pass_across_a_line_break(check_gold: ModuleType, tmp_path: Path, pages: Path) -> None:
    texts = ["They knew the bill had doubled and said nothing,",
             "The Varn harbour board hid the true cost of the pier repairs from the town,  the ferry union"]
    assert check(check_gold, tmp_path, pages, gold(texts, ["Ferry timetable changes for winter"])) == []


def test_a_quote_from_the_comments_or_a_leak_in_the_body_is_a_problem(
    check_gold: ModuleType, tmp_path: Path, pages: Path
) -> None:
    problems = check(check_gold, tmp_path, pages, gold(["Both of them are as bad as each other,"],
                                                       ["the pier repairs"]))
    assert len(problems) == 2
    assert "statements[0] not verbatim" in problems[0] and "must_not_contain[0] is in the article" in problems[1]


def test_a_missing_page_is_a_problem(check_gold: ModuleType, tmp_path: Path, pages: Path) -> None:
    path = tmp_path / "p2.gold.json"
    path.write_text(json.dumps(gold([], [], page_name="p2.html")), encoding="utf-8")
    problems, _ = check_gold.check_file(path, tmp_path / "no-polnear", pages)
    assert problems == ["applies_to p2.html: no such PolNeAR text file or L3S page"]


def test_quality_runs_only_the_pages_a_general_gold_names(check_gold: ModuleType, tmp_path: Path, pages: Path) -> None:
    (pages / "original" / "p9.html").write_text(page(False), encoding="utf-8")  # a page no gold names
    folder = tmp_path / "general"
    folder.mkdir()
    (folder / "p1.gold.json").write_text(json.dumps(gold(["They knew the bill had doubled"], [])), encoding="utf-8")
    quality = importlib.import_module("quality")  # bench/ is on the path while check_gold is
    assert quality.gold_articles([pages / "original"], folder) == ([pages / "original" / "p1.html"], [])
