"""Importing an uitvoeringsagenda from the command line and from the app (palette, check, store)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Label, Static

from opslag.bestand import nieuw_bestand
from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.cli import main

VOORBEELD = Path(__file__).parents[2] / "docs" / "voorbeeld_uitvoeringsagenda.csv"
FOUT = "Subthema;Actielijn;Doel;Start;Eind;Verantwoordelijke\r\n1.1;Bouw;;2026;2027;DWP\r\n1.5;Splitsen;;2026;2027;GX\r\n"


@pytest.fixture(scope="module")
def _aalten_sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return nieuw_bestand("Aalten", tmp_path_factory.mktemp("aalten") / "aalten.sqlite")


@pytest.fixture
def aalten(_aalten_sjabloon: Path, tmp_path: Path) -> Path:
    pad = tmp_path / "aalten.sqlite"
    shutil.copyfile(_aalten_sjabloon, pad)
    return pad


def _aantal(pad: Path, sql: str = "SELECT count(*) FROM afspraak") -> int:
    db = sqlite3.connect(pad)
    try:
        return db.execute(sql).fetchone()[0]
    finally:
        db.close()


def test_cli_proef_toont_en_laat_het_bestand_ongemoeid(aalten: Path, capsys: pytest.CaptureFixture[str]) -> None:
    voor = aalten.read_bytes()
    assert main(["importeer", str(aalten), str(VOORBEELD), "--agenda", "2026-2027", "--proef"]) == 0
    uit = capsys.readouterr().out.splitlines()
    assert uit[0] == "Proef: er is niets opgeslagen. Dit zou er opgeslagen worden:"
    assert uit[1].startswith("voorbeeld_uitvoeringsagenda.csv (CSV, puntkomma, Windows-1252): 13 afspraken")
    assert "  AF-013  Circulair slopen bij de herstructurering Prins Bernhardstra…  2027 – 2027  trekker DWP" in uit
    assert aalten.read_bytes() == voor
    assert sorted(p.name for p in aalten.parent.iterdir() if p.name.startswith("aalten")) == ["aalten.sqlite"]


def test_cli_importeert_en_weigert_daarna_dubbel(aalten: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["importeer", str(aalten), str(VOORBEELD), "--agenda", "2026-2027"]) == 0
    assert capsys.readouterr().out == "13 afspraken geïmporteerd in de uitvoeringsagenda 2026-2027 (AF-001 t/m AF-013).\n"
    assert _aantal(aalten) == 13

    assert main(["importeer", str(aalten), str(VOORBEELD), "--agenda", "2026-2027"]) == 1
    fout = capsys.readouterr().err.splitlines()
    assert fout[0].startswith("Niets geïmporteerd: voorbeeld_uitvoeringsagenda.csv heeft 13 fouten in 13 regels.")
    assert len(fout) == 14
    assert _aantal(aalten) == 13


def test_cli_meldt_foute_regels_met_regel_en_kolom(aalten: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tabel = tmp_path / "fout.csv"
    tabel.write_bytes(FOUT.encode("cp1252"))
    for proef in ([], ["--proef"]):
        assert main(["importeer", str(aalten), str(tabel), "--agenda", "2026-2027", *proef]) == 1
        fout = capsys.readouterr()
        assert fout.out == ""
        assert fout.err.splitlines()[1] == (
            "  regel 3, kolom Verantwoordelijke: 'GX' is geen partij van dit bestand; bekend zijn GA, DWP, HVW, HVD "
            "(afkorting of naam).")
    assert _aantal(aalten) == 0


@pytest.mark.parametrize(("tabel", "melding"), [
    ("nergens.csv", "nergens.csv: het bestand bestaat niet."),
    ("aalten.sqlite", "aalten.sqlite: dit is geen tekstbestand."),
    ("brief.txt", "brief.txt: geen tabel gevonden"),
])
def test_cli_bestand_dat_geen_tabel_is(aalten: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], tabel: str, melding: str) -> None:
    (tmp_path / "brief.txt").write_text("Beste allen,\n\nHierbij de agenda.\n", encoding="utf-8")
    assert main(["importeer", str(aalten), tabel, "--agenda", "2026-2027"]) == 1
    fout = capsys.readouterr().err
    assert fout.startswith("tripartiet: ") and melding in fout
    assert "\x1b" not in fout and "Traceback" not in fout
    assert _aantal(aalten) == 0


def test_cli_periode_verplicht_en_gecontroleerd(aalten: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as einde:
        main(["importeer", str(aalten), str(VOORBEELD)])
    assert einde.value.code == 2
    assert "deze argumenten ontbreken: --agenda" in capsys.readouterr().err
    assert main(["importeer", str(aalten), str(VOORBEELD), "--agenda", "2026-2028"]) == 1
    assert "twee opeenvolgende jaren" in capsys.readouterr().err


def test_cli_periode_buiten_het_kader_alleen_met_buiten_kader(aalten: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["importeer", str(aalten), str(VOORBEELD), "--agenda", "2030-2031"]) == 1
    fout = capsys.readouterr().err
    assert "geen periode van het kader 2026 t/m 2029 (dat zijn 2026-2027, 2028-2029)" in fout
    assert fout.rstrip().endswith("Importeer toch met --buiten-kader.")
    assert _aantal(aalten, "SELECT count(*) FROM uitvoeringsagenda WHERE periode = '2030-2031'") == 0
    assert main(["importeer", str(aalten), str(VOORBEELD), "--agenda", "2030-2031", "--buiten-kader"]) == 0
    assert capsys.readouterr().out == "13 afspraken geïmporteerd in de uitvoeringsagenda 2030-2031 (AF-001 t/m AF-013).\n"
    assert _aantal(aalten, "SELECT count(*) FROM afspraak a JOIN uitvoeringsagenda u ON u.id = a.agenda_id "
                           "WHERE u.periode = '2030-2031'") == 13


def _verslag(app: TripartietApp) -> str:
    """The report as text, one line per item (the screen wraps it: see the test of the indent)."""
    return app.screen.rapport


async def test_importeren_vanuit_het_palet(aalten: Path) -> None:
    shutil.copyfile(VOORBEELD, aalten.with_name("agenda.csv"))
    app = TripartietApp(aalten)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"agenda importeren")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ImporteerScherm"
        await pilot.press(*"agenda.csv", "enter")  # a name without a folder: next to the municipality file
        await pilot.pause()
        verslag = _verslag(app)
        assert verslag.startswith("Gecontroleerd; er is nog niets opgeslagen.")
        assert "  AF-001  Nieuwbouw sociale huurwoningen in plan Lindeboom, Dinxperlo  2026 – Q4 2027  trekker DWP" in verslag
        assert _aantal(aalten) == 0

        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ != "ImporteerScherm"
        assert [n.message for n in app._notifications][-1] == (
            "13 afspraken geïmporteerd in de uitvoeringsagenda 2026-2027 (AF-001 t/m AF-013).")
    assert _aantal(aalten) == 13
    assert _aantal(aalten, "SELECT count(*) FROM wijziging WHERE actie = 'geimporteerd'") == 1


async def test_foute_regels_in_de_app_slaan_niets_op_en_wijzigen_vraagt_nieuwe_controle(aalten: Path) -> None:
    aalten.with_name("fout.csv").write_bytes(FOUT.encode("cp1252"))
    shutil.copyfile(VOORBEELD, aalten.with_name("goed.csv"))
    app = TripartietApp(aalten)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.action_importeren()
        await pilot.pause()
        await pilot.press(*"fout.csv", "enter")
        await pilot.pause()
        assert _verslag(app).splitlines() == [
            "Niets geïmporteerd: fout.csv heeft 1 fout in 1 regel. Verbeter ze en probeer het opnieuw:",
            "  regel 3, kolom Verantwoordelijke: 'GX' is geen partij van dit bestand; bekend zijn GA, DWP, HVW, HVD "
            "(afkorting of naam).",
        ]
        await pilot.press("enter")  # the report again; nothing is stored
        await pilot.pause()
        assert type(app.screen).__name__ == "ImporteerScherm"
        assert _aantal(aalten) == 0

        # A good file checked, then the path changed: Enter checks again instead of storing.
        await pilot.press(*["backspace"] * len("fout.csv"), *"goed.csv", "enter")
        await pilot.pause()
        assert _verslag(app).startswith("Gecontroleerd")
        await pilot.press("backspace", "x", "enter")
        await pilot.pause()
        assert "goed.csx: het bestand bestaat niet." in _verslag(app)
        assert _aantal(aalten) == 0
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ != "ImporteerScherm"
    assert _aantal(aalten) == 0


async def test_periode_buiten_het_kader_in_de_app_alleen_na_de_vraag(aalten: Path) -> None:
    shutil.copyfile(VOORBEELD, aalten.with_name("agenda.csv"))
    app = TripartietApp(aalten)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.action_importeren()
        await pilot.pause()
        await pilot.press(*"agenda.csv", "tab", "tab", *"2030-2031", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "BevestigScherm"
        assert "dat zijn 2026-2027, 2028-2029" in str(app.screen.query_one("#vraag", Label).render())
        await pilot.press("n")  # no: nothing checked, nothing stored
        await pilot.pause()
        assert type(app.screen).__name__ == "ImporteerScherm"
        assert "geen periode van het kader" in _verslag(app)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "BevestigScherm"
        await pilot.press("j")
        await pilot.pause()
        assert _verslag(app).startswith("Gecontroleerd; er is nog niets opgeslagen.")
        assert "voor de uitvoeringsagenda 2030-2031 (wordt gemaakt, als concept)" in _verslag(app)
        assert _aantal(aalten) == 0
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ not in ("ImporteerScherm", "BevestigScherm")
    assert _aantal(aalten, "SELECT count(*) FROM afspraak a JOIN uitvoeringsagenda u ON u.id = a.agenda_id "
                           "WHERE u.periode = '2030-2031'") == 13


async def test_lange_regels_lopen_door_onder_hun_tekst(aalten: Path) -> None:
    """The report wrapped long lines to the left edge, so a continuation read as a new item:
    at 80 columns every error and every agreement now continues under its own text."""
    lang = "Nieuwbouw van sociale huurwoningen voor starters en senioren in de kern Dinxperlo"
    aalten.with_name("fout.csv").write_bytes((FOUT + f"1.6;{lang};;2026;2027;GX\r\n").encode("cp1252"))
    shutil.copyfile(VOORBEELD, aalten.with_name("goed.csv"))
    app = TripartietApp(aalten)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        app.action_importeren()
        await pilot.pause()
        await pilot.press(*"fout.csv", "enter")
        await pilot.pause()
        regels = schermtekst(app.screen.query_one("#verslag", Static)).splitlines()
        fouten = [i for i, r in enumerate(regels) if r.startswith("  regel ")]
        assert len(fouten) == 2 and len(regels) > 5  # two errors, each wrapped on this width
        vervolg = [r for r in regels[fouten[0]:] if not r.startswith("  regel ")]
        assert vervolg and all(r.startswith(" " * len("  regel 3, ")) and r[len("  regel 3, ")] != " " for r in vervolg)

        await pilot.press(*["backspace"] * len("fout.csv"), *"goed.csv", "enter")
        await pilot.pause()
        regels = schermtekst(app.screen.query_one("#verslag", Static)).splitlines()
        i = next(i for i, r in enumerate(regels) if r.startswith("  AF-001  "))
        assert regels[i + 1].startswith(" " * len("  AF-001  ")) and "trekker DWP" in regels[i + 1]
        for vorige, regel in zip(regels, regels[1:]):
            if vorige.startswith("  AF-") and not regel.startswith("  AF-") and regel.startswith(" "):
                assert regel.startswith(" " * len("  AF-001  ")), regel  # under the actielijn, not under the code
