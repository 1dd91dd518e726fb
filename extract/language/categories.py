"""A second look at the model's accusation category: a category must be supported by its sentence's words.

The small model leans on a few categories whatever the story: "war_crimes" for mislabelled baby formula,
"corruption" for hacking and for groping. A category stands when the sentence names a wrong of that
category (for the war categories: anything about war); otherwise the category is taken from the words of the
sentence, or "other" when none fits.
"""

from __future__ import annotations

import re
from functools import lru_cache

WAR_CATEGORIES = frozenset({"military_support", "armed_aggression", "war_crimes"})

#: Words of war, "attack" aside: in political news most attacks are made with words ("Trump had personally
#: attacked his wife", "reasons to attack and critique Y"), so "attack" alone is no war (see `_without_verbal`).
_WAR_CONTEXT = (
    r"\b(?:wars?|military|troops|soldiers?|army|armies|armed|weapons?|arms|shell(?:s|ed|ing)?|missiles?|"
    r"artillery|invasion|invad\w*|bomb\w*|drones?|ceasefire|civilians?|rebels?|militants?|"
    r"militias?|forces|front\s?lines?|air\s?strikes?|occup\w+|munitions|ammunition|combat|fighters?|"
    r"defen[cs]e industry|war machine)\b"
)
_WAR_CONTEXT_RE = re.compile(_WAR_CONTEXT, re.IGNORECASE)
_ATTACK = re.compile(r"\battack(?:s|ed|ing|ers?)?\b", re.IGNORECASE)
#: The words that name each category's wrongs, most specific first (the order picks a category by words).
_BY_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (category, re.compile(pattern, re.IGNORECASE))
    for category, pattern in [
        ("war_crimes", r"\b(?:war crimes?|atrocit\w*|massacre\w*|genocide|tortur\w*|deport\w*|(?:killing|shelling|"
                       r"targeting|bombing) civilians)\b"),
        ("terrorism", r"\b(?:terror\w*|jihad\w*|extremis\w*|Islamic State|ISIS|ISIL|al[- ]Qaeda)\b"),
        ("sanctions_evasion", r"\b(?:sanctions?|embargo\w*|export controls?)\b"),
        # a wrong done to a vote, not a vote named: "voters", "the election" alone are the domain of many claims
        # ("hurt the nominee with young voters"), and a "rigged tax system" is no election
        ("election_interference", r"\b(?:interfer\w*|meddl\w*|tamper\w*|disenfranchis\w*|(?:buy\w*|bought|"
                                  r"stole|steal\w*|stuff\w*|suppress\w*|purg\w*|leak\w*|forg\w*|destroy\w*|"
                                  r"alter\w*|falsif\w*|theft\s+of|forgery\s+of)\s+(?:\w+\s+)?(?:votes?|voters|"
                                  r"ballots?|elections?)|vot(?:e|er|ing)[- ](?:buying|fraud|rigging|suppression|"
                                  r"intimidation)|ballot[- ]stuffing|(?:elections?|votes?|ballots?|primary|debate|"
                                  r"count)\s+(?:\w+\s+){0,2}rigg\w*|rigg\w*\s+(?:\w+\s+){0,2}(?:elections?|votes?|"
                                  r"ballots?|primary|debate|count))\b"),
        ("cyberattack", r"\b(?:hack\w*|malware|cyber\w*|ransomware|intrusions?)\b"),
        ("espionage", r"\b(?:spy\w*|spied|espionage|trade secrets?|confidential)\b"),
        ("corruption", r"\b(?:brib\w*|corrupt\w*|kickbacks?|embezzl\w*|misus\w*|misspen\w*|campaign (?:money|funds"
                       r"|donations)|pay[- ]to[- ]play|favou?rs|(?:spent|spends|spending|spend|used|diverted|"
                       r"pocketed)\s+(?:\w+\s+)?(?:donations|funds|public money|taxpayers?['’]? money))\b"),
        ("fraud", r"\b(?:fraud\w*|inflat\w*|mislabel\w*|misleading|falsif\w*|overstat\w*|launder\w*|deceiv\w*|"
                  r"scams?|bilk\w*|swindl\w*|tax evasion|avoid\w* (?:paying )?taxes)\b"),
        # a deceit told without a word of lying: "allowed her staff and the public to think that …", "led voters
        # to believe that …", "let them believe it"; a false story by its name ("a hoax", "the birther lie")
        ("disinformation", r"\b(?:lie[sd]?|liars?|lying|mislead\w*|misled|untruths?|cover(?:ed|ing)? up|"
                           r"(?:let|lets|letting|allow(?:s|ed|ing)?|led|leads?|leading)\s+(?:[\w'’-]+\s+){1,6}?"
                           r"(?:to\s+)?(?:think|believe)\s+(?:that|it|he|she|they|we|the)\b|"
                           r"conceal\w*|hid|hid(?:e|den|ing)|buried|propaganda|"
                           r"disinformation|misinformation|hoax\w*|conspiracy theor\w*|birther\w*)\b"),
        ("human_rights", r"\b(?:human rights|repress\w*|persecut\w*|censor\w*|crackdown|unlawful\w* detain\w*|"
                         r"detention|discriminat\w*|racis\w*|bigot\w*|xenophob\w*)\b"),
        # and the everyday crimes of police and court news: "drunken driving", "possession of marijuana"
        ("crime", r"\b(?:st[eo]al\w*|stolen|theft|traffick\w*|assault\w*|murder\w*|smuggl\w*|kill\w*|shot|shoot\w*|"
                  r"rap(?:e|ed|ing)|(?:drunk(?:en)?|drink|dangerous|reckless)[- ]driving|driving under the influence|"
                  r"possession of (?:\w+\s+){0,2}?(?:drugs?|marijuana|cannabis|cocaine|heroin|narcotics|"
                  r"(?:controlled|illegal) substances?|stolen|firearms?|a firearm)|burglar\w*|"
                  r"robber(?:y|ies)|kidnap\w*|abduct\w*|arson|shoplift\w*|manslaughter|hit[- ]and[- ]run|"
                  r"stabb\w*|vandali[sz]\w*)\b"),
        ("armed_aggression", r"\b(?:invasion|invad\w*|attack(?:s|ed|ing)?|air\s?strikes?|shell(?:s|ed|ing)|"
                             r"bomb(?:s|ed|ing)|occup\w+|aggression|offensive)\b"),
        ("military_support", r"\b(?:suppl\w*|weapons?|arms|munitions|ammunition|materials?|equipment|"
                             r"assistance|enabler|war machine|defen[cs]e industr\w*|military (?:aid|support|"
                             r"technolog\w*|capabilit\w*))\b"),
        ("misconduct", r"\b(?:doping|banned substance|negligen\w*|harass\w*|abus\w*|breach\w*|grop\w*|sexual\w*|"
                       r"misconduct|mishandl\w*|incit\w*)\b"),
    ]
]
_OWN_WORDS = dict(_BY_WORDS)


