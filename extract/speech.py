"""Rule-based finder of reported speech in English news text.

A deterministic first pass, in the spirit of BBC R&D's citron: it splits an article into sentences, finds
quotations and reporting cues ("said", "told journalists", "according to", "described … as"), names the
speaker next to each cue and marks the span of what was said. Every offset indexes into the text given,
so a later model can attribute or reject candidates by id without ever rewriting the words.

Patterns (see tests/test_speech.py for one example of each):

- `"Q," X said.` / `"Q," said X.` / `X said: "Q"` / `X said "Q"` / `"Q1," X said, "Q2."` (direct);
- `CLAUSE, X said/told Y/added/warned.` and `X said (on DATE) (that) CLAUSE` (indirect; partial quotes
  inside the clause stay one candidate);
- `According to X, CLAUSE`, `CLAUSE, according to X`, `CLAUSE, X said, as quoted by Y` (Y is in the cue);
- `X described Y as "Z"`, `X called Y "Z"`, `X called for Z`, `X denied/accused/alleged/insisted (that) …`;
- a participle or coordinated verb inherits the speaker (`…, adding that …`, `… and claimed …`);
- a bare quotation sentence right after an attributed one `continues` it; `X said:` before a bare
  quotation and `"Q." X said.` after one attribute it; an unclosed paragraph quotation continues the
  quotation that opens the next paragraph; headline `Name: 'Q'`.

Recall comes first: a candidate is cheap to reject, a missed statement is lost. Precision is kept by never
proposing a quotation that no cue attributes (scare quotes in the author's own narration), and by
dropping cues that are infinitives ("declined to say"), negated, passive ("was told") or nouns ("the
claims").
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["direct", "indirect"]

# --------------------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------------------

#: Reporting verbs in all their forms, by lemma. "according to" and "as quoted by" are listed as lemmas too.
REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "add": ("adds", "added", "adding"),  # "will add 52 vessels" is rarely speech
    "state": ("stated", "stating"),  # "states" is far more often the noun
    "note": ("note", "notes", "noted", "noting"),
    "warn": ("warn", "warns", "warned", "warning"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "deny": ("deny", "denies", "denied", "denying"),
    "accuse": ("accuse", "accuses", "accused", "accusing"),
    "allege": ("allege", "alleges", "alleged", "alleging"),
    "describe": ("describe", "describes", "described", "describing"),
    "call": ("call", "calls", "called", "calling"),
    "urge": ("urge", "urges", "urged", "urging"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "emphasize": ("emphasize", "emphasizes", "emphasized", "emphasizing",
                  "emphasise", "emphasises", "emphasised", "emphasising"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "reiterate": ("reiterate", "reiterates", "reiterated", "reiterating"),
    "tweet": ("tweeted", "tweeting"),
    "respond": ("respond", "responds", "responded", "responding"),
    "reply": ("reply", "replies", "replied", "replying"),
    "ask": ("ask", "asks", "asked", "asking"),
    "contend": ("contend", "contends", "contended", "contending"),
    "concede": ("concede", "concedes", "conceded", "conceding"),
    "comment": ("commented", "commenting"),
    "remark": ("remarked", "remarking"),
    "condemn": ("condemn", "condemns", "condemned", "condemning"),
    "blame": ("blame", "blames", "blamed", "blaming"),
    "assure": ("assure", "assures", "assured", "assuring"),
    "point out": ("point out", "points out", "pointed out", "pointing out"),
    # Manner of speaking: `"…," she joked`, `X fumed that …`.
    "joke": ("joked", "joking"),
    "quip": ("quipped", "quipping"),
    "shout": ("shouted", "shouting"),
    "fume": ("fumed", "fuming"),
    "sigh": ("sighed", "sighing"),
    "scoff": ("scoffed", "scoffing"),
    "muse": ("mused", "musing"),
    "exclaim": ("exclaimed", "exclaiming"),
    "lament": ("lament", "laments", "lamented", "lamenting"),
    "boast": ("boast", "boasts", "boasted", "boasting"),
    "repeat": ("repeated", "repeating"),
    "continue": ("continued",),
    "declare": ("declare", "declares", "declared", "declaring"),
    # Judging someone aloud: "X praised Y for Z", "X blasted Y as Z" (the object and its reason are the content).
    "praise": ("praise", "praises", "praised", "praising"),
    "criticize": ("criticize", "criticizes", "criticized", "criticizing",
                  "criticise", "criticises", "criticised", "criticising"),
    "blast": ("blasted", "blasting"),
    "slam": ("slammed", "slamming"),
    "mock": ("mocked", "mocking"),
    "chide": ("chided", "chiding"),
    "denounce": ("denounce", "denounces", "denounced", "denouncing"),
    # Weak verbs: only a cue when "that", a colon or a quotation follows (or the clause precedes them).
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "report": ("report", "reports", "reported", "reporting"),
    "reveal": ("reveal", "reveals", "revealed", "revealing"),
    "post": ("posted", "posting"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "promise": ("promise", "promises", "promised", "promising"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "maintain": ("maintain", "maintains", "maintained", "maintaining"),
    "recall": ("recall", "recalls", "recalled", "recalling"),
    "answer": ("answered", "answering"),
    "caution": ("cautioned", "cautioning"),
    "complain": ("complain", "complains", "complained", "complaining"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "threaten": ("threaten", "threatens", "threatened", "threatening"),
    "conclude": ("concluded", "concluding"),
    "dispute": ("dispute", "disputes", "disputed", "disputing"),
    "reject": ("reject", "rejects", "rejected", "rejecting"),
    "dismiss": ("dismiss", "dismisses", "dismissed", "dismissing"),
    # Naming verbs: only a cue when a quotation follows closely ("dubbed it a "surrender document"").
    "dub": ("dub", "dubs", "dubbed", "dubbing"),
    "brand": ("brand", "brands", "branded", "branding"),
    "label": ("label", "labels", "labelled", "labeled", "labelling", "labeling"),
    # Source phrases: the speaker follows them.
    "according to": ("according to",),
    "as quoted by": ("as quoted by", "as cited by", "as reported by", "citing"),
}

#: Lemmas that only count as a cue before "that", a colon or a quotation (or after the reported clause).
WEAK_VERBS = frozenset({
    "confirm", "report", "reveal", "post", "vow", "pledge", "promise", "predict", "suggest", "maintain",
    "recall", "answer", "caution", "complain", "testify", "threaten", "conclude", "dispute", "reject",
    "dismiss", "joke", "quip", "shout", "fume", "sigh", "scoff", "muse", "exclaim", "lament", "boast",
    "repeat", "continue",
})

#: Lemmas naming something, a cue only before a quotation or "for"/"on": `called the report "fake news"`.
NAMING_VERBS = frozenset({"call", "dub", "brand", "label"})

#: Lemmas that may come before their speaker: `"…," said Smith.`
INVERTIBLE_VERBS = frozenset({
    "say", "add", "write", "explain", "note", "warn", "state", "insist", "ask", "reply", "respond",
    "declare", "argue", "stress", "recall", "remark", "claim", "conclude", "caution", "acknowledge",
    "admit", "announce", "tell", "comment", "emphasize", "concede", "contend", "according to",
    "as quoted by", "joke", "quip", "shout", "fume", "sigh", "scoff", "muse", "exclaim", "lament", "boast",
    "repeat", "continue",
})

#: Lemmas whose addressee belongs to the cue: "told journalists", "assured reporters".
ADDRESSEE_VERBS = frozenset({"tell", "assure"})

_FORM_TO_LEMMA = {form: lemma for lemma, forms in REPORTING_VERBS.items() for form in forms}

#: Words that may sit between a speaker and the cue: "Campbell also said", "officials have long warned".
_ADVERBS_AUX = frozenset({
    "also", "later", "earlier", "previously", "again", "separately", "repeatedly", "recently", "reportedly",
    "further", "then", "once", "already", "publicly", "privately", "openly", "specifically", "explicitly",
    "similarly", "likewise", "subsequently", "initially", "originally", "first", "long", "often",
    "frequently", "always", "allegedly", "angrily", "flatly", "firmly", "strongly", "quickly",
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does",
    "do", "is", "are", "was", "were", "been", "be", "being", "not", "never", "didn't", "doesn't", "don't",
    "won't", "wouldn't", "hasn't", "haven't", "hadn't", "can't", "cannot", "couldn't",
})
_BE_FORMS = frozenset({"is", "are", "was", "were", "been", "be", "being"})
_NEGATIONS = frozenset({
    "not", "never", "didn't", "doesn't", "don't", "won't", "wouldn't", "hasn't", "haven't", "hadn't",
    "can't", "cannot", "couldn't",
})

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_DETERMINERS = frozenset({
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "many", "most",
    "other", "another", "both", "all", "each", "multiple", "various", "numerous", "few", "dozens",
    "hundreds",
})
#: Words joining the parts of a name: "Secretary of State", "Bashar al-Assad", "Ministry for Foreign Affairs".
_NAME_CONNECTORS = frozenset({
    "of", "for", "and", "&", "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "al", "el",
    "bin", "ibn", "la", "le", "y",
})
_PREPOSITIONS = frozenset({"of", "for", "at", "from", "with", "in", "to", "on", "near", "inside", "within"})
#: Lower-case words that can head or modify a speaker phrase without a determiner: "U.S. officials",
#: "Kremlin spokesman Dmitry Peskov", "local military administration", "people familiar with the matter".
ROLE_WORDS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials", "minister",
    "ministers", "ministry", "foreign", "defense", "defence", "interior", "deputy", "prime", "secretary",
    "general", "chief", "head", "leader", "leaders", "director", "president", "vice", "ambassador", "envoy",
    "adviser", "advisers", "advisor", "advisors", "commander", "commanders", "senior", "top", "former",
    "state", "media", "military", "army", "police", "source", "sources", "government", "authorities",
    "authority", "administration", "department", "office", "agency", "service", "services",
    "representative", "representatives", "lawmaker", "lawmakers", "legislator", "legislators", "senator",
    "congressman", "congresswoman", "analyst", "analysts", "expert", "experts", "economist", "economists",
    "professor", "researcher", "researchers", "lawyer", "lawyers", "attorney", "attorneys", "prosecutor",
    "prosecutors", "investigator", "investigators", "judge", "mayor", "governor", "regional", "local",
    "federal", "national", "people", "person", "resident", "residents", "witness", "witnesses", "diplomat",
    "diplomats", "activist", "activists", "critic", "critics", "observer", "observers", "officer",
    "officers", "staff", "aide", "aides", "chairman", "chairwoman", "chair", "ceo", "executive",
    "executives", "board", "council", "committee", "court", "company", "firm", "group", "team", "party",
    "campaign", "union", "embassy", "mission", "press", "diplomatic", "intelligence", "security",
    "counterpart", "negotiator", "negotiators", "correspondent", "reporter", "reporters", "journalist",
    "journalists", "editor", "newspaper", "outlet", "broadcaster", "channel", "network", "television",
    "radio", "magazine", "news", "conference", "briefing", "meeting", "summit", "forum", "session",
    "audience", "crowd", "parliament", "cabinet", "kremlin", "white", "house", "pentagon", "statement",
    "regulator", "regulators", "watchdog", "organizers", "organisers", "doctors", "doctor", "medics",
    "rescuers", "scientists", "scientist", "bank", "spokespersons", "operator", "owner", "founder",
    "manager", "coach", "candidate", "member", "members", "alliance", "bloc", "coalition", "opposition",
    "groups", "organizations", "organisations", "forces", "troops", "agencies", "companies", "countries",
    "nations", "governments", "ministries", "states", "allies", "partners", "unions", "parties",
    "military's", "ministry's", "government's", "company's", "country's", "city's",
})
#: Capitalised words that cannot start a speaker's name (sentence adverbs, prepositions, dates).
_CAP_STOP = frozenset({
    "but", "and", "or", "so", "yet", "however", "meanwhile", "also", "still", "now", "then", "later",
    "earlier", "on", "in", "at", "by", "for", "from", "with", "without", "after", "before", "during", "when",
    "while", "since", "as", "if", "although", "though", "because", "last", "next", "speaking", "asked",
    "today", "yesterday", "tonight", "separately", "instead", "moreover", "additionally", "furthermore",
    "finally", "first", "second", "here", "there", "according", "recently", "previously", "nonetheless",
    "nevertheless", "thus", "therefore", "overall", "elsewhere", "shortly", "ultimately", "that", "what",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december", "jan.",
    "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
})
_DATE_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december", "jan.",
    "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "today",
    "yesterday", "tonight",
})
#: Labels that precede a colon in headlines without naming a speaker: "Watch: '…'".
_HEADLINE_LABELS = frozenset({
    "watch", "update", "updated", "breaking", "live", "video", "opinion", "analysis", "exclusive",
    "explainer", "review", "editorial", "photos", "listen", "read", "comment", "interview", "podcast",
    "factbox", "timeline", "quotes", "quote", "correction", "advertisement", "note", "editor's",
})
#: Words that end a loose noun phrase: verbs, auxiliaries, complementisers, conjunctions.
_STOP_WORDS = frozenset({
    "that", "which", "who", "whom", "whose", "what", "when", "where", "while", "why", "how", "because", "if",
    "although", "though", "since", "as", "than", "but", "or", "nor", "so", "is", "was", "are", "were",
    "be", "been", "being", "am", "has", "have", "had", "will", "would", "could", "should", "may", "might",
    "must", "can", "shall", "do", "does", "did", "not", "no", "also", "then", "there", "here", "and",
}) | PRONOUNS | frozenset(
    # Verb forms of the cues; base forms stay usable as nouns ("the report", "a statement", "the claims").
    form for form in _FORM_TO_LEMMA
    if form.endswith(("ed", "ing")) or form in {"said", "told", "wrote", "written", "says", "tells", "adds"}
)

# --------------------------------------------------------------------------------------------------------
# Regular expressions
# --------------------------------------------------------------------------------------------------------

#: A reporting cue as a whole word (not "so-called", not "saidin"); multi-word forms allow any spacing.
_CUE_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        form.replace(" ", r"\s+")
        for form in sorted(_FORM_TO_LEMMA, key=len, reverse=True)
    )
    + r"|According\s+to|As\s+quoted\s+by)(?![\w-])"
)

#: Sentence-final punctuation with any closing quotes or brackets after it, before whitespace or the end.
_TERMINAL_RE = re.compile(r"(?:[.!?]+|…)[\"”’'»)\]]*(?=\s|$)")

#: "U.S", "U.K", "a.m", "e.g" — the token before a final period, when it is a dotted abbreviation.
_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
#: A complete dotted abbreviation token, as it appears at the end of a clause: "U.S.", "p.m.".
_DOTTED_FULL_RE = re.compile(r"(?:[A-Za-z]\.){2,}")

_TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm", "gov", "sen",
    "rep", "rev", "hon", "pres", "supt", "mt", "ft", "messrs", "brig", "cpl", "pvt", "insp", "det", "amb",
    "atty", "sr", "jr",
})
_BEFORE_NUMBER = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "art",
    "fig", "vol", "p", "pp", "sec", "ch", "para",
})
_MAYBE_FINAL = frozenset({"inc", "corp", "ltd", "co", "st", "etc", "bros", "plc", "llc", "vs", "approx"})
_NEVER_FINAL = frozenset({"e.g", "i.e", "cf", "viz"})
#: Words that usually start a sentence: after "U.S." or "Inc." they mean the sentence did end there.
_SENTENCE_STARTERS = frozenset({
    "the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "there", "but",
    "and", "or", "so", "yet", "however", "in", "on", "at", "for", "as", "if", "when", "while", "after",
    "before", "since", "although", "meanwhile", "his", "her", "their", "its", "our", "some", "many", "not",
    "what", "why", "how", "who", "where", "according", "still", "also", "now", "then", "earlier", "later",
    "last", "both", "one", "all", "no", "such", "even", "only", "yesterday", "today",
})

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
#: A time phrase between a speaker and the cue: "X on Tuesday said", "X last week accused".
_DATE_BEFORE_RE = re.compile(
    rf"""(?<!\S)(?:(?:on\s+|late\s+|early\s+)?(?:{_WEEKDAY}|{_MONTH}\s+\d{{1,2}})(?:\s+(?:morning|afternoon|evening|night))?
      | (?:last|this|earlier\s+this)\s+(?:week|month|year|weekend|{_WEEKDAY})
      | yesterday|today|tonight)""",
    re.VERBOSE,
)
#: A lower-case adverb of manner between a speaker and the cue: "famously", "bluntly", "repeatedly".
_MANNER_ADVERB_RE = re.compile(r"[a-z]{3,}ly")
#: Words opening an introductory phrase rather than a reported clause: "Back in April, X said …".
_INTRO_WORDS = frozenset({"back", "every", "this", "just", "last", "next", "late", "early", "once", "years",
                          "weeks", "days", "months", "minutes", "hours", "moments"})
#: A party and state label after a politician's name: "(D)", "(R-Neb.)", "(I-Vt.)".
_PARTY_RE = re.compile(r"\([A-Z]{1,2}(?:-[A-Z][A-Za-z.]{1,6})?\)")
#: A lower-case word that may modify a name: not a plural, past tense, participle or adverb.
_MODIFIER_RE = re.compile(r"[a-z][a-z-]+(?<!s)(?<!ed)(?<!ing)(?<!ly)")
#: Pronouns that can only open a clause, so a weak verb before them reports one: "warned they would …".
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "there"})
#: An appositive after a speaker that follows its cue, before the quotation goes on: `said X, a farmer, "Q2"`.
_APPOSITIVE_BEFORE_QUOTE = re.compile(r",[^,\"“”\n]{1,80}(?=,\s*[\"“‘'])")
#: A time phrase after a cue: "on Sept. 10", "in July", "late Tuesday", "last week", "earlier this month".
_DATE_RE = re.compile(
    rf"""\s*,?\s*(?:
        (?:on\s+|late\s+|early\s+|last\s+)?(?:{_WEEKDAY}|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?
            |\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)(?:\s+(?:morning|afternoon|evening|night))?
      | in\s+(?:early\s+|late\s+|mid-?)?(?:{_MONTH}|\d{{4}})(?:\s+\d{{4}})?
      | (?:last|this|next)\s+(?:week|month|year|night|weekend|morning|afternoon|evening|{_WEEKDAY})
      | earlier\s+(?:this|on|in)\s+(?:the\s+)?\w+ | later\s+(?:on|that\s+day)
      | yesterday|today|tonight|earlier|later|again|recently|previously|also|separately|repeatedly
      | however|though|meanwhile|too
    )(?![\w-])\s*,?""",
    re.VERBOSE,
)
#: Where something was said, after a cue: "in a statement", "at a press conference in Kyiv", "on Telegram".
_MEDIUM_RE = re.compile(
    r"""\s*,?\s*(?:
        (?:in|at|during|on|via|through|after)\s+(?:a|an|the|his|her|their|its|our|this|that)\s+
            (?:[\w'’.-]+\s+){0,3}?(?:statement|interview|post|speech|conference|briefing|address|video|
            letter|tweet|message|report|op-ed|column|article|meeting|call|session|hearing|broadcast|
            appearance|remarks|comments|podcast|summit|forum|rally|debate|event|visit|filing|document|
            note|memo|email|e-mail|blog|thread|update|announcement|ceremony|panel)s?
            (?:\s+(?:with|to|on|for|from|in|at|by|posted\s+on|published\s+(?:on|by)|released\s+(?:on|by)|
                    shared\s+(?:on|by))\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?
                    [A-Z][\w.'’&-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.'’&-]*)*)*
      | on\s+(?:X|Twitter|Telegram|Facebook|Instagram|TikTok|YouTube|LinkedIn|Threads|Truth\s+Social
            |social\s+media|state\s+(?:television|TV|media|radio)|television|TV|radio)
      | to\s+(?:reporters|journalists|the\s+press|lawmakers|parliament|supporters|the\s+media)
      | in\s+(?:a\s+)?(?:written\s+)?(?:comments?|remarks|testimony)(?:\s+to\s+[\w.'’-]+(?:\s+[A-Z][\w.'’-]*)*)?
    )(?![\w-])\s*,?""",
    re.VERBOSE,
)
#: "that" (or a colon) opening the reported clause.
_THAT_RE = re.compile(r"\s*(?:,\s*)?that\b\s*")
_COLON_RE = re.compile(r"\s*:\s*")
#: The rest of a clause interrupted by its attribution: "The deal, officials said, could be signed".
_MIDDLE_RE = re.compile(
    r"(?:is|was|are|were|has|have|had|will|would|could|should|may|might|must|can|did|does|do"
    r"|[a-z]+ed|[a-z]+s)\b(?<!\bits)(?<!\bhis)(?<!\bthis)(?<!\bas)"
)
#: A phrase after a cue that is about the saying, not what was said: "in a post", "during a visit".
_MODIFIER_START_RE = re.compile(
    r"(?:in|on|at|during|after|before|from|to|via|through|while|when|without|with|amid|following)\b"
)
#: A conjunction right before a second speaker in the same sentence: "…, while France said …".
_JOINED_ATTRIBUTION_RE = re.compile(r"[,;]?\s*\b(?:while|whereas|but|and)\s*$")
#: Words that open a phrase about the saying: "in a post on X", "during a visit to Kyiv".
_CHAIN_STARTS = _PREPOSITIONS | {
    "during", "after", "late", "early", "via", "through", "before", "outside", "behind", "across", "beside", "amid",
    "following", "by", "under",
}
#: A lower-case plural noun, a speaker when it stands alone before the cue: "…, farmers said."
_BARE_PLURAL_RE = re.compile(r"[a-z][a-z-]{2,}s")
#: A dateline opening a story: "BRUSSELS (Reuters) - ", "KYIV, Ukraine — ".
_DATELINE_RE = re.compile(r"[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w .'-]*)?(?:\s*\([^)]{1,30}\))?\s+[-—–]+\s+")
#: What may be left over after an attribution: punctuation only.
_PUNCT_ONLY_RE = re.compile(r"[\s.,;:!?…—–-]*")
#: Trailing joiners left when a clause is cut before a coordinated cue: "…, and", "… but".
_TRAILING_JOIN_RE = re.compile(r"(?:[\s,;]|\b(?:and|but|or|while|then)\b)+$")
_WORD_RE = re.compile(r"\S+")

_OPEN_DOUBLE = "“«„"
_CLOSE_DOUBLE = "”»"
_QUOTE_CHARS = "\"“”«»„‘’'"
#: Characters that end the stretch before a cue in which its speaker is looked for.
_BOUNDARY_CHARS = ",;:()[]—–\"“”«»„"


# --------------------------------------------------------------------------------------------------------
# Public types
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A sentence: `text[start:end]`, trimmed of surrounding whitespace."""

    index: int
    start: int
    end: int


