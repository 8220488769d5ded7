"""Cross-file rules: what a single file's schema cannot check.

Each rule is a function from the loaded models to findings with the exact
position of the offending field and a Dutch message of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from generator.load import dimensie_rules
from generator.load.findings import Finding, field_path
from generator.load.loaded import RegionFiles
from generator.load.yamlsource import YamlDocument
from generator.models import periods
from generator.models.budget import basis_regio, budget_gemeente
from generator.models.catalog import Term
from generator.models.dimensies import reeks_ids
from generator.models.kinds import kind_for
from generator.models.region import Afwijkingstoelichting
from generator.util.formatting import euro
from generator.util.suggest import did_you_mean

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _repeats(values: list) -> Iterator[tuple[int, object]]:
    """(index, value) of every occurrence after the first: the duplicate to report."""
    seen: set = set()
    for i, value in enumerate(values):
        if value in seen:
            yield i, value
        seen.add(value)


def rule_region_lists(ld: RegionFiles) -> Iterator[Finding]:
    doc = ld.doc(ld.layout.regio)
    refs = ld.regio.gemeenten
    for i, dup in _repeats([g.slug for g in refs]):
        yield doc.finding(
            ("gemeenten", i, "slug"),
            f"gemeenten[{i}].slug: gemeente '{dup}' staat meer dan eens in de lijst",
            code="waarde-dubbel",
        )
    for i, dup in _repeats([g.cbs_code for g in refs]):
        yield doc.finding(
            ("gemeenten", i, "cbs_code"),
            f"gemeenten[{i}].cbs_code: CBS-code {dup} staat meer dan eens in de lijst",
            code="waarde-dubbel",
        )
    slugs = [g.slug for g in refs]
    if ld.regio.gastheergemeente not in slugs:
        yield doc.finding(
            ("gastheergemeente",),
            "gastheergemeente: verwacht een van de deelnemende gemeenten, gevonden "
            f"'{ld.regio.gastheergemeente}'{did_you_mean(ld.regio.gastheergemeente, slugs)}",
            code="verwijzing-onbekend",
        )
    yield from _unique_terms(doc, ("functies",), ld.regio.functies)
    keys = [v.id for v in ld.regio.verdeelsleutels]
    for i, dup in _repeats(keys):
        yield doc.finding(
            ("verdeelsleutels", i, "id"),
            f"verdeelsleutels[{i}].id: id '{dup}' komt meer dan eens voor",
            code="waarde-dubbel",
        )
    for i, sleutel in enumerate(ld.regio.verdeelsleutels):
        for _, dup in _repeats([c.kenmerk for c in sleutel.criteria]):
            yield doc.finding(
                ("verdeelsleutels", i, "criteria"),
                f"verdeelsleutels[{i}].criteria: kenmerk '{dup}' staat meer dan eens in de sleutel",
                code="waarde-dubbel",
            )
    for i, post in enumerate(ld.regio.kostenposten):
        if post.verdeelsleutel not in keys:
            yield doc.finding(
                ("kostenposten", i, "verdeelsleutel"),
                f"kostenposten[{i}].verdeelsleutel: onbekende verdeelsleutel '{post.verdeelsleutel}'; bekend "
                f"zijn: {', '.join(keys) or '(geen)'}",
                code="verwijzing-onbekend",
            )
        if post.totaal != post.totaal.to_integral_value():
            yield doc.finding(
                ("kostenposten", i, "posten"),
                f"kostenposten[{i}].posten: een kostenpost wordt in hele euro's verdeeld, gevonden totaal "
                f"{post.totaal}",
                code="bedrag-ongeldig",
            )
    for i, dup in _repeats([k.id for k in ld.regio.kostenposten]):
        yield doc.finding(
            ("kostenposten", i, "id"), f"kostenposten[{i}].id: id '{dup}' komt meer dan eens voor", code="waarde-dubbel"
        )


def rule_gemeente_files(ld: RegionFiles) -> Iterator[Finding]:
    """Every listed gemeente has a file, every file is listed, slug == file name."""
    regio_doc = ld.doc(ld.layout.regio)
    listed: dict = {}
    for i, g in enumerate(ld.regio.gemeenten):
        listed.setdefault(g.slug, (i, g))  # a repeated slug is reported once; compare with its first entry
    for stem, rel in sorted(ld.gemeente_files.items()):
        if not _SLUG.fullmatch(stem):
            yield Finding(
                rel,
                1,
                1,
                "bestandsnaam: verwacht een slug van kleine letters, cijfers en koppeltekens (bijv. "
                f"'west-maas-en-waal.yaml'), gevonden '{stem}.yaml'",
                code="bestandsnaam-ongeldig",
            )
        elif stem not in listed and ld.regio.ontstaan_in(stem) is None:
            hint = did_you_mean(stem, [s for s in listed if s not in ld.gemeente_files])
            yield Finding(
                rel,
                1,
                1,
                f"gemeente '{stem}' staat niet in de lijst gemeenten van content/regio.yaml; voeg haar daar toe "
                f"of verwijder dit bestand{hint}",
                code="gemeente-niet-in-regio",
            )
        gemeente = ld.gemeenten.get(stem) or ld.opvolgers.get(stem)
        if gemeente is None:
            continue
        doc = ld.docs[rel]
        if gemeente.slug != stem:
            yield doc.finding(
                ("slug",),
                f"slug: verwacht '{stem}' (gelijk aan de bestandsnaam), gevonden '{gemeente.slug}'",
                code="waarde-wijkt-af",
            )
        ontstaan = ld.regio.ontstaan_in(stem)
        if stem in listed or ontstaan is not None:
            ref = ontstaan.nieuwe_gemeente if ontstaan is not None and stem not in listed else listed[stem][1]
            where = "content/regio.yaml" if stem in listed else "de herindeling in content/regio.yaml"
            if gemeente.cbs_code != ref.cbs_code:
                yield doc.finding(
                    ("cbs_code",),
                    f"cbs_code: verwacht {ref.cbs_code} (zoals in {where}), gevonden {gemeente.cbs_code}",
                    code="waarde-wijkt-af",
                )
            if gemeente.naam != ref.naam:
                yield doc.finding(
                    ("naam",),
                    f"naam: verwacht '{ref.naam}' (zoals in {where}), gevonden '{gemeente.naam}'",
                    code="waarde-wijkt-af",
                )
    for slug, (i, _) in listed.items():
        if slug not in ld.gemeente_files:
            yield regio_doc.finding(
                ("gemeenten", i, "slug"),
                f"gemeenten[{i}].slug: bestand gemeenten/{slug}.yaml ontbreekt",
                code="bestand-ontbreekt",
            )


def _years(doc, loc: tuple, mapping: dict, allowed: list[int], *, complete: bool, what: str) -> Iterator[Finding]:
    path = field_path(loc)
    for year in mapping:
        if year not in allowed:
            yield doc.finding(
                loc + (year,),
                f"{path}[{year}]: jaar {year} ligt buiten {what} ({allowed[0]}-{allowed[-1]})",
                code="buiten-periode",
                key=True,
            )
    if complete:
        missing = [y for y in allowed if y not in mapping]
        if missing:
            yield doc.finding(
                loc,
                f"{path}: jaar {', '.join(map(str, missing))} ontbreekt; verwacht elk jaar van {allowed[0]} tot "
                f"en met {allowed[-1]}",
                code="jaar-ontbreekt",
            )


def rule_years(ld: RegionFiles) -> Iterator[Finding]:
    jaren = ld.regio.periode.jaren
    period = "de DVO-periode"
    regio_doc = ld.doc(ld.layout.regio)
    yield from _years(
        regio_doc,
        ("basisdienstverlening", "jaren"),
        ld.regio.basisdienstverlening.jaren,
        jaren,
        complete=True,
        what=period,
    )
    for stem, g in ld.gemeenten.items():
        doc = ld.docs[ld.gemeente_files[stem]]
        yield from _years(doc, ("financien",), g.financien, jaren, complete=True, what=period)
        for i, v in enumerate(g.verplichtingen):
            looptijd = list(range(v.looptijd.van, v.looptijd.tot_en_met + 1))
            yield from _years(
                doc,
                ("verplichtingen", i, "bedrag"),
                v.bedrag,
                [y for y in jaren if y in looptijd] or looptijd,
                complete=False,
                what="de DVO-periode en de looptijd",
            )
        for i, m in enumerate(g.maatwerk):
            yield from _years(doc, ("maatwerk", i, "budget"), m.budget, jaren, complete=False, what=period)
        for i, p in enumerate(g.prestatie_indicatoren):
            loc = ("prestatie_indicatoren", i, "streefwaarden")
            ind = next((x for x in ld.indicatoren.indicatoren if x.id == p.indicator), None) if ld.indicatoren else None
            if not p.streefwaarden and (ind is None or ind.dimensie is None):
                yield doc.finding(
                    loc,
                    f"{field_path(loc)}: verplicht veld ontbreekt; verwacht een streefwaarde voor elk jaar van "
                    f"{jaren[0]} tot en met {jaren[-1]}",
                    code="veld-ontbreekt",
                )
                continue
            # A split indicator may have targets on its kengetallen only; when it has them on its total, for every year.
            yield from _years(doc, loc, p.streefwaarden, jaren, complete=bool(p.streefwaarden), what=period)
            yield from _years(
                doc,
                ("prestatie_indicatoren", i, "streefwaarden_per_categorie"),
                p.streefwaarden_per_categorie,
                jaren,
                complete=False,
                what=period,
            )
            for key, doel in p.kengetallen.items():
                yield from _years(
                    doc,
                    ("prestatie_indicatoren", i, "kengetallen", key, "streefwaarden"),
                    doel.streefwaarden,
                    jaren,
                    complete=True,
                    what=period,
                )


def _period_findings(doc, parent: tuple, keys, scheme: str, jaren: list[int]) -> Iterator[Finding]:
    """Every key of the mapping at `parent` is a period of the region's scheme within the DVO."""
    for key in keys:
        parsed = periods.parse_code(key, scheme)
        loc = parent + (_yaml_key(doc, parent, key),)
        where = f"{field_path(parent)}[{key}]"
        if parsed is None:
            yield doc.finding(
                loc,
                f"{where}: verwacht {periods.describe(scheme)} (periode_schema '{scheme}' in content/regio.yaml), "
                f"gevonden '{key}'",
                code="periode-ongeldig",
                key=True,
            )
        elif parsed[0] not in jaren:
            yield doc.finding(
                loc,
                f"{where}: periode '{key}' ligt buiten de DVO-periode ({jaren[0]}-{jaren[-1]})",
                code="buiten-periode",
                key=True,
            )


