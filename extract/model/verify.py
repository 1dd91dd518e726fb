"""A closed second look at each accusation: one yes/no question per accuser and accused, asked in one request.

Labelling every statement of an article at once, a small model pairs names and wrongs loosely: it blames the
one a statement mentions, the one harmed, the speaker's own committee, or reads a wrong into a neutral fact.
Asked about one statement and one actor at a time ("Does X say that Y did something wrong?"), with the
article still in its context, it answers far better. The grammar (`allegations.judge`) proposes the pairs;
the answer keeps or drops each. The questions share the article prefix of the other requests (llama.cpp
reuses it) and each answer is a few tokens.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any, Literal

from pydantic import create_model

from extract.language.actors import ActorDraft
from extract.language.allegations import Accusation
from extract.model.answers import Answer

YES, NO = "yes", "no"
#: The environment variable that turns the checking round on ("1"). Off by default: on the whole real-news set
#: it removed 7 false allegations and 4 true ones (P/R/F1 0.51/0.34/0.41 -> 0.57/0.27/0.37), and on the seeds
#: it dropped a true accused (F1 0.89 -> 0.75); see bench/results/quality-real-judge-check.md.
CHECK_VARIABLE = "EXTRACT_CHECK_ACCUSATIONS"


def check_accusations() -> bool:
    """Whether runs ask the checking round (a third request per chunk with accusations)."""
    return os.environ.get(CHECK_VARIABLE, "") == "1"


#: The environment variable that decides the second look when no option does: on unless it is "0" (or "false",
#: "no", "off"). On by default: on the real set it found 2 true allegations more and no false one (P/R/F1
#: 0.70/0.53/0.61 -> 0.71/0.56/0.63), at one request more in 3 of 36 articles
#: (bench/results/allegations-real-second-look.md). `--no-second-look` / `second_look=False` turn it off.
SECOND_LOOK_VARIABLE = "EXTRACT_SECOND_LOOK"
_OFF = frozenset({"0", "false", "no", "off"})


def second_look() -> bool:
    """Whether runs ask the second look when no option says (one more request per chunk worth asking about)."""
    return os.environ.get(SECOND_LOOK_VARIABLE, "1").strip().lower() not in _OFF


#: Longest quotation shown in a question (characters): the article above holds the rest.
QUOTE_CHARS = 320


@dataclass(frozen=True)
class Check:
    """One question: does `accusation`'s accuser say that `accused` did something wrong?"""

    accusation: Accusation
    accused: ActorDraft


def checks_for(accusations: list[Accusation]) -> list[Check]:
    """One check per accused of each accusation, in order."""
    return [Check(acc, who) for acc in accusations for who in acc.accused]


def quote(text: str, acc: Accusation) -> str:
    """The words said, cut at a word boundary when long (as the chunk's rows show them, without the attribution)."""
    words = " ".join(acc.statement.said(text).split())
    if len(words) > QUOTE_CHARS:
        words = words[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
    return words


def format_questions(text: str, checks: list[Check]) -> str:
    """The questions as the model sees them, one per line, numbered q1, q2 and on."""
    return "\n".join(
        f'q{n}. {c.accusation.accusers[0].name} said: "{quote(text, c.accusation)}" -- Does '
        f"{c.accusation.accusers[0].name} say that {c.accused.name} did something wrong?"
        for n, c in enumerate(checks, 1)
    )


def verdicts_answer(count: int) -> type[Answer]:
    """Answer to the questions: `{"q1": "yes" | "no", …}`, every key required, in order."""
    fields: dict[str, Any] = {f"q{n}": (Literal["yes", "no"], ...) for n in range(1, count + 1)}
    model: type[Answer] = create_model("Verdicts", __base__=Answer, **fields)
    model.prompt_schema = {
        "type": "object",
        "description": f"one key per question: {', '.join(fields)}",
        "additionalProperties": {"enum": [YES, NO]},
    }
    return model


def max_tokens(count: int) -> int:
    """Output budget: `"q12": "yes", ` is at most ~8 tokens."""
    return 10 * count + 20


def kept(checks: list[Check], answer: Any) -> list[Accusation]:
    """The accusations with the accused the model confirmed; an accusation with none left is dropped."""
    confirmed: dict[int, list[ActorDraft]] = {}
    order: dict[int, Accusation] = {}
    for n, check in enumerate(checks, 1):
        order.setdefault(id(check.accusation), check.accusation)
        if getattr(answer, f"q{n}") == YES:
            confirmed.setdefault(id(check.accusation), []).append(check.accused)
    return [replace(acc, accused=confirmed[key]) for key, acc in order.items() if key in confirmed]
