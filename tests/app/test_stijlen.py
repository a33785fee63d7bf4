"""The screens' styles: all loaded by the app at start, each rule bound to its own screen."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from textual.screen import Screen

from tui.app import TripartietApp

SCHERMEN = Path(__file__).resolve().parents[2] / "tui" / "schermen"


def test_de_app_laadt_elk_tcss_bestand_en_geen_scherm_laadt_er_zelf_een() -> None:
    # A screen's own CSS_PATH makes Textual re-parse every style the first time it opens.
    geladen = {str(pad) for pad in TripartietApp.CSS_PATH}
    assert {f"schermen/{pad.name}" for pad in SCHERMEN.glob("*.tcss")} <= geladen
    for module in SCHERMEN.glob("*.py"):
        for naam, waarde in vars(importlib.import_module(f"tui.schermen.{module.stem}")).items():
            if isinstance(waarde, type) and issubclass(waarde, Screen) and waarde.__module__.startswith("tui."):
                assert not waarde.CSS_PATH, f"{naam} laadt zijn eigen CSS_PATH"


def test_elke_regel_begint_met_het_scherm_waar_hij_voor_is() -> None:
    # Loaded at start, a rule like `#titel { ... }` would also style every other screen's #titel.
    for pad in SCHERMEN.glob("*.tcss"):
        module = importlib.import_module(f"tui.schermen.{pad.stem}")
        schermen = {
            naam for naam, w in vars(module).items()
            if isinstance(w, type) and issubclass(w, Screen) and w.__module__.startswith("tui.")
        }
        # Top-level selectors: from the start of a line (or after a '}') up to the '{', commas included.
        tekst = re.sub(r"/\*.*?\*/", "", pad.read_text(encoding="utf-8"), flags=re.S)
        for selectors in re.findall(r"(?:^|\})\s*([^{}]+?)\s*\{", tekst):
            if selectors.startswith(("&", " ")) or "\n " in selectors:
                continue  # nested inside a rule that was checked itself
            for selector in selectors.split(","):
                eerste = re.split(r"[\s.:#>]", selector.strip(), maxsplit=1)[0]
                assert eerste in schermen, f"{pad.name}: {selector.strip()}"
