"""NER: parity with nervaluate 1.2.1 and seqeval 1.2.2, per-type and macro, hand-worked counts."""

from __future__ import annotations

import random
import warnings

import numpy as np
import pytest
from nervaluate import Evaluator
from seqeval.metrics import classification_report, f1_score
from seqeval.scheme import IOB2

from benchmark.scoring import ner
from benchmark.scoring.matching import SCHEMES
from benchmark.scoring.metrics import nervaluate_prf
from benchmark.scoring.spans import SpanArrays

TYPES = ("PER", "ORG", "GPE", "LOC")
NERVALUATE = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}


def _count(gold_docs, pred_docs, types=TYPES):
    return ner.count(SpanArrays.from_lists(gold_docs, types), SpanArrays.from_lists(pred_docs, types), len(gold_docs), types)


def _random_span(rng: random.Random, width: int = 60):
    s = rng.randrange(width)
    return {"start": s, "end": s + rng.randint(1, 8), "type": rng.choice(TYPES)}


def _unambiguous(gold, pred) -> bool:
    def degree(x, others):
        return sum(x["start"] < o["end"] and o["start"] < x["end"] for o in others)

    return all(degree(g, pred) <= 1 for g in gold) and all(degree(p, gold) <= 1 for p in pred)


def _nervaluate(docs):
    # nervaluate's spans are inclusive: our [start, end) is its (start, end - 1)
    return [[{"label": s["type"], "start": s["start"], "end": s["end"] - 1} for s in doc] for doc in docs]


def _random_corpus(rng: random.Random, n_docs: int, unambiguous: bool):
    gold_docs, pred_docs = [], []
    for _ in range(n_docs):
        while True:
            gold = [_random_span(rng) for _ in range(rng.randint(0, 6))]
            pred = [_random_span(rng) for _ in range(rng.randint(0, 6))]
            if rng.random() < 0.5:  # many exact and near hits, not just noise
                pred += [dict(g, type=rng.choice(TYPES)) if rng.random() < 0.3 else dict(g) for g in gold if rng.random() < 0.7]
            if not unambiguous or _unambiguous(gold, pred):
                break
        gold_docs.append(gold)
        pred_docs.append(pred)
    return gold_docs, pred_docs


@pytest.mark.parametrize("seed", range(25))
def test_all_four_schemes_equal_nervaluate_where_matching_is_unambiguous(seed):
    rng = random.Random(seed)
    gold_docs, pred_docs = _random_corpus(rng, 8, unambiguous=True)
    if not any(gold_docs) and not any(pred_docs):
        pytest.skip("nervaluate cannot infer a loader from an empty corpus")
    theirs = Evaluator(_nervaluate(gold_docs), _nervaluate(pred_docs), tags=list(TYPES), loader="dict").evaluate()
    counts = _count(gold_docs, pred_docs)
    overall = counts.overall.sum(axis=0)
    per_type = counts.per_type.sum(axis=0)
    scores = nervaluate_prf(overall)
    for k, scheme in enumerate(SCHEMES):
        r = theirs["overall"][NERVALUATE[scheme]]
        assert tuple(overall[k]) == (r.correct, r.incorrect, r.partial, r.missed, r.spurious), scheme
        assert scores["precision"][k] == pytest.approx(r.precision)
        assert scores["recall"][k] == pytest.approx(r.recall)
        assert scores["f1"][k] == pytest.approx(r.f1)
        for tag, results in theirs["entities"].items():
            t = results[NERVALUATE[scheme]]
            assert tuple(per_type[k, TYPES.index(tag)]) == (t.correct, t.incorrect, t.partial, t.missed, t.spurious), (scheme, tag)


@pytest.mark.parametrize("seed", range(10))
def test_on_ambiguous_inputs_we_score_at_least_what_nervaluate_scores(seed):
    # nervaluate's greedy matching is one matching among many; ours maximises COR (and PAR)
    rng = random.Random(100 + seed)
    gold_docs, pred_docs = _random_corpus(rng, 8, unambiguous=False)
    if not any(gold_docs) and not any(pred_docs):
        pytest.skip("empty corpus")
    theirs = Evaluator(_nervaluate(gold_docs), _nervaluate(pred_docs), tags=list(TYPES), loader="dict").evaluate()["overall"]
    f1 = nervaluate_prf(_count(gold_docs, pred_docs).overall.sum(axis=0))["f1"]
    for k, scheme in enumerate(SCHEMES):
        assert f1[k] >= theirs[NERVALUATE[scheme]].f1 - 1e-12


def _flat_doc(rng: random.Random, n_tokens: int):
    spans, i = [], 0
    while i < n_tokens:
        i += rng.randint(0, 3)
        length = rng.randint(1, 3)
        if i + length <= n_tokens and rng.random() < 0.6:
            spans.append({"start": i, "end": i + length, "type": rng.choice(TYPES)})
        i += length
    return spans


