"""An in-memory Amazon Rekognition for tests, answering botocore's `before-send` event.

The app's real boto3 client signs and serialises each request; this fake reads the JSON body, keeps
collections of faces, and answers with JSON shaped like the service model (or the service's error
JSON with the modelled HTTP status), so botocore's real parser, error mapping and `standard` retries all
run. moto does not implement Rekognition collections, so the tests run under `moto.mock_aws` (STS, and a
guarantee that nothing reaches AWS) with AWS_ENDPOINT_URL_REKOGNITION pointing at a `.invalid` host that
only this fake answers.

Similarity is real: the fake finds the largest face in the received bytes with dlib and compares ResNet
descriptors through the local engine's calibration (distance -> 0-100), like Rekognition compares its own.

Users (CreateUser, AssociateFaces, SearchUsersByImage, ...) keep the service's limits: a UserId matches
1 to 128 of [a-zA-Z0-9_.:-], a user holds at most 100 faces (ServiceQuotaExceededException beyond),
AssociateFaces and DisassociateFaces take 1 to 100 FaceIds, a face belongs to one user at most, and
ClientRequestToken makes a request idempotent. A user's vector is the mean of its faces' descriptors.
`max_users` sets the collection's user quota.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import threading
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import botocore.session
import numpy as np
from botocore.awsrequest import AWSResponse
from botocore.exceptions import EndpointConnectionError
from PIL import Image

from beetroot_desktop.engines.calibration import similarity

FAKE_ENDPOINT = "https://rekognition.fake.invalid"
MODEL_VERSION = "7.0"
MAX_BYTES = 5 * 1024 * 1024
MAX_DELETE_FACES = 4096  # DeleteFaces: FaceIds holds 1 to 4096 ids
MAX_USER_FACES = 100  # faces per user, and FaceIds per AssociateFaces / DisassociateFaces call
USER_ID = re.compile(r"[a-zA-Z0-9_.\-:]{1,128}")
TOKEN = re.compile(r"[a-zA-Z0-9-_]{1,64}")
FACE_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class _Raw:
    """What AWSResponse reads the body from."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def stream(self, **_: Any):
        yield self.body

    def read(self, *_: Any) -> bytes:
        return self.body


class ServiceError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class StoredFace:
    face_id: str
    image_id: str
    external_image_id: str | None
    descriptor: np.ndarray
    box: dict[str, float]


@dataclass
class StoredUser:
    user_id: str
    faces: list[str] = field(default_factory=list)  # FaceIds, in the order they were associated


@dataclass
class Request:
    operation: str
    params: dict[str, Any]
    access_key_id: str | None


