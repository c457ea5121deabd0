"""Load Dateline: as gold documents for the project's own code, or as a `datasets.Dataset`.

`datasets.load_dataset("annotations", ...)` works too, but its cache is keyed on the card's
YAML, not on the data files, so an edited data file can be served stale. `load()` builds the
dataset in memory from the files as they are now, so it cannot serve stale rows.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import ValidationError

from benchmark import paths
from benchmark.errors import AnnotationError, Problem
from benchmark.model import CONFIGS, ROW_MODELS, SPLITS, Document, EntitiesRow, EventsRow, GoldDocument, PlacesRow


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        from benchmark.errors import did_you_mean

        raise AnnotationError([Problem("load", None, name, f"one of {', '.join(choices)}", did_you_mean(value, choices))])


def read_rows(config: str, split: str, data_dir: Path = paths.DATA) -> list:
    _check_choice("config", config, CONFIGS)
    _check_choice("split", split, SPLITS)
    path = data_dir / config / f"{split}.jsonl"
    if not path.exists():
        raise AnnotationError([Problem(str(path), None, "file", "a compiled data file (run `dateline build`)", "no such file")])
    model = ROW_MODELS[config]
    rows, problems = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            rows.append(model.model_validate_json(line))
        except ValidationError as err:
            problems += [Problem(str(path), n, ".".join(map(str, e["loc"])), e["msg"], repr(e.get("input"))[:80]) for e in err.errors()]
    if problems:
        raise AnnotationError(problems)
    return rows


def external_text(doc: Document, texts_dir: Path) -> str | None:
    """The text of external document `seed-NNN` from `texts_dir/NNN_*.txt`; None if absent.

    A file that is present but whose SHA-256 differs is an error naming both hashes.
    """
    number = doc.doc_id.removeprefix("seed-")
    candidates = sorted(texts_dir.glob(f"{number}_*.txt"))
    if not candidates:
        return None
    if len(candidates) > 1:
        raise AnnotationError([Problem(str(texts_dir), None, doc.doc_id, f"one file named {number}_*.txt", ", ".join(p.name for p in candidates))])
    raw = candidates[0].read_bytes()
    found = hashlib.sha256(raw).hexdigest()
    if found != doc.text_sha256:
        raise AnnotationError([Problem(str(candidates[0]), None, f"{doc.doc_id} text_sha256", doc.text_sha256, found)])
    return raw.decode("utf-8")


def default_texts_dir() -> Path | None:
    return paths.DEFAULT_SEEDS if paths.DEFAULT_SEEDS.is_dir() else None


def load_gold(split: str, texts_dir: Path | None = None, data_dir: Path = paths.DATA) -> list[GoldDocument]:
    """Every document of `split` with all layers, external texts filled in from `texts_dir`."""
    docs: list[Document] = read_rows("documents", split, data_dir)
    layers = {config: {row.doc_id: row for row in read_rows(config, split, data_dir)} for config in ("entities", "events", "places")}
    out = []
    for doc in docs:
        if doc.text is None and texts_dir is not None:
            doc = doc.model_copy(update={"text": external_text(doc, texts_dir)})
        ents: EntitiesRow = layers["entities"][doc.doc_id]
        evs: EventsRow = layers["events"][doc.doc_id]
        pls: PlacesRow = layers["places"][doc.doc_id]
        out.append(GoldDocument(document=doc, entities=ents.entities, events=evs.events, places=pls.places))
    return out


def load(config: str, split: str, *, texts_dir: Path | None = None, data_dir: Path = paths.DATA):
    """A `datasets.Dataset` for one config and split, built from the files as they are now."""
    from datasets import Dataset

    from benchmark.features import features_for

    rows = [row.model_dump(mode="json") for row in read_rows(config, split, data_dir)]
    if texts_dir is not None:
        texts = {g.document.doc_id: g.document.text for g in load_gold(split, texts_dir, data_dir)}
        for row in rows:
            if row.get("text") is None:
                row["text"] = texts[row["doc_id"]]
    return Dataset.from_list(rows, features=features_for(config))


def data_fingerprint(data_dir: Path = paths.DATA) -> str:
    """SHA-256 over every compiled data file, names included: the data version."""
    digest = hashlib.sha256()
    for path in sorted(data_dir.glob("*/*.jsonl")):
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


__all__ = ["load", "load_gold", "read_rows", "data_fingerprint", "external_text", "default_texts_dir"]
