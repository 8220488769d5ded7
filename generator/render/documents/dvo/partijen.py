"""How the DVO names its parties and who represents them, in words.

The same sentences appear in the document and in the wijzigingsoverzicht, so a
change of signatory or mandate shows up there word by word.
"""

from __future__ import annotations

from generator.models.gemeente import Bevoegdheid, Ondertekenaar
from generator.util.formatting import date_long


def grondslag_tekst(g: Bevoegdheid | None) -> str:
    """`op grond van het besluit van <orgaan> van <datum> (kenmerk K)`, or what is still missing."""
    if g is None:
        return "op grond van een besluit of mandaat dat nog moet worden vermeld"
    orgaan = g.orgaan or "het bevoegde orgaan"
    kenmerk = f" (kenmerk {g.kenmerk})" if g.kenmerk else ""
    if g.soort == "mandaat":
        wanneer = f", verleend op {date_long(g.datum)}" if g.datum else ""
        return f"krachtens mandaat van {orgaan}{wanneer}{kenmerk}"
    wanneer = f" van {date_long(g.datum)}" if g.datum else " (datum nog te bepalen)"
    return f"op grond van het besluit van {orgaan}{wanneer}{kenmerk}"


def vertegenwoordiging(ondertekenaars: list[Ondertekenaar]) -> str:
    """`vertegenwoordigd door A, functie, op grond van ...; en B, ...`."""
    parts = [f"{o.naam}, {o.functie}, {grondslag_tekst(o.grondslag)}" for o in ondertekenaars]
    if not parts:
        return "vertegenwoordigd door (nog niet vermeld)"
    return "vertegenwoordigd door " + "; en ".join(parts)


def partij_gemeente(naam: str, ondertekenaars: list[Ondertekenaar]) -> str:
    eigen = [o for o in ondertekenaars if o.namens == "gemeente"]
    return f"De gemeente {naam}, {vertegenwoordiging(eigen)}, hierna: de gemeente;"


def partij_werkbedrijf(
    organisatie: str, rechtsvorm: str, vestigingsplaats: str, ondertekenaars: list[Ondertekenaar], korte_naam: str
) -> str:
    """The organisation as a party, with the short name the rest of the text uses as its defined term."""
    eigen = [o for o in ondertekenaars if o.voor_organisatie]
    return (
        f"{organisatie}, {rechtsvorm}, gevestigd te {vestigingsplaats}, {vertegenwoordiging(eigen)}, hierna: "
        f"{korte_naam},"
    )
