r"""Accusations the sentence's structure proposes where the model said none (issue 12).

The small model labels "none" statements whose grammar plainly accuses: "Reed called Quill a corrupt liar". When
the model's label names nobody (`allegations.judge`), these shapes propose the accused from the sentence alone,
strictly: the one a naming verb names something charged (a wrong named, or ill words); the object of the accusing
verb that cues the statement, behind a title or an appositive the judge's frame does not read ("Osk accused the
council's leader, Ada Quill, of recklessness"); the one subject of a deed that charges it ("Reed had made up the
story"), which VADER does not score. Every proposal still passes the judge's rules: no one on the speaker's side,
no one harmed, threatened, addressed or only supposed, no call to action, no denial, reassurance or warning to all.
English is data: the patterns below and the tables of `accusation_words`.
"""

from __future__ import annotations

import re

from extract.language.accusation_words import (
    ACCUSING_FORMS,
    NAMING_RE,
    ONLY_WITH_FOR,
    PASSIVE_BEFORE,
    QUOTED_LABEL_RE,
    SUBJECT_GAP,
    TITLED_GAP,
)
from extract.language.actors import ActorDraft
from extract.language.allegations import (
    Accusation,
    names_its_speaker,
    not_accusable,
    opens_clause,
    sentence_of,
    supported,
)
from extract.language.attribution import StatementDraft
from extract.language.categories import names_a_wrong, without_prevented
from extract.language.evaluative import praises, speaks_ill
from extract.language.frames import mention_spans, sentence_window
from extract.language.grounding import Span
from extract.language.nobody_accused import accuses_nobody, calls_to_action, cue_verb
from extract.language.sides import own_side
from extract.language.speech import Sentence

#: Before the object of the statement's accusing cue, at the statement's start: a determiner, up to five words of
#: a title and an appositive ("the North's leader, Kim Jong Un", "former council chief Ada Quill"); not a clause
#: ("the firm that Ada Quill founded"), a list or a phrase of its own.
OBJECT_BEFORE = re.compile(
    r"^[“\"‘]?(?:(?:the|a|an|his|her|its|their)\s+)?(?:(?!(?:that|who|whom|which|and|or|of|for|with)\b)[\w.'’-]+\s+)"
    r"{0,5}?(?:[\w.'’-]+\s*,\s+)?$",
    re.IGNORECASE,
)
#: After that object, its charge: "of", "for", "over", "with" ("… Ada Quill, the council's leader, of lying"), after
#: an appositive, a party in brackets or a day.
CHARGE_AFTER = re.compile(
    r"^(?:\s*\([^)]{0,40}\))?(?:\s*,[^,.;:!?“”\"]{1,60},)?(?:\s+(?:on|last|this|earlier)\s+\w+)?\s*,?\s+"
    r"(?P<charge>of|for|over|with)\b",
    re.IGNORECASE,
)
#: Right after a clause's subject, a deed that charges it, after auxiliaries and adverbs: "Reed lied about …", "Quill
#: has broken the law", "Daly had made up the story", "they covered it up". Not negated ("Reed never lied", "did not
#: break the law": a denial or a defence), not a noun ("Reed's lies": an owner, `allegations.doers`).
WRONG_DEED_AFTER = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|will|would|also|again|then|just|even|simply|repeatedly|(?!only\b)\w+ly))*"
    r"\s+[“\"‘]?(?:lied|lies|lie|lying|misled|misleads?|deceived|deceives?|cheated|cheats?|stole|steals?|stolen|"
    r"bribed|bribes?|embezzled|defrauded|fabricated|fabricates?|made\s+up|makes?\s+up|covered\s+up|covers?\s+up|"
    r"hid|hides?|hidden|concealed|conceals?|obstructed|obstructs?|rigged|rigs?|plagiari[sz]ed|betrayed|betrays?|"
    r"smeared|smears?|slandered|harassed|abused|abuses?|assaulted|groped|(?:broke|broken|breaks?|violated|"
    r"violates?|flouted)\s+(?:the\s+|federal\s+|\w+\s+)?laws?)\b",
    re.IGNORECASE,
)
#: Before a naming verb's "-ing" form, what makes the speaker its subject: an adverbial participle ("…, calling
#: Reed a liar", "by calling Reed …", "In describing Reed, Osk said …"). Not the complement of a noun or verb,
#: whose subject is another's or nobody's: "the remark describing Reed as …", "against labelling Reed …",
#: "saying calling Reed a liar is a distraction".
ADVERBIAL_BEFORE = re.compile(r"(?:^|[,;:—–(]|\b(?:by|in|while|after|before|when)\b)\s*$", re.IGNORECASE)
#: After the one a naming verb names, a label in quotation marks: 'called Reed a "petulant child"', 'called Osk
#: "Lyin' Osk"', 'described Quill as "unhinged"': the speaker's scare quotes; VADER lacks most insults.
QUOTED_LABEL_AFTER = re.compile(r"\s*,?\s+(?:as\s+)?(?:(?:a|an|the)\s+)?(?=[“\"‘])")
#: Between a naming verb and a name, a preposition that puts the name inside a phrase: in 'called the dockers from
#: the Union "thugs"' the dockers are named, not the Union (a title's "of" stays: "the leader of the Union").
INSIDE_PHRASE = re.compile(r"\b(?:from|in|at|with|by|for|on|about|to|among|within)\s+(?:the\s+)?$", re.IGNORECASE)
#: After the named one, where the label ends: the sentence's end or a clause of its own ("In describing Reed, Osk
#: said …").
LABEL_END = re.compile(r"[.;!?]|\s[—–-]+\s|,\s+(?:said|says|according|but|and|who|which)\b|,\s+[A-Z]")


