"""Admitting one name as an actor: the article's spelling of it, the longer name it stands for, or no actor.

Every name an actor gets passes `add_actor`, whether the model proposed it or the text named it for sure: it
is cleaned ("the", a "Miami-based" modifier, an owner's "'s"), written as the article writes it, widened to the
name every mention of it belongs to ("CADA" -> "Continental Anti-Doping Authority"), and refused when it is a
common noun, a title, a place, a nationality or a phrase. `standalone` tells a name from a word of a longer one.
"""

from __future__ import annotations

import re

from extract.language.bodies import HEADS, PLACE_NOUNS, known_body_names
from extract.language.countries import countries, demonyms, describes_people
from extract.language.countries import name_key as _key
from extract.language.grounding import Span, find_all
from extract.language.merging import ActorDraft
from extract.language.merging import merge as _merge
from extract.language.name_words import PLACE_OPENERS, census_names
from extract.language.names import (
    TITLE_WORDS,
    capital_only_from_position,
    capitalised_only_by_place,
    describes_a_person,
    from_first_capital,
    is_common_noun,
    name_in_title_case,
    never_a_name_alone,
    only_at_sentence_start,
    only_in_title_case,
)
from extract.language.not_people import nationality_before_a_name
from extract.language.person_names import FUNCTION_WORDS as _FUNCTION_WORDS
from extract.language.person_names import find_role, full_name, person_tail
from extract.language.places import is_place

_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]{0,5}")


#: A plural of initials names people by their office, never one actor: "MPs", "MEPs", "CEOs".
PLURAL_INITIALS = re.compile(r"[A-Z]{2,}s")


#: A hyphenated modifier before a name: "Miami-based", "Soviet-backed", "Republican-held", "Botox-maker".
_COMPOUND_MODIFIER = re.compile(r"^[A-Z][\w.]*-(?:[a-z]+(?:ed|ing|er)|held|run|owned|born)\s+(?=[A-Z])")


#: What no name holds: a colon or quotation mark inside it, or a run of thirteen words ("… by George Anders, she sat").
_A_PHRASE = re.compile(r"\S[:\"“”]|^(?:\S+\s+){12}\S")


#: Words that open a clause and never a name a speaker phrase starts with: "Although Bobby had converted …" names
#: Bobby, "But Cologne police said" the police. (`name_words.NOT_NAME_WORDS` keeps such runs out of `find_people`.)
_CLAUSE_OPENERS = frozenset({
    "although", "though", "whereas", "unless", "whenever", "wherever", "meanwhile", "moreover", "however",
    "nevertheless", "nonetheless", "furthermore", "perhaps", "maybe", "indeed", "besides", "but", "and", "yet",
    "while", "because", "if",
})  # fmt: skip


