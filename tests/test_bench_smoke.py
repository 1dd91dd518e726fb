"""Smoke test of the benchmark scripts in bench/: their plumbing, against the stub model server, in seconds."""

from __future__ import annotations

import contextlib
import importlib
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from extract.model.backends import OutputMode
from extract.output.records import load_records
from schemas import ArticleRecord
from tests.conftest import ROOT

BENCH = ROOT / "bench"


@pytest.fixture(scope="module")
def bench() -> Iterator[dict[str, ModuleType]]:
    sys.path.insert(0, str(BENCH))
    try:
        names = ("benchlib", "overhead", "quality", "cleaning", "speed", "opinion_labels")
        yield {name: importlib.import_module(name) for name in names}
    finally:
        sys.path.remove(str(BENCH))


# llama-schema: the stub labels statements from the exact schema (keys, per-statement `accused` enums);
# json: from the prompt's STATEMENTS lines, since the compact prompt schema names neither.
@pytest.mark.parametrize("mode", [OutputMode.LLAMA_SCHEMA, OutputMode.JSON])
def test_overhead_pass_writes_valid_records_and_restores_the_pipeline(
    bench: dict[str, ModuleType], tmp_path: Path, mode: OutputMode
) -> None:
    overhead, benchlib = bench["overhead"], bench["benchlib"]
    from extract import pipeline

    original = pipeline.find_speech
    paths = overhead.generate_articles(6, tmp_path / "articles")
    assert len({p.read_text() for p in paths}) == 6  # all different
    with benchlib.StubModelServer(overhead.actor_pool()) as stub:
        timers = overhead.Timers()
        with overhead.instrumented(timers):
            result = overhead.run_pass(paths, stub, tmp_path / "out.jsonl", mode)
    assert pipeline.find_speech is original
    assert result.summary.done == 6 and result.summary.failed == 0, result.summary.errors
    assert result.stub_tasks == {"accusations": 6}  # a default run asks one question per article
    assert timers.seconds["model calls"] > 0 and timers.seconds["write"] > 0
    records = load_records(tmp_path / "out.jsonl")
    assert all(isinstance(r, ArticleRecord) and r.statements and r.actors for r in records)
    # the stub labels one statement per article as an accusation of the first names it offers, whatever the
    # words say: the judge may refuse that pair, never make more than one allegation of it
    counts = [len(r.allegations) for r in records if isinstance(r, ArticleRecord)]
    assert all(n <= 1 for n in counts)


def test_stub_labels_every_statement_in_the_new_shape(bench: dict[str, ModuleType]) -> None:
    from extract.model.answers import accusations_answer

    benchlib = bench["benchlib"]
    model = accusations_answer({1: [], 2: ["NATO"], 4: ["China", "Russia", "Iran"], 5: ["U.S."]})
    exact = benchlib.fake_instance(model.grammar_schema())
    assert list(exact) == ["s1", "s2", "s4", "s5"]
    assert exact["s2"] == {"accused": ["NATO"], "category": "military_support"}  # s1 names nobody: skipped
    assert [exact[k] for k in ("s1", "s4", "s5")] == [{"accused": [], "category": "none"}] * 3
    model.model_validate(exact)
    statements = ("\nSTATEMENTS:\ns1. [Blinken] (names: nobody) We are worried.\n"
                  "s2. [Blinken] (names: NATO) NATO armed them.\ns4. [Lammy] (names: China, Russia, Iran) They did.\n"
                  "s5. [Lammy] (names: U.S.) The U.S. knew.")
    compact = model.model_json_schema()
    assert "properties" not in compact  # what plain JSON mode shows the model: no keys, no enums
    from_prompt = benchlib.statement_labels(f"EXAMPLE STATEMENTS:\ns9. [X] (names: Y) z\n{statements}", compact)
    assert from_prompt == exact
    model.model_validate(from_prompt)
    assert benchlib.statement_labels(statements, compact, accusations=0) == {
        k: {"accused": [], "category": "none"} for k in ("s1", "s2", "s4", "s5")}


