"""`dvo import`: realisaties from a CSV or Excel export into the gemeente files.

Every row is checked first (gemeente, indicator, periode, waarde, noemer,
duplicates), each problem reported with the file's row number. Only when all
rows are good are the new files computed (see yaml_edit.py: untouched bytes
stay as they are), re-validated as a whole project in a scratch copy, and then
written atomically. With `dry_run` the diff is returned and nothing is written.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, SequenceNode

from generator.compute.herindeling import herindelingen, namen
from generator.edit.export_file import ImportFailed, ImportProblem, read_export
from generator.edit.yaml_edit import EditError, set_realisatie, set_realisatie_deel
from generator.load.findings import InvalidProject
from generator.load.formaat.yamltekst import YamlTekst, text_of
from generator.load.project import Project, load_project
from generator.models import kinds, periods
from generator.models.gemeente import Realisatie
from generator.util.atomic import write_texts
from generator.util.formatting import date_long
from generator.util.oserrors import os_problem, os_reason
from generator.util.paths import outside_reason
from generator.util.suggest import did_you_mean

COLUMNS = ("gemeente", "indicator", "periode", "waarde")
# A split indicator's count per category (`categorie`), or an overgang of a ladder (`van`, `naar`).
OPTIONAL = ("noemer", "categorie", "van", "naar")
ALIASES = {"realisatie": "waarde", "jaar": "periode", "indicator_id": "indicator"}
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")
MAX_DIGITS = 15  # as for numbers in the YAML (models/types.py)


@dataclass(frozen=True)
class Rij:
    rij: int  # row number as the user sees it in the file (header = 1)
    slug: str
    indicator: str
    periode: str
    waarde: Decimal
    noemer: Decimal | None
    deel: tuple[str, ...] = ()  # () for the total; ("categorieen", c) or ("overgangen", van, naar)

    @property
    def omschrijving(self) -> str:
        """The row's key in words, for messages: "<gemeente>, uitstroom-werk, 2017, categorie jongeren"."""
        if not self.deel:
            return ""
        if self.deel[0] == "categorieen":
            return f", categorie {self.deel[1]}"
        return f", van {self.deel[1]} naar {self.deel[2]}"


@dataclass
class Resultaat:
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    bestanden: dict[str, tuple[str | None, str]] = field(
        default_factory=dict
    )  # rel path -> (old, new); old None: a new file
    meldingen: list[str] = field(default_factory=list)
    tekenset: str | None = None  # the encoding a CSV was read in

    def diff(self) -> str:
        out: list[str] = []
        for rel, (old, new) in self.bestanden.items():
            out += difflib.unified_diff(
                (old or "").splitlines(keepends=True),
                new.splitlines(keepends=True),
                f"a/{rel}" if old is not None else "/dev/null",
                f"b/{rel}",
            )
        return "".join(out)


def _number(text: str) -> Decimal | None:
    """'71,4' and '71.4' both mean 71.4; thousands separators are refused as ambiguous."""
    if not _NUMBER.match(text) or len(text.split(",")[0].split(".")[0].lstrip("-")) > MAX_DIGITS:
        return None
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


