"""Actors whose names are names, and mentions that go to the right person or to nobody (invented texts)."""

from __future__ import annotations

from extract.language.actors import build_actors, resolve_name
from extract.language.admitting import add_actor
from extract.language.finishing import finish_actors
from extract.language.people import find_people


def test_an_honorific_of_the_other_gender_is_nobodys_mention_when_one_person_has_the_surname() -> None:
    text = (
        "Harbor Visit\n\nSusan Varnum toured the pier on Monday. Later, Mr. Varnum said the budget is short. "
        "Mrs. Varnum smiled.\n"
    )
    drafts = build_actors(text, [("Susan Varnum", "person")], [])
    finish_actors(text, drafts)
    susan = next(d for d in drafts if d.name == "Susan Varnum")
    before = [text[s - 5 : s].split()[-1] for s, _ in susan.mentions]
    assert "Mr." not in before and "Mrs." in before  # "Mr. Varnum" is someone else, not her
    assert resolve_name("Mr. Varnum", drafts) is not susan
    assert resolve_name("Mrs. Varnum", drafts) is susan


def test_a_month_or_word_from_a_list_after_a_given_name_is_the_surname() -> None:
    text = (
        "Port Talks\n\nOn Tuesday, Prime Minister Teresa May met Lauryn Hill and Steven Law at the pier. "
        "Hill said the plan was late. In May the council voted.\n"
    )
    drafts = build_actors(text, [], [])
    finish_actors(text, drafts)
    people = {d.name: [text[s:e] for s, e in d.mentions] for d in drafts if d.kind == "person"}
    assert {"Teresa May", "Lauryn Hill", "Steven Law"} <= set(people)
    assert people["Teresa May"] == ["Teresa May"]  # "In May" is the month, not her
    assert "Hill" in people["Lauryn Hill"]


def test_a_sentence_s_own_first_word_before_a_name_is_no_part_of_it() -> None:
    text = (
        "Harbor Vote\n\nMaybe Quill is right about the pier. Dara Quill said the plan would maybe work. "
        'Interestingly Quill, a builder, agreed. Said Jo Brannock, who lives there: "It is late." '
        "Will Quill win? Critics say he will. Mayor Bill de Blasio came. De Blasio spoke. Omar bin Varek hid. "
        "Bin Varek fled.\n"
    )
    people = find_people(text)
    assert {"Dara Quill", "Jo Brannock", "De Blasio", "Bin Varek"} <= set(people)  # "de" is a surname's particle
    assert not {"Maybe Quill", "Interestingly Quill", "Said Jo Brannock", "Will Quill"} & set(people)


def test_a_title_before_a_given_name_or_an_english_word_makes_no_lone_surname() -> None:
    text = (
        "Pier Vote\n\nMayor Tom de Varnum spoke on Monday. De Varnum said the pier is late. The firm made a Vice "
        "Presidential pick, and the presidential race went on. President Quill said the vote was close.\n"
    )
    people = find_people(text)
    assert "Quill" in people  # a titled surname alone is a person
    assert "Tom" not in people and "Presidential" not in people


def test_told_before_an_honorific_names_no_outlet() -> None:
    text = "Pier Talk\n\nDara Quill told Mr. Varnum on Monday that the pier was late, and Mr. Varnum agreed.\n"
    assert not [d.name for d in build_actors(text, [], []) if d.name.startswith("Mr")]


def test_a_date_before_or_after_a_bodys_name_is_no_part_of_it() -> None:
    text = (
        "Pier Vote\n\nDara Quill told Rena Vole of Valmont News on March 14 that the pier was late. The governor "
        "named her to the Fenwick Court of Appeals in May 2015. In an early-October Harbor Ledger Times poll she "
        "led.\n"
    )
    names = {d.name for d in build_actors(text, [], [])}
    assert {"Valmont News", "Fenwick Court of Appeals", "Harbor Ledger Times"} <= names
    assert not [n for n in names if "March" in n or "May" in n or "October" in n]


def test_an_honorific_of_the_other_gender_before_the_one_full_names_surname_is_another_person() -> None:
    text = (
        "Pier Visit\n\nThe first lady, Marla Quennell, toured the pier on Monday. \"The pier is lovely,\" "
        "Mrs. Quennell said.\n\n\"We will fix the budget,\" Mr. Quennell told reporters.\n"
    )
    drafts = build_actors(text, [("Marla Quennell", "person")], [])
    finish_actors(text, drafts)
    mentions = {d.name: [text[s:e] for s, e in d.mentions] for d in drafts if d.kind == "person"}
    assert mentions["Mr. Quennell"] == ["Mr. Quennell"]  # he is someone, not nobody
    assert mentions["Marla Quennell"] == ["Marla Quennell", "Quennell"]  # "Mrs. Quennell" stays hers
    assert resolve_name("Mr. Quennell", drafts) is next(d for d in drafts if d.name == "Mr. Quennell")
    both = "Pier Visit\n\nMarla Quennell and Tomas Quennell came. Mr. Quennell spoke.\n"
    assert "Mr. Quennell" not in {d.name for d in build_actors(both, [], [])}  # his full name is written


