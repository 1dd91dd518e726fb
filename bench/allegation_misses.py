#!/usr/bin/env python3
"""Why gold allegations are missed: each miss put in one class, with the model's own statement labels.

    python bench/allegation_misses.py --gold bench/real/gold --base-url URL --model NAME ARTICLES...

Runs the pipeline in-process (answers come from the response cache when the requests are unchanged) and
keeps every statement's label and the verdict of `allegations.judge`. A missed gold allegation gets the first
class that applies:

- `accuser not an actor` / `accused not an actor`: no actor of the record is that gold actor;
- `statement not found`: no statement's words match the gold claim (keywords or shared content words);
- `speaker wrong`: statements match the claim, none is said by a gold accuser;
- `accused not offered`: the right statement, but the accused is not among the names offered for it,
  with why (`NOT_OFFERED`): its surname is written there but given to another actor ("Trump" taken by
  Melania Trump), its given name alone ("Donald"), a pronoun stands for it, or its sentence does not name it
  at all (a description, "we");
- `model said none`: the accused was offered, the model labelled the statement "none" or "denial";
- `model chose another`: the model saw a wrong but picked other names;
- `judge rejected`: the model's label was right, `judge` dropped or changed it;
- `grouped or claim`: a right accusation was made, but the allegation it went into did not match.

Counts only by default (the claims are the articles' words); `--all` prints each miss (terminal only), and
`--show` with it the statements that match its claim, the names offered, the model's label and the verdict.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import benchlib

import extract.pipeline as pipeline
from extract.api import extract
from extract.output.evaluation import _claim_score, _resolve, evaluate, normalize_name
from extract.output.gold import Gold, load_golds
from schemas import ArticleRecord

CLASSES = (
    "accuser not an actor",
    "accused not an actor",
    "statement not found",
    "speaker wrong",
    "accused not offered",
    "model said none",
    "model chose another",
    "judge rejected",
    "grouped or claim",
)

#: Why an accused was not offered for the statement that charges it, first that applies.
NOT_OFFERED = ("its surname given to another", "by its given name alone", "by a pronoun", "not named in its sentence")
_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers|they|them|their)\b", re.IGNORECASE)

_traces: list[dict[str, Any]] = []
_read_labels = pipeline._read_labels


def _tracing(
    text: str,
    answer: Any,
    stmts: list[Any],
    drafts: list[Any],
    accusers: list[Any],
    named: dict[int, list[str]],
    described: Any,
    sentences: Any,
) -> Any:
    found, denied = _read_labels(text, answer, stmts, drafts, accusers, named, described, sentences)
    for st in stmts:
        label = getattr(answer, f"s{st.number}", None)
        verdict = next((f for f in found if f.statement is st), None)
        _traces.append(
            {
                "span": st.span,
                "speaker": st.speaker,
                "named": named.get(st.number, []),
                "accused": list(label.accused) if label else [],
                "category": label.category.value if label else "?",
                "verdict": verdict,
                "drafts": drafts,
            }
        )
    return found, denied


def _who(draft: Any, gold_names: list[list[str]]) -> frozenset[int]:
    return _resolve(SimpleNamespace(name=draft.name, aliases=draft.aliases), gold_names)  # type: ignore[arg-type]


def classify_misses(
    record: ArticleRecord, gold: Gold, traces: list[dict[str, Any]], missed: set[int], show: bool = False
) -> list[tuple[str, str]]:
    gold_names = [[n for n in map(normalize_name, (a.name, *a.aliases)) if n] for a in gold.actors]
    number = {a.name: i for i, a in enumerate(gold.actors)}
    record_who = {i for a in record.actors for i in _resolve(a, gold_names)}
    out = []
    for index in sorted(missed):
        ga = gold.allegations[index]
        accusers, accused = {number[n] for n in ga.accuser}, {number[n] for n in ga.accused}
        matching = [t for t in traces if _claim_score(record.text[t["span"][0] : t["span"][1]], ga)]
        by_accuser = [t for t in matching if _who(t["speaker"], gold_names) & accusers]
        by_name = {d.name: d for t in traces for d in t["drafts"]}
        offered = [t for t in by_accuser if any(_who(by_name[n], gold_names) & accused for n in t["named"])]
        labelled = [t for t in offered if t["category"] not in ("none", "denial")]
        right = [t for t in labelled if any(_who(by_name[n], gold_names) & accused for n in t["accused"])]
        made = [
            t
            for t in right
            if t["verdict"] is not None and any(_who(d, gold_names) & accused for d in t["verdict"].accused)
        ]
        if not accusers & record_who:
            kind = "accuser not an actor"
        elif not accused & record_who:
            kind = "accused not an actor"
        elif not matching:
            kind = "statement not found"
        elif not by_accuser:
            kind = "speaker wrong"
        elif not offered:
            kind = f"accused not offered: {_why_not_offered(record.text, by_accuser, accused, gold_names)}"
        elif not labelled:
            kind = "model said none"
        elif not right:
            kind = "model chose another"
        elif not made:
            kind = "judge rejected"
        else:
            kind = "grouped or claim"
        line = f"{gold.file}: {', '.join(ga.accuser)} -> {', '.join(ga.accused)}: {ga.claim[:100]}"
        if show:
            line += "".join(_shown(record.text, t) for t in matching)
        out.append((kind, line))
    return out


def _why_not_offered(text: str, traces: list[dict[str, Any]], accused: set[int], gold_names: list[list[str]]) -> str:
    """Why the accused is missing from the names offered for the accuser's statements (`NOT_OFFERED`)."""
    drafts = [d for d in traces[0]["drafts"] if _who(d, gold_names) & accused]
    names = [n.split() for d in drafts for n in (d.name, *d.aliases)]
    surnames = {n[-1] for n in names if n[-1][:1].isupper()}
    given = {n[0] for n in names if len(n) > 1 and n[0][:1].isupper()} - surnames
    said = " ".join(text[t["span"][0] : t["span"][1]] for t in traces)

    def written(words: set[str]) -> bool:
        return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", said) for w in words)

    if written(surnames):
        return NOT_OFFERED[0]
    if written(given):
        return NOT_OFFERED[1]
    return NOT_OFFERED[2] if _PRONOUN.search(said) else NOT_OFFERED[3]


