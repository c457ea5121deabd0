"""External documents: stand-off annotations over texts the user supplies."""

import hashlib
import shutil

import pytest

from benchmark import paths
from benchmark.errors import AnnotationError
from benchmark.hydrate import hydrate_dataset
from benchmark.loader import load_gold, read_rows
from benchmark.validate import validate_document
from tests.conftest import requires_seeds

SEED_SHA256 = {
    "seed-000": "b82150bc042c9c0d3d5d30371b6c105fb3221ef04f3b5ad1b3875d87f5218a81",
    "seed-004": "748653468e3bfa3e46991303183627c8874fbac7baf121b023a4ad41c5cd8a87",
}


def _external():
    return {d.doc_id: d for s in ("train", "validation", "test") for d in read_rows("documents", s) if d.source == "external"}


def test_seeds_are_external_test_documents_without_text():
    docs = _external()
    assert {k: d.text_sha256 for k, d in docs.items()} == SEED_SHA256
    assert all(d.split == "test" and d.text is None for d in docs.values())


@requires_seeds
def test_seed_annotations_match_the_supplied_texts():
    gold = {g.document.doc_id: g for g in load_gold("test", paths.DEFAULT_SEEDS)}
    for doc_id in SEED_SHA256:
        g = gold[doc_id]
        assert g.document.text is not None
        assert validate_document(g) == []
        assert g.entities and g.events and g.places


@requires_seeds
def test_hydrate_writes_a_full_copy(tmp_path):
    out = hydrate_dataset(paths.DEFAULT_SEEDS, tmp_path / "hydrated")
    rows = (out / "data" / "documents" / "test.jsonl").read_text(encoding="utf-8")
    assert '"text":null' not in rows
    assert (out / "README.md").exists()


@requires_seeds
def test_hydrate_refuses_a_wrong_file_naming_both_hashes(tmp_path):
    texts = tmp_path / "texts"
    shutil.copytree(paths.DEFAULT_SEEDS, texts)
    target = next(texts.glob("000_*.txt"))
    target.chmod(0o644)
    target.write_text(target.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(AnnotationError) as err:
        hydrate_dataset(texts, tmp_path / "out")
    message = str(err.value)
    assert "seed-000" in message and SEED_SHA256["seed-000"] in message
    assert hashlib.sha256(target.read_bytes()).hexdigest() in message
    assert not (tmp_path / "out").exists()


def test_hydrate_refuses_missing_files(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(AnnotationError) as err:
        hydrate_dataset(tmp_path / "empty", tmp_path / "out")
    assert "seed-000" in str(err.value) and "seed-004" in str(err.value) and "no such file" in str(err.value)
