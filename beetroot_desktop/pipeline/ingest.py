"""The import: scan, skip what is known, analyse new photos in workers, decide Match or NoMatch per face.

One thread (the caller's) is the single writer: it hashes, asks the engine, and commits each photo with
its faces in one transaction, so an interruption loses at most the photo in flight. Re-importing known
content costs one stat per file and nothing else.
"""

from __future__ import annotations

import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ..engines.base import (
    Candidate,
    EngineConfigError,
    EngineUnavailable,
    FaceCrop,
    FaceEngine,
    external_image_id,
    person_vectors,
)
from ..engines.local import LocalEngine
from ..imaging.decode import unreadable
from ..imaging.hashing import sha256_file
from ..imaging.thumbnails import cache_dir_for
from ..library import FaceRecord, KnownFile, KnownPhoto, Library, blob_to_descriptor
from ..library.lock import ImportLock
from ..library.recovery import import_roots, remember_import_roots, root_of
from ..wording import message_of, say
from . import presence, regions
from .analyze import PhotoAnalysis, PhotoJob
from .consolidate import consolidate
from .events import FaceOutcome, ImportControl, ImportListener, ImportReport, PhotoDone
from .face_answer import answer_face, best_match
from .scan import UNSTORABLE_NAME, ScanResult, is_inside, scan
from .triage import FAILED, RETRY, UNCHANGED, content_verdict, stat_verdict
from .workers import PhotoWorkers

log = logging.getLogger("beetroot.import")


def bind_engine(library: Library, engine_name: str) -> None:
    """A library's people belong to one engine's collection: refuse to mix FaceIds of two engines."""
    bound = library.engine_binding()
    if bound is None:
        library.set_meta("engine", engine_name)
    elif bound != engine_name:
        raise EngineConfigError(say(
            "this library's people were found with the {bound} engine; import with --engine {bound},"
            " or use another library (--library DIR) for the {engine} engine", bound=bound, engine=engine_name))


@dataclass
class _Stat:
    path: str
    size: int
    mtime_ns: int
    ino: int = 0


