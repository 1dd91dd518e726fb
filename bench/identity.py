#!/usr/bin/env python3
"""A fingerprint of everything the deterministic stages decide, to prove a speed change changes nothing.

Every article (PolNeAR train and dev, the seeds, bench/dev) goes through `pipeline.prepare` and
`pipeline.plan`, with a fixed stand-in for the model: each statement label accuses the first names of its
offer with a category that cycles through the labels (so the judge, denials and the second look all run),
and every verify question is answered yes or no in turn. What is hashed per article: the requests (messages,
the answer model's exact schema, the output budget: the statements, speakers and offered names are in
them) and the record's actors, statements and allegations. Run it on two trees and compare the total (and,
when it differs, the per-article lines written with `--out`).

    PYTHONPATH=$PWD python bench/identity.py --out /tmp/ids-after.tsv
    diff /tmp/ids-before.tsv /tmp/ids-after.tsv
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from benchlib import REPO, SEEDS

from extract import pipeline
from extract.model.answers import Label
from extract.model.prompting import load_prompts
from extract.text.loading import load_document

#: ../shared/data/polnear beside the checkout, else two levels up (a git worktree), as bench/statements.py.
POLNEAR = next(
    (
        p
        for p in (REPO.parent / "shared" / "data" / "polnear", REPO.parent.parent / "shared" / "data" / "polnear")
        if p.is_dir()
    ),
    REPO.parent / "shared" / "data" / "polnear",
)
LABELS = [label.value for label in Label]


def default_inputs(data: Path) -> list[Path]:
    """PolNeAR train and dev texts, the seeds and bench/dev's articles, in a fixed order."""
    paths = sorted((data / "train" / "text").glob("*.txt")) + sorted((data / "dev" / "text").glob("*.txt"))
    paths += sorted(SEEDS.glob("*.txt")) + sorted((REPO / "bench" / "dev" / "articles").glob("*"))
    return paths


def answer(request: pipeline.ModelRequest, seed: int) -> Any:
    """A fixed, valid answer to one request (see the module's docstring)."""
    schema = json.loads(request.response_model.exact or "{}") if request.label == "accusations" else None
    if schema is not None:
        labels = {}
        for n, key in enumerate(schema.get("required", [])):
            props = schema["$defs"][f"S{key[1:]}"]["properties"]["accused"]
            choices = props["items"].get("enum", [])
            category = LABELS[(seed + n) % len(LABELS)]
            labels[key] = {"accused": choices[: (seed + n) % 3] if category != "none" else [], "category": category}
        return request.response_model.model_validate(labels)
    fields = list(request.response_model.model_fields)
    verdicts = {f: ("yes" if (seed + n) % 2 == 0 else "no") for n, f in enumerate(fields)}
    return request.response_model.model_validate(verdicts)


def fingerprint(path: Path, prompts: Any, seed: int) -> str:
    """The sha256 of one article's requests and record parts."""
    digest = hashlib.sha256()
    prepared = pipeline.prepare(load_document(path))
    digest.update(prepared.text.encode())
    steps = pipeline.plan(prepared.text, prompts, prepared.warnings, writer=pipeline.page_writer(prepared))
    try:
        requests = next(steps)
        while True:
            answers = []
            for request in requests:
                schema = getattr(request.response_model, "exact", None) or json.dumps(
                    request.response_model.model_json_schema(), sort_keys=True
                )
                digest.update(
                    json.dumps([request.label, request.messages, schema, request.max_tokens, request.optional]).encode()
                )
                answers.append(answer(request, seed))
            requests = steps.send(answers)
    except StopIteration as done:
        actors, statements, allegations = done.value
    for part in (actors, statements, allegations):
        digest.update(json.dumps([item.model_dump(mode="json") for item in part], sort_keys=True).encode())
    digest.update(json.dumps(prepared.warnings).encode())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("paths", nargs="*", type=Path, help="articles (default: PolNeAR train+dev, seeds, bench/dev)")
    parser.add_argument("--data", type=Path, default=POLNEAR)
    parser.add_argument("--out", type=Path, help="write one line per article: path, sha256")
    args = parser.parse_args(argv)
    paths = args.paths or default_inputs(args.data)
    prompts = load_prompts()
    total = hashlib.sha256()
    lines = []
    started = time.process_time()
    for seed, path in enumerate(paths):
        value = fingerprint(path, prompts, seed)
        total.update(value.encode())
        lines.append(f"{path.name}\t{value}\n")
    cpu = time.process_time() - started
    if args.out:
        args.out.write_text("".join(lines))
    print(f"{len(paths)} articles, {cpu:.1f} s CPU ({1000 * cpu / len(paths):.1f} ms per article)")
    print(f"fingerprint {total.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
