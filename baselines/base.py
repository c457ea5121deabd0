"""The interface every baseline implements, and the registry that names them."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from benchmark.model import GoldDocument


@dataclass(frozen=True)
class InputDocument:
    """What an extractor sees at prediction time: the text and nothing of its gold."""

    doc_id: str
    text: str


class Extractor(Protocol):
    name: str
    #: Submission task keys this extractor fills ("entities", "events", "places").
    tasks: tuple[str, ...]

    def fit(self, train: list[GoldDocument], validation: list[GoldDocument]) -> None:
        """Learn from train, tune on validation. Never given test."""

    def predict(self, doc: InputDocument) -> dict:
        """One submission record: {"doc_id", and a list per task in `tasks`}."""


class UnknownBaseline(LookupError):
    pass


_REGISTRY: dict[str, Callable[[], Extractor]] = {}


def register(name: str):
    """Class decorator: make a baseline available under `name`; names are unique."""

    def decorate(factory):
        if name in _REGISTRY:
            raise ValueError(f"a baseline named {name!r} is already registered")
        _REGISTRY[name] = factory
        return factory

    return decorate


def names() -> list[str]:
    _load_all()
    return sorted(_REGISTRY)


def create(name: str) -> Extractor:
    _load_all()
    if name not in _REGISTRY:
        close = difflib.get_close_matches(name, list(_REGISTRY), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise UnknownBaseline(f"no baseline named {name!r}{hint}; known: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name]()


def _load_all() -> None:
    # Importing the modules runs their @register decorators.
    from baselines import crf, gazetteer, spacy_ner  # noqa: F401
