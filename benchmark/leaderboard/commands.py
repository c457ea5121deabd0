"""`dateline leaderboard validate|build|add-baselines`.

Bad input raises a `DatelineError` carrying every problem; benchmark.cli prints them and exits 2.
`build --check` also exits 2 when a committed file differs from what the build produces.
"""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from benchmark.errors import Problem
from benchmark.leaderboard.problems import LeaderboardError
from benchmark.leaderboard.submissions import LEADERBOARD, SUBMISSIONS


def _first_difference(old: bytes, new: bytes) -> int | None:
    a, b = old.decode("utf-8", "replace").splitlines(), new.decode("utf-8", "replace").splitlines()
    for tag, i1, _i2, _j1, _j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            return i1 + 1
    return None


def _validate(args: argparse.Namespace) -> int:
    from benchmark.leaderboard.build import SPLIT, load_split_gold, score_all
    from benchmark.leaderboard.submissions import list_folders

    folders = [Path(f) for f in args.folders] if args.folders else list_folders(Path(args.submissions))
    scored = score_all(folders, load_split_gold(SPLIT), load_split_gold("validation"))
    for s in scored:
        print(f"ok: {s.folder.system_id}: system.yaml valid, SHA-256 matches, {SPLIT} predictions valid; tasks: {', '.join(s.tasks)}")
    if not scored:
        print(f"no submissions under {args.submissions}")
    return 0


def _build(args: argparse.Namespace) -> int:
    from benchmark.leaderboard.build import build, stale_outputs, write_outputs

    output = Path(args.output_dir)
    results, outputs = build(Path(args.submissions), Path(args.texts) if args.texts else None)
    n = len(results["systems"])
    if args.check:
        stale = stale_outputs(outputs, output)
        if stale:
            problems = []
            for path in stale:
                line = _first_difference(path.read_bytes(), outputs[path.name]) if path.is_file() else None
                found = "a file that differs (edited by hand, or not rebuilt after a change)" if path.is_file() else "no such file"
                problems.append(
                    Problem(
                        str(path), line, "content", "exactly what `dateline leaderboard build` writes (run it and commit the result)", found
                    )
                )
            raise LeaderboardError(problems)
        print(f"ok: the leaderboard in {output} is up to date ({n} submission(s))")
        return 0
    for path in write_outputs(outputs, output):
        print(f"wrote {path}")
    print(f"{n} submission(s) scored")
    return 0


def _add_baselines(args: argparse.Namespace) -> int:
    from benchmark.leaderboard.baseline_submissions import add_baselines

    for folder in add_baselines(
        args.names or None, Path(args.submissions), texts_dir=Path(args.texts) if args.texts else None, url=args.url
    ):
        print(f"wrote {folder}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from benchmark.leaderboard.baseline_submissions import PROJECT_URL

    p = sub.add_parser("leaderboard", help="validate submissions and build the leaderboard")
    lsub = p.add_subparsers(dest="leaderboard_command", required=True, metavar="ACTION")

    s = lsub.add_parser("validate", help="check submission folders: system.yaml, hashes, sizes, and the predictions against the test split")
    s.add_argument("folders", nargs="*", metavar="FOLDER", help="submission folders (default: every folder under --submissions)")
    s.add_argument("--submissions", default=str(SUBMISSIONS), help="the submissions folder (default: %(default)s)")
    s.set_defaults(run=_validate)

    s = lsub.add_parser("build", help="re-score every submission and write results.json, README.md and index.html")
    s.add_argument(
        "--check", action="store_true", help="write nothing; fail (exit 2) if a file in --output-dir differs from what the build produces"
    )
    s.add_argument("--submissions", default=str(SUBMISSIONS), help="the submissions folder (default: %(default)s)")
    s.add_argument("--output-dir", default=str(LEADERBOARD), help="where the board is written (default: %(default)s)")
    s.add_argument(
        "--texts", help="also score hydrated external documents from this folder (private runs only: the committed board is built without)"
    )
    s.set_defaults(run=_build)

    s = lsub.add_parser("add-baselines", help="run the registered baselines and write their submission folders")
    s.add_argument("names", nargs="*", metavar="NAME", help="baselines to add (default: all registered)")
    s.add_argument("--submissions", default=str(SUBMISSIONS), help="the submissions folder (default: %(default)s)")
    s.add_argument("--url", default=PROJECT_URL, help="where the baselines' code is published (default: %(default)s)")
    s.add_argument("--texts", help="folder with the external documents' texts (default: ../shared/seeds if present)")
    s.set_defaults(run=_add_baselines)
