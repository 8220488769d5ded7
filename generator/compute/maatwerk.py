"""Maatwerk in the DVO: how much of the maatwerkbudget the afspraken use, and what a deelnemer costs.

No euro may go unaccounted: per year the maatwerkbudget splits into the sum of the
afspraken and the part not yet allocated ("nog niet toegewezen").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from generator.models.budget import budget_gemeente
from generator.models.gemeente import Gemeente


@dataclass(frozen=True)
class Toewijzing:
    jaar: int
    maatwerkbudget: Decimal
    toegewezen: Decimal  # the sum of the afspraken' budgets in this year

    @property
    def nog_niet_toegewezen(self) -> Decimal:
        return self.maatwerkbudget - self.toegewezen


def toewijzing(gemeente: Gemeente, jaren: list[int]) -> list[Toewijzing]:
    return [Toewijzing(j, budget_gemeente(gemeente, j).maatwerkbudget, gemeente.maatwerk_in(j)) for j in jaren]


def prijs_per_deelnemer(budget: Decimal, deelnemers: int) -> Decimal:
    """The budget of one year divided by its deelnemers, rounded once to whole euros (half up).

    Only shown, never added up: the totals come from the budgets themselves."""
    if deelnemers < 1:
        raise ValueError("deelnemers must be >= 1")
    return (Decimal(budget) / deelnemers).quantize(Decimal(1), rounding=ROUND_HALF_UP)
