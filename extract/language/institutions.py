"""Bodies a story identifies by their role: "police", "prosecutors", "the government", "the club".

Crime, court, business and sports news live on sources it does not name but identifies by what they are:
"Prosecutors said he was preparing attacks", "Police accused him of fraud", "the opposition claims". Unlike "a
source close to" or "critics", such a phrase points at one body the reader knows (the police of the story, the
prosecution, the country's government or its opposition), so it may accuse and be accused like a named actor.
It stays flagged `unnamed` (it is described, not named; CONTRACT.md) but gets a body's kind instead of "other",
and its name is the phrase without "the", as the gold names it ("police", "federal prosecutors", "Government").
"""

from __future__ import annotations

import re

from extract.language.accusation_words import ACCUSING_VERBS
from extract.language.accusing_verbs import accusing_verbs
from extract.language.body_modifiers import a_modifier
from extract.language.descriptions import refers_to
from extract.language.grounding import Span
from extract.language.merging import ActorDraft

#: The last word of a phrase that names a body by its role, and the kind of body: the state's and the law's
#: bodies, which a story rarely names otherwise ("police", "prosecutors", "the jury", "the government"), and a
#: country's opposition.
#: Measured and left out: heads of organisations ("the company", "the bank", "the club", "the board"; also
#: "the department", "the agency"): they mostly describe an organisation the story names ("the bank" for Wells
#: Fargo: two wrong allegations on the development set), and a board that "feared" became a wrongdoer.
BODY_HEADS: dict[str, str] = dict.fromkeys(
    ["police", "prosecutors", "prosecution", "investigators", "detectives", "authorities", "government",
     "ministry", "regulators", "regulator", "court", "jury", "tribunal", "coroner", "inquest", "inquiry",
     "administration", "army", "military", "navy", "cabinet", "parliament", "legislature", "council",
     "commission", "embassy", "prosecution service"],
    "government",
) | {
    # a country's political opposition, one body in the story of its politics: "The opposition claims the vote
    # was rigged", "French opposition parties have accused the president of …" (L3S: 13 speakers, all read as
    # the opposition of the country the story is about; PolNeAR train: none). "Opposition leaders", "opposition
    # groups" and "the opposition party" stay out: people, a vague many, or a description of a party named.
    "opposition": "organization",
    "opposition parties": "organization",
}  # fmt: skip
#: Words before the head that make the phrase someone anonymous or a mere kind of body, not one body the
#: story knows ("a source close to the police", "some investigators", "other clubs", "any government"), or an
#: outlet, not a body that acts ("Yonhap news agency"), or people who once served in it ("former prosecutors").
_NOT_ONE_BODY = frozenset(
    {"a", "an", "some", "any", "other", "another", "many", "most", "several", "few", "no", "every", "each", "all",
     "both", "such", "one", "two", "three", "source", "sources", "member", "members", "critics", "analysts",
     "experts", "people", "my", "your", "our", "his", "her", "their", "its", "whose", "which", "who", "news",
     "press", "wire", "former", "ex"}
)  # fmt: skip
#: Words that join a phrase to another: "attorneys for the department", "the base of the party" name no body.
_JOINERS = frozenset({"of", "for", "the", "to", "in", "at", "on", "with", "by", "from", "and", "or", "than"})
#: A modifier of a body: a lower-case adjective ("federal", "local") or a capitalised place or nationality
#: ("Crown", "Indian", "Scotland Yard's"), at most three of them.
_MODIFIER = r"(?:[A-Za-z][\w.’'-]*)"
_PHRASE = re.compile(
    rf"^(?:the\s+)?(?P<mods>(?:{_MODIFIER}\s+){{0,3}}?)(?P<head>"
    + "|".join(re.escape(h) for h in sorted(BODY_HEADS, key=len, reverse=True))
    + r")$",
    re.IGNORECASE,
)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def body_kind(phrase: str) -> str | None:
    """The kind of body a speaker phrase names by its role ("federal prosecutors": government), else None.

    None for an anonymous or indefinite phrase ("a source", "some officials", "other clubs"), one whose head is
    no body ("analysts", "the report") or whose head is not its last word ("the police officer").
    """
    words = re.sub(r"\s+", " ", phrase).strip(" ,;:").split(" ")
    match = _PHRASE.match(" ".join(words))
    if match is None or any(w.lower() in _NOT_ONE_BODY or w.lower() in _JOINERS for w in match["mods"].split()):
        return None
    return BODY_HEADS[match["head"].lower()]


