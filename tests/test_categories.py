"""The model's war categories are kept for war and replaced by the sentence's own wrong otherwise."""

from __future__ import annotations

import pytest

from extract.language.categories import plausible_category


@pytest.mark.parametrize(
    ("category", "sentence", "expected"),
    [
        ("war_crimes", "The regulator said Meridian sold mislabelled baby formula.", "fraud"),
        ("war_crimes", "Delgarno said the mayor misused campaign money for holidays.", "corruption"),
        ("armed_aggression", "The opposition accused the party of buying votes in Shkoder.", "election_interference"),
        ("military_support", "The trust knew it had a problem and chose not to say so.", "other"),
        ("war_crimes", "Kestria said Valdonian artillery shelled the town, killing civilians.", "war_crimes"),
        ("military_support", "China is feeding the Russian defense industry.", "military_support"),
        ("corruption", "The minister took bribes, the prosecutor said.", "corruption"),  # not a war category
    ],
)
def test_a_war_category_needs_war_in_its_sentence(category: str, sentence: str, expected: str) -> None:
    assert plausible_category(category, sentence) == expected


@pytest.mark.parametrize(
    ("category", "sentence", "expected"),
    [
        # a political claim the model files under corruption, whose words name another wrong or none
        ("corruption", "The agency said Moravian intelligence hacked the party's email servers.", "cyberattack"),
        ("corruption", "A former hostess said the developer groped her at a gala in 1998.", "misconduct"),
        ("corruption", "Halvorsen called the inquiry a witch hunt that is not playing fair.", "other"),
        ("human_rights", "Okafor said the senator lied about the pipeline deal.", "disinformation"),
        ("fraud", "Regulators said the lender bilked retirees out of their savings.", "fraud"),  # its own words
        # between the war categories the words decide too: a danger posed is no war crime
        ("war_crimes", "Their work on military technologies could pose a danger to Orland.", "military_support"),
    ],
)
def test_every_category_needs_its_own_words_in_the_sentence(category: str, sentence: str, expected: str) -> None:
    assert plausible_category(category, sentence) == expected


@pytest.mark.parametrize(
    ("category", "sentence", "expected"),
    [
        # voters or an election named are the domain of a claim, not a wrong done to a vote
        ("election_interference", "Graves said the plan has badly hurt the senator with young voters.", "other"),
        ("corruption", "Imre said the tycoon used loopholes in a rigged tax system.", "other"),
        ("corruption", "Imre said the tycoon rigged the primary in Orland.", "election_interference"),
        ("other", "Monitors said the ruling party stuffed ballots and intimidated voters.", "election_interference"),
    ],
)
def test_election_interference_needs_a_wrong_done_to_a_vote(category: str, sentence: str, expected: str) -> None:
    assert plausible_category(category, sentence) == expected


@pytest.mark.parametrize(
    ("category", "sentence", "expected"),
    [
        # an attack made with words is no war: "attack" alone, with no other word of war, names no armed aggression
        ("armed_aggression", "Reed said Quill had personally attacked his wife and his father.", "other"),
        ("armed_aggression", "There are good reasons to attack and critique Quill, but that tweet was outrageous.",
         "other"),
        ("other", "Orland attacked Pellia with missiles and troops at dawn.", "armed_aggression"),
        # "doing everyone a favor" is an idiom; favors handed out are what corruption trades in
        ("corruption", "Quill said he was simply doing everyone a favor by putting the story to rest.", "other"),
        ("other", "Reed said Quill traded favors to foreign donors for access.", "corruption"),
        # a false story by its name is disinformation
        ("corruption", "Reed said Quill was the one who started the birther controversy.", "disinformation"),
    ],
)
def test_words_of_an_attack_a_favor_or_a_false_story_decide_as_they_are_meant(category: str, sentence: str,
                                                                            expected: str) -> None:
    assert plausible_category(category, sentence) == expected


@pytest.mark.parametrize(
    ("category", "sentence", "expected"),
    [
        ("other", "Police said the singer was driving while drunk and was found in possession of cocaine.", "crime"),
        ("corruption", "The sergeant said the actor was arrested on suspicion of drunken driving.", "crime"),
        ("other", "Prosecutors said the cabbie was charged with dangerous driving after the hit-and-run.", "crime"),
        ("war_crimes", "The court heard that the pair kidnapped a courier and set fire to his van.", "crime"),
        ("other", "The council said the minister was slow to explain the delay.", "other"),  # no crime named
    ],
)
def test_everyday_crimes_of_police_and_court_news_are_crime(category: str, sentence: str, expected: str) -> None:
    assert plausible_category(category, sentence) == expected
