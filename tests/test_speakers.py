"""Who said it: speaker phrases that name no speaker, or name one only through a document or a pronoun.

Each class on an invented article, run through the deterministic stages (finder, attribution) with the
actors the text itself gives (no model answer), as `bench/statements.py` runs them on real news.
"""

from __future__ import annotations

from extract.language.actors import build_actors
from extract.language.attribution import attribute
from extract.language.grounding import trim_span
from extract.language.segments import merge_same_sentence
from extract.language.speech import SpeechCandidate, find_combined
from extract.language.unnamed import unnamed_source


def _speakers(text: str, listed: dict[str, str] | None = None) -> dict[str, str | None]:
    """Each found statement's text -> its speaker's name (None when attribution dropped it); an unnamed source
    ("officials") as "unnamed: officials"."""
    warnings: list[str] = []
    candidates = merge_same_sentence(text, find_combined(text))
    spans = [trim_span(text, c.span) for c in candidates]
    drafts = build_actors(text, list((listed or {}).items()), warnings)
    kept = {
        st.span: f"unnamed: {st.speaker.name}" if st.speaker.unnamed else st.speaker.name
        for st in attribute(text, candidates, spans, drafts, warnings)
    }
    return {text[s[0] : s[1]]: kept.get(s) for s in spans}


def test_they_and_we_are_never_a_country_named_in_passing() -> None:
    text = (
        "Plant Rules\n\nThe rules would help the United States meet its targets. Coal producers have sued in "
        "federal court. They argue that the agency overstepped its powers.\n\n"
        "Marta Kellner\n\nWashington, D.C.\n\nWe asked whether the plan would survive.\n"
    )
    speakers = _speakers(text)
    assert "United States" not in speakers.values()


def test_they_still_takes_a_body_named_before() -> None:
    text = (
        "Vote Row\n\nThe Harbor Ethics Project filed a complaint on Monday. They said the mayor had broken the rules.\n"
    )
    speakers = _speakers(text, {"Harbor Ethics Project": "organization"})
    assert speakers["the mayor had broken the rules"] == "Harbor Ethics Project"


def test_a_person_s_document_speaks_for_that_person() -> None:
    text = (
        "Divorce Papers\n\nThe judge ruled on Tuesday. Lena Marsh filed papers in the case. Lena Marsh's brief "
        "says that the claims were exaggerated.\n"
    )
    speakers = _speakers(text)
    assert speakers["the claims were exaggerated"] == "Lena Marsh"
    assert "Lena Marsh's brief" not in speakers.values()


def test_a_document_speaks_for_whoever_authored_one_not_for_a_place_or_a_bystander() -> None:
    text = (
        "Families Sue\n\nThe parents of two workers killed at a depot in Kestown, Valdonia, have filed a lawsuit "
        "against the operator. Dara Quill brought inspiration to the families. The lawsuit says the operator "
        "ignored warnings.\n"
    )
    speakers = _speakers(text)
    assert speakers.get("the operator ignored warnings") not in ("Valdonia", "Dara Quill")


def test_a_hometown_speaks_for_the_person_who_lives_there_and_a_location_for_nobody() -> None:
    text = (
        "Voters Weigh In\n\nAnother delegate, Dora Quellen of Harlow, N.H., explained that she would vote no.\n\n"
        "A woman in Bexley, Ohio, told him that the plan was fair.\n"
    )
    speakers = _speakers(text)
    assert speakers["she would vote no"] == "Dora Quellen"
    assert not {"N.H", "N.H.", "Ohio"} & set(speakers.values())


def test_a_phrase_that_only_describes_or_locates_makes_no_junk_speaker() -> None:
    text = (
        "Race Tightens\n\nRecent polls in Ohio and Kansas show that the race is tied.\n\n"
        "Member of House panel says sanctions are overdue.\n\n"
        "Fellow Republicans are urging him to quit the race.\n\n"
        "Some Democrats said the plan was too timid.\n"
    )
    names = set(_speakers(text).values())
    assert not {"Ohio and Kansas", "Member of House", "Fellow Republicans", "Some Democrats"} & names
    assert "Democrats" in names  # the group speaks, without the sentence's first word


