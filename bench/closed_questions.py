#!/usr/bin/env python3
"""How well the model answers a closed question about an accused, scored against the gold (issue 12).

    python bench/closed_questions.py --gold bench/real/gold [--gold …] --base-url URL --model NAME \\
        [--mode llama-schema] [--form verify] [--form choice] [--form explicit]

Replays the pipeline in-process on every article of each gold folder (its own requests come from the response
cache when unchanged) and then asks, through the same client and cache, one closed question more per chunk and
form about

- `dropped`: each name the judge's rule "no wrong, no ill words" dropped (the statement's speaker accusing it),
  split by whether the judge's other rules would keep it were the model's yes to stand for the wrong
  (`rest keeps`: what sending those names to the second look instead could add) or drop it anyway;
- `kept`: each accused of the accusations the record keeps (its first accuser accusing it), by what proposed it
  (what a checking round could remove).

Forms, asked in the order given (the later ones reuse the server's cached article prefix, so cost less):
`verify` is the checking round's wording (`prompts/verify.md`: one yes/no per accuser and accused);
`choice` asks per statement "which of these names does the speaker say did something wrong", among every
name the statement's words name (not only the candidates): an answer may pick a name that is no candidate
(`new` in the table); `explicit` names the wrong (the label's category and what it covers) and says that a
report of deeds, plans or views is no charge. Each pair is `right` when a gold allegation has the accuser
among its accusers, the accused among its accused and a claim the statement's words match (as
`judge_rules.py` reads a drop), else `wrong`. The tables give, per form, set and group, the model's yes/no
against right/wrong, and the cost: requests and seconds of the extra questions. Refused on the blind sets.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from string import Template
from types import SimpleNamespace
from typing import Any, Literal

from benchlib import is_blind, replay_options
from pydantic import create_model
from real.check_gold import DEFAULT_DATA, find_article

import extract.language.allegations as allegations
import extract.pipeline as pipeline
from extract.api import extract
from extract.language.allegations import Accusation, Dropped, judge
from extract.language.frames import mention_spans
from extract.model.answers import Answer
from extract.model.verify import checks_for, format_questions, quote, verdicts_answer
from extract.model.verify import max_tokens as verify_tokens
from extract.output.evaluation import _claim_score, _resolve, normalize_name
from extract.output.gold import Gold, load_golds
from schemas import ALLEGATION_CATEGORIES

RULE = "no wrong, no ill words"
BOTH = "every form"  # the pseudo-form whose yes is every form's yes

CHOICE_TASK = Template("""\
TASK: each QUESTION below quotes a statement of the ARTICLE above, with its speaker, and lists the
actors its words name. For each question, list the actors the speaker, in those words, blames: says that they
did or do something wrong or harmful, such as enabling or helping a war, supplying weapons, attacking, hiding
things, lying, cheating, corruption, abuse, crimes, bias, or failing in a duty. Leave out an actor that is the
one harmed, threatened or asked to act, or is only mentioned, praised or defended. An empty list if the speaker
blames none of them.

QUESTIONS:
$questions""")

#: The third form: the wrong stated (the label's category and what it covers), a report of deeds or views told
#: from a charge.
EXPLICIT_TASK = Template("""\
TASK: each QUESTION below quotes a statement of the ARTICLE above, with its speaker, names one actor and one kind
of wrong. Answer "yes" only if the speaker, in those words, charges this actor with that wrong or another wrong
or harm: says that the actor did or does something wrong. Answer "no" if the words only report what the actor
did, said, decided or plans without calling it wrong, or give an opinion about a policy; and "no" if the actor
is the one harmed, threatened or asked to act, or is only mentioned, praised or defended.

QUESTIONS:
$questions""")


@dataclass
class Pair:
    """One closed question's subject: in statement `st`, does `accuser` say `accused` did something wrong?"""

    group: str  # "dropped" or "kept (label)", "kept (words)", …
    st: Any
    accuser: Any
    accused: Any
    category: str = "other"
    answers: dict[str, bool] = field(default_factory=dict)


