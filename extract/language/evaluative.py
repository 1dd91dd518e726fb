"""Whether a statement speaks ill of anyone: VADER's sentiment lexicon, on the words said.

A small model labels neutral facts, forecasts and praise as accusations ("I think she will be very fair",
"he served on the committee for a decade"), and misses plain criticism ("he is a disgrace"). An accusation
judges someone badly or names a wrong, so its words are negative on the whole ("a disgrace", "a fraud",
"lies") or name a wrong of some category (see `categories.names_a_wrong`). VADER (a well-kept, hand-validated
lexicon of ~7,500 English words with valences and rules for negation, "not good", and intensifiers) judges
the words; its own threshold for a negative text is used as it is.
"""

from __future__ import annotations

from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

#: VADER's own thresholds for a negative and a positive text (its README): compound score at or below -0.05, at or
#: above 0.05.
NEGATIVE_COMPOUND = -0.05
POSITIVE_COMPOUND = 0.05


#: Words of blame VADER's lexicon (built from social-media text) lacks: the vocabulary of political and legal
#: accusation, added with the valence VADER gives a form it has ("lie" as "lies" -1.8, "corrupt" as
#: "fraudulent" -2.2) or -2.0. Without them "he is corrupt", "Trump has been disrespecting our veterans" and
#: "he lashed out at our generals" score 0.0: not negative.
BLAME_WORDS: dict[str, float] = {
    **dict.fromkeys(("lie", "dishonesty", "deceptive", "mislead", "misled", "hypocrisy", "hypocrite"), -1.8),
    **dict.fromkeys(("corrupt", "corruption", "corruptions", "bribery", "bribes", "embezzle", "embezzled",
                     "embezzlement", "plagiarized", "stole", "traitor", "traitors"), -2.2),
    **dict.fromkeys(("unlawful", "unlawfully", "illegally", "lawless", "rigging"), -2.2),
    **dict.fromkeys(("bigot", "bigoted", "bigotry", "sexist", "misogynist", "misogynistic", "xenophobe",
                     "xenophobic", "intolerance", "discrimination", "discriminates", "discriminating",
                     "discriminatory", "slur", "slurs", "extremist", "demagogue"), -2.2),
    # rule by force, which VADER lacks ("Trump is a dictator in the making"); it has "fascist" -2.6
    **dict.fromkeys(("dictator", "dictators", "dictatorship", "dictatorial", "tyrant", "tyranny", "authoritarian",
                     "autocrat", "autocratic", "despot", "fascism"), -2.2),
    **dict.fromkeys(("disrespecting", "disrespectful", "unfit", "unqualified", "disgraceful", "derelict",
                     "dereliction", "negligent", "negligence", "recklessly"), -1.8),
    **dict.fromkeys(("mishandle", "mishandled", "mishandling", "smeared", "smearing", "coverup", "conceal",
                     "concealed", "concealing", "stonewall", "stonewalled", "stonewalling", "obstruct",
                     "obstructed", "obstruction", "incite", "incites", "incited", "inciting", "manipulate",
                     "manipulates", "manipulated", "pander", "pandering", "ploy", "lash", "lashed", "lashing"), -1.5),
    # legitimacy, which politics denies ("that is not a legitimate legislative purpose"): VADER lacks both forms
    "legitimate": 1.5, "illegitimate": -2.0,
    # the condemnation of diplomacy and politics ("an outlaw nation", "a provocation", "fanatic recklessness",
    # "a brazen breach"), which VADER has only in other forms ("provoke" -1.7, "reckless" -1.7): scored as those
    **dict.fromkeys(("provocation", "provocations", "provocative", "outlaw", "outlaws", "rogue", "recklessness",
                     "destabilize", "destabilizes", "destabilizing", "destabilise", "destabilising", "flagrant",
                     "flagrantly", "brazen", "brazenly", "belligerent", "belligerence", "irresponsibility"), -1.7),
    # a plot and the one who plots, which VADER has only as "conspiracy" (-2.4): "immigrants who plotted to kill"
    **dict.fromkeys(("plotted", "plotting", "conspired", "conspiring", "schemed", "scheming"), -1.7),
    # condemnation and the names of political wrongs ("deplorable", "crooked", "a sham", "a botched rollout",
    # "cronyism"), scored as VADER's nearest forms ("disgraceful", "dishonest", "lies", "negligent", "corrupt")
    **dict.fromkeys(("deplorable", "despicable", "reprehensible", "egregious", "inexcusable", "unconscionable",
                     "thug", "thugs", "thuggish", "ruthless", "barbaric", "sexism", "demagoguery"), -2.2),
    **dict.fromkeys(("crooked", "sleazy", "shady", "duplicitous", "manipulative"), -2.0),
    **dict.fromkeys(("sham", "phony", "phoney", "bogus", "untrue"), -1.8),
    **dict.fromkeys(("complicit", "complicity", "collusion", "colluded", "extortion", "blackmail", "cronyism",
                     "nepotism", "lawlessness", "slander", "slanderous", "libel", "defamation", "defamatory",
                     "sabotaged"), -2.2),
    **dict.fromkeys(("botched", "bungled", "blunder", "blunders", "debacle", "inept", "wasteful", "squandered",
                     "gutless", "churlish", "cowards"), -1.8),
}


