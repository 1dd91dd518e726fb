"""The accusation question is worded for wrongs of any field, not only the seed article's war and politics."""

from extract.model.prompting import format_statements, load_prompts


def _question() -> str:
    rows = [(1, "Coach Ada Brell", "The Harriers cheated: they bribed the referee.", ["Harriers"])]
    return load_prompts().render("accusations.md", statements=format_statements(rows))


def test_the_question_names_wrongs_outside_war_and_politics() -> None:
    question = _question()
    for wrong in ("cheating", "breaking the rules", "double standards", "bribery", "fraud", "negligence"):
        assert wrong in question, wrong
    assert "s1. [Coach Ada Brell] (names: Harriers) The Harriers cheated" in question


def test_the_question_keeps_denial_and_the_none_cases() -> None:
    question = _question()
    assert '"denial"' in question
    for neutral in ("describes", "predicts", "praises", "concern"):
        assert neutral in question, neutral
