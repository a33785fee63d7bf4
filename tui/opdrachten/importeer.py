"""`tripartiet importeer PAD TABEL --agenda 2026-2027 [--proef]`: bring in an existing agenda."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

NAAM = "importeer"


def voeg_toe(sub: argparse._SubParsersAction, pad: Callable[[str], Path]) -> None:
    parser = sub.add_parser(
        NAAM,
        help="lees een bestaande uitvoeringsagenda in (CSV of Markdown)",
        description=(
            "Lees een bestaande uitvoeringsagenda in: een tabel uit Word, in Excel opgeslagen als CSV (puntkomma of komma,\n"
            "UTF-8 of Windows-1252), of de Markdown die 'tripartiet export' maakt. Kolommen: Subthema | Actielijn | Doel |\n"
            "Start | Eind | Verantwoordelijke [| Betrokken | Status | Toelichting]. Alles of niets: bevat één regel een\n"
            "fout, dan wordt niets opgeslagen en noemt Tripartiet elke fout met regel en kolom."
        ),
    )
    parser.add_argument("pad", metavar="PAD", type=pad, help="het gemeentebestand (.sqlite)")
    parser.add_argument("tabel", metavar="TABEL", type=pad, help="de tabel: een .csv- of .md-bestand")
    parser.add_argument("--agenda", metavar="PERIODE", required=True,
                        help="de uitvoeringsagenda, bijvoorbeeld 2026-2027; nieuw (concept) als het bestand hem nog niet heeft")
    parser.add_argument("--proef", action="store_true", help="toon wat er opgeslagen zou worden, en sla niets op")
    parser.add_argument("--buiten-kader", action="store_true",
                        help="een nieuwe agenda in een periode die niet in het kader past, bewust gekozen")


def voer_uit(args: argparse.Namespace, zeg: Callable[..., None]) -> int:
    from opslag import importeren, perioden
    from opslag.bestand import Gemeentebestand
    from opslag.kop import is_actueel

    # A dry run reads only: no backup, no WAL, the file stays byte-identical (unless it first has to
    # be brought up to date, as for an export).
    alleen_lezen = args.proef and is_actueel(args.pad)
    with Gemeentebestand.open(args.pad, alleen_lezen=alleen_lezen) as bestand:
        try:
            if args.proef:
                voorstel = importeren.controleer(bestand, args.tabel, args.agenda, args.buiten_kader)
                if not voorstel.in_orde:
                    raise importeren.ImportFout(voorstel)
            else:
                voorstel = importeren.importeer(bestand, args.tabel, args.agenda, args.buiten_kader)
        except importeren.ImportFout as fout:
            zeg(str(fout), file=sys.stderr)
            return 1
        except perioden.BuitenKader as fout:
            zeg(f"tripartiet: {fout} Importeer toch met --buiten-kader.", file=sys.stderr)
            return 1
    if args.proef:
        zeg("Proef: er is niets opgeslagen. Dit zou er opgeslagen worden:")
        zeg("\n".join(voorstel.overzicht()))
        extra = " --buiten-kader" if args.buiten_kader else ""
        zeg(f"Importeer het met: tripartiet importeer {args.pad} {args.tabel} --agenda {voorstel.periode}{extra}")
        return 0
    zeg(voorstel.gedaan())
    return 0
