#!/usr/bin/env python3
"""Seconds per article on the embedded model, quiet and beside a CPU-bound neighbour, per thread setting.

For each thread setting `T:B` (T decode threads, B prompt/batch threads of llama.cpp) and each condition
(`quiet`; `busy`: one `python -c 'while True: pass'` that this script starts before the run and stops after
it, pinned to nothing, in this script's session as a job of the same shell would be; `busy-apart`: the same
neighbour in a session of its own, as a job of another terminal or login is: Linux's autogroup then shares the
CPU equally between the two sessions, so the run gets one core of two however many threads it has), a fresh
`extract.model.server.LocalServer` serves the embedded model, and `extract run ARTICLES --base-url …
--mode llama-schema --no-cache -q` extracts the articles through it (a subprocess, as a user runs it).
Per article: seconds (each record's provenance, the first article included), prompt and completion tokens,
calls. Per call, from the server's log (llama-cpp-python is verbose): the prefix the server reused from the
previous request ("Llama.generate: N prefix-match hit, remaining M prompt tokens to eval"), the tokens it
evaluated (prefill) and llama.cpp's timings. The second call of an article should evaluate only its question:
the system prompt and article are shared.

A setting may name server levers after the threads, `T:B+lever+…` (see LEVERS and `--levers`): options of
llama-cpp-python's server or its environment, each tried against the same threads without it. `SETTING@quiet`
(or `@busy`) runs that setting under that condition only.

    python bench/speed.py                                   # embedded model; 2:2 1:1 1:2; quiet, busy
    python bench/speed.py --configs 1:1 2:2 --conditions busy
    python bench/speed.py --configs 2:2 2:2+passive --conditions busy --articles seeds/000_d384c5b91ffa7ef4.txt
    python bench/speed.py --base-url http://127.0.0.1:8765/v1 --model qwen --server-log PATH
    python bench/speed.py --stub                            # plumbing check; figures mean nothing
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

import benchlib
from benchlib import REPO, SEEDS, STUB_MODEL, StubModelServer, fmt, md_table, median, ratio

from extract.errors import ExtractError
from extract.output.records import load_records
from schemas import ArticleRecord

CONDITIONS = ("quiet", "busy", "busy-apart")
NEIGHBOUR = [sys.executable, "-c", "while True: pass"]


@dataclass(frozen=True)
class Lever:
    """A server-side change tried against the same threads without it."""

    what: str
    args: tuple[str, ...] = ()
    env: tuple[tuple[str, str | None], ...] = ()  # None: unset


#: `T:B+NAME` adds these to the server's command line or environment ("none" is the server as LocalServer runs it).
LEVERS: dict[str, Lever] = {
    "passive": Lever("OpenMP threads sleep at once when they wait (no spinning)",
                     env=(("OMP_WAIT_POLICY", "PASSIVE"), ("GOMP_SPINCOUNT", "0"))),
    "active": Lever("OpenMP threads spin while they wait (libgomp's ACTIVE policy)",
                    env=(("OMP_WAIT_POLICY", "ACTIVE"),)),
    "spin": Lever("libgomp's own spinning (OMP_WAIT_POLICY and GOMP_SPINCOUNT unset)",
                  env=(("OMP_WAIT_POLICY", None), ("GOMP_SPINCOUNT", None))),
    "lookup": Lever("speculative decoding by prompt lookup, 10 tokens drafted",
                    args=("--draft_model", "prompt-lookup-decoding", "--draft_model_num_pred_tokens", "10")),
    "lookup4": Lever("speculative decoding by prompt lookup, 4 tokens drafted",
                     args=("--draft_model", "prompt-lookup-decoding", "--draft_model_num_pred_tokens", "4")),
    "flash": Lever("flash attention", args=("--flash_attn", "true")),
    "noflash": Lever("no flash attention", args=("--flash_attn", "false")),
    "q8kv": Lever("KV cache in q8_0 (needs flash attention)",
                  args=("--flash_attn", "true", "--type_k", "8", "--type_v", "8")),
    "ub128": Lever("prompt evaluated 128 tokens at a time", args=("--n_batch", "128", "--n_ubatch", "128")),
    "ub256": Lever("prompt evaluated 256 tokens at a time", args=("--n_batch", "256", "--n_ubatch", "256")),
    "ub1024": Lever("prompt evaluated 1024 tokens at a time", args=("--n_batch", "1024", "--n_ubatch", "1024")),
    "nologits": Lever("logits of the last prompt token only (the server's default keeps every token's, for logprobs)",
                      args=("--logits_all", "false")),
    "logits": Lever("logits of every prompt token kept (llama-cpp-python's server default)",
                    args=("--logits_all", "true")),
    "mlock": Lever("model pages locked in memory", args=("--use_mlock", "true")),
}


def parse_setting(setting: str) -> tuple[int, int, list[Lever]]:
    """`T:B+lever+…` as decode threads, batch threads and levers; ValueError names what is wrong."""
    threads, *names = setting.split("+")
    if not re.fullmatch(r"[1-9]\d*:[1-9]\d*", threads):
        raise ValueError(f"{setting!r}: {threads!r} is not T:B (decode threads:batch threads)")
    unknown = [n for n in names if n not in LEVERS]
    if unknown:
        raise ValueError(f"{setting!r}: no lever {', '.join(unknown)} (known: {', '.join(LEVERS)})")
    decode, batch = (int(x) for x in threads.split(":"))
    return decode, batch, [LEVERS[n] for n in names]

# --- the server's log -----------------------------------------------------------------------------------

_PREFIX = re.compile(r"Llama\.generate: (\d+) prefix-match hit, remaining (\d+) prompt tokens to eval")
_FULL = re.compile(r"Llama\.generate: full prompt already cached")
_PROMPT_EVAL = re.compile(r"prompt eval time =\s*([\d.]+) ms /\s*(\d+) tokens")
_EVAL = re.compile(r"(?<!prompt )eval time =\s*([\d.]+) ms /\s*(\d+) runs")
_TOTAL = re.compile(r"total time =\s*([\d.]+) ms")


@dataclass
class Call:
    """One model call as the llama.cpp server logged it."""

    reused: int = 0  # prompt tokens kept from the previous request (prefix-match hit)
    remaining: int | None = None  # prompt tokens left to evaluate after the hit, as the server said
    prefill_ms: float | None = None
    prefill_tokens: int | None = None
    decode_ms: float | None = None
    decode_tokens: int | None = None
    total_ms: float | None = None  # llama.cpp's whole request: prefill, decode, sampling (grammar) and the rest

    @property
    def other_ms(self) -> float | None:
        """Time of the request outside prefill and decode: sampling under the grammar, mostly."""
        if self.total_ms is None:
            return None
        return self.total_ms - (self.prefill_ms or 0.0) - (self.decode_ms or 0.0)


def parse_server_log(text: str) -> list[Call]:
    """The calls in a llama-cpp-python server log, in order: a prefix-match line, then the timings block."""
    calls: list[Call] = []
    pending = Call()
    for line in text.splitlines():
        if m := _PREFIX.search(line):
            pending.reused, pending.remaining = int(m[1]), int(m[2])
        elif _FULL.search(line):
            pending.remaining = 0
        elif m := _PROMPT_EVAL.search(line):
            pending.prefill_ms, pending.prefill_tokens = float(m[1]), int(m[2])
        elif m := _EVAL.search(line):
            pending.decode_ms, pending.decode_tokens = float(m[1]), int(m[2])
            calls.append(pending)
            pending = Call()
        elif (m := _TOTAL.search(line)) and calls and calls[-1].total_ms is None:
            calls[-1].total_ms = float(m[1])
    return calls


# --- one run --------------------------------------------------------------------------------------------


@dataclass
class Run:
    """One `extract run` over the articles under one setting and condition."""

    setting: str
    condition: str
    code: int
    wall: float
    closing: str
    seconds: list[float] = field(default_factory=list)
    prompt_tokens: list[int] = field(default_factory=list)
    completion_tokens: list[int] = field(default_factory=list)
    attempts: list[int] = field(default_factory=list)
    errors: int = 0
    calls: list[list[Call]] = field(default_factory=list)  # per article, when the server's log was read
    neighbour_cpu: float | None = None  # CPU seconds the neighbour got during the run (busy only)


@contextmanager
def neighbour(condition: str) -> Iterator[list[float]]:
    """One CPU-bound process for the block's length (not quiet), stopped by its own handle; yields [its CPU s]."""
    used: list[float] = []
    if condition == "quiet":
        yield used
        return
    proc = subprocess.Popen(NEIGHBOUR, stdin=subprocess.DEVNULL, start_new_session=condition == "busy-apart")
    try:
        yield used
    finally:
        used.append(_cpu_seconds(proc.pid))
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a live process (from /proc; 0 where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def run_once(setting: str, condition: str, articles: Sequence[Path], base_url: str, model: str,
             log: Path | None, tmp: Path, timeout: float, extra: Sequence[str]) -> Run:
    """`extract run` over the articles (beside a neighbour when busy); per-article figures and calls."""
    out = tmp / f"out-{re.sub(r'[^0-9a-z]+', '-', setting)}-{condition}.jsonl"
    out.unlink(missing_ok=True)
    cmd = [*benchlib.extract_command(), "run", *map(str, articles), "-o", str(out), "-q", "--base-url", base_url,
           "--model", model, "--mode", "llama-schema", "--no-cache", *extra]
    log_start = log.stat().st_size if log is not None and log.exists() else 0
    with neighbour(condition) as used:
        started = time.perf_counter()
        try:
            proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False)
            code, output = proc.returncode, proc.stdout + proc.stderr
        except subprocess.TimeoutExpired:
            code, output = -1, f"timed out after {timeout:.0f} s"
        wall = time.perf_counter() - started
    # the last line that says something (typer draws boxes around usage errors)
    said = [ln.strip(" │|╭╮╰╯─") for ln in output.splitlines() if re.search(r"[A-Za-z]", ln)]
    run = Run(setting, condition, code, wall, said[-1] if said else "", neighbour_cpu=used[0] if used else None)
    records = load_records(out) if out.exists() else []
    for record in records:
        if isinstance(record, ArticleRecord):
            prov = record.provenance
            run.seconds.append(prov.seconds)
            run.prompt_tokens.append(prov.usage.prompt_tokens)
            run.completion_tokens.append(prov.usage.completion_tokens)
            run.attempts.append(prov.attempts)
        else:
            run.errors += 1
            run.attempts.append(record.error.attempts)
    if log is not None and log.exists():
        with log.open("rb") as handle:
            handle.seek(log_start)
            calls = parse_server_log(handle.read().decode("utf-8", errors="replace"))
        at = 0
        for n in run.attempts:  # calls are sequential (one job): article i made the next `attempts` calls
            run.calls.append(calls[at : at + n])
            at += n
    return run


