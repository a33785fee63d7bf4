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
    # A rebuild is scheduled (after the next refresh) and reads the bindings as they are then:
    # the signals before it need no rebuild of their own. Opening the action list sent three,
    # each rebuilding all keys (10 ms apiece on a loaded machine).
    _gepland = False

    def _zichtbaar(self) -> tuple:
        """What Footer.compose shows: the bindings with show set, and the palette key although
        its binding is hidden. Hidden bindings of the focused widget (the note has dozens) do not
        count: the footer composed before the focus moves in then needs no rebuild."""
        palet = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (toets, binding, enabled, tooltip)
            for toets, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or toets == palet
        )

    def compose(self) -> ComposeResult:
        # Textual's Footer composes empty and fills itself after the screen's first bindings
        # signal: a second mount and layout pass, one frame after the screen is first drawn. The
        # bindings are known now; when the signal brings others (a different focus), it rebuilds.
        self._bindings_ready = True
        self._gepland = False
        self._getoond = self._zichtbaar()
        # Each key Textual's Footer composes watches this footer's `compact` (data_bind), and
        # nothing takes the watch away when the key is replaced: on a screen that stays, the meeting
        # screen, every rebuild (a Tab, another meeting) kept the old keys alive, some 1,800 objects.
        kijkers = getattr(self, "__watchers", {}).get("compact")
        if kijkers:
            kijkers[:] = [(node, terug) for node, terug in kijkers if node.is_attached]
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen and screen is not screen.app.screen:
            # Covered by another screen (it sends a signal when covered): Textual checks its
            # `screen.` actions against the screen on top then, so the keys seem to differ and the
            # hidden footer was rebuilt, and rebuilt again on return. Its resume sends the signal
            # that counts.
            return
        if screen is self.screen and (self._gepland or (self._getoond is not None and self._zichtbaar() == self._getoond)):
            return
        super().bindings_changed(screen)
        self._gepland = self.is_attached and screen is self.screen and screen.app.app_focus