def rule_periods(ld: RegionFiles) -> Iterator[Finding]:
    scheme = ld.regio.rapportage.periode_schema
    jaren = ld.regio.periode.jaren
    for stem, g in ld.gemeenten.items():
        doc = ld.docs[ld.gemeente_files[stem]]
        for i, p in enumerate(g.prestatie_indicatoren):
            for name in ("realisaties", "toelichtingen", "opvolging"):
                yield from _period_findings(doc, ("prestatie_indicatoren", i, name), getattr(p, name), scheme, jaren)
            for key, doel in p.kengetallen.items():
                for name in ("toelichtingen", "opvolging"):
                    yield from _period_findings(
                        doc, ("prestatie_indicatoren", i, "kengetallen", key, name), getattr(doel, name), scheme, jaren
                    )
        for i, m in enumerate(g.maatwerk):
            yield from _period_findings(doc, ("maatwerk", i, "besteed"), m.besteed, scheme, jaren)
        yield from _period_findings(doc, ("besteed",), g.besteed, scheme, jaren)
        yield from _period_findings(doc, ("rapporten",), g.rapporten, scheme, jaren)
    rapportage = ld.regio.rapportage
    regio_doc = ld.doc(ld.layout.regio)
    yield from _period_findings(regio_doc, ("rapportage", "rapporten"), rapportage.rapporten, scheme, jaren)
    known = reeks_ids(ld.indicatoren) if ld.indicatoren else None
    for name in ("toelichtingen", "opvolging"):
        for indicator_id, per_period in getattr(rapportage, name).items():
            loc = ("rapportage", name, indicator_id)
            if known is not None and indicator_id not in known:
                yield regio_doc.finding(
                    loc,
                    f"rapportage.{name}.{indicator_id}: onbekende indicator '{indicator_id}' (niet in "
                    "content/indicatoren.yaml; een kengetal als "
                    f"'<indicator>.<kengetal>'){did_you_mean(indicator_id, known)}",
                    code="verwijzing-onbekend",
                    key=True,
                )
            yield from _period_findings(regio_doc, loc, per_period, scheme, jaren)
    # What the raad is asked is keyed by a period of the year: one of the scheme's, else never shown.
    delen = (
        ["jaar"]
        if scheme == "jaar"
        else [periods.code(2000, n, scheme)[5:] for n in range(1, periods.SCHEMES[scheme][1] + 1)]
    )
    for deel in rapportage.besluitvorming.vraag_aan_raad:
        if deel not in delen:
            yield regio_doc.finding(
                ("rapportage", "besluitvorming", "vraag_aan_raad", deel),
                f"rapportage.besluitvorming.vraag_aan_raad[{deel}]: verwacht een periode van het jaar in het "
                f"periodeschema '{scheme}' ({', '.join(delen)}), gevonden '{deel}'",
                code="periode-ongeldig",
                key=True,
            )


