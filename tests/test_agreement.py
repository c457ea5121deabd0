"""Inter-annotator agreement: the committed figures are what the two annotations give."""

import json

import pytest

from benchmark import agreement, paths
from benchmark.compile import compile_dl
from benchmark.gazetteer import load_gazetteer
from benchmark.loader import default_texts_dir

pytestmark = pytest.mark.skipif(not agreement.RESULTS.exists(), reason="agreement has not been measured yet")


def test_committed_results_are_what_the_annotations_give():
    committed = json.loads(agreement.RESULTS.read_text(encoding="utf-8"))
    fresh = agreement.compute(texts_dir=default_texts_dir())
    assert fresh["original_only"] == committed["original_only"], "run `dateline agreement --write`"
    if "all" in fresh:
        assert fresh["all"] == committed["all"], "run `dateline agreement --write`"


def test_every_second_annotation_has_its_first():
    pairs = agreement.load_pairs(texts_dir=None)
    assert len(pairs) >= 28
    assert all(a.document.text == b.document.text for a, b, _ in pairs)


def test_identical_annotations_agree_perfectly(annotations_dir):
    gold = compile_dl(annotations_dir / "source" / "dl-0999.dl", load_gazetteer(annotations_dir))
    result = agreement.measure([(gold, gold, "self")])
    assert result["entities"]["strict_f1"] == 1.0
    assert result["events"]["trigger_classification_f1"] == 1.0
    assert result["places"]["accuracy_161km"] == 1.0


def test_a_disagreement_lowers_agreement(annotations_dir):
    gold = compile_dl(annotations_dir / "source" / "dl-0999.dl", load_gazetteer(annotations_dir))
    other = gold.model_copy(update={"entities": gold.entities[1:], "places": [p.model_copy(update={"lat": -p.lat}) for p in gold.places]})
    result = agreement.measure([(gold, other, "other")])
    assert result["entities"]["strict_f1"] < 1.0
    assert result["places"]["accuracy_161km"] < 1.0
    assert paths.ANNOTATIONS.exists()
