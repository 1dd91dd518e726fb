"""The candidates as the finder makes them: a content region or a bare quotation turned into a candidate."""

from __future__ import annotations

import re

from extract.language.speech.candidates import _Cue, _Raw
from extract.language.speech.patterns import _PUNCT_ONLY_RE, _QUOTE_CHARS
from extract.language.speech.phrases import _clean, _np_ok, _tokens
from extract.language.speech.quotes import _Quote
from extract.language.speech.regions import _RELATIVE_BEFORE_CUE_RE, _Regions
from extract.language.speech.sentences import Sentence, title_case
from extract.language.speech.speakers import _Speakers
from extract.language.speech.vocabulary import _CAP_STOP, _DETERMINERS, ADVERBS_AUX, BE_FORMS, PRONOUNS

#: A capitalised word of a name; a name's possessive (`Bush's`), its owner in group `name`.
_NAME_WORD_RE = re.compile(r"[A-Z][\w.-]*")
_OWNER_RE = re.compile(r"(?P<name>[A-Z][\w.-]*)['’]s")
#: A signature line: a dash, a name of capitalised words, and maybe a comma and what describes it.
_SIGNATURE_RE = re.compile(r"(?:--|[-—–])\s*(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4})(?:,[^\n]*)?\.?")
#: Words that can open a sentence before its subject: `And then X went on the attack, saying, "Q."`.
_LEADING_LINKS = frozenset({"and", "but", "so", "then", "yet", "later", "still", "also", "now"})
#: What follows a subject before its verb: the verb at once, in lower case ...
_VERB_AFTER_SUBJECT = re.compile(r"\s+[a-z]")
#: ... or after a short appositive set off by commas that opens as a noun phrase or a relative clause does (`Ann
#: Roe, a nurse herself, e-mailed this:`, `Roe, 45, wrote:`; not `Wait, it gets better, much better:`), when what
#: follows the colon is a clause said (`_said_words`), not a phrase (`Third, the ad feeds a theme: "the media …"`).
_VERB_AFTER_APPOSITIVE = re.compile(
    r"\s*,\s*(?:(?:a|an|the|his|her|their|its|who|whose|now|then|once)\b|\d|[A-Z])[^,:;\"“”\n]{0,50},\s+[a-z]"
)
#: At most this many words after a quotation name its speaker and verb: `"Q!" the crowd screamed back.`
_TAIL_WORDS = 6


