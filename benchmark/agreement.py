"""Inter-annotator agreement, measured with the Dateline scorer.

`annotations/agreement/first/` keeps the first annotation of each double-annotated document as
it was before adjudication; `annotations/agreement/second/<annotator>/` holds the independent
second annotation with that annotator's own gazetteer. The first annotation plays gold and the
second plays prediction, so every figure is one the scorer already defines.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmark import paths
from benchmark.build import compile_file
from benchmark.errors import AnnotationError, Problem
from benchmark.gazetteer import load_gazetteer, load_tables
from benchmark.loader import external_text
from benchmark.model import GoldDocument

AGREEMENT = paths.ANNOTATIONS / "agreement"
RESULTS = AGREEMENT / "results.json"


def _with_text(gold: GoldDocument, texts_dir: Path | None) -> GoldDocument | None:
    if gold.document.text is not None:
        return gold
    text = external_text(gold.document, texts_dir) if texts_dir else None
    return gold.with_text(text) if text is not None else None


def load_pairs(agreement_dir: Path = AGREEMENT, texts_dir: Path | None = None) -> list[tuple[GoldDocument, GoldDocument, str]]:
    """(first, second, second annotator) for every double-annotated document whose text is here."""
    first_gazetteer = load_gazetteer(paths.ANNOTATIONS)
    firsts: dict[str, GoldDocument] = {}
    for path in sorted((agreement_dir / "first").glob("*")):
        gold = compile_file(path, first_gazetteer)
        firsts[gold.document.doc_id] = gold
    pairs, problems = [], []
    for folder in sorted(p for p in (agreement_dir / "second").iterdir() if p.is_dir()):
        sources = sorted([*folder.glob("*.dl"), *folder.glob("*.json")])
        if not sources:
            continue
        gazetteer = load_tables([folder / "gazetteer.tsv"])
        for path in sources:
            second = compile_file(path, gazetteer)
            doc_id = second.document.doc_id
            if doc_id not in firsts:
                problems.append(Problem(str(path), None, "doc_id", "a document with a first annotation in agreement/first/", doc_id))
                continue
            first = firsts[doc_id]
            if first.document.text_sha256 != second.document.text_sha256:
                expected = f"the first annotation's text {first.document.text_sha256}"
                problems.append(Problem(str(path), None, "text_sha256", expected, second.document.text_sha256))
                continue
            a, b = _with_text(first, texts_dir), _with_text(second, texts_dir)
            if a is not None and b is not None:
                pairs.append((a, b, folder.name))
    if problems:
        raise AnnotationError(problems)
    return sorted(pairs, key=lambda p: p[0].document.doc_id)


def measure(pairs: list[tuple[GoldDocument, GoldDocument, str]]) -> dict:
    """Agreement per layer between first (as gold) and second (as prediction) annotations."""
    from benchmark.scoring import score
    from benchmark.scoring.gold import record_of

    # The second annotation in the submission schema: the scorer's own record, without the text.
    predictions = [record_of(b).model_dump(exclude={"text"}) for _, b, _ in pairs]
    report = score([a for a, _, _ in pairs], predictions).to_dict()
    ner, events, places = report["ner"], report["events"], report["places"]
    strict, exact = ner["strict"]["counts"], ner["exact"]["counts"]
    matched_spans = exact["correct"] + exact["incorrect"]
    return {
        "documents": len(pairs),
        "doc_ids": [a.document.doc_id for a, _, _ in pairs],
        "signature": report["signature"],
        "entities": {
            "strict_f1": ner["strict"]["f1"],
            "strict_f1_ci95": ner["strict"]["ci95"]["f1"],
            "type_agreement_on_matched_spans": round(strict["correct"] / matched_spans, 4) if matched_spans else None,
            "matched_spans": matched_spans,
        },
        "events": {
            "trigger_classification_f1": events["trigger_classification"]["f1"],
            "trigger_classification_f1_ci95": events["trigger_classification"]["ci95"]["f1"],
            "argument_classification_f1": events["argument_classification"]["f1"],
            "argument_classification_f1_ci95": events["argument_classification"]["ci95"]["f1"],
        },
        "places": {
            "recognition_f1": places["recognition"]["f1"],
            "recognition_f1_ci95": places["recognition"]["ci95"]["f1"],
            "accuracy_161km": places["resolution"]["accuracy_161km"],
            "median_error_km": places["resolution"]["median_error_km"],
            "matched_toponyms": places["resolution"]["matched"],
        },
    }


def compute(agreement_dir: Path = AGREEMENT, texts_dir: Path | None = None) -> dict:
    """Agreement on the original documents, and on all documents when external texts are here."""
    pairs = load_pairs(agreement_dir, texts_dir)
    originals = [p for p in pairs if p[0].document.source == "original"]
    result = {"original_only": measure(originals)}
    if texts_dir is not None and len(pairs) > len(originals):
        result["all"] = measure(pairs)
    return result


def write_results(result: dict, path: Path = RESULTS) -> None:
    path.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    import math

    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def disagreements(first: GoldDocument, second: GoldDocument) -> list[str]:
    """Every point where the two annotations differ, one line each, for adjudication."""
    text = first.document.text or ""

    def quote(start: int, end: int) -> str:
        return repr(text[start:end]) if text else f"[{start},{end})"

    lines: list[str] = []
    ents = lambda g: {(m.start, m.end, m.type) for m in g.entities}  # noqa: E731
    for tag, a, b in (("only first", first, second), ("only second", second, first)):
        for s, e, t in sorted(ents(a) - ents(b)):
            lines.append(f"entity {tag}: {quote(s, e)} {t} at {s}")
    trig = lambda g: {(e.trigger.start, e.trigger.end, e.type, e.realis) for e in g.events}  # noqa: E731
    for tag, a, b in (("only first", first, second), ("only second", second, first)):
        for s, e, t, r in sorted(trig(a) - trig(b)):
            lines.append(f"event {tag}: {quote(s, e)} {t} {r} at {s}")
    args = lambda g: {(e.trigger.start, e.type, a.role, a.start, a.end) for e in g.events for a in e.arguments}  # noqa: E731
    for tag, a, b in (("only first", first, second), ("only second", second, first)):
        for ts, t, role, s, e in sorted(args(a) - args(b)):
            lines.append(f"argument {tag}: {t} at {ts} {role}={quote(s, e)}")
    second_places = {(p.start, p.end): p for p in second.places}
    for p in first.places:
        q = second_places.get((p.start, p.end))
        if q is None:
            continue
        if p.reading != q.reading:
            lines.append(f"reading: {quote(p.start, p.end)} at {p.start}: first {p.reading}, second {q.reading}")
        km = _haversine_km((p.lat, p.lon), (q.lat, q.lon))
        if km > 161:
            where = f"{quote(p.start, p.end)} at {p.start}"
            lines.append(f"coordinates: {where}: first ({p.lat}, {p.lon}), second ({q.lat}, {q.lon}), {km:.0f} km apart")
    return lines
