"""Whom a pronoun speaker stands for: "he said", "they argue", "his campaign said".

A pronoun takes whom the text names since the previous statement that fits it, else the previous speaker;
of one sentence, its subject rather than whom the subject acted on ("Palmer hired Klein. '…,' he said");
a possessive ("his campaign") speaks for the pronoun's owner when its head speaks for someone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from extract.language.actors import ActorDraft, is_person_pronoun
from extract.language.finishing import AGENT_WORDS
from extract.language.gender import PRONOUN_GENDERS, ROLE_GENDERS, person_gender, reported_genders
from extract.language.grounding import Span, find_all
from extract.language.name_words import HONORIFICS, ROLE_NOUNS
from extract.language.names import SIGNATURE_LINE, TITLE_WORDS
from extract.language.speech import SpeechCandidate
from extract.language.speech.text import sentences_of
from extract.language.speech.vocabulary import _FORM_TO_LEMMA as REPORTING_FORMS

if TYPE_CHECKING:
    from extract.language.attribution import StatementDraft

#: A possessive pronoun alone ("his warning that …", "her claim that …": a noun of speech the finder took as
#: the cue) or before what speaks for its owner ("his campaign", "her advisers").
POSSESSIVE_PRONOUN = re.compile(
    r"(?P<pronoun>[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)(?:\s+(?:[\w-]+\s+){0,2}?(?P<head>[a-z]+))?"
)
_SUBJECT_FORM = {"his": "he", "her": "she", "its": "it", "their": "they"}
#: What speaks for the owner of "his …": his campaign, his spokesman and his lawyers do, his critics do not.
_SPEAKS_FOR_OWNER = AGENT_WORDS | frozenset(
    {"campaign", "team", "office", "staff", "camp", "spokesmen", "administration", "government", "lawyers",
     "attorneys"}
)  # fmt: skip
#: People around the owner who speak as themselves: "her advisers believe", "his chief aide said" report what
#: the advisers think, not the principal (PolNeAR's source is "Her advisers"); they become an unnamed source.
_SPEAK_FOR_THEMSELVES = frozenset(
    {"aide", "aides", "adviser", "advisers", "advisor", "advisors", "representatives", "people"}
)


def pronoun_owner(
    text: str,
    cand: SpeechCandidate,
    owner: re.Match[str],
    drafts: list[ActorDraft],
    out: list[StatementDraft],
    *,
    of_the_cue: bool = False,
) -> ActorDraft | None:
    """Whom "his" (or "his campaign") speaks for: the pronoun's antecedent, as for "he"; None for "his critics".

    "His advisers" speak for themselves (`_SPEAK_FOR_THEMSELVES`).
    `of_the_cue`: the phrase runs into a noun cue ("his recent claim"), so its last word only modifies the cue.
    """
    if (
        owner["head"] is not None
        and not of_the_cue
        and (owner["head"] not in _SPEAKS_FOR_OWNER or owner["head"] in _SPEAK_FOR_THEMSELVES)
    ):
        return None
    subject = _SUBJECT_FORM[owner["pronoun"].lower()]
    person = is_person_pronoun(subject)
    gender = PRONOUN_GENDERS.get(subject)
    found = antecedent(text, replace(cand, speaker=subject), drafts, out, person=person, gender=gender)
    if found is None or of_the_cue:
        return found
    return _owned_body(found, owner["head"], drafts) or found


def _owned_body(owner: ActorDraft, head: str | None, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The actor the text names for the owner's body ("his campaign": "the Sanders campaign"), else None.

    Where the text names the campaign, the campaign speaks there; "his campaign" is the same speaker. Without
    such an actor the owner speaks (`_SPEAKS_FOR_OWNER`).
    """
    if head is None or owner.kind != "person":
        return None
    surname = owner.name.split()[-1].lower()
    for draft in drafts:
        for name in draft.names() if draft.kind != "person" else ():
            words = [_OWNER_MARK.sub("", w) for w in name.lower().split()]
            if len(words) > 1 and words[-1] == head and surname in words[:-1]:
                return draft
    return None


#: A possessive's mark on an owner's name: "Sanders’", "Clinton's".
_OWNER_MARK = re.compile(r"['’]s?$")


