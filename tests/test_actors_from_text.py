"""Actors found from the text alone, without the model's list: one invented sentence per class."""

from __future__ import annotations

from extract.language.actors import build_actors, resolve_name
from extract.language.admitting import add_actor
from extract.language.bodies import find_bodies
from extract.language.finishing import finish_actors
from extract.language.not_people import a_side_named, nationality_before_a_name
from extract.language.participation import taking_part
from extract.language.people import find_people


def _actors(text: str) -> dict[str, str]:
    """Name -> kind of the actors the text alone gives (the model proposed nothing)."""
    return {d.name: d.kind for d in build_actors(text, [], [])}


def test_a_census_given_name_marks_a_person_named_once() -> None:
    text = "Harbor fight\n\nDuring the town hall, Marjorie Quillfeather had a question for the mayor about Ivo Tarn.\n"
    assert find_people(text) == ["Marjorie Quillfeather"]  # "Ivo" is no census given name and nothing marks him


def test_given_names_that_are_also_words_or_places_mark_no_one() -> None:
    text = "Port vote\n\nWill Congress act? Hope Harbor voted on Monday near Virginia Beach. Grant Street closed.\n"
    assert find_people(text) == []


def test_bill_is_a_given_name_before_a_surname() -> None:
    assert find_people("Vote\n\nFormer President Bill Tarrow spoke for his wife.\n") == ["Bill Tarrow"]


def test_letters_signatures_of_three_words_and_at_the_end_are_people_and_the_town_is_not() -> None:
    text = (
        "Letters\n\nThe harbor plan is a waste of money.\n\nToni LeAnn Varley.\n\nThe port needs a new board.\n\n"
        "Osric Pellam.\n\nLyndale Va.\n"
    )
    assert find_people(text) == ["Toni LeAnn Varley", "Osric Pellam"]
    assert {"Toni LeAnn Varley", "Osric Pellam"} <= set(_actors(text))


def test_a_body_is_a_capitalised_run_that_ends_in_a_word_for_a_body() -> None:
    text = (
        "Port inquiry\n\nThe Brenmoor Police Department said on Monday that members of the Coastal Workers Caucus "
        "had met the Harbor Oversight and Reform Committee. The Valmont Ledger News first reported the talks.\n"
    )
    assert _actors(text) == {
        "Brenmoor Police Department": "government",
        "Coastal Workers Caucus": "organization",
        "Harbor Oversight and Reform Committee": "organization",
        "Valmont Ledger News": "media",
    }


def test_a_bodys_name_takes_what_it_is_of_or_for_but_not_a_title_or_a_person_before_it() -> None:
    text = (
        "Ruling\n\nThe Fenwick Court of Appeals for the Ninth Circuit ruled for the Center for Harbor Studies. "
        "Chairman of the Senate Port Committee Ada Brook agreed, and Lena Holt of Valmont News said so.\n"
    )
    names = _actors(text)
    assert {"Fenwick Court of Appeals for the Ninth Circuit", "Center for Harbor Studies", "Senate Port Committee",
            "Valmont News"} <= set(names)
    assert names["Senate Port Committee"] == "government"  # a legislature's committee
    assert not [n for n in names if n.startswith(("Chairman", "Lena Holt of"))]


def test_words_for_a_body_that_name_no_body() -> None:
    text = (
        "Harbor day\n\nThe Press Secretary spoke at the Fenwick Trade Center before the State of the Union. "
        "In the end the Police Department, as well as the FBI and Justice Department, looked on from afar.\n"
    )
    names = _actors(text)
    assert "Fenwick Trade Center" not in names  # a building: "Center" names a body only with "for …" or "of …"
    assert not [n for n in names if "Press" in n or "Union" in n or n == "Police Department"]
    assert {"FBI", "Justice Department"} <= set(names)


def test_bodies_known_by_one_word_or_letters_come_from_the_packaged_list() -> None:
    text = "Leak\n\nThe FBI declined to comment, Reuters reported. NATO allies met; the DNC said nothing.\n"
    assert _actors(text) == {"FBI": "government", "Reuters": "media", "NATO": "international_organization",
                             "DNC": "organization"}


def test_a_body_written_with_and_without_its_country_or_chamber_is_one_actor() -> None:
    text = (
        "Ruling\n\nThe U.S. Supreme Court heard the case. The Supreme Court ruled later. The House Port Committee "
        "met; the Port Committee voted.\n"
    )
    drafts = {d.name: d for d in build_actors(text, [], [])}
    assert set(drafts) == {"U.S. Supreme Court", "House Port Committee"}
    assert "Supreme Court" in drafts["U.S. Supreme Court"].aliases


