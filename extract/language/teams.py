"""Teams in a sports story: a lone name the article keeps writing ("Bolton", "the Aussies") is a side, not a thing.

`proper_nouns.recurring_names` gives such words kind "other", and `participation.taking_part` drops an "other"
that neither speaks nor is accused; but in a match report the clubs and national sides are the actors, the
accused of a sledging row as often as its players. Only a story the sports words mark as one is read so:
"the Australians" of a politics story are a people, a group, not a team.
"""

from __future__ import annotations

import re

#: Words only sport uses (not "game", "goal", "match", "season", "test": politics uses those too).
SPORTS_WORDS = frozenset(
    {"coach", "striker", "strikers", "defender", "defenders", "midfielder", "midfield", "goalkeeper", "innings",
     "wicket", "wickets", "cricket", "football", "soccer", "basketball", "baseball", "hockey", "rugby", "tennis",
     "golf", "playoff", "playoffs", "quarterback", "touchdown", "referee", "halftime", "half-time", "stadium",
     "batsman", "bowler", "rebounds", "3-pointer", "fastbreak", "dunk", "pitcher", "umpire", "sledging",
     "teammate", "teammates", "squad", "scrum", "fixtures", "free-kick", "corner-kick", "equaliser", "equalizer",
     "keeper", "header", "kick-off", "goalless", "scoreline", "batting", "bowling"}
)  # fmt: skip
#: Capitalised words of sport that name an event or a competition, not a side ("the Sydney Test", "Nations Cup").
NOT_SIDES = frozenset({"Test", "Tests", "Nations", "Cup", "Series", "Open", "Slam", "Olympics", "Games", "Premiership"})
#: Distinct sports words a story must hold to be read as one.
_LEAST_SPORTS_WORDS = 3
#: A person's pronoun in the same clause right after a name: "Cassio accumulating his fourth yellow card".
_PERSON_AFTER = re.compile(r"[^.;!?\n]{0,40}?\b(?:he|his|him|she|her|himself|herself)\b")
#: A capitalised word between the name and that pronoun: the pronoun may be another's ("Bolton beat Jones, his").
_NAME_BETWEEN = re.compile(r"\s[A-Z][a-z]")
_THE_BEFORE = re.compile(r"\b[Tt]he\s$")
#: Verbs of a deed in a match report, in the past: a lone name written once before one is a doer, a player or a
#: side ("when Anelka curled", "Toronto escaped", "Gabri set up"); regular ones end in "-ed".
PAST_DEEDS = frozenset({"beat", "set", "left", "won", "lost", "hit", "struck", "scored", "made", "came", "went", "ran",
                        "took", "gave", "got", "shot", "threw", "broke", "led", "fell", "held", "kept", "drew", "sent"})
_DEED_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
#: Lower-case words before a surname that make it the end of a longer name ("Robin van Persie", "Hall of Famer").
_PIECE_BEFORE = re.compile(r"\b(?:of|van|von|de|der|den|du|da|di|le|la)[ \t]+$")
_IN_BEFORE = re.compile(r"\b[Ii]n\s$")


def is_sports_story(text: str) -> bool:
    """Whether the text holds enough words only sport uses to be a sports story."""
    words = set(re.findall(r"[a-z][a-z0-9-]+", text.lower()))
    return len(words & SPORTS_WORDS) >= _LEAST_SPORTS_WORDS


def team_or_player(text: str, mentions: list[tuple[int, int]]) -> str:
    """The kind of a lone name in a sports story: "person" when a his or her follows it, else "organization".

    A name written after "in" anywhere is a place, left "other".

    A name the text writes after "the" is a side whatever follows ("the Lakers' locker room … his voice").
    """
    if any(_THE_BEFORE.search(text, max(0, start - 4), start) for start, _ in mentions):
        return "organization"
    if any(_IN_BEFORE.search(text, max(0, start - 4), start) for start, _ in mentions):
        return "other"  # "the second Test in Sydney": where a match is played, not who plays it
    for _, end in mentions:
        after = _PERSON_AFTER.match(text, end)
        if after and not _NAME_BETWEEN.search(after[0]):
            return "person"
    return "organization"


def named_as_doer(text: str, word: str) -> bool:
    """Whether a lone name is written right before a past deed ("when Anelka curled"), not inside a longer name."""
    for match in re.finditer(rf"(?<![\w.'’-]){re.escape(word)}(?![\w'’-])", text):
        deed = _DEED_AFTER.match(text, match.end())
        if (
            deed
            and (deed[1].endswith("ed") or deed[1] in PAST_DEEDS)
            and not _PIECE_BEFORE.search(text, max(0, match.start() - 5), match.start())
        ):
            return True
    return False
