"""Whom a statement names: the actors offered to the model as those it may accuse, and where it names them.

The model chooses a statement's accused from a closed list (the schema turns it into an enum), and the judge
accepts an accused only where the words name it, so an actor the words name in a way the list misses cannot
be accused at all. A statement names an actor by name, by a description that surely fits it ("the mayor's
campaign", `descriptions`), by "he"/"she" (`pronouns`), and, found here:

- by a member noun after the body's name: "police officers" names the police, "FBI agents" the FBI, "campaign
  staffers" the one campaign of the article: what members do in a body's name, the body is blamed for;
  after a country's adjective, those who act for its state: "Russian hackers", "Iranian officials" name Russia
  and Iran ("Russian voters", "Syrian refugees" do not);
- by "you" in a quotation said to someone: "'You lied to this committee,' Quill told Daly", "Houchins had a
  question for the president. 'Why do you still refuse …?'": the one told, asked or written to; where
  nothing says to whom, a "you" that tells of a deed ("Daly kept his bonus. 'You cheated the workers'") is
  said to the person named last before;
- by a thing of theirs the article gives one owner: "the plan" where every plan it names is Quill's ("Quill's
  plan", "the Quill harbor plan"): what a plan, a policy or a speech does, its owner is blamed for;
- by a given name alone, as a rival says it in a quotation ("the plan that Donald has put forth", "Hillary
  lied"), where one person of the article has that given name.

English is kept as data (the word lists and patterns below).
"""

from __future__ import annotations

import re

from extract.language.actors import ActorDraft
from extract.language.admitting import country_of_adjective
from extract.language.attribution import StatementDraft
from extract.language.frames import sentence_window
from extract.language.gender import name_gender
from extract.language.grounding import Span
from extract.language.mention_index import MentionIndex
from extract.language.passives import ADVERB, IRREGULAR_PARTICIPLES
from extract.language.person_names import FUNCTION_WORDS
from extract.language.speech import ADDRESSEE_VERBS, REPORTING_VERBS, Sentence
from extract.language.stopwords import STOPWORDS

#: Kinds of actor that have members.
BODY_KINDS = frozenset({"organization", "government", "international_organization", "armed_group", "media"})
#: Nouns for the members of a body, written after its name: "police officers", "FBI agents".
MEMBER_NOUNS = (
    "officers", "officer", "agents", "agent", "officials", "troops", "soldiers", "staff", "staffers",
    "employees", "members", "operatives", "personnel", "investigators", "prosecutors", "executives",
    "leaders", "lawmakers", "legislators", "aides",
)  # fmt: skip
_MEMBER = re.compile(r"\s+(?:" + "|".join(MEMBER_NOUNS) + r")\b", re.IGNORECASE)
#: Who acts for a state, after its adjective ("Russian hackers", "Chinese authorities"): its members and organs.
STATE_NOUNS = (
    *MEMBER_NOUNS, "hackers", "spies", "forces", "military", "government", "authorities", "intelligence",
    "regime", "diplomats", "army", "navy", "warplanes", "state",
)  # fmt: skip
_STATE_MEMBER = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+)\s+(?:" + "|".join(STATE_NOUNS) + r")\b")
_CAPITAL_BEFORE = re.compile(r"([A-Z][\w.'’-]*)\s+$")

#: "you" that addresses someone: "your", "you" before its verb ("you lied", "you should resign") or after an
#: auxiliary that asks ("do you still refuse", "did you know"). Not "if you show him", "until you have", "we like
#: you": a conditional or an object is anyone; fixed phrases ("thank you", "you know") are masked.
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
CONDITIONAL_BEFORE = frozenset({"if", "when", "whenever", "until", "unless", "once", "before", "after", "as"})
ASKING_BEFORE = frozenset({"do", "did", "does", "have", "had", "are", "were", "will", "would", "can", "could",
                           "should", "why", "how"})
