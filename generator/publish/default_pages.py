"""The package's default authored pages (templates/pages/), for a region that has not written its own.

A page in the region's content/pages/ with the same name wins and is copied as
it is; a default page is a Markdown template filled in with the region's own
names, every value escaped as Markdown like the generated pages. A default page
is made only where the region's nav (or `not_in_nav`) names it: a region whose
organisation page is its own `werkplein.md` gets no `werkbedrijf.md` beside it
(mkdocs, strict, would refuse a page the nav leaves out).
"""

from __future__ import annotations

from pathlib import Path

from generator.load.project import Project
from generator.load.region_files import read_site_nav, site_contact
from generator.render.templating.environment import markdown_environment
from generator.render.templating.search_path import Templates
from generator.util.atomic import write_text

CONTACT = ("email", "telefoon", "reactietermijn")  # extra.contact in mkdocs.yml, as the footer shows it


def default_pages(project: Project, templates: Templates) -> dict[str, str]:
    """Each default page the region does not provide: path inside docs/ -> Markdown."""
    env = markdown_environment(templates.dirs)
    nav = read_site_nav(project.layout)
    context = {
        "project": project,
        "regio": project.regio,
        "gemeenten": project.gemeenten,
        "contact": {key: site_contact(project.layout).get(key) for key in CONTACT},
        "verklaring_datum": statement_date(project),
    }
    return {
        rel: env.get_template(f"pages/{rel}").render(**context)
        for rel in templates.tree("pages")
        if rel.endswith(".md") and not (project.layout.pages / rel).is_file() and (nav is None or nav.names(rel))
    }


def statement_date(project: Project):
    """The date of the toegankelijkheidsverklaring: the region's own (regio.yaml,
    toegankelijkheid.datum), else the newest date in the data: a DVO, the verordening,
    the publication of a report."""
    if project.regio.toegankelijkheid is not None:
        return project.regio.toegankelijkheid.datum
    dates = [g.dvo.datum for g in project.gemeenten] + [project.verordening.datum_vaststelling]
    dates += [r.publicatiedatum for r in project.regio.rapportage.rapporten.values() if r.publicatiedatum]
    dates += [r.publicatiedatum for g in project.gemeenten for r in g.rapporten.values() if r.publicatiedatum]
    return max(dates)


def write_default_pages(project: Project, templates: Templates, docs: Path) -> list[str]:
    """Write each default page the region does not provide; returns their paths inside docs/."""
    pages = default_pages(project, templates)
    for rel, text in pages.items():
        write_text(docs / rel, text)
    return list(pages)
