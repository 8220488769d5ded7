"""Benchmark: every figure of issue 15's sections 2 and 3, printed by one run.

Section 2, the example region (whole-process wall clock, median of --repeat runs, as a
user or CI waits for `dvo build --jobs 2`):
  - clean build (fresh checkout, empty cache) and incremental builds: nothing changed,
    a comment added to one gemeente file, one realisatie changed;
  - the PDF step against bare WeasyPrint on the same HTML (`HTML(string).write_pdf()`),
    per document kind, and where the extra time goes: each feature of our PDF step
    (print.css with shipped fonts, PDF/A-3u, tags, attachment, the PDF/UA finish) added
    in turn, in CPU seconds per DVO;
  - `dvo validate` for the example region and for a synthetic region of 342 gemeenten.
Section 3, synthetic regions of 9, 90 and 342 gemeenten (bench/scale.py): validate time,
clean build time, time per document, peak memory per process, growth per gemeente.

Other work on the machine distorts absolute times; ratios measured in the same run
(incremental against clean, ours against bare) are the figures to compare.

Usage: .venv/bin/python bench/dvo_bench.py [--repeat N] [--schaal 9 90 342]
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
sys.path.insert(0, str(ROOT / "bench"))

import scale  # noqa: E402

from generator.load.project import load_project  # noqa: E402

EDIT_FILE = "gemeenten/wijchen.yaml"
REALISATIE = ("      2015: 119\n      2016: 97\n", "      2015: 119\n      2016: {}\n")


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _checkout(parent: Path) -> Path:
    work = parent / "regio"
    for folder in ("content", "gemeenten", "dvo_templates"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, work / folder)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    return work


def _dvo(root: Path, *args: str) -> float:
    cmd = [sys.executable, "-m", "generator", *args, "--root", str(root)]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def builds(repeat: int) -> dict[str, float]:
    """Medians of clean, no-change, comment-only and one-realisatie builds."""
    out: dict[str, list[float]] = {"schoon": [], "niets": [], "opmerking": [], "realisatie": []}
    for run in range(repeat):
        with tempfile.TemporaryDirectory(prefix="dvo-bench-") as tmp:
            root = _checkout(Path(tmp))
            out["schoon"].append(_dvo(root, "build", "--jobs", "2"))
            out["niets"].append(_dvo(root, "build", "--jobs", "2"))
            path = root / EDIT_FILE
            path.write_text(path.read_text(encoding="utf-8") + f"# opmerking {run}\n", encoding="utf-8")
            out["opmerking"].append(_dvo(root, "build", "--jobs", "2"))
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(REALISATIE[0], REALISATIE[1].format(98 + run), 1), encoding="utf-8")
            out["realisatie"].append(_dvo(root, "build", "--jobs", "2"))
    return {k: statistics.median(v) for k, v in out.items()}


def _requests():
    """The PDF request of every document of the example region, by kind."""
    from generator.compute.verantwoording import Verantwoording
    from generator.publish.jobs import _html_and_request, plan

    project = load_project(ROOT)
    v = Verantwoording(project)
    jobs = plan(project, v, [g.slug for g in project.gemeenten])
    rendered = {job: _html_and_request(project, v, job, "bench") for job in jobs}
    return {
        kind: [r.pdf_request for j, r in rendered.items() if j.soort == kind] for kind in ("dvo", "rapport", "regio")
    }


def pdf_step(repeat: int) -> dict[str, tuple[float, float]]:
    """Seconds per document, wall clock: our PDF step (PdfRequest.render: WeasyPrint with
    print.css, PDF/A-3u, tags and attachment, then the PDF/UA finish) against bare
    WeasyPrint on the same HTML (`HTML(string).write_pdf()`), interleaved, median."""
    from weasyprint import HTML

    requests = _requests()
    requests["dvo"][0].render(), HTML(string=requests["dvo"][0].html).write_pdf()  # warm-up: imports, fonts
    ours: dict[str, list[float]] = {k: [] for k in requests}
    bare: dict[str, list[float]] = {k: [] for k in requests}
    for _ in range(repeat):
        for kind, reqs in requests.items():  # interleaved, so machine noise hits both alike
            ours[kind].append(sum(timed(r.render) for r in reqs) / len(reqs))
            bare[kind].append(sum(timed(lambda r=r: HTML(string=r.html).write_pdf()) for r in reqs) / len(reqs))
    return {k: (statistics.median(ours[k]), statistics.median(bare[k])) for k in requests}


def _pdf_with(request, *, print_css: bool, pdf_a: bool, tags: bool, attachment: bool, finish: bool) -> bytes:
    """generator.render.pdf.request.html_to_pdf with each of its features switchable, to attribute time."""
    from weasyprint import CSS, HTML, Attachment
    from weasyprint.text.fonts import FontConfiguration

    from generator.render.pdf.fetcher import AssetFetcher
    from generator.render.pdf.request import accessible
    from generator.render.pdf.tags import semantic_tags
    from generator.render.templating.search_path import Templates

    templates = Templates(request.template_dirs)
    fetcher = AssetFetcher(templates.static_dirs)
    document = HTML(string=request.html, base_url=templates.static_dirs[-1].as_uri() + "/", url_fetcher=fetcher)
    fonts = FontConfiguration()
    sheets = (
        [CSS(filename=str(templates.find("static/print.css")), url_fetcher=fetcher, font_config=fonts)]
        if print_css
        else []
    )
    files = (
        [
            Attachment(string=a.data, name=a.name, description=a.description, relationship="Data")
            for a in request.attachments
        ]
        if attachment
        else []
    )
    options = {
        "stylesheets": sheets,
        "font_config": fonts,
        "pdf_variant": "pdf/a-3u" if pdf_a else None,
        "attachments": files,
    }
    if tags:
        with semantic_tags():
            pdf = document.write_pdf(pdf_tags=True, **options)
    else:
        pdf = document.write_pdf(**options)
    return accessible(pdf) if finish else pdf


STEPS = [
    ("kale WeasyPrint op de HTML", {}),
    ("+ print.css met de meegeleverde lettertypen", {"print_css": True}),
    ("+ PDF/A-3u", {"print_css": True, "pdf_a": True}),
    ("+ tags (met de pdf_tags-haak)", {"print_css": True, "pdf_a": True, "tags": True}),
    ("+ bijlage met de gegevens", {"print_css": True, "pdf_a": True, "tags": True, "attachment": True}),
    (
        "+ PDF/UA-afwerking (pikepdf) = onze PDF-stap",
        {"print_css": True, "pdf_a": True, "tags": True, "attachment": True, "finish": True},
    ),
]


def pdf_profile(repeat: int, kind: str = "dvo") -> list[tuple[str, float]]:
    """Where our PDF step's time goes: each feature added in turn to bare WeasyPrint,
    CPU seconds per document (less sensitive to other processes than wall time)."""
    requests = _requests()[kind]
    flags = [
        {"print_css": False, "pdf_a": False, "tags": False, "attachment": False, "finish": False, **f} for _, f in STEPS
    ]
    _pdf_with(requests[0], **flags[-1])  # warm-up
    times: list[list[float]] = [[] for _ in STEPS]
    for _ in range(repeat):
        for i, f in enumerate(flags):
            start = time.process_time()
            for r in requests:
                _pdf_with(r, **f)
            times[i].append((time.process_time() - start) / len(requests))
    return [(label, statistics.median(t)) for (label, _), t in zip(STEPS, times, strict=True)]


def validate_times(repeat: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="dvo-bench-v-") as tmp:
        example = _checkout(Path(tmp))
        big = scale.generate(342, Path(tmp) / "regio-342")
        small_s = statistics.median(_dvo(example, "validate") for _ in range(repeat))
        big_s = statistics.median(_dvo(big, "validate") for _ in range(repeat))
    return small_s, big_s


def verdict(value: float, limit: float) -> str:
    return f"(doel <= {limit:g}: {'gehaald' if value <= limit else 'NIET gehaald'})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="rondes per meting (de mediaan telt)")
    parser.add_argument(
        "--schaal", type=int, nargs="*", default=list(scale.SIZES), help="N voor sectie 3 (leeg: overslaan)"
    )
    args = parser.parse_args()

    print("== Sectie 2: voorbeeldregio, dvo build --jobs 2, mediaan van", args.repeat, "rondes (heel proces)")
    b = builds(args.repeat)
    print(f"schone bouw:                   {b['schoon']:6.2f} s {verdict(b['schoon'], 12)}")
    print(
        f"niets veranderd:               {b['niets']:6.2f} s {verdict(b['niets'], 2)} = "
        f"{b['niets'] / b['schoon']:.2f}x schoon"
    )
    print(
        f"opmerking in een gemeente:     {b['opmerking']:6.2f} s {verdict(b['opmerking'], 2)} = "
        f"{b['opmerking'] / b['schoon']:.2f}x schoon"
    )
    print(
        f"een realisatie veranderd:      {b['realisatie']:6.2f} s {verdict(b['realisatie'], 5)} = "
        f"{b['realisatie'] / b['schoon']:.2f}x schoon"
    )

    print("PDF-stap tegen kale WeasyPrint op dezelfde HTML (seconden per document, mediaan):")
    for kind, (ours, bare) in pdf_step(args.repeat).items():
        print(
            f"  {kind:<8} onze {ours:6.3f} s, kaal {bare:6.3f} s, verhouding {ours / bare:.2f}x "
            f"{verdict(ours / bare, 1.2)}"
        )
    print("profiel van de PDF-stap per DVO (CPU-seconden; elke regel voegt één onderdeel toe):")
    profile = pdf_profile(args.repeat)
    base = profile[0][1]
    for n, (label, seconds) in enumerate(profile):
        extra = (
            f"  (+{seconds - profile[n - 1][1]:.3f} s = {100 * (seconds - profile[n - 1][1]) / base:+.0f}% van kaal)"
            if n
            else ""
        )
        print(f"  {label:<46} {seconds:6.3f} s{extra}")

    small, big = validate_times(args.repeat)
    print(f"dvo validate, voorbeeldregio (9):   {small:6.2f} s {verdict(small, 0.5)}")
    print(f"dvo validate, 342 gemeenten:        {big:6.2f} s {verdict(big, 3)}")

    if args.schaal:
        print(f"\n== Sectie 3: schaal, N = {', '.join(map(str, args.schaal))}")
        scale.report([scale.measure(n) for n in args.schaal])


if __name__ == "__main__":
    main()
