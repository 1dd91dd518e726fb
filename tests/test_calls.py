"""How many questions an article costs: by default one model call per chunk (the statement labels).

The actors come from the text (people named in full, the gazetteer, the speakers); `--model-actors` asks the
model for them first, one call more per chunk. Driven through the CLI against the stub server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.model.prompting import load_prompts
from extract.output.records import load_records
from extract.pipeline import plan
from schemas import ArticleRecord
from tests.allegation_names import who_accuses_whom
from tests.batch_runner import run_batch
from tests.stub_server import (
    HARBOUR_REPLY,
    HARBOUR_REPLY_ACTORS,
    HARBOUR_REPLY_LABELS,
    StubServer,
    answer,
    running_stub,
)

runner = CliRunner()


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    yield from running_stub(monkeypatch)


def _run(stub: StubServer, tmp_path: Path, *options: str) -> ArticleRecord:
    article = tmp_path / "reply.txt"
    article.write_text(HARBOUR_REPLY)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(article), "-o", str(out), "--base-url", stub.base_url, "--model", "m",
                                 "--mode", "json", "--no-cache", "-q", *options])
    assert result.exit_code == 0, result.output
    (record,) = load_records(out)
    assert isinstance(record, ArticleRecord)
    return record


def _system(request_body: dict[str, object]) -> str:
    messages = request_body["messages"]
    assert isinstance(messages, list)
    return str(messages[0]["content"])


def _accusations(record: ArticleRecord) -> list[tuple[list[str], list[str]]]:
    return who_accuses_whom(record.actors, record.allegations)


def test_a_default_run_asks_one_question_per_article_and_finds_the_actors_in_the_text(
    stub: StubServer, tmp_path: Path
) -> None:
    stub.script(answer(HARBOUR_REPLY_LABELS))
    record = _run(stub, tmp_path)
    (call,) = stub.completions()
    system = _system(call.json())
    assert "STATEMENTS:" in system and "list the actors" not in system
    assert {"Piet Varga", "Lena Okafor"} <= {a.name for a in record.actors}  # people the text names in full
    assert _accusations(record) == [(["Piet Varga"], ["Lena Okafor"])]
    assert record.provenance.attempts == 1 and record.provenance.usage.prompt_tokens == 11


def test_model_actors_asks_the_actors_first_then_the_labels(stub: StubServer, tmp_path: Path) -> None:
    stub.script(answer(HARBOUR_REPLY_ACTORS), answer(HARBOUR_REPLY_LABELS))
    record = _run(stub, tmp_path, "--model-actors")
    first, second = stub.completions()
    assert "list the actors" in _system(first.json()) and "STATEMENTS:" in _system(second.json())
    assert _accusations(record) == [(["Piet Varga"], ["Lena Okafor"])]
    assert record.provenance.attempts == 2


def test_a_default_batch_is_one_round(stub: StubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "reply.txt"
    article.write_text(HARBOUR_REPLY)
    prepared = runner.invoke(app, ["batch", "prepare", str(article), "-o", "requests.jsonl", "--mode", "json"])
    assert prepared.exit_code == 0, prepared.output
    (line,) = (tmp_path / "requests.jsonl").read_text().splitlines()
    assert json.loads(line)["custom_id"] == "a1/r1/0" and "STATEMENTS:" in _system(json.loads(line)["body"])
    stub.script(answer(HARBOUR_REPLY_LABELS))
    run_batch(tmp_path / "requests.jsonl", tmp_path / "results-1.jsonl", stub.base_url)
    collected = runner.invoke(app, ["batch", "collect", "results-1.jsonl", "-o", "out.jsonl"])
    assert collected.exit_code == 0 and "1 done, 0 failed" in collected.output, collected.output
    (record,) = load_records(tmp_path / "out.jsonl")
    assert isinstance(record, ArticleRecord) and _accusations(record) == [(["Piet Varga"], ["Lena Okafor"])]


def test_every_statement_is_asked_about_also_one_that_names_nobody() -> None:
    """The model labels each statement in the context of all of them: none is left out of the question."""
    text = (
        "Budget Row\n\nSenator Ana Ruiz said Governor Tom Bell had hidden the deficit. Bell said the figures were "
        "published in March. Analyst Mia Cho said the weather would stay dry.\n"
    )
    steps = plan(text, load_prompts(), [])
    (request,) = next(steps)
    asked = request.messages[0]["content"].split("STATEMENTS:\n")[-1].splitlines()
    assert asked == [
        "s1. [Ana Ruiz] (names: Tom Bell) Governor Tom Bell had hidden the deficit",
        "s2. [Tom Bell] (names: nobody) the figures were published in March",
        "s3. [Mia Cho] (names: nobody) the weather would stay dry",
    ]
    assert list(request.response_model.model_fields) == ["s1", "s2", "s3"]
    with pytest.raises(StopIteration) as done:
        steps.send([request.response_model.model_validate({
            "s1": {"accused": ["Tom Bell"], "category": "corruption"}, "s2": {"accused": [], "category": "denial"},
            "s3": {"accused": [], "category": "none"}})])
    _, statements, allegations = done.value.value
    assert len(statements) == 3
    (allegation,) = allegations
    assert allegation.responses == ["S2"] and allegation.status == "denied"
