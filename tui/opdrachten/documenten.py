"""The subcommands of the export registry (`opslag.export.soorten`): one per document kind, with
its options, and writing the document to the screen or to a file in the chosen format."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def voeg_toe(sub: argparse._SubParsersAction, pad: Callable[[str], Path]) -> None:
    """A subcommand per document kind of the export registry, with its options."""
    from opslag.export.soorten import SOORTEN

    for soort in SOORTEN.values():
        parser = sub.add_parser(soort.commando, help=soort.hulp, description=soort.omschrijving)
        parser.add_argument("pad", metavar="PAD", type=pad, help="het gemeentebestand (.sqlite)")
        for optie in soort.opties:
            if optie.vinkje is not None:
                parser.add_argument(f"--{optie.naam}", action="store_true", help=optie.hulp)
            else:
                parser.add_argument(f"--{optie.naam}", metavar=optie.metavar, default=optie.standaard, help=optie.hulp)
        _export_opties(parser, soort.sjabloon, pad)


def _export_opties(parser: argparse.ArgumentParser, sjabloon: str, pad: Callable[[str], Path]) -> None:
    parser.add_argument(
        "-o", "--uitvoer", metavar="UIT", type=pad,
        help="schrijf naar dit bestand (een bestaand bestand wordt vervangen); standaard, of met -, het scherm "
        "(alleen Markdown); de extensie (.md, .docx, .odt, .pdf) kiest het formaat",
    )
    parser.add_argument(
        "--formaat", metavar="md|docx|odt|pdf",
        help="Markdown (standaard), Word, ODT of PDF; Word, ODT en PDF alleen met -o",
    )
    parser.add_argument(
        "--sjabloon", metavar="PAD", type=pad,
        help=f"een eigen sjabloon in de huisstijl van de gemeente: een aangepaste kopie van sjablonen/{sjabloon}",
    )
    parser.add_argument(
        "--huisstijl", metavar="PAD", type=pad,
        help="een eigen huisstijl voor Word, ODT of PDF in plaats van sjablonen/huisstijl.docx, .odt of .typ",
    )


def voer_uit(args: argparse.Namespace, zeg: Callable[..., None]) -> int:
    from opslag import export
    from opslag.bestand import Gemeentebestand
    from opslag.kop import is_actueel

    naar_bestand = args.uitvoer is not None and str(args.uitvoer) != "-"
    formaat = _formaat(args, naar_bestand)
    if naar_bestand:
        export.controleer_doel(args.uitvoer, args.pad)  # a bad -o is reported before any work is done
    # Read-only: an export changes nothing, makes no backup, and works while the app has the file
    # open. Only a file from an older Tripartiet is first brought up to date, as the app would.
    alleen_lezen = is_actueel(args.pad)
    with Gemeentebestand.open(args.pad, alleen_lezen=alleen_lezen) as bestand:
        soort = export.bij_commando(args.commando)
        keuzes = {optie.naam: optie.lees(bestand, getattr(args, optie.naam)) for optie in soort.opties}
        gemaakt = export.maak(soort, bestand, keuzes, args.sjabloon)
    tekst = gemaakt.tekst
    if not naar_bestand:
        if sys.stdout.isatty():
            # The Markdown already holds no control characters (see opslag.markdown_tekst); on a
            # terminal the balanced bidi controls it keeps are shown too. Piped, the bytes are
            # those of the file `-o` would write.
            from opslag.tekst import zichtbaar

            tekst = zichtbaar(tekst, regels=True)
        uit = getattr(sys.stdout, "buffer", None)
        if uit is not None:
            sys.stdout.flush()
            uit.write(tekst.encode("utf-8"))  # UTF-8 and LF whatever the terminal's settings
            uit.flush()
        else:
            sys.stdout.write(tekst)
        return 0
    doel = export.schrijf_document(args.uitvoer, gemaakt, formaat, args.pad, args.huisstijl)
    zeg(f"Geschreven: {doel}", file=sys.stderr)
    return 0


def _formaat(args: argparse.Namespace, naar_bestand: bool) -> str:
    """The format to write, from --formaat and the extension of -o; refused before any work.

    Word, ODT and PDF need -o: binary data on a terminal is garbage, and a file at a name nobody
    typed could silently replace a document someone is reviewing (the command line asks nothing)."""
    from opslag.export import ExportFout
    from opslag.omzetten import formaat_voor

    formaat = formaat_voor(args.uitvoer if naar_bestand else None, args.formaat)
    if formaat != "md" and not naar_bestand:
        raise ExportFout(f"{formaat.upper()} kan niet op het scherm; geef met -o een bestandsnaam op, "
                         f"bijvoorbeeld -o {args.commando if args.commando != 'export' else 'uitvoeringsagenda'}.{formaat}.")
    if formaat == "md" and args.huisstijl is not None:
        raise ExportFout("--huisstijl geldt voor Word, ODT en PDF; kies er een met --formaat of met de extensie van -o.")
    return formaat
