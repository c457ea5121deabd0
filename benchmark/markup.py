"""Parser for the `.dl` source format (see annotations/FORMAT.md).

The parser only reads structure: it returns the clean text, the raw spans with their labels and
the trailer's event lines. Checking labels against the ontology and the gazetteer is the
compiler's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmark.errors import AnnotationError, Problem

_ESCAPABLE = "[]{}\\"


class _PlainLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as strings, so the front matter's validator reports bad ones."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class RawSpan:
    start: int
    end: int
    label: str
    line: int  # source line of the opening bracket, for messages


@dataclass
class Source:
    path: str
    meta: dict
    text: str
    spans: list[RawSpan]
    events: dict[str, str]
    body_line: int = 1  # source line where the body starts
    problems: list[Problem] = field(default_factory=list)


def _split_sections(raw: str, path: str) -> tuple[str, str, str, int]:
    lines = raw.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise AnnotationError([Problem(path, 1, "front matter", "a first line '---'", repr(lines[0] if lines else ""))])
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    except StopIteration:
        raise AnnotationError([Problem(path, 1, "front matter", "a closing '---' line", "end of file")]) from None
    try:
        trailer = next(i for i in range(len(lines) - 1, close, -1) if lines[i].rstrip() == "---")
    except StopIteration:
        raise AnnotationError(
            [Problem(path, len(lines), "trailer", "a '---' line followed by 'events:'", "end of file")]
        ) from None
    front = "\n".join(lines[1:close])
    body = "\n".join(lines[close + 1 : trailer])
    tail = "\n".join(lines[trailer + 1 :])
    return front, body, tail, close + 2


def _load_yaml(text: str, path: str, line: int, what: str) -> dict:
    try:
        value = yaml.load(text, Loader=_PlainLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = line + (mark.line if mark else 0)
        raise AnnotationError([Problem(path, at, what, "valid YAML", str(err).splitlines()[0])]) from None
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise AnnotationError([Problem(path, line, what, "a YAML mapping", type(value).__name__)])
    return value


def parse_body(body: str, path: str, first_line: int) -> tuple[str, list[RawSpan]]:
    """Remove the markup from `body`; return the clean text and the spans over it."""
    out: list[str] = []
    spans: list[RawSpan] = []
    open_stack: list[tuple[int, int]] = []  # (clean offset, source line)
    problems: list[Problem] = []
    line = first_line
    i = 0
    n = len(body)
    while i < n:
        ch = body[i]
        if ch == "\\" and i + 1 < n and body[i + 1] in _ESCAPABLE:
            out.append(body[i + 1])
            i += 2
            continue
        if ch == "[":
            open_stack.append((sum(map(len, out)), line))
            i += 1
            continue
        if ch == "]":
            if i + 1 >= n or body[i + 1] != "{":
                problems.append(Problem(path, line, "span", "']' followed by '{label}'", repr(body[i : i + 12])))
                i += 1
                continue
            close = body.find("}", i + 2)
            if close < 0 or "\n" in body[i + 2 : close]:
                problems.append(Problem(path, line, "span", "a label closed by '}' on the same line", repr(body[i : i + 30])))
                i += 2
                continue
            label = body[i + 2 : close].strip()
            if not open_stack:
                problems.append(Problem(path, line, "span", "an opening '['", f"']{{{label}}}' with no '['"))
            else:
                start, start_line = open_stack.pop()
                spans.append(RawSpan(start, sum(map(len, out)), label, start_line))
            i = close + 1
            continue
        if ch in "{}":
            problems.append(Problem(path, line, "text", "'\\{' or '\\}' for a literal brace", repr(ch)))
        if ch == "\n":
            line += 1
        out.append(ch)
        i += 1
    for _, start_line in open_stack:
        problems.append(Problem(path, start_line, "span", "a closing ']{label}'", "end of body"))
    if problems:
        raise AnnotationError(problems)
    clean = "".join(out)
    lead = len(clean) - len(clean.lstrip("\n"))
    text = clean.strip("\n")
    spans = [RawSpan(s.start - lead, s.end - lead, s.label, s.line) for s in spans]
    spans.sort(key=lambda s: (s.start, -s.end, s.label))
    return text, spans


def parse_source(path: str | Path) -> Source:
    path = str(path)
    try:
        raw = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise AnnotationError([Problem(path, 1, "encoding", "UTF-8", f"invalid byte at offset {err.start}")]) from None
    raw = raw.replace("\r\n", "\n")
    front, body, tail, body_line = _split_sections(raw, path)
    meta = _load_yaml(front, path, 2, "front matter")
    trailer = _load_yaml(tail, path, body_line + body.count("\n") + 1, "trailer")
    unknown = set(trailer) - {"events"}
    if unknown:
        raise AnnotationError([Problem(path, body_line, "trailer", "only the key 'events'", ", ".join(sorted(unknown)))])
    events = trailer.get("events") or {}
    if not isinstance(events, dict):
        raise AnnotationError([Problem(path, body_line, "events", "a mapping of event id to event line", type(events).__name__)])
    text, spans = parse_body(body, path, body_line)
    return Source(path, meta, text, spans, {str(k): str(v) for k, v in events.items()}, body_line)


_EVENT_LINE = re.compile(r"^\s*(?P<type>\S+)\s+(?P<realis>\S+)\s*\|(?P<args>.*)$")


def split_event_line(line: str) -> tuple[str, str, list[tuple[str, str]]] | None:
    """`Type realis | Role=filler ...` -> (type, realis, [(role, filler)]); None if malformed."""
    match = _EVENT_LINE.match(line)
    if not match:
        return None
    args: list[tuple[str, str]] = []
    for token in match["args"].split():
        role, eq, filler = token.partition("=")
        if not eq or not role or not filler:
            return None
        args.append((role, filler))
    return match["type"], match["realis"], args
