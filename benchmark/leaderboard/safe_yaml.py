"""A small, safe YAML reader for `system.yaml`: data plus the line of every key.

Only `yaml.SafeLoader` and `yaml.safe_load` are used, so no tag can build a Python object. On
top of what PyYAML refuses, this reader refuses anchors and aliases (a "billion laughs" file is small on disk and
huge once expanded), repeated keys (PyYAML silently keeps the last one), non-string keys, and
documents that are not a single mapping. Every problem is a `Problem` with a line number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from benchmark.errors import Problem
from benchmark.leaderboard.problems import LeaderboardError

#: system.yaml needs three levels; anything much deeper is refused before it is composed.
MAX_DEPTH = 20


@dataclass(frozen=True)
class YamlDocument:
    data: dict[str, Any]
    #: "key" or "key.sub" -> 1-based line of that key in the file.
    lines: dict[str, int]

    def line_of(self, path: str) -> int | None:
        """The line of `path` or of its nearest parent key that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path.rpartition(".")[0]
        return None


def _walk(node: yaml.Node, prefix: str, name: str, lines: dict[str, int], problems: list[Problem]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                problems.append(Problem(name, line, prefix or "document", "string keys", f"the key {_snippet(key_node)}"))
                continue
            key = key_node.value
            path = f"{prefix}.{key}" if prefix else key
            if key in seen:
                problems.append(Problem(name, line, path, f"each key once (first on line {seen[key]})", "a repeated key"))
                continue
            seen[key] = line
            lines[path] = line
            _walk(value_node, path, name, lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            path = f"{prefix}[{i}]"
            lines[path] = item.start_mark.line + 1
            _walk(item, path, name, lines, problems)


def _snippet(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return repr(node.value[:40])
    return "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"


def _bad_timestamp_line(node: yaml.Node) -> int | None:
    """The line of the first date-like scalar that is not a valid date (like 2026-13-01)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(node)
            except ValueError:
                return node.start_mark.line + 1
        return None
    children = [v for pair in node.value for v in pair] if isinstance(node, yaml.MappingNode) else node.value
    for child in children:
        if (line := _bad_timestamp_line(child)) is not None:
            return line
    return None


def load_yaml_mapping(data: bytes, name: str) -> YamlDocument:
    """Parse `data` as one YAML mapping; raises `LeaderboardError` listing what is wrong."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise LeaderboardError(
            [Problem(name, line, "encoding", "UTF-8 text", f"the byte 0x{data[err.start : err.start + 1].hex()}")]
        ) from None
    text = text.removeprefix("\ufeff")
    try:
        return _load(text, name)
    except RecursionError:
        raise LeaderboardError([Problem(name, None, "yaml", f"YAML nested at most {MAX_DEPTH} levels deep", "deeper nesting")]) from None


def _load(text: str, name: str) -> YamlDocument:
    problems: list[Problem] = []
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise LeaderboardError([Problem(name, line, "yaml", "plain YAML without anchors (&) or aliases (*)", "an anchor or alias")])
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise LeaderboardError([Problem(name, line, "yaml", f"YAML nested at most {MAX_DEPTH} levels deep", "deeper nesting")])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        raise LeaderboardError([Problem(name, line, "yaml", "valid YAML", (err.problem or str(err)).strip())]) from None
    except yaml.YAMLError as err:
        raise LeaderboardError([Problem(name, None, "yaml", "valid YAML", str(err).strip()[:120])]) from None
    if len(nodes) != 1 or not isinstance(nodes[0], yaml.MappingNode):
        found = (
            "an empty file"
            if not nodes or nodes[0] is None
            else ("several documents" if len(nodes) > 1 else f"a {type(nodes[0]).__name__.removesuffix('Node').lower()}")
        )
        raise LeaderboardError([Problem(name, 1, "document", "one YAML mapping of keys to values", found)])
    lines: dict[str, int] = {}
    _walk(nodes[0], "", name, lines, problems)
    if problems:
        raise LeaderboardError(problems)
    try:
        value = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, TypeError) as err:  # e.g. a tag such as !!python/object, or 2026-13-01
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else _bad_timestamp_line(nodes[0])
        problem = getattr(err, "problem", None) or str(err)
        raise LeaderboardError([Problem(name, line, "yaml", "plain YAML values (no tags, valid dates)", problem.strip()[:120])]) from None
    return YamlDocument(data=value, lines=lines)
