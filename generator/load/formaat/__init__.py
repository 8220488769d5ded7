"""The data format of a region: which format its files are in, and the steps to the current one.

`content/regio.yaml` states its format (`formaat: 4`). Data without it is older than format 4;
its format is recognised by its shape (`herken`): a field that format 3 renamed or made
required still in its old form means format 2 (or 1, without a site configuration).
`migreer` runs the steps from that format to the current one (stappen.py), on the text of
the files, for `dvo bijwerken` and for older git revisions alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from ruamel.yaml.nodes import MappingNode

from generator.load.formaat.stappen import (
    HUIDIG,
    INDICATOREN,
    INSTRUMENTARIUM,
    MKDOCS,
    OUDSTE,
    REGIO,
    STAPPEN,
    Melding,
    Migratie,
    Stap,
)
from generator.load.formaat.yamltekst import TekstFout, entry_of

__all__ = ["HUIDIG", "OUDSTE", "STAPPEN", "Herkend", "Melding", "Migratie", "Stap", "TekstFout", "herken", "migreer"]

KEY = "formaat"
# The comment `dvo bijwerken` writes beside the format it adds.
KEY_COMMENT = "het formaat van deze gegevens (README: Gegevensformaat); `dvo bijwerken` werkt het bij"
# Fields whose old names may still stand in a region's comments after a rename.
OUDE_NAMEN = ("wettelijke_grondslag", "verordening_artikel", "eerste_jaar", "laatste_jaar")


@dataclass(frozen=True)
class Herkend:
    formaat: int | None  # None: `formaat` is not a whole number
    waaraan: str  # Dutch: what the format was recognised by


def _lijst(data: object, key: str) -> list[dict]:
    items = data.get(key) if isinstance(data, dict) else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def herken(regio: object, instrumentarium: object, indicatoren: object, *, siteconfig: bool | None) -> Herkend:
    """The format of a region's data, from the parsed data of three files.

    `siteconfig`: whether mkdocs.yml exists (None when unknown, e.g. for a git revision:
    formats 1 and 2 differ only there)."""
    if isinstance(regio, dict) and KEY in regio:
        value = regio[KEY]
        if isinstance(value, int) and not isinstance(value, bool):
            return Herkend(value, f"'{KEY}: {value}' in {REGIO}")
        return Herkend(None, f"'{KEY}' in {REGIO}")
    oud = _format_2_shape(regio, instrumentarium, indicatoren)
    if oud is None:
        return Herkend(3, f"{REGIO} noemt geen '{KEY}'")
    if siteconfig is False:
        return Herkend(1, f"{oud}, en er is geen {MKDOCS}")
    return Herkend(2, oud)


def _format_2_shape(regio: object, instrumentarium: object, indicatoren: object) -> str | None:
    """What shows a field in its format-2 form, or None."""
    for i in _lijst(instrumentarium, "instrumenten"):
        for old in ("wettelijke_grondslag", "verordening_artikel"):
            if old in i:
                return f"'{old}' in {INSTRUMENTARIUM}"
    for i in _lijst(indicatoren, "indicatoren"):
        if "meetwijze" not in i:
            return f"indicator '{i.get('id')}' zonder 'meetwijze' in {INDICATOREN}"
    rapportage = regio.get("rapportage") if isinstance(regio, dict) else None
    if isinstance(rapportage, dict):
        for required in ("escalatie", "onderbesteding_vanaf"):
            if required not in rapportage:
                return f"'rapportage' zonder '{required}' in {REGIO}"
    return None


def migreer(m: Migratie, vanaf: int) -> list[Stap]:
    """Run every step after format `vanaf` on the files of `m`, then state the current format.
    Returns the steps that ran."""
    gedaan = [s for s in STAPPEN if s.naar > vanaf]
    for stap in gedaan:
        m.stap = stap.naar
        stap.voer_uit(m)
        m.afronden()
    _formaat(m)
    m.afronden()
    if m.werkmap:
        _oude_namen_in_commentaar(m)
    return gedaan


def _formaat(m: Migratie) -> None:
    t = m.yaml(REGIO)
    if t is None or not isinstance(t.root, MappingNode) or not t.root.value:
        return
    m.stap = HUIDIG
    found = entry_of(t.root, KEY)
    if found is not None:
        if found[1].value != str(HUIDIG):
            t.replace(found[1], str(HUIDIG))
            m.doe(f"{REGIO}: '{KEY}: {HUIDIG}'")
        return
    t.add_entry(t.root, KEY, HUIDIG, before=t.root.value[0][0].value, comment=KEY_COMMENT)
    m.doe(f"{REGIO}: '{KEY}: {HUIDIG}' toegevoegd")


def _oude_namen_in_commentaar(m: Migratie) -> None:
    """A comment that still explains a renamed field misleads the next reader: say where."""
    for rel, text in sorted(m.teksten.items()):
        if not rel.endswith(".yaml"):
            continue
        for nr, line in enumerate(text.splitlines(), 1):
            comment = line.split("#", 1)[1] if "#" in line else ""
            names = [n for n in OUDE_NAMEN if n in comment]
            if names:
                m.meldingen.append(
                    Melding(
                        rel,
                        f"regel {nr}: het commentaar noemt nog {', '.join(repr(n) for n in names)}; pas het aan "
                        "aan het nieuwe formaat",
                    )
                )