_judged: dict[int, tuple[Any, ...]] = {}  # id(statement) -> the judge's arguments (text, statement, …)
_drops: list[tuple[Any, str, list[Any]]] = []
_final: list[Accusation] = []
_cost: Counter[str] = Counter()
_pairs: list[Pair] = []
_new: list[Pair] = []  # names a choice picked that were no candidate
_forms = ["verify"]


def _traced_judge(*args: Any, **kwargs: Any) -> Any:
    given: Dropped | None = kwargs.pop("dropped", None)
    dropped = [] if given is None else given  # the pipeline reads the trace too (its second look's candidates)
    st = args[1]
    _judged[id(st)] = args
    verdict = judge(*args, **kwargs, dropped=dropped)
    _drops.extend((st, rule, names) for rule, names in dropped)
    return verdict


def _traced_assemble(text: str, acting: Any, stmts: Any, accusations: list[Accusation], denials: Any) -> Any:
    _final[:] = accusations
    return _assemble(text, acting, stmts, accusations, denials)


def named_in(st: Any) -> list[Any]:
    """The actors the statement's words name (not its speaker), in order of first mention."""
    actors, described = _judged[id(st)][4:6] if id(st) in _judged else ([], {})
    start, end = st.span
    at = {}
    for d in actors:
        spans = [s for s, e in mention_spans(d, described) if start <= s and e <= end]
        if spans and d is not st.speaker:
            at[id(d)] = (min(spans), d)
    return [d for _, d in sorted(at.values(), key=lambda x: x[0])]


def rest_keeps(st: Any, accused: Any) -> bool:
    """Whether the judge's other rules keep `accused` once a yes stands for the wrong the words do not name."""
    text, _, _, category, actors, described, sentences = _judged[id(st)][:7]
    names_a_wrong = allegations.names_a_wrong
    allegations.names_a_wrong = lambda said: True  # type: ignore[assignment]  # the yes names the wrong
    try:
        verdict = allegations.judge_label(text, st, [accused], category or "other", actors, described, sentences)
    finally:
        allegations.names_a_wrong = names_a_wrong  # type: ignore[assignment]
    return verdict is not None and any(d is accused for d in verdict.accused)


def choice_answer(options: list[list[str]]) -> type[Answer]:
    """Answer to the choice questions: `{"q1": [names…], …}`, each list from that question's names."""
    fields: dict[str, Any] = {
        f"q{n}": (list[Literal[tuple(names)]], ...)  # type: ignore[misc]
        for n, names in enumerate(options, 1)
    }
    model: type[Answer] = create_model("Choices", __base__=Answer, **fields)
    return model


def _traced_plan(text: str, prompts: Any, *args: Any, **kwargs: Any) -> Any:
    _judged.clear(), _drops.clear(), _final.clear()
    result = yield from _plan(text, prompts, *args, **kwargs)
    pairs: list[Pair] = []
    seen: set[tuple[int, int]] = set()
    for st, rule, names in _drops:
        for d in names:
            if rule == RULE and (id(st), id(d)) not in seen:
                seen.add((id(st), id(d)))
                pairs.append(Pair(f"dropped ({'rest keeps' if rest_keeps(st, d) else 'rest drops'})",
                                  st, st.speaker, d, _judged[id(st)][3] or "other"))
    for acc in _final:
        for d in acc.accused:
            pairs.append(Pair(f"kept ({acc.proposed_by})", acc.statement, acc.accusers[0], d, acc.category))
    if not pairs:
        return result
    for form in _forms:
        yield from _ask(text, prompts, pairs, form)
    _pairs.extend(pairs)
    return result


