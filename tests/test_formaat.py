"""The data format (load/formaat) and `dvo bijwerken`: older regions are recognised, converted
in place with their comments and formatting kept, written all or nothing, and read from git
through the same steps.

The old regions are real: tests/fixtures/oud-formaat2 is a region written in format 2 (it
validates with the software of commit c56c748), and the example region itself is taken from
this repository's history at its releases (format 1: 57cbb97, format 2: c56c748, format 3:
7c895c7, which holds Nijmegen's vastgestelde 1.0 with its controlegetal).
"""

from __future__ import annotations

import difflib
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.load.formaat import HUIDIG, Migratie, herken
from generator.load.formaat.yamltekst import YamlTekst
from tests.conftest import REPO, Region, flat, pdf_pages

OUD = REPO / "tests" / "fixtures" / "oud-formaat2"
RELEASES = {1: "57cbb97", 2: "c56c748", 3: "7c895c7"}  # the example region as each format released it


def _have(rev: str) -> bool:
    return (
        subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{rev}^{{commit}}"], capture_output=True).returncode
        == 0
    )


def at_release(rev: str, target: Path) -> Path:
    """The example region's files at an earlier release of this repository (a real old format)."""
    if not _have(rev):
        pytest.skip(f"revisie {rev} is niet in deze kloon (ondiep?)")
    paths = [
        p
        for p in ("content", "gemeenten", "mkdocs.yml", "dvo_templates")
        if subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{rev}:{p}"], capture_output=True).returncode == 0
    ]
    data = subprocess.run(["git", "-C", str(REPO), "archive", rev, *paths], capture_output=True, check=True).stdout
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(target, filter="data")
    return target


