"""`dvo serve`: build, serve site/ on 127.0.0.1 only, and rebuild when a source file changes.

Watching is by polling modification times once a second: no extra dependency,
and it works the same on every filesystem. A change to one gemeente file
rebuilds only that gemeente's documents; any other change rebuilds everything.
The server keeps serving the last good site while a rebuild runs or fails.
"""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click

WATCHED = ("content", "gemeenten", "dvo_templates")


def snapshot(root: Path) -> dict[str, float]:
    files = [root / "mkdocs.yml"] + [p for d in WATCHED for p in (root / d).rglob("*") if p.is_file()]
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in files if p.exists()}


def changed(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def scope(paths: list[str]) -> str | None:
    """The one gemeente to rebuild, or None for everything."""
    slugs = {Path(p).stem for p in paths if p.startswith("gemeenten/") and p.endswith(".yaml")}
    if len(slugs) == 1 and all(p.startswith("gemeenten/") for p in paths):
        return slugs.pop()
    return None


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


def run(root: Path, port: int, rebuild, *, interval: float = 1.0) -> None:
    click.echo("Eerste bouw van de site ...", err=True)
    rebuild(None)
    (root / "site").mkdir(exist_ok=True)
    handler = functools.partial(_Quiet, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    click.echo(f"Voorbeeld op http://127.0.0.1:{server.server_address[1]}/ (stoppen met Ctrl+C)", err=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    seen = snapshot(root)
    try:
        while True:
            time.sleep(interval)
            now = snapshot(root)
            diff = changed(seen, now)
            if not diff:
                continue
            seen = now
            target = scope(diff)
            click.echo(f"Gewijzigd: {', '.join(diff[:5])}{' ...' if len(diff) > 5 else ''}; opnieuw bouwen{f' ({target})' if target else ''}.", err=True)
            ok = rebuild(target)
            click.echo("Klaar; ververs de pagina in de browser." if ok else "Bouwen mislukt; het voorbeeld toont de vorige versie.", err=True)
    except KeyboardInterrupt:
        click.echo("Gestopt.", err=True)
    finally:
        server.shutdown()
