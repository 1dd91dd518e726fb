"""Run llama-cpp-python's OpenAI-compatible server for the embedded model, and always stop it.

The server is a child process on a free loopback port. `LocalServer` is a context manager: it waits until
`GET /v1/models` answers, and on exit (normal, exception, Ctrl-C, SIGTERM turned into an exception by the
CLI) it terminates the process group, so no server outlives the command that started it.
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
from pathlib import Path
from types import TracebackType

from extract.errors import ConfigError, ModelError
from extract.local_model import cache_dir, check_model_file

_BUILD_HINT = (
    'CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON '
    '-DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF" pip install ".[local]"'
)


def free_port() -> int:
    """A loopback port nobody listens on right now (the server may still lose a race; we retry)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


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
    ) -> None:
        self.model_path = model_path
        self.n_ctx = n_ctx
        self.threads = threads or max(1, os.cpu_count() or 1)
        self.startup_timeout = startup_timeout
        self.port = port
        self.alias = alias
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
                # start-up failure, must not leave the server running on its own (it has its own session).
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
        ]

    def _start(self) -> None:
        cmd = self.command()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
            )

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
