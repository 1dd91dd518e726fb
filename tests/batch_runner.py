"""A stand-in for a batch runner (OpenAI's Batch API, vLLM `run-batch`): one POST per input line.

It reads an OpenAI Batch input file, sends each `body` to `base_url + url` of an OpenAI-compatible server,
and writes the output file in the Batch API's format: `{"id", "custom_id", "response": {"status_code",
"request_id", "body"}, "error"}`, one line per request, in input order.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path


def run_batch(requests: Path, results: Path, base_url: str, timeout: float = 600.0) -> int:
    """Answer every request line of `requests` into `results`; returns how many were sent."""
    root = base_url.rstrip("/").removesuffix("/v1")
    count = 0
    with results.open("w", encoding="utf-8") as out:
        for line in requests.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            post = urllib.request.Request(
                root + item["url"], data=json.dumps(item["body"]).encode(), headers={"Content-Type": "application/json"}
            )
            try:
                with urllib.request.urlopen(post, timeout=timeout) as reply:
                    code, body = reply.status, json.loads(reply.read())
            except urllib.error.HTTPError as exc:
                code, body = exc.code, json.loads(exc.read() or b"{}")
            count += 1
            out.write(
                json.dumps(
                    {
                        "id": f"batch_req_{count}",
                        "custom_id": item["custom_id"],
                        "response": {"status_code": code, "request_id": f"req_{count}", "body": body},
                        "error": None if code == 200 else {"code": str(code), "message": "request failed"},
                    }
                )
                + "\n"
            )
    return count
