"""What the export screen shows and saves: a document built from the export registry, with its
preview text parsed. Built in a thread (the screen's, on a connection of its own)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from opslag import export
from opslag.bestand import Gemeentebestand
from opslag.tekst import zichtbaar
from tui.widgets.voorbeeld import voorbeeldtekst

Sleutel = tuple[str, tuple[tuple[str, object], ...]]  # a kind and its choices: what a build is for


@dataclass(frozen=True)
class Document:
    """A built export: the text for the file and what the preview renders (parsed as it is
    shown, see tui.widgets.voorbeeld.tokens)."""

    tekst: str
    kenmerk: str
    voorbeeld: str
    gemaakt: export.Export | None = None  # what Word and PDF take their header's title and status from


def sleutel(soort: export.Soort, keuzes: dict[str, object]) -> Sleutel:
    return soort, tuple(sorted(keuzes.items()))


def bouw_document(pad: Path, soort: export.Soort, keuzes: dict[str, object]) -> Document:
    """Export, on a read-only connection of its own (SQLite connections are not shared between
    threads here). Raises TripartietFout or sqlite3.Error."""
    with Gemeentebestand.open(pad, alleen_lezen=True) as bestand:
        gemaakt = export.maak(soort, bestand, keuzes)
    # The export keeps balanced bidi controls (see opslag.markdown_tekst); on screen they are shown.
    voorbeeld = zichtbaar(voorbeeldtekst(gemaakt.tekst), regels=True)
    # Of the document model only the header's title and status are used (titel_en_status);
    # kept whole, the screen held every row of it (on the 100x file 12,000 actions), and each
    # full collection walked them until the screen closed.
    kop = SimpleNamespace(titel=getattr(gemaakt.document, "titel", None), status=getattr(gemaakt.document, "status", None))
    return Document(gemaakt.tekst, gemaakt.kenmerk, voorbeeld, gemaakt._replace(document=kop))
