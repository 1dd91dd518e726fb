#!/usr/bin/env python3
"""Quality, speed and memory of a real `extract run`, scored by `extract eval` against the gold.

Runs `extract run ARTICLES -o TMP/out.jsonl` as a subprocess (by default with the embedded local model,
which the CLI serves with llama.cpp itself; `--base-url` and any unknown option are passed through to
`extract run`), samples the RSS of its whole process tree (the CLI and the llama.cpp server it starts)
every 0.2 s, then runs `extract eval --json` on the output and reports, per article: precision, recall and
F1 for actors, statements and allegations, the verbatim share of statements, leaks, seconds and tokens
(from each record's provenance).

    python bench/quality.py                                   # embedded model on seeds/ (minutes)
    python bench/quality.py --base-url http://127.0.0.1:8080/v1 --model NAME
    python bench/quality.py --stub                            # plumbing check against a stub server
    python bench/quality.py -- --max-chars 3000               # after --: more options for `extract run`
    python bench/quality.py --articles ../shared/data/polnear/{train,dev}/text --gold bench/real/gold \
        --gold-only --name quality-real --base-url URL --model NAME --mode llama-schema
    python bench/quality.py --articles /tmp/l3s/original --gold bench/real/general --gold-only \
        --name quality-general --base-url URL --model NAME --mode llama-schema   # general news (L3S-GN1)
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import benchlib
from benchlib import GOLD, REPO, SEEDS, STUB_MODEL, StubModelServer, TreeMemory, fmt, md_table, median, mib

from extract.output.records import load_records
from schemas import ArticleRecord

KINDS = ("actors", "statements", "allegations")


def run_extract(cmd: list[str], timeout: float, interval: float) -> tuple[int, float, str, TreeMemory]:
    """Run `extract run` and sample its process tree's memory; (exit code, wall seconds, stderr, memory)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        started = time.perf_counter()
        env = {**os.environ, "COLUMNS": "400"}  # rich wraps the closing line at 80 columns otherwise
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=err, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env)
        with TreeMemory(proc.pid, interval=interval) as memory:
            try:
                code = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.terminate()  # the CLI turns SIGTERM into a clean stop of its llama.cpp server
                try:
                    code = proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    code = proc.wait()
                err.write(f"\n[bench] timed out after {timeout:.0f} s\n")
        wall = time.perf_counter() - started
        err.seek(0)
        return code, wall, err.read(), memory


def run_eval(out: Path, gold: Path) -> tuple[dict[str, Any], str]:
    """`extract eval OUT --gold GOLD --json`, parsed; falls back to the library if the output is not JSON."""
    cmd = [*benchlib.extract_command(), "eval", str(out), "--gold", str(gold), "--json"]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False, timeout=600)
    try:
        data: dict[str, Any] = json.loads(proc.stdout)
        return data, shlex.join(["extract", *cmd[len(benchlib.extract_command()):]])
    except ValueError:
        from extract.output.evaluation import evaluate
        from extract.output.gold import load_golds

        print(f"extract eval gave no JSON (exit {proc.returncode}): {proc.stderr.strip()[:300]}; "
              "scoring in-process instead", file=sys.stderr)
        scores = evaluate(load_records(out), load_golds(gold)).to_dict()
        return scores, "extract.output.evaluation.evaluate (in-process)"


def gold_articles(paths: list[Path], gold: Path) -> tuple[list[Path], list[str]]:
    """The files under `paths` that a gold file names (`applies_to`), and the named files not found.

    A corpus folder holds far more articles than the gold annotates (PolNeAR: 924); only those are run.
    """
    from extract.output.gold import load_golds

    wanted = {name for g in load_golds(gold) for name in g.applies_to}
    found: dict[str, Path] = {}
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        found |= {f.name: f for f in files if f.name in wanted and f.name not in found}
    return [found[n] for n in sorted(found)], sorted(wanted - set(found))


