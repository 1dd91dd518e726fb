#!/usr/bin/env python3
"""Actors only, in seconds, without the model: actors scored per gold folder, actor errors put in classes.

The actors no longer depend on the model (they are read from the text alone), so by default every article
runs through `extract`'s own pipeline with a stand-in for the model (`actor_names.stand_in_answer`: nobody
accused, every verify question yes): its actors are exactly a real run's, its statements and allegations
mean nothing (only the actors row is printed). The articles are the PolNeAR texts each `--gold` folder's
files apply to (found as `bench/real/check_gold.py --paths` does), or `--articles` for all folders.

`--replay` instead answers from the user's response cache (`~/.cache/extract`, filled by an earlier run on
the same server and model; a request not in it fails at once) or from a vcrpy `--cassette`, and scores
statements and allegations too; `--without-model-actors` then ignores a cached model actor list (old runs).

    python bench/actors.py --gold bench/real/gold bench/real/holdout bench/real/holdout2 --errors
    python bench/actors.py --articles seeds/ --gold tests/gold --replay --cassette cassettes/test_replay/seeds.yaml

Every actor that matches no gold actor is put in one class (first that applies), decided from the record,
the gold and the text, never printed with article text:

- `duplicate`: it names a gold actor that another actor of the record already matched;
- `headline only`: every mention lies in a Title-Case line;
- `not a name`: a sentence-initial word ("Perhaps"), a description with lower-case words ("X's lawyer"), or a
  piece of a longer capitalised name the text writes ("Responsible Federal Budget");
- `country in passing`: a gazetteer country the gold does not list;
- `place in passing`: a US state or city ("New Jersey", "Staunton Va") the gold does not list;
- `outlet or body in passing`: another name the gold does not list (a network, a court, a university).

Every required gold actor no actor matches is put in one class too:

- `not written by name`: no name or alias of it occurs in the text as written (a description, "her campaign");
- `proposed, dropped`: the model listed it, the grounding dropped it (a warning says why);
- `taken by another actor`: one of its names is an alias of a record actor matched to another gold actor;
- `group or description`: a group written with lower-case words or a plural ("Clinton campaign", "Democrats");
- `not listed`: named in the text, the model did not list it and nothing added it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import benchlib
from actor_names import stand_in_answer
from benchlib import md_table
from real.check_gold import DEFAULT_DATA, find_article

import extract.pipeline as pipeline
from extract.errors import ExtractError
from extract.extractor import Extractor
from extract.language.countries import countries
from extract.language.grounding import find_all
from extract.language.names import title_case_lines
from extract.model.backends import BackendConfig, BackendKind, OutputMode
from extract.model.cache import ResponseCache
from extract.model.client import ModelClient
from extract.model.prompting import load_prompts
from extract.output.evaluation import Score, _resolve, evaluate, normalize_name
from extract.output.gold import Gold, load_golds
from extract.output.records import Record
from extract.running import error_record
from extract.text.loading import iter_paths, load_document
from schemas import ArticleRecord

FALSE_CLASSES = (
    "duplicate",
    "headline only",
    "not a name",
    "country in passing",
    "place in passing",
    "outlet or body in passing",
)
MISSED_CLASSES = (
    "not written by name",
    "proposed, dropped",
    "taken by another actor",
    "group or description",
    "not listed",
)
#: Two-letter and short state abbreviations news writes after a city ("Henderson, Nev."), and the states.
US_STATES = frozenset(
    [
        "Alabama",
        "Alaska",
        "Arizona",
        "Arkansas",
        "California",
        "Colorado",
        "Connecticut",
        "Delaware",
        "Florida",
        "Georgia",
        "Hawaii",
        "Idaho",
        "Illinois",
        "Indiana",
        "Iowa",
        "Kansas",
        "Kentucky",
        "Louisiana",
        "Maine",
        "Maryland",
        "Massachusetts",
        "Michigan",
        "Minnesota",
        "Mississippi",
        "Missouri",
        "Montana",
        "Nebraska",
        "Nevada",
        "Ohio",
        "Oklahoma",
        "Oregon",
        "Pennsylvania",
        "Tennessee",
        "Texas",
        "Utah",
        "Vermont",
        "Virginia",
        "Washington",
        "Wisconsin",
        "Wyoming",
    ]
) | {
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "West Virginia",
    "New York City",
}
_STATE_ABBREVIATION = re.compile(
    r",?\s+(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich"
    r"|Minn|Miss|Mo|Mont|Neb|Nev|N\.?[HJMYCD]|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis"
    r"|Wyo)\.?$"
)


class NotCached(Exception):
    """A request the response cache does not hold: the replay never asks a server."""


def _offline(**_: Any) -> Any:
    raise NotCached("not in the response cache")


def cassette_answers(path: Path) -> Callable[..., Any]:
    """A `create` that answers a request whose messages a vcrpy cassette recorded, and fails on any other."""
    import yaml
    from openai.types.chat import ChatCompletion

    answers = {}
    for item in yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]:
        body = json.loads(item["request"]["body"])
        answers[json.dumps(body["messages"], sort_keys=True)] = item["response"]["body"]["string"]

    def create(**kwargs: Any) -> Any:
        answer = answers.get(json.dumps(kwargs["messages"], sort_keys=True))
        if answer is None:
            raise NotCached("not in the cassette")
        return ChatCompletion.model_validate_json(answer)

    return create


def replay_client(namespace: str, cassette: Path | None = None) -> ModelClient:
    """A client that answers from the response cache under `namespace` (or a cassette), never from a server."""
    model = namespace.split(":", 1)[1]
    config = BackendConfig(BackendKind.COMPAT, model, "http://127.0.0.1:9/v1", "none", OutputMode.LLAMA_SCHEMA)
    cache = ResponseCache(Path(tempfile.mkdtemp()) if cassette else None, namespace=namespace)
    client = ModelClient(config, config.base_url, model, max_retries=0, cache=cache)
    assert client._cached is not None
    client._cached.create = cassette_answers(cassette) if cassette else _offline
    return client


class StandIn:
    """A model client that never calls a model: every request gets `actor_names.stand_in_answer`."""

    model = "stand-in"

    def complete(self, response_model: Any, messages: Any, stats: Any, *, label: str, **_: Any) -> Any:
        return stand_in_answer(SimpleNamespace(label=label, response_model=response_model))  # type: ignore[arg-type]


def run(
    paths: Sequence[Path], client: Any, model_actors: bool = False, without_model: bool = False
) -> tuple[list[Record], dict[str, list[str]], float, float]:
    """Records of `paths` from `client`, the names the model proposed per article, CPU seconds in all and
    inside `build_actors` (grounding the proposed names and finding actors in the text).

    `model_actors`: ask for the model's actor list (what old cached runs asked); `without_model`: throw the
    list away, so the actors are what the text alone gives (issue 14).
    """
    extractor = Extractor(client, load_prompts(), "replay", model_actors=model_actors)
    proposed: dict[str, list[str]] = {}
    spent = [0.0]  # CPU seconds inside build_actors
    build = pipeline.build_actors

    def spy(text: str, names: list[tuple[str, str]], warnings: list[str]) -> Any:
        proposed[current] = [] if without_model else [n for n, _ in names]
        started = time.process_time()
        try:
            return build(text, [] if without_model else names, warnings)
        finally:
            spent[0] += time.process_time() - started

    pipeline.build_actors = spy  # type: ignore[assignment]
    records: list[Record] = []
    started = time.process_time()
    try:
        for path in paths:
            current = str(path)
            try:
                records.append(extractor.extract(load_document(path)))
            except ExtractError as exc:
                records.append(error_record(str(path), exc))
    finally:
        pipeline.build_actors = build  # type: ignore[assignment]
    return records, proposed, time.process_time() - started, spent[0]


def gold_articles(folder: Path, data: Path = DEFAULT_DATA) -> list[Path]:
    """The PolNeAR texts the gold files of `folder` apply to (a missing one is skipped with a line on stderr)."""
    paths = []
    for path in sorted(folder.glob("*.gold.json")):
        for name in json.loads(path.read_text(encoding="utf-8")).get("applies_to", []):
            found = find_article(data, name)
            if found:
                paths.append(found[1])
            else:
                print(f"{folder}: no article {name} in {data}", file=sys.stderr)
    return paths


def _gold_names(gold: Gold) -> list[list[str]]:
    return [[n for n in map(normalize_name, (a.name, *a.aliases)) if n] for a in gold.actors]


def _not_a_name(text: str, name: str) -> bool:
    words = name.split()
    if any(w[:1].islower() for w in words[1:]) and not all(
        w in ("of", "for", "the", "and") for w in words if w[:1].islower()
    ):
        return True  # "Pagliano's lawyer", "Obama's former campaign strategist"
    if re.search(r"['’]s\b", name):
        return True
    if len(words) == 1:  # capitalised only where a sentence starts: "Perhaps", "Once", "Demonstrators"
        spans = find_all(text, name)
        return bool(spans) and all(re.search(r'(?:^|[.!?:"“”]\s*|\n)$', text[max(0, s - 3) : s]) for s, _ in spans)
    longer = re.compile(
        r"(?:[A-Z][\w'’-]*\s+(?:(?:of|for|a|the|and)\s+)*)+"
        + re.escape(name)
        + r"|"
        + re.escape(name)
        + r"(?:\s+(?:of|for|the)?\s*[A-Z][\w'’-]*)+"
    )
    spans = find_all(text, name)
    return bool(spans) and all(  # always inside a longer name: "Committee for a Responsible Federal Budget"
        any(
            m.start() <= s and e <= m.end() and m.group(0) != name
            for m in longer.finditer(text, max(0, s - 60), e + 60)
        )
        for s, e in spans
    )


def false_class(record: ArticleRecord, actor_id: str, gold: Gold, matched: set[int]) -> str:
    """The class of one actor that matches no gold actor (see the module docstring)."""
    actor = next(a for a in record.actors if a.id == actor_id)
    text = record.text
    if _resolve(actor, _gold_names(gold)) & matched:
        return "duplicate"
    lines = title_case_lines(text)
    spans = [s for n in (actor.name, *actor.aliases) for s in find_all(text, n)]
    if spans and all(any(a <= s and e <= b for a, b in lines) for s, e in spans):
        return "headline only"
    if _not_a_name(text, actor.name):
        return "not a name"
    if re.sub(r"^the\s+", "", actor.name.lower()).replace(".", "").replace(" ", "") in countries():
        return "country in passing"
    if actor.name in US_STATES or _STATE_ABBREVIATION.search(actor.name) or actor.kind == "country":
        return "place in passing"
    return "outlet or body in passing"


def missed_class(record: Record, gold: Gold, index: int, proposed: list[str], matched_by: dict[int, Any]) -> str:
    """The class of one required gold actor no actor matched (see the module docstring)."""
    text = record.text if isinstance(record, ArticleRecord) else ""
    actor = gold.actors[index]
    names = [n for n in (actor.name, *actor.aliases) if n]
    keys = {normalize_name(n) for n in names}
    if not any(find_all(text, n) for n in names):
        return "not written by name"
    if any(normalize_name(p) in keys or any(f" {k} " in f" {normalize_name(p)} " for k in keys) for p in proposed):
        return "proposed, dropped"
    if isinstance(record, ArticleRecord) and any(
        keys & {normalize_name(n) for n in (a.name, *a.aliases)} for a in record.actors
    ):
        return "taken by another actor"
    if any(w[:1].islower() for w in actor.name.split()[1:]) or (actor.name.endswith("s") and actor.kind != "person"):
        return "group or description"
    return "not listed"


def classify(
    records: Sequence[Record], golds: Sequence[Gold], proposed: dict[str, list[str]]
) -> tuple[Counter[str], Counter[str], list[str], Counter[tuple[str, str]]]:
    """Counts of false and missed actors per class, one line per error (names only, no article text), and
    the (gold kind, record kind) pairs of the actors that match one gold actor."""
    report = evaluate(records, golds)
    by_path = {r.source.path: r for r in records}
    false: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    lines = []
    for art in report.articles:
        record = by_path[art.path]
        gold = next(g for g in golds if (g.file or g.applies_to[0]) == art.gold)
        score = art.scores["actors"]
        names = _gold_names(gold)
        actors = record.actors if isinstance(record, ArticleRecord) else []
        matched = {i for a in actors if a.id not in score.spurious for i in _resolve(a, names)}
        short = Path(art.path).name[:45]
        for actor in actors:
            hit = _resolve(actor, names)
            if actor.id not in score.spurious and len(hit) == 1:
                kinds[(gold.actors[next(iter(hit))].kind or "?", actor.kind)] += 1
        for actor_id in score.spurious:
            assert isinstance(record, ArticleRecord)
            kind = false_class(record, actor_id, gold, matched)
            false[kind] += 1
            actor = next(a for a in actors if a.id == actor_id)
            lines.append(f"false  {kind:26} {short}: {actor.name} ({actor.kind})")
        number = {a.name: i for i, a in enumerate(gold.actors)}
        for name in score.missed:
            kind = missed_class(record, gold, number[name], proposed.get(art.path, []), {})
            missed[kind] += 1
            lines.append(f"missed {kind:26} {short}: {name}")
    return false, missed, lines, kinds


def _rows(label: str, overall: dict[str, Score], kinds: Sequence[str]) -> list[tuple[object, ...]]:
    return [
        (f"{label} {k}", f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", s.tp, s.fp, s.fn)
        for k, s in ((k, overall[k]) for k in kinds)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--gold",
        type=Path,
        nargs="+",
        default=[benchlib.REPO / "bench" / "real" / "gold"],
        help="one or more gold folders, scored apart and together",
    )
    parser.add_argument(
        "--articles",
        nargs="+",
        type=Path,
        help="the articles for every folder (default: the PolNeAR texts each folder's gold names)",
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the PolNeAR folder")
    parser.add_argument(
        "--replay", action="store_true", help="answer from the response cache (or --cassette) instead of the stand-in"
    )
    parser.add_argument(
        "--namespace",
        default="openai-compatible:qwen",
        help="--replay: the cache's backend:model of the run that filled it (the shared server)",
    )
    parser.add_argument(
        "--cassette",
        type=Path,
        help="--replay: answer from this vcrpy cassette instead (cassettes/test_replay/seeds.yaml)",
    )
    parser.add_argument(
        "--model-actors",
        action="store_true",
        help="--replay: ask for the model's actor list, as runs before session 12 did",
    )
    parser.add_argument(
        "--without-model-actors", action="store_true", help="--replay: ignore the model's actor list (text-only)"
    )
    parser.add_argument("--errors", action="store_true", help="print one line per false or missed actor")
    parser.add_argument("--keep", type=Path, help="write the records here (JSONL)")
    parser.add_argument("--name", help="also write bench/results/NAME.md (figures and classes, no article text)")
    parser.add_argument("--results", type=Path, default=benchlib.RESULTS)
    args = parser.parse_args(argv)
    folders = [
        (folder, list(iter_paths(args.articles)) if args.articles else gold_articles(folder, args.data))
        for folder in args.gold
    ]
    paths = list(dict.fromkeys(p for _, ps in folders for p in ps))
    client = replay_client(args.namespace, args.cassette) if args.replay else StandIn()
    records, proposed, cpu, building = run(
        paths, client, args.replay and args.model_actors, args.replay and args.without_model_actors
    )
    by_path = {r.source.path: r for r in records}
    failed = [r for r in records if not isinstance(r, ArticleRecord)]
    kinds_scored = ("actors", "statements", "allegations") if args.replay else ("actors",)
    per_folder: list[tuple[object, ...]] = []
    summed = {k: Score() for k in kinds_scored}
    false: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    lines: list[str] = []
    kinds: Counter[tuple[str, str]] = Counter()
    for folder, folder_paths in folders:  # apart: two folders may hold golds of one article
        golds = load_golds(folder)
        folder_records = [by_path[str(p)] for p in folder_paths]
        overall = evaluate(folder_records, golds).overall
        per_folder += _rows(folder.name, overall, kinds_scored)
        summed = {k: Score(s.tp + overall[k].tp, s.fp + overall[k].fp, s.fn + overall[k].fn) for k, s in summed.items()}
        classes = classify(folder_records, golds, proposed)
        false, missed, lines, kinds = false + classes[0], missed + classes[1], lines + classes[2], kinds + classes[3]
    if args.replay:
        answered = sum(
            1
            for r in records
            if isinstance(r, ArticleRecord) and not any("no allegations from" in w for w in r.warnings)
        )
        first = (
            f"{len(records)} articles replayed ({len(failed)} failed), accusations answered from the cache "
            f"for {answered}"
        )
    else:
        first = f"{len(records)} articles, actors without the model ({len(failed)} failed)"
    summary = [
        f"{first}; {1000 * cpu / max(1, len(records)):.0f} ms CPU per article (the machine is shared), of which "
        f"build_actors {1000 * building / max(1, len(records)):.1f} ms",
        "",
        md_table(
            ["gold, kind", "P", "R", "F1", "TP", "FP", "FN"],
            per_folder + (_rows("all", summed, kinds_scored) if len(folders) > 1 else []),
        ),
    ]
    agree = sum(n for (gold_kind, kind), n in kinds.items() if gold_kind == kind)
    tables = [
        md_table(["false actors by class", "count"], [(c, false[c]) for c in FALSE_CLASSES]),
        md_table(["missed actors by class", "count"], [(c, missed[c]) for c in MISSED_CLASSES]),
        f"kind as in the gold: {agree} of {sum(kinds.values())} matched actors; the others (gold kind -> kind):",
        md_table(
            ["gold kind", "kind", "count"],
            [(g, k, n) for (g, k), n in sorted(kinds.items(), key=lambda item: -item[1]) if g != k],
        ),
    ]
    print("\n".join(summary))
    print("\n".join(tables))
    if args.errors:
        print("\n".join(sorted(lines)))
    if args.keep:
        from extract.output.records import dump_record

        args.keep.write_text("".join(dump_record(r) + "\n" for r in records), encoding="utf-8")
    if args.name:
        source = (
            "without the model"
            if not args.replay
            else "replayed, text only"
            if args.without_model_actors
            else "replayed from the response cache"
        )
        path = benchlib.write_report(
            args.name,
            f"Actors scored against the gold: {source}",
            [
                ("Scores", "\n".join(summary)),
                ("Actor errors by class (see bench/actors.py)", "\n\n".join(tables)),
            ],
            results_dir=args.results,
        )
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