def body_name(phrase: str) -> str:
    """A body's name as the gold writes it: the phrase without a leading "the" ("the Government": "Government")."""
    return _LEADING_THE.sub("", re.sub(r"\s+", " ", phrase).strip(" ,;:"))


def body_mentions(text: str, name: str) -> list[Span]:
    """Where the article names a body again, case aside: "Police said …" and later "accused the police of …"."""
    pattern = re.compile(rf"(?<![\w’'-]){re.escape(name)}(?![\w-]|['’]\w)", re.IGNORECASE)
    before = re.compile(r"(\w+)\s+$")  # "any government", "other courts": not the body of the story
    return [
        m.span()
        for m in pattern.finditer(text)
        if ((w := before.search(text, max(0, m.start() - 20), m.start())) is None or w[1].lower() not in _NOT_ONE_BODY)
        and not a_modifier(text, m.end(), name)  # "opposition votes" names no opposition
    ]


def known_body(drafts: list[ActorDraft], kind: str, name: str) -> ActorDraft | None:
    """The body already found that a phrase names too: the same head ("federal prosecutors", "prosecutors")."""
    head = name.lower().split()[-1]
    return next((d for d in drafts if d.unnamed and d.kind == kind
                 and any(n.lower().split()[-1] == head for n in d.names())), None)


#: Verbs that accuse whom they govern whatever follows ("criticised the club."); the others ("attacked the
#: police") accuse only with the wrong after the body ("attacked the police for …"). Their forms are the judge's.
_ACCUSE_ALONE = frozenset(
    form
    for lemma in ("accuse", "blame", "criticize", "condemn", "denounce", "sue", "fault")
    for form in ACCUSING_VERBS[lemma]
)
_HEAD = "|".join(re.escape(h) for h in sorted(BODY_HEADS, key=len, reverse=True))
#: A body right after an accusing verb, and what may follow it: "accused the government of", "blamed police for".
_ACCUSED_BODY = re.compile(
    rf"\s+(?P<phrase>(?:the\s+)?(?:[A-Za-z][\w.’'-]*\s+){{0,2}}?(?:{_HEAD}))"
    r"(?P<after>\s+(?:of|for|over)\b|['’]s\b|\s*[,.;:!?)\"”]|\s*$)",
    re.IGNORECASE,
)


def accused_bodies(text: str, windows: list[Span], drafts: list[ActorDraft]) -> None:
    """Bodies a statement's sentence accuses by their role ("accused the government of a conspiracy"), as actors.

    A body that never speaks is in no speaker phrase, so nothing else makes it an actor; one right after an
    accusing verb (`accusing_verbs`; "attacked" and the like only with "of/for/over" after it) is the accused the
    reader sees. Added like a body that speaks (`unnamed`, a body's kind, every mention); one already an actor's
    mention ("accused Chicago Police"), a description of an actor named before ("criticised the party": the
    Republican Party, `descriptions.refers_to`; "the government" of a country named before is a body of its own)
    or a body already found ("police") adds nothing.
    """
    for start, end in windows:
        for verb in accusing_verbs(text, start, end):
            found = _ACCUSED_BODY.match(text, verb.end(), end)
            if found is None or (found["after"].strip()[:1] not in ("o", "f", "O", "F")
                                 and verb["verb"].lower() not in _ACCUSE_ALONE):
                continue
            kind, at = body_kind(found["phrase"]), found.span("phrase")
            if kind is None or any(s <= at[0] < e or at[0] <= s < at[1] for d in drafts for s, e in d.mentions):
                continue
            name, described = body_name(found["phrase"]), refers_to(text, at, drafts)
            if (described is not None and described.kind != "country") or known_body(drafts, kind, name):
                continue
            drafts.append(ActorDraft(name, kind, mentions=body_mentions(text, name), unnamed=True))
