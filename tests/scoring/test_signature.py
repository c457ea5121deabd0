"""The signature: what was computed, and a gold hash that moves with the gold."""

from __future__ import annotations

from benchmark.scoring import signature
from benchmark.submission import GoldRecord


def rec(doc_id="d1", text="Kim met Putin.", **layers):
    return GoldRecord.model_validate({"doc_id": doc_id, "text": text, "entities": [], "events": [], "places": [], **layers})


def test_signature_names_version_gold_split_subset_tasks_and_settings():
    sig = signature.build(data_version="ab" * 32, split="test", subset="original-only", tasks=("ner", "places"))
    parts = sig.split("|")
    assert parts[0] == f"dateline-score:{signature.SCORER_VERSION}"
    assert parts[1:5] == ["gold:abababababab", "split:test", "subset:original-only", "tasks:ner,places"]
    assert parts[5].startswith("ner:") and parts[6].startswith("places:") and parts[-1] == "ci:bootstrap1000,seed20240917"
    assert "events:" not in sig


def test_gold_hash_is_order_free_and_moves_with_annotations_and_text():
    a, b = rec("d1"), rec("d2")
    assert signature.gold_hash([a, b]) == signature.gold_hash([b, a])
    assert signature.gold_hash([a]) != signature.gold_hash([rec("d1", entities=[{"start": 0, "end": 3, "type": "PER"}])])
    assert signature.gold_hash([a]) != signature.gold_hash([rec("d1", text="Kim met Putin!")])
    assert len(signature.gold_hash([a])) == 64
