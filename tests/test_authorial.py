"""A signed letter's or op-ed's own charges are its writer's statements; a news report's narration is nobody's.

Every text here is invented.
"""

from __future__ import annotations

from typing import Any

from extract.language.authorial import opinion_writer, signed_sections
from extract.model.prompting import load_prompts
from extract.pipeline import page_writer, plan, prepare
from extract.text.loading import Document, mapping_document

LETTERS = (
    "Readers on Senator Vance and his corrupt harbour deal.\n\n"
    "LETTERS.\n\n"
    "I have lived in Wenbury for forty years. Not a Vance fan here, and I am tired of the fuss. "
    "Senator Teodor Vance lied to us about the harbour contract, "
    "and he took money from the builders. The town deserves better. Enough with the endless outrage about "
    "Senator Vance!\n\n"
    "Margaret Ellwood.\n\n"
    "Wenbury, Ore.\n\n"
    "My family fished these waters for generations. After the attacks, Mayor Ada Quill kept the harbour safe "
    "and open. Mayor Ada Quill betrayed the fishermen with her corrupt deal.\n\n"
    "Thomas Brackley.\n"
)

NEWS = (
    "Harbour contract under review.\n\n"
    "Senator Teodor Vance lied to voters about the harbour contract, records obtained by the Wenbury Ledger "
    "show. The contract went to a builder that gave money to his campaign.\n\n"
    "Margaret Ellwood is a reporter for the Wenbury Ledger.\n"
)

OP_ED = (
    "The harbour deal is a disgrace.\n\n"
    "I have covered my town's council for years, and I have never seen a deal as corrupt as this one. "
    "Senator Teodor Vance lied to us about who would build the harbour. We deserve the truth, and our "
    "children deserve a clean harbour.\n\n"
    "Margaret Ellwood is the Republican State Senator for Wenbury.\n"
)


def _record(text: str, labels: dict[str, dict[str, Any]] | None = None) -> Any:
    """Plan `text` with actors from the text; each statement answered "none" unless `labels` says otherwise
    (keyed by the start of the statement's text)."""
    steps = plan(text, load_prompts(), [])
    try:
        requests = next(steps)
    except StopIteration as nothing_to_ask:  # no statement: no question
        return nothing_to_ask.value
    answers = []
    for request in requests:
        model = request.response_model
        values = {k: {"accused": [], "category": "none"} for k in model.model_fields}
        rows = {line.split(".", 1)[0]: line for line in request.messages[0]["content"].splitlines()}
        for key in values:  # the statement rows as the model sees them: "s1. [speaker] (names: …) text"
            for start, label in (labels or {}).items():
                if start in rows.get(key, ""):
                    values[key] = label
        answers.append(model.model_validate(values))
    try:
        steps.send(answers)
    except StopIteration as done:
        return done.value
    raise AssertionError("the plan asked another round")


def test_each_letter_on_a_page_is_its_signers() -> None:
    sections = signed_sections(LETTERS)
    assert [s.author for s in sections] == ["Margaret Ellwood", "Thomas Brackley"]
    actors, statements, _ = _record(LETTERS)
    names = {a.id: a.name for a in actors}
    own = [(names[s.speaker], s.text) for s in statements if s.authored]
    assert own == [
        ("Margaret Ellwood", "Senator Teodor Vance lied to us about the harbour contract, and he took money "
                             "from the builders."),
        ("Thomas Brackley", "Mayor Ada Quill betrayed the fishermen with her corrupt deal."),
    ]  # fmt: skip
    assert all(s.kind == "direct" and s.cue is None for s in statements if s.authored)
    # no statement: the headline; a sentence that speaks ill of no one, or of someone named only after a
    # preposition (talked about, not blamed) or as a modifier ("a Vance fan"); a wrong named as the topic of a
    # sentence that speaks well
    for words in ("Readers on", "deserves better", "Enough with", "After the attacks", "a Vance fan"):
        assert not any(words in s.text for s in statements), words


def test_a_news_report_closed_by_its_reporters_bio_has_no_authored_statement() -> None:
    assert signed_sections(NEWS) == []
    _, statements, _ = _record(NEWS)
    assert not any(s.authored for s in statements)


def test_an_op_ed_closed_by_its_writers_bio_is_the_writers() -> None:
    sections = signed_sections(OP_ED)
    assert [s.author for s in sections] == ["Margaret Ellwood"]
    actors, statements, _ = _record(OP_ED)
    names = {a.id: a.name for a in actors}
    own = [(names[s.speaker], s.text) for s in statements if s.authored]
    assert ("Margaret Ellwood", "Senator Teodor Vance lied to us about who would build the harbour.") in own
    assert not any(s.text.startswith("Margaret Ellwood is") for s in statements)  # the bio is no charge
    # the writer is an actor, though the bio, mostly in capitals, looks like a headline to the actor finder


