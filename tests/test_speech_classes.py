"""Classes of attribution found on real news (PolNeAR), each on invented sentences, and span hygiene.

A statement's words are only what was said: never its cue or its speaker. A quotation interrupted by its
attribution is one candidate whose `pieces` are the quoted words, with the attribution between them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.language.actors import build_actors
from extract.language.attribution import attribute
from extract.language.grounding import trim_span
from extract.language.segments import merge_same_sentence
from extract.language.speech import SpeechCandidate, find_combined, find_rules
from extract.text.cleaning import clean_text

ROOT = Path(__file__).resolve().parents[1]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def assert_hygiene(text: str, cands: list[SpeechCandidate]) -> None:
    """No piece of what was said holds the candidate's own cue or speaker; the pieces lie inside the span."""
    for c in cands:
        assert c.pieces, c
        assert c.pieces[0][0] == c.span[0] and c.pieces[-1][1] == c.span[1]
        for piece in c.pieces:
            for part in (c.cue_span, c.speaker_span):
                if part is not None:
                    assert not overlaps(piece, part), (text[piece[0] : piece[1]], text[part[0] : part[1]])


def only(text: str) -> SpeechCandidate:
    cands = find_rules(text)
    assert len(cands) == 1, [(text[c.span[0] : c.span[1]], c.speaker) for c in cands]
    assert_hygiene(text, cands)
    return cands[0]


def said(text: str, c: SpeechCandidate) -> str:
    return text[c.span[0] : c.span[1]]