def add_actor(
    text: str, raw_name: str, kind: str, drafts: list[ActorDraft], warnings: list[str], *, proposal: bool = False
) -> ActorDraft | None:
    """Add one proposed actor, merging it into an existing draft when it names the same actor.

    A nationality alone ("Korean") is no name; the model's `proposal` of one is kept until `build_actors` has
    found the countries, whose alias it may be ("Philippine"), and dropped there if it is none.
    """
    name = re.sub(r"\s+", " ", raw_name.strip().strip(".,;:\"'“”")).strip()
    name = re.split(r"\s+(?:--|—|–)\s+", name)[0]  # "Kall -- co-editor of a book --": a dash opens an aside
    name = re.sub(r"^(?:the|The)\s+", "", name)
    name = _COMPOUND_MODIFIER.sub("", name)  # "Shanghai-based Hurun Report", "Clinton-backing Senate"
    name = re.sub(r"\b([A-Z])\.\s+(?=[A-Z]\.)", r"\1.", name)  # the model spaces initials: "U. S. Court"
    if not name or _PARTY_TAG.fullmatch(name):  # "R-Ky", "D-N.Y.": a party and state, no one's name
        return None
    if _A_PHRASE.search(name):  # "Perfect Enough: Carly Fiorina and the … by George Anders, Fiorina sat in …"
        warnings.append(f"dropped actor {raw_name!r}: a phrase, not a name")
        return None
    country = countries().get(_key(name))
    if country is not None:
        present = [n for n in (country.name, *country.aliases) if find_all(text, n)]
        if not present:
            warnings.append(f"dropped actor {raw_name!r}: not named in the article")
            return None
        return _merge(drafts, ActorDraft(country.name, "country", [n for n in present if n != country.name]))
    if not find_all(text, name):  # the model changed the case: use the article's spelling
        anycase = find_all(text, name, ignore_case=True)
        if not anycase:
            warnings.append(f"dropped actor {raw_name!r}: not named in the article")
            return None
        start, end = anycase[0]
        name = text[start:end]
    name = from_first_capital(name)
    first, _, rest = name.partition(" ")
    if rest[:1].isupper() and first.lower() in _CLAUSE_OPENERS and first not in census_names():
        name = rest  # "Although Bobby had converted": the clause's word opens no name ("Will Smith" keeps his)
    heading = _always_heading(text, name) if kind != "person" else None
    if heading is not None:  # "Citizens" is "Citizens for Tax Justice" wherever the text writes it
        name = heading
    bare = re.sub(r"(?<=s)['’]$|['’]s$", "", name)  # "Tom Brenner’s": the name is the owner's, when written alone
    if bare != name and find_all(text, bare):
        name = bare
    if (
        is_common_noun(name)
        or never_a_name_alone(name)
        or capital_only_from_position(text, name)
        or (kind in _LOOSE_KINDS and _only_by_place(text, name) and not _a_name_anywhere(name, drafts))
        or describes_a_person(name)
        or PLURAL_INITIALS.fullmatch(name)
        or all(w.lower() in TITLE_WORDS for w in re.sub(r"['’]s?$", "", name).split())
    ):
        warnings.append(f"dropped actor {raw_name!r}: a common noun or a title, not a name")  # "Editor’s note: …"
        return None
    if " " in name and only_in_title_case(text, name):  # "Debunks Claim Brenner" from a headline
        body = name_in_title_case(text, name)
        warnings.append(f"dropped actor {raw_name!r}: only in a Title-Case headline"
                        + (f"; it names {body!r}" if body else ""))
        return add_actor(text, body, kind, drafts, warnings) if body else None
    if kind == "person" and nationality_before_a_name(name.split()):
        name = name.partition(" ")[2]  # "Australian Andrew Symonds": the nationality describes him
    if kind == "person" and (is_place(name) or name.split()[0] in PLACE_OPENERS):
        warnings.append(f"dropped actor {raw_name!r}: a place, not a person")  # "New Hampshire insiders said"
        return None
    if kind != "person" and name.split()[-1] in PLACE_NOUNS:
        warnings.append(f"dropped actor {raw_name!r}: a place, not an actor")  # "Bank of America Stadium"
        return None
    tail = person_tail(name)
    head = name[: -len(tail)].split() if tail else []
    if tail and head and head[-1].lower().strip(".") in TITLE_WORDS and " " in tail:
        name, kind = tail, "person"  # "Mayor Gordon Ashby", "Kestrian Foreign Minister Daria Voskel": a role
    longer = _always_inside(text, name) if kind != "person" else None
    if longer is not None:  # "Responsible Federal Budget" is "Committee for a Responsible Federal Budget"
        name = longer
    spelled = _spelled_out(text, name)
    if spelled is not None:  # "CADA" is "the Continental Anti-Doping Authority (CADA)": the full name heads it
        return _merge(drafts, ActorDraft(spelled, kind, [name]))
    owner = country_of_adjective(name, drafts)
    if owner is not None and kind != "person":  # "Valdonian" beside "Valdonia"
        owner.aliases.extend([name] if name not in owner.aliases else [])
        return owner
    if not proposal and nationalities_only(name):  # "the Greek said", "Iraqi and American officials said"
        warnings.append(f"dropped actor {raw_name!r}: a nationality, not a name")
        return None
    if kind != "person" and " " not in name:
        full = full_name(text, name)
        if full != name and find_role(text, full):  # "Solvberg" is "chief executive, Henrik Solvberg"
            name, kind = full, "person"
    return _merge(drafts, ActorDraft(name, kind))


def nationalities_only(name: str) -> bool:
    """Whether a name is nationalities alone ("Greek", "Iraqi and American", "Sunni Arab"): it describes people.

    A people's or a faith's adjective counts as a nationality (`countries.describes_people`: "Shiite", "Punjabi").
    """
    words = name.split()
    return words[0] != "and" and all(describes_people(w) or w == "and" for w in words) and words[-1] != "and"


