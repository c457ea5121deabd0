"""`crf` and `crf-gaz`: learned taggers trained on the train split.

Entities and event triggers are BIO-tagged by two linear-chain CRFs (sklearn-crfsuite; the trigger
tagger also sees how train used each word as a trigger); argument
roles come from a logistic-regression classifier over (trigger, mention) pairs in a sentence;
toponyms are resolved with the document's context (the countries of its other places) before
population. `crf-gaz` adds lexicon features (train names and GeoNames) to the entity tagger.
Training is seeded and deterministic and takes seconds on this corpus.
"""

from __future__ import annotations

import re

from baselines.arguments import time_expressions
from baselines.base import InputDocument, register
from baselines.gazetteer import geonames_names, places_for
from baselines.geocoder import Geocoder
from baselines.lexicon import entity_lexicon, longest_matches, majority, trigger_statistics
from baselines.text import Token, sentences, tokenize
from benchmark.model import GoldDocument
from benchmark.ontology import EVENT_TYPES

C1, C2, MAX_ITERATIONS = 0.01, 0.01, 150  # regularisation chosen on validation


def _shape(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1\1", re.sub("[A-Z]", "X", re.sub("[a-z]", "x", re.sub("[0-9]", "d", word))))


def _token_features(tokens: list[Token], i: int) -> dict[str, object]:
    w = tokens[i].text
    f: dict[str, object] = {
        "bias": 1.0,
        "w": w.lower(),
        "shape": _shape(w),
        "title": w[:1].isupper(),
        "upper": w.isupper(),
        "digit": any(c.isdigit() for c in w),
        "p3": w[:3].lower(),
        "s3": w[-3:].lower(),
        "s2": w[-2:].lower(),
    }
    for offset in (-2, -1, 1, 2):
        j = i + offset
        if 0 <= j < len(tokens):
            f[f"{offset}:w"] = tokens[j].text.lower()
            f[f"{offset}:shape"] = _shape(tokens[j].text)
        else:
            f[f"{offset}:edge"] = True
    if i == 0:
        f["first"] = True
    return f


def _bio(tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * len(tokens)
    for start, end, label in spans:
        inside = [k for k, t in enumerate(tokens) if t.start >= start and t.end <= end]
        for n, k in enumerate(inside):
            tags[k] = ("B-" if n == 0 else "I-") + label
    return tags


def _spans(tokens: list[Token], tags: list[str]) -> list[tuple[int, int, str]]:
    out, current = [], None
    for tok, tag in zip(tokens, tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != tag[2:])):
            if current:
                out.append(current)
            current = [tok.start, tok.end, tag[2:]]
        elif tag.startswith("I-"):
            current[1] = tok.end
        else:
            if current:
                out.append(current)
            current = None
    if current:
        out.append(current)
    return [tuple(s) for s in out]


def _sentences_tokens(text: str) -> list[list[Token]]:
    tokens = tokenize(text)
    out = []
    for s0, s1 in sentences(text):
        sent = [t for t in tokens if s0 <= t.start and t.end <= s1]
        if sent:
            out.append(sent)
    return out


class _Tagger:
    def __init__(self, featurise):
        self.featurise = featurise

    def fit(self, sequences: list[tuple[list[Token], list[str]]]) -> None:
        import sklearn_crfsuite

        self.model = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=C1, c2=C2, max_iterations=MAX_ITERATIONS, all_possible_transitions=True)
        self.model.fit([self.featurise(toks) for toks, _ in sequences], [tags for _, tags in sequences])

    def tag(self, sentences_tokens: list[list[Token]]) -> list[tuple[int, int, str]]:
        if not sentences_tokens:
            return []
        tags = self.model.predict([self.featurise(toks) for toks in sentences_tokens])
        return [span for toks, t in zip(sentences_tokens, tags) for span in _spans(toks, t)]


def _pair_features(event_type: str, trigger: tuple[int, int], mention: dict, text: str, nearest: bool) -> dict[str, object]:
    t0, t1 = trigger
    before = mention["end"] <= t0
    between = text[mention["end"] : t0] if before else text[t1 : mention["start"]]
    words = re.findall(r"[a-z]+", between.lower())
    f: dict[str, object] = {
        "et": event_type,
        "mt": mention["type"],
        "et|mt": f"{event_type}|{mention['type']}",
        "et|mt|dir": f"{event_type}|{mention['type']}|{'L' if before else 'R'}",
        "dist": min(len(words), 10) // 2,
        "nearest": nearest,
        "trigger": text[t0:t1].lower(),
    }
    for w in words[-3:] if before else words[:3]:
        f[f"between:{w}"] = True
    prev = re.findall(r"[a-z]+", text[max(0, mention["start"] - 20) : mention["start"]].lower())
    if prev:
        f["prev"] = prev[-1]
        f[f"et|prev:{prev[-1]}"] = event_type
    return f


