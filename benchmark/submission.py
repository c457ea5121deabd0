"""The submission contract: parse and validate prediction files and `--gold` files.

A submission is JSON Lines, one object per document, with character offsets (Unicode code
points, as Python indexes a `str`) into the document text, half-open [start, end). The models
below are the boundary: every key is known (extra keys are errors), every offset an integer.
Everything that goes wrong is collected as a `Problem` and raised once as a `SubmissionError`,
so a participant sees every problem in one run. See benchmark/scoring/README.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from benchmark.errors import Problem, SubmissionError, did_you_mean
from benchmark.ontology import ENTITY_TYPES, EVENT_TYPES, all_role_names

#: The tasks, in report order; each is a top-level key of a record.
TASKS: tuple[str, ...] = ("ner", "events", "places")
TASK_KEYS: dict[str, str] = {"ner": "entities", "events": "events", "places": "places"}


class _Strict(BaseModel):
    # strict: 1.0 is not an offset, "5" is not a number, true is not an integer.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Span(_Strict):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    # Optional attributes: null is read as absent (serialisers write None for "unknown").
    text: str | None = None
    score: float | None = Field(default=None, allow_inf_nan=False)


class EntityPred(_Span):
    type: str


class TriggerPred(_Span):
    pass


class ArgumentPred(_Span):
    role: str


class EventPred(_Strict):
    type: str
    trigger: TriggerPred
    arguments: list[ArgumentPred] = Field(default_factory=list)


class PlacePred(_Span):
    lat: float = Field(ge=-90.0, le=90.0, allow_inf_nan=False)
    lon: float = Field(ge=-180.0, le=180.0, allow_inf_nan=False)
    geonames_id: int | None = Field(default=None, gt=0)


class SubmissionRecord(_Strict):
    """One document's predictions; a task key left out means the task was not attempted."""

    doc_id: str = Field(min_length=1)
    # Task keys default to None (not attempted) but reject an explicit null: a missing key and
    # an empty list say different things, and null would say neither.
    entities: list[EntityPred] = None  # type: ignore[assignment]
    events: list[EventPred] = None  # type: ignore[assignment]
    places: list[PlacePred] = None  # type: ignore[assignment]

    @property
    def tasks(self) -> tuple[str, ...]:
        return tuple(t for t in TASKS if getattr(self, TASK_KEYS[t]) is not None)


class GoldRecord(SubmissionRecord):
    """A document of a `--gold` file: the submission schema plus the document text."""

    text: str


_MODELS_AT: dict[tuple[str, ...], type[BaseModel]] = {
    (): SubmissionRecord,
    ("entities",): EntityPred,
    ("events",): EventPred,
    ("events", "trigger"): TriggerPred,
    ("events", "arguments"): ArgumentPred,
    ("places",): PlacePred,
}


@dataclass(frozen=True)
class Submission:
    """A parsed file: its valid records in file order, with their line numbers."""

    path: str
    records: tuple[SubmissionRecord, ...]
    lines: tuple[int, ...]
    tasks: tuple[str, ...] = field(default=())
    doc_lines: dict[str, int] = field(default_factory=dict)  # every doc_id seen -> first line

    def by_doc(self) -> dict[str, SubmissionRecord]:
        return {r.doc_id: r for r in self.records}


# ---------------------------------------------------------------------------------------------
# Problem formatting


