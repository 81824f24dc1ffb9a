"""Forgetting a person and deleting the collection, on synthetic libraries (no dlib): nothing of them is left.

The real-photo scenarios (the sample library, a sync afterwards, the cloud import) are in
tests/integration/test_together_export_forget.py.
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from cloud_helpers import fake_aws, fake_client  # noqa: F401 (fixture)
from fake_rekognition import StoredFace

from beetroot_desktop.cli import main
from beetroot_desktop.engines.base import FaceCrop
from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.imaging.thumbnails import cache_dir_for, face_thumb_path
from beetroot_desktop.library import FaceRecord, Library, PersonChanged, open_library
from beetroot_desktop.pipeline.forget import forget_person

RNG = np.random.default_rng(7)


class Terminal(io.StringIO):
    """Typed answers on a terminal."""

    def isatty(self) -> bool:
        return True


def sha_of(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    """`beetroot ARGS` in process: the exit code, the last JSON line (or None) and stderr."""
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    lines = [ln for ln in out.splitlines() if ln.startswith(("{", "["))]
    return code, json.loads(lines[-1]) if lines else None, out + err


class Local:
    """A local-engine library built face by face, as an import would store it."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.engine = LocalEngine(lib)
        self.vectors: dict[str, np.ndarray] = {}  # FaceId -> descriptor
        lib.set_meta("engine", "local")

    def photo(self, name: str, *faces: tuple[str | None, np.ndarray]) -> tuple[int, list[str]]:
        """A photo holding faces of (person or None for a new person, descriptor); returns its FaceIds."""
        sha = sha_of(name)
        records, fids = [], []
        for idx, (person, vec) in enumerate(faces):
            crop = FaceCrop(idx, (10 + 60 * idx, 10, 40, 40), 0.99, b"", vec, sha)
            fid = self.engine.index(crop, f"{sha}:{idx}").face_id
            assert fid is not None
            self.vectors[fid] = vec
            fids.append(fid)
            records.append(FaceRecord(idx=idx, bbox=crop.box, score=0.99, engine="local",
                                      status="indexed" if person is None else "matched", descriptor=vec,
                                      engine_face_id=fid, person_id=person or fid,
                                      matched_face_id=None if person is None else person,
                                      candidates=((person, 97.0),) if person else ()))
        with self.lib.transaction():
            self.engine.persist(self.lib)
            photo_id = self.lib.record_photo(f"/photos/{name}", sha256=sha, size=1, mtime_ns=1, width=400,
                                             height=300, taken_at=None, faces=records)
        return photo_id, fids


def vec() -> np.ndarray:
    return RNG.normal(size=128).astype(np.float32)


def library_bytes(lib_dir: Path) -> bytes:
    """Every byte the library folder holds on disk (the database, its WAL, the cache)."""
    return b"".join(p.read_bytes() for p in sorted(lib_dir.rglob("*")) if p.is_file())


@pytest.fixture
def rose(tmp_path: Path) -> dict[str, Any]:
    """Rose (named, a person merged into her, a face taken out of her, thumbnails) and Mickey."""
    lib_dir = tmp_path / "lib"
    lib = open_library(lib_dir)
    lib.conn.execute("PRAGMA secure_delete = OFF")  # as most SQLite builds run: edits leave old bytes behind
    b = Local(lib)
    _, (rose,) = b.photo("rose1.jpg", (None, vec()))
    b.photo("rose2.jpg", (rose, vec()))
    _, (mickey,) = b.photo("mickey1.jpg", (None, vec()))
    b.photo("together.jpg", (rose, vec()), (mickey, vec()))
    _, (also,) = b.photo("rose-young.jpg", (None, vec()))  # the same woman, found as someone else
    b.photo("rose3.jpg", (rose, vec()))
    lib.rename_person(mickey, "Mickey Smith")
    lib.rename_person(rose, "Rose Marion Tyler")
    lib.rename_person(rose, "Rose Tyler")
    lib.merge_people([also], rose)
    taken_out = lib.conn.execute("SELECT f.id FROM faces f JOIN photos ph ON ph.id = f.photo_id"
                                 " WHERE ph.path = '/photos/rose3.jpg'").fetchone()[0]
    lib.remove_face_from_person(taken_out)  # "Not this person": it is someone else's face, it stays
    lib.set_hidden(mickey, True)  # after every edit about Rose: stays undoable
    cache = cache_dir_for(lib_dir)
    for face in lib.all_faces():
        sha = lib.photo(face["photo_id"])["sha256"]
        for size in (160, 96):
            path = face_thumb_path(cache, sha, (face["left"], face["top"], face["width"], face["height"]), size)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"thumbnail of " + str(face["id"]).encode())
    rose_fids = [r[0] for r in lib.conn.execute("SELECT engine_face_id FROM faces WHERE person_id = ?", (rose,))]
    yield {"lib": lib, "dir": lib_dir, "rose": rose, "also": also, "mickey": mickey, "taken_out": taken_out,
           "rose_fids": rose_fids, "vectors": b.vectors}
    lib.close()


