"""Attach arguments to predicted triggers by role priors learned from train."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from baselines.lexicon import majority
from baselines.text import sentences
from benchmark.model import GoldDocument
from benchmark.ontology import EVENT_TYPES

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_TIME = re.compile(
    rf"\b(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|{_MONTH} \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} {_MONTH}(?: \d{{4}})?|(?:early|late|last|this|next) (?:week|month|year)|{_MONTH} \d{{4}})\b"
)


def time_expressions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TIME.finditer(text)]


class RolePrior:
    """(event type, filler entity type) -> most frequent role, and which roles repeat."""

    def fit(self, train: list[GoldDocument]) -> None:
        counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
        repeats: Counter = Counter()
        present: Counter = Counter()
        for gold in train:
            types = {m.id: m.type for m in gold.entities}
            for e in gold.events:
                per_role = Counter(a.role for a in e.arguments)
                for role, n in per_role.items():
                    present[(e.type, role)] += 1
                    repeats[(e.type, role)] += n > 1
                for a in e.arguments:
                    if a.mention is not None:
                        counts[(e.type, types[a.mention])][a.role] += 1
        self.role = majority(counts)
        self.repeatable = {k for k, n in present.items() if repeats[k] / n >= 0.3}

    def attach(self, text: str, triggers: list[dict], mentions: list[dict]) -> None:
        """Fill `arguments` of each trigger dict in place from mentions in its sentence."""
        bounds = sentences(text)
        times = time_expressions(text)

        def sentence_of(pos: int) -> tuple[int, int]:
            return next((b for b in bounds if b[0] <= pos < b[1]), (pos, pos + 1))

        for event in triggers:
            t0, t1 = event["trigger"]["start"], event["trigger"]["end"]
            s0, s1 = sentence_of(t0)
            by_role: dict[str, list[tuple[int, dict]]] = defaultdict(list)
            for m in mentions:
                if s0 <= m["start"] and m["end"] <= s1:
                    role = self.role.get((event["type"], m["type"]))
                    if role is not None:
                        distance = max(0, m["start"] - t1, t0 - m["end"])
                        by_role[role].append((distance, m))
            args = []
            for role, found in sorted(by_role.items()):
                found.sort(key=lambda dm: (dm[0], dm[1]["start"]))
                keep = found if (event["type"], role) in self.repeatable else found[:1]
                args += [{"role": role, "start": m["start"], "end": m["end"]} for _, m in keep]
            if EVENT_TYPES[event["type"]].role("Time"):
                in_sentence = [t for t in times if s0 <= t[0] and t[1] <= s1]
                if in_sentence:
                    t = min(in_sentence, key=lambda t: max(0, t[0] - t1, t0 - t[1]))
                    args.append({"role": "Time", "start": t[0], "end": t[1]})
            event["arguments"] = sorted(args, key=lambda a: (a["start"], a["end"], a["role"]))
