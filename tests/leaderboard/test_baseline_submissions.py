from __future__ import annotations

import pytest

from benchmark.leaderboard import baseline_submissions
from benchmark.leaderboard.baseline_submissions import FACTS, add_baselines, write_baseline
from benchmark.leaderboard.submissions import read_folder

from .conftest import jsonl


@pytest.fixture
def fake_predictions(monkeypatch, gold_lines):
    calls = []

    def predictions_of(name, split, texts_dir):
        calls.append((name, split))
        return jsonl(gold_lines) if split == "test" else b'{"doc_id": "v"}\n'

    monkeypatch.setattr(baseline_submissions, "predictions_of", predictions_of)
    return calls


def test_every_registered_baseline_becomes_a_valid_folder(tmp_path, fake_predictions):
    from baselines import base

    folders = add_baselines(root=tmp_path)
    assert [f.name for f in folders] == base.names()
    assert set(base.names()) <= set(FACTS)  # every baseline has its honest facts written down
    for folder in folders:
        checked = read_folder(folder)
        card = checked.card
        assert card.name == f"Baseline: {folder.name}" and card.open_code is True
        assert card.training_data.test_split_used is False and "train" in card.training_data.description
        assert card.description.startswith("A Dateline baseline. `")
        assert set(checked.predictions) == ({"test", "validation"} if ("validation" in {s for _, s in fake_predictions}) else {"test"})


def test_throughput_and_hardware_come_from_the_speed_benchmark(tmp_path, fake_predictions, monkeypatch):
    speed = tmp_path / "speed.json"
    speed.write_text(
        '{"baselines": {"gazetteer": {"words_per_second": 1234.5, "documents_per_second": '
        '2.0}}, "machine": {"processor": "x86_64", "platform": "Linux", "python": "3.11.7"}}'
    )
    monkeypatch.setattr(baseline_submissions, "SPEED_RESULTS", speed)
    card = read_folder(write_baseline("gazetteer", tmp_path / "subs")).card
    assert card.throughput.words_per_second == 1234.5 and card.hardware == "x86_64, one process on CPU, Linux, Python 3.11.7"
    card = read_folder(write_baseline("crf", tmp_path / "subs")).card
    assert card.throughput is None and card.hardware is None  # not measured: left out, not made up


def test_a_rerun_with_the_same_predictions_keeps_the_date(tmp_path, fake_predictions):
    folder = write_baseline("gazetteer", tmp_path, today="2026-01-01")
    first = (folder / "system.yaml").read_bytes()
    write_baseline("gazetteer", tmp_path, today="2027-12-31")
    assert (folder / "system.yaml").read_bytes() == first


def test_a_real_baseline_run_makes_a_folder_the_build_accepts(tmp_path):
    from benchmark.leaderboard.build import build

    write_baseline("gazetteer", tmp_path, today="2026-01-01")
    results, _ = build(tmp_path)
    assert results["systems"]["gazetteer"]["tasks"] == ["ner", "events", "places"]
    assert [row["system"] for row in results["layers"][0]["rows"]] == ["gazetteer"]
