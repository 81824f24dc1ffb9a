"""Names travel with the photos: face regions written by exiftool are read at import, and the regions
Beetroot writes are read back by exiftool. Real sample photos; exiftool (Debian's libimage-exiftool-perl)
is the independent tool on both sides.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.pipeline import ingest
from beetroot_desktop.pipeline.hand_faces import add_face
from beetroot_desktop.pipeline.regions import iou
from beetroot_desktop.pipeline.xmp_export import export_xmp

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed"
                                 " (Debian: libimage-exiftool-perl; .ci/run installs it)")]

TWO = "events/two_people.jpg"  # Obama and Biden; labels.csv: barack_obama;joe_biden (face order not meaningful)


def exiftool(*args: str) -> str:
    return subprocess.run(["exiftool", "-q", "-m", *args], check=True, capture_output=True, text=True).stdout


def detected(photos_dir: Path, rel: str, tmp_path: Path) -> list[tuple[int, int, int, int]]:
    """The boxes the import finds in a photo (upright pixels), by face index."""
    lib_dir = tmp_path / f"probe-{Path(rel).stem}"
    with open_library(lib_dir) as lib:
        ingest([photos_dir / rel], lib, LocalEngine(lib), workers=1, thumbnails=False)
        return [(f["left"], f["top"], f["width"], f["height"]) for f in lib.all_faces()]


def mwg(size: tuple[int, int], named: list[tuple[str, tuple[float, float, float, float]]]) -> str:
    """exiftool's struct syntax for MWG regions; boxes are (left, top, width, height) fractions."""
    regions = ",".join(f"{{Area={{X={x + w / 2:.5f},Y={y + h / 2:.5f},W={w:.5f},H={h:.5f},Unit=normalized}},"
                       f"Name={name},Type=Face}}" for name, (x, y, w, h) in named)
    dims = f"{{W={size[0]},H={size[1]},Unit=pixel}}"
    return f"-XMP-mwg-rs:RegionInfo={{AppliedToDimensions={dims},RegionList=[{regions}]}}"


def fractions(box: tuple[int, int, int, int], size: tuple[int, int]) -> tuple[float, float, float, float]:
    return box[0] / size[0], box[1] / size[1], box[2] / size[0], box[3] / size[1]


def names_by_idx(lib: Library, path: Path) -> dict[int, str | None]:
    rows = lib.conn.execute(
        "SELECT f.idx, p.name FROM faces f JOIN files fi ON fi.photo_id = f.photo_id"
        " LEFT JOIN people p ON p.person_id = f.person_id WHERE fi.path = ?", (str(path),)).fetchall()
    return {r[0]: r[1] for r in rows}


def import_into(lib_dir: Path, *paths: Path) -> tuple[Library, Any]:
    lib = open_library(lib_dir)
    report = ingest(list(paths), lib, LocalEngine(lib), workers=1)
    return lib, report


@pytest.fixture
def two(photos_dir: Path, tmp_path: Path) -> tuple[Path, list[tuple[int, int, int, int]], tuple[int, int]]:
    boxes = detected(photos_dir, TWO, tmp_path)
    assert len(boxes) == 2
    return photos_dir / TWO, boxes, Image.open(photos_dir / TWO).size


def test_mwg_regions_embedded_by_exiftool_name_the_faces(two: Any, tmp_path: Path) -> None:
    src, boxes, size = two
    photo = tmp_path / "p" / "two.jpg"
    photo.parent.mkdir()
    shutil.copyfile(src, photo)
    exiftool("-overwrite_original", mwg(size, [("Barack Obama", fractions(boxes[0], size)),
                                                ("Joe Biden", fractions(boxes[1], size))]), str(photo))
    lib, report = import_into(tmp_path / "L", photo.parent)
    assert report.named_from_metadata == 2 and report.warnings == []
    assert names_by_idx(lib, photo) == {0: "Barack Obama", 1: "Joe Biden"}
    assert all(f["confirmed"] == "user" for f in lib.all_faces())  # the user's facts, not engine guesses
    lib.close()


