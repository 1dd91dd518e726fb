"""Tests of the rule-based speech finder, on invented news sentences and on the seed article."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extract.language.speech import REPORTING_VERBS, SpeechCandidate, find_rules, split_sentences

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_d384c5b91ffa7ef4.txt"
SEED_RAW = ROOT / "seeds" / "001_f8d0df8f8433548f.txt"
GOLD = ROOT / "tests" / "gold" / "china-russia-war-machine.gold.json"

# (span text, kind, cue, speaker, continues)
Expected = tuple[str, str, str | None, str | None, int | None]


def said(text: str, cand: SpeechCandidate) -> str:
    return text[cand.span[0] : cand.span[1]]


def summary(text: str) -> list[Expected]:
    return [(said(text, c), c.kind, c.cue, c.speaker, c.continues) for c in find_rules(text)]


def check_invariants(text: str, cands: list[SpeechCandidate]) -> None:
    assert [c.id for c in cands] == list(range(1, len(cands) + 1))
    assert [c.span for c in cands] == sorted(c.span for c in cands)
    sentences = split_sentences(text)
    for c in cands:
        start, end = c.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        assert sentences[c.sentence].start <= start < sentences[c.sentence].end
        if c.speaker_span is not None:
            assert text[c.speaker_span[0] : c.speaker_span[1]] == c.speaker
        if c.cue is not None:
            assert c.cue_span is not None
            if "…" not in c.cue:
                assert re.sub(r"\s+", " ", text[c.cue_span[0] : c.cue_span[1]]) == c.cue
        if c.continues is not None:
            assert c.speaker is None and c.continues != c.id


# --------------------------------------------------------------------------------------------------------
# Patterns, one invented sentence (or two) each
# --------------------------------------------------------------------------------------------------------

PATTERNS: list[tuple[str, list[Expected]]] = [
    # "Q," X said.
    (
        '"We will rebuild every school," Mayor Anna Kowalska said.',
        [("We will rebuild every school", "direct", "said", "Mayor Anna Kowalska", None)],
    ),
    # "Q," said X.  (with an appositive and a date after the speaker)
    (
        '"This is not over," said Jana Novak, a spokeswoman for the Green Party, on Wednesday.',
        [("This is not over", "direct", "said", "Jana Novak", None)],
    ),
    # X said: "Q"
    (
        'The ministry said: "No civilians were harmed in the operation."',
        [("No civilians were harmed in the operation.", "direct", "said", "The ministry", None)],
    ),
    # X said "Q"
    (
        'Prime Minister Joe Bloggs said "the country is ready."',
        [("the country is ready.", "direct", "said", "Prime Minister Joe Bloggs", None)],
    ),
    # "Q1," X told Y. "Q2."  -> one quotation interrupted by its attribution (its pieces: see test_pieces)
    (
        '"The dam was never inspected," the engineer told reporters. "It was a disaster waiting to happen."',
        [
            ('The dam was never inspected," the engineer told reporters. "It was a disaster waiting to happen.',
             "direct", "told reporters", "the engineer", None),
        ],
    ),
    # "Q1," X said, "Q2."  -> one quotation
    (
        '"We are ready," she said, "and we will not back down."',
        [('We are ready," she said, "and we will not back down.', "direct", "said", "she", None)],
    ),
    # A quotation over two sentences before its attribution.
    (
        '"We expected more. We deserved more," he said.',
        [("We expected more. We deserved more", "direct", "said", "he", None)],
    ),
    # Curly quotes, a chain of bare quotation sentences.
    (
        "“We have done everything we can,” the fire chief said. “The rest is up to the weather.” “Pray.”",
        [
            ("We have done everything we can,” the fire chief said. “The rest is up to the weather.” “Pray.",
             "direct", "said", "the fire chief", None),
        ],
    ),
    # Single curly quotes used as quotation marks.
    (
        "‘It was a mistake,’ Mr. Brown admitted.",
        [("It was a mistake", "direct", "admitted", "Mr. Brown", None)],
    ),
    # A question quoted before the attribution stays in one sentence.
    (
        '"Why now?" Senator Ruth Okafor asked. "Nobody has explained the timing."',
        [
            ('Why now?" Senator Ruth Okafor asked. "Nobody has explained the timing.',
             "direct", "asked", "Senator Ruth Okafor", None),
        ],
    ),
    # CLAUSE, X said / told / added / warned
    (
        "Inflation will ease by the end of the year, the central bank said.",
        [("Inflation will ease by the end of the year", "indirect", "said", "the central bank", None)],
    ),
    (
        "The strike was planned for weeks, officials told Reuters on Tuesday.",
        [("The strike was planned for weeks", "indirect", "told Reuters", "officials", None)],
    ),
    (
        "Talks could resume next month, a spokesperson for the ministry added.",
        [("Talks could resume next month", "indirect", "added", "a spokesperson for the ministry", None)],
    ),
    (
        "The company will cut 2,000 jobs, Chief Executive Maria Lopez warned.",
        [("The company will cut 2,000 jobs", "indirect", "warned", "Chief Executive Maria Lopez", None)],
    ),
    (
        "The court ruled in favour of the plaintiffs, it said in a statement.",
        [("The court ruled in favour of the plaintiffs", "indirect", "said", "it", None)],
    ),
    # CLAUSE, X told journalists on DATE  (title + name speaker, the addressee in the cue)
    (
        "Rice exports will be halted from next week, Indian Trade Minister Ravi Menon told journalists on Oct. 2.",
        [(
            "Rice exports will be halted from next week", "indirect", "told journalists",
            "Indian Trade Minister Ravi Menon", None,
        )],
    ),
    # A reported clause holding partial quotes is one indirect candidate.
    (
        'The plant is running at "full capacity" despite "crippling" sanctions, its owner said.',
        [(
            'The plant is running at "full capacity" despite "crippling" sanctions', "indirect", "said",
            "its owner", None,
        )],
    ),
    # ... and "as quoted by" belongs to the cue, the speaker stays the person.
    (
        'The reactor is "perfectly safe," Ivanov said, as quoted by Interfax.',
        [('The reactor is "perfectly safe,"', "indirect", "said, as quoted by Interfax", "Ivanov", None)],
    ),
    # X said (DATE) (that) CLAUSE
    (
        "Police said on Tuesday that three suspects had been arrested.",
        [("three suspects had been arrested", "indirect", "said", "Police", None)],
    ),
    (
        "Health Minister Karen Smith said the vaccine was safe.",
        [("the vaccine was safe", "indirect", "said", "Health Minister Karen Smith", None)],
    ),
    (
        "WHO Director-General Maria Costa said in March that the outbreak was under control.",
        [("the outbreak was under control", "indirect", "said", "WHO Director-General Maria Costa", None)],
    ),
    (
        "The ministry said Tuesday it had summoned the ambassador.",
        [("it had summoned the ambassador", "indirect", "said", "The ministry", None)],
    ),
    (
        "Kowalski wrote in a post on X that the vote had been rigged.",
        [("the vote had been rigged", "indirect", "wrote", "Kowalski", None)],
    ),
    # According to X, CLAUSE / CLAUSE, according to X
    (
        "According to the World Health Organization, cases rose by 20% last week.",
        [("cases rose by 20% last week", "indirect", "According to", "the World Health Organization", None)],
    ),
    (
        "Cases rose by 20% last week, according to the World Health Organization.",
        [("Cases rose by 20% last week", "indirect", "according to", "the World Health Organization", None)],
    ),
    # An attribution inside its clause: the whole clause.
    (
        "The deal, officials said, could be signed within days.",
        [("The deal, officials said, could be signed within days", "indirect", "said", "officials", None)],
    ),
    # X described Y as "Z" / X called Y "Z"
    (
        'The opposition described the election as "a sham."',
        [("a sham.", "direct", "described … as", "The opposition", None)],
    ),
    (
        'The president called the report "fake news."',
        [('the report "fake news."', "indirect", "called", "The president", None)],
    ),
    (
        "The group called for an immediate ceasefire.",
        [("an immediate ceasefire", "indirect", "called for", "The group", None)],
    ),
    # claimed / denied / accused / alleged / insisted / warned that ...
    (
        "The ministry denied that its troops had crossed the border.",
        [("its troops had crossed the border", "indirect", "denied", "The ministry", None)],
    ),
    (
        "Human rights groups accused the army of torturing detainees.",
        [("the army of torturing detainees", "indirect", "accused", "Human rights groups", None)],
    ),
    (
        "He insisted that the funds had been spent legally.",
        [("the funds had been spent legally", "indirect", "insisted", "He", None)],
    ),
    (
        "Prosecutors alleged that the firm had hidden its losses.",
        [("the firm had hidden its losses", "indirect", "alleged", "Prosecutors", None)],
    ),
    # A coordinated second verb and a participle inherit the speaker.
    (
        'The embassy described the report as "baseless" and claimed it was never consulted.',
        [
            ("baseless", "direct", "described … as", "The embassy", None),
            ("it was never consulted", "indirect", "claimed", "The embassy", None),
        ],
    ),
    (
        "Residents said they had heard explosions overnight, adding that the power had been cut.",
        [
            ("they had heard explosions overnight", "indirect", "said", "Residents", None),
            ("the power had been cut", "indirect", "adding", "Residents", None),
        ],
    ),
    (
        "The agency issued a statement saying the data had been leaked.",
        [("the data had been leaked", "indirect", "saying", "The agency", None)],
    ),
    # Speakers behind an appositive, an introductory phrase, auxiliaries and adverbs.
    (
        "Carlos Mendes, the head of the port authority, said the delays would last weeks.",
        [("the delays would last weeks", "indirect", "said", "Carlos Mendes", None)],
    ),
    (
        "Speaking to reporters in Brussels, Stoltenberg said allies must do more.",
        [("allies must do more", "indirect", "said", "Stoltenberg", None)],
    ),
    (
        "Officials have long warned that the levees could fail.",
        [("the levees could fail", "indirect", "warned", "Officials", None)],
    ),
    (
        "Kremlin spokesman Dmitry Peskov also told reporters that Moscow was open to talks.",
        [("Moscow was open to talks", "indirect", "told reporters", "Kremlin spokesman Dmitry Peskov", None)],
    ),
    (
        "A Pentagon spokesman, Maj. Gen. Pat Ryder, said the strikes were defensive.",
        [("the strikes were defensive", "indirect", "said", "Maj. Gen. Pat Ryder", None)],
    ),
    (
        "The report, published by Amnesty International, said detainees had been tortured.",
        [("detainees had been tortured", "indirect", "said", "The report", None)],
    ),
    (
        "Two people familiar with the matter said the merger talks had stalled.",
        [("the merger talks had stalled", "indirect", "said", "Two people familiar with the matter", None)],
    ),
    (
        "The drought is the worst in living memory, farmers say.",
        [("The drought is the worst in living memory", "indirect", "say", "farmers", None)],
    ),
    # Present tense, and a second attribution in the same sentence.
    (
        "The UN says 2 million people have fled.",
        [("2 million people have fled", "indirect", "says", "The UN", None)],
    ),
    (
        "Britain's foreign secretary told parliament that sanctions would grow, while France said it would "
        "send aid.",
        [
            ("sanctions would grow", "indirect", "told parliament", "Britain's foreign secretary", None),
            ("it would send aid", "indirect", "said", "France", None),
        ],
    ),
    # A dateline is not part of the reported clause.
    (
        'BRUSSELS (Reuters) - EU leaders agreed to target the "shadow fleet" of tankers, diplomats said.',
        [('EU leaders agreed to target the "shadow fleet" of tankers', "indirect", "said", "diplomats", None)],
    ),
    # "According to" names its whole source; a lower-case role before a title still belongs to the name.
    (
        "According to NHS figures released last week, 7.6 million treatments are waiting.",
        [(
            "7.6 million treatments are waiting", "indirect", "According to",
            "NHS figures released last week", None,
        )],
    ),
    (
        'Shadow health secretary Victoria Atkins said the plan was "thin on detail".',
        [('the plan was "thin on detail"', "indirect", "said", "Shadow health secretary Victoria Atkins", None)],
    ),
    # Headline attribution with a colon and British single quotes.
    (
        "Starmer: 'We will fix the NHS, but it will take time'\n\nWatch: 'A very good day'",
        [("We will fix the NHS, but it will take time", "direct", ":", "Starmer", None)],
    ),
    # An attribution on its own line introduces the quotation on the next one.
    (
        "In a statement, the airline said:\n“All flights are suspended until further notice.”",
        [("All flights are suspended until further notice.", "direct", "said", "the airline", None)],
    ),
    # A bare attribution after the quotation (sloppy punctuation) attributes it.
    (
        "“We were not consulted.” The mayor said.",
        [("We were not consulted.", "direct", "said", "The mayor", None)],
    ),
    # An unclosed paragraph quote runs on into the next paragraph's attributed quotation.
    (
        '"The sanctions are working. Exports have collapsed,\n\n"We expect the pressure to grow," the envoy said.',
        [
            ("The sanctions are working. Exports have collapsed", "direct", None, None, 2),
            ("We expect the pressure to grow", "direct", "said", "the envoy", None),
        ],
    ),
    # A quotation run over paragraphs after its attribution: every paragraph opens with a quotation mark,
    # only the last closes; the middle paragraphs and the closed last one continue the speaker.
    (
        '"It was the hardest decision of my life," Varga said.\n\n"I have loved every day at this club.\n\n'
        '"I will miss the supporters most.\n\n"But the team needs a new voice now."\n\nThe club is quiet.',
        [
            ("It was the hardest decision of my life", "direct", "said", "Varga", None),
            ("I have loved every day at this club.", "direct", None, None, 1),
            ("I will miss the supporters most.", "direct", None, None, 1),
            ("But the team needs a new voice now.", "direct", None, None, 1),
        ],
    ),
    # "Q," said <title>, Name.: the name set off after the title speaks
    (
        "\"The evidence is clear,\" said the agency's director of legal affairs, Rutger Haelvoet.",
        [("The evidence is clear", "direct", "said", "Rutger Haelvoet", None)],
    ),
    # <description>, Name of the Y, said: the name before "of"
    (
        "Her closest rival, Anouk Bellamy of the Verdesca squad, said she was saddened by the news.",
        [("she was saddened by the news", "indirect", "said", "Anouk Bellamy", None)],
    ),
    # place phrases between the cue and "that" are about the saying
    (
        "Council member Rosa Dell said at a news conference outside City Hall that the filings were false.",
        [("the filings were false", "indirect", "said", "Council member Rosa Dell", None)],
    ),
    # according to <title>, Name, …: the name set off after the title is the source
    (
        "According to the governor of the Brusk district, Hana Lisovet, six of the dead were children.",
        [("six of the dead were children", "indirect", "According to", "Hana Lisovet", None)],
    ),
    # X who <clause> said: the phrase before the relative pronoun speaks
    (
        "A senior official who spoke on condition of anonymity told Reuters that the convoy had been hit.",
        [("the convoy had been hit", "indirect", "told Reuters", "A senior official", None)],
    ),
    # …, X, who told Y that …: the phrase set off before "who"
    (
        "The figures were disputed by a former nurse, Gareth Pryce, who told the group that cases went unlogged.",
        [("cases went unlogged", "indirect", "told the group", "Gareth Pryce", None)],
    ),
    # a relative clause holding a reporting verb is not the attribution when a main verb follows
    (
        "The mayor, who has denied wrongdoing, said the audit was flawed.",
        [("the audit was flawed", "indirect", "said", "The mayor", None)],
    ),
    (
        "Officials who asked not to be named said the talks had stalled.",
        [("the talks had stalled", "indirect", "said", "Officials", None)],
    ),
    # an inverted speaker followed by "of" + an organisation: the name speaks, not a clause starting mid-phrase
    (
        "\"The vote was a mess,\" said Ann Roe of the Tolu County delegation.",
        [("The vote was a mess", "direct", "said", "Ann Roe", None)],
    ),
    # a campaign role between names: "Roe ally Ann Lee", "party boss Ann Lee"
    (
        "\"Ann is a longtime friend of mine,\" said Roe ally Ted Lee.",
        [("Ann is a longtime friend of mine", "direct", "said", "Roe ally Ted Lee", None)],
    ),
    # a quotation before the attribution and another inside a phrase after it: the first was said
    (
        "\"The floods prove that we must act now,\" Roe says in the advert titled \"Rising.\"",
        [("The floods prove that we must act now", "direct", "says", "Roe", None)],
    ),
    # an age as the speaker's noun: "said the 46-year-old"
    (
        "\"Ann has always been a leader,\" said the 46-year-old.",
        [("Ann has always been a leader", "direct", "said", "the 46-year-old", None)],
    ),
    # an adverbial opening before `X said,` and a quotation after it: the quotation alone was said
    (
        "When asked why Lee went after Roe this week, Ann Tyler said, \"We have three weeks to go.\"",
        [("We have three weeks to go.", "direct", "said", "Ann Tyler", None)],
    ),
    (
        "In May, as a heckler was led out of the hall, Mr. Roe said, ''I would like to punch him.''",
        [("I would like to punch him.", "direct", "said", "Mr. Roe", None)],
    ),
    # after `X said CLAUSE`, a clause or predicate joined by ", and" / ", but" is the author's narration
    (
        "Ann Roe said the bridge would reopen in May, and the council voted to fund the repairs.",
        [("the bridge would reopen in May", "indirect", "said", "Ann Roe", None)],
    ),
    (
        "The mayor insists the budget is balanced, but critics have pointed to a gap of $3 million.",
        [
            ("the budget is balanced", "indirect", "insists", "The mayor", None),
            ("a gap of $3 million", "indirect", "pointed to", "critics", None),  # an attribution of its own
        ],
    ),
    # ... but not a phrase coordinated inside the reported clause, nor "and that" opening a second one
    (
        "Ann Roe said the town wants a new school, and a need to repair the old one.",
        [("the town wants a new school, and a need to repair the old one", "indirect", "said", "Ann Roe", None)],
    ),
    (
        "Ann Roe said the bridge was unsafe, and that the council had ignored the engineers.",
        [("the bridge was unsafe, and that the council had ignored the engineers", "indirect", "said", "Ann Roe",
          None)],
    ),
    # "As X said," opening a sentence introduces what follows, as "According to X," does (a weak verb too)
    (
        "As Ann Roe said, the bridge will not reopen before May.",
        [("the bridge will not reopen before May", "indirect", "said", "Ann Roe", None)],
    ),
    (
        "And as the Tolu Courier reported on Monday, the council never voted on the repairs.",
        [("the council never voted on the repairs", "indirect", "reported", "the Tolu Courier", None)],
    ),
    # an adverb of time between the speaker (or its auxiliary) and the cue: "can now say", "still says"
    (
        "Ann Roe can now say that the bridge was never safe.",
        [("the bridge was never safe", "indirect", "say", "Ann Roe", None)],
    ),
    (
        "The harbour master still says the cranes stood idle.",
        [("the cranes stood idle", "indirect", "says", "The harbour master", None)],
    ),
    # a plural noun after a proper adjective speaks as a bare plural does ("…, farmers said")
    (
        "At the market in Tolu, Norwegian traders say business is poor.",
        [("business is poor", "indirect", "say", "Norwegian traders", None)],
    ),
    # a title-case headline capitalises its cue too
    (
        "Tolu Port Chief Praises Harbour Workers For Their Courage.\n\nThe storm passed on Monday.",
        [("Harbour Workers For Their Courage", "indirect", "Praises", "Tolu Port Chief", None)],
    ),
    # a clause ending in a colon before a quotation: its subject speaks, whatever the verb (the colon is the cue)
    (
        "Ann Roe resisted: \"The council cannot close the bridge.\"",
        [("The council cannot close the bridge.", "direct", ":", "Ann Roe", None)],
    ),
    (
        "The harbour master issued the following statement:\n\n\"We will reopen the port on Monday.\"",
        [("We will reopen the port on Monday.", "direct", ":", "The harbour master", None)],
    ),
    # ... not a clause without a subject before its verb
    ("Wait, it gets better:\n\n\"We will reopen the port on Monday.\"", []),
    # "called upon" as "called on"
    (
        "Ann Roe called upon the council to reopen the bridge.",
        [("the council to reopen the bridge", "indirect", "called upon", "Ann Roe", None)],
    ),
    # "was quoted as saying" is no passive to drop: its subject said it (general news, L3S-GN1)
    (
        '"There is no question of the bridge closing," harbour chief Ann Roe was quoted as saying by the Tolu Post.',
        [("There is no question of the bridge closing", "direct", "quoted as saying", "harbour chief Ann Roe", None)],
    ),
    (
        "Ann Roe is quoted as saying that the ferry will run all winter.",
        [("the ferry will run all winter", "indirect", "quoted as saying", "Ann Roe", None)],
    ),
    # ... while "was told" stays a passive: its subject heard it
    ("Ann Roe was told that the ferry will run all winter.", []),
    # a bare quotation after narration about one person: that person said it (the subject's verb is the cue)
    (
        "Harbour boss Ann Roe remained confident that the ferry would sail.\n\n"
        '"We are hoping we can get things done. The crew is ready."',
        [("We are hoping we can get things done. The crew is ready.", "direct", "remained", "Harbour boss Ann Roe",
          None)],
    ),
    # ... not after a pronoun (attribution may resolve it to the wrong one), a plural, a thing, a question or a
    # sentence holding a quotation
    ('Still, he offers no apologies. "I hope people see that I know the harbour."', []),
    ('Despite the storm, the sailors have all stayed calm. "We are like a family on this boat."', []),
    ('It also includes a larger engine. "Engines like this are standard in the class."', []),
    ('What are you doing this winter?\n\n"We take a look at every harbour in the north."', []),
    ('Ann Roe visited the "harbour heroes" last week. "They worked for three days without sleep."', []),
    # ... a lone capitalised word only when the story names it again
    ('Voices like these proved decisive last year. "We will enter the next winter without a plan."', []),
    (
        'Ann Roe runs the ferry. Roe is upbeat about the winter. "We will sail every day of the year."',
        [("We will sail every day of the year.", "direct", "is", "Roe", None)],
    ),
    # ... nor after a word the story also writes in lower case, nor after a line with no finite verb
    ('New ferries are due. New features include a larger deck. "We are excited about the new ferry."', []),
    ('Ann Roe also making the trip to Tolu.\n\n"We need to win these games, no question."', []),
    # before the cue both clauses were said
    (
        "The bridge is unsafe, and the council ignored the engineers, Ann Roe said.",
        [("The bridge is unsafe, and the council ignored the engineers", "indirect", "said", "Ann Roe", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PATTERNS, ids=[t[:40] for t, _ in PATTERNS])
def test_patterns(text: str, expected: list[Expected]) -> None:
    cands = find_rules(text)
    check_invariants(text, cands)
    assert summary(text) == expected


def test_offsets_are_exact() -> None:
    text = 'Intro line.\n\n"Prices will fall," Lee said. Markets, she added, "remain nervous."'
    cands = find_rules(text)
    check_invariants(text, cands)
    first = cands[0]
    assert first.span == (text.index("Prices"), text.index(',"'))
    assert first.sentence == 1
    assert first.speaker_span == (text.index("Lee"), text.index("Lee") + 3)
    assert first.cue_span == (text.index("said"), text.index("said") + 4)


def test_direct_quote_sentence_without_previous_attribution_is_not_a_candidate() -> None:
    text = 'The river burst its banks overnight.\n\n"It came so fast."\n\nRescuers worked until dawn.'
    assert find_rules(text) == []


# --------------------------------------------------------------------------------------------------------
# Precision: plain narration and scare quotes give nothing
# --------------------------------------------------------------------------------------------------------

NARRATION = [
    "The bridge, which links the two halves of the city, was closed for repairs in March. Traffic has since "
    "been diverted through the old town, where narrow streets have struggled to cope.",
    "Farmers in the region have been hit hard by the drought. Wheat yields fell by a third last year, and "
    "many families have left for the cities in search of work.",
    'The film, a so-called "director\'s cut," runs for nearly four hours. It opens with a long shot of an '
    "empty stadium.",
    "The company was founded in 1998 by two brothers from St. Louis. It now employs more than 4,000 people "
    "in 12 countries.",
    'A "state of emergency" was declared in three provinces after the floods.',
    "The museum's director, who was appointed in 2020, oversaw the renovation.",
    "Members of the team were told to wait.",
    "He was accused of bribery in 2015 and acquitted two years later.",
    "The governor declined to say whether he would run again.",
    "The workers' union met on Thursday. It's the third meeting this year.",
    "Many residents, unable to pay their bills, have turned to food banks, and the city's 'winter shelters' "
    "are full.",
    "The minister did not say when the talks would resume.",
    "The mayor didn’t say when the bridge would reopen.",  # a typographic apostrophe negates as well
    "The claims were investigated by police. Reports of looting could not be verified.",
    "Media reports of the fire spread quickly, and the claims about arson were later dropped.",
]


@pytest.mark.parametrize("text", NARRATION, ids=[t[:30] for t in NARRATION])
def test_narration_has_no_candidates(text: str) -> None:
    assert summary(text) == []


def test_realistic_paragraphs_precision() -> None:
    text = (
        "Floodwaters receded across the delta on Thursday, leaving behind mud-caked homes and ruined crops.\n\n"
        "More than 40,000 people were moved to shelters, the regional governor said. The army deployed "
        "helicopters to reach villages cut off by the water.\n\n"
        '"We lost everything," said Amina Diallo, a rice farmer. "The water came up to the roof."\n\n'
        "Aid groups have warned that cholera could spread in the camps. The government has promised "
        "compensation, but many farmers doubt it will arrive before the planting season."
    )
    cands = find_rules(text)
    check_invariants(text, cands)
    assert [(said(text, c), c.speaker, c.continues) for c in cands] == [
        ("More than 40,000 people were moved to shelters", "the regional governor", None),
        ('We lost everything," said Amina Diallo, a rice farmer. "The water came up to the roof.',
         "Amina Diallo", None),
        ("cholera could spread in the camps", "Aid groups", None),
    ]


# --------------------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------------------

SPLITS = [
    ("The U.S. and the U.K. signed the deal. It takes effect in May.",
     ["The U.S. and the U.K. signed the deal.", "It takes effect in May."]),
    ("He met Gen. Mark Hale on Sept. 10. They spoke for an hour.",
     ["He met Gen. Mark Hale on Sept. 10.", "They spoke for an hour."]),
    ("Prices rose 3.5% in a year. The central bank held rates.",
     ["Prices rose 3.5% in a year.", "The central bank held rates."]),
    ("The meeting ended at 5 p.m. Officials left soon after.",
     ["The meeting ended at 5 p.m.", "Officials left soon after."]),
    ("The meeting ended at 5 p.m. on Tuesday. It starts at 9 a.m. ET tomorrow.",
     ["The meeting ended at 5 p.m. on Tuesday.", "It starts at 9 a.m. ET tomorrow."]),
    ("Carlos M. Pereira spoke. Dr. Ng and St. Louis Mayor Tishaura Jones attended.",
     ["Carlos M. Pereira spoke.", "Dr. Ng and St. Louis Mayor Tishaura Jones attended."]),
    ("It is the No. 1 priority, Mr. Smith said. Acme Inc. declined to comment.",
     ["It is the No. 1 priority, Mr. Smith said.", "Acme Inc. declined to comment."]),
    ('The talks failed. "This is a war," he said. "We will win." Nobody replied.',
     ["The talks failed.", '"This is a war," he said.', '"We will win."', "Nobody replied."]),
    ("“It will end in a war.” Analysts agree.", ["“It will end in a war.”", "Analysts agree."]),
    ('"Why now?" Senator Ruth Okafor asked. Nobody answered.',
     ['"Why now?" Senator Ruth Okafor asked.', "Nobody answered."]),
    ("Who is to blame? Nobody knows! The end…", ["Who is to blame?", "Nobody knows!", "The end…"]),
    ("Sales rose at Acme Corp. The firm said profits doubled.",
     ["Sales rose at Acme Corp.", "The firm said profits doubled."]),
    ("A headline without a full stop\nThe first paragraph.\n\n  Second paragraph, no stop  \n",
     ["A headline without a full stop", "The first paragraph.", "Second paragraph, no stop"]),
    ("The book (pp. 4-5) is e.g. useful, i.e. short.", ["The book (pp. 4-5) is e.g. useful, i.e. short."]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS, ids=[t[:30] for t, _ in SPLITS])
def test_split_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [text[s.start : s.end] for s in sentences] == expected
    assert [s.index for s in sentences] == list(range(len(expected)))


def test_split_sentences_empty() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []
    assert find_rules("") == []


def test_reporting_verbs_constant_has_all_tenses() -> None:
    for form in ("say", "says", "said", "saying", "told", "tells", "according to", "as quoted by", "wrote"):
        assert any(form in forms for forms in REPORTING_VERBS.values())


# --------------------------------------------------------------------------------------------------------
# Seed article: recall of the gold statements
# --------------------------------------------------------------------------------------------------------


def _norm(name: str) -> str:
    return re.sub(r"^the\s+", "", re.sub(r"[^\w\s]", "", name.lower())).strip()


def seed_recall(path: Path) -> tuple[int, int, list[str]]:
    """Required gold statements overlapped by a candidate whose speaker resolves to the gold speaker."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    cands = find_rules(text)
    check_invariants(text, cands)
    by_id = {c.id: c for c in cands}
    names = {a["name"]: [a["name"], *a["aliases"]] for a in gold["actors"]}

    def resolves(cand: SpeechCandidate, speaker: str) -> bool:
        while cand.continues is not None:
            cand = by_id[cand.continues]
        if cand.speaker is None:
            return False
        spoken = _norm(cand.speaker)
        if spoken in {"he", "she", "they", "it", "we"}:
            return True
        return any(re.search(rf"\b{re.escape(_norm(n))}\b", spoken) for n in names[speaker])

    required = [s for s in gold["statements"] if s["required"]]
    misses = []
    for statement in required:
        start = text.index(statement["text"])
        end = start + len(statement["text"])
        if not any(c.span[0] < end and start < c.span[1] and resolves(c, statement["speaker"]) for c in cands):
            misses.append(statement["text"])
    return len(required) - len(misses), len(required), misses


