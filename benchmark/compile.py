"""Compile annotation sources (`.dl` files and external stand-off files) into gold documents."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from benchmark.errors import AnnotationError, Problem, did_you_mean
from benchmark.gazetteer import GazetteerRow
from benchmark.markup import RawSpan, parse_source, split_event_line
from benchmark.model import (
    EXTERNAL_LICENSE,
    GENRES,
    OUR_LICENSE,
    Argument,
    Document,
    EntityMention,
    Event,
    GoldDocument,
    Place,
    Trigger,
)
from benchmark.ontology import ENTITY_TYPES, EVENT_TYPES, READINGS, REALIS, TOPONYM_TYPES, VALUE

STORYLINES: tuple[str, ...] = (
    "russia-dprk",
    "korea-launches",
    "ukraine-war",
    "us-china",
    "iran",
    "middle-east",
    "africa",
    "latin-america",
    "summits",
    "sanctions",
    "space",
)
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SourceMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc_id: str
    title: str
    date: str
    genre: str
    storyline: str
    split: str
    dateline: str | None = None
    url: str | None = None

    @field_validator("doc_id")
    @classmethod
    def _doc_id(cls, v: str) -> str:
        if not re.fullmatch(r"(dl-\d{4}|seed-\d{3})", v):
            raise ValueError("'dl-' and four digits (ours) or 'seed-' and three digits (external)")
        return v

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, v: object) -> str:
        v = v.isoformat() if isinstance(v, dt.date) else str(v)
        dt.date.fromisoformat(v)
        return v

    @field_validator("genre")
    @classmethod
    def _genre(cls, v: str) -> str:
        if v not in GENRES:
            raise ValueError(f"one of {', '.join(GENRES)}")
        return v

    @field_validator("storyline")
    @classmethod
    def _storyline(cls, v: str) -> str:
        if v not in STORYLINES:
            raise ValueError(f"one of {', '.join(STORYLINES)}; found {did_you_mean(v, STORYLINES)}")
        return v

    @field_validator("split")
    @classmethod
    def _split(cls, v: str) -> str:
        if v not in ("train", "validation", "test"):
            raise ValueError("train, validation or test")
        return v


def _meta(meta: dict, path: str, line: int) -> SourceMeta:
    try:
        return SourceMeta.model_validate(meta)
    except ValidationError as err:
        raise AnnotationError(
            [
                Problem(path, line, ".".join(map(str, e["loc"])) or "front matter", e["msg"].removeprefix("Value error, "), repr(e.get("input")))
                for e in err.errors()
            ]
        ) from None


@dataclass(frozen=True)
class _Label:
    kind: str  # "entity", "trigger", "value"
    span: RawSpan
    text: str
    ids: tuple[str, ...] = ()
    etype: str = ""
    reading: str | None = None
    handle: str | None = None


def _read_label(span: RawSpan, text: str, path: str, problems: list[Problem]) -> _Label | None:
    words = span.label.split()
    if not words:
        problems.append(Problem(path, span.line, "label", "'TYPE cluster', 'trigger ID' or 'value ID'", "an empty label"))
        return None
    head, rest = words[0], words[1:]
    bad_ids = [w for w in rest if not _SLUG.match(w.lstrip("#"))]
    if bad_ids:
        problems.append(Problem(path, span.line, "label", "ids made of a-z, 0-9, '-' and '_'", ", ".join(map(repr, bad_ids))))
        return None
    if head in ("trigger", "value"):
        if not rest or (head == "value" and len(rest) != 1):
            problems.append(Problem(path, span.line, "label", f"'{head} ID'" + (" (one id)" if head == "value" else ""), repr(span.label)))
            return None
        return _Label(head, span, text, tuple(rest))
    if head not in ENTITY_TYPES:
        problems.append(Problem(path, span.line, "label", f"an entity type, 'trigger' or 'value'", did_you_mean(head, [*ENTITY_TYPES, "trigger", "value"])))
        return None
    handle = next((w[1:] for w in rest if w.startswith("#")), None)
    rest = [w for w in rest if not w.startswith("#")]
    toponym = head in TOPONYM_TYPES
    expected = f"'{head} cluster {'literal|associative' if toponym else ''}'".replace(" '", "'")
    if len(rest) != (2 if toponym else 1):
        problems.append(Problem(path, span.line, "label", expected, repr(span.label)))
        return None
    reading = rest[1] if toponym else None
    if reading is not None and reading not in READINGS:
        problems.append(Problem(path, span.line, "reading", "literal or associative", did_you_mean(reading, READINGS)))
        return None
    return _Label("entity", span, text, (rest[0],), head, reading, handle)


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, a[0] - b[1], b[0] - a[1])


def compile_document(
    *,
    path: str,
    meta: SourceMeta,
    source: str,
    text: str | None,
    text_sha256: str,
    spans: list[tuple[RawSpan, str]],
    event_lines: dict[str, str],
    trailer_line: int,
    gazetteer: dict[str, GazetteerRow],
) -> GoldDocument:
    problems: list[Problem] = []
    labels = [lab for span, span_text in spans if (lab := _read_label(span, span_text, path, problems))]

    entity_labels = sorted((lab for lab in labels if lab.kind == "entity"), key=lambda lab: (lab.span.start, lab.span.end))
    mentions: list[EntityMention] = []
    by_cluster: dict[str, list[tuple[EntityMention, str]]] = {}
    by_handle: dict[str, EntityMention] = {}
    places: list[Place] = []
    for n, lab in enumerate(entity_labels, start=1):
        mention = EntityMention(id=f"m{n}", start=lab.span.start, end=lab.span.end, text=lab.text, type=lab.etype, entity=lab.ids[0])
        mentions.append(mention)
        by_cluster.setdefault(lab.ids[0], []).append((mention, lab.etype))
        if lab.handle:
            if lab.handle in by_handle:
                problems.append(Problem(path, lab.span.line, "handle", "a handle used once per document", f"#{lab.handle} again"))
            by_handle[lab.handle] = mention
        if lab.etype in TOPONYM_TYPES:
            row = gazetteer.get(lab.ids[0])
            if row is None:
                problems.append(Problem(path, lab.span.line, "place", "a key of annotations/gazetteer.tsv", did_you_mean(lab.ids[0], list(gazetteer))))
                continue
            places.append(
                Place(
                    id=f"p{len(places) + 1}",
                    mention=mention.id,
                    start=mention.start,
                    end=mention.end,
                    text=mention.text,
                    lat=row.lat,
                    lon=row.lon,
                    geonames_id=row.geonames_id,
                    feature=row.feature,
                    reading=lab.reading or "",
                )
            )
    for cluster, members in by_cluster.items():
        types = sorted({t for _, t in members})
        if len(types) > 1:
            problems.append(Problem(path, None, f"entity {cluster}", "one type per cluster", ", ".join(types)))

    values: dict[str, _Label] = {}
    triggers: dict[str, _Label] = {}
    for lab in labels:
        if lab.kind == "value":
            if lab.ids[0] in values:
                problems.append(Problem(path, lab.span.line, "value", "a value id used once", repr(lab.ids[0])))
            values[lab.ids[0]] = lab
        elif lab.kind == "trigger":
            for event_id in lab.ids:
                if event_id in triggers:
                    problems.append(Problem(path, lab.span.line, "trigger", f"one trigger for event {event_id!r}", "a second trigger"))
                triggers[event_id] = lab
    clash = set(values) & set(by_cluster)
    if clash:
        problems.append(Problem(path, None, "value", "value ids distinct from entity cluster ids", ", ".join(sorted(clash))))

    events: list[tuple[tuple, Event]] = []
    for event_id, line in event_lines.items():
        where = f"event {event_id}"
        parsed = split_event_line(line)
        if parsed is None:
            problems.append(Problem(path, trailer_line, where, "'Type realis | Role=filler ...'", repr(line)))
            continue
        etype_name, realis, args = parsed
        etype = EVENT_TYPES.get(etype_name)
        if etype is None:
            problems.append(Problem(path, trailer_line, f"{where}.type", "an event type", did_you_mean(etype_name, list(EVENT_TYPES))))
            continue
        if realis not in REALIS:
            problems.append(Problem(path, trailer_line, f"{where}.realis", "actual, generic or other", did_you_mean(realis, REALIS)))
        trig = triggers.get(event_id)
        if trig is None:
            problems.append(Problem(path, trailer_line, where, "a span labelled 'trigger " + event_id + "'", "none"))
            continue
        tspan = (trig.span.start, trig.span.end)
        arguments: list[Argument] = []
        for role_name, filler in args:
            role = etype.role(role_name)
            if role is None:
                problems.append(Problem(path, trailer_line, f"{where}.role", f"a role of {etype.name} ({', '.join(etype.role_names)})", did_you_mean(role_name, etype.role_names)))
                continue
            if filler.startswith("#"):
                target = by_handle.get(filler[1:])
                candidates = [(target, target.type)] if target else []
            elif filler in values:
                val = values[filler]
                if not role.takes_value:
                    problems.append(Problem(path, trailer_line, f"{where}.{role_name}", f"an entity of type {'/'.join(sorted(role.fillers))}", f"value {filler!r}"))
                    continue
                arguments.append(Argument(role=role_name, mention=None, start=val.span.start, end=val.span.end, text=val.text))
                continue
            else:
                candidates = by_cluster.get(filler, [])
            if not candidates:
                known = [*by_cluster, *values, *(f"#{h}" for h in by_handle)]
                problems.append(Problem(path, trailer_line, f"{where}.{role_name}", "an entity cluster, #handle or value id of this document", did_you_mean(filler, known)))
                continue
            mention, mtype = min(candidates, key=lambda c: (_distance((c[0].start, c[0].end), tspan), c[0].start))
            if mtype not in role.fillers:
                problems.append(Problem(path, trailer_line, f"{where}.{role_name}", f"a filler of type {'/'.join(sorted(role.fillers))}", f"{mtype} {filler!r}"))
                continue
            arguments.append(Argument(role=role_name, mention=mention.id, start=mention.start, end=mention.end, text=mention.text))
        arguments.sort(key=lambda a: (a.start, a.end, a.role))
        event = Event(id="", type=etype.name, realis=realis, trigger=Trigger(start=tspan[0], end=tspan[1], text=trig.text), arguments=arguments)
        events.append(((tspan[0], tspan[1], etype.name, event_id), event))
    for event_id, trig in triggers.items():
        if event_id not in event_lines:
            problems.append(Problem(path, trig.span.line, "trigger", f"an event line for {event_id!r} in the trailer", "none"))
    if problems:
        raise AnnotationError(problems)
    events.sort(key=lambda pair: pair[0])
    document = Document(
        doc_id=meta.doc_id,
        title=meta.title,
        date=meta.date,
        source=source,
        genre=meta.genre,
        storyline=meta.storyline,
        text=text,
        text_sha256=text_sha256,
        split=meta.split,
        license=OUR_LICENSE if source == "original" else EXTERNAL_LICENSE,
        url=meta.url,
        dateline=meta.dateline,
    )
    return GoldDocument(
        document=document,
        entities=mentions,
        events=[e.model_copy(update={"id": f"e{n}"}) for n, (_, e) in enumerate(events, start=1)],
        places=places,
    )


def compile_dl(path: Path, gazetteer: dict[str, GazetteerRow]) -> GoldDocument:
    src = parse_source(path)
    meta = _meta(src.meta, str(path), 2)
    if meta.doc_id != path.stem:
        raise AnnotationError([Problem(str(path), 2, "doc_id", f"the file name's stem {path.stem!r}", repr(meta.doc_id))])
    spans = [(s, src.text[s.start : s.end]) for s in src.spans]
    return compile_document(
        path=str(path),
        meta=meta,
        source="original",
        text=src.text,
        text_sha256=sha256_text(src.text),
        spans=spans,
        event_lines=src.events,
        trailer_line=src.body_line + src.text.count("\n"),
        gazetteer=gazetteer,
    )


# External documents: stand-off files.

STANDOFF_KEYS = ("meta", "text_sha256", "spans", "events")
MAX_EXTERNAL_SPAN_WORDS = 8


def _word_count(text: str) -> int:
    # Words as the seed-leak check counts them: runs of letters and digits ("11:43 a.m." is four).
    return len(re.findall(r"[a-z0-9]+", text.lower()))


def compile_standoff(path: Path, gazetteer: dict[str, GazetteerRow], text: str | None = None) -> GoldDocument:
    """Compile a stand-off file; when `text` is given, check every span against it."""
    where = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise AnnotationError([Problem(where, getattr(err, "lineno", 1), "file", "UTF-8 JSON", str(err))]) from None
    if not isinstance(data, dict) or sorted(data) != sorted(STANDOFF_KEYS):
        found = sorted(data) if isinstance(data, dict) else type(data).__name__
        raise AnnotationError([Problem(where, 1, "file", f"an object with keys {', '.join(STANDOFF_KEYS)}", str(found))])
    meta = _meta(data["meta"], where, 1)
    problems: list[Problem] = []
    spans: list[tuple[RawSpan, str]] = []
    for n, item in enumerate(data["spans"]):
        ok = isinstance(item, dict) and sorted(item) == ["end", "label", "start", "text"]
        ok = ok and all(isinstance(item[k], int) and not isinstance(item[k], bool) for k in ("start", "end"))
        if not ok or not 0 <= item["start"] < item["end"]:
            problems.append(Problem(where, None, f"spans[{n}]", "{start, end, label, text} with 0 <= start < end", repr(item)))
            continue
        if _word_count(item["text"]) >= MAX_EXTERNAL_SPAN_WORDS:
            problems.append(Problem(where, None, f"spans[{n}].text", f"fewer than {MAX_EXTERNAL_SPAN_WORDS} words (we store no run of an external text)", f"{_word_count(item['text'])} words"))
        if text is not None and text[item["start"] : item["end"]] != item["text"]:
            problems.append(Problem(where, None, f"spans[{n}].text", repr(text[item["start"] : item["end"]]), repr(item["text"])))
        spans.append((RawSpan(item["start"], item["end"], item["label"], n), item["text"]))
    if text is not None and sha256_text(text) != data["text_sha256"]:
        problems.append(Problem(where, None, "text_sha256", data["text_sha256"], sha256_text(text)))
    if problems:
        raise AnnotationError(problems)
    return compile_document(
        path=where,
        meta=meta,
        source="external",
        text=None,
        text_sha256=data["text_sha256"],
        spans=spans,
        event_lines={str(k): str(v) for k, v in (data["events"] or {}).items()},
        trailer_line=None,
        gazetteer=gazetteer,
    )


def standoff_from_dl(path: Path, original: Path) -> dict:
    """Turn an annotator's private `.dl` copy of an external text into a stand-off record."""
    src = parse_source(path)
    meta = _meta(src.meta, str(path), 2)
    raw = original.read_bytes().decode("utf-8")
    if src.text != raw:
        at = next((i for i, (a, b) in enumerate(zip(src.text, raw)) if a != b), min(len(src.text), len(raw)))
        line = raw.count("\n", 0, at) + 1
        raise AnnotationError(
            [Problem(str(path), None, "text", f"the text of {original} once markup is removed (first difference at its line {line}, offset {at})", repr(src.text[at : at + 30]))]
        )
    long_spans = [s for s in src.spans if _word_count(raw[s.start : s.end]) >= MAX_EXTERNAL_SPAN_WORDS]
    if long_spans:
        raise AnnotationError(
            [
                Problem(str(path), s.line, "span", f"fewer than {MAX_EXTERNAL_SPAN_WORDS} words in an external document (we store no run of its text)", f"{_word_count(raw[s.start : s.end])} words")
                for s in long_spans
            ]
        )
    return {
        "meta": meta.model_dump(exclude_none=True),
        "text_sha256": sha256_text(raw),
        "spans": [{"start": s.start, "end": s.end, "label": s.label, "text": raw[s.start : s.end]} for s in src.spans],
        "events": src.events,
    }
