#!/usr/bin/env python3
"""Growth: CPU seconds of the deterministic stages against the size of one article, to find superlinear paths.

One huge page (session 16's robustness bench: 200 KB of one paragraph took 11 s of our CPU) is an input a
user can hand the tool. This builds invented articles of `--sizes` KB (scale.py's generator: distinct
casts, so actors and statements grow with the text, as on a real long page), each as many paragraphs and as
one paragraph, runs `pipeline.prepare` and `pipeline.plan` with bench/identity.py's stand-in for the model,
and reports CPU seconds per size and the growth exponent between consecutive sizes (1 is linear, 2
quadratic). With `--profile` the two largest sizes of one layout run again under cProfile, and the
functions whose own time grows fastest are listed: the paths to fix.

    PYTHONPATH=$PWD python bench/growth.py                          # 25 50 100 200 KB, both layouts
    PYTHONPATH=$PWD python bench/growth.py --sizes 50 200 --profile one
"""

from __future__ import annotations

import argparse
import cProfile
import math
import pstats
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchlib import md_table, write_report
from identity import answer
from scale import generate_articles

from extract import pipeline
from extract.model.prompting import load_prompts
from extract.text.loading import load_document

LAYOUTS = ("many", "one")


def article_text(kb: int, layout: str, seed: int = 5) -> str:
    """`kb` thousand characters of invented news: paragraphs of distinct articles, or all of it one paragraph."""
    paragraphs: list[str] = []
    size = 0
    for article in generate_articles(kb // 2 + 10, seed=seed, min_chars=1500, max_chars=4000):
        for paragraph in article["text"].split("\n\n"):
            paragraphs.append(paragraph.strip())
            size += len(paragraph) + 2
        if size >= kb * 1000:
            break
    text = "\n\n".join(paragraphs)[: kb * 1000]
    return re.sub(r"\s*\n\s*", " ", text) if layout == "one" else text


def run(path: Path, prompts: Any) -> tuple[float, float, int]:
    """CPU seconds of `prepare` and of `plan` (the stand-in model answering), and the statements found."""
    started = time.process_time()
    prepared = pipeline.prepare(load_document(path))
    prepared_at = time.process_time()
    steps = pipeline.plan(prepared.text, prompts, prepared.warnings, writer=pipeline.page_writer(prepared))
    try:
        requests = next(steps)
        while True:
            requests = steps.send([answer(request, 0) for request in requests])
    except StopIteration as done:
        statements = len(done.value[1])
    return prepared_at - started, time.process_time() - prepared_at, statements


def exponent(small: tuple[int, float], large: tuple[int, float]) -> str:
    """log(t2/t1) / log(n2/n1): how the time grows with the size between two points."""
    (n1, t1), (n2, t2) = small, large
    if t1 <= 0.005 or t2 <= 0:
        return "–"
    return f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}"


def profile(path: Path, prompts: Any) -> dict[str, float]:
    """Own CPU seconds of every function (module:line(name)) over one run."""
    profiler = cProfile.Profile(time.process_time)  # CPU, not wall: the machine is shared
    profiler.enable()
    run(path, prompts)
    profiler.disable()
    stats: Any = pstats.Stats(profiler).stats
    return {f"{Path(f).name}:{line}({name})": own for (f, line, name), (_, _, own, _, _) in stats.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200], help="KB per article")
    parser.add_argument("--layouts", nargs="+", choices=LAYOUTS, default=list(LAYOUTS))
    parser.add_argument("--profile", choices=LAYOUTS, help="profile the two largest sizes of this layout")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--results", type=Path, help="write growth.md into this folder")
    args = parser.parse_args(argv)
    prompts = load_prompts()
    work = Path(tempfile.mkdtemp(prefix="growth-"))
    paths = {}
    for layout in args.layouts + ([args.profile] if args.profile else []):
        for kb in args.sizes:
            paths[layout, kb] = work / f"{layout}-{kb}.txt"
            paths[layout, kb].write_text(article_text(kb, layout), encoding="utf-8")
    run(paths[args.layouts[0], min(args.sizes)], prompts)  # warm: tables, the CRF model, prompts
    rows = []
    for layout in args.layouts:
        points: list[tuple[int, float]] = []
        for kb in sorted(args.sizes):
            prep, plan, statements = run(paths[layout, kb], prompts)
            grow = exponent(points[-1], (kb, prep + plan)) if points else "–"
            points.append((kb, prep + plan))
            per_kb = f"{1000 * (prep + plan) / kb:.1f}"
            rows.append([layout, kb, statements, f"{prep:.2f}", f"{plan:.2f}", per_kb, grow])
            print("\t".join(str(v) for v in rows[-1]), flush=True)
    sections = [("CPU seconds by size", md_table(
        ["layout", "KB", "statements", "prepare s", "plan s", "ms per KB", "exponent from the size before"], rows))]
    if args.profile:
        small, large = sorted(args.sizes)[-2:]
        own_small = profile(paths[args.profile, small], prompts)
        own_large = profile(paths[args.profile, large], prompts)
        ranked = sorted(own_large.items(), key=lambda item: -item[1])[: args.top]
        table = md_table(
            ["function", f"own s at {small} KB", f"own s at {large} KB", "exponent"],
            [[name, f"{own_small.get(name, 0):.2f}", f"{own:.2f}",
              exponent((small, own_small.get(name, 0)), (large, own))] for name, own in ranked],
        )
        print(table)
        sections.append((f"Own time under cProfile ({args.profile}, the {args.top} costliest at {large} KB)", table))
    if args.results:
        print(write_report("growth", "Growth: CPU of the deterministic stages against article size", sections,
                           results_dir=args.results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
