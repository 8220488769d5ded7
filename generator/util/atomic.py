"""Atomic writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _staged(path: Path, data: bytes) -> Path:
    """`data` in a synced temp file beside `path` (same filesystem, so the rename is atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_bytes(path: Path, data: bytes) -> None:
    tmp = _staged(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_bytes_if_changed(path: Path, data: bytes) -> bool:
    """Write only when the file's bytes differ (no needless fsync or new mtime); True if written."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_bytes(path, data)
    return True


def write_text_if_changed(path: Path, text: str) -> bool:
    return write_bytes_if_changed(path, text.encode("utf-8"))


def write_texts(files: dict[Path, str]) -> None:
    """Several files: every new version is written and synced first, then all are renamed.

    A full disk or a missing right fails before any file changes. Only a crash between
    the renames can leave some files new and others old; each file is whole either way.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in files.items():
            staged.append((_staged(path, text.encode("utf-8")), path))
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)


# --- several files, all or nothing, also across a crash ----------------------------------------

JOURNAL = "journal.json"


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_all(changes: dict[Path, bytes | None], journal: Path) -> None:
    """Apply several file changes (new bytes, or None to remove the file) all or nothing.

    1. Every new version is written and synced beside its file (a full disk fails here,
       before anything changed).
    2. The original of every file is copied into the `journal` folder, then the journal's
       list is written: from now on `roll_back(journal)` can restore every file.
    3. The new versions are renamed into place and removed files unlinked.
    4. The journal is removed.

    An exception during step 3 (also Ctrl-C) restores every original before it propagates;
    a crash or kill during step 3 leaves the journal, and the next `roll_back` restores them.
    """
    import json
    import shutil

    roll_back(journal)
    staged: dict[Path, Path] = {}
    try:
        for path, data in changes.items():
            if data is not None:
                staged[path] = _staged(path, data)
        journal.mkdir(parents=True, exist_ok=True)
        entries = []
        for n, path in enumerate(changes):
            backup = None
            if path.exists():
                backup = journal / f"{n}.orig"
                shutil.copyfile(path, backup)
                with open(backup, "rb") as fh:
                    os.fsync(fh.fileno())
            tmp = staged.get(path)
            entries.append(
                {"pad": str(path), "origineel": backup.name if backup else None, "tijdelijk": str(tmp) if tmp else None}
            )
        write_text(journal / JOURNAL, json.dumps(entries, ensure_ascii=False, indent=1))
        _fsync_dir(journal)
    except BaseException:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
        shutil.rmtree(journal, ignore_errors=True)
        raise
    try:
        for path, data in changes.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                os.replace(staged[path], path)
                del staged[path]
        for folder in {p.parent for p in changes}:
            _fsync_dir(folder)
    except BaseException:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
        roll_back(journal)
        raise
    shutil.rmtree(journal, ignore_errors=True)


def roll_back(journal: Path) -> bool:
    """Put back the originals of an interrupted `replace_all`; True when there was one to undo."""
    import json
    import shutil

    listing = journal / JOURNAL
    if not listing.is_file():
        shutil.rmtree(journal, ignore_errors=True)  # staged but never started: nothing changed
        return False
    for entry in json.loads(listing.read_text(encoding="utf-8")):
        path = Path(entry["pad"])
        if entry.get("tijdelijk"):
            Path(entry["tijdelijk"]).unlink(missing_ok=True)  # staged, not yet renamed when it stopped
        if entry["origineel"] is None:
            path.unlink(missing_ok=True)
        else:
            write_bytes(path, (journal / entry["origineel"]).read_bytes())
    shutil.rmtree(journal, ignore_errors=True)
    return True
