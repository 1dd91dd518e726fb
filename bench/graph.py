#!/usr/bin/env python3
"""Graph scale: N synthetic records through `extract graph`, seconds and peak memory per output format.

Makes N valid records (deterministic from `--seed`) by filling one invented template article with actors
drawn from pools: people (full names, some written by surname alone, some namesakes with other roles),
real countries written by name or by capital ("Beijing" for China, to exercise the gazetteer) and invented
organisations; each record has 3-4 statements and 1-2 allegations with a denial now and then. Every record is
validated before it is written. Then, for each `--formats` value, runs

    extract graph RECORDS.jsonl -o OUT.<format> --format <format>

as a subprocess (this repository first on PYTHONPATH) and reports wall seconds, the CLI's CPU seconds and its
peak RSS (`os.wait4` rusage), the summary line it printed, and a check of the output (GraphML read back with
networkx: node and edge counts; every edge's allegations counted against the records).

Then `--pipeline` N invented articles (bench/scale.py's generator) and the two seeds go through `extract run`
on the stub model and `extract graph`: the GraphML's structure is checked, every edge's evidence, response and
allegation ids are looked up in the records, and the China nodes are counted (one, from both seed files).

    python bench/graph.py                          # 10,000 records, graphml and json; 60 + 2 through the stub
    python bench/graph.py --records 2000 --formats graphml --keep /tmp/graph
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import benchlib
from benchlib import REPO, md_table

from schemas import ArticleRecord

TARGET_SECONDS = 30.0
TARGET_RSS = 1 << 30

FIRST = ["Adela", "Bruno", "Celia", "Dario", "Edda", "Fabian", "Greta", "Hugo", "Ilse", "Joaquin", "Katya",
         "Leandro", "Mirela", "Nils", "Orla", "Piers", "Quilla", "Rosalind", "Stellan", "Tamsin"]
LAST = ["Abernathy", "Brask", "Corvin", "Delacroix", "Esterhazy", "Falkner", "Grisham", "Halloran", "Ivanic",
        "Jaramillo", "Kestrel", "Lundmark", "Marchetti", "Norgaard", "Oyelaran", "Pellegrin", "Quartey",
        "Rasmussen", "Szabolcs", "Thorvald", "Umberfeld", "Valcourt", "Wexley", "Yarrow"]
ROLES = ["Deputy Foreign Minister", "Defence Secretary", "Trade Commissioner", "chief prosecutor",
         "opposition leader", "Interior Minister", "port inspector", "union leader", "central bank governor"]
ORG_WORDS = ["Harbour", "Meridian", "Northgate", "Solace", "Tidewater", "Vantor", "Brightwell", "Cobalt"]
ORG_KINDS = ["Holdings", "Shipping", "Authority", "Institute", "Foundation", "Logistics"]
CATEGORIES = ["military_support", "sanctions_evasion", "corruption", "fraud", "espionage", "cyberattack",
              "human_rights", "disinformation"]
GOODS = ["drone engines", "machine tools", "artillery shells", "microchips", "fuel", "satellite images"]


def _countries() -> list[tuple[str, str]]:
    """(name, capital or other alias) of the gazetteer's first 30 countries."""
    data = json.loads((REPO / "extract" / "data" / "countries.json").read_text(encoding="utf-8"))
    return [(c["name"], next((a for a in c["aliases"] if " " not in a and len(a) > 3), c["name"]))
            for c in data[:30]]


