"""The `dvo` command. All human output is Dutch; exit 0 ok, 1 invalid data, 2 usage error.

Heavy modules (weasyprint, pandas, mkdocs) are imported inside the commands
that need them, so `dvo validate` starts instantly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.usage import DutchGroup, Map
from generator.load.findings import InvalidProject

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def root_option(f):
    return click.option(
        "--root",
        type=Map(),
        default=Path("."),
        help="Map van de regio-repository (standaard: de huidige map).",
    )(f)


def try_load(root: Path):
    """The validated project, or None after reporting every finding (usage errors raise)."""
    from generator.load.project import load_project

    if not (root / "content").is_dir():
        raise click.UsageError(f"'{root}' is geen regio-repository: de map content/ ontbreekt (gebruik --root).")
    try:
        return load_project(root)
    except InvalidProject as exc:
        report_findings(exc)
        return None


def try_load_checked(root: Path):
    """Like try_load, plus the check that vastgelegde DVO versions kept their content
    (it needs the DVO view model, so it runs after loading)."""
    from generator.render.documents.dvo.vastlegging import vastlegging_findings

    project = try_load(root)
    if project is None:
        return None
    findings = vastlegging_findings(project)
    if findings:
        report_findings(InvalidProject(findings))
        return None
    return project


def load_or_exit(root: Path):
    project = try_load(root)
    if project is None:
        sys.exit(1)
    return project


def check_gemeente(project, slug: str | None) -> None:
    slugs = [g.slug for g in project.gemeenten]
    if slug is not None and slug not in slugs:
        from generator.util.suggest import did_you_mean

        raise click.BadParameter(f"onbekende gemeente '{slug}'{did_you_mean(slug, slugs)}; kies uit: {', '.join(slugs)}", param_hint="--gemeente")


def report_findings(exc: InvalidProject) -> None:
    for finding in exc.findings:
        click.echo(str(finding), err=True)
    n = len(exc.findings)
    click.echo(f"{n} {'fout' if n == 1 else 'fouten'} gevonden; er is niets geschreven.", err=True)


@click.group("dvo", cls=DutchGroup, context_settings=CONTEXT)
@click.version_option(package_name="dvo-generator", message="dvo %(version)s", help="Toon de versie en stop.")
def main() -> None:
    """DVO- en verantwoordingsgenerator voor een regionaal Werkbedrijf.

    Controleert de YAML-gegevens van de regio en maakt daaruit DVO's,
    verantwoordingsrapportages en de website.
    """
