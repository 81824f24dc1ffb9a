"""Rekognition user vectors (`rekognition_mode = users`) against the in-memory fake: a person is a user, the
100-face limit, quotas and throttling handled like today's faults, the dry run's count, the setting."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from cloud_helpers import BACKOFFS, REGION, fake_aws, fake_engine  # noqa: F401 (fixture)
from fake_rekognition import StoredFace

from beetroot_desktop.cli import main
from beetroot_desktop.config import Settings, load_settings, setting_problem
from beetroot_desktop.engines.pricing import estimate_calls, ledger_costs, price
from beetroot_desktop.engines.rekognition import RekognitionEngine
from beetroot_desktop.engines.rekognition_users import MAX_USER_FACES, UserBook, UserRecord, people_without_users
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.pipeline import ingest

COLLECTION = "beetroot-faces"


@pytest.fixture
def library(tmp_path: Path) -> Any:
    lib = open_library(tmp_path / "library")
    yield lib
    lib.close()


def users_engine(fake: Any, library: Library | None, **kwargs: Any) -> RekognitionEngine:
    return fake_engine(fake, library, mode="users", detector="local", **kwargs)


def founders(library: Library) -> dict[str, str]:
    """Photo file name -> the person its (only) face is in."""
    return {Path(f["path"]).name: f["person_id"] for f in library.all_faces()}


def ledger(library: Library) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in library.conn.execute("SELECT operation, outcome, detail FROM engine_calls ORDER BY id")]


def test_a_person_is_one_user_and_keeps_the_founding_face_id(fake_aws, library, photos_dir, labels):  # noqa: F811
    family = photos_dir / "family"
    engine = users_engine(fake_aws, library)
    report = ingest([family / "2019"], library, engine, threshold=95.0, workers=1)
    assert report.faces == 5 and report.photos_failed == 0 and not report.paused_reason

    users = fake_aws.users[COLLECTION]
    people = {p.person_id for p in library.people()}
    # The contract the CLI and the JSON keep: a person's id is the FaceId of its founding face; now that
    # FaceId is also the UserId of the person's user, which holds that face first.
    assert people == set(users) and len(people) == report.new_people == 3
    for person in people:
        founding = [f for f in library.person_faces(person) if f["status"] == "indexed"]
        assert [f["engine_face_id"] for f in founding] == [person]
        assert users[person].faces[0] == person
        # every face the user holds is one of this person's, and the library knows its FaceId
        assert set(users[person].faces) <= {f["engine_face_id"] for f in library.person_faces(person)}

    # A merge needs no call: the merged-away user stands for the kept person from now on.
    by_photo = founders(library)
    keep, gone = by_photo["obama.jpg"], by_photo["biden.jpg"]
    library.merge_people([gone], keep)
    report = ingest([family / "2020"], library, engine, threshold=95.0, workers=1)
    assert report.faces == 5 and report.new_people == 2  # Alex and John; Biden's photo joins the merged person
    assert founders(library)["biden2.jpg"] == keep and len(users) == 5

    # One person per label (Biden merged into Obama by hand).
    by_label: dict[str, set[str]] = {}
    for face in library.all_faces():
        rel = Path(face["path"]).relative_to(photos_dir).as_posix()
        by_label.setdefault(labels[rel][0], set()).add(face["person_id"])
    assert all(len(ids) == 1 for ids in by_label.values()) and len(by_label) == 5
    assert by_label["barack_obama"] == by_label["joe_biden"] == {keep}
    matched = [f for f in library.all_faces() if f["status"] == "matched"]
    assert len(matched) == 5 and all(f["matched_face_id"] in users for f in matched)
    associated = [f for f in matched if f["engine_face_id"]]
    owners = {face: user for user, u in users.items() for face in u.faces}
    assert associated and all(owners[f["engine_face_id"]] == f["matched_face_id"] for f in associated)

    # Every call is in the ledger and priced; the library's record of its users matches the collection.
    ops = [r[0] for r in ledger(library)]
    assert "SearchFacesByImage" not in ops and ops.count("SearchUsersByImage") == 10
    assert ops.count("CreateUser") == 5 and ops.count("AssociateFaces") == 5 + len(associated)
    assert all(r[1] == "ok" for r in ledger(library))
    costs = {line.operation: line for line in ledger_costs(library).lines}
    assert costs["CreateUser"].billed == 5
    assert costs["SearchUsersByImage"].usd == pytest.approx(10 * price("SearchUsersByImage"))
    book = UserBook(library)
    assert {u: list(r.faces) for u, r in book.users().items()} == {u: s.faces for u, s in users.items()}
    # The ledger of the user calls keeps counts, never a UserId (the FaceIds forgetting scrubs).
    assert not any(user in r[2] for r in ledger(library) for user in users if r[0] != "IndexFaces")


def test_a_face_of_someone_new_creates_a_user_and_an_interrupted_photo_is_found_again(
        fake_aws, library, photos_dir):  # noqa: F811
    photo = photos_dir / "family" / "2019" / "obama.jpg"
    engine = users_engine(fake_aws, library)
    fake_aws.cut_after = ("AssociateFaces", 1)  # the user is made, then the network drops
    report = ingest([photo], library, engine, threshold=95.0, workers=1)
    assert report.paused_reason and "cannot reach" in report.paused_reason
    assert library.photo_by_path(str(photo)) is None and report.pending == 1  # nothing saved, still to do
    assert len(fake_aws.users[COLLECTION]) == 1

    fake_aws.network_down = False
    fake_aws.cut_after = None
    before = len(fake_aws.requests)
    report = ingest([photo], library, engine, threshold=95.0, workers=1)
    assert report.photos_new == 1 and not report.paused_reason
    (face,) = library.all_faces()
    user_id = next(iter(fake_aws.users[COLLECTION]))
    # Found again as its own user: the founding face, the same id, no second user.
    assert face["status"] == "indexed" and face["person_id"] == face["engine_face_id"] == user_id
    assert [r.operation for r in fake_aws.requests[before:]] == ["SearchUsersByImage", "IndexFaces"]
    assert UserBook(library).get(user_id) == UserRecord((user_id,))
    create = next(r for r in fake_aws.requests if r.operation == "CreateUser")
    assert create.params["UserId"] == user_id and len(create.params["ClientRequestToken"]) <= 64


def _fill(fake: Any, library: Library | None, user_id: str, total: int, *, book: int | None = None) -> None:
    """Give `user_id` `total` faces in the fake (copies of its founding face) and `book` of them in the
    library's record (all of them by default)."""
    faces = fake.collections[COLLECTION]
    first = faces[user_id]
    user = fake.users[COLLECTION][user_id]
    while len(user.faces) < total:
        face = StoredFace(str(uuid.uuid4()), str(uuid.uuid4()), None, first.descriptor, first.box)
        faces[face.face_id] = face
        user.faces.append(face.face_id)
    if library is not None:
        record = UserBook(library)
        record.put(user_id, UserRecord(tuple(user.faces[: total if book is None else book])))
        record.commit(library)


