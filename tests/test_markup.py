import pytest

from benchmark.errors import AnnotationError
from benchmark.markup import parse_body, split_event_line


def test_spans_are_offsets_into_the_clean_text():
    text, spans = parse_body("[Kim]{PER kim} met [Putin]{PER putin}.", "f", 1)
    assert text == "Kim met Putin."
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 3, "PER kim"), (8, 13, "PER putin")]


def test_nested_spans_and_escapes():
    text, spans = parse_body(r"[[Russian]{NORP ru}-made shells]{value s} \[ad_1\] \{x\} a\\b", "f", 1)
    assert text == r"Russian-made shells [ad_1] {x} a\b"
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 19, "value s"), (0, 7, "NORP ru")]


def test_leading_and_trailing_newlines_are_not_text():
    text, spans = parse_body("\n\n[Kim]{PER kim} left.\n\n", "f", 1)
    assert text == "Kim left."
    assert (spans[0].start, spans[0].end) == (0, 3)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("[Kim]{PER kim", "a label closed by '}'"),
        ("[Kim met", "a closing ']{label}'"),
        ("Kim]{PER kim} met", "an opening '['"),
        ("Kim] met", "']' followed by '{label}'"),
        ("a {brace}", "for a literal brace"),
    ],
)
def test_malformed_markup_is_reported_with_line(body, expected):
    with pytest.raises(AnnotationError) as err:
        parse_body("first line\n" + body, "doc.dl", 10)
    assert "doc.dl:11" in str(err.value)
    assert expected in str(err.value)


def test_event_line():
    assert split_event_line("Meet actual | Participant=kim Place=russia") == ("Meet", "actual", [("Participant", "kim"), ("Place", "russia")])
    assert split_event_line("Meet actual |") == ("Meet", "actual", [])
    assert split_event_line("Meet actual Participant=kim") is None
    assert split_event_line("Meet actual | Participant") is None
