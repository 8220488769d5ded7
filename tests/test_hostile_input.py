"""Hostile and broken YAML: one data file per case in tests/hostile/, and the table below
with the exact outcome of `dvo validate` for each (exit code, and the place and code of every
finding; for some cases the whole Dutch line as well).

A case file goes into a fresh copy of the example region in one of three ways:
  vervang  the target file becomes the case file;
  achter   the case file is appended to the target file;
  regel    the case file replaces the one line `regel` of the target.
In the expected lines, `{n}` is the line number that line n of the case file ends
up on in the target, so the table stays right when the example data changes.
Every case also checks: no traceback, nothing written anywhere in the region.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, Region, located

HOSTILE = REPO / "tests" / "hostile"
D = "gemeenten/druten.yaml"
R = "content/regio.yaml"
ANKERS = "ankers en verwijzingen (&, *) zijn niet toegestaan in gegevensbestanden"


@dataclass(frozen=True)
class Case:
    id: str
    how: str  # vervang | achter | regel
    target: str
    expect: tuple[str, ...]  # every finding as `path:line:col [code]` (see _f); `{n}` see the module docstring
    exit: int = 1
    regel: str = ""
    file: str = ""  # defaults to <id>.yaml
    wording: tuple[str, ...] = ()  # whole lines that must be printed exactly (see _line)

    @property
    def path(self) -> Path:
        return HOSTILE / (self.file or f"{self.id}.yaml")


def _f(line: str | int, col: int, code: str, target: str = D) -> str:
    """A finding's place and code."""
    return f"{target}:{line}:{col} [{code}]"


def _line(line: str | int, col: int, message: str, code: str, target: str = D) -> str:
    """A finding's whole line, as `dvo validate` prints it."""
    return f"{target}:{line}:{col}: {message} [{code}]"


FIN = "    participatiebudget: 325200"  # Druten, financien 2015 (seed 001 §7.4)
PEIL = "  peildatum: 2012-12-31"
MONEY = "financien[2015].participatiebudget: verwacht een bedrag in euro's"

