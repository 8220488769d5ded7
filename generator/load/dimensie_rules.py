"""Rules for indicators split by a dimensie, their kengetallen, and maatwerk priced per groep.

Each finding points at the value to change: an unknown category at its key, categories
that do not add up at their block (with the total they should add up to), an overgang row
at its `van` key and a column at the category of the stand it should add up to.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from generator.load.findings import Finding
from generator.load.loaded import RegionFiles
from generator.models import dimensies as dims
from generator.models import periods
from generator.models.catalog import Dimensie, Indicator
from generator.models.gemeente import Gemeente, PrestatieIndicator, Realisatie
from generator.util.formatting import euro, number, sign
from generator.util.suggest import did_you_mean


def _repeats(values: list) -> Iterator[tuple[int, object]]:
    seen: set = set()
    for i, value in enumerate(values):
        if value in seen:
            yield i, value
        seen.add(value)


def _key(doc, parent: tuple, key: str):
    """Keys are read as text, but YAML may hold them as numbers (`2016:`, trede `4:`)."""
    if key.isdigit() and parent + (int(key),) in doc.key_pos:
        return int(key)
    return key


# Mappings keyed by the user's own keys (periods, categories, kengetallen): those keys are
# written in brackets, `realisaties[2017-T1].overgangen[3][4]`, as the other rules write years.
_KEYED = {
    "realisaties": 1,
    "toelichtingen": 1,
    "opvolging": 1,
    "kengetallen": 1,
    "streefwaarden_per_categorie": 1,
    "categorieen": 1,
    "groepen": 1,
    "overgangen": 2,
}


def field_path(loc: tuple) -> str:
    out, brackets = "", 0
    for part in loc:
        if isinstance(part, int) or brackets:
            out += f"[{part}]"
            brackets = max(brackets - 1, 0)
        else:
            out += ("." if out else "") + str(part)
            brackets = _KEYED.get(str(part), 0)
    return out


def _aantal(n: int | Decimal) -> str:
    return number(n) if n == int(n) else number(n, decimals=1)


# --- the catalogue -----------------------------------------------------------------------


def rule_dimensies(ld: RegionFiles) -> Iterator[Finding]:
    """Dimensies and their categories are unique; an indicator names a known dimensie; a kengetal
    fits its indicator's dimensie."""
    if ld.indicatoren is None:
        return
    cat = ld.indicatoren
    doc = ld.doc(ld.layout.indicatoren)
    for n, dup in _repeats([d.id for d in cat.dimensies]):
        yield doc.finding(
            ("dimensies", n, "id"), f"dimensies[{n}].id: dubbel dimensie-id '{dup}'", code="waarde-dubbel"
        )
    for n, d in enumerate(cat.dimensies):
        for k, dup in _repeats(d.ids):
            yield doc.finding(
                ("dimensies", n, "categorieen", k, "id"),
                f"dimensies[{n}].categorieen[{k}].id: categorie '{dup}' staat meer dan eens in dimensie '{d.id}'",
                code="waarde-dubbel",
            )
    known = [d.id for d in cat.dimensies]
    for n, ind in enumerate(cat.indicatoren):
        at = ("indicatoren", n)
        dimensie = cat.dimensie(ind.dimensie)
        if ind.dimensie and dimensie is None:
            yield doc.finding(
                at + ("dimensie",),
                f"indicatoren[{n}].dimensie: onbekende dimensie '{ind.dimensie}'; bekend zijn: "
                f"{', '.join(known) or '(geen: vul dimensies in bovenaan dit bestand)'}"
                f"{did_you_mean(ind.dimensie, known)}",
                code="verwijzing-onbekend",
            )
            continue
        if dimensie is None:  # an indicator without a dimensie: nothing to check unless it has kengetallen
            if ind.kengetallen:
                yield doc.finding(
                    at + ("kengetallen",),
                    f"indicatoren[{n}].kengetallen: een kengetal wordt berekend uit de categorieën van een "
                    f"dimensie, maar '{ind.id}' heeft geen dimensie; vul 'dimensie' in of laat de kengetallen weg",
                    code="niet-uitgesplitst",
                )
            continue
        for k, dup in _repeats([g.id for g in ind.kengetallen]):
            yield doc.finding(
                at + ("kengetallen", k, "id"),
                f"indicatoren[{n}].kengetallen[{k}].id: dubbel kengetal-id '{dup}' bij '{ind.id}'",
                code="waarde-dubbel",
            )
        for k, g in enumerate(ind.kengetallen):
            yield from _kengetal(doc, at + ("kengetallen", k), g, dimensie)