def _shown(text: str, trace: dict[str, Any]) -> str:
    """One matching statement as the model saw it, with its label and the judge's verdict (`--show`)."""
    verdict = trace["verdict"]
    judged = f"{[d.name for d in verdict.accusers]} -> {[d.name for d in verdict.accused]}" if verdict else "-"
    said = " ".join(text[trace["span"][0] : trace["span"][1]].split())
    return (
        f"\n    [{trace['speaker'].name}] (names: {', '.join(trace['named']) or 'nobody'}) {said[:300]}"
        f"\n      label {trace['category']} {trace['accused']}; judge {judged}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Missed gold allegations by class.")
    parser.add_argument("articles", nargs="+", type=Path)
    parser.add_argument("--gold", type=Path, action="append", required=True,
                        help="a gold folder; give it once per set (all are read)")
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--mode", default="llama-schema")
    parser.add_argument("--all", action="store_true", help="print each miss with its gold claim (terminal only)")
    parser.add_argument("--show", action="store_true", help="with --all: the statements that match each claim")
    args = parser.parse_args(argv)
    if any(map(benchlib.is_blind, args.gold)):
        parser.error("prints the claims it misses: not on a blind held-out set")
    pipeline._read_labels = _tracing  # type: ignore[assignment]
    golds = [g for folder in args.gold for g in load_golds(folder)]
    index = {name: g for g in golds for name in g.applies_to}
    misses: list[tuple[str, str]] = []
    totals = Counter[str]()
    for path in args.articles:
        gold = index.get(path.name)
        if gold is None:
            continue
        _traces.clear()
        record = extract(path, base_url=args.base_url, model=args.model, mode=args.mode)  # type: ignore[arg-type]
        score = evaluate([record], [gold]).articles[0].scores["allegations"]
        totals.update(tp=score.tp, fp=score.fp, fn=score.fn)
        labels = [f"{', '.join(a.accuser)} vs {', '.join(a.accused)}: {a.claim}" for a in gold.allegations]
        missed = {i for i, label in enumerate(labels) if label in score.missed and gold.allegations[i].required}
        misses += classify_misses(record, gold, list(_traces), missed, args.show)
    count = Counter(kind for kind, _ in misses)
    print(f"allegations TP {totals['tp']} FP {totals['fp']} FN {totals['fn']}")
    print("| missed by class | count |\n| :-- | --: |")
    for kind in CLASSES:
        print(f"| {kind} | {sum(n for k, n in count.items() if k.split(':')[0] == kind)} |")
    print("\n| accused not offered, why | count |\n| :-- | --: |")
    for why in NOT_OFFERED:
        print(f"| {why} | {count[f'accused not offered: {why}']} |")
    if args.all:
        for kind, line in sorted(misses):
            print(f"[{kind}] {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