CASES = [
    # Parsing is bounded: refused before any parser builds data.
    Case(
        "alias-bom",
        "achter",
        D,
        (_f("{2}", 6, "yaml-niet-toegestaan"),),
        wording=(
            _line(
                "{2}",
                6,
                f"{ANKERS}; gevonden '&a' (61 keer in dit bestand): schrijf de waarden voluit",
                "yaml-niet-toegestaan",
            ),
        ),
    ),
    Case("anker-en-verwijzing", "vervang", D, (_f("{2}", 7, "yaml-niet-toegestaan"),)),
    Case(
        "samenvoegsleutel",
        "vervang",
        D,
        (_f("{5}", 3, "yaml-niet-toegestaan"),),
        wording=(
            _line(
                "{5}",
                3,
                "samenvoegsleutels ('<<') zijn niet toegestaan in gegevensbestanden: schrijf de velden voluit",
                "yaml-niet-toegestaan",
            ),
        ),
    ),
    Case(
        "python-object",
        "vervang",
        D,
        (_f("{2}", 7, "yaml-niet-toegestaan"),),
        wording=(
            _line(
                "{2}",
                7,
                "YAML-labels (tags) zijn niet toegestaan in gegevensbestanden; gevonden "
                "'!!python/object/apply:os.system'. "
                "Begint een tekst met '!', zet hem dan tussen aanhalingstekens",
                "yaml-niet-toegestaan",
            ),
        ),
    ),
    Case("andere-labels", "vervang", D, (_f("{2}", 7, "yaml-niet-toegestaan"),)),
    Case(
        "diep-genest",
        "vervang",
        D,
        (_f("{2}", 38, "te-diep-genest"),),
        wording=(
            _line(
                "{2}",
                38,
                "te diep genest: meer dan 32 lijsten en blokken in elkaar; controleer de inspringing en de haakjes",
                "te-diep-genest",
            ),
        ),
    ),
    Case("diep-genest-blok", "vervang", D, (_f("{34}", 65, "te-diep-genest"),)),
    Case("diep-genest-2000", "vervang", D, (_f("{2}", 1006, "te-diep-genest"),)),
    Case(
        "sleutels",
        "achter",
        D,
        (_f("{1}", 3, "sleutel-ongeldig"), _f("{3}", 1, "sleutel-ongeldig")),
        wording=(
            _line(
                "{1}", 3, "een sleutel moet een enkele tekst of een getal zijn, geen lijst of blok", "sleutel-ongeldig"
            ),
            _line("{3}", 1, "een sleutel mag niet leeg zijn: verwacht 'naam: waarde'", "sleutel-ongeldig"),
        ),
    ),
    # Broken files: a message at the line, never a traceback.
    Case(
        "syntaxfout",
        "vervang",
        D,
        (_f("{3}", 9, "yaml-ongeldig"),),
        wording=(
            _line(
                "{3}",
                9,
                "ongeldige YAML-opmaak: een lijst tussen [ ] is niet gesloten of mist een komma",
                "yaml-ongeldig",
            ),
        ),
    ),
    Case(
        "tab",
        "vervang",
        D,
        (_f("{3}", 1, "yaml-ongeldig"),),
        wording=(
            _line(
                "{3}", 1, "ongeldige YAML-opmaak: tab gevonden: spring in met spaties, niet met tabs", "yaml-ongeldig"
            ),
        ),
    ),
    Case(
        "dubbele-sleutel",
        "vervang",
        D,
        (_f("{4}", 1, "sleutel-dubbel"),),
        wording=(
            _line(
                "{4}",
                1,
                "dubbele sleutel 'naam': elke sleutel mag maar één keer voorkomen (eerste keer in het blok vanaf "
                "regel 1)",
                "sleutel-dubbel",
            ),
        ),
    ),
    Case("twee-documenten", "vervang", D, (_f("{2}", 1, "yaml-ongeldig"),)),
    Case("leeg", "vervang", D, (_f(1, 1, "structuur-ongeldig"),)),
    Case("alleen-commentaar", "vervang", D, (_f(1, 1, "structuur-ongeldig"),)),
    Case(
        "lijst",
        "vervang",
        D,
        (_f(1, 1, "structuur-ongeldig"),),
        wording=(
            _line(1, 1, "verwacht een blok met velden (sleutel: waarde) bovenaan het bestand", "structuur-ongeldig"),
        ),
    ),
    Case(
        "geen-utf8",
        "vervang",
        D,
        (_f("{2}", 9, "tekenset-ongeldig"),),
        wording=(
            _line(
                "{2}",
                9,
                "bestand is geen geldige UTF-8-tekst: byte 0xFC hoort niet in UTF-8 (opgeslagen als Windows-1252 "
                "of Latin-1?); "
                "sla het bestand op als UTF-8",
                "tekenset-ongeldig",
            ),
        ),
    ),
    Case(
        "nul-byte",
        "vervang",
        D,
        (_f("{2}", 10, "teken-ongeldig"),),
        wording=(
            _line(
                "{2}",
                10,
                "ongeldig teken U+0000 in het bestand: YAML staat geen stuurtekens toe; verwijder het",
                "teken-ongeldig",
            ),
        ),
    ),
    # Money: finite, plain, plausible.
    Case("geld-nan", "regel", D, (_f("{1}", 25, "bedrag-ongeldig"),), regel=FIN),
    Case(
        "geld-inf",
        "regel",
        D,
        (_f("{1}", 25, "bedrag-ongeldig"),),
        regel=FIN,
        wording=(_line("{1}", 25, f"{MONEY}, gevonden '.inf'", "bedrag-ongeldig"),),
    ),
    Case("geld-1e400", "regel", D, (_f("{1}", 25, "getalnotatie-ongeldig"),), regel=FIN),
    Case(
        "geld-e-notatie",
        "regel",
        D,
        (_f("{1}", 25, "getalnotatie-ongeldig"),),
        regel=FIN,
        wording=(
            _line(
                "{1}", 25, f"{MONEY} voluit geschreven, zonder e-notatie, gevonden '3.252e5'", "getalnotatie-ongeldig"
            ),
        ),
    ),
    Case("geld-31-cijfers", "regel", D, (_f("{1}", 25, "waarde-buiten-bereik"),), regel=FIN),
    Case(
        "geld-5000-cijfers",
        "regel",
        D,
        (_f("{1}", 25, "waarde-buiten-bereik"),),
        regel=FIN,
        wording=(
            _line(
                "{1}",
                25,
                f"{MONEY} van hoogstens 15 cijfers, gevonden '{'7' * 60}…' (5000 tekens)",
                "waarde-buiten-bereik",
            ),
        ),
    ),
    Case(
        "geld-miljarden",
        "regel",
        D,
        (_f("{1}", 25, "waarde-buiten-bereik"),),
        regel=FIN,
        wording=(
            _line(
                "{1}",
                25,
                "financien[2015].participatiebudget: verwacht een bedrag onder € 1 miljard (controleer het aantal "
                "nullen), "
                "gevonden '3252000000'",
                "waarde-buiten-bereik",
            ),
        ),
    ),
    Case("geld-negatief", "regel", D, (_f("{1}", 25, "waarde-buiten-bereik"),), regel=FIN),
    Case(
        "geld-duizendtallen",
        "regel",
        D,
        (_f("{1}", 25, "getalnotatie-ongeldig"),),
        regel=FIN,
        wording=(
            _line(
                "{1}",
                25,
                f"{MONEY} zonder scheidingsteken voor duizendtallen (schrijf 325200), gevonden '325.200'",
                "getalnotatie-ongeldig",
            ),
        ),
    ),
    Case(
        "geld-decimaalkomma",
        "regel",
        D,
        (_f("{1}", 25, "getalnotatie-ongeldig"),),
        regel=FIN,
        wording=(
            _line(
                "{1}",
                25,
                f"{MONEY} met een punt als decimaalteken (schrijf 325200.50), gevonden '325200,50'",
                "getalnotatie-ongeldig",
            ),
        ),
    ),
    # Dates that YAML recognises as dates but that do not exist.
    Case(
        "datum-maand-13",
        "regel",
        D,
        (_f("{1}", 14, "datum-ongeldig"),),
        regel=PEIL,
        wording=(
            _line(
                "{1}",
                14,
                "kerngegevens.peildatum: verwacht een datum als JJJJ-MM-DD (bijv. 2015-01-01), gevonden '2015-13-45'",
                "datum-ongeldig",
            ),
        ),
    ),
    Case("datum-30-februari", "regel", D, (_f("{1}", 14, "datum-ongeldig"),), regel=PEIL),
    Case("datum-jaar-99999", "regel", D, (_f("{1}", 14, "datum-ongeldig"),), regel=PEIL),
    # Slugs and codes in the region's list of gemeenten.
    *[
        # The region file does not validate, so no rule compares the gemeente files with it.
        Case(
            f"slug-{kind}",
            "regel",
            R,
            (_f("{1}", 11, "id-ongeldig", R),),
            regel="  - slug: druten",
            wording=(
                _line(
                    "{1}",
                    11,
                    "gemeenten[1].slug: verwacht een slug van kleine letters, cijfers en koppeltekens (bijv. "
                    "'west-maas-en-waal'), "
                    f"gevonden '{slug}'",
                    "id-ongeldig",
                    R,
                ),
            ),
        )
        for kind, slug in [
            ("pad", "../../etc/passwd"),
            ("hoofdletters", "Druten"),
            ("spaties", "mook en middelaar"),
            ("unicode", "drüten"),
        ]
    ],
    Case(
        "slug-dubbel",
        "regel",
        R,
        (_f("{1}", 11, "waarde-dubbel", R), _f(1, 1, "gemeente-niet-in-regio")),
        regel="  - slug: druten",
    ),
    Case(
        "cbs-dubbel",
        "regel",
        R,
        (_f("{1}", 15, "waarde-dubbel", R), _f(5, 11, "waarde-wijkt-af")),
        regel="    cbs_code: GM0225",
        wording=(
            _line(
                "{1}", 15, "gemeenten[1].cbs_code: CBS-code GM0209 staat meer dan eens in de lijst", "waarde-dubbel", R
            ),
            _line(5, 11, "cbs_code: verwacht GM0209 (zoals in content/regio.yaml), gevonden GM0225", "waarde-wijkt-af"),
        ),
    ),
]


