"""A screen whose first showing does not style every widget on it a second time."""

from __future__ import annotations

from textual import events


class EersteKeerGestyled:
    """Mixin for a Screen, placed before Textual's Screen in the bases.

    Textual restyles every widget of a screen each time it is resumed, since the theme or the
    classes may have changed while it was covered. On its first showing the widgets were styled
    a moment before, when they were mounted: on a form that is some 100 widgets, styled twice,
    which was a third of the time from the key to the form. Textual calls every class's
    `_on_screen_resume` in the MRO, this one before Screen's, which then reads the flag."""

    _eerder_getoond = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._eerder_getoond:
            self._eerder_getoond = True
            event.refresh_styles = False
