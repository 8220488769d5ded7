"""National scale: a synthetic region of N gemeenten, and how validate and build grow with N.

`generate(n, target)` writes a valid region of N gemeenten into `target`, derived from
the example region's own files (not from a fixed schema, so fields added later come
along): gemeente number i is a copy of example gemeente i mod 9 under a new slug, name
and CBS code (the first nine keep their own), and every `id` field gets the copy's
number (ids such as maatwerk ids are unique in the region). New values are spliced in
at the positions ruamel's composer reports, so every other byte of a copy is its
example's. The shares in the regional basisdienstverlening are re-divided with
largest-remainder rounding, so they add up exactly to the regional total each year;
what a copy spent on its basis share (besteed) is scaled with its share.

`measure(n)` times, in separate processes (whole-process wall clock, as a user waits):
`dvo validate` (median of three), a clean `dvo build --jobs 2`, the time per document
and the peak memory of the largest single process (main or worker).

Usage:
  .venv/bin/python bench/scale.py                   # N = 9, 90 and 342, with growth
  .venv/bin/python bench/scale.py 9 90              # other sizes
  .venv/bin/python bench/scale.py --maak MAP 90     # only write a region of 90 into MAP
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ruamel.yaml import YAML  # noqa: E402
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode  # noqa: E402

from generator.compute.distribution import largest_remainder  # noqa: E402
from generator.load.findings import InvalidProject  # noqa: E402
from generator.load.project import load_project  # noqa: E402
from generator.models.budget import basis_regio  # noqa: E402
from generator.render.documents.dvo.vastlegging import werkmap_findings  # noqa: E402

SIZES = (9, 90, 342)

# Runs a command and reports the peak resident memory of the largest process in its
# tree: the high-water mark (VmHWM) of every descendant, read from /proc while they live.
# (RUSAGE_CHILDREN misses the PDF workers: they are children of multiprocessing's fork
# server, which the build never reaps.)
_PEAK = f"""
import json, subprocess, sys, time
sys.path.insert(0, {str(ROOT)!r})
from tests.processes import descendants, peak_kib

start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
peak = 0
while proc.poll() is None:
    peak = max([peak] + [peak_kib(pid) for pid in [proc.pid, *descendants(proc.pid)]])
    time.sleep(0.2)
wall = time.perf_counter() - start
print(json.dumps({{"rc": proc.returncode, "wall": wall, "peak_kib": peak}}))
"""


def _scalars(node: Node, path: tuple = ()):
    """(path, scalar node) of every scalar value in a composed YAML document."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _scalars(value, path + (key.value,))
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            yield from _scalars(item, path + (i,))
    elif isinstance(node, ScalarNode):
        yield path, node


def _spliced(text: str, base: int, edits: list[tuple[ScalarNode, str]]) -> str:
    """`text` (which starts at index `base` of the composed source) with each scalar's
    value replaced, quoting kept; every other byte stays as it was."""
    for node, value in sorted(edits, key=lambda e: e[0].start_mark.index, reverse=True):
        quote = node.style if node.style in ("'", '"') else ""
        start, end = node.start_mark.index - base, node.end_mark.index - base
        text = text[:start] + quote + value + quote + text[end:]
    return text


def _member_edits(scalars, old: str, copy_no: int, new: dict[tuple, str]) -> list[tuple[ScalarNode, str]]:
    """Edits for one copy: the fields in `new` by path; every other value that is the old
    slug gets the new one, and every `id` field gets the copy number (ids are unique in
    the region: maatwerk ids, and whatever ids the files may hold later)."""
    edits = []
    for path, node in scalars:
        if path in new:
            edits.append((node, new[path]))
        elif node.tag.endswith(":str") and node.value == old:
            edits.append((node, new[("slug",)]))
        elif path and path[-1] == "id" and copy_no > 1:
            edits.append((node, f"{node.value}-{copy_no}"))
    return edits


def _cbs_codes(used: set[str]):
    """Free CBS-style codes, counting down from GM9999, skipping those in use."""
    number = 9999
    while True:
        code = f"GM{number:04d}"
        number -= 1
        if code not in used:
            yield code