_OWNER_PRONOUN = re.compile(r"(his|her|its|their)\b", re.IGNORECASE)


def document_owner(
    text: str, cand: SpeechCandidate, drafts: list[ActorDraft], out: list[StatementDraft]
) -> ActorDraft | None:
    """Whose "her submission to the court" or "their statement" it is: the pronoun's antecedent, its author."""
    owner = _OWNER_PRONOUN.match(cand.speaker or "")
    if owner is None:
        return None
    subject = _SUBJECT_FORM[owner[1].lower()]
    person, gender = is_person_pronoun(subject), PRONOUN_GENDERS.get(subject)
    return antecedent(text, replace(cand, speaker=subject), drafts, out, person=person, gender=gender)


#: A paragraph about the writer at an opinion piece's end: "Charlotte Meehan is playwright-in-residence at …".
_BIO = re.compile(r"\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s+(?:is|was|has been)\s")
#: How many closing paragraphs may hold the writer's bio.
_BIO_PARAGRAPHS = 3


def writer(text: str, at: int) -> str | None:
    """The name of who writes "I" in the narration of an opinion piece or a letter: who signs after `at`.

    A letter is signed on a line of its own after its text ("John Gorra." then the town); an op-ed names its
    writer in a closing bio ("Charlotte Meehan is playwright-in-residence at …"). None when neither is there
    (a reporter's "I" in a news story).
    """
    lines = [m for m in re.finditer(r"[^\n]+", text) if m[0].strip()]
    signed = next((m for m in lines if m.start() > at and SIGNATURE_LINE.fullmatch(m[0])), None)
    if signed is not None:
        return signed[0].strip().rstrip(".")
    bios = [b for m in lines[-_BIO_PARAGRAPHS:] if m.start() > at and (b := _BIO.match(m[0])) is not None]
    return bios[0]["name"] if bios else None


#: Between a subject and the time or adverb the finder took for the speaker: an appositive, a party tag or an
#: aside, then adverbs and auxiliaries ("Jo Roe, the chairman, this week said", "X (R-S.C.) earlier in the day").
_SUBJECT_GAP = re.compile(
    r"(?:\s*(?:,[^,;:\"“”\n]{1,80},|\([^()\n]{0,40}\)|\s(?:--|—|–)[^\n]{1,80}?(?:--|—|–)))*"
    r"(?:\s+(?:also|earlier|later|just|less|more|than|in|on|at|over|during|within|only|then|again|already|first|"
    r"still|repeatedly|recently|has|have|had))*\s*"
)
#: Where a sentence ends: the subject is looked for after it.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“])|\n")


#: Between a subject and the place the finder took for the speaker: "Democrats on Capitol Hill, who argued".
_LOCATED_GAP = re.compile(r"\s+(?:on|in|at|inside|outside|across)\s+(?:the\s+)?")


def subject_before(text: str, at: int, drafts: list[ActorDraft], *, located: bool = False) -> ActorDraft | None:
    """The actor named right before a time or adverb the finder took for the speaker, in the same sentence.

    Only an appositive, a party tag, an aside or adverbs may stand between (`_SUBJECT_GAP`): "Reince Priebus, the
    GOP chairman, this past week announced" is Priebus, not the GOP; else None (the statement is dropped).
    `located`: the phrase is where the subject is ("Democrats on Capitol Hill"): only "on", "in" … between.
    """
    start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, at - 300), at)), default=max(0, at - 300))
    best: tuple[int, ActorDraft] | None = None
    window = text[start:at]
    for draft in drafts:
        if not draft.written_in(window):
            continue
        for name in draft.names():
            for found, end in find_all(window, name):
                gap = (_LOCATED_GAP if located else _SUBJECT_GAP).fullmatch(text, start + end, at)
                if gap and (best is None or found < best[0]):
                    best = (found, draft)
    return best[1] if best else None


#: Pronouns that stand for a group, a body or people: never for a country named in passing ("They argue",
#: "We asked" after a hometown line), which news refers back to as "it".
_PLURAL_PRONOUNS = frozenset({"they", "we"})