def propose(text: str, st: StatementDraft, actors: list[ActorDraft], described: dict[int, list[Span]],
            sentences: list[Sentence]) -> Accusation | None:
    """The accusation the statement's structure makes when the model's label named nobody, or None."""
    found = named_something(text, st, actors, described, sentences) or cued_object(text, st, actors) or wrong_deed(
        text, st, actors, described)
    if found is None or accuses_nobody(text, st, described) or names_its_speaker(text, st, actors, described):
        return None  # the shapes first: most statements have none, and these two checks cost more
    accuser, accused, shape = found
    window = sentence_window(st.span, sentences)
    if id(accused) in own_side(text, st, actors) | not_accusable(text, *window, actors, described):
        return None
    if accuser is not None and (accuser is accused or accuser.kind == "other"):
        accuser = None
    start, end = st.span
    if any(start <= s < end for s, _ in mention_spans(accused, described)) and calls_to_action(
            text, st, sentence_of(accused, start, end, described, sentences)):
        return None
    return Accusation(st, [accuser or st.speaker], [accused], supported(None, st.said(text)), shape)


def named_something(text: str, st: StatementDraft, actors: list[ActorDraft], described: dict[int, list[Span]],
                    sentences: list[Sentence]) -> tuple[ActorDraft | None, ActorDraft, str] | None:
    """A naming verb's subject (None: the speaker) and the one it names something charged, in the sentence.

    'Reed called Quill a "petulant child"', "described Osk as a liar": the label is in quotation marks, names a
    wrong or speaks ill. Not a passive ("Quill was called a hero"), not praise in plain words.
    """
    start, end = sentence_window(st.span, sentences)
    # by name: a description ("terrorists", "the candidate") may stand for another than the one it is given to
    mentions = sorted(((s, e, d) for d in actors for s, e in d.mentions if start <= s and e <= end),
                      key=lambda m: m[:2])  # two actors may share a span: never compare the actors
    for match in NAMING_RE.finditer(text, start, end):
        if text[match.start() - 1 : match.start()] == "-" or PASSIVE_BEFORE.search(
                text, max(start, match.start() - 30), match.start()):  # "self-described", "was called"
            continue
        if match.group().lower().endswith("ing") and not ADVERBIAL_BEFORE.search(text, max(start, match.start() - 30),
                                                                                  match.start()):
            continue
        named = [(s, e, d) for s, e, d in mentions if s >= match.end() and TITLED_GAP.match(text[match.end() : s])
                 and not INSIDE_PHRASE.search(text, match.end(), s)]
        if not named:
            continue
        first, at, accused = min(named, key=lambda m: m[0])
        gap = QUOTED_LABEL_AFTER.match(text, at)
        quoted = QUOTED_LABEL_RE.match(text, gap.end()) if gap else None
        stop = LABEL_END.search(text, at, end)
        label_end = quoted.end() if quoted else stop.start() if stop else end
        if not (st.span[0] < label_end and first < st.span[1]):
            continue  # another statement of the sentence: 'called Reed a "liar" and said he would …'
        label = text[at:label_end]
        insult = quoted is not None and not praises(quoted["label"])
        if not (insult or names_a_wrong(label) or speaks_ill(without_prevented(label))):
            continue
        subject = [(e, d) for s, e, d in mentions if e <= match.start() and SUBJECT_GAP.match(text[e : match.start()])]
        return (max(subject, key=lambda m: m[0])[1] if subject else None), accused, "naming"
    return None


def cued_object(text: str, st: StatementDraft, actors: list[ActorDraft]) -> tuple[None, ActorDraft, str] | None:
    """The object of the accusing verb that cues the statement, named by name at its start, with its charge.

    "Osk accused the council's leader, Ada Quill, of recklessness": the statement is what follows the cue, and
    its first name is the accused when only a title or an appositive stands before it and the charge after it.
    """
    lemma = ACCUSING_FORMS.get(cue_verb(st.candidate.cue))
    if lemma is None or lemma == "hold responsible":
        return None
    start, end = st.span
    first = min(((s, e, d) for d in actors for s, e in d.mentions if start <= s and e <= end),
                key=lambda m: m[0], default=None)
    if first is None or not OBJECT_BEFORE.match(text[start : first[0]]):
        return None
    charge = CHARGE_AFTER.match(text[first[1] : min(end, first[1] + 120)])
    if charge is None or (lemma in ONLY_WITH_FOR and charge["charge"].lower() != "for"):
        return None
    return None, first[2], "cued object"


def wrong_deed(text: str, st: StatementDraft, actors: list[ActorDraft],
               described: dict[int, list[Span]]) -> tuple[None, ActorDraft, str] | None:
    """The one actor the statement names as the subject of a deed that charges it: "Reed lied about the budget".

    One subject only, by name, description or "he"/"she": with two the words may set one against the other.
    """
    start, end = st.span
    doers = {id(d): d for d in actors for s, e in mention_spans(d, described)
             if start <= s and e <= end and opens_clause(text, start, s) and WRONG_DEED_AFTER.match(text, e, end)}
    if len(doers) != 1:
        return None
    return None, next(iter(doers.values())), "wrong deed"
