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
- words that are not negative on the whole (VADER, see `evaluative`) and name no wrong accuse nobody, whatever
  the model says: praise, a forecast, a neutral fact;
- words negative on the whole that the model called "none" accuse the one actor they name as a clause's
  subject ("X is a disgrace"), not one after a preposition ("missing from X's reports").

English is kept as data (word lists, patterns) below; the functions only apply them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extract.actors import ActorDraft
from extract.attribution import StatementDraft
from extract.categories import names_a_wrong, plausible_category
from extract.evaluative import speaks_ill
from extract.grounding import Span, find_all
from extract.speech import REPORTING_VERBS, Sentence
from extract.stopwords import STOPWORDS

# --- English as data ------------------------------------------------------------------------------------

#: Verbs whose subject accuses and whose object is accused, in all forms; "held … responsible" and
#: "pointed the finger at" are phrases of the same kind. A verb the speech finder also reads takes its forms
#: from the speech vocabulary, so the two tables cannot drift apart.
ACCUSING_VERBS: dict[str, tuple[str, ...]] = {
    "accuse": REPORTING_VERBS["accuse"],
    "blame": REPORTING_VERBS["blame"],
    "charge": ("charge", "charges", "charged", "charging"),
    "indict": ("indict", "indicts", "indicted", "indicting"),
    "sue": ("sue", "sues", "sued", "suing"),
    "fault": ("fault", "faults", "faulted", "faulting"),
    "condemn": REPORTING_VERBS["condemn"],
    "criticize": REPORTING_VERBS["criticize"],
    "hold responsible": ("hold", "holds", "held", "holding"),  # only with "responsible"/"accountable" after
    # verbs of attack in words, accusing only with "for" ("attacked Y for her vote"; "attacked Y in May" is
    # a physical attack, "the embassy was attacked" too)
    "attack": ("attack", "attacks", "attacked", "attacking"),
    "slam": ("slam", "slams", "slammed", "slamming"),
    "blast": ("blast", "blasts", "blasted", "blasting"),
    "rip": ("rip", "rips", "ripped", "ripping"),
    "hit": ("hit", "hits", "hitting"),
    "lambaste": ("lambaste", "lambastes", "lambasted", "lambasting"),
    "chide": ("chide", "chides", "chided", "chiding"),
    "scold": ("scold", "scolds", "scolded", "scolding"),
    "rebuke": ("rebuke", "rebukes", "rebuked", "rebuking"),
    # verbs of criticism or scorn: "mocked Y for inviting …", "berated Y for …"
    "mock": ("mock", "mocks", "mocked", "mocking"),
    "ridicule": ("ridicule", "ridicules", "ridiculed", "ridiculing"),
    "deride": ("deride", "derides", "derided", "deriding"),
    "denounce": REPORTING_VERBS["denounce"],
    "castigate": ("castigate", "castigates", "castigated", "castigating"),
    "excoriate": ("excoriate", "excoriates", "excoriated", "excoriating"),
    "berate": ("berate", "berates", "berated", "berating"),
    "chastise": ("chastise", "chastises", "chastised", "chastising"),
    "reprimand": ("reprimand", "reprimands", "reprimanded", "reprimanding"),
    "censure": ("censure", "censures", "censured", "censuring"),
    "assail": ("assail", "assails", "assailed", "assailing"),
}
#: Those of the verbs above that accuse only with "for" right after their object, and never in the passive.
ONLY_WITH_FOR = frozenset({"attack", "slam", "blast", "rip", "hit", "lambaste", "chide", "scold", "rebuke", "mock",
                           "ridicule", "deride", "castigate", "excoriate", "berate", "chastise", "reprimand",
                           "assail"})
