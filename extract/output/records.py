"""Reading and writing JSONL files of records: the one place that knows the file format."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from extract.errors import RecordError
from extract.file_locks import OutputLock
from schemas import ArticleRecord, ErrorRecord, Source

Record = ArticleRecord | ErrorRecord


def article_id(source: Source) -> str:
    """The id that joins tables and views of one article: the first 16 hex digits of its input's sha256."""
    return source.sha256[:16] or source.path


def parse_record(line: str) -> Record:
    """Parse one JSONL line into an ArticleRecord or ErrorRecord; raises ValueError with the reason."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    model: type[Record] = ErrorRecord if "error" in data else ArticleRecord
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ValueError(_summarise(exc)) from None


def _summarise(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "record"
        parts.append(f"{where}: {err['msg']}")
    more = exc.error_count() - 5
    return "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")


def iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, line) for the non-blank lines of a JSONL file."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise RecordError(f"{path}: cannot open ({exc.strerror})") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, line
        except UnicodeDecodeError:
            raise RecordError(f"{path}: not UTF-8 text") from None


def read_records(path: Path) -> Iterator[tuple[int, Record]]:
    """Yield (line number, record); a bad line raises RecordError naming the file and line."""
    for number, line in iter_lines(path):
        try:
            yield number, parse_record(line)
        except ValueError as exc:
            raise RecordError(f"{path}:{number}: {exc}") from None


def load_records(path: Path) -> list[Record]:
    """All records of a JSONL file, in order."""
    return [record for _, record in read_records(path)]


def dump_record(record: Record) -> str:
    """One record as a single JSON line (no trailing newline)."""
    return record.model_dump_json(exclude_none=False)


class RecordWriter:
    """Appends records to a JSONL file, one whole line at a time, flushed and fsynced.

    A run that is interrupted leaves only complete lines behind, so a second run can resume from it. A file
    is written by one writer at a time (an OS lock, see `OutputLock`): another one raises BusyError, or with
    `wait` waits for the first to finish; a reader of what is already there must read it after this opens.
    """

    def __init__(
        self,
        path: Path | None,
        stream: IO[str] | None = None,
        *,
        wait: bool = False,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.path = path
        self._handle: IO[str]
        self._lock: OutputLock | None = None
        if path is None:
            if stream is None:
                raise ValueError("RecordWriter needs a path or a stream")
            self._handle = stream
            self._owned = False
        else:
            self._lock = OutputLock(path, wait=wait, on_wait=on_wait)
            self._lock.acquire()  # before touching the file: the half line may be another run's, still being written
            try:
                _truncate_partial_last_line(path)
                self._handle = path.open("a", encoding="utf-8")
            except BaseException:
                self._lock.release()
                raise
            self._owned = True

    def write(self, record: Record) -> None:
        """Write one record and make sure it reached the disk before returning."""
        self._handle.write(dump_record(record) + "\n")
        self._handle.flush()
        if self._owned:
            os.fsync(self._handle.fileno())

    def close(self) -> None:
        """Close the file if this writer opened it, then let another run have it."""
        if self._owned:
            self._handle.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _truncate_partial_last_line(path: Path) -> None:
    """Drop a half-written last line left by a killed run, so appending starts on a clean line."""
    if not path.exists() or path.stat().st_size == 0:
        return
    data = path.read_bytes()
    if data.endswith(b"\n"):
        return
    cut = data.rfind(b"\n") + 1
    with path.open("r+b") as handle:
        handle.truncate(cut)
