"""The action list: the open actions of all meetings, to walk through at 'Actielijst doorlopen'.

One table, filled by one query (`opslag.actielijst`). What is shown (open, all or overdue), the
sort order and the filter are reactives of the screen: setting one reloads the rows into the
same table and keeps the cursor on the same action, or on the row that took its place. Overdue
actions are marked in words ("te laat") and in the theme's error colour, so they stand out in
every colour scheme and without colour.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, replace
from functools import partial

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import DataTable, Header, Static

from opslag.actielijst import SORTERINGEN, ActieRegel, Sortering, Telling, actielijst, tel
from opslag.bestand import Gemeentebestand
from opslag.datums import toon_datum
from opslag.fouten import NietGevonden, TripartietFout
from opslag.modellen import ActieStatus
from opslag.notulen import personen, zet_actiestatus
from opslag.tekst import zichtbaar
from tui.schermen.actiefilter import Actiefilter, ActiefilterScherm
from tui.schermen.gestyled import EersteKeerGestyled
from tui.widgets.actietabel import CELMARGE, KOLOMMEN, Actietabel, Cel, kolombreedtes
from tui.widgets.voettekst import Voettekst
from tui.weergave import Kleuren, letterlijk

__all__ = ["MAX_RIJEN", "Actiefilter", "ActiefilterScherm", "ActielijstScherm"]

TE_LAAT = "te laat"
# A table row costs memory for every cell; past this many a list is searched with f, not scrolled.
MAX_RIJEN = 500


@dataclass(frozen=True)
class Toon:
    """Which actions are listed: one value, so that 'a' (which also ends 'te laat') loads once."""

    alleen_open: bool = True
    alleen_te_laat: bool = False


# --- text of the rows and the summary ---------------------------------------------------------


def wie_tekst(persoon: str, partij: str, breedte: int | None = None) -> str:
    """'Pieter Bosman (WDD)'; when too wide 'P. Bosman (WDD)', then the name cut, never the code.

    The party is what the meeting needs most, so it is the part that always stays visible.
    """
    achter = f" ({partij})" if persoon and partij else ""
    naam = persoon or partij
    if breedte is None or len(naam) + len(achter) <= breedte:
        return naam + achter
    delen = persoon.split()
    if len(delen) > 1:
        naam = f"{delen[0][0]}. {' '.join(delen[1:])}"
    ruimte = breedte - len(achter)
    if len(naam) > ruimte:
        naam = naam[: max(ruimte - 1, 1)] + "…"
    return naam + achter


def samenvatting(regels: list[ActieRegel], *, alleen_open: bool, alleen_te_laat: bool, gefilterd: bool) -> str:
    """'7 open actiepunten, waarvan 3 te laat', as the line under the table."""
    aantal = len(regels)
    te_laat = sum(r.te_laat for r in regels)
    woord = "actiepunt" if aantal == 1 else "actiepunten"
    bij_filter = " bij dit filter" if gefilterd else ""
    if alleen_te_laat:
        return f"{aantal} {woord} te laat{bij_filter}" if aantal else f"Geen actiepunten te laat{bij_filter}"
    if alleen_open:
        if not aantal:
            return f"Geen open actiepunten{bij_filter}"
        return f"{aantal} open {woord}{bij_filter}, " + (f"waarvan {te_laat} te laat" if te_laat else "geen te laat")
    if not aantal:
        return f"Geen actiepunten{bij_filter}"
    open_ = sum(r.status is ActieStatus.OPEN for r in regels)
    return f"{aantal} {woord}{bij_filter}, waarvan {open_} open en {te_laat} te laat"


def samenvatting_telling(telling: Telling, *, alleen_open: bool, alleen_te_laat: bool, gefilterd: bool) -> str:
    """The summary line from counts, for lists longer than the table shows."""
    bij_filter = " bij dit filter" if gefilterd else ""
    if alleen_te_laat:
        return f"{telling.aantal} actiepunten te laat{bij_filter}"
    if alleen_open:
        return f"{telling.aantal} open actiepunten{bij_filter}, waarvan {telling.te_laat} te laat"
    return f"{telling.aantal} actiepunten{bij_filter}, waarvan {telling.open} open en {telling.te_laat} te laat"


# --- the screen -------------------------------------------------------------------------------


class ActielijstScherm(EersteKeerGestyled, Screen[None]):
    BINDINGS = [
        Binding("g", "gereed", "Gereed", id="gereed", tooltip="Meld het gekozen actiepunt gereed, met de datum van vandaag"),
        Binding("o", "heropenen", "Heropenen", id="heropenen", tooltip="Zet een gereed actiepunt weer open"),
        # One key, two bindings: the footer names what `a` will show, only one is active at a time.
        Binding("a", "toon('alle')", "Alle", id="toon_alle", tooltip="Toon ook de gereed gemelde en vervallen actiepunten"),
        Binding("a", "toon('open')", "Open", id="toon_open", tooltip="Toon alleen de open actiepunten"),
        Binding("t", "wissel_te_laat", "Te laat", id="te_laat", tooltip="Toon alleen de actiepunten die te laat zijn, of weer alle"),
        Binding("s", "sorteer", "Sorteren", id="sorteren", tooltip="Sorteer op deadline, nummer, wie of subthema"),
        Binding("f", "filter", "Filter", id="filter", tooltip="Filter op partij, persoon en subthema"),
        Binding("escape", "terug", "Terug", key_display="Esc", id="terug"),
    ]

    # Not loaded on mount (init=False): `on_screen_resume` loads the first time, with the people
    # and parties the filter bar names. Setting one to the value it has loads nothing.
    toon: var[Toon] = var(Toon(), init=False)
    sorteer: var[Sortering] = var("deadline", init=False)
    filter: var[Actiefilter] = var(Actiefilter(), init=False)

    def __init__(self, bestand: Gemeentebestand, vandaag: dt.date | None = None) -> None:
        """`vandaag` fixes 'today' (for overdue and the date of 'gereed'); None is the real today."""
        super().__init__()
        self.bestand = bestand
        self.vandaag = vandaag
        self.regels: list[ActieRegel] = []
        self.telling: Telling | None = None
        self._breedte = 0
        self._uit_filtervenster = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="filterbalk")
        yield Actietabel(id="acties", cursor_type="row", zebra_stripes=True, cell_padding=CELMARGE)
        yield Static(id="samenvatting")
        yield Voettekst()

    def on_mount(self) -> None:
        # The list spans all meetings: the header names the municipality, not one meeting.
        self.title = f"{self.app.title} · Actielijst"
        self.sub_title = self.bestand.gemeente().naam
        self._lees_kleuren()
        self.app.theme_changed_signal.subscribe(self, self._thema_gewijzigd)

    def on_unmount(self) -> None:
        # The signal keeps its subscribers in a WeakKeyDictionary whose value, the callback,
        # refers to the screen: without this every closed list, its 500 rows with it, stayed alive.
        self.app.theme_changed_signal.unsubscribe(self)

    def on_screen_resume(self) -> None:
        # Also on the first show, and after another screen closes: actions, people or parties
        # may have been added or changed meanwhile. The filter window changes nothing in the
        # file, and its choice is loaded by `watch_filter`: loading again doubled the wait.
        if self._uit_filtervenster:
            self._uit_filtervenster = False
            return
        self.partijen = {p.id: p for p in self.bestand.partijen()}
        self.personen = {p.id: p for p in personen(self.bestand)}
        self.laad()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.refresh_bindings()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._breedte and self.regels:
            self._toon(*self._positie())

    # --- what is listed -----------------------------------------------------------------------

    def watch_toon(self, nieuw: Toon) -> None:
        # Only 'te laat' narrows the list so that the cursor's action may go: then back to the top.
        self.laad(terugval=0 if nieuw.alleen_te_laat else None)

    def watch_sorteer(self) -> None:
        self.laad()

    def watch_filter(self) -> None:
        self.laad(terugval=0)

    # --- loading and showing ------------------------------------------------------------------

    def _vandaag(self) -> dt.date:
        return self.vandaag or dt.date.today()

    def huidige_regel(self) -> ActieRegel | None:
        tabel = self.query_one("#acties", DataTable)
        if not self.regels or not 0 <= tabel.cursor_row < len(self.regels):
            return None
        return self.regels[tabel.cursor_row]

    def _positie(self) -> tuple[int | None, int]:
        """The highlighted action's id and row, to come back to after a refresh."""
        regel = self.huidige_regel()
        return (regel.id if regel else None), self.query_one("#acties", DataTable).cursor_row

    def laad(self, terugval: int | None = None) -> None:
        """Query the rows again; keep the cursor on the same action, else on row `terugval`
        (default: the row it was on, which then holds the action that took its place)."""
        actie_id, rij = self._positie()
        filters = dict(
            alleen_open=self.toon.alleen_open,
            partij_id=self.filter.partij_id,
            persoon_id=self.filter.persoon_id,
            subthema=self.filter.subthema,
            alleen_te_laat=self.toon.alleen_te_laat,
            vandaag=self._vandaag(),
        )
        self.regels = actielijst(self.bestand, sorteer=self.sorteer, limiet=MAX_RIJEN + 1, **filters)
        self.telling = tel(self.bestand, **filters) if len(self.regels) > MAX_RIJEN else None
        self._toon(actie_id, rij if terugval is None else terugval)

    def _toon(self, actie_id: int | None, rij: int) -> None:
        """Fill the table with `self.regels`, columns sized to the current width."""
        tabel = self.query_one("#acties", Actietabel)
        self._breedte = self.app.size.width
        # The table's width less the scrollbar gutter (always reserved, see the .tcss).
        breedtes = kolombreedtes(
            max(self._breedte - 1, 40),
            nr=max((len(r.code) for r in self.regels), default=0),
            wie=max((len(wie_tekst(r.persoon, r.partij)) for r in self.regels), default=0),
            subthema=max((len(r.subthema_nummer) for r in self.regels), default=0),
            deadline=10,
            status=max((len(self._status(r)) for r in self.regels), default=0),
        )
        tabel.clear(columns=True)
        for kolom in KOLOMMEN:
            tabel.add_column(Text(kolom), width=breedtes[kolom], key=kolom)
        getoond = self.regels[:MAX_RIJEN]
        tabel.vul([partial(self._cellen, r, breedtes["Wie"]) for r in getoond])
        if getoond:
            ids = [r.id for r in getoond]
            if actie_id in ids:
                rij = ids.index(actie_id)
            tabel.move_cursor(row=min(max(rij, 0), len(ids) - 1), animate=False)
        self.query_one("#filterbalk", Static).update(self._filterbalk())
        keuze = dict(alleen_open=self.toon.alleen_open, alleen_te_laat=self.toon.alleen_te_laat, gefilterd=self.filter.actief)
        tekst = samenvatting(self.regels, **keuze)
        if self.telling is not None:
            tekst = samenvatting_telling(self.telling, **keuze)
            tekst += f" (de eerste {MAX_RIJEN} staan in de lijst; f filtert, s sorteert)"
        self.query_one("#samenvatting", Static).update(letterlijk(tekst))
        self.refresh_bindings()

    @staticmethod
    def _status(regel: ActieRegel) -> str:
        return TE_LAAT if regel.te_laat else str(regel.status)

    def _cellen(self, regel: ActieRegel, wie_breedte: int) -> list[Cel]:
        basis = "" if regel.status is ActieStatus.OPEN else self.kleuren.gedempt
        opvallend = self.stijl_te_laat if regel.te_laat else basis
        wie = wie_tekst(regel.persoon, regel.partij, wie_breedte) or "–"
        gedempt = self.kleuren.gedempt
        return [
            Cel(regel.code, opvallend),
            Cel(" ".join(regel.wat.split()), basis),
            Cel(wie, basis if regel.persoon or regel.partij else gedempt),
            Cel(regel.subthema_nummer or "–", basis if regel.subthema_nummer else gedempt),
            Cel(toon_datum(regel.deadline) or "geen", opvallend if regel.deadline else gedempt),
            Cel(self._status(regel), opvallend),
        ]

    def _filterbalk(self) -> Text:
        toon = TE_LAAT if self.toon.alleen_te_laat else ("open" if self.toon.alleen_open else "alle")
        filters = []
        if self.filter.partij_id is not None:
            partij = self.partijen.get(self.filter.partij_id)
            filters.append(partij.code if partij else "?")
        if self.filter.persoon_id is not None:
            persoon = self.personen.get(self.filter.persoon_id)
            filters.append(persoon.naam if persoon else "?")
        if self.filter.subthema is not None:
            filters.append(f"subthema {self.filter.subthema}")
        tekst = Text(no_wrap=True, overflow="ellipsis")
        for i, (label, waarde) in enumerate((("Toon", toon), ("Sortering", self.sorteer), ("Filter", ", ".join(filters) or "geen"))):
            if i:
                tekst.append("   ")
            tekst.append(f"{label}: ", style=self.kleuren.gedempt)
            tekst.append(zichtbaar(waarde), style="bold")
        return tekst

    # --- colours ------------------------------------------------------------------------------

    def _lees_kleuren(self) -> None:
        variabelen = self.app.get_css_variables()
        self.kleuren = Kleuren.uit_thema(variabelen)
        fout = next((v for v in (variabelen.get("text-error"), variabelen.get("error")) if v and v.startswith("#")), "red")
        self.stijl_te_laat = f"bold {fout[:7]}"

    def _thema_gewijzigd(self, _thema: Theme) -> None:
        self._lees_kleuren()
        self._toon(*self._positie())

    # --- actions ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("gereed", "heropenen"):
            # The footer offers what can be done to the highlighted action: 'Gereed' for an open
            # one, 'Heropenen' for a finished one (listed only under 'alle').
            regel = self.huidige_regel() if self.is_mounted else None
            return regel is not None and (regel.status is ActieStatus.OPEN) == (action == "gereed")
        if action == "toon":
            toont_alle = self.toon == Toon(alleen_open=False)
            return parameters == (("open",) if toont_alle else ("alle",))
        return True

    def _zet_status(self, status: ActieStatus) -> None:
        regel = self.huidige_regel()
        if regel is None:
            self.notify("Er is geen actiepunt gekozen.", severity="warning")
            return
        if regel.status is status:
            self.notify(f"{regel.code} is al {status}.")
            return
        try:
            zet_actiestatus(self.bestand, regel.id, status, self._vandaag())
        except NietGevonden:
            self.notify(f"{regel.code} bestaat niet meer; de lijst is bijgewerkt.", severity="warning")
        except (TripartietFout, sqlite3.Error) as fout:
            self.notify(f"{regel.code} is niet gewijzigd: {fout}", title="Niet vastgelegd", severity="error", timeout=10, markup=False)
            return
        else:
            self.notify(f"{regel.code} is gereed" if status is ActieStatus.GEREED else f"{regel.code} is weer open")
        # A row that drops out of the list leaves the cursor on the row that took its place.
        self.laad(terugval=self.query_one("#acties", DataTable).cursor_row)

    def action_gereed(self) -> None:
        self._zet_status(ActieStatus.GEREED)

    def action_heropenen(self) -> None:
        self._zet_status(ActieStatus.OPEN)

    def action_toon(self, welke: str) -> None:
        """'alle' or 'open'; either way the 'te laat' filter is switched off."""
        self.toon = Toon(alleen_open=welke == "open")

    def action_wissel_te_laat(self) -> None:
        self.toon = replace(self.toon, alleen_te_laat=not self.toon.alleen_te_laat)

    def action_sorteer(self) -> None:
        self.sorteer = SORTERINGEN[(SORTERINGEN.index(self.sorteer) + 1) % len(SORTERINGEN)]

    def action_filter(self) -> None:
        partijen = list(self.partijen.values())
        codes = {p.id: p.code for p in partijen}
        scherm = ActiefilterScherm(
            self.filter,
            partijen=[(letterlijk(f"{p.naam} ({p.code})"), p.id) for p in partijen],
            personen=[(letterlijk(wie_tekst(p.naam, codes.get(p.partij_id, ""))), p.id) for p in self.personen.values()],
            subthemas=[(letterlijk(s.titel), s.nummer) for s in self.bestand.kader().subthemas],
        )
        self._uit_filtervenster = True
        self.app.push_screen(scherm, self._filter_gekozen)

    def _filter_gekozen(self, keuze: Actiefilter | None) -> None:
        if keuze is not None:
            self.filter = keuze  # the same choice again is no change, and loads nothing

    def action_terug(self) -> None:
        self.dismiss(None)
