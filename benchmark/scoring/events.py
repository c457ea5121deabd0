"""Event extraction: trigger and argument scores as in ACE practice and TextEE.

Each metric compares, per document, the *set* of keys below built from gold and from
predictions (TextEE's definition: a key predicted twice counts once). Spans are exact
character offsets.

==============================  =========================================================
metric                          key
==============================  =========================================================
trigger_identification          (trigger span)
trigger_classification          (event type, trigger span)
argument_identification         (event type, argument span)
argument_classification        (event type, role, argument span)
argument_identification_plus    (event type, trigger span, argument span)
argument_classification_plus    (event type, trigger span, role, argument span)
==============================  =========================================================

The first element of every key but trigger_identification's is the event type, which gives
the per-type counts (a key counts towards the type it names).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from benchmark.ontology import EVENT_TYPES
from benchmark.scoring.metrics import prf_counts
from benchmark.submission import EventPred

METRICS: tuple[str, ...] = (
    "trigger_identification",
    "trigger_classification",
    "argument_identification",
    "argument_classification",
    "argument_identification_plus",
    "argument_classification_plus",
)
TYPES: tuple[str, ...] = tuple(EVENT_TYPES)
TYPED: tuple[str, ...] = METRICS[1:]


def keys(events: Sequence[EventPred]) -> list[set[tuple]]:
    """The six key sets of one document's events, in METRICS order."""
    out: list[set[tuple]] = [set() for _ in METRICS]
    for ev in events:
        t = (ev.trigger.start, ev.trigger.end)
        out[0].add(t)
        out[1].add((ev.type, *t))
        for a in ev.arguments:
            span = (a.start, a.end)
            out[2].add((ev.type, *span))
            out[3].add((ev.type, a.role, *span))
            out[4].add((ev.type, *t, *span))
            out[5].add((ev.type, *t, a.role, *span))
    return out


def count(gold: Sequence[Sequence[EventPred]], pred: Sequence[Sequence[EventPred]]) -> dict[str, np.ndarray]:
    """Per-document counts (tp, predicted, gold): overall (n_docs, 6, 3) and per type
    (n_docs, 6, n_types, 3); the per-type slice of trigger_identification stays zero."""
    n = len(gold)
    overall = np.zeros((n, len(METRICS), 3), dtype=np.int64)
    per_type = np.zeros((n, len(METRICS), len(TYPES), 3), dtype=np.int64)
    index = {t: i for i, t in enumerate(TYPES)}
    for d, (g_events, p_events) in enumerate(zip(gold, pred, strict=True)):
        for m, (g, p) in enumerate(zip(keys(g_events), keys(p_events), strict=True)):
            overall[d, m] = (len(g & p), len(p), len(g))
            if m == 0:
                continue
            for col, subset in ((0, g & p), (1, p), (2, g)):
                for key in subset:
                    per_type[d, m, index[key[0]], col] += 1
    return {"events.overall": overall, "events.per_type": per_type}


def summarize(total: dict[str, np.ndarray], boot: dict[str, np.ndarray], ci) -> dict:
    overall, per_type = total["events.overall"], total["events.per_type"]
    scores, b_scores = prf_counts(overall), prf_counts(boot["events.overall"], np.nan)
    t_scores, bt_scores = prf_counts(per_type), prf_counts(boot["events.per_type"], np.nan)
    out: dict = {}
    for m, name in enumerate(METRICS):
        out[name] = _block(scores, b_scores, overall[m], (m,), ci)
    # A type's metric with neither gold nor predicted keys is left out, not reported as 0.
    out["per_type"] = {}
    for j, etype in enumerate(TYPES):
        entry = {
            name: _block(t_scores, bt_scores, per_type[m, j], (m, j), ci)
            for m, name in enumerate(METRICS)
            if m > 0 and per_type[m, j, 1:].any()
        }
        if entry:
            out["per_type"][etype] = entry
    return out


def _block(scores, b_scores, counts: np.ndarray, idx: tuple, ci) -> dict:
    block = {k: float(scores[k][idx]) for k in ("precision", "recall", "f1")}
    block["ci95"] = {k: ci(b_scores[k][(slice(None), *idx)]) for k in ("precision", "recall", "f1")}
    block["counts"] = {"true_positive": int(counts[0]), "predicted": int(counts[1]), "gold": int(counts[2])}
    return block


def _metric_f1(m: int):
    def f1(sums: dict[str, np.ndarray]) -> np.ndarray:
        return prf_counts(sums["events.overall"][..., m, :])["f1"]

    return f1


HEADLINES = {f"events.{name}.f1": _metric_f1(m) for m, name in enumerate(METRICS)}
