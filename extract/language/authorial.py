"""The writer's own charges: in a signed letter or op-ed, the writer's sentences are the writer's statements.

A news report's narration is nobody's statement: the reporter tells what others said. An opinion piece or a
reader's letter is different: its sentences are what its signer says ("It is plain that Senator Vance hid his
dealings from the voters.", signed "Margaret Ellwood."), and its charges are the signer's. A page of letters
holds several writers, each letter signed on a line of its own after its text, and a letter must speak in
the first person outside quotation marks ("I", "we", "my" …) unless it shares its page with other letters (a
section title that looks like a name, "Teodor Vance." above a paragraph about him, signs nothing). An op-ed
names its writer in a bio, closing it ("Dana Whitfield is a former mayor of Wenbury.") or in an editor's note
opening it; it is the writer's when it speaks in the first person, or when the bio is an outsider's whom the
piece names nowhere else (a newspaper prints an outsider's words only as opinion): a news report closed by
its own reporter's bio, or by a paragraph about one of its people, is not.

Only the writer's sentences that speak ill of someone they name (or of a "he"/"she") as a doer become
statements (see `_charges`): the allegation judge accepts no charge without ill words, and every other
sentence of the piece would lengthen the model's request. A sentence that holds someone else's statement (a
quotation, "Vance said that …") is left to that statement. Each such statement is `authored` in the record
(CONTRACT.md): its kind is `direct` (the span is the writer's own words, verbatim) and it has no cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.language.accusation_words import ACCUSING_FORMS, ACCUSING_RE, ONLY_WITH_FOR
from extract.language.actors import ActorDraft
from extract.language.admitting import add_actor
from extract.language.attribution import StatementDraft
from extract.language.evaluative import speaks_ill
from extract.language.finishing import finish_actors
from extract.language.grounding import Span, find_all
from extract.language.name_positions import SUBJECT_START
from extract.language.name_words import ROLE_NOUNS, given_names
from extract.language.names import SIGNATURE_LINE
from extract.language.places import is_place
from extract.language.speech import Sentence, SpeechCandidate
from extract.language.speech.vocabulary import _FORM_TO_LEMMA, LEADING_VERBS

#: A signature that is a social-media handle on a line of its own, under a tweet: "@Fred_945.".
HANDLE_LINE = re.compile(r"\s*@\w{2,30}\.?\s*")
#: A paragraph about the writer (an op-ed's closing bio, an editor's note above it): a person's name (a title
#: may lead: "Rep. Ann Roe, D-Ore., chairs …"), perhaps an appositive ("Ada Quill, a law professor, is …"),
#: then what they are or do ("is the former mayor of …", "is playwright-in-residence at …", "taught at …").
#: A news report's "Kasich is polling third", "Roe is expected to …" or "was once asked" is no bio.
BIO = re.compile(
    r"\s*(?:Editor['’]s note:\s*)?(?:(?P<title>Rep|Sen|Gov|Dr|Prof|Rev|Gen|Lt|Col|Adm|Amb)\.\s+)?"
    r"(?P<name>(?:[A-Z][\w'’-]*|[A-Z]\.)(?:\s+(?:[A-Z][\w'’-]*|[A-Z]\.)){1,3})"
    r"(?:,\s+(?P<what>[^,;:\n]{2,160}?),)?\s+"
    r"(?:is|was|has been|serves|served|chairs|teaches|taught|writes|directs|leads|heads|represents|works|founded)\s+"
    r"(?!(?:not|also|now|still|once|expected|slated|set|scheduled|likely|unlikely|unsure|about|going)\b)"
    r"(?![a-z]+(?:ing|ed)\b(?<!retired))(?P<role>[^\n]*)"
)
#: Role words of a newsroom's own staff: a reporter's analysis closed by "Ann Roe is a senior editor at …"
#: or "… a co-host of our podcast" is news, an op-ed only in the first person (`OP_ED_FIRST_PERSON`).
#: Whichever role word of the bio comes first decides: "an economist … and a national columnist" is an
#: outsider, and so is "a contributing writer" or "a guest writer" (`OUTSIDE_WRITER`).
STAFF_ROLES = frozenset(
    {"reporter", "correspondent", "editor", "columnist", "writer", "host", "anchor", "producer", "journalist", "staff"}
)
#: Words that say a piece's writer comes from outside the newsroom (a newspaper prints outsiders' words only
#: as opinion), beside the role nouns of `name_words.ROLE_NOUNS`; "contributing" and "guest" come before a
#: newsroom's role word ("a contributing writer") and still say so.
OUTSIDE_WRITER = frozenset(
    {"contributor", "contributors", "contributing", "guest", "member", "fellow", "lecturer", "historian",
     "scholar", "researcher", "teacher", "veteran", "coordinator", "resident", "student", "retired", "former"}
)  # fmt: skip
#: Lines that may follow a writer's bio at the end of a piece ("Follow him on Twitter @…", "This article
#: first appeared in …", "You can read diverse opinions …").
AFTER_BIO = re.compile(
    r"\s*(?:Follow|Subscribe|You can read|Read more|The (?:views|opinions) expressed|Contributing:|--|©|Copyright|"
    r"(?:This|The) (?:article|piece|column|essay|commentary) (?:is|was|first|originally|appeared))",
    re.IGNORECASE,
)
#: Words that cannot open a writer's name in a bio: "The New York Times is …", "President Obama is …".
_NOT_A_WRITER = frozenset({"The", "A", "An", "Mr.", "Mrs.", "Ms.", "President", "Although", "But", "When", "If"})
#: The first person, outside quotation marks: the voice of a writer, not of a reporter.
FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|myself|we|We|we['’](?:re|ve|d|ll)|us|our|Our)\b")
#: How many first-person words a whole op-ed must hold (news analyses with a bio hold a stray "we" or two;
#: measured on PolNeAR train+dev: op-eds 3-31, news with a reporter's bio 0-2).
OP_ED_FIRST_PERSON = 3
#: Where a page says it is opinion: a section of its address ("/opinion/", "/commentary/", "/op-ed/",
#: "/columnists/") or a label before its headline ("Opinion: …", "Commentary | …"). A byline alone says
#: nothing: news reports carry bylines too.
_OPINION_WORDS = r"opinions?|commentary|commentaries|op-?eds?|columns?|columnists?|viewpoints?|perspectives?"
OPINION_PATH = re.compile(rf"/(?:{_OPINION_WORDS})(?=[/_.-]|$)", re.IGNORECASE)
OPINION_LABEL = re.compile(
    r"\s*(?:opinion|commentary|op-?ed|column|guest column|viewpoint|perspective|my view)\s*[:|–—]\s",
    re.IGNORECASE,
)
#: The page's own labels that say opinion (`CleanArticle.sections`: metadata, schema.org type, a label line
#: above the headline or before the byline), the same words as its address; "Analysis", "Editorial",
#: "Letters" are not (a news analysis is a reporter's; an editorial and a page of letters have no one writer).
OPINION_SECTION = re.compile(rf"{_OPINION_WORDS}|guest columns?|my view|OpinionNewsArticle", re.IGNORECASE)
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
#: A paragraph and the blank line after it.
_PARAGRAPH = re.compile(r".*?\n[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Section:
    """A stretch of an article in its writer's own voice (`span`), and the writer's name as signed.

    `found_by` says what named the writer (`FOUND_BY`; bench/authored.py counts the articles each finds).
    """

    span: Span
    author: str
    found_by: str = "signature"


#: What may name a writer: a letter's signature line, a closing bio with the first person, an outsider's
#: closing bio, an editor's note opening the piece, an opinion page's byline.
FOUND_BY = ("signature", "bio, first person", "outsider's bio", "opening note", "byline")


@dataclass
class AuthoredDraft(StatementDraft):
    """A sentence the article's own writer says (`authored` in the record)."""