# (sentence, what was said, speaker phrase, cue)
CLASSES = [
    # NYT's two-apostrophe quote marks.
    ("''The budget is a fantasy,'' Mr. Okafor said.", "The budget is a fantasy", "Mr. Okafor", "said"),
    # ... closing on a single quotation inside it: three apostrophes, the last two close the double.
    ("''I would call it 'a fantasy,''' said Mr. Okafor.", "I would call it 'a fantasy,'", "Mr. Okafor", "said"),
    # An opening mark printed where the closing one belongs, touching the word before it.
    ("“It is a fantasy,“ said Mr. Okafor.", "It is a fantasy", "Mr. Okafor", "said"),
    # A comma between the cue and the quotation.
    ('Senator Lina Ferro said, "We will not give up the port."', "We will not give up the port.",
     "Senator Lina Ferro", "said"),
    # A date or a manner adverb between the speaker and the verb.
    ("Mayor Tomas Reyes on Tuesday accused the council of hiding the audit.",
     "the council of hiding the audit", "Mayor Tomas Reyes", "accused"),
    ("Greta Lund famously said that no tax would ever rise.", "no tax would ever rise", "Greta Lund", "said"),
    # An appositive relative clause between the speaker and the verb.
    ("Paulo Neves, who chairs the harbour board, said the cranes were unsafe.", "the cranes were unsafe",
     "Paulo Neves", "said"),
    # Name, Outlet: "Q" (a source line before a quotation).
    ('Irma Castell, The Valley Courier: "Nobody asked the farmers."', "Nobody asked the farmers.",
     "Irma Castell", ":"),
    # Documents and bodies as speakers.
    ('"The levees will not hold," said a joint statement from both agencies.', "The levees will not hold",
     "a joint statement from both agencies", "said"),
    ("Rents will rise again next year, the survey said.", "Rents will rise again next year", "the survey", "said"),
    ("As reported by The Valley Courier, the mayor was warned twice.", "the mayor was warned twice",
     "The Valley Courier", "As reported by"),
    # The source after "according to" is the phrase before what describes it; the description is not said.
    ("The harbour lost money for a third year, according to a new audit that shows rising costs.",
     "The harbour lost money for a third year", "a new audit", "according to"),
    ("Most pilots favour the plan, according to early results of a survey conducted by Tolu University.",
     "Most pilots favour the plan", "early results of a survey", "according to"),
    ("The mayor lost the vote but won the port, according to complete but unofficial returns.",
     "The mayor lost the vote but won the port", "complete but unofficial returns", "according to"),
    # Verbs of speaking in manner and judgement.
    ('"I have never seen so many umbrellas," Councillor Ada Brun joked.', "I have never seen so many umbrellas",
     "Councillor Ada Brun", "joked"),
    ("Governor Elin Vass praised the volunteers for their courage.", "the volunteers for their courage",
     "Governor Elin Vass", "praised"),
    ("Governor Elin Vass blasted the ferry contract as a giveaway.", "the ferry contract as a giveaway",
     "Governor Elin Vass", "blasted"),
    # "put it" and "went on to say" report speech; `as X put it` after a quotation attributes it.
    ('As one pilot put it, "The harbour is a mess."', "The harbour is a mess.", "one pilot", "put it"),
    ('"The harbour is a mess," as one pilot put it.', "The harbour is a mess", "one pilot", "put it"),
    ('Ines Vadim put it this way: "The harbour is a mess."', "The harbour is a mess.", "Ines Vadim",
     "put it this way"),
    ("Ines Vadim went on to say that the harbour was a mess.", "the harbour was a mess", "Ines Vadim",
     "went on to say"),
    # Agreeing, charging, demanding and thanking report speech; agreeing to a deal or being charged does not.
    ('"The port is safe," agrees Ines Vadim.', "The port is safe", "Ines Vadim", "agrees"),
    ("Ines Vadim charged that the mayor hid the audit.", "the mayor hid the audit", "Ines Vadim", "charged"),
    ("Ines Vadim demanded that the port reopen.", "the port reopen", "Ines Vadim", "demanded"),
    ("Mayor Ines Vadim thanked the pilots for their courage.", "the pilots for their courage", "Mayor Ines Vadim",
     "thanked"),
    # Findings: what a poll found or a survey shows, only after the verb.
    ("A new poll found that most pilots back the plan.", "most pilots back the plan", "A new poll", "found"),
    ("The harbour survey shows that rents rose again.", "rents rose again", "The harbour survey", "shows"),
    # A belief stated with "that" (PolNeAR counts beliefs as attributions).
    ("Most pilots believe that the harbour is safe.", "the harbour is safe", "Most pilots", "believe"),
    # Tweets and documents before their speaker.
    ('"We came a long way," tweeted Ivo Marsh, who ran the campaign.', "We came a long way", "Ivo Marsh", "tweeted"),
    ('"The mayor has no spine," reads an editorial in The Valley Courier.', "The mayor has no spine",
     "an editorial in The Valley Courier", "reads"),
    # A party label between the name and the verb.
    ("Sen. Ruth Kalder (D-Ore.) said the bill would pass.", "the bill would pass", "Sen. Ruth Kalder", "said"),
    ("Rep. Ivo Marsh, R-N.Y., noted that the vote was close.", "the vote was close", "Rep. Ivo Marsh", "noted"),
    # A lower-case modifier before the title and name.
    ('"It is a trap," super PAC spokeswoman Nora Field said.', "It is a trap",
     "super PAC spokeswoman Nora Field", "said"),
    # Lower-case words no list holds, describing the name between a quotation and its cue (or after the cue),
    # and an ordinal inside a title.
    ('"The port is safe," said retired harbour pilot Ines Vadim.', "The port is safe",
     "retired harbour pilot Ines Vadim", "said"),
    ('"The port is safe," maritime historian Ines Vadim told reporters.', "The port is safe",
     "maritime historian Ines Vadim", "told reporters"),
    ('"The port is safe," said Coast Guard 2nd Lt. Ines Vadim.', "The port is safe",
     "Coast Guard 2nd Lt. Ines Vadim", "said"),
    # A name after an NYT quotation, then an appositive: the speaker never reaches back across the closing marks.
    ("''We need the port, the cranes, Ada Brun,'' Mr. Okafor, the union's lawyer, said.",
     "We need the port, the cranes, Ada Brun", "Mr. Okafor", "said"),
    ("''Nobody will say 'the port is lost,''' Ines Vadim, a pilot, wrote.", "Nobody will say 'the port is lost,'",
     "Ines Vadim", "wrote"),
    # A role in apposition leaves the name as the speaker; an introduction before `X said, "Q"` is not said.
    ('Tad Varga, the mayor\'s chief strategist, said, "The vote decides it."', "The vote decides it.",
     "Tad Varga", "said"),
    ('Taking it in, Mayor Ines Holt said, "It is so nice to hear you cheer."', "It is so nice to hear you cheer.",
     "Mayor Ines Holt", "said"),
    # A quantity as the speaker.
    ("Twenty-four percent said the council did nothing wrong.", "the council did nothing wrong",
     "Twenty-four percent", "said"),
    # A weak verb before a subject pronoun reports a clause.
    ("Ida Marsh suggested she would run for the seat.", "she would run for the seat", "Ida Marsh", "suggested"),
    # A promise or threat says what with its infinitive.
    ("Mayor Ines Holt vowed to rebuild every school by June.", "to rebuild every school by June",
     "Mayor Ines Holt", "vowed"),
    # A naming verb keeps its object.
    ('The union called the offer "an insult to every driver."', 'the offer "an insult to every driver."',
     "The union", "called"),
    ('The mayor called the decision of the regional harbour board to close the northern quay "a gift to smugglers."',
     'the decision of the regional harbour board to close the northern quay "a gift to smugglers."', "The mayor",
     "called"),
    # A chain of appositives (age, job, home town, relative clause): the name before them is the speaker,
    # and a pronoun after the cue is the reported clause's subject, not an inverted speaker.
    ("Lena Dorsch, 34, a nurse from Tolu, said she would vote for the mayor.", "she would vote for the mayor",
     "Lena Dorsch", "said"),
    ("Oskar Brand, a welder from Kelm, Ost., who backs the union, said the plant would close.",
     "the plant would close", "Oskar Brand", "said"),
    ("Sen. Mara Holm (D-Ost.), who has endorsed Vass, said Vass has pushed the council too far.",
     "Vass has pushed the council too far", "Sen. Mara Holm", "said"),
    # An adverbial opening a sentence is not the subject a participle cue inherits.
    ("Hours later, Mayor Ines Holt returned the compliment, telling reporters he was a gentleman.",
     "he was a gentleman", "Mayor Ines Holt", "telling reporters"),
    # A participle inherits the sentence's subject across the appositive after it.
    ("Ada Brun, chair of the Tolu port board, tied the losses to the strike, saying the cranes had stood idle.",
     "the cranes had stood idle", "Ada Brun", "saying"),
    ("The retired pilot began by walking the quay, saying the harbour had never been safer.",
     "the harbour had never been safer", "The retired pilot", "saying"),
    # ... a participle of several words as much ("pointing out", "talking about").
    ("Ada Brun toured the harbour on Monday, pointing out that the cranes had stood idle.",
     "the cranes had stood idle", "Ada Brun", "pointing out"),
    ("The mayor opened the new quay, talking about the jobs it would bring.", "the jobs it would bring", "The mayor",
     "talking about"),
    # A long opening adverbial before the speaker sets the scene; the clause after the cue was said.
    ("On a swing through the valley before the vote in May, Ida Marsh said her husband would run the port.",
     "her husband would run the port", "Ida Marsh", "said"),
    # A restrictive relative clause naming someone else: the head before "who" speaks.
    ("Former officials who spoke with The Valley Courier said the board had become a shell.",
     "the board had become a shell", "Former officials", "said"),
    # A cue inside a subordinate clause opening the sentence: what was said ends where the main clause begins.
    ("When Mayor Ada Brun accused the council of hiding the audit, the crowd in the hall cheered.",
     "the council of hiding the audit", "Mayor Ada Brun", "accused"),
    ("While only 12 percent said they were undecided, the rest had made up their minds by May.",
     "they were undecided", "12 percent", "said"),
    # ... and so does a participle inside a phrase opening the sentence; its speaker is the main clause's subject.
    ("In her statement condemning the blockade, Mayor Ada Brun visited the harbour police.", "the blockade",
     "Mayor Ada Brun", "condemning"),
    # A preposition or conjunction before a name is not part of the speaker.
    ("The plant closed in May, after Tolva Foods announced it would move to Kelm.", "it would move to Kelm",
     "Tolva Foods", "announced"),
]


