"""Run llama-cpp-python's OpenAI-compatible server for the embedded model, and always stop it.

The server is a child process on a free loopback port. `LocalServer` is a context manager: it waits until
`GET /v1/models` answers, and on exit (normal, exception, Ctrl-C, SIGTERM turned into an exception by the
CLI) it terminates the process group, so no server outlives the command that started it.

`SharedServer` is what runs use: one server per model for all of a user's runs at once (one model in
memory, one queue on its single slot, instead of one server each fighting for the cores). The first run
starts it under a small supervisor process; the others find it through a state file in the user cache,
guarded by a lock. Each run holds a shared lock on the server's `users` file while it uses it; the last
one to leave stops the server, and the supervisor stops it as soon as no run holds that lock any more (all
of them killed), so no crash leaves a server running. A state file whose supervisor is gone, or whose port
no longer answers, is retired and the server started anew.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType, TracebackType

from extract.errors import ConfigError, ModelError
from extract.file_locks import is_locked, locked, open_lock_file, try_lock, wait_lock
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
    """Decode and prompt threads: every core for both, now that waiting threads sleep (bench/results/speed.md).

    llama.cpp's threads wait for each other at every step. While they spun (libgomp's default), one thread
    descheduled by a busy neighbour stalled them all: on 2 cores, 2 decode threads took 53 s for a seed quiet
    and over 700 s beside one CPU-bound process, so decoding had one thread. With SERVER_ENV they sleep, and
    on a loaded machine 2:2 kept 13-15 decode tokens/s quiet and busy (1:2: 6-10) and a seed took 184-206 s
    both ways, where 1:2 took 181 s quiet and 238 s busy.
    """
    cores = max(1, os.cpu_count() or 1)
    return cores, cores


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
            "--n_threads_batch", str(self.threads_batch),
            *SERVER_OPTIONS,
            *self.server_args,
        ]

    def _start(self) -> None:
        cmd = self._launch_command()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
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


@dataclass(frozen=True)
class ServerState:
    """What the state file says about a running shared server."""

    pid: int  # the supervisor's; its process group holds the server
    port: int
    model: str
    fingerprint: str  # size and mtime of the model file: a file replaced in place is another model
    threads: int
    n_ctx: int
    alias: str
    started: float


@dataclass(frozen=True)
class ServerFiles:
    """The files of one shared server in the user cache, named for the model file and settings it serves."""

    folder: Path
    key: str

    @classmethod
    def for_model(cls, model: Path, n_ctx: int, alias: str) -> ServerFiles:
        """Runs asking for the same model file, context size and name share a server (threads may differ)."""
        path = model.resolve()
        blob = json.dumps([str(path), _fingerprint(path), n_ctx, alias])
        return cls(cache_dir() / "servers", "server-" + hashlib.sha256(blob.encode()).hexdigest()[:16])

    @property
    def lock(self) -> Path:
        """Guards the state file: whoever starts, joins, leaves or retires the server holds it."""
        return self.folder / f"{self.key}.lock"

    @property
    def state(self) -> Path:
        """The `ServerState` as JSON, present while the server is up."""
        return self.folder / f"{self.key}.json"

    @property
    def users(self) -> Path:
        """Every run using the server holds a shared lock on it."""
        return self.folder / f"{self.key}.users"

    @property
    def alive(self) -> Path:
        """The supervisor holds an exclusive lock on it for its whole life."""
        return self.folder / f"{self.key}.alive"


class SharedServer:
    """The embedded server, shared by all of this user's runs that serve the same model (see the module doc)."""

    def __init__(
        self,
        model_path: Path,
        n_ctx: int = 8192,
        threads: int | None = None,
        startup_timeout: float = 300.0,
        alias: str = "local",
        threads_batch: int | None = None,
    ) -> None:
        self.server = _SupervisedServer(
            model_path, n_ctx, threads, startup_timeout, alias=alias, threads_batch=threads_batch
        )
        self.state: ServerState | None = None
        self.started_here = False
        self._files: ServerFiles | None = None
        self._users: int | None = None

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible base URL of the shared server."""
        assert self.state is not None, "not using a shared server"
        return f"http://127.0.0.1:{self.state.port}/v1"

    def __enter__(self) -> SharedServer:
        server = self.server
        check_model_file(server.model_path)  # a wrong file fails here, in one line, before any process starts
        files = ServerFiles.for_model(server.model_path, server.n_ctx, server.alias)
        try:
            files.folder.mkdir(parents=True, exist_ok=True)
            os.close(open_lock_file(files.lock))
        except OSError as exc:
            raise ConfigError(
                f"{files.folder}: cannot keep the model server's state there ({exc.strerror}); set EXTRACT_CACHE_DIR"
            ) from None
        with locked(files.lock):
            state = _read_state(files.state)
            if state is not None and not _serving(state, files):
                _retire(state, files)
                state = None
            users = open_lock_file(files.users)
            try:
                wait_lock(users, shared=True)  # before a supervisor starts: its first look must see this run
                if state is None:
                    state = self._start(files)
            except BaseException:
                os.close(users)
                raise
        self._files, self._users, self.state = files, users, state
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.leave()

    def _start(self, files: ServerFiles) -> ServerState:
        server = self.server
        server.files = files
        server.__enter__()  # on any failure it has stopped what it started
        assert server.process is not None and server.port is not None
        _DETACHED.append(server.process)  # the supervisor may outlive this run: keep its handle, reap it later
        path = server.model_path.resolve()
        state = ServerState(server.process.pid, server.port, str(path), _fingerprint(path), server.threads,
                            server.n_ctx, server.alias, time.time())
        tmp = files.state.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(state)))
        os.replace(tmp, files.state)
        self.started_here = True
        return state

    def leave(self) -> None:
        """Stop using the server; the last run to leave stops it."""
        users, files, self._users = self._users, self._files, None
        if users is None or files is None:
            return
        with locked(files.lock):
            os.close(users)
            probe = open_lock_file(files.users)
            try:
                if try_lock(probe):  # no other run uses it
                    state = _read_state(files.state)
                    if state is not None:
                        _retire(state, files)
            finally:
                os.close(probe)
        _reap()


class _SupervisedServer(LocalServer):
    """A LocalServer started under the supervisor, which stops it when no run uses it any more."""

    files: ServerFiles | None = None

    def _launch_command(self) -> list[str]:
        assert self.files is not None
        # the supervisor imports this very package, wherever it lies (a source tree, a test checkout)
        root = str(Path(__file__).resolve().parents[__name__.count(".")])
        boot = f"import sys; sys.path.insert(0, {root!r}); from extract.model.server import main; main(sys.argv[1:])"
        folder, key = str(self.files.folder), self.files.key
        return [sys.executable, "-c", boot, "supervise", folder, key, "--", *self.command()]


#: Supervisors this process started; they may outlive the run that started them.
_DETACHED: list[subprocess.Popen[bytes]] = []


def _reap() -> None:
    _DETACHED[:] = [proc for proc in _DETACHED if proc.poll() is None]


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _read_state(path: Path) -> ServerState | None:
    try:
        return ServerState(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def _serving(state: ServerState, files: ServerFiles) -> bool:
    """The supervisor lives and the server's port takes connections (a busy server answers nothing else)."""
    if not is_locked(files.alive):
        return False
    try:
        with socket.create_connection(("127.0.0.1", state.port), timeout=2):
            return True
    except OSError:
        return False


