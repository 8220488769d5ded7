"""Render a verantwoordingsrapportage (one gemeente's, or the region's) to HTML and PDF/A."""

from __future__ import annotations

from generator.compute.rapportperiode import Rapportperiode
from generator.compute.verantwoording import REGIO, Verantwoording, bron, rapportstatus, statussen
from generator.load.project import Project
from generator.models.region import Rapportstatus
from generator.render import open_data
from generator.render.documents.common import Rendered, render_page, with_pdf
from generator.render.documents.rapport.view import Rapport, gemeente_rapport, rapport_name, regio_rapport
from generator.render.pdf.request import PdfAttachment
from generator.util.errors import NotFound
from generator.util.tabular import to_json


def _render(project: Project, template: str, doc: Rapport, rows: list[dict], name: str, *, pdf: bool) -> Rendered:
    html = render_page(project, template, r=doc)
    attachment = PdfAttachment(f"{name}.json", to_json(rows).encode("utf-8"), f"De cijfers van {doc.titel}")
    # The PDF's date: its publication date when known, else the peildatum (never the clock).
    datum = doc.status.publicatiedatum or doc.periode.einddatum
    return with_pdf(project, html, pdf=pdf, datum=datum, attachment=attachment)


def render_gemeente(
    v: Verantwoording,
    slug: str,
    periode: Rapportperiode,
    revisie: str,
    *,
    pdf: bool = True,
    vastlegging: Rapportstatus | None = None,
    werk: Project | None = None,
) -> Rendered:
    doc = gemeente_rapport(v, slug, periode, revisie, vastlegging, werk)
    rows = [open_data.row(b.uitkomst) for b in doc.blokken]
    return _render(v.project, "rapport.html", doc, rows, rapport_name(slug, periode.code), pdf=pdf)


def render_regio(
    v: Verantwoording,
    periode: Rapportperiode,
    revisie: str,
    *,
    pdf: bool = True,
    vastlegging: Rapportstatus | None = None,
    werk: Project | None = None,
) -> Rendered:
    doc = regio_rapport(v, periode, revisie, vastlegging, werk)
    rows = [open_data.regio_row(b.regio) for b in doc.blokken]
    return _render(v.project, "rapport_regio.html", doc, rows, rapport_name("regio", periode.code), pdf=pdf)


def render_rapport(v: Verantwoording, naam: str, code: str, revisie: str, *, pdf: bool = True) -> Rendered:
    """The report of a gemeente (its slug) or the region (REGIO) in period `code`, from what it is
    made of: a vastgelegde report from the data at its recorded revision, and then with that
    revision (never '+gewijzigd'); any other from `v`, with the source revision `revisie`."""
    live = v.periode(code)
    if live is None:
        raise NotFound(f"er is geen verantwoordingsrapportage over '{code}'")
    b = bron(v, naam, live)
    periode = b.periode(code)
    vastlegging = rapportstatus(statussen(v.project, naam), live) if b.vastgelegd else None
    label = b.revisie[:10] if b.revisie is not None else revisie
    if naam == REGIO:
        return render_regio(b.verantwoording, periode, label, pdf=pdf, vastlegging=vastlegging, werk=v.project)
    return render_gemeente(b.verantwoording, naam, periode, label, pdf=pdf, vastlegging=vastlegging, werk=v.project)
