"""Rules for herindelingen (content/regio.yaml: herindelingen) and the files they touch.

- The herindeling itself: on 1 January of a year of the DVO period; the new gemeente is
  not yet a participant and its CBS code is its own; every opgeheven gemeente participates
  and is opgeheven only once; no gemeente is in two herindelingen.
- Data belongs to the gemeente that existed in its period: an opgeheven gemeente reports
  nothing from the date on, the new gemeente nothing before it (its figures before the date
  are its predecessors', combined by compute/herindeling.py).
- What the combination needs: a noemer with the nulmeting of a weighted indicator, and one
  year of nulmeting for an indicator the predecessors share.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.load.findings import Finding, field_path
from generator.load.loaded import RegionFiles
from generator.load.rules import _period_findings, _repeats, _yaml_key
from generator.models import periods
from generator.models.region import Herindeling
from generator.util.formatting import date_long
from generator.util.suggest import did_you_mean


def herindeling_findings(ld: RegionFiles) -> list[Finding]:
    if ld.regio is None or not ld.regio.herindelingen:
        return []
    return list(_herindelingen(ld)) + list(_opgeheven_files(ld)) + list(_opvolger_files(ld)) + list(_nulmetingen(ld))


def _herindelingen(ld: RegionFiles) -> Iterator[Finding]:
    doc = ld.doc(ld.layout.regio)
    regio = ld.regio
    jaren = regio.periode.jaren
    listed = {g.slug: g for g in regio.gemeenten}
    codes = {g.cbs_code: g.naam for g in regio.gemeenten}
    seen: dict[str, int] = {}  # slug -> the herindeling it is first named in
    for i, h in enumerate(regio.herindelingen):
        base = ("herindelingen", i)
        if h.datum.year not in jaren:
            yield doc.finding(
                base + ("datum",),
                f"herindelingen[{i}].datum: {h.datum.isoformat()} ligt buiten de DVO-periode ({jaren[0]}-{jaren[-1]})",
                code="buiten-periode",
            )
        elif (h.datum.month, h.datum.day) != (1, 1):
            yield doc.finding(
                base + ("datum",),
                (
                    f"herindelingen[{i}].datum: verwacht 1 januari ({h.datum.year}-01-01 of "
                    f"{h.datum.year + 1}-01-01), gevonden "
                    f"{h.datum.isoformat()}; een herindeling gaat in op 1 januari, en budgetten en streefwaarden "
                    "gelden per jaar"
                ),
                code="herindeling-ongeldig",
            )
        nieuw = h.nieuwe_gemeente
        if nieuw.slug in listed:
            yield doc.finding(
                base + ("nieuwe_gemeente", "slug"),
                (
                    f"herindelingen[{i}].nieuwe_gemeente.slug: '{nieuw.slug}' neemt al deel aan de regio; een "
                    "gemeente die blijft "
                    "bestaan en andere gemeenten overneemt (lichte samenvoeging) kan nog niet worden vastgelegd"
                ),
                code="herindeling-ongeldig",
            )
        elif nieuw.cbs_code in codes:
            yield doc.finding(
                base + ("nieuwe_gemeente", "cbs_code"),
                (
                    f"herindelingen[{i}].nieuwe_gemeente.cbs_code: {nieuw.cbs_code} is de CBS-code van "
                    f"{codes[nieuw.cbs_code]}; "
                    "een nieuwe gemeente krijgt een eigen code"
                ),
                code="waarde-dubbel",
            )
        codes.setdefault(nieuw.cbs_code, nieuw.naam)
        for k, dup in _repeats(h.opgeheven):
            yield doc.finding(
                base + ("opgeheven", k),
                f"herindelingen[{i}].opgeheven[{k}]: '{dup}' staat twee keer in deze herindeling",
                code="waarde-dubbel",
            )
        for k, slug in enumerate(h.opgeheven):
            loc: tuple = base + ("opgeheven", k)
            if slug not in listed:
                hint = did_you_mean(slug, list(listed))
                yield doc.finding(
                    loc,
                    f"herindelingen[{i}].opgeheven[{k}]: onbekende gemeente '{slug}'; verwacht een slug uit de "
                    f"lijst gemeenten{hint}",
                    code="verwijzing-onbekend",
                )
        for k, slug in enumerate([nieuw.slug, *dict.fromkeys(h.opgeheven)]):
            if slug in seen and seen[slug] != i:
                loc = base + (("nieuwe_gemeente", "slug") if k == 0 else ("opgeheven", h.opgeheven.index(slug)))
                yield doc.finding(
                    loc,
                    (
                        f"{field_path(loc)}: gemeente '{slug}' staat ook in herindelingen[{seen[slug]}]; een "
                        "gemeente kan in "
                        "één herindeling voorkomen"
                    ),
                    code="waarde-dubbel",
                )
            seen.setdefault(slug, i)


def _before(periode: str, scheme: str, h: Herindeling) -> bool | None:
    """Whether a period lies before the herindeling (None: not a period of the scheme)."""
    parsed = periods.parse_code(periode, scheme)
    return None if parsed is None else parsed[0] < h.jaar


def _opgeheven_files(ld: RegionFiles) -> Iterator[Finding]:
    """An opgeheven gemeente reports nothing for a period from its herindeling on."""
    scheme = ld.regio.rapportage.periode_schema
    for stem, g in ld.gemeenten.items():
        h = ld.regio.opgeheven_in(stem)
        if h is None:
            continue
        doc = ld.docs[ld.gemeente_files[stem]]
        nieuw = h.nieuwe_gemeente

        def late(loc: tuple, key: str, what: str) -> Finding:
            return doc.finding(
                loc,
                (
                    f"{field_path(loc)}: {what} voor {key}, maar {g.naam} bestaat sinds {date_long(h.datum)} niet meer "
                    f"(opgegaan in {nieuw.naam}); zet deze gegevens in gemeenten/{nieuw.slug}.yaml"
                ),
                code="herindeling-periode",
                key=True,
            )

        for i, p in enumerate(g.prestatie_indicatoren):
            for name, what in (
                ("realisaties", "een realisatie"),
                ("toelichtingen", "een toelichting"),
                ("opvolging", "opvolging"),
            ):
                parent = ("prestatie_indicatoren", i, name)
                for key in getattr(p, name):
                    if _before(key, scheme, h) is False:
                        yield late(parent + (_yaml_key(doc, parent, key),), key, what)
        for name, what in (("besteed", "besteding"), ("rapporten", "een rapport")):
            for key in getattr(g, name):
                if _before(key, scheme, h) is False:
                    yield late((name, _yaml_key(doc, (name,), key)), key, what)


def _opvolger_files(ld: RegionFiles) -> Iterator[Finding]:
    """The new gemeente's own file: its periods from the herindeling on, indicators its predecessors agreed."""
    scheme = ld.regio.rapportage.periode_schema
    jaren = ld.regio.periode.jaren
    weighted = (
        {i.id for i in ld.indicatoren.indicatoren if i.regionaal == "gewogen gemiddelde"} if ld.indicatoren else set()
    )
    for stem, o in ld.opvolgers.items():
        h = ld.regio.ontstaan_in(stem)
        if h is None:  # never: opvolgers are the files of gemeenten that a herindeling made
            continue
        doc = ld.docs[ld.gemeente_files[stem]]
        voorgangers = [ld.gemeenten[s] for s in h.opgeheven if s in ld.gemeenten]
        afgesproken = {p.indicator for g in voorgangers for p in g.prestatie_indicatoren}
        names = [g.naam for g in voorgangers]
        namen = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1] if names else ""

        def early(loc: tuple, key: str, what: str) -> Finding:
            return doc.finding(
                loc,
                (
                    f"{field_path(loc)}: {what} voor {key}, maar {o.naam} bestaat pas sinds {date_long(h.datum)}; "
                    "de cijfers "
                    f"daarvoor staan bij {namen}"
                ),
                code="herindeling-periode",
                key=True,
            )

        for i, p in enumerate(o.prestatie_indicatoren):
            base = ("prestatie_indicatoren", i)
            if voorgangers and p.indicator not in afgesproken:
                yield doc.finding(
                    base + ("indicator",),
                    (
                        f"{field_path(base + ('indicator',))}: '{p.indicator}' staat in geen van de DVO's van {namen}; "
                        f"{o.naam} rapporteert op de indicatoren uit die DVO's"
                    ),
                    code="verwijzing-onbekend",
                )
            for name, what in (
                ("realisaties", "een realisatie"),
                ("toelichtingen", "een toelichting"),
                ("opvolging", "opvolging"),
            ):
                parent = base + (name,)
                mapping = getattr(p, name)
                yield from _period_findings(doc, parent, mapping, scheme, jaren)
                for key in mapping:
                    if _before(key, scheme, h) is True:
                        yield early(parent + (_yaml_key(doc, parent, key),), key, what)
                    elif name != "realisaties" and key not in p.realisaties:
                        loc = parent + (_yaml_key(doc, parent, key),)
                        yield doc.finding(
                            loc,
                            f"{field_path(loc)}: {what} voor periode '{key}', maar daarvoor is geen realisatie "
                            "ingevuld",
                            code="realisatie-ontbreekt",
                            key=True,
                        )
            if p.indicator in weighted:
                for key, real in p.realisaties.items():
                    if real.noemer is None:
                        loc = base + ("realisaties", _yaml_key(doc, base + ("realisaties",), key))
                        yield doc.finding(
                            loc,
                            f"{field_path(loc)}: '{p.indicator}' is een gewogen gemiddelde; verwacht een noemer "
                            "bij de realisatie",
                            code="noemer-ontbreekt",
                        )
        for name, what in (("besteed", "besteding"), ("rapporten", "een rapport")):
            yield from _period_findings(doc, (name,), getattr(o, name), scheme, jaren)
            for key in getattr(o, name):
                if _before(key, scheme, h) is True:
                    yield early((name, _yaml_key(doc, (name,), key)), key, what)


