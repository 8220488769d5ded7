"""`dvo init`: a new region validates and builds at once, with the installed package alone.

The main test builds this project's wheel, unpacks it outside the repository and runs
`python -m generator` from there in a temporary folder: nothing of the example region
(content/, gemeenten/, mkdocs.yml) is copied or reachable, and every template, asset and
default page must come from the package data.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generator.cli import main
from generator.edit.scaffold import yaml_scalar
from tests.conftest import REPO, pdf_pages

GEMEENTEN = ["Berkelland:GM1859", "Oost Gelre:GM1586", "Winterswijk:GM0294"]
EXAMPLE_NAMES = ("Nijmegen", "Wijchen", "Beuningen", "bestuurscommissie")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict[str, str]:
    """The environment to run the wheel of this project, unpacked outside the repository."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)], check=True, capture_output=True, timeout=600)
    package = out / "pakket"
    with zipfile.ZipFile(next(out.glob("dvo_generator-*.whl"))) as wheel:
        wheel.extractall(package)
    env = {k: v for k, v in os.environ.items() if k != "DVO_REVISIE"}
    env["PYTHONPATH"] = str(package)
    return env


def run(env: dict, cwd: Path, *args: str, code: int = 0) -> str:
    proc = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    output = proc.stdout + proc.stderr
    assert proc.returncode == code, output
    assert "Traceback" not in output
    return output


def test_the_wheel_carries_every_template_of_the_repository(installed):
    where = subprocess.run([sys.executable, "-c", "import generator; print(generator.__file__)"], env=installed, capture_output=True, text=True, cwd="/", check=True)
    package = Path(installed["PYTHONPATH"]) / "generator"
    assert Path(where.stdout.strip()).parent == package  # the unpacked wheel, not this checkout
    tracked = subprocess.run(["git", "-C", str(REPO), "ls-files", "generator/templates"], capture_output=True, text=True, check=True).stdout.split()
    assert tracked
    missing = [rel for rel in tracked if not (package.parent / rel).is_file()]
    assert missing == [], "package data misses these files (pyproject.toml, [tool.setuptools.package-data])"


def test_a_new_region_validates_and_builds_its_dvos_reports_and_site(installed, tmp_path):
    region = tmp_path / "achterhoek"
    out = run(installed, tmp_path, "init", "achterhoek", "--regio", "Achterhoek", "--organisatie", "Werkleerbedrijf Achterhoek",
              *[a for g in GEMEENTEN for a in ("--gemeente", g)], "--periode", "2021-2024")
    assert "Nieuwe regio 'Achterhoek' aangemaakt in achterhoek: 3 gemeenten" in out
    written = [p for p in region.rglob("*") if p.is_file() and ".git" not in p.parts]
    assert {p.relative_to(region).as_posix() for p in written} >= {
        "content/regio.yaml", "content/instrumentarium.yaml", "content/indicatoren.yaml", "content/verordening.yaml",
        "content/dvo-standaardbepalingen.yaml", "gemeenten/berkelland.yaml", "gemeenten/oost-gelre.yaml",
        "gemeenten/winterswijk.yaml", "mkdocs.yml", ".gitignore", ".pre-commit-config.yaml", ".vscode/settings.json",
        "schemas/gemeente.schema.json", "README.md", ".github/workflows/dvo.yml", ".gitlab-ci.yml",
    }
    for path in written:  # nothing of the example region came along
        text = path.read_text(encoding="utf-8")
        assert not any(name in text for name in EXAMPLE_NAMES), path

    assert run(installed, region, "validate").strip() == "Alle gegevens zijn geldig: regio Achterhoek, 3 gemeenten, 5 instrumenten, 2 indicatoren."
    out = run(installed, region, "build", "--jobs", "2")
    assert "3 DVO's, 0 wijzigingsoverzichten, 0 verantwoordingsrapportages" in out
    dvo = pdf_pages(region / "site" / "pdf" / "dvo-oost-gelre.pdf")
    assert "Dienstverleningsovereenkomst gemeente Oost Gelre – Werkleerbedrijf Achterhoek" in " ".join(dvo[0].split())
    assert "dan wordt het onderwerp geagendeerd in het algemeen bestuur." in " ".join(" ".join(dvo).split())  # rapportage.escalatie
    home = (region / "site" / "index.html").read_text(encoding="utf-8")
    assert "3 gemeenten in de regio Achterhoek voeren hun re-integratietaken uit via Werkleerbedrijf Achterhoek" in home
    for page in (region / "site").rglob("*.html"):
        assert not any(name in page.read_text(encoding="utf-8") for name in EXAMPLE_NAMES), page

    # A year of work later: targets filled in, realisaties imported, and the reports follow.
    for slug in ("berkelland", "oost-gelre", "winterswijk"):
        path = region / "gemeenten" / f"{slug}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("    streefwaarden:\n      2021: 0", "    streefwaarden:\n      2021: 40", 1), encoding="utf-8")
    (region / "realisaties.csv").write_text("gemeente;indicator;periode;waarde\nBerkelland;uitstroom-werk;2021;44\n"
                                            "Oost Gelre;uitstroom-werk;2021;30\nWinterswijk;uitstroom-werk;2021;41\n", encoding="utf-8")
    assert "3 nieuw" in run(installed, region, "import", "realisaties.csv")
    out = run(installed, region, "build", "--jobs", "2")
    assert "3 DVO's, 0 wijzigingsoverzichten, 4 verantwoordingsrapportages" in out
    regio = " ".join(pdf_pages(region / "site" / "pdf" / "rapport-regio-2021.pdf"))
    # 44 + 30 + 41 = 115 against 3 x 40 = 120: 95,8% of the target, on course from 95%.
    assert "Uitstroom naar werk" in regio and "115" in regio and "95,8%" in regio
    assert (region / "site" / "pdf" / "rapport-oost-gelre-2021.pdf").is_file()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "bestaand").mkdir()
    (tmp_path / "bestaand" / "notities.txt").write_text("van mij", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "bestaand"), "--regio", "X", "--gemeente", "A:GM0001"])
    assert result.exit_code == 2
    assert "bestaat al en is niet leeg" in result.output
    assert [p.name for p in (tmp_path / "bestaand").iterdir()] == ["notities.txt"]


