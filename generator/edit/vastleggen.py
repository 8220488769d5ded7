"""`dvo vastleggen`: record the controlegetal of a vastgestelde or ondertekende DVO in its YAML.

The controlegetal goes into the entry of `dvo.wijzigingen` for the current version,
with the same byte-preserving splice as `dvo import` (yaml_edit.py): every other
byte of the file stays as it was. The result is re-read (only this value may have
changed) and the whole project is validated in a scratch copy, including the
check that the recorded controlegetal matches, before the atomic write.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from generator.edit.yaml_edit import EditError, set_scalar
from generator.load.findings import InvalidProject
from generator.load.project import Project, load_project
from generator.render.documents.dvo.vastlegging import huidig_controlegetal, versie_controlegetal, werkmap_findings
from generator.util.atomic import write_text
from generator.util.errors import EXIT_USAGE, DvoError

DEFINITIEF = ("vastgesteld", "ondertekend")


class VastleggenError(DvoError):
    """The DVO cannot be vastgelegd; `gebruik` marks a usage error (exit 2)."""

    def __init__(self, message: str, *, gebruik: bool = False):
        super().__init__(message)
        if gebruik:
            self.exit_code = EXIT_USAGE


@dataclass(frozen=True)
class Vastgelegd:
    rel: str
    versie: str
    controlegetal: str
    regel: int  # line of the controlegetal in the file
    al_vastgelegd: bool  # nothing had to be written


def _line_of(text: str, value: str) -> int:
    return text[: text.index(value)].count("\n") + 1


def _verify(old: str, new: str, index: int, value: str, rel: str) -> None:
    """Compare both files as data: only wijzigingen[index].controlegetal may differ."""
    safe = YAML(typ="safe")
    before, after = safe.load(old), safe.load(new)
    entry = after["dvo"]["wijzigingen"][index]
    if entry.get("controlegetal") != value:
        raise VastleggenError(
            f"{rel}: interne fout: het controlegetal staat niet goed in het bestand; er is niets geschreven"
        )
    entry.pop("controlegetal")
    before["dvo"]["wijzigingen"][index].pop("controlegetal", None)
    if before != after:
        raise VastleggenError(
            f"{rel}: interne fout: er zou meer veranderen dan het controlegetal; er is niets geschreven"
        )


def _revalidate(project: Project, rel: str, new: str) -> None:
    root = project.layout.root
    with tempfile.TemporaryDirectory(prefix="dvo-vastleggen-") as tmp:
        scratch = Path(tmp)
        for source_rel in project.layout.sources:  # everything validation reads
            source = root / source_rel
            if source.is_dir():
                shutil.copytree(source, scratch / source_rel)
            elif source.is_file():
                shutil.copyfile(source, scratch / source_rel)
        (scratch / rel).write_text(new, encoding="utf-8")
        try:  # the scratch copy has no git: versions read from a revision were checked before writing
            problems = werkmap_findings(load_project(scratch))
        except InvalidProject as exc:
            problems = exc.findings
        if problems:
            raise VastleggenError("na het vastleggen zou dit niet kloppen: " + "; ".join(str(f) for f in problems))


def vastleggen(project: Project, slug: str, *, vervang: bool = False, versie: str | None = None) -> Vastgelegd:
    """Record the controlegetal of the current version, or (`versie`) of an earlier version read
    from its recorded revision, after a new version of the software changed how it is made."""
    g = project.gemeente(slug)
    dvo = g.dvo
    rel = project.layout.rel(project.layout.gemeenten / f"{slug}.yaml")
    if versie is not None and not (versie == dvo.versie and not (dvo.wijzigingen and dvo.wijzigingen[-1].revisie)):
        return _vastleggen_revisie(project, slug, rel, versie, vervang)
    if dvo.status not in DEFINITIEF:
        raise VastleggenError(
            f"de DVO van {g.naam} heeft status '{dvo.status}'; alleen een vastgestelde of ondertekende DVO wordt "
            "vastgelegd "
            f"(zet dvo.status in {rel} op 'vastgesteld' zodra het college heeft besloten)",
            gebruik=True,
        )
    if not dvo.wijzigingen or dvo.wijzigingen[-1].versie != dvo.versie:
        raise VastleggenError(
            f"{rel}: voeg eerst in dvo.wijzigingen een regel toe voor versie {dvo.versie} (versie, datum, "
            "omschrijving)",
            gebruik=True,
        )
    index = len(dvo.wijzigingen) - 1
    entry = dvo.wijzigingen[index]
    nu = huidig_controlegetal(project, g)
    text = (project.layout.root / rel).read_text(encoding="utf-8")
    if entry.controlegetal == nu:
        return Vastgelegd(rel, dvo.versie, nu, _line_of(text, nu), al_vastgelegd=True)
    if entry.controlegetal is not None and not vervang:
        raise VastleggenError(
            f"versie {dvo.versie} van de DVO van {g.naam} is al vastgelegd met een ander controlegetal: de inhoud "
            "is sindsdien gewijzigd. "
            f"Leg een nieuwe versie vast (een nieuwe regel in dvo.wijzigingen) of maak de wijziging ongedaan. "
            f"Alleen als de wijziging geen andere afspraak is (bijv. na een nieuwe versie van de software), vervangt "
            f"'dvo vastleggen {slug} --vervang' het controlegetal."
        )
    try:
        new = set_scalar(text, ("dvo", "wijzigingen", index), "controlegetal", nu)
    except EditError as exc:
        raise VastleggenError(f"{rel}: het controlegetal kan niet worden geschreven: {exc}") from exc
    _verify(text, new, index, nu, rel)
    _revalidate(project, rel, new)
    write_text(project.layout.root / rel, new)
    return Vastgelegd(rel, dvo.versie, nu, _line_of(new, nu), al_vastgelegd=False)


def _vastleggen_revisie(project: Project, slug: str, rel: str, versie: str, vervang: bool) -> Vastgelegd:
    """A version made from its recorded revision: its controlegetal as today's software makes it."""
    from generator.load.dvo_versies import dvo_versies

    g = project.gemeente(slug)
    v = next((x for x in dvo_versies(project).versies(slug) if x.versie == versie and x.revisie), None)
    if v is None or v.index is None:
        raise VastleggenError(
            f"{rel}: versie {versie} van de DVO van {g.naam} is geen vastgestelde of ondertekende versie met een "
            "revisie in dvo.wijzigingen; "
            f"zonder --versie legt 'dvo vastleggen {slug}' de huidige versie vast",
            gebruik=True,
        )
    nu = versie_controlegetal(project, v)
    text = (project.layout.root / rel).read_text(encoding="utf-8")
    if v.controlegetal == nu:
        return Vastgelegd(rel, versie, nu, _line_of(text, nu), al_vastgelegd=True)
    if v.controlegetal is not None and not vervang:
        raise VastleggenError(
            f"versie {versie} van de DVO van {g.naam} is vastgelegd met een ander controlegetal. Haar gegevens "
            "staan in revisie "
            f"{(v.revisie or '')[:10]} en veranderen niet; alleen een nieuwe versie van de software maakt de DVO "
            "anders. Controleer dat de "
            f"afspraak niet is veranderd en vervang het controlegetal met 'dvo vastleggen {slug} --versie "
            f"{versie} --vervang'."
        )
    try:
        new = set_scalar(text, ("dvo", "wijzigingen", v.index), "controlegetal", nu)
    except EditError as exc:
        raise VastleggenError(f"{rel}: het controlegetal kan niet worden geschreven: {exc}") from exc
    _verify(text, new, v.index, nu, rel)
    _revalidate(project, rel, new)
    write_text(project.layout.root / rel, new)
    return Vastgelegd(rel, versie, nu, _line_of(new, nu), al_vastgelegd=False)