def _first_person(text: str, start: int, end: int) -> int:
    return len(FIRST_PERSON.findall(_QUOTED.sub(" ", text[start:end])))


def _body_start(text: str) -> int:
    """Where the writing starts: after the headline, a first paragraph of at most 20 words, and its deck.

    A headline that ends in ";" or ":" goes on in the next paragraph, its deck ("My father would have loved
    Trump;" above "I grew up in a survivalist household."), when that paragraph is as short: the deck is the
    page's, not the writer's argument.
    """
    first = _PARAGRAPH.match(text)
    if first is None or len(first[0].split()) > _HEADLINE_WORDS:
        return 0
    deck = _PARAGRAPH.match(text, first.end())
    if first[0].rstrip().endswith((";", ":")) and deck is not None and len(deck[0].split()) <= _HEADLINE_WORDS:
        return deck.end()
    return first.end()


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
    return _op_ed(text)


def _op_ed(text: str) -> list[Section]:
    """The op-ed whose writer a bio names, in its last paragraph or in an editor's note that opens it.

    The closing bio may stand above lines such as "Follow him on Twitter"; the piece is the writing between
    the headline and the closing bio, or after the opening note.
    """
    start = _body_start(text)
    paragraphs = [m for m in re.finditer(r"[^\n]+", text) if m[0].strip() and m.start() >= start]
    while len(paragraphs) > 2 and AFTER_BIO.match(paragraphs[-1][0]):
        paragraphs.pop()
    if len(paragraphs) < 2:
        return []
    for note, body in (
        (paragraphs[-1], (paragraphs[0].start(), paragraphs[-1].start())),
        (paragraphs[0], (paragraphs[1].start(), paragraphs[-1].end())),
    ):
        found = _writer(text, note, body, closing=note is paragraphs[-1])
        if found is not None:
            return [Section(body, *found)]
    return []


