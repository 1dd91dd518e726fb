"""The finder: reads each sentence, resolves each cue to speaker and content, joins continued quotations."""

from __future__ import annotations

import re

from extract.language.speech.candidates import SpeechCandidate, _Cue, _Raw
from extract.language.speech.narration import drop_narrated
from extract.language.speech.numbering import number
from extract.language.speech.patterns import (
    _APPOSITIVE_BEFORE_QUOTE,
    _AS_OPENING_RE,
    _COORDINATED_BEFORE_RE,
    _JOINED_ATTRIBUTION_RE,
    _PUNCT_ONLY_RE,
    _TOPIC_OR_MODIFIER_RE,
)
from extract.language.speech.phrases import _clean, _is_cap, _np_ok, _tokens
from extract.language.speech.quotes import _Quote
from extract.language.speech.screening import _Screening
from extract.language.speech.sentences import Sentence
from extract.language.speech.vocabulary import (
    _HEADLINE_LABELS,
    _NAME_CONNECTORS,
    ADDRESSEE_STOPS,
    ADDRESSEE_VERBS,
    INVERTIBLE_VERBS,
    LEADING_VERBS,
    NAMING_VERBS,
    PROMISING_VERBS,
    SOURCE_PHRASES,
    TRAILING_VERBS,
    WEAK_VERBS,
)

#: What may stand between an attribution's end and a relative cue its speaker says: `, who also`, `, who has`.
_RELATIVE_AFTER_ATTRIBUTION = re.compile(r"\s*,\s*who\s+(?:[a-z]+\s+){0,3}")
#: ... and what must follow its cue (but for "said"/"told"), so "who asked not to be named" or "who writes about …"
#: describes the speaker.
_THAT_OR_QUOTE = re.compile(r"\s+(?:that\b|[\"“‘'])")
#: Another quotation the same naming verb gives (`called him a "liar" and "a fraud"`), after the first.
_NAMING_MORE_RE = re.compile(r"\s*,?\s*(?:and|or)?\s*(?:an?|the)?\s*(?=[\"“'])")
#: What ends a naming verb's words after its quotation: an appositive or participle (`called it "a fraud," a sharp
#: dig`), a new verb or clause (`… "a fraud" and walked out`, `… "a fraud"; rivals …`); not more objects.
_NAMING_STOP_RE = re.compile(
    r"\s*(?:,\s*(?:an?|the|who|which|[a-z]+ing)\b|,?\s*(?:and|but)\s+(?:[a-z]+ed|he|she|they|it|we|i)\b|[;—–]|-\s)"
)
#: ... after a quotation closing on its own comma (`called it "a fraud," a sharp dig`).
_NAMING_STOP_AFTER_COMMA_RE = re.compile(r"\s*(?:an?|the|who|which|[a-z]+ing)\b")
#: An addressee the speaker-name reader does not read, up to the "that" opening what was told: "told
#: conservative radio host Ann Roe on Monday that …", "is telling diners at a popular cafe that …".
_ADDRESSEE_TO_THAT = re.compile(r"\s+((?:[\w.'’&-]+\s+){1,10}?)that\s")


