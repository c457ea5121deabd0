from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmark.model import Document, GoldDocument

GOLDEN = Path(__file__).parent / "golden"


def gold_document(doc_id: str, text: str | None, source: str = "original", entities=(), events=(), places=()) -> GoldDocument:
    """A GoldDocument as the loader returns it (text None: an external text not hydrated)."""
    import hashlib

    return GoldDocument(
        document=Document(
            doc_id=doc_id,
            title="t",
            date="2024-01-01",
            source=source,
            genre="wire",
            storyline="s",
            text=text,
            text_sha256=hashlib.sha256((text or "").encode()).hexdigest(),
            split="test",
            license="CC-BY-4.0",
        ),
        entities=list(entities),
        events=list(events),
        places=list(places),
    )


@pytest.fixture
def write_jsonl(tmp_path: Path):
    def write(name: str, records) -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        return path

    return write
