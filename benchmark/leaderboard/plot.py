"""An inline SVG plot of a table's headline score against reported throughput (log scale)."""

from __future__ import annotations

import math
from html import escape
from typing import Any

from benchmark.leaderboard import format as fmt

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 120, 16, 44


def _ticks(lo: float, hi: float) -> list[float]:
    """Powers of ten (and 2x, 5x when the range is narrow) between 10**lo and 10**hi."""
    ticks = []
    for e in range(math.floor(lo), math.ceil(hi) + 1):
        for m in (1, 2, 5) if hi - lo < 2.5 else (1,):
            v = m * 10.0**e
            if lo - 1e-9 <= math.log10(v) <= hi + 1e-9:
                ticks.append(v)
    return ticks


def _tick_label(v: float) -> str:
    return f"{v:,.0f}" if v >= 1 else f"{v:g}"


def y_range(values: list[float]) -> tuple[float, float]:
    """A y range in percent around the data, on multiples of 10, at least 30 points tall."""
    if not values:
        return 0.0, 100.0
    lo = max(0.0, math.floor((min(values) - 5) / 10) * 10)
    hi = min(100.0, math.ceil((max(values) + 5) / 10) * 10)
    while hi - lo < 30:
        lo, hi = (max(0.0, lo - 10), hi) if lo > 0 else (lo, min(100.0, hi + 10))
    return lo, hi


CHAR_WIDTH, LABEL_HEIGHT = 6.6, 12.0


def place_labels(
    points: list[tuple[float, float]], labels: list[str], bounds: tuple[float, float, float, float]
) -> list[tuple[float, float, str]]:
    """Greedy label placement: right of the point, else left, else shifted up or down, so
    that no two labels overlap (within `bounds`). Returns (x, baseline y, text-anchor)."""
    boxes: list[tuple[float, float, float, float]] = []
    out = []
    x0, y0, x1, y1 = bounds

    def free(box: tuple[float, float, float, float]) -> bool:
        if box[0] < x0 or box[2] > x1 or box[1] < y0 - 4 or box[3] > y1 + 14:
            return False
        return all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3] for b in boxes)

    for (cx, cy), text in zip(points, labels, strict=False):
        width = CHAR_WIDTH * len(text) + 2
        choice = None
        for shift in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
            for side in ("start", "end"):
                ty = cy + 4 + shift * LABEL_HEIGHT
                tx = cx + 8 if side == "start" else cx - 8
                box = (tx, ty - 10, tx + width, ty + 2) if side == "start" else (tx - width, ty - 10, tx, ty + 2)
                if free(box):
                    choice = (tx, ty, side, box)
                    break
            if choice:
                break
        if choice is None:
            choice = (cx + 8, cy + 4, "start", (cx + 8, cy - 6, cx + 8 + width, cy + 6))
        boxes.append(choice[3])
        out.append(choice[:3])
    return out


def scatter_svg(layer: dict[str, Any], systems: dict[str, Any], label: str) -> str:
    """The SVG for one table; rows without throughput are listed under it, not plotted."""
    points = []
    for row in layer["rows"]:
        wps = row["words_per_second"]
        value = row["values"][layer["headline"]]["value"]
        if wps is not None and value is not None:
            points.append((row["system"], math.log10(wps), 100 * value, wps, value))
    pw, ph = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    if points:
        lo, hi = min(p[1] for p in points), max(p[1] for p in points)
        lo, hi = (math.floor(lo), math.ceil(hi)) if hi - lo >= 1 else (math.floor(lo - 0.5), math.ceil(hi + 0.5))
        if hi - lo < 1:
            hi = lo + 1
    else:
        lo, hi = 2.0, 5.0

    y_lo, y_hi = y_range([p[2] for p in points])

    def x(v: float) -> float:
        return LEFT + (v - lo) / (hi - lo) * pw

    def y(v: float) -> float:
        return TOP + (1 - (v - y_lo) / (y_hi - y_lo)) * ph

    title = f"{label} against throughput"
    out = [
        f'<svg class="plot" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect class="frame" x="{LEFT}" y="{TOP}" width="{pw}" height="{ph}"/>',
    ]
    step = 10 if y_hi - y_lo <= 50 else 20
    for v in range(int(y_lo), int(y_hi) + 1, step):
        out.append(f'<line class="grid" x1="{LEFT}" x2="{LEFT + pw}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>')
        out.append(f'<text class="tick" x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v}</text>')
    for t in _ticks(lo, hi):
        xv = x(math.log10(t))
        out.append(f'<line class="grid" x1="{xv:.1f}" x2="{xv:.1f}" y1="{TOP}" y2="{TOP + ph}"/>')
        out.append(f'<text class="tick" x="{xv:.1f}" y="{TOP + ph + 16}" text-anchor="middle">{_tick_label(t)}</text>')
    out.append(
        f'<text class="axis" x="{LEFT + pw / 2:.1f}" y="{HEIGHT - 6}" text-anchor="middle">throughput, '
        "words per second (log scale; as reported by the submitter)</text>"
    )
    out.append(f'<text class="axis" transform="translate(14 {TOP + ph / 2:.1f}) rotate(-90)" text-anchor="middle">{escape(label)}</text>')
    ordered = sorted(points, key=lambda p: (-p[2], p[1], p[0]))
    centres = [(x(p[1]), y(p[2])) for p in ordered]
    placed = place_labels(centres, [p[0] for p in ordered], (LEFT, TOP, LEFT + pw + RIGHT - 4, TOP + ph))
    for (sid, _lx, _yv, wps, value), (cx, cy), (tx, ty, anchor) in zip(ordered, centres, placed, strict=False):
        name = systems[sid]["card"]["name"]
        tip = f"{name} ({sid}): {label} {fmt.number(value, 'percent')} at {fmt.throughput(wps)} words/s"
        out.append(f'<g class="point"><title>{escape(tip)}</title>')
        out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5"/>')
        if abs(ty - 4 - cy) > 6:  # moved away from its point: draw a leader line
            out.append(
                f'<line class="leader" x1="{cx:.1f}" y1="{cy:.1f}" x2="{tx - 2 if anchor == "start" else tx + 2:.1f}" y2="{ty - 4:.1f}"/>'
            )
        out.append(f'<text class="label" x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}">{escape(sid)}</text></g>')
    if not points:
        out.append(
            f'<text class="empty" x="{LEFT + pw / 2:.1f}" y="{TOP + ph / 2:.1f}" '
            'text-anchor="middle">no system in this table reports its throughput</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


__all__ = ["scatter_svg"]
