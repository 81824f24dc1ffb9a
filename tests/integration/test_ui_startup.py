"""Start-up: the window shows fast, before the library and before numpy, dlib or boto3 are loaded."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.slow  # the app started as a process


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BEETROOT_", "AWS_"))}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO), BEETROOT_CONFIG_DIR=str(tmp_path / "config"),
               BEETROOT_LOG_DIR=str(tmp_path / "logs"), **extra)
    return env


def test_app_reports_its_start_up_time_and_quits_cleanly(tmp_path, record_property, capsys):
    result = subprocess.run(
        [sys.executable, "-m", "beetroot_desktop", "--library", str(tmp_path / "lib")],
        env=_env(tmp_path, BEETROOT_QUIT_AFTER_MS="1500"), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    found = re.search(r"startup: main window shown after (\d+) ms", result.stderr)
    assert found, result.stderr
    ms = int(found.group(1))
    record_property("startup_ms", ms)
    with capsys.disabled():
        print(f"\nstart-up: main window shown after {ms} ms (target 1500 ms)")
    assert ms < 5000  # the target is 1.5 s; this bound only catches gross regressions on a loaded machine
    assert (tmp_path / "lib" / "library.sqlite3").exists()  # the library was opened after the first paint


def test_showing_the_window_loads_no_heavy_module(tmp_path):
    script = (
        "import sys\n"
        "import beetroot_desktop.ui\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from beetroot_desktop.config import Settings\n"
        "from beetroot_desktop.ui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        f"w = MainWindow(Settings(), {str(tmp_path / 'lib')!r})\n"
        "w.show()\n"
        "heavy = sorted(m for m in ('numpy', 'dlib', 'boto3', 'botocore', 'PIL') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
        "w.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], env=_env(tmp_path), capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout, result.stdout


def test_the_library_opens_after_the_heavy_modules_load_off_the_gui_thread(qtbot, tmp_path):
    from ui_helpers import open_window  # noqa: F401  (sets the offscreen platform and the reference guard)

    from beetroot_desktop.config import Settings
    from beetroot_desktop.ui.main_window import MainWindow

    window = MainWindow(Settings(), tmp_path / "lib")
    qtbot.addWidget(window)
    window.show()
    assert window.pages.currentWidget() is window.loading  # painted before the library is open
    with qtbot.waitSignal(window.libraryOpened, timeout=20_000):
        window.open_library_soon()
    assert window.ctx is not None and window.pages.currentWidget() is window.people_page
