"""People the article names, found in the text without the model.

A small model lists the people a story is about and forgets the ones everybody knows ("Donald Trump" in a
story about his rival) or those named once. A personal name in English news is a run of two or more
capitalised words ("Bernie Sanders", "George W. Bush") that the article marks as a person: a title or
honorific before it ("Sen.", "President", "Mr."), its last word written again alone ("… Sanders said"), or
an appositive or reporting verb after it ("Lloyd Newton, a retired general", "Jill Stein said"). Runs in
Title-Case headlines, and words that name institutions, places, days or parties, are not names.

Which words open, mark or never stand in a name is `name_words`'; which runs look like a name and are a
side, a people, a place or a thing is `not_people`'s.
"""

from __future__ import annotations

import re

from extract.language.bodies import known_body_names
from extract.language.grounding import Span, find_all
from extract.language.honorifics import BARE_TITLES
from extract.language.merging import GENERATIONS
from extract.language.name_words import (
    ALSO_SURNAMES,
    HONORIFIC_PATTERN,
    NOT_NAME_WORDS,
    PARTICLES,
    PLACE_OPENERS,
    ROLE_NOUNS,
    census_names,
    given_names,
    names_no_one,
)
from extract.language.names import NAME_ARTICLES, SIGNATURE_LINE, TITLE_WORDS, title_case_lines
from extract.language.not_people import (
    a_people,
    a_things_name,
    a_things_title,
    abbreviated_place,
    nationality_before_a_name,
    not_a_titled_persons,
    word_before_a_surname,
    words_of_a_thing,
    written_in_lower_case,
)
from extract.language.places import is_place
from extract.language.stopwords import STOPWORDS

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


_TOKEN = re.compile(r"\S+")
#: An initial: "A." of "Roberta A. Kaplan".
_INITIAL = re.compile(r"[A-Z]\.")


def _middle_initial(words: list[str], i: int) -> bool:
    """Whether words[i] is an initial after a name word: "A." of "Roberta A. Kaplan" is no article "A" ("I" too)."""
    return i > 0 and _INITIAL.fullmatch(words[i]) is not None and not names_no_one(words[i - 1])
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
        (i + 1 for i, w in enumerate(words[:last]) if names_no_one(w) and not _middle_initial(words, i)), default=0
    )
    return cut, end


def _title_as_surname(words: list[str]) -> bool:
    """Whether a run's last word, a title, role or month ("King", "Singer", "May"), is the surname of a given name.

    "Steve King", "Paul D. Singer", "Theresa May": the word right before it (past initials) is a census given
    name that opens the name (the run's first word, or after a word that names no one: "Rep. Rob Bishop"). Not
    "Warren Senator" of "Elizabeth Warren Senator" (no first name word), nor "Street" (a word that is never part
    of a name; ALSO_SURNAMES are).
    """
    word = words[-1]
    listed = word.rstrip(".") in NOT_NAME_WORDS and word not in ALSO_SURNAMES
    if len(words) < 2 or listed or not names_no_one(word):
        return False
    j = len(words) - 2
    while j > 0 and _INITIAL.fullmatch(words[j]):
        j -= 1
    return words[j] in given_names() and (j == 0 or names_no_one(words[j - 1]))


_HONORIFIC_BEFORE = re.compile(
    r"(?:(?<![\w.])(?:" + HONORIFIC_PATTERN + r")|\b(?i:"
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


#: An honorific and one name word that no other capitalised word follows: "President Obama said", "President
#: Reagan’s trip" (the owner's "’s" is no part of the name).
_TITLED_SURNAME = re.compile(
    r"(?<![\w.])(?:"
    + HONORIFIC_PATTERN
    + rf")\s+({_NAME_WORD})(?:['’]s\b)?(?![\w'’-])"
    + rf"(?!\s+(?:[A-Z]|(?:{'|'.join(sorted(PARTICLES))})\s|{_ARTICLE}-[A-Z]))"  # "President Bashar al-Assad"
)


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
        if _title_as_surname(name) and not_a_titled_persons(text, at, stop):
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
        if gerund and written_in_lower_case(text, name[0]):
            continue
        if name[-1] in _PEOPLES or a_people(name):
            continue  # "Japanese Americans", "Arab Americans": a people, though "Americans" is written alone
        if is_place(spelled) or name[0] in PLACE_OPENERS or abbreviated_place(name):
            continue  # "In San Diego, a task force …": a city before an appositive is no person; nor "N. Korea"
        # "Social Security, the death penalty", "Team Trump": an English word that is no given name opens the run;
        # only a title, a role or a reporting verb marks it, not a comma or the last word written alone
        english = (
            not titled
            and name[0] not in census_names()
            and name[0].lower() not in PARTICLES  # "De Blasio"
            and written_in_lower_case(text, name[0])
        ) or a_things_name(text, name, titled)
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
        elif not gerund and not english and len(name) == 2 and not words_of_a_thing(text, name):
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
        if names_no_one(surname) or surname in GENERATIONS or headline or any(n.split()[-1] == surname for n in found):
            continue
        if a_things_title(text, match.start(), match.end(1)):
            continue  # "Pinderfields General Infirmary", "“King Kong,”": the title word is part of a thing's name
        if match[0].startswith(("Mr", "Ms")) or not written_in_lower_case(text, surname):
            found.setdefault(surname)
    names = list(found)
    return [name for name in names if not word_before_a_surname(text, name, names)]


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
    if not _OPENS.search(text, max(0, at - 4), at) or word in census_names() or word.lower() in PARTICLES:
        return False
    if not (_ADVERB.fullmatch(word) or written_in_lower_case(text, word)):
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
    if written_in_lower_case(text, word) and _surname_alone(text, words[-1], run):
        return True
    # "Hold Melania Trump to her husband's standards.": a sentence's capitalised first word before a name the
    # text also writes without it is the sentence's own word (a verb, an adjective), not a first name
    opens = text.startswith(words[0], run[0]) and _SENTENCE_START.search(text, max(0, run[0] - 4), run[0])
    rest = " ".join(words[1:])
    alone = (s for s, _ in find_all(text, rest) if not text[max(0, s - len(words[0]) - 1) : s].startswith(words[0]))
    return bool(opens) and next(alone, None) is not None


def _after_signature(text: str, at: int) -> bool:
    """Whether the last non-blank line before `at` is a signature ("Pia Roe."): then this line is a town."""
    before = text[max(0, at - 120) : at].rstrip()
    return bool(before) and SIGNATURE_LINE.fullmatch(before.rsplit("\n", 1)[-1]) is not None


#: An honorific written without a full stop (British style) right before a surname: "Mr Levistre", "Dr Roe". Like
#: "Mr. Roe" (a full stop, then the surname) it writes the surname alone.
_BRITISH_HONORIFIC = re.compile(r"(?<![\w.])(?:" + "|".join(sorted(BARE_TITLES)) + ") $")


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
