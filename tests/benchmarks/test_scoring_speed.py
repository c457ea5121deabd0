"""Speed and memory of the scorer against nervaluate and seqeval, on the workload of issue 3.

Workload: 20,000 documents, 1,000,000 gold and 1,000,000 predicted entity mentions of four
types (flat spans, so that seqeval can read them as IOB2). Every tool gets the same spans in
its own input format (ours and nervaluate's: a list of span dicts per document; seqeval's: a
tag sequence per document), and its time includes turning that input into its own structures.

Run: python -m pytest tests/benchmarks/test_scoring_speed.py --benchmark-only
(about 3 minutes on 2 cores: the reference tools run once, ours five times). The run writes
tests/benchmarks/results/scoring.json: machine, versions, timings, ratios and peak memory.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tracemalloc
import warnings
from importlib import metadata
from pathlib import Path

import numpy as np

from benchmark.scoring import bootstrap, ner
from benchmark.scoring.metrics import nervaluate_prf
from benchmark.scoring.spans import SpanArrays

RESULTS = Path(__file__).parent / "results" / "scoring.json"
TYPES = ("PER", "ORG", "GPE", "LOC")
N_DOCS = 20_000
PER_DOC = 50  # 1,000,000 gold and 1,000,000 predicted mentions
SEED = 7
_measured: dict[str, dict] = {}
_LOAD_AT_START = [round(x, 2) for x in os.getloadavg()]
_cache: dict[str, object] = {}


def make_workload(n_docs: int = N_DOCS, per_doc: int = PER_DOC, seed: int = SEED):
    """Token-offset spans: gold is flat with gaps of 3-5 tokens; predictions are flat too, with
    70% exact hits, 8% wrong type, 8% a boundary one token off, 1% merged with the next mention,
    the rest missed, and spurious one-token spans in the gaps to make 50 predictions a document.
    Returns per-document lists of (start, end, type) for gold and predictions, and lengths."""
    rng = np.random.default_rng(seed)
    gold_docs, pred_docs, lengths = [], [], []
    for _ in range(n_docs):
        lens = rng.integers(1, 4, size=per_doc)
        starts = np.cumsum(rng.integers(3, 6, size=per_doc) + np.r_[0, lens[:-1]])
        ends = starts + lens
        types = rng.integers(0, 4, size=per_doc)
        kind = rng.random(per_doc)
        gold = [(int(s), int(e), TYPES[t]) for s, e, t in zip(starts, ends, types, strict=True)]
        pred, free_gaps, i = [], [], 0
        while i < per_doc:
            s, e, t = gold[i]
            if kind[i] < 0.70:
                pred.append((s, e, t))
            elif kind[i] < 0.78:
                pred.append((s, e, TYPES[(TYPES.index(t) + 1) % 4]))
            elif kind[i] < 0.86:
                pred.append((s - 1, e, t) if rng.random() < 0.5 else (s, e + 1, t))
            elif kind[i] < 0.87 and i + 1 < per_doc:
                pred.append((s, gold[i + 1][1], t))  # one span over two mentions and the gap
                i += 1
            if i + 1 < per_doc and (not pred or pred[-1][1] <= gold[i][1] + 1):
                free_gaps.append(i)  # the gap after mention i has a free token at end + 1
            i += 1
        need = per_doc - len(pred)
        for j in rng.choice(free_gaps, size=need, replace=False):
            s = gold[j][1] + 1
            pred.append((s, s + 1, TYPES[int(rng.integers(0, 4))]))
        pred.sort()
        gold_docs.append(gold)
        pred_docs.append(pred)
        lengths.append(int(ends[-1]) + 3)
    return gold_docs, pred_docs, lengths


def workload():
    if not _cache:
        gold, pred, lengths = make_workload()
        assert sum(map(len, gold)) == N_DOCS * PER_DOC and sum(map(len, pred)) == N_DOCS * PER_DOC
        _cache["ours"] = tuple([[{"start": s, "end": e, "type": t} for s, e, t in doc] for doc in docs] for docs in (gold, pred))
        # nervaluate's ends are inclusive
        _cache["nervaluate"] = tuple([[{"label": t, "start": s, "end": e - 1} for s, e, t in doc] for doc in docs] for docs in (gold, pred))
        _cache["seqeval"] = tuple([_iob2(doc, n) for doc, n in zip(docs, lengths, strict=True)] for docs in (gold, pred))
    return _cache


def _iob2(spans, n_tokens):
    tags = ["O"] * n_tokens
    for s, e, t in spans:
        tags[s] = "B-" + t
        for i in range(s + 1, e):
            tags[i] = "I-" + t
    return tags


def ours_all_schemes(gold_docs, pred_docs):
    """All four schemes, overall and per type, with P/R/F1 and macro F1: the `ner` numbers."""
    counts = ner.count(SpanArrays.from_lists(gold_docs, TYPES), SpanArrays.from_lists(pred_docs, TYPES), len(gold_docs), TYPES)
    overall, per_type = counts.overall.sum(axis=0), counts.per_type.sum(axis=0)
    return overall, nervaluate_prf(overall), nervaluate_prf(per_type), ner.macro_f1(per_type, ner.present_types(per_type))


def _seconds(benchmark) -> float:
    return float(benchmark.stats.stats.median)


def test_ours_all_four_schemes(benchmark):
    gold, pred = workload()["ours"]
    result = benchmark.pedantic(ours_all_schemes, args=(gold, pred), rounds=5, iterations=1, warmup_rounds=1)
    _cache["ours_result"] = result
    tracemalloc.start()
    ours_all_schemes(gold, pred)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    _measured["ours_four_schemes"] = {
        "median_seconds": round(_seconds(benchmark), 4),
        "rounds": 5,
        "tracemalloc_peak_mib": round(peak / 2**20, 1),
    }


def test_nervaluate_reference(benchmark):
    from nervaluate import Evaluator

    gold, pred = workload()["nervaluate"]

    def run():
        return Evaluator(gold, pred, tags=list(TYPES), loader="dict").evaluate()

    result = benchmark.pedantic(run, rounds=1, iterations=1)
    _measured["nervaluate"] = {"median_seconds": round(_seconds(benchmark), 4), "rounds": 1, "version": metadata.version("nervaluate")}
    # same workload, same numbers: every prediction overlaps at most one gold span or is the
    # only prediction on its gold spans, so the two matchings agree
    overall = _cache.get("ours_result", ours_all_schemes(*workload()["ours"]))[0]
    for k, name in enumerate(("strict", "exact", "partial", "ent_type")):
        r = result["overall"][name]
        assert tuple(overall[k]) == (r.correct, r.incorrect, r.partial, r.missed, r.spurious), name


def test_seqeval_reference(benchmark):
    from seqeval.metrics import f1_score
    from seqeval.scheme import IOB2

    y_true, y_pred = workload()["seqeval"]

    def run():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return f1_score(y_true, y_pred, mode="strict", scheme=IOB2)

    f1 = benchmark.pedantic(run, rounds=1, iterations=1)
    _measured["seqeval_strict_f1"] = {
        "median_seconds": round(_seconds(benchmark), 4),
        "rounds": 1,
        "version": metadata.version("seqeval"),
        "f1": round(f1, 6),
    }
    ours = _cache.get("ours_result", ours_all_schemes(*workload()["ours"]))[1]["f1"][0]
    assert abs(ours - f1) < 1e-12


def test_bootstrap_1000_resamples(benchmark):
    """1,000 resamples of every count block of a full report on the test split (all tasks), and
    of the NER blocks of the 20,000-document workload, for scale."""
    from benchmark.errors import DatelineError
    from benchmark.scoring import for_split, score

    try:
        gold = for_split("test")
        report = score(gold, [r.model_dump(exclude={"text"}, exclude_none=True) for r in gold.records])
        blocks = {k: v for k, v in report.counts.items() if k not in ("places.errors", "places.error_doc")}
        test_docs = len(report.doc_ids)
    except DatelineError:  # the corpus is not compiled: measure the workload only
        blocks, test_docs = None, 0
    if blocks:
        benchmark.pedantic(bootstrap.bootstrap_blocks, args=(blocks,), rounds=5, iterations=1, warmup_rounds=1)
    gold_docs, pred_docs = workload()["ours"]
    big = ner.count(SpanArrays.from_lists(gold_docs, TYPES), SpanArrays.from_lists(pred_docs, TYPES), len(gold_docs), TYPES).blocks()
    times = []
    import time

    for _ in range(3):
        start = time.perf_counter()
        bootstrap.bootstrap_blocks(big)
        times.append(time.perf_counter() - start)
    if not blocks:
        benchmark.pedantic(bootstrap.bootstrap_blocks, args=(big,), rounds=1, iterations=1)
    _measured["bootstrap"] = {
        "resamples": bootstrap.N_RESAMPLES,
        "test_split_documents": test_docs,
        "test_split_count_columns": int(sum(np.prod(v.shape[1:]) for v in blocks.values())) if blocks else 0,
        "test_split_median_seconds": round(_seconds(benchmark), 4) if blocks else None,
        "workload_documents": N_DOCS,
        "workload_count_columns": int(sum(np.prod(v.shape[1:]) for v in big.values())),
        "workload_median_seconds": round(sorted(times)[1], 4),
    }


_PEAK_SCRIPT = """
import sys
import numpy as np
from benchmark.scoring import ner
from benchmark.scoring.spans import SpanArrays

