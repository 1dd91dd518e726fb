"""Run llama-cpp-python's OpenAI-compatible server for the embedded model, and always stop it.

The server is a child process on a free loopback port. `LocalServer` is a context manager: it waits until
`GET /v1/models` answers, and on exit (normal, exception, Ctrl-C, SIGTERM turned into an exception by the
CLI) it terminates the process group, so no server outlives the command that started it.

`SharedServer` (in `shared_server`) is what runs use: one server per model for all of a user's runs at once (one
model in memory, one queue on its single slot, instead of one server each fighting for the cores). The first run
starts it under a small supervisor process; the others find it through a state file in the user cache, guarded by a
lock. Each run holds a shared lock on the server's `users` file while it uses it; the last one to leave stops the
server, and the supervisor stops it as soon as no run holds that lock any more (all of them killed), so no crash
leaves a server running. A state file whose supervisor is gone, or whose port no longer answers, is retired and the
server started anew.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

from extract.errors import ConfigError, ModelError
from extract.model.embedded import cache_dir, check_model_file

_BUILD_HINT = (
    'CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON '
    '-DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF" pip install ".[local]"'
)


#: The server's environment on top of the user's (bench/results/speed.md). llama.cpp's threads meet at a barrier
#: after every step; libgomp lets a waiting thread spin on its core first, so beside a busy process the spinner
#: keeps the core the late thread needs: on a machine loaded by other processes two decode threads made 2.2
#: tokens/s spinning and 11-15 sleeping at once (passive), and no longer collapsed beside a busy process.
#: A user's own setting of these variables wins.
SERVER_ENV: dict[str, str | None] = {"OMP_WAIT_POLICY": "PASSIVE", "GOMP_SPINCOUNT": "0"}


#: Options of llama-cpp-python's server beyond ours (bench/results/speed-levers.md). Its `logits_all` defaults to
#: true: every prompt token's logits (151,936 floats each) are computed and copied into a fresh array, which took
#: 16-60 s of each article's first call on a loaded machine and gave nothing we read (no logprobs asked).
SERVER_OPTIONS: tuple[str, ...] = ("--logits_all", "false")


def free_port() -> int:
    """A loopback port nobody listens on right now (the server may still lose a race; we retry)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def default_threads() -> tuple[int, int]:
    """Decode threads on every core, prompt (batch) threads on twice as many (bench/results/speed-levers.md).

    llama.cpp's threads wait for each other at every step; with SERVER_ENV they sleep instead of spinning, so
    more threads than cores no longer stall. Beside one CPU-bound neighbour of the same session the kernel shares
    the CPU by threads: four prompt threads get 4/5 of 2 cores where two get 2/3, and prefill, which is
    compute-bound, is what a neighbour slows. On 2 cores, 8 articles: 2:2 took 30.8 s quiet and 46.2 s busy
    (1.50x); 2:4 took 31.9-32.6 s quiet and 43.2-43.3 s busy (1.33-1.35x), same completions call by call.
    Decode stays at one thread per core: it is memory-bound, and more threads only wait for each other.
    """
    cores = max(1, os.cpu_count() or 1)
    return cores, 2 * cores


class LocalServer:
    """The embedded llama.cpp server as a context manager yielding its base URL."""

    def __init__(
        self,
        model_path: Path,
        n_ctx: int = 8192,
        threads: int | None = None,
        startup_timeout: float = 300.0,
        port: int | None = None,
        alias: str = "local",
        threads_batch: int | None = None,
        server_args: Sequence[str] = (),
        env: Mapping[str, str | None] | None = None,
    ) -> None:
        self.model_path = model_path
        self.n_ctx = n_ctx
        default_decode, default_batch = default_threads()
        #: Decode threads. `threads` given sets both decode and prompt threads, as `--threads` always meant.
        self.threads = threads or default_decode
        #: Threads for prompt evaluation (prefill).
        self.threads_batch = threads_batch or threads or default_batch
        self.startup_timeout = startup_timeout
        self.port = port
        self.alias = alias
        #: More options of llama-cpp-python's server, after ours (a later option wins).
        self.server_args = list(server_args)
        #: Environment of the server process on top of ours and SERVER_ENV's defaults (None: unset).
        self.env: dict[str, str | None] = dict(env or {})
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = cache_dir() / "logs" / "llama-server.log"

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible base URL of the running server."""
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> LocalServer:
        check_model_file(self.model_path)  # a wrong file fails here, in one line, before any process starts
        fixed = bool(self.port)
        if self.port and not _port_is_free(self.port):
            raise ModelError(f"cannot start the embedded model server: port {self.port} is already in use")
        attempts = 1 if fixed else 3
        for attempt in range(attempts):
            if not fixed or attempt:
                self.port = free_port()
            try:
                self._start()
                self._wait_ready()
                return self
            except _PortTaken:
                self.stop()
            except BaseException:
                # __exit__ does not run when __enter__ raises: Ctrl-C or SIGTERM while the model loads, or a
                # start-up failure, must not leave the server running on its own (it has its own process group).
                self.stop()
                raise
        if fixed:
            raise ModelError(f"cannot start the embedded model server: port {self.port} is already in use")
        raise ModelError(f"could not start the embedded model server: no free loopback port after {attempts} tries")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def command(self) -> list[str]:
        """The server's command line for the current port (tests replace it with a fake server)."""
        if importlib.util.find_spec("llama_cpp") is None:
            raise ConfigError(f"the embedded model needs llama-cpp-python; install it with: {_BUILD_HINT}")
        return [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(self.model_path), "--model_alias", self.alias,
            "--host", "127.0.0.1", "--port", str(self.port),
            "--n_ctx", str(self.n_ctx), "--n_threads", str(self.threads),
            "--n_threads_batch", str(self.threads_batch),
            *SERVER_OPTIONS,
            *self.server_args,
        ]

    def _start(self) -> None:
        cmd = self._launch_command()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, process_group=0,
                env=self._environment(),
            )

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ)
        for key, default in SERVER_ENV.items():
            if default is not None:
                env.setdefault(key, default)
        for key, value in self.env.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def _launch_command(self) -> list[str]:
        """What is started in the new process group: the server itself here, its supervisor when shared."""
        return self.command()

    def _wait_ready(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = self._log_tail()
                if "address already in use" in tail.lower():
                    raise _PortTaken
                last = tail.rsplit(" | ", 1)[-1]  # a Python traceback ends in the exception's one line
                raise ModelError(
                    f"the embedded model server exited at start-up: {_shorten(last) or 'no output'} "
                    f"(full log: {self.log_path})"
                )
            try:
                # short probe: a port held by something that accepts but never answers must not stall us
                with urllib.request.urlopen(f"{self.base_url}/models", timeout=1) as response:
                    if response.status == 200 and self.process.poll() is None:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        self.stop()
        raise ModelError(f"the embedded model server did not answer within {self.startup_timeout:.0f} s")

    def _log_tail(self) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return " | ".join(lines[-3:])

    def stop(self) -> None:
        """Terminate the server's process group; kill it if it does not go within 10 s."""
        proc, self.process = self.process, None
        if proc is None:
            return
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            except ProcessLookupError:
                proc.wait()
        # Whatever the server started and left behind in its group goes too. The group id cannot have been
        # reused while any member lives, and with none left this is a no-op.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)


# -- one server for all of a user's runs at once -----------------------------------------------------------


def _port_is_free(port: int) -> bool:
    """Whether a server could listen on the loopback port now (SO_REUSEADDR, as servers bind)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _shorten(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else "…" + flat[-(limit - 1):]


class _PortTaken(Exception):
    """The port was taken between choosing it and binding it."""