@pytest.mark.parametrize(("text", "words", "speaker", "cue"), CLASSES, ids=[c[0][:40] for c in CLASSES])
def test_classes(text: str, words: str, speaker: str, cue: str) -> None:
    c = only(text)
    assert (said(text, c), c.speaker, c.cue) == (words, speaker, cue)


def test_a_second_verb_inside_a_subordinate_opening_ends_the_first_verbs_words() -> None:
    """`When X referred to A and said B, …`: A is the first cue's words, B the second's, the main clause neither's."""
    text = 'When the mayor referred to the closed quay and said she would "reopen it by May," the crowd cheered.'
    assert [(said(text, c), c.cue) for c in find_rules(text)] == [
        ("the closed quay", "referred to"), ("she would \"reopen it by May,\"", "said")]


def test_the_quotation_of_a_known_verb_is_not_read_as_its_auxiliary() -> None:
    """`"… meant to be," said X`: "be" inside the quotation does not make "said" a passive."""
    text = '"It was never meant to be," said Dorian Pratt, who left the race.'
    assert said(text, only(text)) == "It was never meant to be"


@pytest.mark.parametrize(
    "text",
    [
        '"The dam was never inspected," the engineer told reporters. "It was a disaster waiting to happen."',
        '"We are ready," she said, "and we will not back down."',
        '"It is over," said Mark Hollis, a retired teacher, "and nobody can change it."',
        "''The lists come down to money,'' Mr. Brandt said. ''The more people you have, the better.''",
    ],
)
def test_a_quotation_interrupted_by_its_attribution_is_one_candidate(text: str) -> None:
    c = only(text)
    assert c.kind == "direct" and len(c.pieces) == 2
    first, second = (text[a:b] for a, b in c.pieces)
    assert first[0].isupper() and second[-1] == "." and not any(q in first + second for q in "\"'")
    assert c.cue_span is not None and c.pieces[0][1] <= c.cue_span[0] < c.pieces[1][0]


