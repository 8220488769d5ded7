"""Documents (DVO's and verantwoordingsrapportages) as jobs: plan, prepare, render.

A build plans one `Job` per document, then in two steps:

1. prepare, in this process: the view model and its HTML, and the request its PDF is
   made from. That is cheap, and it gives the document's render key (render_key.py).
2. render only the documents whose key differs from the one their current files were
   made from (cache.py): the PDFs in worker processes, largest HTML first. A worker
   gets the PDF request alone, so it never loads the project.

One document failing does not stop the others; no partial file is ever left (atomic
writes), and the caller reports who failed and why.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.load.project import Project
from generator.publish.cache import RenderCache
from generator.publish.inputs import BuildSource
from generator.publish.render_key import KeyMaker
from generator.util.atomic import write_bytes_if_changed
from generator.util.processes import running

if TYPE_CHECKING:
    from generator.compute.verantwoording import Verantwoording
    from generator.render.documents.common import Rendered


def html_folder(docs: Path) -> Path:
    """Standalone HTML of every document, beside the docs folder: not published as files."""
    return docs.parent / "html"


def staged_file(docs: Path, name: str) -> Path:
    """Where a document file lives in the staging folder: `pdf/...` in the docs folder (a
    download on the site), `html/...` in the HTML folder beside it. The render cache and
    the CI shards name files this way."""
    head, _, rest = name.partition("/")
    return html_folder(docs) / rest if head == "html" else docs / name


@dataclass(frozen=True)
class Job:
    soort: str  # "dvo", "wijzigingen" (a DVO's overzicht), "rapport" (one gemeente) or "regio"
    slug: str  # gemeente slug, or "regio"
    periode: str | None = None
    # A DVO: None for the current version; the version in force when the current one is a
    # draft (its file name part, load/dvo_versies.DvoVersie.bestandsnaam).
    versie: str | None = None

    @property
    def naam(self) -> str:
        if self.soort == "dvo" and self.versie:
            return f"dvo-{self.slug}-{self.versie}"
        if self.soort in ("dvo", "wijzigingen"):
            return f"{self.soort}-{self.slug}"
        return f"rapport-{self.slug}-{self.periode}"

    def files(self) -> tuple[str, str]:
        """Its files as staged names (see staged_file): the PDF, then the standalone HTML."""
        return f"pdf/{self.naam}.pdf", f"html/{self.naam}.html"

    def paths(self, docs: Path) -> tuple[Path, Path]:
        """The PDF (a download on the site) and the standalone HTML: the PDF's source, which
        the site turns into the document's reading-copy page (publish/reading_copy.py)."""
        pdf, html = self.files()
        return staged_file(docs, pdf), staged_file(docs, html)


@dataclass(frozen=True)
class JobResult:
    job: Job
    titel: str
    fout: str | None
    bestanden: tuple[str, ...] = ()
    hergebruikt: bool = False  # its files were made earlier from the same render key


@dataclass(frozen=True)
class Prepared:
    """A document ready to render: its HTML, PDF request and render key."""

    job: Job
    titel: str
    rendered: Rendered  # made with pdf=False
    key: str

    @property
    def cost(self) -> int:
        """Expected rendering cost, for longest-first scheduling (and the CI shards): layout
        and PDF writing grow with the HTML, but a DVO's print layout (articles, running
        headers, numbered clauses) costs about three times as much per character as a
        report's tables and text (CPU per document, example region: a DVO of 58 kB ~3.3 s,
        a gemeente report of 140 kB ~2.8 s, the regional report of 245 kB ~6.8 s, busy
        machine). Ordered by length alone, the DVO's came last and one worker finished alone."""
        weight = 3 if self.job.soort in ("dvo", "wijzigingen") else 1
        return weight * len(self.rendered.html)


def geldende_versie(project: Project, slug: str):
    """The version in force when the current version is a draft: published beside it."""
    from generator.load.dvo_versies import dvo_versies

    versies = dvo_versies(project)
    geldend = versies.laatst_geldend(slug)
    return geldend if geldend is not None and not geldend.huidig else None