def _iob2(spans, n_tokens):
    tags = ["O"] * n_tokens
    for s in spans:
        tags[s["start"]] = "B-" + s["type"]
        for i in range(s["start"] + 1, s["end"]):
            tags[i] = "I-" + s["type"]
    return tags


@pytest.mark.parametrize("seed", range(25))
def test_strict_equals_seqeval_strict_iob2(seed):
    rng = random.Random(seed)
    lengths = [rng.randint(1, 30) for _ in range(12)]
    gold_docs = [_flat_doc(rng, n) for n in lengths]
    pred_docs = [
        _flat_doc(rng, n) if rng.random() < 0.4 else [s for s in g if rng.random() < 0.8] + _flat_doc(rng, n)[:1]
        for g, n in zip(gold_docs, lengths, strict=True)
    ]
    # keep predictions flat so that they have an IOB2 encoding
    pred_docs = [
        [s for i, s in enumerate(doc) if all(not (s["start"] < o["end"] and o["start"] < s["end"]) for o in doc[:i])] for doc in pred_docs
    ]
    y_true = [_iob2(d, n) for d, n in zip(gold_docs, lengths, strict=True)]
    y_pred = [_iob2(d, n) for d, n in zip(pred_docs, lengths, strict=True)]
    counts = _count(gold_docs, pred_docs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # seqeval warns on zero division; both sides use 0
        expected = f1_score(y_true, y_pred, mode="strict", scheme=IOB2)
        report = classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True)
    assert nervaluate_prf(counts.overall.sum(axis=0))["f1"][0] == pytest.approx(expected)
    per_type = nervaluate_prf(counts.per_type.sum(axis=0))
    present = ner.present_types(counts.per_type.sum(axis=0))
    for j, t in enumerate(TYPES):
        if t in report:
            assert per_type["f1"][0, j] == pytest.approx(report[t]["f1-score"])
            assert per_type["precision"][0, j] == pytest.approx(report[t]["precision"])
    assert ner.macro_f1(counts.per_type.sum(axis=0), present)[0] == pytest.approx(report["macro avg"]["f1-score"])


def test_hand_worked_counts():
    # gold: Kim [0,11) PER, Russia [20,26) GPE, Moscow [30,36) GPE
    gold = [[{"start": 0, "end": 11, "type": "PER"}, {"start": 20, "end": 26, "type": "GPE"}, {"start": 30, "end": 36, "type": "GPE"}]]
    # pred: Kim exact PER; Russia with the wrong type; "Mosc" partial GPE; spurious [40,45)
    pred = [
        [
            {"start": 0, "end": 11, "type": "PER"},
            {"start": 20, "end": 26, "type": "ORG"},
            {"start": 30, "end": 34, "type": "GPE"},
            {"start": 40, "end": 45, "type": "LOC"},
        ]
    ]
    c = _count(gold, pred)
    total = c.overall.sum(axis=0)
    #                          COR INC PAR MIS SPU
    assert total.tolist() == [[1, 2, 0, 0, 1], [2, 1, 0, 0, 1], [2, 0, 1, 0, 1], [2, 1, 0, 0, 1]]
    s = nervaluate_prf(total)
    assert s["precision"].tolist() == pytest.approx([1 / 4, 2 / 4, 2.5 / 4, 2 / 4])
    assert s["recall"].tolist() == pytest.approx([1 / 3, 2 / 3, 2.5 / 3, 2 / 3])
    # per type (strict): PER 1/1; GPE: Russia missed, Moscow INC; ORG and LOC spurious
    pt = c.per_type.sum(axis=0)[0]
    assert pt[TYPES.index("PER")].tolist() == [1, 0, 0, 0, 0]
    assert pt[TYPES.index("GPE")].tolist() == [0, 1, 0, 1, 0]
    assert pt[TYPES.index("ORG")].tolist() == [0, 0, 0, 0, 1]
    assert pt[TYPES.index("LOC")].tolist() == [0, 0, 0, 0, 1]
    # macro F1 (strict) over the four present types: PER 1, others 0
    assert ner.macro_f1(c.per_type.sum(axis=0), ner.present_types(c.per_type.sum(axis=0)))[0] == pytest.approx(0.25)


def test_per_document_counts_add_up_and_documents_never_match_each_other():
    gold = [[{"start": 0, "end": 5, "type": "PER"}], []]
    pred = [[], [{"start": 0, "end": 5, "type": "PER"}]]
    c = _count(gold, pred)
    assert c.overall[0, 0].tolist() == [0, 0, 0, 1, 0]
    assert c.overall[1, 0].tolist() == [0, 0, 0, 0, 1]
    np.testing.assert_array_equal(c.overall.sum(axis=0)[:, [3, 4]], [[1, 1]] * 4)
