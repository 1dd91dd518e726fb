"""Who said it: each speech candidate's speaker as an actor, found in the text without the model.

A name in the speaker phrase resolves to a listed actor (the longest, last name wins); a personal name at
its end becomes a person even when the model missed them; "Owner's head" speaks for the head, or for the
owner when the head is a state organ; a pronoun or "his campaign" takes the previous speaker or the
nearest fitting actor (`antecedents`); a description ("the company said", "the Florida senator said") the
actor named before that it fits (`descriptions`); a document ("the lawsuit says") speaks for whoever filed
it. A phrase that names no one ("officials said", "the survey says") is an unnamed source (`unnamed`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.language.actors import ActorDraft, full_name, is_person_pronoun, is_pronoun, person_tail, resolve_name
from extract.language.admitting import add_actor, country_of_adjective
from extract.language.antecedents import (
    POSSESSIVE_PRONOUN,
    antecedent,
    document_owner,
    pronoun_owner,
    subject_before,
    writer,
)
from extract.language.descriptions import PARTY_HEADS, refers_forward, refers_to, refers_to_person
from extract.language.documents import DOCUMENT, OWNED_DOCUMENT, SOURCE_NOUNS, document_author
from extract.language.finishing import AGENT_WORDS
from extract.language.gender import PRONOUN_GENDERS
from extract.language.grounding import Span, find_all, said_pieces
from extract.language.merging import one_edit
from extract.language.name_words import HONORIFIC_PATTERN, ROLE_NOUNS, given_names
from extract.language.names import DATES_NOT_NAMES, MONTHS, PERSON_NOUNS, TITLE_WORDS
from extract.language.places import is_place
from extract.language.polls import finding_poll
from extract.language.speech import SpeechCandidate
from extract.language.speech.vocabulary import _FORM_TO_LEMMA as REPORTING_FORMS
from extract.language.stopwords import STOPWORDS
from extract.language.unnamed import GROUP_WORDS, names_no_source, unnamed_source
from schemas import said_text


@dataclass
class StatementDraft:
    """A found statement with its speaker, before ids are given out."""

    number: int  # how the model refers to it
    candidate: SpeechCandidate
    speaker: ActorDraft
    span: Span
    via: ActorDraft | None = None
    parts: tuple[Span, ...] = ()  # the words said around their own attribution (`said_pieces`), else ()

    def said(self, text: str) -> str:
        """The words said: the span's, or the parts' joined by one space (CONTRACT.md), never the attribution."""
        return said_text(text, self.span, self.parts)

    def holds(self, start: int, end: int) -> bool:
        """Whether `start:end` is inside the words said: in a part, not in the attribution between the parts."""
        return any(a <= start and end <= b for a, b in self.parts or (self.span,))


_VIA = re.compile(
    r"\b(?:as (?:quoted|reported|cited) by|according to|told|in an interview with)\s+"
    r"((?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)*)"
)


#: Quantifiers that float after their subject ("Cruz and Rubio both urged"): the subject speaks, when named.
_FLOATING = frozenset({"both", "all", "each"})
_DETERMINER = re.compile(r"^(?:(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our)\s+)+")
_DESCRIBING = frozenset({"the", "a", "an", "one", "another", "this", "that", "its", "his", "her", "their"})
_NOT_A_NAME = frozenset(
    {"The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "His", "Her", "Its",
     "Their"}
)  # fmt: skip
#: A proper name, with the lower-case joiners of institutions' names ("Organization for Security and
#: Co-operation in Europe", "Bank of England").
_NAMEISH = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:(?:of|for|and|on|in|the|de|&)\s+){0,2}[A-Z][\w.'’-]*){0,7}")


def attribute(
    text: str, candidates: list[SpeechCandidate], spans: list[Span], drafts: list[ActorDraft], warnings: list[str]
) -> list[StatementDraft]:
    """Give each speech candidate its speaker actor: by name, by pronoun, or by continuing a quote."""
    out: list[StatementDraft] = []
    by_id: dict[int, ActorDraft] = {}
    outlets: dict[Span, list[str]] = {}  # `_via`'s phrases per paragraph
    for number, (cand, span) in enumerate(zip(candidates, spans, strict=True), 1):
        speaker: ActorDraft | None = None
        if cand.speaker and _contracted(cand.speaker):  # "He's", "I’ve"
            cand = replace(cand, speaker=_CONTRACTED.sub("", cand.speaker))
        if cand.continues is not None:
            speaker = by_id.get(cand.continues)
        elif cand.speaker and cand.speaker_span and (poll := finding_poll(text, cand.speaker, cand.speaker_span)):
            speaker = _poll_speaker(text, poll, drafts, warnings)  # "A Bloomberg poll showed 72 percent of voters said"
        elif cand.speaker:
            if cand.speaker_span is not None and _is_a_location(text, cand.speaker, cand.speaker_span[0]):
                speaker = _resident(text, cand.speaker_span[0], drafts)  # "Harry Bond, 30, of Raleigh, N.C., said"
                if speaker is None:
                    warnings.append(f"dropped statement {text[span[0] : span[1]][:60]!r}: {cand.speaker!r} is a place")
                    continue
            elif cand.speaker_span and (at := subject_before(text, cand.speaker_span[0], drafts, located=True)):
                speaker = at  # "nervous Democrats on Capitol Hill, who have argued": the Democrats, not the Hill
            elif (
                cand.speaker.strip() in _FLOATING
                and cand.speaker_span
                and (at := subject_before(text, cand.speaker_span[0], drafts))
            ):
                speaker = at  # "Jo Roe and Ed Ames both urged": the subject before "both" speaks
            elif names_no_source(cand.speaker):  # "X, the chairman, this past week announced": X speaks
                speaker = subject_before(text, cand.speaker_span[0], drafts) if cand.speaker_span else None
            elif is_pronoun(cand.speaker):
                gender = PRONOUN_GENDERS.get(cand.speaker.strip().lower())  # "she said" is no man
                speaker = _writer(text, cand, candidates, drafts, warnings) or antecedent(
                    text, cand, drafts, out, person=is_person_pronoun(cand.speaker), gender=gender
                )
            elif (owner := POSSESSIVE_PRONOUN.fullmatch(cand.speaker.strip().rstrip(","))) is not None:
                speaker = pronoun_owner(text, cand, owner, drafts, out, of_the_cue=_before_the_cue(cand))
            elif _before_the_cue(cand) and (owned := _POSSESSIVE.match(cand.speaker.strip())) is not None:
                speaker = _named_speaker(text, owned["owner"], drafts, warnings)  # "Podliska's most explosive claim"
            else:
                speaker = _named_speaker(text, cand.speaker, drafts, warnings)
            if speaker is None and cand.speaker_span is not None:
                if DOCUMENT.match(cand.speaker):  # "her brief": hers; "the lawsuit": whoever sued
                    speaker = document_owner(text, cand, drafts, out) or document_author(
                        text, cand.speaker_span[0], drafts, cand.speaker
                    )
                else:  # "The company said": the organisation named before that it fits; "A group said": after
                    paragraph_end = text.find("\n", cand.span[1])
                    speaker = (
                        refers_to(text, cand.speaker_span, drafts)
                        or refers_to_person(text, cand.speaker_span, drafts)
                        or refers_forward(
                            text, cand.speaker_span, paragraph_end if paragraph_end >= 0 else len(text), drafts
                        )
                    )
        if speaker is None and cand.speaker and cand.speaker_span is not None and not is_pronoun(cand.speaker):
            lowered = cand.speaker.strip().lower()
            phrase = lowered if lowered in SOURCE_NOUNS else cand.speaker
            speaker = unnamed_source(text, phrase, cand.speaker_span, drafts)  # "Polls show": the polls
        if speaker is None and (lone := _lone_subject(text, cand)) is not None:
            speaker = _misspelled(lone, drafts) or add_actor(text, lone, "person", drafts, warnings)  # "Hale said"
        if speaker is None:
            warnings.append(f"dropped statement {text[span[0] : span[1]][:60]!r}: speaker {cand.speaker!r} unknown")
            continue
        by_id[cand.id] = speaker
        if span[1] > span[0]:
            via = _via(text, cand, drafts, speaker, outlets)
            out.append(StatementDraft(number, cand, speaker, span, via, said_pieces(text, span, cand.pieces)))
    return out


#: Verbs of speaking whose subject is someone: "Hale said", "Roe then asked" (not "Analysis shows").
_SPEAKING = frozenset(
    {"say", "tell", "ask", "add", "question", "reply", "respond", "explain", "argue", "insist", "recall",
     "acknowledge", "warn", "write", "tweet", "deny", "admit", "continue", "counter", "note"}
)  # fmt: skip
#: Between a subject and its verb of speaking: adverbs only ("Hale also said", "Roe then asked").
_ADVERBS_BETWEEN = re.compile(r"\s+(?:(?:also|then|later|again|once|earlier|further|quickly|simply)\s+)*")
#: Capitalised words that open a sentence as its subject and name no one.
_INDEFINITE = frozenset(
    {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "no-one", "none", "each"}
)
#: Lone words that name no one as a sentence's subject: the stopwords and the indefinites above.
_NO_ONE = STOPWORDS | _INDEFINITE


def _lone_subject(text: str, cand: SpeechCandidate) -> str | None:
    """A lone capitalised word right before an inflected verb of speaking, as its subject: "Hale said".

    Someone an article names once, where a sentence starts, looks like any capitalised word ("Perhaps");
    the verb tells them apart: a word that is the subject of "said" or "asked" names who spoke. None
    for a time, an adverb, a place or a word of the tables that names no one.
    """
    phrase, verb = (cand.speaker or "").strip(), (cand.cue or "").partition(" ")[0]
    if (
        cand.speaker_span is None
        or cand.cue_span is None
        or not re.fullmatch(r"[A-Z][a-z][\w'’-]*", phrase)
        or phrase.lower() in _NO_ONE
        or names_no_source(phrase)
        or phrase in MONTHS
        or is_place(phrase)
    ):
        return None
    lemma = REPORTING_FORMS.get(verb)
    spoken = lemma in _SPEAKING and verb != lemma and not verb.endswith("ing")  # "said", not "say" or "saying"
    return phrase if spoken and _ADVERBS_BETWEEN.fullmatch(text, cand.speaker_span[1], cand.cue_span[0]) else None


def _misspelled(surname: str, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The one person whose surname a lone name misspells by a letter ("Giulini": Rudy Giuliani), now an alias."""
    people = [d for d in drafts if d.kind == "person" and " " in d.name and one_edit(d.name.split()[-1], surname)]
    if len(people) != 1 or len(surname) < 5:
        return None
    people[0].aliases.append(surname)
    return people[0]


