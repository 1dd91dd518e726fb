"""Scoring records against hand-made gold annotations: the library behind `extract eval`.

The matching rules are those of `tests/gold/README.md` ("lenient on wording, strict on who"). Where the
README leaves a choice open, this module decides as follows:

- Names are normalised by casefolding, deleting periods and apostrophes ("U.S." -> "us",
  "People's" -> "peoples"), turning any other punctuation into a space and dropping a leading "the".
  "Whole-word containment" means the gold name's words occur as a contiguous run in the predicted name.
- A predicted actor resolves to the gold actor(s) it matches *most specifically*: an equality beats a
  containment, and a longer contained gold name beats a shorter one, so "U.S. Deputy Secretary of State
  Kurt Campbell" is Kurt Campbell, not the United States ("U.S."). Ties resolve to every tied gold actor.
  The same resolution scores actors and tells who speaks, accuses and is accused.
- Content words are the lowercase word tokens (runs of letters and digits; apostrophes and hyphens split
  words, so "Russia's" gives "russia" and "s") minus `STOPWORDS`, compared as sets.
- Statements: the "shorter" text is the one with fewer distinct content words; a text with no content
  word at all is compared on all its word tokens instead.
- Allegations: a keyword is found when its word tokens occur as a contiguous run in the claim's word tokens
  (so "supply" does not match "supplies"); the 30% share is measured on the *gold* claim: shared content
  words / content words of the gold claim >= 0.3.
- Matching is one-to-one, a maximum bipartite matching (augmenting paths) that first matches required gold
  items and only then optional ones; augmenting never unmatches an item, so true positives are maximal
  and, among those matchings, false positives minimal.
- Precision is 1.0 when nothing counted was predicted (TP + FP = 0), recall is 1.0 when there was nothing
  to find (TP + FN = 0); F1 = 2TP / (2TP + FP + FN), the harmonic mean of the two, and 1.0 when all
  counts are 0. Nothing to find and nothing found thus scores 1.0 on all three; nothing found of
  something scores P 1.0, R 0.0, F1 0.0; something found where nothing was to find, P 0.0, R 1.0, F1 0.0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from extract.language.stopwords import STOPWORDS
from extract.output.gold import Gold, GoldAllegation, GoldModel, gold_index
from extract.output.records import Record
from schemas import Actor, ArticleRecord, said_text

CATEGORIES = ("actors", "statements", "allegations")
STATEMENT_SHARE = 0.5  # of the shorter text's content words
CLAIM_SHARE = 0.3  # of the gold claim's content words

_WORD = re.compile(r"[^\W_]+")
_DELETED = re.compile(r"[.'’‘`]")


# --- text comparison ----------------------------------------------------------------------------------


def normalize_name(name: str) -> str:
    """A name as compared: casefolded, punctuation-free, single-spaced, without a leading "the"."""
    tokens = _WORD.findall(_DELETED.sub("", name.casefold()))
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


def words(text: str) -> list[str]:
    """The lowercase word tokens of a text, in order."""
    return _WORD.findall(text.casefold())


def content_words(text: str) -> set[str]:
    """The distinct word tokens of a text that are not in `STOPWORDS`."""
    return {w for w in words(text) if w not in STOPWORDS}


def _contains_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    n = len(needle)
    return n > 0 and any(list(haystack[i : i + n]) == list(needle) for i in range(len(haystack) - n + 1))


def _statement_share(predicted: str, gold: str) -> float:
    """Share of the shorter text's content words found in the other; >= 0.5 is a match."""
    a, b = content_words(predicted), content_words(gold)
    if not a or not b:
        a, b = set(words(predicted)), set(words(gold))
    shorter = min(len(a), len(b))
    return len(a & b) / shorter if shorter else 0.0


