"""What a gemeente pays the Werkbedrijf per year, and the advances (voorschotten) per quarter.

bijdrage = aandeel basisdienstverlening + ingebrachte verplichtingen + maatwerk toegewezen aan afspraken

The part of the maatwerkbudget that is not yet allocated is not paid: it stays with
the gemeente until a wijziging allocates it. The quarterly advances add up exactly
to the bijdrage (largest remainder, in whole euros, or in cents when the bijdrage has cents).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.compute.distribution import largest_remainder
from generator.models.budget import budget_gemeente
from generator.models.gemeente import Gemeente

TERMIJNEN = 4  # one advance per quarter


@dataclass(frozen=True)
class Bijdrage:
    jaar: int
    basisdienstverlening: Decimal
    verplichtingen: Decimal
    maatwerk: Decimal

    @property
    def totaal(self) -> Decimal:
        return self.basisdienstverlening + self.verplichtingen + self.maatwerk

    @property
    def voorschotten(self) -> list[Decimal]:
        return termijnen(self.totaal, TERMIJNEN)


def termijnen(amount: Decimal, parts: int) -> list[Decimal]:
    """`amount` in `parts` as equal as possible; the earlier parts take the odd units."""
    unit = Decimal(1) if amount == amount.to_integral_value() else Decimal("0.01")
    units = int(amount / unit)
    return [n * unit for n in largest_remainder(units, [1] * parts)]


def bijdragen(gemeente: Gemeente, jaren: list[int]) -> list[Bijdrage]:
    out = []
    for j in jaren:
        row = budget_gemeente(gemeente, j)
        out.append(Bijdrage(j, row.basisdienstverlening, row.verplichtingen, gemeente.maatwerk_in(j)))
    return out
