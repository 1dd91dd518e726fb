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


def test_a_second_attribution_after_a_comma_inside_the_closing_quote_is_a_second_statement() -> None:
    text = 'Petra Quell said the vote was "a farce," adding, "Nobody counted the ballots."'
    assert said(text) == ['the vote was "a farce,"', "Nobody counted the ballots."]


def test_a_sentence_interrupted_by_its_attribution_is_one_statement_in_pieces() -> None:
    text = 'The new toll means "drivers will pay twice," Ona Virt says, "but nobody will admit it."'
    statements = merge_same_sentence(text, find_rules(text))
    assert len(statements) == 1
    pieces = [text[a:b] for a, b in statements[0].pieces]
    assert pieces == ['The new toll means "drivers will pay twice,"', "but nobody will admit it."]


def test_an_introduction_before_the_attribution_stays_apart_from_the_quotation() -> None:
    text = 'Asked whether the toll would rise again next spring, Ona Virt said, "Probably."'
    assert len(said(text)) == 2


def test_a_predicate_joined_by_and_stays_one_statement() -> None:
    text = 'The ministry described the report as "baseless" and claimed it had never sent troops.'
    assert len(said(text)) == 1


def test_a_quotation_around_an_attribution_with_a_date_is_one_statement() -> None:
    text = '"The tolls are too high," Mara Lind wrote last January, "and the ferry is late every day."'
    statements = merge_same_sentence(text, find_speech(text))
    assert [text[c.span[0] : c.span[1]] for c in statements] == [
        'The tolls are too high," Mara Lind wrote last January, "and the ferry is late every day.'
    ]
    pieces = [text[a:b] for a, b in statements[0].pieces]
    assert pieces == ["The tolls are too high", "and the ferry is late every day."]


def test_a_quotation_continuing_a_joined_statement_keeps_its_speaker() -> None:
    text = 'Mara Lind described the ferry as "late" and claimed it was unsafe. "Nobody checks the tickets."'
    statements = merge_same_sentence(text, find_speech(text))
    assert len(statements) == 2
    assert statements[1].continues == statements[0].id
