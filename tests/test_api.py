"""The Python API as a user calls it: `extract.extract` and `extract.extract_many`, public names only.

Answers come from the scriptable stub server (invented articles) or from the seed cassette recorded from the
real model; the embedded-server tests swap the llama.cpp command for a tiny answering server.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
import vcr

import extract
from extract import ArticleRecord, ConfigError, ErrorRecord, ExtractError, InputError, ModelError
from tests.allegation_names import who_accuses_whom
from tests.conftest import RECORD_HINT, REPLAY_BASE_URL, ROOT, SECRET_HEADERS, SEEDS, _json_body, unanswered
from tests.stub_server import (
    HARBOUR_ACTORS,
    HARBOUR_ARTICLE,
    HARBOUR_LABELS,
    HARBOUR_REPLY,
    HARBOUR_REPLY_ACTORS,
    HARBOUR_REPLY_LABELS,
    HARBOUR_SECOND_LOOK,
    StubServer,
    answer,
    harbour_run,
    no_proxies,
    patch_backoff,
    running_stub,
    status,
)


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    yield from running_stub(monkeypatch)


@pytest.fixture(autouse=True)
def _fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    patch_backoff(monkeypatch)


def _names(record: ArticleRecord) -> dict[str, str]:
    return {a.id: a.name for a in record.actors}


def _allegations(record: ArticleRecord) -> list[tuple[list[str], list[str]]]:
    return who_accuses_whom(record.actors, record.allegations)


# -- extract: one article ---------------------------------------------------------------------------------


def test_extract_text_gives_a_grounded_record(stub: StubServer) -> None:
    stub.script(*harbour_run())
    record = extract.extract(HARBOUR_ARTICLE, base_url=stub.base_url, mode="json", model_actors=True)
    assert isinstance(record, ArticleRecord)
    assert record.text.startswith("Mayor Lena Okafor said") and record.text in HARBOUR_ARTICLE
    assert record.statements and all(record.text[s.span[0] : s.span[1]] == s.text for s in record.statements)
    assert _allegations(record) == [(["Lena Okafor"], ["Calder Harbour Board"])]
    # no --model: the first model the server lists, asked once
    assert record.provenance.model == "stub-model"
    assert [r.path for r in stub.requests if r.method == "GET"] == ["/v1/models"]
    assert [r.json()["model"] for r in stub.completions()] == ["stub-model"] * 3  # actors, labels, second look
    assert unanswered(record.warnings) == []


def test_extract_file_and_html_page(stub: StubServer, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in HARBOUR_ARTICLE.split("\n\n")[1:])
    page.write_text(f"<html><head><title>x</title></head><body><nav>Home | Sport</nav><article>"
                    f"<h1>Harbour Board Accused of Taking Bribes</h1>{paragraphs}</article></body></html>")
    stub.script(*harbour_run(), *harbour_run())
    from_file = extract.extract(page, base_url=stub.base_url, model="m", mode="json", cache=False,
                                model_actors=True)
    from_str = extract.extract(page.read_text(), base_url=stub.base_url, model="m", mode="json", cache=False,
                               model_actors=True)
    for record in (from_file, from_str):
        assert "Home | Sport" not in record.text and "highest briber" in record.text
        assert _allegations(record) == [(["Lena Okafor"], ["Calder Harbour Board"])]
    assert from_file.source.path == str(page) and from_str.source.path == "<text>"


def test_the_second_look_is_asked_by_default_and_turned_off_by_the_option_or_the_environment(
    stub: StubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On by default: a third request asks about s2 ("The board sold the berths …", labelled "none"), answered
    "yes" here, and Okafor's charge against the board cites it. `second_look=False` or EXTRACT_SECOND_LOOK=0: two
    requests, and s2 is no evidence."""
    settings: dict[str, Any] = {"base_url": stub.base_url, "model": "m", "mode": "json", "model_actors": True,
                                "cache": False}
    stub.script(answer(HARBOUR_ACTORS), answer(HARBOUR_LABELS), answer({"q1": "yes"}))
    looked = extract.extract(HARBOUR_ARTICLE, **settings)
    asked = [r.json()["messages"][0]["content"] for r in stub.completions()]
    assert len(asked) == 3 and "Does Lena Okafor say that Calder Harbour Board did something wrong?" in asked[2]
    assert unanswered(looked.warnings) == []
    (charge,) = looked.allegations
    assert len(charge.evidence) == 2  # s1, as labelled, and s2, confirmed by the second look

    for off in ({"second_look": False}, {}):
        if not off:
            monkeypatch.setenv("EXTRACT_SECOND_LOOK", "0")
        before = len(stub.completions())
        stub.script(answer(HARBOUR_ACTORS), answer(HARBOUR_LABELS))
        record = extract.extract(HARBOUR_ARTICLE, **settings, **off)
        assert len(stub.completions()) - before == 2  # actors and labels: no question more
        assert unanswered(record.warnings) == []
        assert _allegations(record) == [(["Lena Okafor"], ["Calder Harbour Board"])]
        assert len(record.allegations[0].evidence) == 1
    stub.script(answer(HARBOUR_ACTORS), answer(HARBOUR_LABELS), answer({"q1": "yes"}))
    before = len(stub.completions())
    extract.extract(HARBOUR_ARTICLE, **settings, second_look=True)  # the option wins over the environment
    assert len(stub.completions()) - before == 3


