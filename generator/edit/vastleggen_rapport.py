"""`dvo vastleggen rapport NAAM PERIODE`: make a vastgestelde verantwoordingsrapportage a record.

It writes two values into the report's status block (`rapporten.<periode>` in the gemeente
file, `rapportage.rapporten.<periode>` in content/regio.yaml): `revisie`, the commit the
report is made from from then on, and `controlegetal`, the fingerprint of its content
(render/documents/rapport/vastlegging.py). The revision is HEAD, so the region's data must
be committed first: a report made from data that is in no commit could not be made again.

With `--vervang` an already recorded report keeps its revision (its data does not change)
and only gets the controlegetal that today's software gives that data.

The same byte-preserving splice as `dvo vastleggen` for a DVO; the result is re-read (only
these values may have changed) and the project validated in a scratch copy before the
atomic write.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

from ruamel.yaml import YAML

from generator.compute.verantwoording import REGIO, Verantwoording, rapportstatus, statussen, verantwoording_op
from generator.edit.vastleggen import VastleggenError, _line_of, _revalidate
from generator.edit.yaml_edit import EditError, set_scalar
from generator.load.git_revisie import GitError, is_repository
from generator.load.project import Project
from generator.render.documents.rapport.vastlegging import controlegetal, titel
from generator.util.atomic import write_text


@dataclass(frozen=True)
class RapportVastgelegd:
    rel: str
    titel: str
    revisie: str
    controlegetal: str
    regel: int  # line of the controlegetal in the file
    al_vastgelegd: bool  # nothing had to be written


def _git(project: Project, *args: str) -> str | None:
    out = subprocess.run(["git", "-C", str(project.layout.root), *args], capture_output=True, text=True, timeout=60)
    return out.stdout.rstrip("\n") if out.returncode == 0 else None


def _head(project: Project) -> str:
    """HEAD, when the region's data is committed as it is: the revision the report is made from."""
    if not is_repository(project.layout.root):
        raise VastleggenError(
            "de map van de regio is geen git-repository; een vastgelegde rapportage wordt gemaakt uit een "
            "git-revisie van de gegevens"
        )
    head = (_git(project, "rev-parse", "--verify", "--quiet", "HEAD") or "").strip()
    if not head:
        raise VastleggenError("de repository heeft nog geen commit; commit eerst de gegevens (git add, git commit)")
    changed = _git(project, "status", "--porcelain", "--untracked-files=all", "--", *project.layout.sources)
    paths = [line[3:] for line in (changed or "").splitlines()]
    if changed is None or any(not _only_records(project, path) for path in paths):
        files = ", ".join(paths[:5])
        raise VastleggenError(
            f"de gegevens hebben wijzigingen die nog niet in git staan ({files}); commit ze eerst (git add, git "
            "commit): "
            "een vastgelegde rapportage wordt gemaakt uit de commit waarin zij is vastgesteld"
        )
    return head


def _without_records(data) -> object:
    """A region or gemeente file as data, without the bookkeeping of vastgelegde reports."""
    if not isinstance(data, dict):
        return data
    rapportage = data.get("rapportage")
    for rapporten in (data.get("rapporten"), rapportage.get("rapporten") if isinstance(rapportage, dict) else None):
        for status in rapporten.values() if isinstance(rapporten, dict) else ():
            if isinstance(status, dict):
                status.pop("revisie", None)
                status.pop("controlegetal", None)
    return data


def _only_records(project: Project, rel: str) -> bool:
    """Does the uncommitted change of this file only record reports (revisie, controlegetal)?
    Several reports of one revision are recorded one after the other, before one commit."""
    if not rel.endswith(".yaml"):
        return False
    committed = _git(project, "show", f"HEAD:{_prefix(project)}{rel}")
    if committed is None:
        return False
    safe = YAML(typ="safe")
    try:
        now = safe.load((project.layout.root / rel).read_text(encoding="utf-8"))
        before = safe.load(committed)
    except Exception:
        return False
    return _without_records(now) == _without_records(before)


