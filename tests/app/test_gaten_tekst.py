"""Issue #10, holes 2 and 3: a municipality file can come from anyone, so its text is hostile.

Every user text of a demo file (and its file name) holds markup and escape sequences. Every
screen that shows stored text must show it as typed, never crash on it, never pass a control
character to the terminal, and leave the stored text as it was.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, TabbedContent

from opslag.tekst import zichtbaar
from tui.app import TripartietApp
from tui.weergave import letterlijk

VIJANDIG = (
    "[/] [concept] [@click=app.quit]klik[/] [bold red]x "
    "\x1b]52;c;SGVsbG8=\x07\x1b[2J\x1b]0;titel\x07\u202eomgekeerd\u202c\x9b\x7f"
)
# What must be on screen, literally: the markup as typed, the escape as a visible sign.
LETTERLIJK = ("[/]", "[concept]", "␛")
# Nothing of this may reach the terminal as text (not even a line break: it is checked per line).
STUURTEKENS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

KOLOMMEN = {
    "gemeente": ("naam",),
    "partij": ("naam", "code"),
    "persoon": ("naam", "functie"),
    "overleg": ("plaats",),
    "agendapunt": ("notitie",),
    "afspraak": ("actielijn", "doel", "toelichting"),
    "besluit": ("tekst",),
    "actiepunt": ("wat",),
    "thema": ("titel",),
    "subthema": ("onderwerp",),
    "voetnoot": ("tekst",),
}


def _opgeslagen(pad: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(pad) as db:
        return {
            tabel: db.execute(f"SELECT rowid, {', '.join(kolommen)} FROM {tabel} ORDER BY rowid").fetchall()
            for tabel, kolommen in KOLOMMEN.items()
        }


@pytest.fixture
def vijandig_pad(demo_pad: Path) -> Path:
    """The demo file with every user text made hostile, under a hostile file name."""
    pad = demo_pad.with_name("zonnedal [concept] [b]\x1b]0;t\x07.sqlite")
    shutil.move(demo_pad, pad)
    with sqlite3.connect(pad) as db:
        for tabel, kolommen in KOLOMMEN.items():
            for kolom in kolommen:
                # Codes stay short enough to be shown whole; everything else gets the full text.
                waarde = "'C[/]\x1b]0;t\x07' || rowid" if kolom == "code" else f"'{kolom} ' || ?"
                parameters = () if kolom == "code" else (VIJANDIG,)
                db.execute(f"UPDATE {tabel} SET {kolom} = {waarde}", parameters)
        # Open on the opening item, which shows the meeting place.
        db.execute(
            "UPDATE overleg SET huidig_punt_id = (SELECT id FROM agendapunt WHERE overleg_id = overleg.id ORDER BY volgorde LIMIT 1)"
        )
    db.close()
    return pad


def _scherm(app: TripartietApp) -> str:
    """The text of every cell the terminal would get, screens below a modal one included."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return "\n".join(
        "".join(segment.text for strip in regel for segment in strip if not segment.control) for regel in update.strips
    )


def _controleer(app: TripartietApp, *letterlijk_: str) -> str:
    tekst = _scherm(app)
    gevonden = [teken for regel in tekst.split("\n") for teken in STUURTEKENS.findall(regel)]
    assert not gevonden, f"control characters on screen {type(app.screen).__name__}: {gevonden!r}"
    for stuk in letterlijk_:
        assert stuk in tekst, f"{stuk!r} not shown literally on {type(app.screen).__name__}:\n{tekst}"
    return tekst


async def _na_opbouw(app: TripartietApp, pilot, stuk: str) -> None:  # noqa: ANN001
    """The Markdown preview mounts its blocks a few messages later: let those messages run."""
    for _ in range(50):
        if stuk in _scherm(app):
            return
        await pilot.pause()


def _ids(pad: Path, sql: str) -> list[int]:
    with sqlite3.connect(pad) as db:
        return [rij[0] for rij in db.execute(sql)]


def test_zichtbaar_vervangt_elk_stuurteken_een_op_een() -> None:
    tekst = "a\x1b]52;c;x\x07b\x00\x7f\x85\x9f\u202a\u202e\u2066\u2069\r\n\tc"
    assert zichtbaar(tekst) == "a␛]52;c;x␇b␀␡\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd␍␊␉c"
    assert zichtbaar(tekst, regels=True).endswith("␍\n\tc")
    assert len(zichtbaar(tekst)) == len(tekst)
    assert zichtbaar("Raadzaal [/] kamer 2 — ĳ 🏠 עברית") == "Raadzaal [/] kamer 2 — ĳ 🏠 עברית"
    assert zichtbaar(None) == ""


def test_letterlijk_leest_geen_opmaak() -> None:
    assert letterlijk("[@click=app.quit]klik[/] [bold red]x").plain == "[@click=app.quit]klik[/] [bold red]x"
    assert not letterlijk("[bold red]x").spans


