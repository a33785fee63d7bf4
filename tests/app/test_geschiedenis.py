"""On the meeting screen, h shows what was said before: on a subtheme its history in earlier
meetings, on an agreement chosen in its list every change of it; i shows the commitments per party.
All of it literally, as typed."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.modellen import PuntSoort
from tests.hulp import schermtekst, uitgelezen
from tui.app import TripartietApp
from tui.schermen.geschiedenis import GeschiedenisScherm
from tui.schermen.inzet import InzetScherm
from tui.schermen.overleg import OverlegScherm
from tui.widgets.itemlijst import ItemLijst
from tui.widgets.leesvak import Leesvak

VIJANDIG = "Raadzaal [/] kamer [b]2[/b] [@click=app.quit]x[/] \x1b]52;c;aGk=\x07"


async def _tekst(pilot, scherm) -> str:  # noqa: ANN001
    """The screen's labels, then the whole text of its reading pane (not only what is in view)."""
    return "\n".join([*(schermtekst(w) for w in scherm.query("Label, Static")), await uitgelezen(pilot, scherm.query_one(Leesvak))])


def _zet_notitie_in_eerste_overleg(pad: Path, nummer: str, tekst: str) -> None:
    with Gemeentebestand.open(pad) as b:
        eerste = notulen.overleggen(b)[0]
        punt = next(p for p in notulen.agendapunten(b, eerste.id) if p.subthema_nummer == nummer)
        notulen.bewaar_notitie(b, punt.id, tekst)


async def _naar_subthema(app: TripartietApp, pilot, nummer: str) -> OverlegScherm:  # noqa: ANN001
    await pilot.pause()
    scherm = app.screen
    assert isinstance(scherm, OverlegScherm)
    scherm.toon_subthema(nummer)
    await pilot.press("escape")  # to the agenda, where the letter keys work
    await pilot.pause()
    return scherm


async def test_h_toont_de_geschiedenis_van_het_subthema(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        overleg = await _naar_subthema(app, pilot, "1.1")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, GeschiedenisScherm)
        tekst = " ".join((await _tekst(pilot, app.screen)).split())
        assert "Geschiedenis van 1.1" in tekst
        assert "12 maart 2026 — ambtelijk overleg" in tekst
        assert "Volgens de geactualiseerde woondeal zijn in Zonnedal tot 2030 zo'n 180 woningen nodig" in tekst
        assert "B-002 De 40 sociale huurwoningen in De Esch worden opgenomen" in tekst
        assert "AF-001 Bouw van sociale huurwoningen in plan De Esch — vastgelegd" in tekst
        assert "A-001 Grondprijs De Esch doorrekenen voor sociale huur — Anne Jansen (GZ) — deadline 30-04-2026 [gereed op 18-06-2026]" in tekst
        assert "De omgevingsvergunning voor De Esch is verleend" not in tekst, "the meeting on screen is not its own history"
        assert "18 juni 2026" not in tekst.split("Geschiedenis van 1.1")[1].split("12 maart")[0], "nothing recorded on 1.1 in June"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is overleg


async def test_h_op_een_afspraak_toont_die_afspraak(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        overleg = await _naar_subthema(app, pilot, "1.1")
        lijst = overleg.query_one("#afspraken", ItemLijst)
        lijst.focus()
        await pilot.pause()
        assert lijst.get_option_at_index(lijst.highlighted).id.startswith("afspraak:")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, GeschiedenisScherm)
        tekst = " ".join((await _tekst(pilot, app.screen)).split())
        assert "Geschiedenis van AF-001 Bouw van sociale huurwoningen in plan De Esch (2026-2027)" in tekst
        assert "vastgelegd, in het ambtelijk overleg van 12-03-2026" in tekst
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is overleg and app.focused is lijst


async def test_h_buiten_een_subthema_zegt_waarom_niet(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        overleg = app.screen
        i = next(i for i, p in enumerate(overleg.punten) if p.soort is PuntSoort.RONDVRAAG)
        overleg.ga_naar_index(i)
        await pilot.press("escape", "h")
        await pilot.pause()
        assert app.screen is overleg
        assert any("bij een subthema" in str(n.message) for n in app._notifications)


async def test_geschiedenis_toont_vijandige_tekst_letterlijk(demo_pad: Path) -> None:
    _zet_notitie_in_eerste_overleg(demo_pad, "1.1", VIJANDIG)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await _naar_subthema(app, pilot, "1.1")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, GeschiedenisScherm)
        tekst = await _tekst(pilot, app.screen)
        assert "Raadzaal [/] kamer [b]2[/b] [@click=app.quit]x[/] ␛]52;c;aGk=␇" in tekst
        assert app.is_running


async def test_i_toont_de_inzet_per_partij(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        overleg = app.screen
        await pilot.press("escape", "i")
        await pilot.pause()
        assert isinstance(app.screen, InzetScherm)
        tekst = " ".join((await uitgelezen(pilot, app.screen.query_one("#inzet", Leesvak))).split())
        assert "Uitvoeringsagenda 2026-2027" in tekst
        assert "Huurdersvereniging Zonnedal (HVZ)" in tekst
        hvz = tekst.split("Huurdersvereniging Zonnedal (HVZ)")[1]
        assert "Afspraken (afgesproken 3, in uitvoering 3)" in hvz
        assert "AF-001 1.1 Bouw van sociale huurwoningen in plan De Esch — betrokken — in uitvoering" in hvz
        assert "A-008 Bewonerspanel Het Anker samenstellen — Fatima El Idrissi — 15-01-2027 — open" in hvz
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is overleg


async def test_palet_en_f1_kennen_geschiedenis_en_inzet(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        tekst = "\n".join(schermtekst(w) for w in app.screen.query("Label, Static"))
        assert "Geschiedenis" in tekst and "Inzet per partij" in tekst
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"inzet per partij")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InzetScherm)
        assert "Inzet per partij 2026-2027" in app.screen.title


def test_lange_geschiedenis_toont_de_nieuwste_en_zegt_hoeveel_er_ouder_zijn() -> None:
    import datetime as dt

    from rich.console import Console

    from opslag.geschiedenis import Moment
    from tui.schermen.geschiedenis import MAX_MOMENTEN, subthema_regels

    momenten = [Moment(datum=dt.date(2026, 1, 1) + dt.timedelta(days=35 * i), overleg_id=i + 1, soort="ambtelijk",
                       notitie=f"Notitie {i + 1}") for i in reversed(range(MAX_MOMENTEN + 3))]
    console = Console(width=100, record=True, file=None)
    with console.capture() as vangst:
        for deel in subthema_regels(momenten):
            console.print(deel)
    tekst = vangst.get()
    assert f"Notitie {MAX_MOMENTEN + 3}" in tekst and "Notitie 4" in tekst and "Notitie 3\n" not in tekst
    assert "… en 3 eerdere momenten: zie de verslagen van die overleggen (e: exporteren)." in tekst
