"""The regional re-integratieverordening as structure (after STOP):
hoofdstuk -> artikel -> lid -> onderdeel. Numbers are assigned by position,
so they can never drift from the text; ids are stable for links."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from string import ascii_lowercase

from pydantic import Field

from generator.models.types import Id, StrictModel, Text


class Onderdeel(StrictModel):
    id: Id
    tekst: Text


class Lid(StrictModel):
    id: Id
    tekst: Text
    onderdelen: list[Onderdeel] = []


class Artikel(StrictModel):
    id: Id
    opschrift: Text
    leden: list[Lid] = Field(min_length=1)


class Hoofdstuk(StrictModel):
    id: Id
    opschrift: Text
    artikelen: list[Artikel] = Field(min_length=1)


class Verordening(StrictModel):
    citeertitel: Text
    officiele_titel: Text
    grondslag: Text
    vastgesteld_door: Text
    datum_vaststelling: dt.date
    datum_inwerkingtreding: dt.date
    status: Text
    hoofdstukken: list[Hoofdstuk] = Field(min_length=1)

    def genummerd(self) -> list[GenummerdHoofdstuk]:
        """The structure with label and nummer per part, assigned by position.

        Artikelen are numbered through the whole verordening (artikel 1..n), leden
        per artikel, onderdelen with letters a, b, c per lid, as in Dutch regulations.
        """
        out, artikel_nr = [], 0
        for h_nr, h in enumerate(self.hoofdstukken, 1):
            artikelen = []
            for a in h.artikelen:
                artikel_nr += 1
                leden = [
                    GenummerdLid(
                        lid,
                        str(l_nr),
                        f"artikel-{artikel_nr}-lid-{l_nr}",
                        [(ascii_lowercase[o] if o < 26 else str(o + 1), o_) for o, o_ in enumerate(lid.onderdelen)],
                    )
                    for l_nr, lid in enumerate(a.leden, 1)
                ]
                artikelen.append(GenummerdArtikel(a, "Artikel", str(artikel_nr), f"artikel-{artikel_nr}", leden))
            out.append(GenummerdHoofdstuk(h, "Hoofdstuk", str(h_nr), artikelen))
        return out


@dataclass(frozen=True)
class GenummerdLid:
    lid: Lid
    nummer: str
    anker: str  # e.g. artikel-5-lid-2
    onderdelen: list[tuple[str, Onderdeel]]  # (letter, onderdeel)


@dataclass(frozen=True)
class GenummerdArtikel:
    artikel: Artikel
    label: str
    nummer: str
    anker: str
    leden: list[GenummerdLid]


@dataclass(frozen=True)
class GenummerdHoofdstuk:
    hoofdstuk: Hoofdstuk
    label: str
    nummer: str
    artikelen: list[GenummerdArtikel]
