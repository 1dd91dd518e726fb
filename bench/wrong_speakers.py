"""Wrong speakers on PolNeAR: each matched statement whose speaker fails score.py's test, in one class.

    python bench/wrong_speakers.py [--split train|dev] [--show N] [--only CLASS]

Runs what bench/statements.py scores as `attributed` (cleaned text, combined finder, merging, trimming,
attribution with the actors found in the text), pairs statements with gold contents as the data's score.py
does (Dice of content words >= 0.5, one to one, best first) and, for each pair whose gold Source is a name
(capitalised, not a pronoun), checks the speaker as score.py does (a word of 3+ letters shared by the
speaker actor's name or aliases and the Source). A wrong one is put in the first class it fits (`CLASSES`):

  continued      the statement inherits a speaker from an earlier quotation (`continues`)
  pronoun        its own speaker phrase is a pronoun or "his campaign": resolved to someone else
  phrase right   its speaker phrase shares a word with the Source, the actor chosen does not
  other cue      the gold cue is not ours: the gold content is someone else's attribution (nested speech,
                 "X said Y told her", or a neighbour's statement matched)
  description    its phrase is a description ("the senator", "the company") joined to the wrong actor
  source near    the Source is written within 200 characters of our speaker phrase (the nearest name taken
                 instead of the subject, an appositive, "X's spokesman")
  source far     anything else (the Source is named elsewhere, or PolNeAR's Source is unusual)

Session 19 (2059d75): train 6468 of 6786 named speakers right (0.953), dev 789 of 832 (0.948). Wrong, train / dev:
description both 56 / 8, possessive 26 / 3, short name 27 / 4 (score.py cannot judge these: 109 / 15), continued
11 / 1, pronoun 34 / 3, phrase right 26 / 1, other cue 81 / 19, description 25 / 2, source near 31 / 2, source far
1 / 0. Read by hand, 25 "description both" of train: about 21 right ("The candidate" Kasich, "The judge" Curiel),
4 wrong (an actor "X" from "Wealth-X", "She" as a name). Without what score.py cannot judge, dev would be 789 of
817 (0.966); most "other cue" pairs are the matching's, not the speaker's (PolNeAR's outer attribution, "Q,
Minning replied at the time, according to Farley's account", matched first; a statement that holds a
neighbour's content).

Train skips the articles of the held-out allegation sets. `--show N` prints N cases of each class (terminal
only: the texts are the articles' words, never written anywhere).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from benchlib import REPO, held_out_articles, print_examples

sys.path.insert(0, str(REPO))

from statements import DATA, score_module

from extract.language.actors import build_actors, is_pronoun
from extract.language.antecedents import POSSESSIVE_PRONOUN
from extract.language.attribution import StatementDraft, attribute
from extract.language.grounding import trim_span
from extract.language.segments import merge_same_sentence
from extract.language.speech import SpeechCandidate, find_combined
from extract.text.cleaning import clean_text
from extract.text.loading import load_document

#: What score.py cannot read right: the gold Source is a description our phrase shares ("The senator" given to
#: the senator's actor, whose name holds no "senator"), a possessive ("Trump's": score.py's words keep "'s"),
#: or a name of under 3 letters ("RT", "Oz", "S.E.C."): counted apart, not judged.
UNSCORABLE = ("description both", "possessive", "short name")
CLASSES = (*UNSCORABLE, "continued", "pronoun", "phrase right", "other cue", "description", "source near", "source far")
HELD_OUT = held_out_articles()
_NEAR = 200


def emitted(path: Path) -> tuple[str, list[SpeechCandidate], list[StatementDraft]]:
    """What the pipeline emits for one article (bench/statements.py's `attributed` records)."""
    text = clean_text(load_document(path).raw).text
    candidates = merge_same_sentence(text, find_combined(text))
    spans = [trim_span(text, c.span) for c in candidates]
    return text, candidates, attribute(text, candidates, spans, build_actors(text, [], []), [])


def speaker_words(score: Any, st: StatementDraft) -> set[str]:
    """The words score.py reads of a speaker actor: its name's and aliases' words of 3+ letters."""
    return {w for n in st.speaker.names() for w in score.words(n) if len(w) >= 3}


def phrase_of(st: StatementDraft, by_id: dict[int, SpeechCandidate]) -> SpeechCandidate:
    """The candidate whose speaker phrase this statement's speaker came from (following `continues`)."""
    c: SpeechCandidate | None = st.candidate
    seen = 0
    while c is not None and c.continues is not None and seen < 50:
        c = by_id.get(c.continues)
        seen += 1
    return c or st.candidate


def unscorable_by_score(score: Any, st: StatementDraft, gold: dict[str, Any], phrase: str) -> str | None:
    """The class of a pair score.py cannot judge (see `UNSCORABLE`), else None."""
    source = gold["source"].strip()
    ours = speaker_words(score, st) | {w for n in st.speaker.names() for w in score.words(n)}
    bare = {re.sub(r"'s?$", "", w) for w in score.words(source)}
    if bare & ours and not set(score.words(source)) & ours:
        return "possessive"
    if not [w for w in score.words(source) if len(w) >= 3] or {w for w in score.words(source) if len(w) < 3} & ours:
        return "short name"
    rest = source.split()[1:]
    if rest and not any(w[:1].isupper() for w in rest) and score.dice(phrase, source) >= 0.5:
        return "description both"
    return None


def why_wrong(score: Any, text: str, st: StatementDraft, gold: dict[str, Any],
              by_id: dict[int, SpeechCandidate]) -> str:
    """The class of a wrong speaker (see `CLASSES`)."""
    cand = st.candidate
    if (unscorable := unscorable_by_score(score, st, gold, cand.speaker or "")) is not None:
        return unscorable
    if cand.continues is not None:
        return "continued"
    phrase = (cand.speaker or "").strip()
    if phrase and (is_pronoun(phrase) or POSSESSIVE_PRONOUN.fullmatch(phrase.rstrip(","))):
        return "pronoun"
    source = {w for w in score.words(gold["source"]) if len(w) >= 3}
    if source & set(score.words(phrase)):
        return "phrase right"
    ours = set(score.words(cand.cue or ""))
    theirs = set(score.words(gold["cue"]))
    if theirs and not ours & theirs:
        return "other cue"
    if phrase[:1].islower() or re.match(r"(?:The|A|An|This|That)\s", phrase):
        return "description"
    at = cand.speaker_span[0] if cand.speaker_span else cand.span[0]
    window = text[max(0, at - _NEAR) : at + _NEAR]
    if gold["source"] and gold["source"] in window:
        return "source near"
    return "source far"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--only", default="", help="show only the classes whose name starts with this")
    args = parser.parse_args(argv)
    score = score_module(args.data)
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {c: [] for c in CLASSES}
    named = right = 0
    for path in sorted((args.data / args.split / "text").glob("*.txt")):
        if args.split == "train" and path.stem in HELD_OUT:
            continue
        text, candidates, stmts = emitted(path)
        by_id = {c.id: c for c in candidates}
        golds = score.gold(args.data / args.split, path.stem)
        said = [text[st.span[0] : st.span[1]] for st in stmts]
        pairs = sorted(((score.dice(s, g["content"]), i, j) for i, s in enumerate(said) for j, g in enumerate(golds)),
                       reverse=True)
        used_s: set[int] = set()
        used_g: set[int] = set()
        for d, i, j in pairs:
            if d < 0.5:
                break
            if i in used_s or j in used_g:
                continue
            used_s.add(i)
            used_g.add(j)
            g, st = golds[j], stmts[i]
            src = score.words(g["source"])
            if not (g["source"][:1].isupper() and src and src[0] not in score.PRONOUNS):
                continue
            named += 1
            if speaker_words(score, st) & {w for w in src if len(w) >= 3}:
                right += 1
                continue
            kind = why_wrong(score, text, st, g, by_id)
            counts[kind] += 1
            first = phrase_of(st, by_id)
            examples[kind].append(
                f"{path.stem}: gold {g['source']!r} cue {g['cue']!r} | ours {st.speaker.name!r} ({st.speaker.kind}) "
                f"phrase {first.speaker!r} cue {st.candidate.cue!r}\n    ours {said[i][:160]!r}\n"
                f"    gold {g['content'][:160]!r}"
            )
    wrong = named - right
    print(f"{args.split}: {right} of {named} named speakers right ({right / max(1, named):.3f}); {wrong} wrong")
    print("| class | wrong |\n| :-- | --: |")
    for kind in CLASSES:
        print(f"| {kind} | {counts[kind]} |")
    print_examples(examples, CLASSES, args.show, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
