"""Incremental builds and CI shards.

An incremental build renders exactly the documents whose bytes would change and gives
the site a clean build gives; a bad cache costs time, never correctness; mkdocs runs
only when the site changes; shards built on separate machines merge into the site one
machine builds.

Same input, same bytes, for every file of the site: the clean build in three shards
elsewhere (`sharded`) and the incremental build here of the same edited input are equal
file for file (test_one_realisatie_...), and the documents the edit does not touch are
those of the first clean build (`built`) byte for byte (test_shards_give_the_same_bytes_...).
Between them every file of two independent clean renders is compared, so no test builds
the whole site a third time to compare it with itself.
"""

from __future__ import annotations

import json
import re
import shutil
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import Region, copy_region, free_port, shared, start_serve

# The edit of these tests: one realisatie of one gemeente (Wijchen, uitstroom naar werk, 2016).
EDIT = ("gemeenten/wijchen.yaml", "      2015: 119\n      2016: 97\n", "      2015: 119\n      2016: 121\n")
# 9 DVO's, Nijmegen's version in force beside its draft and the overzicht between them,
# 2 x 9 gemeente reports, 2 regional reports
DOCUMENTS = 31


def build(region: Region, *args: str):
    result = region.dvo("build", "--jobs", "2", *args)
    assert result.exit_code == 0, result.output
    return result


def made(result) -> set[str]:
    """Titles of the documents the build rendered (its progress lines)."""
    return set(re.findall(r"^\[\d+/\d+\] (.+): klaar$", result.output, re.M))


def manifest(root: Path) -> dict[str, str]:
    return {
        e["pad"]: e["sha256"]
        for e in json.loads((root / "site" / "manifest.json").read_text(encoding="utf-8"))["bestanden"]
    }


def test_nothing_changed_renders_nothing_and_leaves_the_site_alone(warm):
    before, site_inode = manifest(warm.root), warm.path("site").stat().st_ino
    result = build(warm)
    assert made(result) == set()
    assert f"(0 gemaakt, {DOCUMENTS} ongewijzigd)" in result.output and "site ongewijzigd" in result.output
    assert manifest(warm.root) == before
    assert warm.path("site").stat().st_ino == site_inode  # mkdocs did not run: site/ was not swapped


def test_a_comment_in_a_gemeente_file_renders_nothing(warm):
    warm.replace(
        "gemeenten/druten.yaml", "slug: druten\n", "slug: druten\n# Alleen een opmerking: de gegevens blijven gelijk.\n"
    )
    result = build(warm)
    assert made(result) == set() and "site ongewijzigd" in result.output


def test_a_changed_page_runs_mkdocs_but_renders_no_document(warm):
    warm.write(
        "content/pages/bestuur.md", warm.read("content/pages/bestuur.md") + "\nDe vergaderingen zijn openbaar.\n"
    )
    result = build(warm)
    assert made(result) == set() and "site gebouwd" in result.output
    assert "De vergaderingen zijn openbaar." in warm.read("site/bestuur/index.html")


def test_a_damaged_cache_means_rendering_again_never_a_wrong_file(warm):
    before = manifest(warm.root)
    docs, index_path = warm.path(".staging/docs"), warm.path(".staging/cache/documenten.json")
    pdf = docs / "pdf" / "dvo-druten.pdf"
    pdf.write_bytes(pdf.read_bytes()[:1000])  # a truncated file
    index = json.loads(index_path.read_text(encoding="utf-8"))
    del index["documenten"]["rapport-heumen-2015"]  # a missing entry
    index["documenten"]["dvo-ubbergen"]["sleutel"] = "0" * 64  # made from another key
    index_path.write_text(json.dumps(index), encoding="utf-8")
    result = build(warm)
    assert made(result) == {"DVO Druten", "rapport Heumen 2015", "DVO Ubbergen"}
    assert manifest(warm.root) == before
    assert "site ongewijzigd" in result.output  # the same bytes came back, so the site is the same


