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



def _refuse_next_association(fake: Any, reason: str) -> None:
    """The fake's next AssociateFaces answers that it did not associate the face, for `reason`."""
    real = fake.op_AssociateFaces

    def refuse(params: dict[str, Any]) -> dict[str, Any]:
        fake.op_AssociateFaces = real
        owner = params["UserId"] if reason != "ASSOCIATED_TO_A_DIFFERENT_USER" else "someone-else"
        return {"AssociatedFaces": [], "UserStatus": "CREATED", "UnsuccessfulFaceAssociations": [
            {"FaceId": params["FaceIds"][0], "UserId": owner, "Reasons": [reason]}]}
    fake.op_AssociateFaces = refuse


@pytest.mark.parametrize("reason", ["ASSOCIATED_TO_A_DIFFERENT_USER", "FACE_NOT_FOUND", "LOW_MATCH_CONFIDENCE"])
def test_a_founding_face_the_service_refused_is_associated_again_and_splits_no_one(
        fake_aws, library, photos_dir, reason):  # noqa: F811
    family = photos_dir / "family" / "2019"
    _refuse_next_association(fake_aws, reason)
    engine = users_engine(fake_aws, library)
    report = ingest([family / "obama.jpg"], library, engine, threshold=90.0, workers=1)
    assert report.new_people == 1 and not report.paused_reason and report.photos_failed == 0
    (person,) = [p.person_id for p in library.people()]
    assert fake_aws.user_faces(person) == []  # a user without a face: no search can return it
    assert people_without_users(library) == 1  # so the next import (and its dry run) makes it again
    report = ingest([family / "obama2.jpg"], library, engine, threshold=90.0, workers=1)
    assert report.matches == 1 and report.new_people == 0 and [p.person_id for p in library.people()] == [person]
    assert fake_aws.user_faces(person)[0] == person and people_without_users(library) == 0
    assert len(fake_aws.users[COLLECTION]) == 1


def test_after_the_collection_is_deleted_no_user_is_made_for_faces_it_lost(fake_aws, library, photos_dir):  # noqa: F811
    family = photos_dir / "family"
    engine = users_engine(fake_aws, library)
    ingest([family / "2019" / "obama.jpg", family / "2019" / "biden.jpg"], library, engine, threshold=95.0, workers=1)
    assert engine.delete_collection()
    fake_aws.create()
    assert people_without_users(library) == 2  # the dry run counts them: their users are tried once
    report = ingest([family / "2019" / "obama2.jpg"], library, engine, threshold=95.0, workers=1)
    assert not report.paused_reason and report.new_people == 1
    (made,) = fake_aws.users[COLLECTION]  # the new person's user only: no empty user left behind
    assert fake_aws.calls("DeleteUser") == 2 and people_without_users(library) == 0
    before = fake_aws.calls("CreateUser")
    report = ingest([family / "2020" / "obama3.jpg"], library, engine, threshold=95.0, workers=1)
    assert report.matches == 1 and fake_aws.calls("CreateUser") == before  # not tried again, import after import
    assert set(fake_aws.users[COLLECTION]) == {made}


# -- the review's fixes: deleting, corrections, switching back, progress, tokens, drawn faces -----------------
def _record(library: Library) -> dict[str, UserRecord]:
    return UserBook(library).users()


def test_a_failed_delete_collection_keeps_the_record_of_the_users(fake_aws, library, photos_dir):  # noqa: F811
    from beetroot_desktop.engines.base import EngineError

    engine = users_engine(fake_aws, library)
    ingest([photos_dir / "family" / "2019" / "obama.jpg"], library, engine, threshold=95.0, workers=1)
    before = _record(library)
    assert len(before) == 1
    fake_aws.denied = {"DeleteCollection"}
    with pytest.raises(EngineError):
        engine.delete_collection()
    assert _record(library) == before and fake_aws.users[COLLECTION]  # nothing was deleted, nothing forgotten
    fake_aws.denied = set()
    assert engine.delete_collection() and _record(library) == {}
    book = engine.users()  # an old record, and the collection is already gone
    book.put("x", UserRecord(("x",)))
    book.commit(library)
    assert not engine.delete_collection() and _record(library) == {}


def test_a_failed_delete_user_is_deleted_again_when_forgetting_again(fake_aws, library, photos_dir):  # noqa: F811
    from beetroot_desktop.engines.base import EngineError

    family = photos_dir / "family" / "2019"
    engine = users_engine(fake_aws, library)
    ingest([family / "rose_img1.jpg", family / "rose_img2.jpg"], library, engine, threshold=90.0, workers=1)
    (person,) = [p.person_id for p in library.people()]
    face_ids = [f["engine_face_id"] for f in library.person_faces(person) if f["engine_face_id"]]
    assert len(face_ids) == 2
    fake_aws.denied = {"DeleteUser"}
    with pytest.raises(EngineError):
        engine.delete_faces(face_ids)
    assert person in _record(library) and person in fake_aws.users[COLLECTION]  # kept: to be deleted again
    fake_aws.denied = set()
    done = users_engine(fake_aws, library).delete_faces(face_ids)
    assert sorted(done.deleted) == sorted(face_ids) and fake_aws.faces() == []
    assert fake_aws.users[COLLECTION] == {} and _record(library) == {}


