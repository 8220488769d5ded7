"""A KPI's outcome per gemeente and for the region in one reporting period: the streefwaarde
at the peildatum per meetwijze (`koers`), the realisatie, the changes, the verdict of the
afwijkingsregel (kpi.py) and the signalering that follows from it with the toelichting.

The streefwaarde at the peildatum follows the indicator's meetwijze (see `koers`):
- stroom:     counted over the year so far; the pro-rata part of the year's target;
- stand:      a value at the peildatum; the koerslijn from last year's target (or the
              nulmeting in the first year) to this year's target, linear per period;
- cumulatief: counted from the start of the DVO; targets are cumulative too, with the
              same linear koerslijn from last year's cumulative target (0 at the start).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.compute import kpi
from generator.compute.rapportperiode import Rapportperiode
from generator.models.catalog import Indicator
from generator.models.gemeente import Gemeente, PrestatieIndicator
from generator.models.region import Afwijkingstoelichting, Opvolging

# Signalering of an afwijking: explained (accepted cause, accepted by whom and when), an
# explanation that still has to be judged, or none. The last two go to the escalation body.
VERKLAARD, TE_BEOORDELEN, ONVERKLAARD = "verklaard", "verklaring te beoordelen", "onverklaard"
AANVAARDE_OORZAKEN = ("budgetkrimp", "beleidskeuze in de DVO", "demografische of economische ontwikkeling")
BELEIDSKEUZE = "beleidskeuze in de DVO"
# A regional figure needs at least this many gemeenten with a realisatie; from fewer it is
# one gemeente's value, shown as such (no regional label, no rank, no regional afwijking).
MIN_GEMEENTEN = 2


def _part(start: Decimal, end: Decimal, periode: Rapportperiode) -> Decimal:
    """Linear from `start` (previous year end) to `end` (this year end), after `nummer` of `delen` periods."""
    if periode.delen == 1:
        return end
    return start + (end - start) * periode.nummer / periode.delen


@dataclass(frozen=True)
class Koers:
    """The streefwaarde at a peildatum and where it comes from."""

    waarde: Decimal  # what the realisatie is compared with
    jaarwaarde: Decimal  # this year's streefwaarde (from the DVO)
    vanaf: Decimal | None  # the koerslijn's start, None when there is no koerslijn
    vanaf_label: str | None  # "nulmeting 2014", "streefwaarde 2015", "begin van het jaar", "start van de DVO"


def koers(indicator: Indicator, p: PrestatieIndicator, periode: Rapportperiode) -> Koers:
    jaarwaarde = p.streefwaarden[periode.jaar]
    vorig = p.streefwaarden.get(periode.jaar - 1)
    if indicator.meetwijze == "stroom":
        start, label = Decimal(0), "begin van het jaar"
    elif indicator.meetwijze == "cumulatief":
        start, label = (vorig, f"streefwaarde {periode.jaar - 1}") if vorig is not None else (Decimal(0), "start van de DVO")
    elif vorig is not None:
        start, label = vorig, f"streefwaarde {periode.jaar - 1}"
    elif p.nulmeting is not None:
        start, label = p.nulmeting.waarde, f"nulmeting {p.nulmeting.jaar}"
    else:
        # A stand without a starting point: only the year's target itself can be compared.
        return Koers(jaarwaarde, jaarwaarde, None, None)
    return Koers(_part(start, jaarwaarde, periode), jaarwaarde, start, label)


def nulmeting_vergelijkbaar(indicator: Indicator, p: PrestatieIndicator, periode: Rapportperiode) -> Decimal | None:
    """The nulmeting on the realisatie's basis: a stand as is, a year count for the same part
    of the year; a count since the DVO's start has no comparable nulmeting."""
    if p.nulmeting is None or indicator.meetwijze == "cumulatief":
        return None
    if indicator.meetwijze == "stroom":
        return p.nulmeting.waarde * periode.nummer / periode.delen
    return p.nulmeting.waarde


def vorige_vergelijkbaar(indicator: Indicator, p: PrestatieIndicator, periode: Rapportperiode) -> Decimal | None:
    """The previous period's realisatie when it is on the same basis: a count within the year
    restarts at the first period of a new year, so it is not compared across that boundary."""
    if indicator.meetwijze == "stroom" and periode.delen > 1 and periode.nummer == 1:
        return None
    real = p.realisaties.get(periode.vorige().code)
    return real.waarde if real else None


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