@dataclass
class FakeRekognition:
    collections: dict[str, dict[str, StoredFace]] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # operation -> codes to answer
    denied: set[str] = field(default_factory=set)  # operations the caller's IAM policy lacks
    network_down: bool = False
    cut_after: tuple[str, int] | None = None  # (operation, n): the network drops after the n-th success of it
    successes: Counter[str] = field(default_factory=Counter)
    index_calls: Counter[str] = field(default_factory=Counter)  # ExternalImageId -> IndexFaces calls
    users: dict[str, dict[str, StoredUser]] = field(default_factory=dict)  # collection -> UserId -> user
    max_users: int | None = None  # the collection's user quota (CreateUser beyond: ServiceQuotaExceeded)
    tokens: dict[tuple[str, str], tuple[str, Any]] = field(default_factory=dict)  # (op, token) -> (params, answer)
    _descriptors: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _last: tuple[Any, AWSResponse] | None = None

    # -- test controls ---------------------------------------------------------------------------------
    def create(self, collection_id: str = "beetroot-faces") -> FakeRekognition:
        self.collections.setdefault(collection_id, {})
        self.users.setdefault(collection_id, {})
        return self

    def user_faces(self, user_id: str, collection_id: str = "beetroot-faces") -> list[str]:
        user = self.users.get(collection_id, {}).get(user_id)
        return list(user.faces) if user is not None else []

    def fail_next(self, operation: str, code: str, times: int = 1) -> None:
        self.errors[operation].extend([code] * times)

    def calls(self, operation: str | None = None) -> int:
        return sum(1 for r in self.requests if operation is None or r.operation == operation)

    def faces(self, collection_id: str = "beetroot-faces") -> list[StoredFace]:
        return list(self.collections.get(collection_id, {}).values())

    # -- the botocore hook -----------------------------------------------------------------------------
    def attach(self, client: Any) -> None:
        """Answer one client's requests (a client built by the test itself)."""
        client.meta.events.register("before-send.rekognition", self)

    def __call__(self, request: Any, **_: Any) -> AWSResponse:
        # Registered both globally and on one client, the fake is asked twice for one request: answer once.
        if self._last is not None and self._last[0] is request:
            return self._last[1]
        response = self._answer(request)
        self._last = (request, response)
        return response

    def _answer(self, request: Any) -> AWSResponse:
        target = request.headers.get("X-Amz-Target", b"")
        target = target.decode() if isinstance(target, bytes) else target
        operation = target.rsplit(".", 1)[-1]
        body = request.body or b"{}"
        params = json.loads(body.decode() if isinstance(body, bytes) else body)
        self.requests.append(Request(operation, params, _access_key_id(request)))
        if self.network_down:
            raise EndpointConnectionError(endpoint_url=request.url)
        try:
            if self.errors.get(operation):
                code = self.errors[operation].pop(0)
                raise ServiceError(code, f"{code} (injected by the test)")
            if operation in self.denied:
                raise ServiceError(
                    "AccessDeniedException",
                    f"User: arn:aws:iam::123456789012:user/test is not authorized to perform: rekognition:{operation}")
            handler = getattr(self, f"op_{operation}", None)
            if handler is None:
                raise ServiceError("InvalidParameterException", f"{operation} is not served by the fake")
            with self._lock:
                result = handler(params)
        except ServiceError as err:
            return _error_response(request.url, err)
        self.successes[operation] += 1
        if self.cut_after and self.cut_after == (operation, self.successes[operation]):
            self.network_down = True  # this answer is lost on the way back, like a dropped connection
            raise EndpointConnectionError(endpoint_url=request.url)
        return AWSResponse(request.url, 200, {"content-type": "application/x-amz-json-1.1",
                                              "x-amzn-requestid": str(uuid.uuid4())},
                           _Raw(json.dumps(result).encode()))

    # -- operations ------------------------------------------------------------------------------------
    def _collection(self, params: dict[str, Any]) -> dict[str, StoredFace]:
        cid = params["CollectionId"]
        if cid not in self.collections:
            raise ServiceError("ResourceNotFoundException", f"The collection id: {cid} does not exist")
        return self.collections[cid]

    def op_CreateCollection(self, params: dict[str, Any]) -> dict[str, Any]:
        cid = params["CollectionId"]
        if cid in self.collections:
            raise ServiceError("ResourceAlreadyExistsException", f"The collection id: {cid} already exists")
        self.collections[cid] = {}
        self.users[cid] = {}
        return {"StatusCode": 200, "CollectionArn": f"aws:rekognition:us-east-1:123456789012:collection/{cid}",
                "FaceModelVersion": MODEL_VERSION}

    def op_DescribeCollection(self, params: dict[str, Any]) -> dict[str, Any]:
        faces = self._collection(params)
        return {"FaceCount": len(faces), "FaceModelVersion": MODEL_VERSION,
                "CollectionARN": f"arn:aws:rekognition:us-east-1:123456789012:collection/{params['CollectionId']}",
                "CreationTimestamp": 1_700_000_000.0, "UserCount": len(self._users(params))}

    def op_DetectFaces(self, params: dict[str, Any]) -> dict[str, Any]:
        image = _image(params)
        return {"FaceDetails": [{"BoundingBox": box, "Confidence": 99.9} for box, _ in _faces(image)]}

    def op_SearchFacesByImage(self, params: dict[str, Any]) -> dict[str, Any]:
        faces = self._collection(params)
        found = self._largest(params)
        if found is None:
            raise ServiceError("InvalidParameterException", "There are no faces in the image. Should be at least 1.")
        box, vec = found
        threshold = float(params.get("FaceMatchThreshold", 80.0))
        scored = []
        for face in faces.values():
            sim = float(similarity(float(np.linalg.norm(face.descriptor - vec))))
            if sim >= threshold:
                scored.append((sim, face))
        scored.sort(key=lambda s: -s[0])
        matches = [{"Similarity": round(sim, 5), "Face": _face_json(face)}
                   for sim, face in scored[: int(params.get("MaxFaces", 4096))]]
        return {"SearchedFaceBoundingBox": box, "SearchedFaceConfidence": 99.9, "FaceMatches": matches,
                "FaceModelVersion": MODEL_VERSION}

    def op_IndexFaces(self, params: dict[str, Any]) -> dict[str, Any]:
        faces = self._collection(params)
        ext = params.get("ExternalImageId")
        if ext is not None:
            self.index_calls[ext] += 1
            # With an ExternalImageId, indexing the same image again returns the FaceId it already has.
            for face in faces.values():
                if face.external_image_id == ext:
                    return {"FaceRecords": [{"Face": _face_json(face), "FaceDetail": {"BoundingBox": face.box}}],
                            "UnindexedFaces": [], "FaceModelVersion": MODEL_VERSION}
        found = self._largest(params)
        if found is None:
            return {"FaceRecords": [], "UnindexedFaces": [], "FaceModelVersion": MODEL_VERSION}
        box, vec = found
        if box["Width"] * _image(params).width < 20:
            return {"FaceRecords": [], "FaceModelVersion": MODEL_VERSION,
                    "UnindexedFaces": [{"Reasons": ["SMALL_BOUNDING_BOX"], "FaceDetail": {"BoundingBox": box}}]}
        face = StoredFace(str(uuid.uuid4()), str(uuid.uuid4()), ext, vec, box)
        faces[face.face_id] = face
        return {"FaceRecords": [{"Face": _face_json(face), "FaceDetail": {"BoundingBox": box, "Confidence": 99.9}}],
                "UnindexedFaces": [], "FaceModelVersion": MODEL_VERSION}

    def op_DeleteFaces(self, params: dict[str, Any]) -> dict[str, Any]:
        # The service checks the request's constraints before the collection (a ValidationException).
        face_ids = params.get("FaceIds") or []
        if not 1 <= len(face_ids) <= MAX_DELETE_FACES:
            raise ServiceError("ValidationException", "1 validation error detected: Value at 'faceIds' failed to"
                               f" satisfy constraint: Member must have length between 1 and {MAX_DELETE_FACES}")
        bad = [f for f in face_ids if not FACE_ID.fullmatch(f)]
        if bad:
            raise ServiceError("ValidationException", f"1 validation error detected: Value '{bad[0]}' at 'faceIds'"
                               " failed to satisfy constraint: Member must satisfy regular expression pattern")
        faces = self._collection(params)
        owners = self._owners(params)
        deleted, missing = [], []
        for face_id in dict.fromkeys(face_ids):
            if face_id in owners:  # the service keeps a face a user holds until it is disassociated
                missing.append({"FaceId": face_id, "UserId": owners[face_id],
                                "Reasons": ["ASSOCIATED_TO_AN_EXISTING_USER"]})
            elif faces.pop(face_id, None) is not None:
                deleted.append(face_id)
            else:
                missing.append({"FaceId": face_id, "Reasons": ["FACE_NOT_FOUND"]})
        return {"DeletedFaces": deleted, "UnsuccessfulFaceDeletions": missing}

    def op_DeleteCollection(self, params: dict[str, Any]) -> dict[str, Any]:
        self._collection(params)
        del self.collections[params["CollectionId"]]
        self.users.pop(params["CollectionId"], None)
        # What the service remembers of its ClientRequestTokens goes with the collection they changed.
        self.tokens = {k: v for k, v in self.tokens.items()
                       if json.loads(v[0]).get("CollectionId") != params["CollectionId"]}
        return {"StatusCode": 200}

    def op_ListFaces(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"Faces": [_face_json(f) for f in self._collection(params).values()],
                "FaceModelVersion": MODEL_VERSION}

    # -- users -----------------------------------------------------------------------------------------
    def _users(self, params: dict[str, Any]) -> dict[str, StoredUser]:
        self._collection(params)
        return self.users.setdefault(params["CollectionId"], {})

    def _owners(self, params: dict[str, Any]) -> dict[str, str]:
        return {f: u.user_id for u in self.users.get(params["CollectionId"], {}).values() for f in u.faces}

    def _user(self, params: dict[str, Any]) -> StoredUser:
        user_id = _user_id(params)
        user = self._users(params).get(user_id)
        if user is None:
            raise ServiceError("ResourceNotFoundException", f"The user id: {user_id} does not exist")
        return user

    def _vector(self, params: dict[str, Any], user: StoredUser) -> np.ndarray | None:
        faces = self.collections[params["CollectionId"]]
        vectors = [faces[f].descriptor for f in user.faces if f in faces]
        return np.mean(np.stack(vectors), axis=0) if vectors else None

    def _idempotent(self, operation: str, params: dict[str, Any]) -> dict[str, Any] | None:
        """The answer already given to this ClientRequestToken, or None; a token reused with other parameters
        is an IdempotentParameterMismatchException."""
        token = params.get("ClientRequestToken")
        if token is None:
            return None
        if not TOKEN.fullmatch(token):
            raise ServiceError("ValidationException", "1 validation error detected: Value at 'clientRequestToken'"
                               " failed to satisfy constraint: Member must satisfy regular expression pattern")
        key = (operation, token)
        if key not in self.tokens:
            return None
        seen, answer = self.tokens[key]
        if seen != json.dumps(params, sort_keys=True):
            raise ServiceError("IdempotentParameterMismatchException",
                               "ClientRequestToken was used with different parameters")
        return dict(answer)

    def _remember(self, operation: str, params: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
        token = params.get("ClientRequestToken")
        if token is not None:
            self.tokens[(operation, token)] = (json.dumps(params, sort_keys=True), dict(answer))
        return answer

    def _score_users(self, params: dict[str, Any], vec: np.ndarray, threshold: float,
                     skip: str | None = None) -> list[dict[str, Any]]:
        scored = []
        for user in self._users(params).values():
            center = self._vector(params, user)
            if center is None or user.user_id == skip:
                continue  # a user without faces has no vector yet: searches do not return it
            sim = float(similarity(float(np.linalg.norm(center - vec))))
            if sim >= threshold:
                scored.append((sim, user))
        scored.sort(key=lambda s: -s[0])
        limit = int(params.get("MaxUsers", 500))
        return [{"Similarity": round(sim, 5), "User": {"UserId": user.user_id, "UserStatus": "ACTIVE"}}
                for sim, user in scored[:limit]]

    def op_CreateUser(self, params: dict[str, Any]) -> dict[str, Any]:
        user_id = _user_id(params)
        users = self._users(params)
        again = self._idempotent("CreateUser", params)
        if again is not None:
            return again
        if user_id in users:
            raise ServiceError("ConflictException", f"A user with the id {user_id} already exists")
        if self.max_users is not None and len(users) >= self.max_users:
            raise ServiceError("ServiceQuotaExceededException",
                               f"The collection holds the most users it may ({self.max_users})")
        users[user_id] = StoredUser(user_id)
        return self._remember("CreateUser", params, {})

    def op_DeleteUser(self, params: dict[str, Any]) -> dict[str, Any]:
        again = self._idempotent("DeleteUser", params)
        if again is not None:
            return again
        user = self._user(params)
        del self.users[params["CollectionId"]][user.user_id]  # its faces stay, associated with no one
        return self._remember("DeleteUser", params, {})

    def op_AssociateFaces(self, params: dict[str, Any]) -> dict[str, Any]:
        face_ids = _face_ids(params)
        again = self._idempotent("AssociateFaces", params)
        if again is not None:
            return again
        user = self._user(params)
        faces = self.collections[params["CollectionId"]]
        owners = self._owners(params)
        threshold = float(params.get("UserMatchThreshold", 75.0))
        center = self._vector(params, user)
        done, failed = [], []
        for face_id in dict.fromkeys(face_ids):
            owner = owners.get(face_id)
            if owner == user.user_id:
                continue  # already this user's: ignored, and not listed
            if face_id not in faces:
                failed.append({"FaceId": face_id, "UserId": user.user_id, "Reasons": ["FACE_NOT_FOUND"]})
            elif owner is not None:
                failed.append({"FaceId": face_id, "UserId": owner, "Reasons": ["ASSOCIATED_TO_A_DIFFERENT_USER"]})
            else:
                sim = 100.0 if center is None else float(
                    similarity(float(np.linalg.norm(center - faces[face_id].descriptor))))
                if sim < threshold:
                    failed.append({"FaceId": face_id, "UserId": user.user_id, "Confidence": round(sim, 5),
                                   "Reasons": ["LOW_MATCH_CONFIDENCE"]})
                else:
                    done.append(face_id)
        if len(user.faces) + len(done) > MAX_USER_FACES:
            raise ServiceQuotaExceeded(user.user_id)
        user.faces.extend(done)
        answer = {"AssociatedFaces": [{"FaceId": f} for f in done], "UnsuccessfulFaceAssociations": failed,
                  "UserStatus": "ACTIVE"}
        return self._remember("AssociateFaces", params, answer)

    def op_DisassociateFaces(self, params: dict[str, Any]) -> dict[str, Any]:
        face_ids = _face_ids(params)
        again = self._idempotent("DisassociateFaces", params)
        if again is not None:
            return again
        user = self._user(params)
        faces = self.collections[params["CollectionId"]]
        owners = self._owners(params)
        done, failed = [], []
        for face_id in dict.fromkeys(face_ids):
            owner = owners.get(face_id)
            if face_id not in faces:
                failed.append({"FaceId": face_id, "UserId": user.user_id, "Reasons": ["FACE_NOT_FOUND"]})
            elif owner is not None and owner != user.user_id:
                failed.append({"FaceId": face_id, "UserId": owner, "Reasons": ["ASSOCIATED_TO_A_DIFFERENT_USER"]})
            elif owner == user.user_id:
                user.faces.remove(face_id)
                done.append({"FaceId": face_id})
        answer = {"DisassociatedFaces": done, "UnsuccessfulFaceDisassociations": failed,
                  "UserStatus": "ACTIVE" if user.faces else "CREATED"}
        return self._remember("DisassociateFaces", params, answer)

    def op_ListUsers(self, params: dict[str, Any]) -> dict[str, Any]:
        users = list(self._users(params).values())
        start = int(params.get("NextToken") or 0)
        size = int(params.get("MaxResults", 500))
        page = users[start:start + size]
        answer: dict[str, Any] = {"Users": [{"UserId": u.user_id, "UserStatus": "ACTIVE" if u.faces else "CREATED"}
                                            for u in page]}
        if start + size < len(users):
            answer["NextToken"] = str(start + size)
        return answer

    def op_SearchUsers(self, params: dict[str, Any]) -> dict[str, Any]:
        threshold = float(params.get("UserMatchThreshold", 80.0))
        if bool(params.get("UserId")) == bool(params.get("FaceId")):
            raise ServiceError("InvalidParameterException", "Give exactly one of UserId and FaceId")
        if params.get("UserId"):
            user = self._user(params)
            center = self._vector(params, user)
            if center is None:
                raise ServiceError("InvalidParameterException", f"The user {user.user_id} has no faces")
            return {"UserMatches": self._score_users(params, center, threshold, skip=user.user_id),
                    "FaceModelVersion": MODEL_VERSION, "SearchedUser": {"UserId": user.user_id}}
        face = self._collection(params).get(params["FaceId"])
        if face is None:
            raise ServiceError("ResourceNotFoundException", f"The face id: {params['FaceId']} does not exist")
        return {"UserMatches": self._score_users(params, face.descriptor, threshold),
                "FaceModelVersion": MODEL_VERSION, "SearchedFace": {"FaceId": face.face_id}}

    def op_SearchUsersByImage(self, params: dict[str, Any]) -> dict[str, Any]:
        self._users(params)
        found = self._largest(params)
        if found is None:
            raise ServiceError("InvalidParameterException", "There are no faces in the image. Should be at least 1.")
        box, vec = found
        matches = self._score_users(params, vec, float(params.get("UserMatchThreshold", 80.0)))
        return {"UserMatches": matches, "FaceModelVersion": MODEL_VERSION,
                "SearchedFace": {"FaceDetail": {"BoundingBox": box, "Confidence": 99.9}}, "UnsearchedFaces": []}

    # -- "recognition" -------------------------------------------------------------------------------
    def _largest(self, params: dict[str, Any]) -> tuple[dict[str, float], np.ndarray] | None:
        """Like the service: search and index use the largest face in the image. Cached per image bytes."""
        raw = base64.b64decode(params["Image"]["Bytes"])
        key = hashlib.sha256(raw).hexdigest()
        if key not in self._descriptors:
            from beetroot_desktop.engines.dlib_models import describe_face

            image = _image(params)
            faces = _faces(image)
            if not faces:
                self._descriptors[key] = None
            else:
                ratio, pixels = max(faces, key=lambda f: f[1][2] * f[1][3])
                self._descriptors[key] = (ratio, describe_face(image, pixels))
        return self._descriptors[key]


class ServiceQuotaExceeded(ServiceError):
    def __init__(self, user_id: str) -> None:
        super().__init__("ServiceQuotaExceededException",
                         f"The user {user_id} already holds {MAX_USER_FACES} faces, the most a user may hold")


def _user_id(params: dict[str, Any]) -> str:
    user_id = params.get("UserId") or ""
    if not USER_ID.fullmatch(user_id):
        raise ServiceError("ValidationException", f"1 validation error detected: Value '{user_id}' at 'userId'"
                           " failed to satisfy constraint: Member must satisfy regular expression pattern:"
                           " [a-zA-Z0-9_.\\-:]+ and have length between 1 and 128")
    return user_id


def _face_ids(params: dict[str, Any]) -> list[str]:
    face_ids = params.get("FaceIds") or []
    if not 1 <= len(face_ids) <= MAX_USER_FACES:
        raise ServiceError("ValidationException", "1 validation error detected: Value at 'faceIds' failed to"
                           f" satisfy constraint: Member must have length between 1 and {MAX_USER_FACES}")
    bad = [f for f in face_ids if not FACE_ID.fullmatch(f)]
    if bad:
        raise ServiceError("ValidationException", f"1 validation error detected: Value '{bad[0]}' at 'faceIds'"
                           " failed to satisfy constraint: Member must satisfy regular expression pattern")
    return list(face_ids)


def _image(params: dict[str, Any]) -> Image.Image:
    image_param = params.get("Image") or {}
    if "Bytes" not in image_param:
        raise ServiceError("InvalidParameterException", "Image.Bytes is required")
    raw = base64.b64decode(image_param["Bytes"])
    if len(raw) > MAX_BYTES:
        raise ServiceError("ImageTooLargeException", "Image size is too large.")
    try:
        with Image.open(io.BytesIO(raw)) as opened:
            if opened.format not in ("JPEG", "PNG"):
                raise ServiceError("InvalidImageFormatException", "Request has invalid image format")
            image = opened.convert("RGB")
    except OSError as exc:
        raise ServiceError("InvalidImageFormatException", "Request has invalid image format") from exc
    if min(image.size) < 80:
        raise ServiceError("InvalidParameterException", "Requested image should have minimum dimensions of 80x80")
    return image


def _faces(image: Image.Image) -> list[tuple[dict[str, float], tuple[int, int, int, int]]]:
    from beetroot_desktop.engines.dlib_models import detect_faces

    out = []
    for (left, top, w, h), _score in detect_faces(image):
        ratio = {"Width": w / image.width, "Height": h / image.height,
                 "Left": left / image.width, "Top": top / image.height}
        out.append((ratio, (left, top, w, h)))
    return out


def _face_json(face: StoredFace) -> dict[str, Any]:
    data: dict[str, Any] = {"FaceId": face.face_id, "BoundingBox": face.box, "ImageId": face.image_id,
                            "Confidence": 99.9, "IndexFacesModelVersion": MODEL_VERSION}
    if face.external_image_id is not None:
        data["ExternalImageId"] = face.external_image_id
    return data


_STATUS: dict[str, int] = {}


def _status_for(code: str) -> int:
    """The HTTP status the service model gives this error (400 when it is not modelled)."""
    if not _STATUS:
        model = botocore.session.get_session().get_service_model("rekognition")
        for shape_name in model.shape_names:
            shape = model.shape_for(shape_name)
            error = shape.metadata.get("error") if shape.metadata else None
            if shape.metadata.get("exception"):
                _STATUS[shape_name] = int((error or {}).get("httpStatusCode", 400))
    return _STATUS.get(code, 400)


def _error_response(url: str, err: ServiceError) -> AWSResponse:
    body = json.dumps({"__type": f"com.amazonaws.rekognition#{err.code}", "Message": err.message}).encode()
    return AWSResponse(url, _status_for(err.code), {"content-type": "application/x-amz-json-1.1",
                                                    "x-amzn-requestid": str(uuid.uuid4()),
                                                    "x-amzn-ErrorType": err.code}, _Raw(body))


def _access_key_id(request: Any) -> str | None:
    auth = request.headers.get("Authorization", b"")
    auth = auth.decode() if isinstance(auth, bytes) else auth
    if "Credential=" not in auth:
        return None
    return auth.split("Credential=", 1)[1].split("/", 1)[0]
