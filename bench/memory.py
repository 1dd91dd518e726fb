#!/usr/bin/env python3
"""Peak memory of the `extract run` process itself (issue 13: at most 500 MB), on real articles.

Runs `extract run ARTICLES -o OUT RUN_ARGS…` as a subprocess twice: over the first article alone (start-up,
imports, one article) and over all of them, and reads the kernel's high-water mark of the CLI process
(`ru_maxrss` from `os.wait4`: every page it ever held, not a sample). A model server the CLI starts (the
embedded llama.cpp server) is a child process with its own memory: its RSS is sampled and shown apart,
never added. With `--base-url` on a server whose answers are in the response cache the run is quick and
the CLI does everything it does on a live model except wait; `--stub` answers from the bench's loopback stub
instead (any article, no model: e.g. the real news pages of L3S-GN1, unpacked).

    python bench/memory.py -- seeds/ $(python bench/real/check_gold.py --paths | sed -n 1,20p) \\
        --base-url http://127.0.0.1:8765/v1 --model qwen --mode llama-schema
    mkdir -p /tmp/l3s && tar -xzf ../shared/data/l3s-gn1/pages.tar.gz -C /tmp/l3s
    python bench/memory.py --stub --name memory-l3s -- /tmp/l3s/original
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import benchlib
from benchlib import REPO, STUB_MODEL, StubModelServer, TreeMemory, md_table, mib

#: What issue 13 allows the CLI process.
LIMIT_BYTES = 500 * 10**6


@dataclass
class CliMemory:
    """What one `extract run` held and did."""

    inputs: list[str]
    code: int
    wall: float
    cpu: float  # user + system seconds of the CLI process
    maxrss: int  # bytes: the kernel's high-water mark of the CLI process alone
    sampled: TreeMemory
    records: int
    errors: int
    closing: str


def run_cli(inputs: list[str], run_args: list[str], timeout: float, interval: float) -> CliMemory:
    """`extract run INPUTS -o OUT RUN_ARGS`; its own peak RSS from `wait4`, its tree's RSS sampled."""
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        out = Path(tmp) / "out.jsonl"
        cmd = [*benchlib.extract_command(), "run", *inputs, "-o", str(out), *run_args]
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env={**os.environ, "COLUMNS": "400"})
        with TreeMemory(proc.pid, interval=interval) as sampled:
            deadline = started + timeout
            while True:  # wait4 gives the child's own rusage (peak RSS, CPU), which Popen.wait does not
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    proc.kill()
                    pid, status, usage = os.wait4(proc.pid, 0)
                    break
                time.sleep(0.01)
        wall = time.perf_counter() - started
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
        log.seek(0)
        said = log.read().strip().splitlines()
    return CliMemory(inputs, os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime,
                     usage.ru_maxrss * 1024, sampled, len(lines), sum("error" in r for r in lines),
                     said[-1] if said else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("run", nargs="+", metavar="INPUT_OR_RUN_ARG",
                        help="after `--`: the articles (files or folders), then `extract run` options (--base-url …)")
    parser.add_argument("--stub", action="store_true",
                        help="answer from the bench's loopback stub model (adds --base-url STUB --model "
                             "stub-model --mode llama-schema --no-cache)")
    parser.add_argument("--interval", type=float, default=0.1, help="RSS sampling interval, seconds")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds before a run is killed")
    parser.add_argument("--results", type=Path, default=benchlib.RESULTS, help="folder for the report")
    parser.add_argument("--name", default="memory", help="report name: RESULTS/NAME.md")
    args = parser.parse_args(argv)
    split = next((i for i, a in enumerate(args.run) if a.startswith("-")), len(args.run))
    inputs, run_args = args.run[:split], args.run[split:]
    if not inputs:
        parser.error("no articles given")
    files = [str(p) for item in inputs for p in (sorted(Path(REPO, item).iterdir()) if Path(REPO, item).is_dir()
                                                   else [Path(REPO, item)]) if p.is_file()]

    with ExitStack() as stack:
        if args.stub:
            stub = stack.enter_context(StubModelServer())
            run_args = [*run_args, "--base-url", stub.base_url, "--model", STUB_MODEL, "--mode", "llama-schema",
                        "--no-cache"]
        runs = [run_cli(files[:1], run_args, args.timeout, args.interval),
                run_cli(inputs, run_args, args.timeout, args.interval)]
    rows = []
    for label, run in zip(("the first article alone", f"all {len(files)} inputs"), runs, strict=True):
        rows.append([label, f"{run.records} ({run.errors})", run.code, f"{run.wall:.1f} s", f"{run.cpu:.1f} s",
                     f"**{mib(run.maxrss)}**", mib(run.sampled.peak_root), mib(run.sampled.peak_descendants)])
        print(f"{label}: peak RSS {mib(run.maxrss)} (sampled {mib(run.sampled.peak_root)}), "
              f"{run.records} records, exit {run.code}: {run.closing}", flush=True)
    whole = runs[-1]
    verdict = "within" if whole.maxrss <= LIMIT_BYTES else "OVER"
    growth = whole.maxrss - runs[0].maxrss
    sections = [
        ("What was run", (
            f"`extract run INPUTS -o OUT {' '.join(run_args)}` as a subprocess, first over `{Path(files[0]).name}` "
            f"alone, then over all {len(files)} files the command names. *peak RSS* is the kernel's high-water "
            "mark of the CLI process alone (`ru_maxrss` from `os.wait4`); the sampled columns read `/proc` (or "
            f"psutil) every {args.interval:g} s: the CLI, and apart from it any process it started (a llama.cpp "
            "server), never added. The `extract` measured: the one "
            f"`{' '.join(benchlib.extract_command())}` imports from `{REPO}` first on PYTHONPATH, else the "
            "installed package.")),
        ("Peak memory of the CLI process", md_table(
            ["run", "records (errors)", "exit", "wall", "CLI CPU", "peak RSS (ru_maxrss)", "peak sampled, CLI",
             "peak sampled, its child processes"], rows)
         + f"\n\nIssue 13 allows 500 MB: the whole run's peak, {whole.maxrss / 1e6:.0f} MB ({mib(whole.maxrss)}), is "
           f"{verdict} it; "
           f"{growth / 2**20:+.1f} MiB over the first article alone ({len(files) - 1} articles more)."),
        ("Closing line of the whole run", f"`{whole.closing}`"),
    ]
    path = benchlib.write_report(args.name, "Memory: peak RSS of the `extract run` process", sections,
                                 results_dir=args.results)
    print(f"-> {path}")
    return 0 if all(r.code == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
