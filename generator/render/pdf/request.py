"""HTML -> archival, accessible PDF: WeasyPrint PDF/A-3u, tagged, fonts embedded,
finished into PDF/UA-1 (pdf_tags while WeasyPrint tags, pdf_ua on the bytes), deterministic.

WeasyPrint may fetch only the project's own template assets (see fetcher.py);
any refused request fails the render with the URL named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.render.pdf.fetcher import AssetFetcher
from generator.render.pdf.style import print_style
from generator.render.pdf.tags import semantic_tags
from generator.render.templating.search_path import Templates
from generator.util.errors import DvoError
from generator.util.revision import source_date


class RenderError(DvoError):
    """WeasyPrint or the PDF/UA finish could not make the PDF."""


@dataclass(frozen=True)
class PdfAttachment:
    name: str
    data: bytes
    description: str


@dataclass(frozen=True)
class PdfRequest:
    """Everything one PDF is made from, besides the software and the template assets.

    Small and picklable, so a worker process can render it without the project;
    the build's render key (publish/render_key.py) hashes exactly these fields.
    """

    html: str
    template_dirs: tuple[Path, ...]
    datum: dt.date
    attachments: tuple[PdfAttachment, ...] = ()

    def render(self) -> bytes:
        return html_to_pdf(
            self.html, Templates(self.template_dirs), datum=self.datum, attachments=list(self.attachments)
        )


def html_to_pdf(html: str, templates: Templates, *, datum: dt.date, attachments: Sequence[PdfAttachment] = ()) -> bytes:
    from weasyprint import HTML, Attachment

    style = print_style(templates)  # print.css and the shipped fonts, once per process (style.py)
    fetcher = AssetFetcher(templates.static_dirs)
    stamp = source_date(datum)  # dates come from the data, never the clock
    # Relative URLs resolve against the package's assets; the fetcher serves a
    # region's override of the same file instead when there is one.
    document = HTML(string=html, base_url=templates.static_dirs[-1].as_uri() + "/", url_fetcher=fetcher)
    with semantic_tags():
        pdf = document.write_pdf(
            stylesheets=[style.css],
            font_config=style.fonts,
            pdf_variant="pdf/a-3u",
            pdf_tags=True,
            attachments=[
                Attachment(
                    string=a.data,
                    name=a.name,
                    description=a.description,
                    created=stamp,
                    modified=stamp,
                    relationship="Data",
                )
                for a in attachments
            ],
        )
    refused = [*style.refused, *fetcher.refused]
    if refused:
        raise RenderError("geweigerde externe verwijzing(en): " + ", ".join(sorted(set(refused))))
    return accessible(pdf)


def accessible(pdf: bytes) -> bytes:
    """The PDF/UA-1 finish (pdf_ua), with its failure reported as a render error."""
    from generator.render.pdf.ua import UnknownStructure, finish

    try:
        return finish(pdf)
    except UnknownStructure as exc:
        raise RenderError(f"toegankelijke PDF niet te maken: {exc}") from exc
