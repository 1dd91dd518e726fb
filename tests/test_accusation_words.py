"""Accusations from the words said: negative evaluation (VADER's lexicon), the subject it falls on, pronouns.

A small model calls neutral facts and praise accusations and misses plain criticism ("she is a disgrace");
these rules check its labels against the words, one class of mistake per test, on invented articles.
"""

from __future__ import annotations

from typing import Any

from extract.language.categories import names_a_wrong
from extract.language.evaluative import speaks_ill
from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run


def _found(text: str, actors: dict[str, str], labels: dict[str, Any] | None = None) -> list[tuple[list[str],
                                                                                                   list[str]]]:
    named, _, allegations, _, _ = _run(text, actors, labels)
    return who_accuses_whom(named, allegations)


def test_the_lexicon_tells_criticism_from_praise_and_facts() -> None:
    assert speaks_ill("Oren Daly is a disgrace and a liar")
    assert not speaks_ill("I think Oren Daly will be very fair")
    assert not speaks_ill("Oren Daly has served on the committee for a decade")
    assert speaks_ill("this is not a good plan")  # negation counts
    assert not speaks_ill("a terrible storm, but the rescue was a wonderful, brilliant success")  # on the whole
    assert names_a_wrong("the mayor had spent donations on holidays")  # a wrong named without a judging word


def test_praise_or_a_neutral_fact_labelled_as_an_accusation_accuses_nobody() -> None:
    text = (
        "Debate Night\n\nSenator Ada Quill said Oren Daly will be very fair as the moderator. Ada Quill said Oren "
        "Daly has served on the debate committee for a decade.\n"
    )
    labels = {"s1": {"accused": ["Oren Daly"], "category": "corruption"},
              "s2": {"accused": ["Oren Daly"], "category": "war_crimes"}}
    assert _found(text, {"Ada Quill": "person", "Oren Daly": "person"}, labels) == []


def test_criticism_the_model_labelled_none_accuses_the_one_actor_it_names_as_subject() -> None:
    text = (
        "Council Row\n\nMayor Lena Osk spoke on Monday. \"Verra Holdings is a disgrace and its owners are liars,\" "
        "Senator Ada Quill said.\n"
    )
    assert _found(text, {"Lena Osk": "person", "Verra Holdings": "organization", "Ada Quill": "person"}) == [
        (["Ada Quill"], ["Verra Holdings"])]


def test_a_name_after_a_preposition_in_criticism_is_not_whom_it_blames() -> None:
    """'cases were missing from the trust's reports': a wrong is said, but not that the trust did it."""
    text = (
        "Infections Row\n\nPatients Voice said 41 terrible cases were missing from the Northfield Trust's reports.\n"
    )
    assert _found(text, {"Patients Voice": "organization", "Northfield Trust": "organization"}) == []


def test_ill_words_blame_no_name_that_no_verb_follows() -> None:
    """'the storm brought Oren Daly, his crew and the harbour a terrible night': Daly stands after a clause's
    start, but no verb of his follows (an apposition may stand between: "Daly, a former mayor, lied"); the model
    said none, and the words charge him with nothing."""
    actors = {"Lena Osk": "person", "Oren Daly": "person"}
    for said in ("the storm brought Oren Daly, his crew and the harbour a terrible night",
                 "the flood left Oren Daly in a terrible state"):
        assert _found(f"Port Row\n\nLena Osk said {said}.\n", actors) == []
    for said in ("Oren Daly is a disgrace", "Oren Daly, a former harbour master, lied and is a disgrace"):
        assert _found(f"Port Row\n\nLena Osk said {said}.\n", actors) == [(["Lena Osk"], ["Oren Daly"])]


def test_he_or_she_in_a_quotation_is_the_person_of_that_gender_named_last_before_it() -> None:
    text = (
        "Budget Row\n\nMara Voss met Carl Benn on Monday. Voss said she would sign the budget. Benn said he would "
        "not. \"She lied to the council and she is a disgrace,\" Senator Tom Reed said.\n"
    )
    found = _found(text, {"Mara Voss": "person", "Carl Benn": "person", "Tom Reed": "person"})
    assert found == [(["Tom Reed"], ["Mara Voss"])]


def test_he_in_reported_speech_is_the_speaker_and_accuses_nobody() -> None:
    text = "Budget Row\n\nCarl Benn met the council on Monday. Carl Benn said he was troubled and angry.\n"
    assert _found(text, {"Carl Benn": "person"}) == []


def test_she_in_reported_speech_is_the_speaker_even_when_another_woman_was_named_before() -> None:
    text = (
        "Shooting Row\n\nMara Voss said she was shocked. She suspected the driver was violent and dangerous, "
        "Officer Lena Dorn said.\n"
    )
    assert _found(text, {"Mara Voss": "person", "Lena Dorn": "person"}) == []


def test_whose_death_or_killing_is_spoken_of_is_not_accused() -> None:
    """'the death of X', 'X's killing': the one who died is the victim, whatever the label says."""
    actors = {"Ada Quill": "person", "Tom Reed": "person"}
    labels = {"s1": {"accused": ["Tom Reed"], "category": "crime"}}
    text = "Harbour Shooting\n\nAda Quill condemned the death of Tom Reed, saying the shooting was a disgrace.\n"
    assert _found(text, actors, labels) == []
    text = "Harbour Shooting\n\nAda Quill said Tom Reed's brutal killing was a crime and a disgrace.\n"
    assert _found(text, actors, labels) == []


def test_the_one_embarrassed_or_insulted_is_not_accused() -> None:
    text = "Hearing Row\n\nAda Quill said the hearing was a cheap ploy to embarrass Tom Reed.\n"
    labels = {"s1": {"accused": ["Tom Reed"], "category": "other"}}
    assert _found(text, {"Ada Quill": "person", "Tom Reed": "person"}, labels) == []


