"""The words of personal names: which open one, which mark one, and which never stand in one.

`people.find_people` reads a run of capitalised words as a person's name by these lists, and so do the
modules that tell a person from a body or a role (`attribution`, `proper_nouns`, `couples`, `namesakes`):
census given names ("Jill"), less those that are also common words or places ("Will", "Virginia");
honorifics and role nouns before a name ("Sen.", "nominee"); words of institutions, places and days that
are never part of one ("Senate", "Street", "Monday").
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from extract.language.honorifics import STOPPED_TITLES
from extract.language.names import MONTHS, NEVER_IN_A_NAME, TITLE_WORDS
from extract.language.stopwords import STOPWORDS

#: Words that never stand in a personal name (names.NEVER_IN_A_NAME and institutions, places, parts of titles,
#: days, months, parties).
NOT_NAME_WORDS = NEVER_IN_A_NAME | frozenset(
    [
        "Or", "In", "On", "At", "For", "From", "To", "By", "With", "As", "If", "When", "While", "After", "Before",
        "Then", "So", "Yet", "Both", "Neither", "This", "That", "These", "Those", "Some", "Many", "Most", "Several",
        "Every", "Each", "All", "Any", "No", "Not", "Our", "Their", "His", "Her", "Its", "My", "Your", "We", "They",
        "He", "She", "It", "I", "You", "There", "Here", "What", "Who", "Why", "How", "Where", "Which", "Also", "Even",
        "Still", "Just", "Only", "Now", "Last", "Next", "New", "Former", "Acting", "States", "Navy", "College",
        "School", "Daily", "Herald", "Tribune", "Review", "Magazine", "Network", "Channel", "Radio", "TV", "Center",
        "Centre", "Club", "Church", "Hospital", "Street", "Avenue", "Road", "Square", "Hall", "Tower", "Park", "Plan",
        "Act", "Law", "Amendment", "Program", "Programme", "Project", "Fund", "Trust", "Campaign",
        "Convention", "Debate", "Summit", "Conference", "Poll", "Survey", "Award", "Prize", "Day", "Week", "Year",
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Middle", "United",
        "American", "America", "European", "Republican", "Republicans", "Democrat", "Democrats", "Democratic", "GOP",
        "Independent", "Libertarian", "Green", "Conservative", "Labour", "Liberal", "Federal", "National",
        "International", "Supreme", "Circuit", "District", "County", "City", "Island", "Valley", "Airport", "Station",
        "Lord", "Lady", "Royal", "Sen", "Rep", "Gov", "Lt", "Gen", "Col", "Sgt", "Capt", "Adm", "Christmas",
        "Easter", "Islam", "Islamic", "Muslim", "Muslims", "Christian", "Christians", "Jewish", "God", "Internet",
        "Twitter", "Facebook", "Although", "Though", "Because", "Since", "Unless", "Whether", "However", "Meanwhile",
        "Perhaps", "Indeed", "Instead", "Notice", "Everything", "Nothing", "Everyone", "Nobody", "Someone", "Like",
        "Unlike", "Despite", "Without", "Against", "Under", "Over", "Among", "Between", "Until", "Yes", "Please",
        "Cold", "War", "Society", "Observer", "Times", "Globe", "Sun", "Star", "Mirror", "Telegraph", "Guardian",
        "Chronicle", "Gazette", "Examiner", "Inquirer", "Courier", "Monitor", "Caller", "Beast", "Hill", "Panthers",
        "Theater", "Theatre", "Museum", "Gallery", "Cathedral", "Temple", "Mosque", "Palace", "Castle", "Stadium",
        "Arena", "Hotel", "Bureau", "Administration", "Government",
        # last words of broadcast programmes' names ("The Laura Ingraham Show", "Steve Harvey Morning Show")
        "Show", "Podcast", "Tonight",
        # sentence words before a name, not in the stopword list below ("Another Clinton", "Besides Centerview")
        "Another", "Beneath", "Besides", "Beyond", "Behind", "Amid", "Toward", "Towards", "Upon", "Within", "Via",
        "Per", "Lest", "Whenever", "Wherever", "Whatever", "Whoever", "Closing", "Continued", "Meet", "Ask",
        "Is", "Am", "Do",  # a question's first word ("Is Sanders finally connecting …?"); the stopwords below are 3+
        # numbers name a season, a channel or a jet, never a person ("Season Four", "Channel Four", "Air Force One")
        "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Twenty",
        "Hundred", "Thousand",
        # last words of companies' names ("Warner Music", "Delta Air Lines")
        "Music", "Air", "Lines", "Airlines", "Airways", "Records", "Pictures", "Studios", "Entertainment", "Media",
        "Communications", "Motors", "Foods", "Energy", "Oil", "Holdings", "Industries", "Technologies", "Systems",
        "Pharmaceuticals", "Labs", "Solutions", "Insurance", "Inc", "Corp", "LLC", "Co", "Ltd",
        # US states as datelines and hometowns write them ("Staunton, Va.", "Flint, Mich.")
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "Md", "Mass",
        "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash",
        "Wis", "Wyo",
    ]
) | MONTHS | {w.capitalize() for w in STOPWORDS if len(w) > 2 and w not in ("don", "will", "won")}


#: Words before a name that mark it as a person's ("Sen. Bernie Sanders", "Mr. Trump", "Judge Frank Nervo").
HONORIFICS = frozenset(
    [
        *STOPPED_TITLES, "Sir", "Sen.", "Rep.", "Gov.", "Lt.", "Gen.", "Col.", "Sgt.", "Capt.", "Adm.",
        "Prof.", "Rev.", "Sens.", "Reps.", "President", "Senator", "Representative", "Governor", "Mayor", "Judge",
        "Justice", "Secretary", "Minister", "Chancellor", "Speaker", "Chairman", "Chairwoman", "General", "Colonel",
        "Captain", "Pastor", "Bishop", "Pope", "King", "Queen", "Prince", "Princess", "Vice", "Candidate", "Nominee",
        "Attorney",
    ]
)
#: `HONORIFICS` as a regular expression's alternatives, the longest first ("Sens.|…|Sen.|…").
HONORIFIC_PATTERN = "|".join(re.escape(h) for h in sorted(HONORIFICS, key=lambda h: (-len(h), h)))


#: First words of places' names that are no given names: "San Diego", "Los Angeles", "Puerto Rico"; a saint's opens a
#: church's, a school's or a town's ("St Mary's", "Saint John"), never a person's ("Jack St. Martin" it ends).
PLACE_OPENERS = frozenset({"San", "Los", "Las", "Puerto", "Fort", "Hong", "St", "Saint", "Ste"})


#: Roles of general news that open a sentence before a name ("Winger Laurent Robert", "Promoter Jo Holt",
#: "Detective Sergeant Ann Lee"): no part of the name. A surname among them keeps its place after a given name
#: ("Minnie Driver", `people._title_as_surname`).
SPORTS_AND_TRADE_ROLES = (
    "winger", "striker", "midfielder", "defender", "goalkeeper", "keeper", "goalie", "goaltender", "defenseman",
    "defenceman", "linebacker", "quarterback", "receiver", "pitcher", "batsman", "bowler", "spinner", "skipper",
    "rookie", "freshman", "sophomore", "teammate", "referee", "umpire", "boss", "boxer", "promoter", "astronaut",
    "astronomer", "scientist", "surgeon", "historian", "musician", "rapper", "guitarist", "drummer", "songwriter",
    "singer-songwriter", "filmmaker", "photographer", "designer", "chef", "detective", "inspector",
    "superintendent", "magistrate", "constable", "sergeant",
)
#: Role nouns written in lower case before a name ("nominee Gary Johnson", "host Chris Wallace"), beside the
#: title words ("counterpart David Lammy").
ROLE_NOUNS = frozenset(
    [
        "nominee", "candidate", "senator", "president", "governor", "mayor", "host", "anchor", "moderator",
        "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "secretary", "director",
        "adviser", "advisor", "strategist", "lawyer", "attorney", "judge", "justice", "reporter", "columnist",
        "writer", "author", "correspondent", "analyst", "professor", "economist", "pollster", "leader", "founder",
        "officer", "official", "commander", "general", "manager", "aide", "minister", "ambassador", "editor",
        "producer", "businessman", "businesswoman", "billionaire", "actor", "actress", "singer", "activist", "pastor",
        "physician", "doctor", "lawmaker", "congressman", "congresswoman", "representative", "delegate", "chief",
        "executive", "owner", "partner", "daughter", "son", "wife", "husband", "mother", "father", "brother",
        "sister",
        "rival", "opponent", "challenger", "incumbent", "colleague", "predecessor", "successor", "ally", "critic",
        "supporter", "friend", "widow", "widower", "playwright", "poet", "novelist", "comedian", "coach",
        *SPORTS_AND_TRADE_ROLES,
    ]
)


#: Given names of the census list that are also common capitalised words or places: "Will Congress act?",
#: "Hope Street", "Virginia Beach", "Grant Park". They mark no person on their own.
NOT_GIVEN_NAMES = frozenset(
    [
        "Will", "May", "June", "August", "April", "Hope", "Joy", "Faith", "Grace", "Grant", "Major", "King",
        "Prince", "Royal", "Star", "Summer", "Winter", "Autumn", "Art", "Guy", "Mark", "Chase", "Sue", "Rich",
        "Miles", "Cash", "Sandy", "Dawn", "Destiny", "Harmony", "Honor", "Liberty", "Justice", "Mercy", "Patience",
        "Charity", "Chance", "Angel", "Christian", "Young", "Long", "Page", "Price", "Earnest", "Gay", "Sunny",
        "Lane", "Wade", "Ward", "Virginia", "Georgia", "Carolina", "Florida", "Dakota", "Charlotte", "Austin",
        "Dallas", "Houston", "Jordan", "Israel", "Paris", "Madison", "Lincoln", "Chad", "Sydney", "Phoenix",
        "Savannah", "Orlando", "Denver", "Cleveland", "Clinton", "Washington", "Lafayette", "Camden", "Raleigh",
        "Aurora", "Columbia", "Helena", "Augusta", "Olympia", "Salem", "Golden", "Diamond", "Crystal", "Amber",
        "Ruby", "Pearl", "Ivy", "Holly", "Iris", "Lily", "Rose", "Violet", "Ginger", "Candy", "Brandy", "Sherry",
        "Dusty", "Rusty", "Stormy", "Misty", "Christmas", "Easter", "Trinity", "Genesis", "Unique", "Precious",
        "Lucky", "Cloud", "Rock", "Stone", "See", "Delta", "Echo", "Sky", "River", "Ocean", "Forest", "Love",
    ]
)


#: Words of the lists above that are also surnames: after a given name that opens the name they are the name
#: ("Theresa May", "Lauryn Hill", "Steven Law"), not a month, a place or a word ("in May", "Capitol Hill").
ALSO_SURNAMES = frozenset({"May", "June", "Hill", "Law", "Day", "Green", "White"})


@cache
def census_names() -> frozenset[str]:
    """First names of the packaged census list (data/given_names.json), as listed."""
    raw = resources.files("extract").joinpath("data/given_names.json").read_text(encoding="utf-8")
    return frozenset(json.loads(raw)["names"])


@cache
def given_names() -> frozenset[str]:
    """First names from the packaged census list (data/given_names.json), less NOT_GIVEN_NAMES."""
    return census_names() - NOT_GIVEN_NAMES - NOT_NAME_WORDS


def names_no_one(word: str) -> bool:
    """A word of a run that is no part of a personal name: "Senate", "Leader", "Sen.", "But"."""
    bare = word.rstrip(".")
    return bare in NOT_NAME_WORDS or word in HONORIFICS or bare.lower() in TITLE_WORDS or bare.lower() in ROLE_NOUNS


#: Particles that open a surname and are written in lower case inside the full name ("Bill de Blasio",
#: "Osama bin Laden").
PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "la", "le", "ter", "bin", "ibn", "al", "el"}
)
