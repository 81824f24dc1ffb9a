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
    FaceUnsearchable,
    external_image_id,
)
from ..engines.local import LocalEngine
from ..imaging.hashing import sha256_file
from ..imaging.thumbnails import cache_dir_for
from ..library import FaceRecord, Library, blob_to_descriptor
from ..library.lock import ImportLock
from ..library.recovery import remember_import_roots
from .analyze import PhotoAnalysis, PhotoJob
from .events import FaceOutcome, ImportControl, ImportListener, ImportReport, PhotoDone
from .scan import scan
from .triage import FAILED, UNCHANGED, content_verdict, stat_verdict
from .workers import PhotoWorkers

log = logging.getLogger("beetroot.import")


def bind_engine(library: Library, engine_name: str) -> None:
    """A library's people belong to one engine's collection: refuse to mix FaceIds of two engines."""
    bound = library.engine_binding()
    if bound is None:
        library.set_meta("engine", engine_name)
    elif bound != engine_name:
        raise EngineConfigError(
            f"this library's people were found with the {bound} engine; import with --engine {bound},"
            f" or use another library (--library DIR) for the {engine_name} engine"
        )


@dataclass
class _Stat:
    path: str
    size: int
    mtime_ns: int


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

    # -- bookkeeping -----------------------------------------------------------------------------------
    def finish(self, path: str, status: str, faces: int = 0, reason: str | None = None) -> None:
        self.done += 1
        self.report.photos_added += status == "new"
        if reason is not None:
            self.report.add_failure(path, reason)
            log.warning("%s: not imported: %s", path, reason)
        self.listener.photo_done(PhotoDone(path, self.done, self.total, status, faces, reason))

    # -- stage 1: what needs work ----------------------------------------------------------------------
    def triage(self, files: Sequence[str]) -> list[_Stat]:
        known = self.library.known_paths()
        todo: list[_Stat] = []
        for i, path in enumerate(files):
            if self.control.cancelled:  # one stat per file: a cancel is heard within milliseconds
                self.untriaged = len(files) - i
                break
            try:
                st = os.stat(path)
            except OSError as exc:
                self.finish(path, "failed", reason=f"cannot read the file: {exc.strerror or exc}")
                continue
            verdict = stat_verdict(known, path, st)
            if verdict == FAILED:
                self.finish(path, "failed", reason=self.library.failure_reason(path))
            elif verdict == UNCHANGED:
                self.report.photos_unchanged += 1
                self.finish(path, "unchanged")
            else:
                todo.append(_Stat(path, st.st_size, st.st_mtime_ns))
        return todo

    def jobs(self, todo: list[_Stat]) -> Iterator[PhotoJob]:
        """Hash lazily, as workers free up, so the first faces appear before the last file is read."""
        for item in todo:
            if self.control.cancelled:
                return
            try:
                sha = sha256_file(item.path)
            except OSError as exc:
                self.handled += 1
                self.library.record_failed(item.path, f"cannot read the file: {exc.strerror or exc}",
                                           size=item.size, mtime_ns=item.mtime_ns)
                self.finish(item.path, "failed", reason=f"cannot read the file: {exc.strerror or exc}")
                continue
            known = content_verdict(self.library, item.path, sha)
            if known is not None:
                verdict, original = known
                self.handled += 1
                if verdict == UNCHANGED:  # touched, not changed: refresh the stat, no work
                    self.library.touch_photo(item.path, item.size, item.mtime_ns)
                    self.report.photos_unchanged += 1
                    self.finish(item.path, "unchanged")
                else:
                    self.record_duplicate(item, original.id, sha)
                continue
            if sha in self.in_run:
                self.deferred[sha].append(item)
                continue
            self.in_run[sha] = item.path
            self.report.photos_new += 1
            yield PhotoJob(item.path, sha, item.size, item.mtime_ns)

    def record_duplicate(self, item: _Stat, original_id: int, sha: str) -> None:
        self.library.record_duplicate(item.path, original_id, sha256=sha, size=item.size, mtime_ns=item.mtime_ns)
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
                analysis.error = f"face detection failed: {exc}"
        if analysis.error is not None:
            self.library.record_failed(job.path, analysis.error, size=job.size, mtime_ns=job.mtime_ns,
                                       sha256=job.sha256)
            self.handled += 1
            self.finish(job.path, "failed", reason=analysis.error)
            for copy in self.deferred.pop(job.sha256, []):
                self.handled += 1
                self.library.record_failed(copy.path, analysis.error, size=copy.size, mtime_ns=copy.mtime_ns,
                                           sha256=job.sha256)
                self.finish(copy.path, "failed", reason=analysis.error)
            return
        try:
            records, outcomes = self.resolve(analysis)
            with self.library.transaction():
                # Another window may have merged a person since the engine answered: follow the merge
                # under the write lock, or the face would land in a person no view shows any more.
                records = [self.current_person(r) for r in records]
                self.engine.persist(self.library)
                photo_id = self.library.record_photo(
                    job.path, sha256=job.sha256, size=job.size, mtime_ns=job.mtime_ns, width=analysis.width,
                    height=analysis.height, taken_at=analysis.taken_at, faces=records)
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
            self.record_duplicate(copy, photo_id, job.sha256)

    def current_person(self, record: FaceRecord) -> FaceRecord:
        if record.person_id is None:
            return record
        person = self.library.resolve_person(record.person_id)
        return record if person == record.person_id else replace(record, person_id=person)

    def resolve(self, analysis: PhotoAnalysis) -> tuple[list[FaceRecord], list[FaceOutcome]]:
        """Search each face; on no match, index it and make it a new person (personId == FaceId)."""
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
            ext = external_image_id(job.sha256, crop.idx)
            base = FaceRecord(idx=crop.idx, bbox=crop.box, score=crop.score, engine=engine.name, status="",
                              descriptor=crop.descriptor)
            try:
                result = engine.search(crop, threshold)
            except FaceUnsearchable as exc:
                records.append(replace(base, status="unsearchable", reason=str(exc)))
                emit(FaceOutcome(job.path, crop.idx, "unsearchable", threshold, reason=str(exc)))
                continue
            candidates = tuple((c.face_id, c.similarity) for c in result.candidates)
            match, person = self.match(result.candidates, threshold, ext, taken)
            if match is not None and person is not None:
                own = match.external_image_id == ext  # our own face, indexed by an interrupted run
                new = person == match.face_id and not self.library.person(person) and person not in created
                created.add(person)
                taken.add(person)
                records.append(replace(base, status="indexed" if own else "matched", person_id=person,
                                          engine_face_id=match.face_id if own else None,
                                          matched_face_id=None if own else match.face_id,
                                          similarity=match.similarity, candidates=candidates))
                emit(FaceOutcome(job.path, crop.idx, "match", threshold, person, match.similarity, new))
                continue
            emit(FaceOutcome(job.path, crop.idx, "nomatch", threshold))
            indexed = engine.index(crop, ext)
            if indexed.face_id is None:
                reason = ", ".join(indexed.reasons) or "the engine did not index the face"
                records.append(replace(base, status="unindexed", reason=reason, candidates=candidates))
                continue
            person = self.library.person_for_engine_face(indexed.face_id)
            if person is None or person in taken:
                person = indexed.face_id if indexed.face_id not in taken else None
            new = person is not None and not self.library.person(person) and person not in created
            if person is None:  # the FaceId already stands for someone else in this photo: leave it unassigned
                records.append(replace(base, status="unindexed", engine_face_id=indexed.face_id,
                                          reason="the engine returned a face of a person already in this photo",
                                          candidates=candidates))
                continue
            created.add(person)
            taken.add(person)
            records.append(replace(base, status="indexed", person_id=person, engine_face_id=indexed.face_id,
                                      similarity=None, candidates=candidates))
            if new:
                # The NoMatch line was printed before the call; record that it made a person.
                outcomes[-1] = FaceOutcome(job.path, crop.idx, "nomatch", threshold, person, None, True)
        return records, outcomes

    def match(self, candidates: Sequence[Candidate], threshold: float, ext: str,
              taken: set[str]) -> tuple[Candidate | None, str | None]:
        """The upstream Match: the best candidate at or above the threshold, and the person it stands for now.

        A candidate whose face the user took out of every person stands for no one, and a person already
        in this photo cannot be matched twice: both are passed over for the next candidate.
        """
        for candidate in candidates:
            if candidate.similarity < threshold:
                break
            person = self.library.person_for_engine_face(candidate.face_id)
            if person is not None and person not in taken:
                return candidate, person
        return None, None


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


