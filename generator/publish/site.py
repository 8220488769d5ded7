"""`dvo build` end to end: documents and pages into a staging docs folder, mkdocs, then site/.

    .staging/docs   rendered PDF/HTML documents, open data, authored and generated pages
    .staging/site   mkdocs build --strict of that folder
    site/           replaced by .staging/site in one rename, only when the site built

Documents stay in the staging folder between builds, so `--gemeente` rebuilds one
gemeente and still publishes the others; a document that fails keeps its previous
version. A site that does not build leaves site/ exactly as it was.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.util.atomic import write_text
from generator.publish.jobs import Job, JobResult, render_all
from generator.publish.manifest import write_manifest
from generator.render.templates import Templates
from generator.load.project import Project
from generator.util.revision import source_date

DOCUMENT_FOLDERS = ("pdf", "dvo", "rapport")


class SiteError(Exception):
    """mkdocs refused the site; `problems` are its warnings."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass
class Outcome:
    results: list[JobResult] = field(default_factory=list)
    pages: int = 0

    @property
    def failed(self) -> list[JobResult]:
        return [r for r in self.results if r.fout]


def staging(project: Project) -> Path:
    return project.layout.root / ".staging"


def _prune(docs: Path, jobs: list[Job]) -> None:
    """Drop documents no longer planned (a gemeente or period removed from the data)."""
    keep = {p for job in jobs for p in job.paths(docs)}
    for folder in DOCUMENT_FOLDERS:
        for path in (docs / folder).glob("*"):
            if path.suffix in (".pdf", ".html", ".csv", ".json") and path not in keep:
                path.unlink()


def _copy_sources(project: Project, templates: Templates, docs: Path) -> None:
    """Authored pages and site assets; old Markdown goes first so removed pages disappear."""
    for md in docs.rglob("*.md"):
        md.unlink()
    pages = project.layout.content / "pages"
    if pages.is_dir():
        shutil.copytree(pages, docs, dirs_exist_ok=True)
    for folder in ("stylesheets", "javascripts"):
        for rel, source in templates.tree(f"site/{folder}").items():
            target = docs / folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def site_date(project: Project):
    """The newest date in the data: the site's build date (sitemap), never the clock."""
    dates = [g.dvo.datum for g in project.gemeenten] + [project.verordening.datum_vaststelling]
    return max(dates)


def run_mkdocs(config: Path, docs: Path, out: Path, *, datum) -> None:
    """`mkdocs build --strict` through its API; every warning becomes a problem."""
    source_date(datum)  # mkdocs dates the sitemap with it
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    level = logger.level
    logger.addHandler(collect)
    logger.setLevel(logging.WARNING)  # mkdocs' INFO chatter is not for our users
    try:
        cfg = load_config(config_file=str(config), strict=True, docs_dir=str(docs), site_dir=str(out))
        build(cfg)
    except MkDocsException as exc:
        raise SiteError(collect.messages or [str(exc)]) from exc
    finally:
        logger.removeHandler(collect)
        logger.setLevel(level)
    if collect.messages:
        raise SiteError(collect.messages)


def _swap(new: Path, site: Path, old: Path) -> None:
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    new.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def publish(project: Project, verantwoording, jobs: list[Job], *, whole: bool, revisie: str, workers: int, on_done, on_step=lambda message: None, overzichten: dict | None = None) -> Outcome:
    """Render `jobs` (see build.plan), then pages and site; `whole`: these are all documents."""
    from generator.render.open_data import files as open_data_files
    from generator.publish.default_pages import write_default_pages
    from generator.publish.pages import write_pages

    root = project.layout.root
    docs = staging(project) / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    if whole:
        _prune(docs, jobs)
    outcome = Outcome(render_all(project, verantwoording, jobs, revisie, docs, workers, on_done))
    for name, text in open_data_files(verantwoording).items():
        write_text(docs / "pdf" / name, text)
    on_step("Pagina's schrijven en de site bouwen (mkdocs, strikt) ...")
    templates = Templates.for_layout(project.layout)
    _copy_sources(project, templates, docs)
    try:
        write_default_pages(project, templates, docs)
        outcome.pages = write_pages(project, verantwoording, docs, templates, overzichten=overzichten)
    except Exception as exc:  # noqa: BLE001 - a broken page template is the user's to fix: say which and why
        from generator.render.template_errors import describe

        raise SiteError([f"pagina's niet gemaakt: {describe(exc, templates.dirs)}"]) from exc
    built = staging(project) / "site"
    run_mkdocs(root / "mkdocs.yml", docs, built, datum=site_date(project))
    write_manifest(built)
    _swap(built, project.layout.site, staging(project) / "site-vorige")
    return outcome