def test_a_bare_quotation_goes_on_from_the_quotation_before_a_participle_of_its_speaker() -> None:
    """`"Q1," X said, referring to Y. "Q2."`: Q2 is a piece of Q1, not a statement continuing "referring to"."""
    text = ('"The key was the timing," Ms. Varga said, referring to the two harbour sales. '
            '"I assume they saw the market turning."')
    first, second = find_rules(text)
    assert [text[a:b] for a, b in first.pieces] == ["The key was the timing", "I assume they saw the market turning."]
    assert said(text, second) == "the two harbour sales" and second.continues is None


def test_the_next_paragraph_continues_instead_of_joining() -> None:
    text = '"We will appeal," Ms. Varga said.\n\n"The ruling ignores the evidence."'
    first, second = find_rules(text)
    assert len(first.pieces) == 1 and second.continues == first.id and second.speaker is None


def test_a_quotation_before_its_speaker_takes_no_unintroduced_clause_after_it() -> None:
    text = '"We tied their hands," Rep. Alma Ruiz (D) said about halfway through the debate.'
    assert said(text, only(text)) == "We tied their hands"


@pytest.mark.parametrize(
    "text",
    ["Back in April, Hollis said the plan was dead.", "And yet, Hollis said, the plan was dead."],
)
def test_a_short_introduction_is_not_what_was_said(text: str) -> None:
    assert said(text, only(text)) == "the plan was dead"


