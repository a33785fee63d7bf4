"""What the app may ask of whichever screen is on top, as Protocols checked with isinstance.

The app does not know every screen, and must not need to: a screen over several files, or a new
kind of meeting screen, has these by having the methods and attributes, without importing this.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class ToontSubthema(Protocol):
    """Shows a subtheme of the framework when asked ('Ga naar subthema' in the palette)."""

    def toon_subthema(self, nummer: str) -> None: ...


@runtime_checkable
class HeeftOverleg(Protocol):
    """Is about one meeting (or none yet): the meeting chooser marks it, an export starts from it."""

    overleg_id: int | None


@runtime_checkable
class BewaartNotitie(Protocol):
    """Holds a note that saves itself; asked once more before the app stops."""

    def bewaar_notitie(self) -> bool:
        """Save what is typed; False when it could not be written."""
        ...

    def onbewaarde_notitie(self) -> str | None:
        """The text that is not in the file, to keep elsewhere."""
        ...


@runtime_checkable
class ZetOpAgenda(Protocol):
    """A running meeting whose agenda takes a subtheme ('zet op de agenda' in the framework screen)."""

    def zet_op_agenda(self, *, subthema: str | None = None, titel: str | None = None) -> bool: ...
