"""Number formats and escaping shared by the Markdown and HTML renderings.

Numbers are formatted with fixed precision, so the rendered files are byte-identical across
runs. Text that comes from a submission is only ever shown through `md()` or `html.escape`.
"""

from __future__ import annotations

from typing import Any

_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}
#: Characters that can start Markdown (or GitHub) syntax inside a table cell: code, emphasis,
#: strikethrough, links and images, math. Escaping `[` and `]` alone rules out every link.
_MD_PUNCTUATION = set("\\`*_[]~!$")


def md(text: Any) -> str:
    """Text safe inside a Markdown table cell: HTML special characters and `|` as entities,
    Markdown syntax characters backslash-escaped (no link, image, emphasis or code can form),
    line breaks as spaces."""
    out = []
    for c in " ".join(str(text).split()):
        if c in _MD_ENTITIES:
            out.append(_MD_ENTITIES[c])
        elif c in _MD_PUNCTUATION:
            out.append("\\" + c)
        else:
            out.append(c)
    return "".join(out)


def md_url(url: str) -> str:
    """A checked http(s) address as a Markdown link target (the schema refused spaces, quotes
    and angle brackets; parentheses are percent-encoded so they cannot end the link)."""
    return url.replace("(", "%28").replace(")", "%29")


def number(value: float | None, kind: str) -> str:
    if value is None:
        return "n/a"
    if kind == "percent":
        return f"{100 * value:.1f}"
    if kind == "km":
        return f"{value:,.0f} km"
    return f"{value:.3f}"


def interval(ci: list[float] | None, kind: str) -> str:
    if ci is None:
        return ""
    if kind == "km":
        return f"[{ci[0]:,.0f}, {ci[1]:,.0f}]"
    return f"[{number(ci[0], kind)}, {number(ci[1], kind)}]"


def throughput(words_per_second: float | None) -> str:
    return "not reported" if words_per_second is None else f"{words_per_second:,.0f}"


def p_value(p: float) -> str:
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def delta(value: float, kind: str = "percent") -> str:
    return f"{100 * value:+.1f}" if kind == "percent" else f"{value:+.3f}"


def yes_no(value: Any) -> str:
    return {True: "yes", False: "no"}.get(value, str(value))


__all__ = ["md", "md_url", "number", "interval", "throughput", "p_value", "delta", "yes_no"]
