"""Whom "he said" is given to: pronoun speakers checked against the gold speaker, without the model.

    python bench/pronoun_speakers.py [--gold DIR ...] [--show N] [--no-write]

PolNeAR's scorer checks only that a pronoun speaker resolves to someone, never to whom. This bench runs the
pipeline's deterministic stages (`pipeline.plan` before its first question: the speech finder, merging, span
trimming, actors found in the text, attribution) on the development allegation sets, takes each statement whose
own speaker phrase is a pronoun ("he", "they", "his campaign"), matches it to a gold statement as `extract eval`
does (share of content words >= 0.5), and counts right / wrong / unmatched. A wrong one gets its class:

  previous speaker   the gold speaker spoke the statement before and someone else was named since
  later named        the gold speaker was named before the cue, the chosen one later (the last named person)
  earlier named      the chosen one was named before the gold speaker's last mention
  gold not named     the gold speaker is not named before the cue (no actor, or named only after)
  dropped            the statement got no speaker (counted as wrong when matched)

and whether the chosen one's last mention was inside quotation marks. The blind sets are refused.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchlib import REPO, is_blind, md_table, write_report

sys.path.insert(0, str(REPO))

from extract import pipeline
from extract.language.actors import ActorDraft, is_pronoun
from extract.language.antecedents import POSSESSIVE_PRONOUN
from extract.language.attribution import StatementDraft
from extract.language.grounding import find_all
from extract.output.evaluation import _statement_share, normalize_name
from extract.output.gold import Gold, load_golds
from extract.text.cleaning import clean_html, clean_text
from extract.text.loading import load_document

DEV_SETS = ("gold", "holdout", "holdout2", "holdout3", "holdout5")
POLNEAR = REPO.parent / "shared" / "data" / "polnear"
#: Quotation marks: a mention between two of them is inside a quotation.
_QUOTES = re.compile(r"[\"“”]")


@dataclass
class Case:
    """One pronoun statement: where it is, whom attribution chose, whom the gold names, and its class."""

    article: str
    phrase: str
    at: int
    chosen: str | None
    gold: str | None
    verdict: str  # right, wrong, unmatched
    why: str = ""
    quoted: bool = False
    context: str = ""


def text_of(gold: Gold) -> tuple[str, str]:
    """The cleaned text of the PolNeAR article a gold file applies to, as the pipeline reads it."""
    name = gold.applies_to[0]
    path = next(p for p in (POLNEAR / s / "text" / name for s in ("dev", "train")) if p.is_file())
    doc = load_document(path)
    return name, (clean_html(doc.raw, doc.url) if doc.is_html else clean_text(doc.raw)).text


def attributed(text: str) -> tuple[list[StatementDraft], list[ActorDraft]]:
    """The statements and actors `pipeline.plan` has before it asks the model anything."""
    return pipeline.attributed(text, [], [])


def is_pronoun_phrase(phrase: str | None) -> bool:
    """Whether a speaker phrase is a pronoun ("he", "they") or a possessive one ("his campaign")."""
    return bool(phrase) and (
        is_pronoun(phrase or "") or POSSESSIVE_PRONOUN.fullmatch((phrase or "").strip().rstrip(",")) is not None
    )


def gold_speaker_of(stmt_text: str, gold: Gold) -> str | None:
    """The speaker of the gold statement the words match best (share >= 0.5), else None."""
    best = max(((_statement_share(stmt_text, g.text), g.speaker) for g in gold.statements), default=(0.0, None))
    return best[1] if best[0] >= 0.5 else None


def is_actor(draft: ActorDraft | None, gold_name: str, gold: Gold) -> bool:
    """Whether an actor is the gold actor `gold_name`: one of their names equals one of its names or aliases."""
    if draft is None:
        return False
    actor = next(a for a in gold.actors if a.name == gold_name)
    golds = {normalize_name(n) for n in (actor.name, *actor.aliases)}
    return any(normalize_name(n) in golds for n in draft.names())


def last_mention(text: str, draft: ActorDraft, end: int, said: tuple[tuple[int, int], ...]) -> int | None:
    """Where `draft` is last named before `end`, outside the statement's own words."""
    found = [
        s for name in draft.names() for s, e in find_all(text[:end], name) if not any(a <= s < b for a, b in said)
    ]
    return max(found, default=None)