def test_a_sidecar_in_either_convention_names_the_faces(two: Any, tmp_path: Path) -> None:
    src, boxes, size = two
    folder = tmp_path / "p"
    folder.mkdir()
    darktable, adobe = folder / "a.jpg", folder / "b.jpg"
    for photo in (darktable, adobe):
        shutil.copyfile(src, photo)
    # digiKam and darktable: photo.jpg.xmp; MWG regions
    exiftool("-o", str(folder / "a.jpg.xmp"), mwg(size, [("Ann", fractions(boxes[1], size))]), str(darktable))
    # Windows Photo Gallery's MP regions, in an Adobe-style photo.xmp
    left, top, w, h = fractions(boxes[0], size)
    exiftool("-o", str(folder / "b.xmp"),
             f"-XMP-MP:RegionInfoMP={{Regions=[{{PersonDisplayName=Bob,Rectangle={left:.5f}|, {top:.5f}|,"
             f" {w:.5f}|, {h:.5f}}}]}}", str(adobe))
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (darktable, adobe)}
    lib, report = import_into(tmp_path / "L", darktable, adobe)
    # One content at two paths is one photo: the names of both sidecars land on its faces.
    assert report.photos_new == 1 and report.photos_duplicate == 1
    names = names_by_idx(lib, darktable)
    assert names[1] == "Ann"
    assert before == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (darktable, adobe)}
    lib.close()

    lib, report = import_into(tmp_path / "L2", adobe)
    assert names_by_idx(lib, adobe) == {0: "Bob", 1: None}
    lib.close()


def test_regions_of_a_rotated_photo_are_turned_upright(two: Any, tmp_path: Path) -> None:
    """The pixels stored turned a quarter left and EXIF orientation 6: viewers show the photo upright, and
    MWG regions apply to the stored image (MWG guidelines 2.0, 5.9)."""
    src, boxes, size = two
    photo = tmp_path / "p" / "rotated.jpg"
    photo.parent.mkdir()
    upright = Image.open(src)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # counter-clockwise: orientation 6 turns it back
    exif = Image.Exif()
    exif[0x0112] = 6
    stored.save(photo, quality=95, exif=exif.tobytes())
    width, height = size

    def stored_fractions(box: tuple[int, int, int, int]) -> tuple[float, float, float, float]:
        # Upright (x, y) was stored at (y, W - x): the stored image is H wide and W high.
        left, top, w, h = box
        return top / height, (width - left - w) / width, h / height, w / width

    exiftool("-overwrite_original", mwg(stored.size, [("Barack Obama", stored_fractions(boxes[0])),
                                                       ("Joe Biden", stored_fractions(boxes[1]))]), str(photo))
    lib, report = import_into(tmp_path / "L", photo)
    faces = lib.all_faces()
    assert len(faces) == 2 and report.named_from_metadata == 2
    for face in faces:  # each name on the face whose upright box its region covers
        box = (face["left"], face["top"], face["width"], face["height"])
        expected = "Barack Obama" if iou(box, boxes[0]) > iou(box, boxes[1]) else "Joe Biden"
        assert names_by_idx(lib, photo)[face["idx"]] == expected
    lib.close()


def test_a_named_region_with_no_detected_face_becomes_a_face_of_its_own(two: Any, tmp_path: Path) -> None:
    src, boxes, size = two
    photo = tmp_path / "p" / "two.jpg"
    photo.parent.mkdir()
    shutil.copyfile(src, photo)
    exiftool("-overwrite_original", mwg(size, [("Barack Obama", fractions(boxes[0], size)),
                                                ("Someone Behind", (0.02, 0.05, 0.12, 0.2))]), str(photo))
    lib, report = import_into(tmp_path / "L", photo)
    assert report.named_from_metadata == 2
    rows = {f["idx"]: f for f in lib.all_faces()}
    assert len(rows) == 3 and rows[2]["origin"] == "metadata" and rows[2]["descriptor"] is not None
    assert names_by_idx(lib, photo)[2] == "Someone Behind"
    lib.close()


