"""Scale-out in the OpenAI Batch format: write requests, read results, write records exactly as `run` does.

An article is asked one round of questions (statement labels), or two with `model_actors` (the actors, then
the labels, whose schema depends on the actors), and one more when the second look has a statement to ask
about (it depends on the labels); a batch takes as many rounds. `prepare` writes round one
and a manifest of the articles;
`collect` replays each article's plan against the answers found in the results files: an article whose
answers are all there becomes a record (or an error record), the others' next requests go to a new
requests file. Nothing is kept between commands but these files, so `collect` can be re-run at any time.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from extract import __version__
from extract.errors import ConfigError, ExtractError, InputError, InternalError, ModelError, internal_error
from extract.extractor import build_record, spent
from extract.model.answers import strict_schema
from extract.model.backends import OutputMode, resolve_backend
from extract.model.client import CallStats, json_mode_messages, llama_schema_format
from extract.model.mode_probe import settle_mode
from extract.model.prompting import PromptSet, load_prompts
from extract.model.verify import second_look
from extract.output.records import Record, RecordWriter, read_records
from extract.pipeline import (
    DEFAULT_CHUNK_CHARS,
    Failed,
    ModelRequest,
    Plan,
    Prepared,
    page_writer,
    plan,
    prepare,
)
from extract.running import error_record
from extract.text.loading import BadLine, Document, load_document
from schemas import ArticleRecord

#: The endpoint every request line targets (OpenAI Batch API, vLLM `run-batch`).
BATCH_URL = "/v1/chat/completions"
MANIFEST_FORMAT = "extract-batch-manifest/1"
BatchMode = Literal["json-schema", "json", "llama-schema"]
BATCH_MODES: tuple[BatchMode, ...] = ("json-schema", "json", "llama-schema")

@dataclass
class BatchSummary:
    """What a prepare or collect did, for the closing line and the exit code."""

    articles: int = 0
    requests: int = 0
    done: int = 0
    failed: int = 0
    pending: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)


def manifest_path(requests: Path) -> Path:
    """Where `prepare` keeps the articles beside its requests file: `requests.jsonl` -> `requests.articles.jsonl`."""
    return requests.with_name(requests.stem + ".articles.jsonl")


def request_line(custom_id: str, request: ModelRequest, model: str, mode: BatchMode) -> dict[str, Any]:
    """One line of an OpenAI Batch input file."""
    schema = strict_schema(request.response_model)
    messages = [dict(m) for m in request.messages]
    body: dict[str, Any] = {"model": model, "temperature": 0, "seed": 0, "max_tokens": request.max_tokens}
    if mode == "json-schema":
        body["response_format"] = {
            "type": "json_schema",
            "json_schema": {"name": request.label, "schema": schema, "strict": True},
        }
    elif mode == "llama-schema":  # exactly what `run` sends in this mode: same prompt, same grammar
        messages = json_mode_messages(request.response_model, request.messages)
        body["response_format"] = llama_schema_format(request.response_model)
    else:  # plain JSON mode: the schema travels in the prompt, as instructor's JSON mode puts it
        messages[0]["content"] += "\n\nAnswer with JSON that matches this JSON schema:\n" + json.dumps(schema)
        body["response_format"] = {"type": "json_object"}
    body["messages"] = messages
    return {"custom_id": custom_id, "method": "POST", "url": BATCH_URL, "body": body}


def server_batch_mode(base_url: str, model: str) -> tuple[BatchMode, str, str]:
    """The batch mode for requests a given server will answer: what it enforces (probed once, remembered).

    Returns the mode, how it was chosen ("probed" or "remembered") and what the probe found. A server that
    enforces only tools gets plain JSON requests: the Batch format here carries no tool calls.
    """
    config = settle_mode(resolve_backend(base_url=base_url, model=model), base_url.rstrip("/"), model)
    mode: BatchMode = "json"
    if config.mode is OutputMode.JSON_SCHEMA:
        mode = "json-schema"
    elif config.mode is OutputMode.LLAMA_SCHEMA:
        mode = "llama-schema"
    return mode, config.mode_source, config.mode_detail


def _custom_id(key: str, round_number: int, index: int) -> str:
    return f"{key}/r{round_number}/{index}"


@dataclass(frozen=True)
class BatchSettings:
    """What a batch was prepared with; `collect` must replay the plan with the very same settings."""

    model: str
    mode: BatchMode = "json-schema"
    mode_source: str = "flag"
    chunk_chars: int = DEFAULT_CHUNK_CHARS
    max_chars: int | None = None
    model_actors: bool = False
    #: The second look (a round more for articles with a statement worth it); None: as `EXTRACT_SECOND_LOOK`
    #: says when preparing (on unless "0"), written down so that `collect` replays the same plan.
    second_look: bool | None = None
    prompt_sha256: str = ""
    tool_version: str = __version__


def prepare_batch(
    items: Iterable[Path | Document | BadLine], requests_path: Path, settings: BatchSettings
) -> BatchSummary:
    """Write round one's requests to `requests_path` and every article to the manifest beside it.

    An input that cannot be read is kept in the manifest as an error, so `collect` writes its error record.
    """
    prompts = load_prompts()
    looking_again = second_look() if settings.second_look is None else settings.second_look
    settings = BatchSettings(**{**asdict(settings), "prompt_sha256": prompts.sha256, "second_look": looking_again})
    summary = BatchSummary()
    requests_path.parent.mkdir(parents=True, exist_ok=True)
    articles_path = manifest_path(requests_path)
    with requests_path.open("w", encoding="utf-8") as requests, articles_path.open("w", encoding="utf-8") as manifest:
        manifest.write(json.dumps({"format": MANIFEST_FORMAT, **asdict(settings)}) + "\n")
        for index, item in enumerate(items, 1):
            summary.articles += 1
            key = f"a{index}"
            try:
                if isinstance(item, BadLine):
                    raise item
                doc = load_document(item) if isinstance(item, Path) else item
                _, steps = _plan(doc, prompts, settings)
                first = next(steps, [])  # an article without statements asks nothing
            except Exception as caught:  # a bug met on one article (`internal_error`) costs that article only
                name = str(item).split(": ")[0] if isinstance(item, BadLine) else _name(item)
                exc = caught if isinstance(caught, ExtractError) else internal_error(name, caught)
                summary.failed += 1
                summary.errors.append(str(exc))
                failed = {"key": key, "path": name, "error": str(exc), "error_type": type(exc).__name__}
                manifest.write(json.dumps(failed) + "\n")
                continue
            manifest.write(json.dumps({"key": key, **asdict(doc)}) + "\n")
            for number, request in enumerate(first):
                requests.write(json.dumps(request_line(_custom_id(key, 1, number), request, settings.model,
                                                       settings.mode)) + "\n")
                summary.requests += 1
    return summary


def _name(item: Path | Document) -> str:
    return str(item) if isinstance(item, Path) else item.path


def _plan(doc: Document, prompts: PromptSet, settings: BatchSettings) -> tuple[Prepared, Plan]:
    """The article cleaned as `run` would, and its plan under the batch's settings (prepare and collect agree)."""
    prepared = prepare(doc, settings.max_chars)
    return prepared, plan(prepared.text, prompts, prepared.warnings, settings.chunk_chars, settings.model_actors,
                          settings.second_look, page_writer(prepared))


