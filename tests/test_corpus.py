"""Properties of the corpus as a whole: sizes, balance, no near-duplicates."""

import re
from collections import Counter
from itertools import combinations

from benchmark.loader import load_gold
from benchmark.model import SPLITS


def _docs():
    return [g for s in SPLITS for g in load_gold(s)]


def _shingles(text, n=8):
    w = re.findall(r"\w+", text.lower())
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


def test_original_articles_are_300_to_700_words():
    sizes = {g.document.doc_id: len(g.document.text.split()) for g in _docs() if g.document.source == "original"}
    assert sizes and all(300 <= n <= 700 for n in sizes.values()), {k: n for k, n in sizes.items() if not 300 <= n <= 700}


def test_no_two_documents_share_more_than_five_percent_of_their_8_grams():
    grams = {g.document.doc_id: _shingles(g.document.text) for g in _docs() if g.document.text}
    offenders = []
    for a, b in combinations(sorted(grams), 2):
        shared = len(grams[a] & grams[b])
        smaller = min(len(grams[a]), len(grams[b])) or 1
        if shared / smaller > 0.05:
            offenders.append((a, b, round(shared / smaller, 3)))
    assert not offenders


def test_every_document_has_all_three_layers():
    for g in _docs():
        assert g.entities and g.events and g.places, g.document.doc_id


def test_every_split_has_documents_of_several_storylines():
    by_split = Counter()
    for g in _docs():
        by_split[(g.document.split, g.document.storyline)] += 1
    for split in SPLITS:
        assert len({story for s, story in by_split if s == split}) >= 3, split
