"""One hash of the software that turns data into figures: this package's source, the Python
version and every installed distribution. Caches keyed by it (the render cache, the facts of
recorded revisions) are void as soon as any of those changes."""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


def installed_distributions() -> list[str]:
    """`name-version.dist-info` of every installed distribution: its folder name carries
    both, so a listing is enough (parsing every METADATA file takes half a second).
    Only package folders count: the working directory (on sys.path under `python -m`)
    must not change the fingerprint."""
    found: set[str] = set()
    for entry in sys.path:
        folder = Path(entry)
        if entry and folder.name in ("site-packages", "dist-packages") and folder.is_dir():
            found.update(p.name for p in folder.iterdir() if p.suffix in (".dist-info", ".egg-info"))
    return sorted(found)


@lru_cache(maxsize=1)
def source_fingerprint() -> str:
    """This package's source, the Python version and the installed distributions, as one hash."""
    h = hashlib.sha256()
    h.update(f"python {sys.version}\n".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        h.update(f"{path.relative_to(PACKAGE).as_posix()} {hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    for name in installed_distributions():
        h.update(f"{name}\n".encode())
    return h.hexdigest()
