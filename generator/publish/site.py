"""`dvo build` end to end: documents and pages into a staging docs folder, mkdocs, then site/.

    .staging/html       the standalone HTML of every document (the source of its PDF)
    .staging/docs       PDFs, open data, authored and generated pages (reading copies too)
    .staging/overrides  the theme overrides (custom_dir): Dutch names, 404 page, footer
    .staging/mkdocs.yml the region's mkdocs.yml with the navigation from the data
    .staging/site       mkdocs build --strict of that folder
    site/               replaced by .staging/site in one rename, only when the site built

Documents stay in the staging folder between builds, so `--gemeente` rebuilds one
gemeente and still publishes the others; a document that fails keeps its previous
version. A site that does not build leaves site/ exactly as it was.

One build at a time holds `.staging/bouw.lock` (lock.py). A build killed halfway
leaves at most temp files in the staging folder and, if killed between the two
renames of the swap, the previous site in `.staging/site-vorige`: the next build
removes the first and puts the second back before it starts. A full disk, a
read-only site/ or any other write error ends the build with PublishError;
site/ is then unchanged.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.bounds import TooLarge, read_limited, structure_problems
from generator.util.atomic import write_text
from generator.publish.jobs import Job, JobResult, html_folder, render_all
from generator.publish.lock import build_lock
from generator.publish.manifest import write_manifest
from generator.render.templates import Templates
from generator.load.project import Project
from generator.util.oserrors import os_problem
from generator.util.paths import OutsideRepository, outside_reason, outward_links
from generator.util.revision import source_date

LEGACY_FOLDERS = ("dvo", "rapport")  # reading copies as loose HTML files, before they were pages


class SiteError(Exception):
    """mkdocs refused the site; `problems` are its warnings."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


class PublishError(Exception):
    """The build could not write (full disk, read-only site/, a link out of the repository); Dutch."""


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
    for folder in (docs / "pdf", html_folder(docs)):
        for path in folder.glob("*"):
            if path.suffix in (".pdf", ".html", ".csv", ".json") and path not in keep:
                path.unlink()
    for folder in LEGACY_FOLDERS:
        shutil.rmtree(docs / folder, ignore_errors=True)


def _copy_sources(project: Project, templates: Templates, docs: Path) -> None:
    """Authored pages and site assets; old Markdown goes first so removed pages disappear."""
    for md in docs.rglob("*.md"):
        md.unlink()
    pages = project.layout.content / "pages"
    if pages.is_dir():
        outside = outward_links(pages, project.layout.root)
        if outside:
            raise OutsideRepository("; ".join(f"{project.layout.rel(p)} {reason}" for p, reason in outside))
        shutil.copytree(pages, docs, dirs_exist_ok=True)
    for folder in ("stylesheets", "javascripts"):
        _copy_tree(templates, f"site/{folder}", docs / folder)
    overrides = docs.parent / "overrides"
    shutil.rmtree(overrides, ignore_errors=True)
    _copy_tree(templates, "site/overrides", overrides)


def _copy_tree(templates: Templates, rel_dir: str, target_dir: Path) -> None:
    for rel, source in templates.tree(rel_dir).items():
        target = target_dir / rel
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


def check_config(config: Path, root: Path) -> None:
    """mkdocs.yml is read by PyYAML inside mkdocs: same bounds as the data (its tags are allowed)."""
    rel = config.name
    reason = outside_reason(config, root)
    if reason is not None:
        raise SiteError([f"{rel} {reason}"])
    try:
        text = read_limited(config, rel).decode("utf-8")
    except TooLarge as exc:
        raise SiteError([str(exc.finding)]) from None
    except UnicodeDecodeError:
        raise SiteError([f"{rel}: bestand is geen geldige UTF-8-tekst"]) from None
    problems = structure_problems(text, rel, allow_tags=True)
    if problems:
        raise SiteError([str(f) for f in problems])


def run_mkdocs(config: Path, docs: Path, out: Path, *, datum) -> None:
    """`mkdocs build --strict` through its API; every warning becomes a problem."""
    check_config(config, config.parent)
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
    had_site = site.exists()
    if had_site:
        site.rename(old)
    try:
        new.rename(site)
    except OSError:
        if had_site:
            old.rename(site)  # put the previous site back
        raise
    shutil.rmtree(old, ignore_errors=True)


def _recover(project: Project) -> None:
    """Undo what a killed build left: its previous site set aside, and temp files of atomic writes."""
    site, old = project.layout.site, staging(project) / "site-vorige"
    if old.is_dir() and not site.exists():
        old.rename(site)
    for tmp in staging(project).rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def _check_writable(project: Project) -> None:
    """Refuse before any work when site/ or the repository folder may not be written.

    The permission bits are checked as well as access(): root may write anyway,
    but a folder someone made read-only is meant to stay as it is.
    """
    for folder in (project.layout.site, project.layout.root):
        if folder.is_dir() and (not folder.stat().st_mode & 0o222 or not os.access(folder, os.W_OK)):
            name = project.layout.rel(folder) + "/" if folder != project.layout.root else str(folder)
            raise PublishError(f"{name} is alleen-lezen; maak de map schrijfbaar om de site te bouwen")


def publish(
    project: Project, verantwoording, jobs: list[Job], *, whole: bool, revisie: str, workers: int, on_done,
    on_step=lambda message: None, wait: bool = False, overzichten: dict | None = None,
) -> Outcome:
    """Render `jobs` (see build.plan), then pages and site; `whole`: these are all documents.

    Holds the build lock throughout (BuildBusy when another build has it and `wait`
    is False). Write errors become PublishError; site/ is then left as it was.
    """
    _check_writable(project)

    def waiting(pid: int | None) -> None:
        on_step(f"Wacht op een andere bouw van deze regio{f' (proces {pid})' if pid else ''} ...")

    try:
        with build_lock(staging(project), wait=wait, on_wait=waiting) as killed:
            if killed is not None:
                on_step(f"Een eerdere bouw (proces {killed}) is afgebroken; wat die achterliet, is opgeruimd.")
            _recover(project)
            return _publish(project, verantwoording, jobs, whole=whole, revisie=revisie, workers=workers, on_done=on_done, on_step=on_step, overzichten=overzichten)
    except OSError as exc:
        raise PublishError(f"schrijven mislukt: {os_problem(exc)}") from exc
    except OutsideRepository as exc:
        raise PublishError(str(exc)) from exc


def _publish(project: Project, verantwoording, jobs: list[Job], *, whole: bool, revisie: str, workers: int, on_done, on_step, overzichten: dict | None) -> Outcome:
    from generator.render.open_data import files as open_data_files
    from generator.publish.default_pages import write_default_pages
    from generator.publish.pages import nav_sections, write_pages
    from generator.publish.reading_copy import NotADocument
    from generator.publish.site_config import write_effective_config

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
    except (OSError, OutsideRepository):
        raise  # a write error or a refused link: reported by publish() as such
    except NotADocument as exc:
        raise SiteError([str(exc)]) from exc
    except Exception as exc:  # noqa: BLE001 - a broken page template is the user's to fix: say which and why
        from generator.render.template_errors import describe

        raise SiteError([f"pagina's niet gemaakt: {describe(exc, templates.dirs)}"]) from exc
    config = write_effective_config(root / "mkdocs.yml", staging(project), nav_sections(project, verantwoording, docs, overzichten))
    built = staging(project) / "site"
    run_mkdocs(config, docs, built, datum=site_date(project))
    write_manifest(built)
    _swap(built, project.layout.site, staging(project) / "site-vorige")
    return outcome
