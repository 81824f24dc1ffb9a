"""Crash safety: SIGKILL an import or a people edit at random moments; nothing is lost, doubled or left running.

The import runs as the real command in a subprocess and is killed from outside (no cooperation). The
edits are killed from inside SQLite's progress handler at a seeded random VM step, so the kill lands
inside the edit's transaction, not merely near it.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from procs import REPO, descendants, running

from beetroot_desktop.library import open_library

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")]

SUBSET = [  # 8 photos, 9 faces: multi-face photos, a duplicate, several people seen more than once
    "events/kit_with_rose.jpg",
    "events/two_people.jpg",
    "family/2019/obama.jpg",
    "misc/obama_copy.jpg",
    "family/2019/biden.jpg",
    "family/2019/rose_img1.jpg",
    "family/2020/john2.jpeg",
    "misc/obama-480p.jpg",
]
TRIALS = 5  # plus a second kill in some trials and three kills inside transactions below
SEED = 20240607
WORKERS_GONE_WITHIN = 5.0  # seconds


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "beetroot_desktop", *args]


ENV = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}


@pytest.fixture(scope="module")
def subset(tmp_path_factory: pytest.TempPathFactory, photos_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("crash-photos")
    for rel in SUBSET:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(photos_dir / rel, root / rel)
    return root


def partition(lib_dir: Path, root: Path) -> frozenset[frozenset[tuple[str, int]]]:
    """The faces grouped by person, each face named by (photo, idx): person ids are random, groups are not."""
    groups: dict[str, set[tuple[str, int]]] = {}
    with open_library(lib_dir) as lib:
        for face in lib.all_faces():
            key = (Path(face["path"]).relative_to(root).as_posix(), face["idx"])
            groups.setdefault(face["person_id"] or f"none:{key}", set()).add(key)
    return frozenset(frozenset(g) for g in groups.values())


def check_invariants(lib_dir: Path) -> None:
    conn = sqlite3.connect(lib_dir / "library.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # Every path recorded once, holding its photo; one processed photo per content, every photo somewhere.
        assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == len(SUBSET)
        assert conn.execute("SELECT count(*) FROM files WHERE photo_id IS NULL OR error IS NOT NULL"
                            ).fetchone()[0] == 0
        assert conn.execute("SELECT sha256 FROM photos GROUP BY sha256 HAVING count(*) > 1").fetchall() == []
        assert conn.execute("SELECT count(*) FROM photos ph WHERE presence <> 'present' OR NOT EXISTS"
                            " (SELECT 1 FROM files fi WHERE fi.photo_id = ph.id)").fetchone()[0] == 0
        # One row per face, one person per collection entry.
        assert conn.execute("SELECT photo_id, idx FROM faces GROUP BY photo_id, idx HAVING count(*) > 1"
                            ).fetchall() == []
        people = {r[0] for r in conn.execute("SELECT person_id FROM people")}
        collection = {r[0] for r in conn.execute("SELECT face_id FROM local_collection")}
        assert people == collection
        assert conn.execute("SELECT count(*) FROM people p WHERE NOT EXISTS"
                            " (SELECT 1 FROM faces f WHERE f.person_id = p.person_id)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM faces WHERE person_id IS NULL").fetchone()[0] == 0
    finally:
        conn.close()


Trigger = Callable[[list[str], float], bool]


def import_and_kill(root: Path, lib_dir: Path, trigger: Trigger, deadline: float) -> tuple[set[int], float]:
    """Start an import, SIGKILL it when `trigger(lines so far, seconds so far)` says so; return its workers."""
    proc = subprocess.Popen(cli("import", str(root), "--library", str(lib_dir), "--workers", "2"),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ENV)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True)
    reader.start()
    seen: set[int] = set()
    started = time.monotonic()
    while proc.poll() is None and not trigger(lines, time.monotonic() - started) \
            and time.monotonic() - started < deadline:
        seen |= descendants(proc.pid)
        time.sleep(0.005)
    seen |= descendants(proc.pid)
    killed_at = time.monotonic() - started
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(5)
    return seen, killed_at


def wait_gone(pids: set[int], within: float) -> set[int]:
    end = time.monotonic() + within
    while time.monotonic() < end:
        left = {p for p in pids if running(p)}
        if not left:
            return set()
        time.sleep(0.05)
    return {p for p in pids if running(p)}


def committed_photos(lib_dir: Path) -> int:
    if not (lib_dir / "library.sqlite3").exists():
        return 0
    conn = sqlite3.connect(lib_dir / "library.sqlite3")
    try:
        return int(conn.execute("SELECT count(*) FROM photos").fetchone()[0])
    except sqlite3.OperationalError:  # killed before the schema was written
        return 0
    finally:
        conn.close()


def test_killed_imports_resume_to_the_same_result(subset: Path, tmp_path: Path):
    clean_dir = tmp_path / "uninterrupted"
    t0 = time.monotonic()
    done = subprocess.run(cli("import", str(subset), "--library", str(clean_dir), "--workers", "2", "--quiet"),
                          env=ENV, capture_output=True, text=True, timeout=120)
    full_seconds = time.monotonic() - t0
    assert done.returncode == 0, done.stderr
    check_invariants(clean_dir)
    expected = partition(clean_dir, subset)
    total_faces = sum(len(g) for g in expected)
    assert total_faces >= 9 and len(expected) >= 4

    rng = random.Random(SEED)
    outcomes = []
    for trial in range(TRIALS):
        lib_dir = tmp_path / f"trial-{trial}"
        for kill in range(1 + (trial % 3 == 2)):  # every third trial is killed twice in a row
            if rng.random() < 0.6:
                # Right after a face's decision is printed: the photo's transaction is still open.
                nth = rng.randint(1, total_faces)
                trigger: Trigger = lambda lines, elapsed, n=nth: len(lines) >= n  # noqa: E731
                how = f"after face line {nth}"
            else:
                at = rng.uniform(0.2, full_seconds)
                trigger = lambda lines, elapsed, t=at: elapsed >= t  # noqa: E731
                how = f"at {at:.2f} s"
            workers, _ = import_and_kill(subset, lib_dir, trigger, deadline=full_seconds * 3)
            left = wait_gone(workers, WORKERS_GONE_WITHIN)
            assert not left, f"trial {trial}: workers {left} outlived the killed import ({how})"
            outcomes.append((trial, kill, how, len(workers), committed_photos(lib_dir)))
        final = subprocess.run(cli("import", str(subset), "--library", str(lib_dir), "--workers", "2", "--quiet"),
                               env=ENV, capture_output=True, text=True, timeout=120)
        assert final.returncode == 0, (trial, final.stderr)
        check_invariants(lib_dir)
        assert partition(lib_dir, subset) == expected, f"trial {trial}: grouping differs after {outcomes}"

    # The trials must have hit something: kills with workers running and with some photos committed.
    assert any(n_workers >= 2 for *_, n_workers, _ in outcomes), outcomes
    assert any(0 < photos < len(SUBSET) for *_, photos in outcomes), outcomes


IMPORT_SCRIPT = """
import os, signal, sys
from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import open_library
from beetroot_desktop.pipeline import ingest

