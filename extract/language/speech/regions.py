"""Content regions: the clause an attribution introduces or closes, trimmed to the words said."""

from __future__ import annotations

import re

from extract.language.speech.candidates import Kind, _Cue, _Raw
from extract.language.speech.patterns import (
    _CHAIN_STARTS,
    _COLON_RE,
    _DATE_RE,
    _DATELINE_RE,
    _FINITE_VERB_RE,
    _FINITE_VERBS,
    _INTRO_WORDS,
    _MEDIUM_RE,
    _MIDDLE_RE,
    _MODIFIER_START_RE,
    _NARRATION_RESUMES_AFTER_CUE_RE,
    _NARRATION_RESUMES_RE,
    _PARTICIPLE_RE,
    _PAST_PARTICIPLE_PHRASE_RE,
    _QUOTE_CHARS,
    _SUBJECT_AND_VERB_RE,
    _SUBJECT_PRONOUNS,
    _THAT_RE,
    _TRAILING_JOIN_RE,
)
from extract.language.speech.phrases import _clean, _tokens
from extract.language.speech.quotes import _Quote
from extract.language.speech.sentences import _DOTTED_FULL_RE, Sentence
from extract.language.speech.text import _Text
from extract.language.speech.vocabulary import (
    _CAP_STOP,
    _DETERMINERS,
    _FORM_TO_LEMMA,
    _OPENINGS,
    _PREPOSITIONS,
    _STOP_WORDS,
    _SUBJECT_VERBS,
    _SUBORDINATORS,
)

#: Words opening an adjunct after a quotation that is the whole object of its cue: `yelled "Q" at the mayor`,
#: `said "Q" when asked about it`, `chanting "Q" until the police came`. The words after are the author's.
_ADJUNCT_AFTER_QUOTE = _SUBORDINATORS | {"at", "during", "amid", "following", "upon"}
#: Conjunctions opening the rest of a clause after an attribution set off inside it: "There is no risk, union
#: leaders insist, because the deal is signed"; "Raise fares, they said, and you lose the riders".
_GOES_ON_AFTER_ATTRIBUTION = frozenset({"and", "but", "because", "so", "or", "since", "although", "though", "unless",
                                        "yet", "until", "rather", "not", "nor"})
#: A gerund as the object of a preposition, the first item of a list: "of covering up,", "for raising taxes,".
_GERUND_OBJECT_RE = re.compile(r"\b(?:of|for|by)\s+[a-z]+ing\b[^,;:.\"“”]{0,40},$")
#: The rest of a list of gerunds after a comma: "delaying, and withholding", "cutting jobs or raising".
_GERUND_LIST_RE = re.compile(r"(?:\s+[a-z]+ing\b(?:\s+[a-z]+){0,3},?)+\s+(?:and|or)\s+[a-z]+ing\b")
#: Words of `_CAP_STOP` that can stand alone as a subject: "That, they say, will be easier".
_SUBJECT_WORDS = frozenset({"that", "what", "this", "there", "here", ""})
#: Words opening what follows a cue when it is the saying's occasion, not what was said: "said in April while
#: promoting a film", "noted during the hearing" (a clause after "that" is read before: `_leading`). "of", "as"
#: and "when" open contents of other verbs ("warned of", "described as", "asked when"): measured worse.
_OCCASION_AFTER_CUE = frozenset({"while", "amid", "during"})
#: A stretch's opening lower-case word (`_clause_goes_on`, `_occasion`).
_OPENING_WORD_RE = re.compile(r"\s*([a-z]+)\b")
#: A relative clause holding the cue: `Ann Roe, who said A, left early` (its speaker's own clause goes on after it).
_RELATIVE_BEFORE_CUE_RE = re.compile(r"[,—–-]\s*(?:who|which)\s+(?:[a-z]+\s+){0,2}$")
#: The comma closing such a relative clause, the main clause's verb after it (`…, left early`, `…, is now mayor`).
_RELATIVE_CLOSES_RE = re.compile(
    r"(?P<end>,(?:''|[”\"’'])?)\s+(?=(?:"
    + "|".join(
        [_MIDDLE_RE.pattern, *_FINITE_VERBS, *sorted(_SUBJECT_VERBS), *sorted(_FORM_TO_LEMMA, key=len, reverse=True)]
    )
    + r")\b)"
)


