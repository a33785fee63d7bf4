"""The start screen: the municipality files Tripartiet knows, and a new one."""

from __future__ import annotations

from pathlib import Path

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, Label, OptionList
from textual.widgets.option_list import Option

from opslag.fouten import TripartietFout
from tui.app import TripartietApp
from tui.widgets.voettekst import Voettekst
from tui.widgets.veilig import Invoer
from tui.weergave import letterlijk
from tui.schermen.gestyled import EersteKeerGestyled


VOORBEELD = "Voorbeeldbestand (Zonnedal) openen"


def bekende_bestanden(map_: Path) -> list[Path]:
    """The files in `map_` and the recently opened ones, each once, recent first."""
    from opslag.instellingen import recente_bestanden

    gezien: dict[Path, None] = {}
    for pad in [*recente_bestanden(), *sorted(map_.glob("*.sqlite"))]:
        gezien.setdefault(pad.resolve(), None)
    return list(gezien)


def _beschrijving(pad: Path, cwd: Path) -> str:
    if pad.parent == cwd:
        return pad.name
    try:
        map_ = "~/" + str(pad.parent.relative_to(Path.home()))
    except ValueError:
        map_ = str(pad.parent)
    if len(map_) > 40:
        map_ = "…" + map_[-39:]  # the end of a path says more than its start
    return f"{pad.name}  (in {map_})"


class StartScherm(EersteKeerGestyled, Screen[None]):
    """Shown before any file is open: it has none to be handed, and asks the app to open one."""

    app = getters.app(TripartietApp)
    BINDINGS = [
        Binding("n", "nieuw", "Nieuw bestand", id="nieuw"),
        Binding("escape", "naar_lijst", "Terug naar lijst", show=False, id="terug"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start"):
            yield Label("Kies een gemeentebestand", classes="kop")
            yield OptionList(id="bestanden")
            yield Label("Of maak een nieuw bestand in deze map", classes="kop")
            yield Invoer(placeholder="Naam van de gemeente, bijvoorbeeld Aalten", id="nieuwe-gemeente")
            yield Label("", id="melding")
        yield Voettekst()

    def on_mount(self) -> None:
        from opslag.demo import standaard_demo_pad

        lijst = self.query_one("#bestanden", OptionList)
        cwd = Path.cwd().resolve()
        demo = standaard_demo_pad().resolve()
        for pad in bekende_bestanden(cwd):
            if pad != demo:  # it has its own line, below
                lijst.add_option(Option(letterlijk(_beschrijving(pad, cwd)), id=str(pad)))
        if lijst.option_count:
            lijst.highlighted = 0
            lijst.focus()
        else:
            lijst.add_option(Option("(nog geen bestanden gevonden)", disabled=True))
            self.query_one("#nieuwe-gemeente", Input).focus()
        lijst.add_option(Option(VOORBEELD, id=VOORBEELD))

    @on(OptionList.OptionSelected, "#bestanden")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == VOORBEELD:
            self._open_voorbeeld()
        elif event.option.id:
            self.app.open_bestand(Path(event.option.id))

    def _open_voorbeeld(self) -> None:
        """As `tripartiet demo`: the practice file in the user's data folder, made the first time."""
        from opslag.demo import maak_demo, standaard_demo_pad

        pad = standaard_demo_pad()
        if not pad.exists():
            try:
                pad.parent.mkdir(parents=True, exist_ok=True)
                maak_demo(pad)
            except (OSError, TripartietFout) as fout:
                self.app.notify(f"Het voorbeeldbestand kon niet gemaakt worden: {fout}", severity="error", timeout=10)
                return
        self.app.open_bestand(pad)

    @on(Input.Submitted, "#nieuwe-gemeente")
    def _maak(self, event: Input.Submitted) -> None:
        from opslag.bestand import bestandsnaam, nieuw_bestand

        melding = self.query_one("#melding", Label)
        try:
            pad = Path.cwd() / bestandsnaam(event.value)
            nieuw_bestand(event.value, pad)
        except TripartietFout as fout:
            melding.update(letterlijk(str(fout)))
            melding.add_class("fout")
            return
        self.app.notify(f"{pad.name} is gemaakt.", title="Nieuw gemeentebestand")
        self.app.open_bestand(pad)

    def action_nieuw(self) -> None:
        self.query_one("#nieuwe-gemeente", Input).focus()

    def action_naar_lijst(self) -> None:
        self.query_one("#bestanden", OptionList).focus()
