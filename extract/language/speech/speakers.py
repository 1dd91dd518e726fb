"""Speakers: the noun phrase before or after a cue, through appositives, relatives and titles.

The phrase after a cue, a source after "according to" and a sentence's subject are `speakers_after`'s.
"""

from __future__ import annotations

import re

from extract.language.speech.candidates import _Cue
from extract.language.speech.patterns import (
    _BARE_PLURAL_RE,
    _BOUNDARY_CHARS,
    _DATE_BEFORE_RE,
    _FINITE_VERB_RE,
    _PARTY_COMMA_RE,
    _PARTY_RE,
    _PRONOUN_CONTRACTED,
    _PUNCT_ONLY_RE,
    MANNER_ADVERB_RE,
)
from extract.language.speech.phrases import (
    _clean,
    _descriptors,
    _is_cap,
    _leading_name,
    _np_ok,
    _tokens,
)
from extract.language.speech.sentences import Sentence
from extract.language.speech.speakers_after import _SpeakersAfter
from extract.language.speech.vocabulary import (
    _CAP_STOP,
    _DETERMINERS,
    ADVERBS_AUX,
    PRONOUNS,
    ROLE_WORDS,
)

#: Relative pronouns opening a clause that describes the name before it: "Ann Roe, who chairs the board, said".
_RELATIVES = frozenset({"who", "whose", "whom", "which"})
#: A participle opening a phrase that describes the speaker ("speaking to", "clamoring to").
_PARTICIPLE = re.compile(r"[a-z]{2,}ing")
#: Words in -ing that are nouns, not participles: "a hearing on", "the polling in Florida".
_ING_NOUNS = frozenset(
    {"meeting", "hearing", "briefing", "polling", "funding", "spending", "ruling", "filing", "building", "training",
     "wedding", "evening", "morning", "thing", "something", "anything", "nothing", "everything", "king", "spring",
     "during", "including", "according", "regarding", "concerning", "following", "pending", "ceiling", "setting",
     "reporting", "testing", "planning", "rating", "ratings", "opening", "finding", "standing", "timing", "wing"}
)  # fmt: skip
#: What follows a participle that describes the speaker: "speaking to", "clamoring to block". Not "for": "lawyers
#: working for Ann Roe" speak for her, as "a spokeswoman for X" does.
_AFTER_PARTICIPLE = frozenset({"to", "with", "about", "on", "from", "against", "at", "in", "into"})
#: An appositive that gives a politician's party and state ("Bob Corker, Republican of Tennessee, said"): it
#: describes the name before it, it names no one.
_PARTY_APPOSITIVE = re.compile(
    r"(?:(?:Republican|Democrat|Democratic|Independent|Libertarian|Green)s?\s+(?:[A-Z][\w.'’-]*\s+)?(?:of|from)\s)",
)


def is_party_label(phrase: str) -> bool:
    """Whether a phrase gives a politician's party and state ("Republican of Tennessee"): it describes, never names."""
    return _PARTY_APPOSITIVE.match(phrase) is not None


