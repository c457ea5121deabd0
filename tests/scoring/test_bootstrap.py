"""Document-level resampling: reproducible, correct weights, sensible intervals and p-values."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from benchmark.scoring import bootstrap
from benchmark.scoring.metrics import prf_counts


def f1(b):
    return prf_counts(b["x"])["f1"]


def test_resampled_sums_are_sums_of_n_documents_drawn_with_replacement():
    counts = np.ones((37, 1))
    sums = bootstrap.resample_sums(counts, n=250, seed=1)
    assert sums.shape == (250, 1) and (sums == 37).all()  # every resample draws 37 documents
    ids = np.arange(37, dtype=np.float64)[:, None]
    assert bootstrap.resample_sums(ids, n=250, seed=1).mean() == pytest.approx(36 / 2 * 37, rel=0.02)


def test_fixed_seed_reproduces_and_chunking_does_not_matter():
    counts = np.random.default_rng(0).integers(0, 5, size=(300, 3))
    a = bootstrap.resample_sums(counts)
    np.testing.assert_array_equal(a, bootstrap.resample_sums(counts))
    assert not np.array_equal(a, bootstrap.resample_sums(counts, seed=2))
    assert a.shape == (bootstrap.N_RESAMPLES, 3)


def test_blocks_are_split_back_with_their_shapes():
    blocks = {"a": np.ones((10, 2, 3)), "b": np.arange(10.0).reshape(10, 1)}
    out = bootstrap.bootstrap_blocks(blocks, n=7)
    assert out["a"].shape == (7, 2, 3) and out["b"].shape == (7, 1)
    assert (out["a"] == 10).all()


def test_interval_contains_the_estimate_and_narrows_with_more_documents():
    rng = np.random.default_rng(4)

    def width(n):
        tp = rng.binomial(10, 0.7, size=n)
        counts = np.stack([tp, np.full(n, 10), np.full(n, 10)], axis=1)
        lo, hi = bootstrap.percentile_ci(prf_counts(bootstrap.resample_sums(counts))["f1"])
        point = prf_counts(counts.sum(axis=0))["f1"]
        assert lo <= point <= hi
        return hi - lo

    assert width(400) < width(25)


def test_undefined_resamples_are_left_out_of_the_interval():
    assert bootstrap.percentile_ci(np.array([np.nan, 1.0, 1.0])) == [1.0, 1.0]
    assert bootstrap.percentile_ci(np.array([np.nan, np.nan])) is None


def test_bootstrap_speed_on_a_test_split_is_well_under_a_second():
    import time

    blocks = {"ner": np.random.default_rng(0).integers(0, 9, size=(2000, 200))}
    start = time.perf_counter()
    bootstrap.bootstrap_blocks(blocks)
    assert time.perf_counter() - start < 5  # generous: the benchmark measures the real number


def test_identical_systems_have_no_difference():
    counts = np.random.default_rng(1).integers(0, 5, size=(20, 3))
    out = bootstrap.paired({"x": counts}, {"x": counts}, {"f1": f1}, n_trials=500)["f1"]
    assert out["delta"] == 0 and out["ci95"] == [0.0, 0.0] and out["p_value"] == 1.0


def test_a_consistently_better_system_is_significant():
    n = 40
    a = np.tile([9, 10, 10], (n, 1))
    b = np.tile([5, 10, 10], (n, 1))
    out = bootstrap.paired({"x": a}, {"x": b}, {"f1": f1}, n_trials=2000)["f1"]
    assert out["delta"] == pytest.approx(0.4)
    assert out["ci95"][0] > 0 and out["p_value"] < 0.001


def test_approximate_randomisation_matches_the_exact_permutation_test():
    a = np.array([[3, 4, 4], [1, 3, 3], [4, 4, 4], [0, 2, 2], [2, 5, 5]])
    b = np.array([[1, 4, 4], [2, 3, 3], [1, 4, 4], [0, 2, 2], [1, 5, 5]])
    observed = abs(f1({"x": a.sum(0)}) - f1({"x": b.sum(0)}))
    extreme = 0
    for flips in itertools.product([0, 1], repeat=len(a)):
        m = np.array(flips)[:, None]
        sa, sb = (a * (1 - m) + b * m).sum(0), (b * (1 - m) + a * m).sum(0)
        extreme += abs(f1({"x": sa}) - f1({"x": sb})) >= observed - 1e-12
    exact = extreme / 2 ** len(a)
    p = bootstrap.paired({"x": a}, {"x": b}, {"f1": f1}, n_trials=20000)["f1"]["p_value"]
    assert p == pytest.approx(exact, abs=0.02)