def test_extract_raises_the_root_error_with_one_line(stub: StubServer, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^<text>: empty file$"):
        extract.extract("  \n ", base_url=stub.base_url, model="m")
    with pytest.raises(InputError, match="no such file"):
        extract.extract(tmp_path / "missing.txt", base_url=stub.base_url, model="m")
    (tmp_path / "a.txt").write_text(HARBOUR_ARTICLE)
    with pytest.raises(InputError, match=r"'.*a\.txt' is the name of a file, not an article; pass Path\("):
        extract.extract(str(tmp_path / "a.txt"), base_url=stub.base_url, model="m")
    with pytest.raises(InputError, match=r"crawl\.jsonl: a JSONL file holds many articles; use extract_many"):
        extract.extract(tmp_path / "crawl.jsonl", base_url=stub.base_url, model="m")
    assert stub.completions() == []  # bad input costs no model call
    stub.script(status(401, "bad key"))
    with pytest.raises(ModelError, match=r"^actors: the model server answered HTTP 401") as caught:
        extract.extract(HARBOUR_ARTICLE, base_url=stub.base_url, model="m", mode="json", model_actors=True)
    assert isinstance(caught.value, ExtractError) and "\n" not in str(caught.value)


def test_settings_are_checked_before_anything_runs(stub: StubServer) -> None:
    with pytest.raises(ConfigError, match="mode must be one of auto, llama-schema, json, json-schema, tools, not"):
        extract.extract(HARBOUR_ARTICLE, base_url=stub.base_url, mode="jsn")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="needs --base-url"):
        extract.extract_many([HARBOUR_ARTICLE], backend="openai-compatible")
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        extract.extract_many([HARBOUR_ARTICLE], backend="openai")
    assert stub.requests == []
    # the typed choices are exactly the CLI's
    assert get_args(extract.Mode) == ("auto", "llama-schema", "json", "json-schema", "tools")
    assert get_args(extract.Backend) == ("openai-compatible", "openai", "local")


def test_api_key_goes_only_into_the_authorization_header(stub: StubServer) -> None:
    stub.script(*harbour_run())
    record = extract.extract(HARBOUR_ARTICLE, base_url=stub.base_url, model="m", mode="json", api_key="sk-api-123",
                             model_actors=True)
    assert all(r.headers["authorization"] == "Bearer sk-api-123" for r in stub.completions())
    assert "sk-api-123" not in record.model_dump_json()


def test_extract_seed_article_from_the_cassette() -> None:
    recorder = vcr.VCR(filter_headers=[(h, None) for h in SECRET_HEADERS], record_mode="none",
                       match_on=["method", "path", "json_body"])
    recorder.register_matcher("json_body", _json_body)
    seed = sorted(SEEDS.glob("*.txt"))[0]
    with recorder.use_cassette(str(ROOT / "cassettes" / "test_replay" / "seeds.yaml"), allow_playback_repeats=True):
        record = extract.extract(seed, base_url=REPLAY_BASE_URL, model="qwen2.5-coder-1.5b-instruct-q4_k_m",
                                 mode="llama-schema")
    assert record.statements and record.allegations
    assert all(record.text[s.span[0] : s.span[1]] == s.text for s in record.statements)
    assert unanswered(record.warnings) == [], RECORD_HINT  # every question is in the cassette
    # two questions: the statement labels, and the second look at a statement labelled "none"
    assert record.provenance.attempts == 2 and record.provenance.usage.completion_tokens > 0


# -- extract_many: a stream over one server ----------------------------------------------------------------


