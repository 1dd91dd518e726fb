"""Running articles through the pipeline with a model client, into validated records.

`pipeline.plan` is the conversation for one article (the questions, then the record's lists); an `Extractor`
answers it with live calls and wraps the lists in the record with its source and provenance (`build_record`,
which `batch` uses too for answers from a Batch results file).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from extract import __version__
from extract.errors import ExtractError, ModelError
from extract.model.client import CallStats, ModelClient
from extract.model.prompting import PromptSet
from extract.pipeline import DEFAULT_CHUNK_CHARS, Failed, ModelRequest, Prepared, page_writer, plan, prepare
from extract.text.cleaning import CleanArticle
from extract.text.loading import Document
from schemas import Actor, Allegation, ArticleRecord, Provenance, Source, Statement, Usage


def build_record(
    prepared: Prepared,
    parts: tuple[list[Actor], list[Statement], list[Allegation]],
    *,
    backend: str,
    model: str,
    prompt_sha256: str,
    stats: CallStats,
    seconds: float,
    mode: str | None = None,
    mode_source: str | None = None,
) -> ArticleRecord:
    """The validated record of one article (the record's own validators check every id and span)."""
    actors, statements, allegations = parts
    return ArticleRecord(
        source=_source(prepared.doc, prepared.article),
        text=prepared.text,
        actors=actors,
        statements=statements,
        allegations=allegations,
        provenance=Provenance(
            tool_version=__version__,
            backend=backend,
            model=model,
            prompt_sha256=prompt_sha256,
            attempts=stats.attempts,
            usage=Usage(prompt_tokens=stats.prompt_tokens, completion_tokens=stats.completion_tokens),
            seconds=round(seconds, 3),
            mode=mode,
            mode_source=mode_source,
        ),
        warnings=prepared.warnings,
    )


@dataclass
class Extractor:
    """Turns documents into records with one model client; reusable across articles."""

    client: ModelClient
    prompts: PromptSet
    backend: str
    chunk_chars: int = DEFAULT_CHUNK_CHARS
    max_chars: int | None = None
    #: Ask the model for the actors (a round of calls more) instead of reading them from the text alone.
    model_actors: bool = False
    #: Ask the second look (see `plan`); None: as `EXTRACT_SECOND_LOOK` says, on unless it is "0".
    second_look: bool | None = None

    def extract(self, doc: Document) -> ArticleRecord:
        """Extract one article into a validated record (raises ExtractError subclasses on failure)."""
        started = time.monotonic()
        prepared = prepare(doc, self.max_chars)
        stats = CallStats()
        steps = plan(prepared.text, self.prompts, prepared.warnings, self.chunk_chars, self.model_actors,
                     self.second_look, page_writer(prepared))
        try:
            requests = next(steps)
            while True:
                requests = steps.send([self._ask(r, stats) for r in requests])
        except StopIteration as done:
            parts = done.value
        except ExtractError as exc:  # what the failed article cost is still counted in the run's totals
            raise spent(exc, stats) from None
        config = getattr(self.client, "config", None)  # a stand-in client (tests, benches) may have none
        return build_record(
            prepared,
            parts,
            backend=self.backend,
            model=self.client.model,
            prompt_sha256=self.prompts.sha256,
            stats=stats,
            seconds=time.monotonic() - started,
            mode=config.mode.value if config is not None else None,
            mode_source=config.mode_source if config is not None else None,
        )

    def _ask(self, request: ModelRequest, stats: CallStats) -> Any:
        """The validated answer, or `Failed` for an optional question that got none."""
        try:
            return self.client.complete(
                request.response_model, request.messages, stats, label=request.label, max_tokens=request.max_tokens
            )
        except ModelError as exc:
            if not request.optional:
                raise
            return Failed(str(exc))


def spent(exc: ExtractError, stats: CallStats) -> ExtractError:
    """`exc` carrying the attempts and tokens its article had cost, for the error record and the totals."""
    exc.attempts = stats.attempts
    exc.prompt_tokens = stats.prompt_tokens
    exc.completion_tokens = stats.completion_tokens
    return exc


def _source(doc: Document, article: CleanArticle) -> Source:
    return Source(
        path=doc.path,
        sha256=doc.sha256,
        title=doc.title or article.title,
        byline=article.byline,
        published=doc.published or article.published,
        url=doc.url or article.url,
    )
