"""The registry of document kinds drives both the command line and the export screen: a kind added
to it (here a test's own) is a `tripartiet` subcommand with its options and a choice with its
checkbox on the export screen, with no other change."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Select, TextArea

from opslag import export
from opslag.bestand import Gemeentebestand
from opslag.export import verslag
from opslag.export.soorten import Documentsoort, Optie
from tests.hulp import schermtekst
from tests.app.test_export_scherm import _klaar
from tui import cli
from tui.app import TripartietApp
from tui.schermen.export import ExportScherm


@pytest.fixture
def proef(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """A kind 'proef' that makes the minutes with the minutes' template; it notes what it was given."""
    gekregen: list[dict[str, object]] = []

    def bouw(bestand: Gemeentebestand, overleg_id: int, kort: bool) -> object:
        gekregen.append({"overleg_id": overleg_id, "kort": kort})
        return verslag.bouw(bestand, overleg_id)

    soort = Documentsoort(
        naam="proef",
        commando="proefdocument",
        hulp="schrijf een proefdocument als Markdown",
        omschrijving="Een document dat alleen in deze test bestaat.",
        sjabloon="verslag.md.j2",
        bouwer=bouw,
        kenmerk="datum",
        titel=lambda aanleiding: None if aanleiding.overleg_id is None else "Proefdocument van dit overleg",
        opties=(
            Optie("overleg", "welk overleg, als bij verslag", "overleg_id", metavar="N", standaard="laatste",
                  uit="overleg_id", kies="opslag.export.verslag:kies_overleg"),
            Optie("kort", "alleen de hoofdzaken", "kort", vinkje="Kort houden"),
        ),
    )
    monkeypatch.setitem(export.SOORTEN, "proef", soort)
    return gekregen


def test_nieuwe_soort_is_een_opdracht(proef: list[dict[str, object]], demo_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "proefdocument" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli.main(["proefdocument", "--help"])
    hulp = capsys.readouterr().out
    assert hulp.startswith("Gebruik: tripartiet proefdocument")
    for tekst in ("Een document dat alleen in deze test bestaat.", "--overleg N", "--kort", "alleen de hoofdzaken", "sjablonen/verslag.md.j2"):
        assert tekst in hulp

    assert cli.main(["proefdocument", str(demo_pad), "--kort", "--overleg", "1"]) == 0
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as b:
        eerste = export.kies_overleg(b, "1")
        verwacht = export.exporteer_verslag(b, eerste)
    assert capsys.readouterr().out == verwacht
    assert proef == [{"overleg_id": eerste, "kort": True}]  # the typed position, chosen as the meeting's id


async def test_nieuwe_soort_staat_op_het_exportscherm(proef: list[dict[str, object]], demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        overleg_id = app.screen.overleg_id
        app.push_screen(ExportScherm(app.bestand, overleg_id))
        await _klaar(app, pilot)
        scherm = app.screen
        assert isinstance(scherm, ExportScherm)
        keuze = scherm.query_one("#document", Select)
        assert ("Proefdocument van dit overleg", "proef") in [(str(tekst), waarde) for tekst, waarde in keuze._options]
        kort = scherm.query_one("#kort", Checkbox)
        assert kort.disabled and not kort.display  # the minutes are shown first; 'kort' is not theirs

        keuze.value = "proef"
        await _klaar(app, pilot)
        assert "Kort houden" in schermtekst(kort)
        assert not kort.disabled and scherm.query_one("#status", Checkbox).disabled
        kort.value = True
        await _klaar(app, pilot)  # also the preview's fill: the app must not close under it
        assert proef == [{"overleg_id": overleg_id, "kort": False}, {"overleg_id": overleg_id, "kort": True}]
        assert scherm.tekst.startswith("# Verslag ambtelijk")
        assert scherm.query_one("#bestandsnaam").value.endswith("proef-zonnedal-fictief-2026-11-19.md")


def test_register_klopt() -> None:
    """Every kind has its template, a subcommand of its own and Dutch help for every option."""
    from importlib import resources

    commando_s = [soort.commando for soort in export.SOORTEN.values()]
    assert commando_s == ["export", "verslag", "inzet"]
    assert not set(commando_s) & set(cli.COMMANDO_S)
    for soort in export.SOORTEN.values():
        assert resources.files("sjablonen").joinpath(soort.sjabloon).is_file()
        assert all(optie.hulp and optie.naam not in ("uitvoer", "sjabloon", "pad") for optie in soort.opties)
