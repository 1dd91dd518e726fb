"""`extract batch prepare/collect`: the OpenAI Batch format round trip, offline, against `run` as the reference.

A batch runner (tests/batch_runner.py, standing in for OpenAI's Batch API or vLLM `run-batch`) sends each
request line to a loopback stub and writes the results in the Batch output format. The records `collect`
writes must be the records `run` writes for the same answers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extract.cli import app
from tests.batch_runner import run_batch
from tests.stub_server import (
    HARBOUR_ACTORS,
    HARBOUR_ARTICLE,
    HARBOUR_LABELS,
    HARBOUR_REPLY,
    HARBOUR_REPLY_ACTORS,
    HARBOUR_REPLY_LABELS,
    HARBOUR_SECOND_LOOK,
    MODEL_ID,
    StubServer,
    answer,
    harbour_run,
    running_stub,
    status,
)

runner = CliRunner()


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    yield from running_stub(monkeypatch)


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_accusation.txt").write_text(HARBOUR_ARTICLE)
    (folder / "b_reply.txt").write_text(HARBOUR_REPLY)
    (folder / "c_empty.txt").write_text("   \n")
    return [folder]


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _prepare(articles: list[Path], tmp_path: Path, *options: str) -> Path:
    requests = tmp_path / "requests.jsonl"
    result = runner.invoke(app, ["batch", "prepare", *map(str, articles), "-o", str(requests), "--model-actors",
                                 *options])
    assert result.exit_code == 0, result.output
    return requests


def _collect(tmp_path: Path, *results: Path) -> Any:
    return runner.invoke(app, [
        "batch", "collect", *map(str, results), "-o", str(tmp_path / "out.jsonl"),
        "--articles", str(tmp_path / "requests.articles.jsonl"), "--next", str(tmp_path / "next.jsonl"),
    ])


def _three_rounds(stub: StubServer, articles: list[Path], tmp_path: Path) -> Any:
    """Actors, then labels; the accusation's article has a third round, the second look (the reply has none)."""
    requests = _prepare(articles, tmp_path)
    stub.script(answer(HARBOUR_ACTORS), answer(HARBOUR_REPLY_ACTORS))
    run_batch(requests, tmp_path / "results-1.jsonl", stub.base_url)
    first = _collect(tmp_path, tmp_path / "results-1.jsonl")
    assert first.exit_code == 0, first.output
    assert "2 need another round: 2 requests" in first.output
    stub.script(answer(HARBOUR_LABELS), answer(HARBOUR_REPLY_LABELS))
    run_batch(tmp_path / "next.jsonl", tmp_path / "results-2.jsonl", stub.base_url)
    second = _collect(tmp_path, tmp_path / "results-1.jsonl", tmp_path / "results-2.jsonl")
    assert second.exit_code == 0, second.output
    assert "1 done, 0 failed, 1 already in the output" in second.output
    assert "1 need another round: 1 requests" in second.output
    assert [line["custom_id"] for line in _lines(tmp_path / "next.jsonl")] == ["a1/r3/0"]
    stub.script(answer(HARBOUR_SECOND_LOOK))
    run_batch(tmp_path / "next.jsonl", tmp_path / "results-3.jsonl", stub.base_url)
    return _collect(tmp_path, *(tmp_path / f"results-{n}.jsonl" for n in (1, 2, 3)))


def _content(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record[k] for k in ("source", "text", "actors", "statements", "allegations", "warnings")}


