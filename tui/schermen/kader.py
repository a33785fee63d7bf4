"""The framework screen: the tree of themes and subthemes, and the selected subtheme's text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static, Tree

from opslag.bestand import Gemeentebestand
from tui.schermen.kenmerken import ZetOpAgenda
from tui.schermen.gestyled import EersteKeerGestyled
from tui.widgets.voettekst import Voettekst
from tui.weergave import Kleuren, subthema_inhoud
from tui.weergave import letterlijk


class KaderScherm(EersteKeerGestyled, Screen[None]):
    def __init__(self, bestand: Gemeentebestand, subthema: str | None = None) -> None:
        super().__init__()
        self.bestand = bestand
        self.begin_subthema = subthema

    BINDINGS = [
        Binding("tab", "app.focus_next", "Lijst/tekst", key_display="Tab", id="wissel"),
        Binding("g", "app.command_palette", "Ga naar", id="ga_naar"),
        # Only over a meeting (check_action); early in the Footer, which is full at 80 columns.
        Binding("z", "zet_op_agenda", "Op de agenda", id="zet_op_agenda"),
        Binding("n", "app.nieuw_overleg", "Nieuw overleg", id="nieuw_overleg"),
        Binding("w", "app.wissel_overleg", "Overleggen", id="overleggen"),
        Binding("escape", "terug", "Terug", key_display="Esc", id="terug"),
    ]

    def _overleg(self) -> ZetOpAgenda | None:
        """The meeting this screen was opened from, if any."""
        return next((s for s in reversed(self.app.screen_stack) if isinstance(s, ZetOpAgenda)), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "zet_op_agenda":
            return self._overleg() is not None  # no meeting open: the key is not offered
        return True

    def action_zet_op_agenda(self) -> None:
        """Put the subtheme shown on the agenda of the meeting below, and go there."""
        overleg = self._overleg()
        nummer = getattr(self, "huidig", None)
        if overleg is None or nummer is None:
            return
        self.app.clear_notifications()  # 'not on the agenda' no longer holds, and would cover the agenda
        if overleg.zet_op_agenda(subthema=nummer):
            stapel = self.app.screen_stack
            for _ in range(len(stapel) - 1 - stapel.index(overleg)):  # type: ignore[arg-type]
                self.app.pop_screen()

    def action_terug(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def compose(self) -> ComposeResult:
        kader = self.bestand.kader()
        yield Header()
        with Horizontal():
            boom: Tree[str] = Tree(letterlijk(kader.titel), id="boom")
            boom.show_root = False
            boom.guide_depth = 2
            for thema in kader.themas:
                tak = boom.root.add(letterlijk(f"{thema.nummer} {thema.titel}"), expand=True)
                for sub in thema.subthemas:
                    tak.add_leaf(letterlijk(sub.titel), data=sub.nummer)
            yield boom
            with VerticalScroll(id="tekstvak"):
                yield Static(id="tekst")
        yield Voettekst()

    def on_mount(self) -> None:
        self.kleuren = Kleuren.uit_thema(self.app.get_css_variables())
        self.query_one("#boom", Tree).focus()
        self.call_after_refresh(self._toon_begin)

    def _toon_begin(self) -> None:
        # A subtheme chosen before the first refresh (the palette, right at start) stays shown.
        if getattr(self, "huidig", None) is None:
            self.toon_subthema(self.begin_subthema or self.bestand.kader().subthemas[0].nummer)

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 120, "breed")

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data:
            self._toon_tekst(event.node.data)

    def toon_subthema(self, nummer: str) -> None:
        boom = self.query_one("#boom", Tree)
        for knoop in boom.root.children:
            for blad in knoop.children:
                if blad.data == nummer:
                    knoop.expand()
                    boom.move_cursor(blad)
        self._toon_tekst(nummer)

    def _toon_tekst(self, nummer: str) -> None:
        kader = self.bestand.kader()
        self.huidig = nummer
        self.query_one("#tekst", Static).update(subthema_inhoud(kader, kader.subthema(nummer), self.kleuren))
        self.query_one("#tekstvak", VerticalScroll).scroll_home(animate=False)
