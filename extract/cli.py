"""The command line: a thin typer edge over the library. Errors become one line and an exit code here."""

from __future__ import annotations

import gc
import json
import signal
import sys
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extract import __version__
from extract.errors import ExtractError
from extract.model.backends import BackendConfig, BackendKind, OutputMode
from extract.output.records import Record, RecordWriter, load_records
from extract.text.loading import iter_inputs

if TYPE_CHECKING:
    from extract.api import Records
    from extract.running import RunSummary

app = typer.Typer(
    help="Turn news articles into grounded records of actors, statements and allegations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()


def _fail(message: str, code: int = 1) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


#: One run appends to an output at a time (an OS lock); a second one stops with exit 2 unless it waits.
_WAIT_HELP = "If another run is writing the output, wait for it, then add what it did not write."
#: The second look is on unless turned off here or by EXTRACT_SECOND_LOOK=0 (the option wins).
_SECOND_LOOK_HELP = (
    "Ask a yes/no question about statements the model labelled \"none\" whose words speak ill of someone named"
    " as a clause's subject (a request more per chunk that has one). Default: on, unless EXTRACT_SECOND_LOOK=0."
)


def _say(line: str) -> None:
    err.print(line, highlight=False, soft_wrap=True)


def _sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _version(value: bool) -> None:
    if value:
        out.print(f"extract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Turn news articles into grounded records of actors, statements and allegations."""


@app.command()
def run(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Article files (.txt, .md, .html, .jsonl: one article per line), folders, or - for stdin."),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file to append records to.")] = Path(
        "out/records.jsonl"
    ),
    backend: Annotated[
        BackendKind | None,
        typer.Option(help="Force a backend. Default: --base-url, else OPENAI_API_KEY, else local."),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            help="OpenAI-compatible server URL (vLLM, Ollama, llama.cpp, LM Studio).", envvar="EXTRACT_BASE_URL"
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="Model name. Default: gpt-4o-mini on OpenAI.", envvar="EXTRACT_MODEL")
    ] = None,
    model_path: Annotated[
        Path | None, typer.Option(help="Any GGUF file to serve locally instead of the embedded model.")
    ] = None,
    mode: Annotated[
        OutputMode | None,
        typer.Option(
            help="Structured-output mode. Default: llama-schema locally, tools for OpenAI; for --base-url, the"
            " strongest the server enforces (auto: probed once, remembered in the user cache)."
        ),
    ] = None,
    max_chars: Annotated[
        int | None, typer.Option(help="Cut each cleaned article to this many characters (caps cost).")
    ] = None,
    chunk_chars: Annotated[int, typer.Option(help="Longest piece of article sent in one model call.")] = 6000,
    model_actors: Annotated[
        bool,
        typer.Option(
            "--model-actors", help="Ask the model for the actors too (one call more per chunk); default: from the text."
        ),
    ] = False,
    second_look: Annotated[
        bool | None, typer.Option("--second-look/--no-second-look", help=_SECOND_LOOK_HELP, show_default=False)
    ] = None,
    threads: Annotated[
        int | None,
        typer.Option(
            help="CPU threads of the local model (decode and prompt). Default: all cores to decode, twice that to read."
        ),
    ] = None,
    cache: Annotated[
        bool, typer.Option("--cache/--no-cache", help="Reuse stored answers to identical model requests.")
    ] = True,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=1, help="Articles in flight against a server. The embedded model always runs one."
        ),
    ] = 1,
    force: Annotated[
        bool,
        typer.Option("--force", help="Redo articles the output already has a record for (same input, prompts, model)."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    wait: Annotated[bool, typer.Option("--wait", help=_WAIT_HELP)] = False,
) -> None:
    """Extract actors, statements and allegations from articles into a JSONL file."""
    from extract.api import extract_many  # the model client (openai: ~1 s) loads only for `run`

    if _owns_process:
        # What is loaded now lives as long as the process: a full collection need not walk it again (one comes
        # every ~200 articles and walked ~190,000 objects: ~0.6 ms per article; bench/results/overhead-session8.md)
        gc.freeze()
    signal.signal(signal.SIGTERM, _sigterm)
    try:
        records = extract_many(  # streamed: a million-line JSONL is never held in memory
            paths,
            backend=backend,
            base_url=base_url,
            model=model,
            model_path=model_path,
            mode=mode,
            chunk_chars=chunk_chars,
            max_chars=max_chars,
            threads=threads,
            cache=cache,
            jobs=jobs,
            model_actors=model_actors,
            second_look=second_look,
            resume_from=None if force else output,  # read once the writer has dropped a half-written line
            on_start=_say_backend,
        )
        started = time.monotonic()
        with records, RecordWriter(output, wait=wait, on_wait=_say) as writer:
            summary = _run_with_progress(records, writer, quiet)
    except KeyboardInterrupt:
        _fail(f"interrupted; every record finished so far is in {output}", 130)
    except ExtractError as exc:
        _fail(str(exc), exc.exit_code)
    _print_failures(summary.errors)
    err.print(
        f"{summary.done} done, {summary.failed} failed, "
        + (f"{summary.skipped} already in the output, " if summary.skipped else "")
        + f"{summary.prompt_tokens}+{summary.completion_tokens} "
        f"tokens, {time.monotonic() - started:.1f} s -> {output}",
        highlight=False,
        soft_wrap=True,
    )
    if summary.done == 0 and summary.skipped == 0:
        raise typer.Exit(1)


def _say_backend(config: BackendConfig) -> None:
    """The run's first line: which backend and structured-output mode, and how the mode was chosen."""
    how = f" ({config.mode_detail})" if config.mode_detail else ""
    err.print(f"backend: {config.describe()}{how}", highlight=False, soft_wrap=True)


def _print_failures(errors: list[str]) -> None:
    for line in errors:
        err.print(f"[red]failed:[/] {line}", highlight=False, soft_wrap=True)


def _run_with_progress(records: Records, writer: RecordWriter, quiet: bool) -> RunSummary:
    progress = Progress(
        TextColumn("[bold]extract"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed, {task.fields[tokens]} tokens"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
    )
    with progress:
        task = progress.add_task("run", total=None, failed=0, tokens=0)  # streamed input: the bar counts up
        summary = records.summary
        for record in records:
            writer.write(record)
            progress.update(
                task,
                advance=1,
                failed=summary.failed,
                tokens=summary.prompt_tokens + summary.completion_tokens,
            )
        return summary


def _records(path: Path) -> list[Record]:
    try:
        return load_records(path)
    except ExtractError as exc:
        _fail(str(exc), exc.exit_code)


@app.command("eval")
def eval_(
    records: Annotated[Path, typer.Argument(help="JSONL output of `extract run`.")],
    gold: Annotated[Path, typer.Option(help="Folder of *.gold.json annotations.")] = Path("tests/gold"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    min_f1: Annotated[
        float | None, typer.Option(help="Exit 1 when any F1 (actors, statements, allegations) is below this.")
    ] = None,
) -> None:
    """Score records against gold annotations: precision, recall, F1, grounding, leaks."""
    from extract.output.evaluation import evaluate, render_report
    from extract.output.gold import load_golds

    try:
        report = evaluate(_records(records), load_golds(gold))
    except ExtractError as exc:
        _fail(str(exc), exc.exit_code)
    if as_json:
        out.print_json(json.dumps(report.to_dict()))
    else:
        render_report(report, out)
    if min_f1 is not None and report.lowest_f1() < min_f1:
        _fail(f"lowest F1 {report.lowest_f1():.2f} is below --min-f1 {min_f1:.2f}")


@app.command()
def review(
    records: Annotated[Path, typer.Argument(help="JSONL output of `extract run`.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="HTML file to write.")] = None,
    terminal: Annotated[bool, typer.Option("--terminal", help="Show in the terminal instead of HTML.")] = False,
    graph: Annotated[
        bool, typer.Option("--graph", help="Add a Network tab: who accuses whom across the articles.")
    ] = False,
) -> None:
    """Write a self-contained HTML review page (or show the records in the terminal)."""
    loaded = _records(records)
    if terminal:
        from extract.output.review_terminal import render_terminal

        render_terminal(loaded, out)
        return
    from extract.output.review_html import render_html

    target = output or records.with_suffix(".html")
    try:
        target.write_text(render_html(loaded, network=graph), encoding="utf-8")
    except OSError as exc:
        _fail(f"{target}: cannot write ({exc.strerror})")
    err.print(f"{len(loaded)} articles -> {target}", highlight=False)


@app.command()
def validate(records: Annotated[Path, typer.Argument(help="JSONL file of records.")]) -> None:
    """Check every record: schema, id integrity, spans equal to their text. Exit 1 on any problem."""
    from extract.output.validation import validate_file

    try:
        count, problems = validate_file(records)
    except ExtractError as exc:
        _fail(str(exc), exc.exit_code)
    for problem in problems:
        err.print(f"{records}:{problem.line}: {problem.message}", highlight=False, soft_wrap=True)
    if problems:
        _fail(f"{len(problems)} problems in {count} records")
    err.print(f"{count} records, all valid", highlight=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a record (article or error), generated from the Pydantic models."""
    from pydantic import TypeAdapter

    from schemas import ArticleRecord, ErrorRecord

    adapter: TypeAdapter[ArticleRecord | ErrorRecord] = TypeAdapter(ArticleRecord | ErrorRecord)
    sys.stdout.write(json.dumps(adapter.json_schema(), indent=2) + "\n")


@app.command()
def export(
    records: Annotated[Path, typer.Argument(help="JSONL file of records.")],
    fmt: Annotated[str, typer.Option("--format", help="csv or parquet.")] = "csv",
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the tables.")] = Path("out/tables"),
) -> None:
    """Write actors, statements and allegations as tables (one row each, with the article id)."""
    from extract.output.export import export_tables

    if fmt not in ("csv", "parquet"):
        _fail(f"--format must be csv or parquet, not {fmt!r}", 2)
    table_format: Literal["csv", "parquet"] = "csv" if fmt == "csv" else "parquet"
    try:
        written = export_tables(_records(records), table_format, output)
    except ExtractError as exc:
        _fail(str(exc), exc.exit_code)
    for path in written:
        err.print(f"-> {path}", highlight=False)


@app.command()
def graph(
    records: Annotated[list[Path], typer.Argument(help="JSONL files of records (`extract run` output).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write the network to.")] = Path(
        "out/network.graphml"
    ),
    fmt: Annotated[
        str | None, typer.Option("--format", help="graphml, gexf, json or csv. Default: from -o's suffix.")
    ] = None,
) -> None:
    """Who accuses whom across articles: actors merged over all records, accuser -> accused edges."""
    from extract.output.corpus import read_corpus
    from extract.output.export import export_network
    from extract.output.graph import build_network, format_of, write_network

    try:
        kind = format_of(output, fmt)
        network = build_network(read_corpus(records))
        if kind == "csv":
            written = export_network(network, "csv", output.parent, output.stem)
        else:
            write_network(network, output, kind)
            written = [output]
    except ExtractError as exc:
        _fail(str(exc), exc.exit_code)
    err.print(f"{network.summary()} -> {', '.join(map(str, written))}", highlight=False, soft_wrap=True)


batch_app = typer.Typer(
    help="Scale out through the OpenAI Batch format (OpenAI's Batch API, vLLM run-batch): one round per article"
    " (two with --model-actors).",
    no_args_is_help=True,
)
app.add_typer(batch_app, name="batch")


@batch_app.command("prepare")
def batch_prepare(
    paths: Annotated[list[Path], typer.Argument(help="Article files, folders, .jsonl files, or - for stdin.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Batch input file to write (the manifest goes beside it).")
    ] = Path("requests.jsonl"),
    model: Annotated[str, typer.Option(help="Model name the batch runner serves.", envvar="EXTRACT_MODEL")] = (
        "gpt-4o-mini"
    ),
    mode: Annotated[
        str | None,
        typer.Option(
            help="json-schema (strict response_format), llama-schema (json_object + schema, llama.cpp) or json"
            " (schema in the prompt). Default: json-schema, or what --base-url enforces."
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(help="The server that will answer the batch: its mode is probed (once, remembered)."),
    ] = None,
    max_chars: Annotated[int | None, typer.Option(help="Cut each cleaned article to this many characters.")] = None,
    chunk_chars: Annotated[int, typer.Option(help="Longest piece of article sent in one request.")] = 6000,
    model_actors: Annotated[
        bool, typer.Option("--model-actors", help="Ask the model for the actors too (a round more).")
    ] = False,
    second_look: Annotated[
        bool | None, typer.Option("--second-look/--no-second-look", help=_SECOND_LOOK_HELP, show_default=False)
    ] = None,
) -> None:
    """Write round one of the requests in the OpenAI Batch input format (and the articles' manifest)."""
    from extract.batch import BATCH_MODES, BatchSettings, manifest_path, prepare_batch, server_batch_mode

    chosen = next((m for m in BATCH_MODES if m == mode), None)
    if mode is not None and chosen is None:
        _fail(f"--mode must be one of {', '.join(BATCH_MODES)}, not {mode!r}", 2)
    try:
        source = "flag" if chosen else "default"
        if chosen is None and base_url:
            chosen, source, detail = server_batch_mode(base_url, model)
            err.print(f"mode: {chosen} ({detail})", highlight=False, soft_wrap=True)
        items = iter_inputs(paths)
        settings = BatchSettings(model=model, mode=chosen or "json-schema", mode_source=source,
                                 chunk_chars=chunk_chars, max_chars=max_chars, model_actors=model_actors,
                                 second_look=second_look)
        summary = prepare_batch(items, output, settings)
    except ExtractError as exc:
        _fail(str(exc), exc.exit_code)
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror})")
    _print_failures(summary.errors)
    err.print(
        f"{summary.articles} articles ({summary.failed} unreadable), {summary.requests} requests -> {output}; "
        f"articles -> {manifest_path(output)}",
        highlight=False,
        soft_wrap=True,
    )
    if summary.requests == 0:
        raise typer.Exit(1)


@batch_app.command("collect")
def batch_collect(
    results: Annotated[list[Path], typer.Argument(help="Batch output files so far (every round's).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file to append records to.")] = Path(
        "out/records.jsonl"
    ),
    articles: Annotated[
        Path, typer.Option(help="The manifest `batch prepare` wrote beside its requests file.")
    ] = Path("requests.articles.jsonl"),
    next_requests: Annotated[
        Path, typer.Option("--next", help="Where to write the requests still needed (next round).")
    ] = Path("next-requests.jsonl"),
    force: Annotated[
        bool, typer.Option("--force", help="Write records again for articles the output already has one for.")
    ] = False,
    wait: Annotated[bool, typer.Option("--wait", help=_WAIT_HELP)] = False,
) -> None:
    """Validate and ground the answers, append records as `run` does; write the next round's requests."""
    from extract.batch import collect_batch, collected

    try:
        with RecordWriter(output, wait=wait, on_wait=_say) as writer:
            skip = set() if force else collected(output)
            summary = collect_batch(results, articles, writer, next_requests, skip)
    except ExtractError as exc:
        _fail(str(exc), exc.exit_code)
    except OSError as exc:
        _fail(f"cannot write: {exc.filename}: {exc.strerror}")
    _print_failures(summary.errors)
    line = f"{summary.done} done, {summary.failed} failed"
    if summary.skipped:
        line += f", {summary.skipped} already in the output"
    line += f" -> {output}"
    if summary.pending:
        line += f"; {summary.pending} need another round: {summary.requests} requests -> {next_requests}"
    err.print(line, highlight=False, soft_wrap=True)
    if summary.done == 0 and summary.pending == 0 and summary.skipped == 0:
        raise typer.Exit(1)


#: True when the `extract` script runs this process (not a caller of `app` inside its own: tests, a host
#: application), which may then freeze what it has loaded (see `run`).
_owns_process = False


def main() -> None:
    """Entry point of the `extract` script."""
    global _owns_process
    _owns_process = True
    app()
