"""People that stay right: the reproductions of the identity bugs, on the real photos, through the CLI verbs."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from grouping import grouping_errors

from beetroot_desktop.cli import main
from beetroot_desktop.library import open_library
from beetroot_desktop.library.schema import APPLICATION_ID

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"  # tests/schemas


def build_fixture(version: int, lib_dir: Path) -> Path:
    """A library file exactly as that released version left it (see test_migrations.py)."""
    lib_dir.mkdir(parents=True)
    path = lib_dir / "library.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript((SCHEMAS / f"v{version}.sql").read_text(encoding="utf-8"))
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    """`beetroot ARGS --json` in process: the exit code and the last JSON line (or the error text)."""
    capsys.readouterr()
    code = main([*args, "--json"])
    out, err = capsys.readouterr()
    lines = [ln for ln in out.splitlines() if ln.startswith(("{", "["))]
    return code, json.loads(lines[-1]) if lines else err


def people(capsys: pytest.CaptureFixture[str], lib: str) -> list[dict[str, Any]]:
    code, rows = run(capsys, "people", "--library", lib)
    assert code == 0
    return rows


def partition(lib_dir: str) -> set[frozenset[tuple[str, int]]]:
    """Which faces are together, whatever the people's ids."""
    groups: dict[str, set[tuple[str, int]]] = {}
    with open_library(lib_dir) as lib:
        for face in lib.all_faces():
            if face["person_id"]:
                groups.setdefault(face["person_id"], set()).add((face["path"], face["idx"]))
    return {frozenset(g) for g in groups.values()}


def obama_of(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return max(rows, key=lambda p: p["faces"])


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory, photos_dir: Path) -> Callable[..., None]:
    """`imported(lib, *folders)`: LIB as `beetroot import --library LIB FOLDERS` leaves it (the folders under
    the sample photos). The import runs through the CLI once per set of folders in this module (dlib and
    worker processes, seconds); each test gets its own copy of the library it made."""
    made: dict[tuple[str, ...], Path] = {}

    def imported(lib: str, *folders: str) -> None:
        if folders not in made:
            template = tmp_path_factory.mktemp("cli-import") / "lib"
            paths = [str(photos_dir / folder) for folder in folders]
            assert main(["import", "--library", str(template), *paths, "--json"]) == 0
            made[folders] = template
        shutil.copytree(made[folders], lib)

    return imported


def test_a_threshold_round_trip_then_an_import_splits_no_one(tmp_path, photos_dir, labels, capsys, imported):
    lib, fresh = str(tmp_path / "lib"), str(tmp_path / "fresh")
    imported(lib, "events", "family")
    code, strict = run(capsys, "regroup", "--library", lib, "--threshold", "99.8", "--yes")
    assert code == 0 and strict["applied"] and strict["people"] > 7
    code, back = run(capsys, "regroup", "--library", lib, "--threshold", "95", "--yes")
    assert code == 0 and back["applied"]
    code, summary = run(capsys, "import", "--library", lib, str(photos_dir / "misc"))
    assert code == 0 and summary["new_people"] == 1  # Lin-Manuel Miranda, no one else

    assert len(people(capsys, lib)) == 7
    with open_library(lib) as library:
        assert grouping_errors(library, photos_dir, labels) == []
        assert library.saved_threshold() == 95.0
    # Exactly what a library that never regrouped holds.
    imported(fresh, "events", "family")
    assert run(capsys, "import", "--library", fresh, str(photos_dir / "misc"))[0] == 0
    assert partition(lib) == partition(fresh)


def test_not_this_person_on_a_first_face_keeps_the_name_through_any_regroup(tmp_path, photos_dir, capsys, imported):
    lib = str(tmp_path / "lib")
    imported(lib, ".")
    obama = obama_of(people(capsys, lib))
    assert run(capsys, "rename", obama["person_id"], "Barack Obama", "--library", lib)[0] == 0
    with open_library(lib) as library:
        founder = library.conn.execute(
            "SELECT ph.path, f.idx FROM faces f JOIN photos ph ON ph.id = f.photo_id WHERE f.engine_face_id = ?",
            (obama["person_id"],)).fetchone()
    first = founder["path"]
    code, out = run(capsys, "reject", first, str(founder["idx"]), "--library", lib)
    assert code == 0 and out["rejected_from"] == obama["person_id"]
    for threshold in ("95", "99.8", "95", "80", "50", "95"):
        assert run(capsys, "regroup", "--library", lib, "--threshold", threshold, "--yes")[0] == 0
        named = [p for p in people(capsys, lib) if p["name"] == "Barack Obama"]
        assert len(named) == 1, threshold
        assert named[0]["person_id"] == obama["person_id"] and first not in named[0]["photos"], threshold
    assert named[0]["faces"] == obama["faces"] - 1


