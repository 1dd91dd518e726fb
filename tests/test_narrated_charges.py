"""Charges the narration tells are the authority's allegations; a charge that names no authority is none.

Every text here is invented.
"""

from __future__ import annotations

from typing import Any

from extract.model.prompting import load_prompts
from extract.pipeline import plan


def _record(text: str) -> Any:
    """Plan `text` with actors from the text, every statement answered "none" and every question "no"."""
    steps = plan(text, load_prompts(), [])
    try:
        requests = next(steps)
        while True:
            answers = []
            for request in requests:
                fields = request.response_model.model_fields
                if request.label == "accusations":
                    values: dict[str, Any] = {k: {"accused": [], "category": "none"} for k in fields}
                else:
                    values = dict.fromkeys(fields, "no")
                answers.append(request.response_model.model_validate(values))
            requests = steps.send(answers)
    except StopIteration as done:
        return done.value


def _sides(text: str) -> list[tuple[str, str]]:
    """(accuser, accused) of each allegation."""
    return [(who, whom) for who, whom, _ in _charges(text)]


def _charges(text: str) -> list[tuple[str, str, str]]:
    """(accuser, accused, evidence text) of each allegation."""
    actors, statements, allegations = _record(text)
    name = {a.id: a.name for a in actors}
    said = {s.id: s for s in statements}
    return [
        (", ".join(name[a] for a in al.accusers), ", ".join(name[a] for a in al.accused), said[al.evidence[0]].text)
        for al in allegations
    ]


def test_a_passive_charge_with_the_police_in_its_sentence_is_the_polices() -> None:
    text = (
        "Singer sent to rehab.\n\n"
        "Mara Velden, a former talent-show contestant, was stopped on Friday night. While she was being searched, "
        "police found cocaine in her bag and she was then charged with possession.\n"
    )
    actors, statements, allegations = _record(text)
    assert _charges(text) == [
        ("police", "Mara Velden", "While she was being searched, police found cocaine in her bag and she was then "
                                  "charged with possession.")
    ]
    told = [s for s in statements if s.narrated]
    assert len(told) == 1 and told[0].cue is None
    assert allegations[0].evidence == [told[0].id]
    police = next(a for a in actors if a.name == "police")
    assert police.kind == "government" and police.unnamed


def test_prosecutors_charging_someone_accuse_him() -> None:
    text = (
        "Harbour official in court.\n\n"
        "Federal prosecutors charged Dan Oakes with fraud on Tuesday, a week after the harbour audit.\n"
    )
    assert _charges(text) == [
        ("Federal prosecutors", "Dan Oakes",
         "Federal prosecutors charged Dan Oakes with fraud on Tuesday, a week after the harbour audit.")
    ]


def test_the_agent_of_a_passive_charge_accuses() -> None:
    text = "Fine for slow play.\n\nPakistan were fined by the International Cricket Council for slow over rates.\n"
    assert _sides(text) == [("International Cricket Council", "Pakistan")]


def test_a_charge_that_names_no_authority_is_no_allegation() -> None:
    text = "Night of trouble.\n\nTom Harlow was charged with assault on Friday after a fight outside a bar.\n"
    assert _charges(text) == []


def test_the_country_of_the_one_banned_named_before_him_is_not_who_bans() -> None:
    text = "Tour in doubt.\n\nIndia suspended their tour on Monday after Robert Kern was banned for three matches.\n"
    assert _charges(text) == []


def test_a_charge_faced_in_a_country_named_after_its_subject_is_that_countrys() -> None:
    text = (
        "Chess champion held.\n\n"
        "Robert Kern was stopped at an airport in July. He was threatened with extradition to the United States to "
        "face charges of breaking sanctions.\n"
    )
    assert _sides(text) == [("United States", "Robert Kern")]


def test_a_charge_inside_someones_words_is_left_to_their_statement() -> None:
    text = (
        "Harbour official in court.\n\n"
        '"Dan Oakes was charged with fraud by the police," Mayor Ada Quill said on Tuesday.\n'
    )
    _, statements, _ = _record(text)
    assert not any(s.narrated for s in statements)


def test_a_person_named_once_before_a_charge_is_the_accused() -> None:
    text = (
        "Escaped militants still at large.\n\n"
        "Twelve prisoners broke out of a jail in the capital in May. One of those still at large, Hamid al-Zubari, "
        "has been accused by Egyptian authorities of planning the bombing of a tourist bus.\n"
    )
    charges = _charges(text)
    assert [(who, whom) for who, whom, _ in charges] == [("Egyptian authorities", "Hamid al-Zubari")]


def test_a_person_named_before_a_charge_without_authority_is_not_added() -> None:
    text = "Escaped militants.\n\nOne of those still at large, Hamid al-Zubari, has been charged with murder.\n"
    actors, _, allegations = _record(text)
    assert allegations == [] and "Hamid al-Zubari" not in [a.name for a in actors]


def test_the_body_the_paragraph_names_before_the_charge_is_its_authority() -> None:
    text = (
        "Truck spill closes ramps.\n\n"
        "Police say the driver drove off, but he was found an hour later. Robert Kern, 39, faces charges of "
        "leaving the scene of an accident.\n\n"
        "Robert Kern could not be reached.\n"
    )
    assert _sides(text) == [("Police", "Robert Kern")]


def test_two_charges_the_narration_tells_are_two_allegations() -> None:
    text = (
        "Singer sent to rehab.\n\n"
        "Mara Velden, a former talent-show contestant, was stopped in May. Police found cocaine in her bag and she "
        "was then charged with possession.\n\n"
        "In June she was thrown out of a club. Police were called, and she struck an officer. Mara has been in jail "
        "since her June 3 arrest.\n"
    )
    _, _, allegations = _record(text)
    assert [len(al.evidence) for al in allegations] == [1, 1]


def test_a_country_beside_someones_arrest_is_not_its_authority() -> None:
    text = (
        "Professor goes to war.\n\n"
        "Days after Robert Kern's arrest and extradition, his colleague volunteered to replace him in Eritrea.\n"
    )
    assert _charges(text) == []


def test_his_conviction_is_the_conviction_of_the_man_named_before() -> None:
    text = (
        "Driver held after crash.\n\n"
        "Police say the road was closed for six hours. Robert Kern spent a year in jail before his conviction.\n"
    )
    assert _sides(text) == [("Police", "Robert Kern")]
