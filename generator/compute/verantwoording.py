"""The figures of the verantwoordingsrapportages, computed once for the whole region.

Per indicator and period: each gemeente's streefwaarde, realisatie, direction-aware
score, status and place among the gemeenten, and the region's value. Templates,
charts and open data only read what is computed here.

Periods shorter than a year (tertaal, kwartaal) are read as cumulative to date:
a count (`som`) is compared with the pro-rata part of the year's streefwaarde,
a ratio with the year's streefwaarde itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from generator.compute import kpi

from generator.models import periods
from generator.models.catalog import Indicator
from generator.models.gemeente import Afwijkingstoelichting, Gemeente, Maatwerkafspraak, Nulmeting, PrestatieIndicator
from generator.load.project import Project

VERKLAARD, ONVERKLAARD = "verklaard", "onverklaard"


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


def parse(code: str, scheme: str) -> Periode:
    jaar, nummer = periods.parse_period(code, scheme)
    return Periode(code, jaar, nummer, periods.SCHEMES[scheme][1])


def period_target(indicator: Indicator, jaarwaarde: Decimal, periode: Periode) -> Decimal:
    if indicator.regionaal == "som" and periode.delen > 1:
        return jaarwaarde * periode.nummer / periode.delen
    return jaarwaarde


@dataclass(frozen=True)
class Uitkomst:
    """One gemeente's result on one indicator in one period."""

    gemeente: Gemeente
    indicator: Indicator
    prestatie: PrestatieIndicator
    periode: Periode
    streefwaarde: Decimal
    realisatie: Decimal | None
    noemer: Decimal | None
    percentage: Decimal | None  # realisatie / streefwaarde × 100, as is
    score: Decimal | None  # direction-aware: 100 = on target, higher = better
    status: str | None
    toelichting: Afwijkingstoelichting | None
    plaats: int | None = None
    deelnemers: int = 0

    @property
    def nulmeting(self) -> Nulmeting | None:
        return self.prestatie.nulmeting

    @property
    def signalering(self) -> str | None:
        """Deviations go to the bestuurscommissie Werk unless an accepted cause explains them."""
        if self.status != kpi.AFWIJKING:
            return None
        return VERKLAARD if self.toelichting and self.toelichting.oorzaak else ONVERKLAARD


@dataclass(frozen=True)
class Regiowaarde:
    """The region's figure for one indicator in one period, over the gemeenten that reported."""

    indicator: Indicator
    periode: Periode
    uitkomsten: list[Uitkomst]  # gemeenten with a realisatie, in region order
    realisatie: Decimal | None
    streefwaarde: Decimal | None
    score: Decimal | None
    status: str | None
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
class MaatwerkStand:
    afspraak: Maatwerkafspraak
    budget: Decimal
    besteed: Decimal | None

    @property
    def percentage(self) -> Decimal | None:
        if self.besteed is None or self.budget == 0:
            return None
        return self.besteed / self.budget * kpi.HUNDRED


@dataclass
class Verantwoording:
    project: Project
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def scheme(self) -> str:
        return self.project.regio.rapportage.periode_schema

    @cached_property
    def perioden(self) -> list[Periode]:
        """Every period for which at least one gemeente has a realisatie, in order."""
        codes = {code for g in self.project.gemeenten for p in g.prestatie_indicatoren for code in p.realisaties}
        return sorted((parse(c, self.scheme) for c in codes), key=lambda p: (p.jaar, p.nummer))

    def periode(self, code: str) -> Periode | None:
        return next((p for p in self.perioden if p.code == code), None)

    def _uitkomst(self, g: Gemeente, p: PrestatieIndicator, periode: Periode) -> Uitkomst:
        indicator = self.project.indicator(p.indicator)
        target = period_target(indicator, p.streefwaarden[periode.jaar], periode)
        real = p.realisaties.get(periode.code)
        waarde = real.waarde if real else None
        score = kpi.score(indicator, waarde, target) if real else None
        return Uitkomst(
            gemeente=g,
            indicator=indicator,
            prestatie=p,
            periode=periode,
            streefwaarde=target,
            realisatie=waarde,
            noemer=real.noemer if real else None,
            percentage=kpi.percentage(waarde, target) if real else None,
            score=score,
            status=kpi.status(score, self.project.regio.rapportage.drempels),
            toelichting=p.toelichtingen.get(periode.code),
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
        places = kpi.ranking({u.gemeente.slug: u.score for u in reported})
        ranked = [replace(u, plaats=places.get(u.gemeente.slug), deelnemers=len(places)) for u in reported]
        realisatie = kpi.regional(indicator, [kpi.Waarde(u.gemeente.slug, u.realisatie, u.noemer) for u in reported])
        streef = kpi.regional(indicator, [kpi.Waarde(u.gemeente.slug, u.streefwaarde, u.noemer) for u in reported])
        score = kpi.score(indicator, realisatie, streef) if realisatie is not None and streef is not None else None
        return Regiowaarde(
            indicator=indicator,
            periode=periode,
            uitkomsten=ranked,
            realisatie=realisatie,
            streefwaarde=streef,
            score=score,
            status=kpi.status(score, self.project.regio.rapportage.drempels),
            gemeenten_totaal=len(raw),
        )

    def gemeente(self, slug: str, periode: Periode) -> list[tuple[Uitkomst, Regiowaarde]]:
        """Each of the gemeente's indicators in this period, with the region's figure beside it."""
        g = self.project.gemeente(slug)
        rows = []
        for p in g.prestatie_indicatoren:
            regio = self.regio(p.indicator, periode)
            own = next((u for u in regio.uitkomsten if u.gemeente.slug == slug), None)
            rows.append((own or self._uitkomst(g, p, periode), regio))
        return rows

    def reeks(self, slug: str, indicator_id: str, tot: Periode) -> list[tuple[str, Decimal | None, Decimal | None]]:
        """(period, streefwaarde, realisatie) for every period of the DVO; realisaties up to `tot`."""
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
                out.append((periode.code, period_target(indicator, p.streefwaarden[jaar], periode), real.waarde if show else None))
        return out

    def maatwerk(self, slug: str, jaar: int) -> list[MaatwerkStand]:
        g = self.project.gemeente(slug)
        return [
            MaatwerkStand(m, m.budget.get(jaar, Decimal(0)), m.besteed.get(jaar))
            for m in g.maatwerk
        ]

