"""The action list's table: cells drawn only when seen, columns sized by the screen, bulk filling.

What makes a list of thousands of actions show quickly lives here; what the rows say is the
action list screen's (tui/schermen/actielijst.py).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from textual import events
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, Row, RowKey

from opslag.tekst import zichtbaar

KOLOMMEN = ("Nr", "Actie", "Wie", "Subthema", "Deadline", "Status")
CELMARGE = 1  # DataTable cell_padding: this many spaces either side of every cell
MIN_ACTIE = 12


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


def kolombreedtes(totaal: int, *, nr: int, wie: int, subthema: int, deadline: int, status: int) -> dict[str, int]:
    """Widths of the columns' content for a table `totaal` cells wide.

    Nr, Subthema, Deadline and Status get what their content needs; Wie gets up to 45% of the
    rest (names are shortened, see `wie_tekst` in the screen); Actie takes whatever remains.
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


class Actietabel(DataTable):
    """A DataTable that can take thousands of rows at once.

    `add_rows` adds row by row, updating the cursor and measuring every cell each time: 40,000
    actions took seconds. Here every row is one line high and every column has a set width,
    so none of that is needed. The bulk fill uses DataTable internals of the pinned Textual
    (pyproject pins it exactly) and falls back to `add_rows` if they are not there.
    """

    _INTERN = ("_row_locations", "_data", "_require_update_dimensions", "_update_count")

    def _on_resize(self, event: events.Resize) -> None:
        """DataTable counts a resize as an update, which makes every visible row be drawn anew.
        Its first layout sends one, so a freshly opened list drew all its rows twice. A row here
        looks the same at any size (the columns have set widths; the screen fills the table
        again when the width changes), so the rows it drew stay good."""
        event.prevent_default()

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