def _claim_score(predicted: str, gold: GoldAllegation) -> float:
    """0 if the claims do not match, else 1 + the gold-side content share (a keyword hit scores 2)."""
    tokens = words(predicted)
    if any(_contains_run(tokens, words(keyword)) for keyword in gold.keywords):
        return 2.0
    gold_words = content_words(gold.claim)
    shared = len(content_words(predicted) & gold_words)
    share = shared / len(gold_words) if gold_words else 0.0  # exact: 3/10 == 0.3 in floating point
    return 1.0 + share if share >= CLAIM_SHARE else 0.0


def _resolve(actor: Actor, gold_names: Sequence[Sequence[str]]) -> frozenset[int]:
    """Indices of the gold actors `actor` matches most specifically (see the module docstring)."""
    names = [n for n in (normalize_name(x) for x in (actor.name, *actor.aliases)) if n]
    best: tuple[int, int] = (0, 0)
    found: set[int] = set()
    for index, aliases in enumerate(gold_names):
        for name in names:
            for alias in aliases:
                if name == alias:
                    rank = (2, len(alias.split()))
                elif f" {alias} " in f" {name} ":
                    rank = (1, len(alias.split()))
                else:
                    continue
                if rank > best:
                    best, found = rank, {index}
                elif rank == best:
                    found.add(index)
    return frozenset(found)


# --- one-to-one matching ------------------------------------------------------------------------------


def _match(candidates: Sequence[Sequence[tuple[float, int]]], required: Sequence[bool]) -> dict[int, int]:
    """Maximum bipartite matching, prediction index -> gold index, required gold items first.

    `candidates[g]` lists (score, prediction) pairs that match gold item `g`; better scores are tried
    first, which only decides between matchings of the same size.
    """
    owner: dict[int, int] = {}
    ordered = [[p for _, p in sorted(c, key=lambda sp: (-sp[0], sp[1]))] for c in candidates]

    def augment(gold: int, seen: set[int]) -> bool:
        for pred in ordered[gold]:
            if pred not in seen:
                seen.add(pred)
                if pred not in owner or augment(owner[pred], seen):
                    owner[pred] = gold
                    return True
        return False

    for gold in sorted(range(len(candidates)), key=lambda g: not required[g]):
        augment(gold, set())
    return owner


@dataclass(frozen=True)
class Score:
    """Counts of one kind of item in one article (or summed over articles), with the misses named."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, as 2TP / (2TP + FP + FN); 1.0 when all counts are 0."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        """Figures and counts; with `details`, also the missed gold items and the spurious prediction ids."""
        out: dict[str, Any] = {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                               "tp": self.tp, "fp": self.fp, "fn": self.fn}
        if details:
            out |= {"missed": list(self.missed), "spurious": list(self.spurious)}
        return out


def _score(candidates: list[list[tuple[float, int]]], gold: Sequence[GoldModel], labels: list[str],
           pred_ids: list[str]) -> Score:
    required = [item.required for item in gold]
    owner = _match(candidates, required)
    matched = set(owner.values())
    return Score(
        tp=sum(1 for g in matched if required[g]),
        fp=len(pred_ids) - len(owner),
        fn=sum(1 for g, req in enumerate(required) if req and g not in matched),
        missed=tuple(labels[g] for g, req in enumerate(required) if req and g not in matched),
        spurious=tuple(pid for p, pid in enumerate(pred_ids) if p not in owner),
    )


# --- the report ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Leak:
    """A `must_not_contain` string found in an extraction, and where ("statement S3 text")."""

    text: str
    where: str


@dataclass
class ArticleEval:
    """The evaluation of one record against its gold."""

    path: str
    gold: str
    scores: dict[str, Score]
    statements: int = 0
    verbatim: int = 0
    leaks: list[Leak] = field(default_factory=list)
    error: str | None = None

    @property
    def verbatim_share(self) -> float | None:
        """Share of statements whose words are the text's at their span (or parts); None without statements."""
        return self.verbatim / self.statements if self.statements else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"path": self.path, "gold": self.gold, "error": self.error,
                **{c: self.scores[c].to_dict(details=True) for c in CATEGORIES},
                "statements_total": self.statements, "verbatim": self.verbatim,
                "verbatim_share": self.verbatim_share,
                "leaks": [{"text": leak.text, "where": leak.where} for leak in self.leaks]}


