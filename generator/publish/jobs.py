"""Render documents (DVO's and verantwoordingsrapportages) to HTML and PDF under site/.

Each document is a `Job`. One failing does not stop the others; no partial file
is ever left (atomic writes), and the caller reports who failed and why.
Jobs run in worker processes that each load the project once.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.util.atomic import write_bytes, write_text
from generator.load.project import Project, load_project

_WORKER: tuple[Project, object] | None = None


def html_folder(docs: Path) -> Path:
    """Standalone HTML of every document, beside the docs folder: not published as files."""
    return docs.parent / "html"


@dataclass(frozen=True)
class Job:
    soort: str  # "dvo", "wijzigingen" (a DVO's overzicht), "rapport" (one gemeente) or "regio"
    slug: str  # gemeente slug, or "regio"
    periode: str | None = None

    @property
    def naam(self) -> str:
        if self.soort in ("dvo", "wijzigingen"):
            return f"{self.soort}-{self.slug}"
        return f"rapport-{self.slug}-{self.periode}"

    def paths(self, docs: Path) -> tuple[Path, Path]:
        """The PDF (a download on the site) and the standalone HTML: the PDF's source, which
        the site turns into the document's reading-copy page (publish/reading_copy.py)."""
        return docs / "pdf" / f"{self.naam}.pdf", html_folder(docs) / f"{self.naam}.html"


@dataclass(frozen=True)
class JobResult:
    job: Job
    titel: str
    fout: str | None
    bestanden: tuple[str, ...] = ()


def plan(project: Project, verantwoording, slugs: list[str], *, regio: bool = True, overzichten: dict | None = None) -> list[Job]:
    """DVO's first (with their wijzigingsoverzichten, see overzichten.py), then reports per
    period: per gemeente, then the region's."""
    jobs = [Job("dvo", s) for s in slugs]
    jobs += [Job("wijzigingen", s) for s in slugs if s in (overzichten or {}) and overzichten[s].mogelijk]
    for periode in verantwoording.perioden:
        jobs += [Job("rapport", s, periode.code) for s in slugs]
        if regio:
            jobs.append(Job("regio", "regio", periode.code))
    return jobs


def _title(project: Project, job: Job) -> str:
    if job.soort == "regio":
        return f"regiorapport {job.periode}"
    naam = project.gemeente(job.slug).naam
    if job.soort == "wijzigingen":
        return f"wijzigingsoverzicht DVO {naam}"
    return f"DVO {naam}" if job.soort == "dvo" else f"rapport {naam} {job.periode}"


def render_job(project: Project, verantwoording, job: Job, revisie: str, site: Path) -> JobResult:
    from generator.publish.overzichten import render_plan
    from generator.render import rapport
    from generator.render.dvo_render import render_dvo
    from generator.render.template_errors import describe
    from generator.render.templates import Templates

    titel = _title(project, job)
    try:
        if job.soort == "dvo":
            rendered = render_dvo(project, job.slug)
        elif job.soort == "wijzigingen":
            rendered = render_plan(project, job.slug)
        elif job.soort == "rapport":
            rendered = rapport.render_gemeente(verantwoording, job.slug, verantwoording.periode(job.periode), revisie)
        else:
            rendered = rapport.render_regio(verantwoording, verantwoording.periode(job.periode), revisie)
    except Exception as exc:  # noqa: BLE001 - one document's failure is reported, the others are still made
        return JobResult(job, titel, describe(exc, Templates.for_layout(project.layout).dirs))
    pdf_path, html_path = job.paths(site)
    write_bytes(pdf_path, rendered.pdf)
    write_text(html_path, rendered.html)
    return JobResult(job, titel, None, (pdf_path.relative_to(site).as_posix(), html_path.relative_to(site.parent).as_posix()))


def render_and_write(project: Project, slug: str, revisie: str, site: Path) -> JobResult:
    """One gemeente's DVO (kept for the benchmark and single-document use)."""
    return render_job(project, None, Job("dvo", slug), revisie, site)


def _init_worker(root: str) -> None:
    from generator.compute.verantwoording import Verantwoording

    global _WORKER
    project = load_project(Path(root))
    _WORKER = (project, Verantwoording(project))


def _worker(job: Job, revisie: str, site: str) -> JobResult:
    project, verantwoording = _WORKER
    return render_job(project, verantwoording, job, revisie, Path(site))


def render_all(project: Project, verantwoording, jobs: list[Job], revisie: str, site: Path, workers: int, on_done) -> list[JobResult]:
    """Render in `workers` processes (1 = in this process); `on_done(result)` per document."""
    results = []
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            result = render_job(project, verantwoording, job, revisie, site)
            on_done(result)
            results.append(result)
        return results
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(str(project.layout.root),)) as pool:
        futures = [pool.submit(_worker, job, revisie, str(site)) for job in jobs]
        for future in futures:
            result = future.result()
            on_done(result)
            results.append(result)
    return results


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
