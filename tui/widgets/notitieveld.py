"""The note of an agenda item, which saves itself: the minute-taker never saves by hand.

At most half a second after the first unsaved key (also while typing on without a pause), when
the field loses focus and when it is removed; the screen also asks for it before leaving the item
(`bewaar`), and stays when that fails. Its heading says whether the text is in the file:
'wordt bewaard…', 'bewaard 14:03:12' or 'NIET BEWAARD', and then the text stays on screen."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from textual import events, on
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Label, TextArea

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.fouten import TripartietFout
from tui.widgets.veilig import Tekstvak

BEWAAR_NA = 0.5  # seconds after the first unsaved key; killing the terminal loses at most this much
KOP = "Aantekeningen"


class Notitieveld(Tekstvak):
    """The field with its heading (`kop`), which the screen places above it: a container around the
    two would cost a layout pass on every step to the next item."""

    @dataclass
    class Bewaard(Message):
        """The note of item `punt_id` is in the file as `tekst`."""

        punt_id: int
        tekst: str
        tijd: dt.datetime

    @dataclass
    class NietBewaard(Message):
        """Saving failed; `reden` says why, in Dutch, for the minute-taker. The text stays on screen."""

        reden: str

    def __init__(self, bestand: Gemeentebestand, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        self.bestand = bestand
        self.punt_id: int | None = None
        self.onbewaard = False
        self._timer: Timer | None = None
        self._reden = ""  # why the note is locked, said when a key would type (`vergrendel`)
        self._gemeld = 0.0
        self.kop = Label(KOP, id=f"{id}kop" if id else None, classes="kop")

    @property
    def tekst(self) -> str:
        return self.text

    def toon(self, punt_id: int, tekst: str) -> None:
        """Show the note of another item; the caller has saved the previous one (`bewaar`)."""
        self.punt_id = punt_id
        with self.prevent(TextArea.Changed):
            self.load_text(tekst)
        self.move_cursor(self.document.end)  # typing continues the note, never in front of it
        self.kop.update(KOP)

    def vergrendel(self, aan: bool = True, reden: str = "") -> None:
        """A read-only file or a closed meeting: the note can be read, not typed in; a key that
        would type says `reden`, so typing into a locked note never looks like a lost keystroke."""
        self.read_only = aan
        self._reden = reden if aan else ""
        self._gemeld = 0.0

    async def _on_key(self, event: events.Key) -> None:
        if self.read_only and self._reden and (event.is_printable or event.key in ("enter", "backspace", "delete")):
            nu = time.monotonic()
            if nu - self._gemeld > 5:  # once, not a message per key while someone types on
                self._gemeld = nu
                self.notify(self._reden, title="Niet getypt", severity="warning", timeout=6)
        await super()._on_key(event)

    @on(TextArea.Changed)
    def _getypt(self, event: TextArea.Changed) -> None:
        event.stop()
        self.onbewaard = True
        # A maximum wait, not a debounce: restarting the timer on every key would leave someone who
        # types steadily, never pausing half a second, with nothing saved when the laptop dies.
        if self._timer is None:
            self.kop.update(f"{KOP} — wordt bewaard…")
            self._timer = self.set_timer(BEWAAR_NA, self.bewaar)

    def bewaar(self) -> bool:
        """Write the note if it changed; on failure keep the text on screen and say so."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.onbewaard or self.punt_id is None:
            return True
        tekst = self.text
        try:
            notulen.bewaar_notitie(self.bestand, self.punt_id, tekst)
        except (TripartietFout, OSError) as fout:
            return self._niet_bewaard(f"De aantekening is niet bewaard: {fout} De tekst blijft staan.")
        except Exception as fout:  # sqlite3 errors: disk full, file gone, read-only
            return self._niet_bewaard(f"De aantekening is niet bewaard ({fout}). De tekst blijft staan; kopieer hem zo nodig.")
        self.onbewaard = False
        tijd = dt.datetime.now()
        self.kop.update(f"{KOP} — bewaard {tijd:%H:%M:%S}")
        self.post_message(self.Bewaard(self.punt_id, tekst, tijd))
        return True

    def _niet_bewaard(self, reden: str) -> bool:
        self.kop.update(f"{KOP} — NIET BEWAARD")
        self.post_message(self.NietBewaard(reden))
        return False

    def on_blur(self) -> None:
        self.bewaar()

    def on_unmount(self) -> None:
        self.bewaar()
