"""Whether a process still runs, for workers that end with the process they serve."""

from __future__ import annotations

import os


def running(pid: int) -> bool:
    """True while process `pid` exists (also one of another user, which we may not signal)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
