"""The Dateline scorer: NER, events and places, with intervals, tests and a signature.

    from benchmark.scoring import score
    report = score(gold_docs, predictions, tasks="ner,places")
    report.to_json(); report.signature; report.counts["ner.overall"]

See benchmark/scoring/README.md for the submission format, the metrics and the signature.
"""

from benchmark.scoring.engine import Comparison, ScoreReport, compare, count_blocks, parse_tasks, score
from benchmark.scoring.gold import GoldSet, for_split, from_documents, from_file
from benchmark.scoring.signature import SCORER_VERSION

__all__ = [
    "SCORER_VERSION",
    "Comparison",
    "GoldSet",
    "ScoreReport",
    "compare",
    "count_blocks",
    "for_split",
    "from_documents",
    "from_file",
    "parse_tasks",
    "score",
]
