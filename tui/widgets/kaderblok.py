"""The regional framework of the subtheme under discussion, folded to one line until opened."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from tui.weergave import letterlijk


class Kaderblok(Widget, can_focus=True):
    """One widget where Textual's Collapsible mounts four; the meeting screen is the first
    screen the minute-taker sees, and every widget on it costs start-up time.

    The text is handed over only when the block is opened (`Geopend`): most steps never show it."""

    DEFAULT_CSS = """
    Kaderblok {
        height: auto;
        background: $surface;
    }
    Kaderblok:focus {
        background-tint: $foreground 4%;
    }
    """
    BINDINGS = [Binding("enter", "wissel", "Open/dicht", show=False)]

    open = reactive(False, layout=True)
    inhoud: reactive[RenderableType | None] = reactive(None, layout=True)

    class Geopend(Message):
        """The block was opened and wants its text."""

        def __init__(self, kaderblok: Kaderblok) -> None:
            super().__init__()
            self.kaderblok = kaderblok

        @property
        def control(self) -> Kaderblok:
            return self.kaderblok

    def __init__(self, titel: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.titel = titel

    def render(self) -> RenderableType:
        kop = letterlijk(f" {'▼' if self.open else '▶'} {self.titel} ", "bold reverse" if self.has_focus else "bold")
        if self.open and self.inhoud is not None:
            return Group(kop, Padding(self.inhoud, (1, 1, 0, 4)))
        return kop

    def watch_open(self, open_: bool) -> None:
        if open_:
            self.post_message(self.Geopend(self))

    def action_wissel(self) -> None:
        self.open = not self.open

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            self.open = not self.open
