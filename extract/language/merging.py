"""An actor being assembled, and when two names are one actor ("Kaine" and "Tim Kaine", "EPA" and its full name)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.language.bodies import HEADS, TAIL_JOINERS
from extract.language.countries import countries, name_key
from extract.language.gender import name_gender
from extract.language.grounding import Span, find_all
from extract.language.names import NEVER_IN_A_NAME, TITLE_WORDS
from extract.language.person_names import FUNCTION_WORDS


@dataclass
class ActorDraft:
    """An actor being assembled before ids are given out."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)
    affiliation: ActorDraft | None = None
    #: The actor this one speaks for, from a role such as "Hale's lawyer" or "Lumetra's chief legal officer".
    represents: ActorDraft | None = None
    #: A source the article describes but does not name ("officials", "the report", "46 percent of voters"):
    #: it speaks, it is never accused nor offered as a name (see `unnamed.unnamed_source`).
    unnamed: bool = False

    def names(self) -> list[str]:
        """The name and every alias, longest first (longest match wins when finding mentions)."""
        return sorted({self.name, *self.aliases}, key=len, reverse=True)

    def written_in(self, text: str) -> bool:
        """Whether the name or an alias is in `text` at all: the cheap test before a whole-word search.

        A long page has thousands of actors and of phrases to read against them: most pairs fail here.
        """
        if self.name in text:
            return True
        return any(alias in text for alias in self.aliases) if self.aliases else False


#: What follows a surname to tell a father and son apart: "Joseph R. Biden Jr." is "Biden", never "Jr".
GENERATIONS = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def surname(name: str) -> str:
    """A name's last word, before a generation's suffix: "Kaine" of "Tim Kaine", "Biden" of "Joseph R. Biden Jr"."""
    words = name.split()
    while len(words) > 2 and words[-1].rstrip(",") in GENERATIONS:  # "Donald Jr" has no surname but "Jr"
        words.pop()
    return words[-1] if words else name



def merge(drafts: list[ActorDraft], new: ActorDraft) -> ActorDraft:
    """Merge `new` into the draft that names the same actor (returned), else append it."""
    for draft in drafts:
        key = name_key(new.name)
        same = name_key(draft.name) == key or key in {name_key(a) for a in draft.aliases}
        if not same and "person" in (draft.kind, new.kind) and "country" not in (draft.kind, new.kind):
            named = _same_person(draft, new)
            if named is not None:
                old = draft.name
                draft.name, draft.kind = named, "person"
                extra = [old, new.name, *new.aliases]
                draft.aliases.extend(a for a in dict.fromkeys(extra) if a != named and a not in draft.aliases)
                return draft
        if not same and "person" not in (draft.kind, new.kind) and _owned_form(draft.name, new.name):
            same = True
        if not same and "media" in (draft.kind, new.kind) and "person" not in (draft.kind, new.kind):
            same = _last_words(draft.name, new.name)
            if same and len(new.name) > len(draft.name):  # "New York Times" heads "Times"
                draft.aliases.append(draft.name)
                draft.name, draft.kind = new.name, "media"
        if not same and not {"person", "country"} & {draft.kind, new.kind} and _acronym_of(draft.name, new.name):
            same = True  # "EPA" of "Environmental Protection Agency": the full name heads the actor
            if len(new.name) > len(draft.name):
                draft.aliases.append(draft.name)
                draft.name, draft.kind = new.name, new.kind
        if not same and not {"person", "country"} & {draft.kind, new.kind} and _placed_form(draft.name, new.name):
            same = True  # "Supreme Court" of "U.S. Supreme Court", "Intelligence Committee" of "House …"
            if len(new.name) > len(draft.name):
                draft.aliases.append(draft.name)
                draft.name = new.name
        if not same and "person" not in (draft.kind, new.kind) and _police_form(draft.name, new.name):
            same = True  # "Tempe police" of "Tempe Police Department"
            if len(new.name) > len(draft.name):
                draft.aliases.append(draft.name)
                draft.name, draft.kind = new.name, new.kind
        if not same and "person" not in (draft.kind, new.kind) and _short_form(draft.name, new.name):
            same = True
            if len(new.name) > len(draft.name):  # the full name heads the actor
                draft.aliases.append(draft.name)
                draft.name = new.name
        if same:
            draft.aliases.extend(a for a in [new.name, *new.aliases] if a != draft.name and a not in draft.aliases)
            return draft
    drafts.append(new)
    return new