async def test_startscherm_en_overlegscherm_met_elk_agendapunt(vijandig_pad: Path) -> None:
    voor = _opgeslagen(vijandig_pad)
    app = TripartietApp()
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        _controleer(app, "zonnedal [concept] [b]␛]0;t␇.sqlite")
        await pilot.press("enter")  # the only file in this folder
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        # Header: municipality and file name; opening item: the meeting place.
        _controleer(app, "naam [/] [concept] [@click=app.quit]klik[/]", "plaats [/] [concept]")
        gezien = set()
        for _ in range(len(app.screen.punten)):
            tekst = _controleer(app, *LETTERLIJK)
            gezien |= {woord for woord in ("notitie [/]", "actielijn [/]", "tekst [/]", "wat [/]", "onderwerp [/]") if woord in tekst}
            await pilot.press("ctrl+down")
            await pilot.pause()
        assert gezien == {"notitie [/]", "actielijn [/]", "tekst [/]", "wat [/]", "onderwerp [/]"}
        # The regional framework unfolded on a subtheme: its title and theme.
        app.screen.index = next(i for i, p in enumerate(app.screen.punten) if p.subthema_nummer)
        app.screen.toon_punt()
        await pilot.press("escape", "k")
        await pilot.pause()
        _controleer(app, "onderwerp [/] [concept]", "titel [/] [concept]")
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert _opgeslagen(vijandig_pad) == voor


async def test_formulieren_bevestiging_en_foutmelding(vijandig_pad: Path) -> None:
    voor = _opgeslagen(vijandig_pad)
    app = TripartietApp(vijandig_pad)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        scherm = app.screen
        overleg = scherm.overleg_id
        for soort, sql, getoond in (
            ("afspraak", f"SELECT id FROM afspraak WHERE overleg_id = {overleg}", "actielijn [/] [concept]"),
            ("besluit", f"SELECT id FROM besluit WHERE overleg_id = {overleg}", "tekst [/] [concept]"),
            ("actiepunt", f"SELECT id FROM actiepunt WHERE overleg_id = {overleg} AND subthema_nummer IS NOT NULL", "wat [/] [concept]"),
        ):
            rij_id = _ids(vijandig_pad, sql)[0]
            punt = _ids(vijandig_pad, f"SELECT agendapunt_id FROM {soort} WHERE id = {rij_id}")[0] if soort != "afspraak" else None
            if punt:
                scherm.index = next(i for i, p in enumerate(scherm.punten) if p.id == punt)
            else:
                nummer = _ids(vijandig_pad, f"SELECT subthema_nummer FROM afspraak WHERE id = {rij_id}")[0]
                scherm.index = next(i for i, p in enumerate(scherm.punten) if p.subthema_nummer == nummer)
            scherm.toon_punt()
            await pilot.pause()
            scherm.bewerk_item(f"{soort}:{rij_id}")
            await pilot.pause()
            # The form's fields hold the stored text (input values), its choices party and person names.
            _controleer(app, getoond, "␛]52;c;SGVsbG8=␇")
            await pilot.press("escape")
            await pilot.pause()
            scherm.verwijder_item(f"{soort}:{rij_id}")
            await pilot.pause()
            assert type(app.screen).__name__ == "BevestigScherm"
            _controleer(app, getoond)
            await pilot.press("n")
            await pilot.pause()
        # A validation message quotes what was typed.
        scherm.bewerk_item(f"besluit:{_ids(vijandig_pad, f'SELECT id FROM besluit WHERE overleg_id = {overleg}')[0]}")
        await pilot.pause()
        app.screen.query_one("#datum", Input).value = "[/] \x1b]0;x\x07"
        await pilot.press("ctrl+s")
        await pilot.pause()
        _controleer(app, "'[/] ", "is geen datum")  # datums shows control characters as '?' itself
        await pilot.press("escape")
        await pilot.pause()
        app.concepten.clear()
        # Attendance: names, codes and functions in a table.
        await pilot.press("escape", "p")
        await pilot.pause()
        assert type(app.screen).__name__ == "AanwezigheidScherm"
        _controleer(app, "naam [/] [concept]")
        tabel = app.screen.query_one(DataTable)
        tabel.scroll_to(x=tabel.max_scroll_x, animate=False)  # the long names push the rest to the right
        await pilot.pause()
        _controleer(app, "[@click=app.quit]klik[/]", "aanwezig")  # the function column
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert _opgeslagen(vijandig_pad) == voor


