"""Reading only inside the region repository: symlinks that lead out of it are refused.

A region's files arrive through git from many hands. A symbolic link committed
as `gemeenten/x.yaml -> /etc/passwd` (or a template override, or an authored
page) would otherwise be read, parsed, echoed in error messages or published.
Every reader of region files asks `outside_reason` first: the link's target must
resolve to a regular file inside the repository.
"""

from __future__ import annotations

import stat
from pathlib import Path

from generator.util.errors import DvoError


class OutsideRepository(DvoError):
    """A file that may not be read; the message is Dutch and names the file."""


def resolved(path: Path) -> Path | None:
    """The real path behind `path`, or None for a symlink loop."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a loop
        return None


def outside_problem(path: Path, boundary: Path) -> tuple[str, str] | None:
    """(kind, reason) when `path` may not be read as a file inside `boundary`, else None.

    `kind` is one of "loop", "outside", "dangling", "missing", "special" (for callers
    that classify it); `reason` says it in Dutch."""
    real = resolved(path)
    if real is None:
        return "loop", "is een symbolische koppeling die naar zichzelf terugverwijst (een lus)"
    if not real.is_relative_to(boundary.resolve()):
        return (
            "outside",
            f"is een symbolische koppeling naar '{real}', buiten de regio-repository; alleen bestanden in de "
            "repository worden gelezen",
        )
    try:
        mode = real.stat().st_mode
    except OSError:
        if path.is_symlink():
            return "dangling", f"is een symbolische koppeling naar '{real}', maar dat bestand bestaat niet"
        return "missing", "bestaat niet"
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISREG(mode):
        return "special", "is geen gewoon bestand (maar bijvoorbeeld een apparaat of een named pipe)"
    return None


def outside_reason(path: Path, boundary: Path) -> str | None:
    """Why `path` may not be read as a file inside `boundary` (Dutch), or None when it may."""
    problem = outside_problem(path, boundary)
    return None if problem is None else problem[1]


def require_inside(path: Path, boundary: Path, shown: str) -> Path:
    """The real path of `path`; OutsideRepository naming `shown` when it may not be read."""
    reason = outside_reason(path, boundary)
    if reason is not None:
        raise OutsideRepository(f"{shown} {reason}")
    return path.resolve()


def outward_links(folder: Path, boundary: Path) -> list[tuple[Path, str]]:
    """Every entry under `folder` that may not be read, with the reason (Dutch).

    Finds links to files or folders outside `boundary`, loops, dangling links and
    special files. A link to a folder inside the repository is walked too, once.
    """
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()

    def walk(entry: Path) -> None:
        reason = outside_reason(entry, boundary)
        if reason is not None:
            found.append((entry, reason))
            return
        real = entry.resolve()
        if real.is_dir() and real not in seen:
            seen.add(real)
            for child in sorted(entry.iterdir()):
                walk(child)

    if folder.exists() or folder.is_symlink():
        walk(folder)
    return found
