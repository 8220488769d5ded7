"""Dutch formatting of amounts, numbers and dates, done by babel (locale nl_NL)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, parse_pattern

LOCALE = "nl_NL"
# Parsed once: babel parses a locale name or a pattern text again on every call,
# which was half the time of rendering a report's HTML.
_LOCALE = Locale.parse(LOCALE)


@lru_cache(maxsize=64)
def _pattern(text: str):
    return parse_pattern(text)


# A document shows the same figures many times, and a build shows them in many documents:
# each text is made once per process. Keyed by the value's type and its exact text, so
# Decimal("1.50"), Decimal("1.5") and 1.5 are never taken for one another.
_MADE: dict[tuple, str] = {}
_MADE_LIMIT = 65_536  # about 10 MB of short strings; beyond it texts are made each time


def _once(key: tuple, make) -> str:
    text = _MADE.get(key)
    if text is None:
        text = make()
        if len(_MADE) < _MADE_LIMIT:
            _MADE[key] = text
    return text


def _euro(amount: Decimal) -> str:
    whole = amount == amount.to_integral_value()
    pattern = "¤ #,##0;¤ -#,##0" if whole else "¤ #,##0.00;¤ -#,##0.00"
    return format_currency(amount, "EUR", locale=_LOCALE, format=_pattern(pattern), currency_digits=False)


def _number(value: Decimal | int | float, decimals: int | None) -> str:
    if decimals is not None:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=_pattern(pattern), locale=_LOCALE)
    return format_decimal(value, locale=_LOCALE)


def euro(amount: Decimal | int, *, nbsp: bool = False) -> str:
    """`€ 1.004.000`; cents only when the amount has them (`€ 12,50`)."""
    text = _once(("euro", type(amount), str(amount)), lambda: _euro(Decimal(amount)))
    return text.replace(" ", "\u00a0") if nbsp else text


def number(value: Decimal | int | float, *, decimals: int | None = None) -> str:
    """`1.234`, `37,5`; with `decimals`, exactly that many digits."""
    return _once(("getal", type(value), str(value), decimals), lambda: _number(value, decimals))


def percentage(value: Decimal | int, *, decimals: int = 1) -> str:
    """A value already in percent (87.5) as `87,5%`."""
    return number(value, decimals=decimals) + "%"


def date_long(value: dt.date) -> str:
    """`1 oktober 2014`."""
    return format_date(value, format="long", locale=_LOCALE)


MINUS = "\u2212"


def sign(value: Decimal) -> str:
    """The sign of a change as a reader writes it: "+", "−" (a real minus) or "±" for none."""
    return "+" if value > 0 else MINUS if value < 0 else "±"


def signed(value: Decimal, decimals: int) -> str:
    """ "+0,2", "−1,4"; a value that rounds to zero is "±0,0", never "−0,0"."""
    shown = number(abs(value), decimals=decimals)
    if value.quantize(Decimal(1).scaleb(-decimals)) == 0:
        return "±" + shown
    return ("+" if value > 0 else MINUS) + shown


def file_size(size: int) -> str:
    """`412 kB`, `1,2 MB` (decimal units, as on government download links)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{number(Decimal(size) / 1_000_000, decimals=1)} MB"


_TELWOORDEN = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")


def telwoord(n: int) -> str:
    """A small count in words, as Dutch prose writes it ("drie gemeenten"); larger ones in digits."""
    return _TELWOORDEN[n] if 0 <= n < len(_TELWOORDEN) else number(n)


def opsomming(parts: list[str]) -> str:
    """'a', 'a en b', 'a, b en c': a Dutch enumeration in running text."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def in_zin(naam: str) -> str:
    """A name written as a label ('Werkgeversdienstverlening') as it reads inside a sentence: its
    first letter small when the word goes on in small letters; 'UWV-loket' keeps its capitals."""
    return naam[:1].lower() + naam[1:] if naam[1:2].islower() else naam