@dataclass
class EvalReport:
    """Per-article and overall (micro-averaged: TP, FP, FN summed over articles) results."""

    articles: list[ArticleEval] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)
    unused_golds: list[str] = field(default_factory=list)

    @property
    def overall(self) -> dict[str, Score]:
        """Scores summed over every scored article."""
        return {c: sum((a.scores[c] for a in self.articles), Score()) for c in CATEGORIES}

    @property
    def verbatim_share(self) -> float | None:
        """Share of all statements that are verbatim spans; None without statements."""
        total = sum(a.statements for a in self.articles)
        return sum(a.verbatim for a in self.articles) / total if total else None

    @property
    def leaks(self) -> list[tuple[str, Leak]]:
        """Every leak, with the path of its record."""
        return [(a.path, leak) for a in self.articles for leak in a.leaks]

    def lowest_f1(self) -> float:
        """The lowest overall F1 of actors, statements and allegations; 0.0 if no article was scored."""
        return min(s.f1 for s in self.overall.values()) if self.articles else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        overall = {c: s.to_dict() for c, s in self.overall.items()}
        return {"overall": {**overall, "verbatim_share": self.verbatim_share, "leaks": len(self.leaks),
                            "articles": len(self.articles), "lowest_f1": self.lowest_f1()},
                "articles": [a.to_dict() for a in self.articles],
                "unscored": self.unscored, "unused_golds": self.unused_golds}


def evaluate(records: Sequence[Record], golds: Sequence[Gold]) -> EvalReport:
    """Score each record against the gold whose `applies_to` holds its file name.

    Records without a gold are listed in `unscored`; an ErrorRecord is an article that found nothing.
    """
    index = gold_index(golds)
    report = EvalReport()
    used: set[int] = set()
    for record in records:
        gold = index.get(Path(record.source.path).name)
        if gold is None:
            report.unscored.append(record.source.path)
            continue
        used.add(id(gold))
        report.articles.append(_evaluate_article(record, gold))
    report.unused_golds = [g.file or g.applies_to[0] for g in golds if id(g) not in used]
    return report


def _evaluate_article(record: Record, gold: Gold) -> ArticleEval:
    if isinstance(record, ArticleRecord):
        actors, statements, allegations = record.actors, record.statements, record.allegations
        error = None
    else:
        actors, statements, allegations = [], [], []
        error = f"{record.error.type}: {record.error.message}"
    gold_names = [[n for n in map(normalize_name, (a.name, *a.aliases)) if n] for a in gold.actors]
    number = {a.name: i for i, a in enumerate(gold.actors)}
    who = {a.id: _resolve(a, gold_names) for a in actors}

    def anyone(ids: Iterable[str]) -> set[int]:
        return {g for i in ids for g in who.get(i, frozenset())}

    # an anonymous source ("officials") claims no name and is not scored as an actor; a body named by its role
    # ("police", kind government) is one, and the gold lists it as one (bench/real/general/README.md)
    named = [a for a in actors if not a.unnamed or a.kind != "other"]
    actor_cands = [[(1.0, p) for p, a in enumerate(named) if g in who[a.id]] for g in range(len(gold.actors))]
    # a charge the narration tells is an allegation's evidence, not speech: the statements score leaves it out
    spoken = [st for st in statements if not st.narrated]
    statement_cands = [
        [(share, p) for p, st in enumerate(spoken)
         if number[gs.speaker] in who.get(st.speaker, frozenset())
         and (share := _statement_share(st.text, gs.text)) >= STATEMENT_SHARE]
        for gs in gold.statements
    ]
    allegation_cands = [
        [(score, p) for p, al in enumerate(allegations)
         if anyone(al.accusers) & {number[n] for n in ga.accuser}
         and anyone(al.accused) & {number[n] for n in ga.accused}
         and (score := _claim_score(al.claim, ga))]
        for ga in gold.allegations
    ]
    scores = {
        "actors": _score(actor_cands, gold.actors, [a.name for a in gold.actors], [a.id for a in named]),
        "statements": _score(statement_cands, gold.statements,
                             [f"{s.speaker}: {s.text}" for s in gold.statements], [s.id for s in spoken]),
        "allegations": _score(allegation_cands, gold.allegations,
                              [f"{', '.join(a.accuser)} vs {', '.join(a.accused)}: {a.claim}"
                               for a in gold.allegations], [a.id for a in allegations]),
    }
    text = record.text if isinstance(record, ArticleRecord) else ""
    verbatim = sum(1 for s in statements if said_text(text, s.span, s.parts) == s.text)  # so s.text's words are text's
    return ArticleEval(path=record.source.path, gold=gold.file or gold.applies_to[0], scores=scores,
                       statements=len(statements), verbatim=verbatim,
                       leaks=_leaks(record, gold.must_not_contain), error=error)