_VERB_AFTER = re.compile(
    r"\s+(?!(?:to|and|or|but|of|in|on|at|for|with|from|by|as|about|than|who|that|the|a|an)\b)[a-z]"
)
_GENERIC_YOU = re.compile(
    r"\b(?:thank\s+you|you\s+know|you\s+see|mind\s+you|I\s+(?:can\s+|will\s+|must\s+|['’]ll\s+|have\s+to\s+)?"
    r"(?:tell|assure|promise|guarantee)\s+you|let\s+me\s+tell\s+you|if\s+you\s+will|believe\s+you\s+me)\b",
    re.IGNORECASE,
)
#: Words right before the one a quotation is said to, outside the quotation: "told Daly", "asked the senator",
#: "a question for the president", "in a letter to Daly", "pressed Daly"; no preposition between ("asked about
#: Daly's plan" asks someone else). Before the quotation's own sentence only a confrontation counts: one "told"
#: an interviewer there ("Reed told host Ana Ruiz that …") is not whom the next quotation's "you" means.
_TO_WHOM = (
    r"\s+(?:the\s+)?(?:(?!(?:about|of|on|over|in|at|for|from|with|by|whether|if|why|how|what)\b)[\w.'’-]+\s+){0,3}$"
)
CONFRONTING_BEFORE = (
    r"\b(?:pressed|pressing|grilled|grilling|questioned|questioning|confronted|confronting|challenged|"
    r"challenging|asked|asking|(?:letter|message|note|question|questions)\s+(?:directly\s+)?(?:to|for))" + _TO_WHOM
)
ADDRESSING_BEFORE = (
    r"\b(?:" + "|".join(sorted({f for lemma in ("tell", "ask") for f in REPORTING_VERBS.get(lemma, ())}))
    + r"|(?:said|says|saying|wrote|writes|writing|spoke|speaking|turned|turning|directed)\s+(?:directly\s+)?to)"
    + _TO_WHOM
)
_CONFRONTING = re.compile(CONFRONTING_BEFORE, re.IGNORECASE)
_ADDRESSING = re.compile(ADDRESSING_BEFORE, re.IGNORECASE)
#: Words in quotation marks: in reported speech, the speaker's own, where "you" is whom they speak to.
_QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]")
#: Between a name and the speaker's when the name is part of the speaker's title: "Quill spokesman Ed Lund".
_TITLE_BETWEEN = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){1,3}\s+")
#: How many sentences before a quotation whose "you" tells of a deed the one spoken to may have been named.
DEED_REACH = 2
#: Simple pasts that are no participle ("you went on television", "you took the money").
PAST_FORMS = (
    "went", "took", "gave", "knew", "broke", "stole", "hid", "ran", "wrote", "spoke", "came", "did",
    "drove", "rose", "chose", "threw", "forgot", "began", "fell", "flew", "swore", "tore", "ate", "saw",
)  # fmt: skip
#: Pasts that are also presents ("you run the risk", "you read it"), and words in "-ed" that are no past.
NOT_PAST = ("run", "read", "set", "put", "indeed", "need", "seed", "feed", "red", "bed", "shed", "speed", "exceed",
            "proceed", "succeed")  # fmt: skip
_PAST = r"(?!(?:" + "|".join(NOT_PAST) + r")\b)(?:\w+ed|" + "|".join((*IRREGULAR_PARTICIPLES, *PAST_FORMS)) + ")"
#: After "you", a deed of one person: a past ("you cheated", "you went"), a perfect ("you have lied"), a
#: progressive ("you are scapegoating"); where "you cannot walk", "you should read", "you know" are anyone's.
_DEED_AFTER = re.compile(
    r"(?:\s+" + ADVERB + r")*(?:"
    r"(?:\s+(?:are|were)|['’]re)(?:\s+" + ADVERB + r")*\s+(?!going\b)\w+ing"
    r"|(?:\s+(?:have|had)|['’]ve)(?:\s+" + ADVERB + r")*\s+" + _PAST + r"|\s+" + _PAST + r")\b",
    re.IGNORECASE,
)