_OWNED = re.compile(r"(.+?)['’]s\s+([a-z][\w-]*)")


def _owned_form(one: str, other: str) -> bool:
    """Whether one name is the other with its owner's full name: "Hillary Clinton’s campaign", "Clinton campaign"."""
    for owned, plain in ((one, other), (other, one)):
        if "'s" not in owned and "’s" not in owned:  # the pattern cannot match: skip the regex
            continue
        match = _OWNED.fullmatch(owned)
        if match and plain == f"{surname(match[1])} {match[2]}":
            return True
    return False


def _acronym_of(one: str, other: str) -> bool:
    """Whether one name is the other's initials: "EPA" and "Environmental Protection Agency"."""
    short, full = sorted((one, other), key=len)
    return 2 <= len(short) <= 6 and short.isalpha() and short.isupper() and " " in full and short == "".join(
        w[0] for w in full.split() if w[:1].isupper()
    )


#: Words before a body's name that say whose or where it is: "U.S. Supreme Court", "House Intelligence Committee".
_PLACING_WORDS = frozenset({"House", "Senate", "Federal", "National", "State"})


def _placed_form(one: str, other: str) -> bool:
    """Whether one body's name is the other without the country or chamber before it ("U.S. Supreme Court")."""
    short, full = sorted((one.split(), other.split()), key=len)
    if len(short) < 2 or len(short) >= len(full) or full[-len(short) :] != short:
        return False
    lead = full[: -len(short)]
    return all(w in _PLACING_WORDS for w in lead) or name_key(" ".join(lead)) in countries()


def _last_words(one: str, other: str) -> bool:
    """Whether an outlet's short name is the end of its full name: "Times" of "New York Times"."""
    short, full = sorted((one.split(), other.split()), key=len)
    return 0 < len(short) < len(full) and full[-len(short) :] == short and short[0] not in FUNCTION_WORDS


def _same_person(one: ActorDraft, other: ActorDraft) -> str | None:
    """The name two drafts share when they are one person written two ways, else None.

    A lone surname joins the full name ("Kaine" -> "Tim Kaine"), whatever kind the model gave the surname
    ("O'Neill", "organization"); a titled name joins the bare one ("Sen. Lindsey Graham" -> "Lindsey Graham",
    "Bill de Blasio" keeps its "de"); a middle initial is optional ("Donald J. Trump" is "Donald Trump").
    """
    short, full = sorted((one.name, other.name), key=len)
    whole = one if one.name == full else other
    if len(short.split()) == 1:
        fits = name_key(surname(full)) == name_key(short) and not short.isupper() and whole.kind == "person"
        return full if fits else None
    if one.kind != "person" or other.kind != "person":
        return None
    if full.lower().endswith(" " + short.lower()):
        head = full[: -len(short)].split()
        return short if head and head[-1].lower().strip(".") in TITLE_WORDS else full
    a, b = short.split(), full.split()
    if a[0] == b[0] and a[-1] == b[-1] and all(re.fullmatch(r"[A-Z]\.", w) for w in b[1:-1]):
        return short
    if len(a) == 2 and len(b) == 3 and a == [b[0], b[2]] and b[1][:1].isupper() and b[1] not in GENERATIONS:
        return full  # a middle name is optional too: "Hillary Rodham Clinton" is "Hillary Clinton"
    return None




