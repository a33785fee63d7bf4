"""A dropdown (Select) whose list is made the first time it opens, not when the form opens.

Textual's Select composes its option list (a SelectOverlay, hidden until opened) with it; on a
form with four dropdowns that is four lists styled, mounted and laid out for every opening,
while most dropdowns are never opened. Here the list is mounted when it is first opened (Enter
is the form's, so Space, Down, Up or a click), and from then on it is Textual's own Select.
Textual is pinned (8.2.8): this overrides the methods of textual/widgets/_select.py that reach
for the list, each as it is there with the list allowed to be absent.
"""

from __future__ import annotations

from typing import Generic

from textual import on
from textual.css.query import NoMatches
from textual.widgets import Select
from textual.widgets._select import NoSelection, SelectCurrent, SelectOverlay, SelectType


class _Huidig(SelectCurrent):
    def _watch_has_value(self, has_value: bool) -> None:
        # Only the label's colour depends on the class: style the label again, not this line
        # with its arrows too (the first value of a form's dropdowns comes after mounting).
        self.set_class(has_value, "-has-value", update=False)
        if self.is_mounted:
            self.query_one("#label").update_node_styles(animate=False)


class Keuze(Select[SelectType], Generic[SelectType]):
    def compose(self):  # noqa: ANN201
        huidig = _Huidig(self.prompt)
        yield huidig

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

    async def action_show_overlay(self) -> None:
        await self._maak_lijst()
        super().action_show_overlay()

    @on(SelectCurrent.Toggle)
    async def _klik(self, event: SelectCurrent.Toggle) -> None:
        event.stop()
        event.prevent_default()  # Select's own handler, later in the MRO, would not find the list
        await self._maak_lijst()
        self.expanded = not self.expanded
