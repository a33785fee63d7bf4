"""What was said before: the history of a subtheme across earlier meetings, or every change of one
agreement, newest first, in a scrollable window over the meeting screen (h opens it, Esc closes).

Everything shown is the file's own text, through `letterlijk`: '[/]' in a note stays '[/]'.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label

from opslag import geschiedenis
from opslag.bestand import Gemeentebestand
from opslag.datums import lange_datum, toon_datum
from opslag.geschiedenis import AfspraakGeschiedenis, AfspraakStap, Moment
from tui.schermen.dialoog import Dialoog
from tui.weergave import Kleuren, letterlijk, opsomming
from tui.widgets.leesvak import Leesvak


# Meetings shown at most: a history of years is an archive, kept in the minutes, not something to
# read through during a meeting.
MAX_MOMENTEN = 20


def _stap_tekst(stap: AfspraakStap, *, met_overleg: bool) -> str:
    """'wijziging na vaststelling (B-002): eind 2027 → Q2 2028. Reden: ...'"""
    delen = [stap.omschrijving]
    if stap.besluit:
        delen[0] += f" ({stap.besluit})"
    if met_overleg and stap.overleg_datum:
        delen[0] += f", in het {stap.overleg_soort} overleg van {toon_datum(stap.overleg_datum)}".replace("het  overleg", "het overleg")
    if stap.ongedaan and stap.soort == "ongedaan":  # an undo that was itself undone: the redo follows it
        delen[0] += " (daarna opnieuw gedaan)"
    elif stap.ongedaan:
        delen[0] += " (ongedaan gemaakt)"
    velden = "; ".join(f"{v.naam}: {v.oud or '(leeg)'} → {v.nieuw or '(leeg)'}" for v in stap.velden)
    tekst = delen[0] + (f": {velden}" if velden else "")
    if stap.reden:
        tekst += f". Reden: {stap.reden}"
    return tekst


def subthema_regels(momenten: list[Moment], k: Kleuren | None = None, hoogstens: int = MAX_MOMENTEN) -> list[RenderableType]:
    """Per meeting (newest first) its note, decisions, agreements made or changed, and actions;
    the newest `hoogstens`, then how many older ones there are."""
    k = k or Kleuren()
    if not momenten:
        return [Text("In eerdere overleggen is over dit subthema nog niets vastgelegd.", style="italic")]
    delen: list[RenderableType] = []
    for m in momenten[:hoogstens]:
        if m.overleg_id is None:
            kop = f"{lange_datum(m.datum)} — buiten een overleg"
        else:
            kop = f"{lange_datum(m.datum)} — {m.soort} overleg"
        delen += [Text(""), letterlijk(kop, k.kop)]
        if m.notitie:
            delen += [Text("Aantekeningen", style=k.gedempt), letterlijk(m.notitie, regels=True)]
        if m.besluiten:
            delen += [Text("Besluiten", style=k.gedempt), opsomming([(b.code, b.tekst) for b in m.besluiten])]
        if m.afspraken:
            delen += [Text("Afspraken", style=k.gedempt),
                      opsomming([(s.code, f"{s.actielijn} — {_stap_tekst(s, met_overleg=False)}") for s in m.afspraken])]
        if m.acties:
            regels = []
            for a in m.acties:
                status = a.status + (f" op {toon_datum(a.gereed_op)}" if a.gereed_op else "")
                wie = f" — {a.wie}" if a.wie else ""
                deadline = f" — deadline {toon_datum(a.deadline)}" if a.deadline else ""
                regels.append((a.code, f"{a.wat}{wie}{deadline} [{status}]"))
            delen += [Text("Actiepunten", style=k.gedempt), opsomming(regels)]
    if len(momenten) > hoogstens:
        ouder = len(momenten) - hoogstens
        delen += [Text(""), Text(f"… en {ouder} {'eerder moment' if ouder == 1 else 'eerdere momenten'}: "
                                 "zie de verslagen van die overleggen (e: exporteren).", style="italic")]
    return delen[1:]


def afspraak_regels(h: AfspraakGeschiedenis, k: Kleuren | None = None) -> list[RenderableType]:
    """Every step, newest first; those of the agreement it was carried over from say its code."""
    k = k or Kleuren()
    delen: list[RenderableType] = []
    if h.vorige:
        delen.append(letterlijk("Overgenomen uit " + ", uit ".join(f"{code} ({periode})" for code, periode in h.vorige), k.gedempt))
    if not h.stappen:
        delen.append(Text("Er zijn nog geen wijzigingen vastgelegd.", style="italic"))
    for stap in h.stappen:
        wanneer = toon_datum(stap.datum) + (f" {stap.tijdstip:%H:%M}" if stap.tijdstip else "")
        eerder = f"{stap.code} ({stap.periode}): " if stap.code != h.code else ""
        delen.append(opsomming([(wanneer, eerder + _stap_tekst(stap, met_overleg=True))]))
    return delen


class GeschiedenisScherm(Dialoog[None]):
    BINDINGS = [Binding("escape,h", "sluit", "Sluiten", key_display="Esc", id="sluiten")]

    UITLEG = (
        "Wat er eerder is vastgelegd, het nieuwste eerst. Met de pijltjes, PgUp en PgDn bladert u; "
        "Esc sluit het venster."
    )

    def __init__(self, titel: str, regels: list[RenderableType]) -> None:
        super().__init__()
        self.titel = titel
        self.regels = regels

    @classmethod
    def voor_subthema(cls, bestand: Gemeentebestand, nummer: str, overleg_id: int | None, kleuren: Kleuren | None = None) -> GeschiedenisScherm:
        titel = bestand.kader().subthema(nummer).titel
        momenten = geschiedenis.subthema_geschiedenis(bestand, nummer, overleg_id)
        return cls(f"Geschiedenis van {titel}", subthema_regels(momenten, kleuren))

    @classmethod
    def voor_afspraak(cls, bestand: Gemeentebestand, afspraak_id: int, kleuren: Kleuren | None = None) -> GeschiedenisScherm | None:
        h = geschiedenis.afspraak_geschiedenis(bestand, afspraak_id)
        if h is None:
            return None
        return cls(f"Geschiedenis van {h.code} {h.actielijn} ({h.periode})", afspraak_regels(h, kleuren))

    def inhoud(self) -> ComposeResult:
        with Vertical(id="kop"):
            yield Label(letterlijk(self.titel), id="titel", classes="dialoogtitel")
            yield Label("Het nieuwste eerst. Esc: sluiten; ↑ ↓ PgUp PgDn: bladeren.", classes="dialooghulp")
        yield Leesvak(self.regels, id="tekst")

    def on_mount(self) -> None:
        self.query_one("#tekst", Leesvak).focus()
