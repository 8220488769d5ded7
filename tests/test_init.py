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
from tests.conftest import REPO, pdf_pages, shared
from tests.nieuwe_regio import ORGANISATIE

GEMEENTEN = ["Berkelland:GM1859", "Oost Gelre:GM1586", "Winterswijk:GM0294"]
EXAMPLE_NAMES = ("Nijmegen", "Wijchen", "Beuningen", "bestuurscommissie")


@pytest.fixture(scope="module")
def installed(request, tmp_path_factory) -> dict[str, str]:
    """The environment to run the wheel of this project, unpacked outside the repository."""

    def make(out: Path) -> None:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
            check=True,
            capture_output=True,
            timeout=600,
        )
        with zipfile.ZipFile(next(out.glob("dvo_generator-*.whl"))) as wheel:
            wheel.extractall(out / "pakket")

    package = shared(request, tmp_path_factory, "wheel", make) / "pakket"
    env = {k: v for k, v in os.environ.items() if k != "DVO_REVISIE"}
    env["PYTHONPATH"] = str(package)
    return env


def run(env: dict, cwd: Path, *args: str, code: int = 0) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == code, output
    assert "Traceback" not in output
    return output


def test_the_wheel_carries_every_template_of_the_repository(installed):
    where = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"],
        env=installed,
        capture_output=True,
        text=True,
        cwd="/",
        check=True,
    )
    package = Path(installed["PYTHONPATH"]) / "generator"
    assert Path(where.stdout.strip()).parent == package  # the unpacked wheel, not this checkout
    tracked = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "generator/templates"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert tracked
    missing = [rel for rel in tracked if not (package.parent / rel).is_file()]
    assert missing == [], "package data misses these files (pyproject.toml, [tool.setuptools.package-data])"


def test_a_new_region_validates_and_builds_its_dvos_reports_and_site(installed, tmp_path):
    region = tmp_path / "achterhoek"
    out = run(
        installed,
        tmp_path,
        "init",
        "achterhoek",
        "--regio",
        "Achterhoek",
        "--organisatie",
        "Werkleerbedrijf Achterhoek",
        "--korte-naam",
        "het Werkleerbedrijf",
        "--rechtsvorm",
        "openbaar lichaam op grond van de Wet gemeenschappelijke regelingen",
        "--vestigingsplaats",
        "Doetinchem",
        "--gastheergemeente",
        "Oost Gelre",
        *[a for g in GEMEENTEN for a in ("--gemeente", g)],
        "--periode",
        "2021-2024",
    )
    assert "Nieuwe regio 'Achterhoek' aangemaakt in achterhoek: 3 gemeenten" in out
    assert "git-repository aangemaakt met de eerste commit" in out
    written = [p for p in region.rglob("*") if p.is_file() and ".git" not in p.parts]
    assert {p.relative_to(region).as_posix() for p in written} >= {
        "content/regio.yaml",
        "content/instrumentarium.yaml",
        "content/indicatoren.yaml",
        "content/verordening.yaml",
        "content/dvo-standaardbepalingen.yaml",
        "gemeenten/berkelland.yaml",
        "gemeenten/oost-gelre.yaml",
        "gemeenten/winterswijk.yaml",
        "mkdocs.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".vscode/settings.json",
        "schemas/gemeente.schema.json",
        "README.md",
        ".github/workflows/dvo.yml",
        ".gitlab-ci.yml",
    }
    for path in written:  # nothing of the example region came along
        text = path.read_text(encoding="utf-8")
        assert not any(name in text for name in EXAMPLE_NAMES), path

    assert (
        run(installed, region, "validate").strip()
        == "Alle gegevens zijn geldig: regio Achterhoek, 3 gemeenten, 5 instrumenten, 2 indicatoren."
    )
    out = run(installed, region, "build", "--jobs", "2")
    assert "3 DVO's, 0 wijzigingsoverzichten, 0 verantwoordingsrapportages" in out
    dvo = pdf_pages(region / "site" / "pdf" / "dvo-oost-gelre.pdf")
    assert "Dienstverleningsovereenkomst gemeente Oost Gelre – Werkleerbedrijf Achterhoek" in " ".join(dvo[0].split())
    text = " ".join(" ".join(dvo).split())
    assert "dan wordt het onderwerp geagendeerd in het algemeen bestuur." in text  # rapportage.escalatie
    # The organisation's own words, through [[gegeven:...]] in the standard text init wrote.
    assert "gevestigd te Doetinchem" in text and "hierna: het Werkleerbedrijf" in text
    assert "Het Werkleerbedrijf levert de gemeente het basispakket" in text
    assert "Werkbedrijf" not in text.replace("Werkleerbedrijf", "")
    home = (region / "site" / "index.html").read_text(encoding="utf-8")
    assert "3 gemeenten in de regio Achterhoek voeren hun re-integratietaken uit via Werkleerbedrijf Achterhoek" in home
    for page in (region / "site").rglob("*.html"):
        assert not any(name in page.read_text(encoding="utf-8") for name in EXAMPLE_NAMES), page
    # The organisation page has a path of no particular kind of organisation.
    assert "Over Werkleerbedrijf Achterhoek" in (region / "site" / "organisatie" / "index.html").read_text(
        encoding="utf-8"
    )
    assert not (region / "site" / "werkbedrijf").exists()

    # A year of work later: targets filled in, realisaties imported, and the reports follow.
    for slug in ("berkelland", "oost-gelre", "winterswijk"):
        path = region / "gemeenten" / f"{slug}.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                "    streefwaarden:\n      2021: 0", "    streefwaarden:\n      2021: 40", 1
            ),
            encoding="utf-8",
        )
    (region / "realisaties.csv").write_text(
        "gemeente;indicator;periode;waarde\nBerkelland;uitstroom-werk;2021;44\n"
        "Oost Gelre;uitstroom-werk;2021;30\nWinterswijk;uitstroom-werk;2021;41\n",
        encoding="utf-8",
    )
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


