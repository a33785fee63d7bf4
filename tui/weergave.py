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

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from opslag.datums import lange_datum, toon_datum
from opslag.kader import NIVEAUS, Kader, Subthema
from opslag.modellen import ActieStatus, PuntSoort
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


def opsomming(items: list[tuple[str, str]], stijl: str = "", *, markeerbreedte: int = 0) -> Table:
    """Items as (marker, text) with a hanging indent; the markers at least `markeerbreedte` wide."""
    tabel = Table.grid(padding=(0, 1, 0, 0), expand=True)
    tabel.add_column(no_wrap=True, min_width=markeerbreedte or None)
    tabel.add_column(ratio=1)
    for teken, tekst in items:
        tabel.add_row(letterlijk(teken), letterlijk(tekst, stijl, regels=True))
    return tabel


def opsomming_in_delen(items: list[tuple[str, str]], stijl: str = "", per: int = 15) -> Iterator[Table]:
    """The same list as `opsomming`, as tables of `per` items, built one at a time, that read as
    one: a long list is then rendered, and shown, a part at a time (tui.widgets.leesvak)."""
    breedte = max((cell_len(zichtbaar(teken)) for teken, _ in items), default=0)
    for begin in range(0, len(items), per):
        yield opsomming(items[begin:begin + per], stijl, markeerbreedte=breedte)


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


# --- lines of the meeting screen's lists -------------------------------------------------------
# Pure: a model in, the line as shown out, so what a line says is tested without the app.

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    from opslag.actielijst import ActieRegel
    from opslag.modellen import Actiepunt, Afspraak, Agendapunt, Besluit, Overleg
    from opslag.notulen import PuntTelling

def punt_uitleg(punt: Agendapunt, overleg: Overleg) -> str:
    """The line under the opening and closing items: where and when, and the next meeting."""
    if punt.soort is PuntSoort.SLUITING:
        volgende = overleg.volgende_datum
        eind = f"Eindtijd: {overleg.eindtijd}. " if overleg.eindtijd else ""
        return eind + (f"Volgend overleg: {lange_datum(volgende)}" if volgende else "Volgend overleg: nog niet gepland (o: overleg wijzigen).")
    if punt.soort is PuntSoort.OPENING:
        plaats = f", {overleg.plaats}" if overleg.plaats else ""
        begin = f", {overleg.begintijd} uur" if overleg.begintijd else ""
        return f"{overleg.soort.value.capitalize()} overleg, {lange_datum(overleg.datum)}{begin}{plaats}. Presentielijst: toets p."
    return ""


_TE_LAAT = Text(" (te laat)", style="bold red")


def agendaregel(titel: str, telling: PuntTelling | None, breedte: int) -> Text:
    """An agenda item: its title cut to the width, then ✎ (notes) and how many AF/B/A were made there."""
    tekens = ""
    if telling:
        tekens = " ".join(
            t for t in (
                "✎" if telling.notitie else "",
                f"AF{telling.afspraken}" if telling.afspraken else "",
                f"B{telling.besluiten}" if telling.besluiten else "",
                f"A{telling.acties}" if telling.acties else "",
            ) if t
        )
    ruimte = breedte - len(tekens) - 1
    if len(titel) > ruimte:
        titel = titel[: max(ruimte - 1, 4)] + "…"
    regel = letterlijk(titel.ljust(ruimte))
    if tekens:
        regel.append(" " + tekens, style="bold")
    return regel


def afspraakregel(afspraak: Afspraak, partijen: Mapping[int, str], vaststelling: str = "") -> Text:
    """`partijen`: party id to its code. The first responsible party is the lead (trekker).
    `vaststelling`: 'gewijzigd' or 'toegevoegd' after adoption, marked by the number as the export does."""
    a = afspraak
    codes = [partijen.get(p, "?") for p in a.verantwoordelijken]
    wie = f"trekker: {codes[0]}" + (f", ook {', '.join(codes[1:])}" if codes[1:] else "") if codes else "geen trekker"
    code = f"{a.code} ({vaststelling})" if vaststelling else a.code
    return letterlijk(
        f"{code} {a.actielijn} — {a.doel or 'geen doel'} — {a.start or '?'} t/m {a.eind or '?'} — {wie} [{a.status.value}]"
    )


def besluitregel(besluit: Besluit) -> Text:
    return letterlijk(f"{besluit.code} {besluit.tekst}")


def actieregel(actie: Actiepunt, personen: Mapping[int, str], partijen: Mapping[int, str], vandaag: dt.date) -> Text:
    """An action of this meeting: who (person and party code), deadline, a status other than open."""
    a = actie
    wie = " ".join(d for d in (personen.get(a.persoon_id, ""), f"({partijen[a.partij_id]})" if a.partij_id in partijen else "") if d)
    deadline = f" — {toon_datum(a.deadline)}" if a.deadline else ""
    status = "" if a.status is ActieStatus.OPEN else f" [{a.status.value}]"
    regel = letterlijk(f"{a.code} {a.wat} — {wie}{deadline}{status}")
    if a.status is ActieStatus.OPEN and a.deadline and a.deadline < vandaag:
        regel.append_text(_TE_LAAT)
    return regel


def eerdere_actieregel(regel: ActieRegel) -> Text:
    """An open action from an earlier meeting, as the actielijst reads it."""
    r = regel
    tekst = letterlijk(
        f"{r.code} {r.wat} — {r.persoon + ' ' if r.persoon else ''}({r.partij}){' — ' + toon_datum(r.deadline) if r.deadline else ''}"
    )
    if r.te_laat:
        tekst.append_text(_TE_LAAT)
    return tekst


def afspraakregels(
    afspraken: Sequence[Afspraak], partijen: Mapping[int, str], hoogstens: int, vaststelling: Mapping[int, str] | None = None
) -> list[tuple[str | None, Text]]:
    """The newest `hoogstens` agreements as (key, line), after a remark on how many older ones the
    export lists; `vaststelling`: agreement id to its mark after adoption (see `afspraakregel`)."""
    tekens = vaststelling or {}
    regels: list[tuple[str | None, Text]] = [
        (f"afspraak:{a.id}", afspraakregel(a, partijen, tekens.get(a.id or 0, ""))) for a in afspraken[-hoogstens:]
    ]
    if len(afspraken) > hoogstens:
        regels.insert(0, (None, Text(f"… {len(afspraken) - hoogstens} oudere afspraken: zie de export (e)", style="italic")))
    return regels


def eerdere_regels(acties: Sequence[ActieRegel], hoogstens: int) -> list[tuple[str | None, Text]]:
    """Open actions of earlier meetings as (key, line), read up to `hoogstens` + 1 to know there are more."""
    regels: list[tuple[str | None, Text]] = [(f"actiepunt:{r.id}", eerdere_actieregel(r)) for r in acties[:hoogstens]]
    if len(acties) > hoogstens:
        regels.append((None, Text("… en meer: l opent de hele actielijst", style="italic")))
    return regels


def omschrijving(item: Afspraak | Besluit | Actiepunt) -> str:
    """What an agreement, decision or action is about, in one line of the file's own text."""
    return getattr(item, "actielijn", None) or getattr(item, "tekst", None) or getattr(item, "wat", "")
