"""`beetroot import`, its dry run, and `beetroot rebuild`: the pipeline without a window."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..config import Settings
from ..textsafe import printable
from .common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    CliError,
    add_import_options,
    add_library,
    disk_full_message,
    examples,
    is_disk_full,
    is_read_only,
    library_dir_for,
    library_problem,
    open_library_for,
    read_only_message,
    read_only_reason,
    settings_for,
)
from .progress import Progress, live_progress_allowed, plural


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import photos and folders (recursively); with no PATH, sync",
                       description="Import photos and folders, recursively. With no PATH, sync: look again at every"
                                   " path ever imported into the library, find moved, new, changed, missing and"
                                   " offline photos, and retry files that failed for a reason of the environment.",
                       **examples("beetroot import ~/Pictures/2024 --library ~/Beetroot-family --json | tail -n 1",
                                  "beetroot import    # no PATH: sync every folder imported before"))
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="photos and folders to import; none: every path imported before (a sync)")
    add_library(p)
    add_import_options(p)
    p.add_argument("--dry-run", action="store_true",
                   help="count new photos and faces and estimate the engine calls and their cost; change nothing")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("rebuild", help="set a damaged library file aside and import its photos again",
                       **examples("beetroot rebuild --library ~/Beetroot",
                                  "beetroot rebuild --force --workers 2    # start a healthy library over"))
    add_library(p)
    p.add_argument("--force", action="store_true",
                   help="rebuild even a healthy library (its names and merges stay in the set-aside file)")
    add_import_options(p)
    p.set_defaults(handler=cmd_rebuild)


def import_threshold(args: argparse.Namespace, settings: Settings, library: Any) -> float:
    """--threshold or FACE_MATCH_THRESHOLD when given, else the library's own (its last regroup), else the saved one."""
    from ..config import env_source

    if getattr(args, "threshold", None) is not None or env_source("threshold"):
        return settings.threshold
    saved = library.saved_threshold()
    return saved if saved is not None else settings.threshold


