"""`dateline leaderboard build`: validate and re-score every submission, then render the board.

Nothing is carried over from a previous build: `results.json` is an output, never an input, so
when the scorer or the gold changes every row is scored again and no stale number survives.
Each table is scored with its own tasks, and the build checks that all its rows share one
signature. The board is scored on the documents whose text is distributed with Dateline, so
that anyone (and CI anywhere) can rebuild it byte for byte; external documents are left out
and the signature says `subset:original-only`.

Outputs are deterministic: sorted keys, fixed number formats, no build time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark.errors import DatelineError, Problem
from benchmark.leaderboard.layers import LAYERS, Layer, lookup
from benchmark.leaderboard.problems import LeaderboardError
from benchmark.leaderboard.submissions import LEADERBOARD, SUBMISSIONS, SubmissionFolder, list_folders, read_folder, slug_problem

FORMAT = "dateline-leaderboard/1"
SPLIT = "test"
#: Differences are called significant at this level, after Holm's correction within a table.
ALPHA = 0.05
OUTPUTS: tuple[str, ...] = ("results.json", "README.md", "index.html")


@dataclass(frozen=True)
class Scored:
    """One submission, scored: the report on all its tasks, and one per table it is on."""

    folder: SubmissionFolder
    tasks: tuple[str, ...]
    report: Any  # benchmark.scoring.ScoreReport
    layers: dict[str, Any]
    validation: dict[str, Any] | None


def load_split_gold(split: str, texts_dir: Path | None = None):
    """The gold of `split` for the board: only documents whose text is distributed, unless
    `texts_dir` is given (then hydrated external documents are scored too)."""
    from benchmark.loader import load_gold
    from benchmark.scoring import from_documents

    return from_documents(load_gold(split, texts_dir), split=split)


def _parse(folder: SubmissionFolder, split: str):
    from benchmark.submission import parse_bytes

    return parse_bytes(folder.predictions[split], folder.prediction_name(split))


def score_folder(folder: SubmissionFolder, gold, validation_gold) -> Scored:
    """Score one checked folder; raises a `DatelineError` listing every problem."""
    from benchmark.scoring import score

    problems: list[Problem] = []
    try:
        test = _parse(folder, "test")
    except DatelineError as err:
        problems += err.problems
        test = None
    validation_sub = None
    if "validation" in folder.predictions:
        try:
            validation_sub = _parse(folder, "validation")
        except DatelineError as err:
            problems += err.problems
    if test is not None and not test.tasks:
        problems.append(
            Problem(
                folder.prediction_name("test"),
                None,
                "tasks",
                "at least one of the keys entities, events, places per document",
                "none attempted",
            )
        )
    if problems:
        raise LeaderboardError(problems)
    assert test is not None
    report = score(gold, test)  # every attempted task; raises SubmissionError (doc ids, offsets...)
    layers = {layer.id: score(gold, test, tasks=layer.tasks) for layer in LAYERS if all(t in test.tasks for t in layer.tasks)}
    validation = None
    if validation_sub is not None:
        if validation_gold.records:
            validation = score(validation_gold, validation_sub).to_dict()
        else:
            validation = {"scored": False, "reason": "the validation split has no documents with text yet"}
    return Scored(folder=folder, tasks=tuple(test.tasks), report=report, layers=layers, validation=validation)


def score_all(folders: Sequence[Path], gold, validation_gold) -> list[Scored]:
    """Check and score folders; raises `LeaderboardError` listing every problem."""
    problems: list[Problem] = []
    scored = check_and_score(folders, gold, validation_gold, problems)
    if problems:
        raise LeaderboardError(problems)
    return scored


# ---------------------------------------------------------------------------------------------
# Tables


def holm(p_values: list[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values, in the order given."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: (p_values[i], i))
    adjusted = [1.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def _sort_key(layer: Layer, report: dict[str, Any], system_id: str) -> tuple:
    """Best first: headline, then tie-break (both higher is better; undefined last), then id."""
    head, _ = lookup(report, layer.headline)
    tie, _ = lookup(report, layer.tiebreak)
    return (-(head if head is not None else -1.0), -(tie if tie is not None else -1.0), system_id)


def layer_table(layer: Layer, scored: Sequence[Scored]) -> dict[str, Any]:
    from benchmark.scoring import compare

    entries = [(s, s.layers[layer.id]) for s in scored if layer.id in s.layers]
    reports = {s.folder.system_id: r.to_dict() for s, r in entries}
    signatures = sorted({r.signature for _, r in entries})
    if len(signatures) > 1:  # cannot happen when every row is scored now on the same gold
        raise LeaderboardError([Problem(f"table {layer.id}", None, "signature", "one signature for every row", " / ".join(signatures))])
    entries.sort(key=lambda e: _sort_key(layer, reports[e[0].folder.system_id], e[0].folder.system_id))
    rows = []
    previous, rank = None, 0
    for i, (s, _) in enumerate(entries):
        sid = s.folder.system_id
        key = _sort_key(layer, reports[sid], sid)[:2]
        rank = rank if key == previous else i + 1
        previous = key
        values = {}
        for column in layer.columns:
            value, ci = lookup(reports[sid], column.key)
            values[column.key] = {"value": value, "ci95": ci}
        throughput = s.folder.card.throughput
        rows.append(
            {"system": sid, "rank": rank, "values": values, "words_per_second": throughput.words_per_second if throughput else None}
        )
    pairs = []
    for i, (sa, ra) in enumerate(entries):
        for sb, rb in entries[i + 1 :]:
            comparison = compare(ra, rb, names=(sa.folder.system_id, sb.folder.system_id))
            m = comparison.to_dict()["metrics"].get(layer.headline)
            if m is None:
                continue
            pairs.append(
                {
                    "a": sa.folder.system_id,
                    "b": sb.folder.system_id,
                    "metric": layer.headline,
                    "delta": m["delta"],
                    "ci95": m["ci95"],
                    "p_value": m["p_value"],
                }
            )
    for pair, adjusted in zip(pairs, holm([p["p_value"] for p in pairs]), strict=False):
        pair["p_holm"] = round(adjusted, 6)
        pair["significant"] = bool(adjusted < ALPHA and pair["delta"] != 0)
    for row in rows:
        row["better_than"] = [
            (p["b"] if p["a"] == row["system"] else p["a"])
            for p in pairs
            if p["significant"] and ((p["a"] == row["system"] and p["delta"] > 0) or (p["b"] == row["system"] and p["delta"] < 0))
        ]
    attempted = {s.folder.system_id for s, _ in entries}
    return {
        **layer.as_json(),
        "signature": signatures[0] if signatures else None,
        "rows": rows,
        "pairs": pairs,
        "not_attempted": sorted(s.folder.system_id for s in scored if s.folder.system_id not in attempted),
    }


def results_of(scored: Sequence[Scored], gold) -> dict[str, Any]:
    """The whole board as JSON values: what results.json holds and what the pages render."""
    from benchmark.scoring import SCORER_VERSION

    systems = {}
    for s in sorted(scored, key=lambda s: s.folder.system_id):
        systems[s.folder.system_id] = {
            "card": s.folder.card.as_json(),
            "tasks": list(s.tasks),
            "test": s.report.to_dict(),
            "validation": s.validation,
        }
    return {
        "format": FORMAT,
        "scorer_version": SCORER_VERSION,
        "gold": {
            "split": gold.split,
            "subset": gold.subset,
            "version": gold.version,
            "documents": len(gold.records),
            "external_left_out": list(gold.excluded),
        },
        "significance": {
            "alpha": ALPHA,
            "test": "paired approximate randomisation over documents (the scorer's compare)",
            "correction": "Holm, within each table",
        },
        "layers": [layer_table(layer, scored) for layer in LAYERS],
        "systems": systems,
    }


# ---------------------------------------------------------------------------------------------
# Outputs


def render_outputs(results: dict[str, Any]) -> dict[str, bytes]:
    from benchmark.leaderboard.render_html import render_html
    from benchmark.leaderboard.render_markdown import render_markdown

    return {
        "results.json": (json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"),
        "README.md": render_markdown(results).encode("utf-8"),
        "index.html": render_html(results).encode("utf-8"),
    }


def check_and_score(folders: Sequence[Path], gold, validation_gold, problems: list[Problem]) -> list[Scored]:
    """Check and score each folder; every problem of every folder goes to `problems`."""
    scored = []
    for path in folders:
        try:
            scored.append(score_folder(read_folder(path), gold, validation_gold))
        except DatelineError as err:
            problems += err.problems
    return scored


def build(submissions: Path = SUBMISSIONS, texts_dir: Path | None = None) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Validate and score every submission; return the results and the rendered files.

    Raises `LeaderboardError` listing every problem of every submission."""
    gold = load_split_gold(SPLIT, texts_dir)
    validation_gold = load_split_gold("validation", texts_dir)
    if not gold.records:
        raise LeaderboardError([Problem(f"split {SPLIT}", None, "documents", "at least one document whose text is distributed", "none")])
    problems: list[Problem] = []
    try:
        folders = list_folders(submissions)
    except LeaderboardError as err:  # stray entries: report them, and still check the real folders
        problems += err.problems
        folders = [p for p in sorted(Path(submissions).iterdir()) if p.is_dir() and not p.is_symlink() and slug_problem(p.name) is None]
    scored = check_and_score(folders, gold, validation_gold, problems)
    if problems:
        raise LeaderboardError(problems)
    results = results_of(scored, gold)
    return results, render_outputs(results)


def write_outputs(outputs: dict[str, bytes], output_dir: Path = LEADERBOARD) -> list[Path]:
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in sorted(outputs.items()):
        path = output_dir / name
        if not path.exists() or path.read_bytes() != content:
            path.write_bytes(content)
        written.append(path)
    return written


def stale_outputs(outputs: dict[str, bytes], output_dir: Path = LEADERBOARD) -> list[Path]:
    """The committed files that differ from what the build produces (or are missing)."""
    return [
        output_dir / name
        for name, content in sorted(outputs.items())
        if not (output_dir / name).is_file() or (output_dir / name).read_bytes() != content
    ]


__all__ = [
    "build",
    "check_and_score",
    "results_of",
    "render_outputs",
    "write_outputs",
    "stale_outputs",
    "score_folder",
    "score_all",
    "layer_table",
    "holm",
    "load_split_gold",
    "OUTPUTS",
]
