"""Render records in a terminal with rich: per article a heading and tables of actors, statements, allegations."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from extract.output.records import Record
from schemas import ArticleRecord, ErrorRecord

#: Speaker colours, picked by actor position so that one actor keeps one colour within an article.
_COLOURS = ("bright_blue", "dark_orange", "green3", "medium_purple1", "red1", "cyan", "hot_pink", "gold1",
            "slate_blue1", "chartreuse3", "turquoise2", "grey70")

#: Longest statement text shown before it is cut with an ellipsis.
STATEMENT_WIDTH = 90


def render_terminal(records: Sequence[Record], console: Console) -> None:
    """Print each record: a heading, then its actors, statements and allegations, or its error in red.

    All text from the records is printed as plain text, never interpreted as rich markup.

    Args:
        records: Article and error records, in order.
        console: Where to print.
    """
    for index, record in enumerate(records):
        if index:
            console.print()
        if isinstance(record, ErrorRecord):
            console.print(_error(record))
        else:
            console.print(_article(record))
    articles = [r for r in records if isinstance(r, ArticleRecord)]
    failed = len(records) - len(articles)
    summary = Text(f"{_count(len(records), 'record')}: {_count(len(articles), 'article')}, ", style="dim")
    summary.append(f"{failed} failed", style="bold red" if failed else "dim")
    console.print()
    console.print(summary)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _heading(record: Record) -> Text:
    source = record.source
    text = Text(source.title or source.path, style="bold")
    details = [d for d in (source.byline, source.published) if d]
    if details:
        text.append("  " + " · ".join(details), style="dim")
    if source.title:
        text.append(f"\n{source.path}", style="dim")
    if source.url:
        text.append(f"  {source.url}", style="dim underline")
    return text


def _error(record: ErrorRecord) -> Panel:
    body = Text()
    body.append_text(_heading(record))
    body.append("\n\nfailed: ", style="bold red")
    body.append(f"{record.error.type}: {record.error.message}", style="red")
    return Panel(body, border_style="red", box=box.ROUNDED)


def _truncate(text: str, width: int = STATEMENT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _article(record: ArticleRecord) -> Panel:
    names = {a.id: a.name for a in record.actors}
    colour = {a.id: _COLOURS[i % len(_COLOURS)] for i, a in enumerate(record.actors)}

    def who(actor_id: str) -> Text:
        return Text(names.get(actor_id, actor_id), style=colour.get(actor_id, "bold red"))

    def joined(ids: Sequence[str]) -> Text:
        return Text(", ").join(who(i) for i in ids)

    parts: list[Table | Text] = [_heading(record), Text()]
    actors = Table(title="Actors", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("id", "name", "kind", "role", "aliases"):
        actors.add_column(column, overflow="fold", style="dim" if column == "id" else None)
    for a in record.actors:
        affiliation = f" ({names.get(a.affiliation, a.affiliation)})" if a.affiliation else ""
        actors.add_row(Text(a.id), who(a.id), Text(a.kind.replace("_", " ")), Text((a.role or "") + affiliation),
                       Text(", ".join(a.aliases)))
    parts.append(actors if record.actors else Text("No actors.", style="dim"))

    statements = Table(title="Statements", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    statements.add_column("id", style="dim")
    statements.add_column("speaker")
    statements.add_column("kind")
    statements.add_column("text", ratio=1, overflow="ellipsis", no_wrap=True)
    statements.add_column("span", justify="right", style="dim", no_wrap=True)
    for s in record.statements:
        statements.add_row(Text(s.id), who(s.speaker), Text(s.kind), Text(_truncate(s.text)),
                           Text(f"{s.span[0]}–{s.span[1]}"))
    parts.append(statements if record.statements else Text("No statements.", style="dim"))

    allegations = Table(title="Allegations", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    allegations.add_column("id", style="dim")
    allegations.add_column("accuser → accused", ratio=2)
    allegations.add_column("claim", ratio=3, overflow="fold")
    allegations.add_column("category", ratio=1, overflow="fold")
    allegations.add_column("status", no_wrap=True)
    allegations.add_column("evidence / responses", ratio=1, style="dim")
    for al in record.allegations:
        parties = joined(al.accusers).append(" → ", style="dim").append_text(joined(al.accused))
        refs = ", ".join(al.evidence) + (" / " + ", ".join(al.responses) if al.responses else "")
        status_style = {"denied": "red", "admitted": "green", "disputed": "magenta"}.get(al.status, "yellow")
        allegations.add_row(Text(al.id), parties, Text(al.claim), Text(al.category.replace("_", " ")),
                            Text(al.status, style=status_style), Text(refs))
    parts.append(allegations if record.allegations else Text("No allegations.", style="dim"))

    for warning in record.warnings:
        parts.append(Text(f"warning: {warning}", style="yellow"))
    p = record.provenance
    parts.append(Text(f"{p.model} via {p.backend} · prompt {p.prompt_sha256[:12]} · "
                      f"{p.usage.prompt_tokens}+{p.usage.completion_tokens} tokens · {p.seconds:.1f} s",
                      style="dim"))
    return Panel(Group(*parts), box=box.ROUNDED, border_style="blue")
