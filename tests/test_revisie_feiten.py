"""What `dvo validate` reads of a recorded revision is kept between runs (load/revisie_feiten.py),
and the cache can only cost time: a change in the working tree, another version of the
software or a damaged cache file gives the same findings as a first run.

The example records two revisions: f88810d (the vastgestelde 2015 reports of Nijmegen, Wijchen
and the region) and 89c7a07 (Nijmegen's DVO 1.0)."""

from __future__ import annotations

import json

import pytest

from generator.load import git_revisie, revisie_feiten
from generator.util import fingerprint
from tests.conftest import Region, assert_only_finding, findings

RAPPORTEN = "f88810daa099d1656d78109ec77947d7d20e7fea"
NIJMEGEN_1_0 = "89c7a07e912ffa38aa82c8d0192fc59b81d1b0d8"
LOAD_AT = git_revisie.load_at
SOURCE_FINGERPRINT = fingerprint.source_fingerprint


def _cache(region: Region, commit: str):
    return region.root / ".staging" / "cache" / "revisies" / f"{commit}.json"


@pytest.fixture(autouse=True)
def own_cache(monkeypatch):
    """These tests look at the region's own cache folder, not the session's shared one."""
    monkeypatch.delenv(revisie_feiten.ENV, raising=False)


def _next_run(monkeypatch, *, may_read: bool) -> list[str]:
    """Forget what this process holds, as a new `dvo validate` would; with `may_read=False`
    reading a revision's data fails the test."""
    revisie_feiten._MEMORY.clear()
    git_revisie._LOADED.clear()
    from generator.compute import verantwoording

    verantwoording._BIJ_REVISIE.clear()
    calls: list[str] = []

    def counted(root, revisie):
        calls.append(revisie.hash)
        if not may_read:
            pytest.fail(f"revisie {revisie.hash[:10]} is opnieuw gelezen, maar stond in de cache")
        return LOAD_AT(root, revisie)

    monkeypatch.setattr(git_revisie, "load_at", counted)
    return calls


def test_a_second_validate_reads_no_revision_and_says_the_same(region, monkeypatch):
    calls = _next_run(monkeypatch, may_read=True)
    first = findings(region, exit_code=0)
    assert sorted(set(calls)) == sorted([RAPPORTEN, NIJMEGEN_1_0])
    for commit in (RAPPORTEN, NIJMEGEN_1_0):
        assert _cache(region, commit).is_file()
    stored = json.loads(_cache(region, RAPPORTEN).read_text(encoding="utf-8"))
    assert stored["software"].endswith(fingerprint.source_fingerprint())
    assert stored["feiten"]["rapport nijmegen 2015"]["vastgesteld"] is True

    _next_run(monkeypatch, may_read=False)
    assert findings(region, exit_code=0) == first


def test_a_changed_figure_is_found_with_a_warm_cache(region, monkeypatch):
    _next_run(monkeypatch, may_read=True)
    findings(region, exit_code=0)
    _next_run(monkeypatch, may_read=False)
    rel = "gemeenten/wijchen.yaml"  # Wijchen's first realisatie of 2015 is 119: its 2015 report is vastgesteld
    region.replace(rel, "    realisaties:\n      2015: 119\n", "    realisaties:\n      2015: 120\n")
    line = region.line_of(rel, "2015: 120")
    finding = assert_only_finding(region, f"{rel}:{line}:13", "rapport-vastgesteld")
    assert "119 werd 120" in finding


def test_another_software_version_or_a_damaged_file_reads_the_revision_again(region, monkeypatch):
    _next_run(monkeypatch, may_read=True)
    first = findings(region, exit_code=0)

    calls = _next_run(monkeypatch, may_read=True)
    monkeypatch.setattr(fingerprint, "source_fingerprint", lambda: "een andere versie")
    assert findings(region, exit_code=0) == first
    assert sorted(set(calls)) == sorted([RAPPORTEN, NIJMEGEN_1_0])
    monkeypatch.setattr(fingerprint, "source_fingerprint", SOURCE_FINGERPRINT)

    _cache(region, RAPPORTEN).write_text("{niet af", encoding="utf-8")
    _cache(region, NIJMEGEN_1_0).write_text(json.dumps({"software": "x", "feiten": []}), encoding="utf-8")
    calls = _next_run(monkeypatch, may_read=True)
    assert findings(region, exit_code=0) == first
    assert sorted(set(calls)) == sorted([RAPPORTEN, NIJMEGEN_1_0])
    assert json.loads(_cache(region, RAPPORTEN).read_text(encoding="utf-8"))["feiten"]


def test_a_revision_s_data_is_migrated_once_and_a_shared_folder_serves_every_copy(tmp_path, monkeypatch):
    from generator.load.git_revisie import Revisie, load_at
    from tests.conftest import copy_region

    monkeypatch.setenv(revisie_feiten.ENV, str(tmp_path / "gedeeld"))
    one = Region(copy_region(tmp_path / "een"))
    _next_run(monkeypatch, may_read=True)
    first = findings(one, exit_code=0)
    assert sorted(p.name for p in (tmp_path / "gedeeld").iterdir()) == [f"{NIJMEGEN_1_0}.json", f"{RAPPORTEN}.json"]
    assert not (one.root / ".staging" / "cache" / "revisies").exists()

    two = Region(copy_region(tmp_path / "twee"))  # another checkout of the same region
    _next_run(monkeypatch, may_read=False)
    assert findings(two, exit_code=0) == first

    # a build loads the revision to make the vastgestelde reports from it: without the migrations
    monkeypatch.setenv(revisie_feiten.ENV, str(tmp_path / "gedeeld"))
    _next_run(monkeypatch, may_read=True)
    monkeypatch.setattr(git_revisie, "migrated", lambda *a, **k: pytest.fail("opnieuw omgezet"))
    project = load_at(two.root, Revisie(RAPPORTEN, RAPPORTEN))
    assert project.omgezet_van is not None and project.gemeente("nijmegen").naam == "Nijmegen"
