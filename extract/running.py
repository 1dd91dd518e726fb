"""Running extraction over many inputs: one backend for the run, one record per article, nothing lost.

An article that fails becomes an error record and the run goes on. The embedded server is started only
when the first readable article needs it, and stopped whatever happens.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import ExtractError, internal_error
from extract.extractor import Extractor
from extract.model.backends import BackendConfig, BackendKind, public_url
from extract.model.cache import ResponseCache
from extract.model.client import ModelClient
from extract.model.embedded import MODEL_NAME, check_model_file, embedded_model_path
from extract.model.mode_probe import settle_mode
from extract.model.prompting import load_prompts
from extract.model.shared_server import SharedServer
from extract.output.records import Record, RecordWriter, read_records
from extract.pipeline import DEFAULT_CHUNK_CHARS
from extract.text.loading import BadLine, Document, load_document
from schemas import ArticleRecord, ErrorInfo, ErrorRecord, Source, Usage


@dataclass
class RunSummary:
    """What a run did, for the closing line and the exit code."""

    done: int = 0
    failed: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: int = 0

    def add(self, record: Record | None) -> None:
        """Count one outcome of `iter_records` (None: an article skipped as already in the output)."""
        if record is None:
            self.skipped += 1
        elif isinstance(record, ErrorRecord):
            self.failed += 1
            name, message = record.source.path, record.error.message
            self.errors.append(message if message.startswith(name) else f"{name}: {message}")
            self.prompt_tokens += record.error.usage.prompt_tokens  # failed calls were paid for too
            self.completion_tokens += record.error.usage.completion_tokens
        else:
            self.done += 1
            self.prompt_tokens += record.provenance.usage.prompt_tokens
            self.completion_tokens += record.provenance.usage.completion_tokens


@dataclass
class RunOptions:
    """Knobs of a run that are not about the backend."""

    chunk_chars: int = DEFAULT_CHUNK_CHARS
    max_chars: int | None = None
    threads: int | None = None
    n_ctx: int = 8192
    cache: bool = True
    jobs: int = 1
    #: Ask the model for the actors (a round of calls more) instead of reading them from the text alone.
    model_actors: bool = False
    #: Ask the second look at statements labelled "none" (see `pipeline.plan`); None: as `EXTRACT_SECOND_LOOK`
    #: says, on unless it is "0".
    second_look: bool | None = None


class Session(contextlib.AbstractContextManager["Session"]):
    """A backend opened lazily: for the local kind, the server starts on first use and stops on close."""

    def __init__(
        self, config: BackendConfig, options: RunOptions, on_start: Callable[[BackendConfig], None] | None = None
    ) -> None:
        self.config = config
        self.options = options
        self.on_start = on_start  # told the settled backend once, when the first article needs it
        self._stack = contextlib.ExitStack()
        self._lock = threading.Lock()
        self._endpoint: tuple[str | None, str] | None = None
        self._local = threading.local()

    def _start(self) -> tuple[str | None, str]:
        """Base URL and model name, starting the embedded server once (threads wait for the first)."""
        with self._lock:
            if self._endpoint is None:
                base_url, model = self.config.base_url, self.config.model
                if self.config.kind is BackendKind.LOCAL:
                    path = check_model_file(self.config.model_path) if self.config.model_path else embedded_model_path()
                    model = model or (path.stem if self.config.model_path else MODEL_NAME)
                    # one server for every run of this user on this model, stopped when the last one ends
                    server = SharedServer(path, n_ctx=self.options.n_ctx, threads=self.options.threads, alias=model)
                    base_url = self._stack.enter_context(server).base_url
                if model is None:
                    model = _first_served_model(self.config, base_url)
                self._endpoint = (base_url, model)
                self.config = settle_mode(self.config, base_url, model)  # probes the server once, if asked to
                if self.on_start is not None:
                    self.on_start(self.config)
            return self._endpoint

    def extractor(self) -> Extractor:
        """This thread's extractor (clients count tokens per call, so threads do not share one)."""
        extractor: Extractor | None = getattr(self._local, "extractor", None)
        if extractor is None:
            base_url, model = self._start()
            cache = ResponseCache(namespace=f"{self.config.kind.value}:{model}") if self.options.cache else None
            client = ModelClient(self.config, base_url, model, cache=cache)
            extractor = Extractor(
                client,
                load_prompts(),
                self.config.describe(),
                chunk_chars=self.options.chunk_chars,
                max_chars=self.options.max_chars,
                model_actors=self.options.model_actors,
                second_look=self.options.second_look,
            )
            self._local.extractor = extractor
        return extractor

    @property
    def jobs(self) -> int:
        """Articles in flight: the embedded llama.cpp server serves one request at a time, so it gets one."""
        return 1 if self.config.kind is BackendKind.LOCAL else max(1, self.options.jobs)

    def expected_model(self) -> str | None:
        """The model name records will carry, when it is known without starting or asking a server."""
        if self.config.kind is BackendKind.LOCAL:
            return self.config.model or (self.config.model_path.stem if self.config.model_path else MODEL_NAME)
        return self.config.model

    def close(self) -> None:
        """Stop the embedded server if this session started one (idempotent)."""
        self._stack.close()

    def __exit__(self, *exc: object) -> None:
        self.close()


