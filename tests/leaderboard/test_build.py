from __future__ import annotations

import json

import pytest

from benchmark.leaderboard.build import build, holm, stale_outputs, write_outputs
from benchmark.leaderboard.layers import LAYERS
from benchmark.leaderboard.problems import LeaderboardError

from .conftest import degrade, jsonl, write_submission


@pytest.fixture(scope="module")
def board(tmp_path_factory, gold_lines):
    root = tmp_path_factory.mktemp("subs")
    write_submission(root, "perfect", gold_lines)
    write_submission(root, "worse", degrade(gold_lines), throughput=None, hardware=None)
    ner_only = [{"doc_id": line["doc_id"], "entities": line["entities"]} for line in gold_lines]
    write_submission(root, "ner-only", ner_only)
    results, outputs = build(root)
    return root, results, outputs


def table(results, layer_id):
    return next(layer for layer in results["layers"] if layer["id"] == layer_id)


def test_every_layer_is_a_table_with_one_signature(board):
    _, results, _ = board
    assert [layer["id"] for layer in results["layers"]] == [layer.id for layer in LAYERS]
    for layer in results["layers"]:
        assert layer["signature"].startswith(
            f"dateline-score:{results['scorer_version']}|gold:{results['gold']['version'][:12]}|split:test|"
        )
        assert f"|tasks:{','.join(layer['tasks'])}|" in layer["signature"]


def test_the_board_scores_only_distributed_documents(board):
    _, results, _ = board
    gold = results["gold"]
    assert gold["split"] == "test" and gold["documents"] > 0
    assert all(doc.startswith("seed-") for doc in gold["external_left_out"])
    assert gold["subset"] == ("original-only" if gold["external_left_out"] else "all")


def test_rows_are_sorted_best_first_and_the_perfect_system_wins(board):
    _, results, _ = board
    entities = table(results, "entities")
    assert [r["system"] for r in entities["rows"]][-1] == "worse"
    assert {r["system"] for r in entities["rows"][:2]} == {"perfect", "ner-only"}
    assert entities["rows"][0]["rank"] == entities["rows"][1]["rank"] == 1  # a tie shares its rank
    assert entities["rows"][2]["rank"] == 3
    assert entities["rows"][0]["values"]["ner.strict.f1"]["value"] == 1.0
    events = table(results, "events")
    assert [r["system"] for r in events["rows"]] == ["perfect", "worse"]
    assert events["not_attempted"] == ["ner-only"]


def test_intervals_and_throughput_are_carried(board):
    _, results, _ = board
    row = next(r for r in table(results, "entities")["rows"] if r["system"] == "worse")
    value = row["values"]["ner.strict.f1"]
    assert value["ci95"][0] <= value["value"] <= value["ci95"][1]
    assert row["words_per_second"] is None
    assert next(r for r in table(results, "entities")["rows"] if r["system"] == "perfect")["words_per_second"] == 5000.0


def test_pairs_are_tested_with_holm_correction(board):
    _, results, _ = board
    pairs = table(results, "entities")["pairs"]
    assert {(p["a"], p["b"]) for p in pairs} == {("ner-only", "perfect"), ("ner-only", "worse"), ("perfect", "worse")} or len(pairs) == 3
    for p in pairs:
        assert p["metric"] == "ner.strict.f1" and p["p_holm"] >= p["p_value"]
        assert p["significant"] == (p["p_holm"] < 0.05 and p["delta"] != 0)
    tie = next(p for p in pairs if {p["a"], p["b"]} == {"perfect", "ner-only"})
    assert tie["delta"] == 0 and not tie["significant"]
    for row in table(results, "entities")["rows"]:
        for other in row["better_than"]:
            p = next(p for p in pairs if {p["a"], p["b"]} == {row["system"], other})
            assert p["significant"]


def test_results_hold_every_score_with_interval_signature_and_versions(board):
    _, results, _ = board
    perfect = results["systems"]["perfect"]
    assert perfect["tasks"] == ["ner", "events", "places"]
    assert perfect["test"]["signature"].startswith("dateline-score:")
    assert perfect["test"]["ner"]["strict"]["ci95"]["f1"] == [1.0, 1.0]
    assert perfect["card"]["predictions_sha256"]["test"]
    assert results["scorer_version"] and results["gold"]["version"]


def test_the_build_is_deterministic(board):
    root, _, outputs = board
    _, again = build(root)
    assert again == outputs


def test_stale_outputs_are_found_and_a_rebuild_drops_every_stale_row(board, tmp_path):
    root, results, outputs = board
    write_outputs(outputs, tmp_path)
    assert stale_outputs(outputs, tmp_path) == []
    doctored = json.loads((tmp_path / "results.json").read_text())
    doctored["systems"]["ghost"] = doctored["systems"]["worse"]
    doctored["layers"][0]["rows"][-1]["values"]["ner.strict.f1"]["value"] = 0.99
    (tmp_path / "results.json").write_text(json.dumps(doctored))
    assert stale_outputs(outputs, tmp_path) == [tmp_path / "results.json"]
    _, rebuilt = build(root)  # results.json is never read: nothing in it survives
    write_outputs(rebuilt, tmp_path)
    assert stale_outputs(outputs, tmp_path) == [] and b"ghost" not in (tmp_path / "results.json").read_bytes()


