#!/usr/bin/env python3
"""Prompt tokens of the questions an article costs, per variant of the requests, without a model server.

Runs the pipeline on every article with a stand-in client that records each request (as the llama-schema mode
sends it: instructor's JSON mode appends the compact schema to the system message) and answers every
statement "none"; counts the tokens of each request with the embedded model's own vocabulary (the GGUF loaded
vocabulary-only by llama-cpp-python, no weights) plus the chat template's few tokens. So the prompt side of
each lever of issue 14 is measured on all articles in seconds; what the model answers (F1, completion tokens)
needs a real run (bench/quality.py).

Variants:
- `default`: what `extract run` asks;
- `ask-all`: every statement of a chunk is asked about, also those that name nobody to accuse;
- `no-example`: the system prompt without its worked example;
- `model-actors`: the model's actors question first (the stand-in names no actor: the labels are the default's).

Per request, the tokens before the article (the rules, and the example when there is one) are the prefix
that llama.cpp keeps from the previous request, so in a run of many articles only the first article pays
for them; `shared prefix` says how many, and `after the prefix` is the rest, summed over an article's calls
(with `model-actors` the second call also reuses the article the first call read: less is evaluated).

    python bench/calls.py --articles $(python bench/real/check_gold.py --paths) --name calls-tokens
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import benchlib
from benchlib import md_table

import extract.model.prompting as prompting
import extract.pipeline as pipeline
from extract.extractor import Extractor
from extract.model.client import CallStats, json_mode_messages
from extract.model.embedded import embedded_model_path
from extract.model.prompting import load_prompts
from extract.text.loading import iter_paths, load_document

#: Tokens Qwen's chat template adds around a system and a user message and before the answer.
TEMPLATE_TOKENS = 13


class Recorder:
    """A stand-in model client: keeps every request's messages, labels every statement "none"."""

    model = "recorder"

    def __init__(self) -> None:
        self.requests: list[tuple[str, list[dict[str, Any]]]] = []

    def complete(self, response_model: Any, messages: list[dict[str, str]], stats: CallStats, **kwargs: Any) -> Any:
        self.requests.append((kwargs.get("label", "call"), json_mode_messages(response_model, messages)))
        if "actors" in response_model.model_fields:
            return response_model.model_validate({"actors": []})
        if "q1" in response_model.model_fields:  # a yes/no round (verify, second look): every answer "no"
            return response_model.model_validate(dict.fromkeys(response_model.model_fields, "no"))
        return response_model.model_validate(
            {name: {"accused": [], "category": "none"} for name in response_model.model_fields})


@contextmanager
def variant(name: str) -> Iterator[bool]:
    """Patch the pipeline into one variant; yields whether the model's actors are asked for."""
    pronouns, system = pipeline.pronoun_mentions, prompting.PromptSet.system  # type: ignore[attr-defined]
    try:
        if name == "ask-all":  # every statement looks as if it said "he" of someone: none is left out
            pipeline.pronoun_mentions = lambda *a: {0: [(0, 0)]}  # type: ignore[attr-defined]
        if name == "no-example":
            def without_example(self: prompting.PromptSet, article: str) -> str:
                full = system(self, article)
                start, end = full.index("Here is a worked example"), full.index("Now the real article.\n\n")
                return full[:start] + full[end + len("Now the real article.\n\n"):]

            prompting.PromptSet.system = without_example  # type: ignore[method-assign]
        yield name == "model-actors"
    finally:
        pipeline.pronoun_mentions = pronouns  # type: ignore[attr-defined]
        prompting.PromptSet.system = system  # type: ignore[method-assign]


def counter() -> Callable[[str], int]:
    """Tokens of a text in the embedded model's vocabulary."""
    from llama_cpp import Llama

    vocab = Llama(model_path=str(embedded_model_path()), vocab_only=True, verbose=False)
    return lambda text: len(vocab.tokenize(text.encode(), add_bos=False, special=True))


def measure(paths: Sequence[Path], name: str, count: Callable[[str], int]) -> dict[str, float]:
    """Mean calls, prompt tokens, tokens after the shared prefix and statements asked per article."""
    calls, tokens, after, asked, prefix, yes_no = [], [], [], [], 0, []
    with variant(name) as model_actors:
        for path in paths:
            client = Recorder()
            extractor = Extractor(client, load_prompts(), "recorder", model_actors=model_actors)  # type: ignore[arg-type]
            extractor.extract(load_document(path))
            calls.append(len(client.requests))
            sizes = [count(m[0]["content"]) + count(m[1]["content"]) + TEMPLATE_TOKENS for _, m in client.requests]
            system = [m[0]["content"] for _, m in client.requests]
            prefix = count(system[0][: system[0].rindex("ARTICLE:\n")]) if system else prefix
            tokens.append(sum(sizes))
            after.append(sum(sizes) - prefix * len(sizes))
            # a yes/no request reads the rules and the article as the labels' request did: its questions are new
            yes_no.append(sum(size - count(m[0]["content"][: m[0]["content"].index("TASK:")])
                              for (label, m), size in zip(client.requests, sizes, strict=True)
                              if label in ("verify", "second look")))
            asked.append(sum(m[0]["content"].split("\nSTATEMENTS:\n", 1)[-1].count("\ns") + 1
                             for label, m in client.requests if label == "accusations"))
    return {"calls": statistics.mean(calls), "tokens": statistics.mean(tokens), "after": statistics.mean(after),
            "asked": statistics.mean(asked), "prefix": prefix, "max": max(tokens),
            "yes_no": statistics.mean(yes_no)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", nargs="+", type=Path, default=[benchlib.SEEDS])
    parser.add_argument("--variants", nargs="+", default=["model-actors", "default", "ask-all", "no-example"])
    parser.add_argument("--name", help="also write bench/results/NAME.md")
    parser.add_argument("--results", type=Path, default=benchlib.RESULTS)
    args = parser.parse_args(argv)
    paths = list(iter_paths(args.articles))
    count = counter()
    rows = []
    for name in args.variants:
        m = measure(paths, name, count)
        rows.append((name, f"{m['calls']:.2f}", f"{m['tokens']:.0f}", int(m["prefix"]), f"{m['after']:.0f}",
                     f"{m['asked']:.1f}", int(m["max"]), f"{m['yes_no']:.0f}"))
    table = md_table(["variant", "calls / article", "prompt tokens / article", "shared prefix (rules, example)",
                      "prompt tokens after the prefix", "statements asked / article", "most prompt tokens",
                      "yes/no questions' own tokens / article"], rows)
    summary = (f"{len(paths)} articles; tokens counted with the embedded model's vocabulary, chat template "
               f"{TEMPLATE_TOKENS} tokens a call; the stand-in answers every statement \"none\" (so every "
               f"statement a second look may ask about is asked: an upper bound) and every yes/no question \"no\".")
    print(summary, "", table, sep="\n")
    if args.name:
        path = benchlib.write_report(args.name, "Prompt tokens per article, per variant of the requests (no model)",
                                     [("Tokens", summary + "\n\n" + table)], results_dir=args.results)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