class _Import:
    def __init__(self, library: Library, engine: FaceEngine, threshold: float, listener: ImportListener,
                 control: ImportControl) -> None:
        self.library, self.engine, self.threshold = library, engine, threshold
        self.listener, self.control = listener, control
        self.report = ImportReport()
        self.done = 0
        self.total = 0
        self.handled = 0  # photos of the to-do list that reached a final state
        self.untriaged = 0  # photos a cancel left before they were even looked at
        self.in_run: dict[str, str] = {}  # sha -> path of the copy being analysed in this run
        self.deferred: dict[str, list[_Stat]] = defaultdict(list)  # copies waiting for their original
        self.known: dict[str, KnownFile] = {}  # what the library recorded of every path, before this run
        self.failed_content: dict[str, tuple[str, bool]] = {}  # sha -> (reason, transient) of content that failed

    # -- bookkeeping -----------------------------------------------------------------------------------
    def finish(self, path: str, status: str, faces: int = 0, reason: str | None = None) -> None:
        self.done += 1
        self.report.photos_added += status == "new"
        if reason is not None:
            self.report.add_failure(path, reason)
            log.warning("%s: not imported: %s", path, reason)
        self.listener.photo_done(PhotoDone(path, self.done, self.total, status, faces, reason))

    def warn(self, warning: str, level: int = logging.WARNING) -> None:
        """Something the user should know that costs no photo: in the report, the log and, as it happens,
        the listener (so an import that fails later still said it). The same words once per import."""
        if warning in self.report.warnings:
            return
        self.report.warnings.append(warning)
        log.log(level, "%s", warning)
        self.listener.warned(warning)

    # -- stage 1: what needs work ----------------------------------------------------------------------
    def triage(self, scanned: ScanResult) -> list[_Stat]:
        files, known = scanned.files, self.known
        todo: list[_Stat] = []
        back: list[int] = []  # photos found again where they were, after being missing or offline
        inodes: list[tuple[int, str]] = []  # recorded before inodes were: recorded now, once
        for i, path in enumerate(files):
            if self.control.cancelled:  # one stat per file: a cancel is heard within milliseconds
                self.untriaged = len(files) - i
                break
            st = scanned.stats.get(path)
            if st is None:
                try:
                    st = os.stat(path)
                except OSError as exc:
                    self.finish(path, "failed", reason=unreadable(exc))
                    continue
            verdict = stat_verdict(known, path, st)
            if verdict == FAILED:
                self.finish(path, "failed", reason=known[path].error or say("could not be imported"))
            elif verdict == UNCHANGED:
                k = known[path]
                if k.presence != "present" and k.photo_id is not None:
                    back.append(k.photo_id)
                if not k.ino and st.st_ino:
                    inodes.append((st.st_ino, path))
                self.report.photos_unchanged += 1
                self.finish(path, "unchanged")
            else:
                self.report.photos_retried += verdict == RETRY
                todo.append(_Stat(path, st.st_size, st.st_mtime_ns, st.st_ino))
        if back:
            self.library.mark_present(back)
        if inodes:
            with self.library.transaction():
                self.library.conn.executemany("UPDATE files SET ino = ? WHERE path = ?", inodes)
        return todo

    def jobs(self, todo: list[_Stat]) -> Iterator[PhotoJob]:
        """Hash lazily, as workers free up, so the first faces appear before the last file is read."""
        for item in todo:
            if self.control.cancelled:
                return
            try:
                sha = sha256_file(item.path)
            except OSError as exc:  # permissions, a file that vanished: the next import tries again
                self.handled += 1
                reason: str = unreadable(exc)
                self.library.record_failed(item.path, reason, retry=True, size=item.size, mtime_ns=item.mtime_ns,
                                           ino=item.ino)
                self.finish(item.path, "failed", reason=reason)
                continue
            known = content_verdict(self.library, item.path, sha)
            if known is not None:
                verdict, photo = known
                self.handled += 1
                if verdict == UNCHANGED:  # touched, not changed: refresh the stat, no work
                    self.library.touch_file(item.path, item.size, item.mtime_ns, item.ino)
                    if photo.presence != "present":
                        self.library.mark_present([photo.id])
                    self.report.photos_unchanged += 1
                    self.finish(item.path, "unchanged")
                else:
                    self.record_known(item, photo)
                continue
            if sha in self.failed_content:  # a copy of content that failed earlier in this run
                self.handled += 1
                reason, transient = self.failed_content[sha]
                self.library.record_failed(item.path, reason, retry=transient, size=item.size,
                                           mtime_ns=item.mtime_ns, ino=item.ino)
                self.finish(item.path, "failed", reason=reason)
                continue
            if sha in self.in_run:
                self.deferred[sha].append(item)
                continue
            self.in_run[sha] = item.path
            self.report.photos_new += 1
            yield PhotoJob(item.path, sha, item.size, item.mtime_ns, item.ino)

    def record_known(self, item: _Stat, photo: KnownPhoto) -> None:
        """A known photo's content at a path it was not recorded at: the same photo, no engine work.

        Its recorded paths that are gone from the disk are dropped (it moved); ones still there make this
        path one more copy of it.
        """
        change = self.library.record_location(item.path, photo.id, size=item.size, mtime_ns=item.mtime_ns,
                                              ino=item.ino)
        if change.moved_from or photo.presence != "present":
            self.report.photos_moved += 1
            for old in change.moved_from:
                log.info("%s: moved to %s", old, item.path)
            self.finish(item.path, "moved")
        else:
            self.report.photos_duplicate += 1
            self.finish(item.path, "duplicate")

    # -- stage 2: the single writer --------------------------------------------------------------------
    def store(self, analysis: PhotoAnalysis) -> None:
        job = analysis.job
        if analysis.error is None and self.engine.needs.remote_detection:
            try:
                analysis.faces = self.engine.detect_remote(analysis)  # type: ignore[attr-defined]
            except (EngineUnavailable, EngineConfigError):
                raise  # not this photo's fault: stop and leave it to do, never record it as failed
            except Exception as exc:
                analysis.error = say("face detection failed: {error}", error=message_of(exc))
        if analysis.cache_problem is not None:
            self.warn(analysis.cache_problem)
        for problem in analysis.region_problems:
            self.warn(say("{path}: {problem}", path=job.path, problem=problem))
        if analysis.error is not None:
            self.failed_content[job.sha256] = (analysis.error, analysis.transient)
            for item in (_Stat(job.path, job.size, job.mtime_ns, job.ino), *self.deferred.pop(job.sha256, [])):
                self.handled += 1
                self.library.record_failed(item.path, analysis.error, retry=analysis.transient, size=item.size,
                                           mtime_ns=item.mtime_ns, ino=item.ino)
                self.finish(item.path, "failed", reason=analysis.error)
            return
        analysis.faces = regions.attach(analysis.faces, analysis.regions)
        try:
            records, outcomes = self.resolve(analysis)
            with self.library.transaction():
                # Another window may have merged a person since the engine answered: follow the merge
                # under the write lock, or the face would land in a person no view shows any more.
                records = [self.current_person(r) for r in records]
                self.engine.persist(self.library)
                photo_id = self.library.record_photo(
                    job.path, sha256=job.sha256, size=job.size, mtime_ns=job.mtime_ns, ino=job.ino,
                    width=analysis.width, height=analysis.height, taken_at=analysis.taken_at, faces=records)
                self.apply_names(photo_id, analysis)
        except BaseException:
            self.engine.discard()
            raise
        for outcome in outcomes:
            self.report.faces += 1
            self.report.matches += outcome.kind == "match"
            self.report.new_people += outcome.new_person
        self.handled += 1
        self.finish(job.path, "new", faces=len(records))
        for copy in self.deferred.pop(job.sha256, []):
            self.handled += 1
            self.record_known(copy, KnownPhoto(photo_id, job.path, job.sha256, "present"))

    def apply_names(self, photo_id: int, analysis: PhotoAnalysis) -> None:
        """Names from the photo's face regions become the user's facts about those faces (library/face_facts.py)."""
        names = {crop.idx: crop.name for crop in analysis.faces if crop.name}
        if not names:
            return
        for face in self.library.faces_of_photo(photo_id):
            if face["idx"] in names:
                outcome = self.library.name_face(face["id"], names[face["idx"]])
                self.report.named_from_metadata += outcome.person_id is not None
                if outcome.person_id is None and outcome.note != "not a name":
                    self.warn(say("{path}: face {idx}: the name {name!r} from its metadata was not applied: {note}",
                                  path=analysis.job.path, idx=face["idx"], name=outcome.name, note=outcome.note),
                              logging.INFO)

    def current_person(self, record: FaceRecord) -> FaceRecord:
        if record.person_id is None:
            return record
        person = self.library.resolve_person(record.person_id)
        return record if person == record.person_id else replace(record, person_id=person)

    def resolve(self, analysis: PhotoAnalysis) -> tuple[list[FaceRecord], list[FaceOutcome]]:
        """Search each face; on no match, index it and make it a new person (personId == FaceId): the rule
        faces the user draws follow too (pipeline/face_answer.py)."""
        job, engine, threshold = analysis.job, self.engine, self.threshold
        records: list[FaceRecord] = []
        outcomes: list[FaceOutcome] = []
        created: set[str] = set()
        taken: set[str] = set()  # people already in this photo: one person is never two faces of one photo

        def emit(outcome: FaceOutcome) -> None:
            log.info("%s", outcome.log_line())
            outcomes.append(outcome)
            self.listener.face_outcome(outcome)

        for crop in analysis.faces:
            base = FaceRecord(idx=crop.idx, bbox=crop.box, score=crop.score, engine=engine.name, status="",
                              descriptor=crop.descriptor, origin=crop.origin)
            def nomatch(idx: int = crop.idx) -> None:  # printed before the IndexFaces call
                emit(FaceOutcome(job.path, idx, "nomatch", threshold))

            answer = answer_face(self.library, engine, crop, base, threshold,
                                 ext=external_image_id(job.sha256, crop.idx), photo_sha=job.sha256, taken=taken,
                                 created=created, on_nomatch=nomatch)
            records.append(answer.record)
            if answer.kind == "unsearchable":
                emit(FaceOutcome(job.path, crop.idx, "unsearchable", threshold, reason=answer.record.reason))
            elif answer.kind == "match":
                emit(FaceOutcome(job.path, crop.idx, "match", threshold, answer.person, answer.similarity,
                                 answer.new_person))
            elif answer.new_person:
                # The NoMatch line was printed before the call; record that it made a person.
                outcomes[-1] = FaceOutcome(job.path, crop.idx, "nomatch", threshold, answer.person, None, True)
        return records, outcomes

    def match(self, candidates: Sequence[Candidate], threshold: float, ext: str,
              taken: set[str]) -> tuple[Candidate | None, str | None]:
        """The upstream Match (pipeline/face_answer.py, best_match)."""
        return best_match(self.library, candidates, threshold, taken,
                          vectors=person_vectors(self.engine) is not None)