def test_a_submission_with_bad_predictions_is_refused_with_file_and_line(tmp_path, gold_lines):
    lines = [dict(line) for line in gold_lines]
    lines[-1] = {**lines[-1], "entities": [{"start": 0, "end": 3, "type": "PERSON"}]}
    folder = write_submission(tmp_path, "bad-type", lines)
    with pytest.raises(LeaderboardError) as err:
        build(tmp_path)
    assert [str(p) for p in err.value.problems] == [
        f"{folder}/predictions.jsonl:{len(lines)}: entities[0].type: expected an entity type (PER, ORG, GPE, LOC, FAC, NORP), "
        "found 'PERSON' (did you mean 'PER'?)"
    ]


def test_offsets_are_checked_against_the_text(tmp_path, gold_lines):
    lines = [dict(line) for line in gold_lines]
    lines[0] = {**lines[0], "entities": [{"start": 5, "end": 10**7, "type": "GPE"}]}
    folder = write_submission(tmp_path, "bad-offsets", lines)
    with pytest.raises(LeaderboardError) as err:
        build(tmp_path)
    found = [str(p) for p in err.value.problems]
    assert len(found) == 1 and found[0].startswith(f"{folder}/predictions.jsonl:1: entities[0].end: expected at most the text length"), (
        found
    )


def test_missing_documents_are_refused(tmp_path, gold_lines):
    folder = write_submission(tmp_path, "partial", gold_lines[1:])
    with pytest.raises(LeaderboardError) as err:
        build(tmp_path)
    assert any(
        str(p).startswith(f"{folder}/predictions.jsonl: doc_id: expected a record for every gold document") for p in err.value.problems
    )


def test_a_submission_attempting_nothing_is_refused(tmp_path, gold_lines):
    folder = write_submission(tmp_path, "nothing", jsonl([{"doc_id": line["doc_id"]} for line in gold_lines]))
    with pytest.raises(LeaderboardError) as err:
        build(tmp_path)
    assert [str(p) for p in err.value.problems] == [
        f"{folder}/predictions.jsonl: tasks: expected at least one of the keys entities, events, places per document, found none attempted"
    ]


def test_every_bad_submission_is_reported_in_one_run(tmp_path, gold_lines):
    write_submission(tmp_path, "good", gold_lines)
    a = write_submission(tmp_path, "doctored", gold_lines)
    (a / "predictions.jsonl").write_bytes(jsonl(gold_lines[::-1]))
    write_submission(tmp_path, "nothing", jsonl([{"doc_id": line["doc_id"]} for line in gold_lines]))
    (tmp_path / "stray.html").write_text("<script>alert(1)</script>")
    with pytest.raises(LeaderboardError) as err:
        build(tmp_path)
    found = [str(p) for p in err.value.problems]
    assert len(found) == 3, found
    assert "stray.html: entry: expected a submission folder" in found[0]
    assert "doctored/system.yaml: predictions_sha256.test" in found[1] and "nothing/predictions.jsonl: tasks: expected" in found[2]


@pytest.mark.parametrize(
    ("p", "adjusted"),
    [
        ([0.01, 0.04, 0.03], [0.03, 0.06, 0.06]),
        ([0.5], [0.5]),
        ([], []),
        ([0.2, 0.6, 0.9], [0.6, 1.0, 1.0]),
    ],
)
def test_holm(p, adjusted):
    assert holm(p) == pytest.approx(adjusted)


def test_a_new_gold_version_rescores_every_row_under_the_new_signature(board, monkeypatch):
    """When the gold changes, every row is scored again: no number from the old gold survives."""
    from benchmark.leaderboard import build as build_module
    from benchmark.loader import load_gold
    from benchmark.scoring import from_documents

    root, before, _ = board
    original = build_module.load_split_gold

    def edited_gold(split, texts_dir=None):
        if split != "test":
            return original(split, texts_dir)
        docs = load_gold(split, None)
        first = next(i for i, d in enumerate(docs) if d.document.text is not None and d.entities)
        docs[first] = docs[first].model_copy(update={"entities": docs[first].entities[1:]})
        return from_documents(docs, split=split)

    monkeypatch.setattr(build_module, "load_split_gold", edited_gold)
    after, _ = build(root)
    assert after["gold"]["version"] != before["gold"]["version"]
    new = after["gold"]["version"][:12]
    for layer_before, layer_after in zip(before["layers"], after["layers"], strict=True):
        assert layer_before["signature"] != layer_after["signature"] and f"|gold:{new}|" in layer_after["signature"]
    for system in after["systems"].values():
        assert f"|gold:{new}|" in system["test"]["signature"]
    perfect = next(r for r in table(after, "entities")["rows"] if r["system"] == "perfect")
    assert perfect["values"]["ner.strict.f1"]["value"] < 1.0  # the predictions no longer match the edited gold exactly
