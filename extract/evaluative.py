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

#: VADER's own threshold for a negative text (its README): compound score at or below -0.05.
NEGATIVE_COMPOUND = -0.05


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()  # reads the lexicon file once (~0.1 s)


@lru_cache(maxsize=4096)
def speaks_ill(text: str) -> bool:
    """Whether the words are negative on the whole (VADER's compound score), not merely hold a negative word.

    Kept per text: the judge asks again for the same statement (once per rule that needs it), and VADER is
    about half of the judge's CPU.
    """
    scores: dict[str, float] = _analyzer().polarity_scores(text)
    return scores["compound"] <= NEGATIVE_COMPOUND
