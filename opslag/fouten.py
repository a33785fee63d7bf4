"""Errors with a Dutch message for the user; the UI and CLI show `str(fout)` as is."""

from __future__ import annotations

from pathlib import Path


class TripartietFout(Exception):
    """Base class: everything the user may see, worded in Dutch."""


class NietGevonden(LookupError):
    """A row asked for by id that is not (or no longer) in the file, e.g. deleted meanwhile."""


class OngeldigeNaam(TripartietFout):
    pass


class OngeldigeRij(ValueError):
    """A stored value that does not decode (an unknown status, a date that is no date): the file
    was changed outside Tripartiet. `beschadiging` words it for the user."""

    def __init__(self, model: str, kolom: str) -> None:
        self.model = model
        self.kolom = kolom
        super().__init__(f"een rij ({model}) bevat een ongeldige waarde in '{kolom}'")


class KaderFout(TripartietFout):
    def __init__(self, bestand: Path | str, regel: int | None, melding: str) -> None:
        self.bestand = str(bestand)
        self.regel = regel
        self.melding = melding
        plaats = f"{self.bestand}, regel {regel}" if regel else self.bestand
        super().__init__(f"Fout in kaderbestand {plaats}: {melding}")


class BestandFout(TripartietFout):
    """A municipality file that cannot be opened; the file is left untouched."""

    def __init__(self, pad: Path | str, melding: str) -> None:
        self.pad = Path(pad)
        super().__init__(f"{pad}: {melding}")


class BestandBestaatNiet(BestandFout):
    pass


class BestandBestaatAl(BestandFout):
    pass


class GeenSqlite(BestandFout):
    pass


class VreemdBestand(BestandFout):
    pass


class NieuwereVersie(BestandFout):
    pass


class BeschadigdBestand(BestandFout):
    pass


class AlleenLezen(BestandFout):
    pass


class InGebruik(BestandFout):
    pass


class SchrijfFout(BestandFout):
    """A write that did not happen (disk full, file gone, read-only); nothing was half-written."""


class OngeldigeInvoer(TripartietFout):
    """A value typed by the user that cannot be stored; `veld` names the form field."""

    def __init__(self, veld: str, melding: str) -> None:
        self.veld = veld
        super().__init__(melding)


class ReservekopieFout(BestandFout):
    """No backup could be made; `reden` says why in Dutch, to be shown on its own."""

    def __init__(self, pad: Path | str, reden: str) -> None:
        self.reden = reden
        super().__init__(pad, f"er kon geen reservekopie gemaakt worden: {reden}.")


def beschadiging(fout: BaseException) -> str | None:
    """What is wrong with the file, in Dutch, when `fout` came from decoding what it holds; None
    for any other error. The last net under the content check done on opening (opslag.controle)."""
    import json
    import sqlite3
    import sys

    if isinstance(fout, OngeldigeRij):
        return str(fout)
    if isinstance(fout, json.JSONDecodeError):
        return f"een kolom bevat geen geldige gegevens ({fout.msg})"
    # Our own export data is still checked by pydantic; only imported when it is already loaded.
    ValidationError = getattr(sys.modules.get("pydantic"), "ValidationError", None)
    if ValidationError is not None and isinstance(fout, ValidationError):
        fouten = fout.errors()
        plaats = ".".join(str(deel) for deel in fouten[0]["loc"]) if fouten else "?"
        return f"een rij ({fout.title}) bevat een ongeldige waarde in '{plaats}'"
    if isinstance(fout, sqlite3.OperationalError):
        tekst = str(fout)
        for engels, nederlands in (("no such table: ", "tabel"), ("no such column: ", "kolom")):
            if tekst.startswith(engels):
                return f"{nederlands} '{tekst.removeprefix(engels)}' ontbreekt"
        return None
    if type(fout) is sqlite3.DatabaseError:
        return f"de database is onleesbaar ({fout})"
    if isinstance(fout, ValueError) and "isoformat" in str(fout):
        return "een datum in het bestand is ongeldig"
    return None


class OverlegGesloten(TripartietFout):
    """A write to a closed meeting; the file is left untouched. `datum` as the user reads it."""

    def __init__(self, datum: str) -> None:
        self.datum = datum
        super().__init__(f"Het overleg van {datum} is gesloten; heropen het eerst (met een reden) om iets te wijzigen.")
