"""Asked on quitting while a save has failed: the text on screen would otherwise be gone."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label

from opslag.fouten import TripartietFout
from opslag.redding import bewaar_los
from tui.schermen.dialoog import Dialoog
from tui.weergave import letterlijk


class NietBewaardScherm(Dialoog[None]):
    """The quit dialog: it ends the app itself, or closes to stay."""

    BINDINGS = [
        Binding("k", "kopieer", "Kopiëren", id="kopieer"),
        Binding("b", "bewaar_los", "Bewaar in bestand", id="bewaar_los"),
        Binding("a", "afsluiten", "Toch afsluiten", id="toch_afsluiten"),
        Binding("n,escape", "blijf", "Blijf", key_display="Esc", id="blijf"),
    ]

    def __init__(self, tekst: str, gemeentebestand: Path | None) -> None:
        super().__init__()
        self.tekst = tekst
        self.gemeentebestand = gemeentebestand

    def inhoud(self) -> ComposeResult:
        yield Label(
            "Uw laatste tekst is niet bewaard. Het bestand kon niet worden geschreven "
            "(zie de melding). Als u nu afsluit, is die tekst weg.",
            id="vraag",
        )
        yield Label(
            "k    kopieer de tekst naar het klembord\n"
            "b    bewaar de tekst in een tekstbestand naast het\n"
            "     gemeentebestand, en sluit af\n"
            "a    sluit toch af; de tekst gaat verloren\n"
            "Esc  blijf in Tripartiet",
            id="keuzes",
        )
        yield Label("", id="uitkomst")

    def action_kopieer(self) -> None:
        self.app.copy_to_clipboard(self.tekst)
        # OSC 52 has no answer: whether the terminal took it cannot be known, so the user checks.
        self.query_one("#uitkomst", Label).update(
            "Gekopieerd, als uw terminal dat toestaat: plak het ergens en controleer het voordat u afsluit (a)."
        )

    def action_bewaar_los(self) -> None:
        try:
            doel = bewaar_los(self.gemeentebestand or Path.home() / "tripartiet", self.tekst)
        except TripartietFout as fout:
            self.notify(str(fout), title="Niet bewaard", severity="error", timeout=15)
            return
        # Printed by Rich after the app ends: a Text, so a '[' or an escape in the path stays literal.
        self.app.exit(message=letterlijk(f"Uw niet bewaarde tekst staat in {doel}"))

    def action_afsluiten(self) -> None:
        self.app.exit()

    def action_blijf(self) -> None:
        self.dismiss(None)
