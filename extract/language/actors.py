"""Actors: grounding the names the model proposes, adding those the text names for sure, mentions and roles.

The model proposes names and kinds; everything else is decided here from the text, deterministically:
a name that is not in the article is dropped, "Beijing" and "China" become one actor (the gazetteer,
`countries`), "Campbell" joins "Kurt Campbell" (`merging`), and roles come from the title written before a
name ("Deputy Secretary of State Kurt Campbell") or an appositive after it (`person_names`). Which actor a
phrase names is `resolving`'s; its names and the others above are re-exported here for their callers.
Which actors take part in the story, once attribution has run, is `participation`'s.
"""

from __future__ import annotations

import bisect
import re

from extract.language.bodies import HEADS, PARTY_MEMBERS, PLACE_NOUNS, find_bodies, known_body_names
from extract.language.countries import (
    NICKNAMES,
    all_demonyms,
    demonyms,
    describes_people,
    gazetteer_index,
    people_of,
)
from extract.language.countries import Country as Country
from extract.language.countries import countries as countries
from extract.language.countries import country_named as country_named
from extract.language.countries import name_key as _key
from extract.language.couples import coupled_people
from extract.language.gender import name_gender, other_gender_named
from extract.language.grounding import Span, could_occur, find_all, word_runs
from extract.language.merging import GENERATIONS, join_lone_heads, join_misspelled
from extract.language.merging import ActorDraft as ActorDraft
from extract.language.merging import merge as _merge
from extract.language.merging import surname as _surname
from extract.language.names import (
    MONTHS,
    NEVER_IN_A_NAME,
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
from extract.language.names import (
    TITLE_WORDS as TITLE_WORDS,  # re-exported: descriptions and other modules import it from here
)
from extract.language.namesakes import add_namesakes
from extract.language.people import (
    HONORIFICS,
    PLACE_OPENERS,
    a_side_named,
    census_names,
    find_people,
    nationality_before_a_name,
)
from extract.language.person_names import FUNCTION_WORDS as _FUNCTION_WORDS
from extract.language.person_names import find_role as find_role
from extract.language.person_names import full_name as full_name
from extract.language.person_names import person_tail as person_tail
from extract.language.person_names import title_before as _title_before
from extract.language.places import is_place
from extract.language.proper_nouns import recurring_names
from extract.language.resolving import is_person_pronoun as is_person_pronoun
from extract.language.resolving import is_pronoun as is_pronoun
from extract.language.resolving import last_named as last_named
from extract.language.resolving import resolve_name as resolve_name
from extract.language.teams import NOT_SIDES, is_sports_story, named_as_doer, team_or_player

#: Last words of company names that news drops after the first mention ("Meridian Foods" -> "Meridian").
_CORPORATE_WORDS = frozenset(
    {"Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Group", "Holdings", "Ltd", "Ltd.",
     "LLC", "plc", "PLC", "Foods", "Industries", "AG", "SA", "GmbH", "Semiconductor", "Semiconductors",
     "Technologies", "Technology", "Systems", "Motors", "Airlines", "Airways", "Pharmaceuticals", "Pharma",
     "Energy", "Electronics", "Microelectronics", "Labs", "Laboratories", "Networks", "Enterprises",
     "International", "Partners", "Capital", "Entertainment", "Telecom", "Bank", "Petroleum", "Mining"}
)
#: Role words that make the bearer speak for the actor named before them ("Hale's lawyer, Marcus Bell").
AGENT_WORDS = frozenset(
    {"lawyer", "lawyers", "attorney", "attorneys", "counsel", "spokesperson", "spokesman", "spokeswoman",
     "representative", "agent", "aide", "adviser", "advisor", "officer", "executive", "ceo", "chairman",
     "chairwoman", "chair", "president", "director", "head", "chief", "founder", "secretary", "minister",
     "leader", "manager", "envoy", "ambassador", "official", "general"}
)


def build_actors(text: str, proposed: list[tuple[str, str]], warnings: list[str]) -> list[ActorDraft]:
    """Ground, canonicalise and merge proposed (name, kind) pairs, plus what the text names for sure.

    A small model misses actors; countries named in the text (gazetteer), people it names in full
    (`people.find_people`) and outlets a statement is quoted by ("as quoted by Politico", "told the Kyiv
    Independent") are added without asking it.
    """
    drafts: list[ActorDraft] = []
    people = find_people(text)
    for raw_name, kind in proposed:
        add_actor(text, raw_name, kind, drafts, warnings, proposal=True)
    runs = word_runs(text)
    for country in gazetteer_index().could_occur(runs):  # the countries the text may name, in order
        names = [n for n in (country.name, *country.aliases) if could_occur(n, runs)]
        if any(standalone(text, span) for n in names for span in find_all(text, n)):
            add_actor(text, country.name, "country", drafts, warnings)
    for person in people:  # the people a small model forgets: "Donald Trump" in a story on his rival
        if _begins_a_name(person, drafts):
            continue  # "Norlane Freight" is the short form of "Norlane Freight Group"
        known_as = resolve_name(person, drafts)
        if known_as is None or (known_as.kind == "person" and known_as.name == _surname(person)):  # "Quill"
            side = a_side_named(text, person, people)  # "the Flyers won": "Philadelphia Flyers" is a side, not a person
            draft = add_actor(text, person, "organization" if side else "person", drafts, warnings)
            if side and draft is not None and _surname(person) not in draft.aliases:
                draft.aliases.append(_surname(person))  # "the Flyers" is its short name as a surname is a person's
    for full, given in coupled_people(text, people):  # "James and Olive Meehan": James Meehan, named once
        if not any(_key(n) == _key(full) for d in drafts for n in d.names()):
            shared = any(d.kind == "person" and d.name.startswith(given + " ") for d in drafts)
            _merge(drafts, ActorDraft(full, "person", [] if shared else [given]))  # "James" is his mention
    _join_people(drafts, people)
    join_misspelled(text, drafts)  # "Donand Trump" in a reader's tweet is Donald Trump
    add_namesakes(text, drafts)  # "Mr. Varnum" beside the one full name "Susan Varnum": another person
    for name, kind in find_bodies(text):  # "Chicago Police Department", "Reuters", "FBI": bodies by their names
        add_actor(text, name, kind, drafts, warnings)
    for name in _bodies_before_a_head(text, drafts):  # "Harbor Watch President Tom Fitton said"
        add_actor(text, name, "organization", drafts, warnings)
    _add_party_members(text, drafts, warnings)
    in_names = {w for d in drafts for n in d.names() if " " in n for w in n.split()}  # "Chicago" of "Chicago Tribune"
    recurring = set()
    sports = is_sports_story(text)
    twice = set(recurring_names(text))
    # "Hamas", "Gazprom": a party no list knows, kept only if it takes part; a match report names a player once,
    # as the doer of a deed ("when Anelka curled")
    for word in recurring_names(text, 1) if sports else twice:
        if word not in twice and not named_as_doer(text, word):
            continue
        if word not in in_names and resolve_name(word, drafts) is None and not is_place(word):
            add_actor(text, word, "other", drafts, warnings)
            recurring.add(word)
    for group in _groups_of_people(text, drafts):  # "the Trump campaign said": the campaign is an actor of its own
        add_actor(text, group, "organization", drafts, warnings)
    for match in _OUTLET.finditer(text):
        name = match.group(1)
        if (
            resolve_name(name, drafts) is None
            and _key(name) not in countries()
            and name.split()[0].lower() not in TITLE_WORDS
            and not _no_outlet(text, name, match.end(1))
        ):
            add_actor(text, name, "media", drafts, warnings)
    join_lone_heads(drafts)  # "the Commission" after "European Commission"
    for draft in list(drafts):  # "Valdonian" listed before "Valdonia" is the country's adjective
        owner = country_of_adjective(draft.name, drafts)
        if owner is not None and draft is not owner:
            owner.aliases.append(draft.name)
            drafts.remove(draft)
    # a nationality alone ("French", "Korean", "the Spaniard said") is no one's name: the country's alias or nothing
    drafts[:] = [d for d in drafts if d.kind == "country" or not _nationalities_only(d.name)]
    _join_peoples(drafts)
    finish_actors(text, drafts)
    if recurring and sports:  # "Bolton", "the Aussies", "Cassio": the sides and players of a match
        for draft in drafts:
            if draft.kind == "other" and draft.name in recurring and draft.name not in NOT_SIDES and draft.mentions:
                draft.kind = team_or_player(text, draft.mentions)
    return drafts


def _join_peoples(drafts: list[ActorDraft]) -> None:
    """One country's people written two ways are one actor: "the Aussies" is "the Australians" of the same story.

    The regular plural ("Australians") names it, the nickname (`countries.NICKNAMES`) is its alias.
    """
    by_country: dict[str, list[ActorDraft]] = {}
    for draft in drafts:
        country = people_of(draft.name) if draft.kind != "person" else None
        if country is not None:
            by_country.setdefault(country, []).append(draft)
    for same in by_country.values():
        if len(same) < 2:
            continue
        owner = next((d for d in same if d.name[:-1] not in NICKNAMES), same[0])
        joined = {id(d) for d in same if d is not owner}  # by identity, as `_join_people` removes drafts
        for draft in same:
            if id(draft) in joined:
                owner.aliases.extend(n for n in (draft.name, *draft.aliases) if n not in owner.aliases)
        drafts[:] = [d for d in drafts if id(d) not in joined]


#: Capitalised titles of a body's head or founder, written between the body's name and the person's.
_HEAD_TITLES = ("President", "Chairman", "Chairwoman", "Chair", "CEO", "Founder", "Executive Director")
#: A capitalised run, a head's title and a person's name: "Harbor Watch President Tom Fitton".
_BODY_BEFORE_HEAD = re.compile(
    r"(?<![\w.’'-])((?:[A-Z][\w&-]*[ \t]+){1,3}?)(?:" + "|".join(_HEAD_TITLES) + r")[ \t]+"
    r"(?=[A-Z][a-z]+[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'’-]+)"
)
#: Adjectives before a head's title that name no body: a party, a country's people written irregularly.
_NO_BODY_WORDS = frozenset({"Republican", "Democratic", "Democrat", "GOP", "Libertarian", "Green", "Independent",
                            "French", "Dutch", "Afghan", "Greek", "Swiss", "Thai", "Irish", "British", "Filipino",
                            "Turkish", "Polish", "Spanish", "Danish", "Swedish", "Finnish", "Saudi", "Former", "Then",
                            "Late", "Acting", "Interim", "Vice", "Deputy", "Assistant"})
#: A joiner right before a run: the run ends a longer name ("Council on American-Islamic Relations").
_JOINER_BEFORE = re.compile(r"\b(?:of|for|on|and|&)\s+$")


def _bodies_before_a_head(text: str, drafts: list[ActorDraft]) -> list[str]:
    """Bodies named before their head's title and name: "Harbor Watch President Tom Fitton".

    Not a place, a country or its people ("Russian President Arben Kola"), a party's adjective, a title
    ("Vice President"), nor a body already an actor; `participation` drops it unless its head speaks.
    """
    found = []
    for match in _BODY_BEFORE_HEAD.finditer(text):
        name = match[1].strip()
        words = name.split()
        if (
            _JOINER_BEFORE.search(text, max(0, match.start() - 5), match.start())  # "Council on … Relations"
            or any(w in _NO_BODY_WORDS or w in NEVER_IN_A_NAME or w.lower() in TITLE_WORDS for w in words)
            or any(w.lower() in _FUNCTION_WORDS for w in words)
            or any(n in all_demonyms() or is_place(n) for n in (*words, name))  # "Turkish", "South Korean"
            or resolve_name(name, drafts) is not None
        ):
            continue
        found.append(name)
    return list(dict.fromkeys(found))


def _add_party_members(text: str, drafts: list[ActorDraft], warnings: list[str]) -> None:
    """A party's members the text names ("Democrats"): the party's alias when it is an actor, else an actor.

    "Trump said Democrats are the ones trying to pressure the moderators": whom a statement blames is a party
    even when the text never spells the party out. `participation.taking_part` drops it when it plays no part.
    """
    for plural, party in PARTY_MEMBERS.items():
        if not find_all(text, plural) or only_in_title_case(text, plural):  # only a headline's capitals
            continue
        known = next((d for d in drafts if _key(party) in {_key(n) for n in d.names()}), None)
        if known is None:  # capitalised wherever it stands, at a sentence's start too ("Republicans cheered")
            _merge(drafts, ActorDraft(plural, "organization"))
        elif plural not in known.aliases:
            known.aliases.append(plural)


def _join_people(drafts: list[ActorDraft], people: list[str]) -> None:
    """People the model gave another kind: one person's lone surname joins the full name ("Holt").

    A name the text marks as a person's, that the model called an armed group, is a person ("Lester Holt");
    a lone surname of any kind but a country joins the one person it belongs to. Only an armed group turns
    into a person: "Greyfield Research said" looks like a person to the finder.
    """
    found = {_key(p) for p in people}
    for draft in drafts:
        if draft.kind == "armed_group" and _key(draft.name) in found:
            draft.kind = "person"
    # only the draft at hand is ever removed, so each is looked at once; by identity, as `merging.join_misspelled`
    # does (`draft in drafts` compared whole dataclasses field by field)
    for draft in list(drafts):
        if " " in draft.name or draft.kind == "country":
            continue
        owners = [
            d for d in drafts if d.kind == "person" and " " in d.name and _key(_surname(d.name)) == _key(draft.name)
        ]
        if len(owners) == 1:
            owner = owners[0]
            owner.aliases.extend(a for a in (draft.name, *draft.aliases) if a not in owner.aliases)
            drafts[:] = [d for d in drafts if d is not draft]


#: Lower-case nouns that make "<a person's surname> <noun>" an organisation: "the Clinton campaign".
GROUP_HEADS = ("campaign",)


def _groups_of_people(text: str, drafts: list[ActorDraft]) -> list[str]:
    """The groups the text names after a person ("the Trump campaign", "Trump campaign spokesman X")."""
    found = []
    for draft in drafts:
        if draft.kind != "person" or " " not in draft.name:
            continue
        for head in GROUP_HEADS:
            group = f"{_surname(draft.name)} {head}"
            if find_all(text, group) and not any(_key(n) == _key(group) for d in drafts for n in d.names()):
                found.append(group)
    return found




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


_OUTLET = re.compile(
    r"\b(?:as (?:quoted|reported|cited) by|told|in an interview with|reported by)\s+(?:the\s+)?"
    r"(?!(?:Mr|Mrs|Ms|Dr)\.)((?:[A-Z][\w'’&-]*)(?:\s+[A-Z][\w'’&-]*){0,3})"  # not "told Mr. Obama"
)


#: Lower-case nouns after a name told something that make it a modifier, not an outlet: "told the German press",
#: "told the New York media", "the Web site of the FT".
_TOLD_HEADS = frozenset({"press", "media", "site", "reporters", "journalists", "audience", "crowd", "people"})
#: What is told that is no outlet: an abbreviation cut at its full stop ("The St.
#: Petersburg Times"), a lower-case noun the name modifies ("told the German press", "the Web site of the FT").
#: Bodies a witness tells things to: "told Parliament", "told the Senate", "told the court".
_HEARINGS = frozenset({"Parliament", "Congress", "Senate", "House", "Assembly", "Court", "Council", "Committee",
                       "Commons", "Lords", "Knesset", "Duma"})
_ABBREVIATED = re.compile(r"\.[ \t]+[A-Z]")
_SHORT_WORD = re.compile(r"(?:^|\s)[A-Z][a-z]{0,2}$")  # "St", "Ft", "Mt"
_MODIFIED_NOUN = re.compile(r"\s+([a-z][a-z-]+)")


def _no_outlet(text: str, name: str, end: int) -> bool:
    """Whether a name after "told" or "reported by" is no outlet: a place, a people, a body, a modifier.

    "told Parliament", "told the Americans", "told the New York media", "told the German press",
    "told MPs", "reported by the Web site of …": whom a statement was told, not who relays it.
    """
    noun = _MODIFIED_NOUN.match(text, end)
    return (
        is_place(name)
        or _nationalities_only(name)
        or people_of(name) is not None
        or _nationalities_only(name.removesuffix("s"))  # "the Americans"
        or name in _HEARINGS
        or _PLURAL_INITIALS.fullmatch(name) is not None
        or (_SHORT_WORD.search(name) is not None and _ABBREVIATED.match(text, end) is not None)
        or (noun is not None and noun[1] in _TOLD_HEADS)
    )


_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]{0,5}")
#: A plural of initials names people by their office, never one actor: "MPs", "MEPs", "CEOs".
_PLURAL_INITIALS = re.compile(r"[A-Z]{2,}s")
#: A hyphenated modifier before a name: "Miami-based", "Soviet-backed", "Republican-held", "Botox-maker".
_COMPOUND_MODIFIER = re.compile(r"^[A-Z][\w.]*-(?:[a-z]+(?:ed|ing|er)|held|run|owned|born)\s+(?=[A-Z])")
#: What no name holds: a colon or quotation mark inside it, or a run of thirteen words ("… by George Anders, she sat").
_A_PHRASE = re.compile(r"\S[:\"“”]|^(?:\S+\s+){12}\S")


