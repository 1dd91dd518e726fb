"""Speakers after a cue, sources after "according to", a sentence's subject and a cue's addressee.

Split from `speakers` (the noun phrase before a cue, through appositives, relatives and participles): what
stands after the cue (`"Q," said Ann Roe`, "according to Ann Roe, who …"), or opens the sentence as its
subject ("Rallying workers, Ann Roe promised …"), is read here. `speakers._Speakers` extends this mixin.
"""

from __future__ import annotations

import re

from extract.language.speech.candidates import _Cue
from extract.language.speech.patterns import _BOUNDARY_CHARS
from extract.language.speech.phrases import (
    _APPOSED_NAME,
    _NOT_DESCRIPTORS,
    _clean,
    _descriptors,
    _is_cap,
    _np_ok,
    _tokens,
)
from extract.language.speech.sentences import _DOTTED_FULL_RE, Sentence
from extract.language.speech.text import _Text
from extract.language.speech.vocabulary import (
    _AFTER_INVERTED_SPEAKER,
    _CAP_STOP,
    _DETERMINERS,
    _PREPOSITIONS,
    _STOP_WORDS,
    _SUBJECT_VERBS,
    KIN_WORDS,
    PRONOUNS,
    ROLE_WORDS,
    SUBJECT_OPENERS,
)

#: A possessive ending a phrase: "Roe's", "the Roes'", "Roe’s".
_POSSESSIVE_END = re.compile(r"(?:['’]s|s['’])$")
#: Words after which a source named after "according to" is being described, no longer named.
_SOURCE_ENDS = frozenset({"that", "which", "who", "whose", "where", "when", "while", "as", "is", "was", "are", "were",
                          "has", "have", "had", "will", "would", "to"})
#: A lower-case participle: "conducted", "released", "reported", "showing".
_PARTICIPLE_END = re.compile(r"[a-z]{3,}(?:ed|ing)$")
#: A participle that opens a sentence before its subject: "Rallying hundreds of workers, Ann Roe promised …".
_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}ing")
#: A day that opens a sentence before its subject: "Monday at Kell University, Dale Roe addressed …".
_DAY_OPENING = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?")
#: A state after a city and its comma ("Lynchburg, VA,", "Raleigh, N.C.,"): where, never a subject.
_STATE_AFTER_CITY = re.compile(r"(?:[A-Z]{2}|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.),")
#: Verbs after which a name closing the sentence is the speaker: they take no addressee nor object.
_CLOSING_SPEAKER_VERBS = frozenset({"say", "add"})
#: What may follow a speaker that closes its sentence: the full stop and closing marks.
_CLOSES_SENTENCE = re.compile(r"[.!?]?[\"”’']*\s*")