@dataclass(frozen=True)
class SpeechCandidate:
    """One stretch of text that someone may have said, with the cue and speaker found next to it.

    Attributes:
        id: 1-based, in text order.
        sentence: Index of the sentence the span starts in.
        span: What was said: the quoted words without quote marks and trailing comma, or the reported clause.
        kind: "direct" when the span is entirely a quotation, else "indirect".
        cue: The reporting words ("said", "told journalists", "described … as"); " … " marks a gap.
        cue_span: From the first to the last character of the cue.
        speaker: The noun phrase naming the speaker, verbatim; None when inherited through `continues`.
        speaker_span: Offsets of `speaker`.
        continues: Id of the candidate whose speaker this bare quotation inherits, else None.
        pieces: The quoted words of a quotation interrupted by its attribution (`"Q1," X said, "Q2."`), one
            span each; `span` runs from the first to the last and holds the attribution. Else `(span,)`.
    """

    id: int
    sentence: int
    span: tuple[int, int]
    kind: Kind
    cue: str | None
    cue_span: tuple[int, int] | None
    speaker: str | None
    speaker_span: tuple[int, int] | None
    continues: int | None
    pieces: tuple[tuple[int, int], ...] = ()


# --------------------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------------------


#: A wire-style dateline opening a paragraph, a city in capitals then a dash, with a region or date, an
#: agency, or both: "TIRANA, Oct 12 - ", "WASHINGTON (Reuters) — ", "KYIV, Ukraine, March 3 (AP) -- ".
#: A bare city needs five letters and a capital after the dash ("BRUSSELS — The …", not "NATO - the …").
_LINE_DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,3}(?:, [A-Z0-9][\w.]*(?: [\w.]+){0,2}){1,2}(?:\s*\([A-Za-z .&/]+\))?"
    r"|[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,3}\s*\([A-Za-z .&/]+\)"
    r"|[A-Z][A-Z'’.-]{4,}(?: [A-Z][A-Z'’.-]+){0,3}(?=\s*(?:--|-|–|—)\s+[A-Z]))"
    r"\s*(?:--|-|–|—)\s+(?=\S)"
)


