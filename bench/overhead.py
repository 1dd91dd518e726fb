#!/usr/bin/env python3
"""The tool's own cost per article, with the model taken out.

A loopback stub OpenAI-compatible server answers every chat completion at once with a valid answer
(`benchlib.StubModelServer`), and N generated articles (the seed story with shuffled paragraphs and
replaced names, half clean text, half page scrapes, some twice as long) go through
`extract.running.run_documents` with a Session pointed at the stub. Two passes: a plain one for the
headline figures, then one with timers wrapped around the pipeline's stages to split the cost. The stub
runs in this process, so its own handler time is measured and taken out. Finally the test suite's wall
time (`pytest -q -p no:cacheprovider`) is measured in a subprocess.

    python bench/overhead.py                      # 200 articles + pytest timing
    python bench/overhead.py --articles 50 --no-pytest
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import benchlib
from benchlib import REPO, SEEDS, STUB_MODEL, StubModelServer, md_table

from extract import pipeline, running
from extract.extractor import Extractor
from extract.model import client as model_client
from extract.model.backends import BackendConfig, BackendKind, OutputMode
from extract.output import records
from extract.output.records import RecordWriter, load_records
from extract.running import RunOptions, RunSummary, Session, run_documents
from schemas import ArticleRecord

P = ParamSpec("P")
R = TypeVar("R")

# --- generated articles -------------------------------------------------------------------------------

FIRST = ["Mara", "Tomas", "Ines", "Oskar", "Lena", "Pavel", "Amira", "Jonas", "Sofia", "Rafael", "Nadia",
         "Viktor", "Elif", "Marco", "Hana", "Lucas", "Yara", "Dmitri", "Clara", "Felix"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Novak", "Haddad", "Kowalski", "Tanaka", "Brennan", "Varga",
        "Castell", "Aalto", "Petrov", "Mendes", "Larsen", "Keane", "Sato", "Dumont", "Ferreira", "Holm", "Ruiz"]
COUNTRIES = [("Valdoria", "Valdorian", "Brena"), ("Ostrava", "Ostravan", "Kelm"), ("Merania", "Meranian", "Tolu"),
             ("Carpathia", "Carpathian", "Vesk"), ("Lusitia", "Lusitian", "Porto Alva"),
             ("Norland", "Norlandic", "Haven"), ("Zembla", "Zemblan", "Onhava"), ("Estoria", "Estorian", "Lumen"),
             ("Kasbia", "Kasbian", "Dura"), ("Trelonia", "Trelonian", "Marek")]
SEED_PEOPLE = ["Kurt Campbell", "Antony Blinken", "David Lammy", "Jens Stoltenberg"]
SEED_COUNTRIES = [("China", "Chinese", "Beijing"), ("Russia", "Russian", "Moscow")]


def _substitutions(rng: random.Random) -> dict[str, str]:
    firsts = rng.sample(FIRST, len(SEED_PEOPLE))
    lasts = rng.sample(LAST, len(SEED_PEOPLE))
    subs: dict[str, str] = {}
    for old, first, last in zip(SEED_PEOPLE, firsts, lasts, strict=True):
        subs[old] = f"{first} {last}"
        subs[old.split()[-1]] = last
    for (name, adj, capital), (n2, a2, c2) in zip(SEED_COUNTRIES, rng.sample(COUNTRIES, 2), strict=True):
        subs |= {name: n2, adj: a2, capital: c2}
    return subs


def _replace(text: str, subs: dict[str, str]) -> str:
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(subs, key=len, reverse=True)) + r")(?!\w)")
    return pattern.sub(lambda m: subs[m.group(1)], text)


def _shuffle_clean(text: str, rng: random.Random) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    head, rest = paras[:1], paras[1:]
    rng.shuffle(rest)
    return "\n".join(head + rest) + "\n"


def _shuffle_scrape(text: str, rng: random.Random) -> str:
    paras = text.split("\n\n")
    start = next((i + 1 for i, p in enumerate(paras) if "This audio is created" in p), None)
    end = next((i for i, p in enumerate(paras) if p.startswith("Chinese banks curb")), None)
    if start is None or end is None or end - start < 2:
        return text
    body = paras[start:end]
    rng.shuffle(body)
    return "\n\n".join(paras[:start] + body + paras[end:])


def generate_articles(n: int, folder: Path, seed: int = 7) -> list[Path]:
    """Write `n` article files varied from the two seeds into `folder`; return their paths."""
    clean = (SEEDS / "000_d384c5b91ffa7ef4.txt").read_text(encoding="utf-8")
    scrape = (SEEDS / "001_f8d0df8f8433548f.txt").read_text(encoding="utf-8")
    rng = random.Random(seed)
    paths = []
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        is_scrape = i % 2 == 1
        base, shuffle = (scrape, _shuffle_scrape) if is_scrape else (clean, _shuffle_clean)
        text = _replace(shuffle(base, rng), _substitutions(rng))
        if i % 5 == 4:  # every fifth article is twice as long: a second telling with other names
            text += "\n\n" + _replace(_shuffle_clean(clean, rng), _substitutions(rng))
        path = folder / f"{i:03d}_{'scrape' if is_scrape else 'clean'}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def actor_pool() -> list[tuple[str, str]]:
    """Every name the generator can write, for the stub's actors answers."""
    pool = [(f"{f} {last}", "person") for f in FIRST for last in LAST]
    pool += [(c, "country") for c, _, _ in COUNTRIES]
    pool += [(n, k) for n, k in benchlib.SEED_ACTORS]
    return pool


