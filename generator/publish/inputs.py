"""What a build is given: its validated source and the user's options, each one object.

`BuildOptions` is made once by the CLI (`dvo build`, `dvo serve`) and passed down as is;
`BuildSource` is made once after validation and read by every step (documents, pages,
navigation), so no step recomputes the figures or re-reads git.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.load.project import Project

if TYPE_CHECKING:
    from generator.compute.verantwoording import Verantwoording
    from generator.publish.overzichten import Overzichtplan


@dataclass(frozen=True)
class BuildOptions:
    """The choices of one `dvo build` (or one rebuild of `dvo serve`)."""

    workers: int = 1  # processes rendering PDFs (`--jobs`)
    gemeente: str | None = None  # only this gemeente's documents (`--gemeente`); the site is still built whole
    opnieuw: bool = False  # render everything, whatever the cache says (`--opnieuw`)
    deel: tuple[int, int] | None = None  # CI shard (I, N) (`--deel I/N`): its documents only, no site
    uit: Path | None = None  # the shard's folder (`--uit`)
    delen: tuple[Path, ...] = ()  # shard folders to merge (`--samenvoegen MAP...`)
    wachten: bool = False  # wait for another build of the repository instead of refusing (dvo serve)

    @property
    def whole(self) -> bool:
        """All documents are made (no --gemeente), so any other document is removed."""
        return self.gemeente is None


@dataclass(frozen=True)
class BuildSource:
    """The validated region and what follows from it, computed once per build."""

    project: Project
    verantwoording: Verantwoording
    revisie: str  # the source revision the reports print (util/revision.source_revision)
    overzichten: dict[str, Overzichtplan] = field(default_factory=dict)  # slug -> plan (overzichten.py)