def _without_verbal(sentence: str) -> str:
    """The sentence without its "attack" words when nothing else in it is about war: attacks made with words."""
    return sentence if _WAR_CONTEXT_RE.search(sentence) else _ATTACK.sub(" ", sentence)


def plausible_category(category: str, sentence: str) -> str:
    """The model's category when the sentence names its kind of wrong, else the one its words name, else "other".

    Between the war categories the sentence's words decide too ("could pose a danger" is no war crime); a war
    category no war category's words support stands when the sentence is about war at all. "Attacked" with no
    other word of war is an attack in words ("personally attacked his wife"): no war category (`_without_verbal`
    has cut it, so only `_WAR_CONTEXT` is left to say the sentence is about war).
    """
    sentence = _without_verbal(sentence)
    own = _OWN_WORDS.get(category)
    if own is not None and own.search(sentence):
        return category
    named = next((name for name, words in _BY_WORDS if words.search(sentence)), None)
    if named is None and category in WAR_CATEGORIES and _WAR_CONTEXT_RE.search(sentence):
        return category
    return named or "other"


def supported_by_words(category: str, sentence: str) -> bool:
    """Whether a sentence names a wrong of the category ("other" needs no words; war words support war)."""
    sentence = _without_verbal(sentence)
    own = _OWN_WORDS.get(category)
    return (
        category == "other"
        or (own is not None and own.search(sentence) is not None)
        or (category in WAR_CATEGORIES and _WAR_CONTEXT_RE.search(sentence) is not None)
    )


