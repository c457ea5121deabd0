"""The reviewed place table, `annotations/gazetteer.tsv`: gold coordinates by place key."""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path

from benchmark.errors import AnnotationError, Problem
from benchmark.ontology import PLACE_FEATURES

COLUMNS = ("key", "name", "feature", "lat", "lon", "geonames_id", "country", "source")
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class GazetteerRow:
    key: str
    name: str
    feature: str
    lat: float
    lon: float
    geonames_id: int | None
    country: str
    source: str


def _parse_row(row: dict[str, str], path: str, line: int, problems: list[Problem]) -> GazetteerRow | None:
    bad = len(problems)
    key = row["key"]
    if not _KEY.match(key):
        problems.append(Problem(path, line, "key", "a lowercase slug (a-z, 0-9, single hyphens)", repr(key)))
    if row["feature"] not in PLACE_FEATURES:
        problems.append(Problem(path, line, "feature", f"one of {', '.join(PLACE_FEATURES)}", repr(row["feature"])))
    coords: list[float] = []
    for name, limit in (("lat", 90.0), ("lon", 180.0)):
        try:
            value = float(row[name])
        except ValueError:
            problems.append(Problem(path, line, name, "a decimal number", repr(row[name])))
            continue
        if not math.isfinite(value) or abs(value) > limit:
            problems.append(Problem(path, line, name, f"a finite number in [-{limit:g}, {limit:g}]", repr(row[name])))
        coords.append(value)
    geonames_id: int | None = None
    if row["geonames_id"]:
        if row["geonames_id"].isdigit():
            geonames_id = int(row["geonames_id"])
        else:
            problems.append(Problem(path, line, "geonames_id", "digits or an empty cell", repr(row["geonames_id"])))
    if row["country"] and not re.fullmatch(r"[A-Z]{2}", row["country"]):
        problems.append(Problem(path, line, "country", "an ISO 3166-1 alpha-2 code or an empty cell", repr(row["country"])))
    if not row["source"].strip():
        problems.append(Problem(path, line, "source", "where the coordinates come from", "an empty cell"))
    if not row["name"].strip():
        problems.append(Problem(path, line, "name", "the place's name", "an empty cell"))
    if len(problems) > bad or len(coords) != 2:
        return None
    return GazetteerRow(key, row["name"], row["feature"], coords[0], coords[1], geonames_id, row["country"], row["source"])


def read_table(path: Path) -> tuple[list[tuple[int, GazetteerRow]], list[Problem]]:
    problems: list[Problem] = []
    rows: list[tuple[int, GazetteerRow]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or tuple(header) != COLUMNS:
            return [], [Problem(str(path), 1, "header", "\t".join(COLUMNS), "\t".join(header or []))]
        for line, cells in enumerate(reader, start=2):
            if not cells:
                continue
            if len(cells) != len(COLUMNS):
                problems.append(Problem(str(path), line, "row", f"{len(COLUMNS)} tab-separated cells", f"{len(cells)}"))
                continue
            parsed = _parse_row(dict(zip(COLUMNS, cells)), str(path), line, problems)
            if parsed:
                rows.append((line, parsed))
    return rows, problems


def table_paths(annotations_dir: Path) -> list[Path]:
    """The main table, then batch tables that writers add while a batch is being annotated."""
    paths = [annotations_dir / "gazetteer.tsv"]
    paths += sorted((annotations_dir / "gazetteer.d").glob("*.tsv"))
    return [p for p in paths if p.exists()]


def load_gazetteer(annotations_dir: Path) -> dict[str, GazetteerRow]:
    return load_tables(table_paths(annotations_dir))


def load_tables(paths: list[Path]) -> dict[str, GazetteerRow]:
    """Rows of every table, keys unique across all of them."""
    table: dict[str, GazetteerRow] = {}
    where: dict[str, str] = {}
    problems: list[Problem] = []
    for path in paths:
        rows, row_problems = read_table(path)
        problems += row_problems
        for line, row in rows:
            if row.key in table:
                problems.append(Problem(str(path), line, "key", f"a key not already defined (at {where[row.key]})", repr(row.key)))
                continue
            table[row.key] = row
            where[row.key] = f"{path}:{line}"
    if problems:
        raise AnnotationError(problems)
    return table
