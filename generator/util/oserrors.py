"""Operating-system errors in Dutch: what went wrong with a file, in words a user can act on."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "het schijfquotum is op",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.EACCES: "geen toestemming (controleer de rechten)",
    errno.EPERM: "geen toestemming (controleer de rechten)",
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ELOOP: "te veel symbolische koppelingen (een lus?)",
    errno.EMFILE: "te veel open bestanden",
    errno.EIO: "invoer-/uitvoerfout van de schijf",
    errno.ENAMETOOLONG: "de bestandsnaam is te lang",
}


def os_reason(exc: OSError) -> str:
    """The reason in Dutch, with the system's own text when we have no words for it."""
    if exc.errno is not None and exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return exc.strerror or str(exc)


def os_problem(exc: OSError) -> str:
    """`<file>: <reason>` for a message line."""
    where = exc.filename if exc.filename is not None else "(onbekend bestand)"
    return f"{where}: {os_reason(exc)}"