#: Things someone makes, says or runs, whose owner answers for them: "Quill's plan" … "the plan discriminates".
#: Not the bodies a description finds ("the campaign", "the foundation" are actors of their own).
OWNED_THINGS = (
    "plan", "plans", "proposal", "proposals", "policy", "policies", "bill", "legislation", "budget", "agenda",
    "program", "programme", "strategy", "remarks", "comments", "comment", "statement", "statements", "speech",
    "rhetoric", "claim", "claims", "tweet", "tweets", "ad", "ads", "emails", "decision", "order",
    "ban", "administration",
)  # fmt: skip
_THING = r"(?:" + "|".join(OWNED_THINGS) + r")\b"
#: After an owner's name: "'s harbor plan", "' tax policy" (possessive), " harbor plan" ("the Quill harbor plan").
_OWNED_AFTER = re.compile(
    r"(?:['’]s?\s+((?:[a-z][\w-]*\s+){0,2}?)|\s+(?:([a-z][\w-]*)\s+)?)(" + _THING + ")"
)
#: A definite description of one thing: "the plan", "this new policy"; "the plan of X" is someone else's.
_THE_THING = re.compile(
    r"\b(?i:the|this|that)\s+(?:(?!(?:the|this|that|a|an)\b)([a-z][\w-]*)\s+)?(" + _THING + r")(?!\s+(?:of|by|from)\b)"
)
#: Words between "the" and the thing that keep it the owner's ("the new plan"); any other word must be one the
#: owner's own phrase has ("the harbor plan" for "Quill's harbor plan", not "the convention program" for "X's program").
SAME_THING_WORDS = frozenset(
    {"new", "latest", "proposed", "original", "revised", "controversial", "entire", "whole", "same", "current",
     "recent", "final", "full", "initial", "first"}
)  # fmt: skip

_POSSESSOR_AT = re.compile(r"['’]s\b")
#: Cues that name whom the speaker addressed or was relayed by ("told X", "in an interview with X"): the
#: verbs are the speech finder's own addressee verbs, in all their forms.
_ADDRESSED = re.compile(
    "(?:"
    + "|".join(sorted({form for lemma in ADDRESSEE_VERBS for form in REPORTING_VERBS[lemma]}, key=len, reverse=True))
    + r"|in an interview with|as (?:quoted|reported) by)\b"
)


def member_mentions(text: str, drafts: list[ActorDraft]) -> dict[int, list[Span]]:
    """Spans of "<body> <member noun>" ("police officers", "FBI agents"), keyed by the body's id.

    The body is written by one of its names, or by the last word of one when no other actor's name ends in
    that word ("police" for "Tulsa police"), and not after a capitalised word of another name ("New York
    police officers" are not the Tulsa police).
    """
    bodies = [d for d in drafts if d.kind in BODY_KINDS]
    last_words: dict[str, list[ActorDraft]] = {}
    for d in drafts:
        for word in {n.split()[-1].lower() for n in d.names() if n.split()}:
            last_words.setdefault(word, []).append(d)
    found: dict[int, list[Span]] = {}
    for d in bodies:
        forms = set(d.names()) | {n.split()[-1] for n in d.names() if len(n.split()) > 1}
        forms = {f for f in forms if f.lower() not in last_words or last_words[f.lower()] == [d] or f in d.names()}
        own_words = {w.lower() for n in d.names() for w in n.split()}
        for form in sorted(forms, key=len, reverse=True):
            for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?=\s)", text, re.IGNORECASE):
                member = _MEMBER.match(text, match.end())
                before = re.search(r"([A-Z][\w.'’-]*)\s+$", text[max(0, match.start() - 40) : match.start()])
                if member is None or (before is not None and before[1].lower() not in own_words):
                    continue
                span = (match.start(), member.end())
                if not any(s <= span[0] < e for s, e in found.get(id(d), [])):
                    found.setdefault(id(d), []).append(span)
    return found