def test_a_share_of_a_group_or_a_country_s_officials_still_speak_for_it() -> None:
    text = (
        "Trade Row\n\nCanada imposed tariffs on Monday. U.S. officials said the tariffs were lawful.\n\n"
        "A majority of Canadians said the tariffs were too high.\n"
    )
    speakers = _speakers(text)
    assert speakers["the tariffs were lawful"] == "United States"
    assert speakers["the tariffs were too high"] is not None


def test_a_capital_that_opens_a_sentence_after_a_place_still_speaks_for_its_country() -> None:
    text = (
        "Aid Row\n\nMinisters said the shipments helped the invasion of Ukraine.\n\n"
        "Beijing described the claim as false and said it sold no weapons.\n"
    )
    assert "China" in _speakers(text).values()


def test_a_contracted_pronoun_is_the_pronoun_and_a_lone_personal_name_is_a_person() -> None:
    text = (
        "Campaign Trail\n\nSenator Dara Quill spoke in Harlow on Monday. She's said that the plan would fail.\n\n"
        "Mr. Brannock, her rival, said that the senator was out of touch.\n\n"
        "Melanie said that she would vote for Quill.\n"
    )
    warnings: list[str] = []
    candidates = merge_same_sentence(text, find_combined(text))
    spans = [trim_span(text, c.span) for c in candidates]
    drafts = build_actors(text, [], warnings)
    kinds = {st.speaker.name: st.speaker.kind for st in attribute(text, candidates, spans, drafts, warnings)}
    assert "She" not in kinds and kinds.get("Dara Quill") == "person"
    assert kinds.get("Brannock") == "person" and kinds.get("Melanie") == "person"


def test_they_is_not_the_court_or_place_where_something_happens() -> None:
    text = (
        "Rules Challenged\n\nThe Harbor Ethics Project praised the rules. Mill owners are challenging the rules "
        "before seven judges of the Northern Appeals Court. They argue that the rules are unlawful.\n"
    )
    speakers = _speakers(text, {"Harbor Ethics Project": "organization", "Northern Appeals Court": "government"})
    assert speakers["the rules are unlawful"] != "Northern Appeals Court"


def test_a_seat_of_government_speaks_for_its_country_even_after_a_place() -> None:
    text = "Talks\n\nOfficials met in Geneva, and in Washington, the White House said that the talks had failed.\n"
    assert "United States" in _speakers(text).values()


def test_a_name_described_after_a_comma_speaks_not_whom_the_description_names() -> None:
    text = (
        "Campaign Trail\n\nSenator Dara Quill leads the race. Tomas Vell, a former spokesman for Ms. Quill, said "
        "that the race was close. Sen. Ona Brisk (D-Mo.), who has endorsed Quill, said the senator would win. "
        "Brisk -- co-author of Beating The Odds, a book -- said the odds were long. Gregory W. Tamm, whom Ona Brisk "
        "appointed, and who now backs Senator Ivo Rask, said the port was safe.\n"
    )
    drafts = build_actors(text, [], [])
    candidates = []
    for number, (phrase, words) in enumerate(
        [
            ("Tomas Vell, a former spokesman for Ms. Quill", "the race was close"),
            ("Sen. Ona Brisk (D-Mo.), who has endorsed Quill,", "the senator would win"),
            ("Brisk -- co-author of Beating The Odds, a book --", "the odds were long"),
            ("Gregory W. Tamm, whom Ona Brisk appointed, and who now backs Senator Ivo Rask", "the port was safe"),
        ],
        1,
    ):  # the speaker phrase as the finder gives it when it takes in the description
        at, start = text.index(phrase), text.index(words)
        cue = text.index("said", at + len(phrase))
        candidates.append(
            SpeechCandidate(
                number, 1, (start, start + len(words)), "indirect", "said", (cue, cue + 4), phrase,
                (at, at + len(phrase)), None,
            )
        )  # fmt: skip
    spans = [c.span for c in candidates]
    speakers = [st.speaker.name for st in attribute(text, candidates, spans, drafts, [])]
    assert speakers == ["Tomas Vell", "Ona Brisk", "Ona Brisk", "Gregory W. Tamm"]


