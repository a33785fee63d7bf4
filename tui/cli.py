"""The `tripartiet` command: Dutch help, subcommands, and a clear message for every bad argument.

Imports of the app and of storage are deferred to the command that needs them, so `--help`,
`--version` and the headless commands start quickly.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from tui.bedoeld import bedoelde_opdracht, hint_voorbeeldbestand, zoek_bestand

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
  tripartiet export aalten.sqlite -o agenda.md
                                  schrijf de uitvoeringsagenda als Markdown
  tripartiet verslag aalten.sqlite --overleg laatste -o verslag.md
                                  schrijf het verslag van het laatste overleg
  tripartiet verslag aalten.sqlite -o verslag.pdf
                                  hetzelfde als PDF (ook: .docx voor Word, .odt)
"""

COMMANDO_S = ("nieuw", "demo", "open", "controleer", "herstel")  # and one per document kind (opslag.export.soorten)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001
        # argparse builds a subcommand's name with prefix '' (not None): leave that one alone,
        # or `tripartiet nieuw --help` says "Gebruik: Gebruik: tripartiet nieuw".
        super().add_usage(usage, actions, groups, prefix="Gebruik: " if prefix is None else prefix)


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


def _padtekst(tekst: str) -> str:
    """A path from the command line as typed; a NUL cannot be in any file name, and would end in a traceback."""
    if "\x00" in tekst:
        raise argparse.ArgumentTypeError("een pad kan geen nul-teken (\\0) bevatten")
    return tekst


def _pad(tekst: str) -> Path:
    return Path(_padtekst(tekst))


def _parser(opdracht: str | None = None) -> _Parser:
    """The command line. For `opdracht` "open" (`tripartiet PAD`, every day) only what opening
    reads: the other subcommands and the export registry cost some 7 ms of every start."""
    parser = _Parser(prog="tripartiet", description=OMSCHRIJVING, epilog=VOORBEELDEN)
    parser.add_argument("--version", action="version", version=f"Tripartiet {__version__}", help="toon de versie en stop")
    sub = parser.add_subparsers(dest="commando", title="opdrachten", metavar="OPDRACHT", parser_class=_Parser)

    nieuw = sub.add_parser("nieuw", help="maak een nieuw gemeentebestand", description="Maak een nieuw gemeentebestand met de partijen van de gemeente en het regionale kader.")
    nieuw.add_argument("gemeente", metavar="GEMEENTE", help="naam van de gemeente, bijvoorbeeld Aalten")
    # A string, not a Path: Path() drops the trailing slash by which a user names a (new) folder.
    nieuw.add_argument("--bestand", metavar="PAD", type=_padtekst, help="waar het bestand komt (een map of een bestandsnaam); standaard de huidige map")
    nieuw.add_argument("--kader", metavar="PAD", type=_pad, help="een ander kaderbestand (Markdown) in plaats van de Achterhoekse afspraken")

    demo = sub.add_parser("demo", help="open een voorbeeldbestand met fictieve overleggen", description="Maak (of hergebruik) een voorbeeldbestand met fictieve inhoud en open het.")
    demo.add_argument("--bestand", metavar="PAD", type=_pad, help="waar het voorbeeldbestand komt; standaard in uw gebruikersmap")
    demo.add_argument("--kader", metavar="PAD", type=_pad, help="een ander kaderbestand (Markdown)")
    demo.add_argument("--niet-openen", action="store_true", help="alleen maken, niet openen")

    openen = sub.add_parser("open", help="open een gemeentebestand", description="Open een gemeentebestand.")
    openen.add_argument("pad", metavar="PAD", type=_pad, help="het gemeentebestand (.sqlite)")
    if opdracht == "open":
        return parser

    from tui.opdrachten import documenten

    documenten.voeg_toe(sub, _pad)

    from tui.opdrachten import opdrachten

    for opdracht in opdrachten():
        opdracht.voeg_toe(sub, _pad)

    controleer = sub.add_parser(
        "controleer",
        help="controleer een gemeentebestand (integriteit, versie, aantallen)",
        description="Controleer een gemeentebestand zonder het te wijzigen: is het heel, welke schemaversie, hoeveel\n"
        "overleggen, afspraken, besluiten en actiepunten. Geeft 0 terug als alles in orde is.",
    )
    controleer.add_argument("pad", metavar="PAD", type=_pad, help="het gemeentebestand (.sqlite)")

    herstel = sub.add_parser(
        "herstel",
        help="toon de reservekopieën van een bestand en zet er een terug",
        description="Zonder --kopie: toon de reservekopieën, de nieuwste eerst. Met --kopie N: zet kopie N terug;\n"
        "het huidige bestand wordt eerst opzij gezet (naam.voor-herstel-DATUM.sqlite), er gaat niets verloren.\n"
        "Tripartiet maakt een reservekopie bij de eerste opening van elke dag en vóór elke bijwerking.",
    )
    herstel.add_argument("pad", metavar="PAD", type=_pad, help="het gemeentebestand (.sqlite)")
    herstel.add_argument("--kopie", metavar="N", type=int, help="het nummer van de kopie uit de lijst")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # inside the try: a reader that left early is noticed here, not at exit
    except BrokenPipeError:
        return _pijp_dicht()
    return code