def test_quality_script_against_the_stub(bench: dict[str, ModuleType], tmp_path: Path) -> None:
    assert bench["quality"].main(["--stub", "--results", str(tmp_path)]) == 0
    report = (tmp_path / "quality.md").read_text()
    assert "**overall**" in report and "peak RSS" in report and "cores" in report
    # the CLI probes the stub (it answers any schema it is sent: json-schema): every article gets a record
    assert "| exit code | 0 |" in report
    assert re.search(r"`[1-9]\d* done, 0 failed, ", report), report


def test_peer_script_against_the_stub(bench: dict[str, ModuleType], tmp_path: Path) -> None:
    pytest.importorskip("langextract")
    peer = importlib.import_module("peer")
    assert peer.main(["--stub", "--only", "peer", "--results", str(tmp_path), "--keep", str(tmp_path / "out")]) == 0
    report = (tmp_path / "peer.md").read_text()
    assert "ours / theirs" in report and "## Failures" not in report
    assert (tmp_path / "out" / "langextract.jsonl").read_text().count("\n") == 2



def test_scale_script_runs_every_jobs_value_and_checks_the_records(
    bench: dict[str, ModuleType], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scale = importlib.import_module("scale")
    articles = scale.generate_articles(12)
    assert len({a["text"] for a in articles}) == 12 and all(800 <= len(a["text"]) <= 4000 for a in articles)
    assert scale.generate_articles(12) == articles  # deterministic from the seed
    # 8 articles: at --jobs 4 the bounded window (2 x jobs) still fills and drains while input is read
    args = ["--articles", "8", "--jobs", "1", "4", "--latency", "0.01", "--small", "0", "--results", str(tmp_path)]
    assert scale.main(args) == 0
    printed = capsys.readouterr().out
    report = (tmp_path / "scale.md").read_text()
    for text in (printed, report):
        assert text.count("8/8, 0 errors, 0 invalid, in order") == 2, text
        assert re.search(r"^\| 1 \| [\d.]+ \| \*\*[\d.]+\*\* \|", text, re.MULTILINE)  # jobs 1: wall, articles/s
        assert re.search(r"^\| 4 \| [\d.]+ \| \*\*[\d.]+\*\* \|", text, re.MULTILINE)
        assert "CLI CPU ms / article" in text and "MiB" in text and "Processing:" in text
    assert "cores" in report and "--jobs J --no-cache --quiet" in report


# An invented page in the L3S-GN1 layout: the original, and the same page with its blocks labelled.
L3S_STORY = [
    "The Brena city council voted on Tuesday to turn the old tram depot into a covered market.",
    "Work will start in May and the market should open before the end of next year, the mayor said.",
    "Stall holders from the square will be offered the first places at the same rent as today.",
]
L3S_PAGE = """<html><head><title>Old tram depot to become a market</title></head><body>
<div id="nav"><a href="/">Home</a> | <a href="/city">City</a></div>
<div class="article"><h1>{h}Old tram depot to become a market{e}</h1>
{paragraphs}
<div class="related"><h3>{r}Related stories{e}</h3>
<ul><li><a href="/x">{r}Bus lanes on the ring road{e}</a></li></ul></div>
</div><div class="comments"><p>{c}Great news, about time!{e}</p></div></body></html>"""


def _l3s_page(annotated: bool) -> str:
    h, s, r, c, e = [f'<span class="x-nc-sel{n}">' for n in (1, 2, 4, 5)] + ["</span>"] if annotated else [""] * 5
    paragraphs = "\n".join(f"<p>{s}{text}{e}</p>" for text in L3S_STORY)
    return L3S_PAGE.format(h=h, r=r, c=c, e=e, paragraphs=paragraphs)


def test_cleaning_bench_scores_an_annotated_page(bench: dict[str, ModuleType], tmp_path: Path) -> None:
    cleaning = bench["cleaning"]
    for folder, annotated in (("original", False), ("annotated", True)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.html").write_text(_l3s_page(annotated), encoding="utf-8")
    gold = cleaning.gold_body(_l3s_page(annotated=True))
    assert gold.splitlines() == ["Old tram depot to become a market", *L3S_STORY]  # headline + full text only
    pages, seconds = cleaning.run(tmp_path, None)
    assert [page.name for page in pages] == ["page.html"]
    scores = pages[0].scores
    assert scores["extract"].precision == 1.0  # the story only, no related link or comment
    story_words = sum(cleaning.tokens(" ".join(L3S_STORY)).values())
    assert scores["extract"].recall == story_words / sum(cleaning.tokens(gold).values())  # headline in `title`
    assert scores[cleaning.TITLED].recall == 1.0
    assert set(seconds) == set(cleaning.SYSTEMS)


def test_opinion_labels_bench_counts_a_labelled_page_and_not_a_news_page(
    bench: dict[str, ModuleType], tmp_path: Path
) -> None:
    story = "".join(f"<p>{p}</p>" for p in L3S_STORY)
    pages = {
        "op": ("<meta property='article:section' content='Opinion'>", "By Ada Quill"),
        "news": ("<meta property='article:section' content='News &amp; Opinion'>", "By Elsa Court"),
    }
    (tmp_path / "original").mkdir()
    for name, (meta, byline) in pages.items():
        html = (f"<html><head><title>Old tram depot to become a market</title>{meta}</head><body><article>"
                f"<h1>Old tram depot to become a market</h1><p>{byline}</p>{story}</article></body></html>")
        (tmp_path / "original" / f"{name}.html").write_text(html, encoding="utf-8")
    (tmp_path / "url-mapping.txt").write_text(
        "<urn:uuid:op>\thttps://ledger.example/2026/1/op\n<urn:uuid:news>\thttps://ledger.example/2026/1/news\n"
    )
    found = bench["opinion_labels"].survey(tmp_path)
    own = next(mark for mark in bench["opinion_labels"].MARKS if mark.startswith("the page's own"))
    assert (found.pages, found.counts[own, "pages"], found.counts["any", "writer"]) == (2, 1, 1)
    assert found.counts["any", "writer without labels"] == 0
    assert [row[-1] for row in found.listed] == ["Ada Quill"]
    assert found.seen == {"Opinion": 1, "News & Opinion": 1}


def test_cleaning_bench_word_overlap(bench: dict[str, ModuleType]) -> None:
    cleaning = bench["cleaning"]
    score = cleaning.Score.of(cleaning.tokens("a b b c x"), cleaning.tokens("a b c c"))
    assert (score.precision, score.recall) == (3 / 5, 3 / 4)
    assert cleaning.Score.of(cleaning.tokens(""), cleaning.tokens("a")).f1 == 0.0


def _neighbours_of(pid: int) -> list[int]:
    """Children of `pid` running the speed bench's CPU-bound neighbour."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if ppid == pid and b"speed-neighbour" in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the neighbour")
@pytest.mark.parametrize("condition", ["busy", "busy-apart"])
def test_speed_script_runs_beside_a_neighbour_and_stops_it(
    bench: dict[str, ModuleType], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, condition: str
) -> None:
    import os

    speed = bench["speed"]
    seen: list[list[int]] = []
    sessions: list[int] = []
    original = speed.neighbour

    @contextlib.contextmanager
    def spied(condition: str) -> Iterator[list[float]]:
        with original(condition) as used:
            seen.append(_neighbours_of(os.getpid()))
            sessions.extend(os.getsid(pid) for pid in seen[-1])
            yield used

    monkeypatch.setattr(speed, "neighbour", spied)
    # the same start and stop, without burning a core of the machine that runs the tests
    monkeypatch.setattr(speed, "NEIGHBOUR", [sys.executable, "-c", "import time; time.sleep(120)  # speed-neighbour"])
    article = ROOT / "seeds" / "000_d384c5b91ffa7ef4.txt"
    code = speed.main(["--stub", "--articles", str(article), "--conditions", condition, "--results", str(tmp_path)])
    assert code == 0
    assert len(seen) == 1 and len(seen[0]) == 1  # one neighbour ran during the run...
    assert _neighbours_of(os.getpid()) == []  # ...and is gone after it
    # a job of the same shell shares our session; one of another terminal has its own
    assert (sessions == [os.getsid(0)]) == (condition == "busy")
    report = (tmp_path / "speed.md").read_text()
    assert f"| server's own | {condition} |" in report


def test_speed_reads_prefix_hits_and_timings_from_a_llama_cpp_log(bench: dict[str, ModuleType]) -> None:
    rate = "(   15.79 ms per token,    63.33 tokens per second)"
    log = "\n".join([
        'INFO:     127.0.0.1:5000 - "POST /v1/chat/completions HTTP/1.1" 200 OK',
        "llama_perf_context_print:        load time =     900.00 ms",
        f"llama_perf_context_print: prompt eval time =   30000.00 ms /  1900 tokens {rate}",
        f"llama_perf_context_print:        eval time =    9000.00 ms /   120 runs   {rate}",
        "llama_perf_context_print:       total time =   39500.00 ms /  2020 tokens",
        "Llama.generate: 1800 prefix-match hit, remaining 250 prompt tokens to eval",
        f"llama_perf_context_print: prompt eval time =    4000.00 ms /   250 tokens {rate}",
        f"llama_perf_context_print:        eval time =    6000.00 ms /    80 runs   {rate}",
    ])
    first, second = bench["speed"].parse_server_log(log)
    assert (first.reused, first.prefill_tokens, first.decode_tokens) == (0, 1900, 120)
    assert first.other_ms == 500.0  # the request's total beyond prefill and decode: sampling under the grammar
    assert (second.reused, second.remaining, second.prefill_tokens, second.prefill_ms) == (1800, 250, 250, 4000.0)
    assert second.other_ms is None  # no total logged for it


def test_speed_settings_name_threads_and_levers(bench: dict[str, ModuleType]) -> None:
    speed = bench["speed"]
    decode, batch, levers = speed.parse_setting("1:2+passive+flash")
    assert (decode, batch) == (1, 2)
    assert ("OMP_WAIT_POLICY", "PASSIVE") in levers[0].env and "--flash_attn" in levers[1].args
    for wrong in ("2", "0:2", "2:2+nothing"):
        with pytest.raises(ValueError, match=r"nothing|T:B"):
            speed.parse_setting(wrong)
    with pytest.raises(SystemExit) as refused:  # a condition after @ must be one the bench knows
        speed.main(["--configs", "1:2+flash@noisy"])
    assert refused.value.code == 2


def _processes_with(marker: bytes) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker in (proc / "cmdline").read_bytes():
                stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                if stat[0] != "Z":
                    found.append(int(proc.name))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the server")
def test_speed_script_killed_by_sigterm_stops_its_server(
    bench: dict[str, ModuleType], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM while a run is going: the script exits 143 and the server it started is gone."""
    import os
    import signal
    import time

    from extract.model import embedded as local_model
    from extract.model.server import LocalServer
    from tests.test_local_server import FAKE_SERVER

    speed = bench["speed"]
    marker = f"speed-sigterm-{os.getpid()}"
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF" + bytes(64))
    monkeypatch.setattr(local_model, "embedded_model_path", lambda: model)
    fake = f"{FAKE_SERVER}\n# {marker}"
    monkeypatch.setattr(LocalServer, "command", lambda self: [sys.executable, "-c", fake, str(self.port), "serve"])
    running: list[list[int]] = []

    def killed_mid_run(*args: object, **kwargs: object) -> None:
        running.append(_processes_with(marker.encode()))
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)  # the handler raises before this ends
        raise AssertionError("SIGTERM did not stop the run")

    monkeypatch.setattr(speed, "run_once", killed_mid_run)
    previous = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        with pytest.raises(SystemExit) as stopped:
            speed.main(["--configs", "1:1", "--conditions", "quiet", "--results", str(tmp_path)])
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    assert stopped.value.code == 128 + signal.SIGTERM
    assert len(running) == 1 and len(running[0]) == 1  # the server was up during the run...
    assert _processes_with(marker.encode()) == []  # ...and is gone


#: Packages of the optional extras (`bench`, `local`) a bench script may import at its top.
OPTIONAL_PACKAGES = frozenset({"numpy", "langextract", "psutil", "llama_cpp"})


@pytest.mark.parametrize("script", sorted(p.stem for p in BENCH.glob("*.py")))
def test_every_bench_script_imports(script: str) -> None:
    # A bench no test runs can rot silently (bench/offered.py imported a name that had moved): each at least imports.
    sys.path.insert(0, str(BENCH))
    try:
        module = importlib.import_module(script)
    except ModuleNotFoundError as error:  # a bench may need an optional extra's package, never a missing name of ours
        if error.name not in OPTIONAL_PACKAGES:
            raise
        pytest.skip(f"{script} needs {error.name} (pip install -e '.[bench]')")
    finally:
        sys.path.remove(str(BENCH))
    assert script == "benchlib" or callable(getattr(module, "main", None))


def test_a_blind_sets_error_report_gives_counts_and_no_example() -> None:
    # A blind set's errors must stay unread: the quality report of one lists how many, never which.
    sys.path.insert(0, str(BENCH))
    try:
        errors = importlib.import_module("allegation_errors")
    finally:
        sys.path.remove(str(BENCH))
    score = type("Score", (), {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1})()
    secret = "Ada Roe -> Bo Lin [fraud]: a claim only the blind gold may know"
    result = {"allegations": score, "actors": score, "errors": [("not an accusation", secret)],
              "odd_actors": [("other", "Zed Quill")], "categories": Counter({"fraud": 1}), "unsupported": 0}
    shown, blind = errors.render(result), errors.render(result, examples=0)
    assert secret in shown and "Zed Quill" in shown
    assert secret not in blind and "Zed Quill" not in blind
    assert "| not an accusation | 1 | (blind: examples not written) |" in blind


def test_a_blind_gold_folder_is_known_however_its_path_is_written() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        benchlib = importlib.import_module("benchlib")
    finally:
        sys.path.remove(str(BENCH))
    real = ROOT / "bench" / "real"
    blind = (real / "holdout4", real / "holdout6" / ".", real / "gold" / ".." / "holdout7")
    assert all(benchlib.is_blind(p) for p in blind)
    assert not any(benchlib.is_blind(p) for p in (real / "gold", real / "holdout3", real / "holdout4" / ".."))


def test_robustness_bench_runs_invented_pages_and_their_broken_copies(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        robustness = importlib.import_module("robustness")
    finally:
        sys.path.remove(str(BENCH))
    pages, polnear, seeds = tmp_path / "pages", tmp_path / "polnear", tmp_path / "seeds"
    for folder in (pages, seeds, polnear / "train" / "text", polnear / "dev" / "text"):
        folder.mkdir(parents=True)
    article = ("Mayor Lena Okafor said on Tuesday that the Calder Harbour Board had taken bribes.\n\n"
               '"The board sold the berths to the highest briber," Okafor told reporters.\n\n'
               "Board chair Piet Daly denied it. \"We broke no rule,\" Daly said.\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in article.split("\n\n"))
    (pages / "p.html").write_text(f"<!doctype html><html><body><article><h1>Harbour</h1>{paragraphs}</article>"
                                  "</body></html>")
    (polnear / "train" / "text" / "t.txt").write_text(article)
    (polnear / "dev" / "text" / "d.txt").write_text(article.replace("Okafor", "Quill"))
    (seeds / "s.txt").write_text(article.replace("Daly", "Ames"))
    code = robustness.main(["--l3s", str(pages), "--polnear", str(polnear), "--seeds", str(seeds),
                            "--sample", "1", "--big", "20000", "--peaks", "1", "--results", str(tmp_path), "--quiet"])
    report = (tmp_path / "robustness.md").read_text()
    assert code == 0, report
    assert f"| mutated | {len(robustness.MUTATIONS)} |" in report  # one broken copy per mutation, all run
    assert "| all | " in report and "## Crashes by exception type and stage\n\nNone." in report
    assert "| validate records.jsonl | exit 0" in report
    assert "| review records.jsonl -o review.html --graph | exit 0" in report


def test_stub_seeded_mode_answers_valid_and_varied_labels(bench: dict[str, ModuleType]) -> None:
    import random

    from extract.model.answers import accusations_answer, exact_schema

    model = accusations_answer({1: ["Ann Roe", "Bo Lin", "Cy Dee"], 2: ["Bo Lin"], 3: []})
    schema = exact_schema(model)  # what the llama-schema mode sends the stub
    answers = [bench["benchlib"].random_instance(schema, random.Random(seed)) for seed in range(40)]
    parsed = [model.model_validate(a) for a in answers]  # every draw is a valid answer
    categories = {p.s1.category.value for p in parsed}
    assert {"none", "denial"} <= categories and len(categories) >= 4
    assert len({tuple(p.s1.accused) for p in parsed}) >= 5  # many subsets of the names offered
    assert {tuple(p.s2.accused) for p in parsed} <= {(), ("Bo Lin",), ("Bo Lin", "Bo Lin")}
