import pytest

from baselines import base


def test_all_baselines_are_registered():
    assert base.names() == ["crf", "crf-gaz", "gazetteer", "spacy"]


def test_a_typo_gets_a_suggestion():
    with pytest.raises(base.UnknownBaseline, match="did you mean 'gazetteer'"):
        base.create("gazeteer")


def test_duplicate_names_are_refused():
    with pytest.raises(ValueError, match="already registered"):
        base.register("gazetteer")(object)
