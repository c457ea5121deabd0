"""Rules every gold document obeys, checked on the compiled data model.

Each problem names the document, the annotation id and the field, and what was expected.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter

from benchmark.errors import Problem, did_you_mean
from benchmark.model import GoldDocument
from benchmark.ontology import ENTITY_TYPES, EVENT_TYPES, PLACE_FEATURES, READINGS, REALIS, TOPONYM_TYPES, VALUE


def _span_problems(doc_id: str, text: str | None, ann_id: str, field: str, start: int, end: int, span_text: str) -> list[Problem]:
    where = f"{doc_id} {ann_id}"
    if not 0 <= start < end:
        return [Problem(where, None, f"{field}.start/end", "0 <= start < end", f"[{start}, {end})")]
    if text is None:
        return []
    if end > len(text):
        return [Problem(where, None, f"{field}.end", f"at most the text length {len(text)}", str(end))]
    if text[start:end] != span_text:
        return [Problem(where, None, f"{field}.text", repr(text[start:end]) + f" (the text at [{start}, {end}))", repr(span_text))]
    return []


def validate_document(gold: GoldDocument) -> list[Problem]:
    doc = gold.document
    d = doc.doc_id
    text = doc.text
    problems: list[Problem] = []
    if text is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() != doc.text_sha256:
        problems.append(Problem(d, None, "text_sha256", "the SHA-256 of the text", doc.text_sha256))
    if doc.source == "original" and text is None:
        problems.append(Problem(d, None, "text", "the text of an original document", "null"))

    ids = Counter([m.id for m in gold.entities] + [e.id for e in gold.events] + [p.id for p in gold.places])
    problems += [Problem(d, None, "id", "ids unique within the document", f"{i!r} used {n} times") for i, n in ids.items() if n > 1]

    mentions = {m.id: m for m in gold.entities}
    for m in gold.entities:
        problems += _span_problems(d, text, m.id, "entity", m.start, m.end, m.text)
        if m.type not in ENTITY_TYPES:
            problems.append(Problem(f"{d} {m.id}", None, "type", "an entity type", did_you_mean(m.type, list(ENTITY_TYPES))))
    ordered = sorted(gold.entities, key=lambda m: (m.start, m.end))
    for a, b in zip(ordered, ordered[1:]):
        if b.start < a.end:
            problems.append(Problem(f"{d} {b.id}", None, "span", f"no overlap with {a.id} [{a.start}, {a.end}) (entity spans are flat)", f"[{b.start}, {b.end})"))

    for e in gold.events:
        where = f"{d} {e.id}"
        problems += _span_problems(d, text, e.id, "trigger", e.trigger.start, e.trigger.end, e.trigger.text)
        etype = EVENT_TYPES.get(e.type)
        if etype is None:
            problems.append(Problem(where, None, "type", "an event type", did_you_mean(e.type, list(EVENT_TYPES))))
            continue
        if e.realis not in REALIS:
            problems.append(Problem(where, None, "realis", "actual, generic or other", did_you_mean(e.realis, REALIS)))
        for n, arg in enumerate(e.arguments):
            field = f"arguments[{n}]"
            problems += _span_problems(d, text, e.id, field, arg.start, arg.end, arg.text)
            role = etype.role(arg.role)
            if role is None:
                problems.append(Problem(where, None, f"{field}.role", f"a role of {e.type}", did_you_mean(arg.role, etype.role_names)))
                continue
            if arg.mention is None:
                if VALUE not in role.fillers:
                    problems.append(Problem(where, None, f"{field}.mention", f"an entity mention for role {arg.role}", "null"))
                continue
            mention = mentions.get(arg.mention)
            if mention is None:
                problems.append(Problem(where, None, f"{field}.mention", "the id of an entity mention", repr(arg.mention)))
            elif (mention.start, mention.end) != (arg.start, arg.end):
                problems.append(Problem(where, None, f"{field}.start/end", f"the span of {mention.id} [{mention.start}, {mention.end})", f"[{arg.start}, {arg.end})"))
            elif mention.type not in role.fillers:
                problems.append(Problem(where, None, f"{field}.mention", f"type {'/'.join(sorted(role.fillers))} for role {arg.role}", mention.type))

    placed = Counter(p.mention for p in gold.places)
    for p in gold.places:
        where = f"{d} {p.id}"
        problems += _span_problems(d, text, p.id, "place", p.start, p.end, p.text)
        mention = mentions.get(p.mention)
        if mention is None:
            problems.append(Problem(where, None, "mention", "the id of an entity mention", repr(p.mention)))
        elif mention.type not in TOPONYM_TYPES:
            problems.append(Problem(where, None, "mention", "a GPE, LOC or FAC mention", f"{mention.type} {mention.id}"))
        elif (mention.start, mention.end) != (p.start, p.end):
            problems.append(Problem(where, None, "start/end", f"the span of {mention.id}", f"[{p.start}, {p.end})"))
        for name, value, limit in (("lat", p.lat, 90.0), ("lon", p.lon, 180.0)):
            if not math.isfinite(value) or abs(value) > limit:
                problems.append(Problem(where, None, name, f"a finite number in [-{limit:g}, {limit:g}]", repr(value)))
        if p.feature not in PLACE_FEATURES:
            problems.append(Problem(where, None, "feature", "a place feature class", did_you_mean(p.feature, PLACE_FEATURES)))
        if p.reading not in READINGS:
            problems.append(Problem(where, None, "reading", "literal or associative", did_you_mean(p.reading, READINGS)))
    for m in gold.entities:
        if m.type in TOPONYM_TYPES and placed[m.id] != 1:
            problems.append(Problem(f"{d} {m.id}", None, "places", "exactly one place record for a toponym mention", str(placed[m.id])))
    return problems


def validate_corpus(docs: list[GoldDocument]) -> list[Problem]:
    problems: list[Problem] = []
    splits: dict[str, set[str]] = {}
    for g in docs:
        splits.setdefault(g.document.doc_id, set()).add(g.document.split)
        problems += validate_document(g)
    counts = Counter(g.document.doc_id for g in docs)
    for doc_id, n in sorted(counts.items()):
        if n > 1:
            problems.append(Problem(doc_id, None, "split", "each document in exactly one split", f"{n} records in {', '.join(sorted(splits[doc_id]))}"))
    return problems
