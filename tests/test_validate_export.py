from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

from extract.errors import ExtractError, RecordError
from extract.output.export import ExportError, export_tables
from extract.output.records import Record, load_records
from extract.output.validation import Problem, validate_file
from schemas import ArticleRecord, ErrorRecord

DATA = Path(__file__).parent / "data" / "review"
TABLES = ["articles", "errors", "actors", "statements", "allegations"]
NETWORK = ["network_actors", "network_edges"]  # across articles; tested in test_graph.py


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return load_records(DATA / "good.jsonl")


# ---------------------------------------------------------------- validate


def test_good_file_has_no_problems() -> None:
    assert validate_file(DATA / "good.jsonl") == (4, [])


def test_bad_file_reports_each_problem_on_its_line() -> None:
    count, problems = validate_file(DATA / "bad.jsonl")
    assert count == 8  # non-blank lines, good and bad
    expected = {
        2: "not JSON",
        4: "statement S1: speaker A9 is not an actor",
        5: "statement S1: text does not match text[0:9]",
        6: "duplicate article seeds/903_port.txt",
        7: "not a JSON object",
        8: "provenance",
    }
    assert [p.line for p in problems] == sorted(expected)
    for problem in problems:
        assert expected[problem.line] in problem.message, problem
    assert "first on line 1" in problems[3].message
    assert str(problems[0]).startswith("line 2: ")


def test_each_integrity_problem_of_a_line_is_its_own_problem(tmp_path: Path) -> None:
    data = json.loads((DATA / "bad.jsonl").read_text(encoding="utf-8").splitlines()[0])
    data["statements"][0]["speaker"] = "A7"
    data["statements"][0]["span"] = [1, 5]
    data["allegations"][0]["evidence"] = ["S9"]
    path = tmp_path / "multi.jsonl"
    path.write_text("\n\n" + json.dumps(data) + "\n", encoding="utf-8")
    count, problems = validate_file(path)
    assert count == 1
    assert problems == [
        Problem(3, "statement S1: speaker A7 is not an actor"),
        Problem(3, "statement S1: text does not match text[1:5]"),
        Problem(3, "allegation L1: evidence S9 does not exist"),
    ]


def test_same_path_with_other_content_is_not_a_duplicate(tmp_path: Path, records: list[Record]) -> None:
    first = records[3]
    second = first.model_copy(update={"source": first.source.model_copy(update={"sha256": "f" * 64})})
    path = tmp_path / "two.jsonl"
    path.write_text(first.model_dump_json() + "\n" + second.model_dump_json() + "\n", encoding="utf-8")
    assert validate_file(path) == (2, [])


def test_missing_file_is_an_extract_error(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match="cannot open"):
        validate_file(tmp_path / "nope.jsonl")


# ---------------------------------------------------------------- export


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def cell(value: object) -> str:
    return "" if value is None else str(value)


def test_csv_round_trip(tmp_path: Path, records: list[Record]) -> None:
    paths = export_tables(records, "csv", tmp_path / "out")
    assert paths == [tmp_path / "out" / f"{name}.csv" for name in TABLES + NETWORK]
    tables = {p.stem: read_csv(p) for p in paths}
    articles = [r for r in records if isinstance(r, ArticleRecord)]
    errors = [r for r in records if isinstance(r, ErrorRecord)]

    assert [row["article_id"] for row in tables["articles"]] == [r.source.sha256[:16] for r in articles]
    for row, rec in zip(tables["articles"], articles, strict=True):
        assert row["path"] == rec.source.path
        assert row["title"] == cell(rec.source.title)
        assert row["text"] == rec.text
        assert row["warnings"] == "; ".join(rec.warnings)
        assert row["model"] == rec.provenance.model
        assert int(row["prompt_tokens"]) == rec.provenance.usage.prompt_tokens
        assert float(row["seconds"]) == rec.provenance.seconds
        assert int(row["statements"]) == len(rec.statements)

    assert tables["errors"] == [
        {"article_id": r.source.sha256[:16], "path": r.source.path, "sha256": r.source.sha256,
         "title": cell(r.source.title), "byline": cell(r.source.byline), "published": cell(r.source.published),
         "url": cell(r.source.url), "error_type": r.error.type, "error_message": r.error.message}
        for r in errors]

    want_actors, want_statements, want_allegations = [], [], []
    for rec in articles:
        aid = rec.source.sha256[:16]
        names = {a.id: a.name for a in rec.actors}
        for a in rec.actors:
            want_actors.append({
                "article_id": aid, "actor_id": a.id, "name": a.name, "kind": a.kind, "role": cell(a.role),
                "affiliation": cell(a.affiliation), "affiliation_name": cell(names.get(a.affiliation or "")),
                "aliases": "; ".join(a.aliases), "mentions": "; ".join(f"{s}-{e}" for s, e in a.mentions),
                "unnamed": "true" if a.unnamed else "false"})
        for s in rec.statements:
            want_statements.append({
                "article_id": aid, "statement_id": s.id, "speaker": s.speaker, "speaker_name": names[s.speaker],
                "kind": s.kind, "text": s.text, "start": str(s.span[0]), "end": str(s.span[1]),
                "parts": "; ".join(f"{a}-{b}" for a, b in s.parts or []), "cue": cell(s.cue),
                "date": cell(s.date), "via": cell(s.via),
                "via_name": cell(names.get(s.via or "")), "authored": "true" if s.authored else "false",
                "narrated": "true" if s.narrated else "false"})
        for al in rec.allegations:
            want_allegations.append({
                "article_id": aid, "allegation_id": al.id, "accusers": "; ".join(al.accusers),
                "accuser_names": "; ".join(names[i] for i in al.accusers), "accused": "; ".join(al.accused),
                "accused_names": "; ".join(names[i] for i in al.accused), "claim": al.claim,
                "category": al.category, "status": al.status, "evidence": "; ".join(al.evidence),
                "responses": "; ".join(al.responses)})
    assert tables["actors"] == want_actors
    assert tables["statements"] == want_statements
    assert tables["allegations"] == want_allegations
    # the text of every statement row is the article text at its span, after the CSV round trip
    texts = {r.source.sha256[:16]: r.text for r in articles}
    for row in tables["statements"]:
        assert texts[row["article_id"]][int(row["start"]):int(row["end"])] == row["text"]


