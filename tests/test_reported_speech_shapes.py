"""Shapes of reported speech around a known verb, found missed on PolNeAR train, each on invented sentences.

Each row is a class (where the speaker stands, what comes between it and the verb), not one article's wording.
"""

from __future__ import annotations

import pytest

from extract.language.speech import SpeechCandidate, find_rules


def only(text: str) -> SpeechCandidate:
    cands = find_rules(text)
    assert len(cands) == 1, [(text[c.span[0] : c.span[1]], c.speaker) for c in cands]
    return cands[0]


# (sentence, what was said, speaker phrase, cue)
SHAPES = [
    # A state label alone in brackets after a politician's name, as the party-and-state label is.
    ("Rep. Ada Brun (Mich.), a member of the panel, said she had spoken with her colleagues.",
     "she had spoken with her colleagues", "Rep. Ada Brun", "said"),
    ("Sen. Tomas Reyes (N.Y.) said the port fund should be cut.", "the port fund should be cut",
     "Sen. Tomas Reyes", "said"),
    # A short clause or one opening with "But"/"That" before the attribution is what was said, not an
    # introductory phrase: its finite verb tells them apart.
    ("It is over, she said.", "It is over", "she", "said"),
    ("But he wants more, the mayor said.", "But he wants more", "the mayor", "said"),
    ("That plan was often ignored, Mr. Rolf said.", "That plan was often ignored", "Mr. Rolf", "said"),
    # A role noun after lower-case modifiers names the speaker, as "officials" alone does.
    ("The dam will hold, political analysts say.", "The dam will hold", "political analysts", "say"),
    ("It is impossible to check them all, law enforcement officials said.", "It is impossible to check them all",
     "law enforcement officials", "said"),
    # A weak verb (predict, confirm, suggest) before a short subject and a finite verb reports a clause, as
    # it does before "that" or a subject pronoun.
    ("Ann Roe predicted the party would lose the vote.", "the party would lose the vote", "Ann Roe", "predicted"),
    ("The ministry confirmed the deal was signed.", "the deal was signed", "The ministry", "confirmed"),
    # ... and may come before its speaker after what was said, as "said" does.
    ("The harbor will close by spring, predicted Ann Roe, the former mayor.", "The harbor will close by spring",
     "Ann Roe", "predicted"),
    # A participle's speaker is the subject after a long opening phrase, or after one of several commas.
    ("In a long speech at the harbor on Tuesday night, Mr. Roe struck a calm tone, saying he understood the risk.",
     "he understood the risk", "Mr. Roe", "saying"),
    ("In the last debate, on TV, candidates dodged hard questions by saying the panel was wrong.",
     "the panel was wrong", "candidates", "saying"),
    # Beliefs, fears and hopes stated before a clause: PolNeAR counts them as attributions (the "all" group).
    ("Most farmers think the dam will fail.", "the dam will fail", "Most farmers", "think"),
    ("Many residents fear that the harbor will close.", "the harbor will close", "Many residents", "fear"),
    ("Council members hope the vote will be held in May.", "the vote will be held in May", "Council members",
     "hope"),
    ("Regulators worry that the cost will fall to taxpayers.", "the cost will fall to taxpayers", "Regulators",
     "worry"),
    ("Most analysts expect the bank will raise its rates.", "the bank will raise its rates", "Most analysts",
     "expect"),
]


def test_a_feeling_without_a_clause_reports_nothing() -> None:
    """"felt sick", "hope for rain": no clause follows, nothing was stated."""
    assert find_rules("The mayor felt sick after the vote.") == []
    assert find_rules("Farmers in the valley hope for rain.") == []


def test_a_restrictive_clause_after_a_name_describes_it() -> None:
    """"a sailor named Ivo Lenz who accuses …": the clause tells who Lenz is; nobody is reported."""
    assert find_rules("The film follows a sailor named Ivo Lenz who accuses the navy of fraud.") == []


def test_a_weak_verb_before_an_object_reports_nothing() -> None:
    """"revealed a plan for the port": an object, no clause."""
    assert find_rules("The mayor revealed a plan for the port.") == []


def test_a_verbless_opening_is_still_no_statement() -> None:
    """"Back in April" and "This month" say nothing; the clause after the cue is what was said."""
    assert find_rules("This month, the mayor said.") == []
    text = "Back in April, the mayor said the plan would fail."
    assert text[slice(*only(text).span)] == "the plan would fail"


