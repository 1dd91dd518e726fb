"""Whom a statement names, as offered to the model: members of a body, and the one a quotation says "you" to.

Invented sentences; the model's labels are given, so what is tested is the list of names the model may choose
from (the prompt's `(names: …)`) and what the judge makes of the label.
"""

from __future__ import annotations

from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run


def test_members_of_a_body_name_the_body() -> None:
    """'police officers beat …': the Harbour police are blamed, though only their members are named."""
    text = (
        "Harbour Shooting\n\nMayor Ada Quill met the Harbour police on Monday. Quill said police officers had "
        "beaten an unarmed man and lied about it.\n"
    )
    actors = {"Ada Quill": "person", "Harbour police": "government"}
    labels = {"s1": {"accused": ["Harbour police"], "category": "crime"}}
    named, _, allegations, prompt, _ = _run(text, actors, labels)
    assert "(names: Harbour police) police officers had beaten" in prompt
    assert who_accuses_whom(named, allegations) == [(["Ada Quill"], ["Harbour police"])]


def test_members_after_another_place_name_are_not_the_body() -> None:
    """'Orland police officers' are not the Harbour police: a capitalised word of another name stands before."""
    text = (
        "Harbour Shooting\n\nMayor Ada Quill met the Harbour police on Monday. Quill said Orland police officers "
        "had beaten an unarmed man.\n"
    )
    _, _, _, prompt, _ = _run(text, {"Ada Quill": "person", "Harbour police": "government"})
    assert "(names: nobody) Orland police officers had beaten" in prompt


def test_you_in_a_quotation_names_the_one_told_or_questioned() -> None:
    """'"You lied to this committee," Quill told Daly': Daly, whom she told, is whom she accuses."""
    actors = {"Ada Quill": "person", "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "disinformation"}}
    for text in (
        'Hearing Row\n\n"You lied to this committee and you hid the losses," Senator Ada Quill told Oren Daly.\n',
        "Hearing Row\n\nSenator Ada Quill questioned Oren Daly on Tuesday. \"You lied to this committee and you "
        'hid the losses," Quill said.\n',
    ):
        named, _, allegations, prompt, _ = _run(text, actors, labels)
        assert "(names: Oren Daly) You lied" in prompt
        assert who_accuses_whom(named, allegations) == [(["Ada Quill"], ["Oren Daly"])]


def test_you_that_addresses_nobody_named_offers_nobody() -> None:
    """'Thank you', 'you know', a 'you' with nobody told: whom she told is still not whom she accuses."""
    actors = {"Ada Quill": "person", "Oren Daly": "person"}
    text = 'Hearing Row\n\n"Thank you for the terrible mess, you know," Senator Ada Quill told Oren Daly.\n'
    _, _, _, prompt, _ = _run(text, actors)
    assert "(names: nobody) Thank you" in prompt
    text = 'Hearing Row\n\nOren Daly left early. "You cannot walk down the street," Senator Ada Quill said.\n'
    _, _, _, prompt, _ = _run(text, actors)
    assert "(names: nobody) You cannot walk" in prompt


def test_you_that_tells_of_a_deed_names_the_person_named_just_before() -> None:
    """'Daly kept his bonus. "You cheated the workers," Quill said': no cue says to whom; the deed is Daly's."""
    actors = {"Ada Quill": "person", "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Oren Daly"], "category": "misconduct"}}
    for text, said in (
        ('Hearing Row\n\nOren Daly kept his bonus. "You cheated the workers," Senator Ada Quill said.\n',
         "You cheated"),
        ('Hearing Row\n\nOren Daly kept his bonus. Quill was angry. "You have hidden the losses for years," '
         'Senator Ada Quill said.\n', "You have hidden"),
        ('Hearing Row\n\nOren Daly kept his bonus. "You are blaming the tellers" to save your job, Senator Ada '
         "Quill said.\n", "You are blaming"),  # reported speech quoting her words
    ):
        named, _, allegations, prompt, _ = _run(text, actors, labels)
        assert f"(names: Oren Daly) {said}" in prompt
        assert who_accuses_whom(named, allegations) == [(["Ada Quill"], ["Oren Daly"])]


