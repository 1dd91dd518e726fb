"""Whether a statement speaks ill of anyone: the negative words of VADER's sentiment lexicon.

A small model labels neutral facts, forecasts and praise as accusations ("I think she will be very fair",
"he served on the committee for a decade"). An accusation names a wrong or judges someone badly, so its words
include a negative evaluation ("a disgrace", "a fraud", "lies") or a wrong of some category (see
`categories.names_a_wrong`). VADER (a well-kept, hand-validated lexicon of ~7,500 English words with
valences, negation handled: "not good" is negative) supplies the evaluations.
"""

from __future__ import annotations

from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()  # reads the lexicon file once (~0.1 s)


#: VADER's own threshold for a negative text (its README): compound score at or below -0.05.
NEGATIVE_COMPOUND = -0.05


def speaks_ill(text: str) -> bool:
    """Whether the words carry a negative evaluation (VADER: some negative valence after negation rules)."""
    scores: dict[str, float] = _analyzer().polarity_scores(text)
    return scores["neg"] > 0.0


def mostly_ill(text: str) -> bool:
    """Whether the words are negative on the whole (VADER's compound score), not only somewhere."""
    scores: dict[str, float] = _analyzer().polarity_scores(text)
    return scores["compound"] <= NEGATIVE_COMPOUND
