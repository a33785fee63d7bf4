"""How screens are built: the file handed in, the app asking through Protocols, one dialog base,
the action list's choices as reactives, and F1's groups from BINDING_GROUP_TITLE."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from opslag.bestand import Gemeentebestand, nieuw_bestand
from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.schermen.actiefilter import Actiefilter
from tui.schermen.actielijst import ActielijstScherm
from tui.schermen.dialoog import Dialoog
from tui.schermen.kader import KaderScherm
from tui.schermen.kenmerken import BewaartNotitie, HeeftOverleg, ToontSubthema
from tui.schermen.overleg_kiezer import OverlegKiezer
from tui.schermen.toetsen import ToetsenScherm

SCHERMEN = Path(__file__).resolve().parents[2] / "tui" / "schermen"
VANDAAG = dt.date(2026, 11, 27)


def _eigen_schermen() -> list[type[Screen]]:
    gevonden = []
    for module in SCHERMEN.glob("*.py"):
        for waarde in vars(importlib.import_module(f"tui.schermen.{module.stem}")).values():
            if isinstance(waarde, type) and issubclass(waarde, Screen) and waarde.__module__.startswith("tui."):
                gevonden.append(waarde)
    return gevonden


def _codes(scherm: ActielijstScherm) -> list[str]:
    return [r.code for r in scherm.regels]


async def test_een_scherm_werkt_op_het_bestand_dat_het_krijgt(demo_pad: Path, tmp_path: Path) -> None:
    """Not the app's open file: what a screen over other (or several) files needs."""
    ander = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        with Gemeentebestand.open(ander) as bestand:
            scherm = ActielijstScherm(bestand, vandaag=VANDAAG)
            await app.push_screen(scherm)
            await pilot.pause()
            assert scherm.sub_title == "Aalten"
            assert scherm.regels == []
            assert schermtekst(scherm.query_one("#samenvatting")).strip() == "Geen open actiepunten"
            await app.pop_screen()
            await pilot.pause()
        assert app.bestand is not None and app.bestand.gemeente().naam != "Aalten"


async def test_de_app_vraagt_het_scherm_via_protocollen(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        overleg = app.screen
        assert isinstance(overleg, ToontSubthema) and isinstance(overleg, HeeftOverleg) and isinstance(overleg, BewaartNotitie)
        app.action_wissel_overleg()
        await pilot.pause()
        assert isinstance(app.screen, OverlegKiezer) and app.screen.huidig == overleg.overleg_id
        await pilot.press("escape")
        await pilot.pause()
        app.action_kader()
        await pilot.pause()
        kader = app.screen
        assert isinstance(kader, KaderScherm) and isinstance(kader, ToontSubthema)
        assert not isinstance(kader, HeeftOverleg) and not isinstance(kader, BewaartNotitie)
        app.ga_naar_subthema("4.2")
        await pilot.pause()
        assert kader.huidig == "4.2"
        app.action_wissel_overleg()  # from a screen without a meeting: none marked
        await pilot.pause()
        assert isinstance(app.screen, OverlegKiezer) and app.screen.huidig is None


def test_elke_dialoog_bouwt_op_de_dialoogbasis_en_geen_scherm_heeft_eigen_css() -> None:
    schermen = _eigen_schermen()
    dialogen = [s for s in schermen if issubclass(s, ModalScreen)]
    assert len(dialogen) >= 8
    for scherm in dialogen:
        assert issubclass(scherm, Dialoog), scherm.__name__
    for scherm in schermen:
        assert not scherm.__dict__.get("DEFAULT_CSS"), f"{scherm.__name__}: stijlen horen in de .tcss ernaast"


async def test_actielijst_laadt_opnieuw_als_een_keuze_verandert(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """Sort order and filter are reactives: setting one reloads, setting the same value does not."""
    import tui.schermen.actielijst as scherm_module

    vragen: list[dict] = []
    echt = scherm_module.actielijst
    monkeypatch.setattr(scherm_module, "actielijst", lambda bestand, **f: vragen.append(f) or echt(bestand, **f))
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        scherm = ActielijstScherm(app.bestand, vandaag=VANDAAG)
        await app.push_screen(scherm)
        await pilot.pause()
        assert len(vragen) == 1
        scherm.sorteer = "nummer"
        assert _codes(scherm) == ["A-003", "A-004", "A-005", "A-006", "A-007", "A-008", "A-009"]
        scherm.filter = Actiefilter(partij_id=2)
        assert _codes(scherm) == ["A-006", "A-009"]
        assert [v["sorteer"] for v in vragen[1:]] == ["nummer", "nummer"]
        scherm.filter = Actiefilter(partij_id=2)
        scherm.sorteer = "nummer"
        assert len(vragen) == 3
        await pilot.pause()
        assert scherm.query_one("#acties", DataTable).row_count == 2


async def test_f1_groepeert_de_toetsen_met_binding_group_title(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, ToetsenScherm)
        tekst = schermtekst(next(w for w in app.screen.query(Static) if type(w) is Static and w.id != "uitleg"))  # not the title, not the explanation
        assert "In de agenda (na Esc)" in tekst
        assert "In de lijsten met afspraken, besluiten en acties" in tekst
        assert "Input" not in tekst  # Textual's own widgets' English titles stay out
