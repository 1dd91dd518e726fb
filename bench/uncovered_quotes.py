"""Quotations no statement covers, by shape: which are attributions in PolNeAR's gold, and could we name whose?

    python bench/uncovered_quotes.py [--split train|dev] [--model FILE --odd] [--min-words N] [--show N]
                                     [--shape S] [--verbs] [--agree] [--pairs]

Runs the combined finder as `bench/direct_misses.py` does (candidates, `merge_same_sentence`, spans trimmed,
the article's raw text) and takes every closed quotation (`quotes._find_quotes`) of `--min-words` words or more
that no statement overlaps. Each goes in the first shape that fits, then by the learned finder's mean
probability that its words are content (`p>=.5`, `p>=.2`, `p<.2`):

- `paragraph`: the quotation is its paragraph (only punctuation beside it);
- `sentence`: it is its sentence, other sentences in the paragraph;
- `after colon` / `after comma`: a colon or a comma right before it, a clause (three words or more, a capital
  first) ending its sentence;
- `clause at end`: such a clause ending its sentence, other words before it (`X responds with "Q."`);
- `clause inside`: such a clause with words after it in its sentence;
- `title`: every word of four letters or more capitalised; `phrase`: the rest (a phrase inside narration).

Columns: `gold` a gold content holds half its words or more and overlaps it (an attribution missed);
`match` the quotation's words alone match that content (score.py's Dice >= 0.5: emitting the quotation would
count); then three ways to name a speaker, each with how often it is right (a word shared with the gold
source; a pronoun source stands for the nearest named gold source before it): `subject` the sentence's subject
as the rules read it (`_SpeakersAfter._subject`), `para` the speaker of the last statement before it in its
paragraph, `last` the speaker of the last statement in its paragraph or the one before, `model` the source of
the learned finder's statement overlapping it (`learned.scored`, at any confidence).

`--model FILE --odd` reads the odd half of train with a model trained on the even half (`bench/train_finder.py
--half --out FILE`): the shipped model learned train, so its probabilities and sources flatter train.
`--verbs`: the quotations after `SUBJECT VERB …` (no quotation before), by the subject (a name or not), the
verb right before the quotation or words between, the quotation's length; per verb form, right / fired.
`--agree`: the model's statements over an uncovered quotation whose source shares a word with the subject
(a closed question to the model: would adding them below its threshold pay?). `--pairs`: how often two of
the four readings name the same speaker, and are then right.
`--show N` prints N examples per shape (`--shape S`: only shapes starting so). Terminal only: the texts are
the articles' words, never written to a file. The held-out PolNeAR train articles are skipped.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from benchlib import REPO, held_out_articles

sys.path.insert(0, str(REPO))

from statements import DATA, score_module
from train_finder import annotations, training_articles

from extract.language.grounding import trim_span
from extract.language.segments import merge_same_sentence
from extract.language.speech import find_combined, learned
from extract.language.speech.finder import _Finder
from extract.language.speech.vocabulary import _DETERMINERS, ADVERBS_AUX, BE_FORMS, PRONOUNS

HELD_OUT = held_out_articles()
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
_PUNCT_RE = re.compile(r"[\s\W]*")
COLUMNS = ("uncovered", "gold", "match", "subject", "subject right", "para", "para right", "last", "last right",
           "model", "model right")  # fmt: skip


def _words(s: str) -> set[str]:
    """Lower-case words of two letters or more, pronouns and a possessive `'s` left out."""
    return {re.sub(r"['’]s?$", "", w.lower()) for w in _WORD_RE.findall(s) if w.lower() not in PRONOUNS and len(w) > 1}


def shape(f: _Finder, quote: Any) -> str:
    """The shape of one quotation (see the module docstring)."""
    text = f.text
    line_start = text.rfind("\n", 0, quote.open) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    if _PUNCT_RE.fullmatch(text[line_start : quote.open]) and _PUNCT_RE.fullmatch(text[quote.end : line_end]):
        return "paragraph"
    sent = f.sentences[f.sentence_of(quote.open)]
    last = f.sentences[f.sentence_of(max(quote.open, quote.end - 1))]
    before, after = text[sent.start : quote.open], text[quote.end : last.end]
    if _PUNCT_RE.fullmatch(before) and _PUNCT_RE.fullmatch(after):
        return "sentence"
    words = text[quote.inner : quote.close].split()
    clause = len(words) >= 3 and words[0].lstrip("([‘'")[:1].isupper()
    if clause and _PUNCT_RE.fullmatch(after):
        tail = before.rstrip()
        return "after colon" if tail.endswith(":") else "after comma" if tail.endswith(",") else "clause at end"
    if clause:
        return "clause inside"
    content = [w for w in words if w[:1].isalpha() and len(w) > 3]
    return "title" if content and all(w[:1].isupper() for w in content) else "phrase"


def _joined(text: str, segments: list[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in segments)


def gold_sources(text: str, rels: list[dict[str, Any]], holders: list[dict[str, Any]]) -> list[str]:
    """The source of each gold relation holding a quotation; a pronoun stands for the nearest named one before."""
    out = []
    for r in holders:
        src = _joined(text, r["Source"])
        if src and not _words(src):
            lo = r["Source"][0][0]
            named = [
                o["Source"]
                for o in rels
                if o["Source"] and o["Source"][0][0] < lo and _words(_joined(text, o["Source"]))
            ]
            if named:
                src = _joined(text, max(named, key=lambda s: s[0][0]))
        out.append(src)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--min-words", type=int, default=1)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--shape", default="")
    parser.add_argument("--model", type=Path, help="a learned finder trained elsewhere (bench/train_finder.py --half)")
    parser.add_argument("--odd", action="store_true", help="only the odd half of train (the other fold of --half)")
    parser.add_argument("--verbs", action="store_true")
    parser.add_argument("--agree", action="store_true")
    parser.add_argument("--pairs", action="store_true")
    args = parser.parse_args(argv)
    if args.model:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(args.model))
        learned._local.tagger = tagger  # what `learned._tagger` returns on this thread
    odd = {p.stem for p in training_articles(args.data, True, True)} if args.odd else None
    score = score_module(args.data)
    split_dir = args.data / args.split
    table: dict[str, Counter[str]] = defaultdict(Counter)
    agreed: dict[str, Counter[str]] = defaultdict(Counter)
    verbs: dict[str, Counter[str]] = defaultdict(Counter)
    verbs_right: dict[str, Counter[str]] = defaultdict(Counter)
    verb_rows: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    for path in sorted((split_dir / "text").glob("*.txt")):
        if path.stem in HELD_OUT or (odd is not None and path.stem not in odd):
            continue
        text = path.read_text(encoding="utf-8")
        found = find_combined(text)
        spans = [trim_span(text, c.span) for c in merge_same_sentence(text, found)]
        f = _Finder(text)
        rels = annotations(sorted((split_dir / "attributions").glob(f"{path.stem}_*.ann"))[0])
        tagged = learned.tag(text)
        model = learned.scored(text, tagged)
        for quote in f.quotes:
            inner = text[quote.inner : quote.close]
            qwords = score.words(inner)
            if not quote.closed or len(inner.split()) < args.min_words or not qwords:
                continue
            if any(a < quote.close and quote.inner < b for a, b in spans):
                continue
            p = tagged.content_probability(((quote.inner, quote.close),))
            kind = f"{shape(f, quote)}, p{'>=.5' if p >= 0.5 else '>=.2' if p >= 0.2 else '<.2'}"
            row = table[kind]
            row["uncovered"] += 1
            holders = [
                r for r in rels
                if any(a < quote.close and quote.inner < b for a, b in r["Content"])
                and sum(1 for w in qwords if w in score.words(_joined(text, r["Content"]))) >= len(qwords) / 2
            ]  # fmt: skip
            sources = gold_sources(text, rels, holders)
            matched = any(score.dice(inner, _joined(text, r["Content"])) >= 0.5 for r in holders)
            row["gold"] += bool(holders)
            row["match"] += matched

            def named_right(phrase: str) -> bool:
                return bool(holders) and any(_words(phrase) & _words(s) for s in sources)  # noqa: B023

            sent = f.sentences[f.sentence_of(quote.open)]
            subj = f._subject(sent)
            subj_text = text[subj[0] : subj[1]] if subj else ""
            line_start = text.rfind("\n", 0, quote.open) + 1
            two_back = text.rfind("\n", 0, max(0, text.rfind("\n", 0, line_start - 1)))
            para = [c.speaker for c in found if c.speaker and line_start <= c.span[0] < quote.open]
            last = [c.speaker for c in found if c.speaker and two_back <= c.span[0] < quote.open]
            rival = [(m, q) for m, q in model if m.span[0] < quote.close and quote.inner < m.span[1]]
            for column, phrase in (
                ("subject", subj_text),
                ("para", para[-1] if para else ""),
                ("last", last[-1] if last else ""),
                ("model", (rival[0][0].speaker or "") if rival else ""),
            ):
                if phrase:
                    row[column] += 1
                    row[f"{column} right"] += named_right(phrase)
            if args.pairs:
                readings = {"subject": subj_text, "para": para[-1] if para else "", "last": last[-1] if last else ""}
                readings["model"] = (rival[0][0].speaker or "") if rival else ""
                names = list(readings)
                for i, first in enumerate(names):
                    for second in names[i + 1 :]:
                        a, b = readings[first], readings[second]
                        if a and b and _words(a) & _words(b):
                            right = named_right(a) or named_right(b)
                            pair = pairs[f"{kind.split(',')[0]}, {first} = {second}"]
                            pair.update({"fired": 1, "right": int(right), "right, matched": int(right and matched)})
            if args.agree and rival and subj and _words(rival[0][0].speaker or "") & _words(subj_text):
                m = rival[0][0]
                said = text[m.span[0] : m.span[1]]
                best = max(rels, key=lambda r: score.dice(said, _joined(text, r["Content"])), default=None)
                hit = best is not None and score.dice(said, _joined(text, best["Content"])) >= 0.5
                counts = agreed[kind.split(",")[0]]
                counts["fired"] += 1
                counts["matches"] += hit
                src = _joined(text, best["Source"]) if best else ""
                counts["matches, source right"] += hit and (
                    not _words(src) or bool(_words(src) & _words(m.speaker or ""))
                )
            if (
                args.verbs
                and subj
                and subj[1] <= quote.open
                and not any(q.open < quote.open and q.open >= sent.start for q in f.quotes)
            ):
                tokens = re.findall(r"\S+", text[subj[1] : quote.open])
                while tokens and tokens[0].lower() in ADVERBS_AUX - BE_FORMS:
                    tokens = tokens[1:]
                verb = tokens[0].strip(",.;:").lower() if tokens else ""
                if re.fullmatch(r"[a-z]+", verb):
                    named = subj_text[:1].isupper() and subj_text.split()[0].lower() not in PRONOUNS | _DETERMINERS
                    between = "verb at once" if len(tokens) == 1 else "words between"
                    size = "1-3" if len(qwords) < 4 else "4+"
                    key = f"{'name' if named else 'other'} subject, {between}, {size} words"
                    right = named_right(subj_text)
                    verbs[key][verb] += 1
                    verbs_right[key][verb] += right
                    counts = verb_rows[key]
                    counts["fired"] += 1
                    counts["gold"] += bool(holders)
                    counts["right"] += right
                    counts["right, matched"] += right and matched
            if args.show and kind.startswith(args.shape) and len(examples[kind]) < args.show:
                context = text[max(sent.start, quote.open - 100) : quote.end + 40].replace("\n", " ¶ ")
                examples[kind].append(
                    f"  p={p:.2f} gold={bool(holders)} match={matched} source={sources!r} subject={subj_text!r} "
                    f"para={para[-1:]!r} last={last[-1:]!r} model={rival[0][0].speaker if rival else None!r}\n"
                    f"    {context!r}"
                )
    where = f"{args.split}{' (odd half)' if odd else ''}{f', model {args.model.name}' if args.model else ''}"
    print(f"{where}: closed quotations of {args.min_words}+ words no statement covers\n")
    print("| shape | " + " | ".join(COLUMNS) + " |\n| :-- |" + " --: |" * len(COLUMNS))
    total: Counter[str] = Counter()
    for kind, row in sorted(table.items()):
        total.update(row)
        print(f"| {kind} | " + " | ".join(str(row[k]) for k in COLUMNS) + " |")
    print("| all | " + " | ".join(str(total[k]) for k in COLUMNS) + " |")
    if args.agree:
        print("\nThe model's statements over them whose source shares a word with the sentence's subject:\n")
        for kind, counts in sorted(agreed.items()):
            print(f"- {kind}: {dict(counts)}")
    if args.verbs:
        print('\n`SUBJECT VERB … "Q"` (no quotation before it in the sentence):\n')
        for key in sorted(verb_rows):
            print(f"- {key}: {dict(verb_rows[key])}")
            print("    " + ", ".join(f"{v} {verbs_right[key][v]}/{n}" for v, n in verbs[key].most_common(30)))
    if args.pairs:
        print("\nTwo readings naming the same speaker (sharing a word):\n")
        for key, counts in sorted(pairs.items()):
            print(f"- {key}: {dict(counts)}")
    for kind, lines in sorted(examples.items()):
        print(f"\n## {kind}\n" + "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
