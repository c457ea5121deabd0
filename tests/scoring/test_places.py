"""Places: haversine and AUC on known values, hand-worked resolution, end to end, geolocation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from benchmark.scoring import places
from benchmark.scoring.bootstrap import bootstrap_blocks, percentile_ci
from benchmark.scoring.metrics import prf_counts
from benchmark.submission import EventPred, PlacePred

KM_PER_DEGREE = places.EARTH_RADIUS_KM * math.pi / 180  # 111.19508 km along a meridian


def pl(start, end, lat, lon, gid=None):
    return PlacePred(start=start, end=end, lat=lat, lon=lon, geonames_id=gid)


def test_haversine_known_values():
    assert places.haversine_km(0, 0, 1, 0) == pytest.approx(111.19508, abs=1e-4)
    assert places.haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * 6371.0088)
    assert places.haversine_km(90, 0, -90, 0) == pytest.approx(math.pi * 6371.0088)
    assert places.haversine_km(55.75, 37.62, 55.75, 37.62) == 0
    # Moscow to Vladivostok, by the spherical law of cosines as an independent check
    a, b = (55.7558, 37.6173), (43.1155, 131.8855)
    p1, p2, dl = math.radians(a[0]), math.radians(b[0]), math.radians(b[1] - a[1])
    cosines = 6371.0088 * math.acos(math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl))
    assert places.haversine_km(*a, *b) == pytest.approx(cosines, rel=1e-9)


def test_auc_known_values():
    ln_max = math.log(20039)
    assert places.auc([0.0, 0.0]) == 0.0
    assert places.auc([20038.0, 20038.0]) == pytest.approx(1.0)
    # x = ln(1 + km) = [0, 1]: one trapezoid of area 0.5
    assert places.auc([0.0, math.e - 1]) == pytest.approx(0.5 / ln_max)
    # x = [0, 1, 2] in any input order: area 0.5 + 1.5 = 2, over (3 - 1) ln 20039
    assert places.auc([math.e**2 - 1, 0.0, math.e - 1]) == pytest.approx(1 / ln_max)
    assert places.auc([5.0]) is None and places.auc([]) is None


GOLD = [pl(0, 6, 55.75, 37.62), pl(10, 21, 43.1155, 131.8855), pl(30, 35, 0.0, 0.0)]
PRED = [
    pl(0, 6, 56.75, 37.62),  # one degree north: 111.195 km, within 161 km
    pl(10, 21, 45.1155, 131.8855),  # two degrees north: 222.390 km, beyond
    pl(40, 45, 10.0, 10.0),  # spurious
]


def test_recognition_resolution_and_end_to_end_by_hand():
    blocks = places.count([GOLD], [PRED])
    assert blocks["places.recognition"][0].tolist() == [2, 3, 3]
    assert blocks["places.end_to_end"][0].tolist() == [1, 3, 3]
    np.testing.assert_allclose(blocks["places.errors"], [KM_PER_DEGREE, 2 * KM_PER_DEGREE])
    total = {k: v.sum(axis=0) for k, v in blocks.items() if k in places.RESAMPLED}
    out = places.summarize(total, bootstrap_blocks({k: blocks[k] for k in total}, n=50), percentile_ci, blocks["places.errors"])
    assert out["recognition"]["f1"] == pytest.approx(2 / 3)
    assert out["end_to_end"]["precision"] == pytest.approx(1 / 3) and out["end_to_end"]["recall"] == pytest.approx(1 / 3)
    res = out["resolution"]
    assert res["matched"] == 2
    assert res["accuracy_161km"] == 0.5
    assert res["mean_error_km"] == pytest.approx(1.5 * KM_PER_DEGREE)
    assert res["median_error_km"] == pytest.approx(1.5 * KM_PER_DEGREE)
    expected_auc = (math.log1p(KM_PER_DEGREE) + math.log1p(2 * KM_PER_DEGREE)) / 2 / math.log(20039)
    assert res["auc"] == pytest.approx(expected_auc)
    assert out["event_geolocation"] is None  # no events given


def test_161_km_is_inclusive_and_no_match_means_no_resolution():
    assert places.THRESHOLD_KM == 161.0
    lat = 161.0 / KM_PER_DEGREE
    blocks = places.count([[pl(0, 3, 0.0, 0.0)]], [[pl(0, 3, lat - 1e-9, 0.0)]])
    assert blocks["places.end_to_end"][0, 0] == 1
    blocks = places.count([[pl(0, 3, 0.0, 0.0)]], [[pl(1, 3, 0.0, 0.0)]])
    total = {k: v.sum(axis=0) for k, v in blocks.items() if k in places.RESAMPLED}
    out = places.summarize(total, bootstrap_blocks({k: blocks[k] for k in total}, n=20), percentile_ci, blocks["places.errors"])
    assert out["resolution"] == {
        "matched": 0,
        "accuracy_161km": None,
        "mean_error_km": None,
        "median_error_km": None,
        "auc": None,
        "ci95": {"accuracy_161km": None, "mean_error_km": None},
    }


def test_duplicate_spans_pair_in_coordinate_order_whatever_the_input_order():
    gold = [pl(0, 3, 10.0, 10.0), pl(0, 3, 50.0, 50.0)]
    pred = [pl(0, 3, 50.0, 50.0), pl(0, 3, 10.0, 10.0)]
    for p in (pred, pred[::-1]):
        blocks = places.count([gold], [p])
        assert blocks["places.errors"].tolist() == [0.0, 0.0]


def ev(etype, trigger, *args):
    return EventPred.model_validate(
        {
            "type": etype,
            "trigger": {"start": trigger[0], "end": trigger[1]},
            "arguments": [{"role": r, "start": s, "end": e} for r, s, e in args],
        }
    )


GOLD_EVENTS = [
    ev("Meet", (50, 53), ("Place", 0, 6)),  # located: [0, 6) is a gold place
    ev("Travel", (60, 66), ("Origin", 0, 6), ("Destination", 10, 21)),  # two located roles
    ev("Attack", (70, 76), ("Attacker", 30, 35)),  # no locative argument: not counted
    ev("Meet", (80, 83), ("Place", 40, 45)),  # locative, but not a gold place: not counted
]


def test_event_geolocation_by_hand():
    pred_events = [
        ev("Meet", (50, 53), ("Place", 0, 6)),  # its place is 111 km off: geolocated
        ev("Travel", (60, 66), ("Origin", 0, 6), ("Destination", 10, 21)),  # destination 222 km off: not
    ]
    assert places.geolocated_events(GOLD_EVENTS, GOLD, pred_events, PRED) == (1, 2)


def test_event_geolocation_needs_the_matched_event_and_the_role_but_not_the_span():
    near = [pl(90, 96, 55.70, 37.60)]  # another mention, a few km from the gold place
    assert places.geolocated_events(GOLD_EVENTS[:1], GOLD, [ev("Meet", (50, 53), ("Place", 90, 96))], near) == (1, 1)
    # wrong trigger span, wrong type, wrong role: not geolocated
    assert places.geolocated_events(GOLD_EVENTS[:1], GOLD, [ev("Meet", (51, 53), ("Place", 90, 96))], near) == (0, 1)
    assert places.geolocated_events(GOLD_EVENTS[:1], GOLD, [ev("Agreement", (50, 53), ("Place", 90, 96))], near) == (0, 1)
    assert places.geolocated_events(GOLD_EVENTS[1:2], GOLD, [ev("Travel", (60, 66), ("Destination", 0, 6), ("Origin", 10, 21))], GOLD) == (
        0,
        1,
    )
    # a predicted argument whose span has no predicted place does not locate anything
    assert places.geolocated_events(GOLD_EVENTS[:1], GOLD, [ev("Meet", (50, 53), ("Place", 0, 6))], []) == (0, 1)


def test_event_geolocation_is_one_to_one():
    gold_events = [ev("Meet", (50, 53), ("Place", 0, 6)), ev("Meet", (50, 53), ("Place", 0, 6))]
    one = [ev("Meet", (50, 53), ("Place", 0, 6))]
    assert places.geolocated_events(gold_events, GOLD, one, GOLD) == (1, 2)
    assert places.geolocated_events(gold_events, GOLD, one * 2, GOLD) == (2, 2)


def test_event_geolocation_share_in_the_summary():
    blocks = places.count([GOLD], [PRED], [GOLD_EVENTS], [[ev("Meet", (50, 53), ("Place", 0, 6))]])
    assert blocks["places.event_geolocation"].tolist() == [[1, 2]]
    total = {k: v.sum(axis=0) for k, v in blocks.items() if k in places.RESAMPLED}
    out = places.summarize(total, bootstrap_blocks({k: blocks[k] for k in total}, n=20), percentile_ci, blocks["places.errors"])
    assert out["event_geolocation"]["share"] == 0.5
    assert out["event_geolocation"]["counts"] == {"geolocated": 1, "gold_events": 2}
    assert prf_counts(total["places.recognition"])["f1"] == pytest.approx(2 / 3)
