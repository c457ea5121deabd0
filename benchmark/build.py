"""Compile every annotation source into `annotations/data/<config>/<split>.jsonl`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmark import paths
from benchmark.compile import compile_dl, compile_standoff
from benchmark.errors import AnnotationError, Problem
from benchmark.gazetteer import load_gazetteer, load_tables
from benchmark.model import CONFIGS, SPLITS, GoldDocument
from benchmark.validate import validate_corpus, validate_document


def source_files(annotations_dir: Path) -> list[Path]:
    source = annotations_dir / "source"
    return sorted(source.glob("*.dl")) + sorted((source / "external").glob("*.json"))


def compile_file(path: Path, gazetteer) -> GoldDocument:
    if path.suffix == ".dl":
        return compile_dl(path, gazetteer)
    return compile_standoff(path, gazetteer)


def compile_corpus(annotations_dir: Path = paths.ANNOTATIONS) -> list[GoldDocument]:
    """Compile and validate every source; raise with every problem of every file."""
    gazetteer = load_gazetteer(annotations_dir)
    docs: list[GoldDocument] = []
    problems: list[Problem] = []
    for path in source_files(annotations_dir):
        try:
            docs.append(compile_file(path, gazetteer))
        except AnnotationError as err:
            problems += err.problems
    problems += validate_corpus(docs)
    if problems:
        raise AnnotationError(problems)
    return sorted(docs, key=lambda g: g.document.doc_id)


def render_data(docs: list[GoldDocument]) -> dict[str, bytes]:
    """Relative path -> file bytes, for every config and split. Deterministic."""
    out: dict[str, bytes] = {}
    for config in CONFIGS:
        for split in SPLITS:
            lines = [
                json.dumps(g.rows()[config].model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
                for g in docs
                if g.document.split == split
            ]
            out[f"{config}/{split}.jsonl"] = "".join(line + "\n" for line in lines).encode("utf-8")
    return out


def write_data(docs: list[GoldDocument], data_dir: Path = paths.DATA) -> list[Path]:
    written = []
    for rel, content in render_data(docs).items():
        target = data_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != content:
            target.write_bytes(content)
        written.append(target)
    return written


def _summary(g: GoldDocument) -> str:
    words = len(g.document.text.split()) if g.document.text else "?"
    return f"{g.document.doc_id}: {words} words, {len(g.entities)} entities, {len(g.events)} events, {len(g.places)} places"


def main(argv: list[str]) -> int:
    """`check [--gazetteer TSV] FILE...` compiles and validates single sources; `all` rebuilds the data."""
    if not argv or argv[0] not in ("check", "all"):
        print("usage: python -m benchmark.build check [--gazetteer TSV] FILE... | all", file=sys.stderr)
        return 2
    try:
        if argv[0] == "check":
            files = argv[1:]
            if files[:1] == ["--gazetteer"] and len(files) > 1:
                gazetteer, files = load_tables([Path(files[1])]), files[2:]
            else:
                gazetteer = load_gazetteer(paths.ANNOTATIONS)
            failed = False
            for name in files:
                try:
                    gold = compile_file(Path(name), gazetteer)
                    problems = validate_document(gold)
                    if problems:
                        raise AnnotationError(problems)
                    print(_summary(gold))
                except AnnotationError as err:
                    failed = True
                    print(err, file=sys.stderr)
            return 2 if failed else 0
        docs = compile_corpus()
        write_data(docs)
        print(f"built {len(docs)} documents into {paths.DATA}")
        return 0
    except AnnotationError as err:
        print(err, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
