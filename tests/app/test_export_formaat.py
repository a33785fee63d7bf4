"""Word, ODT and PDF from the command line and the export screen: --formaat, the extension of -o,
--huisstijl, the target check before any conversion, and the screen converting in a worker."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import docx
import pytest
import pypdf
from textual.widgets import Input, Label, Select

from opslag import export, omzetten
from opslag.bestand import Gemeentebestand
from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.cli import main
from tui.schermen.export import ExportScherm

AFSPRAKEN = {f"AF-{i:03}" for i in range(1, 9)}  # the demo's agreements


def _pdf_tekst(pad: Path) -> str:
    return "\n".join(pagina.extract_text() for pagina in pypdf.PdfReader(pad).pages)


def _docx_tekst(pad: Path) -> str:
    document = docx.Document(str(pad))
    cellen = [cel.text for tabel in document.tables for rij in tabel.rows for cel in rij.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cellen])


def _markdown(demo_pad: Path, soort: str) -> str:
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as b:
        if soort == "verslag":
            return export.exporteer_verslag(b, export.kies_overleg(b, "laatste"))
        return export.exporteer_uitvoeringsagenda(b)


def test_cli_formaat_docx_geeft_word_met_de_tabellen_en_nummers(demo_pad: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    doel = tmp_path / "agenda.docx"
    assert main(["export", str(demo_pad), "--formaat", "docx", "-o", str(doel)]) == 0
    assert f"Geschreven: {doel}" in capsys.readouterr().err
    document = docx.Document(str(doel))
    markdown = _markdown(demo_pad, "uitvoeringsagenda")
    assert len(document.tables) == markdown.count("\n|---")  # every Markdown table is a Word table
    assert AFSPRAKEN <= set(re.findall(r"AF-\d{3}", _docx_tekst(doel)))
    koppen = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert koppen[0] == markdown.splitlines()[0].removeprefix("# ").replace("\\", "")


@pytest.mark.parametrize("commando", ["export", "verslag"])
def test_cli_extensie_pdf_kiest_pdf(demo_pad: Path, tmp_path: Path, commando: str) -> None:
    doel = tmp_path / f"{commando}.pdf"
    assert main([commando, str(demo_pad), "-o", str(doel)]) == 0
    assert doel.read_bytes().startswith(b"%PDF-")
    tekst = _pdf_tekst(doel)
    markdown = _markdown(demo_pad, "verslag" if commando == "verslag" else "uitvoeringsagenda")
    assert set(re.findall(r"AF-\d{3}", markdown)) <= set(re.findall(r"AF-\d{3}", tekst))
    assert set(re.findall(r"AF-\d{3}", markdown))  # the check above compared something


@pytest.mark.parametrize("uitvoer", [[], ["-o", "-"]])
def test_cli_pdf_zonder_bestand_geweigerd(demo_pad: Path, tmp_path: Path, capsys, monkeypatch, uitvoer) -> None:  # noqa: ANN001
    """Binary data does not go to the terminal, nor to a file nobody named: -o is asked for."""
    werk = tmp_path / "werk"
    werk.mkdir()
    monkeypatch.chdir(werk)
    assert main(["verslag", str(demo_pad), "--formaat", "pdf", *uitvoer]) == 1
    uit = capsys.readouterr()
    assert uit.out == ""
    assert "PDF kan niet op het scherm; geef met -o een bestandsnaam op, bijvoorbeeld -o verslag.pdf" in uit.err
    assert list(werk.iterdir()) == []


def test_cli_formaat_en_extensie_die_elkaar_tegenspreken(demo_pad: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    tmp_path = tmp_path / "uit"
    tmp_path.mkdir()
    assert main(["export", str(demo_pad), "--formaat", "pdf", "-o", str(tmp_path / "agenda.docx")]) == 1
    assert "past niet bij de bestandsnaam agenda.docx" in capsys.readouterr().err
    assert main(["export", str(demo_pad), "--formaat", "rtf", "-o", str(tmp_path / "agenda")]) == 1
    assert "Onbekend formaat 'rtf'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("naam", ["gemeente", "gemeente-wal", "nieuw.sqlite"])
def test_cli_onveilig_doel_geweigerd_voor_het_omzetten(demo_pad: Path, capsys, monkeypatch, naam: str) -> None:  # noqa: ANN001
    omgezet: list[object] = []
    monkeypatch.setattr(omzetten, "zet_om", lambda *a, **k: omgezet.append(a))
    monkeypatch.setattr(export, "maak", lambda *a, **k: omgezet.append(a))
    doel = {"gemeente": demo_pad, "gemeente-wal": demo_pad.with_name(demo_pad.name + "-wal"),
            "nieuw.sqlite": demo_pad.with_name("nieuw.sqlite")}[naam]
    voor = demo_pad.read_bytes()
    assert main(["verslag", str(demo_pad), "--formaat", "pdf", "-o", str(doel)]) == 1
    assert "hier wordt niet naartoe geëxporteerd" in capsys.readouterr().err
    assert omgezet == []  # refused before the document was even built
    assert demo_pad.read_bytes() == voor
    assert naam == "gemeente" or not doel.exists()


@pytest.mark.parametrize("formaat", ["pdf", "docx", "odt"])
def test_cli_huisstijl_ontbreekt(demo_pad: Path, tmp_path: Path, capsys, formaat: str) -> None:  # noqa: ANN001
    uit = tmp_path / "uit"
    uit.mkdir()
    stijl = tmp_path / f"bestaat-niet.{'typ' if formaat == 'pdf' else formaat}"
    assert main(["verslag", str(demo_pad), "-o", str(uit / f"verslag.{formaat}"), "--huisstijl", str(stijl)]) == 1
    assert f"Huisstijlbestand {stijl}: bestaat niet." in capsys.readouterr().err
    assert list(uit.iterdir()) == []  # nothing written, nothing half-written


def test_cli_eigen_huisstijl_wordt_gebruikt(demo_pad: Path, tmp_path: Path) -> None:
    stijl = tmp_path / "eigen.typ"
    stijl.write_text(omzetten.standaard_huisstijl("pdf").read_text(encoding="utf-8").replace("$body$", "EIGEN HUISSTIJL\n\n$body$"), encoding="utf-8")
    doel = tmp_path / "verslag.pdf"
    assert main(["verslag", str(demo_pad), "-o", str(doel), "--huisstijl", str(stijl)]) == 0
    assert "EIGEN HUISSTIJL" in _pdf_tekst(doel)


def test_cli_huisstijl_bij_markdown_geweigerd(demo_pad: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    tmp_path = tmp_path / "uit"
    tmp_path.mkdir()
    assert main(["verslag", str(demo_pad), "-o", str(tmp_path / "v.md"), "--huisstijl", str(tmp_path / "x.docx")]) == 1
    assert "--huisstijl geldt voor Word, ODT en PDF" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_titel_en_status_uit_het_document_of_de_eerste_kop() -> None:
    class MetStatus:
        titel = "Verslag 19 november"
        status = "CONCEPT"

    assert export.titel_en_status(export.Export("# Kop\n", "k", MetStatus())) == ("Verslag 19 november", "CONCEPT")
    assert export.titel_en_status(export.Export("Inleiding\n\n# Zonnedal \\(fictief\\) \\#1\n\n## Twee\n", "k")) == (
        "Zonnedal (fictief) #1", None)
    assert export.titel_en_status(export.Export("geen kop\n", "k")) == ("", None)


# --- the export screen ------------------------------------------------------------------------------


async def _open(app: TripartietApp, pilot) -> ExportScherm:  # noqa: ANN001
    await pilot.pause()
    app.push_screen(ExportScherm(app.bestand, getattr(app.screen, "overleg_id", None)))
    await pilot.pause()
    scherm = app.screen
    assert isinstance(scherm, ExportScherm)
    for _ in range(500):
        if not scherm.bezig:
            break
        await pilot.pause(0.01)
    return scherm


async def test_scherm_formaat_en_extensie_volgen_elkaar(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        scherm = await _open(app, pilot)
        invoer = scherm.query_one("#bestandsnaam", Input)
        assert invoer.value.endswith("verslag-zonnedal-fictief-2026-11-19.md")
        scherm.query_one("#formaat", Select).value = "docx"
        await pilot.pause()
        assert invoer.value == str(demo_pad.parent / "verslag-zonnedal-fictief-2026-11-19.docx")
        invoer.value = str(demo_pad.parent / "notulen.pdf")
        await pilot.pause()
        assert scherm.query_one("#formaat", Select).value == "pdf"
        assert invoer.value.endswith("notulen.pdf")
        invoer.value = "notulen"  # no extension: choosing the format adds it
        scherm.query_one("#formaat", Select).value = "odt"
        await pilot.pause()
        assert invoer.value == "notulen.odt"


async def test_scherm_slaat_word_op_in_een_worker(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """Saving as Word says 'bezig' while converting, the screen takes keys meanwhile, then the file is there."""
    los = threading.Event()
    echt = export.schrijf_document

    def traag(*args, **kwargs) -> Path:  # noqa: ANN002, ANN003
        los.wait(20)  # the conversion holds until the test has seen the screen during it
        return echt(*args, **kwargs)

    monkeypatch.setattr(export, "schrijf_document", traag)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        scherm = await _open(app, pilot)
        scherm.query_one("#formaat", Select).value = "docx"
        await pilot.pause()
        doel = Path(scherm.query_one("#bestandsnaam", Input).value)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert scherm.omzetten_bezig
        assert f"Bezig met het maken van {doel.name} (DOCX)" in schermtekst(scherm.query_one("#hulp", Label))
        await pilot.press("ctrl+s")  # a second save while the first runs is refused, not doubled
        await pilot.pause()
        assert any("wordt nog gemaakt" in m.message for m in app._notifications)
        scherm.query_one("#tabs").active = "bron"  # the screen still does what it is asked
        await pilot.pause()
        assert scherm.query_one("#tabs").active == "bron"
        assert not doel.exists()
        los.set()
        for _ in range(1000):
            if not scherm.omzetten_bezig:
                break
            await pilot.pause(0.01)
        await pilot.pause()  # App.notify posts a message: the notification is there once it is handled
        assert f"Opgeslagen als {doel}" in [m.message for m in app._notifications]
        assert "Bezig" not in schermtekst(scherm.query_one("#hulp", Label))
        assert AFSPRAKEN & set(re.findall(r"AF-\d{3}", _docx_tekst(doel)))
        assert docx.Document(str(doel)).paragraphs[0].text.startswith("Verslag ambtelijk")


async def test_scherm_weigert_onveilig_doel_zonder_omzetten(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    omgezet: list[object] = []
    monkeypatch.setattr(omzetten, "zet_om", lambda *a, **k: omgezet.append(a))
    voor = demo_pad.read_bytes()
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        scherm = await _open(app, pilot)
        scherm.query_one("#formaat", Select).value = "pdf"
        await pilot.pause()  # the extension follows the format first; then the name is typed over
        scherm.query_one("#bestandsnaam", Input).value = str(demo_pad.with_name(demo_pad.name + "-wal"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("hier wordt niet naartoe geëxporteerd" in m.message for m in app._notifications)
        assert not scherm.omzetten_bezig and omgezet == []
    assert demo_pad.read_bytes() == voor


def test_voorbeeldafbeeldingen_voor_de_readme(tmp_path: Path) -> None:
    """docs/maak_voorbeelden.py makes the PNGs the README shows: PDF pages, small enough to commit."""
    import importlib.util

    wortel = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("maak_voorbeelden", wortel / "docs" / "maak_voorbeelden.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    uit = tmp_path / "png"
    uit.mkdir()
    gemaakt = script.maak(tmp_path, uit)
    namen = {png.name for png in gemaakt}
    assert namen == {f"{soort}-{n}.png" for soort in ("verslag", "uitvoeringsagenda") for n in (1, 2)}
    assert (tmp_path / "verslag.pdf").read_bytes().startswith(b"%PDF-")
    for png in gemaakt:
        assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert png.stat().st_size < 300_000
    readme = (wortel / "README.md").read_text(encoding="utf-8")
    for naam in namen:  # the README shows each, and each is committed
        assert f"docs/{naam}" in readme and (wortel / "docs" / naam).is_file()