def test_a_body_introduced_or_described_by_a_noun_for_a_body() -> None:
    text = (
        "Money race\n\nDara Quill gave $2 million to Harbor First 2030, a super PAC she formed with unions. "
        "The think tank Tidewater Watch disagreed, and Ivo Tarn, a group leader, said nothing.\n"
    )
    names = _actors(text)
    assert names["Harbor First 2030"] == "organization" and names["Tidewater Watch"] == "organization"
    assert names.get("Ivo Tarn") != "organization"  # "a group leader": the noun is no body here


def test_a_body_written_with_an_owners_s_is_found() -> None:
    text = "Tax story\n\nThe story was first told by The Evening Caller, and the Evening Caller’s critic agreed.\n"
    assert _actors(text) == {"Evening Caller": "media"}


def test_an_appositive_role_without_an_article_marks_a_person() -> None:
    text = "Debate\n\nMarisol Teague-Ortiz, political science professor at a college, said the rules were fair.\n"
    assert find_people(text) == ["Marisol Teague-Ortiz"]


def test_a_body_named_only_in_someones_title_takes_no_part() -> None:
    text = (
        "Debate\n\nOsric Pellam, professor at Fenwick State University, said the vote was fair. Harbor Party "
        "candidate Dara Quill agreed. The Brenmoor Police Department said it made no arrests.\n"
    )
    warnings: list[str] = []
    drafts = build_actors(text, [], warnings)
    speakers = {id(d) for d in drafts if d.name in ("Osric Pellam", "Brenmoor Police Department")}
    kept = {d.name for d in taking_part(text, drafts, speakers, [], warnings)}
    assert "Brenmoor Police Department" in kept
    assert not {"Fenwick State University", "Harbor Party"} & kept
    assert {"Fenwick State University", "Harbor Party"} <= {d.name for d in drafts}  # found, then let go


def test_a_citys_police_written_in_lower_case_is_a_body() -> None:
    text = "Shooting\n\nBrenmoor police released the video on Monday. The officers said nothing.\n"
    assert _actors(text) == {"Brenmoor police": "government"}


def test_a_place_a_party_adjective_or_a_delegates_title_is_no_actor() -> None:
    text = (
        "Game night\n\nThe Harbor Bank Stadium was full. A Republican said the vote was close, and "
        "Del. Marisol Teague said it was not.\n"
    )
    warnings: list[str] = []
    drafts = build_actors(text, [("Harbor Bank Stadium", "organization"), ("Republican", "organization"),
                                 ("Del", "organization")], warnings)
    assert [d.name for d in drafts] == ["Marisol Teague"]


def test_an_acronym_and_the_name_it_stands_for_are_one_actor() -> None:
    text = "Rules\n\nThe Coastal Protection Agency wrote the rules. The CPA said they would hold.\n"
    drafts = build_actors(text, [("CPA", "government"), ("Coastal Protection Agency", "government")], [])
    assert [(d.name, d.aliases) for d in drafts] == [("Coastal Protection Agency", ["CPA"])]


def test_names_and_bodies_with_odd_spacing_never_crash_the_finders() -> None:
    text = "Vote\n\nSen. Dara  Quill said no. Then Mayor Ivo\tTarn said the Harbor  Port\tAuthority  agreed.\n"
    assert find_people(text) == ["Dara Quill", "Ivo Tarn"]
    build_actors(text, [], [])  # the names are written with two spaces or a tab: found, and no exception


def test_a_person_before_an_appositive_or_of_a_body_is_the_phrases_head() -> None:
    text = (
        "Debate\n\nIvo Tarn, the director of debate at Fenwick University, spoke. Lena Holt of Valmont News and "
        "Osric Pellam for the Harbor Ledger wrote. The Valmont News poll was out.\n"
    )
    drafts = build_actors(text, [], [])
    named = {d.name: d for d in drafts}
    assert resolve_name("Ivo Tarn, the director of debate at Fenwick University,", drafts) is named["Ivo Tarn"]
    assert resolve_name("Lena Holt of Valmont News", drafts) is named["Lena Holt"]
    assert resolve_name("Osric Pellam for the Harbor Ledger", drafts) is named["Osric Pellam"]
    assert resolve_name("The Valmont News poll", drafts) is named["Valmont News"]


def test_a_wire_credit_and_an_outlet_name_ending_in_letters() -> None:
    text = "Port deal\n\nBRENMOOR, Ore., Oct. 4 (Reuters) — The harbor opened, Harbor Today USA reported.\n"
    assert _actors(text) == {"Harbor Today USA": "media"}  # Reuters only credits the wire story


def test_a_body_whose_former_head_speaks_takes_no_part_and_one_whose_head_speaks_does() -> None:
    text = (
        "Debate\n\nIvo Tarn, a former Harbor Party chairman and candidate, said the debate was rigged. "
        "Lena Holt, the Valmont Party chairman, said it was fair.\n"
    )
    warnings: list[str] = []
    drafts = build_actors(text, [], warnings)
    speakers = {id(d) for d in drafts if d.kind == "person"}
    kept = {d.name for d in taking_part(text, drafts, speakers, [], warnings)}
    assert "Valmont Party" in kept and "Harbor Party" not in kept


