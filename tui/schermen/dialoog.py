"""Base of every dialog: a modal screen over the dimmed screen below, its content in one frame.

The backdrop, the frame, and the title and help lines in it are styled once, in dialoog.tcss;
a dialog's own .tcss only says what differs (its width, a red frame for a question that
deletes or loses something).
"""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Select, TextArea

from tui.schermen.gestyled import EersteKeerGestyled

T = TypeVar("T")


def enter_is_van(widget: Widget | None) -> bool:
    """Whether Enter means something in `widget` itself (a new line, a button, the choice in an
    open dropdown), so that a dialog's Enter to complete must step aside (SkipAction). A closed
    dropdown or a checkbox list does not: there Enter completes, Space opens or ticks."""
    if widget is None:
        return False
    return isinstance(widget, (TextArea, Button)) or isinstance(widget.parent, Select) or (isinstance(widget, Select) and widget.expanded)


class Dialoog(EersteKeerGestyled, ModalScreen[T]):
    """Subclasses yield their content from `inhoud`, and may give the frame an id or make it
    scroll by overriding `kader`.

    Every dialog names its own Escape binding, with the word it means there ('Sluiten', 'Nee',
    'Klaar', 'Toepassen'): a binding here would put Esc first in a dialog's footer, since Textual
    keeps a key where the base class put it when a subclass binds it again. `sluit` is the
    plain one: close without an answer.

    F1 is bound here because a modal screen hides the app's own bindings from the keys pressed
    in it (only priority bindings pass); hidden in the footer, so Esc keeps its place there.
    """

    BINDINGS = [Binding("f1", "app.toetsen", "Toetsen", show=False, id="toetsen")]

    UITLEG = (
        "Tab en shift+Tab gaan naar het volgende en het vorige veld of de volgende en de vorige lijst; "
        "in een lijst kiest u met de pijltjes."
    )
    """Shown above the keys on the F1 page of this window."""

    def kader(self) -> Widget:
        return Vertical(classes="dialoogkader")

    def _on_timer_update(self) -> None:
        """A layout due together with a repaint of the whole dialog (as after its first layout,
        which the dialog's new size and Screen's resume ask for) is painted once, in full, with the
        layout, instead of a partial paint with the layout and then the full one at once after."""
        if self._layout_required and self._repaint_required and self.is_current and not self.app._batch_count:
            self._repaint_required = False
            self._dirty_widgets.add(self)  # the layout starts by marking what these cover as dirty
        super()._on_timer_update()

    def _on_resize(self, event: events.Resize) -> None:
        """A dialog's first layout ends with a Resize to itself, at the size it was just laid out
        at; Textual would lay out the dialog again and every screen below it too (two of the four
        layouts of opening a form). A real resize of the terminal still gets through."""
        schermen = [self, *self.app._background_screens]
        if all(scherm._compositor.size == event.size for scherm in schermen):
            event.prevent_default()  # Screen._on_resize, later in the MRO, is not called then

    def inhoud(self) -> ComposeResult:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with self.kader():
            yield from self.inhoud()

    def action_sluit(self) -> None:
        self.dismiss(None)
