"""Documents as speakers: "the lawsuit says", "Gallup's latest poll", "her brief": a document speaks for its author.

The author is the owner ("Ivana Trump's brief"), a pronoun's antecedent (`antecedents.document_owner`), or whoever
the text says authored one before ("X has sued", "X published a report"; `document_author`).
"""

from __future__ import annotations

import re

from extract.language.actors import ActorDraft

#: Nouns for what someone writes or files: the document speaks for its author.
DOCUMENT_NOUNS = (
    "lawsuit", "suit", "complaint", "filing", "indictment", "petition", "report", "statement", "letter", "memo",
    "document", "ruling", "judgment", "judgement", "verdict", "affidavit", "motion", "study", "survey", "audit",
    "assessment", "findings", "review", "investigation", "claim", "brief", "tweet", "post", "article", "column",
    "op-ed", "editorial", "book", "memoir", "email", "e-mail", "message", "release", "announcement", "testimony",
    "account", "website", "poll", "charge sheet", "press release", "submission",
)  # fmt: skip
#: Nouns of a written or counted source, plural too, that may open a sentence alone: "Polls show", "Figures
#: released Monday suggest", "Reports say". Capitalised there, they are still common nouns, never names.
SOURCE_NOUNS = frozenset(
    {*DOCUMENT_NOUNS, *(f"{n}s" for n in DOCUMENT_NOUNS), "studies", "polling", "figures", "data", "projections",
     "numbers", "results", "records", "estimates", "statistics"}
)  # fmt: skip
_DOCUMENT_NOUN = "|".join(re.escape(n) for n in sorted(DOCUMENT_NOUNS, key=len, reverse=True))
#: A speaker phrase that is a document: "The lawsuit, filed Tuesday in federal court,", "the complaint".
DOCUMENT = re.compile(
    rf"^(?:the|a|an|this|that|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?(?:{_DOCUMENT_NOUN})\b(?!['’])",
    re.IGNORECASE,
)
#: The head of "Owner's …" when it is a document of the owner: "Ivana Trump's brief", "Gallup's latest poll".
OWNED_DOCUMENT = re.compile(
    rf"(?:[\w-]+\s+){{0,2}}?(?:{_DOCUMENT_NOUN})s?\b(?:\s+(?:to|for|from|on|about)\s+[a-z][a-z\s'’-]*)?(?![\s\w]*[A-Z])",
    re.IGNORECASE,
)
#: Verbs by which an actor authors a document: "Lumetra Semiconductor has sued …", "X on Monday released …".
_AUTHORING = re.compile(
    r"(?:[\s,]+(?:has|have|had|also|on|last|this|in|earlier|week|month|year|night|morning|\w+day|\w+ly)\b){0,3}\s+"
    r"(?:sued|ruled|overruled|filed|issued|published|released|brought|lodged|submitted|wrote|sent|commissioned|conducted|"
    r"launched|presented|delivered)\b"
)

#: What an authoring verb must take to author a document: one of its nouns, a few words on ("published a
#: scathing report"); "Trump brought inspiration" authors nothing.
_AUTHORED = re.compile(rf"(?:\s+[\w'’-]+){{0,4}}?\s+(?:{_DOCUMENT_NOUN})s?\b", re.IGNORECASE)

#: Before a place named as a location: "in ", "in Benghazi, ".
_LOCATED = re.compile(
    r"\b(?:in|at|from|near|inside|outside)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,\s+)?$"
)


#: Documents a court's ruling verb authors without naming them: "the court ruled …", then "the ruling said".
_RULINGS = re.compile(r"\b(?:ruling|judge?ment|verdict|decision|opinion)\b", re.IGNORECASE)


def document_author(text: str, at: int, drafts: list[ActorDraft], document: str = "") -> ActorDraft | None:
    """Whoever last authored something before `at`: "the lawsuit says" speaks for whoever sued.

    "The ruling said" speaks for whoever ruled (`document` is the speaker phrase). The subject of the nearest
    earlier authoring verb ("X has sued", "X published a report"); None when no actor stands right before such a
    verb, so an unknown document still drops its statement.
    """
    best: tuple[int, ActorDraft] | None = None
    for draft in drafts:
        for start, end in draft.mentions:
            verb = _AUTHORING.match(text, end, at) if end <= at else None
            if (
                verb is None
                or (best is not None and start <= best[0])
                or _LOCATED.search(text, max(0, start - 60), start)
            ):
                continue  # "… killed in Benghazi, Libya, have filed a lawsuit": Libya is where, not who
            ruled = verb[0].endswith("ruled") and _RULINGS.search(document) is not None  # "X ruled", "the ruling"
            if verb[0].endswith("sued") or ruled or _AUTHORED.match(text, verb.end(), at):
                best = (start, draft)
    return best[1] if best else None
