"""The GUI benches on the real app, on tiny inputs, so they cannot rot between `make bench` runs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench import gui, scale
from bench.imports import child_env
from bench.makelib import make_library

pytest.importorskip("PySide6")
pytestmark = pytest.mark.skipif(not gui.gui_present(), reason="the GUI is not in this checkout")


def test_startup_bench_on_the_app(tmp_path: Path):
    result = gui.startup(tmp_path / "library", repeats=1, env=child_env(tmp_path))
    (wall,), (reported,) = result.wall_ms.values, result.reported_ms.values
    assert 0 < reported < 60_000 and 0 < wall < 60_000


def test_stall_bench_imports_in_the_window(qapp: object, photos_dir: Path, tmp_path: Path):
    folder, _ = make_library(photos_dir, tmp_path / "out", 3)
    worst = gui.import_stall(tmp_path / "library", folder, timeout=120)
    assert 0 <= worst < 60_000
    from beetroot_desktop.library import open_library

    with open_library(tmp_path / "library") as lib:
        assert lib.photo_count() == 3


def test_scroll_bench_walks_the_whole_people_grid(qapp: object, tmp_path: Path):
    folder = scale.build(tmp_path, scale.Shape(photos=600, faces=1200, people=400))
    result = gui.people_grid_scroll(folder)
    assert result.people == 400 and result.steps > 2 and result.total_ms > 0


def test_startup_bench_reads_the_contract_line(tmp_path: Path):
    app = ("import os, sys, time; time.sleep(0.3); print('loading', file=sys.stderr);"
           " print('startup: main window shown after 287.5 ms', file=sys.stderr, flush=True);"
           " time.sleep(int(os.environ['BEETROOT_QUIT_AFTER_MS']) / 1000)")
    result = gui.startup(tmp_path, repeats=2, command=[sys.executable, "-c", app])
    assert result.reported_ms.values == [287.5, 287.5]
    assert all(300 <= ms < 10_000 for ms in result.wall_ms.values)
    with pytest.raises(gui.NotAvailable, match="without printing"):
        gui.startup(tmp_path, repeats=1, command=[sys.executable, "-c", "pass"])


def test_gui_benches_say_why_they_cannot_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(gui, "gui_present", lambda: False)
    for bench in (lambda: gui.startup(tmp_path), lambda: gui.import_stall(tmp_path, tmp_path),
                  lambda: gui.people_grid_scroll(tmp_path)):
        with pytest.raises(gui.NotAvailable, match="not in this build"):
            bench()