def test_a_vote_or_an_election_named_is_no_wrong() -> None:
    """Election words pick the category of a wrong named otherwise; alone they name none."""
    assert not names_a_wrong("I will vote for Tom Reed on Election Day")
    assert names_a_wrong("they rigged the election")
    assert names_a_wrong("interference in the presidential election")  # the wrong is named: interference
    text = "Endorsement\n\nAfter months of prayer, Ada Quill said she will vote for Tom Reed on Election Day.\n"
    labels = {"s1": {"accused": ["Tom Reed"], "category": "election_interference"}}
    assert _found(text, {"Ada Quill": "person", "Tom Reed": "person"}, labels) == []


def test_a_country_that_names_a_war_is_not_accused() -> None:
    """'the Orland War' is a war fought there, not a wrong Orland is said to have done."""
    text = "Debate Night\n\nAda Quill called her vote for the Orland War a terrible mistake.\n"
    labels = {"s1": {"accused": ["Orland"], "category": "armed_aggression"}}
    assert _found(text, {"Ada Quill": "person", "Orland": "country"}, labels) == []


def test_the_body_the_speaker_heads_or_speaks_for_is_their_own_side_not_accused() -> None:
    """A quotation interrupted by its attribution holds the appositive: the union she heads is not accused."""
    text = (
        "Harbour Row\n\n\"This is a sad day,\" said Rep. Ada Quill (D-Ore.), head of the Harbour Union. \"Verra "
        "Holdings is a disgusting fraud.\"\n"
    )
    labels = {"s1": {"accused": ["Verra Holdings", "Harbour Union"], "category": "fraud"}}
    actors = {"Ada Quill": "person", "Verra Holdings": "organization", "Harbour Union": "organization"}
    assert _found(text, actors, labels) == [(["Ada Quill"], ["Verra Holdings"])]


def test_whom_the_speaker_backs_or_who_hosted_an_event_is_not_accused() -> None:
    actors = {"Ada Quill": "person", "Tom Reed": "person", "Harbour News": "media"}
    text = "Endorsement\n\nAda Quill explained why she backs Tom Reed after a terrible, bitter campaign.\n"
    assert _found(text, actors, {"s1": {"accused": ["Tom Reed"], "category": "other"}}) == []
    text = ("Forum\n\nAda Quill defended the deadly raid at a forum sponsored by Harbour News and said she is "
            "steady.\n")
    assert _found(text, actors, {"s1": {"accused": ["Harbour News"], "category": "crime"}}) == []


def test_a_later_member_of_a_list_of_places_harmed_is_not_accused() -> None:
    """'the bombings in Port Ivo and Orland': the first place is no actor, the second is still a victim."""
    text = ("Blasts\n\nAda Quill said the bombings in Port Ivo and Orland were terrible and we must pray for the "
            "victims.\n")
    labels = {"s1": {"accused": ["Orland"], "category": "terrorism"}}
    assert _found(text, {"Ada Quill": "person", "Orland": "country"}, labels) == []


def test_a_name_after_a_time_preposition_is_no_clause_subject() -> None:
    """'after the Harbour Congress he would refuse…': the congress is when, not who did wrong."""
    text = "Snub\n\nTom Reed said after the Harbour Congress he would angrily refuse the bitter, hostile offer.\n"
    actors = {"Tom Reed": "person", "Harbour Congress": "organization"}
    assert _found(text, actors) == []


def test_the_one_a_demand_is_made_of_is_not_accused() -> None:
    """'the demand for Reed's appearance' asks Reed to act; the ploy's authors are others."""
    text = ("Hearing Row\n\nAda Quill called the demand for Tom Reed's public appearance a cheap, shameful "
            "political ploy.\n")
    labels = {"s1": {"accused": ["Tom Reed"], "category": "other"}}
    assert _found(text, {"Ada Quill": "person", "Tom Reed": "person"}, labels) == []


def test_a_name_after_a_hyphenated_word_is_no_clause_subject() -> None:
    """'decided against fact-checking Daly': the hyphen inside a word starts no clause, so Daly is the object."""
    text = ("Debate Row\n\nAda Quill said the panel shamefully decided against fact-checking Oren Daly, a "
            "terrible failure.\n")
    assert _found(text, {"Ada Quill": "person", "Oren Daly": "person"}) == []


def test_the_one_an_act_would_favour_is_not_accused() -> None:
    """'trying to tip the scales for Reed': Reed gains from the wrong, whoever does it; he did nothing."""
    text = ("Probe Row\n\nAda Quill said the board feared it would look like a shameful attempt to tip the scales "
            "for Tom Reed.\n")
    labels = {"s1": {"accused": ["Tom Reed"], "category": "election_interference"}}
    assert _found(text, {"Ada Quill": "person", "Tom Reed": "person"}, labels) == []


def test_the_one_the_speaker_agrees_with_is_not_accused() -> None:
    """'Reed was absolutely right … a terrible failure': Reed is agreed with; the failure is someone else's."""
    text = ("Budget Row\n\nAda Quill said Tom Reed was absolutely right about the terrible, shameful failure of "
            "the budget.\n")
    labels = {"s1": {"accused": ["Tom Reed"], "category": "corruption"}}
    assert _found(text, {"Ada Quill": "person", "Tom Reed": "person"}, labels) == []


