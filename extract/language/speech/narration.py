"""Narration read as speech: a reporting verb in a sense that is not speech, known by the words that follow it.

"denied Ann Roe a free shot" (deny with two objects), "called for a timeout", "conceded two soft goals", "claimed
the title", "signaled the launch of the inquiry", "added 12 points and six rebounds", "posted a 3-0 record", "wrote
off $2 billion", "refugees admitted to the United States": the verb reports an act, its object is no clause, no
quotation and nothing said. The table below (English as data) lists, by the verb's lemma, the openings of the words
after the cue that make it narration; `narrated` drops a candidate of the rules or the learned finder whose content
so opens.
"""

from __future__ import annotations

import re

from extract.language.speech.candidates import SpeechCandidate, dropping
from extract.language.speech.vocabulary import _FORM_TO_LEMMA

#: Nouns of sport's tallies and prizes: what a side concedes, claims or calls for on the field.
_SCORE_NOUNS = (
    r"goals?|points?|runs?|tries|try|wickets?|penalt(?:y|ies)|corners?|free[- ]kicks?|fouls?|catch(?:es)?|"
    r"sets?|frames?|baskets?|touchdowns?|timeouts?|time-outs?|title|titles|crown|trophy|trophies|medals?|cup|"
    r"championships?|pole|podium|jersey|rebounds?|assists?|boards|steals|blocks|yards|saves|awards?|prizes?|mvp|"
    # General news (L3S-GN1): "added the overtime game winner", "blasting four sixes" ("claimed victory" is a
    # politician's claim in PolNeAR: a victory only with its score, `_SCORED_WIN`).
    r"winners?|equali[sz]ers?|sixes|boundaries"
)
#: Up to four words before the noun: "a number of soft", "the", "two late", "his first"; not a clause or a
#: phrase opening ("claimed that his points …", "claimed at one point, …").
_NOUN_PHRASE_OPENING = (
    r"(?!(?:that|to|it|he|she|they|we|i|you|there|these|those|which|what|whether|if|how|why|who|at|in|on|for|with"
    r"|by|from|after|before|during|as|when|while)\b)"
    r"(?:(?!(?:to|that|and|or|but|who|which|would|will|should|could|must|can)\b)(?:[a-z][\w-]*|[A-Z]{2,}|\d[\w.,-]*)\s+)"
    r"{0,5}?"  # "his third consecutive NFL MVP award"
)
#: The noun ends its phrase (punctuation, a preposition, a conjunction or a time word follows): "claimed the title
#: with a win" narrates, "claimed the points system was rigged" reports a clause.
_PHRASE_ENDS = (
    r"(?=\s*(?:$|[,.;:!?)]|(?:with|in|on|at|for|from|of|against|to|and|but|as|after|before|this|last|since|during|by"
    r"|over|under|when|while|inside|within|each|apiece|off|into|past|through)\b))"
)
#: An object that is a person (a pronoun or a capitalised name) followed by a second object: "Ann Roe a shot".
_TWO_OBJECTS = (
    r"(?:him|her|them|us|me|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:a|an|the|any|his|her|their|its|access|entry|permission|victory)\b(?!\s*[,.])"
)


def _tally(*more: str) -> str:
    """A noun phrase headed by a noun of `_SCORE_NOUNS` (or one of `more`) that ends there."""
    return _NOUN_PHRASE_OPENING + r"(?:" + "|".join((_SCORE_NOUNS, *more)) + r")\b" + _PHRASE_ENDS


#: A tally's figures ("claimed 3-51 in ten overs", a bowler's wickets for runs) or a goal counted by its ordinal
#: ("added his second on the hour mark", "added Athletic's third after 68 minutes"), alone before a phrase's end.
_FIGURES = r"\d+-\d+\b(?!-)"
_SCORED_WIN = r"(?:an?\s+)?(?:[\w-]+\s+){0,2}?\d+-\d+\s+(?:victory|win|triumph)\b"  # "claimed a 34-20 victory"
_NTH_GOAL = (
    r"(?:(?:his|her|their|its|the|a)\s+|[A-Z][\w.-]*(?:'s|’s)\s+)?"
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))" + _PHRASE_ENDS
)
#: A bare count before a phrase's end: "added 14 for the Reds", "added 11, nine of them in the second half".
_BARE_COUNT = r"\d+(?!\d|[.,]\d)" + _PHRASE_ENDS  # not "added 151,000 jobs"