def test_a_merge_survives_a_threshold_round_trip_and_undo_takes_it_back(tmp_path, photos_dir, capsys, imported):
    lib = str(tmp_path / "lib")
    imported(lib, ".")
    rows = people(capsys, lib)
    # Two people who never share a photo: Kit Harington and Alex Lacamoire.
    target = next(p for p in rows if any(ph.endswith("john1.jpeg") for ph in p["photos"]))
    source = next(p for p in rows if any(ph.endswith("alex_img1.jpg") for ph in p["photos"]))
    code, out = run(capsys, "merge", target["person_id"], source["person_id"], "--library", lib)
    assert code == 0 and out["person"]["faces"] == target["faces"] + source["faces"]
    for threshold in ("99.8", "95"):
        assert run(capsys, "regroup", "--library", lib, "--threshold", threshold, "--yes")[0] == 0
        merged = [p for p in people(capsys, lib) if p["person_id"] == target["person_id"]]
        assert merged and merged[0]["faces"] == target["faces"] + source["faces"], threshold
    code, out = run(capsys, "undo", "--library", lib)
    assert code == 0 and out["undone"] == "Regroup at 95 %"
    assert run(capsys, "undo", "--library", lib)[1]["undone"] == "Regroup at 99.8 %"
    assert run(capsys, "undo", "--library", lib)[1]["undone"] == "Merge people"
    ids = {p["person_id"]: p["faces"] for p in people(capsys, lib)}
    assert ids[target["person_id"]] == target["faces"] and ids[source["person_id"]] == source["faces"]
    code, out = run(capsys, "redo", "--library", lib)
    assert code == 0 and out["redone"] == "Merge people"
    assert source["person_id"] not in {p["person_id"] for p in people(capsys, lib)}
    # A merged-away id names no one to rename; split the formerly merged person off by its id.
    code, err = run(capsys, "rename", source["person_id"], "Alex", "--library", lib)
    assert code == 2 and "was merged into" in err
    code, out = run(capsys, "split", target["person_id"], source["person_id"], "--library", lib)
    assert code == 0 and out["split"][0]["person_id"] == source["person_id"]
    ids = {p["person_id"]: p["faces"] for p in people(capsys, lib)}
    assert ids[target["person_id"]] == target["faces"] and ids[source["person_id"]] == source["faces"]


def test_a_name_stays_on_one_row_after_a_loose_regroup_and_an_import(tmp_path, photos_dir, labels, capsys, imported):
    lib = str(tmp_path / "lib")
    imported(lib, "events", "family")
    obama = obama_of(people(capsys, lib))
    assert run(capsys, "rename", obama["person_id"], "Barack", "--library", lib)[0] == 0
    assert run(capsys, "regroup", "--library", lib, "--threshold", "90", "--yes")[0] == 0
    assert run(capsys, "import", "--library", lib, str(photos_dir / "misc"))[0] == 0
    rows = people(capsys, lib)
    named = [p for p in rows if p["name"] == "Barack"]
    assert len(named) == 1 and named[0]["person_id"] == obama["person_id"]
    misc_obama = [rel for rel, who in labels.items() if rel.startswith("misc/obama") and who == ["barack_obama"]]
    in_named = {Path(p).relative_to(photos_dir).as_posix() for p in named[0]["photos"]}
    assert set(misc_obama) - {"misc/obama_copy.jpg"} <= in_named  # the new faces followed the name


def test_edit_verbs_refuse_unknown_and_ambiguous_people_with_exit_2(tmp_path, photos_dir, capsys, imported):
    lib = str(tmp_path / "lib")
    imported(lib, "family/2019")
    rows = people(capsys, lib)
    assert run(capsys, "rename", "nobody-at-all", "X", "--library", lib) == (2, "beetroot: no person has the id or"
                                                                             " the name 'nobody-at-all' (see"
                                                                             " `beetroot people`)\n")
    for row in rows[:2]:
        assert run(capsys, "rename", row["person_id"], "Twin", "--library", lib)[0] == 0
    code, err = run(capsys, "hide", "Twin", "--library", lib)
    assert code == 2 and "2 people are named 'Twin'" in err
    code, err = run(capsys, "reject", str(photos_dir / "family" / "2019" / "obama.jpg"), "7", "--library", lib)
    assert code == 2 and "has no face 7" in err
    code, err = run(capsys, "redo", "--library", lib)
    assert code == 2 and "nothing to redo" in err
    code, out = run(capsys, "hide", rows[0]["person_id"], "--library", lib)
    assert code == 0 and out["person"]["hidden"] is True
    hidden = {p["person_id"]: p["hidden"] for p in people(capsys, lib)}
    assert hidden[rows[0]["person_id"]] is True and hidden[rows[1]["person_id"]] is False