@lru_cache(maxsize=1024)
def names_a_wrong(sentence: str) -> bool:
    """Whether a sentence names a wrong of any category (hacking, bribes, lies, an invasion...).

    A vote or an election named is no wrong ("I will vote for her", "voters decide"): the election words
    above name a wrong done to a vote ("rigged the election", "buying votes"). Cached: the judge asks it of the
    same sentence for every statement and every name in it.
    """
    return any(words.search(sentence) for _, words in _BY_WORDS)


_SUFFIX = re.compile(r"(?:ences?|ances?|ions?|ing|ed|es|s|e)$")


def wrong_stems(sentence: str) -> set[str]:
    """The words of the sentence that name a wrong done, cut to a stem ("lies" and "lie" are one wrong).

    "interference" and "interfere", "lies" and "lie" name one wrong twice.
    What is supplied ("materials", "weapons", "military technology") is left out: it is what a charge is about,
    and two charges about the same weapons (selling them, hiding the sales) are two.
    """
    return {
        " ".join(_SUFFIX.sub("", w)[:6] for w in m.group(0).casefold().split())
        for category, words in _BY_WORDS
        if category != "military_support"
        for m in words.finditer(sentence)
    }


#: Before a wrong that nobody is said to have done: one prevented, fought, overcome or ended ("ready to end the
#: era of waiting for the next attack", "to stop terrorism", "the fight against corruption", "protect voters from
#: fraud", "helped women overcome discrimination", "spoke out against racism") or one still to come ("the next
#: attack", "future attacks"). Not "against" alone ("charges against Daly for fraud") nor "confront"/"oppose".
_PREVENTING = (
    r"\b(?:end|ends|ended|ending|stop|stops|stopped|stopping|prevent\w*|avert\w*|thwart\w*|foil|foils|foiled|"
    r"deter|deters|deterred|deterring|combat\w*|fight|fights|fighting|fought|counter|countering|defeat\w*|"
    r"protect\w*|guard\w*|root\s+out|crack\w*\s+down\s+on|overc[oa]m\w*|eradicat\w*|stamp\w*\s+out|"
    r"(?:stand|stands|stood|standing)\s+up\s+(?:to|against)|(?:speak|speaks|spoke|speaking)\s+out\s+against|"
    r"the\s+next|future)\b"
)
#: Between the cue and the wrong: up to four words, no clause boundary ("stop the attack", "protect voters
#: from fraud"; not "protected aides who later lied").
_GAP = r"(?:\s+(?!(?:and|but|or|while|because|who|which|that)\b)[\w'’-]+){0,4}?\s+"
_PREVENTED = re.compile(
    _PREVENTING + _GAP + r"(?:" + "|".join(words.pattern for _, words in _BY_WORDS) + r")", re.IGNORECASE
)


@lru_cache(maxsize=1024)
def without_prevented(sentence: str) -> str:
    """The sentence with each prevented, fought or future wrong cut out, from its cue to the wrong's word.

    A wrong named that way is nobody's doing, so it neither names a wrong done nor speaks ill of anyone
    ("ready to end the era of waiting for the next attack" is praise). Only those words go: "failed to stop
    the attack" keeps "failed to", which speaks ill.
    """
    return _PREVENTED.sub(" ", sentence)
