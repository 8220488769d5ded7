"""Financial accountability per gemeente and period (seed 001 §11.5.1), by the DVO's own articles.

What is judged is what the gemeente pays: its bijdrage is its share of the basispakket, the
ingebrachte verplichtingen and the budget of each maatwerkafspraak (compute/bijdrage.py). Each
of those lines is set against what was spent to date, and flagged when it is overschreden (at
any time) or onderbesteed (at year end). The part of the maatwerkbudget that is not allocated
to an afspraak is no part of the bijdrage: it stays with the gemeente and is never judged.

The budget lines come from the DVO version in force at the peildatum (compute/geldende_dvo.py);
what was spent comes from the working data (`besteed`, `maatwerk[].besteed`). Spending on an
afspraak that is not in the DVO in force has no budget: it is shown on its own line.

At year end an `Afrekening` follows from the region's `afrekening` rules, which state what the
DVO's articles on onder- en overbesteding say (who gets the unspent part of an afspraak, who
bears an overrun, whether the verplichtingen are settled at their actual cost). The share of
the basispakket is not settled per gemeente.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.compute import kpi
from generator.compute.rapportperiode import Rapportperiode
from generator.models.budget import budget_gemeente
from generator.models.gemeente import Gemeente, Maatwerkafspraak
from generator.models.region import Afrekenregels

# Budget line statuses.
OVERSCHREDEN, ONDERBESTEED, BINNEN_BUDGET, NIET_OPGEGEVEN = (
    "overschreden",
    "onderbesteed",
    "binnen budget",
    "nog niet opgegeven",
)
ZONDER_AFSPRAAK = "zonder afspraak in de geldende DVO"

# Kinds of budget line.
BASIS, VERPLICHTINGEN, AFSPRAAK, BUITEN_DVO = "basisdienstverlening", "verplichtingen", "afspraak", "buiten de DVO"
ZERO = Decimal(0)


@dataclass(frozen=True)
class Begrotingsregel:
    """One line of what the gemeente pays in a year: its budget in the DVO against what was spent to date."""

    label: str
    budget: Decimal
    besteed: Decimal | None
    status: str
    soort: str = AFSPRAAK

    @property
    def percentage(self) -> Decimal | None:
        if self.besteed is None or self.budget == 0:
            return None
        return self.besteed / self.budget * kpi.HUNDRED

    @property
    def resterend(self) -> Decimal | None:
        return None if self.besteed is None else self.budget - self.besteed


@dataclass(frozen=True)
class Afrekenregel:
    """One line of the yearly afrekening: what the gemeente advanced for it (its budget in the
    bijdrage), what was spent, what the gemeente owes under the articles, and an overrun the
    organisation bears itself."""

    label: str
    soort: str
    bijdrage: Decimal
    besteed: Decimal | None
    verschuldigd: Decimal | None  # None while spending is not known
    ten_laste_organisatie: Decimal  # spending above the budget that the gemeente does not pay
    niet_verrekend: bool = False  # the basispakket: no settlement per gemeente

    @property
    def te_verrekenen(self) -> Decimal | None:
        """bijdrage - verschuldigd: positive is repaid to the gemeente, negative paid extra by it."""
        return None if self.verschuldigd is None else self.bijdrage - self.verschuldigd


@dataclass(frozen=True)
class Afrekening:
    """The settlement of one year: the advances (the bijdrage) against what the gemeente owes."""

    jaar: int
    regels: list[Afrekenregel]
    niet_toegewezen: Decimal  # the part of the maatwerkbudget in no afspraak: stays with the gemeente
    regels_tekst: Afrekenregels

    @property
    def bijdrage(self) -> Decimal:
        return sum((r.bijdrage for r in self.regels), ZERO)

    @property
    def besteed(self) -> Decimal | None:
        return sum_known([r.besteed for r in self.regels])

    @property
    def verschuldigd(self) -> Decimal | None:
        return sum_known([r.verschuldigd for r in self.regels])

    @property
    def te_verrekenen(self) -> Decimal | None:
        """Positive: the organisation repays the gemeente; negative: the gemeente pays extra."""
        return None if self.verschuldigd is None else self.bijdrage - self.verschuldigd

    @property
    def terugbetaling(self) -> Decimal:
        """What the gemeente gets back, summed over the lines that give money back."""
        return sum((r.te_verrekenen for r in self.regels if r.te_verrekenen is not None and r.te_verrekenen > 0), ZERO)

    @property
    def bijbetaling(self) -> Decimal:
        """What the gemeente pays extra, summed over the lines that cost more (a positive amount)."""
        return -sum((r.te_verrekenen for r in self.regels if r.te_verrekenen is not None and r.te_verrekenen < 0), ZERO)

    @property
    def ten_laste_organisatie(self) -> Decimal:
        return sum((r.ten_laste_organisatie for r in self.regels), ZERO)

    @property
    def volledig(self) -> bool:
        return self.verschuldigd is not None

    @property
    def uitkomst(self) -> str:
        """The settlement in words: `terugbetaling aan de gemeente van € 100.900`."""
        from generator.util.formatting import euro

        saldo = self.te_verrekenen
        if saldo is None:
            return "nog niet vast te stellen: niet alle besteding is opgegeven"
        if saldo > 0:
            return f"terugbetaling aan de gemeente van {euro(saldo)}"
        if saldo < 0:
            return f"bijbetaling door de gemeente van {euro(-saldo)}"
        return "niets te verrekenen"


@dataclass(frozen=True)
class Financien:
    """The financial accountability of one gemeente for one period (seed 001 §11.5.1)."""

    gemeente: Gemeente  # as the DVO in force records it
    periode: Rapportperiode
    basisdienstverlening: Begrotingsregel
    verplichtingen: Begrotingsregel
    afspraken: list[Begrotingsregel]  # one per maatwerkafspraak in the DVO in force
    buiten_dvo: list[Begrotingsregel]  # spending on afspraken not in the DVO in force
    maatwerkbudget: Decimal  # beschikbaar - basis - verplichtingen (DVO)
    onderbesteding_vanaf: Decimal
    afrekenregels: Afrekenregels  # of the DVO in force

    @property
    def afrekening(self) -> Afrekening:
        """The year's settlement; meaningful at year end (before it, spending is still partial)."""
        return afrekening(self)

    @property
    def toegewezen(self) -> Decimal:
        """The afspraken' budgets: the maatwerk part of the bijdrage."""
        return sum((a.budget for a in self.afspraken), ZERO)

    @property
    def niet_toegewezen(self) -> Decimal:
        """Not in any afspraak: no part of the bijdrage, stays with the gemeente."""
        return self.maatwerkbudget - self.toegewezen

    @property
    def maatwerk(self) -> Begrotingsregel:
        """All afspraken together (judged like each of them, on what the gemeente pays)."""
        besteed = sum_known([a.besteed for a in self.afspraken])
        return Begrotingsregel(
            "Maatwerkafspraken samen",
            self.toegewezen,
            besteed,
            budget_status(self.toegewezen, besteed, self.periode, self.onderbesteding_vanaf),
        )

    @property
    def totaal(self) -> Begrotingsregel:
        """The bijdrage: basis + verplichtingen + afspraken, against what was spent on them."""
        budget = self.basisdienstverlening.budget + self.verplichtingen.budget + self.toegewezen
        besteed = sum_known([self.basisdienstverlening.besteed, self.verplichtingen.besteed, self.maatwerk.besteed])
        return Begrotingsregel(
            "Bijdrage", budget, besteed, budget_status(budget, besteed, self.periode, self.onderbesteding_vanaf)
        )

    @property
    def regels(self) -> list[Begrotingsregel]:
        return [self.basisdienstverlening, self.verplichtingen, *self.afspraken, *self.buiten_dvo]

    @property
    def signalen(self) -> list[Begrotingsregel]:
        """Lines to flag: over budget at any time, under budget at year end, spending without an afspraak."""
        return [r for r in self.regels if r.status in (OVERSCHREDEN, ONDERBESTEED, ZONDER_AFSPRAAK)]


