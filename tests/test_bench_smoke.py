"""Smoke test of the benchmark scripts in bench/: their plumbing, against the stub model server, in seconds."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from extract.backends import OutputMode
from extract.records import load_records
from schemas import ArticleRecord
from tests.conftest import ROOT

BENCH = ROOT / "bench"


@pytest.fixture(scope="module")
def bench() -> Iterator[dict[str, ModuleType]]:
    sys.path.insert(0, str(BENCH))
    try:
        yield {name: importlib.import_module(name) for name in ("benchlib", "overhead", "quality")}
    finally:
        sys.path.remove(str(BENCH))


def test_overhead_pass_writes_valid_records_and_restores_the_pipeline(
    bench: dict[str, ModuleType], tmp_path: Path
) -> None:
    overhead, benchlib = bench["overhead"], bench["benchlib"]
    from extract import pipeline

    original = pipeline.find_speech
    paths = overhead.generate_articles(6, tmp_path / "articles")
    assert len({p.read_text() for p in paths}) == 6  # all different
    with benchlib.StubModelServer(overhead.actor_pool()) as stub:
        timers = overhead.Timers()
        with overhead.instrumented(timers):
            result = overhead.run_pass(paths, stub, tmp_path / "out.jsonl", OutputMode.LLAMA_SCHEMA)
    assert pipeline.find_speech is original
    assert result.summary.done == 6 and result.summary.failed == 0
    assert result.stub_tasks == {"actors": 6, "accusations": 6}
    assert timers.seconds["model calls"] > 0 and timers.seconds["write"] > 0
    records = load_records(tmp_path / "out.jsonl")
    assert all(isinstance(r, ArticleRecord) and r.statements and r.actors for r in records)


def test_quality_script_against_the_stub(bench: dict[str, ModuleType], tmp_path: Path) -> None:
    assert bench["quality"].main(["--stub", "--results", str(tmp_path)]) == 0
    report = (tmp_path / "quality.md").read_text()
    assert "**overall**" in report and "peak RSS" in report and "cores" in report


def test_peer_script_against_the_stub(bench: dict[str, ModuleType], tmp_path: Path) -> None:
    pytest.importorskip("langextract")
    peer = importlib.import_module("peer")
    assert peer.main(["--stub", "--only", "peer", "--results", str(tmp_path), "--keep", str(tmp_path / "out")]) == 0
    report = (tmp_path / "peer.md").read_text()
    assert "ours / theirs" in report and "## Failures" not in report
    assert (tmp_path / "out" / "langextract.jsonl").read_text().count("\n") == 2

