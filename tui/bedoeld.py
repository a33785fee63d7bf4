"""What a user meant on the command line: `tripartiet Aalten` is the file `tripartiet nieuw Aalten`
made, `tripartiet exporteer` is a command mistyped, `demo.sqlite` is the file `tripartiet demo` made."""

from __future__ import annotations

from pathlib import Path


def hint_voorbeeldbestand(fout: Exception) -> str:
    """`tripartiet verslag demo.sqlite` after `tripartiet demo`: the demo file is in the user's data
    folder, not here; say where, and how to make it."""
    from opslag.fouten import BestandBestaatNiet

    pad = getattr(fout, "pad", None)
    if not isinstance(fout, BestandBestaatNiet) or pad is None or not Path(pad).stem.casefold().startswith("demo"):
        return ""
    from opslag.demo import standaard_demo_pad

    demo = standaard_demo_pad()
    if demo.exists():
        return f"\nHet voorbeeldbestand van 'tripartiet demo' staat in {demo}"
    return "\nEen voorbeeldbestand maakt en opent u met: tripartiet demo"


def bedoelde_opdracht(woord: str, eigen: tuple[str, ...]) -> str | None:
    """`tripartiet exporteer …`: a near miss of a command, not a file, is not opened as a file name.
    A file or a municipality's file (`tripartiet Aalten`) is what the user meant: that daily start
    returns before the export registry is read."""
    if Path(woord).suffix or Path(woord).exists() or Path(bestandsnaam_of_niets(woord) or woord).exists():
        return None
    import difflib

    from opslag.export.soorten import SOORTEN
    from tui.opdrachten import MODULES

    opdrachten = [*eigen, *MODULES, *(soort.commando for soort in SOORTEN.values())]
    gelijkend = difflib.get_close_matches(woord.casefold(), opdrachten, n=1, cutoff=0.75)
    return gelijkend[0] if gelijkend else None


def zoek_bestand(pad: Path) -> Path:
    """`tripartiet Aalten` or `tripartiet oost-gelre` opens the municipality's file in this folder,
    as `tripartiet nieuw` named it. A file that is not there gets the command that makes it."""
    import shlex

    from opslag.fouten import BestandBestaatNiet
    from opslag.partijen import canonieke_naam

    if pad.exists():
        return pad
    in_deze_map = pad.parent == Path(".")
    if pad.suffix not in ("", ".sqlite"):
        raise BestandBestaatNiet(pad, "dit bestand bestaat niet.")
    gemeente = canonieke_naam(pad.stem.replace("-", " ") if pad.suffix else pad.name)
    if in_deze_map and not pad.suffix:
        pad = Path(bestandsnaam_of_niets(pad.name) or pad)
        if pad.exists():
            return pad
    opdracht = f"tripartiet nieuw {shlex.quote(gemeente)}"
    if not (in_deze_map and pad.name in (gemeente, bestandsnaam_of_niets(gemeente))):
        opdracht += f" --bestand {shlex.quote(str(pad.with_suffix('.sqlite')))}"
    raise BestandBestaatNiet(pad, f"dit bestand bestaat niet. Een nieuw gemeentebestand maakt u met:\n  {opdracht}")


def bestandsnaam_of_niets(gemeente: str) -> str | None:
    from opslag.bestand import bestandsnaam
    from opslag.fouten import OngeldigeNaam

    try:
        return bestandsnaam(gemeente)
    except OngeldigeNaam:
        return None
