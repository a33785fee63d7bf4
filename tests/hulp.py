"""Helpers for tests that read the screen as a user would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.geometry import Region
from textual.widget import Widget


def schermtekst(widget: Widget) -> str:
    """The text the widget shows at its current width, line by line, without trailing spaces."""
    breedte, hoogte = widget.outer_size
    regels = widget.render_lines(Region(0, 0, breedte, hoogte))
    return "\n".join(regel.text.rstrip() for regel in regels).strip("\n")


async def uitgelezen(pilot, vak) -> str:  # noqa: ANN001
    """All text of a Leesvak (tui.widgets.leesvak) once it has rendered it all, line by line."""
    for _ in range(500):
        if vak.klaar:
            return vak.tekst()
        await pilot.pause(0.01)
    raise AssertionError("het leesvak werd niet klaar")


def terug_naar_versie_2(pad: Path) -> None:
    """Make a file just made by this version look as schema version 2 left it: without what
    migrations 3 (meeting times, minutes status), 4 (free item title), 5 (drafts), 6 (the
    agenda's life, the change log's old values) and 7 (indexes by subtheme) add."""
    conn = sqlite3.connect(pad)
    for index in ("idx_afspraak_vorige_id", "idx_wijziging_tabel_rij_id", "idx_wijziging_ongedaan_door",
                  "idx_agendapunt_subthema_nummer", "idx_afspraak_subthema_nummer", "idx_actiepunt_subthema_nummer"):
        conn.execute(f"DROP INDEX IF EXISTS {index}")
    for tabel, kolommen in {
        "uitvoeringsagenda": ("vastgesteld_te", "vorige_id"),
        "afspraak": ("na_vaststelling", "vorige_id"),
        "overleg": ("gesloten_op",),
        "wijziging": ("oud", "overleg_id", "ongedaan_door"),
    }.items():
        for kolom in kolommen:
            conn.execute(f"ALTER TABLE {tabel} DROP COLUMN {kolom}")
    conn.execute("DROP TABLE ondertekenaar")
    conn.execute("DROP TABLE afspraak_wijziging")
    for kolom in ("begintijd", "eindtijd", "verslag_vastgesteld_op", "verslag_vastgesteld_in", "verslag_wijzigingen"):
        conn.execute(f"ALTER TABLE overleg DROP COLUMN {kolom}")
    conn.execute("ALTER TABLE agendapunt DROP COLUMN titel")
    conn.execute("DROP TABLE concept")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