def test_damaged_compiled_templates_are_compiled_again(warm):
    # The shared build's cache may also hold templates other tests rendered from it; start from
    # exactly what a build compiles.
    shutil.rmtree(warm.path(".staging/cache/jinja"))
    build(warm)
    before = manifest(warm.root)
    compiled = sorted(warm.path(".staging/cache/jinja").glob("*.cache"))
    assert compiled  # the build kept its compiled templates
    for path in compiled:
        path.write_bytes(b"kapot")
    result = build(warm)
    assert made(result) == set() and "site ongewijzigd" in result.output
    assert manifest(warm.root) == before
    assert all(path.read_bytes() != b"kapot" for path in compiled)  # written again from the sources


def test_an_unreadable_cache_is_reported_and_only_costs_time(warm):
    before = manifest(warm.root)
    warm.write(".staging/cache/documenten.json", "{kapot")
    result = build(warm, "--gemeente", "druten")
    assert "De cache van eerder gemaakte documenten is onleesbaar" in result.output
    assert made(result) == {"DVO Druten", "rapport Druten 2015", "rapport Druten 2016"}
    assert manifest(warm.root) == before


def test_opnieuw_renders_everything_asked_for_and_rebuilds_the_site(warm):
    before = manifest(warm.root)
    result = build(warm, "--gemeente", "druten", "--opnieuw")
    assert made(result) == {"DVO Druten", "rapport Druten 2015", "rapport Druten 2016"}
    assert "site gebouwd" in result.output and manifest(warm.root) == before


def test_a_site_changed_by_hand_is_built_again(warm):
    before = manifest(warm.root)
    warm.path("site/regio/index.html").unlink()
    result = build(warm)
    assert made(result) == set() and "site gebouwd" in result.output
    assert manifest(warm.root) == before