def test_a_description_of_the_story_s_figure_is_the_person_it_fits_named_before() -> None:
    text = (
        "Budget Fight\n\nGov. Nora Calloway of Idaho and Sen. Reuben Platt of Oregon met on Monday. Platt left "
        "early. The Oregon senator said the budget was a mistake. The candidate said the vote would be close.\n"
    )
    speakers = _speakers(text)
    assert speakers["the budget was a mistake"] == "Reuben Platt"  # by the place written at his name
    assert speakers["the vote would be close"] == "Reuben Platt"  # the person named last


def test_a_description_by_role_or_relation_is_not_whoever_was_named_last() -> None:
    text = (
        "Debate Night\n\nGov. Nora Calloway answered first. The senator said the debate was unfair. "
        "The moderator said time was up. The Calloway supporter said she had won.\n"
    )
    speakers = _speakers(text)
    assert speakers["the debate was unfair"] == "unnamed: The senator"  # Calloway is a governor, not a senator
    assert speakers["time was up"] == "unnamed: The moderator"  # a moderator is someone else
    assert speakers["she had won"] == "unnamed: The Calloway supporter"  # whose supporter, not who


def test_his_campaign_speaks_for_him_his_critics_do_not() -> None:
    text = (
        "Fund Race\n\nGov. Owen Thale raised $3 million in March, and he spent most of it on ads. His campaign said "
        "the money came from small donors. His critics said the ads were misleading. Sen. Ada Prewitt disagreed, "
        "and her campaign said the figures were inflated.\n"
    )
    speakers = _speakers(text)
    assert speakers["the money came from small donors"] == "Owen Thale"
    assert speakers["the ads were misleading"] == "unnamed: His critics"  # his critics are not Thale
    assert speakers["the figures were inflated"] == "Ada Prewitt"


def test_an_unnamed_source_speaks_as_written_one_actor_per_phrase() -> None:
    text = (
        "Dam Repairs\n\nThe Verrin Dam needs $40 million in repairs, officials said on Monday. A new survey says "
        "most residents back the work. Crews will start the work next spring, officials said.\n\n"
        "Residents Say Repairs Late\n\nYou can see the cracks, my neighbor said.\n"
    )
    warnings: list[str] = []
    candidates = merge_same_sentence(text, find_combined(text))
    drafts = build_actors(text, [], warnings)
    stmts = attribute(text, candidates, [trim_span(text, c.span) for c in candidates], drafts, warnings)
    by_text = {text[st.span[0] : st.span[1]]: st.speaker for st in stmts}
    officials = by_text["The Verrin Dam needs $40 million in repairs"]
    assert (officials.name, officials.kind, officials.unnamed) == ("officials", "other", True)
    assert by_text["Crews will start the work next spring"] is officials  # the same "officials"
    assert by_text["most residents back the work"].name == "A new survey"
    assert not any("my neighbor" in d.name for d in drafts)  # the writer's own relations describe no source



def test_a_list_item_s_verb_or_an_adverb_is_no_source_a_plural_of_people_is() -> None:
    text = (
        "What Voters Say\n\nKeeps saying the tax will fall.\n\nLawmakers said the plan was rushed. Perhaps it "
        "will pass. Critics disagree.\n"
    )

    def source(word: str) -> str | None:
        at = text.index(word)
        found = unnamed_source(text, word, (at, at + len(word)), [])
        return found.name if found is not None else None

    assert [source(w) for w in ("Keeps", "Perhaps", "Lawmakers", "Critics")] == [None, None, "Lawmakers", "Critics"]


def test_she_said_is_never_the_man_named_last_nor_he_said_a_woman() -> None:
    text = (
        "Budget Fight\n\nMargaret Oyelaran spoke first. \u201cWe will not pay,\u201d she said.\n\n"
        "The panel then heard from Daniel Brekke. She said the plan would raise costs for families.\n\n"
        "Brekke had met Oyelaran before the vote. He said the figures were sound.\n"
    )
    speakers = _speakers(text)
    assert speakers["the plan would raise costs for families"] == "Margaret Oyelaran"
    assert speakers["the figures were sound"] == "Daniel Brekke"


