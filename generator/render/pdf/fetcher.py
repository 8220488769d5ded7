"""A WeasyPrint URL fetcher that serves only the project's own template assets.

Assets live in the package's templates/static and, for a region's overrides, in
its dvo_templates/static; a file under either is served from the first folder
that has that relative path. Any other request (file:// elsewhere, http(s)://,
data:) is refused and remembered, so the build can report it as an error naming the URL.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from generator.util.errors import DvoError

ASSET_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


class RefusedFetch(DvoError, ValueError):
    """A URL outside the template assets (the message names it)."""


class AssetFetcher:
    _fail_on_errors = False  # WeasyPrint reads this when a fetch raises

    def __init__(self, allowed_roots: tuple[Path, ...] | Path):
        roots = (allowed_roots,) if isinstance(allowed_roots, Path) else allowed_roots
        self.allowed_roots = tuple(r.resolve() for r in roots)  # search order: override first
        self.served: list[str] = []
        self.refused: list[str] = []

    def __call__(self, url: str, *args, **kwargs):
        from weasyprint.urls import URLFetcherResponse

        path = self._allowed_path(url)
        if path is None:
            self.refused.append(url)
            raise RefusedFetch(f"geweigerd: {url}")
        self.served.append(url)
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": ASSET_TYPES[path.suffix]})

    def _allowed_path(self, url: str) -> Path | None:
        parsed = urlparse(url)
        if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
            return None
        path = Path(unquote(parsed.path)).resolve()
        rel = next((path.relative_to(r) for r in self.allowed_roots if path.is_relative_to(r)), None)
        if rel is None or path.suffix not in ASSET_TYPES:
            return None
        for root in self.allowed_roots:
            candidate = (root / rel).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                return candidate
        return None
