"""Benchmark: every figure of issue 25, with its floor, ratio and target, printed by one run.

All figures come from one run on one machine, rounds interleaved, so machine noise hits a
figure and its floor alike; the table gives the median of --rondes rounds and the spread
(lowest-highest) of the ratio. Per round, on a fresh copy of the example region (its sources
and a git repository that reads this repository's history, so recorded revisions resolve):

- the bare floor: WeasyPrint alone (`HTML(string=html).write_pdf()`) on the build's own
  standalone HTML of every document (DVO's, reports, wijzigingsoverzicht; .staging/html), no
  stylesheet, summed and divided by the 2 workers; the floor with print.css, the shipped
  fonts and tags (what belongs to the document), likewise; and the floor of the whole
  document as it must be (our PDF step: also PDF/A-3u, the data attachment and the PDF/UA
  finish), likewise, with both builds against it too;
- clean build: `dvo build --jobs 2`, whole process, against the bare floor (target <= 1.2x);
- one realisatie changed: the rebuild, against the bare floor of the documents whose render
  key changed (target <= 1.3x);
- `dvo serve` on that copy: a realisatie saved, until the gemeente's report page shows it
  (target <= 2 s), until every changed page shows it (<= 3 s), until the PDFs are linked;
  watched as an open tab watches it: the build counter its script polls, then the pages;
- the same two builds in CPU seconds (all processes) against the bare floor's CPU seconds:
  the ratio the wall clock would show on two idle cores with perfect parallelism, so a
  lower bound, and much less disturbed by other work on the machine;
- `dvo validate` on the example (whole process);
- once: peak memory of the largest single process of a clean `dvo build --jobs 2` of a
  synthetic region of 342 gemeenten (bench/scale.py; target <= 1 GiB). That build takes long:
  `--zonder-342` leaves it out.

`--profiel` adds where our PDF step's time goes per DVO (each feature added in turn).

Usage: .venv/bin/python bench/dvo_bench.py [--rondes N] [--zonder-342] [--profiel]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scale  # noqa: E402

from generator.load.project import load_project  # noqa: E402
from tests.git_history import share_history  # noqa: E402

WORKERS = 2
EDIT_FILE = "gemeenten/wijchen.yaml"
REALISATIE = "      2015: 119\n      2016: {}\n"  # uitstroom-werk of Wijchen
ORIGINAL = 97


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def checkout(parent: Path) -> Path:
    """The example region's sources in `parent/regio`, in a git repository without commits
    that borrows this repository's objects (the recorded revisions resolve)."""
    work = parent / "regio"
    for folder in ("content", "gemeenten", "dvo_templates"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, work / folder)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    share_history(work)
    return work


CPU: dict[str, float] = {}  # CPU seconds (user + system) of the last dvo command, by its first argument


PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h


def _adopt_orphans() -> None:
    """Become the parent of this process's orphaned descendants: the PDF workers run under
    multiprocessing's fork server, which outlives the build by a moment and is never reaped
    by it, so without this their CPU time would be counted nowhere."""
    import ctypes

    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1)


