"""Pronoun and description speakers on general news: a fixed random sample of L3S statements to read by hand.

    PYTHONPATH=$PWD python bench/l3s_speakers.py                  # the read sample's speakers on this tree
    python bench/l3s_speakers.py --show 0 60                      # print the sample (terminal only: page text)
    PYTHONPATH=$PWD python bench/l3s_speakers.py --dump /tmp/a.json   # also every statement's speaker
    python bench/l3s_speakers.py --diff /tmp/a.json /tmp/b.json      # the speakers that changed between two dumps

Each non-blind L3S-GN1 page (`/tmp/l3s_text/*.txt`: the prepared texts the tool reads, see COMMON notes;
`benchlib.blind_pages` are left out) goes through `pipeline.attributed` (finder, merging, trimming, actors,
attribution: the model never changes a speaker). A statement whose own speaker phrase is a pronoun ("he",
"his campaign") or a description ("the commissioner", "a spokesman") is a case; 40 pronoun and 20 description
cases were drawn at random from main's and read; `bench/results/l3s-speakers-sample.json` keeps where they
are (page id, span), main's speaker and the verdict, so another tree's speakers are compared case by case.

Session 21 (speakers), read by hand: main 97a3aa6 45 of 60 right (pronouns 32 of 40, descriptions 13 of 20).
Wrong pronouns: a description speaker not joined to its name and "he" carried on from there ("The former
butler"), the nearest name inside reported speech instead of its subject, a description subject that is no
actor ("The speaker … He says"), a writer's "we", a passive ("he was told by"), an unnamed official skipped
for the person named before him (fixed: 46 of 60), a team taken for a person ("Milwaukee Braves"), a wife
taken for her husband (one surname). Wrong descriptions: not joined to the name given before ("the Spurs
boss", "The Norwegian company"), the wrong body of its kind ("The paper"), the finder's phrase wrong.
The sample never left the terminal; only these counts are written here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import benchlib
from benchlib import REPO

sys.path.insert(0, str(REPO))

from extract import pipeline
from extract.language.actors import is_pronoun
from extract.language.antecedents import POSSESSIVE_PRONOUN

TEXTS = Path("/tmp/l3s_text")
SAMPLE = REPO / "bench" / "results" / "l3s-speakers-sample.json"


def phrase_kind(phrase: str | None) -> str | None:
    """'pronoun', 'description' or None for a speaker phrase."""
    p = (phrase or "").strip()
    if not p:
        return None
    if is_pronoun(p) or POSSESSIVE_PRONOUN.fullmatch(p.rstrip(",")):
        return "pronoun"
    if p[:1].islower() or re.match(r"(?:The|A|An|This|That)\s", p):
        return "description"
    return None


def statements(texts: Path) -> list[dict[str, object]]:
    """Every statement of the non-blind pages: page, span, own phrase, whether it continues, speaker."""
    blind = {p.removesuffix(".html") for p in benchlib.blind_pages()}
    out: list[dict[str, object]] = []
    for path in sorted(texts.glob("*.txt")):
        if path.stem in blind:
            continue
        text = path.read_text()
        stmts, _ = pipeline.attributed(text, [], [])
        for st in stmts:
            c = st.candidate
            out.append({
                "page": path.stem, "span": list(st.span), "phrase": c.speaker, "continues": c.continues is not None,
                "at": c.cue_span[0] if c.cue_span else c.span[0], "speaker": st.speaker.name,
            })
    return out


def read_sample(items: list[dict[str, object]], path: Path = SAMPLE) -> None:
    """Each case of the read sample beside this tree's speaker: counts of unchanged (right) and changed cases.

    The sample (`SAMPLE`: page ids, spans, main's speaker and the verdict read, no page text) was drawn at
    random (seed 21) from main 97a3aa6's cases; a case whose speaker changed must be read again.
    """
    now = {(x["page"], tuple(x["span"])): x["speaker"] for x in items}  # type: ignore[arg-type]
    cases = json.loads(path.read_text())
    same = right = 0
    for k, case in enumerate(cases):
        speaker = now.get((case["page"], tuple(case["span"])), "(no statement)")
        if speaker == case["main_speaker"]:
            same += 1
            right += case["verdict"] == "right"
        else:
            print(f"#{k} {case['page'][:8]} {case['span']}: {case['main_speaker']!r} -> {speaker!r}")
            print(f"    main read: {case['verdict']}")
    print(f"{len(cases)} cases: {same} speakers as on main ({right} of them read right), {len(cases) - same} changed")


def show(path: Path, lo: int, hi: int, texts: Path) -> None:
    """Print cases lo..hi of the sample with the 700 characters before them (terminal only)."""
    for k, x in enumerate(json.loads(path.read_text())[lo:hi], lo):
        text = (texts / f"{x['page']}.txt").read_text()
        a, b = x["span"]
        print(f"#{k} {x['kind']} main {x['main_speaker']!r}: {x['verdict']} page={x['page'][:8]}")
        print("   ", (text[max(0, a - 700) : a] + "[[" + text[a:b] + "]]").replace("\n", " / "), "\n")


def diff(before: Path, after: Path) -> None:
    """The statements whose speaker changed between two `--dump` files, and those only one has."""
    a = {(x["page"], tuple(x["span"])): x for x in json.loads(before.read_text())}
    b = {(x["page"], tuple(x["span"])): x for x in json.loads(after.read_text())}
    print(f"only before {len(a.keys() - b.keys())}, only after {len(b.keys() - a.keys())}")
    changed = sorted(k for k in a.keys() & b.keys() if a[k]["speaker"] != b[k]["speaker"])
    kinds = Counter(phrase_kind(str(a[k]["phrase"] or "")) or "name" for k in changed)
    print(f"changed {len(changed)}: {dict(kinds)}")
    for k in changed:
        print(f"{k[0][:8]} {list(k[1])} phrase={a[k]['phrase']!r}: {a[k]['speaker']!r} -> {b[k]['speaker']!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--show", type=int, nargs=2, metavar=("FROM", "TO"), help="print these cases (terminal)")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--diff", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.diff:
        diff(*args.diff)
        return 0
    if args.show:
        show(SAMPLE, args.show[0], args.show[1], args.texts)
        return 0
    items = statements(args.texts)
    if args.dump:
        args.dump.write_text(json.dumps(items))
    read_sample(items)
    return 0


if __name__ == "__main__":
    sys.exit(main())