class _Checker:
    def __init__(self, project: Project, name: str):
        self.project = project
        self.name = name
        self.problems: list[ImportProblem] = []
        self.by_key = {}
        self.herindelingen = herindelingen(project)
        for g in self.herindelingen.alle():  # also a gemeente made by a herindeling
            for key in (g.slug, g.naam.lower(), g.cbs_code.lower()):
                self.by_key[key] = g
        self.scheme = project.regio.rapportage.periode_schema
        self.jaren = project.regio.periode.jaren

    def fail(self, rij: int, kolom: str, message: str, *, code: str) -> None:
        self.problems.append(ImportProblem(f"{self.name}:{rij}: {kolom}: {message}", code=code))

    def header(self, headers: list[str]) -> dict[str, str]:
        """Map our column names to the file's header names."""
        found = {}
        for h in headers:
            norm = ALIASES.get(h.strip().lower(), h.strip().lower())
            if norm in COLUMNS + OPTIONAL and norm not in found:
                found[norm] = h
        missing = [c for c in COLUMNS if c not in found]
        if missing:
            self.problems.append(
                ImportProblem(
                    f"{self.name}:1: kolommen {', '.join(missing)} ontbreken in de kopregel; verwacht de kolommen "
                    f"{', '.join(COLUMNS)} (en eventueel noemer, categorie, of van en naar), gevonden: "
                    f"{', '.join(headers) or '(niets)'}",
                    code="kolom-ontbreekt",
                )
            )
        return found

    def row(self, rij: int, cells: dict[str, str], names: dict[str, str]) -> Rij | None:
        before = len(self.problems)
        text = {c: cells.get(names[c], "") if c in names else "" for c in COLUMNS + OPTIONAL}
        g = self.by_key.get(text["gemeente"].lower())
        if not text["gemeente"]:
            self.fail(rij, "gemeente", "leeg; verwacht de naam, slug of CBS-code van een gemeente", code="cel-leeg")
        elif g is None:
            namen = [x.naam for x in self.herindelingen.alle()]
            self.fail(
                rij,
                "gemeente",
                f"onbekende gemeente '{text['gemeente']}'; bekend zijn: "
                f"{', '.join(namen)}{did_you_mean(text['gemeente'], namen)}",
                code="verwijzing-onbekend",
            )
        indicator = next((i for i in self.project.indicatoren.indicatoren if i.id == text["indicator"]), None)
        if indicator is None:
            ids = [i.id for i in self.project.indicatoren.indicatoren]
            self.fail(
                rij,
                "indicator",
                f"onbekende indicator '{text['indicator']}'{did_you_mean(text['indicator'], ids)}; gebruik een id "
                f"uit content/indicatoren.yaml, zoals '{ids[0]}'",
                code="verwijzing-onbekend",
            )
        elif g is not None and not any(p.indicator == indicator.id for p in g.prestatie_indicatoren):
            self.fail(
                rij,
                "indicator",
                f"de gemeente {g.naam} heeft geen prestatie-indicator '{indicator.id}' in haar DVO",
                code="indicator-niet-in-dvo",
            )
        parsed = periods.parse_code(text["periode"], self.scheme)
        if parsed is None:
            self.fail(
                rij,
                "periode",
                f"verwacht {periods.describe(self.scheme)}, gevonden '{text['periode']}'",
                code="periode-ongeldig",
            )
        elif parsed[0] not in self.jaren:
            self.fail(
                rij,
                "periode",
                f"periode '{text['periode']}' ligt buiten de DVO-periode ({self.jaren[0]}-{self.jaren[-1]})",
                code="buiten-periode",
            )
        elif g is not None and not self.herindelingen.bestaat(g.slug, parsed[0]):
            self.fail(rij, "periode", self._niet_bestaand(g.slug, text["periode"]), code="herindeling-periode")
        deel = self._deel(rij, text, indicator)
        waarde = self._value(
            rij, "waarde", text["waarde"], ("aantal" if deel else indicator.eenheid) if indicator else None
        )
        noemer = None
        if text["noemer"]:
            noemer = _number(text["noemer"])
            if noemer is None or noemer <= 0:
                self.fail(
                    rij,
                    "noemer",
                    f"verwacht een getal groter dan 0, gevonden '{text['noemer']}'",
                    code="getal-ongeldig",
                )
            elif deel:
                self.fail(
                    rij,
                    "noemer",
                    "een aantal per categorie of een overgang heeft geen noemer; laat de noemer leeg",
                    code="waarde-ongeldig",
                )
        if len(self.problems) > before or g is None or indicator is None or waarde is None:  # each None was a problem
            return None
        return Rij(rij, g.slug, indicator.id, text["periode"], waarde, noemer, deel)

    def _deel(self, rij: int, text: dict[str, str], indicator) -> tuple[str, ...]:
        """Which count of the realisatie the row holds: the total, a category, or an overgang."""
        categorie, van, naar = text["categorie"].strip(), text["van"].strip(), text["naar"].strip()
        if not (categorie or van or naar):
            return ()
        if indicator is None:
            return ()
        dimensie = self.project.indicatoren.dimensie(indicator.dimensie)
        if dimensie is None:
            kolom = "categorie" if categorie else "van"
            self.fail(
                rij,
                kolom,
                f"'{indicator.id}' is niet uitgesplitst (geen dimensie in content/indicatoren.yaml); laat {kolom} leeg",
                code="niet-uitgesplitst",
            )
            return ()
        if categorie and (van or naar):
            self.fail(
                rij,
                "categorie",
                "vul óf categorie (een aantal op de peildatum) óf van en naar (een overgang) in, niet beide",
                code="waarde-ongeldig",
            )
            return ()
        wat = dimensie.enkelvoud
        for kolom, waarde in (("categorie", categorie), ("van", van), ("naar", naar)):
            if waarde and dimensie.categorie(waarde) is None:
                self.fail(
                    rij,
                    kolom,
                    f"onbekende {wat} '{waarde}' van dimensie '{dimensie.id}'; bekend zijn: "
                    f"{', '.join(dimensie.ids)}{did_you_mean(waarde, dimensie.ids)}",
                    code="verwijzing-onbekend",
                )
                return ()
        if categorie:
            return ("categorieen", categorie)
        if not dimensie.ladder:
            self.fail(
                rij,
                "van",
                f"overgangen horen bij een ladder, maar dimensie '{dimensie.id}' is geen ladder",
                code="geen-ladder",
            )
            return ()
        if not (van and naar):
            self.fail(
                rij,
                "naar" if van else "van",
                f"een overgang heeft een van en een naar ({wat}), gevonden alleen {'van' if van else 'naar'}",
                code="cel-leeg",
            )
            return ()
        return ("overgangen", van, naar)

    def _niet_bestaand(self, slug: str, periode: str) -> str:
        h = self.herindelingen.opgeheven(slug)
        if h is not None:
            return (
                f"{self.herindelingen.gemeente(slug).naam} bestaat sinds {date_long(h.datum)} niet meer; een "
                "realisatie voor "
                f"{periode} hoort bij {h.nieuwe_gemeente.naam}"
            )
        g = self.herindelingen.opvolgers[slug]  # not opgeheven, so made by a herindeling
        return (
            f"{g.naam} bestaat pas sinds {date_long(g.datum)}; een realisatie voor {periode} hoort bij "
            f"{namen([v.naam for v in g.voorgangers])}"
        )

    def _value(self, rij: int, kolom: str, text: str, eenheid: str | None) -> Decimal | None:
        if not text:
            self.fail(rij, kolom, "leeg; verwacht een getal", code="cel-leeg")
            return None
        value = _number(text)
        hint = " (schrijf duizendtallen zonder punt of spatie)" if re.match(r"^\d{1,3}([. ]\d{3})+$", text) else ""
        if value is None and _NUMBER.match(text):
            self.fail(
                rij,
                kolom,
                f"verwacht een getal van hoogstens {MAX_DIGITS} cijfers, gevonden {len(text)} tekens",
                code="waarde-buiten-bereik",
            )
            return None
        if value is None:
            self.fail(
                rij,
                kolom,
                f"verwacht een getal zoals 42 of 71,4, gevonden '{text}'{hint}",
                code="getalnotatie-ongeldig" if hint else "getal-ongeldig",
            )
            return None
        if eenheid is not None:
            unit = kinds.eenheid(eenheid)
            low, high, what = unit.bereik
            whole = not unit.geheel or value == value.to_integral_value()
            if value < low or (high is not None and value > high) or not whole:
                code = "getalnotatie-ongeldig" if hint else "waarde-buiten-bereik" if whole else "getal-ongeldig"
                self.fail(rij, kolom, f"verwacht {what}, gevonden '{text}'{hint}", code=code)
                return None
        return value


