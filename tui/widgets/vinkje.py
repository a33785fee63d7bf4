"""A checkbox whose glyph says whether it is ticked."""

from __future__ import annotations

from textual.widgets import Checkbox


class Vinkje(Checkbox):
    """Textual's checkbox shows an X whether it is on or off, told apart by colour only; an X
    reads as 'ticked' (and on a terminal without colours it is all there is). This one shows a
    tick when on and nothing when off."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802  (Textual's class attribute, read per render)
        return "✓" if self.value else " "