#: Words that open a clause and never a name a speaker phrase starts with: "Although Bobby had converted …" names
#: Bobby, "But Cologne police said" the police. (`people.NOT_NAME_WORDS` keeps such runs out of `find_people`.)
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
        or _PLURAL_INITIALS.fullmatch(name)
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
    if not proposal and _nationalities_only(name):  # "the Greek said", "Iraqi and American officials said"
        warnings.append(f"dropped actor {raw_name!r}: a nationality, not a name")
        return None
    if kind != "person" and " " not in name:
        full = full_name(text, name)
        if full != name and find_role(text, full):  # "Solvberg" is "chief executive, Henrik Solvberg"
            name, kind = full, "person"
    return _merge(drafts, ActorDraft(name, kind))


def _nationalities_only(name: str) -> bool:
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
    return word in known_body_names() or _begins_a_name(word, drafts)


def _begins_a_name(short: str, drafts: list[ActorDraft]) -> bool:
    """Whether an actor's name starts with `short`: "Parents" of "Parents First", "Norlane" of "Norlane Freight"."""
    return any(n.startswith(short + " ") for d in drafts for n in d.names())


def finish_actors(text: str, drafts: list[ActorDraft]) -> None:
    """Add surname and acronym aliases, then compute mentions and roles; order by first mention."""
    for draft in drafts:
        if draft.unnamed:  # "officials": no surname, acronym or person's title to find
            continue
        if draft.kind == "person" and len(draft.name.split()) > 1 and not _titled_namesake(draft, drafts):
            surname = _surname(draft.name)
            calendar = surname in MONTHS  # "May" of "Theresa May" alone is as often the month: no alias
            if surname not in draft.aliases and surname not in GENERATIONS and not calendar and find_all(text, surname):
                draft.aliases.append(surname)
        words = draft.name.split()
        if draft.kind in ("organization", "media") and len(words) > 1 and words[-1] in _CORPORATE_WORDS:
            # "Meridian Foods" is "Meridian" after the first mention
            draft.aliases.extend(s for s in _short_names(text, words) if s not in draft.aliases)
        if draft.kind != "person" and person_tail(draft.name) == draft.name and find_role(text, draft.name):
            draft.kind = "person"  # "Prime Minister Arben Kola" is a person, whatever the model said
        elif draft.kind == "person" and any(_title_before(text, s) for s, _ in find_all(text, draft.name)):
            draft.kind = "organization"  # "chair of Patients Voice Wenbury": whom a title belongs to
        if len(words) > 1:
            acronym = "".join(w[0] for w in draft.name.split() if w[0].isupper())
            if len(acronym) > 1 and acronym not in draft.aliases and find_all(text, acronym):
                draft.aliases.append(acronym)
    # the longest name first: "Rafael Cruz" is his mention, not the "Cruz" of Ted Cruz written inside it
    found = [(span, i) for i, draft in enumerate(drafts) for name in draft.names() for span in find_all(text, name)]
    # "Mrs. Clinton" is the woman of two Clintons, "Mr. Clinton" the man; "Mr. Obama" is never Michelle Obama
    genders = [name_gender(d.name) if d.kind == "person" else None for d in drafts]
    found = [f for f in found if not other_gender_named(text, f[0][0], genders[f[1]])]
    found.sort(key=lambda f: (f[0][0] - f[0][1], f[1]))
    taken: list[Span] = []  # in text order and disjoint, so only the last one starting before a span can overlap it
    for draft in drafts:
        draft.mentions = []
    for span, i in found:
        at = bisect.bisect_left(taken, (span[1],))
        if at == 0 or taken[at - 1][1] <= span[0]:
            drafts[i].mentions.append(span)
            taken.insert(at, span)
    for draft in drafts:
        draft.mentions.sort()
        if draft.kind == "person" and draft.role is None:
            draft.role = find_role(text, draft.name)
    for draft in drafts:
        if draft.kind == "person" and draft.role:
            draft.represents = draft.represents or _principal(draft.role, drafts)
            if draft.affiliation is None:
                draft.affiliation = _organisation_in(draft.role, drafts)
    drafts.sort(key=lambda d: d.mentions[0][0] if d.mentions else len(text))


