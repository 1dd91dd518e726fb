#!/usr/bin/env python3
"""Check the real-news gold against its articles (PolNeAR texts or L3S-GN1 pages), and count what it holds.

Checks, per gold file: it loads with `extract.output.gold.load_golds` (so `extract eval` can read it); each
`applies_to` name is a PolNeAR text file (dev or train) or, for a `NAME.html`, an L3S-GN1 page under
`--pages` (`original/NAME.html`, `annotated/NAME.html`); every statement text occurs verbatim in that
article (an L3S page: in the headline and full text L3S marks, whitespace runs counted as one space, as a
reader sees the page); no `must_not_contain` string is in the article itself; every speaker, accuser,
accused and denied_by is the name of one of the file's actors; no actor name is given twice; every
allegation has at least one keyword. Prints a table of counts per article (actors / statements /
allegations / denials, required items first, all items in brackets) and exits 1 if anything failed.

    python bench/real/check_gold.py                       # bench/real/gold against ../shared/data/polnear
    python bench/real/check_gold.py --data /path/to/polnear --markdown
    python bench/real/check_gold.py --paths               # the 36 article paths, for `extract run` / quality.py
    python bench/real/check_gold.py --gold bench/real/general --pages /tmp/l3s   # general news (L3S-GN1)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
#: ../shared/data/polnear beside the checkout (as the README says), else two levels up (a git worktree).
DEFAULT_DATA = next(
    (p for p in (REPO.parent / "shared" / "data" / "polnear", REPO.parent.parent / "shared" / "data" / "polnear")
     if p.is_dir()),
    REPO.parent / "shared" / "data" / "polnear",
)
SPLITS = ("dev", "train")
#: The unpacked L3S-GN1 pages (`original/`, `annotated/`; `bench/general_news.py --data` reads the same folder):
#: a gold file whose `applies_to` names a `.html` page is general news, split "l3s-gn1".
DEFAULT_PAGES = Path("/tmp/l3s")
L3S_SPLIT = "l3s-gn1"


def find_article(data: Path, name: str, pages: Path | None = None) -> tuple[str, Path] | None:
    """The split and path of a PolNeAR text file, or of an L3S-GN1 original page (a `.html` name), or None."""
    if name.endswith(".html"):
        page = (pages or DEFAULT_PAGES) / "original" / name
        return (L3S_SPLIT, page) if page.is_file() else None
    for split in SPLITS:
        path = data / split / "text" / name
        if path.is_file():
            return split, path
    return None


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def article_text(split: str, path: Path) -> str:
    """What a gold's statements must be verbatim in: a PolNeAR text as it is; an L3S page's headline and full
    text as its annotated copy marks them (`general_news.labelled_text`), whitespace runs made one space."""
    if split != L3S_SPLIT:
        return path.read_text(encoding="utf-8")
    if str(HERE.parent) not in sys.path:
        sys.path.insert(0, str(HERE.parent))
    from general_news import labelled_text

    annotated = path.parent.parent / "annotated" / path.name
    return _spaced(labelled_text(annotated.read_text(encoding="utf-8", errors="replace"))["body"])


def check_file(path: Path, data: Path, pages: Path | None = None) -> tuple[list[str], dict[str, object]]:
    """Problems found in one gold file, and its counts."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    names = [a["name"] for a in gold.get("actors", [])]
    if len(set(names)) != len(names):
        problems.append(f"actor named twice: {sorted({n for n in names if names.count(n) > 1})}")
    known = set(names)
    texts: list[str] = []
    split = "?"
    for name in gold.get("applies_to", []):
        found = find_article(data, name, pages)
        if found is None:
            problems.append(f"applies_to {name}: no such PolNeAR text file or L3S page")
            continue
        split, article = found
        texts.append(article_text(split, article))
    spaced = split == L3S_SPLIT
    for i, st in enumerate(gold.get("statements", [])):
        if st["speaker"] not in known:
            problems.append(f"statements[{i}].speaker {st['speaker']!r} is not a gold actor")
        if st.get("kind") not in ("direct", "indirect"):
            problems.append(f"statements[{i}].kind {st.get('kind')!r}")
        for text in texts:
            if (_spaced(st["text"]) if spaced else st["text"]) not in text:
                problems.append(f"statements[{i}] not verbatim in the article: {st['text'][:70]!r}")
    for i, leak in enumerate(gold.get("must_not_contain", [])):
        if any((_spaced(leak) if spaced else leak) in text for text in texts):
            problems.append(f"must_not_contain[{i}] is in the article itself: {leak[:70]!r}")
    for i, al in enumerate(gold.get("allegations", [])):
        for role in ("accuser", "accused"):
            for who in al[role]:
                if who not in known:
                    problems.append(f"allegations[{i}].{role} {who!r} is not a gold actor")
        if al.get("denied_by") and al["denied_by"] not in known:
            problems.append(f"allegations[{i}].denied_by {al['denied_by']!r} is not a gold actor")
        if set(al["accuser"]) & set(al["accused"]):
            problems.append(f"allegations[{i}]: the same actor accuses and is accused")
        if not al.get("keywords"):
            problems.append(f"allegations[{i}]: no keywords")

    def count(items: list[dict[str, object]]) -> str:
        return f"{sum(1 for x in items if x.get('required', True))} ({len(items)})"

    allegations = gold.get("allegations", [])
    denials = [a for a in allegations if a.get("denied_by")]
    counts: dict[str, object] = {
        "file": path.name,
        "split": split,
        "set": "accusation" if any(a.get("required", True) for a in allegations) else "none",
        "chars": len(texts[0]) if texts else 0,
        "actors": count(gold.get("actors", [])),
        "statements": count(gold.get("statements", [])),
        "allegations": count(allegations),
        "denials": count(denials),
        "_totals": [
            sum(1 for x in gold.get(k, []) if x.get("required", True)) for k in ("actors", "statements", "allegations")
        ]
        + [sum(1 for a in denials if a.get("required", True))],
    }
    return problems, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=HERE / "gold")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the PolNeAR folder")
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES,
                        help="the unpacked L3S-GN1 folder (original/, annotated/) for .html gold")
    parser.add_argument("--markdown", action="store_true", help="print the counts as a markdown table")
    parser.add_argument(
        "--paths",
        action="store_true",
        help="only print the path of each gold file's article, one a line (input for a bench run)",
    )
    args = parser.parse_args()
    if args.paths:
        for path in sorted(args.gold.glob("*.gold.json")):
            for name in json.loads(path.read_text(encoding="utf-8")).get("applies_to", []):
                found = find_article(args.data, name, args.pages)
                print(found[1] if found else f"missing: {name}")
        return 0

    sys.path.insert(0, str(REPO))
    from extract.errors import ExtractError
    from extract.output.gold import load_golds

    failed = False
    try:
        load_golds(args.gold)  # the evaluator's own validation: names, shapes, no file claimed twice
    except ExtractError as exc:
        print(f"extract eval cannot load the gold: {exc}")
        failed = True
    rows = []
    for path in sorted(args.gold.glob("*.gold.json")):
        problems, counts = check_file(path, args.data, args.pages)
        rows.append(counts)
        for problem in problems:
            print(f"{path.name}: {problem}")
        failed = failed or bool(problems)
    cols = ("file", "split", "set", "chars", "actors", "statements", "allegations", "denials")
    totals = [sum(r["_totals"][i] for r in rows) for i in range(4)]  # type: ignore[index]
    if args.markdown:
        print("| " + " | ".join(cols) + " |")
        print("| " + " | ".join(":--" if c in ("file", "split", "set") else "--:" for c in cols) + " |")
        for r in rows:
            print("| " + " | ".join(str(r[c]) for c in cols) + " |")
        print(f"| total ({len(rows)} articles) | | | | " + " | ".join(map(str, totals)) + " |")
    else:
        for r in rows:
            print("  ".join(f"{r[c]!s:<{w}}" for c, w in zip(cols, (56, 5, 10, 5, 7, 7, 7, 7), strict=True)))
        print(
            f"{len(rows)} articles ({sum(r['set'] == 'accusation' for r in rows)} with accusations); required "
            f"actors {totals[0]}, statements {totals[1]}, allegations {totals[2]}, denials {totals[3]}"
        )
    print("problems found" if failed else "all checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
