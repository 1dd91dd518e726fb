"""Charges the article narrates: "police found cocaine in her purse and she was charged with possession".

Crime, court, sports-discipline and regulator news tell most accusations as narrative, in nobody's words: the
accused is the one charged, arrested, indicted, convicted, fined, suspended, banned or sued, and the accuser the
authority that did it. A reader takes the charge as the authority's allegation (bench/real/general/README.md:
"Charges told as narrative"), but the speech finder sees no statement there, so the model is never asked.

The accuser is the authority the sentence names: the passive's agent ("was fined by the ICC for"), the subject
of an active charge ("Police charged him with"), else the one authority the sentence names beside the charge
(a body by its role, "police found cocaine … and she was charged", or a country, "extradited to the United
States to face charges"). A sentence that names none, or two, gives nothing: no authority is made up (a bare
"was charged with" names none; session 17 found the authority named in 2 of 18 such sentences on PolNeAR train).
A sentence inside someone's statement is theirs, not the narration's, and is left alone.

Each charge found becomes a `narrated` statement of its authority (the sentence; CONTRACT.md) and the evidence
of an allegation; nothing here asks the model, so the model's requests are those of an article without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extract.language.actors import ActorDraft
from extract.language.admitting import add_actor
from extract.language.allegations import Accusation
from extract.language.attribution import StatementDraft
from extract.language.categories import plausible_category
from extract.language.gender import PRONOUN_GENDERS
from extract.language.grounding import Span, find_all
from extract.language.institutions import BODY_HEADS, body_kind, body_mentions, body_name, known_body
from extract.language.name_words import given_names
from extract.language.speech import Sentence, SpeechCandidate

#: Participles of a charge, each with the words that bring the wrong after it ("charged with possession",
#: "arrested for drink-driving", "convicted of fraud"), which may stand a few words later ("fined $500 for",
#: "banned for three games for", "arrested at the airport for"). Without such a word no charge is read:
#: "the game was suspended", "charged into the room", "was banned from the stadium".
CHARGE_PARTICIPLES: dict[str, tuple[str, ...]] = {
    "charged": ("with", "over"),
    "arrested": ("for", "on", "over"),
    "detained": ("for", "on", "over"),
    "indicted": ("on", "for"),
    "convicted": ("of", "on", "for"),
    "found guilty": ("of",),
    "sentenced": ("for", "over"),
    "jailed": ("for", "over"),
    "prosecuted": ("for", "over", "on"),
    "sued": ("for", "over"),
    "fined": ("for", "over"),
    "suspended": ("for", "over"),
    "banned": ("for", "over"),
    "penalised": ("for",),
    "penalized": ("for",),
    "reprimanded": ("for", "over"),
    "disciplined": ("for", "over"),
    "sent off": ("for",),
    "accused": ("of",),
}
#: Active forms of the same verbs, whose object is accused: "Police charged him with", "the ICC fined Pakistan for".
CHARGE_ACTIVE: dict[str, tuple[str, ...]] = {
    "charge|charges|charged|charging": ("with", "over"),
    "arrest|arrests|arrested|arresting": ("for", "on", "over"),
    "indict|indicts|indicted|indicting": ("on", "for"),
    "convict|convicts|convicted|convicting": ("of", "on", "for"),
    "fine|fines|fined|fining": ("for", "over"),
    "suspend|suspends|suspended|suspending": ("for", "over"),
    "ban|bans|banned|banning": ("for", "over"),
    "sue|sues|sued|suing": ("for", "over"),
    "prosecute|prosecutes|prosecuted|prosecuting": ("for", "over", "on"),
}
#: Nouns of a charge its subject faces: "faces charges of", "to face federal charges that", "faced a lawsuit over".
FACED_CHARGES = r"(?:charges?|indictments?|lawsuits?|suits?|prosecution)"
#: How many sentences back in its paragraph a charge may find its authority, a body by its role, when its own
#: sentence names none.
PARAGRAPH_BACK = 2
#: Nouns of a charge an owner underwent: "since her Dec. 1 arrest", "after Kern's indictment on".
CHARGE_NOUNS = r"(?:arrest|indictment|conviction)"
#: Kinds of actor that may charge: bodies of the state, countries, international bodies (a federation, a
#: council) and organisations (a club that suspends, a company that sues); never a person or an outlet.
AUTHORITY_KINDS = frozenset({"government", "country", "international_organization", "organization"})

_PREPS = "|".join(sorted({p for preps in CHARGE_PARTICIPLES.values() for p in preps}))
_NAME_WORD = r"(?:[A-Z][a-z][\w'’-]*|(?:al|el|bin|ibn|abu|van|von|de|da|di)(?:-[A-Z][\w'’-]*)?)"
_FULL_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z][\w'’-]*(?:\s+" + _NAME_WORD + r"){0,2}\s+(?:[A-Z][a-z][\w'’-]*|"
                        r"(?:al|el)-[A-Z][\w'’-]*)$")
_PARTICLE = re.compile(r"(?:al|el|bin|ibn|abu)(?:-|$)")
_BE = r"(?:was|were|is|are|been|being|be|get|gets|got|has been|have been|had been)"
_ADVERBS = r"(?:(?:then|later|also|subsequently|since|again|once|twice|reportedly|allegedly|formally|eventually|" \
    r"initially|first|previously|recently|already|briefly|\w+ly)\s+)*"
_GAP = r"(?:\s+(?![Bb]y\b)[\w$£€.,'’-]+){0,5}?"  # a place, an amount or a time before the charge's word
_PASSIVE = re.compile(
    r"\b" + _BE + r"\s+" + _ADVERBS + r"(?P<verb>" + "|".join(CHARGE_PARTICIPLES) + r")\b"
    r"(?P<gap>(?:\s+by\s+[^,.;:!?]{1,60}?)?" + _GAP + r")\s+(?P<prep>" + _PREPS + r")\b",
)
_ACTIVE = re.compile(r"\b(?P<verb>" + "|".join(CHARGE_ACTIVE) + r")\s+")
_CHARGE_AFTER = re.compile(_GAP + r"\s+(?P<prep>\w+)\b")
_FACES = re.compile(r"\b(?:face|faces|faced|facing)\s+(?:(?:a|an|the|new|federal|criminal|[A-Z][\w.]*|"
                    r"[a-z]+-[a-z]+)\s+){0,3}" + FACED_CHARGES + r"\s+(?:of|that|over|for|in connection with)\b")
_OWNED_CHARGE = re.compile(r"\b(?P<owner>his|her|[A-Z][\w'’-]*['’]s)\s+"
                           r"(?:(?!(?:and|or|but|that|the)\b)[\w.-]+\s+){0,3}?" + CHARGE_NOUNS + r"\b")
_BY = re.compile(r"\s+by\s+(?:the\s+)?")
#: Between the one charged and the verb: adverbs, after a relative "who" ("Kern, who was charged") or an
#: appositive ("Mr Graham, 55, was charged"; "one of those still at large, Qasim al-Raymi, has been accused").
_SUBJECT_GAPS = (
    re.compile(r",?\s+" + _ADVERBS + r"$"),
    re.compile(r",?\s+who\s+" + _ADVERBS + r"$"),
    re.compile(r",\s+[^,;:.!?]{1,60}?,\s+(?:who\s+)?" + _ADVERBS + r"$"),
)
#: Before "being charged": the charge is the clause's subject's ("Barton will appear in court after being charged").
_BEING = re.compile(r"\b(?:after|before|since|for|despite|while|upon|on|without)\s+$")
_PRONOUN_BEFORE = re.compile(r"\b([Hh]e|[Ss]he)$")
_PRONOUN_AT = re.compile(r"([Hh]e|[Ss]he)\b")
_OBJECT_PRONOUN = re.compile(r"(him|her)\b(?=\s+(?:with|for|on|over|of|[$£€\d]))")
#: What may open a sentence before its subject: a dateline ("London (dpa) - "), nothing, an opening phrase.
_LEADS = (re.compile(r"[A-Z][\w .,]{0,30}\([\w .]{1,20}\)\s*[-–—]+\s*"), re.compile(r"\W*"),
          re.compile(r"[^,\n]{0,40},\s+"))
#: A body named as the place of a deed, not its doer: "will appear in court", "taken to court".
_VENUE = re.compile(r"\b(?:in|to|into|before|at|outside|from)\s+$", re.IGNORECASE)
_THE = re.compile(r"the\s+")
_QUOTATION = re.compile(r"[\"“”]")
#: A body by its role, written in the sentence: "police", "prosecutors", "Yemeni authorities" (`institutions`).
_BODY_WORD = re.compile(
    r"(?:\b(?:[Tt]he\s+)?(?!(?:Then|When|But|And|After|Before|If|As|While|So|Later)\b)[A-Z][\w.’'-]*\s+)?\b(?i:"
    + "|".join(re.escape(h) for h in sorted(BODY_HEADS, key=len, reverse=True)) + r")\b"
)


class NarratedDraft(StatementDraft):
    """A charge the article's narration tells (`narrated` in the record): its authority's, not anyone's speech."""