def _yaml_key(doc, parent: tuple, key: str):
    """Realisaties are keyed by text, but YAML may hold the key as an int (`2016:`)."""
    return int(key) if key.isdigit() and parent + (int(key),) in doc.key_pos else key


def _unique_terms(doc, loc: tuple, terms: list[Term]) -> Iterator[Finding]:
    for n, dup in _repeats([t.id for t in terms]):
        yield doc.finding(
            loc + (n, "id"),
            f"{field_path(loc)}[{n}].id: id '{dup}' komt meer dan eens voor in deze lijst",
            code="waarde-dubbel",
        )


def _term_ref(doc, loc: tuple, value: str, terms: list[Term], what: str, where: str) -> Iterator[Finding]:
    """A reference to the region's own vocabulary names a term of that list."""
    ids = [t.id for t in terms]
    if value in ids:
        return
    if not ids:
        yield doc.finding(
            loc,
            f"{field_path(loc)}: {what} '{value}', maar {where} is leeg of ontbreekt; vul die lijst of laat dit "
            "veld weg",
            code="verwijzing-onbekend",
        )
    else:
        yield doc.finding(
            loc,
            f"{field_path(loc)}: onbekende {what} '{value}'; bekend zijn: {', '.join(ids)} "
            f"({where}){did_you_mean(value, ids)}",
            code="verwijzing-onbekend",
        )


