"""The sides an accusing verb, a naming verb or an agent phrase gives a charge, read from the grammar.

"X blamed Y for …", "Y was accused of …", "… was carried out by Y", "called Y a …": who accuses and who is
accused stand where the verb puts them. The allegation judge (`allegations.judge`) takes such a frame in
preference to the names the model proposed. English is data in `accusation_words`; moved out of allegations.py.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extract.language.accusation_words import (
    ACCUSING_FORMS,
    AGENT_RE,
    APPOSITIVE_RE,
    BEHIND_RE,
    BLAMED_ON_RE,
    CHARGE_GAP,
    NAMING_RE,
    NEEDS_A_NAME,
    NO_COMPLEMENT_RE,
    OBJECT_GAP,
    ONLY_WITH_FOR,
    PASSIVE_BEFORE,
    SUBJECT_GAP,
    TITLE_CHAIN_GAP,
    TITLED_GAP,
)
from extract.language.accusing_verbs import accusing_verbs
from extract.language.actors import ActorDraft
from extract.language.attribution import StatementDraft
from extract.language.grounding import Span
from extract.language.speech import Sentence


def sentence_window(span: Span, sentences: list[Sentence]) -> Span:
    """The statement with the sentences it starts and ends in: its attribution says whom it is about too."""
    start, end = span
    if not sentences:
        return span
    starts = [s.start for s in sentences]
    first = sentences[max(0, bisect.bisect_right(starts, start) - 1)]
    last = sentences[max(0, bisect.bisect_right(starts, max(start, end - 1)) - 1)]
    return min(start, first.start), max(end, last.end)


def mention_spans(draft: ActorDraft, described: dict[int, list[Span]]) -> list[Span]:
    """The actor's mentions with the descriptions that stand for it, in order."""
    return sorted([*draft.mentions, *described.get(id(draft), [])])


@dataclass(frozen=True)
class Frame:
    """Sides of an accusation the grammar gives: accuser (None: the speaker) and accused."""

    accuser: ActorDraft | None
    accused: ActorDraft
    #: Given by an accusing verb with its charge ("blamed Y for"), not by a naming verb or an agent phrase.
    by_verb: bool = False


