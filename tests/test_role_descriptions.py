"""A person described by a role or an age ("the Spurs boss", "the 27-year-old") is the one the text gave it.

Invented match reports and court stories, run through the finder, the text's actors and attribution as
`test_speaker_resolution` does.
"""

from __future__ import annotations

from extract.language.role_descriptions import age_of, role_words, shows
from tests.test_speaker_resolution import _speakers

_MATCH = (
    "Derby Win\n\nHarbury boss Tomas Kerrigan praised his players after the 3-1 win over Lowmoor. Ivo Maddox, 27, "
    "scored twice.\n\n\"It was a fine afternoon for us,\" said the Harbury boss.\n\n\"My legs were gone,\" the "
    "27-year-old said.\n"
)


def test_a_role_description_is_the_person_the_text_gave_that_role_not_the_one_named_last() -> None:
    speakers = _speakers(_MATCH)
    assert speakers["It was a fine afternoon for us"] == "Tomas Kerrigan"  # Maddox was named last


def test_an_age_description_is_the_person_whose_age_the_text_wrote() -> None:
    assert _speakers(_MATCH)["My legs were gone"] == "Ivo Maddox"


def test_a_prosecutor_is_the_district_attorney_named_before() -> None:
    text = (
        "Bail Hearing\n\nDistrict Attorney Nora Vell will ask the court to revoke the bail of Edwin Tarr on "
        "Friday. Tarr was arrested in March.\n\nThe prosecutor said Tarr had contacted a witness.\n"
    )
    assert _speakers(text)["Tarr had contacted a witness"] == "Nora Vell"


def test_a_role_nobody_was_given_stays_a_description() -> None:
    text = (
        "Derby Win\n\nIvo Maddox scored twice as Harbury beat Lowmoor 3-1 on Saturday.\n\n\"We were "
        "the better side,\" said the Harbury boss.\n"
    )
    assert _speakers(text)["We were the better side"] != "Ivo Maddox"  # the scorer named before is no boss


def test_a_qualified_role_needs_its_qualifier() -> None:
    assert role_words(["defence"], "minister") == ("defence minister",)
    assert not shows("prime minister", role_words(["defence"], "minister"), None)
    assert shows("tottenham manager", role_words(["Spurs"], "boss"), None)
    assert age_of(["19-year-old", "rookie"], "defenseman") == "19"
    assert shows("maddox 27", (), "27") and not shows("maddox 127", (), "27")


def test_an_age_no_name_carries_is_the_person_named_first_in_the_sentence_before() -> None:
    text = (
        "Ice Hockey\n\nDefenseman Ivo Maddox missed the first 30 games of the season after knee surgery. He was "
        "hurt again on Friday in a play that the 24-year-old said was dirty. Coach Ted Nolan agreed.\n"
    )
    assert _speakers(text)["was dirty"] == "Ivo Maddox"
    other = text.replace("He was hurt", "Coach Ted Nolan said he was hurt")  # another name opens its sentence
    assert _speakers(other)["was dirty"] != "Ivo Maddox"
