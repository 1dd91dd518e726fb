"""Who accuses whom: the sentence's grammar checks the model's labels, one class of mistake per test.

Each test drives the pipeline through `plan()` on one invented article with the labels a small model gave
(wrong ones on purpose: a reversed direction, a victim accused, an accusation read into a denial), and checks
the allegations a reader would take from the text.
"""

from __future__ import annotations

from typing import Any

import pytest

from extract.language.actors import build_actors
from extract.language.descriptions import find_references
from schemas import Actor, Allegation
from tests.test_attribution import _run

STORY = (
    "Hack Row Deepens\n\n"
    "Valdoria's government blamed Kestria for the hack of the Orlan Party's servers. The Valdorian Cyber Agency "
    "said the breach of the election commission was carried out by the Grey Falcon group. Marta Ilves said the "
    "Grey Falcon group was behind the theft of the ballots.\n\n"
    "Senator Ivo Brandt accused the Orlan Party of lying about the break-in. Brandt said Marta Ilves had leaked "
    "the ballots to Kestria.\n\n"
    "\"I never had access to the ballots,\" Ilves said. \"I make this promise to you: we will achieve justice for "
    "Kestria,\" Holm said. \"Northwind takes the claims against Kestria very, very "
    "seriously,\" said Petra Holm, a Northwind spokeswoman. \"Kestria should disrupt the hacking,\" Brandt said. "
    "Brandt urged the Valdorian Senate to investigate the Grey Falcon group. \"You can and will be held "
    "accountable,\" Holm told the Grey Falcon group.\n\n"
    "Nato chief Anna Lind said Kestria is a decisive enabler of Moravia's invasion of Tessary. Brandt said the "
    "alliance could pose a danger to Orland, Pellia and Surrey. Brandt said Kestria was born in Orland.\n"
)
ACTORS = {"Valdoria": "country", "Kestria": "country", "Orlan Party": "organization", "Grey Falcon": "armed_group",
          "Valdorian Cyber Agency": "government", "Marta Ilves": "person", "Ivo Brandt": "person",
          "Northwind": "media", "Petra Holm": "person", "Valdorian Senate": "government", "Anna Lind": "person",
          "Nato": "international_organization", "Moravia": "country", "Tessary": "country", "Orland": "country",
          "Pellia": "country", "Surrey": "country"}
#: The statements, as the speech finder numbers them.
S = {"blamed": "s1", "carried out by": "s2", "behind": "s3", "accused": "s4", "leaked": "s5", "never": "s6",
     "promise": "s7", "seriously": "s8", "should": "s9", "urged": "s10", "accountable": "s11", "enabler": "s12",
     "danger": "s13", "born in": "s14"}


#: What the grammar alone gives, whatever the model says: the accusing verbs' subjects and objects.
BY_VERBS = [(["Valdoria"], ["Kestria"], "cyberattack"), (["Ivo Brandt"], ["Orlan Party"], "disinformation")]
#: And what the words alone give: "Brandt said Marta Ilves had leaked the ballots to Kestria" speaks ill of the
#: one actor it names as a subject (Kestria, the recipient, is not accused), whatever label the model gave.
BY_WORDS = [*BY_VERBS, (["Ivo Brandt"], ["Marta Ilves"], "election_interference")]


def _none(**labels: dict[str, Any]) -> dict[str, Any]:
    return {key: labels.get(key, {"accused": [], "category": "none"}) for key in S.values()}


def _allegations(labels: dict[str, Any]) -> tuple[list[tuple[list[str], list[str], str]], list[Allegation],
                                                  list[Actor]]:
    actors, _, allegations, _, _ = _run(STORY, ACTORS, labels)
    names = {a.id: a.name for a in actors}
    return ([([names[i] for i in a.accusers], [names[i] for i in a.accused], a.category) for a in allegations],
            allegations, actors)


def test_the_subject_of_an_accusing_verb_accuses_and_its_object_is_accused() -> None:
    """'X blamed Y for the hack of Z': the model picked Z, the victim; X accuses Y (the object), never Z."""
    found, _, _ = _allegations(_none(s1={"accused": ["Orlan Party"], "category": "corruption"}))
    assert found == BY_WORDS


def test_the_object_of_accused_is_accused_even_when_the_model_says_none() -> None:
    found, _, _ = _allegations(_none())
    assert found == BY_WORDS