def _writer(text: str, note: re.Match[str], body: Span, closing: bool) -> tuple[str, str] | None:
    """The writer a paragraph's bio names, if the piece is theirs, and what found them (`FOUND_BY`).

    A closing bio's piece is its writer's when it speaks in the first person (`OP_ED_FIRST_PERSON` words).
    Otherwise the bio must say what someone is (a role word or a title: "Ann Roe is on solid ground" is no
    bio), name someone the piece never names elsewhere (a news report's paragraph about one of its people
    names them elsewhere too), and their role must not be a newsroom's own (`STAFF_ROLES`): a newspaper prints
    an outsider's words only as opinion, where its own reporter's bio may close a news report.
    """
    bio = BIO.match(note[0])
    if bio is None or bio["name"].split()[0] in _NOT_A_WRITER:
        return None
    if closing and _first_person(text, *body) >= OP_ED_FIRST_PERSON:
        return bio["name"], "bio, first person"
    role = _role(f"{bio['what'] or ''} {bio['role']}")
    named_elsewhere = any(not note.start() <= at < note.end() for at, _ in find_all(text, bio["name"].split()[-1]))
    if role == "staff" or (role is None and bio["title"] is None) or named_elsewhere:
        return None
    return bio["name"], "outsider's bio" if closing else "opening note"


def _role(words: str) -> str | None:
    """Whose role a bio's first role word names: "staff", "outside", or None when it holds no role word.

    "staff": "a senior editor at …", "a co-host of …"; "outside": "a law professor", "a contributing writer".
    A role word before a newsroom's ("executive editor", "chief correspondent") only qualifies it.
    """
    tokens = re.findall(r"[a-z]+", words.lower())
    for word, after in zip(tokens, [*tokens[1:], ""], strict=True):
        if word in STAFF_ROLES:
            return "staff"
        if word in OUTSIDE_WRITER or (word in ROLE_NOUNS and after not in STAFF_ROLES):
            return "outside"
    return None


