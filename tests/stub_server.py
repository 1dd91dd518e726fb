"""A scriptable OpenAI-compatible model server on loopback, for testing faults on purpose.

`StubServer` answers `POST /v1/chat/completions` from a queue of behaviours that a test scripts (a good
answer, HTTP 429 with Retry-After, 5xx, a dropped connection, a hang, a slow answer, a body that is not JSON,
an answer cut off at `max_tokens`) and `GET /v1/models` with a fixed list. It records every request it
receives (method, path, headers, body) so a test can count attempts and check what was sent.

It listens on 127.0.0.1 on a port the OS picks and is a context manager: leaving the `with` block (or a
test module's `stub` fixture built on `running_stub`) stops it, wakes any handler still hanging, and closes
the socket. `running_stub` also clears proxy variables, so nothing leaves loopback.

    with StubServer() as stub:
        stub.script(rate_limited(retry_after=0.01), answer({"actors": []}))
        config = BackendConfig(BackendKind.COMPAT, "m", stub.base_url, "no-key", OutputMode.JSON, timeout=1)
        ModelClient(config, stub.base_url, "m").complete(...)
        assert len(stub.completions()) == 2
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # run as a fake model server process, this file imports nothing heavy
    import pytest

Kind = Literal["answer", "status", "reset", "hang", "raw"]
MODEL_ID = "stub-model"


@dataclass(frozen=True)
class Behaviour:
    """What the stub does with one chat-completions request."""

    kind: Kind
    status: int = 200
    content: str = ""
    finish_reason: str = "stop"
    usage: Mapping[str, int] = field(default_factory=lambda: {"prompt_tokens": 11, "completion_tokens": 7})
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0


def answer(
    content: Any,
    *,
    finish_reason: str = "stop",
    usage: Mapping[str, int] | None = None,
    delay: float = 0.0,
) -> Behaviour:
    """A 200 chat completion whose message content is `content` (a str as is, anything else as JSON)."""
    text = content if isinstance(content, str) else json.dumps(content)
    return Behaviour(
        "answer", content=text, finish_reason=finish_reason, delay=delay,
        usage=usage if usage is not None else {"prompt_tokens": 11, "completion_tokens": 7},
    )


def truncated(content: str = '{"actors": [{"name": "Ana Ru') -> Behaviour:
    """An answer cut off at `max_tokens`: `finish_reason: "length"` and half a JSON document."""
    return answer(content, finish_reason="length")


def slow(content: Any, seconds: float) -> Behaviour:
    """A good answer that takes `seconds` before the first byte."""
    return answer(content, delay=seconds)


def status(code: int, message: str = "stub fault", headers: Mapping[str, str] | None = None) -> Behaviour:
    """An HTTP error with an OpenAI-style error body."""
    body = json.dumps({"error": {"message": message, "type": "stub_error", "code": code}}).encode()
    return Behaviour("status", status=code, body=body, headers=dict(headers or {}))


def rate_limited(retry_after: float = 0.01) -> Behaviour:
    """HTTP 429 with a Retry-After header (seconds; openai honours values in (0, 120])."""
    return status(429, "rate limited by stub", {"Retry-After": f"{retry_after:g}"})


def reset() -> Behaviour:
    """Read the request, then drop the connection (TCP RST) without any response."""
    return Behaviour("reset")


def hang(seconds: float = 30.0) -> Behaviour:
    """Read the request and say nothing for `seconds` (cut short when the stub stops)."""
    return Behaviour("hang", delay=seconds)


def raw(body: bytes, *, code: int = 200, content_type: str = "application/json") -> Behaviour:
    """Any body at all, e.g. malformed JSON or an HTML error page from a proxy."""
    return Behaviour("raw", status=code, body=body, headers={"Content-Type": content_type})


def malformed() -> Behaviour:
    """A 200 that claims to be JSON but is not."""
    return raw(b'{"id": "chatcmpl-stub", "choices": [{"message": ')


@dataclass(frozen=True)
class Request:
    """One request as the stub received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.monotonic)

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body or b"null")


