"""Where the writer's own statements appear on PolNeAR, and how many of a piece's sentences they take.

`extract.language.authorial` makes a signed letter's or op-ed's own sentences statements of its writer; a
news report must get none. This bench runs the text-only part of the pipeline (actors from the text,
attribution, then `with_authored`; no model) on every PolNeAR article of the chosen splits and prints:
each article where a writer was found (writers, sections, authored statements, the sentences of those
sections, and the characters the authored statements add to the model's request), then the totals.
Read the list: every article in it must be an opinion piece or a page of letters. The last column says what
named the writer (`authorial.FOUND_BY`); a second table counts, for each mark of opinion writing surveyed,
the articles that hold it and how many of them have a writer, so a mark that finds news shows up.


    python bench/authored.py --split train dev
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from benchlib import REPO, RESULTS

from extract import pipeline
from extract.language.authorial import _QUOTED, FIRST_PERSON, FOUND_BY, AuthoredDraft, signed_sections, with_authored
from extract.language.speech import split_sentences
from extract.text.cleaning import clean_text

#: ../shared/data/polnear beside the checkout, else two levels up (a git worktree), as bench/statements.py.
POLNEAR = next(
    (p for p in (REPO.parent / "shared" / "data" / "polnear", REPO.parent.parent / "shared" / "data" / "polnear")
     if p.is_dir()),
    REPO.parent / "shared" / "data" / "polnear",
)  # fmt: skip


_ARGUMENT = re.compile(
    r"\b(?:I (?:believe|think|argue|would argue|fear|doubt|am convinced)|we (?:must|need to|should|cannot|ought)|"
    r"let us|in my (?:view|opinion))\b",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?:opinion|commentary|column|editorial|op-ed|our view|viewpoint)\b", re.IGNORECASE | re.MULTILINE
)
_BYLINE = re.compile(r"^By (?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+\s*$", re.MULTILINE)
_CONTRIBUTOR = re.compile(
    r"Board of Contributors|contributing (?:writer|columnist|editor)|guest (?:writer|columnist)|"
    r"opinions (?:are|expressed)[^.]*(?:own|author)|views expressed",
    re.IGNORECASE,
)
_EDITORIAL = re.compile(r"\b(?:this newspaper|this editorial|our editorial board|this (?:editorial )?board)\b", re.I)

#: Marks of opinion writing surveyed in the text (the tool uses the bios and signatures; the others are counted
#: to show what they would find). Each is searched outside quotation marks.
MARKS: dict[str, Callable[[str], bool]] = {
    "first person, 3+ words": lambda t: len(FIRST_PERSON.findall(t)) >= 3,
    "argument ('I believe', 'we must'), 2+": lambda t: len(_ARGUMENT.findall(t)) >= 2,
    "label line (Opinion, Commentary, Editorial ...)": lambda t: bool(_LABEL.search(t)),
    "'By NAME' line at the top": lambda t: bool(_BYLINE.search(t[:600])),
    "contributor note (Board of Contributors, 'opinions are his own' ...)": lambda t: bool(_CONTRIBUTOR.search(t)),
    "editorial 'we' (this newspaper, our editorial board ...)": lambda t: bool(_EDITORIAL.search(t)),
}


def _article(path: Path) -> tuple[list[str], int, int, int, int, str, list[str]]:
    """Writers, sections' sentences, authored statements, their characters, the sections' characters, what
    found the writer, and the marks of opinion writing the text holds."""
    text = clean_text(path.read_text(encoding="utf-8")).text
    unquoted = _QUOTED.sub(" ", text)
    marks = [mark for mark, holds in MARKS.items() if holds(unquoted)]
    sections = signed_sections(text)
    if not sections:
        return [], 0, 0, 0, 0, "", marks
    stmts, drafts = pipeline.attributed(text, [], [])
    sentences = split_sentences(text)
    own = [s for s in with_authored(text, stmts, drafts, sentences) if isinstance(s, AuthoredDraft)]
    inside = [s for s in sentences if any(a <= s.start and s.end <= b for a, b in (x.span for x in sections))]
    return (
        [s.author for s in sections],
        len(inside),
        len(own),
        sum(s.span[1] - s.span[0] for s in own),
        sum(s.end - s.start for s in inside),
        sections[0].found_by,
        marks,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", nargs="+", default=["train", "dev"], choices=["train", "dev"])
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write authored-polnear.md")
    args = parser.parse_args()
    totals = [0, 0, 0, 0, 0, 0]
    by_signal: Counter[str] = Counter()
    marked: Counter[str] = Counter()
    marked_found: Counter[str] = Counter()
    lines = [
        "# Where a writer's own statements appear on PolNeAR (`python bench/authored.py`)\n",
        "| split | article | writers | sentences in sections | authored statements | their chars | all chars "
        "| found by |",
        "| :-- | :-- | --: | --: | --: | --: | --: | :-- |",
    ]
    for split in args.split:
        for path in sorted((POLNEAR / split / "text").glob("*.txt")):
            totals[0] += 1
            writers, sentences, own, chars, every, found_by, marks = _article(path)
            marked.update(marks)
            if not writers:
                continue
            marked_found.update(marks)
            by_signal[found_by] += 1
            totals[1] += 1
            for i, value in enumerate((sentences, own, chars, every), 2):
                totals[i] += value
            lines.append(
                f"| {split} | {path.stem[:50]} | {len(writers)} | {sentences} | {own} | {chars} | {every} "
                f"| {found_by} |"
            )
    articles, found, sentences, own, chars, every = totals
    lines.append(
        f"\n{found} of {articles} articles have a writer of their own; {own} authored statements of "
        f"{sentences} sentences in their sections ({chars} of {every} characters)"
    )
    lines += ["", "| what named the writer | articles |", "| :-- | --: |"]
    lines += [f"| {how} | {by_signal[how]} |" for how in FOUND_BY]
    lines += ["", "| mark of opinion writing in the text (outside quotes) | articles | of them with a writer |"]
    lines += ["| :-- | --: | --: |"]
    lines += [f"| {mark} | {marked[mark]} | {marked_found[mark]} |" for mark in MARKS]
    print("\n".join(lines))
    out = args.results / "authored-polnear.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"-> {out}")


if __name__ == "__main__":
    main()
