"""The corpus view as an analyst uses it: `extract graph` over many records, opened in networkx.

What a user checks: the same actor in many articles is one node (China and Beijing, Campbell and Kurt
Campbell) and says why; people who only share a surname stay apart; the GraphML is well-formed GraphML
and loads in networkx; every edge's evidence ids exist in the records; bad input is one line, no traceback.
"""

from __future__ import annotations

import csv
import importlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
import vcr
from typer.testing import CliRunner

from extract.cli import app
from extract.model.embedded import MODEL_NAME
from extract.output.corpus import corpus_of, merge_actors, read_corpus
from extract.output.graph import build_network, write_network
from extract.output.records import Record, RecordWriter, article_id, load_records
from schemas import ArticleRecord
from tests.conftest import REPLAY_BASE_URL, ROOT, SECRET_HEADERS, SEEDS, _json_body
from tests.corpus_records import A, L, S, article, corpus

runner = CliRunner()
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def write_jsonl(path: Path, records: list[Record]) -> Path:
    with RecordWriter(path) as writer:
        for record in records:
            writer.write(record)
    return path


def graph_cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["graph", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def records_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "out.jsonl", corpus())


def node_named(graph: nx.DiGraph, label: str) -> list[str]:
    return [n for n, data in graph.nodes(data=True) if data["label"] == label]


# ---------------------------------------------------------------- merging actors across articles


def test_seed_records_give_one_china(tmp_path: Path) -> None:
    """Both seed files through `extract run` (replayed from the recorded model answers), then `extract graph`."""
    out = tmp_path / "seeds.jsonl"
    recorder = vcr.VCR(filter_headers=[(h, None) for h in SECRET_HEADERS], record_mode="none",
                       match_on=["method", "path", "json_body"])
    recorder.register_matcher("json_body", _json_body)
    with recorder.use_cassette(str(ROOT / "cassettes" / "test_replay" / "seeds.yaml"), allow_playback_repeats=True):
        result = runner.invoke(app, ["run", str(SEEDS), "-o", str(out), "--base-url", REPLAY_BASE_URL,
                                     "--model", MODEL_NAME, "--mode", "llama-schema", "-q"])
    assert result.exit_code == 0, result.output
    records = load_records(out)
    assert len(records) == 2 and all(isinstance(r, ArticleRecord) for r in records)

    code, output = graph_cli(str(out), "-o", str(tmp_path / "seeds.graphml"))
    assert code == 0, output
    graph = nx.read_graphml(tmp_path / "seeds.graphml")
    china = node_named(graph, "China")
    assert len(china) == 1
    assert graph.nodes[china[0]]["kind"] == "country"
    assert graph.nodes[china[0]]["articles"] == 2
    # every actor of both records is in exactly one node, and China is accused from both articles
    members = [m for _, data in graph.nodes(data=True) for m in data["members"].split("; ")]
    assert len(members) == len(set(members)) == sum(len(r.actors) for r in records if isinstance(r, ArticleRecord))
    into_china = [json.loads(d["allegations"]) for _, _, d in graph.in_edges(china[0], data=True)]
    assert {a["article"] for allegations in into_china for a in allegations} == {
        article_id(r.source) for r in records}


def test_gazetteer_and_short_forms_join_with_reasons() -> None:
    index = merge_actors(corpus_of(corpus()))
    by_name = {a.name: a for a in index.actors.values()}
    china = by_name["China"]
    assert set(china.names) == {"China", "Beijing"} and china.articles == 2
    assert any("'Beijing'" in n.text() and "gazetteer" in n.text() for n in china.merges)
    assert {"Russia", "Moscow"} <= set(by_name["Russia"].names)
    board = by_name["Calder Harbour Board"]
    assert set(board.names) == {"Calder Harbour Board", "Harbour Board"}
    note = next(n for n in board.merges if n.name == "Harbour Board")
    assert "short name of 'Calder Harbour Board'" in note.reason and note.article_count == 1


def test_surname_joins_the_full_name_the_records_give_it() -> None:
    records = corpus()
    index = merge_actors(corpus_of(records))
    kurt = next(a for a in index.actors.values() if a.name == "Kurt Campbell")
    two = next(r for r in records if r.source.path == "news/two.txt")
    assert (article_id(two.source), "A1") in kurt.members  # the lone "Campbell" of article two
    note = next(n for n in kurt.merges if n.name == "Campbell")
    one = next(r for r in records if r.source.path == "news/one.txt")
    assert note.articles == (article_id(two.source),)
    assert article_id(one.source) in note.reason  # the article that writes "Campbell" for Kurt Campbell


