from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from benchmark import paths

GAZETTEER = """key\tname\tfeature\tlat\tlon\tgeonames_id\tcountry\tsource
russia\tRussia\tcountry\t60\t100\t2017370\tRU\tGeoNames country feature 2017370
vladivostok\tVladivostok\tcity\t43.10562\t131.87353\t2013348\tRU\tgeonamescache 3.0.2 cities500
"""

SAMPLE_DL = """---
doc_id: dl-0999
title: A sample for tests
date: 2023-09-12
genre: wire
storyline: russia-dprk
split: train
dateline: VLADIVOSTOK, Russia
---
[VLADIVOSTOK]{GPE vladivostok literal}, [Russia]{GPE russia literal} (Dateline) — [North Korean]{NORP north-korean} leader [Kim Jong Un]{PER kim} [arrived]{trigger arrive} in [Russia]{GPE russia literal} on [Tuesday]{value tue}.

[Kim]{PER kim #k2} [met]{trigger meet} [Putin]{PER putin} and \\[ad_1\\] [Moscow]{GPE russia associative}.
---
events:
  arrive: Travel actual | Traveler=kim Destination=russia Time=tue
  meet: Meet actual | Participant=#k2 Participant=putin
"""


@pytest.fixture
def annotations_dir(tmp_path: Path) -> Path:
    """A miniature annotations folder: gazetteer plus one source file."""
    root = tmp_path / "annotations"
    (root / "source" / "external").mkdir(parents=True)
    (root / "gazetteer.tsv").write_text(GAZETTEER, encoding="utf-8")
    (root / "source" / "dl-0999.dl").write_text(SAMPLE_DL, encoding="utf-8")
    return root


@pytest.fixture
def write_dl(tmp_path: Path):
    def write(body: str, name: str = "dl-0999") -> Path:
        path = tmp_path / f"{name}.dl"
        path.write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
        return path

    return write


def seeds_dir() -> Path:
    return paths.DEFAULT_SEEDS


requires_seeds = pytest.mark.skipif(
    not (paths.DEFAULT_SEEDS.is_dir() and any(paths.DEFAULT_SEEDS.glob("*.txt"))),
    reason=f"the seed article texts are not on this machine ({paths.DEFAULT_SEEDS} is absent): they are never committed",
)
