"""Vastgestelde verantwoordingsrapportages are records.

`dvo vastleggen rapport NAAM PERIODE` records, in the report's status block, the commit the
report is made from from then on (`revisie`: HEAD, with the region's data committed) and the
controlegetal of its content: the sha256 of the figures and texts it states (`inhoud`), never
of its bytes. From then on:

- the report is made from the data at that revision (compute/verantwoording.bron), so later
  realisaties, new DVO versions or the working tree's revision do not change it;
- `rapport_findings` (dvo validate, dvo build) checks that the content made from the revision
  still gives the recorded controlegetal (only a new version of the software changes it:
  re-record with --vervang after checking), and that the figures of the period in the working
  data are still those of the revision, unless a herziening (reason, date, by whom) is
  recorded; the next period's report shows each herziening with the figures it changed
  (`herzieningen`).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from decimal import Decimal

from generator.compute.herindeling import herindelingen
from generator.compute.rapportperiode import Rapportperiode
from generator.compute.verantwoording import REGIO, Verantwoording, bron, rapportstatus, statussen
from generator.load.dvo_versies import laadfout, missing_revision_reason
from generator.load.findings import Finding
from generator.load.git_revisie import GitError, resolve
from generator.load.project import Project
from generator.load.revisie_feiten import feit
from generator.models.gemeente import Gemeente
from generator.models.region import Herziening, Rapportstatus
from generator.render import open_data
from generator.util.formatting import date_long, number

PERIODE = re.compile(r"\d{4}(-[TQ]\d)?")


def plek(loc: tuple) -> str:
    """A field path with period keys in brackets, as years are: `realisaties[2016-T3]`."""
    out = ""
    for part in loc:
        if isinstance(part, int) or PERIODE.fullmatch(str(part)):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def titel(project: Project, naam: str, periode: Rapportperiode) -> str:
    wie = f"regio {project.regio.naam}" if naam == REGIO else herindelingen(project).gemeente(naam).naam
    return f"{wie} {periode.label}"


def _slugs(v: Verantwoording, naam: str, periode: Rapportperiode) -> list[str]:
    return [g.slug for g in v.gemeenten_in(periode)] if naam == REGIO else [naam]


def inhoud(v: Verantwoording, naam: str, periode: Rapportperiode) -> dict:
    """What a report states, as data: its status and texts, the DVO each gemeente is measured
    against, every figure with its verdict, the money and afrekening, and the signalering."""
    status = rapportstatus(statussen(v.project, naam), periode)
    slugs = _slugs(v, naam, periode)
    regio = v.regiowaarden(periode) if naam == REGIO else [r for _, r in v.gemeente(naam, periode)]
    return {
        "rapport": f"rapport-{naam}-{periode.code}",
        "status": status.model_dump(mode="json", exclude={"revisie", "controlegetal", "herzieningen"}),
        "dvo": {s: v.geldende_dvo(s, periode).omschrijving for s in slugs},
        "indicatoren": [open_data.row(u) for s in slugs for u, _ in v.gemeente(s, periode)],
        "regio": [open_data.regio_row(r) for r in regio if r.regionaal],
        "financien": [row for s in slugs for row in open_data.financien_rows_gemeente(v, s, periode)],
        "signalering": [
            {"indicator": s.indicator.id, "naam": s.naam, "signalering": s.bron.signalering}
            for s in v.signalen(periode, None if naam == REGIO else naam)
        ],
    }


def _json(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def controlegetal(v: Verantwoording, naam: str, periode: Rapportperiode) -> str:
    canonical = json.dumps(
        inhoud(v, naam, periode), ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_json
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- the figures of a period ----------------------------------------------------------------


@dataclass(frozen=True)
class Cijfer:
    """One figure of a period in a gemeente file: what it is, where, and its value."""

    omschrijving: str  # "realisatie 'Uitstroom naar werk'"
    loc: tuple  # its place in the working file (the parent block when it is gone)
    waarde: tuple | None


def cijfers(g: Gemeente, code: str, project: Project) -> dict[tuple, Cijfer]:
    """Every figure of one period in a gemeente's data: realisaties and what was spent."""
    out = {}
    doc = project.docs.get(project.layout.rel(project.layout.gemeenten / f"{g.slug}.yaml"))

    def key(parent: tuple):
        return int(code) if doc is not None and code.isdigit() and parent + (int(code),) in doc.key_pos else code

    for i, p in enumerate(g.prestatie_indicatoren):
        r = p.realisaties.get(code)
        naam = project.indicator(p.indicator).naam
        parent = ("prestatie_indicatoren", i, "realisaties")
        loc: tuple = parent + (key(parent),) if r else ("prestatie_indicatoren", i)
        out[("realisatie", p.indicator)] = Cijfer(
            f"realisatie '{naam}'", loc, (r.waarde, r.teller, r.noemer) if r else None
        )
    besteding = g.besteed.get(code)
    for post in ("basisdienstverlening", "verplichtingen"):
        value = getattr(besteding, post) if besteding else None
        loc = ("besteed", key(("besteed",)), post) if value is not None else ("besteed",)
        out[("besteed", post)] = Cijfer(f"besteed aan {post}", loc, (value,) if value is not None else None)
    for j, m in enumerate(g.maatwerk):
        value = m.besteed.get(code)
        parent = ("maatwerk", j, "besteed")
        loc = parent + (key(parent),) if value is not None else ("maatwerk", j)
        out[("maatwerk", m.id)] = Cijfer(
            f"besteed aan maatwerkafspraak '{m.titel}'", loc, (value,) if value is not None else None
        )
    return out


