"""One root exception: the CLI turns any ExtractError into a one-line message and an exit code."""

from __future__ import annotations


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
