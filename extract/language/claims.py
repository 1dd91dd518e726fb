"""Whether two statements of one accuser against the same accused carry one claim or two.

An allegation is one claim with its evidence: a quotation continued, its paraphrase, the same wrong named
again go together; a second, different charge is an allegation of its own. Apart from `allegations` (who
accuses whom in one statement): this groups statements once the sides are known.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from extract.language.accusation_words import BACK_REFERENCE_RE, QUOTED_LABEL_RE
from extract.language.attribution import StatementDraft
from extract.language.categories import names_a_wrong, wrong_stems
from extract.language.evaluative import speaks_ill
from extract.language.stopwords import STOPWORDS

#: Share of content words two statements must have in common to carry one claim (see `same_claim`).
SAME_CLAIM_SHARE = 0.25
_WORD = re.compile(r"[^\W_]+")


def _claim_words(said: str, names: set[str]) -> set[str]:
    return {w for w in _WORD.findall(said.casefold()) if w not in STOPWORDS and w not in names}


def same_claim(text: str, one: StatementDraft, other: StatementDraft, names: set[str]) -> bool:
    """Whether two statements of one accuser against the same accused carry one claim, not two.

    A quotation continued, the statement right after it, or a quotation and its paraphrase (sharing their
    words) carry one claim; a second charge later on ("he ran a fraudulent college", then, paragraphs
    later, "he repeats racist words") does not. A later statement whose own words name no wrong, speak no
    ill and point back ("urged the council to call out Daly on this") has no charge of its own: it goes on
    with the one made ("him for not paying income tax" names a charge the word lists lack: it stays apart).
    `names` are the actors' name words, which every statement about them shares.
    """
    if other.candidate.continues == one.candidate.id or other.candidate.sentence == one.candidate.sentence:
        return True
    later = max(one, other, key=lambda st: st.span[0])
    said = later.said(text)  # the words said: `"Q1," X charged. "Q2."` names no wrong by its cue
    if not (names_a_wrong(said) or speaks_ill(said)) and BACK_REFERENCE_RE.search(said):
        return True
    if wrong_stems(one.said(text)) & wrong_stems(other.said(text)):
        return True  # the same wrong named again: "Daly tells so many lies", later "we fear Daly may lie"
    if _quoted_labels(text, one) & _quoted_labels(text, other):
        return True  # the same label quoted again: the headline's "Daly 'A Disgrace'", then 'Daly a "disgrace"'
    if abs(other.number - one.number) == 1:  # the next statement goes on with the charge: "He lied. He hid it."
        return True
    a, b = _claim_words(one.said(text), names), _claim_words(other.said(text), names)
    return bool(a and b) and len(a & b) / len(a | b) >= SAME_CLAIM_SHARE


def _quoted_labels(text: str, st: StatementDraft) -> set[str]:
    """The labels quoted in the words said; not a title the attribution quotes ('said on "This Week"')."""
    return {m["label"].casefold() for a, b in st.parts or (st.span,) for m in QUOTED_LABEL_RE.finditer(text, a, b)}


def same_telling(
    text: str, one: StatementDraft, other: StatementDraft, stmts: Sequence[StatementDraft], accusing: Collection[int]
) -> bool:
    """Whether one speaker goes on with one charge from one statement to the other, uninterrupted.

    Every statement between them is the same speaker's, accuses no one and names no wrong: the story of the
    wrong told on ("the mayor let the council think the fund was sound", then how the books were kept, then
    "I moved the money myself, on his orders"), or an aside between two sentences of one charge. Another
    voice, another accusation, or a wrong named in between (a charge the labels missed: "Russia supplies
    them in turn") ends the telling: a charge after it is a charge of its own. `accusing` holds the `id` of
    each statement that accuses someone.
    """
    if one.speaker is not other.speaker:
        return False
    lo, hi = sorted((one.span[0], other.span[0]))
    return all(
        st.speaker is one.speaker and id(st) not in accusing and not names_a_wrong(st.said(text))
        for st in stmts
        if lo < st.span[0] < hi
    )


def claim_index(text: str, said: Sequence[StatementDraft]) -> int:
    """Which of an allegation's statements its claim is taken from: the one naming most wrongs, the first if tied.

    The charge is in the words that name the wrong ("the mayor was slow to act", then "he hid the bribes and
    lied to the council"), not merely in whichever statement came first; statements naming no wrong ("the
    mayor for backing the harbour deal", then "He's reckless") leave the first.
    """
    counts = [len(wrong_stems(st.said(text))) for st in said]
    return counts.index(max(counts))