@dataclass(frozen=True)
class Charge:
    """One narrated charge: the sentence, who is charged, who charges, the verb."""

    sentence: Span
    index: int  # of the sentence
    accused: ActorDraft
    accuser: ActorDraft
    verb: str


def narrated_charges(
    text: str,
    sentences: list[Sentence],
    stmts: list[StatementDraft],
    drafts: list[ActorDraft],
    gender: dict[int, str],
) -> list[Charge]:
    """The charges the narration tells, one per sentence; a party to one the actors missed joins `drafts`.

    The party may be a body by its role ("police") or a person named once in full right before the charge. A
    sentence that overlaps a statement or holds a quotation mark is someone's words: left alone.
    """
    found = []
    for sentence in narration(text, sentences, stmts):
        start, end = sentence.start, sentence.end
        known = len(drafts)
        before = paragraph_before(text, sentences, sentence)
        read = (r.charge((start, end), sentence.index) for r in readings(text, (start, end), drafts, gender, before))
        charge = next((c for c in read if c is not None), None)
        # a body or person added while reading the sentence stays only as a party to its charge
        drafts[known:] = [d for d in drafts[known:]
                          if charge is not None and (d is charge.accused or d is charge.accuser)]
        if charge is not None:
            found.append(charge)
    return found


def narration(text: str, sentences: list[Sentence], stmts: list[StatementDraft]) -> list[Sentence]:
    """The sentences that are the narration's: no statement overlaps them, no quotation mark is in them."""
    return [
        sentence for sentence in sentences
        if not _QUOTATION.search(text, sentence.start, sentence.end)
        and not any(s.span[0] < sentence.end and sentence.start < s.span[1] for s in stmts)
    ]


