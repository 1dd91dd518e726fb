r"""A clause's subject that only undergoes a passive verb did not do the wrong, unless that verb charges it.

"Reed was once asked how …", "Quill was elected in May", "Daly was told …": the subject is whom the act befell,
and a small model that blames every name of a charged sentence blames it too. But "Reed was accused of …",
"was indicted", "was caught lying", "was found to have lied", "is said to have taken bribes" name the one
charged, and the agent after "by" ("was asked by Osk") stays a doer (`name_positions.DOER_BEFORE`).
English as data: the participles that charge their subject (the accusing verbs' own forms and a few more), those
whose subject does the act of the infinitive that follows ("is expected to", "is said to have").
"""

from __future__ import annotations

import re

from extract.language.accusation_words import ACCUSING_VERBS, ONLY_WITH_FOR

#: Participles besides the accusing verbs' whose subject is the one charged, suspected, punished or named
#: something ("Reed is seen as a bully", "should be disqualified"), and "-ed" adjectives that charge ("Reed is
#: biased", "is unqualified").
CHARGED_PARTICIPLES = (
    "convicted", "implicated", "caught", "impeached", "prosecuted", "investigated", "probed", "subpoenaed",
    "arrested", "fined", "sanctioned", "exposed", "involved", "linked", "tied", "connected", "suspected",
    "discredited", "disgraced", "busted",
    # punished
    "disqualified", "punished", "jailed", "imprisoned", "locked", "removed", "fired", "ousted", "expelled", "banned",
    "suspended", "disbarred", "sentenced", "bought",
    # named something
    "seen", "viewed", "regarded", "perceived", "considered", "deemed", "described", "portrayed", "painted",
    "labell?ed", "branded", "dubbed", "called", "characteri[sz]ed", "depicted", "known",
    # "-ed" adjectives of blame
    "biased", "crooked", "wicked", "unqualified", "unhinged", "deranged", "misguided", "misinformed", "uninformed",
    "deluded", "obsessed", "compromised", "bigoted", "prejudiced", "conflicted", "corrupted", "twisted",
    "unprepared", "tainted", "flawed", "rigged", "ashamed", "embarrassed",
)
#: Participles whose passive subject does what the infinitive after them says: "is expected to lie", "is said to
#: have taken", "was found to have misled", "was forced to admit".
RAISING_PARTICIPLES = (
    "said", "alleged", "reported", "believed", "thought", "known", "rumou?red", "expected", "supposed", "set",
    "scheduled", "slated", "poised", "prepared", "determined", "committed", "forced", "compelled", "obliged",
    "required", "allowed", "permitted", "found", "shown", "proven", "proved", "revealed", "seen", "heard",
    "caught",
)
#: Past participles that do not end in "-ed".
IRREGULAR_PARTICIPLES = (
    "told", "given", "taken", "shown", "seen", "known", "chosen", "held", "sent", "brought", "caught", "found",
    "made", "paid", "left", "kept", "put", "set", "hit", "beaten", "born", "bought", "built", "drawn", "driven",
    "forgiven", "forgotten", "hidden", "hurt", "led", "lost", "met", "read", "run", "sold", "shot", "spent",
    "spoken", "stolen", "struck", "sworn", "taught", "thrown", "understood", "won", "written", "thought", "heard",
    "said", "done", "sought", "overheard", "overtaken", "overthrown", "undone", "withheld", "upheld", "forbidden",
    "bitten", "broken", "woken", "shaken", "stricken", "proven", "rebuilt", "retold", "outdone", "outspent",
)
ADVERB = (
    r"(?:\w+ly|not|never|once|also|still|just|even|then|later|since|already|again|twice|ever|all|both|now|too|"
    r"however|though)"
)
_BE = (
    r"(?:(?:has|have|had|will|would|could|can|may|might|must|should|shall)\s+(?:" + ADVERB + r"\s+)*"
    r"(?:been|be|get|gotten)|is|are|was|were|be|been|being|get|gets|got|gotten|getting)"
)
_CHARGING = sorted(
    {form for lemma, forms in ACCUSING_VERBS.items() if lemma not in ONLY_WITH_FOR | {"hold responsible"}
     for form in forms}
    | set(CHARGED_PARTICIPLES),
    key=len, reverse=True,
)
_ONLY_WITH_FOR = sorted({form for lemma in ONLY_WITH_FOR for form in ACCUSING_VERBS[lemma]}, key=len, reverse=True)
#: Right after a subject: its passive verb (be/get, adverbs between, a past participle) and what follows it.
PASSIVE_AFTER_RE = re.compile(
    r"(?:\s*,?\s+" + ADVERB + r")*\s*,?\s+" + _BE + r"\s+(?:" + ADVERB + r"\s+)*"
    r"(?P<participle>(?!(?:indeed|need|seed|feed|red|bed|shed)\b)\w+ed|" + "|".join(IRREGULAR_PARTICIPLES) + r")\b",
    re.IGNORECASE,
)
_CHARGED_RE = re.compile(
    r"(?:" + "|".join(_CHARGING) + r")\b"
    r"|held\s+(?:\w+\s+)?(?:responsible|accountable)\b"
    r"|(?:" + "|".join(_ONLY_WITH_FOR) + r")(?=(?:\s+by\s+[^,.;:!?]{1,40}?)?\s+for\b)"
    r"|(?:" + "|".join(RAISING_PARTICIPLES) + r")(?=\s+(?:\w+ly\s+)?to\s+(?:have\s+)?(?!(?:the|a|an|his|her|its|"
    r"their|this|that|these|those|my|our|your|me|him|them|us)\b)[a-z]+\b|\s+guilty\b|\s+liable\b)",
    re.IGNORECASE,
)


def undergoes(text: str, e: int, end: int) -> bool:
    """Whether the subject ending at `e` only undergoes the passive verb after it ("Reed was asked …").

    Not when the participle charges it ("Reed was accused of …", "was slammed for …") or its subject does the
    infinitive after it ("Reed is said to have lied", "was found guilty").
    """
    passive = PASSIVE_AFTER_RE.match(text, e, end)
    if passive is None:
        return False
    at = passive.start("participle")
    return _CHARGED_RE.match(text, at, end) is None
