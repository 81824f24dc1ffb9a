"""Checks that the frozen app in dist/Beetroot works: run by `make test` after `make build`.

    python tests/frozen/check_bundle.py [dist/Beetroot] [--photos tests/data/photos] [--max-mb 250]

Each check runs the bundle's own executable, the way a user would, in a private temporary environment
(config, data and library folders; no AWS settings) with Qt's offscreen platform:

  contents  the files build.spec promises (two dlib models, resources) and none it trims (68-point model,
            unused Qt modules, botocore services the app never calls); the size limit
  selftest  `Beetroot selftest`: models, SQLite, detection, photo formats, keyring, Qt, worker pool
  import    `Beetroot import --workers 2 --json` of a few sample photos: faces and people as labels.csv says,
            and (Linux) proof that two spawned worker processes did the work
  gui       `Beetroot --library <that library>` with BEETROOT_QUIT_AFTER_MS: the main window is shown, the
            start-up time is reported, and the app exits 0 on its own

Any failing check prints what the app printed and makes the exit code 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# A small, varied import: single and multi-face photos, JPEG and a 32-bit PNG, four people, one repeat.
IMPORT_SAMPLE = [
    "events/obama1.jpg",
    "events/two_people.jpg",
    "events/kit_with_rose.jpg",
    "family/2019/biden.jpg",
    "family/2019/rose_img1.jpg",
    "misc/obama_32bit.png",
]
MODELS = ("shape_predictor_5_face_landmarks.dat", "dlib_face_recognition_resnet_model_v1.dat")
TRIMMED_MODELS = ("shape_predictor_68_face_landmarks.dat", "mmod_human_face_detector.dat")
RESOURCES = ("beetroot.png", "beetroot.ico", "selftest_face.jpg")
BOTOCORE_SERVICES = {"rekognition", "sts", "sso", "sso-oidc", "signin"}
UNUSED_QT = re.compile(r"Qt6?(Network|Qml|Quick|Pdf|Svg|WebEngine|Designer|OpenGL|Multimedia|Sql|Test)\b")
SELFTEST_CHECKS = ("models", "library", "detect", "formats", "keyring", "qt", "workers")
STARTUP = re.compile(r"startup: main window shown after (\d+) ms")
QUIT_AFTER_MS = 1500


class CheckFailed(Exception):
    pass


def executable(bundle: Path) -> Path:
    for name in ("Beetroot", "Beetroot.exe"):
        if (bundle / name).is_file():
            return bundle / name
    raise CheckFailed(f"no Beetroot executable in {bundle} (run `make build` first)")


def private_env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AWS_", "BEETROOT_", "PYTHON", "QT_")) and k not in ("LD_LIBRARY_PATH",)}
    for name in ("config", "data", "cache", "library", "logs", "home"):
        (root / name).mkdir(exist_ok=True)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "BEETROOT_CONFIG_DIR": str(root / "config"),
        "BEETROOT_LOG_DIR": str(root / "logs"),
        "BEETROOT_LIBRARY": str(root / "library"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_CACHE_HOME": str(root / "cache"),
        "AWS_CONFIG_FILE": str(root / "home" / "aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(root / "home" / "aws-credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
    })
    return env


def run(cmd: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise CheckFailed(f"{' '.join(cmd)} did not finish in {timeout:.0f} s\n{exc.stdout or ''}{exc.stderr or ''}") \
            from None
    return proc


def show(proc: subprocess.CompletedProcess[str]) -> str:
    return f"exit code {proc.returncode}\n--- stdout\n{proc.stdout}--- stderr\n{proc.stderr}"


MIB = 1024 * 1024


def du(path: Path) -> int:
    """Disk usage in bytes, as `du` counts it (allocated blocks; the plain size where blocks are unknown)."""
    paths = [path] if not path.is_dir() or path.is_symlink() else [path, *path.rglob("*")]
    total = 0
    for p in paths:
        st = p.lstat()
        total += st.st_blocks * 512 if hasattr(st, "st_blocks") else st.st_size
    return total


# -- the checks ------------------------------------------------------------------------------------------------

def check_contents(bundle: Path, max_mb: float) -> str:
    internal = bundle / "_internal"
    if not internal.is_dir():
        raise CheckFailed(f"{internal} is missing: not a PyInstaller 6 one-folder bundle")
    models = internal / "face_recognition_models" / "models"
    problems = [f"missing model {m}" for m in MODELS if not (models / m).is_file()]
    problems += [f"{m} should not ship" for m in TRIMMED_MODELS if any(internal.rglob(m))]
    res = internal / "beetroot_desktop" / "resources"
    problems += [f"missing resource {r}" for r in RESOURCES if not (res / r).is_file()]
    qt_extra = sorted({p.name for p in internal.rglob("*Qt*") if UNUSED_QT.search(p.name)})
    if qt_extra:
        problems.append(f"unused Qt modules ship: {', '.join(qt_extra)}")
    data = internal / "botocore" / "data"
    services = {p.name for p in data.iterdir() if p.is_dir()} if data.is_dir() else set()
    if not {"rekognition", "sts"} <= services:
        problems.append(f"botocore service models missing: {sorted({'rekognition', 'sts'} - services)}")
    if services - BOTOCORE_SERVICES:
        problems.append(f"botocore service models that should be trimmed: {sorted(services - BOTOCORE_SERVICES)}")
    problems += broken_qt_plugins(internal)
    dangling = [str(p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    if dangling:
        problems.append(f"dangling links: {', '.join(dangling[:5])}")
    total = du(bundle)
    if total > max_mb * MIB:
        problems.append(f"bundle is {total / MIB:.0f} MiB, over the {max_mb:.0f} MiB limit")
    biggest = sorted(((du(p), p.name) for p in internal.iterdir()), reverse=True)[:8]
    breakdown = ", ".join(f"{name} {size / MIB:.0f}" for size, name in biggest)
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{total / MIB:.0f} MiB (largest, MiB: {breakdown})"


def broken_qt_plugins(internal: Path) -> list[str]:
    """Linux: a shipped Qt plugin that links a Qt library the bundle left out cannot load."""
    plugins = internal / "PySide6" / "Qt" / "plugins"
    if not sys.platform.startswith("linux") or not shutil.which("readelf") or not plugins.is_dir():
        return []
    shipped = {p.name for p in internal.rglob("libQt6*")}
    broken = []
    for plugin in sorted(plugins.rglob("*.so")):
        out = subprocess.run(["readelf", "-d", str(plugin)], capture_output=True, text=True).stdout
        missing = [n for n in re.findall(r"\(NEEDED\).*\[(libQt6[^]]+)\]", out) if n not in shipped]
        if missing:
            broken.append(f"{plugin.relative_to(plugins)} needs {', '.join(missing)}")
    return [f"Qt plugins that cannot load: {'; '.join(broken)}"] if broken else []


def check_selftest(exe: Path, env: dict[str, str]) -> str:
    proc = run([str(exe), "selftest"], env, timeout=300)
    print(proc.stdout, end="")
    statuses = {name: status for status, name in re.findall(r"^(PASS|WARN|FAIL)\s+(\w+)", proc.stdout, re.M)}
    if proc.returncode != 0:  # its stdout is above
        raise CheckFailed(f"exit code {proc.returncode}\n--- stderr\n{proc.stderr}")
    missing = [c for c in SELFTEST_CHECKS if c not in statuses]
    if missing:
        raise CheckFailed(f"selftest did not run {', '.join(missing)}\n{show(proc)}")
    # Only the keyring may warn (no keyring service on a headless machine); the rest must pass.
    warned = [c for c, s in statuses.items() if s != "PASS" and c != "keyring"]
    if warned:
        raise CheckFailed(f"selftest warned about {', '.join(warned)}\n{show(proc)}")
    return proc.stdout.strip().splitlines()[-1]


class ChildWatcher:
    """Linux: remembers every process the app spawned as a multiprocessing worker while it runs."""

    def __init__(self, parent_pid: int) -> None:
        self.parent_pid = parent_pid
        self.workers: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> ChildWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        while not self._stop.is_set():
            for proc in Path("/proc").iterdir():
                if not proc.name.isdigit():
                    continue
                try:
                    ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
                    cmdline = (proc / "cmdline").read_bytes().split(b"\0")
                except (OSError, IndexError, ValueError):
                    continue
                if ppid == self.parent_pid and b"--multiprocessing-fork" in cmdline:
                    self.workers.add(int(proc.name))
            self._stop.wait(0.02)


def labels(photos: Path) -> dict[str, list[str]]:
    with open(photos / "labels.csv", newline="") as fh:
        return {row["file"]: row["people"].split(";") for row in csv.DictReader(fh)}


def check_import(exe: Path, env: dict[str, str], photos: Path, library: Path) -> str:
    known = labels(photos)
    files = [photos / f for f in IMPORT_SAMPLE]
    cmd = [str(exe), "import", "--library", str(library), "--workers", "2", "--json", *map(str, files)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watch = sys.platform.startswith("linux")
    try:
        if watch:
            with ChildWatcher(proc.pid) as watcher:
                out, err = proc.communicate(timeout=300)
            workers = len(watcher.workers)
        else:
            out, err = proc.communicate(timeout=300)
            workers = None
    except subprocess.TimeoutExpired:
        proc.kill()
        raise CheckFailed("the import did not finish in 300 s") from None
    done = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    if proc.returncode != 0:
        raise CheckFailed(show(done))
    try:
        report = json.loads(out.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise CheckFailed(f"the last line is not the JSON summary\n{show(done)}") from None
    people = {p for f in IMPORT_SAMPLE for p in known[f]}
    expected = {"photos_new": len(files), "photos_failed": 0, "faces": sum(len(known[f]) for f in IMPORT_SAMPLE),
                "new_people": len(people)}
    wrong = {k: report.get(k) for k, v in expected.items() if report.get(k) != v}
    if wrong:
        raise CheckFailed(f"expected {expected}, got {wrong}\n{show(done)}")
    if watch and workers < 2:
        raise CheckFailed(f"expected 2 spawned worker processes, saw {workers}\n{show(done)}")
    # Faces of one labelled person share one person id; different labels never do.
    faces = run([str(exe), "faces", "--library", str(library), "--json"], env, timeout=60)
    if faces.returncode != 0:
        raise CheckFailed(show(faces))
    by_label: dict[str, set[str]] = {}
    for face in json.loads(faces.stdout):
        rel = Path(face["photo"]).relative_to(photos).as_posix()
        if len(known[rel]) == 1:
            by_label.setdefault(known[rel][0], set()).add(face["person_id"])
    split = {label: ids for label, ids in by_label.items() if len(ids) != 1}
    merged = len({next(iter(ids)) for ids in by_label.values()}) != len(by_label)
    if split or merged:
        raise CheckFailed(f"people do not match labels.csv: {by_label}")
    spawned = f", {workers} spawned worker processes" if watch else ""
    return (f"{report['photos_new']} photos, {report['faces']} faces, {report['new_people']} people, "
            f"{report['matches']} matches in {report['seconds']:.1f} s{spawned}")


def check_gui(exe: Path, env: dict[str, str], library: Path) -> str:
    env = {**env, "BEETROOT_QUIT_AFTER_MS": str(QUIT_AFTER_MS)}
    started = time.perf_counter()
    proc = subprocess.Popen([str(exe), "--library", str(library)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    shown_at: list[float] = []
    err_lines: list[str] = []

    def read_stderr() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if not shown_at and STARTUP.search(line):
                shown_at.append(time.perf_counter() - started)
            err_lines.append(line)

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    try:
        out = proc.stdout.read() if proc.stdout else ""
        proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise CheckFailed(f"the app did not quit within 120 s\n{''.join(err_lines)}") from None
    reader.join(timeout=10)
    elapsed = time.perf_counter() - started
    err = "".join(err_lines)
    done = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    match = STARTUP.search(err)
    if proc.returncode != 0 or not match:
        raise CheckFailed(f"expected exit 0 and a 'startup: main window shown' line\n{show(done)}")
    if "Traceback" in err:
        raise CheckFailed(f"the app printed a traceback\n{show(done)}")
    if elapsed * 1000 < QUIT_AFTER_MS:
        raise CheckFailed(f"the app quit after {elapsed:.1f} s, before BEETROOT_QUIT_AFTER_MS\n{show(done)}")
    return (f"main window after {match.group(1)} ms (app) / {shown_at[0] * 1000:.0f} ms from launch, "
            f"exit 0 after {elapsed:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", default=str(REPO / "dist" / "Beetroot"))
    parser.add_argument("--photos",
                        default=os.environ.get("BEETROOT_SAMPLE_PHOTOS", str(REPO / "tests" / "data" / "photos")))
    parser.add_argument("--max-mb", type=float, default=250.0,
                        help="largest acceptable bundle in MiB of disk, as `du -sh` counts (default 250)")
    args = parser.parse_args(argv)
    bundle, photos = Path(args.bundle).resolve(), Path(args.photos).resolve()
    if not (photos / "labels.csv").is_file():
        print(f"check_bundle: the sample photos are missing at {photos}", file=sys.stderr)
        return 2

    root = Path(tempfile.mkdtemp(prefix="beetroot-frozen-"))
    failures = 0
    try:
        env = private_env(root)
        library = root / "import-library"
        steps: list[tuple[str, Callable[[], str]]] = [
            ("contents", lambda: check_contents(bundle, args.max_mb)),
            ("selftest", lambda: check_selftest(executable(bundle), env)),
            ("import", lambda: check_import(executable(bundle), env, photos, library)),
            ("gui", lambda: check_gui(executable(bundle), env, library)),
        ]
        for name, step in steps:
            print(f"== frozen check: {name}", flush=True)
            started = time.perf_counter()
            try:
                detail, status = step(), "PASS"
            except CheckFailed as exc:
                detail, status = str(exc), "FAIL"
                failures += 1
            print(f"{status} {name} ({time.perf_counter() - started:.1f} s): {detail}", flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"frozen checks: {'all passed' if not failures else f'{failures} FAILED'}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
