"""The submission contract: parsing, every bad-input case, the JSON Schema, and robustness."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmark.errors import SubmissionError
from benchmark.submission import (
    SCHEMA_PATH,
    GoldRecord,
    SubmissionRecord,
    check_against,
    coerce_records,
    json_schema,
    parse_bytes,
    read_gold_file,
    read_submission,
    render_schema,
    write_submission,
)

TEXT = "Kim met Putin in Moscow."
GOOD = {
    "doc_id": "d1",
    "entities": [{"start": 0, "end": 3, "type": "PER", "text": "Kim", "score": 0.9}, {"start": 17, "end": 23, "type": "GPE"}],
    "events": [
        {
            "type": "Meet",
            "trigger": {"start": 4, "end": 7},
            "arguments": [{"role": "Participant", "start": 0, "end": 3}, {"role": "Place", "start": 17, "end": 23}],
        }
    ],
    "places": [{"start": 17, "end": 23, "lat": 55.75, "lon": 37.62, "geonames_id": 524901}],
}


def lines(*records) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode("utf-8")


def problems(data: bytes, **kwargs) -> list[str]:
    with pytest.raises(SubmissionError) as err:
        parse_bytes(data, "p.jsonl", **kwargs)
    return [str(p) for p in err.value.problems]


def with_(update: dict, base: dict = GOOD) -> dict:
    return {**json.loads(json.dumps(base)), **update}


# ---------------------------------------------------------------------------------------------
# What is accepted


def test_a_valid_record_parses_with_its_tasks():
    sub = parse_bytes(lines(GOOD), "p.jsonl")
    (record,) = sub.records
    assert sub.tasks == ("ner", "events", "places")
    assert record.entities[0].type == "PER" and record.places[0].geonames_id == 524901
    assert sub.lines == (1,)


def test_bom_crlf_and_blank_lines_are_accepted():
    data = b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\r\n\r\n" + json.dumps(with_({"doc_id": "d2"})).encode() + b"\r\n"
    sub = parse_bytes(data, "p.jsonl")
    assert [r.doc_id for r in sub.records] == ["d1", "d2"]
    assert sub.lines == (1, 3)


def test_a_missing_task_key_means_not_attempted_and_an_empty_list_means_nothing():
    sub = parse_bytes(lines({"doc_id": "d1", "entities": []}), "p.jsonl")
    assert sub.tasks == ("ner",)
    assert sub.records[0].events is None and sub.records[0].entities == []


def test_null_optional_attributes_are_read_as_absent():
    record = with_({"places": [{"start": 17, "end": 23, "lat": 1, "lon": 2, "geonames_id": None, "text": None, "score": None}]})
    assert parse_bytes(lines(record), "p.jsonl").records[0].places[0].geonames_id is None


def test_arguments_may_be_left_out():
    record = with_({"events": [{"type": "Meet", "trigger": {"start": 4, "end": 7}}]})
    assert parse_bytes(lines(record), "p.jsonl").records[0].events[0].arguments == []


# ---------------------------------------------------------------------------------------------
# Every bad-input case of the contract: the message names file, line, field, expected, found


def test_unknown_key_is_an_error_with_a_did_you_mean():
    record = with_({"places": [{"start": 17, "end": 23, "lat": 55.75, "lng": 37.62}]})
    found = problems(lines(record))
    keys = "start, end, text, score, lat, lon, geonames_id"
    assert f"p.jsonl:1: places[0].lng: expected one of the keys {keys}, found 'lng' (did you mean 'lon'?)" in found
    assert "p.jsonl:1: places[0].lon: expected a value for this required key, found no such key" in found


def test_unknown_top_level_key():
    assert problems(lines(with_({"entitys": []}))) == [
        "p.jsonl:1: entitys: expected one of the keys doc_id, entities, events, places, found 'entitys' (did you mean 'entities'?)"
    ]


def test_duplicate_doc_id():
    assert problems(lines(GOOD, GOOD)) == ['p.jsonl:2: doc_id: expected a doc_id not used before (first on line 1), found "d1"']


def test_duplicate_key_in_one_object():
    raw = '{"doc_id": "d1", "doc_id": "d2", "entities": []}'
    assert problems(lines(raw)) == ["p.jsonl:1: doc_id: expected each key once per object, found 'doc_id' repeated"]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (5, 5, "p.jsonl:1: entities[0].start/end: expected start < end (half-open [start, end)), found [5, 5)"),
        (6, 2, "p.jsonl:1: entities[0].start/end: expected start < end (half-open [start, end)), found [6, 2)"),
        (-1, 2, "p.jsonl:1: entities[0].start: expected an integer >= 0, found -1"),
        (1.0, 2, "p.jsonl:1: entities[0].start: expected an integer, found 1.0"),
        ("1", 2, 'p.jsonl:1: entities[0].start: expected an integer, found "1"'),
        (True, 2, "p.jsonl:1: entities[0].start: expected an integer, found true"),
    ],
)
def test_bad_offsets(start, end, message):
    assert message in problems(lines(with_({"entities": [{"start": start, "end": end, "type": "PER"}]})))


def test_offsets_outside_the_text_and_text_mismatch_are_checked_against_the_gold():
    record = with_({"entities": [{"start": 0, "end": 99, "type": "PER"}, {"start": 0, "end": 3, "type": "PER", "text": "Kym"}]})
    sub = parse_bytes(lines(record), "p.jsonl")
    found = [str(p) for p in check_against(sub, {"d1": TEXT})]
    assert found == [
        "p.jsonl:1: entities[0].end: expected at most the text length 24, found 99",
        'p.jsonl:1: entities[1].text: expected "Kim" (the text at [0, 3)), found "Kym"',
    ]


def test_unknown_and_missing_doc_ids():
    sub = parse_bytes(lines(with_({"doc_id": "d9"})), "p.jsonl")
    found = [str(p) for p in check_against(sub, {"d1": TEXT, "d2": TEXT})]
    assert found == [
        "p.jsonl:1: doc_id: expected a document of the gold, found 'd9' (did you mean 'd2'?)",
        "p.jsonl: doc_id: expected a record for every gold document (or --allow-missing), found 2 missing: d1, d2",
    ]
    assert [str(p) for p in check_against(sub, {"d9": TEXT, "d2": TEXT}, allow_missing=True)] == []


def test_unknown_entity_type_event_type_and_role_with_did_you_mean():
    record = with_(
        {
            "entities": [{"start": 0, "end": 3, "type": "PERSON"}],
            "events": [
                {"type": "Meeting", "trigger": {"start": 4, "end": 7}, "arguments": []},
                {
                    "type": "Meet",
                    "trigger": {"start": 4, "end": 7},
                    "arguments": [{"role": "Participants", "start": 0, "end": 3}, {"role": "Target", "start": 0, "end": 3}],
                },
            ],
        }
    )
    assert problems(lines(record)) == [
        "p.jsonl:1: entities[0].type: expected an entity type (PER, ORG, GPE, LOC, FAC, NORP), found 'PERSON' (did you mean 'PER'?)",
        "p.jsonl:1: events[0].type: expected an event type, found 'Meeting' (did you mean 'Meet'?)",
        "p.jsonl:1: events[1].arguments[0].role: expected a role of Meet (Participant, Place, Time), "
        "found 'Participants' (did you mean 'Participant'?)",
        "p.jsonl:1: events[1].arguments[1].role: expected a role of Meet (Participant, Place, Time), found 'Target'",
    ]


@pytest.mark.parametrize(
    ("lat", "lon", "message"),
    [
        (91, 0, "places[0].lat: expected a finite number between -90 and 90, found 91"),
        (0, -180.5, "places[0].lon: expected a finite number between -180 and 180, found -180.5"),
        ("NaN", 0, "places[0].lat: expected a finite number between -90 and 90, found NaN"),
        (0, "Infinity", "places[0].lon: expected a finite number between -180 and 180, found Infinity"),
        ('"55"', 0, 'places[0].lat: expected a finite number between -90 and 90, found "55"'),
    ],
)
def test_lat_lon_out_of_range_or_nan(lat, lon, message):
    raw = f'{{"doc_id": "d1", "places": [{{"start": 0, "end": 3, "lat": {lat}, "lon": {lon}}}]}}'
    assert problems(lines(raw)) == [f"p.jsonl:1: {message}"]


def test_non_utf8_input_names_the_line_and_byte():
    data = lines(GOOD) + b'{"doc_id": "d\xff"}\n'
    assert problems(data) == ["p.jsonl:2: encoding: expected UTF-8 text, found the byte 0xff at column 14"]


def test_empty_file_and_blank_file():
    assert problems(b"") == ["p.jsonl: file: expected at least one JSON object (one document per line), found an empty file"]
    assert problems(b"\n \r\n") == ["p.jsonl: file: expected at least one JSON object (one document per line), found an empty file"]


def test_invalid_json_and_non_objects():
    found = problems(lines("{not json", "[1, 2]", '"text"'))
    assert found == [
        "p.jsonl:1: json: expected a JSON object, found invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        "p.jsonl:2: record: expected a JSON object (one document per line), found [1, 2]",
        'p.jsonl:3: record: expected a JSON object (one document per line), found "text"',
    ]


def test_null_task_key_and_inconsistent_task_keys():
    assert problems(lines({"doc_id": "d1", "entities": None})) == ["p.jsonl:1: entities: expected a list, found null"]
    found = problems(lines({"doc_id": "d1", "entities": []}, {"doc_id": "d2", "entities": [], "events": []}))
    assert found == [
        "p.jsonl:1: events: expected a list (other documents attempt events; use [] for 'predicted nothing'), found no such key"
    ]


def test_every_problem_is_listed_not_just_the_first():
    bad = lines(
        with_({"entities": [{"start": 0, "end": 3, "type": "GEP"}]}),
        with_({"doc_id": "d2", "places": [{"start": 1.5, "end": 3, "lat": 100, "lon": 0}]}),
    )
    found = problems(bad)
    assert len(found) == 3
    assert (
        found[0].startswith("p.jsonl:1: entities[0].type")
        and found[1].startswith("p.jsonl:2: places[0].start")
        and found[2].startswith("p.jsonl:2: places[0].lat")
    )


def test_lone_surrogates_and_deep_nesting_are_clear_errors():
    data = lines('{"doc_id": "\\ud800"}', '{"doc_id": ' + "[" * 100000 + "]" * 100000 + "}")
    found = problems(data)
    assert found[0] == "p.jsonl:1: json: expected Unicode text, found an escaped lone surrogate (\\uD800-\\uDFFF)"
    assert found[1].startswith("p.jsonl:2: json: expected a JSON object")


# ---------------------------------------------------------------------------------------------
# Files, gold files, writing


def test_read_and_write_round_trip(tmp_path):
    path = write_submission([GOOD, with_({"doc_id": "d2", "entities": []})], tmp_path / "p.jsonl")
    sub = read_submission(path)
    assert [r.doc_id for r in sub.records] == ["d1", "d2"]
    assert sub.records[0] == SubmissionRecord.model_validate(GOOD)
    # not-attempted tasks and absent optional attributes stay absent
    assert "null" not in path.read_text(encoding="utf-8")


def test_write_refuses_invalid_records(tmp_path):
    with pytest.raises(SubmissionError) as err:
        write_submission([with_({"entities": [{"start": 0, "end": 3, "type": "PERSON"}]})], tmp_path / "p.jsonl")
    assert "entities[0].type" in str(err.value)
    assert not (tmp_path / "p.jsonl").exists()


def test_coerce_accepts_numpy_scalars_and_reports_non_json_values():
    import numpy as np

    sub = coerce_records([{"doc_id": "d1", "entities": [{"start": np.int64(0), "end": np.int64(3), "type": "PER"}]}])
    assert sub.records[0].entities[0].end == 3
    with pytest.raises(SubmissionError) as err:
        coerce_records([{"doc_id": "d1", "entities": [{"start": object(), "end": 3, "type": "PER"}]}])
    assert str(err.value.problems[0]).startswith("<predictions>:1: record: expected JSON values only")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(SubmissionError, match="no such file"):
        read_submission(tmp_path / "nope.jsonl")
    with pytest.raises(SubmissionError, match="a directory"):
        read_submission(tmp_path)


def test_gold_file_needs_text_and_its_spans_are_checked(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(with_({"doc_id": "d2", "text": "short"})) + "\n", encoding="utf-8")
    with pytest.raises(SubmissionError) as err:
        read_gold_file(path)
    found = [str(p) for p in err.value.problems]
    assert f"{path}:1: text: expected a value for this required key, found no such key" in found
    assert f"{path}:2: entities[1].end: expected at most the text length 5, found 23" in found
    path.write_text(json.dumps(with_({"text": TEXT})) + "\n", encoding="utf-8")
    assert isinstance(read_gold_file(path).records[0], GoldRecord)


# ---------------------------------------------------------------------------------------------
# The JSON Schema: generated from the ontology, committed, and agreeing with the parser


def test_committed_schema_is_up_to_date():
    if os.environ.get("DATELINE_UPDATE_GOLDEN"):
        SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), "regenerate with DATELINE_UPDATE_GOLDEN=1"


def _schema_errors(value, schema) -> list[str]:
    """A tiny JSON Schema validator for the keywords our schema uses."""
    errors: list[str] = []
    types = {"object": dict, "array": list, "string": str}
    t = schema.get("type")
    if t == "integer" and not (isinstance(value, int) and not isinstance(value, bool)):
        return ["type"]
    if t == "number" and not (isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)):
        return ["type"]
    if t in types and not isinstance(value, types[t]):
        return ["type"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append("enum")
    if "const" in schema and value != schema["const"]:
        errors.append("const")
    if "minimum" in schema and value < schema["minimum"]:
        errors.append("minimum")
    if "maximum" in schema and value > schema["maximum"]:
        errors.append("maximum")
    if "minLength" in schema and len(value) < schema["minLength"]:
        errors.append("minLength")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"required {k}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            errors += [f"additional {k}" for k in value if k not in props]
        for k, v in value.items():
            if k in props:
                errors += _schema_errors(v, props[k])
    if isinstance(value, list) and "items" in schema:
        for item in value:
            errors += _schema_errors(item, schema["items"])
    for sub in schema.get("allOf", []):
        if "if" in sub and not _schema_errors(value, sub["if"]):
            errors += _schema_errors(value, sub["then"])
    return errors


def test_the_valid_example_passes_the_schema_and_the_parser():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert _schema_errors(GOOD, schema) == []
    parse_bytes(lines(GOOD), "p.jsonl")


@pytest.mark.parametrize(
    "bad",
    [
        with_({"places": [{"start": 17, "end": 23, "lat": 55.75, "lng": 37.62}]}),
        with_({"entities": [{"start": 0, "end": 3, "type": "PERSON"}]}),
        with_({"events": [{"type": "Meet", "trigger": {"start": 4, "end": 7}, "arguments": [{"role": "Target", "start": 0, "end": 3}]}]}),
        with_({"entities": [{"start": 1.5, "end": 3, "type": "PER"}]}),
        with_({"places": [{"start": 17, "end": 23, "lat": 95, "lon": 37.62}]}),
        with_({"doc_id": ""}),
        {"entities": []},
    ],
)
def test_schema_and_parser_reject_the_same_invalid_examples(bad):
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert _schema_errors(bad, schema)
    with pytest.raises(SubmissionError):
        parse_bytes(lines(bad), "p.jsonl")


def test_schema_is_the_generated_one():
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == json_schema()


# ---------------------------------------------------------------------------------------------
# Robustness: nothing but SubmissionError escapes the parser

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=20,
)
span_like = st.fixed_dictionaries(
    {"start": st.integers(-3, 40) | json_values, "end": st.integers(-3, 40) | json_values},
    optional={
        "type": st.sampled_from(["PER", "GPE", "per"]) | json_values,
        "role": st.sampled_from(["Place", "x"]),
        "lat": json_values,
        "lon": json_values,
        "text": json_values,
    },
)
record_like = st.fixed_dictionaries(
    {"doc_id": st.sampled_from(["d1", "d2"]) | json_values},
    optional={
        "entities": st.lists(span_like, max_size=3) | json_values,
        "events": st.lists(
            st.fixed_dictionaries(
                {"type": st.sampled_from(["Meet", "Travel"]) | json_values, "trigger": span_like | json_values},
                optional={"arguments": st.lists(span_like, max_size=2) | json_values},
            ),
            max_size=2,
        )
        | json_values,
        "places": st.lists(span_like, max_size=3) | json_values,
        "text": json_values,
    },
)


def _parse_or_submission_error(data: bytes, gold: bool = False) -> None:
    try:
        sub = parse_bytes(data, "p.jsonl", gold=gold)
    except SubmissionError as err:
        assert err.problems and all(str(p).startswith("p.jsonl") for p in err.problems)
        return
    check_against(sub, {"d1": TEXT, "d2": TEXT})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_only_submission_errors(data):
    _parse_or_submission_error(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(json_values | record_like, min_size=0, max_size=4), st.booleans())
def test_arbitrary_json_values_raise_only_submission_errors(values, gold):
    data = "\n".join(json.dumps(v) for v in values).encode("utf-8")
    _parse_or_submission_error(data, gold)


@settings(max_examples=200, deadline=None)
@given(st.lists(record_like, min_size=1, max_size=3))
def test_arbitrary_records_through_the_python_api_raise_only_submission_errors(records):
    try:
        coerce_records(records)
    except SubmissionError:
        pass


def test_schema_file_location():
    assert SCHEMA_PATH == Path(__file__).resolve().parent.parent / "benchmark" / "schemas" / "submission.schema.json"
