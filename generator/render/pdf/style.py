"""The print stylesheet with its fonts: made once per process, reused for every PDF.

Every PDF used to start with a fresh WeasyPrint `FontConfiguration` (which loads the
machine's whole Fontconfig configuration, then copies the shipped @font-face files into it)
and a fresh parse of print.css. A worker renders many documents from the same assets, so it
now keeps one `PrintStyle` per set of assets, keyed by their size and modification time:
a print.css edited while `dvo serve` runs is read again. Reuse changes no byte of a PDF
(tests/test_pdf_style.py); it saves that set-up per document.

WeasyPrint copies the @font-face files into a temporary folder that it removes only when
the `FontConfiguration` is garbage collected. A worker process of a pool ends without that
(multiprocessing leaves through os._exit), so every build left a 1.5 MB folder in /tmp per
worker. Here the folder is removed when the process ends: multiprocessing runs its
`Finalize` callbacks in a worker, and at exit in the main process.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from multiprocessing.util import Finalize
from pathlib import Path
from typing import Any

from generator.render.templating.search_path import Templates


def _assets(template_dirs: tuple[Path, ...]) -> dict[str, Path]:
    """The winning file for each path under the static folders (the override, first, wins)."""
    files: dict[str, Path] = {}
    for folder in reversed(template_dirs):
        static = folder / "static"
        if static.is_dir():
            files.update({p.relative_to(static).as_posix(): p for p in static.rglob("*") if p.is_file()})
    return files


def assets_fingerprint(template_dirs: tuple[Path, ...]) -> str:
    """Every asset a PDF may fetch, by content (render keys: the same on every machine)."""
    files = _assets(template_dirs)
    h = hashlib.sha256()
    for rel in sorted(files):
        h.update(f"{rel} {hashlib.sha256(files[rel].read_bytes()).hexdigest()}\n".encode())
    return h.hexdigest()


@dataclass(frozen=True)
class PrintStyle:
    fonts: Any  # weasyprint.text.fonts.FontConfiguration
    css: Any  # weasyprint.CSS: print.css, its @font-face rules loaded into `fonts`
    refused: tuple[str, ...]  # URLs print.css asked for outside the assets: every PDF fails with them


_STYLES: dict[tuple[int, tuple[Path, ...], tuple], PrintStyle] = {}


def _assets_stamp(template_dirs: tuple[Path, ...]) -> tuple:
    """The assets as this process sees them now: path, size and modification time of each
    (cheaper per PDF than reading the fonts; any edit changes it)."""
    return tuple(
        (rel, (st := path.stat()).st_size, st.st_mtime_ns) for rel, path in sorted(_assets(template_dirs).items())
    )


def _remove_font_folder(fonts: Any) -> None:
    folder = getattr(fonts, "_folder", None)  # WeasyPrint's own temporary folder (see above)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def remove_font_folders() -> None:
    """Every style's font folder of this process, now (a worker stopped by a signal)."""
    for key, style in list(_STYLES.items()):
        if key[0] == os.getpid():
            _remove_font_folder(style.fonts)


def print_style(templates: Templates) -> PrintStyle:
    """This process's print stylesheet for these templates (made on first use)."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    from generator.render.pdf.fetcher import AssetFetcher

    # The process id is part of the key: a forked worker inherits the parent's styles, whose
    # font folder the parent removes when it ends.
    key = (os.getpid(), templates.dirs, _assets_stamp(templates.dirs))
    style = _STYLES.get(key)
    if style is None:
        for old in [k for k in _STYLES if k[:2] == key[:2]]:  # the same templates, assets since edited
            _remove_font_folder(_STYLES.pop(old).fonts)
        fetcher = AssetFetcher(templates.static_dirs)
        # @font-face rules are only honoured with a FontConfiguration: the shipped
        # fonts are then embedded, whatever fonts the machine has.
        fonts = FontConfiguration()
        css = CSS(filename=str(templates.find("static/print.css")), url_fetcher=fetcher, font_config=fonts)
        style = PrintStyle(fonts, css, tuple(fetcher.refused))
        _STYLES[key] = style
        Finalize(None, _remove_font_folder, args=(fonts,), exitpriority=0)
    return style