def test_the_100_face_limit_is_kept_without_a_failure(fake_aws, library, photos_dir):  # noqa: F811
    family = photos_dir / "family"
    engine = users_engine(fake_aws, library)
    ingest([family / "2019" / "obama.jpg"], library, engine, threshold=90.0, workers=1)
    (user_id,) = fake_aws.users[COLLECTION]

    _fill(fake_aws, library, user_id, MAX_USER_FACES)  # full, and the library knows it
    engine = users_engine(fake_aws, library)
    before = len(fake_aws.requests)
    report = ingest([family / "2019" / "obama2.jpg"], library, engine, threshold=90.0, workers=1)
    assert report.matches == 1 and report.photos_failed == 0 and not report.paused_reason
    assert [r.operation for r in fake_aws.requests[before:]] == ["SearchUsersByImage"]  # no IndexFaces, no Associate
    assert len(fake_aws.user_faces(user_id)) == MAX_USER_FACES

    # The library's record says 99 (another library feeds the same user): the service's
    # ServiceQuotaExceededException marks the user full, the face is matched all the same, nothing fails.
    _fill(fake_aws, library, user_id, MAX_USER_FACES, book=MAX_USER_FACES - 1)
    engine = users_engine(fake_aws, library)
    report = ingest([family / "2020" / "obama3.jpg"], library, engine, threshold=90.0, workers=1)
    assert report.matches == 1 and report.photos_failed == 0 and not report.paused_reason
    assert ledger(library)[-1][:2] == ("AssociateFaces", "quota")
    assert UserBook(library).get(user_id).full  # type: ignore[union-attr]
    assert all(p.person_id == user_id for p in library.people())
    before = len(fake_aws.requests)
    ingest([photos_dir / "events" / "obama1.jpg"], library, engine, threshold=90.0, workers=1)
    assert [r.operation for r in fake_aws.requests[before:]] == ["SearchUsersByImage"]
    assert max(len(u.faces) for u in fake_aws.users[COLLECTION].values()) == MAX_USER_FACES


