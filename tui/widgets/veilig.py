"""Input fields that show stored text without letting its control characters reach the terminal.

A form opened on a stored item fills its fields with text from the file, and a note field shows
the stored note: an ESC in there would go to the terminal as it is (Textual drops only BEL, BS,
VT, FF and CR). These widgets show each control character as a visible one, one for one (see
`opslag.tekst`), while the value itself stays exactly as stored, so saving changes nothing.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Input, TextArea

from opslag.tekst import zichtbaar


class Invoer(Input):
    @property
    def _value(self) -> Text:
        # Textual's own property (pinned 8.2.8) with the value made visible; a password shows dots.
        if self.password:
            return super()._value
        tekst = Text(zichtbaar(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(tekst) if self.highlighter is not None else tekst

    def _position_to_cell(self, position: int) -> int:
        # The cursor's column, measured on what is shown: an ESC takes no cell, its '␛' one.
        return cell_len(zichtbaar(self.value[:position])) if not self.password else super()._position_to_cell(position)


class Tekstvak(TextArea):
    def get_line(self, line_index: int) -> Text:
        # The documented hook for how a line looks; tabs stay (TextArea expands them itself).
        return Text(zichtbaar(self.document.get_line(line_index), regels=True), end="", no_wrap=True)
