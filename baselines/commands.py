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
