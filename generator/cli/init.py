"""`dvo init`: a new, valid region repository."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import click

from generator.cli.app import main


@main.command("init")
@click.argument("map_", metavar="MAP", type=click.Path(file_okay=False, path_type=Path))
@click.option("--regio", required=True, help="Naam van de regio, bijv. 'Achterhoek'.")
@click.option("--organisatie", help="Naam van de uitvoeringsorganisatie, bijv. 'Werkleerbedrijf Achterhoek'.")
@click.option("--korte-naam", help="Hoe de DVO de organisatie verder noemt, met lidwoord, bijv. 'het Werkleerbedrijf'.")
@click.option(
    "--rechtsvorm",
    help="De rechtsvorm van de organisatie, bijv. 'openbaar lichaam op grond van de Wet "
    "gemeenschappelijke regelingen'.",
)
@click.option("--vestigingsplaats", help="De plaats waar de organisatie is gevestigd.")
@click.option(
    "--gastheergemeente",
    metavar="GEMEENTE",
    help="Naam of slug van de gemeente die ondersteunende taken levert (bij één gemeente: die).",
)
@click.option(
    "--gemeente",
    "gemeenten",
    multiple=True,
    metavar="'NAAM:GMxxxx'",
    help="Een deelnemende gemeente met haar CBS-code; herhaal voor elke gemeente.",
)
@click.option("--periode", metavar="JJJJ-JJJJ", help="De DVO-periode (standaard: de vier jaren vanaf volgend jaar).")
def init(
    map_: Path,
    regio: str,
    organisatie: str | None,
    korte_naam: str | None,
    rechtsvorm: str | None,
    vestigingsplaats: str | None,
    gastheergemeente: str | None,
    gemeenten: tuple[str, ...],
    periode: str | None,
) -> None:
    """Maak een nieuwe regio-repository in MAP: gegevens, site, editor- en git-instellingen, en de
    eerste commit.

    Wat de opties over de organisatie niet zeggen, vraagt het commando in een terminal; anders
    schrijft het 'IN TE VULLEN' op die plaats, en `dvo validate` meldt elke zo'n regel tot u haar
    invult."""
    from generator.edit.scaffold import (
        PLACEHOLDER,
        VRAGEN,
        default_period,
        is_empty_dir,
        new_region,
        parse_gemeenten,
        parse_jaren,
        write,
    )
    from generator.load.findings import InvalidProject
    from generator.load.project import load_project

    jaren = parse_jaren(periode) if periode else default_period(dt.date.today())
    parsed = parse_gemeenten(list(gemeenten))
    if map_.exists() and not is_empty_dir(map_):
        write(map_, None)  # refuses, before any question is asked
    given = {
        "korte_naam": korte_naam,
        "rechtsvorm": rechtsvorm,
        "vestigingsplaats": vestigingsplaats,
        "gastheergemeente": gastheergemeente,
    }
    if organisatie is None and _interactive():
        organisatie = _ask("organisatie")
    for veld in given:
        if not given[veld] and _interactive() and not (veld == "gastheergemeente" and len(parsed) == 1):
            given[veld] = _ask(veld, keuze=[g.naam for g in parsed] if veld == "gastheergemeente" else None)
    region = new_region(regio, organisatie, parsed, jaren, **given)
    written = write(map_, region)
    try:
        project = load_project(map_)
    except InvalidProject as exc:
        if any(f.code != "in-te-vullen" for f in exc.findings):
            # the templates and the models disagree: a bug of the software, not the user's
            exc.gevolg = "De nieuwe regio is niet geldig: dit is een fout in de generator, meld haar bij de beheerders."
            raise
        project = None
    git = _git_first_commit(map_, region.naam)
    aantal = len(region.gemeenten)
    naam = project.regio.naam if project else region.naam
    click.echo(
        f"Nieuwe regio '{naam}' aangemaakt in {map_}: {aantal} {'gemeente' if aantal == 1 else 'gemeenten'}, "
        f"{len(written)} bestanden{git.tekst}."
    )
    if git.waarschuwing:
        click.echo(f"Let op: {git.waarschuwing}", err=True)
    if region.gemeenten == (PLACEHOLDER,):
        click.echo(
            f"Er is geen gemeente opgegeven: gemeenten/{PLACEHOLDER.slug}.yaml is een voorbeeld. Vervang die door uw "
            "eigen gemeenten (zie README, 'Een gemeente toevoegen').",
            err=True,
        )
    if region.open:
        velden = ", ".join(region.open)
        opties = " ".join(VRAGEN[v][0] for v in region.open)
        click.echo(
            f"Nog in te vullen in content/regio.yaml (er staat 'IN TE VULLEN'): {velden}. Tot dan meldt `dvo validate` "
            f"die regels. De volgende keer kan het ook meteen met {opties}.",
            err=True,
        )
    click.echo(f"Volgende stappen:\n  cd {map_}\n  dvo validate\n  dvo build")


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask(veld: str, keuze: list[str] | None = None) -> str:
    from generator.edit.scaffold import VRAGEN

    _, vraag, _ = VRAGEN[veld]
    if keuze:
        vraag = f"{vraag} ({', '.join(keuze)})"
    return click.prompt(vraag, default="", show_default=False).strip()


class _Git:
    def __init__(self, tekst: str, waarschuwing: str | None = None):
        self.tekst, self.waarschuwing = tekst, waarschuwing


def _git(target: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(target), *args], capture_output=True, text=True, timeout=60)


def _git_first_commit(target: Path, regio: str) -> _Git:
    """Make the new folder a git repository with everything in its first commit, unless it already
    lies inside one. Without git or a name to commit under, the files stay and the user is told."""
    try:
        inside = _git(target, "rev-parse", "--is-inside-work-tree")
        if inside.returncode == 0 and inside.stdout.strip() == "true":
            return _Git(" (binnen een bestaande git-repository; leg de bestanden daar zelf vast)")
        if subprocess.run(["git", "init", "--quiet", str(target)], capture_output=True, timeout=60).returncode != 0:
            return _Git("", "git init mislukte; maak zelf een git-repository van de map en leg de bestanden vast.")
        if not (os.environ.get("GIT_AUTHOR_NAME") or _git(target, "config", "user.name").stdout.strip()):
            return _Git(
                ", git-repository aangemaakt",
                (
                    "er is nog geen eerste commit gemaakt, want git weet niet onder welke naam: stel die in met "
                    'git config --global user.name "Uw Naam" en git config --global user.email "u@voorbeeld.nl", '
                    "en leg de bestanden dan vast met git add -A en git commit."
                ),
            )
        _git(target, "add", "-A")
        commit = _git(target, "commit", "--quiet", "--no-verify", "-m", f"Nieuwe regio {regio} (dvo init)")
        if commit.returncode != 0:
            reden = (commit.stderr or commit.stdout).strip().splitlines()
            return _Git(
                ", git-repository aangemaakt",
                (
                    f"de eerste commit mislukte ({reden[-1] if reden else 'git gaf geen reden'}); leg de "
                    "bestanden zelf vast met "
                    "git add -A en git commit."
                ),
            )
    except (OSError, subprocess.SubprocessError):
        return _Git(
            "",
            "git is niet gevonden: de bestanden staan klaar, maar er is geen git-repository gemaakt. "
            "Installeer git en leg de bestanden vast (git init, git add -A, git commit).",
        )
    return _Git(", git-repository aangemaakt met de eerste commit")