def _term_required(doc, loc: tuple, value, terms: list[Term], what: str, where: str) -> Iterator[Finding]:
    """When the region defines a list, every instrument is placed in it: overviews per term stay complete."""
    if terms and not value:
        yield doc.finding(
            loc,
            f"{field_path(loc)}: verwacht een {what} (veld '{what}': een van {', '.join(t.id for t in terms)}), "
            f"want {where} is ingevuld",
            code="veld-ontbreekt",
        )


def rule_basisdienstverlening(ld: RegionFiles) -> Iterator[Finding]:
    """The basisdienstverlening's cost lines are the region's own functies, the same ones every year:
    the DVO's Bijlage 1 prints a row per functie with its name, and a row that stopped in one year
    would silently leave its costs out of that year's total."""
    doc = ld.doc(ld.layout.regio)
    functies = [t.id for t in ld.regio.functies]
    where = "functies in content/regio.yaml"
    jaren = ld.regio.basisdienstverlening.jaren
    for jaar, regels in jaren.items():
        for functie in regels:
            if functie in functies:
                continue
            loc = ("basisdienstverlening", "jaren", jaar, functie)
            if not functies:
                expected = f"{where} is leeg of ontbreekt; zet de functie daar bij, met haar naam"
            else:
                expected = f"bekend zijn: {', '.join(functies)} ({where}){did_you_mean(functie, functies)}"
            yield doc.finding(
                loc,
                f"{field_path(loc)}: kosten voor onbekende functie '{functie}' (elke kostenregel van de "
                f"basisdienstverlening hoort bij een functie van de regio); {expected}",
                code="verwijzing-onbekend",
                key=True,
            )
    bekend = [f for f in dict.fromkeys(f for r in jaren.values() for f in r) if f in functies]
    for jaar, regels in jaren.items():
        if any(f not in functies for f in regels):
            continue  # a misspelt functie is reported above, with the name it probably meant
        for functie in (f for f in bekend if f not in regels):
            ander = next(j for j, r in jaren.items() if functie in r)
            yield doc.finding(
                ("basisdienstverlening", "jaren", jaar),
                f"basisdienstverlening.jaren[{jaar}]: geen kosten voor functie '{functie}', die in {ander} wel kosten "
                f"heeft; verwacht elk jaar dezelfde functies (schrijf '{functie}: 0' voor een jaar zonder kosten)",
                code="veld-ontbreekt",
                key=True,
            )


