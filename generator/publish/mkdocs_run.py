"""mkdocs over the staging docs folder: the configuration checked like data, `mkdocs build
--strict` through its API with every warning a problem, and the key of everything it reads
(so an unchanged site is not built again)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from functools import lru_cache
from pathlib import Path

from generator.load.bounds import TooLarge, read_limited, structure_problems
from generator.load.project import Project
from generator.publish.cache import file_sha256
from generator.publish.render_key import KEY_FORMAT, software_fingerprint
from generator.util.errors import DvoError
from generator.util.paths import outside_reason
from generator.util.revision import source_date


class SiteError(DvoError):
    """mkdocs refused the site (or a page could not be made); `problems` are its messages."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems

    def lines(self) -> list[str]:
        summary = f"De site is niet gebouwd ({len(self.problems)} melding(en) van mkdocs, strikte modus)"
        tail = self.gevolg.removeprefix("De site is niet gebouwd; ") if self.gevolg else None
        return [f"Fout in de site: {line}" for line in self.problems] + [
            f"{summary}; {tail}" if tail else f"{summary}."
        ]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def site_date(project: Project) -> dt.date:
    """The newest date in the data: the site's build date (sitemap), never the clock."""
    dates = [g.dvo.datum for g in project.gemeenten] + [project.verordening.datum_vaststelling]
    return max(dates)


def check_config(config: Path, root: Path) -> None:
    """mkdocs.yml is read by PyYAML inside mkdocs: same bounds as the data (its tags are allowed)."""
    rel = config.name
    reason = outside_reason(config, root)
    if reason is not None:
        raise SiteError([f"{rel} {reason}"])
    try:
        text = read_limited(config, rel).decode("utf-8")
    except TooLarge as exc:
        raise SiteError([str(exc.finding)]) from None
    except UnicodeDecodeError:
        raise SiteError([f"{rel}: bestand is geen geldige UTF-8-tekst"]) from None
    problems = structure_problems(text, rel, allow_tags=True)
    if problems:
        raise SiteError([str(f) for f in problems])


def run_mkdocs(
    config: Path, docs: Path, out: Path, *, datum, memo: Path | None = None, zoekindex_later: bool = False
) -> None:
    """`mkdocs build --strict` through its API; every warning becomes a problem. `memo`: where
    the per-page results are kept between builds (mkdocs_memo.py); `zoekindex_later`: a
    changed page may keep its previous search entries (a build that links PDFs follows)."""
    check_config(config, config.parent)
    source_date(datum)  # mkdocs dates the sitemap with it
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.publish.mkdocs_memo import memoised

    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    level = logger.level
    logger.addHandler(collect)
    logger.setLevel(logging.WARNING)  # mkdocs' INFO chatter is not for our users
    try:
        cfg = load_config(config_file=str(config), strict=True, docs_dir=str(docs), site_dir=str(out))
        if memo is None:
            build(cfg)
        else:
            with memoised(memo, config, overrides=theme_dir(config), zoekindex_later=zoekindex_later) as kept:
                build(cfg)
                if kept is not None and not collect.messages:
                    kept.save()
    except MkDocsException as exc:
        raise SiteError(collect.messages or [str(exc)]) from exc
    finally:
        logger.removeHandler(collect)
        logger.setLevel(level)
    if collect.messages:
        raise SiteError(collect.messages)


def theme_dir(config: Path) -> Path | None:
    """A theme `custom_dir` in mkdocs.yml: mkdocs reads it besides the docs folder."""
    try:
        custom = _custom_dir(config.read_text(encoding="utf-8"))
    except OSError:
        return None  # mkdocs itself will report it
    return config.parent / custom if custom is not None else None


@lru_cache(maxsize=4)  # a build asks three times, dvo serve at every save: composed once per text
def _custom_dir(text: str) -> str | None:
    """Read with ruamel's composer, which needs no constructor for tags such as !!python/name."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.nodes import MappingNode

    try:
        root = YAML().compose(text)
    except YAMLError:
        return None  # mkdocs itself will report it
    theme = next((v for k, v in root.value if k.value == "theme"), None) if isinstance(root, MappingNode) else None
    custom = (
        next((v.value for k, v in theme.value if k.value == "custom_dir"), None)
        if isinstance(theme, MappingNode)
        else None
    )
    return custom if isinstance(custom, str) else None


def site_key(project: Project, config: Path, docs: Path) -> str:
    """Everything mkdocs reads: the docs folder, the configuration it is given (and its
    theme custom_dir: the overrides), the software and the site date."""
    h = hashlib.sha256()
    h.update(
        json.dumps([KEY_FORMAT, software_fingerprint(), file_sha256(config), site_date(project).isoformat()]).encode()
    )
    folders = [("docs", docs)]
    theme = theme_dir(config)
    if theme is not None and theme.is_dir():
        folders.append(("theme", theme))
    for label, folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(f"{label} {path.relative_to(folder).as_posix()} {file_sha256(path)}\n".encode())
    return h.hexdigest()