@pytest.mark.parametrize(
    "args, message",
    [
        (["--gemeente", "Berkelland"], "verwacht 'Naam:GMxxxx'"),
        (["--gemeente", "Berkelland:1859"], "verwacht 'Naam:GMxxxx'"),
        (
            ["--gemeente", "Berkelland:GM1859", "--gemeente", "Berkelland:GM1860"],
            "slug berkelland komt meer dan eens voor",
        ),
        (["--gemeente", "A:GM0001", "--periode", "2024-2021"], "--periode: verwacht 'eerste jaar-laatste jaar'"),
    ],
)
def test_init_usage_errors_exit_2_and_write_nothing(tmp_path, args, message):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "nieuw"), "--regio", "X", *args])
    assert result.exit_code == 2 and message in result.output, result.output
    assert not (tmp_path / "nieuw").exists()


def test_init_keeps_awkward_names_exact_and_valid(tmp_path):
    from generator.load.project import load_project

    target = tmp_path / "regio"
    result = CliRunner().invoke(
        main,
        [
            "init",
            str(target),
            "--regio",
            "Noord: oost #1",
            "--organisatie",
            '\'t Werkbedrijf "Samen"',
            "--korte-naam",
            "'t Werkbedrijf",
            "--rechtsvorm",
            'openbaar lichaam: "Samen"',
            "--vestigingsplaats",
            "'s-Hertogenbosch",
            "--gastheergemeente",
            "Súdwest-Fryslân",
            "--gemeente",
            "'s-Hertogenbosch:GM0796",
            "--gemeente",
            "Súdwest-Fryslân:GM1900",
            "--periode",
            "2026-2027",
        ],
    )
    assert result.exit_code == 0, result.output
    project = load_project(target)
    assert project.regio.naam == "Noord: oost #1" and project.regio.organisatie == '\'t Werkbedrijf "Samen"'
    assert [(g.slug, g.naam) for g in project.gemeenten] == [
        ("s-hertogenbosch", "'s-Hertogenbosch"),
        ("sudwest-fryslan", "Súdwest-Fryslân"),
    ]
    from generator.render.documents.dvo.view import build_document

    titel = build_document(project, project.gemeente("s-hertogenbosch")).titel
    assert titel == "Dienstverleningsovereenkomst gemeente 's-Hertogenbosch – 't Werkbedrijf \"Samen\""
    assert project.regio.periode.jaren == [2026, 2027]


