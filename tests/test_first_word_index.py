"""A gazetteer checked through its first-word index finds what trying every name finds, in the same order."""

from extract.language.bodies import find_bodies
from extract.language.countries import countries, gazetteer_index
from extract.language.grounding import FirstWordIndex, could_occur, word_runs

ITEMS = [
    ("valdoria", ("Valdoria", "Brena", "the Valdorian Republic")),
    ("harbor", ("Harbor Watch",)),
    ("dotted", (".dot Registry",)),  # opens without a word character: may occur in any text
    ("none", ()),
    ("ostrava", ("Kelm", "Ostrava")),
]
TEXTS = [
    "Officials in Brena said on Tuesday that Kelm had not answered.",
    "Harbor Watch and the Valdorian Republic's envoy met in Ostrava.",
    "Nothing here names any of them.",
    "",
]


def by_every_name(runs: frozenset[str]) -> list[str]:
    return [item for item, names in ITEMS if any(could_occur(n, runs) for n in names)]


def test_index_picks_the_items_trying_every_name_picks() -> None:
    index = FirstWordIndex(ITEMS)
    for text in TEXTS:
        runs = word_runs(text)
        assert index.could_occur(runs) == by_every_name(runs)
    assert FirstWordIndex(ITEMS).could_occur(word_runs("Brena and Kelm")) == ["valdoria", "dotted", "ostrava"]


def test_gazetteer_index_keeps_every_country_once_in_order() -> None:
    text = "Beijing and Moscow answered; the White House and Paris did not. Officials in Kyiv waited."
    runs = word_runs(text)
    expected = [
        c for c in dict.fromkeys(countries().values()) if any(could_occur(n, runs) for n in (c.name, *c.aliases))
    ]
    assert gazetteer_index().could_occur(runs) == expected
    assert [c.name for c in expected] == ["United States", "China", "Russia", "Ukraine", "France"]


def test_listed_bodies_are_found_through_the_index() -> None:
    text = "The FBI and the Federal Bureau of Investigation were named, as was NATO; Reuters reported it."
    assert find_bodies(text) == [
        ("Federal Bureau of Investigation", "government"),
        ("NATO", "international_organization"),
        ("Reuters", "media"),
    ]
