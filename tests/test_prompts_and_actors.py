"""Prompt files are validated when loaded; actors and speakers are grounded and merged from the text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.errors import PromptError
from extract.language.actors import (
    ActorDraft,
    build_actors,
    find_role,
    full_name,
    person_tail,
    resolve_name,
)
from extract.language.attribution import _named_speaker
from extract.language.participation import taking_part
from extract.language.people import find_people
from extract.language.segments import merge_same_sentence
from extract.language.speech import find_speech
from extract.model.answers import ActorsAnswer
from extract.model.prompting import load_prompts
from extract.pipeline import ModelRequest, plan

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


def _copy_prompts(tmp_path: Path) -> Path:
    target = tmp_path / "prompts"
    shutil.copytree(PROMPTS, target)
    return target


def test_shipped_prompts_load_and_hash_is_stable() -> None:
    first = load_prompts()
    assert len(first.sha256) == 64
    assert "Now the real article." in first.system("ARTICLE TEXT")
    assert first.system("ARTICLE TEXT").rstrip().endswith("ARTICLE TEXT")


def test_unknown_placeholder_is_refused_naming_the_file(tmp_path: Path) -> None:
    root = _copy_prompts(tmp_path)
    path = root / "actors.md"
    path.write_text(path.read_text() + "\nAlso $typo\n")
    with pytest.raises(PromptError, match=r"prompts/actors.md: placeholders missing \[\], unknown \['typo'\]"):
        load_prompts(root)


def test_missing_placeholder_is_refused(tmp_path: Path) -> None:
    root = _copy_prompts(tmp_path)
    (root / "accusations.md").write_text("TASK: label the statements.\n")
    with pytest.raises(PromptError, match=r"accusations.md: placeholders missing \['statements'\]"):
        load_prompts(root)


def test_bad_example_is_refused(tmp_path: Path) -> None:
    root = _copy_prompts(tmp_path)
    (root / "example.json").write_text('{"article": "x"}')
    with pytest.raises(PromptError, match=r"example\.json"):
        load_prompts(root)


def test_an_example_label_that_breaks_the_answer_rules_is_refused(tmp_path: Path) -> None:
    """s2 names nobody, so its label may accuse nobody: an example that does teaches the model to break rules."""
    import json

    root = tmp_path / "prompts"
    shutil.copytree(PROMPTS, root)
    example = json.loads((root / "example.json").read_text())
    example["accusations"]["s2"] = {"accused": ["Valdoria"], "category": "armed_aggression"}
    (root / "example.json").write_text(json.dumps(example))
    with pytest.raises(PromptError, match=r"^prompts/example.json: .*label s2.accused"):
        load_prompts(root)


def test_changing_a_prompt_changes_the_hash(tmp_path: Path) -> None:
    root = _copy_prompts(tmp_path)
    before = load_prompts(root).sha256
    (root / "actors.md").write_text((root / "actors.md").read_text() + " ")
    load_prompts.cache_clear()
    assert load_prompts(root).sha256 != before


TEXT = (
    "Beijing rejected the claims on Monday. China's foreign ministry spokesperson Mao Ning said the report "
    "was false. Ghana Health Minister Ama Owusu said the clinics in Ghana had closed, and Owusu added that staff left. "
    "Reuters reported the talks failed."
)


def test_actors_are_grounded_merged_and_given_roles() -> None:
    warnings: list[str] = []
    drafts = build_actors(TEXT, [("China", "country"), ("Beijing", "government"), ("Ama Owusu", "person"),
                                 ("Owusu", "person"), ("Elon Musk", "person")], warnings)
    names = {d.name: d for d in drafts}
    assert "Beijing" in names["China"].aliases
    assert names["Ama Owusu"].aliases == ["Owusu"]
    assert names["Ama Owusu"].role == "Ghana Health Minister"
    assert "Elon Musk" not in names
    assert any("Elon Musk" in w for w in warnings)
    assert "Ghana" in names  # countries named in the text are actors without asking the model
    assert "Chad" not in {d.name for d in build_actors("Chad Smith said so.", [], [])}  # part of a name
    for draft in drafts:
        for start, end in draft.mentions:
            assert TEXT[start:end] in draft.names()


def test_speaker_phrase_ending_in_a_name_is_that_person_affiliated_with_the_org() -> None:
    text = "NATO chief Mark Rutte said allies agree. NATO said it would meet."
    warnings: list[str] = []
    drafts = build_actors(text, [("NATO", "international_organization")], warnings)
    person = _named_speaker(text, "NATO chief Mark Rutte", drafts, warnings)
    assert person is not None and person.name == "Mark Rutte" and person.kind == "person"
    assert person.affiliation is not None and person.affiliation.name == "NATO"
    org = _named_speaker(text, "NATO", drafts, warnings)
    assert org is not None and org.name == "NATO"


def test_lone_surname_expands_to_the_full_name_written_elsewhere() -> None:
    text = "Foreign Secretary Priya Shah met envoys. Shah said talks would go on."
    assert person_tail("Foreign Secretary Priya Shah") == "Priya Shah"
    assert full_name(text, "Shah") == "Priya Shah"
    assert person_tail("the ministry") is None
    assert find_role(text, "Priya Shah") == "Foreign Secretary"


def test_one_statement_per_speaker_per_sentence() -> None:
    text = 'The ministry described the report as "baseless" and claimed it had never sent troops.'
    merged = merge_same_sentence(text, find_speech(text))
    assert len(merged) == 1
    start, end = merged[0].span
    assert "baseless" in text[start:end] and "never sent troops" in text[start:end]
    assert merged[0].kind == "indirect"


def test_draft_names_longest_first() -> None:
    draft = ActorDraft("United States", "country", ["U.S.", "Washington"])
    assert draft.names()[0] == "United States"


def test_unnamed_speakers_do_not_become_actors_named_the() -> None:
    text = "The ministry said it would act. The Interior Ministry said it would not."
    drafts = build_actors(text, [], [])
    warnings: list[str] = []
    assert _named_speaker(text, "The ministry", drafts, warnings) is None
    named = _named_speaker(text, "The Interior Ministry", drafts, warnings)
    assert named is not None and named.name == "Interior Ministry"
    assert all(d.name != "The" for d in drafts)


def test_a_possessive_speaker_is_the_thing_owned_not_its_owner() -> None:
    text = (
        "Albania's main opposition party accused the Socialist Party of fraud. Russia's foreign ministry said "
        "the vote was fair. China's foreign ministry spokesperson Mao Ning said nothing had changed."
    )
    drafts = build_actors(text, [("Socialist Party", "organization")], [])
    warnings: list[str] = []
    party = _named_speaker(text, "Albania's main opposition party", drafts, warnings)
    assert party is not None and party.name == "Albania's main opposition party" and party.kind == "organization"
    assert party.affiliation is not None and party.affiliation.name == "Albania"
    ministry = _named_speaker(text, "Russia's foreign ministry", drafts, warnings)
    assert ministry is not None and ministry.name == "Russia"  # a state organ speaks for its country
    person = _named_speaker(text, "China's foreign ministry spokesperson Mao Ning", drafts, warnings)
    assert person is not None and person.name == "Mao Ning"
    assert person.affiliation is not None and person.affiliation.name == "China"


def test_company_short_names_and_titled_people() -> None:
    text = (
        "Regulators sued Meridian Foods on Monday. Meridian denied wrongdoing. "
        "Prime Minister Arben Kola said the case was serious."
    )
    drafts = {d.name: d for d in build_actors(text, [("Meridian Foods", "organization"),
                                                     ("Arben Kola", "government")], [])}
    assert drafts["Meridian Foods"].aliases == ["Meridian"]
    assert [text[s:e] for s, e in drafts["Meridian Foods"].mentions] == ["Meridian Foods", "Meridian"]
    assert drafts["Arben Kola"].kind == "person" and drafts["Arben Kola"].role == "Prime Minister"


def _labels_request(text: str, actors: dict[str, str]) -> ModelRequest:
    """The statement-labels request the pipeline builds once the model has named these actors."""
    steps = plan(text, load_prompts(), [], model_actors=True)
    (actors_request,) = next(steps)
    assert actors_request.label == "actors"
    answer = ActorsAnswer.model_validate({"actors": [{"name": n, "kind": k} for n, k in actors.items()]})
    (labels_request,) = steps.send([answer])
    return labels_request


def test_the_accused_may_be_named_by_the_attribution_not_only_the_reported_words() -> None:
    """"X sued Y, accusing the company of Z": the reported words say "the company"; the sentence names Y."""
    text = (
        "Regulator Sues Dairy Firm\n\nThe Food Safety Board sued Brightwater Dairy on Monday, accusing the company "
        "of selling spoiled milk.\n\nBrightwater Dairy said it had done nothing wrong."
    )
    request = _labels_request(text, {"Food Safety Board": "government", "Brightwater Dairy": "organization"})
    schema = request.response_model.grammar_schema()
    s1 = schema["$defs"][schema["properties"]["s1"]["$ref"].rsplit("/", 1)[-1]]
    items = s1["properties"]["accused"]["items"]
    assert (items.get("enum") or [items["const"]]) == ["Brightwater Dairy"]
    assert "the company of selling spoiled milk" in request.messages[0]["content"]


def test_whom_a_speaker_told_is_not_offered_as_accused() -> None:
    text = (
        "Dairy Row\n\nThe Food Safety Board sued Brightwater Dairy on Monday. Consumer advocate Amina Yusuf told "
        "the Valley Courier that Brightwater Dairy had hidden test results.\n"
    )
    request = _labels_request(text, {"Food Safety Board": "government", "Brightwater Dairy": "organization",
                                     "Amina Yusuf": "person", "Valley Courier": "media"})
    assert "(names: Brightwater Dairy) Brightwater Dairy had hidden test results" in request.messages[0]["content"]


def test_a_possessor_outside_the_reported_words_is_not_offered_as_accused() -> None:
    """"Hale's lawyer, Marcus Bell, said his client did nothing wrong": Hale is whom Bell speaks for."""
    text = (
        "Engineer Sued\n\nChipmaker Lumetra sued engineer Victor Hale on Tuesday. Hale's lawyer, Marcus Bell, said "
        "his client had done nothing wrong.\n"
    )
    text += "Lumetra said Hale had copied its designs.\n"  # Hale is accused, so his lawyer's words may deny it
    request = _labels_request(text, {"Lumetra": "organization", "Victor Hale": "person", "Marcus Bell": "person"})
    assert "[Marcus Bell] (names: nobody) his client had done nothing wrong" in request.messages[0]["content"]
    assert find_role("According to Gartner analyst Priya Raman, chips sell.", "Priya Raman") == "Gartner analyst"


PLACES_TEXT = (
    "Border Deal\n\nOla Brandt, a former Vietnam prisoner of war, met Senator Ivo Hale in Texas on Monday. "
    "\"Partners like Iran or Syria are arming the militias,\" Hale said. Brandt said U.S. farmers would "
    "suffer. Japan signed the deal. \"The president of Norway and the talks over Chile and Peru matter,\" Hale said.\n"
)


def test_a_place_named_in_passing_is_no_actor_even_when_the_model_lists_it() -> None:
    """Kept: a place a statement names as a party ("Partners like Iran or Syria are arming"); dropped: a
    modifier ("Vietnam prisoner", "U.S. farmers"), a location ("in Texas"), a place outside every statement,
    what an office is of ("the president of Norway"), what talks are over ("over Chile and Peru")."""
    proposed = [("Ola Brandt", "person"), ("Ivo Hale", "person"), ("Vietnam", "country"), ("Texas", "country"),
                ("Iran", "country"), ("Syria", "country"), ("United States", "country"), ("Japan", "country"),
                ("Norway", "country"), ("Chile", "country"), ("Peru", "country")]
    warnings: list[str] = []
    drafts = build_actors(PLACES_TEXT, proposed, warnings)
    quote = PLACES_TEXT.index("\"Partners")
    said = [(quote, PLACES_TEXT.index(" Hale said")), (PLACES_TEXT.index("U.S. farmers"), PLACES_TEXT.index(" Japan")),
            (PLACES_TEXT.index("The president"), PLACES_TEXT.index(" matter"))]
    kept = taking_part(PLACES_TEXT, drafts, {id(d) for d in drafts if d.kind == "person"}, said, warnings)
    assert sorted(d.name for d in kept) == ["Iran", "Ivo Hale", "Ola Brandt", "Syria"]
    assert any("'Vietnam'" in w and "takes no part" in w for w in warnings)


def test_a_place_that_is_accused_or_speaks_is_kept() -> None:
    warnings: list[str] = []
    drafts = build_actors(PLACES_TEXT, [("Ivo Hale", "person"), ("Texas", "country"), ("Japan", "country")], warnings)
    acting = {id(d) for d in drafts if d.name in ("Ivo Hale", "Japan")}
    kept = taking_part(PLACES_TEXT, drafts, acting, [], warnings)
    assert sorted(d.name for d in kept) == ["Ivo Hale", "Japan", "Ola Brandt"]  # Ola Brandt: a person the text names


PEOPLE_TEXT = (
    "Harbor Vote Looms\n\nRepublican nominee Dara Quill visited the port on Monday. Although Quill trailed in "
    "polls, she said the vote was close. Mayor Tomas Oberlin said little. Libertarian candidate Ruth Anselm "
    "and the Green Party's Lev Ostrow joined them at the Clean Water Summit in Port Esk. Nell Varga, a dock "
    "worker, cheered.\n\nLetters\n\nThe harbor deserves better.\n\nPia Corrado.\n\nPort Esk.\n"
)


def test_people_the_text_names_are_found_without_the_model() -> None:
    """A title or role before a name, the surname written again, an appositive, a letter's signature."""
    assert find_people(PEOPLE_TEXT) == ["Dara Quill", "Tomas Oberlin", "Ruth Anselm", "Lev Ostrow", "Nell Varga",
                                        "Pia Corrado"]


