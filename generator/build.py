"""`dvo build`: validate, then render every DVO to HTML and PDF under site/.

One gemeente failing does not stop the others; no partial file is ever left
(atomic writes), and the command exits non-zero naming who failed and why.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.atomic import write_bytes, write_text
from generator.project import Project, load_project

_WORKER_PROJECT: Project | None = None


@dataclass(frozen=True)
class JobResult:
    slug: str
    naam: str
    fout: str | None
    bestanden: tuple[str, ...] = ()


def dvo_paths(site: Path, slug: str) -> tuple[Path, Path]:
    return site / "pdf" / f"dvo-{slug}.pdf", site / "dvo" / f"dvo-{slug}.html"


def render_and_write(project: Project, slug: str, revisie: str, site: Path) -> JobResult:
    from generator.clauses import UnknownReference
    from generator.dvo_render import render_dvo
    from generator.pdf import RenderError
    from jinja2 import TemplateError

    naam = project.gemeente(slug).naam
    try:
        rendered = render_dvo(project, slug, revisie)
    except (TemplateError, UnknownReference, RenderError, OSError) as exc:
        return JobResult(slug, naam, f"{type(exc).__name__}: {exc}")
    pdf_path, html_path = dvo_paths(site, slug)
    write_bytes(pdf_path, rendered.pdf)
    write_text(html_path, rendered.html)
    return JobResult(slug, naam, None, (pdf_path.relative_to(site).as_posix(), html_path.relative_to(site).as_posix()))


def _init_worker(root: str) -> None:
    global _WORKER_PROJECT
    _WORKER_PROJECT = load_project(Path(root))


def _worker(slug: str, revisie: str, site: str) -> JobResult:
    return render_and_write(_WORKER_PROJECT, slug, revisie, Path(site))


def render_dvos(project: Project, slugs: list[str], revisie: str, site: Path, jobs: int, on_done) -> list[JobResult]:
    """Render in `jobs` worker processes (1 = in this process); `on_done(result)` per gemeente."""
    results = []
    if jobs <= 1 or len(slugs) <= 1:
        for slug in slugs:
            result = render_and_write(project, slug, revisie, site)
            on_done(result)
            results.append(result)
        return results
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(str(project.layout.root),)) as pool:
        futures = [pool.submit(_worker, slug, revisie, str(site)) for slug in slugs]
        for future in futures:
            result = future.result()
            on_done(result)
            results.append(result)
    return results


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
