"""Shared pieces of the benchmark scripts: machine facts, markdown reports, memory sampling, a stub model server.

Not a package module: the scripts are run as `python bench/NAME.py`, which puts this folder on `sys.path`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import random
import re
import shlex
import socket
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
SEEDS = REPO / "seeds"
GOLD = REPO / "tests" / "gold"
STUB_MODEL = "stub-model"
#: The held-out allegation sets (bench/real/README.md): kept out of the learned finder's training and out of benches
#: that print train failures. Some were opened for development later; the blind ones are BLIND_SETS.
HELD_OUT_SETS = ("holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7")
#: The held-out sets still blind (session 14): measured at the end, never read for failures, never tuned on.
BLIND_SETS = frozenset({"holdout4", "holdout6", "holdout7", "general-blind"})
#: The L3S-GN1 pages of the blind general-news set (session 17): benches over all 621 pages leave them out.
BLIND_PAGES_FILE = REPO / "bench" / "real" / "general-blind" / "pages.txt"


def is_blind(folder: Path) -> bool:
    """Whether a gold folder is one of the blind sets, however its path is written ("bench/real/holdout4/.")."""
    return folder.resolve().name in BLIND_SETS


def blind_pages() -> frozenset[str]:
    """File names of the L3S pages the blind general-news set annotates: never read for failures or tuning."""
    if not BLIND_PAGES_FILE.exists():
        return frozenset()
    return frozenset(line.strip() for line in BLIND_PAGES_FILE.read_text().splitlines() if line.strip())


def held_out_articles() -> frozenset[str]:
    """Stems of the PolNeAR articles a held-out set holds: benches that print failures skip them."""
    golds = (p for d in HELD_OUT_SETS for p in (REPO / "bench" / "real" / d).glob("*.gold.json"))
    return frozenset(p.name.removesuffix(".gold.json") for p in golds)


def replay_options(parser: Any, data: Path) -> None:
    """The options of a bench that replays the pipeline in-process on gold folders: the gold, texts and server."""
    parser.add_argument("--gold", type=Path, action="append", required=True, help="a gold folder (repeatable)")
    parser.add_argument("--data", type=Path, default=data)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--mode", default="llama-schema")


def replay_arguments(parser: Any, data: Path, all_help: str, argv: list[str] | None) -> Any:
    """`replay_options` and `--all` (`all_help`: what it prints, terminal only), parsed; `--all` is refused on a
    blind held-out set, whose examples are never printed."""
    replay_options(parser, data)
    parser.add_argument("--all", action="store_true", help=all_help)
    args = parser.parse_args(argv)
    if args.all and any(map(is_blind, args.gold)):
        parser.error("--all prints statements: not on a blind held-out set")
    return args


def replayed(args: Any, before: Any = None) -> Iterator[tuple[Any, Any, Any]]:
    """Each article of the gold folders `args.gold` (see `replay_options`) run in-process: (gold, record, score).

    `before()`, when given, runs before each article (a bench resets its trace there); the score is the record's
    allegations scored against its gold (`evaluation.evaluate`).
    """
    from real.check_gold import find_article

    from extract.api import extract
    from extract.output.evaluation import evaluate
    from extract.output.gold import load_golds

    for folder in args.gold:
        for gold in load_golds(folder):
            for name in gold.applies_to:
                found = find_article(args.data, name)
                if found is None:
                    continue
                if before is not None:
                    before()
                record = extract(found[1], base_url=args.base_url, model=args.model, mode=args.mode)
                yield gold, record, evaluate([record], [gold]).articles[0].scores["allegations"]


def print_examples(examples: dict[str, list[str]], kinds: Sequence[str], show: int, only: str = "") -> None:
    """`show` examples of each kind whose name starts with `only`, under a heading: a sample seeded the same on
    every run, so two runs show the same cases (terminal only: the examples hold the articles' words)."""
    rng = random.Random(0)
    for kind in kinds if show else ():
        if not kind.startswith(only):
            continue
        print(f"\n## {kind}")
        for line in rng.sample(examples[kind], min(show, len(examples[kind]))):
            print(line)


def one_to_one(pairs: list[tuple[float, int, int]], least: float = 0.5) -> dict[int, int]:
    """Statement -> gold pairs as PolNeAR's score.py makes them: best Dice first, each used once, none below `least`.

    `pairs` are (dice, statement index, gold index), in any order.
    """
    used_g: set[int] = set()
    out: dict[int, int] = {}
    for d, i, j in sorted(pairs, key=lambda p: p[0], reverse=True):
        if d < least:
            break
        if i not in out and j not in used_g:
            out[i] = j
            used_g.add(j)
    return out


def plan_offline(path: Path, prompts: Any, answer: Any) -> tuple[str, Any]:
    """Run `pipeline.plan` on one article with `answer(request)` standing in for the model, no server.

    Returns the cleaned text and the plan's result (actors, statements, allegations): what the deterministic
    stages decide when the model answers so (`actor_names`, `judge_modes`, `proposed`).
    """
    from extract import pipeline
    from extract.text.loading import load_document

    prepared = pipeline.prepare(load_document(path))
    steps = pipeline.plan(prepared.text, prompts, prepared.warnings, writer=pipeline.page_writer(prepared))
    try:
        requests = next(steps)
        while True:
            requests = steps.send([answer(r) for r in requests])
    except StopIteration as done:
        return prepared.text, done.value


# --- machine and report -------------------------------------------------------------------------------


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo (else what `platform` says)."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine() or "unknown"


def mem_total_gib() -> float | None:
    """Physical memory in GiB from /proc/meminfo."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    return None


def machine_line() -> str:
    """One line describing the machine: cores, CPU model, memory, OS and Python."""
    mem = mem_total_gib()
    mem_text = f", {mem:.0f} GiB RAM" if mem else ""
    return (f"{os.cpu_count()} cores, {cpu_model()}{mem_text}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def load_average() -> str:
    """The 1, 5 and 15 minute load averages."""
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def command_line() -> str:
    """The command that started this script, as a shell would take it."""
    script = os.path.relpath(sys.argv[0], Path.cwd()) if sys.argv[0] else "?"
    return shlex.join(["python", script, *sys.argv[1:]])


def md_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub markdown table; the first column is left-aligned, the others right-aligned."""
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in headers) + " |",
             "| " + " | ".join([":--", *["--:"] * (len(headers) - 1)]) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def write_report(name: str, title: str, sections: Sequence[tuple[str, str]], command: str | None = None,
                 results_dir: Path = RESULTS) -> Path:
    """Write `results_dir/<name>.md`: title, date, machine, the exact command, then the sections."""
    results_dir.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC).astimezone()
    parts = [f"# {title}", "",
             f"- date: {now.isoformat(timespec='seconds')}",
             f"- machine: {machine_line()}",
             f"- load average (1, 5, 15 min) when written: {load_average()} (the CPU may be shared)",
             f"- command: `{command or command_line()}` (from `{REPO}`)", ""]
    for heading, body in sections:
        parts += [f"## {heading}", "", body.rstrip(), ""]
    path = results_dir / f"{name}.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def fmt(value: float | None, digits: int = 3) -> str:
    """A number for a table, or an en dash when there is none."""
    return "–" if value is None else f"{value:.{digits}f}"


