"""Read the region's data as it was at a git revision: `git show REV:path`, never a checkout.

The working tree is not touched. The files of `content/` and `gemeenten/` at the
revision are converted to the current data format in memory (load/formaat: the same
steps as `dvo bijwerken`), written into a scratch folder and loaded from there with
`historisch=True` (see dvo_rules.py). `load_at` is the one entry point for "the project
at revision REV": `dvo wijzigingen`, the build's wijzigingsoverzichten and every other
reading of an earlier revision go through it, so a comparison across formats works.
Every problem is a `GitError` with one Dutch line that says what is wrong and what to do.
"""

from __future__ import annotations

import dataclasses
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.load.findings import Finding, InvalidProject
from generator.load.formaat import HUIDIG, Migratie, TekstFout, herken, migreer
from generator.load.formaat.stappen import INDICATOREN, INSTRUMENTARIUM, REGIO
from generator.load.layout import Layout
from generator.load.project import Project, load_project
from generator.load.revisie_feiten import feit
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
            f"Fout: de gegevens van revisie {self.revisie} zijn met deze versie van de software niet te lezen; er "
            "is niets geschreven"
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


# How to get the history a recorded revision needs, for the messages that name a missing one.
FULL_HISTORY = (
    "haal de hele geschiedenis op met 'git fetch --unshallow' (in CI: 'fetch-depth: 0' bij actions/checkout "
    'in GitHub Actions, GIT_DEPTH: "0" in GitLab CI)'
)


def is_repository(root: Path) -> bool:
    return _git(root, "rev-parse", "--git-dir").returncode == 0


def is_shallow(root: Path) -> bool:
    return _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == "true"


def check_repository(root: Path) -> None:
    if not is_repository(root):
        raise GitError(
            "de map van de regio is geen git-repository (en ligt er niet in); het wijzigingsoverzicht leest "
            "eerdere versies uit git"
        )


def resolve(root: Path, gevraagd: str) -> Revisie:
    """The commit a revision names, or GitError (also in a shallow clone that lacks it)."""
    check_repository(root)
    if not gevraagd or gevraagd.startswith("-"):
        raise GitError(f"'{gevraagd}' is geen revisie; geef een commit-hash, tag of bijvoorbeeld HEAD~1")
    out = _git(root, "rev-parse", "--verify", "--quiet", f"{gevraagd}^{{commit}}")
    if out.returncode != 0:
        waarom = (
            "deze kloon is ondiep, dus de geschiedenis ontbreekt: "
            if is_shallow(root)
            else "bij een ondiepe kloon ontbreekt de geschiedenis: "
        )
        raise GitError(f"revisie '{gevraagd}' bestaat niet in deze repository ({waarom}{FULL_HISTORY})")
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
    names = [n[len(prefix) :] for n in out.stdout.splitlines() if n.startswith(prefix)]
    return [n for n in names if n.endswith(".yaml") and n.count("/") == 1]


def require_gemeente(root: Path, revisie: Revisie, slug: str) -> None:
    if read(root, revisie, f"gemeenten/{slug}.yaml") is None:
        raise GitError(
            f"de gemeente '{slug}' bestond nog niet in revisie {revisie.label} (gemeenten/{slug}.yaml ontbreekt daar)"
        )


_LOADED: dict[tuple[str, str], Project] = {}  # (root, commit) -> project; a commit never changes


def load_at_cached(root: Path, revisie: Revisie) -> Project:
    """`load_at`, once per commit and repository in this process."""
    key = (str(root.resolve()), revisie.hash)
    if key not in _LOADED:
        _LOADED[key] = load_at(root, revisie)
    return _LOADED[key]


def texts_at(root: Path, revisie: Revisie) -> dict[str, str]:
    """The data files (content/*.yaml, gemeenten/*.yaml) at the revision, as text."""
    out = {}
    for rel in _files(root, revisie):
        data = read(root, revisie, rel)
        if data is not None:
            out[rel] = data.decode("utf-8", errors="replace")
    return out


def migrated(texts: dict[str, str], label: str, *, siteconfig: bool | None = None) -> tuple[dict[str, str], int | None]:
    """The texts converted to the current data format, and the format they were in
    (None when it could not be recognised, e.g. a file that is no YAML: loading says why).
    `siteconfig`: whether the revision had a mkdocs.yml (formats 1 and 2 differ only there)."""
    m = Migratie(dict(texts), werkmap=False)
    found = herken(m.data(REGIO), m.data(INSTRUMENTARIUM), m.data(INDICATOREN), siteconfig=siteconfig)
    if found.formaat is None:
        return texts, None
    if found.formaat > HUIDIG:
        raise HistoricalDataInvalid(
            label,
            [
                Finding(
                    REGIO,
                    1,
                    1,
                    (
                        f"de gegevens zijn in formaat {found.formaat}; deze versie van de software leest formaat "
                        f"{HUIDIG} en ouder"
                    ),
                    code="formaat-nieuwer",
                )
            ],
        )
    if found.formaat == HUIDIG:
        return texts, found.formaat
    try:
        migreer(m, found.formaat)
    except TekstFout as exc:
        raise HistoricalDataInvalid(
            label,
            [
                Finding(
                    REGIO,
                    1,
                    1,
                    f"omzetten van formaat {found.formaat} naar {HUIDIG} lukt niet: {exc.message}",
                    code="omzetten-onmogelijk",
                )
            ],
        ) from None
    return m.teksten, found.formaat


def migrated_at(root: Path, revisie: Revisie) -> tuple[dict[str, str], int | None]:
    """`migrated` of the data files at the revision, kept per commit (load/revisie_feiten.py):
    the migrations parse every file with ruamel, a second or so per revision."""

    def bereken() -> dict:
        texts, formaat = migrated(
            texts_at(root, revisie), revisie.label, siteconfig=read(root, revisie, "mkdocs.yml") is not None
        )
        return {"teksten": texts, "formaat": formaat}

    found = feit(root, revisie.hash, "teksten", bereken)
    return found["teksten"], found["formaat"]


def load_at(root: Path, revisie: Revisie) -> Project:
    """The project as it was at `revisie`, in the current data format; HistoricalDataInvalid
    when it does not load even so.

    The files are read from a scratch folder that is gone afterwards; the project's
    `layout` points at the current repository, so templates and output paths are
    today's, while every model holds the data of the revision."""
    texts, formaat = migrated_at(root, revisie)
    with tempfile.TemporaryDirectory(prefix="dvo-revisie-") as tmp:
        scratch = Path(tmp)
        for rel, text in texts.items():
            (scratch / rel).parent.mkdir(parents=True, exist_ok=True)
            (scratch / rel).write_text(text, encoding="utf-8")
        try:
            project = load_project(scratch, historisch=True)
        except InvalidProject as exc:
            raise HistoricalDataInvalid(revisie.label, exc.findings) from None
    converted = formaat if formaat is not None and formaat < HUIDIG else None
    return dataclasses.replace(project, layout=Layout(root.resolve()), omgezet_van=converted)


def bron(label: str, project: Project) -> str:
    """How a document names the revision its older side was read from (and its conversion, if any)."""
    if project.omgezet_van is None:
        return f"revisie {label}"
    return f"revisie {label} (gegevensformaat {project.omgezet_van}, omgezet naar {HUIDIG})"
