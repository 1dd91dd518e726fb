"""Bodies a story identifies by their role ("police", "prosecutors", "the government") accuse and are accused.

Invented articles, driven through `plan()` with the model's answers given (`test_attribution._run`).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extract import pipeline
from extract.language.actors import ActorDraft
from extract.language.finishing import finish_actors
from extract.language.frames import sentence_window
from extract.language.institutions import accused_bodies, body_kind, body_mentions
from extract.language.speech.text import sentences_of
from extract.language.unnamed import unnamed_source
from tests.test_attribution import _run


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [("Police", "government"), ("federal prosecutors", "government"), ("the Government", "government"),
     ("Crown prosecutors", "government"), ("the jury", "government"),
     ("the club", None), ("the bank", None),  # organisations: mostly a description of one the story names
     ("a source close to the police", None), ("some investigators", None), ("analysts", None), ("officials", None),
     ("the police officer", None), ("attorneys for the department", None), ("other clubs", None),
     ("Yonhap news agency", None), ("Former prosecutors", None),
     # a country's opposition is one body; its leaders are people, "the opposition party" describes a party
     ("The opposition", "organization"), ("French opposition parties", "organization"),
     ("Opposition leaders", None), ("the opposition party", None), ("some opposition parties", None),
     ("The prosecutor", None)],  # one person, whom the story mostly names ("District Attorney Ana Roos")
)
def test_a_body_is_named_by_its_role_and_an_anonymous_source_is_not(phrase: str, kind: str | None) -> None:
    assert body_kind(phrase) == kind


def test_a_body_that_speaks_is_one_actor_with_a_body_kind_and_every_mention() -> None:
    text = "Federal prosecutors said Tom Vell lied. Later prosecutors said the police had found the money.\n"
    drafts: list[ActorDraft] = []
    first = unnamed_source(text, "Federal prosecutors", (0, 19), drafts)
    again = unnamed_source(text, "prosecutors", (46, 57), drafts)
    assert first is again and first is not None
    assert (first.name, first.kind, first.unnamed) == ("Federal prosecutors", "government", True)
    assert [text[s:e] for s, e in first.mentions] == ["Federal prosecutors", "prosecutors"]
    anonymous = unnamed_source(text, "officials", (0, 9), drafts)
    assert anonymous is not None and anonymous.kind == "other"


def _sides(text: str, actors: dict[str, str], label: dict[str, object]) -> list[tuple[list[str], list[str]]]:
    """Each allegation's accusers and accused as "name/kind/unnamed", the first statement labelled `label`."""
    found, _, allegations, _, _ = _run(text, actors, {"s1": label})
    who = {a.id: f"{a.name}/{a.kind}/{a.unnamed}" for a in found}
    return [([who[i] for i in a.accusers], [who[i] for i in a.accused]) for a in allegations]


@pytest.mark.parametrize(
    ("text", "other", "category", "accuser"),
    [("Plot Trial\n\nProsecutors said Karim Dello had planned to bomb the harbour. Dello's lawyer, Ana Roos, "
      "said her client was innocent.\n", ("Ana Roos", "person"), "terrorism", "Prosecutors/government/True"),
     ("Vote Dispute\n\nMarlovia held its election on Sunday. The opposition claims President Karim Dello "
      "rigged the count in his favour.\n", ("Marlovia", "country"), "election_interference",
      "opposition/organization/True")],
)
def test_a_body_that_accuses_a_named_man_makes_an_allegation(
    text: str, other: tuple[str, str], category: str, accuser: str
) -> None:
    sides = _sides(text, {"Karim Dello": "person", other[0]: other[1]},
                   {"accused": ["Karim Dello"], "category": category})
    assert sides == [([accuser], ["Karim Dello/person/False"])]


