"""Prompt files are validated when loaded; actors and speakers are grounded and merged from the text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.actors import ActorDraft, build_actors, find_role, full_name, person_tail
from extract.errors import PromptError
from extract.pipeline import _named_speaker, merge_same_sentence
from extract.prompting import load_prompts
from extract.speech import find_speech

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


def _copy_prompts(tmp_path: Path) -> Path:
    target = tmp_path / "prompts"
    shutil.copytree(PROMPTS, target)
    return target


def test_shipped_prompts_load_and_hash_is_stable() -> None:
    first = load_prompts()
    assert len(first.sha256) == 64
    assert "Now the real article." in first.system("ARTICLE TEXT")
    assert first.system("ARTICLE TEXT").rstrip().endswith("ARTICLE TEXT")


def test_unknown_placeholder_is_refused_naming_the_file(tmp_path: Path) -> None:
    root = _copy_prompts(tmp_path)
    path = root / "actors.md"
    path.write_text(path.read_text() + "\nAlso $typo\n")
    with pytest.raises(PromptError, match=r"prompts/actors.md: placeholders missing \[\], unknown \['typo'\]"):
        load_prompts(root)


def test_missing_placeholder_is_refused(tmp_path: Path) -> None:
    root = _copy_prompts(tmp_path)
    (root / "accusations.md").write_text("TASK: label the statements.\n")
    with pytest.raises(PromptError, match=r"accusations.md: placeholders missing \['statements'\]"):
        load_prompts(root)


def test_bad_example_is_refused(tmp_path: Path) -> None:
    root = _copy_prompts(tmp_path)
    (root / "example.json").write_text('{"article": "x"}')
    with pytest.raises(PromptError, match=r"example\.json"):
        load_prompts(root)


def test_changing_a_prompt_changes_the_hash(tmp_path: Path) -> None:
    root = _copy_prompts(tmp_path)
    before = load_prompts(root).sha256
    (root / "actors.md").write_text((root / "actors.md").read_text() + " ")
    load_prompts.cache_clear()
    assert load_prompts(root).sha256 != before


TEXT = (
    "Beijing rejected the claims on Monday. China's foreign ministry spokesperson Mao Ning said the report "
    "was false. Ghana Health Minister Ama Owusu said the clinics in Ghana had closed, and Owusu added that staff left. "
    "Reuters reported the talks failed."
)


def test_actors_are_grounded_merged_and_given_roles() -> None:
    warnings: list[str] = []
    drafts = build_actors(TEXT, [("China", "country"), ("Beijing", "government"), ("Ama Owusu", "person"),
                                 ("Owusu", "person"), ("Elon Musk", "person")], warnings)
    names = {d.name: d for d in drafts}
    assert "Beijing" in names["China"].aliases
    assert names["Ama Owusu"].aliases == ["Owusu"]
    assert names["Ama Owusu"].role == "Ghana Health Minister"
    assert "Elon Musk" not in names
    assert any("Elon Musk" in w for w in warnings)
    assert "Ghana" in names  # countries named in the text are actors without asking the model
    assert "Chad" not in {d.name for d in build_actors("Chad Smith said so.", [], [])}  # part of a name
    for draft in drafts:
        for start, end in draft.mentions:
            assert TEXT[start:end] in draft.names()


def test_speaker_phrase_ending_in_a_name_is_that_person_affiliated_with_the_org() -> None:
    text = "NATO chief Mark Rutte said allies agree. NATO said it would meet."
    warnings: list[str] = []
    drafts = build_actors(text, [("NATO", "international_organization")], warnings)
    person = _named_speaker(text, "NATO chief Mark Rutte", drafts, warnings)
    assert person is not None and person.name == "Mark Rutte" and person.kind == "person"
    assert person.affiliation is not None and person.affiliation.name == "NATO"
    org = _named_speaker(text, "NATO", drafts, warnings)
    assert org is not None and org.name == "NATO"


def test_lone_surname_expands_to_the_full_name_written_elsewhere() -> None:
    text = "Foreign Secretary Priya Shah met envoys. Shah said talks would go on."
    assert person_tail("Foreign Secretary Priya Shah") == "Priya Shah"
    assert full_name(text, "Shah") == "Priya Shah"
    assert person_tail("the ministry") is None
    assert find_role(text, "Priya Shah") == "Foreign Secretary"


def test_one_statement_per_speaker_per_sentence() -> None:
    text = 'The ministry described the report as "baseless" and claimed it had never sent troops.'
    merged = merge_same_sentence(text, find_speech(text))
    assert len(merged) == 1
    start, end = merged[0].span
    assert "baseless" in text[start:end] and "never sent troops" in text[start:end]
    assert merged[0].kind == "indirect"


def test_draft_names_longest_first() -> None:
    draft = ActorDraft("United States", "country", ["U.S.", "Washington"])
    assert draft.names()[0] == "United States"


def test_unnamed_speakers_do_not_become_actors_named_the() -> None:
    text = "The ministry said it would act. The Interior Ministry said it would not."
    drafts = build_actors(text, [], [])
    warnings: list[str] = []
    assert _named_speaker(text, "The ministry", drafts, warnings) is None
    named = _named_speaker(text, "The Interior Ministry", drafts, warnings)
    assert named is not None and named.name == "Interior Ministry"
    assert all(d.name != "The" for d in drafts)