def test_forget_leaves_nothing_of_the_person_in_the_library_folder(rose):
    lib: Library = rose["lib"]
    plan = lib.forget_plan(rose["rose"])
    assert set(plan.people) == {rose["rose"], rose["also"]} and plan.names == ("Rose Tyler",)
    assert len(plan.faces) == 4 and plan.photos == 4  # rose1, rose2, together, rose-young
    kept_thumbs = set(cache_dir_for(rose["dir"]).rglob("*.jpg")) - {
        face_thumb_path(cache_dir_for(rose["dir"]), sha, box, size)
        for sha, box in plan.face_boxes for size in (160, 96)}

    report = forget_person(lib, plan)
    assert (report.faces, report.photos, report.thumbnails, report.notes) == (4, 4, 8, [])
    assert report.history_dropped == 5  # Mickey's name, Rose's two, the merge, "Not this person"

    # The library goes on without her: the photos stay, Mickey keeps his faces and his hidden flag's undo.
    assert lib.photo_count() == 6 and lib.person(rose["rose"]) is None and lib.find_people("Rose Tyler") == []
    assert [p.name for p in lib.people()] == ["Mickey Smith"]
    assert lib.face(rose["taken_out"])["person_id"] is None  # "not her", by the user: not hers to delete
    assert lib.conn.execute("SELECT count(*) FROM face_exclusions").fetchone()[0] == 0
    assert lib.conn.execute("PRAGMA foreign_key_check").fetchall() == [] and lib.integrity_check() == "ok"
    assert [e.label for e in lib.history()] == ["Hide person"]
    assert lib.undo().label == "Hide person" and not lib.person(rose["mickey"]).hidden
    assert set(cache_dir_for(rose["dir"]).rglob("*.jpg")) == kept_thumbs
    lib.close()

    data = library_bytes(rose["dir"])
    assert b"Rose Tyler" not in data and b"Rose Marion" not in data  # nor what an earlier edit left behind
    for person in plan.people:
        assert person.encode() not in data, person
    for fid in rose["rose_fids"]:
        assert fid.encode() not in data
        assert rose["vectors"][fid].tobytes()[:64] not in data  # the descriptor, in faces and in the collection
    assert b"Mickey Smith" in data and rose["mickey"].encode() in data  # the check can find what is there


