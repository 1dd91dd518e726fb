"""The country gazetteer: a country and the other names news uses for it (capital, seat of government).

Read by actors (to make "Beijing" and "China" one actor), places and the corpus tools; it imports nothing
of theirs, so any of them can import it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from extract.language.grounding import FirstWordIndex


@dataclass(frozen=True)
class Country:
    """A country and the other names news uses for it (capital, seat of government, abbreviations)."""

    name: str
    aliases: tuple[str, ...]


@cache
def countries() -> dict[str, Country]:
    """Lower-cased name or alias -> Country, from the packaged gazetteer."""
    raw = resources.files("extract").joinpath("data/countries.json").read_text(encoding="utf-8")
    table: dict[str, Country] = {}
    for item in json.loads(raw):
        country = Country(item["name"], tuple(item["aliases"]))
        for key in (country.name, *country.aliases):
            table[name_key(key)] = country
    return table


def country_named(name: str) -> Country | None:
    """The gazetteer country a name or alias stands for ("Beijing", "the PRC" -> China), else None."""
    return countries().get(name_key(name))


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """Compare names ignoring case, dots, spaces and a leading "the": "U. S." is "US" is "the U.S."."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"[.\s’']", "", name).lower()


@cache
def gazetteer_index() -> FirstWordIndex[Country]:
    """Every country once, in the gazetteer's order, found from an article's word runs (`could_occur`)."""
    return FirstWordIndex((c, (c.name, *c.aliases)) for c in dict.fromkeys(countries().values()))


@lru_cache(maxsize=1024)
def demonyms(country: str) -> frozenset[str]:
    """Regular adjectives of a country's name: Kestria -> Kestrian, China -> Chinese, Israel -> Israeli.

    A plural name's singular is its adjective too: Philippines -> Philippine.
    """
    stem = country[:-1] if country[-1:] in "aeiouy" else country
    plural = {country[:-1]} if country.endswith("s") else set()  # "Philippine" of the Philippines
    return frozenset({country + "n", country + "an", stem + "ian", stem + "ese", stem + "i", stem + "ish", stem + "an"}
                     | plural)


@lru_cache(maxsize=1)
def all_demonyms() -> frozenset[str]:
    """The regular adjectives of every gazetteer country ("Russian", "Turkish", "Philippine")."""
    return frozenset(d for c in countries().values() for d in demonyms(c.name))


#: Nationality words no rule derives from the country's name (`demonyms` gives the regular ones): the adjective,
#: and the noun for one of its people ("the Spaniard said"). A word alone names no actor; which country it is
#: of is not needed there, so the table lists words only.
IRREGULAR_DEMONYMS = frozenset({
    "French", "Frenchman", "Frenchwoman", "British", "Brit", "English", "Englishman", "Englishwoman", "Scottish",
    "Scot", "Scotsman", "Welsh", "Welshman", "Irish", "Irishman", "Dutch", "Dutchman", "Greek", "Swiss", "Thai",
    "Danish", "Dane", "Swedish", "Swede", "Finnish", "Norwegian", "Polish", "Spanish", "Spaniard", "Portuguese",
    "Belgian", "Icelandic", "Turkish", "Cypriot", "Czech", "Slovak", "Slovenian", "Croat", "Croatian", "Serb",
    "Bosnian", "Korean", "Lebanese", "Filipino", "Afghan", "Emirati", "Kuwaiti", "Moroccan", "Peruvian",
    "Argentine", "Argentinian", "Congolese", "Ivorian", "Burmese", "Nepali", "Nepalese", "Uzbek", "Kazakh",
    "Tajik", "Kyrgyz", "Georgian", "Belarusian", "Arab", "Aussie", "Kiwi", "Yank", "American", "Dominican",
    "German", "Ghanaian", "Icelander", "Luxembourger",
})  # fmt: skip


def is_nationality(word: str) -> bool:
    """Whether one word is a country's adjective or the noun for one of its people ("Chinese", "Spaniard")."""
    return word in IRREGULAR_DEMONYMS or word in all_demonyms()


#: Adjectives (and nouns for one member) of a people that is no country's, or of a faith: "Sunni", "Shiite",
#: "Punjabi", "Kurdish", "Tamil", "Hindu". Like a nationality they describe people ("a Sunni lawmaker", "Sunni
#: Arab tribes"), and alone they name no one; their plurals ("the Sunnis", "Kurds") are groups and stay.
PEOPLE_ADJECTIVES = frozenset({
    "Sunni", "Shiite", "Shia", "Shi'ite", "Shi’ite", "Kurdish", "Kurd", "Punjabi", "Pashtun", "Baluch", "Baloch",
    "Sindhi", "Tamil", "Sinhalese", "Sinhala", "Hindu", "Sikh", "Buddhist", "Muslim", "Jewish", "Jew", "Catholic",
    "Protestant", "Orthodox", "Evangelical", "Mormon", "Anglican", "Coptic", "Copt", "Maronite", "Druze", "Alawite",
    "Ismaili", "Wahhabi", "Salafi", "Islamist", "Hispanic", "Latino", "Latina", "Asian", "African", "European",
    "Caucasian", "Aboriginal", "Maori", "Basque", "Catalan", "Flemish", "Walloon", "Chechen", "Tibetan", "Uighur",
    "Uyghur", "Hutu", "Tutsi", "Zulu", "Xhosa", "Yoruba", "Igbo", "Hausa", "Kikuyu", "Bedouin", "Berber", "Persian",
    "Tatar", "Turkoman", "Turkomen", "Gypsy", "Sephardic", "Ashkenazi", "Hasidic", "Amish", "Pentecostal",
})  # fmt: skip


def describes_people(word: str) -> bool:
    """Whether one word describes people, naming no one: a nationality or a people's or faith's adjective."""
    return is_nationality(word) or word in PEOPLE_ADJECTIVES


#: What news calls a country's people (or its side) for short: "the Aussies" are the Australians.
NICKNAMES: dict[str, str] = {
    "Aussie": "Australia", "Kiwi": "New Zealand", "Brit": "United Kingdom", "Pom": "United Kingdom",
    "Pommie": "United Kingdom", "Yank": "United States", "Yankee": "United States", "Canuck": "Canada",
    "Saffer": "South Africa",
}  # fmt: skip


def people_of(name: str) -> str | None:
    """The country whose people a plural names: "Australians", "Aussies", "Kiwis" -> Australia, New Zealand."""
    if not name.endswith("s") or " " in name:
        return None
    singular = name[:-1]
    if singular in NICKNAMES:
        return NICKNAMES[singular]
    return _demonym_owners().get(singular)


@lru_cache(maxsize=1)
def _demonym_owners() -> dict[str, str]:
    """Regular adjective -> country ("Australian" -> Australia), for adjectives only one country has."""
    owners: dict[str, set[str]] = {}
    for country in countries().values():
        for adjective in demonyms(country.name):
            owners.setdefault(adjective, set()).add(country.name)
    return {a: next(iter(c)) for a, c in owners.items() if len(c) == 1}