def test_a_broken_or_hostile_sidecar_is_listed_and_the_photo_imported(photos_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    shutil.copyfile(photos_dir / "family/2019/biden.jpg", folder / "a.jpg")
    shutil.copyfile(photos_dir / "family/2019/obama.jpg", folder / "b.jpg")
    (folder / "a.jpg.xmp").write_text("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF")  # cut short
    (folder / "b.jpg.xmp").write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><x>&c;</x>')  # entity expansion: refused, not expanded
    lib, report = import_into(tmp_path / "L", folder)
    assert report.photos_new == 2 and report.photos_failed == 0 and report.faces == 2
    assert len(report.warnings) == 2
    assert any("a.jpg.xmp were not read: not well-formed XML" in w for w in report.warnings)
    assert any("b.jpg.xmp were not read: refused" in w for w in report.warnings)
    lib.close()


def test_export_xmp_is_read_back_by_exiftool_and_touches_no_photo(two: Any, tmp_path: Path) -> None:
    src, _boxes, _size = two
    folder = tmp_path / "p"
    folder.mkdir()
    photo = folder / "two.jpg"
    shutil.copyfile(src, photo)
    other = folder / "alone.jpg"
    shutil.copyfile(Path(src).parents[1] / "family/2019/rose_img1.jpg", other)
    # A sidecar another tool already wrote, with tags Beetroot must keep.
    exiftool("-o", str(folder / "alone.jpg.xmp"), "-XMP-dc:Subject=holiday", "-XMP-xmp:Rating=4",
             "-XMP-dc:Description=kept as it was", str(other))
    lib, _report = import_into(tmp_path / "L", folder)
    names = {}
    for i, face in enumerate(lib.all_faces()):
        names[face["id"]] = f"Person {i} Ünïcode & <co>"
        lib.rename_person(face["person_id"], names[face["id"]])
    hashes = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (photo, other)}

    report = export_xmp(lib)
    assert report.written == 2 and report.skipped == []
    assert export_xmp(lib).unchanged == 2  # a second export rewrites nothing
    assert hashes == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (photo, other)}
    for face in lib.all_faces():
        path = Path(face["path"])
        data = json.loads(exiftool("-j", "-struct", "-RegionInfo", "-RegionInfoMP", "-PersonInImage",
                                   "-Subject", "-Rating", "-Description", f"{path}.xmp"))[0]
        regions = data["RegionInfo"]["RegionList"]
        w, h = Image.open(path).size
        ours = (face["left"], face["top"], face["width"], face["height"])
        match = [r for r in regions if r["Name"] == names[face["id"]]]
        assert len(match) == 1 and match[0]["Type"] == "Face"
        a = match[0]["Area"]
        theirs = (round((a["X"] - a["W"] / 2) * w), round((a["Y"] - a["H"] / 2) * h), round(a["W"] * w),
                  round(a["H"] * h))
        assert iou(ours, theirs) >= 0.8
        assert names[face["id"]] in [r["PersonDisplayName"] for r in data["RegionInfoMP"]["Regions"]]
        people = data["PersonInImage"]
        assert names[face["id"]] in (people if isinstance(people, list) else [people])
        if path == other:
            assert data["Subject"] in ("holiday", ["holiday"]) and data["Rating"] == 4
            assert data["Description"] == "kept as it was"
    # And Beetroot reads its own sidecars back the same way (a new library from the same folder).
    lib2, _ = import_into(tmp_path / "L2", folder)
    assert sorted(n for n in (p.name for p in lib2.people()) if n) == sorted(names.values())
    lib.close()
    lib2.close()


