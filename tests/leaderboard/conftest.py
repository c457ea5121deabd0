from __future__ import annotations

import copy
import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from benchmark.leaderboard.submissions import sha256_hex

GOLDEN = Path(__file__).parent / "golden"
#: Set to regenerate the golden files (after checking that the change is intended).
UPDATE_GOLDEN = os.environ.get("DATELINE_UPDATE_GOLDEN") == "1"

XSS_SCRIPT = "<script>document.documentElement.setAttribute('data-pwned','script')</script>"
XSS_IMG = "\"><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"
PAYLOAD = f"{XSS_SCRIPT}{XSS_IMG}"

CARD: dict = {
    "name": "Test system",
    "version": "1.0",
    "authors": ["Ada Lovelace", "Alan Turing"],
    "url": "https://example.org/test-system",
    "description": "A system used by the leaderboard tests.",
    "licence": "Apache-2.0",
    "open_weights": True,
    "open_code": True,
    "training_data": {"description": "Dateline train split; validation for tuning", "test_split_used": False},
    "date": "2026-01-15",
    "hardware": "1 CPU core",
    "throughput": {"words_per_second": 5000.0, "documents_per_second": 9.5},
}


def card_yaml(hashes: dict[str, str], **overrides) -> str:
    card = copy.deepcopy(CARD)
    for key, value in overrides.items():
        if value is None:
            card.pop(key, None)
        else:
            card[key] = value
    card["predictions_sha256"] = hashes
    return yaml.safe_dump(card, sort_keys=False, allow_unicode=True)


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE_GOLDEN:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with DATELINE_UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"{path} differs; if the change is intended, rerun with DATELINE_UPDATE_GOLDEN=1"


@pytest.fixture(scope="session")
def gold_lines() -> list[dict]:
    """Perfect predictions for the distributed test documents (the gold, without text)."""
    from benchmark.leaderboard.build import load_split_gold

    gold = load_split_gold("test")
    return [r.model_dump(mode="json", exclude_none=True, exclude={"text"}) for r in gold.records]


def degrade(lines: list[dict], keep_every: int = 2) -> list[dict]:
    """A worse system: drops entities, event arguments and places, moves one place far away."""
    out = []
    for line in copy.deepcopy(lines):
        line["entities"] = line["entities"][::keep_every]
        for event in line["events"]:
            event["arguments"] = event.get("arguments", [])[::keep_every]
        line["places"] = line["places"][::keep_every]
        if line["places"]:
            line["places"][0]["lat"] = -line["places"][0]["lat"]
            line["places"][0]["lon"] = (line["places"][0]["lon"] + 180) % 360 - 180
        out.append(line)
    return out


