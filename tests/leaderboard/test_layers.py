from __future__ import annotations

from benchmark.leaderboard.layers import LAYERS, lookup


def test_each_layer_ranks_by_one_of_its_columns_and_the_scorer_tests_it():
    compared = {
        "ner.strict.f1", "ner.partial.f1", "events.trigger_classification.f1", "events.argument_classification.f1",
        "events.argument_classification_plus.f1", "places.recognition.f1", "places.resolution.accuracy_161km",
        "places.end_to_end.f1", "places.event_geolocation.share",
    }  # fmt: skip
    for layer in LAYERS:
        keys = [c.key for c in layer.columns]
        assert layer.headline in keys and layer.headline in compared
        assert layer.headline.split(".")[0] in {"ner": "ner", "events": "events", "places": "places"}.values()
    assert [layer.id for layer in LAYERS][:3] == ["entities", "events", "places"]


def test_lookup_finds_values_and_their_intervals():
    report = {"ner": {"strict": {"f1": 0.5, "ci95": {"f1": [0.4, 0.6]}}}, "places": {"resolution": {"auc": None, "ci95": {}}}}
    assert lookup(report, "ner.strict.f1") == (0.5, [0.4, 0.6])
    assert lookup(report, "places.resolution.auc") == (None, None)
    assert lookup(report, "events.trigger_classification.f1") == (None, None)
