"""Calling the model: one instructor-wrapped `openai` client per run, with usage and attempts counted.

Every backend goes through this same path. Validation errors are re-asked by instructor with the error
text as feedback (`max_retries`); HTTP faults are retried by the `openai` client with backoff, honouring
`Retry-After`. Whatever still fails becomes a ModelError with a one-line message.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException, ResponseParsingError
from instructor.v2.core.messages import isolate_retry_kwargs
from instructor.v2.core.registry import mode_registry
from instructor.v2.core.response_model import prepare_response_model
from instructor.v2.core.templating import handle_templating  # type: ignore[attr-defined]
from openai._base_client import make_request_options
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError

from extract.errors import ModelError
from extract.model.answers import exact_schema, server_enforced
from extract.model.backends import BackendConfig, OutputMode, public_url
from extract.model.cache import ResponseCache

T = TypeVar("T", bound=BaseModel)

#: HTTP retries of the `openai` client (connection errors, timeouts, 408, 409, 429, 5xx), with backoff.
HTTP_RETRIES = 3

# instructor logs every failed call at ERROR level; with logging unconfigured, Python's last-resort handler
# would print those multi-line reports (server bodies included) to stderr beside our one-line ModelError.
# A NullHandler keeps them out of a plain CLI run; an application that configures logging still gets them.
logging.getLogger("instructor").addHandler(logging.NullHandler())

_INSTRUCTOR_MODES = {
    OutputMode.LLAMA_SCHEMA: instructor.Mode.JSON,
    OutputMode.JSON: instructor.Mode.JSON,
    OutputMode.JSON_SCHEMA: instructor.Mode.JSON_SCHEMA,
    OutputMode.TOOLS: instructor.Mode.TOOLS,
}


@dataclass
class CallStats:
    """Tokens and attempts spent on one article, across calls and re-asks."""

    attempts: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: list[str] = field(default_factory=list)

    def add_completion(self, completion: Any) -> None:
        """Count one raw completion (instructor calls this for every attempt, re-asks included)."""
        self.attempts += 1
        usage = getattr(completion, "usage", None)
        if usage is not None:
            self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
            self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)


class ModelClient:
    """A structured-output client bound to one backend and model name."""

    def __init__(
        self,
        config: BackendConfig,
        base_url: str | None,
        model: str,
        max_retries: int = 1,
        cache: ResponseCache | None = None,
    ) -> None:
        if config.mode is OutputMode.AUTO:  # a library caller that did not settle it: ask the server now
            from extract.model.mode_probe import settle_mode

            config = settle_mode(config, base_url, model)
        self.config = config
        self.model = model
        self.max_retries = max_retries
        self.cache = cache
        raw = openai.OpenAI(base_url=base_url, api_key=config.api_key, timeout=config.timeout, max_retries=HTTP_RETRIES)
        self._where = public_url(str(raw.base_url).rstrip("/")) if raw.base_url else "the configured base URL"
        create: Callable[..., Any] = _PlainCreate(raw)
        self._cached = _CachedCreate(create, cache) if cache is not None else None
        self._create = _Primed(self._cached or create)
        raw.chat.completions.create = self._create  # type: ignore[method-assign]
        self._client = instructor.from_openai(raw, mode=_INSTRUCTOR_MODES[config.mode])

    def complete(
        self,
        response_model: type[T],
        messages: list[dict[str, str]],
        stats: CallStats,
        *,
        context: dict[str, Any] | None = None,
        max_tokens: int = 1024,
        label: str = "call",
    ) -> T:
        """Ask for one `response_model`; count every attempt into `stats`; ModelError when it cannot."""
        extra: dict[str, Any] = {}
        if self.config.mode is OutputMode.LLAMA_SCHEMA:
            # llama.cpp compiles this schema into a grammar: the output cannot leave the schema.
            extra["extra_body"] = {"response_format": llama_schema_format(response_model)}
        elif self.config.mode in (OutputMode.TOOLS, OutputMode.JSON_SCHEMA):
            # the server enforces what it is sent: the exact schema, not the compact one meant for prompts
            response_model = cast(type[T], server_enforced(response_model))
        stats.calls.append(label)
        if self._cached is not None:
            self._cached.asked.clear()
        request: dict[str, Any] = {"model": self.model, "messages": messages, "temperature": 0, "seed": 0,
                                   "max_tokens": max_tokens, **extra}
        answer = self._first_try(response_model, request, stats, context)
        if answer is not None:
            if self._cached is not None:
                self._cached.commit()
            return answer
        self._client.on("completion:response", stats.add_completion)
        try:
            result: T = self._client.chat.completions.create(
                response_model=response_model,
                max_retries=self.max_retries,
                context=context,
                **request,
            )
        except IncompleteOutputException:
            raise ModelError(
                f"{label}: the model's answer was cut off at {max_tokens} tokens (finish_reason 'length')"
            ) from None
        except InstructorRetryException as exc:
            # instructor wraps whatever ended its loop, HTTP faults included: describe the cause, not the wrapper.
            cause = exc.__cause__ if isinstance(exc.__cause__, Exception) else exc
            raise ModelError(self._describe(label, cause, exc.n_attempts)) from None
        except openai.OpenAIError as exc:
            raise ModelError(self._describe(label, exc, 1)) from None
        except Exception as exc:  # a fault inside the client libraries: one line, not a traceback
            reason = f"unexpected {type(exc).__name__} in the model client: {_one_line(str(exc))}"
            raise ModelError(f"{label}: {reason}") from exc
        finally:
            self._client.off("completion:response", stats.add_completion)
            self._create.primed = None
        if self._cached is not None:
            self._cached.commit()
        return result

    def _first_try(
        self, response_model: type[T], request: dict[str, Any], stats: CallStats, context: dict[str, Any] | None
    ) -> T | None:
        """The call's answer from one attempt outside instructor's retry loop, or None to run that loop.

        The request is the one instructor sends (its own request handler, message converter and templating)
        and the answer is read by its own parser, strict as its `create` is; only the loop's bookkeeping is
        skipped (hooks, tenacity, usage snapshots, and five walks of the answer model's classes looking for
        async validators: half of instructor's CPU per call). Whatever goes wrong is left to the loop, which
        takes this attempt's answer or exception as its own first attempt (no second request): re-asks,
        retries, error types and counts are instructor's, as before.
        """
        client = self._client
        try:
            handlers = mode_registry.get_handlers(client.provider, client.mode)
            model, kwargs = handlers.request_handler(
                response_model=prepare_response_model(response_model), kwargs=dict(request)
            )
            kwargs.pop("autodetect_images", None)
            if handlers.message_converter and "messages" in kwargs:
                kwargs["messages"] = handlers.message_converter(kwargs["messages"], autodetect_images=False)
            kwargs = handle_templating(kwargs, mode=client.mode, provider=client.provider, context=context)
        except Exception:  # instructor's loop meets it again where it used to
            return None
        try:
            completion = self._create(**isolate_retry_kwargs(kwargs))
        except Exception as exc:
            self._create.primed = _Failed(exc)
            return None
        try:
            parsed = handlers.response_parser(
                response=completion,
                response_model=cast(type[T], model),
                validation_context=context,
                strict=True,
                stream=False,
                is_async=False,
            )
        except Exception:  # invalid, cut off: the loop re-asks or raises, counting this attempt
            parsed = None
        if not isinstance(parsed, response_model):
            self._create.primed = completion
            return None
        stats.add_completion(completion)
        return parsed

    def _describe(self, label: str, exc: Exception, attempts: int) -> str:
        return describe_failure(label, exc, self._where, self.config, attempts)


def describe_failure(
    label: str, exc: Exception, where: str, config: BackendConfig, attempts: int, http_tries: int = HTTP_RETRIES + 1
) -> str:
    """One line for the user: what failed, where, and what to check; never a key or a traceback."""
    tries = _count(http_tries, "try").replace("trys", "tries")
    if isinstance(exc, openai.APITimeoutError):
        message = f"the model server at {where} did not answer within {config.timeout:g} s ({tries})"
    elif isinstance(exc, openai.APIConnectionError):
        message = f"cannot reach the model server at {where}: {_reason(exc)} ({tries})"
    elif isinstance(exc, openai.APIStatusError):
        message = f"the model server answered HTTP {exc.status_code}{_status_hint(exc)}"
        detail = _server_message(exc.body)
        if detail:
            message += f": {detail}"
    elif isinstance(exc, openai.APIResponseValidationError | ResponseParsingError):
        message = f"the model server's response is not a chat completion ({_count(attempts, 'attempt')})"
    elif isinstance(exc, json.JSONDecodeError):
        message = f"the model server's response is not valid JSON ({_count(attempts, 'attempt')})"
    elif isinstance(exc, ValidationError):
        message = f"no valid answer after {_count(attempts, 'attempt')}: {_validation_summary(exc)}"
    elif isinstance(exc, openai.OpenAIError):
        message = f"model server error: {_one_line(str(exc)) or type(exc).__name__}"
    else:
        reason = _one_line(str(exc)) or type(exc).__name__
        message = f"no valid answer after {_count(attempts, 'attempt')}: {reason}"
    return f"{label}: {_redact(message, config.api_key)}"


def llama_schema_format(response_model: type[BaseModel]) -> dict[str, Any]:
    """`response_format` of the llama-schema mode: JSON mode plus the exact schema, which llama.cpp enforces."""
    return {"type": "json_object", "schema": exact_schema(response_model)}


def json_mode_messages(response_model: type[BaseModel], messages: list[dict[str, str]]) -> list[dict[str, Any]]:
    """The messages as instructor's JSON mode sends them (the schema appended to the system message).

    The batch path writes requests with these, so a llama-schema batch asks exactly what `run` asks.
    """
    from instructor.processing import handle_response_model

    _, kwargs = handle_response_model(response_model, mode=instructor.Mode.JSON, messages=messages)
    return list(kwargs["messages"])


_STATUS_HINTS = {
    400: "bad request; check --mode and --model",
    401: "unauthorized; check the API key in EXTRACT_API_KEY or OPENAI_API_KEY",
    403: "forbidden; check the API key in EXTRACT_API_KEY or OPENAI_API_KEY",
    404: "not found; check --base-url and --model",
    408: f"request timeout, still after {HTTP_RETRIES} retries",
    413: "request too large; try a smaller --chunk-chars",
    429: f"rate limited, still after {HTTP_RETRIES} retries",
}


class _PlainCreate:
    """`chat.completions.create` for requests that are plain JSON already, posted as they are.

    Every request here is JSON data (string contents, dict schemas), which `create` first walks against
    openai's TypedDict annotations (`maybe_transform`, the messages tried against a union of six message
    types) only to get the same data back: a third of the client's CPU per call (see
    bench/results/overhead-levers.md). The client's own `post` is what `create` ends in, so auth, retries
    with backoff, error types and response parsing are the same, and so is the request
    (tests/test_model_client.py compares the two on the wire).
    """

    def __init__(self, raw: openai.OpenAI) -> None:
        self.raw = raw

    def __call__(
        self,
        *,
        extra_headers: dict[str, str] | None = None,
        extra_query: dict[str, object] | None = None,
        extra_body: dict[str, object] | None = None,
        timeout: float | openai.NotGiven | None = openai.NOT_GIVEN,
        **params: Any,
    ) -> ChatCompletion:
        if params.get("stream"):
            raise ValueError("streamed answers are not used here")
        body = {k: v for k, v in params.items() if not isinstance(v, openai.NotGiven | openai.Omit)}
        options = make_request_options(
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            security={"bearer_auth": True},
        )
        return self.raw.post("/chat/completions", body=body, options=options, cast_to=ChatCompletion)


class _Primed:
    """The raw `create`; when `primed` is set, its next call answers with it instead of asking the server.

    That is how the first attempt's answer, already fetched and found invalid, reaches instructor's loop.
    """

    def __init__(self, create: Callable[..., Any]) -> None:
        self.create = create
        self.primed: Any = None

    def __call__(self, **kwargs: Any) -> Any:
        if self.primed is not None:
            primed, self.primed = self.primed, None
            if isinstance(primed, _Failed):
                raise primed.error
            return primed
        return self.create(**kwargs)


@dataclass
class _Failed:
    """A first attempt's exception, primed to be raised to instructor's loop as its first attempt's."""

    error: Exception


