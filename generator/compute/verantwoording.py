"""The figures of the verantwoordingsrapportages, computed once for the whole region.

`Verantwoording` composes the parts: the periods that have realisaties (rapportperiode.py),
the DVO version each gemeente is measured against in a period (geldende_dvo.py), each
gemeente's and the region's outcome per indicator with its place among the gemeenten
(uitkomsten.py), the signalering (what goes to the escalation body, what was explained,
what was done with last period's escalations) and the financial accountability per budget
line with the year's afrekening (financien.py). Templates, charts and open data only read
what is computed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from generator.compute import kpi, verdelingen
from generator.compute.financien import Financien, financien, sum_known
from generator.compute.geldende_dvo import GeldendeDvo, geldende_dvo, gemeten, opvolger
from generator.compute.herindeling import Herindelingen, herindelingen, samengevoegd
from generator.compute.rapportperiode import Rapportperiode, parse
from generator.compute.uitkomsten import MIN_GEMEENTEN, Regiowaarde, Signaal, Uitkomst
from generator.compute.verdelingen import Verdeling
from generator.load.dvo_versies import DvoVersies, dvo_versies
from generator.load.project import Project
from generator.models import dimensies, periods
from generator.models.catalog import Indicator
from generator.models.dimensies import Reeks
from generator.models.gemeente import Gemeente, PrestatieIndicator
from generator.models.kinds import Kind, kind_for
from generator.models.region import Rapportstatus
from generator.util.errors import NotFound


@dataclass
class Verantwoording:
    project: Project
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def scheme(self) -> str:
        return self.project.regio.rapportage.periode_schema

    @cached_property
    def regel(self) -> kpi.Afwijkingsregel:
        """The region's afwijkingsregel of the working data: for regional figures. A gemeente's
        results are judged by the regel of its DVO in force (`geldende_dvo`)."""
        return kpi.afwijkingsregel(self.project.regio.rapportage.drempels)

    @cached_property
    def versies(self) -> DvoVersies:
        return dvo_versies(self.project)

    def geldende_dvo(self, slug: str, periode: Rapportperiode) -> GeldendeDvo:
        """The DVO the gemeente is measured against in this period (its version in force at the peildatum)."""
        key = ("dvo", slug, periode.code)
        if key not in self._cache:
            nieuw = self.herindelingen.opvolgers.get(slug)
            if nieuw is None:
                self._cache[key] = geldende_dvo(self.versies, slug, periode.einddatum)
            else:  # a rechtsopvolger: its predecessors' DVO's, each as in force on the peildatum
                h = next(h for h in self.project.regio.herindelingen if h.nieuwe_gemeente.slug == slug)
                delen = [self.geldende_dvo(s, periode) for s in h.opgeheven]
                combined = samengevoegd(self.project, h, self.project.opvolgers.get(slug), [d.gemeente for d in delen])
                self._cache[key] = opvolger(delen, combined)
        return self._cache[key]

    def indicatoren(self, slug: str, periode: Rapportperiode) -> list[PrestatieIndicator]:
        """The gemeente's indicators in the period: nulmeting and streefwaarden from its DVO in
        force, realisaties and toelichtingen from the working data."""
        key = ("indicatoren", slug, periode.code)
        if key not in self._cache:
            self._cache[key] = gemeten(self.geldende_dvo(slug, periode).gemeente, self.model(slug))
        return self._cache[key]

    @cached_property
    def herindelingen(self) -> Herindelingen:
        return herindelingen(self.project)

    def gemeenten_in(self, periode: Rapportperiode) -> list[Gemeente]:
        """The gemeenten that exist in the period (after a herindeling: the new one, not the opgeheven)."""
        return self.herindelingen.gemeenten_in(periode.jaar)

    def model(self, slug: str) -> Gemeente:
        """A gemeente of the region, or one a herindeling made (its predecessors' figures combined)."""
        return self.herindelingen.gemeente(slug)

    @cached_property
    def perioden(self) -> list[Rapportperiode]:
        """Every period for which at least one gemeente that then existed has a realisatie, in order."""
        codes = {
            code
            for g in self.herindelingen.alle()
            for p in g.prestatie_indicatoren
            for code in p.realisaties
            if self.herindelingen.bestaat(g.slug, parse(code, self.scheme).jaar)
        }
        return sorted((parse(c, self.scheme) for c in codes), key=lambda p: (p.jaar, p.nummer))

    def rapporteert(self, slug: str, periode: Rapportperiode) -> bool:
        """Whether the gemeente existed in the period, so that it has a report of it."""
        return self.herindelingen.bestaat(slug, periode.jaar)

    def periode(self, code: str) -> Rapportperiode | None:
        return next((p for p in self.perioden if p.code == code), None)

    def vorige(self, periode: Rapportperiode) -> Rapportperiode | None:
        """The previous period of the scheme, when it has a report."""
        return self.periode(periode.vorige().code)

    # --- the judged series: indicators, and kengetallen of split ones (models/dimensies) ---

    def reeksen(self, g: Gemeente, periode: Rapportperiode) -> list[Reeks]:
        """The gemeente's judged series in the period, in the order of its file: its indicators as
        its DVO in force sets them (`indicatoren`), each followed by its kengetallen."""
        key = ("reeksen", g.slug, periode.code)
        if key not in self._cache:
            catalogus = self.project.indicatoren
            self._cache[key] = [r for p in self.indicatoren(g.slug, periode) for r in dimensies.reeksen(catalogus, p)]
        return self._cache[key]

    def series_indicator(self, series_id: str) -> Indicator:
        """The indicator of a series: from the catalogue, or a kengetal built from it."""
        key = ("series", series_id)
        if key not in self._cache:
            parent, _, kengetal_id = series_id.partition(dimensies.SEPARATOR)
            indicator = self.project.indicator(parent)
            if kengetal_id:
                kengetal = indicator.kengetal(kengetal_id)
                dimensie = self.project.indicatoren.dimensie(indicator.dimensie)
                # A series id names a kengetal only for a split indicator (dimensies.reeksen makes it).
                assert dimensie is not None
                indicator = dimensies.kengetal_indicator(indicator, kengetal, dimensie)
            self._cache[key] = indicator
        return self._cache[key]

    def kind(self, indicator_id: str) -> Kind:
        key = ("kind", indicator_id)
        if key not in self._cache:
            indicator = self.series_indicator(indicator_id)
            self._cache[key] = kind_for(indicator, self.project.indicatoren.dimensie(indicator.dimensie))
        return self._cache[key]

    def _uitkomst(self, g: Gemeente, reeks: Reeks, periode: Rapportperiode) -> Uitkomst:
        indicator, p = reeks.indicator, reeks.prestatie
        kind = self.kind(indicator.id)
        regel = self.geldende_dvo(g.slug, periode).regel
        k = kind.koers(p, periode)
        real = p.realisaties.get(periode.code)
        waarde = real.waarde if real else None
        nul = kind.nulmeting_vergelijkbaar(p, periode)
        vorige = kind.vorige_vergelijkbaar(p, periode)
        return Uitkomst(
            gemeente=g,
            indicator=indicator,
            kind=kind,
            prestatie=p,
            periode=periode,
            koers=k,
            realisatie=waarde,
            noemer=real.noemer if real else None,
            percentage=kpi.percentage(waarde, k.waarde) if waarde is not None else None,
            oordeel=kind.beoordeel(regel, waarde, k.waarde),
            toelichting=p.toelichtingen.get(periode.code),
            verschil_nulmeting=waarde - nul if waarde is not None and nul is not None else None,
            verschil_vorige=waarde - vorige if waarde is not None and vorige is not None else None,
            opvolging=p.opvolging.get(periode.code),
            kengetal_van=self.project.indicator(reeks.bron.indicator) if reeks.kengetal else None,
        )

    def regio(self, indicator_id: str, periode: Rapportperiode) -> Regiowaarde:
        key = (indicator_id, periode.code)
        if key not in self._cache:
            self._cache[key] = self._regio(indicator_id, periode)
        return self._cache[key]

    def _regio(self, indicator_id: str, periode: Rapportperiode) -> Regiowaarde:
        indicator = self.series_indicator(indicator_id)
        kind = self.kind(indicator_id)
        raw = [
            self._uitkomst(g, r, periode)
            for g in self.gemeenten_in(periode)
            for r in self.reeksen(g, periode)
            if r.indicator.id == indicator_id
        ]
        reported = [u for u in raw if u.realisatie is not None]
        regionaal = len(reported) >= MIN_GEMEENTEN
        # From one gemeente there is no regional figure: no rank, no regional verdict.
        places = kpi.ranking({u.gemeente.slug: u.oordeel.rangwaarde for u in reported}) if regionaal else {}
        ranked = [replace(u, plaats=places.get(u.gemeente.slug), deelnemers=len(places)) for u in reported]
        realisatie = kpi.regional(
            indicator,
            [kpi.Waarde(u.gemeente.slug, u.realisatie, u.noemer) for u in reported if u.realisatie is not None],
        )
        streef = kpi.regional(indicator, [kpi.Waarde(u.gemeente.slug, u.streefwaarde, u.noemer) for u in reported])
        noemers = [u.noemer for u in reported]
        rapportage = self.project.regio.rapportage
        return Regiowaarde(
            indicator=indicator,
            kind=kind,
            periode=periode,
            uitkomsten=ranked,
            realisatie=realisatie,
            streefwaarde=streef,
            noemer=sum_known(noemers) if indicator.noemer and noemers else None,
            oordeel=kind.beoordeel(self.regel, realisatie, streef) if regionaal else kpi.Oordeel(None, None),
            toelichting=rapportage.toelichtingen.get(indicator_id, {}).get(periode.code),
            opvolging=rapportage.opvolging.get(indicator_id, {}).get(periode.code),
            gemeenten_totaal=len(raw),
        )

    def regiowaarden(self, periode: Rapportperiode) -> list[Regiowaarde]:
        """Every series with at least one realisatie in the period, in catalogue order (an
        indicator, then its kengetallen)."""
        ids = {r.indicator.id for g in self.gemeenten_in(periode) for r in self.reeksen(g, periode)}
        return [
            r
            for i in dimensies.reeks_ids(self.project.indicatoren)
            if i in ids and (r := self.regio(i, periode)).uitkomsten
        ]

    def gemeente(self, slug: str, periode: Rapportperiode) -> list[tuple[Uitkomst, Regiowaarde]]:
        """Each of the gemeente's judged series in this period, with the region's figure beside it."""
        g = self.model(slug)
        rows = []
        for reeks in self.reeksen(g, periode):
            regio = self.regio(reeks.indicator.id, periode)
            own = next((u for u in regio.uitkomsten if u.gemeente.slug == slug), None)
            rows.append((own or self._uitkomst(g, reeks, periode), regio))
        return rows

    # --- signalering ------------------------------------------------------------------

    def _regio_signalen(self, periode: Rapportperiode) -> list[Signaal]:
        naam = f"regio {self.project.regio.naam}"
        return [Signaal(r.indicator, naam, None, r) for r in self.regiowaarden(periode) if r.status == kpi.AFWIJKING]

    def signalen(self, periode: Rapportperiode, slug: str | None = None) -> list[Signaal]:
        """Every afwijking in the period: of one gemeente (or all), then the region's own."""
        slugs = [slug] if slug else [g.slug for g in self.gemeenten_in(periode)]
        own = [
            Signaal(u.indicator, u.gemeente.naam, u, None)
            for s in slugs
            for u, _ in self.gemeente(s, periode)
            if u.status == kpi.AFWIJKING
        ]
        return own + self._regio_signalen(periode)

    def opvolging(self, periode: Rapportperiode, slug: str | None = None) -> list[Signaal]:
        """What went to the escalation body in the previous period: its follow-up is reported now."""
        vorige = self.vorige(periode)
        if vorige is None or (slug is not None and not self.rapporteert(slug, vorige)):
            return []  # a gemeente made by a herindeling: its predecessors' escalations were their own
        return [s for s in self.signalen(vorige, slug) if s.bron.naar_bestuur]

    # --- charts -----------------------------------------------------------------------

    def reeks(
        self, slug: str, indicator_id: str, tot: Rapportperiode
    ) -> list[tuple[Rapportperiode, Decimal, Decimal | None]]:
        """(period, streefwaarde at its end, realisatie) for every period of the DVO; realisaties up to `tot`."""
        g = self.model(slug)
        p = next(r.prestatie for r in self.reeksen(g, tot) if r.indicator.id == indicator_id)
        kind = self.kind(indicator_id)
        delen = periods.SCHEMES[self.scheme][1]
        out = []
        for jaar in self.project.regio.periode.jaren:
            for nummer in range(1, delen + 1):
                periode = Rapportperiode.van(jaar, nummer, self.scheme)
                real = p.realisaties.get(periode.code)
                show = real is not None and (jaar, nummer) <= (tot.jaar, tot.nummer)
                out.append((periode, kind.koers(p, periode).waarde, real.waarde if show and real is not None else None))
        return out

    # --- split indicators (compute/verdelingen.py) ---------------------------------------

    def verdelingen(self, slug: str, periode: Rapportperiode) -> list[Verdeling]:
        """The gemeente's split indicators in this period, in the order of its file."""
        key = ("verdelingen", slug, periode.code)
        if key in self._cache:
            return self._cache[key]
        g = self.model(slug)
        out = []
        for p in g.prestatie_indicatoren:
            indicator = self.project.indicator(p.indicator)
            dimensie = self.project.indicatoren.dimensie(indicator.dimensie)
            if dimensie is not None:
                out.append(verdelingen.verdeling(g, p, indicator, dimensie, periode, self.project.regio.periode.jaren))
        self._cache[key] = out
        return out

    def regio_verdeling(self, indicator_id: str, periode: Rapportperiode) -> Verdeling | None:
        key = ("verdeling", indicator_id, periode.code)
        if key not in self._cache:
            delen = [
                d
                for g in self.gemeenten_in(periode)
                for d in self.verdelingen(g.slug, periode)
                if d.indicator.id == indicator_id
            ]
            self._cache[key] = verdelingen.regionaal(f"regio {self.project.regio.naam}", delen)
        return self._cache[key]

    def regio_verdelingen(self, periode: Rapportperiode) -> list[Verdeling]:
        """Every split indicator with counts per category in the period, in catalogue order."""
        return [
            d for i in self.project.indicatoren.indicatoren if i.dimensie and (d := self.regio_verdeling(i.id, periode))
        ]

    # --- money ------------------------------------------------------------------------

    def financien(self, slug: str, periode: Rapportperiode) -> Financien:
        """Budgets and afrekening rules from the DVO in force, spending from the working data."""
        dvo = self.geldende_dvo(slug, periode)
        drempel = self.project.regio.rapportage.onderbesteding_vanaf
        return financien(dvo.gemeente, self.model(slug), periode, drempel, dvo.afrekenregels)


def rapportstatus(statussen: dict[str, Rapportstatus], periode: Rapportperiode) -> Rapportstatus:
    """A report without a status block is a concept."""
    return statussen.get(periode.code) or Rapportstatus()


REGIO = "regio"  # the region's own report, beside the gemeenten's slugs


@dataclass(frozen=True)
class Bron:
    """What one report is made from: the figures, and for a vastgelegde report its revision."""

    verantwoording: Verantwoording
    revisie: str | None  # the full commit of a vastgelegde report; None: the working data

    @property
    def vastgelegd(self) -> bool:
        return self.revisie is not None

    def periode(self, code: str) -> Rapportperiode:
        """The period in these figures (`dvo validate` checks that a recorded revision reported on it)."""
        found = self.verantwoording.periode(code)
        if found is None:
            raise NotFound(
                f"er is geen verantwoordingsrapportage over '{code}' in de gegevens van revisie "
                f"{(self.revisie or '')[:10]}"
            )
        return found


def statussen(project: Project, naam: str) -> dict[str, Rapportstatus]:
    """The report statuses of a gemeente (its slug) or of the region (REGIO)."""
    from generator.compute.herindeling import herindelingen

    return project.regio.rapportage.rapporten if naam == REGIO else herindelingen(project).gemeente(naam).rapporten


_BIJ_REVISIE: dict[tuple[str, str], Verantwoording] = {}  # (root, commit) -> its figures; a commit never changes


def verantwoording_op(project: Project, revisie: str) -> Verantwoording:
    """The figures as they were at a recorded revision (a vastgelegde report is made from them)."""
    from generator.load.git_revisie import load_at_cached, resolve

    rev = resolve(project.layout.root, revisie)
    key = (str(project.layout.root), rev.hash)
    if key not in _BIJ_REVISIE:
        _BIJ_REVISIE[key] = Verantwoording(load_at_cached(project.layout.root, rev))
    return _BIJ_REVISIE[key]


def bron(v: Verantwoording, naam: str, periode: Rapportperiode) -> Bron:
    """A vastgelegde report is made from the data at its recorded revision, so later realisaties,
    new DVO versions or the working tree's revision never change it; any other from `v`."""
    status = rapportstatus(statussen(v.project, naam), periode)
    if not status.vastgelegd or status.revisie is None:
        return Bron(v, None)
    return Bron(verantwoording_op(v.project, status.revisie), status.revisie)