def test_plain_people_output_escapes_names_that_could_forge_lines(tmp_path, photos_dir, capsys):
    lib = str(tmp_path / "lib")
    assert run(capsys, "import", "--library", lib, str(photos_dir / "family" / "2019" / "biden.jpg"))[0] == 0
    person = people(capsys, lib)[0]["person_id"]
    assert run(capsys, "rename", person, "Joe\x1b[31m", "--library", lib)[0] == 2  # control characters: refused
    assert run(capsys, "rename", person, "Joe\u202e[31m", "--library", lib)[0] == 0  # a bidi override is text
    capsys.readouterr()
    assert main(["people", "--library", lib]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "Joe\\u202e[31m" in out
    assert people(capsys, lib)[0]["name"] == "Joe\u202e[31m"  # JSON stays exact


def test_undo_works_after_a_restart_and_a_new_edit_forgets_the_redo(tmp_path, photos_dir, capsys, imported):
    lib = str(tmp_path / "lib")
    imported(lib, "family/2019")
    person = people(capsys, lib)[0]["person_id"]
    assert run(capsys, "rename", person, "Ann", "--library", lib)[1]["undo"] == "Rename to \u201cAnn\u201d"
    assert run(capsys, "rename", person, "Bea", "--library", lib)[0] == 0
    with open_library(lib) as library:  # another process, later
        assert library.undo().label == "Rename to \u201cBea\u201d"
    assert {p["name"] for p in people(capsys, lib)} >= {"Ann"}
    assert run(capsys, "rename", person, "Cy", "--library", lib)[0] == 0
    assert run(capsys, "redo", "--library", lib)[0] == 2
    assert run(capsys, "undo", "--library", lib)[1]["undone"] == "Rename to \u201cCy\u201d"
    assert run(capsys, "undo", "--library", lib)[1]["undone"] == "Rename to \u201cAnn\u201d"
    assert all(p["name"] is None for p in people(capsys, lib))


def test_a_version_2_library_keeps_names_merges_and_shown_names(tmp_path, photos_dir):
    """Version 2 showed a regrouped unnamed group under a named person's name: now the name owns those faces."""
    path = build_fixture(2, tmp_path / "lib")
    conn = sqlite3.connect(path)
    barack = conn.execute("SELECT person_id FROM people WHERE name = 'Barack'").fetchone()[0]
    joe = conn.execute("SELECT person_id FROM people WHERE name = 'Joe'").fetchone()[0]
    # As a v2 regroup left it: Barack's faces moved to a group founded by another of his faces, unnamed.
    other = conn.execute("SELECT id FROM faces WHERE person_id = ? AND engine_face_id IS NULL LIMIT 1",
                         (barack,)).fetchone()
    group = "0f0f0f0f-aaaa-bbbb-cccc-000000000001"
    conn.execute("INSERT INTO people(person_id, created_at) VALUES (?, 1)", (group,))
    conn.execute("UPDATE faces SET person_id = ? WHERE person_id = ?", (group, barack))
    conn.commit()
    conn.close()
    with open_library(path.parent) as lib:
        shown = {p.name: p for p in lib.people()}
        assert shown["Barack"].person_id == barack and shown["Barack"].faces >= 1 + (other is not None)
        assert lib.person(group) is None
        assert shown["Joe"].person_id == joe
        assert lib.exclusions()  # "Not this person" carried over
        # The migrated library keeps its names through a regroup.
        from beetroot_desktop.pipeline import apply_regroup, plan_regroup

        apply_regroup(lib, plan_regroup(lib, 99.5))
        apply_regroup(lib, plan_regroup(lib, 95.0))
        assert {p.name for p in lib.people()} >= {"Barack", "Joe"}


# -- what an adversarial pass found ------------------------------------------------------------------------------
def founder(lib: str, person_id: str) -> tuple[str, int]:
    with open_library(lib) as library:
        row = library.conn.execute(
            "SELECT ph.path, f.idx FROM faces f JOIN photos ph ON ph.id = f.photo_id WHERE f.engine_face_id = ?",
            (person_id,)).fetchone()
    return row["path"], row["idx"]


def by_photo(rows: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(p for p in rows if any(ph.endswith(name) for ph in p["photos"]))


@pytest.mark.parametrize("how", ["assign", "split"])
def test_moving_a_founding_face_away_keeps_its_person_and_drags_no_one(tmp_path, photos_dir, labels, capsys, how,
                                                                      imported):
    lib = str(tmp_path / "lib")
    imported(lib, "events", "family")
    rows = people(capsys, lib)
    obama, alex = obama_of(rows), by_photo(rows, "alex_img1.jpg")
    path, idx = founder(lib, obama["person_id"])
    if how == "assign":
        assert run(capsys, "assign", path, str(idx), alex["person_id"], "--library", lib)[0] == 0
    else:
        assert run(capsys, "split", obama["person_id"], f"{path}:{idx}", "--library", lib)[0] == 0
    assert run(capsys, "rename", obama["person_id"], "Barack", "--library", lib)[0] == 0
    for threshold in ("95", "99.8", "50", "95"):
        assert run(capsys, "regroup", "--library", lib, "--threshold", threshold, "--yes")[0] == 0
        assert [p["name"] for p in people(capsys, lib)].count("Barack") == 1, threshold
    rows = people(capsys, lib)
    barack = [p for p in rows if p["name"] == "Barack"]
    assert len(barack) == 1 and barack[0]["faces"] == obama["faces"] - 1
    moved = next(p for p in rows if path in p["photos"])
    assert moved["faces"] == (alex["faces"] + 1 if how == "assign" else 1)  # the one face, nothing dragged along


def test_not_this_person_on_a_first_face_then_an_import_still_finds_the_person(tmp_path, photos_dir, capsys, imported):
    lib = str(tmp_path / "lib")
    imported(lib, "events", "family")
    obama = obama_of(people(capsys, lib))
    assert run(capsys, "rename", obama["person_id"], "Barack", "--library", lib)[0] == 0
    path, idx = founder(lib, obama["person_id"])
    assert run(capsys, "reject", path, str(idx), "--library", lib)[0] == 0
    code, summary = run(capsys, "import", "--library", lib, str(photos_dir / "misc"))
    assert code == 0 and summary["new_people"] == 1  # Lin-Manuel Miranda only: no second Obama
    barack = [p for p in people(capsys, lib) if p["name"] == "Barack"]
    assert len(barack) == 1 and barack[0]["faces"] == obama["faces"] - 1 + 8


def test_merge_split_merge_split_gives_the_same_people_back(tmp_path, photos_dir, labels, capsys, imported):
    lib = str(tmp_path / "lib")
    imported(lib, ".")
    rows = people(capsys, lib)
    kit, alex = by_photo(rows, "john1.jpeg"), by_photo(rows, "alex_img1.jpg")
    for _ in range(2):
        assert run(capsys, "merge", kit["person_id"], alex["person_id"], "--library", lib)[0] == 0
        assert run(capsys, "split", kit["person_id"], alex["person_id"], "--library", lib)[0] == 0
        counts = {p["person_id"]: sorted(p["photos"]) for p in people(capsys, lib)}
        assert counts[kit["person_id"]] == sorted(kit["photos"]) and counts[alex["person_id"]] == sorted(alex["photos"])
    with open_library(lib) as library:
        assert grouping_errors(library, photos_dir, labels) == []


def test_faces_imported_during_a_merge_follow_their_person_when_it_is_split_or_undone(tmp_path, photos_dir, capsys,
                                                                                     imported):
    for how in ("split", "undo"):
        lib = str(tmp_path / how)
        imported(lib, "events", "family")
        rows = people(capsys, lib)
        kit, alex = by_photo(rows, "john1.jpeg"), by_photo(rows, "alex_img1.jpg")
        assert run(capsys, "merge", kit["person_id"], alex["person_id"], "--library", lib)[0] == 0
        assert run(capsys, "import", "--library", lib, str(photos_dir / "misc"))[0] == 0
        if how == "split":
            assert run(capsys, "split", kit["person_id"], alex["person_id"], "--library", lib)[0] == 0
        else:
            assert run(capsys, "undo", "--library", lib)[1]["undone"] == "Merge people"
        rows = {p["person_id"]: p["photos"] for p in people(capsys, lib)}
        assert any(ph.endswith("alex-lacamoire.png") for ph in rows[alex["person_id"]]), how
        assert not any("alex" in ph for ph in rows[kit["person_id"]]), how


def test_a_name_lent_by_a_merge_goes_back_with_the_split(tmp_path, photos_dir, capsys, imported):
    lib = str(tmp_path / "lib")
    imported(lib, "events", "family")
    rows = people(capsys, lib)
    kit, alex = by_photo(rows, "john1.jpeg"), by_photo(rows, "alex_img1.jpg")
    assert run(capsys, "rename", kit["person_id"], "Kit", "--library", lib)[0] == 0
    code, out = run(capsys, "merge", alex["person_id"], kit["person_id"], "--library", lib)
    assert code == 0 and out["person"]["name"] == "Kit"  # an unnamed target takes the name
    assert run(capsys, "split", alex["person_id"], "Kit", "--library", lib)[0] == 0  # by the merged person's name
    names = {p["person_id"]: p["name"] for p in people(capsys, lib)}
    assert names[kit["person_id"]] == "Kit" and names[alex["person_id"]] is None


def test_edits_that_change_nothing_leave_no_undo_entry(tmp_path, photos_dir, capsys, imported):
    lib = str(tmp_path / "lib")
    imported(lib, "family/2019")
    person = people(capsys, lib)[0]["person_id"]
    assert run(capsys, "regroup", "--threshold", "95", "--yes", "--library", lib)[0] == 0  # only saves 95
    assert run(capsys, "rename", person, "X", "--library", lib)[1]["undo"] == "Rename to \u201cX\u201d"
    for args in (("rename", person, "X"), ("unhide", person), ("regroup", "--threshold", "95", "--yes")):
        assert run(capsys, *args, "--library", lib)[0] == 0
    with open_library(lib) as library:
        assert [e.label for e in library.history()] == ["Rename to \u201cX\u201d"]
        assert library.saved_threshold() == 95.0


def test_hostile_references_get_a_message_not_a_traceback(tmp_path, photos_dir, capsys, imported):
    lib = str(tmp_path / "lib")
    imported(lib, "events")
    rows = people(capsys, lib)
    a, b = rows[0]["person_id"], rows[1]["person_id"]
    two = str(photos_dir / "events" / "two_people.jpg")
    for args, words in [
        (("split", a, f"{two}:99999999999999999999999"), "is not a face index"),
        (("reject", two, "99999999999999999999999"), "is not a face index"),
        (("rename", a, "a\udcffb"), "is not valid UTF-8"),
        (("rename", "\udcff", "x"), "is not valid UTF-8"),
        (("reject", "/tmp/\udcff.jpg", "0"), "is not in the library"),
        (("split", a, ":0"), "give the photo's path"),
        (("rename", a, b), "another person's id"),
        (("rename", a, "unnamed PERSON"), "people without a name"),
    ]:
        code, err = run(capsys, *args, "--library", lib)
        assert code == 2 and words in err and "Traceback" not in err, (args, err)
    link = tmp_path / "link.jpg"
    link.symlink_to(two)
    code, out = run(capsys, "reject", str(link), "0", "--library", lib)
    assert code == 0 and out["face"]["photo"] == two


def test_second_pass_findings(tmp_path, photos_dir, capsys):
    """Merged-away ids, ids in capitals, links on either side, and a regroup's undo in its JSON."""
    links = tmp_path / "links"
    links.mkdir()
    (links / "o.jpg").symlink_to(photos_dir / "family" / "2019" / "obama.jpg")
    lib = str(tmp_path / "lib")
    assert run(capsys, "import", "--library", lib, str(photos_dir / "events"), str(links))[0] == 0
    code, out = run(capsys, "reject", str(photos_dir / "family" / "2019" / "obama.jpg"), "0", "--library", lib)
    assert code == 0 and out["face"]["photo"] == str(links / "o.jpg")  # imported through the link
    rows = people(capsys, lib)
    kit, rose = by_photo(rows, "johnsnow_test1.jpg"), by_photo(rows, "alex_lacamoire1.jpg")
    assert run(capsys, "merge", kit["person_id"], rose["person_id"], "--library", lib)[0] == 0
    code, err = run(capsys, "rename", rose["person_id"], "Rose", "--library", lib)
    assert code == 2 and f"was merged into {kit['person_id']}" in err
    code, err = run(capsys, "rename", kit["person_id"], obama_of(rows)["person_id"].upper(), "--library", lib)
    assert code == 2 and "another person's id" in err
    code, out = run(capsys, "regroup", "--threshold", "99.8", "--yes", "--library", lib)
    assert code == 0 and out["undo"] == "Regroup at 99.8 %"
