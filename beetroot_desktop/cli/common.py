"""What every command module shares: exit codes, the usage error, settings and opening the library.

Command modules import this one and never each other (an import-linter contract in pyproject.toml).

Settings: `settings_for` (commands that use them: import, rebuild, regroup) refuses any value that cannot be
used, with exit 2 and the file, the key and the fix. `settings_for_library` (commands that only need to
find the library: people, faces, costs, the edits) uses the default for a value that cannot be used and
warns, unless the unusable value is where the library is.

Library: `library_dir_for` refuses a path that is a file (exit 2); `open_library_for` opens the library
the settings name (the saved `library_dir` included), read-only when asked and the file or folder cannot
be written, and refuses to write to a read-only library with a message that says so.
"""

from __future__ import annotations

import argparse
import errno
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..config import (
    MAX_WORKERS_PER_CORE,
    ConfigError,
    Settings,
    library_dir_problem,
    library_dir_source,
    load_settings,
    max_workers,
    read_settings,
    resolve_library_dir,
    validate_threshold,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells report a command ended by SIGINT (128 + 2)
# MAX_WORKERS_PER_CORE (imported above) lives in config.py now, beside the workers validator that uses it.

Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A usage or configuration problem: printed without a traceback, exit code 2."""


def warn(message: str) -> None:
    print(f"beetroot: warning: {message}", file=sys.stderr)


def examples(*lines: str) -> dict[str, Any]:
    """`add_parser` keywords that end the command's --help with these example command lines, kept as written."""
    return {"epilog": "examples:\n" + "\n".join(f"  {line}" for line in lines),
            "formatter_class": argparse.RawDescriptionHelpFormatter}


def add_library(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Sub-commands must not reset a --library given before the command name.
    p.add_argument("--library", metavar="DIR", default=None if top else argparse.SUPPRESS,
                   help="library folder (default: BEETROOT_LIBRARY or the app's data folder)")


def add_import_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("local", "rekognition"))
    p.add_argument("--threshold", type=float, metavar="PCT", help="match threshold, 50-100 (default 95)")
    p.add_argument("--workers", type=int, metavar="N",
                   help=f"worker processes, 1-{max_workers()} ({MAX_WORKERS_PER_CORE} per core; default: one per core)")
    p.add_argument("--json", action="store_true", help="end with one JSON summary line")
    p.add_argument("--quiet", action="store_true", help="no per-face lines")


def settings_for(args: argparse.Namespace) -> Settings:
    """The settings with the command's options applied; any value that cannot be used is a CliError."""
    try:
        settings = load_settings()
        if getattr(args, "engine", None):
            settings.engine = args.engine
        if getattr(args, "threshold", None) is not None:
            settings.threshold = validate_threshold(args.threshold)
        if getattr(args, "workers", None) is not None:
            most = max_workers()
            if not 1 <= args.workers <= most:
                raise ConfigError(f"--workers must be from 1 to {most} on this computer ({MAX_WORKERS_PER_CORE} per"
                                  f" processor core), not {args.workers}: more processes only wait for the same"
                                  " cores and use more memory")
            settings.workers = args.workers
        # load_settings checked the file and the environment; the options were checked just above.
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    return settings


def _library_given(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "library", None) or os.environ.get("BEETROOT_LIBRARY"))


def settings_for_library(args: argparse.Namespace) -> Settings:
    """The settings for a command that only needs the library: a value it does not use falls back to its
    default with a warning naming the file; an unusable library location is a CliError."""
    settings, problems = read_settings()
    if not _library_given(args):
        blocking = [p for p in problems if not p.in_environment and p.key in (None, "library_dir")]
        if blocking:
            raise CliError("\n".join(str(p) for p in blocking)
                           + "\n(the settings file says where the library is; --library DIR also works)")
    for problem in problems:
        warn(f"{problem} ({'the defaults are' if problem.key is None else 'the default is'} used meanwhile)")
    return settings


def library_dir_for(args: argparse.Namespace, settings: Settings | None) -> Path:
    """--library, BEETROOT_LIBRARY, the saved library_dir or the default; a CliError when it is not a folder."""
    cli_value = getattr(args, "library", None)
    path = resolve_library_dir(cli_value, settings)
    problem = library_dir_problem(path)
    if problem:
        raise CliError(f"{problem} (from {library_dir_source(cli_value, settings)}); give a library folder with"
                       " --library DIR")
    return path


# -- what went wrong with the library file ------------------------------------------------------------------
_SQLITE_FULL, _SQLITE_READONLY, _SQLITE_CANTOPEN = 13, 8, 14


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_disk_full(exc: BaseException) -> bool:
    """Whether the error (or one it came from) is a full disk, as SQLite or the OS says it."""
    for err in _chain(exc):
        if isinstance(err, sqlite3.Error) and (_sqlite_code(err) == _SQLITE_FULL
                                               or "database or disk is full" in str(err)):
            return True
        if isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
    return False