class _SpeakersAfter(_Text):
    """Who spoke, named after the cue or as the sentence's subject; `speakers._Speakers` reads the name before it."""

    def _speaker_after(self, pos: int, limit: int, loose: bool, whole: bool = False) -> tuple[int, int] | None:
        """The longest noun phrase starting right after `pos`, up to a comma, colon, quote or bracket.

        With `whole`, the longest that no verb follows (`said Ann Roe of the Tolu delegation`: not "Ann Roe of
        the Tolu", which "delegation" would seem to continue as a clause).
        """
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
            phrase = _np_ok(words, loose=loose) or (whole and self._described(words, loose))
            if phrase and (not whole or self._ends_phrase(tokens[n - 1][1], limit)):
                best = (tokens[0][0], tokens[n - 1][1])
        named = _APPOSED_NAME.match(text, stop, limit)
        if named and any(_clean(text[a:b]) in ROLE_WORDS for a, b in tokens):
            return named.span(1)  # "said CADA's director of legal affairs, Rutger Haelvoet."
        return best

    def _closing_name(self, sent: Sentence, cue: _Cue, clause_start: int) -> tuple[int, int] | None:
        """A name after an inverted cue that closes its sentence ("…, which was not serious, said Dr Ann Roe").

        After a comma, a reporting verb followed by nothing but a name (with its role) up to the sentence's end
        has that name as its subject; whatever stands before the comma (a relative clause, an appositive)
        belongs to the reported clause, never names the speaker.
        """
        if cue.lemma not in _CLOSING_SPEAKER_VERBS:
            return None  # not "…, told The Hill." (an addressee) nor "…, recounted the incident." (an object)
        j = self._skip_space_back(cue.start, clause_start)
        if j <= clause_start or self.text[j - 1] != ",":
            return None
        found = self._speaker_after(cue.end, sent.end, loose=True, whole=True)
        if found is None or not _CLOSES_SENTENCE.fullmatch(self.text, found[1], sent.end):
            return None
        words = self.text[found[0] : found[1]].split()
        if _clean(words[0]) in PRONOUNS or not any(_is_cap(w) for w in words):
            return None
        if not _is_cap(words[-1]) and not _np_ok(words, loose=False):
            return None  # "…, said the Ruiz family deserved better.": a clause, not a name
        return found

    @staticmethod
    def _described(words: list[str], loose: bool) -> bool:
        """A name after lower-case descriptors: "retired neurosurgeon Ann Roe", "election lawyer Ann Roe"."""
        n = _descriptors(words)
        return (
            n > 0
            and (_is_cap(words[n]) or _clean(words[n]) in ROLE_WORDS)
            and _is_cap(words[-1])
            and _np_ok(words[n:], loose=loose)
        )

    def _ends_phrase(self, end: int, limit: int) -> bool:
        """Whether a speaker phrase can end at `end`: punctuation, the end or a word of `_AFTER_INVERTED_SPEAKER`.

        Not a capitalised word (the name goes on) nor any other lower-case word (a verb of a reported clause).
        """
        m = re.match(r"\s+(\S)", self.text[end:limit])
        if m is None or not m.group(1).isalnum():
            return True
        return m.group(1).islower() and not self._starts_clause(end, limit)

    def _starts_clause(self, end: int, limit: int) -> bool:
        """Whether a verb follows the phrase ending at `end`: it is then the subject of a reported clause.

        An inverted speaker (`"Q," said Ann Roe.`) ends the clause or is followed by punctuation, a time or
        place phrase, or a relative; "said she voted", "said Roe has pushed" continue with a verb.
        """
        m = re.match(r"\s+([a-z][\w’']*)", self.text[end:limit])
        return m is not None and m.group(1) not in _AFTER_INVERTED_SPEAKER

    def _source_after(self, pos: int, limit: int, closing: bool = False) -> tuple[int, int] | None:
        """The source named after "according to": up to the comma when short, else its noun phrase.

        With `closing` (the phrase closes a clause: "CLAUSE, according to X"), the phrase before whatever
        describes the source.
        """
        text = self.text
        stop = pos
        while stop < limit and text[stop] not in ",;:()\"“”«»—–\n":
            stop += 1
        tokens = _tokens(text, pos, stop)
        named = _APPOSED_NAME.match(text, stop, limit)
        if named and any(_clean(text[a:b]) in ROLE_WORDS for a, b in tokens):
            return named.span(1)  # "according to the governor of the district, Hana Lisovet, six died"
        if tokens and not closing and stop < limit and text[stop] == "," and len(tokens) <= 10:
            words = [text[a:b] for a, b in tokens]
            if not any(_clean(w) in _STOP_WORDS - {"by"} for w in words):
                return tokens[0][0], tokens[-1][1]  # "According to NHS figures released last week, …"
        if tokens and closing and (stop >= limit or text[stop] == ","):
            # The source closing its sentence is the phrase before any clause or participle describing it:
            # "according to exit polls reported by CNN", "… a new poll that shows …", "… returns released Monday".
            for i, (a, b) in enumerate(tokens[1:], 1):
                word = text[a:b]
                if _clean(word) in _SOURCE_ENDS or (word.islower() and _PARTICIPLE_END.search(word)):
                    tokens = tokens[:i]
                    break
            words = [text[a:b] for a, b in tokens]
            if len(tokens) <= 10 and _clean(words[-1]) not in _SOURCE_ENDS | _PREPOSITIONS | _DETERMINERS:
                a, b = tokens[-1]
                if text[b - 1] in ".!?" and not _DOTTED_FULL_RE.fullmatch(text[a:b]):
                    b -= 1
                return tokens[0][0], b
        return self._speaker_after(pos, limit, loose=True)

    def _subject(self, sent: Sentence, opener: bool = False) -> tuple[int, int] | None:
        """The subject at the start of a sentence (after an introductory phrase), strictly a name or role.

        With `opener` (a participle's speaker), also a pronoun after a sentence adverb or conjunction
        (`SUBJECT_OPENERS`: "Then he cut into Bush, calling him …"); a longer subject there was as often wrong
        as right on PolNeAR train.
        """
        text = self.text
        tokens = _tokens(text, sent.start, sent.end)
        if (
            opener
            and len(tokens) > 2
            and _clean(text[tokens[0][0] : tokens[0][1]]) in SUBJECT_OPENERS
            and _clean(text[tokens[1][0] : tokens[1][1]]) in PRONOUNS
        ):
            return tokens[1]  # "Then he cut into Bush, calling him …"
        if tokens and self._opening_phrase(tokens):
            # An opening phrase ends at a comma: the first after which a subject stands ("In a speech in Tolu on
            # Tuesday night, Mr. Roe struck a calm tone, saying …"; "In the debate, on TV, candidates …").
            ends = [i for i, (_a, b) in enumerate(tokens[:20]) if text[b - 1] == ","]
            for i in ends:
                if i + 1 < len(tokens) and _STATE_AFTER_CITY.fullmatch(text[tokens[i + 1][0] : tokens[i + 1][1]]):
                    continue  # "Monday in Lynchburg, VA, Dale Roe addressed …": the state is where, not who
                found = self._subject_at(tokens[i + 1 :])
                if found is not None:
                    return found
            if ends and ends[0] < 8:
                return None
        return self._subject_at(tokens)

    def _opening_phrase(self, tokens: list[tuple[int, int]]) -> bool:
        """Whether the sentence opens with a phrase before its subject: "In a speech …,", "Rallying workers …,"."""
        first = self.text[tokens[0][0] : tokens[0][1]]
        if _clean(first) in _CAP_STOP or _DAY_OPENING.fullmatch(first):
            return True
        following = self.text[tokens[1][0] : tokens[1][1]] if len(tokens) > 1 else ""
        return _OPENING_PARTICIPLE.fullmatch(first) is not None and following[:1].islower()

    def _subject_at(self, tokens: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The subject opening `tokens`, strictly a name or role (see `_subject`)."""
        text = self.text
        if tokens and self.quote_at(tokens[0][0]) is not None:
            return None  # `When he returned he began by saying, “I …`: no subject inside a quotation
        best: tuple[int, int] | None = None
        for n in range(1, min(len(tokens) - 1, 10) + 1):
            words = [text[a:b] for a, b in tokens[:n]]
            following = text[tokens[n][0] : tokens[n][1]]
            if _np_ok(words, loose=False) and following[:1].islower():
                best = (tokens[0][0], tokens[n - 1][1])
            elif (
                best is None
                and words[-1].endswith(",")
                and all(_is_cap(w) for w in words)
                and _np_ok([*words[:-1], words[-1][:-1]], loose=False)
            ):
                return tokens[0][0], tokens[n - 1][1] - 1  # "Ann Roe, the board's chair, praised …, saying …"
            elif (
                best is not None
                and _POSSESSIVE_END.search(text, best[0], best[1])
                and words[-1].endswith(",")
                and _clean(words[-1]) in KIN_WORDS
                and _np_ok([*words[:-1], words[-1][:-1]], loose=False)
            ):
                return tokens[0][0], tokens[n - 1][1] - 1  # "Roe's husband, Bill, hurled …, accusing": not Roe
        return best or self._described_subject(tokens)

    def _described_subject(self, tokens: list[tuple[int, int]]) -> tuple[int, int] | None:
        """A subject of an article and lower-case nouns before a verb: "The retired surgeon began by …"."""
        words = [_clean(self.text[a:b]) for a, b in tokens[:6]]
        if not words or words[0] not in {"the", "a", "an"}:
            return None
        for n in range(2, min(5, len(words))):
            verb = words[n]
            if verb in _SUBJECT_VERBS or (len(verb) > 4 and verb.endswith("ed")):
                nouns = words[1:n]
                if all(re.fullmatch(r"[a-z][a-z'’-]+", w) and w not in _NOT_DESCRIPTORS for w in nouns):
                    return tokens[0][0], tokens[n - 1][1]
                return None
        return None

    def _addressee(self, pos: int, limit: int) -> int | None:
        """End of the addressee after "told": "journalists", "the BBC", "a news conference", "him"."""
        m = re.match(r"\s+(him|her|them|us|me|you)\b", self.text[pos:limit])
        if m is not None:
            return pos + m.end()
        np = self._speaker_after(pos, limit, loose=False)
        return np[1] if np is not None else None