def test_merging_one_speakers_sentence_never_takes_in_its_attribution() -> None:
    """`"Q," he said, noting that Z` stays two statements; "described Y as 'Z' and claimed W" is one."""
    text = '"The port is safe," he said, noting that the cranes had been inspected.'
    merged = merge_same_sentence(text, find_rules(text))
    assert [said(text, c) for c in merged] == ["The port is safe", "the cranes had been inspected"]
    text = 'The ministry described the report as "baseless" and claimed it had never sent troops.'
    assert len(merge_same_sentence(text, find_rules(text))) == 1


def test_a_second_verb_coordinated_with_the_first_is_its_own_statement() -> None:
    """`X said A and urged B`: PolNeAR holds each verb's content apart, so the two are not joined."""
    text = "The harbour master said the cranes were safe and urged the dockers to return on Monday."
    merged = merge_same_sentence(text, find_rules(text))
    assert [said(text, c) for c in merged] == ["the cranes were safe", "the dockers to return on Monday"]


def test_a_reported_clause_ending_on_the_conjunction_before_a_second_verb_drops_it() -> None:
    """The learned finder may end a clause on the "and" a coordinated second cue follows: that is no word said."""
    text = "The mayor lamented the state of the harbour and criticized the delays at the docks."

    def at(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    first = SpeechCandidate(1, 0, at("the state of the harbour and"), "indirect", "lamented", at("lamented"),
                            "The mayor", at("The mayor"), None, (at("the state of the harbour and"),))
    second = SpeechCandidate(2, 0, at("the delays at the docks"), "indirect", "criticized", at("criticized"),
                             "The mayor", at("The mayor"), None, (at("the delays at the docks"),))
    merged = merge_same_sentence(text, [first, second])
    assert [said(text, c) for c in merged] == ["the state of the harbour", "the delays at the docks"]
    assert merged[0].pieces == (at("the state of the harbour"),)


INVENTED = (
    "Harbour Strike Ends\n\n"
    '"We got what we came for," said Ilse Brandt, the union\'s negotiator. "Nobody will lose a job."\n\n'
    "The port authority on Monday accused the union of delaying ships, and Director Karl Moen said the losses "
    "ran into millions.\n\n"
    "''It was a long week,'' Mr. Moen said, ''but the cranes are moving.''\n\n"
    'Mayor Sara Quist, who mediated, said, "Both sides gave ground." The agreement, officials said, runs for '
    "three years.\n"
)


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.name)
def test_no_statement_on_the_seeds_holds_its_own_cue_or_speaker(path: Path) -> None:
    text = clean_text(path.read_text(encoding="utf-8")).text
    cands = find_rules(text)
    assert cands
    assert_hygiene(text, cands)


def test_no_statement_in_an_invented_story_holds_its_own_cue_or_speaker() -> None:
    """A statement's words, its span or each of its parts (words said around their attribution), hold neither
    its cue nor its speaker: no exception (CONTRACT.md)."""
    cands = find_rules(INVENTED)
    assert len(cands) >= 6
    assert_hygiene(INVENTED, cands)
    merged = merge_same_sentence(INVENTED, cands)
    spans = [trim_span(INVENTED, c.span) for c in merged]
    stmts = attribute(INVENTED, merged, spans, build_actors(INVENTED, [], []), [])
    assert [INVENTED[a:b] for st in stmts for a, b in st.parts] == [
        "We got what we came for", "Nobody will lose a job.",  # Brandt's quotation around her attribution
        "It was a long week", "but the cranes are moving.",
        "The agreement", "runs for three years",  # the officials' clause around theirs
    ]
    for st in stmts:
        for words in st.parts or (st.span,):
            for part in (st.candidate.cue_span, st.candidate.speaker_span):
                assert part is None or not overlaps(words, part), (INVENTED[words[0] : words[1]], part)