def test_shared_surname_with_another_role_stays_apart() -> None:
    records = corpus()
    index = merge_actors(corpus_of(records))
    three = next(r for r in records if r.source.path == "news/three.txt")
    owner = index.actors[index.of[(article_id(three.source), "A1")]]
    assert owner.name == "Campbell" and owner.roles == ["restaurant owner"]
    assert owner.members == [(article_id(three.source), "A1")]
    assert any("roles differ" in n for n in owner.kept_apart)
    kurt = next(a for a in index.actors.values() if a.name == "Kurt Campbell")
    assert any("restaurant owner" in n for n in kurt.kept_apart)


def _lone(path: str, text: str, name: str, role: str | None = None) -> ArticleRecord:
    return article(path, text, [A(name, role=role), A("Orvell Dynamics", "organization")],
                   [S(name, text.split(",")[0])], [L([name], ["Orvell Dynamics"], [text.split(",")[0]])])


def test_ambiguous_or_unsupported_surname_stays_apart() -> None:
    full = [article(f"n/{first}.txt", f"{first} Campbell of the port authority spoke. Campbell left.",
                    [A(f"{first} Campbell", role="port inspector", aliases=["Campbell"])], [], [])
            for first in ("Kurt", "Naomi")]
    lone = _lone("n/lone.txt", "Orvell Dynamics hid losses, Campbell said.", "Campbell")
    index = merge_actors(corpus_of([*full, lone]))
    node = index.actors[index.of[(article_id(lone.source), "A1")]]
    assert node.members == [(article_id(lone.source), "A1")]
    assert any("could be 'Kurt Campbell' or 'Naomi Campbell'" in n for n in node.kept_apart)

    # one full name, but no record writes the surname alone for it: not enough to join
    unsupported = article("n/ines.txt", "Ines Marlow of the port authority spoke.", [A("Ines Marlow")], [], [])
    lone = _lone("n/lone2.txt", "Orvell Dynamics hid losses, Marlow said.", "Marlow")
    index = merge_actors(corpus_of([unsupported, lone]))
    assert len({index.of[(article_id(r.source), "A1")] for r in (unsupported, lone)}) == 2


def test_a_hyphenated_surname_is_one_surname() -> None:
    full = article("n/anna.txt", "Anna Delacroix-Hale chairs the inquiry. Delacroix-Hale said little.",
                   [A("Anna Delacroix-Hale", role="inquiry chair", aliases=["Delacroix-Hale"])], [], [])
    lone = _lone("n/hale.txt", "Orvell Dynamics hid losses, Delacroix-Hale said.", "Delacroix-Hale")
    other = _lone("n/hale2.txt", "Orvell Dynamics hid losses, Hale said.", "Hale")
    index = merge_actors(corpus_of([full, lone, other]))
    node = index.of[(article_id(full.source), "A1")]
    assert index.of[(article_id(lone.source), "A1")] == node
    assert index.of[(article_id(other.source), "A1")] != node


def test_same_lone_name_in_two_articles_joins_while_roles_agree() -> None:
    a = _lone("n/a.txt", "Orvell Dynamics hid losses, Tessaly said.", "Tessaly", "union leader")
    b = _lone("n/b.txt", "Orvell Dynamics cut wages, Tessaly said.", "Tessaly", "union leader")
    c = _lone("n/c.txt", "Orvell Dynamics dumped waste, Tessaly said.", "Tessaly", "marine biologist")
    index = merge_actors(corpus_of([a, b, c]))
    nodes = [index.of[(article_id(r.source), "A1")] for r in (a, b, c)]
    assert nodes[0] == nodes[1] != nodes[2]


# ---------------------------------------------------------------- the files