def _nulmetingen(ld: RegionFiles) -> Iterator[Finding]:
    """The predecessors' nulmetingen are combined: one year, and a noemer where the indicator is weighted."""
    if ld.indicatoren is None:
        return
    weighted = {i.id for i in ld.indicatoren.indicatoren if i.regionaal == "gewogen gemiddelde"}
    for h in ld.regio.herindelingen:
        first_year: dict[str, tuple[int, str]] = {}
        for slug in h.opgeheven:
            g = ld.gemeenten.get(slug)
            if g is None:
                continue
            doc = ld.docs[ld.gemeente_files[slug]]
            for i, p in enumerate(g.prestatie_indicatoren):
                n = p.nulmeting
                if n is None:
                    continue
                loc = ("prestatie_indicatoren", i, "nulmeting")
                if p.indicator in weighted and n.noemer is None:
                    yield doc.finding(
                        loc,
                        (
                            f"{field_path(loc)}: '{p.indicator}' is een gewogen gemiddelde en {g.naam} gaat op "
                            f"{date_long(h.datum)} op in {h.nieuwe_gemeente.naam}; verwacht een noemer bij de "
                            "nulmeting "
                            f"(bijv. 'noemer: 120'), om de nulmetingen naar hun noemer te combineren"
                        ),
                        code="noemer-ontbreekt",
                    )
                jaar, naam = first_year.setdefault(p.indicator, (n.jaar, g.naam))
                if n.jaar != jaar:
                    yield doc.finding(
                        loc + ("jaar",),
                        (
                            f"{field_path(loc + ('jaar',))}: {g.naam} heeft de nulmeting van '{p.indicator}' in "
                            f"{n.jaar}, {naam} in "
                            f"{jaar}; na de herindeling tellen ze samen tot één nulmeting van "
                            f"{h.nieuwe_gemeente.naam}: gebruik hetzelfde jaar"
                        ),
                        code="herindeling-ongeldig",
                    )
