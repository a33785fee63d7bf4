"""The `tripartiet` command: Dutch help, subcommands, and a clear message for every bad argument.

Imports of the app and of storage are deferred to the command that needs them, so `--help`,
`--version` and the headless commands start quickly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui import __version__

OMSCHRIJVING = (
    "Tripartiet: notuleren van het tripartite overleg over de prestatieafspraken wonen "
    "(gemeente, corporatie en huurdersvereniging), op één bestand per gemeente."
)

VOORBEELDEN = """\
voorbeelden:
  tripartiet demo                 open een voorbeeldbestand om mee te oefenen
  tripartiet nieuw Aalten         maak aalten.sqlite in deze map
  tripartiet aalten.sqlite        open een gemeentebestand
  tripartiet                      kies een bestand op het startscherm
"""

COMMANDO_S = ("nieuw", "demo", "open")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001
        super().add_usage(usage, actions, groups, prefix="Gebruik: ")


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch headings and errors; argparse's own texts are English."""

    def __init__(self, **kwargs) -> None:  # noqa: ANN003
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(**kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> None:  # type: ignore[override]
        vertaald = (
            message.replace("the following arguments are required", "deze argumenten ontbreken")
            .replace("unrecognized arguments", "onbekende argumenten")
            .replace("expected one argument", "verwacht één waarde")
            .replace("invalid choice", "ongeldige keuze")
            .replace("choose from", "kies uit")
            .replace("argument ", "argument ")
        )
        self.print_usage(sys.stderr)
        self.exit(2, f"tripartiet: fout: {vertaald}\n")


def _parser() -> _Parser:
    parser = _Parser(prog="tripartiet", description=OMSCHRIJVING, epilog=VOORBEELDEN)
    parser.add_argument("--version", action="version", version=f"Tripartiet {__version__}", help="toon de versie en stop")
    sub = parser.add_subparsers(dest="commando", title="opdrachten", metavar="OPDRACHT", parser_class=_Parser)

    nieuw = sub.add_parser("nieuw", help="maak een nieuw gemeentebestand", description="Maak een nieuw gemeentebestand met de partijen van de gemeente en het regionale kader.")
    nieuw.add_argument("gemeente", metavar="GEMEENTE", help="naam van de gemeente, bijvoorbeeld Aalten")
    nieuw.add_argument("--bestand", metavar="PAD", type=Path, help="waar het bestand komt (een map of een bestandsnaam); standaard de huidige map")
    nieuw.add_argument("--kader", metavar="PAD", type=Path, help="een ander kaderbestand (Markdown) in plaats van de Achterhoekse afspraken")

    demo = sub.add_parser("demo", help="open een voorbeeldbestand met fictieve overleggen", description="Maak (of hergebruik) een voorbeeldbestand met fictieve inhoud en open het.")
    demo.add_argument("--bestand", metavar="PAD", type=Path, help="waar het voorbeeldbestand komt; standaard in uw gebruikersmap")
    demo.add_argument("--kader", metavar="PAD", type=Path, help="een ander kaderbestand (Markdown)")
    demo.add_argument("--niet-openen", action="store_true", help="alleen maken, niet openen")

    openen = sub.add_parser("open", help="open een gemeentebestand", description="Open een gemeentebestand.")
    openen.add_argument("pad", metavar="PAD", type=Path, help="het gemeentebestand (.sqlite)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `tripartiet PAD` is short for `tripartiet open PAD`.
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDO_S:
        argv.insert(0, "open")
    args = _parser().parse_args(argv)

    from opslag.fouten import TripartietFout

    try:
        if args.commando is None:
            return _start(None)
        if args.commando == "open":
            return _start(args.pad)
        if args.commando == "nieuw":
            return _nieuw(args)
        if args.commando == "demo":
            return _demo(args)
    except TripartietFout as fout:
        print(f"tripartiet: {fout}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def _nieuw(args: argparse.Namespace) -> int:
    from opslag.bestand import bestandsnaam, nieuw_bestand
    from opslag.kader import lees_kader

    naam = bestandsnaam(args.gemeente)
    doel: Path = args.bestand or Path.cwd()
    pad = doel / naam if doel.is_dir() else doel
    kader = lees_kader(args.kader) if args.kader else None
    nieuw_bestand(args.gemeente, pad, kader)
    print(f"Gemeentebestand gemaakt: {pad}\nOpen het met: tripartiet {pad}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from opslag.demo import maak_demo, standaard_demo_pad
    from opslag.kader import lees_kader

    pad: Path = args.bestand or standaard_demo_pad()
    if not pad.exists():
        pad.parent.mkdir(parents=True, exist_ok=True)
        maak_demo(pad, lees_kader(args.kader) if args.kader else None)
        print(f"Voorbeeldbestand gemaakt: {pad}")
    if args.niet_openen:
        print(pad)
        return 0
    return _start(pad)


def _start(pad: Path | None) -> int:
    if pad is not None:
        from opslag.bestand import controleer

        controleer(pad)  # a bad file gets its Dutch message before the screen opens
    from tui.app import TripartietApp

    app = TripartietApp(pad)
    app.run()
    if app.foutmelding:
        print(f"tripartiet: {app.foutmelding}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