def test_people_the_model_forgot_become_actors_and_a_titled_name_joins_the_bare_one() -> None:
    warnings: list[str] = []
    drafts = build_actors(PEOPLE_TEXT, [("Mayor Tomas Oberlin", "person"), ("Quill", "person")], warnings)
    names = {d.name: d for d in drafts}
    assert {"Dara Quill", "Tomas Oberlin", "Ruth Anselm", "Lev Ostrow", "Nell Varga", "Pia Corrado"} <= set(names)
    assert "Quill" in names["Dara Quill"].aliases
    assert not {"Although Quill", "Clean Water Summit", "Port Esk", "Harbor Vote Looms"} & set(names)


def test_titles_party_tags_and_inverted_attribution_mark_people() -> None:
    text = (
        "Senate Majority Leader Moira McTavish, R-Ore., said the bill would pass. \"It is late,\" wrote Ansel "
        "O'Brien for the Daily Ledger. Her counterpart Idris Vale disagreed at the Harbor Trust.\n"
    )
    assert find_people(text) == ["Moira McTavish", "Ansel O'Brien", "Idris Vale"]


def test_a_word_capitalised_only_where_a_sentence_starts_or_a_description_is_no_name() -> None:
    text = (
        "Port Talks\n\nPerhaps the deal will hold. Quill's lawyer said the talks went well. \"Congress has "
        "stalled,\" Quill said. Once the vote is in, Dara Quill will sign.\n"
    )
    warnings: list[str] = []
    proposed = [("Perhaps", "organization"), ("Once", "organization"), ("Quill's lawyer", "organization"),
                ("Congress", "government"), ("Dara Quill", "person")]
    drafts = build_actors(text, proposed, warnings)
    assert sorted(d.name for d in drafts) == ["Congress", "Dara Quill"]
    assert sum("not a name" in w for w in warnings) == 3


