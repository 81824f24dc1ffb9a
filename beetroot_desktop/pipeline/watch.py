"""Watching the imported folders: which folders to look at again, told once the disk is quiet.

`FolderWatcher` watches a library's imported roots (watchdog: inotify on Linux, FSEvents on macOS,
ReadDirectoryChangesW on Windows) and collects the folders where photo files were created, changed,
moved or deleted. Once nothing has changed for `quiet_s` (or `max_wait_s` after the first change, so a
copy that never pauses is still picked up in steps), it calls `on_change(folders)` on its own thread,
each folder once and none inside another. A folder that is gone is handed as its nearest existing
ancestor within its root, so that a re-scan finds its photos gone; a root imported as a single photo is
handed as that photo (a re-scan of its folder would import its neighbours). Nothing inside the library's
own folder is ever reported: its thumbnails are JPEG files, and a re-scan there would write more.

Roots come and go: a drive unplugged, a folder renamed away. Every `poll_s` the watcher looks at each
root: one that disappeared (or was replaced by another folder of the same name) stops being watched,
one that appeared is watched, and both are reported as a change of the root, so that the re-scan marks
its photos offline, or back. The operating system limits how many folders can be watched (Linux:
fs.inotify.max_user_watches): a folder that cannot be watched is left out, the others are still watched,
and `problem` says so in words (watch_limits.py). No Qt here: ui/watching.py hands the folders to a job.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from watchdog.events import (
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)

from ..imaging import is_photo_name
from ..library.recovery import root_of, under
from .watch_limits import LimitReport, make_observer

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver, ObservedWatch

log = logging.getLogger("beetroot.watch")

QUIET_S = 2.0  # a change is reported once the folders have been quiet this long ...
MAX_WAIT_S = 10.0  # ... or this long after the first change, whatever comes first
POLL_S = 5.0  # how often the roots are looked at (a drive plugged in or out sends no event)
IGNORED_KINDS = frozenset({"opened", "closed_no_write", "attrib"})  # reads and touches change no photo


def event_filter() -> list[type[FileSystemEvent]]:
    """The events asked of the system: a photo written (closed after writing, where the system says so:
    not every write of a copy), made, moved or deleted; a folder moved or deleted. Reads are never asked
    for: an import reading every photo of a watched folder wakes nothing here."""
    written: type[FileSystemEvent] = FileClosedEvent if sys.platform.startswith("linux") else FileModifiedEvent
    return [FileCreatedEvent, written, FileMovedEvent, FileDeletedEvent, DirMovedEvent, DirDeletedEvent]


@dataclass(frozen=True)
class Root:
    """An imported path: a folder (watched with everything under it) or a single photo."""

    path: str
    is_file: bool

    @property
    def folder(self) -> str:
        """The folder to watch for it."""
        return os.path.dirname(self.path) if self.is_file else self.path


def as_roots(paths: Iterable[str | os.PathLike[str]]) -> list[Root]:
    """Roots from imported paths; one that is not there is a photo when it is named like one."""
    roots = []
    for raw in dict.fromkeys(os.path.abspath(os.fspath(p)) for p in paths):
        is_file = os.path.isfile(raw) or (not os.path.isdir(raw) and is_photo_name(raw))
        roots.append(Root(raw, is_file))
    return roots


def rescan_targets(changed: Iterable[tuple[str, bool]], roots: Sequence[Root]) -> list[str]:
    """The paths to re-scan for changed entries (path, is_dir): each once, none inside another.

    A file's folder, or the file itself for a single-photo root; a folder that is gone becomes its nearest
    existing ancestor within its root (the root itself when the root is gone: the import then decides
    whether its photos are offline). Entries under no root are dropped.
    """
    by_path = {r.path: r for r in roots}
    targets: set[str] = set()
    for path, is_dir in changed:
        owner = root_of(path, by_path)
        if owner is None:
            continue
        root = by_path[owner]
        if root.is_file:
            if path == root.path:
                targets.add(root.path)
            continue
        target = path if is_dir else os.path.dirname(path)
        while target != root.path and len(target) > len(root.path) and not os.path.isdir(target):
            target = os.path.dirname(target)
        targets.add(target if under(target, root.path) else root.path)
    kept: list[str] = []
    for target in sorted(targets, key=len):
        if not any(under(target, k) for k in kept):
            kept.append(target)
    return sorted(kept)


def hidden_below(path: str, root: str) -> bool:
    """Whether a part of `path` below `root` is hidden (the import never walks into those)."""
    rel = path[len(root):].lstrip(os.sep)
    return any(part.startswith(".") for part in rel.split(os.sep) if part)


class _Handler(FileSystemEventHandler):
    """One watch's events, named under the root as imported (a root reached through a link is watched at
    the folder it leads to: the system watches folders, not links)."""

    def __init__(self, watcher: FolderWatcher, watched: str, given: str) -> None:
        super().__init__()
        self.watcher, self.watched, self.given = watcher, watched, given

    def name(self, raw: bytes | str) -> str:
        path = os.fsdecode(raw)
        if self.watched != self.given and under(path, self.watched):
            return self.given + path[len(self.watched):]
        return path

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.watcher._event(event, self.name)


@dataclass
class _Unit:
    """One watch: a root folder (recursive) or the folder of single-photo roots (not recursive)."""

    folder: str
    recursive: bool
    state: str = "new"  # new | watched | absent | refused
    identity: tuple[int, int] | None = None  # (st_dev, st_ino) of the folder watched
    watch: ObservedWatch | None = None


class FolderWatcher:
    """Watch imported roots; `on_change(folders)` runs on the watcher's thread (see the module docstring).

    Thread-safe: `start`, `retarget` and `stop` may be called from any thread; they never wait for the
    disk (the watches are set up on the watcher's own thread; `wait_watching` waits for that).
    """

    def __init__(self, on_change: Callable[[list[str]], None], *,
                 library_dir: str | os.PathLike[str] | None = None, quiet_s: float = QUIET_S,
                 max_wait_s: float = MAX_WAIT_S, poll_s: float = POLL_S,
                 on_problem: Callable[[str | None], None] | None = None) -> None:
        self.on_change = on_change
        self.on_problem = on_problem
        self.quiet_s, self.max_wait_s, self.poll_s = quiet_s, max_wait_s, poll_s
        self._cond = threading.Condition()
        self._wanted: list[Root] | None = None  # roots asked for, not yet applied
        self._generation = 0  # of the roots asked for; `_applied` catches up once they are watched
        self._applied = 0
        self._roots: list[Root] = []
        self._units: dict[tuple[str, bool], _Unit] = {}
        self._excluded: tuple[str, ...] = ()
        self._single_folders: frozenset[str] = frozenset()  # folders of roots imported as single photos
        self._pending: set[tuple[str, bool]] = set()
        self._first = self._last = 0.0
        self._thread: threading.Thread | None = None
        self._observer: BaseObserver | None = None
        self._stopping = False
        self._limits = LimitReport()
        self._problem: str | None = None
        self._problems: list[str] = []  # its parts, which the window translates one by one
        self._library_dir = os.path.abspath(os.fspath(library_dir)) if library_dir else None

    # -- commands (any thread) --------------------------------------------------------------------------
    def start(self, roots: Iterable[str | os.PathLike[str]]) -> None:
        """Watch `roots` (imported paths); a watcher that was stopped starts again."""
        with self._cond:
            if self._thread is not None and self._thread.is_alive() and not self._stopping:
                self._want(roots)
                return
            old = self._thread
        if old is not None:
            old.join(5.0)  # a stop still under way: its observer goes first
        with self._cond:
            self._stopping = False
            self._want(roots)
            self._thread = threading.Thread(target=self._run, name="folder-watcher", daemon=True)
            self._thread.start()

    def retarget(self, roots: Iterable[str | os.PathLike[str]],
                 library_dir: str | os.PathLike[str] | None = None) -> None:
        """Watch these roots instead (another library, or new folders imported); changes not yet reported
        are dropped with the roots they were under."""
        with self._cond:
            if library_dir is not None:
                self._library_dir = os.path.abspath(os.fspath(library_dir))
            self._want(roots)

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop watching; changes not yet reported are dropped. Whether everything stopped in time."""
        with self._cond:
            self._stopping = True
            self._pending.clear()
            self._cond.notify_all()
            thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def wait_watching(self, timeout: float = 10.0) -> bool:
        """Wait until the roots last asked for are watched (or found absent or refused)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._applied >= self._generation or self._stopping, timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._stopping

    @property
    def problem(self) -> str | None:
        """What cannot be watched, in words (the system's watch limit, a folder refused), or None."""
        return self._problem

    @property
    def problems(self) -> list[str]:
        """`problem` in parts (`say` messages where they can be), for the window to put into its language."""
        return list(self._problems)

    @property
    def watched(self) -> list[str]:
        """The roots being watched now."""
        live = [u for u in list(self._units.values()) if u.state == "watched"]  # a snapshot: the thread edits it
        return [r.path for r in self._roots if any(self._covers(u, r) for u in live)]

    # -- events (watchdog's thread) --------------------------------------------------------------------
    def _event(self, event: FileSystemEvent, name: Callable[[bytes | str], str]) -> None:
        kind = event.event_type
        if kind in IGNORED_KINDS or (event.is_directory and kind not in ("deleted", "moved")):
            return  # a folder made or touched: the photos put in it are events of their own
        paths = [name(event.src_path)]
        if kind == "moved" and event.dest_path:
            paths.append(name(event.dest_path))
        excluded, single = self._excluded, self._single_folders
        found = [(p, event.is_directory) for p in paths if p and not any(under(p, ex) for ex in excluded)
                 and (event.is_directory or is_photo_name(p))]
        # A photo stands for its folder (a copy of thousands of photos keeps a few entries), unless its
        # folder holds single-photo roots: those are told apart by name.
        found = [(p, d) if d or os.path.dirname(p) in single else (os.path.dirname(p), True) for p, d in found]
        if not found:
            return
        now = time.monotonic()
        with self._cond:
            if self._stopping:
                return
            if not self._pending:
                self._first = now
            self._last = now
            self._pending.update(found)
            self._cond.notify_all()

    # -- the watcher's thread --------------------------------------------------------------------------
    def _want(self, roots: Iterable[str | os.PathLike[str]]) -> None:
        self._wanted = as_roots(roots)
        self._generation += 1
        self._cond.notify_all()

    def _due_in(self, now: float) -> float | None:
        """Seconds until the pending changes are due (<= 0: now), None when nothing is pending."""
        if not self._pending:
            return None
        return min(self._last + self.quiet_s, self._first + self.max_wait_s) - now

    def _run(self) -> None:
        next_poll = time.monotonic() + self.poll_s
        try:
            while True:
                with self._cond:
                    while True:
                        if self._stopping:
                            return
                        now = time.monotonic()
                        due = self._due_in(now)
                        if self._wanted is not None or (due is not None and due <= 0) or now >= next_poll:
                            break
                        self._cond.wait(min(next_poll - now, due if due is not None else self.poll_s))
                    wanted, self._wanted, generation = self._wanted, None, self._generation
                    batch: set[tuple[str, bool]] = set()
                    if due is not None and due <= 0:
                        batch, self._pending = self._pending, set()
                if wanted is not None:
                    self._apply(wanted)
                    with self._cond:
                        self._applied = max(self._applied, generation)
                        self._cond.notify_all()
                if time.monotonic() >= next_poll:
                    next_poll = time.monotonic() + self.poll_s
                    batch |= self._poll()
                if batch:
                    self._report(batch)
        finally:
            self._shut_down()

    def _report(self, batch: set[tuple[str, bool]]) -> None:
        roots = list(self._roots)
        changed = [(p, d) for p, d in batch if not any(hidden_below(p, r.path) for r in roots if under(p, r.path))]
        folders = rescan_targets(changed, roots)
        if not folders:
            return
        log.info("changes under %s", ", ".join(folders))
        try:
            self.on_change(folders)
        except Exception:  # the caller's bug must not end the watching
            log.exception("the change callback failed")

    def _observer_now(self) -> BaseObserver:
        if self._observer is None:
            self._observer = make_observer(self._limits.refused)
            self._observer.start()
        return self._observer

    @staticmethod
    def _unit_key(root: Root) -> tuple[str, bool]:
        return (root.folder, not root.is_file)

    @staticmethod
    def _covers(unit: _Unit, root: Root) -> bool:
        return under(root.path, unit.folder) if unit.recursive else root.is_file and root.folder == unit.folder

    def _apply(self, roots: list[Root]) -> None:
        """Watch exactly what `roots` need: one recursive watch per outermost folder root, one plain watch
        per folder of single-photo roots that no folder root covers."""
        folders = sorted({r.path for r in roots if not r.is_file}, key=len)
        outer: list[str] = []
        for folder in folders:
            if not any(under(folder, o) for o in outer):
                outer.append(folder)
        wanted = {(f, True) for f in outer}
        wanted |= {(r.folder, False) for r in roots if r.is_file and not any(under(r.folder, o) for o in outer)}
        with self._cond:
            self._roots = roots
            self._excluded = self._exclusions(roots)
            self._single_folders = frozenset(r.folder for r in roots if r.is_file)
            self._pending = {(p, d) for p, d in self._pending if root_of(p, [r.path for r in roots])}
        for key in [k for k in self._units if k not in wanted]:
            self._unwatch(self._units.pop(key))
        for key in sorted(wanted):
            unit = self._units.setdefault(key, _Unit(*key))
            if unit.state in ("new", "refused", "absent"):
                self._watch(unit)
        self._update_problem()

    def _exclusions(self, roots: list[Root]) -> tuple[str, ...]:
        """The library folder as events name it: as given, resolved, and as seen through each root."""
        if self._library_dir is None:
            return ()
        names = {self._library_dir, os.path.realpath(self._library_dir)}
        real_library = os.path.realpath(self._library_dir)
        for root in roots:
            real_root = os.path.realpath(root.folder)
            if real_root != root.folder and under(real_library, real_root):
                names.add(root.folder + real_library[len(real_root):])
        return tuple(sorted(names))

    def _watch(self, unit: _Unit) -> None:
        self._limits.forget_under(unit.folder)
        try:
            st = os.stat(unit.folder)
        except OSError:
            unit.state, unit.identity = "absent", None
            return
        try:
            real = os.path.realpath(unit.folder)
            handler = _Handler(self, real, unit.folder)
            unit.watch = self._observer_now().schedule(handler, real, recursive=unit.recursive,
                                                       event_filter=event_filter())
        except OSError as exc:
            unit.state = "refused"
            self._limits.refused_root(unit.folder, exc)
            log.warning("%s cannot be watched: %s", unit.folder, exc)
            return
        unit.state, unit.identity = "watched", (st.st_dev, st.st_ino)

    def _unwatch(self, unit: _Unit) -> None:
        if unit.watch is not None and self._observer is not None:
            try:
                self._observer.unschedule(unit.watch)
            except (KeyError, OSError):  # the system dropped it already (the folder went away)
                log.debug("unwatching %s", unit.folder, exc_info=True)
        unit.watch = None
        self._limits.forget_under(unit.folder)

    def _poll(self) -> set[tuple[str, bool]]:
        """Roots that went away, were replaced, or came back: each is reported as changed."""
        changed: set[tuple[str, bool]] = set()
        for unit in list(self._units.values()):
            if unit.state not in ("watched", "absent"):
                continue
            try:
                st = os.stat(unit.folder)
                identity: tuple[int, int] | None = (st.st_dev, st.st_ino)
                if unit.recursive and not os.path.isdir(unit.folder):
                    identity = None
            except OSError:
                identity = None
            if identity == unit.identity:
                continue
            if unit.state == "watched":
                self._unwatch(unit)
                unit.state, unit.identity = "absent", None
            if identity is not None:
                self._watch(unit)
            log.info("%s is %s", unit.folder, "back" if identity is not None else "out of reach")
            changed |= {(r.path, not r.is_file) for r in self._roots if self._covers(unit, r)}
        self._update_problem()  # a subfolder made since may have met the system's limit
        return changed

    def _update_problem(self) -> None:
        parts = self._limits.problems()
        problem = "; ".join(parts) or None
        if problem == self._problem:
            return
        self._problem, self._problems = problem, parts
        if problem:
            log.warning("folder watching: %s", problem)
        if self.on_problem is not None:
            try:
                self.on_problem(problem)
            except Exception:
                log.exception("the problem callback failed")

    def _shut_down(self) -> None:
        observer, self._observer = self._observer, None
        for unit in self._units.values():
            unit.watch, unit.state = None, "new"
        if observer is not None:
            try:
                observer.stop()
                observer.join(5.0)
            except Exception:  # a thread that will not stop is a daemon: it ends with the process
                log.exception("stopping the folder observer")
        with self._cond:
            self._cond.notify_all()
