"""Statements on real news without the model: the deterministic stages over PolNeAR, scored by its score.py.

    python bench/statements.py [--split dev|train|both] [--data DIR] [--results DIR] [--name NAME] [--no-write]

Each article goes through what `extract run` does before and after the model: loading, cleaning, the speech
finder (`extract.language.speech`), merging pieces of one sentence, span trimming and attribution of speakers
(`extract.language.attribution`), with the actors found in the text as `extract run` finds them by default
(`build_actors` with no model list), so `attributed` is what the pipeline emits: the model's answer never
adds, drops or re-attributes a statement (`pipeline.plan` builds every statement before it asks anything).

Two record sets are scored with `score.py` (the scorer shipped with the data, run as a subprocess):

  finder     every candidate the finder proposes, its speaker an actor named by its speaker phrase
             verbatim: recall and precision of the finder itself, an upper bound for the pipeline
  attributed the statements attribution keeps, with the actors it resolved: what the pipeline emits

Also counts, for the attributed statements, those whose words hold their own cue or speaker (CONTRACT.md:
never; tests/test_speech_classes.py checks it on the seeds and invented stories, this on real news), and
those holding another candidate's cue or speaker, because `merge_same_sentence` joined two statements of one
speaker or because they report nested speech.

Prints direct / speech / all recall, precision, speaker accuracy, pronoun speakers and ms per article:
for `finder` the speech finder alone, for `attributed` every stage (most of it is `build_actors` looking up
the country gazetteer). Timings on a shared machine are inflated. Writes
`bench/results/<name>.md` unless `--no-write`. The texts are read from the data folder, never copied.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from benchlib import REPO, RESULTS, machine_line

sys.path.insert(0, str(REPO))

from extract.language.actors import ActorDraft, build_actors
from extract.language.attribution import attribute
from extract.language.finishing import finish_actors
from extract.language.grounding import said_pieces, trim_span
from extract.language.segments import merge_same_sentence
from extract.language.speech import find_combined, find_learned, find_rules
from extract.text.cleaning import clean_html, clean_text
from extract.text.loading import load_document
from schemas import said_text

FINDERS = {"rules": find_rules, "learned": find_learned, "combined": find_combined}

#: ../shared/data/polnear beside the checkout (as the README says), else two levels up (a git worktree).
DATA = next(
    (p for p in (REPO.parent / "shared" / "data" / "polnear", REPO.parent.parent / "shared" / "data" / "polnear")
     if p.is_dir()),
    REPO.parent / "shared" / "data" / "polnear",
)
KEYS = ("direct_recall", "speech_recall", "all_recall", "precision", "speaker_accuracy", "pronoun_speakers_resolved")
LABELS = ("direct", "speech", "all", "precision", "speakers", "pronouns")


@dataclass
class Run:
    """The two record sets of one split and the time the deterministic stages took."""

    finder: list[dict[str, Any]]
    attributed: list[dict[str, Any]]
    seconds: list[tuple[float, float]]
    hygiene: list[tuple[int, int, int]]


def overlaps(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    """Whether two character spans share a character."""
    return b is not None and a[0] < b[1] and b[0] < a[1]


def hygiene(raw: list[Any], stmts: list[Any]) -> tuple[int, int, int]:
    """Statements whose words hold their own cue or speaker; those holding another candidate's cue or speaker
    because `merge_same_sentence` joined two of one speaker's statements ("X accused Y and said Z"); and those
    holding another's because they report speech (nested attribution: "X said Y told her that …", as PolNeAR
    annotates it too).

    The words are the span, or the parts of words said around their own attribution (CONTRACT.md: its span
    runs over the attribution, its parts do not).
    """
    own = merged = nested = 0
    found = {r.span for r in raw}
    for st in stmts:
        c = st.candidate
        pieces = st.parts or (st.span,)
        if any(overlaps(p, part) for p in pieces for part in (c.cue_span, c.speaker_span)):
            own += 1
        elif any(
            overlaps(p, part)
            for r in raw
            if (r.cue_span, r.speaker_span) != (c.cue_span, c.speaker_span)
            for part in (r.cue_span, r.speaker_span)
            for p in pieces
        ):
            if c.span in found:
                nested += 1
            else:
                merged += 1
    return own, merged, nested


def records_for(
    path: Path, finder_name: str
) -> tuple[dict[str, Any], dict[str, Any], tuple[float, float], tuple[int, int, int]]:
    """The finder record and the attributed record of one article; seconds of all stages and of the finder;
    statements holding their own cue or speaker, and another candidate's (see `hygiene`)."""
    started = time.perf_counter()
    doc = load_document(path)  # then cleaned as `pipeline.prepare` does (without importing the model client)
    article = clean_html(doc.raw, doc.url) if doc.is_html else clean_text(doc.raw)
    text, warnings = article.text, [*doc.warnings, *article.warnings]
    finding = time.perf_counter()
    raw = FINDERS[finder_name](text)
    candidates = merge_same_sentence(text, raw)
    finder_seconds = time.perf_counter() - finding
    spans = [trim_span(text, c.span) for c in candidates]
    drafts: list[ActorDraft] = build_actors(text, [], warnings)
    stmts = attribute(text, candidates, spans, drafts, warnings)
    finish_actors(text, drafts)
    seconds = time.perf_counter() - started

    source = {"path": str(path)}
    phrases = list(dict.fromkeys(c.speaker for c in candidates if c.speaker))
    phrase_actor = {p: f"P{i}" for i, p in enumerate(phrases, 1)}
    by_id = {c.id: c for c in candidates}

    def phrase_of(c: Any) -> str | None:
        while c is not None and c.speaker is None and c.continues is not None:
            c = by_id.get(c.continues)
        return c.speaker if c is not None else None

    finder = {
        "source": source,
        "actors": [{"id": a, "name": p, "aliases": []} for p, a in phrase_actor.items()],
        "statements": [
            {"id": f"S{i}", "text": said_text(text, s, said_pieces(text, s, c.pieces)), "span": list(s),
             "kind": c.kind, "speaker": phrase_actor.get(phrase_of(c) or "")}
            for i, (c, s) in enumerate(zip(candidates, spans, strict=True), 1)
        ],
    }
    ids = {id(d): f"A{i}" for i, d in enumerate(drafts, 1)}
    attributed = {
        "source": source,
        "actors": [{"id": ids[id(d)], "name": d.name, "aliases": list(d.aliases)} for d in drafts],
        "statements": [
            {"id": f"S{i}", "text": st.said(text), "span": list(st.span),
             "kind": st.candidate.kind, "speaker": ids.get(id(st.speaker))}
            for i, st in enumerate(stmts, 1)
        ],
    }
    return finder, attributed, (seconds, finder_seconds), hygiene(raw, stmts)


