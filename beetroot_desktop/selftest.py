"""`beetroot selftest`: proves this install (or frozen bundle) has every part the app needs at run time.

A frozen app breaks silently: a missing model file, hidden import, Qt plugin or keyring backend only shows
when a user reaches that feature. Each check here exercises one such part for real and prints one line
with its time; any failure makes the exit code non-zero.

A keyring without a usable backend is a warning, not a failure: the app is complete without one (the
local engine needs no secret; Rekognition also works with AWS profiles or environment variables), and
headless machines such as CI have none. The check fails only when the platform's own backend is missing
from the install, which is a packaging bug.

This is the one module outside `ui/` that imports Qt, lazily and only inside the Qt check.
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__

SELFTEST_IMAGE = "selftest_face.jpg"
MIN_SQLITE = (3, 35, 0)  # RETURNING, used by the library
WORKER_PROCESSES = 2

# The keyring backend each platform's users rely on, and what it imports: both must be in the bundle.
NATIVE_KEYRING = {
    "linux": ("keyring.backends.SecretService", "secretstorage"),
    "darwin": ("keyring.backends.macOS",),
    "win32": ("keyring.backends.Windows", "win32ctypes.pywin32"),
}
# The Qt platform plugin that shows windows on each desktop (offscreen serves tests and this check).
NATIVE_QT_PLATFORM = {"linux": "xcb", "darwin": "cocoa", "win32": "windows"}
QT_IMAGE_FORMATS = ("jpeg", "png")
# Every format the importer accepts, written by Pillow (HEIC through pillow-heif) and read back: each one
# is a separate codec library or plugin module that a bundle can miss.
PHOTO_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif", "BMP": ".bmp", "TIFF": ".tif",
                 "HEIF": ".heic"}


class CheckWarning(Exception):
    """The part works as far as the app needs it, but the user should know something (printed as WARN)."""


@dataclass
class CheckResult:
    name: str
    status: str  # PASS, WARN or FAIL
    detail: str
    seconds: float

    def line(self) -> str:
        return f"{self.status:<4}  {self.name:<8} {self.seconds * 1000:7.0f} ms  {self.detail}"


def _platform_key() -> str:
    return "linux" if sys.platform.startswith("linux") else sys.platform


def image_path() -> Path:
    from .assets import resource_path

    return resource_path(SELFTEST_IMAGE)


# -- checks: each returns a one-line detail, raises CheckWarning, or raises anything else to fail -------------

def check_models() -> str:
    import dlib

    from .engines import dlib_models
    from .engines.models import MODEL_FILES, model_path, models_dir

    sizes = [model_path(name).stat().st_size for name in MODEL_FILES]
    dlib_models.load_models()
    return (f"dlib {dlib.__version__}, {len(sizes)} model files ({sum(sizes) / 1e6:.1f} MB) "
            f"in {models_dir()}")


def check_library() -> str:
    import sqlite3

    from .library import open_library

    if sqlite3.sqlite_version_info < MIN_SQLITE:
        raise RuntimeError(f"SQLite {sqlite3.sqlite_version} is too old; the library needs "
                           f"{'.'.join(map(str, MIN_SQLITE))} or newer")
    with tempfile.TemporaryDirectory(prefix="beetroot-selftest-") as tmp, open_library(tmp) as lib:
        mode = lib.conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode.lower() != "wal":
            raise RuntimeError(f"journal mode is {mode}, not WAL")
        with lib.transaction() as conn:
            conn.execute("CREATE TEMP TABLE selftest (x INTEGER)")
            conn.execute("INSERT INTO selftest VALUES (1) RETURNING x").fetchall()
        integrity = lib.conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            raise RuntimeError(f"integrity check: {integrity}")
        version = lib.conn.execute("PRAGMA user_version").fetchone()[0]
    return f"SQLite {sqlite3.sqlite_version}, schema {version}, WAL, integrity ok"


def check_detect() -> str:
    import numpy as np

    from .engines.dlib_models import describe_face, detect_faces
    from .imaging import decode_photo

    path = image_path()
    decoded = decode_photo(path)
    faces = detect_faces(decoded.image)
    if len(faces) != 1:
        raise RuntimeError(f"expected 1 face in {path.name}, the detector found {len(faces)}")
    descriptor = describe_face(decoded.image, faces[0][0])
    if descriptor.shape != (128,) or not np.isfinite(descriptor).all():
        raise RuntimeError(f"bad face descriptor: shape {descriptor.shape}")
    return f"1 face in {path.name} ({decoded.width}x{decoded.height}), 128-d descriptor"


def check_formats() -> str:
    from PIL import Image

    from .imaging import decode_photo
    from .imaging.decode import HEIF_SUPPORTED

    if not HEIF_SUPPORTED:
        raise RuntimeError("HEIC support (pillow-heif) is missing")
    with Image.open(image_path()) as im:
        small = im.convert("RGB").resize((64, 64))
    with tempfile.TemporaryDirectory(prefix="beetroot-selftest-") as tmp:
        for fmt, suffix in PHOTO_FORMATS.items():
            path = Path(tmp) / f"sample{suffix}"
            small.save(path, fmt)
            decoded = decode_photo(path)
            if decoded.image.size != (64, 64) or decoded.image.mode != "RGB":
                raise RuntimeError(f"{fmt} decoded as {decoded.image.mode} {decoded.image.size}")
    return f"wrote and decoded {', '.join(PHOTO_FORMATS)}"


def check_keyring() -> str:
    from importlib.metadata import entry_points

    from .secrets import keyring_usable

    native = NATIVE_KEYRING.get(_platform_key(), ())
    for module in native:
        importlib.import_module(module)  # missing from the bundle = a packaging bug: fail
    if not entry_points(group="keyring.backends"):
        raise RuntimeError("keyring's backend list (package metadata) is missing")
    usable, backend = keyring_usable()
    if not usable:
        import keyring

        found = type(keyring.get_keyring()).__module__
        raise CheckWarning(f"no usable keyring service ({found}); saving AWS keys is disabled, AWS profiles "
                           f"and environment variables still work (present: {', '.join(native) or 'none'})")
    return f"backend {backend}"


def check_qt() -> str:
    from PySide6 import QtWidgets  # noqa: F401  (the GUI needs it: prove it is in the bundle)
    from PySide6.QtCore import QCoreApplication, QLibrary, qVersion
    from PySide6.QtGui import QGuiApplication, QImage, QImageReader

    wanted = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
    # Reuse a running application (a caller's); otherwise this one lives until the process exits.
    if QGuiApplication.instance() is None:
        QGuiApplication(["beetroot-selftest", "-platform", wanted])
    platform_name = QGuiApplication.platformName()
    plugins = {
        _qt_plugin_name(entry.name): entry
        for plugin_dir in QCoreApplication.libraryPaths()
        if (Path(plugin_dir) / "platforms").is_dir()
        for entry in sorted((Path(plugin_dir) / "platforms").iterdir())
    }
    available = ", ".join(sorted(plugins)) or "none"
    native = NATIVE_QT_PLATFORM.get(_platform_key())
    problem = None
    if native and native not in plugins:
        problem = f"the {native} platform plugin is missing (found: {available})"
    elif native:
        # Loading the library resolves its system dependencies (on Linux the xcb-* libraries Qt needs):
        # the classic "could not load the Qt platform plugin" failure, caught without a display.
        library = QLibrary(str(plugins[native]))
        if not library.load():
            problem = f"the {native} platform plugin cannot load: {library.errorString()}"
    if problem and getattr(sys, "frozen", False):
        raise RuntimeError(problem)  # the bundle must carry everything its platform plugin links
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = [f for f in QT_IMAGE_FORMATS if f not in formats]
    if missing:
        raise RuntimeError(f"Qt cannot read {', '.join(missing)} images (image format plugins missing)")
    image = QImage(str(image_path()))
    if image.isNull():
        raise RuntimeError(f"Qt could not decode {SELFTEST_IMAGE}")
    detail = (f"Qt {qVersion()}, platform {platform_name} (present: {available}), "
              f"reads {', '.join(QT_IMAGE_FORMATS)}")
    if problem:  # from source the system provides these libraries: the user can install them
        raise CheckWarning(f"{detail}; but {problem} (install the system libraries it names)")
    return detail


def _qt_plugin_name(filename: str) -> str:
    """libqxcb.so, qwindows.dll, libqcocoa.dylib -> xcb, windows, cocoa."""
    stem = filename.split(".")[0].removeprefix("lib")
    return stem[1:] if stem.startswith("q") else stem


def check_workers() -> str:
    """The spawn process pool: in a frozen app this fails unless freeze_support() runs first in main."""
    from .engines.base import WorkerNeeds
    from .pipeline.analyze import PhotoJob
    from .pipeline.workers import PhotoWorkers

    path = image_path()
    stat = path.stat()
    jobs = [PhotoJob(str(path), f"selftest-{i}", stat.st_size, stat.st_mtime_ns) for i in range(WORKER_PROCESSES * 2)]
    pids: set[int] = set()
    faces = 0
    with PhotoWorkers(WORKER_PROCESSES, WorkerNeeds(descriptors=True)) as workers:
        for result in workers.run(jobs):
            if result.error:
                raise RuntimeError(f"worker failed: {result.error}")
            faces += len(result.faces)
            pids.update(p.pid for p in multiprocessing.active_children() if p.pid is not None)
    pids.discard(os.getpid())
    if len(pids) < WORKER_PROCESSES:
        raise RuntimeError(f"expected {WORKER_PROCESSES} worker processes, saw {len(pids)}")
    if faces != len(jobs):
        raise RuntimeError(f"expected {len(jobs)} faces from the workers, got {faces}")
    start_method = multiprocessing.get_context("spawn").get_start_method()
    return f"{len(pids)} {start_method} worker processes analysed {len(jobs)} photos"


def check_watch() -> str:
    """The folder watcher: a photo written in a watched folder is reported (in a bundle: watchdog's observer
    for this system is in). A system that refuses to watch the folder is a warning: Sync Library still works."""
    import threading

    from .pipeline.watch import FolderWatcher

    reported = threading.Event()
    with tempfile.TemporaryDirectory(prefix="beetroot-selftest-") as tmp:
        watcher = FolderWatcher(lambda _folders: reported.set(), quiet_s=0.05, max_wait_s=1.0)
        watcher.start([tmp])
        try:
            if not watcher.wait_watching(10):
                raise RuntimeError("the folder watcher did not start")
            if watcher.problem:
                raise CheckWarning(f"folders cannot be watched here: {watcher.problem}")
            started = time.perf_counter()
            Path(tmp, "selftest.jpg").write_bytes(b"selftest")
            if not reported.wait(10):
                raise RuntimeError("a photo written in a watched folder was not reported")
            took = (time.perf_counter() - started) * 1000
        finally:
            watcher.stop()
    return f"a new photo in a watched folder reported after {took:.0f} ms"


CHECKS: dict[str, Callable[[], str]] = {
    "models": check_models,
    "library": check_library,
    "detect": check_detect,
    "formats": check_formats,
    "keyring": check_keyring,
    "qt": check_qt,
    "workers": check_workers,
    "watch": check_watch,
}


def run_check(name: str, check: Callable[[], str]) -> CheckResult:
    started = time.perf_counter()
    try:
        detail, status = check(), "PASS"
    except CheckWarning as exc:
        detail, status = str(exc), "WARN"
    except Exception as exc:  # every failure is reported, then the next check runs
        detail, status = f"{type(exc).__name__}: {_one_line(str(exc))}", "FAIL"
    return CheckResult(name, status, detail, time.perf_counter() - started)


def _one_line(message: str) -> str:
    """Long messages (numpy's import error is 20 lines) keep their first and last lines: the what and the why."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    if len(lines) <= 1:
        return lines[0] if lines else ""
    return f"{lines[0]} ... {lines[-1]}"


def run_selftest(names: Sequence[str] | None = None, out: Any = None) -> int:
    out = out or sys.stdout
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(f"Beetroot {__version__} ({frozen}), Python {platform.python_version()} on {platform.platform()}",
          file=out, flush=True)
    started = time.perf_counter()
    results = []
    for name in names or list(CHECKS):
        result = run_check(name, CHECKS[name])
        results.append(result)
        print(result.line(), file=out, flush=True)
    failed = sum(r.status == "FAIL" for r in results)
    warned = sum(r.status == "WARN" for r in results)
    print(f"selftest: {len(results) - failed - warned} passed, {warned} warned, {failed} failed "
          f"in {time.perf_counter() - started:.1f} s", file=out, flush=True)
    return 1 if failed else 0


def cmd_selftest(args: argparse.Namespace) -> int:
    return run_selftest(args.check or None)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("selftest", help="check that this installation has everything it needs")
    p.add_argument("--check", action="append", choices=list(CHECKS), metavar="NAME",
                   help=f"run only this check (repeatable): {', '.join(CHECKS)}")
    p.set_defaults(handler=cmd_selftest)
