"""A long page of one paragraph: every statement still reads its own sentence, and the cost stays near linear.

Invented names and sentences. The cost tests count the work a lookup does (whole-word searches, mentions
read) rather than time it: a shared machine makes timings flaky, the counts are exact.
"""

from __future__ import annotations

from typing import Any

import pytest

from extract.language import descriptions, resolving
from extract.language.merging import ActorDraft
from extract.language.speech import find_learned
from extract.language.speech.learned import available

FIRST = ["Ada", "Bram", "Cleo", "Dov", "Enno", "Fay", "Gus", "Hild", "Ivo", "Jana", "Kai", "Lior"]
LAST = ["Quill", "Rusk", "Sorrel", "Tarn", "Umber", "Vane", "Wick", "Yarrow"]


def people(n: int) -> list[str]:
    return [f"{FIRST[i % len(FIRST)]} {LAST[i // len(FIRST) % len(LAST)]}" for i in range(n)]


@pytest.mark.skipif(not available(), reason="python-crfsuite or the model file is missing")
def test_each_statement_of_a_one_paragraph_page_keeps_the_speaker_of_its_own_sentence() -> None:
    names = people(40)
    sentence = "{} said on Monday that the toll for pier {} was too high. Pilots took the ferry across the bay."
    text = " ".join(sentence.format(name, i) for i, name in enumerate(names))
    found = find_learned(text)
    assert len(found) == len(names)
    for c in found:
        pier = text[c.span[0] : c.span[1]].split("pier ")[1].split()[0]
        assert (c.speaker, c.cue) == (names[int(pier)], "said")


def test_a_phrase_is_searched_word_by_word_only_for_the_actors_written_in_it(monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = [ActorDraft(name, "person") for name in people(90)]
    drafts.append(ActorDraft("Harbour Board of Velm", "organization", aliases=["Velm Board"]))
    searched: list[str] = []

    def find_all(text: str, needle: str, **kwargs: Any) -> list[tuple[int, int]]:
        searched.append(needle)
        return original(text, needle, **kwargs)

    original = resolving.find_all
    monkeypatch.setattr(resolving, "find_all", find_all)
    assert resolving.resolve_name("the Velm Board chairwoman", drafts) is drafts[-1]
    assert searched == ["Harbour Board of Velm", "Velm Board"]  # not one search per name of the 90 people
    searched.clear()
    assert resolving.resolve_name("Cleo Quill, a harbour pilot,", drafts) is drafts[2]
    assert searched == ["Cleo Quill"]


class CountedMentions(list[tuple[int, int]]):
    """A draft's mentions that count how often they are read through."""

    reads = 0

    def __iter__(self) -> Any:
        CountedMentions.reads += 1
        return super().__iter__()


def test_a_description_counts_the_mentions_only_of_the_actors_it_fits() -> None:
    text = "The Velm Harbour Trust met. " + " ".join(f"{name} spoke." for name in people(60)) + " The trust agreed."
    drafts = []
    for name in ["Velm Harbour Trust", *people(60)]:
        at = text.index(name)
        draft = ActorDraft(name, "organization" if name.endswith("Trust") else "person", role="pilot")
        draft.mentions = CountedMentions([(at, at + len(name))])
        drafts.append(draft)
    CountedMentions.reads = 0
    assert descriptions.find_references(text, drafts) == {id(drafts[0]): [(text.rindex("The trust"), len(text) - 8)]}
    assert CountedMentions.reads == 1  # the trust's: the sixty pilots are no trust, their mentions are not read
