"""Operating-system file locks (`flock`), and the lock that gives an output file to one run at a time.

An flock belongs to an open file and the kernel drops it when the process ends, however it ends: a run
killed with SIGKILL never leaves a stale lock, and there is nothing to clean up by hand. The lock file
itself only carries who holds the lock (pid, since when), so a second run can say whom it waits for.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from extract.errors import BusyError, RecordError


def open_lock_file(path: Path) -> int:
    """An fd on `path` (created, with its folder, when missing) to take flocks on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


def try_lock(fd: int, *, shared: bool = False) -> bool:
    """Take the lock without waiting; False when another open file holds it in a conflicting way."""
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def wait_lock(fd: int, *, shared: bool = False) -> None:
    """Take the lock, waiting as long as it takes (Ctrl-C still interrupts)."""
    fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[int]:
    """Hold an exclusive lock on `path` for the block."""
    fd = open_lock_file(path)
    try:
        wait_lock(fd)
        yield fd
    finally:
        os.close(fd)


def is_locked(path: Path) -> bool:
    """Whether some process holds an exclusive lock on `path` right now."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        return not try_lock(fd, shared=True)
    finally:
        os.close(fd)


def lock_path(output: Path) -> Path:
    """The lock beside an output file (the same file reached by another path or a symlink has the same one)."""
    resolved = output.resolve()
    return resolved.with_name(resolved.name + ".lock")


class OutputLock:
    """An output file owned by one run at a time; a second run stops at once, or waits when asked to.

    The owner holds an exclusive flock on `OUT.lock` and writes its pid and start time into it. On a
    normal exit the lock file is removed while still held; a run that waited on the removed file then
    sees that it holds a file no longer at that path and locks the new one, so two runs never both own it.
    """

    def __init__(self, output: Path, *, wait: bool = False, on_wait: Callable[[str], None] | None = None) -> None:
        self.output = output
        self.wait = wait
        self.on_wait = on_wait
        self._fd: int | None = None
        self._path: Path | None = None

    def acquire(self) -> None:
        """Own the output, or raise BusyError naming the run that does (unless `wait`)."""
        path = lock_path(self.output)
        while True:
            try:
                fd = open_lock_file(path)
            except OSError as exc:
                raise RecordError(f"{self.output}: cannot lock for writing ({exc.strerror})") from None
            try:
                if not try_lock(fd):
                    busy = f"{self.output} is being written by another run ({_owner(fd)})"
                    if not self.wait:
                        raise BusyError(f"{busy}; wait for it with --wait, or write to another --output")
                    if self.on_wait is not None:
                        self.on_wait(f"waiting: {busy}")
                    wait_lock(fd)
                if _same_file(fd, path):
                    break
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # the owner removed that file as it finished: lock the one now at `path`
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "since": time.time()}).encode(), 0)
        self._fd, self._path = fd, path

    def release(self) -> None:
        """Give the output up: remove the lock file while still holding it, then let go."""
        fd, self._fd = self._fd, None
        if fd is None or self._path is None:
            return
        with contextlib.suppress(OSError):
            self._path.unlink()
        os.close(fd)

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _owner(fd: int, patience: float = 1.0) -> str:
    """`pid N, since T` from the lock file (its owner writes it just after locking: allow it a moment)."""
    deadline = time.monotonic() + patience
    while True:
        try:
            data = json.loads(os.pread(fd, 4096, 0) or b"null")
            pid, since = int(data["pid"]), float(data["since"])
        except (OSError, ValueError, TypeError, KeyError):
            if time.monotonic() < deadline:
                time.sleep(0.02)
                continue
            return "pid unknown"
        return f"pid {pid}, since {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(since))}"
