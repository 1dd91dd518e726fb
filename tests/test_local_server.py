"""The embedded server's life cycle: it never outlives the `with` block, and start-up failures are one line.

Most tests replace `LocalServer.command` with a tiny Python HTTP server, so they start real processes on real
loopback ports without a model. One test starts the real llama.cpp server on a corrupt GGUF file.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.errors import ConfigError, ModelError
from extract.model import server as local_server
from extract.model import shared_server
from extract.model.server import LocalServer, free_port
from tests.stub_server import StubServer, no_proxies

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find processes")

# A stand-in for `python -m llama_cpp.server`: argv is port and mode. "child" also starts a grandchild in the
# server's process group, as a real server's worker would be; "never-ready" never listens; "crash" exits.
FAKE_SERVER = r"""
import http.server, json, subprocess, sys, time
port, mode = int(sys.argv[1]), sys.argv[2]
print("fake llama server starting on", port, flush=True)
if mode == "child":
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
if mode == "never-ready":
    time.sleep(120)
if mode == "crash":
    print("llama_model_load: error loading model: tensor data is not within file bounds", flush=True)
    raise SystemExit("ValueError: Failed to load model from file: model.gguf")

class Models(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"object": "list", "data": [{"id": "fake", "object": "model"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

http.server.HTTPServer(("127.0.0.1", port), Models).serve_forever()
"""


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    no_proxies(monkeypatch)


def fake(monkeypatch: pytest.MonkeyPatch, mode: str = "serve") -> None:
    monkeypatch.setattr(LocalServer, "command", lambda self: [sys.executable, "-c", FAKE_SERVER, str(self.port), mode])


@pytest.fixture
def model(tmp_path: Path) -> Path:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"GGUF" + bytes(64))
    return path


def group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes in a process group, from /proc."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def assert_gone(pgid: int, within: float = 3.0) -> None:
    deadline = time.monotonic() + within
    while group_members(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert group_members(pgid) == [], f"process group {pgid} outlived the server"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The pids (= process groups) of every server process started in the test; all checked gone after."""
    pids: list[int] = []
    original = subprocess.Popen

    def popen(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        proc: subprocess.Popen[bytes] = original(*args, **kwargs)
        pids.append(proc.pid)
        return proc

    monkeypatch.setattr(subprocess, "Popen", popen)  # the module extract.model.server calls Popen through
    yield pids
    for pid in pids:
        assert_gone(pid)


def models(base_url: str) -> list[str]:
    with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
        return [m["id"] for m in json.load(response)["data"]]


# -- a wrong model file: one line, and no process at all --------------------------------------------------


def test_not_a_gguf_file_fails_before_any_process(tmp_path: Path, started: list[int]) -> None:
    bogus = tmp_path / "model.gguf"
    bogus.write_text("this is a text file, not a model\n")
    server = LocalServer(bogus)
    with pytest.raises(ConfigError) as caught:
        server.__enter__()
    assert str(caught.value) == f"{bogus}: not a GGUF model file (it does not start with 'GGUF')"
    assert started == [] and server.process is None


def test_missing_model_file(tmp_path: Path, started: list[int]) -> None:
    with pytest.raises(ConfigError, match=r"model file not found"), LocalServer(tmp_path / "nope.gguf"):
        pass
    assert started == []


@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="needs llama-cpp-python")
def test_real_server_on_a_corrupt_gguf_exits_with_one_line(model: Path, started: list[int]) -> None:
    with pytest.raises(ModelError) as caught, LocalServer(model, n_ctx=256, threads=1, startup_timeout=60):
        pytest.fail("a corrupt model must not start")
    message = str(caught.value)
    assert message.startswith("the embedded model server exited at start-up: ")
    assert "Failed to load model" in message and "\n" not in message and "Traceback" not in message
    assert len(started) == 1


def test_crash_at_start_up_is_one_line_with_the_log(model: Path, monkeypatch: pytest.MonkeyPatch,
                                                    started: list[int]) -> None:
    fake(monkeypatch, "crash")
    server = LocalServer(model)
    with pytest.raises(ModelError) as caught, server:
        pass
    assert str(caught.value) == (
        "the embedded model server exited at start-up: ValueError: Failed to load model from file: model.gguf "
        f"(full log: {server.log_path})"
    )
    assert "tensor data is not within file bounds" in server.log_path.read_text()


def test_start_up_timeout_stops_the_process(model: Path, monkeypatch: pytest.MonkeyPatch,
                                            started: list[int]) -> None:
    fake(monkeypatch, "never-ready")
    with pytest.raises(ModelError, match=r"^the embedded model server did not answer within 1 s$"), \
            LocalServer(model, startup_timeout=1):
        pass
    assert len(started) == 1


# -- the process never outlives the with-block ------------------------------------------------------------


def test_normal_exit_stops_the_whole_process_group(model: Path, monkeypatch: pytest.MonkeyPatch,
                                                   started: list[int]) -> None:
    fake(monkeypatch, "child")
    with LocalServer(model) as server:
        assert models(server.base_url) == ["fake"]
        assert server.process is not None
        pid = server.process.pid
        deadline = time.monotonic() + 3
        while len(group_members(pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(group_members(pid)) == 2  # the server and its worker
    assert server.process is None
    assert_gone(pid)


def test_server_shares_the_callers_session_in_a_group_of_its_own(model: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  started: list[int]) -> None:
    """Linux shares the CPU equally between sessions (autogroup): a server in a session of its own gets one core of
    two beside any busy process, whatever its threads. Its own process group still keeps Ctrl-C away from it."""
    fake(monkeypatch)
    with LocalServer(model) as server:
        assert server.process is not None
        pid = server.process.pid
        assert os.getsid(pid) == os.getsid(0)
        assert os.getpgid(pid) == pid != os.getpgid(0)


def test_exception_in_the_block_stops_the_server(model: Path, monkeypatch: pytest.MonkeyPatch,
                                                 started: list[int]) -> None:
    fake(monkeypatch)
    with pytest.raises(RuntimeError, match="boom"), LocalServer(model) as server:
        assert models(server.base_url) == ["fake"]
        raise RuntimeError("boom")
    assert len(started) == 1


def test_keyboard_interrupt_in_the_block_stops_the_server(model: Path, monkeypatch: pytest.MonkeyPatch,
                                                          started: list[int]) -> None:
    fake(monkeypatch, "child")
    with pytest.raises(KeyboardInterrupt), LocalServer(model):
        raise KeyboardInterrupt
    assert len(started) == 1


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def test_ctrl_c_while_the_model_loads_stops_the_server(model: Path, monkeypatch: pytest.MonkeyPatch,
                                                       started: list[int]) -> None:
    """`__exit__` does not run when `__enter__` raises: the server must be stopped by `__enter__` itself."""
    fake(monkeypatch, "never-ready")
    previous = signal.signal(signal.SIGALRM, _interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.7)  # Ctrl-C while waiting for the server to answer
        with pytest.raises(KeyboardInterrupt), LocalServer(model, startup_timeout=30):
            pytest.fail("the server never becomes ready")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert len(started) == 1


# -- ports ------------------------------------------------------------------------------------------------


def test_explicit_port_in_use_is_refused(model: Path, monkeypatch: pytest.MonkeyPatch, started: list[int]) -> None:
    fake(monkeypatch)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ModelError) as caught, LocalServer(model, port=port):
            pass
    assert str(caught.value) == f"cannot start the embedded model server: port {port} is already in use"
    assert started == []


def test_explicit_port_held_by_another_model_server_is_not_mistaken_for_ours(
    model: Path, monkeypatch: pytest.MonkeyPatch, started: list[int]
) -> None:
    fake(monkeypatch)
    with StubServer() as other, pytest.raises(ModelError, match="already in use"), \
            LocalServer(model, port=other.port):
        pytest.fail("would have talked to someone else's server")
    assert started == []


def test_port_taken_in_the_race_is_retried_on_another(model: Path, monkeypatch: pytest.MonkeyPatch,
                                                      started: list[int]) -> None:
    fake(monkeypatch)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))  # bound, not listening: the server cannot bind, and probes fail fast
        busy = taken.getsockname()[1]
        ports = iter([busy, free_port()])
        monkeypatch.setattr(local_server, "free_port", lambda: next(ports))
        with LocalServer(model) as server:
            assert server.port != busy
            assert models(server.base_url) == ["fake"]
    assert len(started) == 2


def test_no_free_port_after_three_tries(model: Path, monkeypatch: pytest.MonkeyPatch, started: list[int]) -> None:
    fake(monkeypatch)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))  # bound, not listening: the server cannot bind, and probes fail fast
        monkeypatch.setattr(local_server, "free_port", lambda: taken.getsockname()[1])
        with pytest.raises(ModelError, match=r"^could not start the embedded model server: no free loopback port "
                                             r"after 3 tries$"), LocalServer(model):
            pass
    assert len(started) == 3


