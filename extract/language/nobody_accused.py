"""Statements that accuse nobody whatever names they hold: their English as data, and the tests of it.

A denial answers an accusation (`responses`), condolences console ("sorry to hear of his death"), an
exoneration ("investigated to no avail", "cleared of wrongdoing") defends whom it names, a reassurance ("we take
this very seriously") or a warning to all ("you will be held accountable") blames no one, an admission ("X
admitted his men had made mistakes", "X learned Y had been charged") concedes or learns a wrong rather than
charges one, and a call ("X should …", "urged X to …") asks someone to act rather than says what they did
(issue 12). `allegations.judge` applies these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.language.accusation_words import ACCUSING_RE
from extract.language.attribution import StatementDraft
from extract.language.categories import names_a_wrong
from extract.language.evaluative import speaks_ill
from extract.language.grounding import Span
from extract.language.speech.patterns import MANNER_ADVERB_RE
from extract.language.speech.vocabulary import ADVERBS, PERFECT_FUTURE

#: Reassurance, promise of action, expressed confidence.
REASSURANCES = (
    r"\b(?:take|takes|taking|taken|took)\s+[^.;!?]{1,60}?\bseriously\b",
    r"\b(?:is|are|am|remain|remains)\s+(?:fully\s+|deeply\s+)?committed\s+to\b",
    r"\b(?:is|are|will be|have been|has been)\s+(?:fully\s+)?cooperating\b",
    r"\bfull(?:est)?\s+(?:confidence|cooperation)\b",
    r"\bwill\s+(?:fully\s+)?(?:review|investigate|look into|examine)\b",
    r"\b(?:i|we)\s+(?:will|promise to|pledge to|vow to)\s+(?:\w+\s+)?(?:achieve|bring|deliver|ensure|seek|pursue|"
    r"find out|get to the bottom|make sure)\b",
    r"\b(?:i|we)\s+(?:promise|pledge|vow)\b|\bmake (?:this|a|that) promise\b",
)
#: A denial in the speaker's own voice: "I never had access …", "we did not …", "that is false".
DENIALS = (
    r"^\W*(?:i|we)\s+(?:have\s+|had\s+)?(?:never|did not|didn't|do not|don't|have not|haven't|had not|"
    r"hadn't|was not|wasn't|were not|weren't|am not|are not|aren't)\b",
    r"\b(?:is|are|was|were)\s+(?:completely\s+|totally\s+|absolutely\s+|simply\s+)?"
    r"(?:false|untrue|not true|baseless|unfounded|groundless|fabricated|a lie|nonsense|ridiculous)\b",
    r"\bno\s+(?:truth|basis|evidence)\s+(?:to|for|in|whatsoever)\b",
)
#: An exoneration: scrutiny that found nothing, a clearing, no case brought. Who is named was looked into and not
#: found at fault; the speaker defends them ("her career has been investigated to no avail").
_SCRUTINY = r"(?:investigat|prob|scrutiniz|scrutinis|examin|audit|search|vett|subpoena)\w*"
EXONERATIONS = (
    _SCRUTINY + r"\s+(?:[\w'’,-]+\s+){0,8}?(?:to no avail|in vain|without (?:result|success|finding|turning up)\b"
    r"|(?:and|but)\s+(?:\w+\s+){0,3}(?:found|turned up|uncovered)\s+(?:nothing|no)\b)",
    r"\b(?:cleared|absolved)\s+(?:[\w'’]+\s+)?(?:of|by)\b|\b(?:exonerated|acquitted|vindicated)\b",
    r"\b(?:found|turned up|uncovered|showed|revealed)\s+(?:no|nothing|little)\s+(?:\w+\s+){0,2}?"
    r"(?:evidence|proof|sign|indication|wrongdoing|crime|basis)\b",
    r"\bno\s+(?:charges?|case)\s+(?:was|were|would be|will be|should be)\s+(?:filed|brought|pursued|warranted)\b",
    r"\b(?:declined|refused)\s+to\s+(?:prosecute|charge|indict|bring (?:criminal\s+)?charges)\b",
    r"\b(?:did|does|do|has done|had done|have done)\s+nothing\s+(?:wrong|illegal|improper|unlawful)\b",
)
#: Sympathy: condolences, grief, a tribute. Said of one who died or suffered, it blames nobody ('he was "very
#: sorry" to hear of Reed's death'); words that still speak ill or name a wrong beside it keep their charge ("as
#: we mourn the victims of Islamic terror", "saddened by the madness of …").
SYMPATHY = (
    r"\bsorry[\"”’']?\s+to\s+(?:hear|learn|see)\b",
    r"\bcondolences\b|\bsympath(?:y|ies)\b|\bthoughts\s+and\s+prayers\b|\brest\s+in\s+peace\b",
    r"\bsaddened\s+(?:by|to)\b|\bmourn(?:s|ed|ing)?\b|\b(?:pays?|paid|paying)\s+(?:\w+\s+)?tributes?\b",
)
#: Cue lemmas of a denial: whatever the model labels, the statement answers an accusation.
DENYING_CUES = frozenset({"deny", "denies", "denied", "denying", "reject", "rejects", "rejected", "rejecting",
                          "dismiss", "dismisses", "dismissed", "dismissing", "dispute", "disputes", "disputed",
                          "disputing", "refute", "refuted", "rebut", "rebutted"})
#: Cue words of an admission or of learning: the speaker concedes a wrong of their own side ("had admitted
#: investigators had made mistakes") or learns of another's ("learned Y had been charged"), or concedes on
#: another's behalf ("an official admitted: 'He didn't say that'"); whoever charged it, not the speaker, accuses.
ADMITTING_CUES = frozenset({"admit", "admits", "admitted", "admitting", "acknowledge", "acknowledges",
                            "acknowledged", "acknowledging", "concede", "concedes", "conceded", "conceding",
                            "confess", "confesses", "confessed", "confessing", "learned", "learnt"})
#: A call to action: what someone should do is asked, not blamed ("X should disrupt …", "urged X to …").
CALLS_TO_ACTION = (
    r"\b(?:should|must|ought to|needs? to|has to|have to|had better|(?:has|have|['’]s|['’]ve)\s+got\s+to|gotta)\b",
    r"^\W*(?:the\s+)?[\w\s.'’-]{1,60}?\s+to\s+\w+",  # the rest of "urged/called on/asked X to …"
)
CALLING_CUES = frozenset({"urge", "urges", "urged", "urging", "ask", "asks", "asked", "asking", "call", "calls",
                          "called", "calling", "press", "pressed", "implore", "implored", "challenge",
                          "challenged"})
#: A warning to all: the statement's subject is everyone or its audience, nobody in particular.
GENERIC_SUBJECT = r"^\W*(?P<who>you|everyone|everybody|no one|nobody)\b"  # not "anyone who …, like Iran, …"
#: Words that open by giving what another says: "The left is saying, ‘…’", "Critics claim: …". What follows
#: is theirs, reported; the speaker blames nobody by repeating it.
OTHERS_WORDS = (
    r"^\W*(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?:is|are|was|were|has been|have been)?\s*"
    r"(?:saying|says|said|claiming|claims|claimed|arguing|argues|argued|insisting|insists|insisted)\s*[,:]"
)

#: Words a cue's verb may follow in the active voice: a perfect or future auxiliary (`PERFECT_FUTURE`) and
#: adverbs (the speech finder's `ADVERBS`, a manner adverb, and a few that sit only after an auxiliary: "has
#: denied", "has vehemently denied", "have both urged", "pointedly rejected", "has long dismissed"). Not a form
#: of "be" (a passive: "is dismissed as false", "was asked about" name who underwent it) nor "did" ("did not blame").
CUE_ADVERBS = ADVERBS | {"both", "all", "too", "twice", "only"}

REASSURANCE_RES = [re.compile(p, re.IGNORECASE) for p in REASSURANCES]
DENIAL_RES = [re.compile(p, re.IGNORECASE) for p in DENIALS]
EXONERATION_RES = [re.compile(p, re.IGNORECASE) for p in EXONERATIONS]
GENERIC_RE = re.compile(GENERIC_SUBJECT, re.IGNORECASE)
OTHERS_RE = re.compile(OTHERS_WORDS, re.IGNORECASE)
CALL_RES = [re.compile(p, re.IGNORECASE) for p in CALLS_TO_ACTION]
SYMPATHY_RES = [re.compile(p, re.IGNORECASE) for p in SYMPATHY]


def cue_verb(cue: str | None) -> str:
    """The verb of a statement's cue, lower-cased, past the auxiliaries and adverbs before it (`CUE_ADVERBS`).

    "has vehemently denied" denies as "denied" does; "did not deny", "never denied" and "was asked" give a word
    that is no denying or calling cue ("did", "never", "was"), so they are read as neither.
    """
    words = (cue or "").lower().split()
    at = 0
    while at < len(words) - 1 and (words[at] in PERFECT_FUTURE | CUE_ADVERBS or MANNER_ADVERB_RE.fullmatch(words[at])):
        at += 1
    return words[at] if words else ""


def is_denial(text: str, st: StatementDraft) -> bool:
    """Whether the statement rejects an accusation: a denying cue, or a denial in the speaker's own words."""
    cue = cue_verb(st.candidate.cue)
    said = st.said(text)  # not the attribution between its parts
    return cue in DENYING_CUES or any(p.search(said) for p in DENIAL_RES)

