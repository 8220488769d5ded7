"""Reporting periods: a year ("2016"), a tertaal ("2016-T2") or a kwartaal ("2016-Q3").

One scheme per region (regio.yaml: rapportage.periode_schema)."""

from __future__ import annotations

import re

SCHEMES = {
    "jaar": (re.compile(r"^(\d{4})$"), 1, "een jaar zoals '2016'"),
    "tertaal": (re.compile(r"^(\d{4})-T([1-3])$"), 3, "een tertaal zoals '2016-T1' (T1 tot en met T3)"),
    "kwartaal": (re.compile(r"^(\d{4})-Q([1-4])$"), 4, "een kwartaal zoals '2016-Q1' (Q1 tot en met Q4)"),
}


def parse_code(text: str, scheme: str) -> tuple[int, int] | None:
    """(year, number within the year), or None when `text` is not of `scheme`."""
    pattern, _, _ = SCHEMES[scheme]
    match = pattern.match(str(text))
    if not match:
        return None
    return int(match.group(1)), int(match.group(2)) if match.lastindex == 2 else 1


def code(year: int, number: int, scheme: str) -> str:
    """The text of a period: `code(2016, 2, "tertaal")` is "2016-T2"."""
    return {"jaar": f"{year}", "tertaal": f"{year}-T{number}", "kwartaal": f"{year}-Q{number}"}[scheme]


def describe(scheme: str) -> str:
    return SCHEMES[scheme][2]