class StubServer:
    """A threaded loopback HTTP server speaking just enough of the OpenAI API; see the module docstring."""

    def __init__(
        self,
        default: Behaviour | None = None,
        models: list[str] | None = None,
        responder: Callable[[Request], Behaviour] | None = None,
        refuses: tuple[Feature, ...] = (),
    ) -> None:
        self.default = default or status(500, "stub: no behaviour scripted for this request")
        self.responder = responder  # answers by content what the queue does not (requests of runs at once)
        self.models = [MODEL_ID] if models is None else models
        self.refuses = refuses  # request features answered with an error, as servers without them answer
        self.requests: list[Request] = []
        self._queue: deque[Behaviour] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- scripting -------------------------------------------------------------------------------------

    def script(self, *behaviours: Behaviour) -> StubServer:
        """Queue behaviours for the next chat-completions requests, in order; then `default` repeats."""
        with self._lock:
            self._queue.extend(behaviours)
        return self

    @property
    def pending(self) -> int:
        """Behaviours scripted but not yet used."""
        with self._lock:
            return len(self._queue)

    def completions(self) -> list[Request]:
        """The chat-completions requests received so far."""
        with self._lock:
            return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def _next(self, request: Request) -> Behaviour:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        return self.responder(request) if self.responder is not None else self.default

    def _record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    # -- life cycle ------------------------------------------------------------------------------------

    @property
    def port(self) -> int:
        """The port the OS gave the server."""
        assert self._httpd is not None, "stub server is not running"
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """The OpenAI base URL of the stub (ends in /v1)."""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> StubServer:
        """Bind 127.0.0.1 on a free port and serve in a background thread."""
        return self.start_on(0)

    def start_on(self, port: int) -> StubServer:
        """Bind 127.0.0.1 on `port` (0: any free one) and serve in a background thread."""
        stub = self

        class Handler(_Handler):
            server_stub = stub

        httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        httpd.daemon_threads = True
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake hanging handlers and close the listening socket (idempotent)."""
        self._stopping.set()
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> StubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Handler(BaseHTTPRequestHandler):
    server_stub: StubServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes: no 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: Any) -> None:  # silence the default stderr log
        pass

    def _read(self) -> Request:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        request = Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        self.server_stub._record(request)
        return request

    def _send(self, code: int, body: bytes, headers: Mapping[str, str] | None = None) -> None:
        self.send_response(code)
        sent = {k.lower() for k in (headers or {})}
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "content-type" not in sent:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def do_GET(self) -> None:
        self._read()
        if self.path.rstrip("/").endswith("/models"):
            data = [{"id": m, "object": "model", "created": 0, "owned_by": "stub"} for m in self.server_stub.models]
            self._send(200, json.dumps({"object": "list", "data": data}).encode())
        else:
            self._send(404, json.dumps({"error": {"message": f"no route {self.path}"}}).encode())

    def do_POST(self) -> None:
        request = self._read()
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send(404, json.dumps({"error": {"message": f"no route {self.path}"}}).encode())
            return
        refusal = _refusal(request, self.server_stub.refuses)
        behaviour = refusal or self.server_stub._next(request)
        stopping = self.server_stub._stopping
        if behaviour.kind == "reset":
            # SO_LINGER 0 turns close() into a TCP RST: the client sees the connection die mid-request.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        if behaviour.kind == "hang":
            stopping.wait(behaviour.delay)
            self.close_connection = True
            return
        if behaviour.delay:
            stopping.wait(behaviour.delay)
        if behaviour.kind in ("status", "raw"):
            self._send(behaviour.status, behaviour.body, behaviour.headers)
            return
        self._send(200, json.dumps(_completion(request, behaviour)).encode(), behaviour.headers)


#: What the stub can refuse: a strict `json_schema` response format, a `schema` beside `json_object`, tools.
Feature = Literal["json_schema", "schema", "tools"]

#: The refusals of real servers: llama-cpp-python's server answers 500 to `json_schema` (its request model
#: allows only text and json_object); OpenAI-style servers answer 400 to a parameter they do not know.
REFUSALS: dict[str, Behaviour] = {
    "json_schema": status(500, "1 validation error: ('body', 'response_format', 'type'): Input should be 'text' or "
                               "'json_object'"),
    "schema": status(400, "Unrecognized request argument supplied: response_format.schema"),
    "tools": status(400, "tools are not supported by this server"),
}


def _refusal(request: Request, refuses: tuple[Feature, ...]) -> Behaviour | None:
    """The error a server without one of the request's features answers, if the stub refuses it."""
    try:
        body = request.json()
    except ValueError:
        return None
    fmt = body.get("response_format") or {} if isinstance(body, dict) else {}
    used = {"json_schema": fmt.get("type") == "json_schema", "schema": "schema" in fmt,
            "tools": bool(isinstance(body, dict) and body.get("tools"))}
    return next((REFUSALS[f] for f in refuses if used[f]), None)


