"""The words beside a quotation read as a second statement of its cue (`speech.beside`): how, when or where it was
said is narration. Every sentence is invented."""

from __future__ import annotations

from extract.language.speech.beside import drop_beside
from extract.language.speech.candidates import Kind, SpeechCandidate

TEXT = '"We did all we could," coach Ann Roe said wryly after the loss. Tom Hale said the club would appeal.'


def _cand(id_: int, words: str, kind: Kind, cue_at: str) -> SpeechCandidate:
    """A candidate saying the first `words` of TEXT, its cue the "said" that opens the first `cue_at`."""
    start, cue = TEXT.index(words), TEXT.index(cue_at)
    return SpeechCandidate(id=id_, sentence=0, span=(start, start + len(words)), kind=kind, cue="said",
                           cue_span=(cue, cue + 4), speaker=None, speaker_span=None, continues=None)


def _said(cands: list[SpeechCandidate]) -> list[str]:
    return [TEXT[c.span[0] : c.span[1]] for c in cands]


def test_the_manner_and_time_after_a_quotations_cue_are_not_a_second_statement() -> None:
    quote = _cand(1, "We did all we could", "direct", "said wryly")
    beside = _cand(2, "wryly after the loss", "indirect", "said wryly")
    later = _cand(3, "the club would appeal", "indirect", "said the club")
    kept = drop_beside(TEXT, [quote, beside, later])
    assert _said(kept) == ["We did all we could", "the club would appeal"]
    assert [c.id for c in kept] == [1, 2]


def test_words_beside_a_cue_without_a_quotation_stay() -> None:
    beside = _cand(1, "wryly after the loss", "indirect", "said wryly")  # no quotation has this cue
    clause = _cand(2, "the club would appeal", "indirect", "said the club")
    assert _said(drop_beside(TEXT, [beside, clause])) == ["wryly after the loss", "the club would appeal"]


def test_a_clause_sharing_a_quotations_cue_stays() -> None:
    quote = _cand(1, "We did all we could", "direct", "said wryly")
    clause = _cand(2, "the club would appeal", "indirect", "said wryly")  # a clause, not how or when
    assert len(drop_beside(TEXT, [quote, clause])) == 2


PLACE = ('Mara Lind wrote in her memoir. "We lost the vote," she wrote. Ed Cole noted in The Harbor Post. '
         'Jo Fenn commented on the new budget rules. Ivo Marsh said in March the plan was dead.')


def _at(id_: int, words: str, cue: str, cue_at: str, continues: int | None = None) -> SpeechCandidate:
    """A candidate saying `words` of PLACE after the cue `cue`, written where `cue_at` starts."""
    start, at = PLACE.index(words), PLACE.index(cue_at)
    kind: Kind = "direct" if continues is not None else "indirect"
    return SpeechCandidate(id=id_, sentence=0, span=(start, start + len(words)), kind=kind, cue=cue,
                           cue_span=(at, at + len(cue)), speaker=None, speaker_span=None, continues=continues)


def test_a_lone_phrase_of_place_after_a_cue_is_no_statement_unless_a_quotation_continues_it() -> None:
    memoir = _at(1, "in her memoir", "wrote", "wrote in her")
    quote = _at(2, "We lost the vote", "wrote", "wrote. Ed", continues=1)
    outlet = _at(3, "in The Harbor Post", "noted", "noted in")
    topic = _at(4, "on the new budget rules", "commented", "commented on")  # what was commented on: said
    clause = _at(5, "in March the plan was dead", "said", "said in March")  # holds a finite verb
    kept = [PLACE[c.span[0] : c.span[1]] for c in drop_beside(PLACE, [memoir, quote, outlet, topic, clause])]
    assert kept == ["in her memoir", "We lost the vote", "on the new budget rules", "in March the plan was dead"]
    kept = [PLACE[c.span[0] : c.span[1]] for c in drop_beside(PLACE, [memoir, outlet, topic])]
    assert kept == ["on the new budget rules"]


OCCASION = ("At Saturday's debate, Ann Roe blasted Tom Hale for the levy. "
            "In Dover, the harbour staff were laid off, Tom Hale said. "
            "Asked about the harbour on a radio show, Ann Roe said it would reopen.")


def _before(id_: int, words: str, cue: str) -> SpeechCandidate:
    """A candidate saying `words` of OCCASION, its cue the first `cue` after them."""
    start = OCCASION.index(words)
    at = OCCASION.index(cue, start + len(words))
    return SpeechCandidate(id=id_, sentence=0, span=(start, start + len(words)), kind="indirect", cue=cue,
                           cue_span=(at, at + len(cue)), speaker=None, speaker_span=None, continues=None)


def test_a_phrase_naming_only_the_occasion_before_a_cue_is_no_statement() -> None:
    debate = _before(1, "At Saturday's debate", "blasted")  # where it was said: narration
    clause = _before(2, "In Dover, the harbour staff were laid off", "said")  # a clause after the place: said
    asked = _before(3, "Asked about the harbour on a radio show", "said")  # the question: PolNeAR keeps it
    kept = [OCCASION[c.span[0] : c.span[1]] for c in drop_beside(OCCASION, [debate, clause, asked])]
    assert kept == ["In Dover, the harbour staff were laid off", "Asked about the harbour on a radio show"]


def test_an_occasion_phrase_of_a_headline_stays_and_a_named_one_in_a_sentence_goes() -> None:
    text = "At Harbor Debate, Roe Blasts Hale Over Fees\nIn Ann Roe's speech to the Harbor Board, she cited the fees."
    head, speech = text.index("At Harbor Debate"), text.index("In Ann Roe's")
    cands = [
        SpeechCandidate(id=1, sentence=0, span=(head, head + 16), kind="indirect", cue="Blasts",
                        cue_span=(text.index("Blasts"), text.index("Blasts") + 6), speaker=None, speaker_span=None,
                        continues=None),
        SpeechCandidate(id=2, sentence=1, span=(speech, text.index(", she")), kind="indirect", cue="cited",
                        cue_span=(text.index("cited"), text.index("cited") + 5), speaker=None, speaker_span=None,
                        continues=None),
    ]
    assert [text[c.span[0] : c.span[1]] for c in drop_beside(text, cands)] == ["At Harbor Debate"]
