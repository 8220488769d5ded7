"""Figures that can be true: a ratio written as teller and noemer, and a percentage that its noemer can reach.

A realisatie of a ratio may be written as `{teller: 4, noemer: 6}`; its value is computed
when the data is loaded (`met_waarden`), a percentage as teller / noemer x 100, so the
report never shows a value that no count gives.

A percentage written as a value with a noemer must be reachable: some whole number of
that noemer must round to it (73,4% of 6 werkplekken cannot be: 4 of 6 is 66,7%, 5 of 6
is 83,3%). `rule_bereikbaar` refuses an unreachable one at its line and names the nearest
reachable values. The noemer of a percentage is a count, so it is whole; so is the teller,
and it is at most the noemer.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from generator.load.findings import Finding, field_path
from generator.load.loaded import RegionFiles
from generator.models.catalog import Indicatoren
from generator.models.gemeente import Gemeente, Realisatie
from generator.util.formatting import number, percentage

HUNDRED = Decimal(100)


def waarde(real: Realisatie, eenheid: str) -> Decimal:
    """The value of a realisatie: as written, or from teller and noemer (x 100 for a percentage)."""
    if real.teller is not None and real.noemer is not None:
        ratio = real.teller / real.noemer
        return ratio * HUNDRED if eenheid == "percentage" else ratio
    assert real.waarde is not None  # the schema asks a waarde where there is no teller and noemer
    return real.waarde


def met_waarden(g: Gemeente, indicatoren: Indicatoren) -> Gemeente:
    """The gemeente with the value of every realisatie written as teller and noemer filled in."""
    eenheden = {i.id: i.eenheid for i in indicatoren.indicatoren}
    changed = False
    indicators = []
    for p in g.prestatie_indicatoren:
        if any(r.teller is not None for r in p.realisaties.values()):
            eenheid = eenheden.get(p.indicator, "aantal")
            realisaties = {
                k: r.model_copy(update={"waarde": waarde(r, eenheid)}) if r.teller is not None else r
                for k, r in p.realisaties.items()
            }
            p = p.model_copy(update={"realisaties": realisaties})
            changed = True
        indicators.append(p)
    return g.model_copy(update={"prestatie_indicatoren": indicators}) if changed else g


def decimalen(value: Decimal) -> int:
    """How many decimals a value was written with: 73.4 -> 1, 67.0 -> 1, 70 -> 0."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def afgerond(teller: int, noemer: int, decimals: int) -> Decimal:
    return (Decimal(teller) * HUNDRED / Decimal(noemer)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def dichtstbij(pct: Decimal, noemer: int) -> list[int]:
    """The whole tellers whose percentage of `noemer` lies nearest `pct`, below and above."""
    exact = pct * noemer / HUNDRED
    onder = int(exact.to_integral_value(rounding=ROUND_FLOOR))
    return [t for t in (onder, onder + 1) if 0 <= t <= noemer]


def bereikbaar(pct: Decimal, noemer: int) -> bool:
    """Does some whole teller of `noemer` round to `pct`, at the decimals `pct` was written with?"""
    d = decimalen(pct)
    return any(afgerond(t, noemer, d) == pct for t in dichtstbij(pct, noemer))


def _pct(value: Decimal, decimals: int) -> str:
    return percentage(value, decimals=max(decimals, 1))


def _whole(value: Decimal | None) -> bool:
    return value is not None and value == value.to_integral_value()


def _yaml_key(doc, parent: tuple, key: str):
    """Realisaties are keyed by text, but YAML may hold the key as an int (`2016:`)."""
    return int(key) if key.isdigit() and parent + (int(key),) in doc.key_pos else key


def rule_bereikbaar(ld: RegionFiles) -> Iterator[Finding]:
    """A percentage with a noemer: a whole noemer, a whole teller no larger than it, and a value it can reach."""
    if ld.indicatoren is None:
        return
    procent = {i.id for i in ld.indicatoren.indicatoren if i.eenheid == "percentage"}
    for stem, g in ld.gemeenten.items():
        doc = ld.docs[ld.gemeente_files[stem]]
        for i, p in enumerate(g.prestatie_indicatoren):
            if p.indicator not in procent:
                continue
            parent = ("prestatie_indicatoren", i, "realisaties")
            for key, real in p.realisaties.items():
                if real.noemer is None:
                    continue
                loc = parent + (_yaml_key(doc, parent, key),)
                where = field_path(loc)
                if not _whole(real.noemer) or real.noemer < 1:
                    yield doc.finding(
                        loc + ("noemer",),
                        f"{where}.noemer: de noemer van een percentage is een aantal ({p.indicator}); verwacht "
                        f"een geheel getal van 1 of meer, gevonden {number(real.noemer)}",
                        code="getal-ongeldig",
                    )
                    continue
                n = int(real.noemer)
                if real.teller is not None:
                    if not _whole(real.teller) or real.teller < 0:
                        yield doc.finding(
                            loc + ("teller",),
                            f"{where}.teller: de teller van een percentage is een aantal; verwacht een geheel "
                            f"getal, gevonden {number(real.teller)}",
                            code="getal-ongeldig",
                        )
                    elif real.teller > n:
                        yield doc.finding(
                            loc + ("teller",),
                            f"{where}.teller: {number(real.teller)} van {n} is meer dan 100%; de teller van een "
                            "percentage is hoogstens de noemer",
                            code="waarde-buiten-bereik",
                        )
                    continue
                waarde = real.waarde
                if waarde is None or bereikbaar(waarde, n):  # None: no value and no teller (the schema says so)
                    continue
                d = decimalen(waarde)
                opties = [(t, afgerond(t, n, max(d, 1))) for t in dichtstbij(waarde, n)]
                naast = ", ".join(f"{t} van {n} = {_pct(v, d)}" for t, v in opties)
                beste = min(opties, key=lambda o: abs(o[1] - waarde))[0]
                yield doc.finding(
                    loc + ("waarde",),
                    (
                        f"{where}.waarde: {_pct(waarde, d)} van {n} kan niet: {naast}; "
                        f"schrijf het aantal als teller en noemer, bijv. '{key}: {{teller: {beste}, noemer: {n}}}'"
                    ),
                    code="percentage-onmogelijk",
                )