@contextmanager
def serving(args: argparse.Namespace, setting: str, tmp: Path) -> Iterator[tuple[str, str, Path | None, str]]:
    """(base URL, model name, server log or None, how it is served) for one setting."""
    if args.stub:
        with StubModelServer() as stub:
            yield stub.base_url, STUB_MODEL, None, "stub server (plumbing check, figures mean nothing)"
        return
    if args.base_url:
        yield args.base_url, args.model or "qwen", args.server_log, f"`{args.base_url}` (threads as it was started)"
        return
    from extract.model.embedded import MODEL_NAME, embedded_model_path
    from extract.model.server import LocalServer

    threads, batch, levers = parse_setting(setting)
    server = LocalServer(embedded_model_path(), n_ctx=args.n_ctx, threads=threads, threads_batch=batch,
                         alias=MODEL_NAME, server_args=[a for lv in levers for a in lv.args],
                         env={k: v for lv in levers for k, v in lv.env})
    server.log_path = tmp / f"server-{re.sub(r'[^0-9a-z]+', '-', setting)}.log"  # the bench's own, not the user's
    started = time.perf_counter()
    with server:
        print(f"  server {setting} ready in {time.perf_counter() - started:.1f} s", flush=True)
        how = shlex.join(["LocalServer", "--n_threads", str(threads), "--n_threads_batch", str(batch),
                          *server.server_args])
        how += "".join(f" {k}={v if v is not None else '(unset)'}" for k, v in server.env.items())
        yield server.base_url, MODEL_NAME, server.log_path, how


