"""No sentence of the seed articles may enter the repository."""

import re
import subprocess

from benchmark import paths
from tests.conftest import requires_seeds


def _words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


@requires_seeds
def test_no_eight_word_run_of_a_seed_text_is_in_the_repository():
    shingles = set()
    for seed in paths.DEFAULT_SEEDS.glob("*.txt"):
        w = _words(seed.read_text(encoding="utf-8"))
        shingles |= {" ".join(w[i : i + 8]) for i in range(len(w) - 7)}
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=paths.REPO_ROOT, capture_output=True, text=True, check=True)
    leaks = []
    for name in filter(None, files.stdout.splitlines()):
        path = paths.REPO_ROOT / name
        if not path.is_file() or path.stat().st_size > 5_000_000:
            continue
        w = _words(path.read_text(encoding="utf-8", errors="ignore"))
        hit = next((" ".join(w[i : i + 8]) for i in range(len(w) - 7) if " ".join(w[i : i + 8]) in shingles), None)
        if hit:
            leaks.append(f"{name}: {hit!r}")
    assert not leaks, leaks