def rule_catalogues(ld: RegionFiles) -> Iterator[Finding]:
    if ld.instrumentarium:
        cat = ld.instrumentarium
        doc = ld.doc(ld.layout.instrumentarium)
        for n, dup in _repeats([i.id for i in cat.instrumenten]):
            yield doc.finding(
                ("instrumenten", n, "id"), f"instrumenten[{n}].id: dubbel instrument-id '{dup}'", code="waarde-dubbel"
            )
        for name in ("categorieen", "dienstgroepen", "routes"):
            yield from _unique_terms(doc, (name,), getattr(cat, name))
        functies = ld.regio.functies
        article_ids = _article_ids(ld)
        categorieen, groepen, routes = (
            "categorieen in content/instrumentarium.yaml",
            "dienstgroepen in content/instrumentarium.yaml",
            "routes in content/instrumentarium.yaml",
        )
        for n, inst in enumerate(cat.instrumenten):
            at = ("instrumenten", n)
            yield from _term_required(doc, at, inst.categorie, cat.categorieen, "categorie", categorieen)
            yield from _term_required(doc, at, inst.functie, functies, "functie", "functies in content/regio.yaml")
            yield from _term_required(doc, at, inst.dienstgroep, cat.dienstgroepen, "dienstgroep", groepen)
            if inst.categorie is not None:
                yield from _term_ref(
                    doc, at + ("categorie",), inst.categorie, cat.categorieen, "categorie", categorieen
                )
            if inst.functie is not None:
                yield from _term_ref(
                    doc, at + ("functie",), inst.functie, functies, "functie", "functies in content/regio.yaml"
                )
            for k, groep in enumerate(inst.dienstgroep):
                loc = at + ("dienstgroep",) + ((k,) if at + ("dienstgroep", k) in doc.value_pos else ())
                yield from _term_ref(doc, loc, groep, cat.dienstgroepen, "dienstgroep", groepen)
            for k, dup in _repeats(inst.dienstgroep):
                yield doc.finding(
                    at + ("dienstgroep", k),
                    f"instrumenten[{n}].dienstgroep[{k}]: dienstgroep '{dup}' staat meer dan eens bij dit instrument",
                    code="waarde-dubbel",
                )
            for k, route in enumerate(inst.routes):
                yield from _term_ref(doc, at + ("routes", k), route, cat.routes, "route", routes)
            for k, grond in enumerate(inst.grondslag):
                if grond.artikel and article_ids is not None and grond.artikel not in article_ids:
                    loc = at + ("grondslag", k, "artikel")
                    yield doc.finding(
                        loc,
                        f"{field_path(loc)}: onbekend artikel "
                        f"'{grond.artikel}'{did_you_mean(grond.artikel, article_ids)} (verwacht een artikel-id "
                        "uit content/verordening.yaml)",
                        code="verwijzing-onbekend",
                    )
    if ld.indicatoren:
        doc = ld.doc(ld.layout.indicatoren)
        for n, dup in _repeats([i.id for i in ld.indicatoren.indicatoren]):
            yield doc.finding(
                ("indicatoren", n, "id"), f"indicatoren[{n}].id: dubbel indicator-id '{dup}'", code="waarde-dubbel"
            )
        for n, ind in enumerate(ld.indicatoren.indicatoren):
            if ind.regionaal == "gewogen gemiddelde" and not ind.noemer:
                yield doc.finding(
                    ("indicatoren", n, "regionaal"),
                    f"indicatoren[{n}].regionaal: een gewogen gemiddelde heeft een noemer nodig; vul 'noemer' in "
                    "(waarover het percentage of gemiddelde gaat)",
                    code="noemer-ontbreekt",
                )
            if ind.functie is not None:
                yield from _term_ref(
                    doc,
                    ("indicatoren", n, "functie"),
                    ind.functie,
                    ld.regio.functies,
                    "functie",
                    "functies in content/regio.yaml",
                )
    if ld.verordening:
        doc = ld.doc(ld.layout.verordening)
        ids: list[tuple[tuple, str]] = []
        for h, hoofdstuk in enumerate(ld.verordening.hoofdstukken):
            ids.append((("hoofdstukken", h, "id"), hoofdstuk.id))
            for a, artikel in enumerate(hoofdstuk.artikelen):
                ids.append((("hoofdstukken", h, "artikelen", a, "id"), artikel.id))
                for l_, lid in enumerate(artikel.leden):
                    ids.append((("hoofdstukken", h, "artikelen", a, "leden", l_, "id"), lid.id))
        for n, value in _repeats([value for _, value in ids]):
            loc = ids[n][0]
            yield doc.finding(
                loc,
                f"{field_path(loc)}: dubbel id '{value}'; ids in de verordening moeten uniek zijn",
                code="waarde-dubbel",
            )


def _article_ids(ld: RegionFiles) -> list[str] | None:
    if ld.verordening is None:
        return None
    return [a.id for h in ld.verordening.hoofdstukken for a in h.artikelen]