def _tekst(waarde: tuple | None) -> str:
    if waarde is None:
        return "niets"
    w = list(waarde)
    if len(w) == 3:
        w_, teller, noemer = w
        if teller is not None:
            return f"{number(teller)} van {number(noemer)}"
        return number(w_) + (f" (noemer {number(noemer)})" if noemer is not None else "")
    return number(w[0])


@dataclass(frozen=True)
class Wijziging:
    """A figure of a vastgestelde period that the working data changed."""

    gemeente: Gemeente  # in the working data
    cijfer: Cijfer  # its place and value now
    oud: tuple | None  # as the vastgestelde report has it

    @property
    def tekst(self) -> str:
        return f"{self.cijfer.omschrijving}: {_tekst(self.oud)} werd {_tekst(self.cijfer.waarde)}"


def waarden(vast: Verantwoording, slug: str, code: str) -> dict[tuple, tuple | None] | None:
    """The value of every figure of gemeente `slug` in period `code` as a record states it;
    None when the gemeente is not in it."""
    try:
        oud_g = vast.project.gemeente(slug)
    except StopIteration:
        return None
    return {key: c.waarde for key, c in cijfers(oud_g, code, vast.project).items()}


def wijzigingen(vast: Verantwoording, werk: Verantwoording, slug: str, code: str) -> list[Wijziging]:
    """The figures of gemeente `slug` in period `code` that differ between the record and the working data."""
    return _verschillen(waarden(vast, slug, code), werk, slug, code)


def _verschillen(oud: dict[tuple, tuple | None] | None, werk: Verantwoording, slug: str, code: str) -> list[Wijziging]:
    if oud is None:
        return []
    g = werk.project.gemeente(slug)
    out = []
    for key, cijfer in cijfers(g, code, werk.project).items():
        before = oud.get(key)
        if before != cijfer.waarde:
            out.append(Wijziging(g, cijfer, before))
    return out


# --- what a check needs of a record, kept per commit (load/revisie_feiten.py) ----------------------


def _als_json(waarde):
    return [str(x) if isinstance(x, Decimal) else x for x in waarde] if waarde is not None else None


def _uit_json(waarde) -> tuple | None:
    return tuple(Decimal(x) if isinstance(x, str) else x for x in waarde) if waarde is not None else None


def _record(project: Project, v: Verantwoording, naam: str, periode: Rapportperiode, commit: str) -> dict:
    """Whether the report of `naam` over `periode` is vastgesteld in the data of `commit`, and
    if so the controlegetal its content gives there."""

    def bereken() -> dict:
        b = bron(v, naam, periode)
        vast_periode = b.verantwoording.periode(periode.code)
        if (
            vast_periode is None
            or rapportstatus(statussen(b.verantwoording.project, naam), vast_periode).status != "vastgesteld"
        ):
            return {"vastgesteld": False}
        return {"vastgesteld": True, "controlegetal": controlegetal(b.verantwoording, naam, vast_periode)}

    return feit(project.layout.root, commit, f"rapport {naam} {periode.code}", bereken)