class _Regions(_Text):
    """Where what was said begins and ends around an attribution."""

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

    def _in_subordinate_opening(self, sent: Sentence, cue: _Cue) -> bool:
        """Whether the cue lies in a clause or phrase opening its sentence, before its first comma.

        "When X accused Y of Z, …", "In her statement condemning the test, X …".
        """
        words = [_clean(self.text[a:b]) for a, b in _tokens(self.text, sent.start, min(cue.start, sent.start + 40))]
        if words[:1] and words[0] in {"and", "but", "so", "yet"}:
            words = words[1:]
        return bool(words) and words[0] in _OPENINGS and self._comma_after(sent.start, cue.start) is None

    def _comma_after(self, start: int, end: int) -> int | None:
        """Where a clause ends at a comma in `[start, end)`.

        The first comma outside quotations and numbers ("2,400"), or the end of a quotation closing on one
        (`"We will win," the crowd …`).
        """
        text = self.text
        pos = text.find(",", start, end)
        while pos >= 0:
            quote = self.quote_at(pos)
            if quote is None and not (text[pos - 1 : pos].isdigit() and text[pos + 1 : pos + 2].isdigit()):
                return pos
            if quote is not None and quote.closed and quote.close == pos + 1:
                return quote.end
            pos = text.find(",", pos + 1, end)
        return None

    def _opens_clause(self, pos: int) -> bool:
        """Whether a clause starts `text[pos:]`: "suggested she would run", "predicted the party would lose"."""
        word = re.match(r"\s*([A-Za-z]+)\b", self.text[pos : pos + 20])
        if word is not None and word.group(1).lower() in _SUBJECT_PRONOUNS:
            return True
        return _SUBJECT_AND_VERB_RE.match(self.text, pos, pos + 80) is not None

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

    def _closes_reported(self, last: _Raw, cue: _Cue) -> bool:
        """Whether a source phrase closes a clause that is itself an attribution: `X said Q, according to Y`.

        The last candidate's speaker comes before its content and its content runs to the comma before the
        phrase, so the source reports the whole clause, speaker and cue included, as PolNeAR annotates it.
        """
        if last.speaker is None or not last.speaker[1] <= last.span[0] < last.span[1] <= cue.start:
            return False  # not "X said Q" before the phrase: "X reported that, according to Y, Q" is Y's Q
        return re.fullmatch(r"[\s,\"”’'.]*", self.text[last.span[1] : cue.start]) is not None

    def _trailing(
        self, sent: Sentence, clause_start: int, attr_start: int, closing: bool = False
    ) -> tuple[int, int] | None:
        """The clause before an attribution set off by a comma or a closing quote: `CLAUSE, X said`.

        With `closing` (nothing follows the attribution), also `CLAUSE, as X put it.`
        """
        text = self.text
        j = self._skip_space_back(attr_start, clause_start)
        if closing and text[max(clause_start, j - 3) : j].lower() == " as":
            j = self._skip_space_back(j - 2, clause_start)  # `"Q," as Ann Roe put it`
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
        if (
            quote is not None
            and quote.closed
            and quote.end == end
            and start < quote.open
            and re.search(r"[:(]\s*$", text[start : quote.open])
            and self.quote_at(quote.open - 1) is None
        ):
            return quote.open, end  # `NARRATION: "Q," he said.`: the narration before the colon is the author's
        opened = self.quote_at(start)
        if opened is not None and opened.open < start:
            start = opened.open  # a quotation that began in an earlier sentence: `"Q1. Q2," he said.`
        elif start == sent.start and sent.index > 0:
            inside = self.quote_at(end - 1)
            if inside is not None and inside.open < start:
                start = inside.open
        return (start, end) if re.search(r"\w", text[start:end]) else None

    def _clause_goes_on(self, trail: tuple[int, int], lead: tuple[int, int]) -> bool:
        """Whether a clause before a set-off attribution goes on after it: `A, X said, and/because B`.

        The words after open with a conjunction (`_GOES_ON_AFTER_ATTRIBUTION`) and the words before are a clause
        (a finite verb, no subordinate or prepositional opening, not a whole quotation: `"Q," X said, but she
        added …` goes on in the author's words): both are what was said.
        """
        return (
            self._opening_word(lead) in _GOES_ON_AFTER_ATTRIBUTION
            and _FINITE_VERB_RE.search(self.text, trail[0], trail[1]) is not None
            and not self._adverbial(trail)
            and not self._quoted(trail)
        )

    def _sentence_adverb(self, region: tuple[int, int]) -> bool:
        """Whether a stretch is one adverb opening a sentence ("Rather", "Ultimately"): no subject for the verb after.

        `Rather, he said, continued delays will …`: "continued" opens the clause said; it does not go on with "Rather".
        """
        words = self.text[region[0] : region[1]].split()
        word = _clean(words[0]) if len(words) == 1 else ""
        return word not in _SUBJECT_WORDS and (word in _CAP_STOP | {"rather"} or word.endswith("ly"))

    def _occasion(self, region: tuple[int, int]) -> bool:
        """Whether the words after a cue open with the saying's occasion (`_OCCASION_AFTER_CUE`): nothing said."""
        return self._opening_word(region) in _OCCASION_AFTER_CUE

    def _opening_word(self, region: tuple[int, int]) -> str | None:
        """The lower-case word a stretch opens with (after spaces), or None when it opens otherwise."""
        word = _OPENING_WORD_RE.match(self.text[region[0] : region[0] + 20])
        return word.group(1) if word is not None else None

    def _clause(self, region: tuple[int, int]) -> bool:
        """Whether a stretch holds a clause (a finite verb) or a quotation: something said, not a description."""
        stretch = self.text[region[0] : region[1]]
        return _FINITE_VERB_RE.search(stretch) is not None or any(ch in _QUOTE_CHARS for ch in stretch)

    def _adverbial(self, region: tuple[int, int]) -> bool:
        """Whether a stretch before a speaker, of any length, opens with a preposition or subordinator.

        Beside a clause after the cue it sets the scene ("On a swing through the state before the primary,
        she said …"); it is not itself what was said.
        """
        stretch = self.text[region[0] : region[1]]
        words = stretch.split()
        if not words or any(ch in _QUOTE_CHARS for ch in stretch):
            return False
        return _clean(words[0]) in _PREPOSITIONS or self._subordinate(region)

    def _subordinate(self, region: tuple[int, int]) -> bool:
        """Whether a stretch opens with a subordinating conjunction: a clause that needs the one after it."""
        words = self.text[region[0] : region[1]].split()
        return (
            bool(words)
            and _clean(words[0]) in _SUBORDINATORS
            and not any(ch in _QUOTE_CHARS for ch in self.text[region[0] : region[1]])
        )

    def _is_intro(self, region: tuple[int, int], finite: bool = True) -> bool:
        """Whether the stretch before a speaker is an introductory phrase rather than a reported clause.

        With `finite`, a stretch with a finite verb is a clause (`It is over, she said.`); without it (the
        clause goes on after the attribution: "It was, he said, a failure") the verb may be the clause's start.
        """
        stretch = self.text[region[0] : region[1]]
        words = stretch.split()
        if not words or len(words) > 8 or any(ch in _QUOTE_CHARS for ch in stretch):
            return False
        first = _clean(words[0])
        if finite and first not in _OPENINGS and not first.endswith(("ing", "ed")) and _FINITE_VERB_RE.search(stretch):
            return False  # "It is over, she said", "But he wants more, she said": a clause, said
        if len(words) <= 3:  # "Back in April", "This month": too short to be what someone said
            return True
        return first in _CAP_STOP or first in _INTRO_WORDS or first.endswith("ing") or first in _PREPOSITIONS

    def _content(
        self, region: tuple[int, int], whole: bool, after_cue: bool = False, relative: bool = False
    ) -> tuple[tuple[int, int], Kind] | None:
        """Trim a region to its content and classify it; None when nothing worth reporting is left.

        `after_cue`: the region follows its cue (`X said CLAUSE`), where a joined second clause is narration;
        `relative`: the cue opens a relative clause (`X, who said CLAUSE, left`), which a comma and a verb close.
        """
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
        end = self._said_until(start, start + len(text[start:end].rstrip()), after_cue)
        if relative:
            end = self._said_until(start, end, pattern=_RELATIVE_CLOSES_RE)
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
        if quote is not None and after_cue and quote.closed and quote.end < end and self._adjunct_at(quote.end):
            end = quote.end  # `yelled "Q" at the mayor during the meeting`: only the quotation was said
        if quote is not None and quote.end == end:
            span = self._direct_span(quote)
            return (span, "direct") if span else None
        if len(re.findall(r"\w+", text[start:end])) < 2:
            return None
        return (start, end), "indirect"

    def _adjunct_at(self, pos: int) -> bool:
        """Whether an adjunct about the saying opens at `pos` (`_ADJUNCT_AFTER_QUOTE`), maybe after a comma."""
        word = re.match(r"[\s,]*([a-z]+)\b", self.text[pos : pos + 24])
        return word is not None and word.group(1) in _ADJUNCT_AFTER_QUOTE

    def _said_until(self, start: int, end: int, after_cue: bool = False, pattern: re.Pattern[str] | None = None) -> int:
        """Where what was said in `text[start:end]` stops: before the narration takes over (`_NARRATION_RESUMES`).

        Only outside quotation marks: inside them every word was said. `pattern` replaces the narration's.
        """
        if pattern is None:
            pattern = _NARRATION_RESUMES_AFTER_CUE_RE if after_cue else _NARRATION_RESUMES_RE
        for m in pattern.finditer(self.text, start, end):
            stop = m.end("end")
            inside = self.quote_at(stop - 1)
            if self._gerund_list(start, stop):
                continue  # `accused X of covering up, delaying, and withholding facts`: one list of deeds
            if self.quote_at(stop) is None and (inside is None or inside.end == stop):
                return stop
        return end

    def _gerund_list(self, start: int, comma_end: int) -> bool:
        """Whether the participle after a comma is the next item of a list of gerunds that began before it.

        `of covering up, delaying, and withholding facts`: a gerund after "of", "for" or "by" before the comma,
        and the list closing with "and" or "or" and a gerund after it.
        """
        before = _GERUND_OBJECT_RE.search(self.text, max(start, comma_end - 60), comma_end)
        return before is not None and _GERUND_LIST_RE.match(self.text, comma_end) is not None

    def _quoted(self, region: tuple[int, int]) -> bool:
        """Whether a region is a quotation (it opens with a quotation mark that closes at its end or later)."""
        quote = self.quote_opening_at(self._skip_space(region[0]))
        return quote is not None and quote.end >= region[0] + len(self.text[region[0] : region[1]].rstrip())

    def _direct_span(self, quote: _Quote) -> tuple[int, int] | None:
        """The words inside a quotation, without the marks, surrounding spaces or a trailing comma."""
        start, end = quote.inner, quote.close
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ",;:"):
            end -= 1
        return (start, end) if re.search(r"\w", self.text[start:end]) else None

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
        if lead is not None and not explicit and not comma_follow and not source_phrase and self._occasion(lead):
            lead = None  # `CLAUSE, as X said in April while promoting a film`: the clause before was said
        if lead is not None and comma_follow:
            first = self.text[self._skip_space(lead[0]) :]
            if _PARTICIPLE_RE.match(first) or (
                trail is not None and self._quoted(trail) and _PAST_PARTICIPLE_PHRASE_RE.match(first)
            ):  # "Sales were good, he said, wiping his face"; `"Q," she said, flanked by X`: the author's narration
                return [(trail, False)] if trail is not None else []
            if trail is None:  # "According to X, CLAUSE"; `X said, "Q"`
                quoted = self.quote_opening_at(self._skip_space(lead[0])) is not None
                return [(lead, False)] if source_phrase or quoted else []
            quoted = self.quote_opening_at(self._skip_space(lead[0])) is not None
            if quoted and not self._is_intro(trail, finite=False) and not self._adverbial(trail):
                return [(trail, False), (lead, False)]  # `"Q1," X said, "Q2."`
            if quoted and not self._quoted(trail):
                return [(lead, False)]  # `In May, as the crowd booed, X said, "Q."`: narration, then the quotation
            if (
                not quoted
                and (
                    _MIDDLE_RE.match(first)
                    or (self._subordinate(trail) and len(self.text[trail[0] : trail[1]].split()) > 3)
                )
                and (source_phrase or not speaker_after)
                and not self._sentence_adverb(trail)
            ):
                # "The deal, officials said, could be signed …"; "While X rose, she said, Y fell."
                return [((trail[0], lead[1]), True)]
            if not quoted and not speaker_after and self._clause_goes_on(trail, lead):
                return [((trail[0], lead[1]), True)]  # "Raise fares, they said, and you lose the riders"
            if self._is_intro(trail, finite=False):
                return [(lead, False)]  # `Taking it in, X said, "Q."`; "And yet, X said, the talks failed"
            return [(trail, False)]
        if trail is not None and lead is not None:
            opens = self._skip_space(lead[0])
            if self._quoted(trail) and self.quote_opening_at(opens) is not None and self.text[opens - 1] != ",":
                # `"Q," X says in the spot titled "Z."`, `"Q," said Ann Roe of the "Daily Show."`: a quotation
                # not set off by a comma names something; the quotation before was said
                return [(trail, False)]
            if explicit or self._is_intro(trail) or self._adverbial(trail):
                return [(lead, False)]  # "On Tuesday, X said that …"; "While in Tolu last week, X said …"
            quote = self.quote_opening_at(self._skip_space(trail[0]))
            if quote is not None and quote.end >= trail[1]:
                return [(trail, False)]  # `"Q," X said about halfway through the debate.`
            if _MODIFIER_START_RE.match(self.text[opens:]):
                return [(trail, False)]  # "CLAUSE, X said in a long post …"
            if not self._clause(trail) and self._opens_clause(opens):
                return [(lead, False)]  # "A rumpled figure in a grey coat, Bob said he arrived …": no clause before
            return [(trail, False), (lead, False)]  # ambiguous: keep both, recall first
        if trail is not None:
            return [] if self._is_intro(trail) else [(trail, False)]  # "In a statement, X said:" + quote
        if lead is not None:
            return [(lead, False)]
        return []