def test_whom_one_deals_with_is_not_accused_but_whom_something_is_wrong_with_can_be() -> None:
    """'negotiates with Kestria': a partner; 'something shameful was going on with Reed': Reed is spoken of."""
    actors = {"Ada Quill": "person", "Kestria": "country", "Tom Reed": "person"}
    text = "Talks\n\nAda Quill said the council was reluctant to act while the envoy negotiates with Kestria.\n"
    assert _found(text, actors, {"s1": {"accused": ["Kestria"], "category": "other"}}) == []
    text = "Debate Night\n\nAda Quill said something shameful was going on with Tom Reed last night.\n"
    assert _found(text, actors, {"s1": {"accused": ["Tom Reed"], "category": "other"}}) == [
        (["Ada Quill"], ["Tom Reed"])]


def test_the_object_of_a_verb_of_scorn_with_for_is_accused_even_after_a_closing_quote() -> None:
    """'was only "to mock" Reed for inviting …': scorn with its charge, as 'blamed Reed for'; the model said none."""
    text = ("Debate Night\n\nAda Quill said the tweet was only \"to mock\" Tom Reed for inviting a rival to the "
            "front row.\n")
    assert _found(text, {"Ada Quill": "person", "Tom Reed": "person"}) == [(["Ada Quill"], ["Tom Reed"])]


def test_words_of_political_blame_the_sentiment_lexicon_lacks_are_negative() -> None:
    """VADER scores 'corrupt', 'unfit' and 'lashed out' 0.0; criticism made of them must still speak ill."""
    assert speaks_ill("Oren Daly is corrupt")
    assert speaks_ill("Oren Daly has been disrespecting our veterans for decades and is unfit to serve")
    assert speaks_ill("Oren Daly lashed out at the generals")
    assert not speaks_ill("Oren Daly served the veterans for decades")


def test_rule_by_force_speaks_ill() -> None:
    """VADER lacks "dictator", "tyranny", "authoritarian": "Daly is a dictator in the making" scored 0.0."""
    assert speaks_ill("Oren Daly is a dictator in the making")
    assert speaks_ill("Oren Daly would impose an authoritarian regime on the harbour")
    assert not speaks_ill("Oren Daly would lead the harbour board in the making")


def test_legitimacy_denied_speaks_ill_and_granted_does_not() -> None:
    """VADER lacks "legitimate": "not a legitimate purpose" scored 0.0, as neutral as a fact."""
    assert speaks_ill("Oren Daly wants a photo op. That is not a legitimate legislative purpose")
    assert speaks_ill("the harbour vote was illegitimate")
    assert not speaks_ill("Oren Daly raised a legitimate question")


def test_the_condemnation_of_diplomacy_and_politics_speaks_ill() -> None:
    """VADER lacks "provocation", "outlaw", "recklessness", "deplorable", "crooked", "a sham": all scored 0.0."""
    assert speaks_ill("the Northern Republic is an outlaw nation in the neighbourhood")
    assert speaks_ill("the launch was a provocation that cannot be left without consequences")
    assert speaks_ill("Oren Daly acted with fanatic recklessness")
    assert speaks_ill("his conduct was deplorable")
    assert speaks_ill("Oren Daly is still going to be crooked Daly")
    assert speaks_ill("the harbour inquiry was a sham")
    assert speaks_ill("the donations were akin to extortion")
    assert not speaks_ill("the Northern Republic held talks in the neighbourhood")
    assert not speaks_ill("voters face a choice between two candidates")  # "false" is no blame word: "a false choice"


def test_condemnation_the_model_left_unlabelled_accuses_the_one_it_is_said_of() -> None:
    """'"His conduct was deplorable," Reed said of Daly': the words alone accuse Daly (the model said none)."""
    text = ("Harbour Row\n\nTom Reed said Oren Daly's conduct at the harbour was deplorable. Ada Quill said the "
            "harbour was busy.\n")
    actors = {"Tom Reed": "person", "Oren Daly": "person", "Ada Quill": "person"}
    assert _found(text, actors) == [(["Tom Reed"], ["Oren Daly"])]


def test_typographic_quotes_and_apostrophes_do_not_hide_blame_or_negation() -> None:
    """VADER strips only ASCII marks from words and knows "isn't", not "isn’t": news writes the curly ones."""
    assert speaks_ill("Oren Daly \u201clashed out at our generals when he was asked for details.")
    assert speaks_ill("the deal Oren Daly signed isn\u2019t good for anyone")


def test_reported_words_before_an_accusing_verb_are_not_its_charge() -> None:
    """'Bemoaning the "phony count," Reed accused Daly of fraud': one allegation, whose claim is the charge."""
    text = ("Count Row\n\nBemoaning the \"phony count,\" Tom Reed accused Oren Daly of being a fraud, though "
            "records show otherwise.\n")
    named, _, allegations, _, _ = _run(text, {"Tom Reed": "person", "Oren Daly": "person"}, None)
    assert who_accuses_whom(named, allegations) == [(["Tom Reed"], ["Oren Daly"])]
    assert "fraud" in allegations[0].claim


def test_what_others_say_repeated_by_the_speaker_is_not_the_speakers_charge() -> None:
    """'The critics are saying, "… Reed is such a liar …"': the speaker reports their charge, makes none."""
    text = ("Debate Night\n\n\"The critics are saying, 'Tom Reed is such a liar, a terrible liar, that Oren Daly "
            "would have no time,'\" Ada Quill said.\n")
    actors = {"Ada Quill": "person", "Tom Reed": "person", "Oren Daly": "person"}
    assert _found(text, actors, {"s1": {"accused": ["Oren Daly"], "category": "disinformation"}}) == []


def test_whom_a_wrong_is_blamed_on_is_accused_by_who_blames_it() -> None:
    """'blamed the losses in the region on the policies of President Daly': Daly did it, Reed says so."""
    text = ("Region Row\n\nTom Reed said the region is in trouble, and blamed the losses in the region on the "
            "policies of President Oren Daly.\n")
    labels = {"s1": {"accused": [], "category": "other"}}  # the model saw a wrong and named nobody
    assert _found(text, {"Tom Reed": "person", "Oren Daly": "person"}, labels) == [(["Tom Reed"], ["Oren Daly"])]


