"""The footer of every screen: Textual's Footer, rebuilt only when what it shows changes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class Voettekst(Footer):
    """Textual's Footer rebuilds all its keys on every bindings signal, and a screen sends one
    for each focus change: on the meeting screen that was three rebuilds before the first paint
    and one per Tab. The keys only need rebuilding when the shown bindings differ."""

    _getoond: tuple | None = None

    def _zichtbaar(self) -> tuple:
        # Whole bindings, hidden ones too: the palette key is shown although its binding is not.
        return tuple((binding, enabled, tooltip) for (_, binding, enabled, tooltip) in self.screen.active_bindings.values())

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._getoond = self._zichtbaar()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if self._getoond is not None and screen is self.screen and self._zichtbaar() == self._getoond:
            return
        super().bindings_changed(screen)
