"""The writer's own charges: in a signed letter or op-ed, the writer's sentences are the writer's statements.

A news report's narration is nobody's statement: the reporter tells what others said. An opinion piece or a
reader's letter is different: its sentences are what its signer says ("It is plain that Senator Vance hid his
dealings from the voters.", signed "Margaret Ellwood."), and its charges are the signer's. A page of letters
holds several writers, each letter signed on a line of its own after its text; an op-ed names its writer in
a closing bio ("Dana Whitfield is a former mayor of Wenbury."). Either way the text must speak in the first
person outside quotation marks ("I", "we", "my" …): a news report closed by its reporter's bio, or a section
title that looks like a name ("Teodor Vance." above a paragraph about him), does not.

Only the writer's sentences that speak ill of someone they name (or of a "he"/"she") as a doer become
statements (see `_charges`): the allegation judge accepts no charge without ill words, and every other
sentence of the piece would lengthen the model's request. A sentence that holds someone else's statement (a
quotation, "Vance said that …") is left to that statement. Each such statement is `authored` in the record
(CONTRACT.md): its kind is `direct` (the span is the writer's own words, verbatim) and it has no cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.language.accusation_words import ACCUSING_FORMS, ACCUSING_RE, ONLY_WITH_FOR, SUBJECT_START
from extract.language.actors import ActorDraft, add_actor, finish_actors
from extract.language.attribution import StatementDraft
from extract.language.evaluative import speaks_ill
from extract.language.grounding import Span, find_all
from extract.language.names import SIGNATURE_LINE
from extract.language.people import given_names
from extract.language.places import is_place
from extract.language.speech import Sentence, SpeechCandidate

#: A signature that is a social-media handle on a line of its own, under a tweet: "@Fred_945.".
HANDLE_LINE = re.compile(r"\s*@\w{2,30}\.?\s*")
#: A closing paragraph about the writer: a person's name, then what they are ("is the former mayor of …",
#: "is playwright-in-residence at …", "is a retired marketing executive …").
BIO = re.compile(
    r"\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s+(?:is|was|has been)\s+"
    r"(?:the\s+|an?\s+|(?:a\s+)?(?:former|retired|senior|chief|co-)\s*)?[a-z][\w-]*"
)
#: Words that cannot open a writer's name in a bio: "The New York Times is …", "Gov. John Kasich is …".
_NOT_A_WRITER = frozenset(
    {
        "The",
        "A",
        "An",
        "Gov.",
        "Sen.",
        "Rep.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "President",
        "Although",
        "But",
        "When",
        "If",
    }
)
#: The first person, outside quotation marks: the voice of a writer, not of a reporter.
FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|myself|we|We|we['’](?:re|ve|d|ll)|us|our|Our)\b")
#: How many first-person words a whole op-ed must hold (news analyses with a bio hold a stray "we" or two;
#: measured on PolNeAR train+dev: op-eds 3-31, news with a reporter's bio 0-2).
OP_ED_FIRST_PERSON = 3
#: Quoted words: what others said, not the writer's voice ('' … '' is the NYT's typewriter quotation).
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|''[^\n]*?''")
#: Third-person pronouns a charge may stand on when it names nobody ("She's done nothing wrong").
_THIRD_PERSON = re.compile(r"\b(?:he|she|his|her|they|their)\b", re.IGNORECASE)
#: Before a name that only qualifies a noun: "a Vance fan", "an Ellwood appointee".
_MODIFIER_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
#: The longest stretch one signature signs: PolNeAR's letters have 44-1,723 characters; a news story above
#: its readers' signed comments on a scraped page (one of 621 L3S-GN1 pages, 9,915 characters) is no letter.
MAX_LETTER_CHARS = 3000
#: A headline (with the line under it) is at most this many words, in the first paragraph.
_HEADLINE_WORDS = 20


@dataclass(frozen=True)
class Section:
    """A stretch of an article in its writer's own voice (`span`), and the writer's name as signed."""

    span: Span
    author: str


@dataclass
class AuthoredDraft(StatementDraft):
    """A sentence the article's own writer says (`authored` in the record)."""


def _first_person(text: str, start: int, end: int) -> int:
    return len(FIRST_PERSON.findall(_QUOTED.sub(" ", text[start:end])))


def _body_start(text: str) -> int:
    """Where the writing starts: after the headline, a first paragraph of at most 20 words (with its deck)."""
    first = re.match(r".*?\n[ \t]*\n", text, re.DOTALL)
    if first is not None and len(first[0].split()) <= _HEADLINE_WORDS:
        return first.end()
    return 0


def _signature(line: str) -> str | None:
    """The writer's name if the line is a signature ("Jo Ann Ellwood.", "@harbour_watch."), else None.

    A name signs when its first word is a given name: a section title ("Human Rights.", "Letter From
    America.", "FULL TEXT.") or a place ("New York.", "Staunton Va.") is no signature.
    """
    if HANDLE_LINE.fullmatch(line):
        return line.strip().rstrip(".")
    name = line.strip().rstrip(".")
    return name if name.split()[0] in given_names() and not is_place(name) else None


