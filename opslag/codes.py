"""The codes items are known by (AF-001, B-001, A-001): made here and nowhere else.

Screens, the action list, exports and the undo message all name items; one format keeps the code a
user reads in the app identical to the one in the exported minutes.
"""

from __future__ import annotations

from typing import Literal

Soort = Literal["afspraak", "besluit", "actiepunt"]

VOORVOEGSELS: dict[str, str] = {"afspraak": "AF", "besluit": "B", "actiepunt": "A"}


def item_code(soort: Soort | str, nummer: int | None) -> str:
    """'AF-007' for agreement 7; 'AF-nieuw' for one that has no number yet. Past 999 the number
    simply grows ('A-1000'): it is never cut."""
    voorvoegsel = VOORVOEGSELS[soort]
    return f"{voorvoegsel}-{nummer:03d}" if nummer else f"{voorvoegsel}-nieuw"
