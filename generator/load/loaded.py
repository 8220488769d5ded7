"""Parse every file of a region's repository into its model, file by file.

`LoadedFiles` is what the cross-file rules (rules.py) work on: the models of
the files that parsed, their YAML documents (for positions), and the findings
so far. A file that did not parse or validate has no model (None), so a rule
must expect gaps; `project.load_project` runs the rules and only returns a
complete, validated `Project`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar, cast

from pydantic import BaseModel, ValidationError

from generator.load.findings import Finding
from generator.load.formaat.beslissingen import open_fields
from generator.load.layout import Layout
from generator.load.messages import findings_from
from generator.load.yamlsource import YamlDocument, load_yaml
from generator.models import Gemeente, Indicatoren, Instrumentarium, Regio, Verordening
from generator.models.gemeente import Opvolger
from generator.models.standaard import DvoStandaard
from generator.util.paths import outside_problem, outward_links

M = TypeVar("M", bound=BaseModel)


@dataclass
class LoadedFiles:
    """Models of the files that parsed, with their documents, before cross-file rules."""

    layout: Layout
    findings: list[Finding] = field(default_factory=list)
    docs: dict[str, YamlDocument] = field(default_factory=dict)  # rel path -> document
    regio: Regio | None = None
    instrumentarium: Instrumentarium | None = None
    indicatoren: Indicatoren | None = None
    verordening: Verordening | None = None
    standaard: DvoStandaard | None = None
    gemeenten: dict[str, Gemeente] = field(default_factory=dict)  # file stem -> model
    gemeente_files: dict[str, str] = field(default_factory=dict)  # file stem -> rel path
    # Files of gemeenten a herindeling made (content/regio.yaml: herindelingen), by file stem.
    opvolgers: dict[str, Opvolger] = field(default_factory=dict)
    # Placeholders `dvo bijwerken` left for a person (formaat/beslissingen.py): rel path -> (field path, what to fill
    # in).
    open: dict[str, list[tuple[tuple, str]]] = field(default_factory=dict)

    def doc(self, path: Path) -> YamlDocument:
        """The parsed document of a file that has a model."""
        return self.docs[self.layout.rel(path)]


class RegionFiles(Protocol):
    """LoadedFiles once content/regio.yaml has a model: what the cross-file rules receive
    (load/project.py runs them only then), so `regio` needs no None check in every rule."""

    layout: Layout
    findings: list[Finding]
    docs: dict[str, YamlDocument]
    regio: Regio
    instrumentarium: Instrumentarium | None
    indicatoren: Indicatoren | None
    verordening: Verordening | None
    standaard: DvoStandaard | None
    gemeenten: dict[str, Gemeente]
    gemeente_files: dict[str, str]
    opvolgers: dict[str, Opvolger]
    open: dict[str, list[tuple[tuple, str]]]

    def doc(self, path: Path) -> YamlDocument: ...


def with_regio(loaded: LoadedFiles) -> RegionFiles | None:
    """The same files seen as RegionFiles, or None while the regio file has no model."""
    return cast(RegionFiles, loaded) if loaded.regio is not None else None


# Why a path may not be read (util.paths.outside_problem), as a finding code.
LINK_CODES = {
    "loop": "koppeling-ongeldig",
    "dangling": "koppeling-ongeldig",
    "outside": "bestand-buiten-repository",
    "missing": "bestand-ontbreekt",
    "special": "bestand-ongeschikt",
    "directory": "bestand-ongeschikt",
}


def _model(loaded: LoadedFiles, path: Path, model: type[M]) -> M | None:
    rel = loaded.layout.rel(path)
    if not path.exists() and not path.is_symlink():
        loaded.findings.append(Finding(rel, 1, 1, "bestand ontbreekt (verwacht in deze map)", code="bestand-ontbreekt"))
        return None
    problem = outside_problem(path, loaded.layout.root)
    if problem is None and path.is_dir():
        problem = "directory", "is een map; verwacht een YAML-bestand"
    if problem is not None:  # e.g. a symlink to /etc/passwd: never opened
        kind, reason = problem
        loaded.findings.append(Finding(rel, 1, 1, f"bestand {reason}", code=LINK_CODES[kind]))
        return None
    doc, problems = load_yaml(path, rel)
    loaded.findings.extend(problems)
    if doc is None:
        return None
    loaded.docs[rel] = doc
    placeholders = list(open_fields(doc.data))
    if placeholders:
        loaded.open[rel] = placeholders
    if not isinstance(doc.data, dict):
        loaded.findings.append(
            Finding(
                rel,
                1,
                1,
                "verwacht een blok met velden (sleutel: waarde) bovenaan het bestand",
                code="structuur-ongeldig",
            )
        )
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        stood_in = _with_stand_ins(model, doc.data, [loc for loc, _ in placeholders], exc)
        if stood_in is not None:  # the placeholders were the only problem: they are reported as such
            return stood_in
        loaded.findings.extend(findings_from(exc, doc, model))
        return None


_REMOVE = object()
# Tried in turn for a placeholder the model refuses, so the rules still see the rest of the file.
_STAND_INS = (_REMOVE, 0, dt.date(2000, 1, 1), "-")


def _with_stand_ins(model: type[M], data: object, places: list[tuple], exc: ValidationError) -> M | None:
    """The model, with each placeholder the model refuses replaced by a stand-in that it accepts
    (removed if the field is optional, else 0, a date or a text); None when other errors remain."""

    def at_placeholder(error_loc: tuple) -> tuple | None:
        return next((p for p in places if error_loc[: len(p)] == p), None)

    failing = {at_placeholder(tuple(e["loc"])) for e in exc.errors()}
    if not places or None in failing:
        return None
    choice = {p: 0 for p in failing if p is not None}  # None is not among them (returned above)
    while True:
        try:
            return model.model_validate(_replaced(data, {p: _STAND_INS[i] for p, i in choice.items()}))
        except ValidationError as again:
            still = {
                at_placeholder(tuple(e["loc"])) or (tuple(e["loc"])[:-1] if e["type"] == "missing" else None)
                for e in again.errors()
            }
            if None in still or not still <= set(choice):
                return None
            for p in choice:
                if p not in still:
                    continue
                choice[p] += 1
                if choice[p] == len(_STAND_INS):
                    return None


def _replaced(data: object, values: dict[tuple, object], loc: tuple = ()) -> object:
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            here = loc + (key,)
            if here in values:
                if values[here] is not _REMOVE:
                    out[key] = values[here]
            else:
                out[key] = _replaced(value, values, here)
        return out
    if isinstance(data, list):
        return [_replaced(v, values, loc + (i,)) for i, v in enumerate(data)]
    return data


def _links_leaving_the_repository(layout: Layout) -> list[Finding]:
    """Templates, authored pages and mkdocs.yml are read by the build: refuse links out of the repository now."""
    places = [layout.content, layout.template_overrides, layout.mkdocs]
    out = []
    for place in places:
        for path, reason in outward_links(place, layout.root):
            kind, _ = outside_problem(path, layout.root) or ("outside", reason)
            out.append(
                Finding(
                    layout.rel(path), 1, 1, f"{'map' if path.is_dir() else 'bestand'} {reason}", code=LINK_CODES[kind]
                )
            )
    return out


def load_files(root: Path) -> LoadedFiles:
    layout = Layout(root.resolve())
    loaded = LoadedFiles(layout)
    loaded.findings += _links_leaving_the_repository(layout)
    loaded.regio = _model(loaded, layout.regio, Regio)
    loaded.instrumentarium = _model(loaded, layout.instrumentarium, Instrumentarium)
    loaded.indicatoren = _model(loaded, layout.indicatoren, Indicatoren)
    loaded.verordening = _model(loaded, layout.verordening, Verordening)
    loaded.standaard = _model(loaded, layout.dvo_bepalingen, DvoStandaard)
    nieuw = {h.nieuwe_gemeente.slug for h in loaded.regio.herindelingen} if loaded.regio else set()
    for path in sorted(layout.gemeenten.glob("*.yaml")) if layout.gemeenten.is_dir() else []:
        if path.name.startswith("_"):
            continue  # templates such as _voorbeeld.yaml are not gemeenten
        loaded.gemeente_files[path.stem] = layout.rel(path)
        if path.stem in nieuw:
            opvolger = _model(loaded, path, Opvolger)
            if opvolger is not None:
                loaded.opvolgers[path.stem] = opvolger
            continue
        gemeente = _model(loaded, path, Gemeente)
        if gemeente is not None:
            loaded.gemeenten[path.stem] = gemeente
    return loaded
