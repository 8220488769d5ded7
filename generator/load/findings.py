"""Findings: what validation reports, one line each as `path:line:col: message [code]`."""

from __future__ import annotations

from dataclasses import dataclass
from generator.util.errors import DvoError

from generator.load.codes import require


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
        out = [str(f) for f in self.findings] + [f"{n} {'fout' if n == 1 else 'fouten'} gevonden; er is niets geschreven."]
        return out + ([self.gevolg] if self.gevolg else [])


def field_path(loc: tuple) -> str:
    """Render a location tuple as `verplichtingen[1].bedrag[2016]`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(document)"
