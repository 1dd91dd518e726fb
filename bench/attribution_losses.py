"""What attribution loses: the speech finder's candidates that get no speaker actor, in classes, on PolNeAR.

    python bench/attribution_losses.py [--split train|dev] [--examples N]

Runs the deterministic stages as `bench/statements.py` does (no model: actors from the text alone) and puts
every candidate that `extract.language.attribution.attribute` drops into one class (the first that applies), by its
speaker phrase. Each class is counted twice: all dropped candidates, and those that match a PolNeAR
attribution (Dice >= 0.5 with some gold content, as the data's `score.py` matches), i.e. the recall it costs.
Then how the speakers described as a person ("The Vermont senator") resolve (`--descriptions` lists them), and
the kept statements whose speaker is wrong by `score.py`'s rule (a gold Source that is a name shares no
word of 3+ letters with the speaker actor), split by whether the finder's phrase itself names that Source.

Use train to find classes, dev for figures. `--examples N` prints N speaker phrases per class (phrases only,
never article text).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

from benchlib import REPO, held_out_articles
from benchlib import one_to_one as dice_pairs

sys.path.insert(0, str(REPO))

from statements import DATA, score_module

from extract.language.actors import ActorDraft, build_actors
from extract.language.attribution import StatementDraft, attribute
from extract.language.descriptions import describes_person
from extract.language.documents import DOCUMENT_NOUNS
from extract.language.finishing import finish_actors
from extract.language.grounding import trim_span
from extract.language.segments import merge_same_sentence
from extract.language.speech import SpeechCandidate, find_combined
from extract.language.stopwords import STOPWORDS
from extract.text.cleaning import clean_text
from extract.text.loading import load_document

CLASSES = (
    "inherits from a dropped quote",
    "no speaker phrase",
    "pronoun, no antecedent",
    "possessive pronoun ('his campaign')",
    "document or poll ('the report', 'polls')",
    "share of people ('46 percent of voters')",
    "description ('the candidate')",
    "unnamed people ('officials', 'critics')",
    "a name, not resolved",
    "empty span",
)
#: PolNeAR articles in the held-out sets: measured there, never read for failures.
HELD_OUT = held_out_articles()
_POLL = re.compile(r"\b(?:polls?|polling|surveys?|surveyed|results?|figures|data|projections|numbers|ads?)\b", re.I)
_DOCUMENT = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in DOCUMENT_NOUNS) + r")s?\b", re.I)
_SHARE = re.compile(r"\b(?:percent|\d+%|in (?:10|ten|\d+)|half|third|quarter|majority|majorities|most of)\b", re.I)
_DEFINITE = re.compile(r"^(?:the|this|that|these|those)\s", re.I)
_PRONOUNS = frozenset({"he", "she", "they", "we", "it", "i", "you"})
#: Lone words that count people without naming them.
_GROUP_WORDS = frozenset({"some", "many", "another", "others", "police", "both", "all", "one", "several", "most"})
_POSSESSIVE = re.compile(r"^(?:his|her|their|its|our|my|your)\b", re.I)


def loss_class(cand: SpeechCandidate, dropped_ids: set[int], empty: bool) -> str:
    """The class of a dropped candidate, from its speaker phrase."""
    phrase = (cand.speaker or "").strip()
    words = phrase.split()
    first_name_word = next((w for w in words[1:] if w[:1].isupper()), None)
    if cand.continues is not None and cand.continues in dropped_ids:
        return CLASSES[0]
    if empty:
        return CLASSES[9]
    if not phrase:
        return CLASSES[1]
    if re.sub(r"['’](?:s|ve|ll|d|m|re)$", "", phrase).lower() in _PRONOUNS:
        return CLASSES[2]
    if _POSSESSIVE.match(phrase):
        return CLASSES[3]
    if _SHARE.search(phrase):
        return CLASSES[5]
    if _POLL.search(phrase) or _DOCUMENT.search(phrase):
        return CLASSES[4]
    if _DEFINITE.match(phrase) and words[-1].islower():
        return CLASSES[6]
    if first_name_word is not None:
        return CLASSES[8]
    lone = words[0].lower()
    if len(words) == 1 and words[0][:1].isupper() and lone not in STOPWORDS | _GROUP_WORDS and lone[-1] != "s":
        return CLASSES[8]
    return CLASSES[7]


#: A gold Source that describes its speaker ("The president", "The Republican nominee"): capitalised at the
#: start of a sentence, so score.py counts it as a name; no actor's name shares its words.
_DESCRIBED_SOURCE = re.compile(r"^(?:The|This|That)\s+(?:[\w.'’-]+\s+){0,5}[a-z][\w-]*,?$")


def _nesting(phrase: str, cue: str, source: str, gold_cue: str, said: str, gold_content: str) -> str:
    """How the gold attribution a statement matched relates to the finder's, by where their words stand.

    Outer: the gold content holds the finder's speaker and cue ("a poll found that voters said …", "X said,
    according to CNN"); inner: the statement holds the gold's source and cue ("X said Y told him …"); else the
    finder read another cue for the same words.
    """
    content = " ".join(gold_content.split())
    if any(len(part) > 2 and " ".join(part.split()) in content for part in (phrase, cue)):
        return "the gold is the OUTER source (its content holds the finder's speaker or cue)"
    if len(gold_cue.strip()) > 2 and " ".join(gold_cue.split()) in " ".join(said.split()):
        return "the gold is an INNER source (the statement holds its cue)"
    return "the finder read another cue for these words"


def speaker_error(
    source: str,
    phrase: str,
    actor: ActorDraft,
    score: ModuleType,
    cue: str = "",
    gold_cue: str = "",
    said: str = "",
    gold_content: str = "",
) -> str:
    """Why a kept statement's speaker does not count as right, by score.py's word match.

    The first classes are no fault of attribution: the gold attribution the statement matched is another one
    (its cue shares no word with the finder's: speech nested in or around the statement, "X said Y told him",
    split by `_nesting`);
    or score.py cannot count any speaker right (no word of 3+ letters: "The AP").
    """
    wanted = {w for w in score.words(source) if len(w) >= 3}
    if cue and gold_cue and not {w.lower() for w in re.findall(r"\w+", cue)} & set(score.words(gold_cue)):
        return "another attribution matched: " + _nesting(phrase, cue, source, gold_cue, said, gold_content)
    if not wanted:
        return "the gold source has no word of 3+ letters ('The AP', 'RT'): never right by score.py"
    if actor.unnamed:
        return "unnamed source, the gold names one"
    if _DESCRIBED_SOURCE.match(source.strip()):
        return "the gold source is a description ('The president'), the speaker a named actor"
    if re.search(r"['’]s?$", source.strip()) and any(
        re.sub(r"'s?$", "", w) in score.actor_words({"name": actor.name, "aliases": actor.aliases})
        for w in score.words(source)
    ):
        return "the gold source is a possessive ('Trump’s'): score.py keeps the 's"
    if {w for w in score.words(phrase) if len(w) >= 3} & wanted:
        return "the phrase names the source, the actor does not"
    return "the phrase is not the source (the finder's speaker)"


def one_to_one(
    score: ModuleType, text: str, kept: list[tuple[tuple[int, int], StatementDraft]], gold: list[dict[str, Any]]
) -> dict[int, dict[str, Any]]:
    """Each kept statement's gold attribution as score.py pairs them: best Dice first, each used once.

    Matching every statement to its best gold instead counts a nested statement ("Q" of "X said Y told him Q")
    against the outer attribution that its own outer statement already takes.
    """
    spans = [span for span, _ in kept]
    pairs = [(score.dice(text[a:b], g["content"]), i, j) for i, (a, b) in enumerate(spans) for j, g in enumerate(gold)]
    return {kept[i][1].candidate.id: gold[j] for i, j in dice_pairs(pairs).items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--errors", action="store_true", help="print each wrong speaker (phrases only)")
    parser.add_argument("--descriptions", action="store_true", help="print whom each description speaker became")
    args = parser.parse_args(argv)
    score = score_module(args.data)
    split_dir = args.data / args.split
    total = Counter[str]()
    matched = Counter[str]()
    examples: dict[str, Counter[str]] = defaultdict(Counter)
    wrong = Counter[str]()
    described = Counter[str]()
    candidates_seen = kept_seen = named_seen = 0
    for path in sorted((split_dir / "text").glob("*.txt")):
        hidden = path.stem in HELD_OUT  # counted on dev (as bench/statements.py counts it), never shown
        if hidden and args.split == "train":
            continue
        text = clean_text(load_document(path).raw).text
        warnings: list[str] = []
        cands = merge_same_sentence(text, find_combined(text))
        spans = [trim_span(text, c.span) for c in cands]
        drafts: list[ActorDraft] = build_actors(text, [], warnings)
        stmts = attribute(text, cands, spans, drafts, warnings)
        finish_actors(text, drafts)
        kept = {st.candidate.id: st for st in stmts}
        gold = score.gold(split_dir, path.stem)
        candidates_seen += len(cands)
        kept_seen += len(kept)
        dropped: set[int] = set()
        for cand in cands:  # "The Vermont senator said": whom descriptions of people resolve to
            if cand.speaker_span is not None and describes_person(text, cand.speaker_span):
                st = kept.get(cand.id)
                outcome = "dropped" if st is None else "unnamed" if st.speaker.unnamed else "a named actor"
                described[outcome] += 1
                if args.descriptions and not hidden:
                    print(f"description: {cand.speaker!r} -> {st.speaker.name if st else '-'!r}")
        matched_gold = one_to_one(score, text, [(span, kept[c.id]) for c, span in zip(cands, spans, strict=True)
                                                if c.id in kept], gold)
        for cand, span in zip(cands, spans, strict=True):
            said = text[span[0] : span[1]]
            best = max(((score.dice(said, g["content"]), g) for g in gold), key=lambda x: x[0], default=(0.0, None))
            st = kept.get(cand.id)
            if st is None:
                dropped.add(cand.id)
                label = loss_class(cand, dropped, span[1] <= span[0])
                total[label] += 1
                matched[label] += best[0] >= 0.5
                if not hidden:
                    examples[label][re.sub(r"\s+", " ", cand.speaker or "-")] += 1
                continue
            pair = matched_gold.get(cand.id)  # score.py's own pairing: a statement and the gold it is counted for
            if pair is None:
                continue
            source = pair["source"]
            src = score.words(source)
            if not (source[:1].isupper() and src and src[0] not in score.PRONOUNS):
                continue
            named_seen += 1
            wanted = {w for w in src if len(w) >= 3}
            if score.actor_words({"name": st.speaker.name, "aliases": st.speaker.aliases}) & wanted:
                continue
            why = speaker_error(
                source, cand.speaker or "", st.speaker, score, cand.cue or "", pair["cue"], said, pair["content"]
            )
            wrong[why] += 1
            if args.errors and not hidden:
                print(
                    f"speaker: {cand.speaker!r} -> {st.speaker.name!r} (cue {cand.cue!r}); gold source {source!r}"
                    f" (cue {pair['cue']!r}) [{path.stem[:40]}] {why[:60]}"
                )
    lost = sum(total.values())
    print(
        f"{args.split}: {candidates_seen} candidates, {kept_seen} kept, {lost} dropped "
        f"({sum(matched.values())} of them match a gold attribution)\n"
    )
    print("| class | dropped | match gold |\n| :-- | --: | --: |")
    for label in CLASSES:
        print(f"| {label} | {total[label]} | {matched[label]} |")
    print("description speakers ('the Vermont senator'): " + ", ".join(f"{n} {k}" for k, n in described.most_common()))
    print(f"\nkept with a named gold source: {named_seen}; speaker wrong by score.py: {sum(wrong.values())}")
    for label, n in wrong.most_common():
        print(f"  {label}: {n}")
    for label in CLASSES if args.examples else ():
        shown = ", ".join(f"{p!r} {n}" for p, n in examples[label].most_common(args.examples))
        print(f"\n{label}: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
