"""Amazon Rekognition behind the FaceEngine contract: the upstream SearchFacesByImage / IndexFaces flow.

Per photo (the pipeline drives it, see pipeline/ingest.py):
- faces come from `DetectFaces` on the photo as a JPEG under 5 MiB (`detector = rekognition`), or from the
  local dlib detector in the workers (`detector = local`, one paid call less per photo);
- each face is cropped with margin from the upright photo, at least 80x80 px, JPEG quality 90;
- `SearchFacesByImage(MaxFaces=16, FaceMatchThreshold=floor)` returns every candidate above the floor
  (80, or the threshold when that is lower) for the price of one; the pipeline calls it a Match exactly
  when the best similarity reaches the configured threshold, and keeps all candidates so the threshold can
  move later without new searches;
- on NoMatch, `IndexFaces(ExternalImageId=<sha256>:<idx>, MaxFaces=1)`: the new FaceId is the new person.

With `rekognition_mode = users` (opt-in) a person is a Rekognition user, whose vector AWS builds from up to
100 faces and documents as more accurate than one face (engines/rekognition_users.py keeps the library's
record of them):
- `SearchUsersByImage(MaxUsers=16, UserMatchThreshold=floor)` replaces the face search; the candidates are
  UserIds, and a UserId is the FaceId of the face that founded its person, so the pipeline, the stored
  candidates, regrouping and consolidation read them exactly as they read founding FaceIds;
- on NoMatch, `IndexFaces` as above, then `CreateUser(UserId=<FaceId>)` and `AssociateFaces([FaceId])`;
- on a Match, while the user holds fewer than 100 faces and the face adds variety (it matched the user
  below VARIETY_LIMIT), `IndexFaces` and `AssociateFaces` add it to the user;
- before the first search of an import, faces the user took out of a person leave that person's user
  (`DisassociateFaces`), and people that have no user yet (found face by face, or founded again by a regroup
  or a split) get one (`sync_users`); merges and renames need no call.
The per-user limit is kept here and a ServiceQuotaExceededException from AssociateFaces only marks the user
full; one from CreateUser (the collection's user quota) pauses the import like throttling does.

Forgetting a person deletes exactly their FaceIds (`DeleteFaces`, up to 4096 a call), after deleting the
users they found (`DeleteUser`) and taking their other faces out of users (`DisassociateFaces`);
`DeleteCollection` removes the whole collection (pipeline/forget.py).

Every call is paced by a token bucket, retried by botocore's `standard` mode, and written to the library's
call ledger (operation, photo, outcome, latency) so `beetroot costs` can show what was spent.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from botocore import xform_name
from botocore.exceptions import BotoCoreError, ClientError
from PIL import Image

from ..config import COLLECTION_ID_RE, REKOGNITION_MODES
from ..imaging.crops import clamp_box, crop_face, encode_jpeg
from ..wording import say
from .aws_errors import CollectionNotFound, QuotaExceeded, error_code, outcome_of, retry_attempts, translate
from .aws_session import check_collection_id, make_client, make_session, resolve_region
from .base import (
    Candidate,
    EngineConfigError,
    EngineError,
    FaceCrop,
    FaceUnsearchable,
    IndexResult,
    PreparedPhoto,
    SearchResult,
    WorkerNeeds,
)
from .ratelimit import TokenBucket
from .rekognition_images import MIN_IMAGE_SIDE, image_problem, ratio_box
from .rekognition_ledger import call_summary
from .rekognition_users import (
    FACE_ID,
    MAX_USER_FACES,
    USER_ID,
    UserBook,
    UserRecord,
    founders_without_users,
    stray_faces,
)

if TYPE_CHECKING:
    from ..config import Settings
    from ..library import Library

log = logging.getLogger("beetroot.rekognition")

ENGINE_NAME = "rekognition"
CANDIDATE_FLOOR = 80.0  # Rekognition's own default FaceMatchThreshold; candidates above it are kept
MAX_CANDIDATES = 16  # the same price as 1; enough to step past faces that found no one any more
EXTERNAL_IMAGE_ID = re.compile(r"[a-zA-Z0-9_.\-:]{1,255}")
COLLECTION_ID = COLLECTION_ID_RE  # one pattern, in config.py, for the CLI, the settings dialog and the engine
FLOOR_META = "rekognition_candidate_floor"
MAX_DELETE_FACES = 4096  # DeleteFaces takes 1 to 4096 FaceIds a call
MODES = REKOGNITION_MODES
SYNC_BATCH = 50  # people made users between two progress reports of sync_users
VARIETY_LIMIT = 99.9  # a face this close to its user's vector adds nothing to it: not associated


@dataclass(frozen=True)
class FacesDeleted:
    """What DeleteFaces did: the faces it deleted, and those the collection no longer held."""

    deleted: tuple[str, ...] = ()
    not_found: tuple[str, ...] = ()  # already gone (or never a FaceId of this service): nothing left to delete
    collection_missing: bool = False  # the collection itself is gone, and every face with it


class RekognitionEngine:
    """One boto3 Rekognition client, one collection, and the library whose ledger records every call."""

    name = ENGINE_NAME

    def __init__(self, client: Any, library: Library | None, collection_id: str, *, detector: str = "rekognition",
                 rate_limit: float = 5.0, floor: float = CANDIDATE_FLOOR, region: str | None = None,
                 mode: str = "faces") -> None:
        if mode not in MODES:
            raise EngineConfigError(say("rekognition_mode must be one of {modes}, not {mode!r}",
                                        modes=", ".join(MODES), mode=mode))
        self.client = client
        self.library = library
        self.collection_id = check_collection_id(collection_id)
        self.detector = detector
        self.mode = mode
        self.person_vectors = mode == "users"  # the pipeline's cue to call join/found/sync_users
        self._book: UserBook | None = None  # read from the library when first needed
        self.needs = WorkerNeeds(remote_detection=detector == "rekognition")
        self.floor = floor
        self.region = region or client.meta.region_name
        self.rate_limit = rate_limit
        self.calls: Counter[str] = Counter()
        self.bucket = TokenBucket(rate_limit)
        # Every attempt (retries included) waits for a token, so retries respect the quota too.
        client.meta.events.register("before-send.rekognition", self._pace)
        self._floor_recorded = False

    @classmethod
    def from_settings(cls, settings: Settings, library: Library | None) -> RekognitionEngine:
        """Build the engine from the settings (no network call); EngineConfigError says what to fix."""
        collection_id = check_collection_id(settings.collection_id)
        session = make_session(settings)
        region = resolve_region(settings, session)
        client = make_client(session, "rekognition", region)
        return cls(client, library, collection_id, detector=settings.detector, rate_limit=settings.rate_limit,
                   region=region, mode=settings.rekognition_mode)

    # -- the FaceEngine contract -----------------------------------------------------------------------
    def search(self, crop: FaceCrop, threshold: float) -> SearchResult:
        problem = image_problem(crop.jpeg, "face crop")
        if problem:
            raise FaceUnsearchable(problem)
        floor = min(self.floor, threshold)
        self._record_floor(floor)
        if self.person_vectors:
            return self._search_users(crop, floor)
        response = self._call("SearchFacesByImage", crop.photo_sha, CollectionId=self.collection_id,
                              Image={"Bytes": crop.jpeg}, MaxFaces=MAX_CANDIDATES, FaceMatchThreshold=floor)
        matches = response.get("FaceMatches", [])
        candidates = sorted(
            (Candidate(m["Face"]["FaceId"], round(float(m["Similarity"]), 4), m["Face"].get("ExternalImageId"))
             for m in matches),
            key=lambda c: -c.similarity,
        )
        return SearchResult(tuple(candidates))

    def index(self, crop: FaceCrop, external_image_id: str) -> IndexResult:
        if not EXTERNAL_IMAGE_ID.fullmatch(external_image_id):
            raise EngineError(say("{external_image_id!r} is not a valid ExternalImageId ([a-zA-Z0-9_.-:], 1-255)",
                                  external_image_id=external_image_id))
        problem = image_problem(crop.jpeg, "face crop")
        if problem:
            return IndexResult(None, (problem,))
        photo_sha = crop.photo_sha or external_image_id.rsplit(":", 1)[0]
        response = self._call("IndexFaces", photo_sha, CollectionId=self.collection_id, Image={"Bytes": crop.jpeg},
                              ExternalImageId=external_image_id, MaxFaces=1, QualityFilter="AUTO",
                              DetectionAttributes=["DEFAULT"])
        records = response.get("FaceRecords", [])
        if not records:
            reasons = sorted({r for face in response.get("UnindexedFaces", []) for r in face.get("Reasons", [])})
            return IndexResult(None, tuple(reasons) or ("NO_FACE_INDEXED",))
        return IndexResult(records[0]["Face"]["FaceId"])

    def detect_remote(self, analysis: PreparedPhoto) -> list[FaceCrop]:
        """DetectFaces on the photo JPEG the worker made; crop every face from the same upright pixels."""
        sha = analysis.job.sha256
        if analysis.photo_jpeg is None:
            raise EngineError(say("the photo was not prepared for Rekognition (no JPEG)"))
        with Image.open(io.BytesIO(analysis.photo_jpeg)) as opened:
            image = opened.convert("RGB")
        jpeg = analysis.photo_jpeg
        if min(image.size) < MIN_IMAGE_SIDE:  # tiny photos: upscale so Rekognition accepts them
            factor = MIN_IMAGE_SIDE / min(image.size)
            image = image.resize((round(image.width * factor) or 1, round(image.height * factor) or 1),
                                 Image.Resampling.BICUBIC)
            jpeg = encode_jpeg(image)
        problem = image_problem(jpeg, "photo")
        if problem:
            raise EngineError(problem)
        response = self._call("DetectFaces", sha, Image={"Bytes": jpeg}, Attributes=["DEFAULT"])
        found = []
        for detail in response.get("FaceDetails", []):
            box = ratio_box(detail.get("BoundingBox", {}), image.width, image.height)
            if box[2] > 0 and box[3] > 0:
                found.append((box, detail.get("Confidence")))
        found.sort(key=lambda f: (f[0][0], f[0][1]))  # left to right, like the local detector: stable indexes
        sx = analysis.width / image.width if analysis.width else 1.0
        sy = analysis.height / image.height if analysis.height else 1.0
        crops = []
        for idx, (box, confidence) in enumerate(found):
            original = clamp_box((round(box[0] * sx), round(box[1] * sy), round(box[2] * sx), round(box[3] * sy)),
                                 analysis.width or image.width, analysis.height or image.height)
            crop = FaceCrop(idx, original, None if confidence is None else float(confidence),
                            encode_jpeg(crop_face(image, box)), photo_sha=sha)
            crops.append(crop)
            self._save_face_thumbnail(image, box, sha, original)
        return crops

    # -- users mode: one user vector per person -------------------------------------------------------
    def _search_users(self, crop: FaceCrop, floor: float) -> SearchResult:
        response = self._call("SearchUsersByImage", crop.photo_sha, CollectionId=self.collection_id,
                              Image={"Bytes": crop.jpeg}, MaxUsers=MAX_CANDIDATES, UserMatchThreshold=floor)
        candidates = sorted(
            (Candidate(str(m["User"]["UserId"]), round(float(m["Similarity"]), 4))
             for m in response.get("UserMatches", []) if m.get("User", {}).get("UserId")),
            key=lambda c: -c.similarity,
        )
        return SearchResult(tuple(candidates))

    def users(self) -> UserBook:
        """The library's record of its users (read on first use; an engine without a library keeps it in memory)."""
        if self._book is None:
            self._book = UserBook(self.library)
        return self._book

    def join(self, crop: FaceCrop, external_image_id: str, user_id: str, similarity: float,
             threshold: float) -> str | None:
        """The pipeline matched `crop` to the person `user_id` stands for: add the face to that user while it
        holds fewer than MAX_USER_FACES and the face adds variety. Returns the face's FaceId when it was
        indexed (the caller records it with the face), else None.

        A user the library has no record of (one an interrupted import made, or another library's in a
        shared collection) is not fed: the face is indexed only to learn whether it is that user's own
        founding face, found again by its ExternalImageId (then its FaceId is the UserId)."""
        book = self.users()
        record = book.get(user_id)
        if record is None:
            face_id = self.index(crop, external_image_id).face_id
            if face_id == user_id:
                book.put(user_id, UserRecord((user_id,)))
            return face_id
        if not record.has_room() or similarity >= VARIETY_LIMIT:
            return None
        face_id = self.index(crop, external_image_id).face_id
        if face_id is None or face_id in record.faces or face_id == user_id:
            return face_id
        if book.owner_of(face_id) is None:
            self._associate(user_id, face_id, crop.photo_sha, min(self.floor, threshold))
        return face_id

    def found(self, face_id: str, photo_sha: str | None = None) -> None:
        """`face_id` founds a person: make it a user (CreateUser, UserId = the FaceId) holding that face.

        Nothing when the library already has the user. A founding face associated with another user (a
        regroup or a split made it found a person of its own) is taken out of that user first. A
        ServiceQuotaExceededException (the users a collection may hold) raises QuotaExceeded: the import
        pauses and the photo is done again later."""
        book = self.users()
        record = book.get(face_id)
        if ((record is not None and (face_id in record.faces or record.full or record.closed))
                or not USER_ID.fullmatch(face_id)):
            return  # made (a user whose AssociateFaces refused its founding face is made again: idempotent)
        owner = book.owner_of(face_id)
        if owner is not None:
            self._disassociate(owner, [face_id], photo_sha)
        self._call("CreateUser", photo_sha, tolerate=("ConflictException",), CollectionId=self.collection_id,
                   UserId=face_id, ClientRequestToken=_token("CreateUser", face_id))
        # Made again after a refusal: a new generation, so the AssociateFaces below is not answered from the
        # service's memory of the refused one.
        book.put(face_id, UserRecord(generation=record.generation + 1 if record is not None else 0))
        if self._associate(face_id, face_id, photo_sha, None) == "FACE_NOT_FOUND" and photo_sha is None:
            # A person of the library (sync_users, not a face indexed just now) whose founding face the
            # collection no longer holds (deleted with the collection): the user could never hold it. Delete
            # it again and close its record, so no import makes it again. Any other refusal is retried by
            # the next import (the record does not hold the founding face: founders_without_users).
            self._call("DeleteUser", photo_sha, tolerate=("ResourceNotFoundException",),
                       CollectionId=self.collection_id, UserId=face_id,
                       ClientRequestToken=_token("DeleteUser", face_id))
            book.put(face_id, UserRecord((), closed=True))

    def sync_users(self, library: Library, *, should_stop: Callable[[], bool] | None = None,
                   progress: Callable[[int, int], None] | None = None) -> int:
        """Bring the users up to date with the user's corrections, then give every person that has no user yet
        its user, one person at a time (each recorded at once, so an interruption keeps what was made).

        First the faces the user took out of a person leave that person's user (`stray_faces`, DisassociateFaces
        up to 100 a call), so new photos of whoever they show do not match the old person again. Called by the
        import before its first search; the dry run counts both (`disassociations`, `people_without_users`).
        `should_stop` is asked between users (a cancelled import stops there); `progress(done, total)` is told
        every SYNC_BATCH people made. Returns how many users were made."""
        stop = should_stop or (lambda: False)
        book = self.users()
        for user_id, faces in stray_faces(library, book).items():
            if stop():
                return 0
            try:
                self._disassociate(user_id, faces, None)
            finally:
                book.commit(library)
        founders = founders_without_users(library, book)
        made = 0
        for face_id in founders:
            if stop():
                break
            if progress is not None and made % SYNC_BATCH == 0:
                progress(made, len(founders))
            try:
                self.found(face_id)
            finally:
                book.commit(library)
            made += 1
        if founders:
            log.info("made the Rekognition users of %d of %d people without one", made, len(founders))
            if progress is not None and made == len(founders):
                progress(made, len(founders))
        return made

    def _associate(self, user_id: str, face_id: str, photo_sha: str | None, threshold: float | None) -> bool | str:
        """AssociateFaces for one face. A user the service calls full is recorded as full, and one it no longer
        has is forgotten (the next import makes it again if it still founds a person): no failure. True when
        the face was associated; a face the service refused returns the first reason it gave (a string)."""
        book = self.users()
        record = book.get(user_id) or UserRecord()
        params: dict[str, Any] = {"CollectionId": self.collection_id, "UserId": user_id, "FaceIds": [face_id],
                                  "ClientRequestToken": _token("AssociateFaces", user_id, str(record.generation),
                                                               face_id)}
        if threshold is not None:
            params["UserMatchThreshold"] = float(threshold)
        try:
            response = self._call("AssociateFaces", photo_sha,
                                  tolerate=("ConflictException", "ResourceNotFoundException"), **params)
        except QuotaExceeded:
            log.info("the user %s holds as many faces as Rekognition allows: no more are added to it", user_id)
            book.put(user_id, replace(record, full=True))
            return False
        if response.get("Tolerated") == "ResourceNotFoundException":  # the face was just indexed: the user is gone
            book.drop(user_id)
            return False
        if "Tolerated" in response:  # the user is being changed by another call: this face stays out of it
            book.put(user_id, record)
            return False
        failed = {f.get("FaceId"): f.get("Reasons", []) for f in response.get("UnsuccessfulFaceAssociations", [])}
        if face_id in failed:
            log.info("face %s was not added to user %s: %s", face_id, user_id, ", ".join(failed[face_id]))
            book.put(user_id, record)
            return str((failed[face_id] or ["NO_REASON"])[0])
        # A face already associated with this user is not listed at all: it is the user's as well.
        book.put(user_id, record.with_faces((*record.faces, face_id)))
        return True

    def _disassociate(self, user_id: str, face_ids: Sequence[str], photo_sha: str | None) -> None:
        book = self.users()
        for start in range(0, len(face_ids), MAX_USER_FACES):
            batch = list(face_ids[start:start + MAX_USER_FACES])
            record = book.get(user_id)
            generation = str(record.generation) if record is not None else "-"
            # A user (or collection) that is gone holds no face any more: nothing left to take out.
            self._call("DisassociateFaces", photo_sha, tolerate=("ResourceNotFoundException",),
                       CollectionId=self.collection_id, UserId=user_id, FaceIds=batch,
                       ClientRequestToken=_token("DisassociateFaces", user_id, generation, *batch))
            if record is not None:
                book.put(user_id, record.with_faces(tuple(f for f in record.faces if f not in batch), full=False))

    def _delete_users(self, face_ids: Sequence[str]) -> None:
        """Before DeleteFaces: delete the users these FaceIds found (DeleteUser disassociates their faces)
        and take the other faces out of the users that hold them. Recorded at once."""
        book = self.users()
        users = book.users()
        if not users:
            return
        wanted = set(face_ids)
        for user_id in [f for f in dict.fromkeys(face_ids) if f in users]:
            self._call("DeleteUser", None, tolerate=("ResourceNotFoundException",),
                       CollectionId=self.collection_id, UserId=user_id,
                       ClientRequestToken=_token("DeleteUser", user_id))
            # Only once the user is gone (or was): a failed DeleteUser leaves the record, so forgetting again
            # deletes the user again before DeleteFaces, which refuses a face a user still holds.
            book.drop(user_id)
            book.commit(self.library)
        held: dict[str, list[str]] = {}
        for face in wanted:
            owner = book.owner_of(face)
            if owner is not None:
                held.setdefault(owner, []).append(face)
        for user_id, faces in held.items():
            try:
                self._disassociate(user_id, faces, None)
            finally:
                book.commit(self.library)

    # -- deleting faces and the collection ------------------------------------------------------------
    def delete_faces(self, face_ids: Sequence[str]) -> FacesDeleted:
        """DeleteFaces for exactly these FaceIds, 4096 a call, each call in the ledger (counts, no ids).

        A face the collection no longer holds, or a missing collection, leaves nothing to delete: not an
        error, so forgetting again after an interruption finishes the job. The users the library made that
        these FaceIds found are deleted first, and their other faces taken out of the library's users
        (`_delete_users`); a face the service still refuses to delete (one associated with a user the
        library has no record of) is an EngineError.
        """
        wanted = list(dict.fromkeys(face_ids))
        ids = [f for f in wanted if FACE_ID.fullmatch(f)]
        deleted: list[str] = []
        not_found = [f for f in wanted if not FACE_ID.fullmatch(f)]
        try:
            self._delete_users(ids)
        except CollectionNotFound:
            return FacesDeleted((), tuple(wanted), collection_missing=True)
        for start in range(0, len(ids), MAX_DELETE_FACES):
            batch = ids[start:start + MAX_DELETE_FACES]
            try:
                response = self._call("DeleteFaces", None, CollectionId=self.collection_id, FaceIds=batch)
            except CollectionNotFound:
                return FacesDeleted(tuple(deleted), tuple(not_found), collection_missing=True)
            deleted += response.get("DeletedFaces", [])
            kept = []
            for failure in response.get("UnsuccessfulFaceDeletions", []):
                reasons = failure.get("Reasons", [])
                if "FACE_NOT_FOUND" in reasons:
                    not_found.append(failure["FaceId"])
                else:
                    kept.append(f"{failure.get('FaceId')} ({', '.join(reasons) or 'no reason given'})")
            if kept:
                raise EngineError(say(
                    "Amazon Rekognition did not delete {count} of these faces from the collection"
                    " {collection_id!r}: {faces}. A face associated with a user of the"
                    " collection is deleted only once it is disassociated (DisassociateFaces)",
                    count=len(kept), collection_id=self.collection_id, faces="; ".join(kept[:3])))
        return FacesDeleted(tuple(deleted), tuple(not_found))

    def delete_collection(self) -> bool:
        """DeleteCollection: the collection and every face in it, for every library that uses it.

        Returns False when there was no such collection (nothing to delete)."""
        try:
            self._call("DeleteCollection", None, CollectionId=self.collection_id)
        except CollectionNotFound:
            self._forget_users()  # already gone, and its users with it
            return False
        # Only now: a call that failed (access denied, throttled, the network) deleted nothing, and the
        # library's record of its users must still say what the collection holds.
        self._forget_users()
        return True

    def _forget_users(self) -> None:
        """The collection is gone, and every user with it: so is the library's record of them."""
        book = self.users()
        for user_id in book.users():
            book.drop(user_id)
        book.commit(self.library)

    def persist(self, library: Library) -> None:
        """The collection lives in AWS and every call is already in the ledger; in users mode, the record of
        the users this photo made or added faces to is written with it."""
        if self._book is not None and self._book.pending:
            self._book.persist(library)

    def discard(self) -> None:
        """A FaceId indexed for a photo that was not saved is found again by its ExternalImageId on the
        next import (the search returns it as the photo's own face); users made or fed for it are found
        again by their idempotent calls, so their unsaved record is dropped."""
        if self._book is not None:
            self._book.discard()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.close()

    # -- plumbing --------------------------------------------------------------------------------------
    def _pace(self, **_: Any) -> None:
        self.bucket.acquire()

    def _call(self, operation: str, photo_sha: str | None, *, tolerate: tuple[str, ...] = (),
              **params: Any) -> dict[str, Any]:
        """One call, paced, in the ledger. An error whose code is in `tolerate` is no failure: it is logged
        (outcome "tolerated") and the answer is {"Tolerated": <the error code>}."""
        method = getattr(self.client, xform_name(operation))
        self.calls[operation] += 1
        started = time.perf_counter()
        try:
            response: dict[str, Any] = method(**params)
        except (ClientError, BotoCoreError) as exc:
            latency = (time.perf_counter() - started) * 1000
            retries = retry_attempts(exc)
            if error_code(exc) in tolerate:
                self._log(operation, "tolerated", photo_sha, latency, f"{error_code(exc)} retries={retries}")
                return {"Tolerated": error_code(exc)}
            outcome = outcome_of(exc)
            self._log(operation, outcome, photo_sha, latency, f"{error_code(exc)} retries={retries}")
            log.warning("%s failed for photo %s: %s (%s)", operation, photo_sha, outcome, error_code(exc))
            raise translate(exc, operation, collection_id=self.collection_id, region=self.region,
                            rate_limit=self.rate_limit) from exc
        latency = (time.perf_counter() - started) * 1000
        retries = int(response.get("ResponseMetadata", {}).get("RetryAttempts", 0))
        outcome, detail = call_summary(operation, response)
        self._log(operation, outcome, photo_sha, latency, f"{detail} retries={retries}")
        return response

    def _log(self, operation: str, outcome: str, photo_sha: str | None, latency_ms: float, detail: str) -> None:
        log.debug("%s %s photo=%s %.0f ms %s", operation, outcome, photo_sha, latency_ms, detail)
        if self.library is not None:
            self.library.log_call(ENGINE_NAME, operation, outcome, photo_sha=photo_sha,
                                  latency_ms=round(latency_ms, 1), detail=detail)

    def _record_floor(self, floor: float) -> None:
        """Remember the highest floor any search used: regrouping from stored candidates is exact above it."""
        if self._floor_recorded or self.library is None:
            return
        current = self.library.get_meta(FLOOR_META)
        if current is None or float(current) < floor:
            self.library.set_meta(FLOOR_META, f"{floor:g}")
        self._floor_recorded = True

    def _save_face_thumbnail(self, image: Image.Image, box: tuple[int, int, int, int], sha: str,
                             original: tuple[int, int, int, int]) -> None:
        """The local workers pre-write face tiles; with remote detection the faces are known only here."""
        if self.library is None:
            return
        from ..imaging.thumbnails import (
            FACE_THUMB,
            cache_dir_for,
            face_thumb_path,
            face_thumbnail_image,
            save_thumbnail,
        )

        path = face_thumb_path(cache_dir_for(self.library.dir), sha, original)
        if not path.exists():
            with contextlib.suppress(OSError):
                save_thumbnail(face_thumbnail_image(image, box), path, FACE_THUMB)


def candidate_floor(library: Library) -> float:
    """The lowest threshold a cloud library can be regrouped at from its stored candidates alone."""
    return float(library.get_meta(FLOOR_META) or CANDIDATE_FLOOR)


def _token(operation: str, *parts: str) -> str:
    """A ClientRequestToken ([a-zA-Z0-9-_]{1,64}) that is the same for the same request, so a call repeated
    after an interruption is answered as the first one was."""
    return hashlib.sha256("|".join((operation, *parts)).encode()).hexdigest()[:64]
