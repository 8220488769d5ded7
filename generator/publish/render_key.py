"""Render keys: one hash of everything a document's bytes depend on.

A document is its HTML reading copy plus the PDF made from it. Its key hashes:

- the HTML itself: the view model as the templates render it, so exactly the data
  the document shows, whatever the view model holds (a view model that carries the
  whole project still only adds what its templates print);
- the rest of the PDF request: the date the PDF is stamped with and each attachment;
- the template assets the PDF may fetch (print CSS, fonts: every file in the static
  folders of the search path, the region's overrides first);
- the software: this package's own source, every installed Python distribution's
  version and the versions of the system libraries WeasyPrint lays out text with.

No dependency graph is written by hand: a document whose key is unchanged would be
rendered to the same bytes, so it is not rendered again. Keys hold no absolute path,
so CI runners that check out the same commit compute the same keys.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from generator.render.pdf.request import PdfRequest
from generator.render.pdf.style import assets_fingerprint
from generator.util.fingerprint import source_fingerprint

KEY_FORMAT = 1  # bump when the way keys are computed changes


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _library_version(soname: str, function: str, kind: str) -> str:
    """The version a shared library reports about itself, or 'ontbreekt'."""
    try:
        library = ctypes.CDLL(soname)
        call = getattr(library, function)
    except (OSError, AttributeError):
        return "ontbreekt"
    call.restype = ctypes.c_char_p if kind == "text" else ctypes.c_int
    value = call()
    return value.decode() if isinstance(value, bytes) else str(value)


# The libraries WeasyPrint lays out, shapes and subsets text with (see weasyprint.text.ffi).
SYSTEM_LIBRARIES = (
    ("pango", "libpango-1.0.so.0", "pango_version_string", "text"),
    ("harfbuzz", "libharfbuzz.so.0", "hb_version_string", "text"),
    ("harfbuzz-subset", "libharfbuzz-subset.so.0", "hb_version_string", "text"),
    ("fontconfig", "libfontconfig.so.1", "FcGetVersion", "int"),
)


@lru_cache(maxsize=1)
def software_fingerprint() -> str:
    """This package's source, the Python distributions and the text libraries, as one hash."""
    h = hashlib.sha256()
    h.update(f"{source_fingerprint()}\n".encode())
    for name, soname, function, kind in SYSTEM_LIBRARIES:
        h.update(f"{name} {_library_version(soname, function, kind)}\n".encode())
    return h.hexdigest()


class KeyMaker:
    """Computes render keys; the software and asset fingerprints are taken once per build."""

    def __init__(self, template_dirs: tuple[Path, ...]):
        self.base = json.dumps([KEY_FORMAT, software_fingerprint(), assets_fingerprint(template_dirs)])
        self.template_dirs = template_dirs

    def key(self, request: PdfRequest) -> str:
        if request.template_dirs != self.template_dirs:
            raise ValueError("document uses another template search path than this build")
        recipe = {
            "basis": self.base,
            "html": _sha256(request.html.encode("utf-8")),
            "datum": request.datum.isoformat(),
            "bijlagen": [[a.name, a.description, _sha256(a.data)] for a in request.attachments],
        }
        return _sha256(json.dumps(recipe, sort_keys=True).encode())