def exonerates(said: str) -> bool:
    """Whether the words clear whom they name and say nothing else ill.

    "Investigated to no avail", "cleared of wrongdoing" defend; "cleared of the charges, yet she lied" still
    blames (the rest of the words speak ill).
    """
    rest = _rest_after(said, EXONERATION_RES)
    return rest is not None and not (speaks_ill(rest) or names_a_wrong(rest))


def consoles(said: str) -> bool:
    """Whether the words offer sympathy and say nothing else ill: condolences blame nobody.

    'He was "very sorry" to hear of Reed's death' consoles (grief, death weigh nothing, `evaluative`); "as we
    mourn the victims of terror" still names a wrong, and "rebuked Reed by expressing sympathy" still accuses.
    """
    rest = _rest_after(said, SYMPATHY_RES)
    return rest is not None and not (speaks_ill(rest) or names_a_wrong(rest) or ACCUSING_RE.search(rest))


def _rest_after(said: str, patterns: list[re.Pattern[str]]) -> str | None:
    """The words left once every match of `patterns` is taken out, or None when none of them matches."""
    rest, found = said, False
    for p in patterns:
        rest, n = p.subn(" ", rest)
        found = found or n > 0
    return rest if found else None


@lru_cache(maxsize=1024)
def reassures_or_clears(said: str) -> str | None:
    """"reassurance", "sympathy" or "exoneration" when the words are one, else None: the words alone decide.

    Kept per text: the judge and the second look ask it of the same statement, and the patterns are searched
    over all its words (some 30 µs a statement).
    """
    if any(p.search(said) for p in REASSURANCE_RES):
        return "reassurance"
    if consoles(said):
        return "sympathy"
    return "exoneration" if exonerates(said) else None