def plan(source: BuildSource, slugs: list[str], *, regio: bool = True) -> list[Job]:
    """DVO's first: the current version, and the version in force where the current one is a
    draft (with the wijzigingsoverzicht between them, see overzichten.py); then reports per
    period: per gemeente, then the region's."""
    v = source.verantwoording
    met_dvo = {g.slug for g in source.project.gemeenten}  # a gemeente made by a herindeling has its predecessors' DVO's
    jobs = [Job("dvo", s) for s in slugs if s in met_dvo]
    jobs += [
        Job("dvo", s, versie=g.bestandsnaam)
        for s in slugs
        if s in met_dvo and (g := geldende_versie(source.project, s))
    ]
    jobs += [Job("wijzigingen", s) for s in slugs if s in source.overzichten and source.overzichten[s].mogelijk]
    for periode in v.perioden:
        jobs += [Job("rapport", s, periode.code) for s in slugs if v.rapporteert(s, periode)]
        if regio:
            jobs.append(Job("regio", "regio", periode.code))
    return jobs


def gemeente_files(verantwoording: Verantwoording, slug: str) -> list[str]:
    """Every download the site has for one gemeente, as paths inside site/: the PDFs of its
    DVO (and the version in force and the wijzigingsoverzicht beside a draft) and reports, then
    its open data. For CI artifacts. (Its reading copies are site pages, under gemeenten/<slug>/.)"""
    from generator.publish.overzichten import plan_gemeente
    from generator.render.open_data import gemeente_file_names

    project = verantwoording.project
    plan_ = plan_gemeente(project, project.gemeente(slug))
    source = BuildSource(project, verantwoording, revisie="", overzichten={slug: plan_} if plan_ else {})
    out = [job.files()[0] for job in plan(source, [slug], regio=False)]
    return out + [f"pdf/{name}" for name in gemeente_file_names(slug)]


def _title(project: Project, job: Job) -> str:
    from generator.compute.herindeling import herindelingen

    if job.soort == "regio":
        return f"regiorapport {job.periode}"
    naam = herindelingen(project).gemeente(job.slug).naam
    if job.soort == "wijzigingen":
        return f"wijzigingsoverzicht DVO {naam}"
    if job.soort == "dvo" and job.versie:
        return f"DVO {naam} versie {job.versie} (geldend)"
    return f"DVO {naam}" if job.soort == "dvo" else f"rapport {naam} {job.periode}"


def _html_and_request(source: BuildSource, job: Job) -> Rendered:
    from generator.publish.overzichten import render_plan
    from generator.render.documents.dvo.render import render_dvo
    from generator.render.documents.rapport import render as rapport

    project, verantwoording, revisie = source.project, source.verantwoording, source.revisie
    if job.soort == "dvo":
        return render_dvo(project, job.slug, versie=job.versie, pdf=False)  # no source revision: see render_dvo
    if job.soort == "wijzigingen":
        return render_plan(project, job.slug, pdf=False)
    # job.slug is "regio" for the region's report
    assert job.periode is not None and verantwoording.periode(job.periode) is not None, job
    return rapport.render_rapport(verantwoording, job.slug, job.periode, revisie, pdf=False)


def prepare(source: BuildSource, jobs: list[Job], keys: KeyMaker) -> tuple[list[Prepared], list[JobResult]]:
    """HTML, PDF request and render key of every job; a job whose HTML fails is a result."""
    from generator.render.templating.errors import describe
    from generator.render.templating.search_path import Templates

    project = source.project
    ready, failed = [], []
    for job in jobs:
        titel = _title(project, job)
        try:
            rendered = _html_and_request(source, job)
        except Exception as exc:
            failed.append(JobResult(job, titel, describe(exc, Templates.for_layout(project.layout).dirs)))
            continue
        ready.append(Prepared(job, titel, rendered, keys.key(rendered.pdf_request)))
    return ready, failed


def reuse(prepared: list[Prepared], cache: RenderCache, docs: Path) -> tuple[list[JobResult], list[Prepared]]:
    """Split into documents whose files are intact and made from the same key, and the rest."""
    fresh, stale = [], []
    for p in prepared:
        files = cache.fresh(p.job.naam, p.key, lambda name: staged_file(docs, name))
        if files is None:
            stale.append(p)
        else:
            fresh.append(JobResult(p.job, p.titel, None, tuple(sorted(files)), hergebruikt=True))
    return fresh, stale


def _pdf(request) -> bytes:
    return request.render()


