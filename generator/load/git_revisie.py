"""Read the region's data as it was at a git revision: `git show REV:path`, never a checkout.

The working tree is not touched. The files of `content/` and `gemeenten/` at the
revision are written into a scratch folder and loaded from there with
`historisch=True` (see dvo_rules.py). Every problem is a `GitError` with one Dutch
line that says what is wrong and what to do.
"""

from __future__ import annotations

import dataclasses
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.load.findings import Finding, InvalidProject
from generator.load.layout import Layout
from generator.load.project import Project, load_project
from generator.util.errors import DvoError, NotFound

FOLDERS = ("content", "gemeenten")


class GitError(NotFound):
    """A revision cannot be read (unknown, or git missing); the message is one Dutch line."""


class HistoricalDataInvalid(DvoError):
    """The data at the revision does not load with this version of the software."""

    def __init__(self, revisie: str, findings: list[Finding]):
        super().__init__(f"de gegevens van revisie {revisie} zijn niet te lezen: {findings[0] if findings else '?'}")
        self.revisie = revisie
        self.findings = findings

    def lines(self) -> list[str]:
        return [f"revisie {self.revisie}: {f}" for f in self.findings] + [
            f"Fout: de gegevens van revisie {self.revisie} zijn met deze versie van de software niet te lezen; er is niets geschreven"
        ]


@dataclass(frozen=True)
class Revisie:
    gevraagd: str  # as the user wrote it: a hash, a tag, HEAD~2
    hash: str  # the full commit hash

    @property
    def kort(self) -> str:
        return self.hash[:10]

    @property
    def label(self) -> str:
        return self.kort if self.hash.startswith(self.gevraagd) else f"{self.gevraagd} ({self.kort})"


def _git(root: Path, *args: str, binary: bool = False) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=not binary, timeout=60)
    except FileNotFoundError:
        raise GitError("git is niet geïnstalleerd; het wijzigingsoverzicht leest eerdere versies uit git") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git reageerde niet binnen een minuut ({' '.join(args[:2])})") from None


def check_repository(root: Path) -> None:
    if _git(root, "rev-parse", "--git-dir").returncode != 0:
        raise GitError("de map van de regio is geen git-repository (en ligt er niet in); het wijzigingsoverzicht leest eerdere versies uit git")


def resolve(root: Path, gevraagd: str) -> Revisie:
    """The commit a revision names, or GitError (also in a shallow clone that lacks it)."""
    check_repository(root)
    if not gevraagd or gevraagd.startswith("-"):
        raise GitError(f"'{gevraagd}' is geen revisie; geef een commit-hash, tag of bijvoorbeeld HEAD~1")
    out = _git(root, "rev-parse", "--verify", "--quiet", f"{gevraagd}^{{commit}}")
    if out.returncode != 0:
        raise GitError(
            f"revisie '{gevraagd}' bestaat niet in deze repository "
            "(bij een ondiepe kloon ontbreekt de geschiedenis: haal die op met 'git fetch --unshallow')"
        )
    return Revisie(gevraagd, out.stdout.strip())


@lru_cache(maxsize=16)
def _prefix(root: Path) -> str:
    """Where `root` lies inside the repository ('' at the top), for paths in `git show`."""
    return _git(root, "rev-parse", "--show-prefix").stdout.strip()


def read(root: Path, revisie: Revisie, rel: str) -> bytes | None:
    """The bytes of `rel` (relative to `root`) at the revision, or None when it did not exist."""
    out = _git(root, "show", f"{revisie.hash}:{_prefix(root)}{rel}", binary=True)
    return out.stdout if out.returncode == 0 else None


def _files(root: Path, revisie: Revisie) -> list[str]:
    out = _git(root, "ls-tree", "-r", "--name-only", "--full-name", revisie.hash, "--", *FOLDERS)
    prefix = _prefix(root)
    names = [n[len(prefix):] for n in out.stdout.splitlines() if n.startswith(prefix)]
    return [n for n in names if n.endswith(".yaml") and n.count("/") == 1]


def require_gemeente(root: Path, revisie: Revisie, slug: str) -> None:
    if read(root, revisie, f"gemeenten/{slug}.yaml") is None:
        raise GitError(f"de gemeente '{slug}' bestond nog niet in revisie {revisie.label} (gemeenten/{slug}.yaml ontbreekt daar)")


def load_at(root: Path, revisie: Revisie) -> Project:
    """The project as it was at `revisie`; HistoricalDataInvalid when it no longer loads.

    The files are read from a scratch folder that is gone afterwards; the project's
    `layout` points at the current repository, so templates and output paths are
    today's, while every model holds the data of the revision."""
    with tempfile.TemporaryDirectory(prefix="dvo-revisie-") as tmp:
        scratch = Path(tmp)
        for rel in _files(root, revisie):
            data = read(root, revisie, rel)
            if data is not None:
                (scratch / rel).parent.mkdir(parents=True, exist_ok=True)
                (scratch / rel).write_bytes(data)
        try:
            project = load_project(scratch, historisch=True)
        except InvalidProject as exc:
            raise HistoricalDataInvalid(revisie.label, exc.findings) from None
    return dataclasses.replace(project, layout=Layout(root.resolve()))