def _place(region: Region, case: Case) -> int:
    """Put the case into the region; returns the offset of its first line in the target."""
    data = case.path.read_bytes()
    target = region.path(case.target)
    original = target.read_bytes()
    if case.how == "vervang":
        target.write_bytes(data)
        return 0
    if case.how == "achter":
        target.write_bytes(original + data)
        return original.count(b"\n")
    line = region.line_of(case.target, case.regel)
    lines = original.split(b"\n")
    assert lines[line - 1].decode() == case.regel, f"{case.regel!r} is not a whole line of {case.target}"
    target.write_bytes(b"\n".join(lines[: line - 1] + [data.rstrip(b"\n")] + lines[line:]))
    return line - 1


def tree_hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def validate(region: Region) -> tuple[int, list[str]]:
    """Exit code and output lines of `dvo validate`; asserts nothing was written and no traceback."""
    before = tree_hashes(region.root)
    result = region.dvo("validate")
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert tree_hashes(region.root) == before
    return result.exit_code, result.output.splitlines()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_case(region: Region, case: Case):
    offset = _place(region, case)
    code, lines = validate(region)

    def placed(text: str) -> str:
        return re.sub(r"\{(\d+)\}", lambda m: str(offset + int(m.group(1))), text)

    n = len(case.expect)
    assert code == case.exit
    assert lines[-1] == f"{n} {'fout' if n == 1 else 'fouten'} gevonden; er is niets geschreven."
    assert sorted(f"{location} [{c}]" for location, c in located(lines[:-1])) == sorted(map(placed, case.expect)), lines
    assert len(lines) == n + 1  # nothing else is printed
    for line in case.wording:
        assert placed(line) in lines


