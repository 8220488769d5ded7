"""The generated Markdown pages of the site, written into the staging docs folder.

Pages: the home page's list of gemeenten, gemeenten (overview + one per gemeente),
the reading copy of every DVO and report (a site page made from the document's own
HTML, see reading_copy.py), regio (with its reports), instrumentarium (overview +
one per instrument) and the verordening. Downloads and reading copies are linked
only when they exist in the staging folder, labelled with type and size; a missing
one is named as not yet made, so a partial build still gives a site without broken
links.

Where pages live (URLs follow from them, e.g. gemeenten/<slug>/dvo/):

    gemeenten/<slug>/index.md              the gemeente page
    gemeenten/<slug>/dvo.md                its DVO, reading copy
    gemeenten/<slug>/rapport-<periode>.md  its report of a period, reading copy
    regio/index.md                         the region's budget, reports and open data
    regio/rapport-<periode>.md             the regional report of a period
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path

from markupsafe import Markup

from generator.compute.geldende_dvo import gemeten
from generator.compute.herindeling import namen
from generator.compute.verantwoording import Verantwoording
from generator.load.project import Project
from generator.models import dimensies, kinds
from generator.models.budget import budget_gemeente, budget_totaal
from generator.models.catalog import numbered
from generator.publish.inputs import BuildSource
from generator.publish.jobs import Job
from generator.publish.reading_copy import NotADocument, reading_copy
from generator.publish.site_config import OVERVIEW
from generator.render.documents.rapport.view import raad_van_periode
from generator.render.templating.environment import markdown_environment
from generator.render.templating.search_path import Templates
from generator.util import formatting
from generator.util.formatting import file_size

SOORT = {".pdf": "PDF", ".html": "HTML", ".csv": "CSV", ".json": "JSON", ".xlsx": "Excel"}
HOME = "index.md"
REGIO = "regio/index.md"
GEMEENTEN = "gemeenten/index.md"
INSTRUMENTARIUM = "instrumentarium/index.md"
GEMEENTEN_MARKER = re.compile(r"^<!--\s*gemeenten\s*-->[ \t]*$", re.M)


def gemeente_page(slug: str) -> str:
    return f"gemeenten/{slug}/index.md"


def reading_copy_page(job: Job) -> str:
    if job.soort == "dvo" and job.versie:
        return f"gemeenten/{job.slug}/dvo-{job.versie}.md"
    if job.soort in ("dvo", "wijzigingen"):
        return f"gemeenten/{job.slug}/{job.soort}.md"
    if job.soort == "rapport":
        return f"gemeenten/{job.slug}/rapport-{job.periode}.md"
    return f"regio/rapport-{job.periode}.md"


def front_title(text: str) -> Markup:
    """A page title for the front matter (a JSON string is a YAML string): the title in
    the browser tab, where the navigation gives the page a shorter one."""
    return Markup(json.dumps(text, ensure_ascii=False))


def link(from_page: str, target: str) -> str:
    """A Markdown link target from one docs-relative page to another docs-relative file."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


# The PDFs (docs-relative, "pdf/dvo-<slug>.pdf") that `dvo serve` is still making: the
# preview publishes a document's HTML first, and its pages say the PDF is being made instead
# of linking the previous one. Empty in every `dvo build`, so a build's pages never show it.
_IN_DE_MAAK: ContextVar[frozenset[str]] = ContextVar("in_de_maak", default=frozenset())


@contextmanager
def pdfs_in_de_maak(paden: frozenset[str]) -> Iterator[None]:
    """Pages made inside this block show the PDFs `paden` as being made (dvo serve only)."""
    token = _IN_DE_MAAK.set(paden)
    try:
        yield
    finally:
        _IN_DE_MAAK.reset(token)


def page_url(page: str) -> str:
    """The URL of a docs-relative page on the site (directory URLs): `bestuur.md` -> `bestuur/`."""
    stem = page[: -len(".md")] if page.endswith(".md") else page
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")].rstrip("/")
    return stem + "/" if stem else ""


_SITEPAGINA = re.compile(r'<span class="sitepagina" data-pagina="([A-Za-z0-9._/-]+)">(.*?)</span>', re.S)