def check_rows(project: Project, path: Path) -> tuple[list[Rij], str | None]:
    """The good rows and the CSV's encoding; ImportFailed with every problem otherwise."""
    table = read_export(path, project.layout.root)
    headers, rows = table.headers, table.rows
    checker = _Checker(project, path.name)
    names = checker.header(headers)
    if checker.problems:
        raise ImportFailed(checker.problems)
    if not rows:
        raise ImportFailed.one(f"{path.name}: geen rijen met gegevens onder de kopregel", code="export-leeg")
    good: list[Rij] = []
    first_row: dict[tuple, int] = {}
    for rij, cells in rows:
        r = checker.row(rij, cells, names)
        if r is None:
            continue
        key = (r.slug, r.indicator, r.periode, r.deel)
        if key in first_row:
            checker.fail(
                rij,
                "rij",
                f"dubbel: {herindelingen(project).gemeente(r.slug).naam}, {r.indicator}, "
                f"{r.periode}{r.omschrijving} staat ook in rij {first_row[key]}",
                code="waarde-dubbel",
            )
            continue
        first_row[key] = rij
        good.append(r)
    weighted = {i.id for i in project.indicatoren.indicatoren if i.regionaal == "gewogen gemiddelde"}
    for r in good:
        existing = _existing(project, r)
        if (
            r.indicator in weighted
            and not r.deel
            and r.noemer is None
            and (existing is None or existing.noemer is None)
        ):
            checker.fail(
                r.rij,
                "noemer",
                f"leeg, maar '{r.indicator}' is een gewogen gemiddelde; vul de noemer in "
                f"({project.indicator(r.indicator).noemer})",
                code="noemer-ontbreekt",
            )
    if checker.problems:
        raise ImportFailed(checker.problems)
    return good, table.tekenset