def test_a_party_appositive_or_a_place_after_a_bodys_name_is_no_name() -> None:
    text = (
        "Pier Vote\n\n\"The pier is late,\" said Representative Dara Quill, Republican of Fenwick, on Monday. "
        "\"It is,\" said one Democrat familiar with the talks. Jo Brannock, a judge on the Valmont Court of "
        "Appeals in Port Ardell, agreed, and the Harbor Institute of Politics in Lyndale held a debate. The "
        "Council for Harbor Trade in Europe, which watches ports, said so.\n"
    )
    drafts = build_actors(text, [("Republican of Fenwick", "organization")], [])
    names = {d.name for d in drafts}
    for phrase in ("Republican of Fenwick", "Democrat familiar with the talks"):
        assert add_actor(text, phrase, "organization", drafts, []) is None  # someone described, not a name
    assert {"Valmont Court of Appeals", "Harbor Institute of Politics", "Council for Harbor Trade in Europe"} <= names
    places = [n for n in names if " in " in n and not n.endswith(" in Europe")]  # a region is a body's scope
    assert not places and not [n for n in names if n.startswith(("Republican", "Democrat"))]


def test_a_city_or_an_english_word_before_a_comma_or_a_surname_is_no_person() -> None:
    text = (
        "Pier Vote\n\nIn San Ardell, a task force met. Quill spoke on trade, Harbor Security, the death penalty "
        "and harbor fees. Team Quill wants a pier, the team said. Khizr Varnum, the father of a sailor, spoke. "
        "Varnum wept, and Dara Quill agreed.\n"
    )
    people = find_people(text)
    assert {"Khizr Varnum", "Dara Quill"} <= set(people)  # no given name, but an appositive marks him
    assert not {"San Ardell", "Harbor Security", "Team Quill"} & set(people)


def test_a_phrase_with_a_colon_a_quotation_mark_or_thirteen_words_is_no_name() -> None:
    text = (
        'Pier Book\n\nIn "Harbor Days: Dara Quill and the Pier" by Jo Brannock, Quill sat in her study. The Valmont '
        "Court of Appeals for the District of Fenwick and Lyndale Counties ruled on the pier on a rainy day, and the "
        "judges who wrote the ruling said nothing more about it to the crowd.\n"
    )
    drafts = build_actors(text, [], [])
    assert add_actor(text, 'Harbor Days: Dara Quill and the Pier" by Jo Brannock', "organization", drafts, []) is None
    long = "Valmont Court of Appeals for the District of Fenwick and Lyndale Counties"
    assert add_actor(text, long, "government", drafts, []) is not None  # twelve words can be a court's name


def test_a_place_is_no_person_whoever_proposes_it() -> None:
    text = "Pier Vote\n\nNew Hampshire insiders said the vote in San Ardell was close, and Dara Quill agreed.\n"
    drafts = build_actors(text, [], [])
    assert add_actor(text, "New Hampshire", "person", drafts, []) is None
    assert add_actor(text, "San Ardell", "person", drafts, []) is None
    assert add_actor(text, "Dara Quill", "person", drafts, []) is not None


def test_two_spellings_one_letter_apart_are_one_person_unless_their_genders_differ() -> None:
    text = (
        "Pier Vote\n\nDara Quillon said the pier is late. Quillon spoke for an hour. A reader wrote: Darra Quillon "
        "is wrong. Eric Varnum came with his daughter, Erica Varnum, and Angela Brannock met Angela Branock.\n"
    )
    drafts = build_actors(text, [("Dara Quillon", "person"), ("Darra Quillon", "person")], [])
    people = {d.name: d.aliases for d in drafts if d.kind == "person"}
    assert "Darra Quillon" not in people and "Darra Quillon" in people["Dara Quillon"]  # the spelling written more
    assert {"Eric Varnum", "Erica Varnum"} <= set(people)  # a father and his daughter
    assert len([n for n in people if n.startswith("Angela")]) == 1


