"""Choose the combined finder's thresholds on held-out train articles, never on dev.

    python bench/train_finder.py --half --out /tmp/half.crfsuite   # trained on the even train articles
    python bench/tune_finder.py /tmp/half.crfsuite                   # scored on the odd ones
    python bench/train_finder.py --half --odd --out /tmp/odd.crfsuite   # the other fold: trained on the odd ones
    python bench/tune_finder.py /tmp/odd.crfsuite --even              # scored on the even ones

For each pair (veto, add) of `extract.language.speech.combined.union`, the odd train articles (held-out sets
excluded, as in training) go through the rules,
the union and `merge_same_sentence`, and are scored with the data's score.py (its functions, in process):
matched gold attributions (any group), direct, speech and all recall, precision and speaker accuracy
(the speaker phrase as the actor's name, as bench/statements.py's `finder` records). The rules alone are the first row.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from benchlib import REPO

sys.path.insert(0, str(REPO))

import pycrfsuite
from statements import DATA, score_module
from train_finder import training_articles

import extract.language.speech.learned as learned
from extract.language.grounding import trim_span
from extract.language.segments import merge_same_sentence
from extract.language.speech import find_rules
from extract.language.speech.combined import union
from extract.text.cleaning import clean_text

VETOES = (0.0, 0.1, 0.2, 0.3, 0.4)
ADDS = (0.8, 0.85, 0.9, 0.95, 1.01)
#: the add threshold for a statement whose cue is in the verb table, as an offset below `add`
KNOWN_BELOW = (0.0, 0.2, 0.4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--vetoes", type=float, nargs="+", default=VETOES)
    parser.add_argument("--adds", type=float, nargs="+", default=ADDS)
    parser.add_argument("--known-below", type=float, nargs="+", default=KNOWN_BELOW)
    parser.add_argument("--even", action="store_true", help="score the even half (for a model trained with --odd)")
    args = parser.parse_args(argv)
    scorer: Any = score_module(args.data)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(args.model))
    learned._tagger = lambda: tagger  # type: ignore[assignment]
    split_dir = args.data / "train"
    articles = []
    for path in training_articles(args.data, half=True, odd=not args.even):  # the half the model was not trained on
        text = clean_text(path.read_text(encoding="utf-8")).text
        articles.append((text, find_rules(text), learned.tag(text), scorer.gold(split_dir, path.stem)))
    print("| veto | add | add known | matched | direct | speech | all | precision | speakers | statements |")
    print("| --: | --: | --: |" + " --: |" * 7)
    grid = [(v, a, round(a - k, 2)) for v in args.vetoes for a in args.adds for k in args.known_below if a - k >= 0.4]
    for veto, add, known in [(None, 0.0, 0.0), *grid]:
        total: dict[str, int] = {}
        for text, rules, tagged, items in articles:
            cands = rules if veto is None else union(text, rules, tagged, add=add, veto=veto, add_known=known)
            cands = merge_same_sentence(text, cands)
            by_id = {c.id: c for c in cands}
            phrases = [c.speaker or getattr(by_id.get(c.continues or -1), "speaker", None) for c in cands]
            record = {
                "actors": [{"id": p, "name": p} for p in set(phrases) if p],
                "statements": [
                    {"text": text[slice(*trim_span(text, c.span))], "speaker": p}
                    for c, p in zip(cands, phrases, strict=True)
                ],
            }
            for k, v in scorer.score_article(items, record).items():
                total[k] = total.get(k, 0) + v
        s = scorer.summary(total)
        label = "rules | - | -" if veto is None else f"{veto} | {add} | {known}"
        print(
            f"| {label} | {total['all_found']} | {s['direct_recall']:.3f} | "
            f"{s['speech_recall']:.3f} | {s['all_recall']:.3f} | {s['precision']:.3f} | "
            f"{s['speaker_accuracy']:.3f} | {total['statements']} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