def sum_known(values: list[Decimal | None]) -> Decimal | None:
    """A total of spending is only a total when every part is known."""
    known = [v for v in values if v is not None]
    if len(known) < len(values):
        return None
    return sum(known, ZERO)


def budget_status(
    budget: Decimal, besteed: Decimal | None, periode: Rapportperiode, onderbesteding_vanaf: Decimal
) -> str:
    if besteed is None:
        return NIET_OPGEGEVEN
    if besteed > budget:
        return OVERSCHREDEN
    if periode.jaareinde and besteed < budget * (kpi.HUNDRED - onderbesteding_vanaf) / kpi.HUNDRED:
        return ONDERBESTEED
    return BINNEN_BUDGET


def _spent(m: Maatwerkafspraak | None, periode: Rapportperiode) -> Decimal | None:
    return m.besteed.get(periode.code) if m is not None else None


def financien(
    dvo: Gemeente, werk: Gemeente, periode: Rapportperiode, drempel: Decimal, regels: Afrekenregels
) -> Financien:
    """The budget lines of a gemeente in `periode`: budgets from `dvo` (the gemeente as the DVO in
    force records it), spending from `werk` (the working data); `drempel`: onderbesteding from this
    percentage; `regels`: the afrekening rules of the DVO in force."""
    budget = budget_gemeente(dvo, periode.jaar)
    besteding = werk.besteed.get(periode.code)

    def regel(label: str, amount: Decimal, spent: Decimal | None, soort: str) -> Begrotingsregel:
        return Begrotingsregel(label, amount, spent, budget_status(amount, spent, periode, drempel), soort)

    basis = regel(
        "Basisdienstverlening (aandeel in de regio)",
        budget.basisdienstverlening,
        besteding.basisdienstverlening if besteding else None,
        BASIS,
    )
    verpl = regel(
        "Verplichtingen", budget.verplichtingen, besteding.verplichtingen if besteding else None, VERPLICHTINGEN
    )
    eigen = {m.id: m for m in werk.maatwerk}
    in_dvo = [m for m in dvo.maatwerk if periode.jaar in m.budget or _spent(eigen.get(m.id), periode) is not None]
    afspraken = [
        regel(m.titel, jaar_budget(m, periode.jaar), _spent(eigen.get(m.id), periode), AFSPRAAK) for m in in_dvo
    ]
    dvo_ids = {m.id for m in in_dvo}
    buiten = [
        Begrotingsregel(m.titel, ZERO, spent, ZONDER_AFSPRAAK if spent else BINNEN_BUDGET, BUITEN_DVO)
        for m in werk.maatwerk
        if m.id not in dvo_ids and (spent := _spent(m, periode))
    ]
    return Financien(dvo, periode, basis, verpl, afspraken, buiten, budget.maatwerkbudget, drempel, regels)


