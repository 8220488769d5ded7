"""Findings: what validation reports, one line each as `path:line:col: message [code]`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.load.codes import require
from generator.util.errors import DvoError


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the project root, POSIX separators
    line: int  # 1-based
    col: int  # 1-based
    message: str  # Dutch, names the field path, what was expected and what was found
    code: str  # stable kebab-case code from codes.CODES: what kind of mistake, for users to look up and tests to assert

    def __post_init__(self) -> None:
        require(self.code)

    @property
    def text(self) -> str:
        """`path:line:col: message`, without the code (for a line that quotes the finding)."""
        return f"{self.path}:{self.line}:{self.col}: {self.message}"

    def __str__(self) -> str:
        return f"{self.text} [{self.code}]"


class InvalidProject(DvoError):
    """Raised when the data has findings; carries all of them, sorted."""

    def __init__(self, findings: list[Finding]):
        self.findings = sorted(set(findings))
        super().__init__(f"{len(self.findings)} fout(en) in de gegevens")

    def lines(self) -> list[str]:
        n = len(self.findings)
        out = samengevat(self.findings) + [f"{n} {'fout' if n == 1 else 'fouten'} gevonden; er is niets geschreven."]
        return out + ([self.gevolg] if self.gevolg else [])


# From this many findings with one cause on, they are told once, with the other places.
HERHAALD_VANAF = 3
# Findings that are each a decision of their own, at their own line, however alike they read.
ELK_APART = ("in-te-vullen",)
_INDEX = re.compile(r"\[[^\]]*\]")


def oorzaak(f: Finding) -> tuple[str, str]:
    """What a finding says apart from where: its code and its message with the list indices and
    year keys of its field path left out (`instrumenten[3].categorie` -> `instrumenten[].categorie`)."""
    veld, sep, rest = f.message.partition(": ")
    return f.code, (_INDEX.sub("[]", veld) + sep + rest) if sep else f.message


def samengevat(findings: list[Finding]) -> list[str]:
    """One line per finding, except that a cause repeated HERHAALD_VANAF times or more (the same
    unknown field in every gemeente, one emptied list that every instrument refers to) is one line
    at its first place, with how often and where else it occurs; the code stays at the end."""
    groepen: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        groepen.setdefault(oorzaak(f), []).append(f)
    out: list[str] = []
    for f in findings:
        groep = groepen[oorzaak(f)]
        if len(groep) < HERHAALD_VANAF or f.code in ELK_APART:
            out.append(str(f))
        elif groep[0] is f:
            out.append(f"{f.text} (en nog {len(groep) - 1} keer: {_plaatsen(f.path, groep[1:])}) [{f.code}]")
    return out


def _plaatsen(pad: str, andere: list[Finding]) -> str:
    """`regels 22 en 32; gemeenten/<a>.yaml:250, gemeenten/<b>.yaml:283`."""
    hier = [str(f.line) for f in andere if f.path == pad]
    elders = [f"{f.path}:{f.line}" for f in andere if f.path != pad]
    delen = []
    if hier:
        delen.append(
            ("regel " if len(hier) == 1 else "regels ")
            + (" en ".join(hier) if len(hier) <= 2 else ", ".join(hier[:-1]) + " en " + hier[-1])
        )
    if elders:
        delen.append(", ".join(elders))
    return "; ".join(delen)


def field_path(loc: tuple) -> str:
    """Render a location tuple as `verplichtingen[1].bedrag[2016]`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(document)"
