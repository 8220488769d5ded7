"""Source date and source revision: what documents show about the data they were made from."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

NO_REVISION = "geen revisie"
DIRTY = "+gewijzigd"


def source_date(datum: dt.date) -> dt.datetime:
    """Pin SOURCE_DATE_EPOCH to a date from the data and return it (UTC midnight).

    fontTools (font subsets in PDFs) and mkdocs (sitemap) stamp output with the
    clock unless this is set: same input, same bytes.
    """
    stamp = dt.datetime(datum.year, datum.month, datum.day, tzinfo=dt.UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    return stamp


def _git(root: Path, *args: str) -> str | None:
    """stdout of a git command in `root`, or None when git or the repository is not there."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
            # The user's locale must not change what we parse; no pager, no prompts.
            env={**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout


def source_revision(root: Path, region_paths: tuple[str, ...] = (".",)) -> str:
    """The revision of the region's data: the last commit that changed its files.

    `a1b2c3d4e5`: the short hash of the last commit that changed any of the region's
    files (`region_paths`, relative to `root`), `a1b2c3d4e5+gewijzigd` when any of them
    has uncommitted changes or is not yet committed at all (then the hash is HEAD's if no
    commit touched them yet), and "geen revisie" when the data is in no repository or the
    repository has no commit yet. `DVO_REVISIE` overrides all of this (CI can pass the
    revision it was asked to build).

    Not simply HEAD: a commit that changes only the README or the CI configuration
    changes no document, so it must not change the revision documents show either, nor
    make an incremental build render every draft again.
    """
    if os.environ.get("DVO_REVISIE"):
        return os.environ["DVO_REVISIE"]
    head = _git(root, "rev-parse", "--short=10", "--verify", "--quiet", "HEAD")
    if not head or not head.strip():
        return NO_REVISION
    last = _git(root, "log", "-1", "--format=%h", "--abbrev=10", "--", *region_paths)
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *region_paths)
    # Unknown status (git failed halfway) is reported as changed: never claim a clean source we did not see.
    return ((last or "").strip() or head.strip()) + (DIRTY if status is None or status.strip() else "")
