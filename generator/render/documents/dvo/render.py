"""Render one gemeente's DVO to HTML (the reading copy) and PDF (the archival copy)."""

from __future__ import annotations

from generator.load.project import Project
from generator.render.documents.common import Rendered, render_page, with_pdf
from generator.render.documents.dvo.inhoud import attachment_json, controlegetal
from generator.render.documents.dvo.view import build_document
from generator.render.pdf.request import PdfAttachment


def render_dvo(project: Project, slug: str, *, pdf: bool = True) -> Rendered:
    """The DVO shows no source revision: it must stay byte-identical when a realisatie is
    committed. Its version is identified by its content's controlegetal instead."""
    doc = build_document(project, project.gemeente(slug))
    html = render_page(project, "dvo.html", doc=doc, controlegetal=controlegetal(doc))
    attachment = PdfAttachment(f"dvo-{slug}.json", attachment_json(doc), f"Inhoud van de DVO met de gemeente {doc.gemeente}, versie {doc.versie}")
    return with_pdf(project, html, pdf=pdf, datum=doc.datum, attachment=attachment)
