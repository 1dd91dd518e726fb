"""Where the writer's own statements appear on PolNeAR, and how many of a piece's sentences they take.

`extract.language.authorial` makes a signed letter's or op-ed's own sentences statements of its writer; a
news report must get none. This bench runs the text-only part of the pipeline (actors from the text,
attribution, then `with_authored`; no model) on every PolNeAR article of the chosen splits and prints:
each article where a writer was found (writers, sections, authored statements, the sentences of those
sections, and the characters the authored statements add to the model's request), then the totals.
Read the list: every article in it must be an opinion piece or a page of letters.


    python bench/authored.py --split train dev
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchlib import REPO, RESULTS

from extract.language.actors import build_actors, finish_actors
from extract.language.attribution import attribute, merge_same_sentence
from extract.language.authorial import AuthoredDraft, signed_sections, with_authored
from extract.language.grounding import trim_span
from extract.language.speech import find_speech, split_sentences
from extract.text.cleaning import clean_text

#: ../shared/data/polnear beside the checkout, else two levels up (a git worktree), as bench/statements.py.
POLNEAR = next(
    (p for p in (REPO.parent / "shared" / "data" / "polnear", REPO.parent.parent / "shared" / "data" / "polnear")
     if p.is_dir()),
    REPO.parent / "shared" / "data" / "polnear",
)  # fmt: skip


def _article(path: Path) -> tuple[list[str], int, int, int, int]:
    """Writers, sections' sentences, authored statements, their characters, and the sections' characters."""
    text = clean_text(path.read_text(encoding="utf-8")).text
    sections = signed_sections(text)
    if not sections:
        return [], 0, 0, 0, 0
    warnings: list[str] = []
    candidates = merge_same_sentence(text, find_speech(text))
    spans = [trim_span(text, c.span) for c in candidates]
    drafts = build_actors(text, [], warnings)
    stmts = attribute(text, candidates, spans, drafts, warnings)
    finish_actors(text, drafts)
    sentences = split_sentences(text)
    own = [s for s in with_authored(text, stmts, drafts, sentences) if isinstance(s, AuthoredDraft)]
    inside = [s for s in sentences if any(a <= s.start and s.end <= b for a, b in (x.span for x in sections))]
    return (
        [s.author for s in sections],
        len(inside),
        len(own),
        sum(s.span[1] - s.span[0] for s in own),
        sum(s.end - s.start for s in inside),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", nargs="+", default=["train", "dev"], choices=["train", "dev"])
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write authored-polnear.md")
    args = parser.parse_args()
    totals = [0, 0, 0, 0, 0, 0]
    lines = [
        "# Where a writer's own statements appear on PolNeAR (`python bench/authored.py`)\n",
        "| split | article | writers | sentences in sections | authored statements | their chars | all chars |",
        "| :-- | :-- | --: | --: | --: | --: | --: |",
    ]
    for split in args.split:
        for path in sorted((POLNEAR / split / "text").glob("*.txt")):
            totals[0] += 1
            writers, sentences, own, chars, every = _article(path)
            if not writers:
                continue
            totals[1] += 1
            for i, value in enumerate((sentences, own, chars, every), 2):
                totals[i] += value
            lines.append(f"| {split} | {path.stem[:50]} | {len(writers)} | {sentences} | {own} | {chars} | {every} |")
    articles, found, sentences, own, chars, every = totals
    lines.append(
        f"\n{found} of {articles} articles have a writer of their own; {own} authored statements of "
        f"{sentences} sentences in their sections ({chars} of {every} characters)"
    )
    print("\n".join(lines))
    out = args.results / "authored-polnear.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"-> {out}")


if __name__ == "__main__":
    main()
