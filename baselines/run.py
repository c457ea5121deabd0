"""Train a baseline on train (tuning on validation) and predict a split."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from baselines.base import Extractor, InputDocument, create
from benchmark.loader import default_texts_dir, load_gold
from benchmark.model import GoldDocument


def trained(name: str, texts_dir: Path | None = None) -> Extractor:
    extractor = create(name)
    extractor.fit(load_gold("train", texts_dir), load_gold("validation", texts_dir))
    return extractor


def inputs(split: str, texts_dir: Path | None) -> tuple[list[InputDocument], list[GoldDocument]]:
    """The split's documents as the extractor may see them; external ones without text are left out."""
    gold = load_gold(split, texts_dir)
    kept = [g for g in gold if g.document.text is not None]
    return [InputDocument(g.document.doc_id, g.document.text) for g in kept], [g for g in gold if g.document.text is None]


def predict(extractor: Extractor, docs: list[InputDocument], progress: bool = False) -> Iterator[dict]:
    iterable = docs
    if progress:
        from tqdm import tqdm

        iterable = tqdm(docs, desc=f"{extractor.name}", unit="doc", file=sys.stderr)
    for doc in iterable:
        yield extractor.predict(doc)


def dumps(record: dict) -> str:
    """One submission line; sorted keys and fixed separators make reruns byte-identical."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def run_baseline(name: str, split: str, output: Path, texts_dir: Path | None = None, progress: bool = False) -> list[str]:
    """Write predictions for `split` to `output`; return the ids of external documents left out."""
    texts_dir = texts_dir if texts_dir is not None else default_texts_dir()
    extractor = trained(name, texts_dir)
    docs, skipped = inputs(split, texts_dir)
    lines = [dumps(r) for r in predict(extractor, sorted(docs, key=lambda d: d.doc_id), progress)]
    output.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return [g.document.doc_id for g in skipped]
