"""Load a region's repository into one validated `Project`, or collect every finding.

Order: parse YAML (positions kept) -> pydantic models (loaded.py) -> cross-file
rules (rules.py). All findings of all files are gathered before anything is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.load.dvo_rules import dvo_findings
from generator.load.findings import InvalidProject
from generator.load.layout import Layout
from generator.load.loaded import load_files
from generator.load.region_files import region_file_findings
from generator.load.rules import cross_file_findings
from generator.load.yamlsource import YamlDocument
from generator.models import Gemeente, Indicatoren, Instrumentarium, Regio, Verordening
from generator.models.periods import SCHEMES, code
from generator.models.standaard import DvoStandaard


@dataclass
class Project:
    layout: Layout
    regio: Regio
    instrumentarium: Instrumentarium
    indicatoren: Indicatoren
    verordening: Verordening
    standaard: DvoStandaard
    gemeenten: list[Gemeente]  # in the order of the region file
    docs: dict[str, YamlDocument] = field(default_factory=dict)

    def gemeente(self, slug: str) -> Gemeente:
        return next(g for g in self.gemeenten if g.slug == slug)

    def instrument(self, instrument_id: str):
        return next(i for i in self.instrumentarium.instrumenten if i.id == instrument_id)

    def indicator(self, indicator_id: str):
        return next(i for i in self.indicatoren.indicatoren if i.id == indicator_id)


def _period_codes(regio) -> list[str] | None:
    """Every report period the region's years and scheme allow: the names of report pages."""
    if regio is None:
        return None
    scheme = regio.rapportage.periode_schema
    per_year = SCHEMES[scheme][1]
    return [code(j, n, scheme) for j in regio.periode.jaren for n in range(1, per_year + 1)]


def load_project(root: Path, *, historisch: bool = False) -> Project:
    """Validated project, or InvalidProject with every finding.

    `historisch`: an earlier revision read for comparison; the contract rules for
    signing and versions (load/dvo_rules.py) are not applied to it again, and its
    site configuration is not needed (only its data is read)."""
    loaded = load_files(root)
    findings = list(loaded.findings)
    if loaded.regio is not None:
        findings += cross_file_findings(loaded)
        findings += dvo_findings(loaded, historisch=historisch)
    if not historisch:  # an earlier revision is read for its data only: no site to build from it
        slugs = [g.slug for g in loaded.regio.gemeenten] if loaded.regio else None
        ids = [i.id for i in loaded.instrumentarium.instrumenten] if loaded.instrumentarium else None
        findings += region_file_findings(loaded.layout, slugs, ids, _period_codes(loaded.regio))
    if findings or not loaded.complete:
        raise InvalidProject(findings)
    order = [g.slug for g in loaded.regio.gemeenten]
    return Project(
        layout=loaded.layout,
        regio=loaded.regio,
        instrumentarium=loaded.instrumentarium,
        indicatoren=loaded.indicatoren,
        verordening=loaded.verordening,
        standaard=loaded.standaard,
        gemeenten=[loaded.gemeenten[s] for s in order],
        docs=loaded.docs,
    )