# --- stage timers -------------------------------------------------------------------------------------

STAGES = ["load", "clean", "model calls", "speech", "actors", "attribute", "schema build", "assemble",
          "record", "write"]


@dataclass
class Timers:
    """Seconds per stage (wall, and CPU of the calling thread), summed over articles."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    extract_total: float = 0.0
    extract_cpu: float = 0.0

    def wrap(self, stage: str, fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def timed(*args: P.args, **kwargs: P.kwargs) -> R:
            started, cpu_started = time.perf_counter(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - started
                self.cpu[stage] += time.thread_time() - cpu_started
        return timed


#: (module or class, attribute, stage): module-level functions the pipeline calls by their global name, and
#: methods. Names missing in the version under test are skipped (and listed in the report).
TARGETS: list[tuple[Any, str, str]] = [
    (running, "load_document", "load"),
    (pipeline, "clean_text", "clean"), (pipeline, "clean_html", "clean"),
    (model_client.ModelClient, "complete", "model calls"),
    (pipeline, "find_speech", "speech"), (pipeline, "merge_same_sentence", "speech"),
    (pipeline, "build_actors", "actors"), (pipeline, "finish_actors", "actors"),
    (pipeline, "attribute", "attribute"),
    (pipeline, "accusations_answer", "schema build"),
    (pipeline, "assemble", "assemble"),
    (records.RecordWriter, "write", "write"),
]


def missing_targets() -> list[str]:
    """Stages none of whose names this version of the pipeline has (such a stage reads 0)."""
    present = {stage for owner, name, stage in TARGETS if hasattr(owner, name)}
    missing = []
    for stage in dict.fromkeys(stage for _, _, stage in TARGETS):
        if stage not in present:
            names = [f"{getattr(owner, '__name__', owner)}.{name}" for owner, name, st in TARGETS if st == stage]
            missing.append(f"{stage} ({', '.join(names)})")
    return missing


@contextmanager
def instrumented(timers: Timers) -> Iterator[None]:
    """Wrap the pipeline's stages in timers, by replacing module attributes for the block's length."""
    targets = [(owner, name, stage) for owner, name, stage in TARGETS if hasattr(owner, name)]
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in targets]
    extract_fn = Extractor.extract

    def extract_timed(self: Extractor, doc: Any) -> ArticleRecord:
        started, cpu_started = time.perf_counter(), time.thread_time()
        try:
            return extract_fn(self, doc)
        finally:
            timers.extract_total += time.perf_counter() - started
            timers.extract_cpu += time.thread_time() - cpu_started

    try:
        for owner, name, stage in targets:
            setattr(owner, name, timers.wrap(stage, getattr(owner, name)))
        Extractor.extract = extract_timed  # type: ignore[method-assign]
        yield
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
        Extractor.extract = extract_fn  # type: ignore[method-assign]


# --- one pass -----------------------------------------------------------------------------------------


@dataclass
class Pass:
    """What one pass over the articles measured."""

    n: int
    wall: float
    cpu: float  # CPU seconds of the thread that ran the articles (the stub answers in its own threads)
    session_start: float
    summary: RunSummary
    stub_seconds: float
    stub_requests: int
    stub_tasks: dict[str, int]
    out: Path


def run_pass(paths: list[Path], stub: StubModelServer, out: Path, mode: OutputMode, collect: bool = True) -> Pass:
    """Extract every path through `run_documents` with a Session on the stub; time it.

    Each pass has a response cache of its own, empty: every call goes to the stub and is stored, as on a
    first run (the user's cache would answer a repeated bench run's calls without any HTTP).
    """
    config = BackendConfig(BackendKind.COMPAT, STUB_MODEL, stub.base_url, "no-key", mode)
    out.unlink(missing_ok=True)
    if collect:
        gc.collect()
    with ExitStack() as stack:
        cache_root = stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-overhead-cache-"))
        stack.enter_context(_environ("EXTRACT_CACHE_DIR", cache_root))
        session = stack.enter_context(Session(config, RunOptions()))
        writer = stack.enter_context(RecordWriter(out))
        started = time.perf_counter()
        session.extractor()  # prompts loaded, client built: once per run
        session_start = time.perf_counter() - started
        stub.reset_stats()
        started, cpu_started = time.perf_counter(), time.thread_time()
        summary = run_documents(paths, session, writer)
        wall, cpu = time.perf_counter() - started, time.thread_time() - cpu_started
    return Pass(len(paths), wall, cpu, session_start, summary, stub.stats.handler_seconds, stub.stats.requests,
                dict(stub.stats.by_task), out)


@contextmanager
def _environ(name: str, value: str) -> Iterator[None]:
    """`os.environ[name]` set to `value` for the block's length."""
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def check_output(out: Path, n: int) -> tuple[int, int, int, int]:
    """(records, errors, statements, allegations) of a pass's JSONL; every line must be a valid record."""
    loaded = load_records(out)
    assert len(loaded) == n, f"{out}: {len(loaded)} records for {n} articles"
    ok = [r for r in loaded if isinstance(r, ArticleRecord)]
    return len(loaded), len(loaded) - len(ok), sum(len(r.statements) for r in ok), sum(
        len(r.allegations) for r in ok)


