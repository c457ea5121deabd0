"""Submission folders: `leaderboard/submissions/<system-id>/`, read defensively.

A folder holds exactly `system.yaml` and `predictions.jsonl` (the test split), and optionally
`predictions.validation.jsonl`. Nothing else is allowed (no subfolders, no symbolic links, no
extra files such as a `results.json`), the folder name is a slug, and every file is under its
size limit. File names are fixed, never read from the submission, so no path in a submission
can point anywhere. The predictions' SHA-256 must equal the one `system.yaml` declares.
Submission files are only ever read as bytes and parsed as data.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from benchmark import paths
from benchmark.errors import Problem
from benchmark.leaderboard.problems import LeaderboardError
from benchmark.leaderboard.safe_yaml import load_yaml_mapping
from benchmark.leaderboard.system import SHA256, SystemCard, parse_system

LEADERBOARD = paths.REPO_ROOT / "leaderboard"
SUBMISSIONS = LEADERBOARD / "submissions"

#: A system-id: lowercase letters and digits in groups joined by single hyphens, 2 to 64 long.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_MAX = 64
SYSTEM_FILE = "system.yaml"
#: The prediction file of each split; the test split is required.
PREDICTION_FILES: dict[str, str] = {"test": "predictions.jsonl", "validation": "predictions.validation.jsonl"}
KIB, MIB = 1024, 1024 * 1024
#: Size limits in bytes, per file.
SIZE_LIMITS: dict[str, int] = {SYSTEM_FILE: 64 * KIB, PREDICTION_FILES["test"]: 32 * MIB, PREDICTION_FILES["validation"]: 32 * MIB}
#: At most this many submission folders are read in one build.
MAX_SUBMISSIONS = 500


def _human(size: int) -> str:
    return f"{size / MIB:.1f} MiB" if size >= MIB else f"{size / KIB:.1f} KiB" if size >= KIB else f"{size} bytes"


def slug_problem(system_id: str, where: str = "system-id") -> Problem | None:
    """A problem when `system_id` is not a slug (so `..`, `a/b`, `a b`, `A` are all refused)."""
    if SLUG.fullmatch(system_id) and 2 <= len(system_id) <= SLUG_MAX:
        return None
    return Problem(
        where,
        None,
        "system-id",
        f"a slug of 2 to {SLUG_MAX} characters: lowercase letters and digits, words joined by single hyphens (like my-system-2)",
        repr(system_id),
    )


@dataclass(frozen=True)
class SubmissionFolder:
    """A submission whose folder, `system.yaml` and hashes were checked (predictions not yet scored)."""

    system_id: str
    folder: Path
    card: SystemCard
    #: split -> the prediction file's bytes, for the splits present.
    predictions: dict[str, bytes]

    def prediction_name(self, split: str) -> str:
        return f"{self.folder}/{PREDICTION_FILES[split]}"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_limited(path: Path, limit: int, problems: list[Problem]) -> bytes | None:
    """The bytes of a regular file (never following a link), or None with a problem."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        problems.append(
            Problem(
                str(path),
                None,
                "file",
                "a regular file (no symbolic links, folders or devices)",
                "a symbolic link" if stat.S_ISLNK(info.st_mode) else "not a regular file",
            )
        )
        return None
    if info.st_size > limit:
        problems.append(Problem(str(path), None, "size", f"at most {_human(limit)}", _human(info.st_size)))
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # the file grew after the size check
        problems.append(Problem(str(path), None, "size", f"at most {_human(limit)}", f"more than {_human(limit)}"))
        return None
    return data


def read_folder(folder: Path) -> SubmissionFolder:
    """Check one submission folder; raises `LeaderboardError` listing every problem."""
    folder = Path(folder)
    problems: list[Problem] = []
    system_id = folder.name
    if (p := slug_problem(system_id, str(folder))) is not None:
        raise LeaderboardError([p])
    if folder.is_symlink() or not folder.is_dir():
        found = "a symbolic link" if folder.is_symlink() else ("no such folder" if not folder.exists() else "a file")
        raise LeaderboardError([Problem(str(folder), None, "folder", "a submission folder (not a symbolic link)", found)])
    allowed = set(SIZE_LIMITS)
    for entry in sorted(os.listdir(folder)):
        if entry not in allowed:
            what = "a folder" if (folder / entry).is_dir() and not (folder / entry).is_symlink() else "a file"
            problems.append(
                Problem(
                    str(folder / entry),
                    None,
                    "file",
                    f"only {SYSTEM_FILE}, {PREDICTION_FILES['test']} and optionally {PREDICTION_FILES['validation']}",
                    f"{what} named {entry!r}",
                )
            )
    system_bytes = _read_limited(folder / SYSTEM_FILE, SIZE_LIMITS[SYSTEM_FILE], problems)
    predictions: dict[str, bytes] = {}
    for split, name in PREDICTION_FILES.items():
        data = _read_limited(folder / name, SIZE_LIMITS[name], problems)
        if data is not None:
            predictions[split] = data
    if system_bytes is None and not (folder / SYSTEM_FILE).is_symlink() and not (folder / SYSTEM_FILE).exists():
        problems.append(
            Problem(str(folder / SYSTEM_FILE), None, "file", "a system.yaml describing the system (see CONTRIBUTING.md)", "no such file")
        )
    if "test" not in predictions and not os.path.lexists(folder / PREDICTION_FILES["test"]):
        problems.append(Problem(str(folder / PREDICTION_FILES["test"]), None, "file", "predictions for the test split", "no such file"))
    card = None
    if system_bytes is not None:
        try:
            card = parse_system(system_bytes, str(folder / SYSTEM_FILE))
        except LeaderboardError as err:
            problems += err.problems
        if card is not None:
            problems += hash_problems(card.predictions_sha256, predictions, folder)
        else:  # still say whether the declared hashes match, but only those that are well formed
            declared = _declared_hashes(system_bytes)
            problems += [p for p in hash_problems(declared, predictions, folder) if p.found != "no such key"]
    if problems:
        raise LeaderboardError(problems)
    assert card is not None
    return SubmissionFolder(system_id=system_id, folder=folder, card=card, predictions=predictions)