def ingest(paths: Sequence[str | os.PathLike[str]], library: Library, engine: FaceEngine, *,
           threshold: float = 95.0, workers: int | None = None, listener: ImportListener | None = None,
           control: ImportControl | None = None, photo_workers: PhotoWorkers | None = None,
           thumbnails: bool = True) -> ImportReport:
    """Import `paths` (files and folders) into `library`. See the module docstring for the guarantees.

    Raises LibraryBusy at once when another import (another window, another command) holds the library's
    import lock; see library/lock.py for why imports are serialised.
    """
    with ImportLock(library.dir):
        # Remembered before any work, so a rebuild can find these photos even if this import is killed.
        remember_import_roots(library.dir, paths)
        return _ingest_locked(paths, library, engine, threshold=threshold, workers=workers,
                              listener=listener or ImportListener(), control=control or ImportControl(),
                              photo_workers=photo_workers, thumbnails=thumbnails)


def _ingest_locked(paths: Sequence[str | os.PathLike[str]], library: Library, engine: FaceEngine, *,
                   threshold: float, workers: int | None, listener: ImportListener, control: ImportControl,
                   photo_workers: PhotoWorkers | None, thumbnails: bool) -> ImportReport:
    started = time.perf_counter()
    bind_engine(library, engine.name)
    calls_before = sum(engine.calls.values())
    reanchor(library, engine)
    run = _Import(library, engine, threshold, listener, control)
    scanned = scan(list(paths), exclude=[library.dir], should_stop=lambda: control.cancelled)
    run.total = len(scanned.files) + len(scanned.problems)
    run.report.photos_seen = len(scanned.files)
    listener.scan_finished(run.total)
    for path, reason in scanned.problems:
        run.finish(path, "failed", reason=reason)
    todo = run.triage(scanned.files)

    own_workers = photo_workers is None
    if photo_workers is None:
        cache = str(cache_dir_for(library.dir)) if thumbnails else None
        photo_workers = PhotoWorkers(workers or os.cpu_count() or 1, engine.needs, cache)
    try:
        results = photo_workers.run(run.jobs(todo), inline=len(todo) <= 1,
                                    should_stop=lambda: control.cancelled)
        for analysis in results:
            control.wait_while_paused()
            if control.cancelled:
                break
            try:
                run.store(analysis)
            except EngineUnavailable as exc:
                run.report.paused_reason = str(exc)
                break
    finally:
        if own_workers:
            photo_workers.close()
    run.report.cancelled = control.cancelled
    run.report.pending = len(todo) - run.handled + run.untriaged
    run.report.engine_calls = sum(engine.calls.values()) - calls_before
    run.report.seconds = time.perf_counter() - started
    log.info("%s", run.report.summary().replace("\n", "; "))
    return run.report
