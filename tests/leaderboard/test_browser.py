"""The escaping test in a real browser: headless Chromium loads a board built from a submission
that carries `<script>` and `"><img onerror=...>` in every free-text field of its system.yaml.

Checked on the DOM Chromium dumps after running the page: no injected script ran (the payloads
would set `data-pwned` on <html>), no <img> or extra <script> element exists, and the payload
text is shown as text. A positive control shows that the page's own script does run there, so
the absence of the payloads' effect means something. The page is loaded twice: as built (with
its Content-Security-Policy) and with the policy removed, so that escaping alone is tested.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from benchmark.leaderboard.build import build
from benchmark.leaderboard.render_html import CSP

from .conftest import PAYLOAD, XSS_IMG, XSS_SCRIPT, parse, write_submission

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium); .ci/run installs it")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--virtual-time-budget=3000",
]


def dump_dom(page: Path, profile: Path) -> str:
    run = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "<html" in run.stdout, run.stderr[-2000:]
    return run.stdout




FIELDS = {
    "name": f"Evil {PAYLOAD}"[:80],
    "version": PAYLOAD[:40],
    "authors": [PAYLOAD, f"Second {PAYLOAD}"],
    "description": f"Description {PAYLOAD}\n{PAYLOAD}",
    "licence": PAYLOAD[:80],
    "training_data": {"description": f"Training {PAYLOAD}", "test_split_used": False},
    "hardware": PAYLOAD[:200],
}


@pytest.fixture(scope="module")
def page(tmp_path_factory, gold_lines) -> Path:
    root = tmp_path_factory.mktemp("subs")
    write_submission(root, "evil", gold_lines, **FIELDS)
    write_submission(root, "plain", gold_lines[::-1], throughput={"words_per_second": 100.0})
    _, outputs = build(root)
    out = tmp_path_factory.mktemp("board")
    (out / "index.html").write_bytes(outputs["index.html"])
    return out / "index.html"


def check_no_injection(html: str) -> None:
    dom = parse(html)
    root = next(attrs for tag, attrs in dom.tags if tag == "html")
    assert "data-pwned" not in root, f"an injected script ran: {root}"
    assert root.get("data-tables") == "sortable", "the page's own script did not run: the check would prove nothing"
    assert [tag for tag, _ in dom.tags if tag in ("script", "img", "iframe", "object", "embed")] == ["script"]
    assert not any(name.startswith("on") for _, attrs in dom.tags for name in attrs)
    text = "".join(dom.text)
    assert text.count(XSS_SCRIPT) >= 4 and text.count(XSS_IMG) >= 4  # shown as text, in each field that has room for it
    for value in ("Evil <script>", "Second <script>", "Description <script>", "Training <script>"):
        assert value in text


def test_no_script_runs_and_the_payload_shows_as_text(page, tmp_path):
    check_no_injection(dump_dom(page, tmp_path / "profile"))


def test_escaping_alone_holds_without_the_content_security_policy(page, tmp_path):
    html = page.read_text(encoding="utf-8")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP.replace(chr(39), "&#x27;")}">'
    assert meta in html
    bare = tmp_path / "bare.html"
    bare.write_text(html.replace(meta, ""), encoding="utf-8")
    check_no_injection(dump_dom(bare, tmp_path / "profile"))


def test_clicking_a_header_sorts_the_table(page, tmp_path):
    """Without the policy, a test script clicks "Words/s" in the entities table, twice."""
    html = page.read_text(encoding="utf-8")
    html = html.replace('<meta http-equiv="Content-Security-Policy"', '<meta name="removed-csp"')
    clicker = (
        "<script>var th = Array.prototype.filter.call(document.querySelectorAll('#entities thead th'),"
        " function (h) { return h.textContent === 'Words/s'; })[0];"
        " th.querySelector('button').click();"
        " var first = document.querySelector('#entities tbody tr td:nth-child(2) .id').textContent;"
        " th.querySelector('button').click();"
        " var again = document.querySelector('#entities tbody tr td:nth-child(2) .id').textContent;"
        " document.body.setAttribute('data-order', first + ',' + again + ',' + th.getAttribute('aria-sort'));</script>"
    )
    sorted_page = tmp_path / "sort.html"
    sorted_page.write_text(html.replace("</body>", clicker + "</body>"), encoding="utf-8")
    dom = parse(dump_dom(sorted_page, tmp_path / "profile"))
    body = next(attrs for tag, attrs in dom.tags if tag == "body")
    # "evil" reports 5,000 words/s and "plain" 100: best (highest) first, then reversed
    assert body.get("data-order") == "evil,plain,ascending"
