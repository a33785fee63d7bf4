"""Small things a minute-taker noticed on the meeting screen: a closed meeting says so where it
fits at 80 columns, `a` is offered only where an agreement can be made, and an agreement changed
or added after adoption is marked in its list as the export marks it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path


from opslag import agenda, notulen, sluiten
from opslag.bestand import Gemeentebestand
from opslag.datums import toon_datum
from opslag.levensloop import Grond
from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.schermen.overleg import OverlegScherm
from tui.widgets.itemlijst import ItemLijst
from tui.widgets.voettekst import Voettekst


async def test_een_gesloten_overleg_zegt_het_ook_op_80_kolommen(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        overleg = sluiten.sluit_overleg(bestand, notulen.overleggen(bestand)[-1].id)
    gesloten = f"GESLOTEN op {toon_datum(dt.date.fromisoformat(overleg.gesloten_op[:10]))}"
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        scherm = app.screen
        assert isinstance(scherm, OverlegScherm)
        assert schermtekst(scherm.query_one("#positie")).strip().startswith(f"{gesloten}  ")
        # The header keeps the meeting and its date whole; the closing cut it off there.
        assert schermtekst(scherm.query_one("HeaderTitle")).endswith(f"overleg {toon_datum(overleg.datum)}")
        await pilot.press("escape", "end")  # every item says it, the last one too
        await pilot.pause()
        assert schermtekst(scherm.query_one("#positie")).strip().startswith(f"{gesloten}  Sluiting")


def _voet(scherm: OverlegScherm) -> str:
    """The keys the footer shows, as it reads them."""
    return "  ".join(f"{toets} {binding.description}" for toets, binding, *_ in scherm.query_one(Voettekst)._zichtbaar())


async def test_a_staat_alleen_in_de_voettekst_waar_een_afspraak_kan(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        vrij = agenda.voeg_punt_toe(bestand, notulen.overleggen(bestand)[-1].id, titel="Woningbouwcijfers [b]2026[/b]")
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        scherm = app.screen
        assert isinstance(scherm, OverlegScherm) and scherm.punt.subthema_nummer
        await pilot.press("escape")  # to the agenda, where the letter keys work and show
        await pilot.pause()
        assert "a Afspraak" in _voet(scherm)

        scherm.ga_naar_punt(vrij.id)
        await pilot.pause()
        assert scherm.punt.id == vrij.id
        assert "a Afspraak" not in _voet(scherm) and "b Besluit" in _voet(scherm)
        await pilot.press("a")  # pressed anyway: it says why, and opens no form
        await pilot.pause()
        assert app.screen is scherm
        assert any("Afspraken horen bij een subthema" in str(n.message) for n in app._notifications)

        await pilot.press("home")  # Opening: no subtheme either
        await pilot.pause()
        assert "a Afspraak" not in _voet(scherm)
        scherm.toon_subthema("1.1")
        await pilot.pause()
        assert "a Afspraak" in _voet(scherm)


async def test_de_afspraken_tonen_gewijzigd_en_toegevoegd_na_vaststelling(demo_pad: Path) -> None:
    """The demo's AF-001 was amended after adoption and AF-008 added, in the last meeting."""
    with Gemeentebestand.open(demo_pad) as bestand:
        per_code = {a.code: a for a in notulen.afspraken(bestand)}
        # Amended here with markup-like text: it stays as typed beside the mark.
        notulen.bewaar_afspraak(
            bestand, replace(per_code["AF-003"], actielijn="Plan [b]De Esch[/b]"),
            grond=Grond("Tekst verduidelijkt", overleg_id=notulen.overleggen(bestand)[-1].id),
        )
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        scherm = app.screen
        assert isinstance(scherm, OverlegScherm)
        regels: dict[str, str] = {}
        for code in ("AF-001", "AF-003", "AF-005", "AF-008"):
            scherm.toon_subthema(per_code[code].subthema_nummer)
            await pilot.pause()
            lijst = scherm.query_one("#afspraken", ItemLijst)
            regels.update({str(o.prompt).split(" ")[0]: str(o.prompt) for o in lijst.options})
        assert regels["AF-001"].startswith("AF-001 (gewijzigd) ")
        assert regels["AF-008"].startswith("AF-008 (toegevoegd) ")
        assert regels["AF-003"].startswith("AF-003 (gewijzigd) Plan [b]De Esch[/b] — ")
        assert regels["AF-005"].startswith("AF-005 Planning")  # not changed since: no mark
