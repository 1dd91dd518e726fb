#!/usr/bin/env python3
"""A small learned judge for accusations (issue 12), trained on the development sets' allegation gold.

    python bench/learned_judge.py --gold bench/real/gold --gold bench/real/holdout ... \\
        --base-url URL --model NAME [--mode llama-schema] [--rows /tmp/judge-rows.pkl]

Replays every article of the gold folders in-process (answers from the response cache: no new request as long
as the pipeline's requests are unchanged) and keeps three kinds of candidate, one row per (statement, accused):

- `kept`: a pair of an accusation the pipeline keeps (label, words, second look, naming, ...);
- `rescue`: a pair the rule "no wrong, no ill words" drops from a statement the model labelled with a wrong,
  as `judge_label` would have judged it had the words named a wrong (its other rules still apply);
- `pool`: every other pair of a judged statement and an actor its words name (the speaker accusing it).

Each row holds features computed at run time (VADER's scores of the words, `names_a_wrong`, the model's
category and whether it chose the name, where the accused stands: clause subject, doer, owner, after a
preposition, by name or by "he"/a description, named as harmed, own side; kinds of speaker and accused; what
the rest of the article says of the accused: other statements accuse it, it speaks, it denies, it is in the
headline; ...) and its label by the gold: an allegation with the statement's accuser and that accused whose
claim the statement's words match (`evaluation._claim_score`, as `extract eval` matches). No name of an
article is a feature; the statement's words only in the variants that try them (`min_df`).

It then trains a logistic regression (L2, Newton's method on numpy, which `.[local]` installs) and scores it
by leave-one-set-out and by five article folds: per held-out fold, the records re-assembled (`assemble`, as
the pipeline does) with (b) the kept pairs it scores below a threshold dropped, or (a) the rescued pairs it
scores at or above one added, or any other pair so scored added, are evaluated against the gold (allegation
TP / FP / FN as `extract eval` counts) beside today's judge on the same fold; also the ceilings (the gold's
own choice) and the pair-level AUC. Writes `bench/results/NAME.md` (`--name`, default learned-judge).
`--rows FILE` keeps the replay (it holds the articles' words: keep it in /tmp) and reads it on the next run.
Refused on the blind held-out sets. Counts and weights only: no statement is printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import pickle
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
from benchlib import RESULTS, is_blind, md_table, write_report
from real.check_gold import DEFAULT_DATA, find_article

import extract.language.allegations as allegations
import extract.pipeline as pipeline
from extract.api import extract
from extract.language.accusing_verbs import accusing_verbs
from extract.language.allegations import (
    Accusation,
    Dropped,
    clause_subject,
    doers,
    judge,
    judge_label,
    not_accusable,
    opens_clause,
)
from extract.language.categories import names_a_wrong, without_prevented
from extract.language.evaluative import _ASCII_QUOTES, _analyzer, speaks_ill
from extract.language.frames import accusing_frame, mention_spans, sentence_window
from extract.language.ill_said_of import ill_where_named
from extract.language.sides import own_side
from extract.output.assembly import assemble
from extract.output.evaluation import _claim_score, _resolve, evaluate, normalize_name
from extract.output.gold import Gold, load_golds

RULE = "no wrong, no ill words"
_PREPOSITION = re.compile(r"\b(?:of|to|for|with|against|on|at|from|by|about|under|in|over|toward|towards)\s+"
                          r"(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
_POSSESSOR = re.compile(r"['’]s?\b")
_NEGATION = re.compile(r"\b(?:not|never|no|nobody|nothing)\b|n['’]t\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:should|would|could|might|may|must|will|going to)\b", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:if|whether|unless)\b", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|we|our|us|me|my)\b")
KINDS = ("person", "organization", "country", "other")
PROPOSERS = ("label", "words", "second look", "none")


# --------------------------------------------------------------------------------------------- collection


@dataclasses.dataclass
class Article:
    """One replayed article: what re-assembling its record needs, and its gold."""

    folder: str
    name: str
    gold: Gold
    record: Any
    text: str
    every_actor: list[Any]
    stmts: list[Any]
    accusations: list[Any]
    denials: list[Any]
    rescues: list[Any]  # Accusations the rule dropped, as judged had the words named a wrong
    #: Every other pair of a judged statement and a name in its words, as a one-accused accusation by its speaker.
    pool: list[Any] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Row:
    """One candidate pair: where it comes from, its features, its gold label."""

    kind: str  # "kept" or "rescue"
    folder: str
    article: int  # index into the articles
    accusation: int  # index into the article's accusations (kept) or rescues (rescue)
    accused: int  # index into that accusation's accused
    features: dict[str, float]
    right: bool
    words: set[str] = dataclasses.field(default_factory=set)


_state: dict[str, Any] = {}
_taking_part = pipeline._taking_part
_assemble = pipeline.assemble


def _traced_judge(text: str, st: Any, proposed: list[Any], category: str | None, actors: list[Any],
                  described: dict[int, Any], sentences: list[Any], dropped: Dropped | None = None) -> Any:
    trace: Dropped = []
    verdict = judge(text, st, proposed, category, actors, described, sentences, trace)
    _state["context"][id(st)] = (actors, described, sentences, category, [d.name for d in proposed])
    _state["judged"][id(st)] = st
    if category is not None and any(rule == RULE for rule, _ in trace):
        done = without_prevented(text[st.span[0] : st.span[1]])
        real = allegations.names_a_wrong
        allegations.names_a_wrong = lambda s: True if s == done else real(s)  # type: ignore[assignment]
        try:
            rescued = judge_label(text, st, proposed, category, actors, described, sentences)
        finally:
            allegations.names_a_wrong = real
        if rescued is not None:
            _state["rescues"].append(rescued)
    return verdict


def _traced_taking_part(text: str, drafts: list[Any], stmts: list[Any], accusations: list[Any],
                        warnings: list[str]) -> Any:
    _state["parts"] = (drafts, stmts, list(accusations))
    return _taking_part(text, drafts, stmts, accusations, warnings)


def _traced_assemble(text: str, drafts: list[Any], stmts: list[Any], accusations: list[Any],
                     denials: list[Any]) -> Any:
    _state["denials"] = list(denials)
    return _assemble(text, drafts, stmts, accusations, denials)


def rebuild(art: Article, accusations: list[Any]) -> Any:
    """The article's record with these accusations instead of the pipeline's (actors taking part anew)."""
    drafts = _taking_part(art.text, art.every_actor, art.stmts, accusations, [])
    actors, statements, found = assemble(art.text, drafts, art.stmts, accusations, art.denials)
    return art.record.model_copy(update={"actors": actors, "statements": statements, "allegations": found})


def collect(folders: list[Path], data: Path, base_url: str, model: str, mode: str) -> tuple[list[Article], list[Row]]:
    """Replay every article of the folders and build the candidate rows."""
    pipeline.judge = _traced_judge  # type: ignore[assignment]  # the pipeline calls it by this name
    pipeline._taking_part = _traced_taking_part  # type: ignore[assignment]
    pipeline.assemble = _traced_assemble  # type: ignore[assignment]
    articles: list[Article] = []
    rows: list[Row] = []
    for folder in folders:
        for gold in load_golds(folder):
            for name in gold.applies_to:
                found = find_article(data, name)
                if found is None:
                    continue
                _state.update(context={}, judged={}, rescues=[], parts=None, denials=[])
                record = extract(found[1], base_url=base_url, model=model, mode=mode)
                drafts, stmts, accusations = _state["parts"]
                art = Article(folder.name, name, gold, record, record.text, drafts, stmts, accusations,
                              _state["denials"], list(_state["rescues"]))
                again = rebuild(art, accusations)
                if [a.model_dump() for a in again.allegations] != [a.model_dump() for a in record.allegations]:
                    raise SystemExit(f"{name}: the re-assembled record differs from the pipeline's")
                rows += article_rows(art, len(articles), _state["context"], list(_state["judged"].values()))
                articles.append(art)
    return articles, rows


def article_rows(art: Article, index: int, context: dict[int, Any], judged: list[Any]) -> list[Row]:
    """The candidate rows of one article: its kept pairs, its rescued pairs, and every other pair of a judged
    statement and an actor its words name (`pool`: what the judge did not keep, to learn from)."""
    gold = art.gold
    gold_names = [[n for n in map(normalize_name, (a.name, *a.aliases)) if n] for a in gold.actors]
    number = {a.name: i for i, a in enumerate(gold.actors)}

    def who(draft: Any) -> frozenset[int]:
        return _resolve(SimpleNamespace(name=draft.name, aliases=draft.aliases), gold_names)  # type: ignore[arg-type]

    def row(kind: str, n: int, acc: Accusation, k: int) -> Row:
        said = art.text[acc.statement.span[0] : acc.statement.span[1]]
        accusers = frozenset().union(*(who(a) for a in acc.accusers))
        accused = who(acc.accused[k])
        right = any(accusers & {number[x] for x in ga.accuser} and accused & {number[x] for x in ga.accused}
                    and _claim_score(said, ga) for ga in gold.allegations)
        feats = pair_features(art.text, acc, acc.accused[k], context[id(acc.statement)], art.every_actor)
        feats.update(article_features(art, acc, acc.accused[k]))
        feats.update(judge_kept=float(kind == "kept"), rescued=float(kind == "rescue"))
        return Row(kind, art.folder, index, n, k, feats, right, words_of(said))

    rows = []
    seen = set()
    for kind, items in (("kept", art.accusations), ("rescue", art.rescues)):
        for n, acc in enumerate(items):
            for k, draft in enumerate(acc.accused):
                rows.append(row(kind, n, acc, k))
                seen.add((id(acc.statement), id(draft)))
    for st in judged:
        actors, described, _, category, _ = context[id(st)]
        start, end = st.span
        for draft in actors:
            if draft is st.speaker or (id(st), id(draft)) in seen or not any(
                    start <= s and e <= end for s, e in mention_spans(draft, described)):
                continue
            seen.add((id(st), id(draft)))
            pseudo = Accusation(st, [st.speaker], [draft], category or "other", "label" if category else "none")
            rows.append(row("pool", len(art.pool), pseudo, 0))
            art.pool.append(pseudo)
    return rows


# ----------------------------------------------------------------------------------------------- features


def pair_features(text: str, acc: Accusation, draft: Any, context: Any, every_actor: list[Any]) -> dict[str, float]:
    """What the run knows of one (statement, accused) pair, as numbers; no name or word of the article."""
    actors, described, sentences, category, proposed = context
    st = acc.statement
    start, end = st.span
    said = text[start:end]
    done = without_prevented(said)
    vader = _analyzer().polarity_scores(done.translate(_ASCII_QUOTES))
    spans = [(s, e) for s, e in mention_spans(draft, described) if start <= s and e <= end]
    by_name = [(s, e) for s, e in draft.mentions if start <= s and e <= end]
    first = min(spans) if spans else None
    frame = accusing_frame(text, st, actors, described, sentences, wrong=category is not None)
    named = {id(d) for d in actors for s, e in mention_spans(d, described) if start <= s and e <= end}
    window = sentence_window(st.span, sentences)
    mentions = Counter(id(d) for d in every_actor for _ in d.mentions)
    most = max(mentions.values(), default=1)
    words = len(said.split())
    f: dict[str, float] = {
        "vader_compound": vader["compound"],
        "vader_neg": vader["neg"],
        "vader_pos": vader["pos"],
        "names_a_wrong": float(names_a_wrong(done)),
        "speaks_ill": float(speaks_ill(done)),
        "model_none": float(category is None),
        "model_chose_it": float(draft.name in proposed),
        "model_named_many": float(len(proposed) > 1),
        "accused_many": float(len(acc.accused) > 1),
        "offered_log": math.log1p(len(named)),
        "frame_accused": float(frame is not None and frame.accused is draft),
        "frame_by_verb": float(frame is not None and frame.accused is draft and frame.by_verb),
        "frame_other": float(frame is not None and frame.accused is not draft),
        "doer": float(id(draft) in doers(text, start, end, actors, described)),
        "subject": float(any(opens_clause(text, start, s) and clause_subject(text, s, e) for s, e in spans)),
        "after_preposition": float(first is not None and _PREPOSITION.search(text, max(0, first[0] - 20), first[0])
                                   is not None),
        "possessor": float(first is not None and _POSSESSOR.match(text, first[1]) is not None),
        "by_name": float(bool(by_name)),
        "not_in_words": float(not spans),
        "ill_where_named": float(ill_where_named(text, start, end, draft, actors, described, sentences)),
        "harmed": float(id(draft) in not_accusable(text, *window, actors, described)),
        "own_side": float(id(draft) in own_side(text, st, actors)),
        "position": (first[0] - start) / max(1, end - start) if first else 1.0,
        "direct": float(st.candidate.kind == "direct"),
        "words_log": math.log1p(words),
        "negation": float(_NEGATION.search(said) is not None),
        "modal": float(_MODAL.search(said) is not None),
        "conditional": float(_CONDITIONAL.search(said) is not None),
        "question": float("?" in said),
        "second_person": float(_SECOND_PERSON.search(said) is not None),
        "first_person": float(_FIRST_PERSON.search(said) is not None),
        "salience": mentions[id(draft)] / most,
        "speaker_salience": mentions[id(st.speaker)] / most,
        "frame_accuser": float(acc.accusers[0] is not st.speaker),
    }
    for kind in KINDS:
        f[f"accused_{kind}"] = float(draft.kind == kind)
        f[f"speaker_{kind}"] = float(st.speaker.kind == kind)
    for by in PROPOSERS:
        f[f"by_{by}"] = float(acc.proposed_by == by)
    f["by_shape"] = float(acc.proposed_by not in PROPOSERS)
    f["category_other"] = float(acc.category == "other")
    return f


def article_features(art: Article, acc: Accusation, draft: Any) -> dict[str, float]:
    """What the rest of the article says of the accused: others accuse it, it speaks, it denies, it accuses back."""
    others = [a for a in art.accusations if a is not acc and any(d is draft for d in a.accused)]
    accusers = {id(a.statement.speaker) for a in others}
    speaker = acc.statement.speaker
    side = {id(draft), id(draft.affiliation), id(draft.represents)} - {id(None)}
    headline = art.text.split("\n", 1)[0]
    start, end = acc.statement.span
    return {
        "support_log": math.log1p(len(others)),
        "support_voices": float(bool(accusers - {id(speaker)})),
        "accused_speaks": math.log1p(sum(st.speaker is draft for st in art.stmts)),
        "accused_denies": float(any(id(st.speaker) in side or id(st.speaker.represents) in side
                                    for st in art.denials)),
        "accuses_back": float(any(a.statement.speaker is draft and any(d is speaker for d in a.accused)
                                  for a in art.accusations)),
        "in_headline": float(any(e <= len(headline) for _, e in draft.mentions)),
        "cue_accuses": float(next(accusing_verbs(art.text, max(0, start - 80), min(len(art.text), end + 80)), None)
                             is not None),
    }


def words_of(said: str) -> set[str]:
    """The lower-cased words of a statement, for the word features (`--words`)."""
    return set(re.findall(r"[a-z]+(?:['’][a-z]+)?", said.lower()))


# -------------------------------------------------------------------------------------- the learned model


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 400) -> np.ndarray:
    """Logistic regression with an L2 penalty on the weights (not the bias), by Newton's method."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    penalty = np.full(x1.shape[1], l2)
    penalty[-1] = 1e-6
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x1 @ w))
        grad = x1.T @ (p - y) + penalty * w
        hess = (x1.T * (p * (1 - p))) @ x1 + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


