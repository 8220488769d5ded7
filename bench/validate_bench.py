"""How long `dvo validate` spends loading the example region, and what the input bounds cost.

Prints CPU time (best of N runs, so other work on the machine matters less) of:
- load_project on the whole region (parse, models, rules), as `dvo validate` does;
- bounds.structure_problems alone over every YAML file (the libyaml pre-pass);
- the same pre-pass on the eight-line alias bomb of issue 16 (refused, not expanded).

    .venv/bin/python bench/validate_bench.py [--root DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

BOMB = """bom:
  a: &a ["x","x","x","x","x","x","x","x","x"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
"""


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from generator.load.project import load_project

    root = args.root.resolve()
    files = sorted((root / "content").glob("*.yaml")) + sorted((root / "gemeenten").glob("*.yaml"))
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in files]
    size = sum(len(t.encode()) for _, t in texts)
    load = best(lambda: load_project(root), args.runs)
    print(f"load_project ({len(files)} files, {size / 1024:.0f} kB): {load * 1000:.0f} ms CPU")
    try:
        from generator.load.bounds import structure_problems
    except ImportError:
        print("bounds: not in this version")
        return
    bounds = best(lambda: [structure_problems(t, name) for name, t in texts], args.runs)
    print(f"bounds pre-pass on the same files: {bounds * 1000:.1f} ms CPU ({bounds / load * 100:.1f}% of the load)")
    bomb = best(lambda: structure_problems(BOMB, "bom.yaml"), args.runs)
    print(f"alias bomb refused in: {bomb * 1000:.2f} ms CPU")


if __name__ == "__main__":
    main()
