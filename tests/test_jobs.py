"""--jobs: several articles in flight against a server, written in input order, nothing lost or doubled."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import ClassVar

import pytest

from extract.errors import ModelError
from extract.model.backends import BackendConfig, BackendKind, OutputMode
from extract.output.records import RecordWriter, load_records
from extract.running import RunOptions, Session, run_documents
from extract.text.loading import Document, document_from_bytes
from schemas import ArticleRecord, ErrorRecord, Provenance, Source


class SlowExtractor:
    """Stands in for the model: `seconds` per article, fails on request, notes the threads it ran on."""

    threads: ClassVar[set[int]] = set()
    seconds: ClassVar[float] = 0.2

    def extract(self, doc: Document) -> ArticleRecord:
        SlowExtractor.threads.add(threading.get_ident())
        time.sleep(SlowExtractor.seconds)
        if "fail" in doc.raw:
            raise ModelError("stub: no valid answer")
        return ArticleRecord(source=Source(path=doc.path, sha256=doc.sha256), text=doc.raw,
                             provenance=Provenance(tool_version="t", backend="b", model="m", prompt_sha256="p"))


def _run(jobs: int, kind: BackendKind, docs: list[Document], out: Path, monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setattr(Session, "extractor", lambda self: SlowExtractor())
    config = BackendConfig(kind, "m", "http://127.0.0.1:9/v1", "no-key", OutputMode.JSON)
    started = time.monotonic()
    with Session(config, RunOptions(jobs=jobs)) as session, RecordWriter(out) as writer:
        summary = run_documents(docs, session, writer)
    assert (summary.done, summary.failed) == (7, 1)
    return time.monotonic() - started


def _docs() -> list[Document]:
    return [document_from_bytes(f"a{i}.txt", f"Article {i}{' fail' if i == 3 else ''}.".encode()) for i in range(8)]


def test_jobs_overlap_articles_and_keep_input_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    SlowExtractor.threads = set()
    monkeypatch.setattr(SlowExtractor, "seconds", 0.2)
    elapsed = _run(4, BackendKind.COMPAT, _docs(), tmp_path / "out.jsonl", monkeypatch)
    assert elapsed < 8 * 0.2 * 0.6  # one at a time would take 1.6 s
    assert len(SlowExtractor.threads) > 1
    records = load_records(tmp_path / "out.jsonl")
    assert [r.source.path for r in records] == [f"a{i}.txt" for i in range(8)]
    assert isinstance(records[3], ErrorRecord) and records[3].error.type == "ModelError"


def test_embedded_server_gets_one_article_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    SlowExtractor.threads = set()
    monkeypatch.setattr(SlowExtractor, "seconds", 0.05)  # a lower bound needs no margin: short sleeps do
    elapsed = _run(4, BackendKind.LOCAL, _docs(), tmp_path / "out.jsonl", monkeypatch)
    assert elapsed >= 8 * 0.05
    assert len(SlowExtractor.threads) == 1
