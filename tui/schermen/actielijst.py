"""The action list: the open actions of all meetings, to walk through at 'Actielijst doorlopen'.

One table, filled by one query (`opslag.actielijst`). Filters and sorting live on the screen;
every change reloads the rows into the same table and keeps the cursor on the same action, or
on the row that took its place. Overdue actions are marked in words ("te laat") and in the
theme's error colour, so they stand out in every colour scheme and without colour.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text
from opslag.verbinding import NietGevonden
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.theme import Theme
from textual.widgets import DataTable, Header, Label, Select, Static
from textual.widgets.data_table import ColumnKey, Row, RowKey

from opslag.actielijst import SORTERINGEN, ActieRegel, Sortering, Telling, actielijst, tel
from opslag.datums import toon_datum
from opslag.fouten import TripartietFout
from opslag.modellen import ActieStatus
from opslag.notulen import personen, zet_actiestatus
from opslag.tekst import zichtbaar
from tui.widgets.voettekst import Voettekst
from tui.weergave import Kleuren, letterlijk

KOLOMMEN = ("Nr", "Actie", "Wie", "Subthema", "Deadline", "Status")
CELMARGE = 1  # DataTable cell_padding: this many spaces either side of every cell
MIN_ACTIE = 12
TE_LAAT = "te laat"


@dataclass(frozen=True)
class Actiefilter:
    """The choices of the filter window; None means '(alle)'."""

    partij_id: int | None = None
    persoon_id: int | None = None
    subthema: str | None = None

    @property
    def actief(self) -> bool:
        return (self.partij_id, self.persoon_id, self.subthema) != (None, None, None)


# --- text of the cells ------------------------------------------------------------------------


class Cel:
    """A table cell: one line of text in one style, cut with '…' when the column is too narrow.

    Not a str, which DataTable would read as markup (user text may hold '['), and not a Text
    either: this offers no `__rich_measure__`, so DataTable does not measure six cells of every
    row for columns whose width this screen sets itself, and the Text is only built for rows
    that are drawn. Both made a list of thousands of actions seconds slower to show.
    """

    __slots__ = ("stijl", "tekst")

    def __init__(self, tekst: str, stijl: str = "") -> None:
        self.tekst = tekst
        self.stijl = stijl

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Built only when the row is drawn (and then cached by DataTable), not for every row; one
        # Segment, as a one-line Text without wrapping would give, at a quarter of the cost.
        tekst = zichtbaar(self.tekst)
        if cell_len(tekst) > options.max_width:
            tekst = set_cell_size(tekst, max(options.max_width - 1, 0)) + "…"
        yield Segment(tekst, console.get_style(self.stijl) if self.stijl else None)

    def __str__(self) -> str:
        return self.tekst


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


def kolombreedtes(totaal: int, *, nr: int, wie: int, subthema: int, deadline: int, status: int) -> dict[str, int]:
    """Widths of the columns' content for a table `totaal` cells wide.

    Nr, Subthema, Deadline and Status get what their content needs; Wie gets up to 45% of the
    rest (names are shortened, see `wie_tekst`); Actie takes whatever remains.
    """
    vast = {
        "Nr": max(len("Nr"), nr),
        "Subthema": max(len("Subthema"), subthema),
        "Deadline": max(len("Deadline"), deadline),
        "Status": max(len("Status"), status),
    }
    rest = totaal - 2 * CELMARGE * len(KOLOMMEN) - sum(vast.values())
    wie_breedte = max(len("Wie"), min(wie, max(10, rest * 45 // 100)))
    return vast | {"Wie": wie_breedte, "Actie": max(MIN_ACTIE, rest - wie_breedte)}


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


# A table row costs memory for every cell; past this many a list is searched with f, not scrolled.
MAX_RIJEN = 500


def samenvatting_telling(telling: Telling, *, alleen_open: bool, alleen_te_laat: bool, gefilterd: bool) -> str:
    """The summary line from counts, for lists longer than the table shows."""
    bij_filter = " bij dit filter" if gefilterd else ""
    if alleen_te_laat:
        return f"{telling.aantal} actiepunten te laat{bij_filter}"
    if alleen_open:
        return f"{telling.aantal} open actiepunten{bij_filter}, waarvan {telling.te_laat} te laat"
    return f"{telling.aantal} actiepunten{bij_filter}, waarvan {telling.open} open en {telling.te_laat} te laat"


class Actietabel(DataTable):
    """A DataTable that can take thousands of rows at once.

    `add_rows` adds row by row, updating the cursor and measuring every cell each time: 40,000
    actions took seconds. Here every row is one line high and every column has a set width,
    so none of that is needed. The bulk fill uses DataTable internals of the pinned Textual
    (pyproject pins it exactly) and falls back to `add_rows` if they are not there.
    """

    _INTERN = ("_row_locations", "_data", "_require_update_dimensions", "_update_count")

    def vul(self, rijen: list[Callable[[], list[Cel]]]) -> None:
        """Fill an empty table with rows whose cells are made when first drawn."""
        if self.rows or not all(hasattr(self, naam) for naam in self._INTERN):
            self.add_rows([maak() for maak in rijen])
            return
        kolommen = [kolom.key for kolom in self.ordered_columns]
        locaties, data, regels = self._row_locations, self._data, self.rows
        for maak in rijen:
            sleutel = RowKey()
            locaties[sleutel] = len(regels)
            data[sleutel] = _Rij(kolommen, maak)
            regels[sleutel] = Row(sleutel, height=1)
        self._require_update_dimensions = True
        self._update_count += 1
        self.cursor_coordinate = self.cursor_coordinate
        self.check_idle()
        self.refresh()


class _Rij(dict):
    """A row's cells by column, made on the first look-up: of the 500 rows a filter loads only
    the few on screen are drawn, and making six cells for every row cost a quarter of the wait.

    DataTable reads a row's cells by key (`get_row`, `get_cell`), which ends here when missing.
    """

    __slots__ = ("_kolommen", "_maak")

    def __init__(self, kolommen: list[ColumnKey], maak: Callable[[], list[Cel]]) -> None:
        super().__init__()
        self._kolommen = kolommen
        self._maak = maak

    def __missing__(self, kolom: ColumnKey) -> Cel:
        cellen = dict(zip(self._kolommen, self._maak()))
        self.update(cellen)
        return cellen[kolom]


# --- the filter window ------------------------------------------------------------------------


class ActiefilterScherm(ModalScreen[Actiefilter]):
    """Three choices, each '(alle)' or one value; Escape applies them and closes."""

    BINDINGS = [
        Binding("escape", "toepassen", "Toepassen", key_display="Esc", id="toepassen"),
        Binding("delete", "wissen", "Alles wissen", id="wissen"),
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

    def compose(self) -> ComposeResult:
        waarden = {"partij": self.huidig.partij_id, "persoon": self.huidig.persoon_id, "subthema": self.huidig.subthema}
        with Vertical(id="filterkeuze"):
            yield Label("Actielijst filteren", id="filtertitel")
            for naam, titel in (("partij", "Partij"), ("persoon", "Persoon"), ("subthema", "Subthema")):
                opties = self.keuzes[naam]
                waarde = waarden[naam]
                bekend = waarde in {w for _, w in opties}
                yield Label(titel, classes="veldnaam")
                yield Select(opties, prompt="(alle)", value=waarde if bekend else Select.NULL, id=f"filter-{naam}")
            yield Label("Esc: toepassen en sluiten   Del: alles wissen", id="filterhulp")

    def _waarde(self, naam: str) -> int | str | None:
        waarde = self.query_one(f"#filter-{naam}", Select).value
        return None if waarde is Select.NULL else waarde

    def action_toepassen(self) -> None:
        self.dismiss(Actiefilter(self._waarde("partij"), self._waarde("persoon"), self._waarde("subthema")))

    def action_wissen(self) -> None:
        for select in self.query(Select):
            select.clear()


# --- the screen -------------------------------------------------------------------------------


class ActielijstScherm(Screen[None]):
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

    def __init__(self, vandaag: dt.date | None = None) -> None:
        """`vandaag` fixes 'today' (for overdue and the date of 'gereed'); None is the real today."""
        super().__init__()
        self.vandaag = vandaag
        self.alleen_open = True
        self.alleen_te_laat = False
        self.sorteer: Sortering = "deadline"
        self.filter = Actiefilter()
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
        self.sub_title = self.app.bestand.gemeente().naam
        self._lees_kleuren()
        self.app.theme_changed_signal.subscribe(self, self._thema_gewijzigd)

    def on_unmount(self) -> None:
        # The signal keeps its subscribers in a WeakKeyDictionary whose value, the callback,
        # refers to the screen: without this every closed list, its 500 rows with it, stayed alive.
        self.app.theme_changed_signal.unsubscribe(self)

    def on_screen_resume(self) -> None:
        # Also on the first show, and after another screen closes: actions, people or parties
        # may have been added or changed meanwhile. The filter window changes nothing in the
        # file, and its choice is loaded by `_filter_gekozen`: loading again doubled the wait.
        if self._uit_filtervenster:
            self._uit_filtervenster = False
            return
        bestand = self.app.bestand
        self.partijen = {p.id: p for p in bestand.partijen()}
        self.personen = {p.id: p for p in personen(bestand)}
        self.laad()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.refresh_bindings()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._breedte and self.regels:
            self._toon(*self._positie())

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
            alleen_open=self.alleen_open,
            partij_id=self.filter.partij_id,
            persoon_id=self.filter.persoon_id,
            subthema=self.filter.subthema,
            alleen_te_laat=self.alleen_te_laat,
            vandaag=self._vandaag(),
        )
        self.regels = actielijst(self.app.bestand, sorteer=self.sorteer, limiet=MAX_RIJEN + 1, **filters)
        self.telling = tel(self.app.bestand, **filters) if len(self.regels) > MAX_RIJEN else None
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
        tekst = samenvatting(self.regels, alleen_open=self.alleen_open, alleen_te_laat=self.alleen_te_laat, gefilterd=self.filter.actief)
        if self.telling is not None:
            tekst = samenvatting_telling(self.telling, alleen_open=self.alleen_open, alleen_te_laat=self.alleen_te_laat,
                                         gefilterd=self.filter.actief)
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
        toon = TE_LAAT if self.alleen_te_laat else ("open" if self.alleen_open else "alle")
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
            toont_alle = not self.alleen_open and not self.alleen_te_laat
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
            zet_actiestatus(self.app.bestand, regel.id, status, self._vandaag())
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
        self.alleen_open = welke == "open"
        self.alleen_te_laat = False
        self.laad()

    def action_wissel_te_laat(self) -> None:
        self.alleen_te_laat = not self.alleen_te_laat
        self.laad(terugval=0)

    def action_sorteer(self) -> None:
        self.sorteer = SORTERINGEN[(SORTERINGEN.index(self.sorteer) + 1) % len(SORTERINGEN)]
        self.laad()

    def action_filter(self) -> None:
        partijen = list(self.partijen.values())
        codes = {p.id: p.code for p in partijen}
        scherm = ActiefilterScherm(
            self.filter,
            partijen=[(letterlijk(f"{p.naam} ({p.code})"), p.id) for p in partijen],
            personen=[(letterlijk(wie_tekst(p.naam, codes.get(p.partij_id, ""))), p.id) for p in self.personen.values()],
            subthemas=[(letterlijk(s.titel), s.nummer) for s in self.app.bestand.kader().subthemas],
        )
        self._uit_filtervenster = True
        self.app.push_screen(scherm, self._filter_gekozen)

    def _filter_gekozen(self, keuze: Actiefilter | None) -> None:
        if keuze is not None and keuze != self.filter:
            self.filter = keuze
            self.laad(terugval=0)

    def action_terug(self) -> None:
        self.dismiss(None)
