"""Load a region's repository into one validated `Project`, or collect every finding.

Order: parse YAML (positions kept) -> pydantic models (loaded.py) -> cross-file
rules (rules.py). All findings of all files are gathered before anything is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.load.dvo_rules import dvo_findings
from generator.load.findings import Finding, InvalidProject, field_path
from generator.load.formaat import HUIDIG, herken
from generator.load.herindeling_rules import herindeling_findings
from generator.load.layout import Layout
from generator.load.loaded import LoadedFiles, load_files, with_regio
from generator.load.region_files import region_file_findings
from generator.load.rules import cross_file_findings
from generator.load.teller_noemer import met_waarden, rule_bereikbaar
from generator.load.yamlsource import YamlDocument
from generator.models import Gemeente, Indicatoren, Instrumentarium, Regio, Verordening
from generator.models.gemeente import Opvolger
from generator.models.periods import SCHEMES, code
from generator.models.standaard import DvoStandaard
from generator.models.types import shown


@dataclass
class Project:
    layout: Layout
    regio: Regio
    instrumentarium: Instrumentarium
    indicatoren: Indicatoren
    verordening: Verordening
    standaard: DvoStandaard
    gemeenten: list[
        Gemeente
    ]  # in the order of the region file: every gemeente with a DVO, also one a herindeling ended
    docs: dict[str, YamlDocument] = field(default_factory=dict)
    # The own files of gemeenten a herindeling made, by slug (compute/herindeling.py combines the rest).
    opvolgers: dict[str, Opvolger] = field(default_factory=dict)
    # The data format an earlier revision was written in, when it was converted to read it (git_revisie.load_at).
    omgezet_van: int | None = None

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
    signing and versions (load/dvo_rules.py) and the rule on reachable percentages
    (teller_noemer.py) are not applied to it again, and its site configuration is not
    needed (only its data is read)."""
    loaded = load_files(root)
    older = format_finding(loaded)
    if older is not None:  # every other finding would be a symptom of the older format
        raise InvalidProject([older])
    findings = list(loaded.findings)
    region_files = with_regio(loaded)
    if region_files is not None:
        findings += cross_file_findings(region_files, historisch=historisch)
        findings += dvo_findings(region_files, historisch=historisch)
        if not historisch:  # figures recorded earlier are read as they were, not judged again
            findings += rule_bereikbaar(region_files)
        findings += herindeling_findings(region_files)
    if not historisch:  # an earlier revision is read for its data only: no site to build from it
        # Every gemeente with pages on the site: also one a herindeling made.
        slugs = (
            [g.slug for g in loaded.regio.gemeenten] + [h.nieuwe_gemeente.slug for h in loaded.regio.herindelingen]
            if loaded.regio
            else None
        )
        ids = [i.id for i in loaded.instrumentarium.instrumenten] if loaded.instrumentarium else None
        findings += region_file_findings(loaded.layout, slugs, ids, _period_codes(loaded.regio))
    findings = with_open_decisions(loaded, findings)
    regio, instrumentarium, indicatoren = loaded.regio, loaded.instrumentarium, loaded.indicatoren
    verordening, standaard = loaded.verordening, loaded.standaard
    # Every region-wide file needs its model (gemeente files are checked by the rules).
    if (
        findings
        or regio is None
        or instrumentarium is None
        or indicatoren is None
        or verordening is None
        or standaard is None
    ):
        raise InvalidProject(findings)
    order = [g.slug for g in regio.gemeenten]
    return Project(
        layout=loaded.layout,
        regio=regio,
        instrumentarium=instrumentarium,
        indicatoren=indicatoren,
        verordening=verordening,
        standaard=standaard,
        # A realisatie written as teller and noemer gets its value here, once (teller_noemer.py).
        gemeenten=[met_waarden(loaded.gemeenten[s], indicatoren) for s in order],
        docs=loaded.docs,
        opvolgers=dict(loaded.opvolgers),
    )


def format_finding(loaded: LoadedFiles) -> Finding | None:
    """One finding when the data is not in the format this version reads (load/formaat), else None."""
    layout = loaded.layout
    docs = {rel: loaded.docs[rel].data for rel in loaded.docs}
    regio_rel = layout.rel(layout.regio)
    if regio_rel not in docs:
        return None  # not parsed: its own finding says why
    found = herken(
        docs.get(regio_rel),
        docs.get(layout.rel(layout.instrumentarium)),
        docs.get(layout.rel(layout.indicatoren)),
        siteconfig=layout.mkdocs.is_file(),
    )
    doc = loaded.docs[regio_rel]
    data = doc.data if isinstance(doc.data, dict) else {}
    line, col = doc.position(("formaat",)) if "formaat" in data else (1, 1)
    if found.formaat is None:
        return Finding(
            regio_rel,
            line,
            col,
            "formaat: verwacht een geheel getal, het formaat van de gegevens (deze versie leest formaat "
            f"{HUIDIG}), gevonden {shown(data.get('formaat'))}",
            code="getal-ongeldig",
        )
    if found.formaat < HUIDIG:
        return Finding(
            regio_rel,
            line,
            col,
            (
                f"de gegevens zijn in formaat {found.formaat} (herkend aan: {found.waaraan}); deze versie van de "
                "software "
                f"leest formaat {HUIDIG}: draai `dvo bijwerken` (met --dry-run ziet u eerst wat er verandert)"
            ),
            code="formaat-ouder",
        )
    if found.formaat > HUIDIG:
        return Finding(
            regio_rel,
            line,
            col,
            (
                f"de gegevens zijn in formaat {found.formaat}; deze versie van de software leest formaat {HUIDIG} en "
                f"ouder: werk de generator bij naar een versie die formaat {found.formaat} kent"
            ),
            code="formaat-nieuwer",
        )
    return None


def with_open_decisions(loaded: LoadedFiles, findings: list[Finding]) -> list[Finding]:
    """Each placeholder of `dvo bijwerken` as one finding that says what to fill in, instead of
    the type or missing-field errors it causes at its field (and below it)."""
    if not loaded.open:
        return findings
    out = [
        f
        for f in findings
        if not any(
            f.path == rel
            and (f.message.startswith(f"{field_path(loc)}:") or f.message.startswith(f"{field_path(loc)}."))
            for rel, places in loaded.open.items()
            for loc, _ in places
        )
    ]
    for rel, places in loaded.open.items():
        doc = loaded.docs[rel]
        out += [
            doc.finding(loc, f"{field_path(loc)}: in te vullen: {hint}", code="in-te-vullen") for loc, hint in places
        ]
    return out
