"""Toponym recognition and resolution, end to end, and event geolocation.

- recognition: exact-span P/R/F1, one-to-one (a span predicted twice is one hit and one
  spurious).
- resolution, on the matched toponyms: great-circle distance by the haversine formula with the
  mean Earth radius R = 6371.0088 km; accuracy_161km (d <= 161 km), mean and median error, and
  AUC as in Gritta et al. (2018): sorted errors, x = ln(1 + km), trapezoid area with unit
  spacing divided by (n - 1) * ln(20039) (lower is better; undefined below two matches).
- end_to_end: P/R/F1 where a true positive needs the exact span and d <= 161 km.
- event_geolocation: among gold events with a locative argument (a role marked locative in
  the ontology) whose span carries a gold place, the share whose matched predicted event (same
  type and trigger span, one-to-one) has, for each such role, an argument of that role whose
  span carries a predicted place within 161 km of a gold place of that role.

When several gold and predicted places share a span, they are paired in (lat, lon,
geonames_id) order, so the pairing does not depend on input order.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from benchmark.ontology import EVENT_TYPES
from benchmark.scoring.metrics import prf_counts, ratio
from benchmark.submission import EventPred, PlacePred

EARTH_RADIUS_KM = 6371.0088
THRESHOLD_KM = 161.0
MAX_ERROR_KM = 20039.0  # half the equatorial circumference: the worst possible error


def haversine_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(np.asarray(lon2) - np.asarray(lon1))
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def auc(errors_km: Sequence[float] | np.ndarray) -> float | None:
    """Gritta et al.'s area under the log-error curve, in [0, 1]; None below two errors."""
    x = np.log1p(np.sort(np.asarray(errors_km, dtype=np.float64)))
    if len(x) < 2:
        return None
    area = float((x[:-1] + x[1:]).sum() / 2)  # trapezoid rule, unit spacing
    return area / ((len(x) - 1) * math.log(MAX_ERROR_KM))


def _by_span(places: Sequence[PlacePred]) -> dict[tuple[int, int], list[tuple[float, float, int]]]:
    out: dict[tuple[int, int], list[tuple[float, float, int]]] = defaultdict(list)
    for p in places:
        out[(p.start, p.end)].append((p.lat, p.lon, p.geonames_id or 0))
    for coords in out.values():
        coords.sort()
    return out


def _within(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return float(haversine_km(a[0], a[1], b[0], b[1])) <= THRESHOLD_KM


def _max_matching(edges: list[list[int]], n_right: int) -> int:
    """Size of a maximum bipartite matching (Kuhn's augmenting paths; groups are tiny)."""
    owner = [-1] * n_right

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if owner[j] < 0 or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(edges)))


def geolocated_events(
    gold_events: Sequence[EventPred], gold_places: Sequence[PlacePred], pred_events: Sequence[EventPred], pred_places: Sequence[PlacePred]
) -> tuple[int, int]:
    """(geolocated, gold events with a located locative argument) for one document."""
    g_at, p_at = _by_span(gold_places), _by_span(pred_places)
    groups: dict[tuple, list[dict[str, list[tuple[float, float]]]]] = defaultdict(list)
    for ev in gold_events:
        etype = EVENT_TYPES[ev.type]
        need: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for arg in ev.arguments:
            role = etype.role(arg.role)
            if role is not None and role.locative:
                need[arg.role] += [c[:2] for c in g_at.get((arg.start, arg.end), ())]
        need = {r: c for r, c in need.items() if c}
        if need:
            groups[(ev.type, ev.trigger.start, ev.trigger.end)].append(need)
    preds: dict[tuple, list[EventPred]] = defaultdict(list)
    for ev in pred_events:
        preds[(ev.type, ev.trigger.start, ev.trigger.end)].append(ev)

    def satisfies(need: dict[str, list[tuple[float, float]]], ev: EventPred) -> bool:
        for role, gold_coords in need.items():
            placed = [c[:2] for a in ev.arguments if a.role == role for c in p_at.get((a.start, a.end), ())]
            if not any(_within(g, p) for g in gold_coords for p in placed):
                return False
        return True

    hits = 0
    for key, needs in groups.items():
        candidates = preds.get(key, [])
        edges = [[j for j, ev in enumerate(candidates) if satisfies(need, ev)] for need in needs]
        hits += _max_matching(edges, len(candidates))
    return hits, sum(len(v) for v in groups.values())