def rule_references(ld: RegionFiles) -> Iterator[Finding]:
    instruments = [i.id for i in ld.instrumentarium.instrumenten] if ld.instrumentarium else None
    indicators = [i.id for i in ld.indicatoren.indicatoren] if ld.indicatoren else None
    maatwerk_seen: dict[str, str] = {}
    for stem, g in ld.gemeenten.items():
        rel = ld.gemeente_files[stem]
        doc = ld.docs[rel]
        for i, m in enumerate(g.maatwerk):
            if m.id in maatwerk_seen:
                yield doc.finding(
                    ("maatwerk", i, "id"),
                    f"maatwerk[{i}].id: dubbel maatwerk-id '{m.id}' (ook in {maatwerk_seen[m.id]})",
                    code="waarde-dubbel",
                )
            maatwerk_seen.setdefault(m.id, rel)
            for j, ref in enumerate(m.instrumenten):
                if instruments is not None and ref not in instruments:
                    yield doc.finding(
                        ("maatwerk", i, "instrumenten", j),
                        f"maatwerk[{i}].instrumenten[{j}]: onbekend instrument '{ref}' (niet in "
                        f"content/instrumentarium.yaml){did_you_mean(ref, instruments)}",
                        code="verwijzing-onbekend",
                    )
            for j, ref in enumerate(m.indicatoren):
                if indicators is not None and ref not in indicators:
                    yield doc.finding(
                        ("maatwerk", i, "indicatoren", j),
                        f"maatwerk[{i}].indicatoren[{j}]: onbekende indicator '{ref}' (niet in "
                        f"content/indicatoren.yaml){did_you_mean(ref, indicators)}",
                        code="verwijzing-onbekend",
                    )
        for i, p in enumerate(g.prestatie_indicatoren):
            if indicators is not None and p.indicator not in indicators:
                yield doc.finding(
                    ("prestatie_indicatoren", i, "indicator"),
                    f"prestatie_indicatoren[{i}].indicator: onbekende indicator '{p.indicator}' (niet in "
                    f"content/indicatoren.yaml){did_you_mean(p.indicator, indicators)}",
                    code="verwijzing-onbekend",
                )
        for i, dup in _repeats([p.indicator for p in g.prestatie_indicatoren]):
            yield doc.finding(
                ("prestatie_indicatoren", i, "indicator"),
                f"prestatie_indicatoren[{i}].indicator: indicator '{dup}' staat meer dan eens in dit bestand",
                code="waarde-dubbel",
            )


def rule_money(ld: RegionFiles) -> Iterator[Finding]:
    """Basis shares add up to the region; maatwerk fits in a non-negative maatwerkbudget.

    Each finding points at the amount the user must look at: the regional line and
    every gemeente's share, the share or verplichting that makes a budget negative,
    the maatwerk budgets that exceed it.
    """
    yield from _basis_shares(ld)
    for stem, g in ld.gemeenten.items():
        doc = ld.docs[ld.gemeente_files[stem]]
        for jaar in ld.regio.periode.jaren:
            if jaar not in g.financien:
                continue
            row = budget_gemeente(g, jaar)
            if row.maatwerkbudget < 0:
                yield _negative_budget(doc, g, jaar, row)
                continue
            spent = g.maatwerk_in(jaar)
            if spent > row.maatwerkbudget:
                for i, m in enumerate(g.maatwerk):
                    amount = m.budget.get(jaar, Decimal(0))
                    if amount:
                        loc = ("maatwerk", i, "budget", jaar)
                        yield doc.finding(
                            loc,
                            f"{field_path(loc)}: de maatwerkafspraken van {g.naam} in {jaar} (samen "
                            f"{euro(spent)}) zijn hoger dan het "
                            f"maatwerkbudget ({euro(row.maatwerkbudget)}); verschil "
                            f"{euro(spent - row.maatwerkbudget)}. Deze afspraak: {euro(amount)}",
                            code="maatwerkbudget-overschreden",
                        )


def _basis_shares(ld: RegionFiles) -> Iterator[Finding]:
    complete = set(ld.gemeenten) == {g.slug for g in ld.regio.gemeenten}
    regio_doc = ld.doc(ld.layout.regio)
    for jaar in ld.regio.periode.jaren:
        if jaar not in ld.regio.basisdienstverlening.jaren:
            continue
        have = [(stem, g) for stem, g in ld.gemeenten.items() if jaar in g.financien]
        if not complete or len(have) != len(ld.gemeenten):
            continue
        regional = basis_regio(ld.regio, jaar).totaal
        shares = sum((g.financien[jaar].basisdienstverlening for _, g in have), Decimal(0))
        if shares == regional:
            continue
        regio_loc = ("basisdienstverlening", "jaren", jaar)
        line, _ = regio_doc.position(regio_loc, key=True)
        yield regio_doc.finding(
            regio_loc,
            f"basisdienstverlening.jaren[{jaar}]: de aandelen basisdienstverlening van de gemeenten ({euro(shares)}) "
            f"tellen niet op tot de regionale basisdienstverlening ({euro(regional)}); verschil "
            f"{euro(shares - regional)}. "
            f"Het aandeel van elke gemeente staat in gemeenten/<slug>.yaml bij financien[{jaar}].basisdienstverlening",
            code="basis-telt-niet-op",
            key=True,
        )
        for stem, g in have:
            loc = ("financien", jaar, "basisdienstverlening")
            yield ld.docs[ld.gemeente_files[stem]].finding(
                loc,
                f"{field_path(loc)}: aandeel van {g.naam} {euro(g.financien[jaar].basisdienstverlening)}; de "
                "aandelen samen "
                f"({euro(shares)}) wijken {euro(shares - regional)} af van de regionale basisdienstverlening "
                f"({euro(regional)}, {ld.layout.rel(ld.layout.regio)}:{line})",
                code="basis-telt-niet-op",
            )