def accuses_nobody(text: str, st: StatementDraft, described: dict[int, list[Span]] | None = None) -> bool:
    """A reassurance, an exoneration, an admission, a warning to all or what others say: no accusation at all."""
    return nobody_accused_as(text, st, described) is not None

def nobody_accused_as(text: str, st: StatementDraft, described: dict[int, list[Span]] | None = None) -> str | None:
    """Which of `accuses_nobody`'s kinds the statement is: "admission", "reassurance", "exoneration", ….

    A "you" that opens a warning to all is someone's when it addresses them (`offering.addressee`, whose
    spans are in `described`): "'You lied to this committee,' Quill told Daly".
    """
    if ADMITTING_CUES.intersection((st.candidate.cue or "").lower().split()):  # "had admitted", "admitted"
        return "admission"
    said = st.said(text)  # not the attribution between its parts
    cleared = reassures_or_clears(said)
    if cleared is not None:
        return cleared
    generic = GENERIC_RE.match(said)
    if generic is not None:
        addressed = {s for spans in (described or {}).values() for s, _ in spans}
        if st.span[0] + generic.end("who") - len(generic["who"]) not in addressed:
            return "warning to all"
    return "what others say" if OTHERS_RE.match(said) is not None else None


def calls_to_action(text: str, st: StatementDraft, within: Span | None = None) -> bool:
    """Whether the statement asks someone to act ("should …", "urged X to …") rather than says what they did.

    `within` narrows the question to one sentence of a long quotation: the one that blames ("The campaign
    sent its orders to the press. … Holt needs to check him": the call to Holt is another sentence's).
    """
    said = st.said(text)  # not the attribution between its parts
    cue = cue_verb(st.candidate.cue)
    if cue in CALLING_CUES:
        return CALL_RES[1].match(said) is not None
    return CALL_RES[0].search(text[within[0] : within[1]] if within else said) is not None
