"""A dropdown (Select) whose list is made the first time it opens, not when the form opens.

Textual's Select composes its option list (a SelectOverlay, hidden until opened) with it; on a
form with four dropdowns that is four lists styled, mounted and laid out for every opening,
while most dropdowns are never opened. Here the list is mounted when it is first opened (Enter
is the form's, so Space, Down, Up or a click), and from then on it is Textual's own Select.
Textual is pinned (8.2.8): this overrides the methods of textual/widgets/_select.py that reach
for the list, each as it is there with the list allowed to be absent.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Generic

from rich.console import RenderableType
from textual import on
from textual.content import Content
from textual.css.query import NoMatches
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual, visualize
from textual.widgets import Select
from textual.widgets._select import NoSelection, SelectCurrent, SelectOverlay, SelectType


class _Regel(Visual):
    """The chosen option (or the prompt) and the arrow after it, as SelectCurrent's three Statics
    showed them: the label wrapped in all but the last two columns, the arrow in the last one."""

    def __init__(self, huidig: KeuzeRegel) -> None:
        self.huidig = huidig
        label = huidig.placeholder if isinstance(huidig.label, NoSelection) else huidig.label
        self.label = visualize(huidig, label, markup=True)  # as Static does

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.label.get_optimal_width(rules, container_width) + 2

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.label.get_height(rules, max(width - 2, 1))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        huidig = self.huidig
        breedte = max(width - 2, 1)
        onder, achter = huidig.background_colors
        vlak = Style(background=onder + achter).rich_style  # what a Static's padding is drawn with
        regels = Visual.to_strips(huidig, self.label, breedte, None, huidig.get_visual_style("keuze-regel--label"))
        pijl = "▲" if isinstance(huidig.parent, Select) and huidig.parent.expanded else "▼"
        pijl_regel = Visual.to_strips(huidig, Content(pijl), 1, 1, huidig.get_visual_style("keuze-regel--pijl"))[0]
        uit = []
        for y, regel in enumerate(regels or [Strip.blank(breedte, vlak)]):
            regel = regel.adjust_cell_length(breedte, vlak)
            staart = Strip.join([Strip.blank(1, vlak), pijl_regel]) if y == 0 else Strip.blank(2, vlak)
            uit.append(Strip.join([regel, staart]))
        return uit


class KeuzeRegel(SelectCurrent):
    """SelectCurrent drawn by itself: a form's four dropdowns were twelve Statics to mount and
    lay out. Its own CSS is Textual's (border, padding, focus); the label's and the arrow's
    colours are those of SelectCurrent's `Static#label` and `.arrow`."""

    COMPONENT_CLASSES = {"keuze-regel--label", "keuze-regel--pijl"}
    DEFAULT_CSS = """
    KeuzeRegel > .keuze-regel--label { color: $foreground 50%; }
    KeuzeRegel.-has-value > .keuze-regel--label { color: $foreground; }
    KeuzeRegel > .keuze-regel--pijl { color: $foreground 50%; }
    """

    # A line, not a container: Horizontal's layout would make it size itself by its (no) children.
    is_container = False
    is_scrollable = False

    def compose(self):  # noqa: ANN201
        return iter(())

    def update(self, label: RenderableType | NoSelection) -> None:
        self.label = label
        self.has_value = label is not Select.NULL
        self.refresh(layout=True)

    def render(self) -> Visual:
        return _Regel(self)


class Keuze(Select[SelectType], Generic[SelectType]):
    def compose(self):  # noqa: ANN201
        yield KeuzeRegel(self.prompt)

    def _lijst(self) -> SelectOverlay | None:
        try:
            return self.query_one(SelectOverlay)
        except NoMatches:
            return None

    async def _maak_lijst(self) -> SelectOverlay:
        lijst = self._lijst()
        if lijst is None:
            lijst = SelectOverlay(type_to_search=self._type_to_search)
            if self.compact:  # as Select's data_bind would; set before mounting, styled once
                lijst.add_class("-textual-compact", update=False)
                lijst.set_reactive(SelectOverlay.compact, True)
            await self.mount(lijst)
            self._setup_options_renderables()
            self._markeer(self.value)
        return lijst

    def _setup_options_renderables(self) -> None:
        if self._lijst() is not None:
            super()._setup_options_renderables()

    def _markeer(self, value: object) -> None:
        """The chosen option highlighted in the list, as Select does when the value changes."""
        lijst = self._lijst()
        if lijst is None or value == self.NULL:
            return
        for index, (_prompt, waarde) in enumerate(self._options):
            if waarde == value:
                lijst.highlighted = index
                break

    def _watch_value(self, value: SelectType | NoSelection) -> None:
        self._value = value
        try:
            huidig = self.query_one(SelectCurrent)
        except NoMatches:
            return
        if value == self.NULL:
            huidig.update(self.NULL)
        else:
            for prompt, waarde in self._options:
                if waarde == value:
                    huidig.update(prompt)
                    break
            self._markeer(value)
        self.post_message(self.Changed(self, value))

    def _watch_prompt(self, prompt: str) -> None:
        if not self.is_mounted:
            return
        huidig = self.query_one(SelectCurrent)
        huidig.placeholder = prompt
        if not self._allow_blank:
            return
        if self.value == self.NULL:
            huidig.update(self.NULL)
        if self._lijst() is not None:
            super()._watch_prompt(prompt)

    def _watch_expanded(self, expanded: bool) -> None:
        super()._watch_expanded(expanded)
        with suppress(NoMatches):
            self.query_one(KeuzeRegel).refresh()  # the arrow turns

    async def action_show_overlay(self) -> None:
        await self._maak_lijst()
        super().action_show_overlay()

    @on(SelectCurrent.Toggle)
    async def _klik(self, event: SelectCurrent.Toggle) -> None:
        event.stop()
        event.prevent_default()  # Select's own handler, later in the MRO, would not find the list
        await self._maak_lijst()
        self.expanded = not self.expanded
