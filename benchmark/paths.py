"""Where the project's data lives, relative to this checkout."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = REPO_ROOT / "annotations"
SOURCES = ANNOTATIONS / "source"
EXTERNAL_SOURCES = SOURCES / "external"
DATA = ANNOTATIONS / "data"
CARD = ANNOTATIONS / "README.md"
DEFAULT_SEEDS = REPO_ROOT.parent / "shared" / "seeds"
