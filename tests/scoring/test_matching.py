"""One-to-one matching: optimal (against brute force), order-independent, vectorised = exact."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmark.scoring.matching import SCHEMES, assignment, scheme_counts, solve_cluster


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _matchings(gold, pred):
    def rec(i, used):
        if i == len(gold):
            yield []
            return
        yield from rec(i + 1, used)
        for j, p in enumerate(pred):
            if j not in used and _overlap(gold[i], p):
                for rest in rec(i + 1, used | {j}):
                    yield [(gold[i], p), *rest]

    yield from rec(0, frozenset())


_IS_COR = {
    "strict": lambda g, p: g[:3] == p[:3],
    "exact": lambda g, p: g[:2] == p[:2],
    "partial": lambda g, p: g[:2] == p[:2],
    "type": lambda g, p: g[2] == p[2],
}


def _random_items(rng: random.Random, n_max: int = 7, width: int = 12):
    items = []
    for _ in range(rng.randint(1, n_max)):
        s = rng.randrange(width)
        items.append((s, s + rng.randint(1, 4), rng.randrange(2), rng.randrange(2)))
    return items


def test_each_scheme_is_the_lexicographic_maximum_over_all_one_to_one_matchings():
    rng = random.Random(5)
    checked = 0
    while checked < 1500:
        items = _random_items(rng)
        gold = [i for i in items if i[3] == 0]
        pred = [i for i in items if i[3] == 1]
        if not gold or not pred:
            continue
        best = dict.fromkeys(SCHEMES, (-1, -1))
        best_partial_score = -1.0
        for m in _matchings(gold, pred):
            for scheme, is_cor in _IS_COR.items():
                cor = sum(is_cor(g, p) for g, p in m)
                best[scheme] = max(best[scheme], (cor, len(m)))
            cor = sum(_IS_COR["partial"](g, p) for g, p in m)
            best_partial_score = max(best_partial_score, cor + 0.5 * (len(m) - cor))
        ours = solve_cluster(items)
        for k, scheme in enumerate(SCHEMES):
            cor, inc, par = ours[k]
            assert (cor, cor + inc + par) == best[scheme], (scheme, items)
        # and the partial score itself is the best any one-to-one matching gives
        assert ours[2, 0] + 0.5 * ours[2, 2] == best_partial_score
        checked += 1


def _reference(groups, items, n_groups):
    """Per-group counts from the exact per-cluster solver on the whole group."""
    out = np.zeros((4, n_groups, 5), dtype=np.int64)
    for gi in range(n_groups):
        its = [it for it, g in zip(items, groups, strict=True) if g == gi]
        if not its:
            continue
        solved = solve_cluster(its)
        n_gold = sum(1 for it in its if it[3] == 0)
        n_pred = len(its) - n_gold
        for k in range(4):
            cor, inc, par = solved[k]
            out[k, gi] = (cor, inc, par, n_gold - cor - inc - par, n_pred - cor - inc - par)
    return out


def _run(groups, items, n_groups):
    a = np.array(items, dtype=np.int64).reshape(-1, 4)
    return scheme_counts(np.array(groups, dtype=np.int64), a[:, 0], a[:, 1], a[:, 2], a[:, 3].astype(bool), n_groups)


def test_vectorised_paths_equal_the_exact_solver():
    # pairs, stars (one span against several) and hard clusters, mixed across groups
    rng = random.Random(3)
    for _ in range(1500):
        items = _random_items(rng, n_max=14, width=30)
        groups = [rng.randrange(3) for _ in items]
        np.testing.assert_array_equal(_run(groups, items, 3), _reference(groups, items, 3), err_msg=str((items, groups)))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 20), st.integers(1, 5), st.integers(0, 2), st.integers(0, 1), st.integers(0, 1)), max_size=16),
    st.randoms(use_true_random=False),
)
def test_counts_do_not_depend_on_input_order(spans, rnd):
    items = [(s, s + n, t, side) for s, n, t, side, _ in spans]
    groups = [g for *_, g in spans]
    order = list(range(len(items)))
    rnd.shuffle(order)
    np.testing.assert_array_equal(_run(groups, items, 2), _run([groups[i] for i in order], [items[i] for i in order], 2))


def test_where_nervaluate_depends_on_order_we_do_not():
    from nervaluate import Evaluator

    gold = [{"label": "PER", "start": 0, "end": 4}]
    p_partial = {"label": "PER", "start": 0, "end": 2}
    p_exact = {"label": "PER", "start": 0, "end": 4}
    first = Evaluator([gold], [[p_partial, p_exact]], tags=["PER"], loader="dict").evaluate()["overall"]["strict"]
    second = Evaluator([gold], [[p_exact, p_partial]], tags=["PER"], loader="dict").evaluate()["overall"]["strict"]
    assert first.correct != second.correct  # nervaluate: 0 then 1
    items = [(0, 5, 0, 0), (0, 3, 0, 1), (0, 5, 0, 1)]  # ours, half-open
    for perm in itertools.permutations(items):
        counts = _run([0, 0, 0], list(perm), 1)
        assert tuple(counts[0, 0]) == (1, 0, 0, 0, 1)


def test_empty_input():
    out = scheme_counts(np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0, dtype=bool), 2)
    assert out.shape == (4, 2, 5) and not out.any()


@pytest.mark.parametrize("shape", [(1, 1), (2, 3), (3, 2), (4, 4), (5, 3)])
def test_assignment_is_a_maximum_weight_matching(shape):
    rng = np.random.default_rng(sum(shape))
    for _ in range(50):
        w = rng.integers(0, 4, size=shape) * rng.integers(0, 2, size=shape)
        rows, cols = assignment(w)
        assert len(set(rows.tolist())) == len(rows) and len(set(cols.tolist())) == len(cols)
        n, m = shape
        columns = [*range(m), *[None] * n]  # None: the row stays unmatched
        best = max(sum(w[i, j] for i, j in enumerate(perm) if j is not None) for perm in itertools.permutations(columns, n))
        assert w[rows, cols].sum() == best
