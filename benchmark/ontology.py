"""The Dateline ontology: entity types, event types and their roles, place features.

This module is the single source of truth for type and role names. The validator, the
scorer, the dataset card and the guidelines' tables all read from here.
"""

from __future__ import annotations

from dataclasses import dataclass

ENTITY_TYPES: dict[str, str] = {
    "PER": "a named person",
    "ORG": "a named organisation: governments' agencies, armed forces, companies, media, parties",
    "GPE": "a named geo-political entity: country, province, city, with a population and a government",
    "LOC": "a named geographical place without a government: sea, mountain, region, peninsula",
    "FAC": "a named built facility: cosmodrome, port, base, airport, building, bridge",
    "NORP": "a nationality, religious or political group named as such: demonyms (Russian, Korean)",
}

#: Entity types whose mentions are toponyms and so carry a places record.
TOPONYM_TYPES: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})

#: Pseudo-type for argument fillers that are not entity mentions (times, weapons, items).
VALUE = "VALUE"

REALIS: tuple[str, ...] = ("actual", "generic", "other")

PLACE_FEATURES: tuple[str, ...] = (
    "country",
    "admin_region",
    "city",
    "district",
    "facility",
    "region",
    "water",
    "other",
)

READINGS: tuple[str, ...] = ("literal", "associative")

_AGENTS = frozenset({"PER", "ORG", "GPE"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_TIME = frozenset({VALUE})
_THING = frozenset({VALUE})


@dataclass(frozen=True)
class Role:
    name: str
    fillers: frozenset[str]  # entity types allowed, or VALUE
    locative: bool = False  # a role that places the event on the map

    @property
    def takes_value(self) -> bool:
        return VALUE in self.fillers


@dataclass(frozen=True)
class EventType:
    name: str
    description: str
    roles: tuple[Role, ...]

    def role(self, name: str) -> Role | None:
        return next((r for r in self.roles if r.name == name), None)

    @property
    def role_names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.roles)


def _place() -> Role:
    return Role("Place", _PLACES, locative=True)


def _time() -> Role:
    return Role("Time", _TIME)


EVENT_TYPES: dict[str, EventType] = {
    e.name: e
    for e in (
        EventType(
            "Meet",
            "Two or more parties meet face to face: summits, talks, bilateral meetings, receptions.",
            (Role("Participant", _AGENTS), _place(), _time()),
        ),
        EventType(
            "Travel",
            "A person or delegation travels: visits, trips, arrivals, departures, stops en route.",
            (
                Role("Traveler", _AGENTS),
                Role("Origin", _PLACES, locative=True),
                Role("Destination", _PLACES, locative=True),
                _time(),
            ),
        ),
        EventType(
            "WeaponsTest",
            "A missile launch, weapons test or nuclear test not aimed at an adversary.",
            (
                Role("Agent", _AGENTS),
                Role("Weapon", _THING),
                _place(),
                Role("Destination", _PLACES, locative=True),
                _time(),
            ),
        ),
        EventType(
            "SpaceLaunch",
            "A rocket carrying a satellite or spacecraft is launched, whether or not it reaches orbit.",
            (
                Role("Agent", _AGENTS),
                Role("Payload", _THING),
                Role("Vehicle", _THING),
                _place(),
                _time(),
            ),
        ),
        EventType(
            "Attack",
            "A violent act against a target: strikes, shelling, bombing, drone or missile attacks, assaults.",
            (
                Role("Attacker", _AGENTS),
                Role("Target", frozenset({"PER", "ORG", "FAC", VALUE})),
                Role("Instrument", _THING),
                _place(),
                _time(),
            ),
        ),
        EventType(
            "MilitaryExercise",
            "Armed forces hold drills or exercises.",
            (Role("Participant", _AGENTS), _place(), _time()),
        ),
        EventType(
            "Deploy",
            "Troops, ships or military units are sent to or stationed in a place.",
            (
                Role("Agent", _AGENTS),
                Role("Forces", frozenset({"ORG", VALUE})),
                Role("Destination", _PLACES, locative=True),
                _time(),
            ),
        ),
        EventType(
            "ArmsTransfer",
            "Weapons, ammunition or military equipment pass from one party to another.",
            (
                Role("Giver", _AGENTS),
                Role("Recipient", _AGENTS),
                Role("Item", _THING),
                _place(),
                _time(),
            ),
        ),
        EventType(
            "AidTransfer",
            "Non-military aid, money, food, energy or technology passes from one party to another.",
            (
                Role("Giver", _AGENTS),
                Role("Recipient", _AGENTS),
                Role("Item", _THING),
                _place(),
                _time(),
            ),
        ),
        EventType(
            "Sanction",
            "A party imposes, extends or tightens sanctions, export controls or embargoes on another.",
            (Role("Imposer", _AGENTS), Role("Target", _AGENTS), _place(), _time()),
        ),
        EventType(
            "Agreement",
            "Parties sign, conclude, ratify or reach an agreement, treaty, deal or ceasefire.",
            (Role("Party", _AGENTS), _place(), _time()),
        ),
        EventType(
            "Accuse",
            "A party accuses, blames or condemns another for an act.",
            (Role("Accuser", _AGENTS), Role("Accused", _AGENTS), _place(), _time()),
        ),
        EventType(
            "Threaten",
            "A party threatens or warns another of harmful action.",
            (Role("Threatener", _AGENTS), Role("Threatened", _AGENTS), _place(), _time()),
        ),
    )
}


def all_role_names() -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for event_type in EVENT_TYPES.values():
        for role in event_type.roles:
            seen.setdefault(role.name, None)
    return tuple(seen)