def test_init_without_gemeenten_writes_a_valid_placeholder(tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "init",
            str(tmp_path / "r"),
            "--regio",
            "Zuid",
            "--periode",
            "2025-2028",
            *ORGANISATIE,
            "--gastheergemeente",
            "voorbeeldgemeente",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "gemeenten/voorbeeldgemeente.yaml is een voorbeeld" in result.output
    assert CliRunner().invoke(main, ["validate", "--root", str(tmp_path / "r")]).exit_code == 0


def test_what_init_cannot_know_is_marked_and_refused_at_its_line(tmp_path):
    """Without a terminal to ask at, init invents nothing about the organisation: each unknown
    value is 'IN TE VULLEN' in content/regio.yaml, and `dvo validate` names its line until filled in."""
    target = tmp_path / "r"
    result = CliRunner().invoke(
        main,
        [
            "init",
            str(target),
            "--regio",
            "Zuid",
            "--gemeente",
            "Aa:GM0001",
            "--gemeente",
            "Bb:GM0002",
            "--periode",
            "2025-2028",
            "--vestigingsplaats",
            "Bb",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (
        "Nog in te vullen in content/regio.yaml (er staat 'IN TE VULLEN'): organisatie, korte_naam, rechtsvorm, "
        "gastheergemeente." in result.output
    )
    lines = (target / "content" / "regio.yaml").read_text(encoding="utf-8").splitlines()
    at = {
        key: i + 1
        for i, line in enumerate(lines)
        for key in ("organisatie", "korte_naam", "rechtsvorm", "gastheergemeente", "vestigingsplaats")
        if line.startswith(f"{key}: ")
    }
    assert lines[at["vestigingsplaats"] - 1] == "vestigingsplaats: Bb"
    check = CliRunner().invoke(main, ["validate", "--root", str(target)])
    assert check.exit_code == 1
    found = [line for line in check.output.splitlines() if line.endswith("[in-te-vullen]")]
    assert [line.split(":")[1] for line in found] == [
        str(at[k]) for k in ("organisatie", "korte_naam", "rechtsvorm", "gastheergemeente")
    ]
    assert (
        f"content/regio.yaml:{at['korte_naam']}:13: korte_naam: in te vullen: hoe de DVO de organisatie verder "
        "noemt, met lidwoord" in check.output
    )
    assert "4 fouten gevonden" in check.output  # nothing else is wrong with the new region
    # Filled in, the region validates.
    text = (target / "content" / "regio.yaml").read_text(encoding="utf-8")
    for key, value in (
        ("organisatie", "Werkplein Zuid"),
        ("korte_naam", "het Werkplein"),
        ("rechtsvorm", "openbaar lichaam"),
        ("gastheergemeente", "aa"),
    ):
        text = text.replace(lines[at[key] - 1], f"{key}: {value}")
    (target / "content" / "regio.yaml").write_text(text, encoding="utf-8")
    assert CliRunner().invoke(main, ["validate", "--root", str(target)]).exit_code == 0


def test_init_refuses_a_gastheergemeente_that_does_not_take_part(tmp_path):
    result = CliRunner().invoke(
        main, ["init", str(tmp_path / "r"), "--regio", "Zuid", "--gemeente", "Aa:GM0001", "--gastheergemeente", "Cc"]
    )
    assert result.exit_code == 2
    assert "--gastheergemeente: verwacht een van de gemeenten (Aa), gevonden 'Cc'" in result.output
    assert not (tmp_path / "r").exists()


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout.strip()


def test_init_makes_the_first_commit(tmp_path, monkeypatch):
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(key, "Beheer")
    for key in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "beheer@example.org")
    result = CliRunner().invoke(
        main, ["init", str(tmp_path / "r"), "--regio", "Zuid", "--gemeente", "Aa:GM0001", *ORGANISATIE]
    )
    assert result.exit_code == 0, result.output
    assert "git-repository aangemaakt met de eerste commit" in result.output
    assert _git(tmp_path / "r", "log", "--format=%an|%s") == "Beheer|Nieuwe regio Zuid (dvo init)"
    assert _git(tmp_path / "r", "status", "--porcelain") == ""  # every file is in it
    assert "content/regio.yaml" in _git(tmp_path / "r", "ls-files").splitlines()


def test_init_without_a_git_name_writes_the_region_and_says_how_to_commit(tmp_path, monkeypatch):
    home = tmp_path / "thuis"
    home.mkdir()
    for key in (
        "GIT_AUTHOR_NAME",
        "GIT_COMMITTER_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_EMAIL",
        "GIT_CONFIG_GLOBAL",
        "XDG_CONFIG_HOME",
    ):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    result = CliRunner().invoke(
        main, ["init", str(tmp_path / "r"), "--regio", "Zuid", "--gemeente", "Aa:GM0001", *ORGANISATIE]
    )
    assert result.exit_code == 0, result.output
    assert "Let op: er is nog geen eerste commit gemaakt, want git weet niet onder welke naam" in result.output
    assert 'git config --global user.name "Uw Naam"' in result.output
    assert (tmp_path / "r" / ".git").is_dir() and (tmp_path / "r" / "content" / "regio.yaml").is_file()
    assert (
        subprocess.run(
            ["git", "-C", str(tmp_path / "r"), "rev-parse", "--verify", "HEAD"], capture_output=True
        ).returncode
        != 0
    )


def test_init_without_git_writes_the_region_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))  # no git to be found
    result = CliRunner().invoke(
        main, ["init", str(tmp_path / "r"), "--regio", "Zuid", "--gemeente", "Aa:GM0001", *ORGANISATIE]
    )
    assert result.exit_code == 0, result.output
    assert (
        "Let op: git is niet gevonden: de bestanden staan klaar, maar er is geen git-repository gemaakt."
        in result.output
    )
    assert not (tmp_path / "r" / ".git").exists() and (tmp_path / "r" / "content" / "regio.yaml").is_file()


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


