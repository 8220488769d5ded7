"""`dvo wijzigingen` and the overzicht in `dvo build`: a small git repository in tmp_path with
one changed clause word, one changed budget figure, two changed streefwaarden and one new
maatwerk afspraak; the exact inserted and deleted words and the differences, read from the
real PDF; bad input."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from generator.render.documents.wijzigingen.vergelijk import GELIJK, INGEVOEGD, VERWIJDERD, Stuk, woorddiff
from generator.util.formatting import euro
from tests.conftest import REPO, Region, copy_region, flat, pdf_pages
from tests.pdf_structure import read as read_tagged

H = "gemeenten/heumen.yaml"
STANDAARD = "content/dvo-standaardbepalingen.yaml"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_AUTHOR_DATE": "2015-01-01T12:00:00",
    "GIT_COMMITTER_DATE": "2015-01-01T12:00:00",
}
NEW_AFSPRAAK = """  - id: heumen-taalcoach
    titel: Taalcoaches voor nieuwkomers
    doelgroep: Nieuwkomers in de bijstand die Nederlands leren
    omschrijving: Een vrijwillige taalcoach naast een werkervaringsplaats.
    budget:
      2017: 12000
    instrumenten: [taal-en-werk, werkervaringsplaats]
    indicatoren: [uitstroom-werk]
    deelnemers:
      2017: 4
