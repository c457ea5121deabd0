"""The Dateline data model: documents and their three annotation layers.

These pydantic models are the boundary types of the project: the compiler writes them, the
loader reads them, and the dataset card's `features` are generated from them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

SPLITS: tuple[str, ...] = ("train", "validation", "test")
CONFIGS: tuple[str, ...] = ("documents", "entities", "events", "places")
GENRES: tuple[str, ...] = ("wire", "live", "analysis", "explainer", "feature")
OUR_LICENSE = "CC-BY-4.0"
EXTERNAL_LICENSE = "external: text not redistributed; annotations CC-BY-4.0"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Document(Strict):
    doc_id: str
    title: str
    date: str
    source: Literal["original", "external"]
    genre: str
    storyline: str
    text: str | None
    text_sha256: str
    split: Literal["train", "validation", "test"]
    license: str
    url: str | None = None
    dateline: str | None = None


class EntityMention(Strict):
    id: str
    start: int
    end: int
    text: str
    type: str
    entity: str


class Trigger(Strict):
    start: int
    end: int
    text: str


class Argument(Strict):
    role: str
    mention: str | None  # entity mention id, or None for a value span
    start: int
    end: int
    text: str


class Event(Strict):
    id: str
    type: str
    realis: str
    trigger: Trigger
    arguments: list[Argument]


class Place(Strict):
    id: str
    mention: str
    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonames_id: int | None
    feature: str
    reading: str


class EntitiesRow(Strict):
    doc_id: str
    text: str | None
    entities: list[EntityMention]


class EventsRow(Strict):
    doc_id: str
    text: str | None
    events: list[Event]


class PlacesRow(Strict):
    doc_id: str
    text: str | None
    places: list[Place]


ROW_MODELS: dict[str, type[Strict]] = {
    "documents": Document,
    "entities": EntitiesRow,
    "events": EventsRow,
    "places": PlacesRow,
}


class GoldDocument(Strict):
    """One document with all its layers: what the compiler produces and the scorer consumes."""

    document: Document
    entities: list[EntityMention]
    events: list[Event]
    places: list[Place]

    def rows(self) -> dict[str, Strict]:
        d = self.document
        return {
            "documents": d,
            "entities": EntitiesRow(doc_id=d.doc_id, text=d.text, entities=self.entities),
            "events": EventsRow(doc_id=d.doc_id, text=d.text, events=self.events),
            "places": PlacesRow(doc_id=d.doc_id, text=d.text, places=self.places),
        }

    def with_text(self, text: str | None) -> GoldDocument:
        return self.model_copy(update={"document": self.document.model_copy(update={"text": text})})
