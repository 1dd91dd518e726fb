"""Which structured-output mode a server really enforces, found by asking it once and remembered.

OpenAI-compatible servers differ in what they take: OpenAI, vLLM, Ollama and llama.cpp's own C++ server
take a strict `json_schema` response format; llama-cpp-python's server refuses it (HTTP 500, "type must be
text or json_object") but compiles a `schema` given beside `json_object` into a grammar; some servers accept
a parameter and ignore it. So each form is tried with a tiny request (a few tokens) whose prompt asks for
one JSON object while its schema demands another: a server that enforces the schema answers the schema's
object, one that ignores it answers the prompt's. The strongest form that really constrains the answer
wins (strict `json_schema`, then `json_object` + `schema`, then a forced tool call); else plain JSON mode,
where validation and re-asking do the work. The finding is kept per base URL and model in the user cache
(`server-modes.json`), so only the first run against a server pays for the probe.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import openai

from extract.errors import ConfigError, ModelError
from extract.model.backends import BackendConfig, OutputMode, public_url
from extract.model.embedded import cache_dir

#: The probe's schema: one key and one allowed value that nothing in the prompt mentions.
PROBE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"probe": {"type": "string", "enum": ["kq7"]}},
    "required": ["probe"],
    "additionalProperties": False,
}
PROBE_ANSWER = {"probe": "kq7"}
PROBE_MESSAGES = [
    {"role": "system", "content": "Answer with JSON only."},
    {"role": "user", "content": 'Reply with exactly this JSON: {"reply": "hello"}'},
]
PROBE_MAX_TOKENS = 20

#: The forms that can enforce a schema, strongest first; plain JSON mode is the fallback.
ENFORCING = (OutputMode.JSON_SCHEMA, OutputMode.LLAMA_SCHEMA, OutputMode.TOOLS)

#: Answers that mean "not this form" rather than "this server is not usable": the form is refused.
_AUTH_OR_ADDRESS = (401, 403, 404)


def probe_request(mode: OutputMode) -> dict[str, Any]:
    """The keyword arguments of the probe's chat completion in `mode` (besides model and messages)."""
    if mode is OutputMode.JSON_SCHEMA:
        return {"response_format": {"type": "json_schema",
                                    "json_schema": {"name": "probe", "schema": PROBE_SCHEMA, "strict": True}}}
    if mode is OutputMode.LLAMA_SCHEMA:
        return {"response_format": {"type": "json_object", "schema": PROBE_SCHEMA}}
    if mode is OutputMode.TOOLS:
        return {"tools": [{"type": "function", "function": {"name": "probe", "parameters": PROBE_SCHEMA}}],
                "tool_choice": {"type": "function", "function": {"name": "probe"}}}
    return {"response_format": {"type": "json_object"}}


def _answer_of(completion: Any) -> Any:
    """The JSON the completion carries (a forced tool call's arguments, else the message), or None."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    text = calls[0].function.arguments if calls else message.content
    try:
        return json.loads(text or "")
    except (TypeError, ValueError):
        return None


def probe_server(config: BackendConfig, base_url: str | None, model: str) -> tuple[OutputMode, str]:
    """Ask the server with tiny requests; the strongest mode it enforces, and one line of what was found.

    Raises ModelError when the server cannot be reached or refuses us (key, URL, model), so nothing is
    concluded (or remembered) from a server that was not really asked.
    """
    from extract.model.client import describe_failure

    where = public_url(base_url) if base_url else "the configured base URL"
    client = openai.OpenAI(base_url=base_url, api_key=config.api_key, timeout=config.timeout, max_retries=0)
    found: list[str] = []
    json_ok = False
    for mode in (*ENFORCING, OutputMode.JSON):
        try:
            completion = client.chat.completions.create(
                model=model, messages=PROBE_MESSAGES,  # type: ignore[arg-type]
                temperature=0, seed=0, max_tokens=PROBE_MAX_TOKENS, **probe_request(mode),
            )
        except openai.APIStatusError as exc:
            if exc.status_code in _AUTH_OR_ADDRESS:
                raise ModelError(describe_failure("probe", exc, where, config, 1, http_tries=1)) from None
            found.append(f"{mode.value} refused (HTTP {exc.status_code})")
            continue
        except openai.OpenAIError as exc:
            raise ModelError(describe_failure("probe", exc, where, config, 1, http_tries=1)) from None
        if mode is OutputMode.JSON:
            json_ok = True
            found.append("json accepted")
        elif _answer_of(completion) == PROBE_ANSWER:
            found.append(f"{mode.value} enforced")
            return mode, ", ".join(found)
        else:
            found.append(f"{mode.value} accepted but not enforced")
    if not json_ok:
        raise ConfigError(f"the server at {where} takes no structured-output form ({', '.join(found)}); "
                          "pass --mode")
    return OutputMode.JSON, ", ".join(found)


def modes_file() -> Path:
    """Where probed modes are remembered (in the user cache, beside the responses)."""
    return cache_dir() / "server-modes.json"


def _server_key(base_url: str | None, model: str) -> str:
    return f"{public_url(base_url) if base_url else 'default'} {model}"


def _remembered() -> dict[str, Any]:
    try:
        data = json.loads(modes_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _remember(key: str, entry: dict[str, Any]) -> None:
    """Add one server's finding, atomically (a crash or a parallel run never leaves half a file)."""
    path = modes_file()
    data = _remembered()
    data[key] = entry
    with contextlib.suppress(OSError):  # a read-only cache only costs a probe next time
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, sort_keys=True)
        os.replace(tmp, path)


def settle_mode(config: BackendConfig, base_url: str | None, model: str) -> BackendConfig:
    """`config` with a concrete mode: as given, as remembered for this server and model, or probed now."""
    if config.mode is not OutputMode.AUTO:
        return config
    key = _server_key(base_url, model)
    entry = _remembered().get(key)
    if isinstance(entry, dict) and entry.get("mode") in {m.value for m in OutputMode} - {"auto"}:
        detail = f"remembered from a probe on {entry.get('probed', '?')}: {entry.get('found', '')}"
        return dataclasses.replace(config, mode=OutputMode(entry["mode"]), mode_source="remembered",
                                   mode_detail=detail)
    mode, found = probe_server(config, base_url, model)
    _remember(key, {"mode": mode.value, "found": found,
                    "probed": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
    return dataclasses.replace(config, mode=mode, mode_source="probed", mode_detail=f"probed: {found}")
