"""The Rekognition engine call by call: exact request sequences (botocore Stubber), limits, settings, errors."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from cloud_helpers import REGION, fake_aws  # noqa: F401 (fixture)
from moto import mock_aws
from PIL import Image

from beetroot_desktop.config import Settings
from beetroot_desktop.engines import EngineConfigError, EngineError, FaceCrop, FaceUnsearchable, create_engine
from beetroot_desktop.engines.aws_errors import AccessDenied, CollectionNotFound
from beetroot_desktop.engines.aws_session import client_config
from beetroot_desktop.engines.ratelimit import TokenBucket
from beetroot_desktop.engines.rekognition import RekognitionEngine
from beetroot_desktop.engines.rekognition_images import image_problem, ratio_box
from beetroot_desktop.imaging import encode_jpeg, sha256_file
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.pipeline import ingest

COLLECTION = "beetroot-faces"
MIB5 = 5 * 1024 * 1024


class JpegImage:
    """Matches image bytes Rekognition accepts: JPEG, at most 5 MiB, both sides at least `min_side` px."""

    def __init__(self, min_side: int = 80, size: tuple[int, int] | None = None) -> None:
        self.min_side, self.size = min_side, size
        self.seen: list[tuple[int, int]] = []

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, bytes) or len(other) > MIB5:
            return False
        with Image.open(io.BytesIO(other)) as image:
            self.seen.append(image.size)
            if image.format != "JPEG" or min(image.size) < self.min_side:
                return False
            return self.size is None or image.size == self.size

    def __repr__(self) -> str:
        return f"<JPEG >= {self.min_side} px, <= 5 MiB>"


class Matches:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and re.fullmatch(self.pattern, other) is not None

    def __repr__(self) -> str:
        return f"<matching {self.pattern}>"


@pytest.fixture
def aws() -> Any:
    with mock_aws():
        yield


@pytest.fixture
def library(tmp_path: Path) -> Any:
    lib = open_library(tmp_path / "library")
    yield lib
    lib.close()


def stubbed(library: Library | None, **kwargs: Any) -> tuple[RekognitionEngine, Stubber]:
    client = boto3.client("rekognition", region_name=REGION, aws_access_key_id="AKIATESTTESTTEST",
                          aws_secret_access_key="test-secret", config=client_config())
    stubber = Stubber(client)
    stubber.activate()
    kwargs.setdefault("rate_limit", 1000.0)
    return RekognitionEngine(client, library, COLLECTION, **kwargs), stubber


def search_params(threshold: float = 80.0, image: Any = None) -> dict[str, Any]:
    return {"CollectionId": COLLECTION, "Image": {"Bytes": image or JpegImage()}, "MaxFaces": 16,
            "FaceMatchThreshold": threshold}


def index_params(sha: str, idx: int, image: Any = None) -> dict[str, Any]:
    return {"CollectionId": COLLECTION, "Image": {"Bytes": image or JpegImage()},
            "ExternalImageId": Matches(rf"{sha}:{idx}"), "MaxFaces": 1, "QualityFilter": "AUTO",
            "DetectionAttributes": ["DEFAULT"]}


def face(face_id: str, ext: str | None = None) -> dict[str, Any]:
    data = {"FaceId": face_id, "ImageId": "00000000-0000-0000-0000-0000000000aa", "Confidence": 99.9,
            "BoundingBox": {"Width": 0.5, "Height": 0.5, "Left": 0.25, "Top": 0.25}}
    if ext:
        data["ExternalImageId"] = ext
    return data


FACE_A = "11111111-1111-1111-1111-111111111111"
FACE_B = "22222222-2222-2222-2222-222222222222"
FACE_C = "33333333-3333-3333-3333-333333333333"


def test_detect_search_index_sequence_with_every_parameter(aws, library, photos_dir):
    photo = photos_dir / "events" / "kit_with_rose.jpg"  # 501 x 700
    sha = sha256_file(photo)
    engine, stub = stubbed(library)
    stub.add_response("detect_faces", {"FaceDetails": [
        # reaches past the right and bottom edges: must be clamped
        {"BoundingBox": {"Left": 0.55, "Top": 0.8, "Width": 0.3, "Height": 0.3}, "Confidence": 99.1},
        # starts left of the image: must be clamped
        {"BoundingBox": {"Left": -0.05, "Top": 0.2, "Width": 0.3, "Height": 0.25}, "Confidence": 99.8},
    ]}, {"Image": {"Bytes": JpegImage(size=(501, 700))}, "Attributes": ["DEFAULT"]})
    # face 0 (leftmost): nothing above the floor -> NoMatch -> IndexFaces with the stable id
    stub.add_response("search_faces_by_image", {"FaceMatches": []}, search_params())
    stub.add_response("index_faces", {"FaceRecords": [{"Face": face(FACE_A, f"{sha}:0")}]}, index_params(sha, 0))
    # face 1: best candidate reaches 95 -> Match; the weaker candidate above the floor is kept too
    stub.add_response("search_faces_by_image", {"FaceMatches": [
        {"Similarity": 85.25, "Face": face(FACE_C)},
        {"Similarity": 97.5, "Face": face(FACE_B, "other:0")},
    ]}, search_params())

    report = ingest([photo], library, engine, threshold=95.0, workers=1)
    stub.assert_no_pending_responses()
    assert report.faces == 2 and report.matches == 1 and report.new_people == 2 and report.engine_calls == 4
    faces = library.all_faces()
    assert [(f["left"], f["top"], f["width"], f["height"]) for f in faces] == [(0, 140, 125, 175), (276, 560, 150, 140)]
    assert faces[0]["status"] == "indexed" and faces[0]["person_id"] == FACE_A == faces[0]["engine_face_id"]
    assert faces[1]["status"] == "matched" and faces[1]["person_id"] == FACE_B and faces[1]["similarity"] == 97.5
    candidates = library.conn.execute(
        "SELECT engine_face_id, similarity FROM face_candidates WHERE face_id = ? ORDER BY similarity DESC",
        (faces[1]["id"],)).fetchall()
    assert [tuple(c) for c in candidates] == [(FACE_B, 97.5), (FACE_C, 85.25)]
    ledger = library.conn.execute("SELECT operation, outcome, photo_sha, latency_ms FROM engine_calls ORDER BY id")
    rows = [tuple(r) for r in ledger]
    assert [r[:3] for r in rows] == [("DetectFaces", "ok", sha), ("SearchFacesByImage", "ok", sha),
                                     ("IndexFaces", "ok", sha), ("SearchFacesByImage", "ok", sha)]
    assert all(r[3] is not None and r[3] >= 0 for r in rows)
    assert dict(engine.calls) == {"DetectFaces": 1, "SearchFacesByImage": 2, "IndexFaces": 1}


def test_tiny_faces_are_padded_to_80_px(aws, library, photos_dir):
    photo = photos_dir / "misc" / "obama_small.jpg"  # 320 x 240
    engine, stub = stubbed(library)
    crop = JpegImage(min_side=80)
    stub.add_response("detect_faces", {"FaceDetails": [
        {"BoundingBox": {"Left": 0.45, "Top": 0.4, "Width": 0.06, "Height": 0.08}, "Confidence": 90.0}]},
        {"Image": {"Bytes": JpegImage(size=(320, 240))}, "Attributes": ["DEFAULT"]})
    stub.add_response("search_faces_by_image", {"FaceMatches": []}, search_params(image=crop))
    stub.add_response("index_faces", {"FaceRecords": [{"Face": face(FACE_A)}]},
                      index_params(sha256_file(photo), 0, image=crop))
    ingest([photo], library, engine, threshold=95.0, workers=1)
    stub.assert_no_pending_responses()
    assert crop.seen and all(min(size) >= 80 for size in crop.seen)
    assert library.all_faces()[0]["width"] == 19  # 6 % of 320 px, as detected


def test_local_detector_skips_detect_faces_and_floor_follows_a_low_threshold(aws, library, photos_dir):
    photo = photos_dir / "family" / "2019" / "obama.jpg"
    engine, stub = stubbed(library, detector="local")
    assert not engine.needs.remote_detection and not engine.needs.descriptors
    stub.add_response("search_faces_by_image", {"FaceMatches": [{"Similarity": 72.0, "Face": face(FACE_B)}]},
                      search_params(threshold=70.0))
    report = ingest([photo], library, engine, threshold=70.0, workers=1)
    stub.assert_no_pending_responses()
    assert report.matches == 1 and library.all_faces()[0]["person_id"] == FACE_B


def test_unindexed_face_records_the_reasons_and_makes_no_person(aws, library, photos_dir):
    photo = photos_dir / "family" / "2019" / "obama.jpg"
    engine, stub = stubbed(library, detector="local")
    stub.add_response("search_faces_by_image", {"FaceMatches": []}, search_params())
    stub.add_response("index_faces", {"FaceRecords": [], "UnindexedFaces": [
        {"Reasons": ["SMALL_BOUNDING_BOX", "LOW_SHARPNESS"]}]}, index_params(sha256_file(photo), 0))
    report = ingest([photo], library, engine, threshold=95.0, workers=1)
    stub.assert_no_pending_responses()
    row = library.all_faces()[0]
    assert row["status"] == "unindexed" and row["person_id"] is None
    assert row["reason"] == "LOW_SHARPNESS, SMALL_BOUNDING_BOX"
    assert report.new_people == 0 and library.people() == []
    assert library.conn.execute("SELECT outcome FROM engine_calls WHERE operation = 'IndexFaces'").fetchone()[0] \
        == "unindexed"


def test_no_face_in_the_crop_marks_the_face_unsearchable_and_goes_on(aws, library, photos_dir):
    photos = [photos_dir / "family" / "2019" / "obama.jpg", photos_dir / "family" / "2019" / "biden.jpg"]
    engine, stub = stubbed(library, detector="local")
    stub.add_client_error("search_faces_by_image", "InvalidParameterException",
                          "There are no faces in the image. Should be at least 1.", 400,
                          expected_params=search_params())
    stub.add_response("search_faces_by_image", {"FaceMatches": []}, search_params())
    stub.add_response("index_faces", {"FaceRecords": [{"Face": face(FACE_A)}]},
                      index_params(sha256_file(photos[1]), 0))
    report = ingest(photos, library, engine, threshold=95.0, workers=1)
    stub.assert_no_pending_responses()
    statuses = {Path(f["path"]).name: f["status"] for f in library.all_faces()}
    assert statuses == {"obama.jpg": "unsearchable", "biden.jpg": "indexed"}
    assert report.photos_failed == 0 and report.faces == 2
    assert library.conn.execute("SELECT count(*) FROM engine_calls WHERE outcome = 'no_face'").fetchone()[0] == 1


def test_access_denied_names_the_missing_action_and_saves_nothing_for_that_photo(aws, library, photos_dir):
    photo = photos_dir / "family" / "2019" / "obama.jpg"
    engine, stub = stubbed(library, detector="local")
    stub.add_response("search_faces_by_image", {"FaceMatches": []}, search_params())
    stub.add_client_error("index_faces", "AccessDeniedException", "User is not authorized", 400)
    with pytest.raises(AccessDenied, match=r"rekognition:IndexFaces") as caught:
        ingest([photo], library, engine, threshold=95.0, workers=1)
    assert caught.value.action == "rekognition:IndexFaces" and "IAM policy" in str(caught.value)
    assert library.photo_by_path(str(photo)) is None  # still to do on the next import
    assert library.conn.execute("SELECT outcome FROM engine_calls ORDER BY id DESC").fetchone()[0] == "access_denied"


def test_missing_collection_says_wrong_id_or_region_and_offers_to_create(aws, library, photos_dir):
    photo = photos_dir / "family" / "2019" / "obama.jpg"
    engine, stub = stubbed(library)
    stub.add_client_error("detect_faces", "AccessDeniedException", "nope", 400)
    with pytest.raises(EngineConfigError, match=r"rekognition:DetectFaces"):
        ingest([photo], library, engine, threshold=95.0, workers=1)
    assert library.photo_by_path(str(photo)) is None  # never recorded as a failed photo
    engine, stub = stubbed(library, detector="local")
    stub.add_client_error("search_faces_by_image", "ResourceNotFoundException", "collection missing", 400)
    with pytest.raises(CollectionNotFound) as caught:
        ingest([photo], library, engine, threshold=95.0, workers=1)
    message = str(caught.value)
    assert "'beetroot-faces'" in message and REGION in message and "check-aws --create-collection" in message


def test_limits_are_checked_before_paying(aws, library):
    engine, stub = stubbed(library)  # no response queued: any call would fail the test
    big = Image.effect_noise((2600, 2600), 120).convert("RGB")
    huge = encode_jpeg(big, 100)
    assert len(huge) > MIB5
    with pytest.raises(FaceUnsearchable, match="5 MiB"):
        engine.search(FaceCrop(0, (0, 0, 10, 10), None, huge), 95.0)
    small = encode_jpeg(Image.new("RGB", (60, 90)))
    with pytest.raises(FaceUnsearchable, match="80 px"):
        engine.search(FaceCrop(0, (0, 0, 10, 10), None, small), 95.0)
    assert engine.index(FaceCrop(0, (0, 0, 10, 10), None, small), "abc:0").face_id is None
    with pytest.raises(EngineError, match="ExternalImageId"):
        engine.index(FaceCrop(0, (0, 0, 10, 10), None, encode_jpeg(Image.new("RGB", (90, 90)))), "/photos/a b.jpg")
    assert image_problem(encode_jpeg(Image.new("RGB", (80, 80))), "crop") is None
    gif = io.BytesIO()
    Image.new("RGB", (90, 90)).save(gif, format="GIF")
    assert "JPEG or PNG" in (image_problem(gif.getvalue(), "crop") or "")
    stub.assert_no_pending_responses()
    assert sum(engine.calls.values()) == 0


def test_ratio_boxes_are_clamped_to_the_image():
    assert ratio_box({"Left": -0.1, "Top": -0.2, "Width": 0.5, "Height": 0.5}, 200, 100) == (0, 0, 80, 30)
    assert ratio_box({"Left": 0.9, "Top": 0.9, "Width": 0.5, "Height": 0.5}, 200, 100) == (180, 90, 20, 10)


def test_token_bucket_paces_calls():
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    bucket = TokenBucket(5.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(15):
        bucket.acquire()
    # 5 at once (one second's worth), then one every 0.2 s
    assert now[0] == pytest.approx(2.0, abs=1e-6)
    assert all(s == pytest.approx(0.2) for s in slept)
    with pytest.raises(ValueError):
        TokenBucket(0)


@pytest.mark.parametrize(("mode", "operation"), [("faces", "SearchFacesByImage"), ("users", "SearchUsersByImage")])
def test_engine_paces_real_requests(fake_aws, mode, operation):  # noqa: F811
    engine = RekognitionEngine.from_settings(
        Settings(engine="rekognition", aws_region=REGION, rate_limit=4.0, rekognition_mode=mode), None)
    crop = FaceCrop(0, (0, 0, 10, 10), None, encode_jpeg(Image.new("RGB", (100, 100), "gray")))
    started = time.perf_counter()
    for _ in range(8):
        with pytest.raises(FaceUnsearchable):  # a grey square has no face
            engine.search(crop, 95.0)
    assert time.perf_counter() - started >= 0.9  # 4 at once, then 4 more at 4 per second
    assert fake_aws.calls(operation) == 8  # and only that search: no other kind
    assert fake_aws.calls("SearchFacesByImage") + fake_aws.calls("SearchUsersByImage") == 8


# -- settings ------------------------------------------------------------------------------------------
def test_missing_collection_id_fails_fast_with_how_to_set_it(library):
    for value in ("", "   "):
        with pytest.raises(EngineConfigError) as caught:
            create_engine(Settings(engine="rekognition", collection_id=value, aws_region=REGION), library)
        assert "REKOGNITION_COLLECTION_ID" in str(caught.value)
        assert "beetroot config set collection_id" in str(caught.value)
    with pytest.raises(EngineConfigError, match="not a valid"):
        create_engine(Settings(engine="rekognition", collection_id="my faces/2024", aws_region=REGION), library)


def test_environment_collection_id_and_region_reach_the_engine(monkeypatch, library):
    from beetroot_desktop.config import load_settings

    monkeypatch.setenv("REKOGNITION_COLLECTION_ID", "family-faces")
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    settings = load_settings()
    settings.engine = "rekognition"
    engine = create_engine(settings, library)
    assert engine.collection_id == "family-faces" and engine.client.meta.region_name == "eu-west-1"
    engine.close()


def test_no_region_and_unknown_profile_say_how_to_fix(library):
    with pytest.raises(EngineConfigError, match="aws_region"):
        create_engine(Settings(engine="rekognition"), library)
    with pytest.raises(EngineConfigError, match="nosuchprofile"):
        create_engine(Settings(engine="rekognition", aws_profile="nosuchprofile", aws_region=REGION), library)


def test_endpoint_variables_are_honoured_by_botocore(monkeypatch, library):
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://localhost:4566")
    engine = create_engine(Settings(engine="rekognition", aws_region=REGION), library)
    assert engine.client.meta.endpoint_url == "http://localhost:4566"
    monkeypatch.setenv("AWS_ENDPOINT_URL_REKOGNITION", "https://rekognition.example.invalid")
    engine = create_engine(Settings(engine="rekognition", aws_region=REGION), library)
    assert engine.client.meta.endpoint_url == "https://rekognition.example.invalid"


def test_profile_region_and_keys_are_used(tmp_path, monkeypatch, fake_aws):  # noqa: F811
    config = Path(tmp_path / "aws-config")
    config.write_text("[profile work]\nregion = eu-central-1\naws_access_key_id = AKIAPROFILEPROFILE\n"
                      "aws_secret_access_key = profile-secret\n")
    monkeypatch.delenv("AWS_REGION")
    engine = create_engine(Settings(engine="rekognition", aws_profile="work"), None)
    assert engine.client.meta.region_name == "eu-central-1"
    with pytest.raises(FaceUnsearchable):
        engine.search(FaceCrop(0, (0, 0, 1, 1), None, encode_jpeg(Image.new("RGB", (90, 90)))), 95.0)
    assert fake_aws.requests[-1].access_key_id == "AKIAPROFILEPROFILE"


def test_keys_saved_in_the_keyring_are_used(fake_aws):  # noqa: F811
    from beetroot_desktop.secrets import save_aws_credentials

    save_aws_credentials("AKIAKEYRINGKEYRING", "keyring-secret")
    engine = create_engine(Settings(engine="rekognition", aws_region=REGION), None)
    with pytest.raises(FaceUnsearchable):
        engine.search(FaceCrop(0, (0, 0, 1, 1), None, encode_jpeg(Image.new("RGB", (90, 90)))), 95.0)
    assert fake_aws.requests[-1].access_key_id == "AKIAKEYRINGKEYRING"
