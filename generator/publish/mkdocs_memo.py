"""What mkdocs computes per page, kept between builds: only changed pages are converted again.

mkdocs builds the whole site every time. Most of its time per page goes into two steps
whose result depends on the page alone: converting its Markdown to HTML (`Page.render`)
and cutting that HTML into search-index entries (material's `add_entry_from_context`).
After an edit of one realisatie, ten of seventy pages change; the others' results are
taken from `.staging/cache/mkdocs/`:

- a page's conversion is reused when its Markdown (after the plugins' on_page_markdown),
  its path and URL, and the build's setting are the same: the effective mkdocs.yml (its
  Markdown extensions and the navigation), the list of files (links are resolved against
  it) and the software. Kept: the HTML, the table of contents, the title found in it, its
  anchors and its links to anchors of other pages (mkdocs checks those after all pages).
- a page's search entries are reused when its HTML, URL, title, table of contents and
  front matter are the same. `dvo serve`'s HTML step, which is always followed by the
  build that links the new PDFs, may take a changed page's previous entries instead
  (`zoekindex_later`): its search index follows with the PDFs, about a second of
  parsing saved where the user waits;
- a page's place in the theme (main.html rendered around its HTML) is reused when, besides
  those, the navigation (every page's title and URL, in order), the list of files, the
  build's setting and its date (SOURCE_DATE_EPOCH) are the same: what the theme reads;
  likewise the theme's own pages (404.html, sitemap.xml), which read no page's content.

The build's setting includes the theme overrides (custom_dir), which a region can change
through dvo_templates/site/overrides. The theme's templates are compiled once: Jinja's
bytecode cache in `.staging/cache/mkdocs/jinja`, checked against each template's source.
The theme's static files (thousands in the installed theme, mostly icons) are listed once
per process; folders outside the installed packages (the overrides) are listed every build.

A reading copy (site/leesversie.md) ends in the document itself: a block of raw HTML of
100-250 kB, which Markdown passes through unchanged but parses twice on the way (its own
HTML-block step and mkdocs' search for anchors), about 0.3 s per page. So a page that ends in
such a block is converted without it (`ReadingCopyTail`): the rest of the page, with a
placeholder that the block then replaces, and the block's ids added to the page's anchors.
tests/test_site.py builds the example's site both ways and compares every byte.

Everything else (navigation, templates, the search index, the sitemap) is made as before,
so the site is byte for byte what a build without the memo makes; an unknown mkdocs
version, an unreadable memo or any miss only costs time. Only what this build used is
saved, and only after mkdocs succeeded (a page that warned is never kept).
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.publish.render_key import software_fingerprint

SUPPORTED = "1.6."  # Page.render's results as mkdocs 1.6 sets them
# Markdown extensions whose output depends on the page's own text alone (not, like
# pymdownx.snippets, on other files); with any other extension or plugin, no memo.
PURE_EXTENSIONS = frozenset(
    [
        "attr_list",
        "md_in_html",
        "tables",
        "admonition",
        "toc",
        "abbr",
        "def_list",
        "footnotes",
        "sane_lists",
        "smarty",
        "nl2br",
        "meta",
        "fenced_code",
        "codehilite",
        "pymdownx.details",
        "pymdownx.superfences",
        "pymdownx.highlight",
        "pymdownx.inlinehilite",
        "pymdownx.tabbed",
        "pymdownx.tasklist",
        "pymdownx.mark",
        "pymdownx.tilde",
        "pymdownx.caret",
        "pymdownx.keys",
        "pymdownx.smartsymbols",
        "pymdownx.betterem",
    ]
)
KNOWN_PLUGINS = frozenset(("search", "material/search"))


def applies(config) -> bool:
    """The memo is used only where a page's conversion depends on the page alone."""
    extensions = [e if isinstance(e, str) else type(e).__module__ for e in config["markdown_extensions"]]
    return all(e in PURE_EXTENSIONS for e in extensions) and set(config["plugins"]) <= KNOWN_PLUGINS


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


# How site/leesversie.md ends: the document's HTML inside this block, up to the page's end.
TAIL_OPEN = '\n<div class="leesversie">\n'
TAIL_CLOSE = "\n</div>"
PLACEHOLDER = "<!-- dvo:leesversie -->"
_UNUSUAL = re.compile("[\t\r\x02\x03]")
_SPACES_LINE = re.compile(r"(?<=\n) +\n")
_ID = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]*)"')
_NAME = re.compile(r'<a\s[^>]*?\bname="([^"]*)"')


