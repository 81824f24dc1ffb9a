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

Forgetting a person deletes exactly their FaceIds (`DeleteFaces`, up to 4096 a call); `DeleteCollection`
removes the whole collection (pipeline/forget.py).

Every call is paced by a token bucket, retried by botocore's `standard` mode, and written to the library's
call ledger (operation, photo, outcome, latency) so `beetroot costs` can show what was spent.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore import xform_name
from botocore.exceptions import BotoCoreError, ClientError
from PIL import Image, UnidentifiedImageError

from ..config import COLLECTION_ID_RE, collection_id_problem
from ..imaging.crops import MIN_CROP_SIDE, clamp_box, crop_face, encode_jpeg
from .aws_errors import CREATE_HINT, CollectionNotFound, error_code, outcome_of, translate
from .aws_session import make_client, make_session, resolve_region
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

if TYPE_CHECKING:
    from ..config import Settings
    from ..library import Library

log = logging.getLogger("beetroot.rekognition")

ENGINE_NAME = "rekognition"
CANDIDATE_FLOOR = 80.0  # Rekognition's own default FaceMatchThreshold; candidates above it are kept
MAX_CANDIDATES = 16  # the same price as 1; enough to step past faces that found no one any more
MAX_IMAGE_BYTES = 5 * 1024 * 1024  # Image.Bytes limit
MIN_IMAGE_SIDE = MIN_CROP_SIDE  # 80 px
EXTERNAL_IMAGE_ID = re.compile(r"[a-zA-Z0-9_.\-:]{1,255}")
COLLECTION_ID = COLLECTION_ID_RE  # one pattern, in config.py, for the CLI, the settings dialog and the engine
FLOOR_META = "rekognition_candidate_floor"
MAX_DELETE_FACES = 4096  # DeleteFaces takes 1 to 4096 FaceIds a call
FACE_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")  # the service's FaceId pattern


@dataclass(frozen=True)
class FacesDeleted:
    """What DeleteFaces did: the faces it deleted, and those the collection no longer held."""

    deleted: tuple[str, ...] = ()
    not_found: tuple[str, ...] = ()  # already gone (or never a FaceId of this service): nothing left to delete
    collection_missing: bool = False  # the collection itself is gone, and every face with it


def check_collection_id(collection_id: str | None) -> str:
    """The id, stripped; EngineConfigError (saying how to set one) when it is missing or not valid."""
    value = (collection_id or "").strip()
    problem = collection_id_problem(value, required=True)
    if problem:
        raise EngineConfigError(problem)
    return value


def image_problem(data: bytes, what: str) -> str | None:
    """Why Rekognition would refuse these bytes (size, format, 80 px minimum), or None.

    botocore only checks types, so the service's limits are checked here before paying for a call.
    """
    if len(data) > MAX_IMAGE_BYTES:
        return f"the {what} is {len(data) / 2**20:.1f} MiB, over Rekognition's 5 MiB limit"
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt, size = image.format, image.size
    except (UnidentifiedImageError, OSError):
        return f"the {what} is not a readable image"
    if fmt not in ("JPEG", "PNG"):
        return f"the {what} is {fmt}, Rekognition takes JPEG or PNG"
    if min(size) < MIN_IMAGE_SIDE:
        return f"the {what} is {size[0]}x{size[1]} px, under Rekognition's {MIN_IMAGE_SIDE} px minimum"
    return None


def ratio_box(box: dict[str, float], width: int, height: int) -> tuple[int, int, int, int]:
    """A Rekognition BoundingBox (ratios of the upright image, may reach past its edges) in clamped pixels."""
    left, top = box.get("Left", 0.0) * width, box.get("Top", 0.0) * height
    w, h = box.get("Width", 0.0) * width, box.get("Height", 0.0) * height
    return clamp_box((round(left), round(top), round(w), round(h)), width, height)


