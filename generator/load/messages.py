"""Turn pydantic's error model (loc, type, input, ctx) into Dutch findings."""

from __future__ import annotations

import types
import typing

from pydantic import BaseModel, ValidationError

from generator.load.findings import Finding, field_path
from generator.models.types import shown
from generator.load.yamlsource import YamlDocument

_LIST_HINT = "een lijst (regels die beginnen met '- ')"
_MAP_HINT = "een blok met velden (sleutel: waarde)"


def _expected(error: dict, allowed: list[str] | None) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    found = shown(error.get("input"))
    if kind.startswith("dvo_"):
        return error["msg"]
    if kind == "missing":
        return "verplicht veld ontbreekt"
    if kind == "extra_forbidden":
        hint = f"; toegestaan zijn: {', '.join(allowed)}" if allowed else ""
        return f"onbekend veld (tikfout?){hint}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"verwacht een van: {expected}; gevonden {found}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"verwacht {_MAP_HINT}, gevonden {found}"
    if kind in ("list_type", "tuple_type"):
        return f"verwacht {_LIST_HINT}, gevonden {found}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"verwacht een datum als JJJJ-MM-DD (bijv. 2015-01-01), gevonden {found}"
    if kind == "too_short":
        return f"verwacht minstens {ctx.get('min_length')} item(s), gevonden {ctx.get('actual_length', 0)}"
    if kind in ("string_type", "str_type"):
        return f"verwacht tekst, gevonden {found}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"verwacht een geheel getal, gevonden {found}"
    if kind in ("bool_type", "bool_parsing"):
        return f"verwacht ja of nee (true/false), gevonden {found}"
    return f"ongeldige waarde {found} ({error['msg']})"


def _unwrap(annotation):
    """Strip Optional/Annotated/list/dict to the model class inside, if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if found is not None:
                return found
        return None
    if origin in (list, dict):
        return _unwrap(typing.get_args(annotation)[-1])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str] | None:
    """The field names allowed in the mapping at `loc` (for 'unknown field' hints)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, str) and part in current.model_fields:
            current = _unwrap(current.model_fields[part].annotation)
        # list indexes and dict keys keep the current element model
    return list(current.model_fields) if current is not None else None


def findings_from(error: ValidationError, doc: YamlDocument, model: type[BaseModel]) -> list[Finding]:
    out = []
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        at_key = False
        if loc and loc[-1] == "[key]":
            loc, at_key = loc[:-1], True
        allowed = _allowed_fields(model, loc[:-1]) if err["type"] == "extra_forbidden" else None
        message = f"{field_path(loc)}: {_expected(err, allowed)}"
        out.append(doc.finding(loc, message, key=at_key or err["type"] == "extra_forbidden"))
    return out
