"""Commands that build and preview the site: build (also in CI shards), serve."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click

from generator.cli.app import check_gemeente, main, root_option, try_load_checked
from generator.cli.usage import Aantal, Map, Poort


@main.command()
@root_option
@click.option("--gemeente", "slug", metavar="SLUG", help="Alleen de DVO en rapportages van deze gemeente opnieuw maken (de site wordt wel helemaal gebouwd).")
@click.option("--jobs", type=Aantal(1), default=None, help="Aantal parallelle processen (standaard: aantal CPU's).")
@click.option("--opnieuw", is_flag=True, help="Alles opnieuw maken, ook wat niet veranderde sinds de vorige bouw.")
@click.option("--deel", metavar="I/N", help="Alleen deel I van N van de documenten maken, voor parallelle CI-taken (zonder site).")
@click.option("--uit", type=click.Path(file_okay=False, path_type=Path), help="Map voor de documenten van een deel (standaard: delen/deel-I).")
@click.option("--samenvoegen", is_flag=True, help="De mappen van de delen (MAP...) samenvoegen tot de site.")
@click.argument("mappen", nargs=-1, type=Map(), metavar="[MAP]...")
def build(root: Path, slug: str | None, jobs: int | None, opnieuw: bool, deel: str | None, uit: Path | None, samenvoegen: bool, mappen: tuple[Path, ...]) -> None:
    """Alles bouwen: controleren, DVO's, verantwoordingsrapportages, open data en de website in site/.

    Alleen wat veranderde sinds de vorige bouw wordt opnieuw gemaakt. In CI maakt
    `--deel I/N` een deel van de documenten en voegt `--samenvoegen MAP...` de delen
    samen tot de site.
    """
    if mappen and not samenvoegen:
        raise click.UsageError("mappen worden alleen gebruikt met --samenvoegen")
    if samenvoegen and not mappen:
        raise click.UsageError("--samenvoegen verwacht de mappen van de delen, bijv. --samenvoegen delen/deel-*")
    if deel is not None and (samenvoegen or slug):
        raise click.UsageError("--deel gaat niet samen met --samenvoegen of --gemeente")
    if uit is not None and deel is None:
        raise click.UsageError("--uit hoort bij --deel")
    if samenvoegen and slug:
        raise click.UsageError("--samenvoegen gaat niet samen met --gemeente")
    if deel is not None:
        ok = build_shard(root, deel, uit, jobs, opnieuw)
    else:
        ok = build_once(root, slug, jobs, opnieuw=opnieuw, delen=mappen)
    if not ok:
        sys.exit(1)


class _Voortgang:
    """Build progress on stderr: steps as lines, documents as a progress bar or counted lines."""

    def stap(self, message: str) -> None:
        click.echo(message, err=True)

    @contextmanager
    def documenten(self, total: int):
        from generator.cli.progress import progress

        if total == 0:
            yield lambda result: None
            return
        with progress("Documenten maken", total) as advance:
            yield lambda r: advance(f"{r.titel}: " + ("klaar" if r.fout is None else f"MISLUKT: {r.fout}"))


def _start(root: Path, slug: str | None = None):
    """Validated project, its figures and revision; None after reporting invalid data.
    From here on, templates are compiled once per repository (the staging cache)."""
    from generator.compute.verantwoording import Verantwoording
    from generator.publish.site import staging
    from generator.render.templating.environment import keep_compiled_templates
    from generator.util.revision import source_revision

    project = try_load_checked(root)  # incl. the check that vastgelegde DVO's kept their content
    if project is None:
        return None
    check_gemeente(project, slug)
    keep_compiled_templates(staging(project) / "cache" / "jinja")
    return project, Verantwoording(project), source_revision(project.layout.root, project.layout.sources)


def _report_failures(outcome) -> bool:
    for r in outcome.failed:
        click.echo(f"Fout: {r.titel} ({r.job.naam}) is niet gemaakt: {r.fout}", err=True)
    if outcome.failed:
        click.echo(f"{len(outcome.failed)} van {len(outcome.results)} documenten mislukt; van die documenten staat de vorige versie (als die er was) op de site.", err=True)
    return not outcome.failed


def _counts(outcome) -> str:
    dvos = sum(r.job.soort == "dvo" for r in outcome.results)
    overzicht = sum(r.job.soort == "wijzigingen" for r in outcome.results)
    made = len(outcome.gemaakt)
    return (
        f"{dvos} DVO's, {overzicht} wijzigingsoverzicht{'' if overzicht == 1 else 'en'}, "
        f"{len(outcome.results) - dvos - overzicht} verantwoordingsrapportages "
        f"({made} gemaakt, {len(outcome.results) - made - len(outcome.failed)} ongewijzigd)"
    )


def build_once(root: Path, slug: str | None, jobs: int | None, *, opnieuw: bool = False, delen: tuple[Path, ...] = (), wacht: bool = False) -> bool:
    """One whole (incremental) build with Dutch output; False when data, a document or the site failed.

    `wacht`: wait for another build of this repository instead of refusing (dvo serve).
    """
    from generator.publish.jobs import default_jobs, plan
    from generator.publish.lock import BuildBusy
    from generator.publish.shards import ShardError
    from generator.publish.overzichten import plan_overzichten
    from generator.publish.site import PublishError, SiteError, publish

    started = _start(root, slug)
    if started is None:
        return False
    project, verantwoording, revisie = started
    slugs = [slug] if slug else [g.slug for g in project.gemeenten]
    overzichten = plan_overzichten(project)
    for o in overzichten.values():
        if not o.mogelijk and o.slug in slugs:
            click.echo(f"Let op: wijzigingsoverzicht DVO {project.gemeente(o.slug).naam} sinds versie {o.versie} niet gemaakt: {o.reden}.", err=True)
    jobs_todo = plan(project, verantwoording, slugs, regio=slug is None, overzichten=overzichten)
    site = project.layout.site
    try:
        outcome = publish(
            project, verantwoording, jobs_todo, whole=slug is None, revisie=revisie, workers=jobs or default_jobs(),
            opnieuw=opnieuw, delen=delen, voortgang=_Voortgang(), wait=wacht, overzichten=overzichten,
        )
    except ShardError as exc:
        raise click.UsageError(str(exc)) from exc
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
    if outcome.niet_uit_delen:
        names = ", ".join(outcome.niet_uit_delen)
        click.echo(f"Let op: {len(outcome.niet_uit_delen)} documenten kwamen niet (of met andere gegevens of software gemaakt) uit de delen en zijn hier gemaakt: {names}", err=True)
    state = f"site gebouwd in {site}" if outcome.site_gebouwd else f"site ongewijzigd in {site}"
    click.echo(f"{_counts(outcome)} en {outcome.pages} gegenereerde pagina's; {state}.")
    return _report_failures(outcome)


def build_shard(root: Path, deel_text: str, uit: Path | None, jobs: int | None, opnieuw: bool) -> bool:
    """One CI shard: its documents into their own folder (the artifact), no site."""
    from generator.publish.jobs import default_jobs, plan
    from generator.publish.lock import BuildBusy
    from generator.publish.shards import ShardError, parse_deel
    from generator.publish.overzichten import plan_overzichten
    from generator.publish.site import PublishError, publish_shard

    try:
        deel = parse_deel(deel_text)
    except ShardError as exc:
        raise click.BadParameter(str(exc), param_hint="--deel") from exc
    started = _start(root)
    if started is None:
        return False
    project, verantwoording, revisie = started
    folder = uit if uit is not None else project.layout.root / "delen" / f"deel-{deel[0]}"
    try:
        outcome = publish_shard(
            project, verantwoording, plan(project, verantwoording, [g.slug for g in project.gemeenten], overzichten=plan_overzichten(project)),
            revisie=revisie, workers=jobs or default_jobs(), opnieuw=opnieuw, deel=deel, uit=folder, voortgang=_Voortgang(),
        )
    except ShardError as exc:
        raise click.UsageError(str(exc)) from exc
    except (BuildBusy, PublishError) as exc:
        click.echo(f"Fout: {exc}. Dit deel is niet (helemaal) gemaakt.", err=True)
        return False
    click.echo(f"Deel {deel[0]} van {deel[1]}: {_counts(outcome)}; in {folder}.")
    return _report_failures(outcome)


@main.command()
@root_option
@click.option("--port", type=Poort(), default=8000, help="Poort op 127.0.0.1 (standaard: 8000; 0 = een vrije poort).")
@click.option("--jobs", type=Aantal(1), default=None, help="Aantal parallelle processen per bouw.")
def serve(root: Path, port: int, jobs: int | None) -> None:
    """Voorbeeld van de site op http://127.0.0.1:8000 dat opnieuw bouwt zodra u een bestand wijzigt."""
    from generator.publish.serve import run

    run(root.resolve(), port, lambda: build_once(root, None, jobs, wacht=True))
