"""Attributing one cue: its speaker, its whole cue words, and the content it introduces or closes.

The finder (`finder._Finder`) reads a sentence's cues in order and hands each to `_attribute` here; what
stands before and after the cue (a quotation, a clause, a naming verb's quoted words, an addressee before
"that") decides who speaks and what was said. Kept apart from the finder's driver and its continuations of
quotations over sentences and paragraphs, which read whole runs of sentences, not one cue.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.language.speech.candidates import _Cue, _Raw
from extract.language.speech.patterns import (
    _APPOSITIVE_BEFORE_QUOTE,
    _AS_OPENING_RE,
    _TOPIC_OR_MODIFIER_RE,
)
from extract.language.speech.phrases import _clean, _is_cap, _np_ok, _tokens
from extract.language.speech.quotes import _Quote
from extract.language.speech.screening import _Screening
from extract.language.speech.sentences import Sentence
from extract.language.speech.vocabulary import (
    _CAP_STOP,
    _FORM_TO_LEMMA,
    ADDRESSEE_STOPS,
    ADDRESSEE_VERBS,
    INVERTIBLE_VERBS,
    LEADING_VERBS,
    NAMING_VERBS,
    PROMISING_VERBS,
    PRONOUNS,
    SOURCE_PHRASES,
    TRAILING_VERBS,
    WEAK_VERBS,
)

#: Verbs that take a gerund as their object, right before a participle cue: "Roe kept asking", "Roe began saying".
_CATENATIVE_BEFORE_RE = re.compile(
    r"\b(?:kept|keeps|keep|began|begins|begin|started|starts|start|stopped|stops|went on|goes on)(?:\s+by)?\s+$"
)
#: Between a participle's subject and the participle: a space, a party tag ("Jo Roe (R-Wis.) kept asking").
_RIGHT_BEFORE_RE = re.compile(r"\s+(?:\([A-Z][\w.]*[-–][\w. ]{1,15}\)\s+)?")
#: Lower-case words inside a name: "American Federation of Teachers", "Bank of England".
_JOINERS = frozenset({"of", "for", "and", "the", "de", "&"})
#: A possessive ending a phrase: "Roe's", "Sanders’".
_POSSESSIVE_END_RE = re.compile(r"['’]s?$")
#: Capitalised words before a participle that are no subject of it ("Then saying", "He kept asking" is the
#: inheritance's: a pronoun's antecedent is what `last_speaker` resolved).
_NO_SUBJECT = _CAP_STOP | PRONOUNS
#: Verbs that report or perceive someone doing something: the name after them ("X recalled Mr. Roe talking about
#: …", "videos show Roe saying") is inside what the sentence's own speaker or source reports.
_REPORTING_OBJECT = frozenset(_FORM_TO_LEMMA) | frozenset(
    {"saw", "see", "sees", "seen", "heard", "hear", "hears", "watched", "watch", "watches", "remember", "remembers",
     "remembered", "show", "shows", "showed", "shown", "depict", "depicts", "depicted", "feature", "features",
     "featured", "caught", "captured", "imagine", "imagined", "quote", "quotes", "quoted"}
)  # fmt: skip
#: Prepositions of place, time and agent: the name after them ("in Iowa", "statements made by Jo Roe calling for")
#: is where, when or whose, not the participle's subject.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "on", "from", "to", "into", "across", "for", "of", "during", "after", "before", "since", "until",
     "near", "outside", "inside", "throughout", "around", "through", "over", "under", "against", "by"}
)  # fmt: skip
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


class _Attributing(_Screening):
    """Resolves one cue of a sentence to its speaker and content; the finder (`finder._Finder`) drives it."""

    def _participle_subject(self, sent: Sentence, cue: _Cue, clause_start: int) -> tuple[int, int] | None:
        """The name written right before a participle cue, as its subject: "with Jo Roe tweeting that …".

        A participle after a name with no comma between ("…, with Sen. Jo Roe calling it …", "a speech that
        included Roe vowing to …", "Roe kept asking her why …") has that name for its subject; the sentence's
        subject or the last speaker (what a participle after a comma inherits) said nothing there. Only a
        capitalised phrase: "a statement saying" is the statement's owner's, left to the inheritance.
        """
        if not cue.form.split(" ", 1)[0].endswith("ing") or self.text[cue.start].isupper():
            return None  # "… and claimed": a coordinated verb shares its subject; "Roe Warning": a headline
        catenative = _CATENATIVE_BEFORE_RE.search(self.text, max(sent.start, clause_start), cue.start)
        if catenative is not None:
            cue = replace(cue, start=catenative.start())  # "Jo Roe kept asking": Roe's finite verb
        found = self._speaker_before(sent, cue, clause_start)
        if found is None:
            return None
        tokens = _tokens(self.text, *found[0])
        words = [self.text[a:b] for a, b in tokens]
        named = [_is_cap(w) or (0 < i < len(words) - 1 and w in _JOINERS) for i, w in enumerate(words)]
        first = next((i for i in range(len(words)) if _is_cap(words[i]) and all(named[i:])), len(words))
        if first < len(words) and _clean(words[first]) in _NO_SUBJECT:
            first += 1  # "The meeting ended with Jo Roe vowing": the capitalised name run at its end
        tokens, words = tokens[first:], words[first:]
        if not tokens:
            return None  # "a statement saying": the owner's, left to the inheritance
        span = tokens[0][0], tokens[-1][1]
        if (
            not _RIGHT_BEFORE_RE.fullmatch(self.text, span[1], cue.start)  # "sent the DNC on Monday alleging"
            or not _np_ok(words, loose=False)
            or _POSSESSIVE_END_RE.search(words[-1])  # "Roe's telling of the story": a noun
            or words[0].endswith("ing")  # "Holding signs calling …": an opening participle
        ):
            return None
        for at in {found[0][0], span[0]}:  # the clause may start after a cue: "X recalled"
            before = self.text[sent.start : at].split()
            if before and (_clean(before[-1]) in _PLACE_PREPOSITIONS or _clean(before[-1]) in _REPORTING_OBJECT):
                return None  # "campaigning in Iowa saying": where; "X recalled Mr. Roe talking about": X's
        return span

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
            speaker = self._participle_subject(sent, cue, clause_start)
            cue.own_subject = speaker is not None
            speaker = speaker or last_speaker or self._subject(sent, opener=True)
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
