"""Definite descriptions: "the company", "the mayor", "the watchdog" refer back to an actor named before.

News names an actor once and then describes it: "Norvane Logistics Group … The company said", "Mayor
Gordon Ashby … the mayor's campaign". A description is resolved to an actor named before it that it fits:
one whose name shares a word with it ("the trust" for "… Hospitals Trust", "the research firm" for
"Greyhollow Research") or a person whose role says so ("the mayor"), else one of the kind its head noun
implies ("company" an organisation, "ministry" a government); among equals the most named, then the latest.
Without such an actor the description stays unresolved.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from extract.language.actors import TITLE_WORDS, ActorDraft, last_named
from extract.language.finishing import AGENT_WORDS
from extract.language.grounding import Span, find_all_before
from extract.language.role_descriptions import age_of, role_words, shows
from extract.language.stopwords import STOPWORDS

_ORG = frozenset({"organization"})
_ORG_GOV = frozenset({"organization", "government", "international_organization"})
_GOV = frozenset({"government", "country"})
#: Head nouns of descriptions and the kinds of actor they can refer to.
CLASS_KINDS: dict[str, frozenset[str]] = {
    **{w: _ORG for w in (
        "company", "firm", "business", "retailer", "carrier", "lender", "bank", "insurer", "manufacturer",
        "maker", "startup", "chain", "airline", "publisher", "developer", "producer", "supplier", "group",
        "charity", "team", "club", "party", "campaign", "union", "operator", "conglomerate", "automaker",
        "chipmaker", "giant", "brand", "house",
    )},
    **{w: _ORG_GOV for w in (
        "agency", "authority", "regulator", "watchdog", "commission", "board", "body", "council", "committee",
        "trust", "foundation", "institute", "association", "organization", "organisation", "alliance", "bloc",
        "court", "tribunal", "office", "bureau", "service",
    )},
    **{w: _GOV for w in ("ministry", "government", "administration", "cabinet", "department", "presidency")},
    **{w: frozenset({"media"}) for w in ("newspaper", "paper", "broadcaster", "outlet", "network", "magazine")},
    **{w: frozenset({"armed_group"}) for w in ("militia", "rebels", "insurgents", "faction")},
}
#: Words that say what an organisation is, written in its name ("Democratic Party", "Brennan Center for Justice",
#: "Labor Department", "Communications Workers of America", "Congress").
NAMED_CLASSES = frozenset({
    "party", "committee", "commission", "council", "union", "foundation", "institute", "association",
    "university", "college", "school", "center", "centre", "department", "ministry", "court", "campaign",
    "church", "league", "federation", "congress", "parliament", "senate", "assembly", "agency", "bureau",
    "office", "board", "workers", "democrats", "republicans",
})  # fmt: skip
#: Heads that say what kind of body is meant ("the company", "the campaign", "the administration"): fitted by
#: kind alone, they never take a body whose name says it is another kind (a `NAMED_CLASSES` word that is not
#: the head). Generic heads ("the group", "the organization", "the agency") may describe any body and are not
#: here. PolNeAR train: 10 speakers change, 7 from a wrong body ("The company" the union on strike against it,
#: "The administration" Congress) to the right one or to the unnamed description, 3 from one wrong body to
#: another, none from a right one.
SPECIFIC_HEADS = frozenset({
    "company", "firm", "business", "retailer", "carrier", "lender", "bank", "insurer", "manufacturer", "maker",
    "startup", "chain", "airline", "publisher", "developer", "producer", "supplier", "operator", "conglomerate",
    "automaker", "chipmaker", "brand", "campaign", "administration", "government", "cabinet", "presidency",
})  # fmt: skip
#: Heads that describe a person by function; they fit an actor whose role or name carries the word.
PERSON_HEADS = TITLE_WORDS | frozenset({
    "councilmember", "councillor", "councilman", "councilwoman", "commissioner", "coach", "manager", "rider",
    "player", "engineer", "nurse", "doctor", "executive",
})

#: "the" and up to three lower-case words after it; the head is the last of them that is a known head noun.
_DESCRIPTION = re.compile(r"\b[Tt]he((?:\s+[a-z][\w-]*){1,3})")
_WORD = re.compile(r"\S+")


def refers_to(text: str, span: Span, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The actor a speaker phrase that is a description ("The company", "the research firm") refers to."""
    match = _DESCRIPTION.fullmatch(text, span[0], span[1])
    if match is None:
        return None
    words = match[1].split()
    return _antecedent(words[:-1], words[-1], span[0], drafts)