def _waarden_in(project: Project, v: Verantwoording, naam: str, periode: Rapportperiode, commit: str, slug: str):
    """`waarden` of the record of `naam` over `periode` made from `commit`, for gemeente `slug`."""

    def bereken():
        found = waarden(bron(v, naam, periode).verantwoording, slug, periode.code)
        return None if found is None else [[list(key), _als_json(w)] for key, w in found.items()]

    stored = feit(project.layout.root, commit, f"cijfers {slug} {periode.code}", bereken)
    return None if stored is None else {tuple(key): _uit_json(w) for key, w in stored}


# --- checks -----------------------------------------------------------------------------------


def _bestand(project: Project, naam: str) -> tuple[str, tuple]:
    """The file of a report's status block and the path of the rapporten block in it."""
    if naam == REGIO:
        return project.layout.rel(project.layout.regio), ("rapportage", "rapporten")
    return project.layout.rel(project.layout.gemeenten / f"{naam}.yaml"), ("rapporten",)


def _status_loc(project: Project, naam: str, code: str) -> tuple[str, tuple]:
    rel, parent = _bestand(project, naam)
    doc = project.docs[rel]
    key = int(code) if code.isdigit() and parent + (int(code),) in doc.key_pos else code
    return rel, parent + (key,)


def _vastgelegde(project: Project, v: Verantwoording) -> list[tuple[str, Rapportperiode, Rapportstatus, str]]:
    """(naam, periode, status, revisie) of every vastgelegde report."""
    out = []
    for naam in [REGIO] + herindelingen(project).slugs():
        for code, status in statussen(project, naam).items():
            periode = v.periode(code)
            if status.vastgelegd and status.revisie is not None and periode is not None:
                out.append((naam, periode, status, status.revisie))
    return out


def eigenaar(v: Verantwoording, slug: str, periode: Rapportperiode) -> str | None:
    """The report whose herzieningen cover a change of this gemeente's figures of the period: its
    own vastgelegde report, else the region's, else none (the period is not a record)."""
    for naam in (slug, REGIO):
        if rapportstatus(statussen(v.project, naam), periode).vastgelegd:
            return naam
    return None


