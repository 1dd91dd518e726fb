"""One embedded model server shared by every run on the machine.

A supervisor stops it when no run uses it any more; here are its state file, the lock that elects who starts
it, and the supervisor process.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType, TracebackType

from extract.errors import ConfigError
from extract.file_locks import is_locked, locked, open_lock_file, try_lock, wait_lock
from extract.model.embedded import cache_dir, check_model_file
from extract.model.server import LocalServer


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
        boot = f"import sys; sys.path.insert(0, {root!r}); from {__name__} import main; main(sys.argv[1:])"
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
