"""What every command module shares: exit codes, the usage error, settings and opening the library.

Command modules import this one and never each other (an import-linter contract in pyproject.toml).
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..config import ConfigError, Settings, load_settings, resolve_library_dir, validate_threshold

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
MAX_WORKERS_PER_CORE = 2

Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A usage or configuration problem: printed without a traceback, exit code 2."""


def add_library(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Sub-commands must not reset a --library given before the command name.
    p.add_argument("--library", metavar="DIR", default=None if top else argparse.SUPPRESS,
                   help="library folder (default: BEETROOT_LIBRARY or the app's data folder)")


def add_import_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("local", "rekognition"))
    p.add_argument("--threshold", type=float, metavar="PCT", help="match threshold, 50-100 (default 95)")
    p.add_argument("--workers", type=int, metavar="N", help="worker processes (default: one per core)")
    p.add_argument("--json", action="store_true", help="end with one JSON summary line")
    p.add_argument("--quiet", action="store_true", help="no per-face lines")


def settings_for(args: argparse.Namespace) -> Settings:
    try:
        settings = load_settings()
        if getattr(args, "engine", None):
            settings.engine = args.engine
        if getattr(args, "threshold", None) is not None:
            settings.threshold = validate_threshold(args.threshold)
        if getattr(args, "workers", None) is not None:
            if args.workers < 1:
                raise ConfigError("--workers must be at least 1")
            settings.workers = args.workers
        settings.validate()
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    return settings


def library_problem(exc: BaseException, library_dir: Path) -> str:
    """What to tell the user about a library that cannot be used, with the way out when there is one."""
    from ..library import ForeignDatabaseError, LibraryDamaged, is_damage

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


def open_library_for(args: argparse.Namespace, settings: Settings | None = None) -> Any:
    from ..library import LibraryError, open_library

    path = resolve_library_dir(getattr(args, "library", None), settings)
    try:
        return open_library(path)
    except LibraryError as exc:
        raise CliError(library_problem(exc, path)) from exc
