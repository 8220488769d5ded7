"""The `dvo` command. All human output is Dutch; exit 0 ok, 1 invalid data, 2 usage error.

Heavy modules (weasyprint, pandas, mkdocs) are imported inside the commands
that need them, so `dvo validate` starts instantly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.findings import InvalidProject

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _root_option(f):
    return click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("."),
        show_default="huidige map",
        help="Map van de regio-repository.",
    )(f)


def _try_load(root: Path):
    """The validated project, or None after reporting every finding (usage errors raise)."""
    from generator.project import load_project

    if not (root / "content").is_dir():
        raise click.UsageError(f"'{root}' is geen regio-repository: de map content/ ontbreekt (gebruik --root).")
    try:
        return load_project(root)
    except InvalidProject as exc:
        _report(exc)
        return None


def _load(root: Path):
    project = _try_load(root)
    if project is None:
        sys.exit(1)
    return project


def _check_gemeente(project, slug: str | None) -> None:
    slugs = [g.slug for g in project.gemeenten]
    if slug is not None and slug not in slugs:
        raise click.BadParameter(f"onbekende gemeente '{slug}'; kies uit: {', '.join(slugs)}", param_hint="--gemeente")


def _report(exc: InvalidProject) -> None:
    for finding in exc.findings:
        click.echo(str(finding), err=True)
    n = len(exc.findings)
    click.echo(f"{n} {'fout' if n == 1 else 'fouten'} gevonden; er is niets geschreven.", err=True)


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="dvo-generator", message="dvo %(version)s")
def main() -> None:
    """DVO- en verantwoordingsgenerator voor een regionaal Werkbedrijf.

    Controleert de YAML-gegevens van de regio en maakt daaruit DVO's,
    verantwoordingsrapportages en de website.
    """


@main.command()
@_root_option
def validate(root: Path) -> None:
    """Controleer alle gegevens; meldt elke fout als pad:regel:kolom: melding."""
    project = _load(root)
    click.echo(
        f"Alle gegevens zijn geldig: regio {project.regio.naam}, {len(project.gemeenten)} gemeenten, "
        f"{len(project.instrumentarium.instrumenten)} instrumenten, {len(project.indicatoren.indicatoren)} indicatoren."
    )


@main.command()
@_root_option
@click.option("--jaar", type=int, help="Alleen dit jaar.")
@click.option("--gemeente", "slug", help="Alleen deze gemeente (slug, bijv. 'druten').")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def budget(root: Path, jaar: int | None, slug: str | None, fmt: str) -> None:
    """Het budget per gemeente per jaar: beschikbaar, basis, verplichtingen, maatwerkbudget."""
    from generator import budget_output

    project = _load(root)
    jaren = project.regio.periode.jaren
    if jaar is not None and jaar not in jaren:
        raise click.BadParameter(f"{jaar} ligt buiten de DVO-periode {jaren[0]}-{jaren[-1]}", param_hint="--jaar")
    _check_gemeente(project, slug)
    click.echo(budget_output.render(project, [jaar] if jaar else jaren, slug, fmt), nl=False)


@main.command()
@_root_option
@click.argument("kostenpost", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def verdeling(root: Path, kostenpost: str | None, fmt: str) -> None:
    """Verdeel een kostenpost over de gemeenten volgens haar verdeelsleutel."""
    from generator import verdeling_output

    project = _load(root)
    ids = [k.id for k in project.regio.kostenposten]
    if kostenpost is None or project.regio.kostenpost(kostenpost) is None:
        known = ", ".join(ids) or "(geen)"
        what = f"onbekende kostenpost '{kostenpost}'" if kostenpost else "geef de naam van een kostenpost"
        raise click.UsageError(f"{what}; bekend zijn: {known}")
    click.echo(verdeling_output.render(project, kostenpost, fmt), nl=False)


@main.command()
@_root_option
@click.option("--gemeente", "slug", help="Alleen de DVO en rapportages van deze gemeente opnieuw maken (de site wordt wel helemaal gebouwd).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Aantal parallelle processen (standaard: aantal CPU's).")
def build(root: Path, slug: str | None, jobs: int | None) -> None:
    """Alles bouwen: controleren, DVO's, verantwoordingsrapportages, open data en de website in site/."""
    if not build_once(root, slug, jobs):
        sys.exit(1)