def test_collect_writes_the_records_run_writes(stub: StubServer, articles: list[Path], tmp_path: Path) -> None:
    stub.script(*harbour_run(), answer(HARBOUR_REPLY_ACTORS), answer(HARBOUR_REPLY_LABELS))
    reference = tmp_path / "run.jsonl"
    ran = runner.invoke(app, ["run", *map(str, articles), "-o", str(reference), "--base-url", stub.base_url,
                              "--model", MODEL_ID, "--mode", "json", "--no-cache", "--quiet", "--model-actors"])
    assert ran.exit_code == 0, ran.output

    third = _three_rounds(stub, articles, tmp_path)
    assert third.exit_code == 0, third.output
    assert "1 done, 0 failed, 2 already in the output" in third.output
    assert not (tmp_path / "next.jsonl").exists()
    expected, got = _lines(reference), _lines(tmp_path / "out.jsonl")
    # the unreadable article's error record was written by the first collect, the reply by the second, the
    # accusation (its second look a round more) by the third
    assert [r["source"]["path"] for r in got] == [expected[i]["source"]["path"] for i in (2, 1, 0)]
    assert [_content(r) for r in got[1:]] == [_content(r) for r in (expected[1], expected[0])]
    assert got[1]["allegations"][0]["category"] == "disinformation"
    assert got[0]["error"] == expected[2]["error"]
    for record, calls in zip(got[1:], (2, 3), strict=True):
        assert record["provenance"]["model"] == "gpt-4o-mini"  # the stub echoes the requested model
        assert record["provenance"]["attempts"] == calls
        assert record["provenance"]["usage"] == {"prompt_tokens": 11 * calls, "completion_tokens": 7 * calls}
        assert record["provenance"]["backend"].startswith("batch")

    again = _collect(tmp_path, *(tmp_path / f"results-{n}.jsonl" for n in (1, 2, 3)))
    assert "0 done, 0 failed, 3 already in the output" in again.output
    assert _lines(tmp_path / "out.jsonl") == got  # nothing written twice