def count(
    gold_places: Sequence[Sequence[PlacePred]], pred_places: Sequence[Sequence[PlacePred]], gold_events=None, pred_events=None
) -> dict[str, np.ndarray]:
    """Per-document counts; with events given, also event geolocation.

    Blocks: recognition and end_to_end (tp, predicted, gold); resolution (matched, within
    161 km, summed error km); event_geolocation (geolocated, gold events); and the matched
    errors with their document index (`places.errors`, `places.error_doc`, not resampled).
    """
    n = len(gold_places)
    recognition = np.zeros((n, 3), dtype=np.int64)
    pairs_doc: list[int] = []
    g_lat: list[float] = []
    g_lon: list[float] = []
    p_lat: list[float] = []
    p_lon: list[float] = []
    for d, (gold, pred) in enumerate(zip(gold_places, pred_places, strict=True)):
        g_at, p_at = _by_span(gold), _by_span(pred)
        tp = 0
        for span, g_coords in g_at.items():
            for g, p in zip(g_coords, p_at.get(span, ()), strict=False):
                tp += 1
                pairs_doc.append(d)
                g_lat.append(g[0])
                g_lon.append(g[1])
                p_lat.append(p[0])
                p_lon.append(p[1])
        recognition[d] = (tp, len(pred), len(gold))
    errors = haversine_km(np.asarray(g_lat), np.asarray(g_lon), np.asarray(p_lat), np.asarray(p_lon)) if pairs_doc else np.zeros(0)
    error_doc = np.asarray(pairs_doc, dtype=np.int64)
    within = errors <= THRESHOLD_KM
    resolution = np.zeros((n, 3), dtype=np.float64)
    resolution[:, 0] = recognition[:, 0]
    resolution[:, 1] = np.bincount(error_doc, weights=within, minlength=n)
    resolution[:, 2] = np.bincount(error_doc, weights=errors, minlength=n)
    end_to_end = recognition.copy()
    end_to_end[:, 0] = resolution[:, 1].astype(np.int64)
    out = {
        "places.recognition": recognition,
        "places.resolution": resolution,
        "places.end_to_end": end_to_end,
        "places.errors": errors,
        "places.error_doc": error_doc,
    }
    if gold_events is not None and pred_events is not None:
        geo = np.zeros((n, 2), dtype=np.int64)
        for d in range(n):
            geo[d] = geolocated_events(gold_events[d], gold_places[d], pred_events[d], pred_places[d])
        out["places.event_geolocation"] = geo
    return out


#: Blocks that are per-document counts (resampled by the bootstrap); the rest are not.
RESAMPLED = ("places.recognition", "places.resolution", "places.end_to_end", "places.event_geolocation")


def _none_if_empty(value: float, n: float) -> float | None:
    return float(value) if n > 0 else None


def summarize(total: dict[str, np.ndarray], boot: dict[str, np.ndarray], ci, errors: np.ndarray) -> dict:
    out: dict = {}
    for name in ("recognition", "end_to_end"):
        counts = total[f"places.{name}"]
        scores, b_scores = prf_counts(counts), prf_counts(boot[f"places.{name}"], np.nan)
        block = {k: float(scores[k]) for k in ("precision", "recall", "f1")}
        block["ci95"] = {k: ci(b_scores[k]) for k in ("precision", "recall", "f1")}
        block["counts"] = {"true_positive": int(counts[0]), "predicted": int(counts[1]), "gold": int(counts[2])}
        out[name] = block
    matched, within, summed = total["places.resolution"]
    b = boot["places.resolution"]
    out["resolution"] = {
        "matched": int(matched),
        "accuracy_161km": _none_if_empty(ratio(within, matched), matched),
        "mean_error_km": _none_if_empty(ratio(summed, matched), matched),
        "median_error_km": float(np.median(errors)) if len(errors) else None,
        "auc": auc(errors),
        "ci95": {
            "accuracy_161km": ci(ratio(b[:, 1], b[:, 0], np.nan)),
            "mean_error_km": ci(ratio(b[:, 2], b[:, 0], np.nan)),
        },
    }
    if "places.event_geolocation" in total:
        hits, n = total["places.event_geolocation"]
        b = boot["places.event_geolocation"]
        out["event_geolocation"] = {
            "share": _none_if_empty(ratio(hits, n), n),
            "ci95": {"share": ci(ratio(b[:, 0], b[:, 1], np.nan))},
            "counts": {"geolocated": int(hits), "gold_events": int(n)},
        }
    else:
        out["event_geolocation"] = None
    return out


HEADLINES = {
    "places.recognition.f1": lambda b: prf_counts(b["places.recognition"])["f1"],
    "places.end_to_end.f1": lambda b: prf_counts(b["places.end_to_end"])["f1"],
    "places.resolution.accuracy_161km": lambda b: ratio(b["places.resolution"][..., 1], b["places.resolution"][..., 0]),
    "places.event_geolocation.share": lambda b: ratio(b["places.event_geolocation"][..., 0], b["places.event_geolocation"][..., 1]),
}