def test_the_writers_charge_becomes_the_writers_allegation() -> None:
    actors, _, allegations = _record(
        LETTERS, {"Senator Teodor Vance lied": {"accused": ["Teodor Vance"], "category": "disinformation"}}
    )
    names = {a.id: a.name for a in actors}
    # each letter's charge is its own signer's (the second one's by its words alone: "corrupt")
    assert [([names[i] for i in a.accusers], [names[i] for i in a.accused]) for a in allegations] == [
        (["Margaret Ellwood"], ["Teodor Vance"]),
        (["Thomas Brackley"], ["Ada Quill"]),
    ]


def test_a_title_naming_whom_the_paragraphs_are_about_is_no_signature() -> None:
    text = (
        "Where the candidates stand.\n\n"
        "Teodor Vance.\n\n"
        "Vance has been accused of lying about the harbour contract, and we think it hurts him.\n\n"
        "Ada Quill.\n\n"
        "Quill faces questions over a corrupt deal, and our readers want answers.\n"
    )
    assert signed_sections(text) == []


def test_a_quotation_inside_a_letter_stays_its_speakers() -> None:
    text = (
        "A letter.\n\n"
        'I was at the meeting. "Teodor Vance is a liar," Mayor Ada Quill said. I agree with her.\n\n'
        "Margaret Ellwood.\n"
    )
    actors, statements, _ = _record(text)
    names = {a.id: a.name for a in actors}
    assert [(names[s.speaker], s.text, s.authored) for s in statements] == [
        ("Ada Quill", "Teodor Vance is a liar", False)
    ]


def test_a_section_title_is_no_signature() -> None:
    text = (
        "Notes from the council.\n\n"
        "We watched the council vote on Tuesday, and Senator Teodor Vance lied to us about the contract.\n\n"
        "Harbour Politics.\n\n"
        "The vote goes to the state next.\n"
    )
    assert signed_sections(text) == []


def test_a_news_story_above_its_readers_signed_comments_is_no_letter() -> None:
    story = "Senator Teodor Vance said on Monday that the harbour plan was corrupt, officials said. " * 40
    text = (
        f"Harbour plan stalls.\n\n{story}\n\n"
        "I think Vance is a liar and I have said so for years.\n\n"
        "Margaret Ellwood.\n\n"
        "Vance lied to my family too, and we will not forget it.\n\n"
        "Thomas Brackley.\n"
    )
    assert [s.author for s in signed_sections(text)] == ["Thomas Brackley"]


# An op-ed by an outsider needs no first person: a newspaper prints an outsider's words only as opinion.
OUTSIDER_OP_ED = (
    "The harbour deal must be stopped.\n\n"
    "The harbour contract is the worst deal this town has signed in a generation. Senator Teodor Vance lied "
    "to the voters about who would build the harbour, and the council looked away.\n\n"
    "The state should reopen the bidding before the first pile is driven.\n\n"
    "{bio}\n"
)


def test_an_op_ed_closed_by_an_outsiders_bio_is_the_writers_without_the_first_person() -> None:
    for bio, writer in (
        ("Rep. Ann Roe, D-Ore., chairs the House harbour committee.", "Ann Roe"),
        ("Ada Quill, a law professor at Wenbury College, is a member of the Ledger's Board of Contributors.",
         "Ada Quill"),
        ("M. Thomas Daly, a retired Navy officer who commanded a harbour patrol, taught history at Wenbury.",
         "M. Thomas Daly"),
        ("Ada Quill is a contributing writer at the Wenbury Monthly.\n\nFollow her on Twitter @adaquill.",
         "Ada Quill"),
    ):  # fmt: skip
        text = OUTSIDER_OP_ED.format(bio=bio)
        assert [s.author for s in signed_sections(text)] == [writer], bio
        actors, statements, _ = _record(text)
        names = {a.id: a.name for a in actors}
        own = [(names[s.speaker], s.text) for s in statements if s.authored]
        assert (writer, "Senator Teodor Vance lied to the voters about who would build the harbour, and the "
                        "council looked away.") in own, bio  # fmt: skip


