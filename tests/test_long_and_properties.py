"""Articles of any length give valid records; record validators hold for arbitrary spans (hypothesis)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from extract.extractor import Extractor
from extract.model.answers import ActorsAnswer
from extract.model.client import CallStats
from extract.model.prompting import load_prompts
from extract.pipeline import split_chunks
from extract.text.loading import document_from_bytes
from schemas import Actor, ArticleRecord, Provenance, Source, Statement

PARAGRAPH = (
    "Mayor Lena Okafor said on Tuesday that the Calder Harbour Board had taken bribes from shipping firm {n}. "
    '"Piet Varga sold berth {n} to the highest briber," Okafor told reporters. '
    "Board chairman Piet Varga denied the accusation about berth {n}."
)


class FakeClient:
    """Answers like a model would, without a server: every actor named, every statement labelled 'none', every
    question of the second look answered 'no'."""

    model = "fake"

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.messages: list[list[dict[str, str]]] = []

    def complete(self, response_model: type[BaseModel], messages: list[dict[str, str]], stats: CallStats,
                 **kwargs: Any) -> Any:
        self.calls.append(kwargs.get("label", "call"))
        self.messages.append(messages)
        stats.attempts += 1
        if response_model is ActorsAnswer:
            return ActorsAnswer.model_validate({"actors": [
                {"name": "Lena Okafor", "kind": "person"}, {"name": "Calder Harbour Board", "kind": "organization"},
                {"name": "Piet Varga", "kind": "person"}]})
        if kwargs.get("label") == "second look":
            return response_model.model_validate({name: "no" for name in response_model.model_fields})
        labels = {name: {"accused": [], "category": "none"} for name in response_model.model_fields}
        return response_model.model_validate(labels)


def _article(words: int) -> bytes:
    paragraphs, n = [], 0
    while sum(len(p.split()) for p in paragraphs) < words:
        n += 1
        paragraphs.append(PARAGRAPH.format(n=n))
    return "\n\n".join(paragraphs).encode()


@pytest.mark.parametrize("model_actors", [False, True])
@pytest.mark.parametrize("words", [200, 10_000])  # 10,000 words: ~60 KB, ten chunks
def test_short_and_very_long_articles_give_valid_grounded_records(words: int, model_actors: bool) -> None:
    client = FakeClient()
    extractor = Extractor(client, load_prompts(), "fake", chunk_chars=6000,  # type: ignore[arg-type]
                          model_actors=model_actors)
    record = extractor.extract(document_from_bytes(f"{words}.txt", _article(words)))
    ArticleRecord.model_validate_json(record.model_dump_json())
    chunks = len(split_chunks(record.text, 6000))
    assert (chunks > 1) == (words > 1000)
    # by default one call per chunk (the statement labels); the model's actors are a round of calls more; every
    # chunk's 'Piet Varga sold berth n to the highest briber' (labelled 'none') gets the second look, a round more
    assert client.calls == (["actors"] * chunks * model_actors + ["accusations"] * chunks
                            + ["second look"] * chunks)
    if chunks > 1:
        assert f"long article: processed in {chunks} chunks" in record.warnings
    assert len(record.statements) >= words // 40  # every paragraph's speech is found, in every chunk
    assert all(record.text[s.span[0]:s.span[1]] == s.text for s in record.statements)
    expected = {"Lena Okafor", "Piet Varga"} | ({"Calder Harbour Board"} if model_actors else set())
    assert {a.name for a in record.actors} >= expected


def test_every_chunk_s_call_starts_with_the_same_prefix_up_to_its_own_part_of_the_article() -> None:
    """llama.cpp reuses the longest common prefix of consecutive requests: the rules come before the article."""
    client = FakeClient()
    Extractor(client, load_prompts(), "fake", chunk_chars=6000).extract(  # type: ignore[arg-type]
        document_from_bytes("long.txt", _article(3000)))
    systems = [messages[0]["content"] for messages in client.messages]
    assert len(systems) > 1
    rules = systems[0][: systems[0].rindex("ARTICLE:\n")]
    assert all(s.startswith(rules) for s in systems) and len(rules) > 200


def test_max_chars_caps_the_article_at_a_paragraph_break() -> None:
    client = FakeClient()
    extractor = Extractor(client, load_prompts(), "fake", max_chars=1000)  # type: ignore[arg-type]
    record = extractor.extract(document_from_bytes("long.txt", _article(2000)))
    assert len(record.text) <= 1000
    assert record.text.endswith(".")
    assert any("--max-chars" in w for w in record.warnings)
    assert client.calls == ["accusations", "second look"]


def _record(text: str, spans: list[tuple[int, int]], texts: list[str]) -> ArticleRecord:
    return ArticleRecord(
        source=Source(path="p.txt", sha256="0" * 64),
        text=text,
        actors=[Actor(id="A1", name="X", kind="person")],
        statements=[Statement(id=f"S{i}", speaker="A1", kind="direct", text=t, span=s)
                    for i, (s, t) in enumerate(zip(spans, texts, strict=True), 1)],
        provenance=Provenance(tool_version="t", backend="b", model="m", prompt_sha256="p"),
    )


@given(st.text(min_size=1, max_size=300), st.lists(st.tuples(st.integers(0, 299), st.integers(1, 60)), max_size=5))
def test_records_whose_spans_match_their_text_validate(text: str, raw: list[tuple[int, int]]) -> None:
    spans = [(min(a, len(text) - 1), min(a, len(text) - 1) + 1 + b) for a, b in raw]
    spans = [(s, min(e, len(text))) for s, e in spans]
    record = _record(text, spans, [text[s:e] for s, e in spans])
    assert ArticleRecord.model_validate_json(record.model_dump_json()) == record


@given(st.text(min_size=2, max_size=200), st.integers(0, 198))
def test_a_statement_whose_text_is_not_at_its_span_is_refused(text: str, start: int) -> None:
    start = min(start, len(text) - 2)
    span = (start, start + 1)
    wrong = text[start] + "x"  # never equal to a one-character slice
    with pytest.raises(ValidationError, match="does not match"):
        _record(text, [span], [wrong])