#: Whom a body admits (lets in), not what it concedes: "admitting more students", "refugees admitted to the U.S.".
_LET_IN = (
    r"(?:[\w-]+\s+){0,3}?(?:students|refugees|immigrants|migrants|patients|applicants|asylum[- ]seekers)\b",
    r"to\s+(?:the\s+)?(?:United States|U\.S\.|US|country|hospital|school|college|university)\b",
)

#: By lemma, patterns of the words right after the cue (read as a regular expression from the content's start)
#: that make the verb narrate an act. Fired / right / wrong on PolNeAR train and L3S: the branch's report.
NARRATED_OBJECTS: dict[str, tuple[str, ...]] = {
    "deny": (_TWO_OBJECTS,),  # "denied Ann Roe a free shot", "denied them access"
    "call for": (_tally("the ball"),),  # "called for a timeout"
    "concede": (_tally("the lead", "a lead"),),  # "conceded two soft goals"
    "claim": (
        _tally(),  # "claimed the title", "claimed his first medal"
        r"(?:the\s+)?(?:[\w,-]+\s+){0,3}lives\b",  # "the blast claimed 30 lives", "claimed up to 61 lives"
        _FIGURES,  # "claimed 3-51"
        _SCORED_WIN,
    ),
    "add": (_tally(), _NTH_GOAL, _BARE_COUNT),  # "Ann Roe added 12 points and six rebounds", "… added 14 for …"
    "blast": (_tally(),),  # "blasting four sixes"
    "slam": (_tally("ball", "puck", "door", "brakes"),),  # "slammed the ball off the post"
    "post": (_tally("record", "shutouts?", "profits?", "loss", "losses", "wins?"),),  # "posted a 3-0-0 record"
    # "scored 21 points to lead the Hawks", "22 unanswered points to keep its season alive": "points" is a noun.
    "point to": (r"(?:lead|pace|power|spark|carry|keep|go|help|seal|clinch|secure|finish|give|tie|move|pull)\b",),
    "write": (r"off\b",),  # "wrote off $2 billion of debt", "has written off the effort": to give up on, not to write
    "show": (r"off\b",),  # "showed off its new car": displayed
    "admit": _LET_IN,
    "signal": (r"(?:the|a|an)\s+(?:[\w-]+\s+)?(?:launch|start|end|beginning|arrival|onset|advent|dawn|return)\b",),
    "chant": (r"(?:his|her|their)\s+names?\b",),  # "the crowd chanted his name"
}

#: A learned cue that is a copula, not a reporting verb, when a noun phrase follows it: "the fog seems a major cause
#: of the crash" describes; "seemed to blame the network" (an attitude PolNeAR annotates) stays.
_COPULA_CUE = re.compile(r"(?:seems?|seemed|appears?|appeared)", re.IGNORECASE)
_COPULA_OBJECT = re.compile(r"(?:a|an|the)\b")

_FORM_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(f) for f in sorted(_FORM_TO_LEMMA, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_COMPILED = {lemma: [re.compile(p) for p in patterns] for lemma, patterns in NARRATED_OBJECTS.items()}


def _lemma(cue: str) -> str | None:
    """The lemma of the last reporting verb in a cue's words ("have been guilty of conceding": concede)."""
    found = list(_FORM_RE.finditer(cue))
    if not found:
        return None
    lemma = _FORM_TO_LEMMA[re.sub(r"\s+", " ", found[-1].group(0).lower())]
    return f"{lemma} for" if lemma == "call" and cue.lower().endswith(" for") else lemma


def narrated(text: str, cand: SpeechCandidate) -> bool:
    """Whether a candidate's cue narrates an act (see `NARRATED_OBJECTS`), not speech."""
    if cand.cue is None or cand.cue_span is None:
        return False
    if cand.span[0] < cand.cue_span[1] or text[cand.cue_span[1] : cand.span[0]].strip(" ,"):
        return False  # what was said comes before the cue, or a quotation or phrase stands between them
    words = cand.cue.split()
    if _COPULA_CUE.fullmatch(words[-1]) and _COPULA_OBJECT.match(text, cand.span[0], cand.span[1]):
        return True
    lemma = _lemma(cand.cue)
    patterns = _COMPILED.get(lemma or "", ())
    return any(p.match(text, cand.span[0], cand.span[1]) for p in patterns)


def drop_narrated(text: str, cands: list[SpeechCandidate]) -> list[SpeechCandidate]:
    """The candidates that are not narration, and no continuation of one that is, numbered again from 1."""
    return dropping(cands, lambda c: narrated(text, c))
