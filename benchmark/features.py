"""Hugging Face `datasets` features generated from the pydantic data model."""

from __future__ import annotations

import types
import typing

from datasets import Features, List, Value
from pydantic import BaseModel

from benchmark.model import ROW_MODELS

_SCALARS = {str: "string", int: "int64", float: "float64", bool: "bool"}


def _feature(annotation: object) -> object:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]  # Optional[X]: datasets values are nullable
        return _feature(inner)
    if origin is typing.Literal:
        (kind,) = {type(a) for a in args}
        return Value(_SCALARS[kind])
    if origin is list:
        return List(_feature(args[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {name: _feature(field.annotation) for name, field in annotation.model_fields.items()}
    return Value(_SCALARS[annotation])


def features_for(config: str) -> Features:
    return Features(_feature(ROW_MODELS[config]))
