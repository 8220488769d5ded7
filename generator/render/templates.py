"""Where templates and assets come from: the region's own `dvo_templates/` first, then the package.

The software ships every template, the print and screen CSS, the fonts and the
site's stylesheet and script under generator/templates/. A region overrides any
of them by putting a file with the same relative path in its repository's
`dvo_templates/` (like mkdocs' custom_dir); whatever it does not override comes
from the package, so a region repository needs no copy of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.load.layout import PACKAGE_TEMPLATES, Layout


@dataclass(frozen=True)
class Templates:
    """An ordered search path: the region's overrides (when it has any), then the package."""

    dirs: tuple[Path, ...]

    @classmethod
    def for_layout(cls, layout: Layout) -> "Templates":
        override = layout.template_overrides
        return cls((override, PACKAGE_TEMPLATES) if override.is_dir() else (PACKAGE_TEMPLATES,))

    @property
    def static_dirs(self) -> tuple[Path, ...]:
        """Where print assets (CSS, fonts) may come from, in the same order."""
        return tuple(d / "static" for d in self.dirs)

    def find(self, rel: str) -> Path:
        """The file that wins for `rel`; FileNotFoundError names every place looked in."""
        for folder in self.dirs:
            path = folder / rel
            if path.is_file():
                return path
        raise FileNotFoundError(f"sjabloon '{rel}' niet gevonden (gezocht in: {', '.join(str(d) for d in self.dirs)})")

    def read_text(self, rel: str) -> str:
        return self.find(rel).read_text(encoding="utf-8")

    def tree(self, rel_dir: str) -> dict[str, Path]:
        """Every file under `rel_dir` by its path relative to `rel_dir`; an override wins."""
        files: dict[str, Path] = {}
        for folder in reversed(self.dirs):
            base = folder / rel_dir
            if base.is_dir():
                files.update({p.relative_to(base).as_posix(): p for p in sorted(base.rglob("*")) if p.is_file()})
        return dict(sorted(files.items()))
