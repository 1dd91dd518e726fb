"""One speaker's statements of one sentence: merged when joined by "and", kept apart when a comma or "but" sets
the second attribution off (invented sentences)."""

from __future__ import annotations

from extract.language.segments import merge_same_sentence
from extract.language.speech import find_rules, find_speech


def said(text: str) -> list[str]:
    return [text[c.span[0] : c.span[1]] for c in merge_same_sentence(text, find_rules(text))]


def test_a_second_attribution_after_a_comma_is_a_second_statement() -> None:
    text = 'The harbour master accused the union of delaying ships, calling the strike "a disgrace."'
    assert said(text) == ["the union of delaying ships", 'the strike "a disgrace."']


def test_a_second_attribution_after_but_is_a_second_statement() -> None:
    text = 'Ilse Brandt said the talks had stalled but called the offer "a start."'
    assert said(text) == ["the talks had stalled", 'the offer "a start."']


def test_a_predicate_joined_by_and_stays_one_statement() -> None:
    text = 'The ministry described the report as "baseless" and claimed it had never sent troops.'
    assert len(said(text)) == 1


def test_a_quotation_around_an_attribution_with_a_date_is_one_statement() -> None:
    text = '"The tolls are too high," Mara Lind wrote last January, "and the ferry is late every day."'
    statements = merge_same_sentence(text, find_speech(text))
    assert [text[c.span[0] : c.span[1]] for c in statements] == [
        'The tolls are too high," Mara Lind wrote last January, "and the ferry is late every day.'
    ]
    assert [text[a:b] for a, b in statements[0].pieces] == ["The tolls are too high", "and the ferry is late every day."]


def test_the_occasion_after_reported_words_is_no_part_of_them() -> None:
    assert said("Mara Lind defended the closure in a recent interview with The Courier.") == ["the closure"]
    assert said("The port director defended the closure on Sunday at a news conference in Kelso.") == ["the closure"]
    assert said('Mara Lind called the strike "a disgrace" in a tweet on Sunday.') == ['the strike "a disgrace"']


def test_a_time_or_place_inside_what_was_said_stays() -> None:
    assert said("Mara Lind said the vote would be held on Sunday.") == ["the vote would be held on Sunday"]
    assert said("Mara Lind said the ships would dock at the pier in a week.") == [
        "the ships would dock at the pier in a week"
    ]


def test_a_quotation_that_runs_on_after_its_attribution_is_one_statement() -> None:
    text = 'Yet the ferry is "a scandal," Mara Lind said. "Nobody checks the tickets." She added that it was late.'
    statements = merge_same_sentence(text, find_speech(text))
    assert [c.kind for c in statements] == ["indirect", "indirect"]
    assert [text[a:b] for a, b in statements[0].pieces] == ['Yet the ferry is "a scandal,"', "Nobody checks the tickets."]


def test_a_quotation_in_the_next_paragraph_stays_apart() -> None:
    text = 'Yet the ferry is "a scandal," Mara Lind said.\n\n"Nobody checks the tickets."'
    assert len(merge_same_sentence(text, find_speech(text))) == 2
