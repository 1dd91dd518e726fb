"""bench/actors.py: the seeds replayed from their cassette, scored and classed, without a model server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract import pipeline
from tests.conftest import GOLD, ROOT, SEEDS


def test_the_actors_bench_replays_the_seeds_and_writes_its_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import actors as bench_actors
    finally:
        sys.path.remove(str(ROOT / "bench"))
    build = pipeline.build_actors
    cassette = ROOT / "cassettes" / "test_replay" / "seeds.yaml"
    argv = ["--articles", str(SEEDS), "--gold", str(GOLD), "--cassette", str(cassette), "--name", "actors-seeds",
            "--results", str(tmp_path), "--keep", str(tmp_path / "out.jsonl"), "--without-model-actors"]
    assert bench_actors.main(argv) == 0
    out = capsys.readouterr().out
    assert "2 articles replayed" in out and "accusations answered from the cache for 2" in out
    assert "| actors | 1.00 | 1.00 | 1.00 |" in out  # the seeds' actors stay exact
    assert "| duplicate | 0 |" in out and "| not listed | 0 |" in out
    assert (tmp_path / "actors-seeds.md").is_file() and len((tmp_path / "out.jsonl").read_text().splitlines()) == 2
    assert pipeline.build_actors is build  # the bench's spy is removed
