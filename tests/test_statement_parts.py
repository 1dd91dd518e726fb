"""Words said in pieces around their own attribution are one statement whose `text` is only the words said.

`"Q1," X said. "Q2."`, `"Q1," X said, "Q2."` and `The deal, officials said, could be signed` are one statement
each (PolNeAR counts them so); its `parts` are the pieces, its `text` their words joined by one space
(CONTRACT.md, `statements[].kind`). Invented sentences only.
"""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from extract.model.prompting import load_prompts
from extract.output.export import export_tables
from extract.output.review_html import highlight
from extract.pipeline import plan
from schemas import ArticleRecord, Provenance, Source, Statement, said_text

TEXT = (
    "Harbour Deal Signed\n\n"
    '"The plan is sound," said Mara Lind, the finance minister. "We will pass it by June."\n\n'
    "The deal, officials said, could be signed next week. "
    '"It was a long week," Mr. Karl Moen said, "but the cranes are moving."\n\n'
    "Councillor Ada Brun said the audit was late.\n"
)


def _answer(request: Any) -> Any:
    """No accusation, and "no" to every closed question."""
    model = request.response_model
    if request.label == "accusations":
        return model.model_validate({k: {"accused": [], "category": "none"} for k in model.model_fields})
    return model.model_validate({k: "no" for k in model.model_fields})


@pytest.fixture(scope="module")
def record() -> ArticleRecord:
    steps = plan(TEXT, load_prompts(), [])
    requests = next(steps)
    try:
        while True:
            requests = steps.send([_answer(r) for r in requests])
    except StopIteration as done:
        actors, statements, allegations = done.value
    return ArticleRecord(
        source=Source(path="invented/harbour.txt", sha256="0" * 64),
        text=TEXT,
        actors=actors,
        statements=statements,
        allegations=allegations,
        provenance=Provenance(tool_version="test", backend="none", model="none", prompt_sha256="0"),
    )


def by_text(record: ArticleRecord) -> dict[str, Statement]:
    return {s.text: s for s in record.statements}


def test_an_interrupted_quotation_is_one_statement_of_the_words_said(record: ArticleRecord) -> None:
    said = by_text(record)
    assert list(said) == [
        "The plan is sound We will pass it by June.",
        "The deal could be signed next week",
        "It was a long week but the cranes are moving.",
        "the audit was late",
    ]
    names = {a.id: a.name for a in record.actors}
    assert [names[s.speaker] for s in record.statements][:3] == ["Mara Lind", "officials", "Karl Moen"]
    for st in record.statements[:3]:
        assert st.parts is not None and len(st.parts) == 2
        assert (st.parts[0][0], st.parts[1][1]) == tuple(st.span)  # the span still runs over the attribution
        assert [TEXT[a:b] in TEXT for a, b in st.parts] == [True, True]
        assert st.text == " ".join(TEXT[a:b] for a, b in st.parts)
        assert "said" not in st.text and "," not in st.text
        assert names[st.speaker].split()[-1] not in st.text
    assert [TEXT[a:b] for a, b in said["The deal could be signed next week"].parts or []] == [
        "The deal", "could be signed next week"]
    assert said["the audit was late"].parts is None  # one piece: no parts, text is the span's


def test_a_record_without_pieces_reads_as_before(record: ArticleRecord) -> None:
    """`parts` is in the JSON only where there are pieces; the record reads back equal."""
    lines = [json.loads(s.model_dump_json()) for s in record.statements]
    assert ["parts" in line for line in lines] == [True, True, True, False]
    assert ArticleRecord.model_validate_json(record.model_dump_json()) == record


def test_the_validator_wants_the_parts_words_joined(record: ArticleRecord) -> None:
    data = json.loads(record.model_dump_json())
    first = data["statements"][0]
    whole = TEXT[first["span"][0] : first["span"][1]]
    first["text"] = whole  # the span's text, attribution and all, is no longer the statement's
    with pytest.raises(ValidationError, match=r"statement S1: text does not match its parts' words joined"):
        ArticleRecord.model_validate(data)
    first["text"], first["parts"] = whole, None  # without parts the span's text is right, as before
    ArticleRecord.model_validate(data)


@pytest.mark.parametrize(
    "parts",
    [
        [[22, 60], [50, 105]],  # overlapping
        [[81, 105], [22, 39]],  # out of order
        [[22, 39], [81, 100]],  # not ending where the span does
        [[22, 39]],  # one piece is no parts
    ],
)
def test_the_validator_rejects_parts_that_are_not_ordered_pieces_of_the_span(
    record: ArticleRecord, parts: list[list[int]]
) -> None:
    data = json.loads(record.model_dump_json())
    data["statements"][0]["parts"] = parts
    data["statements"][0]["text"] = said_text(TEXT, (22, 105), [(a, b) for a, b in parts])
    with pytest.raises(ValidationError):
        ArticleRecord.model_validate(data)


class Marks(HTMLParser):
    """The text inside each `<mark data-st>`, one string per mark."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str | None] = []
        self.marks: list[tuple[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.open.append(dict(attrs).get("data-st"))
            self.marks.append((self.open[-1] or "", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and self.marks:
            sid, words = self.marks[-1]
            self.marks[-1] = (sid, words + data)


def test_the_review_page_marks_the_parts_and_not_the_attribution(record: ArticleRecord) -> None:
    html = highlight(TEXT, record.statements, {a.id: a.name for a in record.actors}, {})
    first = record.statements[0]
    marks = [words for sid, words in Marks(html).marks if sid == first.id]
    assert marks == ["The plan is sound", "We will pass it by June."]
    assert 'class="st c0 direct cont"' in html  # the second piece carries the same statement, continued


def test_the_exports_carry_the_parts(record: ArticleRecord, tmp_path: Path) -> None:
    export_tables([record], "csv", tmp_path)
    with (tmp_path / "statements.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["parts"] for r in rows] == ["22-39; 81-105", "108-116; 134-159", "162-180; 204-230", ""]
    for row in rows:
        parts = [tuple(map(int, p.split("-"))) for p in row["parts"].split("; ") if p]
        assert said_text(TEXT, (int(row["start"]), int(row["end"])), parts) == row["text"]
    pq = pytest.importorskip("pyarrow.parquet")
    export_tables([record], "parquet", tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "statements.parquet").to_pylist()
    assert (table[0]["parts"], table[-1]["parts"]) == ([[22, 39], [81, 105]], [])

