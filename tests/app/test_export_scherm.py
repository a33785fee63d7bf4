"""The export screen, driven by keys: preview as rendered Markdown and as source, save, ask before overwriting."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from textual.widgets import Checkbox, Input, Markdown, Select, Static, TabbedContent, TextArea
from textual.widgets._markdown import MarkdownH1

from opslag import export, notulen
from opslag.bestand import Gemeentebestand
from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.schermen.export import ExportScherm, OverschrijfVraag
from tui.widgets.voorbeeld import VoorbeeldTabel


def _meldingen(app: TripartietApp) -> list[str]:
    return [melding.message for melding in app._notifications]


async def _klaar(app: TripartietApp, pilot) -> None:  # noqa: ANN001
    """Until the document is built and the preview fully mounted (both happen in workers; the
    preview only as far as it is scrolled, so scroll to its end until everything is there)."""
    scherm = app.screen
    await pilot.pause()
    for _ in range(500):
        if not scherm.bezig and all(w.is_finished for w in app.workers):
            break
        scherm.query_one("#voorbeeldvak").scroll_end(animate=False)
        await pilot.pause(0.01)
    scherm.query_one("#voorbeeldvak").scroll_home(animate=False)
    await pilot.pause()


async def _open_export(app: TripartietApp, pilot) -> ExportScherm:  # noqa: ANN001
    await pilot.pause()
    app.push_screen(ExportScherm(app.bestand, getattr(app.screen, "overleg_id", None)))
    await pilot.pause()
    assert isinstance(app.screen, ExportScherm)
    await _klaar(app, pilot)
    return app.screen


async def test_voorbeeld_als_opgemaakte_markdown_en_als_bron(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as b:
        verwacht = export.exporteer_verslag(b, export.kies_overleg(b, "laatste"))
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        scherm = await _open_export(app, pilot)
        # Opened from the meeting screen: the minutes of that meeting, with a name in the file's folder.
        assert scherm.query_one("#document", Select).value == "verslag"
        assert scherm.query_one("#bestandsnaam", Input).value == str(demo_pad.parent / "verslag-zonnedal-fictief-2026-11-19.md")
        assert scherm.tekst == verwacht
        # The source tab is made and loaded when it is shown (a TextArea takes 50-100 ms for 200 kB).
        assert not scherm.query("#broncode")
        weergave = scherm.query_one("#weergave", Markdown)
        assert schermtekst(weergave.query_one(MarkdownH1)) .strip() == "Verslag ambtelijk tripartite overleg wonen Zonnedal (fictief) — concept"
        tabellen = weergave.query(VoorbeeldTabel)
        assert len(tabellen) == 6  # four items with tables, besluitenlijst, actielijst
        actielijst = schermtekst(tabellen.last().query_one(Static))
        assert "Nr." in actielijst and "Stand" in actielijst and "A-009" in actielijst and "verstreken" in actielijst
        assert scherm.query_one("#tabs", TabbedContent).active == "voorbeeld"
        scherm.query_one("#tabs", TabbedContent).active = "bron"
        await pilot.pause()
        assert scherm.query_one("#broncode", TextArea).display
        assert scherm.query_one("#broncode", TextArea).text == verwacht


async def test_uitvoeringsagenda_kiezen_met_statuskolom(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        scherm = await _open_export(app, pilot)
        scherm.query_one("#tabs", TabbedContent).active = "bron"  # the preview waits until it is shown
        await pilot.pause()
        scherm.query_one("#document", Select).value = "uitvoeringsagenda"
        await pilot.pause()
        weergave = scherm.query_one("#weergave", Markdown)
        assert weergave.source.startswith("# Verslag")
        scherm.query_one("#tabs", TabbedContent).active = "voorbeeld"
        await pilot.pause()
        assert weergave.source.startswith("# Tweejarige uitvoeringsagenda")
        assert scherm.query_one("#bestandsnaam", Input).value == str(demo_pad.parent / "uitvoeringsagenda-zonnedal-fictief-2026-2027.md")
        bron = scherm.query_one("#broncode", TextArea)
        assert bron.text.startswith("# Tweejarige uitvoeringsagenda gemeente Zonnedal (fictief) 2026 t/m 2027\n")
        assert "| Status |" not in bron.text
        assert not scherm.query_one("#status", Checkbox).disabled
        scherm.query_one("#status", Checkbox).focus()
        await pilot.press("space")
        await _klaar(app, pilot)
        assert "| Nr. | Actielijn | Doel | Start | Eind | Verantwoordelijke | Status |" in scherm.tekst
        assert "| Status |" not in bron.text  # the source tab is loaded again when it is shown
        scherm.query_one("#tabs", TabbedContent).active = "bron"
        await pilot.pause()
        assert "| Nr. | Actielijn | Doel | Start | Eind | Verantwoordelijke | Status |" in bron.text
        scherm.query_one("#document", Select).value = "verslag"
        await pilot.pause()
        assert scherm.query_one("#status", Checkbox).disabled  # the options belong to the agenda


async def test_opslaan_en_vragen_voor_overschrijven(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        scherm = await _open_export(app, pilot)
        doel = Path(scherm.query_one("#bestandsnaam", Input).value)
        assert not doel.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert doel.read_text(encoding="utf-8") == scherm.tekst
        assert f"Opgeslagen als {doel}" in _meldingen(app)

        doel.write_text("eigen aanpassing\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OverschrijfVraag)
        assert "verslag-zonnedal-fictief-2026-11-19.md bestaat al" in schermtekst(app.screen.query_one("#vraag"))
        assert "ja, vervangen" in schermtekst(app.screen.query_one("#keuze"))
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is scherm
        assert doel.read_text(encoding="utf-8") == "eigen aanpassing\n"  # no means no

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert doel.read_text(encoding="utf-8") == scherm.tekst


async def test_eigen_naam_met_enter_en_een_map_geweigerd(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        scherm = await _open_export(app, pilot)
        invoer = scherm.query_one("#bestandsnaam", Input)
        invoer.focus()
        invoer.value = ""
        await pilot.press(*"notulen.md", "enter")
        await pilot.pause()
        assert (demo_pad.parent / "notulen.md").read_text(encoding="utf-8").startswith("# Verslag ambtelijk")  # next to the file

        (demo_pad.parent / "map.md").mkdir()
        invoer.value = str(demo_pad.parent / "map.md")
        await pilot.press("enter")
        await pilot.pause()
        assert any("geen gewoon bestand" in melding for melding in _meldingen(app))
        assert (demo_pad.parent / "map.md").is_dir() and app.screen is scherm

        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"


async def test_voorbeeld_toont_tekens_letterlijk(demo_pad: Path) -> None:
    """Rich markup, Markdown and HTML in user text appear as typed, in tables and in running text."""
    with Gemeentebestand.open(demo_pad) as b:
        eerste = notulen.afspraken(b)[0]  # a new one: the table shows an amended one as adopted
        notulen.bewaar_afspraak(b, replace(eerste, id=None, nummer=None, actielijn="Bouw [b]vet[/b] en [/x] | *niet schuin* <i>"))
        punt = notulen.agendapunten(b, export.kies_overleg(b))[0]
        notulen.bewaar_notitie(b, punt.id, "# geen kop\n1. geen lijst\n[link](http://x) `code`")
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(160, 50)) as pilot:
        scherm = await _open_export(app, pilot)
        weergave = scherm.query_one("#weergave", Markdown)
        assert len(weergave.query(MarkdownH1)) == 1  # the note made no heading
        tekst = "\n".join(schermtekst(blok) for blok in weergave.query("MarkdownParagraph"))
        assert "# geen kop" in tekst and "1. geen lijst" in tekst and "[link](http://x) `code`" in tekst
        scherm.query_one("#document", Select).value = "uitvoeringsagenda"
        await _klaar(app, pilot)  # built in a thread: one pause is not always enough
        eerste = schermtekst(weergave.query(VoorbeeldTabel)[1].query_one(Static))
        assert "[b]vet[/b]" in eerste and "[/x] | *niet" in eerste and "<i>" in eerste


async def test_scherm_opent_meteen_en_zegt_bezig(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """The screen is there before the document: it says 'bezig', then shows the document."""
    los = threading.Event()
    echt = export.maak

    def traag(*args, **kwargs) -> export.Export:  # noqa: ANN002, ANN003
        los.wait(10)  # the build holds until the test has seen the screen without it
        return echt(*args, **kwargs)

    monkeypatch.setattr(export, "maak", traag)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(ExportScherm(app.bestand, getattr(app.screen, "overleg_id", None)))
        await pilot.pause()
        scherm = app.screen
        assert isinstance(scherm, ExportScherm)
        assert scherm.bezig and scherm.query_one("#bezig", Static).display
        assert "Bezig met het opbouwen" in schermtekst(scherm.query_one("#bezig", Static))
        assert not scherm.query_one("#weergave", Markdown).display
        await pilot.press("ctrl+s")  # nothing half-built is written
        assert any("nog opgebouwd" in melding for melding in _meldingen(app))
        los.set()
        await _klaar(app, pilot)
        assert not scherm.bezig and not scherm.query_one("#bezig", Static).display
        weergave = scherm.query_one("#weergave", Markdown)
        assert weergave.display
        assert schermtekst(weergave.query_one(MarkdownH1)).strip().startswith("Verslag ambtelijk tripartite overleg")
        assert not list(demo_pad.parent.glob("verslag-*.md"))


async def test_ander_document_vervangt_het_voorbeeld(demo_pad: Path) -> None:
    """Switching the document twice in a row: only the last choice is built and shown."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        scherm = await _open_export(app, pilot)
        keuze = scherm.query_one("#document", Select)
        keuze.value = "uitvoeringsagenda"
        await pilot.pause(0)
        keuze.value = "verslag"
        await pilot.pause(0)
        keuze.value = "uitvoeringsagenda"
        await _klaar(app, pilot)
        weergave = scherm.query_one("#weergave", Markdown)
        koppen = weergave.query(MarkdownH1)
        assert len(koppen) == 1  # the earlier documents' blocks are gone
        assert schermtekst(koppen.first()).strip().startswith("Tweejarige uitvoeringsagenda gemeente Zonnedal")
        assert scherm.tekst.startswith("# Tweejarige uitvoeringsagenda")
        scherm.query_one("#tabs", TabbedContent).active = "bron"
        await pilot.pause()
        assert scherm.query_one("#broncode", TextArea).text.startswith("# Tweejarige uitvoeringsagenda")


