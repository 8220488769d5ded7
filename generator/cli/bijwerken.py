"""`dvo bijwerken`: convert the region's data from an earlier format to the current one."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.app import main, root_option
from generator.util.errors import UsageFault


def _lines(res) -> list[str]:
    from generator.load.formaat import HUIDIG

    out = [f"De gegevens stonden in formaat {res.vanaf} (herkend aan: {res.waaraan}); omgezet naar formaat {HUIDIG}."]
    for stap in res.stappen:
        gedaan = [wat for naar, wat in res.gedaan if naar == stap.naar]
        out.append(f"Formaat {stap.naar} ({stap.titel}):" + ("" if gedaan else " niets te doen"))
        out += [f"  - {wat}" for wat in gedaan]
    extra = [wat for naar, wat in res.gedaan if naar > res.stappen[-1].naar] if res.stappen else []
    out += [f"  - {wat}" for wat in extra]
    if res.meldingen:
        out.append("Controleer:")
        out += [f"  - {m.rel}: {m.tekst}" for m in res.meldingen]
    return out


@main.command()
@root_option
@click.option("--dry-run", is_flag=True, help="Laat alleen zien wat er zou veranderen (als diff); schrijf niets.")
def bijwerken(root: Path, dry_run: bool) -> None:
    """Zet de gegevens van de regio om naar het formaat van deze versie van de software.

    Hernoemt en verplaatst velden, vult verplichte velden in waar de waarde uit de
    gegevens volgt, en zet 'IN TE VULLEN' waar alleen u kunt beslissen. Commentaar
    en opmaak blijven staan; alle bestanden worden in één keer geschreven, of geen.
    """
    from generator.edit.bijwerken import bijwerken as zet_om

    if not (root / "content").is_dir():
        raise UsageFault(f"'{root}' is geen regio-repository: de map content/ ontbreekt (gebruik --root)")
    res = zet_om(root, dry_run=dry_run)
    if res.hersteld:
        click.echo(
            "Een afgebroken eerdere `dvo bijwerken` is eerst teruggezet: alle bestanden waren weer zoals daarvoor.",
            err=True,
        )
    if not res.nodig:
        click.echo(f"De gegevens staan al in formaat {res.vanaf}, het formaat van deze versie; er is niets veranderd.")
        return
    if dry_run:
        click.echo(res.diff(), nl=False)
    for line in _lines(res):
        click.echo(line, err=True)
    n = len(res.bestanden) + len(res.verwijderd) + len(res.verplaatst)
    if res.open:
        click.echo(f"Nog door u in te vullen of te beslissen ({len(res.open)}; `dvo validate` toont ze ook):", err=True)
        for f in res.open:
            click.echo(f"  {f}", err=True)
    if dry_run:
        click.echo(
            f"Proefdraai: {n} {'bestand zou' if n == 1 else 'bestanden zouden'} veranderen. Er is niets geschreven.",
            err=True,
        )
    else:
        click.echo(f"Bijgewerkt: {n} {'bestand' if n == 1 else 'bestanden'} in één keer geschreven.", err=True)