def test_the_one_whose_endorsement_is_refused_is_not_accused() -> None:
    """'he would not accept Daly's endorsement': the speaker refuses a gift; Daly did nothing wrong."""
    text = ("Snub\n\nTom Reed said after the bitter vote he would angrily refuse Oren Daly's endorsement if it "
            "were offered.\n")
    labels = {"s1": {"accused": ["Oren Daly"], "category": "other"}}
    assert _found(text, {"Tom Reed": "person", "Oren Daly": "person"}, labels) == []


def test_the_one_people_come_around_in_support_of_is_not_accused() -> None:
    """'… blaming migrants for our problems … will bring them around in support of Quill': Quill gains."""
    text = ("Rally\n\nTom Reed said voters do not want to hear leaders blaming migrants for our problems, and that "
            "this will bring them around in support of Ada Quill.\n")
    labels = {"s1": {"accused": ["Ada Quill"], "category": "human_rights"}}
    assert _found(text, {"Tom Reed": "person", "Ada Quill": "person"}, labels) == []


def test_whose_words_the_speaker_echoes_is_an_ally_not_the_accused() -> None:
    """'echoed remarks by Y that Z lied': Y is on the speaker's side; Z is whom the words blame."""
    text = (
        "Port Row\n\nSenator Ada Quill echoed remarks by Verra chairman Oren Daly that the Harbour Union lied to "
        "the dock workers.\n"
    )
    actors = {"Ada Quill": "person", "Oren Daly": "person", "Harbour Union": "organization"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "disinformation"}}
    assert _found(text, actors, labels) == [(["Ada Quill"], ["Harbour Union"])]
    text = "Port Row\n\nSenator Ada Quill said the board repeated Oren Daly's lies about the dock workers.\n"
    labels = {"s1": {"accused": ["Oren Daly"], "category": "disinformation"}}
    assert _found(text, actors, labels) == [(["Ada Quill"], ["Oren Daly"])]  # repeating his lies blames him


def test_the_subject_of_a_clause_that_only_sets_the_time_is_not_accused() -> None:
    """'… reluctant to act while Y negotiates with Z': Y's negotiating is the circumstance, not the charge."""
    text = (
        "Port Row\n\nThe council may be reluctant to act while Mayor Oren Daly negotiates with the Harbour Union "
        "over wages, Senator Ada Quill said. The council failed the workers while Mayor Lena Osk lied to them "
        "about the wages, Senator Ada Quill said.\n"
    )
    actors = {"Ada Quill": "person", "Oren Daly": "person", "Harbour Union": "organization", "Lena Osk": "person"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "disinformation"},
              "s2": {"accused": ["Lena Osk"], "category": "disinformation"}}
    assert _found(text, actors, labels) == [(["Ada Quill"], ["Lena Osk"])]
    # "when" sets no mere circumstance: its subject is often whom the main clause blames by "they"
    text = (
        "Port Row\n\n\"When Oren Daly comes to the council, the meetings turn into a disgraceful circus,\" "
        "Senator Ada Quill said.\n"
    )
    assert _found(text, actors, {"s1": {"accused": ["Oren Daly"], "category": "other"}}) == [
        (["Ada Quill"], ["Oren Daly"])]


def test_the_target_of_hate_or_criticism_is_not_accused() -> None:
    """'Daly is a hater of Reed and a liar', '… took aim at Reed': Reed is what Daly hates or attacks."""
    actors = {"Ada Quill": "person", "Oren Daly": "person", "Tom Reed": "person"}
    labels = {"s1": {"accused": ["Oren Daly", "Tom Reed"], "category": "other"}}
    for text in ("Court Row\n\nAda Quill said Judge Oren Daly is a hater of Tom Reed and a shameless liar.\n",
                 "Court Row\n\nAda Quill said Judge Oren Daly is a shameless liar who took aim at Tom Reed.\n"):
        assert _found(text, actors, labels) == [(["Ada Quill"], ["Oren Daly"])]


def test_a_later_statement_that_names_no_wrong_goes_on_with_the_charge_already_made() -> None:
    """'urged the council to "call out Daly on this"': no charge of its own, so one allegation, two statements."""
    text = (
        "Budget Row\n\nSenator Ada Quill accused Mayor Oren Daly of lying about the budget. Lena Osk said the vote "
        "would come on Friday. Quill urged the council to \"really call out Daly on this\" and to meet again.\n"
    )
    actors = {"Ada Quill": "person", "Oren Daly": "person", "Lena Osk": "person"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "disinformation"},
              "s3": {"accused": ["Oren Daly"], "category": "other"}}
    named, statements, allegations, _, _ = _run(text, actors, labels)
    assert who_accuses_whom(named, allegations) == [(["Ada Quill"], ["Oren Daly"])]
    assert [s.text for s in statements if s.id in allegations[0].evidence][-1].startswith("the council to")


def test_a_later_charge_the_word_lists_lack_is_not_joined_to_the_first() -> None:
    """'criticized Daly for not paying the harbour fee' points back to nothing: a second charge of its own."""
    text = (
        "Budget Row\n\nSenator Ada Quill accused Mayor Oren Daly of lying about the budget. Lena Osk said the vote "
        "would come on Friday. Later, Ada Quill criticized Oren Daly for not paying the harbour fee.\n"
    )
    actors = {"Ada Quill": "person", "Oren Daly": "person", "Lena Osk": "person"}
    named, _, allegations, _, _ = _run(text, actors, {"s1": {"accused": ["Oren Daly"], "category": "disinformation"}})
    assert who_accuses_whom(named, allegations) == [(["Ada Quill"], ["Oren Daly"])] * 2