class Model:
    """Standardised features (and word indicators, for words in at least `min_df` training rows), fitted weights."""

    def __init__(self, names: list[str], rows: list[Row], l2: float, min_df: int = 0) -> None:
        self.names = names
        df = Counter(w for r in rows for w in r.words)
        self.vocab = sorted(w for w, n in df.items() if n >= min_df) if min_df else []
        x = np.array([self.vector(r) for r in rows])
        y = np.array([float(r.right) for r in rows])
        self.mean = x.mean(axis=0)
        self.scale = x.std(axis=0)
        self.scale[self.scale == 0] = 1.0
        self.w = fit((x - self.mean) / self.scale, y, l2)

    def vector(self, row: Row) -> list[float]:
        return [row.features[n] for n in self.names] + [float(w in row.words) for w in self.vocab]

    def prob(self, row: Row) -> float:
        x = (np.array(self.vector(row)) - self.mean) / self.scale
        return float(1 / (1 + math.exp(-(x @ self.w[:-1] + self.w[-1]))))

    def weights(self) -> list[tuple[str, float]]:
        """Each feature's weight on the standardised scale, largest first."""
        return sorted(zip([*self.names, *self.vocab], self.w[:-1], strict=True), key=lambda p: -abs(p[1]))


# ---------------------------------------------------------------------------------------------- scoring