# --- report ---------------------------------------------------------------------------------------------


def _nth(run: Run, n: int, attr: str) -> list[float]:
    """A per-call figure of every article's n-th call (0-based), where logged."""
    values = []
    for calls in run.calls:
        if len(calls) > n and (value := getattr(calls[n], attr)) is not None:
            values.append(float(value))
    return values


def _rate(run: Run, ms: str, tokens: str) -> float | None:
    """Tokens per second over all logged calls."""
    total_ms = sum(getattr(c, ms) or 0.0 for calls in run.calls for c in calls)
    total = sum(getattr(c, tokens) or 0 for calls in run.calls for c in calls)
    return 1000 * total / total_ms if total_ms else None


def _mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def summary_rows(runs: list[Run]) -> list[list[object]]:
    quiet = {r.setting: median(r.seconds) for r in runs if r.condition == "quiet"}
    rows: list[list[object]] = []
    for r in runs:
        med = median(r.seconds)
        rows.append([
            r.setting, r.condition, f"**{fmt(med, 1)}**",
            f"{fmt(min(r.seconds), 1)}–{fmt(max(r.seconds), 1)}" if r.seconds else "–",
            ratio(med, quiet.get(r.setting)) if r.condition != "quiet" else "",
            fmt(_mean(r.prompt_tokens), 0), fmt(_mean(r.completion_tokens), 0), fmt(_mean(r.attempts), 1),
            r.errors, r.code, fmt(r.wall, 0),
            fmt(r.neighbour_cpu / r.wall if r.neighbour_cpu is not None and r.wall else None, 2),
        ])
    return rows