def test_at_a_terminal_init_asks_for_what_it_cannot_know(tmp_path, monkeypatch):
    import generator.cli.init as init_command

    monkeypatch.setattr(init_command, "_interactive", lambda: True)
    answers = "Werkplein Zuid\nhet Werkplein\nopenbaar lichaam\nBb\nBb\n"
    result = CliRunner().invoke(
        main,
        ["init", str(tmp_path / "r"), "--regio", "Zuid", "--gemeente", "Aa:GM0001", "--gemeente", "Bb:GM0002"],
        input=answers,
    )
    assert result.exit_code == 0, result.output
    for vraag in (
        "Naam van de uitvoeringsorganisatie",
        "Korte naam, met lidwoord, zoals in een zin",
        "Rechtsvorm",
        "Vestigingsplaats",
        "Gastheergemeente (naam of slug) (Aa, Bb)",
    ):
        assert f"{vraag}: " in result.output
    assert "IN TE VULLEN" not in result.output
    regio = YAML(typ="safe").load((tmp_path / "r" / "content" / "regio.yaml").read_text(encoding="utf-8"))
    assert (
        regio["organisatie"],
        regio["korte_naam"],
        regio["rechtsvorm"],
        regio["vestigingsplaats"],
        regio["gastheergemeente"],
    ) == ("Werkplein Zuid", "het Werkplein", "openbaar lichaam", "Bb", "bb")
    assert CliRunner().invoke(main, ["validate", "--root", str(tmp_path / "r")]).exit_code == 0


def test_at_a_terminal_an_empty_answer_leaves_the_value_to_fill_in(tmp_path, monkeypatch):
    import generator.cli.init as init_command

    monkeypatch.setattr(init_command, "_interactive", lambda: True)
    result = CliRunner().invoke(
        main,
        ["init", str(tmp_path / "r"), "--regio", "Zuid", "--gemeente", "Aa:GM0001", *ORGANISATIE[:4]],
        input="\n\n",
    )
    assert result.exit_code == 0, result.output
    assert (
        "Nog in te vullen in content/regio.yaml (er staat 'IN TE VULLEN'): rechtsvorm, vestigingsplaats."
        in result.output
    )
