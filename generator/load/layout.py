"""Where things live in a region's repository (see docs/ARCHITECTURE.md)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
    def site(self) -> Path:
        return self.root / "site"

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