def _reap_orphans(seconds: float = 30) -> None:
    """Wait (at most `seconds`) for the adopted processes to end, counting their CPU time."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.05)


def dvo(root: Path, *args: str) -> float:
    """Whole-process wall clock of one dvo command; its CPU time (all its processes) in CPU."""
    cmd = [sys.executable, "-m", "generator", *args, "--root", str(root)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    wall = time.perf_counter() - start
    _reap_orphans()  # the fork server and its workers' CPU time (see _adopt_orphans)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[args[0]] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall


def set_realisatie(root: Path, value: int, was: int) -> None:
    path = root / EDIT_FILE
    text = path.read_text(encoding="utf-8")
    new = text.replace(REALISATIE.format(was), REALISATIE.format(value), 1)
    assert new != text, "de realisatie van het voorbeeld is niet gevonden"
    path.write_text(new, encoding="utf-8")


def _keys(root: Path) -> dict[str, str]:
    data = json.loads((root / ".staging" / "cache" / "documenten.json").read_text(encoding="utf-8"))
    return {naam: entry["sleutel"] for naam, entry in data["documenten"].items()}


def cpu_timed(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def _pdf_requests(root: Path) -> dict:
    """Document name -> its PDF request as `dvo build` in `root` makes it (render/pdf/request.py)."""
    from generator.cli.site import _start
    from generator.compute.herindeling import herindelingen
    from generator.publish.inputs import BuildOptions
    from generator.publish.jobs import _html_and_request, plan

    source = _start(root, BuildOptions(workers=1))
    jobs = plan(source, herindelingen(source.project).slugs())
    return {job.naam: _html_and_request(source, job).pdf_request for job in jobs}


def floors(
    root: Path, names: list[str] | None = None, clock=timed, *, complete: dict[str, float] | None = None
) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds per document (name -> s): bare WeasyPrint on the build's standalone HTML, and
    with print.css, the shipped fonts and tags. `names`: only these documents. `clock`:
    wall (timed) or CPU (cpu_timed) seconds. `complete`: filled with our whole PDF step on the
    same HTML (also PDF/A-3u, the data attachment and the PDF/UA finish): the floor of a
    document as it must be, one at a time in this process."""
    import dataclasses

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from generator.render.pdf.fetcher import AssetFetcher
    from generator.render.pdf.tags import semantic_tags
    from generator.render.templating.search_path import Templates

    templates = Templates.for_layout(load_project(root).layout)
    requests = _pdf_requests(root) if complete is not None else {}
    bare, styled = {}, {}
    for path in sorted((root / ".staging" / "html").glob("*.html")):
        if names is not None and path.stem not in names:
            continue
        html = path.read_text(encoding="utf-8")
        bare[path.stem] = clock(lambda html=html: HTML(string=html).write_pdf())

        def with_style(html=html) -> None:
            fetcher = AssetFetcher(templates.static_dirs)
            fonts = FontConfiguration()
            css = CSS(filename=str(templates.find("static/print.css")), url_fetcher=fetcher, font_config=fonts)
            document = HTML(string=html, base_url=templates.static_dirs[-1].as_uri() + "/", url_fetcher=fetcher)
            with semantic_tags():
                document.write_pdf(stylesheets=[css], font_config=fonts, pdf_tags=True)

        styled[path.stem] = clock(with_style)
        if complete is not None:
            request = dataclasses.replace(requests[path.stem], html=html)
            complete[path.stem] = clock(request.render)
    return bare, styled


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _section(html: str) -> str:
    """The uitstroom-werk section of a report's reading copy: where the edited value shows."""
    return html.split('id="kpi-uitstroom-werk"', 1)[1].split("</section>", 1)[0]


IN_DE_MAAK = "PDF wordt gemaakt …"  # what a page says while its PDF is being made
PDFS = {"gemeente": "rapport-wijchen-2016.pdf", "regio": "rapport-regio-2016.pdf"}


