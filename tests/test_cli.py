"""The headless CLI end to end, as a user or a script runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from beetroot_desktop.cli import main


def beetroot(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "beetroot_desktop", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def test_import_people_and_faces_on_the_sample_library(tmp_path: Path, photos_dir: Path, labels):
    lib = str(tmp_path / "lib")
    run = beetroot("import", "--library", lib, str(photos_dir), "--json")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    summary = json.loads(lines[-1])
    assert summary["photos_seen"] == 27 and summary["photos_duplicate"] == 1 and summary["faces"] == 30
    assert summary["engine_calls"] == summary["faces"] + summary["new_people"]
    face_lines = [ln for ln in lines if ": Match: idx=" in ln or ": NoMatch: idx=" in ln]
    assert len(face_lines) == 30 and all(ln.startswith(str(photos_dir)) for ln in face_lines)

    people = json.loads(beetroot("people", "--library", lib, "--json").stdout)
    assert len(people) == len({p for ps in labels.values() for p in ps})
    by_label: dict[str, set[str]] = {}
    for person in people:
        assert set(person) >= {"person_id", "name", "faces", "photos"}
        for photo in person["photos"]:
            assert Path(photo).is_absolute()
            rel = Path(photo).relative_to(photos_dir).as_posix()
            if len(labels[rel]) == 1:
                by_label.setdefault(labels[rel][0], set()).add(person["person_id"])
    assert all(len(ids) == 1 for ids in by_label.values())  # no label split in two
    assert len({next(iter(ids)) for ids in by_label.values()}) == len(by_label)  # no person mixes two labels

    faces = json.loads(beetroot("faces", "--library", lib, "--json").stdout)
    assert len(faces) == 30
    assert {"photo", "idx", "bbox", "person_id", "similarity", "status"} <= set(faces[0])
    assert all(len(f["bbox"]) == 4 and f["bbox"][2] > 0 for f in faces)

    again = beetroot("import", "--library", lib, str(photos_dir), "--json")
    second = json.loads(again.stdout.strip().splitlines()[-1])
    assert second["engine_calls"] == 0 and second["photos_unchanged"] == 27 and second["seconds"] < 1.0


def test_failures_exit_1_with_each_listed(tmp_path: Path, photos_dir: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 50)
    (tmp_path / "in" / "ok.jpg").write_bytes((photos_dir / "misc" / "obama_small.jpg").read_bytes())
    run = beetroot("import", "--library", str(tmp_path / "lib"), str(tmp_path / "in"), "--json")
    assert run.returncode == 1
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["photos_failed"] == 1 and summary["failed"][0]["path"].endswith("broken.jpg")
    assert summary["faces"] == 1
    assert "broken.jpg" in run.stderr


def test_usage_and_configuration_errors_exit_2(tmp_path: Path, capsys):
    assert main(["import", "--library", str(tmp_path / "l"), str(tmp_path), "--threshold", "120"]) == 2
    assert "threshold must be between" in capsys.readouterr().err
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "library.sqlite3").write_bytes(b"garbage" * 200)
    assert main(["people", "--library", str(bad)]) == 2
    assert "damaged" in capsys.readouterr().err


def test_threshold_from_environment(tmp_path: Path, photos_dir: Path):
    run = beetroot("import", "--library", str(tmp_path / "lib"), str(photos_dir / "events"),
                   env={"FACE_MATCH_THRESHOLD": "99.9"})
    assert "threshold=99.9" in run.stdout


def test_import_is_logged_to_the_log_folder(tmp_path: Path, photos_dir: Path):
    run = beetroot("import", "--library", str(tmp_path / "lib"), str(photos_dir / "family" / "2019"))
    assert run.returncode == 0
    log = (Path(os.environ["BEETROOT_LOG_DIR"]) / "beetroot.log").read_text()
    assert "NoMatch: idx=0 threshold=95.0 -> indexing" in log and "Imported: 5 photos seen" in log
