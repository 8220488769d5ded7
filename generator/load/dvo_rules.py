"""Rules for the DVO as a contract: signatures, versions, gemeente articles, maatwerk.

Two groups:

- INTEGRITY rules: without them a DVO cannot be made at all (a reference to an
  unknown article, a price per deelnemer without budget). Always checked.
- CONTRACT rules: what a version must satisfy before it is signed (who signs on
  which grondslag, a version entry for the current version, a nulmeting for every
  indicator a maatwerk afspraak promises). `dvo wijzigingen` reads earlier
  revisions of the data with `historisch=True`: a version that was vastgesteld
  under older rules is compared as it was, not re-judged.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.load.findings import Finding
from generator.load.loaded import RegionFiles
from generator.load.yamlsource import YamlDocument
from generator.models.gemeente import Gemeente
from generator.models.standaard import GEGEVEN, GEGEVENS, REFERENCE, bekend_gegeven
from generator.util.formatting import date_long

DEFINITIEF = ("vastgesteld", "ondertekend")
PARTIJEN = ("gemeente", "organisatie")


def _gemeenten(ld: RegionFiles) -> Iterator[tuple[Gemeente, YamlDocument]]:
    for stem, g in ld.gemeenten.items():
        yield g, ld.docs[ld.gemeente_files[stem]]


def unknown_gegevens(text: str) -> list[str]:
    return [name for name in GEGEVEN.findall(text) if not bekend_gegeven(name)]


def gegeven_message(where: str, name: str) -> str:
    return (
        f"{where}: onbekend gegeven '[[gegeven:{name}]]'; bekend zijn: {', '.join(GEGEVENS)} (met een hoofdletter, "
        "zoals [[gegeven:Korte_naam]], aan het begin van een zin)"
    )


def rule_bijzondere_bepalingen(ld: RegionFiles) -> Iterator[Finding]:
    """A gemeente's own articles: unique ids, apart from the standard's, references that resolve."""
    standard_ids = [a.id for a in ld.standaard.artikelen] if ld.standaard else None
    for g, doc in _gemeenten(ld):
        own = [b.id for b in g.dvo.bijzondere_bepalingen]
        seen: set[str] = set()
        for i, bepaling in enumerate(g.dvo.bijzondere_bepalingen):
            base = ("dvo", "bijzondere_bepalingen", i)
            where = f"dvo.bijzondere_bepalingen[{i}]"
            if bepaling.id in seen:
                yield doc.finding(base + ("id",), f"{where}.id: dubbel id '{bepaling.id}'", code="waarde-dubbel")
            seen.add(bepaling.id)
            if standard_ids is not None and bepaling.id in standard_ids:
                yield doc.finding(
                    base + ("id",),
                    f"{where}.id: '{bepaling.id}' is al het id van een artikel van de standaardbepalingen; kies "
                    "een ander id",
                    code="waarde-dubbel",
                )
            for j, lid in enumerate(bepaling.leden):
                for name in unknown_gegevens(lid):
                    yield doc.finding(
                        base + ("leden", j), gegeven_message(f"{where}.leden[{j}]", name), code="verwijzing-onbekend"
                    )
                if standard_ids is None:
                    continue
                for ref in REFERENCE.findall(lid):
                    if ref not in standard_ids and ref not in own:
                        yield doc.finding(
                            base + ("leden", j),
                            f"{where}.leden[{j}]: verwijzing naar onbekend artikel '{ref}' (niet in de "
                            "standaardbepalingen en niet bij de bijzondere bepalingen van deze gemeente)",
                            code="verwijzing-onbekend",
                        )


def rule_deelnemers(ld: RegionFiles) -> Iterator[Finding]:
    """A price per deelnemer needs a budget in that year and at least one deelnemer."""
    for g, doc in _gemeenten(ld):
        for i, m in enumerate(g.maatwerk):
            for jaar, aantal in m.deelnemers.items():
                loc = ("maatwerk", i, "deelnemers", jaar)
                where = f"maatwerk[{i}].deelnemers[{jaar}]"
                if aantal < 1:
                    yield doc.finding(
                        loc,
                        f"{where}: verwacht een aantal deelnemers van 1 of meer, gevonden {aantal}",
                        code="waarde-buiten-bereik",
                    )
                elif not m.budget.get(jaar):
                    yield doc.finding(
                        loc,
                        f"{where}: de afspraak '{m.titel}' heeft in {jaar} geen budget; deelnemers horen bij een "
                        "jaar met budget",
                        code="deelnemers-zonder-budget",
                        key=True,
                    )


def rule_versies(ld: RegionFiles) -> Iterator[Finding]:
    """The version history ends with the current version; versions are unique and in date order."""
    for g, doc in _gemeenten(ld):
        dvo = g.dvo
        if not dvo.wijzigingen:
            if dvo.status in DEFINITIEF:
                yield doc.finding(
                    ("dvo", "wijzigingen"),
                    f"dvo.wijzigingen: een {dvo.status}e DVO heeft een versiegeschiedenis nodig; verwacht ten "
                    f"minste een regel voor versie {dvo.versie} (versie, datum, omschrijving)",
                    code="versiegeschiedenis-onvolledig",
                )
            continue
        laatste = len(dvo.wijzigingen) - 1
        last = dvo.wijzigingen[-1]
        if last.versie != dvo.versie:
            yield doc.finding(
                ("dvo", "wijzigingen", laatste, "versie"),
                f"dvo.wijzigingen[{laatste}].versie: de laatste regel van de versiegeschiedenis hoort bij de "
                f"huidige versie {dvo.versie} (dvo.versie), gevonden '{last.versie}'; voeg een regel toe voor "
                f"versie {dvo.versie}",
                code="versiegeschiedenis-onvolledig",
            )
        elif last.datum != dvo.datum:
            yield doc.finding(
                ("dvo", "wijzigingen", laatste, "datum"),
                f"dvo.wijzigingen[{laatste}].datum: verwacht {dvo.datum.isoformat()} (de datum van versie "
                f"{dvo.versie} in dvo.datum), gevonden {last.datum.isoformat()}",
                code="waarde-wijkt-af",
            )
        seen: set[str] = set()
        for i, w in enumerate(dvo.wijzigingen):
            if w.versie in seen:
                yield doc.finding(
                    ("dvo", "wijzigingen", i, "versie"),
                    f"dvo.wijzigingen[{i}].versie: versie {w.versie} staat meer dan eens in de versiegeschiedenis",
                    code="waarde-dubbel",
                )
            seen.add(w.versie)
            if i and w.datum < dvo.wijzigingen[i - 1].datum:
                yield doc.finding(
                    ("dvo", "wijzigingen", i, "datum"),
                    f"dvo.wijzigingen[{i}].datum: versie {w.versie} ({w.datum.isoformat()}) ligt vóór de vorige "
                    f"versie {dvo.wijzigingen[i - 1].versie} ({dvo.wijzigingen[i - 1].datum.isoformat()}); zet de "
                    "versies op volgorde",
                    code="volgorde-ongeldig",
                )


def rule_ondertekening(ld: RegionFiles) -> Iterator[Finding]:
    """Both parties sign; a vastgestelde DVO names each signatory's besluit or mandaat;
    an ondertekende DVO says where and when each one signed."""
    for g, doc in _gemeenten(ld):
        dvo = g.dvo
        for partij in PARTIJEN:
            if not any((o.namens == "gemeente") == (partij == "gemeente") for o in dvo.ondertekenaars):
                wie = "de gemeente" if partij == "gemeente" else ld.regio.kort
                yield doc.finding(
                    ("dvo", "ondertekenaars"),
                    "dvo.ondertekenaars: een DVO heeft twee partijen; verwacht ten minste één ondertekenaar met "
                    f"'namens: {partij}' ({wie}), gevonden geen",
                    code="ondertekening-onvolledig",
                )
        for i, o in enumerate(dvo.ondertekenaars):
            base = ("dvo", "ondertekenaars", i)
            where = f"dvo.ondertekenaars[{i}]"
            if dvo.status in DEFINITIEF:
                if o.grondslag is None:
                    yield doc.finding(
                        base,
                        f"{where}.grondslag: een {dvo.status}e DVO noemt het besluit of mandaat waarop {o.naam} "
                        "tekent; verwacht grondslag met soort, orgaan en datum, gevonden geen grondslag",
                        code="ondertekening-onvolledig",
                    )
                else:
                    for veld, wat in (
                        ("orgaan", "het orgaan dat besloot of mandaat gaf"),
                        ("datum", "de datum van het besluit of mandaat"),
                    ):
                        if getattr(o.grondslag, veld) is None:
                            yield doc.finding(
                                base + ("grondslag",),
                                f"{where}.grondslag.{veld}: bij status '{dvo.status}' verplicht: {wat} "
                                f"({o.naam}); gevonden niets",
                                code="ondertekening-onvolledig",
                            )
            if dvo.status == "ondertekend" and o.ondertekend is None:
                yield doc.finding(
                    base,
                    f"{where}.ondertekend: bij status 'ondertekend' verwacht plaats en datum van de ondertekening "
                    f"door {o.naam}, gevonden niets",
                    code="ondertekening-onvolledig",
                )
            if o.ondertekend is not None:
                getekend = o.ondertekend.datum
                if getekend < dvo.datum:
                    yield doc.finding(
                        base + ("ondertekend", "datum"),
                        f"{where}.ondertekend.datum: {o.naam} tekende op {date_long(getekend)}, vóór de datum van "
                        f"deze versie ({date_long(dvo.datum)})",
                        code="volgorde-ongeldig",
                    )
                if o.grondslag is not None and o.grondslag.datum is not None and getekend < o.grondslag.datum:
                    yield doc.finding(
                        base + ("ondertekend", "datum"),
                        f"{where}.ondertekend.datum: {o.naam} tekende op {date_long(getekend)}, vóór het "
                        f"{o.grondslag.soort} van {date_long(o.grondslag.datum)} waarop de ondertekening berust",
                        code="volgorde-ongeldig",
                    )


def rule_maatwerk_indicatoren(ld: RegionFiles) -> Iterator[Finding]:
    """Every indicator a maatwerk afspraak refers to is one of the gemeente's prestatie-indicatoren,
    with a nulmeting (its streefwaarden are complete by rule_years)."""
    known = {i.id for i in ld.indicatoren.indicatoren} if ld.indicatoren else set()
    for g, doc in _gemeenten(ld):
        eigen = {p.indicator: p for p in g.prestatie_indicatoren}
        for i, m in enumerate(g.maatwerk):
            for j, ref in enumerate(m.indicatoren):
                if ref not in known:
                    continue  # rule_references reports unknown ids
                loc = ("maatwerk", i, "indicatoren", j)
                where = f"maatwerk[{i}].indicatoren[{j}]"
                p = eigen.get(ref)
                if p is None:
                    yield doc.finding(
                        loc,
                        f"{where}: de afspraak '{m.titel}' meet met '{ref}', maar die indicator staat niet bij "
                        "prestatie_indicatoren; voeg hem toe met nulmeting en streefwaarden",
                        code="maatwerkindicator-onvolledig",
                    )
                elif p.nulmeting is None:
                    yield doc.finding(
                        loc,
                        f"{where}: de afspraak '{m.titel}' meet met '{ref}'; verwacht een nulmeting bij die "
                        "prestatie-indicator, gevonden geen",
                        code="maatwerkindicator-onvolledig",
                    )


def rule_grondslag_datums(ld: RegionFiles) -> Iterator[Finding]:
    """A besluit approves the version it is taken on, so it is not dated before it; a mandaat
    authorises the signing of documents to come, so it is not granted after the document's date."""
    for g, doc in _gemeenten(ld):
        dvo = g.dvo
        for i, o in enumerate(dvo.ondertekenaars):
            b = o.grondslag
            if b is None or b.datum is None:
                continue
            loc = ("dvo", "ondertekenaars", i, "grondslag", "datum")
            where = f"dvo.ondertekenaars[{i}].grondslag.datum"
            if b.soort == "besluit" and b.datum < dvo.datum:
                yield doc.finding(
                    loc,
                    (
                        f"{where}: het besluit van {date_long(b.datum)} ligt vóór versie {dvo.versie} van "
                        f"{date_long(dvo.datum)}, "
                        "dus het kan die versie niet goedkeuren; verwacht het besluit over deze versie (op of na "
                        f"{date_long(dvo.datum)}), "
                        "of een datum die nog moet worden ingevuld"
                    ),
                    code="volgorde-ongeldig",
                )
            if b.soort == "mandaat" and b.datum > dvo.datum:
                yield doc.finding(
                    loc,
                    (
                        f"{where}: het mandaat is verleend op {date_long(b.datum)}, na de datum van versie "
                        f"{dvo.versie} "
                        f"({date_long(dvo.datum)}) die {o.naam} ermee ondertekent; verwacht een mandaat van op of "
                        f"vóór {date_long(dvo.datum)}"
                    ),
                    code="volgorde-ongeldig",
                )


