"""Dateline: an evaluation benchmark for entities, events and places in geopolitical news."""

__version__ = "0.1.0"


def load(config: str, split: str, **kwargs):
    """`datasets.Dataset` for one config (documents, entities, events, places) and split."""
    from benchmark.loader import load as _load

    return _load(config, split, **kwargs)
