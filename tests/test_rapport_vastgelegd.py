"""Vastgestelde reports are records: `dvo vastleggen rapport` fixes them to a revision and a
controlegetal, later data does not change them, and a changed figure of their period is refused
unless it is recorded as a herziening, which the next report shows.

On the tertaal fixture (Rivierenveld): Beekdal's report over tertaal 3 of 2016 is vastgesteld
(by its college, 14 February 2017); Beekdal's uitstroom in 2016-T3 is 320 (streefwaarde 330)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from html import unescape

import pytest

from generator.compute.verantwoording import Verantwoording
from generator.load.project import load_project
from generator.render.documents.rapport.render import render_rapport
from tests.conftest import REPO, Region, assert_finding, assert_only_finding, findings

B = "gemeenten/beekdal.yaml"


@pytest.fixture
def vastgelegd(tertaal_region: Region):
    """The tertaal region in its own git repository, Beekdal 2016-T3 vastgelegd at its first commit."""
    subprocess.run(["git", "init", "-q", str(tertaal_region.root)], check=True)
    commit = tertaal_region.commit("Rivierenveld, rapportage Beekdal 2016-T3 vastgesteld")
    result = tertaal_region.dvo("vastleggen", "rapport", "beekdal", "2016-T3")
    assert result.exit_code == 0, result.output
    tertaal_region.commit_hash = commit  # type: ignore[attr-defined]
    return tertaal_region


def html(region: Region, naam: str, code: str, revisie: str = "werkmap") -> str:
    return render_rapport(Verantwoording(load_project(region.root)), naam, code, revisie, pdf=False).html


def test_vastleggen_writes_the_revision_and_the_controlegetal_and_nothing_else(tertaal_region):
    subprocess.run(["git", "init", "-q", str(tertaal_region.root)], check=True)
    before = tertaal_region.read(B)
    commit = tertaal_region.commit("Rivierenveld")
    result = tertaal_region.dvo("vastleggen", "rapport", "beekdal", "2016-T3")
    assert result.exit_code == 0, result.output
    after = tertaal_region.read(B)
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert (
        added[0] == f"    revisie: {commit}"
        and re.fullmatch(r"    controlegetal: [0-9a-f]{64}", added[1])
        and len(added) == 2
    )
    line = tertaal_region.line_of(B, "controlegetal:")
    assert (
        result.output
        == f"De verantwoordingsrapportage Beekdal tertaal 3 van 2016 is vastgelegd: revisie {commit[:10]}, "
        f"controlegetal {added[1][-64:][:8]} in {B}, regel {line}.\n"
    )
    again = tertaal_region.dvo("vastleggen", "rapport", "beekdal", "2016-T3")
    assert again.exit_code == 0 and "was al vastgelegd" in again.output and tertaal_region.read(B) == after
    assert tertaal_region.dvo("validate").exit_code == 0


def test_vastleggen_needs_committed_data_and_a_vastgestelde_report(tertaal_region):
    result = tertaal_region.dvo("vastleggen", "rapport", "beekdal", "2016-T3")  # no git at all
    assert result.exit_code == 1 and "geen git-repository" in result.output
    subprocess.run(["git", "init", "-q", str(tertaal_region.root)], check=True)
    tertaal_region.commit("Rivierenveld")
    tertaal_region.replace(B, "trok in het najaar aan", "trok in de herfst aan")
    result = tertaal_region.dvo("vastleggen", "rapport", "beekdal", "2016-T3")
    assert result.exit_code == 1
    assert result.output == (
        "Fout: de gegevens hebben wijzigingen die nog niet in git staan (gemeenten/beekdal.yaml); commit ze eerst "
        "(git add, git commit): "
        "een vastgelegde rapportage wordt gemaakt uit de commit waarin zij is vastgesteld\n"
    )
    result = tertaal_region.dvo("vastleggen", "rapport", "heiderveen", "2016-T3")
    assert (
        result.exit_code == 2
        and "heeft status 'concept'; alleen een vastgestelde rapportage wordt vastgelegd" in result.output
    )
    result = tertaal_region.dvo("vastleggen", "rapport", "beekdal", "2019-T1")
    assert result.exit_code == 2 and "er is geen verantwoordingsrapportage over '2019-T1'" in result.output


def test_a_vastgelegde_report_does_not_change_with_later_data(vastgelegd):
    frozen = html(vastgelegd, "beekdal", "2016-T3")
    live_t1 = html(vastgelegd, "beekdal", "2017-T1")
    # later: a changed figure of the next period, a new word in the standard text, uncommitted work
    vastgelegd.replace(B, "      2017-T1: 80\n", "      2017-T1: 85\n")
    vastgelegd.replace("content/dvo-standaardbepalingen.yaml", "in een periodiek overleg", "in een regelmatig overleg")
    assert html(vastgelegd, "beekdal", "2016-T3") == frozen
    assert html(vastgelegd, "beekdal", "2017-T1") != live_t1  # the live report follows the data
    assert f"bronrevisie {vastgelegd.commit_hash[:10]}" in frozen and "+gewijzigd" not in frozen
    assert "Deze vastgestelde rapportage is vastgelegd: zij wordt gemaakt uit revisie" in re.sub(r"\s+", " ", frozen)


def test_a_changed_figure_of_a_vastgestelde_period_is_refused_until_recorded_as_a_herziening(vastgelegd):
    vastgelegd.replace(B, "      2016-T3: 320\n", "      2016-T3: 325\n")
    line = vastgelegd.line_of(B, "2016-T3: 325")
    finding = assert_only_finding(vastgelegd, f"{B}:{line}:16", "rapport-vastgesteld")
    assert (
        "prestatie_indicatoren[0].realisaties[2016-T3]: realisatie 'Uitstroom naar werk': 320 werd 325, maar de "
        "verantwoordingsrapportage 'Beekdal tertaal 3 van 2016' is vastgesteld met de oude waarde. Een "
        "vastgestelde rapportage "
        "verandert niet: maak de wijziging ongedaan, of leg haar vast als herziening in gemeenten/beekdal.yaml bij "
        "rapporten[2016-T3].herzieningen (datum, door, reden)"
    ) in finding
    frozen = html(vastgelegd, "beekdal", "2016-T3")
    vastgelegd.replace(
        B,
        "    conclusies: Het maatwerk voor jongeren",
        (
            "    herzieningen:\n      - datum: 2017-03-07\n        door: college van burgemeester en wethouders "
            "van Beekdal\n"
            "        reden: Vijf uitstromers werden later in het UWV-bestand gevonden.\n    conclusies: Het "
            "maatwerk voor jongeren"
        ),
    )
    assert vastgelegd.dvo("validate").exit_code == 0
    assert html(vastgelegd, "beekdal", "2016-T3") == frozen  # the vastgestelde report stays as published
    volgende = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html(vastgelegd, "beekdal", "2017-T1"))))
    assert "Herzieningen van tertaal 3 van 2016" in volgende
    assert (
        "Rapportage Beekdal tertaal 3 van 2016 , herzien op 7 maart 2017 door college van burgemeester en "
        "wethouders van Beekdal: "
        "Vijf uitstromers werden later in het UWV-bestand gevonden."
    ) in volgende
    assert "realisatie 'Uitstroom naar werk': 320 werd 325" in volgende


def test_money_of_a_vastgestelde_period_is_a_figure_too(vastgelegd):
    vastgelegd.replace(B, "      2016-T3: 182000\n", "      2016-T3: 181000\n")
    line = vastgelegd.line_of(B, "2016-T3: 181000")
    finding = assert_only_finding(vastgelegd, f"{B}:{line}:16", "rapport-vastgesteld")
    assert (
        "maatwerk[0].besteed[2016-T3]: besteed aan maatwerkafspraak 'Jongeren aan het werk': 182.000 werd 181.000"
        in finding
    )


def test_a_software_change_of_the_content_is_re_recorded_with_vervang(vastgelegd):
    echt = re.search(r"controlegetal: ([0-9a-f]{64})", vastgelegd.read(B)).group(1)
    vastgelegd.replace(
        B, f"controlegetal: {echt}", "controlegetal: " + "f" * 64
    )  # as if the software made it differently
    line = vastgelegd.line_of(B, "controlegetal: ffff")
    finding = assert_only_finding(vastgelegd, f"{B}:{line}:20", "controlegetal-gewijzigd")
    assert "leg het controlegetal opnieuw vast met 'dvo vastleggen rapport beekdal 2016-T3 --vervang'" in finding
    result = vastgelegd.dvo("vastleggen", "rapport", "beekdal", "2016-T3")
    assert result.exit_code == 1 and "--vervang" in result.output
    result = vastgelegd.dvo("vastleggen", "rapport", "beekdal", "2016-T3", "--vervang")
    assert result.exit_code == 0, result.output
    assert f"controlegetal: {echt}" in vastgelegd.read(B) and f"revisie: {vastgelegd.commit_hash}" in vastgelegd.read(B)
    assert vastgelegd.dvo("validate").exit_code == 0


def test_a_missing_revision_of_a_report_is_a_finding(vastgelegd, tmp_path):
    import shutil

    copy = tmp_path / "kopie"
    shutil.copytree(vastgelegd.root, copy, ignore=shutil.ignore_patterns(".git"))
    lines = findings(Region(copy))
    line = Region(copy).line_of(B, "revisie:")
    assert_finding(lines, f"{B}:{line}:14", "revisie-onleesbaar")
    assert "de vastgestelde rapportage Beekdal tertaal 3 van 2016 wordt uit die revisie gemaakt, maar" in lines[0]


def test_the_open_data_of_a_vastgestelde_period_is_what_its_report_states(vastgelegd):
    import csv
    import io

    from generator.render.open_data import files

    vastgelegd.replace(B, "      2016-T3: 320\n", "      2016-T3: 325\n")
    vastgelegd.replace(
        B,
        "    conclusies: Het maatwerk voor jongeren",
        (
            "    herzieningen:\n      - datum: 2017-03-07\n        door: college van Beekdal\n        reden: "
            "Correctie.\n    conclusies: Het maatwerk voor jongeren"
        ),
    )
    rows = list(
        csv.DictReader(
            io.StringIO(files(Verantwoording(load_project(vastgelegd.root)), dt.date(2017, 1, 1))["kpi-beekdal.csv"])
        )
    )
    row = next(r for r in rows if (r["indicator"], r["periode"]) == ("uitstroom", "2016-T3"))
    assert row["realisatie"] == "320"  # as vastgesteld; the herziening shows in the next report


def test_the_example_s_vastgestelde_reports_are_recorded():
    """Nijmegen 2015, Wijchen 2015 and the region's 2015 report are vastgesteld and vastgelegd."""
    project = load_project(REPO)
    assert project.gemeente("nijmegen").rapporten["2015"].vastgelegd
    assert project.gemeente("wijchen").rapporten["2015"].vastgelegd
    assert project.regio.rapportage.rapporten["2015"].vastgelegd
    v = Verantwoording(project)
    text = render_rapport(v, "nijmegen", "2015", "werkmap+gewijzigd", pdf=False).html
    revisie = project.gemeente("nijmegen").rapporten["2015"].revisie
    assert f"bronrevisie {revisie[:10]}" in text and "werkmap+gewijzigd" not in text