def test_shard_options_are_checked(region):
    for args, message in [
        (["--deel", "4/3"], "deel 4 van 3 bestaat niet"),
        (["--deel", "twee"], "verwacht DEEL/AANTAL, bijvoorbeeld 2/3"),
        (["--deel", "1/2", "--gemeente", "druten"], "--deel gaat niet samen met --samenvoegen of --gemeente"),
        (["--uit", "x"], "--uit hoort bij --deel"),
        (["--samenvoegen"], "--samenvoegen verwacht de mappen van de delen"),
        (["--samenvoegen", "content"], "is geen map van een deel: deel.json ontbreekt"),
    ]:
        result = region.dvo("build", *args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output and "Traceback" not in result.output, (args, result.output)


def test_a_shard_never_empties_a_folder_that_is_not_its_own(region):
    region.path("notities").mkdir()
    region.write("notities/belangrijk.txt", "niet weggooien")
    result = region.dvo("build", "--deel", "1/40", "--uit", str(region.path("notities")))
    assert result.exit_code == 2 and "is geen map van een deel" in result.output
    assert region.read("notities/belangrijk.txt") == "niet weggooien"


@pytest.fixture(scope="module")
def sharded(request, tmp_path_factory) -> Path:
    """The edited example region built as CI does: three shards, each in its own checkout
    (another path, an empty cache), merged in a fourth. Returns the merged checkout."""

    def make(base: Path) -> None:
        folders = []
        for i in (1, 2, 3):
            shard = Region(copy_region(base / f"runner-{i}"))
            shard.replace(*EDIT)
            result = shard.dvo("build", "--deel", f"{i}/3", "--jobs", "2")
            assert result.exit_code == 0, result.output
            assert f"Deel {i} van 3:" in result.output
            folders.append(shard.path(f"delen/deel-{i}"))
        merge = Region(copy_region(base / "samenvoegen"))
        merge.replace(*EDIT)
        result = merge.dvo("build", "--samenvoegen", *map(str, folders))
        assert result.exit_code == 0, result.output
        assert (
            f"(0 gemaakt, {DOCUMENTS} ongewijzigd)" in result.output and "uit de delen" not in result.output
        )  # all from the shards

    return shared(request, tmp_path_factory, "ci", make) / "samenvoegen"


def test_shards_split_the_documents_without_overlap(sharded):
    owned = [
        json.loads((sharded.parent / f"runner-{i}" / "delen" / f"deel-{i}" / "deel.json").read_text(encoding="utf-8"))[
            "documenten"
        ]
        for i in (1, 2, 3)
    ]
    names = [n for docs in owned for n in docs]
    assert len(names) == len(set(names)) == DOCUMENTS
    assert all(6 <= len(docs) <= 14 for docs in owned), [len(d) for d in owned]  # balanced by cost, not by count


def test_one_realisatie_rebuilds_exactly_the_documents_that_show_it(warm, sharded, built, project):
    warm.replace(*EDIT)
    result = build(warm)
    # Every 2016 report shows the regional figure and Wijchen's place beside each
    # indicator, so every gemeente's 2016 report changes; DVO's and 2015 do not.
    with_indicator = [
        g.naam for g in project.gemeenten if any(p.indicator == "uitstroom-werk" for p in g.prestatie_indicatoren)
    ]
    assert made(result) == {f"rapport {naam} 2016" for naam in with_indicator} | {"regiorapport 2016"}
    # ... which is exactly the set of documents whose bytes differ from before the edit.
    old, new = manifest(built), manifest(sharded)
    differ = {p for p in old if p.startswith("pdf/") and p.endswith(".pdf") and old[p] != new[p]}
    assert differ == {f"pdf/rapport-{g.slug}-2016.pdf" for g in project.gemeenten if g.naam in with_indicator} | {
        "pdf/rapport-regio-2016.pdf"
    }
    # Their reading copies on the site change with them; those of the DVO's and of 2015 do not.
    copies = {p for p in old if p.endswith("/index.html") and ("/rapport-" in p or "/dvo/" in p)}
    assert {p for p in copies if old[p] != new[p]} == (
        {f"gemeenten/{g.slug}/rapport-2016/index.html" for g in project.gemeenten if g.naam in with_indicator}
        | {"regio/rapport-2016/index.html"}
    )
    # Incremental equals clean, and the shards merged equal the single-machine build.
    assert manifest(warm.root) == new


def test_shards_give_the_same_bytes_as_one_machine(sharded, built):
    """Documents the edit does not touch: a clean single-machine build's bytes, file for file."""
    old, new = manifest(built), manifest(sharded)
    untouched = [p for p in old if p.startswith("pdf/dvo-") or p.endswith("/dvo/index.html") or "-2015" in p]
    assert len(untouched) > 20 and all(old[p] == new[p] for p in untouched)


def _section(html: str, anchor: str) -> str:
    return html.split(f'id="{anchor}"', 1)[1].split("</section>", 1)[0]


def test_serve_updates_the_regional_report_after_a_realisatie_edit(warm):
    """The preview rebuilds what depends on the edit: the regional figure of that period too."""
    from generator.compute.verantwoording import Verantwoording
    from generator.load.project import load_project
    from generator.models.kinds import eenheid

    def regional(root: Path) -> str:
        v = Verantwoording(load_project(root))
        return eenheid("aantal").tekst(v.regio("uitstroom-werk", v.periode("2016")).realisatie)

    before = regional(warm.root)
    port = free_port()
    proc = start_serve(warm.root, port)
    try:
        url = f"http://127.0.0.1:{port}/regio/rapport-2016/"  # the reading copy on the site
        assert before in _section(_wait_for(url, lambda html: "uitstroom-werk" in html), "kpi-uitstroom-werk")
        warm.replace(*EDIT)
        after = regional(warm.root)
        assert after != before
        html = _wait_for(url, lambda html: after in _section(html, "kpi-uitstroom-werk"))
        assert before not in _section(html, "kpi-uitstroom-werk")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait_for(url: str, ready, seconds: float = 300) -> str:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                html = response.read().decode("utf-8")
            if ready(html):
                return html
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"{url}: niet binnen {seconds} s zoals verwacht")
