"""Where things live in a region's repository (see docs/ARCHITECTURE.md)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The templates, print CSS, fonts, site assets and default pages that ship in the package.
PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# The files a region edits, by kind (the names of `dvo schema`), as globs relative to the root.
FILE_GLOBS = {
    "regio": "content/regio.yaml",
    "gemeente": "gemeenten/*.yaml",
    "indicatoren": "content/indicatoren.yaml",
    "instrumentarium": "content/instrumentarium.yaml",
    "verordening": "content/verordening.yaml",
    "standaardbepalingen": "content/dvo-standaardbepalingen.yaml",
}

# The generated site pages with a fixed name (publish/pages.py writes them, plus one
# page per gemeente under gemeenten/ and one per instrument under instrumentarium/).
GENERATED_PAGES = ("gemeenten/index.md", "regio/index.md", "instrumentarium/index.md", "verordening.md")


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def regio(self) -> Path:
        return self.content / "regio.yaml"

    @property
    def instrumentarium(self) -> Path:
        return self.content / "instrumentarium.yaml"

    @property
    def indicatoren(self) -> Path:
        return self.content / "indicatoren.yaml"

    @property
    def verordening(self) -> Path:
        return self.content / "verordening.yaml"

    @property
    def dvo_bepalingen(self) -> Path:
        return self.content / "dvo-standaardbepalingen.yaml"

    @property
    def gemeenten(self) -> Path:
        return self.root / "gemeenten"

    @property
    def template_overrides(self) -> Path:
        """The region's own templates and assets, each overriding the package's file of that name."""
        return self.root / "dvo_templates"

    @property
    def pages(self) -> Path:
        """The region's own authored site pages; each replaces the package's default page of that name."""
        return self.content / "pages"

    @property
    def mkdocs(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def sources(self) -> tuple[str, ...]:
        """Everything a build reads from the region, relative to the root (for the revision marker)."""
        return ("content", "gemeenten", "dvo_templates", "mkdocs.yml")

    @property
    def journal(self) -> Path:
        """Where `dvo bijwerken` keeps the originals while it replaces files (gone when it finished)."""
        return self.root / ".staging" / "bijwerken"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