def test_a_sentence_that_starts_with_a_verbs_ing_form_names_no_one() -> None:
    text = "Port\n\n\"Closing Brenmoor is a must,\" Ada Quill said. Brenmoor detainees wait. Osling Tarrow said no.\n"
    assert find_people(text) == ["Ada Quill", "Osling Tarrow"]  # "Brenmoor" is written alone, yet names no one


def test_a_listed_outlet_whose_first_word_is_a_given_name_and_a_theater_are_no_people() -> None:
    text = "Gore\n\nAl Tarrow will skip it, Al Jazeera said. The Aldama Theater show mocked the mayor.\n"
    assert _actors(text) == {"Al Tarrow": "person", "Al Jazeera": "media"}


def test_a_company_or_a_rule_whose_first_word_is_a_given_name_is_no_person() -> None:
    text = (
        "Deal\n\nIn a letter sent on Monday, Warner Music and Delta Air Lines both said that they backed the "
        "Renewable Fuel Standard as it was written, according to Ada Quill.\n"
    )
    assert find_people(text) == ["Ada Quill"]
    assert "Renewable Fuel Standard" not in _actors(text)


def test_a_dash_opens_an_aside_that_is_no_part_of_a_name() -> None:
    text = "Debate\n\nIvo Tarn -- co-editor of a book on debates -- said the rules were fair. Tarn left.\n"
    drafts = build_actors(text, [], [])
    speaker = add_actor(text, "Tarn -- co-editor of a book on debates --", "organization", drafts, [])
    assert [(d.name, d.kind) for d in drafts] == [("Ivo Tarn", "person")] and speaker is drafts[0]


def test_a_longer_name_keeps_its_mention_from_a_surname_shared_with_another_person() -> None:
    text = (
        "Old Feud\n\nSenator Ted Varnum said on Monday that he would vote. Varnum spoke briefly.\n\n"
        "The governor once accused Rafael Varnum, the senator's father, of fraud.\n"
    )
    drafts = build_actors(text, [("Ted Varnum", "person"), ("Rafael Varnum", "person")], [])
    finish_actors(text, drafts)
    mentions = {d.name: [text[s:e] for s, e in d.mentions] for d in drafts}
    assert mentions["Rafael Varnum"] == ["Rafael Varnum"]
    assert mentions["Ted Varnum"] == ["Ted Varnum", "Varnum"]


def test_mr_and_mrs_before_a_shared_surname_go_to_the_man_and_the_woman() -> None:
    text = (
        "Harbor Couple\n\nRobert Varnum and Susan Varnum spoke on Monday. Mr. Varnum said the pier is late. "
        "Mrs. Varnum said the budget is short. Mr. Varnum left first.\n"
    )
    drafts = build_actors(text, [("Robert Varnum", "person"), ("Susan Varnum", "person")], [])
    finish_actors(text, drafts)
    before = {d.name: [text[s - 5 : s].split()[-1] for s, _ in d.mentions] for d in drafts}
    assert "Mr." not in before["Susan Varnum"]  # "Mr. Varnum" is never the woman
    assert "Mrs." not in before["Robert Varnum"]  # "Mrs. Varnum" is never the man
    assert before["Susan Varnum"].count("Mrs.") == 1 and before["Robert Varnum"].count("Mr.") == 2


def test_a_party_s_members_are_an_actor_the_party_s_alias_and_dropped_when_named_in_passing() -> None:
    text = (
        "Debate Row\n\nDara Quill said Democrats are the ones trying to pressure the moderators. The vote was close "
        "in the districts Republicans won in 2014.\n"
    )
    drafts = build_actors(text, [], [])
    said = [(text.index("Democrats"), text.index(" The vote"))]
    kept = {d.name for d in taking_part(text, drafts, set(), said, [])}
    assert "Democrats" in kept  # blamed in the statement: a party, though the party is never spelled out
    assert "Republicans" not in kept  # named in passing, outside any statement
    text = "Debate Row\n\nThe Democratic Party met. Dara Quill said Democrats are trying to pressure the moderators.\n"
    party = {d.name: d for d in build_actors(text, [], [])}["Democratic Party"]
    assert "Democrats" in party.aliases


