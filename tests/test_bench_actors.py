"""bench/actors.py: the seeds scored and classed without a model (stand-in, or replayed from their cassette)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from extract import pipeline
from tests.conftest import GOLD, ROOT, SEEDS


def _bench() -> Any:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import actors as bench_actors
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return bench_actors


def test_the_actors_bench_replays_the_seeds_and_writes_its_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench_actors = _bench()
    build = pipeline.build_actors
    cassette = ROOT / "cassettes" / "test_replay" / "seeds.yaml"
    argv = [
        "--articles",
        str(SEEDS),
        "--gold",
        str(GOLD),
        "--cassette",
        str(cassette),
        "--name",
        "actors-seeds",
        "--results",
        str(tmp_path),
        "--keep",
        str(tmp_path / "out.jsonl"),
        "--replay",
        "--without-model-actors",
    ]
    assert bench_actors.main(argv) == 0
    out = capsys.readouterr().out
    assert "2 articles replayed" in out and "accusations answered from the cache for 2" in out
    assert "| gold actors | 1.00 | 1.00 | 1.00 | 22 | 0 | 0 |" in out  # the seeds' actors stay exact
    assert "| gold statements |" in out
    assert "| duplicate | 0 |" in out and "| not listed | 0 |" in out
    assert (tmp_path / "actors-seeds.md").is_file() and len((tmp_path / "out.jsonl").read_text().splitlines()) == 2
    assert pipeline.build_actors is build  # the bench's spy is removed


def test_by_default_the_actors_are_scored_without_the_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The stand-in answers every request, so the actors are a real run's and only the actors row is shown."""
    assert _bench().main(["--articles", str(SEEDS), "--gold", str(GOLD), str(GOLD), "--results", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 articles, actors without the model (0 failed)")
    assert out.count("| gold actors | 1.00 | 1.00 | 1.00 | 22 | 0 | 0 |") == 2  # once per --gold folder
    assert "| all actors | 1.00 | 1.00 | 1.00 | 44 | 0 | 0 |" in out and "statements |" not in out


def test_a_gold_folder_names_its_articles_in_the_polnear_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "polnear" / "train" / "text"
    text.mkdir(parents=True)
    (text / "a.txt").write_text("An invented article.\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.gold.json").write_text(json.dumps({"applies_to": ["a.txt", "b.txt"]}), encoding="utf-8")
    assert _bench().gold_articles(gold, tmp_path / "polnear") == [text / "a.txt"]
    assert "no article b.txt" in capsys.readouterr().err