def test_you_of_no_deed_or_asked_names_nobody_and_the_speaker_s_side_is_not_addressed() -> None:
    """'You should …', 'have you noticed …' are anyone's; 'Quill spokesman Ed Lund' does not say "you" to Quill."""
    actors = {"Ada Quill": "person", "Oren Daly": "person", "Ed Lund": "person"}
    for text, said in (
        ('Hearing Row\n\nOren Daly kept his bonus. "You should ask the workers," Senator Ada Quill said.\n',
         "You should ask"),
        ('Hearing Row\n\nOren Daly kept his bonus. "Some people get greedy, have you noticed that?" Senator Ada '
         "Quill said.\n", "Some people"),
    ):
        _, _, _, prompt, _ = _run(text, actors)
        assert f"(names: nobody) {said}" in prompt
    text = (
        "Hearing Row\n\nOren Daly mocked Ada Quill on Monday, and Quill spokesman Ed Lund answered. \"You lied "
        'about the budget," Lund said.\n'
    )
    _, _, _, prompt, _ = _run(text, actors)
    assert "(names: Oren Daly) You lied" in prompt  # not Ada Quill, for whom Lund speaks


def test_you_after_a_question_about_someone_or_to_an_interviewer_names_nobody() -> None:
    """'Asked about Daly's plan, Quill said "You should …"'; "Quill told host Lena Osk …" the sentence before."""
    actors = {"Ada Quill": "person", "Oren Daly": "person", "Lena Osk": "person"}
    text = (
        "Plan Row\n\nAsked about Oren Daly's terrible plan, Senator Ada Quill said, \"You should read the facts "
        'first.\"\n'
    )
    _, _, _, prompt, _ = _run(text, actors)
    assert "(names: nobody) You should read" in prompt
    text = (
        "Plan Row\n\nSenator Ada Quill told host Lena Osk that she was tired. \"You lied about the budget,\" Quill "
        "said of the mayor's office.\n"
    )
    _, _, _, prompt, _ = _run(text, actors)
    assert "(names: nobody) You lied" in prompt


def test_a_thing_with_one_owner_names_its_owner() -> None:
    """'The plan is unfair to fathers': every plan the article names is Quill's, so the plan's fault is hers."""
    text = (
        "Quill Leave Plan Draws Fire\n\nMayor Ada Quill's leave plan would pay mothers for six weeks. "
        '"The plan is discriminating against fathers," said Oren Daly, a union leader.\n'
    )
    actors = {"Ada Quill": "person", "Oren Daly": "person"}
    labels = {"s1": {"accused": ["Ada Quill"], "category": "misconduct"}}
    named, _, allegations, prompt, _ = _run(text, actors, labels)
    assert "(names: Ada Quill) The plan is discriminating" in prompt
    assert who_accuses_whom(named, allegations) == [(["Oren Daly"], ["Ada Quill"])]


def test_a_thing_with_two_owners_names_neither() -> None:
    """Two mayors' plans: 'the plan' could be either's, so it names nobody."""
    text = (
        "Leave Plans\n\nMayor Ada Quill's plan pays mothers; Mayor Vera Lund's plan pays nobody. "
        '"The plan is discriminating against fathers," said Oren Daly, a union leader.\n'
    )
    actors = {"Ada Quill": "person", "Vera Lund": "person", "Oren Daly": "person"}
    _, _, _, prompt, _ = _run(text, actors)
    assert "(names: nobody) The plan is discriminating" in prompt


def test_a_country_s_adjective_before_who_acts_for_it_names_the_country() -> None:
    """'Kestrian hackers broke in' blames Kestria; 'Kestrian voters' are not the state."""
    text = (
        "Port Breach\n\nKestria denied any part in the breach. Senator Ada Quill said Kestrian hackers broke into "
        "the port's servers. Quill said Kestrian voters were angry about the port.\n"
    )
    actors = {"Ada Quill": "person", "Kestria": "country"}
    labels = {"s2": {"accused": ["Kestria"], "category": "cyberattack"}}
    named, _, allegations, prompt, _ = _run(text, actors, labels)
    assert "(names: Kestria) Kestrian hackers broke" in prompt
    assert "(names: nobody) Kestrian voters" in prompt
    assert who_accuses_whom(named, allegations) == [(["Ada Quill"], ["Kestria"])]


def test_another_word_before_the_thing_makes_it_another_thing() -> None:
    """'the harbor plan' is not Quill's leave plan; 'the new plan' still is."""
    text = (
        "Leave Plan\n\nMayor Ada Quill's leave plan pays mothers. \"The harbor plan is a fraud,\" said Oren Daly. "
        '"The new plan is a fraud too," Daly said.\n'
    )
    _, _, _, prompt, _ = _run(text, {"Ada Quill": "person", "Oren Daly": "person"})
    assert "(names: nobody) The harbor plan is a fraud" in prompt
    assert "(names: Ada Quill) The new plan is a fraud too" in prompt
