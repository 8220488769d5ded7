"""The package's default authored pages (templates/pages/), for a region that has not written its own.

A page in the region's content/pages/ with the same name wins and is copied as
it is; a default page is a Markdown template filled in with the region's own
names, every value escaped as Markdown like the generated pages.
"""

from __future__ import annotations

from pathlib import Path

from generator.load.project import Project
from generator.render.templates import Templates
from generator.render.templating import markdown_environment
from generator.util.atomic import write_text


def write_default_pages(project: Project, templates: Templates, docs: Path) -> list[str]:
    """Write each default page the region does not provide; returns their paths inside docs/."""
    env = markdown_environment(templates.dirs)
    written = []
    for rel in templates.tree("pages"):
        if not rel.endswith(".md") or (project.layout.pages / rel).is_file():
            continue
        text = env.get_template(f"pages/{rel}").render(project=project, regio=project.regio, gemeenten=project.gemeenten)
        write_text(docs / rel, text)
        written.append(rel)
    return written