#: Verbs that name someone something: an accusation when the model saw a wrong ("described X as a disgrace",
#: "called X a liar"); "described X as a hero" is none. Their forms are the speech vocabulary's.
NAMING_VERBS: dict[str, tuple[str, ...]] = {
    lemma: REPORTING_VERBS[lemma] for lemma in ("describe", "call", "brand", "label", "dub")
}
#: What brings the charge after the accused: "accused Y of", "blamed Y for", "charged Y with".
CHARGE_WORDS = ("of", "for", "over", "with", "in", "as", "responsible", "accountable")
#: Phrases after which the one named did the wrong: "was carried out by Y", "can be traced to Y", "blamed
#: on Y", "call out Y"; and "Y was behind …". ("The charges against Y" names whom someone accuses, not
#: whom the speaker does: "the charges against Y are baseless".)
AGENT_PHRASES = (
    r"(?:(?:was|were|is|are|has been|have been|had been|being|be)\s+(?:\w+ly\s+)?"
    r"(?:carried out|perpetrated|committed|orchestrated|conducted|launched|ordered|masterminded|directed|"
    r"engineered|organi[sz]ed|staged|sponsored|funded|caused|done)\s+by"
    r"|(?:traced|attributed|blamed|pinned)\s+(?:back\s+)?on|(?:traced|attributed)\s+(?:back\s+)?to"
    r"|(?:call|calls|called|calling)\s+out)\s+(?:the\s+)?$"
)
#: "blamed the hack on Y", "blames problems in the region on the policies of President Y": Y did the wrong
#: (not "blamed X for the attack on Y": there Y is harmed and X, the verb's object, accused).
BLAMED_ON = (
    r"\bblam(?:e|es|ed|ing)\b(?:(?!\bfor\b)[^.;:!?]){0,80}?\s+on\s+(?:the\s+)?"
    r"(?:(?:[a-z]+\s+){1,2}of\s+)?(?:(?:president|former|secretary|senator|sen\.|rep\.|gov\.)\s+)*$"
)
BEHIND = (
    r"(?:\s+[a-z]+)?\s+(?:was|were|is|are|has been|had been|may have been|might have been|could be|is likely)"
    r"\s+behind\b"
)
#: Words right before a name that make it the one harmed, threatened or addressed, not the one who did it.
VICTIM_BEFORE = (
    # a wrong done to/against someone: "the invasion of Ukraine", "attacks on civilians", "a danger to India"
    r"\b(?:invasion|invasions|occupation|annexation|attacks?|assaults?|war|wars|aggression|threats?|danger|"
    r"dangers|risks?|hacks?|hacking|breach(?:es)?|intrusions?|interference|meddling|crimes?|violence|"
    r"strikes?|bombing|shelling|blockade|pressure|campaign|propaganda|lies|abuse|harassment|"
    r"persecution|repression|discrimination|fraud|theft|espionage|spying|cyberattacks?|bombings|"
    r"deaths?|killings?|shootings?|murders?|funerals?|mistreatment|treatment|smears?|insults?)\s+"
    r"(?:of|on|against|to|into|in|at|toward|towards)\s+(?:the\s+)?$",
    r"\b(?:pose[sd]?|posing|present(?:s|ed)?|represent(?:s|ed)?)\s+(?:a\s+|an\s+)?(?:\w+\s+){0,2}"
    r"(?:danger|threat|risk|challenge)s?\s+(?:to|for)\s+(?:the\s+)?$",
    # what something is about: "talks with Kestria over Orland", "a debate about Pellia"
    r"\b(?:over|about|regarding|concerning)\s+(?:the\s+)?$",
    # a place or a recipient: "born in Orland", "barred from entering Kestria", "sold arms to Moravia"
    r"\b(?:in|inside|across|throughout|to|into|entering|enter|enters|visiting|visit|visits)\s+(?:the\s+)?$",
    # for whose good or gain: "tip the scales for Clinton", "a win for Reed", "campaigned for Quill"
    r"\bfor\s+(?:the\s+)?$",
    # the object of a harm verb: "invaded Ukraine", "hacked the DNC", "targeted Clinton"
    r"\b(?:invaded|invading|invade|attacked|attacking|attack|hacked|hacking|hack|targeted|targeting|target|"
    r"threatened|threatening|threaten|harmed|harming|hurt|hurting|killed|killing|shelled|shelling|bombed|"
    r"bombing|defrauded|defrauding|deceived|deceiving|misled|misleading|victimi[sz]ed|groped|groping|"
    r"assaulted|assaulting|harassed|harassing|abused|abusing|endangered|endangering|endanger|smeared|"
    r"smearing|attacks|threatens|endangers|cheated|cheating|robbed|robbing|spied on|spying on|"
    r"interfered in|interfering in|meddled in|meddling in|victims? of|embarrass(?:ed|es|ing)?|"
    r"insult(?:ed|s|ing)?|disrespect(?:ed|s|ing)?|humiliat(?:ed|es|ing|e))\s+(?:the\s+)?$",
    # whom something is said to or asked of: "told reporters", "urged the administration to"
    r"\b(?:told|tells|tell|telling|urged|urges|urge|urging|asked|asks|ask|asking|called on|calls on|"
    r"call on|calling on|pressed|presses|pressing|assured|assures|assuring|warned|warns|warning|"
    r"advised|advises|advising|implored|implores|begged|begs|challenged|challenges|"
    r"congratulated|thanked|praised|praises|defended|defends|defending|"
    r"demand(?:s|ed|ing)?(?:\s+(?:for|on|of|from))?|subpoena(?:s|ed|ing)?)\s+(?:the\s+)?$",
    # on whose side or behalf: "helped Ukraine", "support for Israel", "on behalf of"
    r"\b(?:helped|helping|help|helps|aid(?:ed|ing)?|support(?:ed|ing|s)?|support for|aid to|on behalf of|"
    r"protect(?:ed|ing|s)?|defend(?:ed|ing|s)?|back(?:s|ed|ing)?|endors(?:e|es|ed|ing)|"
    r"(?:vote|votes|voted|voting) for)\s+(?:the\s+)?$",
    # whom one deals, talks or sides with: "negotiates with Russia", "disagree with Quill on this" (not
    # "something was going on with Reed", "the trouble with Reed": there he is the one spoken of)
    r"\b(?:negotiat\w*|talks?|talked|talking|met|meet\w*|deal\w*|agree\w*|disagree\w*|cooperat\w*|work\w*|"
    r"sid(?:e|es|ed|ing)|stand\w*|stood|allied|ally|partner\w*|trade|trades|traded|trading|compete\w*|"
    r"compared?|comparing|relations?|ties)\s+(?:\w+\s+)?with\s+(?:the\s+)?$",
    # who sponsored, hosted or moderated an event (not "the attack was sponsored by Y", an agent)
    r"(?<!was )(?<!were )(?<!is )(?<!are )(?<!been )(?<!be )\b(?:sponsored|hosted|moderated|organi[sz]ed|"
    r"broadcast|aired|televised|run)\s+by\s+(?:the\s+)?$",
)
#: A list's first member the actors do not hold ("the bombings in New York and New Jersey"): cut off so the
#: position before it is read for the later member.
LIST_HEAD = r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:and|or|as well as)\s+$|(?:[A-Z][\w.'’-]*\s*){1,4},\s+$"
#: A name continuing a list whose first member is in one of those positions: "to India, Australia, and Japan".
LIST_CONTINUES = r"^(?:\s*,\s*|\s*,?\s+(?:and|or|as well as|nor)\s+|\s*,\s*(?:and|or)\s+)(?:the\s+)?$"
#: Words after a name that make it the one asked to act: "Moscow should …", "the U.S. must …" (matched
#: right after the name).
ADDRESSED_AFTER = (
    r"\s+(?:should|must|ought to|needs? to|has to|have to|will have to|had better)\b",
    r"['’]s?\s+(?:responsibility|duty|job)\b",
    # the one the speaker agrees with: "X was absolutely right", "McConnell is correct about …"
    r"(?:\s+(?:is|was|are|were|has been|had been)|['’]s)\s+(?:\w+ly\s+|so\s+|quite\s+)?(?:right|correct)\b",
)
#: Words after a name that make it the one harmed: "Crutcher's death", "the senator's killing".
#: And a place named as where a war was fought: "the Iraq War", "the Vietnam war" name no one who did it.
HARMED_AFTER = (
    r"['’]s?\s+(?:\w+\s+)?(?:death|killing|shooting|murder|funeral|injur(?:y|ies)|ordeal)\b",
    r"\s+(?:war|wars|conflict)\b",
)
#: After the speaker's name, the appositive that says whose side they are on: "said Ada Quill (D-Ore.), head of
#: the Harbour Union", "Tom Reed, a spokesman for Verra": the body named right after it is the speaker's own.
SPEAKER_ROLE_OF = (
    r"^\s*(?:\([^)]{0,40}\)\s*)?,\s+(?:the\s+|a\s+|an\s+)?(?:[\w.'’-]+\s+){0,4}?(?:of|at|for)\s+(?:the\s+)?$"
)
#: Most actors negative words may blame at once: more names than that is a list, not a charge.
MAX_PROPOSED = 2
#: Statements that accuse nobody whoever they name: reassurance, promise of action, expressed confidence.
REASSURANCES = (
    r"\b(?:take|takes|taking|taken|took)\s+[^.;!?]{1,60}?\bseriously\b",
    r"\b(?:is|are|am|remain|remains)\s+(?:fully\s+|deeply\s+)?committed\s+to\b",
    r"\b(?:is|are|will be|have been|has been)\s+(?:fully\s+)?cooperating\b",
    r"\bfull(?:est)?\s+(?:confidence|cooperation)\b",
    r"\bwill\s+(?:fully\s+)?(?:review|investigate|look into|examine)\b",
    r"\b(?:i|we)\s+(?:will|promise to|pledge to|vow to)\s+(?:\w+\s+)?(?:achieve|bring|deliver|ensure|seek|pursue|"
    r"find out|get to the bottom|make sure)\b",
    r"\b(?:i|we)\s+(?:promise|pledge|vow)\b|\bmake (?:this|a|that) promise\b",
)
#: A denial in the speaker's own voice: "I never had access …", "we did not …", "that is false".
DENIALS = (
    r"^\W*(?:i|we)\s+(?:have\s+|had\s+)?(?:never|did not|didn't|do not|don't|have not|haven't|had not|"
    r"hadn't|was not|wasn't|were not|weren't|am not|are not|aren't)\b",
    r"\b(?:is|are|was|were)\s+(?:completely\s+|totally\s+|absolutely\s+|simply\s+)?"
    r"(?:false|untrue|not true|baseless|unfounded|groundless|fabricated|a lie|nonsense|ridiculous)\b",
    r"\bno\s+(?:truth|basis|evidence)\s+(?:to|for|in|whatsoever)\b",
)
#: Cue lemmas of a denial: whatever the model labels, the statement answers an accusation.
DENYING_CUES = frozenset({"deny", "denies", "denied", "denying", "reject", "rejects", "rejected", "rejecting",
                          "dismiss", "dismisses", "dismissed", "dismissing", "dispute", "disputes", "disputed",
                          "disputing", "refute", "refuted", "rebut", "rebutted"})
#: A call to action: what someone should do is asked, not blamed ("X should disrupt …", "urged X to …").
CALLS_TO_ACTION = (
    r"\b(?:should|must|ought to|needs? to|has to|have to|had better)\b",
    r"^\W*(?:the\s+)?[\w\s.'’-]{1,60}?\s+to\s+\w+",  # the rest of "urged/called on/asked X to …"
)
CALLING_CUES = frozenset({"urge", "urges", "urged", "urging", "ask", "asks", "asked", "asking", "call", "calls",
                          "called", "calling", "press", "pressed", "implore", "implored", "challenge",
                          "challenged"})
#: A warning to all: the statement's subject is everyone or its audience, nobody in particular.
GENERIC_SUBJECT = r"^\W*(?:you|everyone|everybody|no one|nobody)\b"  # not "anyone who …, like Iran, …"
#: Words that open by giving what another says: "The left is saying, ‘…’", "Critics claim: …". What follows
#: is theirs, reported; the speaker blames nobody by repeating it.
OTHERS_WORDS = (
    r"^\W*(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?:is|are|was|were|has been|have been)?\s*"
    r"(?:saying|says|said|claiming|claims|claimed|arguing|argues|argued|insisting|insists|insisted)\s*[,:]"
)


_ACCUSING_FORMS = {form: lemma for lemma, forms in ACCUSING_VERBS.items() for form in forms}
_ACCUSING_RE = re.compile(
    r"\b(?P<verb>" + "|".join(sorted(_ACCUSING_FORMS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_NAMING_RE = re.compile(
    r"\b(?:" + "|".join(sorted({f for forms in NAMING_VERBS.values() for f in forms}, key=len, reverse=True))
    + r")\b(?!\s+(?:on|for|out|off|up|back|in)\b)",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|get|got|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_AGENT_RE = re.compile(AGENT_PHRASES, re.IGNORECASE)
_BLAMED_ON_RE = re.compile(BLAMED_ON, re.IGNORECASE)
_BEHIND_RE = re.compile(BEHIND, re.IGNORECASE)
_VICTIM_RES = [re.compile(p, re.IGNORECASE) for p in VICTIM_BEFORE]
_LIST_RE = re.compile(LIST_CONTINUES, re.IGNORECASE)
_LIST_HEAD_RE = re.compile(LIST_HEAD)
_ADDRESSED_RES = [re.compile(p, re.IGNORECASE) for p in (*ADDRESSED_AFTER, *HARMED_AFTER)]
_REASSURANCE_RES = [re.compile(p, re.IGNORECASE) for p in REASSURANCES]
_DENIAL_RES = [re.compile(p, re.IGNORECASE) for p in DENIALS]
_GENERIC_RE = re.compile(GENERIC_SUBJECT, re.IGNORECASE)
_OTHERS_RE = re.compile(OTHERS_WORDS, re.IGNORECASE)
_ROLE_OF_RE = re.compile(SPEAKER_ROLE_OF, re.IGNORECASE)
_CALL_RES = [re.compile(p, re.IGNORECASE) for p in CALLS_TO_ACTION]
_SUBJECT_GAP = re.compile(r"^[\s,]*(?:(?:also|has|have|had|again|repeatedly|publicly|openly|previously|"
                          r"recently|later|then|even|directly|explicitly|on \w+|\w+day)\s+){0,3}$", re.IGNORECASE)
#: Between an accusing verb and its object: "accused the governing Socialist Party".
_OBJECT_GAP = re.compile(r"^[\"“”’']?\s+(?:(?:the|both|its|his|her|their)\s+)?(?:[a-z][\w-]*\s+){0,2}$")
#: The same with a title before the name: "described Valdorian Prime Minister Marta Ilves as …".
_TITLED_GAP = re.compile(r"^\s+(?:(?:the|both|its|his|her|their)\s+)?(?:[\w.'’-]+\s+){0,3}$")
#: Between the object and the charge: "accused X on Thursday of …", "blamed X, in a statement, for …".
_CHARGE_GAP = re.compile(
    r"^[\s,]*(?:(?:on|last|this|in|earlier|again|also|publicly|repeatedly)\s+(?:[\w.]+\s+){0,2}?)?"
    r"(?:" + "|".join(CHARGE_WORDS) + r")\b",
    re.IGNORECASE,
)


#: Before a clause's subject: the start of the words said or of a clause, a few words that are no preposition
#: ("I think", "but the", "and now"), then the name.
_SUBJECT_START = re.compile(
    r"(?:^|[,;:.!?—–]\s*|\s-+\s+|\b(?:that|because|and|but)\s+)(?:(?!(?:of|to|from|for|in|on|at|by|with|about|"
    r"over|against|into|than|like|as|after|before|during|since|until|under|without)\b)[\w'’]+\s+){0,3}"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Accusation:
    """One statement's accusation: who accuses (usually its speaker), whom, and of what kind."""

    statement: StatementDraft
    accusers: list[ActorDraft]
    accused: list[ActorDraft]
    category: str
    #: What proposed it: the model's label ("label") or negative words about a clause's subject ("words").
    proposed_by: str = "label"


def sentence_window(span: Span, sentences: list[Sentence]) -> Span:
    """The statement with the sentences it starts and ends in: its attribution says whom it is about too."""
    start, end = span
    if not sentences:
        return span
    starts = [s.start for s in sentences]
    first = sentences[max(0, bisect.bisect_right(starts, start) - 1)]
    last = sentences[max(0, bisect.bisect_right(starts, max(start, end - 1)) - 1)]
    return min(start, first.start), max(end, last.end)


def is_denial(text: str, st: StatementDraft) -> bool:
    """Whether the statement rejects an accusation: a denying cue, or a denial in the speaker's own words."""
    cue = (st.candidate.cue or "").split(" ")[0].lower()
    said = text[st.span[0] : st.span[1]]
    return cue in DENYING_CUES or any(p.search(said) for p in _DENIAL_RES)


def accuses_nobody(text: str, st: StatementDraft) -> bool:
    """A reassurance, a warning to all, or what others say: no accusation whatever names the statement holds."""
    said = text[st.span[0] : st.span[1]]
    return (
        any(p.search(said) for p in _REASSURANCE_RES)
        or _GENERIC_RE.match(said) is not None
        or _OTHERS_RE.match(said) is not None
    )


def calls_to_action(text: str, st: StatementDraft) -> bool:
    """Whether the statement asks someone to act ("should …", "urged X to …") rather than says what they did."""
    said = text[st.span[0] : st.span[1]]
    cue = (st.candidate.cue or "").split(" ")[0].lower()
    if cue in CALLING_CUES:
        return _CALL_RES[1].match(said) is not None
    return _CALL_RES[0].search(said) is not None


def _spans(draft: ActorDraft, described: dict[int, list[Span]]) -> list[Span]:
    return sorted([*draft.mentions, *described.get(id(draft), [])])


def not_accusable(text: str, start: int, end: int, actors: list[ActorDraft],
                  described: dict[int, list[Span]]) -> set[int]:
    """Ids of the actors every mention of which in `text[start:end]` names one harmed, threatened or addressed.

    A mention is in such a position when a pattern of `VICTIM_BEFORE` ends right before it, when it follows
    such a mention in a list ("a danger to India, Australia, and Japan"), or when `ADDRESSED_AFTER` or
    `HARMED_AFTER` starts right after it ("Moscow should …", "Crutcher's death").
    """
    mentions = sorted((s, e, id(d)) for d in actors for s, e in _spans(d, described) if start <= s and e <= end)
    passive: set[tuple[int, int]] = set()
    last_passive_end: int | None = None
    for s, e, _ in mentions:
        before = text[max(0, s - 80) : s]  # the cue too: "urged the administration to …"
        head = _LIST_HEAD_RE.search(before)
        if (
            any(p.search(before) for p in _VICTIM_RES)
            or (head is not None and any(p.search(before[: head.start()]) for p in _VICTIM_RES))
            or (last_passive_end is not None and _LIST_RE.match(text[last_passive_end:s]))
            or any(p.match(text, e, min(end, e + 40)) for p in _ADDRESSED_RES)
        ):
            passive.add((s, e))
            last_passive_end = e
    active = {who for s, e, who in mentions if (s, e) not in passive}
    return {who for _, _, who in mentions} - active


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
    mentions = sorted((s, e, d) for d in actors for s, e in _spans(d, described) if start <= s and e <= end)

    def right_before(at: int) -> ActorDraft | None:
        found = [(e, d) for s, e, d in mentions if e <= at and _SUBJECT_GAP.match(text[e:at])]
        return max(found, key=lambda x: x[0])[1] if found else None

    def right_after(at: int, gap: re.Pattern[str] = _OBJECT_GAP) -> ActorDraft | None:
        found = [(s, d) for s, e, d in mentions if s >= at and gap.match(text[at:s])]
        return min(found, key=lambda x: x[0])[1] if found else None

    for match in _ACCUSING_RE.finditer(text, start, end):
        if st.candidate.kind != "direct" and st.span[1] <= match.start():
            # reported words before the verb are not its charge ("Bemoaning the system, Reed accused Daly of
            # …": the charge is what follows "accused"); a quotation before "…, she said, accusing Y" is
            continue
        lemma = _ACCUSING_FORMS[match["verb"].lower()]
        after = text[match.end() : match.end() + 120]
        if lemma == "hold responsible" and not re.match(r"\s+[^.;]{1,60}?\b(?:responsible|accountable)\b", after):
            continue
        if _PASSIVE_BEFORE.search(text, max(start, match.start() - 30), match.start()):
            if lemma in ONLY_WITH_FOR:
                continue
            accused = right_before(_passive_subject_end(text, start, match.start()))
            if accused is not None:
                by = re.match(r"\s+by\s+(?:the\s+)?", after)
                accuser = right_after(match.end() + by.end()) if by else None
                return Frame(accuser, accused, by_verb=True)
            continue
        accused = right_after(match.end())
        if accused is None:
            continue
        gap = text[accused_end(text, match.end(), mentions) : match.end() + 120]
        charge = _CHARGE_GAP.match(gap)
        if charge is None and lemma != "sue":
            continue
        if lemma in ONLY_WITH_FOR and (charge is None or not gap[: charge.end()].lower().endswith("for")):
            continue
        return Frame(right_before(match.start()), accused, by_verb=True)
    for match in _NAMING_RE.finditer(text, start, end) if wrong else []:
        accused = right_after(match.end(), _TITLED_GAP)
        if accused is not None and not _PASSIVE_BEFORE.search(text, max(start, match.start() - 30), match.start()):
            return Frame(right_before(match.start()), accused)
    for s, e, draft in mentions if wrong else []:
        blamed = _BLAMED_ON_RE.search(text, max(start, s - 140), s)
        if blamed is not None:  # "Reed blamed the losses on Daly": Reed accuses (the speaker if no actor)
            return Frame(right_before(blamed.start()), draft)
        if _AGENT_RE.search(text, max(start, s - 80), s) or _BEHIND_RE.match(text, e, min(end, e + 40)):
            return Frame(None, draft)
    return None


def _passive_subject_end(text: str, start: int, verb_at: int) -> int:
    """Where the subject of "Y was accused" ends: before the auxiliary and its adverb."""
    aux = _PASSIVE_BEFORE.search(text, max(start, verb_at - 30), verb_at)
    return aux.start() if aux else verb_at


def accused_end(text: str, at: int, mentions: list[tuple[int, int, ActorDraft]]) -> int:
    """The end of the first mention starting at or after `at` (the object of an accusing verb)."""
    following = [(s, e) for s, e, _ in mentions if s >= at]
    return min(following)[1] if following else at


def judge(
    text: str,
    st: StatementDraft,
    proposed: list[ActorDraft],
    category: str | None,
    actors: list[ActorDraft],
    described: dict[int, list[Span]],
    sentences: list[Sentence],
) -> Accusation | None:
    """The accusation a statement carries, or None.

    `proposed` are the accused the model chose, `category` its category (None when it labelled the
    statement "none"); `actors` are every actor, for the grammar's sides.
    """
    own = {id(st.speaker), id(st.speaker.affiliation), id(st.speaker.represents)}
    phrase = st.candidate.speaker or ""  # "Brenner campaign spokesman Ola Dunn" speaks for Brenner
    own |= {id(d) for d in actors if d is not st.speaker and any(find_all(phrase, n, ignore_case=True)
                                                                   for n in d.names())}
    said_by = st.candidate.speaker_span
    if said_by is not None:  # "said Ada Quill, head of the Harbour Union": the union is her own side
        own |= {id(d) for d in actors for s, _ in d.mentions
                if said_by[1] <= s <= said_by[1] + 120 and _ROLE_OF_RE.match(text[said_by[1] : s])}
    if accuses_nobody(text, st):
        return None
    frame = accusing_frame(text, st, actors, described, sentences, wrong=category is not None)
    window = sentence_window(st.span, sentences)
    # the object of an accusing verb with its charge is accused ("attacked Y for her vote"); otherwise the
    # grammar's accused is never one the sentence names only as harmed ("called the Orland War a mistake")
    harmed = set() if frame is None or frame.by_verb else not_accusable(text, *window, actors, described)
    if frame is not None and id(frame.accused) not in own | harmed:
        accuser = frame.accuser if frame.accuser is not None and id(frame.accuser) != id(frame.accused) else None
        accusers = [accuser] if accuser is not None and accuser.kind != "other" else [st.speaker]
        return Accusation(st, accusers, [frame.accused], supported(category, text[window[0] : window[1]]))
    start, end = st.span
    said = text[start:end]
    if not (speaks_ill(said) or names_a_wrong(said)):  # praise, a forecast, a neutral fact: no accusation
        return None
    named = {id(d) for d in actors for s, e in _spans(d, described) if start <= s and e <= end}
    victims = not_accusable(text, start, end, actors, described)
    if category is None:
        # the model saw no wrong, but the words speak ill of the actors they name as a clause's subject: the
        # speaker blames them ("cases were missing from the trust's reports": the trust is not who did it);
        # the checking round (`verify`) asks about each
        if not speaks_ill(said) or calls_to_action(text, st):
            return None
        subjects = [
            d
            for d in actors
            if id(d) in named and id(d) not in victims and id(d) not in own
            and any(_SUBJECT_START.search(text[start:s]) for s, e in _spans(d, described) if start <= s < end)
        ]
        if not subjects or len(subjects) > MAX_PROPOSED:
            return None
        window = sentence_window(st.span, sentences)
        return Accusation(st, [st.speaker], subjects, supported(None, text[window[0] : window[1]]), "words")
    accused = [d for d in proposed if id(d) in named and id(d) not in victims and id(d) not in own]
    if not accused and proposed and not calls_to_action(text, st):
        # the model saw a wrong but named its victim: the wrong's agent is whom else the words name first
        accused = first_named(start, end, [d for d in actors if id(d) not in victims and id(d) not in own],
                              described)
    if not accused:
        return None
    window = sentence_window(st.span, sentences)
    return Accusation(st, [st.speaker], accused, supported(category, text[window[0] : window[1]]))


#: Share of content words two statements must have in common to carry one claim (see `same_claim`).
SAME_CLAIM_SHARE = 0.25
_WORD = re.compile(r"[^\W_]+")


def _claim_words(text: str, span: Span, names: set[str]) -> set[str]:
    return {w for w in _WORD.findall(text[span[0] : span[1]].casefold()) if w not in STOPWORDS and w not in names}


def same_claim(text: str, one: StatementDraft, other: StatementDraft, names: set[str]) -> bool:
    """Whether two statements of one accuser against the same accused carry one claim, not two.

    A quotation continued, the statement right after it, or a quotation and its paraphrase (sharing their
    words) carry one claim; a second charge later on ("he ran a fraudulent college", then, paragraphs
    later, "he repeats racist words") does not. `names` are the actors' name words,
    which every statement about them shares.
    """
    if other.candidate.continues == one.candidate.id or other.candidate.sentence == one.candidate.sentence:
        return True
    if abs(other.number - one.number) == 1:  # the next statement goes on with the charge: "He lied. He hid it."
        return True
    a, b = _claim_words(text, one.span, names), _claim_words(text, other.span, names)
    return bool(a and b) and len(a & b) / len(a | b) >= SAME_CLAIM_SHARE


def first_named(start: int, end: int, actors: list[ActorDraft], described: dict[int, list[Span]]) -> list[ActorDraft]:
    """The actor named first within `start:end` (as a one-item list), or none."""
    found = [(s, d) for d in actors for s, e in _spans(d, described) if start <= s and e <= end]
    return [min(found, key=lambda x: x[0])[1]] if found else []


def supported(category: str | None, sentence: str) -> str:
    """The category the sentence's words support (see `categories.plausible_category`)."""
    return plausible_category(category or "other", sentence)