def _only_by_place(text: str, name: str) -> bool:
    """Whether a lone word is capitalised only by where it stands (`names.capitalised_only_by_place`).

    A sentence's start ("Perhaps"), a clause's after a dash ("— Doctors said"), inside a longer name ("Zoo").
    """
    return only_at_sentence_start(text, name) or capitalised_only_by_place(text, name)


#: Kinds a word capitalised only by its place gets ("Perhaps", "Once" taken for a speaker's name); a country,
#: person or public body the model names ("Congress has stalled …") is a name even at a sentence's start.
_LOOSE_KINDS = frozenset({"organization", "media", "other"})


def _a_name_anywhere(word: str, drafts: list[ActorDraft]) -> bool:
    """Whether a word written only where sentences start still names someone.

    A listed body ("Politico reported") is capitalised wherever it stands; so is the first word of an actor's name.
    """
    return word in known_body_names() or begins_a_name(word, drafts)


def begins_a_name(short: str, drafts: list[ActorDraft]) -> bool:
    """Whether an actor's name starts with `short`: "Parents" of "Parents First", "Norlane" of "Norlane Freight"."""
    return any(n.startswith(short + " ") for d in drafts for n in d.names())


def _always_inside(text: str, name: str) -> str | None:
    """The longer name every mention of `name` ends ("Committee for a Responsible Federal Budget"), else None."""
    spans = find_all(text, name)
    heads = set()
    for start, _ in spans:
        match = _HEAD_OF.search(text, max(0, start - 80), start)
        if match is None:
            return None
        heads.add(re.sub(r"^(?:The|A|An)\s+", "", match[1]))
    if len(heads) != 1:
        return None
    head = heads.pop()
    # "Committee for a …", "Court of …": a body's word before "of"/"for"; not "Lester Holt of NBC News"
    return f"{head}{name}" if any(w in HEADS for w in head.split()) else None


def _always_heading(text: str, word: str) -> str | None:
    """The longer name every mention of a lone word opens ("Citizens for Tax Justice", "Friends of the Earth").

    Each mention is followed by "for", "of" or "against" and the same capitalised words; not a title ("Secretary
    of State"), a function word, nor a word that is itself a body's head ("Bank of …" is found as a body).
    """
    if " " in word or word.lower() in TITLE_WORDS or word.lower() in _FUNCTION_WORDS or word in HEADS:
        return None
    spans = find_all(text, word)
    matches = [_TAIL_AFTER.match(text, end) for _, end in spans]
    tails = {m[0] for m in matches if m is not None}
    if len(tails) != 1 or None in matches:
        return None
    return word + tails.pop()


#: What follows an organisation's first word: "for Tax Justice", "of the Earth", "Against Drunk Driving".
_TAIL_AFTER = re.compile(r"\s+(?:for|of|against|Against)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*")


#: A body's head word and "of"/"for" before a name, with a first item joined by "and": "Center for Economic and ".
_HEAD_OF = re.compile(r"((?:[A-Z][\w'’-]*\s+)+(?:for|of)\s+(?:(?:a|an|the)\s+)?(?:[A-Z][\w'’-]*\s+(?:and|&)\s+)?)$")


def _spelled_out(text: str, acronym: str) -> str | None:
    """The full name an acronym is introduced with: "Continental Anti-Doping Authority (CADA)" for "CADA"."""
    if not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return None
    match = re.search(
        rf"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the|on|in|de)\s+)*){{2,8}})\(\s*{acronym}\s*\)", text
    )
    if match is None:
        return None
    words = match[1].split()
    initials = "".join(w[0] for part in words if part[0].isupper() for w in part.split("-") if w[:1].isupper())
    while words and initials and not initials.startswith(acronym) and acronym in initials:
        words, initials = words[1:], initials[1:]  # "Reuters said the Continental … (CADA)": drop lead words
    return " ".join(words) if initials.startswith(acronym) else None


def country_of_adjective(name: str, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The country actor whose adjective `name` is ("Valdonian" of Valdonia), if any."""
    if " " in name:
        return None
    return next((c for c in drafts if c.kind == "country" and name in demonyms(c.name)), None)


def standalone(text: str, span: Span) -> bool:
    """A mention that is not part of a longer proper name ("Chad" in "Chad Smith", "USA" in "USA TODAY")."""
    before = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, span[0] - 30) : span[0]])
    after = re.match(r"\s+[A-Z](?:[a-z]|[A-Z&]{2})", text[span[1] : span[1] + 4])  # "Chad Smith", "USA TODAY"
    return (before is None or before.group(1) in _FUNCTION_WORDS) and after is None