def test_one_person_written_several_ways_is_one_actor() -> None:
    text = (
        "Sen. Ada Brook met Mayor Ivo de Lisle and Tomas K. Renner. Brook said the port would open. De Lisle "
        "agreed, and Tomas Renner said nothing. Renner later left.\n"
    )
    proposed = [("Sen. Ada Brook", "person"), ("Ada Brook", "person"), ("De Lisle", "person"),
                ("Ivo de Lisle", "person"), ("Renner", "organization"), ("Tomas K. Renner", "person"),
                ("Tomas Renner", "person")]
    drafts = {d.name: d for d in build_actors(text, proposed, [])}
    assert set(drafts) == {"Ada Brook", "Ivo de Lisle", "Tomas Renner"}
    assert drafts["Tomas Renner"].kind == "person" and "Renner" in drafts["Tomas Renner"].aliases


def test_a_candidates_campaign_and_people_named_once_by_role_or_workplace() -> None:
    text = (
        "Vote Nears\n\nThe Quill campaign said on Monday that Dara Quill would debate. Her rival Ivo Brandt "
        "declined. Tova Renn at the Harbor Ledger called it a stunt. MaryAnn LeClerc, a voter, shrugged.\n"
    )
    assert find_people(text) == ["Dara Quill", "Ivo Brandt", "Tova Renn", "MaryAnn LeClerc"]  # Dara: a given name
    drafts = {d.name: d for d in build_actors(text, [("Dara Quill", "person")], [])}
    assert drafts["Quill campaign"].kind == "organization"


def test_spaced_initials_are_grounded_and_a_party_tag_is_no_actor() -> None:
    text = (
        "Court rules on the port\n\nThe U.S. Court of Appeals for the Ninth Circuit ruled on the dredging plan "
        "this week. \"It is wrong,\" said Ada Brook, R-Ore., on Monday.\n"
    )
    warnings: list[str] = []
    drafts = build_actors(text, [("U. S. Court of Appeals for the Ninth Circuit", "government"),
                                 ("R-Ore", "organization"), ("Ada Brook", "person")], warnings)
    assert sorted(d.name for d in drafts) == ["Ada Brook", "U.S. Court of Appeals for the Ninth Circuit"]


def test_a_country_that_modifies_a_phrase_does_not_name_its_speaker() -> None:
    drafts = build_actors("Port deal\n\nThe U.S. senator and the USA Courier spoke. The U.S. has agreed.\n",
                          [("United States", "country")], [])
    assert resolve_name("the former U.S. senator", drafts) is None
    assert resolve_name("USA Courier's reporter", drafts).name == "USA Courier"  # the outlet, not the country
    assert resolve_name("Senator from the U.S.", drafts) is None
    assert resolve_name("The U.S.", drafts) is drafts[0]


def test_a_piece_of_a_longer_name_is_that_name_and_a_name_with_an_apostrophe_ends_a_title() -> None:
    text = (
        "Budget fight\n\nThe Council for a Balanced Harbor Budget said the plan was costly. Port Commissioner "
        "Ava O’Hara said little.\n"
    )
    drafts = build_actors(text, [("Balanced Harbor Budget", "organization"),
                                 ("Port Commissioner Ava O’Hara", "government")], [])
    assert sorted((d.name, d.kind) for d in drafts) == [("Ava O’Hara", "person"),
                                                        ("Council for a Balanced Harbor Budget", "organization")]
    assert person_tail("the Council for a Balanced Harbor Budget") is None