def tree(root: Path) -> dict[str, str]:
    """sha256 of every file under root (to prove nothing was written)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def run(root: Path, *args: str):
    return CliRunner().invoke(main, [*args, "--root", str(root)])


@pytest.fixture
def dijkland(tmp_path) -> Region:
    shutil.copytree(OUD, tmp_path / "dijkland")
    return Region(tmp_path / "dijkland")


# --- recognising a format ---------------------------------------------------------------------------


@pytest.mark.parametrize("formaat", [1, 2, 3])
def test_validate_on_a_release_of_an_older_format_prints_one_finding_and_writes_nothing(tmp_path, formaat):
    root = at_release(RELEASES[formaat], tmp_path / "regio")
    before = tree(root)
    result = run(root, "validate")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 2 and lines[1] == "1 fout gevonden; er is niets geschreven."
    assert lines[0].startswith(f"content/regio.yaml:1:1: de gegevens zijn in formaat {formaat} (herkend aan: ")
    assert lines[0].endswith(
        f"deze versie van de software leest formaat {HUIDIG}: draai `dvo bijwerken` (met --dry-run ziet u eerst "
        "wat er verandert) [formaat-ouder]"
    )
    assert tree(root) == before


def test_a_newer_format_asks_for_a_newer_generator(region):
    region.replace("content/regio.yaml", f"formaat: {HUIDIG}", f"formaat: {HUIDIG + 1}")
    result = region.dvo("validate")
    assert result.exit_code == 1
    line = region.line_of("content/regio.yaml", "formaat:")
    assert result.output.splitlines()[0] == (
        f"content/regio.yaml:{line}:10: de gegevens zijn in formaat {HUIDIG + 1}; deze versie van de software "
        "leest formaat "
        f"{HUIDIG} en ouder: werk de generator bij naar een versie die formaat {HUIDIG + 1} kent [formaat-nieuwer]"
    )


def test_a_format_that_is_no_number(region):
    region.replace("content/regio.yaml", f"formaat: {HUIDIG}", "formaat: vier")
    out = region.dvo("validate").output.splitlines()
    assert out[0].endswith(
        f"formaat: verwacht een geheel getal, het formaat van de gegevens (deze versie leest formaat {HUIDIG}), "
        "gevonden 'vier' [getal-ongeldig]"
    )


def test_the_format_is_recognised_by_what_shows_it():
    m = Migratie(
        {
            rel: (OUD / rel).read_text(encoding="utf-8")
            for rel in ("content/regio.yaml", "content/instrumentarium.yaml", "content/indicatoren.yaml")
        },
        werkmap=False,
    )
    data = [m.data(r) for r in ("content/regio.yaml", "content/instrumentarium.yaml", "content/indicatoren.yaml")]
    assert herken(*data, siteconfig=True).formaat == 2
    assert herken(*data, siteconfig=False).formaat == 1  # format 2 added the site (mkdocs.yml)
    assert herken(*data, siteconfig=None).formaat == 2  # a git revision: only the data is read
    assert herken(*data, siteconfig=True).waaraan == "'wettelijke_grondslag' in content/instrumentarium.yaml"


# --- dvo bijwerken on a region in format 2 ----------------------------------------------------------


def test_dry_run_prints_the_diff_and_writes_nothing(dijkland):
    before = tree(dijkland.root)
    result = dijkland.dvo("bijwerken", "--dry-run")
    assert result.exit_code == 0, result.output
    assert '-    wettelijke_grondslag: "Participatiewet, artikel 10"   # zie ook de verordening\n' in result.output
    assert '+      - wet: "Participatiewet, artikel 10"   # zie ook de verordening\n' in result.output
    assert "verwijderd: dvo_templates/site/regio.md\n" in result.output
    assert (
        "verplaatst: dvo_templates/rapport/macros.html -> dvo_templates/rapport/macros.html.formaat2\n" in result.output
    )
    assert (
        "Proefdraai: 9 bestanden zouden veranderen. Er is niets geschreven." in result.output
    )  # 7 edited, 1 removed, 1 set aside
    assert tree(dijkland.root) == before


def _comments(text: str) -> list[str]:
    return [
        line.split("#", 1)[1].strip() for line in text.splitlines() if "#" in line and not line.lstrip().startswith('"')
    ]


def test_bijwerken_keeps_comments_and_formatting_and_changes_only_what_the_format_changed(dijkland):
    old = {
        rel: dijkland.read(rel)
        for rel in (
            "content/regio.yaml",
            "content/instrumentarium.yaml",
            "content/indicatoren.yaml",
            "gemeenten/oeverwaard.yaml",
            "gemeenten/polderdam.yaml",
            "gemeenten/zandhoven.yaml",
            "mkdocs.yml",
        )
    }
    result = dijkland.dvo("bijwerken")
    assert result.exit_code == 0, result.output
    # Every line that was not a renamed or moved field is still there, in its order, byte for byte.
    changed_keys = (
        "wettelijke_grondslag:",
        "verordening_artikel:",
        "eerste_jaar:",
        "laatste_jaar:",
        "2016:",
        "2017:",
        "Regio: regio.md",
        "/gemeenten/*.md",
        "- {id: tevredenheid",
    )
    for rel, text in old.items():
        new = dijkland.read(rel)
        removed = [line for line in difflib.ndiff(text.splitlines(), new.splitlines()) if line.startswith("- ")]
        assert all(any(k in line for k in changed_keys) for line in removed), (rel, removed)
        assert sorted(_comments(text)) == sorted(c for c in _comments(new) if c in _comments(text)), (
            rel
        )  # no comment lost
        assert set(_comments(text)) <= set(_comments(new)), rel
    # Hand formatting kept: the unindented list, the aligned values, the flow map, four-space blocks.
    regio = dijkland.read("content/regio.yaml")
    assert "naam:             Dijkland\n" in regio and "gemeenten:\n- slug: oeverwaard\n" in regio
    assert (
        "functies:  # de functies die instrumenten, indicatoren en de basisdienstverlening noemen; vul gerust een "
        "omschrijving in\n- id: bedrijfsdienstverlening\n  naam: Bedrijfsdienstverlening\n" in regio
    )
    assert "periode:\n  van: 2016   # eerste jaar\n  tot_en_met: 2017\n" in regio
    assert regio.splitlines()[2].startswith(f"formaat: {HUIDIG}  # ")
    assert "2016: {kandidaatsbenadering: 250000, bedrijfsdienstverlening: 200000, verbindingsfunctie: 150000}" in regio
    instrumenten = dijkland.read("content/instrumentarium.yaml")
    assert (
        '    grondslag:\n      - wet: "Participatiewet, artikel 10"   # zie ook de verordening\n      - artikel: '
        "proefplaatsing\n" in instrumenten
    )
    # Written in the other order, kept in that order, with its comment on its own line.
    assert (
        "    grondslag:\n      - artikel: jobcoaching   # de wet noemt dit niet apart\n      - wet: "
        '"Participatiewet, artikel 10da"\n' in instrumenten
    )
    assert (
        "categorieen:  # de vier categorieën" in instrumenten
        and "  - id: 3\n    naam: Structurele ondersteuning bij verminderde loonwaarde\n" in instrumenten
    )
    indicatoren = dijkland.read("content/indicatoren.yaml")
    assert "    regionaal: som\n    meetwijze: stroom\n" in indicatoren
    assert "    regionaal: gewogen gemiddelde\n    meetwijze: stand\n    noemer: gemelde vacatures\n" in indicatoren
    assert indicatoren.rstrip().endswith("bron: Tevredenheidsonderzoek, meetwijze: stand}")
    polderdam = dijkland.read("gemeenten/polderdam.yaml")
    assert (
        "        besteed:\n            2016-T3: 79000\n            2017-T3: 20000\n" in polderdam
    )  # per year -> last tertaal
    assert (
        "    wijzigingen:  # regel voor de huidige versie toegevoegd door dvo bijwerken\n        -   versie: "
        '"1.0"\n            datum: 2015-12-10\n            omschrijving: Ondertekende versie.\n' in polderdam
    )
    assert "      2016-T3: 118500   # vastgesteld bij de jaarrekening\n" in dijkland.read("gemeenten/oeverwaard.yaml")
    assert "  - Regio: regio/index.md\n" in dijkland.read("mkdocs.yml")
    assert "[Regio](regio/index.md)" in dijkland.read(
        "content/pages/index.md"
    ) and "[Oeverwaard](gemeenten/oeverwaard/index.md)" in dijkland.read("content/pages/index.md")
    # The software's own old template is gone; the region's changed one is set aside, not lost.
    assert not dijkland.path("dvo_templates/site").exists()
    assert (
        dijkland.path("dvo_templates/rapport/macros.html.formaat2").read_bytes()
        == (OUD / "dvo_templates/rapport/macros.html").read_bytes()
    )
    assert not dijkland.path(".staging").exists()  # the journal is gone when it finished, and nothing else is left


# What only a person can decide, after converting the Dijkland fixture: (file, field) of each finding.
DECISIONS = [
    ("content/regio.yaml", "rapportage.escalatie.naam: in te vullen: de naam van het orgaan"),
    ("content/regio.yaml", "rapportage.onderbesteding_vanaf: in te vullen: het percentage"),
    (
        "dvo_templates/rapport/macros.html.formaat2",
        "in te vullen: uw eigen versie van het sjabloon 'rapport/macros.html' uit formaat 2",
    ),
    (
        "gemeenten/oeverwaard.yaml",
        "prestatie_indicatoren[1].toelichtingen.2016-T3.oorzaak: een beleidskeuze moet in de DVO staan",
    ),
    (
        "gemeenten/oeverwaard.yaml",
        "dvo.ondertekenaars[0].grondslag.orgaan: in te vullen: het orgaan dat besloot of mandaat gaf waarop M. de "
        "Vries tekent",
    ),
    (
        "gemeenten/oeverwaard.yaml",
        "dvo.ondertekenaars[0].grondslag.datum: in te vullen: de datum van dat besluit of mandaat",
    ),
    (
        "gemeenten/oeverwaard.yaml",
        "dvo.ondertekenaars[1].grondslag.orgaan: in te vullen: het orgaan dat besloot of mandaat gaf waarop K. "
        "Bakker tekent",
    ),
    (
        "gemeenten/oeverwaard.yaml",
        "dvo.ondertekenaars[1].grondslag.datum: in te vullen: de datum van dat besluit of mandaat",
    ),
    ("gemeenten/polderdam.yaml", "dvo.ondertekenaars[0].grondslag.orgaan: in te vullen"),
    ("gemeenten/polderdam.yaml", "dvo.ondertekenaars[0].grondslag.datum: in te vullen"),
    (
        "gemeenten/polderdam.yaml",
        "dvo.ondertekenaars[0].ondertekend.plaats: in te vullen: de plaats waar S. Visser tekende",
    ),
    (
        "gemeenten/polderdam.yaml",
        "dvo.ondertekenaars[0].ondertekend.datum: in te vullen: de datum waarop S. Visser tekende",
    ),
    ("gemeenten/polderdam.yaml", "dvo.ondertekenaars[1].grondslag.orgaan: in te vullen"),
    ("gemeenten/polderdam.yaml", "dvo.ondertekenaars[1].grondslag.datum: in te vullen"),
    ("gemeenten/polderdam.yaml", "dvo.ondertekenaars[1].ondertekend.plaats: in te vullen"),
    ("gemeenten/polderdam.yaml", "dvo.ondertekenaars[1].ondertekend.datum: in te vullen"),
    (
        "gemeenten/zandhoven.yaml",
        "maatwerk[0].indicatoren[0]: de afspraak 'Vacatures sneller vervuld' meet met 'vervulling', maar die "
        "indicator staat niet bij prestatie_indicatoren",
    ),
]


def _decide(region: Region) -> None:
    """What the region's staff fill in after reading the findings."""
    regio = region.read("content/regio.yaml")
    start = regio.index('    naam: "IN TE VULLEN')
    regio = (
        regio[:start]
        + "    naam: algemeen bestuur van de Werkorganisatie Dijkland\n"
        + regio[regio.index("    lidwoord: de", start) :]
    )
    regio = regio.replace("    lidwoord: de", "    lidwoord: het", 1)
    start = regio.index('onderbesteding_vanaf: "IN TE VULLEN')
    region.write("content/regio.yaml", regio[:start] + "onderbesteding_vanaf: 10" + regio[regio.index("\n", start) :])
    # The besluit approves the version it is about, so it is dated on or after that version (8 and 10 December).
    for slug, datum in (("oeverwaard", "2015-12-08"), ("polderdam", "2015-12-10")):
        lines = []
        for line in region.read(f"gemeenten/{slug}.yaml").splitlines(keepends=True):
            if '"IN TE VULLEN' in line:
                key = line.split(":", 1)[0]
                value = {"orgaan": "college van burgemeester en wethouders", "plaats": slug.capitalize()}.get(
                    key.strip(), datum if "besluit" in line else "2015-12-15"
                )
                line = f"{key}: {value}\n"
            lines.append(line)
        region.write(f"gemeenten/{slug}.yaml", "".join(lines))
    region.replace(
        "gemeenten/oeverwaard.yaml", "niet naar het bestand.", "niet naar het bestand ([[artikel:maatwerk]])."
    )
    region.replace("gemeenten/zandhoven.yaml", "    indicatoren: [vervulling]", "    indicatoren: [uitstroom]")
    region.path("dvo_templates/rapport/macros.html.formaat2").unlink()


