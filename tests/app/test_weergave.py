"""The lines of the meeting screen's lists, made by pure functions: tested without the app.

Also the storage read behind the delete confirmation (`notulen.item`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rich.text import Text

from opslag import notulen
from opslag.actielijst import ActieRegel
from opslag.bestand import Gemeentebestand
from opslag.modellen import ActieStatus, Actiepunt, Afspraak, AfspraakStatus, Agendapunt, Besluit, Overleg, OverlegSoort, PuntSoort
from opslag.notulen import PuntTelling
from tui.weergave import (
    actieregel, afspraakregel, afspraakregels, agendaregel, besluitregel, eerdere_actieregel, eerdere_regels, omschrijving,
    punt_uitleg,
)

VANDAAG = dt.date(2027, 1, 12)
VIJANDIG = "[bold]x[/] \x1b]0;t\x07"  # markup and an escape sequence, as a hostile file holds them


def _vet(regel: Text) -> list[str]:
    return [regel.plain[s.start:s.end] for s in regel.spans if "bold" in str(s.style)]


def test_agendaregel_zonder_tekens_vult_tot_de_breedte() -> None:
    regel = agendaregel("Opening", None, 20)
    assert regel.plain == "Opening".ljust(19) and not regel.spans


def test_agendaregel_met_notitie_en_tellingen_vetgedrukt_achteraan() -> None:
    regel = agendaregel("1.6 Monitoring", PuntTelling(notitie=True, afspraken=2, besluiten=1, acties=3), 30)
    assert regel.plain == "1.6 Monitoring".ljust(30 - len("✎ AF2 B1 A3") - 1) + " ✎ AF2 B1 A3"
    assert _vet(regel) == [" ✎ AF2 B1 A3"]
    assert agendaregel("x", PuntTelling(besluiten=4), 20).plain.endswith(" B4"), "only what is there"


def test_agendaregel_kort_een_lange_titel_in_tot_de_breedte() -> None:
    regel = agendaregel("Woningbouwprogrammering en flexwonen", PuntTelling(acties=1), 20)
    assert len(regel.plain) == 20 and regel.plain.endswith("… A1")
    assert agendaregel("Woningbouwprogrammering", None, 3).plain == "Woni…", "never fewer than four letters"


def test_regels_tonen_tekst_uit_het_bestand_letterlijk() -> None:
    regel = agendaregel(VIJANDIG, PuntTelling(notitie=True), 60)
    assert regel.plain.startswith("[bold]x[/] ␛]0;t␇") and "\x1b" not in regel.plain
    assert _vet(regel) == [" ✎"], "the title's markup is not read"
    besluit = Besluit(nummer=1, overleg_id=1, tekst=VIJANDIG, datum=VANDAAG)
    assert besluitregel(besluit).plain == "B-001 [bold]x[/] ␛]0;t␇" and not besluitregel(besluit).spans


def test_afspraakregel() -> None:
    afspraak = Afspraak(
        nummer=8, agenda_id=1, subthema_nummer="1.6", actielijn="Monitor opzetten", start="2026-Q1",
        status=AfspraakStatus.IN_UITVOERING, verantwoordelijken=[2, 1, 9],
    )
    assert afspraakregel(afspraak, {1: "GEM", 2: "WDD"}).plain == (
        "AF-008 Monitor opzetten — geen doel — 2026-Q1 t/m ? — trekker: WDD, ook GEM, ? [in uitvoering]"
    )
    alleen = Afspraak(nummer=9, agenda_id=1, subthema_nummer="1.6", actielijn="x", verantwoordelijken=[1])
    assert afspraakregel(alleen, {1: "GEM"}).plain.endswith("— trekker: GEM [afgesproken]")


def test_actieregel_wie_deadline_status_en_te_laat() -> None:
    personen, partijen = {5: "Fatima El Idrissi"}, {3: "HVZ"}
    actie = Actiepunt(nummer=8, wat="Panel samenstellen", persoon_id=5, partij_id=3, deadline=dt.date(2027, 1, 15))
    assert actieregel(actie, personen, partijen, VANDAAG).plain == "A-008 Panel samenstellen — Fatima El Idrissi (HVZ) — 15-01-2027"
    te_laat = actieregel(actie, personen, partijen, dt.date(2027, 2, 1))
    assert te_laat.plain.endswith("15-01-2027 (te laat)") and any("red" in str(s.style) for s in te_laat.spans)
    gereed = Actiepunt(nummer=9, wat="Cijfers", partij_id=3, deadline=dt.date(2026, 1, 1), status=ActieStatus.GEREED)
    assert actieregel(gereed, personen, partijen, VANDAAG).plain == "A-009 Cijfers — (HVZ) — 01-01-2026 [gereed]", "done is never late"
    assert actieregel(Actiepunt(nummer=1, wat="x"), {}, {}, VANDAAG).plain == "A-001 x — "


def test_eerdere_actieregel() -> None:
    regel = ActieRegel(id=1, nummer=3, wat="Cijfers leveren", persoon="Jan", partij="WDD", deadline=dt.date(2026, 6, 1), te_laat=True)
    assert eerdere_actieregel(regel).plain == "A-003 Cijfers leveren — Jan (WDD) — 01-06-2026 (te laat)"
    assert eerdere_actieregel(ActieRegel(id=2, nummer=4, wat="Bellen", partij="GEM")).plain == "A-004 Bellen — (GEM)"


def test_lange_lijsten_tonen_de_nieuwste_afspraken_en_de_eerste_eerdere_acties() -> None:
    afspraken = [Afspraak(id=i, nummer=i, agenda_id=1, subthema_nummer="1.1", actielijn=f"lijn {i}") for i in range(1, 6)]
    regels = afspraakregels(afspraken, {}, 3)
    assert [sleutel for sleutel, _ in regels] == [None, "afspraak:3", "afspraak:4", "afspraak:5"]
    assert regels[0][1].plain == "… 2 oudere afspraken: zie de export (e)"
    assert [s for s, _ in afspraakregels(afspraken, {}, 5)] == [f"afspraak:{i}" for i in range(1, 6)]
    eerdere = [ActieRegel(id=i, nummer=i, wat="x") for i in range(1, 5)]
    regels = eerdere_regels(eerdere, 3)
    assert [s for s, _ in regels] == ["actiepunt:1", "actiepunt:2", "actiepunt:3", None]
    assert regels[-1][1].plain == "… en meer: l opent de hele actielijst"
    assert len(eerdere_regels(eerdere, 4)) == 4


def test_uitleg_bij_opening_en_sluiting() -> None:
    overleg = Overleg(agenda_id=1, datum=VANDAAG, soort=OverlegSoort.BESTUURLIJK, plaats="Raadzaal")
    punt = {soort: Agendapunt(overleg_id=1, volgorde=1, soort=soort) for soort in PuntSoort}
    assert punt_uitleg(punt[PuntSoort.OPENING], overleg) == "Bestuurlijk overleg, 12 januari 2027, Raadzaal. Presentielijst: toets p."
    assert punt_uitleg(punt[PuntSoort.SLUITING], overleg) == "Volgend overleg: nog niet gepland (o: overleg wijzigen)."
    volgende = Overleg(agenda_id=1, datum=VANDAAG, volgende_datum=dt.date(2027, 3, 9))
    assert punt_uitleg(punt[PuntSoort.SLUITING], volgende) == "Volgend overleg: 9 maart 2027"
    assert punt_uitleg(punt[PuntSoort.OPENING], volgende) == "Ambtelijk overleg, 12 januari 2027. Presentielijst: toets p."
    assert punt_uitleg(punt[PuntSoort.RONDVRAAG], overleg) == ""


def test_omschrijving_van_elk_soort_item() -> None:
    assert omschrijving(Afspraak(agenda_id=1, subthema_nummer="1.1", actielijn="lijn")) == "lijn"
    assert omschrijving(Besluit(overleg_id=1, tekst="besluit", datum=VANDAAG)) == "besluit"
    assert omschrijving(Actiepunt(wat="actie")) == "actie"


def test_item_leest_afspraak_besluit_en_actie_als_model(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        for soort, soorten in (("afspraak", notulen.afspraken), ("besluit", notulen.besluiten), ("actiepunt", notulen.actiepunten)):
            eerste = soorten(bestand)[0]
            assert notulen.item(bestand, soort, eerste.id) == eerste
        with pytest.raises(notulen.NietGevonden):
            notulen.item(bestand, "afspraak", 99_999)
