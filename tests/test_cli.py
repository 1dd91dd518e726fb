"""The command line as a user meets it: bad input gives one line naming the file, good input still finishes."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
import vcr
from typer.testing import CliRunner

from extract.cli import app
from extract.model.embedded import MODEL_NAME
from tests.conftest import REPLAY_BASE_URL, ROOT, SECRET_HEADERS, SEEDS, _json_body, unanswered

runner = CliRunner()
SEED = SEEDS / "000_d384c5b91ffa7ef4.txt"


def _bad_inputs(tmp_path: Path) -> list[Path]:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return [tmp_path / "missing.txt", empty, binary]


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_only_bad_inputs_fail_the_run_with_one_line_each(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    frozen = gc.get_freeze_count()
    result = runner.invoke(app, ["run", *map(str, _bad_inputs(tmp_path)), "-o", str(out)])
    assert gc.get_freeze_count() == frozen  # only the `extract` script freezes its heap, not a caller of `app`
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    failed = [line for line in result.output.splitlines() if line.startswith("failed:")]
    assert len(failed) == 3
    assert "missing.txt: no such file" in failed[0]
    assert "empty.txt: empty file" in failed[1]
    assert "image.txt: binary file" in failed[2]
    records = _lines(out)
    assert [r["error"]["type"] for r in records] == ["InputError"] * 3  # type: ignore[index]


def test_good_article_finishes_beside_bad_ones(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    recorder = vcr.VCR(filter_headers=[(h, None) for h in SECRET_HEADERS], record_mode="none",
                       match_on=["method", "path", "json_body"])
    recorder.register_matcher("json_body", _json_body)
    with recorder.use_cassette(str(ROOT / "cassettes" / "test_replay" / "seeds.yaml"), allow_playback_repeats=True):
        result = runner.invoke(app, [
            "run", str(SEED), *map(str, _bad_inputs(tmp_path)), "-o", str(out),
            "--base-url", REPLAY_BASE_URL, "--model", MODEL_NAME, "--mode", "llama-schema",
        ])
    assert result.exit_code == 0, result.output
    records = _lines(out)
    assert len(records) == 4
    assert "actors" in records[0] and records[0]["statements"]
    assert "1 done, 3 failed" in result.output


def test_no_second_look_sends_the_statement_labels_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed's labels leave a statement for the second look; turned off, its one request is not sent."""
    recorder = vcr.VCR(filter_headers=[(h, None) for h in SECRET_HEADERS], record_mode="none",
                       match_on=["method", "path", "json_body"])
    recorder.register_matcher("json_body", _json_body)
    args = ["run", str(SEED), "--base-url", REPLAY_BASE_URL, "--model", MODEL_NAME, "--mode", "llama-schema",
            "--no-cache", "--force"]
    for name, off in (("flag", ["--no-second-look"]), ("env", [])):
        if not off:
            monkeypatch.setenv("EXTRACT_SECOND_LOOK", "0")
        out = tmp_path / f"{name}.jsonl"
        with recorder.use_cassette(str(ROOT / "cassettes" / "test_replay" / "seeds.yaml")) as cassette:
            result = runner.invoke(app, [*args, "-o", str(out), *off])
        assert result.exit_code == 0, result.output
        (record,) = _lines(out)
        # one request, answered: a second look's would be missing from the cassette and leave a warning
        assert cassette.play_count == 1 and record["provenance"]["attempts"] == 1, name  # type: ignore[index]
        assert unanswered(record["warnings"]) == [], name  # type: ignore[arg-type]