def test_an_anonymous_source_is_still_not_asked_about() -> None:
    text = "Port Deal\n\nCritics said Karim Dello had lied about the harbour contract.\n"
    _, statements, allegations, prompt, _ = _run(text, {"Karim Dello": "person"})
    assert [s.text for s in statements] == ["Karim Dello had lied about the harbour contract"]
    assert allegations == [] and prompt == ""  # no statement put to the model: no labels round


def test_a_government_accused_by_its_role_is_offered_and_accused() -> None:
    text = ("Election Row\n\nMarlovia's opposition leader, Ines Carva, accused the government of a conspiracy "
            "to delay the vote.\n")
    sides = _sides(text, {"Ines Carva": "person", "Marlovia": "country"},
                   {"accused": ["government"], "category": "election_interference"})
    assert sides == [(["Ines Carva/person/False"], ["government/government/True"])]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [("Ines Carva said she blamed police for the delay.", ["police"]),
     ("Ines Carva said the gang attacked the police in May.", []),  # a physical attack, no wrong named after it
     ("Ines Carva said the mob attacked the police over the arrests.", ["police"]),
     ("Ines Carva said she criticised the Halden Police Department.", [])],  # a named body is its own actor
)
def test_a_body_after_an_accusing_verb_is_made_an_actor(sentence: str, found: list[str]) -> None:
    drafts = [ActorDraft("Ines Carva", "person", mentions=[(0, 10)])]
    if "Halden" in sentence:
        at = sentence.index("Halden")
        drafts.append(ActorDraft("Halden Police Department", "government", mentions=[(at, at + 24)]))
    window = sentence_window((0, len(sentence)), sentences_of(sentence))
    accused_bodies(sentence, [window], drafts)
    assert [d.name for d in drafts if d.unnamed] == found


def test_a_body_is_mentioned_where_the_story_names_it_not_where_any_such_body_is_meant() -> None:
    text = "The government said no. If any government fails, the Government must pay, other governments said.\n"
    assert [text[s:e] for s, e in body_mentions(text, "government")] == ["government", "Government"]


def _actor_mentions(text: str, name: str) -> list[tuple[int, int]]:
    """The mentions of the actor named `name` once the article's actors are found (`pipeline.attributed`)."""
    _, drafts = pipeline.attributed(text, [], [])
    return next(d.mentions for d in drafts if d.name == name)


@pytest.mark.parametrize("mentions", [body_mentions, _actor_mentions])
def test_the_opposition_is_not_mentioned_where_its_word_describes_votes_or_leaders(
    mentions: Callable[[str, str], list[tuple[int, int]]],
) -> None:
    text = ("Vote Row\n\nThe opposition claims 9,000 opposition votes were lost. Opposition leaders asked the "
            "opposition to wait.\n")
    assert [s for s, _ in mentions(text, "opposition")] == [text.index("opposition"), text.rindex("opposition")]



def test_finishing_the_actors_again_keeps_the_opposition_out_of_opposition_votes() -> None:
    # a writer added after attribution finishes the actors once more (`authorial`): mentions found by name again
    text = "Vote Row\n\nThe opposition said opposition voters were turned away. Ada Quill denied it.\n"
    drafts = [ActorDraft("opposition", "organization", unnamed=True), ActorDraft("Ada Quill", "person")]
    finish_actors(text, drafts)
    finish_actors(text, drafts)
    body = next(d for d in drafts if d.name == "opposition")
    assert body.mentions == [(text.index("opposition"), text.index("opposition") + len("opposition"))]


def test_a_body_whose_words_also_name_a_country_does_not_stop_the_article() -> None:
    # "the Marlovian government" is the body and, by its adjective, a mention of Marlovia: two actors share a span
    text = ("Border Row\n\nThe Marlovian government accused Ines Carva of smuggling arms across the border. "
            "Marlovia closed the crossing on Monday. Carva denied it.\n")
    sides = _sides(text, {"Ines Carva": "person", "Marlovia": "country"},
                   {"accused": ["Ines Carva"], "category": "crime"})
    assert [accused for _, accused in sides] == [["Ines Carva/person/False"]]
