"""Render one gemeente's DVO to HTML (the reading copy) and PDF (the archival copy)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from markupsafe import Markup

from generator.models.budget import budget_gemeente
from generator.render.dvo_document import build_document
from generator.render.pdf import PdfAttachment, PdfRequest
from generator.render.templates import Templates
from generator.load.project import Project
from generator.util.tabular import plain_row
from generator.render.templating import render


@dataclass(frozen=True)
class Rendered:
    html: str
    pdf: bytes | None  # None when rendered with pdf=False
    pdf_request: PdfRequest  # what the PDF is (or would be) made from


def templates(project: Project) -> Templates:
    """The region's overrides, then the package's templates."""
    return Templates.for_layout(project.layout)


# The DVO is the agreement. Realisaties, their toelichtingen and what maatwerk has spent
# are accountability over it (the reports and the open data carry them), so entering
# them later does not change the archival PDF of an agreement, signed or not.
VERANTWOORDING = {
    "prestatie_indicatoren": {"__all__": {"realisaties", "toelichtingen"}},
    "maatwerk": {"__all__": {"besteed"}},
}


def gemeente_json(project: Project, slug: str) -> bytes:
    """The validated agreement data of the gemeente plus its computed budget, for the PDF attachment."""
    gemeente = project.gemeente(slug)
    budget = [plain_row(budget_gemeente(gemeente, j).as_dict()) for j in project.regio.periode.jaren]
    data = {"gemeente": gemeente.model_dump(mode="json", exclude=VERANTWOORDING), "budget": budget}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_page(project: Project, template: str, **context) -> str:
    """A self-contained HTML document: the shared stylesheet is inlined, nothing is linked."""
    found = templates(project)
    css = Markup(found.read_text("static/dvo.css"))
    return render(found.dirs, template, css=css, **context)


def with_pdf(project: Project, html: str, *, pdf: bool, datum, attachment: PdfAttachment) -> Rendered:
    """The reading copy, plus (when asked) its archival PDF with the data attached."""
    request = PdfRequest(html, templates(project).dirs, datum, (attachment,))
    return Rendered(html, request.render() if pdf else None, request)


def render_dvo(project: Project, slug: str, revisie: str, *, pdf: bool = True) -> Rendered:
    doc = build_document(project, project.gemeente(slug), revisie)
    html = render_page(project, "dvo.html", doc=doc)
    attachment = PdfAttachment(f"dvo-{slug}.json", gemeente_json(project, slug), f"Gevalideerde gegevens van de gemeente {doc.gemeente.naam}")
    return with_pdf(project, html, pdf=pdf, datum=doc.gemeente.dvo.datum, attachment=attachment)