def filtered(art: Article, rows: list[Row], keep: Callable[[Row], bool]) -> list[Any]:
    """The article's accusations with the kept pairs `keep` refuses dropped and the rescues it accepts added."""
    drop = {(r.accusation, r.accused) for r in rows if r.kind == "kept" and not keep(r)}
    add = {(r.accusation, r.accused) for r in rows if r.kind == "rescue" and keep(r)}
    pooled = {r.accusation for r in rows if r.kind == "pool" and keep(r)}
    out = []
    for n, acc in enumerate(art.accusations):
        accused = [d for k, d in enumerate(acc.accused) if (n, k) not in drop]
        if accused:
            out.append(dataclasses.replace(acc, accused=accused))
    for n, acc in enumerate(art.rescues):
        accused = [d for k, d in enumerate(acc.accused) if (n, k) in add]
        if accused:
            out.append(dataclasses.replace(acc, accused=accused))
    out += [acc for n, acc in enumerate(art.pool) if n in pooled]
    return sorted(out, key=lambda a: a.statement.number)


def score(articles: list[Article], which: list[int], rows: list[Row], keep: Callable[[Row], bool]) -> Counter[str]:
    """Allegation TP / FP / FN over the articles `which`, their records rebuilt with `keep`'s choices."""
    total = Counter[str]()
    for i in which:
        art = articles[i]
        mine = [r for r in rows if r.article == i]
        record = rebuild(art, filtered(art, mine, keep))
        s = evaluate([record], [art.gold]).articles[0].scores["allegations"]
        total.update(tp=s.tp, fp=s.fp, fn=s.fn)
    return total


