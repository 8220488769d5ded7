"""Versions of a DVO: `dvo vastleggen` (record the controlegetal) and `dvo wijzigingen` (the redline)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.app import load_or_exit, main, report_findings, root_option


def fail(message: str, code: int) -> None:
    """One Dutch line on stderr and the exit code: nothing has been written."""
    click.echo(f"Fout: {message}", err=True)
    sys.exit(code)


def _known_gemeente(project, slug: str) -> None:
    slugs = [g.slug for g in project.gemeenten]
    if slug not in slugs:
        fail(f"onbekende gemeente '{slug}'; kies uit: {', '.join(slugs)}", 2)


@main.command()
@root_option
@click.argument("gemeente")
@click.option("--vervang", is_flag=True, help="Vervang een eerder vastgelegd controlegetal (alleen als de inhoud niet als afspraak is veranderd, bijv. na een nieuwe versie van de software).")
def vastleggen(root: Path, gemeente: str, vervang: bool) -> None:
    """Leg het controlegetal van een vastgestelde of ondertekende DVO vast in het gemeentebestand.

    Daarna meldt 'dvo validate' elke wijziging van de inhoud van die versie, totdat er
    een nieuwe versie in dvo.wijzigingen staat.
    """
    from generator.edit.vastleggen import VastleggenFout, vastleggen as leg_vast

    project = load_or_exit(root)
    _known_gemeente(project, gemeente)
    try:
        res = leg_vast(project, gemeente, vervang=vervang)
    except VastleggenFout as exc:
        fail(exc.message, 2 if exc.gebruik else 1)
    naam = project.gemeente(gemeente).naam
    if res.al_vastgelegd:
        click.echo(f"Versie {res.versie} van de DVO {naam} was al vastgelegd met dit controlegetal ({res.controlegetal[:8]}); er is niets veranderd.")
    else:
        click.echo(f"Versie {res.versie} van de DVO {naam} is vastgelegd: controlegetal {res.controlegetal[:8]} in {res.rel}, regel {res.regel}.")


@main.command()
@root_option
@click.argument("gemeente")
@click.option("--van", "van", required=True, metavar="REV", help="Git-revisie van de eerdere versie (hash, tag of bijv. HEAD~1).")
@click.option("--tot", "tot", default=None, metavar="REV", help="Git-revisie van de nieuwe versie (standaard: de werkmap zoals die nu is).")
@click.option("--uit", "uit", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default="huidige map", help="Map waarin het overzicht wordt geschreven.")
def wijzigingen(root: Path, gemeente: str, van: str, tot: str | None, uit: Path) -> None:
    """Wijzigingsoverzicht van een DVO tussen twee git-revisies, als HTML en PDF.

    Per artikel de tekst met ingevoegde en verwijderde woorden, de budgettabel
    (oud, nieuw, verschil per jaar), de maatwerkafspraken en de streefwaarden.
    """
    from generator.load.findings import InvalidProject
    from generator.load.git_revisie import GitFout, HistorischOngeldig, load_at, require_gemeente, resolve
    from generator.load.project import load_project
    from generator.render.pdf.request import RenderError
    from generator.render.documents.wijzigingen.render import overzicht, render_overzicht
    from generator.util.atomic import write_bytes, write_text

    if not (root / "content").is_dir():
        fail(f"'{root}' is geen regio-repository: de map content/ ontbreekt (gebruik --root)", 2)
    try:
        van_rev = resolve(root, van)
        require_gemeente(root, van_rev, gemeente)
        tot_rev = resolve(root, tot) if tot else None
        if tot_rev is not None:
            require_gemeente(root, tot_rev, gemeente)
        elif not (root / "gemeenten" / f"{gemeente}.yaml").is_file():
            fail(f"de gemeente '{gemeente}' bestaat niet in de werkmap (gemeenten/{gemeente}.yaml ontbreekt)", 2)
        oud = load_at(root, van_rev)
        nieuw = load_at(root, tot_rev) if tot_rev else load_project(root)
    except GitFout as exc:
        fail(str(exc), 2)
    except HistorischOngeldig as exc:
        for f in exc.findings:
            click.echo(f"revisie {exc.revisie}: {f}", err=True)
        fail(f"de gegevens van revisie {exc.revisie} zijn met deze versie van de software niet te lezen; er is niets geschreven", 1)
    except InvalidProject as exc:
        report_findings(exc)
        sys.exit(1)
    van_bron = f"revisie {van_rev.label}"
    tot_bron = f"revisie {tot_rev.label}" if tot_rev else "werkmap (nog niet in git vastgelegd)"
    ov = overzicht(oud, nieuw, gemeente, van_bron=van_bron, tot_bron=tot_bron)
    try:
        rendered = render_overzicht(nieuw, ov)
    except RenderError as exc:
        fail(f"het overzicht kon niet worden gemaakt: {exc}", 1)
    stem = f"wijzigingen-{gemeente}-{van_rev.kort}-{tot_rev.kort if tot_rev else 'werkmap'}"
    html_path, pdf_path = uit / f"{stem}.html", uit / f"{stem}.pdf"
    write_text(html_path, rendered.html)
    write_bytes(pdf_path, rendered.pdf)
    click.echo(str(html_path))
    click.echo(str(pdf_path))
