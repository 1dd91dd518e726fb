"""Quotations a reader attributes from the layout, invented text: paragraph runs, colon lines, a question set apart.

A closed quotation paragraph after the last paragraph of a quotation run goes on in the run's voice; a colon after
a subject set off by an appositive introduces that subject's words in the next paragraph; `"Q?" X said near …`
takes the question before it, not the phrase after the verb.
"""

from __future__ import annotations

import pytest

from extract.language.speech import SpeechCandidate, find_rules


def said(text: str, c: SpeechCandidate) -> str:
    return text[c.span[0] : c.span[1]]


def root_speaker(cands: list[SpeechCandidate], c: SpeechCandidate) -> str | None:
    by_id = {x.id: x for x in cands}
    while c.continues is not None:
        c = by_id[c.continues]
    return c.speaker


RUN = (
    "The mayor opened the new bridge on Monday.\n\n"
    '"We waited a long time for this," Ann Roe said. "The old one was falling apart.\n\n'
    '"The river rose every spring and the road closed."\n\n'
    '"Now the children can walk to school."\n\n'
    "Traffic was light in the afternoon."
)


def test_a_closed_paragraph_after_a_quotation_run_goes_on_in_its_voice() -> None:
    cands = find_rules(RUN)
    last = next(c for c in cands if said(RUN, c) == "Now the children can walk to school.")
    assert root_speaker(cands, last) == "Ann Roe"


def test_a_paragraph_after_a_run_that_names_its_own_speaker_is_theirs() -> None:
    text = RUN.replace('school."\n\n', 'school," said Bill Stone.\n\n')
    cands = find_rules(text)
    last = next(c for c in cands if said(text, c) == "Now the children can walk to school")
    assert root_speaker(cands, last) == "Bill Stone"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # a colon after a subject and its appositive introduces the next paragraph
            "Bill Stone, a teacher himself, e-mailed this last night:\n\n"
            '"The school will reopen in March and the pupils will be back."\n\nThe council met on Tuesday.',
            "The school will reopen in March and the pupils will be back.",
            "Bill Stone",
        ),
        (  # a question set apart before `X said near …` is the quotation, not the phrase after the verb
            "The judge did not sound convinced.\n\n"
            '"You want us to strike down the whole law for one small case?" Ann Roe said near the end of the hearing.',
            "You want us to strike down the whole law for one small case?",
            "Ann Roe",
        ),
    ],
)
def test_one_quotation_and_its_speaker_from_the_layout(text: str, words: str, speaker: str) -> None:
    (c,) = find_rules(text)
    assert said(text, c) == words
    assert c.speaker == speaker


def test_a_colon_after_an_opening_word_and_a_clause_without_a_subject_attributes_nothing() -> None:
    text = 'Wait, it gets better, much better:\n\n"The bridge will close again in May for repairs."'
    assert find_rules(text) == []


def test_a_colon_after_a_long_clause_and_a_quoted_phrase_gives_the_opening_word_nothing() -> None:
    text = 'Third, the tone of the new poster feeds a theme the party keeps pushing, like it or not: "the press loves us."'  # noqa: E501
    assert not any(c.speaker == "Third" for c in find_rules(text))


def test_a_colon_after_an_appositive_introduces_a_quotation_run_over_paragraphs() -> None:
    text = (
        "Ann Roe, a nurse herself, wrote this last night:\n\n"
        '"The ward was full every night of the winter.\n\n'
        '"We never closed a single bed."'
    )
    cands = find_rules(text)
    last = next(c for c in cands if said(text, c) == "We never closed a single bed.")
    assert root_speaker(cands, last) == "Ann Roe"