def _ask(text: str, prompts: Any, pairs: list[Pair], form: str) -> Any:
    """Ask the closed questions of one form about `pairs`, one request per chunk; the answers go on each pair."""
    chunks = pipeline.split_chunks(text, pipeline.DEFAULT_CHUNK_CHARS)
    requests, asked = [], []
    for start, end in chunks:
        part = [p for p in pairs if start <= p.st.span[0] < end]
        if not part:
            continue
        if form == "verify":
            accusations = [Accusation(p.st, [p.accuser], [p.accused], "other") for p in part]
            checks = checks_for(accusations)
            requests.append(pipeline.ModelRequest(
                "verify", verdicts_answer(len(checks)),
                pipeline._messages(prompts, text[start:end], "verify.md", questions=format_questions(text, checks)),
                verify_tokens(len(checks)), optional=True))
            asked.append((part, None))
        elif form == "explicit":
            lines = []
            for n, p in enumerate(part, 1):
                acc = Accusation(p.st, [p.accuser], [], "other")
                wrong = "any wrong or harm" if p.category == "other" else (
                    f"{p.category.replace('_', ' ')} ({ALLEGATION_CATEGORIES[p.category]})")
                lines.append(f'q{n}. {p.accuser.name} said: "{quote(text, acc)}" -- Does {p.accuser.name} charge '
                             f"{p.accused.name} with a wrong, such as {wrong}?")
            system = prompts.system(text[start:end]) + "\n" + EXPLICIT_TASK.substitute(questions="\n".join(lines))
            requests.append(pipeline.ModelRequest("explicit", verdicts_answer(len(part)), _user(system),
                                                  verify_tokens(len(part)), optional=True))
            asked.append((part, None))
        else:
            by_statement: dict[tuple[int, int], list[Pair]] = defaultdict(list)
            for p in part:
                by_statement[(id(p.st), id(p.accuser))].append(p)
            groups = list(by_statement.values())
            options = []
            lines = []
            for n, group in enumerate(groups, 1):
                offered = [*(d.name for d in named_in(group[0].st)), *(p.accused.name for p in group)]
                names = list(dict.fromkeys(offered))
                names = [x for x in names if x != group[0].accuser.name] or [p.accused.name for p in group]
                options.append(names)
                acc = Accusation(group[0].st, [group[0].accuser], [], "other")
                speaker = group[0].accuser.name
                lines.append(f'q{n}. {speaker} said: "{quote(text, acc)}" -- names: {"; ".join(names)}. '
                             f"Which of them does {speaker} say did something wrong?")
            system = prompts.system(text[start:end]) + "\n" + CHOICE_TASK.substitute(questions="\n".join(lines))
            messages = _user(system)
            budget = sum(8 * len(o) for o in options) + 10 * len(options) + 20
            requests.append(pipeline.ModelRequest("choice", choice_answer(options), messages, budget, optional=True))
            asked.append((part, (groups, options)))
    started = time.monotonic()
    answers = yield requests
    _cost.update({f"{form} requests": len(requests), f"{form} articles": 1})
    _cost[f"{form} seconds"] += time.monotonic() - started  # type: ignore[assignment]
    for (part, choice), answer in zip(asked, answers, strict=True):
        if isinstance(answer, pipeline.Failed):
            _cost[f"{form} failed"] += 1
            continue
        if choice is None:
            for n, p in enumerate(part, 1):
                p.answers[form] = getattr(answer, f"q{n}") == "yes"
        else:
            for n, group in enumerate(choice[0], 1):
                picked = set(getattr(answer, f"q{n}"))
                for p in group:
                    p.answers[form] = p.accused.name in picked
                by_name = {d.name: d for d in named_in(group[0].st)}
                candidates = {p.accused.name for p in group}
                for name in sorted(picked - candidates):
                    if name in by_name:
                        _new.append(Pair("new", group[0].st, group[0].accuser, by_name[name], answers={form: True}))


def _user(system: str) -> list[dict[str, str]]:
    """The messages of a question: the system prompt with its task, and the user's turn the pipeline sends."""
    return [{"role": "system", "content": system},
            {"role": "user", "content": "Do the TASK for the ARTICLE. Answer with JSON only."}]


_plan = pipeline.plan
_read_labels = pipeline._read_labels


def _labels_as_main(*args: Any) -> Any:
    """The labels read without collecting the second look's doubted names: the questions asked about the record
    are those of a pipeline that drops them (the bench measures what asking them would give)."""
    return _read_labels(*args[:8])
