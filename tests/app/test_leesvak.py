"""Long texts to read (i: the commitments per party, h: a subtheme's history) on a large file: the
first view shows before the text is all rendered, and PgDn, End and a new width still work while
the rest is rendered a slice at a time."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rich.console import Console
from textual import events

from opslag import geschiedenis
from opslag.bestand import Gemeentebestand
from opslag.datums import lange_datum
from opslag.inzet import inzet_per_partij
from tests.bench.bestanden import maak_bestand
from tests.hulp import schermtekst, uitgelezen
from tui.app import TripartietApp
from tui.schermen.geschiedenis import MAX_MOMENTEN, GeschiedenisScherm
from tui.schermen.inzet import InzetScherm
from tui.weergave import opsomming, opsomming_in_delen
from tui.widgets import leesvak
from tui.widgets.leesvak import Leesvak


@pytest.fixture(scope="module")
def _groot_sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_bestand(tmp_path_factory.mktemp("groot") / "groot.sqlite", 3, perioden=True)


@pytest.fixture
def groot_pad(_groot_sjabloon: Path, tmp_path: Path) -> Path:
    pad = tmp_path / "groot.sqlite"
    pad.write_bytes(_groot_sjabloon.read_bytes())
    return pad


@pytest.fixture
def kleine_sneden(monkeypatch: pytest.MonkeyPatch) -> None:
    """One block per slice: the text takes many refreshes to fill, so keys surely come in between."""
    monkeypatch.setattr(leesvak, "SNEDE", 0.0)


def _toets(app: TripartietApp, toets: str) -> None:
    """The key as the terminal sends it, without waiting for the app to be idle (pilot.press
    waits, and the slices keep it busy until the text is all rendered)."""
    gebeurtenis = events.Key(toets, toets if len(toets) == 1 else None)
    gebeurtenis.set_sender(app)
    app._driver.send_message(gebeurtenis)


async def _eerste_beeld(app: TripartietApp, vak_id: str) -> Leesvak:
    for _ in range(1000):
        await asyncio.sleep(0.002)
        vakken = app.screen.query(f"#{vak_id}")
        if vakken and vakken.first().regels_voor_eerste_beeld:
            return vakken.first()
    raise AssertionError("geen eerste beeld")


async def _open_inzet(app: TripartietApp, pilot) -> Leesvak:  # noqa: ANN001
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    _toets(app, "i")
    vak = await _eerste_beeld(app, "inzet")
    assert isinstance(app.screen, InzetScherm)
    return vak


async def _tot_klaar(pilot, vak: Leesvak) -> None:  # noqa: ANN001
    await uitgelezen(pilot, vak)
    await pilot.pause()


def _laatste_regel_van_inzet(app: TripartietApp) -> str:
    with Gemeentebestand.open(app.bestand.pad, alleen_lezen=True) as b:
        laatste = inzet_per_partij(b, app.screen.agenda.id)[-1]
    return laatste.acties[-1].code if laatste.acties else laatste.afspraken[-1].code


async def test_inzet_toont_het_begin_voor_alles_gerenderd_is(groot_pad: Path, kleine_sneden: None) -> None:
    app = TripartietApp(groot_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        vak = await _open_inzet(app, pilot)
        beeld = schermtekst(vak)
        assert beeld.lstrip().startswith(f"Uitvoeringsagenda {app.screen.agenda.periode}: wat elke partij op zich heeft genomen.")
        assert "Partij Trekker Medeverantwoordelijk Betrokken Acties open Acties gereed" in " ".join(beeld.split())
        assert not vak.klaar
        await _tot_klaar(pilot, vak)
        totaal = len(vak.tekst().splitlines())
        # Before: one Static with everything, all of it rendered (several times) before the first paint.
        assert 0 < vak.regels_voor_eerste_beeld < totaal // 4, (vak.regels_voor_eerste_beeld, totaal)


async def test_end_tijdens_het_vullen_gaat_naar_de_laatste_partij(groot_pad: Path, kleine_sneden: None) -> None:
    app = TripartietApp(groot_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        vak = await _open_inzet(app, pilot)
        assert not vak.klaar
        _toets(app, "end")
        await _tot_klaar(pilot, vak)
        assert vak.scroll_y == vak.max_scroll_y > 0
        assert _laatste_regel_van_inzet(app) in schermtekst(vak)
        await pilot.press("home")
        await pilot.pause()
        assert schermtekst(vak).lstrip().startswith("Uitvoeringsagenda")


async def test_pgdn_bereikt_de_laatste_partij(groot_pad: Path, kleine_sneden: None) -> None:
    app = TripartietApp(groot_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        vak = await _open_inzet(app, pilot)
        gezien = []
        for _ in range(400):
            _toets(app, "pagedown")
            await asyncio.sleep(0.01)
            gezien.append(schermtekst(vak))
            if vak.klaar and vak.scroll_y == vak.max_scroll_y:
                break
        assert _laatste_regel_van_inzet(app) in gezien[-1]
        assert len(gezien) > 3


async def test_een_nieuwe_breedte_houdt_in_beeld_wat_bovenaan_stond(groot_pad: Path, kleine_sneden: None) -> None:
    app = TripartietApp(groot_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        vak = await _open_inzet(app, pilot)
        await _tot_klaar(pilot, vak)
        for _ in range(6):
            await pilot.press("pagedown")
        await pilot.pause()
        code = next(w for w in schermtekst(vak).split() if w.startswith(("AF-", "A-")))
        await pilot.resize_terminal(90, 40)
        await _tot_klaar(pilot, vak)
        assert vak.scrollable_content_region.width == 90 - 2 - 1
        assert max(len(regel) for regel in vak.tekst().splitlines()) <= 87, "rendered again at the new width"
        assert code in schermtekst(vak), "the block that was at the top is still in view"


async def test_h_op_een_lang_besproken_subthema_toont_tot_het_oudste_moment(groot_pad: Path, kleine_sneden: None) -> None:
    app = TripartietApp(groot_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        overleg = app.screen
        index = next(i for i, p in enumerate(overleg.punten) if p.subthema_nummer)
        overleg.ga_naar_index(index)
        await pilot.press("escape")
        await pilot.pause()
        _toets(app, "h")
        vak = await _eerste_beeld(app, "tekst")
        assert isinstance(app.screen, GeschiedenisScherm)
        momenten = geschiedenis.subthema_geschiedenis(app.bestand, overleg.punt.subthema_nummer, overleg.overleg_id)
        assert len(momenten) > 3
        assert lange_datum(momenten[0].datum) in schermtekst(vak), "the newest first, in the first view"
        assert not vak.klaar
        _toets(app, "end")
        await _tot_klaar(pilot, vak)
        einde = schermtekst(vak)
        if len(momenten) > MAX_MOMENTEN:
            assert f"… en {len(momenten) - MAX_MOMENTEN} eerdere momenten" in einde
        else:
            assert lange_datum(momenten[-1].datum) in einde
        assert "Geschiedenis van" in schermtekst(app.screen.query_one("#titel")), "the title stays above the text"


def test_een_lijst_in_delen_leest_als_een_lijst() -> None:
    items = [(f"AF-{i:03d}" if i % 7 else f"AF-{i:04d}", "tekst " * (i % 13 + 1) + "[/] [b]x[/b]") for i in range(53)]
    for breedte in (40, 100):
        console = Console(width=breedte, record=True, file=None, color_system=None)
        with console.capture() as heel:
            console.print(opsomming(items))
        with console.capture() as delen:
            for deel in opsomming_in_delen(items, per=10):
                console.print(deel)
        assert delen.get() == heel.get()
        assert "[/] [b]x[/b]" in heel.get()
