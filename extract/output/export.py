"""Flatten records into tables as CSV or Parquet: one row per article, actor, statement, allegation.

Two tables look across articles: the merged actors and who accuses whom (`extract.output.graph`). Every other
row carries an `article_id` (see `article_id`) that joins the tables. In CSV, list fields are joined
with "; " and spans are written as "start-end"; in Parquet they stay lists. Parquet needs pyarrow, which is
imported only when asked for.
"""

from __future__ import annotations

import csv
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from extract.errors import ExtractError
from extract.output.corpus import corpus_of
from extract.output.graph import Network, actor_dict, build_network, edge_dict
from extract.output.records import Record, article_id
from schemas import ArticleRecord, ErrorRecord, Source

ExportFormat = Literal["csv", "parquet"]
ColumnType = Literal["str", "int", "float", "bool", "strs", "spans"]
Value = str | int | float | list[str] | list[tuple[int, int]] | None
Row = dict[str, Value]

LIST_SEPARATOR = "; "


class ExportError(ExtractError):
    """Tables cannot be written: unknown format, missing optional dependency, unwritable directory."""


@dataclass(frozen=True)
class Table:
    """The columns of one exported table and how to make its rows from a record."""

    name: str
    columns: tuple[tuple[str, ColumnType], ...]
    rows: Callable[[Record], list[Row]]


def _source_columns(source: Source) -> Row:
    return {"article_id": article_id(source), "path": source.path, "sha256": source.sha256,
            "title": source.title, "byline": source.byline, "published": source.published, "url": source.url}


_SOURCE_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("article_id", "str"), ("path", "str"), ("sha256", "str"), ("title", "str"), ("byline", "str"),
    ("published", "str"), ("url", "str"),
)


def _article_rows(record: Record) -> list[Row]:
    if not isinstance(record, ArticleRecord):
        return []
    p = record.provenance
    return [{**_source_columns(record.source), "schema_version": record.schema_version,
             "actors": len(record.actors), "statements": len(record.statements),
             "allegations": len(record.allegations), "tool_version": p.tool_version, "backend": p.backend,
             "model": p.model, "prompt_sha256": p.prompt_sha256, "attempts": p.attempts,
             "prompt_tokens": p.usage.prompt_tokens, "completion_tokens": p.usage.completion_tokens,
             "seconds": p.seconds, "warnings": list(record.warnings), "text": record.text}]


def _error_rows(record: Record) -> list[Row]:
    if not isinstance(record, ErrorRecord):
        return []
    return [{**_source_columns(record.source), "error_type": record.error.type,
             "error_message": record.error.message}]


def _names(record: ArticleRecord) -> dict[str, str]:
    return {actor.id: actor.name for actor in record.actors}


def _actor_rows(record: Record) -> list[Row]:
    if not isinstance(record, ArticleRecord):
        return []
    names = _names(record)
    aid = article_id(record.source)
    return [{"article_id": aid, "actor_id": a.id, "name": a.name, "kind": a.kind, "role": a.role,
             "affiliation": a.affiliation, "affiliation_name": names.get(a.affiliation or ""),
             "aliases": list(a.aliases), "mentions": list(a.mentions), "unnamed": a.unnamed}
            for a in record.actors]


def _statement_rows(record: Record) -> list[Row]:
    if not isinstance(record, ArticleRecord):
        return []
    names = _names(record)
    aid = article_id(record.source)
    return [{"article_id": aid, "statement_id": s.id, "speaker": s.speaker,
             "speaker_name": names.get(s.speaker), "kind": s.kind, "text": s.text, "start": s.span[0],
             "end": s.span[1], "parts": list(s.parts or []), "cue": s.cue, "date": s.date, "via": s.via,
             "via_name": names.get(s.via or ""),
             "authored": s.authored, "narrated": s.narrated}
            for s in record.statements]