def _poll_speaker(text: str, poll: Span, drafts: list[ActorDraft], warnings: list[str]) -> ActorDraft | None:
    """Who speaks for a poll: the pollster it names ("A Quinnipiac University poll"), else the poll, unnamed."""
    phrase = text[poll[0] : poll[1]]
    if " " not in phrase:  # "Polls show": a common noun, not a name that opens the sentence
        return unnamed_source(text, phrase.lower(), poll, drafts)
    return _named_speaker(text, phrase, drafts, warnings) or unnamed_source(text, phrase, poll, drafts)


def _before_the_cue(cand: SpeechCandidate) -> bool:
    """Whether a possessive speaker phrase runs into a noun cue: "his recent claim", "Roe's most explosive claim".

    The cue is then a noun, in its base form after a phrase that is no plural subject ("his supporters claim"
    is a verb), and the phrase only its owner and modifiers: the owner made the claim ("recent" speaks for no one).
    """
    cue, words = cand.cue or "", (cand.speaker or "").split()
    return (
        cand.cue_span is not None
        and cand.speaker_span is not None
        and 0 <= cand.cue_span[0] - cand.speaker_span[1] <= 1
        and cue.islower()
        and REPORTING_FORMS.get(cue) == cue  # "claim", not "said", "claims" or "warning"
        and len(words) > 1
        and not words[-1].lower().endswith("s")
    )