def test_a_face_that_adds_no_variety_is_not_added(fake_aws, library, photos_dir):  # noqa: F811
    misc = photos_dir / "misc"
    engine = users_engine(fake_aws, library)
    ingest([misc / "obama-720p.jpg"], library, engine, threshold=90.0, workers=1)
    before = len(fake_aws.requests)
    report = ingest([misc / "obama-1080p.jpg"], library, engine, threshold=90.0, workers=1)  # the same picture
    assert report.matches == 1
    assert [r.operation for r in fake_aws.requests[before:]] == ["SearchUsersByImage"]


def test_the_collection_user_quota_pauses_the_import_and_loses_nothing(fake_aws, library, photos_dir):  # noqa: F811
    obama, biden = photos_dir / "family" / "2019" / "obama.jpg", photos_dir / "family" / "2019" / "biden.jpg"
    fake_aws.max_users = 1
    engine = users_engine(fake_aws, library)
    report = ingest([obama, biden], library, engine, threshold=95.0, workers=1)
    assert report.paused_reason is not None and "service quota" in report.paused_reason
    assert "ServiceQuotaExceededException" in report.paused_reason and "rekognition_mode faces" in report.paused_reason
    assert report.pending == 1 and library.photo_count() == 1 and library.failed_photos() == []
    assert (report.photos_new, report.photos_added) == (2, 1)  # started on two, saved one
    assert ledger(library)[-1][:2] == ("CreateUser", "quota")

    fake_aws.max_users = None  # AWS raised the quota: the photo is done on the next import
    report = ingest([obama, biden], library, engine, threshold=95.0, workers=1)
    assert report.photos_new == 1 and not report.paused_reason and library.photo_count() == 2
    assert len(fake_aws.users[COLLECTION]) == 2 and len(library.people()) == 2


