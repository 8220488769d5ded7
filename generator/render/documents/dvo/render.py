"""Render one gemeente's DVO to HTML (the reading copy) and PDF (the archival copy).

A version is rendered from where it is recorded (load/dvo_versies.py): a vastgestelde or
ondertekende version with a recorded revision from the data at that revision, so a later
change of the standaardbepalingen or of a draft does not change it; any other from the
working tree.
"""

from __future__ import annotations

from generator.load.dvo_versies import DvoVersie, dvo_versies
from generator.load.project import Project
from generator.render.documents.common import Rendered, render_page, with_pdf
from generator.render.documents.dvo.inhoud import attachment_json, controlegetal, inhoud
from generator.render.documents.dvo.view import DvoDocument, build_document
from generator.render.pdf.request import PdfAttachment


def versie_van(project: Project, slug: str, versie: str | None = None) -> DvoVersie:
    """The current version (None), or the version with this file-name part (`1.0`)."""
    versies = dvo_versies(project)
    if versie is None:
        return versies.huidig(slug)
    return next(v for v in versies.versies(slug) if v.bestandsnaam == versie)


def document(project: Project, slug: str, versie: str | None = None) -> DvoDocument:
    """The view model of a version, from where that version is recorded."""
    versies = dvo_versies(project)
    v = versie_van(project, slug, versie)
    return build_document(versies.project_van(v), versies.gemeente_van(v))


def render_dvo(project: Project, slug: str, *, versie: str | None = None, pdf: bool = True) -> Rendered:
    """The DVO shows no source revision: it must stay byte-identical when a realisatie is
    committed. Its version is identified by its content's controlegetal instead."""
    doc = document(project, slug, versie)
    content = inhoud(doc)  # once: the controlegetal and the attachment are both made of it
    html = render_page(project, "dvo.html", doc=doc, controlegetal=controlegetal(doc, content))
    attachment = PdfAttachment(
        f"dvo-{slug}.json",
        attachment_json(doc, content),
        f"Inhoud van de DVO met de gemeente {doc.gemeente}, versie {doc.versie}",
    )
    return with_pdf(project, html, pdf=pdf, datum=doc.datum, attachment=attachment)