def _negative_budget(doc, g, jaar: int, row) -> Finding:
    """Point at the basis share when it alone exceeds what is available, else at the verplichting that tips it over."""
    summary = (
        f"het maatwerkbudget van {g.naam} in {jaar} is negatief ({euro(row.maatwerkbudget)}): "
        f"beschikbaar {euro(row.beschikbaar)} min basisdienstverlening {euro(row.basisdienstverlening)} "
        f"min verplichtingen {euro(row.verplichtingen)}"
    )
    room = row.beschikbaar - row.basisdienstverlening
    if room < 0:
        loc: tuple = ("financien", jaar, "basisdienstverlening")
        return doc.finding(
            loc,
            f"{field_path(loc)}: dit aandeel is hoger dan wat beschikbaar is; {summary}",
            code="maatwerkbudget-negatief",
        )
    running = Decimal(0)
    for i, v in enumerate(g.verplichtingen):
        running += v.bedrag.get(jaar, Decimal(0))
        if running > room:
            loc = ("verplichtingen", i, "bedrag", jaar)
            return doc.finding(
                loc,
                f"{field_path(loc)}: met deze verplichting ({euro(v.bedrag[jaar])}) gaan de verplichtingen "
                f"boven wat na de basisdienstverlening overblijft ({euro(room)}); {summary}",
                code="maatwerkbudget-negatief",
            )
    raise AssertionError("negative maatwerkbudget without a cause")  # arithmetic: cannot happen


def rule_standard_references(ld: RegionFiles) -> Iterator[Finding]:
    """Every [[artikel:id]] in the standard DVO text names an existing article, every
    [[gegeven:naam]] a known value; ids are unique."""
    if ld.standaard is None:
        return
    from generator.load.dvo_rules import gegeven_message, unknown_gegevens
    from generator.models.standaard import REFERENCE

    doc = ld.doc(ld.layout.dvo_bepalingen)
    ids = [a.id for a in ld.standaard.artikelen]
    for i, dup in _repeats(ids):
        yield doc.finding(("artikelen", i, "id"), f"artikelen[{i}].id: dubbel artikel-id '{dup}'", code="waarde-dubbel")
    texts: list[tuple[tuple, str, str]] = [
        (("considerans", i), f"considerans[{i}]", text) for i, text in enumerate(ld.standaard.considerans)
    ]
    texts += [
        (("artikelen", i, "leden", j), f"artikelen[{i}].leden[{j}]", lid)
        for i, artikel in enumerate(ld.standaard.artikelen)
        for j, lid in enumerate(artikel.leden)
    ]
    for loc, where, text in texts:
        for ref in REFERENCE.findall(text):
            if ref not in ids:
                yield doc.finding(
                    loc,
                    f"{where}: verwijzing naar onbekend artikel '{ref}'; bekend zijn: {', '.join(ids)}",
                    code="verwijzing-onbekend",
                )
        for name in unknown_gegevens(text):
            yield doc.finding(loc, gegeven_message(where, name), code="verwijzing-onbekend")


def rule_realisaties(ld: RegionFiles) -> Iterator[Finding]:
    """Ratios need their denominator for regional figures; toelichtingen and opvolging belong to a realisatie."""
    if ld.indicatoren is None:
        return
    weighted = {i.id for i in ld.indicatoren.indicatoren if i.regionaal == "gewogen gemiddelde"}
    for stem, g in ld.gemeenten.items():
        doc = ld.docs[ld.gemeente_files[stem]]
        for i, p in enumerate(g.prestatie_indicatoren):
            base = ("prestatie_indicatoren", i)
            if p.indicator in weighted:
                for key, real in p.realisaties.items():
                    if real.noemer is None:
                        loc = base + ("realisaties", _yaml_key(doc, base + ("realisaties",), key))
                        yield doc.finding(
                            loc,
                            f"{field_path(loc)}: '{p.indicator}' is een gewogen gemiddelde; verwacht een noemer "
                            f"bij de realisatie, schrijf bijvoorbeeld '{key}: {{waarde: {real.waarde}, noemer: "
                            f"45}}'",
                            code="noemer-ontbreekt",
                        )
            for name, what in (("toelichtingen", "toelichting"), ("opvolging", "opvolging")):
                for key in getattr(p, name):
                    if key not in p.realisaties:
                        loc = base + (name, _yaml_key(doc, base + (name,), key))
                        yield doc.finding(
                            loc,
                            f"{field_path(loc)}: {what} voor periode '{key}', maar daarvoor is geen realisatie "
                            "ingevuld",
                            code="realisatie-ontbreekt",
                            key=True,
                        )