def classify(text: str, st: StatementDraft, gold_draft: ActorDraft | None, previous: StatementDraft | None) -> str:
    """The class of a wrong resolution (see the module docstring)."""
    cand = st.candidate
    at = cand.cue_span[0] if cand.cue_span else st.span[0]
    said = cand.pieces or (cand.span,)
    gold_at = last_mention(text, gold_draft, at, said) if gold_draft else None
    if gold_at is None:
        return "gold not named"
    if previous is not None and previous.speaker is gold_draft:
        return "previous speaker"
    ours = last_mention(text, st.speaker, at, said)
    if ours is not None and ours > gold_at:
        return "later named"
    return "earlier named"


def inside_quotes(text: str, at: int | None) -> bool:
    """Whether an odd number of quotation marks opens the paragraph before `at`."""
    if at is None:
        return False
    start = text.rfind("\n", 0, at) + 1
    return len(_QUOTES.findall(text, start, at)) % 2 == 1


def cases(gold: Gold) -> list[Case]:
    """Each pronoun statement of one article, judged against the gold."""
    name, text = text_of(gold)
    stmts, drafts = attributed(text)
    out = []
    for i, st in enumerate(stmts):
        cand = st.candidate
        if cand.continues is not None or not is_pronoun_phrase(cand.speaker):
            continue
        at = cand.speaker_span[0] if cand.speaker_span else st.span[0]
        context = " ".join(text[max(0, at - 260) : at + 40].split())
        who = gold_speaker_of(text[st.span[0] : st.span[1]], gold)
        case = Case(name, cand.speaker or "", at, st.speaker.name, who, "unmatched", context=context)
        if who is not None:
            if is_actor(st.speaker, who, gold):
                case.verdict = "right"
            else:
                case.verdict = "wrong"
                gold_draft = next((d for d in drafts if is_actor(d, who, gold)), None)
                case.why = classify(text, st, gold_draft, stmts[i - 1] if i else None)
                said = cand.pieces or (cand.span,)
                case.quoted = inside_quotes(text, last_mention(text, st.speaker, at, said))
        out.append(case)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, action="append", help="gold folders (default: the five dev sets)")
    parser.add_argument("--show", type=int, default=0, help="print this many wrong cases with their context")
    parser.add_argument("--name", default="pronoun-speakers")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    folders = args.gold or [REPO / "bench" / "real" / s for s in DEV_SETS]
    if any(is_blind(f) for f in folders):
        parser.error("a blind set is measured by the lead only")
    found = [c for f in folders for g in load_golds(f) for c in cases(g)]
    verdicts = Counter(c.verdict for c in found)
    why = Counter(c.why for c in found if c.verdict == "wrong")
    quoted = sum(c.quoted for c in found if c.verdict == "wrong")
    summary = md_table(["pronoun statements", "right", "wrong", "unmatched"],
                       [[len(found), verdicts["right"], verdicts["wrong"], verdicts["unmatched"]]])
    classes = md_table(["class of the wrong ones", "count"], [[k, v] for k, v in why.most_common()])
    print(summary, classes, f"chosen one last named inside a quotation: {quoted}", sep="\n\n")
    for c in [c for c in found if c.verdict == "wrong"][: args.show]:
        print(f"\n{c.article} [{c.why}{', quoted' if c.quoted else ''}] {c.phrase!r}: {c.chosen} (gold {c.gold})")
        print(f"   … {c.context}")
    if not args.no_write:
        write_report(args.name, "Pronoun speakers against the gold speaker (development sets, no model)",
                     [("Verdicts", summary), ("Classes", classes + f"\n\nchosen one inside a quotation: {quoted}")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