@dataclass(frozen=True)
class ReadingCopyTail:
    """A page's Markdown without its closing block of raw HTML (see the module's docstring)."""

    skeleton: str  # the page with PLACEHOLDER where the HTML was
    html: str

    @classmethod
    def of(cls, markdown: str) -> ReadingCopyTail | None:
        start = markdown.rfind(TAIL_OPEN)
        if start < 0 or not markdown.rstrip().endswith(TAIL_CLOSE.strip()) or PLACEHOLDER in markdown:
            return None
        body_start = start + len(TAIL_OPEN)
        body_end = markdown.rstrip().rfind(TAIL_CLOSE)
        body = markdown[body_start:body_end]
        # Markdown passes a block through as one element when its <div>s balance, with the
        # whitespace it normalises in any text (no tabs or carriage returns here, whose
        # treatment depends on more than the block), lines of spaces emptied.
        if body_end < body_start or body.count("<div") != body.count("</div>") or _UNUSUAL.search(body):
            return None
        body = _SPACES_LINE.sub("\n", "\n" + body + "\n")[1:-1]
        return cls(markdown[:body_start] + PLACEHOLDER + markdown[body_end:], body)

    def fill(self, content: str) -> str | None:
        """The converted skeleton with the HTML in its place; None if the placeholder did not
        come through exactly once (then the page is converted whole)."""
        if content.count(PLACEHOLDER) != 1:
            return None
        return content.replace(PLACEHOLDER, self.html)

    def anchors(self) -> set[str]:
        """The ids mkdocs would have found in the HTML (links to them are checked)."""
        return {html.unescape(v) for v in _ID.findall(self.html) + _NAME.findall(self.html)}


def _tokens(items) -> list[dict]:
    return [{"level": i.level, "id": i.id, "name": i.title, "children": _tokens(i.children)} for i in items]


def _overrides_digest(folder: Path | None) -> str:
    """The theme's custom_dir, every file: the theme's output depends on them."""
    if folder is None or not folder.is_dir():
        return ""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return _digest(*(f"{p.relative_to(folder).as_posix()} {hashlib.sha256(p.read_bytes()).hexdigest()}" for p in files))


# The theme's static files as mkdocs lists them: (src_uri, theme folder), per theme setting.
_THEME_FILES: dict[tuple, list[tuple[str, str]]] = {}


def _own_listing(dirs) -> tuple[str, ...]:
    """Every file in the theme folders that are not part of an installed package (the
    custom_dir): the part of the theme a build can change."""
    import sysconfig

    installed = tuple(os.path.realpath(sysconfig.get_paths()[k]) for k in ("purelib", "platlib"))
    out: list[str] = []
    for folder in dirs:
        if os.path.realpath(folder).startswith(installed):
            continue
        for base, _, names in os.walk(folder):
            out += sorted(os.path.join(base, n) for n in names)
    return tuple(out)


class Memo:
    """One file per page result in a folder (`p-<key>.json` a conversion, `z-<key>.json` search
    entries), read only when asked for. A new result is written when it is made, into the
    folder `pending/`, and moved beside the others only once the build succeeded (`save`):
    memory holds names, not results (at 342 gemeenten the results of a clean build were
    gigabytes), and a build that failed or was stopped leaves nothing to be reused."""

    def __init__(self, folder: Path, config: Path, overrides: Path | None = None):
        self.folder = folder
        self.pending = folder / "pending"
        shutil.rmtree(self.pending, ignore_errors=True)  # left by a build that failed or was stopped
        self.setting = _digest(software_fingerprint(), config.read_text(encoding="utf-8"), _overrides_digest(overrides))
        self.used: set[str] = set()  # file names this build keeps
        self.new: set[str] = set()  # those it made (in `pending/` until saved)
        self.complete = True  # False: a page was converted without the memo (nothing is saved)
        self.later = False  # search entries of a changed page: its previous ones (zoekindex_later)

    def get(self, name: str):
        try:
            path = (self.pending if name in self.new else self.folder) / name
            value = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.used.add(name)
        return value

    def put(self, name: str, value) -> None:
        # not synced: a file lost or cut short by a crash is unreadable JSON, which is a miss
        self.pending.mkdir(parents=True, exist_ok=True)
        (self.pending / name).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        self.used.add(name)
        self.new.add(name)

    def save(self) -> None:
        """Move this build's new results in and drop those it did not use."""
        if self.complete:
            for name in sorted(self.new):
                os.replace(self.pending / name, self.folder / name)
            for path in self.folder.glob("*.json"):
                if path.name not in self.used:
                    path.unlink(missing_ok=True)
        shutil.rmtree(self.pending, ignore_errors=True)


