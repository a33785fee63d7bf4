"""Periods in the CLI, the palette's 'Nieuwe periode starten…' and the meeting form's period choice."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Select

from tui.app import TripartietApp
from tui.cli import main
from tui.schermen.overleg_formulier import ANDERE_PERIODE


def _agendas(pad: Path) -> list[tuple[str, int, int | None]]:
    """(period, number of agreements, vorige_id) per agenda, as the file holds them."""
    conn = sqlite3.connect(pad)
    try:
        return conn.execute(
            "SELECT u.periode, (SELECT count(*) FROM afspraak a WHERE a.agenda_id = u.id), u.vorige_id "
            "FROM uitvoeringsagenda u ORDER BY u.periode"
        ).fetchall()
    finally:
        conn.close()


def _telling(pad: Path, sql: str) -> int:
    conn = sqlite3.connect(pad)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _meldingen(app: TripartietApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


# --- CLI -------------------------------------------------------------------------------------------


def test_cli_toont_de_perioden_en_start_de_volgende(demo_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["periode", str(demo_pad)]) == 0
    uit = capsys.readouterr().out
    assert "(looptijd 2026 t/m 2029)" in uit
    assert "  2026-2027  vastgesteld op 04-12-2025, 8 afspraken" in uit
    assert "  2028-2029  nog niet gestart" in uit
    assert f"tripartiet periode {demo_pad} --start 2028-2029" in uit

    assert main(["periode", str(demo_pad), "--start", "2028-2029"]) == 0
    assert capsys.readouterr().out.strip() == "Uitvoeringsagenda 2028-2029 is gestart als concept: 8 afspraken overgenomen uit 2026-2027."
    (oud, _, _), (nieuw, aantal, vorige_id) = _agendas(demo_pad)
    assert (oud, nieuw, aantal, vorige_id) == ("2026-2027", "2028-2029", 8, 1)
    assert _telling(demo_pad, "SELECT count(*) FROM afspraak_wijziging WHERE soort = 'overgenomen'") == 8

    assert main(["periode", str(demo_pad)]) == 0
    uit = capsys.readouterr().out
    assert "  2028-2029  concept, 8 afspraken" in uit
    assert "--start 2030-2031 --buiten-kader" in uit


def test_cli_buiten_het_kader_alleen_met_buiten_kader(demo_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["periode", str(demo_pad), "--start", "2028-2029"]) == 0
    capsys.readouterr()
    assert main(["periode", str(demo_pad), "--start", "2030-2031"]) == 1
    fout = capsys.readouterr().err
    assert "2030-2031 valt buiten het kader 2026 t/m 2029" in fout and "--buiten-kader" in fout
    assert [a[0] for a in _agendas(demo_pad)] == ["2026-2027", "2028-2029"]

    assert main(["periode", str(demo_pad), "--start", "2030-2031", "--van", "2026-2027", "--buiten-kader"]) == 0
    assert "overgenomen uit 2026-2027" in capsys.readouterr().out
    assert _agendas(demo_pad)[-1] == ("2030-2031", 8, 1)


@pytest.mark.parametrize(
    ("argumenten", "melding", "code"),
    [
        (["--start", "2026-2027"], "De uitvoeringsagenda 2026-2027 bestaat al in dit bestand.", 1),
        (["--start", "2027-2028", "--buiten-kader"], "2027-2028 overlapt met de uitvoeringsagenda 2026-2027", 1),
        (["--start", "2028"], "'2028' is geen periode", 1),
        (["--start", "2028-2029", "--van", "2020-2021"], "De uitvoeringsagenda 2020-2021 staat niet in dit bestand. Wel: 2026-2027.", 1),
        (["--van", "2026-2027"], "horen bij --start PERIODE", 2),
    ],
)
def test_cli_weigert_in_het_nederlands_en_bewaart_niets(
    demo_pad: Path, capsys: pytest.CaptureFixture[str], argumenten: list[str], melding: str, code: int
) -> None:
    voor = _agendas(demo_pad)
    assert main(["periode", str(demo_pad), *argumenten]) == code
    assert melding in capsys.readouterr().err
    assert _agendas(demo_pad) == voor


# --- palette -----------------------------------------------------------------------------------------


async def _open_dialoog(pilot) -> None:  # noqa: ANN001
    await pilot.press("ctrl+p", *"nieuwe periode starten")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_palet_start_de_nieuwe_periode_en_meldt_het(demo_pad: Path) -> None:
    conn = sqlite3.connect(demo_pad)
    conn.execute("UPDATE afspraak SET status = 'gereed' WHERE nummer = (SELECT min(nummer) FROM afspraak)")
    conn.commit()
    conn.close()
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_dialoog(pilot)
        assert type(app.screen).__name__ == "PeriodeStartenScherm"
        uitleg = str(app.screen.query_one("#uitleg").render())
        assert "De uitvoeringsagenda 2028-2029 begint als concept." in uitleg
        assert "Uit 2026-2027 gaan 7 afspraken mee die nog niet gereed of vervallen zijn; 1 afspraak (gereed of vervallen) blijft in 2026-2027." in " ".join(uitleg.split())
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        assert (
            "Uitvoeringsagenda 2028-2029 is gestart als concept: 7 afspraken overgenomen uit 2026-2027; "
            "1 afspraak (gereed of vervallen) blijft in 2026-2027."
        ) in _meldingen(app)
    assert _agendas(demo_pad) == [("2026-2027", 8, None), ("2028-2029", 7, 1)]
    assert _telling(demo_pad, "SELECT count(*) FROM afspraak WHERE vorige_id IS NOT NULL AND status != 'gereed'") == 7


async def test_palet_buiten_het_kader_zegt_het_en_esc_doet_niets(demo_pad: Path) -> None:
    assert main(["periode", str(demo_pad), "--start", "2028-2029"]) == 0
    voor = _agendas(demo_pad)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_dialoog(pilot)
        uitleg = str(app.screen.query_one("#uitleg").render())
        assert "2030-2031 valt buiten het kader 2026 t/m 2029" in uitleg
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
    assert _agendas(demo_pad) == voor


# --- the meeting form ----------------------------------------------------------------------------------


async def _nieuw_overleg(pilot, app: TripartietApp) -> None:  # noqa: ANN001
    app.action_nieuw_overleg()  # 'n' in the meeting screen's footer, but the demo opens in a note
    await pilot.pause()
    assert type(app.screen).__name__ == "OverlegFormulier"


async def test_overlegformulier_kiest_uit_de_perioden_van_het_kader(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _nieuw_overleg(pilot, app)
        keuze = app.screen.query_one("#periode", Select)
        assert [str(tekst) for tekst, _ in keuze._options if _ is not Select.NULL] == [
            "2026-2027 (vastgesteld op 04-12-2025)", "2028-2029 (nieuw)", "andere periode…",
        ]
        assert keuze.value == "2026-2027"
        assert not app.screen.query_one("#veld-overnemen").display
        assert not app.screen.query_one("#veld-andere_periode").display
        keuze.value = "2028-2029"
        await pilot.pause()
        assert app.screen.query_one("#veld-overnemen").display
        overnemen = app.screen.query_one("#overnemen", Checkbox)
        assert overnemen.value is True
        assert str(overnemen.label) == "8 onafgeronde afspraken overnemen uit 2026-2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        overleg_id = app.screen.overleg_id
        assert any("8 afspraken overgenomen uit 2026-2027" in m for m in _meldingen(app))
    assert _agendas(demo_pad)[-1] == ("2028-2029", 8, 1)
    assert _telling(demo_pad, f"SELECT u.periode = '2028-2029' FROM overleg o JOIN uitvoeringsagenda u ON u.id = o.agenda_id WHERE o.id = {overleg_id}") == 1


async def test_overlegformulier_nieuwe_periode_zonder_overnemen(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _nieuw_overleg(pilot, app)
        app.screen.query_one("#periode", Select).value = "2028-2029"
        await pilot.pause()
        app.screen.query_one("#overnemen", Checkbox).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
    assert _agendas(demo_pad)[-1] == ("2028-2029", 0, None)


async def test_overlegformulier_andere_periode_bewust_en_een_foute_blijft_staan(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _nieuw_overleg(pilot, app)
        app.screen.query_one("#periode", Select).value = ANDERE_PERIODE
        await pilot.pause()
        assert app.screen.query_one("#veld-andere_periode").display
        andere = app.screen.query_one("#andere_periode")
        andere.value = "2027-2028"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegFormulier"
        assert "2027-2028 overlapt met de uitvoeringsagenda 2026-2027" in str(app.screen.query_one("#veld-andere_periode .veldfout").render())
        assert _agendas(demo_pad) == [("2026-2027", 8, None)]
        andere.value = "2030-2031"  # past the framework, typed here on purpose: allowed
        await pilot.pause()
        assert "overnemen uit 2026-2027" in str(app.screen.query_one("#overnemen", Checkbox).label)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
    assert _agendas(demo_pad) == [("2026-2027", 8, None), ("2030-2031", 8, 1)]
