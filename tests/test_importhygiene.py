"""Storage stays free of the UI: export, checks and repairs must run without Textual."""

from __future__ import annotations

import subprocess
import sys


def test_opslag_laadt_geen_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, opslag\n"
        "for m in pkgutil.iter_modules(opslag.__path__): importlib.import_module('opslag.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich')))"
    )
    uitvoer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uitvoer.strip() == "[]"


def test_cli_help_laadt_geen_app() -> None:
    code = (
        "import sys\nfrom tui.cli import main\n"
        "try: main(['--help'])\nexcept SystemExit: pass\n"
        "print('textual.app' in sys.modules, 'opslag.bestand' in sys.modules)"
    )
    uitvoer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uitvoer.strip().splitlines()[-1] == "False False"


def test_start_van_de_app_laadt_geen_export_of_sjablonen(tmp_path) -> None:  # noqa: ANN001
    """Export, templates and the framework parser are imported when used, not at start-up."""
    from opslag.demo import maak_demo

    pad = maak_demo(tmp_path / "demo.sqlite")
    code = (
        "import sys, asyncio\n"
        "from pathlib import Path\n"
        "from tui.app import TripartietApp\n"
        "async def main():\n"
        f"    app = TripartietApp(Path({str(pad)!r}))\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.pause()\n"
        "        assert type(app.screen).__name__ == 'OverlegScherm'\n"
        "asyncio.run(main())\n"
        "print(sorted(m for m in ('jinja2', 'markdown_it', 'opslag.export', 'sqlite_utils', 'hypothesis') if m in sys.modules))"
    )
    uitvoer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uitvoer.strip().splitlines()[-1] == "[]"


def test_pydantic_pas_als_een_formulier_opent_op_de_achtergrond(tmp_path) -> None:  # noqa: ANN001
    """Rows read back are dataclasses: opening the demo file, painting its meeting screen and
    remembering the file import no pydantic (6-10 MB). Opening a form loads it, and the input
    models, in the background, so they are there by the time the form is filled in."""
    from opslag.demo import maak_demo

    pad = maak_demo(tmp_path / "demo.sqlite")
    code = (
        "import sys, asyncio\n"
        "from pathlib import Path\n"
        "from tui.app import TripartietApp\n"
        "async def main():\n"
        f"    app = TripartietApp(Path({str(pad)!r}))\n"
        "    async with app.run_test() as pilot:\n"
        "        for _ in range(20):\n"
        "            await pilot.pause(0.02)\n"
        "        assert type(app.screen).__name__ == 'OverlegScherm'\n"
        "        print('pydantic' in sys.modules, all(w.is_finished for w in app.workers))\n"
        "        app.action_nieuwe_partij()\n"
        "        await pilot.pause()\n"
        "        print(type(app.screen).__name__)\n"
        "        await app.workers.wait_for_complete()\n"
        "        print('pydantic' in sys.modules, 'opslag.invoermodellen' in sys.modules)\n"
        "asyncio.run(main())\n"
    )
    uitvoer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uitvoer.strip().splitlines()[-3:] == ["False True", "PartijFormulier", "True True"]
