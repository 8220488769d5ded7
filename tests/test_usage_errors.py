"""Usage errors: exit code 2 and a Dutch message naming the option, what was expected and
what was found, with the usage line and where to find help; never click's English."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import REPO

ENGLISH = ("Usage:", "Error:", "Invalid value", "Try '", "No such", "Missing", "is not", "does not exist")


def _usage(args: list[str]) -> list[str]:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and not any(e in result.output for e in ENGLISH), result.output
    return result.output.splitlines()


@pytest.mark.parametrize(
    "args, usage, message",
    [
        (
            ["build", "--jobs", "0"],
            "dvo build [OPTIES] [MAP]...",
            "ongeldige waarde voor '--jobs': verwacht een geheel getal van 1 of meer, gevonden '0'",
        ),
        (
            ["build", "--jobs", "-1"],
            "dvo build [OPTIES] [MAP]...",
            "ongeldige waarde voor '--jobs': verwacht een geheel getal van 1 of meer, gevonden '-1'",
        ),
        (
            ["build", "--jobs", "twee"],
            "dvo build [OPTIES] [MAP]...",
            "ongeldige waarde voor '--jobs': verwacht een geheel getal van 1 of meer, gevonden 'twee'",
        ),
        (
            ["serve", "--port", "99999"],
            "dvo serve [OPTIES]",
            "ongeldige waarde voor '--port': verwacht een poortnummer van 0 tot en met 65535 (0 = een vrije "
            "poort), gevonden '99999'",
        ),
        (
            ["serve", "--port", "-1"],
            "dvo serve [OPTIES]",
            "ongeldige waarde voor '--port': verwacht een poortnummer van 0 tot en met 65535 (0 = een vrije "
            "poort), gevonden '-1'",
        ),
        (
            ["validate", "--root", str(REPO / "pyproject.toml")],
            "dvo validate [OPTIES]",
            f"ongeldige waarde voor '--root': '{REPO / 'pyproject.toml'}' is een bestand, geen map; geef de map "
            "van de regio-repository",
        ),
        (
            ["validate", "--root", str(REPO / "bestaat-niet")],
            "dvo validate [OPTIES]",
            f"ongeldige waarde voor '--root': de map '{REPO / 'bestaat-niet'}' bestaat niet",
        ),
        (
            ["budget", "--jaar", "volgend"],
            "dvo budget [OPTIES]",
            "ongeldige waarde voor '--jaar': verwacht een jaartal zoals 2016, gevonden 'volgend'",
        ),
        (
            ["budget", "--format", "xml"],
            "dvo budget [OPTIES]",
            "ongeldige waarde voor '--format': 'xml' is geen van: 'table', 'json', 'csv'",
        ),
        (["validate", "--roo", "x"], "dvo validate [OPTIES]", "onbekende optie '--roo'; bedoelt u --root?"),
        (["validate", "overbodig"], "dvo validate [OPTIES]", "onverwacht extra argument: overbodig"),
        (["import"], "dvo import [OPTIES] BESTAND", "het argument BESTAND ontbreekt"),
        (
            ["import", str(REPO / "bestaat-niet.csv")],
            "dvo import [OPTIES] BESTAND",
            f"ongeldige waarde voor 'BESTAND': het bestand '{REPO / 'bestaat-niet.csv'}' bestaat niet",
        ),
        (
            ["bouw"],
            "dvo [OPTIES] COMMANDO [ARGUMENTEN]...",
            "onbekend commando 'bouw'; beschikbaar zijn: " + ", ".join(sorted(main.commands)),
        ),
    ],
)
def test_usage_error_exits_2_with_a_dutch_message(args: list[str], usage: str, message: str):
    command = " ".join(["dvo"] + [a for a in args[:1] if a in main.commands])
    assert _usage(args) == [f"Gebruik: {usage}", f"Hulp: {command} -h", "", f"Fout: {message}"]


def test_option_without_its_value():
    assert _usage(["build", "--jobs"]) == ["Fout: de optie '--jobs' verwacht een waarde"]


def test_unknown_gemeente_is_a_usage_error_after_loading():
    lines = _usage(["budget", "--gemeente", "../../etc/passwd", "--root", str(REPO)])
    assert lines[-1].startswith(
        "Fout: ongeldige waarde voor '--gemeente': onbekende gemeente '../../etc/passwd'; kies uit: "
    )


def test_help_is_dutch():
    result = CliRunner().invoke(main, ["build", "-h"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Gebruik: dvo build [OPTIES]")
    assert (
        "Opties:" in result.output and "Toon deze hulp en stop." in result.output and "--jobs AANTAL" in result.output
    )
    assert "Commando's:" in CliRunner().invoke(main, ["-h"]).output


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_commands_help_is_dutch_to_the_last_word(command: str):
    """click's own words (metavars of its types, the marks after an option's help) are Dutch too."""
    result = CliRunner().invoke(main, [command, "-h"])
    assert result.exit_code == 0, result.output
    english = re.findall(
        r"\b(?:TEXT|DIRECTORY|INTEGER|FLOAT|PATH|FILE|required|default|Usage|Options|Arguments)\b", result.output
    )
    assert english == [], result.output


def test_help_marks_a_required_option_and_a_default_in_dutch():
    init = CliRunner().invoke(main, ["init", "-h"]).output
    assert "--regio TEKST" in init and "[verplicht]" in init
    assert "[standaard: (huidige map)]" in " ".join(CliRunner().invoke(main, ["wijzigingen", "-h"]).output.split())


def test_the_installed_command_reports_usage_errors_the_same_way():
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--jobs", "0"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert (
        proc.stderr.splitlines()[-1]
        == "Fout: ongeldige waarde voor '--jobs': verwacht een geheel getal van 1 of meer, gevonden '0'"
    )
