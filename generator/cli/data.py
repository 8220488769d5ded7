"""Commands that read the data: validate, budget, verdeling."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.app import check_gemeente, load, load_checked, main, root_option
from generator.cli.usage import Jaartal


@main.command()
@root_option
def validate(root: Path) -> None:
    """Controleer alle gegevens; meldt elke fout als pad:regel:kolom: melding [code]."""
    from generator.util.formatting import date_long, telwoord

    project = load_checked(root)
    herindelingen = "".join(
        f" (op {date_long(h.datum)} gaan er {telwoord(len(h.opgeheven))} op in {h.nieuwe_gemeente.naam})"
        for h in project.regio.herindelingen
    )
    click.echo(
        f"Alle gegevens zijn geldig: regio {project.regio.naam}, {len(project.gemeenten)} gemeenten{herindelingen}, "
        f"{len(project.instrumentarium.instrumenten)} instrumenten, {len(project.indicatoren.indicatoren)} indicatoren."
    )


@main.command()
@root_option
@click.option("--jaar", type=Jaartal(), help="Alleen dit jaar.")
@click.option("--gemeente", "slug", metavar="SLUG", help="Alleen deze gemeente (slug, bijv. 'oost-gelre').")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    help="Uitvoer als tabel, JSON of CSV (standaard: table).",
)
def budget(root: Path, jaar: int | None, slug: str | None, fmt: str) -> None:
    """Het budget per gemeente per jaar: beschikbaar, basis, verplichtingen, maatwerkbudget."""
    from generator.cli import budget_output

    project = load(root)
    jaren = project.regio.periode.jaren
    if jaar is not None and jaar not in jaren:
        raise click.BadParameter(f"{jaar} ligt buiten de DVO-periode {jaren[0]}-{jaren[-1]}", param_hint="--jaar")
    check_gemeente(project, slug)
    click.echo(budget_output.render(project, [jaar] if jaar else jaren, slug, fmt), nl=False)


@main.command()
@root_option
@click.argument("kostenpost", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    help="Uitvoer als tabel, JSON of CSV (standaard: table).",
)
def verdeling(root: Path, kostenpost: str | None, fmt: str) -> None:
    """Verdeel een kostenpost over de gemeenten volgens haar verdeelsleutel."""
    from generator.cli import verdeling_output

    project = load(root)
    ids = [k.id for k in project.regio.kostenposten]
    if kostenpost is None or project.regio.kostenpost(kostenpost) is None:
        known = ", ".join(ids) or "(geen)"
        what = f"onbekende kostenpost '{kostenpost}'" if kostenpost else "geef de naam van een kostenpost"
        raise click.UsageError(f"{what}; bekend zijn: {known}")
    click.echo(verdeling_output.render(project, kostenpost, fmt), nl=False)
