"""Finder of reported speech in English news text: hand-written rules, vetted and extended by a learned CRF.

`find_speech` is what the pipeline runs: `find_combined`, the rules (`find_rules`) with the learned finder
(`find_learned`, `learned`: a CRF trained on PolNeAR train, shipped as extract/data/finder.crfsuite)
dropping the rules' candidates it reads as narration and adding the statements the rules miss (`combined`).
Without the model file the learned finder finds nothing and the rules stand alone.

The rules are a deterministic first pass, in the spirit of BBC R&D's citron: they split an article into
sentences, find quotations and reporting cues ("said", "told journalists", "according to", "described … as"),
name the speaker next to each cue and mark the span of what was said. Every offset indexes into the text given,
so a later model can attribute or reject candidates by id without ever rewriting the words.

Patterns (see tests/test_speech.py for one example of each):

- `"Q," X said.` / `"Q," said X.` / `X said: "Q"` / `X said, "Q"` / `Name, Outlet: "Q"` (direct); a quotation
  interrupted by its attribution (`"Q1," X said, "Q2."`, `"Q1," said X. "Q2."`) is one candidate whose
  `pieces` are the quoted words;
- `CLAUSE, X said/told Y/added/warned.` and `X said (on DATE) (that) CLAUSE` (indirect; partial quotes
  inside the clause stay one candidate);
- `According to X, CLAUSE`, `CLAUSE, according to X` (X the phrase before whatever describes it: "exit polls
  reported by CNN"), `CLAUSE, X said, as quoted by Y` (Y is in the cue), `"Q," as X put it.`;
- findings before what was found (`a poll found that …`, `the survey shows that …`);
- `X described Y as "Z"`, `X called Y "Z"`, `X called for Z`, `X denied/accused/alleged/insisted (that) …`;
- a participle or coordinated verb inherits the speaker (`…, adding that …`, `… and claimed …`);
- a closing `, X said.` reports the whole attribution before it (`A told police Q, X said`: X says "A told police
  Q", A's words stop at the comma), and a semicolon ends what was said before a second speaker;
- lower-case words describing a name where only a speaker can stand (`"Q," political scientist X told`, `said
  retired neurosurgeon X`);
- a cue inside a clause or phrase opening the sentence says only up to its comma (`When X accused Y of Z, …`);
- the name before a chain of appositives speaks (`Ann Roe, 34, a nurse from Tolu, who …, said`), and a phrase
  followed by a verb after the cue is the reported clause's subject (`said she voted`), not an inverted speaker;
- `If/While CLAUSE, X said, CLAUSE` is one candidate in two pieces; a long opening adverbial before
  `X said CLAUSE` is not what was said; a reporting word after an article or possessive is a noun (`his pledge`),
  a participle after a possessive and an -ing form after an article too (`Iran's alleged plot`, `a warning sign`);
- a bare quotation sentence right after an attributed quotation joins it in the same paragraph and
  `continues` it (inherits its speaker) in the next; so do the quoted words opening a sentence of narration
  with no cue (`"Q1," said X, an aide. "Q2," which …`); `X said:` before a bare
  quotation and `"Q." X said.` after one attribute it; an unclosed paragraph quotation continues the
  quotation that opens the next paragraph; headline `Name: 'Q'`;
- a bare quotation after a sentence of narration whose subject is a name (`Ann Roe remained confident. "Q."`)
  is that person's, its verb the cue (`emitting._narrated`), and bare quotations after a statement only the
  learned finder found continue it (`continuing`).

Modules of the rules, in the order the finder uses them: `vocabulary` (verb tables and word lists: English as data),
`patterns` (regular expressions), `sentences`, `quotes`, `phrases` (can these words name a speaker?),
`candidates` (what is returned), `text` (the article read once: sentences, quotations, lookups), `regions`
(where what was said begins and ends), `speakers` (who said it), `finder` (one sentence, one cue at a time),
`narration` (a reporting verb whose object is an act, not speech: "denied X a free shot", "called for a timeout";
it screens the output of both finders).

Recall comes first: a candidate is cheap to reject, a missed statement is lost. Precision is kept by never
proposing a quotation that no cue attributes (scare quotes in the author's own narration), and by
dropping cues that are infinitives ("declined to say"), negated, passive ("was told") or nouns ("the
claims").
"""

from __future__ import annotations

from extract.language.speech.candidates import Kind, SpeechCandidate
from extract.language.speech.combined import find_combined
from extract.language.speech.finder import find_rules
from extract.language.speech.learned import find_learned
from extract.language.speech.sentences import Sentence, split_sentences
from extract.language.speech.vocabulary import (
    ADDRESSEE_VERBS,
    INVERTIBLE_VERBS,
    NAMING_VERBS,
    PRONOUNS,
    REPORTING_VERBS,
    ROLE_WORDS,
    WEAK_VERBS,
)

#: The finder the pipeline runs.
find_speech = find_combined

__all__ = [
    "ADDRESSEE_VERBS",
    "INVERTIBLE_VERBS",
    "NAMING_VERBS",
    "PRONOUNS",
    "REPORTING_VERBS",
    "ROLE_WORDS",
    "WEAK_VERBS",
    "Kind",
    "Sentence",
    "SpeechCandidate",
    "find_combined",
    "find_learned",
    "find_rules",
    "find_speech",
    "split_sentences",
]