def rule_meetwijze(ld: RegionFiles) -> Iterator[Finding]:
    """Each indicator fits its kind (models/kinds.py): e.g. only counts and amounts add up over time."""
    if ld.indicatoren is None:
        return
    doc = ld.doc(ld.layout.indicatoren)
    for n, ind in enumerate(ld.indicatoren.indicatoren):
        dimensie = ld.indicatoren.dimensie(ind.dimensie)
        if ind.dimensie and dimensie is None:
            continue  # an unknown dimensie is reported by load/dimensie_rules.py
        for p in kind_for(ind, dimensie).problemen(n):
            yield doc.finding(("indicatoren", n, p.veld), p.tekst, code=p.code)


def rule_toelichtingen(ld: RegionFiles) -> Iterator[Finding]:
    """A beleidskeuze points to the DVO article that records it: [[artikel:id]] in the tekst."""
    if ld.standaard is None:
        return
    from generator.models.standaard import REFERENCE

    ids = [a.id for a in ld.standaard.artikelen]
    # The region's own toelichtingen and every gemeente's, with the path to each.
    places: list[tuple[YamlDocument, tuple, Afwijkingstoelichting]] = []
    regio_doc = ld.doc(ld.layout.regio)
    for indicator_id, per_period in ld.regio.rapportage.toelichtingen.items():
        parent: tuple = ("rapportage", "toelichtingen", indicator_id)
        for key, t in per_period.items():
            places.append((regio_doc, parent + (_yaml_key(regio_doc, parent, key),), t))
    for stem, g in ld.gemeenten.items():
        doc = ld.docs[ld.gemeente_files[stem]]
        for i, p in enumerate(g.prestatie_indicatoren):
            parents: list[tuple[tuple, dict[str, Afwijkingstoelichting]]] = [
                (("prestatie_indicatoren", i, "toelichtingen"), p.toelichtingen)
            ]
            parents += [
                (("prestatie_indicatoren", i, "kengetallen", k, "toelichtingen"), d.toelichtingen)
                for k, d in p.kengetallen.items()
            ]
            for parent, toelichtingen in parents:
                for key, t in toelichtingen.items():
                    places.append((doc, parent + (_yaml_key(doc, parent, key),), t))
    for doc, loc, t in places:
        refs = REFERENCE.findall(t.tekst)
        for ref in refs:
            if ref not in ids:
                yield doc.finding(
                    loc + ("tekst",),
                    f"{field_path(loc)}.tekst: verwijzing naar onbekend DVO-artikel '{ref}'; bekend zijn: "
                    f"{', '.join(ids)}",
                    code="verwijzing-onbekend",
                )
        if t.oorzaak == "beleidskeuze in de DVO" and not refs:
            yield doc.finding(
                loc + ("oorzaak",),
                f"{field_path(loc)}.oorzaak: een beleidskeuze moet in de DVO staan; noem het artikel in de tekst "
                "als [[artikel:<id>]] (bijv. [[artikel:maatwerk]]), gevonden een tekst zonder verwijzing",
                code="verwijzing-ontbreekt",
            )


RULES = [
    rule_region_lists,
    rule_gemeente_files,
    rule_years,
    rule_periods,
    rule_realisaties,
    rule_meetwijze,
    rule_toelichtingen,
    rule_basisdienstverlening,
    rule_catalogues,
    rule_references,
    rule_money,
    rule_standard_references,
    *dimensie_rules.RULES,
]


# Rules on how authored verantwoording text must be written (a beleidskeuze cites its article):
# an earlier revision is read as it was written (`historisch`), like the DVO's contract rules.
AUTHORING = [rule_toelichtingen]


def cross_file_findings(ld: RegionFiles, *, historisch: bool = False) -> list[Finding]:
    out: list[Finding] = []
    for rule in RULES:
        if not (historisch and rule in AUTHORING):
            out.extend(rule(ld))
    return out