def _existing(project: Project, r: Rij):
    p = next(p for p in herindelingen(project).gemeente(r.slug).prestatie_indicatoren if p.indicator == r.indicator)
    return p.realisaties.get(r.periode)


def _existing_deel(project: Project, r: Rij) -> int | None:
    """The count a category or overgang row replaces, if the file has it."""
    real = _existing(project, r)
    if real is None:
        return None
    if r.deel[0] == "categorieen":
        return real.categorieen.get(r.deel[1])
    return real.overgangen.get(r.deel[1], {}).get(r.deel[2])


def _opvolger_text(project: Project, slug: str, rel: str, current: str | None, indicator: str) -> str:
    """The file of a gemeente made by a herindeling, with an entry for `indicator` to set a realisatie in:
    the file is made when it is missing, the entry added when the gemeente reports on it for the first time."""
    if current is None:
        g = herindelingen(project).opvolgers[slug]  # only for a gemeente a herindeling made
        current = (
            f"# Gemeente {g.naam}: wat zij zelf rapporteert sinds {date_long(g.datum)} (aangemaakt door dvo "
            f"import).\nslug: {g.slug}\nnaam: {g.naam}\ncbs_code: {g.cbs_code}\n"
        )
    t = YamlTekst(current, rel)
    lijst = t.at("prestatie_indicatoren")
    if isinstance(lijst, SequenceNode) and any(
        text_of(t.at("prestatie_indicatoren", i, "indicator")) == indicator for i in range(len(lijst.value))
    ):
        return current
    if isinstance(lijst, SequenceNode) and lijst.value and not lijst.flow_style:
        t.append_item(lijst, {"indicator": indicator})
    elif isinstance(t.root, MappingNode) and "prestatie_indicatoren" not in [k.value for k, _ in t.root.value]:
        t.add_entry(t.root, "prestatie_indicatoren", [{"indicator": indicator}], blank_line=True)
    else:
        raise ImportFailed.one(
            f"{rel}: prestatie_indicatoren is geen lijst van regels die met '-' beginnen; voeg '- indicator: "
            f"{indicator}' zelf toe",
            code="bewerking-onmogelijk",
        )
    return t.result()


def _text(value: Decimal) -> str:
    return format(value, "f")