def test_a_role_or_a_verb_before_a_given_name_is_no_part_of_the_name() -> None:
    text = (
        "Town Hall\n\nJournalist Jorge Varela asked the first question. The journalist was polite, and Varela "
        "smiled. Harbor-born Matt Quillon answered. Quillon spoke for an hour. Did Dara Quill lie? Quill did not. "
        "It was time to go. Time Warner Cable closed its office. Former Miss Universe Alicia Varo spoke. Varo left.\n"
    )
    found = find_people(text)
    assert {"Jorge Varela", "Matt Quillon", "Dara Quill", "Alicia Varo"} <= set(found)
    assert not any(n.startswith(("Journalist", "Harbor-born", "Did")) for n in found)
    assert "Warner Cable" not in found  # "Cable" is never written alone: "Time" stays part of the company


def test_a_sentence_s_first_word_before_a_name_written_without_it_is_no_part_of_the_name() -> None:
    text = (
        "Hold Dara Quill to her promises.\n\nLETTERS\n\nThe pier is late. Dara Quill promised a new pier. Quill "
        "has not built it.\n"
    )
    found = find_people(text)
    assert "Dara Quill" in found
    assert "Hold Dara Quill" not in found  # a sentence-case headline's verb before a name the text writes alone


def test_a_broadcast_programme_is_no_person() -> None:
    text = (
        "Harbor News\n\nOn The Dara Quill Show on Tuesday, Mayor Ivo Renn said the pier is late. Quill nodded. "
        "Renn spoke again on the Pia Varo Morning Show.\n"
    )
    found = find_people(text)
    assert "Ivo Renn" in found
    assert not any(n.endswith("Show") for n in found)  # "Dara Quill Show", "Pia Varo Morning Show"


def test_a_sentence_word_before_a_surname_makes_no_person() -> None:
    text = (
        "Is Quill finally winning?\n\nDara Quill spoke first. Another Quill ally left. Beneath Quill's smile was "
        "worry. Should Quill win, the port will close. Besides Quill, no one came.\n"
    )
    found = find_people(text)
    assert found == ["Dara Quill"]  # not "Is Quill", "Another Quill", "Beneath Quill", "Should Quill", "Besides Quill"


def test_a_headline_s_participle_before_a_surname_makes_no_person() -> None:
    text = (
        "Understated Quillon raises his profile.\n\nLabor Secretary Tomas Quillon packed up his papers. Quillon "
        "spoke for an hour about a crooked deal. Crooked Quillon, his rivals call him. Channing Varo, an actor, "
        "agreed.\n"
    )
    found = find_people(text)
    assert "Tomas Quillon" in found and "Channing Varo" in found  # "channing" is written in lower case nowhere
    assert "Understated Quillon" not in found and "Crooked Quillon" not in found


def test_an_english_word_or_a_place_before_a_surname_makes_no_person() -> None:
    """'Team Quill', 'Ohio Quill rally': no first name, so every lone "Quill" stays Dara Quill's."""
    text = (
        "Team Quill sees a path.\n\nProtest outside Ohio Quill rally\n\nDara Quill spoke in Ohio on Monday. "
        "Her team said Quill would win. Quill left early.\n"
    )
    found = find_people(text)
    assert found == ["Dara Quill"]  # not "Team Quill" ("team" is written in lower case), not "Ohio Quill" (a place)
    quill = next(d for d in build_actors(text, [], []) if d.name == "Dara Quill")
    assert len(quill.mentions) == 5  # "Dara Quill" and every lone "Quill", the headlines' too


def test_bodies_news_names_by_one_word_are_found() -> None:
    """'WikiLeaks', 'the Guardian': one word that no pattern tells from any capitalised word, so listed as data."""
    text = "Leak Row\n\nSenator Ada Quill said WikiLeaks had published the port's emails, the Guardian reported.\n"
    assert _actors(text) == {"Ada Quill": "person", "WikiLeaks": "organization", "Guardian": "media"}


def test_a_middle_initial_a_or_i_is_part_of_the_name() -> None:
    text = (
        "Port ruling\n\nThe board lost in court on Monday.\n\nMarisol A. Fennick, a lawyer for the dockworkers, "
        "called it a win. The fee was paid, said harbor spokesman Tobiah I. Wrenley.\n\nOn Plan A. Quorn spoke.\n"
    )
    assert find_people(text) == ["Marisol A. Fennick", "Tobiah I. Wrenley"]  # not "A. Quorn" after "Plan"
    assert {"Marisol A. Fennick", "Tobiah I. Wrenley"} <= set(_actors(text))


def test_a_generation_suffix_is_no_surname() -> None:
    text = (
        "Port vote\n\nMarcus T. Wellby Jr., the harbor chairman, voted no. Wellby said the plan would fail.\n"
    )
    (wellby,) = (d for d in build_actors(text, [("Marcus T. Wellby Jr.", "person")], []) if "Wellby" in d.name)
    assert "Wellby" in wellby.aliases and "Jr" not in wellby.aliases


