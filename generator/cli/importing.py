"""`dvo import`: realisaties from a CSV or Excel export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.app import load_or_exit, main, root_option
from generator.cli.usage import Bestand


@main.command("import")
@root_option
@click.argument("bestand", type=Bestand())
@click.option("--dry-run", is_flag=True, help="Laat alleen zien wat er zou veranderen (als diff); schrijf niets.")
def import_(root: Path, bestand: Path, dry_run: bool) -> None:
    """Realisaties inlezen uit een CSV- of Excel-export (kolommen gemeente, indicator, periode, waarde, noemer)."""
    from generator.edit.realisatie_import import ImportFailed, run_import

    project = load_or_exit(root)
    try:
        res = run_import(project, bestand, dry_run=dry_run)
    except ImportFailed as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        n = len(exc.problems)
        click.echo(f"{n} {'probleem' if n == 1 else 'problemen'} gevonden; er is niets geschreven.", err=True)
        sys.exit(1)
    if res.tekenset:
        click.echo(f"{bestand.name} gelezen als {res.tekenset}.", err=True)
    if dry_run and res.bestanden:
        click.echo(res.diff(), nl=False)
    summary = f"{res.nieuw} nieuw, {res.gewijzigd} gewijzigd, {res.ongewijzigd} ongewijzigd, in {len(res.bestanden)} {'bestand' if len(res.bestanden) == 1 else 'bestanden'}"
    if dry_run:
        click.echo(f"Proefdraai: {summary}. Er is niets geschreven.", err=True)
    else:
        click.echo(f"Realisaties ingelezen: {summary}.", err=True)
