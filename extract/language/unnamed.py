"""Unnamed sources: who speaks in "officials said", "a new survey says", "46 percent of voters said".

News attributes much of what it reports to sources it describes and does not name. Such a statement keeps
its speaker as an actor flagged `unnamed` (CONTRACT.md), named by the phrase as written, so the statement is
recorded (PolNeAR and PARC count these attributions) without passing a description off as a name; the
pipeline offers it as an accuser or accused only when it is a body the story identifies by its role
("police", "prosecutors": `institutions`).
"""

from __future__ import annotations

import re

from extract.language.actors import ActorDraft
from extract.language.grounding import Span
from extract.language.institutions import body_kind, body_mentions, body_name, known_body
from extract.language.names import DAYS, MONTHS, title_case_lines
from extract.language.stopwords import STOPWORDS

#: Words that end a description of people, never a personal name: "Fellow Republicans" are Republicans, "The
#: Wisconsin Republican" is someone described.
GROUP_WORDS = frozenset(
    {"Republicans", "Democrats", "Americans", "Conservatives", "Liberals", "Progressives", "Independents",
     "Libertarians", "Evangelicals", "Millennials", "Latinos", "Hispanics", "Catholics", "Muslims", "Christians",
     "Jews", "Veterans", "Voters", "Tories", "Socialists", "Greens", "Republican", "Democrat", "Democratic",
     "Conservative", "Liberal", "Progressive", "Independent", "Libertarian", "Evangelical", "Catholic", "Muslim",
     "Christian"}
)  # fmt: skip
#: "the", "a", "an" before a phrase: "the report" and "The report" are one source.
_ARTICLES = ("the", "an", "a")
_LEADING_ARTICLE = re.compile(r"^(?:" + "|".join(_ARTICLES) + r")\s+", re.IGNORECASE)
#: Speaker phrases no source is described by: the reader or the writer ("you", "my father"), a relative
#: pronoun ("many of whom").
_NO_SOURCE = re.compile(r"\b(?:you|my|your|our|whom|whose|which|who)\b", re.IGNORECASE)
#: Lone words that describe a group wherever they stand ("Some said", "Police said").
_GROUP_WORDS = frozenset({"police", "another", "others", "both", "several", "one", "none", "all", "most", "many"})


#: Nouns of a time: a speaker phrase made of them says when something was said, never who said it.
TIME_NOUNS = frozenset(
    {"day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "decade", "decades", "time",
     "past", "morning", "afternoon", "evening", "night", "moment", "today", "yesterday", "tonight", "now",
     "ago", "earlier", "later", "recently", "once", "then", "period", "season"}
)  # fmt: skip
#: Words that stand beside a time noun in a time phrase: "this past week", "less than two weeks ago".
_TIME_MODIFIERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "last", "next", "past", "previous", "following", "same",
     "early", "late", "earlier", "later", "recent", "few", "several", "couple", "of", "less", "more", "than",
     "about", "nearly", "almost", "over", "just", "only", "in", "on", "at", "during", "two", "three", "four", "five",
     "six", "seven", "eight", "nine", "ten", "one", "other", "entire", "whole"}
)  # fmt: skip
#: Adverbs and auxiliaries a finder may take for a speaker ("perhaps recognizing that", "would argue"): they
#: say how or whether, never who.
ADVERB_SPEAKERS = frozenset(
    {"perhaps", "possibly", "probably", "maybe", "likely", "apparently", "reportedly", "allegedly", "supposedly",
     "also", "even", "still", "only", "just", "again", "already", "often", "repeatedly", "never", "always", "would",
     "could", "should", "might", "may", "must", "will", "can", "was", "were", "is", "are", "be", "been", "to",
     "whether", "why", "how", "when", "where", "here", "there", "instead", "indeed", "however", "meanwhile",
     "nonetheless", "nevertheless", "too", "much", "more"}
)  # fmt: skip
_CALENDAR = {w.lower() for w in DAYS | MONTHS}
_DAYS = {d.lower() for d in DAYS}


def names_no_source(phrase: str) -> bool:
    """Whether a speaker phrase is a time or an adverb ("this past week", "two weeks ago", "perhaps").

    "X, the GOP chairman, this past week announced …": the finder may take the time before the verb for its
    subject; it names no one, so it is never an unnamed source (`attribution` looks for the subject before it).
    """
    words = [w.strip(",;:") for w in phrase.split()]
    if not words or any(w[:1].isupper() and i and w.lower() not in _CALENDAR for i, w in enumerate(words)):
        return False  # "The Times", "USA Today": a name after the first word
    lower = [w.lower() for w in words]
    if len(words) == 1:  # "perhaps", "now", "Friday"; not "Will" (George Will) or "May" (Theresa May)
        return words[0] in ADVERB_SPEAKERS or words[0] in TIME_NOUNS or words[0] in DAYS
    timely = TIME_NOUNS | _CALENDAR
    return any(w in timely for w in lower) and all(w in timely or w in _TIME_MODIFIERS or w.isdigit() for w in lower)