def owned_mentions(text: str, drafts: list[ActorDraft]) -> dict[int, list[Span]]:
    """Spans of "the <thing>" ("the plan") keyed by the id of the thing's one owner in the article.

    An owner is an actor whose name is written before the thing, possessive or attributive ("Quill's plan",
    "the Quill harbor plan"); a thing with two owners in the article ("Quill's plan", "Lund's plan") names
    neither. The owner's name may come after the description: a headline or the next paragraph says whose.
    """
    owners: dict[str, set[int]] = {}
    words: dict[str, set[str]] = {}  # the words owners' phrases put before each thing: "leave" of "leave plan"
    by_id = {id(d): d for d in drafts if d.kind != "other"}
    for who, d in by_id.items():
        for _, end in d.mentions:
            match = _OWNED_AFTER.match(text, end)
            if match is None or (match[2] is not None and (match[2] in STOPWORDS or match[2].endswith("ed"))):
                continue  # "Quill said plan", "Quill unveiled plans": a verb between is no owner's word
            thing = match[3].lower()
            owners.setdefault(thing, set()).add(who)
            words.setdefault(thing, set()).update((match[1] or match[2] or "").split())
    named = [(s, e) for d in drafts for s, e in d.mentions]
    found: dict[int, list[Span]] = {}
    for match in _THE_THING.finditer(text):
        thing = match[2].lower()
        one = owners.get(thing, set())
        if match[1] is not None and match[1] not in SAME_THING_WORDS and match[1] not in words.get(thing, set()):
            continue  # "the convention program" is not "O'Reilly's program"
        if len(one) == 1 and not any(s < match.end() and match.start() < e for s, e in named):
            found.setdefault(next(iter(one)), []).append((match.start(), match.end()))
    return found


#: After a given name that stands alone: not another capitalised word ("Donald Trump", "Donald J. Trump").
_ALONE_AFTER = re.compile(r"(?![\w'’-])(?!\s+[A-Z])(?!['’]s\s+[A-Z])")


def given_name_mentions(text: str, drafts: list[ActorDraft]) -> dict[int, list[Span]]:
    """Spans of a person's given name written alone ("Donald has put forth"), keyed by that person's id.

    Only a census-listed given name (`gender.name_gender`: "Donald", "Hillary"; not "Sen." nor a lone
    surname) that one person of the article has and that is no word of another actor's name ("Jordan"); not
    before another capitalised word, which makes it part of a longer name, nor inside an actor's mention.
    """
    firsts: dict[str, list[ActorDraft]] = {}
    for d in drafts:
        if d.kind == "person" and name_gender(d.name) is not None:
            firsts.setdefault(d.name.split()[0], []).append(d)
    taken = {w for d in drafts for n in d.names() for w in n.split()[1:]}
    later_words = {w.lower() for w in taken}  # "Bill de Blasio": a word of a name after it makes it that name
    named = [span for d in drafts for span in d.mentions]
    found: dict[int, list[Span]] = {}
    for given, owners in firsts.items():
        if len(owners) != 1 or given in taken:
            continue
        for match in re.finditer(rf"(?<![\w.'’-]){re.escape(given)}", text):
            before = _CAPITAL_BEFORE.search(text, max(0, match.start() - 30), match.start())  # "Morning Joe"
            after = re.match(r"\s+([\w'’-]+)", text[match.end() : match.end() + 30])
            if (
                _ALONE_AFTER.match(text, match.end())
                and (before is None or before[1] in FUNCTION_WORDS)
                and (after is None or after[1].lower() not in later_words)
                and not any(s <= match.start() < e for s, e in named)
            ):
                found.setdefault(id(owners[0]), []).append(match.span())
    return found


def state_mentions(text: str, drafts: list[ActorDraft]) -> dict[int, list[Span]]:
    """Spans of "<a country's adjective> <who acts for a state>" ("Russian hackers"), keyed by the country's id.

    The adjective is a regular one of the country's name (`admitting.country_of_adjective`: Russia -> Russian,
    China -> Chinese), capitalised, and not the end of a longer name ("North Korean" is not Korean).
    """
    found: dict[int, list[Span]] = {}
    if not any(d.kind == "country" for d in drafts):
        return found
    for match in _STATE_MEMBER.finditer(text):
        country = country_of_adjective(match[1], drafts)
        before = _CAPITAL_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if country is not None and (before is None or before[1] in FUNCTION_WORDS):
            found.setdefault(id(country), []).append(match.span())
    return found