def with_narrated(
    text: str, stmts: list[StatementDraft], accusations: list[Accusation], charges: list[Charge]
) -> tuple[list[StatementDraft], list[Accusation]]:
    """The statements and accusations with each charge's sentence and allegation added.

    The sentence goes in its place in the text; the accusation after the others, which keep their order (and so
    their grouping into allegations): an article without a narrated charge is as before.
    """
    number = max((s.number for s in stmts), default=0)
    merged = list(stmts)
    made: list[Accusation] = []
    for n, charge in enumerate(charges, number + 1):
        cand = SpeechCandidate(0, charge.index, charge.sentence, "indirect", None, None, charge.accuser.name, None,
                               None)
        st = NarratedDraft(n, cand, charge.accuser, charge.sentence)
        merged.insert(next((i for i, other in enumerate(merged) if other.span[0] > st.span[0]), len(merged)), st)
        category = plausible_category("other", text[charge.sentence[0] : charge.sentence[1]])
        made.append(Accusation(st, [charge.accuser], [charge.accused], category, proposed_by="narrated"))
    return merged, [*accusations, *made]


def paragraph_before(text: str, sentences: list[Sentence], sentence: Sentence) -> Span:
    """The sentences before `sentence` in its paragraph, at most `PARAGRAPH_BACK` of them."""
    start = sentence.start
    for prior in reversed(sentences[max(0, sentence.index - PARAGRAPH_BACK) : sentence.index]):
        if "\n" in text[prior.end : start]:
            break
        start = prior.start
    return start, sentence.start


