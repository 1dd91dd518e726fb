"""Who accuses whom in one statement: the sentence's structure first, the model's label for what remains.

The model labels each statement (accused names from a closed list, a category, "denial" or "none"). A small
model gets the grammar of blame wrong in recurring ways, so its label is checked against the sentence:

- an accusing verb fixes both sides: in "X blamed Y for …" / "X accused Y of …" / "X held Y responsible"
  the subject accuses and the object is accused; in "Y was blamed for …" Y is accused; in "the breach was
  carried out by Y" and "Y was behind the attack" Y is accused;
- those a statement names as harmed, threatened or addressed are never accused: "the invasion of Ukraine",
  "a danger to India, Australia and Japan", "urged the administration to …", "Moscow should …";
- some statements accuse nobody whatever the model says: a denial ("I never had access …") answers an
  accusation; a reassurance ("we take this very seriously"); a warning to all ("you will be held
  accountable") names nobody it blames; a neutral fact names no wrong;
- the accused must be named in the words said (by name, description or "he"/"she", see `pronouns`), or be
  the object of the accusing cue: a name elsewhere in the sentence is the speaker's audience or the context;
  and named where a doer stands (`doers`): "the reach of the EPA", "serving under Daly", "if indeed Daly is …"
  name no one the words charge;
- words that are not negative on the whole (VADER, see `evaluative`) and name no wrong accuse nobody, whatever
  the model says: praise, a forecast, a neutral fact;
- words negative on the whole that the model called "none" accuse the one actor they name as a clause's
  subject ("X is a disgrace"), not one after a preposition ("missing from X's reports").

English is kept as data (word lists, patterns) in `accusation_words` (the verbs and the charge) and
`name_positions` (where a name stands); the functions here only apply them.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from extract.language.accusation_words import AGENT_RE, BEHIND_RE, MAX_PROPOSED, NAMING_RE, SAID_OF_RE, TITLED_GAP
from extract.language.actors import ActorDraft
from extract.language.attribution import StatementDraft
from extract.language.categories import names_a_wrong, plausible_category, without_prevented
from extract.language.evaluative import speaks_ill
from extract.language.frames import accusing_frame, mention_spans, sentence_window
from extract.language.grounding import Span
from extract.language.ill_said_of import ill_where_named
from extract.language.name_positions import (
    ADDRESSED_RES,
    AGENT_OF_RE,
    APPOSITION_RE,
    CIRCUMSTANCE_RE,
    CLAUSE_END_RE,
    CLAUSE_OPENER_RE,
    COORDINATED_RE,
    DOER_AFTER_RE,
    DOER_BEFORE_RE,
    JOINED_RE,
    LIST_RE,
    MODIFIER_RE,
    OWNED_DEED_RE,
    OWNER_OF_RE,
    OWNER_SUBJECT_RE,
    POSSESSIVE_PRONOUNS,
    POSSESSOR_RE,
    PREDICATE_AFTER,
    QUALIFIES_RE,
    SPEAKING_AFTER_RE,
    SPEAKING_BEFORE_RE,
    SUBJECT_START,
    TITLE_BEFORE_RE,
)
from extract.language.nobody_accused import accuses_nobody, calls_to_action, nobody_accused_as
from extract.language.nobody_accused import is_denial as is_denial  # the pipeline imports it from here
from extract.language.passives import undergoes
from extract.language.sides import own_side
from extract.language.speech import Sentence
from extract.language.victims import employs_the_next, victim_before


@dataclass(frozen=True)
class Accusation:
    """One statement's accusation: who accuses (usually its speaker), whom, and of what kind."""

    statement: StatementDraft
    accusers: list[ActorDraft]
    accused: list[ActorDraft]
    category: str
    #: What proposed it: the model's label ("label"), negative words about a clause's subject ("words"), the second
    #: look, or a shape of the sentence where the label named nobody (`proposing`: "naming", …).
    proposed_by: str = "label"