class RekognitionEngine:
    """One boto3 Rekognition client, one collection, and the library whose ledger records every call."""

    name = ENGINE_NAME

    def __init__(self, client: Any, library: Library | None, collection_id: str, *, detector: str = "rekognition",
                 rate_limit: float = 5.0, floor: float = CANDIDATE_FLOOR, region: str | None = None) -> None:
        self.client = client
        self.library = library
        self.collection_id = check_collection_id(collection_id)
        self.detector = detector
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
                   region=region)

    # -- the FaceEngine contract -----------------------------------------------------------------------
    def search(self, crop: FaceCrop, threshold: float) -> SearchResult:
        problem = image_problem(crop.jpeg, "face crop")
        if problem:
            raise FaceUnsearchable(problem)
        floor = min(self.floor, threshold)
        self._record_floor(floor)
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
            raise EngineError(f"{external_image_id!r} is not a valid ExternalImageId ([a-zA-Z0-9_.-:], 1-255)")
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
            raise EngineError("the photo was not prepared for Rekognition (no JPEG)")
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

    # -- deleting faces and the collection ------------------------------------------------------------
    def delete_faces(self, face_ids: Sequence[str]) -> FacesDeleted:
        """DeleteFaces for exactly these FaceIds, 4096 a call, each call in the ledger (counts, no ids).

        A face the collection no longer holds, or a missing collection, leaves nothing to delete: not an
        error, so forgetting again after an interruption finishes the job. A face the service refuses to
        delete (one associated with a user of the collection, which Beetroot never makes) is an EngineError.
        """
        wanted = list(dict.fromkeys(face_ids))
        ids = [f for f in wanted if FACE_ID.fullmatch(f)]
        deleted: list[str] = []
        not_found = [f for f in wanted if not FACE_ID.fullmatch(f)]
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
                raise EngineError(
                    f"Amazon Rekognition did not delete {len(kept)} of these faces from the collection"
                    f" {self.collection_id!r}: {'; '.join(kept[:3])}. A face associated with a user of the"
                    " collection is deleted only once it is disassociated (DisassociateFaces)")
        return FacesDeleted(tuple(deleted), tuple(not_found))

    def delete_collection(self) -> bool:
        """DeleteCollection: the collection and every face in it, for every library that uses it.

        Returns False when there was no such collection (nothing to delete)."""
        try:
            self._call("DeleteCollection", None, CollectionId=self.collection_id)
        except CollectionNotFound:
            return False
        return True

    def persist(self, library: Library) -> None:
        """Nothing to write: the collection lives in AWS and every call is already in the ledger."""

    def discard(self) -> None:
        """Nothing to forget: a FaceId indexed for a photo that was not saved is found again by its
        ExternalImageId on the next import (the search returns it as the photo's own face)."""

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.close()

    # -- plumbing --------------------------------------------------------------------------------------
    def _pace(self, **_: Any) -> None:
        self.bucket.acquire()

    def _call(self, operation: str, photo_sha: str | None, **params: Any) -> dict[str, Any]:
        method = getattr(self.client, xform_name(operation))
        self.calls[operation] += 1
        started = time.perf_counter()
        try:
            response: dict[str, Any] = method(**params)
        except (ClientError, BotoCoreError) as exc:
            latency = (time.perf_counter() - started) * 1000
            outcome = outcome_of(exc)
            retries = _retries(exc)
            self._log(operation, outcome, photo_sha, latency, f"{error_code(exc)} retries={retries}")
            log.warning("%s failed for photo %s: %s (%s)", operation, photo_sha, outcome, error_code(exc))
            raise translate(exc, operation, collection_id=self.collection_id, region=self.region,
                            rate_limit=self.rate_limit) from exc
        latency = (time.perf_counter() - started) * 1000
        retries = int(response.get("ResponseMetadata", {}).get("RetryAttempts", 0))
        outcome, detail = _summary(operation, response)
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


def _retries(exc: BaseException) -> int:
    if isinstance(exc, ClientError):
        return int(exc.response.get("ResponseMetadata", {}).get("RetryAttempts", 0))
    return 0