@dataclass(frozen=True)
class Reading:
    """A charge's words read in a sentence: whom they charge and who charges, each None where not found."""

    verb: str
    accused: ActorDraft | None
    accuser: ActorDraft | None

    def charge(self, sentence: Span, index: int) -> Charge | None:
        """The charge read, when both sides were found and are two."""
        if self.accused is None or self.accuser is None or self.accuser is self.accused:
            return None
        return Charge(sentence, index, self.accused, self.accuser, self.verb)


def readings(
    text: str, window: Span, drafts: list[ActorDraft], gender: dict[int, str], before: Span
) -> Iterator[Reading]:
    """Every match of the charge tables in the sentence `window`, in table order, with its sides as found.

    `before` is the stretch of its paragraph before it (`paragraph_before`). A side found may add a body or a person
    to `drafts` (`narrated_charges` keeps only a charge's).
    """
    start, end = window
    for match in _PASSIVE.finditer(text, start, end):
        if match["prep"] not in CHARGE_PARTICIPLES[match["verb"]]:
            continue
        if _BEING.search(text, start, match.start()) and match.group().startswith("being"):
            accused = _opening_subject(text, start, match.start(), drafts, gender)
        else:
            accused = _subject(text, start, match.start(), drafts, gender)
        accuser = None if accused is None else (
            _agent(text, match.end("verb"), end, drafts) or _one_authority(text, window, drafts, accused)
            or _one_body(text, before, drafts)
        )
        yield Reading(match["verb"], accused, accuser)
    for match in _ACTIVE.finditer(text, start, end):
        lemma = next(k for k in CHARGE_ACTIVE if match["verb"].lower() in k.split("|"))
        accused, after = _object(text, match.end(), end, drafts, gender)
        charge = _CHARGE_AFTER.match(text, after, end)
        if accused is None or charge is None or charge["prep"] not in CHARGE_ACTIVE[lemma]:
            continue
        yield Reading(match["verb"], accused,
                      _authority_before(text, start, match.start(), drafts) or _one_body(text, before, drafts))
    for match in _OWNED_CHARGE.finditer(text, start, end):
        accused = _owner(text, match, drafts, gender)
        # only a body by its role: a country beside someone's arrest is rather where it was or whither he was sent
        # ("Days after Tsege's arrest and extradition, Nega volunteered to replace him in Eritrea")
        accuser = (_one_body(text, window, drafts) or _one_body(text, before, drafts)) if accused is not None else None
        yield Reading("arrest", accused, accuser)
    for match in _FACES.finditer(text, start, end):
        accused = _opening_subject(text, start, match.start(), drafts, gender)
        accuser = (_one_authority(text, window, drafts, accused) or _one_body(text, before, drafts)
                   if accused is not None else None)
        yield Reading("face charges", accused, accuser)


def _owner(text: str, match: re.Match[str], drafts: list[ActorDraft], gender: dict[int, str]) -> ActorDraft | None:
    """Whose arrest or conviction it is: the person "his"/"her" stands for, or the actor whose name owns it."""
    owner = match["owner"]
    if owner.lower() in PRONOUN_GENDERS:
        return _person_before(text, match.start(), drafts, gender, PRONOUN_GENDERS[owner.lower()])
    at = match.start("owner")
    return next((d for s, e, d in _mentions_in(drafts, at, match.end("owner")) if s == at), None)


