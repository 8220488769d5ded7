"""The generated Markdown pages of the site, written into the staging docs folder.

Pages: gemeenten (overview + one per gemeente), regio, instrumentarium (overview +
one per instrument) and the verordening. Downloads are linked only when the file
exists in the docs folder, labelled with type and size; a missing one is named as
not yet made, so a partial build still gives a site without broken links.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.util.atomic import write_text
from generator.models.budget import budget_gemeente, budget_totaal
from generator.util.formatting import file_size
from generator.models.catalog import numbered
from generator.load.project import Project
from generator.render.templates import Templates
from generator.render.templating import markdown_environment
from generator.compute.verantwoording import Verantwoording

SOORT = {".pdf": "PDF", ".html": "HTML", ".csv": "CSV", ".json": "JSON"}


@dataclass(frozen=True)
class Download:
    titel: str
    pad: str  # inside the docs folder, e.g. "pdf/dvo-wijchen.pdf"
    grootte: int | None  # None: not (yet) built

    @property
    def label(self) -> str:
        """`PDF, 412 kB`."""
        return f"{SOORT[Path(self.pad).suffix]}, {file_size(self.grootte)}"


def _download(docs: Path, titel: str, pad: str) -> Download:
    path = docs / pad
    return Download(titel, pad, path.stat().st_size if path.is_file() else None)


def gemeente_downloads(docs: Path, v: Verantwoording, slug: str, naam: str) -> list[Download]:
    out = [
        _download(docs, f"DVO {naam}", f"pdf/dvo-{slug}.pdf"),
        _download(docs, f"DVO {naam}, leesversie", f"dvo/dvo-{slug}.html"),
    ]
    for p in v.perioden:
        out.append(_download(docs, f"Verantwoordingsrapportage {naam} {p.label}", f"pdf/rapport-{slug}-{p.code}.pdf"))
        out.append(_download(docs, f"Verantwoordingsrapportage {naam} {p.label}, leesversie", f"rapport/rapport-{slug}-{p.code}.html"))
    if v.perioden:
        out.append(_download(docs, f"Open data: prestatie-indicatoren van {naam} per periode", f"pdf/kpi-{slug}.csv"))
        out.append(_download(docs, f"Open data: prestatie-indicatoren van {naam} per periode", f"pdf/kpi-{slug}.json"))
    return out


def regio_downloads(docs: Path, v: Verantwoording, regio: str) -> list[Download]:
    out = []
    for p in v.perioden:
        out.append(_download(docs, f"Verantwoordingsrapportage regio {regio} {p.label}", f"pdf/rapport-regio-{p.code}.pdf"))
        out.append(_download(docs, f"Verantwoordingsrapportage regio {regio} {p.label}, leesversie", f"rapport/rapport-regio-{p.code}.html"))
    return out


def open_data_downloads(docs: Path) -> list[Download]:
    return [
        _download(docs, "Prestatie-indicatoren per gemeente en periode", "pdf/kpi-gemeenten.csv"),
        _download(docs, "Prestatie-indicatoren per gemeente en periode", "pdf/kpi-gemeenten.json"),
        _download(docs, "Regionale waarden per indicator en periode", "pdf/kpi-regio.csv"),
        _download(docs, "Regionale waarden per indicator en periode", "pdf/kpi-regio.json"),
    ]


def _artikelen(project: Project) -> dict[str, object]:
    return {a.artikel.id: a for h in project.verordening.genummerd() for a in h.artikelen}


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


def overzicht_downloads(docs: Path, slug: str, versie: str) -> list[Download]:
    return [
        _download(docs, f"Wat is er veranderd sinds versie {versie}", f"pdf/wijzigingen-{slug}.pdf"),
        _download(docs, "leesversie", f"dvo/wijzigingen-{slug}.html"),
    ]


def pages(project: Project, v: Verantwoording, docs: Path, templates: Templates, overzichten: dict | None = None) -> dict[str, str]:
    """Relative page path -> Markdown text. `overzichten`: see publish/overzichten.py."""
    overzichten = overzichten or {}
    env = markdown_environment(templates.dirs)
    jaren = project.regio.periode.jaren
    artikelen = _artikelen(project)
    gebruik = {
        i.id: [(g, m) for g in project.gemeenten for m in g.maatwerk if i.id in m.instrumenten]
        for i in project.instrumentarium.instrumenten
    }
    out: dict[str, str] = {}
    budget = {g.slug: [budget_gemeente(g, j) for j in jaren] for g in project.gemeenten}
    laatste = v.perioden[-1] if v.perioden else None
    for g in project.gemeenten:
        stand = {u.indicator.id: u for u, _ in v.gemeente(g.slug, laatste)} if laatste else {}
        out[f"gemeenten/{g.slug}.md"] = env.get_template("site/gemeente.md").render(
            project=project, g=g, jaren=jaren, budget=budget[g.slug], laatste=laatste,
            kpis=[(project.indicator(p.indicator), p, stand.get(p.indicator)) for p in g.prestatie_indicatoren],
            instrumenten={i.id: i for i in project.instrumentarium.instrumenten},
            downloads=gemeente_downloads(docs, v, g.slug, g.naam),
            overzicht=overzichten.get(g.slug),
            overzicht_downloads=overzicht_downloads(docs, g.slug, overzichten[g.slug].versie) if g.slug in overzichten else [],
        )
    out["gemeenten/index.md"] = env.get_template("site/gemeenten.md").render(project=project)
    per_jaar = [
        (j, rows := [budget[g.slug][i] for g in project.gemeenten], budget_totaal(rows, j, f"Regio {project.regio.naam}"))
        for i, j in enumerate(jaren)
    ]
    out["regio.md"] = env.get_template("site/regio.md").render(
        project=project, per_jaar=per_jaar,
        downloads=regio_downloads(docs, v, project.regio.naam), open_data=open_data_downloads(docs),
    )
    woorden = vocabulary(project)
    for i in project.instrumentarium.instrumenten:
        out[f"instrumentarium/{i.id}.md"] = env.get_template("site/instrument.md").render(
            i=i, artikelen=artikelen, gebruik=gebruik[i.id], **woorden,
        )
    out["instrumentarium/index.md"] = env.get_template("site/instrumentarium.md").render(
        project=project, gebruik=gebruik, **woorden, **grouped(project),
    )
    out["verordening.md"] = env.get_template("site/verordening.md").render(v=project.verordening, hoofdstukken=project.verordening.genummerd())
    return out


def write_pages(project: Project, v: Verantwoording, docs: Path, templates: Templates, overzichten: dict | None = None) -> int:
    generated = pages(project, v, docs, templates, overzichten)
    for rel, text in generated.items():
        write_text(docs / rel, text)
    return len(generated)
