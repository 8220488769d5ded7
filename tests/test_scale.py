"""bench/scale.py: synthetic regions of N gemeenten are valid, unique, and add up exactly."""

from __future__ import annotations

import difflib
import filecmp

from click.testing import CliRunner

from generator.cli import main
from generator.load.project import load_project
from generator.models.budget import basis_regio
from tests.conftest import REPO, bench_module


def test_region_of_90_is_valid_unique_and_adds_up(region_90):
    project = load_project(region_90)  # validation passes: every rule of the real data holds
    result = CliRunner().invoke(main, ["validate", "--root", str(region_90)])
    assert result.exit_code == 0, result.output  # also the check of vastgelegde DVO's
    assert len(project.gemeenten) == 90
    assert (
        len({g.slug for g in project.gemeenten})
        == len({g.cbs_code for g in project.gemeenten})
        == len({g.naam for g in project.gemeenten})
        == 90
    )
    for jaar in project.regio.periode.jaren:
        shares = sum(g.financien[jaar].basisdienstverlening for g in project.gemeenten)
        assert shares == basis_regio(project.regio, jaar).totaal, jaar
    ids = [m.id for g in project.gemeenten for m in g.maatwerk]
    assert (
        len(ids) == len(set(ids)) == 10 * sum(len(g.maatwerk) for g in load_project(REPO).gemeenten)
    )  # the example's afspraken, ten times


def test_a_copy_is_its_example_except_name_codes_shares_and_ids(region_90):
    example = (REPO / "gemeenten" / "wijchen.yaml").read_text(encoding="utf-8").splitlines()
    copy = (region_90 / "gemeenten" / "wijchen-3.yaml").read_text(encoding="utf-8").splitlines()
    changed = [
        line
        for line in difflib.unified_diff(example, copy, lineterm="", n=0)
        if line.startswith("+") and not line.startswith("+++")
    ]
    assert changed[:3] == ["+slug: wijchen-3", "+naam: Wijchen 3", "+cbs_code: GM9982"]
    assert [line.split(":")[0] for line in changed[3:7]] == ["+    basisdienstverlening"] * 4
    assert changed[7] == "+  - id: wijchen-beschut-werk-3"
    # What it spent on its basis share, per year, scaled with the share (not shown as overspent).
    assert changed[8:] == ["+    basisdienstverlening: 62300", "+    basisdienstverlening: 70373"]


def test_nine_gemeenten_reproduce_the_example_byte_for_byte(tmp_path):
    bench_module("scale").generate(9, tmp_path / "regio")
    for folder in ("content", "gemeenten"):
        comparison = filecmp.dircmp(REPO / folder, tmp_path / "regio" / folder)
        assert comparison.diff_files == comparison.left_only == comparison.right_only == [], folder


def test_building_every_dvo_distributes_each_kostenpost_once(project, monkeypatch):
    """Distributions span the region: per DVO they made a build quadratic in the gemeenten."""
    from generator.render.documents.dvo import view as dvo_document
    from generator.render.documents.dvo.render import render_dvo

    calls = []
    real = dvo_document.verdeel
    monkeypatch.setattr(dvo_document, "verdeel", lambda *a: calls.append(a[0].id) or real(*a))
    monkeypatch.setattr(dvo_document, "_VERDELINGEN", {})
    htmls = [render_dvo(project, g.slug, pdf=False).html for g in project.gemeenten]
    assert sorted(calls) == sorted(k.id for k in project.regio.kostenposten)
    assert "€\u00a061.318" in htmls[1]  # Druten's share of the transitiebudget (seed 001 §10.4), from the shared result
