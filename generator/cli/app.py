"""The `dvo` command. All human output is Dutch; exit 0 ok, 1 invalid data, 2 usage error.

Commands raise a DvoError (util/errors.py) for anything the user must hear about;
`usage.DutchGroup` prints it and exits with its code. Heavy modules (weasyprint, mkdocs,
pandas) are imported inside the commands that need them, so `dvo validate` starts instantly.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.usage import DutchGroup, Map
from generator.load.findings import InvalidProject

if TYPE_CHECKING:
    from generator.load.project import Project

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def root_option(f):
    return click.option(
        "--root",
        type=Map(),
        default=Path("."),
        help="Map van de regio-repository (standaard: de huidige map).",
    )(f)


def load(root: Path) -> Project:
    """The validated project; InvalidProject (every finding) when the data is not valid."""
    from generator.load.layout import Layout
    from generator.load.project import load_project
    from generator.util.atomic import JOURNAL
    from generator.util.errors import DvoError

    if not (root / "content").is_dir():
        raise click.UsageError(f"'{root}' is geen regio-repository: de map content/ ontbreekt (gebruik --root).")
    if (Layout(root).journal / JOURNAL).is_file():
        raise DvoError(
            "een eerdere `dvo bijwerken` is afgebroken terwijl hij bestanden verving; draai `dvo bijwerken` "
            "opnieuw: die zet eerst alle bestanden terug zoals ze waren en zet ze dan om"
        )
    return load_project(root)


def load_checked(root: Path) -> Project:
    """Like `load`, plus the checks on records: every recorded revision of a DVO version is
    readable (git), vastgelegde DVO versions kept their content (it needs the DVO view
    model, so it runs after loading), and vastgelegde reports kept theirs and the figures
    of their period."""
    from generator.load.dvo_versies import revisie_findings
    from generator.render.documents.dvo.vastlegging import vastlegging_findings

    project = load(root)
    findings = revisie_findings(project)
    if findings:
        raise InvalidProject(findings)
    findings = vastlegging_findings(project)
    if findings:
        raise InvalidProject(findings)
    from generator.render.documents.rapport.vastlegging import rapport_findings

    findings = rapport_findings(project)  # vastgelegde reports: their content and the figures of their period
    if findings:
        raise InvalidProject(findings)
    return project


def check_gemeente(project: Project, slug: str | None) -> None:
    from generator.compute.herindeling import herindelingen

    slugs = herindelingen(project).slugs()  # also a gemeente a herindeling made
    if slug is not None and slug not in slugs:
        from generator.util.suggest import did_you_mean

        raise click.BadParameter(
            f"onbekende gemeente '{slug}'{did_you_mean(slug, slugs)}; kies uit: {', '.join(slugs)}",
            param_hint="--gemeente",
        )


@click.group("dvo", cls=DutchGroup, context_settings=CONTEXT)
@click.version_option(package_name="dvo-generator", message="dvo %(version)s", help="Toon de versie en stop.")
def main() -> None:
    """DVO- en verantwoordingsgenerator voor gemeenten die hun re-integratie samen laten uitvoeren.

    Controleert de YAML-gegevens van de regio en maakt daaruit DVO's,
    verantwoordingsrapportages en de website.
    """
