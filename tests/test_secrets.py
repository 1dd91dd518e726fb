"""A key handed to `extract` goes to the model server in the Authorization header and nowhere else.

The CLI runs against the loopback stub with a recognisable fake key in OPENAI_API_KEY and EXTRACT_API_KEY;
the key must not appear in the records, the CLI's output, error messages (a 401 from a server that echoes
the key included) or any recorded cassette.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.model.backends import BackendConfig, BackendKind, OutputMode, resolve_backend
from extract.output.records import load_records
from schemas import ArticleRecord, ErrorRecord
from tests.conftest import ROOT, SECRET_HEADERS
from tests.stub_server import (
    HARBOUR_ACTORS,
    HARBOUR_ARTICLE,
    HARBOUR_LABELS,
    StubServer,
    harbour_run,
    patch_backoff,
    running_stub,
    status,
)

FAKE_KEY = "sk-test-SECRET123"
CASSETTES = ROOT / "cassettes"
GOOD, ACTORS, ACCUSATIONS = HARBOUR_ARTICLE, HARBOUR_ACTORS, HARBOUR_LABELS
ECHOING_401 = status(401, f"Incorrect API key provided: {FAKE_KEY}. You sent 'Authorization: Bearer {FAKE_KEY}'.")

# What a leaked credential looks like in a file: an OpenAI-style key, a bearer token, or a secret header kept
# in a cassette. Precise on purpose: article text holds words like "Minsk-based" or "task-force".
LEAKS = [
    re.compile(r"(?<![A-Za-z0-9])sk-[A-Za-z0-9_*-]{6,}"),
    re.compile(r"\bBearer\s+\S+", re.IGNORECASE),
    re.compile(rf"(?im)^\s*-?\s*['\"]?(?:{'|'.join(map(re.escape, SECRET_HEADERS))})['\"]?\s*:"),
    re.compile(r"(?i)['\"]authorization['\"]\s*:"),
]


def leaks(text: str) -> list[str]:
    found = [m.group(0) for pattern in LEAKS for m in pattern.finditer(text)]
    return found + ([FAKE_KEY] if FAKE_KEY in text else [])


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    yield from running_stub(monkeypatch)


@pytest.fixture(autouse=True)
def _fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    patch_backoff(monkeypatch)


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("EXTRACT_API_KEY", FAKE_KEY)


def run_cli(stub: StubServer, tmp_path: Path, *paths: Path) -> tuple[int, str, Path]:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["run", *map(str, paths), "--base-url", stub.base_url, "--model", "m",
                                      "--mode", "json", "-o", str(out), "-q", "--model-actors"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output, out


def article(tmp_path: Path, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text(GOOD)
    return path


@pytest.mark.usefixtures("keys")
def test_key_reaches_the_server_only_in_the_authorization_header(stub: StubServer, tmp_path: Path) -> None:
    stub.script(*harbour_run())
    code, output, out = run_cli(stub, tmp_path, article(tmp_path))
    assert code == 0 and "1 done, 0 failed" in output
    assert leaks(output) == []
    assert leaks(out.read_text()) == []
    (record,) = load_records(out)
    assert isinstance(record, ArticleRecord) and len(record.allegations) == 1
    assert len(stub.requests) == 3  # actors, labels, the second look
    for request in stub.requests:
        assert request.headers["authorization"] == f"Bearer {FAKE_KEY}"
        assert FAKE_KEY not in request.body.decode()
        assert [k for k, v in request.headers.items() if FAKE_KEY in v] == ["authorization"]


def test_without_a_key_only_a_dummy_is_sent(stub: StubServer, tmp_path: Path) -> None:
    """The test environment holds no real key (conftest clears it): nothing real can reach a server."""
    stub.script(*harbour_run())
    code, _, _ = run_cli(stub, tmp_path, article(tmp_path))
    assert code == 0
    assert {r.headers["authorization"] for r in stub.requests} == {"Bearer no-key"}


@pytest.mark.usefixtures("keys")
def test_a_401_that_echoes_the_key_does_not_repeat_it(stub: StubServer, tmp_path: Path) -> None:
    stub.script(ECHOING_401)
    path = article(tmp_path)
    code, output, out = run_cli(stub, tmp_path, path)
    assert code == 1
    assert leaks(output) == [] and leaks(out.read_text()) == []
    assert f"failed: {path}: actors: the model server answered HTTP 401 (unauthorized; check the API key" in output
    assert "Incorrect API key provided: ***" in output
    assert "Traceback" not in output
    (record,) = load_records(out)
    assert isinstance(record, ErrorRecord) and record.error.type == "ModelError"
    assert len(stub.requests) == 1  # a 401 is not retried


@pytest.mark.usefixtures("keys")
def test_unreachable_server_error_holds_no_key(tmp_path: Path) -> None:
    from extract.model.server import free_port

    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["run", str(article(tmp_path)), "--base-url",
                                      f"http://127.0.0.1:{free_port()}/v1", "--model", "m", "-o", str(out), "-q"])
    assert result.exit_code == 1 and "cannot reach the model server" in result.output
    assert leaks(result.output) == [] and leaks(out.read_text()) == []


def test_plain_cli_process_prints_one_line_per_failure_and_no_key(stub: StubServer, tmp_path: Path) -> None:
    """A real process, with logging left unconfigured as a user has it: no library log lines, no key."""
    stub.script(ECHOING_401)
    path = article(tmp_path)
    env = {**os.environ, "OPENAI_API_KEY": FAKE_KEY, "EXTRACT_API_KEY": FAKE_KEY,
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(
        [sys.executable, "-c", "from extract.cli import main; main()", "run", str(path), "--base-url",
         stub.base_url, "--model", "m", "--mode", "json", "-o", str(tmp_path / "out.jsonl"), "--model-actors"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60, check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    backend, first, *rest = proc.stderr.splitlines()
    assert backend == f"backend: openai-compatible ({stub.base_url}, mode json)"
    assert first.startswith(f"failed: {path}: actors: the model server answered HTTP 401")
    assert "".join(rest).startswith("0 done, 1 failed")  # (rich wraps this summary line at 80 columns)
    assert "API call failed" not in proc.stderr and "Max retries exceeded" not in proc.stderr
    assert "Traceback" not in proc.stderr
    assert leaks(proc.stderr) == []


def test_no_cassette_holds_a_credential() -> None:
    files = [p for p in CASSETTES.rglob("*") if p.is_file()] if CASSETTES.is_dir() else []
    found = {str(p.relative_to(ROOT)): leaks(p.read_text(errors="replace")) for p in files}
    assert {name: hits for name, hits in found.items() if hits} == {}


@pytest.mark.parametrize(
    "planted",
    [
        f"api_key: {FAKE_KEY}",
        "  authorization:\n  - Bearer abc.def",
        '{"headers": {"Authorization": "x"}}',
        "    - openai-organization: org-123",
        "token sk-proj-AbCdEf123456",
    ],
)
def test_the_cassette_scan_catches_a_planted_leak(planted: str) -> None:
    assert leaks(f"interactions:\n- request:\n    body: hello\n{planted}\n")


@pytest.mark.parametrize("text", ["A Minsk-based task-force said", "risk-free", "Authorization was denied, he said"])
def test_the_cassette_scan_ignores_ordinary_words(text: str) -> None:
    assert leaks(text) == []


def test_describe_holds_no_key() -> None:
    config = resolve_backend(env={"OPENAI_API_KEY": FAKE_KEY})
    assert leaks(config.describe()) == []
    config = resolve_backend(base_url="http://127.0.0.1:1/v1", env={"EXTRACT_API_KEY": FAKE_KEY})
    assert leaks(config.describe()) == []


def test_backend_config_repr_hides_the_key() -> None:
    config = BackendConfig(BackendKind.OPENAI, "gpt-4o-mini", None, FAKE_KEY, OutputMode.TOOLS)
    assert FAKE_KEY not in repr(config)


def test_credentials_in_the_base_url_stay_out_of_records(stub: StubServer, tmp_path: Path) -> None:
    stub.script(*harbour_run())
    out = tmp_path / "out.jsonl"
    url = f"http://user:{FAKE_KEY}@127.0.0.1:{stub.port}/v1"
    result = CliRunner().invoke(app, ["run", str(article(tmp_path)), "--base-url", url, "--model", "m",
                                      "--mode", "json", "-o", str(out), "-q", "--model-actors"])
    assert result.exit_code == 0
    assert leaks(result.output) == []
    assert leaks(out.read_text()) == []
