"""The score signature: one string that says exactly what was computed.

In the spirit of sacrebleu's: scorer version, gold data version (a hash of the gold that was
scored), split, subset, tasks and the match settings. Two numbers are comparable only if their
signatures are equal. SCORER_VERSION changes whenever a score's meaning changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence

from benchmark.scoring import bootstrap, places
from benchmark.submission import GoldRecord

SCORER_VERSION = "1.0.0"

#: Named match settings, one per task; changing any of them means a new SCORER_VERSION.
MATCH_SETTINGS: dict[str, str] = {
    "ner": "span=char-halfopen,overlap>=1char,match=1to1-lexmax",
    "events": "span=exact,keys=textee-set",
    "places": f"span=exact-1to1,km<={places.THRESHOLD_KM:g},R={places.EARTH_RADIUS_KM}",
}


def gold_hash(records: Iterable[GoldRecord]) -> str:
    """SHA-256 over the scored gold in doc_id order: annotations plus each text's SHA-256."""
    digest = hashlib.sha256()
    for record in sorted(records, key=lambda r: r.doc_id):
        body = record.model_dump(mode="json", exclude_none=True, exclude={"text"})
        body["text_sha256"] = hashlib.sha256(record.text.encode("utf-8")).hexdigest()
        digest.update(json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
    return digest.hexdigest()


def build(
    *,
    data_version: str,
    split: str,
    subset: str,
    tasks: Sequence[str],
    n_resamples: int = bootstrap.N_RESAMPLES,
    seed: int = bootstrap.SEED,
) -> str:
    parts = [
        f"dateline-score:{SCORER_VERSION}",
        f"gold:{data_version[:12]}",
        f"split:{split}",
        f"subset:{subset}",
        f"tasks:{','.join(tasks) or 'none'}",
        *(f"{task}:{MATCH_SETTINGS[task]}" for task in tasks),
        f"ci:bootstrap{n_resamples},seed{seed}",
    ]
    return "|".join(parts)