def f1(c: Counter[str]) -> tuple[float, float, float]:
    p = c["tp"] / max(1, c["tp"] + c["fp"])
    r = c["tp"] / max(1, c["tp"] + c["fn"])
    return p, r, 2 * p * r / max(1e-9, p + r)


#: A small set of general features, tried beside all of them.
FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "small": ("accused_many", "model_named_many", "conditional", "modal", "negation", "by_words", "vader_compound",
              "names_a_wrong", "subject", "by_name", "direct", "first_person", "salience", "accused_person"),
}


def folds(articles: list[Article], by: str) -> list[tuple[str, list[int]]]:
    """Held-out folds of article indices: one per gold folder ("set"), or five random ones ("article")."""
    if by == "set":
        names = list(dict.fromkeys(a.folder for a in articles))
        return [(n, [i for i, a in enumerate(articles) if a.folder == n]) for n in names]
    order = list(range(len(articles)))
    random.Random(0).shuffle(order)
    return [(f"fold {k + 1}", sorted(order[k::5])) for k in range(5)]


@dataclasses.dataclass(frozen=True)
class Variant:
    """One way to use the learned judge: what it decides, what it learns from, its features and threshold.

    `use`: "filter" drops kept pairs scored below `threshold`; "rescue" adds the rule's dropped pairs scored at
    or above it; "add" adds any other pair of a judged statement and a name in its words scored at or above it.
    `pool`: learn from every pair (the judge's verdict a feature), else only from the pairs of the kind decided.
    """

    use: str
    pool: bool
    threshold: float
    features: str = "all"
    l2: float = 10.0
    min_df: int = 0  # word features: words in at least this many training rows (0: none)

    def label(self) -> str:
        words = f", words df>={self.min_df}" if self.min_df else ""
        return (f"{self.use} < {self.threshold}" if self.use == "filter" else f"{self.use} >= {self.threshold}") + (
            f" ({'all pairs' if self.pool else 'own kind'}, {self.features}{words}, L2 {self.l2:g})")

    def names(self, rows: list[Row]) -> list[str]:
        return list(rows[0].features) if self.features == "all" else list(FEATURE_SETS[self.features])

    def train(self, rows: list[Row]) -> Model:
        kind = {"filter": "kept", "rescue": "rescue", "add": "pool"}[self.use]
        return Model(self.names(rows), rows if self.pool else [r for r in rows if r.kind == kind], self.l2,
                     self.min_df)

    def keeps(self, model: Model) -> Callable[[Row], bool]:
        def keep(r: Row) -> bool:
            if r.kind == "kept":
                return self.use != "filter" or model.prob(r) >= self.threshold
            decided = {"rescue": "rescue", "add": "pool"}.get(self.use)
            return r.kind == decided and model.prob(r) >= self.threshold
        return keep


