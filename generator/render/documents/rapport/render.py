"""Render a verantwoordingsrapportage (one gemeente's, or the region's) to HTML and PDF/A."""

from __future__ import annotations

from generator.load.project import Project
from generator.render import open_data
from generator.render.documents.common import Rendered, render_page, with_pdf
from generator.compute.rapportperiode import Rapportperiode
from generator.compute.verantwoording import Verantwoording
from generator.render.documents.rapport.view import Rapport, gemeente_rapport, rapport_name, regio_rapport
from generator.render.pdf.request import PdfAttachment
from generator.util.tabular import to_json


def _render(project: Project, template: str, doc: Rapport, rows: list[dict], name: str, *, pdf: bool) -> Rendered:
    html = render_page(project, template, r=doc)
    attachment = PdfAttachment(f"{name}.json", to_json(rows).encode("utf-8"), f"De cijfers van {doc.titel}")
    # The PDF's date: its publication date when known, else the peildatum (never the clock).
    datum = doc.status.publicatiedatum or doc.periode.einddatum
    return with_pdf(project, html, pdf=pdf, datum=datum, attachment=attachment)


def render_gemeente(v: Verantwoording, slug: str, periode: Rapportperiode, revisie: str, *, pdf: bool = True) -> Rendered:
    doc = gemeente_rapport(v, slug, periode, revisie)
    rows = [open_data.row(b.uitkomst) for b in doc.blokken]
    return _render(v.project, "rapport.html", doc, rows, rapport_name(slug, periode.code), pdf=pdf)


def render_regio(v: Verantwoording, periode: Rapportperiode, revisie: str, *, pdf: bool = True) -> Rendered:
    doc = regio_rapport(v, periode, revisie)
    rows = [open_data.regio_row(b.regio) for b in doc.blokken]
    return _render(v.project, "rapport_regio.html", doc, rows, rapport_name("regio", periode.code), pdf=pdf)

