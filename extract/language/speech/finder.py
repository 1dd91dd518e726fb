"""The finder: reads each sentence, resolves each cue to speaker and content, joins continued quotations.

One cue's speaker and content are `attributing`'s; this module drives the reading and joins quotations
continued over sentences and paragraphs.
"""

from __future__ import annotations

import re

from extract.language.speech.attributing import _Attributing
from extract.language.speech.candidates import SpeechCandidate, _Cue, _Raw
from extract.language.speech.narration import drop_narrated
from extract.language.speech.numbering import number
from extract.language.speech.patterns import _COORDINATED_BEFORE_RE, _JOINED_ATTRIBUTION_RE, _PUNCT_ONLY_RE
from extract.language.speech.phrases import _clean, _is_cap, _np_ok, _tokens
from extract.language.speech.quotes import _Quote
from extract.language.speech.sentences import Sentence
from extract.language.speech.vocabulary import _HEADLINE_LABELS, _NAME_CONNECTORS, SOURCE_PHRASES

#: What may stand between an attribution's end and a relative cue its speaker says: `, who also`, `, who has`.
_RELATIVE_AFTER_ATTRIBUTION = re.compile(r"\s*,\s*who\s+(?:[a-z]+\s+){0,3}")
#: ... and what must follow its cue (but for "said"/"told"), so "who asked not to be named" or "who writes about …"
#: describes the speaker.
_THAT_OR_QUOTE = re.compile(r"\s+(?:that\b|[\"“‘'])")


class _Finder(_Attributing):
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
        parent = self._voice_before(previous)
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

    def _voice_before(self, previous: list[_Raw]) -> _Raw:
        """The candidate of the sentence before that a bare quotation goes on from: its last, or a quotation's.

        `"Q1," X said, referring to Y. "Q2."`: Q2 goes on from Q1, not from the participle (an -ing cue) of the
        same speaker after it (PolNeAR train: 38 statements fewer, 21 false positives fewer, 6 matches lost); a
        coordinated verb (`described it as "late" and claimed …`) is no such participle.
        """
        k = len(previous) - 1
        while (
            k > 0
            and previous[k].kind != "direct"
            and previous[k].cue_parts
            and self.text[previous[k].cue_parts[0][0] : previous[k].cue_parts[0][1]].split()[0].endswith("ing")
            and previous[k].speaker is not None
            and previous[k].speaker == previous[k - 1].speaker
        ):
            k -= 1
        return previous[k]

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
        participle_speaker: tuple[int, int] | None = None  # "with Jo Roe tweeting …": for "and asking", not "and said"
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
            gerund = participle_speaker is not None and cue.form.split(" ", 1)[0].endswith("ing")
            raw = self._attribute(sent, cue, start, limit, participle_speaker if gerund else last_speaker)
            if raw is None:
                continue
            last_clause_start = clause_start
            speaker, attr_end, made = raw
            if cue.own_subject:
                participle_speaker = speaker
            elif not gerund:
                last_speaker, participle_speaker = speaker, None
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

def find_rules(text: str) -> list[SpeechCandidate]:
    """Find candidate statements (quotations and reported speech) in news text with the hand-written rules.

    Args:
        text: The article text; every offset returned indexes into it.

    Returns:
        Candidates in text order, numbered from 1.
    """
    return drop_narrated(text, _Finder(text).run())
