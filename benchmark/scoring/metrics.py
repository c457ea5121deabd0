"""Aggregation: precision, recall and F1 from summed counts, vectorised over leading axes.

Every function takes count sums (a corpus total, or one row per bootstrap resample) and never
per-document ratios: micro averages, intervals and tests all go through here. A ratio with a
zero denominator is 0, as in seqeval and nervaluate. For bootstrap resamples, `undefined=nan`
marks resamples with neither gold nor predictions (nothing to score: e.g. a rare type not
drawn) so that intervals ignore them instead of counting them as a score of 0.
"""

from __future__ import annotations

import numpy as np


def ratio(num: np.ndarray, den: np.ndarray, undefined: float = 0.0) -> np.ndarray:
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    out = np.full(np.broadcast(num, den).shape, undefined)
    np.divide(num, den, out=out, where=den != 0)
    return out


def f1(precision: np.ndarray, recall: np.ndarray) -> np.ndarray:
    return ratio(2 * precision * recall, precision + recall)


def prf(tp: np.ndarray, n_pred: np.ndarray, n_gold: np.ndarray, undefined: float = 0.0) -> dict[str, np.ndarray]:
    """P = tp / predicted, R = tp / gold (tp may be fractional: partial credit)."""
    p = ratio(tp, n_pred)
    r = ratio(tp, n_gold)
    out = {"precision": p, "recall": r, "f1": f1(p, r)}
    if undefined != 0.0:
        empty = (np.asarray(n_pred) == 0) & (np.asarray(n_gold) == 0)
        for v in out.values():
            v[empty] = undefined
    return out


def nervaluate_prf(counts: np.ndarray, undefined: float = 0.0) -> dict[str, np.ndarray]:
    """SemEval-2013 / nervaluate scores from (..., 5) counts (COR, INC, PAR, MIS, SPU).

    ACT = COR+INC+PAR+SPU and POS = COR+INC+PAR+MIS; credit = COR + 0.5 PAR (PAR is only ever
    non-zero in the partial scheme, so one formula serves all four).
    """
    cor, inc, par, mis, spu = (counts[..., i].astype(np.float64) for i in range(5))
    credit = cor + 0.5 * par
    return prf(credit, cor + inc + par + spu, cor + inc + par + mis, undefined)


def prf_counts(counts: np.ndarray, undefined: float = 0.0) -> dict[str, np.ndarray]:
    """P/R/F1 from (..., 3) counts (tp, predicted, gold)."""
    return prf(counts[..., 0], counts[..., 1], counts[..., 2], undefined)