def read_manifest(path: Path) -> BatchSettings:
    """The settings line of a manifest written by `prepare_batch`."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; pass --articles, the file `batch prepare` wrote") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        head = json.loads(first or "null")
    except ValueError:
        head = None
    if not isinstance(head, dict) or head.pop("format", None) != MANIFEST_FORMAT:
        raise InputError(f"{path}: not an articles manifest written by `extract batch prepare`")
    try:
        return BatchSettings(**head)
    except TypeError as exc:
        raise InputError(f"{path}: unreadable settings line ({exc})") from None


def manifest_articles(path: Path) -> Iterator[dict[str, Any]]:
    """The article lines of a manifest, one at a time (a manifest can hold thousands of articles)."""
    with path.open(encoding="utf-8") as handle:
        handle.readline()
        for number, line in enumerate(handle, 2):
            try:
                yield json.loads(line)
            except ValueError:
                raise InputError(f"{path}:{number}: not JSON") from None


def read_results(paths: list[Path]) -> dict[str, dict[str, Any]]:
    """Every result line of OpenAI Batch output files, by custom_id (a later file wins a repeated id)."""
    results: dict[str, dict[str, Any]] = {}
    for path in paths:
        try:
            handle = path.open(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except ValueError:
                    raise InputError(f"{path}:{number}: not JSON") from None
                if not isinstance(item, dict) or not isinstance(item.get("custom_id"), str):
                    raise InputError(f"{path}:{number}: not a batch result line (no custom_id)")
                results[item["custom_id"]] = item
    return results


_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


def parse_answer(custom_id: str, request: ModelRequest, result: dict[str, Any], stats: CallStats) -> Any:
    """The validated answer of one result line; ModelError saying what is wrong with it."""
    where = f"{request.label} ({custom_id})"
    error = result.get("error")
    response = result.get("response") or {}
    status = response.get("status_code")
    if error or status != 200:
        detail = (error or {}).get("message") if isinstance(error, dict) else error
        detail = detail or ((response.get("body") or {}).get("error") or {}).get("message")
        raise ModelError(f"{where}: the batch request failed (HTTP {status}){': ' + str(detail) if detail else ''}")
    body = response.get("body") or {}
    stats.attempts += 1
    usage = body.get("usage") or {}
    stats.prompt_tokens += int(usage.get("prompt_tokens") or 0)
    stats.completion_tokens += int(usage.get("completion_tokens") or 0)
    try:
        choice = body["choices"][0]
        content = choice["message"]["content"] or ""
    except (KeyError, IndexError, TypeError):
        raise ModelError(f"{where}: the result is not a chat completion") from None
    if choice.get("finish_reason") == "length":
        raise ModelError(f"{where}: the model's answer was cut off at {request.max_tokens} tokens")
    fenced = _FENCE.match(content)
    try:
        return request.response_model.model_validate_json(fenced.group(1) if fenced else content)
    except ValidationError as exc:
        first = exc.errors()[0]
        at = ".".join(str(p) for p in first["loc"]) or "answer"
        raise ModelError(f"{where}: invalid answer: {at}: {first['msg']}") from None


def collect_batch(
    results_paths: list[Path],
    articles_path: Path,
    writer: RecordWriter,
    next_path: Path,
    skip: set[tuple[str, str, str | None]] | None = None,
) -> BatchSummary:
    """Write a record for every article whose answers are all in the results; the rest's requests to `next_path`.

    Records are validated and grounded by the same pipeline as `run`; provenance names the model that
    answered. An article whose record is in `skip` (see `collected`) is not written again: its answers in a
    results file do not change, so neither would its record, error records included.
    """
    settings = read_manifest(articles_path)
    prompts = load_prompts()
    if prompts.sha256 != settings.prompt_sha256:
        raise ConfigError(
            f"{articles_path}: prepared with other prompts (sha256 {settings.prompt_sha256[:12]}, now"
            f" {prompts.sha256[:12]}); run `extract batch prepare` again"
        )
    results = read_results(results_paths)
    summary = BatchSummary()
    with next_path.open("w", encoding="utf-8") as pending:
        for entry in manifest_articles(articles_path):
            summary.articles += 1
            outcome = _collect_one(entry, settings, prompts, results)
            if isinstance(outcome, list):
                summary.pending += 1
                for line in outcome:
                    pending.write(json.dumps(line) + "\n")
                    summary.requests += 1
                continue
            record: Record = (
                outcome if isinstance(outcome, ArticleRecord)
                else error_record(str(entry.get("path")), outcome, entry.get("sha256"))
            )
            if _record_key(record) in (skip or set()):
                summary.skipped += 1
                continue
            if isinstance(outcome, ExtractError):
                summary.failed += 1
                summary.errors.append(f"{entry.get('path')}: {outcome}")
            else:
                summary.done += 1
            writer.write(record)
    if summary.requests == 0:
        next_path.unlink()
    return summary


def collected(output: Path) -> set[tuple[str, str, str | None]]:
    """The keys (see `_record_key`) of every record already in `output`."""
    if not output.exists():
        return set()
    return {_record_key(record) for _, record in read_records(output)}


def _record_key(record: Record) -> tuple[str, str, str | None]:
    """(path, input sha256, prompt sha256, or None for an error record): what `collect` writes once."""
    prompt = record.provenance.prompt_sha256 if isinstance(record, ArticleRecord) else None
    return (record.source.path, record.source.sha256, prompt)


#: The errors `prepare` writes into the manifest, by name, for `collect` to give its record the same type.
_PREPARE_ERRORS: dict[str, type[ExtractError]] = {e.__name__: e for e in (InputError, InternalError, ConfigError)}


def _collect_one(
    entry: dict[str, Any],
    settings: BatchSettings,
    prompts: PromptSet,
    results: dict[str, dict[str, Any]],
) -> ArticleRecord | ExtractError | list[dict[str, Any]]:
    """An article's record, its error, or the request lines it still needs."""
    if "error" in entry:  # failed at prepare: the same error type (a manifest of an older version has none)
        return _PREPARE_ERRORS.get(str(entry.get("error_type")), InputError)(str(entry["error"]))
    started = time.monotonic()
    try:
        doc = Document(**{k: v for k, v in entry.items() if k != "key"})
    except TypeError as exc:
        return InputError(f"manifest line {entry.get('key')!r} is not an article ({exc})")
    stats = CallStats()
    served: set[str] = set()
    try:
        prepared, steps = _plan(doc, prompts, settings)
        requests = next(steps)
        round_number = 1
        while True:
            ids = [_custom_id(entry["key"], round_number, i) for i in range(len(requests))]
            missing = [(cid, r) for cid, r in zip(ids, requests, strict=True) if cid not in results]
            if missing:
                return [request_line(cid, r, settings.model, settings.mode) for cid, r in missing]
            answers: list[Any] = []
            for cid, request in zip(ids, requests, strict=True):
                try:
                    answers.append(parse_answer(cid, request, results[cid], stats))
                except ModelError as exc:
                    if not request.optional:
                        raise
                    answers.append(Failed(str(exc)))  # as in `run`: the record keeps what the other answers gave
                body = (results[cid].get("response") or {}).get("body") or {}
                served.add(str(body.get("model") or settings.model))
            requests = steps.send(answers)
            round_number += 1
    except StopIteration as done:
        parts = done.value
    except ExtractError as exc:
        return spent(exc, stats)
    except Exception as exc:  # a bug met on one article costs that article only
        return spent(internal_error(doc.path, exc), stats)
    return build_record(
        prepared,
        parts,
        backend=f"batch (OpenAI Batch format, mode {settings.mode})",
        model=", ".join(sorted(served)) or settings.model,
        prompt_sha256=prompts.sha256,
        stats=stats,
        seconds=time.monotonic() - started,
        mode=settings.mode,
        mode_source=settings.mode_source,
    )
