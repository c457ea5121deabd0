"""Golden files pin the table, Markdown and JSON output of a score and of a comparison.

Regenerate after an intended change: DATELINE_UPDATE_GOLDEN=1 python -m pytest tests/scoring/test_report.py
"""

from __future__ import annotations

import os

import pytest

from benchmark.cli import main
from benchmark.scoring import compare, from_file, score
from benchmark.scoring.report import render, render_comparison
from benchmark.submission import read_submission

from .conftest import GOLDEN

UPDATE = bool(os.environ.get("DATELINE_UPDATE_GOLDEN"))


def check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: regenerate with DATELINE_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} changed: if intended, regenerate with DATELINE_UPDATE_GOLDEN=1"


@pytest.mark.parametrize(("fmt", "suffix"), [("table", "txt"), ("markdown", "md"), ("json", "json")])
def test_score_output_is_pinned(fmt, suffix, capsys, monkeypatch):
    monkeypatch.chdir(GOLDEN)
    assert main(["score", "pred_a.jsonl", "--gold", "gold.jsonl", "--format", fmt]) == 0
    check(f"score.{suffix}", capsys.readouterr().out)


@pytest.mark.parametrize(("fmt", "suffix"), [("table", "txt"), ("markdown", "md"), ("json", "json")])
def test_compare_output_is_pinned(fmt, suffix, capsys, monkeypatch):
    monkeypatch.chdir(GOLDEN)
    assert main(["compare", "pred_a.jsonl", "pred_b.jsonl", "--gold", "gold.jsonl", "--format", fmt]) == 0
    check(f"compare.{suffix}", capsys.readouterr().out)


def test_partial_report_is_pinned():
    gold = from_file(GOLDEN / "gold.jsonl")
    report = score(gold, read_submission(GOLDEN / "pred_b.jsonl"), tasks="ner,places")
    check("score_ner_places.txt", render(report, "table"))


def test_renderers_carry_the_signature():
    gold = from_file(GOLDEN / "gold.jsonl")
    a = score(gold, read_submission(GOLDEN / "pred_a.jsonl"))
    for fmt in ("table", "markdown", "json"):
        assert a.signature in render(a, fmt)
        assert a.signature in render_comparison(compare(a, a, n_trials=100), fmt)