async def test_lang_voorbeeld_verschijnt_bij_het_scrollen(demo_pad: Path) -> None:
    """A long preview is mounted as far as it is scrolled; the file still gets everything."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ExportScherm(app.bestand, getattr(app.screen, "overleg_id", None)))
        scherm = app.screen
        for _ in range(200):
            await pilot.pause(0.01)
            if not scherm.bezig and scherm.query_one("#weergave", Markdown).display:
                break
        await pilot.pause(0.2)
        weergave = scherm.query_one("#weergave", Markdown)
        deels = len(weergave.children)
        assert 0 < deels
        assert len(weergave.query(VoorbeeldTabel)) < 6  # not all of it yet
        await _klaar(app, pilot)  # scrolls to the end
        assert len(weergave.children) > deels
        assert len(weergave.query(VoorbeeldTabel)) == 6


def test_voorbeeldtekst_knipt_lange_tabellen() -> None:
    from tui.widgets.voorbeeld import TABELRIJEN, voorbeeldtekst

    rijen = [f"| A-{i:03d} | iets |" for i in range(TABELRIJEN * 2 + 5)]
    tekst = "Tekst.\n\n| Nr. | Actie |\n|---|---|\n" + "\n".join(rijen) + "\n\nSlot.\n"
    voorbeeld = voorbeeldtekst(tekst)
    assert voorbeeld.count("| Nr. | Actie |") == 3  # three tables, each with the header
    assert all(rij in voorbeeld for rij in rijen)  # no row lost
    assert voorbeeld.startswith("Tekst.\n\n") and voorbeeld.endswith("\n\nSlot.\n")


def test_tabel_in_het_voorbeeld_maakt_geen_widget_per_cel() -> None:
    """Textual makes a widget of every table cell; the preview draws one Rich table, so the cells
    stay plain data and the table lets go of them once drawn (a widget per cell was a third of the
    export screen's objects on the 100x file, walked by every full garbage collection)."""
    from textual.widget import Widget

    from tui.widgets.voorbeeld import Voorbeeld, parser as _parser

    weergave = Voorbeeld(parser_factory=_parser)
    tokens = _parser().parse("| Nr. | Actie |\n|---|---|\n| A-1 | `[b]` en *nadruk* |\n| A-2 | |\n")
    [tabel] = list(weergave._parse_markdown(tokens))
    assert isinstance(tabel, VoorbeeldTabel)

    def delen(blok: object) -> list[object]:
        return [d for deel in blok._blocks for d in [deel, *delen(deel)]]

    assert delen(tabel) and not any(isinstance(deel, Widget) for deel in delen(tabel))
    koppen, rijen = tabel._get_headers_and_rows()
    assert [kop.plain for kop in koppen] == ["Nr.", "Actie"]
    assert [[cel.plain for cel in rij] for rij in rijen] == [["A-1", "[b] en nadruk"], ["A-2", ""]]
    [static] = list(tabel.compose())
    assert isinstance(static, Static) and tabel._blocks == []


async def test_eerste_stap_van_het_voorbeeld_vult_alleen_het_beeld(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """The first step mounts a screenful's worth of source lines, the later ones more: until the
    first step is drawn the new document is not on screen, and a step of tables is slow to lay out."""
    from tui.schermen import export as scherm_module

    stappen: list[int] = []
    monteer = scherm_module.ExportScherm._monteer

    async def tel(self, weergave, bezig, stap, ronde, **kwargs):  # noqa: ANN001, ANN003, ANN202
        if stap:
            stappen.append(sum(blok.source_range[1] - blok.source_range[0] for blok in stap))
        return await monteer(self, weergave, bezig, stap, ronde, **kwargs)

    monkeypatch.setattr(scherm_module.ExportScherm, "_monteer", tel)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        scherm = await _open_export(app, pilot)  # to the end of the preview
        assert len(stappen) > 2
        grens = max(stappen[1:-1])
        assert scherm_module.EERSTE_STAP_REGELS <= stappen[0] < scherm_module.STAP_REGELS <= grens


async def test_werkers_heten_niet_naar_het_document(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """Textual names a worker after the repr of its arguments unless it has a description: for the
    preview that was the whole document and its tokens, 15 ms before every preview on the 100x file."""
    from textual.worker import Worker

    namen: list[str] = []
    maak = Worker.__init__

    def noteer(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        maak(self, *args, **kwargs)
        namen.append(self.description)

    monkeypatch.setattr(Worker, "__init__", noteer)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_export(app, pilot)
    assert "voorbeeld vullen" in namen and "document bouwen" in namen
    assert max(len(naam) for naam in namen) < 200
