"""The regional framework (kader): themes, subthemes and their agreements per level.

The framework lives as a Markdown file with a fixed heading structure (see
`sjablonen/KADERFORMAAT.md`) so that a policy officer can read and correct it. `opslag.kader_lezer`
reads that file and checks it with pydantic; every structural error names the file and the line.
What it gives, and what a municipality file gives back (`opslag.kader_opslag`, through
`Gemeentebestand.kader`), are the plain, frozen dataclasses below: reading our own copy needs no
checking. This module is the model only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from opslag.voetnoten import verwijzingen

NIVEAUS: tuple[str, ...] = ("Landelijk", "Regionaal", "Lokaal")
BRONKOPPEN: tuple[str, ...] = ("Bron", "Betrokkenen")
VRIJE_SECTIES: tuple[str, ...] = ("Inleiding", "Hoe werken we samen?")
AFGELEID = "(afgeleide titel)"


@dataclass(frozen=True, slots=True, kw_only=True)
class Punt:
    """One paragraph or bullet of a level, as plain text with `[^n]` footnote references."""

    tekst: str
    opsomming: bool = True

    @property
    def voetnoten(self) -> list[str]:
        return verwijzingen(self.tekst)


@dataclass(frozen=True, slots=True, kw_only=True)
class Subthema:
    nummer: str
    onderwerp: str
    titel_afgeleid: bool = False
    landelijk: list[Punt]
    regionaal: list[Punt]
    lokaal: list[Punt]
    bronnen: list[str]
    bron_kop: str = "Bron"  # or "Betrokkenen", as the source names the column

    @property
    def thema_nummer(self) -> str:
        return self.nummer.split(".", 1)[0]

    @property
    def titel(self) -> str:
        return f"{self.nummer} {self.onderwerp}"

    def niveau(self, naam: str) -> list[Punt]:
        return getattr(self, naam.lower())

    @property
    def voetnoten(self) -> list[str]:
        teksten = [punt.tekst for naam in NIVEAUS for punt in self.niveau(naam)] + self.bronnen
        return list(dict.fromkeys(n for tekst in teksten for n in verwijzingen(tekst)))


@dataclass(frozen=True, slots=True, kw_only=True)
class Thema:
    nummer: str
    titel: str
    subthemas: list[Subthema] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Voetnoot:
    nummer: str
    tekst: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Sectie:
    """Free text before the themes (introduction, how the parties work together), as Markdown."""

    titel: str
    tekst: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Kader:
    titel: str
    secties: list[Sectie] = field(default_factory=list)
    themas: list[Thema]
    voetnoten: list[Voetnoot] = field(default_factory=list)
    # The years the framework runs (2026 t/m 2029); None: periods are free. See opslag.perioden.
    begin: int | None = None
    eind: int | None = None
    # Filled at the first look-up; a slotted class has no room for a cached_property.
    _per_nummer: dict[str, Subthema] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def looptijd(self) -> str | None:
        """'2026 t/m 2029', as the framework names its years; None when it names none."""
        return f"{self.begin} t/m {self.eind}" if self.begin is not None and self.eind is not None else None

    @property
    def subthemas(self) -> list[Subthema]:
        return [s for t in self.themas for s in t.subthemas]

    def subthema(self, nummer: str) -> Subthema:
        if not self._per_nummer:
            self._per_nummer.update((s.nummer, s) for s in self.subthemas)
        return self._per_nummer[nummer]

    def voetnoot(self, nummer: str) -> Voetnoot:
        return next(v for v in self.voetnoten if v.nummer == nummer)
