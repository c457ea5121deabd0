"""Tokens and sentences with character offsets, shared by the baselines."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations ("U.S."), words with inner hyphens or apostrophes ("Hwasong-18", "O'Brien"), the
# possessive "'s" as a token of its own, then any other single character.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|['’]s\b|[^\W_]+(?:[-.][^\W_]+|['’](?!s\b)[^\W_]+)*|\S")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z])|\n+")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Half-open character ranges of sentences: split after . ! ? before a capital, and at newlines."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
