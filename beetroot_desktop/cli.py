"""The headless face of the app: the same pipeline as the GUI, for scripts, benchmarks and servers.

Exit codes: 0 every photo processed, 1 some photos failed (each listed), 2 usage or configuration error,
a library that cannot be used (damaged: the message says how to rebuild) or busy with another import.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .config import ConfigError, Settings, load_settings, resolve_library_dir, validate_threshold

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A usage or configuration problem: printed without a traceback, exit code 2."""


def _add_library(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Sub-commands must not reset a --library given before the command name.
    p.add_argument("--library", metavar="DIR", default=None if top else argparse.SUPPRESS,
                   help="library folder (default: BEETROOT_LIBRARY or the app's data folder)")


def _add_import_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("local", "rekognition"))
    p.add_argument("--threshold", type=float, metavar="PCT", help="match threshold, 50-100 (default 95)")
    p.add_argument("--workers", type=int, metavar="N", help="worker processes (default: one per core)")
    p.add_argument("--json", action="store_true", help="end with one JSON summary line")
    p.add_argument("--quiet", action="store_true", help="no per-face lines")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="beetroot", description="Organize a photo library by the people in it.")
    parser.add_argument("--version", action="version", version=f"beetroot {__version__}")
    _add_library(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import photos and folders (recursively)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _add_library(p)
    _add_import_options(p)
    p.add_argument("--dry-run", action="store_true",
                   help="count new photos and faces and estimate the engine calls and their cost; change nothing")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("rebuild", help="set a damaged library file aside and import its photos again")
    _add_library(p)
    p.add_argument("--force", action="store_true",
                   help="rebuild even a healthy library (its names and merges stay in the set-aside file)")
    _add_import_options(p)
    p.set_defaults(handler=cmd_rebuild)

    p = sub.add_parser("people", help="list people and their photos")
    _add_library(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_people)

    p = sub.add_parser("faces", help="list every face and its person")
    _add_library(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_faces)

    for register in _extensions():
        register(sub)
    return parser


def _extensions() -> list[Callable[[Any], None]]:
    """Sub-commands that live beside their subsystem (cloud, self-test), registered here."""
    found: list[Callable[[Any], None]] = []
    for module in ("cloud_cli", "edit_cli", "selftest"):
        try:
            mod = __import__(f"{__package__}.{module}", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{module}":
                raise
            continue
        found.append(mod.register)
    return found


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
    from .library import ForeignDatabaseError, LibraryDamaged, is_damage

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
    from .library import LibraryError, open_library

    path = resolve_library_dir(getattr(args, "library", None), settings)
    try:
        return open_library(path)
    except LibraryError as exc:
        raise CliError(library_problem(exc, path)) from exc


def import_threshold(args: argparse.Namespace, settings: Settings, library: Any) -> float:
    """--threshold or FACE_MATCH_THRESHOLD when given, else the library's own (its last regroup), else the saved one."""
    from .config import env_source

    if getattr(args, "threshold", None) is not None or env_source("threshold"):
        return settings.threshold
    saved = library.saved_threshold()
    return saved if saved is not None else settings.threshold


def cmd_import(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    if args.dry_run:
        from .cloud_cli import dry_run_import

        return dry_run_import(args, settings)
    return run_import(args, settings, args.paths)


def cmd_rebuild(args: argparse.Namespace) -> int:
    from .library import ForeignDatabaseError, LibraryDamaged, LibraryError, db_path
    from .library.recovery import check_library, import_roots, set_aside

    settings = settings_for(args)
    path = resolve_library_dir(getattr(args, "library", None), settings)
    if db_path(path).exists():
        problem = check_library(path)
        if not args.force:
            if problem is None:
                raise CliError(f"the library at {path} is healthy. Rebuilding starts it over from the photos and"
                               " leaves its names and merges in the set-aside file; add --force to do it anyway")
            if not isinstance(problem, (LibraryDamaged, ForeignDatabaseError)):
                raise CliError(f"{problem}\nThe file is not damaged, so it is left as it is.")
        try:
            aside, roots = set_aside(path)
        except LibraryError as exc:
            raise CliError(str(exc)) from exc
        print(f"Set the old library file aside as {aside}", flush=True)
    else:
        roots = import_roots(path)
    if not roots:
        print(f"No imported photos are remembered for {path}; import them again with:\n"
              f"  beetroot import PATH... --library {path}", file=sys.stderr)
        return EXIT_FAILED
    print("Importing again:", *(f"  {root}" for root in roots), sep="\n", flush=True)
    return run_import(args, settings, roots)


def run_import(args: argparse.Namespace, settings: Settings, paths: Sequence[str]) -> int:
    from .engines import EngineConfigError, EngineError, create_engine
    from .library import LibraryError
    from .pipeline import FaceOutcome, ImportListener, ingest

    quiet, as_json = args.quiet, args.json

    class Printer(ImportListener):
        def face_outcome(self, outcome: FaceOutcome) -> None:
            if not quiet:
                print(outcome.log_line(), flush=True)

    with open_library_for(args, settings) as library:
        try:
            engine = create_engine(settings, library)
        except EngineConfigError as exc:
            raise CliError(str(exc)) from exc
        try:
            report = ingest(paths, library, engine, threshold=import_threshold(args, settings, library),
                            workers=settings.effective_workers(), listener=Printer())
        except (EngineConfigError, LibraryError) as exc:
            raise CliError(library_problem(exc, library.dir)) from exc
        except EngineError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_FAILED
        finally:
            engine.close()
    for failure in report.failed:
        print(f"FAILED {failure['path']}: {failure['reason']}", file=sys.stderr)
    print(report.summary())
    if as_json:
        print(json.dumps(report.to_json()))
    incomplete = report.photos_failed or report.paused_reason or report.cancelled
    return EXIT_FAILED if incomplete else EXIT_OK


def cmd_people(args: argparse.Namespace) -> int:
    with open_library_for(args) as library:
        rows = []
        for person in library.people():
            paths = [r["path"] for r in library.person_photos(person.person_id)]
            rows.append({"person_id": person.person_id, "name": person.name, "faces": person.faces,
                         "photos": paths, "hidden": person.hidden})
    if args.json:
        print(json.dumps(rows, indent=None))
    else:
        from .textsafe import printable

        for row in rows:
            name = printable(row["name"]) if row["name"] else "Unnamed person"
            hidden = "  (hidden)" if row["hidden"] else ""
            print(f"{row['person_id']}  {name}  {row['faces']} faces in {len(row['photos'])} photos{hidden}")
    return EXIT_OK


def cmd_faces(args: argparse.Namespace) -> int:
    with open_library_for(args) as library:
        rows = [{"photo": r["path"], "idx": r["idx"], "bbox": [r["left"], r["top"], r["width"], r["height"]],
                 "person_id": r["person_id"], "similarity": r["similarity"], "status": r["status"]}
                for r in library.all_faces()]
    if args.json:
        print(json.dumps(rows))
    else:
        for row in rows:
            print(f"{row['photo']} #{row['idx']} {row['bbox']} {row['status']} {row['person_id'] or '-'}")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from .ui.app import run_app

    return run_app(library=getattr(args, "library", None))


def main(argv: Sequence[str] | None = None) -> int:
    # A photo's name must never crash a report: a console or pipe that cannot show a character gets an escape.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", cmd_gui)
    from .logs import setup_logging

    setup_logging()
    try:
        return handler(args)
    except CliError as exc:
        print(f"beetroot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.DatabaseError as exc:  # found damaged (or stuck) in the middle of a command
        try:
            where = resolve_library_dir(getattr(args, "library", None), load_settings())
        except ConfigError:
            where = resolve_library_dir(getattr(args, "library", None))
        print(f"beetroot: {library_problem(exc, where)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted: finished photos are saved; import again to continue", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
