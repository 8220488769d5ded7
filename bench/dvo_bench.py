"""Benchmark: every figure of issue 15's sections 2 and 3, printed by one run.

Section 2, the example region (whole-process wall clock, median of --repeat runs, as a
user or CI waits for `dvo build --jobs 2`):
  - clean build (fresh checkout, empty cache) and incremental builds: nothing changed,
    a comment added to one gemeente file, one realisatie changed;
  - the PDF step against bare WeasyPrint on the same HTML (`HTML(string).write_pdf()`),
    per document kind, with the profile of where our extra time goes;
  - `dvo validate` for the example region and for a synthetic region of 342 gemeenten.
Section 3, synthetic regions of 9, 90 and 342 gemeenten (bench/scale.py): validate time,
clean build time, time per document, peak memory per process, growth per gemeente.

Other work on the machine distorts absolute times; ratios measured in the same run
(incremental against clean, ours against bare) are the figures to compare.

Usage: .venv/bin/python bench/dvo_bench.py [--repeat N] [--schaal 9 90 342]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
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


def pdf_step(repeat: int):
    """Seconds per document: our PDF step (PdfRequest.render) and bare WeasyPrint on the same HTML."""
    from weasyprint import HTML

    from generator.compute.verantwoording import Verantwoording
    from generator.publish.jobs import _html_and_request, plan

    project = load_project(ROOT)
    v = Verantwoording(project)
    jobs = plan(project, v, [g.slug for g in project.gemeenten])
    prepared = {job: _html_and_request(project, v, job, "bench") for job in jobs}
    requests = {kind: [r.pdf_request for j, r in prepared.items() if j.soort == kind] for kind in ("dvo", "rapport", "regio")}
    requests["rapport"] = requests["rapport"][: len(requests["dvo"])]
    requests["dvo"][0].render(), HTML(string=requests["dvo"][0].html).write_pdf()  # warm-up: imports, fonts
    ours: dict[str, list[float]] = {k: [] for k in requests}
    bare: dict[str, list[float]] = {k: [] for k in requests}
    for _ in range(repeat):
        for kind, reqs in requests.items():  # interleaved, so machine noise hits both alike
            ours[kind].append(sum(timed(r.render) for r in reqs) / len(reqs))
            bare[kind].append(sum(timed(lambda r=r: HTML(string=r.html).write_pdf()) for r in reqs) / len(reqs))
    profile = cProfile.Profile()
    profile.runcall(lambda: [r.render() for r in requests["dvo"]])
    return {k: (statistics.median(ours[k]), statistics.median(bare[k])) for k in requests}, profile


# Where the PDF step spends its time, grouped by what it is for (cumulative seconds of
# the functions named; groups can overlap, since one may call another).
PROFILE_GROUPS = [
    ("CSS: print.css en dvo.css ontleden en toepassen", ("weasyprint/css/__init__.py:", "get_all_computed_styles")),
    ("opmaak van de pagina's (layout, incl. target-counter)", ("layout_document",)),
    ("tekst tekenen (draw_text)", ("draw/text.py:", "draw_text")),
    ("PDF schrijven (generate_pdf, pydyf)", ("generate_pdf",)),
    ("lettertypen insluiten en subsetten", ("pdf/fonts.py:", "build_fonts_dictionary")),
    ("PDF/A-metadata en tags", ("pdf/tags.py:", "add_tags")),
    ("bijlagen (JSON met gegevens)", ("pdf/anchors.py:", "write_pdf_attachment")),
]


def profile_summary(profile: cProfile.Profile, documents: int) -> list[str]:
    stats = pstats.Stats(profile).stats
    lines = []
    for label, (file_part, function) in PROFILE_GROUPS:
        seconds = max((v[3] for (filename, _, name), v in stats.items() if name == function and file_part.split(":")[0] in filename), default=0.0)
        lines.append(f"  {label:<55} {seconds / documents:6.3f} s per DVO")
    return lines


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
    parser.add_argument("--schaal", type=int, nargs="*", default=list(scale.SIZES), help="N voor sectie 3 (leeg: overslaan)")
    args = parser.parse_args()

    print("== Sectie 2: voorbeeldregio, dvo build --jobs 2, mediaan van", args.repeat, "rondes (heel proces)")
    b = builds(args.repeat)
    print(f"schone bouw:                   {b['schoon']:6.2f} s {verdict(b['schoon'], 12)}")
    print(f"niets veranderd:               {b['niets']:6.2f} s {verdict(b['niets'], 2)} = {b['niets'] / b['schoon']:.2f}x schoon")
    print(f"opmerking in een gemeente:     {b['opmerking']:6.2f} s {verdict(b['opmerking'], 2)} = {b['opmerking'] / b['schoon']:.2f}x schoon")
    print(f"een realisatie veranderd:      {b['realisatie']:6.2f} s {verdict(b['realisatie'], 5)} = {b['realisatie'] / b['schoon']:.2f}x schoon")

    per_kind, profile = pdf_step(args.repeat)
    print("PDF-stap tegen kale WeasyPrint op dezelfde HTML (seconden per document, mediaan):")
    for kind, (ours, bare) in per_kind.items():
        print(f"  {kind:<8} onze {ours:6.3f} s, kaal {bare:6.3f} s, verhouding {ours / bare:.2f}x {verdict(ours / bare, 1.2)}")
    print("profiel van onze PDF-stap (DVO's):")
    for line in profile_summary(profile, len(load_project(ROOT).gemeenten)):
        print(line)

    small, big = validate_times(args.repeat)
    print(f"dvo validate, voorbeeldregio (9):   {small:6.2f} s {verdict(small, 0.5)}")
    print(f"dvo validate, 342 gemeenten:        {big:6.2f} s {verdict(big, 3)}")

    if args.schaal:
        print(f"\n== Sectie 3: schaal, N = {', '.join(map(str, args.schaal))}")
        scale.report([scale.measure(n) for n in args.schaal])


if __name__ == "__main__":
    main()