def rule_streefwaarden_nulmeting(ld: RegionFiles) -> Iterator[Finding]:
    """A streefwaarde follows from the gemeente's own nulmeting: one worse than it needs a stated reason."""
    if ld.indicatoren is None:
        return
    catalogus = {i.id: i for i in ld.indicatoren.indicatoren}
    for g, doc in _gemeenten(ld):
        for i, p in enumerate(g.prestatie_indicatoren):
            ind = catalogus.get(p.indicator)
            if (
                ind is None
                or p.nulmeting is None
                or p.nulmeting.waarde is None
                or p.toelichting_streefwaarden
                or ind.meetwijze == "cumulatief"
            ):
                continue  # a count since the DVO's start has no comparable nulmeting
            lager = ind.richting == "lager is beter"
            for jaar, streef in sorted(p.streefwaarden.items()):
                if (streef > p.nulmeting.waarde) if lager else (streef < p.nulmeting.waarde):
                    yield doc.finding(
                        ("prestatie_indicatoren", i, "streefwaarden", jaar),
                        (
                            f"prestatie_indicatoren[{i}].streefwaarden[{jaar}]: de streefwaarde {streef} voor "
                            f"'{p.indicator}' is slechter dan "
                            f"de nulmeting van de gemeente ({p.nulmeting.waarde} in {p.nulmeting.jaar}; "
                            f"{ind.richting}); "
                            "verwacht een streefwaarde die daaruit volgt, of een reden bij toelichting_streefwaarden"
                        ),
                        code="streefwaarde-onder-nulmeting",
                    )
                    break  # one finding per indicator: the first year that is worse


INTEGRITY = [rule_bijzondere_bepalingen, rule_deelnemers]
CONTRACT = [
    rule_versies,
    rule_ondertekening,
    rule_grondslag_datums,
    rule_maatwerk_indicatoren,
    rule_streefwaarden_nulmeting,
]


def dvo_findings(ld: RegionFiles, *, historisch: bool = False) -> list[Finding]:
    out: list[Finding] = []
    for rule in INTEGRITY + ([] if historisch else CONTRACT):
        out.extend(rule(ld))
    return out