root, lib_dir, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
lib = open_library(lib_dir)
steps = 0

def tick():  # counts SQLite VM steps inside write transactions only
    global steps
    if lib.conn.in_transaction:
        steps += 1
        if steps == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
    return 0

lib.conn.set_progress_handler(tick, 1)
ingest([root], lib, LocalEngine(lib), workers=2)
print(steps)
"""


def test_import_killed_inside_a_photo_transaction_resumes_cleanly(subset: Path, tmp_path: Path):
    """The external kills above land anywhere; these land, by construction, inside a write transaction."""
    clean_dir = tmp_path / "uninterrupted"
    dry = subprocess.run([sys.executable, "-c", IMPORT_SCRIPT, str(subset), str(clean_dir), "0"],
                         env=ENV, capture_output=True, text=True, timeout=120)
    assert dry.returncode == 0, dry.stderr
    total_steps = int(dry.stdout.split()[-1])
    expected = partition(clean_dir, subset)
    rng = random.Random(SEED + 1)
    for kill_at in sorted(rng.sample(range(1, total_steps + 1), 3)):
        lib_dir = tmp_path / f"kill-{kill_at}"
        killed = subprocess.Popen([sys.executable, "-c", IMPORT_SCRIPT, str(subset), str(lib_dir), str(kill_at)],
                                  env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        workers: set[int] = set()
        while killed.poll() is None:
            workers |= descendants(killed.pid)
            time.sleep(0.005)
        assert killed.returncode == -signal.SIGKILL
        assert not wait_gone(workers, WORKERS_GONE_WITHIN)
        assert committed_photos(lib_dir) < len(SUBSET)
        final = subprocess.run(cli("import", str(subset), "--library", str(lib_dir), "--workers", "2", "--quiet"),
                               env=ENV, capture_output=True, text=True, timeout=120)
        assert final.returncode == 0, final.stderr
        check_invariants(lib_dir)
        assert partition(lib_dir, subset) == expected, f"killed at step {kill_at}/{total_steps}"


# -- people edits ------------------------------------------------------------------------------------------

EDIT_SCRIPT = """
import json, os, signal, sys
from beetroot_desktop.library import open_library