def run_split(data: Path, split: str, finder_name: str) -> Run:
    """Both record sets for every article of a split."""
    run = Run([], [], [], [])
    for path in sorted((data / split / "text").glob("*.txt")):
        finder, attributed, seconds, held = records_for(path, finder_name)
        run.finder.append(finder)
        run.attributed.append(attributed)
        run.seconds.append(seconds)
        run.hygiene.append(held)
    return run


def score_module(data: Path) -> ModuleType:
    """The data's own score.py imported as a module, for benches that use its gold reader and matching rules."""
    spec = importlib.util.spec_from_file_location("polnear_score", data / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(data: Path, split: str, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Run the data's own score.py on the records; its JSON summary."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec) + "\n")
    try:
        done = subprocess.run(
            [sys.executable, str(data / "score.py"), out.name, "--split", split, "--json"],
            check=True, capture_output=True, text=True,
        )
    finally:
        Path(out.name).unlink()
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def table(rows: list[tuple[str, dict[str, Any], float]]) -> str:
    """A markdown table: one row per (split, record set)."""
    head = "| split / records | " + " | ".join(LABELS) + " | statements | ms/article |\n"
    head += "| :-- |" + " --: |" * (len(LABELS) + 2) + "\n"
    for label, res, ms in rows:
        c = res["counts"]
        head += f"| {label} | " + " | ".join(f"{res[k]:.3f}" for k in KEYS) + f" | {c['statements']} | {ms:.1f} |\n"
    return head


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train", "both"])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--name", default="statements-polnear")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--finder", default="combined", choices=[*FINDERS, "all"],
                        help="the rules, the learned CRF, both (the shipped finder), or each in turn")
    args = parser.parse_args(argv)
    if not (args.data / "score.py").exists():
        print(f"no PolNeAR data at {args.data} (--data DIR)", file=sys.stderr)
        return 2
    rows = []
    held = []
    for split in (["train", "dev"] if args.split == "both" else [args.split]):
        for finder_name in list(FINDERS) if args.finder == "all" else [args.finder]:
            run = run_split(args.data, split, finder_name)
            n = max(1, len(run.seconds))
            ms_all, ms_finder = (1000 * sum(s[i] for s in run.seconds) / n for i in (0, 1))
            for label, records, ms in (("finder", run.finder, ms_finder), ("attributed", run.attributed, ms_all)):
                rows.append((f"{split} ({len(records)}) {finder_name} {label}", score(args.data, split, records), ms))
            stmts = sum(len(r["statements"]) for r in run.attributed)
            own, merged, nested = (sum(h[i] for h in run.hygiene) for i in (0, 1, 2))
            held.append(f"- {split} {finder_name} attributed: {own} of {stmts} statements hold their own cue or "
                        f"speaker; {merged} hold another's because `merge_same_sentence` joined them; {nested} "
                        "report nested speech")
    report = table(rows) + "\nSpan hygiene (the words said: the span, or the parts around an attribution):\n\n"
    report += "\n".join(held) + "\n"
    print(report)
    if not args.no_write:
        command = "python bench/statements.py " + " ".join(argv if argv is not None else sys.argv[1:])
        body = (
            f"# Statements on PolNeAR, deterministic stages\n\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
            f"{machine_line()} (shared with other agents: timings inflated).\n\n`{command.strip()}`\n\n{report}"
        )
        args.results.mkdir(parents=True, exist_ok=True)
        (args.results / f"{args.name}.md").write_text(body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
