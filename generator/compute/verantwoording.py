"""The figures of the verantwoordingsrapportages, computed once for the whole region.

Per indicator and period: each gemeente's streefwaarde at the peildatum, realisatie,
changes, direction-aware score, status (by the one afwijkingsregel of kpi.py), place
among the gemeenten, and the region's value; the signalering (what goes to the
escalation body, what was explained, what was done with last period's escalations);
and the financial accountability per budget line. Templates, charts and open data
only read what is computed here.

The streefwaarde at the peildatum follows the indicator's meetwijze (see `koers`):
- stroom:     counted over the year so far; the pro-rata part of the year's target;
- stand:      a value at the peildatum; the koerslijn from last year's target (or the
              nulmeting in the first year) to this year's target, linear per period;
- cumulatief: counted from the start of the DVO; targets are cumulative too, with the
              same linear koerslijn from last year's cumulative target (0 at the start).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from generator.compute import kpi
from generator.models import periods
from generator.models.budget import budget_gemeente
from generator.models.catalog import Indicator
from generator.models.gemeente import Gemeente, Maatwerkafspraak, PrestatieIndicator
from generator.models.region import Afwijkingstoelichting, Opvolging, Rapportstatus
from generator.load.project import Project

# Signalering of an afwijking: explained (accepted cause, accepted by whom and when), an
# explanation that still has to be judged, or none. The last two go to the escalation body.
VERKLAARD, TE_BEOORDELEN, ONVERKLAARD = "verklaard", "verklaring te beoordelen", "onverklaard"
AANVAARDE_OORZAKEN = ("budgetkrimp", "beleidskeuze in de DVO", "demografische of economische ontwikkeling")
BELEIDSKEUZE = "beleidskeuze in de DVO"

# Budget line statuses.
OVERSCHREDEN, ONDERBESTEED, BINNEN_BUDGET, NIET_OPGEGEVEN = "overschreden", "onderbesteed", "binnen budget", "nog niet opgegeven"


@dataclass(frozen=True)
class Periode:
    code: str  # "2016", "2016-T2"
    jaar: int
    nummer: int  # within the year
    delen: int  # periods per year

    @property
    def einddatum(self) -> dt.date:
        """Last day of the period: the report's peildatum (deterministic, never the clock)."""
        month = 12 * self.nummer // self.delen
        first_next = dt.date(self.jaar + (month == 12), month % 12 + 1, 1)
        return first_next - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        if self.delen == 1:
            return str(self.jaar)
        return f"{'tertaal' if self.delen == 3 else 'kwartaal'} {self.nummer} van {self.jaar}"

    @property
    def kort(self) -> str:
        """Within its year: "T2", "Q3"; a year is itself."""
        return self.code.split("-")[1] if self.delen > 1 else self.code

    @property
    def jaareinde(self) -> bool:
        return self.nummer == self.delen

    @property
    def scheme(self) -> str:
        return {1: "jaar", 3: "tertaal", 4: "kwartaal"}[self.delen]

    def vorige(self) -> Periode:
        """The period before this one in the same scheme (across a year boundary)."""
        jaar, nummer = (self.jaar, self.nummer - 1) if self.nummer > 1 else (self.jaar - 1, self.delen)
        return Periode(periods.code(jaar, nummer, self.scheme), jaar, nummer, self.delen)


def parse(code: str, scheme: str) -> Periode:
    jaar, nummer = periods.parse_period(code, scheme)
    return Periode(code, jaar, nummer, periods.SCHEMES[scheme][1])


def _part(start: Decimal, end: Decimal, periode: Periode) -> Decimal:
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


def koers(indicator: Indicator, p: PrestatieIndicator, periode: Periode) -> Koers:
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


def nulmeting_vergelijkbaar(indicator: Indicator, p: PrestatieIndicator, periode: Periode) -> Decimal | None:
    """The nulmeting on the realisatie's basis: a stand as is, a year count for the same part
    of the year; a count since the DVO's start has no comparable nulmeting."""
    if p.nulmeting is None or indicator.meetwijze == "cumulatief":
        return None
    if indicator.meetwijze == "stroom":
        return p.nulmeting.waarde * periode.nummer / periode.delen
    return p.nulmeting.waarde


def vorige_vergelijkbaar(indicator: Indicator, p: PrestatieIndicator, periode: Periode) -> Decimal | None:
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
    periode: Periode
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
    periode: Periode
    uitkomsten: list[Uitkomst]  # gemeenten with a realisatie, in region order
    realisatie: Decimal | None
    streefwaarde: Decimal | None
    noemer: Decimal | None  # sum of the noemers, for weighted indicators
    oordeel: kpi.Oordeel
    toelichting: Afwijkingstoelichting | None
    opvolging: Opvolging | None
    gemeenten_totaal: int

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
    periode: Periode
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


