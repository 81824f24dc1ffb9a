"""Import benches: Beetroot's cold import against the naive pipeline and the face_recognition tool on the
same files in the same run, and the warm re-import.

Every cold run is a separate command started from scratch (interpreter, models, worker processes
included), so the three are measured the same way: photos / wall time of the command, and the peak
memory of its whole process tree.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .makelib import read_labels, read_labels_file, unique_sources
from .measure import Run, Stat, run_measured
from .quality import Quality, library_grouping, score

REPO = Path(__file__).resolve().parents[1]


def child_env(out_dir: Path) -> dict[str, str]:
    """The environment of every measured command: this checkout first, default settings, no AWS."""
    dropped = ("FACE_MATCH_THRESHOLD", "REKOGNITION_COLLECTION_ID")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BEETROOT_", "AWS_")) and k not in dropped}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])
    env["BEETROOT_CONFIG_DIR"] = str(out_dir / "config")
    env["BEETROOT_LOG_DIR"] = str(out_dir / "logs")
    return env


def beetroot_import(folder: Path, library: Path, env: dict[str, str], workers: int) -> tuple[Run, dict]:
    if library.exists():
        shutil.rmtree(library)
    run = run_measured([sys.executable, "-m", "beetroot_desktop", "import", "--library", str(library),
                        "--quiet", "--json", "--workers", str(workers), str(folder)], env=env)
    if run.returncode != 0:
        raise RuntimeError(f"beetroot import failed ({run.returncode}):\n{run.stderr[-2000:]}")
    return run, json.loads(run.stdout.strip().splitlines()[-1])


def naive_import(folder: Path, out_json: Path, env: dict[str, str]) -> tuple[Run, dict]:
    run = run_measured([sys.executable, "-m", "bench.naive", str(folder), "--out", str(out_json)], env=env)
    if run.returncode != 0:
        raise RuntimeError(f"the naive pipeline failed ({run.returncode}):\n{run.stderr[-2000:]}")
    return run, json.loads(out_json.read_text())


def face_recognition_cli() -> str | None:
    beside = Path(sys.executable).parent / "face_recognition"
    if beside.exists():
        return str(beside)
    return shutil.which("face_recognition")


def known_people(photos_dir: Path, out_dir: Path) -> Path:
    """One single-face photo per labelled person: the face_recognition tool's KNOWN_DIR."""
    known = out_dir / "known"
    if known.exists():
        shutil.rmtree(known)
    known.mkdir(parents=True)
    sources = unique_sources(photos_dir)
    for src in sources:
        if len(src.people) == 1 and not any(known.glob(f"{src.people[0]}.*")):
            shutil.copy(photos_dir / src.rel, known / f"{src.people[0]}{Path(src.rel).suffix.lower()}")
    if not any(known.iterdir()):  # an unlabelled folder: any photo will do, the tool only compares with it
        shutil.copy(photos_dir / sources[0].rel, known / f"reference{Path(sources[0].rel).suffix.lower()}")
    return known


def fr_import(cli: str, known: Path, folder: Path, env: dict[str, str], cpus: int) -> tuple[Run, int]:
    run = run_measured([cli, "--cpus", str(cpus), str(known), str(folder)], env=env)
    if run.returncode != 0:
        raise RuntimeError(f"face_recognition failed ({run.returncode}):\n{run.stderr[-2000:]}")
    faces = sum(1 for line in run.stdout.splitlines() if line.strip() and not line.endswith(",no_persons_found"))
    return run, faces


def warm_reimport(folder: Path, library: Path, workers: int, expected: int) -> float:
    """Photos/s of importing an already imported folder again, in this process (the app's case)."""
    from beetroot_desktop.engines.local import LocalEngine
    from beetroot_desktop.library import open_library
    from beetroot_desktop.pipeline import ingest

    with open_library(library) as lib:
        engine = LocalEngine(lib)
        started = time.perf_counter()
        report = ingest([folder], lib, engine, workers=workers)
        seconds = time.perf_counter() - started
    if report.photos_unchanged != expected or report.engine_calls or sum(engine.calls.values()):
        raise AssertionError(f"the warm re-import did work: {report.to_json()}")
    return expected / seconds


@dataclass
class ImportFigures:
    n: int
    peer_n: int
    photos_s: Stat = field(default_factory=Stat)
    faces_s: Stat = field(default_factory=Stat)
    seconds: Stat = field(default_factory=Stat)
    peak_pss_mb: Stat = field(default_factory=Stat)
    peak_rss_mb: Stat = field(default_factory=Stat)
    cpu_s: Stat = field(default_factory=Stat)
    peer_seconds: Stat = field(default_factory=Stat)
    peer_cpu_s: Stat = field(default_factory=Stat)
    naive_cpu_s: Stat = field(default_factory=Stat)
    fr_cpu_s: Stat = field(default_factory=Stat)
    naive_seconds: Stat = field(default_factory=Stat)
    naive_peak_pss_mb: Stat = field(default_factory=Stat)
    fr_seconds: Stat = field(default_factory=Stat)
    fr_peak_pss_mb: Stat = field(default_factory=Stat)
    vs_naive: Stat = field(default_factory=Stat)
    vs_fr: Stat = field(default_factory=Stat)
    warm_photos_s: Stat = field(default_factory=Stat)
    faces: int = 0
    fr_faces: int = 0
    fr_missing: str | None = None
    quality: Quality | None = None
    peer_quality: Quality | None = None
    naive_quality: Quality | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for k, v in self.__dict__.items():
            out[k] = v.to_json() if isinstance(v, Stat | Quality) else v
        return out


