"""`dvo bijwerken`: convert a region's files to the current data format, in place.

The steps are those of load/formaat (the same ones that convert an older git revision in
memory). Here they run in the working tree: with the site files and the contract changes,
and with a marked placeholder wherever only a person can decide. The new files are
validated as a whole project in a scratch copy first; a vastgelegde DVO must keep its
controlegetal (a migration never changes what was agreed). Then every file is replaced
all or nothing (util/atomic.replace_all, with a journal in .staging/bijwerken/ that the
next run rolls back after a crash). With `dry_run` nothing is written.
"""

from __future__ import annotations

import contextlib
import difflib
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.findings import Finding, InvalidProject
from generator.load.formaat import HUIDIG, Melding, Migratie, Stap, TekstFout, herken, migreer
from generator.load.formaat.stappen import INDICATOREN, INSTRUMENTARIUM, MKDOCS, REGIO
from generator.load.layout import Layout
from generator.load.project import load_project
from generator.load.yamlsource import load_yaml
from generator.util.atomic import replace_all, roll_back
from generator.util.errors import DvoError
from generator.util.oserrors import os_problem, os_reason
from generator.util.paths import outside_reason


class BijwerkenError(DvoError):
    """The region cannot be converted (unreadable files, a shape the steps cannot edit)."""

    def __init__(self, message: str, details: list[str] | None = None):
        super().__init__(message, gevolg="er is niets geschreven")
        self.details = details or []

    def lines(self) -> list[str]:
        return self.details + super().lines()


@dataclass
class Bijwerking:
    """What `dvo bijwerken` did (or would do): files, the steps, and what is left to a person."""

    vanaf: int  # the format the data was in
    waaraan: str  # what that format was recognised by
    stappen: list[Stap] = field(default_factory=list)
    bestanden: dict[str, tuple[str | None, str]] = field(
        default_factory=dict
    )  # rel -> (old, new); old None: a new file
    verwijderd: list[str] = field(default_factory=list)
    verplaatst: dict[str, str] = field(default_factory=dict)
    gedaan: list[tuple[int, str]] = field(default_factory=list)
    meldingen: list[Melding] = field(default_factory=list)
    open: list[Finding] = field(default_factory=list)  # what `dvo validate` reports afterwards
    hersteld: bool = False  # an interrupted earlier run was rolled back first

    @property
    def nodig(self) -> bool:
        return self.vanaf < HUIDIG

    def diff(self) -> str:
        out: list[str] = []
        for rel, (old, new) in self.bestanden.items():
            out += difflib.unified_diff(
                (old or "").splitlines(keepends=True),
                (new or "").splitlines(keepends=True),
                f"a/{rel}" if old is not None else "/dev/null",
                f"b/{rel}",
            )
            if out and not out[-1].endswith("\n"):
                out[-1] += "\n"
        out += [f"verwijderd: {rel}\n" for rel in self.verwijderd]
        out += [f"verplaatst: {a} -> {b}\n" for a, b in self.verplaatst.items()]
        return "".join(out)


def _read(root: Path, rel: str) -> str:
    path = root / rel
    reason = outside_reason(path, root)
    if reason is not None:
        raise BijwerkenError(f"{rel}: bestand {reason}")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BijwerkenError(f"{rel}: is geen UTF-8-tekst; sla het op als UTF-8") from None
    except OSError as exc:
        raise BijwerkenError(f"{rel}: is niet te lezen: {os_reason(exc)}") from None


def _region_files(layout: Layout) -> tuple[dict[str, str], dict[str, bytes]]:
    """The texts the steps may change, and the template folder's files (bytes)."""
    root = layout.root
    rels = [layout.rel(p) for p in sorted(layout.content.glob("*.yaml"))]
    rels += [layout.rel(p) for p in sorted(layout.gemeenten.glob("*.yaml"))] if layout.gemeenten.is_dir() else []
    rels += [layout.rel(p) for p in sorted(layout.pages.rglob("*.md"))] if layout.pages.is_dir() else []
    if layout.mkdocs.is_file():
        rels.append(MKDOCS)
    texts = {rel: _read(root, rel) for rel in rels}
    problems = []
    for rel in texts:
        if rel.endswith(".yaml"):
            _, found = load_yaml(root / rel, rel)
            problems += found
    if problems:
        raise BijwerkenError(
            "los eerst deze fouten in de YAML op; daarna kan `dvo bijwerken` de bestanden omzetten",
            [str(f) for f in problems],
        )
    templates = {}
    base = layout.template_overrides
    if base.is_dir():
        for path in sorted(p for p in base.rglob("*") if p.is_file() and outside_reason(p, root) is None):
            templates[layout.rel(path)] = path.read_bytes()
    return texts, templates


def _siteconfig(texts: dict[str, str]):
    """A mkdocs.yml as `dvo init` writes it, with the region's names (for format 1)."""

    def make() -> str:
        from ruamel.yaml import YAML

        from generator.edit.scaffold import site_config_text

        regio = YAML(typ="safe", pure=True).load(texts.get(REGIO, "")) or {}
        return site_config_text(str(regio.get("organisatie") or regio.get("naam") or "Regio"))

    return make


