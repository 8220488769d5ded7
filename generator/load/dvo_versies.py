"""The versions of each gemeente's DVO, and the version in force on a date.

A version is an entry of `dvo.wijzigingen`. The current version (`dvo.versie`, the last
entry) is in the working tree. An earlier version is known only through the git revision
recorded with it (`revisie`): its status is the `dvo.status` of the gemeente file at that
revision, its content the data at that revision. A version is *definitief* when its status
is vastgesteld or ondertekend.

The version in force on a peildatum is the latest definitief version whose date is on or
before it. Its content (afspraken, budgets, streefwaarden, the afwijkingsregel of its
region file) is read from where it is recorded: its revision when it has one, the working
tree otherwise (there the controlegetal guards it, render/documents/dvo/vastlegging.py).
A definitief version read from its revision keeps its own text, so a later change of the
standaardbepalingen or of a draft applies to new versions only.

Reading a revision needs the repository's history. `revisie_findings` checks every recorded
revision once, for `dvo validate` and `dvo build`: a missing one (a copy without git, a
shallow CI clone) is a finding at its line that names the fix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import cached_property

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from generator.load.findings import Finding
from generator.load.git_revisie import (
    FULL_HISTORY,
    GitError,
    HistoricalDataInvalid,
    Revisie,
    is_repository,
    load_at_cached,
    read,
    resolve,
)
from generator.load.project import Project
from generator.load.revisie_feiten import feit
from generator.models.gemeente import Gemeente
from generator.util.errors import DvoError
from generator.util.formatting import date_long

DEFINITIEF = ("vastgesteld", "ondertekend")


class VersieOnleesbaar(DvoError):
    """A recorded version cannot be read (its revision is missing, or its data no longer loads)."""


@dataclass(frozen=True)
class DvoVersie:
    """One version of a gemeente's DVO and where its content is recorded."""

    slug: str
    versie: str
    datum: dt.date
    status: str
    index: int | None  # its entry in dvo.wijzigingen (None: the current version has no entry)
    revisie: str | None  # the commit its content is read from; None: the working tree
    controlegetal: str | None
    huidig: bool  # the working tree's current version
    ondertekend_op: dt.date | None = None  # the last signature, for an ondertekende version

    @property
    def definitief(self) -> bool:
        return self.status in DEFINITIEF

    @property
    def omschrijving(self) -> str:
        """`versie 1.0, vastgesteld op 16 december 2014`, `versie 0.3 (concept)`."""
        if self.status == "vastgesteld":
            return f"versie {self.versie}, vastgesteld op {date_long(self.datum)}"
        if self.status == "ondertekend":
            getekend = f", ondertekend op {date_long(self.ondertekend_op)}" if self.ondertekend_op else " (ondertekend)"
            return f"versie {self.versie} van {date_long(self.datum)}{getekend}"
        return f"versie {self.versie} ({self.status})"

    @property
    def bestandsnaam(self) -> str:
        """The version as a file-name part: `1.0`; other characters become '-'."""
        return "".join(c if c.isascii() and (c.isalnum() or c in ".-") else "-" for c in self.versie)


def _last_signature(g: Gemeente) -> dt.date | None:
    dates = [o.ondertekend.datum for o in g.dvo.ondertekenaars if o.ondertekend]
    return max(dates) if dates else None


def _head_of_file(data: bytes) -> dict:
    """The `dvo` block of a gemeente file as plain data (status and versie), {} when unreadable."""
    try:
        doc = YAML(typ="safe").load(data.decode("utf-8", errors="replace"))
    except YAMLError:
        return {}
    dvo = doc.get("dvo") if isinstance(doc, dict) else None
    return dvo if isinstance(dvo, dict) else {}


def dvo_kop(root, rev: Revisie, slug: str) -> dict | None:
    """`status` and `versie` (as text) of a gemeente's DVO at a revision; None when its file did
    not exist then. Kept per commit (load/revisie_feiten.py): parsing the file with ruamel is slow."""

    def bereken() -> dict | None:
        data = read(root, rev, f"gemeenten/{slug}.yaml")
        if data is None:
            return None
        head = _head_of_file(data)
        status = head.get("status")
        return {"status": status if isinstance(status, str) else None, "versie": str(head.get("versie"))}

    return feit(root, rev.hash, f"kop {slug}", bereken)


def laadfout(root, rev: Revisie) -> str | None:
    """Why the data at a revision does not load with this software (its first finding), or None.
    Kept per commit: finding out means reading and migrating every file of the revision."""

    def bereken() -> str | None:
        try:
            load_at_cached(root, rev)
        except HistoricalDataInvalid as exc:
            return str(exc.findings[0]) if exc.findings else "onbekende fout"
        return None

    return feit(root, rev.hash, "laadfout", bereken)


