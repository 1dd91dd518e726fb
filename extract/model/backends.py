"""Which model server to talk to, and how: the backend is chosen once, from flags, then environment.

Precedence (unless `--backend` names one): `--base-url`/`EXTRACT_BASE_URL` (any OpenAI-compatible server),
then `OPENAI_API_KEY` (OpenAI itself), then the embedded local model. The structured-output mode is known
for OpenAI (tools) and the embedded llama.cpp (a JSON schema inside `response_format`); any other server is
asked what it enforces (`auto`, see `mode_probe`), unless `--mode` says.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from extract.errors import ConfigError

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


class BackendKind(StrEnum):
    """The three ways of reaching a model."""

    COMPAT = "openai-compatible"
    OPENAI = "openai"
    LOCAL = "local"


class OutputMode(StrEnum):
    """How structured output is requested from the server.

    `llama-schema`: instructor's JSON mode plus the schema in `response_format`, which llama.cpp turns into
    a grammar (OpenAI's `json_schema` form makes it answer 500). `json`: plain JSON mode, for any server.
    `json-schema` and `tools`: OpenAI's structured outputs and function calling (OpenAI, vLLM, Ollama).
    `auto`: not chosen yet; the server is probed on first contact (`mode_probe.settle_mode`).
    """

    AUTO = "auto"

    LLAMA_SCHEMA = "llama-schema"
    JSON = "json"
    JSON_SCHEMA = "json-schema"
    TOOLS = "tools"


@dataclass(frozen=True)
class BackendConfig:
    """Everything needed to open a client; `api_key` is never written anywhere."""

    kind: BackendKind
    model: str | None
    base_url: str | None
    api_key: str = field(repr=False)
    mode: OutputMode
    model_path: Path | None = None
    timeout: float = 900.0
    #: How `mode` was chosen: "flag" (--mode), "default" (known for the backend), "probed", "remembered".
    mode_source: str = "flag"
    #: What the probe found, when it chose the mode (one line, for the run's first line).
    mode_detail: str = ""

    def describe(self) -> str:
        """A one-line, secret-free description for logs and provenance."""
        if self.base_url:
            where = public_url(self.base_url)
        else:
            where = "embedded llama.cpp" if self.kind is BackendKind.LOCAL else "api.openai.com"
        source = f", {self.mode_source}" if self.mode_source in ("probed", "remembered") else ""
        return f"{self.kind.value} ({where}, mode {self.mode.value}{source})"


def public_url(url: str) -> str:
    """A URL fit to print or record: no user:password, query or fragment (where keys sometimes ride)."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return "<unparsable URL>"
    host = f"[{host}]" if ":" in host else host
    return urlunsplit((parts.scheme, f"{host}:{port}" if port else host, parts.path, "", ""))


def resolve_backend(
    backend: BackendKind | None = None,
    base_url: str | None = None,
    model: str | None = None,
    model_path: Path | None = None,
    mode: OutputMode | None = None,
    env: dict[str, str] | None = None,
) -> BackendConfig:
    """Pick the backend from explicit options first, then the environment, then the local default."""
    env = dict(os.environ) if env is None else env
    base_url = base_url or env.get("EXTRACT_BASE_URL") or None
    model = model or env.get("EXTRACT_MODEL") or None
    openai_key = env.get("OPENAI_API_KEY") or None
    if backend is None:
        if model_path is not None:
            backend = BackendKind.LOCAL
        elif base_url:
            backend = BackendKind.COMPAT
        elif openai_key:
            backend = BackendKind.OPENAI
        else:
            backend = BackendKind.LOCAL

    source = "flag" if mode is not None else "default"
    if backend is BackendKind.COMPAT:
        if not base_url:
            raise ConfigError("--backend openai-compatible needs --base-url or EXTRACT_BASE_URL")
        key = env.get("EXTRACT_API_KEY") or openai_key or "no-key"
        return BackendConfig(backend, model, base_url.rstrip("/"), key, mode or OutputMode.AUTO, mode_source=source)
    if backend is BackendKind.OPENAI:
        if not openai_key:
            raise ConfigError("no OpenAI key found: set the OPENAI_API_KEY environment variable")
        return BackendConfig(
            backend, model or DEFAULT_OPENAI_MODEL, base_url, openai_key, mode or OutputMode.TOOLS, mode_source=source
        )
    return BackendConfig(
        BackendKind.LOCAL, model, None, "no-key", mode or OutputMode.LLAMA_SCHEMA, model_path=model_path,
        mode_source=source,
    )
