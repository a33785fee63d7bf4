"""The `tripartiet` command line: Dutch answers and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from opslag.bestand import Gemeentebestand
from opslag.schema import SCHEMA_VERSIE
from tui import __version__
from tui.cli import main


def test_help_is_nederlands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as einde:
        main(["--help"])
    assert einde.value.code == 0
    uit = capsys.readouterr().out
    assert uit.startswith("Gebruik: tripartiet")
    for woord in ("opdrachten", "opties", "toon deze hulp", "maak een nieuw gemeentebestand", "voorbeelden"):
        assert woord in uit
    assert "show this help" not in uit and "usage:" not in uit


def test_versie(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"Tripartiet {__version__}"


def test_nieuw_aalten_in_huidige_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nieuw", "Aalten"]) == 0
    pad = tmp_path / "aalten.sqlite"
    assert f"Gemeentebestand gemaakt: {pad}" in capsys.readouterr().out
    with Gemeentebestand.open(pad) as bestand:
        assert bestand.gemeente().naam == "Aalten"
        assert {p.code for p in bestand.partijen()} == {"GA", "DWP", "HVW", "HVD"}


def test_nieuw_met_bestand_in_andere_map(tmp_path: Path) -> None:
    (tmp_path / "overleg").mkdir()
    assert main(["nieuw", "Oude IJsselstreek", "--bestand", "overleg"]) == 0
    assert (tmp_path / "overleg" / "oude-ijsselstreek.sqlite").exists()
    assert main(["nieuw", "Winterswijk", "--bestand", "ww.sqlite"]) == 0
    assert (tmp_path / "ww.sqlite").exists()


@pytest.mark.parametrize("naam", ["../x", "a/b", "", "   "])
def test_nieuw_weigert_onveilige_namen(tmp_path: Path, naam: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nieuw", naam]) == 1
    fout = capsys.readouterr().err
    assert fout.startswith("tripartiet: ")
    assert "gemeente" in fout.lower()
    assert list(tmp_path.glob("**/*.sqlite")) == []
    assert not (tmp_path.parent / "x.sqlite").exists()


def test_nieuw_twee_keer_overschrijft_niet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nieuw", "Aalten"]) == 0
    voor = (tmp_path / "aalten.sqlite").read_bytes()
    assert main(["nieuw", "Aalten"]) == 1
    assert "er staat al een bestand" in capsys.readouterr().err
    assert (tmp_path / "aalten.sqlite").read_bytes() == voor


def test_nieuw_met_kapot_kader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kader = tmp_path / "kader.md"
    kader.write_text("# Kader\n\n## 1 Thema\n\n### 1.1 Iets\n\n#### Landelijk\n\n- a\n\n#### Lokaal\n\n- b\n", encoding="utf-8")
    assert main(["nieuw", "Aalten", "--kader", str(kader)]) == 1
    fout = capsys.readouterr().err
    assert f"{kader}, regel 11" in fout and "Regionaal" in fout
    assert not (tmp_path / "aalten.sqlite").exists()


def test_openen_van_vreemd_bestand_geeft_melding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief = tmp_path / "brief.sqlite"
    brief.write_text("geen database", encoding="utf-8")
    assert main([str(brief)]) == 1
    assert "geen Tripartiet-bestand" in capsys.readouterr().err
    assert brief.read_text(encoding="utf-8") == "geen database"


def test_onbekende_opdracht_of_optie(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as einde:
        main(["nieuw"])
    assert einde.value.code == 2
    assert "deze argumenten ontbreken: GEMEENTE" in capsys.readouterr().err


def test_demo_zonder_openen_maakt_bestand_eenmalig(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--niet-openen"]) == 0
    pad = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert pad == tmp_path / "data" / "demo-zonnedal.sqlite"
    voor = pad.stat().st_mtime_ns
    assert main(["demo", "--niet-openen"]) == 0
    assert pad.stat().st_mtime_ns == voor, "the demo file is reused, not rebuilt"


def test_module_start_als_commando(tmp_path: Path) -> None:
    uit = subprocess.run([sys.executable, "-m", "tui", "--version"], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == f"Tripartiet {__version__}"


def test_controleer_meldt_versie_en_aantallen(demo_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    voor = demo_pad.read_bytes()
    assert main(["controleer", str(demo_pad)]) == 0
    uit = capsys.readouterr().out
    assert "Integriteit:   in orde" in uit and f"Schemaversie:  {SCHEMA_VERSIE}" in uit
    assert "9  actiepunten" in uit and "3  overleggen" in uit
    assert demo_pad.read_bytes() == voor, "checking never writes"


def test_controleer_beschadigd_bestand(tmp_path: Path, demo_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inhoud = bytearray(demo_pad.read_bytes())
    for plek in range(8192, len(inhoud), 4096):  # break the b-tree header of every page after the first two
        inhoud[plek : plek + 8] = b"\xff" * 8
    demo_pad.write_bytes(bytes(inhoud))
    code = main(["controleer", str(demo_pad)])
    fout = capsys.readouterr()
    assert code == 1
    assert "BESCHADIGD" in fout.out or "beschadigd" in fout.err


def test_herstel_toont_en_zet_terug(demo_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from opslag import notulen
    from opslag.reservekopie import maak_reservekopie

    maak_reservekopie(demo_pad)
    with Gemeentebestand.open(demo_pad) as bestand:
        notulen.verwijder(bestand, "besluit", notulen.besluiten(bestand)[0].id)
    assert main(["herstel", str(demo_pad)]) == 0
    lijst = capsys.readouterr().out
    assert lijst.startswith(f"Reservekopieën van {demo_pad}") and "   1  " in lijst
    assert main(["herstel", str(demo_pad), "--kopie", "99"]) == 1
    assert "kopie 99 bestaat niet" in capsys.readouterr().err
    kopieen = [regel for regel in lijst.splitlines() if regel.startswith("  ")]
    nummer = len(kopieen)  # the oldest: made before the deletion (today's first opening came later)
    assert main(["herstel", str(demo_pad), "--kopie", str(nummer)]) == 0
    uit = capsys.readouterr().out
    assert "is teruggezet" in uit and "voor-herstel" in uit
    with Gemeentebestand.open(demo_pad) as bestand:
        assert len(notulen.besluiten(bestand)) == 6


def test_herstel_zonder_kopieen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from opslag.bestand import nieuw_bestand

    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    assert main(["herstel", str(pad)]) == 1
    assert "er zijn geen reservekopieën" in capsys.readouterr().err


def test_nieuw_met_nieuwe_map_en_zonder_extensie(tmp_path: Path) -> None:
    assert main(["nieuw", "Utrecht", "--bestand", "nieuw/overleg/"]) == 0
    assert (tmp_path / "nieuw" / "overleg" / "utrecht.sqlite").is_file()
    assert main(["nieuw", "Zutphen", "--bestand", "zutphen-2027"]) == 0
    assert (tmp_path / "zutphen-2027.sqlite").is_file()


@pytest.mark.parametrize(
    "argv",
    [["herstel", "a\x00b"], ["controleer", "a\x00b"], ["a\x00b"], ["verslag", "a\x00b"], ["nieuw", "Aalten", "--bestand", "a\x00b"]],
)
def test_nul_teken_in_een_pad_geeft_een_nederlandse_melding(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as uitgang:
        main(argv)
    assert uitgang.value.code == 2
    assert "een pad kan geen nul-teken (\\0) bevatten" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argument", "opdracht"),
    [
        ("Aalten", "tripartiet nieuw Aalten"),
        ("aalten.sqlite", "tripartiet nieuw Aalten"),
        ("oost-gelre.sqlite", "tripartiet nieuw 'Oost Gelre'"),
        ("sub/aalten.sqlite", "tripartiet nieuw Aalten --bestand sub/aalten.sqlite"),
    ],
)
def test_ontbrekend_bestand_noemt_de_opdracht_die_het_maakt(
    tmp_path: Path, argument: str, opdracht: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([argument]) == 1
    fout = capsys.readouterr().err
    assert "dit bestand bestaat niet" in fout
    assert fout.rstrip().endswith(opdracht)
    assert list(tmp_path.rglob("*.sqlite")) == [], "nothing is made on the user's behalf"


@pytest.mark.parametrize("argument", ["Oost-Gelre", "oost gelre", "OOST GELRE"])
def test_gemeentenaam_vindt_het_bestand_van_tripartiet_nieuw(
    tmp_path: Path, argument: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["nieuw", "oost gelre"]) == 0
    assert "Alleen de gemeente" not in capsys.readouterr().out, "oost gelre is a known municipality"
    with Gemeentebestand.open(tmp_path / "oost-gelre.sqlite") as bestand:
        assert bestand.gemeente().naam == "Oost Gelre"
    geopend: list[Path] = []

    class NepApp:  # the file found is what matters here, not the screen
        def __init__(self, pad: Path) -> None:
            geopend.append(pad)
            self.bestand = self.foutmelding = self.return_code = None

        def run(self) -> None:
            pass

    monkeypatch.setattr("tui.app.TripartietApp", NepApp)
    monkeypatch.setattr("tui.cli._vang_signalen", lambda app: None)
    assert main([argument]) == 0
    assert geopend == [Path("oost-gelre.sqlite")]


def test_herstel_van_een_bestand_dat_er_niet_is_maakt_geen_leeg_bestand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "bestaatniet.sqlite"
    assert main(["herstel", str(pad)]) == 1
    assert "geen reservekopieën" in capsys.readouterr().err
    assert not pad.exists()


def test_verslag_van_demo_sqlite_wijst_naar_het_voorbeeldbestand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from opslag.demo import standaard_demo_pad

    monkeypatch.chdir(tmp_path)
    assert main(["verslag", "demo.sqlite"]) == 1
    fout = capsys.readouterr().err
    assert "dit bestand bestaat niet" in fout and "maakt en opent u met: tripartiet demo" in fout
    assert main(["demo", "--niet-openen"]) == 0
    capsys.readouterr()
    assert main(["verslag", "demo.sqlite"]) == 1
    assert f"staat in {standaard_demo_pad()}" in capsys.readouterr().err
    assert main(["verslag", str(standaard_demo_pad())]) == 0, "the path it names works"


@pytest.mark.parametrize(("woord", "bedoeld"), [("exporteer", "export"), ("importeren", "importeer"), ("Herstel", "herstel")])
def test_bijna_een_opdracht_wordt_niet_als_bestand_geopend(
    woord: str, bedoeld: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([woord, "--help"]) == 2
    assert f"'{woord}' is geen opdracht; bedoelt u '{bedoeld}'?" in capsys.readouterr().err


@pytest.mark.parametrize("gemeente", ["Aalten", "Berkelland", "Bronckhorst", "Doetinchem", "Montferland", "oost-gelre",
                                      "oude-ijsselstreek", "Winterswijk"])
def test_gemeentenamen_lijken_op_geen_opdracht(gemeente: str) -> None:
    from tui.bedoeld import bedoelde_opdracht
    from tui.cli import COMMANDO_S

    assert bedoelde_opdracht(gemeente, COMMANDO_S) is None
