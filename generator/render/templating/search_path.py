"""Where templates and assets come from: the region's own `dvo_templates/` first, then the package.

The software ships every template, the print and screen CSS, the fonts and the
site's stylesheet and script under generator/templates/. A region overrides any
of them by putting a file with the same relative path in its repository's
`dvo_templates/` (like mkdocs' custom_dir); whatever it does not override comes
from the package, so a region repository needs no copy of them.

An override is read only when it lies inside the region repository: a symlink
from dvo_templates/ to a file elsewhere (say /etc/passwd) is refused with the
file named, for Jinja templates, the print assets and the site assets alike.
Each search folder's boundary is its parent: the region root for dvo_templates/,
the package for its own templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import FileSystemLoader, TemplateError
from jinja2.loaders import split_template_path

from generator.load.layout import PACKAGE_TEMPLATES, Layout
from generator.util.errors import DvoError
from generator.util.paths import OutsideRepository, outside_reason


@dataclass(frozen=True)
class Templates:
    """An ordered search path: the region's overrides (when it has any), then the package."""

    dirs: tuple[Path, ...]

    @classmethod
    def for_layout(cls, layout: Layout) -> Templates:
        override = layout.template_overrides
        if not override.is_dir():
            return cls((PACKAGE_TEMPLATES,))
        reason = outside_reason(override, layout.root)
        if reason is not None:
            raise OutsideRepository(f"{layout.rel(override)} {reason}")
        return cls((override, PACKAGE_TEMPLATES))

    @property
    def static_dirs(self) -> tuple[Path, ...]:
        """Where print assets (CSS, fonts) may come from, in the same order."""
        return tuple(d / "static" for d in self.dirs)

    def find(self, rel: str) -> Path:
        """The file that wins for `rel`; FileNotFoundError names every place looked in."""
        for folder in self.dirs:
            path = folder / rel
            if path.is_symlink() or path.exists():
                return _contained(path, folder)
        raise FileNotFoundError(f"sjabloon '{rel}' niet gevonden (gezocht in: {', '.join(str(d) for d in self.dirs)})")

    def read_text(self, rel: str) -> str:
        return self.find(rel).read_text(encoding="utf-8")

    def tree(self, rel_dir: str) -> dict[str, Path]:
        """Every file under `rel_dir` by its path relative to `rel_dir`; an override wins."""
        files: dict[str, Path] = {}
        for folder in reversed(self.dirs):
            base = folder / rel_dir
            if base.is_dir():
                entries = sorted(p for p in base.rglob("*") if p.is_symlink() or not p.is_dir())
                for p in entries:
                    if _contained(p, folder).is_file():
                        files[p.relative_to(base).as_posix()] = p
        return dict(sorted(files.items()))


def _contained(path: Path, folder: Path) -> Path:
    """`path` when it may be read: a regular file inside the boundary of its search folder."""
    reason = outside_reason(path, folder.parent)
    if reason is not None:
        raise OutsideRepository(f"sjabloon {_shown(path, folder)} {reason}")
    return path


def _shown(path: Path, folder: Path) -> str:
    return path.relative_to(folder.parent).as_posix() if path.is_relative_to(folder.parent) else str(path)


class TemplateOutside(DvoError, TemplateError):
    """A Jinja template that is a link out of the repository; the message is Dutch."""


class ContainedLoader(FileSystemLoader):
    """Jinja's FileSystemLoader, but a template is opened only after the repository check."""

    def __init__(self, dirs: tuple[Path, ...]):
        self.dirs = dirs
        super().__init__([str(d) for d in dirs])

    def get_source(self, environment, template):
        pieces = split_template_path(template)  # refuses '..' in the name itself
        for folder in self.dirs:
            path = folder.joinpath(*pieces)
            if path.is_symlink() or path.exists():
                try:
                    _contained(path, folder)
                except OutsideRepository as exc:
                    raise TemplateOutside(str(exc)) from None
                break
        return super().get_source(environment, template)