def test_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    result = runner.invoke(app, ["run", str(tmp_path), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "no article files" in result.output


def test_help_documents_every_run_option() -> None:
    result = runner.invoke(app, ["run", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for option in ("--output", "--backend", "--base-url", "--model", "--model-path", "--mode", "--max-chars",
                   "--chunk-chars", "--threads", "--quiet", "--no-second-look"):
        assert option in result.output


def test_schema_prints_the_record_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    text = json.dumps(schema)
    for name in ("ArticleRecord", "ErrorRecord", "Statement", "Allegation", "Actor"):
        assert name in text


def test_missing_local_model_parts_say_how_to_install(tmp_path: Path, monkeypatch: object) -> None:
    gguf = tmp_path / "model.gguf"
    gguf.write_bytes(b"not a model")
    result = runner.invoke(app, ["run", str(SEED), "-o", str(tmp_path / "o.jsonl"), "--model-path", str(gguf)])
    assert result.exit_code == 2
    assert "not a GGUF model file" in result.output
    assert "Traceback" not in result.output


def test_rerun_skips_finished_articles_and_force_redoes_them(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    args = ["run", str(SEED), str(empty), "-o", str(out), "--base-url", REPLAY_BASE_URL, "--model", MODEL_NAME,
            "--mode", "llama-schema"]
    recorder = vcr.VCR(filter_headers=[(h, None) for h in SECRET_HEADERS], record_mode="none",
                       match_on=["method", "path", "json_body"])
    recorder.register_matcher("json_body", _json_body)
    cassette = str(ROOT / "cassettes" / "test_replay" / "seeds.yaml")
    with recorder.use_cassette(cassette, allow_playback_repeats=True):
        first = runner.invoke(app, args)
        second = runner.invoke(app, args)
        forced = runner.invoke(app, [*args, "--force", "--no-cache"])
    assert first.exit_code == 0 and "1 done, 1 failed" in first.output
    # The finished article is skipped; the one that failed is tried again (and fails again).
    assert second.exit_code == 0 and "0 done, 1 failed, 1 already in the output" in second.output
    assert forced.exit_code == 0 and "1 done, 1 failed" in forced.output
    kinds = ["error" if "error" in r else "ok" for r in _lines(out)]
    assert kinds == ["ok", "error", "error", "ok", "error"]


def test_interrupted_output_is_resumed_from_its_last_whole_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"schema_version": "1", "source": {"path": "x.txt", "sha256": "ab"}, "error": {"type": "InputEr')
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["run", str(empty), "-o", str(out)])
    assert result.exit_code == 1
    assert [r["source"]["path"] for r in _lines(out)] == [str(empty)]  # the half line is gone, the file is valid


def test_jsonl_input_one_article_per_line_and_bad_lines_become_error_records(tmp_path: Path) -> None:
    seed_text = SEED.read_text()
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("\n".join([
        json.dumps({"id": "a1", "text": seed_text, "url": "https://example.org/a1", "published": "2024-09-10"}),
        "not json",
        json.dumps({"id": "a2", "title": "no body"}),
    ]) + "\n")
    out = tmp_path / "out.jsonl"
    recorder = vcr.VCR(filter_headers=[(h, None) for h in SECRET_HEADERS], record_mode="none",
                       match_on=["method", "path", "json_body"])
    recorder.register_matcher("json_body", _json_body)
    with recorder.use_cassette(str(ROOT / "cassettes" / "test_replay" / "seeds.yaml"), allow_playback_repeats=True):
        result = runner.invoke(app, ["run", str(crawl), "-o", str(out), "--base-url", REPLAY_BASE_URL,
                                     "--model", MODEL_NAME, "--mode", "llama-schema"])
    assert result.exit_code == 0, result.output
    assert "1 done, 2 failed" in result.output
    assert f"{crawl}:2: not JSON" in result.output
    assert f"{crawl}:3: needs a 'text' or 'html' string" in result.output
    first, *errors = _lines(out)
    assert first["source"] == {"path": f"{crawl}#a1", "sha256": first["source"]["sha256"], "title": None,  # type: ignore[index]
                               "byline": None, "published": "2024-09-10", "url": "https://example.org/a1"}
    assert [e["error"]["type"] for e in errors] == ["BadLine", "BadLine"]  # type: ignore[index]


def test_stdin_article(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", "-", "-o", str(out)], input="   \n")
    assert result.exit_code == 1
    assert "<stdin>: empty file" in result.output
