"""`dvo schema`: the JSON Schemas of every file kind, for editors."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.app import main


@main.command()
@click.option(
    "--uit",
    "target",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Map waarin de schema's worden geschreven.",
)
def schema(target: Path) -> None:
    """Schrijf een JSON Schema per soort bestand, voor aanvulling en uitleg in uw editor."""
    from generator.models.schema import all_schema_texts
    from generator.util.atomic import write_text

    texts = all_schema_texts()
    changed = [name for name, text in texts.items() if not _same(target / name, text)]
    for name in changed:
        write_text(target / name, texts[name])
    click.echo(f"{len(texts)} schema's in {target}/ ({len(changed)} bijgewerkt): {', '.join(texts)}.")
    click.echo(
        "Koppel ze in uw editor aan de bestanden, bijvoorbeeld in .vscode/settings.json (zie README, "
        "'Een nieuwe regio beginnen'); `dvo init` doet dat voor een nieuwe regio.",
        err=True,
    )


def _same(path: Path, text: str) -> bool:
    return path.is_file() and path.read_text(encoding="utf-8") == text