def test_the_quota_message_in_the_command_line_and_the_window(fake_aws, photos_dir, capsys):  # noqa: F811
    from beetroot_desktop.engines.aws_errors import gui_wording

    assert main(["config", "set", "rekognition_mode", "users"]) == 0
    assert main(["config", "set", "rate_limit", "100"]) == 0
    assert main(["config", "set", "detector", "local"]) == 0
    fake_aws.max_users = 0
    capsys.readouterr()
    photo = str(photos_dir / "family" / "2019" / "obama.jpg")
    assert main(["import", "--engine", "rekognition", photo]) == 1
    out = capsys.readouterr().out
    assert "Paused: Amazon Rekognition refused CreateUser" in out and "1 photos left pending" in out
    message = out.split("Paused: ", 1)[1]
    assert "untick Match against whole people in Settings › Amazon Rekognition" in gui_wording(message, "window")
    fake_aws.max_users = None
    assert main(["import", "--engine", "rekognition", "--json", photo]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["new_people"] == 1


def test_throttling_is_retried_and_paced_like_every_call(fake_aws, library, photos_dir):  # noqa: F811
    photos = [photos_dir / "family" / "2019" / "obama.jpg", photos_dir / "family" / "2019" / "obama2.jpg"]
    engine = users_engine(fake_aws, library)
    fake_aws.fail_next("SearchUsersByImage", "ProvisionedThroughputExceededException", 2)
    fake_aws.fail_next("CreateUser", "ThrottlingException")
    fake_aws.fail_next("AssociateFaces", "ThrottlingException")
    report = ingest(photos, library, engine, threshold=90.0, workers=1)
    assert report.photos_new == 2 and not report.paused_reason and report.matches == 1
    assert len(BACKOFFS) == 4  # botocore's standard retries, each after its back-off
    retries = [(r[0], r[2].split()[-1]) for r in ledger(library)]
    assert retries[0] == ("SearchUsersByImage", "retries=2") and ("CreateUser", "retries=1") in retries
    assert ("AssociateFaces", "retries=1") in retries

    # Throttled beyond the retries: the import pauses with the photo still to do, then finishes it.
    fake_aws.fail_next("SearchUsersByImage", "ThrottlingException", 5)
    third = photos_dir / "family" / "2020" / "obama3.jpg"
    report = ingest([third], library, engine, threshold=90.0, workers=1)
    assert report.paused_reason and "kept throttling" in report.paused_reason and report.pending == 1
    assert library.photo_by_path(str(third)) is None
    report = ingest([third], library, engine, threshold=90.0, workers=1)
    assert report.photos_new == 1 and report.matches == 1



def test_switching_a_library_to_users_gives_its_people_users_and_the_dry_run_counts_it(
        fake_aws, photos_dir, capsys):  # noqa: F811
    family = photos_dir / "family"
    assert main(["config", "set", "rate_limit", "100"]) == 0
    assert main(["config", "set", "detector", "local"]) == 0
    assert main(["import", "--engine", "rekognition", str(family / "2019")]) == 0  # face by face: 3 people
    capsys.readouterr()
    with open_library(load_settings().library_path()) as lib:
        people = len(lib.people())
        assert people_without_users(lib) == people == 3

    assert main(["config", "set", "rekognition_mode", "users"]) == 0
    requests = len(fake_aws.requests)
    assert main(["import", "--dry-run", "--engine", "rekognition", "--json", str(family / "2020")]) == 0
    data = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    calls = {op["operation"]: op["calls_max"] for op in data["operations"]}
    assert data["rekognition_mode"] == "users"
    assert calls == {"SearchUsersByImage": 5, "IndexFaces": 5, "CreateUser": 5 + people, "AssociateFaces": 5 + people}
    assert data["usd_max"] == pytest.approx((5 + 5 + 2 * (5 + people)) * 0.001)
    assert len(fake_aws.requests) == requests  # the dry run called nothing
    assert main(["import", "--dry-run", "--engine", "rekognition", str(family / "2020")]) == 0
    text = capsys.readouterr().out
    assert "matched against whole people (user vectors)" in text and "up to 8" in text

    assert main(["import", "--engine", "rekognition", str(family / "2020")]) == 0
    made = [r.operation for r in fake_aws.requests[requests:]]
    for operation, most in calls.items():
        assert made.count(operation) <= most, operation
    assert made[:2] == ["CreateUser", "AssociateFaces"]  # the people's users first, before any search
    with open_library(load_settings().library_path()) as lib:
        assert people_without_users(lib) == 0
        assert {p.person_id for p in lib.people()} <= set(fake_aws.users[COLLECTION])


def test_forgetting_a_person_deletes_its_user_first(fake_aws, library, photos_dir):  # noqa: F811
    from beetroot_desktop.pipeline.forget import forget_person

    family = photos_dir / "family"
    engine = users_engine(fake_aws, library)
    ingest([family / "2019" / "rose_img1.jpg", family / "2019" / "rose_img2.jpg"], library, engine,
           threshold=90.0, workers=1)
    (person,) = [p.person_id for p in library.people()]
    held = fake_aws.user_faces(person)
    assert len(held) == 2  # the founding face and the second photo's
    report = forget_person(library, library.forget_plan(person), lambda: users_engine(fake_aws, library))
    assert report.cloud_faces == 2 and not report.notes
    assert fake_aws.users[COLLECTION] == {} and fake_aws.faces() == []
    assert UserBook(library).users() == {}
    assert not library.conn.execute("SELECT 1 FROM meta WHERE key LIKE 'rekognition_user:%'").fetchone()


def test_the_estimate_counts_users_mode_calls():
    faces = {line.operation: line.calls for line in estimate_calls(3, 4, remote_detection=True)}
    assert faces == {"DetectFaces": 3, "SearchFacesByImage": 4, "IndexFaces": 4}
    lines = estimate_calls(3, 4, remote_detection=True, mode="users", people_without_users=2)
    users = {line.operation: line.calls for line in lines}
    assert users == {"DetectFaces": 3, "SearchUsersByImage": 4, "IndexFaces": 4, "CreateUser": 6, "AssociateFaces": 6}
    assert sum(line.usd for line in lines) == pytest.approx(23 * 0.001)
    assert [line.at_most for line in lines] == [False, False, True, True, True]


def test_the_setting_validates(capsys):
    assert setting_problem("rekognition_mode", "users") is None and setting_problem("rekognition_mode", "faces") is None
    assert "rekognition_mode must be one of faces, users" in str(setting_problem("rekognition_mode", "vectors"))
    assert Settings().rekognition_mode == "faces"
    assert main(["config", "set", "rekognition_mode", "vectors"]) == 2
    assert main(["config", "set", "rekognition_mode", "users"]) == 0
    assert load_settings().rekognition_mode == "users"


def test_the_settings_page_saves_the_opt_in(qtbot):
    from beetroot_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(), None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    dialog.cloud.region.setCurrentText("eu-west-1")
    assert not dialog.cloud.user_vectors.isChecked()
    dialog.cloud.user_vectors.setChecked(True)
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        assert dialog.save()
    assert load_settings().rekognition_mode == "users"
    again = SettingsDialog(load_settings(), None)
    qtbot.addWidget(again)
    assert again.cloud.user_vectors.isChecked()
    again.cloud.user_vectors.setChecked(False)
    settings = again.collect()
    assert settings.rekognition_mode == "faces"


def test_the_fake_keeps_the_service_s_user_operations_and_limits(fake_aws, photos_dir):  # noqa: F811
    from botocore.exceptions import ClientError
    from cloud_helpers import fake_client

    client = fake_client(fake_aws)

    def index(path: Path, ext: str) -> str:
        response = client.index_faces(CollectionId=COLLECTION, Image={"Bytes": path.read_bytes()},
                                      ExternalImageId=ext, MaxFaces=1)
        return str(response["FaceRecords"][0]["Face"]["FaceId"])

    def code(call: Any, **params: Any) -> str:
        with pytest.raises(ClientError) as caught:
            call(CollectionId=COLLECTION, **params)
        return str(caught.value.response["Error"]["Code"])

    family = photos_dir / "family" / "2019"
    obama, obama2, biden = index(family / "obama.jpg", "a:0"), index(family / "obama2.jpg", "b:0"), \
        index(family / "biden.jpg", "c:0")
    assert client.create_user(CollectionId=COLLECTION, UserId=obama, ClientRequestToken="t1")
    assert client.create_user(CollectionId=COLLECTION, UserId=obama, ClientRequestToken="t1")  # idempotent
    assert code(client.create_user, UserId=obama, ClientRequestToken="t2") == "ConflictException"
    assert code(client.create_user, UserId="no spaces allowed") == "ValidationException"
    assert code(client.create_user, UserId="x" * 129) == "ValidationException"
    answer = client.associate_faces(CollectionId=COLLECTION, UserId=obama, FaceIds=[obama, obama2])
    assert [f["FaceId"] for f in answer["AssociatedFaces"]] == [obama, obama2] and answer["UserStatus"] == "ACTIVE"
    client.create_user(CollectionId=COLLECTION, UserId="second")
    unknown = "00000000-0000-0000-0000-000000000000"
    answer = client.associate_faces(CollectionId=COLLECTION, UserId="second", FaceIds=[obama2, unknown, biden])
    reasons = {f["FaceId"]: f["Reasons"] for f in answer["UnsuccessfulFaceAssociations"]}
    assert reasons == {obama2: ["ASSOCIATED_TO_A_DIFFERENT_USER"], unknown: ["FACE_NOT_FOUND"]}
    assert code(client.associate_faces, UserId=obama, FaceIds=[unknown] * 101) == "ValidationException"

    by_image = client.search_users_by_image(CollectionId=COLLECTION, Image={"Bytes": (
        photos_dir / "family" / "2020" / "obama3.jpg").read_bytes()}, UserMatchThreshold=80.0, MaxUsers=5)
    assert by_image["UserMatches"][0]["User"]["UserId"] == obama and by_image["SearchedFace"]["FaceDetail"]
    by_user = client.search_users(CollectionId=COLLECTION, UserId=obama, UserMatchThreshold=0.0)
    assert [m["User"]["UserId"] for m in by_user["UserMatches"]] == ["second"] and by_user["SearchedUser"]
    by_face = client.search_users(CollectionId=COLLECTION, FaceId=obama2)
    assert by_face["UserMatches"][0]["User"]["UserId"] == obama and by_face["SearchedFace"]["FaceId"] == obama2
    page = client.list_users(CollectionId=COLLECTION, MaxResults=1)
    assert len(page["Users"]) == 1 and client.list_users(CollectionId=COLLECTION, NextToken=page["NextToken"])
    assert client.describe_collection(CollectionId=COLLECTION)["UserCount"] == 2

    refused = client.delete_faces(CollectionId=COLLECTION, FaceIds=[obama2])["UnsuccessfulFaceDeletions"]
    assert refused[0]["Reasons"] == ["ASSOCIATED_TO_AN_EXISTING_USER"]
    gone = client.disassociate_faces(CollectionId=COLLECTION, UserId=obama, FaceIds=[obama2])
    assert gone["DisassociatedFaces"] == [{"FaceId": obama2}]
    _fill(fake_aws, None, obama, MAX_USER_FACES)
    assert code(client.associate_faces, UserId=obama, FaceIds=[obama2]) == "ServiceQuotaExceededException"
    client.delete_user(CollectionId=COLLECTION, UserId=obama)
    assert code(client.delete_user, UserId=obama) == "ResourceNotFoundException"
    assert client.delete_faces(CollectionId=COLLECTION, FaceIds=[obama2])["DeletedFaces"] == [obama2]

