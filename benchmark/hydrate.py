"""Write a copy of the dataset with external documents' text filled in from the user's files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from benchmark import paths
from benchmark.errors import AnnotationError, Problem
from benchmark.loader import external_text, read_rows
from benchmark.model import CONFIGS, SPLITS


def hydrate_dataset(texts_dir: Path, output: Path, data_dir: Path = paths.DATA, card: Path = paths.CARD) -> Path:
    """Copy card and data to `output`, with every external text filled in; all or nothing."""
    if not texts_dir.is_dir():
        raise AnnotationError([Problem(str(texts_dir), None, "--texts", "a folder holding the external texts", "no such folder")])
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for split in SPLITS:
        for doc in read_rows("documents", split, data_dir):
            if doc.source != "external":
                continue
            try:
                text = external_text(doc, texts_dir)
            except AnnotationError as err:
                problems += err.problems
                continue
            if text is None:
                number = doc.doc_id.removeprefix("seed-")
                problems.append(Problem(str(texts_dir), None, doc.doc_id, f"a file {number}_*.txt with SHA-256 {doc.text_sha256}", "no such file"))
            else:
                texts[doc.doc_id] = text
    if problems:
        raise AnnotationError(problems)
    staging = output.with_name(output.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    for config in CONFIGS:
        for split in SPLITS:
            rows = [row.model_dump(mode="json") for row in read_rows(config, split, data_dir)]
            for row in rows:
                if row["doc_id"] in texts:
                    row["text"] = texts[row["doc_id"]]
            target = staging / "data" / config / f"{split}.jsonl"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows), encoding="utf-8")
    shutil.copyfile(card, staging / "README.md")
    shutil.rmtree(output, ignore_errors=True)
    staging.rename(output)
    return output
