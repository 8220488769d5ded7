"""Versions of a DVO: `dvo vastleggen` (record the controlegetal) and `dvo wijzigingen` (the redline)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.app import load, main, root_option
from generator.util.errors import DvoError, NotFound, UsageFault


def _known_gemeente(project, slug: str) -> None:
    slugs = [g.slug for g in project.gemeenten]
    if slug not in slugs:
        raise NotFound(f"onbekende gemeente '{slug}'; kies uit: {', '.join(slugs)}")


@main.command()
@root_option
@click.argument("wat", metavar="GEMEENTE | rapport NAAM PERIODE")
@click.argument("rest", nargs=-1, metavar="")
@click.option(
    "--versie",
    metavar="VERSIE",
    help="Een eerdere versie die uit haar revisie wordt gemaakt, in plaats van de huidige (met --vervang, na een "
    "nieuwe versie van de software).",
)
@click.option(
    "--vervang",
    is_flag=True,
    help="Vervang een eerder vastgelegd controlegetal (alleen als de inhoud niet als afspraak of cijfer is veranderd, "
    "bijv. na een nieuwe versie van de software).",
)
def vastleggen(root: Path, wat: str, rest: tuple[str, ...], versie: str | None, vervang: bool) -> None:
    """Leg een vastgestelde of ondertekende DVO, of een vastgestelde rapportage, vast.

    'dvo vastleggen GEMEENTE' schrijft het controlegetal van de DVO in het gemeentebestand;
    daarna meldt 'dvo validate' elke wijziging van de inhoud van die versie, totdat er een
    nieuwe versie in dvo.wijzigingen staat.

    'dvo vastleggen rapport NAAM PERIODE' (NAAM: een gemeente of 'regio') schrijft bij de
    rapportage de git-revisie waaruit zij voortaan wordt gemaakt en het controlegetal van haar
    inhoud. Commit de gegevens eerst. Daarna verandert de rapportage niet meer, en weigert
    'dvo validate' een wijziging van de cijfers van die periode zonder herziening.
    """
    project = load(root)
    if wat == "rapport":
        _rapport(project, rest, versie, vervang)
        return
    if rest:
        raise UsageFault(
            f"te veel argumenten: {' '.join(rest)}; gebruik 'dvo vastleggen GEMEENTE' of 'dvo vastleggen rapport "
            "NAAM PERIODE'"
        )
    from generator.edit.vastleggen import vastleggen as leg_vast

    _known_gemeente(project, wat)
    res = leg_vast(project, wat, vervang=vervang, versie=versie)
    naam = project.gemeente(wat).naam
    if res.al_vastgelegd:
        click.echo(
            f"Versie {res.versie} van de DVO {naam} was al vastgelegd met dit controlegetal "
            f"({res.controlegetal[:8]}); er is niets veranderd."
        )
    else:
        click.echo(
            f"Versie {res.versie} van de DVO {naam} is vastgelegd: controlegetal {res.controlegetal[:8]} in "
            f"{res.rel}, regel {res.regel}."
        )


def _rapport(project, rest: tuple[str, ...], versie: str | None, vervang: bool) -> None:
    from generator.compute.verantwoording import REGIO
    from generator.edit.vastleggen_rapport import vastleggen_rapport

    if versie is not None:
        raise UsageFault("--versie hoort bij een DVO, niet bij een rapportage")
    if len(rest) != 2:
        raise UsageFault(
            "verwacht 'dvo vastleggen rapport NAAM PERIODE': NAAM is een gemeente (de bestandsnaam in gemeenten/, "
            "zonder .yaml) of 'regio', bijv. 'dvo vastleggen rapport regio 2015'"
        )
    naam, code = rest
    if naam != REGIO:
        _known_gemeente(project, naam)
    res = vastleggen_rapport(project, naam, code, vervang=vervang)
    if res.al_vastgelegd:
        click.echo(
            f"De verantwoordingsrapportage {res.titel} was al vastgelegd (revisie {res.revisie[:10]}, "
            f"controlegetal {res.controlegetal[:8]}); er is niets veranderd."
        )
    else:
        click.echo(
            f"De verantwoordingsrapportage {res.titel} is vastgelegd: revisie {res.revisie[:10]}, controlegetal "
            f"{res.controlegetal[:8]} in {res.rel}, regel {res.regel}."
        )


@main.command()
@root_option
@click.argument("gemeente")
@click.option(
    "--van", "van", required=True, metavar="REV", help="Git-revisie van de eerdere versie (hash, tag of bijv. HEAD~1)."
)
@click.option(
    "--tot",
    "tot",
    default=None,
    metavar="REV",
    help="Git-revisie van de nieuwe versie (standaard: de werkmap zoals die nu is).",
)
@click.option(
    "--uit",
    "uit",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default="huidige map",
    help="Map waarin het overzicht wordt geschreven.",
)
def wijzigingen(root: Path, gemeente: str, van: str, tot: str | None, uit: Path) -> None:
    """Wijzigingsoverzicht van een DVO tussen twee git-revisies, als HTML en PDF.

    Per artikel de tekst met ingevoegde en verwijderde woorden, de budgettabel
    (oud, nieuw, verschil per jaar), de maatwerkafspraken en de streefwaarden.
    """
    from generator.load.git_revisie import bron, load_at, require_gemeente, resolve
    from generator.load.project import load_project
    from generator.render.documents.wijzigingen.render import overzicht, render_overzicht
    from generator.render.pdf.request import RenderError
    from generator.util.atomic import write_bytes, write_text

    if not (root / "content").is_dir():
        raise NotFound(f"'{root}' is geen regio-repository: de map content/ ontbreekt (gebruik --root)")
    van_rev = resolve(root, van)
    require_gemeente(root, van_rev, gemeente)
    tot_rev = resolve(root, tot) if tot else None
    if tot_rev is not None:
        require_gemeente(root, tot_rev, gemeente)
    elif not (root / "gemeenten" / f"{gemeente}.yaml").is_file():
        raise NotFound(f"de gemeente '{gemeente}' bestaat niet in de werkmap (gemeenten/{gemeente}.yaml ontbreekt)")
    oud = load_at(root, van_rev)
    nieuw = load_at(root, tot_rev) if tot_rev else load_project(root)
    van_bron = bron(van_rev.label, oud)
    tot_bron = bron(tot_rev.label, nieuw) if tot_rev else "werkmap (nog niet in git vastgelegd)"
    ov = overzicht(oud, nieuw, gemeente, van_bron=van_bron, tot_bron=tot_bron)
    try:
        rendered = render_overzicht(nieuw, ov)
    except RenderError as exc:
        raise DvoError(f"het overzicht kon niet worden gemaakt: {exc}") from exc
    stem = f"wijzigingen-{gemeente}-{van_rev.kort}-{tot_rev.kort if tot_rev else 'werkmap'}"
    html_path, pdf_path = uit / f"{stem}.html", uit / f"{stem}.pdf"
    write_text(html_path, rendered.html)
    assert rendered.pdf is not None  # render_overzicht above made the PDF (pdf=True by default)
    write_bytes(pdf_path, rendered.pdf)
    click.echo(str(html_path))
    click.echo(str(pdf_path))
