"""`dvo serve`: build, serve site/ on 127.0.0.1 only, and rebuild when a source file changes.

Watching is by polling modification times ten times a second: no extra dependency,
and it works the same on every filesystem. Every change runs the same incremental
build as `dvo build`: whatever depends on the edit is made again (an edited realisatie
also updates the regional report of its period), nothing else, in two steps. First the
HTML: the documents' standalone HTML, their reading copies and every page, published at
once; a page whose PDF is still to be made says "PDF wordt gemaakt …" instead of linking
the previous PDF. Then, in the background, the PDFs, and the site again with their links.
A save during the second step stops it after the documents in progress (those are kept)
and starts again from the first.
The server keeps serving the last good site while a rebuild runs or fails.
Pages it serves get a small script (in the response only, never in site/) that
reloads the browser tab after each step that changed the site.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click

WATCHED = ("content", "gemeenten", "dvo_templates")


def snapshot(root: Path) -> dict[str, float]:
    files = [root / "mkdocs.yml"] + [p for d in WATCHED for p in (root / d).rglob("*") if p.is_file()]
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in files if p.exists()}


def changed(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


RELOAD = b"""<script>(function () {
  var seen = null;
  setInterval(function () {
    fetch("/__versie", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
      if (seen !== null && v !== seen) { location.reload(); }
      seen = v;
    }).catch(function () {});
  }, 400);
})();</script>"""


class Preview(SimpleHTTPRequestHandler):
    """Serves site/; `/__versie` is the build counter the injected script polls."""

    versie = 0

    def do_GET(self):
        if self.path == "/__versie":
            return self._send(str(type(self).versie).encode(), "text/plain")
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # redirects to the path with a slash
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_bytes().replace(b"</body>", RELOAD + b"</body>", 1)
            return self._send(html, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


# The rest of a rebuild after its HTML step: makes the PDFs, stopping early when its
# argument returns True; returns True when the site was built again with them.
Rest = Callable[[Callable[[], bool]], bool]


class Background:
    """The PDF step of the last rebuild, in a thread; the open tabs reload when it is done."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def start(self, rest: Rest) -> None:
        self._stop = stop = threading.Event()

        def work() -> None:
            if rest(stop.is_set) and not stop.is_set():
                Preview.versie += 1

        self._thread = threading.Thread(target=work, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop it after the documents in progress, and wait for that."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()


# Runs the HTML step for the files changed (none: the first build), calling its second
# argument when it published part of the site early; returns (ok, the PDF step still to run
# or None).
Rebuild = Callable[[list[str], Callable[[], None]], tuple[bool, Rest | None]]


def _published() -> None:
    Preview.versie += 1  # open tabs reload themselves


def run(root: Path, port: int, rebuild: Rebuild, *, interval: float = 0.1) -> None:
    background = Background()
    click.echo("Eerste bouw van de site ...", err=True)
    _, rest = rebuild([], _published)
    if rest is not None:
        background.start(rest)
    (root / "site").mkdir(exist_ok=True)
    handler = functools.partial(Preview, directory=str(root / "site"))
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
            click.echo(f"Gewijzigd: {', '.join(diff[:5])}{' ...' if len(diff) > 5 else ''}; opnieuw bouwen.", err=True)
            if background.busy():
                click.echo("De PDF's van de vorige wijziging worden afgebroken.", err=True)
            background.stop()
            ok, rest = rebuild(diff, _published)
            if ok:
                _published()
            click.echo(
                ("Pagina's klaar; de browser laadt de pagina opnieuw." + (" De PDF's volgen." if rest else ""))
                if ok
                else "Bouwen mislukt; het voorbeeld toont de vorige versie.",
                err=True,
            )
            if rest is not None:
                background.start(rest)
    except KeyboardInterrupt:
        click.echo("Gestopt.", err=True)
    finally:
        background.stop()
        server.shutdown()
