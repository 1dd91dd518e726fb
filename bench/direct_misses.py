"""Why direct quotations of PolNeAR are missed: each missed gold content that holds a quotation mark, in one class.

    python bench/direct_misses.py [--split train|dev] [--finder combined|rules|learned] [--show N] [--class C]

Runs the finder as `bench/statement_errors.py --merge` does (candidates, `merge_same_sentence`, spans trimmed,
on the article's raw text) and matches statements to gold contents as the data's score.py does. A missed
`direct` gold content (score.py's group: its content holds a quotation mark) goes in the first class that fits:

- `overlap: …`: a candidate holds part of it or more than it (`statement_errors.classify`: `ends late` is the
  words carried past gold's end, `starts early` those before its start, `split`, `taken`, …);
- `joined: …`: a candidate of the finder matched it (Dice >= 0.5) before `merge_same_sentence` joined it to the
  one before or after (`X said A and criticized B`), by the overlap class after the join;
- `dropped later`: no candidate of the combined finder touches it, but a rules candidate did (the learned
  finder vetoed it);
- `unseen: …`: its quotation is not read as one (`quotes._find_quotes` has no quotation holding its
  first quote mark), by the marks: `'' or ``` (typewriter doubles), `single ‘ ’ '`, `« »`, `continued` (the
  quotation opened in an earlier paragraph without a closing mark there), `headline` (the article's first
  line), `other`;
- `no speaker: …`: the quotation is read, no candidate takes it, by where gold's cue is: `no cue`, `X: "Q"`
  (the speaker then a colon in the same sentence), `colon block` (a colon ends the paragraph or sentence
  before), `previous sentence`, `two+ sentences away` (same paragraph), `previous paragraph`, `after it`
  (a later sentence), `same sentence, partial` (a quoted phrase inside reported speech: `X called it "Q"`,
  with three or more words outside the marks), `same sentence` (a whole quotation whose cue is in its own
  sentence but not read); both split by whether gold's cue holds a form of `vocabulary.REPORTING_VERBS`
  (`verb in the table`: the construction or the speaker is not read) or not (a verb or noun to add, or a
  title, name or slogan PolNeAR counts as attributed);
- `scorer: …`: gold that cannot match: `duplicate` (the same content annotated twice; matching is one to one),
  `no content words` (score.py's Dice is 0 whatever we emit), `Content2` (`"Q1," X said. "Q2."` annotated as
  Content Q1 and Content2 Q2: score.py reads Q1 alone, the record holds the whole interrupted quotation).

Counts per class, and the false positives. `--show N` prints N misses of each class, `--class C` only those
(terminal only: the texts are the articles' words, never written to a file). The five PolNeAR train articles
of the held-out sets (bench/real/README.md) are skipped (`HELD_OUT`): no rule is built on them.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from benchlib import REPO, held_out_articles, print_examples

sys.path.insert(0, str(REPO))

from statement_errors import _KNOWN_CUE, classify, gold_contents
from statements import DATA, FINDERS, score_module

from extract.language.grounding import trim_span
from extract.language.segments import merge_same_sentence
from extract.language.speech import find_rules
from extract.language.speech.quotes import _find_quotes
from extract.language.speech.sentences import split_sentences

#: PolNeAR articles of the held-out sets (bench/real/README.md): measured, never read for rules.
HELD_OUT = held_out_articles()
_MARK_RE = re.compile(r"''|``|[\"“”‘’'«»]")


def _first_mark(text: str, lo: int, hi: int) -> int | None:
    """Where the first quotation mark of a gold content is (a double one, else any)."""
    m = re.compile(r"''|``|[\"“”«»]").search(text, lo, hi) or _MARK_RE.search(text, lo, hi)
    return m.start() if m else None


def _unseen(text: str, lo: int, hi: int, mark: int) -> str:
    """The class of a quotation the finder does not read as one, by its marks and where it is."""
    line_start = text.rfind("\n", 0, lo) + 1
    if text[:line_start].strip() == "":
        return "unseen: headline"
    marks = text[lo:hi] + text[max(line_start, lo - 2) : lo]
    if "''" in marks or "``" in marks:
        return "unseen: '' or ``"
    if "«" in marks or "»" in marks:
        return "unseen: « »"
    if re.search(r"[‘’]|(?<!\w)'|'(?!\w)", marks) and not re.search(r"[\"“”]", marks):
        return "unseen: single ‘ ’ '"
    line_end = text.find("\n", lo)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if not re.search(r"[\"“”]", line.replace(text[mark], "", 1)):
        return "unseen: continued"
    return "unseen: other"


def _no_speaker(text: str, gold: dict[str, Any], starts: list[int]) -> str:
    """The class of a read quotation no candidate takes, by where gold's cue is."""
    lo, hi = gold["segments"][0][0], gold["segments"][-1][1]
    cues = gold["cue_spans"]
    if not cues:
        return "no speaker: no cue"

    def sentence(pos: int) -> int:
        return max(0, sum(1 for s in starts if s <= pos) - 1)

    before = text[max(0, lo - 3) : lo].strip()
    cue_sent, own = sentence(cues[0][0]), sentence(lo)
    if before.endswith(":") and cue_sent == own:
        return 'no speaker: X: "Q"'
    if cue_sent < own and re.search(r":[\"”’']*\s*$", text[cues[-1][1] : lo]):
        return "no speaker: colon block"
    if cue_sent > sentence(hi - 1):
        return "no speaker: after it"
    if cue_sent < own:
        if "\n" in text[cues[-1][1] : lo]:
            return "no speaker: previous paragraph"
        return "no speaker: previous sentence" if own - cue_sent == 1 else "no speaker: two+ sentences away"
    outside = _MARK_RE.sub(" ", re.sub(r"[\"“«][^\"”»]*[\"”»]", " ", gold["content"]))
    shape = "same sentence, partial" if len(re.findall(r"\w+", outside)) >= 3 else "same sentence"
    known = "verb in the table" if _KNOWN_CUE.search(gold["cue"].lower()) else "verb not in the table"
    return f"no speaker: {shape} ({known})"