def _retire(state: ServerState, files: ServerFiles, grace: float = 15.0) -> None:
    """Stop a shared server if its supervisor still lives, and forget it; called with `files.lock` held."""
    if is_locked(files.alive):  # the supervisor lives, so `state.pid` is still its process group
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(state.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        while is_locked(files.alive) and time.monotonic() < deadline:
            time.sleep(0.05)
        if is_locked(files.alive):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(state.pid, signal.SIGKILL)
    files.state.unlink(missing_ok=True)


def _forget(files: ServerFiles, pid: int) -> None:
    """Remove the state file if it still describes the server of supervisor `pid`."""
    state = _read_state(files.state)
    if state is not None and state.pid == pid:
        files.state.unlink(missing_ok=True)


def _given_up(files: ServerFiles) -> bool:
    """Whether every run left or was killed; if so the state file is gone when this returns.

    Looked at only with the state lock held, and never waited for: no run is joining or leaving meanwhile,
    and a run that leaves sees the users exactly (a start-up in progress holds the lock, so the look is
    skipped, not blocked, and a crash at start-up is still seen at once).
    """
    guard = open_lock_file(files.lock)
    try:
        if not try_lock(guard):
            return False
        users = open_lock_file(files.users)
        try:
            if not try_lock(users):
                return False
        finally:
            os.close(users)
        _forget(files, os.getpid())
        return True
    finally:
        os.close(guard)


class _Stopped(Exception):
    """SIGTERM reached the supervisor."""


def _stopped(signum: int, frame: FrameType | None) -> None:
    raise _Stopped


def supervise(files: ServerFiles, command: list[str], poll: float = 0.2) -> None:
    """Run the server `command` until it exits, is stopped, or no run uses it; leave nothing of its group.

    This process leads the server's process group; its exclusive lock on `files.alive` tells runs it lives.
    """
    alive = open_lock_file(files.alive)
    wait_lock(alive)  # a supervisor being retired may still hold it for a moment
    signal.signal(signal.SIGTERM, _stopped)
    die_with_parent = _pdeathsig()
    server: subprocess.Popen[bytes] | None = None
    try:
        server = subprocess.Popen(command, stdin=subprocess.DEVNULL, preexec_fn=die_with_parent)
        while server.poll() is None:
            if _given_up(files):
                break
            time.sleep(poll)
        else:
            _forget(files, os.getpid())  # the server died: runs must not find it
    except _Stopped:
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if server is not None and server.poll() is None:
            server.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.wait(timeout=10)
        if os.getpgrp() == os.getpid():  # as started by a run, it leads a group of its own
            os.killpg(os.getpgrp(), signal.SIGKILL)  # whatever the server left in it goes, and this with it


def _pdeathsig() -> Callable[[], None] | None:
    """On Linux, a hook that makes the server get SIGTERM if its supervisor dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None

    def hook() -> None:
        prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG

    return hook


def main(argv: list[str]) -> None:
    """`supervise FOLDER KEY -- COMMAND...`: the supervisor process of a shared server."""
    if len(argv) < 5 or argv[0] != "supervise" or argv[3] != "--":
        raise SystemExit("usage: supervise FOLDER KEY -- COMMAND...")
    supervise(ServerFiles(Path(argv[1]), argv[2]), argv[4:])


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
