"""Is the content of a vastgelegde DVO version still what was recorded?

`dvo vastleggen` writes the controlegetal of a version's content into its entry of
`dvo.wijzigingen`. Two checks (cli: validate, build; they build the view model, so they
run after loading):

- The current version without a recorded revision is the working tree: as long as its
  entry is the last one, its content must stay the same; a change needs a new version
  (a new entry), or must be undone.
- A version with a recorded revision is made from the data at that revision: that
  content must still give the recorded controlegetal. It differs only when a new
  version of the software makes the document differently; re-record it (`--vervang`)
  after checking that the agreement itself did not change. For the current version the
  gemeente's own agreement in the working tree (budgets, afspraken, streefwaarden,
  signatories) must also still be the recorded one: the working file is that version
  until a new entry is added.
"""

from __future__ import annotations

import json

from generator.load.dvo_versies import DvoVersie, dvo_versies
from generator.load.findings import Finding
from generator.load.project import Project
from generator.load.revisie_feiten import feit
from generator.models.gemeente import Gemeente
from generator.render.documents.dvo.inhoud import controlegetal, inhoud
from generator.render.documents.dvo.view import build_document

BIJVOEGLIJK = {"vastgesteld": "vastgestelde", "ondertekend": "ondertekende"}
# The parts of a DVO that come from the gemeente's own file (the rest comes from shared files,
# such as the standard text, which a later version may change without changing this one).
EIGEN_DELEN = (
    "versie",
    "datum",
    "budget",
    "maatwerk",
    "verplichtingen",
    "kpis",
    "afspraken_gemeente",
    "ondertekenaars",
)


def huidig_controlegetal(project: Project, gemeente: Gemeente) -> str:
    return controlegetal(build_document(project, gemeente))


def versie_controlegetal(project: Project, versie: DvoVersie) -> str:
    """The controlegetal of a version as it is recorded (its revision, or the working tree)."""
    versies = dvo_versies(project)
    return controlegetal(build_document(versies.project_van(versie), versies.gemeente_van(versie)))


def _vastgelegd(project: Project, versie: DvoVersie) -> dict:
    """The controlegetal of a version read from its revision and, for the current version, its
    own parts (EIGEN_DELEN) as JSON. Kept per commit and working state (load/revisie_feiten.py):
    making them means loading the revision and building its DVO."""
    versies = dvo_versies(project)
    assert versie.revisie is not None

    def bereken() -> dict:
        doc = build_document(versies.project_van(versie), versies.gemeente_van(versie))
        content = inhoud(doc)
        return {"controlegetal": controlegetal(doc, content), "eigen": _delen(content) if versie.huidig else None}

    sleutel = f"dvo-inhoud {versie.slug} {versie.versie} {versies.werkstand(versie)}"
    return feit(project.layout.root, versie.revisie, sleutel, bereken)


def _gewijzigd(project: Project, g: Gemeente, i: int, message: str) -> Finding:
    rel = project.layout.rel(project.layout.gemeenten / f"{g.slug}.yaml")
    return project.docs[rel].finding(
        ("dvo", "wijzigingen", i, "controlegetal"),
        f"dvo.wijzigingen[{i}].controlegetal: {message}",
        code="controlegetal-gewijzigd",
    )


def vastlegging_findings(project: Project) -> list[Finding]:
    """Both checks: the working tree's vastgelegde version, and every version read from its revision."""
    return werkmap_findings(project) + revisie_vastlegging_findings(project)


def werkmap_findings(project: Project) -> list[Finding]:
    """The current version without a recorded revision kept the content of its controlegetal (no git needed)."""
    out = []
    for g in project.gemeenten:
        entries = g.dvo.wijzigingen
        laatste = entries[-1] if entries else None
        wat = BIJVOEGLIJK.get(g.dvo.status, "vastgelegde")
        if (
            laatste is not None
            and laatste.controlegetal is not None
            and laatste.revisie is None
            and huidig_controlegetal(project, g) != laatste.controlegetal
        ):
            out.append(
                _gewijzigd(
                    project,
                    g,
                    len(entries) - 1,
                    f"de inhoud van de {wat} DVO (versie {laatste.versie}) is gewijzigd; leg een nieuwe "
                    "versie vast of maak de wijziging ongedaan",
                )
            )
    return out


def revisie_vastlegging_findings(project: Project) -> list[Finding]:
    """Every version read from its recorded revision still gives its controlegetal (reads git)."""
    out = []
    versies = dvo_versies(project)
    for g in project.gemeenten:
        wat = BIJVOEGLIJK.get(g.dvo.status, "vastgelegde")
        for v in versies.versies(g.slug):
            if v.revisie is None or v.controlegetal is None or v.index is None:
                continue
            vastgelegd = _vastgelegd(project, v)
            if vastgelegd["controlegetal"] != v.controlegetal:
                out.append(
                    _gewijzigd(
                        project,
                        g,
                        v.index,
                        (
                            f"versie {v.versie} zoals die in revisie {v.revisie[:10]} is vastgelegd, geeft met "
                            "deze versie van de software een ander "
                            "controlegetal: de DVO zou anders worden gemaakt dan hij is vastgesteld. Controleer "
                            "dat de afspraak niet is veranderd "
                            f"en leg het controlegetal opnieuw vast met 'dvo vastleggen {g.slug} --versie "
                            f"{v.versie} --vervang'"
                        ),
                    )
                )
            elif v.huidig and json.loads(json.dumps(_eigen(project, g))) != vastgelegd["eigen"]:
                out.append(
                    _gewijzigd(
                        project,
                        g,
                        v.index,
                        (
                            f"de afspraken van de {wat} DVO (versie {v.versie}) in dit bestand wijken af van die "
                            f"in revisie {v.revisie[:10]}, "
                            "waarin deze versie is vastgelegd; leg een nieuwe versie vast of maak de wijziging "
                            "ongedaan "
                            f"(wat er veranderde: dvo wijzigingen {g.slug} --van {v.revisie[:10]})"
                        ),
                    )
                )
    return out


def _eigen(project: Project, g: Gemeente) -> dict:
    return _delen(inhoud(build_document(project, g)))


def _delen(data: dict) -> dict:
    return {k: data[k] for k in EIGEN_DELEN}