#: "A patients' group", "an ethics watchdog": an actor introduced before the article names it.
_INDEFINITE = re.compile(r"[Aa]n?\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*)")


def refers_forward(text: str, span: Span, after: int, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The actor an indefinite speaker ("A patients' group accused …") turns out to be, named later.

    News leads introduce an accuser by description and name it in a later sentence ("Patients Voice Wenbury
    said …"): the first actor of the fitting kind first mentioned after `after` (the end of the lead's
    paragraph). Actors already named by then (the accused in the same lead) are never it.
    """
    match = _INDEFINITE.fullmatch(text, span[0], span[1])
    if match is None or match[2] not in CLASS_KINDS:
        return None
    kinds = CLASS_KINDS[match[2]]
    later = [d for d in drafts if d.kind in kinds and d.mentions and d.mentions[0][0] >= after and not d.unnamed]
    return min(later, key=lambda d: d.mentions[0][0]) if later else None


#: Heads of a description of the person the story is about ("the candidate", "the Florida senator"): with no
#: clue to someone else, the person named last. Other heads of people ("the moderator", "the Christie
#: supporter", "the man") describe someone by a role they hold or a relation; only that role, written at
#: the person's name, resolves them (`refers_to`).
FIGURE_HEADS = frozenset({
    "candidate", "nominee", "front-runner", "frontrunner", "senator", "governor", "president", "congressman",
    "congresswoman", "lawmaker", "politician", "businessman", "businesswoman", "billionaire", "mogul",
    "neurosurgeon", "socialist", "secretary", "mayor", "ambassador", "star", "incumbent", "challenger",
})  # fmt: skip
#: Party members news describes by their party alone ("the Wisconsin Republican"): heads, though capitalised,
#: and how the text marks a person as one near their name ("Republican Sen. Jo Roe", "the GOP candidate").
PARTY_HEADS: dict[str, tuple[str, ...]] = {"Republican": ("republican", "gop"), "Democrat": ("democrat", "democratic")}
#: How news abbreviates a title before a name ("Sen. Marco Rubio"): a clue that the person holds it.
_TITLE_FORMS: dict[str, tuple[str, ...]] = {
    "senator": ("senator", "sen."), "governor": ("governor", "gov."), "president": ("president",),
    "congressman": ("rep.", "congressman"), "congresswoman": ("rep.", "congresswoman"), "mayor": ("mayor",),
    "secretary": ("secretary",), "ambassador": ("ambassador",),
}  # fmt: skip
#: "the" (or "this", "that"), up to four modifiers (capitalised ones too: "the Florida senator", "the former
#: secretary of state", "the presumptive Republican presidential nominee"), the head noun, and an optional
#: "from/of Place" ("the senator from Massachusetts").
_PERSON_DESCRIPTION = re.compile(
    r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<mods>(?:[\w.'’-]+\s+){0,9}?)(?P<head>[a-z][\w-]*|\d{1,3}-year-old|"
    + "|".join(PARTY_HEADS)
    + r")"
    r"(?P<place>\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?,?"
)
#: Words for someone who works for a figure, not the figure: "his campaign manager" is never "the candidate".
_STAFF_WORDS = frozenset({
    "aide", "aides", "adviser", "advisor", "manager", "strategist", "spokesman", "spokeswoman", "spokesperson",
    "lawyer", "attorney", "counsel", "consultant", "pollster", "operative", "staffer",
})  # fmt: skip
#: How far back (characters) the person a description refers to must have been named last.
PERSON_LOOKBACK = 1500
#: How far from a mention of the person a clue may be written to fit them ("Florida Sen. Marco Rubio").
_NEAR = 60


#: Heads of a description of the story's figure: a role ("the senator") or a party ("the Ohio Republican").
_FIGURE_OR_PARTY_HEADS = FIGURE_HEADS | PARTY_HEADS.keys()


def _figure_description(text: str, span: Span) -> re.Match[str] | None:
    """The speaker phrase at `span` read as a description of the story's figure, else None."""
    match = _PERSON_DESCRIPTION.fullmatch(text, span[0], span[1])
    return match if match is not None and match["head"] in _FIGURE_OR_PARTY_HEADS else None


def describes_person(text: str, span: Span) -> bool:
    """Whether a speaker phrase describes the story's figure ("The Vermont senator"): what `refers_to_person` reads."""
    return _figure_description(text, span) is not None


def refers_to_person(text: str, span: Span, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The person a description of the story's figure ("the candidate", "the Vermont senator") refers back to.

    A reader takes the person named last before it, unless its words point at someone else: of the people
    named within `PERSON_LOOKBACK` characters before, the one with most clues (its capitalised modifiers,
    "Florida", "Republican"; its title, "Sen.") in the words that describe them at their name (`_own_words`)
    or in their role, then the latest named (named most often there was tried: it picks the wrong person more
    often on PolNeAR train).
    A description with capitalised modifiers that fit nobody, or two people alike, stays unresolved. Someone
    whose name is among the modifiers is not it ("the Clinton campaign's chairman"), nor someone the text
    gives another title and not this one ("the senator" is not "Gov. Chris Christie").
    """
    match = _figure_description(text, span)
    if match is None:
        by_role = _PERSON_DESCRIPTION.fullmatch(text, span[0], span[1])  # "the Spurs boss", "the 24-year-old"
        return _refers_by_role(text, span, drafts, by_role) if by_role is not None else None
    modifiers = _capitalised_modifiers(match)
    title = _TITLE_FORMS.get(match["head"], ())
    other_titles = {form for head, forms in _TITLE_FORMS.items() if head != match["head"] for form in forms}
    party = PARTY_HEADS.get(match["head"], ())
    fits: list[tuple[tuple[int, int], ActorDraft]] = []
    for draft, near, recent in _people_before(text, span, drafts, modifiers):
        if party and not any(re.search(rf"\b{form}\b", near) for form in party):
            continue  # "the Ohio Republican" is someone the text calls a Republican
        held = any(re.search(rf"(?<![\w.]){re.escape(form)}(?!\w)", near) for form in title)
        if title and not held and any(re.search(rf"(?<![\w.]){re.escape(f)}(?!\w)", near) for f in other_titles):
            continue
        if not held and match["head"] not in near and _STAFF_WORDS & set(re.findall(r"[a-z]+", near)):
            continue  # "the candidate" is not the man the text calls his campaign manager
        role = (draft.role or "").lower()  # a clue in the person's own role outweighs one written near them
        key = (held + sum(1 + (clue in role) for clue in modifiers if clue in near), max(recent))
        fits.append((key, draft))
    fits.sort(key=lambda fit: fit[0], reverse=True)
    if not fits or (modifiers and fits[0][0][0] == 0):
        return None  # "the Indiana governor" and nobody the text places in Indiana: not whoever came last
    if modifiers and len(fits) > 1 and fits[1][0][0] == fits[0][0][0]:
        return None  # "the Ohio senator" and two people the text calls so: a reader cannot tell which
    return fits[0][1]


def _capitalised_modifiers(match: re.Match[str]) -> set[str]:
    """A description's capitalised modifiers, lower-cased: "florida" of "the Florida senator"."""
    return {w.strip(",").lower() for w in (match["mods"] + (match["place"] or "")).split() if w[:1].isupper()}


def _people_before(
    text: str, span: Span, drafts: list[ActorDraft], modifiers: set[str]
) -> Iterator[tuple[ActorDraft, str, list[int]]]:
    """Each person named within `PERSON_LOOKBACK` before `span`, their own words and role (lower case), and where.

    Not someone whose name is among the modifiers ("the Clinton campaign's chairman" is not Clinton).
    """
    others = _Mentions([m for d in drafts if d.kind == "person" for m in d.mentions])
    for draft in drafts:
        if draft.kind != "person" or modifiers & {w.lower() for n in draft.names() for w in n.split()}:
            continue
        named = [m for name in draft.names() for m in find_all_before(text, name, span[0])]
        recent = [s for s, _ in named if s >= span[0] - PERSON_LOOKBACK]
        if not recent:
            continue
        near = " ".join(_own_words(text, start, end, span[0], others) for start, end in named)
        yield draft, f"{near} {draft.role or ''}".lower(), recent


def _refers_by_role(text: str, span: Span, drafts: list[ActorDraft], match: re.Match[str]) -> ActorDraft | None:
    """The person a description by role or age ("the Spurs boss", "the 24-year-old") refers back to, or None.

    Only someone named within `PERSON_LOOKBACK` characters before whose own words or role show that role or
    age (`role_descriptions.shows`); among them the one with most of its capitalised modifiers near, then the
    latest named.
    """
    words = match["mods"].split()
    forms, age = role_words(words, match["head"]), age_of(words, match["head"])
    if not forms and age is None:
        return None
    modifiers = _capitalised_modifiers(match)
    fits = [
        ((sum(clue in near for clue in modifiers), max(recent)), draft)
        for draft, near, recent in _people_before(text, span, drafts, modifiers)
        if shows(near, forms, age)
    ]
    if fits:
        return max(fits, key=lambda fit: fit[0])[1]
    return _previous_subject(text, span[0], drafts) if age is not None else None


#: Where a sentence ends: its stop (and a closing quotation mark) before a space, or a line's end.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?[ \t]+|\n+")
#: What may stand before a sentence's subject: an opening quotation mark, a title or a role ("Defenseman Jo Roe").
_OPENING = re.compile(r"[\"“‘]?(?:[A-Z][\w.-]*[ \t]+){0,3}")


def _previous_subject(text: str, at: int, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The person whose name opens the sentence before the one at `at`: whom "the 24-year-old" goes on about.

    "Colaiacovo, who missed 37 games, … He was hurt in a play that the 24-year-old said was dirty": news
    describes the person it has just made its subject. None when the description's own sentence opens with
    another person's name ("Al Fayed convinced Hodgson, and the 60-year-old …": either may be meant).
    """
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - 800), at)]
    if len(ends) < 2:
        return None
    current, previous = (_opener(text, e, drafts) for e in (ends[-1], ends[-2]))
    return None if current is not None else previous


def _opener(text: str, start: int, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The person named first in the sentence at `start`, when only capitalised words stand before the name."""
    opening = _OPENING.match(text, start)
    reach = opening.end() if opening else start
    found = [(s, d) for d in drafts if d.kind == "person" for s, _ in d.mentions if start <= s <= reach]
    return min(found, key=lambda m: m[0])[1] if found else None


#: Where the words before a name stop describing it: a clause's punctuation or a sentence's end ("said. ").
_CLAUSE_START = re.compile(r"[,;:!?()\[\]“”\"—\n]|(?<=[a-z]{4})\.\s")
#: Function words that open a title rather than end the clause before it ("then Sen. Jo Roe").
_TITLE_STOPWORDS = frozenset({"then"})
#: An appositive, a party tag, a home or what the name is said to be, to its end: ", the Democratic nominee,"
#: "(D-Vt.)", " of Ohio", " would become the Republican candidate".
_APPOSITIVE = re.compile(
    r"(?:\s*(?:,|\()|\s+(?=(?:of|from)\s+[A-Z])|\s+(?:is|was|became|(?:would|will|has|had)\s+(?:be|become|been))\s+"
    r"(?=the\s))([^,;()\n]*)"
)


class _Mentions:
    """People's mentions, their starts and their ends each sorted: `_own_words` asks per name which lie near it."""

    def __init__(self, spans: list[Span]) -> None:
        self.starts = sorted(s for s, _ in spans)
        self.ends = sorted(e for _, e in spans)

    def last_end(self, low: int, high: int) -> int | None:
        """The latest end within `[low, high]`, if any."""
        at = bisect.bisect_right(self.ends, high)
        return self.ends[at - 1] if at and self.ends[at - 1] >= low else None

    def first_start(self, low: int) -> int | None:
        """The earliest start at or after `low`, if any."""
        at = bisect.bisect_left(self.starts, low)
        return self.starts[at] if at < len(self.starts) else None


def _own_words(text: str, start: int, end: int, limit: int, others: _Mentions) -> str:
    """The words that describe the person named at `start`-`end`, where a description's clue must be written.

    The title run before the name, back to its clause's start, a function word or another person's name ("Ed
    Lamb attacked Democratic nominee Jo Roe": "Democratic" is Roe's only), and an appositive, party tag or
    predicate after it ("Jo Roe, the Democratic nominee,"), never past `limit`. A fixed window around the
    name gave the clue to whoever stood next to it ("the Democratic presidential candidate" was the rival
    named just after "The Democratic presidential candidate's call came after rival …").
    """
    low = max(0, start - _NEAR)
    other = others.last_end(low, start)
    cut = max([m.end() for m in _CLAUSE_START.finditer(text, low, start)] + ([other] if other is not None else []),
              default=low)
    own = text[max(low, cut) : start]
    words = own.split()  # "… came after rival Jo Roe": the title run starts after the last function word
    function = [i for i, w in enumerate(words) if w.lower() in STOPWORDS and w.lower() not in _TITLE_STOPWORDS]
    own = " ".join(words[function[-1] + 1 :] if function else words)
    appositive = _APPOSITIVE.match(text, end, min(limit, end + _NEAR))
    if appositive is not None:
        after = appositive[1]
        other = others.first_start(appositive.start(1))
        stop = min(other - appositive.start(1), len(after)) if other is not None else len(after)
        own = f"{own} {after[:stop]}"
    return own


def find_references(text: str, drafts: list[ActorDraft]) -> dict[int, list[Span]]:
    """Descriptions that name their actor surely (by name or role): id(actor) -> the spans describing it.

    These widen whom a statement names (the accused it may be offered); a fit by kind alone is too loose
    for that ("the council" is not the one council named before).
    """
    found: dict[int, list[Span]] = {}
    for match in _DESCRIPTION.finditer(text):
        tokens = list(_WORD.finditer(text, match.start(1), match.end()))
        words = [t[0] for t in tokens]
        heads = [i for i, w in enumerate(words) if w in CLASS_KINDS or w in PERSON_HEADS]
        last = heads[-1] if heads else 0  # "the exchange": a word of a name ("Harlow Bay Stock Exchange")
        actor = _antecedent(words[:last], words[last], match.start(), drafts, strong=True)
        if actor is not None:
            found.setdefault(id(actor), []).append((match.start(), tokens[last].end()))
    return found


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    """The words of a name or a role (hyphenated words whole), as `_antecedent` compares them."""
    return frozenset(re.findall(r"[\w-]+", text))


@lru_cache(maxsize=4096)
def _name_words(*names: str) -> frozenset[str]:
    """The lower-cased words of an actor's name and aliases: made once per actor, not once per description."""
    return frozenset(w.lower() for name in names for w in _words(name))


def _antecedent(
    modifiers: list[str], head: str, at: int, drafts: list[ActorDraft], *, strong: bool = False
) -> ActorDraft | None:
    """The actor named before `at` that the description fits best: the closest fit, then the most named.

    A fit by name ("the trust", "the research firm") or by a person's role ("the mayor") is strong; a fit by
    kind alone ("the company" for any organisation) is weak, and `strong` refuses it.
    """
    kinds = CLASS_KINDS.get(head)
    best: tuple[int, int, int, ActorDraft] | None = None
    for draft in drafts:  # the fit first, then the mentions before `at`: most actors do not fit at all
        if draft.unnamed:  # "the company" is never "the union" the article did not name
            continue
        words = _name_words(draft.name, *draft.aliases)
        if draft.kind == "person":
            role_words = words | _words(draft.role.lower()) if draft.role else words
            former = "former" in role_words and "former" not in modifiers  # "the president" is no ex-president
            fit = 2 if head in PERSON_HEADS and head in role_words and not former else 0
        elif kinds is None:  # "the exchange" names "Harlow Bay Stock Exchange" by its last word
            fit = 2 if (draft.name.split() or [""])[-1].lower() == head else 0
        else:
            fit = 2 if head in words or any(m in words for m in modifiers) else 1 if draft.kind in kinds else 0
            if fit == 1 and head in SPECIFIC_HEADS and words & NAMED_CLASSES:
                continue  # "the company" is not the "Democratic Party", nor "the campaign" a "… Committee"
        if fit == 2 or (fit == 1 and not strong):
            before = [s for s, e in draft.mentions if e <= at]
            if not before:
                continue
            key = (fit, len(before), before[-1])
            if best is None or key > best[:3]:
                best = (*key, draft)
    return best[3] if best else None


_ROLE_OWNER = re.compile(
    r"^(?:(?P<pronoun>[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)|(?P<description>[Tt]he\s+[a-z][\w-]*)['’]s)\s+(?P<title>\S.*)$"
)


def resolve_role_owners(text: str, drafts: list[ActorDraft]) -> None:
    """Whom "his spokeswoman" or "the project's executive director" works for, from the text before the role.

    "His"/"her" is the nearest person named before the role, "its"/"their" the nearest organisation, "the
    project's" the actor the description fits. The owner becomes the person's affiliation (an organisation)
    and, for an agent's title (spokeswoman, lawyer, director), whom the person speaks for.
    """
    for draft in drafts:
        if draft.kind != "person" or not draft.role or (draft.affiliation and draft.represents):
            continue
        match = _ROLE_OWNER.match(draft.role)
        at = text.find(draft.role)
        if match is None or at < 0:
            continue
        if match["description"]:
            owner = refers_to(text, (at, at + len(match["description"])), drafts)
        else:
            person = match["pronoun"].lower() in ("his", "her")
            owner = last_named(text, 0, at, [d for d in drafts if d is not draft and (d.kind == "person") == person])
        if owner is None or owner is draft:
            continue
        if draft.represents is None and set(match["title"].lower().split()) & AGENT_WORDS:
            draft.represents = owner
        if draft.affiliation is None and owner.kind != "person":
            draft.affiliation = owner