async def test_lijsten_export_kiezer_palet_hulp_en_kader(vijandig_pad: Path) -> None:
    voor = _opgeslagen(vijandig_pad)
    app = TripartietApp(vijandig_pad)
    async with app.run_test(size=(120, 50), notifications=True) as pilot:
        await pilot.pause()
        app.action_actielijst()
        await pilot.pause()
        _controleer(app, "wat [/] [concept]", "naam [/] [concept] [@click=app.quit]klik[/]")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("enter")  # open the party choice
        await pilot.pause()
        _controleer(app, "naam [/] [concept]")
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()

        app.action_export()
        await _na_opbouw(app, pilot, "omgekeerd")
        _controleer(app, "[/]", "[concept]", "\ufffdomgekeerd")  # the preview; the export drops control characters
        app.screen.query_one("#tabs", TabbedContent).active = "bron"
        await pilot.pause()
        _controleer(app, "\\[/\\]", "\ufffdomgekeerd")
        await pilot.press("escape")
        await pilot.pause()

        app.action_wissel_overleg()
        await pilot.pause()
        _controleer(app, "plaats [/] [concept]")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+p")
        # Discovery lists every subtheme with its subject as help text, after the commands of the
        # meeting; which provider comes first is up to Textual, so scroll to the subthemes.
        for _ in range(60):
            if "Ga naar subthema 1.1 onderwerp" in " ".join(_scherm(app).split()):
                break
            await pilot.press("down")
        _controleer(app, "Ga naar subthema 1.1 onderwerp [/] [concept]")
        await pilot.press(*"2.1.3")  # the search: one hit, highlighted
        for _ in range(50):
            if _scherm(app).count("Ga naar subthema") == 1:
                break
            await pilot.pause()
        tekst = _controleer(app, "Ga naar subthema 2.1.3 onderwerp [/] [concept]")
        assert tekst.count("Ga naar subthema") == 1
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("f1")
        await pilot.pause()
        _controleer(app)
        await pilot.press("escape")
        await pilot.pause()

        app.action_kader()
        await pilot.pause()
        _controleer(app, "titel [/] [concept]", "onderwerp [/]")
        app.ga_naar_subthema("1.4")  # has a footnote
        await pilot.pause()
        _controleer(app, "tekst [/] [concept]")

        # Every message goes through the app's notify: names quoted in it stay literal.
        app.notify(f"{VIJANDIG} is toegevoegd.", title="[b]Bewaard\x1b[2J")
        await pilot.pause()
        _controleer(app, "[@click=app.quit]klik[/] [bold red]x", "[b]Bewaard␛[2J")
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert _opgeslagen(vijandig_pad) == voor


def _cli(*argumenten: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *argumenten], capture_output=True, text=True, timeout=120)


def test_cli_schrijft_geen_stuurtekens(vijandig_pad: Path) -> None:
    voor = _opgeslagen(vijandig_pad)
    for argumenten in (
        ("controleer", str(vijandig_pad)),
        ("herstel", str(vijandig_pad)),
        ("export", str(vijandig_pad)),
        ("verslag", str(vijandig_pad)),
        ("export", str(vijandig_pad), "-o", str(vijandig_pad.with_suffix(".md"))),
    ):
        uitkomst = _cli(*argumenten)
        assert uitkomst.returncode in (0, 1), uitkomst.stderr
        assert not STUURTEKENS.search(uitkomst.stderr.replace("\n", "")), (argumenten, uitkomst.stderr)
        uit = uitkomst.stdout.replace("\n", "")
        if argumenten[0] in ("export", "verslag"):
            # Piped, the Markdown is byte for byte the export file: no C0/C1 (opslag.markdown_tekst),
            # but balanced bidi controls, which keep right-to-left names readable in a viewer.
            uit = re.sub("[\u202a-\u202e\u2066-\u2069]", "", uit)
        assert not STUURTEKENS.search(uit), (argumenten, uitkomst.stdout)
    # The report of `controleer` quotes the file name: its escape is shown, not sent.
    uitkomst = _cli("controleer", str(vijandig_pad))
    assert "␛]0;t␇" in uitkomst.stdout + uitkomst.stderr
    assert _opgeslagen(vijandig_pad) == voor


def test_export_naar_een_terminal_toont_ook_bidi_tekens(
    vijandig_pad: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import main

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["verslag", str(vijandig_pad)]) == 0
    uit = capsys.readouterr().out
    assert "\ufffdomgekeerd\ufffd" in uit
    assert not STUURTEKENS.search(uit.replace("\n", ""))


async def test_invoerveld_toont_stuurtekens_en_houdt_de_cursor_erop() -> None:
    """The value stays as stored; the field shows '␛', and the cursor stands where the same
    visible text would put it."""
    from textual.app import App, ComposeResult

    from tui.widgets.veilig import Invoer

    class Proef(App[None]):
        def compose(self) -> ComposeResult:
            yield Invoer("a\x1b]0;x\x07b", id="vijandig")
            yield Input("a␛]0;x␇b", id="zichtbaar")

    app = Proef()
    async with app.run_test(size=(40, 8)) as pilot:
        for veld in app.query(Input):
            veld.focus()
            await pilot.press("end")
        vijandig, zichtbaar_ = app.query_one("#vijandig", Input), app.query_one("#zichtbaar", Input)
        assert vijandig.value == "a\x1b]0;x\x07b"
        assert _controleer(app).count("a␛]0;x␇b") == 2
        assert vijandig.cursor_position == len(vijandig.value)
        assert vijandig._cursor_offset == zichtbaar_._cursor_offset
