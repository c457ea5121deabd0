import json
import os
import shutil

import datasets
import pytest

import benchmark
from benchmark import paths
from benchmark.errors import AnnotationError
from benchmark.features import features_for
from benchmark.loader import load_gold, read_rows
from benchmark.model import CONFIGS, SPLITS


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("split", SPLITS)
def test_every_config_and_split_loads(config, split):
    ds = benchmark.load(config, split)
    assert ds.features == features_for(config)
    assert len(ds) == len(read_rows("documents", split)) > 0


def test_gold_documents_join_all_layers():
    for split in SPLITS:
        for gold in load_gold(split):
            assert gold.document.split == split


def test_unknown_config_gets_a_suggestion():
    with pytest.raises(AnnotationError, match="did you mean 'entities'"):
        benchmark.load("entitys", "test")


def test_an_edited_data_file_is_never_served_stale(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(paths.DATA, data)
    first = benchmark.load("documents", "train", data_dir=data)[0]
    target = data / "documents" / "train.jsonl"
    lines = target.read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[0])
    row["title"] = "An edited title"
    lines[0] = json.dumps(row, ensure_ascii=False)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    second = benchmark.load("documents", "train", data_dir=data)[0]
    assert first["title"] != "An edited title"
    assert second["title"] == "An edited title"


@pytest.fixture
def offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")


@pytest.mark.parametrize("config", CONFIGS)
def test_load_dataset_offline_from_the_repository_root(config, offline, tmp_path, monkeypatch):
    monkeypatch.chdir(paths.REPO_ROOT)
    ds = datasets.load_dataset("annotations", config, split="test", cache_dir=str(tmp_path))
    assert ds.features == features_for(config)
    assert len(ds) == len(read_rows(config, "test"))


def test_load_dataset_offline_with_an_absolute_path(offline, tmp_path):
    ds = datasets.load_dataset(str(paths.ANNOTATIONS), "entities", split="train", cache_dir=str(tmp_path))
    assert [r["doc_id"] for r in ds] == [r.doc_id for r in read_rows("entities", "train")]
    assert os.environ["HF_DATASETS_OFFLINE"] == "1"