def test_she_said_is_the_woman_named_before_rather_than_a_later_name_of_untold_gender() -> None:
    """A name whose gender the text does not tell ("Teodor") loses to one it does ("Margaret") for "she"."""
    text = (
        "Budget Fight\n\nTeodor Vance said the vote would pass.\n\n"
        "Margaret Oyelaran disagreed with the Vance plan. She said the plan would raise costs for families.\n"
    )
    speakers = _speakers(text)
    assert speakers["the vote would pass"] == "Teodor Vance"
    assert speakers["the plan would raise costs for families"] == "Margaret Oyelaran"


def test_whom_the_quoted_words_name_is_not_the_pronoun_speaker() -> None:
    text = (
        "Party Rules\n\nFormer Gov. Walter Pennick agreed that the rules should change.\n\n"
        "\u201cThere is no chance Irene Castell will withdraw from the race,\u201d he said in an interview.\n"
    )
    speakers = _speakers(text)
    assert speakers["There is no chance Irene Castell will withdraw from the race"] == "Walter Pennick"


def test_her_document_speaks_for_her_not_as_an_unnamed_source() -> None:
    text = (
        "Divorce Papers\n\nLena Marsh asked for a divorce in 1990, and the judge ruled on Tuesday. "
        "Her submission to the court said that the assets had been hidden from her.\n"
    )
    speakers = _speakers(text)
    assert speakers["the assets had been hidden from her"] == "Lena Marsh"


def test_the_name_compared_in_an_aside_is_not_the_speaker() -> None:
    text = (
        "Trade Row\n\nObrin will leave office in January. Democratic candidate Ada Pellworth, like Obrin, has "
        "encouraged European nations to bolster defense spending but has said she will hold firm.\n"
    )
    speakers = _speakers(text, {"Obrin": "person"})
    assert speakers["she will hold firm"] == "Ada Pellworth"


def test_i_in_an_op_ed_or_a_letter_is_its_writer_not_whoever_was_named_last() -> None:
    op_ed = (
        "My Vote\n\nSenator Ruth Calloway wants the harbor plan. I said in May that the plan is a waste of money.\n\n"
        "Dora Fenwick is a retired teacher who has lived in the harbor town for thirty years.\n"
    )
    assert _speakers(op_ed)["the plan is a waste of money"] == "Dora Fenwick"
    letter = (
        "Letters\n\nMayor Ivo Tarrant backs the new port. I said last year that the port will ruin the bay.\n\n"
        "Hal Brenneman.\n\nPort Alder\n"
    )
    assert _speakers(letter)["the port will ruin the bay"] == "Hal Brenneman"


def test_a_time_or_an_adverb_before_the_verb_is_no_speaker_the_subject_before_it_is() -> None:
    text = (
        "Port Closure\n\nDara Quill, the harbor board's chairwoman, this past week announced that the port would "
        "close in June. The Harbor Ministry less than two weeks ago said that the plan was dead. Chairman Tomas "
        "Reyes (R-Kes.) earlier in the day said the vote would pass. Quill's aides were also pleased, perhaps "
        "recognizing that the plan would help them.\n"
    )
    speakers = _speakers(text, {"Harbor Ministry": "government"})
    assert speakers["the port would close in June"] == "Dara Quill"
    assert speakers["the plan was dead"] == "Harbor Ministry"
    assert speakers["the vote would pass"] == "Tomas Reyes"
    assert speakers["the plan would help them"] is None  # not "unnamed: perhaps"


def test_a_possessive_running_into_a_noun_cue_speaks_for_its_owner() -> None:
    text = (
        "Port Row\n\nDara Quill spoke on Monday. Quill repeated her recent claim that the port was unsafe. "
        "Omar Sleet laughed. His critics claim that he lies.\n"
    )
    speakers = _speakers(text)
    assert speakers["the port was unsafe"] == "Dara Quill"  # not "unnamed: her recent"
    assert speakers["he lies"] == "unnamed: His critics"