def _completion(request: Request, behaviour: Behaviour) -> dict[str, Any]:
    """The chat completion for `behaviour`; as a call of the forced tool when the request forces one."""
    try:
        body = request.json()
        model = body.get("model", MODEL_ID)
        tool = (body.get("tool_choice") or {}).get("function", {}).get("name")
    except (ValueError, AttributeError):
        model, tool = MODEL_ID, None
    message: dict[str, Any] = {"role": "assistant", "content": behaviour.content}
    if tool:
        call = {"id": "call_stub", "type": "function", "function": {"name": tool, "arguments": behaviour.content}}
        message = {"role": "assistant", "content": None, "tool_calls": [call]}
    usage = dict(behaviour.usage)
    usage.setdefault("total_tokens", usage.get("prompt_tokens", 0) + usage.get("completion_tokens", 0))
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": behaviour.finish_reason,
                "logprobs": None,
            }
        ],
        "usage": usage,
    }


def patch_backoff(monkeypatch: pytest.MonkeyPatch, real_up_to: float = 0.3) -> list[float]:
    """Make the openai client's retry waits instant; return the waits it asked for, in order.

    A wait the server asked for (Retry-After) of at most `real_up_to` seconds is really slept, so a test can
    see it honoured; the client's own exponential backoff (0.5 s, 1 s, 2 s, ...) is recorded and skipped.
    """
    from openai._base_client import SyncAPIClient

    original = SyncAPIClient._calculate_retry_timeout
    asked: list[float] = []

    def calculate(self: Any, *args: Any, **kwargs: Any) -> float:
        seconds = float(original(self, *args, **kwargs))
        asked.append(seconds)
        return seconds if seconds <= real_up_to else 0.0

    monkeypatch.setattr(SyncAPIClient, "_calculate_retry_timeout", calculate)
    return asked