def ratio(ours: float | None, theirs: float | None, digits: int = 2) -> str:
    """ours / theirs for a table ("–" when undefined)."""
    if ours is None or theirs is None or theirs == 0:
        return "–"
    return f"{ours / theirs:.{digits}f}×"


def mib(n_bytes: int | None) -> str:
    """Bytes as MiB for a table."""
    return "–" if n_bytes is None else f"{n_bytes / 2**20:.0f} MiB"


# --- memory of a process tree -------------------------------------------------------------------------


def _proc_children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # the command name may hold spaces and parentheses: fields after the last ')' are fixed
        fields = stat[stat.rfind(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def _proc_rss(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return 0  # a zombie has no VmRSS line


def tree_rss(root: int) -> dict[int, tuple[str, int]]:
    """RSS in bytes of `root` and all its descendants, as pid -> (command name, bytes)."""
    try:
        import psutil
    except ImportError:
        psutil = None
    out: dict[int, tuple[str, int]] = {}
    if psutil is not None:
        try:
            top = psutil.Process(root)
            procs = [top, *top.children(recursive=True)]
        except psutil.Error:
            return out
        for proc in procs:
            with contextlib.suppress(psutil.Error):
                out[proc.pid] = (" ".join(proc.cmdline()[:4]) or proc.name(), proc.memory_info().rss)
        return out
    children = _proc_children_map()
    stack = [root]
    while stack:
        pid = stack.pop()
        rss = _proc_rss(pid)
        if rss is None:
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            cmd = "?"
        out[pid] = (" ".join(cmd.split()[:4]), rss)
        stack.extend(children.get(pid, []))
    return out


@dataclass
class TreeMemory:
    """Peaks of a process tree's RSS, sampled every `interval` seconds in a thread."""

    root: int
    interval: float = 0.2
    peak_total: int = 0
    peak_root: int = 0
    peak_descendants: int = 0
    peak_by_command: dict[str, int] = field(default_factory=dict)
    samples: int = 0
    backend: str = ""
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def sample(self) -> None:
        """Take one sample now."""
        tree = tree_rss(self.root)
        if not tree:
            return
        self.samples += 1
        total = sum(rss for _, rss in tree.values())
        root_rss = tree.get(self.root, ("", 0))[1]
        self.peak_total = max(self.peak_total, total)
        self.peak_root = max(self.peak_root, root_rss)
        self.peak_descendants = max(self.peak_descendants, total - root_rss)
        for pid, (cmd, rss) in tree.items():
            key = "root: " + cmd if pid == self.root else cmd
            self.peak_by_command[key] = max(self.peak_by_command.get(key, 0), rss)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        try:
            import psutil  # noqa: F401
            self.backend = "psutil"
        except ImportError:
            self.backend = "/proc"
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)


def self_peak_rss() -> int | None:
    """This process's peak RSS (VmHWM) in bytes."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return None


# --- a stub OpenAI-compatible model server -------------------------------------------------------------

#: Names the stub recognises in an article when it answers the actors task (or langextract's prompt).
SEED_ACTORS: list[tuple[str, str]] = [
    ("Kurt Campbell", "person"), ("Antony Blinken", "person"), ("David Lammy", "person"),
    ("Jens Stoltenberg", "person"), ("China", "country"), ("Russia", "country"), ("U.S.", "country"),
    ("Iran", "country"), ("North Korea", "country"), ("NATO", "international_organization"),
    ("Politico", "media"), ("Beijing", "country"), ("Ukraine", "country"),
]
_QUOTE = re.compile(r"[\"“]([^\"“”\n]{8,300})[\"”]")


class NameFinder:
    """Finds which names of a pool occur in a text (whole words), in pool order, with one regex."""

    def __init__(self, pool: Sequence[tuple[str, str]]) -> None:
        self.kinds = dict(pool)
        self.order = {name: i for i, (name, _) in enumerate(pool)}
        names = sorted(self.kinds, key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)") if names else None

    def find(self, text: str, limit: int = 40) -> list[tuple[str, str]]:
        """(name, kind) of every pool name in `text`, at most `limit`, in pool order."""
        if self.pattern is None:
            return []
        hits = {m.group(1) for m in self.pattern.finditer(text)}
        return [(n, self.kinds[n]) for n in sorted(hits, key=self.order.__getitem__)][:limit]


def _section(text: str, start_marker: str, end_marker: str | None) -> str:
    at = text.rfind(start_marker)
    if at < 0:
        return text
    body = text[at + len(start_marker):]
    if end_marker:
        end = body.rfind(end_marker)
        if end >= 0:
            body = body[:end]
    return body


def _schema_in_text(text: str) -> dict[str, Any]:
    """The JSON schema instructor's JSON mode writes into the system message, if any."""
    at = text.rfind("json_schema:")
    brace = text.find("{", at) if at >= 0 else -1
    if brace < 0:
        return {}
    try:
        found, _ = json.JSONDecoder().raw_decode(text[brace:])
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def fake_instance(schema: dict[str, Any], accusations: int = 1) -> Any:
    """A valid instance of a JSON schema, as small as the schema allows.

    The first `accusations` objects whose `accused` array offers names (for `extract`'s statement labels:
    the first statements that name someone besides their speaker) get up to two of those names and the
    first category; every other enum takes "none" when offered, else its first value.
    """
    defs = schema.get("$defs", {})
    budget = [accusations]

    def deref(node: Any) -> dict[str, Any]:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            node = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
        return node if isinstance(node, dict) else {}

    def names_of(node: dict[str, Any]) -> list[Any]:
        items = deref(node.get("items"))
        return list(items.get("enum", [items["const"]] if "const" in items else []))

    def build(raw: Any, hot: bool = False) -> Any:
        node = deref(raw)
        for key in ("anyOf", "oneOf"):
            if key in node:
                options = [o for o in node[key] if deref(o).get("type") != "null"] or node[key]
                return build(options[0], hot)
        if "const" in node:
            return node["const"]
        if "enum" in node:
            values = list(node["enum"])
            return "none" if "none" in values and not hot else values[0]
        kind = node.get("type")
        if kind == "object":
            props: dict[str, Any] = node.get("properties", {})
            wanted = set(node.get("required", props))
            # a statement whose `accused` enum is empty (maxItems 0) cannot accuse: the budget waits for one that can
            hot_here = "accused" in props and budget[0] > 0 and bool(names_of(deref(props["accused"])))
            if hot_here:
                budget[0] -= 1
            out = {}
            for key, sub in props.items():
                if key not in wanted:
                    continue
                sub_node = deref(sub)
                if key == "accused" and hot_here and sub_node.get("type") == "array":
                    out[key] = names_of(sub_node)[: min(2, sub_node.get("maxItems", 2))]
                else:
                    out[key] = build(sub, hot_here)
            return out
        if kind == "array":
            count = int(node.get("minItems", 0))
            items = deref(node.get("items"))
            if budget[0] > 0 and "accused" in items.get("properties", {}):
                count = max(count, 1)
            return [build(items) for _ in range(count)]
        if kind == "string":
            return "x" * int(node.get("minLength", 0))
        if kind in ("integer", "number"):
            return node.get("minimum", 0)
        if kind == "boolean":
            return False
        return None

    return build(schema)


def random_instance(schema: dict[str, Any], rng: random.Random) -> Any:
    """A valid instance of a JSON schema with varied values, as a model's answers vary (the stub's seeded mode).

    Enums take any value ("none" and "denial" labels included), arrays of names a random subset of what they
    offer (now and then one name twice, which a model may answer), booleans and numbers random: the code after
    the model's answer (judge, grouping, records) then sees many shapes of answer, not only the first one.
    """
    defs = schema.get("$defs", {})

    def deref(node: Any) -> dict[str, Any]:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            node = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
        return node if isinstance(node, dict) else {}

    def choices(node: dict[str, Any]) -> list[Any]:
        return list(node.get("enum", [node["const"]] if "const" in node else []))

    def build(raw: Any) -> Any:
        node = deref(raw)
        for key in ("anyOf", "oneOf"):
            if key in node:
                return build(rng.choice(node[key]))
        if "const" in node or "enum" in node:
            return rng.choice(choices(node))
        kind = node.get("type")
        if kind == "object":
            props: dict[str, Any] = node.get("properties", {})
            wanted = set(node.get("required", props))
            return {key: build(sub) for key, sub in props.items() if key in wanted or rng.random() < 0.5}
        if kind == "array":
            items = deref(node.get("items"))
            low, high = int(node.get("minItems", 0)), int(node.get("maxItems", 3))
            offered = choices(items)
            if offered:
                picked = rng.sample(offered, rng.randint(min(low, len(offered)), min(high, len(offered))))
                if picked and len(picked) < high and not node.get("uniqueItems") and rng.random() < 0.05:
                    picked.append(picked[0])
                return picked
            return [build(items) for _ in range(rng.randint(low, max(low, min(high, 3))))]
        if kind == "string":
            return "x" * int(node.get("minLength", 0))
        if kind == "integer":
            return rng.randint(int(node.get("minimum", 0)), int(node.get("maximum", 9)))
        if kind == "number":
            return rng.uniform(float(node.get("minimum", 0)), float(node.get("maximum", 1)))
        if kind == "boolean":
            return rng.random() < 0.5
        return None

    return build(schema)


def random_labels(text: str, schema: Any, rng: random.Random) -> dict[str, Any]:
    """Random labels for the statements a plain-JSON prompt lists (`statement_labels`, varied as `random_instance`)."""
    label_schema = schema.get("additionalProperties") if isinstance(schema, dict) else None
    category_node = (label_schema or {}).get("properties", {}).get("category", {}) if isinstance(
        label_schema, dict) else {}
    categories = list(category_node.get("enum", [])) or ["none", "denial", "other"]
    out: dict[str, Any] = {}
    for match in _STATEMENT_LINE.finditer(_section(text, _STATEMENTS, None)):
        names = [] if match.group(2) == "nobody" else match.group(2).split(", ")
        out[f"s{match.group(1)}"] = {"accused": rng.sample(names, rng.randint(0, min(len(names), 6))),
                                     "category": rng.choice(categories)}
    return out


_STATEMENTS = "\nSTATEMENTS:\n"  # the accusations task's list (the worked example's is "EXAMPLE STATEMENTS:")
_STATEMENT_LINE = re.compile(r"^s(\d+)\. \[[^\]\n]*\] \(names: ([^\n]*?)\) ", re.MULTILINE)


def statement_labels(text: str, schema: Any, accusations: int = 1) -> dict[str, Any]:
    """Labels for the statements listed in the prompt's last STATEMENTS section, keyed `sN` in order.

    The first `accusations` statements that name someone (`names: ...`, not `nobody`) accuse up to two of
    those names under the first category the schema offers; every other statement is labelled "none".
    """
    label_schema = schema.get("additionalProperties") if isinstance(schema, dict) else None
    category_node = (label_schema or {}).get("properties", {}).get("category", {}) if isinstance(
        label_schema, dict) else {}
    categories = [c for c in category_node.get("enum", []) if c not in ("denial", "none")] or ["other"]
    budget = accusations
    out: dict[str, Any] = {}
    for match in _STATEMENT_LINE.finditer(_section(text, _STATEMENTS, None)):
        names = [] if match.group(2) == "nobody" else match.group(2).split(", ")
        if budget > 0 and names:
            budget -= 1
            out[f"s{match.group(1)}"] = {"accused": names[:2], "category": categories[0]}
        else:
            out[f"s{match.group(1)}"] = {"accused": [], "category": "none"}
    return out


@dataclass
class StubStats:
    """What the stub answered, and how long its own handlers took (seconds, summed over requests)."""

    requests: int = 0
    handler_seconds: float = 0.0
    by_task: dict[str, int] = field(default_factory=dict)


class StubModelServer:
    """A loopback OpenAI-compatible server that answers at once with a valid answer for each task.

    It tells the tasks apart by the schema in `response_format` (llama-schema mode), else by the prompt
    text: `extract`'s actors task gets `{"actors": [...]}` (names of `actor_pool` found in the article),
    its accusations task one label per statement, `{"s1": {"accused": [...], "category": ...}, "s2": ...}`
    (the first statement that names someone accuses up to two of the names it offers; every other label is
    `{"accused": [], "category": "none"}`), and a langextract prompt `{"extractions": [...]}` in
    langextract's format. Used as a context manager.

    The statement labels come from the exact schema when the request carries it (llama-schema mode: keys
    and per-statement `accused` enums), else from the STATEMENTS lines of the prompt (`sN. [speaker]
    (names: A, B) text`), since the compact schema of plain JSON mode names neither keys nor enums.

    `latency` (seconds, default 0: at once) delays every chat completion answer, as a model would, so that
    concurrent requests have something to overlap; each request is served in its own thread
    (`ThreadingHTTPServer`), so N requests in flight wait `latency` together, not N times. The wait is part
    of `stats.handler_seconds`.

    `seed` (default None: the fixed answers above) answers every schema task with `random_instance` instead:
    each statement accuses a random subset of the names offered, under a random category ("none" and "denial"
    too), each verdict a random yes or no. The draw depends only on the seed and the request, so a rerun
    answers the same, whatever the order or concurrency of the requests.
    """

    def __init__(self, actor_pool: Sequence[tuple[str, str]] = SEED_ACTORS, accuse: bool = True,
                 latency: float = 0.0, seed: int | None = None) -> None:
        self.finder = NameFinder(actor_pool)
        self.accuse = accuse
        self.seed = seed
        self.latency = max(0.0, latency)
        self.stats = StubStats()
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The OpenAI base URL (ends in /v1)."""
        assert self._httpd is not None, "stub not running"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self) -> StubModelServer:
        stub = self

        class Handler(_StubHandler):
            owner = stub

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)

    def reset_stats(self) -> None:
        """Forget the counts so far."""
        with self._lock:
            self.stats = StubStats()

    def _count(self, task: str, seconds: float) -> None:
        with self._lock:
            self.stats.requests += 1
            self.stats.handler_seconds += seconds
            self.stats.by_task[task] = self.stats.by_task.get(task, 0) + 1

    # -- answers ---------------------------------------------------------------------------------------

    def answer(self, body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """The task a request is about and the JSON answer to it."""
        messages = body.get("messages") or []
        text = "\n".join(str(m.get("content", "")) for m in messages if isinstance(m, dict))
        fmt_ = body.get("response_format") or {}
        schema = fmt_.get("schema") or (fmt_.get("json_schema") or {}).get("schema") or _schema_in_text(text)
        props = schema.get("properties", {}) if isinstance(schema, dict) else {}
        if "actors" in props or (not props and "task: list the actors" in text.lower()):
            article = _section(text, "ARTICLE:\n", "\nTASK:")
            actors = [{"name": n, "kind": k} for n, k in self.finder.find(article)]
            return "actors", {"actors": actors}
        if "extractions" in props or (not props and ("\nQ: " in text or "extractions" in text)):
            chunk = _section(text, "\nQ: ", "\nA:")
            return "langextract", self._langextract(chunk)
        rng = None if self.seed is None else random.Random(
            f"{self.seed}:{hashlib.sha256(json.dumps(messages, sort_keys=True).encode()).hexdigest()}")
        if not props and _STATEMENTS in text and _STATEMENT_LINE.search(_section(text, _STATEMENTS, None)):
            if rng is not None:
                return "accusations", random_labels(text, schema, rng)
            return "accusations", statement_labels(text, schema, accusations=1 if self.accuse else 0)
        if props:  # extract's other task(s): a valid instance of the schema, with one accusation in it
            task = "accusations" if "accus" in text.lower() else "other"
            if rng is not None:
                return task, random_instance(schema, rng)
            return task, fake_instance(schema, accusations=1 if self.accuse else 0)
        return "unknown", {}

    def _langextract(self, chunk: str) -> dict[str, Any]:
        found = self.finder.find(chunk)
        out: list[dict[str, Any]] = [{"actor": n, "actor_attributes": {"kind": k}} for n, k in found]
        speaker = next((n for n, k in found if k == "person"), found[0][0] if found else None)
        target = next((n for n, _ in found if n != speaker), None)
        for i, match in enumerate(_QUOTE.finditer(chunk)):
            if speaker is None:
                break
            quote = match.group(1)
            out.append({"statement": quote, "statement_attributes": {"speaker": speaker, "kind": "direct"}})
            if i == 0 and target is not None:
                out.append({"allegation": quote, "allegation_attributes": {
                    "accuser": speaker, "accused": target, "claim": quote}})
        return {"extractions": out}


class _StubHandler(BaseHTTPRequestHandler):
    owner: StubModelServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # headers and body leave in separate writes: without TCP_NODELAY, Nagle's algorithm and the client's
        # delayed ACK add ~40 ms to every answer, which would be charged to the tool
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, code: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            self._send(200, {"object": "list", "data": [
                {"id": STUB_MODEL, "object": "model", "created": 0, "owned_by": "bench"}]})
        else:
            self._send(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self) -> None:
        started = time.perf_counter()
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send(404, {"error": {"message": f"no route {self.path}"}})
            return
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            self._send(400, {"error": {"message": "body is not JSON"}})
            return
        task, answer = self.owner.answer(body)
        content = json.dumps(answer)
        prompt_chars = sum(len(str(m.get("content", ""))) for m in body.get("messages") or [])
        usage = {"prompt_tokens": prompt_chars // 4, "completion_tokens": len(content) // 4 + 1}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        if self.owner.latency:
            time.sleep(self.owner.latency)
        self._send(200, {
            "id": "chatcmpl-bench", "object": "chat.completion", "created": int(time.time()),
            "model": body.get("model", STUB_MODEL),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "finish_reason": "stop", "logprobs": None}],
            "usage": usage,
        })
        self.owner._count(task, time.perf_counter() - started)


@contextlib.contextmanager
def stub_server(actor_pool: Sequence[tuple[str, str]] = SEED_ACTORS) -> Iterator[StubModelServer]:
    """A running stub server for the length of a `with` block."""
    with StubModelServer(actor_pool) as server:
        yield server


# --- running the CLI ----------------------------------------------------------------------------------


def extract_command() -> list[str]:
    """How to call the `extract` CLI of this interpreter's environment."""
    script = Path(sys.executable).parent / "extract"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from extract.cli import main; sys.argv[0] = 'extract'; main()"]


def median(values: Sequence[float]) -> float | None:
    """The median, or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