def missing_revision_reason(project: Project, gevraagd: str) -> str:
    """Why a recorded revision cannot be read, and what to do about it, in one Dutch clause."""
    root = project.layout.root
    if not is_repository(root):
        return (
            f"revisie '{gevraagd}' kan niet worden gelezen: deze map is geen git-repository. Werk in een kloon van de "
            "regio-repository (git clone), niet in een kopie van de bestanden"
        )
    try:
        resolve(root, gevraagd)
    except GitError as exc:
        return str(exc)
    return f"revisie '{gevraagd}' kan niet worden gelezen ({FULL_HISTORY})"


class DvoVersies:
    """The versions of every gemeente's DVO in one project, read from git once (cached)."""

    def __init__(self, project: Project):
        self.project = project
        self._versies: dict[str, list[DvoVersie]] = {}

    @property
    def root(self):
        return self.project.layout.root

    def versies(self, slug: str) -> list[DvoVersie]:
        """Every version whose status is known, in order: the earlier ones with a revision,
        then the current one. VersieOnleesbaar when a recorded revision cannot be read."""
        if slug not in self._versies:
            self._versies[slug] = self._read(self.project.gemeente(slug))
        return self._versies[slug]

    def _read(self, g: Gemeente) -> list[DvoVersie]:
        dvo = g.dvo
        entries = dvo.wijzigingen
        current = len(entries) - 1 if entries and entries[-1].versie == dvo.versie else None
        out = []
        for i, w in enumerate(entries):
            if i == current or w.revisie is None:
                continue  # an earlier version without a revision: its status is not known
            rev = self._resolve(g, w.revisie)
            kop = dvo_kop(self.root, rev, g.slug)
            if kop is None:
                raise VersieOnleesbaar(
                    f"de gemeente '{g.slug}' bestond nog niet in revisie {rev.label} van versie {w.versie} "
                    f"(gemeenten/{g.slug}.yaml ontbreekt daar); controleer de revisie in dvo.wijzigingen"
                )
            status = kop["status"]
            if status not in DEFINITIEF:
                continue
            out.append(DvoVersie(g.slug, w.versie, w.datum, status, i, rev.hash, w.controlegetal, False))
        entry = entries[current] if current is not None else None
        revisie = self._resolve(g, entry.revisie).hash if entry is not None and entry.revisie else None
        out.append(
            DvoVersie(
                g.slug,
                dvo.versie,
                dvo.datum,
                dvo.status,
                current,
                revisie,
                entry.controlegetal if entry else None,
                True,
                ondertekend_op=_last_signature(g) if dvo.status == "ondertekend" else None,
            )
        )
        return out

    def _resolve(self, g: Gemeente, gevraagd: str) -> Revisie:
        try:
            return resolve(self.root, gevraagd)
        except GitError:
            raise VersieOnleesbaar(f"DVO {g.naam}: {missing_revision_reason(self.project, gevraagd)}") from None

    def geldend(self, slug: str, peildatum: dt.date) -> DvoVersie | None:
        """The version in force on `peildatum`: the latest definitief version dated on or before it."""
        kandidaten = [v for v in self.versies(slug) if v.definitief and v.datum <= peildatum]
        return max(kandidaten, key=lambda v: (v.datum, v.huidig, v.index or 0), default=None)

    def laatst_geldend(self, slug: str) -> DvoVersie | None:
        """The latest definitief version, whatever its date: the one in force now."""
        kandidaten = [v for v in self.versies(slug) if v.definitief]
        return max(kandidaten, key=lambda v: (v.datum, v.huidig, v.index or 0), default=None)

    def huidig(self, slug: str) -> DvoVersie:
        return self.versies(slug)[-1]

    def project_van(self, versie: DvoVersie) -> Project:
        """The project with the data of this version (the working tree's for an unrecorded one)."""
        if versie.revisie is None:
            return self.project
        try:
            return load_at_cached(self.root, Revisie(versie.revisie, versie.revisie))
        except HistoricalDataInvalid as exc:
            raise VersieOnleesbaar(
                self._onleesbaar(versie, str(exc.findings[0]) if exc.findings else "onbekende fout")
            ) from None

    def leesfout(self, versie: DvoVersie) -> str | None:
        """What `project_van` would raise for this version, without loading its data when that
        is known from an earlier run (`dvo validate` only needs to know that it loads)."""
        if versie.revisie is None:
            return None
        first = laadfout(self.root, Revisie(versie.revisie, versie.revisie))
        return None if first is None else self._onleesbaar(versie, first)

    def _onleesbaar(self, versie: DvoVersie, first: str) -> str:
        return (
            f"versie {versie.versie} van de DVO van {self.project.gemeente(versie.slug).naam} staat in "
            f"revisie {(versie.revisie or '')[:10]}, "
            f"maar die gegevens zijn met deze versie van de software niet te lezen ({first})"
        )

    def gemeente_van(self, versie: DvoVersie) -> Gemeente:
        """The gemeente as this version records it. For the current version read from its
        revision, the state (status, signatures) is the working tree's: signing later does
        not change what was agreed."""
        project = self.project_van(versie)
        g = project.gemeente(versie.slug)
        if not versie.huidig or versie.revisie is None:
            return g
        nu = self.project.gemeente(versie.slug)
        ondertekenaars = [
            o.model_copy(update={"ondertekend": n.ondertekend}) if n.naam == o.naam else o
            for o, n in zip(g.dvo.ondertekenaars, nu.dvo.ondertekenaars, strict=False)
        ] + list(g.dvo.ondertekenaars[len(nu.dvo.ondertekenaars) :])
        return g.model_copy(
            update={"dvo": g.dvo.model_copy(update={"status": nu.dvo.status, "ondertekenaars": ondertekenaars})}
        )

    def werkstand(self, versie: DvoVersie) -> str:
        """What `gemeente_van` takes from the working tree for this version, as one hash ('' when
        nothing): a fact computed from it is kept per commit and this hash (load/revisie_feiten.py)."""
        if not versie.huidig or versie.revisie is None:
            return ""
        dvo = self.project.gemeente(versie.slug).dvo
        state = [dvo.status, [o.model_dump(mode="json") for o in dvo.ondertekenaars]]
        return hashlib.sha256(json.dumps(state, sort_keys=True).encode("utf-8")).hexdigest()[:16]

    @cached_property
    def zonder_geldende(self) -> list[str]:
        """Slugs of gemeenten without any definitief version (no DVO in force at any date)."""
        return [g.slug for g in self.project.gemeenten if self.laatst_geldend(g.slug) is None]