def test_graphml_is_valid_and_loads_in_networkx(tmp_path: Path, records_file: Path) -> None:
    target = tmp_path / "network.graphml"
    code, output = graph_cli(str(records_file), "-o", str(target))
    assert code == 0, output
    assert "5 articles (1 error record skipped), 7 actors, 4 edges" in output

    # GraphML's structure: declared keys with types, data under the element kind its key is for, edges
    # between declared nodes (what the GraphML schema requires of a graph like this one)
    root = ET.parse(target).getroot()
    assert root.tag == f"{GRAPHML}graphml"
    keys = {k.get("id"): k for k in root.findall(f"{GRAPHML}key")}
    assert all(k.get("attr.type") in {"string", "int", "long", "float", "double", "boolean"} for k in keys.values())
    assert all(re.fullmatch(r"[\w.:-]+", k.get("attr.name") or "") for k in keys.values())  # NMTOKEN
    graph_el = root.find(f"{GRAPHML}graph")
    assert graph_el is not None and graph_el.get("edgedefault") == "directed"
    node_ids = [n.get("id") for n in graph_el.findall(f"{GRAPHML}node")]
    assert len(node_ids) == len(set(node_ids)) == 7
    for element in graph_el:
        for data in element.findall(f"{GRAPHML}data"):
            assert keys[data.get("key")].get("for") == element.tag.removeprefix(GRAPHML)
        if element.tag == f"{GRAPHML}edge":
            assert element.get("source") in node_ids and element.get("target") in node_ids

    graph = nx.read_graphml(target)
    assert isinstance(graph, nx.DiGraph)
    kurt, china = node_named(graph, "Kurt Campbell")[0], node_named(graph, "China")[0]
    edge = graph.edges[kurt, china]
    assert edge["count"] == 2 and edge["articles"] == 2 and edge["denials"] == 1
    assert edge["categories"] == "military_support: 2"
    assert (edge["first_date"], edge["last_date"]) == ("2026-02-01", "2026-03-15")
    assert graph.nodes[kurt]["statements"] == 3 and graph.nodes[kurt]["articles"] == 2
    assert "surname of 'Kurt Campbell'" in graph.nodes[kurt]["merges"]
    # a date known only from the statement (the article has no publication date)
    okafor = node_named(graph, "Lena Okafor")[0]
    assert next(iter(graph.out_edges(okafor, data=True)))[2]["first_date"] == "2026-06-01"


