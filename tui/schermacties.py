"""The app's actions that open a screen or dialog on the open file: the letter keys and the palette
reach them as `app.NAAM`. Each is handed the file (and the meeting on screen) it works on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.schermen.kenmerken import HeeftOverleg

if TYPE_CHECKING:
    from opslag.bestand import Gemeentebestand


class SchermActies:
    """Mixed into `TripartietApp`, which provides the file, the screen stack and `notify`."""

    bestand: Gemeentebestand | None

    def _schrijfbaar(self) -> bool:
        if self.bestand is None or self.bestand.alleen_lezen:
            self.notify("Er is geen bestand open om in te schrijven.", severity="warning")  # type: ignore[attr-defined]
            return False
        return True

    def action_nieuw_overleg(self) -> None:
        from opslag import notulen
        from tui.schermen.overleg_formulier import OverlegFormulier

        def na(overleg) -> None:  # noqa: ANN001
            if overleg is not None:
                self.notify(f"Overleg van {overleg.datum:%d-%m-%Y} is aangemaakt.", title="Bewaard")
                self.toon_overleg(overleg.id)

        self.push_screen(OverlegFormulier(self.bestand, vorige=notulen.laatste_overleg(self.bestand)), na)

    def action_wissel_overleg(self) -> None:
        from tui.schermen.overleg import OverlegScherm
        from tui.schermen.overleg_kiezer import NIEUW, OverlegKiezer

        def na(keuze: int | str | None) -> None:
            if keuze == NIEUW:
                self.action_nieuw_overleg()
            elif keuze is not None and isinstance(self.screen, OverlegScherm):
                self.screen.toon_overleg(int(keuze))  # the meeting screen below shows the other meeting
                self.ruim_op_na_rust()  # type: ignore[attr-defined]
            elif keuze is not None:
                self.toon_overleg(int(keuze))

        self.push_screen(OverlegKiezer(self.bestand, self._huidig_overleg()), na)

    def _huidig_overleg(self) -> int | None:
        return self.screen.overleg_id if isinstance(self.screen, HeeftOverleg) else None

    def action_actielijst(self) -> None:
        from tui.schermen.actielijst import ActielijstScherm

        if not isinstance(self.screen, ActielijstScherm):
            self.push_screen(ActielijstScherm(self.bestand))

    def action_export(self) -> None:
        from tui.schermen.export import ExportScherm

        if self.bestand is not None and not isinstance(self.screen, ExportScherm):
            self.push_screen(ExportScherm(self.bestand, self._huidig_overleg()))

    def action_inzet(self) -> None:
        from tui.schermen.inzet import toon_inzet

        toon_inzet(self, self._huidig_overleg())

    def action_agenda_vaststellen(self) -> None:
        from tui.schermen.agenda_vaststellen import open_vaststellen

        open_vaststellen(self, self._huidig_overleg())

    def action_nieuwe_partij(self) -> None:
        from tui.schermen.partij_formulier import PartijFormulier

        if not self._schrijfbaar():
            return

        def na(partij) -> None:  # noqa: ANN001
            if partij is not None:
                self.notify(f"{partij.code} ({partij.naam}) is toegevoegd.", title="Bewaard")

        self.push_screen(PartijFormulier(self.bestand), na)

    def action_partijen(self) -> None:
        from tui.schermen.partijen import PartijenScherm

        if not self._schrijfbaar():
            return
        if not isinstance(self.screen, PartijenScherm):
            self.push_screen(PartijenScherm(self.bestand))

    def action_importeren(self) -> None:
        from tui.schermen.importeren import ImporteerScherm

        if not self._schrijfbaar():
            return
        if not isinstance(self.screen, ImporteerScherm):
            self.push_screen(ImporteerScherm(self.bestand))

    def action_periode_starten(self) -> None:
        from tui.schermen.periode_starten import toon

        toon(self)

    def action_kader(self) -> None:
        from tui.schermen.kader import KaderScherm

        if not isinstance(self.screen, KaderScherm):
            self.push_screen(KaderScherm(self.bestand))