def test_several_reports_of_one_revision_are_recorded_before_one_commit(tertaal_region):
    """Recording writes bookkeeping only; the next report of the same commit may be recorded
    before that is committed, but any other uncommitted change is still refused."""
    H = "gemeenten/heiderveen.yaml"
    tertaal_region.replace(
        H,
        "dvo:\n",
        "rapporten:\n  2016-T3:\n    status: vastgesteld\n    vastgesteld:\n      door: college van "
        "Heiderveen\n      datum: 2017-02-16\n\ndvo:\n",
    )
    subprocess.run(["git", "init", "-q", str(tertaal_region.root)], check=True)
    commit = tertaal_region.commit("Rivierenveld")
    assert tertaal_region.dvo("vastleggen", "rapport", "beekdal", "2016-T3").exit_code == 0
    result = tertaal_region.dvo("vastleggen", "rapport", "heiderveen", "2016-T3")
    assert result.exit_code == 0, result.output
    assert f"revisie: {commit}" in tertaal_region.read(H) and f"revisie: {commit}" in tertaal_region.read(B)
    tertaal_region.replace(B, "trok in het najaar aan", "trok in de herfst aan")
    tertaal_region.replace(H, f"revisie: {commit}\n", "")
    tertaal_region.replace(H, re.search(r"    controlegetal: [0-9a-f]{64}\n", tertaal_region.read(H)).group(0), "")
    result = tertaal_region.dvo("vastleggen", "rapport", "heiderveen", "2016-T3")
    assert result.exit_code == 1 and "wijzigingen die nog niet in git staan (gemeenten/beekdal.yaml" in result.output


def test_vastleggen_explains_its_arguments(tertaal_region):
    """Wrong arguments are a usage fault (exit 2, one Dutch line), never a traceback."""
    cases = {
        ("rapport", "beekdal"): "verwacht 'dvo vastleggen rapport NAAM PERIODE'",
        ("rapport", "beekdal", "2016-T3", "--versie", "1.0"): "--versie hoort bij een DVO, niet bij een rapportage",
        ("beekdal", "extra"): "te veel argumenten: extra",
    }
    for args, expected in cases.items():
        result = tertaal_region.dvo("vastleggen", *args)
        assert result.exit_code == 2, result.output
        assert expected in result.output and "Traceback" not in result.output