def cross_validate(articles: list[Article], rows: list[Row], by: str,
                   variant: Variant) -> list[tuple[str, Counter[str], Counter[str]]]:
    """Per held-out fold: today's TP/FP/FN and the learned judge's, trained on the other folds."""
    out = []
    for label, held in folds(articles, by):
        inside = set(held)
        model = variant.train([r for r in rows if r.article not in inside])
        base = score(articles, held, rows, lambda r: r.kind == "kept")
        out.append((label, base, score(articles, held, rows, variant.keeps(model))))
    return out


def auc(pairs: list[tuple[float, bool]]) -> float:
    """The chance a right pair scores above a wrong one (ties count half)."""
    pos = [p for p, y in pairs if y]
    neg = [p for p, y in pairs if not y]
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / max(1, len(pos) * len(neg))


VARIANTS = (
    *(Variant("filter", pool, t) for pool in (False, True) for t in (0.3, 0.4, 0.5)),
    Variant("filter", False, 0.4, "small"),
    Variant("filter", True, 0.4, min_df=5),
    *(Variant("rescue", pool, t) for pool in (False, True) for t in (0.4, 0.5)),
    *(Variant("add", True, t) for t in (0.5, 0.6, 0.7)),
)


def verdict(per: list[tuple[str, Counter[str], Counter[str]]]) -> list[str]:
    """Whether a variant goes in: F1 up and precision not down in most held-out folds and in their sum."""
    better = sum(f1(c)[2] > f1(b)[2] and f1(c)[0] >= f1(b)[0] for _, b, c in per)
    worse = sum(f1(c)[2] < f1(b)[2] for _, b, c in per)
    base = sum((b for _, b, _ in per), Counter[str]())
    mine = sum((c for _, _, c in per), Counter[str]())
    (p0, _, f0), (p1, _, f1_) = f1(base), f1(mine)
    go = better > len(per) / 2 and f1_ > f0 and p1 >= p0
    return [f"{better} / {worse}", f"{f0:.3f} -> {f1_:.3f}", f"{p0:.3f} -> {p1:.3f}", "go" if go else "no"]