def make_record(i: int, rng: random.Random, countries: list[tuple[str, str]]) -> dict[str, Any]:
    """One valid record from the template, its actors drawn from the pools."""
    people = rng.sample([(f, last) for f in FIRST for last in LAST], 2)
    (c1, cap1), (c2, cap2) = rng.sample(countries, 2)
    org = f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)}"
    accused_name = cap1 if rng.random() < 0.3 else c1  # "Beijing" as often as not
    speaker_full = f"{people[0][0]} {people[0][1]}"
    lone = rng.random() < 0.25  # written by surname alone, no full name in the article
    speaker = people[0][1] if lone else speaker_full
    role = ROLES[(FIRST.index(people[0][0]) + LAST.index(people[0][1])) % len(ROLES)]  # one role per person
    if lone and rng.random() < 0.2:
        role = "restaurant owner"  # a namesake: same surname, another role
    goods = rng.choice(GOODS)
    responder = f"{people[1][0]} {people[1][1]}"
    claim1 = f"{accused_name} is supplying {c2} with {goods}"
    quote2 = f"{org} moved the money through shell firms in {rng.randint(2, 9)} countries"
    denial = "There is no truth in any of this"
    text = (f"{claim1}, {role} {speaker} said on Monday in a statement released in {cap2}.\n\n"
            f"\"{quote2},\" {speaker} told reporters, adding that the inquiry would go on for months.\n\n"
            f"{responder}, speaking for {org}, rejected the claims. \"{denial},\" {responder} said.\n\n"
            f"Officials in {c2} did not answer questions about the shipments, which observers have tracked "
            f"for {rng.randint(2, 30)} weeks along the coast.")

    def span(s: str) -> list[int]:
        start = text.index(s)
        return [start, start + len(s)]

    aliases = [] if lone else [people[0][1]]
    actors = [
        {"id": "A1", "name": speaker, "kind": "person", "role": role, "affiliation": None, "aliases": aliases,
         "mentions": [span(speaker)]},
        {"id": "A2", "name": accused_name, "kind": "country" if accused_name == c1 else "government",
         "role": None, "affiliation": None, "aliases": [], "mentions": [span(accused_name)]},
        {"id": "A3", "name": c2, "kind": "country", "role": None, "affiliation": None, "aliases": [cap2],
         "mentions": [span(c2)]},
        {"id": "A4", "name": org, "kind": "organization", "role": None, "affiliation": None, "aliases": [],
         "mentions": [span(org)]},
        {"id": "A5", "name": responder, "kind": "person", "role": None, "affiliation": "A4", "aliases": [],
         "mentions": [span(responder)]},
    ]
    denied = rng.random() < 0.4
    statements = [
        {"id": "S1", "speaker": "A1", "kind": "indirect", "text": claim1, "span": span(claim1), "cue": "said",
         "date": None, "via": None},
        {"id": "S2", "speaker": "A1", "kind": "direct", "text": quote2, "span": span(quote2),
         "cue": "told reporters", "date": None, "via": None},
        {"id": "S3", "speaker": "A5", "kind": "direct", "text": denial, "span": span(denial), "cue": "said",
         "date": None, "via": None},
    ]
    allegations = [
        {"id": "L1", "accusers": ["A1"], "accused": ["A2"], "claim": claim1, "category": rng.choice(CATEGORIES),
         "evidence": ["S1"], "responses": [], "status": "alleged"},
        {"id": "L2", "accusers": ["A1"], "accused": ["A4"], "claim": quote2, "category": rng.choice(CATEGORIES),
         "evidence": ["S2"], "responses": ["S3"] if denied else [], "status": "denied" if denied else "alleged"},
    ]
    day = 1 + i % 28
    return {"schema_version": "1",
            "source": {"path": f"synthetic/{i:05d}.txt", "sha256": hashlib.sha256(text.encode() + str(i).encode())
                       .hexdigest(), "title": claim1, "byline": None,
                       "published": f"{2025 + i % 2}-{1 + i % 12:02d}-{day:02d}", "url": None},
            "text": text, "actors": actors, "statements": statements, "allegations": allegations,
            "provenance": {"tool_version": "0.1.0", "backend": "synthetic", "model": "none",
                           "prompt_sha256": "0" * 64, "attempts": 2,
                           "usage": {"prompt_tokens": 0, "completion_tokens": 0}, "seconds": 0.0},
            "warnings": []}


def write_records(path: Path, n: int, seed: int, errors: int) -> tuple[int, int]:
    """N records (every `errors`-th one an error record), each validated; returns (articles, allegations)."""
    rng = random.Random(seed)
    countries = _countries()
    articles = allegations = 0
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            if errors and i % errors == errors - 1:
                data: dict[str, Any] = {"schema_version": "1", "source": {"path": f"synthetic/{i:05d}.txt",
                                                                          "sha256": f"{i:064x}"},
                                        "error": {"type": "ModelError", "message": "synthetic failure"}}
            else:
                data = make_record(i, rng, countries)
                ArticleRecord.model_validate(data)
                articles += 1
                allegations += len(data["allegations"])
            handle.write(json.dumps(data, ensure_ascii=False) + "\n")
    return articles, allegations


def run_graph(records: Path, out: Path, fmt: str) -> dict[str, Any]:
    """`extract graph` as a subprocess: wall and CPU seconds, peak RSS, exit code and its last line."""
    command = [sys.executable, "-c", "import sys; from extract.cli import main; sys.argv[0] = 'extract'; main()",
               "graph", str(records), "-o", str(out), "--format", fmt]
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    assert process.stdout is not None and process.stderr is not None
    stderr = process.stderr.read()
    process.stdout.read()
    return {"format": fmt, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss * 1024,
            "code": os.waitstatus_to_exitcode(status), "line": stderr.strip().splitlines()[-1] if stderr else ""}