def jaar_budget(m: Maatwerkafspraak, jaar: int) -> Decimal:
    return m.budget.get(jaar, ZERO)


def _afspraak(r: Begrotingsregel, regels: Afrekenregels) -> Afrekenregel:
    if r.besteed is None:
        return Afrekenregel(r.label, r.soort, r.budget, None, None, ZERO)
    over = max(r.besteed - r.budget, ZERO)
    onder = max(r.budget - r.besteed, ZERO)
    verschuldigd = r.budget
    eigen_rekening = ZERO
    if over:
        if regels.overschrijding_maatwerk == "gemeente":
            verschuldigd = r.besteed
        else:
            eigen_rekening = over
    elif onder and regels.onderbesteding_maatwerk == "gemeente":
        verschuldigd = r.besteed
    return Afrekenregel(r.label, r.soort, r.budget, r.besteed, verschuldigd, eigen_rekening)


def _afrekenregel(r: Begrotingsregel, regels: Afrekenregels) -> Afrekenregel:
    if r.soort == BASIS:  # the share is what the gemeente owes; the basispakket's result is the region's
        return Afrekenregel(r.label, r.soort, r.budget, r.besteed, r.budget, ZERO, niet_verrekend=True)
    if r.soort == BUITEN_DVO:  # no part of the bijdrage, so nothing the gemeente owes for it
        return Afrekenregel(r.label, r.soort, ZERO, r.besteed, ZERO, r.besteed or ZERO)
    if r.besteed is None:
        return Afrekenregel(r.label, r.soort, r.budget, None, None, ZERO)
    if r.soort == VERPLICHTINGEN:
        if regels.verplichtingen == "werkelijke kosten":
            return Afrekenregel(r.label, r.soort, r.budget, r.besteed, r.besteed, ZERO)
        # a fixed amount: an overrun is the organisation's, an underspend is not repaid
        return Afrekenregel(r.label, r.soort, r.budget, r.besteed, r.budget, max(r.besteed - r.budget, ZERO))
    return _afspraak(r, regels)


def afrekening(f: Financien) -> Afrekening:
    """The year's settlement under the DVO's articles (`f.afrekenregels`): one line per line of `f.regels`."""
    return Afrekening(
        f.periode.jaar, [_afrekenregel(r, f.afrekenregels) for r in f.regels], f.niet_toegewezen, f.afrekenregels
    )