#: Words that open a clause or a sentence, never a description of a source: "Though media reports and party
#: sources", "Likewise, a paper from the left-leaning Brookings Institution", "…, but the transport agency".
_CLAUSE_OPENERS = frozenset(
    {"though", "although", "while", "but", "and", "yet", "so", "likewise", "however", "meanwhile", "still",
     "also", "instead", "indeed", "besides", "moreover", "then", "thus"}
)  # fmt: skip
#: Two-word adverbs that open a clause ("Of course the pundits said"), never a description's words.
_OPENING_PAIRS = frozenset({("of", "course"), ("in", "fact"), ("after", "all"), ("for", "example"),
                            ("for", "instance"), ("in", "turn"), ("in", "addition"), ("by", "contrast")})
#: Words that close a subject before its verb, never a description: an auxiliary or its negation ("his aides
#: haven't said"), an adverb ("The nominee later said", "Proponents, however, said").
_SUBJECT_TAILS = ADVERB_SPEAKERS | frozenset(
    {"has", "have", "had", "did", "does", "do", "hasn't", "haven't", "hadn't", "didn't", "doesn't", "don't",
     "wasn't", "weren't", "isn't", "aren't", "won't", "wouldn't", "couldn't", "shouldn't", "not", "however",
     "later", "earlier", "now", "then", "today", "yesterday", "tonight", "recently", "once"}
)  # fmt: skip
#: Last words that leave a phrase waiting for more: a preposition, a conjunction or an article.
_CUT_ENDS = frozenset(
    {"of", "for", "at", "from", "with", "in", "to", "on", "about", "during", "into", "by", "after", "before",
     "over", "under", "out", "and", "or", "but", "nor", "the", "a", "an", "than", "as"}
)  # fmt: skip


def source_phrase(phrase: str) -> tuple[int, int] | None:
    """Where, inside a speaker phrase, the description of a source is (None when no word is left).

    A finder's speaker phrase may carry what stands between the subject and its verb ("his aides haven't",
    "the nominee later", "Proponents of the bill, however", "polls at the time") or a clause before it
    ("Speaking at the show, the association", "Though party sources"); those words are not who spoke, so
    the actor is named without them. A time tail is kept when cutting it would leave the phrase waiting for
    more words ("people I've spoken with over the last weeks").
    """
    # each word with where it is, compared in lower case with a straight apostrophe ("haven’t" is "haven't")
    words = [(m.start(), m.end(), m.group().strip(",;:").lower().replace("’", "'"))
             for m in re.finditer(r"\S+", phrase)]
    commas = [i for i, (_, end, _w) in enumerate(words[:-1]) if phrase[end - 1] == ","]
    after = words[commas[-1] + 1 :] if commas else []
    while after and after[0][2] in _CLAUSE_OPENERS:
        after = after[1:]
    if after and after[0][2] in _ARTICLES:
        words = after  # "Speaking at the show, the association": an article opens the subject after the comma
    while words and (words[0][2] in _CLAUSE_OPENERS or tuple(w for *_, w in words[:2]) in _OPENING_PAIRS):
        words = words[1 + (words[0][2] not in _CLAUSE_OPENERS) :]
    if not words:
        return None
    whole = words
    while len(words) > 1 and (tail := 1 if words[-1][2] in _SUBJECT_TAILS else _time_tail(phrase, words)):
        words = words[:-tail]
    if words[-1][2] in _CUT_ENDS:  # "people I've spoken with over the last weeks": the tail was theirs
        words = whole
    start, end = words[0][0], words[-1][1]
    end -= phrase[end - 1] == ","
    return start, end


#: "one" before a modal is anybody, the writer's generic pronoun: "one might think", "one could say".
_GENERIC_ONE = re.compile(r"\s+(?:could|might|would|should|can|may|must)\b")


def _generic_one(text: str, name: str, at: Span) -> bool:
    """Whether a speaker phrase ends on the generic "one" ("By some standards one could say"): nobody speaks."""
    return name.rsplit(" ", 1)[-1].lower() == "one" and _GENERIC_ONE.match(text, at[1]) is not None


