"""Rendering of stored text for the screen.

Rich renderables rather than markup, because framework and user text may contain '[' or '$'; a
two-column grid gives bullets a hanging indent, which plain wrapped text cannot.

Every text from the file (a name, a place, a note, a framework title) reaches a widget through
`letterlijk`: a `Text` object, so Textual never reads it as markup ('Raadzaal [/] kamer 2' would
crash it, '[concept]' would vanish, '[@click=app.quit]' would become a button), with control
characters made visible by `opslag.tekst.zichtbaar`, so no escape sequence reaches the terminal.
Our own styling is added by composing Text objects, never by writing markup around user text.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from opslag.kader import NIVEAUS, Kader, Subthema
from opslag.tekst import zichtbaar
from opslag.voetnoten import met_tekens, teken


def letterlijk(tekst: object, stijl: str = "", *, regels: bool = False) -> Text:
    """User text for any widget (Label, Static, Option, DataTable cell, Select, Tree node): shown as typed."""
    return Text(zichtbaar(tekst, regels=regels), style=stijl)


@dataclass(frozen=True)
class Kleuren:
    """Styles taken from the app's theme, so the text follows the chosen colour scheme."""

    titel: str = "bold"
    kop: str = "bold"
    gedempt: str = "dim"
    waarschuwing: str = "italic"

    @classmethod
    def uit_thema(cls, variabelen: dict[str, str]) -> Kleuren:
        return cls(
            titel=f"bold {variabelen.get('text-accent', variabelen.get('accent', ''))}".strip(),
            kop=f"bold {variabelen.get('text-primary', variabelen.get('primary', ''))}".strip(),
            gedempt=variabelen.get("text-muted", "dim") if variabelen.get("text-muted", "").startswith("#") else "dim",
            waarschuwing=f"italic {variabelen.get('text-warning', variabelen.get('warning', ''))}".strip(),
        )


def opsomming(items: list[tuple[str, str]], stijl: str = "") -> Table:
    """Items as (marker, text) with a hanging indent."""
    tabel = Table.grid(padding=(0, 1, 0, 0), expand=True)
    tabel.add_column(no_wrap=True)
    tabel.add_column(ratio=1)
    for teken, tekst in items:
        tabel.add_row(letterlijk(teken), letterlijk(tekst, stijl, regels=True))
    return tabel


def _punten(sub: Subthema, naam: str) -> list[RenderableType]:
    blokken: list[RenderableType] = []
    lijst: list[tuple[str, str]] = []
    for punt in sub.niveau(naam):
        if punt.opsomming:
            lijst.append(("•", met_tekens(punt.tekst)))
            continue
        if lijst:
            blokken.append(opsomming(lijst))
            lijst = []
        blokken.append(letterlijk(met_tekens(punt.tekst), regels=True))
    if lijst:
        blokken.append(opsomming(lijst))
    return blokken


def subthema_inhoud(kader: Kader, sub: Subthema, kleuren: Kleuren | None = None) -> Group:
    k = kleuren or Kleuren()
    thema = next(t for t in kader.themas if t.nummer == sub.thema_nummer)
    delen: list[RenderableType] = [
        letterlijk(f"{sub.nummer} {sub.onderwerp}", k.titel),
        letterlijk(f"Thema {thema.nummer} {thema.titel}", k.gedempt),
    ]
    if sub.titel_afgeleid:
        delen.append(Text("Titel afgeleid: de titel ontbreekt in de brontekst.", style=k.waarschuwing))
    for naam in NIVEAUS:
        delen += [Text(""), Text(naam, style=k.kop), *_punten(sub, naam)]
    delen += [Text(""), letterlijk(sub.bron_kop, k.kop)]
    if sub.bronnen:
        delen.append(opsomming([("•", met_tekens(b)) for b in sub.bronnen]))
    else:
        delen.append(Text("Niet vermeld in het kader.", style=f"italic {k.gedempt}"))
    for nummer in sub.voetnoten:
        delen += [Text(""), opsomming([(teken(nummer), kader.voetnoot(nummer).tekst)], k.gedempt)]
    return Group(*delen)
