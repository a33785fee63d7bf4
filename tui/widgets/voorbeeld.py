"""The export screen's preview: the Markdown as a renderer shows it, built a step at a time.

Separate from the screen because it is its own concept (what is rendered, how tables are drawn);
the screen decides when to build and fill it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich import box
from rich.table import Table
from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Markdown, Static
from textual.widgets._markdown import MarkdownBlock, MarkdownTable  # not exported by Textual; pinned at 8.2.8

from tui.weergave import letterlijk

# Textual's Markdown widget takes about a second per 20 kB; past this size the preview shows the
# beginning only (the file always gets everything). A realistic file's documents fit.
VOORBEELD_MAXIMUM = 60_000
# Long tables are shown as tables of this many rows, each with the header: one Rich table of
# hundreds of rows takes longer to lay out than a step may take.
TABELRIJEN = 30


def kap(tekst: str, maximum: int) -> tuple[str, bool]:
    """The first `maximum` characters of `tekst`, cut at a blank line if there is one; and whether it was cut."""
    if len(tekst) <= maximum:
        return tekst, False
    einde = tekst.rfind("\n\n", 0, maximum)
    return tekst[: einde + 1 if einde > 0 else maximum], True


def voorbeeldtekst(tekst: str) -> str:
    """The Markdown the preview renders: the beginning of `tekst`, long tables cut into short ones."""
    voorbeeld, gekapt = kap(tekst, VOORBEELD_MAXIMUM)
    uit: list[str] = []
    kop: list[str] = []
    rijen = 0
    for regel in voorbeeld.splitlines():
        if not regel.startswith("|"):
            kop, rijen = [], 0
        elif len(kop) < 2:
            kop.append(regel)  # the header and its |---| line
        elif rijen == TABELRIJEN:
            uit += ["", *kop]
            rijen = 1
        else:
            rijen += 1
        uit.append(regel)
    voorbeeld = "\n".join(uit) + "\n"
    if gekapt:
        voorbeeld += "\n---\n\nHet voorbeeld toont het begin; het bestand krijgt het hele document.\n"
    return voorbeeld


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


# What can run on past a blank line and a heading: fenced code, HTML, link definitions (used
# anywhere in the text). The export escapes its users' text, so only a template brings them.
_DOORLOPEND = re.compile(r"^ {0,3}(```|~~~|<|\[)", re.MULTILINE)
_HOOFDSTUK = re.compile(r"(?<=\n\n)(?=#)")  # a blank line, then a line starting with '#'


def tokens(voorbeeld: str) -> Iterator[Token]:
    """The tokens of `voorbeeld`, parsed a part at a time as they are asked for: the preview's
    first step needs only its beginning, and all of the longest preview (60 kB) takes 15 ms.
    Cut before a line starting with '#' after a blank line, each part parses as it does in the
    whole (no list, table or paragraph goes on there); line numbers count from the top."""
    if _DOORLOPEND.search(voorbeeld):
        yield from parser().parse(voorbeeld)
        return
    md = parser()
    regel = 0
    for deel in _HOOFDSTUK.split(voorbeeld):
        for token in md.parse(deel):
            if regel and token.map:
                token.map = [token.map[0] + regel, token.map[1] + regel]
            yield token
        regel += deel.count("\n")


class _Tabeldeel:
    """A part of a table (head, body, row, cell) as plain data. Textual makes a widget of every
    cell, never mounted here (VoorbeeldTabel draws one Rich table), yet each holds its styles and
    caches, some hundred objects in reference cycles: on the 100x file's tables that was a third of
    the export screen's objects, and every full collection walked them until the screen closed."""

    def __init__(self, _markdown: Markdown, _token: Token) -> None:
        self._blocks: list[_Tabeldeel] = []
        self._content = Content("")

    def build_from_token(self, token: Token) -> None:
        self._content = MarkdownBlock._token_to_content(self, token)  # type: ignore[arg-type]  (uses no widget state)


class _Tabelkop(_Tabeldeel):
    pass


class VoorbeeldTabel(MarkdownTable):
    """A table as one Rich table instead of a widget per cell: twice as fast, and long cells wrap
    instead of being cut off with '…'.

    The cells are plain text (escaped user text), so nothing of their Markdown is lost; they go in
    as Text, never as strings, which Rich would read as markup ('[b]' in a note).
    """

    DEFAULT_CSS = "VoorbeeldTabel { height: auto; } VoorbeeldTabel > Static { width: 100%; }"

    def _get_headers_and_rows(self) -> tuple[list[Content], list[list[Content]]]:
        koppen: list[Content] = []
        rijen: list[list[Content]] = []
        for deel in self._blocks:  # the head, then the body
            for rij in deel._blocks:
                cellen = [cel._content for cel in rij._blocks]
                if isinstance(deel, _Tabelkop):
                    koppen += cellen
                elif cellen:
                    rijen.append(cellen)
        return koppen, rijen

    def compose(self) -> ComposeResult:
        koppen, rijen = self._get_headers_and_rows()
        self._blocks.clear()  # the table is drawn: its parts are no longer needed
        tabel = Table(box=box.ROUNDED, expand=True, header_style="bold")
        for i, kop in enumerate(koppen):
            # Short columns (numbers, dates, codes) as wide as their text; long texts share the rest.
            langste = max([len(kop.plain), *(len(rij[i].plain) for rij in rijen if i < len(rij))])
            tabel.add_column(letterlijk(kop.plain), ratio=1 if langste > 30 else None)
        for rij in rijen:
            tabel.add_row(*(letterlijk(cel.plain) for cel in rij))
        yield Static(tabel)


class Voorbeeld(Markdown):
    """The export as a renderer shows it: CommonMark with tables, links not followed."""

    BLOCKS = {
        **Markdown.BLOCKS,
        "table_open": VoorbeeldTabel,
        "thead_open": _Tabelkop,
        **{naam: _Tabeldeel for naam in ("tbody_open", "tr_open", "th_open", "td_open")},
    }

    def _on_mount(self, event: events.Mount) -> None:
        # Markdown's own (Textual runs every class's in turn unless stopped) parses and mounts an
        # empty document, with a parser made for it, on the way to the export screen's first
        # view; the screen fills the preview itself. Widget's, also skipped, only sets scrollbars
        # for `overflow: scroll`, which this has not.
        event.prevent_default()
