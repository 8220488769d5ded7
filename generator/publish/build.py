"""`dvo build` end to end: documents and pages into the staging folder, mkdocs, then site/.

    .staging/html       the standalone HTML of every document (the source of its PDF)
    .staging/docs       PDFs, open data, authored and generated pages (reading copies too)
    .staging/overrides  the theme overrides (custom_dir): Dutch names, 404 page, footer
    .staging/mkdocs.yml the region's mkdocs.yml with the navigation from the data
    .staging/cache      render keys of the documents and of the last site (cache.py),
                        and compiled templates in jinja/ (render/templating/environment.py)

Builds are incremental: a document is rendered only when its render key changed
(jobs.py, render_key.py); pages, overrides and the configuration are regenerated
every build but written only where their bytes changed (page_sync.py); mkdocs runs
only when a file it reads or the software changed (mkdocs_run.py), and converts only the
pages that changed (mkdocs_memo.py). Documents stay in
the staging folder between builds, so `--gemeente` rebuilds one gemeente and still
publishes the others; a document that fails keeps its previous version. The whole
build holds the lock and publishes site/ in one rename, or not at all (transaction.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator.load.project import Project
from generator.publish.cache import RenderCache, file_sha256
from generator.publish.inputs import BuildOptions, BuildSource
from generator.publish.jobs import Job, JobResult, Prepared, html_folder, prepare, render, reuse, write_html
from generator.publish.manifest import write_manifest
from generator.publish.mkdocs_run import SiteError, run_mkdocs, site_date, site_key
from generator.publish.page_sync import sync_pages
from generator.publish.render_key import KeyMaker
from generator.publish.transaction import building, site_intact, staging, swap
from generator.render.templating.search_path import Templates
from generator.util.atomic import write_bytes_if_changed
from generator.util.errors import UsageFault

LEGACY_FOLDERS = ("dvo", "rapport")  # reading copies as loose HTML files, before they were pages


class Progress(Protocol):
    """What a build reports while it works: Voortgang below says nothing, the CLI's prints
    (it is not a subclass, so the CLI need not import this module at start-up)."""

    def stap(self, message: str) -> None: ...

    def documenten(self, total: int) -> AbstractContextManager[Callable[[JobResult], None]]: ...


class Voortgang:
    """What a build reports while it works; the CLI prints it, tests may ignore it."""

    def stap(self, message: str) -> None:
        pass

    @contextmanager
    def documenten(self, total: int) -> Iterator[Callable[[JobResult], None]]:
        """Yields `advance(result)`, called once per rendered document."""
        yield lambda result: None


@dataclass
class Outcome:
    results: list[JobResult] = field(default_factory=list)
    pages: int = 0
    site_gebouwd: bool = False  # False: nothing the site is made of changed; site/ kept as it was
    niet_uit_delen: list[str] = field(default_factory=list)  # merge: documents no shard had
    # dvo serve's first step: documents whose HTML is written and whose PDF is still to be made
    wachtend: list[Prepared] = field(default_factory=list)
    # ... and the PDFs (staged names) of documents outside this step that an earlier step left so
    ook_wachtend: frozenset[str] = frozenset()

    @property
    def failed(self) -> list[JobResult]:
        return [r for r in self.results if r.fout]

    @property
    def gemaakt(self) -> list[JobResult]:
        return [r for r in self.results if r.fout is None and not r.hergebruikt]


def _docs(project: Project) -> Path:
    return staging(project) / "docs"


def _load_cache(project: Project, voortgang: Progress) -> RenderCache:
    cache = RenderCache.load(staging(project) / "cache" / "documenten.json")
    if cache.unreadable:
        voortgang.stap("De cache van eerder gemaakte documenten is onleesbaar; alles wordt opnieuw gemaakt.")
    return cache


def _prune(docs: Path, keep: set[str]) -> None:
    """Drop documents and open data no longer made (a gemeente or period removed from the
    data); `keep` holds staged names (jobs.staged_file)."""
    for prefix, folder in (("pdf", docs / "pdf"), ("html", html_folder(docs))):
        for path in folder.glob("*"):
            if path.suffix in (".pdf", ".html", ".csv", ".json") and f"{prefix}/{path.name}" not in keep:
                path.unlink()
    for legacy in LEGACY_FOLDERS:
        shutil.rmtree(docs / legacy, ignore_errors=True)


# The open data of the last source: dvo serve publishes twice from one source (the edited
# gemeente's pages first, then the rest), and the files are the same both times.
_OPEN_DATA: list[tuple[BuildSource, dict[str, str | bytes]]] = []


def _open_data(source: BuildSource) -> dict[str, str | bytes]:
    """Staged name -> content of every open-data file."""
    from generator.render.open_data import files

    if not _OPEN_DATA or _OPEN_DATA[0][0] is not source:
        made = {f"pdf/{name}": data for name, data in files(source.verantwoording, site_date(source.project)).items()}
        _OPEN_DATA[:] = [(source, made)]
    return _OPEN_DATA[0][1]


def render_documents(
    source: BuildSource, jobs: list[Job], options: BuildOptions, voortgang: Progress, *, pdfs: bool = True
) -> Outcome:
    """Render what changed of `jobs` into the staging docs folder, with the open data.

    A whole build (no --gemeente, or a shard) removes any other document. `opnieuw`:
    render all, whatever the cache says. `deel` (I, N): only shard I of N, written to
    `uit`. `delen`: shard folders whose documents are used where their keys match.
    Without `pdfs` (dvo serve's first step) only the HTML of what changed is written: those
    documents are `outcome.wachtend`, for `render_pending`.
    """
    from generator.publish import shards

    project = source.project
    deel = options.deel
    if deel is not None:
        if options.uit is None:  # `dvo build --deel` gives it a default folder
            raise UsageFault("--deel vraagt een map voor de documenten van het deel (--uit)")
        shards.check_folder(options.uit)  # before any work: a shard never empties a folder not its own
    docs = _docs(project)
    docs.mkdir(parents=True, exist_ok=True)
    cache = _load_cache(project, voortgang)
    keys = KeyMaker(Templates.for_layout(project.layout).dirs)
    prepared, failed = prepare(source, jobs, keys)
    if deel is not None:
        prepared, failed = shards.select(prepared, failed, *deel)
    outcome = Outcome()
    if options.delen:
        imported = shards.import_shards(list(options.delen), prepared, docs, cache)
        outcome.niet_uit_delen = sorted({p.job.naam for p in prepared} - imported.documenten)
    fresh, stale = ([], prepared) if options.opnieuw else reuse(prepared, cache, docs)
    open_data = {} if deel is not None else _open_data(source)
    if options.whole or deel is not None:
        _prune(docs, {name for job in jobs for name in job.files()} | set(open_data))
        cache.forget_except({job.naam for job in jobs})
    for rel, data in open_data.items():
        write_bytes_if_changed(docs / rel, data if isinstance(data, bytes) else data.encode("utf-8"))
    if not pdfs:
        for p in stale:
            write_html(p, docs)
        outcome.results = fresh + failed
        outcome.wachtend = stale
        return outcome
    voortgang.stap(f"Documenten: {len(stale) + len(failed)} te maken, {len(fresh)} ongewijzigd sinds de vorige bouw.")
    try:
        with voortgang.documenten(len(stale) + len(failed)) as advance:
            for result in failed:  # their HTML already failed: reported first, in the same count
                advance(result)
            made = render(stale, docs, options.workers, cache, advance)
    finally:
        cache.save()  # what was rendered before an interruption stays usable
    order = {job: n for n, job in enumerate(jobs)}
    outcome.results = sorted(fresh + made + failed, key=lambda r: order[r.job])
    if deel is not None and options.uit is not None:  # (uit: checked above)
        shards.export(outcome.results, {p.job.naam: p.key for p in prepared}, docs, options.uit, *deel)
    return outcome


def build_site(source: BuildSource, outcome: Outcome, options: BuildOptions, voortgang: Progress) -> Outcome:
    """Pages into the docs folder, then mkdocs into site/ unless nothing it reads changed.
    The PDFs of `outcome.wachtend` show as being made (dvo serve's first step)."""
    from generator.publish.pages import nav_sections, pdfs_in_de_maak
    from generator.publish.site_config import write_effective_config
    from generator.render.documents.rapport.view import GROTE_REGIO

    project = source.project
    docs = _docs(project)
    templates = Templates.for_layout(project.layout)
    with pdfs_in_de_maak(frozenset(p.job.files()[0] for p in outcome.wachtend) | outcome.ook_wachtend):
        outcome.pages = sync_pages(source, docs, templates)
    # A large region's menu shows the other gemeenten without their pages (site_config.PRUNE).
    prune = len(source.verantwoording.herindelingen.alle()) > GROTE_REGIO
    config = write_effective_config(
        project.layout.root / "mkdocs.yml", staging(project), nav_sections(source, docs), prune=prune
    )
    cache = _load_cache(project, Voortgang())
    key = site_key(project, config, docs)
    site = project.layout.site
    if not options.opnieuw and cache.site.get("sleutel") == key and site_intact(site, cache.site.get("manifest")):
        voortgang.stap("De site is ongewijzigd: geen pagina of document veranderde.")
        return outcome
    voortgang.stap("Pagina's schrijven en de site bouwen (mkdocs, strikt) ...")
    built = staging(project) / "site"
    if built.exists():
        shutil.rmtree(built)  # left by an interrupted build
    # dvo serve's HTML step: the build that links the PDFs follows, with the search index
    later = bool(outcome.wachtend or outcome.ook_wachtend)
    try:
        run_mkdocs(
            config,
            docs,
            built,
            datum=site_date(project),
            memo=staging(project) / "cache" / "mkdocs",
            zoekindex_later=later,
        )
    except SiteError as exc:  # mkdocs speaks English about staging paths: Dutch, naming the region's files
        from generator.publish.mkdocs_meldingen import dutch

        raise SiteError([dutch(m, project.layout) for m in exc.problems]) from exc
    manifest = write_manifest(built)
    # a site whose search index follows is never taken for the finished one
    cache.site = {"manifest": file_sha256(manifest)} if later else {"sleutel": key, "manifest": file_sha256(manifest)}
    swap(built, site, staging(project) / "site-vorige")
    cache.save()
    outcome.site_gebouwd = True
    return outcome


def publish(source: BuildSource, jobs: list[Job], options: BuildOptions, voortgang: Progress | None = None) -> Outcome:
    """Documents (incremental), then the site when anything it is made of changed. Holds
    the build lock throughout (`options.wachten`: wait for another build instead of
    refusing). Write errors become PublishError; site/ is then as it was."""
    voortgang = voortgang or Voortgang()
    with building(source.project, voortgang.stap, wait=options.wachten):
        outcome = render_documents(source, jobs, options, voortgang)
        return build_site(source, outcome, options, voortgang)


def publish_html(
    source: BuildSource,
    jobs: list[Job],
    options: BuildOptions,
    voortgang: Progress | None = None,
    *,
    eerder_wachtend: frozenset[str] = frozenset(),
) -> Outcome:
    """dvo serve's first step: the HTML of what changed and the site, without waiting for PDFs.
    Pages name the PDFs still to be made (`outcome.wachtend`) as being made; `render_pending`
    makes them and builds the site again. `eerder_wachtend`: PDFs an earlier step left to be
    made; those of documents outside `jobs` are shown as being made too."""
    voortgang = voortgang or Voortgang()
    with building(source.project, voortgang.stap, wait=True):
        outcome = render_documents(source, jobs, options, voortgang, pdfs=False)
        outcome.ook_wachtend = eerder_wachtend - {job.files()[0] for job in jobs}
        return build_site(source, outcome, options, voortgang)


def render_pending(
    source: BuildSource,
    earlier: Outcome,
    options: BuildOptions,
    voortgang: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> Outcome | None:
    """dvo serve's second step: the PDFs `publish_html` left to make, then the site with their
    links. None when `stop()` turned true before all were made (the source changed): the
    PDFs made so far are kept in the cache, the site is left for the next round."""
    voortgang = voortgang or Voortgang()
    docs = _docs(source.project)
    with building(source.project, voortgang.stap, wait=True):
        cache = _load_cache(source.project, voortgang)
        try:
            made = render(earlier.wachtend, docs, options.workers, cache, lambda result: None, stop=stop)
        finally:
            cache.save()
        if stop is not None and stop():
            return None
        order = {p.job: n for n, p in enumerate(earlier.wachtend)}
        outcome = Outcome(results=earlier.results + sorted(made, key=lambda r: order[r.job]))
        return build_site(source, outcome, options, voortgang)


def publish_shard(
    source: BuildSource, jobs: list[Job], options: BuildOptions, voortgang: Progress | None = None
) -> Outcome:
    """CI shard `options.deel` of `jobs` into the folder `options.uit` (no site), under the build lock."""
    assert options.deel is not None and options.uit is not None
    voortgang = voortgang or Voortgang()
    with building(source.project, voortgang.stap, wait=False, site=False):
        return render_documents(source, jobs, options, voortgang)