def test_words_that_name_their_own_speaker_as_a_wrongdoer_are_not_hers_and_accuse_nobody() -> None:
    """Nobody blames 'the policies of Daly and Quill' in Quill's own words: the speaker is mistaken."""
    text = (
        "Budget Row\n\nAda Quill said the losses were caused by the corrupt policies of Oren Daly and Ada Quill. "
        "Tom Reed said Oren Daly had smeared Tom Reed and lied to the council. Mark Dunn said Oren Daly lied "
        "and the Mark Dunn campaign lost the vote.\n"
    )
    actors = {"Ada Quill": "person", "Oren Daly": "person", "Tom Reed": "person", "Mark Dunn": "person"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "corruption"},
              "s2": {"accused": ["Oren Daly"], "category": "disinformation"},
              "s3": {"accused": ["Oren Daly"], "category": "disinformation"}}
    # named as harmed, or only to qualify what follows ("the Dunn campaign"), the speaker may be
    assert _found(text, actors, labels) == [(["Tom Reed"], ["Oren Daly"]), (["Mark Dunn"], ["Oren Daly"])]
    # a body names itself ("Verra is an honest company," Verra said), and "ruined Dunn's case": what is his
    text = (
        "Budget Row\n\n\"Verra Holdings is an honest company and Oren Daly lied about its accounts,\" Verra "
        "Holdings said. Mark Dunn said Oren Daly was a dishonest judge who ruined Mark Dunn's case.\n"
    )
    actors = {"Verra Holdings": "organization", "Oren Daly": "person", "Mark Dunn": "person"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "disinformation"},
              "s2": {"accused": ["Oren Daly"], "category": "other"}}
    assert _found(text, actors, labels) == [(["Verra Holdings"], ["Oren Daly"]), (["Mark Dunn"], ["Oren Daly"])]
    # nor is the speaker named as the one speaking ("what Dunn said was …")
    text = "Budget Row\n\nMark Dunn said Oren Daly would only worsen what Mark Dunn said was a corrupt budget.\n"
    assert _found(text, actors, {"s1": {"accused": ["Oren Daly"], "category": "corruption"}}) == [
        (["Mark Dunn"], ["Oren Daly"])]


def test_criticism_blames_its_first_subject_and_those_joined_to_it_not_a_later_clause_subject() -> None:
    """'Daly tells so many lies that Osk spends her time …': Osk bears them; 'Dunn and Holt lied': both."""
    text = (
        "Debate Night\n\n\"Oren Daly tells so many terrible lies that Lena Osk spends all her time correcting him,\" "
        "Ada Quill said. Later, Tom Reed said Mark Dunn and Eva Holt lied and cheated. Lena Osk said it was a "
        "disgrace by Mark Dunn and his Harbour Board.\n"
    )
    actors = {"Ada Quill": "person", "Oren Daly": "person", "Lena Osk": "person", "Tom Reed": "person",
              "Mark Dunn": "person", "Eva Holt": "person", "Harbour Board": "organization"}
    assert _found(text, actors) == [(["Ada Quill"], ["Oren Daly"]), (["Tom Reed"], ["Mark Dunn", "Eva Holt"]),
                                    (["Lena Osk"], ["Mark Dunn", "Harbour Board"])]


def test_the_same_wrong_named_again_later_by_the_same_accuser_is_one_allegation() -> None:
    """'Daly lies about the budget' … 'Daly may lie again': one charge twice; 'Daly took bribes': another."""
    text = (
        "Budget Row\n\nAda Quill said Oren Daly lies about the budget. Lena Osk said the vote would come on "
        "Friday. Quill said she fears Oren Daly may lie again at the hearing. Tom Reed said the hearing was "
        "moved. Quill said Oren Daly took bribes from the builders.\n"
    )
    actors = {"Ada Quill": "person", "Oren Daly": "person", "Lena Osk": "person", "Tom Reed": "person"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "disinformation"},
              "s3": {"accused": ["Oren Daly"], "category": "disinformation"},
              "s5": {"accused": ["Oren Daly"], "category": "corruption"}}
    named, _, allegations, _, _ = _run(text, actors, labels)
    assert who_accuses_whom(named, allegations) == [(["Ada Quill"], ["Oren Daly"])] * 2
    assert [len(a.evidence) for a in allegations] == [2, 1]


def test_the_one_fact_checked_is_not_accused_by_the_words_that_name_the_checking() -> None:
    """'asking the moderator to fact-check Daly reeks of fear': the scorn is for who asks, not for Daly."""
    text = "Debate Night\n\nAda Quill said asking the moderator to fact check Oren Daly reeks of fear and panic.\n"
    actors = {"Ada Quill": "person", "Oren Daly": "person"}
    assert _found(text, actors, {"s1": {"accused": ["Oren Daly"], "category": "other"}}) == []


def test_a_call_to_act_in_another_sentence_of_the_quotation_does_not_undo_the_blame() -> None:
    """'Verra sent orders to print vile lies … Osk needs to question them': the call is to Osk, after."""
    text = (
        "Debate Night\n\n\"Verra Holdings has sent its friends in the press orders to print story after story of "
        "vile lies about Oren Daly. Lena Osk needs to question them at the hearing,\" Ada Quill said. \"Tom Reed is a "
        "disgrace and he must resign,\" Ada Quill said.\n"
    )
    actors = {"Ada Quill": "person", "Verra Holdings": "organization", "Lena Osk": "person", "Tom Reed": "person",
              "Oren Daly": "person"}
    assert _found(text, actors) == [(["Ada Quill"], ["Verra Holdings"])]  # Reed: the call is in his sentence


