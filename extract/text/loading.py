"""Loading input: files and folders into documents, refusing what is not an article with a clear reason."""

from __future__ import annotations

import codecs
import hashlib
import itertools
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.errors import InputError

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".jsonl"})
MAX_BYTES = 50 * 1024 * 1024
# Text editors on Windows save "Unicode" as UTF-16 with a byte-order mark: its NUL bytes are not binary.
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Control characters other than tab, line feed, form feed and carriage return: many of them mean binary data.
#: A regex counts them in C; a Python loop over the first 8,192 characters cost more than reading the file.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True)
class Document:
    """One input article as read: its bytes' hash, decoded text, and whether it is HTML."""

    path: str
    sha256: str
    raw: str
    is_html: bool
    url: str | None = None
    title: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)


def iter_paths(inputs: list[Path]) -> Iterator[Path]:
    """Expand folders (recursively, sorted, article suffixes only); files are taken as given."""
    for item in inputs:
        if item.is_dir():
            for path in sorted(item.rglob("*")):
                if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith("."):
                    yield path
        else:
            yield item


def load_document(path: Path) -> Document:
    """Read one article file; InputError naming the file for missing, empty, binary or huge input."""
    try:
        with path.open("rb") as handle:
            size = _size(handle.fileno())
            if size > MAX_BYTES:  # refuse before reading gigabytes into memory
                raise InputError(_too_big(str(path), size))
            # bounded even where the size is unknown (a pipe, /dev/zero); a file of known size gets a buffer of its
            # size, not of the limit (read(n) allocates n bytes first: 50 MiB for every article)
            data = handle.read(min(size, MAX_BYTES) + 1 if size else MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return document_from_bytes(str(path), data, html=path.suffix.lower() in {".html", ".htm"})


def _size(fd: int) -> int:
    try:
        return os.fstat(fd).st_size
    except OSError:
        return 0


def _too_big(name: str, size: int) -> str:
    return f"{name}: {size / 2**20:.0f} MiB is larger than the {MAX_BYTES // 2**20} MiB limit"


def document_from_bytes(name: str, data: bytes, *, html: bool | None = None) -> Document:
    """Decode input bytes into a Document (shared by files, stdin and JSONL input)."""
    if len(data) > MAX_BYTES:
        raise InputError(_too_big(name, len(data)))
    warnings: list[str] = []
    bom = next((codec for mark, codec in _UNICODE_BOMS if data.startswith(mark)), None)
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            raise InputError(f"{name}: starts like {bom.upper()} text but does not decode as it") from None
    else:
        if not data.strip():
            raise InputError(f"{name}: empty file")
        if b"\0" in data[:8192]:
            raise InputError(f"{name}: binary file, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append("input was not UTF-8; decoded as Windows-1252/Latin-1")
    if not text.strip():  # a UTF-8 BOM and whitespace, or Unicode spaces only
        raise InputError(f"{name}: empty file")
    controls = len(_CONTROLS.findall(text, 0, 8192))
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(f"{name}: binary file, not text")
    if html is None:
        html = text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    return Document(
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        raw=text,
        is_html=html,
        warnings=warnings,
    )


class BadLine(InputError):
    """One line of a JSONL input that is not an article; the other lines still run."""


def iter_documents(paths: list[Path]) -> Iterator[Path | Document | BadLine]:
    """Every input article: files as paths (read later), JSONL lines and stdin (`-`) as documents.

    A `.jsonl` file holds one article per line as crawlers write them: `text` or `html`, and optionally
    `id`, `url`, `title`, `published` (YYYY-MM-DD). A line that is not such an object yields a BadLine
    naming `file:line`, so the run records it and goes on.
    """
    for path in iter_paths(paths):
        if str(path) == "-":
            stream = sys.stdin.buffer
            head = stream.readline()
            if head.lstrip().startswith(b"{"):  # JSONL: read a line at a time, however long the stream
                lines = (line.decode("utf-8", errors="replace") for line in itertools.chain([head], stream))
                yield from _jsonl_documents("<stdin>", lines)
            else:
                yield document_from_bytes("<stdin>", head + stream.read(MAX_BYTES + 1))
        elif path.suffix.lower() == ".jsonl":
            yield from _jsonl_file(path)
        else:
            yield path


def text_document(name: str, text: str, html: bool | None = None) -> Document:
    """One article given as a str: its text, or a whole HTML page (`html=None`: when it starts like one).

    A str that is only the name of an existing file is refused: the caller meant the file, and extracting
    from its name would spend a model call on nothing.
    """
    word = text.strip()
    if word and len(word) < 4096 and not any(ch.isspace() for ch in word):
        try:
            is_file = Path(word).is_file()
        except (OSError, ValueError):
            is_file = False
        if is_file:
            raise InputError(f"{name}: {word!r} is the name of a file, not an article; pass Path({word!r})")
    return document_from_bytes(name, text.encode("utf-8", errors="replace"), html=html)


def iter_inputs(inputs: Iterable[Path | str | Mapping[str, Any]]) -> Iterator[Path | Document | BadLine]:
    """Every article of `inputs`: Paths as `iter_documents` reads them, a str or a mapping as one article.

    A str is the article's text (or HTML page); a mapping is what a line of a JSONL input holds (`text` or
    `html`, optional `id`, `url`, `title`, `published`). Raises InputError at once when paths were given and
    hold no article at all (a folder of PDFs): that is a mistake in the command, not one failed article.
    Anything else that is not an article becomes a BadLine.
    """
    paths: list[Path] = []
    items = _inputs(inputs, paths)
    first = next(items, None)
    if first is None:
        if paths:
            raise InputError(f"no article files (.txt, .md, .html, .jsonl) in {', '.join(map(str, paths))}")
        return iter(())
    return itertools.chain([first], items)


def _inputs(inputs: Iterable[Path | str | Mapping[str, Any]], paths: list[Path]) -> Iterator[Path | Document | BadLine]:
    for number, item in enumerate(inputs, 1):
        if isinstance(item, Path):
            paths.append(item)
            yield from iter_documents([item])
        elif isinstance(item, str):
            try:
                yield text_document(f"<text {number}>", item)
            except InputError as exc:
                yield BadLine(str(exc))
        elif isinstance(item, Mapping):
            yield mapping_document(item, f"<input {number}>")
        else:
            yield BadLine(f"<input {number}>: not a str of text, a Path or a mapping ({type(item).__name__})")


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _jsonl_file(path: Path) -> Iterator[Document | BadLine]:
    """The articles of a JSONL file, read one line at a time (memory does not grow with the file)."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        yield BadLine(f"{path}: cannot read as UTF-8 JSONL ({exc.__class__.__name__})")
        return
    with handle:
        try:
            yield from _jsonl_documents(str(path), handle)
        except UnicodeDecodeError as exc:
            yield BadLine(f"{path}: cannot read as UTF-8 JSONL ({exc.__class__.__name__})")


def _jsonl_documents(name: str, lines: Iterable[str]) -> Iterator[Document | BadLine]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            item = json.loads(line)
        except ValueError:
            yield BadLine(f"{where}: not JSON")
            continue
        yield mapping_document(item, where, id_prefix=f"{name}#")


def mapping_document(item: object, where: str, id_prefix: str = "") -> Document | BadLine:
    """One article as crawlers write it: `text` or `html`, optional `id`, `url`, `title`, `published`.

    Named `id_prefix + id` when it has an id, else `where`; a bad `published` is dropped with a warning.
    """
    if not isinstance(item, Mapping) or not isinstance(item.get("text") or item.get("html"), str):
        return BadLine(f"{where}: needs a 'text' or 'html' string")
    html = isinstance(item.get("html"), str) and not item.get("text")
    body = str(item["html"] if html else item["text"])
    label = f"{id_prefix}{item['id']}" if item.get("id") is not None else where
    try:
        doc = document_from_bytes(label, body.encode("utf-8", errors="replace"), html=html)
    except InputError as exc:
        return BadLine(str(exc))
    published = item.get("published")
    warnings = list(doc.warnings)
    if published is not None and not (isinstance(published, str) and _ISO_DATE.match(published)):
        warnings.append(f"ignored 'published' {published!r}: not YYYY-MM-DD")
        published = None
    return Document(
        path=label,
        sha256=doc.sha256,
        raw=doc.raw,
        is_html=doc.is_html,
        url=item.get("url") if isinstance(item.get("url"), str) else None,
        title=item.get("title") if isinstance(item.get("title"), str) else None,
        published=published,
        warnings=warnings,
    )