def test_a_title_word_is_the_surname_after_a_given_name() -> None:
    text = (
        "Dock vote\n\nThe vote was close, said Rep. Steve Bishop of the harbor district. Nancy Judge, a "
        "dockworker, agreed. A student wrote to The Perry Chief, the town paper, from Hilton Head, S.C., on Monday.\n"
    )
    assert find_people(text) == ["Steve Bishop", "Nancy Judge"]  # not the paper "The Perry Chief", nor the town
    assert {"Steve Bishop", "Nancy Judge"} <= set(_actors(text))


def test_a_name_in_an_appositive_after_a_role_is_a_person() -> None:
    text = (
        "Dock fees\n\nThe harbor board raised its fees, a spokeswoman, Tavish Ormundo, said on Monday. The board's "
        "new owner, Quarrel Bay Partners, declined to comment.\n"
    )
    assert find_people(text) == ["Tavish Ormundo"]  # an owner is as often a company


def test_a_name_ending_in_jr_is_marked_by_the_appositive_after_it() -> None:
    text = "Port vote\n\nThe plan failed, Corvin T. Asterley Jr., the harbor director, told the board.\n"
    assert find_people(text) == ["Corvin T. Asterley Jr"]


def test_a_full_name_with_a_middle_name_is_the_same_person_as_without_it() -> None:
    text = (
        "Harbor vote\n\nSen. Margaret Ellwood Quill said on Monday that the harbor plan is late. "
        "Margaret Quill later told reporters the board had lied. Quill left early.\n"
    )
    people = [d for d in build_actors(text, [], []) if d.kind == "person"]
    assert [d.name for d in people] == ["Margaret Ellwood Quill"]
    assert "Margaret Quill" in people[0].aliases


def test_a_body_in_a_title_with_what_the_role_is_of_takes_no_part() -> None:
    text = (
        "Debate\n\nOsric Pellam, the director of debate at the Fenwick State University, said the vote was fair. "
        "Jo Brannock, a professor of marine law at Harbor College, agreed.\n"
    )
    drafts = build_actors(text, [], [])
    speakers = {id(d) for d in drafts if d.kind == "person"}
    kept = {d.name for d in taking_part(text, drafts, speakers, [], [])}
    assert {"Osric Pellam", "Jo Brannock"} <= kept
    assert not {"Fenwick State University", "Harbor College"} & kept


def test_a_government_s_building_as_an_office_or_a_place_is_no_party_but_as_a_subject_is() -> None:
    text = "Memoir\n\nDara Quill wrote that she left the White House in May and would seek the White House again.\n"
    drafts = build_actors(text, [], [])
    said = [(text.index("she left"), len(text) - 1)]
    assert "United States" in {d.name for d in drafts}
    assert "United States" not in {d.name for d in taking_part(text, drafts, set(), said, [])}
    text = "Memoir\n\nDara Quill wrote that the White House has refused to answer her letters.\n"
    drafts = build_actors(text, [], [])
    said = [(text.index("the White"), len(text) - 1)]
    assert "United States" in {d.name for d in taking_part(text, drafts, set(), said, [])}


def test_a_body_s_last_words_after_of_or_for_and_a_first_item_are_the_whole_name() -> None:
    text = (
        "Tax Plan\n\n\"It is a good plan,\" said Dara Quill, co-director of the Center for Harbor and Policy "
        "Research, a liberal think tank. The policy was praised.\n"
    )
    drafts = build_actors(text, [("Policy Research", "organization")], [])
    assert "Center for Harbor and Policy Research" in {d.name for d in drafts}
    assert "Policy Research" not in {d.name for d in drafts}


def test_a_given_name_coupled_to_anothers_full_name_is_a_person_of_that_surname() -> None:
    text = (
        "Letters\n\nMy parents, Walter and Marjorie Pellwick, ran the farm. Marjorie Pellwick said the harbor"
        " was theirs. Walter once called the mayor a thief.\n"
    )
    actors = {d.name: d for d in build_actors(text, [], [])}
    assert actors["Walter Pellwick"].kind == "person"
    assert len(actors["Walter Pellwick"].mentions) == 2  # "Walter" of the couple and "Walter once called"
    assert "Marjorie Pellwick" in actors


def test_a_surname_or_a_list_before_and_makes_no_couple() -> None:
    text = (
        "Race\n\nHe courted supporters of Tarrow and Donald Vesk. Stars like Brandy, Monica and Lauryn Pellam sang."
        " Vesk said the race was close. Tarrow said nothing. Lauryn Pellam said it was fun.\n"
    )
    assert not {"Tarrow Vesk", "Monica Pellam"} & set(_actors(text))