def serve_times(root: Path, value: int, was: int, timeout: float = 600) -> tuple[float, float, float]:
    """`dvo serve` on a built copy: seconds from saving a realisatie until Wijchen's report page
    shows it, until every page that shows it does (the regional report too), and until both
    pages link their new PDFs again (neither says it is being made)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--root", str(root), "--port", str(port), "--jobs", str(WORKERS)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    pages = {"gemeente": f"{base}/gemeenten/wijchen/rapport-2016/", "regio": f"{base}/regio/rapport-2016/"}
    try:
        deadline = time.time() + timeout
        before = {}
        while time.time() < deadline and len(before) < len(pages):
            try:
                before = {k: _section(_get(u)) for k, u in pages.items()}
            except OSError:
                time.sleep(0.2)
        # Like an open tab: it polls the build counter (serve.RELOAD) and loads the page when
        # that changes. Polled every 20 ms here (a tab: 400 ms) to time the server, not the tab.
        # Fetching both whole pages (about 0.5 MB) at that rate instead kept the serve process
        # answering while it built, which no reader's browser does.
        versie = _get(f"{base}/__versie")
        set_realisatie(root, value, was)
        saved = time.perf_counter()
        seen: dict[str, float] = {}
        while time.time() < deadline and "pdf" not in seen:
            time.sleep(0.02)
            try:
                now = _get(f"{base}/__versie")
            except OSError:
                continue
            if now == versie:
                continue
            versie = now
            at = time.perf_counter() - saved
            html = {k: _get(u) for k, u in pages.items()}
            seen.update({k: at for k in pages if k not in seen and _section(html[k]) != before[k]})
            if len(seen) >= len(pages) and all(IN_DE_MAAK not in html[k] and pdf in html[k] for k, pdf in PDFS.items()):
                seen["pdf"] = at
        return (
            seen.get("gemeente", float("nan")),
            max(seen.get("regio", float("nan")), seen.get("gemeente", 0)),
            seen.get("pdf", float("nan")),
        )
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def _requests():
    """The PDF request of every document of the example region, by kind."""
    from generator.compute.verantwoording import Verantwoording
    from generator.publish.inputs import BuildSource
    from generator.publish.jobs import _html_and_request, plan

    project = load_project(ROOT)
    source = BuildSource(project, Verantwoording(project), "bench")
    jobs = plan(source, [g.slug for g in project.gemeenten])
    rendered = {job: _html_and_request(source, job) for job in jobs}
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


def one_round(parent: Path, n: int) -> dict[str, float]:
    """Every figure of the example region, once, on a fresh copy."""
    root = checkout(parent / f"ronde-{n}")
    out = {"schoon": dvo(root, "build", "--jobs", str(WORKERS)), "schoon_cpu": CPU["build"]}
    complete: dict[str, float] = {}
    bare, styled = floors(root, complete=complete)
    out["vloer"] = sum(bare.values()) / WORKERS
    out["vloer_stijl"] = sum(styled.values()) / WORKERS
    out["vloer_volledig"] = sum(complete.values()) / WORKERS
    out["vloer_cpu"] = sum(floors(root, clock=cpu_timed)[0].values())
    out["documenten"] = len(bare)
    keys = _keys(root)
    value = ORIGINAL + 1 + n
    set_realisatie(root, value, ORIGINAL)
    out["realisatie"] = dvo(root, "build", "--jobs", str(WORKERS))
    out["realisatie_cpu"] = CPU["build"]
    changed = sorted(k for k, v in _keys(root).items() if keys.get(k) != v)
    complete_changed: dict[str, float] = {}
    bare_changed, styled_changed = floors(root, changed, complete=complete_changed)
    out["vloer_volledig_veranderd"] = sum(complete_changed.values()) / WORKERS
    out["vloer_veranderd_cpu"] = sum(floors(root, changed, clock=cpu_timed)[0].values())
    out["veranderd"] = len(changed)
    out["vloer_veranderd"] = sum(bare_changed.values()) / WORKERS
    out["vloer_stijl_veranderd"] = sum(styled_changed.values()) / WORKERS
    out["serve_gemeente"], out["serve_alle"], out["serve_pdf"] = serve_times(root, value + 100, value)
    out["validate"] = dvo(root, "validate")
    return out


def memory_342(parent: Path) -> tuple[float, float]:
    """Peak resident memory (MiB) of the largest single process of a clean `dvo build --jobs 2`
    of a synthetic region of 342 gemeenten, and the build's wall clock."""
    root = scale.generate(342, parent / "regio-342")
    result = scale._run([sys.executable, "-m", "generator", "build", "--jobs", str(WORKERS), "--root", str(root)])
    return result["peak_kib"] / 1024, result["wall"]


def _spread(values: list[float], fmt: str) -> str:
    return (
        format(statistics.median(values), fmt)
        if len(values) == 1
        else (f"{statistics.median(values):{fmt}} ({min(values):{fmt}}-{max(values):{fmt}})")
    )


