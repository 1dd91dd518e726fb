"""A bug met on one article costs that article only: an error record naming what and where, the others written.

The bug is simulated: the speech finder raises IndexError on an article holding a marker word, as a real page
once made `polls.finding_poll` do (bench/robustness.py found it among the 621 L3S-GN1 pages).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extract import pipeline
from extract.cli import app
from extract.output.records import load_records
from extract.output.validation import validate_file
from schemas import ArticleRecord, ErrorRecord
from tests.stub_server import HARBOUR_ARTICLE, StubServer, harbour_responder, no_proxies

runner = CliRunner()
MARKER = "Zebrafinch"  # an invented word: the article holding it meets the simulated bug


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    no_proxies(monkeypatch)
    with StubServer(responder=harbour_responder()) as server:
        yield server


@pytest.fixture
def buggy(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.find_speech

    def find_speech(text: str, *args: Any, **kwargs: Any) -> Any:
        if MARKER in text:
            raise IndexError("list index out of range")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "find_speech", find_speech)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, extra in (("a", "Tuesday"), ("b", MARKER), ("c", "Friday")):
        (folder / f"{name}.txt").write_text(HARBOUR_ARTICLE + f"\n\nThe board meets again on {extra}.\n")
    return folder


@pytest.mark.parametrize("jobs", ["1", "3"])
@pytest.mark.usefixtures("buggy")
def test_a_bug_on_one_article_leaves_the_others_written(stub: StubServer, tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(_folder(tmp_path)), "-o", str(out), "--base-url", stub.base_url,
                                 "--model", "m", "--mode", "llama-schema", "-q", "--no-cache", "--jobs", jobs])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    assert "2 done, 1 failed" in result.output and "Traceback" not in result.output
    failed = [line for line in result.output.splitlines() if line.startswith("failed:")]
    assert len(failed) == 1 and "b.txt: internal error, please report it: IndexError at" in failed[0]
    records = load_records(out)
    assert [type(r).__name__ for r in records] == ["ArticleRecord", "ErrorRecord", "ArticleRecord"]
    error = records[1]
    assert isinstance(error, ErrorRecord) and error.error.type == "InternalError"
    # the package's innermost frame
    assert "at pipeline.py:" in error.error.message and "(attributed)" in error.error.message
    assert all(r.statements for r in records if isinstance(r, ArticleRecord))
    assert validate_file(out) == (3, [])


@pytest.mark.usefixtures("buggy")
def test_batch_prepare_and_collect_keep_a_bug_to_its_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path)
    requests = tmp_path / "requests.jsonl"
    result = runner.invoke(app, ["batch", "prepare", str(folder), "-o", str(requests), "--model", "m"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    manifest = [json.loads(line) for line in requests.with_suffix(".articles.jsonl").read_text().splitlines()[1:]]
    assert ["error" in entry for entry in manifest] == [False, True, False]
    assert "internal error" in manifest[1]["error"] and "IndexError" in manifest[1]["error"]
    asked = {json.loads(line)["custom_id"].split("-")[0] for line in requests.read_text().splitlines()}
    assert len(asked) == 2  # the two good articles' questions are written

    # the bug appears after prepare (another version collects): collect writes an error record, the rest wait
    monkeypatch.setattr(pipeline, "find_speech", _raising_on("Friday", pipeline.find_speech))
    (tmp_path / "none.jsonl").write_text("")  # no answers yet
    result = runner.invoke(app, [
        "batch", "collect", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "out.jsonl"),
        "--articles", str(requests.with_suffix(".articles.jsonl")), "--next", str(tmp_path / "next.jsonl")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    records = load_records(tmp_path / "out.jsonl")
    assert all(isinstance(r, ErrorRecord) for r in records) and len(records) == 2  # a waits for its answers
    first, second = records
    assert isinstance(first, ErrorRecord) and isinstance(second, ErrorRecord)
    assert first.source.path.endswith("b.txt") and "internal error" in first.error.message
    assert first.error.type == "InternalError"  # the type prepare met, kept through the manifest
    assert second.source.path.endswith("c.txt") and second.error.type == "InternalError"
    assert "KeyError at pipeline.py:" in second.error.message and "(attributed)" in second.error.message


def _raising_on(word: str, real: Any) -> Any:
    def find_speech(text: str, *args: Any, **kwargs: Any) -> Any:
        if word in text:
            raise KeyError(word)
        return real(text, *args, **kwargs)

    return find_speech
