"""A KPI's outcome per gemeente and for the region in one reporting period: the streefwaarde
at the peildatum (`Koers`), the realisatie, the changes, the verdict of the afwijkingsregel
(kpi.py) and the signalering that follows from it with the toelichting.

How the streefwaarde at the peildatum, the comparable nulmeting and the previous period follow
from the DVO depends on the indicator's kind (models/kinds.py: stroom, stand, cumulatief, ...);
each outcome carries its kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.compute import kpi
from generator.compute.rapportperiode import Rapportperiode
from generator.models.catalog import Indicator
from generator.models.gemeente import Gemeente, PrestatieIndicator
from generator.models.kinds import Kind, Koers
from generator.models.region import Afwijkingstoelichting, Opvolging

__all__ = ["Koers", "Regiowaarde", "Signaal", "Uitkomst", "signalering"]

# Signalering of an afwijking: explained (accepted cause, accepted by whom and when), an
# explanation that still has to be judged, or none. The last two go to the escalation body.
VERKLAARD, TE_BEOORDELEN, ONVERKLAARD = "verklaard", "verklaring te beoordelen", "onverklaard"
AANVAARDE_OORZAKEN = ("budgetkrimp", "beleidskeuze in de DVO", "demografische of economische ontwikkeling")
BELEIDSKEUZE = "beleidskeuze in de DVO"
# A regional figure needs at least this many gemeenten with a realisatie; from fewer it is
# one gemeente's value, shown as such (no regional label, no rank, no regional afwijking).
MIN_GEMEENTEN = 2


def signalering(status: str | None, toelichting: Afwijkingstoelichting | None) -> str | None:
    if status != kpi.AFWIJKING:
        return None
    if toelichting is None or toelichting.oorzaak not in AANVAARDE_OORZAKEN:
        return ONVERKLAARD
    return VERKLAARD if toelichting.aanvaard is not None else TE_BEOORDELEN


class _Beoordeeld:
    """What a gemeente's result and the region's figure share: the rule's verdict and the
    signalering that follows from it with the toelichting (fields `oordeel`, `toelichting`)."""

    oordeel: kpi.Oordeel
    toelichting: Afwijkingstoelichting | None

    @property
    def score(self) -> Decimal | None:
        return self.oordeel.score

    @property
    def status(self) -> str | None:
        return self.oordeel.status

    @property
    def signalering(self) -> str | None:
        return signalering(self.status, self.toelichting)

    @property
    def naar_bestuur(self) -> bool:
        """Goes to the region's escalation body (seed 001 §10.6)."""
        return self.signalering in (ONVERKLAARD, TE_BEOORDELEN)


@dataclass(frozen=True)
class Uitkomst(_Beoordeeld):
    """One gemeente's result on one indicator in one period."""

    gemeente: Gemeente
    indicator: Indicator
    kind: Kind
    prestatie: PrestatieIndicator
    periode: Rapportperiode
    koers: Koers
    realisatie: Decimal | None
    noemer: Decimal | None
    percentage: Decimal | None  # realisatie / streefwaarde × 100, as is
    oordeel: kpi.Oordeel
    toelichting: Afwijkingstoelichting | None
    verschil_nulmeting: Decimal | None
    verschil_vorige: Decimal | None
    opvolging: Opvolging | None  # given later for an afwijking escalated in this period
    plaats: int | None = None
    deelnemers: int = 0
    kengetal_van: Indicator | None = None  # a kengetal: the split indicator it is computed from

    @property
    def streefwaarde(self) -> Decimal:
        return self.koers.waarde

    @property
    def nulmeting(self):
        return self.prestatie.nulmeting

    @property
    def naam(self) -> str:
        return self.gemeente.naam


@dataclass(frozen=True)
class Regiowaarde(_Beoordeeld):
    """The region's figure for one indicator in one period, over the gemeenten that reported."""

    indicator: Indicator
    kind: Kind
    periode: Rapportperiode
    uitkomsten: list[Uitkomst]  # gemeenten with a realisatie, in region order
    realisatie: Decimal | None
    streefwaarde: Decimal | None
    noemer: Decimal | None  # sum of the noemers, for weighted indicators
    oordeel: kpi.Oordeel
    toelichting: Afwijkingstoelichting | None
    opvolging: Opvolging | None
    gemeenten_totaal: int

    @property
    def regionaal(self) -> bool:
        """A regional figure: built from at least two gemeenten (else it is one gemeente's value)."""
        return len(self.uitkomsten) >= MIN_GEMEENTEN

    @property
    def definitie(self) -> str:
        if self.indicator.regionaal == "som":
            return "de som van de waarden van de gemeenten; de regionale streefwaarde is de som van hun streefwaarden"
        return (
            f"het gemiddelde van de gemeenten gewogen naar {self.indicator.noemer} "
            "(som van waarde × noemer, gedeeld door de som van de noemers); "
            "de regionale streefwaarde is op dezelfde manier gewogen"
        )


@dataclass(frozen=True)
class Signaal:
    """An afwijking in the signalering: of a gemeente (uitkomst) or of the region (regio)."""

    indicator: Indicator
    naam: str  # the gemeente's name, or "regio <naam>"
    uitkomst: Uitkomst | None
    regio: Regiowaarde | None

    @property
    def bron(self) -> Uitkomst | Regiowaarde:
        if self.uitkomst is not None:
            return self.uitkomst
        assert self.regio is not None  # a Signaal has one of the two (Verantwoording.signalen makes them)
        return self.regio

    @property
    def regionaal(self) -> bool:
        return self.regio is not None
