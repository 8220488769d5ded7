"""KPI realisation: direction-aware scores, status by thresholds, regional aggregation.

Pure functions (groundwork for the verantwoordingsrapportages of issue 4).

- `percentage`: realisatie as a percentage of the streefwaarde (what the report prints).
- `score`: the same, direction-aware: for "lager is beter" it is streefwaarde / realisatie,
  so a lower realisation scores higher. Status compares the score to the region's thresholds.
- Regional values: counts (`som`) are summed; ratios (`gewogen gemiddelde`) are weighted
  by their denominator (`noemer`), never a plain mean of percentages.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.models.catalog import Indicator
from generator.models.region import Drempels

HUNDRED = Decimal(100)

OP_KOERS, AANDACHTSPUNT, AFWIJKING = "op koers", "aandachtspunt", "afwijking"


def percentage(realisatie: Decimal, streefwaarde: Decimal) -> Decimal | None:
    if streefwaarde == 0:
        return None
    return realisatie / streefwaarde * HUNDRED


def score(indicator: Indicator, realisatie: Decimal, streefwaarde: Decimal) -> Decimal | None:
    """Direction-aware percentage of target: 100 means exactly on target."""
    if indicator.richting == "hoger is beter":
        return percentage(realisatie, streefwaarde)
    if realisatie == 0:
        return None if streefwaarde == 0 else Decimal("Infinity")  # nothing where less is better
    return streefwaarde / realisatie * HUNDRED


def status(value: Decimal | None, drempels: Drempels) -> str | None:
    if value is None:
        return None
    if value >= drempels.op_koers_vanaf:
        return OP_KOERS
    if value >= drempels.afwijking_onder:
        return AANDACHTSPUNT
    return AFWIJKING


@dataclass(frozen=True)
class Waarde:
    """One gemeente's value for an indicator in a period."""

    gemeente: str
    waarde: Decimal
    noemer: Decimal | None = None


class MissingDenominator(ValueError):
    pass


def regional(indicator: Indicator, waarden: list[Waarde]) -> Decimal | None:
    """The region's value: a sum for counts, a denominator-weighted mean for ratios."""
    if not waarden:
        return None
    if indicator.regionaal == "som":
        return sum((w.waarde for w in waarden), Decimal(0))
    missing = [w.gemeente for w in waarden if w.noemer is None]
    if missing:
        raise MissingDenominator(f"noemer ontbreekt voor {', '.join(missing)}")
    total = sum((w.noemer for w in waarden), Decimal(0))
    if total == 0:
        return None
    return sum((w.waarde * w.noemer for w in waarden), Decimal(0)) / total


def ranking(scores: dict[str, Decimal | None]) -> dict[str, int]:
    """Place of each gemeente by direction-aware score (1 = best); equal scores share a place."""
    ordered = sorted((s for s in scores.values() if s is not None), reverse=True)
    return {g: 1 + ordered.index(s) for g, s in scores.items() if s is not None}