def antecedent(
    text: str,
    cand: SpeechCandidate,
    drafts: list[ActorDraft],
    previous: list[StatementDraft],
    *,
    person: bool,
    gender: str | None = None,
) -> ActorDraft | None:
    """A pronoun speaker: whom the text names since the previous statement, else the previous speaker.

    The previous speaker only when it fits (a person for "he"/"she", no country for "they"/"we"); with no
    previous statement, the nearest fitting actor named before. In "… Dravec told reporters. Kallenberg broke
    her silence. '…,' she said." she is Kallenberg, named in between, not Dravec, who spoke last.
    `gender` ("m", "f") keeps out a person the text shows to be of the other gender (`gender.person_gender`):
    "she said" is not the man named last. Whom the quoted words name does not count: in '"Clinton will not
    withdraw," he said' he is not Clinton.
    """
    said = cand.pieces or (cand.span,)
    at = cand.span[0] if cand.cue_span is None else cand.cue_span[0]
    plural = cand.speaker is not None and cand.speaker.strip().lower() in _PLURAL_PRONOUNS
    fitting = [d for d in drafts if (d.kind == "person") == person and not (plural and d.kind == "country")]
    if plural:  # "They argue that the EPA overstepped its authority": not the body their words name
        fitting = [d for d in fitting if not any(find_all(text[a:b], n) for n in d.names() for a, b in said)]
    told: dict[int, str | None] = {}  # each person's gender as the text tells it, read once (it scans the text)
    sure: list[ActorDraft] = []
    if gender is not None:  # "her campaign" is no one's the text calls "he", when someone else fits
        told = {id(d): person_gender(text, d.names()) for d in fitting}
        if any(g is None for g in told.values()):  # "Voss said she …": a surname alone tells it by its pronouns
            voted = reported_genders(text, [(s, e, id(d)) for d in drafts if d.kind == "person" for s, e in d.mentions])
            told = {k: g or voted.get(k) for k, g in told.items()}
        fitting = [d for d in fitting if told[id(d)] in (None, gender)] or fitting
        # of those named since the last statement, one the text shows to be of that gender wins over one named
        # later whose gender it does not tell ("Clinton … painting Trump as a Romney caricature. She …")
        sure = [d for d in fitting if told[id(d)] == gender]
    since = 0
    if previous:
        last = previous[-1]
        since = max(last.span[1], last.candidate.cue_span[1] if last.candidate.cue_span else 0)
    fits_last = bool(previous) and any(d is previous[-1].speaker for d in fitting)
    owners = {span: d for d in drafts for span in d.mentions}  # whose "Clinton" each mention is
    start = since if fits_last else _unnamed_since(text, previous, cand, person, gender)
    named = _last_acting(text, start, at, fitting, said, owners)
    if named is not None and sure and told[id(named)] is None:
        named = _last_acting(text, since, at, sure, said, owners) or named
    if named is not None:  # "Palmer hired Klein as his deputy. '…,' he said": Palmer, the subject, not Klein
        pool = sure if named in sure else fitting
        named = _subject_over(text, named, start, at, pool, said, owners) or named
    if named is None and fits_last:  # "Biden rubbished Trump's claim to … '…,' he said": the claim's subject
        named = _subject_over(text, previous[-1].speaker, 0, at, fitting, said, owners) or previous[-1].speaker
    if named is None and person and previous and _one_unnamed_person(previous[-1].speaker, gender):
        named = previous[-1].speaker  # "…, a spokesman said. He said: '…'": no one named, the spokesman again
    return named


#: Words that introduce someone new: "a spokesman", "one delegate", "another witness".
_INDEFINITE = frozenset({"a", "an", "one", "another"})


