"""Opening a form costs what its widgets cost, counted rather than timed (figure 6 of #13).

Counted from the key to the form painted and the app idle: how often the screens are laid out,
how often a field is styled, how many widgets are mounted."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from textual._compositor import Compositor
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen
from textual.widgets import Select
from textual.widgets._select import SelectCurrent

from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.schermen.formulier import Formulier, Veld
from tui.schermen.overleg_formulier import OverlegFormulier


@pytest.fixture
def tellers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Counter]:
    tellers: dict[str, Counter] = {"layout": Counter(), "stijl": Counter(), "verf": Counter()}
    refresh_layout = Screen._refresh_layout
    render_update = Compositor.render_update

    def verf(self: Compositor, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if self._dirty_regions:  # something to paint
            tellers["verf"][self] += 1
        return render_update(self, *args, **kwargs)
    apply = Stylesheet.apply

    def layout(self: Screen, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        tellers["layout"][type(self).__name__] += 1
        refresh_layout(self, *args, **kwargs)

    def stijl(self: Stylesheet, node, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        if node.parent is not None:  # not a widget styled while it is made (Textual's Checkbox)
            tellers["stijl"][node] += 1
        apply(self, node, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", layout)
    monkeypatch.setattr(Stylesheet, "apply", stijl)
    monkeypatch.setattr(Compositor, "render_update", verf)
    return tellers


async def _open_overlegformulier(demo_pad: Path, tellers: dict[str, Counter], grootte: tuple[int, int] = (100, 30)):  # noqa: ANN202
    app = TripartietApp(demo_pad)
    context = app.run_test(size=grootte)
    pilot = await context.__aenter__()
    await pilot.press("escape")
    await pilot.pause()
    for teller in tellers.values():
        teller.clear()
    await pilot.press("o")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, OverlegFormulier)
    return app, pilot, context


async def test_een_formulier_wordt_tweemaal_ingedeeld_en_het_scherm_eronder_niet(demo_pad: Path, tellers: dict[str, Counter]) -> None:
    app, pilot, context = await _open_overlegformulier(demo_pad, tellers)
    try:
        # Textual lays a new screen out twice (its widgets learn their size in the first); the
        # Resize it sends itself after the first made it lay out itself and the screen below again.
        assert tellers["layout"] == Counter({"OverlegFormulier": 2})
    finally:
        await context.__aexit__(None, None, None)


async def test_een_formulier_wordt_bij_openen_tweemaal_getekend(demo_pad: Path, tellers: dict[str, Counter]) -> None:
    app, pilot, context = await _open_overlegformulier(demo_pad, tellers)
    try:
        # Once with each layout, both in full (new, and the dialog's size changed in the first);
        # not a partial paint with the second layout and a full one right after it.
        assert tellers["verf"][app.screen._compositor] == 2
    finally:
        await context.__aexit__(None, None, None)


async def test_elk_veld_wordt_eenmaal_opgemaakt(demo_pad: Path, tellers: dict[str, Counter]) -> None:
    app, pilot, context = await _open_overlegformulier(demo_pad, tellers)
    try:
        # Each field, and all in it, is styled when it mounts and not again to check its place
        # (a :first-child rule did that, for every field).
        velden = list(app.screen.query(Veld))
        assert velden and all(tellers["stijl"][veld] == 1 for veld in velden)
        for veld in velden:
            assert all(tellers["stijl"][kind] == 1 for kind in veld.children if kind is not app.screen.focused)
    finally:
        await context.__aexit__(None, None, None)


async def test_een_veld_is_zijn_invoer_en_tekent_zijn_naam_zelf(demo_pad: Path, tellers: dict[str, Counter]) -> None:
    app, pilot, context = await _open_overlegformulier(demo_pad, tellers)
    try:
        velden = list(app.screen.query(Veld))
        assert velden and all(list(veld.children) == [veld.invoer] for veld in velden)  # no Label
        datum = app.screen.query_one("#veld-datum", Veld)
        assert schermtekst(datum).splitlines()[0] == "Datum *"
    finally:
        await context.__aexit__(None, None, None)


async def test_een_keuzelijst_is_bij_openen_twee_widgets(demo_pad: Path, tellers: dict[str, Counter]) -> None:
    """Textual's Select is six: itself, the line with the choice (three Statics in a Horizontal),
    and its list, hidden until opened. Keuze is itself and the line, drawn as one widget."""
    app, pilot, context = await _open_overlegformulier(demo_pad, tellers)
    try:
        keuzes = list(app.screen.query(Select))
        assert len(keuzes) == 4
        assert all(len(list(keuze.walk_children())) == 1 for keuze in keuzes)
    finally:
        await context.__aexit__(None, None, None)


async def test_een_formulier_volgt_het_vergroten_van_het_venster(demo_pad: Path, tellers: dict[str, Counter]) -> None:
    app, pilot, context = await _open_overlegformulier(demo_pad, tellers, (80, 24))
    try:
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.1)
        onder = app.screen_stack[-2]
        assert app.screen._compositor.size == onder._compositor.size == (120, 40)
        assert app.screen.query_one("#formulier").region.height < 40 - 2  # no longer squeezed to fit
        assert onder.query_one("#notitie").size.width > 60
    finally:
        await context.__aexit__(None, None, None)


async def test_de_velden_krijgen_hun_eerste_waarde_zonder_opnieuw_opgemaakt_te_worden(demo_pad: Path, tellers: dict[str, Counter]) -> None:
    app, pilot, context = await _open_overlegformulier(demo_pad, tellers)
    try:
        formulier = app.screen
        tweemaal = {w for w in formulier.walk_children() if tellers["stijl"][w] > 1}
        # Only the field with the focus, and a dropdown's line once it shows a choice (its colour).
        verwacht = {formulier.focused} | {s.query_one(SelectCurrent) for s in formulier.query(Select) if s.value is not Select.NULL}
        assert tweemaal == verwacht
        assert all(tellers["stijl"][w] == 2 for w in tweemaal)
    finally:
        await context.__aexit__(None, None, None)
