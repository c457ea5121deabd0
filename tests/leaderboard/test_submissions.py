from __future__ import annotations

import os

import pytest

from benchmark.leaderboard import submissions
from benchmark.leaderboard.problems import LeaderboardError
from benchmark.leaderboard.submissions import list_folders, read_all, read_folder, sha256_hex, slug_problem

from .conftest import card_yaml, write_submission

LINES = [{"doc_id": "dl-0020", "entities": []}]


def problems(folder) -> list[str]:
    with pytest.raises(LeaderboardError) as err:
        read_folder(folder)
    return [str(p) for p in err.value.problems]


@pytest.mark.parametrize("good", ["ab", "my-system", "crf-gaz", "x2", "a" * 64, "gpt-4o-mini-2024"])
def test_slugs_are_accepted(good):
    assert slug_problem(good) is None


@pytest.mark.parametrize(
    "bad", ["..", ".", "a/b", "../etc", "a b", "My-System", "-a", "a-", "a--b", "a_b", "a.b", "", "a", "a" * 65, "é", "a\\b", ".hidden"]
)
def test_anything_but_a_slug_is_refused(bad):
    problem = slug_problem(bad)
    assert problem is not None and problem.found == repr(bad)
    assert "lowercase letters and digits, words joined by single hyphens" in problem.expected


def test_a_good_folder_is_read(tmp_path):
    folder = write_submission(tmp_path, "good-system", LINES)
    checked = read_folder(folder)
    assert checked.system_id == "good-system" and checked.card.name == "Test system"
    assert checked.predictions == {"test": (folder / "predictions.jsonl").read_bytes()}


def test_a_mismatched_hash_is_refused_with_both_hashes(tmp_path):
    folder = write_submission(tmp_path, "doctored", LINES)
    edited = b'{"doc_id": "dl-0020", "entities": [{"start": 0, "end": 5, "type": "GPE"}]}\n'
    (folder / "predictions.jsonl").write_bytes(edited)
    declared = sha256_hex(b"".join([b'{"doc_id": "dl-0020", "entities": []}\n']))
    assert problems(folder) == [
        f"{folder}/system.yaml: predictions_sha256.test: expected the SHA-256 of predictions.jsonl, {sha256_hex(edited)} "
        f"(the file changed after the hash was written, or the hash is wrong), found {declared}"
    ]


def test_a_validation_file_needs_its_hash_and_a_hash_needs_its_file(tmp_path):
    folder = write_submission(tmp_path, "val", LINES)
    (folder / "predictions.validation.jsonl").write_bytes(b"{}\n")
    assert problems(folder) == [
        f"{folder}/system.yaml: predictions_sha256.validation: expected the SHA-256 of "
        f"predictions.validation.jsonl, {sha256_hex(b'{}' + bytes([10]))}, found no such key"
    ]
    (folder / "predictions.validation.jsonl").unlink()
    data = (folder / "predictions.jsonl").read_bytes()
    (folder / "system.yaml").write_text(card_yaml({"test": sha256_hex(data), "validation": "1" * 64}))
    assert problems(folder) == [
        f"{folder}/system.yaml: predictions_sha256.validation: expected a hash only for "
        f"a file that is there (predictions.validation.jsonl is absent), found {'1' * 64}"
    ]


def test_extra_files_are_refused_so_no_scores_or_pages_ride_along(tmp_path):
    folder = write_submission(tmp_path, "extra", LINES)
    (folder / "results.json").write_text('{"ner": {"strict": {"f1": 1.0}}}')
    (folder / "sub").mkdir()
    assert problems(folder) == [
        f"{folder}/results.json: file: expected only system.yaml, predictions.jsonl and "
        "optionally predictions.validation.jsonl, found a file named 'results.json'",
        f"{folder}/sub: file: expected only system.yaml, predictions.jsonl and "
        "optionally predictions.validation.jsonl, found a folder named 'sub'",
    ]


def test_a_symbolic_link_is_never_followed(tmp_path):
    folder = write_submission(tmp_path, "linked", LINES)
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the leaderboard")
    (folder / "predictions.jsonl").unlink()
    os.symlink(secret, folder / "predictions.jsonl")
    assert problems(folder) == [
        f"{folder}/predictions.jsonl: file: expected a regular file (no symbolic links, folders or devices), found a symbolic link"
    ]


def test_a_linked_folder_is_refused(tmp_path):
    real = write_submission(tmp_path / "elsewhere", "real", LINES)
    (tmp_path / "subs").mkdir()
    os.symlink(real, tmp_path / "subs" / "linked")
    assert problems(tmp_path / "subs" / "linked") == [
        f"{tmp_path}/subs/linked: folder: expected a submission folder (not a symbolic link), found a symbolic link"
    ]
    with pytest.raises(LeaderboardError) as err:
        list_folders(tmp_path / "subs")
    assert "found a symbolic link" in str(err.value)


def test_path_tricks_in_the_folder_name_are_refused(tmp_path):
    (tmp_path / "subs" / "ok").mkdir(parents=True)
    for name in ("..", "a/../.."):
        found = problems(tmp_path / "subs" / name)
        assert len(found) == 1 and "system-id: expected a slug" in found[0]


def test_files_over_the_limit_are_refused_with_both_sizes(tmp_path, monkeypatch):
    monkeypatch.setitem(submissions.SIZE_LIMITS, "predictions.jsonl", 1024)
    folder = write_submission(tmp_path, "big", [{"doc_id": f"d{i}", "entities": []} for i in range(100)])
    assert problems(folder) == [f"{folder}/predictions.jsonl: size: expected at most 1.0 KiB, found 3.3 KiB"]


def test_the_default_limits_are_stated():
    assert submissions.SIZE_LIMITS == {
        "system.yaml": 64 * 1024,
        "predictions.jsonl": 32 * 1024 * 1024,
        "predictions.validation.jsonl": 32 * 1024 * 1024,
    }


def test_missing_files_are_named(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    assert problems(folder) == [
        f"{folder}/system.yaml: file: expected a system.yaml describing the system (see CONTRIBUTING.md), found no such file",
        f"{folder}/predictions.jsonl: file: expected predictions for the test split, found no such file",
    ]


def test_card_problems_carry_the_file_path(tmp_path):
    folder = write_submission(tmp_path, "bad-card", LINES, scores={"f1": 1})
    found = problems(folder)
    assert len(found) == 1 and found[0].startswith(f"{folder}/system.yaml:19: scores: expected one of the keys")


def test_list_folders_refuses_stray_entries_and_read_all_lists_every_problem(tmp_path):
    write_submission(tmp_path, "good", LINES)
    write_submission(tmp_path, "Bad Name", LINES)
    (tmp_path / "notes.txt").write_text("hi")
    bad = write_submission(tmp_path, "doctored", LINES)
    (bad / "predictions.jsonl").write_bytes(b"{}\n")
    with pytest.raises(LeaderboardError) as err:
        read_all(tmp_path)
    found = [str(p) for p in err.value.problems]
    assert any(p.startswith(f"{tmp_path}/Bad Name: system-id: expected a slug") for p in found)
    assert any(p.startswith(f"{tmp_path}/notes.txt: entry: expected a submission folder") for p in found)
    assert any(p.startswith(f"{bad}/system.yaml: predictions_sha256.test: expected the SHA-256") for p in found)
    assert len(found) == 3


def test_an_absent_submissions_folder_is_empty(tmp_path):
    assert list_folders(tmp_path / "none") == []
