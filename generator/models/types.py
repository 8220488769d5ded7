"""Field types with Dutch error messages, shared by all models.

Each type raises PydanticCustomError with a Dutch message that says what was
expected and what was found; the validation stage adds file, line and field.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, WithJsonSchema
from pydantic_core import PydanticCustomError

_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
# The same Dutch notation with cents, or as YAML text (`2.100.000` is no YAML number).
_THOUSANDS_TEXT = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_DUTCH_DECIMAL = re.compile(r"^-?\d+,\d+$")
_EXPONENT = re.compile(r"^[-+]?(\d[\d_]*)?(\.[\d_]*)?[eE][-+]?\d+$")

# Plausibility bounds. No single amount in a DVO comes near a billion euros (the
# largest, a regional participatiebudget, is tens of millions); anything above is
# a typo or an attack, and would only be rounded away by later arithmetic.
MAX_BEDRAG = Decimal(1_000_000_000)
MAX_GETAL = Decimal(10) ** 15  # counts, KPI values: far above any real figure
MAX_SHOWN = 60  # characters of a found value quoted in a message


class FloatText(str):
    """A YAML number kept as its source text: every float, so `529.000` can be
    recognised as a Dutch thousands separator instead of silently becoming 529,
    and an integer too long for Python's int()."""


