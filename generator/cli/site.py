"""Commands that build and preview the site: build (also in CI shards), serve."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.app import check_gemeente, load_checked, main, root_option
from generator.cli.usage import Aantal, Deel, Map, Poort, report_error
from generator.util.errors import DvoError

if TYPE_CHECKING:
    from generator.publish.inputs import BuildOptions, BuildSource


@main.command()
@root_option
@click.option(
    "--gemeente",
    "slug",
    metavar="SLUG",
    help="Alleen de DVO en rapportages van deze gemeente opnieuw maken (de site wordt wel helemaal gebouwd).",
)
@click.option(
    "--jobs", "workers", type=Aantal(1), default=None, help="Aantal parallelle processen (standaard: aantal CPU's)."
)
@click.option("--opnieuw", is_flag=True, help="Alles opnieuw maken, ook wat niet veranderde sinds de vorige bouw.")
@click.option(
    "--deel",
    type=Deel(),
    metavar="I/N",
    help="Alleen deel I van N van de documenten maken, voor parallelle CI-taken (zonder site).",
)
@click.option(
    "--uit",
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor de documenten van een deel (standaard: delen/deel-I).",
)
@click.option("--samenvoegen", is_flag=True, help="De mappen van de delen (MAP...) samenvoegen tot de site.")
@click.argument("mappen", nargs=-1, type=Map(), metavar="[MAP]...")
def build(
    root: Path,
    slug: str | None,
    workers: int | None,
    opnieuw: bool,
    deel: tuple[int, int] | None,
    uit: Path | None,
    samenvoegen: bool,
    mappen: tuple[Path, ...],
) -> None:
    """Alles bouwen: controleren, DVO's, verantwoordingsrapportages, open data en de website in site/.

    Alleen wat veranderde sinds de vorige bouw wordt opnieuw gemaakt. In CI maakt
    `--deel I/N` een deel van de documenten en voegt `--samenvoegen MAP...` de delen
    samen tot de site.
    """
    from generator.publish.inputs import BuildOptions
    from generator.publish.jobs import default_workers

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
    if deel is not None and uit is None:
        uit = root / "delen" / f"deel-{deel[0]}"
    options = BuildOptions(
        workers=workers or default_workers(), gemeente=slug, opnieuw=opnieuw, deel=deel, uit=uit, delen=mappen
    )
    ok = build_shard(root, options) if deel is not None else build_once(root, options)
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


def _start(root: Path, options: BuildOptions) -> BuildSource:
    """The validated project with its figures, revision and wijzigingsoverzichten (InvalidProject
    when the data has findings). From here on, templates are compiled once per repository
    (the staging cache)."""
    from generator.compute.verantwoording import Verantwoording
    from generator.publish.inputs import BuildSource
    from generator.publish.jobs import start_fork_server_early
    from generator.publish.overzichten import plan_overzichten
    from generator.publish.transaction import staging
    from generator.render.templating.environment import keep_compiled_templates
    from generator.util.revision import source_revision

    start_fork_server_early(options.workers)
    project = load_checked(root)  # incl. the check that vastgelegde DVO's kept their content
    check_gemeente(project, options.gemeente)
    keep_compiled_templates(staging(project) / "cache" / "jinja")
    revisie = source_revision(project.layout.root, project.layout.sources)
    return BuildSource(project, Verantwoording(project), revisie, plan_overzichten(project))


def _report_failures(outcome) -> bool:
    for r in outcome.failed:
        click.echo(f"Fout: {r.titel} ({r.job.naam}) is niet gemaakt: {r.fout}", err=True)
    if outcome.failed:
        click.echo(
            f"{len(outcome.failed)} van {len(outcome.results)} documenten mislukt; van die documenten staat de "
            "vorige versie (als die er was) op de site.",
            err=True,
        )
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


def build_once(root: Path, options: BuildOptions) -> bool:
    """One whole (incremental) build with Dutch output; False when a document failed.
    Invalid data, a busy lock, a write error or a refused site raise a DvoError."""
    from generator.compute.herindeling import herindelingen
    from generator.publish.build import publish
    from generator.publish.jobs import plan

    source = _start(root, options)
    project = source.project
    slugs = [options.gemeente] if options.gemeente else herindelingen(project).slugs()
    for o in source.overzichten.values():
        if not o.mogelijk and o.slug in slugs:
            click.echo(
                f"Let op: wijzigingsoverzicht DVO {project.gemeente(o.slug).naam} sinds versie {o.versie} niet "
                f"gemaakt: {o.reden}.",
                err=True,
            )
    outcome = publish(source, plan(source, slugs, regio=options.whole), options, _Voortgang())
    if outcome.niet_uit_delen:
        names = ", ".join(outcome.niet_uit_delen)
        click.echo(
            f"Let op: {len(outcome.niet_uit_delen)} documenten kwamen niet (of met andere gegevens of software "
            f"gemaakt) uit de delen en zijn hier gemaakt: {names}",
            err=True,
        )
    site = project.layout.site
    state = f"site gebouwd in {site}" if outcome.site_gebouwd else f"site ongewijzigd in {site}"
    click.echo(f"{_counts(outcome)} en {outcome.pages} gegenereerde pagina's; {state}.")
    return _report_failures(outcome)


def build_shard(root: Path, options: BuildOptions) -> bool:
    """One CI shard: its documents into their own folder (the artifact), no site."""
    from generator.compute.herindeling import herindelingen
    from generator.publish.build import publish_shard
    from generator.publish.jobs import plan

    assert options.deel is not None
    source = _start(root, options)
    outcome = publish_shard(source, plan(source, herindelingen(source.project).slugs()), options, _Voortgang())
    click.echo(f"Deel {options.deel[0]} van {options.deel[1]}: {_counts(outcome)}; in {options.uit}.")
    return _report_failures(outcome)


@main.command()
@root_option
@click.option("--port", type=Poort(), default=8000, help="Poort op 127.0.0.1 (standaard: 8000; 0 = een vrije poort).")
@click.option("--jobs", "workers", type=Aantal(1), default=None, help="Aantal parallelle processen per bouw.")
def serve(root: Path, port: int, workers: int | None) -> None:
    """Voorbeeld van de site op http://127.0.0.1:8000 dat opnieuw bouwt zodra u een bestand wijzigt."""
    from generator.publish.inputs import BuildOptions
    from generator.publish.jobs import default_workers
    from generator.publish.serve import run

    options = BuildOptions(workers=workers or default_workers(), wachten=True)
    wachtend: set[str] = set()
    run(root.resolve(), port, lambda changed, published: preview_html(root, options, changed, published, wachtend))


