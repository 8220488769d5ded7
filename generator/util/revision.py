"""The source revision shown on draft documents, and the date that stands in for the clock."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


def source_date(datum: dt.date) -> dt.datetime:
    """Pin SOURCE_DATE_EPOCH to a date from the data and return it (UTC midnight).

    fontTools (font subsets in PDFs) and mkdocs (sitemap) stamp output with the
    clock unless this is set: same input, same bytes.
    """
    stamp = dt.datetime(datum.year, datum.month, datum.day, tzinfo=dt.timezone.utc)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    return stamp


# What a region's documents are made from: its data and its own templates.
SOURCES = ("content", "gemeenten", "dvo_templates")


def source_revision(root: Path) -> str:
    """`DVO_REVISIE` if set (CI can pass its own), else the git short hash of the last
    commit that changed the region's sources (SOURCES).

    Not HEAD: a commit that touches only the README or the CI configuration changes no
    document, so it must not change the revision they show either (and re-render them).
    """
    if os.environ.get("DVO_REVISIE"):
        return os.environ["DVO_REVISIE"]
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%h", "--abbrev=10", "--", *SOURCES],
            capture_output=True, text=True, timeout=10, check=True,
        )
        return out.stdout.strip() or "onbekend"
    except (OSError, subprocess.SubprocessError):
        return "onbekend"