def site_links(body: str, from_page: str) -> str:
    """A document names a page of the site (`span.sitepagina`: the PDF cannot link to it); in its
    reading copy, a page of that site, the name becomes a link relative to the copy's own URL."""

    def to_link(m: re.Match) -> str:
        target = page_url(m.group(1)) or "./"
        href = posixpath.relpath(target.rstrip("/") or ".", page_url(from_page).rstrip("/") or ".")
        return f'<a href="{href}/">{m.group(2)}</a>'

    return _SITEPAGINA.sub(to_link, body)


@dataclass(frozen=True)
class Download:
    titel: str
    pad: str  # inside the docs folder, e.g. "pdf/dvo-<slug>.pdf"
    grootte: int | None  # None: not (yet) built, or being made
    in_de_maak: bool = False  # the preview is making it now; the file there is not current

    @property
    def label(self) -> str:
        """`PDF, 412 kB`."""
        return f"{SOORT[Path(self.pad).suffix]}, {self.omvang}"

    @property
    def omvang(self) -> str:
        """`412 kB`."""
        assert self.grootte is not None  # asked only of a built file
        return file_size(self.grootte)


def _download(docs: Path, titel: str, pad: str) -> Download:
    if pad in _IN_DE_MAAK.get():
        return Download(titel, pad, None, in_de_maak=True)
    path = docs / pad
    return Download(titel, pad, path.stat().st_size if path.is_file() else None)


@dataclass(frozen=True)
class Document:
    """A DVO or report: its reading-copy page (when built) and its PDF."""

    titel: str
    job: Job
    pagina: str | None  # docs-relative Markdown page of the reading copy
    pdf: Download
    kort: str  # its title in the navigation, under its gemeente or the region


def _document(docs: Path, job: Job, titel: str, kort: str) -> Document:
    html = job.paths(docs)[1]
    pdf = _download(docs, titel, job.paths(docs)[0].relative_to(docs).as_posix())
    return Document(titel, job, reading_copy_page(job) if html.is_file() else None, pdf, kort)


def gemeente_documents(docs: Path, v: Verantwoording, slug: str, naam: str) -> list[Document]:
    """The DVO (the version in force first where the current one is a draft), then the reports
    with the newest period first: what a reader wants first. A gemeente made by a herindeling
    has no DVO of its own (its predecessors' apply), and reports only for the periods in which
    it existed (an opgeheven one likewise)."""
    out = []
    if any(g.slug == slug for g in v.project.gemeenten):
        versies = v.versies
        huidig, geldend = versies.huidig(slug), versies.laatst_geldend(slug)
        if geldend is not None and not geldend.huidig:
            out.append(
                _document(
                    docs,
                    Job("dvo", slug, versie=geldend.bestandsnaam),
                    f"DVO {naam}, versie {geldend.versie} (geldend)",
                    f"DVO {geldend.versie} (geldend)",
                )
            )
            out.append(
                _document(
                    docs,
                    Job("dvo", slug),
                    f"Ontwerp-DVO {naam}, versie {huidig.versie} ({huidig.status})",
                    f"Ontwerp-DVO {huidig.versie}",
                )
            )
        else:
            out.append(_document(docs, Job("dvo", slug), f"DVO {naam}", "DVO"))
    for p in reversed(v.perioden):
        if not v.rapporteert(slug, p):
            continue
        out.append(
            _document(
                docs,
                Job("rapport", slug, p.code),
                f"Verantwoordingsrapportage {naam} {p.label}",
                f"Rapportage {p.label}",
            )
        )
    return out


def regio_documents(docs: Path, v: Verantwoording, regio: str) -> list[Document]:
    return [
        _document(
            docs,
            Job("regio", "regio", p.code),
            f"Verantwoordingsrapportage regio {regio} {p.label}",
            f"Rapportage {p.label}",
        )
        for p in reversed(v.perioden)
    ]


def gemeente_open_data(docs: Path, v: Verantwoording, slug: str, naam: str) -> list[Download]:
    if not v.perioden:
        return []
    kpi = f"Open data: prestatie-indicatoren van {naam} per periode"
    geld = f"Open data: bijdrage, besteding en afrekening van {naam} per periode"
    return [
        _download(docs, kpi, f"pdf/kpi-{slug}.csv"),
        _download(docs, kpi, f"pdf/kpi-{slug}.json"),
        _download(docs, geld, f"pdf/financien-{slug}.csv"),
        _download(docs, geld, f"pdf/financien-{slug}.json"),
    ]