def test_many_inputs_stream_in_order_and_failures_become_error_records(stub: StubServer, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    reply = tmp_path / "reply.txt"
    reply.write_text(HARBOUR_REPLY)
    stub.script(*harbour_run(), answer(HARBOUR_REPLY_ACTORS),
                answer(HARBOUR_REPLY_LABELS))
    records = extract.extract_many([HARBOUR_ARTICLE, empty, reply], base_url=stub.base_url, mode="json",
                                   model_actors=True)
    first = next(records)
    assert isinstance(first, ArticleRecord) and first.source.path == "<text 1>"
    rest = list(records)
    assert [type(r) for r in rest] == [ErrorRecord, ArticleRecord]
    failed, second = rest
    assert isinstance(failed, ErrorRecord) and failed.source.path == str(empty)
    assert failed.error.type == "InputError" and failed.error.message == f"{empty}: empty file"
    assert isinstance(second, ArticleRecord) and second.source.path == str(reply)
    assert _allegations(second) == [(["Piet Varga"], ["Lena Okafor"])]
    assert (records.summary.done, records.summary.failed, records.summary.skipped) == (2, 1, 0)
    assert records.summary.errors == [f"{empty}: empty file"]
    assert records.summary.prompt_tokens == 5 * 11  # the stub's usage, summed over the five calls
    assert unanswered(first.warnings) == unanswered(second.warnings) == []
    assert [r.path for r in stub.requests if r.method == "GET"] == ["/v1/models"]  # one server, set up once
    assert list(records) == []


def test_folders_and_jsonl_are_walked_and_a_folder_without_articles_is_an_error(
    stub: StubServer, tmp_path: Path
) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    with pytest.raises(InputError, match=r"^no article files \(\.txt, \.md, \.html, \.jsonl\) in "):
        extract.extract_many([tmp_path], base_url=stub.base_url, model="m")
    crawl = tmp_path / "crawl.jsonl"
    broken = HARBOUR_ARTICLE.replace("bribes from", "bribes\ud800 from")  # a lone surrogate, as crawlers escape it
    crawl.write_text(json.dumps({"id": "a1", "text": broken}) + "\nnot json\n")
    stub.script(*harbour_run())
    records = list(extract.extract_many([tmp_path], base_url=stub.base_url, model="m", mode="json",
                                        model_actors=True))
    assert [r.source.path for r in records] == [f"{crawl}#a1", f"{crawl}:2"]
    assert isinstance(records[0], ArticleRecord) and "bribes? from" in records[0].text
    assert isinstance(records[1], ErrorRecord) and records[1].error.message.endswith("not JSON")
    assert list(extract.extract_many([], base_url=stub.base_url, model="m")) == []  # nothing in, nothing out


def test_crawler_mappings_carry_their_metadata(stub: StubServer) -> None:
    stub.script(*harbour_run(), *harbour_run())
    crawled = {"id": "a1", "text": HARBOUR_ARTICLE, "url": "https://news.example/harbour", "title": "Harbour",
               "published": "2024-05-01"}
    records = list(extract.extract_many(
        [crawled, {"id": "a2", "text": HARBOUR_ARTICLE, "published": "May 1st"}, {"body": "no text key"}, 42],  # type: ignore[list-item]
        base_url=stub.base_url, model="m", mode="json", model_actors=True))
    first, second, no_text, not_an_article = records
    assert isinstance(first, ArticleRecord) and isinstance(second, ArticleRecord)
    assert (first.source.path, first.source.url, first.source.title, first.source.published) == (
        "a1", "https://news.example/harbour", "Harbour", "2024-05-01")
    assert second.source.path == "a2" and second.source.published is None
    assert "ignored 'published' 'May 1st': not YYYY-MM-DD" in second.warnings
    assert isinstance(no_text, ErrorRecord) and no_text.error.message == "<input 3>: needs a 'text' or 'html' string"
    assert isinstance(not_an_article, ErrorRecord) and not_an_article.source.path == "<input 4>"
    with pytest.raises(InputError, match=r"^<article>: needs a 'text' or 'html' string$"):
        extract.extract({"title": "only a title"}, base_url=stub.base_url, model="m")


def test_resume_from_skips_articles_already_recorded(stub: StubServer, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    stub.script(*harbour_run())
    first = extract.extract(HARBOUR_ARTICLE, base_url=stub.base_url, model="m", mode="json", model_actors=True)
    out.write_text(first.model_dump_json() + "\n")
    stub.script(answer(HARBOUR_REPLY_ACTORS), answer(HARBOUR_REPLY_LABELS))
    records = extract.extract_many([HARBOUR_ARTICLE, HARBOUR_REPLY], base_url=stub.base_url, model="m", mode="json",
                                   model_actors=True, resume_from=out)
    assert [r.source.path for r in records] == ["<text 2>"]
    assert records.summary.skipped == 1 and records.summary.done == 1
    assert len(stub.completions()) == 5  # 3 for the first article (its second look too), 2 for the second


# -- the embedded server: started once per stream, stopped when the stream ends ------------------------------

# Stands in for `python -m llama_cpp.server`: lists one model and answers the three questions about
# HARBOUR_ARTICLE (actors, labels, the second look).
FAKE_LLAMA = r"""
import http.server, json, os, sys
port, pids, actors, labels, second_look = int(sys.argv[1]), sys.argv[2], *sys.argv[3:6]
with open(pids, "a") as f:
    f.write(f"{os.getpid()}\n")

class Server(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def reply(self, data):
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.reply({"object": "list", "data": [{"id": "fake", "object": "model"}]})

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        content = (second_look if b"QUESTIONS:" in body
                   else labels if b"STATEMENTS:" in body.replace(b"EXAMPLE STATEMENTS:", b"") else actors)
        self.reply({"id": "c", "object": "chat.completion", "created": 0, "model": "fake",
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                 "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 5, "completion_tokens": 3, "total_tokens": 8}})

    def log_message(self, *args):
        pass

http.server.ThreadingHTTPServer(("127.0.0.1", port), Server).serve_forever()
"""


@pytest.fixture
def embedded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[dict[str, Any], Path]]:
    """Settings for the embedded backend on a fake llama.cpp server, and the file its processes log pids to."""
    from extract.model.server import LocalServer  # test set-up, not API: the server command is swapped

    no_proxies(monkeypatch)
    pids = tmp_path / "pids"
    pids.touch()
    answers = [json.dumps(a) for a in (HARBOUR_ACTORS, HARBOUR_LABELS, HARBOUR_SECOND_LOOK)]
    monkeypatch.setattr(LocalServer, "command",
                        lambda self: [sys.executable, "-c", FAKE_LLAMA, str(self.port), str(pids), *answers])
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF" + bytes(64))
    yield {"model_path": model, "mode": "json", "cache": False}, pids


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process checks")
def test_embedded_server_serves_the_whole_stream_and_stops_at_its_end(
    embedded: tuple[dict[str, Any], Path],
) -> None:
    settings, pids = embedded
    records = extract.extract_many([HARBOUR_ARTICLE, HARBOUR_ARTICLE + "\nMore later.\n"], **settings)
    assert pids.read_text() == ""  # nothing starts before the first article is asked for
    first = next(records)
    (pid,) = map(int, pids.read_text().split())
    assert _alive(pid)
    second = next(records)
    assert isinstance(first, ArticleRecord) and isinstance(second, ArticleRecord)
    assert unanswered(first.warnings) == unanswered(second.warnings) == []
    assert second.provenance.model == "model" and second.provenance.backend.startswith("local (embedded")
    assert list(records) == []
    assert not _alive(pid) and pids.read_text().split() == [str(pid)]  # one start, stopped when exhausted


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process checks")
def test_leaving_the_with_block_early_stops_the_embedded_server(embedded: tuple[dict[str, Any], Path]) -> None:
    settings, pids = embedded
    with extract.extract_many([HARBOUR_ARTICLE] * 3, **settings) as records:
        assert isinstance(next(records), ArticleRecord)
        (pid,) = map(int, pids.read_text().split())
    assert not _alive(pid)
    assert list(records) == []  # closed: the rest is not extracted


# -- the public surface ------------------------------------------------------------------------------------


def test_public_names_resolve_and_are_typed() -> None:
    for name in extract.__all__:
        assert getattr(extract, name) is not None, name
    assert set(extract.__all__) <= set(dir(extract))
    assert extract.extract.__doc__ and extract.extract_many.__doc__
    with pytest.raises(AttributeError):
        extract.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    assert (Path(extract.__file__).parent / "py.typed").exists()


def test_python_dash_m_extract_is_the_command() -> None:
    import subprocess

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([sys.executable, "-m", "extract", "--version"], capture_output=True, text=True, env=env,
                          timeout=60, check=False)
    assert proc.returncode == 0 and proc.stdout.strip() == f"extract {extract.__version__}"