def test_a_ruling_speaks_for_the_court_that_ruled_a_lawsuit_still_for_whoever_sued() -> None:
    text = (
        "Port Ruling\n\nA panel of the Kestown Court of Appeals overruled a lower court on Friday. \"A port cannot "
        "be closed on a whim,\" said the ruling. The Harbor Board had sued the city in March. The lawsuit says the "
        "closure was illegal.\n"
    )
    speakers = _speakers(text)
    assert speakers["A port cannot be closed on a whim"] == "Kestown Court of Appeals"  # not "unnamed: the ruling"
    assert speakers["the closure was illegal"] == "Harbor Board"


def test_she_is_the_person_the_text_reports_saying_she_not_one_named_later_whose_gender_is_unknown() -> None:
    text = (
        "Harbor Vote\n\nZephyrine Voss and Orrin Kellan met on Monday. Voss says she is ready. Voss and Kellan "
        "then left the room. \"The port is safe,\" she said.\n"
    )
    speakers = _speakers(text)  # neither first name is in the census list: "Voss says she" tells her gender
    assert speakers["The port is safe"] == "Zephyrine Voss"


def test_a_place_the_finder_took_for_the_speaker_gives_way_to_whoever_is_there() -> None:
    text = (
        "Harbor Row\n\nThe change is likely to placate nervous Democrats on Capitol Hill, who have argued that it "
        "helps the party.\n"
    )
    assert _speakers(text)["it helps the party"] == "Democrats"  # not a person called "Capitol Hill"


def test_they_is_not_the_body_their_own_words_name() -> None:
    text = (
        "Plant Rules\n\nCoal producers led by the Harbor Miners Association went to court on Monday over the "
        "Federal Energy Agency's rules. They argue that the Federal Energy Agency overstepped its authority.\n"
    )
    assert _speakers(text)["the Federal Energy Agency overstepped its authority"] == "Harbor Miners Association"



def test_a_name_before_a_role_without_an_article_speaks_not_the_body_the_role_names() -> None:
    text = (
        "Budget Fight\n\nThe council met on Monday. Rep. Ada Quill (D-Mo.), chairwoman of the House Budget "
        "Committee, didn’t second-guess the ruling, but she did call for more oversight.\n\n"
        "Tibor Vance, director of the University of Harwick's Center for Budgets, said the numbers were sound.\n"
    )
    speakers = _speakers(text)
    assert speakers["the ruling"] == "Ada Quill"
    assert speakers["the numbers were sound"] == "Tibor Vance"


def test_a_possessive_with_the_apostrophe_alone_is_the_owner_s_campaign_and_a_document_speaks_for_its_owner() -> None:
    text = (
        "Harbor Race\n\nTomas Reyes and Ada Quill are running for mayor. Reyes’ campaign said on Monday that the "
        "count was wrong. Reyes’ aides say the recount will start soon. Reyes's fundraising email to his supporters "
        "notes that the race is close.\n"
    )
    speakers = _speakers(text)
    assert speakers["the count was wrong"] == "Reyes’ campaign"  # as "Reyes's campaign" is: not Reyes himself
    assert speakers["the recount will start soon"] == "Reyes’ aides"
    assert speakers["the race is close"] == "Tomas Reyes"


def test_a_party_member_described_by_place_is_the_person_and_one_supporter_is_not_the_candidate() -> None:
    text = (
        "Senate Race\n\nGov. Ada Quill opened the fair on Monday. Later, Republican Sen. Dale Voskuijlen of Ohio "
        "toured the stalls with Kip Larsen, a farmer. The Ohio Republican said the tax plan would pass. Tomas Reyes, "
        "the Democratic challenger, spoke last. One Reyes supporter said the crowd was bigger than expected.\n"
    )
    speakers = _speakers(text)
    assert speakers["the tax plan would pass"] == "Dale Voskuijlen"  # not an actor named "Ohio Republican"
    assert speakers["the crowd was bigger than expected"] == "unnamed: One Reyes supporter"