def cmd_import(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    if not args.paths:
        from ..library.recovery import import_roots

        args.paths = import_roots(library_dir_for(args, settings))
        if not args.paths:
            raise CliError("nothing has been imported into this library yet: give the photos or folders to import,"
                           " e.g. beetroot import ~/Pictures")
        sync: Sequence[str] | None = None
    else:
        sync = args.paths
    if args.dry_run:
        return dry_run_import(args, settings)
    return run_import(args, settings, sync)


def cmd_rebuild(args: argparse.Namespace) -> int:
    from ..library import ForeignDatabaseError, LibraryDamaged, LibraryError, db_path
    from ..library.recovery import check_library, import_roots, set_aside

    settings = settings_for(args)
    path = library_dir_for(args, settings)
    reason = read_only_reason(path)
    if reason is not None:
        raise CliError(read_only_message(path, reason))
    if db_path(path).exists():
        problem = check_library(path)
        if not args.force:
            if problem is None:
                raise CliError(f"the library at {path} is healthy. Rebuilding starts it over from the photos and"
                               " leaves its names and merges in the set-aside file; add --force to do it anyway")
            if not isinstance(problem, (LibraryDamaged, ForeignDatabaseError)):
                raise CliError(f"{problem}\nThe file is not damaged, so it is left as it is.")
        remembered = import_roots(path)
        if problem is None and not _any_reachable(path, remembered):
            # A healthy library is set aside only for a rebuild that can import something: checked before the
            # file moves, or the names and merges would be set aside for nothing.
            where = ", ".join(printable(r) for r in remembered[:3]) or "none are remembered"
            raise CliError(f"there is nothing to import again: none of the library's imported paths can be reached"
                           f" ({where}). The library is left as it is; connect the drive or folder and try again")
        try:
            aside, roots = set_aside(path)
        except LibraryError as exc:
            raise CliError(str(exc)) from exc
        print(f"Set the old library file aside as {printable(str(aside))}", flush=True)
    else:
        roots = import_roots(path)
    if not roots:
        print(f"No imported photos are remembered for {path}; import them again with:\n"
              f"  beetroot import PATH... --library {path}", file=sys.stderr)
        return EXIT_FAILED
    print("Importing again:", *(f"  {printable(root)}" for root in roots), sep="\n", flush=True)
    return run_import(args, settings, roots)


def _any_reachable(library_dir: Path, roots: list[str]) -> bool:
    """Whether a rebuild of this (healthy) library could import anything: a root that is there and is not
    an empty mount point where its photos were."""
    from ..library import open_library
    from ..pipeline.presence import unreachable_roots

    library = open_library(library_dir, readonly=True)
    try:
        out = set(unreachable_roots(roots, library.known_files()))
    finally:
        library.close()
    return any(os.path.exists(root) and root not in out for root in roots)


def run_import(args: argparse.Namespace, settings: Settings, paths: Sequence[str] | None) -> int:
    """Import `paths`; None syncs every path imported before."""
    from ..engines import EngineConfigError, EngineError, create_engine
    from ..library import LibraryError
    from ..pipeline import FaceOutcome, ImportListener, ImportReport, PhotoDone, ingest

    quiet, as_json = args.quiet, args.json
    people = _PeopleCounter()
    progress = Progress(live_progress_allowed(args), "photos",
                        details=lambda: [plural(printer.report.faces, "face"),
                                         plural(people.new, "new person", "new people")])

    class Printer(ImportListener):
        """Prints each face (above the live line on a terminal); keeps a running report for an import that
        stops before it can return its own."""

        def __init__(self) -> None:
            self.report = ImportReport()
            self.total = 0
            self.outcomes: dict[str, list[FaceOutcome]] = {}

        def scan_finished(self, total: int) -> None:
            self.total = total
            progress.start(total)

        def preparing_users(self, done: int, total: int) -> None:
            if not quiet:
                progress.write(f"Matching against whole people: {done} of {total} people have their Rekognition"
                               " user")

        def face_outcome(self, outcome: FaceOutcome) -> None:
            self.outcomes.setdefault(outcome.path, []).append(outcome)
            progress.update(self.report.photos_seen, outcome.path)
            if not quiet:
                progress.write(printable(outcome.log_line()))

        def photo_done(self, event: PhotoDone) -> None:
            report = self.report
            report.photos_seen += 1
            outcomes = self.outcomes.pop(event.path, [])
            if event.status == "new":
                report.photos_new += 1
                report.photos_added += 1
                report.faces += event.faces
                report.matches += sum(o.kind == "match" for o in outcomes)
            elif event.status == "unchanged":
                report.photos_unchanged += 1
            elif event.status == "duplicate":
                report.photos_duplicate += 1
            elif event.status == "moved":
                report.photos_moved += 1
            elif event.status == "failed":
                report.add_failure(event.path, event.reason or "failed")
            if progress.enabled:
                if any(o.kind == "nomatch" or o.new_person for o in outcomes):
                    people.count_new()  # only a NoMatch can make a person: no query for the other photos
                progress.update(event.done, event.path)

    printer = Printer()
    stopped: str | None = None
    interrupted = False
    with open_library_for(args, settings) as library:
        try:
            engine = create_engine(settings, library)
        except EngineConfigError as exc:
            raise CliError(str(exc)) from exc
        except (sqlite3.Error, OSError) as exc:  # binding a new library to its engine is its first write
            raise CliError(library_problem(exc, library.dir)) from exc
        started, calls_before = time.perf_counter(), sum(engine.calls.values())
        people.start(library)

        def partial_report() -> ImportReport:
            """What was saved before the import stopped part way (it returns no report of its own then)."""
            report = printer.report
            report.pending = max(0, printer.total - report.photos_seen)
            report.engine_calls = sum(engine.calls.values()) - calls_before
            report.new_people = people.count_new()  # not told face by face
            report.seconds = time.perf_counter() - started
            return report

        try:
            with progress:
                report = ingest(paths, library, engine, threshold=import_threshold(args, settings, library),
                                workers=settings.effective_workers(), listener=printer)
        except KeyboardInterrupt:
            # Ctrl+C: every photo finished so far is committed; the line is gone (the `with` closed it).
            interrupted = True
            report = partial_report()
        except (sqlite3.Error, OSError, LibraryError) as exc:
            if not (is_disk_full(exc) or (is_read_only(exc) and not isinstance(exc, LibraryError))):
                if isinstance(exc, sqlite3.Error):
                    raise  # damage: main() explains it and how to rebuild
                raise CliError(library_problem(exc, library.dir)) from exc
            # Stopped part way by the disk: what was committed stays; say why, and still give the summary.
            stopped = library_problem(exc, library.dir)
            report = partial_report()
        except EngineConfigError as exc:
            raise CliError(library_problem(exc, library.dir)) from exc
        except EngineError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_FAILED
        finally:
            engine.close()
    for failure in report.failed:
        print(f"FAILED {printable(failure['path'])}: {printable(failure['reason'])}", file=sys.stderr)
    if stopped is not None:
        print(f"beetroot: {stopped}", file=sys.stderr)
    elif any(is_disk_full_reason(w) for w in report.warnings):  # thumbnails could not be written
        print(f"warning: {disk_full_message(Path(library.dir))}", file=sys.stderr)
    print(report.summary())
    if stopped is not None:
        print(f"Stopped: {report.pending} photos left for the next import")
    if interrupted:
        print(interrupted_line(report, scanned=printer.total > 0))
    if as_json:
        summary = report.to_json()
        if stopped is not None:
            summary["stopped"] = stopped
        if interrupted:
            summary["interrupted"] = True
        print(json.dumps(summary))
    if interrupted:
        return EXIT_INTERRUPTED
    incomplete = report.photos_failed or report.paused_reason or report.cancelled or stopped
    return EXIT_FAILED if incomplete else EXIT_OK


def interrupted_line(report: Any, *, scanned: bool) -> str:
    """What an interrupted import saved, and what the next one will do."""
    if not scanned:
        return "Interrupted while looking for photos: nothing was imported; run the same import again"
    if report.photos_new:
        saved = (f"{plural(report.photos_new, 'new photo')} finished before the stop"
                 f" {'is' if report.photos_new == 1 else 'are'} saved ({plural(report.faces, 'face')},"
                 f" {plural(report.new_people, 'new person', 'new people')})")
    else:
        saved = "no new photo was finished, nothing new is saved"
    return (f"Interrupted: {saved}; {plural(report.pending, 'photo')} left: run the same import again to"
            " continue (finished photos are not read again)")


class _PeopleCounter:
    """People the running import made: the library's count against the count before (the listener is not
    told which NoMatch made a person), read after each committed photo that had a NoMatch."""

    def __init__(self) -> None:
        self.library: Any = None
        self.before = 0
        self.new = 0

    def start(self, library: Any) -> None:
        self.library, self.before = library, _people_count(library)

    def count_new(self) -> int:
        self.new = max(0, _people_count(self.library) - self.before) if self.library is not None else 0
        return self.new


def _people_count(library: Any) -> int:
    try:
        return int(library.conn.execute("SELECT count(*) FROM people").fetchone()[0])
    except sqlite3.Error:
        return 0


def is_disk_full_reason(reason: str) -> bool:
    """A warning (or a failure reason) that is really the disk: a thumbnail could not be written."""
    return "No space left on device" in reason or "[Errno 28]" in reason


def _upgraded_copy(path: Path, scratch: Path) -> Any:
    """A library an older Beetroot wrote, copied (SQLite's backup, WAL included) and upgraded in `scratch`."""
    from ..library import db_path, open_library

    source = sqlite3.connect(f"file:{db_path(path)}?mode=ro", uri=True)
    target = sqlite3.connect(db_path(scratch))
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return open_library(scratch)


def dry_run_import(args: argparse.Namespace, settings: Settings) -> int:
    """Estimate what `beetroot import` would process and spend; write nothing, call nothing."""
    from ..engines import EngineConfigError
    from ..engines.pricing import PRICE_PER_IMAGE_USD, estimate_calls
    from ..library import LibraryError, OlderSchemaError, open_library
    from ..pipeline.estimate import estimate_import

    users_mode = settings.engine == "rekognition" and settings.rekognition_mode == "users"
    if settings.engine == "rekognition":
        from ..engines.rekognition import RekognitionEngine

        try:  # the same configuration checks as a real import, without any network call
            RekognitionEngine.from_settings(settings, None).close()
        except EngineConfigError as exc:
            raise CliError(str(exc)) from exc
    path = library_dir_for(args, settings)
    scratch = tempfile.TemporaryDirectory(prefix="beetroot-dry-run-")
    try:
        library = open_library(path, readonly=True)
    except OlderSchemaError:
        library = _upgraded_copy(path, Path(scratch.name))  # the real library is left as it is
    except LibraryError:
        library = None  # no library yet: everything is new (and nothing is created by a dry run)
    without_users = stray_calls = 0
    try:
        if library is not None:
            bound = library.engine_binding()
            if bound is not None and bound != settings.engine:
                raise CliError(f"this library's people were found with the {bound} engine; import with --engine"
                               f" {bound}, or use another library (--library DIR) for the {settings.engine} engine")
        est = estimate_import(args.paths, library, workers=settings.effective_workers())
        if library is not None and users_mode and est.photos_to_process:
            from ..engines.rekognition_users import disassociations, people_without_users

            without_users = people_without_users(library)  # given a user before the import's first search
            stray_calls = disassociations(library)  # and corrections taken out of users before that
    finally:
        if library is not None:
            library.close()
        scratch.cleanup()
    lines = (estimate_calls(est.photos_to_process, est.faces, remote_detection=settings.detector == "rekognition",
                            mode=settings.rekognition_mode, people_without_users=without_users,
                            disassociations=stray_calls)
             if settings.engine == "rekognition" else [])
    usd_max = sum(line.usd for line in lines)
    if args.json:
        print(json.dumps({"dry_run": True, "engine": settings.engine, "detector": settings.detector,
                          "rekognition_mode": settings.rekognition_mode if settings.engine == "rekognition" else None,
                          "estimate": est.to_json(), "usd_max": round(usd_max, 6),
                          "operations": [{"operation": ln.operation, "calls_max": ln.calls, "usd_max": round(ln.usd, 6),
                                          "note": ln.note} for ln in lines]}))
        return EXIT_OK
    print("Dry run: nothing was imported and no engine was called.")
    print(f"Photos: {est.photos_seen} seen, {est.photos_new} new, {est.photos_unchanged} unchanged,"
          f" {est.photos_duplicate} duplicates, {est.photos_unreadable} unreadable (cost nothing)")
    how = (f"on a sample of {est.photos_analysed} of the {est.photos_new} new photos, extrapolated"
           if est.extrapolated else f"on the {est.photos_analysed} new photos")
    print(f"Faces in the new photos: {est.faces} (found by the local detector {how})")
    if settings.engine != "rekognition":
        print("Engine: local. No cloud calls, no cost.")
        return EXIT_OK
    detect = "Rekognition DetectFaces" if settings.detector == "rekognition" else "the local detector (free)"
    matching = "against whole people (user vectors)" if users_mode else "face by face"
    print(f"Engine: rekognition, collection {settings.collection_id!r}; faces found by {detect}; matched {matching}")
    print(f"{'operation':<20} {'calls':>10} {'est. USD':>10}")
    for ln in lines:
        calls = f"up to {ln.calls}" if ln.at_most else str(ln.calls)
        print(f"{ln.operation:<20} {calls:>10} {ln.usd:>10.4f}   {ln.note}")
    paid_when = ("IndexFaces, CreateUser and AssociateFaces are paid only for new people and for faces added to a"
                 " person's user" if users_mode else "IndexFaces is paid only for faces of people not seen before")
    print(f"Estimated cost: at most ${usd_max:.4f} (US East list price, ${PRICE_PER_IMAGE_USD} per image;"
          f" {paid_when})")
    return EXIT_OK