def test_the_grouping_review_forgets_its_questions_about_her(rose):
    lib: Library = rose["lib"]
    her_face, his_face = (lib.conn.execute("SELECT id FROM faces WHERE person_id = ? LIMIT 1", (p,)).fetchone()[0]
                          for p in (rose["rose"], rose["mickey"]))
    other = str(uuid.uuid4())
    lib.ensure_person(other)
    with lib.transaction():
        for question, face, person, candidate in (
                (f"face:{her_face}:{other}", her_face, rose["rose"], other),
                (f"face:{his_face}:{rose['rose']}", his_face, rose["mickey"], rose["rose"]),
                (f"people:{min(other, rose['mickey'])}:{max(other, rose['mickey'])}", None, other, rose["mickey"])):
            lib.conn.execute("INSERT INTO review_queue(question, kind, face_id, person_id, candidate_person_id,"
                             " similarity, weight, created_at) VALUES (?, ?, ?, ?, ?, 90, 1, 0)",
                             (question, "people" if face is None else "face", face, person, candidate))
            lib.conn.execute("INSERT INTO review_skips(question, at) VALUES (?, 0)", (question,))
        for a, b in ((rose["rose"], rose["mickey"]), (other, rose["mickey"])):
            lib.conn.execute("INSERT INTO people_pairs(a, b, at) VALUES (?, ?, 0)", (min(a, b), max(a, b)))
    forget_person(lib, lib.forget_plan(rose["rose"]))
    kept = f"people:{min(other, rose['mickey'])}:{max(other, rose['mickey'])}"
    assert [r[0] for r in lib.conn.execute("SELECT question FROM review_queue")] == [kept]
    assert [r[0] for r in lib.conn.execute("SELECT question FROM review_skips")] == [kept]
    assert lib.conn.execute("SELECT count(*) FROM people_pairs").fetchone()[0] == 1


def test_a_new_face_like_hers_starts_someone_new(rose):
    lib: Library = rose["lib"]
    forget_person(lib, lib.forget_plan(rose["rose"]))
    engine = LocalEngine(lib)  # what the next import loads
    fid = rose["rose_fids"][0]
    again = FaceCrop(0, (0, 0, 40, 40), 0.99, b"", rose["vectors"][fid], sha_of("new.jpg"))
    assert all(c.face_id not in rose["rose_fids"] for c in engine.search(again, 80.0).candidates)
    assert lib.person_for_engine_face(fid) == fid  # never seen: it could only found a new person
    assert lib.conn.execute("SELECT count(*) FROM face_candidates WHERE engine_face_id IN"
                            f" ({', '.join('?' for _ in rose['rose_fids'])})", rose["rose_fids"]).fetchone()[0] == 0


def test_forget_refuses_a_person_who_changed_since_the_question(rose):
    lib: Library = rose["lib"]
    plan = lib.forget_plan(rose["rose"])
    lib.assign_face(rose["taken_out"], rose["rose"])  # she gained a face after the user said yes
    with pytest.raises(PersonChanged):
        forget_person(lib, plan)
    assert lib.person(rose["rose"]) is not None


def test_forget_asks_on_a_terminal_and_needs_yes_without_one(rose, monkeypatch, capsys):
    lib_dir = str(rose["dir"])
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, text = run(capsys, "forget", "--library", lib_dir, "Rose Tyler")
    assert code == 2 and "--yes" in text and "nothing was deleted" in text
    assert "4 faces in 4 photos, with their face descriptors and face thumbnails" in text
    assert "its name \u201cRose Tyler\u201d, and the 1 person merged into it" in text and "cannot be undone" in text
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    code, _, text = run(capsys, "forget", "--library", lib_dir, "Rose Tyler")
    assert code == 0 and "Forget this person? [y/N]" in text and "Nothing was deleted." in text
    assert rose["lib"].person(rose["rose"]) is not None
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    code, report, text = run(capsys, "forget", "--library", lib_dir, "Rose Tyler", "--json")
    assert code == 0 and report["faces"] == 4 and report["person_id"] == rose["rose"]
    assert "Forget this person?" in text  # asked on stderr, stdout stays one JSON object
    assert rose["lib"].person(rose["rose"]) is None
    code, _, text = run(capsys, "forget", "--library", lib_dir, "Rose Tyler", "--yes")
    assert code == 2 and "no person has the id or the name 'Rose Tyler'" in text


def test_forget_refuses_a_merged_id_like_the_edit_verbs(rose, capsys):
    code, _, text = run(capsys, "forget", "--library", str(rose["dir"]), rose["also"], "--yes")
    assert code == 2 and f"was merged into {rose['rose']}" in text