def rapport_findings(project: Project, v: Verantwoording | None = None) -> list[Finding]:
    """A vastgelegde report still gives its controlegetal, and the figures of its period only
    change with a recorded herziening."""
    v = v or Verantwoording(project)
    out: list[Finding] = []
    gewijzigd: dict[tuple[str, tuple], list[str]] = {}  # (file, loc) -> the reports that state the old figure
    berichten: dict[tuple[str, tuple], tuple[Wijziging, str, str]] = {}  # -> the change, the owning report, the period
    for naam, periode, status, revisie in _vastgelegde(project, v):
        rel, loc = _status_loc(project, naam, periode.code)
        doc = project.docs[rel]
        wie = titel(project, naam, periode)
        try:
            commit = resolve(project.layout.root, revisie)
        except GitError:
            out.append(
                doc.finding(
                    loc + ("revisie",),
                    f"{plek(loc)}.revisie: de vastgestelde rapportage {wie} wordt uit die revisie gemaakt, maar "
                    f"{missing_revision_reason(project, revisie)}",
                    code="revisie-onleesbaar",
                )
            )
            continue
        first = laadfout(project.layout.root, commit)
        if first is not None:
            out.append(
                doc.finding(
                    loc + ("revisie",),
                    f"{plek(loc)}.revisie: de gegevens van revisie {revisie[:10]} zijn met deze versie van de "
                    f"software niet te lezen ({first})",
                    code="revisie-onleesbaar",
                )
            )
            continue
        record = _record(project, v, naam, periode, commit.hash)
        if not record["vastgesteld"]:
            out.append(
                doc.finding(
                    loc + ("revisie",),
                    f"{plek(loc)}.revisie: in revisie {revisie[:10]} is de rapportage {wie} niet vastgesteld; "
                    "verwacht de commit waarin zij is vastgesteld, zoals 'dvo vastleggen rapport' die schrijft",
                    code="revisie-onleesbaar",
                )
            )
            continue
        if record["controlegetal"] != status.controlegetal:
            opdracht = f"dvo vastleggen rapport {naam} {periode.code} --vervang"
            out.append(
                doc.finding(
                    loc + ("controlegetal",),
                    (
                        f"{plek(loc)}.controlegetal: de vastgestelde rapportage {wie}, gemaakt uit revisie "
                        f"{revisie[:10]}, geeft met deze "
                        "versie van de software een andere inhoud dan is vastgelegd. Controleer dat de cijfers "
                        "niet anders zijn geworden en "
                        f"leg het controlegetal opnieuw vast met '{opdracht}'"
                    ),
                    code="controlegetal-gewijzigd",
                )
            )
        for slug in _slugs(v, naam, periode):
            for w in _verschillen(_waarden_in(project, v, naam, periode, commit.hash, slug), v, slug, periode.code):
                owner = eigenaar(v, slug, periode)
                if owner is not None and rapportstatus(statussen(project, owner), periode).herzieningen:
                    continue  # recorded as a herziening: the next report shows it
                g_rel = project.layout.rel(project.layout.gemeenten / f"{slug}.yaml")
                key = (g_rel, w.cijfer.loc)
                gewijzigd.setdefault(key, []).append(titel(project, naam, periode))
                berichten[key] = (w, owner or naam, periode.code)
    for (g_rel, loc), rapporten in sorted(gewijzigd.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        w, owner, code = berichten[(g_rel, loc)]
        owner_rel, owner_loc = _status_loc(project, owner, code)
        namen = " en ".join(f"'{r}'" for r in rapporten)
        meer = len(rapporten) > 1
        out.append(
            project.docs[g_rel].finding(
                loc,
                (
                    f"{plek(loc)}: {w.tekst}, maar de verantwoordingsrapportage{'s' if meer else ''} {namen} "
                    f"{'zijn' if meer else 'is'} vastgesteld met de oude waarde. Een vastgestelde rapportage "
                    "verandert niet: maak de "
                    f"wijziging ongedaan, of leg haar vast als herziening in {owner_rel} bij "
                    f"{plek(owner_loc)}.herzieningen "
                    "(datum, door, reden); de volgende rapportage toont haar"
                ),
                code="rapport-vastgesteld",
            )
        )
    return out


# --- herzieningen shown in the next report --------------------------------------------------------


@dataclass(frozen=True)
class Herzieningsblok:
    """The herzieningen of one vastgestelde report of the previous period, with what they changed."""

    rapport: str  # "<gemeente> 2015", "regio <regio> 2015"
    herzieningen: list[Herziening]
    wijzigingen: list[Wijziging]

    @property
    def regels(self) -> list[str]:
        return [f"herzien op {date_long(h.datum)} door {h.door}: {h.reden}" for h in self.herzieningen]


def herzieningen(v: Verantwoording, naam: str, periode: Rapportperiode) -> list[Herzieningsblok]:
    """What the report of `periode` shows of the herzieningen of the period before it: for a
    gemeente its own (or the region's that concern it), for the region every one."""
    vorige = v.vorige(periode)
    if vorige is None:
        return []
    out: list[Herzieningsblok] = []
    for slug in _slugs(v, naam, vorige):
        owner = eigenaar(v, slug, vorige)
        if owner is None:
            continue
        status = rapportstatus(statussen(v.project, owner), vorige)
        if not status.herzieningen:
            continue
        changes = wijzigingen(bron(v, owner, vorige).verantwoording, v, slug, vorige.code)
        if owner == REGIO and naam == REGIO:
            blok = next((b for b in out if b.rapport == titel(v.project, REGIO, vorige)), None)
            if blok is None:
                out.append(Herzieningsblok(titel(v.project, REGIO, vorige), list(status.herzieningen), changes))
            else:
                blok.wijzigingen.extend(changes)
        else:
            out.append(Herzieningsblok(titel(v.project, owner, vorige), list(status.herzieningen), changes))
    return out
