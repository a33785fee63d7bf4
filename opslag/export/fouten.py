"""The two errors of an export: what was asked cannot be made, or a template is wrong."""

from __future__ import annotations

from pathlib import Path

from opslag.fouten import TripartietFout


class ExportFout(TripartietFout):
    """An export that cannot be made as asked: unknown agenda or meeting, a path that is no file."""


class SjabloonFout(TripartietFout):
    """An error in a template; names the template file and, where known, the line."""

    def __init__(self, bestand: Path | str, regel: int | None, melding: str) -> None:
        self.bestand = str(bestand)
        self.regel = regel
        self.melding = melding
        plaats = f"{self.bestand}, regel {regel}" if regel else self.bestand
        super().__init__(f"Fout in sjabloon {plaats}: {melding}")