def jsonl(lines: list[dict]) -> bytes:
    return "".join(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n" for line in lines).encode("utf-8")


def write_submission(root: Path, system_id: str, lines: list[dict] | bytes, **card) -> Path:
    folder = root / system_id
    folder.mkdir(parents=True)
    data = lines if isinstance(lines, bytes) else jsonl(lines)
    (folder / "predictions.jsonl").write_bytes(data)
    (folder / "system.yaml").write_text(card_yaml({"test": sha256_hex(data)}, **card), encoding="utf-8")
    return folder


def sample_results(payload: str | None = None) -> dict:
    """A small, fixed board for the rendering tests (numbers made up, structure real).

    With `payload`, every free-text field of every system card carries it."""
    from benchmark.leaderboard.layers import LAYERS

    def card(name: str, wps: float | None, hardware: str | None, paper: str | None = None) -> dict:
        text = (lambda s: f"{s} {payload}") if payload else (lambda s: s)
        return {
            "name": text(name),
            "version": text("2.1"),
            "authors": [text("Ada Lovelace"), text("Alan Turing")],
            "url": "https://example.org/a_(b)",
            "paper": paper,
            "description": text("Tags | pipes, *stars* and [brackets](https://x.org) in a\nmultiline description."),
            "licence": text("Apache-2.0"),
            "open_weights": True if wps else "not applicable",
            "open_code": True,
            "training_data": {"description": text("Dateline train; validation for tuning"), "test_split_used": False},
            "date": "2026-01-15",
            "hardware": text(hardware) if hardware else None,
            "throughput": {"words_per_second": wps, "documents_per_second": None} if wps else None,
            "predictions_sha256": {"test": "ab" * 32},
        }

    systems = {
        "alpha": {"card": card("Alpha", 60000.0, "1 CPU core", "https://example.org/paper"), "tasks": ["ner", "events", "places"]},
        "beta": {"card": card("Beta", 5000.0, "1 A100 GPU"), "tasks": ["ner", "events", "places"]},
        "gamma": {"card": card("Gamma", None, None), "tasks": ["ner"]},
    }
    for entry in systems.values():
        entry.update({"test": {"signature": "sig"}, "validation": None})
    values = {
        "alpha": [0.9012, 0.912, 0.915, 0.903, 0.751, 0.7, 0.66, 0.5, 0.45, 0.41, 0.95, 0.96, 0.042, 0.0, 0.93, 0.31, 0.45, 0.93],
        "beta": [0.8123, 0.8, 0.85, 0.81, 0.6, 0.72, 0.6, 0.48, 0.43, 0.40, 0.9, 0.8, 0.1, 12.5, 0.8, 0.2, 0.43, 0.8],
        "gamma": [0.8123, 0.7, 0.75, 0.71, 0.5],
    }
    layers = []
    offset = 0
    for layer in LAYERS:
        data = layer.as_json()
        n = len(layer.columns)
        rows = []
        members = [s for s in ("alpha", "beta", "gamma") if all(t in systems[s]["tasks"] for t in layer.tasks)]
        for rank, sid in enumerate(members, start=1):
            cells = {}
            for i, column in enumerate(layer.columns):
                v = values[sid][offset + i]
                ci = None if column.kind != "percent" else [round(max(0.0, v - 0.05), 6), round(min(1.0, v + 0.04), 6)]
                cells[column.key] = {"value": v, "ci95": ci}
            wps = systems[sid]["card"]["throughput"]
            rows.append(
                {
                    "system": sid,
                    "rank": 2 if sid == "gamma" else rank,
                    "values": cells,
                    "words_per_second": wps["words_per_second"] if wps else None,
                    "better_than": [],
                }
            )
        pairs = []
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                d = round(values[a][offset] - values[b][offset], 6)
                significant = a == "alpha"
                pairs.append(
                    {
                        "a": a,
                        "b": b,
                        "metric": layer.headline,
                        "delta": d,
                        "ci95": [round(d - 0.03, 6), round(d + 0.03, 6)],
                        "p_value": 0.0004 if significant else 1.0,
                        "p_holm": 0.0008 if significant else 1.0,
                        "significant": significant,
                    }
                )
        for row in rows:
            row["better_than"] = [p["b"] for p in pairs if p["a"] == row["system"] and p["significant"]]
        offset += n if layer.id != "event-geolocation" else 0
        data.update(
            {
                "signature": f"dateline-score:1.0.0|gold:0123456789ab|split:test|subset:original-only|tasks:{','.join(layer.tasks)}",
                "rows": rows,
                "pairs": pairs,
                "not_attempted": [s for s in ("alpha", "beta", "gamma") if s not in members],
            }
        )
        layers.append(data)
    return {
        "format": "dateline-leaderboard/1",
        "scorer_version": "1.0.0",
        "gold": {
            "split": "test",
            "subset": "original-only",
            "version": "0123456789ab" + "0" * 52,
            "documents": 7,
            "external_left_out": ["seed-000", "seed-004"],
        },
        "significance": {
            "alpha": 0.05,
            "test": "paired approximate randomisation over documents (the scorer's compare)",
            "correction": "Holm, within each table",
        },
        "layers": layers,
        "systems": systems,
    }


class Elements(HTMLParser):
    """Start tags with their attributes, and text, of a rendered page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser
