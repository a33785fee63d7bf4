"""The meeting screen's letter keys, carried by each of its widgets where nothing is being typed.

Not on the screen itself: there they would also show in the footer while the note is being typed,
where a letter is text. While typing, Escape comes first (to the agenda)."""

from __future__ import annotations

from textual.binding import Binding

LETTERTOETSEN = [
    Binding("a", "screen.afspraak", "Afspraak", id="afspraak"),
    # Where the one above is not offered (no subtheme, see OverlegScherm.check_action), `a` says why.
    Binding("a", "screen.geen_afspraak", show=False),
    Binding("b", "screen.besluit", "Besluit", id="besluit"),
    Binding("t", "screen.actie", "Actie", id="actie"),
    Binding("k", "screen.kader", "Kader", show=False, id="kader"),
    Binding("p", "screen.aanwezigheid", "Aanwezig", id="aanwezigheid"),
    Binding("l", "app.actielijst", "Actielijst", id="actielijst"),
    Binding("w", "app.wissel_overleg", "Overleggen", show=False, id="overleggen"),
    Binding("r", "screen.vaststellen", "Verslag vaststellen", show=False, id="vaststellen"),
    Binding("o", "screen.wijzig_overleg", "Overleg wijzigen", show=False, id="wijzig_overleg"),
    Binding("n", "app.nieuw_overleg", "Nieuw overleg", show=False, id="nieuw_overleg"),
    Binding("e", "app.export", "Exporteren", show=False, id="exporteren"),
    # On a subtheme its history in earlier meetings; on an agreement in its list, that agreement's.
    Binding("h", "screen.geschiedenis", "Geschiedenis", show=False, id="geschiedenis"),
    Binding("i", "app.inzet", "Inzet per partij", show=False, id="inzet"),
]