def second_contents(ann: Path) -> set[tuple[int, int]]:
    """The first segment of every content that has a `Content2` (`"Q1," X said. "Q2."`: score.py reads Q1 only)."""
    spans: dict[str, tuple[int, int]] = {}
    firsts: set[tuple[int, int]] = set()
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and "\t" in line:
            tid, rest = line.split("\t")[:2]
            first = rest.split(";")[0].split()
            if len(first) == 3:
                spans[tid] = (int(first[1]), int(first[2]))
        elif line.startswith("E") and "Content2:" in line:
            rel = dict(p.split(":", 1) for p in line.split("\t")[1].split() if ":" in p)
            if rel.get("Content") in spans:
                firsts.add(spans[rel["Content"]])
    return firsts


def classify_direct(
    text: str,
    gold: dict[str, Any],
    golds: list[dict[str, Any]],
    spans: list[tuple[int, int]],
    rules: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    starts: list[int],
    words: Any,
    seconds: set[tuple[int, int]],
    unmerged: list[str],
    dice: Any,
) -> str:
    """The class of one missed direct gold content (see the module docstring)."""
    lo, hi = gold["segments"][0][0], gold["segments"][-1][1]
    if not words(gold["content"]):
        return "scorer: no content words"
    if sum(1 for g in golds if words(g["content"]) == words(gold["content"])) > 1:
        return "scorer: duplicate"
    if tuple(gold["segments"][0]) in seconds:
        return "scorer: Content2"
    kind = classify((lo, hi), spans)
    if kind != "none":
        joined = any(dice(s, gold["content"]) >= 0.5 for s in unmerged)
        return f"joined: {kind}" if joined else f"overlap: {kind}"
    if any(a < hi and lo < b for a, b in rules):
        return "dropped later"
    mark = _first_mark(text, lo, hi)
    if mark is None or not any(a <= mark < b for a, b in quotes):
        return _unseen(text, lo, hi, mark if mark is not None else lo)
    return _no_speaker(text, gold, starts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--finder", default="combined", choices=list(FINDERS))
    parser.add_argument("--show", type=int, default=0, help="print N misses of each class (terminal only)")
    parser.add_argument("--class", dest="only", default="", help="print only the classes starting so")
    args = parser.parse_args(argv)
    if not (args.data / "score.py").exists():
        print(f"no PolNeAR data at {args.data} (--data DIR)", file=sys.stderr)
        return 2
    score = score_module(args.data)
    split_dir = args.data / args.split
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    total = found = false_positives = statements = 0
    for path in sorted((split_dir / "text").glob("*.txt")):
        if path.stem in HELD_OUT:
            continue
        text = path.read_text(encoding="utf-8")
        found_raw = FINDERS[args.finder](text)
        candidates = merge_same_sentence(text, found_raw)
        unmerged = [text[a:b] for a, b in (trim_span(text, c.span) for c in found_raw)]
        spans = [trim_span(text, c.span) for c in candidates]
        rules = [trim_span(text, c.span) for c in find_rules(text)] if args.finder == "combined" else spans
        quotes = [(q.open, q.end) for q in _find_quotes(text)]
        starts = [s.start for s in split_sentences(text)]
        said = [text[a:b] for a, b in spans]
        golds = gold_contents(split_dir, path.stem, text, score.SPEECH)
        seconds = second_contents(sorted((split_dir / "attributions").glob(f"{path.stem}_*.ann"))[0])
        pairs = sorted(
            (
                (d, i, j)
                for i, s in enumerate(said)
                for j, g in enumerate(golds)
                if (d := score.dice(s, g["content"])) >= 0.5
            ),
            reverse=True,
        )
        used_s: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in pairs:
            if i not in used_s and j not in used_g:
                used_s.add(i)
                used_g.add(j)
        statements += len(said)
        false_positives += sum(1 for i in range(len(said)) if not any(p[1] == i for p in pairs))
        for j, g in enumerate(golds):
            if g["group"] != "direct":
                continue
            total += 1
            if j in used_g:
                found += 1
                continue
            kind = classify_direct(
                text, g, golds, spans, rules, quotes, starts, score.words, seconds, unmerged, score.dice
            )
            counts[kind] += 1
            lo, hi = g["segments"][0][0], g["segments"][-1][1]
            ours = " | ".join(repr(s[:160]) for s, sp in zip(said, spans, strict=True) if sp[0] < hi and lo < sp[1])
            context = text[max(0, lo - 120) : hi + 60].replace("\n", " ¶ ")
            examples.setdefault(kind, []).append(
                f"[{path.stem[:30]}] cue {g['cue']!r}, gold: {g['content'][:200]!r}\n    ours: {ours}\n"
                f"    context: {context!r}"
            )
    print(
        f"{args.split}, {args.finder} finder + merge: direct {found}/{total} = {found / max(1, total):.3f} "
        f"(held-out articles skipped); false positives {false_positives} of {statements} candidates\n"
    )
    print("| class | missed |\n| :-- | --: |")
    for kind, n in sorted(counts.items(), key=lambda kv: (kv[0].split(":")[0], -kv[1])):
        print(f"| {kind} | {n} |")
    print_examples(examples, sorted(examples), args.show, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