# -- through the CLI --------------------------------------------------------------------------------------


def test_cli_with_a_bogus_model_path_is_one_line_and_exit_2(tmp_path: Path, started: list[int]) -> None:
    article = tmp_path / "article.txt"
    article.write_text('Mayor Lena Okafor said the board "sold the berths", according to the Calder Gazette.\n')
    bogus = tmp_path / "model.gguf"
    bogus.write_bytes(b"PK\x03\x04 this is a zip file")
    result = CliRunner().invoke(app, ["run", str(article), "--model-path", str(bogus), "-o",
                                      str(tmp_path / "out.jsonl"), "-q"])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {bogus}: not a GGUF model file (it does not start with 'GGUF')"
    assert started == []


# -- one server shared by the runs of a user --------------------------------------------------------------

#: A run in its own process that uses the shared (fake) server until it is killed; prints the URL when in.
HOLDER = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from extract.model.server import LocalServer
from extract.model.shared_server import SharedServer
LocalServer.command = lambda self: [sys.executable, "-c", {fake!r}, str(self.port), "serve"]
with SharedServer(Path({model!r})) as server:
    print(server.base_url, flush=True)
    time.sleep(120)
"""


def holder(model: Path, tmp_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """A process that joins (or starts) the shared server, and the server's URL once it is in."""
    from tests.conftest import ROOT

    said = tmp_path / f"holder-{time.monotonic_ns()}.out"
    code = HOLDER.format(root=str(ROOT), fake=FAKE_SERVER, model=str(model))
    with said.open("wb") as sink:
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=sink, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while not said.read_text().endswith("\n"):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()  # reaped here: a Popen dropped while its process runs warns at exit
            proc.wait()
            raise AssertionError(said.read_text())
        time.sleep(0.02)
    return proc, said.read_text().strip()