lib_dir, op, args, kill_at = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), int(sys.argv[4])
lib = open_library(lib_dir)
steps = 0

def tick():
    global steps
    steps += 1
    if steps == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    return 0

lib.conn.set_progress_handler(tick, 1)
getattr(lib, op)(*args)
lib.conn.set_progress_handler(None, 1)
lib.close()
print(steps)
"""


def run_edit(lib_dir: Path, op: str, args: list[object], kill_at: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", EDIT_SCRIPT, str(lib_dir), op, json.dumps(args), str(kill_at)],
                          env=ENV, capture_output=True, text=True, timeout=60)


def snapshot(lib_dir: Path) -> tuple[object, ...]:
    conn = sqlite3.connect(lib_dir / "library.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return (
            conn.execute("SELECT * FROM people ORDER BY person_id").fetchall(),
            conn.execute("SELECT id, person_id, status, reason FROM faces ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM face_exclusions ORDER BY face_id, person_id").fetchall(),
        )
    finally:
        conn.close()


def test_killed_people_edits_are_all_or_nothing(imported_template, tmp_path: Path):
    template = imported_template[0]
    with open_library(template) as lib:
        people = lib.people()
        face_of_target = lib.person_faces(people[0].person_id)[0]["id"]
        # Merge people who never appear together (one person is never two faces of one photo).
        taken = {r["id"] for r in lib.person_photos(people[0].person_id)}
        sources = []
        for person in people[1:]:
            photos = {r["id"] for r in lib.person_photos(person.person_id)}
            if not photos & taken and len(sources) < 2:
                sources.append(person.person_id)
                taken |= photos
    assert len(sources) == 2
    edits: list[tuple[str, list[object]]] = [
        ("merge_people", [sources, people[0].person_id]),
        ("rename_person", [people[3].person_id, "Zoë Ångström-李"]),
        ("remove_face_from_person", [face_of_target]),
    ]
    rng = random.Random(SEED)
    for op, args in edits:
        before = snapshot(template)
        dry = tmp_path / f"{op}-dry"
        shutil.copytree(template, dry)
        done = run_edit(dry, op, args, kill_at=0)
        assert done.returncode == 0, done.stderr
        total_steps = int(done.stdout)
        after = snapshot(dry)
        assert after != before
        seen = set()
        points = sorted({1, total_steps, *rng.sample(range(1, total_steps + 1), min(6, total_steps))})
        for kill_at in points:
            lib_dir = tmp_path / f"{op}-{kill_at}"
            shutil.copytree(template, lib_dir)
            killed = run_edit(lib_dir, op, args, kill_at)
            assert killed.returncode == -signal.SIGKILL, killed.stderr
            state = snapshot(lib_dir)
            assert state in (before, after), f"{op} killed at step {kill_at}/{total_steps} left a partial edit"
            seen.add("after" if state == after else "before")
            with open_library(lib_dir) as lib:  # and the library still opens and works
                assert lib.people()
        assert "before" in seen, f"{op}: no kill landed inside the transaction"