def table(rounds: list[dict[str, float]], memory: tuple[float, float] | None) -> list[list[str]]:
    """measure, figure, floor, ratio, target, verdict: medians, with the spread over rounds."""

    def col(key: str) -> list[float]:
        return [r[key] for r in rounds]

    def ratio_row(label: str, key: str, floor: str, limit: float | None = None) -> list[str]:
        """A figure against its floor; with `limit`, the target and whether the median meets it."""
        ratios = [r[key] / r[floor] for r in rounds]
        verdict = "-" if limit is None else ("gehaald" if statistics.median(ratios) <= limit else "NIET gehaald")
        return [
            label,
            _spread(col(key), ".2f") + " s",
            _spread(col(floor), ".2f") + " s",
            _spread(ratios, ".2f") + "x",
            "-" if limit is None else f"<= {limit:g}x",
            verdict,
        ]

    def time_row(label: str, key: str, limit: float | None) -> list[str]:
        value = statistics.median(col(key))
        verdict = "-" if limit is None else ("gehaald" if value <= limit else "NIET gehaald")
        return [label, _spread(col(key), ".2f") + " s", "-", "-", "-" if limit is None else f"<= {limit:g} s", verdict]

    r0 = rounds[0]
    rows = [
        ["kale vloer: WeasyPrint zonder stylesheet, som / 2", _spread(col("vloer"), ".2f") + " s", "-", "-", "-", "-"],
        ratio_row("vloer met print.css, lettertypen en tags, som / 2", "vloer_stijl", "vloer"),
        ratio_row("vloer van het volledige document (ook PDF/A-3u, bijlage, PDF/UA)", "vloer_volledig", "vloer"),
        ratio_row(f"schone bouw ({int(r0['documenten'])} documenten + site)", "schoon", "vloer", 1.2),
        ratio_row(
            f"een realisatie veranderd ({int(r0['veranderd'])} documenten)", "realisatie", "vloer_veranderd", 1.3
        ),
        ratio_row("  idem, vloer met stijl en tags", "realisatie", "vloer_stijl_veranderd"),
        ratio_row("  schone bouw tegen de vloer van het volledige document", "schoon", "vloer_volledig"),
        ratio_row("  realisatie tegen de vloer van het volledige document", "realisatie", "vloer_volledig_veranderd"),
        ratio_row("  schone bouw in CPU-seconden (alle processen), ondergrens", "schoon_cpu", "vloer_cpu", 1.2),
        ratio_row("  realisatie-bouw in CPU-seconden, ondergrens", "realisatie_cpu", "vloer_veranderd_cpu", 1.3),
        time_row("dvo serve: waarde op de pagina's van de gemeente", "serve_gemeente", 2),
        time_row("dvo serve: waarde op elke HTML-pagina", "serve_alle", 3),
        time_row("dvo serve: PDF's gekoppeld (volgen)", "serve_pdf", None),
        time_row("dvo validate, voorbeeldregio", "validate", None),
    ]
    if memory is not None:
        peak, wall = memory
        rows.append(
            [
                f"piekgeheugen per bouwproces, 342 gemeenten (bouw {wall:.0f} s)",
                f"{peak:.0f} MiB",
                "-",
                "-",
                "<= 1024 MiB",
                "gehaald" if peak <= 1024 else "NIET gehaald",
            ]
        )
    return rows


def print_table(rows: list[list[str]]) -> None:
    head = ["meting", "waarde", "vloer", "verhouding", "doel", "oordeel"]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, ["-" * w for w in widths], *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rondes", type=int, default=3, help="rondes (de mediaan telt; de spreiding staat erbij)")
    parser.add_argument("--zonder-342", action="store_true", help="het piekgeheugen bij 342 gemeenten overslaan")
    parser.add_argument("--profiel", action="store_true", help="ook: waar de tijd van onze PDF-stap per DVO heen gaat")
    args = parser.parse_args()
    _adopt_orphans()
    print(f"Machine: {os.cpu_count()} CPU's, belasting {os.getloadavg()[0]:.1f}; dvo build --jobs {WORKERS}")
    rounds = []
    with tempfile.TemporaryDirectory(prefix="dvo-bench-") as tmp:
        for n in range(args.rondes):
            rounds.append(one_round(Path(tmp), n))
            print(f"ronde {n + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in rounds[-1].items()), flush=True)
        memory = None if args.zonder_342 else memory_342(Path(tmp))
    print()
    print_table(table(rounds, memory))
    if args.profiel:
        print("\nprofiel van de PDF-stap per DVO (CPU-seconden; elke regel voegt één onderdeel toe):")
        profile = pdf_profile(args.rondes)
        base = profile[0][1]
        for n, (label, seconds) in enumerate(profile):
            extra = f"  ({100 * (seconds - profile[n - 1][1]) / base:+.0f}% van kaal)" if n else ""
            print(f"  {label:<46} {seconds:6.3f} s{extra}")


if __name__ == "__main__":
    main()
