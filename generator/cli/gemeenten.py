"""`dvo gemeenten`: the gemeenten of the region, as a table or as JSON for a CI matrix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from generator.cli.app import load, main, root_option


@main.command()
@root_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def gemeenten(root: Path, fmt: str) -> None:
    """De gemeenten van de regio met hun bestanden in site/ (JSON: voor een CI-matrix)."""
    from generator.compute.verantwoording import Verantwoording
    from generator.publish.jobs import gemeente_files

    project = load(root)
    verantwoording = Verantwoording(project)
    rows: list[dict[str, Any]] = [
        {"slug": g.slug, "naam": g.naam, "cbs_code": g.cbs_code, "bestanden": gemeente_files(verantwoording, g.slug)}
        for g in verantwoording.herindelingen.alle()
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from generator.util.tabular import Justify, rich_table_text

    table = [[r["naam"], r["slug"], r["cbs_code"], str(len(r["bestanden"]))] for r in rows]
    columns: list[tuple[str, Justify]] = [
        ("Gemeente", "left"),
        ("Slug", "left"),
        ("CBS-code", "left"),
        ("Bestanden", "right"),
    ]
    click.echo(rich_table_text(f"Gemeenten van de regio {project.regio.naam}", columns, table), nl=False)
