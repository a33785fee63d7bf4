from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from opslag.demo import maak_demo


@pytest.fixture(autouse=True)
def eigen_mappen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's settings or demo file."""
    monkeypatch.setenv("TRIPARTIET_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("TRIPARTIET_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("TRIPARTIET_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def _demo_sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite")


@pytest.fixture
def demo_pad(_demo_sjabloon: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo file for each test (building it once is faster)."""
    pad = tmp_path / "demo-zonnedal.sqlite"
    shutil.copyfile(_demo_sjabloon, pad)
    return pad
