from __future__ import annotations

import base64
import hashlib
import re

from benchmark.leaderboard.render_html import CSP, SCRIPT, STYLE, render_html

from .conftest import PAYLOAD, XSS_IMG, XSS_SCRIPT, assert_golden, parse, sample_results


def test_golden_index():
    assert_golden("index.html", render_html(sample_results()))


def test_the_page_is_self_contained():
    html = render_html(sample_results())
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"<(script|link|img|iframe)[^>]*\b(src|href)=", html)
    assert [t for t, _ in parse(html).tags if t in ("script", "style")] == ["style", "script"]
    # every external address on the page is a submitter's link, shown as a plain <a href>
    assert {a["href"] for t, a in parse(html).tags if t == "a" and a["href"].startswith("http")} == {
        "https://example.org/a_(b)",
        "https://example.org/paper",
    }


def test_the_content_security_policy_allows_only_our_script_and_style():
    def digest(source: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"

    assert f"script-src {digest(SCRIPT)};" in CSP and f"style-src {digest(STYLE)};" in CSP and "default-src 'none'" in CSP
    html = render_html(sample_results())
    assert f"<script>{SCRIPT}</script>" in html and f"<style>{STYLE}</style>" in html


def test_sortable_tables_per_layer_and_a_plot_per_layer():
    elements = parse(render_html(sample_results()))
    sections = [a.get("id") for t, a in elements.tags if t == "section"]
    assert sections == ["entities", "events", "places", "event-geolocation", "systems"]
    assert sum(1 for t, a in elements.tags if t == "table" and a.get("class") == "sortable") >= 5
    assert sum(1 for t, _ in elements.tags if t == "svg") == 4
    headline = [a for t, a in elements.tags if t == "th" and "headline" in a.get("class", "")]
    assert len(headline) == 4 and all(a["data-type"] == "number" for a in headline)


def test_cells_carry_machine_readable_sort_keys():
    html = render_html(sample_results())
    assert '<td class="num headline" data-sort="0.901200">90.1 <span class="ci">[85.1, 94.1]</span></td>' in html
    assert '<td class="num" data-sort="">not reported</td>' in html


def test_every_submission_string_is_escaped():
    html = render_html(sample_results(PAYLOAD))
    elements = parse(html)
    assert [t for t, _ in elements.tags if t in ("script", "img")] == ["script"]
    assert not any("onerror" in attrs for _, attrs in elements.tags)
    text = "".join(elements.text)
    assert XSS_SCRIPT in text and XSS_IMG in text
    assert html.count("&lt;script&gt;") >= 3 * 7  # every free-text field of every card, at least once