def test_a_country_that_does_a_wrong_is_an_actor_where_no_statement_names_it() -> None:
    text = (
        "Port\n\nOsric Pellam has called the harbor collapse a fraud perpetrated by Chile. The ships were subsidized"
        " by Peru taxpayers. Pellam spoke in Ecuador on Monday.\n"
    )
    warnings: list[str] = []
    drafts = build_actors(text, [], warnings)
    speakers = {id(d) for d in drafts if d.kind == "person"}
    kept = {d.name for d in taking_part(text, drafts, speakers, [], warnings)}
    assert "Chile" in kept  # the doer of a passive
    assert not {"Peru", "Ecuador"} & kept  # whose taxpayers; where he spoke


def test_a_sentence_word_before_for_is_no_organisations_name() -> None:
    text = (
        "Show\n\nBut for Walter Pellwick, the harbor show was a safe place. Pellwick said so. The Council for"
        " Harbor Pellam met.\n"
    )
    assert find_people(text) == ["Walter Pellwick"]  # "Harbor Pellam" ends the council's name; "But" names no body


def test_a_plural_names_bare_apostrophe_ends_a_body_s_name_whole() -> None:
    text = (
        "Debate\n\nShe did not meet the Commission on Harbor Debates’ 15 percent threshold, Valmont News’ poll"
        " said.\n"
    )
    assert {"Commission on Harbor Debates", "Valmont News"} <= set(_actors(text))


def test_a_name_paired_by_and_with_a_persons_name_is_a_person() -> None:
    text = (
        "Voters\n\nTwo voters, Tyresha Vanbrook and Walter Pellwick, saw the ad. Pellwick said it was bad. Senator"
        " Dara Quill and Civil Rights icon Osric Tarrow spoke.\n"
    )
    people = find_people(text)
    assert "Tyresha Vanbrook" in people  # no census given name, her surname never alone: her pair marks her
    assert "Civil Rights" not in people  # words before a noun they modify


def test_a_compass_points_initial_before_a_place_is_no_persons_name() -> None:
    text = "Test\n\nLeaders denounce N. Korea test. Korea said nothing, and George W. Bush said W. Bush was right.\n"
    assert "N. Korea" not in find_people(text)


def test_a_hyphenated_modifier_before_a_name_is_no_part_of_it() -> None:
    text = "Port\n\nThe Brenmoor-based Harbor Workers Caucus said the Valmont-backed Port Council was wrong.\n"
    names = set(_actors(text))
    assert {"Harbor Workers Caucus", "Port Council"} <= names
    assert not any("-" in n for n in names)


def test_a_title_before_a_surname_with_an_owners_s_names_the_person() -> None:
    text = "Pier Vote\n\nShe recalled President Brannock’s trip to the pier. Brannock and Dara Quill spoke there.\n"
    assert "Brannock" in find_people(text)
    assert "Brannock" not in find_people(text.replace("President Brannock’s", "the Brannock"))


def test_a_subheads_first_word_before_a_surname_is_no_given_name() -> None:
    text = (
        "Quill wins the pier vote;\n\nSays Quill would rebuild the harbor.\n\nDara Quill said on Monday that "
        "the pier is late. Quill spoke for an hour.\n"
    )
    assert find_people(text) == ["Dara Quill"]
    story = text.replace("Dara Quill said", "Says Quill said, Dara Quill added,")  # the story writes it too
    assert "Says Quill" in find_people(story)


def test_a_people_a_states_initials_and_a_bureau_are_no_persons() -> None:
    text = (
        "Pier Vote\n\nThe Tarlow Bureau counted Japanese Americans, as Americans asked. Tarlow Bureau staff said so. "
        "The lot is in Lodi, N.J. Harmony's phone is off. Harmony said nothing, and Dara Quill said the count is "
        "late.\n"
    )
    people = find_people(text)
    assert people == ["Dara Quill"]


def test_an_ordinal_opens_a_courts_name() -> None:
    text = "Pier Vote\n\nThe 6th Circuit Court of Appeals on Tuesday overturned the ruling, Dara Quill said.\n"
    assert ("6th Circuit Court of Appeals", "government") in find_bodies(text)
    names = {d.name for d in build_actors(text, [], [])}
    assert "6th Circuit Court of Appeals" in names and "Circuit Court of Appeals" not in names


def test_a_plural_countrys_adjective_is_the_country() -> None:
    text = (
        "Pier Vote\n\nThe Philippines protested. The Philippine envoy said the Philippines will sue. "
        "A Philippine law.\n"
    )
    drafts = build_actors(text, [("Philippine", "other")], [])
    country = next(d for d in drafts if d.name == "Philippines")
    assert "Philippine" in country.aliases and "Philippine" not in {d.name for d in drafts}
    elsewhere = text.replace("Philippines", "Palawan")  # no country it is the adjective of: no one's name
    assert "Philippine" not in {d.name for d in build_actors(elsewhere, [("Philippine", "other")], [])}