def addressee(
    text: str, st: StatementDraft, drafts: list[ActorDraft], sentences: list[Sentence],
    described: dict[int, list[Span]],
) -> tuple[ActorDraft, list[Span]] | None:
    """The one a quotation's "you" addresses, with the spans of its "you"s; None if it addresses nobody named.

    The one told or asked in the cue ("…," Quill told Daly), else the one a phrase of addressing names, outside
    the quotation, in its sentences or the sentence before ("Houchins had a question for the president.");
    the nearest to the quotation. With no such phrase, a "you" that tells of a deed ("you cheated", "you are
    blaming") addresses the person named last before the quotation (`_last_person_before`). Reported speech
    counts by the words it quotes. Never the speaker; "thank you", "you know", "I tell you" address nobody.
    """
    if st.candidate.kind == "direct":
        pieces = list(st.candidate.pieces) or [st.span]
    else:  # reported speech that quotes the speaker's words: '"You cheated the workers" to raise the price, she said'
        pieces = [m.span(1) for m in _QUOTED.finditer(text, max(0, st.span[0] - 1), st.span[1] + 1)]  # marks trimmed
        if not pieces:
            return None
    masked = {(m.start(), m.end()) for s, e in pieces for m in _GENERIC_YOU.finditer(text, s, e)}
    yous = [(m.start(), m.end()) for s, e in pieces for m in _YOU.finditer(text, s, e)
            if not any(a <= m.start() < b for a, b in masked) and _addresses(text, m.start(), m.end())]
    if not any(text[a:b].lower() == "you" for a, b in yous):  # "your life" alone is anyone's
        return None
    first = min(s for s, _ in pieces)
    own_sentence = next((x.start for x in sentences if x.start <= first < x.end), first)
    before = [x for x in sentences if x.end <= own_sentence]
    start = before[-1].start if before else own_sentence
    end = max(e for _, e in pieces)
    end = next((x.end for x in sentences if x.start <= end <= x.end), end)
    best: tuple[int, ActorDraft] | None = None
    for d in drafts:
        if d is st.speaker or d.kind in ("other", "media"):  # "you" to an interviewer is anyone
            continue
        for s, e in [*d.mentions, *described.get(id(d), [])]:
            if not start <= s < end or any(a <= s < b for a, b in pieces):
                continue
            if _CONFRONTING.search(text, max(0, s - 60), s) is None and (
                s < own_sentence or _ADDRESSING.search(text, max(0, s - 60), s) is None
            ):
                continue
            distance = first - e if e <= first else s - end + 1 if s >= end else 0
            distance = abs(distance)
            if best is None or distance < best[0]:
                best = (distance, d)
    if best is None and any(_tells_a_deed(text, a, b) for a, b in yous):
        since = before[-DEED_REACH].start if len(before) >= DEED_REACH else before[0].start if before else start
        fallback = _last_person_before(text, st, drafts, described, (since, first), own_sentence, pieces)
        best = (0, fallback) if fallback is not None else None
    return (best[1], yous) if best is not None else None


def _tells_a_deed(text: str, start: int, end: int) -> bool:
    """Whether "you" at `start:end` is the subject of a deed ("you cheated"), not asked ("have you noticed")."""
    before = re.search(r"(\w+)\W*$", text[max(0, start - 20) : start])
    return (
        text[start:end].lower() == "you"
        and (before is None or before[1].lower() not in ASKING_BEFORE)
        and _DEED_AFTER.match(text, end) is not None
    )


