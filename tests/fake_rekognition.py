"""An in-memory Amazon Rekognition for tests, answering botocore's `before-send` event.

The app's real boto3 client signs and serialises each request; this fake reads the JSON body, keeps
collections of faces, and answers with JSON shaped like the service model (or the service's error
JSON with the modelled HTTP status), so botocore's real parser, error mapping and `standard` retries all
run. moto does not implement Rekognition collections, so the tests run under `moto.mock_aws` (STS, and a
guarantee that nothing reaches AWS) with AWS_ENDPOINT_URL_REKOGNITION pointing at a `.invalid` host that
only this fake answers.

Similarity is real: the fake finds the largest face in the received bytes with dlib and compares ResNet
descriptors through the local engine's calibration (distance -> 0-100), like Rekognition compares its own.
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
    _descriptors: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _last: tuple[Any, AWSResponse] | None = None

    # -- test controls ---------------------------------------------------------------------------------
    def create(self, collection_id: str = "beetroot-faces") -> FakeRekognition:
        self.collections.setdefault(collection_id, {})
        return self

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
        return {"StatusCode": 200, "CollectionArn": f"aws:rekognition:us-east-1:123456789012:collection/{cid}",
                "FaceModelVersion": MODEL_VERSION}

    def op_DescribeCollection(self, params: dict[str, Any]) -> dict[str, Any]:
        faces = self._collection(params)
        return {"FaceCount": len(faces), "FaceModelVersion": MODEL_VERSION,
                "CollectionARN": f"arn:aws:rekognition:us-east-1:123456789012:collection/{params['CollectionId']}",
                "CreationTimestamp": 1_700_000_000.0, "UserCount": 0}

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
        deleted, missing = [], []
        for face_id in dict.fromkeys(face_ids):
            if faces.pop(face_id, None) is not None:
                deleted.append(face_id)
            else:
                missing.append({"FaceId": face_id, "Reasons": ["FACE_NOT_FOUND"]})
        return {"DeletedFaces": deleted, "UnsuccessfulFaceDeletions": missing}

    def op_DeleteCollection(self, params: dict[str, Any]) -> dict[str, Any]:
        self._collection(params)
        del self.collections[params["CollectionId"]]
        return {"StatusCode": 200}

    def op_ListFaces(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"Faces": [_face_json(f) for f in self._collection(params).values()],
                "FaceModelVersion": MODEL_VERSION}

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
