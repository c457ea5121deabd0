from __future__ import annotations

import time

import pytest

from benchmark.leaderboard.problems import LeaderboardError
from benchmark.leaderboard.safe_yaml import load_yaml_mapping


def problems(data: bytes) -> list[str]:
    with pytest.raises(LeaderboardError) as err:
        load_yaml_mapping(data, "system.yaml")
    return [str(p) for p in err.value.problems]


def test_reads_a_mapping_with_the_line_of_every_key():
    doc = load_yaml_mapping(b"name: x\ntraining_data:\n  description: y\nauthors:\n  - a\n  - b\n", "s.yaml")
    assert doc.data == {"name": "x", "training_data": {"description": "y"}, "authors": ["a", "b"]}
    assert doc.lines["name"] == 1 and doc.lines["training_data.description"] == 3 and doc.lines["authors[1]"] == 6
    assert doc.line_of("training_data.nothing") == 2


def test_dates_are_read_safely_and_an_impossible_date_gives_its_line():
    import datetime as dt

    assert load_yaml_mapping(b"date: 2026-01-15\n", "s").data == {"date": dt.date(2026, 1, 15)}
    assert problems(b"name: x\ndate: 2026-13-01\n") == [
        "system.yaml:2: yaml: expected plain YAML values (no tags, valid dates), found month must be in 1..12"
    ]


def test_a_byte_order_mark_is_accepted():
    assert load_yaml_mapping("\ufeffname: x\n".encode(), "s").data == {"name": "x"}


@pytest.mark.parametrize(
    "template",
    [
        "!!python/object/apply:os.system ['touch {marker}']\n",
        "name: !!python/object/apply:os.system ['touch {marker}']\n",
        "name: !!python/object/apply:subprocess.call [['touch', '{marker}']]\n",
        "name: !!python/name:os.system\n",
        "name: !custom x\n",
    ],
)
def test_no_tag_can_build_a_python_object(template, tmp_path):
    marker = tmp_path / "pwned"
    found = problems(template.format(marker=marker).encode())
    refused = (
        "yaml: expected plain YAML values (no tags, valid dates), found could not determine a constructor",
        "document: expected one YAML",
    )
    assert len(found) == 1 and any(r in found[0] for r in refused), found
    assert not marker.exists()


def test_anchors_and_aliases_are_refused_before_anything_expands():
    laughs = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        laughs += f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n".encode()
    start = time.perf_counter()
    assert problems(laughs) == ["system.yaml:1: yaml: expected plain YAML without anchors (&) or aliases (*), found an anchor or alias"]
    assert time.perf_counter() - start < 1


def test_repeated_keys_are_errors_not_silently_overwritten():
    assert problems(b"name: a\nversion: '1'\nname: b\n") == [
        "system.yaml:3: name: expected each key once (first on line 1), found a repeated key"
    ]


def test_nested_repeated_keys_are_found_too():
    assert problems(b"training_data:\n  description: a\n  description: b\n")[0].startswith(
        "system.yaml:3: training_data.description: expected each key once"
    )


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (b"", "an empty file"),
        (b"- a\n- b\n", "a sequence"),
        (b"just text\n", "a scalar"),
        (b"a: 1\n---\nb: 2\n", "several documents"),
    ],
)
def test_the_document_must_be_one_mapping(data, found):
    assert problems(data) == [f"system.yaml:1: document: expected one YAML mapping of keys to values, found {found}"]


def test_keys_must_be_strings():
    assert problems(b"1: a\n") == ["system.yaml:1: document: expected string keys, found the key '1'"]


def test_invalid_yaml_gives_its_line():
    found = problems(b"name: a\nauthors: [a, b\n")
    assert len(found) == 1 and found[0].startswith("system.yaml:3: yaml: expected valid YAML")


def test_invalid_utf8_is_a_clear_error():
    assert problems(b"name: a\nversion: \xff\n") == ["system.yaml:2: encoding: expected UTF-8 text, found the byte 0xff"]


def test_deep_nesting_is_refused_not_a_crash():
    data = b"a: " + b"[" * 30000 + b"]" * 30000 + b"\n"
    assert problems(data) == ["system.yaml:1: yaml: expected YAML nested at most 20 levels deep, found deeper nesting"]