def test_a_face_split_off_leaves_the_user_and_new_photos_of_them_do_not_go_back(
        fake_aws, library, photos_dir, capsys):  # noqa: F811
    family = photos_dir / "family"
    engine = users_engine(fake_aws, library)
    # A loose threshold puts Biden into Obama's person, and his face into Obama's user.
    ingest([family / "2019" / "obama.jpg"], library, engine, threshold=95.0, workers=1)
    ingest([family / "2019" / "biden.jpg"], library, engine, threshold=50.0, workers=1)
    (obama,) = [p.person_id for p in library.people()]
    (biden_face,) = [f for f in library.person_faces(obama) if f["status"] == "matched"]
    biden_fid = biden_face["engine_face_id"]
    assert biden_fid in fake_aws.user_faces(obama)
    library.split_person(obama, face_ids=[biden_face["id"]])  # the user corrects it

    from beetroot_desktop.engines.rekognition_users import disassociations, stray_faces

    assert stray_faces(library) == {obama: [biden_fid]} and disassociations(library) == 1
    lines = estimate_calls(1, 1, remote_detection=False, mode="users", disassociations=1)
    assert {ln.operation: ln.calls for ln in lines}["DisassociateFaces"] == 1

    before = len(fake_aws.requests)
    report = ingest([family / "2020" / "biden2.jpg"], library, users_engine(fake_aws, library), threshold=95.0,
                    workers=1)
    assert report.photos_new == 1 and not report.paused_reason
    assert fake_aws.requests[before].operation == "DisassociateFaces"  # before any search
    token = fake_aws.requests[before].params["ClientRequestToken"]
    assert len(token) <= 64
    assert biden_fid not in fake_aws.user_faces(obama) and fake_aws.user_faces(obama) == [obama]
    assert list(_record(library)[obama].faces) == [obama] and stray_faces(library) == {}
    assert founders(library)["biden2.jpg"] != obama  # the split-off person's new photo does not go back


def test_the_dry_run_counts_the_disassociations(fake_aws, photos_dir, capsys):  # noqa: F811
    family = photos_dir / "family"
    for key, value in (("rekognition_mode", "users"), ("rate_limit", "100"), ("detector", "local")):
        assert main(["config", "set", key, value]) == 0
    assert main(["import", "--engine", "rekognition", "--threshold", "95", str(family / "2019" / "obama.jpg")]) == 0
    assert main(["import", "--engine", "rekognition", "--threshold", "50", str(family / "2019" / "biden.jpg")]) == 0
    with open_library(load_settings().library_path()) as lib:
        (obama,) = [p.person_id for p in lib.people()]
        (face,) = [f for f in lib.person_faces(obama) if f["status"] == "matched"]
        lib.mark_not_a_face(face["id"])
    capsys.readouterr()
    assert main(["import", "--dry-run", "--engine", "rekognition", "--json", str(family / "2020")]) == 0
    data = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert {op["operation"]: op["calls_max"] for op in data["operations"]}["DisassociateFaces"] == 1
    assert main(["import", "--dry-run", "--engine", "rekognition", str(family / "2020")]) == 0
    assert "DisassociateFaces" in capsys.readouterr().out


def test_back_to_faces_mode_a_search_that_finds_only_added_faces_makes_no_duplicate(
        fake_aws, library, photos_dir):  # noqa: F811
    photos = [photos_dir / p for p in ("family/2019/obama.jpg", "family/2019/obama2.jpg", "family/2020/obama3.jpg",
                                       "events/obama1.jpg")]
    ingest(photos, library, users_engine(fake_aws, library), threshold=90.0, workers=1)
    (person,) = [p.person_id for p in library.people()]
    assert len(fake_aws.user_faces(person)) >= 3  # the faces users mode added to the person's user
    real = fake_aws.op_SearchFacesByImage

    def without_founding_face(params: dict[str, Any]) -> dict[str, Any]:
        # What MaxFaces=16 does to a person with many indexed faces: the founding face is not among them.
        answer = real(params)
        answer["FaceMatches"] = [m for m in answer["FaceMatches"] if m["Face"]["FaceId"] != person]
        return answer

    fake_aws.op_SearchFacesByImage = without_founding_face
    faces_engine = fake_engine(fake_aws, library, mode="faces", detector="local")
    report = ingest([photos_dir / "misc" / "obama-720p.jpg"], library, faces_engine, threshold=90.0, workers=1)
    assert report.matches == 1 and report.new_people == 0
    assert [p.person_id for p in library.people()] == [person]


