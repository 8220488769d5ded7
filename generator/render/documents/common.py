"""The path every document kind shares: a view model rendered to self-contained HTML, then
(when asked) its archival PDF with the data attached. DVO, reports and wijzigingsoverzicht
all go through `render_page` and `with_pdf`."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.load.project import Project
from generator.render.pdf.request import PdfAttachment, PdfRequest
from generator.render.templating.environment import render
from generator.render.templating.search_path import Templates


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
