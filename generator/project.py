"""Load a region's repository into validated models, or collect every finding.

Order: parse YAML (positions kept) -> pydantic models -> cross-file rules.
All findings of all files are gathered before anything is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from generator.findings import Finding, InvalidProject
from generator.layout import Layout
from generator.messages import findings_from
from generator.models import Gemeente, Indicatoren, Instrumentarium, Regio, Verordening
from generator.models.standaard import DvoStandaard
from generator.yamlsource import YamlDocument, load_yaml

M = TypeVar("M", bound=BaseModel)


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


@dataclass
class _Loaded:
    """Models of the files that parsed, with their documents, before cross-file rules."""

    layout: Layout
    findings: list[Finding] = field(default_factory=list)
    docs: dict[str, YamlDocument] = field(default_factory=dict)
    regio: Regio | None = None
    instrumentarium: Instrumentarium | None = None
    indicatoren: Indicatoren | None = None
    verordening: Verordening | None = None
    standaard: DvoStandaard | None = None
    gemeenten: dict[str, Gemeente] = field(default_factory=dict)  # file stem -> model
    gemeente_files: dict[str, str] = field(default_factory=dict)  # file stem -> rel path


def _model(loaded: _Loaded, path: Path, model: type[M]) -> M | None:
    rel = loaded.layout.rel(path)
    if not path.is_file():
        loaded.findings.append(Finding(rel, 1, 1, "bestand ontbreekt (verwacht in deze map)"))
        return None
    doc, problems = load_yaml(path, rel)
    loaded.findings.extend(problems)
    if doc is None:
        return None
    loaded.docs[rel] = doc
    if not isinstance(doc.data, dict):
        loaded.findings.append(Finding(rel, 1, 1, "verwacht een blok met velden (sleutel: waarde) bovenaan het bestand"))
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        loaded.findings.extend(findings_from(exc, doc, model))
        return None


def load_models(root: Path) -> _Loaded:
    layout = Layout(root.resolve())
    loaded = _Loaded(layout)
    loaded.regio = _model(loaded, layout.regio, Regio)
    loaded.instrumentarium = _model(loaded, layout.instrumentarium, Instrumentarium)
    loaded.indicatoren = _model(loaded, layout.indicatoren, Indicatoren)
    loaded.verordening = _model(loaded, layout.verordening, Verordening)
    loaded.standaard = _model(loaded, layout.dvo_bepalingen, DvoStandaard)
    for path in sorted(layout.gemeenten.glob("*.yaml")) if layout.gemeenten.is_dir() else []:
        if path.name.startswith("_"):
            continue  # templates such as _voorbeeld.yaml are not gemeenten
        loaded.gemeente_files[path.stem] = layout.rel(path)
        gemeente = _model(loaded, path, Gemeente)
        if gemeente is not None:
            loaded.gemeenten[path.stem] = gemeente
    return loaded


def load_project(root: Path) -> Project:
    """Validated project, or InvalidProject with every finding."""
    from generator.rules import cross_file_findings

    loaded = load_models(root)
    findings = list(loaded.findings)
    complete = None not in (loaded.regio, loaded.instrumentarium, loaded.indicatoren, loaded.verordening, loaded.standaard)
    if loaded.regio is not None:
        findings += cross_file_findings(loaded)
    if findings or not complete:
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