def is_read_only(exc: BaseException) -> bool:
    """Whether the error (or one it came from) is a write refused because the file or folder is read-only."""
    for err in _chain(exc):
        if isinstance(err, sqlite3.Error) and (_sqlite_code(err) == _SQLITE_READONLY
                                               or "readonly database" in str(err)):
            return True
        if isinstance(err, OSError) and err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return True
    return False


def disk_full_message(library_dir: Path) -> str:
    return (f"the library in {library_dir} cannot be written: the disk is full. Free some space and run the"
            " command again; what was saved before stays saved")


def read_only_message(library_dir: Path, what: str | None = None) -> str:
    return (f"cannot change the library in {library_dir}: {what or 'it is read-only'}. `beetroot people`, `faces`"
            " and `costs` can still show it; to change it, make the folder and its library.sqlite3 writable, or"
            " copy the folder somewhere you can write")


def library_problem(exc: BaseException, library_dir: Path) -> str:
    """What to tell the user about a library that cannot be used, with the way out when there is one."""
    from ..library import ForeignDatabaseError, LibraryDamaged, is_damage

    if is_disk_full(exc):
        return disk_full_message(library_dir)
    if is_read_only(exc) and not is_damage(exc):
        return read_only_message(library_dir)
    text = str(exc)
    if isinstance(exc, sqlite3.Error):
        text = f"the library file in {library_dir} cannot be read ({exc})"
    if isinstance(exc, (LibraryDamaged, ForeignDatabaseError)) or is_damage(exc):
        text += (
            "\nYour photos are not affected. To rebuild the library from them, run:\n"
            f"  beetroot rebuild --library {library_dir}\n"
            "(the current file is kept beside it under a new name; nothing is deleted)"
        )
    return text


def read_only_reason(library_dir: Path) -> str | None:
    """Why this library cannot be written (its folder or file is read-only), or None."""
    from ..library import db_path

    db = db_path(library_dir)
    if library_dir.is_dir() and not os.access(library_dir, os.W_OK):
        return f"the folder {library_dir} is read-only"
    if db.exists() and not os.access(db, os.W_OK):
        return f"the file {db} is read-only"
    return None


# -- opening the library ----------------------------------------------------------------------------------
def open_library_for(args: argparse.Namespace, settings: Settings | None = None, *,
                     readonly_ok: bool = False, existing: bool = False) -> Any:
    """The library for this command. `readonly_ok` (commands that only read): a library whose file or folder
    cannot be written is opened read-only; otherwise it is refused with a message that says it is read-only.
    Without `settings`, the saved settings are read (the saved library_dir counts, like for import)."""
    from ..library import LibraryError, db_path, open_library

    if settings is None:
        settings = settings_for_library(args)
    path = library_dir_for(args, settings)
    reason = read_only_reason(path)
    if (readonly_ok or existing) and not db_path(path).exists():
        # A command never makes a library it only reads (a mistyped --library would become one): it reads
        # an empty one that vanishes with it, and says so; one that would change it is refused.
        message = (f"there is no library at {path} yet: import photos into it first"
                   f" (beetroot import PATH --library {path}), or check the folder")
        if existing:
            raise CliError(message)
        warn(message)
        return _empty_library()
    try:
        if reason is not None:
            if not readonly_ok:
                raise CliError(read_only_message(path, reason))
            return _open_read_only(path)
        return open_library(path)
    except LibraryError as exc:
        raise CliError(library_problem(exc, path)) from exc
    except OSError as exc:  # the folder cannot be made: a parent is read-only, the disk is full, ...
        if is_disk_full(exc):
            raise CliError(disk_full_message(path)) from exc
        raise CliError(f"cannot create the library folder {path}: {exc.strerror or exc}") from exc


def _empty_library() -> Any:
    """A library with nothing in it, in a temporary folder removed when the library is collected."""
    import tempfile
    import weakref

    from ..library import open_library

    folder = tempfile.TemporaryDirectory(prefix="beetroot-empty-")
    library = open_library(folder.name)
    weakref.finalize(library, folder.cleanup)
    return library


def _open_read_only(path: Path) -> Any:
    from ..library import LibraryError, open_library

    try:
        return open_library(path, readonly=True)
    except LibraryError as exc:
        cause = exc.__cause__
        cannot_open = isinstance(cause, sqlite3.Error) and (
            _sqlite_code(cause) in (_SQLITE_READONLY, _SQLITE_CANTOPEN)
            or "readonly" in str(cause) or "unable to open" in str(cause))
        if not cannot_open:
            raise
    # A WAL library in a folder that cannot be written: SQLite cannot make the -shm file beside it, so
    # the file is read as it is on disk (immutable). Nobody can be writing to it: the folder is read-only.
    return _open_immutable(path)


def _open_immutable(path: Path) -> Any:
    from ..library import LibraryError, open_library

    try:
        return open_library(path, readonly=True, immutable=True)
    except LibraryError as exc:
        raise LibraryError(f"{exc}; a library in a read-only folder is read as it is, so it must have been made"
                           " by this version of Beetroot: open it once where it can be written") from exc