def test_making_users_reports_progress_and_stops_when_cancelled(fake_aws, library, photos_dir):  # noqa: F811
    from beetroot_desktop.pipeline.events import ImportListener

    faces = fake_engine(fake_aws, library, detector="local")
    ingest([photos_dir / "family" / "2019"], library, faces, threshold=95.0, workers=1)
    assert people_without_users(library) == 3
    engine = users_engine(fake_aws, library)
    told: list[tuple[int, int]] = []
    made = engine.sync_users(library, should_stop=lambda: fake_aws.calls("CreateUser") >= 1,
                             progress=lambda done, total: told.append((done, total)))
    assert made == 1 and told == [(0, 3)] and people_without_users(library) == 2

    class Listener(ImportListener):
        def preparing_users(self, done: int, total: int) -> None:
            told.append((done, total))

    told.clear()
    report = ingest([photos_dir / "family" / "2020"], library, users_engine(fake_aws, library), threshold=95.0,
                    workers=1, listener=Listener())
    assert not report.paused_reason and told == [(0, 2), (2, 2)] and people_without_users(library) == 0


def test_a_face_associated_again_after_leaving_its_user_is_associated_for_real(
        fake_aws, library, photos_dir):  # noqa: F811
    family = photos_dir / "family" / "2019"
    engine = users_engine(fake_aws, library)
    ingest([family / "obama.jpg", family / "obama2.jpg"], library, engine, threshold=90.0, workers=1)
    (person,) = [p.person_id for p in library.people()]
    (_, second) = fake_aws.user_faces(person)
    engine._disassociate(person, [second], None)
    assert engine._associate(person, second, None, None) is True
    engine._disassociate(person, [second], None)
    assert engine._associate(person, second, None, None) is True  # not a replay of the first answer
    engine.users().commit(library)
    tokens = [r.params["ClientRequestToken"] for r in fake_aws.requests if r.operation == "AssociateFaces"]
    assert len(tokens) == len(set(tokens))
    assert fake_aws.user_faces(person) == [person, second] and _record(library)[person].faces == (person, second)


def test_a_closed_user_is_not_full(fake_aws, library, photos_dir):  # noqa: F811
    engine = users_engine(fake_aws, library)
    ingest([photos_dir / "family" / "2019" / "obama.jpg"], library, engine, threshold=95.0, workers=1)
    assert engine.delete_collection()
    fake_aws.create()
    ingest([photos_dir / "family" / "2019" / "biden.jpg"], library, engine, threshold=95.0, workers=1)
    closed = [r for r in _record(library).values() if r.closed]
    assert len(closed) == 1 and not closed[0].full and closed[0].faces == ()


def test_a_drawn_face_joins_the_person_s_user(fake_aws, library, photos_dir):  # noqa: F811
    from beetroot_desktop.pipeline.hand_faces import add_face

    family = photos_dir / "family" / "2019"
    ingest([family / "obama.jpg"], library, users_engine(fake_aws, library), threshold=90.0, workers=1)
    faces = fake_engine(fake_aws, library, mode="faces", detector="local")  # matched, not added to the user
    ingest([family / "obama2.jpg"], library, faces, threshold=90.0, workers=1)
    (person,) = [p.person_id for p in library.people()]
    drawn = next(f for f in library.all_faces() if Path(f["path"]).name == "obama2.jpg")
    library.mark_not_a_face(drawn["id"])  # a false detection: the user draws the face again by hand
    before = len(fake_aws.user_faces(person))
    engine = users_engine(fake_aws, library)
    face_id = add_face(library, engine, str(family / "obama2.jpg"),
                       (drawn["left"], drawn["top"], drawn["width"], drawn["height"]), threshold=90.0)
    face = library.conn.execute("SELECT person_id, status, engine_face_id FROM faces WHERE id = ?",
                                (face_id,)).fetchone()
    assert face["person_id"] == person and face["status"] == "matched" and face["engine_face_id"]
    assert face["engine_face_id"] in fake_aws.user_faces(person) and len(fake_aws.user_faces(person)) == before + 1
    assert face["engine_face_id"] in _record(library)[person].faces


def test_one_face_is_one_face_in_the_connection_check(fake_aws, library, photos_dir):  # noqa: F811
    from beetroot_desktop.engines.aws_connection import check_connection

    ingest([photos_dir / "family" / "2019" / "obama.jpg"], library, fake_engine(fake_aws, library, detector="local"),
           threshold=95.0, workers=1)
    result = check_connection(Settings(engine="rekognition", aws_region="us-east-1"))
    assert result.ok and "holds 1 face." in result.message
    assert (result.face_count, result.collection_id, result.region) == (1, COLLECTION, "us-east-1")
    assert result.account
