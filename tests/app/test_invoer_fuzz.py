"""Bad input, fuzzed: every value either gets a clear Dutch message or is stored exactly as typed."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.datums import lees_datum, lees_periode, lees_termijn, toon_datum
from opslag.fouten import OngeldigeInvoer
from opslag.invoer import schone_tekst
from tests.hulp import schermtekst
from tui.app import TripartietApp

NAARE_TEKSTEN = [
    "", "   ", "\t", "\n\n", "\x00", "a\x00b", "\x1b[31mrood\x1b[0m", "\u202eomgekeerd", "שלום עולם", "مرحبا",
    "👩‍👩‍👧‍👦🏳️‍🌈", "| kolom | kolom |", "# kop", "1. lijst", "<script>alert(1)</script>", "&amp; &lt;",
    "../../etc/passwd", "C:\\Windows\\win.ini", "a/b", "x" * 1_000_000, "'; DROP TABLE actiepunt; --",
    "31-02-2026", "2026-13-01", "00-00-0000", "29-02-2027", "29-02-2028", "1-1-1", "Q5 2026", "Q0 2026", "2026 Q2",
]
_ISO_DATUM = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


@given(st.text(max_size=40) | st.sampled_from(NAARE_TEKSTEN) | _ISO_DATUM.map(lambda d: d.strftime("%d-%m-%Y")))
def test_datum_geeft_melding_of_klopt(tekst: str) -> None:
    try:
        datum = lees_datum(tekst, "datum", verplicht=False)
    except OngeldigeInvoer as fout:
        assert fout.veld == "datum"
        assert str(fout) and ("datum" in str(fout).lower() or "bestaat niet" in str(fout) or "jaar" in str(fout) or "maand" in str(fout).lower())
        return
    if datum is None:
        assert not tekst.strip()
    else:
        assert lees_datum(toon_datum(datum)) == datum


def test_onmogelijke_datums_worden_uitgelegd() -> None:
    with pytest.raises(OngeldigeInvoer, match="31-02-2026 bestaat niet: februari 2026 heeft 28 dagen"):
        lees_datum("31-02-2026")
    with pytest.raises(OngeldigeInvoer, match="Gebruik dd-mm-jjjj"):
        lees_datum("2026-13-01")
    with pytest.raises(OngeldigeInvoer, match="Maand 13 bestaat niet"):
        lees_datum("01-13-2026")
    assert lees_datum("29-02-2028") == dt.date(2028, 2, 29)


@given(st.text(max_size=30) | st.sampled_from(NAARE_TEKSTEN))
def test_termijn_geeft_melding_of_is_genormaliseerd(tekst: str) -> None:
    try:
        termijn = lees_termijn(tekst, "start")
    except OngeldigeInvoer as fout:
        assert fout.veld == "start" and str(fout)
        return
    assert lees_termijn(termijn, "start") == termijn, "normalising twice changes nothing"


@given(st.text(max_size=20) | st.integers(1900, 2200).map(lambda j: f"{j}-{j + 1}"))
def test_periode(tekst: str) -> None:
    try:
        periode = lees_periode(tekst)
    except OngeldigeInvoer as fout:
        assert "2026-2027" in str(fout)
        return
    begin, eind = map(int, periode.split("-"))
    assert eind == begin + 1


@settings(deadline=None)
@given(st.text(max_size=200) | st.sampled_from(NAARE_TEKSTEN[:20]), st.booleans())
def test_schone_tekst_laat_geen_stuurtekens_door(tekst: str, meerdere_regels: bool) -> None:
    try:
        schoon = schone_tekst(tekst, "wat", "Wat", verplicht=True, meerdere_regels=meerdere_regels)
    except OngeldigeInvoer as fout:
        assert "verplicht" in str(fout) or "te lang" in str(fout)
        return
    assert schoon.strip()
    toegestaan = "\n\t" if meerdere_regels else "\t"
    assert not any(ord(t) < 32 and t not in toegestaan for t in schoon)
    assert "\x7f" not in schoon


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=500) | st.sampled_from(NAARE_TEKSTEN))
def test_notitie_wordt_precies_bewaard(demo_pad: Path, tekst: str) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        punt = notulen.agendapunten(bestand, 1)[0]
        notulen.bewaar_notitie(bestand, punt.id, tekst)
    with Gemeentebestand.open(demo_pad) as bestand:
        assert notulen.agendapunten(bestand, 1)[0].notitie == tekst


def _willekeurige_teksten(aantal: int) -> list[str]:
    rnd = random.Random(2026)
    tekens = [chr(c) for c in range(0, 0x250)] + list("€ëéï’“”—🏠👩‍👩‍👧‍👦") + ["\u202e", "\u05e9", "\u0645", "\ud7ff"]
    return ["".join(rnd.choice(tekens) for _ in range(rnd.randint(0, 60))) for _ in range(aantal)]


async def test_formuliervelden_gefuzzd_via_het_scherm(demo_pad: Path) -> None:
    """Each value in the agreement form: an inline message and nothing stored, or stored as shown."""
    app = TripartietApp(demo_pad)
    invoer = [t for t in NAARE_TEKSTEN if len(t) < 1000] + _willekeurige_teksten(10)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+down", "ctrl+down", "ctrl+down", "escape")  # 3.2, an item with a subtheme
        await pilot.press("a")
        await pilot.pause()
        for i, tekst in enumerate(invoer):
            aantal_voor = len(notulen.afspraken(app.bestand))
            formulier = app.screen
            veld = ["actielijn", "doel", "start", "eind"][i % 4]
            formulier.query_one("#actielijn", Input).value = "Actielijn" if veld != "actielijn" else tekst
            for ander in ("doel", "start", "eind"):
                formulier.query_one(f"#{ander}", Input).value = tekst if ander == veld else ""
            formulier.query_one("#trekker").value = app.bestand.partijen()[0].id
            await pilot.press("ctrl+s")
            nu = notulen.afspraken(app.bestand)
            if app.screen is formulier:  # refused: a message at the field, nothing stored
                assert len(nu) == aantal_voor
                foutregel = schermtekst(formulier.query_one(f"#veld-{veld} .veldfout"))
                assert foutregel.strip(), f"no message for {veld}={tekst[:30]!r}"
            else:
                assert len(nu) == aantal_voor + 1
                opgeslagen = getattr(nu[-1], veld)
                if veld in ("actielijn", "doel"):
                    assert opgeslagen == schone_tekst(tekst, veld, veld)
                else:
                    assert opgeslagen == lees_termijn(tekst, veld)
                await pilot.press("a")  # the next one in a fresh form
                await pilot.pause()
    conn = sqlite3.connect(demo_pad)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    commando=st.sampled_from(["nieuw", "open", "export", "verslag", "herstel", "controleer", "--bestand", "-x"]),
    argumenten=st.lists(st.text(max_size=30) | st.sampled_from(NAARE_TEKSTEN[:19]), max_size=4),
)
def test_cli_argumenten_gefuzzd(tmp_path: Path, commando: str, argumenten: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    argv = [commando, *argumenten]
    if "demo" in argv or argv == ["open"]:
        return
    try:
        code = main(argv)
    except SystemExit as einde:  # argparse: usage error
        code = einde.code
    uit = capsys.readouterr()
    assert code in (0, 1, 2), argv
    assert "Traceback" not in uit.err
    if code:
        assert uit.err.strip(), "a failure always says why"
    for pad in tmp_path.rglob("*.sqlite"):
        assert pad.resolve().is_relative_to(tmp_path.resolve())
