"""Helpers for tests that read the screen as a user would."""

from __future__ import annotations

from textual.geometry import Region
from textual.widget import Widget


def schermtekst(widget: Widget) -> str:
    """The text the widget shows at its current width, line by line, without trailing spaces."""
    breedte, hoogte = widget.outer_size
    regels = widget.render_lines(Region(0, 0, breedte, hoogte))
    return "\n".join(regel.text.rstrip() for regel in regels).strip("\n")
