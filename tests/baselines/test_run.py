"""Baselines learn from train, tune on validation, never see test, and are deterministic."""

import pytest

from baselines import run
from benchmark import loader


def test_training_reads_only_train_and_validation(monkeypatch):
    seen = []
    real = loader.load_gold

    def spy(split, *args, **kwargs):
        seen.append(split)
        return real(split, *args, **kwargs)

    monkeypatch.setattr(run, "load_gold", spy)
    run.trained("gazetteer")
    assert sorted(seen) == ["train", "validation"]


@pytest.mark.parametrize("name", ["gazetteer", "crf"])
def test_same_command_same_data_gives_identical_bytes(tmp_path, name):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    run.run_baseline(name, "validation", first)
    run.run_baseline(name, "validation", second)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().count(b"\n") == len([g for g in loader.load_gold("validation") if g.document.text])


def test_predictions_cover_every_document_with_text(tmp_path):
    out = tmp_path / "p.jsonl"
    skipped = run.run_baseline("gazetteer", "test", out, texts_dir=tmp_path)  # an empty folder: no seed texts
    assert set(skipped) == {g.document.doc_id for g in loader.load_gold("test") if g.document.source == "external"}
