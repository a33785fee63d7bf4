"""`tripartiet vaststellen PAD --agenda 2026-2027 --datum 04-12-2025 --plaats Aalten --ondertekenaar "GA=Naam, functie"`:
record the adoption of an uitvoeringsagenda and who signed it, as on the signed document."""

from __future__ import annotations

import argparse
from collections.abc import Callable

NAAM = "vaststellen"


def voeg_toe(sub: argparse._SubParsersAction, pad: Callable[[str], object]) -> None:
    parser = sub.add_parser(
        NAAM,
        help="leg vast dat een uitvoeringsagenda is vastgesteld en wie tekende",
        description="Leg vast dat een uitvoeringsagenda bestuurlijk is vastgesteld: datum, plaats en per partij wie\n"
        "tekende. Daarna is een wijziging van een afspraak een wijziging na vaststelling (met reden).\n"
        "Nogmaals uitvoeren corrigeert de vaststelling.",
        epilog='Voorbeeld: tripartiet vaststellen aalten.sqlite --agenda 2026-2027 --datum 04-12-2025 --plaats Aalten '
        '--ondertekenaar "GA=J. Jansen, wethouder wonen" --ondertekenaar "DWP=P. de Vries, directeur-bestuurder"',
    )
    parser.add_argument("pad", metavar="PAD", type=pad, help="het gemeentebestand (.sqlite)")
    parser.add_argument("--agenda", metavar="PERIODE", required=True, help="de periode van de uitvoeringsagenda, bijvoorbeeld 2026-2027")
    parser.add_argument("--datum", metavar="DD-MM-JJJJ", required=True, help="de datum van vaststelling")
    parser.add_argument("--plaats", required=True, help="de plaats van vaststelling")
    parser.add_argument(
        "--ondertekenaar", metavar='"CODE=Naam, functie"', action="append", default=[],
        help="wie voor de partij met deze afkorting tekende (herhaalbaar)",
    )


def lees_ondertekenaar(tekst: str, partijen: dict[str, int]) -> tuple[int, tuple[str, str]]:
    """'GA=J. Jansen, wethouder wonen' -> (partij id, (naam, functie))."""
    from opslag.fouten import OngeldigeInvoer

    code, is_, rest = tekst.partition("=")
    if not is_ or not rest.strip():
        raise OngeldigeInvoer("ondertekenaar", f"'{tekst}' is geen ondertekenaar. Schrijf AFKORTING=Naam, functie, bijvoorbeeld \"GA=J. Jansen, wethouder\".")
    gevonden = {c.casefold(): i for c, i in partijen.items()}.get(code.strip().casefold())
    if gevonden is None:
        raise OngeldigeInvoer(
            "ondertekenaar", f"Geen partij met afkorting '{code.strip()}' in dit bestand. Wel: {', '.join(partijen)}."
        )
    naam, _, functie = rest.partition(",")
    return gevonden, (naam.strip(), functie.strip())


def voer_uit(args: argparse.Namespace, zeg: Callable[..., None]) -> int:
    from opslag import datums, levensloop
    from opslag.bestand import Gemeentebestand
    from opslag.fouten import OngeldigeInvoer

    periode = datums.lees_periode(args.agenda)
    datum = datums.lees_datum(args.datum, "datum")
    with Gemeentebestand.open(args.pad) as bestand:
        agenda = next((a for a in _agendas(bestand) if a.periode == periode), None)
        if agenda is None:
            bekend = ", ".join(a.periode for a in _agendas(bestand)) or "geen"
            raise OngeldigeInvoer("agenda", f"De uitvoeringsagenda {periode} staat niet in dit bestand. Wel: {bekend}.")
        partijen = {p.code: p.id for p in bestand.partijen()}
        ondertekenaars = dict(lees_ondertekenaar(t, partijen) for t in args.ondertekenaar)
        waarschuwingen = levensloop.vaststellen(bestand, agenda.id, datum, args.plaats, ondertekenaars)
        gecorrigeerd = " (gecorrigeerd)" if agenda.vastgesteld_op else ""
        zeg(f"Uitvoeringsagenda {periode} vastgesteld op {datums.lange_datum(datum)} te {' '.join(args.plaats.split())}{gecorrigeerd}.")
        codes = {p.id: p.code for p in bestand.partijen()}
        for o in levensloop.ondertekenaars(bestand, agenda.id):
            zeg(f"  {codes[o.partij_id]}: {o.naam}" + (f", {o.functie}" if o.functie else ""))
        for waarschuwing in waarschuwingen:
            zeg(f"Let op: {waarschuwing}")
    return 0


def _agendas(bestand):  # noqa: ANN001, ANN202
    from opslag import notulen

    return notulen.uitvoeringsagendas(bestand)