def _leaks(record: Record, forbidden: Sequence[str]) -> list[Leak]:
    """Every forbidden string found (case-insensitively) in the record's actors, statements, allegations."""
    if not isinstance(record, ArticleRecord):
        return []
    fields: list[tuple[str, str]] = []
    for actor in record.actors:
        fields += [(f"actor {actor.id} name", actor.name), (f"actor {actor.id} role", actor.role or "")]
        fields += [(f"actor {actor.id} alias", alias) for alias in actor.aliases]
    for st in record.statements:
        fields += [(f"statement {st.id} text", st.text), (f"statement {st.id} cue", st.cue or "")]
    fields += [(f"allegation {al.id} claim", al.claim) for al in record.allegations]
    return [Leak(bad, where) for bad in forbidden for where, value in fields
            if bad.strip() and bad.casefold() in value.casefold()]


# --- rendering ----------------------------------------------------------------------------------------


def _table(scores: dict[str, Score]) -> Table:
    table = Table()
    table.add_column("")
    for name in ("P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(name, justify="right")
    for category in CATEGORIES:
        s = scores[category]
        table.add_row(category, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                      str(s.tp), str(s.fp), str(s.fn))
    return table


def _share(verbatim: int, total: int) -> str:
    return f"{verbatim}/{total} ({verbatim / total:.0%})" if total else "n/a (no statements)"


def render_report(report: EvalReport, console: Console) -> None:
    """Print a table per article and one overall, with verbatim shares and leaks."""
    for article in report.articles:
        console.print(f"[bold]{escape(article.path)}[/bold]  (gold {escape(article.gold)})")
        console.print(_table(article.scores))
        if article.error:
            console.print(f"[red]error record:[/red] {escape(article.error)}")
        console.print(f"verbatim statements: {_share(article.verbatim, article.statements)}")
        for leak in article.leaks:
            console.print(f"[red]leak:[/red] {escape(repr(leak.text))} in {escape(leak.where)}")
        console.print()
    count = len(report.articles)
    console.print(f"[bold]overall[/bold] ({count} article{'' if count == 1 else 's'}, micro-averaged)")
    console.print(_table(report.overall))
    total = sum(a.statements for a in report.articles)
    console.print(f"verbatim statements: {_share(sum(a.verbatim for a in report.articles), total)}")
    leaks = report.leaks
    console.print(f"leaks: [red]{len(leaks)}[/red]" if leaks else "leaks: none")
    if report.unscored:
        console.print(f"[yellow]no gold for:[/yellow] {escape(', '.join(report.unscored))}")
    if report.unused_golds:
        console.print(f"[yellow]gold without records:[/yellow] {escape(', '.join(report.unused_golds))}")
