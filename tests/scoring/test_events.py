"""Events: hand-worked counts for every metric, overall and per type."""

from __future__ import annotations

import pytest

from benchmark.scoring import events
from benchmark.scoring.metrics import prf_counts
from benchmark.submission import EventPred


def ev(etype, trigger, *args):
    return EventPred.model_validate(
        {
            "type": etype,
            "trigger": {"start": trigger[0], "end": trigger[1]},
            "arguments": [{"role": r, "start": s, "end": e} for r, s, e in args],
        }
    )


GOLD = [
    ev("Meet", (10, 13), ("Participant", 0, 3), ("Participant", 20, 25), ("Place", 30, 36)),
    ev("Travel", (40, 47), ("Traveler", 0, 3), ("Destination", 30, 36)),
]
PRED = [
    # right trigger and type; one right argument, one wrong role, one spurious argument
    ev("Meet", (10, 13), ("Participant", 0, 3), ("Place", 20, 25), ("Time", 50, 55)),
    # right trigger, wrong type
    ev("Attack", (40, 47), ("Attacker", 0, 3)),
    # wrong trigger: its argument still counts where the trigger is not part of the key
    ev("Meet", (60, 63), ("Participant", 20, 25)),
]

#                                  tp pred gold
EXPECTED = {
    "trigger_identification": (2, 3, 2),
    "trigger_classification": (1, 3, 2),
    "argument_identification": (2, 4, 5),  # (Meet, 20-25) predicted twice: a set counts it once
    "argument_classification": (2, 5, 5),
    "argument_identification_plus": (2, 5, 5),
    "argument_classification_plus": (1, 5, 5),
}
F1 = {
    "trigger_identification": 0.8,
    "trigger_classification": 0.4,
    "argument_identification": 4 / 9,
    "argument_classification": 0.4,
    "argument_identification_plus": 0.4,
    "argument_classification_plus": 0.2,
}


def test_hand_worked_counts_and_f1_of_every_metric():
    blocks = events.count([GOLD], [PRED])
    overall = blocks["events.overall"][0]
    scores = prf_counts(overall)
    for m, name in enumerate(events.METRICS):
        assert tuple(overall[m]) == EXPECTED[name], name
        assert scores["f1"][m] == pytest.approx(F1[name]), name


def test_per_type_counts():
    per_type = events.count([GOLD], [PRED])["events.per_type"][0]
    meet, travel, attack = (events.TYPES.index(t) for t in ("Meet", "Travel", "Attack"))
    tc = events.METRICS.index("trigger_classification")
    ac = events.METRICS.index("argument_classification")
    assert per_type[tc, meet].tolist() == [1, 2, 1]
    assert per_type[tc, travel].tolist() == [0, 0, 1]
    assert per_type[tc, attack].tolist() == [0, 1, 0]
    assert per_type[ac, meet].tolist() == [2, 4, 3]
    assert per_type[ac, travel].tolist() == [0, 0, 2]
    # per type sums to overall for every typed metric; trigger identification has no type
    for m in range(1, len(events.METRICS)):
        assert per_type[m].sum(axis=0).tolist() == list(EXPECTED[events.METRICS[m]])
    assert not per_type[0].any()


def test_perfect_and_empty_predictions():
    perfect = events.count([GOLD], [GOLD])["events.overall"][0]
    assert all(tp == p == g for tp, p, g in perfect.tolist())
    nothing = events.count([GOLD], [[]])["events.overall"][0]
    assert prf_counts(nothing)["f1"].tolist() == [0.0] * 6


def test_summary_leaves_out_empty_per_type_metrics():
    from benchmark.scoring.bootstrap import bootstrap_blocks, percentile_ci

    blocks = events.count([GOLD, []], [PRED, []])
    total = {k: v.sum(axis=0) for k, v in blocks.items()}
    out = events.summarize(total, bootstrap_blocks(blocks, n=50), percentile_ci)
    assert out["trigger_classification"]["f1"] == pytest.approx(0.4)
    assert set(out["per_type"]) == {"Meet", "Travel", "Attack"}
    assert set(out["per_type"]["Travel"]) == set(events.METRICS[1:])
    assert out["per_type"]["Meet"]["argument_classification"]["counts"] == {"true_positive": 2, "predicted": 4, "gold": 3}
