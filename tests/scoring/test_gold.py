"""The gold side: external documents left out and recorded; gold files; splits."""

from __future__ import annotations

from benchmark.scoring import gold
from benchmark.submission import GoldRecord

from .conftest import gold_document


def test_external_documents_without_text_are_left_out_and_the_subset_says_so():
    docs = [gold_document("dl-2", "Two."), gold_document("seed-001", None, source="external"), gold_document("dl-1", "One.")]
    g = gold.from_documents(docs, split="test")
    assert [r.doc_id for r in g.records] == ["dl-1", "dl-2"]  # doc_id order
    assert g.excluded == ("seed-001",) and g.subset == "original-only"
    assert g.texts == {"dl-1": "One.", "dl-2": "Two."}
    assert gold.from_documents(docs[:1]).subset == "all"


def test_hydrated_external_documents_are_scored():
    g = gold.from_documents([gold_document("seed-001", "Text.", source="external")])
    assert g.subset == "all" and g.records[0].text == "Text."


def test_gold_document_becomes_a_gold_record():
    from benchmark.model import Argument, EntityMention, Event, Place, Trigger

    doc = gold_document(
        "dl-1",
        "Kim met Putin in Moscow.",
        entities=[EntityMention(id="m1", start=0, end=3, text="Kim", type="PER", entity="kim")],
        events=[
            Event(
                id="e1",
                type="Meet",
                realis="actual",
                trigger=Trigger(start=4, end=7, text="met"),
                arguments=[Argument(role="Participant", mention="m1", start=0, end=3, text="Kim")],
            )
        ],
        places=[
            Place(
                id="p1",
                mention="m4",
                start=17,
                end=23,
                text="Moscow",
                lat=55.75,
                lon=37.62,
                geonames_id=None,
                feature="city",
                reading="literal",
            )
        ],
    )
    r = gold.record_of(doc)
    assert isinstance(r, GoldRecord)
    assert r.entities[0].type == "PER" and r.events[0].arguments[0].role == "Participant" and r.places[0].geonames_id is None


def test_gold_file_tasks_are_those_every_record_carries(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"doc_id": "a", "text": "x", "entities": []}\n', encoding="utf-8")
    g = gold.from_file(path)
    assert g.split == "file" and g.tasks == ("ner",) and g.subset == "all"