def run_imports(lib_folder: Path, labels_csv: Path, peer_folder: Path, peer_labels_csv: Path, out_dir: Path,
                photos_dir: Path, *, repeats: int, workers: int, peers: bool = True,
                log: Callable[[str], None] = print) -> ImportFigures:
    n = len(read_labels_file(labels_csv))
    peer_n = len(read_labels_file(peer_labels_csv))
    figs = ImportFigures(n, peer_n)
    labelled = any(read_labels_file(labels_csv).values())  # an unlabelled folder: speed only
    env = child_env(out_dir)
    work = out_dir / "work"
    work.mkdir(parents=True, exist_ok=True)
    cli = face_recognition_cli() if peers else None
    if peers and cli is None:
        figs.fr_missing = "face_recognition is not installed (pip install -e '.[bench]')"
    known = known_people(photos_dir, out_dir) if cli else None
    for r in range(repeats):
        run, report = beetroot_import(lib_folder, work / "cold", env, workers)
        figs.seconds.add(run.seconds)
        if run.cpu_seconds:
            figs.cpu_s.add(run.cpu_seconds)
        figs.photos_s.add(n / run.seconds)
        figs.faces_s.add(report["faces"] / run.seconds)
        figs.faces = report["faces"]
        if run.peak_pss is not None:
            figs.peak_pss_mb.add(run.peak_pss / 1e6)
            figs.peak_rss_mb.add((run.peak_rss or 0) / 1e6)
        log(f"  repeat {r + 1}: beetroot {n} photos in {run.seconds:.1f} s ({n / run.seconds:.1f}/s),"
            f" peak {run.peak_pss and run.peak_pss / 1e6:.0f} MB PSS")
        for _ in range(3):
            figs.warm_photos_s.add(warm_reimport(lib_folder, work / "cold", workers, n))
        log(f"  repeat {r + 1}: warm re-import {figs.warm_photos_s.values[-1]:.0f} photos/s")
        if not peers:
            continue
        # Beetroot runs before and after the peers and the ratios use the mean of the two: on a shared
        # machine the load changes from one minute to the next, and this keeps it from favouring either.
        peer_lib = work / "peer"
        before, _ = beetroot_import(peer_folder, peer_lib, env, workers)
        naive_run, naive = naive_import(peer_folder, work / "naive.json", env)
        fr_run = None
        if cli and known:
            fr_run, figs.fr_faces = fr_import(cli, known, peer_folder, env, workers)
        after, _ = beetroot_import(peer_folder, peer_lib, env, workers)
        peer_seconds = (before.seconds + after.seconds) / 2
        peer_cpu = _mean_cpu(before, after)
        figs.peer_seconds.add(peer_seconds)
        figs.naive_seconds.add(naive_run.seconds)
        if naive_run.peak_pss is not None:
            figs.naive_peak_pss_mb.add(naive_run.peak_pss / 1e6)
        figs.vs_naive.add(naive_run.seconds / peer_seconds)
        if peer_cpu and naive_run.cpu_seconds:
            figs.peer_cpu_s.add(peer_cpu)
            figs.naive_cpu_s.add(naive_run.cpu_seconds)
        log(f"  repeat {r + 1}: {peer_n} photos: beetroot {before.seconds:.1f} s and {after.seconds:.1f} s,"
            f" naive {naive_run.seconds:.1f} s ({naive_run.seconds / peer_seconds:.2f}x)")
        if fr_run is not None:
            figs.fr_seconds.add(fr_run.seconds)
            if fr_run.peak_pss is not None:
                figs.fr_peak_pss_mb.add(fr_run.peak_pss / 1e6)
            if fr_run.cpu_seconds:
                figs.fr_cpu_s.add(fr_run.cpu_seconds)
            figs.vs_fr.add(fr_run.seconds / peer_seconds)
            log(f"  repeat {r + 1}: face_recognition --cpus {workers} {fr_run.seconds:.1f} s"
                f" ({fr_run.seconds / peer_seconds:.2f}x)")
        if r == repeats - 1 and labelled:
            peer_labels = read_labels_file(peer_labels_csv)
            figs.peer_quality = score(library_grouping(str(peer_lib), str(peer_folder)), peer_labels)
            figs.naive_quality = score(naive["people"], peer_labels)
    if labelled:
        figs.quality = score(library_grouping(str(work / "cold"), str(lib_folder)), read_labels_file(labels_csv))
    return figs


def _mean_cpu(a: Run, b: Run) -> float | None:
    return (a.cpu_seconds + b.cpu_seconds) / 2 if a.cpu_seconds and b.cpu_seconds else None


def sample_quality(photos_dir: Path, out_dir: Path, workers: int) -> tuple[Quality, float]:
    """Grouping quality of a cold import of the labelled sample library itself, at the default threshold."""
    env = child_env(out_dir)
    library = out_dir / "work" / "sample"
    run, _ = beetroot_import(photos_dir, library, env, workers)
    return score(library_grouping(str(library), str(photos_dir)), read_labels(photos_dir)), run.seconds
