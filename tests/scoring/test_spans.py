"""Columnar spans from Python lists."""

from __future__ import annotations

import pytest

from benchmark.scoring.spans import SpanArrays
from benchmark.submission import EntityPred


def test_from_dicts_and_objects():
    a = SpanArrays.from_lists([[{"start": 0, "end": 2, "type": "B"}], [], [{"start": 5, "end": 9, "type": "A"}]], ("A", "B"))
    assert a.doc.tolist() == [0, 2] and a.start.tolist() == [0, 5] and a.end.tolist() == [2, 9] and a.label.tolist() == [1, 0]
    b = SpanArrays.from_lists([[EntityPred(start=1, end=3, type="GPE")]], ("PER", "GPE"))
    assert b.label.tolist() == [1] and len(b) == 1
    c = SpanArrays.from_lists([[{"start": 0, "end": 2, "label": "A"}]], ("A",))
    assert c.label.tolist() == [0]
    assert len(SpanArrays.from_lists([[], []], ("A",))) == 0


def test_unknown_label_is_an_error():
    with pytest.raises(KeyError):
        SpanArrays.from_lists([[{"start": 0, "end": 2, "type": "Z"}]], ("A",))
