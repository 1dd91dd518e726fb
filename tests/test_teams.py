"""Teams and players in a sports story: lone names the article keeps writing become actors of a kind."""

from __future__ import annotations

from extract.language.actors import build_actors
from extract.language.participation import taking_part
from extract.language.teams import is_sports_story, team_or_player

MATCH_REPORT = (
    "Harwick hold on\n\n"
    "Harwick beat Tollmere 2-1 at the stadium on Saturday to climb out of the bottom three. The coach praised "
    "his defenders after the halftime break, when the referee waved away two penalty appeals from the "
    "visitors' midfielder and their striker.\n\n"
    "Tollmere had led through a header, but the Gorvans answered twice after Velasco curled his shot into the "
    "top corner, and the Gorvans held on in a frantic finish as Tollmere pressed for an equaliser.\n\n"
    "Tollmere sit a point behind, and Velasco, who joined in the summer, has scored in three straight games.\n"
)
POLITICS = (
    "Border talks\n\n"
    "The Gorvans protested outside the ministry on Monday, and the minister said the Gorvans would be heard. "
    "Velasco, a farmer, said his village had waited years; the Gorvans marched again on Tuesday, and Velasco "
    "spoke for his neighbours.\n"
)


def _kept(text: str) -> dict[str, str]:
    """Name -> kind of the actors kept when nobody speaks or is accused (as `taking_part` decides)."""
    return {d.name: d.kind for d in taking_part(text, build_actors(text, [], []), set(), [], [])}


def test_a_match_report_is_a_sports_story_and_a_protest_is_not() -> None:
    assert is_sports_story(MATCH_REPORT)
    assert not is_sports_story(POLITICS)


def test_in_a_sports_story_the_sides_are_organizations_and_a_scorer_a_person() -> None:
    kept = _kept(MATCH_REPORT)
    assert kept.get("Gorvans") == "organization"  # "the Gorvans": a side
    assert kept.get("Tollmere") == "organization"
    assert kept.get("Velasco") == "person"  # "Velasco curled his shot"


def test_outside_sport_the_same_lone_words_stay_out_when_they_take_no_part() -> None:
    kept = _kept(POLITICS)
    assert "Gorvans" not in kept  # a people in a politics story is a group, not a team


def test_a_name_after_the_is_a_side_whatever_pronoun_follows() -> None:
    text = "Later the Gorvans' locker room emptied, and his voice was hoarse."
    start = text.index("Gorvans")
    assert team_or_player(text, [(start, start + len("Gorvans"))]) == "organization"


def test_a_football_club_is_named_by_fc() -> None:
    kinds = {
        d.name: d.kind
        for d in build_actors("Badge row\n\nHarwick United FC denied copying the badge of Tollmere FC.\n", [], [])
    }
    assert kinds.get("Harwick United FC") == "organization"
    assert kinds.get("Tollmere FC") == "organization"


def test_a_player_written_once_in_a_match_report_is_an_actor_when_a_deed_follows() -> None:
    text = MATCH_REPORT + "Tollmere went close when Okonjo struck the bar, and Brannagh shone in goal.\n"
    names = {d.name for d in build_actors(text, [], [])}
    assert "Okonjo" in names  # once, mid-sentence, before a past deed, in a sports story
    assert "Brannagh" not in names  # once, and no deed after: as likely a word as a name


def test_outside_sport_a_word_written_once_is_no_name() -> None:
    text = POLITICS + "The minister spoke when Okonjo arrived.\n"
    assert "Okonjo" not in {d.name for d in build_actors(text, [], [])}


def test_a_peoples_nickname_joins_its_regular_plural() -> None:
    text = MATCH_REPORT + (
        "The cricket row went on. The bowler said the Aussies had been wronged, and the umpire warned "
        "the Australians; the batsman said the Australians and the Aussies would appeal against the wicket.\n"
    )
    actors = {d.name: d for d in build_actors(text, [], [])}
    assert "Aussies" not in actors  # no second actor for the same side
    assert "Aussies" in actors["Australians"].aliases