def shared_state() -> dict[str, Any] | None:
    states = [json.loads(p.read_text()) for p in (local_server.cache_dir() / "servers").glob("*.json")]
    assert len(states) <= 1
    return states[0] if states else None


def test_runs_share_one_server_that_the_last_one_stops(model: Path, monkeypatch: pytest.MonkeyPatch,
                                                       started: list[int]) -> None:
    fake(monkeypatch, "child")
    with shared_server.SharedServer(model) as first:
        with shared_server.SharedServer(model) as second:
            assert second.base_url == first.base_url and models(second.base_url) == ["fake"]
            assert first.started_here and not second.started_here
        assert models(first.base_url) == ["fake"]  # the other run still uses it
        state = shared_state()
        assert state is not None and state["pid"] == started[0] and state["model"] == str(model.resolve())
    assert shared_state() is None  # forgotten by the last run as it left, not later by the supervisor
    assert len(started) == 1
    assert_gone(started[0])


def test_server_outlives_a_killed_starter_and_stops_with_the_last_run(model: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      started: list[int]) -> None:
    fake(monkeypatch)
    starter, url = holder(model, tmp_path)
    try:
        state = shared_state()
        assert state is not None
        with shared_server.SharedServer(model) as joined:
            assert joined.base_url == url and not joined.started_here and started == [starter.pid]
            starter.kill()
            starter.wait()
            time.sleep(0.5)  # the supervisor looks every 0.2 s: it must see this run still in
            assert models(url) == ["fake"]
    finally:
        starter.kill()
        starter.wait()
    assert shared_state() is None
    assert_gone(state["pid"])


