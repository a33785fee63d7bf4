"""Textual's own words that reach the user, in Dutch.

An open dropdown (Textual's SelectOverlay, under Select and our Keuze alike) names its Escape
"Dismiss menu" in the footer and on the F1 page; it says "Sluiten" here, as every other Escape
that closes something does. Bindings are merged when a class is made, so they are merged again."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets._select import SelectOverlay


def vertaal_toetsen() -> None:
    SelectOverlay.BINDINGS = [Binding("escape", "dismiss", "Sluiten", key_display="Esc")]
    SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()
