"""Model-server faults, caused on purpose against a loopback stub, and what the user sees for each.

Transient faults (429 with Retry-After, 5xx, a dropped connection, a slow answer) are retried by the openai
client and the call succeeds; persistent ones end as one ModelError line that says what failed and what to
check; an answer that breaks the schema is re-asked by instructor (and counted in `attempts`); an answer
cut off at `max_tokens` says so. In a batch run a failed article becomes an error record and the next
article still gets its record. Retry waits are patched to nothing, so the whole file runs in seconds.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, Field

from extract.errors import ModelError
from extract.extractor import Extractor
from extract.model.backends import BackendConfig, BackendKind, OutputMode
from extract.model.client import HTTP_RETRIES, CallStats, ModelClient
from extract.model.prompting import load_prompts
from extract.model.server import free_port
from extract.output.records import RecordWriter, load_records
from extract.running import RunOptions, Session, run_documents
from extract.text.loading import Document, document_from_bytes
from schemas import ActorKind, ArticleRecord, ErrorRecord
from tests.stub_server import (
    HARBOUR_ACTORS,
    HARBOUR_ARTICLE,
    HARBOUR_LABELS,
    HARBOUR_REPLY,
    HARBOUR_REPLY_ACTORS,
    HARBOUR_REPLY_LABELS,
    StubServer,
    answer,
    hang,
    malformed,
    patch_backoff,
    rate_limited,
    raw,
    reset,
    running_stub,
    slow,
    status,
    truncated,
)

FAKE_KEY = "sk-test-SECRET123"
HTTP_TRIES = HTTP_RETRIES + 1

ARTICLE, ACTORS, ACCUSATIONS = HARBOUR_ARTICLE, HARBOUR_ACTORS, HARBOUR_LABELS
REPLY, REPLY_ACTORS, REPLY_LABELS = HARBOUR_REPLY, HARBOUR_REPLY_ACTORS, HARBOUR_REPLY_LABELS
MESSAGES = [{"role": "user", "content": "Name the actors. Answer with JSON only."}]
#: The accusations call's output budget: 60 tokens per statement label, plus 50 (the harbour article has four).
ACCUSATIONS_MAX_TOKENS = 60 * 4 + 50



class Named(BaseModel):
    """The shape of the pipeline's actors answer, kept here so these tests do not depend on its internals."""

    name: str = Field(max_length=120)
    kind: ActorKind


