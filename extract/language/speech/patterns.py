"""Regular expressions of the speech finder (cues, dates, media, clause openers) and the word lists they use."""

from __future__ import annotations

import re

from extract.language.speech.vocabulary import _FORM_TO_LEMMA, _PREPOSITIONS

#: A reporting cue as a whole word (not "so-called", not "saidin"); multi-word forms allow any spacing.
_CUE_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        form.replace(" ", r"\s+")
        for form in sorted(_FORM_TO_LEMMA, key=len, reverse=True)
    )
    + r"|According\s+to|As\s+(?:quoted|reported|cited)\s+by)(?![\w-])"
)
#: A cue capitalised as in a title-case headline ("Ann Roe Slams Council Over Repairs"), read only there.
_TITLE_CUE_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(form.capitalize() for form in _FORM_TO_LEMMA if " " not in form) + r")(?![\w-])"
)
#: Words of four letters or more: in a title-case headline nearly all of them are capitalised.
_LONG_WORD_RE = re.compile(r"[A-Za-z][\w'’-]{3,}")
#: Two long words in lower case: the sentence is not a title-case headline (a quick test, most sentences stop early).
_TWO_LOWER_WORDS_RE = re.compile(r"(?<![\w'’-])[a-z][\w'’-]{3,}.*?(?<![\w'’-])[a-z][\w'’-]{3,}", re.S)

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
#: Nouns in "-ly" that end a speaker phrase ("the Roe family said", "a Trump ally said", "the rally is"): no adverb.
_LY_NOUNS = ("family", "ally", "rally", "assembly", "supply", "monopoly", "anomaly", "bully", "folly", "homily")
#: A lower-case adverb of manner between a speaker and the cue: "famously", "bluntly", "repeatedly".
MANNER_ADVERB_RE = re.compile(r"(?!(?:" + "|".join(_LY_NOUNS) + r")\b)[a-z]{3,}ly")
#: A finite verb: a stretch before `, X said` holding one is a clause that was said ("It is over", "That plan was
#: ignored", "But he wants more"), not an introductory phrase ("Back in April", "Under the plan"), unless a
#: subordinator, preposition or participle opens it (see `regions._is_intro`).
_FINITE_VERB_RE = re.compile(
    r"(?<![\w'’-])(?:is|was|are|were|will|would|can|could|should|must|has|have|had|does|did"
    r"|(?:is|was|are|were|wo|ca|do|does|did)n['’]t|(?:it|that|there|here|what)[’']s)(?![\w-])"
    r"|\w[’'](?:re|ll|ve)\b|\b(?:I|[Hh]e|[Ss]he|[Ww]e|[Tt]hey)\s+[a-z]+\b"
)
#: Words opening an introductory phrase rather than a reported clause: "Back in April, X said …".
_INTRO_WORDS = frozenset({"back", "every", "this", "just", "last", "next", "late", "early", "once", "years",
                          "weeks", "days", "months", "minutes", "hours", "moments"})
#: A party and state label after a politician's name: "(D)", "(R-Neb.)", "(I-Vt.)", or the state alone: "(Vt.)",
#: "(Mich.)", "(N.Y.)" (abbreviated, so not "(Reuters)").
_PARTY_RE = re.compile(r"\((?:[A-Z]{1,2}(?:-[A-Z][A-Za-z.]{1,6})?|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)\)")
#: The same label set off by commas: "Rep. Chris Collins, R-N.Y., said".
_PARTY_COMMA_RE = re.compile(r"[DRI]-[A-Z][A-Za-z.]{1,6},")
#: A lower-case word that may modify a name: not a plural, past tense, participle or adverb.
_MODIFIER_RE = re.compile(r"[a-z][a-z-]+(?<!s)(?<!ed)(?<!ing)(?<!ly)")
#: Pronouns that can only open a clause, so a weak verb before them reports one: "warned they would …".
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "there"})

