"""extract: actors, statements and allegations from news articles, grounded in the text.

The public API (see README, "Use from Python"):

    import extract
    record = extract.extract("Mayor Lena Okafor said the board took bribes.", base_url="http://127.0.0.1:8000/v1")
    with extract.extract_many([Path("articles/")], base_url="http://127.0.0.1:8000/v1") as records:
        for record in records: ...

`extract` raises `ExtractError` (one-line message) on failure; `extract_many` turns a failed article into an
`ErrorRecord` and goes on. Records are the pydantic models of `schemas` (see CONTRACT.md). The names are
loaded on first use, so `import extract` stays cheap for code that needs only a submodule.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("extract")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from extract.api import Backend, Mode, Records, extract, extract_many
    from extract.errors import ConfigError, ExtractError, InputError, ModelError
    from extract.running import RunSummary
    from schemas import ArticleRecord, ErrorRecord

#: Where each public name lives.
_PUBLIC = {
    "extract": "extract.api",
    "extract_many": "extract.api",
    "Records": "extract.api",
    "Backend": "extract.api",
    "Mode": "extract.api",
    "RunSummary": "extract.running",
    "ExtractError": "extract.errors",
    "ConfigError": "extract.errors",
    "InputError": "extract.errors",
    "ModelError": "extract.errors",
    "ArticleRecord": "schemas",
    "ErrorRecord": "schemas",
}

__all__ = [
    "ArticleRecord",
    "Backend",
    "ConfigError",
    "ErrorRecord",
    "ExtractError",
    "InputError",
    "Mode",
    "ModelError",
    "Records",
    "RunSummary",
    "__version__",
    "extract",
    "extract_many",
]


if not TYPE_CHECKING:  # type checkers see the imports above, so a misspelt name is still an error

    def __getattr__(name: str) -> Any:
        """Import a public name on first use (the pipeline pulls in openai and instructor: ~2 s)."""
        module = _PUBLIC.get(name)
        if module is None:
            raise AttributeError(f"module 'extract' has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