def test_every_case_file_is_in_the_table():
    used = {c.path.name for c in CASES}
    assert sorted(p.name for p in HOSTILE.glob("*.yaml")) == sorted(used)


def test_python_object_tag_executes_nothing(region: Region):
    _place(region, next(c for c in CASES if c.id == "python-object"))
    validate(region)
    assert not list(region.root.rglob("gemaakt-door-yaml")) and not Path("gemaakt-door-yaml").exists()


def test_alias_bomb_is_refused_in_under_a_second():
    """The eight lines that ran `dvo validate` past 60 s and 4 GB: refused from the event stream."""
    from generator.load.yamlsource import load_yaml

    path = HOSTILE / "alias-bom.yaml"
    start = time.perf_counter()
    doc, findings = load_yaml(path, "bom.yaml")
    assert time.perf_counter() - start < 1.0
    assert doc is None and [f.line for f in findings] == [2]


def test_alias_bomb_in_a_separate_process_stays_small_and_quick(region: Region):
    """The whole command, with 512 MB of address space at most: refused, not expanded."""
    _place(region, next(c for c in CASES if c.id == "alias-bom"))
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (512 * 2**20, 512 * 2**20)); "
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            limit + "from generator.cli import main; main()",
            "validate",
            "--root",
            str(region.root),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert proc.returncode == 1, proc.stderr
    assert ANKERS in proc.stderr and "Traceback" not in proc.stderr