def test_words_capitalised_by_rule_are_no_actors() -> None:
    text = (
        "Envoy Quits\n\nThe French president met Mr Dalton on Tuesday. \"It went well,\" the Spaniard said. "
        "The Australians protested. Of course the Korean envoy stayed, and the German and the Ghanaian left.\n"
    )
    proposed = [("French", "other"), ("Mr", "organization"), ("Tuesday", "organization"), ("Spaniard", "other"),
                ("The", "media"), ("Of", "organization"), ("Korean", "organization"), ("Australians", "other"),
                ("German", "organization"), ("Ghanaian", "other")]
    names = {d.name for d in build_actors(text, proposed, [])}
    assert not names & {"French", "Mr", "Tuesday", "Spaniard", "The", "Of", "Korean", "German", "Ghanaian"}
    assert "Australians" in names or "Australia" in names  # a nationality's people are a group


def test_a_body_set_off_by_commas_after_a_noun_for_a_body() -> None:
    text = "Pier Vote\n\nThe board gave the emails to an advocacy group, Harbor Watch, as part of a suit.\n"
    assert ("Harbor Watch", "organization") in find_bodies(text)
    assert find_bodies(text.replace("group, Harbor Watch,", "group, Harbor Watch said")) == []


def test_a_body_before_its_heads_title_and_name() -> None:
    text = (
        "Pier Vote\n\nHarbor Watch President Tom Fitton said the pier is late. Russian President Arben Kola, "
        "Vice President Jo Ames and Republican Chairman Ray Dunn agreed.\n"
    )
    actors = _actors(text)
    assert actors["Harbor Watch"] == "organization" and actors["Tom Fitton"] == "person"
    assert not {"Russian", "Vice", "Republican"} & set(actors)


def test_a_surname_opened_by_the_arabic_article_is_part_of_the_full_name() -> None:
    text = "Talks\n\nPrime Minister Karim al-Safadi met the envoy on Monday; al-Safadi said the talks went well.\n"
    people = find_people(text)
    assert "Karim al-Safadi" in people
    assert "Karim" not in people  # not the given name alone, as if a title preceded a surname


def test_a_body_named_in_full_then_by_its_head_word_alone_is_one_actor() -> None:
    text = (
        "Fine\n\nThe Northern Trade Commission fined Velmora on Monday. The Commission said the deal hurt buyers, "
        "and the Commission will appeal.\n"
    )
    drafts = {d.name: d for d in build_actors(text, [("Commission", "organization")], [])}
    assert "Commission" not in drafts
    assert "Commission" in drafts["Northern Trade Commission"].aliases


def test_a_lone_head_word_shared_by_two_bodies_stays_apart_from_both() -> None:
    text = (
        "Fine\n\nThe Northern Trade Commission and the Coastal Fisheries Commission met. The Commission said "
        "nothing, and the Commission left.\n"
    )
    drafts = {d.name: d for d in build_actors(text, [("Commission", "organization")], [])}
    assert "Commission" not in drafts["Northern Trade Commission"].aliases
    assert "Commission" not in drafts["Coastal Fisheries Commission"].aliases


def test_a_citys_police_in_lower_case_and_its_force_in_full_are_one_actor() -> None:
    text = (
        "Arrest\n\nBrenmoor police arrested the player. \"He left without paying,\" a spokesman for the Brenmoor "
        "Police Department said.\n"
    )
    assert _actors(text) == {"Brenmoor Police Department": "government"}


def test_a_national_bodys_name_may_end_in_its_country_a_building_named_after_a_body_is_none() -> None:
    text = (
        "Tour\n\nFootball Federation Australia said it would act. The game is at the University of Brenmoor "
        "Stadium. The University of Rhode Island and the Institute for Chess in Peru said nothing.\n"
    )
    names = [name for name, _ in find_bodies(text)]
    assert "Football Federation Australia" in names
    assert "University of Rhode Island" in names
    assert "Institute for Chess" in names  # a country after "in" is where it sits more often than its name
    assert not any("Stadium" in name for name in names)  # a building named after a body is no actor


def test_a_number_word_names_no_one() -> None:
    text = (
        "Arrest\n\nMara Tellen, a contestant on Season Four of the show, was arrested. Season Four aired in May, "
        "Tellen said, and Channel Four said nothing.\n"
    )
    assert find_people(text) == ["Mara Tellen"]


def test_a_clause_word_opens_no_name() -> None:
    text = (
        "Pier Vote\n\nDara Quill spoke on the pier. Although Dara had left the party, Will Smith said she would run.\n"
    )
    names = {d.name for d in build_actors(text, [("Although Dara", "person"), ("Will Smith", "person")], [])}
    assert "Although Dara" not in names and "Will Smith" in names


