"""Inzet per partij: what each party has committed to in one uitvoeringsagenda, as trekker,
medeverantwoordelijke or betrokkene, with status, and the actions assigned to it (i, or the palette).

Reciprocity at a glance: a table of counts per party first, then each party's agreements and actions.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header

from opslag.bestand import Gemeentebestand
from opslag.datums import toon_datum
from opslag.inzet import ROLLEN, ROLNAMEN, PartijInzet, inzet_per_partij
from opslag.modellen import Uitvoeringsagenda
from tui.weergave import Kleuren, letterlijk, opsomming_in_delen
from tui.widgets.leesvak import Leesvak
from tui.widgets.voettekst import Voettekst


def samenvatting(inzet: list[PartijInzet], k: Kleuren) -> Table:
    tabel = Table(box=None, padding=(0, 1, 0, 0), show_edge=False, header_style=k.kop)
    for kop in ("Partij", "Trekker", "Medeverantwoordelijk", "Betrokken", "Acties open", "Acties gereed"):
        tabel.add_column(kop, justify="left" if kop == "Partij" else "right", no_wrap=True)
    for partij in inzet:
        per_rol = partij.per_rol
        acties = partij.actiestatus
        tabel.add_row(letterlijk(partij.code), *(Text(str(sum(per_rol[rol].values()))) for rol in ROLLEN),
                      Text(str(acties["open"])), Text(str(acties["gereed"])))
    return tabel


def inzet_regels(inzet: list[PartijInzet], periode: str, k: Kleuren | None = None) -> Iterator[RenderableType]:
    """The blocks of the screen, each built when it is needed: a party's long lists in parts."""
    k = k or Kleuren()
    yield Text(f"Uitvoeringsagenda {periode}: wat elke partij op zich heeft genomen.", style=k.gedempt)
    yield Text("")
    yield samenvatting(inzet, k)
    for partij in inzet:
        yield Text("")
        yield letterlijk(f"{partij.naam} ({partij.code})", k.titel)
        if partij.afspraken:
            per_status = ", ".join(f"{status} {aantal}" for status, aantal in partij.per_status)
            yield Text(f"Afspraken ({per_status})", style=k.kop)
            yield from opsomming_in_delen([
                (a.code, f"{a.subthema_nummer} {a.actielijn} — {ROLNAMEN[a.rol]} — {a.status}") for a in partij.afspraken
            ])
        else:
            yield Text("Geen afspraken in deze uitvoeringsagenda.", style="italic")
        if partij.acties:
            yield Text("Actiepunten", style=k.kop)
            yield from opsomming_in_delen([
                (a.code, " — ".join(d for d in (a.wat, a.wie, toon_datum(a.deadline), a.status) if d)) for a in partij.acties
            ])
        else:
            yield Text("Geen actiepunten uit de overleggen van deze periode.", style="italic")


def toon_inzet(app: App, overleg_id: int | None) -> None:
    """The app's `i`: the commitments in the agenda of the meeting on screen, else the running one."""
    from opslag.levensloop import agenda_in_beeld

    bestand = getattr(app, "bestand", None)
    agenda = agenda_in_beeld(bestand, overleg_id) if bestand is not None else None
    if agenda is None:
        app.notify("Dit bestand heeft nog geen uitvoeringsagenda.", severity="warning")
    elif not isinstance(app.screen, InzetScherm):
        app.push_screen(InzetScherm(bestand, agenda))


class InzetScherm(Screen[None]):
    BINDINGS = [Binding("escape,i", "terug", "Terug", key_display="Esc", id="terug")]

    UITLEG = (
        "Per partij de afspraken in deze uitvoeringsagenda waarvan zij trekker (de eerste verantwoordelijke), "
        "medeverantwoordelijke of betrokkene is, met hun status, en haar actiepunten. Exporteren: e in het "
        "overlegscherm, soort 'Inzet per partij'."
    )

    def __init__(self, bestand: Gemeentebestand, agenda: Uitvoeringsagenda) -> None:
        super().__init__()
        self.bestand = bestand
        self.agenda = agenda

    def compose(self) -> ComposeResult:
        yield Header()
        yield Leesvak(self._regels(), id="inzet")
        yield Voettekst()

    def _regels(self) -> Iterator[RenderableType]:
        # Read when the text is first rendered, which is when its width is known.
        kleuren = Kleuren.uit_thema(self.app.get_css_variables())
        yield from inzet_regels(inzet_per_partij(self.bestand, self.agenda.id), self.agenda.periode, kleuren)

    def on_mount(self) -> None:
        self.title = f"{self.app.title} · Inzet per partij {self.agenda.periode}"
        self.sub_title = self.bestand.gemeente().naam
        self.query_one("#inzet", Leesvak).focus()

    def action_terug(self) -> None:
        self.app.pop_screen()