def _summary(operation: str, response: dict[str, Any]) -> tuple[str, str]:
    if operation == "SearchFacesByImage":
        matches = response.get("FaceMatches", [])
        best = max((m.get("Similarity", 0.0) for m in matches), default=None)
        return "ok", f"candidates={len(matches)}" + (f" best={best:.2f}" if best is not None else "")
    if operation == "IndexFaces":
        records = response.get("FaceRecords", [])
        if not records:
            reasons = sorted({r for f in response.get("UnindexedFaces", []) for r in f.get("Reasons", [])})
            return "unindexed", "reasons=" + ",".join(reasons)
        return "ok", f"face_id={records[0]['Face']['FaceId']}"
    if operation == "DetectFaces":
        return "ok", f"faces={len(response.get('FaceDetails', []))}"
    if operation == "DeleteFaces":  # counts only: the ledger must not keep the FaceIds of a forgotten person
        return "ok", (f"deleted={len(response.get('DeletedFaces', []))}"
                      f" unsuccessful={len(response.get('UnsuccessfulFaceDeletions', []))}")
    if operation == "DeleteCollection":
        return "ok", f"status={response.get('StatusCode')}"
    return "ok", ""


# -- "Test connection" ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str  # words for the user: what works, or what is wrong and how to fix it
    account: str | None = None
    region: str | None = None
    face_count: int | None = None
    created: bool = False
    can_create: bool = False  # the collection is missing and creating it may fix things


def check_connection(settings: Settings, create_collection: bool = False, *,
                     session: Any = None) -> ConnectionCheck:
    """GetCallerIdentity + DescribeCollection (+ CreateCollection when asked and missing). Never raises.

    `session`: a boto3 session to test instead of the one the saved settings make (the Settings dialog
    passes one with a key typed and not saved yet, so the keyring is written only on Save).
    """
    try:
        return _check_connection(settings, create_collection, session)
    except Exception as exc:  # a promise to the dialog: whatever went wrong is a message
        return ConnectionCheck(False, f"The connection test failed: {type(exc).__name__}: {exc}")


def _check_connection(settings: Settings, create_collection: bool, session: Any) -> ConnectionCheck:
    try:
        collection_id = check_collection_id(settings.collection_id)
        session = session if session is not None else make_session(settings)
        region = resolve_region(settings, session)
    except EngineConfigError as exc:
        return ConnectionCheck(False, str(exc))
    try:
        sts = make_client(session, "sts", region)
        identity = sts.get_caller_identity()
    except EngineConfigError as exc:
        return ConnectionCheck(False, str(exc), region=region)
    except (ClientError, BotoCoreError) as exc:
        mapped = translate(exc, "GetCallerIdentity", collection_id=collection_id, region=region, service="sts")
        return ConnectionCheck(False, str(mapped), region=region)
    account = str(identity.get("Arn") or identity.get("Account"))
    try:
        rek = make_client(session, "rekognition", region)
    except (EngineConfigError, BotoCoreError, ValueError) as exc:
        with contextlib.suppress(Exception):
            sts.close()
        return ConnectionCheck(False, f"Signed in as {account}, but the Rekognition client could not be made: {exc}",
                               account, region)
    try:
        try:
            described = rek.describe_collection(CollectionId=collection_id)
        except (ClientError, BotoCoreError) as exc:
            mapped = translate(exc, "DescribeCollection", collection_id=collection_id, region=region)
            if not isinstance(mapped, CollectionNotFound):
                return ConnectionCheck(False, f"Signed in as {account}, but {mapped}", account, region)
            if not create_collection:
                return ConnectionCheck(
                    False, f"Signed in as {account}. The collection {collection_id!r} does not exist in {region}:"
                    f" check the collection id and the region, or create it with {CREATE_HINT}.",
                    account, region, can_create=True)
            try:
                rek.create_collection(CollectionId=collection_id)
            except (ClientError, BotoCoreError) as create_exc:
                mapped = translate(create_exc, "CreateCollection", collection_id=collection_id, region=region)
                return ConnectionCheck(False, f"Signed in as {account}, but creating the collection failed: {mapped}",
                                       account, region, can_create=True)
            return ConnectionCheck(True, f"Signed in as {account}. Created the collection {collection_id!r} in"
                                   f" {region}; it is empty and ready.", account, region, 0, created=True)
    finally:
        with contextlib.suppress(Exception):
            rek.close()
            sts.close()
    faces = int(described.get("FaceCount", 0))
    return ConnectionCheck(True, f"Signed in as {account}. Collection {collection_id!r} in {region} holds"
                           f" {faces} faces.", account, region, faces)
