#!/usr/bin/env python3
"""Every charge the narration tells (`extract/language/charges.py`), per article, to read fired / right / wrong.

Runs `pipeline.plan` with a stand-in model that labels every statement "none" and answers every closed
question "no", so the allegations left are the narrated ones (no model time). Prints one line per charge:
the file, accuser -> accused, the verb, the sentence (terminal only: the texts are not ours to copy).

    PYTHONPATH=$PWD python bench/narrated_charges.py /work/shared/data/polnear/train/text/*.txt

`--matches` counts instead every match of the charge tables (`charges.readings`): in all sentences, in the
narration's (`charges.narration`), with the accused found, with the authority found too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from benchlib import plan_offline

from extract import pipeline
from extract.language import charges
from extract.model.prompting import load_prompts

#: `--matches`: how many matches of the charge tables, where, with which sides found.
MATCHES = dict.fromkeys(("all sentences", "narration", "accused found", "authority found too"), 0)
_narrated_charges = pipeline.narrated_charges


def _counting(text: str, sentences: list[Any], stmts: list[Any], drafts: list[Any], gender: Any) -> Any:
    """`charges.narrated_charges`, counting every reading of every sentence on the way (on a copy of the actors)."""
    told = {id(s) for s in charges.narration(text, sentences, stmts)}
    for sentence in sentences:
        window = (sentence.start, sentence.end)
        before = charges.paragraph_before(text, sentences, sentence)
        for reading in charges.readings(text, window, list(drafts), gender, before):
            MATCHES["all sentences"] += 1
            if id(sentence) in told:
                MATCHES["narration"] += 1
                MATCHES["accused found"] += reading.accused is not None
                MATCHES["authority found too"] += reading.charge(window, sentence.index) is not None
    return _narrated_charges(text, sentences, stmts, drafts, gender)


def _none(request: pipeline.ModelRequest) -> Any:
    """An answer that accuses nobody: every label "none", every verdict "no"."""
    schema = json.loads(request.response_model.exact or "{}") if request.label == "accusations" else None
    if schema is not None:
        return request.response_model.model_validate(
            {key: {"accused": [], "category": "none"} for key in schema.get("required", [])}
        )
    return request.response_model.model_validate(dict.fromkeys(request.response_model.model_fields, "no"))


def narrated(path: Path, prompts: Any) -> list[str]:
    """One line per narrated allegation of the article."""
    _, (actors, statements, allegations) = plan_offline(path, prompts, _none)
    name = {a.id: a.name for a in actors}
    told = {s.id: s for s in statements if s.narrated}
    return [
        f"{path.name}\t{', '.join(name[a] for a in al.accusers)} -> {', '.join(name[a] for a in al.accused)}"
        f"\t{' '.join(told[al.evidence[0]].text.split())}"
        for al in allegations
        if al.evidence[0] in told
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--matches", action="store_true", help="count the tables' matches")
    args = parser.parse_args(argv)
    if args.matches:
        pipeline.narrated_charges = _counting  # type: ignore[assignment]
    prompts = load_prompts()
    fired = 0
    for path in args.paths:
        for line in narrated(path, prompts):
            fired += 1
            print(line)
    print(f"{fired} narrated charges in {len(args.paths)} articles")
    if args.matches:
        print("matches of the charge tables: "
              + ", ".join(f"{k} {v}" for k, v in MATCHES.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
