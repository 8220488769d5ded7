"""`dvo build` end to end: documents and pages into the staging folder, mkdocs, then site/.

    .staging/html       the standalone HTML of every document (the source of its PDF)
    .staging/docs       PDFs, open data, authored and generated pages (reading copies too)
    .staging/overrides  the theme overrides (custom_dir): Dutch names, 404 page, footer
    .staging/mkdocs.yml the region's mkdocs.yml with the navigation from the data
    .staging/cache      render keys of the documents and of the last site (cache.py),
                        and compiled templates in jinja/ (render/templating.py)
    .staging/site       mkdocs build --strict of that folder
    site/               replaced by .staging/site in one rename, only when the site built

Builds are incremental: a document is rendered only when its render key changed
(jobs.py, render_key.py); pages, overrides and the configuration are regenerated
every build but written only where their bytes changed; mkdocs runs only when a file
it reads (docs folder, overrides, configuration) or the software changed. Documents
stay in the staging folder between builds, so `--gemeente` rebuilds one gemeente
and still publishes the others; a document that fails keeps its previous version.
A site that does not build leaves site/ exactly as it was.

One build at a time holds `.staging/bouw.lock` (lock.py), CI shards too. A build
killed halfway leaves at most temp files in the staging folder and, if killed
between the two renames of the swap, the previous site in `.staging/site-vorige`:
the next build removes the first and puts the second back before it starts. A full
disk, a read-only site/ or any other write error ends the build with PublishError;
site/ is then unchanged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.bounds import TooLarge, read_limited, structure_problems
from generator.load.project import Project
from generator.publish.cache import RenderCache, file_sha256
from generator.publish.jobs import Job, JobResult, html_folder, prepare, render, reuse
from generator.publish.lock import build_lock
from generator.publish.manifest import write_manifest
from generator.publish.render_key import KEY_FORMAT, KeyMaker, software_fingerprint
from generator.render.templates import Templates
from generator.render.templating import store_compiled_templates
from generator.util.atomic import write_bytes_if_changed, write_text_if_changed
from generator.util.oserrors import os_problem
from generator.util.paths import OutsideRepository, outside_reason, outward_links
from generator.util.revision import source_date

DOCUMENT_FOLDERS = ("pdf",)  # inside the docs folder: written by the document step, not the page sync
LEGACY_FOLDERS = ("dvo", "rapport")  # reading copies as loose HTML files, before they were pages


class SiteError(Exception):
    """mkdocs refused the site; `problems` are its warnings."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


class PublishError(Exception):
    """The build could not write (full disk, read-only site/, a link out of the repository); Dutch."""


class Voortgang:
    """What a build reports while it works; the CLI prints it, tests may ignore it."""

    def stap(self, message: str) -> None:
        pass

    @contextmanager
    def documenten(self, total: int):
        """Yields `advance(result)`, called once per rendered document."""
        yield lambda result: None


@dataclass
class Outcome:
    results: list[JobResult] = field(default_factory=list)
    pages: int = 0
    site_gebouwd: bool = False  # False: nothing the site is made of changed; site/ kept as it was
    niet_uit_delen: list[str] = field(default_factory=list)  # merge: documents no shard had

    @property
    def failed(self) -> list[JobResult]:
        return [r for r in self.results if r.fout]

    @property
    def gemaakt(self) -> list[JobResult]:
        return [r for r in self.results if r.fout is None and not r.hergebruikt]


def staging(project: Project) -> Path:
    return project.layout.root / ".staging"


def _docs(project: Project) -> Path:
    return staging(project) / "docs"


def _load_cache(project: Project, voortgang: Voortgang) -> RenderCache:
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
    for folder in LEGACY_FOLDERS:
        shutil.rmtree(docs / folder, ignore_errors=True)


