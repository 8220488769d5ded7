"""Open decisions: values only a person can fill in, left by `dvo bijwerken` as marked text.

A migration derives what follows from the data. Where nothing follows (the besluit on
which a signatory signs, the region's own threshold for onderbesteding) it writes a
placeholder that says what belongs there: `"IN TE VULLEN: <what>"`. Validation reports
each placeholder as one finding at its line, instead of the type error or missing-field
error the placeholder would otherwise cause; until it is filled in, the region does not
validate (a guess would end up in a signed document).
"""

from __future__ import annotations

from collections.abc import Iterator

MARKER = "IN TE VULLEN"


def placeholder(wat: str) -> str:
    """The text a migration writes where a person must decide: the marker and what to fill in."""
    return f"{MARKER}: {wat}"


def hint_of(value: object) -> str | None:
    """What to fill in, when `value` is a placeholder; else None."""
    if isinstance(value, str) and value.startswith(MARKER):
        return value[len(MARKER) :].lstrip(" :") or "een waarde"
    return None


def open_fields(data: object, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(field path, what to fill in) of every placeholder in parsed YAML data, in document order."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from open_fields(value, loc + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from open_fields(value, loc + (i,))
    else:
        hint = hint_of(data)
        if hint is not None:
            yield loc, hint
