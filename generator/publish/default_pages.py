"""The package's default authored pages (templates/pages/), for a region that has not written its own.

A page in the region's content/pages/ with the same name wins and is copied as
it is; a default page is a Markdown template filled in with the region's own
names, every value escaped as Markdown like the generated pages.
"""

from __future__ import annotations

from pathlib import Path

from generator.load.project import Project
from generator.render.templating.search_path import Templates
from generator.render.templating.environment import markdown_environment
from generator.util.atomic import write_text


def default_pages(project: Project, templates: Templates) -> dict[str, str]:
    """Each default page the region does not provide: path inside docs/ -> Markdown."""
    env = markdown_environment(templates.dirs)
    return {
        rel: env.get_template(f"pages/{rel}").render(project=project, regio=project.regio, gemeenten=project.gemeenten)
        for rel in templates.tree("pages")
        if rel.endswith(".md") and not (project.layout.pages / rel).is_file()
    }


def write_default_pages(project: Project, templates: Templates, docs: Path) -> list[str]:
    """Write each default page the region does not provide; returns their paths inside docs/."""
    pages = default_pages(project, templates)
    for rel, text in pages.items():
        write_text(docs / rel, text)
    return list(pages)
