"""A long text to read (a history, the commitments per party) that shows before it is all rendered.

A Static holding one Group of everything made Textual measure, wrap and render the whole text,
more than once, before the screen could show: on the 100x file's inzet some 2,400 lines, near a
second with the UI blocked. This widget gets the text as a sequence of Rich renderables (blocks,
which may be built lazily), renders only the blocks that fill the view before its first paint,
and the rest in short slices with the event loop free between them, the scroll range growing as
it goes. A new width renders again the same way, the old lines shown until the new ones reach
the block that was at the top.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

# One slice of rendering at most this long (s): a key pressed meanwhile waits no longer.
SNEDE = 0.010
# Lines rendered beyond the view before the first paint, so the first PgDn needs no wait.
MARGE = 20


class _Weergave:
    """The blocks rendered at one width: their lines, and the line each block begins on."""

    def __init__(self, breedte: int) -> None:
        self.breedte = breedte
        self.regels: list[Strip] = []
        self.begin: list[int] = []  # per rendered block

    @property
    def blokken(self) -> int:
        return len(self.begin)

    def lengte(self, blok: int) -> int:
        einde = self.begin[blok + 1] if blok + 1 < len(self.begin) else len(self.regels)
        return einde - self.begin[blok]

    def blok_op(self, regel: int) -> int:
        """The block shown on line `regel`."""
        return max(bisect_right(self.begin, regel) - 1, 0)


class Leesvak(ScrollView, can_focus=True):
    """Read-only text in blocks; up, down, PgUp, PgDn, Home and End as in any scrolling view.
    End while the text is still being rendered goes on to the end as the end becomes known."""

    DEFAULT_CSS = "Leesvak { overflow-x: hidden; }"

    def __init__(self, blokken: Iterable[RenderableType], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._bron: Iterator[RenderableType] | None = iter(blokken)
        self._blokken: list[RenderableType] = []
        self._toon: _Weergave | None = None  # what the view shows
        self._bouw: _Weergave | None = None  # what is being rendered: the same, or one at a new width
        self._anker = 0  # the block to show at the top once `_bouw` is shown
        self._anker_deel = 0.0  # and how far into it the view began
        self._naar_einde = False
        self._vult = False  # a slice is waiting for the next refresh
        self.regels_gerenderd = 0
        """Lines rendered so far, over all widths (tests count laziness with it)."""
        self.regels_voor_eerste_beeld: int | None = None
        """Lines there were when the view was first painted."""

    # --- what there is --------------------------------------------------------------------

    @property
    def klaar(self) -> bool:
        """Everything rendered at the width shown."""
        return self._bron is None and self._toon is not None and self._toon is self._bouw and self._toon.blokken == len(self._blokken)

    def tekst(self) -> str:
        """All text rendered so far, line by line, without trailing spaces (for tests and checks)."""
        return "\n".join(regel.text.rstrip() for regel in (self._toon.regels if self._toon else []))

    def _blok(self, index: int) -> RenderableType | None:
        while index >= len(self._blokken) and self._bron is not None:
            try:
                self._blokken.append(next(self._bron))
            except StopIteration:
                self._bron = None
        return self._blokken[index] if index < len(self._blokken) else None

    # --- rendering ------------------------------------------------------------------------

    def _doelbreedte(self, breedte: int | None = None) -> int:
        """The width to render at: the content's, less the scrollbar unless all of it fits."""
        breedte = self.content_region.width if breedte is None else breedte
        weergave = self._toon
        past = weergave is not None and self.klaar and len(weergave.regels) <= self.content_region.height
        return max(breedte - (0 if past else self.styles.scrollbar_size_vertical), 1)

    def _render_blok(self, weergave: _Weergave) -> bool:
        """Render the next block into `weergave`; False when there is none."""
        blok = self._blok(weergave.blokken)
        if blok is None:
            return False
        console = self.app.console
        opties = self.app.console_options.update(highlight=False, width=weergave.breedte, height=None)
        lijnen = Segment.split_and_crop_lines(console.render(blok, opties), weergave.breedte, include_new_lines=False, pad=False)
        weergave.begin.append(len(weergave.regels))
        nieuw = [Strip(lijn) for lijn in lijnen]
        weergave.regels.extend(nieuw)
        self.regels_gerenderd += len(nieuw)
        return True

    def _vul(self, *, tot_regel: int = 0, tot: float = 0.0) -> None:
        """Render blocks into `_bouw` until it has `tot_regel` lines (past the anchor when it is
        not yet shown) or the clock passes `tot`, whichever is later; then show what there is."""
        bouw = self._bouw
        if bouw is None:
            return
        while self._render_blok(bouw):  # at least one: a slice always gets on
            nodig = tot_regel if bouw is self._toon else (bouw.begin[self._anker] if self._anker < bouw.blokken else 1 << 30) + tot_regel
            if len(bouw.regels) >= nodig and time.perf_counter() >= tot:
                break
        self._werk_bij()

    def _werk_bij(self) -> None:
        bouw = self._bouw
        if bouw is None:
            return
        if bouw is not self._toon:
            alles = self._bron is None and bouw.blokken == len(self._blokken)
            if not (alles or self._anker < bouw.blokken and len(bouw.regels) - bouw.begin[self._anker] >= self.size.height):
                return
            self._toon = bouw
            self.virtual_size = Size(bouw.breedte, len(bouw.regels))
            if self._anker < bouw.blokken:
                y = bouw.begin[self._anker] + int(self._anker_deel * bouw.lengte(self._anker))
                self.scroll_to(y=y, animate=False)
        self.virtual_size = Size(bouw.breedte, len(bouw.regels))
        if self._naar_einde:
            self.scroll_to(y=self.max_scroll_y, animate=False)
            self._naar_einde = not self.klaar
        if self.klaar and self._doelbreedte() != bouw.breedte:
            self._nieuwe_breedte()  # it all fits: without the room kept for a scrollbar

    def _nieuwe_breedte(self, inhoudsbreedte: int | None = None) -> None:
        breedte = self._doelbreedte(inhoudsbreedte)
        if breedte <= 1 or (self._bouw is not None and self._bouw.breedte == breedte):
            return
        bouw = _Weergave(breedte)
        if self._toon is None:
            self._toon = bouw
            self._anker = 0
        else:
            y = round(self.scroll_y)
            self._anker = self._toon.blok_op(y)
            if self._anker < self._toon.blokken:
                self._anker_deel = (y - self._toon.begin[self._anker]) / max(self._toon.lengte(self._anker), 1)
        self._bouw = bouw
        if self._anker == 0:  # further down, the old lines stay until the slices reach the anchor
            self._vul(tot_regel=(self.size.height or self.app.size.height) + MARGE)
        if self.regels_voor_eerste_beeld is not None:  # else from the first paint on
            self._vul_verder()

    def _vul_verder(self) -> None:
        if not self._vult and not self.klaar:
            self._vult = True
            self.call_after_refresh(self._snede)

    def _snede(self) -> None:
        """One slice of the rest, then the next after the screen is refreshed: keys and paints
        get their turn between slices (with only the event loop's turn between them, a
        callback waiting for a refresh waited for nearly all of them)."""
        self._vult = False
        if self.klaar or not self.is_attached:
            return
        self._vul(tot=time.perf_counter() + SNEDE)
        self._vul_verder()

    def on_resize(self, event: events.Resize) -> None:
        self._nieuwe_breedte()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # With height auto (a dialog that grows with its text) the first layout asks how high the
        # text is: render the first view now, or the first paint shows an empty frame.
        if self._bouw is None and width > 0:
            self._nieuwe_breedte(width)
        return super().get_content_height(container, viewport, width)

    def render_line(self, y: int) -> Strip:
        if self.regels_voor_eerste_beeld is None:
            if self._bouw is None:
                self._nieuwe_breedte()  # painted before its first Resize was handled
            self.regels_voor_eerste_beeld = self.regels_gerenderd
            self._vul_verder()
        scroll_x, scroll_y = self.scroll_offset
        breedte = self.scrollable_content_region.width
        weergave = self._toon
        index = scroll_y + y
        if weergave is None or index >= len(weergave.regels):
            return Strip.blank(breedte, self.rich_style)
        stijl = self.rich_style
        # The padding as a Static's: the background only.
        return weergave.regels[index].apply_style(stijl).crop_extend(scroll_x, scroll_x + breedte, Style(bgcolor=stijl.bgcolor))

    # --- keys -----------------------------------------------------------------------------

    def action_scroll_end(self) -> None:
        self._naar_einde = not self.klaar
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_scroll_home(self) -> None:
        self._naar_einde = False
        super().action_scroll_home()

    def action_scroll_up(self) -> None:
        self._naar_einde = False
        super().action_scroll_up()

    def action_page_up(self) -> None:
        self._naar_einde = False
        super().action_page_up()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._naar_einde = False
