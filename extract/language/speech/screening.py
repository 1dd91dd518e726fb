"""Which reporting verbs of a sentence are cues: infinitives, negations, passives and nouns screened out.

A verb of the table is a cue only where it reports speech: "declined to say", "without commenting", "was
told", "the claims" and "a report" are not. The finder (`finder._Finder`) reads each sentence's cues from here.
"""

from __future__ import annotations

import re

from extract.language.speech.candidates import _Cue
from extract.language.speech.emitting import _Emitting
from extract.language.speech.patterns import _CUE_RE, _PRONOUN_CONTRACTED, _TITLE_CUE_RE, MANNER_ADVERB_RE
from extract.language.speech.phrases import _clean, _tokens
from extract.language.speech.sentences import Sentence, title_case
from extract.language.speech.vocabulary import (
    _DETERMINERS,
    _FORM_TO_LEMMA,
    _NOUN_DETERMINERS,
    _QUANTITY_NOUNS,
    ADVERBS_AUX,
    BE_FORMS,
    CLITIC_SUBJECTS,
    NEGATING_PREPOSITIONS,
    NEGATIONS,
    NOT_SPEECH_BEFORE,
    SOURCE_PHRASES,
    SUBJECT_PASSIVES,
)


class _Screening(_Emitting):
    """The cues of a sentence, each screened: skipped, passive, relative, inheriting its subject."""

    def _cues(self, sent: Sentence) -> list[_Cue]:
        """Reporting cues of a sentence outside quotations, with the ones that cannot be cues dropped."""
        cues: list[_Cue] = []
        found = list(_CUE_RE.finditer(self.text, sent.start, sent.end))
        if title_case(self.text[sent.start : sent.end]):  # "Ann Roe Slams Council Over Repairs"
            found = sorted([*found, *_TITLE_CUE_RE.finditer(self.text, sent.start, sent.end)], key=lambda m: m.start())
        for m in found:
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
        if cue.lemma in SOURCE_PHRASES:
            return
        if next_word in NOT_SPEECH_BEFORE.get(cue.lemma, ()):
            cue.skip = True  # "agreed to a deal", "charged with fraud"
            return
        if prev_word == "to" or (before and before[-1].endswith("-")):
            cue.skip = True  # "declined to say", "is expected to announce"
            return
        if prev_word in NEGATING_PREPOSITIONS:
            cue.skip = True  # "Without commenting on the row, X …": a thing not said
            return
        if cue.form.endswith("s") and cue.form not in {"says", "tells", "adds", "writes"} and (
            prev_word in _DETERMINERS
            or next_word in _FORM_TO_LEMMA
            or next_word in ADVERBS_AUX
            or next_word in {"of", "about", "from", "by", "for", "against", "were", "are"}
            or (prev_word.endswith("ed") and prev_word not in ADVERBS_AUX)  # "the fund generated pledges"
        ):
            cue.skip = True  # a noun: "the claims", "media reports say"
            return
        if (cue.form == cue.lemma or cue.form.endswith("s")) and prev_word in _NOUN_DETERMINERS:
            cue.skip = True  # a noun after an article or possessive: "a report", "his claim"
            return
        if nominal_cue(self.text, cue.start, cue.end):
            cue.skip = True  # "Iran's alleged plot", "a warning barrier"
            return
        if (
            cue.form == cue.lemma
            and len(before) > 1
            and _clean(before[-2]) in {"a", "an"}
            and before[-1].isalpha()
            and before[-1].islower()
            and prev_word not in _QUANTITY_NOUNS
        ):
            cue.skip = True  # a singular subject takes "reports", not "report": "a false report", "a cautious note"
            return
        stripped: list[str] = []
        for word in reversed(before):
            low = _clean(word)
            if low not in ADVERBS_AUX or word.endswith(","):
                break
            stripped.append(low)
        if any(w in NEGATIONS for w in stripped):
            cue.skip = True
            return
        cue.relative = len(before) > len(stripped) and _clean(before[-1 - len(stripped)]) in ("who", "which")
        gerund = cue.form.split(" ", 1)[0].endswith("ing")  # "talking about" as much as "saying"
        subject = before[-1 - len(stripped)] if len(before) > len(stripped) else ""
        contracted = _PRONOUN_CONTRACTED.fullmatch(subject.strip(",;:\"“”‘’()"))
        cue.be_aux = any(w in BE_FORMS for w in stripped) or (
            gerund and contracted is not None and contracted.group(2).lower() in {"s", "re", "m"}
        )  # "he’s predicting": "he is predicting"
        if cue.be_aux and not gerund and cue.lemma not in SUBJECT_PASSIVES:
            cue.skip = True  # passive: "was told", "is accused of" (not "was quoted as saying")
            return
        if next_word == "by" and not gerund and cue.lemma not in SUBJECT_PASSIVES and _passive_through_adverbs(before):
            cue.skip = True  # "was cruelly mocked by X": X did it, the subject said nothing
            return
        participle = gerund and not cue.be_aux
        joined = _clean(before[-1 - len(stripped)]) if len(before) > len(stripped) else ""  # "but has said"
        cue.inherits = participle or joined in {"and", "but", "or"}


def _passive_through_adverbs(before: list[str]) -> bool:
    """Whether the words before a cue end in a form of "be" and adverbs, manner adverbs among them ("was cruelly")."""
    for word in reversed(before):
        low = _clean(word)
        if word.endswith(","):
            return False
        if low in BE_FORMS:
            return True
        if low not in ADVERBS_AUX and not MANNER_ADVERB_RE.fullmatch(word):
            return False
    return False


_POSSESSIVE_BEFORE_RE = re.compile(r"\b([\w.-]+)['’]s\s+$")
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)


def nominal_cue(text: str, start: int, end: int) -> bool:
    """Whether the one-word cue `text[start:end]` is a noun or an adjective by the word before it, not a verb.

    A possessive opens a noun phrase, so a participle after it describes the noun ("Gale's announced rivals",
    "Iran's alleged moves", "the council's stated aim"; "he's said" and "it's claimed" are clitics of "has" and
    "is", not possessives); an -ing form after an article is a noun or adjective ("a warning barrier", "the
    asking price", "the defending champion"). The learned finder reads these as cues too (`combined.union`
    screens its statements the same way).
    """
    words = text[start:end].split()
    if len(words) != 1:
        return False
    word = words[0].lower()
    lookback = max(0, start - 40)
    if word.endswith("ing"):
        return _ARTICLE_BEFORE_RE.search(text, lookback, start) is not None
    owner = _POSSESSIVE_BEFORE_RE.search(text, lookback, start) if word.endswith("ed") else None
    return owner is not None and owner.group(1).lower() not in CLITIC_SUBJECTS