def _declared_hashes(system_bytes: bytes) -> dict[str, str] | None:
    """The well-formed hashes of a system.yaml that has other problems (None if unreadable),
    so that a hash mismatch is reported together with them."""
    try:
        raw = load_yaml_mapping(system_bytes, SYSTEM_FILE).data.get("predictions_sha256")
    except LeaderboardError:
        return None
    if not isinstance(raw, dict):
        return None
    return {k: v for k, v in raw.items() if k in PREDICTION_FILES and isinstance(v, str) and SHA256.fullmatch(v)}


def hash_problems(declared_hashes: dict[str, str] | None, predictions: dict[str, bytes], folder: Path) -> list[Problem]:
    """Each declared SHA-256 equals its file's; a declared split has a file and vice versa."""
    if declared_hashes is None:
        return []
    problems = []
    where = str(folder / SYSTEM_FILE)
    for split, name in PREDICTION_FILES.items():
        declared = declared_hashes.get(split)
        data = predictions.get(split)
        field = f"predictions_sha256.{split}"
        if data is None and declared is not None and not os.path.lexists(folder / name):
            problems.append(Problem(where, None, field, f"a hash only for a file that is there ({name} is absent)", declared))
        elif data is not None and declared is None:
            problems.append(Problem(where, None, field, f"the SHA-256 of {name}, {sha256_hex(data)}", "no such key"))
        elif data is not None and declared != sha256_hex(data):
            problems.append(
                Problem(
                    where,
                    None,
                    field,
                    f"the SHA-256 of {name}, {sha256_hex(data)} (the file changed after the hash was written, or the hash is wrong)",
                    declared,
                )
            )
    return problems


def list_folders(root: Path = SUBMISSIONS) -> list[Path]:
    """The submission folders under `root`, sorted; anything else there is a problem."""
    root = Path(root)
    if not root.is_dir():
        return []
    problems: list[Problem] = []
    folders = []
    for entry in sorted(os.listdir(root)):
        path = root / entry
        if path.is_symlink() or not path.is_dir():
            problems.append(
                Problem(
                    str(path),
                    None,
                    "entry",
                    "a submission folder leaderboard/submissions/<system-id>/ (not a file or symbolic link)",
                    "a symbolic link" if path.is_symlink() else "a file",
                )
            )
        elif (p := slug_problem(entry, str(path))) is not None:
            problems.append(p)
        else:
            folders.append(path)
    if len(folders) > MAX_SUBMISSIONS:
        problems.append(Problem(str(root), None, "submissions", f"at most {MAX_SUBMISSIONS} submission folders", str(len(folders))))
    if problems:
        raise LeaderboardError(problems)
    return folders


def read_all(root: Path = SUBMISSIONS) -> list[SubmissionFolder]:
    """Every submission under `root`, checked; raises `LeaderboardError` listing all problems."""
    problems: list[Problem] = []
    out = []
    try:
        folders = list_folders(root)
    except LeaderboardError as err:
        problems += err.problems
        folders = [
            Path(root) / e
            for e in sorted(os.listdir(root))
            if SLUG.fullmatch(e) and (Path(root) / e).is_dir() and not (Path(root) / e).is_symlink()
        ]
    for folder in folders:
        try:
            out.append(read_folder(folder))
        except LeaderboardError as err:
            problems += err.problems
    if problems:
        raise LeaderboardError(problems)
    return out


__all__ = [
    "LEADERBOARD",
    "SUBMISSIONS",
    "SLUG",
    "SIZE_LIMITS",
    "PREDICTION_FILES",
    "SYSTEM_FILE",
    "SubmissionFolder",
    "slug_problem",
    "read_folder",
    "read_all",
    "list_folders",
    "hash_problems",
    "sha256_hex",
]