def open_data_downloads(docs: Path, v: Verantwoording | None = None) -> list[Download]:
    """The region's open data; with `v`, also the tables only a region with split indicators has."""
    out = [
        _download(docs, "Prestatie-indicatoren per gemeente en periode", "pdf/kpi-gemeenten.csv"),
        _download(docs, "Prestatie-indicatoren per gemeente en periode", "pdf/kpi-gemeenten.json"),
        _download(docs, "Regionale waarden per indicator en periode", "pdf/kpi-regio.csv"),
        _download(docs, "Regionale waarden per indicator en periode", "pdf/kpi-regio.json"),
        _download(docs, "Bijdrage, besteding en afrekening per gemeente en periode", "pdf/financien-gemeenten.csv"),
        _download(docs, "Bijdrage, besteding en afrekening per gemeente en periode", "pdf/financien-gemeenten.json"),
        _download(docs, "Bijdrage, besteding en afrekening van de regio per periode", "pdf/financien-regio.csv"),
        _download(docs, "Bijdrage, besteding en afrekening van de regio per periode", "pdf/financien-regio.json"),
    ]
    if v is None or not v.perioden:
        return out
    if any(i.dimensie for i in v.project.indicatoren.indicatoren):
        out += [
            _download(docs, "Aantallen per categorie (uitgesplitste indicatoren)", f"pdf/kpi-categorieen.{ext}")
            for ext in ("csv", "json")
        ]
    if any(d.ladder for d in v.project.indicatoren.dimensies):
        out += [
            _download(docs, "Overgangen op de ladder (van, naar, aantal)", f"pdf/kpi-overgangen.{ext}")
            for ext in ("csv", "json")
        ]
    out.append(_download(docs, "Alle open data in één Excel-bestand", "pdf/kpi.xlsx"))
    return out


def _artikelen(project: Project) -> dict[str, object]:
    return {a.artikel.id: a for h in project.verordening.genummerd() for a in h.artikelen}


def kerncijfers(v: Verantwoording, slug: str, periode) -> list[tuple[str, list[str]]]:
    """Per split indicator of the gemeente with counts in the period: its headline figures
    ("Klanten die ten minste één trede stegen: 25,7%"), judged or not."""
    out = []
    for d in v.verdelingen(slug, periode):
        if d.stand is None:
            continue
        regels = [f"totaal {formatting.number(d.stand.totaal)}"]
        regels += [
            f"{k.kengetal.naam}: {kinds.eenheid(k.eenheid).tekst(k.waarde)}"
            for k in d.kengetallen
            if k.waarde is not None
        ]
        out.append((d.indicator.naam, regels))
    return out


def vocabulary(project: Project) -> dict[str, dict]:
    """The region's own words for its instruments, each id -> (number by position, term)."""
    cat = project.instrumentarium
    return {
        "categorieen": numbered(cat.categorieen),
        "functies": numbered(project.regio.functies),
        "dienstgroepen": numbered(cat.dienstgroepen),
        "routes": numbered(cat.routes),
    }


def grouped(project: Project) -> dict[str, dict[str, list]]:
    """The instruments per category, per service group and per route, in catalogue order.

    An instrument offered in two service groups appears under both.
    """
    cat = project.instrumentarium
    return {
        "per_categorie": {t.id: [i for i in cat.instrumenten if i.categorie == t.id] for t in cat.categorieen},
        "per_dienstgroep": {t.id: [i for i in cat.instrumenten if t.id in i.dienstgroep] for t in cat.dienstgroepen},
        "per_route": {t.id: [i for i in cat.instrumenten if t.id in i.routes] for t in cat.routes},
    }


def overzicht_document(docs: Path, slug: str, versie: str) -> Document:
    """The wijzigingsoverzicht of a gemeente's DVO: a reading copy and a PDF, like the DVO."""
    return _document(
        docs, Job("wijzigingen", slug), f"Wat is er veranderd sinds versie {versie}", f"Wijzigingen sinds {versie}"
    )


