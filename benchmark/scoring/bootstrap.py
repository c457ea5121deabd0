"""Document-level resampling: bootstrap intervals and paired significance tests.

Everything works on per-document count matrices (n_docs x k). A resample is a vector of
document weights (how often each document was drawn), so the resampled sums of every metric
are one matrix product, W @ counts, and every metric of a report sees the same resamples.
Resamples are generated in fixed-size chunks from a fixed seed, so results are reproducible.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

N_RESAMPLES = 1000
SEED = 20240917
AR_TRIALS = 10000
_CHUNK = 100  # resamples per matrix product: bounds memory at _CHUNK * n_docs floats


def _weights(n_docs: int, n: int, seed: int, kind: str) -> Iterator[np.ndarray]:
    rng = np.random.default_rng(seed)
    for lo in range(0, n, _CHUNK):
        rows = min(_CHUNK, n - lo)
        if kind == "bootstrap":
            # multinomial counts of n_docs draws with replacement, one row per resample
            draws = rng.integers(0, n_docs, size=(rows, n_docs))
            flat = (draws + (np.arange(rows) * n_docs)[:, None]).ravel()
            yield np.bincount(flat, minlength=rows * n_docs).reshape(rows, n_docs).astype(np.float64)
        else:  # sign flips for approximate randomisation: 1 = swap the two systems' document
            yield rng.integers(0, 2, size=(rows, n_docs)).astype(np.float64)


def resample_sums(counts: np.ndarray, n: int = N_RESAMPLES, seed: int = SEED) -> np.ndarray:
    """(n, k) column sums of `counts` (n_docs, k) over `n` bootstrap resamples of documents."""
    counts = np.asarray(counts, dtype=np.float64)
    if counts.shape[0] == 0:
        return np.zeros((n, counts.shape[1]))
    return np.concatenate([w @ counts for w in _weights(counts.shape[0], n, seed, "bootstrap")])


def percentile_ci(values: np.ndarray) -> list[float] | None:
    """The 95% percentile interval of resampled metric values; NaN (undefined) resamples are
    left out, and None means no resample was defined."""
    values = np.asarray(values, dtype=np.float64)
    if np.isnan(values).all():
        return None
    lo, hi = np.nanpercentile(values, [2.5, 97.5])
    return [float(lo), float(hi)]


Metric = Callable[[dict[str, np.ndarray]], np.ndarray]


def _split(sums: np.ndarray, layout: dict[str, tuple[int, tuple[int, ...]]]) -> dict[str, np.ndarray]:
    return {name: sums[:, lo : lo + int(np.prod(shape))].reshape(-1, *shape) for name, (lo, shape) in layout.items()}


def stack(blocks: dict[str, np.ndarray]) -> tuple[np.ndarray, dict[str, tuple[int, tuple[int, ...]]]]:
    """Named per-document blocks (n_docs, ...) flattened side by side into one (n_docs, k)."""
    layout: dict[str, tuple[int, tuple[int, ...]]] = {}
    columns = []
    lo = 0
    for name, block in blocks.items():
        flat = block.reshape(block.shape[0], -1).astype(np.float64)
        layout[name] = (lo, block.shape[1:])
        columns.append(flat)
        lo += flat.shape[1]
    n_docs = next(iter(blocks.values())).shape[0] if blocks else 0
    return (np.concatenate(columns, axis=1) if columns else np.zeros((n_docs, 0))), layout


def bootstrap_blocks(blocks: dict[str, np.ndarray], n: int = N_RESAMPLES, seed: int = SEED) -> dict[str, np.ndarray]:
    """Resampled sums of every block at once: name -> (n, ...)."""
    matrix, layout = stack(blocks)
    return _split(resample_sums(matrix, n, seed), layout)


def paired(
    blocks_a: dict[str, np.ndarray],
    blocks_b: dict[str, np.ndarray],
    metrics: dict[str, Metric],
    n_boot: int = N_RESAMPLES,
    n_trials: int = AR_TRIALS,
    seed: int = SEED,
) -> dict[str, dict]:
    """For each metric: A, B, delta = A - B, a paired-bootstrap 95% interval of delta, and a
    two-sided approximate-randomisation p-value (documents' outputs swapped at random)."""
    a, layout = stack(blocks_a)
    b, _ = stack(blocks_b)
    total_a = _split(a.sum(axis=0, keepdims=True), layout)
    total_b = _split(b.sum(axis=0, keepdims=True), layout)
    observed = {m: float(f(total_a)[0] - f(total_b)[0]) for m, f in metrics.items()}
    deltas: dict[str, list[np.ndarray]] = {m: [] for m in metrics}
    for w in _weights(a.shape[0], n_boot, seed, "bootstrap"):
        sa, sb = _split(w @ a, layout), _split(w @ b, layout)
        for m, f in metrics.items():
            deltas[m].append(f(sa) - f(sb))
    extreme = dict.fromkeys(metrics, 0)
    diff = b - a
    for flips in _weights(a.shape[0], n_trials, seed + 1, "flip"):
        moved = flips @ diff  # what swapping the flipped documents adds to A (and takes from B)
        sa = _split(a.sum(axis=0) + moved, layout)
        sb = _split(b.sum(axis=0) - moved, layout)
        for m, f in metrics.items():
            extreme[m] += int((np.abs(f(sa) - f(sb)) >= abs(observed[m]) - 1e-12).sum())
    out = {}
    for m, f in metrics.items():
        out[m] = {
            "a": float(f(total_a)[0]),
            "b": float(f(total_b)[0]),
            "delta": observed[m],
            "ci95": percentile_ci(np.concatenate(deltas[m])),
            "p_value": (extreme[m] + 1) / (n_trials + 1),
        }
    return out