def test_article_id_falls_back_to_path(tmp_path: Path, records: list[Record]) -> None:
    rec = records[3]
    nameless = rec.model_copy(update={"source": rec.source.model_copy(update={"sha256": ""})})
    export_tables([nameless], "csv", tmp_path)
    assert read_csv(tmp_path / "articles.csv")[0]["article_id"] == rec.source.path


def test_empty_tables_still_have_headers(tmp_path: Path) -> None:
    for path in export_tables([], "csv", tmp_path):
        lines = path.read_text(encoding="utf-8").splitlines()
        first = {"network_actors": "id,label,", "network_edges": "source,target,"}.get(path.stem, "article_id,")
        assert len(lines) == 1 and lines[0].startswith(first)


def test_parquet_round_trip(tmp_path: Path, records: list[Record]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    paths = export_tables(records, "parquet", tmp_path)
    assert [p.name for p in paths] == [f"{name}.parquet" for name in TABLES + NETWORK]
    seed = records[0]
    assert isinstance(seed, ArticleRecord)
    statements = pq.read_table(tmp_path / "statements.parquet").to_pylist()
    first = statements[0]
    assert first["article_id"] == seed.source.sha256[:16]
    assert (first["statement_id"], first["speaker_name"], first["text"]) == ("S1", "Kurt Campbell",
                                                                             seed.statements[0].text)
    assert (first["start"], first["end"]) == seed.statements[0].span
    allegations = pq.read_table(tmp_path / "allegations.parquet").to_pylist()
    assert allegations[0]["evidence"] == seed.allegations[0].evidence
    assert allegations[0]["accuser_names"] == ["Kurt Campbell", "United States"]
    actors = pq.read_table(tmp_path / "actors.parquet").to_pylist()
    assert actors[0]["mentions"] == [list(m) for m in seed.actors[0].mentions]
    errors = pq.read_table(tmp_path / "errors.parquet").to_pylist()
    assert [e["error_type"] for e in errors] == ["ModelError"]
    pa = pytest.importorskip("pyarrow")
    aliases = pq.read_table(tmp_path / "actors.parquet").schema.field("aliases").type
    assert pa.types.is_list(aliases) and pa.types.is_string(aliases.value_type)
    export_tables([records[3]], "parquet", tmp_path / "empty")  # typed columns even with no rows
    empty = pq.read_table(tmp_path / "empty" / "allegations.parquet")
    assert empty.num_rows == 0 and pa.types.is_list(empty.schema.field("evidence").type)


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path: Path, records: list[Record],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ExtractError, match="parquet export needs pyarrow"):
        export_tables(records, "parquet", tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format 'xlsx'"):
        export_tables([], "xlsx", tmp_path)  # type: ignore[arg-type]


def test_the_flags_of_an_actor_and_a_statement_are_exported(tmp_path: Path, records: list[Record]) -> None:
    # An analyst filters the tables on them: a source described and not named, the writer's own words, a charge
    # the narration tells. CSV writes them as the JSON records do; Parquet keeps them boolean.
    seed = records[0]
    assert isinstance(seed, ArticleRecord)
    flagged = seed.model_copy(deep=True)
    flagged.actors[1].unnamed = True
    flagged.statements[0].narrated = True
    flagged.statements[1].authored = True
    export_tables([flagged], "csv", tmp_path)
    with (tmp_path / "statements.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["authored"], r["narrated"]) for r in rows[:3]] == [
        ("false", "true"), ("true", "false"), ("false", "false")]
    with (tmp_path / "actors.csv").open(encoding="utf-8") as handle:
        assert [r["unnamed"] for r in csv.DictReader(handle)][:3] == ["false", "true", "false"]
    pq = pytest.importorskip("pyarrow.parquet")
    export_tables([flagged], "parquet", tmp_path / "pq")
    actors = pq.read_table(tmp_path / "pq" / "actors.parquet").to_pylist()
    assert [a["unnamed"] for a in actors][:2] == [False, True]