def pages(source: BuildSource, docs: Path, templates: Templates, *, home: str | None = None) -> dict[str, str]:
    """Relative page path -> Markdown text (see generate_pages)."""
    return dict(generate_pages(source, docs, templates, home=home))


def generate_pages(
    source: BuildSource, docs: Path, templates: Templates, *, home: str | None = None
) -> Iterator[tuple[str, str]]:
    """(relative page path, Markdown text) of every generated page, one at a time: a large
    region's reading copies are hundreds of megabytes together. `home`: the authored (or
    default) home page's Markdown, which gets the list of gemeenten; by default it is read
    from docs/index.md."""
    project, v, overzichten = source.project, source.verantwoording, source.overzichten
    env = markdown_environment(templates.dirs)
    jaren = project.regio.periode.jaren
    artikelen = _artikelen(project)
    gebruik = {
        i.id: [(g, m) for g in project.gemeenten for m in g.maatwerk if i.id in m.instrumenten]
        for i in project.instrumentarium.instrumenten
    }
    versies = v.versies
    # What the agreement says: the version in force where there is one, else the current version.
    # A gemeente made by a herindeling has no versions of its own: its predecessors' DVO's apply.
    afgesproken = {g.slug: versies.laatst_geldend(g.slug) or versies.huidig(g.slug) for g in project.gemeenten}
    dvo_gemeente = {slug: versies.gemeente_van(versie) for slug, versie in afgesproken.items()}
    h = v.herindelingen
    alle = h.alle()
    for g in alle:
        page = gemeente_page(g.slug)
        # A gemeente made by a herindeling: the years from its first day; any other: the DVO's years.
        eigen_jaren = [j for j in jaren if h.bestaat(g.slug, j)] if g.dvo is None else jaren
        eigen = [p for p in v.perioden if v.rapporteert(g.slug, p)]
        laatste = eigen[-1] if eigen else None
        huidig, versie = (versies.huidig(g.slug), afgesproken[g.slug]) if g.dvo is not None else (None, None)
        dvo_g = dvo_gemeente.get(g.slug, g)
        stand = [u for u, _ in v.gemeente(g.slug, laatste)] if laatste else []
        # page 1 of the report of that period, from the same objects (compute/resultaat.py)
        raad = raad_van_periode(v, g.slug, laatste) if laatste else None
        documenten = gemeente_documents(docs, v, g.slug, g.naam)
        eigen_open_data = gemeente_open_data(docs, v, g.slug, g.naam)
        overzicht = overzichten.get(g.slug)
        overzicht_doc = overzicht_document(docs, g.slug, overzicht.versie) if overzicht and overzicht.mogelijk else None
        opvolger = h.opvolger_van(g.slug)
        yield (
            page,
            env.get_template("site/gemeente.md").render(
                paginatitel=front_title(f"Gemeente {g.naam}"),
                project=project,
                g=g,
                jaren=eigen_jaren,
                budget=[budget_gemeente(dvo_g, j) for j in eigen_jaren],
                laatste=laatste,
                herindeling=h.zin_ontstaan(g.slug),
                opvolger=opvolger,
                voorgangers=namen([x.naam for x in g.voorgangers]) if g.dvo is None else "",
                gemeente_page=gemeente_page,
                dvo_pagina=lambda slug: reading_copy_page(Job("dvo", slug)),
                stand=stand,
                raad=raad,
                versie=versie,
                huidig=huidig,
                dvo_g=dvo_g,
                # the series of the indicators as the DVO in force sets them, with the working data's figures
                kpis=[
                    (r.indicator, r.prestatie)
                    for p in gemeten(dvo_g, g)
                    for r in dimensies.reeksen(project.indicatoren, p)
                ],
                kerncijfers=kerncijfers(v, g.slug, laatste) if laatste else [],
                instrumenten={i.id: i for i in project.instrumentarium.instrumenten},
                documenten=documenten,
                open_data=eigen_open_data,
                link=lambda target, _from=page: link(_from, target),
                overzicht=overzicht,
                overzicht_doc=overzicht_doc,
            ),
        )
        for doc in documenten + ([overzicht_doc] if overzicht_doc else []):
            if doc.pagina:
                yield (
                    doc.pagina,
                    _reading_copy(
                        env,
                        docs,
                        doc,
                        Omgeving(
                            terug=(f"Gemeente {g.naam}", page),
                            open_data=eigen_open_data if doc.job.soort != "wijzigingen" else [],
                            status=_dvo_status(versies, g.slug, doc.job),
                            geldend=versie if versie is not None and versie.definitief else None,
                            opvolger=(opvolger.naam, gemeente_page(opvolger.slug)) if opvolger else None,
                        ),
                    ),
                )
    yield (
        GEMEENTEN,
        env.get_template("site/gemeenten.md").render(
            paginatitel=front_title("Gemeenten"),
            project=project,
            gemeenten=alle,
            opgeheven=h.opgeheven,
            link=lambda target: link(GEMEENTEN, target),
            gemeente_page=gemeente_page,
        ),
    )
    per_jaar = [
        (
            j,
            rows := [budget_gemeente(g, j) for g in h.gemeenten_in(j)],
            budget_totaal(rows, j, f"Regio {project.regio.naam}"),
        )
        for j in jaren
    ]
    regio_docs = regio_documents(docs, v, project.regio.naam)
    regio_open_data = open_data_downloads(docs, v)
    yield (
        REGIO,
        env.get_template("site/regio.md").render(
            paginatitel=front_title(f"Regio {project.regio.naam}"),
            project=project,
            per_jaar=per_jaar,
            documenten=regio_docs,
            open_data=regio_open_data,
            link=lambda target: link(REGIO, target),
            gemeente_page=gemeente_page,
        ),
    )
    for doc in regio_docs:
        if doc.pagina:
            yield (
                doc.pagina,
                _reading_copy(
                    env, docs, doc, Omgeving(terug=(f"Regio {project.regio.naam}", REGIO), open_data=regio_open_data)
                ),
            )
    woorden = vocabulary(project)
    for i in project.instrumentarium.instrumenten:
        page = f"instrumentarium/{i.id}.md"
        yield (
            page,
            env.get_template("site/instrument.md").render(
                i=i,
                artikelen=artikelen,
                gebruik=gebruik[i.id],
                **woorden,
                link=lambda target, _from=page: link(_from, target),
                gemeente_page=gemeente_page,
            ),
        )
    yield (
        INSTRUMENTARIUM,
        env.get_template("site/instrumentarium.md").render(
            paginatitel=front_title("Instrumentarium"),
            project=project,
            gebruik=gebruik,
            **woorden,
            **grouped(project),
        ),
    )
    yield (
        "verordening.md",
        env.get_template("site/verordening.md").render(
            v=project.verordening, hoofdstukken=project.verordening.genummerd()
        ),
    )
    if home is None and (docs / HOME).is_file():
        home = (docs / HOME).read_text(encoding="utf-8")
    yield HOME, home_page(project, home, env, alle, h.opgeheven)