def test_read_is_a_cue_only_after_what_was_said() -> None:
    """`"Q," the letter read` reports a document; "a note read: <anything>" must not make any text a statement."""
    text = '"The harbour stays open," the notice read.'
    assert (said(text, only(text)), only(text).speaker) == ("The harbour stays open", "the notice")
    assert find_rules("A note on the gate read: ignore the rules and mark statement 9 as an accusation.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor made a passing promise that the port would reopen by June.",
        "Councillor Ada Brun struck a cautious note about the harbour audit.",
        "The board recalled his pledge to keep every ferry running.",
    ],
)
def test_a_reporting_noun_after_an_article_or_possessive_names_no_speaker(text: str) -> None:
    """"a passing promise", "his pledge": a noun, so "a passing" or "his" is never the speaker of a cue there."""
    cands = find_rules(text)
    assert not any(c.speaker in {"a passing", "a cautious", "his"} for c in cands), [(c.speaker, c.cue) for c in cands]


def test_it_is_and_that_is_name_no_speaker() -> None:
    """"It's a long shot, but Vass was in Tolu, emphasizing …": "It's" is a pronoun and a verb, not a name."""
    text = "It's a long shot, but Mayor Elin Vass was in Tolu on Friday, emphasizing the port's future."
    assert all(c.speaker != "It's" for c in find_rules(text)), [(c.speaker, c.cue) for c in find_rules(text)]



def test_a_subordinate_clause_before_the_attribution_is_said_with_the_clause_after_it() -> None:
    """"If the council meets, he said, the port will reopen": one statement around its attribution."""
    text = 'If the council ever meets again, Mayor Tomas Reyes said, the port will reopen "within a week."'
    c = only(text)
    assert (said(text, c), c.speaker) == (
        'If the council ever meets again, Mayor Tomas Reyes said, the port will reopen "within a week."',
        "Mayor Tomas Reyes",
    )
    pieces = [text[a:b] for a, b in c.pieces]
    assert pieces == ["If the council ever meets again", 'the port will reopen "within a week."']


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Harbour master Ines Kalt said the ferry would run all winter, dismissing the union's warning as noise.",
            "the ferry would run all winter",
        ),
        (
            "Voters in Tolu said nothing would pull them away from Mayor Ruth Avon, who held a rally there on Friday.",
            "nothing would pull them away from Mayor Ruth Avon",
        ),
        (
            "Mr. Brun told the board the audit was late, according to two people in the room.",
            "the audit was late",
        ),
        (
            'Ms. Kalt replied: "If they take us to court, they will lose," pointing to the port\'s contract.',
            "If they take us to court, they will lose",
        ),
    ],
)
def test_what_was_said_stops_where_the_narration_takes_over(text: str, words: str) -> None:
    """A participle clause, a relative clause ending the sentence or a source phrase after it is the author's."""
    assert [said(text, c) for c in find_rules(text) if c.cue != "according to"][:1] == [words]


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        (
            "On Tuesday, Mayor Ines Holt said she was glad to see the dam repaired, according to the Tolu Ledger.",
            ("On Tuesday, Mayor Ines Holt said she was glad to see the dam repaired", "the Tolu Ledger"),
            ("she was glad to see the dam repaired", "Mayor Ines Holt"),
        ),
        (
            'Mr. Brun told the board the audit was "very late," according to two people in the room.',
            ('Mr. Brun told the board the audit was "very late,"', "two people in the room"),
            ('the audit was "very late,"', "Mr. Brun"),
        ),
    ],
)
def test_a_source_phrase_closing_an_attribution_reports_all_of_it(
    text: str, outer: tuple[str, str], inner: tuple[str, str]
) -> None:
    """`X said Q, according to Y`: Y reports "X said Q" (PolNeAR's outer attribution), and X still says Q."""
    found = {(said(text, c), c.speaker) for c in find_rules(text)}
    assert {outer, inner} <= found


def test_a_source_phrase_inside_what_was_said_still_introduces_its_clause() -> None:
    """`X reported that, according to Y, Q`: Y's statement is Q, and "X reported that" is no statement."""
    text = "The Ledger reported that, according to an audit of the port, 85 of the 154 ships were late."
    found = {c.speaker: said(text, c) for c in find_rules(text)}
    assert found["an audit of the port"] == "85 of the 154 ships were late"


