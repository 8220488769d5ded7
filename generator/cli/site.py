"""Commands that build and preview the site: build, serve."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.app import check_gemeente, main, root_option, try_load_checked
from generator.cli.usage import Aantal, Poort


@main.command()
@root_option
@click.option("--gemeente", "slug", metavar="SLUG", help="Alleen de DVO en rapportages van deze gemeente opnieuw maken (de site wordt wel helemaal gebouwd).")
@click.option("--jobs", type=Aantal(1), default=None, help="Aantal parallelle processen (standaard: aantal CPU's).")
def build(root: Path, slug: str | None, jobs: int | None) -> None:
    """Alles bouwen: controleren, DVO's, verantwoordingsrapportages, open data en de website in site/."""
    if not build_once(root, slug, jobs):
        sys.exit(1)


def build_once(root: Path, slug: str | None, jobs: int | None, *, wacht: bool = False) -> bool:
    """One whole build with Dutch output; False when data, a document or the site failed.

    `wacht`: wait for another build of this repository instead of refusing (dvo serve).
    """
    from generator.publish.jobs import default_jobs, plan
    from generator.cli.progress import progress
    from generator.publish.lock import BuildBusy
    from generator.publish.site import PublishError, SiteError, publish
    from generator.util.revision import source_revision
    from generator.compute.verantwoording import Verantwoording

    from generator.publish.overzichten import plan_overzichten

    project = try_load_checked(root)
    if project is None:
        return False
    check_gemeente(project, slug)
    verantwoording = Verantwoording(project)
    slugs = [slug] if slug else [g.slug for g in project.gemeenten]
    overzichten = plan_overzichten(project)
    for o in overzichten.values():
        if not o.mogelijk and o.slug in slugs:
            click.echo(f"Let op: wijzigingsoverzicht DVO {project.gemeente(o.slug).naam} sinds versie {o.versie} niet gemaakt: {o.reden}.", err=True)
    jobs_todo = plan(project, verantwoording, slugs, regio=slug is None, overzichten=overzichten)
    site = project.layout.site
    try:
        with progress("Documenten maken", len(jobs_todo)) as advance:
            outcome = publish(
                project, verantwoording, jobs_todo, whole=slug is None,
                revisie=source_revision(project.layout.root, project.layout.sources), workers=jobs or default_jobs(), overzichten=overzichten,
                on_done=lambda r: advance(f"{r.titel}: " + ("klaar" if r.fout is None else f"MISLUKT: {r.fout}")),
                on_step=lambda message: click.echo(message, err=True), wait=wacht,
            )
    except BuildBusy as exc:
        click.echo(f"Fout: {exc}. Er is niets geschreven.", err=True)
        return False
    except PublishError as exc:
        click.echo(f"Fout: {exc}. De site is niet gebouwd; {site} is ongewijzigd.", err=True)
        return False
    except SiteError as exc:
        for line in exc.problems:
            click.echo(f"Fout in de site: {line}", err=True)
        click.echo(f"De site is niet gebouwd ({len(exc.problems)} melding(en) van mkdocs, strikte modus); {site} is ongewijzigd.", err=True)
        return False
    for r in outcome.failed:
        click.echo(f"Fout: {r.titel} ({r.job.naam}) is niet gemaakt: {r.fout}", err=True)
    dvos = sum(r.job.soort == "dvo" for r in outcome.results)
    overzicht = sum(r.job.soort == "wijzigingen" for r in outcome.results)
    click.echo(
        f"{dvos} DVO's, {overzicht} wijzigingsoverzicht{'' if overzicht == 1 else 'en'}, {len(outcome.results) - dvos - overzicht} verantwoordingsrapportages "
        f"en {outcome.pages} gegenereerde pagina's; site gebouwd in {site}."
    )
    if outcome.failed:
        click.echo(f"{len(outcome.failed)} van {len(outcome.results)} documenten mislukt; van die documenten staat de vorige versie (als die er was) op de site.", err=True)
        return False
    return True


@main.command()
@root_option
@click.option("--port", type=Poort(), default=8000, help="Poort op 127.0.0.1 (standaard: 8000; 0 = een vrije poort).")
@click.option("--jobs", type=Aantal(1), default=None, help="Aantal parallelle processen per bouw.")
def serve(root: Path, port: int, jobs: int | None) -> None:
    """Voorbeeld van de site op http://127.0.0.1:8000 dat opnieuw bouwt zodra u een bestand wijzigt."""
    from generator.publish.serve import run

    run(root.resolve(), port, lambda slug: build_once(root, slug, jobs, wacht=True))