def test_gexf_json_and_csv(tmp_path: Path, records_file: Path) -> None:
    for suffix in ("gexf", "json"):
        code, output = graph_cli(str(records_file), "-o", str(tmp_path / f"n.{suffix}"))
        assert code == 0, output
    gexf = nx.read_gexf(tmp_path / "n.gexf")
    data = json.loads((tmp_path / "n.json").read_text())
    linked = nx.node_link_graph(data, edges="edges")
    assert gexf.number_of_nodes() == linked.number_of_nodes() == 7
    assert gexf.number_of_edges() == linked.number_of_edges() == 4
    assert isinstance(data["nodes"][0]["names"], list)  # JSON keeps lists

    code, output = graph_cli(str(records_file), "-o", str(tmp_path / "tables" / "n.txt"), "--format", "csv")
    assert code == 0, output
    with (tmp_path / "tables" / "n.edges.csv").open(encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert len(edges) == 4 and {"source", "target", "count", "evidence", "claims"} <= set(edges[0])


def test_every_edge_leads_back_to_verbatim_evidence(tmp_path: Path, records_file: Path) -> None:
    code, output = graph_cli(str(records_file), "-o", str(tmp_path / "n.json"))
    assert code == 0, output
    data = json.loads((tmp_path / "n.json").read_text())
    records = {article_id(r.source): r for r in load_records(records_file) if isinstance(r, ArticleRecord)}
    members = {n["id"]: set(n["members"]) for n in data["nodes"]}
    seen = 0
    for edge in data["edges"]:
        assert edge["count"] == len(edge["allegations"])
        for item in edge["allegations"]:
            record = records[item["article"]]
            allegation = next(a for a in record.allegations if a.id == item["allegation"])
            statements = {s.id: s for s in record.statements}
            assert item["claim"] == allegation.claim
            assert item["evidence"] == allegation.evidence and item["responses"] == allegation.responses
            for sid in item["evidence"] + item["responses"]:
                st = statements[sid]
                assert record.text[st.span[0]:st.span[1]] == st.text
            assert any(f"{item['article']}/{a}" in members[edge["source"]] for a in allegation.accusers)
            assert any(f"{item['article']}/{a}" in members[edge["target"]] for a in allegation.accused)
            seen += 1
    assert seen == 5


def test_export_has_tables_across_articles(tmp_path: Path, records_file: Path) -> None:
    result = runner.invoke(app, ["export", str(records_file), "-o", str(tmp_path / "tables")])
    assert result.exit_code == 0, result.output
    with (tmp_path / "tables" / "network_actors.csv").open(encoding="utf-8", newline="") as handle:
        actors = {row["label"]: row for row in csv.DictReader(handle)}
    assert set(actors["China"]["names"].split("; ")) == {"China", "Beijing"}
    assert actors["China"]["articles"] == "2"
    assert "gazetteer" in actors["China"]["merges"]
    with (tmp_path / "tables" / "network_edges.csv").open(encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    network = build_network(corpus_of(corpus()))
    assert len(edges) == len(network.edges) == 4


# ---------------------------------------------------------------- errors


def test_bad_input_is_one_line(tmp_path: Path, records_file: Path) -> None:
    code, output = graph_cli(str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "n.graphml"))
    assert code == 1 and "missing.jsonl: cannot open" in output and len(output.strip().splitlines()) == 1

    broken = tmp_path / "broken.jsonl"
    broken.write_text(records_file.read_text().splitlines()[0] + "\n{not json\n")
    code, output = graph_cli(str(broken), "-o", str(tmp_path / "n.graphml"))
    assert code == 1 and "broken.jsonl:2: not JSON" in output
    assert not (tmp_path / "n.graphml").exists()

    code, output = graph_cli(str(tmp_path), "-o", str(tmp_path / "n.graphml"))
    assert code == 1 and "is a folder" in output

    code, output = graph_cli(str(records_file), "-o", str(tmp_path / "n.graphml"), "--format", "dot")
    assert code == 2 and "--format must be one of graphml, gexf, json, csv" in output

    code, output = graph_cli(str(records_file), "-o", str(tmp_path / "n.dot"))
    assert code == 2 and "cannot tell the format from '.dot'" in output

    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, output = graph_cli(str(records_file), "-o", str(blocker / "n.graphml"))
    assert code == 1 and "cannot write" in output


def test_only_error_records_give_an_empty_network(tmp_path: Path) -> None:
    failed = [r for r in corpus() if not isinstance(r, ArticleRecord)]
    path = write_jsonl(tmp_path / "failed.jsonl", failed)
    code, output = graph_cli(str(path), "-o", str(tmp_path / "n.graphml"))
    assert code == 0 and "0 articles (1 error record skipped), 0 actors, 0 edges" in output
    assert nx.read_graphml(tmp_path / "n.graphml").number_of_nodes() == 0


def test_review_graph_adds_the_network_tab(tmp_path: Path, records_file: Path) -> None:
    for flag, want in (([], False), (["--graph"], True)):
        page = tmp_path / "review.html"
        result = runner.invoke(app, ["review", str(records_file), "-o", str(page), *flag])
        assert result.exit_code == 0, result.output
        html = page.read_text(encoding="utf-8")
        data = json.loads(html.split('id="review-data">', 1)[1].split("</script>", 1)[0])
        assert ('id="network"' in html) is want and ("network" in data) is want
    nodes = {n["label"]: n for n in data["network"]["nodes"]}
    assert set(nodes) == {"Kurt Campbell", "China", "Campbell", "Calder Harbour Board", "Lena Okafor", "Russia",
                          "United States"}
    edge = next(e for e in data["network"]["edges"] if (e["s"], e["t"]) == (nodes["Kurt Campbell"]["id"],
                                                                              nodes["China"]["id"]))
    assert [a["evidence"][0][1] for a in edge["allegations"]] == [
        "China is helping Russia rebuild its missile factories", "Beijing is sending drone engines to Moscow"]


def test_bench_records_are_valid_and_their_graphml_well_formed(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        bench = importlib.import_module("graph")
    finally:
        sys.path.remove(str(ROOT / "bench"))
    articles, allegations = bench.write_records(tmp_path / "r.jsonl", 40, seed=3, errors=10)
    assert (articles, allegations) == (36, 72)
    network = build_network(read_corpus([tmp_path / "r.jsonl"]))
    assert network.corpus.errors == 4
    write_network(network, tmp_path / "n.graphml", "graphml")
    assert bench.graphml_problems(tmp_path / "n.graphml") == []
    assert sum(len(e.allegations) for e in network.edges.values()) == allegations


def test_an_article_in_two_files_counts_once(tmp_path: Path, records_file: Path) -> None:
    code, output = graph_cli(str(records_file), str(records_file), "-o", str(tmp_path / "n.json"))
    assert code == 0, output
    assert "5 articles (2 error records skipped, 5 repeated articles skipped), 7 actors, 4 edges" in output
    data = json.loads((tmp_path / "n.json").read_text())
    assert sum(e["count"] for e in data["edges"]) == 5