def test_a_face_added_by_hand_is_matched_by_a_later_import(photos_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    shutil.copyfile(photos_dir / "family/2019/obama.jpg", folder / "first.jpg")
    lib, _ = import_into(tmp_path / "L", folder / "first.jpg")
    face = lib.all_faces()[0]
    box = (face["left"], face["top"], face["width"], face["height"])
    lib.mark_not_a_face(face["id"])  # as if the detector had missed it: no person has this face now
    assert lib.people() == []
    engine = LocalEngine(lib)
    new = add_face(lib, engine, str(folder / "first.jpg"), box)
    added = lib.face(new)
    assert added["origin"] == "hand" and added["descriptor"] is not None and added["status"] == "indexed"
    person = added["person_id"]
    assert person is not None

    shutil.copyfile(photos_dir / "family/2020/obama3.jpg", folder / "later.jpg")
    report = ingest([folder / "later.jpg"], lib, LocalEngine(lib), workers=1)
    assert report.matches == 1 and report.new_people == 0
    assert names_by_idx(lib, folder / "later.jpg") == {0: None}
    assert lib.person(person).faces == 2  # type: ignore[union-attr]
    lib.close()


def test_not_a_face_leaves_every_list_survives_a_regroup_and_undoes(imported_library: Library) -> None:
    from beetroot_desktop.pipeline import regroup

    face = imported_library.all_faces()[0]
    person = face["person_id"]
    before = imported_library.person(person).faces  # type: ignore[union-attr]
    assert imported_library.mark_not_a_face(face["id"]) == person
    assert face["id"] not in imported_library.face_ids(unassigned=True)
    assert imported_library.person(person) is None or imported_library.person(person).faces == before - 1
    regroup(imported_library, 90.0, engine_factory=lambda bound: LocalEngine(imported_library))
    row = imported_library.face(face["id"])
    assert row["person_id"] is None and row["not_a_face"] == 1
    imported_library.undo()  # the regroup
    imported_library.undo()  # Not a face
    assert imported_library.face(face["id"])["not_a_face"] == 0
    assert imported_library.face(face["id"])["person_id"] == person


# -- what a hostile pass found -------------------------------------------------------------------------------
def test_export_keeps_the_regions_and_people_other_tools_wrote(two: Any, tmp_path: Path) -> None:
    src, boxes, size = two
    folder = tmp_path / "p"
    folder.mkdir()
    photo = folder / "two.jpg"
    shutil.copyfile(src, photo)
    lib, _ = import_into(tmp_path / "L", photo)
    for face in lib.all_faces():
        lib.rename_person(face["person_id"], f"Person {face['idx']}")
    sidecar = folder / "two.jpg.xmp"
    left, top, w, h = fractions(boxes[0], size)
    exiftool("-o", str(sidecar),
             "-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=1126,H=661,Unit=pixel},RegionList=["
             f"{{Area={{X={left + w / 2:.4f},Y={top + h / 2:.4f},W={w:.4f},H={h:.4f},Unit=normalized}},"
             "Name=Old Name,Type=Face,Description=kept words},"
             "{Area={X=0.5,Y=0.9,W=0.1,H=0.1,Unit=normalized},Name=Rex,Type=Pet}]}",
             "-XMP-iptcExt:PersonInImage=Someone Else", str(photo))
    export_xmp(lib)
    data = json.loads(exiftool("-j", "-struct", "-RegionInfo", "-PersonInImage", str(sidecar)))[0]
    regions = {r["Name"]: r for r in data["RegionInfo"]["RegionList"]}
    assert set(regions) == {"Person 0", "Person 1", "Rex"}  # Old Name became Beetroot's, Rex stayed
    assert regions["Rex"]["Type"] == "Pet" and regions["Person 0"]["Description"] == "kept words"
    assert set(data["PersonInImage"]) == {"Person 0", "Person 1", "Someone Else"}
    lib.close()


def test_two_sources_naming_one_face_give_one_face_and_the_preferred_name(two: Any, tmp_path: Path) -> None:
    src, boxes, size = two
    photo = tmp_path / "p" / "two.jpg"
    photo.parent.mkdir()
    shutil.copyfile(src, photo)
    # The sidecar first: exiftool -o copies what the photo already holds into it.
    exiftool("-o", str(photo) + ".xmp", mwg(size, [("Sidecar Name", fractions(boxes[0], size))]), str(photo))
    exiftool("-overwrite_original", mwg(size, [("Embedded Name", fractions(boxes[0], size))]), str(photo))
    lib, report = import_into(tmp_path / "L", photo)
    assert len(lib.all_faces()) == 2 and names_by_idx(lib, photo)[0] == "Sidecar Name"
    assert any("'Embedded Name'" in w and "'Sidecar Name' is used" in w for w in report.warnings)
    lib.close()


def test_regions_outside_the_photo_or_not_numbers_are_not_faces(two: Any, tmp_path: Path) -> None:
    src, _boxes, size = two
    photo = tmp_path / "p" / "two.jpg"
    photo.parent.mkdir()
    shutil.copyfile(src, photo)
    outside = [("Far Right", (2.85, 0.3, 0.3, 0.3)), ("Far Left", (-5.0, 0.3, 0.3, 0.3)),
               ("Everything", (-0.2, -0.2, 1.4, 1.4))]
    exiftool("-overwrite_original", mwg(size, outside), str(photo))
    lib, _ = import_into(tmp_path / "L", photo)
    assert len(lib.all_faces()) == 2 and set(names_by_idx(lib, photo).values()) == {None}
    lib.close()


def test_export_skips_a_pipe_keeps_permissions_and_names_are_printable(two: Any, tmp_path: Path) -> None:
    import os
    import stat

    from beetroot_desktop.library import EditRefused

    src, _boxes, _size = two
    folder = tmp_path / "p"
    folder.mkdir()
    a, b = folder / "a.jpg", folder / "b.jpg"
    for p in (a, b):
        shutil.copyfile(src, p)
    Image.open(src).rotate(180).save(b)  # other content: two photos
    lib, _ = import_into(tmp_path / "L", folder)
    for face in lib.all_faces():
        lib.rename_person(face["person_id"], f"P{face['id']}")
    with pytest.raises(EditRefused, match="control characters"):
        lib.rename_person(lib.all_faces()[0]["person_id"], "Lin\x01Manuel\x1b[31m")
    os.mkfifo(f"{a}.xmp")
    (folder / "b.jpg.xmp").write_text("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>")
    os.chmod(folder / "b.jpg.xmp", 0o644)
    report = export_xmp(lib)  # returns: a pipe is never opened
    assert report.skipped == [{"path": f"{a}.xmp", "reason": "not a regular file; left as it is"}]
    assert stat.S_IMODE(os.stat(folder / "b.jpg.xmp").st_mode) == 0o644
    lib.close()
