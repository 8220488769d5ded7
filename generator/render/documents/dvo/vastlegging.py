"""Is the content of a vastgelegde DVO version still what was recorded?

`dvo vastleggen` writes the controlegetal of the current content into the last
entry of `dvo.wijzigingen`. As long as that entry is the last one, the content
must stay the same: a change needs a new version (a new entry), or must be undone.
This check builds the view model, so it runs after loading (cli: validate, build).
"""

from __future__ import annotations

from generator.load.findings import Finding
from generator.load.project import Project
from generator.models.gemeente import Gemeente
from generator.render.documents.dvo.view import build_document
from generator.render.documents.dvo.inhoud import controlegetal

BIJVOEGLIJK = {"vastgesteld": "vastgestelde", "ondertekend": "ondertekende"}


def huidig_controlegetal(project: Project, gemeente: Gemeente) -> str:
    return controlegetal(build_document(project, gemeente))


def vastlegging_findings(project: Project) -> list[Finding]:
    out = []
    for g in project.gemeenten:
        versies = g.dvo.wijzigingen
        if not versies or versies[-1].controlegetal is None:
            continue
        laatste = versies[-1]
        if huidig_controlegetal(project, g) == laatste.controlegetal:
            continue
        i = len(versies) - 1
        rel = project.layout.rel(project.layout.gemeenten / f"{g.slug}.yaml")
        wat = BIJVOEGLIJK.get(g.dvo.status, "vastgelegde")
        hint = f" (wat er veranderde: dvo wijzigingen {g.slug} --van {laatste.revisie})" if laatste.revisie else ""
        out.append(project.docs[rel].finding(
            ("dvo", "wijzigingen", i, "controlegetal"),
            f"dvo.wijzigingen[{i}].controlegetal: de inhoud van de {wat} DVO (versie {laatste.versie}) is gewijzigd; "
            f"leg een nieuwe versie vast of maak de wijziging ongedaan{hint}",
            code="controlegetal-gewijzigd",
        ))
    return out