def _kengetal(doc, at: tuple, g, dimensie: Dimensie) -> Iterator[Finding]:
    where = field_path(at)
    if g.berekening in dims.LADDER_BEREKENINGEN:
        if not dimensie.ladder:
            yield doc.finding(
                at + ("berekening",),
                f"{where}.berekening: '{g.berekening}' telt wie op een ladder steeg of daalde, maar dimensie "
                f"'{dimensie.id}' is geen ladder (ladder: true); verwacht 'som' of 'aandeel'",
                code="geen-ladder",
            )
        if g.categorieen:
            yield doc.finding(
                at + ("categorieen",),
                f"{where}.categorieen: '{g.berekening}' volgt uit de overgangen, niet uit categorieën; laat "
                "'categorieen' weg",
                code="waarde-ongeldig",
            )
        return
    if not g.categorieen:
        yield doc.finding(
            at,
            f"{where}: '{g.berekening}' telt de categorieën die u noemt; verwacht 'categorieen' met ten minste "
            f"één van {', '.join(dimensie.ids)}",
            code="veld-ontbreekt",
        )
    for c, categorie in enumerate(g.categorieen):
        if dimensie.categorie(categorie) is None:
            yield doc.finding(
                at + ("categorieen", c),
                f"{where}.categorieen[{c}]: onbekende categorie '{categorie}' van dimensie '{dimensie.id}'; "
                f"bekend zijn: {', '.join(dimensie.ids)}{did_you_mean(categorie, dimensie.ids)}",
                code="verwijzing-onbekend",
            )
    for c, dup in _repeats(g.categorieen):
        yield doc.finding(
            at + ("categorieen", c),
            f"{where}.categorieen[{c}]: categorie '{dup}' staat meer dan eens in dit kengetal",
            code="waarde-dubbel",
        )


# --- the gemeenten -----------------------------------------------------------------------


def _gemeenten(ld: RegionFiles):
    for stem, g in ld.gemeenten.items():
        yield g, ld.docs[ld.gemeente_files[stem]]


def _indicator(ld: RegionFiles, indicator_id: str) -> Indicator | None:
    if ld.indicatoren is None:
        return None
    return next((i for i in ld.indicatoren.indicatoren if i.id == indicator_id), None)


def rule_gesplitste_realisaties(ld: RegionFiles) -> Iterator[Finding]:
    """Categories are known and add up to the total; overgangen agree with the stands at the
    start of the year and at the peildatum; kengetallen are the indicator's own."""
    if ld.indicatoren is None:
        return
    scheme = ld.regio.rapportage.periode_schema
    eerste_jaar = ld.regio.periode.van
    for g, doc in _gemeenten(ld):
        for i, p in enumerate(g.prestatie_indicatoren):
            ind = _indicator(ld, p.indicator)
            if ind is None:
                continue  # reported by rules.rule_references
            base = ("prestatie_indicatoren", i)
            dimensie = ld.indicatoren.dimensie(ind.dimensie)
            if ind.dimensie is None:
                yield from _zonder_dimensie(doc, base, p, ind)
                continue
            if dimensie is None:
                continue  # unknown dimensie: reported in the catalogue
            yield from _met_dimensie(doc, base, p, ind, dimensie, scheme, eerste_jaar)


