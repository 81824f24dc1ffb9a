"""GUI figures: start-up to the main window, the largest GUI-thread stall during an import, and a scroll
through a People grid of 5,000 people.

Start-up uses only the app's command-line contract: with BEETROOT_QUIT_AFTER_MS=N the app shows its main
window, prints `startup: main window shown after <ms> ms` to stderr and quits N ms later; the bench takes
the wall time from starting the process to reading that line.

The stall and scroll benches run the real main window in this process, as the app's own tests do
(`beetroot_desktop.ui.app.create_main_window`, `MainWindow.open_library`, its People grid and
`import_paths`), and report "not available" with the reason when the GUI is missing.
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


def _window(library_dir: Path, *, timeout: float = 60.0) -> tuple[Any, Any]:
    """The main window on `library_dir`, shown, with its library open and the People grid loaded."""
    _require_gui()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        import beetroot_desktop.ui  # noqa: F401  (the package sets up PySide6 before any window exists)
        from beetroot_desktop.ui.app import create_application, create_main_window
    except ImportError as exc:
        raise NotAvailable(f"the GUI cannot be imported: {exc}") from exc
    qapp = create_application()
    window, _problem = create_main_window(str(library_dir))
    window.resize(1180, 780)
    window.show()
    qapp.processEvents()
    if not window.open_library():
        window.close()
        raise NotAvailable(f"the main window could not open the library at {library_dir}")
    _wait(qapp, lambda: window.people_page.model.loaded, timeout)
    return qapp, window


def _wait(qapp: Any, done: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        qapp.processEvents()
        time.sleep(0.005)


class Heartbeat:
    """A timer on the GUI thread; the largest gap between its ticks is the longest the GUI froze."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst_ms = 0.0
        self.ticks = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst_ms = max(self.worst_ms, (now - self.last) * 1000 - HEARTBEAT_MS)
        self.last = now
        self.ticks += 1

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def import_stall(library_dir: Path, photos: Path, *, timeout: float = 600.0) -> float:
    """The largest GUI-thread stall, in ms, while the window imports `photos` (grid refreshes included)."""
    qapp, window = _window(library_dir)
    try:
        beat = Heartbeat()
        beat.start()
        job = window.import_paths([str(photos)])
        if job is None:
            raise NotAvailable("the window did not start an import")
        _wait(qapp, lambda: not window.controller.busy, timeout)
        _wait(qapp, lambda: window.people_page.model.loaded, timeout)
        settle = time.monotonic() + 0.5  # the last refreshes after the import
        _wait(qapp, lambda: time.monotonic() > settle, timeout)
        beat.stop()
    finally:
        window.close()
        qapp.processEvents()
    if beat.ticks < 10:
        raise AssertionError("the heartbeat hardly ran: the measure means nothing")
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
        count = len(lib.person_rows())
    qapp, window = _window(library_dir)
    from PySide6.QtCore import QPoint

    try:
        view = window.people_page.grid
        if view.model().rowCount() != count:
            raise NotAvailable(f"the People grid shows {view.model().rowCount()} people, the library has {count}")
        bar = view.verticalScrollBar()
        # The grid lays its items out in batches while events run: wait until the scroll range stops growing.
        last, stable_since = -1, time.monotonic()
        while time.monotonic() - stable_since < 0.3:
            qapp.processEvents()
            if bar.maximum() != last:
                last, stable_since = bar.maximum(), time.monotonic()
            time.sleep(0.01)
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
        bottom = view.indexAt(view.viewport().rect().bottomLeft() + QPoint(view.gridSize().width() // 2, -4))
        if bottom.isValid() and bottom.row() < count - 100:
            raise AssertionError(f"the scroll ended at row {bottom.row()} of {count}")
    finally:
        window.close()
        qapp.processEvents()
    return Scroll(count, steps, total, worst)
