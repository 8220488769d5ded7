"""Facts about a recorded revision, kept between runs.

`dvo validate` checks every recorded revision: that the DVO version it names is there and
loads, and that a vastgestelde report made from it still gives its controlegetal and the
figures it stated. Reading a revision means `git show` of every data file, the format
migrations (ruamel, pure Python) and loading the project: about a second per revision,
which made validating the example three times slower once its reports were recorded.

What those checks need from a revision is small (a status, a controlegetal, a few figures)
and decided by two things only: the commit, which never changes, and the software that
reads it. So each fact is computed once and kept in `.staging/cache/revisies/<commit>.json`
(or the folder DVO_REVISIECACHE names) with the software's fingerprint (util/fingerprint.py).
The data files converted to the current format are such a fact too, so a build that must
load a revision skips the migrations. Another software version, an unreadable or foreign
file, or a read-only checkout mean the fact is computed again: the cache costs time when it
misses, never correctness. Values are JSON; callers turn them back into their own types.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.util import fingerprint
from generator.util.atomic import write_text

FORMAT = 1

_MEMORY: dict[Path, dict[str, Any]] = {}  # file -> its facts, for this process


# Where the facts are kept instead of the region's own .staging/cache/revisies: a folder shared by
# several checkouts of one region (or by a test session's many copies of the example).
ENV = "DVO_REVISIECACHE"


def _path(root: Path, commit: str) -> Path:
    folder = os.environ.get(ENV)
    base = Path(folder) if folder else root.resolve() / ".staging" / "cache" / "revisies"
    return base / f"{commit}.json"


def _software() -> str:
    return f"{FORMAT}:{fingerprint.source_fingerprint()}"


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("software") != _software() or not isinstance(data.get("feiten"), dict):
        return {}
    return data["feiten"]


def feit(root: Path, commit: str, naam: str, bereken: Callable[[], Any]) -> Any:
    """The fact `naam` of `commit`: from the cache when this software recorded it, else
    `bereken()` (its value must be JSON), then kept."""
    path = _path(root, commit)
    feiten = _MEMORY.get(path)
    if feiten is None:
        feiten = _MEMORY[path] = _read(path)
    if naam in feiten:
        return feiten[naam]
    value = json.loads(json.dumps(bereken()))  # as a later run reads it back: lists, not tuples
    feiten[naam] = value
    with contextlib.suppress(OSError):  # a read-only checkout: the fact is computed again next time
        write_text(path, json.dumps({"software": _software(), "feiten": feiten}, ensure_ascii=False, sort_keys=True))
    return value
