"""Every structured-output mode (`--mode`) extracts the same record, and each sends what its server needs.

tools and json-schema servers (OpenAI, vLLM) enforce the schema they are sent, so they get the exact one:
every enum, closed objects, a name. Plain JSON mode carries a compact schema in the prompt; llama-schema
carries the exact schema beside it, for llama.cpp's grammar.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from extract.errors import ModelError
from extract.extractor import Extractor
from extract.model.backends import BackendConfig, BackendKind, OutputMode
from extract.model.client import CallStats, ModelClient
from extract.model.prompting import load_prompts
from extract.text.loading import document_from_bytes
from schemas import ArticleRecord
from tests.conftest import unanswered
from tests.stub_server import (
    HARBOUR_ACTORS,
    HARBOUR_ARTICLE,
    HARBOUR_LABELS,
    HARBOUR_SECOND_LOOK,
    StubServer,
    answer,
    harbour_run,
    running_stub,
)


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    yield from running_stub(monkeypatch)


def _client(stub: StubServer, mode: OutputMode) -> ModelClient:
    config = BackendConfig(BackendKind.COMPAT, "m", stub.base_url, "no-key", mode, timeout=5)
    return ModelClient(config, stub.base_url, "m")


def _extract(stub: StubServer, mode: OutputMode) -> ArticleRecord:
    client = _client(stub, mode)
    extractor = Extractor(client, load_prompts(), client.config.describe(), model_actors=True)
    return extractor.extract(document_from_bytes("harbour.txt", HARBOUR_ARTICLE.encode()))


def _facts(record: ArticleRecord) -> Any:
    names = {a.id: a.name for a in record.actors}
    return (
        sorted(names.values()),
        [(names[s.speaker], s.text) for s in record.statements],
        [([names[i] for i in a.accusers], [names[i] for i in a.accused], a.category, a.status)
         for a in record.allegations],
    )


CHOSEN = [m for m in OutputMode if m is not OutputMode.AUTO]  # auto becomes one of these (test_mode_probe)


@pytest.mark.parametrize("mode", CHOSEN, ids=[m.value for m in CHOSEN])
def test_every_mode_gives_the_same_record(stub: StubServer, mode: OutputMode) -> None:
    stub.script(*harbour_run())  # actors, labels, and the second look's yes/no question, in every mode
    record = _extract(stub, mode)
    assert _facts(record) == (
        ["Calder Harbour Board", "Lena Okafor", "Piet Varga"],
        [("Lena Okafor", "the Calder Harbour Board had taken bribes from shipping firms"),
         ("Lena Okafor", "The board sold the berths to the highest briber"),
         ("Piet Varga", "the accusation"),
         ("Piet Varga", "We have never taken a cent")],
        # "Board chairman Piet Varga denied": his role names the board, so his denial answers the allegation
        [(["Lena Okafor"], ["Calder Harbour Board"], "corruption", "denied")],
    )
    assert record.provenance.attempts == 3 and unanswered(record.warnings) == []


def _enum_of_s1(schema: dict[str, Any]) -> list[str]:
    s1 = schema["$defs"][schema["properties"]["s1"]["$ref"].rsplit("/", 1)[-1]]
    items = s1["properties"]["accused"]["items"]
    return list(items.get("enum") or [items["const"]])


def test_tools_mode_sends_the_exact_schema_as_a_named_tool(stub: StubServer) -> None:
    stub.script(*harbour_run())
    _extract(stub, OutputMode.TOOLS)
    body = stub.completions()[1].json()
    (tool,) = body["tools"]
    assert body["tool_choice"] == {"type": "function", "function": {"name": "StatementLabels"}}
    parameters = tool["function"]["parameters"]
    assert list(parameters["properties"]) == ["s1", "s2", "s3", "s4"]
    assert parameters["additionalProperties"] is False
    assert _enum_of_s1(parameters) == ["Calder Harbour Board"]


def test_json_schema_mode_sends_the_exact_strict_schema(stub: StubServer) -> None:
    stub.script(*harbour_run())
    _extract(stub, OutputMode.JSON_SCHEMA)
    fmt = stub.completions()[1].json()["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["name"] == "StatementLabels"
    schema = fmt["json_schema"]["schema"]
    assert schema["required"] == ["s1", "s2", "s3", "s4"] and schema["additionalProperties"] is False
    assert _enum_of_s1(schema) == ["Calder Harbour Board"]


def test_tools_mode_reasks_an_accused_outside_the_statement(stub: StubServer) -> None:
    wrong = {**HARBOUR_LABELS, "s1": {"accused": ["Piet Varga"], "category": "corruption"}}
    stub.script(answer(HARBOUR_ACTORS), answer(wrong), answer(HARBOUR_LABELS), answer(HARBOUR_SECOND_LOOK))
    record = _extract(stub, OutputMode.TOOLS)
    assert record.provenance.attempts == 4  # the re-ask is counted, and the second look
    assert [a.category for a in record.allegations] == ["corruption"]


def test_a_fault_inside_the_client_libraries_is_one_line(stub: StubServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bug this mode once had (instructor's tools schema needs a title: KeyError) is one ModelError line."""
    from extract.model.answers import ActorsAnswer

    monkeypatch.setattr("extract.model.client.server_enforced", lambda model: model)  # the compact, untitled schema
    stub.script(answer(HARBOUR_ACTORS))
    with pytest.raises(ModelError) as caught:
        _client(stub, OutputMode.TOOLS).complete(ActorsAnswer, [{"role": "user", "content": "x"}], CallStats(),
                                                 label="actors")
    assert str(caught.value) == "actors: unexpected KeyError in the model client: 'title'"
