"""Each rule of the gold validator rejects the bad case it is there for."""

import pytest

from benchmark.compile import compile_dl
from benchmark.gazetteer import load_gazetteer
from benchmark.model import Argument, EntityMention
from benchmark.validate import validate_corpus, validate_document


@pytest.fixture
def gold(annotations_dir):
    return compile_dl(annotations_dir / "source" / "dl-0999.dl", load_gazetteer(annotations_dir))


def _replace(model, **update):
    return model.model_copy(update=update)


def _problems(g):
    return "\n".join(map(str, validate_document(g)))


def test_valid_document_has_no_problems(gold):
    assert validate_document(gold) == []


def test_span_text_must_match(gold):
    bad = _replace(gold, entities=[_replace(gold.entities[0], text="Vladivostok")] + gold.entities[1:])
    assert "dl-0999 m1: entity.text: expected 'VLADIVOSTOK'" in _problems(bad)


def test_span_must_be_inside_text(gold):
    n = len(gold.document.text)
    bad = _replace(gold, entities=gold.entities[:-1] + [_replace(gold.entities[-1], start=n, end=n + 3)])
    assert "entity.end: expected at most the text length" in _problems(bad)


def test_empty_span_refused(gold):
    bad = _replace(gold, entities=[_replace(gold.entities[0], end=gold.entities[0].start)] + gold.entities[1:])
    assert "0 <= start < end" in _problems(bad)


def test_ids_unique(gold):
    bad = _replace(gold, entities=[gold.entities[0], _replace(gold.entities[1], id="m1")] + gold.entities[2:])
    assert "ids unique within the document" in _problems(bad)


def test_unknown_entity_type(gold):
    bad = _replace(gold, entities=gold.entities[:-2] + [_replace(gold.entities[-2], type="PERSON")] + gold.entities[-1:])
    assert "did you mean 'PER'" in _problems(bad)


def test_entity_spans_do_not_overlap(gold):
    extra = EntityMention(id="m99", start=0, end=5, text="VLADI", type="ORG", entity="x")
    assert "entity spans are flat" in _problems(_replace(gold, entities=gold.entities + [extra]))


def test_argument_reference_must_resolve(gold):
    ev = gold.events[1]
    arg = _replace(ev.arguments[0], mention="m42")
    bad = _replace(gold, events=[gold.events[0], _replace(ev, arguments=[arg])])
    assert "arguments[0].mention: expected the id of an entity mention, found 'm42'" in _problems(bad)


def test_argument_span_must_be_its_mention(gold):
    ev = gold.events[1]
    arg = _replace(ev.arguments[0], mention="m7")  # Putin's id with Kim's span
    bad = _replace(gold, events=[gold.events[0], _replace(ev, arguments=[arg])])
    assert "expected the span of m7" in _problems(bad)


def test_role_must_be_allowed_for_type(gold):
    ev = gold.events[1]
    arg = _replace(ev.arguments[0], role="Attacker")
    bad = _replace(gold, events=[gold.events[0], _replace(ev, arguments=[arg])])
    assert "expected a role of Meet" in _problems(bad)


def test_value_argument_only_for_value_roles(gold):
    ev = gold.events[1]
    arg = Argument(role="Participant", mention=None, start=ev.arguments[0].start, end=ev.arguments[0].end, text=ev.arguments[0].text)
    bad = _replace(gold, events=[gold.events[0], _replace(ev, arguments=[arg])])
    assert "expected an entity mention for role Participant" in _problems(bad)


def test_argument_filler_type(gold):
    travel = gold.events[0]
    dest = next(a for a in travel.arguments if a.role == "Destination")
    kim = gold.entities[3]
    wrong = _replace(dest, mention=kim.id, start=kim.start, end=kim.end, text=kim.text)
    bad = _replace(gold, events=[_replace(travel, arguments=[wrong]), gold.events[1]])
    assert "type FAC/GPE/LOC for role Destination" in _problems(bad)


def test_unknown_event_type_and_realis(gold):
    bad = _replace(gold, events=[_replace(gold.events[0], type="Trip"), _replace(gold.events[1], realis="planned")])
    text = _problems(bad)
    assert "e1: type: expected an event type, found 'Trip'" in text
    assert "e2: realis: expected actual, generic or other, found 'planned'" in text


@pytest.mark.parametrize("field, value", [("lat", 91.0), ("lat", float("nan")), ("lon", -180.5), ("lon", float("inf"))])
def test_coordinates_in_range(gold, field, value):
    bad = _replace(gold, places=[_replace(gold.places[0], **{field: value})] + gold.places[1:])
    assert f"p1: {field}: expected a finite number" in _problems(bad)


def test_place_must_point_at_a_toponym_mention(gold):
    kim = gold.entities[3]
    bad_place = _replace(gold.places[0], mention=kim.id, start=kim.start, end=kim.end, text=kim.text)
    text = _problems(_replace(gold, places=[bad_place] + gold.places[1:]))
    assert "expected a GPE, LOC or FAC mention, found PER m4" in text
    assert "m1: places: expected exactly one place record" in text


def test_place_feature_and_reading(gold):
    bad = _replace(gold, places=[_replace(gold.places[0], feature="town", reading="metonymic")] + gold.places[1:])
    text = _problems(bad)
    assert "feature: expected a place feature class" in text and "reading: expected literal or associative" in text


def test_text_hash_must_match(gold):
    bad = _replace(gold, document=_replace(gold.document, text_sha256="0" * 64))
    assert "text_sha256" in _problems(bad)


def test_every_document_in_exactly_one_split(gold):
    other = _replace(gold, document=_replace(gold.document, split="test"))
    problems = validate_corpus([gold, other])
    assert any("each document in exactly one split" in str(p) for p in problems)
