"""Start the next period of the uitvoeringsagenda: which one, and what it takes over."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Label

from opslag import perioden
from opslag.bestand import Gemeentebestand
from tui.schermen.dialoog import Dialoog
from tui.weergave import letterlijk


class PeriodeStartenScherm(Dialoog[perioden.Start | None]):
    """Shows the next period and how many agreements go along; Enter starts it, Esc does nothing.

    A period past the framework's end says so here: pressing Enter on that text is the explicit
    choice `start_periode` asks for."""

    BINDINGS = [
        Binding("enter", "start", "Starten", id="start"),
        Binding("escape", "sluit", "Annuleren", key_display="Esc", id="annuleren"),
    ]

    def __init__(self, bestand: Gemeentebestand) -> None:
        super().__init__()
        self.bestand = bestand
        self.volgende = perioden.volgende_periode(bestand)
        self.vorige = perioden.vorige_agenda(bestand, self.volgende.periode)

    def inhoud(self) -> ComposeResult:
        periode = self.volgende.periode
        yield Label(f"Nieuwe periode starten: {periode}", classes="dialoogtitel")
        regels = [f"De uitvoeringsagenda {periode} begint als concept."]
        if self.vorige is None:
            regels.append("Er is geen eerdere periode; de agenda begint zonder afspraken.")
        else:
            onvoltooid, afgerond = perioden.tellingen(self.bestand, self.vorige[0])
            tekst = (
                f"Uit {self.vorige[1]} {'gaat' if onvoltooid == 1 else 'gaan'} {perioden.afspraken_tekst(onvoltooid)} mee "
                f"die nog niet gereed of vervallen {'is' if onvoltooid == 1 else 'zijn'}"
            )
            if afgerond:
                tekst += f"; {perioden.afspraken_tekst(afgerond)} (gereed of vervallen) {'blijft' if afgerond == 1 else 'blijven'} in {self.vorige[1]}"
            regels.append(tekst + ".")
        if not self.volgende.in_kader:
            regels.append(f"Let op: {periode} valt buiten het kader {self.bestand.kader().looptijd}. Met Enter kiest u deze periode bewust.")
        yield Label(letterlijk("\n".join(regels), regels=True), id="uitleg")
        yield Label("Enter: starten   Esc: annuleren", id="keuze", classes="dialooghulp")

    def action_start(self) -> None:
        start = perioden.start_periode(self.bestand, self.volgende.periode, buiten_kader=not self.volgende.in_kader)
        self.dismiss(start)


def toon(app: App) -> None:
    """The palette's 'Nieuwe periode starten…': the dialog, then the summary as a notification."""
    bestand: Gemeentebestand | None = getattr(app, "bestand", None)
    if bestand is None or bestand.alleen_lezen:
        app.notify("Er is geen bestand open om in te schrijven.", severity="warning")
        return

    def na(start: perioden.Start | None) -> None:
        if start is not None:
            app.notify(start.tekst, title="Nieuwe periode", timeout=10)

    app.push_screen(PeriodeStartenScherm(bestand), na)
