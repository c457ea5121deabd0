import json

import pytest

from benchmark.compile import compile_dl, compile_standoff, standoff_from_dl
from benchmark.errors import AnnotationError
from benchmark.gazetteer import load_gazetteer
from tests.conftest import SAMPLE_DL


@pytest.fixture
def gazetteer(annotations_dir):
    return load_gazetteer(annotations_dir)


def test_compiles_all_three_layers(annotations_dir, gazetteer):
    gold = compile_dl(annotations_dir / "source" / "dl-0999.dl", gazetteer)
    text = gold.document.text
    assert text.startswith("VLADIVOSTOK, Russia (Dateline)") and "[ad_1]" in text
    assert [m.text for m in gold.entities] == ["VLADIVOSTOK", "Russia", "North Korean", "Kim Jong Un", "Russia", "Kim", "Putin", "Moscow"]
    assert all(text[m.start : m.end] == m.text for m in gold.entities)
    assert [m.id for m in gold.entities] == [f"m{i}" for i in range(1, 9)]
    travel, meet = gold.events
    assert (travel.id, travel.type, travel.trigger.text) == ("e1", "Travel", "arrived")
    # Cluster fillers resolve to the mention nearest the trigger: the second "Russia".
    assert [(a.role, a.text, a.mention) for a in travel.arguments] == [
        ("Traveler", "Kim Jong Un", "m4"),
        ("Destination", "Russia", "m5"),
        ("Time", "Tuesday", None),
    ]
    assert [(a.role, a.mention) for a in meet.arguments] == [("Participant", "m6"), ("Participant", "m7")]
    assert [(p.text, p.reading, p.lat, p.feature) for p in gold.places] == [
        ("VLADIVOSTOK", "literal", 43.10562, "city"),
        ("Russia", "literal", 60.0, "country"),
        ("Russia", "literal", 60.0, "country"),
        ("Moscow", "associative", 60.0, "country"),
    ]
    assert gold.document.source == "original" and gold.document.license == "CC-BY-4.0"


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("{PER putin}", "{PRE putin}", "found 'PRE' (did you mean 'PER'?)"),
        ("Meet actual", "Meat actual", "found 'Meat' (did you mean 'Meet'?)"),
        ("Meet actual", "Meet actul", "found 'actul' (did you mean 'actual'?)"),
        ("Traveler=kim", "Travler=kim", "did you mean 'Traveler'?"),
        ("Traveler=kim", "Traveler=tue", "an entity of type GPE/ORG/PER"),
        ("Destination=russia", "Destination=kim", "a filler of type FAC/GPE/LOC"),
        ("Participant=putin", "Participant=putn", "did you mean 'putin'?"),
        ("{GPE vladivostok literal}", "{GPE vladivostock literal}", "a key of annotations/gazetteer.tsv"),
        ("{GPE vladivostok literal}", "{GPE vladivostok}", "'GPE cluster literal|associative'"),
        ("{GPE russia associative}", "{GPE russia metonymic}", "literal or associative"),
        ("{trigger meet}", "{trigger met}", "an event line for 'met'"),
        ("{PER kim #k2}", "{ORG kim #k2}", "one type per cluster"),
        ("storyline: russia-dprk", "storyline: russia-korea", "storyline"),
        ("date: 2023-09-12", "date: 2023-13-12", "date"),
        ("genre: wire", "genre: blog", "genre"),
        ("split: train", "split: dev", "split"),
        ("doc_id: dl-0999", "doc_id: dl-0998", "the file name's stem"),
        ("split: train", "split: train\nauthor: me", "author"),
    ],
)
def test_annotation_mistakes_are_reported(annotations_dir, gazetteer, old, new, message):
    path = annotations_dir / "source" / "dl-0999.dl"
    assert old in SAMPLE_DL
    path.write_text(SAMPLE_DL.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(AnnotationError) as err:
        compile_dl(path, gazetteer)
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_standoff_round_trip(tmp_path, annotations_dir, gazetteer):
    gold = compile_dl(annotations_dir / "source" / "dl-0999.dl", gazetteer)
    original = tmp_path / "999_original.txt"
    original.write_text(gold.document.text, encoding="utf-8")
    private = tmp_path / "private.dl"
    private.write_text(SAMPLE_DL.replace("doc_id: dl-0999", "doc_id: seed-999"), encoding="utf-8")
    record = standoff_from_dl(private, original)
    assert "Dateline" not in json.dumps(record["spans"])  # span texts only, never the running text
    standoff = tmp_path / "seed-999.json"
    standoff.write_text(json.dumps(record), encoding="utf-8")
    external = compile_standoff(standoff, gazetteer, text=gold.document.text)
    assert external.document.text is None and external.document.source == "external"
    assert external.document.text_sha256 == gold.document.text_sha256
    assert external.entities == gold.entities and external.events == gold.events and external.places == gold.places


def test_standoff_refuses_a_changed_text(tmp_path, annotations_dir):
    original = tmp_path / "999_original.txt"
    original.write_text("something else entirely", encoding="utf-8")
    private = tmp_path / "private.dl"
    private.write_text(SAMPLE_DL.replace("doc_id: dl-0999", "doc_id: seed-999"), encoding="utf-8")
    with pytest.raises(AnnotationError, match="once markup is removed"):
        standoff_from_dl(private, original)


def test_standoff_checks_spans_against_a_supplied_text(tmp_path, annotations_dir, gazetteer):
    gold = compile_dl(annotations_dir / "source" / "dl-0999.dl", gazetteer)
    original = tmp_path / "999_original.txt"
    original.write_text(gold.document.text, encoding="utf-8")
    private = tmp_path / "private.dl"
    private.write_text(SAMPLE_DL.replace("doc_id: dl-0999", "doc_id: seed-999"), encoding="utf-8")
    standoff = tmp_path / "seed-999.json"
    standoff.write_text(json.dumps(standoff_from_dl(private, original)), encoding="utf-8")
    with pytest.raises(AnnotationError, match="text_sha256"):
        compile_standoff(standoff, gazetteer, text=gold.document.text.replace("Kim", "Kym"))


def test_external_spans_of_eight_words_or_more_are_refused(tmp_path, annotations_dir):
    long_value = "[Kim Jong Un arrived in Russia on a long armoured train]{value v}"
    body = SAMPLE_DL.replace("doc_id: dl-0999", "doc_id: seed-999").replace("(Dateline)", long_value)
    private = tmp_path / "private.dl"
    private.write_text(body, encoding="utf-8")
    original = tmp_path / "999_original.txt"
    from benchmark.markup import parse_source

    original.write_text(parse_source(private).text, encoding="utf-8")
    with pytest.raises(AnnotationError, match="fewer than 8 words"):
        standoff_from_dl(private, original)
