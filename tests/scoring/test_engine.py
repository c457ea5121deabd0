"""`score()` and `compare()`: the Python API other modules call."""

from __future__ import annotations

import json

import numpy as np
import pytest

from benchmark.errors import DatelineError, SubmissionError
from benchmark.scoring import compare, from_file, score
from benchmark.submission import read_submission

from .conftest import GOLDEN, gold_document


def _gold():
    return from_file(GOLDEN / "gold.jsonl")


def _pred(name="pred_a.jsonl"):
    return read_submission(GOLDEN / name)


def test_report_has_signature_json_and_per_document_counts_that_add_up():
    report = score(_gold(), _pred())
    assert report.signature.startswith("dateline-score:") and "split:file" in report.signature
    body = json.loads(report.to_json())
    assert body["signature"] == report.signature
    assert set(body) >= {"ner", "events", "places", "documents", "tasks"}
    assert report.counts["ner.overall"].shape == (3, 4, 5)
    total = report.counts["ner.overall"].sum(axis=0)
    assert body["ner"]["strict"]["counts"]["correct"] == total[0, 0]
    assert report.counts["events.overall"].sum(axis=0)[1].tolist() == list(body["events"]["trigger_classification"]["counts"].values())
    assert report.doc_ids == ("g-001", "g-002", "g-003")


def test_gold_against_itself_is_perfect():
    gold = _gold()
    report = score(gold, [r.model_dump(exclude={"text"}, exclude_none=True) for r in gold.records])
    r = report.results
    assert all(r["ner"][s]["f1"] == 1.0 for s in ("strict", "exact", "partial", "type"))
    assert all(r["events"][m]["f1"] == 1.0 for m in r["events"] if m != "per_type")
    assert r["places"]["end_to_end"]["f1"] == 1.0 and r["places"]["resolution"]["auc"] == 0.0
    assert r["places"]["event_geolocation"]["share"] == 1.0
    assert r["ner"]["strict"]["ci95"]["f1"] == [1.0, 1.0]


def test_tasks_not_attempted_are_not_scored_and_reported():
    records = [{"doc_id": r.doc_id, "entities": []} for r in _gold().records]
    report = score(_gold(), records)
    assert report.tasks == ("ner",) and report.not_attempted == ("events", "places")
    assert json.loads(report.to_json())["tasks"] == {"scored": ["ner"], "not_attempted": ["events", "places"], "not_annotated": []}
    assert "events" not in report.to_dict()
    assert report.results["ner"]["strict"]["recall"] == 0.0


def test_tasks_can_be_restricted_and_are_validated():
    report = score(_gold(), _pred(), tasks="places")
    assert report.tasks == ("places",) and "tasks:places|" in report.signature
    assert report.results["places"]["event_geolocation"] is None  # needs events too
    with pytest.raises(DatelineError) as err:
        score(_gold(), _pred(), tasks="ner,place")
    assert "found 'place' (did you mean 'places'?)" in str(err.value)


def test_missing_documents_are_an_error_unless_allowed():
    records = [r.model_dump(exclude_none=True) for r in _pred().records[:2]]
    with pytest.raises(SubmissionError, match="1 missing: g-003"):
        score(_gold(), records)
    report = score(_gold(), records, allow_missing=True)
    assert report.documents["missing_predictions"] == 1
    assert report.counts["ner.overall"][2, 0, 4] == 0  # no predictions in the missing document


def test_invalid_predictions_raise_with_every_problem():
    records = [r.model_dump(exclude_none=True) for r in _pred().records]
    records[0]["entities"][0]["type"] = "PESRON"
    records[1]["entities"][0]["end"] = 10_000
    with pytest.raises(SubmissionError) as err:
        score(_gold(), records)
    assert len(err.value.problems) == 2


def test_external_documents_are_left_out_and_predictions_for_them_ignored():
    docs = [gold_document("dl-1", "Kim met Putin."), gold_document("seed-001", None, source="external")]
    preds = [{"doc_id": "dl-1", "entities": []}, {"doc_id": "seed-001", "entities": [{"start": 0, "end": 3, "type": "PER"}]}]
    report = score(docs, preds)
    assert "subset:original-only" in report.signature
    assert report.documents == {"scored": 1, "external_left_out": 1, "missing_predictions": 0, "ignored_predictions": 1}
    # and a submission without them is complete
    assert score(docs, preds[:1]).documents["missing_predictions"] == 0


def test_nothing_to_score_is_a_clear_error():
    with pytest.raises(DatelineError, match="at least one document with its text"):
        score([gold_document("seed-001", None, source="external")], [])


def test_compare_gives_paired_tests_on_shared_metrics():
    gold = _gold()
    a, b = score(gold, _pred("pred_a.jsonl")), score(gold, _pred("pred_b.jsonl"))
    c = compare(a, b, ("a", "b"), n_trials=2000)
    m = c.metrics["ner.strict.f1"]
    assert m["a"] == pytest.approx(a.results["ner"]["strict"]["f1"]) and m["delta"] == pytest.approx(m["a"] - m["b"])
    assert 0 < m["p_value"] <= 1 and m["ci95"][0] <= m["delta"] <= m["ci95"][1] + 1e-9
    assert "places.event_geolocation.share" in c.metrics
    assert c.signature.endswith("|paired:bootstrap1000+ar2000")
    only_ner = score(gold, [{"doc_id": r.doc_id, "entities": []} for r in gold.records])
    assert set(compare(a, only_ner).metrics) == {"ner.strict.f1", "ner.partial.f1"}


def test_compare_refuses_different_gold():
    gold = _gold()
    other = score([gold_document("x", "text")], [{"doc_id": "x", "entities": []}])
    with pytest.raises(ValueError):
        compare(score(gold, _pred()), other)


def test_per_document_counts_are_integers_that_resample():
    report = score(_gold(), _pred())
    for name, block in report.counts.items():
        if name not in ("places.errors", "places.resolution"):
            assert np.issubdtype(block.dtype, np.integer), name
        if name not in ("places.errors", "places.error_doc"):  # one row per matched toponym
            assert block.shape[0] == len(report.doc_ids), name


def test_split_gold_against_itself_scores_one():
    from benchmark.loader import load_gold
    from benchmark.scoring import for_split

    try:
        docs = load_gold("test")
    except DatelineError as err:
        pytest.skip(f"the test split is not compiled: {err}")
    if not any(d.document.text is not None for d in docs):
        pytest.skip("the test split has no document with its text on this machine")
    gold = for_split("test")
    report = score(gold, [r.model_dump(exclude={"text"}, exclude_none=True) for r in gold.records])
    assert "split:test" in report.signature
    assert all(report.results["ner"][s]["f1"] == 1.0 for s in ("strict", "exact", "partial", "type"))
    assert report.results["events"]["argument_classification_plus"]["f1"] == 1.0
    assert report.results["places"]["end_to_end"]["f1"] == 1.0
