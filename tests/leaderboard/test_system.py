from __future__ import annotations

import pytest

from benchmark.leaderboard.problems import LeaderboardError
from benchmark.leaderboard.system import SCHEMA, SystemCard, parse_system, render_system

from .conftest import CARD, card_yaml

HASH = "0" * 64


def parse(**overrides) -> SystemCard:
    return parse_system(card_yaml({"test": HASH}, **overrides).encode(), "system.yaml")


def problems_of(text: str) -> list[str]:
    with pytest.raises(LeaderboardError) as err:
        parse_system(text.encode(), "system.yaml")
    return [str(p) for p in err.value.problems]


def problems(**overrides) -> list[str]:
    return problems_of(card_yaml({"test": HASH}, **overrides))


def test_a_valid_card_parses_and_renders_back_to_the_same_card():
    card = parse()
    assert card.name == "Test system" and card.authors == ("Ada Lovelace", "Alan Turing") and card.date == "2026-01-15"
    assert card.training_data.test_split_used is False and card.throughput.words_per_second == 5000.0
    assert parse_system(render_system(card).encode()) == card


def test_optional_keys_may_be_left_out():
    card = parse(hardware=None, throughput=None, paper=None)
    assert card.hardware is None and card.throughput is None and card.paper is None


def test_the_schema_names_every_field_the_issue_asks_for():
    assert set(SCHEMA) == {
        "name", "version", "authors", "url", "paper", "description", "licence", "open_weights", "open_code",
        "training_data", "date", "hardware", "throughput", "predictions_sha256",
    }  # fmt: skip
    assert set(CARD) | {"predictions_sha256"} <= set(SCHEMA)


def test_unknown_keys_are_errors_so_no_scores_can_be_smuggled_in():
    assert problems(scores={"ner": 0.99}) == [
        "system.yaml:19: scores: expected one of the keys name, version, authors, url, paper, description, licence, open_weights, "
        "open_code, training_data, date, hardware, throughput, predictions_sha256 (unknown keys are errors), found 'scores'"
    ]


def test_a_typo_gets_a_did_you_mean():
    text = card_yaml({"test": HASH}).replace("licence:", "license:")
    found = problems_of(text)
    assert any("license: expected one of the keys" in p and "(did you mean 'licence'?)" in p for p in found)
    assert any("licence: expected a value for this required key" in p for p in found)


def test_missing_required_keys_are_listed_together():
    found = problems(name=None, url=None)
    assert "system.yaml: name: expected a value for this required key (the system's name), found no such key" in found
    assert "system.yaml: url: expected a value for this required key (code or project page), found no such key" in found


def test_the_test_split_statement_must_be_false():
    found = problems(training_data={"description": "everything", "test_split_used": True})
    assert found == [
        "system.yaml:13: training_data.test_split_used: expected false: the test split must not be used for training or tuning "
        "(submissions that did are not accepted), found true"
    ]


def test_the_statement_is_required():
    assert problems(training_data={"description": "train"}) == [
        "system.yaml:11: training_data.test_split_used: expected a value for this required key, found no such key"
    ]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("name", 12, "a string of 1 to 80 characters on one line (quote it)"),
        ("name", "", "a string of 1 to 80 characters on one line"),
        ("name", "x" * 81, "a string of 1 to 80 characters on one line"),
        ("name", "two\nlines", "a string of 1 to 80 characters on one line without control or invisible formatting characters"),
        ("name", "rtl\u202eoverride", "a string of 1 to 80 characters on one line without control or invisible formatting characters"),
        ("version", 1.0, "a string of 1 to 40 characters on one line (quote it)"),
        ("authors", "Ada", "a list of 1 to 50 author names (strings of at most 200 characters)"),
        ("authors", [], "a list of 1 to 50 author names (strings of at most 200 characters)"),
        ("url", "javascript:alert(1)", "an http:// or https:// address (at most 300 characters, no spaces or quotes)"),
        (
            "url",
            'https://x.org/"><img src=x onerror=alert(1)>',
            "an http:// or https:// address (at most 300 characters, no spaces or quotes)",
        ),
        ("url", "https://", "an http:// or https:// address (at most 300 characters, no spaces or quotes)"),
        ("paper", "data:text/html,<script>", "an http:// or https:// address (at most 300 characters, no spaces or quotes)"),
        ("open_weights", "maybe", "true, false or 'not applicable' (for a system without learned weights)"),
        ("open_code", "yes please", "true or false"),
        ("date", "15/01/2026", "a date as YYYY-MM-DD"),
        ("date", "2026-02-30", "a date as YYYY-MM-DD"),
        ("throughput", {"words_per_second": -3}, "a positive number"),
        ("throughput", {"words_per_second": True}, "a positive number"),
    ],
)
def test_each_value_is_checked_with_a_clear_message(key, value, expected):
    found = problems(**{key: value})
    assert len(found) == 1 and f"expected {expected}, found" in found[0], found


def test_open_weights_may_be_not_applicable():
    assert parse(open_weights="not applicable").open_weights == "not applicable"


def test_hashes_are_lowercase_hex():
    text = card_yaml({"test": "ABC"})
    assert problems_of(text) == [
        "system.yaml:20: predictions_sha256.test: expected a SHA-256 as 64 lowercase "
        "hexadecimal characters (`sha256sum predictions.jsonl`), found 'ABC'"
    ]


def test_a_reported_throughput_needs_its_hardware():
    assert problems(hardware=None) == [
        "system.yaml:15: hardware: expected the hardware the throughput was measured on (throughput is reported), found no such key"
    ]


def test_description_may_span_lines():
    assert parse(description="line one\nline two").description == "line one\nline two"


def test_the_template_in_contributing_is_a_valid_card():
    import re

    from benchmark import paths

    text = (paths.REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if "predictions_sha256" in b)
    block = re.sub(r"<[^>\n]*>", "a" * 64, block)
    card = parse_system(block.encode(), "CONTRIBUTING.md")
    assert card.name == "My Tagger" and card.predictions_sha256 == {"test": "a" * 64, "validation": "a" * 64}