def _pijp_dicht() -> int:
    """`tripartiet controleer x.sqlite | head -5`: the reader has had enough; stop without a traceback.

    What is still buffered for stdout goes nowhere, or Python reports the broken pipe again when it
    flushes at exit. 141 is what a shell reports for a program ended by SIGPIPE.
    """
    try:
        stille = os.open(os.devnull, os.O_WRONLY)
        os.dup2(stille, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (tests capture it): nothing to silence
        pass
    return 141


def _main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `tripartiet PAD` is short for `tripartiet open PAD`.
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDO_S and not _documentsoort(argv[0]) \
            and not _eigen_opdracht(argv[0]):
        if (bedoeld := bedoelde_opdracht(argv[0], COMMANDO_S)) is not None:
            _zeg(f"tripartiet: '{argv[0]}' is geen opdracht; bedoelt u '{bedoeld}'? "
                 "(tripartiet --help toont alle opdrachten)", file=sys.stderr)
            return 2
        argv.insert(0, "open")
    args = _parser(argv[0] if argv else None).parse_args(argv)

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
        if _documentsoort(args.commando):
            from tui.opdrachten import documenten

            return documenten.voer_uit(args, _zeg)
        if args.commando == "controleer":
            return _controleer(args)
        if args.commando == "herstel":
            return _herstel(args)
        from tui.opdrachten import opdrachten

        for opdracht in opdrachten():
            if args.commando == opdracht.NAAM:
                return opdracht.voer_uit(args, _zeg)
    except TripartietFout as fout:
        _zeg(f"tripartiet: {fout}{hint_voorbeeldbestand(fout)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as fout:
        from opslag.fouten import beschadiging

        melding = beschadiging(fout)
        if melding is None:
            raise
        _zeg(f"tripartiet: {getattr(args, 'pad', '')}: het bestand is beschadigd: {melding}. "
             "Gebruik 'tripartiet herstel'.", file=sys.stderr)
        return 1
    return 0


def _zeg(tekst: object, file=None) -> None:  # noqa: ANN001
    """print(), for every line the CLI writes: it may quote the file (a municipality's name, a
    file name, an error about its contents), so no control character in it reaches the terminal."""
    from opslag.tekst import zichtbaar

    print(zichtbaar(tekst, regels=True), file=file or sys.stdout)


def _controleer(args: argparse.Namespace) -> int:
    from opslag.controle import controleer_bestand

    rapport = controleer_bestand(args.pad)
    _zeg(rapport.als_tekst())
    return 0 if rapport.in_orde else 1


def _herstel(args: argparse.Namespace) -> int:
    from opslag.fouten import BestandFout
    from opslag.reservekopie import herstel, reservekopie_map, reservekopieen

    kopieen = reservekopieen(args.pad)
    if not kopieen:
        raise BestandFout(args.pad, f"er zijn geen reservekopieën (gezocht in {reservekopie_map(args.pad)}).")
    if args.kopie is None:
        _zeg(f"Reservekopieën van {args.pad}, de nieuwste eerst:")
        for nummer, kopie in enumerate(kopieen, start=1):
            _zeg(f"  {nummer:>2}  {kopie.omschrijving}")
        _zeg(f"Zet er een terug met: tripartiet herstel {args.pad} --kopie N")
        return 0
    if not 1 <= args.kopie <= len(kopieen):
        raise BestandFout(args.pad, f"kopie {args.kopie} bestaat niet; kies 1 tot en met {len(kopieen)}.")
    kopie = kopieen[args.kopie - 1]
    opzij = herstel(args.pad, kopie)
    _zeg(f"Kopie van {kopie.tijdstip:%d-%m-%Y %H:%M:%S} is teruggezet in {args.pad}.")
    if opzij.exists():
        _zeg(f"Het bestand van daarvoor staat in {opzij}.")
    return 0


def _nieuw(args: argparse.Namespace) -> int:
    from opslag.bestand import bestandsnaam, nieuw_bestand
    from opslag.kader_lezer import lees_kader

    naam = bestandsnaam(args.gemeente)
    doel = Path(args.bestand) if args.bestand else Path.cwd()
    als_map = args.bestand is None or doel.is_dir() or args.bestand.endswith(("/", os.sep))
    if als_map:
        doel.mkdir(parents=True, exist_ok=True)  # '--bestand ~/overleg/' names a folder, also a new one
        pad = doel / naam
    else:
        pad = doel if doel.suffix else doel.with_suffix(".sqlite")
    kader = lees_kader(args.kader) if args.kader else None
    nieuw_bestand(args.gemeente, pad, kader)
    _zeg(f"Gemeentebestand gemaakt: {pad}\nOpen het met: tripartiet {pad}")
    from opslag.partijen import bekende_gemeente

    if bekende_gemeente(args.gemeente) is None:
        _zeg("Alleen de gemeente staat als partij in het bestand. Voeg de corporatie(s) en huurdersvereniging(en) toe\n"
              "in de app: ctrl+p → Nieuwe partij (of P in het scherm Aanwezigheid).")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from opslag.demo import maak_demo, standaard_demo_pad

    pad: Path = args.bestand or standaard_demo_pad()
    if not pad.exists():
        from opslag.kader_lezer import lees_kader  # reads the framework with pydantic: only to make the file

        pad.parent.mkdir(parents=True, exist_ok=True)
        maak_demo(pad, lees_kader(args.kader) if args.kader else None)
        _zeg(f"Voorbeeldbestand gemaakt: {pad}")
    if args.niet_openen:
        _zeg(pad)
        return 0
    return _start(pad)


def _eigen_opdracht(commando: str) -> bool:
    from tui.opdrachten import MODULES

    return commando in MODULES


def _documentsoort(commando: str) -> bool:
    from opslag.export.soorten import bij_commando

    return bij_commando(commando) is not None


def _start(pad: Path | None) -> int:
    # Starting creates tens of thousands of objects that live as long as the app: modules, classes,
    # styles. The cyclic garbage collector would walk them again and again, a tenth of the start-up
    # time. The app turns it back on once its first screen is up (TripartietApp._na_eerste_scherm).
    gc.disable()
    if pad is not None:
        from opslag.kop import controleer

        pad = zoek_bestand(pad)
        controleer(pad)  # a bad file gets its Dutch message before the screen opens
    from tui.app import TripartietApp

    app = TripartietApp(pad)
    _vang_signalen(app)
    app.run()
    if app.bestand is not None and app.bestand.waarschuwing:
        _zeg(f"tripartiet: let op: {app.bestand.waarschuwing}", file=sys.stderr)
    if app.foutmelding:
        _zeg(f"tripartiet: {app.foutmelding}", file=sys.stderr)
        return 1
    return 1 if app.return_code else 0  # a crash Textual reported itself


def _vang_signalen(app) -> None:  # noqa: ANN001
    """Closing the terminal window (SIGHUP) or a shutdown (SIGTERM) would end the process on the spot,
    taking the text typed since the last save with it. Instead the app saves and stops itself.

    A Python signal handler runs between any two bytecodes of the main thread, which is the thread of
    the app's event loop: it only hands the work to the loop, to run as one of the app's messages."""
    import asyncio
    import signal

    def stop(signum: int, _frame: object) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not yet or no longer running: nothing typed to lose
            raise SystemExit(128 + signum) from None
        loop.call_soon_threadsafe(app.call_later, app.noodstop)

    for naam in ("SIGHUP", "SIGTERM"):  # Windows has no SIGHUP
        if hasattr(signal, naam):
            signal.signal(getattr(signal, naam), stop)


if __name__ == "__main__":
    sys.exit(main())
