"""One root exception: the CLI turns any ExtractError into a one-line message and an exit code."""

from __future__ import annotations

import traceback
from pathlib import PurePath


class ExtractError(Exception):
    """Base of every error `extract` raises on purpose; its message is fit to show a user as is."""

    exit_code = 1
    #: Model completions (re-asks included) and tokens the article had cost when it failed: still paid for.
    attempts = 0
    prompt_tokens = 0
    completion_tokens = 0


class InputError(ExtractError):
    """An input file cannot be read as an article (missing, empty, binary, undecodable)."""


class ConfigError(ExtractError):
    """The backend cannot be set up: missing key, bad URL, missing model file, missing extra."""

    exit_code = 2


class PromptError(ExtractError):
    """A prompt file is missing or malformed."""

    exit_code = 2


class ModelError(ExtractError):
    """The model server failed or kept answering with output that cannot be used."""


class RecordError(ExtractError):
    """A JSONL file of records cannot be read or does not validate."""


class BusyError(ExtractError):
    """Another run owns the output file this one would append to."""

    exit_code = 2


class InternalError(ExtractError):
    """A bug: one article met a case the code did not foresee. It gets an error record; the other articles go on."""


def internal_error(name: str, exc: Exception) -> InternalError:
    """`exc`, raised by a bug while `name` was extracted, as an InternalError saying what and where.

    The place is the innermost frame of this package, so a user's report points at the code to mend.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if {"extract", "schemas"} & set(PurePath(f.filename).parts)] or frames
    where = f" at {PurePath(ours[-1].filename).name}:{ours[-1].lineno} ({ours[-1].name})" if ours else ""
    error = InternalError(f"{name}: internal error, please report it: {type(exc).__name__}{where}: {exc}")
    error.__cause__ = exc
    return error