_assemble = pipeline.assemble


def _who(draft: Any, gold_names: list[list[str]]) -> frozenset[int]:
    return _resolve(SimpleNamespace(name=draft.name, aliases=draft.aliases), gold_names)  # type: ignore[arg-type]


def right(text: str, gold: Gold, p: Pair) -> bool:
    """Whether a gold allegation has the pair's accuser and accused and a claim the statement's words match."""
    gold_names = [[n for n in map(normalize_name, (a.name, *a.aliases)) if n] for a in gold.actors]
    number = {a.name: i for i, a in enumerate(gold.actors)}
    said = text[p.st.span[0] : p.st.span[1]]
    accuser, accused = _who(p.accuser, gold_names), _who(p.accused, gold_names)
    return any(accuser & {number[n] for n in ga.accuser} and accused & {number[n] for n in ga.accused}
               and _claim_score(said, ga) for ga in gold.allegations)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The model's closed answers about accused, scored by the gold.")
    replay_options(parser, DEFAULT_DATA)
    parser.add_argument("--form", choices=("verify", "choice", "explicit"), action="append",
                        help="a question form (repeatable, asked in this order per article; default verify)")
    parser.add_argument("--only", help="articles whose file name contains this (a quick look)")
    args = parser.parse_args(argv)
    if any(map(is_blind, args.gold)):
        parser.error("not on a blind held-out set")
    _forms[:] = args.form or ["verify"]
    pipeline.plan = _traced_plan  # type: ignore[assignment]
    pipeline.judge = _traced_judge  # type: ignore[attr-defined]
    pipeline.assemble = _traced_assemble  # type: ignore[assignment]
    pipeline._read_labels = _labels_as_main  # type: ignore[assignment]
    table: Counter[tuple[str, str, str, str, str]] = Counter()
    for folder in args.gold:
        for gold in load_golds(folder):
            for name in gold.applies_to:
                if args.only and args.only not in name:
                    continue
                found = find_article(args.data, name)
                if found is None:
                    continue
                _pairs.clear(), _new.clear()
                record = extract(found[1], base_url=args.base_url, model=args.model, mode=args.mode)
                for p in [*_pairs, *_new]:
                    verdict = "right" if right(record.text, gold, p) else "wrong"
                    for form in _forms:
                        if p.group == "new" and form not in p.answers:
                            continue
                        said = {True: "yes", False: "no", None: "failed"}[p.answers.get(form)]
                        table[(form, folder.name, p.group, said, verdict)] += 1
                    if len(_forms) > 1 and p.group != "new":  # yes when every form said yes
                        said = "yes" if all(p.answers.get(f) for f in _forms) else "no"
                        table[(BOTH, folder.name, p.group, said, verdict)] += 1
                print(f"{name}: {len(_pairs)} pairs, {len(_new)} new", file=sys.stderr, flush=True)
    for form in [*_forms, BOTH] if len(_forms) > 1 else _forms:
        asked, seconds = _cost[f"{form} articles"], _cost[f"{form} seconds"]
        print(f"\nform {form}: {_cost[f'{form} requests']} requests on {asked} articles, {seconds:.0f} s "
              f"({seconds / max(1, asked):.1f} s per article asked), {_cost[f'{form} failed']} failed")
        print("| set | group | yes, right | yes, wrong | no, right | no, wrong |")
        print("| :-- | :-- | --: | --: | --: | --: |")
        sets = sorted({k[1] for k in table})
        groups = sorted({k[2] for k in table})
        for s in [*sets, "all"] if len(sets) > 1 else sets:
            for g in groups:
                row = [sum(v for k, v in table.items() if k[0] == form and (k[1] == s or s == "all") and k[2] == g
                           and k[3] == said and k[4] == verdict)
                       for said, verdict in (("yes", "right"), ("yes", "wrong"), ("no", "right"), ("no", "wrong"))]
                if any(row):
                    print(f"| {s} | {g} | {' | '.join(map(str, row))} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
