"""The Python API: an article (or a stream of them) in, validated records out, with the CLI's backends.

`extract` takes one article and raises on failure; `extract_many` streams records for many articles over
one model server (the embedded one starts at the first article and stops when the stream ends or is
closed) and turns each failed article into an error record, as `extract run` does. The CLI is a user of
these two functions; the backend is chosen as on the command line (explicit arguments, then the
`EXTRACT_BASE_URL` / `EXTRACT_MODEL` / `OPENAI_API_KEY` environment, then the embedded model).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, TypeVar

from extract.errors import ConfigError, InputError
from extract.model.backends import BackendConfig, BackendKind, OutputMode, resolve_backend
from extract.output.records import Record
from extract.pipeline import DEFAULT_CHUNK_CHARS
from extract.running import RunOptions, RunSummary, Session, finished_articles, iter_records
from extract.text.loading import BadLine, Document, iter_inputs, load_document, mapping_document, text_document
from schemas import ArticleRecord

#: The ways of reaching a model (`--backend`): any OpenAI-compatible server, OpenAI, the embedded model.
Backend = Literal["openai-compatible", "openai", "local"]
#: How structured output is asked for (`--mode`); see `extract.model.backends.OutputMode`.
Mode = Literal["auto", "llama-schema", "json", "json-schema", "tools"]
_Choice = TypeVar("_Choice", BackendKind, OutputMode)


def extract(
    source: str | Path | Mapping[str, Any],
    *,
    base_url: str | None = None,
    model: str | None = None,
    mode: Mode | OutputMode | None = None,
    backend: Backend | BackendKind | None = None,
    api_key: str | None = None,
    model_path: Path | None = None,
    html: bool | None = None,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    max_chars: int | None = None,
    threads: int | None = None,
    cache: bool = True,
    model_actors: bool = False,
    second_look: bool | None = None,
) -> ArticleRecord:
    """Extract the actors, statements and allegations of one article.

    Args:
        source: The article: a str is its text (or a whole HTML page), a Path names a .txt/.md/.html file,
            a mapping is an article as crawlers write it (`text` or `html`, optional `id`, `url`, `title`,
            `published` as YYYY-MM-DD), as on a line of a .jsonl input.
        base_url: An OpenAI-compatible server (vLLM, Ollama, llama.cpp, LM Studio), e.g.
            "http://127.0.0.1:8000/v1". Default: `EXTRACT_BASE_URL`, else OpenAI when `OPENAI_API_KEY` (or
            `api_key`) is set, else the embedded model, started for this call and stopped after it.
        model: Model name. Default: `EXTRACT_MODEL`, else the first model the server lists (gpt-4o-mini on
            OpenAI).
        mode: Structured-output mode. Default: llama-schema locally, tools for OpenAI, and for a base URL
            "auto": the strongest form the server enforces, probed once and remembered per server.
        backend: Force one backend instead of choosing from the arguments and the environment.
        api_key: Key for the server or OpenAI; default from `EXTRACT_API_KEY` / `OPENAI_API_KEY`.
        model_path: Any GGUF file to serve locally instead of the embedded model.
        html: Whether a str source is HTML; default: when it starts like an HTML document.
        chunk_chars: Longest piece of article sent in one model call.
        max_chars: Cut the cleaned article to this many characters (caps cost).
        threads: CPU threads of the local model, decode and prompt (default: every core).
        cache: Reuse stored answers to identical model requests (`~/.cache/extract`).
        model_actors: Ask the model for the actors too (one call more per chunk); by default they are read
            from the text alone, for about half the model time (bench/results/calls.md).
        second_look: Ask a closed yes/no question about statements the model labelled "none" whose words
            speak ill of someone named as a clause's subject (one request more per chunk that has one).
            Default: on, unless `EXTRACT_SECOND_LOOK=0`; False turns it off.

    Returns:
        The validated record; every statement's words are a verbatim span of `record.text`, or its `parts`.

    Raises:
        ExtractError: the article cannot be read (InputError), the backend cannot be set up (ConfigError),
            or the model failed (ModelError); the message is one line, fit to show a user.
    """
    session = _session(
        base_url, model, mode, backend, api_key, model_path, chunk_chars, max_chars, threads, cache, jobs=1,
        model_actors=model_actors, second_look=second_look,
    )
    doc = _document(source, html)  # bad input fails here, before any server starts
    with session:
        return session.extractor().extract(doc)


def extract_many(  # noqa: D417 (the backend arguments are those of `extract`)
    inputs: Iterable[str | Path | Mapping[str, Any]],
    *,
    base_url: str | None = None,
    model: str | None = None,
    mode: Mode | OutputMode | None = None,
    backend: Backend | BackendKind | None = None,
    api_key: str | None = None,
    model_path: Path | None = None,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    max_chars: int | None = None,
    threads: int | None = None,
    cache: bool = True,
    jobs: int = 1,
    model_actors: bool = False,
    second_look: bool | None = None,
    resume_from: Path | None = None,
    on_start: Callable[[BackendConfig], None] | None = None,
) -> Records:
    """Extract many articles over one model server; a stream of records in input order.

    An article that fails becomes an `ErrorRecord` (source and one-line message) and the stream goes on.
    The backend is set up once: the embedded server starts with the first article that needs it and stops
    when the stream is exhausted or closed (use it in a `with` block to close it early). The other
    arguments are those of `extract`.

    Args:
        inputs: Articles: a str is the text (or HTML page) of one; a mapping is one as crawlers write it
            (see `extract`); a Path is a file (.txt, .md, .html, or .jsonl with one article per line), a
            folder (walked, sorted) or `-` for stdin. Read lazily.
        jobs: Articles in flight against a server (vLLM, OpenAI, ...); the embedded model always gets one.
        resume_from: A JSONL file of earlier records: articles it already holds a record for (same input,
            prompts and model) are passed over and counted in `Records.summary.skipped`.
        on_start: Called once with the settled backend (after a server's mode is probed) when the first
            article needs it; the CLI prints it.

    Returns:
        An iterator of `ArticleRecord | ErrorRecord` that is also a context manager.

    Raises:
        ExtractError: at once for a backend that cannot be set up, or paths that hold no article at all;
            while iterating, for a configuration error every article would hit (after its error record).
    """
    session = _session(
        base_url, model, mode, backend, api_key, model_path, chunk_chars, max_chars, threads, cache, jobs, on_start,
        model_actors=model_actors, second_look=second_look,
    )
    return Records(iter_inputs(inputs), session, resume_from)


class Records(Iterator[Record], contextlib.AbstractContextManager["Records"]):
    """The stream `extract_many` returns: records in input order, and a running tally in `summary`."""

    def __init__(self, items: Iterator[Path | Document | BadLine], session: Session, resume_from: Path | None):
        self._items = items
        self._session = session
        self._resume_from = resume_from
        self._records: Generator[Record | None, None, None] | None = None
        self._closed = False
        #: Articles done, failed and skipped so far, tokens used, and one line per failure.
        self.summary = RunSummary()

    def __next__(self) -> Record:
        if self._closed:
            raise StopIteration
        try:
            if self._records is None:
                skip = None
                if self._resume_from is not None:
                    skip = finished_articles(self._resume_from, self._session.expected_model())
                self._records = iter_records(self._items, self._session, skip)
            while True:
                record = next(self._records)
                self.summary.add(record)
                if record is not None:
                    return record
        except BaseException:  # exhausted, a configuration error, Ctrl-C: the server goes now
            self.close()
            raise

    def close(self) -> None:
        """Stop extracting: articles not yet started are dropped, the embedded server is stopped."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._records is not None:
                self._records.close()
        finally:
            self._session.close()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # a stream dropped unclosed still stops its server
            self.close()


def _session(
    base_url: str | None,
    model: str | None,
    mode: Mode | OutputMode | None,
    backend: Backend | BackendKind | None,
    api_key: str | None,
    model_path: Path | None,
    chunk_chars: int,
    max_chars: int | None,
    threads: int | None,
    cache: bool,
    jobs: int,
    on_start: Callable[[BackendConfig], None] | None = None,
    model_actors: bool = False,
    second_look: bool | None = None,
) -> Session:
    """The one place that turns the caller's settings into a backend session (nothing starts yet)."""
    env = None
    if api_key is not None:
        env = {**os.environ, "OPENAI_API_KEY": api_key, "EXTRACT_API_KEY": api_key}
    config = resolve_backend(
        _choice(BackendKind, backend, "backend"), base_url, model, model_path, _choice(OutputMode, mode, "mode"), env
    )
    options = RunOptions(chunk_chars=chunk_chars, max_chars=max_chars, threads=threads, cache=cache, jobs=jobs,
                         model_actors=model_actors, second_look=second_look)
    return Session(config, options, on_start=on_start)


def _choice(kind: type[_Choice], value: str | None, name: str) -> _Choice | None:
    """A backend or mode given as a string, checked: a typo is a ConfigError listing the choices."""
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise ConfigError(f"{name} must be one of {choices}, not {value!r}") from None


def _document(source: str | Path | Mapping[str, Any], html: bool | None) -> Document:
    """One article from a str of text or HTML, a file, or a crawler's mapping."""
    if isinstance(source, Path):
        if source.suffix.lower() == ".jsonl":
            raise InputError(f"{source}: a JSONL file holds many articles; use extract_many")
        return load_document(source)
    if isinstance(source, Mapping):
        doc = mapping_document(source, "<article>")
        if isinstance(doc, BadLine):
            raise InputError(str(doc))
        return doc
    if not isinstance(source, str):
        raise InputError(f"expected a str of text, a Path or a mapping, not {type(source).__name__}")
    return text_document("<text>", source, html)