def test_after_bijwerken_validate_reports_only_what_a_person_decides(dijkland):
    result = dijkland.dvo("bijwerken")
    assert "Nog door u in te vullen of te beslissen (17; `dvo validate` toont ze ook):" in result.output
    out = dijkland.dvo("validate").output.splitlines()
    assert out[-1] == f"{len(DECISIONS)} fouten gevonden; er is niets geschreven."
    findings = out[:-1]
    for (rel, text), line in zip(DECISIONS, findings, strict=True):
        assert line.startswith(f"{rel}:") and text in line, (rel, text, line)
        assert line.endswith("[in-te-vullen]") == ("in te vullen" in text), line
    # Each placeholder is reported at its own line, where the value goes.
    line = dijkland.line_of("gemeenten/polderdam.yaml", 'plaats: "IN TE VULLEN: de plaats waar S. Visser')
    assert f"gemeenten/polderdam.yaml:{line}:25: dvo.ondertekenaars[0].ondertekend.plaats" in result.output
    # The advice bijwerken gives besides: a count that may be a stand, a derived version line, old names in comments.
    assert "indicator 'bijstandsbestand': meetwijze 'stroom'" in result.output
    assert (
        "gemeenten/polderdam.yaml: dvo.wijzigingen: controleer de omschrijving van versie 1.0 ('Ondertekende versie.')"
        in result.output
    )
    assert (
        "content/instrumentarium.yaml: regel 3: het commentaar noemt nog 'wettelijke_grondslag', 'verordening_artikel'"
        in result.output
    )
    _decide(dijkland)
    result = dijkland.dvo("validate")
    assert result.exit_code == 0, result.output
    assert dijkland.dvo("bijwerken").output.startswith(f"De gegevens staan al in formaat {HUIDIG}")