def plan_import(project: Project, rows: list[Rij]) -> Resultaat:
    """The new text of every gemeente file a row changes, checked value by value."""
    scheme = project.regio.rapportage.periode_schema
    res = Resultaat()

    def after(a: str, b: str) -> bool:
        pa, pb = periods.parse_code(a, scheme), periods.parse_code(b, scheme)
        return pa is not None and pb is not None and pa > pb

    for r in rows:
        existing = _existing_deel(project, r) if r.deel else _existing(project, r)
        if r.deel and existing is not None and existing == r.waarde:
            res.ongewijzigd += 1
            continue
        if (
            isinstance(existing, Realisatie)
            and existing.waarde == r.waarde
            and (r.noemer is None or existing.noemer == r.noemer)
        ):
            res.ongewijzigd += 1
            continue
        rel = f"gemeenten/{r.slug}.yaml"
        nieuw = r.slug in herindelingen(project).opvolgers
        current: str | None
        if rel in res.bestanden:
            old, current = res.bestanden[rel]
        else:  # the file of a gemeente made by a herindeling may not exist yet (old None)
            old = current = _read_target(project, rel) if not nieuw or (project.layout.root / rel).is_file() else None
        if nieuw:
            current = _opvolger_text(project, r.slug, rel, current, r.indicator)
        assert current is not None  # read above, or made just above for a new gemeente's file
        try:
            if r.deel:
                new = set_realisatie_deel(current, r.indicator, r.periode, r.deel, _text(r.waarde), after=after)
            else:
                new = set_realisatie(
                    current,
                    r.indicator,
                    r.periode,
                    _text(r.waarde),
                    _text(r.noemer) if r.noemer is not None else None,
                    after=after,
                )
        except EditError as exc:
            raise ImportFailed.one(
                f"{rel}: rij {r.rij} kan niet worden verwerkt: {exc}", code="bewerking-onmogelijk"
            ) from exc
        _verify(current, new, r, rel)
        res.bestanden[rel] = (old, new)
        if existing is None:
            res.nieuw += 1
        else:
            res.gewijzigd += 1
    return res


def _verify(old: str, new: str, r: Rij, rel: str) -> None:
    """The edit must change exactly this realisatie (or this count of it): compare both files as data."""
    if r.deel:
        return _verify_deel(old, new, r, rel)
    safe = YAML(typ="safe")
    key = int(r.periode) if r.periode.isdigit() else r.periode

    def without_it(text: str):
        data = safe.load(text)
        item = next(p for p in data["prestatie_indicatoren"] if p["indicator"] == r.indicator)
        value = (item.get("realisaties") or {}).pop(key, None)
        if "realisaties" in item and not item["realisaties"]:
            del item["realisaties"]  # a block the import created holds only this value
        return data, value

    before, _ = without_it(old)
    after, value = without_it(new)
    got = value if isinstance(value, dict) else {"waarde": value}
    if Decimal(str(got["waarde"])) != r.waarde or (
        r.noemer is not None and Decimal(str(got.get("noemer"))) != r.noemer
    ):
        raise ImportFailed.one(
            f"{rel}: interne fout bij rij {r.rij}: de nieuwe waarde staat niet goed in het bestand; er is niets "
            "geschreven",
            code="interne-fout",
        )
    if before != after:
        raise ImportFailed.one(
            f"{rel}: interne fout bij rij {r.rij}: er zou meer veranderen dan deze realisatie; er is niets geschreven",
            code="interne-fout",
        )


def _verify_deel(old: str, new: str, r: Rij, rel: str) -> None:
    """As `_verify`, for one category or overgang: a plain number that became a block with its
    `waarde` counts as unchanged, as do the blocks the import created around the value."""
    safe = YAML(typ="safe")
    key = int(r.periode) if r.periode.isdigit() else r.periode

    def texts(mapping) -> dict:
        return {str(k): v for k, v in (mapping or {}).items()}  # trede 4 is a number in YAML, "4" here

    def without_it(text: str):
        data = safe.load(text)
        item = next(p for p in data["prestatie_indicatoren"] if p["indicator"] == r.indicator)
        reals = item.get("realisaties") or {}
        entry = reals.get(key)
        value = None
        if entry is not None and not isinstance(entry, dict):
            entry = reals[key] = {"waarde": entry}
        if isinstance(entry, dict):
            holder = texts(entry.get(r.deel[0]))
            if len(r.deel) == 3:
                row = texts(holder.get(r.deel[1]))
                value = row.pop(r.deel[2], None)
                holder[r.deel[1]] = row
                if not row:
                    del holder[r.deel[1]]
            else:
                value = holder.pop(r.deel[1], None)
            entry[r.deel[0]] = holder
            if not holder:
                del entry[r.deel[0]]
            if not entry:
                del reals[key]
        if "realisaties" in item and not item["realisaties"]:
            del item["realisaties"]
        return data, value

    before, _ = without_it(old)
    after, value = without_it(new)
    if value is None or Decimal(str(value)) != r.waarde:
        raise ImportFailed.one(
            f"{rel}: interne fout bij rij {r.rij}: de nieuwe waarde staat niet goed in het bestand; er is niets "
            "geschreven",
            code="interne-fout",
        )
    if before != after:
        raise ImportFailed.one(
            f"{rel}: interne fout bij rij {r.rij}: er zou meer veranderen dan dit aantal; er is niets geschreven",
            code="interne-fout",
        )