def _unnamed_since(
    text: str, previous: list[StatementDraft], cand: SpeechCandidate, person: bool, gender: str | None
) -> int:
    """Where a "he"/"she" looks for whom it names when the previous speaker is someone unnamed, else 0 (anywhere).

    "A security official said soldiers searched the rooms. '…,' he said": the official (`antecedent` falls back
    on the previous speaker), or a person named in the sentence where the official spoke or since ("A reporter
    asked Sanders how he felt. He replied"; "Clinton, an aide said, is confident … she told"), never one named
    before it. Only someone introduced as new ("a", "one"): "the senator" describes someone named before, whom
    the pronoun may well name; and not for words inside the previous statement ("A reporter asked: did they
    discuss his vow …?"). L3S: 3 pronoun speakers change, all 3 right; PolNeAR train: 2, both right; dev: none.
    """
    if not person or not previous:
        return 0
    last = previous[-1]
    if not _one_unnamed_person(last.speaker, gender) or last.speaker.name.split()[0].lower() not in _INDEFINITE:
        return 0
    c = last.candidate
    began = min(x[0] for x in (last.span, c.cue_span, c.speaker_span) if x is not None)
    if began <= cand.span[0] < last.span[1]:
        return 0
    return max((s.start for s in sentences_of(text) if s.start <= began), default=0)


def _one_unnamed_person(speaker: ActorDraft, gender: str | None) -> bool:
    """Whether an unnamed source is one person a "he"/"she" may stand for: "a spokesman", "a police official".

    Its last word is a role noun (`name_words.ROLE_NOUNS`, all singular); "a spokeswoman" is no "he".
    """
    words = speaker.name.lower().split()
    if not speaker.unnamed or not words or words[-1] not in ROLE_NOUNS:
        return False
    return gender is None or ROLE_GENDERS.get(words[-1], gender) == gender


#: Words that may stand before a sentence's subject's name besides honorifics, titles and roles: "Former campaign
#: manager Jo Roe", "Assistant U.S. Attorney Jo Roe", "Rep. Jo Roe".
_BEFORE_SUBJECT = frozenset(
    {"the", "former", "then", "assistant", "deputy", "chief", "vice", "top", "senior", "u.s.", "state", "campaign",
     "republican", "democratic", "gop", "democrat"}
)  # fmt: skip
#: ... all the lower-case words that may: those, titles and roles (joined once, not for every word read).
_TITLES_BEFORE_SUBJECT = _BEFORE_SUBJECT | TITLE_WORDS | ROLE_NOUNS
#: Where an introductory phrase may end before a sentence's subject: "During an interview with Jo Roe, Ed Ames said",
#: "On the topic of Ed Ames, Jo Roe was asked": after any comma.
_CLAUSE_BREAK = re.compile(r",\s+")
#: A quotation mark: a name after one in its sentence is quoted or after a quotation, not the narrated subject.
_QUOTE_MARK = re.compile(r"[\"“”]|''")


def _opens_sentence(text: str, start: int, at: int) -> bool:
    """Whether a name at `at` is the subject of the sentence starting at `start`.

    Only titles ("Rep.", "former campaign manager"), after an introductory phrase or not, stand before it, and
    no quotation mark.
    """
    if _QUOTE_MARK.search(text, start, at):
        return False
    for lead in (start, *(m.end() for m in _CLAUSE_BREAK.finditer(text, start, at))):
        words = text[lead:at].split()
        if all(w in HONORIFICS or w.lower() in _TITLES_BEFORE_SUBJECT for w in words):
            return True
    return False


#: After a name that only modifies whom the sentence is about: "Holt's colleague Jo Roe", "Clinton communications
#: director Jo Roe", "Trump campaign manager Jo Roe": a possessive ending, or a role with its modifiers.
_POSSESSIVE_END = re.compile(r"['’](?:s\b|\s)")
_ROLE_MODIFIERS = _BEFORE_SUBJECT | frozenset(
    {"communications", "communication", "press", "policy", "political", "national", "security", "foreign",
     "finance", "digital", "media"}
)  # fmt: skip
_ROLES = ROLE_NOUNS | TITLE_WORDS
#: A word right after a name that makes the name a modifier: a role, or what speaks for its owner ("campaign").
_ROLES_OR_AGENTS = _ROLES | _SPEAKS_FOR_OWNER


def _modifies_a_role(text: str, end: int) -> bool:
    """Whether the name ending at `end` modifies what follows: "Holt's colleague", "Clinton press secretary"."""
    if _POSSESSIVE_END.match(text, end):
        return True
    words = [w.lower() for w in text[end : end + 60].split()[:2]]
    return bool(words) and (
        words[0] in _ROLES_OR_AGENTS or (len(words) > 1 and words[0] in _ROLE_MODIFIERS and words[1] in _ROLES)
    )