def render_documents(
    project: Project, verantwoording, jobs: list[Job], *, revisie: str, workers: int, whole: bool,
    opnieuw: bool = False, deel: tuple[int, int] | None = None, uit: Path | None = None,
    delen: tuple[Path, ...] = (), voortgang: Voortgang | None = None,
) -> Outcome:
    """Render what changed of `jobs` into the staging docs folder, with the open data.

    `whole`: these are all documents, so any other is removed. `opnieuw`: render all,
    whatever the cache says. `deel` (I, N): only shard I of N, written to `uit`.
    `delen`: shard folders whose documents are used where their keys match.
    """
    from generator.publish import shards
    from generator.render.open_data import files as open_data_files

    voortgang = voortgang or Voortgang()
    if deel is not None:
        shards.check_folder(uit)  # before any work: a shard never empties a folder not its own
    docs = _docs(project)
    docs.mkdir(parents=True, exist_ok=True)
    cache = _load_cache(project, voortgang)
    keys = KeyMaker(Templates.for_layout(project.layout).dirs)
    prepared, failed = prepare(project, verantwoording, jobs, revisie, keys)
    if deel is not None:
        prepared, failed = shards.select(prepared, failed, *deel)
    outcome = Outcome()
    if delen:
        imported = shards.import_shards(list(delen), prepared, docs, cache)
        outcome.niet_uit_delen = sorted({p.job.naam for p in prepared} - imported.documenten)
    fresh, stale = ([], prepared) if opnieuw else reuse(prepared, cache, docs)
    open_data = {} if deel is not None else {f"pdf/{name}": text for name, text in open_data_files(verantwoording).items()}
    if whole:
        _prune(docs, {name for job in jobs for name in job.files()} | set(open_data))
        cache.forget_except({job.naam for job in jobs})
    for rel, text in open_data.items():
        write_text_if_changed(docs / rel, text)
    voortgang.stap(f"Documenten: {len(stale) + len(failed)} te maken, {len(fresh)} ongewijzigd sinds de vorige bouw.")
    try:
        with voortgang.documenten(len(stale) + len(failed)) as advance:
            for result in failed:  # their HTML already failed: reported first, in the same count
                advance(result)
            made = render(stale, docs, workers, cache, advance)
    finally:
        cache.save()  # what was rendered before an interruption stays usable
    order = {job: n for n, job in enumerate(jobs)}
    outcome.results = sorted(fresh + made + failed, key=lambda r: order[r.job])
    if deel is not None:
        shards.export(outcome.results, {p.job.naam: p.key for p in prepared}, docs, uit, *deel)
    return outcome


def _desired_sources(project: Project, templates: Templates) -> dict[str, bytes]:
    """Authored pages (and their images) and the site's stylesheet and script."""
    out = {}
    pages = project.layout.pages
    if pages.is_dir():
        outside = outward_links(pages, project.layout.root)
        if outside:
            raise OutsideRepository("; ".join(f"{project.layout.rel(p)} {reason}" for p, reason in outside))
        out.update({p.relative_to(pages).as_posix(): p.read_bytes() for p in sorted(pages.rglob("*")) if p.is_file()})
    for folder in ("stylesheets", "javascripts"):
        out.update({f"{folder}/{rel}": path.read_bytes() for rel, path in templates.tree(f"site/{folder}").items()})
    return out