def test_a_name_with_diacritics_is_a_person_when_its_surname_follows_a_british_honorific() -> None:
    text = "One witness, Sévérine Roussel, gave evidence on Tuesday. Mr Dalby agreed. Mrs Roussel heard the crash."
    assert "Sévérine Roussel" in find_people(text)


def test_a_peoples_or_a_faiths_adjective_describes_people_and_names_no_one() -> None:
    text = (
        "Pier Vote\n\nThe Tarvish Sunni Arabs quit the cabinet, said Dara Quill, a Shiite. A Sunni lawmaker, Ivo "
        "Marten, said the Punjabi word was a joke. The Sunnis will return, Marten said.\n"
    )
    assert "Sunni Arabs" not in find_people(text)
    proposed = [("Sunni", "other"), ("Shiite", "person"), ("Punjabi", "other"), ("Sunni Arab", "person")]
    names = {d.name for d in build_actors(text, proposed, [])}
    assert {"Dara Quill", "Ivo Marten"} <= names
    assert not names & {"Sunni", "Shiite", "Punjabi", "Sunni Arab", "Sunni Arabs"}


def test_a_countrys_government_capitalised_is_a_government_not_a_person() -> None:
    text = (
        "Pier Vote\n\nRebels accused the Valdonian Government of fraud. The Valdonian Government denied it, "
        "said Dara Quill. The Government said more.\n"
    )
    assert find_people(text) == ["Dara Quill"]
    assert _actors(text)["Valdonian Government"] == "government"


def test_a_title_word_inside_a_things_name_or_a_quoted_title_is_no_persons_title() -> None:
    text = (
        "Pier Vote\n\nThe boy was taken to Pinderfields General Infirmary. It is a film like \"King Kong,\" that "
        "sort of thing. Attorney General Holder and Iraqi General Ali met Texas Governor Perry.\n"
    )
    assert find_people(text) == ["Holder", "Ali", "Perry"]


def test_a_nationality_before_a_name_describes_the_person_and_a_bodys_stays() -> None:
    text = (
        "Pier Vote\n\nFifth-seeded Tarvish Ivo Marten beat Frenchman Jo-Wilfried Quill and Australian Andrew "
        "Pell. Marten said so, Quill said, and Pell said. Canadian Harbor Services said. Thai Rak Thai said.\n"
    )
    people = find_people(text)
    assert {"Jo-Wilfried Quill", "Andrew Pell"} <= set(people)
    assert not {"Frenchman Jo-Wilfried Quill", "Australian Andrew Pell", "Rak Thai", "Harbor Services"} & set(people)
    names = {d.name for d in build_actors(text, [("Australian Andrew Pell", "person")], [])}
    assert "Andrew Pell" in names and "Australian Andrew Pell" not in names
    assert not nationality_before_a_name(["American", "Action", "Network"])  # a body's name keeps its nationality


def test_a_saints_name_opens_a_church_or_a_town_not_a_persons_name() -> None:
    text = (
        "Pier Vote\n\nThe funeral is at St Mary's, a small church, and pupils of St Conor's Primary School came. "
        "Ida Marten said the service was long, and St Conor said nothing.\n"
    )
    assert find_people(text) == ["Ida Marten"]


def test_a_plural_written_after_the_ends_a_sides_name_not_a_persons() -> None:
    text = (
        "Pier Vote\n\nThe Harbor Flyers beat the Quay Oilers 3-1 on Tuesday, and the Flyers are top, said coach "
        "Ivo Marten. Britney Spears said the Spears family was fine. Marten said so.\n"
    )
    actors = {d.name: (d.kind, d.aliases) for d in build_actors(text, [], [])}
    assert actors["Harbor Flyers"] == ("organization", ["Flyers"])
    assert actors["Britney Spears"][0] == "person"  # a given name opens hers: "the Spears family" is hers
    assert not a_side_named("Top Quillers aide quits. The poll hurt the Quillers campaign.", "Top Quillers", [])
    shown = "Top Quillers aide quits. Ada Quillers spoke, and the Quillers show went on."
    assert not a_side_named(shown, "Top Quillers", ["Ada Quillers", "Top Quillers"])  # another's surname
    assert a_side_named(shown.replace("Ada Quillers", "Ada Roe"), "Top Quillers", ["Ada Roe", "Top Quillers"])


def test_a_word_that_always_opens_a_longer_name_is_that_name() -> None:
    text = (
        "Pier Vote\n\nThe report, by Harbor Watch and Citizens for Tax Justice, combed the filings. Citizens for "
        "Tax Justice wants new rules, said Ida Marten. The Secretary of State said so.\n"
    )
    names = {d.name for d in build_actors(text, [("Citizens", "organization"), ("Secretary", "organization")], [])}
    assert "Citizens for Tax Justice" in names
    assert not {"Citizens", "Secretary", "Secretary of State"} & names  # a title opens no body's name