def test_the_agent_of_a_passive_and_whoever_was_behind_it_are_accused() -> None:
    """'was carried out by X', 'X was behind the theft': X did the wrong, whatever else the model named."""
    found, _, _ = _allegations(_none(s2={"accused": [], "category": "cyberattack"},
                                     s3={"accused": [], "category": "crime"}))
    assert [f[:2] for f in found if f not in BY_WORDS] == [
        (["Valdorian Cyber Agency"], ["Grey Falcon"]), (["Marta Ilves"], ["Grey Falcon"])]


def test_a_denial_in_the_speakers_own_words_answers_the_allegation_and_makes_none() -> None:
    """'I never had access to the ballots' labelled as an accusation is Ilves denying Brandt's claim."""
    found, allegations, actors = _allegations(_none(s5={"accused": ["Marta Ilves"], "category": "crime"},
                                                    s6={"accused": [], "category": "fraud"}))
    ids = {a.name: a.id for a in actors}
    assert [f[:2] for f in found] == [(["Valdoria"], ["Kestria"]), (["Ivo Brandt"], ["Orlan Party"]),
                                      (["Ivo Brandt"], ["Marta Ilves"])]
    leaked = allegations[2]
    assert leaked.status == "denied" and leaked.responses == ["S6"] and ids["Marta Ilves"] not in leaked.accusers


def test_reassurance_call_to_action_and_warning_to_all_accuse_nobody() -> None:
    found, _, _ = _allegations(_none(
        s7={"accused": ["Kestria"], "category": "crime"},  # "I make this promise to you: we will achieve justice"
        s8={"accused": ["Kestria"], "category": "cyberattack"},  # "takes the claims … very seriously"
        s9={"accused": ["Kestria"], "category": "cyberattack"},  # "Kestria should disrupt the hacking"
        s10={"accused": ["Valdorian Senate"], "category": "other"},  # "urged the Valdorian Senate to investigate"
        s11={"accused": [], "category": "crime"},  # "You can and will be held accountable"
    ))
    assert found == BY_WORDS  # only the accusing verbs' own and the leak's


def test_the_victim_and_those_threatened_are_never_accused() -> None:
    """'an enabler of Moravia's invasion of Tessary', 'a danger to Orland, Pellia and Surrey'."""
    found, _, _ = _allegations(_none(
        s12={"accused": ["Tessary"], "category": "armed_aggression"},
        s13={"accused": ["Orland", "Pellia", "Surrey"], "category": "war_crimes"},
        s14={"accused": ["Orland"], "category": "other"},  # a place is no one accused
    ))
    accused = {name for _, names, _ in found for name in names}
    assert not accused & {"Tessary", "Orland", "Pellia", "Surrey"}
    assert (["Anna Lind"], ["Kestria"], "armed_aggression") in found  # the wrong's agent named first instead


def test_a_headline_phrase_is_no_actor_and_a_common_noun_is_none_either() -> None:
    text = ("Witness Debunks Claim Brenner Groped Woman\n\n"
            "A witness said Tom Brenner never touched the woman, the administration said. Editor’s note: Brenner "
            "is a donor. Some said the libertarian Halden Institute paid him. Federal court records show a "
            "federal court fined him.\n")
    drafts = build_actors(text, [("Debunks Claim Brenner", "person"), ("administration", "government"),
                                 ("Tom Brenner", "person"), ("Editor’s", "organization"), ("Some", "organization"),
                                 ("libertarian Halden Institute", "organization"),
                                 ("Federal court", "government")], [])
    assert [d.name for d in drafts] == ["Tom Brenner", "Halden Institute"]


def test_a_possessive_the_model_kept_is_not_part_of_the_name() -> None:
    text = "Tax Fight\n\nDana Kerr’s plan was attacked by Olm Verran. Verran said Dana Kerr lied about taxes.\n"
    drafts = build_actors(text, [("Dana Kerr’s", "person"), ("Olm Verran", "person")], [])
    assert sorted(d.name for d in drafts) == ["Dana Kerr", "Olm Verran"]


def test_a_country_named_only_as_a_place_or_in_a_title_is_no_actor_unless_it_takes_part() -> None:
    text = ("Budget Talks\n\nWhite House spokesman Carl Voss said the talks in America had gone well. "
            "\"Congress has stalled the bill,\" Voss said. Voss said Kestria had lied about the tariffs.\n")
    actors, _, _, _, warnings = _run(text, {"Carl Voss": "person", "Congress": "government", "Kestria": "country"},
                                     {"s3": {"accused": ["Kestria"], "category": "disinformation"}})
    assert sorted(a.name for a in actors) == ["Carl Voss", "Congress", "Kestria"]
    assert any("'United States'" in w for w in warnings)


