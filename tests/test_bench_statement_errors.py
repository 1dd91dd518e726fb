"""bench/statement_errors.py --false-positives puts each statement that matches no gold content in its class."""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from extract.language.actors import build_actors
from extract.language.attribution import StatementDraft, attribute
from extract.language.grounding import trim_span
from extract.language.segments import merge_same_sentence
from extract.language.speech import find_speech
from tests.conftest import ROOT

TEXT = (
    'Mayor Ann Roe said the harbour deal was dead and the council would vote again in May.\n\n'
    '"Who will pay for the bridge?" Tom Brill asked.\n\n'
    'Roe told reporters that Brill "wrote the plan" himself.\n\n'
    "Officials said Brill told the council that the bridge would close.\n"
)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w']+", text.lower()) if w not in {"the", "a", "of", "that", "and"}]


def _dice(a: str, b: str) -> float:
    wa, pool = _words(a), _words(b)
    common = 0
    for w in wa:
        if w in pool:
            pool.remove(w)
            common += 1
    return 2 * common / (len(wa) + len(_words(b))) if wa and _words(b) else 0.0


#: The scorer's word matching (score.py's `words` and `dice`), enough of it for invented gold.
SCORE = SimpleNamespace(words=_words, dice=_dice)


@pytest.fixture(scope="module")
def errors() -> Iterator[ModuleType]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        yield importlib.import_module("statement_errors")
    finally:
        sys.path.remove(str(ROOT / "bench"))


def _statements() -> tuple[list[Any], list[StatementDraft]]:
    raw = find_speech(TEXT)
    candidates = merge_same_sentence(TEXT, raw)
    spans = [trim_span(TEXT, c.span) for c in candidates]
    return raw, attribute(TEXT, candidates, spans, build_actors(TEXT, [], []), [])


def _class(errors: ModuleType, starts: str, gold: list[str]) -> str:
    raw, stmts = _statements()
    st = next(s for s in stmts if TEXT[s.span[0] : s.span[1]].startswith(starts))
    kind: str = errors.why_false(SCORE, TEXT, st, raw, [{"content": g} for g in gold])
    return kind


def test_a_statement_is_classed_by_how_it_meets_the_gold(errors: ModuleType) -> None:
    clause = "the harbour deal was dead and the council would vote again in May"
    assert _class(errors, "Who will pay", []) == "question"
    # Gold that holds more (a longer content) or less (only the first clause) than the statement says.
    assert _class(errors, "the harbour deal", [clause + " and the bridge would wait a year"]) == (
        "piece of a gold content"
    )
    assert _class(errors, "the harbour deal", ["the harbour deal was dead"]) == "holds a gold content"
    assert _class(errors, "the harbour deal", ["the council would meet in June to vote on the deal"]) == (
        "overlaps a gold content"
    )
    assert _class(errors, "the harbour deal", ["Brill rode a bicycle to the market"]) == "no gold content near"
    # The officials' statement holds Brill's cue: gold that pairs it otherwise meets nested speech.
    assert _class(errors, "Brill told the council", ["the bridge would close"]) == "nested speech"