def test_a_cost_line_of_format_2_becomes_a_functie_of_the_region(dijkland):
    """Format 2 had three fixed cost lines in the basisdienstverlening; they follow the region's functies
    now, so the list `functies` that format 3 makes holds them too, also one no instrument names."""
    dijkland.replace("content/instrumentarium.yaml", "functie: verbindingsfunctie", "functie: kandidaatsbenadering")
    result = dijkland.dvo("bijwerken")
    assert "functies die in gebruik zijn (bedrijfsdienstverlening, kandidaatsbenadering, verbindingsfunctie" in (
        result.output
    )
    assert "- id: verbindingsfunctie\n  naam: Verbindingsfunctie\n" in dijkland.read("content/regio.yaml")
    _decide(dijkland)
    result = dijkland.dvo("validate")
    assert result.exit_code == 0, result.output


def test_a_placeholder_does_not_hide_other_findings_in_its_file(dijkland):
    dijkland.dvo("bijwerken")
    dijkland.replace("gemeenten/polderdam.yaml", "participatiebudget: 330000", "participatiebudget: veel")
    out = dijkland.dvo("validate").output
    line = dijkland.line_of("gemeenten/polderdam.yaml", "participatiebudget: veel")
    assert (
        f"gemeenten/polderdam.yaml:{line}:29: financien[2016].participatiebudget: verwacht een bedrag in euro's, "
        "gevonden 'veel' [bedrag-ongeldig]" in out
    )
    assert "dvo.ondertekenaars[0].ondertekend.datum: in te vullen" in out