def names_its_speaker(text: str, st: StatementDraft, actors: list[ActorDraft],
                      described: dict[int, list[Span]]) -> bool:
    """Whether the words name their own speaker by name where a wrongdoer would stand: then they are not hers.

    Nobody accuses themselves by name ("defend the corruptions of Ada Quill", said by Ada Quill; "blamed on
    the policies of Daly and Quill"): the statement was given to the wrong speaker (a name in the words
    taken for the one who says them), and whom it accuses cannot be told from its speaker. Named as harmed
    or addressed ("Daly attacked Quill") the speaker may be named.
    """
    if st.speaker.kind != "person":  # "ESPN is an inclusive company," ESPN said: a body names itself
        return False
    start, end = st.span
    said_by = st.candidate.speaker_span or (end, end)  # a quotation's words may run on past "said Quill"
    if not any(
        start <= s and e <= end and not said_by[0] <= s < said_by[1]
        and not MODIFIER_RE.search(text, max(0, s - 4), s)  # "the Quill campaign" qualifies, names no doer
        and not QUALIFIES_RE.match(text, e)  # "Quill's case", "Quill University": what is hers, not her
        and not SPEAKING_AFTER_RE.match(text, e) and not SPEAKING_BEFORE_RE.search(text, max(0, s - 40), s)
        for s, e in st.speaker.mentions
    ):
        return False
    return id(st.speaker) not in not_accusable(text, start, end, [st.speaker, *actors], described)


def sentence_of(draft: ActorDraft, start: int, end: int, described: dict[int, list[Span]],
                sentences: list[Sentence]) -> Span:
    """The part of `start:end` in the sentence of the actor's first mention there."""
    at = min(s for s, _ in mention_spans(draft, described) if start <= s < end)
    around = next(((x.start, x.end) for x in sentences if x.start <= at < x.end), (start, end))
    return max(start, around[0]), min(end, around[1])


def not_accusable(text: str, start: int, end: int, actors: list[ActorDraft],
                  described: dict[int, list[Span]]) -> set[int]:
    """Ids of the actors every mention of which in `text[start:end]` names one harmed, threatened or addressed.

    A mention is in such a position when a pattern of `VICTIM_BEFORE` ends right before it, when it follows
    such a mention in a list ("a danger to India, Australia, and Japan"), or when `ADDRESSED_AFTER` or
    `HARMED_AFTER` starts right after it ("Moscow should …", "Crutcher's death").
    """
    mentions = sorted((s, e, id(d)) for d in actors for s, e in mention_spans(d, described) if start <= s and e <= end)
    passive: set[tuple[int, int]] = set()
    last_passive_end: int | None = None
    people = {s for d in actors if d.kind == "person" for s, _ in mention_spans(d, described) if start <= s < end}
    for s, e, _ in mentions:
        if (
            victim_before(text, s, e)
            or employs_the_next(text, e, people)
            or (last_passive_end is not None and LIST_RE.match(text[last_passive_end:s]))
            or any(p.match(text, e, min(end, e + 60)) for p in ADDRESSED_RES)
            or in_circumstance(text, s, end)
        ):
            passive.add((s, e))
            last_passive_end = e
    active = {who for s, e, who in mentions if (s, e) not in passive}
    return {who for _, _, who in mentions} - active


def in_circumstance(text: str, at: int, end: int) -> bool:
    """Whether the name at `at` is the subject of a clause that only sets the time ("while Y negotiates …").

    Such a clause is the circumstance of what is said, not its charge, unless its own words speak ill or
    name a wrong ("while Y lied to the voters").
    """
    if CIRCUMSTANCE_RE.search(text, max(0, at - 60), at) is None:
        return False
    stop = CLAUSE_END_RE.search(text, at, end)
    clause = text[at : stop.start() if stop else end]
    return not (speaks_ill(clause) or names_a_wrong(clause))