class _ArgumentClassifier:
    def _candidates(self, text: str, bounds: list[tuple[int, int]], event_type: str, trigger: tuple[int, int], mentions: list[dict]):
        s0, s1 = next((b for b in bounds if b[0] <= trigger[0] < b[1]), (trigger[0], trigger[1]))
        inside = [m for m in mentions if s0 <= m["start"] and m["end"] <= s1]
        nearest_of_type: dict[str, dict] = {}
        for m in sorted(inside, key=lambda m: max(0, m["start"] - trigger[1], trigger[0] - m["end"])):
            nearest_of_type.setdefault(m["type"], m)
        return [(m, _pair_features(event_type, trigger, m, text, nearest_of_type[m["type"]] is m)) for m in inside]

    def fit(self, train: list[GoldDocument]) -> None:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        X, y = [], []
        for g in train:
            mentions = [{"start": m.start, "end": m.end, "type": m.type} for m in g.entities]
            bounds = sentences(g.document.text)
            for e in g.events:
                roles = {(a.start, a.end): a.role for a in e.arguments if a.mention is not None}
                for m, f in self._candidates(g.document.text, bounds, e.type, (e.trigger.start, e.trigger.end), mentions):
                    X.append(f)
                    y.append(roles.get((m["start"], m["end"]), "NONE"))
        self.vectorizer = DictVectorizer()
        self.model = LogisticRegression(max_iter=2000, C=1.0, random_state=0)
        self.model.fit(self.vectorizer.fit_transform(X), y)

    def attach(self, text: str, events: list[dict], mentions: list[dict]) -> None:
        times = time_expressions(text)
        bounds = sentences(text)
        for e in events:
            trig = (e["trigger"]["start"], e["trigger"]["end"])
            allowed = set(EVENT_TYPES[e["type"]].role_names)
            cands = self._candidates(text, bounds, e["type"], trig, mentions)
            args = []
            if cands:
                labels = self.model.predict(self.vectorizer.transform([f for _, f in cands]))
                args = [{"role": r, "start": m["start"], "end": m["end"]} for (m, _), r in zip(cands, labels) if r in allowed]
            if "Time" in allowed:
                sentence = next((b for b in bounds if b[0] <= trig[0] < b[1]), None)
                near = [t for t in times if sentence and sentence[0] <= t[0] and t[1] <= sentence[1]]
                if near:
                    t = min(near, key=lambda t: max(0, t[0] - trig[1], trig[0] - t[1]))
                    args.append({"role": "Time", "start": t[0], "end": t[1]})
            e["arguments"] = sorted(args, key=lambda a: (a["start"], a["end"], a["role"]))


class CRFBaseline:
    name = "crf"
    tasks = ("entities", "events", "places")
    use_lexicon = False

    def _entity_features(self, tokens: list[Token]) -> list[dict]:
        feats = [_token_features(tokens, i) for i in range(len(tokens))]
        if self.use_lexicon:
            for i, j, label in longest_matches(tokens, self.lexicon):
                for k in range(i, j):
                    feats[k]["lex"] = ("B-" if k == i else "I-") + label
        return feats

    def _trigger_features(self, tokens: list[Token]) -> list[dict]:
        # Longer prefixes stand in for lemmas; the train trigger lexicon says how a word was used.
        feats = []
        for i, tok in enumerate(tokens):
            f = _token_features(tokens, i)
            w = tok.text.lower()
            f["p4"], f["p5"] = w[:4], w[:5]
            if w in self.trigger_type:
                f["trigger_type"] = self.trigger_type[w]
                f["trigger_precision"] = round(self.trigger_precision[w], 1)
            feats.append(f)
        return feats

    def fit(self, train: list[GoldDocument], validation: list[GoldDocument]) -> None:
        if self.use_lexicon:
            self.lexicon = {**geonames_names(), **entity_lexicon(train)}
        as_trigger, frequency = trigger_statistics(train)
        self.trigger_type = majority(as_trigger)
        self.trigger_precision = {w: sum(c.values()) / frequency[w] for w, c in as_trigger.items()}
        self.entity_tagger = _Tagger(self._entity_features)
        self.trigger_tagger = _Tagger(self._trigger_features)
        ent_seqs, trig_seqs = [], []
        for g in train:
            ents = [(m.start, m.end, m.type) for m in g.entities]
            trigs = [(e.trigger.start, e.trigger.end, e.type) for e in g.events]
            for toks in _sentences_tokens(g.document.text):
                ent_seqs.append((toks, _bio(toks, ents)))
                trig_seqs.append((toks, _bio(toks, trigs)))
        self.entity_tagger.fit(ent_seqs)
        self.trigger_tagger.fit(trig_seqs)
        self.arguments = _ArgumentClassifier()
        self.arguments.fit(train)
        self.geocoder = Geocoder(use_context=True)
        self.geocoder.fit(train)

    def predict(self, doc: InputDocument) -> dict:
        sents = _sentences_tokens(doc.text)
        mentions = [{"start": s, "end": e, "type": t} for s, e, t in self.entity_tagger.tag(sents)]
        events = [{"type": t, "trigger": {"start": s, "end": e}, "arguments": []} for s, e, t in self.trigger_tagger.tag(sents) if t in EVENT_TYPES]
        self.arguments.attach(doc.text, events, mentions)
        return {"doc_id": doc.doc_id, "entities": mentions, "events": events, "places": places_for(mentions, doc.text, self.geocoder)}


register("crf")(CRFBaseline)


@register("crf-gaz")
class CRFGazetteerBaseline(CRFBaseline):
    name = "crf-gaz"
    use_lexicon = True


__all__ = ["CRFBaseline", "CRFGazetteerBaseline"]
