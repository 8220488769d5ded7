"""`dvo import`: realisaties from a CSV or Excel export."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.app import load, main, root_option
from generator.cli.usage import Bestand


@main.command("import")
@root_option
@click.argument("bestand", type=Bestand())
@click.option("--dry-run", is_flag=True, help="Laat alleen zien wat er zou veranderen (als diff); schrijf niets.")
def import_(root: Path, bestand: Path, dry_run: bool) -> None:
    """Realisaties inlezen uit een CSV- of Excel-export (kolommen gemeente, indicator, periode, waarde, noemer)."""
    from generator.edit.realisatie_import import run_import

    project = load(root)
    res = run_import(project, bestand, dry_run=dry_run)
    if res.tekenset:
        click.echo(f"{bestand.name} gelezen als {res.tekenset}.", err=True)
    if dry_run and res.bestanden:
        click.echo(res.diff(), nl=False)
    summary = (
        f"{res.nieuw} nieuw, {res.gewijzigd} gewijzigd, {res.ongewijzigd} ongewijzigd, in {len(res.bestanden)} "
        f"{'bestand' if len(res.bestanden) == 1 else 'bestanden'}"
    )
    if dry_run:
        click.echo(f"Proefdraai: {summary}. Er is niets geschreven.", err=True)
    else:
        click.echo(f"Realisaties ingelezen: {summary}.", err=True)
