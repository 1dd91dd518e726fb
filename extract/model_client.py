"""Calling the model: one instructor-wrapped `openai` client per run, with usage and attempts counted.

Every backend goes through this same path. Validation errors are re-asked by instructor with the error
text as feedback (`max_retries`); HTTP faults are retried by the `openai` client with backoff, honouring
`Retry-After`. Whatever still fails becomes a ModelError with a one-line message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel

from extract.backends import BackendConfig, OutputMode
from extract.errors import ModelError

T = TypeVar("T", bound=BaseModel)

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

    def __init__(self, config: BackendConfig, base_url: str | None, model: str, max_retries: int = 1) -> None:
        self.config = config
        self.model = model
        self.max_retries = max_retries
        raw = openai.OpenAI(
            base_url=base_url, api_key=config.api_key, timeout=config.timeout, max_retries=3
        )
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
            extra["extra_body"] = {
                "response_format": {"type": "json_object", "schema": response_model.model_json_schema()}
            }
        stats.calls.append(label)
        self._client.on("completion:response", stats.add_completion)
        try:
            result: T = self._client.chat.completions.create(
                model=self.model,
                response_model=response_model,
                messages=messages,  # type: ignore[arg-type]
                temperature=0,
                seed=0,
                max_tokens=max_tokens,
                max_retries=self.max_retries,
                context=context,
                **extra,
            )
        except IncompleteOutputException:
            raise ModelError(f"{label}: the model's answer was cut off at {max_tokens} tokens") from None
        except InstructorRetryException as exc:
            raise ModelError(f"{label}: no valid answer after {exc.n_attempts} attempts: {_first_line(exc)}") from None
        except openai.APIConnectionError as exc:
            raise ModelError(f"{label}: cannot reach the model server ({_first_line(exc)})") from None
        except openai.APIStatusError as exc:
            raise ModelError(f"{label}: the model server answered HTTP {exc.status_code}") from None
        except openai.APIError as exc:
            raise ModelError(f"{label}: model server error: {_first_line(exc)}") from None
        finally:
            self._client.off("completion:response", stats.add_completion)
        return result


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
