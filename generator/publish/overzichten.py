"""Which wijzigingsoverzichten `dvo build` makes: for a DVO in concept or ter besluitvorming,
the changes since the last vastgestelde or ondertekende version.

That version is the latest earlier entry of `dvo.wijzigingen` with a `revisie` at
which the gemeente's DVO had status vastgesteld or ondertekend (read from git).
When git, the revision or its data is not available (a shallow clone in CI, a copy
without .git), the build goes on: the plan carries the reason, which the build
output and the gemeente page show.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.load.dvo_versies import dvo_kop
from generator.load.git_revisie import GitError, HistoricalDataInvalid, Revisie, bron, load_at_cached, resolve
from generator.load.project import Project
from generator.models.gemeente import Gemeente
from generator.render.documents.common import Rendered
from generator.render.documents.wijzigingen.render import overzicht, render_overzicht
from generator.util.errors import DvoError

DEFINITIEF = ("vastgesteld", "ondertekend")


@dataclass(frozen=True)
class Overzichtplan:
    slug: str
    versie: str  # the earlier version the overzicht compares with
    revisie: str | None = None  # its commit, when the overzicht can be made
    reden: str | None = None  # why it cannot be made

    @property
    def mogelijk(self) -> bool:
        return self.reden is None


class OverzichtError(DvoError):
    """A wijzigingsoverzicht cannot be made; the message says why (shown on the gemeente page)."""


def _old_status(project: Project, rev: Revisie, slug: str) -> str | None:
    """The gemeente's DVO status at the revision, kept per commit (load/dvo_versies.dvo_kop):
    dvo serve plans the overzichten again at every save, and parsing the file took 0.2 s."""
    kop = dvo_kop(project.layout.root, rev, slug)
    if kop is None:
        raise GitError(
            f"de gemeente bestond nog niet in revisie {rev.label} (gemeenten/{slug}.yaml ontbreekt daar); "
            "controleer de revisie in dvo.wijzigingen"
        )
    return kop["status"]


def _load(project: Project, rev: Revisie) -> Project:
    return load_at_cached(project.layout.root, rev)


def plan_gemeente(project: Project, g: Gemeente) -> Overzichtplan | None:
    if g.dvo.status in DEFINITIEF:
        return None
    kandidaten = [(w, w.revisie) for w in reversed(g.dvo.wijzigingen) if w.revisie and w.versie != g.dvo.versie]
    for w, revisie in kandidaten:
        try:
            rev = resolve(project.layout.root, revisie)
            status = _old_status(project, rev, g.slug)
            if status not in DEFINITIEF:
                continue  # that version was no vastgestelde one: look further back
            _load(project, rev)
        except GitError as exc:
            return Overzichtplan(g.slug, w.versie, reden=str(exc))
        except HistoricalDataInvalid as exc:
            first = exc.findings[0].message if exc.findings else "onbekende fout"
            return Overzichtplan(
                g.slug,
                w.versie,
                reden=f"de gegevens van revisie {exc.revisie} zijn met deze versie van de software niet meer te lezen "
                f"({first})",
            )
        return Overzichtplan(g.slug, w.versie, revisie=rev.hash)
    return None


def plan_overzichten(project: Project) -> dict[str, Overzichtplan]:
    plans = {g.slug: plan_gemeente(project, g) for g in project.gemeenten}
    return {slug: plan for slug, plan in plans.items() if plan is not None}


def render_plan(project: Project, slug: str, *, pdf: bool = True) -> Rendered:
    """The overzicht for one gemeente (in a worker process: planned again, the same way)."""
    plan = plan_gemeente(project, project.gemeente(slug))
    if plan is None or not plan.mogelijk or plan.revisie is None:
        raise OverzichtError(
            plan.reden if plan and plan.reden else "er is geen eerdere vastgestelde versie met een revisie"
        )
    rev = resolve(project.layout.root, plan.revisie)
    oud = _load(project, rev)
    ov = overzicht(oud, project, slug, van_bron=bron(rev.kort, oud), tot_bron="werkmap (zoals gebouwd)")
    return render_overzicht(project, ov, pdf=pdf)