def overlooked(text: str, st: StatementDraft, actors: list[ActorDraft],
               described: dict[int, list[Span]]) -> list[ActorDraft]:
    """Whom a statement the model labelled "none" may still accuse: the closed question's candidates.

    The small model says "none" of plain charges. Only a statement that `judge` could accept is worth a
    question: its words speak ill or name a wrong, it is no denial, reassurance or warning to all, and it
    names (by name, description, "he"/"she" or "you") actors of the other side as a clause's subject followed
    by its verb, not only as harmed or addressed; the first `MAX_PROPOSED` of them are asked about.
    """
    start, end = st.span
    said = without_prevented(st.said(text))
    if is_denial(text, st) or accuses_nobody(text, st, described) or not (speaks_ill(said) or names_a_wrong(said)):
        return []
    if names_its_speaker(text, st, actors, described):
        return []
    # as a clause's subject with its verb, or its owner: not "missing from the trust's reports", "to critique
    # Daly, but", "Daly's family was"
    spans = sorted({sp for d in actors for sp in mention_spans(d, described) if start <= sp[0] and sp[1] <= end})
    subjects = joint_owners(text, start, spans, {(s, e) for s, e in spans
                                          if opens_clause(text, start, s) and clause_subject(text, s, e)})
    first = {id(d): min(subject) for d in actors
             if (subject := [s for s, e in mention_spans(d, described) if (s, e) in subjects])}
    if not first:  # no subject: nobody to exclude either (the sides and victims are the costly checks)
        return []
    excluded = own_side(text, st, actors) | not_accusable(text, start, end, actors, described)
    found = sorted((d for d in actors if id(d) in first and id(d) not in excluded), key=lambda d: first[id(d)])
    return found[:MAX_PROPOSED]


def opens_clause(text: str, start: int, at: int) -> bool:
    """Whether `text[start:at]` ends where a clause's subject starts; a title's period ("Mr.") ends no clause."""
    title = TITLE_BEFORE_RE.search(text, start, at)
    return SUBJECT_START.search(text[start : title.start() if title else at]) is not None


def clause_subject(text: str, s: int, e: int) -> bool:
    """Whether the mention `s:e`, after a clause's start, is the clause's subject or the owner of its subject.

    Its verb follows ("Daly lied"), or it owns a deed that is the subject ("Daly's lies are …", "his plan
    would …"): who did or said the thing did the wrong the words charge. The owner of people or of what
    befell them ("Daly's family was …") is no subject.
    """
    if text[s:e].lower() in POSSESSIVE_PRONOUNS:
        return OWNED_DEED_RE.match(text, e) is not None
    return PREDICATE_AFTER.match(text, e) is not None or OWNER_SUBJECT_RE.match(text, e) is not None


def joint_owners(text: str, start: int, spans: list[Span], subjects: set[Span]) -> set[Span]:
    """`subjects` with the mentions joined to an owner among them: "Osk" in "Osk and Daly's plan is …"."""
    joint = set(subjects)
    for (s, e), nxt in reversed(list(itertools.pairwise(spans))):
        if (nxt in joint and OWNER_SUBJECT_RE.match(text, nxt[1]) and COORDINATED_RE.match(text, e, nxt[0])
                and opens_clause(text, start, s)):
            joint.add((s, e))
    return joint


#: What `judge` records for each rule that drops names: the rule and the names it dropped (a bench's trace).
Dropped = list[tuple[str, list[ActorDraft]]]