def test_whom_the_speakers_title_names_is_on_the_speakers_side() -> None:
    """'Brenner campaign spokesman Ola Dunn said …': Dunn speaks for Brenner and accuses him of nothing."""
    text = ("Leave Plan\n\nBrenner campaign spokesman Ola Dunn said Tom Brenner's leave plan would cover single "
            "mothers. Ola Dunn said the Halden Institute had lied about the plan.\n")
    actors, _, allegations, _, _ = _run(text, {"Tom Brenner": "person", "Ola Dunn": "person",
                                               "Halden Institute": "organization"},
                                        {"s1": {"accused": ["Tom Brenner"], "category": "other"},
                                         "s2": {"accused": ["Halden Institute"], "category": "disinformation"}})
    names = {a.id: a.name for a in actors}
    assert [([names[i] for i in a.accusers], [names[i] for i in a.accused]) for a in allegations] == [
        (["Ola Dunn"], ["Halden Institute"])]


def test_the_place_in_a_description_of_the_speaker_is_not_the_speaker() -> None:
    """'the Dunmore senator said …' describes someone; Dunmore, a place, is no actor and says nothing."""
    text = ("Senate Fight\n\nLena Okafor has criticised Tom Brenner for months. In June, the Dunmore senator said "
            "Brenner had lied about the budget.\n")
    actors, statements, allegations, _, _ = _run(text, {"Lena Okafor": "person", "Tom Brenner": "person"})
    assert [a.name for a in actors if not a.unnamed] == ["Lena Okafor", "Tom Brenner"]
    # the senator's words keep an unnamed source as speaker (no name invented, no Dunmore), who accuses no one
    names = {a.id: (a.name, a.unnamed) for a in actors}
    said = [names[s.speaker] for s in statements if "lied about the budget" in s.text]
    assert said == [("the Dunmore senator", True)]
    assert not any(names[i][1] for a in allegations for i in a.accusers)


def test_the_president_is_not_the_former_president() -> None:
    """'the president signed the bill' is not Former President Dana Kerr: she is not offered as the accused."""
    text = ("Health Law\n\nFormer President Dana Kerr spoke in Halden. Ola Dunn said the president had broken the "
            "law. The former president said no.\n")
    drafts = build_actors(text, [("Dana Kerr", "person"), ("Ola Dunn", "person")], [])
    described = find_references(text, drafts)
    kerr = next(d for d in drafts if d.name == "Dana Kerr")
    assert [text[s:e] for s, e in described[id(kerr)]] == ["The former president"]


def test_whom_a_speaker_describes_as_a_wrongdoer_is_accused_when_the_model_saw_a_wrong() -> None:
    """'described Valdorian Prime Minister Marta Ilves as a "disgrace"': she is named outside the quoted words."""
    text = ("Row\n\nIvo Brandt described Valdorian Prime Minister Marta Ilves as a \"disgrace\" after she insulted "
            "the police. Ivo Brandt described Tom Kerr as a \"hero\" after the flood.\n")
    actors, statements, allegations, _, _ = _run(text, {"Ivo Brandt": "person", "Marta Ilves": "person",
                                                        "Tom Kerr": "person"},
                                                 {"s1": {"accused": [], "category": "misconduct"}})
    names = {a.id: a.name for a in actors}
    assert len(statements) == 2
    assert [([names[i] for i in a.accusers], [names[i] for i in a.accused]) for a in allegations] == [
        (["Ivo Brandt"], ["Marta Ilves"])]  # the hero, labelled "none", is accused of nothing


def test_one_speaker_blaming_one_actor_in_several_statements_makes_one_allegation() -> None:
    """A paraphrase and the quotation right after it, in other words, are one charge with two pieces of evidence."""
    text = (
        "Harbour Spill\n\n"
        "Senator Ada Quill said Verra Holdings hid the spill from the town for a month. Residents are angry. "
        "\"Verra Holdings lied to us about the poison in our water,\" Quill said.\n"
    )
    _, statements, allegations, _, _ = _run(text, {"Ada Quill": "person", "Verra Holdings": "organization"},
                                                 {f"s{n}": {"accused": ["Verra Holdings"], "category": "misconduct"}
                                                  for n in (1, 2, 3)})
    assert len(allegations) == 1
    assert len(allegations[0].evidence) == len(statements) >= 2


