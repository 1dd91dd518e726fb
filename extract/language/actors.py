"""Actors: the names the model proposes and those the text names for sure, made into one list of actors.

The model proposes names and kinds; everything else is decided from the text, deterministically. This module
runs the steps in order (`build_actors`): each name is admitted or refused by `admitting` (a name that is not
in the article is dropped), countries come from the gazetteer (`countries`: "Beijing" and "China" are one),
people from `people`, bodies from `bodies` and `text_actors`, "Campbell" joins "Kurt Campbell" (`merging`),
and `finishing` adds aliases, mentions and roles ("Deputy Secretary of State Kurt Campbell"). Which actor a
phrase names is `resolving`'s; its names and a few others are re-exported here for their callers. Which
actors take part in the story, once attribution has run, is `participation`'s.
"""

from __future__ import annotations

from extract.language.admitting import add_actor, begins_a_name, country_of_adjective, nationalities_only, standalone
from extract.language.bodies import find_bodies
from extract.language.countries import NICKNAMES, gazetteer_index, people_of
from extract.language.countries import Country as Country
from extract.language.countries import countries as countries
from extract.language.countries import country_named as country_named
from extract.language.countries import name_key as _key
from extract.language.couples import coupled_people
from extract.language.finishing import finish_actors
from extract.language.grounding import could_occur, find_all, word_runs
from extract.language.merging import ActorDraft as ActorDraft
from extract.language.merging import join_lone_heads, join_misspelled
from extract.language.merging import merge as _merge
from extract.language.merging import surname as _surname
from extract.language.names import (
    TITLE_WORDS as TITLE_WORDS,  # re-exported: descriptions and other modules import it from here
)
from extract.language.namesakes import add_namesakes
from extract.language.not_people import a_side_named, whole_side_name
from extract.language.people import find_people
from extract.language.person_names import find_role as find_role
from extract.language.person_names import full_name as full_name
from extract.language.person_names import person_tail as person_tail
from extract.language.places import is_place
from extract.language.proper_nouns import recurring_names
from extract.language.resolving import is_person_pronoun as is_person_pronoun
from extract.language.resolving import is_pronoun as is_pronoun
from extract.language.resolving import last_named as last_named
from extract.language.resolving import resolve_name as resolve_name
from extract.language.teams import NOT_SIDES, is_sports_story, named_as_doer, team_or_player
from extract.language.text_actors import add_outlets, add_party_members, bodies_before_a_head, groups_of_people


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
        if begins_a_name(person, drafts):
            continue  # "Norlane Freight" is the short form of "Norlane Freight Group"
        known_as = resolve_name(person, drafts)
        if known_as is None or (known_as.kind == "person" and known_as.name == _surname(person)):  # "Quill"
            side = a_side_named(text, person, people)  # "the Flyers won": "Philadelphia Flyers" is a side, not a person
            if (whole := whole_side_name(text, person)) is not None and resolve_name(whole, drafts) is None:
                person, side = whole, True  # "Louis Blues" cut from "St. Louis Blues"
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
    for name in bodies_before_a_head(text, drafts):  # "Harbor Watch President Tom Fitton said"
        add_actor(text, name, "organization", drafts, warnings)
    add_party_members(text, drafts, warnings)
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
    for group in groups_of_people(text, drafts):  # "the Trump campaign said": the campaign is an actor of its own
        add_actor(text, group, "organization", drafts, warnings)
    add_outlets(text, drafts, warnings)  # "as quoted by Politico", "told the Kyiv Independent"
    join_lone_heads(drafts)  # "the Commission" after "European Commission"
    for draft in list(drafts):  # "Valdonian" listed before "Valdonia" is the country's adjective
        owner = country_of_adjective(draft.name, drafts)
        if owner is not None and draft is not owner:
            owner.aliases.append(draft.name)
            drafts.remove(draft)
    # a nationality alone ("French", "Korean", "the Spaniard said") is no one's name: the country's alias or nothing
    drafts[:] = [d for d in drafts if d.kind == "country" or not nationalities_only(d.name)]
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