@contextmanager
def memoised(
    path: Path, config: Path, *, overrides: Path | None = None, zoekindex_later: bool = False
) -> Iterator[Memo | None]:
    """Within this block, mkdocs reuses the per-page results kept in the folder `path`; the caller
    saves the memo (`memo.save()`) once the build succeeded. `overrides`: the theme's custom_dir.
    `zoekindex_later`: a changed page keeps its previous search entries (see the docstring)."""
    import mkdocs
    import mkdocs.commands.build as mkdocs_build
    from jinja2 import FileSystemBytecodeCache
    from material.plugins.search.plugin import SearchIndex  # type: ignore[import-untyped]
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import get_toc
    from mkdocs.theme import Theme

    if not mkdocs.__version__.startswith(SUPPORTED):
        yield None
        return
    memo = Memo(path, config, overrides)
    memo.later = zoekindex_later
    render, add_entry, get_env = Page.render, SearchIndex.add_entry_from_context, Theme.get_env
    build_page: Any = mkdocs_build._build_page  # (it is given our ThemeEnvironment for Jinja's)
    build_theme_template: Any = mkdocs_build._build_theme_template  # (likewise)
    add_files_from_theme = Files.add_files_from_theme
    compiled = path / "jinja"
    file_list: dict[int, str] = {}  # id(files) -> digest of its paths and URLs, once per build

    def files_digest(files) -> str:
        key = id(files)
        if key not in file_list:
            file_list[key] = _digest(*sorted(f"{f.src_uri} {f.url} {f.dest_uri}" for f in files))
        return file_list[key]

    def convert(page, config, files) -> None:
        """Page.render, with a reading copy's HTML passed by (ReadingCopyTail)."""
        tail = ReadingCopyTail.of(page.markdown)
        if tail is not None:
            whole = page.markdown
            page.markdown = tail.skeleton
            try:
                render(page, config, files)
            finally:
                page.markdown = whole
            filled = tail.fill(page.content)
            if filled is not None:
                page.content = filled
                page.present_anchor_ids = (page.present_anchor_ids or set()) | tail.anchors()
                return
        render(page, config, files)

    def cached_render(page, config, files) -> None:
        memoised_render(page, config, files)
        page.markdown = None  # converted: only the HTML is read from here on (not held for every page)

    def memoised_render(page, config, files) -> None:
        if (
            page.markdown is None
            or logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG
            or not applies(config)
        ):
            memo.complete = False
            return render(page, config, files)
        name = (
            "p-" + _digest(memo.setting, files_digest(files), page.file.src_uri, page.file.url, page.markdown) + ".json"
        )
        entry = memo.get(name)
        if isinstance(entry, dict):
            page.content = entry["content"]
            page.toc = get_toc(entry["toc"])
            page._title_from_render = entry["title"]
            page.present_anchor_ids = set(entry["anchors"])
            page.links_to_anchors = {files.get_file_from_path(src): dict(v) for src, v in entry["links"].items()}
            if None not in page.links_to_anchors:
                return
        convert(page, config, files)
        links = page.links_to_anchors or {}
        memo.put(
            name,
            {
                "content": page.content,
                "toc": _tokens(page.toc),
                "title": page._title_from_render,
                "anchors": sorted(page.present_anchor_ids or ()),
                "links": {f.src_uri: dict(v) for f, v in links.items()},
            },
        )

    nav_list: dict[int, str] = {}  # id(nav) -> digest of its items, once per build

    def nav_digest(nav) -> str:
        def items(entries) -> list:
            return [[type(e).__name__, str(e.title), getattr(e, "url", None), items(e.children or [])] for e in entries]

        if id(nav) not in nav_list:
            nav_list[id(nav)] = _digest(json.dumps(items(nav.items)))
        return nav_list[id(nav)]

    class Themed:
        """A theme template whose output is taken from the memo when it has it: for a page
        (`page` given) or for one of the theme's own pages (404.html, sitemap.xml)."""

        def __init__(self, template, name: str, page, nav, files) -> None:
            self.template, self.name, self.page, self.nav, self.files = template, name, page, nav, files

        def _page_parts(self) -> list[str]:
            page = self.page
            if page is None:
                return ["thema"]
            return [
                page.file.src_uri,
                page.url,
                str(page.title),
                json.dumps(page.meta, sort_keys=True, default=str),
                json.dumps(_tokens(page.toc)),
                page.content or "",
            ]

        def render(self, context) -> str:
            key = "t-" + _digest(
                memo.setting,
                os.environ.get("SOURCE_DATE_EPOCH", ""),
                nav_digest(self.nav),
                files_digest(self.files),
                self.name,
                *self._page_parts(),
            )
            kept = memo.get(key + ".json")
            if isinstance(kept, str):
                return kept
            output = self.template.render(context)
            memo.put(key + ".json", output)
            return output

        def __getattr__(self, name: str):  # plugins' on_pre_template may look at the template
            return getattr(self.template, name)

    class ThemeEnvironment:
        """The theme's Jinja environment as _build_page sees it: templates come back Themed."""

        def __init__(self, env, page, nav, files) -> None:
            self.env, self.page, self.nav, self.files = env, page, nav, files

        def get_template(self, name: str):
            return Themed(self.env.get_template(name), name, self.page, self.nav, self.files)

        def __getattr__(self, name: str):
            return getattr(self.env, name)

    def cached_build_page(page, config, doc_files, nav, env, dirty=False, excluded=False) -> None:
        if memo.complete and applies(config):
            env = ThemeEnvironment(env, page, nav, doc_files)
        build_page(page, config, doc_files, nav, env, dirty, excluded)
        # Written: nothing reads the page's Markdown or HTML again (mkdocs checks the links to
        # anchors from page.present_anchor_ids), so a large site is not held in memory whole.
        page.markdown = page.content = None

    def cached_theme_template(template_name, env, files, config, nav) -> None:
        if not memo.complete or not applies(config):
            return build_theme_template(template_name, env, files, config, nav)
        return build_theme_template(template_name, ThemeEnvironment(env, None, nav, files), files, config, nav)

    def theme_files_once(files, env, config) -> None:
        """Files.add_files_from_theme, with the theme's listing taken from _THEME_FILES."""
        key = (tuple(config.theme.dirs), tuple(config.theme.static_templates), _own_listing(config.theme.dirs))
        if key not in _THEME_FILES:
            listed = Files([])
            add_files_from_theme(listed, env, config)
            _THEME_FILES.clear()  # one theme per process is the rule; keep just the last
            _THEME_FILES[key] = [(f.src_uri, f.src_dir) for f in listed if f.src_dir is not None]
        for src_uri, src_dir in _THEME_FILES[key]:
            if files.get_file_from_path(src_uri) is None:  # theme files do not override docs files
                files.append(File(src_uri, src_dir, config.site_dir, config.use_directory_urls))

    def compiling_once(theme) -> Any:
        env = get_env(theme)
        compiled.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(compiled))
        return env

    def cached_entries(self, page) -> None:
        if not memo.complete:
            return add_entry(self, page)
        name = (
            "z-"
            + _digest(
                memo.setting,
                page.url,
                str(page.title),
                json.dumps(page.meta, sort_keys=True, default=str),
                json.dumps(_tokens(page.toc)),
                page.content or "",
            )
            + ".json"
        )
        latest = "u-" + _digest(memo.setting, page.url) + ".json"  # which entries the page had last
        pointer = memo.get(latest)
        entries = memo.get(name)
        if not isinstance(entries, list) and memo.later:
            previous = pointer.get("z") if isinstance(pointer, dict) else None
            if isinstance(previous, str) and previous.startswith("z-"):
                kept = memo.get(previous)
                if isinstance(kept, list):
                    name, entries = previous, kept
        if isinstance(entries, list):
            self.entries.extend(entries)  # read from the memo's file: this build's own objects
        else:
            before = len(self.entries)
            add_entry(self, page)
            memo.put(name, self.entries[before:])
        if pointer != {"z": name}:
            memo.put(latest, {"z": name})

    setattr(Page, "render", cached_render)  # noqa: B010 (mypy refuses assigning to a method)
    setattr(SearchIndex, "add_entry_from_context", cached_entries)  # noqa: B010
    setattr(Theme, "get_env", compiling_once)  # noqa: B010
    setattr(Files, "add_files_from_theme", theme_files_once)  # noqa: B010
    mkdocs_build._build_page = cached_build_page
    mkdocs_build._build_theme_template = cached_theme_template
    try:
        yield memo
    finally:
        setattr(Page, "render", render)  # noqa: B010
        setattr(SearchIndex, "add_entry_from_context", add_entry)  # noqa: B010
        setattr(Theme, "get_env", get_env)  # noqa: B010
        setattr(Files, "add_files_from_theme", add_files_from_theme)  # noqa: B010
        mkdocs_build._build_page = build_page
        mkdocs_build._build_theme_template = build_theme_template
