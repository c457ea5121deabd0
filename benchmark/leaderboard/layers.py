"""The leaderboard's tables: which tasks each scores, its columns, and how rows are sorted.

Each table is scored with exactly its own tasks, so every row of a table carries the same
signature. Metric keys are paths into the scorer's JSON report, such as `ner.strict.f1`; the
interval of `a.b.c` is at `a.b.ci95.c`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    #: "percent" (a share shown x 100), "number" (three decimals) or "km".
    kind: str = "percent"
    better: str = "higher"


@dataclass(frozen=True)
class Layer:
    id: str
    title: str
    tasks: tuple[str, ...]
    #: The metric rows are ranked by and tested on; the next key breaks ties.
    headline: str
    tiebreak: str
    columns: tuple[Column, ...]
    blurb: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "tasks": list(self.tasks),
            "headline": self.headline,
            "tiebreak": self.tiebreak,
            "blurb": self.blurb,
            "columns": [{"key": c.key, "label": c.label, "kind": c.kind, "better": c.better} for c in self.columns],
        }


LAYERS: tuple[Layer, ...] = (
    Layer(
        id="entities",
        title="Entities",
        tasks=("ner",),
        headline="ner.strict.f1",
        tiebreak="ner.partial.f1",
        blurb="Named entity recognition: micro F1 under the four SemEval-2013 schemes, and macro F1 over types (strict).",
        columns=(
            Column("ner.strict.f1", "Strict F1"),
            Column("ner.exact.f1", "Exact F1"),
            Column("ner.partial.f1", "Partial F1"),
            Column("ner.type.f1", "Type F1"),
            Column("ner.strict.macro_f1", "Macro F1"),
        ),
    ),
    Layer(
        id="events",
        title="Events",
        tasks=("events",),
        headline="events.argument_classification.f1",
        tiebreak="events.trigger_classification.f1",
        blurb="Event extraction as in ACE practice and TextEE: trigger and argument identification and classification (F1); "
        "the + variants also require the right trigger.",
        columns=(
            Column("events.trigger_identification.f1", "Trig. Id F1"),
            Column("events.trigger_classification.f1", "Trig. Cls F1"),
            Column("events.argument_identification.f1", "Arg. Id F1"),
            Column("events.argument_classification.f1", "Arg. Cls F1"),
            Column("events.argument_classification_plus.f1", "Arg. Cls+ F1"),
        ),
    ),
    Layer(
        id="places",
        title="Places",
        tasks=("places",),
        headline="places.end_to_end.f1",
        tiebreak="places.recognition.f1",
        blurb="Toponym recognition (F1), resolution of the recognised toponyms (accuracy within 161 km, AUC of the error curve: "
        "lower is better, median error), and end to end F1 (span and coordinates within 161 km).",
        columns=(
            Column("places.recognition.f1", "Recognition F1"),
            Column("places.resolution.accuracy_161km", "Acc@161km"),
            Column("places.resolution.auc", "AUC", kind="number", better="lower"),
            Column("places.resolution.median_error_km", "Median error", kind="km", better="lower"),
            Column("places.end_to_end.f1", "End-to-end F1"),
        ),
    ),
    Layer(
        id="event-geolocation",
        title="Event geolocation",
        tasks=("events", "places"),
        headline="places.event_geolocation.share",
        tiebreak="places.end_to_end.f1",
        blurb="Events and places together: the share of gold events with a place argument whose matched predicted event "
        "puts that place within 161 km. Only for systems that attempt both events and places.",
        columns=(
            Column("places.event_geolocation.share", "Events located"),
            Column("events.argument_classification.f1", "Arg. Cls F1"),
            Column("places.end_to_end.f1", "End-to-end F1"),
        ),
    ),
)


def lookup(report: dict[str, Any], key: str) -> tuple[float | None, list[float] | None]:
    """The value at `key` of a report's JSON and its 95% interval (None where undefined)."""
    *head, last = key.split(".")
    node: Any = report
    for part in head:
        node = node.get(part) if isinstance(node, dict) else None
    if not isinstance(node, dict):
        return None, None
    value = node.get(last)
    ci = (node.get("ci95") or {}).get(last)
    value = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    ci = [float(ci[0]), float(ci[1])] if isinstance(ci, list) and len(ci) == 2 and all(isinstance(x, (int, float)) for x in ci) else None
    return value, ci


__all__ = ["Column", "Layer", "LAYERS", "lookup"]
