"""CI shards: `dvo build --deel I/N` makes 1/N of the documents, `--samenvoegen` joins them.

Every shard prepares all documents (HTML and render keys are cheap) and assigns them
to shards the same way: most expensive first, each to the shard with the least work so
far (ties to the lower number). Same data and software, same assignment, on every
runner, without any communication between them.

A shard writes its documents with a `deel.json` (render key and sha256 per file) into
its own folder, the CI artifact. The merge prepares all documents itself and takes a
shard's files only when their key equals the one it computed and their bytes match
their sha256: then they are exactly the bytes it would have rendered, so the merged
site is the site a single machine would build.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.publish.cache import RenderCache, file_sha256
from generator.publish.jobs import JobResult, Prepared, staged_file
from generator.util.atomic import write_bytes_if_changed, write_text
from generator.util.errors import UsageFault

MANIFEST = "deel.json"
_DEEL = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


class ShardError(UsageFault):
    """A shard option or folder that cannot be used."""


def parse_deel(text: str) -> tuple[int, int]:
    """`2/3` -> (2, 3)."""
    match = _DEEL.fullmatch(text)
    if not match:
        raise ShardError(f"verwacht DEEL/AANTAL, bijvoorbeeld 2/3, gevonden '{text}'")
    i, n = int(match.group(1)), int(match.group(2))
    if n < 1 or not 1 <= i <= n:
        raise ShardError(f"deel {i} van {n} bestaat niet: verwacht 1 <= DEEL <= AANTAL")
    return i, n


def assign(costs: list[tuple[str, int]], n: int) -> dict[str, int]:
    """Document name -> shard (1..n): largest cost first, to the least loaded shard."""
    load = [0] * n
    out = {}
    for naam, cost in sorted(costs, key=lambda c: (-c[1], c[0])):
        shard = min(range(n), key=lambda s: (load[s], s))
        out[naam] = shard + 1
        load[shard] += cost
    return out


def select(prepared: list[Prepared], failed: list[JobResult], i: int, n: int) -> tuple[list[Prepared], list[JobResult]]:
    """The documents of shard i of n. Documents whose HTML failed count as cost 0: the
    shard they fall to reports them, as every shard would."""
    costs = [(p.job.naam, p.cost) for p in prepared] + [(r.job.naam, 0) for r in failed]
    owner = assign(costs, n)
    return [p for p in prepared if owner[p.job.naam] == i], [r for r in failed if owner[r.job.naam] == i]


def check_folder(folder: Path) -> None:
    """A shard writes only into a new, empty or earlier shard folder: never deletes user files."""
    if folder.exists() and (not folder.is_dir() or (any(folder.iterdir()) and not (folder / MANIFEST).is_file())):
        raise ShardError(
            f"'{folder}' bestaat al en is geen map van een deel ({MANIFEST} ontbreekt); kies een lege of nieuwe map"
        )


def _clear(folder: Path) -> None:
    check_folder(folder)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def export(results: list[JobResult], keys: dict[str, str], docs: Path, folder: Path, i: int, n: int) -> None:
    """Copy the shard's documents from the staging folder into `folder` with deel.json:
    `folder/pdf/<naam>.pdf` and `folder/html/<naam>.html`, as the cache names them."""
    _clear(folder)
    entries = {}
    for r in sorted((r for r in results if r.fout is None), key=lambda r: r.job.naam):
        files = {}
        for rel in r.bestanden:
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(staged_file(docs, rel), target)
            files[rel] = file_sha256(target)
        entries[r.job.naam] = {"sleutel": keys[r.job.naam], "bestanden": files}
    data = {"deel": i, "delen": n, "documenten": entries}
    write_text(folder / MANIFEST, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


@dataclass
class Imported:
    """What a merge took from the shards, and what it could not use."""

    documenten: set[str] = field(default_factory=set)
    anders: list[str] = field(default_factory=list)  # in a shard, but made from other data or software
    beschadigd: list[str] = field(default_factory=list)  # a file missing or not matching its sha256


def _read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    if not path.is_file():
        raise ShardError(
            f"'{folder}' is geen map van een deel: {MANIFEST} ontbreekt (maak delen met dvo build --deel I/N)"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data.get("documenten"), dict):
            raise ValueError
        return data
    except (ValueError, AttributeError) as exc:
        raise ShardError(f"{path}: onleesbaar; maak dit deel opnieuw") from exc


def _intact(path: Path, digest: str) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == digest else None


def import_shards(folders: list[Path], prepared: list[Prepared], docs: Path, cache: RenderCache) -> Imported:
    """Put every shard document whose key matches into the staging docs and the cache."""
    wanted = {p.job.naam: (p.key, set(p.job.files())) for p in prepared}
    out = Imported()
    for folder in folders:
        for naam, entry in sorted(_read_manifest(folder)["documenten"].items()):
            if naam in out.documenten or naam not in wanted:
                continue
            key, expected = wanted[naam]
            if not isinstance(entry, dict) or entry.get("sleutel") != key:
                out.anders.append(naam)
                continue
            files = entry.get("bestanden")
            # Exactly the document's own files (no other path is ever written), each intact.
            blobs = (
                {rel: _intact(folder / rel, digest) for rel, digest in files.items()}
                if isinstance(files, dict) and set(files) == expected
                else {}
            )
            if not isinstance(files, dict) or not blobs or None in blobs.values():
                out.beschadigd.append(naam)
                continue
            for rel, data in blobs.items():
                assert data is not None  # checked above
                write_bytes_if_changed(staged_file(docs, rel), data)
            cache.record(naam, key, dict(files))
            out.documenten.add(naam)
    out.anders = sorted(set(out.anders) - out.documenten)
    out.beschadigd = sorted(set(out.beschadigd) - out.documenten)
    return out
