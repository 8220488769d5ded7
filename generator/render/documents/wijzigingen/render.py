"""Build and render a wijzigingsoverzicht: two versions of one gemeente's DVO, as HTML and PDF/A.

The PDF goes through the same pipeline as the DVO (documents.common.with_pdf), so every
post-processing of DVO PDFs applies to it as well.
"""

from __future__ import annotations

import json

from generator.load.project import Project
from generator.render.documents.common import Rendered, render_page, with_pdf
from generator.render.documents.dvo.inhoud import controlegetal, plain
from generator.render.documents.dvo.view import build_document
from generator.render.documents.wijzigingen.vergelijk import Kant, Overzicht, vergelijk
from generator.render.pdf.request import PdfAttachment


def _recorded(oud: Project, nieuw: Project, slug: str, versie: str) -> str | None:
    """The controlegetal `dvo vastleggen` recorded for the old version, wherever it was written down."""
    for project in (nieuw, oud):
        entry = next(
            (w for w in project.gemeente(slug).dvo.wijzigingen if w.versie == versie and w.controlegetal), None
        )
        if entry is not None:
            return entry.controlegetal
    return None


def overzicht(oud: Project, nieuw: Project, slug: str, *, van_bron: str, tot_bron: str) -> Overzicht:
    old_doc = build_document(oud, oud.gemeente(slug))
    new_doc = build_document(nieuw, nieuw.gemeente(slug))

    def kant(doc, bron: str) -> Kant:
        return Kant(doc.versie, doc.datum, doc.status, bron, doc.standaard_versie, controlegetal(doc))

    return vergelijk(
        old_doc,
        new_doc,
        van=kant(old_doc, van_bron),
        tot=kant(new_doc, tot_bron),
        vastgelegd=_recorded(oud, nieuw, slug, old_doc.versie),
    )


def render_overzicht(project: Project, ov: Overzicht, *, pdf: bool = True) -> Rendered:
    """`project`: the current repository (its templates); the overzicht holds both versions."""
    html = render_page(project, "wijzigingen.html", ov=ov)
    data = (json.dumps(plain(ov), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    attachment = PdfAttachment(
        f"wijzigingen-{ov.slug}.json",
        data,
        f"Wijzigingen in de DVO van de gemeente {ov.gemeente}, versie {ov.van.versie} tot {ov.tot.versie}",
    )
    return with_pdf(project, html, pdf=pdf, datum=ov.tot.datum, attachment=attachment)
