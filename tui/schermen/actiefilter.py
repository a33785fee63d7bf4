"""The action list's filter window: party, person and subtheme, each '(alle)' or one value."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label, Select

from tui.schermen.dialoog import Dialoog, enter_is_van


@dataclass(frozen=True)
class Actiefilter:
    """The choices of the filter window; None means '(alle)'."""

    partij_id: int | None = None
    persoon_id: int | None = None
    subthema: str | None = None

    @property
    def actief(self) -> bool:
        return (self.partij_id, self.persoon_id, self.subthema) != (None, None, None)


class ActiefilterScherm(Dialoog[Actiefilter]):
    """Three choices, each '(alle)' or one value; Enter applies them and closes, Escape closes
    without applying (as Esc does in every form: Escape meaning apply surprised users)."""

    BINDINGS = [
        Binding("escape", "sluit", "Sluiten", key_display="Esc", id="sluiten"),
        # As in every form: Enter on a closed dropdown completes (Space opens it).
        Binding("enter", "enter", "Toepassen", key_display="Enter", priority=True, id="enter_toepassen"),
        Binding("delete", "wissen", "Alles wissen", key_display="Del", id="wissen"),
    ]

    def __init__(
        self,
        huidig: Actiefilter,
        partijen: list[tuple[Text, int]],
        personen: list[tuple[Text, int]],
        subthemas: list[tuple[Text, str]],
    ) -> None:
        super().__init__()
        self.huidig = huidig
        self.keuzes = {"partij": partijen, "persoon": personen, "subthema": subthemas}

    def kader(self) -> Widget:
        return Vertical(id="filterkeuze", classes="dialoogkader")

    def inhoud(self) -> ComposeResult:
        waarden = {"partij": self.huidig.partij_id, "persoon": self.huidig.persoon_id, "subthema": self.huidig.subthema}
        yield Label("Actielijst filteren", id="filtertitel", classes="dialoogtitel")
        for naam, titel in (("partij", "Partij"), ("persoon", "Persoon"), ("subthema", "Subthema")):
            opties = self.keuzes[naam]
            waarde = waarden[naam]
            bekend = waarde in {w for _, w in opties}
            yield Label(titel, classes="veldnaam")
            yield Select(opties, prompt="(alle)", value=waarde if bekend else Select.NULL, id=f"filter-{naam}")
        yield Label("Enter: toepassen en sluiten   Esc: sluiten zonder toepassen   spatie: kiezen   Del: alles wissen",
                    id="filterhulp", classes="dialooghulp")

    def _waarde(self, naam: str) -> int | str | None:
        waarde = self.query_one(f"#filter-{naam}", Select).value
        return None if waarde is Select.NULL else waarde

    def action_toepassen(self) -> None:
        self.dismiss(Actiefilter(self._waarde("partij"), self._waarde("persoon"), self._waarde("subthema")))

    def action_enter(self) -> None:
        if enter_is_van(self.focused):
            raise SkipAction()
        self.action_toepassen()

    def action_wissen(self) -> None:
        for select in self.query(Select):
            select.clear()