def test_format_1_gets_the_site_configuration_dvo_init_writes(dijkland):
    dijkland.path("mkdocs.yml").unlink()
    assert "de gegevens zijn in formaat 1" in dijkland.dvo("validate").output
    result = dijkland.dvo("bijwerken")
    assert "mkdocs.yml: de siteconfiguratie gemaakt (zoals `dvo init` haar schrijft)" in result.output
    site = dijkland.read("mkdocs.yml")
    assert "site_name: Werkorganisatie Dijkland\n" in site and "  - Regio: regio/index.md\n" in site
    assert not any(f.startswith("mkdocs.yml") for f in dijkland.dvo("validate").output.splitlines())


def test_the_converted_region_builds(dijkland):
    dijkland.dvo("bijwerken")
    _decide(dijkland)
    result = dijkland.dvo("build", "--jobs", "2")
    assert result.exit_code == 0, result.output
    pdf = dijkland.path("site/pdf")
    report = flat(" ".join(pdf_pages(pdf / "rapport-oeverwaard-2016-T3.pdf")))
    assert "het algemeen bestuur van de Werkorganisatie Dijkland" in report  # the decided body, in the decision list
    assert (
        dijkland.path("site/regio/index.html").is_file()
        and dijkland.path("site/gemeenten/oeverwaard/index.html").is_file()
    )