def test_byte_order_mark_and_crlf_line_endings_are_accepted(region: Region):
    for rel in (D, R):
        data = region.path(rel).read_bytes()
        region.path(rel).write_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
    code, lines = validate(region)
    assert code == 0 and lines[0].startswith("Alle gegevens zijn geldig"), lines


def test_a_finding_after_crlf_lines_still_names_the_right_line(region: Region):
    region.replace(D, FIN, "    participatiebudget: veel")
    line = region.line_of(D, "participatiebudget: veel")
    region.path(D).write_bytes(b"\xef\xbb\xbf" + region.path(D).read_bytes().replace(b"\n", b"\r\n"))
    code, lines = validate(region)
    assert code == 1 and located(lines) == [(f"{D}:{line}:25", "bedrag-ongeldig")]


def test_a_file_above_the_size_limit_is_refused_before_it_is_read(region: Region):
    from generator.load.bounds import MAX_BYTES

    region.write(D, region.read(D) + "# " + "x" * MAX_BYTES + "\n")
    size = region.path(D).stat().st_size
    code, lines = validate(region)
    shown = f"{size:,}".replace(",", ".")
    assert code == 1 and lines[0] == _line(
        1,
        1,
        f"bestand is te groot ({shown} bytes); een gegevensbestand mag hoogstens 1.048.576 bytes (1 MB) zijn",
        "bestand-te-groot",
    )


# --- Only files inside the region repository are read ---------------------------------

SYMLINK = (
    "bestand is een symbolische koppeling naar '{target}', buiten de regio-repository; alleen bestanden in de "
    "repository worden gelezen"
)


def test_gemeente_file_linked_to_etc_passwd_is_refused_and_never_opened(region: Region, monkeypatch):
    region.path(D).unlink()
    region.path(D).symlink_to("/etc/passwd")
    opened = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self.resolve())
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    code, lines = validate(region)
    assert code == 1 and lines[0] == _line(1, 1, SYMLINK.format(target="/etc/passwd"), "bestand-buiten-repository")
    assert Path("/etc/passwd") not in opened


