"""Render one gemeente's DVO to HTML (the reading copy) and PDF (the archival copy)."""

from __future__ import annotations

from dataclasses import dataclass
from markupsafe import Markup

from generator.render.dvo_document import build_document
from generator.render.dvo_inhoud import attachment_json, controlegetal
from generator.render.pdf import PdfAttachment, PdfRequest
from generator.render.templates import Templates
from generator.load.project import Project
from generator.render.templating import render


@dataclass(frozen=True)
class Rendered:
    html: str
    pdf: bytes | None  # None when rendered with pdf=False
    pdf_request: PdfRequest  # what the PDF is (or would be) made from


def templates(project: Project) -> Templates:
    """The region's overrides, then the package's templates."""
    return Templates.for_layout(project.layout)


def render_page(project: Project, template: str, **context) -> str:
    """A self-contained HTML document: the shared stylesheet is inlined, nothing is linked."""
    found = templates(project)
    css = Markup(found.read_text("static/dvo.css"))
    return render(found.dirs, template, css=css, **context)


def with_pdf(project: Project, html: str, *, pdf: bool, datum, attachment: PdfAttachment) -> Rendered:
    """The reading copy, plus (when asked) its archival PDF with the data attached."""
    request = PdfRequest(html, templates(project).dirs, datum, (attachment,))
    return Rendered(html, request.render() if pdf else None, request)


def render_dvo(project: Project, slug: str, *, pdf: bool = True) -> Rendered:
    """The DVO shows no source revision: it must stay byte-identical when a realisatie is
    committed. Its version is identified by its content's controlegetal instead."""
    doc = build_document(project, project.gemeente(slug))
    html = render_page(project, "dvo.html", doc=doc, controlegetal=controlegetal(doc))
    attachment = PdfAttachment(f"dvo-{slug}.json", attachment_json(doc), f"Inhoud van de DVO met de gemeente {doc.gemeente}, versie {doc.versie}")
    return with_pdf(project, html, pdf=pdf, datum=doc.datum, attachment=attachment)