def _writer(
    text: str, cand: SpeechCandidate, candidates: list[SpeechCandidate], drafts: list[ActorDraft], warnings: list[str]
) -> ActorDraft | None:
    """The writer, for "I" in an op-ed's or a letter's own words (not inside someone's quotation); else None.

    By the writer's full name, never a relative's shared surname ("my mother, Olive Meehan" is not Charlotte).
    """
    at = cand.cue_span[0] if cand.cue_span else cand.span[0]
    quoted = any(c.kind == "direct" and c is not cand and c.span[0] <= at < c.span[1] for c in candidates)
    author = writer(text, cand.span[1]) if (cand.speaker or "").strip() == "I" and not quoted else None
    if author is None:
        return None
    known = next((d for d in drafts if author in (d.name, *d.aliases)), None)
    return known or add_actor(text, author, "person", drafts, warnings)


#: A pronoun's contracted verb: "He's", "I’ve", "They'll" are he, I, they.
_CONTRACTED = re.compile(r"['’](?:s|ve|ll|d|m|re)$", re.IGNORECASE)


def _contracted(phrase: str) -> bool:
    return is_pronoun(_CONTRACTED.sub("", phrase)) and _CONTRACTED.search(phrase) is not None


#: Right before a place in a hometown or a location: "of Raleigh, ", "in Orlando, ".
_IN_A_PLACE = re.compile(r"(?:\b(?:of|from|in|at)[ \t]+(?:[A-Z][\w'’-]*[ \t]+)*|[A-Z][\w'’-]*,[ \t]+)$")
#: Between a person and their hometown: ", 30, of ", ", a retired nurse in ", " of ".
_HOMETOWN_AFTER_NAME = re.compile(
    r"(?:,\s+(?:\d+,\s+)?(?:[^,.;\"“”\n]{0,80}?\s)?|\s+)(?:of|from|in)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,\s+"
)