# -- the cloud --------------------------------------------------------------------------------------------
def cloud_library(lib_dir: Path, fake: Any, people: dict[str, int]) -> tuple[Library, dict[str, list[str]]]:
    """A Rekognition library whose people have that many faces, one per photo, each in the fake collection."""
    lib = open_library(lib_dir)
    lib.set_meta("engine", "rekognition")
    faces: dict[str, list[str]] = {}
    collection = fake.collections["beetroot-faces"]
    with lib.transaction():
        for person, count in people.items():
            fids = [str(uuid.uuid4()) for _ in range(count)]
            faces[person] = fids
            for i, fid in enumerate(fids):
                sha = sha_of(f"{person}-{i}")
                status = "indexed" if i == 0 else "matched"
                lib.record_photo(f"/photos/{person}-{i}.jpg", sha256=sha, size=1, mtime_ns=1, width=400, height=300,
                                 taken_at=None, faces=[FaceRecord(
                                     idx=0, bbox=(10, 10, 80, 80), score=99.0, engine="rekognition", status=status,
                                     engine_face_id=fid, person_id=fids[0], candidates=((fids[0], 99.0),))])
                collection[fid] = StoredFace(fid, str(uuid.uuid4()), f"{sha}:0", np.zeros(128), {})
                lib.conn.execute("INSERT INTO engine_calls(at, engine, operation, photo_sha, outcome, detail)"
                                 " VALUES (0, 'rekognition', 'IndexFaces', ?, 'ok', ?)",
                                 (sha, f"face_id={fid} retries=0"))
    return lib, faces


def test_delete_faces_sends_exactly_their_face_ids_4096_a_call(tmp_path, fake_aws, capsys):  # noqa: F811
    lib, faces = cloud_library(tmp_path / "lib", fake_aws, {"big": 5000, "other": 3})
    big, other = faces["big"], faces["other"]
    lib.close()
    code, report, _ = run(capsys, "forget", "--library", str(tmp_path / "lib"), big[0], "--yes", "--json")
    assert code == 0 and report["faces"] == 5000 and report["cloud_faces"] == 5000
    calls = [r for r in fake_aws.requests if r.operation == "DeleteFaces"]
    assert [len(c.params["FaceIds"]) for c in calls] == [4096, 904]
    sent = [f for c in calls for f in c.params["FaceIds"]]
    assert len(sent) == len(set(sent)) and set(sent) == set(big)
    assert set(fake_aws.collections["beetroot-faces"]) == set(other)
    with open_library(tmp_path / "lib") as lib:
        ledger = lib.conn.execute("SELECT outcome, detail FROM engine_calls WHERE operation = 'DeleteFaces'").fetchall()
        assert [tuple(r) for r in ledger] == [("ok", "deleted=4096 unsuccessful=0 retries=0"),
                                              ("ok", "deleted=904 unsuccessful=0 retries=0")]
        details = [r[0] for r in lib.conn.execute("SELECT detail FROM engine_calls WHERE operation = 'IndexFaces'")]
        assert details.count("face_id=(forgotten) retries=0") == 5000
        assert {f"face_id={f} retries=0" for f in other} <= set(details)
    data = library_bytes(tmp_path / "lib")
    assert big[0].encode() not in data and big[4500].encode() not in data and other[1].encode() in data


def test_a_cloud_failure_deletes_nothing_and_forgetting_again_finishes(tmp_path, fake_aws, capsys):  # noqa: F811
    lib, faces = cloud_library(tmp_path / "lib", fake_aws, {"rose": 3, "mickey": 2})
    lib.close()
    fake_aws.fail_next("DeleteFaces", "AccessDeniedException")
    code, _, text = run(capsys, "forget", "--library", str(tmp_path / "lib"), faces["rose"][0], "--yes")
    assert code == 2 and "rekognition:DeleteFaces" in text and "Nothing was deleted." in text
    fake_aws.network_down = True
    code, _, text = run(capsys, "forget", "--library", str(tmp_path / "lib"), faces["rose"][0], "--yes")
    assert code == 1 and "Nothing was deleted from the library" in text
    with open_library(tmp_path / "lib") as lib:
        assert lib.person(faces["rose"][0]).faces == 3
    fake_aws.network_down = False
    fake_aws.collections["beetroot-faces"].pop(faces["rose"][1])  # as if a try had deleted some already
    code, report, _ = run(capsys, "forget", "--library", str(tmp_path / "lib"), faces["rose"][0], "--yes", "--json")
    assert code == 0 and report["cloud_faces"] == 3
    assert set(fake_aws.collections["beetroot-faces"]) == set(faces["mickey"])