_VERSIES: dict[int, tuple[Project, DvoVersies]] = {}


def dvo_versies(project: Project) -> DvoVersies:
    """The DvoVersies of a loaded project, made once per project object."""
    hit = _VERSIES.get(id(project))
    if hit is None or hit[0] is not project:  # the identity check guards against a reused id
        if len(_VERSIES) > 32:
            _VERSIES.clear()
        hit = _VERSIES[id(project)] = (project, DvoVersies(project))
    return hit[1]


def revisie_findings(project: Project) -> list[Finding]:
    """Every recorded revision of a DVO version must be readable, show that version, and
    load; an earlier version that was vastgelegd (it has a controlegetal) needs a revision,
    or the version in force cannot be known. One finding per problem, at its line."""
    out = []
    versies = dvo_versies(project)
    for g in project.gemeenten:
        rel = project.layout.rel(project.layout.gemeenten / f"{g.slug}.yaml")
        doc = project.docs.get(rel)
        entries = g.dvo.wijzigingen
        for i, w in enumerate(entries):
            laatste = i == len(entries) - 1 and w.versie == g.dvo.versie
            where = f"dvo.wijzigingen[{i}]"
            if w.revisie is None:
                if w.controlegetal is not None and not laatste and doc is not None:
                    out.append(
                        doc.finding(
                            ("dvo", "wijzigingen", i),
                            (
                                f"{where}: versie {w.versie} is vastgelegd (controlegetal), maar er staat geen "
                                "revisie bij; "
                                f"zet bij 'revisie' de git-commit waarin versie {w.versie} is vastgesteld, anders "
                                "is niet te bepalen welke DVO geldt"
                            ),
                            code="revisie-ontbreekt",
                        )
                    )
                continue
            problem = _revision_problem(project, versies, g, i, w.revisie, w.versie)
            if problem and doc is not None:
                out.append(
                    doc.finding(
                        ("dvo", "wijzigingen", i, "revisie"), f"{where}.revisie: {problem}", code="revisie-onleesbaar"
                    )
                )
    return out


def _revision_problem(
    project: Project, versies: DvoVersies, g: Gemeente, i: int, gevraagd: str, versie: str
) -> str | None:
    root = project.layout.root
    try:
        rev = resolve(root, gevraagd)
    except GitError:
        return (
            f"de DVO-versie {versie} wordt uit die revisie gelezen, maar {missing_revision_reason(project, gevraagd)}"
        )
    head = dvo_kop(root, rev, g.slug)
    if head is None:
        return (
            f"in revisie {rev.label} bestaat gemeenten/{g.slug}.yaml niet; verwacht de revisie waarin versie {versie} "
            "is vastgesteld"
        )
    found = head["versie"]
    if found != versie:
        return (
            f"in revisie {rev.label} heeft de DVO versie {found}, niet versie {versie}; verwacht de revisie waarin "
            f"versie {versie} is vastgesteld"
        )
    if head["status"] not in DEFINITIEF:
        return None  # a draft's revision: it is never in force, so its data need not load
    versie_obj = (
        next((v for v in versies.versies(g.slug) if v.index == i), None)
        if _versions_readable(versies, g.slug)
        else None
    )
    if versie_obj is None:
        return None
    return versies.leesfout(versie_obj)


def _versions_readable(versies: DvoVersies, slug: str) -> bool:
    try:
        versies.versies(slug)
    except VersieOnleesbaar:
        return False
    return True
