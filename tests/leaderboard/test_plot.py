from __future__ import annotations

import math

from benchmark.leaderboard.plot import CHAR_WIDTH, _ticks, place_labels, scatter_svg, y_range

from .conftest import PAYLOAD, sample_results


def test_y_range_fits_the_data_on_tens_and_is_at_least_thirty_points():
    assert y_range([]) == (0.0, 100.0)
    assert y_range([88.0, 91.0]) == (70.0, 100.0)
    assert y_range([33.0, 45.0]) == (20.0, 50.0)
    assert y_range([2.0]) == (0.0, 30.0)
    assert y_range([0.0, 100.0]) == (0.0, 100.0)


def test_ticks_are_powers_of_ten_or_125_steps():
    assert _ticks(3, 6) == [1000.0, 10000.0, 100000.0, 1000000.0]
    assert _ticks(3, 5) == [1000.0, 2000.0, 5000.0, 10000.0, 20000.0, 50000.0, 100000.0]


def test_labels_never_overlap():
    points = [(100.0, 50.0), (102.0, 51.0), (104.0, 50.5), (300.0, 50.0)]
    labels = ["crf", "crf-gaz", "spacy", "gazetteer"]
    placed = place_labels(points, labels, (0, 0, 640, 300))
    boxes = []
    for (x, y, anchor), text in zip(placed, labels, strict=False):
        w = CHAR_WIDTH * len(text) + 2
        boxes.append((x, y - 10, x + w, y + 2) if anchor == "start" else (x - w, y - 10, x, y + 2))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_only_rows_with_throughput_are_plotted_on_a_log_scale():
    results = sample_results()
    layer = results["layers"][0]
    svg = scatter_svg(layer, results["systems"], "Strict F1")
    assert svg.count("<circle") == 2 and ">gamma<" not in svg
    assert ">alpha</text>" in svg and ">beta</text>" in svg
    assert ">1,000</text>" in svg and ">100,000</text>" in svg
    assert math.isclose(math.log10(60000), 4.778, abs_tol=1e-3)


def test_an_empty_plot_says_why():
    results = sample_results()
    layer = {**results["layers"][0], "rows": [r for r in results["layers"][0]["rows"] if r["words_per_second"] is None]}
    assert "no system in this table reports its throughput" in scatter_svg(layer, results["systems"], "Strict F1")


def test_tooltips_escape_the_system_name():
    results = sample_results(PAYLOAD)
    svg = scatter_svg(results["layers"][0], results["systems"], "Strict F1")
    assert "<script" not in svg and "<img" not in svg and "&lt;script&gt;" in svg
