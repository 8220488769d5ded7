"""The render cache: from which render key each document's current files were made.

`.staging/cache/documenten.json` holds, per document, its key and the sha256 of each of
its files in the staging folder (`pdf/…` in docs/, `html/…` beside it), plus the key of the
last site mkdocs built:

    {"formaat": 1,
     "documenten": {"dvo-<slug>": {"sleutel": "…", "bestanden": {
         "html/dvo-<slug>.html": "<sha256>", "pdf/dvo-<slug>.pdf": "<sha256>"}}},
     "site": {"sleutel": "…", "manifest": "<sha256 of site/manifest.json>"}}

A document is reused only when its entry has the same key and every recorded file is
there with the recorded sha256. Anything else (no entry, an unreadable index, a file
changed or gone) means it is rendered again: a bad cache costs time, never correctness.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from generator.util.atomic import write_text

FORMAT = 1


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class RenderCache:
    def __init__(
        self, path: Path, documenten: dict | None = None, site: dict | None = None, *, unreadable: bool = False
    ):
        self.path = path
        self.documenten: dict[str, dict] = documenten or {}
        self.site: dict = site or {}
        self.unreadable = unreadable  # there was an index, but it could not be used

    @classmethod
    def load(cls, path: Path) -> RenderCache:
        if not path.is_file():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("formaat") != FORMAT or not isinstance(data.get("documenten"), dict):
                raise ValueError("onbekend formaat")
            documenten = {
                naam: entry
                for naam, entry in data["documenten"].items()
                if isinstance(entry, dict)
                and isinstance(entry.get("sleutel"), str)
                and isinstance(entry.get("bestanden"), dict)
            }
            site = data.get("site") if isinstance(data.get("site"), dict) else {}
            return cls(path, documenten, site)
        except (OSError, ValueError, AttributeError):  # JSONDecodeError is a ValueError
            return cls(path, unreadable=True)

    def fresh(self, naam: str, key: str, locate: Callable[[str], Path]) -> dict[str, str] | None:
        """The document's files (name -> sha256) when they were made from `key` and are
        intact; `locate` gives the path of a file's name (jobs.staged_file)."""
        entry = self.documenten.get(naam)
        if entry is None or entry["sleutel"] != key or not entry["bestanden"]:
            return None
        for rel, digest in entry["bestanden"].items():
            if file_sha256(locate(rel)) != digest:
                return None
        return dict(entry["bestanden"])

    def record(self, naam: str, key: str, bestanden: dict[str, str]) -> None:
        self.documenten[naam] = {"sleutel": key, "bestanden": dict(sorted(bestanden.items()))}

    def forget_except(self, names: set[str]) -> None:
        for naam in set(self.documenten) - names:
            del self.documenten[naam]

    def save(self) -> None:
        data = {"formaat": FORMAT, "documenten": dict(sorted(self.documenten.items())), "site": self.site}
        write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