def _mentions_in(drafts: list[ActorDraft], start: int, end: int) -> list[tuple[int, int, ActorDraft]]:
    """The mentions of the actors that may be accused (no anonymous source) inside `start:end`, in order."""
    return sorted(((s, e, d) for d in drafts if not (d.unnamed and d.kind == "other")
                   for s, e in d.mentions if start <= s and e <= end), key=lambda m: m[:2])


def _subject(text: str, start: int, at: int, drafts: list[ActorDraft], gender: dict[int, str]) -> ActorDraft | None:
    """Who is charged in a passive: the actor named right before the verb (`_SUBJECT_GAPS`), or "he"/"she"."""
    mentions = _mentions_in(drafts, start, at)
    for gap_re in _SUBJECT_GAPS:
        gap = gap_re.search(text, start, at)
        if gap is None:
            continue
        cut = gap.start()
        named = next((d for _, e, d in reversed(mentions) if e == cut), None) or _new_person(text, start, cut, drafts)
        if named is not None:
            return named
        pronoun = _PRONOUN_BEFORE.search(text, start, cut)
        if pronoun is not None:
            return _person_before(text, pronoun.start(), drafts, gender, PRONOUN_GENDERS[pronoun[1].lower()])
    return None


def _new_person(text: str, start: int, cut: int, drafts: list[ActorDraft]) -> ActorDraft | None:
    """A person named in full right before the charge whom the actors missed, named once ("Qasim al-Raymi"), added.

    Only a run of two to four name words whose first is a given name (`name_words.given_names`) or that holds an
    Arabic particle ("al-Raymi", "bin"), and that `add_actor` takes for a person's name.
    """
    run = _FULL_NAME.search(text, start, cut)
    if run is None:
        return None
    words = run.group().split()
    if words[0] not in given_names() and not any(_PARTICLE.match(w) for w in words[1:]):
        return None
    known = len(drafts)
    draft = add_actor(text, run.group(), "person", drafts, [])
    if draft is None or len(drafts) == known or draft.kind != "person":
        return None
    draft.mentions = find_all(text, draft.name)
    return draft


def _opening_subject(
    text: str, start: int, at: int, drafts: list[ActorDraft], gender: dict[int, str]
) -> ActorDraft | None:
    """The sentence's subject, at its start or after an opening phrase ("In July 2004, he was …")."""
    mentions = _mentions_in(drafts, start, at)
    for lead_re in _LEADS:
        lead = lead_re.match(text, start, at)
        if lead is None:
            continue
        named = next((d for s, _, d in mentions if s == lead.end()), None)
        if named is not None:
            return named
        pronoun = _PRONOUN_AT.match(text, lead.end(), at)
        if pronoun is not None:
            return _person_before(text, lead.end(), drafts, gender, PRONOUN_GENDERS[pronoun[1].lower()])
    return None


def _object(
    text: str, at: int, end: int, drafts: list[ActorDraft], gender: dict[int, str]
) -> tuple[ActorDraft | None, int]:
    """Who is charged in an active sentence, and where it ends: the actor named right after the verb, or him/her."""
    the = _THE.match(text, at, end)
    at = the.end() if the else at
    named = next(((d, e) for s, e, d in _mentions_in(drafts, at, end) if s == at), None)
    if named is not None:
        return named
    pronoun = _OBJECT_PRONOUN.match(text, at, end)
    if pronoun is None:
        return None, at
    return _person_before(text, at, drafts, gender, PRONOUN_GENDERS[pronoun[1].lower()]), pronoun.end()


def _person_before(
    text: str, at: int, drafts: list[ActorDraft], gender: dict[int, str], wanted: str
) -> ActorDraft | None:
    """The person named last before `at`, within about a paragraph, whose gender the text does not contradict.

    A given name no other person shares names its person too ("Jessica has been sitting in jail since her arrest").
    """
    start = max(0, at - 600)
    people = [d for d in drafts if d.kind == "person" and gender.get(id(d), wanted) == wanted]
    firsts: dict[str, list[ActorDraft]] = {}
    for d in (d for d in drafts if d.kind == "person"):
        if " " in d.name:
            firsts.setdefault(d.name.split()[0], []).append(d)
    named = [(s, d) for s, _, d in _mentions_in(people, start, at)]
    named += [(s + start, alone[0]) for first, alone in firsts.items() if len(alone) == 1 and alone[0] in people
              for s, _ in find_all(text[start:at], first)]
    return max(named, key=lambda m: m[0])[1] if named else None