#: A subject pronoun with its auxiliary contracted, right before a cue: "And he’s predicting that …" (he speaks;
#: with "’s"/"’re" before an "-ing" cue the auxiliary is "is"/"are", a progressive, not a participle inheriting).
_PRONOUN_CONTRACTED = re.compile(r"(he|she|they|we|i|you)['’](s|re|ve|ll|d|m)", re.IGNORECASE)
#: A short subject and a finite verb: after a weak verb it opens a reported clause without "that" ("predicted the
#: party would lose", "warned Tolu's mayor was wrong"), as a subject pronoun does; an object does not ("revealed a
#: plan for the port").
_SUBJECT_AND_VERB_RE = re.compile(
    r"\s*(?:(?:the|a|an|his|her|their|its|our|this|that|some|many|most|all)\s+)?"
    r"(?:(?!(?:in|on|at|of|for|to|with|by|from|that|which|who|and|or|but|as|if|when|while|after|before|about)\b)"
    r"[\w'’.-]+\s+){1,3}?"
    r"(?:would|will|could|can|should|might|must|is|was|are|were|has|had|have|won't|wouldn't|can't|couldn't"
    r"|isn't|wasn't|aren't|weren't|hasn't|hadn't|haven't)\b(?!\s+(?:been\s+)?(?:to)\b)"
)
#: An appositive after a speaker that follows its cue, before the quotation goes on: `said X, a farmer, "Q2"`.
#: "As" opening a clause before its speaker: `As Ann Roe said, CLAUSE` introduces what was said, as "According
#: to X," does (the comma after the cue then starts the content, as it does not in `Ann Roe said, CLAUSE`).
_AS_OPENING_RE = re.compile(r"\s*(?:(?:And|But|Yet|Or|So|and|but|yet|or|so)\s+)?(?:As|as)\s+")
#: … or a relative clause after it that runs to the end of the sentence: `CLAUSE, said an official who was briefed
#: on …`, `said one executive who requested anonymity`: it describes the speaker, it is not what was said.
_APPOSITIVE_BEFORE_QUOTE = re.compile(
    r",[^,\"“”\n]{1,80}(?=,\s*[\"“‘'])|\s+(?:who|whose)\s[^,;\"“”\n]{1,200}?(?=[.!?]?\s*$)"
)
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
#: What follows `X said` when the quotation came first, in a sentence of its own: its topic or a modifier.
_TOPIC_OR_MODIFIER_RE = re.compile(
    r"(?:of|about|in|on|at|during|after|before|while|when|amid|following|near|outside|inside|with|as|from|to"
    r"|later|afterward|afterwards|earlier)\b"
)  # "near the end of the session", "as he left", "with a smile", "to reporters", "later"
#: A conjunction or a semicolon right before a second speaker in the same sentence: "…, while France said …",
#: "Some would claim they never saw him; others said …".
_JOINED_ATTRIBUTION_RE = re.compile(r"(?:[,;]?\s*\b(?:while|whereas|but|and)|;)\s*$")
#: A conjunction, maybe an adverb, right before a second cue of one speaker: "… and said", "… and pointedly saying".
_COORDINATED_BEFORE_RE = re.compile(r"\b(?:and|but|or)\s+(?:[a-z]+ly\s+)?$")
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
#: … with the auxiliaries of the cut cue after the joiner: "praised the plan but has | said …".
_TRAILING_JOIN_RE = re.compile(
    r"(?:[\s,;]|\b(?:and|but|or|while|then)\b"
    r"(?:\s+(?:has|have|had|also|later|then|will|would|did|does|is|was|were|are|again|since|now)\b)*)+$"
)
_WORD_RE = re.compile(r"\S+")
#: What follows a comma once the author's narration takes over again after a reported clause, so what was said
#: ends at the comma: a participle clause (`…, dismissing him as …`), a non-restrictive relative clause about
#: the last name that runs to the end (`…, who also held a rally.`; `X, who …, said` is the middle of a clause), a
#: source phrase (`…, according to exit polls`).
#: A participle opening a clause (`…, wiping his face`), not a preposition or noun ending in -ing.
_PARTICIPLE = (
    r"(?!(?:including|excluding|regarding|concerning|according|following|during|notwithstanding|nothing"
    r"|something|everything|anything|morning|evening|spring|king|thing|wedding|bring|sing|ring|swing)\b)[a-z]+ing\b"
)
_PARTICIPLE_RE = re.compile(_PARTICIPLE)
#: A past participle phrase: "flanked by her friends", "asked about the delay", "dressed as a nurse". After a whole
#: quotation and its attribution (`"Q," she said, flanked by …`) it describes the speaker, as "wiping his face" does.
_PAST_PARTICIPLE_PHRASE_RE = re.compile(r"[a-z]+(?:ed|en|wn)\s+(?:by|about|as|in|with|on|at|after|for)\b")
_NARRATION_RESUMES = (
    _PARTICIPLE,
    r"(?:who|which)\b[^,;:]*$",
    r"according\s+to\b",
)
#: The comma (inside a closing quotation too: `"…," referencing …`) before `_NARRATION_RESUMES`; group `end`
#: is where what was said stops.
_NARRATION_RESUMES_RE = re.compile(
    r"(?P<end>,(?:''|[”\"’'])?)\s+(?:" + "|".join(_NARRATION_RESUMES) + r")"
)
#: Words after the conjunction that carry the reported clause on instead (`said A, and that B`, `and, "Q"`,
#: `but rather B`, `and of B`, `and most B`): a preposition, adverb or quotation joins a phrase, not a clause.
_CLAUSE_GOES_ON = (
    "that", "also", "rather", "not", "only", "then", "even", "especially", "of", "in", "on", "by", "to", "for",
    "with", "at", "from", "into", "about", "more", "most", "less", "so", "as",
)
#: A finite verb within a few words after the conjunction: the joined words are a clause or a predicate
#: (`and urged calm`, `and the market did`), not a phrase coordinated inside the reported clause (`and a need to …`;
#: "-ed" after a letter other than "e": "urged", not "need").
_FINITE_VERBS = (
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "did", "does", "do",
    "says", "said", "made", "took", "gave", "won", "lost", "went", "got", "came", "ran", "told", "wrote",
)
#: After a cue only (`X said CLAUSE, and …`): a second clause or predicate joined to the reported one by ", and" or
#: ", but" is the author's (`said the party was united, and urged calm`, `said A, but the crowd booed`). Before a
#: cue (`A, and B, X said`) both clauses were said.
_NARRATION_RESUMES_AFTER_CUE = (
    r"(?:and|but)\b(?!\s*(?:[,\"“‘'«]|(?:" + "|".join(_CLAUSE_GOES_ON) + r")\b))"
    r"(?=(?:\s+[\w'’$%.-]+,?){0,6}?\s+(?:[a-z]+[a-df-z]ed|" + "|".join(_FINITE_VERBS) + r")\b)",
)
_NARRATION_RESUMES_AFTER_CUE_RE = re.compile(
    r"(?P<end>,(?:''|[”\"’'])?)\s+(?:" + "|".join(_NARRATION_RESUMES + _NARRATION_RESUMES_AFTER_CUE) + r")"
)

_OPEN_DOUBLE = "“«„"
_CLOSE_DOUBLE = "”»"
_QUOTE_CHARS = "\"“”«»„‘’'"
#: Characters that end the stretch before a cue in which its speaker is looked for.
_BOUNDARY_CHARS = ",;:()[]—–\"“”«»„"
