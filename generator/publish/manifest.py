"""`site/manifest.json`: every generated file with its size and sha256, sorted by path."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from generator.util.atomic import write_text


def write_manifest(site: Path) -> Path:
    entries = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.name != "manifest.json"):
        data = path.read_bytes()
        entries.append(
            {"pad": path.relative_to(site).as_posix(), "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        )
    target = site / "manifest.json"
    write_text(target, json.dumps({"bestanden": entries}, ensure_ascii=False, indent=2) + "\n")
    return target