def _agent(text: str, at: int, end: int, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The authority after "by" in the rest of the clause: "was fined by the ICC for …"."""
    for by in _BY.finditer(text, at, end):
        named = next((d for s, _, d in _mentions_in(drafts, by.end(), end) if s == by.end()), None)
        if named is not None and named.kind in AUTHORITY_KINDS:
            return named
        body = _BODY_WORD.match(text, by.end(), end)
        if body is not None:
            return _body(text, body.span(), drafts)
    return None


def _authority_before(text: str, start: int, at: int, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The subject of an active charge: the last authority named before the verb in its sentence."""
    found = [d for _, _, d in _mentions_in(drafts, start, at) if d.kind in AUTHORITY_KINDS]
    bodies = [_body(text, m.span(), drafts) for m in _BODY_WORD.finditer(text, start, at)]
    last = [*found, *(b for b in bodies if b is not None)]
    return last[-1] if len({id(d) for d in last}) == 1 else None


def _one_authority(text: str, window: Span, drafts: list[ActorDraft], accused: ActorDraft) -> ActorDraft | None:
    """The one authority the sentence names beside the accused, else None.

    A body by its role counts anywhere in the sentence ("police found cocaine … and she was charged"); a named
    one only after the accused: one named before is mostly the accused's own side or employer ("India suspended
    their tour after Harbhajan was banned", "Former CIA director David Petraeus was indicted"), one named after
    is where the charge comes from ("extradition to the United States to face charges").
    """
    start, end = window
    after = min((s for s, _ in accused.mentions if start <= s < end), default=start)
    found = {id(d): d for s, _, d in _mentions_in(drafts, start, end)
             if d is not accused and d.kind in {"government", "country"} and (d.unnamed or s > after)}
    for at, made in _bodies_in(text, window, drafts):
        if made is not accused and (made.unnamed or at > after):
            found[id(made)] = made
    return next(iter(found.values())) if len(found) == 1 else None


def _one_body(text: str, before: Span, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The one body by its role named in `before`, as the paragraph names it before a charge: the case's authority.

    "Police were called. … she was arrested for …"; none when the stretch names no body or two.
    """
    found = {id(made): made for _, made in _bodies_in(text, before, drafts) if made.unnamed}
    return next(iter(found.values())) if len(found) == 1 else None


def _bodies_in(text: str, window: Span, drafts: list[ActorDraft]) -> Iterator[tuple[int, ActorDraft]]:
    """Each body by its role `window` names, found or added (`_body`), with where: none named as a place (`_VENUE`)."""
    for body in _BODY_WORD.finditer(text, *window):
        if _VENUE.search(text, max(window[0], body.start() - 10), body.start()):
            continue
        made = _body(text, body.span(), drafts)
        if made is not None:
            yield body.start(), made


def _body(text: str, span: Span, drafts: list[ActorDraft]) -> ActorDraft | None:
    """The body a phrase names by its role ("police", "the authorities"), found or added (`institutions`).

    A phrase that is an actor's mention ("Supreme Court") is that actor, when it may charge.
    """
    named = next((d for d in drafts for s, e in d.mentions if s < span[1] and span[0] < e), None)
    if named is not None:
        return named if named.kind in AUTHORITY_KINDS and not (named.unnamed and named.kind == "other") else None
    phrase = text[span[0] : span[1]]
    kind = body_kind(phrase)
    if kind is None:
        return None
    name = body_name(phrase)
    known = known_body(drafts, kind, name)
    if known is not None:
        return known
    draft = ActorDraft(name, kind, mentions=body_mentions(text, name), unnamed=True)
    drafts.append(draft)
    return draft