@pytest.mark.parametrize("args, message", [
    (["--gemeente", "Berkelland"], "verwacht 'Naam:GMxxxx'"),
    (["--gemeente", "Berkelland:1859"], "verwacht 'Naam:GMxxxx'"),
    (["--gemeente", "Berkelland:GM1859", "--gemeente", "Berkelland:GM1860"], "slug berkelland komt meer dan eens voor"),
    (["--gemeente", "A:GM0001", "--periode", "2024-2021"], "--periode: verwacht 'eerste jaar-laatste jaar'"),
])
def test_init_usage_errors_exit_2_and_write_nothing(tmp_path, args, message):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "nieuw"), "--regio", "X", *args])
    assert result.exit_code == 2 and message in result.output, result.output
    assert not (tmp_path / "nieuw").exists()


def test_init_keeps_awkward_names_exact_and_valid(tmp_path):
    from generator.load.project import load_project

    target = tmp_path / "regio"
    result = CliRunner().invoke(main, [
        "init", str(target), "--regio", "Noord: oost #1", "--organisatie", "'t Werkbedrijf \"Samen\"",
        "--gemeente", "'s-Hertogenbosch:GM0796", "--gemeente", "Súdwest-Fryslân:GM1900", "--periode", "2026-2027",
    ])
    assert result.exit_code == 0, result.output
    project = load_project(target)
    assert project.regio.naam == "Noord: oost #1" and project.regio.organisatie == "'t Werkbedrijf \"Samen\""
    assert [(g.slug, g.naam) for g in project.gemeenten] == [("s-hertogenbosch", "'s-Hertogenbosch"), ("sudwest-fryslan", "Súdwest-Fryslân")]
    from generator.render.documents.dvo.view import build_document

    titel = build_document(project, project.gemeente("s-hertogenbosch")).titel
    assert titel == "Dienstverleningsovereenkomst gemeente 's-Hertogenbosch – 't Werkbedrijf \"Samen\""
    assert project.regio.periode.jaren == [2026, 2027]


def test_init_without_gemeenten_writes_a_valid_placeholder(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "r"), "--regio", "Zuid", "--periode", "2025-2028"])
    assert result.exit_code == 0, result.output
    assert "gemeenten/voorbeeldgemeente.yaml is een voorbeeld" in result.output
    assert CliRunner().invoke(main, ["validate", "--root", str(tmp_path / "r")]).exit_code == 0


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40))
def test_every_name_survives_as_a_yaml_value(name):
    # Every name check_name accepts (no control or line-separator characters) comes back exactly.
    loaded = YAML(typ="safe").load(f"naam: {yaml_scalar(name)}\n")
    assert loaded == {"naam": name}


@pytest.mark.parametrize("name", ["Regio\nTwee", "Regio\u2028Twee", "Regio\x85Twee", "   "])
def test_a_name_must_be_one_line_of_text(name):
    from generator.edit.scaffold import ScaffoldError, check_name

    with pytest.raises(ScaffoldError, match="verwacht een naam op één regel"):
        check_name(name, "--regio")
