"""Invented articles as records, for the corpus view: enough to merge actors across articles and draw edges.

Every text here is written for the tests. `article()` builds a valid record from a text and short
descriptions (spans are found in the text, so a statement is always verbatim).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from extract.output.records import Record
from schemas import ArticleRecord, ErrorRecord

PROVENANCE: dict[str, Any] = {"tool_version": "0.1.0", "backend": "test", "model": "invented",
                              "prompt_sha256": "0" * 64}


@dataclass
class A:
    """An actor: name, kind, role, aliases, affiliation (another actor's name)."""

    name: str
    kind: str = "person"
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    affiliation: str | None = None


@dataclass
class S:
    """A statement: who said it and its exact words in the text."""

    speaker: str
    quote: str
    kind: str = "indirect"
    date: str | None = None


@dataclass
class L:
    """An allegation: accusers, accused, the quotes of its evidence and responses."""

    accusers: list[str]
    accused: list[str]
    evidence: list[str]
    category: str = "other"
    responses: list[str] = field(default_factory=list)


def article(path: str, text: str, actors: list[A], statements: list[S], allegations: list[L],
            published: str | None = None) -> ArticleRecord:
    """A valid record of `text`: ids are given in order, spans found in the text."""
    ids = {a.name: f"A{i}" for i, a in enumerate(actors, start=1)}
    sids = {s.quote: f"S{i}" for i, s in enumerate(statements, start=1)}

    def span(quote: str) -> list[int]:
        start = text.index(quote)
        return [start, start + len(quote)]

    data = {
        "source": {"path": path, "sha256": hashlib.sha256(text.encode()).hexdigest(), "published": published,
                   "title": text.split(".")[0][:60]},
        "text": text,
        "actors": [{"id": ids[a.name], "name": a.name, "kind": a.kind, "role": a.role, "aliases": a.aliases,
                    "affiliation": ids[a.affiliation] if a.affiliation else None,
                    "mentions": [span(a.name)] if a.name in text else []} for a in actors],
        "statements": [{"id": sids[s.quote], "speaker": ids[s.speaker], "kind": s.kind, "text": s.quote,
                        "span": span(s.quote), "date": s.date} for s in statements],
        "allegations": [{"id": f"L{i}", "accusers": [ids[n] for n in al.accusers],
                         "accused": [ids[n] for n in al.accused], "claim": al.evidence[0],
                         "category": al.category, "evidence": [sids[q] for q in al.evidence],
                         "responses": [sids[q] for q in al.responses],
                         "status": "denied" if al.responses else "alleged"}
                        for i, al in enumerate(allegations, start=1)],
        "provenance": PROVENANCE,
    }
    return ArticleRecord.model_validate(data)


def corpus() -> list[Record]:
    """Five invented articles and one failed one.

    Kurt Campbell accuses China twice (once as "Campbell" accusing "Beijing"); a restaurant owner also
    called Campbell accuses the Calder Harbour Board, which another article calls the "Harbour Board".
    """
    one = article(
        "news/one.txt",
        "U.S. Deputy Secretary of State Kurt Campbell said China is helping Russia rebuild its missile "
        "factories. \"This is support for a war,\" Campbell said. China rejected the charge, saying it "
        "\"never sold weapons to either side.\"",
        [A("Kurt Campbell", role="U.S. Deputy Secretary of State", aliases=["Campbell"],
           affiliation="United States"),
         A("China", "country"), A("Russia", "country"), A("United States", "country", aliases=["U.S."])],
        [S("Kurt Campbell", "China is helping Russia rebuild its missile factories"),
         S("Kurt Campbell", "This is support for a war", "direct"),
         S("China", "never sold weapons to either side.", "direct")],
        [L(["Kurt Campbell"], ["China"], ["China is helping Russia rebuild its missile factories",
                                           "This is support for a war"], "military_support",
           ["never sold weapons to either side."])],
        published="2026-02-01",
    )
    two = article(
        "news/two.txt",
        "Beijing is sending drone engines to Moscow, Campbell told reporters on Tuesday. The Chinese "
        "government did not answer.",
        [A("Campbell"), A("Beijing", "government"), A("Moscow", "government")],
        [S("Campbell", "Beijing is sending drone engines to Moscow")],
        [L(["Campbell"], ["Beijing"], ["Beijing is sending drone engines to Moscow"], "military_support")],
        published="2026-03-15",
    )
    three = article(
        "news/three.txt",
        "Campbell, a restaurant owner, said the Calder Harbour Board \"took cash for permits.\" The board "
        "said nothing.",
        [A("Campbell", role="restaurant owner"), A("Calder Harbour Board", "organization",
                                                   aliases=["Harbour Board"])],
        [S("Campbell", "took cash for permits.", "direct")],
        [L(["Campbell"], ["Calder Harbour Board"], ["took cash for permits."], "corruption")],
        published="2026-04-02",
    )
    four = article(
        "news/four.txt",
        "The Harbour Board misused port fees, auditor Lena Okafor wrote on June 1.",
        [A("Lena Okafor", role="auditor"), A("Harbour Board", "organization")],
        [S("Lena Okafor", "The Harbour Board misused port fees", date="2026-06-01")],
        [L(["Lena Okafor"], ["Harbour Board"], ["The Harbour Board misused port fees"], "corruption")],
    )
    five = article(
        "news/five.txt",
        "Russian officials said the United States is spying on their shipyards, which Washington denied as "
        "\"pure invention.\"",
        [A("Russia", "country"), A("United States", "country", aliases=["Washington"])],
        [S("Russia", "the United States is spying on their shipyards"),
         S("United States", "pure invention.", "direct")],
        [L(["Russia"], ["United States"], ["the United States is spying on their shipyards"], "espionage",
           ["pure invention."])],
        published="2026-05-20",
    )
    failed = ErrorRecord.model_validate({"source": {"path": "news/six.txt", "sha256": "f" * 64},
                                         "error": {"type": "ModelError", "message": "news/six.txt: timed out"}})
    return [one, two, three, failed, four, five]
