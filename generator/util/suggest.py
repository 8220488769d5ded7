"""'Bedoelt u ...?': the closest known name to a misspelt one, for error messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# Close enough to be a typo ('groningn' -> 'groningen'), far enough to stay silent
# for a genuinely different name ('geluk' is not 'uitstroom-werk').
CUTOFF = 0.75


def closest(value: object, known: Iterable[object]) -> str | None:
    """The known name most like `value`, or None when none is close."""
    names = [str(k) for k in known]
    text = str(value)
    if text in names:
        return None
    # Case differences are always a typo worth naming ('Groningen' for 'groningen').
    by_case = [n for n in names if n.lower() == text.lower()]
    if by_case:
        return by_case[0]
    found = difflib.get_close_matches(text, names, n=1, cutoff=CUTOFF)
    if found:
        return found[0]
    # A shortened name ('beleidskeuze' for 'beleidskeuze in de DVO'), when only one fits.
    longer = [n for n in names if len(text) >= 4 and n.startswith(text)]
    return longer[0] if len(longer) == 1 else None


def did_you_mean(value: object, known: Iterable[object]) -> str:
    """`; bedoelt u 'groningen'?`, or an empty string when nothing is close."""
    match = closest(value, known)
    return f"; bedoelt u '{match}'?" if match else ""
