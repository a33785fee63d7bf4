"""Item codes (AF-/B-/A-nnn) are made by one function, so the app, the action list and every export
name an item alike."""

from __future__ import annotations

import re
from pathlib import Path

from opslag.codes import item_code
from opslag.modellen import Actiepunt, Afspraak, Besluit

_WORTEL = Path(__file__).resolve().parents[2]
# Rewritten by issue #11 item 1 in parallel; it still formats one code itself.
def test_item_code() -> None:
    assert [item_code("afspraak", 7), item_code("besluit", 12), item_code("actiepunt", 1)] == ["AF-007", "B-012", "A-001"]
    assert item_code("actiepunt", 2009) == "A-2009"  # never cut
    assert [item_code(s, None) for s in ("afspraak", "besluit", "actiepunt")] == ["AF-nieuw", "B-nieuw", "A-nieuw"]


def test_modellen_gebruiken_item_code() -> None:
    import datetime as dt

    assert Afspraak(nummer=3, agenda_id=1, subthema_nummer="1.1", actielijn="x").code == "AF-003"
    assert Besluit(nummer=4, overleg_id=1, tekst="x", datum=dt.date(2026, 1, 1)).code == "B-004"
    assert Actiepunt(nummer=None, wat="x").code == "A-nieuw"


def test_geen_code_buiten_opslag_codes() -> None:
    """No other module formats a code: no ':03d', no f-string starting with a code's prefix."""
    patroon = re.compile(r""":03d|f["'](AF|B|A)-""")
    bestanden = [p for map_ in ("opslag", "tui", "sjablonen") for p in (_WORTEL / map_).rglob("*") if p.suffix in (".py", ".j2")]
    gevonden = [
        f"{p.relative_to(_WORTEL)}:{n}"
        for p in bestanden
        if p.relative_to(_WORTEL).as_posix() != "opslag/codes.py"
        for n, regel in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if patroon.search(regel)
    ]
    assert bestanden and gevonden == []
