"""Writing an export: the one check of where it may go, and writing it all at once."""

from __future__ import annotations

import functools
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from opslag.bestand import EXTENSIE, bestandsnaam
from opslag.kop import SQLITE_KOP
from opslag.export.fouten import ExportFout
from opslag.fouten import OngeldigeNaam
from opslag.mappen import instellingen_map

if TYPE_CHECKING:
    from opslag.export.soorten import Export


def voorgestelde_naam(gemeente: str, soort: str, kenmerk: str, formaat: str = "md") -> str:
    """'uitvoeringsagenda-aalten-2026-2027.md', 'verslag-aalten-2026-11-19.pdf'."""
    try:
        stam = bestandsnaam(gemeente).removesuffix(".sqlite")
    except OngeldigeNaam:
        stam = "gemeente"
    return f"{soort}-{stam}-{kenmerk}.{formaat}"


# Side files SQLite keeps next to a database; an export written over one damages the database.
_BIJBESTANDEN = ("-wal", "-shm", "-journal")


def _is_sqlite(pad: Path) -> bool:
    try:
        with open(pad, "rb") as f:
            return f.read(len(SQLITE_KOP)) == SQLITE_KOP
    except OSError:
        return False


def controleer_doel(pad: Path | str, bron: Path | str | None = None) -> Path:
    """The file an export will be written to; refused when writing it could cost data.

    The one check for every export (command line and screen): a folder, device or FIFO, a missing
    folder, a SQLite database (a municipality file, a backup, another program's), one of the side
    files SQLite keeps beside a database, anything in a backup folder, and `bron` itself (the
    municipality file being exported) in any spelling: the path is compared after symlinks and
    '..' are resolved.
    """
    from opslag.reservekopie import MAPNAAM, reservekopie_map

    pad = Path(pad).expanduser()
    echt = Path(os.path.realpath(pad))
    doel = echt if pad.is_symlink() else pad
    weiger = functools.partial(_weigering, pad)
    try:
        toestand = os.stat(echt)
    except FileNotFoundError:
        toestand = None
    except OSError as fout:
        raise weiger(f"dit bestand kan niet gelezen worden ({fout.strerror or fout})")
    if toestand is not None and stat.S_ISDIR(toestand.st_mode):
        raise weiger("dit is geen gewoon bestand maar een map")
    if toestand is not None and not stat.S_ISREG(toestand.st_mode):
        raise weiger("dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp)")
    if bron is not None:
        database = Path(os.path.realpath(Path(bron).expanduser()))
        if echt == database:
            raise weiger("dit is het gemeentebestand zelf")
        if echt in {database.with_name(database.name + deel) for deel in _BIJBESTANDEN}:
            raise weiger("dit is een hulpbestand van het gemeentebestand (SQLite schrijft daar wijzigingen in)")
        if echt.parent == Path(os.path.realpath(reservekopie_map(database))):
            raise weiger("dit is de map met reservekopieën van het gemeentebestand")
    if echt.parent.name == MAPNAAM:
        raise weiger("dit is een map met reservekopieën")
    if echt.parent == Path(os.path.realpath(instellingen_map())):
        raise weiger("dit is de map met de instellingen van Tripartiet")
    if toestand is not None and _is_sqlite(echt):
        raise weiger("dit is een SQLite-database (een gemeentebestand, een reservekopie of een bestand van een ander programma)")
    if echt.suffix.casefold() == EXTENSIE or any(echt.name.casefold().endswith(EXTENSIE + d) for d in _BIJBESTANDEN):
        raise weiger(f"een naam op {EXTENSIE} is voor gemeentebestanden, niet voor exports")
    for deel in _BIJBESTANDEN:
        if echt.name.endswith(deel) and _is_sqlite(echt.with_name(echt.name.removesuffix(deel))):
            raise weiger("dit is een hulpbestand van een SQLite-database (SQLite schrijft daar wijzigingen in)")
    if not doel.parent.is_dir():
        raise ExportFout(f"{doel.parent}: deze map bestaat niet.")
    return doel


def _weigering(pad: Path, reden: str) -> ExportFout:
    return ExportFout(f"{pad}: hier wordt niet naartoe geëxporteerd: {reden}. Het bestand is niet gewijzigd; kies een andere naam.")


def schrijf_export(pad: Path | str, tekst: str, bron: Path | str | None = None) -> Path:
    """Write `tekst` as UTF-8 to `pad` all at once: a temporary file next to it, then a rename.

    Whoever opens the file sees the old or the new export, never half of one. An existing file
    keeps its permissions.
    """
    doel = controleer_doel(pad, bron)
    tijdelijk = doel.with_name(f".{doel.name}.{os.getpid()}.tijdelijk")
    try:
        with open(tijdelijk, "wb") as f:
            f.write(tekst.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        if doel.exists():
            os.chmod(tijdelijk, stat.S_IMODE(doel.stat().st_mode))
        os.replace(tijdelijk, doel)
    except OSError as fout:
        tijdelijk.unlink(missing_ok=True)
        raise ExportFout(f"{pad}: het bestand kon niet geschreven worden ({fout.strerror or fout}).") from None
    return doel



_KOP = re.compile(r"^# +(.+?)\s*$", re.MULTILINE)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a CommonMark backslash escape: '\(' -> '('


def titel_en_status(gemaakt: Export) -> tuple[str, str | None]:
    """The title and status that Word, ODT and PDF put in the header of every page.

    From the document model when it has them (`titel`, `status`); otherwise the title is the
    Markdown's first level-1 heading and there is no status. A municipality's own template may
    change the heading, and then the header follows what the document says."""
    titel = getattr(gemaakt.document, "titel", None)
    status = getattr(gemaakt.document, "status", None)
    if not titel:
        kop = _KOP.search(gemaakt.tekst)
        titel = _ESCAPE.sub(r"\1", kop[1]) if kop else ""
    return str(titel), (str(status) if status else None)


def schrijf_document(
    pad: Path | str,
    gemaakt: Export,
    formaat: str,
    bron: Path | str | None = None,
    huisstijl: Path | str | None = None,
) -> Path:
    """Write an export as Markdown, Word, ODT or PDF (opslag.omzetten), all or nothing.

    The target is checked first, for every format: a refused target costs no conversion."""
    doel = controleer_doel(pad, bron)
    if formaat == "md":
        if huisstijl is not None:
            raise ExportFout("Een huisstijl geldt voor Word, ODT en PDF; Markdown heeft er geen. Kies een ander formaat of laat de huisstijl weg.")
        return schrijf_export(doel, gemaakt.tekst, bron)
    from opslag.omzetten import zet_om

    titel, status = titel_en_status(gemaakt)
    return zet_om(gemaakt.tekst, formaat, doel, titel=titel, status=status, huisstijl=Path(huisstijl) if huisstijl else None)