def judge_label(
    text: str,
    st: StatementDraft,
    proposed: list[ActorDraft],
    category: str | None,
    actors: list[ActorDraft],
    described: dict[int, list[Span]],
    sentences: list[Sentence],
    dropped: Dropped | None = None,
) -> Accusation | None:
    """The accusation a statement carries by the model's label, or None (see `judge`).

    `proposed` are the accused the model chose, `category` its category (None when it labelled the
    statement "none"); `actors` are every actor, for the grammar's sides. `dropped`, when given, receives
    which rule dropped which of `proposed` (`bench/judge_rules.py` counts them); the verdict is the same.
    """
    traced = {id(x) for _, names in dropped or [] for x in names}  # dropped by an earlier rule

    def drop(rule: str, kept: list[ActorDraft] | None = None) -> None:
        if dropped is None:  # no trace asked for: the verdict alone
            return
        left = {id(d) for d in kept or []}
        gone = [d for d in proposed if id(d) not in left and id(d) not in traced]
        if gone:
            dropped.append((rule, gone))
            traced.update(id(d) for d in gone)

    nobody = nobody_accused_as(text, st, described)
    if nobody is not None:
        drop(nobody)
        return None
    if names_its_speaker(text, st, actors, described):
        drop("names its speaker")
        return None
    frame = accusing_frame(text, st, actors, described, sentences, wrong=category is not None)
    window = sentence_window(st.span, sentences)
    # the object of an accusing verb with its charge is accused ("attacked Y for her vote"); otherwise the
    # grammar's accused is never one the sentence names only as harmed ("called the Orland War a mistake")
    harmed = set() if frame is None or frame.by_verb else not_accusable(text, *window, actors, described)
    if frame is not None and id(frame.accused) not in own_side(text, st, actors) | harmed:
        accuser = frame.accuser if frame.accuser is not None and id(frame.accuser) != id(frame.accused) else None
        accusers = [accuser] if accuser is not None and accuser.kind != "other" else [st.speaker]
        drop("accusing frame", [frame.accused])
        return Accusation(st, accusers, [frame.accused], supported(category, st.said(text)))
    start, end = st.span
    said = st.said(text)  # the words said, not their attribution ('"Q1," X charged. "Q2."' names no wrong)
    done = without_prevented(said)  # "ready to end the era of waiting for the next attack" names no wrong done
    wrong_named = names_a_wrong(done)
    if not (wrong_named or speaks_ill(done)):  # praise, a forecast, a neutral fact: no accusation
        drop("no wrong, no ill words")
        return None
    if category is None and not speaks_ill(done):  # no label and no ill words: nobody is blamed by the words
        return None
    # the sides, names and victims only for a statement that still may accuse (the most costly checks, last)
    own = own_side(text, st, actors)
    named = {id(d) for d in actors for s, e in mention_spans(d, described) if named_in_words(text, st, s, e)}
    victims = not_accusable(text, start, end, actors, described)
    if category is None:
        # the model saw no wrong, but the words speak ill of the actors they name as a clause's subject: the
        # speaker blames them ("cases were missing from the trust's reports": the trust is not who did it);
        # the checking round (`verify`) asks about each
        blamable = [d for d in actors if id(d) in named and id(d) not in victims and id(d) not in own]
        # the one a named wrong is "of" did it ("defend the corruptions of Y"), before any clause's subject
        subjects = [d for d in blamable
                    if any(AGENT_OF_RE.search(text, max(start, s - 40), s) for s, _ in mention_spans(d, described)
                           if start <= s < end)]
        # a clause's subject with its verb after it, not a name after a verb ("the storm left Daly stranded")
        standing = doers(text, start, end, actors, described) | joined_to_doers(text, start, end, actors, described)
        subjects = subjects or [
            d for d in blamable
            if any(SUBJECT_START.search(text[start:s]) and not undergoes(text, e, end)
                   and (id(d) in standing or apposed_subject(text, e, end))
                   for s, e in mention_spans(d, described) if start <= s < end)
        ]
        subjects = [d for d in subjects
                    if wrong_named or ill_where_named(text, start, end, d, actors, described, sentences)]
        if not subjects or len(subjects) > MAX_PROPOSED:
            return None
        subjects = first_subjects(text, start, end, subjects, described, sentences)
        if calls_to_action(text, st, sentence_of(subjects[0], start, end, described, sentences)):
            return None
        return Accusation(st, [st.speaker], subjects, supported(None, said), "words")
    accused = [d for d in proposed if id(d) in named]
    drop("not named in the words", accused)
    accused = [d for d in accused if id(d) not in own]
    drop("own side", accused)
    accused = [d for d in accused if id(d) not in victims]
    drop("named as harmed or addressed", accused)
    if accused:
        # the accused did the wrong or is what the words speak of, not one named inside what another did
        accused = [d for d in accused if id(d) in doers(text, start, end, actors, described)]
        drop("not where a doer stands", accused)
        accused = [d for d in accused
                   if wrong_named or ill_where_named(text, start, end, d, actors, described, sentences)]
        drop("ill words not said of it", accused)
        if not accused:
            return None
    elif proposed and not calls_to_action(text, st):
        # the model saw a wrong but named its victim: the wrong's agent is whom else the words name first
        accused = first_named(start, end, [d for d in actors if id(d) in named and id(d) not in victims
                                           and id(d) not in own], described)
    if not accused:
        return None
    return Accusation(st, [st.speaker], accused, supported(category, said))


