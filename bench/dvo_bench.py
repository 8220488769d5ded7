"""Benchmark: our DVO pipeline against bare WeasyPrint, and --jobs 2 against --jobs 1.

Prints, from one run on the example region:
  - seconds per DVO through our pipeline (view model, template, PDF/A-3u, attachment, atomic write)
  - seconds per DVO for the same HTML rendered by bare WeasyPrint (HTML(string).write_pdf())
  - seconds per DVO for bare WeasyPrint given the same document: the HTML plus our
    print stylesheet and the same PDF options (PDF/A-3u, tags), without our pipeline
  - the ratios; "pipeline overhead" is ours against the same document (target <= 20 %)
  - seconds per DVO for the PDF/UA-1 finish alone (pdf_ua.finish on WeasyPrint's output),
    and its share of bare WeasyPrint on the same document
  - seconds per verantwoordingsrapportage (gemeente and region) through the same pipeline
  - wall-clock of `dvo build` (all documents plus the mkdocs site) with --jobs 1 and
    --jobs 2, the speed-up, and the share of the mkdocs step

Usage: .venv/bin/python bench/dvo_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.publish.jobs import render_and_write  # noqa: E402
from generator.render.dvo_render import render_dvo  # noqa: E402
from generator.load.project import load_project  # noqa: E402


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="rounds per measurement (median is reported)")
    args = parser.parse_args()

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from generator.render.dvo_render import templates

    project = load_project(ROOT)
    slugs = [g.slug for g in project.gemeenten]
    htmls = {s: render_dvo(project, s, pdf=False).html for s in slugs}
    out = Path(tempfile.mkdtemp(prefix="dvo-bench-")) / "docs"  # the standalone HTML goes beside it
    render_and_write(project, slugs[0], "bench", out)  # warm-up: imports, font loading

    assets = templates(project).static_dirs[-1]

    def same_document(slug: str) -> bytes:
        fonts = FontConfiguration()
        css = CSS(filename=str(assets / "print.css"), font_config=fonts)
        doc = HTML(string=htmls[slug], base_url=assets.as_uri() + "/")
        return doc.write_pdf(stylesheets=[css], font_config=fonts, pdf_variant="pdf/a-3u", pdf_tags=True)

    ours, bare, same = [], [], []
    for _ in range(args.repeat):
        # interleave the three so machine noise hits all alike
        ours.append(sum(timed(lambda s=s: render_and_write(project, s, "bench", out)) for s in slugs) / len(slugs))
        bare.append(sum(timed(lambda s=s: HTML(string=htmls[s]).write_pdf()) for s in slugs) / len(slugs))
        same.append(sum(timed(lambda s=s: same_document(s)) for s in slugs) / len(slugs))
    ours_s, bare_s, same_s = statistics.median(ours), statistics.median(bare), statistics.median(same)
    print(f"gemeenten: {len(slugs)}, rondes: {args.repeat} (mediaan)")
    print(f"onze pipeline:                          {ours_s:.3f} s per DVO")
    print(f"kale WeasyPrint, alleen de HTML:        {bare_s:.3f} s per DVO")
    print(f"kale WeasyPrint, zelfde document+opties: {same_s:.3f} s per DVO")
    print(f"pipeline-overhead (t.o.v. zelfde document): {ours_s / same_s:.2f}x ({100 * (ours_s / same_s - 1):+.0f}%)")
    print(f"t.o.v. alleen de HTML (incl. printopmaak en PDF/A): {ours_s / bare_s:.2f}x ({100 * (ours_s / bare_s - 1):+.0f}%)")

    from generator.render.pdf_tags import semantic_tags
    from generator.render.pdf_ua import finish

    with semantic_tags():  # the finish needs the hook's annotations in WeasyPrint's output
        tagged = {s: same_document(s) for s in slugs}
    finishing = [sum(timed(lambda s=s: finish(tagged[s])) for s in slugs) / len(slugs) for _ in range(args.repeat)]
    finish_s = statistics.median(finishing)
    print(f"PDF/UA-afwerking (pikepdf), alleen:      {finish_s:.3f} s per DVO = {100 * finish_s / same_s:.0f}% van kale WeasyPrint")

    from generator.render import rapport
    from generator.compute.verantwoording import Verantwoording

    v = Verantwoording(project)
    periode = v.perioden[-1]
    per_gemeente, per_regio = [], []
    for _ in range(args.repeat):
        per_gemeente.append(sum(timed(lambda s=s: rapport.render_gemeente(v, s, periode, "bench")) for s in slugs) / len(slugs))
        per_regio.append(timed(lambda: rapport.render_regio(v, periode, "bench")))
    print(f"rapportage per gemeente ({periode.code}):     {statistics.median(per_gemeente):.3f} s")
    print(f"regionale rapportage ({periode.code}):        {statistics.median(per_regio):.3f} s")

    from generator.publish.site import run_mkdocs, site_date

    walls = {}
    for jobs in (1, 2):
        site = Path(tempfile.mkdtemp(prefix=f"dvo-bench-j{jobs}-"))
        work = site / "regio"
        for folder in ("content", "gemeenten", "dvo_templates"):
            if (ROOT / folder).is_dir():  # the example region overrides no template
                shutil.copytree(ROOT / folder, work / folder)
        shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
        cmd = [sys.executable, "-m", "generator", "build", "--jobs", str(jobs), "--root", str(work)]
        walls[jobs] = timed(lambda: subprocess.run(cmd, check=True, capture_output=True))
        if jobs == 1:
            staged = work / ".staging"
            mkdocs_s = timed(lambda: run_mkdocs(staged / "mkdocs.yml", staged / "docs", staged / "site-bench", datum=site_date(project)))
        shutil.rmtree(site, ignore_errors=True)
    print(f"dvo build --jobs 1: {walls[1]:.2f} s")
    print(f"dvo build --jobs 2: {walls[2]:.2f} s")
    print(f"versnelling --jobs 2: {walls[1] / walls[2]:.2f}x")
    print(f"mkdocs-stap (site uit de pagina's): {mkdocs_s:.2f} s = {100 * mkdocs_s / walls[2]:.0f}% van --jobs 2")
    shutil.rmtree(out.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
