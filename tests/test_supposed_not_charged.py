"""What a statement only supposes, asks or predicts charges no one (issue 12, judge7).

Each test drives the pipeline on an invented article with a label that accuses everyone the statement names
(what a small model does on unseen news), or with no label at all (the negative words alone), and checks
that only a wrong said to be done is charged.
"""

from __future__ import annotations

from typing import Any

from tests.allegation_names import who_accuses_whom
from tests.test_attribution import _run


def _found(text: str, actors: dict[str, str],
           labels: dict[str, Any] | None = None) -> list[tuple[list[str], list[str]]]:
    named, _, allegations, _, _ = _run(text, actors, labels)
    return who_accuses_whom(named, allegations)


def test_the_subject_of_a_condition_or_a_question_is_not_accused() -> None:
    """'if indeed Reed is a liar and a fraud, …', 'whether Quill broke the law': supposed or asked, not said."""
    text = ("Harbour Row\n\n\"If indeed Tom Reed is a liar and a fraud, then the whole council is a disgrace,\" Lena "
            "Osk said. The board will decide whether Ada Quill illegally broke the law, Oren Daly said.\n")
    actors = {"Lena Osk": "person", "Tom Reed": "person", "Ada Quill": "person", "Oren Daly": "person"}
    assert _found(text, actors) == []  # the negative words alone
    labels = {"s1": {"accused": ["Tom Reed"], "category": "fraud"},
              "s2": {"accused": ["Ada Quill"], "category": "crime"}}
    assert _found(text, actors, labels) == []
    # said outright, the same words charge him
    text = text.replace("If indeed Tom Reed is", "Tom Reed is").replace(", then the whole", " and the whole")
    assert (["Lena Osk"], ["Tom Reed"]) in _found(text, actors, labels)