def _loc(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "record"


def _found(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError, RecursionError):
        text = f"a {type(value).__name__}"
    return text if len(text) <= 60 else text[:57] + "..."


def _expected(err: Mapping[str, Any], gold: bool) -> tuple[str, str]:
    kind, loc, ctx = err["type"], err["loc"], err.get("ctx") or {}
    last = loc[-1] if loc else ""
    if kind == "missing":
        return "a value for this required key", "no such key"
    if kind == "extra_forbidden":
        path = tuple(p for p in loc[:-1] if isinstance(p, str))
        model = GoldRecord if gold and not path else _MODELS_AT.get(path, SubmissionRecord)
        allowed = list(model.model_fields)
        return f"one of the keys {', '.join(allowed)}", did_you_mean(str(last), allowed)
    if last in ("lat", "lon") and kind in ("greater_than_equal", "less_than_equal", "finite_number", "float_type"):
        bound = 90 if last == "lat" else 180
        return f"a finite number between -{bound} and {bound}", _found(err.get("input"))
    phrases = {
        "int_type": "an integer",
        "float_type": "a number",
        "finite_number": "a finite number",
        "string_type": "a string",
        "list_type": "a list",
        "model_type": "a JSON object",
        "dict_type": "a JSON object",
        "model_attributes_type": "a JSON object",
        "string_too_short": "a non-empty string",
        "greater_than_equal": f"an integer >= {ctx.get('ge')}",
        "greater_than": f"an integer > {ctx.get('gt')}",
        "less_than_equal": f"a number <= {ctx.get('le')}",
    }
    return phrases.get(kind, err.get("msg", kind).lower()), _found(err.get("input"))


def _pydantic_problems(name: str, line: int | None, err: ValidationError, gold: bool) -> list[Problem]:
    problems = []
    for e in err.errors():
        expected, found = _expected(e, gold)
        problems.append(Problem(name, line, _loc(e["loc"]), expected, found))
    return problems


# ---------------------------------------------------------------------------------------------
# Checks that need no document text


def _int(value: Any) -> bool:
    return type(value) is int  # bool is an int subclass, and not an offset


def _span_problem(name: str, line: int | None, where: str, span: Any) -> list[Problem]:
    if not isinstance(span, dict) or not (_int(span.get("start")) and _int(span.get("end"))) or span["start"] < span["end"]:
        return []
    return [Problem(name, line, f"{where}.start/end", "start < end (half-open [start, end))", f"[{span['start']}, {span['end']})")]


def _objects(value: Mapping[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    items = value.get(key)
    return [(i, x) for i, x in enumerate(items) if isinstance(x, dict)] if isinstance(items, list) else []


def _record_problems(value: Mapping[str, Any], name: str, line: int | None) -> list[Problem]:
    """Ontology and span-order checks, with a did-you-mean for type and role names.

    They read the raw JSON object, defensively, so that they still run when other parts of the
    record break the schema: the participant sees every problem at once.
    """
    problems: list[Problem] = []
    for i, ent in _objects(value, "entities"):
        problems += _span_problem(name, line, f"entities[{i}]", ent)
        etype = ent.get("type")
        if isinstance(etype, str) and etype not in ENTITY_TYPES:
            problems.append(
                Problem(
                    name,
                    line,
                    f"entities[{i}].type",
                    f"an entity type ({', '.join(ENTITY_TYPES)})",
                    did_you_mean(etype, list(ENTITY_TYPES)),
                )
            )
    roles = all_role_names()
    for i, ev in _objects(value, "events"):
        problems += _span_problem(name, line, f"events[{i}].trigger", ev.get("trigger"))
        name_ = ev.get("type")
        etype = EVENT_TYPES.get(name_) if isinstance(name_, str) else None
        if isinstance(name_, str) and etype is None:
            problems.append(Problem(name, line, f"events[{i}].type", "an event type", did_you_mean(name_, list(EVENT_TYPES))))
        for j, arg in _objects(ev, "arguments"):
            problems += _span_problem(name, line, f"events[{i}].arguments[{j}]", arg)
            role = arg.get("role")
            if not isinstance(role, str):
                continue
            if etype is not None and etype.role(role) is None:
                choices = etype.role_names
                problems.append(
                    Problem(
                        name,
                        line,
                        f"events[{i}].arguments[{j}].role",
                        f"a role of {etype.name} ({', '.join(choices)})",
                        did_you_mean(role, choices),
                    )
                )
            elif etype is None and role not in roles:
                problems.append(Problem(name, line, f"events[{i}].arguments[{j}].role", "a role name", did_you_mean(role, roles)))
    for i, place in _objects(value, "places"):
        problems += _span_problem(name, line, f"places[{i}]", place)
    return problems


def _spans(record: SubmissionRecord) -> Iterable[tuple[str, Any]]:
    for i, ent in enumerate(record.entities or ()):
        yield f"entities[{i}]", ent
    for i, ev in enumerate(record.events or ()):
        yield f"events[{i}].trigger", ev.trigger
        for j, arg in enumerate(ev.arguments):
            yield f"events[{i}].arguments[{j}]", arg
    for i, place in enumerate(record.places or ()):
        yield f"places[{i}]", place


def text_problems(record: SubmissionRecord, text: str, name: str, line: int | None) -> list[Problem]:
    """Offsets inside the text, and each span's optional `text` equal to the text it covers."""
    problems = []
    for where, span in _spans(record):
        if span.end > len(text):
            problems.append(Problem(name, line, f"{where}.end", f"at most the text length {len(text)}", str(span.end)))
        elif span.text is not None and span.start < span.end and text[span.start : span.end] != span.text:
            covered = text[span.start : span.end]
            problems.append(
                Problem(name, line, f"{where}.text", f"{_found(covered)} (the text at [{span.start}, {span.end}))", _found(span.text))
            )
    return problems


# ---------------------------------------------------------------------------------------------
# Parsing


_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _has_lone_surrogate(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _json_line(raw: str) -> tuple[Any, list[str]]:
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                duplicates.append(key)
            out[key] = value
        return out

    return json.loads(raw, object_pairs_hook=pairs), duplicates


def _decode_lines(data: bytes, name: str, problems: list[Problem]) -> list[tuple[int, str]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte order mark is accepted
    lines = []
    for n, raw in enumerate(data.split(b"\n"), start=1):
        if raw.endswith(b"\r"):
            raw = raw[:-1]  # CRLF line ends are accepted
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            bad = raw[err.start : err.start + 1].hex()
            problems.append(Problem(name, n, "encoding", "UTF-8 text", f"the byte 0x{bad} at column {err.start + 1}"))
            continue
        if line.strip():
            lines.append((n, line))
    return lines


def parse(data: bytes, name: str = "<submission>", *, gold: bool = False) -> tuple[Submission, list[Problem]]:
    """Parse a whole file's bytes into the records that are valid and every problem found.

    Never raises on bad input. `gold=True` reads a `--gold` file: the same schema with a `text`
    per document, whose spans are then checked against that text.
    """
    problems: list[Problem] = []
    model: type[SubmissionRecord] = GoldRecord if gold else SubmissionRecord
    records: list[SubmissionRecord] = []
    lines: list[int] = []
    first_line: dict[str, int] = {}
    for n, line in _decode_lines(data, name, problems):
        try:
            value, duplicates = _json_line(line)
        except RecursionError:
            problems.append(Problem(name, n, "json", "a JSON object", "JSON nested too deeply"))
            continue
        except ValueError as err:  # JSONDecodeError, and integers too long to convert
            column = f" at column {err.colno}" if isinstance(err, json.JSONDecodeError) else ""
            message = err.msg if isinstance(err, json.JSONDecodeError) else str(err).split(";")[0]
            problems.append(Problem(name, n, "json", "a JSON object", f"invalid JSON ({message}{column})"))
            continue
        # "\ud800" is valid JSON but not Unicode text: it could not be printed or hashed.
        if _SURROGATE.search(line) and _has_lone_surrogate(value):
            problems.append(Problem(name, n, "json", "Unicode text", "an escaped lone surrogate (\\uD800-\\uDFFF)"))
            continue
        if not isinstance(value, dict):
            problems.append(Problem(name, n, "record", "a JSON object (one document per line)", _found(value)))
            continue
        problems += [Problem(name, n, key, "each key once per object", f"{key!r} repeated") for key in sorted(set(duplicates))]
        problems += _record_problems(value, name, n)
        doc_id = value.get("doc_id")
        duplicate = isinstance(doc_id, str) and doc_id in first_line
        if duplicate:
            problems.append(Problem(name, n, "doc_id", f"a doc_id not used before (first on line {first_line[doc_id]})", _found(doc_id)))
        elif isinstance(doc_id, str):
            first_line[doc_id] = n
        try:
            record = model.model_validate(value)
        except ValidationError as err:
            problems += _pydantic_problems(name, n, err, gold)
            continue
        except (RecursionError, ValueError, TypeError) as err:  # defensive: pathological input
            problems.append(Problem(name, n, "record", "a valid document record", f"{type(err).__name__}"))
            continue
        if isinstance(record, GoldRecord):
            problems += text_problems(record, record.text, name, n)
        if duplicate:
            continue
        records.append(record)
        lines.append(n)
    if not records and not problems:
        problems.append(Problem(name, None, "file", "at least one JSON object (one document per line)", "an empty file"))
    tasks = tuple(t for t in TASKS if any(t in r.tasks for r in records))
    for record, n in zip(records, lines, strict=True):
        for task in tasks:
            if task not in record.tasks:
                key = TASK_KEYS[task]
                problems.append(
                    Problem(name, n, key, f"a list (other documents attempt {task}; use [] for 'predicted nothing')", "no such key")
                )
    submission = Submission(path=name, records=tuple(records), lines=tuple(lines), tasks=tasks, doc_lines=first_line)
    return submission, problems


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise SubmissionError(sorted(problems, key=lambda p: p.line or 0))


def parse_bytes(data: bytes, name: str = "<submission>", *, gold: bool = False) -> Submission:
    """Parse and check a whole file's bytes; raises `SubmissionError` listing every problem."""
    submission, problems = parse(data, name, gold=gold)
    _raise(problems)
    return submission


def _read(path: str | Path) -> bytes:
    path = Path(path)
    if path.is_dir():
        raise SubmissionError([Problem(str(path), None, "file", "a JSON Lines file", "a directory")])
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SubmissionError([Problem(str(path), None, "file", "a JSON Lines file", "no such file")]) from None
    except OSError as err:
        raise SubmissionError([Problem(str(path), None, "file", "a readable file", err.strerror or type(err).__name__)]) from None


def read_submission(
    path: str | Path, texts: Mapping[str, str | None] | None = None, *, allow_missing: bool = False, ignored: Iterable[str] = ()
) -> Submission:
    """Read a prediction file; raises `SubmissionError` listing every problem.

    With `texts` (doc_id -> text of every gold document), also checks the file against the
    gold (see `check_against`), in the same pass, so that all problems are listed together."""
    submission, problems = parse(_read(path), str(path))
    if texts is not None:
        problems += check_against(submission, texts, allow_missing=allow_missing, ignored=ignored)
    _raise(problems)
    return submission


def read_gold_file(path: str | Path) -> Submission:
    """Read a `--gold` file (submission schema plus `text`); records are `GoldRecord`s."""
    return parse_bytes(_read(path), str(path), gold=True)


def check_against(
    submission: Submission, texts: Mapping[str, str | None], *, allow_missing: bool = False, ignored: Iterable[str] = ()
) -> list[Problem]:
    """Problems of a parsed submission against the gold documents' texts.

    `texts` maps every scored doc_id to its text. Doc_ids in `ignored` (external documents not
    scored on this machine) may appear in the submission and are skipped.
    """
    problems: list[Problem] = []
    ignored = set(ignored)
    known = list(texts)
    # doc_lines also holds the doc_ids of records that failed to parse: they are neither
    # unknown-but-unreported nor "missing".
    seen = {**submission.doc_lines, **{r.doc_id: n for r, n in zip(submission.records, submission.lines, strict=True)}}
    for doc_id, n in seen.items():
        if doc_id not in ignored and doc_id not in texts:
            problems.append(Problem(submission.path, n, "doc_id", "a document of the gold", did_you_mean(doc_id, known)))
    for record, n in zip(submission.records, submission.lines, strict=True):
        text = texts.get(record.doc_id)
        if record.doc_id not in ignored and text is not None:
            problems += text_problems(record, text, submission.path, n)
    if not allow_missing:
        missing = [d for d in texts if d not in seen]
        if missing:
            shown = ", ".join(missing[:10]) + (f" and {len(missing) - 10} more" if len(missing) > 10 else "")
            problems.append(
                Problem(
                    submission.path,
                    None,
                    "doc_id",
                    "a record for every gold document (or --allow-missing)",
                    f"{len(missing)} missing: {shown}",
                )
            )
    return problems


def _plain(value: Any) -> Any:
    if hasattr(value, "item") and callable(value.item):  # numpy scalars from array code
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON")


def coerce_records(
    records: Iterable[SubmissionRecord | Mapping[str, Any]],
    name: str = "<predictions>",
    texts: Mapping[str, str | None] | None = None,
    *,
    allow_missing: bool = False,
    ignored: Iterable[str] = (),
) -> Submission:
    """Predictions given in Python (models or plain dicts) as a checked `Submission`.

    They go through the same parser as a file (line N is the N-th record), so the Python API
    and the command line accept and reject exactly the same things."""
    lines, problems = [], []
    for n, record in enumerate(records, start=1):
        try:
            if isinstance(record, BaseModel):
                lines.append(record.model_dump_json(exclude_none=True))
            else:
                lines.append(json.dumps(record, ensure_ascii=False, allow_nan=True, default=_plain))
        except (TypeError, ValueError, RecursionError) as err:
            problems.append(Problem(name, n, "record", "JSON values only", str(err)[:80]))
            lines.append("{}")
    try:
        data = "\n".join(lines).encode("utf-8")
    except UnicodeEncodeError:
        data = "\n".join(lines).encode("utf-8", errors="backslashreplace")  # reported as bad JSON
    submission, found = parse(data, name)
    problems += [p for p in found if p.line not in {q.line for q in problems}]
    if texts is not None:
        problems += check_against(submission, texts, allow_missing=allow_missing, ignored=ignored)
    _raise(problems)
    return submission


def write_submission(records: Iterable[SubmissionRecord | Mapping[str, Any]], path: str | Path) -> Path:
    """Write records as a submission file, checking them first (raises `SubmissionError`)."""
    submission = coerce_records(records, str(path))
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for record in submission.records:
            out.write(record.model_dump_json(exclude_none=True) + "\n")
    return path


# ---------------------------------------------------------------------------------------------
# The public JSON Schema, generated from the same ontology the validator reads


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one submission record."""

    def span(required: list[str], extra: dict[str, Any]) -> dict[str, Any]:
        props = {
            "start": {"type": "integer", "minimum": 0, "description": "first character, 0-based (Unicode code points)"},
            "end": {"type": "integer", "minimum": 0, "description": "one past the last character (half-open)"},
            "text": {"type": "string", "description": "optional; checked against the document text"},
            "score": {"type": "number", "description": "optional confidence; not used by the metrics"},
            **extra,
        }
        return {"type": "object", "properties": props, "required": ["start", "end", *required], "additionalProperties": False}

    event_variants = [
        {
            "if": {"properties": {"type": {"const": name}}},
            "then": {"properties": {"arguments": {"items": {"properties": {"role": {"enum": list(et.role_names)}}}}}},
        }
        for name, et in EVENT_TYPES.items()
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://dateline.example/schemas/submission.schema.json",
        "title": "Dateline submission record (one JSON object per line)",
        "description": "Offsets are Unicode code point indexes into the document text, half-open [start, end), start < end. "
        "A missing task key (entities, events, places) means the task was not attempted; [] means nothing was predicted. "
        "A --gold file uses the same schema plus a required 'text'.",
        "type": "object",
        "properties": {
            "doc_id": {"type": "string", "minLength": 1},
            "entities": {"type": "array", "items": span(["type"], {"type": {"enum": list(ENTITY_TYPES)}})},
            "events": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "type": {"enum": list(EVENT_TYPES)},
                        "trigger": span([], {}),
                        "arguments": {"type": "array", "items": span(["role"], {"role": {"enum": list(all_role_names())}})},
                    },
                    "required": ["type", "trigger"],
                    "additionalProperties": False,
                    "allOf": event_variants,
                },
            },
            "places": {
                "type": "array",
                "items": span(
                    ["lat", "lon"],
                    {
                        "lat": {"type": "number", "minimum": -90, "maximum": 90},
                        "lon": {"type": "number", "minimum": -180, "maximum": 180},
                        "geonames_id": {"type": "integer", "minimum": 1},
                    },
                ),
            },
        },
        "required": ["doc_id"],
        "additionalProperties": False,
    }


SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "submission.schema.json"


def render_schema() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "TASKS",
    "TASK_KEYS",
    "EntityPred",
    "TriggerPred",
    "ArgumentPred",
    "EventPred",
    "PlacePred",
    "SubmissionRecord",
    "GoldRecord",
    "Submission",
    "parse",
    "parse_bytes",
    "read_submission",
    "read_gold_file",
    "check_against",
    "coerce_records",
    "write_submission",
    "json_schema",
    "render_schema",
    "text_problems",
]