def _outside(root: Path):
    """copytree's `ignore`: leave out links that leave the repository (validation refused them already)."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if outside_reason(Path(folder) / n, root) is not None}

    return ignore


def revalidate(project: Project, res: Resultaat) -> None:
    """Load the whole project with the new files in a scratch copy: never write what would not validate."""
    root = project.layout.root
    with tempfile.TemporaryDirectory(prefix="dvo-import-") as tmp:
        scratch = Path(tmp)
        for rel in project.layout.sources:  # everything validation reads, site configuration included
            source = root / rel
            if source.is_dir():
                shutil.copytree(source, scratch / rel, ignore=_outside(root))
            elif source.is_file() and outside_reason(source, root) is None:
                shutil.copyfile(source, scratch / rel)
        for rel, (_, new) in res.bestanden.items():
            (scratch / rel).write_text(new, encoding="utf-8")
        try:
            load_project(scratch)
        except InvalidProject as exc:
            # each finding keeps its own code: it names what the import would break
            raise ImportFailed(
                [ImportProblem(f"na de import zou dit niet kloppen: {f.text}", code=f.code) for f in exc.findings]
            ) from exc


def _read_target(project: Project, rel: str) -> str:
    try:
        return (project.layout.root / rel).read_text(encoding="utf-8")
    except OSError as exc:
        raise ImportFailed.one(f"{rel}: is niet te lezen: {os_reason(exc)}", code="bestand-onleesbaar") from exc


def _writable(project: Project, rels: list[str]) -> None:
    """Refuse before writing anything when a gemeente file is read-only (also for root, who may write anyway)."""
    problems: list[ImportProblem] = []
    for rel in rels:
        path = project.layout.root / rel
        if not path.exists():  # the file of a gemeente made by a herindeling, made by this import
            if not os.access(path.parent, os.W_OK):
                problems.append(
                    ImportProblem(
                        f"{rel}: de map {path.parent.name}/ is niet schrijfbaar; het bestand kan niet worden gemaakt",
                        code="bestand-alleen-lezen",
                    )
                )
        elif not (path.stat().st_mode & 0o222) or not os.access(path, os.W_OK):
            problems.append(
                ImportProblem(
                    f"{rel}: het bestand is alleen-lezen; maak het schrijfbaar om realisaties in te lezen",
                    code="bestand-alleen-lezen",
                )
            )
        elif not os.access(path.parent, os.W_OK):
            problems.append(
                ImportProblem(
                    f"{rel}: de map {path.parent.name}/ is niet schrijfbaar; het bestand kan niet worden vervangen",
                    code="bestand-alleen-lezen",
                )
            )
    if problems:
        raise ImportFailed(problems)


def run_import(project: Project, path: Path, *, dry_run: bool) -> Resultaat:
    rows, tekenset = check_rows(project, path)
    res = plan_import(project, rows)
    res.tekenset = tekenset
    if res.bestanden:
        revalidate(project, res)
    if not dry_run and res.bestanden:
        _writable(project, list(res.bestanden))
        # The files were loaded through the repository check, so their real paths lie inside it;
        # writing there keeps a link inside the repository a link.
        targets = {(project.layout.root / rel).resolve(): new for rel, (_, new) in res.bestanden.items()}
        try:
            write_texts(targets)
        except OSError as exc:
            raise ImportFailed.one(f"schrijven mislukt: {os_problem(exc)}", code="schrijven-mislukt") from exc
    return res