def build_once(root: Path, slug: str | None, jobs: int | None) -> bool:
    """One whole build with Dutch output; False when data, a document or the site failed."""
    from generator.build import default_jobs, plan
    from generator.progress import progress
    from generator.publish import SiteError, publish
    from generator.revision import source_revision
    from generator.verantwoording import Verantwoording

    if not (root / "mkdocs.yml").is_file():
        raise click.UsageError(f"mkdocs.yml ontbreekt in '{root}': zonder siteconfiguratie kan de site niet worden gebouwd.")
    project = _try_load(root)
    if project is None:
        return False
    _check_gemeente(project, slug)
    verantwoording = Verantwoording(project)
    slugs = [slug] if slug else [g.slug for g in project.gemeenten]
    jobs_todo = plan(project, verantwoording, slugs, regio=slug is None)
    site = project.layout.site
    try:
        with progress("Documenten maken", len(jobs_todo)) as advance:
            outcome = publish(
                project, verantwoording, jobs_todo, whole=slug is None,
                revisie=source_revision(project.layout.root), workers=jobs or default_jobs(),
                on_done=lambda r: advance(f"{r.titel}: " + ("klaar" if r.fout is None else "MISLUKT")),
                on_step=lambda message: click.echo(message, err=True),
            )
    except SiteError as exc:
        for line in exc.problems:
            click.echo(f"Fout in de site: {line}", err=True)
        click.echo(f"De site is niet gebouwd ({len(exc.problems)} melding(en) van mkdocs, strikte modus); {site} is ongewijzigd.", err=True)
        return False
    for r in outcome.failed:
        click.echo(f"Fout: {r.titel} ({r.job.naam}) is niet gemaakt: {r.fout}", err=True)
    dvos = sum(r.job.soort == "dvo" for r in outcome.results)
    click.echo(f"{dvos} DVO's, {len(outcome.results) - dvos} verantwoordingsrapportages en {outcome.pages} gegenereerde pagina's; site gebouwd in {site}.")
    if outcome.failed:
        click.echo(f"{len(outcome.failed)} van {len(outcome.results)} documenten mislukt; van die documenten staat de vorige versie (als die er was) op de site.", err=True)
        return False
    return True


@main.command()
@_root_option
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Poort op 127.0.0.1 (0 = een vrije poort).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Aantal parallelle processen per bouw.")
def serve(root: Path, port: int, jobs: int | None) -> None:
    """Voorbeeld van de site op http://127.0.0.1:8000 dat opnieuw bouwt zodra u een bestand wijzigt."""
    from generator.serve import run

    run(root.resolve(), port, lambda slug: build_once(root, slug, jobs))


@main.command("import")
@_root_option
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Laat alleen zien wat er zou veranderen (als diff); schrijf niets.")
def import_(root: Path, bestand: Path, dry_run: bool) -> None:
    """Realisaties inlezen uit een CSV- of Excel-export (kolommen gemeente, indicator, periode, waarde, noemer)."""
    from generator.realisatie_import import ImportFailed, run_import

    project = _load(root)
    try:
        res = run_import(project, bestand, dry_run=dry_run)
    except ImportFailed as exc:
        for line in exc.problems:
            click.echo(line, err=True)
        n = len(exc.problems)
        click.echo(f"{n} {'probleem' if n == 1 else 'problemen'} gevonden; er is niets geschreven.", err=True)
        sys.exit(1)
    if dry_run and res.bestanden:
        click.echo(res.diff(), nl=False)
    summary = f"{res.nieuw} nieuw, {res.gewijzigd} gewijzigd, {res.ongewijzigd} ongewijzigd, in {len(res.bestanden)} {'bestand' if len(res.bestanden) == 1 else 'bestanden'}"
    if dry_run:
        click.echo(f"Proefdraai: {summary}. Er is niets geschreven.", err=True)
    else:
        click.echo(f"Realisaties ingelezen: {summary}.", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
