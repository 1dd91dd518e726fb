"""A question-and-answer interview: the answers are the interviewee's, though no cue stands beside them."""

from __future__ import annotations

from extract.language.speech import find_speech
from extract.language.speech.interviews import find_answers

QUOTED = (
    "Seven questions for a chef\n\n"
    "Few cooks are as loud as Marta Quell, the owner of a bistro in Tolu. We rang her to ask about the year.\n\n"
    "What are you cooking this winter?\n\n"
    '"Soup, mostly. Nobody wants a salad in January, and my suppliers know it."\n\n'
    "Is the restaurant trade in trouble?\n\n"
    '"Yes. Rents doubled, and Peter Vant at the council has done nothing about it."\n\n'
    "Who taught you?\n\n"
    '"My grandmother. She never wrote a recipe down."\n'
)
MARKED = (
    "Q&A with Governor Ana Brill\n\n"
    "Governor Ana Brill spoke to reporters on her plane.\n\n"
    "Q: Will you sign the budget?\n\n"
    "A: I will, once the schools get their share.\n\n"
    "It has taken too long. Everyone knows that.\n\n"
    "Q: What about the roads?\n\n"
    "A: The roads come next.\n\n"
    "Q: And the pensions?\n\n"
    "A: Ask me in May.\n"
)


def _said(text: str) -> list[tuple[str | None, str]]:
    return [(c.speaker, text[c.span[0] : c.span[1]]) for c in find_answers(text)]


def test_quoted_answers_under_questions_are_the_interviewees_who_no_answer_names() -> None:
    said = _said(QUOTED)
    assert [words for _, words in said] == [
        "Soup, mostly. Nobody wants a salad in January, and my suppliers know it.",
        "Yes. Rents doubled, and Peter Vant at the council has done nothing about it.",
        "My grandmother. She never wrote a recipe down.",
    ]
    assert said[0][0] == "Marta Quell"


def test_marked_answers_run_over_paragraphs_until_the_next_question_and_the_headline_names_who_answers() -> None:
    said = _said(MARKED)
    assert said[0] == ("Ana Brill", "I will, once the schools get their share.")
    assert [words for _, words in said[1:]] == [
        "It has taken too long. Everyone knows that.", "The roads come next.", "Ask me in May."
    ]


def test_the_pipeline_finder_gives_every_answer_to_the_interviewee() -> None:
    cands = find_speech(QUOTED)
    answers = [c for c in cands if QUOTED[c.span[0] : c.span[1]].startswith(("Soup", "Yes. Rents", "My grand"))]
    assert len(answers) == 3
    head = answers[0]
    assert head.speaker == "Marta Quell"
    assert all(c.continues == head.id for c in answers[1:])


def test_two_questions_before_quotes_make_no_interview() -> None:
    text = QUOTED.rsplit("Who taught you?", 1)[0]
    assert find_answers(text) == []


def test_an_interview_whose_answerer_cannot_be_told_adds_nothing() -> None:
    text = QUOTED.replace("Few cooks are as loud as Marta Quell, the owner", "Marta Quell and Dan Orr, the owners")
    assert find_answers(text) == []