class _Finder(_Screening):
    """Finds speech candidates in one text; see `find_speech`."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        # unclosed paragraph quotes: (span, last sentence, the quotation before, first sentence)
        self.pending: list[tuple[tuple[int, int], int, _Raw | None, int]] = []
        # closed bare quotes ending a quotation run over paragraphs: (span, last sentence, first sentence)
        self.closing: list[tuple[tuple[int, int], int, int]] = []

    # -- driver -------------------------------------------------------------------------------------------

    def run(self) -> list[SpeechCandidate]:
        """Read every sentence, then number the candidates in text order."""
        for sent in self.sentences:
            if sent.index in self.consumed:
                continue
            if self._continuation(sent):
                continue
            made = len(self.raws)
            self._read_sentence(sent)
            if len(self.raws) == made:
                self._opening_quote_continuation(sent)
        self._resolve_pending()
        return number(self.text, self.raws, self.sentence_of)

    # -- continuations ------------------------------------------------------------------------------------

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
        parent = previous[-1] if previous else None
        same_paragraph = parent is not None and "\n" not in self.text[parent.span[1] : quote.open]
        if not quote.closed and parent is not None and parent.kind == "direct" and same_paragraph:
            parent.join(span, last)  # `"Q1," X said. "Q2 …` running on into the next paragraph: one quotation
            self.consumed.update(range(sent.index, last + 1))
            return True
        if not quote.closed:
            # An unclosed paragraph quote runs on into the next one (news convention): decided in `run`.
            self.pending.append((span, last, previous[-1] if previous else None, sent.index))
            self.consumed.update(range(sent.index, last + 1))
            return True
        if self._is_bare_attribution(last + 1):
            return False  # `"Q." The mayor said.` attributes the quote itself
        if not previous and self._ends_run(sent.index - 1):
            self.closing.append((span, last, sent.index))  # the last paragraph of a run-on quotation, or one after it
            self.consumed.update(range(sent.index, last + 1))
            return True
        if not previous:
            return self._narrated_quote(sent, quote, span, last)
        parent = previous[-1]
        if parent.kind == "direct" and "\n" not in self.text[parent.span[1] : quote.open]:
            parent.join(span, last)  # the same paragraph: `"Q1," said X. "Q2."` is one quotation
            self.consumed.update(range(sent.index, last + 1))
            return True
        self.raws.append(_Raw(span, "direct", [], None, anchor=last, parent=previous[-1]))
        self.consumed.update(range(sent.index, last + 1))
        return True

    def _opening_quote_continuation(self, sent: Sentence) -> None:
        """A quotation opening a sentence of narration with no cue read continues the direct quotation before it.

        The one before must end the previous sentence of the same paragraph.
        `"Q1," said Ann Roe, an adviser. "Q2," which the state votes on in June.` / `… "Q2" in the debate that
        sank him.`: the same voice goes on, as a bare quotation sentence does (`_continuation`); only the quoted
        words are taken, as a piece of the one before.
        """
        pos = sent.start
        while pos < sent.end and self.text[pos] in "—–-•* ":
            pos += 1
        quote = self.quote_opening_at(pos)
        if quote is None or not self._said_clause(quote) or self.covered(quote.open, quote.end):
            return
        last = self.sentence_of(quote.end - 1)
        tail = self.sentences[last]
        if not re.search(r"\w", self.text[quote.end : tail.end]) or (
            last > sent.index and any(not c.skip and c.start >= quote.end for c in self._cues(tail))
        ):
            return
        previous = [r for r in self.raws if r.anchor == sent.index - 1]
        parent = previous[-1] if previous else None
        span = self._direct_span(quote)
        if parent is None or parent.kind != "direct" or "\n" in self.text[parent.span[1] : quote.open] or not span:
            return
        parent.join(span, last)
        self.consumed.update(range(sent.index + 1, last + 1))

    def _resolve_pending(self) -> None:
        """Attach each unclosed paragraph quote to the quotation that follows it, else to the one before.

        The one before may be an unclosed one too (a quotation run over three paragraphs); a closed bare quote
        ending such a run continues its last paragraph.
        """
        made: dict[int, _Raw] = {}  # the last sentence of each attached paragraph quote: its candidate
        for span, last, previous, first in self.pending:
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
            parent = parent or made.get(first - 1)
            opening = self._standalone_quote(first) if parent is None else None
            narrated = self._narrated(first - 1, opening[0]) if opening is not None else None
            if parent is not None:
                made[last] = _Raw(span, "direct", [], None, anchor=last, parent=parent)
                self.raws.append(made[last])
            elif narrated is not None:  # `Ann Roe paid tribute. ¶ "Q1 … ¶ "Q2."`: the subject speaks the run
                made[last] = _Raw(span, "direct", [narrated[1]], narrated[0], anchor=last)
                self.raws.append(made[last])
        for span, last, first in self.closing:  # in text order: a closed paragraph after a closing one continues it
            if first - 1 in made:
                made[last] = _Raw(span, "direct", [], None, anchor=last, parent=made[first - 1])
                self.raws.append(made[last])

    def _ends_run(self, index: int) -> bool:
        """Whether sentence `index` ends a paragraph of a quotation run not yet attached (`pending`, `closing`).

        `"Q1 ¶ "Q2." ¶ "Q3."`: the closed paragraph after the run's last one goes on in the same voice, as a
        closed bare quotation after an attributed one does (`_continuation`).
        """
        return any(p[1] == index for p in self.pending) or any(c[1] == index for c in self.closing)

    def _narrated_quote(self, sent: Sentence, quote: _Quote, span: tuple[int, int], last: int) -> bool:
        """A closed bare quotation after narration about one person: that person said it (`_narrated`)."""
        narrated = self._narrated(sent.index - 1, quote)
        if narrated is None:
            return False
        self.raws.append(_Raw(span, "direct", [narrated[1]], narrated[0], anchor=last))
        self.consumed.update(range(sent.index, last + 1))
        return True

    def bare_quotation(self, index: int) -> tuple[tuple[int, int], tuple[int, int], int] | None:
        """The bare quotation that makes up sentence `index` (and maybe the next ones) and may continue a statement.

        Returns the quotation's extent (marks included), the words quoted and its last sentence; None when the
        sentence is no quotation on its own, quotes no words, or is closed and attributed by the sentence after it
        (`"Q." The mayor said.`). `continuing` reads the learned finder's statements with it as `_continuation`
        reads the rules'.
        """
        found = self._standalone_quote(index)
        if found is None:
            return None
        quote, last = found
        span = self._direct_span(quote)
        if span is None or (quote.closed and self._is_bare_attribution(last + 1)):
            return None
        return (quote.open, quote.end), span, last

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
        last_clause_start = clause_start  # where the clause holding the last attribution began
        for k, cue in enumerate(cues):
            if cue.skip or cue.start < clause_start:
                continue
            if cue.relative and any(not c.skip and not c.relative for c in cues[k + 1 :]):
                continue  # "The mayor, who has denied wrongdoing, said …": the main verb is the cue
            # Source phrases right after an attribution belong to it: "said, as quoted by Politico".
            if (
                cue.lemma in SOURCE_PHRASES
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
            if (
                cue.relative
                and last_speaker is not None
                and _RELATIVE_AFTER_ATTRIBUTION.fullmatch(self.text, max(last_attr_end, 0), cue.start)
                and (cue.lemma in {"say", "tell"} or _THAT_OR_QUOTE.match(self.text, cue.end))
            ):
                cue.inherits = True  # `"Q," said Ann Roe, who added that …`: Ann Roe said that too
            limit = self._content_limit(sent, cue, cues[k + 1 :], clause_start)
            start = clause_start
            if last_raw is not None and (
                (cue.lemma in SOURCE_PHRASES and self._closes_reported(last_raw, cue))
                or (not cue.inherits and self._closes_attributed(sent, last_raw, cue))
            ):
                start = last_clause_start  # "X said Q, according to Y", "X told police Q, Y said": Y reports all
            raw = self._attribute(sent, cue, start, limit, last_speaker)
            if raw is None:
                continue
            last_clause_start = clause_start
            speaker, attr_end, made = raw
            last_speaker = speaker
            last_attr_end = attr_end
            if made:
                last_raw = made[-1]
            clause_start = max(clause_start, attr_end)
        self._colon_clause(sent)  # `X resisted: "Q."`, when no cue above made a candidate

    def _content_limit(self, sent: Sentence, cue: _Cue, later_cues: list[_Cue], clause_start: int) -> int:
        """Where a clause after a cue stops.

        That is before a cue inheriting its speaker ("…, adding that"), before a new attribution joined
        by a conjunction ("…, while France said …"), or at the comma that ends a subordinate clause holding
        the cue ("When X accused Y of Z, the crowd cheered": the main clause after it is the author's), unless a
        second verb of its speaker comes first ("When X referred to A and said B, …": A alone; train: 2 statements
        changed, 1 came to match, none stopped).
        """
        limit = sent.end
        if self._in_subordinate_opening(sent, cue):
            after = cue.end
            while after < sent.end and (self.text[after].isspace() or self.text[after] == ","):
                after += 1  # `When X said, "Q," …`: the comma before the quotation
            comma = self._comma_after(after, sent.end)
            if comma is not None:
                limit = comma
        for later in later_cues:
            if later.start >= limit:
                break
            if later.skip:
                continue
            if later.inherits and (limit == sent.end or _COORDINATED_BEFORE_RE.search(self.text, cue.end, later.start)):
                return later.start  # `When X referred to A and said B, …`: "said" is X's second verb, B its own
            if limit < sent.end:
                continue  # a subordinate opening's comma closes the clause before a new attribution could start
            found = self._speaker_before(sent, later, clause_start)
            if found is not None:
                joint = _JOINED_ATTRIBUTION_RE.search(self.text, clause_start, found[1])
                if joint is not None:
                    return joint.start()
                closing = self._closing_attribution(sent, later, found[1], clause_start)
                if closing is not None:
                    return closing
        return limit

    def _closing_attribution(self, sent: Sentence, later: _Cue, attr_start: int, clause_start: int) -> int | None:
        """The comma before `, X said (on Friday).` ending the sentence after an earlier cue, or None.

        "The friend told police Q, Sgt Roe said.": what the friend told police stops at the comma, and Roe
        reports the whole sentence (`_closes_attributed`).
        """
        j = self._skip_space_back(attr_start, clause_start)
        if j <= clause_start or self.text[j - 1] != "," or self.quote_at(j - 1) is not None:
            return None
        rest = self._skip_modifiers(later.end, sent.end)
        return j - 1 if not re.search(r"\w", self.text[rest : sent.end]) else None

    def _closes_attributed(self, sent: Sentence, last: _Raw, cue: _Cue) -> bool:
        """Whether `, X said.` closes a sentence whose clause before it is an attribution: `A told B Q, X said`."""
        if last.speaker is None or not last.speaker[1] <= last.span[0] < last.span[1] <= cue.start:
            return False
        found = self._speaker_before(sent, cue, last.span[1])
        return found is not None and self._closing_attribution(sent, cue, found[1], last.span[1]) == last.span[1]

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
        source_phrase = cue.lemma in SOURCE_PHRASES
        if source_phrase:
            if cue.form == "citing":
                return None
            closing = not self._only_punct_before(sent, cue.start, clause_start)
            speaker = self._source_after(cue.end, sent.end, closing=closing)
            speaker_after = True
        elif cue.inherits:
            speaker = last_speaker or self._subject(sent, opener=True)
        else:
            found = self._speaker_before(sent, cue, clause_start)
            named = self._closing_name(sent, cue, clause_start) if found is not None else None
            if named is not None:  # "…, which was not serious, said hospital director Ann Roe."
                speaker, speaker_after = named, True
            elif found is not None:
                speaker, attr_start = found
            elif cue.lemma in INVERTIBLE_VERBS and self._attribution_slot(cue.start, clause_start):
                speaker = self._speaker_after(cue.end, sent.end, loose=True, whole=True)
                speaker_after = speaker is not None
                if speaker is not None and self._starts_clause(speaker[1], sent.end):
                    # "Ann Roe, 21, a student, said she voted": "she" is the reported clause's subject.
                    speaker, speaker_after = None, False
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
            if addressee is None:
                addressee = self._addressee_to_that(cue.end, sent.end)
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
            follow = re.match(r"\s+(for|on|upon)\b", text[cue.end : sent.end]) if cue.lemma == "call" else None
            if follow is not None:
                cue.parts = [(cue.start, cue.end + follow.end())]
                pos = cue.end + follow.end()
            else:
                openings = re.compile(r"[\"“‘'«]").finditer(text, cue.end, min(limit, cue.end + 150))
                quote = next((q for m in openings if (q := self.quote_opening_at(m.start())) is not None), None)
                if quote is None or "," in text[cue.end : quote.open]:
                    return None
                content_start = self._skip_space(cue.end)  # the object named too: called the plan "a disaster"
                limit = self._naming_end(quote, limit)
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
        # `As X reported, CLAUSE`: the opening says what follows was said, as "that" does after a weak verb.
        as_opening = not speaker_after and _AS_OPENING_RE.fullmatch(text, clause_start, attr_start) is not None
        if (
            lead is not None
            and cue.lemma in WEAK_VERBS
            and not explicit
            and not as_opening
            and not self._opens_clause(lead[0])
            and not (cue.lemma in PROMISING_VERBS and re.match(r"\s*to\s+[a-z]", text[lead[0] : lead[0] + 8]))
        ):
            lead = None

        if cue.lemma in TRAILING_VERBS:
            lead = None
        trail = None
        if not cue.inherits and cue.lemma not in LEADING_VERBS:
            trail = self._trailing(sent, clause_start, attr_start, closing=lead is None)
        if source_phrase and trail is not None and not comma_follow:
            lead = None  # "CLAUSE, according to a poll that shows …": the source described, not what it says
        if trail is None and lead is not None and not explicit and self._after_quote_sentence(sent, attr_start, lead):
            lead = None  # `"Who are they?" X said of Apple in May.`: the quotation, its own sentence, was said


        made: list[_Raw] = []
        anchor_end = max(attr_end, cue.parts[-1][1])
        regions = self._choose(trail, lead, explicit, comma_follow, source_phrase or as_opening, speaker_after)
        for region, whole in regions:
            emitted = self._emit(region, cue, speaker, anchor_end, whole=whole)
            if whole and emitted and trail is not None and lead is not None:
                emitted[0].pieces = self._around(emitted[0].span, trail[1], lead[0])
            made += emitted
        if len(made) == 2 and made[0].kind == made[1].kind == "direct":  # `"Q1," X said, "Q2."`: one quotation
            self.raws.remove(made[1])
            made[0].join(made[1].span, made[1].anchor)
            made = made[:1]
        if not regions:
            made += self._orphan(sent, cue, speaker, clause_start, attr_start, attr_end)
        return speaker, attr_end, made

    def _naming_end(self, quote: _Quote, limit: int) -> int:
        """Where a naming verb's words end: after its quotation(s) when something else follows, else `limit`.

        The quotations are one or a chain joined by "and"/"or" (`called him a "moderate" and "a fraud"`); what
        follows them is an appositive, a participle or a new verb (`called it "a fraud," a subtle dig`,
        `called it "a fraud" and left`), not more of the object (`"a fraud" for the harbor`).
        """
        end = quote.end
        while (more := _NAMING_MORE_RE.match(self.text, end, limit)) is not None and more.end() > end:
            nxt = self.quote_opening_at(more.end())
            if nxt is None or not nxt.closed or nxt.end > limit:
                break
            end = nxt.end
        last = self.quote_at(end - 1)
        comma = last is not None and self.text[last.close - 1] == ","
        if end >= limit or not (
            _NAMING_STOP_RE.match(self.text, end, limit)
            or (comma and _NAMING_STOP_AFTER_COMMA_RE.match(self.text, end, limit))
        ):
            return limit
        return end

    def _addressee_to_that(self, pos: int, limit: int) -> int | None:
        """End of a longer addressee before "that" (`_ADDRESSEE_TO_THAT`), or None.

        Its words hold no pronoun, verb form or negation (`ADDRESSEE_STOPS`: "told them he knew that …" keeps
        its clause) and name no thing told ("told the story … that").
        """
        m = _ADDRESSEE_TO_THAT.match(self.text, pos, limit)
        if m is None:
            return None
        words = [_clean(w) for w in m.group(1).split()]
        if any(w in ADDRESSEE_STOPS or not re.search(r"\w", w) for w in words):
            return None
        return m.end(1) - 1 if self.text[m.end(1) - 1].isspace() else m.end(1)

    def _after_quote_sentence(self, sent: Sentence, attr_start: int, lead: tuple[int, int]) -> bool:
        """Whether an attribution opening its sentence follows a bare quotation and only modifiers follow it."""
        if sent.index == 0 or not self._only_punct_before(sent, attr_start, sent.start):
            return False
        found = self._standalone_quote(sent.index - 1)
        if found is None or "\n" in self.text[found[0].end : sent.start]:
            return False
        return _TOPIC_OR_MODIFIER_RE.match(self.text, self._skip_space(lead[0])) is not None

    def _around(self, span: tuple[int, int], before: int, after: int) -> list[tuple[int, int]]:
        """The two pieces of a clause around its attribution: "The deal, | officials said, | could be signed"."""
        end = before
        while end > span[0] and self.text[end - 1] in " ,":
            end -= 1
        return [(span[0], end), (self._skip_space(after), span[1])]


def find_rules(text: str) -> list[SpeechCandidate]:
    """Find candidate statements (quotations and reported speech) in news text with the hand-written rules.

    Args:
        text: The article text; every offset returned indexes into it.

    Returns:
        Candidates in text order, numbered from 1.
    """
    return drop_narrated(text, _Finder(text).run())