def test_attacked_for_accuses_its_object_but_a_physical_attack_does_not() -> None:
    """'X attacked Y for her vote' is X's charge against Y; in 'Orland attacked Pellia in May' Orland did it."""
    actors = {"Tom Reed": "person", "Ada Quill": "person", "Orland": "country", "Pellia": "country"}
    text = ("Harbour Vote\n\nTom Reed attacked Ada Quill for her vote on the harbour deal, saying, \"She is "
            "reckless and unstable.\"\n")
    found, _, _ = _allegations_of(text, actors, {"s1": {"accused": [], "category": "none"}})
    assert found == [(["Tom Reed"], ["Ada Quill"])]
    text = "Border Clash\n\nAda Quill said Orland attacked Pellia in May with terrible, brutal force.\n"
    found, _, _ = _allegations_of(text, actors, {"s1": {"accused": ["Pellia"], "category": "armed_aggression"}})
    assert found == [(["Ada Quill"], ["Orland"])]  # not Orland accusing Pellia, nor Pellia accused


def _allegations_of(text: str, actors: dict[str, str], labels: dict[str, Any]) -> tuple[
        list[tuple[list[str], list[str]]], list[Allegation], list[Actor]]:
    named, _, allegations, _, _ = _run(text, actors, labels)
    names = {a.id: a.name for a in named}
    return [([names[i] for i in a.accusers], [names[i] for i in a.accused]) for a in allegations], allegations, named


def test_ill_words_alone_charge_only_where_the_accused_does_something_not_where_harm_befalls_them() -> None:
    """No wrong named, no accusing verb: the negative words must say what the accused did, not what befell her."""
    actors = {"Tom Reed": "person", "Ada Quill": "person"}
    harmed = ("Harbour Care\n\n\"I sent a nurse with Ada Quill on the trail,\" Tom Reed said. \"I also told the guards "
              "that she was on medication. In the event she was wounded, heavy bleeding would be a dangerous "
              "complication.\"\n")
    blamed = ("Harbour Deal\n\n\"I sent a nurse with Ada Quill on the trail,\" Tom Reed said. \"I also told the "
              "guards that she was on the harbour deal. What she did there is nothing to brag about. In fact, it "
              "is shameful.\"\n")
    for label in ({"accused": ["Ada Quill"], "category": "other"}, {"accused": [], "category": "none"}):
        labels = {"s1": label, "s2": label}
        assert _allegations_of(harmed, actors, labels)[0] == []
        assert _allegations_of(blamed, actors, labels)[0] == [(["Tom Reed"], ["Ada Quill"])]


def test_one_a_wrong_is_done_to_is_not_accused_behind_a_title_or_a_closing_quote() -> None:
    """'an "insult" to retired Gen. Quill': Quill is the one wronged, unless the statement names her doing one."""
    actors = {"Tom Reed": "person", "Ada Quill": "person", "Ivo Brandt": "person"}
    label = {"s1": {"accused": ["Ada Quill"], "category": "other"}}
    wronged = ("Harbour Row\n\nTom Reed said it would have been a disgraceful “insult” to retired Gen. Ada Quill for "
               "Ivo Brandt to refuse the medal.\n")
    assert _allegations_of(wronged, actors, label)[0] == []
    lied = "Harbour Row\n\nTom Reed said Ada Quill lied about the “insult” to retired Gen. Ada Quill.\n"
    assert _allegations_of(lied, actors, label)[0] == [(["Tom Reed"], ["Ada Quill"])]


def test_one_whose_kin_are_named_is_not_accused_of_what_befell_or_was_done_to_them() -> None:
    """'the grief of Quill's widow', 'Quill's family was mocked' accuse not Quill; her family foundation does."""
    actors = {"Tom Reed": "person", "Ada Quill": "person", "Ivo Brandt": "person"}
    label = {"s1": {"accused": ["Ada Quill"], "category": "other"}}
    for said in ("Ivo Brandt mocked the grief of Ada Quill's widow, a disgrace", "Ada Quill's family was cruelly "
                 "mocked by Ivo Brandt"):
        found = _allegations_of(f"Harbour Row\n\nTom Reed said {said}.\n", actors, label)[0]
        assert ["Ada Quill"] not in [accused for _, accused in found]
    owned = "Harbour Row\n\nTom Reed said Ada Quill's family foundation shamefully took bribes.\n"
    assert _allegations_of(owned, actors, label)[0] == [(["Tom Reed"], ["Ada Quill"])]


