"""GUI figures: start-up to the main window, the largest GUI-thread stall during an import, and a scroll
through a People grid of 5,000 people.

Start-up uses only the app's command-line contract: with BEETROOT_QUIT_AFTER_MS=N the app shows its main
window, prints `startup: main window shown after <ms> ms` to stderr and quits N ms later; the bench takes
the wall time from starting the process to reading that line.

The stall and scroll benches run the window in this process and need a little more of the GUI:
- `beetroot_desktop.ui.app.create_main_window(library_dir)` -> the main window, not yet shown;
- for the stall bench, the window's `import_paths(paths)` starting an import in the background and its
  `import_finished` signal.
The People grid is found without naming it: the item view whose model has one row per person. Each
bench reports "not available" with the reason when the GUI or a piece of it is missing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .measure import Stat

STARTUP_LINE = re.compile(r"startup: main window shown after ([0-9.]+) ms")
HEARTBEAT_MS = 5


class NotAvailable(Exception):
    """The GUI, or the part of it a bench needs, is not in this build."""


def gui_present() -> bool:
    """Whether this checkout has the GUI (looked up beside the core, not through other installs)."""
    import beetroot_desktop

    return (Path(beetroot_desktop.__file__).parent / "ui" / "app.py").exists()


def _require_gui() -> None:
    if not gui_present():
        raise NotAvailable("the GUI (beetroot_desktop.ui) is not in this build")


@dataclass
class Startup:
    wall_ms: Stat  # process start -> the line on stderr
    reported_ms: Stat  # what the app measured itself


def startup(library_dir: Path, *, repeats: int = 3, quit_after_ms: int = 100, env: dict[str, str] | None = None,
            timeout: float = 60.0, command: list[str] | None = None) -> Startup:
    """`command` (default: the app on `library_dir`) must keep the start-up contract above."""
    if command is None:
        _require_gui()
        command = [sys.executable, "-m", "beetroot_desktop", "--library", str(library_dir)]
    base = dict(env or os.environ)
    base.setdefault("QT_QPA_PLATFORM", "offscreen")
    base["BEETROOT_QUIT_AFTER_MS"] = str(quit_after_ms)
    base["BEETROOT_LIBRARY"] = str(library_dir)
    result = Startup(Stat(), Stat())
    for _ in range(repeats):
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=base)
        assert proc.stderr is not None
        seen = None
        try:
            for line in proc.stderr:
                match = STARTUP_LINE.search(line)
                if match:
                    seen = (time.perf_counter() - started) * 1000, float(match.group(1))
                    break
            proc.stderr.read()
            proc.wait(timeout=timeout)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if seen is None:
            raise NotAvailable(f"the app exited ({proc.returncode}) without printing the start-up line")
        result.wall_ms.add(seen[0])
        result.reported_ms.add(seen[1])
    return result


def _window(library_dir: Path) -> tuple[Any, Any]:
    _require_gui()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from beetroot_desktop.ui import app as ui_app
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        raise NotAvailable(f"the GUI cannot be imported: {exc}") from exc
    create = getattr(ui_app, "create_main_window", None)
    if create is None:
        raise NotAvailable("beetroot_desktop.ui.app has no create_main_window(library_dir)")
    qapp = QApplication.instance() or QApplication([])
    window = create(library_dir)
    window.show()
    qapp.processEvents()
    return qapp, window


class Heartbeat:
    """A timer on the GUI thread; the largest gap between its ticks is the longest the GUI froze."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst_ms = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst_ms = max(self.worst_ms, (now - self.last) * 1000 - HEARTBEAT_MS)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def import_stall(library_dir: Path, photos: Path, *, timeout: float = 600.0) -> float:
    """The largest GUI-thread stall, in ms, while the window imports `photos`."""
    qapp, window = _window(library_dir)
    start_import = getattr(window, "import_paths", None)
    finished = getattr(window, "import_finished", None)
    if start_import is None or finished is None:
        window.close()
        raise NotAvailable("the main window has no import_paths(paths) / import_finished signal")
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    finished.connect(loop.quit)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    beat = Heartbeat()
    beat.start()
    start_import([str(photos)])
    loop.exec()
    beat.stop()
    window.close()
    qapp.processEvents()
    return beat.worst_ms


@dataclass
class Scroll:
    people: int
    steps: int
    total_ms: float
    worst_step_ms: float


def people_grid_scroll(library_dir: Path) -> Scroll:
    """Scroll the People grid from top to bottom a page at a time, painting each page."""
    from beetroot_desktop.library import open_library

    _require_gui()
    with open_library(library_dir, readonly=True) as lib:
        count = len(lib.people())
    qapp, window = _window(library_dir)
    from PySide6.QtWidgets import QAbstractItemView

    views = [v for v in window.findChildren(QAbstractItemView)
             if v.model() is not None and v.model().rowCount() == count]
    if not views:
        window.close()
        raise NotAvailable(f"no item view in the main window shows the {count} people")
    view = views[0]
    view.setFocus()
    bar = view.verticalScrollBar()
    worst = 0.0
    steps = 0
    started = time.perf_counter()
    value = bar.minimum()
    while True:
        t = time.perf_counter()
        bar.setValue(value)
        view.viewport().repaint()
        qapp.processEvents()
        worst = max(worst, (time.perf_counter() - t) * 1000)
        steps += 1
        if value >= bar.maximum():
            break
        value = min(bar.maximum(), value + max(1, bar.pageStep()))
    total = (time.perf_counter() - started) * 1000
    window.close()
    qapp.processEvents()
    return Scroll(count, steps, total, worst)