def profile_pass(paths: list[Path], stub: StubModelServer, out: Path, mode: OutputMode, top: int = 15) -> str:
    """A cProfile'd pass: the functions with the most own time, as a markdown table."""
    import cProfile
    import pstats

    gc.collect()
    profiler = cProfile.Profile()
    profiler.enable()
    result = run_pass(paths, stub, out, mode, collect=False)
    profiler.disable()
    stats = pstats.Stats(profiler)
    entries: list[tuple[float, float, int, str]] = []
    for (filename, line, name), (_, ncalls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = Path(filename)
        try:
            label = f"{where.relative_to(REPO)}:{line} {name}"
        except ValueError:
            label = f"{'/'.join(where.parts[-2:])}:{line} {name}" if where.parts else name
        entries.append((tottime, cumtime, ncalls, label))
    entries.sort(reverse=True)
    n = result.n
    rows = [[f"`{label}`", ncalls // n if ncalls >= n else f"{ncalls / n:.2f}", f"{1000 * tot / n:.3f}",
             f"{1000 * cum / n:.3f}"] for tot, cum, ncalls, label in entries[:top]]
    return md_table(["function", "calls / article", "own ms / article", "cumulative ms / article"], rows)


# --- pytest -------------------------------------------------------------------------------------------


@dataclass
class PytestTiming:
    """Wall time and closing line of one pytest run."""

    args: list[str]
    wall: float
    code: int
    summary: str


def time_pytest(extra: list[str], timeout: float) -> PytestTiming:
    """Run pytest in the repo as a subprocess and time it."""
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra]
    started = time.perf_counter()
    try:
        proc = subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False)
        code, output = proc.returncode, proc.stdout + proc.stderr
    except subprocess.TimeoutExpired:
        code, output = -1, f"timed out after {timeout:.0f} s"
    wall = time.perf_counter() - started
    lines = [ln.strip() for ln in output.splitlines() if ln.strip()]
    closing = next((ln for ln in reversed(lines) if re.search(r"\b(passed|failed|error|no tests ran)\b", ln)),
                   lines[-1] if lines else "")
    return PytestTiming(["pytest", *args[3:]], wall, code, closing.strip("= "))