def test_gemeente_file_linked_to_yaml_outside_the_repository_is_refused(region: Region, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elders") / "druten.yaml"
    outside.write_bytes(region.path(D).read_bytes())  # a perfectly valid gemeente file
    region.path(D).unlink()
    region.path(D).symlink_to(outside)
    code, lines = validate(region)
    assert code == 1 and lines[0] == _line(1, 1, SYMLINK.format(target=outside.resolve()), "bestand-buiten-repository")


def test_link_inside_the_repository_is_read(region: Region):
    region.path("archief").mkdir()
    region.path(D).rename(region.path("archief/druten.yaml"))
    region.path(D).symlink_to("../archief/druten.yaml")
    code, lines = validate(region)
    assert code == 0, lines


@pytest.mark.parametrize("kind", ["lus", "wees"])
def test_looping_or_dangling_link_is_named(region: Region, kind: str):
    region.path(D).unlink()
    if kind == "lus":
        region.path(D).symlink_to("druten.yaml")
        message = "bestand is een symbolische koppeling die naar zichzelf terugverwijst (een lus)"
    else:
        region.path(D).symlink_to("weg.yaml")
        message = (
            f"bestand is een symbolische koppeling naar '{region.path('gemeenten/weg.yaml').resolve()}', maar dat "
            "bestand bestaat niet"
        )
    code, lines = validate(region)
    assert code == 1 and lines[0] == _line(1, 1, message, "koppeling-ongeldig")


def test_named_pipe_as_gemeente_file_is_refused_without_hanging(region: Region):
    region.path(D).unlink()
    os.mkfifo(region.path(D))
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--root", str(region.root)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert proc.returncode == 1
    assert located(proc.stderr.splitlines()) == [(f"{D}:1:1", "bestand-ongeschikt")], proc.stderr


@pytest.mark.parametrize(
    "rel", ["dvo_templates/dvo.html", "dvo_templates/static/print.css", "content/pages/geheim.md", "dvo_templates"]
)
def test_template_override_or_page_linked_out_of_the_repository_is_refused(region: Region, rel: str):
    path = region.path(rel)
    path.parent.mkdir(parents=True, exist_ok=True)
    target = "/etc" if rel == "dvo_templates" else "/etc/passwd"
    path.symlink_to(target)
    code, lines = validate(region)
    what = "map" if rel == "dvo_templates" else "bestand"
    message = (
        f"{what} is een symbolische koppeling naar '{target}', buiten de regio-repository; alleen bestanden in de "
        "repository worden gelezen"
    )
    assert code == 1 and lines == [
        f"{rel}:1:1: {message} [bestand-buiten-repository]",
        "1 fout gevonden; er is niets geschreven.",
    ]


def test_templates_refuse_a_link_out_of_the_repository_when_rendering(region: Region):
    """Behind validation, the template search path itself refuses (defence in depth)."""
    from jinja2 import TemplateError

    from generator.load.layout import Layout
    from generator.render.templating.environment import environment
    from generator.render.templating.search_path import Templates
    from generator.util.paths import OutsideRepository

    region.path("dvo_templates/static").mkdir(parents=True)
    region.path("dvo_templates/dvo.html").symlink_to("/etc/passwd")
    region.path("dvo_templates/static/print.css").symlink_to("/etc/passwd")
    templates = Templates.for_layout(Layout(region.root.resolve()))
    with pytest.raises(TemplateError, match="buiten de regio-repository"):
        environment(templates.dirs).get_template("dvo.html")
    with pytest.raises(OutsideRepository, match=r"sjabloon dvo_templates/static/print\.css"):
        templates.find("static/print.css")


def test_fetcher_refuses_an_override_asset_linked_out_of_the_repository(region: Region):
    from generator.load.layout import Layout
    from generator.render.pdf.fetcher import AssetFetcher
    from generator.render.templating.search_path import Templates

    static = region.path("dvo_templates/static")
    static.mkdir(parents=True)
    (static / "logo.png").symlink_to("/etc/passwd")
    fetcher = AssetFetcher(Templates.for_layout(Layout(region.root.resolve())).static_dirs)
    with pytest.raises(ValueError):
        fetcher((static / "logo.png").as_uri())
    assert fetcher.refused == [(static / "logo.png").as_uri()]


@pytest.mark.parametrize("name", ["Druten", "mook en middelaar", "drüten"])
def test_gemeente_file_name_that_is_no_slug(region: Region, name: str):
    """A copy of Druten under a name with capitals, spaces or other letters: named, and its slug compared."""
    region.write(f"gemeenten/{name}.yaml", region.read(D))
    rel = f"gemeenten/{name}.yaml"
    slug_line, id_line = region.line_of(D, "slug: druten"), region.line_of(D, "  - id: ")
    _, second = sorted([rel, D])  # the duplicate maatwerk id is reported in the file that sorts last
    code, lines = validate(region)
    assert code == 1
    assert sorted(located(lines)) == sorted(
        [
            (f"{rel}:1:1", "bestandsnaam-ongeldig"),
            (f"{rel}:{slug_line}:7", "waarde-wijkt-af"),
            (f"{second}:{id_line}:9", "waarde-dubbel"),
        ]
    )
    assert (
        lines[0] == f"{rel}:1:1: bestandsnaam: verwacht een slug van kleine letters, cijfers en koppeltekens "
        f"(bijv. 'west-maas-en-waal.yaml'), gevonden '{name}.yaml' [bestandsnaam-ongeldig]"
    )
    assert lines[-1] == "3 fouten gevonden; er is niets geschreven."