def test_forget_goes_on_when_the_collection_is_gone(tmp_path, fake_aws, capsys):  # noqa: F811
    lib, faces = cloud_library(tmp_path / "lib", fake_aws, {"rose": 2})
    lib.close()
    fake_aws.collections.clear()
    code, report, text = run(capsys, "forget", "--library", str(tmp_path / "lib"), faces["rose"][0], "--yes", "--json")
    assert code == 0 and report["faces"] == 2 and "does not exist any more" in text


def test_the_fake_keeps_the_service_limits_of_delete_faces(fake_aws):  # noqa: F811
    from botocore.exceptions import ClientError

    client = fake_client(fake_aws)
    known = str(uuid.uuid4())
    fake_aws.collections["beetroot-faces"][known] = StoredFace(known, "i", None, np.zeros(128), {})
    gone = str(uuid.uuid4())
    answer = client.delete_faces(CollectionId="beetroot-faces", FaceIds=[known, gone])
    assert answer["DeletedFaces"] == [known]
    assert answer["UnsuccessfulFaceDeletions"] == [{"FaceId": gone, "Reasons": ["FACE_NOT_FOUND"]}]
    for bad in ([str(uuid.uuid4()) for _ in range(4097)], ["not-a-face-id"]):
        with pytest.raises(ClientError, match="ValidationException"):
            client.delete_faces(CollectionId="beetroot-faces", FaceIds=bad)
    with pytest.raises(ClientError, match="ResourceNotFoundException"):
        client.delete_faces(CollectionId="nowhere", FaceIds=[known])
    assert client.delete_collection(CollectionId="beetroot-faces")["StatusCode"] == 200
    with pytest.raises(ClientError, match="ResourceNotFoundException"):
        client.delete_collection(CollectionId="beetroot-faces")


def test_check_aws_deletes_the_collection_only_when_told_twice(tmp_path, fake_aws, monkeypatch, capsys):  # noqa: F811
    lib, faces = cloud_library(tmp_path / "lib", fake_aws, {"rose": 2})
    lib.close()
    monkeypatch.setenv("BEETROOT_LIBRARY", str(tmp_path / "lib"))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, text = run(capsys, "check-aws", "--delete-collection")
    assert code == 2 and "--yes" in text and "nothing was deleted" in text
    assert "deletes the 2 faces it holds" in text and "beetroot-faces" in fake_aws.collections
    monkeypatch.setattr("sys.stdin", Terminal("no\n"))
    assert run(capsys, "check-aws", "--delete-collection")[0] == 0 and "beetroot-faces" in fake_aws.collections
    assert run(capsys, "check-aws", "--yes")[0] == 2

    code, _, text = run(capsys, "check-aws", "--delete-collection", "--yes")
    assert code == 0 and "Deleted the collection 'beetroot-faces'" in text and "--create-collection" in text
    assert "beetroot-faces" not in fake_aws.collections
    assert [r.operation for r in fake_aws.requests][-1] == "DeleteCollection"
    with open_library(tmp_path / "lib") as lib:
        assert lib.call_counts("rekognition")["DeleteCollection"] == 1
        # The people stay as they are: their ids, names and groups do not need the collection.
        assert lib.person(faces["rose"][0]).faces == 2
    code, _, text = run(capsys, "check-aws", "--delete-collection", "--yes")
    assert code == 0 and "does not exist" in text and "nothing to delete" in text
