#!/usr/bin/env python3
"""Robustness: every real text we have, and broken copies of some, through the whole pipeline; what breaks.

Real news pages are what the tool is judged on, and the stages after the model's answer had only met 74
articles. This runs the 621 L3S-GN1 pages as raw HTML, the 924 PolNeAR texts and the seeds, plus mutations
of a sample (cut mid-tag or mid-quotation, a NUL byte, latin-1 bytes, a BOM, UTF-16, CRLF or CR line ends,
no paragraph breaks, 200 KB of one paragraph, a page of only navigation, quote marks unbalanced), one
article at a time through `running.run_documents` (the path `extract run` takes) against the bench's stub
server in its seeded random mode: each statement accuses a random subset of the names it offers, under a
random category, so the judge, grouping and record code meet many shapes of answer. Then the output file
goes through `extract validate`, `export`, `graph` and `review` in-process, as a user runs them.

A crash is any exception that is not an `ExtractError` (those are the tool's own refusals: an error record
with a reason), whether it escaped the run or the run contained it to its article (an `InternalError`
record); it is counted by type and by the stage (the innermost frame in `extract/`). The slowest
articles are run again under tracemalloc for their peak memory.

    mkdir -p /tmp/l3s && tar -xzf ../shared/data/l3s-gn1/pages.tar.gz -C /tmp/l3s
    python bench/robustness.py                       # everything, ~5 min
    python bench/robustness.py --limit 50 --sample 5 # a quick look
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import tempfile
import time
import traceback
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from benchlib import REPO, RESULTS, SEEDS, STUB_MODEL, StubModelServer, md_table, write_report
from typer.testing import CliRunner

from extract.cli import app
from extract.errors import ExtractError
from extract.model.backends import BackendConfig, BackendKind, OutputMode
from extract.output.records import RecordWriter, load_records
from extract.running import RunOptions, Session, run_documents
from schemas import ArticleRecord, ErrorRecord

DATA = REPO.parent / "shared" / "data"
SLOW_SECONDS = 2.0  # CPU seconds of our own per article above which an article is a finding


# --- mutations ----------------------------------------------------------------------------------------


def _middle(data: str, rng: random.Random) -> int:
    return rng.randint(len(data) // 3, max(len(data) // 3, 2 * len(data) // 3))


def cut_mid_tag(text: str, rng: random.Random) -> bytes:
    """Cut inside a tag (an HTML page) or mid-word (text) two thirds in, as a download that stopped."""
    at = text.find("<", _middle(text, rng))
    return text[: at + 3 if at >= 0 else _middle(text, rng)].encode()


def cut_mid_quote(text: str, rng: random.Random) -> bytes:
    """Cut just after an opening quotation mark: a quotation that never closes."""
    opens = [m.end() for m in re.finditer(r'(?:^|[\s(>])["“]', text)]
    at = rng.choice(opens) + 5 if opens else len(text) // 2
    return text[:at].encode()


def nul_byte(text: str, rng: random.Random) -> bytes:
    at = _middle(text, rng)
    return (text[:at] + "\x00" + text[at:]).encode()


def latin1(text: str, rng: random.Random) -> bytes:
    """The whole text in latin-1 (what cannot be encoded becomes '?'), with accents to make it non-UTF-8."""
    return ("Café Müller, naïve: " + text).encode("latin-1", errors="replace")


def mixed_encodings(text: str, rng: random.Random) -> bytes:
    """UTF-8 with latin-1 bytes spliced in, as a page pasted together from two sources."""
    at = _middle(text, rng)
    return text[:at].encode() + " d\xe9j\xe0 vu, \x93quoted\x94 ".encode("latin-1") + text[at:].encode()


def bom(text: str, rng: random.Random) -> bytes:
    return b"\xef\xbb\xbf" + text.encode()


def utf16(text: str, rng: random.Random) -> bytes:
    return text.encode("utf-16")


def crlf(text: str, rng: random.Random) -> bytes:
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode()


def cr_only(text: str, rng: random.Random) -> bytes:
    return text.replace("\r\n", "\n").replace("\n", "\r").encode()


def one_paragraph(text: str, rng: random.Random) -> bytes:
    """No paragraph breaks at all: every run of line breaks becomes a space."""
    return re.sub(r"\s*\n\s*", " ", text).encode()


BIG = [200_000]  # characters of the one-paragraph page (`--big`)


def huge_paragraph(text: str, rng: random.Random) -> bytes:
    """200 KB of one paragraph: the text's lines joined by spaces and repeated."""
    line = re.sub(r"\s*\n\s*", " ", text).strip() or "Nothing here."
    return ((line + " ") * (BIG[0] // max(1, len(line)) + 1))[: BIG[0]].encode()


def navigation_only(text: str, rng: random.Random) -> bytes:
    """An HTML page of only menus, links and a footer: words from the text, no article."""
    words = [w for w in re.findall(r"[A-Z][a-z]{3,}", text)] or ["Home", "World", "Politics"]
    links = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in rng.sample(words, min(40, len(words))))
    return (f"<!doctype html><html><head><title>Menu</title></head><body><nav><ul>{links}</ul></nav>"
            f"<footer><a href='/about'>About us</a> | <a href='/privacy'>Privacy</a> | © 2020</footer>"
            "</body></html>").encode()


def unbalanced_quotes(text: str, rng: random.Random) -> bytes:
    """Curly and straight quotation marks mixed, and a third of the closing ones dropped."""
    out = []
    for ch in text:
        if ch in "”\"" and rng.random() < 0.33:
            continue
        out.append({"“": '"', '"': "“"}.get(ch, ch) if rng.random() < 0.3 else ch)
    return "".join(out).encode()


MUTATIONS: dict[str, Callable[[str, random.Random], bytes]] = {
    "cut-mid-tag": cut_mid_tag, "cut-mid-quote": cut_mid_quote, "nul-byte": nul_byte, "latin-1": latin1,
    "mixed-encodings": mixed_encodings, "bom": bom, "utf-16": utf16, "crlf": crlf, "cr-only": cr_only,
    "one-paragraph": one_paragraph, "200kb-paragraph": huge_paragraph, "navigation-only": navigation_only,
    "unbalanced-quotes": unbalanced_quotes,
}


def mutate(sources: list[Path], per_mutation: int, out_dir: Path, rng: random.Random) -> list[Path]:
    """`per_mutation` broken copies per mutation, of sources drawn at random, written to `out_dir`."""
    made = []
    for name, change in MUTATIONS.items():
        for source in rng.sample(sources, min(per_mutation, len(sources))):
            text = source.read_text(encoding="utf-8", errors="replace")
            target = out_dir / f"{name}--{source.stem}{source.suffix}"
            target.write_bytes(change(text, rng))
            made.append(target)
    return made


# --- the run --------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    """One article's run: its group, CPU and wall seconds, the record written, a crash if any."""

    path: Path
    group: str
    cpu: float = 0.0
    wall: float = 0.0
    record: ArticleRecord | ErrorRecord | None = None
    crash: tuple[str, str, str] | None = None  # (exception type, stage, message)
    peak: int | None = None  # bytes allocated at the peak (tracemalloc), for the slowest articles


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    later: list[tuple[str, str, str]] = field(default_factory=list)  # (command, outcome, detail)


def stage_of(exc: BaseException) -> str:
    """The innermost frame of `extract/` (module:function) a traceback passed through."""
    where = "?"
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if "extract" in path.parts or "schemas" in path.parts:
            parts = path.parts
            top = max(i for i, p in enumerate(parts) if p in ("extract", "schemas"))
            where = ".".join([*parts[top:-1], path.stem]) + f":{frame.name}"
    return where


def run_one(path: Path, group: str, session: Session, writer: RecordWriter) -> Outcome:
    """One article through `run_documents`; a crash (anything but an error record) is caught and described."""
    outcome = Outcome(path, group)
    written: list[ArticleRecord | ErrorRecord] = []
    cpu, wall = time.thread_time(), time.perf_counter()
    try:
        run_documents([path], session, writer, on_record=lambda record, _: written.append(record))
    except ExtractError as exc:  # a configuration error after its record: fine for the bench
        outcome.crash = None if written else (type(exc).__name__, stage_of(exc), str(exc)[:200])
    except Exception as exc:  # what the bench is here to find
        outcome.crash = (type(exc).__name__, stage_of(exc), str(exc)[:200])
    outcome.cpu, outcome.wall = time.thread_time() - cpu, time.perf_counter() - wall
    outcome.record = written[0] if written else None
    if isinstance(outcome.record, ErrorRecord) and outcome.record.error.type == "InternalError":
        # a bug the run contained to its article (`errors.internal_error`): still a crash to mend
        found = _INTERNAL.search(outcome.record.error.message)
        outcome.crash = (found["type"], found["where"] or "?", found["message"][:200]) if found else (
            "InternalError", "?", outcome.record.error.message[:200])
    return outcome


_INTERNAL = re.compile(r"internal error, please report it: (?P<type>\w+)(?: at (?P<where>\S+ \(\w+\)))?: "
                       r"(?P<message>.*)", re.DOTALL)


def run_all(items: list[tuple[Path, str]], stub: StubModelServer, out: Path, progress: bool) -> list[Outcome]:
    config = BackendConfig(BackendKind.COMPAT, STUB_MODEL, stub.base_url, "no-key", OutputMode.LLAMA_SCHEMA)
    outcomes = []
    with Session(config, RunOptions(cache=False)) as session, RecordWriter(out) as writer:
        for n, (path, group) in enumerate(items, 1):
            outcomes.append(run_one(path, group, session, writer))
            if progress and n % 100 == 0:
                crashes = sum(o.crash is not None for o in outcomes)
                print(f"  {n}/{len(items)} articles, {crashes} crashes", flush=True)
    return outcomes


def peaks(outcomes: list[Outcome], stub: StubModelServer, top: int) -> None:
    """The peak memory (tracemalloc) of the `top` slowest articles, each run again alone."""
    config = BackendConfig(BackendKind.COMPAT, STUB_MODEL, stub.base_url, "no-key", OutputMode.LLAMA_SCHEMA)
    with tempfile.TemporaryDirectory(prefix="bench-robust-peak-") as tmp, \
            Session(config, RunOptions(cache=False)) as session, RecordWriter(Path(tmp) / "o.jsonl") as writer:
        session.extractor()
        for outcome in sorted(outcomes, key=lambda o: -o.cpu)[:top]:
            tracemalloc.start()
            run_one(outcome.path, outcome.group, session, writer)
            outcome.peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()


def later_stages(out: Path, tmp: Path) -> list[tuple[str, str, str]]:
    """validate, export, graph and review over the run's output, in-process as the CLI runs them."""
    runner = CliRunner()
    commands = [
        ["validate", str(out)],
        ["export", str(out), "--format", "csv", "-o", str(tmp / "csv")],
        ["export", str(out), "--format", "parquet", "-o", str(tmp / "parquet")],
        ["graph", str(out), "-o", str(tmp / "network.graphml")],
        ["graph", str(out), "-o", str(tmp / "network.json")],
        ["review", str(out), "-o", str(tmp / "review.html"), "--graph"],
        ["review", str(out), "--terminal"],
    ]
    results = []
    for args in commands:
        started = time.perf_counter()
        result = runner.invoke(app, args)
        seconds = time.perf_counter() - started
        exc = result.exception
        command = " ".join(Path(a).name if a.startswith("/") else a for a in args)
        if exc is not None and not isinstance(exc, SystemExit):
            results.append((command, f"crash {type(exc).__name__}", f"{stage_of(exc)}: {str(exc)[:150]}"))
        else:
            said = result.output.strip().splitlines() or [""]
            tail = " / ".join(said[:2] if result.exit_code else said[-1:])[:300].replace(str(tmp) + "/", "")
            results.append((command, f"exit {result.exit_code}, {seconds:.1f} s", tail))
    return results


# --- inputs and the report -----------------------------------------------------------------------------


def inputs(args: argparse.Namespace, mutated_dir: Path, rng: random.Random) -> list[tuple[Path, str]]:
    l3s = sorted(args.l3s.glob("*.html")) if args.l3s.is_dir() else []
    train = sorted((args.polnear / "train" / "text").glob("*.txt"))
    dev = sorted((args.polnear / "dev" / "text").glob("*.txt"))
    seeds = sorted(p for p in args.seeds.iterdir() if p.suffix in (".txt", ".html", ".md"))
    groups: list[tuple[str, list[Path]]] = [("l3s-gn1 html", l3s), ("polnear train", train), ("polnear dev", dev),
                                            ("seeds", seeds)]
    if args.limit:
        groups = [(g, rng.sample(paths, min(args.limit, len(paths)))) for g, paths in groups]
    mutated = mutate([*l3s[:: max(1, len(l3s) // 40)], *train[:: max(1, len(train) // 40)]] or seeds,
                     args.sample, mutated_dir, rng)
    groups.append(("mutated", mutated))
    return [(p, g) for g, paths in groups for p in paths]


_NUMBERS = re.compile(r"\d+(?:\.\d+)?")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”")
_BRACKETED = re.compile(r"\([^)]*\)")


def warning_kind(message: str) -> str:
    """A warning with its numbers, bracketed and quoted parts taken out, as a kind to count (no article text)."""
    return _NUMBERS.sub("N", _QUOTED.sub("…", _BRACKETED.sub("(…)", message)))[:90]


def tables(outcomes: list[Outcome], later: list[tuple[str, str, str]], seconds: float) -> list[tuple[str, str]]:
    by_group: dict[str, list[Outcome]] = {}
    for o in outcomes:
        by_group.setdefault(o.group, []).append(o)
    rows = []
    for group, items in [*by_group.items(), ("all", outcomes)]:
        records = [o.record for o in items if o.record is not None]
        articles = [r for r in records if isinstance(r, ArticleRecord)]
        rows.append([group, len(items), len(records), len(articles), len(records) - len(articles),
                     sum(o.crash is not None for o in items), sum(len(r.statements) for r in articles),
                     sum(len(r.allegations) for r in articles), f"{sum(o.cpu for o in items):.1f}"])
    summary = md_table(["inputs", "articles", "records", "article records", "error records", "crashes",
                        "statements", "allegations", "CPU s"], rows)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    summary += f"\n\nWall {seconds:.0f} s; peak RSS of this process {rss} MiB (it keeps every record for the tables)."
    crashes = Counter((o.crash[0], o.crash[1]) for o in outcomes if o.crash)
    example = {(o.crash[0], o.crash[1]): (o.path.name, o.crash[2]) for o in outcomes if o.crash}
    crash_rows = [[t, s, n, f"{example[(t, s)][0]}: {example[(t, s)][1]}"] for (t, s), n in crashes.most_common()]
    errors = Counter((o.group, o.record.error.type, warning_kind(o.record.error.message.split(": ", 1)[-1]))
                     for o in outcomes if isinstance(o.record, ErrorRecord))
    warnings = Counter(warning_kind(w) for o in outcomes if isinstance(o.record, ArticleRecord)
                       for w in o.record.warnings)
    slow = sorted(outcomes, key=lambda o: -o.cpu)[:12]
    slow_rows = [[o.path.name[:60], o.group, f"{o.cpu:.2f}", f"{o.wall:.2f}",
                  f"{o.peak / 2**20:.1f} MiB" if o.peak is not None else "–",
                  len(o.record.text) if isinstance(o.record, ArticleRecord) else "–"] for o in slow]
    over = sum(o.cpu > SLOW_SECONDS for o in outcomes)
    return [
        ("Articles and records", summary),
        ("Crashes by exception type and stage",
         md_table(["exception", "stage (innermost frame in extract/)", "articles", "example"], crash_rows)
         if crash_rows else "None."),
        ("Error records (the tool's own refusals) by type and reason",
         md_table(["inputs", "type", "reason", "articles"], [[*k, n] for k, n in errors.most_common()])
         if errors else "None."),
        ("Warnings by kind", md_table(["warning (numbers as N, quoted parts as …)", "times"],
                                      [[k, n] for k, n in warnings.most_common(25)]) if warnings else "None."),
        (f"Slowest articles (our CPU; {over} over {SLOW_SECONDS:.0f} s)",
         md_table(["article", "inputs", "CPU s", "wall s", "peak (tracemalloc)", "characters"], slow_rows)),
        ("Later stages over the output", md_table(["command", "outcome", "last line or stage"], later)),
    ]


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--l3s", type=Path, default=Path("/tmp/l3s/original"), help="unpacked L3S-GN1 pages")
    parser.add_argument("--polnear", type=Path, default=DATA / "polnear")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--limit", type=int, default=0, help="at most this many articles per group (0: all)")
    parser.add_argument("--sample", type=int, default=6, help="broken copies per mutation")
    parser.add_argument("--big", type=int, default=BIG[0], help="characters of the one-paragraph page")
    parser.add_argument("--seed", type=int, default=1, help="for the sample, the mutations and the stub's answers")
    parser.add_argument("--peaks", type=int, default=8, help="slowest articles run again for their peak memory")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--name", default="robustness")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(list(argv) if argv is not None else None)
    rng = random.Random(args.seed)
    BIG[0] = args.big
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-robust-") as tmp_name, \
            StubModelServer(seed=args.seed) as stub:
        tmp = Path(tmp_name)
        (tmp / "mutated").mkdir()
        items = inputs(args, tmp / "mutated", rng)
        if not args.quiet:
            print(f"{len(items)} articles", flush=True)
        out = tmp / "records.jsonl"
        outcomes = run_all(items, stub, out, progress=not args.quiet)
        if args.peaks:
            peaks(outcomes, stub, args.peaks)
        later = later_stages(out, tmp)
        assert len(load_records(out)) == sum(o.record is not None for o in outcomes)
        sections = tables(outcomes, later, time.perf_counter() - started)
    path = write_report(args.name, "Robustness: every real text, and broken copies, through the whole pipeline",
                        sections, results_dir=args.results)
    if not args.quiet:
        print("\n\n".join(f"## {h}\n\n{b}" for h, b in sections))
        print(f"-> {path}")
    return 1 if any(o.crash for o in outcomes) or any(r[1].startswith("crash") for r in later) else 0


if __name__ == "__main__":
    raise SystemExit(main())
