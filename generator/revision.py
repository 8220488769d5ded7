"""The source revision shown on draft documents: the git short hash of HEAD."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def source_revision(root: Path) -> str:
    """`DVO_REVISIE` if set (CI can pass its own), else `git rev-parse --short HEAD`."""
    if os.environ.get("DVO_REVISIE"):
        return os.environ["DVO_REVISIE"]
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short=10", "HEAD"],
            capture_output=True, text=True, timeout=10, check=True,
        )
        return out.stdout.strip() or "onbekend"
    except (OSError, subprocess.SubprocessError):
        return "onbekend"