def _allegation_rows(record: Record) -> list[Row]:
    if not isinstance(record, ArticleRecord):
        return []
    names = _names(record)
    aid = article_id(record.source)
    return [{"article_id": aid, "allegation_id": a.id, "accusers": list(a.accusers),
             "accuser_names": [names.get(i, i) for i in a.accusers], "accused": list(a.accused),
             "accused_names": [names.get(i, i) for i in a.accused], "claim": a.claim, "category": a.category,
             "status": a.status, "evidence": list(a.evidence), "responses": list(a.responses)}
            for a in record.allegations]


@dataclass(frozen=True)
class NetworkTable:
    """A table across articles: its rows come from the whole network, not from one record."""

    name: str
    columns: tuple[tuple[str, ColumnType], ...]
    rows: Callable[[Network], list[Row]]


def _network_actor_rows(network: Network) -> list[Row]:
    return [{**actor_dict(actor)} for actor in network.actors.values()]


def _network_edge_rows(network: Network) -> list[Row]:
    rows: list[Row] = []
    for edge in network.edges.values():
        data = edge_dict(edge, network.actors)
        allegations = data.pop("allegations")
        rows.append({**data,
                     "allegation_ids": [f"{a['article']}/{a['allegation']}" for a in allegations],
                     "claims": [a["claim"] for a in allegations],
                     "evidence": [f"{a['article']}/{s}" for a in allegations for s in a["evidence"]],
                     "responses": [f"{a['article']}/{s}" for a in allegations for s in a["responses"]]})
    return rows


TABLES: tuple[Table, ...] = (
    Table("articles", (*_SOURCE_COLUMNS, ("schema_version", "str"), ("actors", "int"), ("statements", "int"),
                       ("allegations", "int"), ("tool_version", "str"), ("backend", "str"), ("model", "str"),
                       ("prompt_sha256", "str"), ("attempts", "int"), ("prompt_tokens", "int"),
                       ("completion_tokens", "int"), ("seconds", "float"), ("warnings", "strs"),
                       ("text", "str")), _article_rows),
    Table("errors", (*_SOURCE_COLUMNS, ("error_type", "str"), ("error_message", "str")), _error_rows),
    Table("actors", (("article_id", "str"), ("actor_id", "str"), ("name", "str"), ("kind", "str"),
                     ("role", "str"), ("affiliation", "str"), ("affiliation_name", "str"),
                     ("aliases", "strs"), ("mentions", "spans"), ("unnamed", "bool")), _actor_rows),
    Table("statements", (("article_id", "str"), ("statement_id", "str"), ("speaker", "str"),
                         ("speaker_name", "str"), ("kind", "str"), ("text", "str"), ("start", "int"),
                         ("end", "int"), ("parts", "spans"), ("cue", "str"), ("date", "str"), ("via", "str"),
                         ("via_name", "str"), ("authored", "bool"), ("narrated", "bool")),
          _statement_rows),
    Table("allegations", (("article_id", "str"), ("allegation_id", "str"), ("accusers", "strs"),
                          ("accuser_names", "strs"), ("accused", "strs"), ("accused_names", "strs"),
                          ("claim", "str"), ("category", "str"), ("status", "str"), ("evidence", "strs"),
                          ("responses", "strs")), _allegation_rows),
)


#: Across articles (`extract.output.graph`): one row per corpus actor, one per accuser -> accused edge. The column
#: names `id`, `label`, `source` and `target` are the ones Gephi's spreadsheet import looks for.
NETWORK_TABLES: tuple[NetworkTable, ...] = (
    NetworkTable("actors", (("id", "str"), ("label", "str"), ("kind", "str"), ("names", "strs"),
                            ("roles", "strs"), ("articles", "int"), ("statements", "int"), ("members", "strs"),
                            ("merges", "strs"), ("kept_apart", "strs")), _network_actor_rows),
    NetworkTable("edges", (("source", "str"), ("target", "str"), ("source_name", "str"), ("target_name", "str"),
                           ("count", "int"), ("articles", "int"), ("categories", "strs"), ("first_date", "str"),
                           ("last_date", "str"), ("denials", "int"), ("allegation_ids", "strs"),
                           ("claims", "strs"), ("evidence", "strs"), ("responses", "strs")), _network_edge_rows),
)


