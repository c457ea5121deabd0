"""Rendering a score or a comparison as a text table, Markdown, or JSON.

Every rendering carries the signature. Numbers are shown with four decimals; the JSON has six.
"""

from __future__ import annotations

from benchmark.scoring.engine import Comparison, ScoreReport
from benchmark.scoring.events import METRICS as EVENT_METRICS
from benchmark.scoring.matching import SCHEMES

FORMATS: tuple[str, ...] = ("table", "markdown", "json")


def _num(x: float | None, unit: str = "") -> str:
    return "n/a" if x is None else f"{x:.4f}{unit}"


def _km(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.1f} km"


def _ci(pair: list[float] | None) -> str:
    return "n/a" if pair is None else f"[{pair[0]:.4f}, {pair[1]:.4f}]"


def _prf_row(name: str, block: dict, count_keys: tuple[str, ...]) -> list[str]:
    return [
        name,
        _num(block["precision"]),
        _num(block["recall"]),
        _num(block["f1"]),
        _ci(block["ci95"]["f1"]),
        *(str(block["counts"][k]) for k in count_keys),
    ]


_NER_COUNTS = ("correct", "incorrect", "partial", "missed", "spurious")
_NER_HEAD = ["P", "R", "F1", "F1 95% CI", "COR", "INC", "PAR", "MIS", "SPU"]
_SET_COUNTS = ("true_positive", "predicted", "gold")
_SET_HEAD = ["P", "R", "F1", "F1 95% CI", "TP", "PRED", "GOLD"]


def _sections(report: ScoreReport) -> list[tuple[str, list[str], list[list[str]], list[str]]]:
    """(title, header, rows, notes) per section: shared by the table and the Markdown."""
    out = []
    results = report.results
    if "ner" in report.tasks:
        r = results["ner"]
        rows = [_prf_row(s, r[s], _NER_COUNTS) for s in SCHEMES]
        notes = ["macro F1: " + ", ".join(f"{s} {_num(r[s]['macro_f1'])} {_ci(r[s]['ci95']['macro_f1'])}" for s in SCHEMES)]
        out.append(("NER", ["scheme", *_NER_HEAD], rows, notes))
        types = list(r["strict"]["per_type"])
        out.append(
            ("NER per type (strict)", ["type", *_NER_HEAD], [_prf_row(t, r["strict"]["per_type"][t], _NER_COUNTS) for t in types], [])
        )
    if "events" in report.tasks:
        r = results["events"]
        out.append(("Events", ["metric", *_SET_HEAD], [_prf_row(m, r[m], _SET_COUNTS) for m in EVENT_METRICS], []))
        rows = [[t, *(_num(r["per_type"][t][m]["f1"]) if m in r["per_type"][t] else "-" for m in EVENT_METRICS[1:])] for t in r["per_type"]]
        out.append(("Events per type (F1)", ["type", "trig cls", "arg id", "arg cls", "arg id+", "arg cls+"], rows, []))
    if "places" in report.tasks:
        r = results["places"]
        rows = [_prf_row(m, r[m], _SET_COUNTS) for m in ("recognition", "end_to_end")]
        res = r["resolution"]
        notes = [
            f"resolution on {res['matched']} matched toponyms: "
            f"accuracy@161km {_num(res['accuracy_161km'])} {_ci(res['ci95']['accuracy_161km'])}, "
            f"mean error {_km(res['mean_error_km'])}, median error {_km(res['median_error_km'])}, AUC {_num(res['auc'])}"
        ]
        geo = r["event_geolocation"]
        if geo is None:
            notes.append("event geolocation: n/a (needs both events and places)")
        else:
            c = geo["counts"]
            share = f"{_num(geo['share'])} {_ci(geo['ci95']['share'])}"
            notes.append(f"event geolocation: {share} ({c['geolocated']} of {c['gold_events']} gold events with a located place)")
        out.append(("Places", ["metric", *_SET_HEAD], rows, notes))
    return out


def _preamble(report: ScoreReport) -> list[str]:
    d = report.documents
    lines = [f"documents: {d['scored']} scored, {d['external_left_out']} external left out, {d['missing_predictions']} missing predictions"]
    if report.not_attempted:
        lines.append(f"not attempted (not scored): {', '.join(report.not_attempted)}")
    if report.not_annotated:
        lines.append(f"not in the gold (not scored): {', '.join(report.not_annotated)}")
    return lines


def _grid(header: list[str], rows: list[list[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def fmt(row: list[str]) -> str:
        cells = (c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
        return (indent + "  ".join(cells)).rstrip()

    return [fmt(header), *(fmt(r) for r in rows)]


def render_table(report: ScoreReport) -> str:
    lines = [f"signature: {report.signature}", *_preamble(report)]
    for title, header, rows, notes in _sections(report):
        lines += ["", title, *_grid(header, rows), *(f"  {n}" for n in notes)]
    return "\n".join(lines) + "\n"


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    def esc(cell: str) -> str:
        return cell.replace("|", "\\|")

    align = ["---", *("---:" for _ in header[1:])]
    return [
        "| " + " | ".join(map(esc, header)) + " |",
        "| " + " | ".join(align) + " |",
        *("| " + " | ".join(map(esc, r)) + " |" for r in rows),
    ]


def render_markdown(report: ScoreReport) -> str:
    lines = ["## Dateline score", "", f"Signature: `{report.signature}`", "", *(f"- {p}" for p in _preamble(report))]
    for title, header, rows, notes in _sections(report):
        lines += ["", f"### {title}", "", *_md_table(header, rows)]
        if notes:
            lines += ["", *(f"- {n}" for n in notes)]
    return "\n".join(lines) + "\n"


def render_json(report: ScoreReport) -> str:
    return report.to_json() + "\n"


def render(report: ScoreReport, fmt: str) -> str:
    return {"table": render_table, "markdown": render_markdown, "json": render_json}[fmt](report)


def _comparison_rows(comparison: Comparison) -> list[list[str]]:
    rows = []
    for name, m in comparison.metrics.items():
        rows.append([name, _num(m["a"]), _num(m["b"]), f"{m['delta']:+.4f}", _ci(m["ci95"]), f"{m['p_value']:.4f}"])
    return rows


def render_comparison(comparison: Comparison, fmt: str) -> str:
    a, b = comparison.names
    header = ["metric", "A", "B", "A - B", "95% CI (paired bootstrap)", "p (approx. randomisation)"]
    if fmt == "json":
        return comparison.to_json() + "\n"
    rows = _comparison_rows(comparison)
    if fmt == "markdown":
        lines = [
            "## Dateline comparison",
            "",
            f"Signature: `{comparison.signature}`",
            "",
            f"- A: `{a}`",
            f"- B: `{b}`",
            "",
            *_md_table(header, rows),
        ]
        return "\n".join(lines) + "\n"
    lines = [f"signature: {comparison.signature}", f"A: {a}", f"B: {b}", "", *_grid(header, rows)]
    if not rows:
        lines.append("  no metric in common: the two submissions attempt no shared task")
    return "\n".join(lines) + "\n"