def named_in_words(text: str, st: StatementDraft, s: int, e: int) -> bool:
    """Whether the mention `s:e` is in the words said, or is whom their attribution says they are about.

    A name in the attribution between the parts ('"Q1," X told CNN. "Q2."', "said Y, an aide to Z") is not in
    what was said: the model's label is not taken for it. "she said of Daly" names whom the words are about.
    """
    return st.holds(s, e) or (st.span[0] <= s and SAID_OF_RE.search(text, max(st.span[0], s - 40), s) is not None)


def doers(text: str, start: int, end: int, actors: list[ActorDraft], described: dict[int, list[Span]]) -> set[int]:
    """Ids of the actors named in `text[start:end]` where one who did a wrong or is spoken of stands.

    A clause's subject ("Daly lied", "I think he lied") or the owner of its subject ("Daly's plan would …"),
    any owner ("defended Daly's lies", "the policies of Daly"), the one a wrong is "of" or "by" ("the lies of
    Daly", "carried out by Daly", "Daly was behind it"), the one named something ("called Daly a liar"), and
    one joined to any of these by "and"/"or" ("Osk and Daly continue to …", "it was Daly and Osk who …"). Not
    one named only inside what another did or said: "the states exaggerated the reach of the agency", "felt
    demoralized serving under Daly", "to accompany Daly on the trail": a small model blames whoever a charged
    sentence names.
    """
    spans = sorted((s, e, id(d)) for d in actors for s, e in mention_spans(d, described)
                   if start <= s and e <= end)
    found = {who for s, e, who in spans if stands_as_doer(text, start, end, s, e)}
    carried, after = False, end  # the mention after the one read: a clause's subject with its verb, where it starts
    for s, e, who in reversed(spans):
        if carried and JOINED_RE.match(text, e, after):
            found.add(who)  # "Osk and Daly continue to …": joined to the subject, as much its doer
        else:
            carried = (opens_clause(text, start, s) and PREDICATE_AFTER.match(text, e) is not None
                       and not undergoes(text, e, end))
        after = s
    carried, before = False, start  # the mention before: the one a deed or wrong is "of", where it ends
    for s, e, who in spans:
        if carried and JOINED_RE.match(text, before, s):
            found.add(who)  # "the policies of Daly and Osk": the deed is both's
        else:
            carried = bool(AGENT_OF_RE.search(text, max(start, s - 40), s) or OWNER_OF_RE.search(
                text, max(start, s - 40), s))
        before = e
    return found


def apposed_subject(text: str, e: int, end: int) -> bool:
    """Whether the name ending at `e` is a clause's subject set off by an apposition: "Daly, a former mayor, lied"."""
    apposition = APPOSITION_RE.match(text, e, end)
    return apposition is not None and PREDICATE_AFTER.match(text, apposition.end()) is not None


def joined_to_doers(text: str, start: int, end: int, actors: list[ActorDraft],
                    described: dict[int, list[Span]]) -> set[int]:
    """Ids of the actors joined by "and"/"or" to the agent of a deed: "a disgrace by Dunn and his board"."""
    spans = [(s, e, id(d)) for d in actors for s, e in mention_spans(d, described) if start <= s and e <= end]
    standing = [e for s, e, _ in spans
                if any(p.search(text, max(start, s - 40), s) for p in (DOER_BEFORE_RE, AGENT_OF_RE, OWNER_OF_RE))]
    return {who for s, _, who in spans if any(e <= s and JOINED_RE.match(text, e, s) for e in standing)}