def reanchor(library: Library, engine: FaceEngine) -> int:
    """Give every person that lost its founding face (the user took it out or moved it) a new one.

    New faces are matched against founding faces only; without one a person could gain no face. The first
    of the person's faces with a descriptor founds it: indexed now when the engine indexes descriptors
    (the local engine: free). A cloud library gets its new founding face at its next regroup, which says
    what that costs first. Returns how many people were given one.
    """
    if not engine.needs.descriptors:
        return 0
    done = 0
    for person in library.unfounded_people():
        rows = library.conn.execute(
            "SELECT f.id, f.idx, f.left, f.top, f.width, f.height, f.score, f.descriptor, f.engine_face_id,"
            " ph.sha256, EXISTS (SELECT 1 FROM people o WHERE o.person_id = f.engine_face_id) AS founded"
            " FROM faces f JOIN photos ph ON ph.id = f.photo_id"
            " WHERE f.person_id = ? AND f.descriptor IS NOT NULL AND f.status IN ('matched', 'indexed')"
            " ORDER BY f.id", (person,))
        # A face the user moved here from the person its FaceId founded does not found this one (every face
        # like it would follow); a merged person's founding face does.
        face = next((r for r in rows if not r["founded"] or library.resolve_person(r["engine_face_id"]) == person),
                    None)
        if face is None:
            continue
        fid = face["engine_face_id"]
        try:
            if fid is None:
                crop = FaceCrop(face["idx"], (face["left"], face["top"], face["width"], face["height"]),
                                face["score"], b"", blob_to_descriptor(face["descriptor"]), face["sha256"])
                fid = engine.index(crop, external_image_id(face["sha256"], face["idx"])).face_id
            if fid is None:
                continue
            with library.transaction():
                engine.persist(library)
                library.conn.execute(
                    "UPDATE faces SET status = 'indexed', engine_face_id = ?, similarity = NULL,"
                    " matched_face_id = NULL WHERE id = ?", (fid, face["id"]))
        except BaseException:
            engine.discard()
            raise
        done += 1
    if done and isinstance(engine, LocalEngine):
        engine.load(library)  # a FaceId that founds again must be searchable again (load leaves out the rest)
    return done


