from __future__ import annotations

import json

import pytest

from benchmark.cli import main

from .conftest import degrade, write_submission


@pytest.fixture(scope="module")
def submissions(tmp_path_factory, gold_lines):
    root = tmp_path_factory.mktemp("subs")
    write_submission(root, "perfect", gold_lines)
    write_submission(root, "worse", degrade(gold_lines))
    return root


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_then_check(capsys, submissions, tmp_path):
    code, out, _ = run(capsys, "leaderboard", "build", "--submissions", str(submissions), "--output-dir", str(tmp_path))
    assert code == 0 and "2 submission(s) scored" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "index.html", "results.json"]
    code, out, _ = run(capsys, "leaderboard", "build", "--check", "--submissions", str(submissions), "--output-dir", str(tmp_path))
    assert code == 0 and out.startswith(f"ok: the leaderboard in {tmp_path} is up to date")


def test_check_fails_on_edited_scores_naming_the_file_and_line(capsys, submissions, tmp_path):
    run(capsys, "leaderboard", "build", "--submissions", str(submissions), "--output-dir", str(tmp_path))
    results = tmp_path / "results.json"
    lines = results.read_text().splitlines()
    n = next(i for i, line in enumerate(lines) if '"f1": ' in line)
    lines[n] = lines[n].split(":")[0] + ": 0.999999,"
    results.write_text("\n".join(lines) + "\n")
    (tmp_path / "index.html").unlink()
    code, out, err = run(capsys, "leaderboard", "build", "--check", "--submissions", str(submissions), "--output-dir", str(tmp_path))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"{tmp_path}/index.html: content: expected exactly what `dateline leaderboard "
        "build` writes (run it and commit the result), found no such file",
        f"{results}:{n + 1}: content: expected exactly what `dateline leaderboard build` writes (run it and commit the result), "
        "found a file that differs (edited by hand, or not rebuilt after a change)",
        "2 problem(s) found",
    ]
    assert results.read_text().splitlines()[n].endswith("0.999999,")  # --check writes nothing


def test_check_fails_when_a_new_submission_was_not_built(capsys, submissions, tmp_path, gold_lines):
    run(capsys, "leaderboard", "build", "--submissions", str(submissions), "--output-dir", str(tmp_path))
    more = tmp_path / "more"
    for folder in submissions.iterdir():
        (more / folder.name).mkdir(parents=True)
        for f in folder.iterdir():
            (more / folder.name / f.name).write_bytes(f.read_bytes())
    write_submission(more, "newcomer", gold_lines)
    code, _, err = run(capsys, "leaderboard", "build", "--check", "--submissions", str(more), "--output-dir", str(tmp_path))
    assert code == 2 and "results.json" in err and "index.html" in err and "README.md" in err


def test_validate_accepts_good_folders(capsys, submissions):
    code, out, _ = run(capsys, "leaderboard", "validate", str(submissions / "perfect"), "--submissions", str(submissions))
    assert code == 0 and out == "ok: perfect: system.yaml valid, SHA-256 matches, test predictions valid; tasks: ner, events, places\n"
    code, out, _ = run(capsys, "leaderboard", "validate", "--submissions", str(submissions))
    assert code == 0 and out.count("ok: ") == 2


def test_validate_refuses_a_doctored_submission_without_a_traceback(capsys, tmp_path, gold_lines):
    folder = write_submission(tmp_path, "doctored", gold_lines, scores={"ner.strict.f1": 1.0})
    (folder / "predictions.jsonl").write_text(json.dumps({"doc_id": "dl-0020", "entities": []}) + "\n")
    (folder / "results.json").write_text("{}")
    code, out, err = run(capsys, "leaderboard", "validate", str(folder))
    assert code == 2 and out == "" and "Traceback" not in err
    lines = err.splitlines()
    assert lines[-1] == "3 problem(s) found"
    assert lines[0] == (
        f"{folder}/results.json: file: expected only system.yaml, predictions.jsonl and "
        "optionally predictions.validation.jsonl, found a file named 'results.json'"
    )
    assert lines[1].startswith(f"{folder}/system.yaml:19: scores: expected one of the keys")
    assert lines[2].startswith(f"{folder}/system.yaml: predictions_sha256.test: expected the SHA-256 of predictions.jsonl")


@pytest.mark.parametrize("name", ["..", "Not A Slug", "a..b"])
def test_validate_refuses_path_tricks(capsys, tmp_path, name):
    code, _, err = run(capsys, "leaderboard", "validate", str(tmp_path / name))
    assert code == 2 and "system-id: expected a slug" in err


def test_add_baselines_refuses_unknown_names(capsys, tmp_path):
    code, _, err = run(capsys, "leaderboard", "add-baselines", "gazeteer", "--submissions", str(tmp_path))
    assert code == 2 and "NAME: expected a registered baseline" in err and "(did you mean 'gazetteer'?)" in err
    assert list(tmp_path.iterdir()) == []