def test_one_bullied_or_coerced_is_not_accused_but_the_one_bullying_is() -> None:
    """'Brandt cruelly bullied Quill', 'intimidated Quill's supporters': Brandt did the wrong, Quill suffered it."""
    actors = {"Tom Reed": "person", "Ada Quill": "person", "Ivo Brandt": "person"}
    label = {"s1": {"accused": ["Ada Quill"], "category": "other"}}
    for said in ("Ivo Brandt cruelly bullied Ada Quill", "Ivo Brandt shamefully intimidated Ada Quill's supporters"):
        found = _allegations_of(f"Harbour Row\n\nTom Reed said {said}.\n", actors, label)[0]
        assert found == [(["Tom Reed"], ["Ivo Brandt"])]
    bullying = "Harbour Row\n\nTom Reed said Ada Quill bullied the victims and lied.\n"
    assert _allegations_of(bullying, actors, label)[0] == [(["Tom Reed"], ["Ada Quill"])]


def test_the_owner_of_those_harmed_is_not_accused_of_the_harm() -> None:
    """'Quill's supporters were beaten', 'Quill's office was bombed': a wrong done to hers, not by her."""
    actors = {"Tom Reed": "person", "Ada Quill": "person", "Ivo Brandt": "person"}
    label = {"s1": {"accused": ["Ada Quill"], "category": "other"}}
    for said in ("Ada Quill's supporters were beaten and harassed at the rally", "Ada Quill's campaign office was "
                 "shamefully bombed"):
        assert _allegations_of(f"Harbour Row\n\nTom Reed said {said}.\n", actors, label)[0] == []
    lied = "Harbour Row\n\nTom Reed said Ada Quill's lies were shameful and her aides were harassed.\n"
    assert _allegations_of(lied, actors, label)[0] == [(["Tom Reed"], ["Ada Quill"])]


def test_whom_a_person_works_for_is_not_accused_of_what_is_said_of_the_person() -> None:
    """'criticism of Harbour News's Ada Quill, who …': the outlet only says whom Quill works for."""
    actors = {"Tom Reed": "person", "Ada Quill": "person", "Ivo Brandt": "person", "Harbour News": "media"}
    label = {"s1": {"accused": ["Harbour News"], "category": "other"}}
    said = "Ivo Brandt cited the criticism of Harbour News's Ada Quill, who took heat for her shameful questions"
    found = _allegations_of(f"Harbour Row\n\nTom Reed said {said}.\n", actors, label)[0]
    assert ["Harbour News"] not in [accused for _, accused in found]
    lied = "Harbour Row\n\nTom Reed said Harbour News's shameful lies hurt Ada Quill.\n"
    assert _allegations_of(lied, actors, label)[0] == [(["Tom Reed"], ["Harbour News"])]


def test_a_naming_verb_with_no_name_after_its_object_names_nobody_anything() -> None:
    """'called Tom Kerr immediately' is a call made, 'a group called Harbour Watch, which' the group's name: no
    charge, whatever wrong the model saw; 'called Tom Kerr a "disgrace"' names him one."""
    text = ("Harbour Row\n\nIvo Brandt said he called Marta Ilves immediately after the vote. Ivo Brandt said a "
            "group called Harbour Watch, which he founded, is growing. Ivo Brandt said he called Tom Kerr a "
            "\"disgrace\" after the flood.\n")
    actors, statements, allegations, _, _ = _run(text, {"Ivo Brandt": "person", "Marta Ilves": "person",
                                                        "Harbour Watch": "organization", "Tom Kerr": "person"},
                                                 {f"s{n}": {"accused": [], "category": "misconduct"}
                                                  for n in range(1, 7)})
    names = {a.id: a.name for a in actors}
    assert any("Marta Ilves immediately" in s.text for s in statements)
    assert [([names[i] for i in a.accusers], [names[i] for i in a.accused]) for a in allegations] == [
        (["Ivo Brandt"], ["Tom Kerr"])]