def test_the_category_is_the_one_the_statements_own_words_name_not_the_rest_of_its_sentence() -> None:
    """'At the bribery trial, Quill said Daly had lied about the budget': a lie, not corruption."""
    text = "Trial Day\n\nAt the bribery trial of Lena Osk, Ada Quill said Oren Daly had lied about the budget.\n"
    actors = {"Ada Quill": "person", "Oren Daly": "person", "Lena Osk": "person"}
    _, statements, allegations, _, _ = _run(text, actors, {"s1": {"accused": ["Oren Daly"], "category": "corruption"}})
    assert [s.text for s in statements] == ["Oren Daly had lied about the budget"]
    assert [a.category for a in allegations] == ["disinformation"]


def test_in_a_quotation_of_several_sentences_the_subject_of_the_one_that_speaks_ill_is_blamed() -> None:
    """'Reed asserted his rights. But the board voted for contempt because …': the board, not the client."""
    text = (
        "Hearing Row\n\n\"Tom Reed already asserted his rights before the council. But the Harbour Board voted for "
        "contempt because he would not play the shameful, dishonest role they had scripted,\" said Ada Quill.\n"
    )
    actors = {"Ada Quill": "person", "Tom Reed": "person", "Harbour Board": "organization"}
    assert _found(text, actors) == [(["Ada Quill"], ["Harbour Board"])]


