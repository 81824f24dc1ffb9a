"""`make bench` / `python -m bench`: every figure with its target beside it.

Settings come from the command line or the environment: BENCH_N (photos in the bench library, 300),
BENCH_PEER_N (photos the naive pipeline and face_recognition get, 60), BENCH_REPEATS (3), BENCH_PHOTOS
(the labelled folder the bench library is made from, tests/data/photos), BENCH_SCALE
(photos,faces,people of the synthetic library, 100000,300000,30000), BENCH_SYNC (photos on disk for the
sync bench, 100000), BENCH_SKIP (comma-separated sections to leave out: import, peers, scale, sync, gui,
quality), BENCH_OUT (bench/out).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import gui, review, scale, sync
from .imports import ImportFigures, run_imports, sample_quality
from .makelib import has_labels, make_library
from .measure import Stat

REPO = Path(__file__).resolve().parents[1]
SECTIONS = ("quality", "import", "peers", "scale", "sync", "gui")
README_START, README_END = "<!-- results:start -->", "<!-- results:end -->"


@dataclass
class Row:
    measure: str
    figure: str
    target: str = ""
    ok: bool | None = None  # None: no target, or not measured

    @property
    def status(self) -> str:
        return "" if self.ok is None else ("pass" if self.ok else "FAIL")


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=_env_int("BENCH_N", 300), help="photos in the bench library")
    p.add_argument("--peer-n", type=int, default=_env_int("BENCH_PEER_N", 60),
                   help="photos the naive pipeline and face_recognition import (the first of the library)")
    p.add_argument("--repeats", type=int, default=_env_int("BENCH_REPEATS", 3))
    p.add_argument("--photos", type=Path,
                   default=Path(os.environ.get("BENCH_PHOTOS", REPO / "tests" / "data" / "photos")))
    p.add_argument("--scale", default=os.environ.get("BENCH_SCALE", "100000,300000,30000"),
                   help="photos,faces,people of the synthetic library")
    p.add_argument("--sync-photos", type=int, default=_env_int("BENCH_SYNC", 100_000),
                   help="photos on disk for the sync bench (nothing changed)")
    p.add_argument("--scroll-people", type=int, default=_env_int("BENCH_SCROLL_PEOPLE", 5000))
    p.add_argument("--workers", type=int, default=_env_int("BENCH_WORKERS", 2))
    p.add_argument("--skip", default=os.environ.get("BENCH_SKIP", ""), help=f"comma-separated: {', '.join(SECTIONS)}")
    p.add_argument("--out", type=Path, default=Path(os.environ.get("BENCH_OUT", REPO / "bench" / "out")))
    p.add_argument("--readme", type=Path, help="also write the results table into this README")
    args = p.parse_args(argv)
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    unknown = args.skip - set(SECTIONS)
    if unknown:
        p.error(f"unknown section(s) to skip: {', '.join(sorted(unknown))}")
    args.peer_n = min(args.peer_n, args.n)
    args.scale = scale.Shape(*(int(x) for x in args.scale.split(",")))
    return args


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1e6:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import dlib
    import numpy

    return {
        "machine": f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}",
        "python": f"Python {platform.python_version()}, dlib {dlib.__version__}, numpy {numpy.__version__}",
    }


def load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def _ratio_ok(stat: Stat, need: float) -> bool | None:
    return None if not stat.values else stat.median >= need


def build_rows(imp: ImportFigures | None, sample: tuple | None, sc: scale.ScaleFigures | None,
               gui_figs: dict[str, object], notes: list[str]) -> list[Row]:
    rows: list[Row] = []
    if imp is not None:
        n = imp.n
        same_quality = None
        if imp.peer_quality and imp.naive_quality:
            same_quality = (imp.peer_quality.precision >= imp.naive_quality.precision - 0.005
                            and imp.peer_quality.recall >= imp.naive_quality.recall - 0.005)
        rows += [
            Row(f"cold import, {n} photos: photos/s", imp.photos_s.fmt(1)),
            Row(f"cold import, {n} photos: faces/s", imp.faces_s.fmt(1) + f" ({imp.faces} faces)"),
            Row(f"cold import, {n} photos: wall time", imp.seconds.fmt(1, " s")),
            Row(f"  CPU time of the process tree, {n} photos", imp.cpu_s.fmt(1, " s")),
            Row(f"peak memory, {n}-photo import (PSS of the process tree)", imp.peak_pss_mb.fmt(0, " MB"),
                "< 600 MB", None if not imp.peak_pss_mb.values else imp.peak_pss_mb.median < 600),
            Row("  same, RSS summed over the processes", imp.peak_rss_mb.fmt(0, " MB")),
        ]
        if imp.vs_naive.values:
            ok = _ratio_ok(imp.vs_naive, 3.0)
            rows += [
                Row(f"cold import vs naive pipeline ({imp.peer_n} photos, same run)", imp.vs_naive.fmt(2, "x"),
                    ">= 3x, same quality", None if ok is None else bool(ok and same_quality is not False)),
                Row(f"  Beetroot / naive wall time, {imp.peer_n} photos",
                    f"{imp.peer_seconds.fmt(1, ' s')} / {imp.naive_seconds.fmt(1, ' s')}"),
                Row("  Beetroot / naive CPU time (what no other load can change)",
                    f"{imp.peer_cpu_s.fmt(1, ' s')} / {imp.naive_cpu_s.fmt(1, ' s')}"),
            ]
            if imp.peer_quality and imp.naive_quality:
                rows += [Row("  grouping, Beetroot", imp.peer_quality.line()),
                         Row("  grouping, naive pipeline", imp.naive_quality.line())]
        if imp.vs_fr.values:
            rows += [
                Row(f"cold import vs face_recognition --cpus 2 ({imp.peer_n} photos, same run)",
                    imp.vs_fr.fmt(2, "x"), ">= 3x", _ratio_ok(imp.vs_fr, 3.0)),
                Row(f"  face_recognition wall time, {imp.peer_n} photos",
                    f"{imp.fr_seconds.fmt(1, ' s')} ({imp.fr_faces} faces); CPU {imp.fr_cpu_s.fmt(1, ' s')}"),
            ]
        elif imp.fr_missing:
            rows.append(Row("cold import vs face_recognition --cpus 2", "not available", ">= 3x"))
            notes.append(imp.fr_missing)
        rows.append(Row(f"warm re-import, {n} photos (no engine work)", imp.warm_photos_s.fmt(0, " photos/s"),
                        ">= 1,000 photos/s",
                        None if not imp.warm_photos_s.values else imp.warm_photos_s.median >= 1000))
        if imp.quality:
            rows.append(Row(f"grouping on the {n}-photo bench library", imp.quality.line()))
    if sample is not None:
        q, seconds = sample
        rows.append(Row("grouping on the labelled sample library (threshold 95)", q.line() + f"; {seconds:.1f} s"))
    if sc is not None:
        rows += [
            Row(f"People grid load, {sc.people_count:,} people / {sc.search_size:,} faces: the grid's rows"
                " (`person_rows`)", sc.grid_rows_ms.fmt(1, " ms"), "< 200 ms", sc.grid_rows_ms.median < 200),
            Row(f"People list, {sc.people_count:,} people (`Library.people()`)", sc.people_ms.fmt(1, " ms"),
                "< 200 ms", sc.people_ms.median < 200),
            Row(f"largest person's page ({sc.person_page_photos:,} photos)", sc.person_page_ms.fmt(1, " ms")),
            Row("  CPU time of the People load (the work, without waiting for a busy CPU)",
                sc.people_cpu_ms.fmt(1, " ms")),
            Row(f"one search over {sc.search_size:,} descriptors", sc.search_ms.fmt(2, " ms"), "< 10 ms",
                sc.search_ms.median < 10),
            Row("  CPU time of one search (both BLAS threads)", sc.search_cpu_ms.fmt(2, " ms")),
            Row(f"local collection load, {sc.collection_size:,} faces", sc.collection_load_ms.fmt(1, " ms")),
            Row("  one search over that collection (one face per person, as an import leaves it)",
                sc.collection_search_ms.fmt(2, " ms")),
            Row("synthetic library size on disk", f"{sc.db_mb:.0f} MB (built in {sc.build_s:.0f} s)"),
        ]
    for key, (label, target, limit) in {
        "startup": ("start-up to main window", "< 1.5 s", 1500.0),
        "stall": ("largest GUI-thread stall while the window imports 100 photos", "< 50 ms", 50.0),
        "scroll": ("People grid scroll, 5,000 people: worst step", "", None),
    }.items():
        value = gui_figs.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            rows.append(Row(label, f"not available: {value}", target))
        elif isinstance(value, Stat):
            rows.append(Row(label, value.fmt(0, " ms"), target, value.median < limit if limit else None))
        elif isinstance(value, gui.Scroll):
            rows.append(Row(label, f"{value.worst_step_ms:.1f} ms ({value.steps} pages, {value.total_ms:.0f} ms"
                                   f" in all, {value.people:,} people)", target))
        else:
            rows.append(Row(label, f"{value:.1f} ms", target, value < limit if limit else None))
    return rows


def review_rows(figs: review.ReviewFigures) -> list[Row]:
    consolidation, page = Stat(figs.consolidate_s), Stat(figs.page_ms)
    return [
        Row(f"consolidation, {figs.faces:,} faces / {figs.people:,} people (off the GUI thread)",
            consolidation.fmt(2, " s"), "< 2 s", consolidation.median < 2),
        Row(f"Review page opens: first {review.PAGE} of {figs.questions:,} questions, fresh connection",
            page.fmt(1, " ms"), "< 200 ms", page.median < 200),
    ]


def sync_rows(figs: sync.SyncFigures) -> list[Row]:
    med = Stat(figs.sync_s)
    return [
        Row(f"sync (`beetroot import`, no PATH), {figs.photos:,} photos on disk, nothing changed",
            med.fmt(2, " s") + f"; {figs.engine_calls} engine calls", "< 3 s", med.median < 3),
        Row("  walking the same folders and stat-ing every file (the least any sync does), same run",
            Stat(figs.walk_s).fmt(2, " s") + f"; sync / walk {figs.ratio:.1f}x"),
    ]


def table(rows: list[Row]) -> str:
    lines = ["| measure | result (median, min-max) | target | |", "|---|---|---|---|"]
    lines += [f"| {r.measure} | {r.figure} | {r.target} | {r.status} |" for r in rows]
    return "\n".join(lines)


@contextlib.contextmanager
def timed(log: Callable[[str], None], title: str) -> Iterator[None]:
    t = time.perf_counter()
    log(f"== {title} (load {load()})")
    yield
    log(f"   {title}: {time.perf_counter() - t:.0f} s")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    started = time.perf_counter()
    load_before = load()
    info = machine()
    notes: list[str] = []
    imp = sample = sc = None
    review_figs: review.ReviewFigures | None = None
    gui_figs: dict[str, object] = {}
    photos_dir = args.photos.resolve()

    if "quality" not in args.skip and not has_labels(photos_dir):
        notes.append(f"{photos_dir} has no labels.csv: grouping quality is not measured")
    elif "quality" not in args.skip:
        with timed(log, "grouping quality on the sample library"):
            sample = sample_quality(photos_dir, out, args.workers)
    if "import" not in args.skip:
        with timed(log, f"bench library: {args.n} photos from {photos_dir}"):
            lib, labels = make_library(photos_dir, out, args.n)
            peer, peer_labels = make_library(photos_dir, out, args.peer_n)
        with timed(log, "imports"):
            imp = run_imports(lib, labels, peer, peer_labels, out, photos_dir, repeats=args.repeats,
                              workers=args.workers, peers="peers" not in args.skip, log=log)
    if "scale" not in args.skip:
        with timed(log, f"synthetic library {args.scale.photos:,} photos, {args.scale.faces:,} faces,"
                        f" {args.scale.people:,} people"):
            t = time.perf_counter()
            folder = scale.build(out, args.scale)
            sc = scale.measure(folder, repeats=max(3, args.repeats), build_s=time.perf_counter() - t)
        with timed(log, "consolidation and the Review page at that scale"):
            review_figs = review.measure(folder, repeats=max(3, args.repeats))
    sync_figs = None
    if "sync" not in args.skip:
        with timed(log, f"sync of {args.sync_photos:,} photos on disk, nothing changed"):
            sync_figs = sync.measure(sync.build(out, args.sync_photos), repeats=max(3, args.repeats))
    if "gui" not in args.skip:
        with timed(log, "GUI"):
            gui_figs = run_gui(args, out, log)

    rows = build_rows(imp, sample, sc, gui_figs, notes)
    if sync_figs is not None:
        rows += sync_rows(sync_figs)
    if review_figs is not None:
        rows += review_rows(review_figs)
    command = "make bench" + "".join(
        f" {k}={v}" for k, v in (("BENCH_N", args.n), ("BENCH_PEER_N", args.peer_n), ("BENCH_REPEATS", args.repeats))
        if str(v) != {"BENCH_N": "300", "BENCH_PEER_N": "60", "BENCH_REPEATS": "3"}[k])
    header = [
        f"Run: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, `{command}`, {time.perf_counter() - started:.0f} s",
        f"Machine: {info['machine']}; {info['python']}",
        f"Load average (1, 5, 15 min) before: {load_before}, after: {load()} (the machine is shared: compare"
        " ratios within one run)",
    ]
    text = "\n".join([*(f"{h}  " for h in header), "", table(rows), *(f"\nNote: {n}" for n in notes)])
    print(text)
    (out / "results.md").write_text(text + "\n")
    (out / "results.json").write_text(json.dumps({
        "header": header,
        "rows": [r.__dict__ for r in rows],
        "imports": imp.to_json() if imp else None,
        "scale": sc.to_json() if sc else None,
        "sync": sync_figs.to_json() if sync_figs else None,
        "review": review_figs.to_json() if review_figs else None,
    }, indent=1, default=str))
    if args.readme:
        write_readme(args.readme, text)
    failed = [r for r in rows if r.ok is False]
    return 1 if failed else 0


def run_gui(args: argparse.Namespace, out: Path, log: Callable[[str], None]) -> dict[str, object]:
    from .imports import child_env

    figs: dict[str, object] = {}
    # The stall and scroll benches run the window in this process: same isolated settings as the commands.
    for key in ("BEETROOT_CONFIG_DIR", "BEETROOT_LOG_DIR"):
        os.environ[key] = child_env(out)[key]
    if not gui.gui_present():
        reason = "the GUI (beetroot_desktop.ui) is not in this build"
        return {"startup": reason, "stall": reason, "scroll": reason}
    lib = out / "work" / "cold"
    if not lib.exists():
        lib = out / "work" / "gui-empty"
    try:
        figs["startup"] = gui.startup(lib, repeats=args.repeats, env=child_env(out)).wall_ms
    except gui.NotAvailable as exc:
        figs["startup"] = str(exc)
    try:
        target = out / "work" / "gui-import"
        photos, _ = make_library(args.photos.resolve(), out, min(args.n, 100))
        stalls = Stat()
        for _ in range(args.repeats):
            if target.exists():
                shutil.rmtree(target)
            stalls.add(gui.import_stall(target, photos))
        figs["stall"] = stalls
    except gui.NotAvailable as exc:
        figs["stall"] = str(exc)
    try:
        people = args.scroll_people
        folder = scale.build(out, scale.Shape(photos=people * 3, faces=people * 6, people=people))
        figs["scroll"] = gui.people_grid_scroll(folder)
    except gui.NotAvailable as exc:
        figs["scroll"] = str(exc)
    log(f"   GUI: {figs}")
    return figs


def write_readme(path: Path, text: str) -> None:
    body = path.read_text() if path.exists() else f"# Benchmarks\n\n{README_START}\n{README_END}\n"
    if README_START not in body or README_END not in body:
        body += f"\n{README_START}\n{README_END}\n"
    head, rest = body.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    path.write_text(f"{head}{README_START}\n{text}\n{README_END}{tail}")
