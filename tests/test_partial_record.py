"""A failed question costs only its part: no valid accusations answer leaves a record with actors and statements.

The accusations answer never validates (the stub keeps naming an actor the statement's schema does not
offer): the record is still written, `allegations: []` and a warning naming the failure; `validate`
accepts it and `review` shows the warning. Every paid call counts, in provenance and in the closing line.
An article is an error record only when nothing usable is left (the actors question failed), and even
then what it cost is in the record and in the totals.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract import cli
from extract.cli import app
from extract.output.records import load_records
from schemas import ArticleRecord, ErrorRecord
from tests.batch_runner import run_batch
from tests.stub_server import HARBOUR_ACTORS, HARBOUR_ARTICLE, HARBOUR_LABELS, StubServer, answer, running_stub

runner = CliRunner()
#: s1 may accuse only the board; naming the mayor breaks its schema, every time it is asked.
NEVER_VALID = {**HARBOUR_LABELS, "s1": {"accused": ["Lena Okafor"], "category": "corruption"}}


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    yield from running_stub(monkeypatch)


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR_ARTICLE)
    return path


def _run(stub: StubServer, tmp_path: Path, exit_code: int = 0) -> tuple[str, Path]:
    """`extract run` on the harbour article; every stub completion reports 11 + 7 tokens."""
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(_article(tmp_path)), "-o", str(out), "--base-url", stub.base_url,
                                 "--model", "m", "--mode", "json", "--no-cache", "-q", "--model-actors"])
    assert result.exit_code == exit_code, result.output
    return result.output, out


def test_accusations_never_valid_keeps_actors_and_statements(
    stub: StubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub.script(answer(HARBOUR_ACTORS), answer(NEVER_VALID), answer(NEVER_VALID))
    output, out = _run(stub, tmp_path)
    (record,) = load_records(out)
    assert isinstance(record, ArticleRecord)
    assert [a.name for a in record.actors] == ["Lena Okafor", "Calder Harbour Board", "Piet Varga"]
    assert len(record.statements) == 4 and record.allegations == []
    (warning,) = [w for w in record.warnings if "allegations" in w]
    assert warning.startswith("accusations: no valid answer after 2 attempts: s1.accused.0: Input should be "
                              "'Calder Harbour Board'")
    assert warning.endswith("(no allegations from the article; its actors and statements are kept)")
    # three completions were paid for (actors, accusations, its re-ask): all of them are counted
    assert record.provenance.attempts == 3
    assert (record.provenance.usage.prompt_tokens, record.provenance.usage.completion_tokens) == (33, 21)
    assert "1 done, 0 failed, 33+21 tokens" in output

    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0 and "1 records, all valid" in checked.output
    monkeypatch.setattr(cli.out, "_width", 400)  # the CLI's console took its width at import
    shown = runner.invoke(app, ["review", str(out), "--terminal"])
    assert f"warning: {warning}" in shown.output
    page = tmp_path / "review.html"
    assert runner.invoke(app, ["review", str(out), "-o", str(page)]).exit_code == 0
    assert "no allegations from the article" in page.read_text()


def test_actors_never_valid_is_an_error_record_that_counts_its_cost(stub: StubServer, tmp_path: Path) -> None:
    bad = {"actors": [{"name": "Lena Okafor", "kind": "wizard"}]}
    stub.script(answer(bad), answer(bad))
    output, out = _run(stub, tmp_path, exit_code=1)
    (record,) = load_records(out)
    assert isinstance(record, ErrorRecord)
    assert record.error.message.startswith("actors: no valid answer after 2 attempts")
    assert record.error.attempts == 2
    assert (record.error.usage.prompt_tokens, record.error.usage.completion_tokens) == (22, 14)
    assert "0 done, 1 failed, 22+14 tokens" in output  # not "0+0": the two calls were paid for


def test_batch_collect_keeps_the_record_when_round_two_is_invalid(stub: StubServer, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    prepared = runner.invoke(app, ["batch", "prepare", str(_article(tmp_path)), "-o", "requests.jsonl",
                                   "--mode", "json", "--model-actors"])
    assert prepared.exit_code == 0, prepared.output
    stub.script(answer(HARBOUR_ACTORS))
    run_batch(tmp_path / "requests.jsonl", tmp_path / "results-1.jsonl", stub.base_url)
    assert runner.invoke(app, ["batch", "collect", "results-1.jsonl", "-o", "out.jsonl"]).exit_code == 0
    stub.script(answer(NEVER_VALID))
    run_batch(tmp_path / "next-requests.jsonl", tmp_path / "results-2.jsonl", stub.base_url)
    second = runner.invoke(app, ["batch", "collect", "results-1.jsonl", "results-2.jsonl", "-o", "out.jsonl"])
    assert second.exit_code == 0 and "1 done, 0 failed" in second.output, second.output
    (line,) = (tmp_path / "out.jsonl").read_text().splitlines()
    record = json.loads(line)
    assert len(record["actors"]) == 3 and len(record["statements"]) == 4 and record["allegations"] == []
    assert any(w.startswith("accusations (a1/r2/0): invalid answer: s1.accused.0") for w in record["warnings"])
    assert record["provenance"]["attempts"] == 2
    assert record["provenance"]["usage"] == {"prompt_tokens": 22, "completion_tokens": 14}
