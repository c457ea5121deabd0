"""`leaderboard/index.html`: one self-contained static page, no CDN, works offline.

Sortable tables per layer (a few lines of inline JavaScript that only reorder rows), an inline
SVG plot per layer of the headline score against reported throughput, and the system cards.
Every piece of text from a submission goes through `html.escape`, and a Content-Security-Policy
allows only this page's own inline script and style (by hash), so even a missed escape could
not run a script.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import Any

from benchmark.leaderboard import format as fmt
from benchmark.leaderboard.plot import scatter_svg

STYLE = """
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b636e; --line: #d6dbe1; --head: #f3f5f7; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 24px 20px 48px; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 36px 0 6px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
p { margin: 6px 0; }
.lede { color: var(--muted); max-width: 900px; }
nav a { margin-right: 14px; }
a { color: var(--accent); }
code, .sig { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sig { color: var(--muted); word-break: break-all; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 10px 0; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th button { font: inherit; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \\2191"; color: var(--ink); }
th[aria-sort="descending"] button::after { content: " \\2193"; color: var(--ink); }
.ci { color: var(--muted); font-size: 12px; }
.hint { color: var(--muted); font-size: 11px; font-weight: 400; }
.id { color: var(--muted); font-size: 12px; }
.headline { background: #eef4fb; }
.layer { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: flex-start; }
figure { margin: 4px 0; }
figcaption { color: var(--muted); font-size: 13px; max-width: 640px; }
svg.plot { width: 640px; max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
svg .frame { fill: #fbfcfd; stroke: var(--line); }
svg .grid { stroke: #e6e9ed; }
svg .tick { fill: var(--muted); }
svg .axis { fill: var(--ink); font-size: 12px; }
svg .point circle { fill: var(--accent); fill-opacity: 0.85; stroke: #fff; }
svg .label { fill: var(--ink); }
svg .leader { stroke: var(--muted); stroke-width: 0.8; }
td.sys { min-width: 150px; }
svg .empty { fill: var(--muted); }
details { margin: 6px 0 0; }
summary { cursor: pointer; color: var(--accent); }
.desc { max-width: 420px; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
""".strip()

SCRIPT = """
(function () {
  "use strict";
  function key(cell, numeric) {
    var raw = cell.getAttribute("data-sort");
    if (numeric) {
      var n = parseFloat(raw);
      return isNaN(n) ? null : n;
    }
    return (raw === null ? cell.textContent : raw).toLowerCase();
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var numeric = th.getAttribute("data-type") === "number";
        var current = th.getAttribute("aria-sort");
        var descending = current ? current === "ascending" : (numeric && th.getAttribute("data-better") !== "lower");
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[index], numeric), y = key(b.cells[index], numeric);
          if (x === y) { return 0; }
          if (x === null) { return 1; }
          if (y === null) { return -1; }
          return (x < y ? -1 : 1) * (descending ? -1 : 1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  document.documentElement.setAttribute("data-tables", "sortable");
})();
""".strip()


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = f"default-src 'none'; script-src {_hash(SCRIPT)}; style-src {_hash(STYLE)}; img-src 'none'; base-uri 'none'; form-action 'none'"


def e(text: Any) -> str:
    return escape(str(text), quote=True)


def _link(url: str | None, text: str) -> str:
    if not url:
        return e(text)
    return f'<a href="{e(url)}" rel="nofollow noopener noreferrer">{e(text)}</a>'


def _sort_value(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}"


def _th(label: str, *, numeric: bool = False, better: str = "higher", sort: str | None = None, css: str = "", hint: str = "") -> str:
    attrs = [f'data-type="{"number" if numeric else "text"}"', f'data-better="{better}"', 'scope="col"']
    if sort:
        attrs.append(f'aria-sort="{sort}"')
    classes = " ".join(c for c in ("num" if numeric else "", css) if c)
    if classes:
        attrs.append(f'class="{classes}"')
    note = f'<br><span class="hint">{e(hint)}</span>' if hint else ""
    return f'<th {" ".join(attrs)}><button type="button">{e(label)}</button>{note}</th>'


def _layer(results: dict[str, Any], layer: dict[str, Any]) -> list[str]:
    systems = results["systems"]
    out = [f'<section id="{e(layer["id"])}">', f"<h2>{e(layer['title'])}</h2>", f'<p class="lede">{e(layer["blurb"])}</p>']
    if not layer["rows"]:
        return [*out, "<p>No submission attempts this layer yet.</p>", "</section>"]
    columns = layer["columns"]
    headline = next(c for c in columns if c["key"] == layer["headline"])
    out.append(f'<p class="sig">signature: {e(layer["signature"])}</p>')
    out.append(f"<p>Sorted by {e(headline['label'])}; percentages with 95% bootstrap intervals. Click a column to sort.</p>")
    ranks = {row["system"]: row["rank"] for row in layer["rows"]}
    head = [_th("#", numeric=True, better="lower", sort="ascending"), _th("System")]
    head += [
        _th(
            c["label"],
            numeric=True,
            better=c["better"],
            css="headline" if c is headline else "",
            hint="lower is better" if c["better"] == "lower" else "",
        )
        for c in columns
    ]
    head += [_th("Words/s", numeric=True), _th("Better than (p < 0.05)")]
    rows = []
    for row in layer["rows"]:
        sid = row["system"]
        card = systems[sid]["card"]
        cells = [f'<td class="num" data-sort="{row["rank"]}">{row["rank"]}</td>']
        cells.append(
            f'<td class="sys" data-sort="{e(card["name"].lower())}">{_link(card["url"], card["name"])} '
            f'{e(card["version"])}<br><span class="id">{e(sid)}</span></td>'
        )
        for c in columns:
            v = row["values"][c["key"]]
            ci = fmt.interval(v["ci95"], c["kind"])
            css = "num headline" if c is headline else "num"
            cells.append(
                f'<td class="{css}" data-sort="{_sort_value(v["value"])}">{e(fmt.number(v["value"], c["kind"]))}'
                + (f' <span class="ci">{e(ci)}</span>' if ci else "")
                + "</td>"
            )
        wps = row["words_per_second"]
        cells.append(f'<td class="num" data-sort="{_sort_value(wps)}">{e(fmt.throughput(wps))}</td>')
        better = sorted(row["better_than"], key=lambda s: (ranks[s], s))
        cells.append(f'<td data-sort="{len(better):03d}">' + (", ".join(f"#{ranks[s]} {e(s)}" for s in better) or "none") + "</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    table = [
        '<div class="scroll"><table class="sortable">',
        "<thead><tr>" + "".join(head) + "</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody></table></div>",
    ]
    unplotted = [r["system"] for r in layer["rows"] if r["words_per_second"] is None]
    caption = (
        f"{e(headline['label'])} (percent) against the throughput each submitter "
        "reports (hardware differs between systems: see the system cards)."
    )
    if unplotted:
        caption += " Not plotted (no throughput reported): " + ", ".join(e(s) for s in unplotted) + "."
    out += table
    out += ["<figure>", scatter_svg(layer, systems, headline["label"]), f"<figcaption>{caption}</figcaption>", "</figure>"]
    if layer["not_attempted"]:
        out.append("<p>Not attempted by: " + ", ".join(e(s) for s in layer["not_attempted"]) + ".</p>")
    if layer["pairs"]:
        out.append(f"<details><summary>Pairwise tests on {e(headline['label'])}</summary>")
        out.append('<div class="scroll"><table class="sortable"><thead><tr>')
        out.append(
            "".join(
                [
                    _th("A"),
                    _th("B"),
                    _th("A − B", numeric=True),
                    _th("95% CI of A − B"),
                    _th("p", numeric=True, better="lower"),
                    _th("p (Holm)", numeric=True, better="lower"),
                    _th("Significant"),
                ]
            )
        )
        out.append("</tr></thead><tbody>")
        for p in layer["pairs"]:
            ci = fmt.interval(p["ci95"], "percent") or "n/a"
            out.append(
                "<tr>"
                f"<td>{e(p['a'])}</td><td>{e(p['b'])}</td>"
                f'<td class="num" data-sort="{_sort_value(p["delta"])}">{e(fmt.delta(p["delta"]))}</td>'
                f'<td class="num">{e(ci)}</td>'
                f'<td class="num" data-sort="{_sort_value(p["p_value"])}">{e(fmt.p_value(p["p_value"]))}</td>'
                f'<td class="num" data-sort="{_sort_value(p["p_holm"])}">{e(fmt.p_value(p["p_holm"]))}</td>'
                f"<td>{'yes' if p['significant'] else 'no'}</td>"
                "</tr>"
            )
        out.append("</tbody></table></div></details>")
    return [*out, "</section>"]


def _systems(results: dict[str, Any]) -> list[str]:
    head = "".join(
        _th(h)
        for h in (
            "id",
            "System",
            "Description",
            "Authors",
            "Licence",
            "Open weights",
            "Open code",
            "Training data (test split not used)",
            "Date",
            "Hardware",
            "Paper",
        )
    )
    rows = []
    for sid, entry in results["systems"].items():
        c = entry["card"]
        cells = [
            e(sid),
            f"{_link(c['url'], c['name'])} {e(c['version'])}",
            f'<span class="desc">{e(c["description"])}</span>',
            e(", ".join(c["authors"])),
            e(c["licence"]),
            e(fmt.yes_no(c["open_weights"])),
            e(fmt.yes_no(c["open_code"])),
            e(c["training_data"]["description"]),
            e(c["date"]),
            e(c["hardware"] or "not reported"),
            _link(c["paper"], "paper") if c.get("paper") else "",
        ]
        rows.append("<tr>" + "".join(f"<td>{x}</td>" for x in cells) + "</tr>")
    return [
        '<section id="systems">',
        "<h2>Systems</h2>",
        '<div class="scroll"><table class="sortable">',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody></table></div>",
        "</section>",
    ]


def render_html(results: dict[str, Any]) -> str:
    gold = results["gold"]
    sig = results["significance"]
    left_out = gold["external_left_out"]
    note = f" External documents left out (their text is not distributed): {e(', '.join(left_out))}." if left_out else ""
    nav = " ".join(f'<a href="#{e(layer["id"])}">{e(layer["title"])}</a>' for layer in results["layers"])
    body = [
        "<header>",
        "<h1>Dateline leaderboard</h1>",
        '<p class="lede">Entities, events and places in geopolitical news. Every submission is re-scored by '
        "<code>dateline leaderboard build</code> with scorer "
        f"{e(results['scorer_version'])} on the <strong>{e(gold['split'])}</strong> split: "
        f"{gold['documents']} document(s) whose text is distributed with Dateline (gold version <code>{e(gold['version'][:12])}</code>, "
        f"subset <code>{e(gold['subset'])}</code>).{note} A system is significantly better than another when a {e(sig['test'])} gives "
        f"p &lt; {sig['alpha']} after {e(sig['correction'])}. Numbers are comparable only under the same signature.</p>",
        f'<nav>{nav} <a href="#systems">Systems</a> <a href="results.json">results.json</a></nav>',
        "</header>",
        "<main>",
    ]
    for layer in results["layers"]:
        body += _layer(results, layer)
    body += _systems(results)
    body += [
        "</main>",
        "<footer>Generated by <code>dateline leaderboard build</code> from leaderboard/submissions/; CI rebuilds it and fails when the "
        "committed page differs. To submit a system, see CONTRIBUTING.md in the repository.</footer>",
    ]
    page = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        "<title>Dateline leaderboard</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        *body,
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(page) + "\n"


__all__ = ["render_html", "CSP", "STYLE", "SCRIPT"]
