"""The action list: the query in opslag.actielijst, and the screen driven by key presses.

The demo's 'te laat' depends on the date, so the screen tests fix today at 27-11-2026 unless
they check the date written by 'gereed'. On that day the demo has 7 open actions, 3 of them
overdue (A-004, A-006, A-005), and 2 finished ones (A-001, A-002).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import time
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import DataTable, Select

from opslag import notulen
from opslag.actielijst import ActieRegel, actielijst
from opslag.bestand import Gemeentebestand
from opslag.modellen import ActieStatus, Actiepunt
from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.schermen.actielijst import ActiefilterScherm, ActielijstScherm

VANDAAG = dt.date(2026, 11, 27)
OPEN_OP_DEADLINE = ["A-004", "A-006", "A-005", "A-008", "A-003", "A-007", "A-009"]
TE_LAAT = ["A-004", "A-006", "A-005"]


# --- helpers ------------------------------------------------------------------------------------


async def _open_actielijst(app: TripartietApp, pilot, vandaag: dt.date | None = VANDAAG) -> ActielijstScherm:
    await pilot.pause()
    scherm = ActielijstScherm(app.bestand, vandaag=vandaag)
    await app.push_screen(scherm)
    await pilot.pause()
    assert app.screen is scherm
    return scherm


def _tabeltekst(app: TripartietApp) -> str:
    return schermtekst(app.screen.query_one("#acties", DataTable))


def _codes(app: TripartietApp) -> list[str]:
    """The action numbers in the order the table shows them."""
    return re.findall(r"^ ?(A-\d{3})", _tabeltekst(app), flags=re.MULTILINE)


def _regel(app: TripartietApp, code: str) -> str:
    return next(r for r in _tabeltekst(app).splitlines() if r.lstrip().startswith(code))


def _balk(app: TripartietApp, widget_id: str) -> str:
    return schermtekst(app.screen.query_one(f"#{widget_id}")).strip()


def _in_bestand(pad: Path) -> dict[str, Actiepunt]:
    """The actions as they are in the file, read through a fresh connection."""
    with Gemeentebestand.open(pad) as bestand:
        return {a.code: a for a in notulen.actiepunten(bestand)}


def _meldingen(app: TripartietApp) -> list[str]:
    return [n.message for n in app._notifications]


# --- the screen ---------------------------------------------------------------------------------


async def test_toont_open_actiepunten_en_markeert_te_late(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_actielijst(app, pilot)
        tekst = _tabeltekst(app)
        assert tekst.splitlines()[0].split() == ["Nr", "Actie", "Wie", "Subthema", "Deadline", "Status"]
        assert _codes(app) == OPEN_OP_DEADLINE
        assert "A-001" not in tekst and "A-002" not in tekst  # finished
        assert _balk(app, "samenvatting") == "7 open actiepunten, waarvan 3 te laat"
        assert _balk(app, "filterbalk") == "Toon: open   Sortering: deadline   Filter: geen"
        for code in OPEN_OP_DEADLINE:
            assert _regel(app, code).endswith("te laat" if code in TE_LAAT else "open"), _regel(app, code)
        assert "Anne Jansen (GZ)  4.2       15-05-2026  te laat" in _regel(app, "A-004")
        assert "Concepttekst" in _regel(app, "A-005") and " – " in _regel(app, "A-005")  # no subtheme

        # Overdue stands out on screen: number, deadline and status bold in the theme's error colour.
        foutkleur = app.get_css_variables()["text-error"]
        assert scherm.stijl_te_laat == f"bold {foutkleur}"
        tabel = app.screen.query_one("#acties", DataTable)
        stijlen = {}
        for strip in tabel.render_lines(Region(0, 0, tabel.size.width, tabel.size.height)):
            regel = strip.text
            if regel.lstrip().startswith(("A-006", "A-008")):  # not row 0: the cursor restyles that
                stijlen[regel.split()[0]] = {s.text.strip(): s.style for s in strip if s.text.strip()}
        te_laat = stijlen["A-006"]["te laat"]
        assert te_laat.bold and te_laat.color.triplet.hex.upper() == foutkleur.upper()
        assert stijlen["A-006"]["01-10-2026"].bold
        open_ = stijlen["A-008"]["open"]
        assert not open_.bold and (open_.color is None or open_.color.triplet.hex.upper() != foutkleur.upper())


async def test_g_meldt_gereed_met_datum_van_vandaag(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_actielijst(app, pilot, vandaag=None)  # the real today
        await pilot.press("down")
        assert scherm.huidige_regel().code == "A-006"
        await pilot.press("g")
        await pilot.pause()
        assert "A-006 is gereed" in _meldingen(app)
        assert "A-006" not in _codes(app)
        # The cursor stays in place, on the action that moved up into the row.
        assert scherm.huidige_regel().code == "A-005"
        assert app.screen.query_one("#acties", DataTable).cursor_row == 1
        assert _balk(app, "samenvatting").startswith("6 open actiepunten")
    acties = _in_bestand(demo_pad)
    assert acties["A-006"].status is ActieStatus.GEREED
    assert acties["A-006"].gereed_op == dt.date.today()
    assert [c for c, a in acties.items() if a.status is ActieStatus.OPEN] == ["A-003", "A-004", "A-005", "A-007", "A-008", "A-009"]
    with Gemeentebestand.open(demo_pad) as bestand:
        logregel = bestand.db.execute("SELECT tabel, actie, gegevens FROM wijziging ORDER BY id DESC LIMIT 1").fetchone()
    assert logregel[:2] == ("actiepunt", "status") and '"gereed"' in logregel[2]


async def test_a_toont_ook_gereed_en_o_heropent(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_actielijst(app, pilot)
        footer = lambda: {b.binding.action for b in app.screen.active_bindings.values()}  # noqa: E731
        assert "heropenen" not in footer()  # nothing finished is listed
        await pilot.press("a")
        await pilot.pause()
        assert _balk(app, "filterbalk").startswith("Toon: alle")
        assert _codes(app) == ["A-001", "A-004", "A-002", "A-006", "A-005", "A-008", "A-003", "A-007", "A-009"]
        assert _regel(app, "A-001").endswith("30-04-2026  gereed")
        assert _balk(app, "samenvatting") == "9 actiepunten, waarvan 7 open en 3 te laat"

        assert scherm.huidige_regel().code == "A-004"  # the cursor stayed on its action
        await pilot.press("up")
        assert scherm.huidige_regel().code == "A-001"
        assert "heropenen" in footer() and "gereed" not in footer()  # the key offered fits the row
        await pilot.press("g")  # not offered for a finished action: nothing happens
        await pilot.press("o")
        await pilot.pause()
        assert "A-001 is weer open" in _meldingen(app)
        assert _regel(app, "A-001").endswith("te laat")  # reopened, and its deadline has passed
        assert scherm.huidige_regel().code == "A-001"

        await pilot.press("a")
        await pilot.pause()
        assert _codes(app) == ["A-001", *OPEN_OP_DEADLINE]
    acties = _in_bestand(demo_pad)
    assert acties["A-001"].status is ActieStatus.OPEN and acties["A-001"].gereed_op is None
    assert acties["A-002"].status is ActieStatus.GEREED


async def test_t_toont_alleen_te_laat(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_actielijst(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert _codes(app) == TE_LAAT
        assert _balk(app, "filterbalk").startswith("Toon: te laat")
        assert _balk(app, "samenvatting") == "3 actiepunten te laat"
        await pilot.press("t")
        await pilot.pause()
        assert _codes(app) == OPEN_OP_DEADLINE

    # Another day, another list: on 20-05-2026 only A-004 (15-05) had passed its deadline.
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_actielijst(app, pilot, vandaag=dt.date(2026, 5, 20))
        await pilot.press("t")
        await pilot.pause()
        assert _codes(app) == ["A-004"]


async def test_f_filtert_op_partij(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_actielijst(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ActiefilterScherm)
        assert [schermtekst(label) for label in app.screen.query(".veldnaam")] == ["Partij", "Persoon", "Subthema"]
        assert [schermtekst(label) for label in app.screen.query("SelectCurrent #label")] == ["(alle)"] * 3
        assert app.focused.id == "filter-partij"
        await pilot.press("space", "down", "down", "enter")  # (alle) -> GZ -> WDD; Enter takes it
        await pilot.pause()
        assert app.screen.query_one("#filter-partij", Select).value == 2
        await pilot.press("enter")  # on the closed dropdown: applies, as Enter completes every form
        await pilot.pause()
        assert isinstance(app.screen, ActielijstScherm)
        assert _codes(app) == ["A-006", "A-009"]
        assert all("(WDD)" in _regel(app, code) for code in _codes(app))
        assert _balk(app, "filterbalk").endswith("Filter: WDD")
        assert _balk(app, "samenvatting") == "2 open actiepunten bij dit filter, waarvan 1 te laat"

        # The filter window opens with the current choice; Delete clears everything.
        await pilot.press("f")
        await pilot.pause()
        assert app.screen.query_one("#filter-partij", Select).value == 2
        await pilot.press("delete", "enter")
        await pilot.pause()
        assert _codes(app) == OPEN_OP_DEADLINE
        assert _balk(app, "filterbalk").endswith("Filter: geen")


async def test_esc_sluit_het_filtervenster_zonder_toe_te_passen(demo_pad: Path) -> None:
    """Escape applied the filter ("Esc: toepassen"): a user who pressed it to get out of the window
    found the list filtered. Now Esc closes as in every form, and Enter applies."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_actielijst(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert schermtekst(app.screen.query_one("#filterhulp")).startswith("Enter: toepassen en sluiten   Esc: sluiten")
        assert "Esc: toepassen" not in schermtekst(app.screen.query_one("#filterhulp"))
        app.screen.query_one("#filter-partij", Select).value = 2  # WDD
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ActielijstScherm)
        assert _codes(app) == OPEN_OP_DEADLINE
        assert _balk(app, "filterbalk").endswith("Filter: geen")

        await pilot.press("f")
        await pilot.pause()
        assert app.screen.query_one("#filter-partij", Select).value == Select.NULL  # the choice was not kept
        app.screen.query_one("#filter-partij", Select).value = 2
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActielijstScherm)
        assert _codes(app) == ["A-006", "A-009"]
        assert _balk(app, "filterbalk").endswith("Filter: WDD")


