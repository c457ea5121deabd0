"""`dateline validate | score | compare`: exit codes, messages, every bad-input case."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmark.cli import main

from .conftest import GOLDEN, gold_document

GOLD = str(GOLDEN / "gold.jsonl")
PRED = str(GOLDEN / "pred_a.jsonl")


def _records():
    return [json.loads(line) for line in (GOLDEN / "pred_a.jsonl").read_text(encoding="utf-8").splitlines()]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_ok(capsys):
    code, out, _ = run(capsys, "validate", PRED, "--gold", GOLD)
    assert code == 0
    assert out.startswith(f"ok: {PRED}: 3 documents, tasks attempted: ner, events, places; checked against file (3 documents")


def test_score_formats(capsys):
    code, out, _ = run(capsys, "score", PRED, "--gold", GOLD, "--format", "json")
    assert code == 0 and json.loads(out)["ner"]["strict"]["counts"]["correct"] == 8
    code, out, _ = run(capsys, "score", PRED, "--gold", GOLD, "--tasks", "ner")
    assert code == 0 and "tasks:ner|" in out and "Events" not in out


def _bad(tmp_path, name: str, mutate) -> str:
    records = _records()
    mutate(records)
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


BAD_CASES = {
    "duplicate doc_id": (lambda r: r.append(r[0]), ':4: doc_id: expected a doc_id not used before (first on line 1), found "g-001"'),
    "unknown doc_id": (
        lambda r: r[2].update(doc_id="g-033"),
        ":3: doc_id: expected a document of the gold, found 'g-033' (did you mean 'g-003'?)",
    ),
    "missing document": (
        lambda r: r.pop(),
        ": doc_id: expected a record for every gold document (or --allow-missing), found 1 missing: g-003",
    ),
    "offset outside the text": (
        lambda r: r[0]["entities"][0].update(end=500),
        ":1: entities[0].end: expected at most the text length 105, found 500",
    ),
    "start >= end": (
        lambda r: r[0]["entities"][0].update(start=3, end=3),
        ":1: entities[0].start/end: expected start < end (half-open [start, end)), found [3, 3)",
    ),
    "non-integer offset": (lambda r: r[0]["entities"][0].update(start=0.0), ":1: entities[0].start: expected an integer, found 0.0"),
    "unknown type": (
        lambda r: r[0]["entities"][0].update(type="PRE"),
        ":1: entities[0].type: expected an entity type (PER, ORG, GPE, LOC, FAC, NORP), found 'PRE'",
    ),
    "unknown event type": (
        lambda r: r[0]["events"][0].update(type="Trvel"),
        ":1: events[0].type: expected an event type, found 'Trvel' (did you mean 'Travel'?)",
    ),
    "unknown role": (
        lambda r: r[0]["events"][0]["arguments"][0].update(role="Travelr"),
        ":1: events[0].arguments[0].role: expected a role of Travel (Traveler, Origin, Destination, Time), "
        "found 'Travelr' (did you mean 'Traveler'?)",
    ),
    "latitude out of range": (
        lambda r: r[0]["places"][0].update(lat=91.5),
        ":1: places[0].lat: expected a finite number between -90 and 90, found 91.5",
    ),
    "unknown key": (lambda r: r[0]["places"][0].update(lng=3.0), ":1: places[0].lng: expected one of the keys"),
    "text mismatch": (
        lambda r: r[0]["entities"][0].update(text="Kim Jong-un"),
        ':1: entities[0].text: expected "Kim Jong Un" (the text at [0, 11)), found "Kim Jong-un"',
    ),
}


@pytest.mark.parametrize("case", list(BAD_CASES))
@pytest.mark.parametrize("command", ["validate", "score"])
def test_each_bad_input_case_exits_2_with_its_message(tmp_path, capsys, case, command):
    mutate, message = BAD_CASES[case]
    path = _bad(tmp_path, "p.jsonl", mutate)
    code, out, err = run(capsys, command, path, "--gold", GOLD)
    assert code == 2
    assert f"{path}{message}" in err
    assert err.rstrip().endswith("problem(s) found") and out == ""


def test_allow_missing_scores_missing_documents_as_empty(tmp_path, capsys):
    path = _bad(tmp_path, "p.jsonl", lambda r: r.pop())
    code, out, _ = run(capsys, "score", path, "--gold", GOLD, "--allow-missing", "--format", "json")
    assert code == 0 and json.loads(out)["documents"]["missing_predictions"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", ": file: expected at least one JSON object (one document per line), found an empty file"),
        (b'{"doc_id": "g-00\xe9"}\n', ":1: encoding: expected UTF-8 text, found the byte 0xe9 at column 17"),
        (
            b'{"doc_id": "g-001", "places": [{"start": 0, "end": 3, "lat": NaN, "lon": 0}]}\n',
            ":1: places[0].lat: expected a finite number between -90 and 90, found NaN",
        ),
        (b"not json\n", ":1: json: expected a JSON object, found invalid JSON (Expecting value at column 1)"),
    ],
)
def test_file_level_bad_input(tmp_path, capsys, content, message):
    path = tmp_path / "p.jsonl"
    path.write_bytes(content)
    code, _, err = run(capsys, "validate", str(path), "--gold", GOLD)
    assert code == 2 and f"{path}{message}" in err


def test_bom_and_crlf_are_accepted(tmp_path, capsys):
    path = tmp_path / "p.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + (GOLDEN / "pred_a.jsonl").read_bytes().replace(b"\n", b"\r\n"))
    assert run(capsys, "validate", str(path), "--gold", GOLD)[0] == 0


def test_problems_of_both_files_are_listed_by_compare(tmp_path, capsys):
    a = _bad(tmp_path, "a.jsonl", lambda r: r[0]["entities"][0].update(type="PRE"))
    b = _bad(tmp_path, "b.jsonl", lambda r: r[1]["entities"][0].update(end=0))
    code, _, err = run(capsys, "compare", a, b, "--gold", GOLD)
    assert code == 2 and f"{a}:1: entities[0].type" in err and f"{b}:2: entities[0].start/end" in err


def test_bad_gold_file_and_bad_tasks_exit_2(tmp_path, capsys):
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"doc_id": "x", "entities": []}\n', encoding="utf-8")
    code, _, err = run(capsys, "score", PRED, "--gold", str(gold))
    assert code == 2 and f"{gold}:1: text: expected a value for this required key" in err
    code, _, err = run(capsys, "score", PRED, "--gold", GOLD, "--tasks", "ner,event")
    assert (
        code == 2
        and "--tasks: tasks: expected a comma-separated subset of ner, events, places, found 'event' (did you mean 'events'?)" in err
    )


def test_split_scoring_leaves_external_documents_out_with_a_notice(tmp_path, capsys, monkeypatch):
    import benchmark.loader

    docs = [gold_document("dl-1", "Kim met Putin."), gold_document("seed-001", None, source="external")]
    monkeypatch.setattr(benchmark.loader, "load_gold", lambda split, texts_dir=None: docs)
    path = tmp_path / "p.jsonl"
    path.write_text('{"doc_id": "dl-1", "entities": [{"start": 0, "end": 3, "type": "PER"}]}\n', encoding="utf-8")
    code, out, err = run(capsys, "score", str(path), "--split", "test")
    assert code == 0
    assert "note: 1 external document(s) of the test split left out" in err and "subset:original-only" in err
    assert "split:test|subset:original-only" in out


def test_internal_errors_exit_1_without_a_traceback(capsys, monkeypatch):
    import benchmark.scoring.commands as commands

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(commands, "score", boom)
    code, _, err = run(capsys, "score", PRED, "--gold", GOLD)
    assert code == 1 and "dateline: internal error: RuntimeError: boom" in err and "Traceback" not in err


def test_subprocess_bad_input_has_no_traceback(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_bytes(b"\xff\xfe{}\n")
    result = subprocess.run([sys.executable, "-m", "benchmark.cli", "score", str(path), "--gold", GOLD], capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "encoding: expected UTF-8 text" in result.stderr