def ingest(paths: Sequence[str | os.PathLike[str]] | None, library: Library, engine: FaceEngine, *,
           threshold: float = 95.0, workers: int | None = None, listener: ImportListener | None = None,
           control: ImportControl | None = None, photo_workers: PhotoWorkers | None = None,
           thumbnails: bool = True, remember: bool = True, consolidation: bool = True) -> ImportReport:
    """Import `paths` (files and folders) into `library`. See the module docstring for the guarantees.

    `paths` None re-scans every path ever imported into the library (a sync). `remember` False imports
    without adding `paths` to the library's imported roots (the watcher's re-scan of a changed folder).
    Raises LibraryBusy at once when another import (another window, another command) holds the library's
    import lock; see library/lock.py for why imports are serialised; ValueError for a sync of a library
    nothing was imported into.
    """
    with ImportLock(library.dir):
        if paths is None:
            paths = import_roots(library.dir)
            if not paths:
                raise ValueError(say("nothing has been imported into this library yet: give a photo or a folder"))
        elif remember:
            # Remembered before any work, so a rebuild can find these photos even if this import is killed.
            own = [os.path.realpath(library.dir)]
            remember_import_roots(library.dir, [p for p in paths if not is_inside(os.path.abspath(p), own)])
        return _ingest_locked(paths, library, engine, threshold=threshold, workers=workers,
                              listener=listener or ImportListener(), control=control or ImportControl(),
                              photo_workers=photo_workers, thumbnails=thumbnails, consolidation=consolidation)


def _scope(paths: Sequence[str | os.PathLike[str]], library: Library,
           known: dict[str, KnownFile]) -> tuple[list[str], list[str], list[str]]:
    """The paths to walk, those whose folder or drive is out of reach (their photos are offline), and those
    that are gone.

    Reachability is judged on the imported root that holds a path: a subfolder deleted from a reachable
    drive is gone (its photos missing), while the whole drive unplugged leaves them offline.
    """
    scope = list(dict.fromkeys(os.path.abspath(os.fspath(p)) for p in paths))
    roots = sorted({*import_roots(library.dir), *scope}, key=len, reverse=True)
    owners = {path: root_of(path, roots) or path for path in scope}
    out = set(presence.unreachable_roots(set(owners.values()), known))
    # A path imported before that is gone (a file deleted or moved, a nested folder moved) is looked for,
    # not walked: its photos are missing or moved, and its absence is no failure. A typo still is one.
    gone = {p for p in scope if not os.path.lexists(p) and owners[p] not in out and _holds_known(p, known)}
    walk = [p for p in scope if owners[p] not in out and p not in gone]
    return walk, [p for p in scope if owners[p] in out], sorted(gone)


