"""`bench/learned_judge.py`'s own arithmetic: the fit, the AUC, the folds and the go / no-go rule.

The bench decides whether a learned judge goes into `extract/`; a fit that learned nothing or a fold that
leaked its articles into training would decide wrong.
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    pytest.importorskip("numpy")
    sys.path.insert(0, str(BENCH))
    try:
        yield importlib.import_module("learned_judge")
    finally:
        sys.path.remove(str(BENCH))


def test_the_fit_weighs_the_feature_that_tells_right_from_wrong(bench: ModuleType) -> None:
    import numpy as np

    rng = np.random.default_rng(0)
    signal = rng.integers(0, 2, 400).astype(float)
    noise = rng.normal(size=400)
    right = (signal + rng.normal(scale=0.3, size=400) > 0.5).astype(float)
    w = bench.fit(np.column_stack([signal, noise]), right, l2=1.0)
    assert w[0] > 2 and abs(w[1]) < 0.5
    assert abs(bench.fit(np.column_stack([signal, noise]), right, l2=1e4)[0]) < w[0] / 5  # the penalty shrinks it


def test_auc_counts_ranked_pairs_and_ties_half(bench: ModuleType) -> None:
    assert bench.auc([(0.9, True), (0.1, False)]) == 1.0
    assert bench.auc([(0.1, True), (0.9, False)]) == 0.0
    assert bench.auc([(0.5, True), (0.5, False), (0.7, True)]) == 0.75


def test_folds_hold_each_article_out_once(bench: ModuleType) -> None:
    articles = [SimpleNamespace(folder=f) for f in ["gold"] * 7 + ["holdout"] * 3 + ["holdout2"] * 2]
    by_set = bench.folds(articles, "set")
    assert [(name, len(held)) for name, held in by_set] == [("gold", 7), ("holdout", 3), ("holdout2", 2)]
    by_article = bench.folds(articles, "article")
    assert len(by_article) == 5
    assert sorted(i for _, held in by_article for i in held) == list(range(12))


def test_a_variant_goes_only_when_most_folds_and_the_sum_gain(bench: ModuleType) -> None:
    base = Counter(tp=5, fp=5, fn=5)
    better = Counter(tp=5, fp=3, fn=5)
    worse = Counter(tp=3, fp=5, fn=7)
    assert bench.verdict([("a", base, better), ("b", base, better), ("c", base, base)])[-1] == "go"
    assert bench.verdict([("a", base, better), ("b", base, worse), ("c", base, base)])[-1] == "no"