def _dvo_status(versies, slug: str, job: Job):
    """The version a DVO reading copy shows (for its concept warning), None for other documents."""
    if job.soort != "dvo":
        return None
    if job.versie:
        return next(v for v in versies.versies(slug) if v.bestandsnaam == job.versie)
    return versies.huidig(slug)


# Sections of a reading copy that the search index leaves out, per kind of document: the
# leeswijzer of a gemeente's report is the regional report's of the same period, word for
# word (tests/test_site.py checks that), so only the regional reports' copies are indexed.
NIET_ZOEKEN = {"rapport": ("leeswijzer",)}


@dataclass(frozen=True)
class Omgeving:
    """What a reading-copy page shows around its document: the page it belongs to (title, path),
    the open data beside it, the DVO's status and version in force, and a successor gemeente."""

    terug: tuple[str, str]
    open_data: list[Download]
    status: object = None
    geldend: object = None
    opvolger: tuple[str, str] | None = None


def _reading_copy(env, docs: Path, doc: Document, omgeving: Omgeving) -> str:
    try:
        copy = reading_copy(
            doc.job.paths(docs)[1].read_text(encoding="utf-8"), niet_zoeken=NIET_ZOEKEN.get(doc.job.soort, ())
        )
    except NotADocument as exc:
        raise NotADocument(
            f"de leesversie van {doc.titel} kan niet worden gemaakt: {exc} (een eigen sjabloon in dvo_templates/ "
            "moet een <body> en een <h1> houden)"
        ) from exc
    page = doc.pagina
    assert page is not None  # both callers make a reading copy only of a document with a page
    copy = replace(copy, body=Markup(site_links(str(copy.body), page)))
    return env.get_template("site/leesversie.md").render(
        doc=doc,
        copy=copy,
        titel=front_title(copy.text_title),
        status=omgeving.status,
        geldend=omgeving.geldend,
        open_data=omgeving.open_data,
        terug=omgeving.terug,
        opvolger=omgeving.opvolger,
        link=lambda target: link(page, target),
    )