class _CachedCreate:
    """The raw `create`, answered from the cache when the request was asked before, below instructor.

    Fresh answers are only remembered here; `commit` stores one after instructor has validated it, under
    the key of the first request of the call, so a re-run skips the re-ask and an answer that failed
    validation is never replayed.
    """

    def __init__(self, create: Callable[..., Any], cache: ResponseCache) -> None:
        self.create = create
        self.cache = cache
        self.asked: list[tuple[str, Any]] = []

    def __call__(self, **kwargs: Any) -> Any:
        key = self.cache.key(kwargs)
        hit = self.cache.get(key)
        if hit is not None:
            return ChatCompletion.model_validate(hit)
        completion = self.create(**kwargs)
        self.asked.append((key, completion))
        return completion

    def commit(self) -> None:
        """Store the last (validated) answer of the call that just succeeded."""
        if self.asked:
            completion = self.asked[-1][1]
            finished = isinstance(completion, ChatCompletion) and completion.choices
            if finished and completion.choices[0].finish_reason == "stop":
                self.cache.put(self.asked[0][0], completion.model_dump(mode="json"))
        self.asked.clear()


def _status_hint(exc: openai.APIStatusError) -> str:
    code = exc.status_code
    hint = _STATUS_HINTS.get(code) or (f"server error, still after {HTTP_RETRIES} retries" if code >= 500 else "")
    try:  # openai does not retry when the server asks for a wait longer than two minutes
        wait = float(exc.response.headers.get("retry-after") or 0)
    except ValueError:
        wait = 0.0
    if wait > 120:
        hint = f"{'rate limited' if code == 429 else 'unavailable'}; the server asks to wait {wait:.0f} s"
    return f" ({hint})" if hint else ""