def opinion_writer(
    byline: str | None, url: str | None, title: str | None, text: str, sections: tuple[str, ...] = ()
) -> str | None:
    """The writer a page's byline names when the page marks itself as opinion, else None.

    The cleaner reads the byline ("By Ada Quill", a page's author metadata) and cuts it from the text; the
    mark is the page's address (`OPINION_PATH`), a label before its headline (`OPINION_LABEL`, in the
    title or the text's first line) or a label the page gives itself (`sections`: its metadata, a label
    line, "Opinion by …"; `OPINION_SECTION`). Of several writers the first; a byline whose first word is no
    given name ("Published January", "Staff Reports") names nobody.
    """
    first_line = text.split("\n", 1)[0]
    marked = (
        bool(url and OPINION_PATH.search(url.split("?", 1)[0]))
        or any(OPINION_LABEL.match(line) for line in (title or "", first_line))
        or any(OPINION_SECTION.fullmatch(section.strip()) for section in sections)
    )
    if not marked or not byline:
        return None
    name = re.split(r",|\s+and\s+|\s*&\s*", byline.strip(), maxsplit=1)[0].strip()
    words = name.split()
    if not 2 <= len(words) <= 4:
        return None
    if name.isupper():  # "STAN COLLYMORE"
        name = " ".join(w.capitalize() for w in words)
    return name if name.split()[0] in given_names() else None


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


def _said(stmt: StatementDraft) -> bool:
    """Whether a found statement is someone's words: a quotation, or a verb of saying before or after it.

    The statement finder also finds what someone wants, knows, ignores or believes ("Vance wanted to hide
    …", "he doesn't even believe it"; `LEADING_VERBS` are thoughts): in a writer's own section that is the
    writer's account of them, not their words.
    """
    cand = stmt.candidate
    if cand.kind == "direct" or cand.cue is None:
        return True
    cue = cand.cue.lower()
    words = re.findall(r"[a-z]+", cue)
    lemmas = [_FORM_TO_LEMMA[w] for w in words if w in _FORM_TO_LEMMA]
    lemmas += [lemma for form, lemma in _FORM_TO_LEMMA.items() if " " in form and form in cue]
    return any(lemma not in LEADING_VERBS for lemma in lemmas)


def _new_writer(section: Section, drafts: list[ActorDraft]) -> ActorDraft:
    drafts.append(ActorDraft(section.author, "person"))
    return drafts[-1]


def with_authored(
    text: str,
    stmts: list[StatementDraft],
    drafts: list[ActorDraft],
    sentences: list[Sentence],
    writer: str | None = None,
) -> list[StatementDraft]:
    """The statements with the writers' own charges added (the writer becomes an actor), renumbered in order.

    Called after `finishing.finish_actors` (a sentence must name someone by the actors' mentions). `writer` is
    the one a page's byline names when the page marks itself as opinion (`opinion_writer`): the whole text
    is theirs (the cleaner has cut the page's furniture), unless it signs its letters or closes with a bio.

    A sentence that overlaps someone's words (`_said`) is left to them: quoted words are their speaker's, and
    in "Vance said that …" the charge is Vance's, not the writer's. A found statement that is no one's words
    ("Vance wanted to hide …", "they continue to ignore …") gives way to the writer's sentence that holds it.
    """
    sections = signed_sections(text) or ([Section((0, len(text)), writer, "byline")] if writer else [])
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
    replaced: set[int] = set()
    for section, author in zip(sections, authors, strict=True):
        for sentence in sentences:
            start, end = sentence.start, sentence.end
            if not (section.span[0] <= start and end <= section.span[1]):
                continue
            over = [s for s in stmts if s.span[0] < end and start < s.span[1]]
            if any(_said(s) for s in over) or not _charges(text, sentence, drafts, author):
                continue
            replaced.update(id(s) for s in over)
            cand = SpeechCandidate(0, sentence.index, (start, end), "direct", None, None, author.name, None, None)
            added.append(AuthoredDraft(0, cand, author, (start, end)))
    merged = sorted([*(s for s in stmts if id(s) not in replaced), *added], key=lambda s: s.span)
    return [replace(s, number=i) for i, s in enumerate(merged, 1)]