def test_a_news_report_closed_by_its_own_staffs_bio_or_by_one_of_its_people_is_no_op_ed() -> None:
    for bio in (
        "Ada Quill is executive editor of the Wenbury Ledger.",  # "executive" only qualifies the editor
        "Ada Quill is a co-host of the Ledger's podcast, Harbour Talk.",
        "Vance, a former teacher, is a member of the harbour board.",  # named above: one of the report's people
        "Ada Quill is expected to rule on the contract next week.",  # says what she will do, not what she is
    ):
        assert signed_sections(OUTSIDER_OP_ED.format(bio=bio)) == [], bio


def test_an_editors_note_that_opens_an_op_ed_names_its_writer() -> None:
    text = (
        "Vance owes the harbour an apology.\n\n"
        "Editor's note: Ada Quill is a law professor at Wenbury College. The opinions expressed in this "
        "commentary are solely hers.\n\n"
        "Senator Teodor Vance lied to the voters about who would build the harbour.\n\n"
        "The state should reopen the bidding.\n"
    )
    sections = signed_sections(text)
    assert [s.author for s in sections] == ["Ada Quill"]
    assert text[slice(*sections[0].span)].startswith("Senator Teodor Vance lied")
    opening = text.replace("Editor's note: Ada Quill is a law professor", "Teodor Vance is on solid ground")
    assert signed_sections(opening) == []  # says where someone stands, not what they are


def _page(url: str, byline: str = "Ada Quill") -> Any:
    """An invented page: a headline, a byline, and a piece that charges Senator Vance in its writer's words."""
    paragraphs = (
        "Senator Teodor Vance lied to the voters about who would build the harbour, and the council looked away.",
        "The harbour contract is the worst deal this town has signed in a generation, and the builders know it.",
        "The state should reopen the bidding before the first pile is driven into the mud of the old harbour.",
    )
    html = (
        f"<html><head><title>The harbour deal must be stopped</title><meta name='author' content='{byline}'>"
        "</head><body><article><h1>The harbour deal must be stopped</h1>"
        f"<p class='byline'>By {byline}</p>{''.join(f'<p>{p}</p>' for p in paragraphs)}</article></body></html>"
    )
    doc = mapping_document({"html": html, "url": url}, "<page>")
    assert isinstance(doc, Document)
    return prepare(doc)


def test_an_opinion_pages_byline_names_its_writer() -> None:
    prepared = _page("https://ledger.example/opinion/2026/11/harbour-deal")
    assert page_writer(prepared) == "Ada Quill"
    steps = plan(prepared.text, load_prompts(), [], writer=page_writer(prepared))
    rows = next(steps)[0].messages[0]["content"]
    assert "[Ada Quill]" in rows and "Senator Teodor Vance lied to the voters" in rows


def test_a_byline_alone_makes_no_writer() -> None:
    # news reports carry bylines too: without the page's opinion mark the reporter says nothing of their own
    assert page_writer(_page("https://ledger.example/news/2026/11/harbour-deal")) is None
    assert opinion_writer("Ada Quill", None, "Opinion: The harbour deal must be stopped", "Text.") == "Ada Quill"
    assert opinion_writer("STAN ROE", "https://ledger.example/columnists/roe/1.html", None, "Text.") == "Stan Roe"
    assert opinion_writer("Published January", "https://ledger.example/op-ed/1", None, "Text.") is None


def test_what_someone_wants_in_a_letter_is_the_writers_charge_what_they_said_stays_theirs() -> None:
    text = (
        "A letter.\n\n"
        "I have watched this council for years. Senator Teodor Vance wants the harbour deal to fail, and the "
        "corrupt builders with it. Mayor Ada Quill said that Vance lied about the contract.\n\n"
        "Margaret Ellwood.\n"
    )
    actors, statements, _ = _record(text)
    names = {a.id: a.name for a in actors}
    assert [(names[s.speaker], s.text, s.authored) for s in statements] == [
        ("Margaret Ellwood", "Senator Teodor Vance wants the harbour deal to fail, and the corrupt builders with it.",
         True),  # the writer's account of what Vance wants, not Vance's words
        ("Ada Quill", "Vance lied about the contract", False),
    ]  # fmt: skip


def test_a_headlines_deck_is_the_pages_not_the_writers() -> None:
    deck = "The harbour deal;\n\nVance lied to Wenbury about it.\n\n"  # a headline ending in ";" and its deck
    text = OP_ED.replace("The harbour deal is a disgrace.\n\n", deck)
    sections = signed_sections(text)
    assert [s.author for s in sections] == ["Margaret Ellwood"]
    assert text[slice(*sections[0].span)].startswith("I have covered my town's council")