"""


def git(root: Path, *args: str) -> str:
    out = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, env={**os.environ, **GIT_ENV})
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def commit(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD")


def _participatiebudget_2016(region: Region) -> int:
    text = region.read(H)
    block = text[text.index("  2016:\n") :]
    return int(re.search(r"participatiebudget: (\d+)", block).group(1))


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """c0: content only; c1: Heumen ondertekend 1.0; c2: Heumen 1.1 concept with three changes."""
    root = copy_region(tmp_path_factory.mktemp("git-regio"))
    region = Region(root)
    git(root, "init", "-q")
    gemeenten = root / "gemeenten"
    gemeenten.rename(root / "gemeenten-later")
    c0 = commit(root, "regio zonder gemeenten")
    (root / "gemeenten-later").rename(gemeenten)
    c1 = commit(root, "Heumen 1.0 ondertekend")
    oud = _participatiebudget_2016(region)
    region.replace(STANDAARD, "opzegtermijn van ten minste zes maanden", "opzegtermijn van ten minste drie maanden")
    region.replace(H, f"    participatiebudget: {oud}\n", f"    participatiebudget: {oud + 10000}\n")
    # two streefwaarden: a percentage and a score, whose changes are written as every report writes them
    region.replace(H, "      2016: 73.0\n      2017: 75.0\n", "      2016: 73.0\n      2017: 77.0\n")
    region.replace(H, "      2016: 7.4\n      2017: 7.6\n", "      2016: 7.4\n      2017: 8.1\n")
    text = region.read(H)
    end = text.index("\n# Prestatie-indicatoren")
    region.write(H, text[:end] + "\n" + NEW_AFSPRAAK.rstrip("\n") + text[end:])
    region.replace(
        H,
        '  status: ondertekend\n  versie: "1.0"\n  datum: 2014-12-09',
        '  status: concept\n  versie: "1.1"\n  datum: 2015-03-01',
    )
    region.write(H, re.sub(r"      ondertekend:\n        plaats: .*\n        datum: .*\n", "", region.read(H)))
    for besluit in (
        '        datum: 2014-12-09\n        kenmerk: "2014/1187"\n',
        "        datum: 2014-12-11\n        kenmerk: BCW-2014-014\n",
    ):
        region.replace(H, besluit, "")  # the besluiten of 1.0 do not approve 1.1
    region.write(
        H,
        region.read(H)
        + f"      revisie: {c1}\n"
        + '    - versie: "1.1"\n      datum: 2015-03-01\n      omschrijving: Kortere opzegtermijn, taalcoaches.\n',
    )
    assert region.dvo("validate").exit_code == 0, region.dvo("validate").output
    c2 = commit(root, "Heumen 1.1")
    return {"root": root, "region": region, "c0": c0, "c1": c1, "c2": c2, "oud": oud}


def _run(root: Path, *args: str):
    return CliRunner().invoke(main, ["wijzigingen", *args, "--root", str(root)])


def _section(html: str, heading: str) -> str:
    start = html.index(heading)
    return html[start : html.index("</section>", start)]


def test_word_diff_marks_exactly_the_changed_words():
    assert woorddiff("een termijn van zes maanden", "een termijn van drie maanden") == [
        Stuk(GELIJK, "een termijn van"),
        Stuk(VERWIJDERD, "zes"),
        Stuk(INGEVOEGD, "drie"),
        Stuk(GELIJK, "maanden"),
    ]
    # a short common word between two changes does not chop the change in two
    assert woorddiff("A wordt B van C", "X wordt Y van Z") == [
        Stuk(VERWIJDERD, "A wordt B van C"),
        Stuk(INGEVOEGD, "X wordt Y van Z"),
    ]


def test_redline_between_two_revisions(repo, tmp_path):
    result = _run(repo["root"], "heumen", "--van", repo["c1"], "--tot", repo["c2"], "--uit", str(tmp_path))
    assert result.exit_code == 0, result.output
    stem = f"wijzigingen-heumen-{repo['c1'][:10]}-{repo['c2'][:10]}"
    assert result.output.splitlines() == [str(tmp_path / f"{stem}.html"), str(tmp_path / f"{stem}.pdf")]
    html = (tmp_path / f"{stem}.html").read_text()
    text = " ".join(flat(p) for p in pdf_pages(tmp_path / f"{stem}.pdf"))
    reader = PdfReader(str(tmp_path / f"{stem}.pdf"))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # PDF/A, tagged
    assert 'pdfuaid:part="1"' in xmp  # the shared pipeline's PDF/UA finish applies to the overzicht too
    tagged = read_tagged(tmp_path / f"{stem}.pdf")
    (title,) = tagged.roles("/H1")
    assert flat(tagged.text_of(title)) == "Wijzigingsoverzicht DVO gemeente Heumen"
    assert sum(u for u in tagged.unmarked) == 0  # everything painted is content or an artifact
    assert any("[ingevoegd:" in tagged.text_of(e) for e in tagged.elements)  # the words a screen reader reads
    assert '<html lang="nl">' in html and '<main id="inhoud">' in html

    # one clause word: exactly "zes" deleted and "drie" inserted, in the article on opzegging
    opzegging = _section(html, "Opzegging <span")
    assert re.findall(r"<del>(.*?)</del>", opzegging) == ["zes"] and re.findall(r"<ins>(.*?)</ins>", opzegging) == [
        "drie"
    ]
    assert "opzegtermijn van ten minste [verwijderd: zes] [ingevoegd: drie] maanden" in text
    assert "Artikel 5. Opzegging gewijzigd" in text
    assert "Artikelen: 1 gewijzigd, 0 nieuw, 0 vervallen." in text

    # one budget figure: 2016, old / new / difference, and what follows from it
    oud, nieuw = repo["oud"], repo["oud"] + 10000
    assert f"Participatiebudget {euro(oud)} {euro(nieuw)} +{euro(10000)}" in text
    assert "Budget: bedragen veranderd in 2016, 2017." in text  # 2017: the new afspraak
    budget_2015 = _section(html, "Budget per jaar")
    assert "Budget 2015: oud, nieuw en verschil, in euro's (ongewijzigd)" in budget_2015

    # one new maatwerk afspraak, with its budget as new
    assert "Taalcoaches voor nieuwkomers nieuw" in text
    assert f"2017 – {euro(12000)} nieuw – 4" in text
    assert "Maatwerkafspraken: 0 gewijzigd, 1 nieuw, 0 vervallen." in text
    assert "Toegewezen aan maatwerkafspraken" in text and f"+{euro(12000)}" in text
    assert "Prestatie-indicatoren: 2 gewijzigd, 0 nieuw, 0 vervallen." in text
    # a change of a streefwaarde in its unit's way of writing a difference (models/kinds.Eenheid.verschil)
    assert "Streefwaarde 2017 75,0% 77,0% +2,0 %-punt" in text
    assert "Streefwaarde 2017 7,6 8,1 +0,5 punt" in text


def test_redline_against_the_working_tree(repo, tmp_path):
    region = repo["region"]
    region.replace(STANDAARD, "ten minste drie maanden", "ten minste vier maanden")
    try:
        result = _run(repo["root"], "heumen", "--van", repo["c1"], "--uit", str(tmp_path))
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[1].endswith(f"wijzigingen-heumen-{repo['c1'][:10]}-werkmap.pdf")
        text = " ".join(flat(p) for p in pdf_pages(Path(result.output.splitlines()[1])))
        assert "[verwijderd: zes] [ingevoegd: vier]" in text and "werkmap (nog niet in git vastgelegd)" in text
    finally:
        git(repo["root"], "checkout", "-q", "--", STANDAARD)


@pytest.mark.parametrize(
    "args, message",
    [
        (["heumen", "--van", "bestaatniet"], "Fout: revisie 'bestaatniet' bestaat niet in deze repository"),
        (["heumen", "--van", "C0"], "Fout: de gemeente 'heumen' bestond nog niet in revisie"),
        (["heumen", "--van", "C1", "--tot", "C0"], "Fout: de gemeente 'heumen' bestond nog niet in revisie"),
        (["heumen", "--van", "--onzin"], "Fout: '--onzin' is geen revisie"),
    ],
)
def test_bad_revisions_give_one_dutch_line_and_exit_2(repo, tmp_path, args, message):
    args = [{"C0": repo["c0"], "C1": repo["c1"]}.get(a, a) for a in args]
    result = _run(repo["root"], *args, "--uit", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith(message), result.output
    assert list(tmp_path.iterdir()) == []


def test_not_a_git_repository(tmp_path):
    region = Region(copy_region(tmp_path / "kopie", git=False))
    uit = region.root / "uit"
    result = region.dvo("wijzigingen", "heumen", "--van", "HEAD", "--uit", str(uit))
    assert result.exit_code == 2
    assert (
        result.output
        == "Fout: de map van de regio is geen git-repository (en ligt er niet in); het wijzigingsoverzicht leest "
        "eerdere versies uit git\n"
    )
    assert not uit.exists()


def test_build_makes_the_overzicht_and_the_gemeente_page_links_it(repo):
    root = repo["root"]
    result = CliRunner().invoke(main, ["build", "--gemeente", "heumen", "--jobs", "1", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert "1 wijzigingsoverzicht," in result.output
    pdf = root / "site" / "pdf" / "wijzigingen-heumen.pdf"
    text = " ".join(flat(p) for p in pdf_pages(pdf))
    assert "[verwijderd: zes] [ingevoegd: drie]" in text and "Taalcoaches voor nieuwkomers nieuw" in text
    page = (root / "site" / "gemeenten" / "heumen" / "index.html").read_text()
    assert re.search(
        r'<strong><a href="wijzigingen/">Wat is er veranderd sinds versie 1\.0</a></strong>, ook als <a '
        r'href="\.\./\.\./pdf/wijzigingen-heumen\.pdf">PDF \(\d+ kB\)</a>',
        page,
    )
    copy = (
        root / "site" / "gemeenten" / "heumen" / "wijzigingen" / "index.html"
    ).read_text()  # its reading copy on the site
    assert "[verwijderd: zes] [ingevoegd: drie]" in flat(re.sub(r"<[^>]+>", "", copy))
    # the DVO itself names no revision
    assert repo["c1"][:7] not in " ".join(pdf_pages(root / "site" / "pdf" / "dvo-heumen.pdf"))


def test_unreachable_revision_does_not_fail_the_plan(repo):
    from dataclasses import replace

    from generator.load.project import load_project
    from generator.publish.overzichten import plan_overzichten

    project = load_project(repo["root"])
    heumen = project.gemeente("heumen")
    versies = [w.model_copy(update={"revisie": "0123456789abcdef"}) if w.revisie else w for w in heumen.dvo.wijzigingen]
    gemeente = heumen.model_copy(update={"dvo": heumen.dvo.model_copy(update={"wijzigingen": versies})})
    project = replace(project, gemeenten=[gemeente if g.slug == "heumen" else g for g in project.gemeenten])
    plan = plan_overzichten(project)["heumen"]
    assert not plan.mogelijk and plan.versie == "1.0"
    assert plan.reden.startswith("revisie '0123456789abcdef' bestaat niet in deze repository")


def test_the_example_build_makes_nijmegen_s_overzicht_from_its_recorded_revision(built):
    """The built example reads Nijmegen 1.0 from revision 89c7a07 (tests share this repository's history)."""
    page = (built / "site" / "gemeenten" / "nijmegen" / "index.html").read_text()
    assert re.search(r'<strong><a href="wijzigingen/">Wat is er veranderd sinds versie 1\.0</a></strong>', page)
    text = " ".join(flat(p) for p in pdf_pages(built / "site" / "pdf" / "wijzigingen-nijmegen.pdf"))
    assert "Jonggehandicapten met arbeidsvermogen aan het werk nieuw" in text


def test_example_region_nijmegen_since_version_1_0(tmp_path):
    """The example data's own history: version 1.0 of Nijmegen at its recorded revision."""
    from generator.load.project import load_project

    revisie = next(w.revisie for w in load_project(REPO).gemeente("nijmegen").dvo.wijzigingen if w.versie == "1.0")
    reachable = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{revisie}^{{commit}}"], capture_output=True)
    if reachable.returncode != 0:
        pytest.skip(f"revisie {revisie} is niet in deze kloon (ondiep?)")
    result = CliRunner().invoke(
        main, ["wijzigingen", "nijmegen", "--van", revisie, "--root", str(REPO), "--uit", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(flat(p) for p in pdf_pages(Path(result.output.splitlines()[1])))
    assert "Jonggehandicapten met arbeidsvermogen aan het werk nieuw" in text
    # 2015: 76.000 was not allocated in 1.0; the new afspraak takes 50.000 of it
    assert f"Nog niet toegewezen {euro(76000)} {euro(26000)} −{euro(50000)}" in text
    assert (
        "Artikelen: 0 gewijzigd, 0 nieuw, 0 vervallen." in text
        and "Maatwerkafspraken: 0 gewijzigd, 1 nieuw, 0 vervallen." in text
    )
    assert "Status vastgesteld ter besluitvorming" in text
