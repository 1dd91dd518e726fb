#!/usr/bin/env python3
"""What the judge makes of PolNeAR train without a model: every allegation per statement, in two stand-in modes.

    PYTHONPATH=$PWD python bench/judge_modes.py --out /tmp/modes-after.tsv
    diff /tmp/modes-before.tsv /tmp/modes-after.tsv     # run the same on the tree before a change

A judge rule's effect on news no rule was written on, with no model's choices mixed in. Two stand-ins:

- `none`: every statement labelled "none" and every yes/no question answered "no": what the words alone accuse
  (`judge`'s negative-words path);
- `every`: every statement labelled "other" against every name offered for it (as many as the answer allows),
  every question answered "no": the judge's filter against a model that proposes everyone.

One line per allegation's evidence statement: mode, article, the statement's offsets, accusers -> accused.
Skips every dev and held-out article (`benchlib.held_out_articles`). Lines hold names and offsets only, never
the articles' words: read a changed line's statement in the article itself.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from benchlib import held_out_articles, plan_offline
from identity import POLNEAR

from extract import pipeline
from extract.model.prompting import load_prompts

MODES = ("none", "every")


def answer(request: pipeline.ModelRequest, mode: str) -> Any:
    """The stand-in's answer to one request (see the module's docstring)."""
    if request.label != "accusations":
        return request.response_model.model_validate({f: "no" for f in request.response_model.model_fields})
    schema = json.loads(request.response_model.exact or "{}")
    labels = {}
    for key in schema.get("required", []):
        accused = schema["$defs"][f"S{key[1:]}"]["properties"]["accused"]
        choices = accused["items"].get("enum", [])[: accused.get("maxItems")]
        labels[key] = {"accused": choices, "category": "other"} if mode == "every" else {"accused": [],
                                                                                           "category": "none"}
    return request.response_model.model_validate(labels)


def allegations(path: Path, prompts: Any, mode: str) -> list[str]:
    """One line per evidence statement of each allegation the stand-in's answers give."""
    _, (actors, statements, found) = plan_offline(path, prompts, lambda r: answer(r, mode))
    names = {a.id: a.name for a in actors}
    spans = {s.id: s.span for s in statements}
    return [
        f"{mode}\t{path.name}\t{spans[e][0]}:{spans[e][1]}\t"
        f"{', '.join(names[i] for i in a.accusers)} -> {', '.join(names[i] for i in a.accused)}\n"
        for a in found for e in a.evidence
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=POLNEAR)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    skipped = held_out_articles()
    paths = [p for p in sorted((args.data / "train" / "text").glob("*.txt")) if p.stem not in skipped]
    prompts = load_prompts()
    lines = [line for mode in MODES for path in paths for line in allegations(path, prompts, mode)]
    args.out.write_text("".join(lines))
    for mode in MODES:
        found = sum(line.startswith(mode + "\t") for line in lines)
        print(f"{mode}: {found} evidence statements, {len(paths)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
