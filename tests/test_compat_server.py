"""A plain OpenAI-compatible server, used as a user would: `extract run --base-url URL --model NAME`, no `--mode`.

Recorded from llama-cpp-python's own server (`python -m llama_cpp.server`, the embedded model served as
`qwen`), not through the embedded backend: the probe finds that the server refuses a strict `json_schema`
and enforces a `schema` beside `json_object`, picks llama-schema, says so in the run's first line and in
provenance, remembers it, and the seed gets the figures of the embedded run. The batch round trip
(prepare, the real model answers each request line, collect: two rounds, the statement labels and the second
look) runs against the same server and writes the same record.

Re-record against such a server (host and port are not matched, so the cassettes replay anywhere):

    EXTRACT_RECORD=1 EXTRACT_COMPAT_URL=http://127.0.0.1:8765/v1 pytest -n 0 tests/test_compat_server.py \
        --record-mode=rewrite
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import vcr
from typer.testing import CliRunner

from extract.cli import app
from extract.extractor import Extractor
from extract.model.backends import BackendConfig, BackendKind, OutputMode
from extract.model.client import ModelClient
from extract.model.embedded import MODEL_NAME
from extract.model.mode_probe import modes_file
from extract.model.prompting import load_prompts
from extract.output.evaluation import evaluate
from extract.output.gold import load_golds
from extract.output.records import load_records
from extract.text.loading import load_document
from schemas import ArticleRecord
from tests.batch_runner import run_batch
from tests.conftest import GOLD, RECORD_HINT, REPLAY_BASE_URL, ROOT, SECRET_HEADERS, SEEDS, _json_body, unanswered

SEED = SEEDS / "000_d384c5b91ffa7ef4.txt"
CASSETTES = ROOT / "cassettes" / "test_compat_server"
SERVED_AS = "qwen"  # the name the server was started with (`--model_alias qwen`)
HINT = "re-record with: EXTRACT_RECORD=1 pytest -n 0 tests/test_compat_server.py --record-mode=rewrite"

runner = CliRunner()


@pytest.fixture(scope="module")
def server_url() -> str:
    """The real server when recording; else any URL (the cassettes answer, host and port are not matched)."""
    return os.environ.get("EXTRACT_COMPAT_URL", "http://127.0.0.1:8765/v1") if os.environ.get(
        "EXTRACT_RECORD") else REPLAY_BASE_URL


def _cassette(request: pytest.FixtureRequest, name: str) -> Any:
    path = CASSETTES / name
    mode = request.config.getoption("--record-mode") or "none"
    if mode == "rewrite":  # pytest-recording's mode: start the cassette afresh
        path.unlink(missing_ok=True)
        mode = "new_episodes"
    recorder = vcr.VCR(filter_headers=[(h, None) for h in SECRET_HEADERS], match_on=["method", "path", "json_body"],
                       decode_compressed_response=True, record_mode=mode)
    recorder.register_matcher("json_body", _json_body)
    return recorder.use_cassette(str(path))


@pytest.fixture(scope="module")
def run(request: pytest.FixtureRequest, server_url: str, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[dict[str, Any]]:
    """`extract run SEED --base-url URL --model qwen` twice: the first run probes, the second remembers.

    Module-scoped: the server is asked once for all the tests that look at these runs.
    """
    tmp_path = tmp_path_factory.mktemp("compat-run")
    out = tmp_path / "out.jsonl"
    command = ["run", str(SEED), "-o", str(out), "--base-url", server_url, "--model", SERVED_AS, "--force"]
    with pytest.MonkeyPatch.context() as monkeypatch, _cassette(request, "seed000.yaml") as cassette:
        # a user cache of our own even when recording: the probe must run and every answer must be asked
        monkeypatch.setenv("EXTRACT_CACHE_DIR", str(tmp_path / "user-cache"))
        loaded = len(cassette.data)

        def seen() -> int:  # requests answered so far, whether replayed or recorded
            return int(cassette.play_count) + len(cassette.data) - loaded

        first = runner.invoke(app, command)
        for record in load_records(out):  # an optional question (the second look) fails softly: say why here
            for warning in unanswered(record.warnings):
                pytest.fail(f"{warning}\nThe cassette has no answer for this request; {HINT}")
        asked = seen()
        second = runner.invoke(app, command)
        yield {"first": first, "second": second, "asked": asked, "asked_again": seen() - asked,
               "records": load_records(out), "bodies": [json.loads(r.body) for r in cassette.requests],
               "modes": json.loads(modes_file().read_text())}
        if request.config.getoption("--record-mode") in (None, "none"):
            assert cassette.all_played, f"cassette has unused recordings (stale); {HINT}"


def _embedded_record() -> ArticleRecord:
    """Seed 000 as the embedded backend extracted it (replayed from tests/test_replay's cassette)."""
    recorder = vcr.VCR(record_mode="none", match_on=["method", "path", "json_body"])
    recorder.register_matcher("json_body", _json_body)
    config = BackendConfig(BackendKind.COMPAT, MODEL_NAME, REPLAY_BASE_URL, "no-key", OutputMode.LLAMA_SCHEMA)
    client = ModelClient(config, REPLAY_BASE_URL, MODEL_NAME, cache=None)
    with recorder.use_cassette(str(ROOT / "cassettes" / "test_replay" / "seeds.yaml"), allow_playback_repeats=True):
        record = Extractor(client, load_prompts(), config.describe()).extract(load_document(SEED))
    assert unanswered(record.warnings) == [], f"tests/test_replay's cassette lacks a request; {RECORD_HINT}"
    return record


def _figures(record: ArticleRecord) -> dict[str, Any]:
    overall = evaluate([record], load_golds(GOLD)).to_dict()["overall"]
    return {c: overall[c] for c in ("actors", "statements", "allegations")}


def test_probe_picks_the_schema_mode_and_says_so(run: dict[str, Any], server_url: str) -> None:
    first = run["first"]
    assert first.exit_code == 0, first.output
    line = first.output.splitlines()[0]
    assert line == (f"backend: openai-compatible ({server_url}, mode llama-schema, probed) (probed: json-schema "
                    "refused (HTTP 500), llama-schema enforced)")
    probes = run["bodies"][:2]
    assert probes[0]["response_format"]["type"] == "json_schema"  # the strongest form is asked first
    assert probes[1]["response_format"]["type"] == "json_object" and "schema" in probes[1]["response_format"]
    assert run["asked"] == 4  # two probes, then the article's two questions (the statement labels, the second look)
    record = run["records"][0]
    assert isinstance(record, ArticleRecord)
    assert (record.provenance.mode, record.provenance.mode_source) == ("llama-schema", "probed")
    assert record.provenance.backend.endswith("mode llama-schema, probed)")


def test_the_next_run_remembers_the_mode_without_probing(run: dict[str, Any], server_url: str) -> None:
    second = run["second"]
    assert second.exit_code == 0, second.output
    assert second.output.splitlines()[0].startswith(
        f"backend: openai-compatible ({server_url}, mode llama-schema, remembered) (remembered from a probe on ")
    assert run["asked_again"] == 0  # no probe; the answers come from the response cache
    assert run["modes"][f"{server_url} {SERVED_AS}"]["mode"] == "llama-schema"
    again = run["records"][1]
    assert isinstance(again, ArticleRecord) and again.provenance.mode_source == "remembered"


def test_the_seed_gets_the_figures_of_the_embedded_run(run: dict[str, Any], request: pytest.FixtureRequest) -> None:
    record = run["records"][0]
    assert isinstance(record, ArticleRecord)
    assert not any("allegations" in w for w in record.warnings)  # every question answered
    assert unanswered(record.warnings) == []
    assert _figures(record) == _figures(_embedded_record())


def test_batch_round_trip_against_the_server(request: pytest.FixtureRequest, server_url: str,
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """prepare (mode probed) -> the real model answers each line -> collect; again for the second look."""
    monkeypatch.setenv("EXTRACT_CACHE_DIR", str(tmp_path / "user-cache"))  # the probe must run, as for `run`
    monkeypatch.chdir(tmp_path)
    requests = tmp_path / "requests.jsonl"
    with _cassette(request, "batch-seed000.yaml") as cassette:
        prepared = runner.invoke(app, ["batch", "prepare", str(SEED), "-o", str(requests), "--model", SERVED_AS,
                                       "--base-url", server_url])
        assert prepared.exit_code == 0, prepared.output
        assert prepared.output.startswith("mode: llama-schema (probed: json-schema refused (HTTP 500), "
                                          "llama-schema enforced)")
        run_batch(requests, tmp_path / "results-1.jsonl", server_url)
        labelled = runner.invoke(app, ["batch", "collect", "results-1.jsonl", "-o", "out.jsonl",
                                       "--next", "next.jsonl"])
        assert labelled.exit_code == 0, labelled.output
        assert "1 need another round: 1 requests" in labelled.output  # the second look
        run_batch(tmp_path / "next.jsonl", tmp_path / "results-2.jsonl", server_url)
        collected = runner.invoke(app, ["batch", "collect", "results-1.jsonl", "results-2.jsonl", "-o", "out.jsonl",
                                        "--next", "next.jsonl"])
        if request.config.getoption("--record-mode") in (None, "none"):
            assert cassette.all_played, f"cassette has unused recordings (stale); {HINT}"
    assert collected.exit_code == 0, collected.output
    assert collected.output.startswith("1 done, 0 failed")  # two rounds: actors come from the text
    (record,) = load_records(tmp_path / "out.jsonl")
    assert isinstance(record, ArticleRecord)
    assert (record.provenance.mode, record.provenance.attempts) == ("llama-schema", 2)
    assert not any("allegations" in w for w in record.warnings) and unanswered(record.warnings) == []
    # the batch asks exactly what `run` asks in this mode, so it scores as the embedded run does
    assert _figures(record) == _figures(_embedded_record())