def _is_a_location(text: str, phrase: str, at: int) -> bool:
    """Whether a speaker phrase is a place written as a hometown or a location ("in Orlando, Florida")."""
    return is_place(phrase) and _IN_A_PLACE.search(text, max(0, at - 60), at) is not None


def _resident(text: str, at: int, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The person whose hometown ends right before `at` ("Harry Bond, 30, of Raleigh, " + "N.C."), else None.

    A place names where someone lives or where something is, never who speaks.
    """
    for draft in drafts:
        if draft.kind != "person":
            continue
        for name in draft.names():
            for _, end in find_all(text[max(0, at - 160) : at], name):
                if _HOMETOWN_AFTER_NAME.fullmatch(text, max(0, at - 160) + end, at):
                    return draft
    return None


#: "Owner's head", and "Owners' head" with the apostrophe alone after a final s ("Sanders’ campaign").
_POSSESSIVE = re.compile(r"^(?P<owner>.*?\S)(?:['’]s|(?<=s)['’])\s+(?P<head>\S.*)$")
#: Heads of "Country's …" that speak for the country's government ("Russia's foreign ministry").
_STATE_ORGANS = re.compile(
    r"\b(?:government|ministry|ministries|foreign office|embassy|cabinet|administration|military|army|armed forces|"
    r"navy|defen[cs]e|presidency|president|prime minister|authorities|officials?|spokes\w+|state media)\b",
    re.IGNORECASE,
)


_ROLE_HEADS = "|".join(sorted(TITLE_WORDS | ROLE_NOUNS | PERSON_NOUNS, key=len, reverse=True))
#: A name, then an appositive, a relative clause, a comparison or a dash aside that describes it: "Tommy
#: Vietor, a former spokesman for X", "Clinton, like Obama,", "Kall -- co-editor of Debating The Donald --".
_DESCRIBED_AFTER = re.compile(
    r"^(.+?)(?:,\s+(?:who|whom|whose|which|a|an|the|now|then|formerly|like|unlike|as|along with|together with)\b"
    r"|\s+(?:--|—|–)\s+)"
)
#: A full name, then a role without an article: "Jo Amar, professor of law at Yale and author of …", "Ed Roe,
#: senior adviser for X" (the role's words name a place or a body, never the speaker).
_ROLE_AFTER = re.compile(rf"^(.+?),\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{_ROLE_HEADS})s?\b")
#: Heads of a description of someone by their relation to the name before them: "the Calloway supporter".
_RELATIONS = PERSON_NOUNS - AGENT_WORDS | frozenset(
    {"supporters", "critics", "friends", "allies", "ally", "rival", "family", "relatives", "parents", "widow"}
)  # "the Roe family": not Ann Roe
#: A party and state after a politician's name: "(D-Mo.)", "(R-Ky.)".
_PARTY_TAG = re.compile(r"\s*\([A-Z]{1,3}[-–][\w. ]{1,15}\)")


def _named_speaker(text: str, phrase: str, drafts: list[ActorDraft], warnings: list[str]) -> ActorDraft | None:
    """The actor a speaker phrase names; a person's name at its end wins over the organisation before it.

    "NATO Secretary General Jens Stoltenberg" is Stoltenberg (affiliated with NATO), even when the model did
    not list him; "Blinken", alone, becomes "Antony Blinken" when the article names him in full. In
    "Albania's main opposition party" Albania is the owner, not the speaker (see `_possessive_speaker`).
    """
    words = phrase.rstrip(",").split()
    if len(words) > 2 and words[0].lower() in _DESCRIBING and (words[-1] in _RELATIONS or words[-1] in PARTY_HEADS):
        return None  # "the Calloway supporter", "a Trump aide", "one Iowa Democrat": someone the name is not
    described = _DESCRIBED_AFTER.match(phrase)
    if described is not None and person_tail(_PARTY_TAG.sub("", described[1])) is not None:
        phrase = _PARTY_TAG.sub("", described[1])  # "Sen. Jo Rand (D-Mo.), who backs Clinton,": Jo Rand speaks
    elif (role := _ROLE_AFTER.match(phrase)) is not None and " " in (person_tail(_PARTY_TAG.sub("", role[1])) or ""):
        phrase = _PARTY_TAG.sub("", role[1])  # "Jo Amar, professor at Yale,": not Yale
    owned = _POSSESSIVE.match(phrase.strip())
    if owned is not None:
        return _possessive_speaker(text, owned, drafts, warnings)
    found = resolve_name(phrase, drafts)
    if found is not None and _only_related(phrase, found):
        found = None  # "Opponents of allowing refugees into the U.S.", "Friends of Mr. Clinton's": not the name
    tail = person_tail(phrase)
    if tail is not None and (found is None or not any(tail in n or n in tail for n in found.names())):
        name = _from_first_name_word(full_name(text, tail))
        if " " in name and name.split()[-1] not in GROUP_WORDS:  # not "Reuters", not "Fellow Republicans"
            known = len(drafts)
            person = add_actor(text, name, "person", drafts, warnings)
            if person is not None:
                if len(drafts) > known:
                    warnings.append(f"added speaker {person.name!r} that the model did not list as an actor")
                if found is not None and found.kind != "person":
                    person.affiliation = found
                return person
    if found is not None:
        return found
    return _new_speaker(text, phrase, drafts, warnings)


def _possessive_speaker(
    text: str, owned: re.Match[str], drafts: list[ActorDraft], warnings: list[str]
) -> ActorDraft | None:
    """The speaker of "Owner's head".

    The head when it names someone; the owner when the head is one of a country's state organs ("Russia's
    foreign ministry"); else an actor named by the whole phrase ("Albania's main opposition party").
    """
    head = owned["head"]
    owner = resolve_name(owned["owner"], drafts)
    owner_name = _DETERMINER.sub("", owned["owner"])
    if OWNED_DOCUMENT.fullmatch(head.rstrip(",")) and _NAMEISH.fullmatch(owner_name):
        # "Ivana Trump's brief said": the brief speaks for her; not "a source familiar with the FDIC's report"
        return _named_speaker(text, owned["owner"], drafts, warnings) if owner is None else owner
    tail = person_tail(head)
    if resolve_name(head, drafts) is not None or (tail is not None and " " in full_name(text, tail)):
        speaker = _named_speaker(text, head, drafts, warnings)  # "China's foreign ministry spokesperson Mao Ning"
        if speaker is not None and speaker.kind == "person" and speaker.affiliation is None and owner is not None:
            speaker.affiliation = owner if owner.kind != "person" else None
        return speaker
    if owner is not None and owner.kind in ("country", "government") and _STATE_ORGANS.search(head):
        return owner
    name = _DETERMINER.sub("", owned.group(0)).strip()  # the phrase as the article writes it
    known = len(drafts)
    draft = add_actor(text, name, "organization", drafts, warnings)
    if draft is not None and len(drafts) > known:
        warnings.append(f"added speaker {draft.name!r} that the model did not list as an actor")
        if owner is not None and owner is not draft and owner.kind != "person":
            draft.affiliation = owner
    return draft


#: Words a sentence may start a name with that are no part of it: "Some Democrats", "Fellow Republicans".
_NOT_NAME_WORDS = STOPWORDS | frozenset(
    {"plus", "fellow", "many", "several", "few", "top", "recent", "one", "another", "both", "all", "each", "every",
     "no", "veteran", "leading", "prominent", "senior", "former", "even", "also", "still", "now", "then"}
)  # fmt: skip
#: Days and months: a date in a speaker phrase ("a poll released Wednesday") names no one.
#: Heads that describe a person, never begin an organisation's name: "Member of House panel".
_DESCRIBING_HEADS = TITLE_WORDS | ROLE_NOUNS | PERSON_NOUNS | frozenset({"member", "members"})
#: A preposition before a name inside a speaker phrase: the name modifies the head, it does not speak.
_AFTER_PREPOSITION = re.compile(r"(?:\b([\w-]+)\s+)?\b(in|into|of|from|at|to|on|across|about|for|with)\s+(?:the\s+)?$")
#: Words before "of" (or "for", "at", "with") that make the name after it the speaker: a share of a group or
#: its members speak as it ("a majority of Americans", "members of the Saudi government", "a spokeswoman for X",
#: "an analyst at Jefferies"). "A review by The Times" is the Times' review.
_OF_A_BODY = frozenset({"of", "for", "at", "with"})
_SPEAKS_AS_OF = AGENT_WORDS | ROLE_NOUNS | TITLE_WORDS | PERSON_NOUNS | frozenset(
    {"majority", "percent", "handful", "most", "many", "some", "half", "number", "third", "share", "members",
     "member", "officials", "leaders", "leadership", "representatives", "spokespeople", "staff"}
)  # fmt: skip


def _modifies(phrase: str, at: int) -> bool:
    """Whether the name at `at` in a speaker phrase is a prepositional modifier ("polls in Pennsylvania")."""
    match = _AFTER_PREPOSITION.search(phrase, 0, at)
    return match is not None and not (match[2] in _OF_A_BODY and (match[1] or "").lower() in _SPEAKS_AS_OF)


#: Words for people by their relation to the name after them: "Supporters of Sanders", "people close to X".
_RELATED = _RELATIONS | {f"{w}s" for w in _RELATIONS} | {"opponents", "opponent", "backers", "fans", "close"}


def _only_related(phrase: str, actor: ActorDraft) -> bool:
    """Whether the actor is named in a speaker phrase only as whom the speakers relate to ("Friends of X")."""
    at = [start for name in actor.names() for start, _ in find_all(phrase, name)]
    related = (_AFTER_PREPOSITION.search(phrase, 0, start) for start in at)
    return bool(at) and all(m is not None and (m[1] or "").lower() in _RELATED for m in related)


def _place_in_passing(name: str, phrase: str) -> bool:
    """Whether a place in a speaker phrase is only where: "Pennsylvania and Virginia", "U.S. lobbying records".

    A country's officials speak for it ("U.S. officials", "White House officials"); a coordination of places or
    a place before a thing ("records", "polls") names no one.
    """
    if not is_place(name):
        return False
    if re.search(r",|\band\b|\bor\b", name):
        return True
    head = phrase.rstrip(",").split()[-1]
    return head.islower() and head not in _SPEAKS_AS_OF


def _from_first_name_word(name: str) -> str:
    """A name without the sentence words before it: "Some Democrats" -> "Democrats", "While Trump" -> "Trump"."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in _NOT_NAME_WORDS:
        words.pop(0)
    return " ".join(words)


def _new_speaker(text: str, phrase: str, drafts: list[ActorDraft], warnings: list[str]) -> ActorDraft | None:
    """A speaker the model did not list and that is no person's name: keep it when it is a proper name."""
    words = phrase.rstrip(",").split()
    if (
        len(words) > (1 if words[-1] in PARTY_HEADS else 2)
        and words[0].lower() in _DESCRIBING
        and (words[-1].islower() or words[-1] in PARTY_HEADS)  # "the Wisconsin Republican" is a person
        and not any(country_of_adjective(w, drafts) for w in words)  # "a senior Kestrian official" is Kestria
    ):
        return None  # "the Dunmore senator": a description of someone named before, not a name
    names = [
        _from_first_name_word(_DETERMINER.sub("", m[0]).strip())
        for m in _NAMEISH.finditer(phrase)
        if not _modifies(phrase, m.start())
        and not (
            is_place(m[0]) and _IN_A_PLACE.search(phrase, 0, m.start())
        )  # "Recent polls in Pennsylvania", "senator from X"
    ]
    names = [
        n
        for n in names
        if n
        and n.split()[0] not in _NOT_A_NAME
        and n.split()[0].lower() not in _DESCRIBING_HEADS  # "Member of House panel": a person described
        and not _place_in_passing(n, phrase)
        and n not in DATES_NOT_NAMES
    ]
    if not names:
        return None  # "the ministry", "The officials": no name to give the speaker
    name = max(names, key=len)
    lone_person = _a_person_s_lone_name(text, phrase, name) and country_of_adjective(name, drafts) is None  # "German"
    kind = "person" if lone_person else "organization"
    draft = (_by_first_name(name, drafts) if kind == "person" else None) or add_actor(
        text, name, kind, drafts, warnings
    )
    if draft is not None:
        warnings.append(f"added speaker {draft.name!r} that the model did not list as an actor")
    return draft


def _a_person_s_lone_name(text: str, phrase: str, name: str) -> bool:
    """Whether one capitalised word is a person's name: "Mr. King", "Bob", "Sen. Tester"; not "Reuters".

    A given name from the census list, or a word the phrase or the text writes after an honorific.
    """
    if " " in name or not name[:1].isupper() or name.isupper():
        return False
    titled = re.compile(rf"(?<![\w.])(?:{HONORIFIC_PATTERN})\s+{re.escape(name)}\b")
    return name in given_names() or titled.search(phrase) is not None or titled.search(text) is not None


def _by_first_name(name: str, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The one person listed whose first name a lone given name is: "Melanie" for "Melanie Trump"."""
    people = [d for d in drafts if d.kind == "person" and len(d.name.split()) > 1 and d.name.split()[0] == name]
    return people[0] if len(people) == 1 else None


def _via(
    text: str, cand: SpeechCandidate, drafts: list[ActorDraft], speaker: ActorDraft, seen: dict[Span, list[str]]
) -> ActorDraft | None:
    """The outlet a statement was relayed through ('as quoted by Politico'), when it is a media actor.

    `seen` keeps each paragraph's outlet phrases by its bounds: a page without paragraph breaks (200 KB in one)
    was read again for every statement in it (2 of its 6 s).
    """
    sentence_start = text.rfind("\n", 0, cand.span[0]) + 1
    sentence_end = text.find("\n", cand.span[1])
    window = (sentence_start, sentence_end if sentence_end >= 0 else len(text))
    if window not in seen:
        seen[window] = [match.group(1) for match in _VIA.finditer(text[window[0] : window[1]])]
    for phrase in seen[window]:
        actor = resolve_name(phrase, drafts)
        if actor is not None and actor is not speaker and actor.kind == "media":
            return actor
    return None
