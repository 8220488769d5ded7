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


@dataclass(frozen=True)
class Ramingsdeel:
    """One groep in a maatwerkafspraak's meerjarenraming: how many people at which price, per year."""

    groep: str  # its id
    naam: str
    wie: str  # "met tijdelijke ondersteuning"
    aantallen: list[int | None]  # per year of the DVO; None where the afspraak names no number
    prijzen: list[Decimal]  # per person per year (regio.yaml: groepen)
    illustratief: bool

    @property
    def bedragen(self) -> list[Decimal | None]:
        return [None if n is None else p * n for n, p in zip(self.aantallen, self.prijzen, strict=True)]


@dataclass(frozen=True)
class Raming:
    """The meerjarenraming of one maatwerkafspraak (seed 001 §7.5: which people can be served for
    which budget): its parts per groep, and per year their total next to the afspraak's budget."""

    delen: list[Ramingsdeel]
    budget: list[Decimal]  # the afspraak's budget per year

    @property
    def totalen(self) -> list[Decimal | None]:
        """Per year the sum of the parts; None in a year without any number of people."""
        out: list[Decimal | None] = []
        for i in range(len(self.budget)):
            parts = [bedrag for d in self.delen if (bedrag := d.bedragen[i]) is not None]
            out.append(sum(parts, Decimal(0)) if parts else None)
        return out

    @property
    def mensen(self) -> list[int | None]:
        out: list[int | None] = []
        for i in range(len(self.budget)):
            parts = [aantal for d in self.delen if (aantal := d.aantallen[i]) is not None]
            out.append(sum(parts) if parts else None)
        return out

    @property
    def ruimte(self) -> list[Decimal | None]:
        """What the budget leaves after the raming (validation refuses a raming above the budget)."""
        return [None if t is None else b - t for t, b in zip(self.totalen, self.budget, strict=True)]


def raming(regio, afspraak, jaren: list[int]) -> Raming | None:
    """The afspraak's meerjarenraming at the region's prices, or None when it names no groepen."""
    if not afspraak.groepen:
        return None
    delen = []
    for groep in regio.groepen:  # in the region's order
        per_jaar = afspraak.groepen.get(groep.id)
        if per_jaar is None:
            continue
        delen.append(
            Ramingsdeel(
                groep.id,
                groep.naam,
                groep.wie,
                [per_jaar.get(j) for j in jaren],
                [groep.prijs.get(j, Decimal(0)) for j in jaren],
                groep.illustratief,
            )
        )
    return Raming(delen, [afspraak.budget.get(j, Decimal(0)) for j in jaren])
