"""Repeated findings with one cause: `dvo validate` tells them once, at their first place, with
how often and where else they occur; the code stays at the end of the line, the count of all
findings and the exit code stay as they were."""

from __future__ import annotations

from generator.load.findings import Finding, samengevat
from tests.conftest import FINDING, SLUGS, findings


def test_the_same_unknown_field_in_every_gemeente_is_one_line_with_its_count(region):
    for slug in SLUGS:
        region.write(f"gemeenten/{slug}.yaml", region.read(f"gemeenten/{slug}.yaml") + "extra_veld: 1\n")
    lines = findings(region)  # exit code 1, no traceback
    assert lines[-1] == "9 fouten gevonden; er is niets geschreven."
    assert len(lines) == 2, lines
    first = FINDING.fullmatch(lines[0])
    assert first["code"] == "veld-onbekend"  # the code stays last
    line = lambda slug: region.line_of(f"gemeenten/{slug}.yaml", "extra_veld: 1")  # noqa: E731
    assert first["location"] == f"gemeenten/beuningen.yaml:{line('beuningen')}:1"
    elders = ", ".join(f"gemeenten/{slug}.yaml:{line(slug)}" for slug in SLUGS[1:])
    assert first["message"].startswith("extra_veld: onbekend veld (tikfout?)")
    assert first["message"].endswith(f" (en nog 8 keer: {elders})")


def test_one_emptied_list_is_told_once_per_value_with_the_lines_in_its_file(region):
    text = region.read("content/instrumentarium.yaml")
    start = text.index("categorieen:\n")
    end = text.index("\ninstrumenten:", start)
    region.write("content/instrumentarium.yaml", text[:start] + "categorieen: []\n" + text[end:])
    lines = findings(region)
    verwijzingen = [FINDING.fullmatch(line) for line in lines[:-1]]
    assert all(m and m["code"] == "verwijzing-onbekend" for m in verwijzingen), lines
    total = int(lines[-1].split()[0])
    assert (
        total == len(region.read("content/instrumentarium.yaml").split("\n    categorie: ")) - 1
    )  # one per instrument
    assert len(verwijzingen) < total  # each category value once, the other lines listed in it
    told = sum(
        1 + int(m["message"].split("(en nog ")[1].split()[0]) if "(en nog " in m["message"] else 1 for m in verwijzingen
    )
    assert told == total  # every place is still named
    rest = [m["message"] for m in verwijzingen if "(en nog " in m["message"]]
    assert rest and all(" keer: regels " in msg for msg in rest), rest


def test_two_of_a_kind_stay_two_lines_and_different_causes_are_never_merged():
    f = lambda path, line, msg, code="bedrag-ongeldig": Finding(path, line, 3, msg, code)  # noqa: E731
    two = [
        f("a.yaml", 1, "x[2016]: verwacht een bedrag, gevonden 'veel'"),
        f("a.yaml", 2, "x[2017]: verwacht een bedrag, gevonden 'veel'"),
    ]
    assert samengevat(two) == [str(two[0]), str(two[1])]
    three = two + [f("b.yaml", 7, "x[2018]: verwacht een bedrag, gevonden 'veel'")]
    assert samengevat(three) == [
        "a.yaml:1:3: x[2016]: verwacht een bedrag, gevonden 'veel' (en nog 2 keer: regel 2; b.yaml:7) [bedrag-ongeldig]"
    ]
    other_value = three + [f("a.yaml", 9, "x[2019]: verwacht een bedrag, gevonden 'weinig'")]
    assert samengevat(other_value)[-1] == str(other_value[-1])
    other_code = three + [f("a.yaml", 9, "x[2019]: verwacht een bedrag, gevonden 'veel'", "waarde-dubbel")]
    assert samengevat(other_code)[-1] == str(other_code[-1])


def test_placeholders_stay_one_line_each():
    """Each 'IN TE VULLEN' is a decision of its own, at the line where its value goes."""
    places = [
        Finding(
            f"gemeenten/g{i}.yaml",
            9,
            25,
            "dvo.ondertekenaars[1].grondslag.orgaan: in te vullen: het orgaan",
            "in-te-vullen",
        )
        for i in range(4)
    ]
    assert samengevat(places) == [str(f) for f in places]