def join_lone_heads(drafts: list[ActorDraft]) -> None:
    """Join a body written by its head word alone to the one body of that head word ("the Commission").

    News names a body in full once and then by its head word alone: "the Commission" is the "European
    Commission", "the Board" the "Board of Control for Cricket in India". With two bodies of that head word
    ("European Commission", "Federal Election Commission") the lone word is either: nothing is joined.
    """
    bodies = [d for d in drafts if d.kind not in _NOT_BODIES]
    for lone in bodies:
        word = _without_the(lone.name)
        if word not in HEADS:
            continue
        fits = [d for d in bodies if " " in _without_the(d.name) and _head_word(d.name) == word]
        if len(fits) == 1:
            full = fits[0]
            full.aliases.extend(n for n in lone.names() if n != full.name and n not in full.aliases)
            drafts.remove(lone)


def _without_the(name: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", name)


def _head_word(name: str) -> str:
    """The word a body's name is headed by: the last, or the one before "of" or "for" ("Department of Justice")."""
    words = _without_the(name).split()
    cut = next((i for i, w in enumerate(words) if w in TAIL_JOINERS), len(words))
    return words[cut - 1] if cut > 0 else ""


_NOT_BODIES = frozenset({"person", "country"})
#: What a city's police force is called in full: "Tempe Police Department", "Thames Valley Police Service".
_FORCE_WORDS = frozenset({"Department", "Service", "Force"})


def _police_form(one: str, other: str) -> bool:
    """Whether one name is a city's police in lower case and the other its force's full name."""
    short, full = sorted((one.split(), other.split()), key=len)
    n = len(short)
    return (
        n >= 2
        and short[-1] == "police"
        and full[: n - 1] == short[:-1]
        and full[n - 1] == "Police"
        and len(full) == n + 1
        and full[n] in _FORCE_WORDS
    )


def _short_form(one: str, other: str) -> bool:
    """Whether one organisation's name is the other's first words: "Greyhollow" of "Greyhollow Research"."""
    short, full = sorted((one.split(), other.split()), key=len)
    return (
        len(short) < len(full)
        and full[: len(short)] == short
        and short[0] not in NEVER_IN_A_NAME
        and short[0] not in FUNCTION_WORDS
        and short[0].lower() not in TITLE_WORDS
        and name_key(" ".join(short)) not in countries()
    )


def join_misspelled(text: str, drafts: list[ActorDraft]) -> None:
    """Join two people whose names differ by one letter in the given name or the surname: one is a typo.

    "Donand Trump" in a reader's tweet is Donald Trump, "Pete Santilli" is Peter Santilli, "Angela Correy" is
    Angela Corey; the spelling the text writes more often heads the actor. Names of four letters or fewer
    and given names of two genders ("Erica" and "Eric Garner", father and daughter) are never joined.
    """
    people = [d for d in drafts if d.kind == "person" and len(d.name.split()) == 2]
    # who is joined, by identity: `draft in drafts` compared whole dataclasses, field by field, for every pair
    # (an article naming 200 people took 1.6 s of CPU here)
    joined: set[int] = set()
    for one in people:
        for other in people:
            if one is other or id(one) in joined or id(other) in joined:
                continue
            if not _one_letter_apart(one.name, other.name):
                continue
            genders = {name_gender(one.name), name_gender(other.name)}
            if {"m", "f"} <= genders:
                continue
            keep, gone = sorted((one, other), key=lambda d: -len(find_all(text, d.name)))
            keep.aliases.extend(n for n in gone.names() if n != keep.name and n not in keep.aliases)
            drafts.remove(gone)
            joined.add(id(gone))


def _one_letter_apart(one: str, other: str) -> bool:
    """Whether two "Given Surname" names share one word and the other differs by one letter (4 letters or more)."""
    (a1, a2), (b1, b2) = one.split(), other.split()
    if a1 == b1:
        return one_edit(a2, b2)
    return a2 == b2 and one_edit(a1, b1)


def one_edit(a: str, b: str) -> bool:
    """Whether two words of four letters or more differ by one letter changed, added or dropped, or two swapped."""
    if a == b or min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        i, j = [*differ, 0, 0][:2]
        swapped = len(differ) == 2 and j == i + 1 and (a[i], a[j]) == (b[j], b[i])
        return len(differ) == 1 or swapped  # "Adbulhadi" for "Abdulhadi": two letters swapped
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