def _sum_known(values: list[Decimal | None]) -> Decimal | None:
    """A total of spending is only a total when every part is known."""
    if any(v is None for v in values):
        return None
    return sum(values, Decimal(0))


def budget_status(budget: Decimal, besteed: Decimal | None, periode: Periode, onderbesteding_vanaf: Decimal) -> str:
    if besteed is None:
        return NIET_OPGEGEVEN
    if besteed > budget:
        return OVERSCHREDEN
    if periode.jaareinde and besteed < budget * (kpi.HUNDRED - onderbesteding_vanaf) / kpi.HUNDRED:
        return ONDERBESTEED
    return BINNEN_BUDGET


@dataclass(frozen=True)
class Signaal:
    """An afwijking in the signalering: of a gemeente (uitkomst) or of the region (regio)."""

    indicator: Indicator
    naam: str  # the gemeente's name, or "regio <naam>"
    uitkomst: Uitkomst | None
    regio: Regiowaarde | None

    @property
    def bron(self) -> Uitkomst | Regiowaarde:
        return self.uitkomst or self.regio

    @property
    def regionaal(self) -> bool:
        return self.regio is not None


@dataclass
class Verantwoording:
    project: Project
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def scheme(self) -> str:
        return self.project.regio.rapportage.periode_schema

    @cached_property
    def regel(self) -> kpi.Afwijkingsregel:
        return kpi.afwijkingsregel(self.project.regio.rapportage.drempels)

    @cached_property
    def perioden(self) -> list[Periode]:
        """Every period for which at least one gemeente has a realisatie, in order."""
        codes = {code for g in self.project.gemeenten for p in g.prestatie_indicatoren for code in p.realisaties}
        return sorted((parse(c, self.scheme) for c in codes), key=lambda p: (p.jaar, p.nummer))

    def periode(self, code: str) -> Periode | None:
        return next((p for p in self.perioden if p.code == code), None)

    def vorige(self, periode: Periode) -> Periode | None:
        """The previous period of the scheme, when it has a report."""
        return self.periode(periode.vorige().code)

    def _uitkomst(self, g: Gemeente, p: PrestatieIndicator, periode: Periode) -> Uitkomst:
        indicator = self.project.indicator(p.indicator)
        k = koers(indicator, p, periode)
        real = p.realisaties.get(periode.code)
        waarde = real.waarde if real else None
        nul = nulmeting_vergelijkbaar(indicator, p, periode)
        vorige = vorige_vergelijkbaar(indicator, p, periode)
        return Uitkomst(
            gemeente=g,
            indicator=indicator,
            prestatie=p,
            periode=periode,
            koers=k,
            realisatie=waarde,
            noemer=real.noemer if real else None,
            percentage=kpi.percentage(waarde, k.waarde) if real else None,
            oordeel=self.regel.beoordeel(indicator.eenheid, indicator.richting, waarde, k.waarde),
            toelichting=p.toelichtingen.get(periode.code),
            verschil_nulmeting=waarde - nul if real and nul is not None else None,
            verschil_vorige=waarde - vorige if real and vorige is not None else None,
            opvolging=p.opvolging.get(periode.code),
        )

    def regio(self, indicator_id: str, periode: Periode) -> Regiowaarde:
        key = (indicator_id, periode.code)
        if key not in self._cache:
            self._cache[key] = self._regio(indicator_id, periode)
        return self._cache[key]

    def _regio(self, indicator_id: str, periode: Periode) -> Regiowaarde:
        indicator = self.project.indicator(indicator_id)
        raw = [
            self._uitkomst(g, p, periode)
            for g in self.project.gemeenten
            for p in g.prestatie_indicatoren
            if p.indicator == indicator_id
        ]
        reported = [u for u in raw if u.realisatie is not None]
        places = kpi.ranking({u.gemeente.slug: u.oordeel.rangwaarde for u in reported})
        ranked = [replace(u, plaats=places.get(u.gemeente.slug), deelnemers=len(places)) for u in reported]
        realisatie = kpi.regional(indicator, [kpi.Waarde(u.gemeente.slug, u.realisatie, u.noemer) for u in reported])
        streef = kpi.regional(indicator, [kpi.Waarde(u.gemeente.slug, u.streefwaarde, u.noemer) for u in reported])
        noemers = [u.noemer for u in reported]
        rapportage = self.project.regio.rapportage
        return Regiowaarde(
            indicator=indicator,
            periode=periode,
            uitkomsten=ranked,
            realisatie=realisatie,
            streefwaarde=streef,
            noemer=_sum_known(noemers) if indicator.noemer and noemers else None,
            oordeel=self.regel.beoordeel(indicator.eenheid, indicator.richting, realisatie, streef),
            toelichting=rapportage.toelichtingen.get(indicator_id, {}).get(periode.code),
            opvolging=rapportage.opvolging.get(indicator_id, {}).get(periode.code),
            gemeenten_totaal=len(raw),
        )

    def regiowaarden(self, periode: Periode) -> list[Regiowaarde]:
        """Every indicator with at least one realisatie in the period, in catalogue order."""
        return [r for i in self.project.indicatoren.indicatoren if (r := self.regio(i.id, periode)).uitkomsten]

    def gemeente(self, slug: str, periode: Periode) -> list[tuple[Uitkomst, Regiowaarde]]:
        """Each of the gemeente's indicators in this period, with the region's figure beside it."""
        g = self.project.gemeente(slug)
        rows = []
        for p in g.prestatie_indicatoren:
            regio = self.regio(p.indicator, periode)
            own = next((u for u in regio.uitkomsten if u.gemeente.slug == slug), None)
            rows.append((own or self._uitkomst(g, p, periode), regio))
        return rows

    # --- signalering ------------------------------------------------------------------

    def _regio_signalen(self, periode: Periode) -> list[Signaal]:
        naam = f"regio {self.project.regio.naam}"
        return [Signaal(r.indicator, naam, None, r) for r in self.regiowaarden(periode) if r.status == kpi.AFWIJKING]

    def signalen(self, periode: Periode, slug: str | None = None) -> list[Signaal]:
        """Every afwijking in the period: of one gemeente (or all), then the region's own."""
        slugs = [slug] if slug else [g.slug for g in self.project.gemeenten]
        own = [
            Signaal(u.indicator, u.gemeente.naam, u, None)
            for s in slugs
            for u, _ in self.gemeente(s, periode)
            if u.status == kpi.AFWIJKING
        ]
        return own + self._regio_signalen(periode)

    def opvolging(self, periode: Periode, slug: str | None = None) -> list[Signaal]:
        """What went to the escalation body in the previous period: its follow-up is reported now."""
        vorige = self.vorige(periode)
        if vorige is None:
            return []
        return [s for s in self.signalen(vorige, slug) if s.bron.naar_bestuur]

    # --- charts -----------------------------------------------------------------------

    def reeks(self, slug: str, indicator_id: str, tot: Periode) -> list[tuple[Periode, Decimal, Decimal | None]]:
        """(period, streefwaarde at its end, realisatie) for every period of the DVO; realisaties up to `tot`."""
        g = self.project.gemeente(slug)
        p = next(p for p in g.prestatie_indicatoren if p.indicator == indicator_id)
        indicator = self.project.indicator(indicator_id)
        delen = periods.SCHEMES[self.scheme][1]
        out = []
        for jaar in self.project.regio.periode.jaren:
            for nummer in range(1, delen + 1):
                periode = Periode(periods.code(jaar, nummer, self.scheme), jaar, nummer, delen)
                real = p.realisaties.get(periode.code)
                show = real is not None and (jaar, nummer) <= (tot.jaar, tot.nummer)
                out.append((periode, koers(indicator, p, periode).waarde, real.waarde if show else None))
        return out

    # --- money ------------------------------------------------------------------------

    def financien(self, slug: str, periode: Periode) -> Financien:
        g = self.project.gemeente(slug)
        drempel = self.project.regio.rapportage.onderbesteding_vanaf
        budget = budget_gemeente(g, periode.jaar)
        besteding = g.besteed.get(periode.code)

        def regel(label: str, amount: Decimal, spent: Decimal | None) -> Begrotingsregel:
            return Begrotingsregel(label, amount, spent, budget_status(amount, spent, periode, drempel))

        basis = regel("Basisdienstverlening (aandeel in de regio)", budget.basisdienstverlening, besteding.basisdienstverlening if besteding else None)
        verpl = regel("Verplichtingen", budget.verplichtingen, besteding.verplichtingen if besteding else None)
        afspraken = [regel(m.titel, m.budget.get(periode.jaar, Decimal(0)), m.besteed.get(periode.code)) for m in _afspraken_in(g.maatwerk, periode.jaar)]
        toegewezen = sum((a.budget for a in afspraken), Decimal(0))
        maatwerk = regel("Maatwerkbudget", budget.maatwerkbudget, _sum_known([a.besteed for a in afspraken]))
        totaal_budget = basis.budget + verpl.budget + maatwerk.budget
        totaal = regel("Totaal", totaal_budget, _sum_known([basis.besteed, verpl.besteed, maatwerk.besteed]))
        return Financien(g, periode, basis, verpl, afspraken, toegewezen, budget.maatwerkbudget - toegewezen, maatwerk, totaal, drempel)


def _afspraken_in(maatwerk: list[Maatwerkafspraak], jaar: int) -> list[Maatwerkafspraak]:
    """The afspraken that have a budget or spending in the year."""
    return [m for m in maatwerk if jaar in m.budget or any(k.startswith(str(jaar)) for k in m.besteed)]


def rapportstatus(statussen: dict[str, Rapportstatus], periode: Periode) -> Rapportstatus:
    """A report without a status block is a concept."""
    return statussen.get(periode.code) or Rapportstatus()