def signed_sections(text: str) -> list[Section]:
    """The letters of a page, each ended by its signature; else the op-ed closed by its writer's bio.

    A letter counts when the article names its signer nowhere but on signature lines (a title above the
    paragraphs about someone names them there), it is at most `MAX_LETTER_CHARS` long, and it speaks in the
    first person or shares its page with other letters; an op-ed when it holds `OP_ED_FIRST_PERSON`
    first-person words and its last paragraph is a person's bio. Every line that looks like a signature ends
    a section, also one that signs nobody (a writer's name missing from the given names, a title): the words
    above it are not the next writer's.
    """
    start = _body_start(text)
    lines = [
        line
        for line in re.finditer(r"[^\n]+", text)
        if line.start() >= start and (SIGNATURE_LINE.fullmatch(line[0]) or HANDLE_LINE.fullmatch(line[0]))
    ]
    signatures = [line.span() for line in lines]
    signed: list[tuple[Span, str]] = []
    for line in lines:
        author = _signature(line[0])
        # a title names whom the paragraphs below it are about; a letter's writer is named only where they sign
        if author is not None and all(
            any(s <= at < e for s, e in signatures) for at, _ in find_all(text, author.split()[-1])
        ):
            signed.append(((start, line.start()), author))
        start = line.end()
    sections = [
        Section(span, author)
        for span, author in signed
        if span[1] - span[0] <= MAX_LETTER_CHARS and (len(signed) > 1 or _first_person(text, *span))
    ]
    if sections:
        return sections
    paragraphs = [m for m in re.finditer(r"[^\n]+", text) if m[0].strip()]
    if not paragraphs:
        return []
    bio = BIO.match(paragraphs[-1][0])
    body = _body_start(text), paragraphs[-1].start()
    if bio is None or bio["name"].split()[0] in _NOT_A_WRITER or _first_person(text, *body) < OP_ED_FIRST_PERSON:
        return []
    return [Section(body, bio["name"])]


def _charges(text: str, sentence: Sentence, drafts: list[ActorDraft], author: ActorDraft) -> bool:
    """Whether a sentence of the writer speaks ill of someone it names (or a "he"/"she") as a clause's subject.

    Ill words on the whole (`speaks_ill`; a wrong named as the topic, "after the attacks, Quill kept the
    homeland safe", is no charge) or an accusing verb ("I blame Vance for …"), with someone the writer could
    blame standing where a doer stands ("that Vance hid his dealings …", "his words are full of hate"); one
    named only after a preposition is talked about ("enough with the outrage about Vance", "blame this on Quill").
    """
    start, end = sentence.start, sentence.end
    said = text[start:end]
    accusing = any(ACCUSING_FORMS[m["verb"].lower()] not in ONLY_WITH_FOR for m in ACCUSING_RE.finditer(said))
    if not (speaks_ill(said) or accusing):  # "attacked" alone is no charge; "attacked Y for …" speaks ill
        return False
    at = [s for d in drafts if d is not author for s, e in d.mentions if start <= s and e <= end]
    at = [s for s in at if not _MODIFIER_BEFORE.search(text, max(0, s - 4), s)]  # "a Vance fan" is no doer
    at += [start + m.start() for m in _THIRD_PERSON.finditer(_QUOTED.sub(lambda q: " " * len(q[0]), said))]
    return any(SUBJECT_START.search(text[start:s]) for s in at)


def _new_writer(section: Section, drafts: list[ActorDraft]) -> ActorDraft:
    drafts.append(ActorDraft(section.author, "person"))
    return drafts[-1]


def with_authored(
    text: str,
    stmts: list[StatementDraft],
    drafts: list[ActorDraft],
    sentences: list[Sentence],
) -> list[StatementDraft]:
    """The statements with the writers' own charges added (the writer becomes an actor), renumbered in order.

    Called after `actors.finish_actors` (a sentence must name someone by the actors' mentions).

    A sentence that overlaps a found statement is left to it: quoted words are their speaker's, and in
    "Vance said that …" the charge is Vance's, not the writer's.
    """
    sections = signed_sections(text)
    if not sections:
        return stmts
    known = len(drafts)
    authors = []
    for section in sections:
        author = next((d for d in drafts if section.author in (d.name, *d.aliases)), None)
        # a signature or a bio surely names a person, also where it looks like a title ("Ada Quill is the
        # Republican Governor of Wenbury." is mostly capitals, and `add_actor` takes it for a headline)
        authors.append(author or add_actor(text, section.author, "person", drafts, []) or _new_writer(section, drafts))
    if len(drafts) > known:  # writers the text named nowhere else: their aliases and mentions
        finish_actors(text, drafts)
    added: list[StatementDraft] = []
    for section, author in zip(sections, authors, strict=True):
        for sentence in sentences:
            start, end = sentence.start, sentence.end
            if not (section.span[0] <= start and end <= section.span[1]):
                continue
            if any(s.span[0] < end and start < s.span[1] for s in stmts):
                continue
            if not _charges(text, sentence, drafts, author):
                continue
            cand = SpeechCandidate(0, sentence.index, (start, end), "direct", None, None, author.name, None, None)
            added.append(AuthoredDraft(0, cand, author, (start, end)))
    merged = sorted([*stmts, *added], key=lambda s: s.span)
    return [replace(s, number=i) for i, s in enumerate(merged, 1)]
