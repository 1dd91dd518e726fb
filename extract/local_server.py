"""Run llama-cpp-python's OpenAI-compatible server for the embedded model, and always stop it.

The server is a child process on a free loopback port. `LocalServer` is a context manager: it waits until
`GET /v1/models` answers, and on exit (normal, exception, Ctrl-C, SIGTERM turned into an exception by the
CLI) it terminates the process group, so no server outlives the command that started it.
"""

from __future__ import annotations

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
from extract.local_model import cache_dir

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
        if importlib.util.find_spec("llama_cpp") is None:
            raise ConfigError(f"the embedded model needs llama-cpp-python; install it with: {_BUILD_HINT}")
        attempts = 1 if self.port else 3
        for attempt in range(attempts):
            if not self.port or attempt:
                self.port = free_port()
            self._start()
            try:
                self._wait_ready()
                return self
            except _PortTaken:
                self.stop()
        raise ModelError("could not start the embedded model server: no free loopback port")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        cmd = [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(self.model_path), "--model_alias", self.alias,
            "--host", "127.0.0.1", "--port", str(self.port),
            "--n_ctx", str(self.n_ctx), "--n_threads", str(self.threads),
        ]
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
                raise ModelError(f"the embedded model server exited at start-up: {tail or 'no output'}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/models", timeout=2) as response:
                    if response.status == 200:
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
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        except ProcessLookupError:
            pass


class _PortTaken(Exception):
    """The port was taken between choosing it and binding it."""
