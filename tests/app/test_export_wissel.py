"""Switching documents on the export screen: built ahead, shown without a build or a 'bezig', and
the preview parsed a part at a time; the source tab made when it is first shown."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown, Select, TabbedContent, TextArea
from textual.widgets._markdown import MarkdownH1

from opslag import export
from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.schermen.export import ExportScherm
from tui.widgets.voorbeeld import parser, tokens


async def _tot_stil(app: TripartietApp, pilot) -> None:  # noqa: ANN001
    for _ in range(500):
        if all(w.is_finished or w.group == "voorbeeld" for w in app.workers):
            break
        await pilot.pause(0.01)
    await pilot.pause()


async def test_ander_document_staat_klaar_en_verschijnt_zonder_bouwen(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """Once the first document is shown, the others are built ahead; choosing one then shows it
    without a build in a thread and without 'bezig' in between (on the 100x file the build and
    the 'bezig' layout were over half of the 115 ms to the new document)."""
    gebouwd: list[str] = []
    echt = export.maak

    def tel(soort, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        gebouwd.append(soort)
        return echt(soort, *args, **kwargs)

    monkeypatch.setattr(export, "maak", tel)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(ExportScherm(app.bestand, getattr(app.screen, "overleg_id", None)))
        await pilot.pause()
        scherm = app.screen
        await _tot_stil(app, pilot)
        assert scherm.getoond is scherm.document is not None
        assert sorted(gebouwd) == ["inzet", "uitvoeringsagenda", "verslag"]  # each once
        gebouwd.clear()
        scherm.query_one("#document", Select).value = "uitvoeringsagenda"
        await pilot.pause()
        assert not scherm.bezig and scherm.tekst.startswith("# Tweejarige uitvoeringsagenda")
        bezig_getoond = []
        while scherm.getoond is not scherm.document:
            bezig_getoond.append(scherm.query_one("#bezig").display)
            await pilot.pause(0)
        await _tot_stil(app, pilot)
        assert gebouwd == [] and not any(bezig_getoond)
        weergave = scherm.query_one("#weergave", Markdown)
        [kop] = weergave.query(MarkdownH1)
        assert schermtekst(kop).strip().startswith("Tweejarige uitvoeringsagenda")
        # Back to the minutes: kept too.
        scherm.query_one("#document", Select).value = "verslag"
        await _tot_stil(app, pilot)
        assert gebouwd == [] and scherm.tekst.startswith("# Verslag")
        # A checkbox asks for a document not built yet: that one is built.
        scherm.query_one("#document", Select).value = "uitvoeringsagenda"
        await _tot_stil(app, pilot)
        scherm.query_one("#status").value = True
        await _tot_stil(app, pilot)
        assert gebouwd == ["uitvoeringsagenda"]
        assert "| Status |" in scherm.tekst


async def test_bron_wordt_pas_gemaakt_als_hij_getoond_wordt(demo_pad: Path) -> None:
    """The source tab's TextArea is made when the tab is first shown: composed with the screen
    it was a tenth of the first view, for a tab most exports never open."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(ExportScherm(app.bestand, getattr(app.screen, "overleg_id", None)))
        await pilot.pause()
        scherm = app.screen
        await _tot_stil(app, pilot)
        assert not scherm.query(TextArea)
        scherm.query_one("#tabs", TabbedContent).active = "bron"
        await pilot.pause()
        assert scherm.query_one("#broncode", TextArea).text == scherm.tekst
        scherm.query_one("#document", Select).value = "inzet"
        await _tot_stil(app, pilot)
        assert len(scherm.query(TextArea)) == 1 and scherm.query_one("#broncode", TextArea).text == scherm.tekst


async def test_voorbeeld_in_delen_ontleed_als_geheel(demo_pad: Path) -> None:
    """Parsed a part at a time, the preview's tokens are those of the whole, line numbers too."""
    from opslag.bestand import Gemeentebestand
    from tui.schermen.export_document import bouw_document

    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as b:
        from opslag import notulen

        overleg = notulen.laatste_overleg(b)
        periode = notulen.uitvoeringsagendas(b)[-1].periode
    for soort, keuzes in [("verslag", {"overleg": overleg.id}), ("uitvoeringsagenda", {"agenda": periode, "status": True, "kader": True}),
                          ("inzet", {"agenda": periode})]:
        voorbeeld = bouw_document(demo_pad, soort, keuzes).voorbeeld
        assert voorbeeld.count("\n\n#") > 1

        def vorm(t):  # noqa: ANN001, ANN202
            return (t.type, t.tag, t.content, t.map, t.markup, [vorm(k) for k in t.children or []])

        assert [vorm(t) for t in tokens(voorbeeld)] == [vorm(t) for t in parser().parse(voorbeeld)]


def test_voorbeeld_met_code_of_html_wordt_in_een_keer_ontleed() -> None:
    """Fenced code and HTML run on past a heading line: such a text is parsed whole."""
    tekst = "# Kop\n\n```\nregel\n\n# geen kop\n```\n\nSlot.\n"
    assert [t.type for t in tokens(tekst)] == [t.type for t in parser().parse(tekst)]
    assert "fence" in [t.type for t in tokens(tekst)]
    html = "<!--\n\n# geen kop\n-->\n"
    assert [t.type for t in tokens(html)] == ["html_block"]


async def test_leeg_voorbeeld_wordt_niet_eerst_als_leeg_document_gemaakt(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """Textual's Markdown parses and mounts an empty document when it is mounted, a parser made
    for it; the screen fills the preview itself, so that was work on the way to its first view."""
    bijgewerkt: list[str] = []
    echt = Markdown.update

    def tel(self, markdown):  # noqa: ANN001, ANN202
        bijgewerkt.append(markdown)
        return echt(self, markdown)

    monkeypatch.setattr(Markdown, "update", tel)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(ExportScherm(app.bestand, getattr(app.screen, "overleg_id", None)))
        await pilot.pause()
        scherm = app.screen
        await _tot_stil(app, pilot)
        assert scherm.getoond is scherm.document is not None
        assert bijgewerkt == []