#: Words of harm suffered, illness, grief and loss, which VADER scores negative: they say what befell someone,
#: not that anyone did wrong, so they weigh nothing here ("she did have a pain in her calf", "the company was
#: left holding $8 billion in debt"). Words of harm done stay ("hurt", "killed", "poor judgment", "the collapse",
#: which someone may have caused), and those that also judge: "sad!", "sick in the head", "he is lost", "suffers
#: from character flaws".
HARM_SUFFERED: tuple[str, ...] = (
    "pain", "painful", "ill", "illness", "injured", "injury", "died", "dead", "death", "grief",
    "grieving", "mourning", "sadness", "cancer", "tragedy", "tragic", "victim", "victims", "loss", "losses",
    "debt", "struggle", "struggling", "poverty",
)


#: Words of figures that fall or are made smaller, which VADER scores negative: "prices will drop", "slash the
#: harbour fee", "cut the levy", "Daly may drop out of the race" say how much, not that anyone did wrong. Not
#: "low"/"lowest", which also judge ("her remarks were a new low"), nor "collapse", "crash", "recession", which
#: someone may cause ("Daly wished for a crash"). Every form VADER scores ("lowering" -1.0, "slashing" -1.1). A
#: charge of cutting keeps its other words ("cut the pensions of the poor, a disgrace").
FIGURES_FALLING: tuple[str, ...] = (
    "drop", "lower", "lowers", "lowered", "lowering", "cut", "cuts", "cutting", "slash", "slashes", "slashed",
    "slashing",
)


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    analyzer = SentimentIntensityAnalyzer()  # reads the lexicon file once (~0.1 s)
    analyzer.lexicon.update(BLAME_WORDS)
    for word in (*HARM_SUFFERED, *FIGURES_FALLING):
        analyzer.lexicon.pop(word, None)
    return analyzer


#: Typographic quotes and apostrophes as the ASCII marks VADER knows: it strips only ASCII punctuation from a
#: word's edges and reads negations as "isn't", "don't", so 'Daly “lashed out' and "that isn’t fair" scored 0.0.
_ASCII_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})


@lru_cache(maxsize=4096)
def speaks_ill(text: str) -> bool:
    """Whether the words are negative on the whole (VADER's compound score), not merely hold a negative word.

    Kept per text: the judge asks again for the same statement (once per rule that needs it), and VADER is
    about half of the judge's CPU.
    """
    scores: dict[str, float] = _analyzer().polarity_scores(text.translate(_ASCII_QUOTES))
    return scores["compound"] <= NEGATIVE_COMPOUND


def praises(text: str) -> bool:
    """Whether the words are positive on the whole: a label in scare quotes that is no praise may be an insult."""
    scores: dict[str, float] = _analyzer().polarity_scores(text.translate(_ASCII_QUOTES))
    return scores["compound"] >= POSITIVE_COMPOUND
