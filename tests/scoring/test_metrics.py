"""P/R/F1 from summed counts: formulas, zero division, undefined resamples."""

from __future__ import annotations

import numpy as np
import pytest

from benchmark.scoring.metrics import nervaluate_prf, prf, prf_counts, ratio


def test_prf_and_zero_division():
    s = prf(np.array([3, 0, 0]), np.array([4, 0, 2]), np.array([6, 5, 0]))
    assert s["precision"].tolist() == [0.75, 0.0, 0.0]
    assert s["recall"].tolist() == [0.5, 0.0, 0.0]
    assert s["f1"][0] == pytest.approx(0.6) and s["f1"][1:].tolist() == [0.0, 0.0]


def test_undefined_marks_only_cells_with_nothing_to_score():
    s = prf_counts(np.array([[0, 0, 0], [0, 0, 3], [1, 2, 2]]), undefined=np.nan)
    assert np.isnan(s["f1"][0]) and s["f1"][1] == 0.0 and s["f1"][2] == 0.5
    assert np.isnan(ratio(1, 0, np.nan)) and ratio(1, 0) == 0.0


def test_nervaluate_formula_gives_half_credit_to_partial():
    # COR 2, INC 0, PAR 2, MIS 1, SPU 1: ACT 5, POS 5, credit 3
    s = nervaluate_prf(np.array([2, 0, 2, 1, 1]))
    assert s["precision"] == pytest.approx(0.6) and s["recall"] == pytest.approx(0.6)
    # vectorised over leading axes (schemes, resamples)
    assert nervaluate_prf(np.zeros((7, 4, 5)))["f1"].shape == (7, 4)
