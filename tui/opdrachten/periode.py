"""`tripartiet periode PAD`: the periods of the uitvoeringsagenda; with --start, begin the next one."""

from __future__ import annotations

import argparse
from collections.abc import Callable

NAAM = "periode"


def voeg_toe(sub: argparse._SubParsersAction, pad: Callable) -> None:
    parser = sub.add_parser(
        NAAM,
        help="toon de perioden van de uitvoeringsagenda of start een nieuwe",
        description="Zonder --start: toon de perioden die in het kader passen, met de agenda's die het bestand heeft.\n"
        "Met --start: begin de uitvoeringsagenda van die periode als concept en neem de afspraken die niet\n"
        "gereed of vervallen zijn over uit de vorige periode (of uit --van).",
    )
    parser.add_argument("pad", metavar="PAD", type=pad, help="het gemeentebestand (.sqlite)")
    parser.add_argument("--start", metavar="PERIODE", help="start deze periode, bijvoorbeeld 2028-2029")
    parser.add_argument("--van", metavar="PERIODE", help="neem over uit deze periode (standaard: de periode ervoor)")
    parser.add_argument("--buiten-kader", action="store_true", help="een periode die niet in het kader past, bewust gekozen")
    parser.add_argument("--niet-overnemen", action="store_true", help="begin leeg, zonder afspraken over te nemen")


def voer_uit(args: argparse.Namespace, zeg: Callable[..., None]) -> int:
    from opslag import perioden
    from opslag.bestand import Gemeentebestand
    from opslag.kop import is_actueel

    if args.start is None:
        if args.van or args.buiten_kader or args.niet_overnemen:
            zeg("tripartiet: --van, --buiten-kader en --niet-overnemen horen bij --start PERIODE.", file=_stderr())
            return 2
        # Read-only, as an export: listing works while the app has the file open.
        with Gemeentebestand.open(args.pad, alleen_lezen=is_actueel(args.pad)) as bestand:
            _toon(bestand, zeg)
        return 0
    with Gemeentebestand.open(args.pad) as bestand:
        van = perioden.agenda_van_periode(bestand, args.van) if args.van else None
        try:
            start = perioden.start_periode(bestand, args.start, van, buiten_kader=args.buiten_kader, overnemen=not args.niet_overnemen)
        except perioden.BuitenKader as fout:
            zeg(f"tripartiet: {fout} Start hem toch met --buiten-kader.", file=_stderr())
            return 1
        zeg(start.tekst)
    return 0


def _toon(bestand, zeg: Callable[..., None]) -> None:  # noqa: ANN001
    from opslag import perioden

    kader = bestand.kader()
    zeg(f"Perioden van {kader.titel}" + (f" (looptijd {kader.looptijd})" if kader.looptijd else " (het kader noemt geen looptijd)") + ":")
    for periode in perioden.perioden(bestand):
        regel = f"  {periode.periode}  {periode.staat}"
        if periode.agenda_id is not None:
            regel += f", {periode.afspraken} {'afspraak' if periode.afspraken == 1 else 'afspraken'}"
        if not periode.in_kader:
            regel += " (buiten het kader)"
        zeg(regel)
    volgende = perioden.volgende_periode(bestand)
    extra = " --buiten-kader" if not volgende.in_kader else ""
    zeg(f"Start de volgende met: tripartiet periode {bestand.pad} --start {volgende.periode}{extra}")


def _stderr():  # noqa: ANN202
    import sys

    return sys.stderr
