"""One build at a time per region repository.

Two builds at once (a `dvo build` in a second terminal, or one while `dvo serve`
rebuilds) would write the same staging folder and swap half of each other's
work into site/. A build therefore holds an exclusive lock on `.staging/bouw.lock`
while it writes.

The lock is an flock: the kernel releases it when its process ends, however it
ends (even SIGKILL), so a lock can never stay stuck. The holder writes its
process id into the file and empties the file when it finishes normally; a
process id still in the file when the lock is free means the previous build was
killed. The caller is told, so it can clean up what that build left behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.util.errors import DvoError

LOCK_NAME = "bouw.lock"


class BuildBusy(DvoError):
    """Another build of this repository holds the lock."""

    def __init__(self, pid: int | None):
        self.pid = pid
        who = f" (proces {pid})" if pid else ""
        super().__init__(
            f"er loopt al een bouw van deze regio-repository{who}; wacht tot die klaar is en probeer het dan opnieuw",
            gevolg="Er is niets geschreven.",
        )


def _holder(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode("ascii", errors="replace").strip()
    return int(text) if text.isdigit() else None


@contextmanager
def build_lock(
    staging: Path,
    *,
    wait: bool,
    on_wait: Callable[[int | None], None] = lambda pid: None,
) -> Iterator[int | None]:
    """Hold the repository's build lock; yields the pid of a build that was killed, if any.

    With `wait` False a held lock raises BuildBusy at once; with `wait` True it
    calls `on_wait(pid)` and blocks until the other build is done.
    """
    staging.mkdir(parents=True, exist_ok=True)
    fd = os.open(staging / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise BuildBusy(_holder(fd)) from None
            on_wait(_holder(fd))
            fcntl.flock(fd, fcntl.LOCK_EX)
        killed = _holder(fd)  # still there: that build never reached its `finally`
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield killed
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the lock
