"""Phrase lexicons harvested from the train split, and longest-match tagging over tokens."""

from __future__ import annotations

from collections import Counter, defaultdict

from baselines.text import Token, tokenize
from benchmark.model import GoldDocument

MAX_PHRASE = 6


def majority(counts: dict[str, Counter]) -> dict[str, str]:
    """Key -> its most frequent label (ties broken by label name, for determinism)."""
    return {key: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for key, c in counts.items()}


def entity_lexicon(train: list[GoldDocument]) -> dict[tuple[str, ...], str]:
    """Token sequence of every train entity mention -> its most frequent type."""
    counts: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for gold in train:
        for m in gold.entities:
            counts[tuple(t.text for t in tokenize(m.text))][m.type] += 1
    return majority(counts)


def trigger_statistics(train: list[GoldDocument]) -> tuple[dict[str, Counter], Counter]:
    """Lower-cased single-token trigger -> event type counts, and every token's frequency."""
    as_trigger: dict[str, Counter] = defaultdict(Counter)
    frequency: Counter = Counter()
    for gold in train:
        frequency.update(t.text.lower() for t in tokenize(gold.document.text))
        for e in gold.events:
            words = tokenize(e.trigger.text)
            if len(words) == 1:
                as_trigger[words[0].text.lower()][e.type] += 1
    return as_trigger, frequency


def longest_matches(tokens: list[Token], lexicon: dict[tuple[str, ...], str]) -> list[tuple[int, int, str]]:
    """Non-overlapping (first token, last token + 1, label), longest match first, left to right."""
    out, i = [], 0
    while i < len(tokens):
        for n in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
            label = lexicon.get(tuple(t.text for t in tokens[i : i + n]))
            if label is not None:
                out.append((i, i + n, label))
                i += n
                break
        else:
            i += 1
    return out