class _Speakers(_SpeakersAfter):
    """Who spoke: the noun phrase an attribution names, found next to its cue."""

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
            elif (low in ADVERBS_AUX or MANNER_ADVERB_RE.fullmatch(word)) and not word.endswith(","):
                tokens.pop()  # "X also said", "X famously said"
            elif _PARTY_RE.fullmatch(word.removesuffix(",")) and len(tokens) > 1:
                tokens.pop()  # "Sen. Jason Holsman (D) said", "Gov. Jo Kade (R-OH), said": not part of the name
            elif _PARTY_COMMA_RE.fullmatch(word) and len(tokens) > 1 and text[tokens[-2][1] - 1] == ",":
                tokens.pop()  # "Rep. Ada Brun, D-Ore., said": so is a label between commas, and its comma
                tokens[-1] = (tokens[-1][0], tokens[-1][1] - 1)
            else:
                break
        contracted = _PRONOUN_CONTRACTED.fullmatch(text, *tokens[-1]) if tokens else None
        if contracted is not None:
            return (contracted.start(), contracted.end(1)), contracted.start()
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
            if (
                speaker is not None
                and _clean(text[speaker[0] : speaker[1]]) not in PRONOUNS
                and any(_clean(text[a:b]) == "who" for a, b in kept if b <= speaker[0])
            ):  # "Officials who spoke with The Courier said": the officials, not the paper
                speaker = self._relative_speaker(tokens, kept) or speaker
            if speaker is None and self._bare_plural(kept):
                speaker = (kept[0][0], kept[-1][1])  # "…, farmers said.", "Chinese traders say": a plural noun
            if speaker is None:
                speaker = self._relative_speaker(tokens, kept)
            if speaker is not None and kept[0][0] < speaker[0] and self._after_quotation(kept[0][0]):
                words = [text[a:b] for a, b in kept]
                before = sum(1 for _, b in kept if b <= speaker[0])
                if _descriptors(words) >= before and (
                    _is_cap(words[before])
                    or _clean(words[before]) in ROLE_WORDS
                    or (_descriptors(words[before:]) > 0 and any(map(_is_cap, words[before:])))
                ):  # `"Q," political scientist Ann Roe said`, `"Q," league commissioner Ann Roe said`
                    speaker = (kept[0][0], speaker[1])
            if speaker is not None:
                speaker = self._before_participle(speaker)
            return (speaker, speaker[0]) if speaker else None
        # "Carlos M. Pereira, the director of …, said": an appositive between the speaker and the cue.
        if not tokens or not text[tokens[-1][0] : tokens[-1][1]].endswith(","):
            return None
        end = tokens[-1][1] - 1
        quoted = [b for _, b in tokens if (q := self.quote_at(b - 1)) is not None and q.closed and q.end <= end]
        if quoted:  # `''Q,'' Ann Roe, a columnist, wrote`: the appositives follow the quotation
            start = self._skip_space(quoted[-1])
        parts = self._comma_parts(start, end)
        if len(parts) >= 3:  # "Paul Doe, a driver from Ava, Mo., who …, said": a chain of appositives
            named = self._named_head(parts[0])
            if named is not None:
                return named, named[0]
        found = self._appositive_speaker(start, end)
        if found is None and len(parts) >= 2:  # "Sen. Ann Roe (D-Mo.), who …, said"
            named = self._named_head(parts[0])
            if named is not None:
                return named, named[0]
        return found

    def _after_quotation(self, pos: int) -> bool:
        """Whether only a closed quotation and its comma come right before `pos` (`"Q," X said`)."""
        j = pos
        while j > 0 and self.text[j - 1].isspace():
            j -= 1
        if j > 0 and self.text[j - 1] == ",":
            j -= 1
        quote = self.quote_at(j - 1) if j > 0 else None
        return quote is not None and quote.closed and quote.end == j

    def _comma_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of `[start, end)` between commas outside quotations."""
        parts: list[tuple[int, int]] = []
        begin = start
        for pos in range(start, end):
            if self._clause_comma(pos) and self.quote_at(pos) is None:
                parts.append((begin, pos))
                begin = pos + 1
        parts.append((begin, end))
        return parts

    def _clause_comma(self, pos: int) -> bool:
        """Whether the character at `pos` is a comma between phrases, not inside a figure ("20,000 leaflets")."""
        text = self.text
        inside = 0 < pos < len(text) - 1 and text[pos - 1].isdigit() and text[pos + 1].isdigit()
        return text[pos] == "," and not inside

    def _last_clause_comma(self, start: int, end: int) -> int:
        """The last comma of `[start, end)` between phrases (`_clause_comma`), or -1."""
        comma = self.text.rfind(",", start, end)
        while comma >= 0 and not self._clause_comma(comma):
            comma = self.text.rfind(",", start, comma)
        return comma

    def _named_head(self, part: tuple[int, int]) -> tuple[int, int] | None:
        """The name a chain of appositives describes: the first stretch, when it is a capitalised name."""
        tokens = _tokens(self.text, *part)
        while tokens and _PARTY_RE.fullmatch(self.text[tokens[-1][0] : tokens[-1][1]]):
            tokens.pop()  # "Sen. Ann Roe (D-Mo.)": the party label is not part of the name
        words = [self.text[a:b] for a, b in tokens]
        if not words or len(words) > 6 or not _is_cap(words[0]) or not _is_cap(words[-1]):
            return None
        if not _np_ok(words, loose=False) or _clean(words[0]) in _DETERMINERS:
            return None
        return tokens[0][0], tokens[-1][1]

    def _appositive_speaker(self, start: int, end: int) -> tuple[tuple[int, int], int] | None:
        """The speaker around one appositive before the cue (`end` is the comma before it)."""
        text = self.text
        comma = self._last_clause_comma(start, end)
        if comma < 0:
            return None
        head = self._np_ending(_tokens(text, start, comma))
        appositive = _tokens(text, comma + 1, end)
        words = [text[a:b] for a, b in appositive]
        if head and self._party_label(appositive):
            return head, head[0]  # "Bob Corker, Republican of Tennessee, said": Corker
        if words and _is_cap(words[0]) and _is_cap(words[-1]) and _np_ok(words, loose=False):
            # "A Pentagon spokesman, Maj. Gen. Pat Ryder, said": the name is the speaker.
            return (appositive[0][0], appositive[-1][1]), head[0] if head else appositive[0][0]
        named = _leading_name(words)
        if named:  # "Her closest rival, Anouk Bellamy of the Verdesca team, said": the name before "of"
            lead = _tokens(text, start, comma)  # the phrase before the comma describes the speaker
            return (appositive[0][0], appositive[named - 1][1]), lead[0][0] if lead else appositive[0][0]
        if self._clause_between(appositive):
            return None  # "In a year when X resonates with voters, candidates have more room, said Ann Roe"
        if head and words and (
            words[0][0].islower()
            or words[0][0].isdigit()
            or _clean(words[0]) in _DETERMINERS
            or (_np_ok(words, loose=True) and not _is_cap(words[-1]))  # "Tad Devine, Sanders's chief strategist,"
        ):
            return head, head[0]
        return None

    def _clause_between(self, tokens: list[tuple[int, int]]) -> bool:
        """Whether the stretch between two commas before a cue is a clause, not an appositive describing a name.

        An appositive is a noun phrase ("a nurse from Tolu", "Sanders's chief strategist") or a relative clause
        ("who …"); lower-case words holding a finite verb ("candidates have more room to walk away") are the
        reported clause itself, so the phrase before them is no speaker.
        """
        if not tokens:
            return False
        first = _clean(self.text[tokens[0][0] : tokens[0][1]])
        if not first[:1].islower() or first in _DETERMINERS or first in _RELATIVES:
            return False
        return _FINITE_VERB_RE.search(self.text, tokens[0][0], tokens[-1][1]) is not None

    def _before_participle(self, span: tuple[int, int]) -> tuple[int, int]:
        """The speaker without a participle phrase that names someone else: "a source speaking to Fox News".

        What follows the participle describes the speaker; a name in it ("Fox News", "Donald Trump" in "activists
        clamoring to block Donald Trump") is not who spoke. Unchanged when no capitalised word follows.
        """
        tokens = _tokens(self.text, *span)
        words = [self.text[a:b] for a, b in tokens]
        for i in range(1, len(words) - 1):
            if (
                _PARTICIPLE.fullmatch(words[i])
                and words[i] not in _ING_NOUNS
                and _clean(words[i + 1]) in _AFTER_PARTICIPLE
                and any(_is_cap(w) for w in words[i + 1 :])
                and _np_ok(words[:i], loose=True)
            ):
                return tokens[0][0], tokens[i - 1][1]
        return span

    def _party_label(self, tokens: list[tuple[int, int]]) -> bool:
        """Whether `tokens` give a politician's party and state: "Republican of Tennessee"."""
        return is_party_label(" ".join(self.text[a:b] for a, b in tokens))

    def _bare_plural(self, kept: list[tuple[int, int]]) -> bool:
        """Whether the slot before a cue is a plural noun alone or after a proper adjective ("Chinese traders")."""
        words = [self.text[a:b] for a, b in kept]
        if not words or len(words) > 3 or not _BARE_PLURAL_RE.fullmatch(words[-1]):
            return False
        return all(_is_cap(w) and _clean(w) not in _CAP_STOP for w in words[:-1])

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
                    if text[b - 1] != "," or not self._party_label(phrase):
                        break
                    phrase = []  # "Jeff Flake, Republican of Arizona, who": the name before the party label
                phrase.insert(0, (a, b - 1) if not phrase else (a, b))
            return self._np_ending(phrase) if phrase else None
        return None

    def _np_ending(self, tokens: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The longest speaker noun phrase (at most 12 words) ending with the last of `tokens`."""
        first = max(0, len(tokens) - 12)
        for k in range(len(tokens) - 1, first - 1, -1):
            if self.quote_at(tokens[k][1] - 1) is not None:
                first = k + 1  # never across a quotation mark: `''…, Marco Lund,'' Mr. Conant` is not one name
                break
        for i in range(first, len(tokens)):
            words = [self.text[a:b] for a, b in tokens[i:]]
            if any(not w or w[-1] in _BOUNDARY_CHARS for w in words):
                continue
            if _np_ok(words, loose=True):
                return tokens[i][0], tokens[-1][1]
        return None