def prefill_rows(runs: list[Run]) -> list[list[object]]:
    rows: list[list[object]] = []
    for r in runs:
        rows.append([
            r.setting, r.condition,
            fmt(median(_nth(r, 0, "prefill_tokens")), 0), fmt(median(_nth(r, 1, "reused")), 0),
            fmt(median(_nth(r, 1, "prefill_tokens")), 0),
            fmt(median(_nth(r, 0, "prefill_ms")), 0), fmt(median(_nth(r, 1, "prefill_ms")), 0),
            fmt(median(_nth(r, 0, "other_ms")), 0), fmt(median(_nth(r, 1, "other_ms")), 0),
            fmt(_rate(r, "prefill_ms", "prefill_tokens"), 1), fmt(_rate(r, "decode_ms", "decode_tokens"), 1),
        ])
    return rows


def call_rows(runs: list[Run], articles: Sequence[Path]) -> list[list[object]]:
    rows: list[list[object]] = []
    for r in runs:
        for path, calls in zip(articles, r.calls, strict=False):
            for i, c in enumerate(calls, 1):
                rows.append([r.setting, r.condition, path.name, i, c.reused, fmt(c.remaining, 0) if c.remaining
                             is not None else "–", fmt(c.prefill_tokens, 0) if c.prefill_tokens is not None else "–",
                             fmt(c.prefill_ms, 0), fmt(c.decode_tokens, 0) if c.decode_tokens is not None else "–",
                             fmt(c.decode_ms, 0), fmt(c.other_ms, 0)])
    return rows


def _stopped(signum: int, frame: FrameType | None) -> None:
    """SIGTERM or SIGHUP: unwind like Ctrl-C, so the server, the neighbour and the run are stopped."""
    raise SystemExit(128 + signum)


