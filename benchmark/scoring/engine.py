"""`score()` and `compare()`: count per document first, aggregate after.

Each task turns aligned gold and predicted documents into named per-document count blocks;
point estimates are the blocks' column sums, intervals come from resampling documents, and
paired tests swap documents between two systems. See benchmark/scoring/README.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from benchmark.errors import DatelineError, Problem, SubmissionError, did_you_mean
from benchmark.model import GoldDocument
from benchmark.scoring import bootstrap, events, ner, places, signature
from benchmark.scoring.gold import GoldSet, from_documents
from benchmark.scoring.spans import SpanArrays
from benchmark.submission import TASKS, GoldRecord, Submission, SubmissionRecord, check_against, coerce_records

_EMPTY = SubmissionRecord(doc_id="-", entities=[], events=[], places=[])


@dataclass(frozen=True)
class ScoreReport:
    """A score: results (the JSON sections), the signature, and the per-document counts."""

    signature: str
    gold_version: str
    split: str
    subset: str
    doc_ids: tuple[str, ...]
    tasks: tuple[str, ...]
    not_attempted: tuple[str, ...]
    not_annotated: tuple[str, ...]
    documents: dict[str, int]
    results: dict[str, Any]
    counts: dict[str, np.ndarray] = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        body = {
            "signature": self.signature,
            "scorer_version": signature.SCORER_VERSION,
            "gold": {"split": self.split, "subset": self.subset, "version": self.gold_version},
            "documents": dict(self.documents),
            "tasks": {"scored": list(self.tasks), "not_attempted": list(self.not_attempted), "not_annotated": list(self.not_annotated)},
            **{task: self.results[task] for task in self.tasks},
        }
        return _rounded(body)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def _rounded(value: Any) -> Any:
    # Six decimals keep the JSON stable across platforms' last-bit differences.
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def parse_tasks(tasks: str | Iterable[str] | None) -> tuple[str, ...]:
    if tasks is None:
        return TASKS
    names = [t.strip() for t in tasks.split(",")] if isinstance(tasks, str) else list(tasks)
    bad = [t for t in names if t not in TASKS]
    if bad or not names:
        found = ", ".join(did_you_mean(t, TASKS) for t in bad) or "nothing"
        raise DatelineError([Problem("--tasks", None, "tasks", f"a comma-separated subset of {', '.join(TASKS)}", found)])
    return tuple(t for t in TASKS if t in names)


def _as_gold(gold: GoldSet | Sequence[GoldDocument | GoldRecord]) -> GoldSet:
    return gold if isinstance(gold, GoldSet) else from_documents(list(gold))


def _checked_submission(
    predictions: Submission | Iterable[SubmissionRecord | Mapping[str, Any]], gold: GoldSet, allow_missing: bool
) -> Submission:
    """The predictions, checked against the gold; raises `SubmissionError` with every problem."""
    if isinstance(predictions, Submission):
        problems = check_against(predictions, gold.texts, allow_missing=allow_missing, ignored=gold.excluded)
        if problems:
            raise SubmissionError(problems)
        return predictions
    return coerce_records(predictions, texts=gold.texts, allow_missing=allow_missing, ignored=gold.excluded)


def _check_gold(gold: GoldSet) -> None:
    if not gold.records:
        found = f"none: all {len(gold.excluded)} are external documents whose text is not on this machine (see `dateline hydrate`)"
        raise DatelineError(
            [Problem(f"split {gold.split}", None, "documents", "at least one document with its text", found if gold.excluded else "none")]
        )


def score(
    gold: GoldSet | Sequence[GoldDocument | GoldRecord],
    predictions: Submission | Iterable[SubmissionRecord | Mapping[str, Any]],
    tasks: str | Iterable[str] | None = None,
    *,
    allow_missing: bool = False,
    n_resamples: int = bootstrap.N_RESAMPLES,
    seed: int = bootstrap.SEED,
) -> ScoreReport:
    """Score predictions against gold; raises `SubmissionError` listing every problem.

    `gold`: a `GoldSet` (see benchmark.scoring.gold), or GoldDocuments / GoldRecords.
    `predictions`: a `Submission` (from `read_submission`), or records / plain dicts.
    """
    gold_set = _as_gold(gold)
    _check_gold(gold_set)
    requested = parse_tasks(tasks)
    submission = _checked_submission(predictions, gold_set, allow_missing)
    scored = tuple(t for t in requested if t in submission.tasks and t in gold_set.tasks)
    by_doc = submission.by_doc()
    gold_records = gold_set.records
    pred_records = [by_doc.get(r.doc_id, _EMPTY) for r in gold_records]
    excluded = set(gold_set.excluded)
    documents = {
        "scored": len(gold_records),
        "external_left_out": len(gold_set.excluded),
        "missing_predictions": sum(r.doc_id not in by_doc for r in gold_records),
        "ignored_predictions": sum(r.doc_id in excluded for r in submission.records),
    }
    blocks = count_blocks(gold_records, pred_records, scored)
    results = summarize(blocks, n_resamples=n_resamples, seed=seed)
    return ScoreReport(
        signature=signature.build(
            data_version=gold_set.version, split=gold_set.split, subset=gold_set.subset, tasks=scored, n_resamples=n_resamples, seed=seed
        ),
        gold_version=gold_set.version,
        split=gold_set.split,
        subset=gold_set.subset,
        doc_ids=tuple(r.doc_id for r in gold_records),
        tasks=scored,
        not_attempted=tuple(t for t in requested if t not in submission.tasks),
        not_annotated=tuple(t for t in requested if t in submission.tasks and t not in gold_set.tasks),
        documents=documents,
        results=results,
        counts=blocks,
    )


def count_blocks(gold: Sequence[SubmissionRecord], pred: Sequence[SubmissionRecord], tasks: Sequence[str]) -> dict[str, np.ndarray]:
    """Per-document count blocks of the given tasks for aligned gold and predicted records."""
    n = len(gold)
    blocks: dict[str, np.ndarray] = {}
    if "ner" in tasks:
        g = SpanArrays.from_lists([r.entities for r in gold], ner.TYPES)
        p = SpanArrays.from_lists([r.entities or () for r in pred], ner.TYPES)
        blocks.update(ner.count(g, p, n).blocks())
    if "events" in tasks:
        blocks.update(events.count([r.events for r in gold], [r.events or () for r in pred]))
    if "places" in tasks:
        with_events = "events" in tasks
        blocks.update(
            places.count(
                [r.places for r in gold],
                [r.places or () for r in pred],
                [r.events for r in gold] if with_events else None,
                [r.events or () for r in pred] if with_events else None,
            )
        )
    return blocks


def _resampled(blocks: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: v for k, v in blocks.items() if k.startswith(("ner.", "events.")) or k in places.RESAMPLED}


def summarize(blocks: dict[str, np.ndarray], *, n_resamples: int = bootstrap.N_RESAMPLES, seed: int = bootstrap.SEED) -> dict[str, Any]:
    counted = _resampled(blocks)
    total = {k: v.sum(axis=0) for k, v in counted.items()}
    boot = bootstrap.bootstrap_blocks(counted, n_resamples, seed)
    ci = bootstrap.percentile_ci
    results: dict[str, Any] = {}
    if "ner.overall" in blocks:
        results["ner"] = ner.summarize(total, boot, ci)
    if "events.overall" in blocks:
        results["events"] = events.summarize(total, boot, ci)
    if "places.recognition" in blocks:
        results["places"] = places.summarize(total, boot, ci, blocks["places.errors"])
    return results


HEADLINES: dict[str, bootstrap.Metric] = {**ner.HEADLINES, **events.HEADLINES, **places.HEADLINES}
#: The metrics `compare` tests, when both systems have them.
COMPARED: tuple[str, ...] = (
    "ner.strict.f1",
    "ner.partial.f1",
    "events.trigger_classification.f1",
    "events.argument_classification.f1",
    "events.argument_classification_plus.f1",
    "places.recognition.f1",
    "places.resolution.accuracy_161km",
    "places.end_to_end.f1",
    "places.event_geolocation.share",
)


@dataclass(frozen=True)
class Comparison:
    signature: str
    names: tuple[str, str]
    metrics: dict[str, dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return _rounded({"signature": self.signature, "a": self.names[0], "b": self.names[1], "metrics": self.metrics})

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def compare(
    a: ScoreReport,
    b: ScoreReport,
    names: tuple[str, str] = ("A", "B"),
    *,
    n_resamples: int = bootstrap.N_RESAMPLES,
    n_trials: int = bootstrap.AR_TRIALS,
    seed: int = bootstrap.SEED,
) -> Comparison:
    """Paired significance of A - B on each headline metric both reports have."""
    if a.gold_version != b.gold_version or a.doc_ids != b.doc_ids:
        raise ValueError("compare() needs two reports scored on the same gold documents")
    shared = tuple(t for t in a.tasks if t in b.tasks)
    metrics = {}
    for name in COMPARED:
        block = {"ner": "ner.overall", "events": "events.overall"}.get(name.split(".")[0], "places." + name.split(".")[1])
        if name.split(".")[0] in shared and block in a.counts and block in b.counts:
            metrics[name] = HEADLINES[name]
    needed = {k for k in _resampled(a.counts) if k in b.counts}
    tests = (
        bootstrap.paired({k: a.counts[k] for k in needed}, {k: b.counts[k] for k in needed}, metrics, n_resamples, n_trials, seed)
        if metrics
        else {}
    )
    sig = signature.build(data_version=a.gold_version, split=a.split, subset=a.subset, tasks=shared, n_resamples=n_resamples, seed=seed)
    return Comparison(signature=f"{sig}|paired:bootstrap{n_resamples}+ar{n_trials}", names=names, metrics=tests)
