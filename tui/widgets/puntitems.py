"""What was recorded at an agenda item: its agreements, decisions and actions, and on the
actielijst item the open actions of earlier meetings. Each under its heading, in an `ItemLijst`,
whose messages (Bewerken, Verwijderen, Gereed) go on to the screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Label

from tui.weergave import actieregel, afspraakregel, besluitregel, eerdere_actieregel
from tui.widgets.itemlijst import ItemLijst

if TYPE_CHECKING:
    from opslag.actielijst import ActieRegel
    from opslag.modellen import Actiepunt, Afspraak, Besluit

MAX_REGELS = 50  # per list; more is an archive, not something to talk through in a meeting
_KOPPEN = {"eerdere": "", "afspraken": "Afspraken (a)", "besluiten": "Besluiten (b)", "acties": "Actiepunten (t)"}


class PuntItems(Widget):
    DEFAULT_CSS = """
    PuntItems {
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        for naam, kop in _KOPPEN.items():
            yield Label(kop, id=f"{naam}kop", classes="kop")
            yield ItemLijst(id=naam, classes="items")

    def toon(
        self,
        *,
        afspraken: Sequence[Afspraak] | None,
        besluiten: Sequence[Besluit],
        acties: Sequence[Actiepunt],
        eerdere: Sequence[ActieRegel] | None,
        personen: Mapping[int, str],
        partijen: Mapping[int, str],
        vandaag: dt.date,
    ) -> None:
        """None: the list does not belong to this item (agreements only on a subtheme; earlier
        actions only on the actielijst item, read up to MAX_REGELS + 1 to know there are more)."""
        regels = [(f"afspraak:{a.id}", afspraakregel(a, partijen)) for a in (afspraken or [])[-MAX_REGELS:]]
        if afspraken and len(afspraken) > MAX_REGELS:  # newest shown; the export lists them all
            regels.insert(0, (None, Text(f"… {len(afspraken) - MAX_REGELS} oudere afspraken: zie de export (e)", style="italic")))
        self._vul("afspraken", regels, afspraken is not None, "Nog geen afspraken op dit subthema voor deze uitvoeringsagenda.")
        self._vul("besluiten", [(f"besluit:{b.id}", besluitregel(b)) for b in besluiten], True, "Geen besluiten bij dit punt.")
        regels = [(f"actiepunt:{a.id}", actieregel(a, personen, partijen, vandaag)) for a in acties]
        self._vul("acties", regels, True, "Geen actiepunten bij dit punt.")
        if eerdere is None:  # left as it was, hidden
            self.query_one("#eerderekop", Label).display = self.query_one("#eerdere", ItemLijst).display = False
            return
        regels = [(f"actiepunt:{r.id}", eerdere_actieregel(r)) for r in eerdere[:MAX_REGELS]]
        if len(eerdere) > MAX_REGELS:
            regels.append((None, Text("… en meer: l opent de hele actielijst", style="italic")))
        self._vul("eerdere", regels, True, "Geen openstaande actiepunten uit eerdere overleggen.")
        aantal = f"{len(regels)}" if len(eerdere) <= MAX_REGELS else f"{MAX_REGELS}+"
        self.query_one("#eerderekop", Label).update(f"Openstaande actiepunten uit eerdere overleggen ({aantal}) — g: gereed")

    def _vul(self, naam: str, regels: list[tuple[str | None, Text]], toon: bool, leeg: str) -> None:
        lijst = self.query_one(f"#{naam}", ItemLijst)
        lijst.toon(regels, leeg)
        lijst.display = self.query_one(f"#{naam}kop", Label).display = toon
