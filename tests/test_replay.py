"""End-to-end extraction of both seed articles, replayed from cassettes recorded from the real local model.

What a user checks: each record validates; every statement is a verbatim span of the article; nothing from
the scrape's teasers and feeds leaks in; the clean file and the raw scrape give the same result; quality
clears the floor measured for a naive call (LOCAL_MODEL.md), scored by `extract eval` against the gold.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import vcr

from extract.extractor import Extractor
from extract.model.backends import BackendConfig, BackendKind, OutputMode
from extract.model.cache import ResponseCache
from extract.model.client import ModelClient
from extract.model.embedded import MODEL_NAME
from extract.model.prompting import load_prompts
from extract.output.evaluation import evaluate
from extract.output.gold import load_golds
from extract.text.loading import load_document
from schemas import ArticleRecord
from tests.conftest import GOLD, RECORD_HINT, ROOT, SECRET_HEADERS, SEEDS, _json_body, unanswered

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))
CASSETTE = ROOT / "cassettes" / "test_replay" / "seeds.yaml"


@pytest.fixture(scope="module")
def records(
    request: pytest.FixtureRequest, model_base_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, ArticleRecord]]:
    record_mode = request.config.getoption("--record-mode") or "none"
    if record_mode == "rewrite":  # pytest-recording's mode: start the cassette afresh
        CASSETTE.unlink(missing_ok=True)
        record_mode = "new_episodes"
    recorder = vcr.VCR(
        filter_headers=[(h, None) for h in SECRET_HEADERS],
        match_on=["method", "path", "json_body"],
        decode_compressed_response=True,
        record_mode=record_mode,
    )
    recorder.register_matcher("json_body", _json_body)
    config = BackendConfig(BackendKind.COMPAT, MODEL_NAME, model_base_url, "no-key", OutputMode.LLAMA_SCHEMA)
    cache = ResponseCache(tmp_path_factory.mktemp("responses"))
    extractor = Extractor(
        ModelClient(config, model_base_url, MODEL_NAME, cache=cache), load_prompts(), config.describe()
    )
    out: dict[str, ArticleRecord] = {}
    with recorder.use_cassette(str(CASSETTE)) as cassette:
        for name in SEED_FILES:
            try:
                out[name] = extractor.extract(load_document(SEEDS / name))
            except Exception as exc:
                pytest.fail(f"{name}: {exc}\nThe cassette has no answer for this request; {RECORD_HINT}")
            for warning in unanswered(out[name].warnings):  # an optional question (the second look) fails softly
                pytest.fail(f"{name}: {warning}\nThe cassette has no answer for this request; {RECORD_HINT}")
        yield out
        if record_mode == "none":
            assert cassette.all_played, f"cassette has unused recordings (stale); {RECORD_HINT}"
    assert "bearer" not in CASSETTE.read_text().lower(), "a secret header was recorded"


def test_records_validate_and_statements_are_verbatim(records: dict[str, ArticleRecord]) -> None:
    for record in records.values():
        again = ArticleRecord.model_validate_json(record.model_dump_json())
        assert again == record
        assert record.statements, "no statements found"
        for st in record.statements:
            assert record.text[st.span[0] : st.span[1]] == st.text


def test_nothing_from_teasers_or_feeds(records: dict[str, ArticleRecord]) -> None:
    golds = load_golds(GOLD)
    banned = [s.lower() for g in golds for s in g.must_not_contain]
    for name, record in records.items():
        found = record.model_dump_json(include={"actors", "statements", "allegations"}).lower()
        leaks = [s for s in banned if s in found]
        assert not leaks, f"{name} leaks {leaks}"


def _content(record: ArticleRecord) -> dict[str, Any]:
    names = {a.id: a.name for a in record.actors}
    return {
        "actors": sorted((a.name, a.kind) for a in record.actors),
        "statements": sorted((names[s.speaker], s.text) for s in record.statements),
        "allegations": sorted(
            (tuple(names[i] for i in al.accusers), tuple(names[i] for i in al.accused), al.claim)
            for al in record.allegations
        ),
    }


def test_clean_file_and_scrape_agree(records: dict[str, ArticleRecord]) -> None:
    clean, scrape = (records[n] for n in SEED_FILES)
    assert _content(clean) == _content(scrape)


def test_quality_meets_the_targets(records: dict[str, ArticleRecord]) -> None:
    report = evaluate(list(records.values()), load_golds(GOLD)).to_dict()
    overall = report["overall"]
    # Targets of issue 4; the naive single call of LOCAL_MODEL.md scored 0.53 / 0.31 / 0.0, 0% verbatim.
    assert overall["actors"]["f1"] >= 0.85
    assert overall["statements"]["f1"] >= 0.75
    assert overall["allegations"]["f1"] >= 0.80  # issue 12 (0.67 before the grammar checks)
    assert overall["verbatim_share"] == 1.0
    assert overall["leaks"] == 0


def test_no_victim_or_threatened_country_is_accused(records: dict[str, ArticleRecord]) -> None:
    """'an enabler of Russia's invasion of Ukraine', 'a danger to India, Australia, Japan and South Korea'."""
    for record in records.values():
        names = {a.id: a.name for a in record.actors}
        accused = {names[i] for al in record.allegations for i in al.accused}
        assert not accused & {"Ukraine", "India", "Australia", "Japan", "South Korea"}, accused
        assert "China" in accused


def test_provenance_counts_calls(records: dict[str, ArticleRecord]) -> None:
    for record in records.values():
        p = record.provenance
        # two questions per article: the statement labels, then the second look at a statement labelled "none"
        # (actors come from the text)
        assert p.attempts == 2
        assert p.usage.prompt_tokens > 0 and p.usage.completion_tokens > 0
        assert p.prompt_sha256 == load_prompts().sha256
        assert p.model == MODEL_NAME


def test_identical_articles_are_asked_once(records: dict[str, ArticleRecord], request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--record-mode") not in (None, "none"):
        pytest.skip("the cassette is written when recording ends; checked on replay")
    # The scrape cleans to the clean file's text, so its requests are the same and come from the cache:
    # the cassette holds one article's two interactions (the statement labels, the second look), not four.
    assert CASSETTE.exists()
    assert CASSETTE.read_text().count("request:") == 2