def _sync_folder(folder: Path, desired: dict[str, bytes], *, keep: tuple[str, ...] = ()) -> None:
    """Make `folder` hold exactly `desired` (relative path -> bytes), writing only files whose
    bytes changed; files under the top-level folders `keep` are left alone."""
    for rel, data in desired.items():
        write_bytes_if_changed(folder / rel, data)
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        rel = path.relative_to(folder).as_posix()
        if rel.split("/")[0] in keep:
            continue
        if path.is_file() and rel not in desired:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _sync_pages(project: Project, verantwoording, docs: Path, templates: Templates, overzichten: dict | None = None) -> int:
    """Authored, default and generated pages into the docs folder, the theme overrides
    beside it: only changed files are written, and a page or asset no longer made is
    removed. Returns the number of generated pages; a page template that fails is a
    SiteError that says which and why."""
    from generator.publish.default_pages import default_pages
    from generator.publish.pages import HOME, pages
    from generator.publish.reading_copy import NotADocument
    from generator.render.template_errors import describe

    desired = _desired_sources(project, templates)
    try:
        desired.update({rel: text.encode("utf-8") for rel, text in default_pages(project, templates).items()})
        home = desired[HOME].decode("utf-8") if HOME in desired else None
        generated = pages(project, verantwoording, docs, templates, overzichten, home=home)
    except (OSError, OutsideRepository):
        raise  # a write error or a refused link: reported by publish() as such
    except NotADocument as exc:
        raise SiteError([str(exc)]) from exc
    except Exception as exc:  # noqa: BLE001 - a broken page template is the user's to fix: say which and why
        raise SiteError([f"pagina's niet gemaakt: {describe(exc, templates.dirs)}"]) from exc
    desired.update({rel: text.encode("utf-8") for rel, text in generated.items()})
    _sync_folder(docs, desired, keep=DOCUMENT_FOLDERS)
    overrides = {rel: path.read_bytes() for rel, path in templates.tree("site/overrides").items()}
    _sync_folder(docs.parent / "overrides", overrides)
    return len(generated)


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


