"""The gold side of a score: a split of the corpus, a `--gold` file, or documents in memory.

External documents whose text is not on this machine cannot be scored (offsets point into a
text we do not have): they are left out, and `subset` says so, so that numbers computed with
and without them never carry the same signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from benchmark.model import GoldDocument
from benchmark.scoring.signature import gold_hash
from benchmark.submission import TASKS, GoldRecord, read_gold_file


@dataclass(frozen=True)
class GoldSet:
    records: tuple[GoldRecord, ...]  # the scored documents, in doc_id order
    split: str  # a split name, "file", or "custom"
    subset: str  # "all", or "original-only" when external documents were left out
    excluded: tuple[str, ...] = ()  # external doc_ids left out
    tasks: tuple[str, ...] = TASKS  # the tasks the gold annotates

    @property
    def texts(self) -> dict[str, str]:
        return {r.doc_id: r.text for r in self.records}

    @cached_property
    def version(self) -> str:
        return gold_hash(self.records)


def record_of(doc: GoldDocument) -> GoldRecord:
    """A gold document in the submission schema (what the scorer compares)."""
    assert doc.document.text is not None
    return GoldRecord.model_validate(
        {
            "doc_id": doc.document.doc_id,
            "text": doc.document.text,
            "entities": [{"start": m.start, "end": m.end, "type": m.type} for m in doc.entities],
            "events": [
                {
                    "type": e.type,
                    "trigger": {"start": e.trigger.start, "end": e.trigger.end},
                    "arguments": [{"role": a.role, "start": a.start, "end": a.end} for a in e.arguments],
                }
                for e in doc.events
            ],
            "places": [
                {
                    "start": p.start,
                    "end": p.end,
                    "lat": float(p.lat),
                    "lon": float(p.lon),
                    **({"geonames_id": p.geonames_id} if p.geonames_id else {}),
                }
                for p in doc.places
            ],
        }
    )


def from_documents(docs: Sequence[GoldDocument | GoldRecord], split: str = "custom") -> GoldSet:
    """Gold from memory; GoldDocuments without text (external, not hydrated) are left out."""
    records, excluded = [], []
    for doc in docs:
        if isinstance(doc, GoldRecord):
            records.append(doc)
        elif doc.document.text is None:
            excluded.append(doc.document.doc_id)
        else:
            records.append(record_of(doc))
    tasks = _tasks(records) if records else TASKS
    return GoldSet(
        records=tuple(sorted(records, key=lambda r: r.doc_id)),
        split=split,
        subset="original-only" if excluded else "all",
        excluded=tuple(sorted(excluded)),
        tasks=tasks,
    )


def _tasks(records: Sequence[GoldRecord]) -> tuple[str, ...]:
    return tuple(t for t in TASKS if all(t in r.tasks for r in records))


def for_split(split: str, texts_dir: Path | None = None) -> GoldSet:
    from benchmark.loader import default_texts_dir, load_gold

    return from_documents(load_gold(split, texts_dir if texts_dir is not None else default_texts_dir()), split=split)


def from_file(path: str | Path) -> GoldSet:
    gold = read_gold_file(path)
    return from_documents(list(gold.records), split="file")  # type: ignore[arg-type]