def peak_kib():
    # VmHWM belongs to this process image; ru_maxrss would also count the parent's pages
    # that fork copied before exec
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

data = np.load(sys.argv[1])
gold = SpanArrays(data["g_doc"], data["g_start"], data["g_end"], data["g_label"])
pred = SpanArrays(data["p_doc"], data["p_start"], data["p_end"], data["p_label"])
before = peak_kib()
ner.count(gold, pred, int(sys.argv[2]), ("PER", "ORG", "GPE", "LOC"))
print(before, peak_kib())
"""


def test_peak_memory(benchmark, tmp_path):
    """Peak resident memory of a fresh process that loads the workload's spans as columns and
    scores all four schemes: the interpreter, numpy, the input and everything scoring holds."""
    gold_docs, pred_docs = workload()["ours"]
    g, p = SpanArrays.from_lists(gold_docs, TYPES), SpanArrays.from_lists(pred_docs, TYPES)
    columns = tmp_path / "workload.npz"
    np.savez(columns, **{f"{side}_{k}": getattr(a, k) for side, a in (("g", g), ("p", p)) for k in ("doc", "start", "end", "label")})
    command = [sys.executable, "-c", _PEAK_SCRIPT, str(columns), str(N_DOCS)]
    out = benchmark.pedantic(lambda: subprocess.run(command, capture_output=True, text=True, check=True), rounds=1, iterations=1)
    before, after = (int(x) for x in out.stdout.split())
    _measured["memory"] = {
        "process_peak_rss_mib": round(after / 1024, 1),
        "process_rss_before_scoring_mib": round(before / 1024, 1),
        "note": "process_peak_rss_mib: VmHWM of a fresh process holding the 2,000,000 spans as columns and scoring them; "
        "ours_four_schemes.tracemalloc_peak_mib: what scoring allocates when given list-of-dict input",
    }


def test_write_results(benchmark):
    """Runs last: writes the results file when every measurement of this module was taken."""
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    needed = {"ours_four_schemes", "nervaluate", "seqeval_strict_f1", "bootstrap", "memory"}
    if not needed <= set(_measured):
        return  # a partial run leaves the committed file as it is
    ours = _measured["ours_four_schemes"]["median_seconds"]
    report = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.machine(),
            "cpu_count": os.cpu_count(),
            # other processes share the cores: the load says how quiet the machine was
            "load_average_at_start": _LOAD_AT_START,
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        },
        "versions": {p: metadata.version(p) for p in ("numpy", "nervaluate", "seqeval", "pydantic", "pytest-benchmark")},
        "workload": {
            "documents": N_DOCS,
            "gold_mentions": N_DOCS * PER_DOC,
            "predicted_mentions": N_DOCS * PER_DOC,
            "types": list(TYPES),
            "description": make_workload.__doc__.split("Returns")[0].strip().replace("\n   ", "").replace("  ", " "),
        },
        "timings": _measured,
        "ratios": {
            "four_schemes_vs_nervaluate": round(_measured["nervaluate"]["median_seconds"] / ours, 1),
            "strict_f1_vs_seqeval": round(_measured["seqeval_strict_f1"]["median_seconds"] / ours, 1),
        },
        "targets": {
            "four_schemes_vs_nervaluate": ">= 20",
            "strict_f1_vs_seqeval": ">= 5",
            "bootstrap_test_split_seconds": "< 1",
            "peak_memory_mib": "< 1024",
        },
    }
    RESULTS.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
