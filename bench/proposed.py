#!/usr/bin/env python3
"""What the sentence's structure proposes where the model said none, over PolNeAR train, without the model.

    python bench/proposed.py [--split train] [--sample 10] [--seed 1]

Every article of the split (less those of a held-out set, `benchlib.held_out_articles`) goes through
`pipeline.plan` with a stand-in for the model that labels every statement "none" and answers every second-look
question "no": what is left is what the words alone accuse. Counts the accusations each proposing shape
(`proposing`, `Accusation.proposed_by`) adds, and prints a seeded sample of each to read (terminal only: the
statements are the articles' words, never to be committed).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from benchlib import held_out_articles, plan_offline
from identity import POLNEAR

from extract import pipeline
from extract.language.allegations import Accusation
from extract.model.prompting import load_prompts

#: What proposed an accusation before this module's shapes: the model's label, ill words, the second look.
NOT_STRUCTURE = frozenset({"label", "words", "second look"})


def none_answer(request: pipeline.ModelRequest) -> Any:
    """Every statement "none", every yes/no question "no"."""
    fields = list(request.response_model.model_fields)
    if request.label == "accusations":
        return request.response_model.model_validate({f: {"accused": [], "category": "none"} for f in fields})
    return request.response_model.model_validate(dict.fromkeys(fields, "no"))


def accusations_of(path: Path, prompts: Any) -> tuple[str, list[Accusation]]:
    """The article's text and the accusations the plan gathered with the stand-in's answers."""
    caught: list[Accusation] = []
    assemble = pipeline.assemble  # type: ignore[attr-defined]

    def keep(text: str, drafts: Any, stmts: Any, accusations: list[Accusation], denials: Any) -> Any:
        caught.extend(accusations)
        return assemble(text, drafts, stmts, accusations, denials)

    pipeline.assemble = keep  # type: ignore[attr-defined]
    try:
        text, _ = plan_offline(path, prompts, none_answer)
    finally:
        pipeline.assemble = assemble  # type: ignore[attr-defined]
    return text, caught


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--split", default="train")
    parser.add_argument("--data", type=Path, default=POLNEAR)
    parser.add_argument("--sample", type=int, default=10, help="proposals printed per shape")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    skip = held_out_articles()
    paths = [p for p in sorted((args.data / args.split / "text").glob("*.txt")) if p.stem not in skip]
    prompts = load_prompts()
    counts = Counter[str]()
    found: dict[str, list[str]] = {}
    for path in paths:
        text, accusations = accusations_of(path, prompts)
        counts.update(a.proposed_by for a in accusations)
        for a in accusations:
            if a.proposed_by not in NOT_STRUCTURE:
                said = " ".join(text[a.statement.span[0] : a.statement.span[1]].split())
                who = f"{', '.join(d.name for d in a.accusers)} -> {', '.join(d.name for d in a.accused)}"
                found.setdefault(a.proposed_by, []).append(f"{path.stem[:40]}: [{who}] {said[:240]}")
    print(f"{len(paths)} articles of {args.split} (held-out ones skipped); accusations by what proposed them:")
    for by, n in counts.most_common():
        print(f"  {by}: {n}")
    rng = random.Random(args.seed)
    for shape, lines in sorted(found.items()):
        print(f"\n== {shape}: {len(lines)} (sample of {min(args.sample, len(lines))})")
        for line in rng.sample(lines, min(args.sample, len(lines))):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
