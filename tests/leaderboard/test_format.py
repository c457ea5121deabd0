from __future__ import annotations

from benchmark.leaderboard import format as fmt


def test_md_escapes_html_and_markdown_syntax_and_joins_lines():
    assert fmt.md("a <b> & c | d") == "a &lt;b&gt; &amp; c &#124; d"
    assert (
        fmt.md("[x](javascript:1) ![i](y) *e* _u_ `c` ~s~ $m$ \\")
        == "\\[x\\](javascript:1) \\!\\[i\\](y) \\*e\\* \\_u\\_ \\`c\\` \\~s\\~ \\$m\\$ \\\\"
    )
    assert fmt.md("one\ntwo\r\n  three") == "one two three"
    assert fmt.md("crf-gaz 0.1.0: fine") == "crf-gaz 0.1.0: fine"


def test_md_url_cannot_close_the_link():
    assert fmt.md_url("https://x.org/a_(b)") == "https://x.org/a_%28b%29"


def test_numbers_have_fixed_formats():
    assert fmt.number(0.90123, "percent") == "90.1"
    assert fmt.number(None, "percent") == "n/a"
    assert fmt.number(1234.4, "km") == "1,234 km"
    assert fmt.number(0.04196, "number") == "0.042"
    assert fmt.interval([0.85, 0.9], "percent") == "[85.0, 90.0]"
    assert fmt.interval(None, "percent") == ""
    assert fmt.throughput(None) == "not reported" and fmt.throughput(6231.6) == "6,232"
    assert fmt.p_value(0.0004) == "< 0.001" and fmt.p_value(0.0456) == "0.046"
    assert fmt.delta(-0.012) == "-1.2" and fmt.delta(0.0) == "+0.0"
    assert fmt.yes_no(True) == "yes" and fmt.yes_no("not applicable") == "not applicable"
