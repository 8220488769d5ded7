"""`dvo init`: a new, valid region repository."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import click

from generator.cli.app import main


@main.command("init")
@click.argument("map_", metavar="MAP", type=click.Path(file_okay=False, path_type=Path))
@click.option("--regio", required=True, help="Naam van de regio, bijv. 'Achterhoek'.")
@click.option("--organisatie", help="Naam van de uitvoeringsorganisatie (standaard: 'Werkbedrijf <regio>').")
@click.option("--gemeente", "gemeenten", multiple=True, metavar="'NAAM:GMxxxx'", help="Een deelnemende gemeente met haar CBS-code; herhaal voor elke gemeente.")
@click.option("--periode", metavar="JJJJ-JJJJ", help="De DVO-periode (standaard: de vier jaren vanaf volgend jaar).")
def init(map_: Path, regio: str, organisatie: str | None, gemeenten: tuple[str, ...], periode: str | None) -> None:
    """Maak een nieuwe regio-repository in MAP: gegevens, site, editor- en git-instellingen."""
    from generator.edit.scaffold import PLACEHOLDER, default_period, new_region, parse_jaren, write
    from generator.load.findings import InvalidProject
    from generator.load.project import load_project

    jaren = parse_jaren(periode) if periode else default_period(dt.date.today())
    region = new_region(regio, organisatie, list(gemeenten), jaren)
    written = write(map_, region)
    try:
        project = load_project(map_)
    except InvalidProject as exc:  # the templates and the models disagree: a bug of the software, not the user's
        exc.gevolg = "De nieuwe regio is niet geldig: dit is een fout in de generator, meld haar bij de beheerders."
        raise
    git = _git_init(map_)
    click.echo(
        f"Nieuwe regio '{project.regio.naam}' aangemaakt in {map_}: {len(project.gemeenten)} "
        f"{'gemeente' if len(project.gemeenten) == 1 else 'gemeenten'}, {len(written)} bestanden{git}."
    )
    if region.gemeenten == (PLACEHOLDER,):
        click.echo(
            f"Er is geen gemeente opgegeven: gemeenten/{PLACEHOLDER.slug}.yaml is een voorbeeld. Vervang die door uw "
            "eigen gemeenten (zie README, 'Een gemeente toevoegen').",
            err=True,
        )
    click.echo(f"Volgende stappen:\n  cd {map_}\n  dvo validate\n  dvo build")


def _git_init(target: Path) -> str:
    """Make the new folder a git repository, unless it already lies inside one or git is missing."""
    try:
        inside = subprocess.run(["git", "-C", str(target), "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True, timeout=20)
        if inside.returncode == 0 and inside.stdout.strip() == "true":
            return " (binnen een bestaande git-repository)"
        subprocess.run(["git", "init", "--quiet", str(target)], capture_output=True, timeout=20, check=True)
    except (OSError, subprocess.SubprocessError):
        return " (git niet gevonden: maak zelf een git-repository)"
    return ", git-repository aangemaakt"