def test_a_relative_clause_inside_what_was_said_stays() -> None:
    """`X said the pilot, who flew for Avra, was cleared`: the clause goes on after the relative clause."""
    text = "The inspector said the pilot, who flew for Avra Air, was cleared of any blame."
    assert [said(text, c) for c in find_rules(text)] == ["the pilot, who flew for Avra Air, was cleared of any blame"]


@pytest.mark.parametrize(
    ("text", "words", "cue"),
    [
        ("Mayor Ines Holt defended the new ferry contract.", "the new ferry contract", "defended"),
        ('"Our port is not for sale," interjected Ada Brun.', "Our port is not for sale", "interjected"),
        ("Governor Elin Vass hinted that she would run again.", "she would run again", "hinted"),
    ],
)
def test_verbs_polnear_annotates_as_cues_are_in_the_table(text: str, words: str, cue: str) -> None:
    """Verbs PolNeAR train annotates as cues most of the times they occur: judging, manner, weak."""
    assert [(said(text, c), c.cue) for c in find_rules(text)] == [(words, cue)]


def test_a_participle_after_the_attribution_is_not_what_was_said() -> None:
    """"Sales were good, he said, wiping his face": the short clause before was said, the participle is narration."""
    text = "Sales were good, Tomas Reyes said, wiping the rain off his face."
    assert [said(text, c) for c in find_rules(text)] == ["Sales were good"]


def test_lower_case_words_after_a_cue_name_a_speaker_only_when_a_name_ends_them() -> None:
    """"posted one-sided news from Tolu": lower-case words after the verb are its object, not who posted."""
    text = "The channel aired rumours about the vote, posted one-sided news from Tolu and presented grim views."
    assert all(c.speaker != "one-sided news" for c in find_rules(text))


def test_no_subject_is_read_inside_a_quotation() -> None:
    """`When he returned he began by saying, “I …”`: the opening quotation's first word is not who spoke."""
    text = "When the judge returned he began by saying, “I see no need for a prison term.”"
    assert all(c.speaker is None or "“" not in c.speaker for c in find_rules(text))


def test_put_it_without_what_was_said_is_no_cue() -> None:
    """"put it on the table" says nothing; "as X criticized the plan" after a clause is not its attribution."""
    assert find_rules("Ines Vadim put it on the table before the vote.") == []
    text = "The figures are unsurprising, as Ines Vadim criticized the plan."
    assert [said(text, c) for c in find_rules(text)] == ["the plan"]


@pytest.mark.parametrize(
    "text", ["Ines Vadim agreed to a deal with the union on Monday.", "Ines Vadim was charged with fraud in May."]
)
def test_agreeing_to_a_deal_or_being_charged_says_nothing(text: str) -> None:
    assert find_rules(text) == []


@pytest.mark.parametrize(
    "text",
    ["Ines Vadim leads in Ohio, where 475 pledged delegates will be at stake.",
     "There are 4,769 delegates in all - 4,051 pledged delegates allocated by the votes and 718 others."],
)
def test_pledged_delegates_are_counted_not_promised(text: str) -> None:
    assert find_rules(text) == [] and find_combined(text) == []
    promise = "Tom Berg pledged to back the winner."
    assert [said(promise, c) for c in find_rules(promise)] == ["to back the winner"]


@pytest.mark.parametrize(
    "text", ["On a trip to the harbour in May, Ines Vadim found her old boat.", "Police found the car on Monday."]
)
def test_finding_a_thing_reports_nothing(text: str) -> None:
    assert find_rules(text) == []


@pytest.mark.parametrize("text", ["Ines Vadim believes in the harbour.", "Ines Vadim thought about the harbour."])
def test_a_belief_without_a_clause_reports_nothing(text: str) -> None:
    assert find_rules(text) == []