def accusing_frame(text: str, st: StatementDraft, actors: list[ActorDraft],
                   described: dict[int, list[Span]], sentences: list[Sentence], *, wrong: bool) -> Frame | None:
    """The sides an accusing verb or an agent phrase gives in the statement's sentences, if any.

    Active "X blamed Y for …": X accuses (None when X is no actor: the speaker then), Y is accused.
    Passive "Y was accused of …", "Y was blamed": Y is accused by the speaker (or by "by X").
    "… was carried out by Y", "traced to Y", "Y was behind …", "described Y as …", "called Y a …": Y is
    accused, when the model saw a wrong (`wrong`): a study is carried out by someone too, and a hero described.
    """
    start, end = sentence_window(st.span, sentences)
    mentions = sorted(((s, e, d) for d in actors for s, e in mention_spans(d, described) if start <= s and e <= end),
                      key=lambda m: m[:2])  # two actors may share a span: never compare the actors

    def right_before(at: int) -> ActorDraft | None:
        found = [(e, d) for s, e, d in mentions if e <= at and SUBJECT_GAP.match(text[e:at])]
        return max(found, key=lambda x: x[0])[1] if found else None

    def right_after(at: int, gap: re.Pattern[str] = OBJECT_GAP) -> ActorDraft | None:
        found = [(s, d) for s, e, d in mentions if s >= at and gap.match(text[at:s])]
        return min(found, key=lambda x: x[0])[1] if found else None

    for match in accusing_verbs(text, start, end):
        if st.candidate.kind != "direct" and st.span[1] <= match.start():
            # reported words before the verb are not its charge ("Bemoaning the system, Reed accused Daly of
            # …": the charge is what follows "accused"); a quotation before "…, she said, accusing Y" is
            continue
        lemma = ACCUSING_FORMS[match["verb"].lower()]
        after = text[match.end() : match.end() + 120]
        if lemma == "hold responsible" and not re.match(r"\s+[^.;]{1,60}?\b(?:responsible|accountable)\b", after):
            continue
        if PASSIVE_BEFORE.search(text, max(start, match.start() - 30), match.start()):
            if lemma in ONLY_WITH_FOR:
                continue
            accused = right_before(_passive_subject_end(text, start, match.start()))
            if accused is not None:
                by = re.match(r"\s+by\s+(?:the\s+)?", after)
                accuser = right_after(match.end() + by.end()) if by else None
                return Frame(accuser, accused, by_verb=True)
            continue
        titled = [(s, e, d) for s, e, d in mentions
                  if s >= match.end() and TITLE_CHAIN_GAP.match(text[match.end() : s])]
        accused = titled[0][2] if titled else right_after(match.end())  # "accused X campaign manager Y of": Y
        if accused is None:
            continue
        gap = text[titled[0][1] if titled else accused_end(text, match.end(), mentions) : match.end() + 120]
        charge = CHARGE_GAP.match(gap)
        if charge is None and lemma != "sue":
            continue
        if lemma in ONLY_WITH_FOR and (charge is None or not gap[: charge.end()].lower().endswith("for")):
            continue
        said_by = st.candidate.speaker_span
        if said_by is not None and said_by[1] <= match.start() and APPOSITIVE_RE.match(text, said_by[1], match.start()):
            # the speaker's description stands between: "Pruitt, attorney general of one of the states suing the
            # EPA, said" (a verb inside it), "Sinovic, director of Progress Iowa, has accused Y" (the speaker's own)
            return Frame(None, accused, by_verb=True)
        return Frame(right_before(match.start()), accused, by_verb=True)
    # after reported (not quoted) words, a naming verb or an agent phrase is another clause's charge: in "Mook
    # said the campaign expects Holt to step in by calling out Y", the words charge no one; "calling out Y" is
    # the campaign's (as for an accusing verb above). Not "blamed … on Y": "Reed said the region is in trouble,
    # and blamed it on Y" is the speaker's own charge, and no statement of its own carries it.
    reported_end = st.span[1] if st.candidate.kind != "direct" else end
    for match in [m for m in NAMING_RE.finditer(text, start, end) if m.start() < reported_end] if wrong else []:
        named = [(s, e, d) for s, e, d in mentions if s >= match.end() and TITLED_GAP.match(text[match.end() : s])]
        if (named and not PASSIVE_BEFORE.search(text, max(start, match.start() - 30), match.start())
                and (match.group().lower() not in NEEDS_A_NAME or gives_a_name(text, named[0][1], end))):
            return Frame(right_before(match.start()), named[0][2])
    for s, e, draft in mentions if wrong else []:
        blamed = BLAMED_ON_RE.search(text, max(start, s - 140), s)
        if blamed is not None:  # "Reed blamed the losses on Daly": Reed accuses (the speaker if no actor)
            return Frame(right_before(blamed.start()), draft)
        if s >= reported_end:
            continue
        if AGENT_RE.search(text, max(start, s - 80), s) or BEHIND_RE.match(text, e, min(end, e + 40)):
            return Frame(None, draft)
    return None


def gives_a_name(text: str, at: int, end: int) -> bool:
    """Whether a naming verb's object, ending at `at` (before `end`), is named something after it (asked of "call").

    "called Reed a liar", "described Reed as …" name him; "urged her to call Reed immediately", "despite
    phone calls from the bureau, I refuse" and "a group called Citizens for Reed, which …" name nobody
    anything, whatever wrong the model saw in the sentence (`accusation_words.NO_COMPLEMENT`).
    """
    return NO_COMPLEMENT_RE.match(text, at, end) is None


def _passive_subject_end(text: str, start: int, verb_at: int) -> int:
    """Where the subject of "Y was accused" ends: before the auxiliary and its adverb."""
    aux = PASSIVE_BEFORE.search(text, max(start, verb_at - 30), verb_at)
    return aux.start() if aux else verb_at


def accused_end(text: str, at: int, mentions: list[tuple[int, int, ActorDraft]]) -> int:
    """The end of the first mention starting at or after `at` (the object of an accusing verb)."""
    following = [(s, e) for s, e, _ in mentions if s >= at]
    return min(following)[1] if following else at