async def test_s_wisselt_sortering_en_houdt_het_actiepunt_vast(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_actielijst(app, pilot)
        assert scherm.huidige_regel().code == "A-004"
        verwacht = {
            "nummer": ["A-003", "A-004", "A-005", "A-006", "A-007", "A-008", "A-009"],
            # Anne Jansen, Fatima El Idrissi, Marloes Hendriks, Pieter Bosman, Ruud Mulder.
            "wie": ["A-004", "A-007", "A-008", "A-003", "A-005", "A-009", "A-006"],
            # Framework order 1.6, 1.9, 1.10, 3.2, 4.2, 4.3 (1.10 after 1.9); none (rondvraag) last.
            "subthema": ["A-009", "A-003", "A-007", "A-008", "A-004", "A-006", "A-005"],
            "deadline": OPEN_OP_DEADLINE,
        }
        for sortering, codes in verwacht.items():
            await pilot.press("s")
            await pilot.pause()
            assert f"Sortering: {sortering}" in _balk(app, "filterbalk")
            assert _codes(app) == codes, sortering
            assert scherm.huidige_regel().code == "A-004"  # the cursor follows the action


async def test_kolommen_passen_op_80_en_gebruiken_breed_scherm(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_actielijst(app, pilot)
        tabel = app.screen.query_one("#acties", DataTable)
        assert tabel.virtual_size.width <= tabel.scrollable_content_region.width  # no sideways scrolling
        assert "Gesprek met Liander …" in _regel(app, "A-004")  # Actie cut to fit
        assert "F. El Idr… (HVZ)" in _regel(app, "A-008")  # the name gives way, the party stays
        await pilot.resize_terminal(130, 30)
        await pilot.pause()
        assert tabel.virtual_size.width == tabel.scrollable_content_region.width  # Actie takes the rest
        assert "Gesprek met Liander plannen over aansluiting De Esch" in _regel(app, "A-004")
        assert "Fatima El Idrissi (HVZ)" in _regel(app, "A-008")


async def test_gebruikerstekst_wordt_niet_als_opmaak_gelezen(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        notulen.bewaar_actiepunt(bestand, Actiepunt(wat="Lijst [bold]$prijs[/bold] [red] nalopen", deadline=dt.date(2026, 1, 1)))
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 24)) as pilot:
        await _open_actielijst(app, pilot)
        assert "Lijst [bold]$prijs[/bold] [red] nalopen" in _regel(app, "A-010")
        assert _regel(app, "A-010").endswith("01-01-2026  te laat")
        assert "–" in _regel(app, "A-010")  # nobody named


async def test_escape_gaat_terug(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        eronder = app.screen
        await _open_actielijst(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is eronder


def test_snapshot_actielijst(snap_compare, demo_pad: Path) -> None:
    async def open_actielijst(pilot) -> None:
        await pilot.app.push_screen(ActielijstScherm(pilot.app.bestand, vandaag=VANDAAG))
        await pilot.pause()

    assert snap_compare(TripartietApp(demo_pad), terminal_size=(80, 24), run_before=open_actielijst)


# --- the query ----------------------------------------------------------------------------------


def _vul_met_actiepunten(bestand: Gemeentebestand, aantal: int, seed: int = 7) -> None:
    """`aantal` generated actions in one executemany: a mix of open, finished and dropped ones."""
    rnd = random.Random(seed)
    subthemas = [s.nummer for s in bestand.kader().subthemas]
    persoon_ids = [p.id for p in notulen.personen(bestand)]
    partij_ids = [p.id for p in bestand.partijen()]
    overleg_ids = [o.id for o in notulen.overleggen(bestand)]
    eerste = bestand.db.execute("SELECT max(nummer) FROM actiepunt").fetchone()[0] + 1
    rijen = []
    for i in range(aantal):
        status = rnd.choices(["open", "gereed", "vervallen"], [3, 6, 1])[0]
        deadline = dt.date(2025, 6, 1) + dt.timedelta(days=rnd.randrange(900)) if rnd.random() < 0.9 else None
        rijen.append((
            eerste + i, rnd.choice(overleg_ids), rnd.choice([*subthemas, None]), f"Gegenereerd actiepunt {i}",
            rnd.choice([*persoon_ids, None]), rnd.choice([*partij_ids, None]),
            deadline.isoformat() if deadline else None, status, None if status == "open" else "2026-01-01",
        ))
    with bestand.db.atomic():
        bestand.db.conn.executemany(
            "INSERT INTO actiepunt (nummer, overleg_id, subthema_nummer, wat, persoon_id, partij_id, deadline, status, gereed_op) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rijen,
        )


def _deadline_volgorde(regel: ActieRegel) -> tuple:
    return (regel.deadline is None, regel.deadline or dt.date.min, regel.nummer)


def test_actielijst_filtert_en_sorteert_veel_actiepunten(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        _vul_met_actiepunten(bestand, 2000)
        alle = actielijst(bestand, alleen_open=False, sorteer="nummer", vandaag=VANDAAG)
        assert len(alle) == 2009 and [r.nummer for r in alle] == sorted(r.nummer for r in alle)
        assert alle[0].code == "A-001" and alle[-1].code == "A-2009"

        # The expected answers, worked out in Python from the plain rows.
        ruw = {r["id"]: r for r in bestand.db.query("SELECT * FROM actiepunt")}
        partij_van_persoon = {p.id: p.partij_id for p in notulen.personen(bestand)}
        volgorde = {s.nummer: i for i, s in enumerate(bestand.kader().subthemas)}

        def partij(r: dict) -> int | None:
            return r["partij_id"] if r["partij_id"] is not None else partij_van_persoon.get(r["persoon_id"])

        open_ids = {i for i, r in ruw.items() if r["status"] == "open"}
        te_laat_ids = {i for i in open_ids if ruw[i]["deadline"] and ruw[i]["deadline"] < VANDAAG.isoformat()}
        assert 400 < len(open_ids) < 800 and te_laat_ids  # the generated mix is what the test needs

        tijden = {}

        def meet(naam: str, **filters) -> list[ActieRegel]:
            begin = time.perf_counter()
            regels = actielijst(bestand, vandaag=VANDAAG, **filters)
            tijden[naam] = (time.perf_counter() - begin) * 1000
            return regels

        open_ = meet("open", sorteer="deadline")
        assert {r.id for r in open_} == open_ids
        assert open_ == sorted(open_, key=_deadline_volgorde)  # no deadline last
        assert open_[-1].deadline is None
        assert {r.id for r in open_ if r.te_laat} == te_laat_ids

        te_laat = meet("te laat", alleen_te_laat=True)
        assert {r.id for r in te_laat} == te_laat_ids and all(r.te_laat for r in te_laat)

        wdd = meet("partij", partij_id=2)
        assert {r.id for r in wdd} == {i for i in open_ids if partij(ruw[i]) == 2}
        assert {r.partij for r in wdd} == {"WDD"}

        pieter = meet("persoon + subthema", persoon_id=4, subthema="1.1", alleen_open=False)
        assert {r.id for r in pieter} == {i for i, r in ruw.items() if r["persoon_id"] == 4 and r["subthema_nummer"] == "1.1"}
        assert {r.persoon for r in pieter} == {"Pieter Bosman"}

        per_subthema = meet("sortering subthema", sorteer="subthema")
        sleutels = [volgorde.get(r.subthema_nummer, len(volgorde)) for r in per_subthema]
        assert sleutels == sorted(sleutels) and per_subthema[-1].subthema_nummer == ""

        per_persoon = meet("sortering wie", sorteer="wie")
        namen = [r.persoon.casefold() for r in per_persoon if r.persoon]
        assert namen == sorted(namen)
        assert all(not r.persoon for r in per_persoon[len(namen):])  # nobody named: last

        alles = meet("alle", alleen_open=False)
        assert len(alles) == 2009 and {r.status for r in alles} == set(ActieStatus)
        assert not any(r.te_laat for r in alles if r.status is not ActieStatus.OPEN)

        with pytest.raises(ValueError, match="onbekende sortering"):
            actielijst(bestand, sorteer="willekeurig")  # type: ignore[arg-type]

    print("\nactielijst over 2.009 actiepunten:", ", ".join(f"{naam} {ms:.1f} ms" for naam, ms in tijden.items()))
    assert tijden["open"] < 1000  # generous: only a gross regression (a scan per row) trips this


def test_actielijst_gebruikt_de_index_op_status_en_deadline(demo_pad: Path) -> None:
    """'open' and 'te laat' read only the rows concerned through actiepunt(status, deadline)."""
    with Gemeentebestand.open(demo_pad) as bestand:
        uitgevoerd: list[str] = []
        bestand.db.conn.set_trace_callback(uitgevoerd.append)
        for filters in ({}, {"alleen_te_laat": True}):
            uitgevoerd.clear()
            actielijst(bestand, vandaag=VANDAAG, **filters)
            assert len(uitgevoerd) == 1  # one query, joins included
            plan = " ".join(r[3] for r in bestand.db.conn.execute("EXPLAIN QUERY PLAN " + uitgevoerd[0]))
            assert "USING INDEX idx_actiepunt_status_deadline (status=?" in plan, plan
            assert "SCAN a" not in plan
        bestand.db.conn.set_trace_callback(None)


async def test_lange_lijst_toont_500_en_telt_alles(demo_pad: Path) -> None:
    from tui.schermen.actielijst import MAX_RIJEN

    with Gemeentebestand.open(demo_pad) as bestand:
        _vul_met_actiepunten(bestand, 2_000)
        verwacht = len(actielijst(bestand, vandaag=VANDAAG))
    assert verwacht > MAX_RIJEN
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_actielijst(app, pilot)
        assert app.screen.query_one("#acties").row_count == MAX_RIJEN
        tekst = _balk(app, "samenvatting")
        assert tekst.startswith(f"{verwacht} open actiepunten, waarvan ")
        assert f"de eerste {MAX_RIJEN} staan in de lijst" in tekst


async def test_filter_laadt_een_keer_en_filtert(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """Closing the filter window queries the list once (it queried twice: the choice, then again
    on returning to the screen), and the rows are those of the filter."""
    import tui.schermen.actielijst as scherm_module

    vragen: list[dict] = []
    echt = scherm_module.actielijst

    def tel_vraag(bestand, **filters):  # noqa: ANN001, ANN003, ANN202
        vragen.append(filters)
        return echt(bestand, **filters)

    monkeypatch.setattr(scherm_module, "actielijst", tel_vraag)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_actielijst(app, pilot)
        vragen.clear()
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#filter-partij", Select).value = 2  # WDD
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert [v["partij_id"] for v in vragen] == [2]
        assert _codes(app) == ["A-006", "A-009"]
        assert all("(WDD)" in _regel(app, code) for code in _codes(app))
        # The same choice again changes nothing and asks nothing.
        vragen.clear()
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert vragen == [] and _codes(app) == ["A-006", "A-009"]


async def test_lange_lijst_maakt_alleen_getoonde_cellen(demo_pad: Path) -> None:
    """Of the 500 rows only those drawn get their cells made; any other row makes them when asked."""
    from tui.schermen.actielijst import MAX_RIJEN

    with Gemeentebestand.open(demo_pad) as bestand:
        _vul_met_actiepunten(bestand, 2_000)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_actielijst(app, pilot)
        tabel = scherm.query_one("#acties", DataTable)
        gemaakt = sum(bool(rij) for rij in tabel._data.values())
        assert 0 < gemaakt < 50
        laatste = tabel.get_row_at(MAX_RIJEN - 1)
        assert str(laatste[0]) == scherm.regels[MAX_RIJEN - 1].code
        assert len(laatste) == 6


async def test_openen_tekent_elke_rij_een_keer_en_de_voettekst_een_keer(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """The table's first resize no longer draws every visible row a second time, and the signals
    that come while the screen opens rebuild the footer's keys once, not once each."""
    from tui.widgets.actietabel import Actietabel
    from tui.widgets.voettekst import Voettekst

    getekend: list[object] = []
    opgebouwd: list[Voettekst] = []
    teken, bouw = Actietabel._render_line_in_row, Voettekst.compose

    def tel_rij(self, row_key, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        getekend.append(row_key)
        return teken(self, row_key, *args, **kwargs)

    def tel_bouw(self):  # noqa: ANN001, ANN202
        if isinstance(self.screen, ActielijstScherm):
            opgebouwd.append(self)
        return bouw(self)

    monkeypatch.setattr(Actietabel, "_render_line_in_row", tel_rij)
    monkeypatch.setattr(Voettekst, "compose", tel_bouw)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.push_screen(ActielijstScherm(app.bestand, vandaag=VANDAAG))
        for _ in range(5):
            await pilot.pause(0.02)
        tabel = app.screen.query_one("#acties", DataTable)
        assert tabel.row_count == len(OPEN_OP_DEADLINE)
        rijen = [sleutel for sleutel in getekend if sleutel in tabel.rows]
        assert len(rijen) == len(OPEN_OP_DEADLINE) and len(set(rijen)) == len(rijen)
        # The first compose has no bindings yet (Textual's Footer); then one rebuild with them.
        assert len(opgebouwd) == 2
        from textual.widgets._footer import FooterKey

        assert "Gereed" in [toets.description for toets in app.screen.query_one(Voettekst).query(FooterKey)]