def test_no_second_look_takes_two_rounds_and_the_manifest_keeps_the_choice(
    stub: StubServer, articles: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    requests = _prepare(articles, tmp_path, "--no-second-look")
    assert _lines(tmp_path / "requests.articles.jsonl")[0]["second_look"] is False
    monkeypatch.setenv("EXTRACT_SECOND_LOOK", "1")  # collect replays the plan prepared, whatever the environment
    stub.script(answer(HARBOUR_ACTORS), answer(HARBOUR_REPLY_ACTORS))
    run_batch(requests, tmp_path / "results-1.jsonl", stub.base_url)
    _collect(tmp_path, tmp_path / "results-1.jsonl")
    stub.script(answer(HARBOUR_LABELS), answer(HARBOUR_REPLY_LABELS))
    run_batch(tmp_path / "next.jsonl", tmp_path / "results-2.jsonl", stub.base_url)
    second = _collect(tmp_path, tmp_path / "results-1.jsonl", tmp_path / "results-2.jsonl")
    assert second.exit_code == 0, second.output
    assert "2 done, 0 failed, 1 already in the output" in second.output and "another round" not in second.output
    assert len(stub.completions()) == 4
    monkeypatch.delenv("EXTRACT_SECOND_LOOK")
    _prepare(articles, tmp_path)
    assert _lines(tmp_path / "requests.articles.jsonl")[0]["second_look"] is True  # on by default


def test_requests_are_openai_batch_lines_with_strict_schemas(articles: list[Path], tmp_path: Path) -> None:
    lines = _lines(_prepare(articles, tmp_path, "--model", "my-model"))
    assert [line["custom_id"] for line in lines] == ["a1/r1/0", "a2/r1/0"]
    for line in lines:
        assert set(line) == {"custom_id", "method", "url", "body"}
        assert (line["method"], line["url"]) == ("POST", "/v1/chat/completions")
        body = line["body"]
        assert body["model"] == "my-model"
        assert [m["role"] for m in body["messages"]] == ["system", "user"]
        fmt = body["response_format"]
        assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
        _assert_strict(fmt["json_schema"]["schema"])
    assert HARBOUR_ARTICLE.splitlines()[2][:40] in lines[0]["body"]["messages"][0]["content"]
    manifest = _lines(tmp_path / "requests.articles.jsonl")
    assert manifest[0]["format"] == "extract-batch-manifest/1" and manifest[0]["model"] == "my-model"
    assert [m.get("error", "") for m in manifest[1:]][2].endswith("c_empty.txt: empty file")


def _assert_strict(node: Any) -> None:
    """OpenAI strict mode: every object closed and fully required; no keyword it refuses."""
    if isinstance(node, dict):
        assert not {"maxLength", "minLength", "title", "default"} & set(node)
        if node.get("type") == "object" and "properties" in node:
            assert node["additionalProperties"] is False
            assert node["required"] == list(node["properties"])
        for value in node.values():
            _assert_strict(value)
    elif isinstance(node, list):
        for value in node:
            _assert_strict(value)


def test_round_two_schema_offers_only_the_names_in_each_statement(
    stub: StubServer, articles: list[Path], tmp_path: Path
) -> None:
    requests = _prepare(articles, tmp_path)
    stub.script(answer(HARBOUR_ACTORS), answer(HARBOUR_REPLY_ACTORS))
    run_batch(requests, tmp_path / "results-1.jsonl", stub.base_url)
    _collect(tmp_path, tmp_path / "results-1.jsonl")
    second = _lines(tmp_path / "next.jsonl")
    assert [line["custom_id"] for line in second] == ["a1/r2/0", "a2/r2/0"]
    schema = second[1]["body"]["response_format"]["json_schema"]["schema"]
    labels = schema.get("$defs", {})
    s1 = labels.get("S1") or schema["properties"]["s1"]
    assert s1["properties"]["accused"]["items"]["enum"] == ["Lena Okafor"]  # not the speaker nor his board
    assert list(schema["properties"]) == ["s1", "s2"]


def test_json_mode_puts_the_schema_in_the_prompt(articles: list[Path], tmp_path: Path) -> None:
    body = _lines(_prepare(articles, tmp_path, "--mode", "json"))[0]["body"]
    assert body["response_format"] == {"type": "json_object"}
    assert '"actors"' in body["messages"][0]["content"].split("JSON schema:")[1]


def test_a_bad_answer_fails_its_article_only(stub: StubServer, articles: list[Path], tmp_path: Path) -> None:
    requests = _prepare(articles, tmp_path)
    stub.script(answer({"actors": [{"name": "Lena Okafor", "kind": "wizard"}]}), status(500, "overloaded"))
    run_batch(requests, tmp_path / "results-1.jsonl", stub.base_url)
    result = _collect(tmp_path, tmp_path / "results-1.jsonl")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [r["error"]["message"] for r in _lines(tmp_path / "out.jsonl")]
    assert errors[0].startswith("actors (a1/r1/0): invalid answer: actors.0.kind")
    assert errors[1].startswith("actors (a2/r1/0): the batch request failed (HTTP 500)")
    assert len(errors) == 3


def test_collect_refuses_answers_to_other_prompts(stub: StubServer, articles: list[Path], tmp_path: Path) -> None:
    _prepare(articles, tmp_path)
    manifest = tmp_path / "requests.articles.jsonl"
    lines = manifest.read_text().splitlines()
    head = json.loads(lines[0])
    head["prompt_sha256"] = "0" * 64  # as if prepared by an older version of the prompts
    manifest.write_text("\n".join([json.dumps(head), *lines[1:]]) + "\n")
    (tmp_path / "results-1.jsonl").write_text("")
    result = _collect(tmp_path, tmp_path / "results-1.jsonl")
    assert result.exit_code == 2
    assert "prepared with other prompts" in result.output
    assert "Traceback" not in result.output


def test_collect_without_the_manifest_says_which_file(tmp_path: Path) -> None:
    (tmp_path / "results.jsonl").write_text('{"custom_id": "a1/r1/0"}\n')
    result = _collect(tmp_path, tmp_path / "results.jsonl")
    assert result.exit_code == 1
    assert "requests.articles.jsonl: no such file" in result.output


def test_a_results_line_without_custom_id_names_file_and_line(articles: list[Path], tmp_path: Path) -> None:
    _prepare(articles, tmp_path)
    (tmp_path / "results.jsonl").write_text('{"custom_id": "a1/r1/0"}\n["not", "a result"]\n')
    result = _collect(tmp_path, tmp_path / "results.jsonl")
    assert result.exit_code == 1
    assert "results.jsonl:2: not a batch result line" in result.output
