"""The network of who accuses whom across many articles, written with networkx for Gephi and friends.

Nodes are corpus actors (`extract.output.corpus`); an edge runs from accuser to accused and gathers every
allegation between the two: how many, of which categories, first and last date, how many were denied, and
for each one the article, the allegation id, the claim and the statement ids of its evidence and responses,
so that every edge leads back to verbatim text in a record.

GraphML and GEXF hold only scalar attributes, so lists are written there as text: names and categories
joined with "; ", the allegations as a JSON array. The JSON format (networkx's node-link data) keeps lists.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from extract.errors import ExtractError
from extract.output.corpus import ActorIndex, AllegationRef, Corpus, CorpusActor, iter_edges, merge_actors

GraphFormat = Literal["graphml", "gexf", "json", "csv"]
FORMATS: tuple[GraphFormat, ...] = ("graphml", "gexf", "json", "csv")
LIST_SEPARATOR = "; "


class GraphError(ExtractError):
    """The network cannot be written: an unwritable file."""


class GraphFormatError(GraphError):
    """An unknown `--format`: a usage error."""

    exit_code = 2


@dataclass
class Edge:
    """Every allegation one corpus actor makes against another."""

    source: str
    target: str
    allegations: list[AllegationRef] = field(default_factory=list)

    @property
    def dates(self) -> list[str]:
        """The known dates of its allegations, oldest first."""
        return sorted(a.date for a in self.allegations if a.date)

    @property
    def denials(self) -> int:
        """Allegations the accused answered with a denial (a response statement, or status `denied`)."""
        return sum(1 for a in self.allegations if a.status == "denied" or a.responses)

    def categories(self) -> Counter[str]:
        """How many of its allegations fall in each category."""
        return Counter(a.category for a in self.allegations)


@dataclass
class Network:
    """Corpus actors and the accusation edges between them, with the counts for a summary line."""

    corpus: Corpus
    index: ActorIndex
    edges: dict[tuple[str, str], Edge]

    @property
    def actors(self) -> dict[str, CorpusActor]:
        """Corpus actor id -> corpus actor."""
        return self.index.actors

    def summary(self) -> str:
        """One line: articles read, records skipped, actors, edges and allegations."""
        c = self.corpus
        skipped = f"{c.errors} error record{'' if c.errors == 1 else 's'} skipped"
        if c.duplicates:
            skipped += f", {c.duplicates} repeated articles skipped"
        allegations = sum(len(e.allegations) for e in self.edges.values())
        return (f"{len(c.articles)} articles ({skipped}), {len(self.actors)} actors, {len(self.edges)} edges "
                f"from {allegations} accuser-accused pairs of {len(c.allegations)} allegations")


def build_network(corpus: Corpus) -> Network:
    """Merge the corpus's actors and gather its allegations into accuser -> accused edges."""
    index = merge_actors(corpus)
    edges: dict[tuple[str, str], Edge] = {}
    for source, target, allegation in iter_edges(corpus, index):
        edge = edges.get((source, target))
        if edge is None:
            edge = edges[(source, target)] = Edge(source, target)
        edge.allegations.append(allegation)
    return Network(corpus, index, edges)


def allegation_dict(al: AllegationRef) -> dict[str, Any]:
    """One allegation of an edge, with the ids that find its verbatim evidence in the records."""
    return {"article": al.article, "allegation": al.allegation, "claim": al.claim, "category": al.category,
            "status": al.status, "date": al.date, "evidence": list(al.evidence), "responses": list(al.responses)}


def actor_dict(actor: CorpusActor) -> dict[str, Any]:
    """A corpus actor as plain data, its merges explained one line each."""
    return {"id": actor.id, "label": actor.name, "kind": actor.kind, "names": actor.names, "roles": actor.roles,
            "articles": actor.articles, "statements": actor.statements,
            "members": [f"{article}/{actor_id}" for article, actor_id in actor.members],
            "merges": [note.text() for note in actor.merges], "kept_apart": actor.kept_apart}


def edge_dict(edge: Edge, actors: dict[str, CorpusActor]) -> dict[str, Any]:
    """An edge as plain data, with every allegation it gathers."""
    dates = edge.dates
    categories = edge.categories()
    return {"source": edge.source, "target": edge.target, "source_name": actors[edge.source].name,
            "target_name": actors[edge.target].name, "count": len(edge.allegations),
            "articles": len({a.article for a in edge.allegations}),
            "categories": [f"{c}: {n}" for c, n in sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))],
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
            "denials": edge.denials, "allegations": [allegation_dict(a) for a in edge.allegations]}


def to_networkx(network: Network, flat: bool) -> nx.DiGraph[str]:
    """The network as a networkx DiGraph; `flat` writes lists as text (GraphML and GEXF hold only scalars)."""
    graph: nx.DiGraph[str] = nx.DiGraph(name="who accuses whom")
    for actor in network.actors.values():
        data = actor_dict(actor)
        node_id = data.pop("id")
        graph.add_node(node_id, **(_flatten(data) if flat else data))
    for edge in network.edges.values():
        data = edge_dict(edge, network.actors)
        source, target = data.pop("source"), data.pop("target")
        data["weight"] = data["count"]
        if flat:
            data = _flatten(data)
        graph.add_edge(source, target, **data)
    return graph


def _flatten(data: dict[str, Any]) -> dict[str, Any]:
    """Scalars as they are, lists of text joined, lists of objects as JSON; None left out (GraphML has no null)."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, list):
            if all(isinstance(v, str) for v in value):
                value = ("\n" if key in ("merges", "kept_apart") else LIST_SEPARATOR).join(value)
            else:
                value = json.dumps(value, ensure_ascii=False)
        flat[key] = value
    return flat


def format_of(path: Path, fmt: str | None) -> GraphFormat:
    """The format asked for, else the one the file's suffix names (GraphML for a file without a suffix)."""
    wanted = (fmt or path.suffix.lstrip(".") or "graphml").lower()
    for known in FORMATS:
        if wanted == known:
            return known
    if fmt is None:
        raise GraphFormatError(f"{path}: cannot tell the format from {path.suffix!r}; name a .graphml, .gexf, "
                               ".json or .csv file, or pass --format")
    raise GraphFormatError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")


def write_network(network: Network, path: Path, fmt: GraphFormat) -> None:
    """Write the network as GraphML, GEXF or node-link JSON (CSV tables are `extract.output.export`'s job)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":
            nx.write_graphml(to_networkx(network, flat=True), path, encoding="utf-8")
        elif fmt == "gexf":
            nx.write_gexf(to_networkx(network, flat=True), path, encoding="utf-8")
        elif fmt == "json":
            data = nx.node_link_data(to_networkx(network, flat=False), edges="edges")
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        else:
            raise GraphError(f"write_network does not write {fmt!r}")
    except OSError as exc:
        raise GraphError(f"{path}: cannot write ({exc.strerror})") from None
