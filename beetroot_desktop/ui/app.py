"""Starting the desktop app: QApplication, the main window, the library, the event loop."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..config import SettingProblem

_IMPORTED_AT = time.perf_counter()


def process_age_ms() -> float:
    """Milliseconds since this process started (from the kernel on Linux; else since this import)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 (starttime) counted after the command name
        ticks = os.sysconf("SC_CLK_TCK")
        boot = time.clock_gettime(time.CLOCK_BOOTTIME)
        return max(0.0, (boot - start_ticks / ticks) * 1000.0)
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _IMPORTED_AT) * 1000.0


def create_application() -> Any:
    """The QApplication with Beetroot's name, icon, language and look (reused if one exists)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ..assets import resource_path
    from ..config import read_settings
    from .i18n import install_translators
    from .style import apply_style

    settings, _ = read_settings()  # a setting that cannot be used falls back here; the window reports it

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Beetroot")
    app.setApplicationDisplayName("Beetroot")
    app.setOrganizationName("Beetroot")
    app.setDesktopFileName("beetroot")
    with contextlib.suppress(FileNotFoundError):  # a broken install still starts, without its icon
        app.setWindowIcon(QIcon(str(resource_path("beetroot.png"))))
    install_translators(settings.language)
    apply_style(app, settings.appearance)
    return app


def create_main_window(library: str | None = None) -> tuple[Any, str | None]:
    """The main window for `library` (or the configured one), and a settings problem to report, if any.

    A setting that cannot be used (a hand-written "language": "fr") falls back to its default alone: the
    others, the library folder first, stay as saved, as create_application applied the language and look."""
    from ..config import read_settings, resolve_library_dir, settings_path
    from .i18n import tr
    from .main_window import MainWindow

    settings, problems = read_settings()
    problem = "\n".join(settings_problem_text(p) for p in problems) or None
    if any(not p.in_environment for p in problems):
        problem = tr("{problems}\n\nSaving the Settings dialog writes the settings file again and keeps the old one"
                     " beside it as {name}.invalid.").format(problems=problem, name=settings_path().name)
    override = bool(library or os.environ.get("BEETROOT_LIBRARY"))
    return MainWindow(settings, resolve_library_dir(library, settings), library_override=override), problem


def settings_problem_text(problem: SettingProblem) -> str:
    """A setting that could not be used, as the window says it: where it is, and what is wrong with it, in
    the window's language (the command line's words name commands to run; here the fix is in Settings)."""
    from .i18n import tr, translated
    from .item_text import sentence

    if problem.in_environment:
        return sentence(translated(str(problem)), full_stop=True)
    if problem.key is None:
        return tr("The settings file {path} could not be used: {problem}.").format(
            path=problem.source, problem=translated(problem.message))
    return tr("In the settings file {path}, {problem}.").format(path=problem.source,
                                                                 problem=translated(problem.message))


def run_app(library: str | None = None) -> int:
    """Create the QApplication, show the main window, open the library, run the event loop."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from . import crash
    from .i18n import tr

    app = create_application()
    crash.install()  # an error nothing caught is logged, and the user is told where the log is
    window, settings_problem = create_main_window(library)
    window.show()

    quit_after = os.environ.get("BEETROOT_QUIT_AFTER_MS")
    if quit_after:
        def shown() -> None:
            print(f"startup: main window shown after {process_age_ms():.0f} ms", file=sys.stderr, flush=True)
            QTimer.singleShot(max(0, int(quit_after)), app.quit)

        QTimer.singleShot(0, shown)
    # The first paint happens before the library is opened (and before numpy is loaded).
    QTimer.singleShot(0, window.open_library_soon)
    if settings_problem:
        QTimer.singleShot(0, lambda: QMessageBox.warning(
            window, tr("Settings"), tr("{problem}\n\nBeetroot uses the default for what cannot be used; the other"
                                       " settings are as saved.").format(problem=settings_problem)))
    code = app.exec()
    window.close()
    return finish(int(code))


def finish(code: int) -> int:
    """End the process only once no job thread runs (destroying a running QThread aborts the process).

    Closing the window cancelled the running job; one that outlived its wait (job_runner.py) is waited for
    here, with the window already gone. One that still runs after EXIT_WAIT_S (a network folder that never
    answers) cannot be stopped from Python: the process then ends at once, without destroying it. The
    library stays consistent either way (every write is a transaction, and the OS releases the import lock).
    """
    import logging

    from .job_runner import EXIT_WAIT_S, finish_parked

    if finish_parked(EXIT_WAIT_S):
        return code
    logging.getLogger("beetroot.ui").warning("a job did not stop %.0f s after the window closed", EXIT_WAIT_S)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
