"""Answers of a question-and-answer interview: the interviewee's words, with no cue beside them.

News prints an interview as questions, each followed by its answer: a paragraph that is one quotation under a
question paragraph ('Who's your favourite?' / '"I like ..."'), or "Q:" and "A:" paragraphs. No answer names
who gives it, so the cue-driven rules find nothing there (a Q&A page gave 0 of its 10 answers). Three such
pairs make a page an interview; fewer are a reporter's rhetorical question before a quote.

Who answers is the one person the headline (the first line) names ("Q&A with Vice President Joe Biden"); with
none or several there, the one person the introduction names and no answer names: people do not name themselves
when they answer, while those they talk about are named in the answers. Else no one answers, nothing is added.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.language.grounding import Span, find_all
from extract.language.merging import surname
from extract.language.people import find_people
from extract.language.speech.candidates import SpeechCandidate, dropping, renumbered

#: So many question-and-answer pairs make a page an interview.
LEAST_PAIRS = 3
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
#: "Q:" or "Q." before a question; "QThere's no shortage ..." where a bold Q lost its space.
_Q_MARK = re.compile(r"Q(?:\s*[:.]\s*|(?=[A-Z][a-z]))")
_A_MARK = re.compile(r"A\s*[:.]\s+")
_QUOTE_MARKS = "\"“”"
#: A question printed alone is short; a longer paragraph ending in "?" is narration.
_LONGEST_QUESTION = 400


def find_answers(text: str) -> list[SpeechCandidate]:
    """The answers of a question-and-answer interview, all given to its interviewee; [] for any other page.

    The first answer names the interviewee (`speaker_span` at their first mention); every later one `continues`
    it. Answers have no cue.
    """
    answers, first_question = _answers(text)
    if len(answers) < LEAST_PAIRS:
        return []
    named = _interviewee(text, first_question, answers)
    if named is None:
        return []
    at = find_all(text, named)[0]
    cands = []
    for n, (start, end) in enumerate(answers, 1):
        cands.append(
            SpeechCandidate(
                id=n,
                sentence=0,
                span=(start, end),
                kind="direct",
                cue=None,
                cue_span=None,
                speaker=named if n == 1 else None,
                speaker_span=at if n == 1 else None,
                continues=None if n == 1 else 1,
                pieces=((start, end),),
            )
        )
    return cands


def with_answers(text: str, found: list[SpeechCandidate]) -> list[SpeechCandidate]:
    """`found` with an interview's answers added; a candidate inside an answer that no one else says is dropped.

    What the interviewee reports others saying inside an answer ("Lucie Cave predicted that ...") is kept; the
    first-person or unattributed pieces the rules took from it are the answer itself.
    """
    answers = find_answers(text)
    if not answers:
        return found
    spans = [a.span for a in answers]

    def taken(c: SpeechCandidate) -> bool:  # the answer itself, or a piece of one that no one else says
        inside = any(a <= c.span[0] and c.span[1] <= b for a, b in spans)
        return c.span in spans or (inside and (c.speaker is None or c.speaker.lower() in _FIRST_PERSON))

    merged = renumbered(dropping(found, taken), answers)
    head = next(c.id for c in merged if c.span == spans[0])
    return [replace(c, continues=head) if c.span in spans[1:] else c for c in merged]


_FIRST_PERSON = frozenset({"i", "we"})


def _answers(text: str) -> tuple[list[Span], int]:
    """The answers' spans (the quoted words, or the words after "A:") and where the first question starts."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    paragraphs = [(s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip())) for s, e in paragraphs]
    answers: list[Span] = []
    first_question = len(text)
    in_answer = False  # inside a "Q:"/"A:" answer that runs over paragraphs
    previous_question = False
    for start, end in paragraphs:
        words = text[start:end]
        question = _question(words)
        if question:
            first_question = min(first_question, start)
            previous_question, in_answer = True, False
            continue
        marked = _A_MARK.match(words)
        if previous_question and marked:
            answers.append((start + marked.end(), end))
            in_answer = True
        elif previous_question and _one_quotation(words):
            answers.append((start + 1, end - 1))
        elif in_answer and not words.startswith(("A:", "A.")):
            answers.append((start, end))  # an "A:" answer's next paragraph
        previous_question = False
    return answers, first_question


def _question(words: str) -> bool:
    """A question paragraph: "Q:" before it, or a short paragraph ending in "?" that quotes no one."""
    if _Q_MARK.match(words):
        return True
    return words.endswith("?") and len(words) <= _LONGEST_QUESTION and not any(m in words for m in _QUOTE_MARKS)


def _one_quotation(words: str) -> bool:
    """A paragraph that is one quotation: opened at its start, closed at its end, no double quote between."""
    return (
        len(words) > 2
        and words[0] in "\"“"
        and words[-1] in "\"”"
        and not any(m in words[1:-1] for m in _QUOTE_MARKS)
    )


def _interviewee(text: str, first_question: int, answers: list[Span]) -> str | None:
    """The one person the headline names; else the one named before the first question and in no answer."""
    people = [p for p in find_people(text) if " " in p]
    headline = text.split("\n", 1)[0]
    titled = [p for p in people if find_all(headline, p)]
    if len(titled) == 1:
        return titled[0]
    said = " ".join(text[a:b] for a, b in answers)
    intro = text[:first_question]
    unnamed = [p for p in people if find_all(intro, p) and not find_all(said, surname(p))]
    return unnamed[0] if len(unnamed) == 1 else None