def finished_articles(output: Path, model: str | None) -> set[tuple[str, str]]:
    """(input sha256, prompt sha256) of the articles `output` already holds a record for, with this model.

    A re-run of the same command skips them; error records are not "finished", so they are tried again.
    """
    if not output.exists():
        return set()
    done = set()
    for _, record in read_records(output):
        if isinstance(record, ArticleRecord) and model in (None, record.provenance.model):
            done.add((record.source.sha256, record.provenance.prompt_sha256))
    return done


def _first_served_model(config: BackendConfig, base_url: str | None) -> str:
    """An OpenAI-compatible server that serves one model does not need `--model`."""
    import openai

    try:
        models = openai.OpenAI(base_url=base_url, api_key=config.api_key, max_retries=1, timeout=30).models.list()
        first = next(iter(models), None)
    except openai.APIError as exc:
        where = public_url(base_url) if base_url else "the server"
        raise ExtractError(f"{where}: cannot list models ({type(exc).__name__}); pass --model") from None
    if first is None:
        where = public_url(base_url) if base_url else "the server"
        raise ExtractError(f"{where}: the server lists no models; pass --model")
    return first.id


def error_record(path: str, exc: Exception, data_sha: str | None = None) -> ErrorRecord:
    """The record written for an article that failed."""
    sha = data_sha
    if sha is None:
        try:
            sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            sha = hashlib.sha256(path.encode()).hexdigest()
    attempts, usage = getattr(exc, "attempts", 0), Usage(
        prompt_tokens=getattr(exc, "prompt_tokens", 0), completion_tokens=getattr(exc, "completion_tokens", 0)
    )
    info = ErrorInfo(type=type(exc).__name__, message=str(exc), attempts=attempts, usage=usage)
    return ErrorRecord(source=Source(path=path, sha256=sha), error=info)


def iter_records(
    items: Iterable[Path | Document | BadLine],
    session: Session,
    skip: set[tuple[str, str]] | None = None,
) -> Generator[Record | None, None, None]:
    """Each item's record in input order, as soon as it exists; failures become error records.

    Items whose (input sha256, prompt sha256) is in `skip` already have a record: None is yielded for them.
    A configuration error (exit code 2: every other article would fail the same way) is raised after its
    error record. Closing the iterator early cancels the articles not yet started.
    """
    prompt_sha = load_prompts().sha256

    def work(item: Path | Document | BadLine) -> ArticleRecord | ExtractError | None:
        if isinstance(item, BadLine):
            return item
        try:
            doc = load_document(item) if isinstance(item, Path) else item
            if skip and (doc.sha256, prompt_sha) in skip:
                return None
            return session.extractor().extract(doc)
        except ExtractError as exc:
            return exc
        except Exception as exc:  # a bug met on this article costs this article, not the run's others
            return internal_error(str(item) if isinstance(item, Path) else item.path, exc)

    if session.jobs == 1:
        for item in items:
            yield from _finish(item, work(item))
        return
    # Several in flight, yielded in input order; a bounded window keeps memory flat however many articles.
    pool = ThreadPoolExecutor(max_workers=session.jobs)
    try:
        window: deque[tuple[Path | Document | BadLine, Future[ArticleRecord | ExtractError | None]]] = deque()
        for item in items:
            window.append((item, pool.submit(work, item)))
            if len(window) >= 2 * session.jobs:
                done_item, future = window.popleft()
                yield from _finish(done_item, future.result())
        while window:
            done_item, future = window.popleft()
            yield from _finish(done_item, future.result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _finish(item: Path | Document | BadLine, outcome: ArticleRecord | ExtractError | None) -> Iterator[Record | None]:
    """The record of one outcome; a configuration error is raised once its record has been taken."""
    if not isinstance(outcome, ExtractError):
        yield outcome
        return
    sha: str | None
    if isinstance(item, BadLine):
        name, sha = str(item).split(": ")[0], hashlib.sha256(str(item).encode()).hexdigest()
    else:
        name = str(item) if isinstance(item, Path) else item.path
        sha = None if isinstance(item, Path) else item.sha256
    yield error_record(name, outcome, sha)
    if outcome.exit_code == 2:
        raise outcome


def run_documents(
    items: Iterable[Path | Document | BadLine],
    session: Session,
    writer: RecordWriter,
    on_record: Callable[[Record, RunSummary], None] | None = None,
    skip: set[tuple[str, str]] | None = None,
) -> RunSummary:
    """Extract every item, writing each record as soon as it exists; failures become error records.

    Items whose (input sha256, prompt sha256) is in `skip` already have a record and are passed over.
    """
    summary = RunSummary()
    for record in iter_records(items, session, skip):
        summary.add(record)
        if record is not None:
            writer.write(record)
            if on_record is not None:
                on_record(record, summary)
    return summary
