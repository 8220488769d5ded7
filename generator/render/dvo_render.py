"""Render one gemeente's DVO to HTML (the reading copy) and PDF (the archival copy)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator.models.budget import budget_gemeente
from generator.render.dvo_document import build_document
from generator.render.pdf import PdfAttachment, html_to_pdf
from generator.load.project import Project
from generator.util.tabular import plain_row
from generator.render.templating import render


@dataclass(frozen=True)
class Rendered:
    html: str
    pdf: bytes | None


def template_dir(project: Project) -> Path:
    return project.layout.root / "dvo_templates"


def gemeente_json(project: Project, slug: str) -> bytes:
    """The validated data of the gemeente plus its computed budget, for the PDF attachment."""
    gemeente = project.gemeente(slug)
    budget = [plain_row(budget_gemeente(gemeente, j).as_dict()) for j in project.regio.periode.jaren]
    data = {"gemeente": gemeente.model_dump(mode="json"), "budget": budget}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_page(project: Project, template: str, **context) -> str:
    """A self-contained HTML document: the shared stylesheet is inlined, nothing is linked."""
    templates = template_dir(project)
    css = Markup((templates / "static" / "dvo.css").read_text(encoding="utf-8"))
    return render(templates, template, css=css, **context)


def with_pdf(project: Project, html: str, *, pdf: bool, datum, attachment: PdfAttachment) -> Rendered:
    """The reading copy, plus (when asked) its archival PDF with the data attached."""
    if not pdf:
        return Rendered(html, None)
    return Rendered(html, html_to_pdf(html, template_dir(project) / "static", datum=datum, attachments=[attachment]))


def render_dvo(project: Project, slug: str, revisie: str, *, pdf: bool = True) -> Rendered:
    doc = build_document(project, project.gemeente(slug), revisie)
    html = render_page(project, "dvo.html", doc=doc)
    attachment = PdfAttachment(f"dvo-{slug}.json", gemeente_json(project, slug), f"Gevalideerde gegevens van de gemeente {doc.gemeente.naam}")
    return with_pdf(project, html, pdf=pdf, datum=doc.gemeente.dvo.datum, attachment=attachment)