def prf(score: dict[str, Any]) -> str:
    """P/R/F1 as one table cell."""
    return f"{score['precision']:.2f} / {score['recall']:.2f} / **{score['f1']:.2f}**"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Quality, speed and peak memory of `extract run`, scored against the gold.",
        epilog="Options not listed here (or given after --) are passed to `extract run`.", allow_abbrev=False)
    parser.add_argument("--articles", nargs="+", type=Path, default=[SEEDS],
                        help="article files or folders (default: seeds/)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold folder (default: tests/gold)")
    parser.add_argument("--base-url", help="OpenAI-compatible server; default: the embedded local model")
    parser.add_argument("--model", help="model name on --base-url (default: the first the server lists)")
    parser.add_argument("--mode", help="structured-output mode for `extract run` (default: the CLI's)")
    parser.add_argument("--gold-only", action="store_true",
                        help="run only the files under --articles that a gold file names (a corpus folder)")
    parser.add_argument("--stub", action="store_true",
                        help="plumbing check: run against a stub server started in this process")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds before the run is stopped")
    parser.add_argument("--interval", type=float, default=0.2, help="memory sampling interval in seconds")
    parser.add_argument("--keep", type=Path, help="copy the run's JSONL here")
    parser.add_argument("--results", type=Path, default=benchlib.RESULTS, help="folder for quality.md")
    parser.add_argument("--name", default="quality", help="report name: RESULTS/NAME.md (default quality)")
    args, passthrough = parser.parse_known_args(argv)
    passthrough = [a for a in passthrough if a != "--"]
    articles: list[Path] = args.articles
    if args.gold_only:
        articles, missing = gold_articles(articles, args.gold)
        if missing:
            print(f"gold names {len(missing)} file(s) not found under --articles: {', '.join(missing)}",
                  file=sys.stderr)
        if not articles:
            print("no article under --articles is named by the gold", file=sys.stderr)
            return 1

    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-quality-")))
        out = tmp / "out.jsonl"
        base_url, model = args.base_url, args.model
        if args.stub:
            stub = stack.enter_context(StubModelServer())
            base_url, model = stub.base_url, model or STUB_MODEL
        backend: list[str] = []
        if base_url:
            backend += ["--base-url", base_url]
        if model:
            backend += ["--model", model]
        if args.mode:
            backend += ["--mode", args.mode]
        cmd = [*benchlib.extract_command(), "run", *map(str, articles), "-o", str(out), "-q",
               *backend, *passthrough]
        shown = shlex.join(["extract", *cmd[len(benchlib.extract_command()):]])
        print(f"$ {shown}", flush=True)
        code, wall, log, memory = run_extract(cmd, args.timeout, args.interval)
        closing = log.strip().splitlines()[-1] if log.strip() else ""
        print(f"exit {code} after {wall:.1f} s: {closing}")
        if args.keep and out.exists():
            args.keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out, args.keep)

        records = load_records(out) if out.exists() else []
        report: dict[str, Any] | None = None
        eval_cmd = ""
        if records:
            report, eval_cmd = run_eval(out, args.gold)
            print(f"$ {eval_cmd}")

    by_path = {r.source.path: r for r in records}
    rows: list[list[object]] = []
    seconds: list[float] = []
    prompt_tokens: list[int] = []
    completion_tokens: list[int] = []
    scored: set[str] = set()
    for art in (report or {}).get("articles", []):
        rec = by_path.get(art["path"])
        prov = rec.provenance if isinstance(rec, ArticleRecord) else None
        if prov is not None:
            seconds.append(prov.seconds)
            prompt_tokens.append(prov.usage.prompt_tokens)
            completion_tokens.append(prov.usage.completion_tokens)
        scored.add(art["path"])
        share = art.get("verbatim_share")
        rows.append([
            Path(art["path"]).name + (" (error record)" if art.get("error") else ""),
            *(prf(art[k]) for k in KINDS),
            f"{art['verbatim']}/{art['statements_total']}" + (f" ({share:.0%})" if share is not None else ""),
            len(art.get("leaks", [])),
            fmt(prov.seconds, 1) if prov else "–",
            prov.usage.prompt_tokens if prov else "–",
            prov.usage.completion_tokens if prov else "–",
        ])
    for rec in records:  # records without a gold: speed and tokens only
        if rec.source.path in scored:
            continue
        prov = rec.provenance if isinstance(rec, ArticleRecord) else None
        if prov is not None:
            seconds.append(prov.seconds)
            prompt_tokens.append(prov.usage.prompt_tokens)
            completion_tokens.append(prov.usage.completion_tokens)
        rows.append([Path(rec.source.path).name + " (no gold)", "–", "–", "–", "–", "–",
                     fmt(prov.seconds, 1) if prov else "error", prov.usage.prompt_tokens if prov else "–",
                     prov.usage.completion_tokens if prov else "–"])
    if report:
        overall = report["overall"]
        share = overall.get("verbatim_share")
        n = len(prompt_tokens) or 1
        rows.append([
            f"**overall** ({overall['articles']} scored, micro; seconds: median)",
            *(prf(overall[k]) for k in KINDS),
            f"{share:.0%}" if share is not None else "–",
            overall["leaks"],
            fmt(median(seconds), 1),
            f"{sum(prompt_tokens) / n:.0f} (mean)",
            f"{sum(completion_tokens) / n:.0f} (mean)",
        ])
    headers = ["article", "actors P / R / F1", "statements P / R / F1", "allegations P / R / F1", "verbatim",
               "leaks", "seconds", "prompt tokens", "completion tokens"]
    quality_table = md_table(headers, rows) if rows else "_no records: the run failed (see the log below)_"

    peaks = sorted(memory.peak_by_command.items(), key=lambda kv: -kv[1])
    mem_rows: list[list[object]] = [
        ["peak RSS, whole process tree (sum at one sample)", mib(memory.peak_total)],
        ["peak RSS, `extract` process", mib(memory.peak_root)],
        ["peak RSS, its child processes (llama.cpp server)", mib(memory.peak_descendants)],
    ]
    mem_rows += [[f"peak of `{cmd[:90]}`", mib(rss)] for cmd, rss in peaks]
    mem_rows += [
        ["samples", f"{memory.samples} every {args.interval:g} s ({memory.backend})"],
    ]
    run_rows: list[list[object]] = [
        ["exit code", code],
        ["wall, whole run (start-up, model load, all articles)", f"{wall:.1f} s"],
        ["records (error records)", f"{len(records)} ({sum(1 for r in records if not isinstance(r, ArticleRecord))})"],
        ["median seconds per article (provenance)", fmt(median(seconds), 1)],
        ["CLI's closing line", f"`{closing}`" if closing else "–"],
    ]
    print()
    print(quality_table)
    print()
    print(md_table(["run", "value"], run_rows))
    print()
    print(md_table(["memory", "value"], mem_rows))

    backend_text = (f"stub server (plumbing check, figures mean nothing): `{base_url}`" if args.stub
                    else f"`{base_url}`, model `{model or '(first listed)'}`" if base_url
                    else "embedded local model (llama.cpp server started by the CLI)")
    sections = [
        ("Run", f"`{shown}`\n\nthen `{eval_cmd or 'extract eval (not run: no records)'}`\n\n"
                f"Backend: {backend_text}.\n\n" + md_table(["run", "value"], run_rows)),
        ("Quality per article (extract eval)", quality_table),
        ("Peak memory (RSS of the process tree, sampled)", md_table(["memory", "value"], mem_rows)),
    ]
    if report:
        import allegation_errors

        from extract.output.gold import load_golds

        blind = benchlib.is_blind(args.gold)  # counts only: no error of a blind set is read
        classes = allegation_errors.render(allegation_errors.analyse(records, load_golds(args.gold)),
                                           examples=0 if blind else 3)
        sections.append(("Allegation errors by class (bench/allegation_errors.py)", classes))
    if code != 0 or not records:
        sections.append(("Log of the run (last 40 lines)", "```\n" + "\n".join(log.splitlines()[-40:]) + "\n```"))
    path = benchlib.write_report(args.name, "Quality: `extract run` scored against the gold", sections,
                                 results_dir=args.results)
    print(f"\n-> {path}")
    return 0 if code == 0 and records else 1


if __name__ == "__main__":
    sys.exit(main())