# --- the previous format: the example region as released in format 3 -------------------------------


def test_the_previous_release_converts_in_two_lines_and_keeps_every_controlegetal(tmp_path):
    root = at_release(RELEASES[3], tmp_path / "regio")
    before = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    result = run(root, "bijwerken")
    assert result.exit_code == 0, result.output
    changed = [p for p, data in before.items() if p.read_bytes() != data]
    assert changed == [root / "content" / "regio.yaml"]
    diff = [
        line
        for line in difflib.unified_diff(
            before[changed[0]].decode().splitlines(), changed[0].read_text().splitlines(), lineterm="", n=0
        )
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff == [
        f"+formaat: {HUIDIG}  # het formaat van deze gegevens (README: Gegevensformaat); `dvo bijwerken` werkt het bij",
        "+korte_naam: het Werkbedrijf  # hoe de DVO en de rapportages de organisatie verder noemen (README: "
        "korte_naam)",
        "-  eerste_jaar: 2015",
        "-  laatste_jaar: 2018",
        "+  van: 2015",
        "+  tot_en_met: 2018",
    ]
    # Heumen's signed 1.0 and Nijmegen's vastgestelde 1.0 keep their controlegetal: the DVO's content is unchanged.
    assert (
        "controlegetal:" in (root / "gemeenten" / "nijmegen.yaml").read_text()
        and "controlegetal:" in (root / "gemeenten" / "heumen.yaml").read_text()
    )
    result = run(root, "validate")
    # What remains are the flaws of that release's example that format 5's rules refuse (issue 21):
    # unreachable percentages, besluiten dated before their version, targets worse than the
    # nulmeting. No controlegetal finding: the conversion changed nothing that was agreed.
    codes = {line.rsplit("[", 1)[-1].rstrip("]") for line in result.output.splitlines()[:-1]}
    assert result.exit_code == 1 and codes == {
        "percentage-onmogelijk",
        "volgorde-ongeldig",
        "streefwaarde-onder-nulmeting",
    }, result.output


# --- all or nothing ------------------------------------------------------------------------------------


def test_an_interrupted_bijwerken_leaves_every_file_as_it_was(dijkland, monkeypatch):
    import generator.util.atomic as atomic

    before = tree(dijkland.root)
    real, calls = os.replace, []

    def failing(src, dst):
        calls.append(dst)
        if len(calls) == 4:  # three files are already replaced
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", failing)
    result = dijkland.dvo("bijwerken")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Fout: schrijven mislukt: ")
    assert result.output.strip().endswith("er is niets geschreven")
    monkeypatch.setattr(atomic.os, "replace", real)
    assert tree(dijkland.root) == before  # also no temp files and no journal left


KILLED = """
import os, sys
import generator.util.atomic as atomic
real, calls = os.replace, []
def killed(src, dst):
    calls.append(dst)
    if len(calls) == 4:
        os._exit(9)  # the power goes out: no clean-up, no roll-back
    return real(src, dst)
atomic.os.replace = killed
from generator.cli import main
main(["bijwerken", "--root", sys.argv[1]])
"""


def test_a_killed_bijwerken_is_rolled_back_by_the_next_run(dijkland, tmp_path):
    clean = tmp_path / "schoon"
    shutil.copytree(OUD, clean)
    assert run(clean, "bijwerken").exit_code == 0
    before = tree(dijkland.root)
    proc = subprocess.run([sys.executable, "-c", KILLED, str(dijkland.root)], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 9
    assert (dijkland.root / ".staging" / "bijwerken" / "journal.json").is_file()
    assert tree(dijkland.root) != before  # half done
    result = dijkland.dvo("validate")
    assert result.exit_code == 1 and "een eerdere `dvo bijwerken` is afgebroken" in result.output
    result = dijkland.dvo("bijwerken")
    assert result.exit_code == 0, result.output
    assert "Een afgebroken eerdere `dvo bijwerken` is eerst teruggezet" in result.output
    assert tree(dijkland.root) == tree(clean)


# --- older revisions through the same steps ----------------------------------------------------------


@pytest.mark.parametrize("formaat", [1, 2, 3])
def test_every_release_loads_from_git_converted_in_memory(formaat):
    from generator.load.git_revisie import load_at, resolve
    from generator.models.budget import budget_gemeente

    if not _have(RELEASES[formaat]):
        pytest.skip("geschiedenis niet beschikbaar")
    project = load_at(REPO, resolve(REPO, RELEASES[formaat]))
    assert project.omgezet_van == formaat
    assert [g.slug for g in project.gemeenten][:3] == ["beuningen", "druten", "groesbeek"]
    # The data itself is not changed by the conversion: Nijmegen's 2015 budget is the seed's (§7.4).
    nijmegen = budget_gemeente(project.gemeente("nijmegen"), 2015)
    assert (nijmegen.beschikbaar, nijmegen.basisdienstverlening, nijmegen.verplichtingen) == (
        11149000,
        7781000,
        2871000,
    )


def test_wijzigingen_compares_revisions_in_two_formats(tmp_path):
    for rev in (RELEASES[2], RELEASES[3]):
        if not _have(rev):
            pytest.skip("geschiedenis niet beschikbaar")
    result = run(REPO, "wijzigingen", "nijmegen", "--van", RELEASES[2], "--tot", RELEASES[3], "--uit", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = flat(" ".join(pdf_pages(Path(result.output.splitlines()[1]))))
    assert f"revisie c56c748098 (gegevensformaat 2, omgezet naar {HUIDIG})" in text
    assert f"revisie 7c895c7c48 (gegevensformaat 3, omgezet naar {HUIDIG})" in text
    assert "Budget: geen bedragen veranderd." in text


def test_the_readme_tells_what_changed_in_every_format():
    from generator.load.formaat import OUDSTE, STAPPEN

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Gegevensformaat en `dvo bijwerken`") :]
    section = section[: section.index("\n## ", 10)]
    for n in [OUDSTE] + [s.naar for s in STAPPEN]:
        assert f"**Formaat {n}**" in section, n
    assert f"formaat: {HUIDIG}" in section


# --- the text editor the steps use -----------------------------------------------------------------------


def test_the_editor_changes_only_the_bytes_it_edits():
    text = (
        "# kop\nnaam:   X    # naam\nlijst:\n- a:  1\n  b: 2\nblok:\n    diep: {x: 1,  y: 2}\n    tekst: >-\n      "
        "lang\n\nnog: 3\n"
    )
    t = YamlTekst(text, "t.yaml")
    t.add_entry(t.at("blok"), "nieuw", [{"p": 1}], after="diep")
    t.add_entry(t.at("blok", "diep"), "z", 3)
    t.replace(t.at("lijst", 0, "a"), "9")
    t.add_entry(t.root, "eerst", "ja", before="naam", comment="c")
    assert t.result() == (
        "# kop\neerst: ja  # c\nnaam:   X    # naam\nlijst:\n- a:  9\n  b: 2\nblok:\n    diep: {x: 1,  y: 2, z: 3}\n"
        "    nieuw:\n    - p: 1\n    tekst: >-\n      lang\n\nnog: 3\n"
    )


def test_the_editor_adds_after_a_block_scalar_before_its_blank_lines():
    t = YamlTekst("a:\n  tekst: |\n    regel\n\n  b: 1\n", "t.yaml")
    t.add_entry(t.at("a"), "c", 2, after="tekst")
    assert t.result() == "a:\n  tekst: |\n    regel\n  c: 2\n\n  b: 1\n"