class _Emitting(_Regions, _Speakers):
    """The candidates found so far, and the sentences they took whole."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.raws: list[_Raw] = []
        self.consumed: set[int] = set()  # sentences wholly taken by an earlier candidate
        self._named: dict[str, bool] = {}  # `_named_again`'s answers by word

    def covered(self, start: int, end: int) -> bool:
        """Whether an existing candidate's span overlaps `[start, end)`."""
        return any(r.span[0] < end and start < r.span[1] for r in self.raws)

    def _standalone_quote(self, index: int) -> tuple[_Quote, int] | None:
        """The quotation making up sentence `index` (and maybe the next ones) on its own, with its last one."""
        if index >= len(self.sentences):
            return None
        sent = self.sentences[index]
        pos = sent.start
        while pos < sent.end and self.text[pos] in "—–-•* ":
            pos += 1
        quote = self.quote_opening_at(pos)
        if quote is None:
            return None
        last = self.sentence_of(max(quote.end - 1, quote.open))
        tail = self.text[quote.end : self.sentences[last].end]
        if not _PUNCT_ONLY_RE.fullmatch(tail):
            return None
        return quote, last

    def _emit(
        self,
        region: tuple[int, int],
        cue: _Cue,
        speaker: tuple[int, int],
        attr_end: int,
        whole: bool = False,
    ) -> list[_Raw]:
        """Turn a content region into a candidate (direct if it is exactly one quotation)."""
        after_cue = region[0] >= cue.end
        relative = (
            after_cue and _RELATIVE_BEFORE_CUE_RE.search(self.text, max(0, cue.start - 60), cue.start) is not None
        )
        content = self._content(region, whole, after_cue=after_cue, relative=relative)
        if content is None:
            return []
        span, kind = content
        anchor = self.sentence_of(max(span[1], attr_end) - 1)
        raw = _Raw(span, kind, list(cue.parts), speaker, anchor=anchor)
        self.raws.append(raw)
        return [raw]

    def _orphan(
        self,
        sent: Sentence,
        cue: _Cue,
        speaker: tuple[int, int],
        clause_start: int,
        attr_start: int,
        attr_end: int,
    ) -> list[_Raw]:
        """An attribution with nothing to attribute in its sentence: take the bare quote before or after."""
        if self.text[attr_end : sent.end].strip() == ":":  # "X said:" then the quotation
            found = self._standalone_quote(sent.index + 1)
            if found is not None:
                quote, last = found
                span = self._direct_span(quote)
                if span is not None and not self.covered(quote.open, quote.end):
                    raw = _Raw(span, "direct", list(cue.parts), speaker, anchor=last)
                    self.raws.append(raw)
                    self.consumed.update(range(sent.index + 1, last + 1))
                    return [raw]
        if self._only_punct_before(sent, attr_start, clause_start) and sent.index > 0:
            for index in range(sent.index - 1, max(-1, sent.index - 4), -1):
                found = self._standalone_quote(index)
                if found is not None and found[1] == sent.index - 1:
                    quote = found[0]
                    span = self._direct_span(quote)
                    if span is not None and not self.covered(quote.open, quote.end):
                        raw = _Raw(span, "direct", list(cue.parts), speaker, anchor=sent.index)
                        self.raws.append(raw)
                        return [raw]
                    break
        return []

    def _colon_clause(self, sent: Sentence) -> list[_Raw]:
        """A quotation its shape alone attributes, when no cue made a candidate: after a colon, or set off by a comma.

        (The finder calls it by this name; `_colon_quote`, `_set_off_quote` and `_signed_quote` are the shapes.)
        """
        return self._colon_quote(sent) or self._set_off_quote(sent) or self._signed_quote(sent)

    def _colon_quote(self, sent: Sentence) -> list[_Raw]:
        """A clause ending in a colon before a quotation, its subject the speaker, when no cue of the table is read.

        `Ann Roe resisted: "Q."`, `The mayor issued the following statement:` and the quotation as the next
        paragraph: news introduces a quotation so, whatever the verb. The colon is the cue, as in a headline.
        """
        text = self.text
        colon = text.rfind(":", sent.start, sent.end)
        if colon < 0 or self.quote_at(colon) is not None or any(r.anchor == sent.index for r in self.raws):
            return []
        if any(text[i] in _QUOTE_CHARS and self.quote_at(i) is not None for i in range(sent.start, colon)):
            return []  # a quotation before the colon (an apostrophe of "Bush's" is none)
        quote = self.quote_opening_at(self._skip_space(colon + 1))
        last = sent.index
        if quote is not None:
            if not _PUNCT_ONLY_RE.fullmatch(text[quote.end : self.sentences[self.sentence_of(quote.end - 1)].end]):
                return []
            last = self.sentence_of(quote.end - 1)
        elif not text[colon + 1 : sent.end].strip():
            found = self._standalone_quote(sent.index + 1)
            if found is None:
                return []
            quote, last = found
        else:
            return []
        clause = self._said_clause(quote)
        speaker = self._source_before_colon(sent, colon, dashed=True) if clause else None
        if speaker is None:
            speaker = self._subject(sent)
            verb = speaker is not None and (
                _VERB_AFTER_SUBJECT.match(text, speaker[1], colon) is not None
                or (self._said_words(quote) is not None and _VERB_AFTER_APPOSITIVE.match(text, speaker[1], colon))
            )
            if speaker is not None and speaker[1] <= colon and not verb:
                speaker = None  # the subject's verb follows it: "Wait, it gets better:" has no speaker
        if speaker is None and clause:
            speaker = self._source_before_colon(sent, colon, dashed=False)
        span = self._direct_span(quote)
        if speaker is None or speaker[1] > colon or span is None or self.covered(quote.open, quote.end):
            return []
        raw = _Raw(span, "direct", [(colon, colon + 1)], speaker, anchor=last)
        self.raws.append(raw)
        self.consumed.update(range(sent.index + 1, last + 1))
        return [raw]

    def _source_before_colon(self, sent: Sentence, colon: int, dashed: bool) -> tuple[int, int] | None:
        """Whose words a colon introduces when no subject speaks.

        With `dashed`, a name set off by a dash right before the colon (`… - Ann Roe:`, as a blog lists its
        sources); else the owner named in `From Roe's post:`.
        """
        text = self.text
        tokens = _tokens(text, sent.start, colon)

        def name(t: tuple[int, int]) -> bool:
            return _NAME_WORD_RE.fullmatch(text, *t) is not None and _clean(text[t[0] : t[1]]) not in _CAP_STOP

        if dashed:
            n = 0
            while n < min(4, len(tokens)) and name(tokens[-1 - n]):
                n += 1
            if n < 2 or n == len(tokens) or text[tokens[-1 - n][0] : tokens[-1 - n][1]] not in ("-", "—", "–", "--"):
                return None
            return tokens[-n][0], tokens[-1][1]
        for k in range(len(tokens) - 1, -1, -1):
            owner = _OWNER_RE.fullmatch(text, *tokens[k])
            if owner is not None:
                start = tokens[k][0]
                while k > 0 and name(tokens[k - 1]):
                    k -= 1
                    start = tokens[k][0]
                return start, owner.end("name")
        return None

    def _set_off_quote(self, sent: Sentence) -> list[_Raw]:
        """A whole quotation set off by a comma from the clause that names its speaker, whatever its verb.

        Before it, `The sign read, "Q."`, `X went on the attack, saying, "Q."`; after it, `"Q!" the crowd
        screamed back.`, `"Q," he went on.`: news sets off what was said so, and a verb not in the table
        (or a speaker the cue's rules do not read) leaves it unattributed otherwise. Run when no cue made a
        candidate in the sentence; the quotation must hold a clause (three words or more) opening with a
        capital, and the speaker must be the clause's subject, so a title or a scare-quoted phrase is not said.
        """
        if any(r.anchor == sent.index for r in self.raws):
            return []
        text = self.text
        lead = sent.start
        while lead < sent.end and text[lead] in "—–-•* ":
            lead += 1
        quote = self.quote_opening_at(lead)
        if quote is not None:  # the quotation opens the sentence: its speaker follows it
            return self._quote_then_speaker(sent, quote)
        comma = text.find(",", sent.start, sent.end)
        while comma >= 0:
            quote = self.quote_opening_at(self._skip_space(comma + 1))
            if quote is not None:
                return self._speaker_then_quote(sent, quote, comma)
            comma = text.find(",", comma + 1, sent.end)
        return []

    def _said_clause(self, quote: _Quote) -> bool:
        """Whether a quotation holds a clause said: closed, three words or more, opening with a capital."""
        span = self._direct_span(quote)
        if span is None or not quote.closed:
            return False
        words = self.text[span[0] : span[1]].split()
        return len(words) >= 3 and words[0].lstrip(_QUOTE_CHARS + "(['")[:1].isupper()

    def _speaker_then_quote(self, sent: Sentence, quote: _Quote, comma: int) -> list[_Raw]:
        """`CLAUSE, "Q."`: the clause's last word a lower-case verb, its subject the speaker."""
        text = self.text
        last = self.sentence_of(quote.end - 1)
        if not self._said_clause(quote) or not _PUNCT_ONLY_RE.fullmatch(text[quote.end : self.sentences[last].end]):
            return []
        if any(ch in _QUOTE_CHARS for ch in text[sent.start : comma]):
            return []
        tokens = _tokens(text, sent.start, comma)
        if not tokens or not re.fullmatch(r"[a-z]+", text[tokens[-1][0] : tokens[-1][1]]):
            return []
        while len(tokens) > 1 and _clean(text[tokens[0][0] : tokens[0][1]]) in _LEADING_LINKS:
            tokens = tokens[1:]
        speaker = self._subject(Sentence(sent.index, tokens[0][0], comma))
        return self._set_off(quote, speaker, tokens[-1], last, before=comma)

    def _quote_then_speaker(self, sent: Sentence, quote: _Quote) -> list[_Raw]:
        """`"Q," SPEAKER VERB.`: a few words after the quotation, a subject and its verb, end its sentence."""
        text = self.text
        if not self._said_clause(quote) or text[quote.close - 1] not in ",!?":
            return []
        last = self.sentence_of(quote.end - 1)
        tail_end = self.sentences[last].end
        tail = text[quote.end : tail_end].rstrip(".")
        if not 2 <= len(tail.split()) <= _TAIL_WORDS or re.search("[,;:" + _QUOTE_CHARS + "]", tail):
            return []
        start = self._skip_space(quote.end)
        speaker = self._subject(Sentence(last, start, tail_end))
        if speaker is None:
            return []
        verb = _tokens(text, speaker[1], tail_end)
        return self._set_off(quote, speaker, verb[0] if verb else None, last, before=tail_end)

    def _set_off(
        self, quote: _Quote, speaker: tuple[int, int] | None, cue: tuple[int, int] | None, last: int, before: int
    ) -> list[_Raw]:
        """The candidate of a set-off quotation, its cue the verb next to it."""
        span = self._direct_span(quote)
        if speaker is None or cue is None or span is None or speaker[1] > before or self.covered(quote.open, quote.end):
            return []
        raw = _Raw(
            span, "direct", [(cue[0], cue[0] + len(self.text[cue[0] : cue[1]].rstrip(",.")))], speaker, anchor=last
        )
        self.raws.append(raw)
        self.consumed.update(range(self.sentence_of(quote.open) + 1, last + 1))
        return [raw]

    def _narrated(self, index: int, quote: _Quote) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The speaker and verb of a bare quotation after a sentence of narration about one person (or None).

        `Rams boss Ann Roe remained confident. "We are hoping …"`: news often names who speaks in the sentence
        before a quotation, with no reporting verb. The sentence (`index`, the one before the quotation) must
        hold no quotation and ask no question, its subject must be a name (a capitalised last word, no article
        or pronoun before it, no possessive) followed by a finite verb, and the quotation must hold a clause
        (three words or more, opening with a capital): a plural ("the Gladiators"), a thing ("It"), "you", a
        title or a question-and-answer line gives nothing. A "he"/"she" subject is left out: attribution
        resolved the one on PolNeAR dev to the wrong man (`"Q," Obama said after meeting Putin. He … "Q2."`).
        PolNeAR train: fires 17, right 14 (gold or read), wrong 3, before the pronouns were left out.
        """
        if index < 0 or self._said_words(quote) is None:
            return None
        sent = self.sentences[index]
        text = self.text
        line = text[sent.start : sent.end].rstrip()
        if not line or line[-1] in "?:" or title_case(line):
            return None
        if any(text[i] in _QUOTE_CHARS and self.quote_at(i) is not None for i in range(sent.start, sent.end)):
            return None
        speaker = self._subject(sent)
        if speaker is None:
            return None
        words = text[speaker[0] : speaker[1]].split()
        named = (
            words[-1][:1].isupper()
            and not re.search(r"['’]s?$", words[-1])  # "Trump's plan calls for …": the plan, not Trump
            and _clean(words[0]) not in _DETERMINERS | _CAP_STOP | PRONOUNS
            and (len(words) > 1 or self._named_again(words[0]))
        )
        verb = _tokens(text, speaker[1], sent.end)
        while len(verb) > 1 and _clean(text[verb[0][0] : verb[0][1]]) in ADVERBS_AUX - BE_FORMS:
            verb = verb[1:]  # "Obama also expressed": the verb, not the adverb ("Roe is upbeat": "is")
        if not named or not verb or not re.fullmatch(r"[a-z]+(?<!ing)", text[verb[0][0] : verb[0][1]]):
            return None  # "Ann Roe also making the trip.": a caption or a broken line, no clause
        return speaker, verb[0]

    def _named_again(self, word: str) -> bool:
        """Whether a lone capitalised word names someone: the story writes it again, and never in lower case.

        "Roe is upbeat." after "Ann Roe"; not "Voices like those …" nor "New features include …".
        """
        if word not in self._named:  # asked once per word: each answer reads the whole text
            self._named[word] = (
                len(re.findall(rf"\b{re.escape(word)}\b", self.text)) > 1
                and re.search(rf"\b{re.escape(word.lower())}\b", self.text) is None
            )
        return self._named[word]

    def _said_words(self, quote: _Quote) -> tuple[int, int] | None:
        """The words of a quotation holding a clause (closed or running to the paragraph's end), else None."""
        span = self._direct_span(quote)
        if span is None:
            return None
        words = self.text[span[0] : span[1]].split()
        return span if len(words) >= 3 and words[0].lstrip(_QUOTE_CHARS + "(['")[:1].isupper() else None

    def _signed_quote(self, sent: Sentence) -> list[_Raw]:
        """A quotation standing as a paragraph, signed by the next one: a dash and a name (`- Ann Roe, in May.`).

        Fact checks, pull quotes and epigraphs print who said it so; nothing else in the line is said.
        """
        text = self.text
        line_start = text.rfind("\n", 0, sent.start) + 1
        if sent.index == 0 or text[line_start : sent.start].strip() or sent.end != self._line_end(sent.start):
            return []
        signed = _SIGNATURE_RE.fullmatch(text, sent.start, sent.end)
        if signed is None:
            return []
        before = self.quote_at(self.sentences[sent.index - 1].end - 1)
        found = self._standalone_quote(self.sentence_of(before.open)) if before is not None else None
        if found is None or found[1] != sent.index - 1 or "\n" not in text[found[0].end : sent.start]:
            return []
        quote = found[0]
        name = (signed.start("name"), signed.end("name"))
        while text[name[1] - 1] == ".":
            name = (name[0], name[1] - 1)
        span = self._direct_span(quote)
        if (
            span is None
            or not _np_ok(text[name[0] : name[1]].split(), loose=False)
            or self.covered(quote.open, quote.end)
        ):
            return []
        raw = _Raw(span, "direct", [(sent.start, sent.start + 1)], name, anchor=sent.index)
        self.raws.append(raw)
        return [raw]

    def _line_end(self, pos: int) -> int:
        """The end of the line holding `pos`, trailing spaces left out."""
        end = self.text.find("\n", pos)
        end = len(self.text) if end < 0 else end
        return pos + len(self.text[pos:end].rstrip())