def test_a_title_and_surname_reported_to_say_he_beside_only_a_womans_full_name_is_another_person() -> None:
    text = (
        "Pier Visit\n\nFirst lady Marla Quennell toured the pier on Monday. President Quennell said he would sign "
        "the bill. Quennell left early.\n"
    )
    drafts = build_actors(text, [("Marla Quennell", "person")], [])
    finish_actors(text, drafts)
    mentions = {d.name: [text[s:e] for s, e in d.mentions] for d in drafts if d.kind == "person"}
    assert mentions["President Quennell"] == ["President Quennell"]
    assert mentions["Marla Quennell"] == ["Marla Quennell", "Quennell"]
    said_she = text.replace("said he", "said she")  # she may be the president: nothing tells two people apart
    assert "President Quennell" not in {d.name for d in build_actors(said_she, [("Marla Quennell", "person")], [])}


def test_two_swapped_letters_are_one_person() -> None:
    text = (
        "Pier Vote\n\nAbdulhadi Quillon said the pier is late. Quillon spoke. A lot was owned by Adbulhadi Quillon.\n"
    )
    people = {d.name: d.aliases for d in build_actors(text, [], []) if d.kind == "person"}
    assert list(people) == ["Abdulhadi Quillon"] and "Adbulhadi Quillon" in people["Abdulhadi Quillon"]


def test_an_english_word_capitalised_only_by_its_place_or_inside_a_longer_name_is_no_speakers_name() -> None:
    text = (
        "Tiger Escapes\n\nWENBURY — Doctors treated two keepers at the Wenbury Zoo on Monday. Zoo officials said the "
        "zoo would stay shut. The Secretary of State, Dara Quill, came. State television said the gates were open. "
        "Continental Freight Systems moved the cages, and Continental said the work was done.\n"
    )
    drafts = build_actors(text, [("Continental Freight Systems", "organization")], [])
    for word in ("Zoo", "State", "Doctors"):
        assert add_actor(text, word, "organization", drafts, []) is None, word
    assert add_actor(text, "Continental", "organization", drafts, []) is not None  # the company's short name


def test_a_title_of_nobility_alone_is_no_persons_name() -> None:
    text = (
        "Ship Launch\n\nThe Duchess of Wenbury launched the ship. The Princess Royal watched, and the Princess "
        "said the bottle did not break. Dara Quill, the captain, agreed.\n"
    )
    drafts = build_actors(text, [], [])
    assert add_actor(text, "Princess", "person", drafts, []) is None
    assert add_actor(text, "Duchess", "person", drafts, []) is None
    assert {d.name for d in drafts if d.kind == "person"} == {"Dara Quill"}  # not "Royal" of "Princess Royal"


def test_an_event_or_a_thing_named_by_a_place_and_a_noun_is_no_person() -> None:
    text = (
        "Test Report\n\nArdell won the Wenbury Test on Monday, and the next test is in May. The Wenbury Test drew "
        "a crowd. Quillmotors sold the Tansa Nano, a nano car. Dara Quill said the Tansa Nano sold well.\n"
    )
    assert find_people(text) == ["Dara Quill"]


def test_whom_a_statement_was_told_is_no_outlet_unless_it_is_one() -> None:
    text = (
        "Pier Hearing\n\nDara Quill told Parliament the pier was late. She told MPs the money was gone, told the "
        "Kestrian press it was safe and told the Americans the truth. The plan was reported by the Web site of the "
        "Wenbury Ledger. Quill told The Ft. Ardell Times she was sure, and she told the Wenbury Ledger so.\n"
    )
    media = {d.name for d in build_actors(text, [], []) if d.kind == "media"}
    assert "Wenbury Ledger" in media
    assert not media & {"Parliament", "MPs", "Kestrian", "Americans", "Web", "Ft"}
    assert "MPs" not in {d.name for d in build_actors(text, [("MPs", "organization")], [])}


def test_a_courtesy_title_tells_its_gender_with_or_without_a_full_stop_and_is_no_name_alone() -> None:
    from extract.language.gender import honorific_gender
    from extract.language.names import never_a_name_alone

    def told(title: str) -> str | None:
        return honorific_gender(f"Pier Row\n\n{title} Varnum said the pier is late.\n", ["Varnum"])

    assert [told(t) for t in ("Mr.", "Mr", "Mrs", "Miss", "Mme", "Dr.")] == ["m", "m", "f", "f", "f", None]
    assert [never_a_name_alone(w) for w in ("Mr", "Miss", "Mme.", "Varnum")] == [True, True, True, False]


def test_a_man_named_by_title_beside_a_woman_of_the_same_surname_is_an_actor_named_as_written() -> None:
    text = (
        "Harbor Visit\n\nSusan Varnum toured the pier on Monday. Later, Mr Varnum said the budget is short. "
        "Mr Varnum left early.\n"
    )
    drafts = build_actors(text, [("Susan Varnum", "person")], [])
    assert "Mr Varnum" in [d.name for d in drafts]  # British style: the title without its full stop
