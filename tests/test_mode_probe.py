"""The structured-output mode follows from the server: probed once on first contact, remembered, overridable.

Against a loopback stub that refuses what real servers refuse (llama-cpp-python's 500 for `json_schema`,
400 for a parameter a server does not know) or accepts a form and ignores it. The real llama-cpp-python
server is in tests/test_compat_server.py (recorded).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.errors import ModelError
from extract.model.backends import BackendConfig, BackendKind, OutputMode, resolve_backend
from extract.model.mode_probe import PROBE_ANSWER, modes_file, settle_mode
from extract.model.server import free_port
from extract.output.records import load_records
from schemas import ArticleRecord
from tests.stub_server import (
    HARBOUR_ARTICLE,
    StubServer,
    answer,
    harbour_run,
    running_stub,
    status,
)

runner = CliRunner()
UNCONSTRAINED = {"reply": "hello"}  # what the probe's prompt asks for, and a server that ignores the schema gives


@pytest.fixture
def refusing(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    """A server with JSON mode only: it refuses json_schema, a schema beside json_object, and tools."""
    yield from running_stub(monkeypatch, refuses=("json_schema", "schema", "tools"))


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    yield from running_stub(monkeypatch)


def _run(stub: StubServer, tmp_path: Path, *options: str) -> tuple[str, list[ArticleRecord]]:
    article = tmp_path / "harbour.txt"
    article.write_text(HARBOUR_ARTICLE)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(article), "-o", str(out), "--base-url", stub.base_url, "--model", "m",
                                 "--no-cache", "--force", "--model-actors", *options])
    assert result.exit_code == 0, result.output
    records = [r for r in load_records(out) if isinstance(r, ArticleRecord)]
    return result.output, records


def test_json_only_server_gets_json_mode_and_the_run_says_so(refusing: StubServer, tmp_path: Path) -> None:
    refusing.script(answer(UNCONSTRAINED), *harbour_run())
    output, (record,) = _run(refusing, tmp_path)
    assert output.splitlines()[0] == (
        f"backend: openai-compatible ({refusing.base_url}, mode json, probed) (probed: json-schema refused (HTTP 500),"
        " llama-schema refused (HTTP 400), tools refused (HTTP 400), json accepted)")
    sent = [r.json() for r in refusing.completions()]
    assert [b.get("response_format", {}).get("type") for b in sent[:4]] == [
        "json_schema", "json_object", None, "json_object"]  # strongest first; tools carry no response_format
    assert [b["max_tokens"] for b in sent[:4]] == [20] * 4  # tiny probes
    extraction = sent[4:]
    # actors, labels, the second look: no schema it would refuse
    assert [b["response_format"] for b in extraction] == [{"type": "json_object"}] * 3
    assert (record.provenance.mode, record.provenance.mode_source) == ("json", "probed")
    assert len(record.allegations) == 1


def test_the_mode_is_remembered_per_server_and_model(refusing: StubServer, tmp_path: Path) -> None:
    refusing.script(answer(UNCONSTRAINED), *harbour_run())
    _run(refusing, tmp_path)
    refusing.script(*harbour_run())
    before = len(refusing.completions())
    output, records = _run(refusing, tmp_path)
    assert len(refusing.completions()) == before + 3  # the article's three questions, no probe
    assert output.splitlines()[0].startswith(f"backend: openai-compatible ({refusing.base_url}, mode json, "
                                             "remembered) (remembered from a probe on 20")
    assert records[-1].provenance.mode_source == "remembered"
    assert json.loads(modes_file().read_text())[f"{refusing.base_url} m"]["mode"] == "json"


def test_a_form_the_server_accepts_but_ignores_is_not_chosen(stub: StubServer) -> None:
    """json_schema accepted and ignored (the prompt's JSON comes back); the schema beside json_object binds."""
    stub.script(answer(UNCONSTRAINED), answer(PROBE_ANSWER))
    config = resolve_backend(base_url=stub.base_url, model="m", env={})
    settled = settle_mode(config, stub.base_url, "m")
    assert settled.mode is OutputMode.LLAMA_SCHEMA
    assert settled.mode_detail == "probed: json-schema accepted but not enforced, llama-schema enforced"
    assert len(stub.completions()) == 2


def test_a_server_that_enforces_strict_json_schema_is_asked_once(stub: StubServer) -> None:
    stub.script(answer(PROBE_ANSWER))
    settled = settle_mode(resolve_backend(base_url=stub.base_url, model="m", env={}), stub.base_url, "m")
    assert settled.mode is OutputMode.JSON_SCHEMA and len(stub.completions()) == 1


def test_a_forced_tool_call_that_follows_the_schema_is_enforcement(refusing: StubServer) -> None:
    refusing.refuses = ("json_schema", "schema")
    refusing.script(answer(PROBE_ANSWER))  # the stub answers a forced tool as a tool call
    settled = settle_mode(resolve_backend(base_url=refusing.base_url, model="m", env={}), refusing.base_url, "m")
    assert settled.mode is OutputMode.TOOLS


def test_mode_flag_skips_the_probe(stub: StubServer, tmp_path: Path) -> None:
    stub.script(*harbour_run())
    output, (record,) = _run(stub, tmp_path, "--mode", "json")
    assert len(stub.completions()) == 3  # actors, labels, the second look: no probe
    assert output.splitlines()[0] == f"backend: openai-compatible ({stub.base_url}, mode json)"
    assert (record.provenance.mode, record.provenance.mode_source) == ("json", "flag")
    assert not modes_file().exists()


def test_embedded_and_openai_backends_keep_their_known_mode() -> None:
    local = resolve_backend(env={})
    assert (local.mode, local.mode_source) == (OutputMode.LLAMA_SCHEMA, "default")
    assert settle_mode(local, f"http://127.0.0.1:{free_port()}/v1", "m") is local  # nothing is asked
    openai_config = resolve_backend(env={"OPENAI_API_KEY": "sk-test"})
    assert settle_mode(openai_config, None, "gpt-4o-mini") is openai_config


def test_an_unreachable_server_is_not_remembered() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(ModelError, match=r"^probe: cannot reach the model server at"):
        settle_mode(resolve_backend(base_url=url, model="m", env={}), url, "m")
    assert not modes_file().exists()


def test_a_refused_key_is_an_error_not_a_mode(stub: StubServer) -> None:
    stub.script(status(401, "bad key"))
    with pytest.raises(ModelError, match=r"^probe: the model server answered HTTP 401 \(unauthorized"):
        settle_mode(resolve_backend(base_url=stub.base_url, model="m", env={}), stub.base_url, "m")
    assert not modes_file().exists()


def test_a_library_client_left_on_auto_probes_on_creation(stub: StubServer) -> None:
    from extract.model.client import ModelClient

    stub.script(answer(PROBE_ANSWER))
    config = BackendConfig(BackendKind.COMPAT, "m", stub.base_url, "no-key", OutputMode.AUTO)
    assert ModelClient(config, stub.base_url, "m").config.mode is OutputMode.JSON_SCHEMA