def export_tables(records: Sequence[Record], fmt: ExportFormat, out_dir: Path) -> list[Path]:
    """Write the records as five tables, and two across articles (`network_actors`, `network_edges`).

    The five: articles, errors, actors, statements, allegations. Across articles: the actors merged over
    all records (`extract.output.corpus`) and who accuses whom (`extract.output.graph`).

    Args:
        records: Records as read from a JSONL file; error records go to the errors table only.
        fmt: "csv" (UTF-8, no BOM, one header row) or "parquet" (needs pyarrow).
        out_dir: Directory to write `<table>.csv` or `<table>.parquet` into; created if missing.

    Returns:
        The paths written, one per table, in the order above; every table is written even when empty.

    Raises:
        ExportError: Unknown format, pyarrow missing for parquet, or a file cannot be written.
    """
    writer = _writer(fmt)
    network = build_network(corpus_of(records))
    tables: list[tuple[str, tuple[tuple[str, ColumnType], ...], list[Row]]] = [
        (table.name, table.columns, [row for record in records for row in table.rows(record)]) for table in TABLES
    ]
    tables += [(f"network_{t.name}", t.columns, t.rows(network)) for t in NETWORK_TABLES]
    return _write_all(tables, writer, fmt, out_dir)


def export_network(network: Network, fmt: ExportFormat, out_dir: Path, stem: str) -> list[Path]:
    """Write the two network tables alone, as `<stem>.actors.<fmt>` and `<stem>.edges.<fmt>`."""
    writer = _writer(fmt)
    tables = [(f"{stem}.{t.name}", t.columns, t.rows(network)) for t in NETWORK_TABLES]
    return _write_all(tables, writer, fmt, out_dir)


_Writer = Callable[[tuple[tuple[str, ColumnType], ...], list[Row], Path], None]


def _writer(fmt: str) -> _Writer:
    if fmt not in ("csv", "parquet"):
        raise ExportError(f"unknown export format {fmt!r} (use csv or parquet)")
    return _write_csv if fmt == "csv" else _parquet_writer()


def _write_all(tables: list[tuple[str, tuple[tuple[str, ColumnType], ...], list[Row]]], writer: _Writer, fmt: str,
               out_dir: Path) -> list[Path]:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{out_dir}: cannot create directory ({exc.strerror})") from None
    paths: list[Path] = []
    for name, columns, rows in tables:
        path = out_dir / f"{name}.{fmt}"
        try:
            writer(columns, rows, path)
        except OSError as exc:
            raise ExportError(f"{path}: cannot write ({exc.strerror})") from None
        paths.append(path)
    return paths


def _csv_cell(value: Value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):  # as in the JSON records, not Python's True/False
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(item if isinstance(item, str) else f"{item[0]}-{item[1]}"
                                   for item in value)
    return value


def _write_csv(columns: tuple[tuple[str, ColumnType], ...], rows: list[Row], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([name for name, _ in columns])
        for row in rows:
            writer.writerow([_csv_cell(row[name]) for name, _ in columns])


def _parquet_writer() -> _Writer:
    """Import pyarrow (optional) and return a function writing a table as Parquet with it."""
    try:
        pa: Any = importlib.import_module("pyarrow")
        pq: Any = importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ExportError("parquet export needs pyarrow: pip install pyarrow (or export as csv)") from None
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "strs": pa.list_(pa.string()),
             "spans": pa.list_(pa.list_(pa.int64(), 2))}

    def write(columns: tuple[tuple[str, ColumnType], ...], rows: list[Row], path: Path) -> None:
        schema = pa.schema([(name, types[kind]) for name, kind in columns])
        data = {name: [_parquet_cell(row[name]) for row in rows] for name, _ in columns}
        pq.write_table(pa.Table.from_pydict(data, schema=schema), str(path))

    return write


def _parquet_cell(value: Value) -> object:
    if isinstance(value, list):
        return [item if isinstance(item, str) else list(item) for item in value]
    return value