def preview_html(
    root: Path,
    options: BuildOptions,
    changed: Sequence[str] = (),
    published: Callable[[], None] = lambda: None,
    wachtend: set[str] | None = None,
):
    """dvo serve's rebuild: the HTML and the site first (ok or not), then the PDF step to run
    in the background, or None when no PDF is to be made.

    When the save was one gemeente's file (`changed`: paths relative to the root), that
    gemeente's documents and the site come first, and `published()` is called: the page the
    user is looking at shows the edit before the documents of the other gemeenten and the
    region are made again (their pages keep their previous, consistent state meanwhile).
    `wachtend`: kept between rebuilds, the PDFs (staged names) whose HTML is published and
    which are not made yet, so that such a page never links its previous PDF."""
    from generator.compute.herindeling import herindelingen
    from generator.publish.build import publish_html, render_pending
    from generator.publish.jobs import plan

    wachtend = set() if wachtend is None else wachtend
    try:
        source = _start(root, options)
        slugs = herindelingen(source.project).slugs()
        edited = _edited_gemeente(source, changed, slugs)
        if edited is not None:
            first = publish_html(
                source,
                plan(source, [edited.slug], regio=False),
                replace(options, gemeente=edited.slug),
                _Voortgang(),
                eerder_wachtend=frozenset(wachtend),
            )
            wachtend.update(p.job.files()[0] for p in first.wachtend)  # in case the rest fails
            if not first.failed:
                published()
                click.echo(f"Pagina's van {edited.naam} gepubliceerd; de rest van de site volgt.", err=True)
        outcome = publish_html(source, plan(source, slugs), options, _Voortgang())
    except DvoError as exc:  # the preview keeps serving the last good site
        report_error(exc)
        return False, None
    ok = _report_failures(outcome)
    wachtend.clear()
    wachtend.update(p.job.files()[0] for p in outcome.wachtend)
    if not outcome.wachtend:
        return ok, None
    click.echo(f"Pagina's gepubliceerd; {len(outcome.wachtend)} PDF's worden gemaakt ...", err=True)

    def rest(stop) -> bool:
        try:
            done = render_pending(source, outcome, options, _Voortgang(), stop)
        except DvoError as exc:
            report_error(exc)
            return False
        if done is None:
            return False
        wachtend.clear()
        if _report_failures(done):
            click.echo(f"PDF's klaar: {_counts(done)}; de browser laadt de pagina opnieuw.", err=True)
        return True

    return ok, rest


def _edited_gemeente(source: BuildSource, changed: Sequence[str], slugs: list[str]):
    """The gemeente whose file alone was saved, when the site has more than its documents."""
    if len(changed) != 1 or len(slugs) < 2:
        return None
    layout = source.project.layout
    for gemeente in source.project.gemeenten:
        if gemeente.slug in slugs and changed[0] == layout.rel(layout.gemeenten / f"{gemeente.slug}.yaml"):
            return gemeente
    return None
