"""Turn pydantic's error model (loc, type, input, ctx) into Dutch findings.

The code of each finding comes from the error's stable `type` (PYDANTIC_CODES):
pydantic's own types and the project's custom ones (models/types.py and the model
validators), grouped by what the user has to fix."""

from __future__ import annotations

import re
import types
import typing

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.load.findings import Finding, field_path
from generator.load.yamlsource import YamlDocument
from generator.models.types import shown
from generator.util.suggest import closest, did_you_mean

# pydantic error type -> finding code (codes.py). Dates are `date_*`/`datetime_*` (see code_for).
PYDANTIC_CODES = {
    "missing": "veld-ontbreekt",
    "extra_forbidden": "veld-onbekend",
    "literal_error": "keuze-ongeldig",
    "bool_type": "keuze-ongeldig",
    "bool_parsing": "keuze-ongeldig",
    "dict_type": "structuur-ongeldig",
    "model_type": "structuur-ongeldig",
    "model_attributes_type": "structuur-ongeldig",
    "list_type": "structuur-ongeldig",
    "tuple_type": "structuur-ongeldig",
    "too_short": "lijst-te-kort",
    "string_type": "tekst-ongeldig",
    "str_type": "tekst-ongeldig",
    "int_type": "getal-ongeldig",
    "int_parsing": "getal-ongeldig",
    "int_from_float": "getal-ongeldig",
    # The project's own types (models/types.py) and model validators.
    "dvo_money": "bedrag-ongeldig",
    "dvo_cents": "bedrag-ongeldig",
    "dvo_number": "getal-ongeldig",
    "dvo_count": "getal-ongeldig",
    "dvo_thousands": "getalnotatie-ongeldig",
    "dvo_comma": "getalnotatie-ongeldig",
    "dvo_exponent": "getalnotatie-ongeldig",
    "dvo_negative": "waarde-buiten-bereik",
    "dvo_implausible": "waarde-buiten-bereik",
    "dvo_too_large": "waarde-buiten-bereik",
    "dvo_pct": "waarde-buiten-bereik",
    "dvo_year": "jaar-ongeldig",
    "dvo_text": "tekst-ongeldig",
    "dvo_text_empty": "tekst-ongeldig",
    "dvo_id": "id-ongeldig",
    "dvo_cbs": "cbs-code-ongeldig",
    "dvo_controlegetal": "controlegetal-ongeldig",
    "dvo_period": "volgorde-ongeldig",
    "dvo_thresholds": "volgorde-ongeldig",
    "dvo_weights": "gewichten-ongeldig",
    "dvo_vastgesteld": "rapportstatus-ongeldig",
    "dvo_grondslag": "grondslag-ongeldig",
    "dvo_teller_en_waarde": "waarde-ongeldig",
    "dvo_geen_waarde": "veld-ontbreekt",
    "dvo_geen_noemer": "noemer-ontbreekt",
    "dvo_noemer_nul": "getal-ongeldig",
    "dvo_waarde": "veld-ontbreekt",
}


def code_for(error_type: str) -> str:
    """The finding code of a pydantic error type; `waarde-ongeldig` for one no model raises today."""
    if error_type in PYDANTIC_CODES:
        return PYDANTIC_CODES[error_type]
    if error_type.startswith(("date", "datetime")):
        return "datum-ongeldig"
    return "waarde-ongeldig"


_QUOTED = re.compile(r"'([^']*)'")
_LIST_HINT = "een lijst (regels die beginnen met '- ')"
_MAP_HINT = "een blok met velden (sleutel: waarde)"


def _expected(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    found = shown(error.get("input"))
    if kind.startswith("dvo_"):
        return error["msg"]
    if kind == "missing":
        return "verplicht veld ontbreekt"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " of ")
        choices = _QUOTED.findall(expected)
        return f"verwacht een van: {expected}; gevonden {found}{did_you_mean(error.get('input'), choices)}"
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


def _pair_typos(errors: list[ErrorDetails]) -> dict[tuple, str]:
    """Unknown key -> the missing required field it is a typo of, per mapping.

    `bronn:` where `bron:` is required is one mistake, not two: it gets one
    message (the unknown field, with the suggestion) and no 'verplicht veld
    ontbreekt' for the same place. A lone unknown key beside a lone missing
    field is taken to be that field too, however different the spelling.
    """
    extra: dict[tuple, list[str]] = {}
    missing: dict[tuple, list[str]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            extra.setdefault(loc[:-1], []).append(str(loc[-1]))
        elif err["type"] == "missing":
            missing.setdefault(loc[:-1], []).append(str(loc[-1]))
    pairs: dict[tuple, str] = {}
    for parent, keys in extra.items():
        left = list(missing.get(parent, []))
        for key in keys:
            match = closest(key, left)
            if match:
                pairs[parent + (key,)] = match
                left.remove(match)
        lone = [k for k in keys if parent + (k,) not in pairs]
        if len(lone) == 1 and len(left) == 1:
            pairs[parent + (lone[0],)] = left[0]
    return pairs


def findings_from(error: ValidationError, doc: YamlDocument, model: type[BaseModel]) -> list[Finding]:
    errors = error.errors(include_url=False)
    pairs = _pair_typos(errors)
    paired_missing = {loc[:-1] + (name,) for loc, name in pairs.items()}
    out = []
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "missing" and loc in paired_missing:
            continue  # reported with the unknown key that stands in its place
        at_key = False
        if loc and loc[-1] == "[key]":
            loc, at_key = loc[:-1], True
        if err["type"] == "extra_forbidden":
            message = (
                f"{field_path(loc)}: {_unknown_field(str(loc[-1]), pairs.get(loc), _allowed_fields(model, loc[:-1]))}"
            )
        else:
            message = f"{field_path(loc)}: {_expected(err)}"
        out.append(
            doc.finding(loc, message, code=code_for(err["type"]), key=at_key or err["type"] == "extra_forbidden")
        )
    return out


def _unknown_field(key: str, missing: str | None, allowed: list[str] | None) -> str:
    listed = f"toegestaan zijn: {', '.join(allowed)}" if allowed else ""
    sentence = listed[:1].upper() + listed[1:]
    if missing:
        return f"onbekend veld; bedoelt u '{missing}'? Dat verplichte veld ontbreekt. {sentence}".rstrip()
    hint = closest(key, allowed or [])
    if hint:
        return f"onbekend veld; bedoelt u '{hint}'? {sentence}".rstrip()
    return "onbekend veld (tikfout?)" + (f"; {listed}" if listed else "")