def split_sentences(text: str) -> list[Sentence]:
    """Split news text into sentences.

    Line breaks always end a sentence. Within a line a sentence ends at ".", "?", "!" or "…" (with any
    closing quotes after it) followed by whitespace and a capital, digit or opening quote — except after
    titles ("Dr."), initials ("M."), dates ("Sept. 10"), numbers ("No. 5") and dotted abbreviations
    ("U.S.", "a.m.") that are not followed by a typical sentence opener.

    Args:
        text: The article text.

    Returns:
        The sentences in text order, indexed from 0.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        dateline = _LINE_DATELINE_RE.match(text, start, line.end())
        if dateline is not None:  # "TIRANA, Oct 12 (Reuters) - " is not part of the first sentence
            start = dateline.end()
        for match in _TERMINAL_RE.finditer(text, start, line.end()):
            if _ends_sentence(text, match, line.end()):
                spans.append((start, match.end()))
                start = match.end()
        spans.append((start, line.end()))
    sentences: list[Sentence] = []
    for start, end in spans:
        segment = text[start:end]
        stripped = segment.strip()
        if stripped:
            lead = len(segment) - len(segment.lstrip())
            sentences.append(Sentence(len(sentences), start + lead, start + lead + len(stripped)))
    return sentences


def _ends_sentence(text: str, match: re.Match[str], line_end: int) -> bool:
    """Whether the terminal punctuation in `match` ends a sentence."""
    after = match.end()
    while after < line_end and text[after].isspace():
        after += 1
    if after >= line_end:
        return False  # the line end closes the sentence anyway
    nxt = text[after]
    if nxt.islower() or nxt in ",;:":
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in _QUOTE_CHARS + "([—–-"):
        return False
    next_word = re.match(r"[\w'’]+", text[after:line_end].lstrip(_QUOTE_CHARS + "(["))
    next_lower = next_word.group(0).lower() if next_word else ""
    punct = match.group(0)
    if punct[0] in "?!":
        # `"Why now?" Smith asked.` — a short attribution after a question stays with it.
        closing = len(punct.rstrip(_QUOTE_CHARS)) < len(punct)
        if closing:
            rest = re.match(r"[^.!?\n]*", text[after:line_end])
            words = rest.group(0).split() if rest else []
            if len(words) <= 8 and any(w.strip(",").lower() in _FORM_TO_LEMMA for w in words):
                return False
        return True
    if not punct.startswith(".") or punct.startswith(".."):
        return True  # an ellipsis
    token_match = re.search(r"\S+$", text[max(0, match.start() - 40) : match.start()])
    token = token_match.group(0).lstrip(_QUOTE_CHARS + "([") if token_match else ""
    lower = token.lower()
    if punct != ".":
        return lower not in _TITLES  # '… war."': the quotation closes after the sentence's period
    if lower in _NEVER_FINAL:
        return False
    if lower in {"a.m", "p.m"}:  # "at 5 p.m. Officials left" ends; "5 p.m. ET" does not
        return not re.fullmatch(r"[A-Z]{1,4}", next_word.group(0) if next_word else "")
    if _DOTTED_RE.fullmatch(token) or lower in _MAYBE_FINAL:
        return next_lower in _SENTENCE_STARTERS
    if lower in _TITLES:
        return False
    if lower in _BEFORE_NUMBER:
        return not nxt.isdigit()
    return not re.fullmatch(r"[A-Z]", token)  # an initial: "Carlos M. Pereira"


# --------------------------------------------------------------------------------------------------------
# Quotations
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Quote:
    """A quotation: the opening mark at `open`, the closing mark at `close` (or the line end if unclosed).

    Marks are one character, or two for the typewriter doubles of some outlets (NYT's `''Q,''`, TeX's ``).
    """

    open: int
    close: int
    closed: bool
    open_width: int = 1
    close_width: int = 1

    @property
    def end(self) -> int:
        """One past the closing mark."""
        return self.close + self.close_width if self.closed else self.close

    @property
    def inner(self) -> int:
        """The first character after the opening mark."""
        return self.open + self.open_width


#: Two-character double quote marks: two apostrophes (NYT) or two backticks (TeX).
_DOUBLE_MARKS = ("''", "``")


def _find_quotes(text: str) -> list[_Quote]:
    """Find top-level quotations line by line: double quotes of any style, single quotes when unambiguous."""
    quotes: list[_Quote] = []
    for line in re.finditer(r"[^\n]+", text):
        quotes.extend(_quotes_in_line(text, line.start(), line.end()))
    return quotes


def _double_mark(text: str, i: int) -> int:
    """Width of a double quote mark at `i` (2 for `''` and ``), 0 when there is none."""
    if text.startswith(_DOUBLE_MARKS, i):
        return 2
    return 1 if text[i] == '"' or text[i] in _OPEN_DOUBLE + _CLOSE_DOUBLE else 0


def _quotes_in_line(text: str, start: int, end: int) -> list[_Quote]:
    """Quotations of one line; a double quote left open runs to the end of the line (news convention)."""
    found: list[_Quote] = []
    i = start
    while i < end:
        ch = text[i]
        width = _double_mark(text, i)
        if width == 2 or ch == '"' or ch in _OPEN_DOUBLE:
            close = _find_double_close(text, i + width, end)
            if close is None:
                found.append(_Quote(i, end, closed=False, open_width=width))
                break
            close_width = _double_mark(text, close)
            found.append(_Quote(i, close, closed=True, open_width=width, close_width=close_width))
            i = close + close_width
            continue
        if ch in "‘'" and _is_single_open(text, i, start):
            close = _find_single_close(text, i + 1, end)
            if close is not None:
                found.append(_Quote(i, close, closed=True))
                i = close + 1
                continue
        i += 1
    return found


def _find_double_close(text: str, i: int, end: int) -> int | None:
    """Position of the mark closing a double quotation opened before `i`."""
    for j in range(i, end):
        if text[j] == '"' or text[j] in _CLOSE_DOUBLE or text.startswith("''", j):
            return j
    return None


def _is_single_open(text: str, i: int, line_start: int) -> bool:
    """A single quote opens a quotation when it starts a word after a space or opening punctuation."""
    before = text[i - 1] if i > line_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-") and after.isalpha()


def _find_single_close(text: str, i: int, end: int) -> int | None:
    """The closing single quote: after a non-space, not followed by a letter; the quote must be 2+ words."""
    for j in range(i, end):
        if text[j] in "’'":
            before = text[j - 1]
            after = text[j + 1] if j + 1 < end else " "
            if not before.isspace() and not after.isalnum():
                if before == "s" and after.isspace() and " " not in text[i:j]:
                    continue  # a plural possessive ("the workers' union"), keep looking
                return j if " " in text[i:j].strip() or after in ",.;:!?" else None
    return None


# --------------------------------------------------------------------------------------------------------
# Speaker noun phrases
# --------------------------------------------------------------------------------------------------------


def _clean(token: str) -> str:
    """Lower-case a token for lookups, without surrounding punctuation (keeping the dots of "U.S.")."""
    return token.strip(",;:!?\"“”‘’()[]").lower()


def _is_cap(token: str) -> bool:
    """A capitalised token ("Campbell", "U.S.", "NATO", "Ukraine's") or a particle name ("al-Assad")."""
    return token[:1].isupper() or bool(re.match(r"[a-z]{1,3}-[A-Z]", token))


#: A personal name set off by a comma after a title, up to the end of the attribution.
_APPOSED_NAME = re.compile(r",\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)(?=\s*(?:[.,;!?]|$))")


def _leading_name(words: list[str]) -> int:
    """How many words make the personal name that opens "Anouk Bellamy of the Verdesca team" (0 if none)."""
    n = 0
    while n < min(len(words), 4) and _NAME_WORD_RE.fullmatch(words[n]):
        n += 1
    return n if n >= 2 and n < len(words) and words[n] in ("of", "from", "at", "with") else 0


_NAME_WORD_RE = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.")


def _np_ok(words: list[str], loose: bool) -> bool:
    """Whether `words` form a speaker noun phrase.

    Accepted: a pronoun; a name sequence with titles ("U.S. Secretary of State Antony Blinken", "Kremlin
    spokesman Dmitry Peskov"); a role phrase ("senior officials"); a determiner phrase ("the ministry",
    "a spokesperson for the ministry"). With `loose`, determiner and role phrases may contain any
    lower-case word that is not a verb or conjunction ("people familiar with the matter").
    """
    if not words:
        return False
    first = _clean(words[0])
    if first in PRONOUNS:
        return len(words) == 1
    last = _clean(words[-1])
    if last in _NAME_CONNECTORS | _PREPOSITIONS | _DETERMINERS | _STOP_WORDS or not last:
        return False
    body = words
    lead_det = first in _DETERMINERS
    if lead_det:
        if len(words) < 2:
            return False
        body = words[1:]
    elif _is_cap(words[0]):
        if first in _CAP_STOP:
            return False
    elif first not in ROLE_WORDS and not (
        len(words) > 1 and _is_cap(words[1]) and _MODIFIER_RE.fullmatch(first) and first not in _STOP_WORDS
    ):  # "super PAC spokeswoman Kellyanne Conway", "longtime Clinton aide Huma Abedin"
        return False
    allow_loose = loose and (lead_det or first in ROLE_WORDS or last in ROLE_WORDS)
    previous = first if lead_det else ""
    for i, word in enumerate(body):
        low = _clean(word)
        following = _clean(body[i + 1]) if i + 1 < len(body) else ""
        if not low or low in PRONOUNS:
            return False
        if low in _DETERMINERS:
            if previous not in _PREPOSITIONS:
                return False
        elif _is_cap(word):
            if low in _DATE_WORDS or low in {"that", "this", "but", "and", "or", "when", "while", "if", "as"}:
                return False
        elif low in ROLE_WORDS or low in _NAME_CONNECTORS:
            pass
        elif low in _PREPOSITIONS:
            if not allow_loose:
                return False
        elif low not in _STOP_WORDS and re.fullmatch(r"[a-z][a-z'’-]*|\d{4}", low) and (
            allow_loose
            or following in ROLE_WORDS
            or (_is_cap(body[i + 1] if i + 1 < len(body) else "") and bool(_MODIFIER_RE.fullmatch(low) or low.isdigit()))
        ):  # "Shadow health secretary Victoria Atkins", "a 2008 Clinton veteran", "a former Bush adviser"
            pass
        else:
            return False
        if word.endswith(","):
            return False
        previous = low
    return True


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Whitespace-separated tokens of `text[start:end]` as offsets."""
    return [(m.start(), m.end()) for m in _WORD_RE.finditer(text, start, end)]


