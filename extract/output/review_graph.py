"""The network tab of the review page: who accuses whom across the records, drawn and filtered offline.

`network_data` turns records into the JSON the tab's script reads: corpus actors (`extract.output.corpus`) and
accuser -> accused edges (`extract.output.graph`), each allegation with its article's index in the page, its claim
and the verbatim text of its evidence and responses. The script (extract/data/review/network.js, nothing fetched)
lays the nodes out with a small force simulation, draws them in SVG, filters by category and date, and on
a click on an edge lists its claims, each with a button that opens the article at its evidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from extract.output.corpus import corpus_of
from extract.output.graph import build_network
from extract.output.records import Record, article_id
from schemas import ArticleRecord

#: The most connected actors drawn; the others are counted in a note (a page stays readable and quick).
MAX_NODES = 150


def network_data(records: Sequence[Record]) -> dict[str, Any]:
    """The network of `records` as the tab's script reads it (plain JSON data, texts unescaped)."""
    network = build_network(corpus_of(records))
    page_index: dict[str, int] = {}
    texts: dict[str, dict[str, str]] = {}
    for i, record in enumerate(records):
        if isinstance(record, ArticleRecord):
            aid = article_id(record.source)
            if aid not in page_index:
                page_index[aid] = i
                texts[aid] = {s.id: s.text for s in record.statements}
    weight: Counter[str] = Counter()
    for (source, target), edge in network.edges.items():
        weight[source] += len(edge.allegations)
        weight[target] += len(edge.allegations)
    drawn = {node for node, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_NODES]}
    nodes = [{"id": a.id, "label": a.name, "kind": a.kind, "articles": a.articles, "statements": a.statements,
              "names": a.names, "merges": [m.text() for m in a.merges], "kept": a.kept_apart}
             for a in network.actors.values() if a.id in drawn]
    edges = []
    for (source, target), edge in network.edges.items():
        if source not in drawn or target not in drawn:
            continue
        items = []
        for al in edge.allegations:
            said = texts[al.article]
            items.append({"i": page_index[al.article], "article": al.article, "id": al.allegation,
                          "claim": al.claim, "category": al.category, "status": al.status, "date": al.date,
                          "evidence": [[sid, said.get(sid, "")] for sid in al.evidence],
                          "responses": [[sid, said.get(sid, "")] for sid in al.responses]})
        edges.append({"s": source, "t": target, "allegations": items})
    return {"nodes": nodes, "edges": edges, "actors": len(network.actors), "hidden": len(weight) - len(drawn)}
