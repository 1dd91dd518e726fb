"""Check a JSONL file of records line by line, reporting every problem with its line number.

The rules themselves live in `schemas` (the models and `record_problems`); this module only walks a file,
applies them and adds the one check that needs the whole file: the same article written twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError, model_validator

from extract.output.records import iter_lines, parse_record
from schemas import ArticleRecord, Source, record_problems


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a JSONL file.

    Attributes:
        line: 1-based line number in the file.
        message: What is wrong, fit to show a user.
    """

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class _UncheckedArticle(ArticleRecord):
    """An ArticleRecord without its integrity validator, so that `record_problems` can list each problem."""

    @model_validator(mode="after")
    def _check_integrity(self) -> _UncheckedArticle:
        return self


def validate_file(path: Path) -> tuple[int, list[Problem]]:
    """Validate every record of a JSONL file.

    Each non-blank line must be an ArticleRecord or ErrorRecord (types, ids that resolve, spans that match
    the text, as the schema defines them), and no article (same `source.sha256` and `source.path`) may
    appear twice.

    Args:
        path: The JSONL file.

    Returns:
        The number of records read (non-blank lines, valid or not) and the problems found, in line order.

    Raises:
        RecordError: The file cannot be opened or is not UTF-8 text.
    """
    count = 0
    problems: list[Problem] = []
    first_seen: dict[tuple[str, str], int] = {}
    for number, line in iter_lines(path):
        count += 1
        source: Source | None
        try:
            source = parse_record(line).source
        except ValueError as exc:
            messages, source = _explain(line, str(exc))
            problems.extend(Problem(number, message) for message in messages)
        if source is None:
            continue
        key = (source.sha256, source.path)
        if key in first_seen:
            problems.append(Problem(number, f"duplicate article {source.path} (sha256 {source.sha256[:12]}), "
                                            f"first on line {first_seen[key]}"))
        else:
            first_seen[key] = number
    return count, problems


def _explain(line: str, reason: str) -> tuple[list[str], Source | None]:
    """Split the reason a line failed into one message per integrity problem, where that is possible.

    Returns:
        The messages, and the record's source when the line is a structurally sound article.
    """
    try:
        data = json.loads(line)
        unchecked = _UncheckedArticle.model_validate(data)
    except (ValueError, ValidationError):  # JSONDecodeError is a ValueError
        return [reason], None
    return record_problems(unchecked) or [reason], unchecked.source