# --------------------------------------------------------------------------------------------------------
# The finder
# --------------------------------------------------------------------------------------------------------


@dataclass
class _Raw:
    """A candidate under construction."""

    span: tuple[int, int]
    kind: Kind
    cue_parts: list[tuple[int, int]]
    speaker: tuple[int, int] | None
    anchor: int  # the last sentence this candidate (content or attribution) reaches
    parent: _Raw | None = None
    order: int = 0
    pieces: list[tuple[int, int]] = field(default_factory=list)  # of a quotation interrupted by its attribution

    def join(self, piece: tuple[int, int], anchor: int) -> None:
        """Take the next piece of the same quotation: `"Q1," X said. "Q2."` is one statement."""
        self.pieces = [*(self.pieces or [self.span]), piece]
        self.span = (self.span[0], piece[1])
        self.anchor = max(self.anchor, anchor)


@dataclass
class _Cue:
    """A reporting cue in a sentence, with what was learnt about it."""

    start: int
    end: int
    lemma: str
    form: str
    skip: bool = False
    inherits: bool = False  # a participle ("…, adding that") or coordinated verb ("… and claimed")
    be_aux: bool = False
    relative: bool = False  # in a relative clause: "Officials who asked not to be named said …"
    parts: list[tuple[int, int]] = field(default_factory=list)


