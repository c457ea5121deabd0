"""`dateline validate`, `dateline score` and `dateline compare`.

Bad input raises a DatelineError carrying every problem; benchmark.cli prints them and exits 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.errors import SubmissionError
from benchmark.model import SPLITS
from benchmark.scoring import gold as gold_sources
from benchmark.scoring.engine import _check_gold, compare, parse_tasks, score
from benchmark.scoring.report import FORMATS, render, render_comparison
from benchmark.submission import Submission, read_submission


def _gold_options(p: argparse.ArgumentParser) -> None:
    which = p.add_mutually_exclusive_group()
    which.add_argument("--split", choices=SPLITS, default=None, help="score against this split of the corpus (default: test)")
    which.add_argument("--gold", metavar="FILE", help="score against your own gold: the submission schema plus a 'text' per document")
    p.add_argument("--texts", metavar="DIR", help="folder of external documents' texts (default: ../shared/seeds when present)")
    p.add_argument("--allow-missing", action="store_true", help="score documents missing from the submission as predicting nothing")


def _load_gold(args: argparse.Namespace) -> gold_sources.GoldSet:
    if args.gold:
        gold = gold_sources.from_file(args.gold)
    else:
        gold = gold_sources.for_split(args.split or "test", Path(args.texts) if args.texts else None)
        if gold.excluded:
            print(
                f"note: {len(gold.excluded)} external document(s) of the {gold.split} split left out: their text is not on this machine "
                f"(see `dateline hydrate`); the signature says subset:{gold.subset}",
                file=sys.stderr,
            )
    _check_gold(gold)
    return gold


def _read_all(paths: list[str], gold: gold_sources.GoldSet, allow_missing: bool) -> list[Submission]:
    """Read and check every file before failing, so that every problem is listed at once."""
    problems, subs = [], []
    for path in paths:
        try:
            subs.append(read_submission(path, gold.texts, allow_missing=allow_missing, ignored=gold.excluded))
        except SubmissionError as err:
            problems += err.problems
    if problems:
        raise SubmissionError(problems)
    return subs


def _cmd_validate(args: argparse.Namespace) -> int:
    gold = _load_gold(args)
    (sub,) = _read_all([args.pred], gold, args.allow_missing)
    tasks = ", ".join(sub.tasks) or "none"
    against = f"{gold.split} ({len(gold.records)} documents, subset {gold.subset})"
    print(f"ok: {args.pred}: {len(sub.records)} documents, tasks attempted: {tasks}; checked against {against}")
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    tasks = parse_tasks(args.tasks)
    gold = _load_gold(args)
    (sub,) = _read_all([args.pred], gold, args.allow_missing)
    report = score(gold, sub, tasks, allow_missing=args.allow_missing)
    sys.stdout.write(render(report, args.format))
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    tasks = parse_tasks(args.tasks)
    gold = _load_gold(args)
    sub_a, sub_b = _read_all([args.pred_a, args.pred_b], gold, args.allow_missing)
    a = score(gold, sub_a, tasks, allow_missing=args.allow_missing)
    b = score(gold, sub_b, tasks, allow_missing=args.allow_missing)
    sys.stdout.write(render_comparison(compare(a, b, (args.pred_a, args.pred_b)), args.format))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check a submission against the contract and the gold documents")
    p.add_argument("pred", help="submission file (JSON Lines)")
    _gold_options(p)
    p.set_defaults(run=_cmd_validate)

    p = sub.add_parser("score", help="score a submission")
    p.add_argument("pred", help="submission file (JSON Lines)")
    _gold_options(p)
    p.add_argument("--tasks", default=None, help="comma-separated subset of ner,events,places (default: all attempted)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(run=_cmd_score)

    p = sub.add_parser("compare", help="paired significance of two submissions on each headline metric")
    p.add_argument("pred_a", help="submission A")
    p.add_argument("pred_b", help="submission B")
    _gold_options(p)
    p.add_argument("--tasks", default=None, help="comma-separated subset of ner,events,places")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(run=_cmd_compare)
