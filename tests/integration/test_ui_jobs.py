"""Jobs in the desktop app: classes the one controller runs, Pause after opening another library, and
quitting while a job runs (the process never aborts on a running thread)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ui_helpers import IMPORT_TIMEOUT_MS, open_window

from beetroot_desktop.ui.jobs import ImportJob, Job, JobControl, Outcome

REPO = Path(__file__).resolve().parents[2]


class CountJob(Job):
    """A kind of job the window has never heard of: it runs through the same controller and status bar."""

    noun = "the count"

    @property
    def description(self) -> str:
        return "Counting the photos"

    def run(self, control: JobControl) -> int:
        from beetroot_desktop.library import open_library

        with open_library(control.library_dir) as library:
            return library.photo_count()

    def outcome(self, result: int) -> Outcome:
        return Outcome(f"{result} photos counted")


def test_a_new_kind_of_job_needs_no_change_in_the_window(qtbot, imported_library):
    window = open_window(qtbot, imported_library.dir)
    job = CountJob(window.settings)
    with qtbot.waitSignal(window.controller.jobFinished, timeout=30_000) as done:
        window.controller.submit(job)
        assert window.import_status.isVisible() and "Counting the photos" in window.import_status.label.text()
        assert not window.import_status.pause.isVisible()  # it did not say it can pause
    assert done.args == [job, imported_library.photo_count()]
    assert window.statusBar().currentMessage() == f"{imported_library.photo_count()} photos counted"
    assert any("Started: Counting the photos" in line for line in window.activity_model.texts())
    qtbot.waitUntil(lambda: not window.import_status.isVisible(), timeout=5000)


def test_pause_works_after_a_second_library_is_opened(qtbot, tmp_path, photos_dir):
    """Each opened library connected Pause (and Cancel) again: one click paused, then resumed."""
    from PySide6.QtCore import Qt

    window = open_window(qtbot, tmp_path / "first")
    window.library_dir = tmp_path / "second"
    assert window.open_library()  # what Settings › Library location does
    window.library_dir = tmp_path / "third"
    assert window.open_library()
    pause = window.import_status.pause
    controller = window.controller
    with qtbot.waitSignal(controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as finished:
        job = window.import_paths([str(photos_dir / "family" / "2019")])
        assert isinstance(job, ImportJob) and job.library_dir == tmp_path / "third"
        assert pause.isVisible()
        qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
        assert job.state.paused and controller.progress.paused and pause.text() == "Resume"
        qtbot.wait(300)
        assert controller.busy and job.state.paused  # it waits
        qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
        assert not job.state.paused and not controller.progress.paused and pause.text() == "Pause"
    assert finished.args[0] is job and finished.args[1].photos_new == 5


STUBBORN = """
import sys, threading, time
import beetroot_desktop.ui
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from beetroot_desktop.config import Settings
from beetroot_desktop.ui import app as app_module, job_runner
from beetroot_desktop.ui.jobs import Job
from beetroot_desktop.ui.main_window import MainWindow

started, cancelled = threading.Event(), []

class Stubborn(Job):
    '''Sees its cancel only after a while, as a scan of a slow network folder or a cloud call in flight.'''
    description = "A stubborn job"
    def run(self, control):
        started.set()
        time.sleep(__SLEEP__)
        cancelled.append(control.cancelled)
        return None

job_runner.SHUTDOWN_WAIT_MS = 300
job_runner.EXIT_WAIT_S = __EXIT_WAIT__
app = QApplication([])
window = MainWindow(Settings(), __LIBRARY__)
window.show()
assert window.open_library()
window.controller.submit(Stubborn(Settings()))
assert started.wait(10)
QTimer.singleShot(0, window.close)  # the user quits while the job runs
code = app.exec()
window.deleteLater()
del window
import gc; gc.collect()
print("parked", job_runner.parked_threads(), flush=True)
code = app_module.finish(code)
print("cancel seen", cancelled, flush=True)
sys.exit(code)
"""


@pytest.mark.slow  # quits the app as a process
@pytest.mark.parametrize(("sleep", "exit_wait"), [(2.0, 60.0), (30.0, 1.0)], ids=["waits-for-it", "gives-up"])
def test_quitting_during_a_job_never_destroys_its_running_thread(tmp_path, sleep, exit_wait):
    """Before: "QThread: Destroyed while thread 'import' is still running" and exit 134."""
    script = (STUBBORN.replace("__SLEEP__", repr(sleep)).replace("__EXIT_WAIT__", repr(exit_wait))
              .replace("__LIBRARY__", repr(str(tmp_path / "lib"))))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BEETROOT_", "AWS_"))}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO), BEETROOT_CONFIG_DIR=str(tmp_path / "config"),
               BEETROOT_LOG_DIR=str(tmp_path / "logs"))
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    seconds = time.monotonic() - started
    assert "Destroyed while thread" not in run.stderr, run.stderr
    assert run.returncode == 0, run.stderr
    assert "parked 1" in run.stdout  # the job outlived the window's wait
    if sleep < exit_wait:
        assert "cancel seen [True]" in run.stdout  # it ran to its end and saw the cancel
    else:
        assert "cancel seen" not in run.stdout and seconds < sleep  # the process ended without it