def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep test traffic on loopback: an HTTP(S)_PROXY in the environment would otherwise carry it away."""
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def running_stub(monkeypatch: pytest.MonkeyPatch, refuses: tuple[Feature, ...] = ()) -> Iterator[StubServer]:
    """Body of a `stub` fixture: a running stub, stopped after the test whatever happens."""
    no_proxies(monkeypatch)
    with StubServer(refuses=refuses) as server:
        yield server


# -- one invented article and the model answers that fit it, shared by the fault, input and secret tests --

HARBOUR_ARTICLE = (
    "Harbour Board Accused of Taking Bribes\n\n"
    "Mayor Lena Okafor said on Tuesday that the Calder Harbour Board had taken bribes from shipping firms. "
    '"The board sold the berths to the highest briber," Okafor told reporters.\n\n'
    'Board chairman Piet Varga denied the accusation. "We have never taken a cent," Varga said.\n'
)
HARBOUR_ACTORS = {
    "actors": [
        {"name": "Lena Okafor", "kind": "person"},
        {"name": "Calder Harbour Board", "kind": "organization"},
        {"name": "Piet Varga", "kind": "person"},
    ]
}
#: Labels of its four statements: Okafor accuses the board (s1); s2 names nobody; Varga denies (s3, s4).
HARBOUR_LABELS = {
    "s1": {"accused": ["Calder Harbour Board"], "category": "corruption"},
    "s2": {"accused": [], "category": "none"},
    "s3": {"accused": [], "category": "denial"},
    "s4": {"accused": [], "category": "denial"},
}

#: The second look's one question (on by default): s2 ("The board sold the berths …", labelled "none") names the
#: board as its subject; answered "no", so the record is what the labels alone give.
HARBOUR_SECOND_LOOK = {"q1": "no"}


def harbour_run() -> tuple[Behaviour, ...]:
    """The answers to a whole run on HARBOUR_ARTICLE with the model's actors: actors, labels, the second look."""
    return answer(HARBOUR_ACTORS), answer(HARBOUR_LABELS), answer(HARBOUR_SECOND_LOOK)

# The chairman's reply: the model does not list Varga, so he is found as the speaker and affiliated with the
# board. s1 names the board and Okafor, s2 names Varga: only Okafor may be accused, and only in s1.
HARBOUR_REPLY = (
    "Harbour Board Chairman Hits Back\n\n"
    "Calder Harbour Board chairman Piet Varga said on Wednesday that the Calder Harbour Board had followed every "
    'rule and that Mayor Lena Okafor had misled voters. "Varga has nothing to hide," he told reporters.\n'
)
HARBOUR_REPLY_ACTORS = {"actors": [a for a in HARBOUR_ACTORS["actors"] if a["name"] != "Piet Varga"]}
HARBOUR_REPLY_LABELS = {
    "s1": {"accused": ["Lena Okafor"], "category": "disinformation"},
    "s2": {"accused": [], "category": "none"},
}


def harbour_responder(
    delay: float = 0.0, gate: Callable[[], bool] | None = None, log: Path | None = None
) -> Callable[[Request], Behaviour]:
    """Answer any harbour-article request by what it asks, as the model would: actors, statement labels, or the
    second look's question.

    The question is read from the schema that `--mode llama-schema` sends in `response_format`, so requests of
    several runs at once, in any order, each get the right answer. With `log`, every request body is appended
    to that file as one line when it arrives; with `gate`, no answer goes out before `gate()` is true.
    """

    def respond(request: Request) -> Behaviour:
        if log is not None:
            with log.open("ab") as handle:
                handle.write(request.body.replace(b"\n", b" ") + b"\n")
        while gate is not None and not gate():
            time.sleep(0.02)
        try:
            schema = request.json().get("response_format", {}).get("schema", {})
        except (ValueError, AttributeError):
            schema = {}
        asked = schema.get("properties") or {}
        reply = HARBOUR_ACTORS if "actors" in asked else HARBOUR_SECOND_LOOK if "q1" in asked else HARBOUR_LABELS
        return answer(reply, delay=delay)

    return respond


def main(argv: list[str]) -> None:
    """`python -m tests.stub_server PORT [--delay S] [--gate FILE] [--log FILE]`: harbour answers on PORT.

    A stand-in for the llama.cpp server process (see `harbour_responder`); it stops on SIGTERM.
    """
    import argparse
    import signal

    parser = argparse.ArgumentParser(prog="stub_server")
    parser.add_argument("port", type=int)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--gate", type=Path, help="answer nothing before this file exists")
    parser.add_argument("--log", type=Path)
    args = parser.parse_args(argv)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stopped.set())
    gate: Path | None = args.gate
    opened = None if gate is None else gate.exists
    stub = StubServer(responder=harbour_responder(args.delay, opened, args.log)).start_on(args.port)
    try:
        print(f"stub model server on {args.port}", flush=True)
        while not stopped.wait(0.1):
            pass
    finally:
        stub.stop()


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
