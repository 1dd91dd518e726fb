#!/usr/bin/env python3
"""Actors whose names are not names, counted by class over PolNeAR train, without the model (issue 12).

Every train article (the held-out sets' articles skipped) goes through `pipeline.prepare` and `pipeline.plan`
with a stand-in for the model that accuses nobody and answers every verify question yes, so the actors are the
ones the text-only stages make. Each actor is checked against classes of junk a reader spots at once:

- a person whose first word is the sentence's own ("Maybe Trump", "Two Americans were killed"): the run is
  written only where a sentence starts and its first word, no census given name, is also written in lower case;
- a person named by one English word ("Presidential", "Soon");
- a name holding a date word ("Fox News on March", "October CBS News");
- a mention after "Mr."/"Mrs." of the other gender than the person's first name ("Mr. Obama" given to Michelle
  Obama);
- a person who is a place ("San Diego", "New Hampshire");
- a party's member described, not named ("Republican of Minnesota");
- a phrase, not a name: a colon or quotation mark inside, or thirteen words or more;
- a function word, honorific, day or nationality alone ("The", "Mr", "Tuesday", "Korean", "Iraqi and American");
- a title alone ("Princess").

    python bench/actor_names.py [--show 10] [--out /tmp/actors.jsonl]
    python bench/actor_names.py --pages /tmp/l3s/original [--show 10]   # general news (the blind pages left out)

`--out` writes one line per actor (article, name, kind, aliases, mentions) to diff two trees. Texts are read
from the data folder, never copied.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchlib import REPO, blind_pages, held_out_articles, md_table, plan_offline

from extract import pipeline
from extract.language.countries import describes_people
from extract.language.gender import name_gender, other_gender_named
from extract.language.name_words import PLACE_OPENERS, census_names
from extract.language.names import TITLE_WORDS, never_a_name_alone
from extract.language.places import is_place
from extract.model.prompting import load_prompts
from extract.text.loading import load_document

DATA = next(
    (
        p
        for p in (REPO.parent / "shared" / "data" / "polnear", REPO.parent.parent / "shared" / "data" / "polnear")
        if p.is_dir()
    ),
    REPO.parent / "shared" / "data" / "polnear",
)
#: PolNeAR articles of the held-out sets (bench/real/README.md): never read for failures.
HELD_OUT = held_out_articles()
_PARTICLES = frozenset({"de", "bin", "al", "el", "van", "von", "di", "da", "la", "le"})
_OPENS = re.compile(r"(?:^|\n|[.!?][\"'”’)]?[ \t]+|[\"“‘(][ \t]*)\Z")
_DATE = re.compile(
    r"\b(?:on|in)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)$"
)
#: A month that opens a body's name ("October CBS News"); a person's may ("April Mellody").
_MONTH_FIRST = re.compile(r"^(?:January|February|March|April|June|July|August|September|October|November|December)\s")
_PARTY_MEMBER = re.compile(r"^(?:Democrat|Republican|Independent|Libertarian)\s+(?:of|from)\s")
_PHRASE = re.compile(r"\S[:\"“”]|^(?:\S+\s+){12}\S")


def stand_in_answer(request: pipeline.ModelRequest) -> Any:
    """The stand-in answer: nobody accused, every verify question yes."""
    if request.label == "accusations":
        keys = json.loads(request.response_model.exact or "{}").get("required", [])
        return request.response_model.model_validate({k: {"accused": [], "category": "none"} for k in keys})
    return request.response_model.model_validate({f: "yes" for f in request.response_model.model_fields})


def actors_of(path: Path, prompts: Any) -> tuple[str, list[dict[str, Any]]]:
    """The article's text and its record's actors as dicts."""
    text, (actors, _, _) = plan_offline(path, prompts, stand_in_answer)
    return text, [a.model_dump(mode="json") for a in actors]


def _lower(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", text) is not None


def junk_classes(text: str, actor: dict[str, Any]) -> list[str]:
    """The classes of junk one actor falls in (see the module's docstring)."""
    name, kind, found = actor["name"], actor["kind"], list[str]()
    if actor.get("unnamed") or name.startswith("@"):
        return found
    words = name.split()
    first = words[0]
    if (
        kind == "person"
        and len(words) > 1
        and first not in census_names()
        and first.lower() not in _PARTICLES
        and _lower(text, first)
    ):
        starts = [m.start() for m in re.finditer(re.escape(name), text)]
        if starts and all(_OPENS.search(text, max(0, s - 4), s) for s in starts):
            found.append("person: the sentence's own first word")
    if kind == "person" and len(words) == 1 and _lower(text, name):
        found.append("person: one English word")
    if _DATE.search(name) or (kind != "person" and _MONTH_FIRST.search(name)):
        found.append("name holding a date word")
    if kind == "person" and (is_place(name) or first in PLACE_OPENERS):
        found.append("person: a place")
    if _PARTY_MEMBER.search(name):
        found.append("a party's member described")
    if _PHRASE.search(name):
        found.append("a phrase, not a name")
    if kind != "country" and (never_a_name_alone(name) or all(describes_people(w) or w == "and" for w in words)):
        found.append("a function word, day or nationality alone")
    if all(w.lower().strip(".") in TITLE_WORDS for w in words):
        found.append("a title alone")
    if kind == "person":
        gender = name_gender(name)
        if any(other_gender_named(text, s, gender) for s, _ in actor["mentions"]):
            found.append("mention after Mr./Mrs. of the other gender")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", type=int, default=0, help="print up to N examples per class")
    parser.add_argument("--out", type=Path, help="write every actor as a JSON line")
    parser.add_argument("--classify", type=Path, help="count the actors of an --out file (another tree's) instead")
    parser.add_argument("--pages", type=Path, help="a folder of pages (L3S: /tmp/l3s/original) instead of PolNeAR "
                        "train; the blind general pages are left out")
    args = parser.parse_args(argv)
    prompts = load_prompts()
    saved: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if args.classify:
        for line in args.classify.read_text().splitlines():
            actor = json.loads(line)
            saved[actor.pop("article")].append(actor)
    examples: dict[str, list[str]] = defaultdict(list)
    lines, articles, total = [], 0, 0
    if args.pages:
        paths = sorted(p for p in args.pages.iterdir() if p.suffix in (".html", ".htm", ".txt"))
        skip, what = blind_pages() | {Path(n).stem for n in blind_pages()}, "pages"
    else:
        paths, skip, what = sorted((args.data / "train" / "text").glob("*.txt")), HELD_OUT, "train articles"
    for path in paths:
        if path.stem in skip or path.name in skip or (args.classify and path.stem not in saved):
            continue
        if args.classify:
            text, actors = pipeline.prepare(load_document(path)).text, saved[path.stem]
        else:
            text, actors = actors_of(path, prompts)
        articles += 1
        total += len(actors)
        for actor in actors:
            lines.append(json.dumps({"article": path.stem, **actor}))
            for name in junk_classes(text, actor):
                examples[name].append(f"{actor['name']} ({path.stem[:40]})")
    rows = [(name, len(found)) for name, found in sorted(examples.items())]
    print(f"{articles} {what}, {total} actors")
    print(md_table(["class", "actors"], rows))
    for name, found in sorted(examples.items()):
        for example in found[: args.show]:
            print(f"- {name}: {example}")
    if args.out:
        args.out.write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
