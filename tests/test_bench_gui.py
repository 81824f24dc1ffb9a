"""The GUI benches against a stand-in window that keeps their contract, until the real GUI is built in."""

from __future__ import annotations

import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from bench import gui, scale

pytest.importorskip("PySide6")


def _stand_in_app(stall_ms: int) -> types.ModuleType:
    from PySide6.QtCore import QStringListModel, QTimer, Signal
    from PySide6.QtWidgets import QListView, QMainWindow

    from beetroot_desktop.library import open_library

    class Window(QMainWindow):
        import_finished = Signal()

        def __init__(self, library_dir: Path) -> None:
            super().__init__()
            with open_library(library_dir) as lib:
                names = [p.display_name for p in lib.people()]
            self.view = QListView()
            self.view.setModel(QStringListModel(names, self.view))
            self.setCentralWidget(self.view)
            self.resize(600, 400)

        def import_paths(self, paths: list[str]) -> None:
            QTimer.singleShot(50, lambda: time.sleep(stall_ms / 1000))  # a GUI-thread stall to be found
            QTimer.singleShot(200, self.import_finished.emit)

    module = types.ModuleType("beetroot_desktop.ui.app")
    module.create_main_window = Window  # type: ignore[attr-defined]
    return module


@pytest.fixture
def stand_in_gui(monkeypatch: pytest.MonkeyPatch, qapp: object) -> Callable[[int], None]:
    monkeypatch.setattr(gui, "gui_present", lambda: True)
    package = types.ModuleType("beetroot_desktop.ui")
    package.__path__ = []  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "beetroot_desktop.ui", package)

    def install(stall_ms: int) -> None:
        module = _stand_in_app(stall_ms)
        package.app = module  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "beetroot_desktop.ui.app", module)

    return install


def test_stall_bench_finds_a_blocked_gui_thread(stand_in_gui, tmp_path: Path):
    stand_in_gui(stall_ms=120)
    worst = gui.import_stall(tmp_path / "library", tmp_path, timeout=10)
    assert 100 <= worst < 1000


def test_scroll_bench_walks_the_whole_people_grid(stand_in_gui, tmp_path: Path):
    stand_in_gui(stall_ms=0)
    folder = scale.build(tmp_path, scale.Shape(photos=600, faces=1200, people=400))
    result = gui.people_grid_scroll(folder)
    assert result.people == 400 and result.steps > 2 and result.total_ms > 0


def test_gui_benches_say_why_they_cannot_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(gui, "gui_present", lambda: False)
    for bench in (lambda: gui.startup(tmp_path), lambda: gui.import_stall(tmp_path, tmp_path),
                  lambda: gui.people_grid_scroll(tmp_path)):
        with pytest.raises(gui.NotAvailable, match="not in this build"):
            bench()


def test_startup_bench_reads_the_contract_line(tmp_path: Path):
    app = ("import os, sys, time; time.sleep(0.3); print('loading', file=sys.stderr);"
           " print('startup: main window shown after 287.5 ms', file=sys.stderr, flush=True);"
           " time.sleep(int(os.environ['BEETROOT_QUIT_AFTER_MS']) / 1000)")
    result = gui.startup(tmp_path, repeats=2, command=[sys.executable, "-c", app])
    assert result.reported_ms.values == [287.5, 287.5]
    assert all(300 <= ms < 10_000 for ms in result.wall_ms.values)
    with pytest.raises(gui.NotAvailable, match="without printing"):
        gui.startup(tmp_path, repeats=1, command=[sys.executable, "-c", "pass"])
