"""Unexpected errors: logged with their traceback to the app's log file, and shown in a dialog that says
where that file is.

`install()` (run_app calls it) makes this the handler for exceptions nothing caught: `sys.excepthook`
(an exception in a slot or an event handler on the GUI thread; PySide6 hands those to it) and
`threading.excepthook` (a Python thread). The dialog always opens on the GUI thread, without blocking;
while one is open, further errors are logged only, so a failing paint event cannot bury the window
under dialogs. Errors the app expects (an edit the library refuses, a job that cannot run, a photo that
cannot be read) never come here: they are sentences in the window's banners.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from .i18n import tr

log = logging.getLogger("beetroot.ui.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class _Reporter(QObject):
    """Lives on the GUI thread; a report sent from any thread is shown there."""

    report = Signal(str, str)  # summary, traceback

    def __init__(self, log_path: Path | None) -> None:
        super().__init__()
        self.log_path = log_path
        self.box: QMessageBox | None = None
        self.report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if self.box is not None:  # one dialog at a time; the log has every error
            return
        where = (tr("The details were written to the log file:\n{path}").format(path=self.log_path)
                 if self.log_path is not None else tr("The log file could not be written; the details are below."))
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("Beetroot: unexpected error"))
        # The error itself (its type and message) and its traceback stay as Python wrote them.
        box.setText(tr("Something went wrong that Beetroot did not expect:\n{error}").format(error=summary))
        box.setInformativeText(where + "\n\n" + tr("If it happens again, please report it with the log file."))
        box.setDetailedText(details)
        box.finished.connect(self._closed)
        self.box = box
        box.open()

    def _closed(self, *_args: object) -> None:
        if self.box is not None:
            self.box.deleteLater()
        self.box = None


_reporter: _Reporter | None = None


def install(log_path: Path | None = None) -> None:
    """Handle uncaught exceptions from now on (call on the GUI thread, once a QApplication exists).

    `log_path` is the log file (`beetroot_desktop.logs.setup_logging()` makes it; called here if not given).
    """
    global _reporter
    if log_path is None:
        from ..logs import setup_logging

        log_path = setup_logging()
    _reporter = _Reporter(log_path)
    app = QCoreApplication.instance()
    if app is not None:
        _reporter.setParent(app)
    sys.excepthook = excepthook
    threading.excepthook = _thread_excepthook


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report((exc_type, exc, tb), threading.current_thread().name)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    thread = args.thread.name if args.thread is not None else "a thread"
    report((args.exc_type, args.exc_value, args.exc_traceback), thread)


def report(exc_info: ExcInfo, thread: str = "MainThread") -> None:
    """Log the error with its traceback, then show the dialog (on the GUI thread)."""
    log.error("Unexpected error on %s", thread, exc_info=exc_info)
    summary = "".join(traceback.format_exception_only(exc_info[0], exc_info[1])).strip()
    details = "".join(traceback.format_exception(*exc_info))
    if _reporter is None:
        print(details, file=sys.stderr)
        return
    with contextlib.suppress(RuntimeError):  # the application is shutting down: the log has it
        _reporter.report.emit(summary, details)
