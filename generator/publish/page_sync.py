"""The site's sources into the staging docs folder: authored pages and their images, default
and generated pages, the site's stylesheet and script, and the theme overrides beside it.
Only files whose bytes changed are written; a page no longer made is removed."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.publish.inputs import BuildSource
from generator.publish.mkdocs_run import SiteError
from generator.render.templating.search_path import Templates
from generator.util.atomic import write_bytes_if_changed
from generator.util.paths import OutsideRepository, outward_links

DOCUMENT_FOLDERS = ("pdf",)  # inside the docs folder: written by the document step, not the page sync


def _desired_sources(project, templates: Templates) -> dict[str, bytes]:
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


def _sync_folder(
    folder: Path, desired: dict[str, bytes], *, more: Iterable[tuple[str, bytes]] = (), keep: tuple[str, ...] = ()
) -> int:
    """Make `folder` hold exactly `desired` and `more` (relative path -> bytes; `more` one
    at a time, taking the place of a file of `desired` with its path), writing only files
    whose bytes changed; files under the top-level folders `keep` are left alone. Returns
    how many files `more` gave."""
    names = set(desired)
    given = 0
    for rel, data in more:
        desired.pop(rel, None)
        names.add(rel)
        given += 1
        write_bytes_if_changed(folder / rel, data)
    for rel, data in desired.items():
        write_bytes_if_changed(folder / rel, data)
    if not folder.is_dir():
        return given
    for path in sorted(folder.rglob("*"), reverse=True):
        rel = path.relative_to(folder).as_posix()
        if rel.split("/")[0] in keep:
            continue
        if path.is_file() and rel not in names:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return given


def sync_pages(source: BuildSource, docs: Path, templates: Templates) -> int:
    """Authored, default and generated pages into the docs folder, the theme overrides
    beside it: only changed files are written, and a page or asset no longer made is
    removed. Returns the number of generated pages; a page template that fails is a
    SiteError that says which and why. The generated pages are written as they are made,
    so a large region's pages are never all in memory."""
    from generator.publish.default_pages import default_pages
    from generator.publish.pages import HOME, generate_pages
    from generator.publish.reading_copy import NotADocument
    from generator.render.templating.errors import describe

    project = source.project
    desired = _desired_sources(project, templates)
    try:
        desired.update({rel: text.encode("utf-8") for rel, text in default_pages(project, templates).items()})
        home = desired[HOME].decode("utf-8") if HOME in desired else None
        made = generate_pages(source, docs, templates, home=home)
        generated = _sync_folder(docs, desired, more=((r, t.encode("utf-8")) for r, t in made), keep=DOCUMENT_FOLDERS)
    except (OSError, OutsideRepository):
        raise  # a write error or a refused link: reported by publish() as such
    except NotADocument as exc:
        raise SiteError([str(exc)]) from exc
    except Exception as exc:
        raise SiteError([f"pagina's niet gemaakt: {describe(exc, templates.dirs)}"]) from exc
    overrides = {rel: path.read_bytes() for rel, path in templates.tree("site/overrides").items()}
    _sync_folder(docs.parent / "overrides", overrides)
    return generated