def _articles(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for p in paths:
        found += sorted(q for q in p.iterdir() if q.is_file() and not q.name.startswith(".")) if p.is_dir() else [p]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None,
                                     epilog="Options given after -- are passed to `extract run`.")
    parser.add_argument("--articles", nargs="+", type=Path, default=[SEEDS], help="files or folders (default seeds/)")
    parser.add_argument("--configs", nargs="+", default=["2:2", "1:1", "1:2"], metavar="T:B[+LEVER…][@COND]",
                        help="llama.cpp decode:batch threads of the embedded server, and levers (default 2:2 1:1 1:2)")
    parser.add_argument("--conditions", nargs="+", choices=CONDITIONS, default=["quiet", "busy"])
    parser.add_argument("--base-url", help="a running server instead of the embedded model (its threads are fixed)")
    parser.add_argument("--model", help="model name on --base-url (default qwen)")
    parser.add_argument("--server-log", type=Path, help="that server's log, to read its prefix hits and timings")
    parser.add_argument("--stub", action="store_true", help="plumbing check against a stub server, in seconds")
    parser.add_argument("--n-ctx", type=int, default=8192, help="context of the embedded server (the CLI's)")
    parser.add_argument("--timeout", type=float, default=7200.0, help="seconds before one run is stopped")
    parser.add_argument("--results", type=Path, default=benchlib.RESULTS, help="folder for the report")
    parser.add_argument("--name", default="speed", help="report name: RESULTS/NAME.md (default speed)")
    parser.add_argument("--levers", action="store_true", help="list the levers a setting may name (T:B+lever) and exit")
    args, extra = parser.parse_known_args(argv)
    extra = [a for a in extra if a != "--"]
    if args.levers:
        print("\n".join(f"{name:8} {lv.what}: {shlex.join(lv.args)} "
                        f"{' '.join(f'{k}={v}' for k, v in lv.env)}".rstrip() for name, lv in LEVERS.items()))
        return 0
    for setting in args.configs:
        try:
            parse_setting(setting.partition("@")[0])
            if setting.partition("@")[2] not in ("", *CONDITIONS):
                raise ValueError(f"{setting!r}: the condition after @ is one of {', '.join(CONDITIONS)}")
        except ValueError as exc:
            parser.error(f"--configs: {exc}")
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stopped)
    settings = ["server's own"] if args.stub or args.base_url else args.configs
    articles = _articles(args.articles)

    runs: list[Run] = []
    served: dict[str, str] = {}
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-speed-")))
        for spec in settings:
            setting, _, only = spec.partition("@")
            for condition in [only] if only else args.conditions:
                print(f"{setting} {condition}: {len(articles)} articles", flush=True)
                try:
                    with serving(args, setting, tmp) as (base_url, model, log, how):
                        served[setting] = how
                        run = run_once(setting, condition, articles, base_url, model, log, tmp, args.timeout, extra)
                except ExtractError as exc:  # the server did not start: a row that says so, and on to the next
                    run = Run(setting, condition, -1, 0.0, f"server: {exc}")
                runs.append(run)
                print(f"  exit {run.code}, {run.wall:.0f} s, median {fmt(median(run.seconds), 1)} s/article; "
                      f"{run.closing}", flush=True)

    summary = md_table(["threads T:B", "condition", "median s / article", "range", "÷ quiet", "prompt tokens",
                        "completion tokens", "calls", "errors", "exit", "run wall s", "neighbour's CPU share"],
                       summary_rows(runs))
    prefill = md_table(["threads T:B", "condition", "1st call: prefill tokens", "2nd call: prefix reused",
                        "2nd call: prefill tokens", "1st call: prefill ms", "2nd call: prefill ms",
                        "1st call: other ms", "2nd call: other ms", "prefill tok/s", "decode tok/s"],
                       prefill_rows(runs))
    calls = md_table(["threads T:B", "condition", "article", "call", "prefix reused", "remaining", "prefill tokens",
                      "prefill ms", "decode tokens", "decode ms", "other ms"], call_rows(runs, articles))
    print()
    print(summary)
    print()
    print(prefill)
    run_cmd = shlex.join(["extract", "run", "ARTICLES", "-o", "OUT", "-q", "--base-url", "URL", "--model", "NAME",
                          "--mode", "llama-schema", "--no-cache", *extra])
    sections = [
        ("What was run", (
            f"{len(articles)} articles ({', '.join(p.name for p in articles)}), each setting and condition with a "
            f"fresh server: {'; '.join(f'{k}: {v}' for k, v in served.items())}. Each run: `{run_cmd}`. "
            "busy: one `python -c 'while True: pass'` started before the run and stopped after it, in this "
            "script's session (busy-apart: in a session of its own); its CPU share is its CPU seconds over the "
            "run's wall time (1.00 = a whole core). Seconds per article are "
            "the records' provenance (the first article included); tokens are the records' usage.")),
        ("Seconds per article", summary),
        ("Prompt reuse and llama.cpp timings (medians over articles; from the server's log)", prefill),
        ("Every call", calls),
    ]
    failed = [r for r in runs if r.code != 0]
    if failed:
        sections.append(("Failures", md_table(["threads T:B", "condition", "exit", "last line"],
                                              [[r.setting, r.condition, r.code, r.closing] for r in failed])))
    path = benchlib.write_report(args.name, "Speed: seconds per article, quiet and beside a busy neighbour",
                                 sections, results_dir=args.results)
    print(f"\n-> {path}")
    return 0 if all(r.code == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
