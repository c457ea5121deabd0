"""Columnar spans: all documents' spans of one kind as flat numpy arrays.

Offsets are character offsets, half-open [start, end); `doc` indexes the gold document order
and `label` indexes a tuple of type names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any

import numpy as np


@dataclass(frozen=True)
class SpanArrays:
    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    label: np.ndarray

    def __len__(self) -> int:
        return len(self.start)

    @classmethod
    def from_lists(cls, docs: Sequence[Iterable[Any]], labels: Sequence[str]) -> SpanArrays:
        """From one list per document of spans: dicts with start/end/type (or label), or
        objects with start/end/type attributes. A label not in `labels` is a KeyError."""
        index = {name: i for i, name in enumerate(labels)}
        flat = [span for spans in docs for span in spans]
        doc = np.repeat(np.arange(len(docs), dtype=np.int64), [len(spans) for spans in docs])
        n = len(flat)
        # map() with item/attribute getters keeps the per-span loop in C: this conversion is
        # a large share of the time for a million spans
        if n and isinstance(flat[0], Mapping):
            get = itemgetter
            kind = "type" if "type" in flat[0] else "label"
        else:
            get, kind = attrgetter, "type"  # type: ignore[assignment]
        start = np.fromiter(map(get("start"), flat), np.int64, n)
        end = np.fromiter(map(get("end"), flat), np.int64, n)
        label = np.fromiter(map(index.__getitem__, map(get(kind), flat)), np.int64, n)
        return cls(doc, start, end, label)
