"""Whom a pronoun in a statement stands for, as offered to the model: the accused named by "he", "his", "they".

Invented sentences. What is tested is who a pronoun of the reported words refers to (`pronouns.pronoun_mentions`)
and the names the model is then offered for the statement (the prompt's `(names: …)`).
"""

from __future__ import annotations

from extract.language.actors import ActorDraft
from extract.language.attribution import StatementDraft
from extract.language.pronouns import pronoun_mentions
from extract.language.speech import SpeechCandidate
from extract.model.prompting import load_prompts
from extract.pipeline import plan


def _offered(text: str) -> list[str]:
    """The statement rows of the article's labels request: "s1. [speaker] (names: …) words"."""
    steps = plan(text, load_prompts(), [])
    requests = next(steps)
    steps.close()
    rows = [line for r in requests for line in r.messages[0]["content"].splitlines()]
    start = max(i for i, line in enumerate(rows) if line.startswith("s1. "))  # the article's, after the examples
    return [line for line in rows[start:] if "(names:" in line]


def _quoted(text: str, words: str, speaker: ActorDraft) -> StatementDraft:
    start = text.index(words)
    span = (start, start + len(words))
    candidate = SpeechCandidate(1, 0, span, "direct", "said", None, speaker.name, None, None, (span,))
    return StatementDraft(1, candidate, speaker, span)


def test_a_pronoun_in_a_letters_own_words_names_whom_the_letter_named() -> None:
    """A signed letter's charge "He lied to us" offers Vance, named the sentence before; the writer is no "he"."""
    letters = (
        "Readers on the harbour deal.\n\nLETTERS.\n\n"
        "I voted for Senator Thomas Vance twice. He lied to us about the harbour contract. "
        "His greed has cost this town its fishing fleet.\n\nMargaret Ellwood.\n\nWenbury, Ore.\n"
    )
    rows = _offered(letters)
    assert any("[Margaret Ellwood] (names: Thomas Vance) He lied to us" in row for row in rows), rows
    assert any("[Margaret Ellwood] (names: Thomas Vance) His greed" in row for row in rows), rows


def test_a_surname_two_people_share_is_either_and_the_pronoun_tells_which() -> None:
    """'I despise Varga because his speeches …' where the lone "Varga" was given to Lena: "his" is Tomas's."""
    text = (
        "Tomas Varga spoke at the harbour in May." + " The fleet sailed on." * 40 + " Lena Varga toured the docks. "
        '"I despise Varga because his speeches are full of hate," Ada Pruett said.'
    )
    tomas = ActorDraft("Tomas Varga", "person", ["Varga"], mentions=[(0, 11)])
    lone = text.index("Varga because")
    lena_at = text.index("Lena Varga")
    lena = ActorDraft("Lena Varga", "person", ["Varga"], mentions=[(lena_at, lena_at + 10), (lone, lone + 5)])
    pruett = ActorDraft("Ada Pruett", "person", ["Pruett"], mentions=[(text.index("Ada Pruett"), len(text) - 6)])
    st = _quoted(text, "I despise Varga because his speeches are full of hate", pruett)
    his = text.index("his speeches")
    genders = {id(tomas): "m", id(lena): "f", id(pruett): "f"}
    assert pronoun_mentions(text, st, [tomas, lena, pruett], genders) == {id(tomas): [(his, his + 3)]}
    # when the gender does not tell them apart, the person the name was given to stays the one meant
    genders = {id(tomas): "m", id(lena): "m", id(pruett): "f"}
    assert pronoun_mentions(text, st, [tomas, lena, pruett], genders) == {id(lena): [(his, his + 3)]}


def test_a_pronoun_after_a_description_of_a_person_is_that_person() -> None:
    """'The harbour master argued … "he had lied"': where a description surely named him counts as named."""
    text = (
        "Tomas Varga spoke at the harbour in May." + " The fleet sailed on." * 40 + " The harbour master argued "
        'with the council. "He has lied to the fishermen for years," Ada Pruett said.'
    )
    tomas = ActorDraft("Tomas Varga", "person", ["Varga"], role="harbour master", mentions=[(0, 11)])
    pruett = ActorDraft("Ada Pruett", "person", ["Pruett"], mentions=[(text.index("Ada Pruett"), len(text) - 6)])
    st = _quoted(text, "He has lied to the fishermen for years", pruett)
    genders = {id(tomas): "m", id(pruett): "f"}
    assert pronoun_mentions(text, st, [tomas, pruett], genders) == {}  # named too long before
    master = text.index("The harbour master")
    described = {id(tomas): [(master, master + len("The harbour master"))]}
    he = text.index("He has")
    assert pronoun_mentions(text, st, [tomas, pruett], genders, described) == {id(tomas): [(he, he + 2)]}


def test_a_given_name_alone_names_the_one_person_who_has_it() -> None:
    """'The plan that Thomas has put forth …': Thomas Halloran, the article's only Thomas; two Thomases, neither."""
    text = (
        "Harbour Debate\n\nMaria Pruett met Thomas Halloran at a forum on Wednesday.\n\n"
        '"The plan that Thomas has put forth would sink the harbour," Pruett said.\n'
    )
    assert any("(names: Thomas Halloran) The plan that Thomas" in row for row in _offered(text)), _offered(text)
    two = text.replace("Thomas Halloran", "Thomas Halloran and Thomas Reed")
    assert any("(names: nobody) The plan that Thomas" in row for row in _offered(two)), _offered(two)
    longer = text.replace("that Thomas has", "that Morning Thomas has")  # a longer name: a show's, not his
    assert any("(names: nobody) The plan that Morning Thomas" in row for row in _offered(longer)), _offered(longer)


def test_a_pronoun_after_a_given_name_alone_refers_to_its_person() -> None:
    """'Lawyers for Thomas filed papers. Pruett said he had lied': he is Thomas Halloran, named long before."""
    text = (
        "Harbour Debate\n\nMaria Pruett met Thomas Halloran at a forum on Wednesday.\n\n"
        + "The fleet sailed on. " * 35
        + "\n\nLawyers for Thomas filed papers on Friday. Pruett said he had lied to the harbour court.\n"
    )
    assert any("(names: Thomas Halloran) he had lied" in row for row in _offered(text)), _offered(text)


def test_in_a_letters_own_words_a_pronoun_refers_only_to_someone_the_text_shows_of_its_gender() -> None:
    """A letter's "she" is not the man named in passing whose gender the text never tells; a quotation's may be."""
    text = "I read what Vladen Orsk wrote. She lied to us about the harbour for years."
    orsk = ActorDraft("Vladen Orsk", "person", ["Orsk"], mentions=[(12, 23)])
    writer = ActorDraft("Margaret Ellwood", "person", ["Ellwood"])
    words = "She lied to us about the harbour for years."
    start = text.index(words)
    span = (start, start + len(words))
    letter = StatementDraft(1, SpeechCandidate(1, 0, span, "direct", None, None, None, None, None, ()), writer, span)
    assert pronoun_mentions(text, letter, [orsk, writer], {}) == {}
    quoted = _quoted(text, words, writer)
    assert pronoun_mentions(text, quoted, [orsk, writer], {}) == {id(orsk): [(start, start + 3)]}
