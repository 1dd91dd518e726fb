r"""The words of an accusation, as data: the accusing and naming verbs, the charge, the gaps between them.

"X accused Y of …", "X blamed Y for …", "X called Y a liar", "was carried out by Y", "blamed the hack on Y": the
verbs whose subject accuses and whose object is accused, what brings the charge, and the few words that may
stand between verb, object and charge (`frames`, `proposing`, `authorial` and `passives` read them). Where a name
stands around them (doer, harmed, addressed, the speaker's side) is `name_positions`. A class of English is
added as a row, not as a branch (see issue 12).
"""

from __future__ import annotations

import re

from extract.language.name_words import ROLE_NOUNS
from extract.language.speech import REPORTING_VERBS

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
#: A speech verb with "of" or "about" before a name in a statement's attribution: whom its words are about
#: ('"They will never agree," she said of Mr. Daly and Osk, "never."'), as if the words said named them.
_SPEECH_FORMS = "|".join(sorted({f for forms in REPORTING_VERBS.values() for f in forms}))
SAID_OF_RE = re.compile(
    rf"\b(?i:{_SPEECH_FORMS})\s+(?:of|about)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*,?\s+(?:(?:and|or)\s+)?){{0,4}}$"
)
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
#: Participles of a wrong done to someone: its passive subject suffered it ("the party was hacked", "Quill was
#: misled"), and its "by" names who did it ("was hacked by Y"). Not "attacked", "criticized": "Reed was
#: attacked by Quill over the vote" is Quill's charge against Reed, not a wrong Quill did.
HARM_PARTICIPLES = (
    r"hacked|targeted|killed|shot|murdered|injured|wounded|threatened|harassed|assaulted|abused|victimi[sz]ed|"
    r"smeared|defrauded|cheated|misled|deceived|robbed|bombed|invaded|raped|kidnapped|intimidated|bullied|"
    r"mistreated|groped|slandered|libell?ed|persecuted|betrayed|exploited|ambushed|beaten|spied on"
)
#: Phrases after which the one named did the wrong: "was carried out by Y", "can be traced to Y", "blamed
#: on Y", "call out Y"; and "Y was behind …". ("The charges against Y" names whom someone accuses, not
#: whom the speaker does: "the charges against Y are baseless".)
AGENT_PHRASES = (
    r"(?:(?:was|were|is|are|has been|have been|had been|being|be)\s+(?:\w+ly\s+)?"
    r"(?:carried out|perpetrated|committed|orchestrated|conducted|launched|ordered|masterminded|directed|"
    r"engineered|organi[sz]ed|staged|sponsored|funded|caused|done|" + HARM_PARTICIPLES + r")\s+by"
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
#: Words that point back to a charge already made: "call out Daly on this", "hold him to account for that".
BACK_REFERENCE = r"\b(?:on|for|about|over|of|with|at)\s+(?:all\s+)?(?:this|that|it|these|those)\b(?!\s+\w+ing\b)"
#: A role noun with up to two words before it ("campaign manager", "chief strategist"), as it stands
#: between an owner and the person named next.
ROLE_PHRASE = r"(?:(?:[a-z][\w-]*\s+){0,2}(?:" + "|".join(sorted(ROLE_NOUNS)) + r")\s+)"
#: Verbs whose active subject is the one who accuses, never the accused of the same words: in "Reed accused
#: Quill of lying", "Reed has blamed the council", said by anyone, Reed accuses (`ACCUSER_AFTER`).
ACCUSER_LEMMAS = ("accuse", "blame", "fault", "criticize", "condemn", "denounce", "sue")
#: After the speaker's name, an appositive that describes them, up to a verb inside it: "Scott Pruitt, the
#: attorney general of Oklahoma, one of the states suing …" (no sentence end, quotation mark or verb of saying).
SPEAKER_APPOSITIVE = r"\s*(?:\([^)]{0,40}\)\s*)?,(?:(?!\b(?:said|says|told|tells|added|wrote)\b)[^.;:!?\"“”]){1,160}$"
#: A short phrase in quotation marks: the label a speaker puts on someone ('called Y a "disgrace"', the
#: headline's "Y 'A Disgrace'"); up to four words, opened after a space or the start.
QUOTED_LABEL = r"(?:^|(?<=[\s(]))[“\"‘](?:an?\s+|the\s+)?(?P<label>[^“”\"‘’\s]+(?:\s+[^“”\"‘’\s]+){0,3})[”\"’](?![\w])"
#: Right after the one a naming verb names, what shows no name follows: the sentence or clause ends, or an adverb,
#: a conjunction or a preposition starts ("urged her to call Tom Reed immediately", "phone calls from the
#: bureau, I refuse", "a group called Citizens for Reed, which"): a call made, or a name the thing bears, names
#: nobody anything. A comma or "and" with a quotation soon after is an aside or a list before the name:
#: 'calling him, among other things, "a failed candidate"', 'called both Reed and Daly "crazy"'.
NO_COMPLEMENT = (
    r"\s*(?:(?:,|\s(?:and|or)\b)(?![^.;:!?]{0,60}[\"“‘'])|[.;:!?)\]]|$|(?:\w+ly|if|but|so|to|from|in|on|at|for|"
    r"with|by|about|because|when|while|after|before|until|since|that|who|which|whom|back|again|now|today|"
    r"yesterday|tomorrow|tonight)\b)"
)
#: The naming verbs that must give their object a name after it to name it anything: "call" is also a call made
#: and the name a thing bears. Not "describe": "In describing Reed, Quill said he lacks …" describes him in what
#: follows (PolNeAR train).
NEEDS_A_NAME = frozenset(NAMING_VERBS["call"])
#: Most actors negative words may blame at once: more names than that is a list, not a charge.
MAX_PROPOSED = 2
ACCUSING_FORMS = {form: lemma for lemma, forms in ACCUSING_VERBS.items() for form in forms}
ACCUSING_RE = re.compile(
    r"\b(?P<verb>" + "|".join(sorted(ACCUSING_FORMS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
NAMING_RE = re.compile(
    r"\b(?:" + "|".join(sorted({f for forms in NAMING_VERBS.values() for f in forms}, key=len, reverse=True))
    + r")\b(?!\s+(?:on|for|out|off|up|back|in)\b)",
    re.IGNORECASE,
)
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|get|got|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
AGENT_RE = re.compile(AGENT_PHRASES, re.IGNORECASE)
BLAMED_ON_RE = re.compile(BLAMED_ON, re.IGNORECASE)
BEHIND_RE = re.compile(BEHIND, re.IGNORECASE)
BACK_REFERENCE_RE = re.compile(BACK_REFERENCE, re.IGNORECASE)
APPOSITIVE_RE = re.compile(SPEAKER_APPOSITIVE, re.IGNORECASE)
QUOTED_LABEL_RE = re.compile(QUOTED_LABEL, re.IGNORECASE)
NO_COMPLEMENT_RE = re.compile(NO_COMPLEMENT, re.IGNORECASE)
SUBJECT_GAP = re.compile(r"^[\s,]*(?:(?:also|has|have|had|again|repeatedly|publicly|openly|previously|"
                          r"recently|later|then|even|directly|explicitly|on \w+|\w+day)\s+){0,3}$", re.IGNORECASE)
#: Between an accusing verb and its object: "accused the governing Socialist Party".
OBJECT_GAP = re.compile(r"^[\"“”’']?\s+(?:(?:the|both|its|his|her|their)\s+)?(?:[a-z][\w-]*\s+){0,2}$")
#: The same with a title before the name: "described Valdorian Prime Minister Marta Ilves as …".
TITLED_GAP = re.compile(r"^\s+(?:(?:the|both|its|his|her|their)\s+)?(?:[\w.'’-]+\s+){0,3}$")
#: Between an accusing verb and the person a title chain ends in, owner first: "accused Harbour Party campaign
#: manager Tom Reed of …", "blamed Quill's chief aide Tom Reed": the person is the object, not the owner.
TITLE_CHAIN_GAP = re.compile(r"^\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s+" + ROLE_PHRASE + r"$")
#: Between the object and the charge: "accused X on Thursday of …", "blamed X, in a statement, for …".
CHARGE_GAP = re.compile(
    r"^[\s,]*(?:(?:on|last|this|in|earlier|again|also|publicly|repeatedly)\s+(?:[\w.]+\s+){0,2}?)?"
    r"(?:" + "|".join(CHARGE_WORDS) + r")\b",
    re.IGNORECASE,
)
