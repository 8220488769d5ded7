"""Copies of the example region that read this repository's git history (tests and bench/ use it)."""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def share_history(target: Path) -> Path:
    """Make `target` a git repository without commits that can read this repository's commits.

    The example's vastgestelde DVO versions are read from the git revisions recorded in
    its data (89c7a07 for Nijmegen 1.0), as a clone of a region repository does. A copy
    gets an empty repository whose object store borrows this one's (git alternates): the
    recorded revisions resolve, HEAD does not exist (documents say "geen revisie", as in
    an uncommitted copy), and nothing of this repository is written to."""
    common = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--path-format=absolute", "--git-common-dir"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run(["git", "init", "-q", str(target)], check=True, capture_output=True)
    (target / ".git" / "objects" / "info" / "alternates").write_text(
        str(Path(common) / "objects") + "\n", encoding="utf-8"
    )
    return target