class StrictModel(BaseModel):
    """Unknown keys are an error: a typo must never be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def shown(value: object) -> str:
    """How a found value is quoted in a message."""
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return "'ja'" if value else "'nee'"
    if isinstance(value, dict):
        return "een blok met sleutels"
    if isinstance(value, list):
        return "een lijst"
    text = str(value)
    if len(text) > MAX_SHOWN:
        return f"'{text[:MAX_SHOWN]}…' ({len(text)} tekens)"
    return f"'{text}'"


def _decimal(value: object, what: str, error: str = "dvo_number") -> Decimal:
    """`error`: the error type when the value is no number at all (dvo_money for an amount)."""
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise PydanticCustomError(error, "verwacht {what}, gevonden {found}", {"what": what, "found": shown(value)})
    number = (
        value
        if isinstance(value, Decimal)
        else Decimal(value)
        if isinstance(value, int)
        else _from_text(value, what, error)
    )
    if not number.is_finite():
        raise PydanticCustomError(error, "verwacht {what}, gevonden {found}", {"what": what, "found": shown(value)})
    if abs(number) >= MAX_GETAL:
        raise PydanticCustomError(
            "dvo_too_large",
            "verwacht {what} van hoogstens 15 cijfers, gevonden {found}",
            {"what": what, "found": shown(value)},
        )
    return number


def _from_text(value: object, what: str, error: str) -> Decimal:
    text = str(value).strip()
    if (isinstance(value, FloatText) and _THOUSANDS.match(text)) or _THOUSANDS_TEXT.match(text):
        raise PydanticCustomError(
            "dvo_thousands",
            "verwacht {what} zonder scheidingsteken voor duizendtallen (schrijf {suggest}), gevonden {found}",
            {"what": what, "suggest": text.replace(".", "").replace(",", "."), "found": shown(value)},
        )
    if _DUTCH_DECIMAL.match(text):
        raise PydanticCustomError(
            "dvo_comma",
            "verwacht {what} met een punt als decimaalteken (schrijf {suggest}), gevonden {found}",
            {"what": what, "suggest": text.replace(",", "."), "found": shown(value)},
        )
    if _EXPONENT.match(text):
        raise PydanticCustomError(
            "dvo_exponent",
            "verwacht {what} voluit geschreven, zonder e-notatie, gevonden {found}",
            {"what": what, "found": shown(value)},
        )
    try:
        return Decimal(text)
    except InvalidOperation:
        raise PydanticCustomError(
            error, "verwacht {what}, gevonden {found}", {"what": what, "found": shown(value)}
        ) from None


def parse_money(value: object) -> Decimal:
    amount = _decimal(value, "een bedrag in euro's", "dvo_money")
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)  # _decimal refused NaN and infinity, whose exponent is a letter
    if exponent < -2:
        raise PydanticCustomError(
            "dvo_cents", "verwacht een bedrag in hele euro's of centen, gevonden {found}", {"found": shown(value)}
        )
    if amount < 0:
        raise PydanticCustomError(
            "dvo_negative", "verwacht een bedrag van 0 of meer, gevonden {found}", {"found": shown(value)}
        )
    if amount >= MAX_BEDRAG:
        raise PydanticCustomError(
            "dvo_implausible",
            "verwacht een bedrag onder € 1 miljard (controleer het aantal nullen), gevonden {found}",
            {"found": shown(value)},
        )
    return amount


def parse_number(value: object) -> Decimal:
    return _decimal(value, "een getal")


def parse_count(value: object) -> int:
    number = _decimal(value, "een geheel aantal")
    if number != number.to_integral_value() or number < 0:
        raise PydanticCustomError(
            "dvo_count", "verwacht een geheel aantal van 0 of meer, gevonden {found}", {"found": shown(value)}
        )
    return int(number)


def parse_percentage(value: object) -> Decimal:
    number = _decimal(value, "een percentage (0 tot en met 100)")
    if not (0 <= number <= 100):
        raise PydanticCustomError(
            "dvo_pct", "verwacht een percentage van 0 tot en met 100, gevonden {found}", {"found": shown(value)}
        )
    return number


def parse_year(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit() or len(str(value)) != 4:
        raise PydanticCustomError(
            "dvo_year", "verwacht een jaartal zoals 2016, gevonden {found}", {"found": shown(value)}
        )
    return int(value)


def _text(value: object) -> str:
    if not isinstance(value, str) or isinstance(value, FloatText):
        raise PydanticCustomError("dvo_text", "verwacht tekst, gevonden {found}", {"found": shown(value)})
    if not value.strip():
        raise PydanticCustomError("dvo_text_empty", "verwacht tekst, gevonden een lege tekst", {})
    return value


def _pattern(regex: str, what: str, error: str):
    """A check that the value is text matching `regex`; `error` is the error type (load/messages.py
    maps it to a code)."""
    compiled = re.compile(regex)

    def check(value: object) -> str:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            raise PydanticCustomError(error, "verwacht {what}, gevonden {found}", {"what": what, "found": shown(value)})
        return value

    return check


# Each type states its JSON Schema for editors (`dvo schema`); the Dutch checks above stay the authority.
_ID_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
_check_id = _pattern(
    _ID_PATTERN, "een id van kleine letters, cijfers en koppeltekens (bijv. 'loonkostensubsidie')", "dvo_id"
)
ID_SCHEMA = {"type": "string", "pattern": f"^{_ID_PATTERN}$"}


def _term_id(value: object) -> str:
    # A vocabulary key may be a number, like category 3 in a catalogue that numbers them.
    return _check_id(str(value) if isinstance(value, int) and not isinstance(value, bool) else value)


Money = Annotated[Decimal, BeforeValidator(parse_money), WithJsonSchema({"type": "number", "minimum": 0})]
Number = Annotated[Decimal, BeforeValidator(parse_number), WithJsonSchema({"type": "number"})]
Count = Annotated[int, BeforeValidator(parse_count), WithJsonSchema({"type": "integer", "minimum": 0})]
Percentage = Annotated[
    Decimal, BeforeValidator(parse_percentage), WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100})
]
Year = Annotated[
    int, BeforeValidator(parse_year), WithJsonSchema({"type": "integer", "minimum": 1000, "maximum": 9999})
]
Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string", "pattern": "\\S"})]
Slug = Annotated[
    str,
    BeforeValidator(
        _pattern(
            _ID_PATTERN, "een slug van kleine letters, cijfers en koppeltekens (bijv. 'west-maas-en-waal')", "dvo_id"
        )
    ),
    WithJsonSchema(ID_SCHEMA),
]
Id = Annotated[str, BeforeValidator(_check_id), WithJsonSchema(ID_SCHEMA)]
# An indicator, or a kengetal of one as "<indicator>.<kengetal>" (models/dimensies.py).
_SERIES_PATTERN = f"{_ID_PATTERN}(\\.{_ID_PATTERN})?"
SeriesId = Annotated[
    str,
    BeforeValidator(
        _pattern(
            _SERIES_PATTERN, "het id van een indicator, of van een kengetal als '<indicator>.<kengetal>'", "dvo_id"
        )
    ),
    WithJsonSchema({"type": "string", "pattern": f"^{_SERIES_PATTERN}$"}),
]
TermId = Annotated[
    str, BeforeValidator(_term_id), WithJsonSchema({"anyOf": [ID_SCHEMA, {"type": "integer", "minimum": 0}]})
]
CbsCode = Annotated[
    str,
    BeforeValidator(
        _pattern(r"GM\d{4}", "een CBS-gemeentecode: 'GM' gevolgd door vier cijfers (bijv. GM0344)", "dvo_cbs")
    ),
    WithJsonSchema({"type": "string", "pattern": "^GM[0-9]{4}$"}),
]
# sha256 of a DVO's content, written by `dvo vastleggen`.
Controlegetal = Annotated[
    str,
    BeforeValidator(
        _pattern(
            r"[0-9a-f]{64}",
            "een controlegetal van 64 tekens (0-9, a-f), zoals 'dvo vastleggen' het schrijft",
            "dvo_controlegetal",
        )
    ),
    WithJsonSchema({"type": "string", "pattern": "^[0-9a-f]{64}$"}),
]

YearMoney = dict[Year, Money]


class _AddedLater:
    """Marks a field added to a model after DVO versions were vastgelegd with it:
    `Annotated[dict[...], ADDED_LATER] = {}`. A DVO's content fingerprint
    (render/documents/dvo/inhoud.py) leaves such a field out while it is empty, so the
    agreements that do not use it keep the controlegetal they were recorded with."""

    def __repr__(self) -> str:
        return "ADDED_LATER"


ADDED_LATER = _AddedLater()


class _Flattened:
    """Marks a dataclass field holding a mapping whose items stand in the DVO's content
    (render/documents/dvo/inhoud.py) as keys of the object itself, not under the field's
    name: `field(metadata={FLATTENED: True})`. The basisdienstverlening's cost lines were
    three fixed fields before they followed the region's functies; flattened, the content of
    the DVO's that were vastgelegd with them keeps its controlegetal."""

    def __repr__(self) -> str:
        return "FLATTENED"


FLATTENED = _Flattened()


def require_order(first: int, last: int, first_name: str, last_name: str) -> None:
    """A period whose end lies before its start is an error, in the model's own words."""
    if last < first:
        raise PydanticCustomError(
            "dvo_period",
            "verwacht {last_name} niet vóór {first_name} ({first}), gevonden {last}",
            {"first_name": first_name, "last_name": last_name, "first": first, "last": last},
        )
