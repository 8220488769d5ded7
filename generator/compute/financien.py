"""Financial accountability per gemeente and period (seed 001 §11.5.1): each budget line of
the DVO against what was spent to date, with over- and onderbesteding flagged."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.compute import kpi
from generator.compute.rapportperiode import Rapportperiode
from generator.models.budget import budget_gemeente
from generator.models.gemeente import Gemeente, Maatwerkafspraak

# Budget line statuses.
OVERSCHREDEN, ONDERBESTEED, BINNEN_BUDGET, NIET_OPGEGEVEN = "overschreden", "onderbesteed", "binnen budget", "nog niet opgegeven"


@dataclass(frozen=True)
class Begrotingsregel:
    """One budget line of a gemeente in a year: the DVO budget against what was spent to date."""

    label: str
    budget: Decimal
    besteed: Decimal | None
    status: str

    @property
    def percentage(self) -> Decimal | None:
        if self.besteed is None or self.budget == 0:
            return None
        return self.besteed / self.budget * kpi.HUNDRED

    @property
    def resterend(self) -> Decimal | None:
        return None if self.besteed is None else self.budget - self.besteed


@dataclass(frozen=True)
class Financien:
    """The financial accountability of one gemeente for one period (seed 001 §11.5.1)."""

    gemeente: Gemeente
    periode: Rapportperiode
    basisdienstverlening: Begrotingsregel
    verplichtingen: Begrotingsregel
    afspraken: list[Begrotingsregel]  # one per maatwerkafspraak
    toegewezen: Decimal  # sum of the afspraken' budgets
    niet_toegewezen: Decimal  # maatwerkbudget - toegewezen
    maatwerk: Begrotingsregel  # the DVO maatwerkbudget against all maatwerk spent
    totaal: Begrotingsregel  # basis + verplichtingen + maatwerkbudget (= beschikbaar)
    onderbesteding_vanaf: Decimal

    @property
    def regels(self) -> list[Begrotingsregel]:
        return [self.basisdienstverlening, self.verplichtingen, *self.afspraken, self.maatwerk, self.totaal]

    @property
    def signalen(self) -> list[Begrotingsregel]:
        """Lines to flag: over budget at any time, under budget at year end."""
        return [r for r in [self.basisdienstverlening, self.verplichtingen, *self.afspraken, self.maatwerk] if r.status in (OVERSCHREDEN, ONDERBESTEED)]


def sum_known(values: list[Decimal | None]) -> Decimal | None:
    """A total of spending is only a total when every part is known."""
    known = [v for v in values if v is not None]
    if len(known) < len(values):
        return None
    return sum(known, Decimal(0))


def budget_status(budget: Decimal, besteed: Decimal | None, periode: Rapportperiode, onderbesteding_vanaf: Decimal) -> str:
    if besteed is None:
        return NIET_OPGEGEVEN
    if besteed > budget:
        return OVERSCHREDEN
    if periode.jaareinde and besteed < budget * (kpi.HUNDRED - onderbesteding_vanaf) / kpi.HUNDRED:
        return ONDERBESTEED
    return BINNEN_BUDGET


def financien(g: Gemeente, periode: Rapportperiode, drempel: Decimal) -> Financien:
    """The budget lines of gemeente `g` in `periode`; `drempel`: onderbesteding from this percentage."""
    budget = budget_gemeente(g, periode.jaar)
    besteding = g.besteed.get(periode.code)

    def regel(label: str, amount: Decimal, spent: Decimal | None) -> Begrotingsregel:
        return Begrotingsregel(label, amount, spent, budget_status(amount, spent, periode, drempel))

    basis = regel("Basisdienstverlening (aandeel in de regio)", budget.basisdienstverlening, besteding.basisdienstverlening if besteding else None)
    verpl = regel("Verplichtingen", budget.verplichtingen, besteding.verplichtingen if besteding else None)
    afspraken = [regel(m.titel, m.budget.get(periode.jaar, Decimal(0)), m.besteed.get(periode.code)) for m in _afspraken_in(g.maatwerk, periode.jaar)]
    toegewezen = sum((a.budget for a in afspraken), Decimal(0))
    maatwerk = regel("Maatwerkbudget", budget.maatwerkbudget, sum_known([a.besteed for a in afspraken]))
    totaal_budget = basis.budget + verpl.budget + maatwerk.budget
    totaal = regel("Totaal", totaal_budget, sum_known([basis.besteed, verpl.besteed, maatwerk.besteed]))
    return Financien(g, periode, basis, verpl, afspraken, toegewezen, budget.maatwerkbudget - toegewezen, maatwerk, totaal, drempel)


def _afspraken_in(maatwerk: list[Maatwerkafspraak], jaar: int) -> list[Maatwerkafspraak]:
    """The afspraken that have a budget or spending in the year."""
    return [m for m in maatwerk if jaar in m.budget or any(k.startswith(str(jaar)) for k in m.besteed)]