def test_the_source_that_reports_a_wrong_is_not_accused_of_it() -> None:
    """'hackers who Orland officials say are tied to Kestria', 'Pellia's warnings of intrusions': Orland and
    Pellia report the wrong; the model's pick of them is dropped, whatever it saw."""
    actors = {"Ada Quill": "person", "Orland": "country", "Pellia": "country", "Kestria": "country"}
    text = ("Server Breach\n\nAda Quill said the hackers who Orland officials say are tied to Kestria broke into the "
            "party's servers. Ada Quill said the breach followed Pellia's warnings of intrusions into the servers.\n")
    found, _, _ = _allegations_of(text, actors, {"s1": {"accused": ["Orland"], "category": "cyberattack"},
                                                 "s2": {"accused": ["Pellia"], "category": "cyberattack"}})
    assert not [accused for _, accused in found if "Orland" in accused or "Pellia" in accused]


def test_condolences_accuse_nobody_but_a_rebuke_by_sympathy_still_does() -> None:
    """'very sorry to hear that Tom Kerr had died' consoles, whatever the model saw; 'rebuked Tom Kerr by
    expressing sympathy' accuses him."""
    actors = {"Ada Quill": "person", "Tom Kerr": "person", "Ivo Brandt": "person"}
    text = ("Harbour Loss\n\nAda Quill said she was \"very sorry\" to hear that Tom Kerr had died in the flood. "
            "Ivo Brandt said the leaders had rebuked Tom Kerr for his silence by publicly expressing sympathy for "
            "the family.\n")
    found, _, _ = _allegations_of(text, actors, {"s1": {"accused": ["Tom Kerr"], "category": "other"},
                                                 "s2": {"accused": ["Tom Kerr"], "category": "other"}})
    assert found == [(["Ivo Brandt"], ["Tom Kerr"])]


def test_what_a_deed_brought_into_being_is_not_its_doer() -> None:
    """'Tom Reed created the so-called Grey Falcon militia', 'his policies created the conditions in which Grey
    Falcon could emerge': Reed is blamed, not the group his deed let come about."""
    actors = {"Ada Quill": "person", "Tom Reed": "person", "Grey Falcon": "armed_group"}
    text = ("Militia Row\n\nAda Quill said Tom Reed recklessly created the so-called Grey Falcon militia. Ada Quill "
            "said Tom Reed's reckless policies created the conditions in which Grey Falcon could emerge.\n")
    found, _, _ = _allegations_of(text, actors, {"s1": {"accused": ["Grey Falcon"], "category": "terrorism"},
                                                 "s2": {"accused": ["Grey Falcon"], "category": "terrorism"}})
    assert found and all(accused == ["Tom Reed"] for _, accused in found)


def test_a_body_does_not_accuse_the_actor_it_is_named_after() -> None:
    """'The KRU official said Kenya had wrongly fielded a banned player': the Kenya Rugby Union is Kenya's own side,
    whatever the model saw; another speaker may still blame Kenya."""
    actors = {"Kenya Rugby Union": "organization", "Kenya": "country", "Ada Quill": "person"}
    text = ("Rugby Row\n\nThe Kenya Rugby Union (KRU) met on Monday. The KRU official said Kenya had wrongly fielded "
            "a banned player in the final. Ada Quill said Kenya had wrongly fielded a banned player in the final.\n")
    found, _, _ = _allegations_of(text, actors, {"s1": {"accused": ["Kenya"], "category": "other"},
                                                 "s2": {"accused": ["Kenya"], "category": "other"}})
    assert found == [(["Ada Quill"], ["Kenya"])]


@pytest.mark.parametrize(("text", "named"), [
    # whom threats reach: Orland is threatened
    ("Threats\n\nAda Quill said Orland authorities received e-mail and phone threats of bomb attacks on the "
     "harbour last week.\n", "Orland"),
    # the one who fears a wrong: Reed fears the harm, he does not do it
    ("Harbour Militia\n\nAda Quill said the movement is arming a militia that Tom Reed fears could attack the "
     "harbour and hurt the town.\n", "Tom Reed"),
])
def test_the_one_threatened_or_fearing_a_wrong_is_not_accused_of_it(text: str, named: str) -> None:
    """'Orland authorities received … threats', 'a militia Tom Reed fears could attack the harbour': whatever the
    model picked, the one the wrong reaches or who fears it is not accused."""
    actors = {"Ada Quill": "person", "Orland": "country", "Tom Reed": "person"}
    found, _, _ = _allegations_of(text, actors, {"s1": {"accused": [named], "category": "terrorism"}})
    assert found == []
