"""The `dateline` command line.

Exit codes: 0 success, 2 invalid input (every problem listed), 1 internal error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from benchmark import paths
from benchmark.errors import DatelineError


def _cmd_build(args: argparse.Namespace) -> int:
    from benchmark.build import compile_corpus, write_data

    docs = compile_corpus(paths.ANNOTATIONS)
    write_data(docs, paths.DATA)
    print(f"built {len(docs)} documents into {paths.DATA}")
    if args.card:
        from benchmark.card import write_card

        write_card(docs)
        print(f"wrote {paths.CARD}")
    return 0


def _cmd_validate_gold(args: argparse.Namespace) -> int:
    from benchmark.build import compile_corpus, render_data

    docs = compile_corpus(paths.ANNOTATIONS)
    stale = [rel for rel, content in render_data(docs).items() if not (paths.DATA / rel).exists() or (paths.DATA / rel).read_bytes() != content]
    if stale:
        print("gold sources are valid, but these compiled files are stale (run `dateline build`):", file=sys.stderr)
        for rel in stale:
            print(f"  {paths.DATA / rel}", file=sys.stderr)
        return 2
    print(f"ok: {len(docs)} documents valid, compiled data up to date")
    return 0


def _cmd_hydrate(args: argparse.Namespace) -> int:
    from benchmark.hydrate import hydrate_dataset

    out = hydrate_dataset(Path(args.texts), Path(args.output))
    print(f"wrote a hydrated copy of the dataset to {out}")
    return 0


def _cmd_annotate_standoff(args: argparse.Namespace) -> int:
    from benchmark.compile import standoff_from_dl

    record = standoff_from_dl(Path(args.source), Path(args.original))
    Path(args.output).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output}: {len(record['spans'])} spans, {len(record['events'])} events")
    return 0


#: Modules of other concerns (scoring, baselines, leaderboard) that add their own subcommands
#: through a `register(subparsers)` function.
COMMAND_MODULES: tuple[str, ...] = ("baselines.commands", "benchmark.scoring.commands", "benchmark.leaderboard.commands")


def _cmd_annotate_plain(args: argparse.Namespace) -> int:
    from benchmark.markup import parse_source

    sys.stdout.write(parse_source(args.source).text + "\n")
    return 0


def _cmd_agreement(args: argparse.Namespace) -> int:
    from benchmark.agreement import RESULTS, compute, write_results
    from benchmark.loader import default_texts_dir

    texts = Path(args.texts) if args.texts else default_texts_dir()
    if args.diff:
        from benchmark.agreement import disagreements, load_pairs

        for first, second, annotator in load_pairs(texts_dir=texts):
            if args.diff == "all" or args.diff == first.document.doc_id:
                print(f"## {first.document.doc_id} (second annotator: {annotator})")
                print("\n".join(disagreements(first, second)) or "no disagreements")
        return 0
    result = compute(texts_dir=texts)
    print(json.dumps(result, indent=2, sort_keys=True))
    if args.write:
        write_results(result)
        print(f"wrote {RESULTS}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dateline", description="Dateline: entities, events and places in geopolitical news.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="compile annotations/source into annotations/data")
    p.add_argument("--card", action="store_true", help="also regenerate the dataset card and README statistics")
    p.set_defaults(run=_cmd_build)

    p = sub.add_parser("validate-gold", help="check every gold source and that the compiled data is up to date")
    p.set_defaults(run=_cmd_validate_gold)

    p = sub.add_parser("hydrate", help="fill in external documents' text from files you supply, checking each SHA-256")
    p.add_argument("--texts", required=True, help="folder holding the external documents' text files")
    p.add_argument("--output", default="annotations-hydrated", help="where to write the hydrated dataset (default: %(default)s)")
    p.set_defaults(run=_cmd_hydrate)

    p = sub.add_parser("agreement", help="inter-annotator agreement of the double-annotated documents")
    p.add_argument("--texts", help="folder with the external documents' texts (default: ../shared/seeds if present)")
    p.add_argument("--write", action="store_true", help="write annotations/agreement/results.json")
    p.add_argument("--diff", metavar="DOC_ID", help="list the disagreements of one document (or 'all') for adjudication")
    p.set_defaults(run=_cmd_agreement)

    p = sub.add_parser("annotate", help="annotator tools")
    asub = p.add_subparsers(dest="tool", required=True, metavar="TOOL")
    s = asub.add_parser("standoff", help="turn a private .dl copy of an external text into a stand-off file")
    s.add_argument("source", help="the annotated .dl copy (kept outside the repository)")
    s.add_argument("--original", required=True, help="the original text file")
    s.add_argument("-o", "--output", required=True, help="stand-off JSON to write")
    s.set_defaults(run=_cmd_annotate_standoff)
    s = asub.add_parser("plain", help="print a .dl file's text without markup (for a second, independent annotator)")
    s.add_argument("source")
    s.set_defaults(run=_cmd_annotate_plain)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except DatelineError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) found", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # noqa: BLE001 - the contract is no traceback, exit 1
        print(f"dateline: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
