from __future__ import annotations

import re

from benchmark.leaderboard.render_markdown import render_markdown

from .conftest import PAYLOAD, assert_golden, sample_results


def test_golden_readme():
    assert_golden("README.md", render_markdown(sample_results()))


def test_a_table_per_layer_with_intervals_and_significance():
    text = render_markdown(sample_results())
    for title in ("## Entities", "## Events", "## Places", "## Event geolocation", "## Systems"):
        assert title in text
    assert "| 1 | [Alpha](https://example.org/a_%28b%29) 2.1 | `alpha` | 90.1 [85.1, 94.1] |" in text
    assert "| 60,000 | #2 `beta`, #2 `gamma` |" in text
    assert "Not attempted by: `gamma`." in text
    assert "| `alpha` | `beta` | +8.9 | [5.9, 11.9] | < 0.001 | < 0.001 | yes |" in text


def test_submission_text_cannot_form_html_or_markdown():
    text = render_markdown(sample_results(PAYLOAD))
    ours = {"<!--", "<details>", "</details>", "<summary>", "</summary>"}
    tags = set(re.findall(r"</?[a-zA-Z!][^ >]*>?", text))
    assert {t.rstrip(">") + (">" if t.endswith(">") else "") for t in tags} <= ours | {"<!--"}, tags
    assert "&lt;script&gt;" in text and "&lt;img src=x onerror=" in text
    assert "\\[brackets\\](https://x.org)" in text  # no link can be formed from a description
    assert "Tags &#124; pipes" in text  # a pipe cannot split a table cell
    assert "\\*stars\\*" in text
    card_rows = [line for line in text.split("## Systems")[1].splitlines() if line.startswith(("| `alpha`", "| `beta`"))]
    assert len(card_rows) == 2 and all("multiline description" in line for line in card_rows)  # no line break ends a row