def _last_person_before(
    text: str, st: StatementDraft, drafts: list[ActorDraft], described: dict[int, list[Span]],
    window: Span, own_sentence: int, pieces: list[Span],
) -> ActorDraft | None:
    """The person named last before a quotation whose "you" tells of a deed, with no cue of whom it is said to.

    "Daly kept his bonus. 'You cheated the workers,' Quill said": a hearing or a debate quoted as it
    went, the one just named is the one spoken to. Not the speaker nor whom they speak for ("Quill spokesman
    Ed Lund fired back: 'You …'"), not one an earlier sentence says was told or asked (an interviewer).
    """
    own = {id(st.speaker), id(st.speaker.affiliation), id(st.speaker.represents), id(st.via)}
    own |= {  # "Quill spokesman Ed Lund": a name in the speaker's title is whom they speak for
        id(d) for d in drafts for _, e in d.mentions
        if any(_TITLE_BETWEEN.fullmatch(text, e, a) for a, _ in st.speaker.mentions if a > e)
    }
    best: tuple[int, ActorDraft] | None = None
    for d in drafts:
        if id(d) in own or d.kind != "person":
            continue
        for s, e in [*d.mentions, *described.get(id(d), [])]:
            if not window[0] <= s < window[1] or any(a <= s < b for a, b in pieces):
                continue
            if s < own_sentence and _ADDRESSING.search(text, max(0, s - 60), s) is not None:
                continue
            if best is None or e > best[0]:
                best = (e, d)
    return best[1] if best is not None else None


def _addresses(text: str, start: int, end: int) -> bool:
    """Whether the "you"/"your" at `start:end` is someone's: a possessive, a subject before its verb, asked."""
    if text[start:end].lower() != "you":
        return True
    before = re.search(r"(\w+)\W*$", text[max(0, start - 20) : start])
    word = before[1].lower() if before else ""
    if word in CONDITIONAL_BEFORE:
        return False
    return word in ASKING_BEFORE or _VERB_AFTER.match(text, end) is not None


def mentioned_in(
    text: str,
    st: StatementDraft,
    drafts: list[ActorDraft],
    sentences: list[Sentence] | None = None,
    described: dict[int, list[Span]] | None = None,
    addressed: ActorDraft | None = None,
    index: MentionIndex | None = None,
) -> list[ActorDraft]:
    """The actors a statement's sentence names, other than its speaker and the speaker's own organisation.

    The whole sentence, not only the reported words: in "X sued Meridian Foods, accusing the company of …"
    the accused is named by the attribution, and the statement only says "the company". An actor named
    earlier is also named by a description that surely fits it (`described`: "the mayor's campaign") or by
    a "he"/"she" in the statement that refers to it (`pronouns.pronoun_mentions`, passed in `described`).
    Whom the speaker told is not whom they accuse, unless the quotation says "you" to them (`addressed`).
    `index`, the mentions of `drafts` (`MentionIndex`), is built once per article by the caller: read per
    statement, all of them would make a long page cost their product; without it one is built here.
    """
    own = {id(st.speaker), id(st.speaker.affiliation), id(st.speaker.represents), id(st.via)}
    start, end = st.span
    told = st.candidate.cue_span if _ADDRESSED.match(st.candidate.cue or "") else None
    index = index if index is not None else MentionIndex(drafts)
    if told is not None:  # "…, she told the Chicago Tribune": whom she told is not whom she accuses
        own |= {id(d) for _, _, d in index.within(told)}
    if addressed is not None:
        own.discard(id(addressed))
    said = (start, end)
    if sentences:
        start, end = sentence_window(st.span, sentences)

    def names_it(s: int, e: int) -> bool:
        # outside the reported words a possessor describes the speaker ("Hale's lawyer, Marcus Bell, said")
        inside = said[0] <= s and e <= said[1]
        return start <= s and e <= end and (inside or not _POSSESSOR_AT.match(text, e))

    refs = described or {}
    named = {id(d) for s, e, d in index.within((start, end)) if names_it(s, e)}
    named |= {who for who, spans in refs.items() if any(names_it(s, e) for s, e in spans)}
    # an actor of kind "other" (a river, a germ, a product) is accused of nothing
    return [d for d in drafts if id(d) in named and id(d) not in own and d.kind != "other"]


def with_spans(*found: dict[int, list[Span]]) -> dict[int, list[Span]]:
    """Several maps of id(actor) -> spans naming it, joined: descriptions, "he"/"she", members, "you"."""
    joined: dict[int, list[Span]] = {}
    for spans_of in found:
        for who, spans in spans_of.items():
            joined[who] = [*joined.get(who, []), *spans]
    return joined