def _time_tail(phrase: str, words: list[tuple[int, int, str]]) -> int:
    """How many last words of a speaker phrase say when ("this week", "at the time", "on Tuesday"), or 0.

    One word only when it is a day ("Sunday", not "Super Tuesday") after a lower-case word or "on"; a lone
    noun of time stays ("the first time").
    """
    for n in range(len(words) - 1, 0, -1):
        tail = phrase[words[-n][0] : words[-1][1]]
        if names_no_source(tail) and (n > 1 or (words[-1][2] in _DAYS and not phrase[words[-2][0]].isupper())):
            return n
    return 0


def unnamed_source(text: str, phrase: str, at: Span, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The speaker of "officials said", "the report says", "46 percent of voters said", as an unnamed actor.

    A source the article describes and never names becomes an actor of kind "other" flagged `unnamed`, named
    by the phrase as written; one per phrase in an article (every "officials said" is the same "officials").
    It keeps the statement (PolNeAR and PARC count these attributions) without passing a description off as a
    name. A body named by its role ("Police said", "the government said": `institutions.body_kind`) gets its
    body's kind and every mention of it instead, so it may accuse and be accused. None for a phrase in a
    Title-Case headline, one that describes no source (`_NO_SOURCE`), a time or an adverb (`names_no_source`),
    or a lone capitalised word the text never writes in lower case.
    """
    inside = None if names_no_source(phrase.strip(" ,;:")) else source_phrase(phrase)
    if inside is None:
        return None
    name = re.sub(r"\s+", " ", phrase[inside[0] : inside[1]]).strip(" ,;:")
    if len(phrase) == at[1] - at[0]:
        at = (at[0] + inside[0], at[0] + inside[1])
    if (
        not name
        or _generic_one(text, name, at)
        or _NO_SOURCE.search(name)
        or names_no_source(name)
        or any(s <= at[0] < e for s, e in title_case_lines(text))
    ):
        return None
    if " " not in name and name[0].isupper() and not _a_group(text, name):
        return None  # "Perhaps", a list item's "Keeps": a capitalised word that names no group
    key = _LEADING_ARTICLE.sub("", name).lower()
    for draft in drafts:
        if draft.unnamed and _LEADING_ARTICLE.sub("", draft.name).lower() == key:
            return draft
    kind = body_kind(name)
    if kind is not None:  # "Police said", "the government said": a body that may accuse and be accused
        name = body_name(name)
        same = known_body(drafts, kind, name)
        if same is not None:  # "federal prosecutors" and later "prosecutors": one body
            same.aliases.append(name)
            more = [m for m in body_mentions(text, name) if not any(s <= m[0] < e for s, e in same.mentions)]
            same.mentions = sorted([*same.mentions, *more])
            return same
        draft = ActorDraft(name, kind, mentions=body_mentions(text, name) or [at], unnamed=True)
    else:
        draft = ActorDraft(name, "other", mentions=[at], unnamed=True)
    drafts.append(draft)
    return draft


#: Endings of plural nouns of people: "Lawmakers", "Demonstrators", "Proponents", "Delegates", "Analysts".
_PEOPLE_PLURAL = ("ers", "ors", "ents", "ants", "ists", "ysts", "ans", "ics", "ates", "ives", "ees", "als", "ies",
                  "witnesses")  # "Eyewitnesses said"
#: Plurals of people no ending above tells: "Aides said", "Experts expect", "Witnesses said", "Sources say".
_PEOPLE_WORDS = frozenset(
    {"aides", "experts", "witnesses", "sources", "dems", "pundits", "elites", "folks", "people", "women", "men",
     "kids", "teens", "adults", "scholars", "staff", "staffs", "allies", "friends", "insiders"}
)  # fmt: skip
#: Lone words that name a group, not someone: the stopwords, the group words and the plurals of people above.
_GROUP_OR_STOP = STOPWORDS | _GROUP_WORDS | _PEOPLE_WORDS


def _a_group(text: str, word: str) -> bool:
    """Whether a lone capitalised speaker word describes a group of people ("Critics", "Republicans", "Some").

    A plural of people (by its ending or as a party's members), a word of quantity, or one the text also writes
    in lower case (a common noun, not a verb at the head of a list item or an adverb).
    """
    lone = word.lower()
    return (
        lone in _GROUP_OR_STOP
        or word in GROUP_WORDS
        or lone.endswith(_PEOPLE_PLURAL)
        or re.search(rf"(?<![\w’'-]){re.escape(lone)}(?![\w’'-])", text) is not None
    )