def plan(root: Path) -> Bijwerking:
    """Convert the region's files in memory; nothing is written."""
    layout = Layout(root.resolve())
    texts, templates = _region_files(layout)
    m = Migratie(dict(texts), werkmap=True, sjablonen=templates, siteconfig=_siteconfig(texts))
    found = herken(m.data(REGIO), m.data(INSTRUMENTARIUM), m.data(INDICATOREN), siteconfig=layout.mkdocs.is_file())
    if found.formaat is None:
        raise BijwerkenError(
            f"{REGIO}: 'formaat' is geen geheel getal; zet het formaat waarin de gegevens staan (bijv. 3) en "
            "draai opnieuw"
        )
    if found.formaat > HUIDIG:
        raise BijwerkenError(
            f"de gegevens zijn in formaat {found.formaat}; deze versie van de software kent formaat {HUIDIG} en "
            "ouder: werk de generator bij"
        )
    res = Bijwerking(found.formaat, found.waaraan)
    if not res.nodig:
        return res
    try:
        res.stappen = migreer(m, found.formaat)
    except TekstFout as exc:
        raise BijwerkenError(exc.message) from None
    res.bestanden = {rel: (texts.get(rel), new) for rel, new in m.teksten.items() if texts.get(rel) != new}
    res.verwijderd, res.verplaatst = list(m.verwijderd), dict(m.verplaatst)
    res.gedaan, res.meldingen = list(m.gedaan), list(m.meldingen)
    res.open = _check(layout, res, templates)
    return res


def _check(layout: Layout, res: Bijwerking, templates: dict[str, bytes]) -> list[Finding]:
    """Validate the converted region in a scratch copy. Returns what is left to decide; refuses
    when a vastgelegde DVO would no longer match its controlegetal."""
    from generator.render.documents.dvo.vastlegging import vastlegging_findings

    root = layout.root
    with tempfile.TemporaryDirectory(prefix="dvo-bijwerken-") as tmp:
        scratch = Path(tmp)
        for rel in layout.sources:
            source = root / rel
            if source.is_dir():
                shutil.copytree(
                    source,
                    scratch / rel,
                    ignore=lambda folder, names: {
                        n for n in names if outside_reason(Path(folder) / n, root) is not None
                    },
                )
            elif source.is_file() and outside_reason(source, root) is None:
                shutil.copyfile(source, scratch / rel)
        for rel, (_, new) in res.bestanden.items():
            (scratch / rel).parent.mkdir(parents=True, exist_ok=True)
            (scratch / rel).write_text(new, encoding="utf-8")
        for rel in res.verwijderd:
            (scratch / rel).unlink(missing_ok=True)
        for old, new in res.verplaatst.items():
            (scratch / old).rename(scratch / new)
        try:
            project = load_project(scratch)
        except InvalidProject as exc:
            return list(exc.findings)
        changed = vastlegging_findings(project)
    if changed:
        raise BijwerkenError(
            "na het omzetten zou de inhoud van een vastgelegde DVO veranderen; dat mag een omzetting nooit doen "
            "(meld dit aan de beheerders van de generator)",
            [str(f) for f in changed],
        )
    return []


def _remove_empty_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not empty, or already gone: leave it
        folder.rmdir()  # not empty, or not there


def _remove_empty_folders(folder: Path) -> None:
    if not folder.is_dir():
        return
    for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(sub.iterdir()):
            sub.rmdir()
    if not any(folder.iterdir()):
        folder.rmdir()


def bijwerken(root: Path, *, dry_run: bool) -> Bijwerking:
    """Plan, check and (unless `dry_run`) write the conversion."""
    root = root.resolve()
    hersteld = False
    if not dry_run:
        try:
            hersteld = roll_back(Layout(root).journal)
        except OSError as exc:
            raise BijwerkenError(
                f"een afgebroken eerdere `dvo bijwerken` kon niet worden teruggezet: {os_problem(exc)}"
            ) from None
    res = plan(root)
    res.hersteld = hersteld
    if dry_run or not res.nodig:
        return res
    changes: dict[Path, bytes | None] = {}
    for rel, (_, new) in res.bestanden.items():
        changes[root / rel] = new.encode("utf-8")
    for rel in res.verwijderd:
        changes[root / rel] = None
    for old, new in res.verplaatst.items():
        changes[root / new] = (root / old).read_bytes()
        changes[root / old] = None
    journal = Layout(root).journal
    try:
        replace_all(changes, journal)
    except OSError as exc:
        raise BijwerkenError(f"schrijven mislukt: {os_problem(exc)}") from None
    finally:
        _remove_empty_folder(journal.parent)  # .staging/ when this run made it (a build's is never empty)
    _remove_empty_folders(Layout(root).template_overrides)
    return res
