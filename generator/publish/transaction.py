"""The filesystem transaction of a build: the staging folder, one build at a time, and
site/ replaced whole or not at all.

    .staging/           everything a build makes before it is published
    .staging/site       mkdocs' output, renamed onto site/ when the site built
    .staging/site-vorige the previous site, only between the two renames of the swap

A build killed halfway leaves at most temp files in the staging folder and, if killed
between the two renames, the previous site in `.staging/site-vorige`: the next build
removes the first and puts the second back before it starts (`recover`). A full disk,
a read-only site/ or any other write error ends the build with PublishError; site/ is
then unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.load.project import Project
from generator.publish.cache import file_sha256
from generator.publish.lock import build_lock
from generator.render.templating.environment import store_compiled_templates
from generator.util.errors import DvoError
from generator.util.oserrors import os_problem
from generator.util.paths import OutsideRepository


class PublishError(DvoError):
    """The build could not write (full disk, read-only site/, a link out of the repository)."""


def staging(project: Project) -> Path:
    return project.layout.root / ".staging"


def site_intact(site: Path, manifest_sha256: str | None) -> bool:
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


def swap(new: Path, site: Path, old: Path) -> None:
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


def recover(project: Project) -> None:
    """Undo what a killed build left: its previous site set aside, and temp files of atomic writes."""
    site, old = project.layout.site, staging(project) / "site-vorige"
    if old.is_dir() and not site.exists():
        old.rename(site)
    for tmp in staging(project).rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def check_writable(project: Project) -> None:
    """Refuse before any work when site/ or the repository folder may not be written.

    The permission bits are checked as well as access(): root may write anyway,
    but a folder someone made read-only is meant to stay as it is.
    """
    for folder in (project.layout.site, project.layout.root):
        if folder.is_dir() and (not folder.stat().st_mode & 0o222 or not os.access(folder, os.W_OK)):
            name = project.layout.rel(folder) + "/" if folder != project.layout.root else str(folder)
            raise PublishError(f"{name} is alleen-lezen; maak de map schrijfbaar om de site te bouwen")


@contextmanager
def building(project: Project, on_step: Callable[[str], None], *, wait: bool, site: bool = True) -> Iterator[None]:
    """Hold the build lock (BuildBusy when another build has it and `wait` is False), clean
    up after a killed build, and turn write errors into PublishError. Every error that
    leaves says what it means for the user's files: `site` (a whole build: site/ is
    unchanged) or a CI shard (its folder may be incomplete)."""
    gevolg = (
        f"De site is niet gebouwd; {project.layout.site} is ongewijzigd."
        if site
        else "Dit deel is niet (helemaal) gemaakt."
    )
    if site:
        try:
            check_writable(project)
        except PublishError as exc:
            exc.gevolg = exc.gevolg or gevolg
            raise

    def waiting(pid: int | None) -> None:
        on_step(f"Wacht op een andere bouw van deze regio{f' (proces {pid})' if pid else ''} ...")

    try:
        with build_lock(staging(project), wait=wait, on_wait=waiting) as killed:
            if killed is not None:
                on_step(f"Een eerdere bouw (proces {killed}) is afgebroken; wat die achterliet, is opgeruimd.")
            recover(project)
            store_compiled_templates()
            yield
    except OSError as exc:
        raise PublishError(f"schrijven mislukt: {os_problem(exc)}", gevolg=gevolg) from exc
    except OutsideRepository as exc:
        raise PublishError(str(exc), gevolg=gevolg) from exc
    except DvoError as exc:
        exc.gevolg = exc.gevolg or gevolg
        raise