def _prefix(project: Project) -> str:
    return _git(project, "rev-parse", "--show-prefix") or ""


def _verify(old: str, new: str, path: tuple, values: dict[str, str], rel: str) -> None:
    """Compare both files as data: only these values of the status block may differ."""
    safe = YAML(typ="safe")
    before, after = safe.load(old), safe.load(new)

    def block(data):
        for part in path:
            if part not in data and str(part).isdigit() and int(part) in data:
                part = int(part)  # YAML reads `2015:` as a number
            data = data[part]
        return data

    got = block(after)
    if any(str(got.get(k)) != v for k, v in values.items()):
        raise VastleggenError(
            f"{rel}: interne fout: het controlegetal staat niet goed in het bestand; er is niets geschreven"
        )
    for k in values:
        got.pop(k, None)
        block(before).pop(k, None)
    if before != after:
        raise VastleggenError(f"{rel}: interne fout: er zou meer veranderen dan de vastlegging; er is niets geschreven")


def vastleggen_rapport(project: Project, naam: str, code: str, *, vervang: bool = False) -> RapportVastgelegd:
    """Record report `naam` (a gemeente's slug, or REGIO) of period `code`."""
    v = Verantwoording(project)
    periode = v.periode(code)
    if periode is None:
        codes = ", ".join(p.code for p in v.perioden) or "geen"
        raise VastleggenError(
            f"er is geen verantwoordingsrapportage over '{code}'; rapportages zijn er over: {codes}", gebruik=True
        )
    wie = titel(project, naam, periode)
    status = rapportstatus(statussen(project, naam), periode)
    path: tuple[str, ...]
    if naam == REGIO:
        rel, path = project.layout.rel(project.layout.regio), ("rapportage", "rapporten", code)
    else:
        rel, path = project.layout.rel(project.layout.gemeenten / f"{naam}.yaml"), ("rapporten", code)
    plek = ".".join(str(p) for p in path)
    if status.status != "vastgesteld":
        raise VastleggenError(
            f"de verantwoordingsrapportage {wie} heeft status '{status.status}'; alleen een vastgestelde "
            "rapportage wordt vastgelegd "
            f"(zet in {rel} bij {plek} status: vastgesteld, met door wie en wanneer, en commit dat)",
            gebruik=True,
        )
    text = (project.layout.root / rel).read_text(encoding="utf-8")
    recorded = status.revisie if status.vastgelegd else None
    if recorded is not None:
        try:
            nu = controlegetal(verantwoording_op(project, recorded), naam, periode)
        except GitError as exc:
            raise VastleggenError(f"de revisie van de vastgestelde rapportage {wie} is niet te lezen: {exc}") from None
        if nu == status.controlegetal:
            return RapportVastgelegd(rel, wie, recorded, nu, _line_of(text, nu), al_vastgelegd=True)
        if not vervang:
            raise VastleggenError(
                f"de verantwoordingsrapportage {wie} is al vastgelegd, uit revisie {recorded[:10]}, maar die "
                "gegevens geven met deze "
                "versie van de software een ander controlegetal. Een vastgestelde rapportage verandert niet; "
                "controleer dat de cijfers "
                f"niet anders zijn geworden en vervang het controlegetal met 'dvo vastleggen rapport {naam} "
                f"{code} --vervang'"
            )
        values = {"controlegetal": nu}
        revisie = recorded
    else:
        revisie = _head(project)
        nu = controlegetal(verantwoording_op(project, revisie), naam, periode)
        values = {"revisie": revisie, "controlegetal": nu}
    new = text
    try:
        for key, value in values.items():
            new = set_scalar(new, path, key, value)
    except EditError as exc:
        raise VastleggenError(f"{rel}: de vastlegging kan niet worden geschreven: {exc}") from exc
    _verify(text, new, path, values, rel)
    _revalidate(project, rel, new)
    write_text(project.layout.root / rel, new)
    return RapportVastgelegd(rel, wie, revisie, nu, _line_of(new, nu), al_vastgelegd=False)
