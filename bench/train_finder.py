"""Train the learned finder (extract/language/speech/learned.py) on PolNeAR train; writes extract/data/finder.crfsuite.

    python bench/train_finder.py [--data DIR] [--out FILE] [--c1 X] [--c2 X] [--iterations N] [--min-freq N]
                                 [--half [--odd]]

Every article of the train split (840, less the held-out sets' 17: 823; dev is never read here) is tokenised
into paragraphs as the finder does, and each token labelled B-/I- Cue, Source or Content from the article's
first annotation file (the one score.py reads). Nested attributions are one layer: the longest content is
labelled first and an attribution whose content overlaps one already labelled is left out. Training is L-BFGS,
which has no random start: the same data and options give the same model, byte for byte. Texts are read from the
data folder, never copied; the model holds feature weights only. Beside the model, `bench/results/finder-training.txt`
lists the articles it was trained on and the model's SHA-256 (tests/test_speech_learned.py checks
that no dev or held-out article is among them).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from benchlib import REPO, RESULTS, held_out_articles

sys.path.insert(0, str(REPO))

import pycrfsuite
from statements import DATA

from extract.language.speech.learned import MODEL_FILE, Token, features, paragraphs

Segments = list[tuple[int, int]]


def annotations(ann: Path) -> list[dict[str, Segments]]:
    """The attribution relations of one brat file: each role's character segments."""
    spans: dict[str, Segments] = {}
    relations: list[dict[str, Segments]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and "\t" in line:
            tid, rest = line.split("\t")[:2]
            typ = rest.split()[0]
            spans[tid] = [(int(a), int(b)) for a, b in (s.split() for s in rest[len(typ) + 1 :].split(";"))]
        elif line.startswith("E") and "\t" in line:
            rel = dict(p.split(":", 1) for p in line.split("\t")[1].split() if ":" in p)
            relations.append({role: spans.get(rel.get(role, ""), []) for role in ("Content", "Source", "Cue")})
    return [r for r in relations if r["Content"]]


def labels(tokens: list[Token], taken: dict[int, str]) -> list[str]:
    """B-/I- labels of one paragraph's tokens; `taken` (token start -> label) is shared across paragraphs."""
    out = []
    previous = ""
    for t in tokens:
        label = taken.get(t.start, "")
        out.append("O" if not label else ("I-" if label == previous else "B-") + label)
        previous = label
    return out


def assign(tokens: list[Token], relations: list[dict[str, Segments]]) -> dict[int, str]:
    """Which label each token start gets: longest content first, one layer, cue and source where still free."""

    def covered(segments: Segments) -> list[int]:
        return [t.start for t in tokens if any(a < t.end and t.start < b for a, b in segments)]

    taken: dict[int, str] = {}
    size = {id(r): sum(b - a for a, b in r["Content"]) for r in relations}
    for rel in sorted(relations, key=lambda r: -size[id(r)]):
        content = covered(rel["Content"])
        if not content or any(s in taken for s in content):
            continue
        for s in content:
            taken[s] = "Content"
        for role in ("Cue", "Source"):
            for s in covered(rel[role]):
                taken.setdefault(s, role)
    return taken


MANIFEST = RESULTS / "finder-training.txt"


def training_articles(data: Path, half: bool = False, odd: bool = False) -> list[Path]:
    """The train split's texts the model may learn from: never a dev article, never one of a held-out set
    (bench/real/holdout*: measured there, so never learnt from). With `half` every other one (from the second
    with `odd`): the other half is where bench/tune_finder.py chooses options."""
    dev = {p.stem for p in (data / "dev" / "text").glob("*.txt")}
    banned = held_out_articles() | dev
    paths = [p for p in sorted((data / "train" / "text").glob("*.txt")) if p.stem not in banned]
    return paths[int(odd) :: 2 if half else 1]


def training_data(paths: list[Path]) -> tuple[list[list[list[str]]], list[list[str]]]:
    """Features and labels of every paragraph of the given train articles."""
    xs, ys = [], []
    for path in paths:
        split_dir = path.parent.parent
        ann = sorted((split_dir / "attributions").glob(f"{path.stem}_*.ann"))[0]
        text = path.read_text(encoding="utf-8")
        paras = list(paragraphs(text))
        taken = assign([t for p in paras for t in p], annotations(ann))
        for tokens in paras:
            xs.append(features(tokens))
            ys.append(labels(tokens, taken))
    return xs, ys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=REPO / "extract" / "data" / MODEL_FILE)
    parser.add_argument("--c1", type=float, default=1.5)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--min-freq", type=float, default=3)
    parser.add_argument(
        "--half",
        action="store_true",
        help="train on every other train article, to choose options on the rest (never on dev)",
    )
    parser.add_argument(
        "--odd", action="store_true", help="with --half: the odd train articles instead (the other fold)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = training_articles(args.data, args.half, args.odd)
    xs, ys = training_data(paths)
    counts: dict[str, int] = {}
    for y in ys:
        for label in y:
            counts[label] = counts.get(label, 0) + 1
    print(f"{len(xs)} paragraphs, {sum(map(len, xs))} tokens, labels {dict(sorted(counts.items()))}")
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.minfreq": args.min_freq,
            "feature.possible_transitions": True,
        }
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    log = trainer.logparser.last_iteration
    if args.out.resolve() == (REPO / "extract" / "data" / MODEL_FILE).resolve():
        digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
        lines = [
            f"# {MODEL_FILE} sha256 {digest}; trained on these {len(paths)} PolNeAR train articles",
            *(p.stem for p in paths),
        ]
        MANIFEST.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s; "
        f"iterations {log.get('num')}, loss {log.get('loss'):.0f}, active features {log.get('active_features')}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