def test_a_verb_before_an_interrupting_attribution_opens_the_clause_after_it() -> None:
    """`There was, she said, "a deal."`: "There was" is no clause of its own."""
    text = 'There was, she said, "an implicit deal."'
    assert [text[slice(*c.span)] for c in find_rules(text)] == ["an implicit deal."]


@pytest.mark.parametrize(("text", "words", "speaker", "cue"), SHAPES, ids=[s[0][:40] for s in SHAPES])
def test_shapes(text: str, words: str, speaker: str, cue: str) -> None:
    c = only(text)
    assert (text[c.span[0] : c.span[1]], c.speaker, c.cue) == (words, speaker, cue)


def test_a_clause_going_on_after_its_attribution_with_a_conjunction_is_said_whole() -> None:
    """`A, X insist, because B`: both halves were said, in pieces around the attribution."""
    text = "There is no risk of a strike, union leaders insist, because the contract has been signed."
    c = only(text)
    assert [text[a:b] for a, b in c.pieces] == ["There is no risk of a strike", "because the contract has been signed"]
    text = "The pier had no lights, the council added, and the ferry ran late every night."
    assert [text[a:b] for a, b in only(text).pieces] == ["The pier had no lights", "and the ferry ran late every night"]


def test_a_list_of_deeds_after_accused_of_is_said_whole() -> None:
    """`accused X of A-ing, B-ing, and C-ing …`: the items after the first comma are no participle clause."""
    text = "Residents accused Mayor Ona Reid of covering up, delaying, and withholding the harbor report."
    assert text[slice(*only(text).span)] == "Mayor Ona Reid of covering up, delaying, and withholding the harbor report"


def test_a_description_before_the_speaker_is_not_said_when_a_clause_follows_the_verb() -> None:
    """`A tall figure in a grey coat, Bob said he …`: the phrase before the speaker has no verb; it describes him."""
    text = "A tall figure in a grey coat, Ivo Lenz said he arrived in the port in May."
    assert text[slice(*only(text).span)] == "he arrived in the port in May"


def test_the_occasion_after_a_cue_is_not_what_was_said() -> None:
    """`CLAUSE, as X said in April while promoting a film`: what he was doing while he said it is no statement."""
    text = "Fares are too high, as the host Ed Marr said in April while promoting a film about the port."
    assert not any("promoting" in text[slice(*c.span)] for c in find_rules(text))


def test_a_sentence_adverb_before_an_interrupting_attribution_is_not_said() -> None:
    """`Rather, he said, continued delays will …`: the participle opens the clause said, "Rather" is the author's."""
    text = "Rather, he said, continued delays will help the rival town."
    assert text[slice(*only(text).span)] == "continued delays will help the rival town"


@pytest.mark.parametrize(
    ("text", "words", "speaker", "cue"),
    [
        # A pronoun with its auxiliary contracted after a conjunction: "he’s predicting" is "he is predicting".
        ("The vote is over. And he’s predicting that the toll will fall.", "the toll will fall", "he", "predicting"),
        ("But they're arguing that the port should close.", "the port should close", "they", "arguing"),
        # "’s" before a past participle is "has": the pronoun still speaks, the contraction is not the speaker.
        ("He’s said that the toll will fall.", "the toll will fall", "He", "said"),
    ],
)
def test_a_pronoun_with_a_contracted_auxiliary_is_the_speaker(text: str, words: str, speaker: str, cue: str) -> None:
    c = only(text)
    assert (text[c.span[0] : c.span[1]], c.speaker, c.cue) == (words, speaker, cue)


def test_a_relative_clause_after_an_inverted_speaker_that_reports_speech_is_that_speaker_s() -> None:
    text = '"The port is a mess," said Ines Vadim, who also noted that the toll is too high.'
    assert [(text[c.span[0] : c.span[1]], c.speaker, c.cue) for c in find_rules(text)] == [
        ("The port is a mess", "Ines Vadim", "said"),
        ("the toll is too high", "Ines Vadim", "noted"),
    ]


def test_a_relative_clause_after_an_inverted_speaker_without_that_describes_the_speaker() -> None:
    text = '"The port is a mess," said one pilot, who asked not to be named because the talks are private.'
    assert [(text[c.span[0] : c.span[1]], c.speaker) for c in find_rules(text)] == [
        ("The port is a mess", "one pilot")
    ]