class _Finder:
    """Finds speech candidates in one text; see `find_speech`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = split_sentences(text)
        self.starts = [s.start for s in self.sentences]
        self.quotes = _find_quotes(text)
        self.quote_opens = [q.open for q in self.quotes]
        self.raws: list[_Raw] = []
        self.consumed: set[int] = set()  # sentences wholly taken by an earlier candidate
        self.pending: list[tuple[tuple[int, int], int, _Raw | None]] = []  # unclosed paragraph quotes

    # -- lookups ------------------------------------------------------------------------------------------

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence containing (or last starting before) `pos`."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def quote_at(self, pos: int) -> _Quote | None:
        """The quotation whose marks enclose `pos` (marks included)."""
        k = bisect.bisect_right(self.quote_opens, pos) - 1
        if k >= 0 and self.quotes[k].open <= pos < self.quotes[k].end:
            return self.quotes[k]
        return None

    def quote_opening_at(self, pos: int) -> _Quote | None:
        """The quotation whose opening mark is at `pos`."""
        k = bisect.bisect_left(self.quote_opens, pos)
        if k < len(self.quotes) and self.quotes[k].open == pos:
            return self.quotes[k]
        return None

    def covered(self, start: int, end: int) -> bool:
        """Whether an existing candidate's span overlaps `[start, end)`."""
        return any(r.span[0] < end and start < r.span[1] for r in self.raws)

    # -- driver -------------------------------------------------------------------------------------------

    def run(self) -> list[SpeechCandidate]:
        """Read every sentence, then number the candidates in text order."""
        for sent in self.sentences:
            if sent.index in self.consumed:
                continue
            if self._continuation(sent):
                continue
            self._read_sentence(sent)
        self._resolve_pending()
        return self._finalise()

    def _finalise(self) -> list[SpeechCandidate]:
        """Drop duplicate spans, sort, number and resolve continuations."""
        unique: dict[tuple[int, int], _Raw] = {}
        for order, raw in enumerate(self.raws):
            raw.order = order
            unique.setdefault(raw.span, raw)
        ordered = sorted(unique.values(), key=lambda r: (r.span[0], r.span[1], r.order))
        ids = {id(raw): n for n, raw in enumerate(ordered, start=1)}
        for raw in self.raws:  # a duplicate answers to the id of the candidate kept in its place
            ids.setdefault(id(raw), ids[id(unique[raw.span])])
        out: list[SpeechCandidate] = []
        for raw in ordered:
            parent = raw.parent
            while parent is not None and parent.parent is not None:
                parent = parent.parent
            cue: str | None = None
            cue_span: tuple[int, int] | None = None
            if raw.cue_parts:
                cue = self._cue_text(raw.cue_parts)
                cue_span = (raw.cue_parts[0][0], raw.cue_parts[-1][1])
            out.append(
                SpeechCandidate(
                    id=ids[id(raw)],
                    sentence=self.sentence_of(raw.span[0]),
                    span=raw.span,
                    kind=raw.kind,
                    cue=cue,
                    cue_span=cue_span,
                    speaker=self.text[raw.speaker[0] : raw.speaker[1]] if raw.speaker else None,
                    speaker_span=raw.speaker,
                    continues=ids.get(id(parent)) if parent is not None else None,
                    pieces=tuple(raw.pieces) or (raw.span,),
                )
            )
        return out

    def _cue_text(self, parts: list[tuple[int, int]]) -> str:
        """The cue's words; parts separated by more than punctuation are joined with " … "."""
        pieces = [self.text[parts[0][0] : parts[0][1]]]
        for (_, prev_end), (start, end) in itertools.pairwise(parts):
            gap = self.text[prev_end:start]
            pieces.append((gap if not re.search(r"\w", gap) else " … ") + self.text[start:end])
        return re.sub(r"\s+", " ", "".join(pieces))

    # -- continuations ------------------------------------------------------------------------------------

    def _standalone_quote(self, index: int) -> tuple[_Quote, int] | None:
        """The quotation making up sentence `index` (and maybe the next ones) on its own, with its last one."""
        if index >= len(self.sentences):
            return None
        sent = self.sentences[index]
        pos = sent.start
        while pos < sent.end and self.text[pos] in "—–-•* ":
            pos += 1
        quote = self.quote_opening_at(pos)
        if quote is None:
            return None
        last = self.sentence_of(max(quote.end - 1, quote.open))
        tail = self.text[quote.end : self.sentences[last].end]
        if not _PUNCT_ONLY_RE.fullmatch(tail):
            return None
        return quote, last

    def _continuation(self, sent: Sentence) -> bool:
        """A bare quotation right after an attributed sentence continues its speaker."""
        found = self._standalone_quote(sent.index)
        if found is None:
            return False
        quote, last = found
        if self.covered(quote.open, quote.end):
            return False
        previous = [r for r in self.raws if r.anchor == sent.index - 1]
        span = self._direct_span(quote)
        if span is None:
            return False
        if not quote.closed:
            # An unclosed paragraph quote runs on into the next one (news convention): decided in `run`.
            self.pending.append((span, last, previous[-1] if previous else None))
            self.consumed.update(range(sent.index, last + 1))
            return True
        if not previous or self._is_bare_attribution(last + 1):
            return False  # `"Q." The mayor said.` attributes the quote itself
        parent = previous[-1]
        if parent.kind == "direct" and "\n" not in self.text[parent.span[1] : quote.open]:
            parent.join(span, last)  # the same paragraph: `"Q1," said X. "Q2."` is one quotation
            self.consumed.update(range(sent.index, last + 1))
            return True
        self.raws.append(_Raw(span, "direct", [], None, anchor=last, parent=previous[-1]))
        self.consumed.update(range(sent.index, last + 1))
        return True

    def _resolve_pending(self) -> None:
        """Attach each unclosed paragraph quote to the quotation that follows it, else to the one before."""
        for span, last, previous in self.pending:
            parent = previous
            if last + 1 < len(self.sentences):
                nxt = self.sentences[last + 1]
                following = [
                    r for r in self.raws
                    if self.quote_opening_at(nxt.start) is not None
                    and nxt.start <= r.span[0] <= nxt.start + 2
                ]
                if following:
                    parent = following[0]
            if parent is not None:
                self.raws.append(_Raw(span, "direct", [], None, anchor=last, parent=parent))

    def _is_bare_attribution(self, index: int) -> bool:
        """Whether sentence `index` is only a speaker and a cue: "The mayor said." or "said Smith."."""
        if index >= len(self.sentences):
            return False
        sent = self.sentences[index]
        for cue in self._cues(sent):
            if cue.skip or cue.inherits:
                continue
            found = self._speaker_before(sent, cue, sent.start)
            speaker = found[0] if found else None
            end = cue.end
            if speaker is None:
                speaker = self._speaker_after(cue.end, sent.end, loose=False)
                if speaker is None or not self._only_punct_before(sent, cue.start, sent.start):
                    continue
                end = speaker[1]
            elif not self._only_punct_before(sent, speaker[0], sent.start):
                continue
            rest = self.text[self._skip_modifiers(end, sent.end) : sent.end]
            return _PUNCT_ONLY_RE.fullmatch(rest) is not None
        return False

    # -- one sentence -------------------------------------------------------------------------------------

    def _cues(self, sent: Sentence) -> list[_Cue]:
        """Reporting cues of a sentence outside quotations, with the ones that cannot be cues dropped."""
        cues: list[_Cue] = []
        for m in _CUE_RE.finditer(self.text, sent.start, sent.end):
            if self.quote_at(m.start()) is not None:
                continue
            form = re.sub(r"\s+", " ", m.group(0).lower())
            cue = _Cue(m.start(), m.end(), _FORM_TO_LEMMA[form], form)
            cue.parts = [(m.start(), m.end())]
            self._screen(sent, cue)
            cues.append(cue)
        return cues

    def _screen(self, sent: Sentence, cue: _Cue) -> None:
        """Mark infinitives, negations, passives and nouns as non-cues, participles as inheriting."""
        tokens = _tokens(self.text, sent.start, cue.start)
        quoted = [i for i, (_, b) in enumerate(tokens) if self.quote_at(b - 1) is not None]
        if quoted:  # `"… meant to be," said X`: the quotation's last words are not the cue's auxiliaries
            tokens = tokens[quoted[-1] + 1 :]
        before = [self.text[a:b] for a, b in tokens]
        after = re.match(r"\s*([\w'’]+)", self.text[cue.end : sent.end])
        next_word = after.group(1).lower() if after else ""
        prev_word = _clean(before[-1]) if before else ""
        if cue.lemma in {"according to", "as quoted by"}:
            return
        if prev_word == "to" or (before and before[-1].endswith("-")):
            cue.skip = True  # "declined to say", "is expected to announce"
            return
        if cue.form.endswith("s") and cue.form not in {"says", "tells", "adds", "writes"} and (
            prev_word in _DETERMINERS
            or next_word in _FORM_TO_LEMMA
            or next_word in _ADVERBS_AUX
            or next_word in {"of", "about", "from", "by", "for", "against", "were", "are"}
        ):
            cue.skip = True  # a noun: "the claims", "media reports say"
            return
        stripped: list[str] = []
        for word in reversed(before):
            low = _clean(word)
            if low not in _ADVERBS_AUX or word.endswith(","):
                break
            stripped.append(low)
        if any(w in _NEGATIONS for w in stripped):
            cue.skip = True
            return
        cue.relative = len(before) > len(stripped) and _clean(before[-1 - len(stripped)]) in ("who", "which")
        cue.be_aux = any(w in _BE_FORMS for w in stripped)
        if cue.be_aux and not cue.form.endswith("ing"):
            cue.skip = True  # passive: "was told", "is accused of"
            return
        participle = cue.form.endswith("ing") and not cue.be_aux
        cue.inherits = participle or prev_word in {"and", "but", "or"}

    def _colon_headline(self, sent: Sentence) -> bool:
        """A headline-style attribution, a name and a colon before a quotation: `Starmer: 'We will …'`."""
        text = self.text
        colon = text.find(":", sent.start, min(sent.end, sent.start + 80))
        if colon < 0:
            return False
        quote = self.quote_opening_at(self._skip_space(colon + 1))
        if quote is None or not _PUNCT_ONLY_RE.fullmatch(text[quote.end : sent.end]):
            return False
        tokens = _tokens(text, sent.start, colon)
        words = [text[a:b] for a, b in tokens]
        comma = next((i for i, w in enumerate(words[:-1]) if w.endswith(",")), None)
        if comma is not None and all(_is_cap(w) or w.lower() in _NAME_CONNECTORS for w in words[comma + 1 :]):
            tokens = [*tokens[:comma], (tokens[comma][0], tokens[comma][1] - 1)]  # `Name, Outlet: "Q"`
            words = [text[a:b] for a, b in tokens]
        if not tokens or len(tokens) > 8 or not _is_cap(words[0]) or not _np_ok(words, loose=False):
            return False
        if _clean(words[0]) in _HEADLINE_LABELS:
            return False
        span = self._direct_span(quote)
        if span is None:
            return False
        speaker = (tokens[0][0], tokens[-1][1])
        self.raws.append(_Raw(span, "direct", [(colon, colon + 1)], speaker, anchor=sent.index))
        return True

    def _read_sentence(self, sent: Sentence) -> None:
        """Find the attributions of a sentence and add their candidates."""
        if self._colon_headline(sent):
            return
        cues = self._cues(sent)
        clause_start = sent.start
        last_speaker: tuple[int, int] | None = None
        last_attr_end = -1
        last_raw: _Raw | None = None
        for k, cue in enumerate(cues):
            if cue.skip or cue.start < clause_start:
                continue
            if cue.relative and any(not c.skip and not c.relative for c in cues[k + 1 :]):
                continue  # "The mayor, who has denied wrongdoing, said …": the main verb is the cue
            # Source phrases right after an attribution belong to it: "said, as quoted by Politico".
            if (
                cue.lemma in {"according to", "as quoted by"}
                and last_raw is not None
                and last_attr_end >= 0
                and not re.search(r"[^\s,]", self.text[last_attr_end : cue.start])
            ):
                np_end = self._speaker_after(cue.end, sent.end, loose=True)
                end = np_end[1] if np_end else cue.end
                last_raw.cue_parts.append((cue.start, end))
                last_attr_end = end
                clause_start = max(clause_start, end)
                continue
            limit = self._content_limit(sent, cues[k + 1 :], clause_start)
            raw = self._attribute(sent, cue, clause_start, limit, last_speaker)
            if raw is None:
                continue
            speaker, attr_end, made = raw
            last_speaker = speaker
            last_attr_end = attr_end
            if made:
                last_raw = made[-1]
            clause_start = max(clause_start, attr_end)

    def _content_limit(self, sent: Sentence, later_cues: list[_Cue], clause_start: int) -> int:
        """Where a clause after a cue stops.

        That is before a cue inheriting its speaker ("…, adding that") or before a new attribution joined
        by a conjunction ("…, while France said …").
        """
        for later in later_cues:
            if later.skip:
                continue
            if later.inherits:
                return later.start
            found = self._speaker_before(sent, later, clause_start)
            if found is not None:
                joint = _JOINED_ATTRIBUTION_RE.search(self.text, clause_start, found[1])
                if joint is not None:
                    return joint.start()
        return sent.end

    # -- one cue ------------------------------------------------------------------------------------------

    def _attribute(
        self,
        sent: Sentence,
        cue: _Cue,
        clause_start: int,
        limit: int,
        last_speaker: tuple[int, int] | None,
    ) -> tuple[tuple[int, int] | None, int, list[_Raw]] | None:
        """Resolve one cue: its speaker, its full cue words and the content it introduces or closes."""
        text = self.text
        speaker: tuple[int, int] | None = None
        speaker_after = False
        attr_start = cue.start  # where the attribution begins: the speaker, or the cue when it comes first
        source_phrase = cue.lemma in {"according to", "as quoted by"}
        if source_phrase:
            if cue.form == "citing":
                return None
            speaker = self._source_after(cue.end, sent.end)
            speaker_after = True
        elif cue.inherits:
            speaker = last_speaker or self._subject(sent)
        else:
            found = self._speaker_before(sent, cue, clause_start)
            if found is not None:
                speaker, attr_start = found
            elif cue.lemma in INVERTIBLE_VERBS and self._attribution_slot(cue.start, clause_start):
                speaker = self._speaker_after(cue.end, sent.end, loose=False)
                speaker_after = speaker is not None
        if speaker is None:
            return None

        # The cue's own words beyond the verb: addressee, "as" of "described … as", "for" of "called for".
        pos = speaker[1] if speaker_after else cue.end
        if speaker_after:
            appositive = _APPOSITIVE_BEFORE_QUOTE.match(text, pos, limit)
            if appositive is not None:
                pos = appositive.end()
        explicit = False
        content_start: int | None = None
        if cue.lemma in ADDRESSEE_VERBS and not speaker_after:
            addressee = self._addressee(cue.end, sent.end)
            if addressee is not None:
                cue.parts = [(cue.start, addressee)]
                pos = addressee
        elif cue.lemma == "describe":
            as_match = re.compile(r"\bas\b").search(text, cue.end, min(limit, cue.end + 80))
            if as_match is None or self.quote_at(as_match.start()) is not None:
                return None
            cue.parts = [(cue.start, cue.end), (as_match.start(), as_match.end())]
            pos = as_match.end()
            explicit = True
        elif cue.lemma in NAMING_VERBS:
            follow = re.match(r"\s+(for|on)\b", text[cue.end : sent.end]) if cue.lemma == "call" else None
            if follow is not None:
                cue.parts = [(cue.start, cue.end + follow.end())]
                pos = cue.end + follow.end()
            else:
                openings = re.compile(r"[\"“‘'«]").finditer(text, cue.end, min(limit, cue.end + 60))
                quote = next((q for m in openings if (q := self.quote_opening_at(m.start())) is not None), None)
                if quote is None or "," in text[cue.end : quote.open]:
                    return None
                content_start = self._skip_space(cue.end)  # the object named too: called the plan "a disaster"
                explicit = True

        # Time, place and medium phrases, then a source phrase that belongs to this cue.
        pos = self._skip_modifiers(pos, limit)
        source = re.match(r"\s*,?\s*(as\s+(?:quoted|cited|reported)\s+by|according\s+to|citing)\s+",
                          text[pos:limit])
        if source is not None and not source_phrase:
            np = self._speaker_after(pos + source.end(), limit, loose=True)
            if np is not None:
                cue.parts = [*cue.parts, (pos + source.start(1), np[1])]
                pos = self._skip_modifiers(np[1], limit)
        attr_end = pos

        # Content after the cue ("leading") and before the speaker ("trailing").
        lead: tuple[int, int] | None = None
        comma_follow = False
        if content_start is not None:
            lead = (content_start, limit)
        else:
            lead, explicit, comma_follow = self._leading(pos, limit, explicit)
        if lead is not None and cue.lemma in WEAK_VERBS and not explicit and not self._opens_clause(lead[0]):
            lead = None

        trail = None if cue.inherits else self._trailing(sent, clause_start, attr_start)

        made: list[_Raw] = []
        anchor_end = max(attr_end, cue.parts[-1][1])
        regions = self._choose(trail, lead, explicit, comma_follow, source_phrase, speaker_after)
        for region, whole in regions:
            made += self._emit(region, cue, speaker, anchor_end, whole=whole)
        if len(made) == 2 and made[0].kind == made[1].kind == "direct":  # `"Q1," X said, "Q2."`: one quotation
            self.raws.remove(made[1])
            made[0].join(made[1].span, made[1].anchor)
            made = made[:1]
        if not regions:
            made += self._orphan(sent, cue, speaker, clause_start, attr_start, attr_end)
        return speaker, attr_end, made

    def _choose(
        self,
        trail: tuple[int, int] | None,
        lead: tuple[int, int] | None,
        explicit: bool,
        comma_follow: bool,
        source_phrase: bool,
        speaker_after: bool,
    ) -> list[tuple[tuple[int, int], bool]]:
        """Pick the content regions of an attribution from the clause before it and the one after it.

        Returns (region, whole) pairs; `whole` marks a clause with the attribution inside it.
        """
        if lead is not None and comma_follow:
            first = self.text[self._skip_space(lead[0]) :]
            if trail is None:  # "According to X, CLAUSE"; `X said, "Q"`
                quoted = self.quote_opening_at(self._skip_space(lead[0])) is not None
                return [(lead, False)] if source_phrase or quoted else []
            if self.quote_opening_at(self._skip_space(lead[0])) is not None:
                return [(trail, False), (lead, False)]  # `"Q1," X said, "Q2."`
            if _MIDDLE_RE.match(first) and (source_phrase or not speaker_after):
                return [((trail[0], lead[1]), True)]  # "The deal, officials said, could be signed …"
            return [(trail, False)]
        if trail is not None and lead is not None:
            if explicit or self._is_intro(trail):
                return [(lead, False)]  # "On Tuesday, X said that …"
            quote = self.quote_opening_at(self._skip_space(trail[0]))
            if quote is not None and quote.end >= trail[1]:
                return [(trail, False)]  # `"Q," X said about halfway through the debate.`
            if _MODIFIER_START_RE.match(self.text[self._skip_space(lead[0]) :]):
                return [(trail, False)]  # "CLAUSE, X said in a long post …"
            return [(trail, False), (lead, False)]  # ambiguous: keep both, recall first
        if trail is not None:
            return [] if self._is_intro(trail) else [(trail, False)]  # "In a statement, X said:" + quote
        if lead is not None:
            return [(lead, False)]
        return []

    def _emit(
        self,
        region: tuple[int, int],
        cue: _Cue,
        speaker: tuple[int, int],
        attr_end: int,
        whole: bool = False,
    ) -> list[_Raw]:
        """Turn a content region into a candidate (direct if it is exactly one quotation)."""
        content = self._content(region, whole)
        if content is None:
            return []
        span, kind = content
        anchor = self.sentence_of(max(span[1], attr_end) - 1)
        raw = _Raw(span, kind, list(cue.parts), speaker, anchor=anchor)
        self.raws.append(raw)
        return [raw]

    def _orphan(
        self,
        sent: Sentence,
        cue: _Cue,
        speaker: tuple[int, int],
        clause_start: int,
        attr_start: int,
        attr_end: int,
    ) -> list[_Raw]:
        """An attribution with nothing to attribute in its sentence: take the bare quote before or after."""
        if self.text[attr_end : sent.end].strip() == ":":  # "X said:" then the quotation
            found = self._standalone_quote(sent.index + 1)
            if found is not None:
                quote, last = found
                span = self._direct_span(quote)
                if span is not None and not self.covered(quote.open, quote.end):
                    raw = _Raw(span, "direct", list(cue.parts), speaker, anchor=last)
                    self.raws.append(raw)
                    self.consumed.update(range(sent.index + 1, last + 1))
                    return [raw]
        if self._only_punct_before(sent, attr_start, clause_start) and sent.index > 0:
            for index in range(sent.index - 1, max(-1, sent.index - 4), -1):
                found = self._standalone_quote(index)
                if found is not None and found[1] == sent.index - 1:
                    quote = found[0]
                    span = self._direct_span(quote)
                    if span is not None and not self.covered(quote.open, quote.end):
                        raw = _Raw(span, "direct", list(cue.parts), speaker, anchor=sent.index)
                        self.raws.append(raw)
                        return [raw]
                    break
        return []

    # -- content regions ----------------------------------------------------------------------------------

    def _skip_space(self, pos: int) -> int:
        """First non-space position at or after `pos`."""
        while pos < len(self.text) and self.text[pos].isspace():
            pos += 1
        return pos

    def _skip_modifiers(self, pos: int, limit: int) -> int:
        """Skip time, place and medium phrases after a cue ("on Sept. 10", "in a statement on Telegram")."""
        while pos < limit:
            for regex in (_DATE_RE, _MEDIUM_RE):
                m = regex.match(self.text, pos, limit)
                if m is not None and m.end() > pos and re.search(r"\w", m.group(0)):
                    pos = m.end()
                    break
            else:
                return pos
        return pos

    def _leading(self, pos: int, limit: int, explicit: bool) -> tuple[tuple[int, int] | None, bool, bool]:
        """The clause after a cue: returns (region, whether introduced explicitly, whether after a comma)."""
        text = self.text
        that = _THAT_RE.match(text, pos, limit)
        colon = _COLON_RE.match(text, pos, limit)
        for opener in (that, colon):
            if opener is not None and opener.group(0).strip(", \t") in {"that", ":"}:
                region = (opener.end(), limit)
                return (region if re.search(r"\w", text[opener.end() : limit]) else None), True, False
        start = self._skip_space(pos)
        comma = start < limit and text[start] == ","
        if comma:
            start = self._skip_space(start + 1)
        if not re.search(r"\w", text[start:limit]):
            return None, explicit, comma
        if self.quote_opening_at(start) is not None:
            return (start, limit), True, comma
        if comma:
            return (start, limit), explicit, True
        # "said in a long statement posted overnight that …": a chain of modifiers before "that" or ":".
        ahead = re.compile(r"\bthat\b|:|[\"“«]").search(text, start, min(limit, start + 160))
        if ahead is not None and self._modifier_chain(start, ahead.start()):
            after = ahead.end() if ahead.group(0) != '"' and ahead.group(0) not in "“«" else ahead.start()
            return (after, limit), True, False
        return (start, limit), explicit, False

    def _opens_clause(self, pos: int) -> bool:
        """Whether a subject pronoun starts `text[pos:]`: "suggested she would run" reports a clause."""
        word = re.match(r"\s*([A-Za-z]+)\b", self.text[pos : pos + 20])
        return word is not None and word.group(1).lower() in _SUBJECT_PRONOUNS

    def _modifier_chain(self, start: int, end: int) -> bool:
        """Whether `text[start:end]` is only prepositional phrases ("in a post on X", "to reporters in Kyiv")."""
        words = [_clean(self.text[a:b]) for a, b in _tokens(self.text, start, end)]
        if not words or len(words) > 20 or words[0] not in _CHAIN_STARTS:
            return False
        previous = ""
        for word in words:
            if word in _STOP_WORDS or word in _FORM_TO_LEMMA:
                return False
            if word in _DETERMINERS and previous not in _CHAIN_STARTS:
                return False  # a determiner only right after a preposition: "in a post", not "the deal"
            previous = word
        return True

    def _trailing(self, sent: Sentence, clause_start: int, attr_start: int) -> tuple[int, int] | None:
        """The clause before an attribution set off by a comma or a closing quote: `CLAUSE, X said`."""
        text = self.text
        j = attr_start
        while j > clause_start and text[j - 1].isspace():
            j -= 1
        if j <= clause_start:
            return None
        mark = text[j - 1]
        quote = self.quote_at(j - 1)
        if mark == "," or mark in "—–" or (mark == "-" and text[j - 2 : j - 1].isspace()):
            end = j - 1
        elif quote is not None and quote.closed and quote.end == j:
            end = j
        else:
            return None
        start = clause_start
        opened = self.quote_at(start)
        if opened is not None and opened.open < start:
            start = opened.open  # a quotation that began in an earlier sentence: `"Q1. Q2," he said.`
        elif start == sent.start and sent.index > 0:
            inside = self.quote_at(end - 1)
            if inside is not None and inside.open < start:
                start = inside.open
        return (start, end) if re.search(r"\w", text[start:end]) else None

    def _is_intro(self, region: tuple[int, int]) -> bool:
        """Whether the stretch before a speaker is an introductory phrase rather than a reported clause."""
        stretch = self.text[region[0] : region[1]]
        words = stretch.split()
        if not words or len(words) > 8 or any(ch in _QUOTE_CHARS for ch in stretch):
            return False
        first = _clean(words[0])
        if len(words) <= 3:  # "Back in April", "This month": too short to be what someone said
            return True
        return first in _CAP_STOP or first in _INTRO_WORDS or first.endswith("ing") or first in _PREPOSITIONS

    def _content(self, region: tuple[int, int], whole: bool) -> tuple[tuple[int, int], Kind] | None:
        """Trim a region to its content and classify it; None when nothing worth reporting is left."""
        text = self.text
        start, end = region
        opened = self.quote_at(end - 1) if end > start else None
        if opened is not None and opened.open >= start and opened.end > end:
            end = opened.end  # the quotation goes on past the sentence: `X said: "Q1. Q2."`
        while start < end and (text[start].isspace() or text[start] in ",;:—–"):
            start += 1
        dateline = _DATELINE_RE.match(text, start, end)
        if dateline is not None and start == self.sentences[self.sentence_of(start)].start:
            start = dateline.end()
        end = start + len(text[start:end].rstrip())
        cut = _TRAILING_JOIN_RE.search(text, start, end)
        if cut is not None and not whole:
            end = cut.start()
        while end > start and text[end - 1] in ",;:—–":
            end -= 1
        end = start + len(text[start:end].rstrip())
        if end > start and text[end - 1] in ".!?…" and self.quote_at(end - 1) is None:
            token = re.search(r"\S+$", text[start:end])
            if text[end - 1] != "." or not (token and _DOTTED_FULL_RE.fullmatch(token.group(0))):
                end -= 1
        if end <= start:
            return None
        quote = self.quote_opening_at(start)
        if quote is not None and quote.end == end:
            span = self._direct_span(quote)
            return (span, "direct") if span else None
        if len(re.findall(r"\w+", text[start:end])) < 2:
            return None
        return (start, end), "indirect"

    def _direct_span(self, quote: _Quote) -> tuple[int, int] | None:
        """The words inside a quotation, without the marks, surrounding spaces or a trailing comma."""
        start, end = quote.inner, quote.close
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ",;:"):
            end -= 1
        return (start, end) if re.search(r"\w", self.text[start:end]) else None

    # -- speakers -----------------------------------------------------------------------------------------

    def _attribution_slot(self, pos: int, clause_start: int) -> bool:
        """Whether `pos` starts the clause or follows a comma or closing quote (`"Q," said X`)."""
        j = pos
        while j > clause_start and self.text[j - 1].isspace():
            j -= 1
        if j <= clause_start or self.text[j - 1] in ",—–":
            return True
        quote = self.quote_at(j - 1)
        return quote is not None and quote.closed and quote.end == j

    def _only_punct_before(self, sent: Sentence, pos: int, clause_start: int) -> bool:
        """Whether nothing but punctuation separates `pos` from the start of its clause."""
        return _PUNCT_ONLY_RE.fullmatch(self.text[max(clause_start, sent.start) : pos]) is not None

    def _speaker_before(
        self, sent: Sentence, cue: _Cue, clause_start: int
    ) -> tuple[tuple[int, int], int] | None:
        """The noun phrase ending right before the cue (adverbs and auxiliaries skipped).

        Returns:
            The speaker's span and where the attribution starts (before an appositive's head, if any).
        """
        text = self.text
        start = max(sent.start, clause_start)
        tokens = _tokens(text, start, cue.start)
        while tokens:
            word = text[tokens[-1][0] : tokens[-1][1]]
            low = _clean(word)
            date = _DATE_BEFORE_RE.search(text, start, tokens[-1][1])
            if date is not None and date.end() == tokens[-1][1] and date.start() > start:
                tokens = [t for t in tokens if t[1] <= date.start()]  # "X on Tuesday accused …"
            elif (low in _ADVERBS_AUX or _MANNER_ADVERB_RE.fullmatch(word)) and not word.endswith(","):
                tokens.pop()  # "X also said", "X famously said"
            elif _PARTY_RE.fullmatch(word) and len(tokens) > 1:
                tokens.pop()  # "Sen. Jason Holsman (D) said": the party label is not part of the name
            else:
                break
        # Only the stretch after the last boundary (comma, quote, bracket, dash) may hold the speaker.
        kept: list[tuple[int, int]] = []
        for a, b in reversed(tokens):
            word = text[a:b]
            if word[-1] in _BOUNDARY_CHARS or self.quote_at(b - 1) is not None:
                break
            kept.insert(0, (a, b))
            if word[0] in _BOUNDARY_CHARS:
                kept[0] = (a + 1, b)
                break
        if kept:
            speaker = self._np_ending(kept)
            if speaker is None and len(kept) == 1 and _BARE_PLURAL_RE.fullmatch(text[kept[0][0] : kept[0][1]]):
                speaker = kept[0]  # "…, farmers said." — any plural noun alone in the slot
            if speaker is None:
                speaker = self._relative_speaker(tokens, kept)
            return (speaker, speaker[0]) if speaker else None
        # "Carlos M. Pereira, the director of …, said": an appositive between the speaker and the cue.
        if not tokens or not text[tokens[-1][0] : tokens[-1][1]].endswith(","):
            return None
        end = tokens[-1][1] - 1
        comma = text.rfind(",", start, end)
        if comma < 0:
            return None
        head = self._np_ending(_tokens(text, start, comma))
        appositive = _tokens(text, comma + 1, end)
        words = [text[a:b] for a, b in appositive]
        if words and _is_cap(words[0]) and _np_ok(words, loose=False):
            # "A Pentagon spokesman, Maj. Gen. Pat Ryder, said": the name is the speaker.
            return (appositive[0][0], appositive[-1][1]), head[0] if head else appositive[0][0]
        named = _leading_name(words)
        if named:  # "Her closest rival, Anouk Bellamy of the Verdesca team, said": the name before "of"
            lead = _tokens(text, start, comma)  # the phrase before the comma describes the speaker
            return (appositive[0][0], appositive[named - 1][1]), lead[0][0] if lead else appositive[0][0]
        if head and words and (words[0][0].islower() or words[0][0].isdigit() or _clean(words[0]) in _DETERMINERS):
            return head, head[0]
        return None

    def _relative_speaker(
        self, tokens: list[tuple[int, int]], kept: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """The speaker a relative pronoun before the cue stands for.

        "A senior official who spoke on condition of anonymity told Reuters": the phrase before "who";
        "…, Gareth Pryce, who told the group": the phrase set off by commas before "who" or "which".
        """
        text = self.text
        words = [_clean(text[a:b]).lower() for a, b in kept]
        for i, word in enumerate(words):
            if word not in ("who", "which") or len(kept) - i > 9:
                continue
            if i > 0:  # not "an actor named X who accuses …": a restrictive clause describes, it reports nothing
                return self._np_ending(kept[:i]) if i < len(kept) - 1 else None
            before = tokens[: len(tokens) - len(kept)]
            if not before or not text[before[-1][0] : before[-1][1]].endswith(","):
                return None
            phrase: list[tuple[int, int]] = []
            for a, b in reversed(before):
                if phrase and (text[b - 1] in _BOUNDARY_CHARS or self.quote_at(b - 1) is not None):
                    break
                phrase.insert(0, (a, b - 1) if not phrase else (a, b))
            return self._np_ending(phrase) if phrase else None
        return None

    def _np_ending(self, tokens: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The longest speaker noun phrase (at most 12 words) ending with the last of `tokens`."""
        for i in range(max(0, len(tokens) - 12), len(tokens)):
            words = [self.text[a:b] for a, b in tokens[i:]]
            if any(not w or w[-1] in _BOUNDARY_CHARS for w in words):
                continue
            if _np_ok(words, loose=True):
                return tokens[i][0], tokens[-1][1]
        return None

    def _speaker_after(self, pos: int, limit: int, loose: bool) -> tuple[int, int] | None:
        """The longest noun phrase starting right after `pos`, up to a comma, colon, quote or bracket."""
        text = self.text
        start = self._skip_space(pos)
        stop = start
        while stop < limit and text[stop] not in _BOUNDARY_CHARS and text[stop] not in "\n":
            stop += 1
        tokens = _tokens(text, start, stop)
        if tokens and stop >= limit:
            a, b = tokens[-1]
            word = text[a:b]
            if word[-1] in ".!?" and not _DOTTED_FULL_RE.fullmatch(word):
                tokens[-1] = (a, b - 1)
        best: tuple[int, int] | None = None
        for n in range(1, min(len(tokens), 12) + 1):
            words = [text[a:b] for a, b in tokens[:n]]
            if _np_ok(words, loose=loose):
                best = (tokens[0][0], tokens[n - 1][1])
        named = _APPOSED_NAME.match(text, stop, limit)
        if named and any(_clean(text[a:b]) in ROLE_WORDS for a, b in tokens):
            return named.span(1)  # "said CADA's director of legal affairs, Rutger Haelvoet."
        return best

    def _source_after(self, pos: int, limit: int) -> tuple[int, int] | None:
        """The source named after "according to": up to the comma when short, else its noun phrase."""
        text = self.text
        stop = pos
        while stop < limit and text[stop] not in ",;:()\"“”«»—–\n":
            stop += 1
        tokens = _tokens(text, pos, stop)
        named = _APPOSED_NAME.match(text, stop, limit)
        if named and any(_clean(text[a:b]) in ROLE_WORDS for a, b in tokens):
            return named.span(1)  # "according to the governor of the district, Hana Lisovet, six died"
        if tokens and len(tokens) <= 10 and (stop >= limit or text[stop] == ","):
            words = [text[a:b] for a, b in tokens]
            if not any(_clean(w) in _STOP_WORDS - {"by"} for w in words):
                a, b = tokens[-1]
                if stop >= limit and text[b - 1] in ".!?" and not _DOTTED_FULL_RE.fullmatch(text[a:b]):
                    b -= 1
                return tokens[0][0], b
        return self._speaker_after(pos, limit, loose=True)

    def _subject(self, sent: Sentence) -> tuple[int, int] | None:
        """The subject at the start of a sentence (after an introductory phrase), strictly a name or role."""
        text = self.text
        tokens = _tokens(text, sent.start, sent.end)
        if tokens and _clean(text[tokens[0][0] : tokens[0][1]]) in _CAP_STOP:
            for i, (_a, b) in enumerate(tokens[:8]):
                if text[b - 1] == ",":
                    tokens = tokens[i + 1 :]
                    break
        best: tuple[int, int] | None = None
        for n in range(1, min(len(tokens) - 1, 10) + 1):
            words = [text[a:b] for a, b in tokens[:n]]
            following = text[tokens[n][0] : tokens[n][1]]
            if _np_ok(words, loose=False) and following[:1].islower():
                best = (tokens[0][0], tokens[n - 1][1])
        return best

    def _addressee(self, pos: int, limit: int) -> int | None:
        """End of the addressee after "told": "journalists", "the BBC", "a news conference", "him"."""
        m = re.match(r"\s+(him|her|them|us|me|you)\b", self.text[pos:limit])
        if m is not None:
            return pos + m.end()
        np = self._speaker_after(pos, limit, loose=False)
        return np[1] if np is not None else None


def find_speech(text: str) -> list[SpeechCandidate]:
    """Find candidate statements (quotations and reported speech) in news text.

    Args:
        text: The article text; every offset returned indexes into it.

    Returns:
        Candidates in text order, numbered from 1.
    """
    return _Finder(text).run()
