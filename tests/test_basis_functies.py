"""The basisdienstverlening's cost lines in the DVO's content: keyed by the region's own functies,
in the shape the three fixed cost lines had, and with the names the document prints."""

from __future__ import annotations

from decimal import Decimal

from generator.load.project import load_project
from generator.models.budget import BasisRegio
from generator.render.documents.dvo.inhoud import controlegetal, plain
from generator.render.documents.dvo.view import build_document
from tests.conftest import Region, fixture_region


def _basis(kosten: dict[str, int]) -> BasisRegio:
    return BasisRegio(
        jaar=2023,
        kosten={f: Decimal(v) for f, v in kosten.items()},
        indirecte_kosten=Decimal(0),
        indirect_afgetopt=False,
    )


def test_the_cost_lines_stand_in_the_content_as_the_three_fields_did():
    """The example's records were made when a year had three fields; the same JSON keeps their controlegetal."""
    content = plain(_basis({"kandidaatsbenadering": 2_800_000, "bedrijfsdienstverlening": 1_900_000}))
    assert content == {
        "jaar": 2023,
        "kandidaatsbenadering": 2_800_000,
        "bedrijfsdienstverlening": 1_900_000,
        "indirecte_kosten": 0,
        "indirect_afgetopt": False,
        "directe_kosten": 4_700_000,
        "totaal": 4_700_000,
    }


def test_a_functie_with_the_name_of_a_total_does_not_hide_it():
    content = plain(_basis({"intake": 100, "totaal": 50}))
    assert content["kosten"] == {"intake": 100, "totaal": 50}  # kept apart, not over the total
    assert content["totaal"] == 150 and content["directe_kosten"] == 150


def test_a_renamed_functie_changes_the_content_of_the_dvo(tmp_path):
    """A name that is not its id with a capital is part of what the DVO says (the names the template
    printed before they came from the data were each an id with a capital)."""
    region = Region(fixture_region("dommeldal", tmp_path / "dommeldal"))
    # The standard text names no functie, so only Bijlage 1 shows the name.
    region.replace("content/dvo-standaardbepalingen.yaml", "[[gegeven:basisfuncties]]", "de diensten van bijlage 1")
    project = load_project(region.root)
    doc = build_document(project, project.gemeenten[0])
    assert doc.functienamen == {"intake": "Intake en diagnose"}
    assert [r.naam for r in doc.basisregels] == ["Intake en diagnose", "Werkgeverspunt", "Jobcoaching"]
    assert doc.basisregels[0].bedragen == [Decimal(310_000), Decimal(300_000)]
    before = controlegetal(doc)
    region.replace("content/regio.yaml", "naam: Jobcoaching", "naam: Coaching op de werkplek")
    renamed = load_project(region.root)
    doc = build_document(renamed, renamed.gemeenten[0])
    assert doc.functienamen == {"intake": "Intake en diagnose", "jobcoaching": "Coaching op de werkplek"}
    assert controlegetal(doc) != before