def check_output(path: Path, fmt: str, allegations: int) -> str:
    """Read the output back with networkx: node and edge counts, allegations on the edges against the records."""
    import networkx as nx

    if fmt == "graphml":
        graph = nx.read_graphml(path)
        on_edges = sum(len(json.loads(d["allegations"])) for _, _, d in graph.edges(data=True))
    elif fmt == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        graph = nx.node_link_graph(data, edges="edges")
        on_edges = sum(len(e["allegations"]) for e in data["edges"])
    else:
        graph = nx.read_gexf(path)
        on_edges = sum(len(json.loads(d["allegations"])) for _, _, d in graph.edges(data=True))
    verdict = "all" if on_edges == allegations else f"{on_edges} of {allegations}"
    return f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; {verdict} allegations on edges"


GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"


def graphml_problems(path: Path) -> list[str]:
    """What GraphML's schema requires of a graph like ours: declared typed keys, data under the element kind
    its key is for, unique node ids, edges between declared nodes."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    problems = [] if root.tag == f"{GRAPHML_NS}graphml" else [f"root is {root.tag}"]
    keys = {k.get("id"): k for k in root.findall(f"{GRAPHML_NS}key")}
    problems += [f"key {i} has type {k.get('attr.type')}" for i, k in keys.items()
                 if k.get("attr.type") not in {"string", "int", "long", "float", "double", "boolean"}]
    problems += [f"key {i} is named {k.get('attr.name')!r}, not an NMTOKEN" for i, k in keys.items()
                 if not re.fullmatch(r"[\w.:-]+", k.get("attr.name") or "")]
    graph = root.find(f"{GRAPHML_NS}graph")
    if graph is None:
        return [*problems, "no graph element"]
    ids = [n.get("id") for n in graph.findall(f"{GRAPHML_NS}node")]
    if len(ids) != len(set(ids)):
        problems.append("duplicate node ids")
    known = set(ids)
    for element in graph:
        kind = element.tag.removeprefix(GRAPHML_NS)
        problems += [f"data {d.get('key')} under a {kind}" for d in element.findall(f"{GRAPHML_NS}data")
                     if d.get("key") not in keys or keys[d.get("key")].get("for") != kind]
        if kind == "edge" and not {element.get("source"), element.get("target")} <= known:
            problems.append(f"edge {element.get('source')} -> {element.get('target')} to an unknown node")
    return problems


def pipeline_check(folder: Path, n: int) -> tuple[str, list[list[str]]]:
    """N invented articles (bench/scale.py's generator) and the two seeds through `extract run` on the stub
    model, then `extract graph`: GraphML checked, evidence ids looked up in the records, China counted."""
    import networkx as nx
    import scale
    from benchlib import SEED_ACTORS, STUB_MODEL, StubModelServer

    from extract.output.records import article_id, load_records

    articles = scale.write_jsonl(scale.generate_articles(n, seed=16), folder / "articles.jsonl")
    out, network = folder / "pipeline.jsonl", folder / "pipeline.graphml"
    out.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""), "COLUMNS": "400"}
    base = [sys.executable, "-c", "import sys; from extract.cli import main; sys.argv[0] = 'extract'; main()"]
    with StubModelServer([*scale.actor_pool(), *SEED_ACTORS]) as stub:
        run = subprocess.run([*base, "run", str(articles), str(REPO / "seeds"), "-o", str(out), "--base-url",
                              stub.base_url, "--model", STUB_MODEL, "--mode", "json", "--no-cache", "-q"],
                             env=env, capture_output=True, text=True, check=False)
    made = subprocess.run([*base, "graph", str(out), "-o", str(network)], env=env, capture_output=True, text=True,
                          check=False)
    records = {article_id(r.source): r for r in load_records(out) if isinstance(r, ArticleRecord)}
    graph = nx.read_graphml(network)
    missing = checked = 0
    for _, _, data in graph.edges(data=True):
        for item in json.loads(data["allegations"]):
            record = records.get(item["article"])
            said = {s.id for s in record.statements} if record else set()
            alleged = {a.id for a in record.allegations} if record else set()
            ids = [*item["evidence"], *item["responses"]]
            missing += sum(1 for sid in ids if sid not in said) + (item["allegation"] not in alleged)
            checked += len(ids) + 1
    china = [n for n, d in graph.nodes(data=True) if d.get("label") == "China"]
    def last_line(done: subprocess.CompletedProcess[str]) -> str:
        line = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        return line.split(" -> ")[0]

    rows = [["`extract run` (stub model)", last_line(run)], ["`extract graph`", last_line(made)],
            ["loads in networkx", f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"],
            ["GraphML structure", "; ".join(graphml_problems(network)) or "no problem"],
            ["evidence, response and allegation ids of every edge found in the records",
             f"{checked - missing} of {checked}"],
            ["China nodes (both seed files name it)",
             f"{len(china)} (articles: {graph.nodes[china[0]]['articles'] if china else 0})"]]
    what = (f"{n} invented articles (`bench/scale.py`'s generator, seed 16) and the two seed files, through "
            "`extract run ARTICLES.jsonl seeds/ -o OUT.jsonl --base-url STUB --model stub-model --mode json "
            "--no-cache -q` against `benchlib.StubModelServer` (its answers name the pool's actors found in "
            "each article and one accusation per article), then `extract graph OUT.jsonl -o OUT.graphml`.")
    return what, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--errors", type=int, default=50, help="every N-th record is an error record (0: none)")
    parser.add_argument("--formats", nargs="+", default=["graphml", "json"], choices=["graphml", "gexf", "json"])
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--results", type=Path, default=benchlib.RESULTS)
    parser.add_argument("--keep", type=Path, help="keep the records and outputs in this folder")
    parser.add_argument("--pipeline", type=int, default=60,
                        help="invented articles run through the pipeline on the stub for the checks (0: skip)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="graph-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        records = folder / "records.jsonl"
        started = time.monotonic()
        articles, allegations = write_records(records, args.records, args.seed, args.errors)
        made = time.monotonic() - started
        size = records.stat().st_size
        print(f"{args.records} records ({articles} articles, {allegations} allegations, {size / 2**20:.1f} MiB) "
              f"made and validated in {made:.1f} s", flush=True)
        rows = []
        for fmt in args.formats:
            out = folder / f"network.{fmt}"
            result = run_graph(records, out, fmt)
            check = check_output(out, fmt, allegations) if result["code"] == 0 else "failed"
            ok = result["wall"] < TARGET_SECONDS and result["rss"] < TARGET_RSS and result["code"] == 0
            print(f"{fmt}: {result['wall']:.1f} s, {result['rss'] / 2**20:.0f} MiB peak RSS, {check}; "
                  f"{result['line']}", flush=True)
            rows.append([fmt, f"{result['wall']:.1f}", f"{result['cpu']:.1f}", f"{result['rss'] / 2**20:.0f}",
                         f"{out.stat().st_size / 2**20:.1f}" if out.exists() else "–", check,
                         "yes" if ok else "**no**"])
        checks = pipeline_check(folder, args.pipeline) if args.pipeline else None
        if checks:
            for row in checks[1]:
                print(f"{row[0]}: {row[1]}")

    what = (f"{args.records:,} synthetic records ({articles:,} articles, every {args.errors}th record an error "
            f"record; {allegations:,} allegations; {size / 2**20:.1f} MiB of JSONL; seed {args.seed}), made by "
            "this script from one invented template article with actors drawn from pools: 480 people (a quarter "
            "of the mentions by surname alone, some of those with another role), 30 gazetteer countries "
            "written by name or by capital, 48 organisations. Each is validated as an `ArticleRecord` before it "
            "is written. Then, per format:\n\n"
            "`extract graph RECORDS.jsonl -o OUT --format FORMAT`\n\n"
            "as a subprocess with this repository first on `PYTHONPATH`. Wall seconds from start to exit "
            "(imports included); CPU and peak RSS are the CLI process's own (`os.wait4` rusage). The output is "
            "read back with networkx and the allegations on its edges counted against the records.")
    table = md_table(["format", "wall s", "CPU s", "peak RSS MiB", "output MiB", "read back", "under 30 s and 1 GiB"],
                     rows)
    note = ("Figures measured on a machine shared with other agents (2 cores for several sessions): wall "
            "seconds are inflated by the load; CPU seconds are the process's own.")
    path = benchlib.write_report("graph", f"Graph: {args.records:,} records through `extract graph`",
                                 [("What was run", what), ("Results", table + "\n\n" + note),
                                  *([("Checks on records the pipeline wrote", checks[0] + "\n\n"
                                      + md_table(["check", "result"], checks[1]))] if checks else [])],
                                 results_dir=args.results)
    print(f"-> {path}")


if __name__ == "__main__":
    main()