def _worker_start(build: int) -> None:
    """A worker process ends with the build process `build`: when that is killed (`dvo serve`
    stopped with SIGTERM, a CI job cancelled), the worker removes its temporary font folder
    (render/pdf/style.py) and ends at once, also in the middle of a document. Before, workers
    went on as orphans: a pool's worker holds both ends of its own task queue, so it never
    sees the build go. A thread waits for the build's end (a pidfd on Linux, else polling)."""
    import signal
    import threading

    from generator.render.pdf.style import remove_font_folders

    def end(code: int) -> None:
        remove_font_folders()
        os._exit(code)  # not SystemExit: the pool would catch it as a document's failure

    def watch() -> None:
        try:
            import select

            select.select([os.pidfd_open(build)], [], [])
        except (OSError, AttributeError):  # no pidfd here
            while running(build):
                time.sleep(0.5)
        end(1)

    signal.signal(signal.SIGTERM, lambda signum, frame: end(128 + signum))
    threading.Thread(target=watch, daemon=True).start()


def start_fork_server() -> bool:
    """Start the fork server the PDF workers come from (it imports WeasyPrint once for all
    of them); False when it cannot make its socket (a TMPDIR too long for a socket path)."""
    import multiprocessing
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(["generator.render.pdf.request", "weasyprint"])
    try:
        forkserver.ensure_running()
    except OSError:
        return False
    return True


def start_fork_server_early(workers: int) -> None:
    """A build that may make PDFs in `workers` processes starts their fork server now, beside
    loading and preparing (about a second of importing WeasyPrint off the critical path);
    `_pool` then finds it running. A build with nothing to render only spent that CPU."""
    if workers > 1:
        threading.Thread(target=start_fork_server, name="vorkserver", daemon=True).start()


def _pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes started from a small fork server, not forked from the build: a
    forked worker carried the build's whole memory (at 342 gemeenten 530 MB of project and
    prepared HTML) on top of its own. The server imports WeasyPrint once for all workers."""
    import multiprocessing

    context: multiprocessing.context.BaseContext = multiprocessing.get_context("forkserver")
    if not start_fork_server():  # fork as before
        context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start, initargs=(os.getpid(),))


def write_html(p: Prepared, docs: Path) -> None:
    """The document's standalone HTML alone, before its PDF (dvo serve's first step); the
    cache records it with the PDF (_write)."""
    write_bytes_if_changed(staged_file(docs, p.job.files()[1]), p.rendered.html.encode("utf-8"))


def _write(p: Prepared, pdf: bytes, docs: Path, cache: RenderCache) -> JobResult:
    files = {}
    for name, data in zip(p.job.files(), (pdf, p.rendered.html.encode("utf-8")), strict=True):
        write_bytes_if_changed(staged_file(docs, name), data)
        files[name] = hashlib.sha256(data).hexdigest()
    cache.record(p.job.naam, p.key, files)
    return JobResult(p.job, p.titel, None, tuple(sorted(files)))


def render(
    stale: list[Prepared], docs: Path, workers: int, cache: RenderCache, on_done, *, stop=None
) -> list[JobResult]:
    """The PDFs of `stale` in `workers` processes (1 = here), most expensive first;
    each written with its HTML and recorded in `cache`; `on_done(result)` per document.
    `stop()` true: no further document is started (dvo serve, when the source changed)."""
    from generator.render.templating.errors import describe

    order = sorted(stale, key=lambda p: (-p.cost, p.job.naam))
    results = []

    def finish(p: Prepared, pdf: bytes | None, error: Exception | None) -> None:
        if error is None:
            assert pdf is not None  # finish gets the PDF or the error (below)
            result = _write(p, pdf, docs, cache)
        else:
            result = JobResult(p.job, p.titel, describe(error, p.rendered.pdf_request.template_dirs))
        on_done(result)
        results.append(result)

    # One document's failure is reported, the others are still made (hence the broad excepts).
    if workers <= 1 or len(order) <= 1:
        for p in order:
            if stop is not None and stop():
                break
            try:
                pdf = p.rendered.pdf_request.render()
            except Exception as exc:
                finish(p, None, exc)
            else:
                finish(p, pdf, None)
        return results
    with _pool(min(workers, len(order))) as pool:
        futures = {pool.submit(_pdf, p.rendered.pdf_request): p for p in order}
        for future in as_completed(futures):
            # out of the dict: a finished future holds its PDF, which is written now, not kept
            # for the whole build (at 342 gemeenten every PDF of the build, hundreds of MB)
            p = futures.pop(future)
            if stop is not None and stop():
                for waiting in futures:
                    waiting.cancel()  # those not started; the running ones finish and are kept
            if future.cancelled():
                continue
            try:
                pdf = future.result()
            except Exception as exc:
                finish(p, None, exc)
            else:
                finish(p, pdf, None)
    return results


def default_workers() -> int:
    """Worker processes by default: the CPUs this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