def test_a_capitalised_verb_is_a_cue_only_in_a_title_case_headline() -> None:
    """ "Says" in a name or at a sentence's start outside a headline is not read as a cue of a title-case line."""
    text = "The Says Family owns the Tolu ferry. Roe Praises was the mayor of Tolu in the past."
    assert find_rules(text) == []


@pytest.mark.parametrize("path", [SEED, SEED_RAW], ids=["clean", "raw-scrape"])
def test_seed_recall(path: Path) -> None:
    found, total, misses = seed_recall(path)
    print(f"\nseed recall {path.name}: {found}/{total}")
    assert misses == []


def test_seed_candidates() -> None:
    text = SEED.read_text(encoding="utf-8")
    got = summary(text)
    assert got[0][2:4] == ("told journalists", "U.S. Deputy Secretary of State Kurt Campbell")
    assert got[1][2:4] == ("said, as quoted by Politico", "Campbell")
    assert got[2][2:4] == ("According to", "the U.S.")
    assert got[4] == ("These are basically being applied directly to the Russian war machine.", "direct", None,
                      None, 4)
    assert (
        "alliance members agree that China is a \"decisive enabler\" of Russia's full-scale invasion of Ukraine",
        "indirect", "said", "NATO Secretary General Jens Stoltenberg", None,
    ) in got
    assert ("provocative", "direct", "described … as", "Beijing", None) in got
    # The narration sentences (positioning, Blinken "singled out") give no candidate.
    assert len(got) == 11


@pytest.mark.parametrize(
    "line",
    ["TIRANA, Oct 12 - ", "WASHINGTON (Reuters) — ", "KYIV, Ukraine, March 3 (AP) -- ", "NEW YORK, Jan. 5, 2024 -- ",
     "BRUSSELS — ", "SAN JOSE, Calif. (AP) — "],
)
def test_a_dateline_is_not_part_of_the_first_sentence_nor_its_speaker(line: str) -> None:
    text = line + "The opposition party accused the government of buying votes."
    (sentence,) = split_sentences(text)
    assert text[sentence.start:sentence.end].startswith("The opposition party accused")
    (candidate,) = find_rules(text)
    assert candidate.speaker == "The opposition party"
    assert text[candidate.span[0]:candidate.span[1]] == "the government of buying votes"


def test_capitals_that_are_not_a_dateline_stay() -> None:
    text = "NATO - the alliance - said it would meet."
    assert text[split_sentences(text)[0].start:] == text