def _server_message(body: object) -> str:
    """The error message an OpenAI-style server put in its body, if any (`{"error": {"message": ...}}`)."""
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            inner = inner.get("message") or inner.get("detail")
        body = inner if isinstance(inner, str) else body.get("detail") or body.get("message")
    return _one_line(body) if isinstance(body, str) else ""


def _reason(exc: openai.APIConnectionError) -> str:
    """The low-level reason of a connection error (refused, reset, DNS...), else openai's generic text."""
    cause = exc.__cause__
    return _one_line(str(cause)) if cause is not None and str(cause) else "connection failed"


def _validation_summary(exc: ValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "invalid answer"
    first = errors[0]
    where = ".".join(str(p) for p in first["loc"]) or "answer"
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first['msg']}{more}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _one_line(text: str, limit: int = 160) -> str:
    """Whitespace collapsed to single spaces, cut to `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_SECRETISH = re.compile(r"(?i)\b(?:sk-[\w*-]{4,}|bearer\s+\S+)")


def _redact(text: str, api_key: str) -> str:
    """Hide the configured key and anything shaped like a key or a bearer token (servers echo them)."""
    if api_key and len(api_key) >= 4 and api_key != "no-key":
        text = text.replace(api_key, "***")
    return _SECRETISH.sub("***", text)
