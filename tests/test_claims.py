"""How an allegation's statements are gathered and which of them its claim is taken from (issue 12)."""

from __future__ import annotations

from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run

ACTORS = {"Ada Quill": "person", "Oren Daly": "person", "Lena Osk": "person"}


def _evidence(text: str, labels: dict[str, dict[str, object]]) -> list[list[str]]:
    named, statements, allegations, _, _ = _run(text, ACTORS, labels)
    assert {tuple(p) for pair in who_accuses_whom(named, allegations) for p in pair} == {("Ada Quill",), ("Oren Daly",)}
    said = {s.id: s.text for s in statements}
    return [[said[e] for e in al.evidence] for al in allegations]


def test_a_charge_told_on_by_its_speaker_alone_is_one_allegation() -> None:
    """Quill charges Daly, tells how it went in statements that accuse no one, then charges him again in other
    words: one allegation. Another voice, or a wrong named in between (a charge the labels missed), ends
    the telling: two."""
    story = (
        "Ada Quill said Oren Daly hid the harbour fund's losses from the council. Quill said the books were "
        "kept in two ledgers. Quill said the auditors came in March. {between}Quill said Oren Daly is a shameless "
        "liar.\n"
    )
    labels = {
        "s1": {"accused": ["Oren Daly"], "category": "other"},
        "s4": {"accused": ["Oren Daly"], "category": "other"},
    }
    told = _evidence("Harbour Fund\n\n" + story.format(between=""), labels)
    assert [len(e) for e in told] == [2]
    interrupted = _evidence(
        "Harbour Fund\n\n" + story.format(between="Lena Osk said the vote was on Friday. "),
        {"s1": labels["s1"], "s5": labels["s4"]},
    )
    assert [len(e) for e in interrupted] == [1, 1]
    missed = _evidence(
        "Harbour Fund\n\n" + story.format(between="Quill said bribes were paid at the port. "),
        {"s1": labels["s1"], "s5": labels["s4"]},
    )
    assert [len(e) for e in missed] == [1, 1]


def test_the_claim_is_taken_from_the_statement_that_names_the_wrong() -> None:
    """'Daly failed the harbour badly', then 'Daly hid the bribes and lied to the council': the claim and
    its category are the second statement's, where the wrong is named."""
    text = (
        'Harbour Fund\n\nAda Quill said Oren Daly failed the harbour badly. "Daly hid the bribes and lied to '
        'the council," Quill said.\n'
    )
    labels = {
        "s1": {"accused": ["Oren Daly"], "category": "other"},
        "s2": {"accused": ["Oren Daly"], "category": "corruption"},
    }
    allegations = _run(text, ACTORS, labels)[2]
    (allegation,) = allegations
    assert len(allegation.evidence) == 2
    assert (allegation.claim, allegation.category) == ("Daly hid the bribes and lied to the council", "corruption")
