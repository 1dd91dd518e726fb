"""Two runs at once: one output has one writer at a time, and embedded-model runs share one server.

The first run is a real `extract run` process against the stub model server, so its lock, pid and SIGKILL are
real; the second is the CLI in this process (its own open file, so the OS lock treats it as another run).
In the embedded-backend test the llama.cpp server is the stub, started through the same `LocalServer.command`
hook that tests/test_local_server.py replaces.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract import file_locks
from extract.cli import app
from extract.errors import BusyError
from extract.file_locks import OutputLock, lock_path
from extract.model.server import LocalServer
from extract.output.records import load_records
from schemas import ArticleRecord
from tests.conftest import ROOT
from tests.fake_llama import fake_command
from tests.stub_server import (
    HARBOUR_ARTICLE,
    StubServer,
    hang,
    harbour_responder,
    harbour_run,
    no_proxies,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find processes")

runner = CliRunner()
SINCE = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"


class Gate:
    """Holds the stub's answers back until the test opens it, so runs overlap for sure, not by timing."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def opened(self) -> bool:
        return self.event.wait(0.02)

    def open(self) -> None:
        self.event.set()


@pytest.fixture
def gate() -> Iterator[Gate]:
    gate = Gate()
    yield gate
    gate.open()  # never leave a stub handler waiting


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch, gate: Gate) -> Iterator[StubServer]:
    no_proxies(monkeypatch)
    with StubServer(responder=harbour_responder(gate=gate.opened)) as server:
        yield server


def articles(folder: Path, weeks: range) -> list[Path]:
    """Invented harbour articles that differ in one closing sentence (so each is its own article)."""
    paths = []
    for week in weeks:
        path = folder / f"week{week}.txt"
        path.write_text(HARBOUR_ARTICLE + f"\nThe council meets again in week {week}.\n")
        paths.append(path)
    return paths


def run_args(paths: list[Path], out: Path, base_url: str) -> list[str]:
    # three questions an article (actors, labels, the second look): a run stays in flight
    return ["run", *map(str, paths), "-o", str(out), "--base-url", base_url, "--model", "m",
            "--mode", "llama-schema", "-q", "--model-actors"]


class Cli:
    """`extract ARGS` as its own process (this checkout's package, the test's environment); stderr kept."""

    def __init__(self, args: list[str], cwd: Path, preamble: str = "") -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        code = f"{preamble}\nfrom extract.cli import main\nmain()"
        self.stderr = cwd / f"stderr-{time.monotonic_ns()}.txt"
        with self.stderr.open("wb") as sink:
            self.process = subprocess.Popen([sys.executable, "-c", code, *args], cwd=cwd, env=env,
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=sink)
        self.pid = self.process.pid

    def wait(self, timeout: float = 180) -> int:
        return self.process.wait(timeout=timeout)

    def ended_well(self) -> bool:
        return self.wait() == 0 and "Traceback" not in self.stderr.read_text()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def wait_for(condition: Callable[[], object], what: str, timeout: float = 180.0) -> None:
    # Generous: on a loaded 2-core machine a CLI process takes tens of seconds to start and reach its second
    # article (60 s timed out twice under full load); a passing run waits only as long as the condition takes.
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def assert_each_article_once(out: Path, expected: list[Path]) -> None:
    records = load_records(out)
    assert all(isinstance(r, ArticleRecord) for r in records)
    assert sorted(r.source.path for r in records) == sorted(map(str, expected))
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.output
    assert checked.output.strip() == f"{len(expected)} records, all valid"


# -- one output, one writer -------------------------------------------------------------------------------


