"""Shared output helpers for tables, JSON and CSV (used by budget and verdeling)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Literal

# How a column is aligned (a subset of rich's JustifyMethod).
Justify = Literal["left", "right"]


def json_number(value: Decimal | int):
    """Euros as JSON numbers: integers where whole, otherwise the exact decimal."""
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def plain_row(row: dict) -> dict:
    """A row with its Decimal amounts as JSON numbers; other values unchanged."""
    return {k: json_number(v) if isinstance(v, Decimal) else v for k, v in row.items()}


def to_json(rows: list[dict]) -> str:
    return json.dumps([plain_row(r) for r in rows], ensure_ascii=False, indent=2) + "\n"


# A spreadsheet runs a cell that starts with one of these as a formula
# (=HYPERLINK(...), +cmd|..., @SUM(...)); text from the YAML may start with them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text that a spreadsheet would execute gets a leading apostrophe, so it stays text.

    Only strings: amounts are numbers and keep their minus sign.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: list[dict]) -> str:
    """Comma-separated, dot decimals, a header row: for scripts and spreadsheets alike."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: spreadsheet_safe(v) for k, v in plain_row(r).items()})
    return out.getvalue()


def rich_table_text(
    title: str, columns: list[tuple[str, Justify]], rows: list[list[str]], bold_last: bool = False
) -> str:
    """Render a table with rich to text; columns are (header, 'left'|'right')."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False)
    for header, justify in columns:
        table.add_column(header, justify=justify, no_wrap=True)
    for i, row in enumerate(rows):
        last = bold_last and i == len(rows) - 1
        table.add_row(*row, style="bold" if last else None, end_section=(i == len(rows) - 2 and bold_last))
    buffer = io.StringIO()
    console = Console(file=buffer, width=160, color_system=None, force_terminal=False)
    console.print(table)
    return buffer.getvalue()