def test_a_description_s_clue_in_a_person_s_own_role_outweighs_the_same_word_written_near_another() -> None:
    text = (
        "Primary Night\n\nFlorida Sen. Dale Marrow spoke on Tuesday. Texas Sen. Ted Voss campaigned in Florida too. "
        "Marrow says the race is now between himself and Ted Voss. The Florida senator is predicting that he will "
        "win the nomination.\n"
    )
    assert _speakers(text)["he will win the nomination"] == "Dale Marrow"  # not Voss, named last


def test_his_campaign_is_the_campaign_the_text_names_when_it_names_one() -> None:
    text = (
        "Harbor Race\n\nTomas Reyes is running for mayor. The Reyes campaign said on Monday that the count was wrong. "
        "Reyes spoke at the docks on Tuesday. His campaign said the recount would start soon. His critics say the "
        "recount is a stunt.\n"
    )
    speakers = _speakers(text)
    assert speakers["the count was wrong"] == speakers["the recount would start soon"] == "Reyes campaign"
    assert speakers["the recount is a stunt"] == "unnamed: His critics"


def test_a_surname_two_people_share_names_only_the_one_the_mention_is_of() -> None:
    text = (
        "Harbor Race\n\nHillary Vance is running for mayor. Her husband, Bill Vance, ran the port for years. "
        '"The docks need work," said Andrew Rice, a former state senator. He endorsed Vance, but told reporters on '
        "Monday that he thought the race was close.\n"
    )
    assert _speakers(text)["he thought the race was close"] == "Andrew Rice"  # "Vance" there is Hillary, no "he"


def test_supporters_of_a_person_or_people_close_to_them_speak_not_that_person() -> None:
    text = (
        "Harbor Race\n\nTomas Reyes lost the race for mayor on Tuesday. Supporters of Reyes said the count was wrong. "
        "People close to Reyes say that the recount will start soon.\n"
    )
    speakers = _speakers(text)
    assert speakers["the count was wrong"] == "Supporters of Reyes"
    assert speakers["the recount will start soon"] == "unnamed: People close to Reyes"


def test_a_description_s_clue_counts_only_in_the_words_that_describe_that_person() -> None:
    text = (
        "Harbor Race\n\nDemocratic nominee Ada Quill toured the docks on Monday. The Democratic nominee’s visit came "
        "after rival Tomas Reyes spoke there. The Democratic nominee said the count was wrong. Reyes, who would "
        "become the Republican candidate, met Kip Larsen at noon. The Republican candidate said the port needs work.\n"
    )
    speakers = _speakers(text)
    assert speakers["the count was wrong"] == "Ada Quill"  # "Democratic" before "rival Tomas Reyes" is not his
    assert speakers["the port needs work"] == "Tomas Reyes"  # what he would become describes him


def test_a_description_two_people_fit_alike_names_neither() -> None:
    text = (
        "Harbor Race\n\nOhio Sen. Ada Quill toured the docks on Monday. Ohio Sen. Tomas Reyes joined the tour at noon. "
        "The Ohio senator said the port needs work. Gov. Kip Larsen, of Ohio, spoke last. The Ohio senator later "
        "said the tour was too short.\n"
    )
    speakers = _speakers(text)
    assert speakers["the port needs work"] == "unnamed: The Ohio senator"  # Quill or Reyes: not the last named
    assert speakers["the tour was too short"] == "unnamed: The Ohio senator"  # the governor is no senator


def test_her_advisers_speak_as_themselves_her_campaign_for_her() -> None:
    text = (
        "Harbor Race\n\nMaria Lind is running for mayor. Her advisers believe the race is close. Her chief aide "
        "said the count was wrong. Her campaign said the recount would start soon.\n"
    )
    speakers = _speakers(text)
    assert speakers["the race is close"] == "unnamed: Her advisers"  # not Maria Lind: what her advisers think
    assert speakers["the count was wrong"] == "unnamed: Her chief aide"
    assert speakers["the recount would start soon"] == "Maria Lind"