def _theme_dir(config: Path) -> Path | None:
    """A theme `custom_dir` in mkdocs.yml: mkdocs reads it besides the docs folder. Read
    with ruamel's composer, which needs no constructor for tags such as !!python/name."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.nodes import MappingNode

    try:
        root = YAML().compose(config.read_text(encoding="utf-8"))
    except (OSError, YAMLError):
        return None  # mkdocs itself will report it
    theme = next((v for k, v in root.value if k.value == "theme"), None) if isinstance(root, MappingNode) else None
    custom = next((v.value for k, v in theme.value if k.value == "custom_dir"), None) if isinstance(theme, MappingNode) else None
    return config.parent / custom if isinstance(custom, str) else None


def _site_key(project: Project, config: Path, docs: Path) -> str:
    """Everything mkdocs reads: the docs folder, the configuration it is given (and its
    theme custom_dir: the overrides), the software and the site date."""
    h = hashlib.sha256()
    h.update(json.dumps([KEY_FORMAT, software_fingerprint(), file_sha256(config), site_date(project).isoformat()]).encode())
    folders = [("docs", docs)]
    theme = _theme_dir(config)
    if theme is not None and theme.is_dir():
        folders.append(("theme", theme))
    for label, folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(f"{label} {path.relative_to(folder).as_posix()} {file_sha256(path)}\n".encode())
    return h.hexdigest()


def _site_intact(site: Path, manifest_sha256: str | None) -> bool:
    """site/ is exactly what its manifest lists: the manifest we wrote, every file in it, nothing else."""
    manifest = site / "manifest.json"
    if manifest_sha256 is None or file_sha256(manifest) != manifest_sha256:
        return False
    try:
        listed = {e["pad"]: e["sha256"] for e in json.loads(manifest.read_text(encoding="utf-8"))["bestanden"]}
    except (OSError, ValueError, KeyError, TypeError):
        return False
    present = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p != manifest}
    return present == set(listed) and all(file_sha256(site / rel) == digest for rel, digest in listed.items())


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


def build_site(project: Project, verantwoording, outcome: Outcome, *, opnieuw: bool = False, voortgang: Voortgang | None = None,
               overzichten: dict | None = None) -> Outcome:
    """Pages into the docs folder, then mkdocs into site/ unless nothing it reads changed."""
    from generator.publish.pages import nav_sections
    from generator.publish.site_config import write_effective_config

    voortgang = voortgang or Voortgang()
    docs = _docs(project)
    templates = Templates.for_layout(project.layout)
    outcome.pages = _sync_pages(project, verantwoording, docs, templates, overzichten)
    config = write_effective_config(project.layout.root / "mkdocs.yml", staging(project), nav_sections(project, verantwoording, docs, overzichten))
    cache = _load_cache(project, Voortgang())
    key = _site_key(project, config, docs)
    site = project.layout.site
    if not opnieuw and cache.site.get("sleutel") == key and _site_intact(site, cache.site.get("manifest")):
        voortgang.stap("De site is ongewijzigd: geen pagina of document veranderde.")
        return outcome
    voortgang.stap("Pagina's schrijven en de site bouwen (mkdocs, strikt) ...")
    built = staging(project) / "site"
    if built.exists():
        shutil.rmtree(built)  # left by an interrupted build
    try:
        run_mkdocs(config, docs, built, datum=site_date(project))
    except SiteError as exc:  # mkdocs speaks English about staging paths: Dutch, naming the region's files
        from generator.publish.mkdocs_meldingen import dutch

        raise SiteError([dutch(m, project.layout) for m in exc.problems]) from exc
    manifest = write_manifest(built)
    cache.site = {"sleutel": key, "manifest": file_sha256(manifest)}
    _swap(built, site, staging(project) / "site-vorige")
    cache.save()
    outcome.site_gebouwd = True
    return outcome


@contextmanager
def _building(project: Project, voortgang: Voortgang, *, wait: bool, site: bool = True):
    """Hold the build lock (BuildBusy when another build has it and `wait` is False), clean
    up after a killed build, and turn write errors into PublishError."""
    if site:
        _check_writable(project)

    def waiting(pid: int | None) -> None:
        voortgang.stap(f"Wacht op een andere bouw van deze regio{f' (proces {pid})' if pid else ''} ...")

    try:
        with build_lock(staging(project), wait=wait, on_wait=waiting) as killed:
            if killed is not None:
                voortgang.stap(f"Een eerdere bouw (proces {killed}) is afgebroken; wat die achterliet, is opgeruimd.")
            _recover(project)
            store_compiled_templates()
            yield
    except OSError as exc:
        raise PublishError(f"schrijven mislukt: {os_problem(exc)}") from exc
    except OutsideRepository as exc:
        raise PublishError(str(exc)) from exc


def publish(project: Project, verantwoording, jobs: list[Job], *, whole: bool, revisie: str, workers: int,
            opnieuw: bool = False, delen: tuple[Path, ...] = (), voortgang: Voortgang | None = None,
            wait: bool = False, overzichten: dict | None = None) -> Outcome:
    """Documents (incremental), then the site when anything it is made of changed; `whole`:
    these are all documents; `overzichten`: see overzichten.py. Holds the build lock throughout (`wait`: wait for another
    build instead of refusing). Write errors become PublishError; site/ is then as it was."""
    voortgang = voortgang or Voortgang()
    with _building(project, voortgang, wait=wait):
        outcome = render_documents(
            project, verantwoording, jobs, revisie=revisie, workers=workers, whole=whole,
            opnieuw=opnieuw, delen=delen, voortgang=voortgang,
        )
        return build_site(project, verantwoording, outcome, opnieuw=opnieuw, voortgang=voortgang, overzichten=overzichten)


def publish_shard(project: Project, verantwoording, jobs: list[Job], *, revisie: str, workers: int,
                  deel: tuple[int, int], uit: Path, opnieuw: bool = False, voortgang: Voortgang | None = None) -> Outcome:
    """CI shard `deel` (I, N) of `jobs` into the folder `uit` (no site), under the build lock."""
    voortgang = voortgang or Voortgang()
    with _building(project, voortgang, wait=False, site=False):
        return render_documents(
            project, verantwoording, jobs, revisie=revisie, workers=workers, whole=True,
            opnieuw=opnieuw, deel=deel, uit=uit, voortgang=voortgang,
        )
