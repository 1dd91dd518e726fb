"""A cache of model answers keyed on the whole request, so the same question is never paid for twice.

Keys hash everything that shapes the answer (backend, model, messages, schema, sampling settings), never
the API key or the server's address. Identical articles (a clean copy and a page scrape that cleans to
the same text) therefore get identical answers, whatever the server's prompt cache did in between.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from extract.model.embedded import cache_dir

#: Request fields that shape the answer; anything else (timeouts, headers) does not belong in the key.
_KEY_FIELDS = ("model", "messages", "response_format", "extra_body", "tools", "tool_choice", "temperature",
               "seed", "max_tokens", "top_p")


class ResponseCache:
    """Completions stored as JSON files under `root`, one per request hash."""

    def __init__(self, root: Path | None = None, namespace: str = "") -> None:
        self.root = root or cache_dir() / "responses"
        self.namespace = namespace
        self.hits = 0

    def key(self, request: dict[str, Any]) -> str:
        """The hash of what the request asks, in a stable JSON form."""
        shaped = {k: request.get(k) for k in _KEY_FIELDS if request.get(k) is not None}
        blob = json.dumps([self.namespace, shaped], sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored completion, or None (a corrupt entry counts as a miss)."""
        path = self.root / key[:2] / f"{key}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        self.hits += 1
        return data

    def put(self, key: str, completion: dict[str, Any]) -> None:
        """Store a completion atomically: written whole to a temporary file, then renamed over the entry.

        A reader (another thread, another run) sees no entry, the old one or the new one, never half of one;
        two writers of one key both write whole files and the last rename wins (the answers are the same
        request's). A cache that cannot be written is only a miss next time, never a failed article.
        """
        folder = self.root / key[:2]
        tmp: str | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{key[:12]}-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(completion, handle)
            os.replace(tmp, folder / f"{key}.json")
        except BaseException as exc:  # Ctrl-C mid-write included: no temporary file is left behind
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            if not isinstance(exc, OSError):
                raise