def test_server_stops_when_every_run_using_it_was_killed(model: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    fake(monkeypatch)
    first, url = holder(model, tmp_path)
    try:
        second, again = holder(model, tmp_path)
    finally:
        first.kill()
        first.wait()
    second.kill()
    second.wait()
    state = shared_state()
    assert again == url and state is not None
    assert_gone(state["pid"])  # nobody left to stop it: its supervisor did
    assert shared_state() is None


def test_dead_server_in_the_state_file_is_replaced(model: Path, monkeypatch: pytest.MonkeyPatch,
                                                   started: list[int]) -> None:
    fake(monkeypatch)
    with shared_server.SharedServer(model):
        os.killpg(started[0], signal.SIGKILL)  # the server and its supervisor die without a word
        assert_gone(started[0])
        assert shared_state() is not None
        with shared_server.SharedServer(model) as second:
            assert second.started_here and len(started) == 2
            assert models(second.base_url) == ["fake"]
            assert second.state is not None and shared_state() == asdict(second.state)
    assert shared_state() is None


def test_shared_server_start_up_crash_is_one_line_and_leaves_nothing(model: Path,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     started: list[int]) -> None:
    fake(monkeypatch, "crash")
    server = shared_server.SharedServer(model)
    with pytest.raises(ModelError) as caught, server:
        pass
    assert str(caught.value).startswith(
        "the embedded model server exited at start-up: ValueError: Failed to load model from file: model.gguf")
    assert shared_state() is None and len(started) == 1


def _threads(cmd: list[str]) -> tuple[str, str]:
    return cmd[cmd.index("--n_threads") + 1], cmd[cmd.index("--n_threads_batch") + 1]


@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="builds the real server's command line")
def test_threads_given_set_decode_and_prompt_threads(tmp_path: Path) -> None:
    model = tmp_path / "model.gguf"
    assert _threads(LocalServer(model, threads=2).command()) == ("2", "2")  # --threads N: N for both
    for server in (LocalServer(model, threads=1, threads_batch=2), shared_server.SharedServer(
            model, threads=1, threads_batch=2).server):
        assert _threads(server.command()) == ("1", "2")


@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="builds the real server's command line")
def test_default_threads_are_every_core_for_decode_and_twice_that_for_the_prompt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More prompt threads keep prefill's share of the CPU beside a busy process (bench/results/speed-levers.md)."""
    for cores, expected in ((2, ("2", "4")), (8, ("8", "16")), (None, ("1", "2"))):
        monkeypatch.setattr(os, "cpu_count", lambda cores=cores: cores)
        assert _threads(LocalServer(tmp_path / "m.gguf").command()) == expected


def test_server_gets_the_options_and_environment_asked_for(
    model: Path, monkeypatch: pytest.MonkeyPatch, started: list[int]
) -> None:
    fake(monkeypatch)
    monkeypatch.setenv("GOMP_SPINCOUNT", "300000")
    with LocalServer(model, env={"OMP_WAIT_POLICY": "PASSIVE", "GOMP_SPINCOUNT": None}) as server:
        assert server.process is not None
        environ = Path(f"/proc/{server.process.pid}/environ").read_bytes().split(b"\0")
    assert b"OMP_WAIT_POLICY=PASSIVE" in environ
    assert not any(v.startswith(b"GOMP_SPINCOUNT=") for v in environ)  # None unsets what the caller had


def test_server_threads_sleep_when_they_wait_unless_the_user_says_otherwise(
    model: Path, monkeypatch: pytest.MonkeyPatch, started: list[int]
) -> None:
    """Spinning OpenMP threads stall llama.cpp beside a busy process (bench/results/speed.md)."""
    fake(monkeypatch)
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    monkeypatch.setenv("GOMP_SPINCOUNT", "1000")
    with LocalServer(model) as server:
        assert server.process is not None
        environ = Path(f"/proc/{server.process.pid}/environ").read_bytes().split(b"\0")
    assert b"OMP_WAIT_POLICY=PASSIVE" in environ
    assert b"GOMP_SPINCOUNT=1000" in environ  # the user's own setting wins


@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="builds the real server's command line")
def test_server_options_come_after_ours_so_they_win(tmp_path: Path) -> None:
    server = LocalServer(tmp_path / "m.gguf", threads=1, server_args=["--n_threads", "2", "--flash_attn", "true"])
    cmd = server.command()
    assert cmd[-4:] == ["--n_threads", "2", "--flash_attn", "true"]


@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="builds the real server's command line")
def test_server_keeps_only_the_logits_it_samples_from(tmp_path: Path) -> None:
    """llama-cpp-python's server keeps every prompt token's logits by default: slow, and nothing reads them."""
    cmd = LocalServer(tmp_path / "m.gguf").command()
    assert cmd[cmd.index("--logits_all") + 1] == "false"
    asked = LocalServer(tmp_path / "m.gguf", server_args=["--logits_all", "true"]).command()
    assert asked[len(asked) - 1 - asked[::-1].index("--logits_all") + 1] == "true"  # a lever asked later wins
