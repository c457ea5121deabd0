"""`system.yaml`: what a submission says about the system, checked against a strict schema.

Every key is known (an unknown key is an error, so a typo or an invented `scores:` key cannot
pass), every value has one type, and every problem is reported with its line. The file is read
with `yaml.SafeLoader` only (see `safe_yaml`). Nothing in it is ever executed or trusted for
rendering: every string is escaped wherever it is shown.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from benchmark.errors import Problem, did_you_mean
from benchmark.leaderboard.problems import LeaderboardError
from benchmark.leaderboard.safe_yaml import YamlDocument, load_yaml_mapping

SHA256 = re.compile(r"[0-9a-f]{64}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Accepted values of `open_weights` besides true and false.
NOT_APPLICABLE = "not applicable"
PREDICTION_SPLITS: tuple[str, ...] = ("test", "validation")


@dataclass(frozen=True)
class TrainingData:
    description: str
    #: Always False once validated: the statement that test was not used to train or tune.
    test_split_used: bool


@dataclass(frozen=True)
class Throughput:
    words_per_second: float
    documents_per_second: float | None = None


@dataclass(frozen=True)
class SystemCard:
    name: str
    version: str
    authors: tuple[str, ...]
    url: str
    description: str
    licence: str
    open_weights: bool | str
    open_code: bool
    training_data: TrainingData
    date: str
    predictions_sha256: dict[str, str] = field(default_factory=dict)
    paper: str | None = None
    hardware: str | None = None
    throughput: Throughput | None = None

    def as_json(self) -> dict[str, Any]:
        """The card as plain JSON values, keys in schema order (results.json sorts them)."""
        out: dict[str, Any] = {
            "name": self.name,
            "version": self.version,
            "authors": list(self.authors),
            "url": self.url,
            "paper": self.paper,
            "description": self.description,
            "licence": self.licence,
            "open_weights": self.open_weights,
            "open_code": self.open_code,
            "training_data": {"description": self.training_data.description, "test_split_used": self.training_data.test_split_used},
            "date": self.date,
            "hardware": self.hardware,
            "throughput": None,
            "predictions_sha256": dict(sorted(self.predictions_sha256.items())),
        }
        if self.throughput is not None:
            out["throughput"] = {
                "words_per_second": self.throughput.words_per_second,
                "documents_per_second": self.throughput.documents_per_second,
            }
        return out


# ---------------------------------------------------------------------------------------------
# Value checks: each returns (value, None) when fine or (None, "what was expected")


Check = Callable[[Any], tuple[Any, str | None]]


def _bad_characters(text: str, multiline: bool) -> bool:
    allowed = {"\n", "\t"} if multiline else set()
    return any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") and c not in allowed for c in text)


def text(max_len: int, multiline: bool = False) -> Check:
    what = f"a string of 1 to {max_len} characters" + ("" if multiline else " on one line")

    def check(value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, str):
            return None, what + (" (quote it)" if isinstance(value, (int, float, bool, dt.date)) else "")
        value = value.strip()
        if not value or len(value) > max_len:
            return None, what
        if _bad_characters(value, multiline):
            return None, what + " without control or invisible formatting characters"
        return value, None

    return check


def url(value: Any) -> tuple[Any, str | None]:
    what = "an http:// or https:// address (at most 300 characters, no spaces or quotes)"
    if not isinstance(value, str) or len(value) > 300 or re.search(r"[\s\"'<>\\`]", value) or _bad_characters(value, False):
        return None, what
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None, what
    return value, None


def boolean(value: Any) -> tuple[Any, str | None]:
    return (value, None) if isinstance(value, bool) else (None, "true or false")


def open_weights(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, bool) or value == NOT_APPLICABLE:
        return value, None
    return None, f"true, false or {NOT_APPLICABLE!r} (for a system without learned weights)"


def authors(value: Any) -> tuple[Any, str | None]:
    what = "a list of 1 to 50 author names (strings of at most 200 characters)"
    if not isinstance(value, list) or not 1 <= len(value) <= 50:
        return None, what
    names = [text(200)(v)[0] for v in value]
    if any(n is None for n in names):
        return None, what
    return tuple(names), None


def date(value: Any) -> tuple[Any, str | None]:
    what = "a date as YYYY-MM-DD"
    if isinstance(value, dt.datetime):
        return None, what
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if isinstance(value, str) and DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value).isoformat(), None
        except ValueError:
            return None, what
    return None, what


def positive_number(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (0 < value < 1e12) or value != value:
        return None, "a positive number"
    return float(value), None


def sha256(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, str) and SHA256.fullmatch(value):
        return value, None
    return None, "a SHA-256 as 64 lowercase hexadecimal characters (`sha256sum predictions.jsonl`)"


def must_be_false(value: Any) -> tuple[Any, str | None]:
    if value is False:
        return False, None
    return None, "false: the test split must not be used for training or tuning (submissions that did are not accepted)"


@dataclass(frozen=True)
class Key:
    check: Check | dict[str, Key]
    required: bool = True
    help: str = ""


SCHEMA: dict[str, Key] = {
    "name": Key(text(80), help="the system's name"),
    "version": Key(text(40), help="its version, quoted"),
    "authors": Key(authors),
    "url": Key(url, help="code or project page"),
    "paper": Key(url, required=False),
    "description": Key(text(2000, multiline=True)),
    "licence": Key(text(80), help="licence of the system, an SPDX name such as Apache-2.0"),
    "open_weights": Key(open_weights),
    "open_code": Key(boolean),
    "training_data": Key(
        {
            "description": Key(text(1000, multiline=True), help="what the system was trained and tuned on"),
            "test_split_used": Key(must_be_false),
        }
    ),
    "date": Key(date),
    "hardware": Key(text(200), required=False),
    "throughput": Key(
        {
            "words_per_second": Key(positive_number),
            "documents_per_second": Key(positive_number, required=False),
        },
        required=False,
    ),
    "predictions_sha256": Key(
        {
            "test": Key(sha256),
            "validation": Key(sha256, required=False),
        }
    ),
}


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else f"a list of {len(value)}"
    text_ = repr(value)
    return text_ if len(text_) <= 60 else text_[:57] + "..."


def _check_mapping(
    value: Any, schema: dict[str, Key], prefix: str, doc: YamlDocument, name: str, problems: list[Problem]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    where = prefix or "document"
    if not isinstance(value, dict):
        problems.append(Problem(name, doc.line_of(prefix), where, f"a mapping with the keys {', '.join(schema)}", _describe(value)))
        return out
    for key in value:
        if key not in schema:
            path = f"{prefix}.{key}" if prefix else key
            problems.append(
                Problem(
                    name,
                    doc.line_of(path),
                    path,
                    f"one of the keys {', '.join(schema)} (unknown keys are errors)",
                    did_you_mean(str(key), list(schema)),
                )
            )
    for key, spec in schema.items():
        path = f"{prefix}.{key}" if prefix else key
        if key not in value:
            if spec.required:
                hint = f" ({spec.help})" if spec.help else ""
                problems.append(
                    Problem(name, doc.line_of(prefix) if prefix else None, path, f"a value for this required key{hint}", "no such key")
                )
            continue
        if isinstance(spec.check, dict):
            out[key] = _check_mapping(value[key], spec.check, path, doc, name, problems)
            continue
        checked, expected = spec.check(value[key])
        if expected is not None:
            problems.append(Problem(name, doc.line_of(path), path, expected, _describe(value[key])))
        else:
            out[key] = checked
    return out


def parse_system(data: bytes, name: str = "system.yaml") -> SystemCard:
    """Parse and check a `system.yaml`; raises `LeaderboardError` listing every problem."""
    doc = load_yaml_mapping(data, name)
    problems: list[Problem] = []
    values = _check_mapping(doc.data, SCHEMA, "", doc, name, problems)
    if values.get("throughput") and "hardware" not in values and "hardware" not in doc.data:
        problems.append(
            Problem(
                name,
                doc.line_of("throughput"),
                "hardware",
                "the hardware the throughput was measured on (throughput is reported)",
                "no such key",
            )
        )
    if problems:
        raise LeaderboardError(sorted(problems, key=lambda p: (p.line is None, p.line or 0)))
    throughput = values.get("throughput")
    return SystemCard(
        name=values["name"],
        version=values["version"],
        authors=values["authors"],
        url=values["url"],
        paper=values.get("paper"),
        description=values["description"],
        licence=values["licence"],
        open_weights=values["open_weights"],
        open_code=values["open_code"],
        training_data=TrainingData(**values["training_data"]),
        date=values["date"],
        hardware=values.get("hardware"),
        throughput=Throughput(**throughput) if throughput else None,
        predictions_sha256=dict(values["predictions_sha256"]),
    )


def render_system(card: SystemCard) -> str:
    """A `system.yaml` for `card`, in schema order; parsing it gives `card` back."""
    import yaml

    data = card.as_json()
    for key in ("paper", "hardware", "throughput"):
        if data[key] is None:
            del data[key]
    if data.get("throughput") and data["throughput"]["documents_per_second"] is None:
        del data["throughput"]["documents_per_second"]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


__all__ = ["SCHEMA", "SystemCard", "TrainingData", "Throughput", "parse_system", "render_system", "NOT_APPLICABLE", "PREDICTION_SPLITS"]