def test_a_body_named_only_as_where_something_happens_is_no_actor() -> None:
    text = "Debate night\n\nIvo Hale and Ada Brook debated at Kestrel University on Monday. Hale said he won.\n"
    warnings: list[str] = []
    drafts = build_actors(text, [("Ivo Hale", "person"), ("Ada Brook", "person"),
                                 ("Kestrel University", "organization")], warnings)
    kept = taking_part(text, drafts, {id(drafts[0])}, [], warnings)
    assert sorted(d.name for d in kept) == ["Ada Brook", "Ivo Hale"]


def test_a_person_the_model_called_an_armed_group_is_a_person_and_the_surname_joins() -> None:
    text = "Debate\n\nModerator Lena Holt asked the questions. Holt said the rules were fair. Holt left.\n"
    drafts = build_actors(text, [("Holt", "armed_group"), ("Lena Holt", "armed_group")], [])
    assert [(d.name, d.kind, d.aliases) for d in drafts] == [("Lena Holt", "person", ["Holt"])]


def test_a_surname_after_an_honorific_is_a_person() -> None:
    text = "Port vote\n\nThe plan was blamed on President Ostrow and Sen. Varga Dunn. The Justice Department agreed.\n"
    assert find_people(text) == ["Varga Dunn", "Ostrow"]


def test_an_outlets_short_name_and_a_campaign_written_with_its_owner_are_one_actor() -> None:
    text = (
        "Race tightens\n\nThe Harbor Times reported the poll. The Times said Dara Quill’s campaign paid for it; "
        "the Quill campaign denied it, Dara Quill said.\n"
    )
    drafts = build_actors(text, [("Times", "media"), ("Harbor Times", "media"), ("Dara Quill", "person"),
                                 ("Dara Quill’s campaign", "organization"), ("Quill campaign", "organization")], [])
    assert sorted(d.name for d in drafts) == ["Dara Quill", "Dara Quill’s campaign", "Harbor Times"]
    assert "Times" in next(d for d in drafts if d.name == "Harbor Times").aliases


def test_whom_he_or_she_in_a_quote_refers_to_is_offered_as_accused() -> None:
    """'"He refuses to take responsibility," Pruett said': he is Halloran, named the sentence before."""
    text = (
        "Forum Clash\n\nMaria Pruett met Victor Halloran at a forum on Wednesday.\n\n"
        "\u201cHe refuses to take responsibility for his votes,\u201d Pruett said.\n"
    )
    request = _labels_request(text, {"Maria Pruett": "person", "Victor Halloran": "person"})
    assert "(names: Victor Halloran) He refuses to take responsibility" in request.messages[0]["content"]