def test_the_owner_of_what_others_disagree_with_is_not_a_partner_and_may_be_accused() -> None:
    """'many disagreed with Daly's policies': Daly is not one sided with; 'disagreed with Daly' still is."""
    actors = {"Ada Quill": "person", "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "other"}}
    text = ("Board Row\n\nAda Quill said the board has shamefully fired four chiefs because they disagreed with Oren "
            "Daly's ruinous policies.\n")
    assert _found(text, actors, labels) == [(["Ada Quill"], ["Oren Daly"])]
    text = "Board Row\n\nAda Quill said the board has shamefully fired four chiefs who disagreed with Oren Daly.\n"
    assert _found(text, actors, labels) == []


def test_the_one_who_underwent_a_wrong_is_not_accused() -> None:
    """'Orland has experienced terrible attacks': the subject of a verb of undergoing is harmed, not the doer."""
    actors = {"Tom Reed": "person", "Orland": "country", "Pellia": "country"}
    label = {"s1": {"accused": ["Orland"], "category": "terrorism"}}
    for said in ("Orland has experienced terrible attacks for years", "Orland suffered brutal attacks last year",
                 "Orland came under attack again", "Orland once again experienced attacks upon its shores"):
        assert _found(f"Border Fears\n\nTom Reed said {said}.\n", actors, label) == []
    said = "Pellia shelled Orland for years and Orland has experienced terrible attacks"
    assert _found(f"Border Fears\n\nTom Reed said {said}.\n", actors) == [(["Tom Reed"], ["Pellia"])]
    said = "Pellia suffers from a terrible lack of honesty"  # a flaw of hers, not a wrong done to her
    assert _found(f"Border Fears\n\nTom Reed said {said}.\n", actors) == [(["Tom Reed"], ["Pellia"])]


def test_a_wrong_prevented_fought_or_still_to_come_is_nobodys_doing() -> None:
    """Praise that names an attack it ends is no accusation; 'failed to stop the attack' still blames."""
    actors = {"Tom Reed": "person", "Ada Quill": "person"}
    label = {"s1": {"accused": ["Ada Quill"], "category": "terrorism"}}
    praise = "Ada Quill has assembled a team ready to end the era of waiting for the next attack"
    assert _found(f"Safe Streets\n\nTom Reed said {praise}.\n", actors, label) == []
    assert _found(f"Safe Streets\n\nTom Reed said {praise}.\n", actors) == []
    blame = "Ada Quill failed to stop the attack and lied about it"
    assert _found(f"Safe Streets\n\nTom Reed said {blame}.\n", actors, label) == [(["Tom Reed"], ["Ada Quill"])]


def test_a_wrong_overcome_or_spoken_out_against_is_praise_not_a_charge() -> None:
    """Whom the words credit with overcoming discrimination or speaking out against racism is not accused."""
    actors = {"Tom Reed": "person", "Ada Quill": "person"}
    label = {"s1": {"accused": ["Ada Quill"], "category": "human_rights"}}
    for praise in ("Ada Quill's long campaign has helped tenants overcome discrimination at the harbour",
                   "Ada Quill spoke out against racism on the harbour board for years"):
        assert _found(f"Harbour Honours\n\nTom Reed said {praise}.\n", actors, label) == []
    blame = "Ada Quill spoke out against racism but discriminated against tenants herself"
    assert _found(f"Harbour Honours\n\nTom Reed said {blame}.\n", actors, label) == [(["Tom Reed"], ["Ada Quill"])]


def test_those_urged_told_or_asked_with_a_determiner_between_are_addressed_not_accused() -> None:
    """'urged fellow Republicans to …': whom a speaker urges is addressed; the one he tells of is not."""
    actors = {"Tom Reed": "person", "Republicans": "organization", "Ada Quill": "person"}
    text = "Party Split\n\nTom Reed urged fellow Republicans to reject the harbour deal, saying it was a disgrace.\n"
    assert _found(text, actors, {"s1": {"accused": ["Republicans"], "category": "other"}}) == []
    text = "Party Split\n\nTom Reed told reporters on Monday that Ada Quill had lied about the harbour deal.\n"
    assert _found(text, actors, {"s1": {"accused": ["Ada Quill"], "category": "disinformation"}}) == [
        (["Tom Reed"], ["Ada Quill"])]


def test_what_someone_has_got_to_do_is_advice_not_a_charge() -> None:
    """'has got to', "'s got to", 'gotta' ask someone to act as 'has to' does: the one advised is not accused."""
    actors = {"Ada Quill": "person", "Tom Reed": "person"}
    label = {"s1": {"accused": ["Ada Quill"], "category": "other"}}
    for said in ("What Ada Quill has got to do is get away from all of this nasty personality stuff",
                 "Ada Quill's got to stop this terrible, nasty fighting"):
        assert _found(f"Debate Advice\n\nTom Reed said {said}.\n", actors, label) == []
        assert _found(f"Debate Advice\n\nTom Reed said {said}.\n", actors) == []


def test_the_one_passed_over_is_not_accused_through_a_title() -> None:
    """'backs Reed over Democratic nominee Ada Quill': a preference names no wrong of the one passed over."""
    actors = {"Ada Quill": "person", "Tom Reed": "person", "Ola Dunn": "person"}
    text = "Vote\n\nOla Dunn explained why he backs Tom Reed over Democratic nominee Ada Quill.\n"
    assert _found(text, actors, {"s1": {"accused": ["Ada Quill"], "category": "other"}}) == []


def test_letting_others_believe_what_is_not_so_names_a_deceit() -> None:
    """'allowed her staff and the public to think that …' is a charge of deceit though no word says 'lie'."""
    actors = {"Ada Quill": "person", "Tom Reed": "person"}
    label = {"s1": {"accused": ["Ada Quill"], "category": "other"}}
    said = "Ada Quill allowed her staff and the general public to think that the leak was due to a faulty valve"
    found, allegations = _found_with(f"Harbour Leak\n\nTom Reed wrote that {said}.\n", actors, label)
    assert found == [(["Tom Reed"], ["Ada Quill"])] and allegations[0].category == "disinformation"
    assert not names_a_wrong("I let him think about it")


def test_the_one_a_named_wrong_is_of_did_it_not_a_subject_before_it() -> None:
    """'make Reed defend the corruptions of Ada Quill': Quill's wrongs, whoever the clause's subject is; in
    'the invasion of Pellia' Pellia is harmed ("of" after a wrong done to someone)."""
    actors = {"Ada Quill": "person", "Tom Reed": "person", "Ola Dunn": "person", "Ivo Brandt": "person"}
    said = ("If Ivo Brandt's goal was to make Tom Reed defend the corruptions of Ada Quill, he succeeded with "
            "flying colours")
    assert _found(f"Debate\n\nOla Dunn wrote that {said}.\n", actors) == [(["Ola Dunn"], ["Ada Quill"])]
    label = {"s1": {"accused": ["Ada Quill"], "category": "other"}}
    text = "Debate\n\nOla Dunn said voters are tired of the lies of Ada Quill.\n"
    assert _found(text, actors, label) == [(["Ola Dunn"], ["Ada Quill"])]
    countries = {"Orland": "country", "Pellia": "country", "Ola Dunn": "person"}
    text = "War\n\nOla Dunn said Orland planned the brutal invasion of Pellia.\n"
    assert _found(text, countries, {"s1": {"accused": ["Pellia"], "category": "armed_aggression"}}) == [
        (["Ola Dunn"], ["Orland"])]


def test_harm_suffered_illness_and_grief_speak_ill_of_nobody() -> None:
    """'she was in great pain after her injury': what befell someone, not a wrong anyone did; but harm done
    ('Daly hurt the voters') and a judgment ('sad!', 'a man who is lost') still speak ill."""
    actors = {"Ada Quill": "person", "Tom Reed": "person"}
    label = {"s1": {"accused": ["Ada Quill"], "category": "other"}}
    for said in ("Ada Quill was in great pain after her injury and her illness was tragic",
                 "Ada Quill's company was left holding $9 million in debt after the death of its founder"):
        assert _found(f"Health\n\nTom Reed said {said}.\n", actors) == []
        assert _found(f"Health\n\nTom Reed said {said}.\n", actors, label) == []
    assert speaks_ill("Ada Quill hurt the voters") and speaks_ill("Ada Quill is a man who is lost")
    assert speaks_ill("it is very sad that Ada Quill did not come")


def test_an_accusing_verb_in_the_speakers_description_makes_the_speaker_the_accuser() -> None:
    """'"…," Ada Quill, a lawyer whose client Verra sued the Harbour Board, said': the suit says whom the speaker
    is against; the one accusing in her words is she, not whoever stands before the verb."""
    actors = {"Ada Quill": "person", "Verra Holdings": "organization", "Harbour Board": "government"}
    text = ("Levy Row\n\n\"The levy is plain theft,\" Ada Quill, a lawyer whose client Verra Holdings sued the "
            "Harbour Board in May, said on Monday.\n")
    assert _found(text, actors) == [(["Ada Quill"], ["Harbour Board"])]


def test_the_same_label_quoted_twice_is_one_charge() -> None:
    """'called Quill a "disgrace"', paragraphs later 'Quill was "a disgrace" to the office': one allegation."""
    actors = {"Ada Quill": "person", "Tom Reed": "person", "Lena Osk": "person", "Ola Dunn": "person"}
    text = ("Harbour Row\n\nTom Reed called Ada Quill a “disgrace” on Monday at the harbour meeting. Lena Osk said "
            "the vote would come on Friday. Ola Dunn said the weather was fine for the regatta. In a radio interview "
            "later, Tom Reed said Ada Quill was “a disgrace” to the office she holds and ought to feel ashamed.\n")
    label = {"accused": ["Ada Quill"], "category": "other"}
    found, allegations = _found_with(text, actors, {"s1": label, "s4": label})
    assert found == [(["Tom Reed"], ["Ada Quill"])] and len(allegations[0].evidence) == 2


def test_a_name_that_only_qualifies_a_public_or_its_voters_is_not_accused() -> None:
    """'leave Orland taxpayers holding the bag', 'hid her deals from the Orland public': Orland's people are
    the ones wronged; but in 'her public statements' she is the one who spoke."""
    actors = {"Ada Quill": "person", "Tom Reed": "person", "Orland": "country"}
    text = "Harbour Deal\n\nTom Reed said the harbour deal will leave Orland taxpayers holding the bag.\n"
    assert _found(text, actors, {"s1": {"accused": ["Orland"], "category": "corruption"}}) == []
    text = "Harbour Deal\n\nTom Reed said Ada Quill hid her corrupt deals from the Orland public.\n"
    both = {"s1": {"accused": ["Orland", "Ada Quill"], "category": "corruption"}}
    assert _found(text, actors, both) == [(["Tom Reed"], ["Ada Quill"])]
    text = "Harbour Deal\n\nTom Reed said Ada Quill lied in her public statements about the corrupt deal.\n"
    assert _found(text, actors, {"s1": {"accused": ["Ada Quill"], "category": "corruption"}}) == [
        (["Tom Reed"], ["Ada Quill"])]


def _found_with(text: str, actors: dict[str, str], labels: dict[str, Any]) -> tuple[
        list[tuple[list[str], list[str]]], list[Any]]:
    named, _, allegations, _, _ = _run(text, actors, labels)
    return who_accuses_whom(named, allegations), allegations


def test_figures_that_fall_speak_ill_of_nobody() -> None:
    """'Verra will slash its prices and cut fees': how much, not a wrong; 'Daly lied about the cuts' still is."""
    assert not speaks_ill("Verra Holdings will slash its prices and cut fees for new customers")
    assert not speaks_ill("Oren Daly expects two candidates to drop out next week")
    assert not speaks_ill("Verra Holdings is lowering its fees and slashing prices for new customers")  # any form
    text = (
        "Budget Row\n\nAda Quill said Verra Holdings will slash its prices and cut fees for new customers. "
        "Tom Reed said Oren Daly lied about the cuts.\n"
    )
    actors = {"Ada Quill": "person", "Verra Holdings": "organization", "Tom Reed": "person", "Oren Daly": "person"}
    assert _found(text, actors) == [(["Tom Reed"], ["Oren Daly"])]




def test_whom_the_speaker_works_for_is_their_own_side_wherever_the_text_says_so() -> None:
    """'An attorney for Reed, Mark Dunn, …' then "'Tom already answered …,' Dunn said": Dunn defends Reed."""
    text = (
        "Harbour Row\n\nThe Harbour Board voted on Thursday to hold Tom Reed in contempt. An attorney for Reed, "
        "Mark Dunn, stressed that his client was ready to appear in private. \"Tom already answered every question "
        "before this board. But the Harbour Board voted for contempt because he would not play the role they had "
        "scripted,\" Dunn said in a statement.\n"
    )
    actors = {"Tom Reed": "person", "Mark Dunn": "person", "Harbour Board": "organization"}
    # the model calls the defence a denial of nothing; the second look is asked about whom it names and says yes
    named, _, allegations, _, _ = _run(text, actors, {"s2": {"accused": [], "category": "denial"}},
                                       verdicts={f"q{n}": "yes" for n in range(1, 9)}, second_look=True)
    assert who_accuses_whom(named, allegations) == [(["Mark Dunn"], ["Harbour Board"])]


def test_a_denial_cued_after_an_auxiliary_or_adverb_is_a_denial_not_a_charge() -> None:
    """'Reed has vehemently rejected Daly's corrupt accusations' answers Daly; it charges nobody (not Daly)."""
    from extract.language.nobody_accused import cue_verb

    assert [cue_verb(c) for c in ("has vehemently denied", "have both urged", "pointedly rejected")] == [
        "denied", "urged", "rejected"]
    assert [cue_verb(c) for c in ("did not deny", "was asked", "is dismissed")] == ["did", "was", "is"]
    # the speech finder's adverbs between a speaker and the cue are the same words here
    assert [cue_verb(c) for c in ("has often denied", "earlier rejected")] == [
        "denied", "rejected"]
    text = (
        "Harbour Row\n\nOren Daly said Tom Reed took bribes from the port owners. Tom Reed has vehemently "
        "rejected Oren Daly's corrupt accusations.\n"
    )
    named, _, allegations, _, _ = _run(text, {"Oren Daly": "person", "Tom Reed": "person"})
    assert who_accuses_whom(named, allegations) == [(["Oren Daly"], ["Tom Reed"])]
    assert [a.responses for a in allegations] == [["S2"]]


def test_whom_the_speaker_joins_to_themself_by_and_is_their_partner_not_accused() -> None:
    """'Quill said he and Reed …' (reported) and '"Reed and I …"' (quoted): Reed acts with the speaker."""
    reported = (
        "Harbour Row\n\nAda Quill said he and the board's chairman Tom Reed had asked the police to look into "
        "whether Oren Daly lied to the inspectors and took bribes.\n"
    )
    quoted = ("Harbour Row\n\n\"Tom Reed and I warned them that Oren Daly lied and stole from the fund,\" "
              "Ada Quill said.\n")
    third = ("Harbour Row\n\n\"He and Tom Reed lied to the voters and stole from the fund,\" Ada Quill said of "
             "Oren Daly.\n")
    actors = {"Ada Quill": "person", "Tom Reed": "person", "Oren Daly": "person"}
    assert _found(reported, actors) == []
    assert _found(quoted, actors) == [(["Ada Quill"], ["Oren Daly"])]
    assert _found(third, actors) == [(["Ada Quill"], ["Tom Reed"])]  # a quotation's "he" is not the speaker