#: A closing quotation mark, then at most two words before a name: '"…," Mr. Roe' is who said it.
_AFTER_A_QUOTATION = re.compile(r"(?:[\"”]|'')\s+(?:\S+\s+){0,2}$")
#: A verb of speaking after a name: the name is its subject, even at a sentence's end ("…, Roe argues").
_SAYS = re.compile(r"\s+(?:also\s+)?(?P<verb>[a-z]+)\b")


def _says_after(text: str, end: int) -> bool:
    """Whether a verb of speaking follows the name ending at `end`."""
    said = _SAYS.match(text, end)
    return said is not None and said["verb"] in REPORTING_FORMS


def _name_at(text: str, at: int, draft: ActorDraft) -> str:
    """The longest of `draft`'s names that starts at `at`."""
    return max((n for n in draft.names() if text.startswith(n, at)), key=len, default="")


def _subject_over(
    text: str,
    named: ActorDraft,
    start: int,
    end: int,
    drafts: list[ActorDraft],
    said: tuple[Span, ...],
    owners: dict[Span, ActorDraft],
) -> ActorDraft | None:
    """The subject of the sentence where `named` is last named, when `named` is only an object there, else None.

    A pronoun that says something refers back to the one who acted, not to whom they acted on: in "Carson
    brought in a new manager, leading to the exit of Barry Bennett. He praised those who left" he is Carson.
    """
    mentions = [
        s for n in named.names() for s, e in find_all(text[start:end], n)
        if not any(a <= start + s < b for a, b in said) and owners.get((start + s, start + e), named) is named
    ]  # fmt: skip
    if not mentions:
        return None
    last = start + max(mentions)
    sentence = next((s for s in reversed(sentences_of(text)) if s.start <= last), None)
    if (
        sentence is None
        or _opens_sentence(text, sentence.start, last)
        or _AFTER_A_QUOTATION.search(text, sentence.start, last)  # '"…," Mr. Roe says': the quotation's speaker
        or _says_after(text, last + len(_name_at(text, last, named)))  # "Ames is right, Roe argues"
    ):
        return None
    subjects = [
        (sentence.start + found, draft)
        for draft in drafts
        for name in (draft.names() if draft is not named else ())
        for found, found_end in find_all(text[sentence.start : last], name)
        if sentence.start + found >= start
        and not _modifies_a_role(text, sentence.start + found_end)
        and owners.get((sentence.start + found, sentence.start + found_end), draft) is draft
        and _opens_sentence(text, sentence.start, sentence.start + found)
        and not any(find_all(text[a:b], name) for a, b in said)  # '"Mr Roe is persuasive," he said': not Roe
    ]
    return min(subjects, key=lambda x: x[0])[1] if subjects else None


#: Before a name that says where something happens: "sued in the U.S. Court of Appeals", "at the embassy",
#: "before 10 judges of the court".
_WHERE = re.compile(
    r"\b(?:in|at|before|inside|outside|near|into)\s+(?:(?:the\s+)?[\w'’-]+\s+){0,3}?(?:of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _last_acting(
    text: str,
    start: int,
    end: int,
    drafts: list[ActorDraft],
    said: tuple[Span, ...] = (),
    owners: dict[Span, ActorDraft] | None = None,
) -> ActorDraft | None:
    """Of `drafts`, the one named last in `text[start:end]` outside `said`, not as where something happens.

    In "Coal producers sued in the U.S. Court of Appeals. They argue …" they are not the court. A name two
    people share ("Clinton") is the one `owners` (mention span -> actor) gives it to: Hillary's mention is
    not Bill's.
    """
    best: tuple[int, ActorDraft] | None = None
    for draft in drafts:
        for name in draft.names():
            for found, found_end in find_all(text[start:end], name):
                if any(s <= start + found and start + found_end <= e for s, e in said):
                    continue
                owner = (owners or {}).get((start + found, start + found_end))
                if owner is not None and owner is not draft:
                    continue
                if (best is None or found > best[0]) and not _WHERE.search(
                    text, max(0, start + found - 40), start + found
                ):
                    best = (found, draft)
    return best[1] if best else None