def without_records(text: str) -> str:
    """The text without recorded revisions: a larger synthetic region has no git history, so a
    `revisie` (of a DVO version or a vastgelegde report) and the controlegetal recorded with
    it would point at commits it cannot read. The pair goes; everything else stays."""
    lines = text.splitlines(keepends=True)
    drop = set()
    for i, line in enumerate(lines):
        if line.lstrip().startswith("revisie:"):
            drop.add(i)
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and lines[j].lstrip().startswith("controlegetal:"):
                    drop.add(j)
    return "".join(line for i, line in enumerate(lines) if i not in drop)


def generate(n: int, target: Path, source: Path = ROOT) -> Path:
    """A valid region of `n` gemeenten in `target` (which must not exist yet)."""
    example = load_project(source)
    templates = example.gemeenten
    if n < len(templates):
        raise SystemExit(
            f"N moet minstens {len(templates)} zijn (het aantal gemeenten van het voorbeeld), gevonden {n}"
        )
    target.mkdir(parents=True)
    for folder in ("content", "dvo_templates"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder)
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    (target / "gemeenten").mkdir()

    codes = _cbs_codes({g.cbs_code for g in templates})
    members = []  # (template, slug, naam, cbs_code)
    for i in range(n):
        t, copy_no = templates[i % len(templates)], i // len(templates) + 1
        if copy_no == 1:
            members.append((t, t.slug, t.naam, t.cbs_code))
        else:
            members.append((t, f"{t.slug}-{copy_no}", f"{t.naam} {copy_no}", next(codes)))

    # Each year's basis shares, re-divided over all members in proportion to the share
    # of the example gemeente each one copies: they add up to the region's total exactly.
    jaren = example.regio.periode.jaren
    shares = {}
    for jaar in jaren:
        total = basis_regio(example.regio, jaar).totaal
        weights = [t.financien[jaar].basisdienstverlening for t, *_ in members]
        shares[jaar] = largest_remainder(int(total), weights)

    sources = {g.slug: (source / "gemeenten" / f"{g.slug}.yaml").read_text(encoding="utf-8") for g in templates}
    composed = {slug: list(_scalars(YAML().compose(text))) for slug, text in sources.items()}
    for i, (t, slug, naam, cbs) in enumerate(members):
        new = {("slug",): slug, ("naam",): naam, ("cbs_code",): cbs}
        new.update({("financien", str(jaar), "basisdienstverlening"): str(shares[jaar][i]) for jaar in jaren})
        # What a copy spent on its basis share grows with the share, so a smaller share does
        # not show as overspent (the example's ratio of spent to budget, rounded to the euro).
        for path, node in composed[t.slug]:
            if len(path) == 3 and path[0] == "besteed" and path[2] == "basisdienstverlening":
                jaar = int(str(path[1])[:4])
                was, ratio = (
                    Decimal(node.value),
                    Decimal(shares[jaar][i]) / Decimal(t.financien[jaar].basisdienstverlening),
                )
                spent = (was * ratio).quantize(Decimal(1), ROUND_HALF_UP)
                if spent != was:
                    new[path] = str(spent)
        text = _spliced(sources[t.slug], 0, _member_edits(composed[t.slug], t.slug, i // len(templates) + 1, new))
        if n > len(templates):
            # A larger synthetic region records no DVO: every basis share differs from the
            # example's, so a copied controlegetal would (rightly) fail `dvo validate`.
            text = "".join(
                line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("controlegetal:")
            )
        (target / "gemeenten" / f"{slug}.yaml").write_text(
            without_records(text) if n > len(templates) else text, encoding="utf-8"
        )

    # The regio file's list of gemeenten: the first entry's own text, once per member.
    regio_path = target / "content" / "regio.yaml"
    text = regio_path.read_text(encoding="utf-8")
    root = YAML().compose(text)
    listed = next(v for k, v in root.value if k.value == "gemeenten")
    first, last = listed.value[0], listed.value[-1]
    start = text.rfind("\n", 0, first.start_mark.index) + 1
    end = text.index("\n", max(node.end_mark.index for _, node in _scalars(last)) - 1) + 1
    entry_start = start
    entry_end = text.index("\n", max(node.end_mark.index for _, node in _scalars(first)) - 1) + 1
    entry, entry_scalars = text[entry_start:entry_end], list(_scalars(first))
    block = "".join(
        _spliced(
            entry,
            entry_start,
            [
                (node, {"slug": slug, "naam": naam, "cbs_code": cbs}[path[0]])
                for path, node in entry_scalars
                if path[0] in ("slug", "naam", "cbs_code")
            ],
        )
        for _, slug, naam, cbs in members
    )
    text = text[:start] + block + text[end:]
    regio_path.write_text(without_records(text) if n > len(templates) else text, encoding="utf-8")
    project = load_project(target)  # raises InvalidProject (with every finding) if the copy is not valid
    findings = werkmap_findings(
        project
    )  # what `dvo validate` checks after loading (recorded revisions need git history)
    if findings:
        raise InvalidProject(findings)
    return target


def _run(cmd: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", _PEAK, *cmd], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"mislukt ({result['rc']}): {' '.join(cmd)}")
    return result


def measure(n: int, *, jobs: int = 2, keep: Path | None = None) -> dict:
    """Validate and clean-build a fresh region of `n` gemeenten; whole-process figures."""
    work = Path(tempfile.mkdtemp(prefix=f"dvo-schaal-{n}-"))
    try:
        root = generate(n, work / "regio")
        dvo = [sys.executable, "-m", "generator"]
        validate = [_run(dvo + ["validate", "--root", str(root)]) for _ in range(3)]
        build = _run(dvo + ["build", "--jobs", str(jobs), "--root", str(root)])
        manifest = json.loads((root / "site" / "manifest.json").read_text(encoding="utf-8"))
        documents = sum(1 for f in manifest["bestanden"] if f["pad"].startswith("pdf/") and f["pad"].endswith(".pdf"))
        if keep is not None:
            shutil.copytree(root, keep / f"regio-{n}")
        return {
            "n": n,
            "validate_s": statistics.median(r["wall"] for r in validate),
            "validate_peak_mib": max(r["peak_kib"] for r in validate) / 1024,
            "build_s": build["wall"],
            "build_peak_mib": build["peak_kib"] / 1024,
            "documents": documents,
            "per_document_s": build["wall"] / documents,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(rows: list[dict], *, jobs: int = 2) -> None:
    print(f"Schaal: synthetische regio's, dvo build --jobs {jobs}, tijden per heel proces")
    print(
        f"{'N':>5} {'validate':>10} {'bouw (schoon)':>14} {'documenten':>11} {'per document':>13} "
        f"{'piekgeheugen/proces':>20}"
    )
    for r in rows:
        peak = max(r["validate_peak_mib"], r["build_peak_mib"])
        print(
            f"{r['n']:>5} {r['validate_s']:>9.2f}s {r['build_s']:>13.1f}s {r['documents']:>11} "
            f"{r['per_document_s']:>12.3f}s {peak:>15.0f} MiB"
        )
    for a, b in itertools.pairwise(rows):
        dn = b["n"] - a["n"]
        print(
            f"groei {a['n']}->{b['n']}: validate {1000 * (b['validate_s'] - a['validate_s']) / dn:.1f} ms per "
            "gemeente, "
            f"bouw {(b['build_s'] - a['build_s']) / dn:.2f} s per gemeente, "
            f"piekgeheugen {(b['build_peak_mib'] - a['build_peak_mib']) / dn:.2f} MiB per gemeente"
        )
    if len(rows) >= 3:
        # Linear growth: the cost of one more gemeente is the same at every size.
        first, last = rows[0], rows[-1]
        mid = rows[len(rows) // 2]
        for key, label in (("validate_s", "validate"), ("build_s", "bouw")):
            low = (mid[key] - first[key]) / (mid["n"] - first["n"])
            high = (last[key] - mid[key]) / (last["n"] - mid["n"])
            print(
                f"lineariteit {label}: groei per gemeente {mid['n']}->{last['n']} / {first['n']}->{mid['n']} = "
                f"{high / low:.2f} (1,00 = lineair)"
            )
    worst = max(max(r["validate_peak_mib"], r["build_peak_mib"]) for r in rows)
    print(f"hoogste piekgeheugen van één proces: {worst:.0f} MiB (doel: <= 1024 MiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, nargs="*", help=f"aantallen gemeenten (standaard: {' '.join(map(str, SIZES))})")
    parser.add_argument("--maak", type=Path, metavar="MAP", help="alleen een regio maken in MAP (met één N)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if args.maak:
        if len(args.n) != 1:
            parser.error("--maak MAP verwacht precies één N")
        generate(args.n[0], args.maak)
        print(f"Regio met {args.n[0]} gemeenten gemaakt in {args.maak}")
        return
    report([measure(n, jobs=args.jobs) for n in (args.n or SIZES)], jobs=args.jobs)


if __name__ == "__main__":
    main()