def test_second_run_on_the_same_output_stops_with_exit_2_or_waits(
    stub: StubServer, gate: Gate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = articles(tmp_path, range(1, 4))
    out = tmp_path / "out.jsonl"
    args = run_args(paths, out, stub.base_url)
    first = Cli(args, tmp_path)
    try:
        wait_for(stub.completions, "the first run to ask the model")  # it owns the output and waits for answers

        busy = runner.invoke(app, args)
        assert busy.exit_code == 2
        assert re.fullmatch(
            rf"error: {re.escape(str(out))} is being written by another run \(pid {first.pid}, since {SINCE}\); "
            r"wait for it with --wait, or write to another --output",
            busy.output.strip(),
        ), busy.output

        # the first run gets its answers only once this one waits for the lock
        real_wait = file_locks.wait_lock

        def waiting(fd: int, *, shared: bool = False) -> None:
            gate.open()
            real_wait(fd, shared=shared)

        monkeypatch.setattr(file_locks, "wait_lock", waiting)
        waited = runner.invoke(app, [*args, "--wait"])  # returns after the first run has finished
        assert first.ended_well(), first.stderr.read_text()
    finally:
        first.kill()
    assert waited.exit_code == 0, waited.output
    lines = waited.output.strip().splitlines()
    assert re.fullmatch(rf"waiting: {re.escape(str(out))} is being written by another run \(pid {first.pid}, "
                        rf"since {SINCE}\)", lines[0]), lines
    assert lines[1].startswith("0 done, 0 failed, 3 already in the output")
    assert len(stub.completions()) == 3 * 3  # three questions per article, each asked once
    assert_each_article_once(out, paths)
    assert not lock_path(out).exists()  # a run that finishes takes its lock file with it


def test_run_killed_with_sigkill_leaves_the_output_to_the_next_run_at_once(stub: StubServer, gate: Gate,
                                                                          tmp_path: Path) -> None:
    paths = articles(tmp_path, range(1, 4))
    out = tmp_path / "out.jsonl"
    args = run_args(paths, out, stub.base_url)
    gate.open()
    stub.script(*harbour_run(), hang(30))  # one article done, then stuck
    first = Cli(args, tmp_path)
    try:
        wait_for(lambda: len(stub.completions()) == 4, "the first run to get stuck on its second article")
        assert len(load_records(out)) == 1
        assert runner.invoke(app, args).exit_code == 2
        os.kill(first.pid, signal.SIGKILL)
        assert first.wait() == -signal.SIGKILL
    finally:
        first.kill()

    second = runner.invoke(app, args)  # no --wait: the lock went with the killed process
    assert second.exit_code == 0, second.output
    assert second.output.splitlines()[-1].startswith("2 done, 0 failed, 1 already in the output")
    assert_each_article_once(out, paths)


def test_batch_collect_appends_only_when_it_owns_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with OutputLock(out):  # this test is the other run
        result = runner.invoke(app, ["batch", "collect", str(tmp_path / "results.jsonl"), "-o", str(out)])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {out} is being written by another run (pid {os.getpid()}, since ")
    assert not out.exists()


def test_a_waiting_run_takes_over_the_lock_its_owner_removed(tmp_path: Path) -> None:
    """The owner removes the lock file as it finishes: the one that waited must own the file now at that path."""
    out = tmp_path / "out.jsonl"
    first = OutputLock(out)
    first.acquire()
    waits: list[str] = []
    second = OutputLock(out, wait=True, on_wait=waits.append)
    waiter = threading.Thread(target=second.acquire)
    waiter.start()
    wait_for(lambda: waits, "the second to wait")
    first.release()
    waiter.join(timeout=10)
    assert not waiter.is_alive()
    with pytest.raises(BusyError, match=rf"\(pid {os.getpid()}, since {SINCE}\)"):
        OutputLock(out).acquire()
    second.release()
    with OutputLock(out):  # free again
        assert json.loads(lock_path(out).read_text())["pid"] == os.getpid()


# -- embedded backend: one server for two runs ------------------------------------------------------------

#: Run in a run process before the CLI: its llama.cpp server becomes the stub.
FAKE_LLAMA = """
from pathlib import Path
from extract.model.server import LocalServer
from tests.fake_llama import fake_command
LocalServer.command = fake_command(Path({starts!r}), Path({gate!r}), Path({log!r}))
"""


def server_states(cache: Path) -> list[dict[str, object]]:
    return [json.loads(p.read_text()) for p in (cache / "servers").glob("*.json")]


def listening(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=1):
            return True
    except OSError:
        return False


def test_two_embedded_runs_start_one_server_and_it_stops_when_both_end(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """One run is a process of its own, the other is the CLI in this process; either may start the server."""
    from tests.test_local_server import assert_gone

    no_proxies(monkeypatch)
    cache = Path(os.environ["EXTRACT_CACHE_DIR"])
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF" + bytes(64))
    starts, gate, log = tmp_path / "starts", tmp_path / "gate", tmp_path / "requests.log"
    monkeypatch.setattr(LocalServer, "command", fake_command(starts, gate, log))
    one, two = articles(tmp_path, range(1, 3)), articles(tmp_path, range(3, 5))
    states: list[dict[str, object]] = []

    def open_gate_once_both_asked() -> None:
        # no answer goes out before both runs have asked: they use the server at the same time, surely
        try:
            wait_for(lambda: log.exists() and b"week 1" in log.read_bytes() and b"week 3" in log.read_bytes(),
                     "both runs to ask the model")
            states.extend(server_states(cache))
        finally:
            gate.touch()

    preamble = FAKE_LLAMA.format(starts=str(starts), gate=str(gate), log=str(log))
    first = Cli(["run", *map(str, one), "-o", "one.jsonl", "--model-path", str(model), "-q", "--model-actors"],
                tmp_path, preamble)
    opener = threading.Thread(target=open_gate_once_both_asked)
    opener.start()
    try:
        second = runner.invoke(app, ["run", *map(str, two), "-o", str(tmp_path / "two.jsonl"),
                                     "--model-path", str(model), "-q", "--model-actors"])
        assert second.exit_code == 0, second.output
        assert first.ended_well(), first.stderr.read_text()
    finally:
        gate.touch()
        opener.join()
        first.kill()

    assert len(starts.read_text().splitlines()) == 1  # one server between them
    [state] = states
    assert_gone(int(str(state["pid"])))  # its supervisor's process group, the server in it: gone with the last run
    assert not listening(int(str(state["port"])))
    assert server_states(cache) == []
    assert_each_article_once(tmp_path / "one.jsonl", one)
    assert_each_article_once(tmp_path / "two.jsonl", two)