# --- main ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=200, help="how many generated articles (default 200)")
    parser.add_argument("--warmup", type=int, default=5, help="articles run first and not counted")
    parser.add_argument("--mode", choices=[m.value for m in OutputMode], default=OutputMode.LLAMA_SCHEMA.value,
                        help="structured-output mode sent to the stub (default llama-schema)")
    parser.add_argument("--no-pytest", action="store_true", help="skip timing the test suite")
    parser.add_argument("--profile", type=int, default=50, metavar="N",
                        help="cProfile a third pass over the first N articles (0: skip; default 50)")
    parser.add_argument("--pytest-timeout", type=float, default=900.0)
    parser.add_argument("--results", type=Path, default=benchlib.RESULTS, help="folder for the report")
    parser.add_argument("--name", default="overhead",
                        help="report name: RESULTS/NAME.md (default overhead; e.g. overhead-before for another "
                             "version's extract/ first on PYTHONPATH)")
    args = parser.parse_args(argv)
    mode = OutputMode(args.mode)
    gc.freeze()  # as `extract run` does once its modules are loaded (extract/cli.py)

    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-overhead-")))
        stub = stack.enter_context(StubModelServer(actor_pool()))
        paths = generate_articles(args.articles, tmp / "articles")
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
        print(f"{len(paths)} generated articles, {chars / len(paths):.0f} characters on average; stub at "
              f"{stub.base_url}; mode {mode.value}", flush=True)
        if args.warmup:
            run_pass(paths[: args.warmup], stub, tmp / "warmup.jsonl", mode)
        plain = run_pass(paths, stub, tmp / "plain.jsonl", mode)
        n_records, n_errors, n_statements, n_allegations = check_output(plain.out, len(paths))
        timers = Timers()
        with instrumented(timers):
            split = run_pass(paths, stub, tmp / "split.jsonl", mode)
        peak = benchlib.self_peak_rss()
        hot = profile_pass(paths[: args.profile], stub, tmp / "profile.jsonl", mode) if args.profile else None

    n = plain.n
    tool = plain.wall - plain.stub_seconds
    tasks = ", ".join(f"{k} {v}" for k, v in plain.stub_tasks.items())
    head_rows: list[list[object]] = [
        ["articles", n],
        ["records written (errors)", f"{n_records} ({n_errors})"],
        ["statements / allegations per article", f"{n_statements / n:.1f} / {n_allegations / n:.1f}"],
        ["model calls (stub requests)", f"{plain.stub_requests} ({tasks})"],
        ["wall, whole run", f"{plain.wall:.2f} s"],
        ["ms per article, all in", f"{1000 * plain.wall / n:.2f}"],
        ["ms per article, stub server's own share", f"{1000 * plain.stub_seconds / n:.2f}"],
        ["ms per article, the tool's own cost (wall less the stub; fsync and loopback waits included)",
         f"{1000 * tool / n:.2f}"],
        ["**CPU ms per article, the tool's own** (the thread that ran the articles)",
         f"**{1000 * plain.cpu / n:.2f}**"],
        ["model calls per article", f"{plain.stub_requests / n:.2f}"],
        ["articles per second (all in)", f"{n / plain.wall:.1f}"],
        ["session start (prompts, client), once", f"{1000 * plain.session_start:.1f} ms"],
        ["peak RSS of the process (tool + stub + generated texts)", benchlib.mib(peak)],
    ]
    inside_extract = ("clean", "model calls", "speech", "actors", "attribute", "schema build", "assemble")
    timers.seconds["record"] = max(0.0, timers.extract_total - sum(timers.seconds[s] for s in inside_extract))
    timers.cpu["record"] = max(0.0, timers.extract_cpu - sum(timers.cpu[s] for s in inside_extract))
    other = split.wall - sum(timers.seconds.values())
    other_cpu = split.cpu - sum(timers.cpu.values())
    stage_rows: list[list[object]] = []
    labels = {
        "load": "load (read, decode, sha256)",
        "clean": "clean (text / html)",
        "model calls": "model calls, client side (instructor, openai, HTTP, parse, validate)",
        "speech": "speech (find quotes, reported speech, merge)",
        "actors": "actors (ground, merge, mentions)",
        "attribute": "attribute statements to speakers",
        "schema build": "accusations schema (enums per chunk)",
        "assemble": "assemble ids, allegations",
        "record": "record (ArticleRecord validation, provenance) + rest of extract()",
        "write": "write (JSONL line, flush, fsync)",
    }
    for stage in STAGES:
        seconds, cpu = timers.seconds[stage], timers.cpu[stage]
        if stage == "model calls":
            stage_rows.append([labels[stage], f"{1000 * (seconds - split.stub_seconds) / n:.3f}",
                               f"{1000 * cpu / n:.3f}", f"{100 * (seconds - split.stub_seconds) / split.wall:.1f}%"])
            stage_rows.append(["  of which the stub server's handlers (not the tool)",
                               f"{1000 * split.stub_seconds / n:.3f}", "",
                               f"{100 * split.stub_seconds / split.wall:.1f}%"])
        else:
            stage_rows.append([labels[stage], f"{1000 * seconds / n:.3f}", f"{1000 * cpu / n:.3f}",
                               f"{100 * seconds / split.wall:.1f}%"])
    stage_rows.append(["other (run loop, summary, timers)", f"{1000 * other / n:.3f}", f"{1000 * other_cpu / n:.3f}",
                       f"{100 * other / split.wall:.1f}%"])
    stage_rows.append(["total (instrumented pass)", f"{1000 * split.wall / n:.3f}", f"{1000 * split.cpu / n:.3f}",
                       "100%"])
    missing = missing_targets()

    print(md_table(["", "value"], head_rows))
    print()
    print(md_table(["stage", "ms / article", "CPU ms / article", "share of wall"], stage_rows))

    sections = [
        ("What was run", (
            f"{n} generated articles ({chars / n:.0f} characters on average: the seed story with shuffled "
            "paragraphs and replaced names, half clean text and half page scrapes, every fifth twice as long) "
            f"through `extract.running.run_documents` with a `Session` on a loopback stub OpenAI-compatible "
            f"server (BackendConfig kind `{BackendKind.COMPAT.value}`, mode `{mode.value}`) that answers each "
            "call at once: `{\"actors\": [...]}` (the pool names found in the article) for the actors task, "
            "and for the accusations task the smallest valid instance of the request's schema with one "
            "accusation in it (old shape: `{\"accusations\": [one], \"denials\": []}`). The stub runs in "
            "this process; its handler time is measured and taken out. "
            f"{args.warmup} warm-up articles first, not counted. Each pass has an empty response cache of its "
            "own. What is loaded before the first article is frozen out of garbage collection (`gc.freeze`), as "
            f"`extract run` does. The `extract` measured: `{Path(pipeline.__file__).resolve().parent}`.")),
        ("Cost per article, model taken out", md_table(["", "value"], head_rows)),
        ("Where the time goes (second pass, with timers around each stage)", md_table(
            ["stage", "ms / article", "CPU ms / article", "share of wall"], stage_rows)
         + (f"\n\nNot in this version of the pipeline, so not timed: {'; '.join(missing)}." if missing else "")),
    ]
    if hot is not None:
        print()
        print(hot)
        sections.append((f"Hot spots (cProfile over {min(args.profile, n)} articles, by own time; profiling "
                         "inflates every figure)", hot))
    if not args.no_pytest:
        timings = [time_pytest([], args.pytest_timeout),
                   time_pytest(["tests/test_replay.py"], args.pytest_timeout)]
        rows = [[f"`{' '.join(t.args)}`", f"{t.wall:.1f} s", t.code, t.summary] for t in timings]
        table = md_table(["command", "wall", "exit", "closing line"], rows)
        print()
        print(table)
        sections.append(("Test suite wall time (subprocess, from the repo root)", table))
    path = benchlib.write_report(args.name, "Overhead: the tool's own cost per article, model taken out",
                                 sections, results_dir=args.results)
    print(f"\n-> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