class ActorsAnswer(BaseModel):
    actors: list[Named] = Field(max_length=40)


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    yield from running_stub(monkeypatch)


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The retry waits the openai client asked for; only short server-asked ones are really slept."""
    return patch_backoff(monkeypatch)


def client_for(stub: StubServer, timeout: float = 2.0, key: str = FAKE_KEY) -> ModelClient:
    config = BackendConfig(BackendKind.COMPAT, "m", stub.base_url, key, OutputMode.JSON, timeout=timeout)
    return ModelClient(config, stub.base_url, "m")


def ask(client: ModelClient, stats: CallStats | None = None) -> ActorsAnswer:
    return client.complete(ActorsAnswer, MESSAGES, stats or CallStats(), label="actors", max_tokens=900)


def model_error(client: ModelClient, stats: CallStats | None = None) -> str:
    """The message of the ModelError the call ends in, checked to be fit for a user: one line, no key."""
    with pytest.raises(ModelError) as caught:
        ask(client, stats)
    message = str(caught.value)
    assert message.startswith("actors: ")
    assert "\n" not in message and len(message) < 300
    assert "Traceback" not in message and "<failed_attempts>" not in message and "{'error'" not in message
    assert FAKE_KEY not in message and "sk-" not in message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    return message


def article(name: str = "harbour.txt", text: str = ARTICLE) -> Document:
    return document_from_bytes(name, text.encode())


def extractor_for(stub: StubServer, timeout: float = 2.0) -> Extractor:
    client = client_for(stub, timeout)
    # the faults are scripted request by request: no second look (tests/test_api.py, test_second_look.py)
    return Extractor(client, load_prompts(), client.config.describe(), model_actors=True, second_look=False)


# -- transient faults: retried, then the call succeeds -------------------------------------------------


def test_good_answer_is_one_request_and_one_attempt(stub: StubServer) -> None:
    stub.script(answer(ACTORS, usage={"prompt_tokens": 120, "completion_tokens": 30}))
    stats = CallStats()
    result = ask(client_for(stub), stats)
    assert [a.name for a in result.actors] == ["Lena Okafor", "Calder Harbour Board", "Piet Varga"]
    assert (stats.attempts, stats.prompt_tokens, stats.completion_tokens) == (1, 120, 30)
    body = stub.completions()[0].json()
    assert body["model"] == "m" and body["max_tokens"] == 900 and body["temperature"] == 0
    assert body["response_format"] == {"type": "json_object"}


def test_rate_limit_waits_as_long_as_retry_after_then_succeeds(stub: StubServer, waits: list[float]) -> None:
    stub.script(rate_limited(retry_after=0.2), answer(ACTORS))
    stats = CallStats()
    ask(client_for(stub), stats)
    first, second = stub.completions()
    assert waits == [0.2]
    assert second.at - first.at >= 0.2  # really waited what the server asked
    assert stats.attempts == 1  # HTTP retries are below instructor: one completion seen
    assert second.headers["x-stainless-retry-count"] == "1"


@pytest.mark.parametrize("code", [500, 502, 503])
def test_server_error_once_is_retried(stub: StubServer, code: int, waits: list[float]) -> None:
    stub.script(status(code), answer(ACTORS))
    stats = CallStats()
    assert ask(client_for(stub), stats).actors
    assert len(stub.completions()) == 2 and stats.attempts == 1
    assert len(waits) == 1 and 0 < waits[0] <= 8  # the client's own backoff (skipped here)


def test_connection_reset_is_retried(stub: StubServer) -> None:
    stub.script(reset(), reset(), answer(ACTORS))
    stats = CallStats()
    assert ask(client_for(stub), stats).actors
    assert len(stub.completions()) == 3 and stats.attempts == 1


def test_slow_answer_within_the_timeout_is_not_retried(stub: StubServer) -> None:
    stub.script(slow(ACTORS, seconds=0.3))
    assert ask(client_for(stub, timeout=2.0)).actors
    assert len(stub.completions()) == 1


def test_one_hang_then_an_answer_succeeds(stub: StubServer) -> None:
    stub.script(hang(10), answer(ACTORS))
    assert ask(client_for(stub, timeout=0.3)).actors
    assert len(stub.completions()) == 2


# -- persistent faults: one clear line ---------------------------------------------------------------


@pytest.mark.parametrize("code", [500, 502, 503])
def test_persistent_server_error_is_one_line_after_every_retry(stub: StubServer, code: int) -> None:
    stub.script(*[status(code, "upstream model crashed")] * HTTP_TRIES)
    message = model_error(client_for(stub))
    assert message == (
        f"actors: the model server answered HTTP {code} (server error, still after {HTTP_RETRIES} retries): "
        "upstream model crashed"
    )
    assert len(stub.completions()) == HTTP_TRIES


def test_persistent_rate_limit(stub: StubServer) -> None:
    stub.script(*[rate_limited(retry_after=0.01)] * HTTP_TRIES)
    message = model_error(client_for(stub))
    assert f"HTTP 429 (rate limited, still after {HTTP_RETRIES} retries)" in message
    assert len(stub.completions()) == HTTP_TRIES


def test_rate_limit_asking_for_minutes_is_not_waited_for(stub: StubServer, waits: list[float]) -> None:
    stub.script(rate_limited(retry_after=600))
    message = model_error(client_for(stub))
    assert "HTTP 429 (rate limited; the server asks to wait 600 s)" in message
    assert len(stub.completions()) == 1 and waits == []


def test_persistent_connection_reset(stub: StubServer) -> None:
    stub.script(*[reset()] * HTTP_TRIES)
    message = model_error(client_for(stub))
    assert message.startswith(f"actors: cannot reach the model server at {stub.base_url}: ")
    assert message.endswith(f"({HTTP_TRIES} tries)")
    assert len(stub.completions()) == HTTP_TRIES


def test_nothing_listening_is_connection_refused() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    client = ModelClient(BackendConfig(BackendKind.COMPAT, "m", url, FAKE_KEY, OutputMode.JSON, timeout=1), url, "m")
    message = model_error(client)
    assert message.startswith(f"actors: cannot reach the model server at {url}: ")
    assert "refused" in message.lower()


def test_hang_beyond_the_timeout_says_how_long_it_waited(stub: StubServer) -> None:
    stub.script(*[hang(10)] * HTTP_TRIES)
    started = time.monotonic()
    message = model_error(client_for(stub, timeout=0.2))
    assert message == f"actors: the model server at {stub.base_url} did not answer within 0.2 s ({HTTP_TRIES} tries)"
    assert len(stub.completions()) == HTTP_TRIES
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        (400, "bad request; check --mode and --model"),
        (401, "unauthorized; check the API key in EXTRACT_API_KEY or OPENAI_API_KEY"),
        (403, "forbidden; check the API key"),
        (404, "not found; check --base-url and --model"),
    ],
)
def test_client_errors_are_not_retried_and_say_what_to_check(stub: StubServer, code: int, hint: str) -> None:
    stub.script(status(code, "The model `m` does not exist or you do not have access to it."))
    message = model_error(client_for(stub))
    assert f"HTTP {code} ({hint}" in message
    assert message.endswith("The model `m` does not exist or you do not have access to it.")
    assert len(stub.completions()) == 1


def test_a_key_echoed_by_the_server_is_not_repeated(stub: StubServer) -> None:
    stub.script(status(401, f"Incorrect API key provided: {FAKE_KEY}. Header was 'Bearer {FAKE_KEY}'."))
    message = model_error(client_for(stub))  # asserts the key is absent
    assert "Incorrect API key provided: ***" in message


def test_malformed_json_body(stub: StubServer) -> None:
    stub.script(malformed(), malformed())
    message = model_error(client_for(stub))
    assert message == "actors: the model server's response is not valid JSON (2 attempts)"


def test_html_page_instead_of_a_completion(stub: StubServer) -> None:
    page = raw(b"<html><body>502 Bad Gateway</body></html>", content_type="text/html")
    stub.script(page, page)
    message = model_error(client_for(stub))
    assert message == "actors: the model server's response is not a chat completion (2 attempts)"


# -- answers that break the schema: re-asked ------------------------------------------------------------


def test_schema_violation_is_reasked_and_counted(stub: StubServer) -> None:
    stub.script(answer({"actors": [{"name": "Lena Okafor", "kind": "mayor"}]}), answer(ACTORS))
    stats = CallStats()
    result = ask(client_for(stub), stats)
    assert len(result.actors) == 3
    assert stats.attempts == 2 and stats.completion_tokens == 14
    first, second = (r.json()["messages"] for r in stub.completions())
    assert len(second) == len(first) + 2  # the bad answer and the validation error as feedback
    assert second[-2] == {"role": "assistant", "content": '{"actors": [{"name": "Lena Okafor", "kind": "mayor"}]}'}
    assert "actors.0.kind" in second[-1]["content"] or "kind" in second[-1]["content"]


def test_schema_violation_twice_is_a_model_error(stub: StubServer) -> None:
    stub.script(answer({"actors": "Lena Okafor"}), answer({"people": []}))
    stats = CallStats()
    message = model_error(client_for(stub), stats)
    assert message == "actors: no valid answer after 2 attempts: actors: Field required"
    assert stats.attempts == 2


def test_prose_instead_of_json_is_reasked(stub: StubServer) -> None:
    stub.script(answer("Sure! The actors are Lena Okafor and Piet Varga."), answer(ACTORS))
    stats = CallStats()
    assert ask(client_for(stub), stats).actors
    assert stats.attempts == 2


def test_truncated_answer_says_cut_off(stub: StubServer) -> None:
    stub.script(truncated())
    stats = CallStats()
    message = model_error(client_for(stub), stats)
    assert message == "actors: the model's answer was cut off at 900 tokens (finish_reason 'length')"
    assert stats.attempts == 1 and len(stub.completions()) == 1


# -- through the pipeline and a batch run ----------------------------------------------------------------


def test_extractor_rides_out_a_fault_in_its_second_call(stub: StubServer) -> None:
    stub.script(answer(ACTORS), status(503), reset(), answer(ACCUSATIONS))
    record = extractor_for(stub).extract(article())
    assert [a.name for a in record.actors] == ["Lena Okafor", "Calder Harbour Board", "Piet Varga"]
    assert len(record.allegations) == 1
    assert record.provenance.attempts == 2  # two completions; the two HTTP retries are invisible here
    assert record.provenance.usage.prompt_tokens == 22
    assert len(stub.completions()) == 4
    ArticleRecord.model_validate(record.model_dump())


def test_extractor_reask_shows_in_attempts(stub: StubServer) -> None:
    bad = {**ACCUSATIONS, "s1": {"accused": ["Harbour Police"], "category": "corruption"}}  # not named in s1
    stub.script(answer(ACTORS), answer(bad), answer(ACCUSATIONS))
    record = extractor_for(stub).extract(article())
    assert record.provenance.attempts == 3
    reask = stub.completions()[2].json()["messages"][-1]["content"]
    assert "s1.accused.0" in reask and "'Harbour Police'" in reask
    assert record.allegations[0].accused == [a.id for a in record.actors if a.name == "Calder Harbour Board"]


@pytest.mark.parametrize(
    ("bad", "where"),
    [
        ({**REPLY_LABELS, "s1": {"accused": ["Calder Harbour Board"], "category": "corruption"}}, "s1.accused.0"),
        # s2 names only its speaker: it is not asked about, so any label for it is refused
        ({**REPLY_LABELS, "s2": {"accused": ["Piet Varga"], "category": "misconduct"}}, "s2"),
    ],
    ids=["speakers-organisation", "speaker"],
)
def test_extractor_reasks_an_accused_that_is_the_speaker_or_its_organisation(
    stub: StubServer, bad: dict[str, Any], where: str
) -> None:
    """Both are named inside the statement, yet neither is in its `accused` enum: a speaker accuses others."""
    stub.script(answer(REPLY_ACTORS), answer(bad), answer(REPLY_LABELS))
    record = extractor_for(stub).extract(article("reply.txt", REPLY))
    assert record.provenance.attempts == 3
    assert stub.completions()[1].json()["max_tokens"] == 60 * 2 + 50  # both statements asked about
    reask = stub.completions()[2].json()["messages"][-1]["content"]
    assert where in reask
    ids = {a.name: a.id for a in record.actors}
    assert {a.name: a.affiliation for a in record.actors}["Piet Varga"] == ids["Calder Harbour Board"]
    assert [(a.accusers, a.accused, a.category) for a in record.allegations] == [
        ([ids["Piet Varga"]], [ids["Lena Okafor"]], "disinformation")]


def test_a_denial_by_the_accused_organisations_chairman_answers_the_allegation(stub: StubServer) -> None:
    text = ARTICLE.replace("Board chairman Piet Varga denied", "Calder Harbour Board chairman Piet Varga denied")
    stub.script(answer(ACTORS), answer(ACCUSATIONS))
    record = extractor_for(stub).extract(article("harbour.txt", text))
    ids = {a.name: a.id for a in record.actors}
    assert {a.name: a.affiliation for a in record.actors}["Piet Varga"] == ids["Calder Harbour Board"]
    (allegation,) = record.allegations
    assert allegation.accused == [ids["Calder Harbour Board"]]
    assert allegation.status == "denied"
    assert [s.text for s in record.statements if s.id in allegation.responses] == [
        "the accusation", "We have never taken a cent"]


def test_extractor_truncated_accusations_answer_keeps_the_rest_of_the_record(stub: StubServer) -> None:
    stub.script(answer(ACTORS), truncated('{"s1": {"acc'))
    record = extractor_for(stub).extract(article())
    assert stub.completions()[1].json()["max_tokens"] == ACCUSATIONS_MAX_TOKENS
    assert record.allegations == [] and len(record.statements) == 4 and len(record.actors) == 3
    (warning,) = [w for w in record.warnings if "allegations" in w]
    assert warning.startswith(f"accusations: the model's answer was cut off at {ACCUSATIONS_MAX_TOKENS} tokens")
    assert record.provenance.attempts == 2 and record.provenance.usage.completion_tokens == 14


def _run(stub: StubServer, docs: list[Document], tmp_path: Path) -> tuple[Any, list[Any]]:
    config = BackendConfig(BackendKind.COMPAT, "m", stub.base_url, FAKE_KEY, OutputMode.JSON, timeout=5)
    out = tmp_path / "records.jsonl"
    options = RunOptions(model_actors=True, second_look=False)  # faults scripted request by request, as above
    with Session(config, options) as session, RecordWriter(out) as writer:
        summary = run_documents(docs, session, writer)
    return summary, load_records(out)


@pytest.mark.parametrize(
    ("faults", "expected", "attempts"),
    [
        ([status(503)] * HTTP_TRIES, "actors: the model server answered HTTP 503 (server error, still after", 0),
        ([truncated()], "actors: the model's answer was cut off at 900 tokens", 1),
        ([answer({"actors": 1}), answer({"actors": 2})], "actors: no valid answer after 2 attempts: actors: ", 2),
        ([malformed(), malformed()], "actors: the model server's response is not valid JSON", 0),
    ],
    ids=["503", "truncated", "schema", "malformed"],
)
def test_failed_article_becomes_an_error_record_and_the_run_goes_on(
    stub: StubServer, tmp_path: Path, faults: list[Any], expected: str, attempts: int
) -> None:
    stub.script(*faults, answer(ACTORS), answer(ACCUSATIONS))
    summary, records = _run(stub, [article("first.txt"), article("second.txt")], tmp_path)
    assert (summary.done, summary.failed) == (1, 1)
    failed, done = records
    assert isinstance(failed, ErrorRecord) and isinstance(done, ArticleRecord)
    assert failed.source.path == "first.txt" and failed.error.type == "ModelError"
    assert failed.error.message.startswith(expected)
    assert "\n" not in failed.error.message
    assert summary.errors == [f"first.txt: {failed.error.message}"]
    assert done.source.path == "second.txt" and len(done.allegations) == 1
    assert stub.pending == 0
    # what the failed article cost is in its error record and in the run's totals
    assert failed.error.attempts == attempts  # completions received: an HTTP fault delivers none
    assert failed.error.usage.completion_tokens == 7 * attempts
    assert summary.prompt_tokens == failed.error.usage.prompt_tokens + done.provenance.usage.prompt_tokens


def test_error_record_is_valid_jsonl(stub: StubServer, tmp_path: Path) -> None:
    stub.script(*[status(500)] * HTTP_TRIES)
    _run(stub, [article("only.txt")], tmp_path)
    (line,) = (tmp_path / "records.jsonl").read_text().splitlines()
    data = json.loads(line)
    assert set(data) == {"schema_version", "source", "error"}
    assert data["error"]["type"] == "ModelError"
    assert FAKE_KEY not in line