def stands_as_doer(text: str, start: int, end: int, s: int, e: int) -> bool:
    """Whether the mention `s:e` of `text[start:end]` stands where one who did a wrong stands (see `doers`)."""
    return bool(
        ((opens_clause(text, start, s) or CLAUSE_OPENER_RE.search(text, max(start, s - 60), s))
         and clause_subject(text, s, e) and not undergoes(text, e, end))
        or POSSESSOR_RE.match(text, e, end)
        or DOER_AFTER_RE.match(text, e, end)
        or DOER_BEFORE_RE.search(text, max(start, s - 80), s)
        or AGENT_OF_RE.search(text, max(start, s - 40), s)
        or OWNER_OF_RE.search(text, max(start, s - 40), s)
        or AGENT_RE.search(text, max(start, s - 80), s)
        or BEHIND_RE.match(text, e, min(end, e + 40))
        or SAID_OF_RE.search(text, max(start, s - 40), s)  # '"They lied," Quill said of Daly': what it speaks of
        or any(m.end() <= s and TITLED_GAP.match(text[m.end() : s])
               for m in NAMING_RE.finditer(text, max(0, s - 60), s))
    )


def first_subjects(text: str, start: int, end: int, subjects: list[ActorDraft],
                   described: dict[int, list[Span]], sentences: list[Sentence]) -> list[ActorDraft]:
    """The first of the clause subjects the words blame, with those joined to it ("Daly and Osk lied").

    A later subject is in a clause of its own, most often the one the first's wrong falls on ("Daly tells so
    many lies that Osk must spend her time correcting him"). In a quotation of several sentences the first
    subject of a sentence that speaks ill is taken ("Reed asserted his rights. But the board voted for
    contempt because he would not play along": the board).
    """
    at = {id(d): min(sp for sp in mention_spans(d, described) if start <= sp[0] < end) for d in subjects}
    ill = [d for d in subjects if speaks_ill(text[slice(*sentence_of(d, start, end, described, sentences))])]
    ordered = sorted(ill or subjects, key=lambda d: at[id(d)])
    kept, last_end = [ordered[0]], at[id(ordered[0])][1]
    for d in ordered[1:]:
        s, e = at[id(d)]
        if not COORDINATED_RE.match(text, last_end, s):
            break
        kept.append(d)
        last_end = e
    return kept


def first_named(start: int, end: int, actors: list[ActorDraft], described: dict[int, list[Span]]) -> list[ActorDraft]:
    """The actor named first within `start:end` (as a one-item list), or none."""
    found = [(s, d) for d in actors for s, e in mention_spans(d, described) if start <= s and e <= end]
    return [min(found, key=lambda x: x[0])[1]] if found else []


def supported(category: str | None, said: str) -> str:
    """The category the statement's own words support (see `categories.plausible_category`).

    Its words, not its sentence's: the claim is the statement, and "at the bribery trial of Y, X said Z lied"
    charges Z with a lie, not with corruption.
    """
    return plausible_category(category or "other", said)


def judge(text: str, st: StatementDraft, proposed: list[ActorDraft], category: str | None, actors: list[ActorDraft],
          described: dict[int, list[Span]], sentences: list[Sentence],
          dropped: Dropped | None = None) -> Accusation | None:
    """The accusation a statement carries: the judged label, else what its structure proposes (`proposing`).

    `dropped`, when given, receives which rule dropped which of `proposed` (see `judge_label`).
    """
    verdict = judge_label(text, st, proposed, category, actors, described, sentences, dropped)
    if verdict is None and (category is None or not proposed):
        from extract.language.proposing import propose  # proposing applies this module's rules

        return propose(text, st, actors, described, sentences)
    return verdict