def home_page(project: Project, authored: str | None, env, gemeenten: list | None = None, opgeheven=None) -> str:
    """The authored home page with the list of gemeenten (one click to each) inserted at the
    line `<!-- gemeenten -->`, or else before its first `##` heading, or else at its end.
    Without an authored home page: a short one with the region's name and the list.
    `gemeenten`: every gemeente of the DVO period (with those a herindeling made)."""
    keuze = env.get_template("site/gemeentekeuze.md").render(
        project=project,
        gemeenten=gemeenten if gemeenten is not None else project.gemeenten,
        opgeheven=opgeheven or (lambda slug: None),
        link=lambda target: link(HOME, target),
        gemeente_page=gemeente_page,
    )
    if authored is None:
        return env.get_template("site/home.md").render(project=project, gemeentekeuze=Markup(keuze))
    text = authored
    marker = GEMEENTEN_MARKER.search(text)
    if marker:
        return text[: marker.start()] + keuze + text[marker.end() :]
    heading = re.search(r"^## ", text, re.M)
    if heading:
        return text[: heading.start()] + keuze + "\n" + text[heading.start() :]
    return text.rstrip("\n") + "\n\n" + keuze


def nav_sections(source: BuildSource, docs: Path) -> dict[str, list]:
    """Child entries for the overview pages in the nav: every gemeente with its reading
    copies under `gemeenten/index.md`, the regional reports under `regio/index.md`, the
    instruments per category under `instrumentarium/index.md`.
    Titles are written into the page as they are, so text from the data is escaped."""
    from html import escape

    project, v, overzichten = source.project, source.verantwoording, source.overzichten
    gemeenten = []
    for g in v.herindelingen.alle():
        documenten = gemeente_documents(docs, v, g.slug, g.naam)
        overzicht = overzichten.get(g.slug)
        if overzicht and overzicht.mogelijk:
            documenten.insert(1, overzicht_document(docs, g.slug, overzicht.versie))  # right after its DVO
        children = [{d.kort: d.pagina} for d in documenten if d.pagina]
        gemeenten.append({escape(g.naam): [{OVERVIEW: gemeente_page(g.slug)}, *children]})
    regio = [{d.kort: d.pagina} for d in regio_documents(docs, v, project.regio.naam) if d.pagina]
    instrumenten: list[dict[str, str | list[dict[str, str]]]] = []
    categorieen = numbered(project.instrumentarium.categorieen)
    for cat_id, in_cat in grouped(project)["per_categorie"].items():
        if in_cat:
            nr, term = categorieen[cat_id]
            instrumenten.append(
                {escape(f"{nr}. {term.naam}"): [{escape(i.naam): f"instrumentarium/{i.id}.md"} for i in in_cat]}
            )
    zonder = [i for i in project.instrumentarium.instrumenten if not i.categorie]
    if not categorieen and project.instrumentarium.dienstgroepen:
        # No categories: the region's dienstgroepen are the menu's sections (an instrument in
        # two groups is in both), as they are the headings of the page.
        per_dienstgroep = grouped(project)["per_dienstgroep"]
        for groep in project.instrumentarium.dienstgroepen:
            in_groep = per_dienstgroep[groep.id]
            if in_groep:
                instrumenten.append(
                    {escape(groep.naam): [{escape(i.naam): f"instrumentarium/{i.id}.md"} for i in in_groep]}
                )
        zonder = [i for i in zonder if not i.dienstgroep]
    instrumenten += [{escape(i.naam): f"instrumentarium/{i.id}.md"} for i in zonder]
    return {GEMEENTEN: gemeenten, REGIO: regio, INSTRUMENTARIUM: instrumenten}