def test_a_party_appositive_describes_the_name_before_it() -> None:
    text = (
        "Port Deal\n\nSenator Ada Brun, Republican of Oregon, said the deal was a mistake. Tom Vell, a Democrat "
        'from Ohio, said it was fine. "If Dale stays Dale, I will not vote for him," declared Senator Jon Sable, '
        "Republican of Utah, who said Mr. Dale's comments were a disgrace.\n"
    )
    speakers = _speakers(text)
    assert speakers["the deal was a mistake"] == "Ada Brun"
    assert speakers["it was fine"] == "Tom Vell"
    assert speakers["Mr. Dale's comments were a disgrace"] == "Jon Sable"  # not "Republican of Utah"


def test_a_party_tag_and_its_comma_before_the_cue_are_no_part_of_the_name() -> None:
    text = (
        "Port Race\n\nSpeaking at a college in Berea, OH, after winning Ohio in the primary, Gov. Jon Kade (R-OH), "
        'said, "I am getting ready to go to the convention."\n'
    )
    assert _speakers(text)["I am getting ready to go to the convention."] == "Jon Kade"


def test_a_name_in_a_participle_phrase_after_the_speaker_is_not_who_spoke() -> None:
    text = (
        "Port Probe\n\nDale Roe leads the race. Another intelligence source speaking to Harbor News said the probe "
        "was wide. Activists clamoring to block Dale Roe from the nomination say the rules are unfair.\n"
    )
    speakers = _speakers(text)
    assert speakers["the probe was wide"] == "unnamed: Another intelligence source"  # not Harbor News
    assert speakers["the rules are unfair"] != "Dale Roe"
    lawyers = "Dale Roe leads the race. Lawyers working for Dale Roe said the count was wrong.\n"
    assert _speakers(lawyers)["the count was wrong"] == "Dale Roe"  # his lawyers speak for him


def test_an_opening_participle_or_a_dateline_state_is_not_the_subject() -> None:
    text = (
        "Port Race\n\nRallying hundreds of dock workers who are struggling to get by, Ann Roe tried here last week "
        "to ease their fears and promised to deliver change. Monday at Kell University in Lynchburg, VA, front-runner "
        "Dale Marrow addressed the students, vowing to protect the port.\n"
    )
    speakers = _speakers(text)
    assert speakers["to deliver change"] == "Ann Roe"  # not "Rallying"
    assert speakers["to protect the port"] == "Dale Marrow"  # not "VA"


def test_a_name_right_before_a_participle_is_its_speaker_not_the_sentence_subject() -> None:
    text = (
        "Budget Fight\n\nDemocrats were quick to respond, with Sen. Marla Vendt tweeting that the budget was a "
        "\"betrayal\" of rural towns.\n\nThe council met on Monday, and Mayor Ed Quarry (R-Ohio) kept asking "
        "why the depot had closed.\n\nThe board's meeting ended with Tomas Lindqvist vowing to fight the cuts.\n"
    )
    speakers = _speakers(text)
    said = {k: v for k, v in speakers.items() if v is not None}
    assert any("betrayal" in k and v == "Marla Vendt" for k, v in said.items()), said
    assert any("depot had closed" in k and v == "Ed Quarry" for k, v in said.items()), said
    assert any("fight the cuts" in k and v == "Tomas Lindqvist" for k, v in said.items()), said


def test_a_name_after_a_verb_of_recalling_or_a_place_word_is_not_the_participle_s_speaker() -> None:
    text = (
        "Old Friends\n\nDana Whitcombe, a longtime aide, recalled Mr. Harlan Voss talking about the old mill "
        "towns of the valley.\n\nSome senators complained about Wendell Ostrow vowing to fight on and said "
        "that they had lost their patience.\n"
    )
    speakers = _speakers(text)
    assert not any("old mill" in k and v == "Harlan Voss" for k, v in speakers.items()), speakers
    assert not any("lost their patience" in k and v == "Wendell Ostrow" for k, v in speakers.items()), speakers
