"""Names travel with the photos: photos of people together, exporting a person's photos, and forgetting a
person, through the CLI on the sample library (tests/data/photos/labels.csv says who is where)."""

from __future__ import annotations

import errno
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from beetroot_desktop.cli import main
from beetroot_desktop.imaging.thumbnails import cache_dir_for, face_thumb_path
from beetroot_desktop.library import Library, open_library

pytestmark = pytest.mark.slow
TOGETHER = {"events/obama_and_biden.jpg", "events/two_people.jpg"}  # Obama and Biden (and a child in the first)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    """`beetroot ARGS` in process: the exit code and the last JSON line (else all the output)."""
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    lines = [ln for ln in out.splitlines() if ln.startswith(("{", "["))]
    return code, json.loads(lines[-1]) if lines else out + err


def person_in(lib: Library, photos_dir: Path, rel: str, idx: int = 0) -> str:
    row = lib.conn.execute("SELECT f.person_id FROM faces f JOIN files fi ON fi.photo_id = f.photo_id"
                           " WHERE fi.path = ? AND f.idx = ?", (str(photos_dir / rel), idx)).fetchone()
    return str(row[0])


def obama_and_biden(lib: Library, photos_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    obama = person_in(lib, photos_dir, "family/2019/obama.jpg")
    biden = person_in(lib, photos_dir, "family/2019/biden.jpg")
    assert run(capsys, "rename", "--library", str(lib.dir), obama, "Barack Obama")[0] == 0
    assert run(capsys, "rename", "--library", str(lib.dir), biden, "Joe Biden")[0] == 0
    return obama, biden


def rel_paths(rows: list[dict[str, Any]], photos_dir: Path) -> set[str]:
    return {Path(r["path"]).relative_to(photos_dir).as_posix() for r in rows}


def photo_id(lib: Library, photos_dir: Path, rel: str) -> int:
    return int(lib.conn.execute("SELECT id FROM photos WHERE path = ?", (str(photos_dir / rel),)).fetchone()[0])


def set_presence(lib: Library, photos_dir: Path, rel: str, presence: str) -> None:
    """What a sync records for a photo whose drive is unplugged (offline) or whose file was deleted (missing)."""
    with lib.transaction():
        lib.conn.execute("UPDATE photos SET presence = ? WHERE id = ?", (presence, photo_id(lib, photos_dir, rel)))


# -- photos of people together ----------------------------------------------------------------------------------
def test_photos_with_obama_and_biden_and_what_only_means(imported_library, photos_dir, labels, capsys):
    lib, lib_dir = imported_library, str(imported_library.dir)
    obama, biden = obama_and_biden(lib, photos_dir, capsys)
    assert {rel for rel, people in labels.items() if {"barack_obama", "joe_biden"} <= set(people)} == TOGETHER

    code, rows = run(capsys, "photos", "--library", lib_dir, "--with", "Barack Obama", "--with", "Joe Biden", "--json")
    assert code == 0 and rel_paths(rows, photos_dir) == TOGETHER
    assert all(set(r) == {"path", "status", "faces", "reason", "other_paths"} for r in rows)  # as `photos --json`
    assert sorted((Path(r["path"]).name, r["status"], r["faces"]) for r in rows) == [
        ("obama_and_biden.jpg", "present", 3), ("two_people.jpg", "present", 2)]
    assert run(capsys, "photos", "--library", lib_dir, "--with", obama, "--with", "Joe Biden", "--json")[1] == rows

    # The child in obama_and_biden.jpg is a person of its own (unnamed): with --only, that photo is not
    # "only these people". A face that belongs to no one does not count: once the child's face is taken out
    # of its person ("Not this person"), the photo is theirs alone.
    code, only = run(capsys, "photos", "--library", lib_dir, "--with", "Joe Biden", "--with", "Barack Obama",
                     "--only", "--json")
    assert code == 0 and rel_paths(only, photos_dir) == {"events/two_people.jpg"}
    child = next(f for f in lib.faces_of_photo(photo_id(lib, photos_dir, "events/obama_and_biden.jpg"))
                 if f["person_id"] not in (obama, biden))
    assert run(capsys, "reject", "--library", lib_dir, str(photos_dir / "events/obama_and_biden.jpg"),
               str(child["idx"]), "--json")[0] == 0
    code, only = run(capsys, "photos", "--library", lib_dir, "--with", "Joe Biden", "--with", "Barack Obama",
                     "--only", "--json")
    assert rel_paths(only, photos_dir) == TOGETHER
    code, alone = run(capsys, "photos", "--library", lib_dir, "--with", "Joe Biden", "--only", "--json")
    assert rel_paths(alone, photos_dir) == {rel for rel, people in labels.items() if people == ["joe_biden"]}

    code, text = run(capsys, "photos", "--library", lib_dir, "--with", "Barack Obama", "--with", "Joe Biden")
    assert code == 0 and text.count("present") == 2 and "two_people.jpg  2 faces" in text


def test_photos_with_refuses_people_it_cannot_tell(imported_library, photos_dir, capsys):
    lib, lib_dir = imported_library, str(imported_library.dir)
    obama_and_biden(lib, photos_dir, capsys)
    code, text = run(capsys, "photos", "--library", lib_dir, "--with", "Barack Obama", "--with", "Rose Tyler")
    assert code == 2 and "no person has the id or the name 'Rose Tyler'" in text
    for rel in ("family/2019/rose_img1.jpg", "misc/lin-manuel-miranda.png"):
        assert run(capsys, "rename", "--library", lib_dir, person_in(lib, photos_dir, rel), "Twin")[0] == 0
    code, text = run(capsys, "photos", "--library", lib_dir, "--with", "Twin")
    assert code == 2 and "2 people are named 'Twin'" in text
    code, text = run(capsys, "photos", "--library", lib_dir, "--only")
    assert code == 2 and "--with PERSON" in text


def obama_groups(lib: Library, photos_dir: Path, labels: dict[str, list[str]], capsys: Any) -> list[str]:
    """Obama as several people: what a strict regroup makes of his photos (the local engine: no cost)."""
    assert run(capsys, "regroup", "--library", str(lib.dir), "--threshold", "99.8", "--yes", "--json")[0] == 0
    groups = list(dict.fromkeys(person_in(lib, photos_dir, rel) for rel, people in sorted(labels.items())
                                if people == ["barack_obama"]))
    assert len(groups) > 2
    return groups


def test_together_follows_merges_and_never_lists_missing_photos(imported_library, photos_dir, labels, capsys):
    lib, lib_dir = imported_library, str(imported_library.dir)
    groups = obama_groups(lib, photos_dir, labels, capsys)
    two = photo_id(lib, photos_dir, "events/two_people.jpg")
    here = person_in(lib, photos_dir, "family/2020/obama3.jpg")  # the group of his face in two_people.jpg
    biden = person_in(lib, photos_dir, "family/2019/biden.jpg")  # and of Biden's
    assert lib.photos_together([here, biden]) == [two]
    target = next(g for g in groups if g != here)
    assert lib.photos_together([target, biden]) == []
    lib.merge_people([here], target)
    assert lib.photos_together([target, biden]) == [two]
    assert lib.photos_together([here, biden]) == [two]  # the merged id follows its merge
    code, text = run(capsys, "photos", "--library", lib_dir, "--with", here, "--with", biden)
    assert code == 2 and f"was merged into {target}" in text  # as the edit verbs say it

    set_presence(lib, photos_dir, "events/two_people.jpg", "offline")
    code, rows = run(capsys, "photos", "--library", lib_dir, "--with", biden, "--with", target, "--json")
    assert [(Path(r["path"]).name, r["status"]) for r in rows] == [("two_people.jpg", "offline")]
    assert rows[0]["reason"].startswith("out of reach")
    set_presence(lib, photos_dir, "events/two_people.jpg", "missing")
    assert run(capsys, "photos", "--library", lib_dir, "--with", biden, "--with", target, "--json") == (0, [])


# -- export -----------------------------------------------------------------------------------------------------
def test_export_copies_present_photos_keeps_their_times_and_never_overwrites(imported_library, photos_dir,
                                                                              tmp_path, capsys):
    lib, lib_dir = imported_library, str(imported_library.dir)
    obama_and_biden(lib, photos_dir, capsys)
    out = tmp_path / "Joe"
    out.mkdir()
    (out / "biden.jpg").write_bytes(b"another photo that happens to have the name")
    set_presence(lib, photos_dir, "events/two_people.jpg", "offline")
    set_presence(lib, photos_dir, "family/2020/biden2.jpg", "missing")

    code, report = run(capsys, "export", "--library", lib_dir, "Joe Biden", str(out), "--json")
    assert code == 1  # some were skipped
    assert set(report) == {"exported", "skipped", "dir"} and report["exported"] == 2 and report["dir"] == str(out)
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert skipped["two_people.jpg"].startswith("offline: ") and skipped["biden2.jpg"].startswith("missing: ")
    assert (out / "biden.jpg").read_bytes() == b"another photo that happens to have the name"
    for name, rel in (("biden-2.jpg", "family/2019/biden.jpg"), ("obama_and_biden.jpg", "events/obama_and_biden.jpg")):
        source, copy = photos_dir / rel, out / name
        assert copy.read_bytes() == source.read_bytes() and not copy.is_symlink()
        assert copy.stat().st_mtime_ns == source.stat().st_mtime_ns  # the file times travel with it

    before = sorted(p.name for p in out.iterdir())
    set_presence(lib, photos_dir, "events/two_people.jpg", "present")
    code, text = run(capsys, "export", "--library", lib_dir, "Joe Biden", str(out))
    assert code == 1 and "already there" in text and "SKIPPED" in text and "biden2.jpg: missing" in text
    assert sorted(p.name for p in out.iterdir()) == sorted([*before, "two_people.jpg"])  # only what was new

    assert run(capsys, "export", "--library", lib_dir, "Nobody", str(out))[0] == 2
    code, text = run(capsys, "export", "--library", lib_dir, "Joe Biden", str(out / "biden.jpg"))
    assert code == 2 and "biden.jpg" in text


def test_export_links_where_it_can_and_copies_with_a_note_where_it_cannot(imported_library, photos_dir, tmp_path,
                                                                          capsys, monkeypatch):
    lib, lib_dir = imported_library, str(imported_library.dir)
    obama_and_biden(lib, photos_dir, capsys)
    code, report = run(capsys, "export", "--library", lib_dir, "Joe Biden", str(tmp_path / "linked"), "--links",
                       "--json")
    assert code == 0 and report["exported"] == 4
    for path in (tmp_path / "linked").iterdir():  # hard links on the same drive, else symbolic ones
        assert os.path.samefile(path, photos_dir / next(r for r in (
            "family/2019/biden.jpg", "family/2020/biden2.jpg", "events/two_people.jpg", "events/obama_and_biden.jpg")
            if r.endswith(path.name)))

    def refused(*_: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", refused)
    monkeypatch.setattr(os, "symlink", refused)
    capsys.readouterr()
    assert main(["export", "--library", lib_dir, "Joe Biden", str(tmp_path / "copied"), "--links", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["exported"] == 4 and "note: links to" in err and "copied instead" in err
    assert all(not p.is_symlink() and p.stat().st_nlink == 1 for p in (tmp_path / "copied").iterdir())


# -- forget -----------------------------------------------------------------------------------------------------
def library_bytes(lib_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(lib_dir.rglob("*")) if p.is_file())


def test_forget_leaves_nothing_of_obama_and_no_sync_brings_him_back(imported_library, photos_dir, labels,
                                                                   tmp_path, capsys, monkeypatch):
    lib, lib_dir = imported_library, str(imported_library.dir)
    obama_and_biden(lib, photos_dir, capsys)
    obama, *merged = obama_groups(lib, photos_dir, labels, capsys)
    name = "Barack Hussein Obama II"
    assert run(capsys, "rename", "--library", lib_dir, obama, name)[0] == 0
    assert run(capsys, "merge", "--library", lib_dir, obama, *merged, "--json")[0] == 0
    faces = lib.person_faces(obama)
    descriptors = [bytes(f["descriptor"]) for f in faces if f["descriptor"]]
    thumbs = [face_thumb_path(cache_dir_for(lib.dir), lib.photo(f["photo_id"])["sha256"],
                              (f["left"], f["top"], f["width"], f["height"])) for f in faces]
    photos = len({f["photo_id"] for f in faces})
    assert len(faces) > 10 and len(descriptors) == len(faces) and all(t.exists() for t in thumbs)
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = library_bytes(lib.dir)
    assert name.encode() in data and obama.encode() in data and descriptors[0][:64] in data  # found while there
    photos_before = lib.photo_count()

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, text = run(capsys, "forget", "--library", lib_dir, name)
    assert code == 2 and f"{len(faces)} faces in {photos} photos" in text and "--yes" in text
    assert f"and the {len(merged)} people merged into it" in text and lib.person(obama) is not None
    code, report = run(capsys, "forget", "--library", lib_dir, name, "--yes", "--json")
    assert code == 0 and report["faces"] == len(faces) and set(report["people"]) == {obama, *merged}
    assert report["thumbnails"] == len(faces) and report["photos"] == photos

    lib.close()
    data = library_bytes(Path(lib_dir))
    for secret in (name.encode(), *(p.encode() for p in (obama, *merged)), *(d[:64] for d in descriptors)):
        assert secret not in data
    assert not any(t.exists() for t in thumbs)
    assert b"Joe Biden" in data

    with open_library(lib_dir) as again:
        assert again.photo_count() == photos_before  # the photos stay
        faces_left = again.face_count()
    # A sync looks at every photo again: known content is never analysed again, so no face of his returns.
    code, summary = run(capsys, "import", "--library", lib_dir, "--json")
    assert code == 0 and summary["faces"] == 0 and summary["new_people"] == 0
    with open_library(lib_dir) as again:
        assert again.face_count() == faces_left and again.find_people(obama) == []
    # A photo the library has never seen is new content: his face there is found as anyone's would be, and
    # can join no one he was (unnamed, a new id or someone he never was merged with).
    new = tmp_path / "new"
    new.mkdir()
    with Image.open(photos_dir / "family/2019/obama.jpg") as image:
        image.convert("RGB").save(new / "obama-again.jpg", quality=80)
    code, summary = run(capsys, "import", "--library", lib_dir, str(new), "--json")
    assert code == 0 and summary["faces"] == 1
    code, people = run(capsys, "people", "--library", lib_dir, "--json")
    newcomer = next(p for p in people if str(new / "obama-again.jpg") in p["photos"])
    assert newcomer["name"] is None and newcomer["person_id"] not in (obama, *merged)


def test_forget_on_a_cloud_library_deletes_exactly_their_face_ids(cloud_library, capsys, monkeypatch):
    from cloud_helpers import fake_aws_env

    lib, fake = cloud_library
    obama = max(lib.people(), key=lambda p: p.faces).person_id
    theirs = {f["engine_face_id"] for f in lib.person_faces(obama) if f["engine_face_id"]}
    stored = set(fake.collections["beetroot-faces"])
    assert theirs and theirs <= stored
    with fake_aws_env(fake, monkeypatch):
        code, report = run(capsys, "forget", "--library", str(lib.dir), obama, "--yes", "--json")
        assert code == 0 and report["cloud_faces"] == len(theirs)
        (call,) = [r for r in fake.requests if r.operation == "DeleteFaces"]
        assert sorted(call.params["FaceIds"]) == sorted(theirs) and call.params["CollectionId"] == "beetroot-faces"
        assert set(fake.collections["beetroot-faces"]) == stored - theirs

        searches = fake.calls("SearchFacesByImage")
        code, summary = run(capsys, "import", "--library", str(lib.dir), "--engine", "rekognition", "--json")
        assert code == 0 and summary["faces"] == 0 and fake.calls("SearchFacesByImage") == searches
    assert lib.person(obama) is None
    ledger = lib.conn.execute("SELECT outcome, detail FROM engine_calls WHERE operation = 'DeleteFaces'").fetchall()
    assert [r["outcome"] for r in ledger] == ["ok"]
    lib.close()
    data = library_bytes(lib.dir)
    assert obama.encode() not in data and not any(fid.encode() in data for fid in theirs)