def figures(c: Counter[str]) -> list[str]:
    return [str(c["tp"]), str(c["fp"]), str(c["fn"]), *(f"{x:.3f}" for x in f1(c))]


def report(articles: list[Article], rows: list[Row]) -> list[tuple[str, str]]:
    """The report's sections: rows, ceilings, pair-level AUC, the cross-validated variants, per fold, weights."""
    count = Counter((r.kind, r.right) for r in rows)
    every = list(range(len(articles)))
    kinds = md_table(["pairs", "right", "wrong"], [[k, count[(k, True)], count[(k, False)]]
                                                   for k in ("kept", "rescue", "pool")])
    ceilings = []
    for name, keep in (("today's judge", lambda r: r.kind == "kept"),
                       ("filter: every wrong kept pair dropped", lambda r: r.kind == "kept" and r.right),
                       ("rescue: every right rescued pair added", lambda r: r.kind == "kept" or (
                           r.kind == "rescue" and r.right)),
                       ("add: every right other pair added", lambda r: r.kind == "kept" or (
                           r.kind == "pool" and r.right)),
                       ("all three", lambda r: r.right)):
        ceilings.append([name, *figures(score(articles, every, rows, keep))])
    ceiling = md_table(["records rebuilt with", "TP", "FP", "FN", "P", "R", "F1"], ceilings)
    print(f"{len(articles)} articles\n{kinds}\n\n{ceiling}", flush=True)
    aucs = []
    for variant in (Variant("filter", False, 0.5), Variant("filter", False, 0.5, "small"),
                    Variant("filter", True, 0.5), Variant("filter", True, 0.5, min_df=5)):
        line = [variant.label().split(" (")[1].rstrip(")")]
        for by in ("set", "article"):
            pairs = []
            for _, held in folds(articles, by):
                model = variant.train([r for r in rows if r.article not in set(held)])
                pairs += [(model.prob(r), r.right) for r in rows if r.article in set(held) and r.kind == "kept"]
            line.append(f"{auc(pairs):.3f}")
        aucs.append(line)
    auc_table = md_table(["learned from", "AUC, set folds", "AUC, article folds"], aucs)
    print(f"\n{auc_table}", flush=True)
    lines = []
    per_fold: dict[Variant, dict[str, list[tuple[str, Counter[str], Counter[str]]]]] = {}
    for variant in VARIANTS:
        for by in ("set", "article"):
            per = cross_validate(articles, rows, by, variant)
            per_fold.setdefault(variant, {})[by] = per
            total = sum((c for _, _, c in per), Counter[str]())
            better = sum(f1(c)[2] > f1(b)[2] and f1(c)[0] >= f1(b)[0] for _, b, c in per)
            worse = sum(f1(c)[2] < f1(b)[2] for _, b, c in per)
            lines.append([variant.label(), by, f"{better} / {worse}", *figures(total)])
            print("| " + " | ".join(lines[-1]) + " |", flush=True)
    cv = md_table(["variant", "folds", "folds better / worse", "TP", "FP", "FN", "P", "R", "F1"], lines)
    verdicts = [[v.label(), *verdict(per_fold[v]["set"])] for v in VARIANTS]
    go = md_table(["variant", "set folds better / worse", "F1 summed", "P summed", "go"], verdicts)
    best = max(VARIANTS, key=lambda v: f1(sum((c for _, _, c in per_fold[v]["set"]), Counter[str]()))[2])
    fold_rows = [[label, *figures(b)[:3], *figures(c)[:3], f"{f1(b)[2]:.3f} -> {f1(c)[2]:.3f}"]
                 for label, b, c in per_fold[best]["set"]]
    by_fold = md_table(["held-out set", "TP", "FP", "FN", "TP", "FP", "FN", "F1"], fold_rows)
    weights = Variant("filter", True, 0.5).train(rows).weights()
    weight_table = md_table(["feature", "weight"], [[n, f"{w:+.2f}"] for n, w in weights[:20]])
    return [
        ("Candidate pairs", kinds),
        ("Ceilings (the gold's own choice, all 74 articles)", ceiling),
        ("Pair-level AUC of the kept pairs (scored by a model that did not see their fold)", auc_table),
        ("Cross-validated allegations (sums over the held-out folds; today's judge: the first ceiling row)", cv),
        ("Go / no-go: F1 up and precision not down in at least 3 of the 5 held-out sets, and summed", go),
        (f"Per held-out set, the best variant by set-fold F1: {best.label()} (today's judge | learned)", by_fold),
        ("Weights of the model learned from every pair of the 74 articles (standardised features, top 20)",
         weight_table),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A learned judge for accusations, by cross-validation.")
    parser.add_argument("--gold", type=Path, action="append", default=[], help="a gold folder (repeatable)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--base-url")
    parser.add_argument("--model")
    parser.add_argument("--mode", default="llama-schema")
    parser.add_argument("--rows", type=Path, help="a pickle of the replay (/tmp): written if missing, else read")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--name", default="learned-judge")
    args = parser.parse_args(argv)
    if any(map(is_blind, args.gold)):
        parser.error("not on a blind held-out set")
    if args.rows is not None and args.rows.exists():
        articles, rows = pickle.loads(args.rows.read_bytes())
    else:
        if not args.base_url or not args.model or not args.gold:
            parser.error("--gold, --base-url and --model are needed to replay")
        articles, rows = collect(args.gold, args.data, args.base_url, args.model, args.mode)
        if args.rows is not None:
            args.rows.write_bytes(pickle.dumps((articles, rows)))
    sections = report(articles, rows)
    path = write_report(args.name, "A learned judge for accusations, cross-validated on the development sets",
                        sections, results_dir=args.results)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    random.seed(0)
    sys.exit(main())
