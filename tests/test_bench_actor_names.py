"""bench/actor_names.py: each class of actor that is no name, on invented actors."""

from __future__ import annotations

import sys
from typing import Any

from tests.conftest import ROOT


def _classes(text: str, name: str, kind: str) -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import actor_names
    finally:
        sys.path.remove(str(ROOT / "bench"))
    actor: dict[str, Any] = {"name": name, "kind": kind, "mentions": [], "aliases": []}
    found: list[str] = actor_names.junk_classes(text, actor)
    return found


def test_each_class_of_junk_and_a_name_that_is_none() -> None:
    text = "Pier Vote\n\nDara Quill, Republican of Fenwick, spoke in San Ardell and on the pier.\n"
    assert _classes(text, "San Ardell", "person") == ["person: a place"]
    assert _classes(text, "Republican of Fenwick", "organization") == ["a party's member described"]
    assert _classes(text, "Harbor Days: Dara Quill", "organization") == ["a phrase, not a name"]
    assert _classes(text, "Valmont News on March", "media") == ["name holding a date word"]
    assert _classes(text, "April Quill", "person") == []  # a given name that is also a month
    assert _classes(text, "Dara Quill", "person") == []


def test_words_capitalised_by_rule_and_titles_alone_are_junk() -> None:
    text = "Pier Vote\n\nThe Korean envoy met Mr Quill on Tuesday and the Princess.\n"
    for name in ("The", "Mr", "Tuesday", "Korean", "Iraqi and American"):
        assert _classes(text, name, "organization") == ["a function word, day or nationality alone"]
    assert _classes(text, "Princess", "person") == ["a title alone"]
    assert _classes(text, "South Korea", "country") == []
