#!/usr/bin/env python3
"""Which judge rule drops which accused the model proposed, and whether the gold says the drop was right.

    python bench/judge_rules.py --gold bench/real/gold --gold bench/real/holdout --gold bench/real/holdout2 \\
        --base-url URL --model NAME [--mode llama-schema] [--all]

Runs the pipeline in-process on every article of each gold folder (answers come from the response cache when
the requests are unchanged) and asks `allegations.judge` for its trace (`dropped`: the rule and the names it
dropped); a label the pipeline takes for a denial's words (`is_denial`) drops all its names too. Each dropped
pair, the statement's speaker accusing a proposed name, is

- `right` when a gold allegation has the speaker among its accusers, the name among its accused, and a claim
  the statement's words match (`evaluation._claim_score`); `right, missed` when that gold allegation is also
  missing from the record (the drop cost recall: no other statement made it);
- `wrong` otherwise: the rule removed a false accusation.

A rule that drops more right pairs than wrong ones over many articles is one to narrow. `--all` prints each
right drop with its statement (terminal only: the words are the articles'); refused on the blind held-out sets.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from types import SimpleNamespace
from typing import Any

from benchlib import replay_arguments, replayed
from real.check_gold import DEFAULT_DATA

import extract.pipeline as pipeline
from extract.language.allegations import Dropped, judge
from extract.language.nobody_accused import is_denial
from extract.output.evaluation import _claim_score, _resolve, normalize_name
from extract.output.gold import Gold

DENIAL_WORDS = "denial words (pipeline)"

_drops: list[tuple[Any, str, list[Any]]] = []  # (statement, rule, names dropped)
_read_labels = pipeline._read_labels


def _traced_judge(*args: Any, **kwargs: Any) -> Any:
    given: Dropped | None = kwargs.pop("dropped", None)
    dropped = [] if given is None else given  # the pipeline reads the trace too (its second look's candidates)
    verdict = judge(*args, **kwargs, dropped=dropped)
    _drops.extend((args[1], rule, names) for rule, names in dropped)
    return verdict


def _traced_labels(text: str, answer: Any, stmts: list[Any], drafts: list[Any], *rest: Any) -> Any:
    by_name = {d.name: d for d in drafts}
    for st in stmts:
        label = getattr(answer, f"s{st.number}", None)
        if label is not None and label.category.value not in ("none", "denial") and is_denial(text, st):
            names = [by_name[n] for n in dict.fromkeys(label.accused) if n in by_name and by_name[n] is not st.speaker]
            if names:
                _drops.append((st, DENIAL_WORDS, names))
    return _read_labels(text, answer, stmts, drafts, *rest)


def _who(draft: Any, gold_names: list[list[str]]) -> frozenset[int]:
    return _resolve(SimpleNamespace(name=draft.name, aliases=draft.aliases), gold_names)  # type: ignore[arg-type]


def judged_pairs(text: str, gold: Gold, missed: set[int]) -> list[tuple[str, str, str]]:
    """(rule, verdict, line) per dropped pair of the last article: verdict "right, missed", "right" or "wrong"."""
    gold_names = [[n for n in map(normalize_name, (a.name, *a.aliases)) if n] for a in gold.actors]
    number = {a.name: i for i, a in enumerate(gold.actors)}
    out = []
    for st, rule, names in _drops:
        said = text[st.span[0] : st.span[1]]
        speaker = _who(st.speaker, gold_names)
        for draft in names:
            accused = _who(draft, gold_names)
            hits = [i for i, ga in enumerate(gold.allegations)
                    if speaker & {number[n] for n in ga.accuser} and accused & {number[n] for n in ga.accused}
                    and _claim_score(said, ga)]
            verdict = "wrong" if not hits else "right, missed" if any(i in missed for i in hits) else "right"
            line = f"{gold.file}: {st.speaker.name} -> {draft.name}: {' '.join(said.split())[:300]}"
            out.append((rule, verdict, line))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Accused the judge drops, by rule, right or wrong by the gold.")
    args = replay_arguments(parser, DEFAULT_DATA, "print each right drop with its statement (terminal only)", argv)
    pipeline.judge = _traced_judge  # type: ignore[attr-defined]  # the pipeline calls it by this name
    pipeline._read_labels = _traced_labels  # type: ignore[assignment]
    pairs: list[tuple[str, str, str]] = []
    totals = Counter[str]()
    for gold, record, score in replayed(args, _drops.clear):
        totals.update(tp=score.tp, fp=score.fp, fn=score.fn)
        labels = [f"{', '.join(a.accuser)} vs {', '.join(a.accused)}: {a.claim}" for a in gold.allegations]
        missed = {i for i, label in enumerate(labels) if label in score.missed}
        pairs += judged_pairs(record.text, gold, missed)
    print(f"allegations TP {totals['tp']} FP {totals['fp']} FN {totals['fn']} over {', '.join(map(str, args.gold))}")
    count = Counter((rule, verdict.split(",")[0]) for rule, verdict, _ in pairs)
    costly = Counter(rule for rule, verdict, _ in pairs if verdict == "right, missed")
    print("| rule | right dropped | of them gold missed | wrong dropped |\n| :-- | --: | --: | --: |")
    for rule in sorted({r for r, _, _ in pairs}, key=lambda r: -count[(r, "right")] - count[(r, "wrong")]):
        print(f"| {rule} | {count[(rule, 'right')]} | {costly[rule]} | {count[(rule, 'wrong')]} |")
    if args.all:
        for rule, verdict, line in sorted(p for p in pairs if p[1] != "wrong"):
            print(f"[{rule}; {verdict}] {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
