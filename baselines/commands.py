"""`dateline baseline list|run` and `dateline evaluate`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from baselines import base
from baselines.run import run_baseline
from benchmark.errors import Problem, SubmissionError


def _create_or_fail(name: str) -> None:
    try:
        base.create(name)
    except base.UnknownBaseline as err:
        raise SubmissionError([Problem("dateline baseline", None, "NAME", "a registered baseline", str(err))]) from None


def _list(args: argparse.Namespace) -> int:
    for name in base.names():
        extractor = base.create(name)
        doc = (sys.modules[type(extractor).__module__].__doc__ or "").strip().splitlines()[0]
        print(f"{name:10} {', '.join(extractor.tasks):26} {doc}")
    return 0


def _run(args: argparse.Namespace) -> int:
    _create_or_fail(args.name)
    skipped = run_baseline(args.name, args.split, Path(args.output), Path(args.texts) if args.texts else None, progress=not args.quiet)
    if skipped:
        print(f"left out {len(skipped)} external document(s) without text: {', '.join(skipped)}", file=sys.stderr)
    print(f"wrote {args.output}")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    import tempfile

    from benchmark.scoring import for_split, score
    from benchmark.scoring.report import render
    from benchmark.submission import read_submission

    _create_or_fail(args.name)
    texts = Path(args.texts) if args.texts else None
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(args.output) if args.output else Path(tmp) / "predictions.jsonl"
        skipped = run_baseline(args.name, args.split, output, texts, progress=not args.quiet)
        report = score(for_split(args.split, texts), read_submission(output))
    if skipped:
        print(f"left out {len(skipped)} external document(s) without text: {', '.join(skipped)}", file=sys.stderr)
    print(render(report, args.format))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("baseline", help="list or run the baseline extractors")
    bsub = p.add_subparsers(dest="baseline_command", required=True, metavar="ACTION")
    s = bsub.add_parser("list", help="the registered baselines")
    s.set_defaults(run=_list)
    s = bsub.add_parser("run", help="train on train (tune on validation) and predict a split")
    s.add_argument("name")
    s.add_argument("--split", default="test", choices=["train", "validation", "test"])
    s.add_argument("-o", "--output", required=True, help="predictions file to write (JSON Lines)")
    s.add_argument("--texts", help="folder with the external documents' texts (default: ../shared/seeds if present)")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.set_defaults(run=_run)

    p = sub.add_parser("evaluate", help="run a baseline on a split and score it in one step")
    p.add_argument("name")
    p.add_argument("--split", default="test", choices=["train", "validation", "test"])
    p.add_argument("--format", default="table", choices=["table", "json", "markdown"])
    p.add_argument("-o", "--output", help="also keep the predictions in this file")
    p.add_argument("--texts", help="folder with the external documents' texts (default: ../shared/seeds if present)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=_evaluate)