def _titled_namesake(draft: ActorDraft, drafts: list[ActorDraft]) -> bool:
    """Whether a person named by title and surname shares the surname with a full name ("Mr. Varnum", `namesakes`).

    "Varnum" alone is then Susan Varnum's: the namesake keeps only its titled mentions.
    """
    words = draft.name.split()
    return len(words) == 2 and words[0] in HONORIFICS and any(
        d is not draft and d.kind == "person" and len(d.name.split()) > 1 and _surname(d.name) == words[1]
        for d in drafts
    )


def _short_names(text: str, words: list[str]) -> list[str]:
    """The front parts of a company's name that the article also writes on their own.

    "Cascade Silicon Technologies" is "Cascade" in "Cascade's general counsel"; a part found only inside a
    longer name ("General" in "Attorney General") is not the company.
    """
    found = []
    for size in range(len(words) - 1, 0, -1):
        short = " ".join(words[:size]).rstrip(",")
        if short.lower() in TITLE_WORDS or short in _FUNCTION_WORDS:
            continue
        if any(standalone(text, span) for span in find_all(text, short)):
            found.append(short)
    return found


def _organisation_in(role: str, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The non-person actor a role names ("Calder Harbour Board chairman", "NATO Secretary General").

    A role may name it by its last word alone: "Commission chair" in a story about the Federal Consumer
    Safety Commission (when one organisation only ends so).
    """
    best: tuple[int, ActorDraft] | None = None
    for other in drafts:
        if other.kind == "person":
            continue
        for name in other.names():
            if find_all(role, name) and (best is None or len(name) > best[0]):
                best = (len(name), other)
    if best is None:
        heads = [d for d in drafts if d.kind != "person" and " " in d.name and find_all(role, d.name.split()[-1])]
        return heads[0] if len(heads) == 1 else None
    return best[1]


_OWNER_ROLE = re.compile(r"^(?:the\s+)?(?P<owner>.+?)['’]s?\s+(?P<role>[\w\s-]+)$", re.IGNORECASE)


def _principal(role: str, drafts: list[ActorDraft]) -> ActorDraft | None:
    """Whom a role makes its bearer speak for: the owner in "Hale's lawyer", "Lumetra's chief legal officer"."""
    match = _OWNER_ROLE.match(role.strip())
    if match is None or not set(match["role"].lower().split()) & AGENT_WORDS:
        return None
    return resolve_name(match["owner"], drafts)


