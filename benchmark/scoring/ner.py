"""Named entity recognition: per-document counts of the four schemes, overall and per type.

Overall counts match all mentions of a document together (a type confusion is INC under
strict). Per-type counts follow nervaluate 1.2.1: each type is scored on the mentions of that
type only, gold and predicted, so a confusion PER -> ORG is a MIS for PER and a SPU for ORG.
Under strict these per-type counts are exactly seqeval's per-class counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from benchmark.ontology import ENTITY_TYPES
from benchmark.scoring.matching import COLUMNS, SCHEMES, scheme_counts
from benchmark.scoring.metrics import nervaluate_prf
from benchmark.scoring.spans import SpanArrays

TYPES: tuple[str, ...] = tuple(ENTITY_TYPES)


@dataclass(frozen=True)
class NerCounts:
    """overall: (n_docs, 4 schemes, 5 columns); per_type: (n_docs, 4, n_types, 5)."""

    overall: np.ndarray
    per_type: np.ndarray
    types: tuple[str, ...]

    def blocks(self) -> dict[str, np.ndarray]:
        return {"ner.overall": self.overall, "ner.per_type": self.per_type}


def count(gold: SpanArrays, pred: SpanArrays, n_docs: int, types: Sequence[str] = TYPES) -> NerCounts:
    n_types = len(types)
    doc = np.concatenate([gold.doc, pred.doc])
    start = np.concatenate([gold.start, pred.start])
    end = np.concatenate([gold.end, pred.end])
    label = np.concatenate([gold.label, pred.label])
    is_pred = np.concatenate([np.zeros(len(gold), dtype=bool), np.ones(len(pred), dtype=bool)])
    overall = scheme_counts(doc, start, end, label, is_pred, n_docs)
    per_type = scheme_counts(doc * n_types + label, start, end, label, is_pred, n_docs * n_types)
    return NerCounts(
        overall=np.ascontiguousarray(overall.transpose(1, 0, 2)),
        per_type=np.ascontiguousarray(per_type.reshape(4, n_docs, n_types, 5).transpose(1, 0, 2, 3)),
        types=tuple(types),
    )


def present_types(per_type_total: np.ndarray) -> np.ndarray:
    """Mask of types with a gold or predicted mention (the types a macro average runs over)."""
    # Under any scheme, POS + ACT > 0 iff the type occurs; the strict scheme is used.
    strict = per_type_total[..., 0, :, :]
    return strict.sum(axis=-1) > 0


def macro_f1(per_type_sums: np.ndarray, present: np.ndarray, undefined: float = 0.0) -> np.ndarray:
    """Unweighted mean of per-type F1 over the present types: (..., 4 schemes).

    With undefined=nan (bootstrap resamples), a type absent from a resample is left out of
    that resample's mean, and a resample with no type at all is NaN."""
    f1 = nervaluate_prf(per_type_sums, undefined)["f1"][..., present]  # (..., 4, P)
    if f1.shape[-1] == 0:
        return np.zeros(f1.shape[:-1])
    defined = ~np.isnan(f1)
    n = defined.sum(axis=-1)
    return np.divide(np.where(defined, f1, 0.0).sum(axis=-1), n, out=np.full(n.shape, np.nan), where=n > 0)


def summarize(total: dict[str, np.ndarray], boot: dict[str, np.ndarray], ci, types: Sequence[str] = TYPES) -> dict:
    """The `ner` section of a report from count sums and their bootstrap resamples."""
    overall, per_type = total["ner.overall"], total["ner.per_type"]
    b_overall, b_per_type = boot["ner.overall"], boot["ner.per_type"]
    present = present_types(per_type)
    scores = nervaluate_prf(overall)
    b_scores = nervaluate_prf(b_overall, np.nan)
    macro = macro_f1(per_type, present)
    b_macro = macro_f1(b_per_type, present, np.nan)
    t_scores = nervaluate_prf(per_type)
    bt_scores = nervaluate_prf(b_per_type, np.nan)
    out: dict = {}
    for k, scheme in enumerate(SCHEMES):
        counts = {name: int(overall[k, i]) for i, name in enumerate(COLUMNS)}
        counts["possible"] = counts["correct"] + counts["incorrect"] + counts["partial"] + counts["missed"]
        counts["actual"] = counts["correct"] + counts["incorrect"] + counts["partial"] + counts["spurious"]
        block = {m: float(scores[m][k]) for m in ("precision", "recall", "f1")}
        block["ci95"] = {m: ci(b_scores[m][:, k]) for m in ("precision", "recall", "f1")}
        block["ci95"]["macro_f1"] = ci(b_macro[:, k])
        block["macro_f1"] = float(macro[k])
        block["counts"] = counts
        block["per_type"] = {}
        for j, name in enumerate(types):
            if not present[j]:
                continue
            tc = {c: int(per_type[k, j, i]) for i, c in enumerate(COLUMNS)}
            entry = {m: float(t_scores[m][k, j]) for m in ("precision", "recall", "f1")}
            entry["ci95"] = {m: ci(bt_scores[m][:, k, j]) for m in ("precision", "recall", "f1")}
            entry["counts"] = tc
            block["per_type"][name] = entry
        out[scheme] = block
    return out


def _scheme_f1(k: int):
    def f1(sums: dict[str, np.ndarray]) -> np.ndarray:
        return nervaluate_prf(sums["ner.overall"][..., k, :])["f1"]

    return f1


HEADLINES = {f"ner.{scheme}.f1": _scheme_f1(k) for k, scheme in enumerate(SCHEMES)}