def _holds_known(path: str, known: dict[str, KnownFile]) -> bool:
    prefix = path.rstrip(os.sep) + os.sep
    return path in known or any(p.startswith(prefix) for p in known)


def _seen_under_other_names(scanned: ScanResult, library: Library) -> set[int]:
    """Known photos the walk found under names that cannot be recorded (bytes that are not UTF-8): they
    moved there, they are not gone. Read only for such names, which are rare."""
    found: set[int] = set()
    for path, reason in scanned.problems:
        if not reason.startswith(UNSTORABLE_NAME):
            continue
        try:
            photo = library.photo_by_sha(sha256_file(path))
        except OSError:
            continue
        if photo is not None:
            found.add(photo.id)
    return found


def _sync_vectors(run: _Import, todo: list[_Stat]) -> bool:
    """People without a vector get one before the first search (what the dry run counts), only when there is
    something to import. False when the engine cannot be reached: the import pauses with everything to do."""
    vectors = person_vectors(run.engine)
    if not todo or vectors is None or run.control.cancelled:
        return True
    report = getattr(run.listener, "preparing_users", None)  # a duck-typed listener may not have it
    try:
        vectors.sync_users(run.library, should_stop=lambda: run.control.cancelled, progress=report)
    except EngineUnavailable as exc:
        run.report.paused_reason = message_of(exc)  # a message the window can still translate
        return False
    return True


def _ingest_locked(paths: Sequence[str | os.PathLike[str]], library: Library, engine: FaceEngine, *,
                   threshold: float, workers: int | None, listener: ImportListener, control: ImportControl,
                   photo_workers: PhotoWorkers | None, thumbnails: bool, consolidation: bool) -> ImportReport:
    started = time.perf_counter()
    bind_engine(library, engine.name)
    calls_before = sum(engine.calls.values())
    reanchor(library, engine)
    run = _Import(library, engine, threshold, listener, control)
    run.known = library.known_files()
    walk, out_of_reach, gone = _scope(paths, library, run.known)
    for root in out_of_reach:
        log.info("%s: out of reach (an unplugged drive or a folder renamed away): its photos are offline", root)
    scanned = scan(list(walk), exclude=[library.dir], should_stop=lambda: control.cancelled)
    walked = not control.cancelled  # a walk cut short says nothing about what it did not reach
    run.total = len(scanned.files) + len(scanned.problems)
    run.report.photos_seen = len(scanned.files)
    listener.scan_finished(run.total)
    for path, reason in scanned.problems:
        run.finish(path, "failed", reason=reason)
    todo = run.triage(scanned)
    todo_run = todo if _sync_vectors(run, todo) else []

    own_workers = photo_workers is None
    if photo_workers is None:
        cache = str(cache_dir_for(library.dir)) if thumbnails else None
        photo_workers = PhotoWorkers(workers or os.cpu_count() or 1, engine.needs, cache)
    try:
        results = photo_workers.run(run.jobs(todo_run), inline=len(todo_run) <= 1,
                                    should_stop=lambda: control.cancelled)
        for analysis in results:
            control.wait_while_paused()
            if control.cancelled:
                break
            try:
                run.store(analysis)
            except EngineUnavailable as exc:
                run.report.paused_reason = message_of(exc)
                break
    finally:
        if own_workers:
            photo_workers.close()
    if walked:  # after the moves are recorded: a path the walk did not meet is gone only if no move took it
        presence.settle(library, presence.look_for([*walk, *out_of_reach, *gone], out_of_reach, scanned, run.known,
                                                   _seen_under_other_names(scanned, library)))
    run.report.cancelled = control.cancelled
    run.report.pending = len(todo) - run.handled + run.untriaged
    if not run.report.cancelled and not run.report.paused_reason:
        # A photo whose only file now holds other content was edited in place, and its new content was
        # just imported; had it moved, this run would have found it at its new path.
        library.remove_photos(library.pathless_photos())
        if consolidation and (run.report.photos_new or run.report.photos_moved or library.review_stale()):
            done = consolidate(library, threshold, record=False)
            run.report.people_merged = len(done.merged)
            run.report.review_questions = done.questions
            run.report.consolidated = list(done.lines(library))
            listener.consolidated(run.report.consolidated)
    run.report.photos_missing, run.report.photos_offline = presence.out_of_reach_under(
        library, [*walk, *out_of_reach, *gone])
    run.report.engine_calls = sum(engine.calls.values()) - calls_before
    run.report.seconds = time.perf_counter() - started
    log.info("%s", run.report.summary().replace("\n", "; "))
    return run.report
