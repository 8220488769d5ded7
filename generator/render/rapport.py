"""Verantwoordingsrapportages: per gemeente and for the region, per period, as HTML and PDF.

The figures come from `verantwoording.py`; this module arranges them for the
templates (with charts) and renders them through the same pipeline as the DVO.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from generator.render import charts, open_data
from generator.render.dvo_render import Rendered, render_page, with_pdf
from generator.models.gemeente import Gemeente
from generator.models.region import Regio
from generator.render.pdf import PdfAttachment
from generator.load.project import Project
from generator.util.tabular import to_json
from generator.compute.verantwoording import MaatwerkStand, Periode, Regiowaarde, Uitkomst, Verantwoording


def rapport_name(slug: str, periode: str) -> str:
    return f"rapport-{slug}-{periode}"


@dataclass(frozen=True)
class KpiBlok:
    uitkomst: Uitkomst
    regio: Regiowaarde
    punten: list[charts.Punt]
    grafiek: Markup


@dataclass(frozen=True)
class GemeenteRapport:
    titel: str
    regio: Regio
    gemeente: Gemeente
    periode: Periode
    revisie: str
    blokken: list[KpiBlok]
    maatwerk: list[MaatwerkStand]
    maatwerk_budget: Decimal
    maatwerk_besteed: Decimal | None

    @property
    def signaleringen(self) -> list[Uitkomst]:
        return [b.uitkomst for b in self.blokken if b.uitkomst.signalering]


@dataclass(frozen=True)
class RegioBlok:
    regio: Regiowaarde
    grafiek: Markup


@dataclass(frozen=True)
class RegioRapport:
    titel: str
    regio: Regio
    periode: Periode
    revisie: str
    blokken: list[RegioBlok]
    gemeenten: list[Gemeente]

    @property
    def signaleringen(self) -> list[Uitkomst]:
        return [u for b in self.blokken for u in b.regio.uitkomsten if u.signalering]


def gemeente_rapport(v: Verantwoording, slug: str, periode: Periode, revisie: str) -> GemeenteRapport:
    g = v.project.gemeente(slug)
    blokken = []
    for n, (u, r) in enumerate(v.gemeente(slug, periode), 1):
        punten = [charts.Punt(code, streef, real) for code, streef, real in v.reeks(slug, u.indicator.id, periode)]
        if u.nulmeting:
            punten.insert(0, charts.Punt(f"{u.nulmeting.jaar} (nulmeting)", None, u.nulmeting.waarde))
        titel = f"{u.indicator.naam}: realisatie en streefwaarde per periode"
        blokken.append(KpiBlok(u, r, punten, charts.trend(f"grafiek-{n}", titel, punten, u.indicator.eenheid)))
    maatwerk = v.maatwerk(slug, periode.jaar)
    besteed = [m.besteed for m in maatwerk if m.besteed is not None]
    return GemeenteRapport(
        titel=f"Verantwoordingsrapportage {g.naam} {periode.label}",
        regio=v.project.regio,
        gemeente=g,
        periode=periode,
        revisie=revisie,
        blokken=blokken,
        maatwerk=maatwerk,
        maatwerk_budget=sum((m.budget for m in maatwerk), Decimal(0)),
        maatwerk_besteed=sum(besteed, Decimal(0)) if besteed else None,
    )


def regio_rapport(v: Verantwoording, periode: Periode, revisie: str) -> RegioRapport:
    drempels = v.project.regio.rapportage.drempels
    blokken = []
    for n, indicator in enumerate(v.project.indicatoren.indicatoren, 1):
        r = v.regio(indicator.id, periode)
        if not r.uitkomsten:
            continue  # no gemeente reported on it this period
        balken = [charts.Balk(u.gemeente.naam, u.score, u.status) for u in r.uitkomsten]
        titel = f"{indicator.naam}: prestatie per gemeente, {periode.label}"
        blokken.append(RegioBlok(r, charts.scores(f"grafiek-{n}", titel, balken, drempels.op_koers_vanaf, drempels.afwijking_onder)))
    return RegioRapport(
        titel=f"Verantwoordingsrapportage regio {v.project.regio.naam} {periode.label}",
        regio=v.project.regio,
        periode=periode,
        revisie=revisie,
        blokken=blokken,
        gemeenten=v.project.gemeenten,
    )


def _render(project: Project, template: str, doc, rows: list[dict], name: str, *, pdf: bool) -> Rendered:
    html = render_page(project, template, r=doc)
    attachment = PdfAttachment(f"{name}.json", to_json(rows).encode("utf-8"), f"De cijfers van {doc.titel}")
    return with_pdf(project, html, pdf=pdf, datum=doc.periode.einddatum, attachment=attachment)


def render_gemeente(v: Verantwoording, slug: str, periode: Periode, revisie: str, *, pdf: bool = True) -> Rendered:
    doc = gemeente_rapport(v, slug, periode, revisie)
    rows = [open_data.row(b.uitkomst) for b in doc.blokken]
    return _render(v.project, "rapport.html", doc, rows, rapport_name(slug, periode.code), pdf=pdf)


def render_regio(v: Verantwoording, periode: Periode, revisie: str, *, pdf: bool = True) -> Rendered:
    doc = regio_rapport(v, periode, revisie)
    rows = [open_data.regio_row(b.regio) for b in doc.blokken]
    return _render(v.project, "rapport_regio.html", doc, rows, rapport_name("regio", periode.code), pdf=pdf)
