"""People the article names, found in the text without the model.

A small model lists the people a story is about and forgets the ones everybody knows ("Donald Trump" in a
story about his rival) or those named once. A personal name in English news is a run of two or more
capitalised words ("Bernie Sanders", "George W. Bush") that the article marks as a person: a title or
honorific before it ("Sen.", "President", "Mr."), its last word written again alone ("… Sanders said"), or
an appositive or reporting verb after it ("Lloyd Newton, a retired general", "Jill Stein said"). Runs in
Title-Case headlines, and words that name institutions, places, days or parties, are not names.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from extract.language.bodies import known_body_names
from extract.language.countries import describes_people
from extract.language.grounding import Span, find_all
from extract.language.merging import GENERATIONS
from extract.language.names import MONTHS, NAME_ARTICLES, NEVER_IN_A_NAME, SIGNATURE_LINE, TITLE_WORDS, title_case_lines
from extract.language.places import is_place
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
        "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Sen.", "Rep.", "Gov.", "Lt.", "Gen.", "Col.", "Sgt.", "Capt.", "Adm.",
        "Prof.", "Rev.", "Sens.", "Reps.", "President", "Senator", "Representative", "Governor", "Mayor", "Judge",
        "Justice", "Secretary", "Minister", "Chancellor", "Speaker", "Chairman", "Chairwoman", "General", "Colonel",
        "Captain", "Pastor", "Bishop", "Pope", "King", "Queen", "Prince", "Princess", "Vice", "Candidate", "Nominee",
        "Attorney",
    ]
)
#: What follows a person's name in news: a reporting verb, an appositive that describes a person, a party tag,
#: where the person works ("Dan Roe at the National Review").
_AFTER_PERSON = re.compile(
    r"\s*(?:,\s*(?:who|a|an|the|his|her|whose|\d{2})\b|\s(?:said|says|told|wrote|asked|added|argued|tweeted|"
    r"claimed|insisted|noted|replied|responded|explained|stated|warned)\b|\s+\((?:[RDI]|R-|D-|I-)|,\s+[RDI]-[A-Z]|\s+(?:of|at|from|for)\s+the\s+[A-Z])"
)
#: A comma and an article after a run: an appositive ("Jo Roe, a lawyer") or a list ("Social Security, the …").
_AFTER_COMMA = re.compile(r"\s*,\s*(?:a|an|the)\b")
#: Plurals that end the name of a people, not of a person ("African Americans", "Native Americans").
_PEOPLES = frozenset({"Americans"})
#: First words of places' names that are no given names: "San Diego", "Los Angeles", "Puerto Rico"; a saint's opens a
#: church's, a school's or a town's ("St Mary's", "Saint John"), never a person's ("Jack St. Martin" it ends).
PLACE_OPENERS = frozenset({"San", "Los", "Las", "Puerto", "Fort", "Hong", "St", "Saint", "Ste"})
#: The Arabic article before a surname, written in lower case and joined by a hyphen: "Nouri al-Maliki".
_ARTICLE = f"(?:{'|'.join(NAME_ARTICLES)})"
#: A name word: "Stein", "Fraga-Rosenfeld", "McConnell", "LeAnn", "O'Neill", "al-Maliki", "Inzamam-ul-Haq", or an
#: initial ("W.", "G.K."); not "O'Brien-style" nor "Reagan-like": a lower-case word after a hyphen names no one.
#: Letters of names written with diacritics too ("François Levistre", "Sévérine Peyret", "Júlio Neves", "Łukasz"):
#: Latin-1's and Latin Extended-A's. Upper-case ones open a name word, any may follow ("Benítez", "Rücker").
#: With the British honorific below: on L3S 4 pronoun speakers change, all to the right person, 9 speakers get
#: their full name ("Mr Mägdefrau" Helmut Mägdefrau); PolNeAR train 3 pronoun speakers right (1 wrong stays
#: wrong, to another), 15 full names (François Hollande, Lily Eskelsen García); dev 2 full names.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
_LOWER = "a-zß-öø-ÿĀ-ž"
_NAME_WORD = (
    rf"(?:(?:O['’]|D['’]|{_ARTICLE}-)?[{_UPPER}][{_LOWER}]+(?:[A-Z][{_LOWER}]+)?"
    rf"(?:['’](?!s\b)[A-Z]?[{_LOWER}]+|-(?:{_ARTICLE}-)?[{_UPPER}][{_LOWER}]+)*"
    r"|[A-Z]\.(?:[A-Z]\.)?)"
)
#: Two to six name words (a title may lead: `_name_in` cuts it); initials allowed ("George W. Bush").
_RUN = re.compile(rf"(?<![\w.’'-]){_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,5}}(?![\w-])")
#: A letter's signature: a line that is only a name, above another line ("Jane Roe." above "Springfield, Ill.").
_SIGNATURE = re.compile(r"\.[ \t]*(?:\n\s*\S|\s*$)")  # the hometown's line follows, or the text ends


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


def _names_no_one(word: str) -> bool:
    """A word of a run that is no part of a personal name: "Senate", "Leader", "Sen.", "But"."""
    bare = word.rstrip(".")
    return bare in NOT_NAME_WORDS or word in HONORIFICS or bare.lower() in TITLE_WORDS or bare.lower() in ROLE_NOUNS


_TOKEN = re.compile(r"\S+")
#: An initial: "A." of "Roberta A. Kaplan".
_INITIAL = re.compile(r"[A-Z]\.")


def _middle_initial(words: list[str], i: int) -> bool:
    """Whether words[i] is an initial after a name word: "A." of "Roberta A. Kaplan" is no article "A" ("I" too)."""
    return i > 0 and _INITIAL.fullmatch(words[i]) is not None and not _names_no_one(words[i - 1])
#: A verb's -ing or -ed form or an adverb: "Closing", "Understated", "Reportedly" start no personal name.
_GERUND = re.compile(r"[A-Z][a-z]{3,}(?:ing|(?<!m)ed|ly)")  # not "Saeed", "Mohamed"


def _name_in(words: list[str]) -> tuple[int, int]:
    """Where the name a run ends with lies: after its last word that names no one; a trailing initial is cut.

    "British Foreign Secretary David Lammy" -> "David Lammy", "But Jill Stein" -> "Jill Stein".
    """
    end = len(words)
    while end and words[end - 1].endswith("."):
        end -= 1
    last = end - 1 if end and _title_as_surname(words[:end]) else end  # "Rep. Steve King": "King" is his name
    cut = max(
        (i + 1 for i, w in enumerate(words[:last]) if _names_no_one(w) and not _middle_initial(words, i)), default=0
    )
    return cut, end


_THE_BEFORE = re.compile(r"(?<![\w-])(?i:the)\s+$")
_PLACE_AFTER = re.compile(r",\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")


def _not_a_titled_persons(text: str, at: int, stop: int) -> bool:
    """Whether a given name before a title word is a title ("The Perry Chief") or a town ("Hilton Head, S.C.")."""
    place = _PLACE_AFTER.match(text, stop)
    return _THE_BEFORE.search(text, max(0, at - 5), at) is not None or (place is not None and is_place(place[1]))


def _title_as_surname(words: list[str]) -> bool:
    """Whether a run's last word, a title, role or month ("King", "Singer", "May"), is the surname of a given name.

    "Steve King", "Paul D. Singer", "Theresa May": the word right before it (past initials) is a census given
    name that opens the name (the run's first word, or after a word that names no one: "Rep. Rob Bishop"). Not
    "Warren Senator" of "Elizabeth Warren Senator" (no first name word), nor "Street" (a word that is never part
    of a name; ALSO_SURNAMES are).
    """
    word = words[-1]
    listed = word.rstrip(".") in NOT_NAME_WORDS and word not in ALSO_SURNAMES
    if len(words) < 2 or listed or not _names_no_one(word):
        return False
    j = len(words) - 2
    while j > 0 and _INITIAL.fullmatch(words[j]):
        j -= 1
    return words[j] in given_names() and (j == 0 or _names_no_one(words[j - 1]))


_HONORIFIC_BEFORE = re.compile(
    r"(?:(?<![\w.])(?:" + "|".join(re.escape(h) for h in sorted(HONORIFICS)) + r")|\b(?i:"
    + "|".join(sorted(ROLE_NOUNS | TITLE_WORDS)) + r")|\w['’]s|[,\"”]\s*(?:said|says|wrote|writes)|\baccording to)\s+$"
)


#: A role set off by a comma right before a name: "a spokeswoman, Tashfeen Malik,", "his wife, X"; an owner or
#: partner is as often a company ("the group's new owner, Terra Firma Capital Partners").
_ROLE_COMMA_BEFORE = re.compile(
    r"\b(?i:" + "|".join(sorted((ROLE_NOUNS | TITLE_WORDS) - {"owner", "partner"})) + r"),\s+$"
)


#: An appositive without an article whose head is a role: ", political science professor at", ", chief economist".
_ROLE_AFTER = re.compile(
    r",\s+(?:[a-z][\w-]*\s+){0,3}(?:" + "|".join(sorted(ROLE_NOUNS | TITLE_WORDS)) + r")\b(?![\w-])"
)


#: Particles that open a surname and are written in lower case inside the full name ("Bill de Blasio",
#: "Osama bin Laden").
_PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "la", "le", "ter", "bin", "ibn", "al", "el"}
)
#: An honorific and one name word that no other capitalised word follows: "President Obama said", "President
#: Reagan’s trip" (the owner's "’s" is no part of the name).
_TITLED_SURNAME = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(h) for h in sorted(HONORIFICS))
    + rf")\s+({_NAME_WORD})(?:['’]s\b)?(?![\w'’-])"
    + rf"(?!\s+(?:[A-Z]|(?:{'|'.join(sorted(_PARTICLES))})\s|{_ARTICLE}-[A-Z]))"  # "President Bashar al-Assad"
)
#: A capitalised word right before a title word: "Pinderfields" of "Pinderfields General Infirmary".
_CAPITAL_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z][\w’'-]*)[ \t]+\Z")
#: Quotation marks around a title word and the word after it: "“King Kong,”", the name of a film or a book.
_OPENING_QUOTE = re.compile(r"[\"“‘]\Z")
_CLOSING_QUOTE = re.compile(r"[,.!?]?[\"”’]")
#: Titles that are also adjectives inside things' names: "General Infirmary", "General Motors", "General Assembly".
_ADJECTIVE_TITLES = frozenset({"General", "Gen."})
#: Capitalised words before "General" that are part of the title, not of a thing's name: "Surgeon General".
_TITLE_PARTS = frozenset({"Surgeon", "Inspector", "Solicitor", "Brigadier", "Postmaster", "Adjutant", "Consul",
                          "Force", "Marine", "Marines", "Corps"})


def _a_things_title(text: str, at: int, end: int) -> bool:
    """Whether a title word and the word after it are part of a thing's name, not a person's title and surname.

    Quoted alone ("“King Kong,” that sort of thing": a film), or "General" inside a longer name: a capitalised
    word before it that is no title, role, stopword, people's adjective or place ("Pinderfields General
    Infirmary", not "Attorney General Holder", "Iraqi General Ali", "Former General Clark"), and the word after
    it is never written without the title (a person's surname is: "… Clark said").
    """
    cut = text.rfind(" ", at, end)
    title, surname = text[at:cut], text[cut + 1 : end]
    if _OPENING_QUOTE.search(text, max(0, at - 1), at) and _CLOSING_QUOTE.match(text, end):
        return True
    before = _CAPITAL_BEFORE.search(text, max(0, at - 40), at) if title in _ADJECTIVE_TITLES else None
    if before is None:
        return False
    word = before[1]
    if _names_no_one(word) or word in _TITLE_PARTS or describes_people(word) or is_place(word):
        return False
    return all(text[max(0, s - len(title) - 1) : s].rstrip() == title for s, _ in find_all(text, surname))


#: "and" between two people's names: "Tyresha Vane and Bryan Anderson", "Bryan Anderson, and Tyresha Vane".
_AND_AFTER = re.compile(r",?\s+and\s+")
_AND_BEFORE = re.compile(r",?\s+and\s+$")
_MODIFIES = re.compile(r"\s+[a-z]+(?<!and)(?<!or)\b")
_ORG_TAIL_BEFORE = re.compile(r"([A-Z][\w'’-]*)\s+(?:for|of)\s+(?:(?:a|an|the)\s+)?$")


def find_people(text: str) -> list[str]:
    """Personal names the text marks as people, each once, in order of first mention (then titled surnames).

    A run of name words counts when a title or honorific precedes it, its last word (the surname) is written
    alone elsewhere, or a reporting verb or person's appositive follows it; runs in Title-Case lines and runs
    with a word that names no person (NOT_NAME_WORDS) are left out. A surname after an honorific ("President
    Obama") counts alone when no full name found ends with it.
    """
    headlines = title_case_lines(text)
    found: dict[str, None] = {}
    paired: list[tuple[str, int, int]] = []  # unmarked two-word names, marked by a person they are paired with
    for match in _RUN.finditer(text):
        start, end = match.span()
        tokens = list(_TOKEN.finditer(match[0]))
        first, last = _name_in([t[0] for t in tokens])
        while last - first > 2 and (
            _describes_the_name(text, [t[0] for t in tokens[first:last]], (start, end))
            or nationality_before_a_name([t[0] for t in tokens[first:last]])
            or (first > 0 and tokens[first - 1][0] == "Miss" and tokens[first + 1][0] in given_names())
        ):  # "Journalist Jorge Ramos", "Indiana-born Gonzalo Curiel", "Did Donald Trump", "Miss Universe Alicia …"
            first += 1
        name = [t[0] for t in tokens[first:last]]
        opener = len(name) > 1 and _sentence_word(text, start + tokens[first].start(), name)  # "Maybe Trump"
        if opener and (len(name) == 2 or _AFTER_PERSON.match(text, start + tokens[last - 1].end())):  # "Time Warner"
            first, name = first + 1, name[1:]
        if len(name) < 2 or len(name[0]) < 2 or " ".join(name) in known_body_names():
            continue  # "Al Jazeera" is an outlet, whatever its first word
        spelled = " ".join(name)
        at, stop = start + tokens[first].start(), start + tokens[last - 1].end()  # "Jo  Roe": any spaces between
        if _title_as_surname(name) and _not_a_titled_persons(text, at, stop):
            continue  # "The Perry Chief" is a newspaper, "Hilton Head, S.C." a town
        alone = (  # "Jo Ann Roe." signs a letter; the line after a signature is the writer's town
            (at == 0 or text[at - 1] == "\n") and _SIGNATURE.match(text, stop) and not _after_signature(text, at)
        )
        if not alone and any(a <= start and end <= b for a, b in headlines):
            continue
        tail = _ORG_TAIL_BEFORE.search(text, max(0, at - 40), at)
        if tail is not None and tail[1].lower() not in STOPWORDS:  # not "But for Donald Trump, the show was …"
            continue  # "the Council for a Balanced Harbor Budget": the end of an organisation's name
        # "Closing Gitmo is an imperative", "Understated Perez raises profile": a verb's -ing or -ed form or an
        # adverb starts no personal name; when the text also writes it in lower case ("Planned Parenthood",
        # "Founding Fathers") not even before "said" or an appositive ("Channing Tatum, the actor")
        after = stop + 1 if name[-1] in GENERATIONS and text.startswith(".", stop) else stop  # "Roe Jr., the"
        titled = _HONORIFIC_BEFORE.search(text, max(0, at - 25), at) is not None
        gerund = _GERUND.fullmatch(name[0]) is not None and name[0] not in given_names() and not titled
        if gerund and _written_in_lower_case(text, name[0]):
            continue
        if name[-1] in _PEOPLES or _a_people(name):
            continue  # "Japanese Americans", "Arab Americans": a people, though "Americans" is written alone
        if is_place(spelled) or name[0] in PLACE_OPENERS or _abbreviated_place(name):
            continue  # "In San Diego, a task force …": a city before an appositive is no person; nor "N. Korea"
        # "Social Security, the death penalty", "Team Trump": an English word that is no given name opens the run;
        # only a title, a role or a reporting verb marks it, not a comma or the last word written alone
        english = (
            not titled
            and name[0] not in census_names()
            and name[0].lower() not in _PARTICLES  # "De Blasio"
            and _written_in_lower_case(text, name[0])
        ) or _a_things_name(text, name, titled)
        marked = (
            alone
            or _ROLE_AFTER.match(text, after)  # "Jo-Renee Formicola, political science professor at …"
            or (name[0] in given_names() and len(name) <= 3)  # "Tina Houchins had a question"
            or titled
            or _ROLE_COMMA_BEFORE.search(text, max(0, at - 25), at)  # "a spokeswoman, Anna White,"
            or (_AFTER_PERSON.match(text, after) and not (english and _AFTER_COMMA.match(text, after)))
        )
        if marked or (not gerund and not english and _surname_alone(text, name[-1], (at, stop))):
            found.setdefault(spelled)
        elif not gerund and not english and len(name) == 2 and not _words_of_a_thing(text, name):
            paired.append((spelled, at, stop))
    for spelled, at, stop in paired:  # "voters Tyresha Vane and Bryan Anderson": one of a pair of people
        joined = _AND_AFTER.match(text, stop)
        before = _AND_BEFORE.search(text, max(0, at - 60), at)
        if (joined and any(text.startswith(n, joined.end()) for n in found)) or (
            before and any(text[: before.start()].endswith(n) for n in found) and not _MODIFIES.match(text, stop)
        ):  # not "Joe Biden and Civil Rights icon John Lewis": the words modify a noun after them
            found.setdefault(spelled)
    for match in _TITLED_SURNAME.finditer(text):  # "President Obama", "Sen. Warren": the surname alone
        surname = match[1]
        headline = any(a <= match.start() < b for a, b in headlines)
        # "General Electric", "Vice Presidential": a word the text also writes in lower case is no surname
        if _names_no_one(surname) or surname in GENERATIONS or headline or any(n.split()[-1] == surname for n in found):
            continue
        if _a_things_title(text, match.start(), match.end(1)):
            continue  # "Pinderfields General Infirmary", "“King Kong,”": the title word is part of a thing's name
        if match[0].startswith(("Mr", "Ms")) or not _written_in_lower_case(text, surname):
            found.setdefault(surname)
    names = list(found)
    return [name for name in names if not _word_before_a_surname(text, name, names)]


#: Nouns a person's surname modifies after "the": "the Sanders campaign", "the Spears family" (no side's name).
_SURNAME_MODIFIES = ("campaign", "camp", "family", "administration", "government", "household", "brothers",
                     "sisters", "estate", "era", "years", "report", "inquiry", "case", "trial", "plan")
#: "the" before a capitalised plural, not before a longer name nor a noun it modifies: "the Flyers won".
_THE_PLURAL = "(?<![\\w-])[Tt]he\\s+{}(?![\\w’'-])(?!\\s+(?:[A-Z]|(?:" + "|".join(_SURNAME_MODIFIES) + ")\\b))"


def a_side_named(text: str, name: str, people: list[str]) -> bool:
    """Whether a run taken for a person's name is a side's: "Philadelphia Flyers", "Liberation Tigers".

    Its last word is a plural the text writes after "the" ("the Flyers won"), and its first word is no given
    name nor a title ("Britney Spears" beside "the Spears family", "Lord Stevens"), nor is it the surname of
    another of the `people` ("Top Sanders" beside Bernie Sanders and "the Sanders show"): a team or a group
    names itself so, a person's surname is rarely written so.
    """
    words = name.split()
    if len(words) < 2 or not words[-1].endswith("s") or words[0] in given_names() or _names_no_one(words[0]):
        return False
    if any(p != name and p.split()[-1] == words[-1] for p in people):
        return False
    return re.search(_THE_PLURAL.format(re.escape(words[-1])), text) is not None


def nationality_before_a_name(words: list[str]) -> bool:
    """Whether a run's first word is a nationality that describes the person named after it.

    "Australian Andrew Symonds", "Frenchman Jo-Wilfried Tsonga", "Israeli Shahar Peer" (`countries.describes_people`);
    not a body's ("Thai Rak Thai": the name holds a nationality; "Canadian Blood Services": a plural ends it and
    no given name opens it).
    """
    rest = words[1:]
    return (
        len(rest) >= 2
        and describes_people(words[0])
        and not any(describes_people(w) or _names_no_one(w) for w in rest)  # not "American Action Network"
        and (rest[0] in census_names() or not rest[-1].endswith("s"))
    )


def _a_people(name: list[str]) -> bool:
    """Whether a run names a people, not a person: "Sunni Arabs", "Sunni Arab", "Kurds" (`countries.describes_people`).

    Every word describes people, the last one perhaps as a plural.
    """
    return all(describes_people(w) for w in name[:-1]) and (
        describes_people(name[-1]) or describes_people(name[-1].removesuffix("s"))
    )


#: A compass point's initial before a place's last word: "N. Korea", "S. Carolina", "W. Virginia".
_COMPASS = {"N.": "North", "S.": "South", "E.": "East", "W.": "West"}


#: US states written as dotted initials, as datelines and towns end: "Lodi, N.J. Harmony's phone" starts no name.
_STATE_INITIALS = frozenset({"N.J.", "N.Y.", "N.H.", "N.M.", "N.C.", "N.D.", "S.C.", "S.D.", "D.C.", "R.I."})


def _a_things_name(text: str, name: list[str], titled: bool) -> bool:
    """Whether a run names a thing, an event or a body, not a person: "Perth Test", "Carling Cup", "Tata Nano".

    Its first word is no given name and its last one an English noun the text also writes in lower case ("the
    test", "a cup") in a line of prose, not in a subhead written all in lower case ("romney to speak out"); a
    person's surname is rarely both. Only a title or a role marks such a run as a person's.
    """
    return (
        not titled
        and name[0] not in given_names()
        and name[0].lower() not in _PARTICLES
        and _lower_case_in_prose(text, name[-1])
    )


def _abbreviated_place(name: list[str]) -> bool:
    """Whether a name is a place with its compass point cut to an initial ("N. Korea"), not "W. Bush".

    Or it opens with a state's initials ("N.J. Harmony": a town's state, then the next sentence's first word).
    """
    if name[0] in _STATE_INITIALS:
        return True
    return len(name) == 2 and name[0] in _COMPASS and is_place(f"{_COMPASS[name[0]]} {name[1]}")


def _words_of_a_thing(text: str, name: list[str]) -> bool:
    """Whether two words paired with a person's name are no one's name.

    A plural title ("Presidents Reagan and Bush"), or a last word the text also writes in lower case.
    """
    return any(_names_no_one(w.removesuffix("s")) for w in name) or _written_in_lower_case(text, name[-1])


def _word_before_a_surname(text: str, name: str, found: list[str]) -> bool:
    """Whether a two-word name is an English word or a place before the surname of someone named in full.

    "Top Quill aide quits", "Absent Quill wins", "… outside Ohio Quill rally" beside "Dara Quill": the first word
    is no first name (not in the census list), and the text writes it in lower case ("top", "absent") or it is a
    place, or it stands only in the headline ("Says Quill would …"); such a "person", listed first, took every lone
    "Quill" from Dara Quill. Not "Jeb Bush" beside "George Bush": "jeb" is written in lower case nowhere (a
    sentence's first word alone would take him too).
    """
    words = name.split()
    if len(words) != 2 or (words[0] in census_names() and words[0] not in NOT_GIVEN_NAMES):  # "Will Sanders"
        return False
    first, surname = words
    if not (_written_in_lower_case(text, first) or is_place(first) or _only_in_the_headline(text, name)):
        return False
    return any(n.split()[-1] == surname and n.split()[0] in given_names() for n in found if n != name)


def _only_in_the_headline(text: str, name: str) -> bool:
    """Whether a name is written only in the headline: the first paragraph, and the subhead under it.

    The subhead is the next paragraph when the first ends without a full stop ("Trump hints;" above "Says
    Clinton would stack …").

    A subhead is a sentence without its subject ("Says Clinton would …", "Longtime Clinton foe files …"): its
    capitalised first word before a surname is no given name, though the story never writes it in lower case.
    """
    first = text.find("\n\n")
    if first < 0:
        return False
    end = first if re.search(r"[.!?][\"'”’]?\s*$", text[:first]) else text.find("\n\n", first + 2)
    return end > 0 and all(s < end for s, _ in find_all(text, name))


#: Where a sentence starts: the text's start, a new line, or after a full stop, "!" or "?" (and a closing quote).
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?][\"'”’]?[ \t]+)\Z")


_ADVERB = re.compile(r"[A-Z][a-z]{3,}ly")
#: Where a sentence or a quotation starts: a capital there may be the sentence's own word.
_OPENS = re.compile(r"(?:^|\n|[.!?][\"'”’)]?[ \t]+|[\"“‘(][ \t]*)\Z")


def _sentence_word(text: str, at: int, name: list[str]) -> bool:
    """Whether a name's first word, written at `at`, is the sentence's own: "Maybe Trump", "Said Jo Roe, who".

    It is no census given name but an English word (written in lower case elsewhere, or an adverb in -ly), and
    the text writes the name only where a sentence or a quotation starts; a name stands anywhere. The cheap
    tests come first: most names are not at a sentence's start.
    """
    word = name[0]
    if not _OPENS.search(text, max(0, at - 4), at) or word in census_names() or word.lower() in _PARTICLES:
        return False
    if not (_ADVERB.fullmatch(word) or _written_in_lower_case(text, word)):
        return False
    return all(_OPENS.search(text, max(0, s - 4), s) for s, _ in find_all(text, " ".join(name)))


def _describes_the_name(text: str, words: list[str], run: Span) -> bool:
    """Whether a run's first word, before a given name, is no part of the name: a role, a verb, "Indiana-born".

    It is no given name itself, and it is a title or role word, joins a lower-case word with a hyphen
    ("Co-anchor", "Texas-based"), or is written in lower case elsewhere ("journalist", "did") while the
    surname is written alone ("Ramos said"); not "Time" of "Time Warner Cable".
    """
    word, given = words[0], words[1]
    if word in given_names() or given not in given_names():
        return False
    lower = word.lower()
    if lower in TITLE_WORDS or lower in ROLE_NOUNS or re.search(r"-[a-z]", word) is not None:
        return True
    if _written_in_lower_case(text, word) and _surname_alone(text, words[-1], run):
        return True
    # "Hold Melania Trump to her husband's standards.": a sentence's capitalised first word before a name the
    # text also writes without it is the sentence's own word (a verb, an adjective), not a first name
    opens = text.startswith(words[0], run[0]) and _SENTENCE_START.search(text, max(0, run[0] - 4), run[0])
    rest = " ".join(words[1:])
    alone = (s for s, _ in find_all(text, rest) if not text[max(0, s - len(words[0]) - 1) : s].startswith(words[0]))
    return bool(opens) and next(alone, None) is not None


def _written_in_lower_case(text: str, word: str) -> bool:
    """Whether the text writes the word in lower case as a whole word ("planned", "journalist"): an English word."""
    lower = word.lower()
    if lower not in text:  # a substring test first: most names are never written in lower case at all
        return False
    return re.search(rf"(?<![\w’'-]){re.escape(lower)}(?![\w’'-])", text) is not None


def _after_signature(text: str, at: int) -> bool:
    """Whether the last non-blank line before `at` is a signature ("Pia Roe."): then this line is a town."""
    before = text[max(0, at - 120) : at].rstrip()
    return bool(before) and SIGNATURE_LINE.fullmatch(before.rsplit("\n", 1)[-1]) is not None


def _lower_case_in_prose(text: str, word: str) -> bool:
    """Whether the text writes the word in lower case in a line opening with a capital (no lower-case subhead)."""
    if not _written_in_lower_case(text, word):
        return False
    for match in re.finditer(rf"(?<![\w’'-]){re.escape(word.lower())}(?![\w’'-])", text):
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].lstrip(" \t\"“‘'(")
        if not line or line[:1].isupper() or not line[:1].isalpha():
            return True
    return False


#: An honorific written without a full stop (British style) right before a surname: "Mr Levistre", "Dr Roe". Like
#: "Mr. Roe" (a full stop, then the surname) it writes the surname alone.
_BRITISH_HONORIFIC = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr) $")


def _surname_alone(text: str, surname: str, inside: Span) -> bool:
    """Whether the surname is written outside the full name, not as part of another capitalised run."""
    for s, e in find_all(text, surname):
        if inside[0] <= s and e <= inside[1]:
            continue
        before = text[max(0, s - 2) : s]
        after = text[e : e + 2]
        if _BRITISH_HONORIFIC.search(text, max(0, s - 4), s) and not re.match(r" [A-Z]", after):
            return True
        if not re.match(r" [A-Z]", after) and not re.search(r"[A-Z][a-z.]* $", text[max(0, s - 20) : s]):
            return True
        if before.endswith(". ") or after.startswith("'s") or after.startswith("’s"):
            return True
    return False
