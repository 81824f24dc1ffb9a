"""The folder watcher costs the window nothing it could feel: a 10 ms heartbeat on the GUI thread is as
punctual while another program writes thousands of photos into a watched folder as with no watcher."""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ui_helpers import open_window

import beetroot_desktop.ui.watching as watching
from beetroot_desktop.config import Settings
from beetroot_desktop.library.recovery import remember_import_roots

# A real watcher, another process writing 3,000 files, seconds of heartbeats: with the integration tests.
pytestmark = pytest.mark.slow

BEAT_MS = 10
FILES, FOLDERS = 3000, 30

WRITER = """
import os, sys, time
root, files, folders = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(files):
    folder = os.path.join(root, f"day{i % folders:02d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"IMG_{i:05d}.jpg"), "wb") as fh:
        fh.write(b"x" * 2048)
    if i % 100 == 99:
        time.sleep(0.02)  # a camera import: bursts, not one write
"""


class FullCollections:
    """How long each full garbage collection took (ms), on whichever thread it ran: it holds the GIL, so
    the GUI thread waits for it too."""

    def __init__(self) -> None:
        self.ms: list[float] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.ms.append((time.perf_counter() - self._started) * 1000.0)


def heartbeat_while(qtbot, work) -> list[float]:
    """How late (ms) each beat of a 10 ms timer came while `work()` (a started process) ran."""
    from PySide6.QtCore import QTimer

    late: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        late.append((now - last[0]) * 1000.0 - BEAT_MS)
        last[0] = now

    timer = QTimer()
    timer.setInterval(BEAT_MS)
    timer.timeout.connect(beat)
    timer.start()
    process = work()
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=120_000)
    qtbot.wait(600)  # the watcher's last report arrives
    timer.stop()
    return late


def measure(qtbot, tmp_path: Path, name: str, watch: bool,
            monkeypatch) -> tuple[list[float], list[list[str]], list[float]]:
    monkeypatch.setattr(watching, "TIMING", (0.2, 2.0, 0.5))
    root = tmp_path / name / "Photos"
    root.mkdir(parents=True)
    library = tmp_path / name / "lib"
    library.mkdir()
    remember_import_roots(library, [root])  # imported before: the watcher watches it
    window = open_window(qtbot, library, Settings(workers=2, watch_folders=watch))
    reports: list[list[str]] = []
    window._folders_changed = reports.append  # what the watcher tells the window, without the syncs it queues
    if watch:
        assert window.folder_watch.watcher.wait_watching(10)
    gc.collect()  # what earlier windows left is not this measurement's
    collections = FullCollections()
    gc.callbacks.append(collections)
    try:
        late = heartbeat_while(qtbot, lambda: subprocess.Popen(
            [sys.executable, "-c", WRITER, str(root), str(FILES), str(FOLDERS)]))
    finally:
        gc.callbacks.remove(collections)
    window.close()
    return late, reports, collections.ms


def summary(late: list[float]) -> str:
    ordered = sorted(late)
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    return (f"{len(late)} beats, median {statistics.median(late):.2f} ms, p99 {p99:.1f} ms,"
            f" worst {max(late):.1f} ms late")


def collected(ms: list[float]) -> str:
    return f"{len(ms)} full garbage collections" + (f" ({', '.join(f'{m:.0f}' for m in ms)} ms)" if ms else "")


def test_the_watcher_adds_no_gui_stall_while_files_are_created(qtbot, tmp_path, monkeypatch, capsys,
                                                               record_property):
    without, _, gc_without = measure(qtbot, tmp_path, "without", False, monkeypatch)
    with_watcher, reports, gc_with = measure(qtbot, tmp_path, "with", True, monkeypatch)
    folders = {f for report in reports for f in report}
    assert len(folders) == FOLDERS  # every folder written to was reported ...
    assert len(reports) < FILES / 20  # ... in a few reports, not one per file
    record_property("gui_late_ms_without_watcher", round(max(without), 1))
    record_property("gui_late_ms_with_watcher", round(max(with_watcher), 1))
    with capsys.disabled():
        print(f"\nGUI heartbeat ({BEAT_MS} ms) while another process writes {FILES} photos into {FOLDERS} folders:"
              f"\n  no watcher:   {summary(without)}; {collected(gc_without)}"
              f"\n  watcher on:   {summary(with_watcher)}; {collected(gc_with)}; {len(reports)} reports")
    assert max(with_watcher) < 100.0, f"the GUI thread stalled for {max(with_watcher):.0f} ms"
    assert statistics.median(with_watcher) < statistics.median(without) + 2.0