def _samen(delen: list[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for d in delen:
        for c, n in d.items():
            out[c] = out.get(c, 0) + n
    return out


def rule_opvolger_realisaties(ld: RegionFiles) -> Iterator[Finding]:
    """The file of a gemeente made by a herindeling: its own counts per category are known and
    add up, its overgangen agree with the stands; at the start of its first year the stand is
    its predecessors' together (as compute/herindeling combines them), later its own."""
    if ld.indicatoren is None:
        return
    scheme = ld.regio.rapportage.periode_schema
    for h in ld.regio.herindelingen:
        own = ld.opvolgers.get(h.nieuwe_gemeente.slug)
        if own is None:
            continue
        doc = ld.docs[ld.gemeente_files[h.nieuwe_gemeente.slug]]
        voorgangers = [ld.gemeenten[s] for s in h.opgeheven if s in ld.gemeenten]
        vorig = dims.laatste_periode(h.jaar - 1, scheme)
        for i, p in enumerate(own.prestatie_indicatoren):
            ind = _indicator(ld, p.indicator)
            dimensie = ld.indicatoren.dimensie(ind.dimensie) if ind is not None else None
            if dimensie is None:
                continue  # no split indicator (an unknown one is reported by herindeling_rules)
            parts = [q for g in voorgangers for q in g.prestatie_indicatoren if q.indicator == p.indicator]
            realisaties = dict(p.realisaties)
            standen = [q.realisaties[vorig].categorieen if vorig in q.realisaties else {} for q in parts]
            herkomst = {}
            if parts and all(standen) and vorig not in realisaties:
                realisaties[vorig] = Realisatie.model_construct(
                    waarde=None, noemer=None, categorieen=_samen(standen), overgangen={}
                )
                namen = [
                    g.naam for g in voorgangers if any(q.indicator == p.indicator for q in g.prestatie_indicatoren)
                ]
                herkomst[f"realisaties[{vorig}]"] = (
                    f"{', '.join(namen[:-1])} en {namen[-1]} samen, realisaties[{vorig}]"
                    if len(namen) > 1
                    else f"{namen[0]}, realisaties[{vorig}]"
                )
            samen = PrestatieIndicator.model_construct(indicator=p.indicator, nulmeting=None, realisaties=realisaties)
            base = ("prestatie_indicatoren", i)
            for key, real in p.realisaties.items():
                parent = base + ("realisaties", _key(doc, base + ("realisaties",), key))
                yield from _unknown(doc, parent + ("categorieen",), real.categorieen, dimensie)
                yield from _adds_up(
                    doc, parent + ("categorieen",), real.categorieen, real.waarde, "de waarde (het totaal)"
                )
                if real.overgangen:
                    yield from _overgangen(
                        doc, parent, key, samen, real, dimensie, scheme, ld.regio.periode.van, herkomst
                    )


def _zonder_dimensie(doc, base: tuple, p: PrestatieIndicator, ind: Indicator) -> Iterator[Finding]:
    what = f"'{ind.id}' is niet uitgesplitst (geen dimensie in content/indicatoren.yaml)"
    if p.nulmeting is not None and p.nulmeting.categorieen:
        yield doc.finding(
            base + ("nulmeting", "categorieen"),
            f"{field_path(base)}.nulmeting.categorieen: {what}; laat de categorieën weg",
            code="niet-uitgesplitst",
        )
    for key, real in p.realisaties.items():
        parent = base + ("realisaties", _key(doc, base + ("realisaties",), key))
        for name in ("categorieen", "overgangen"):
            if getattr(real, name):
                yield doc.finding(
                    parent + (name,),
                    f"{field_path(parent)}.{name}: {what}; laat de {name} weg",
                    code="niet-uitgesplitst",
                )
    for name in ("streefwaarden_per_categorie", "kengetallen"):
        if getattr(p, name):
            yield doc.finding(
                base + (name,), f"{field_path(base)}.{name}: {what}; laat '{name}' weg", code="niet-uitgesplitst"
            )


def _unknown(doc, parent: tuple, keys, dimensie: Dimensie) -> Iterator[Finding]:
    for key in keys:
        if dimensie.categorie(key) is None:
            loc = parent + (_key(doc, parent, key),)
            yield doc.finding(
                loc,
                f"{field_path(parent)}[{key}]: onbekende {dimensie.enkelvoud} '{key}' van dimensie '{dimensie.id}'; "
                f"bekend zijn: {', '.join(dimensie.ids)}{did_you_mean(key, dimensie.ids)}",
                code="verwijzing-onbekend",
                key=True,
            )


def _adds_up(doc, loc: tuple, categorieen: dict[str, int], totaal: Decimal | None, what: str) -> Iterator[Finding]:
    som = sum(categorieen.values())
    if categorieen and totaal is not None and som != totaal:
        yield doc.finding(
            loc,
            f"{field_path(loc)}: de aantallen per categorie tellen op tot {_aantal(som)}, maar {what} is "
            f"{_aantal(totaal)} "
            f"(verschil {sign(Decimal(som - totaal))}{_aantal(abs(som - totaal))}); de categorieën sluiten elkaar "
            "uit en tellen samen op tot het totaal",
            code="categorieen-tellen-niet-op",
            key=True,
        )


def _met_dimensie(
    doc, base: tuple, p: PrestatieIndicator, ind: Indicator, dimensie: Dimensie, scheme: str, eerste_jaar: int
) -> Iterator[Finding]:
    if p.nulmeting is not None:
        loc = base + ("nulmeting", "categorieen")
        yield from _unknown(doc, loc, p.nulmeting.categorieen, dimensie)
        yield from _adds_up(doc, loc, p.nulmeting.categorieen, p.nulmeting.waarde, "de nulmeting (waarde)")
    for jaar, per in p.streefwaarden_per_categorie.items():
        loc = base + ("streefwaarden_per_categorie", jaar)
        yield from _unknown(doc, loc, per, dimensie)
        if jaar in p.streefwaarden:
            yield from _adds_up(doc, loc, per, p.streefwaarden[jaar], f"de streefwaarde {jaar}")
    for key, real in p.realisaties.items():
        parent = base + ("realisaties", _key(doc, base + ("realisaties",), key))
        yield from _unknown(doc, parent + ("categorieen",), real.categorieen, dimensie)
        yield from _adds_up(doc, parent + ("categorieen",), real.categorieen, real.waarde, "de waarde (het totaal)")
        if real.overgangen:
            yield from _overgangen(doc, parent, key, p, real, dimensie, scheme, eerste_jaar)
    for key, doel in p.kengetallen.items():
        loc = base + ("kengetallen", key)
        kengetal = ind.kengetal(key)
        if kengetal is None:
            ids = [k.id for k in ind.kengetallen]
            yield doc.finding(
                loc,
                f"{field_path(base)}.kengetallen[{key}]: onbekend kengetal '{key}' van '{ind.id}'; bekend zijn: "
                f"{', '.join(ids) or '(geen)'}{did_you_mean(key, ids)}",
                code="verwijzing-onbekend",
                key=True,
            )
            continue
        if doel.nulmeting is not None and doel.nulmeting.categorieen:
            yield doc.finding(
                loc + ("nulmeting", "categorieen"),
                f"{field_path(loc)}.nulmeting.categorieen: een kengetal heeft één nulmeting (waarde); de "
                "categorieën staan bij de nulmeting van de indicator",
                code="waarde-ongeldig",
            )
        computed = dims.kengetal_prestatie(ind, kengetal, doel, p, dimensie)
        for name, what in (("toelichtingen", "toelichting"), ("opvolging", "opvolging")):
            for period in getattr(doel, name):
                if period not in computed.realisaties:
                    where = loc + (name, _key(doc, loc + (name,), period))
                    nodig = "met overgangen" if kengetal.berekening in dims.LADDER_BEREKENINGEN else "per categorie"
                    yield doc.finding(
                        where,
                        f"{field_path(where)}: {what} voor periode '{period}', maar daarvoor is het kengetal "
                        f"'{kengetal.naam}' niet te berekenen (geen realisatie {nodig})",
                        code="realisatie-ontbreekt",
                        key=True,
                    )


def _overgangen(
    doc,
    parent: tuple,
    key: str,
    p: PrestatieIndicator,
    real,
    dimensie: Dimensie,
    scheme: str,
    eerste_jaar: int,
    herkomst: dict[str, str] | None = None,
) -> Iterator[Finding]:
    """`herkomst` renames where a stand at the start of the year comes from (a new gemeente's
    first year: its predecessors' together)."""
    loc = parent + ("overgangen",)
    where = field_path(loc)
    if not dimensie.ladder:
        yield doc.finding(
            loc,
            f"{where}: overgangen horen bij een ladder, maar dimensie '{dimensie.id}' is geen ladder (ladder: true)",
            code="geen-ladder",
        )
        return
    unknown = list(_unknown(doc, loc, real.overgangen, dimensie))
    for van, rij in real.overgangen.items():
        unknown += _unknown(doc, loc + (_key(doc, loc, van),), rij, dimensie)
    if unknown:
        yield from unknown
        return
    if not real.categorieen:
        yield doc.finding(
            loc,
            f"{where}: verwacht bij de overgangen ook de stand op de peildatum per {dimensie.enkelvoud} "
            "('categorieen'), gevonden alleen overgangen",
            code="veld-ontbreekt",
        )
        return
    parsed = periods.parse_code(key, scheme)
    if parsed is None:
        return  # reported by rules.rule_periods
    jaar = parsed[0]
    begin = dims.begin_stand(p, jaar, scheme, eerste_jaar)
    rijen = dims.rijsommen(real.overgangen)
    if begin is None:
        yield doc.finding(
            loc,
            f"{where}: de stand per {dimensie.enkelvoud} aan het begin van {jaar} ontbreekt "
            f"(de realisatie van {dims.laatste_periode(jaar - 1, scheme)} met 'categorieen'"
            f"{', of in het eerste jaar de nulmeting per categorie' if jaar == eerste_jaar else ''}); "
            "zonder die stand kunnen de overgangen niet worden gecontroleerd",
            code="beginstand-ontbreekt",
            key=True,
        )
    else:
        bron, stand = begin
        bron = (herkomst or {}).get(bron, bron)
        for c in dimensie.ids:
            if rijen.get(c, 0) != stand.get(c, 0):
                at = loc + (_key(doc, loc, c),) if c in real.overgangen else loc
                yield doc.finding(
                    at,
                    f"{where}[{c}]: de overgangen van {dimensie.enkelvoud} {c} tellen op tot {rijen.get(c, 0)}, "
                    "maar aan het begin van "
                    f"{jaar} stonden er {stand.get(c, 0)} op {dimensie.enkelvoud} {c} ({bron}); elke rij telt op "
                    "tot de stand aan het begin van het jaar",
                    code="overgangen-tellen-niet-op",
                    key=True,
                )
    kolommen = dims.kolomsommen(real.overgangen)
    stand_loc = parent + ("categorieen",)
    for c in dimensie.ids:
        if kolommen.get(c, 0) != real.categorieen.get(c, 0):
            at = stand_loc + (_key(doc, stand_loc, c),) if c in real.categorieen else loc
            yield doc.finding(
                at,
                f"{field_path(stand_loc)}[{c}]: {real.categorieen.get(c, 0)} op {dimensie.enkelvoud} {c} op de "
                "peildatum, maar de overgangen "
                f"naar {dimensie.enkelvoud} {c} tellen op tot {kolommen.get(c, 0)}; elke kolom van de overgangen "
                "telt op tot de stand op de peildatum",
                code="overgangen-tellen-niet-op",
                key=True,
            )


# --- groepen and the meerjarenraming -----------------------------------------------------


def rule_groepen(ld: RegionFiles) -> Iterator[Finding]:
    """The region's groepen have a price for every year; maatwerk names known groepen, in years
    of the DVO, and its raming fits the afspraak's budget."""
    regio_doc = ld.doc(ld.layout.regio)
    jaren = ld.regio.periode.jaren
    for n, dup in _repeats([g.id for g in ld.regio.groepen]):
        yield regio_doc.finding(("groepen", n, "id"), f"groepen[{n}].id: dubbel groep-id '{dup}'", code="waarde-dubbel")
    for n, groep in enumerate(ld.regio.groepen):
        missing = [j for j in jaren if j not in groep.prijs]
        if missing:
            yield regio_doc.finding(
                ("groepen", n, "prijs"),
                f"groepen[{n}].prijs: jaar {', '.join(map(str, missing))} ontbreekt; verwacht een prijs per "
                f"persoon voor elk jaar van {jaren[0]} tot en met {jaren[-1]}",
                code="jaar-ontbreekt",
            )
        for jaar in groep.prijs:
            if jaar not in jaren:
                yield regio_doc.finding(
                    ("groepen", n, "prijs", jaar),
                    f"groepen[{n}].prijs[{jaar}]: jaar {jaar} ligt buiten de DVO-periode ({jaren[0]}-{jaren[-1]})",
                    code="buiten-periode",
                    key=True,
                )
    known = [g.id for g in ld.regio.groepen]
    for g, doc in _gemeenten(ld):
        for i, m in enumerate(g.maatwerk):
            at = ("maatwerk", i, "groepen")
            for groep_id, per_jaar in m.groepen.items():
                bekend = ld.regio.groep(groep_id)
                if bekend is None:
                    yield doc.finding(
                        at + (groep_id,),
                        f"maatwerk[{i}].groepen[{groep_id}]: onbekende groep '{groep_id}'; bekend zijn: "
                        f"{', '.join(known) or '(geen: vul groepen in content/regio.yaml)'}"
                        f"{did_you_mean(groep_id, known)}",
                        code="verwijzing-onbekend",
                        key=True,
                    )
                    continue
                for jaar in per_jaar:
                    if jaar not in jaren:
                        yield doc.finding(
                            at + (groep_id, jaar),
                            f"maatwerk[{i}].groepen[{groep_id}][{jaar}]: jaar {jaar} ligt buiten de DVO-periode "
                            f"({jaren[0]}-{jaren[-1]})",
                            code="buiten-periode",
                            key=True,
                        )
            yield from _raming(ld, doc, i, g, m)
            yield from _mensen_en_deelnemers(doc, i, m, ld.regio.periode.jaren)


def _raming(ld: RegionFiles, doc, i: int, g: Gemeente, m) -> Iterator[Finding]:
    for jaar in ld.regio.periode.jaren:
        delen = [
            (gr, per[jaar])
            for gid, per in m.groepen.items()
            if jaar in per and (gr := ld.regio.groep(gid)) is not None and jaar in gr.prijs
        ]
        if not delen:
            continue
        raming = sum((groep.prijs[jaar] * aantal for groep, aantal in delen), Decimal(0))
        budget = m.budget.get(jaar, Decimal(0))
        if raming > budget:
            uitleg = "; ".join(f"{aantal} × {euro(groep.prijs[jaar])} ({groep.naam})" for groep, aantal in delen)
            loc = ("maatwerk", i, "groepen")
            yield doc.finding(
                loc,
                f"maatwerk[{i}].groepen: de raming voor {jaar} ({euro(raming)}: {uitleg}) is hoger dan het budget "
                "van de afspraak "
                f"'{m.titel}' in {jaar} ({euro(budget)}); verschil {euro(raming - budget)}",
                code="raming-boven-budget",
            )


def _mensen_en_deelnemers(doc, i: int, m, jaren: list[int]) -> Iterator[Finding]:
    """Where an afspraak names both, the people per groep add up to its deelnemers."""
    for jaar in jaren:
        aantallen = [per[jaar] for per in m.groepen.values() if jaar in per]
        if aantallen and jaar in m.deelnemers and sum(aantallen) != m.deelnemers[jaar]:
            loc = ("maatwerk", i, "deelnemers", jaar)
            yield doc.finding(
                loc,
                f"maatwerk[{i}].deelnemers[{jaar}]: {m.deelnemers[jaar]} deelnemers, maar de groepen van de afspraak "
                f"tellen in {jaar} samen {sum(aantallen)} mensen; de mensen per groep tellen op tot de deelnemers",
                code="deelnemers-tellen-niet-op",
            )


RULES = [rule_dimensies, rule_gesplitste_realisaties, rule_opvolger_realisaties, rule_groepen]
