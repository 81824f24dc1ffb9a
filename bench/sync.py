"""Sync at scale: `beetroot import` with no PATH over a library of 100,000 photos on disk, nothing changed.

The photos are small files (their content is never read when nothing changed: one stat each) in folders
of 100, recorded in a library through the real schema as an import of them would leave it. The baseline,
in the same run, is the least any sync must do: walk the folders and stat every file (`os.walk` and
`os.stat`), so the ratio is the cost of everything Beetroot does beyond looking at the disk.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import statistics
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import open_library
from beetroot_desktop.library.recovery import remember_import_roots
from beetroot_desktop.pipeline import ingest

PER_FOLDER = 100


@dataclass
class SyncFigures:
    photos: int
    sync_s: list[float]
    walk_s: list[float]
    engine_calls: int
    unchanged: int

    @property
    def median_s(self) -> float:
        return statistics.median(self.sync_s)

    @property
    def ratio(self) -> float:
        return statistics.median(s / w for s, w in zip(self.sync_s, self.walk_s, strict=True))

    def to_json(self) -> dict[str, object]:
        return asdict(self) | {"median_s": self.median_s, "ratio_to_walk": self.ratio}


def build(out: Path, photos: int) -> Path:
    """The folder tree and its library (cached in `out` while the shape and the schema stay the same)."""
    from beetroot_desktop.library.schema import SCHEMA_VERSION

    folder = out.resolve() / f"sync-{photos}"  # an import records absolute paths
    stamp = {"photos": photos, "schema": SCHEMA_VERSION, "per_folder": PER_FOLDER}
    stamp_path = folder / "stamp.json"
    if stamp_path.exists() and json.loads(stamp_path.read_text()) == stamp:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    root = folder / "photos"
    now = time.time()
    rows = []
    for i in range(photos):
        sub = root / f"{2000 + i // 10_000}" / f"{i // PER_FOLDER:05d}"
        if i % PER_FOLDER == 0:
            sub.mkdir(parents=True)
        path = sub / f"IMG_{i:06d}.jpg"
        path.write_bytes(b"\xff\xd8" + i.to_bytes(4, "big"))
        st = path.stat()
        rows.append((str(path), f"{i:064x}", st.st_size, st.st_mtime_ns, st.st_ino))
    with open_library(folder / "library") as lib:
        with lib.transaction():
            lib.set_meta("engine", "local")
            lib.conn.executemany(
                "INSERT INTO photos(id, path, sha256, width, height, imported_at) VALUES (?, ?, ?, 4000, 3000, ?)",
                ((n + 1, r[0], r[1], now) for n, r in enumerate(rows)))
            lib.conn.executemany(
                "INSERT INTO files(path, photo_id, size, mtime_ns, ino, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                ((r[0], n + 1, r[2], r[3], r[4], now) for n, r in enumerate(rows)))
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    remember_import_roots(folder / "library", [root])
    stamp_path.write_text(json.dumps(stamp))
    return folder


def walk_and_stat(root: Path) -> int:
    n = 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            os.stat(os.path.join(dirpath, name))
            n += 1
    return n


def measure(folder: Path, repeats: int = 3) -> SyncFigures:
    logging.getLogger("beetroot").setLevel(logging.ERROR)  # one line per file would drown the figures
    figures = SyncFigures(0, [], [], 0, 0)
    for _ in range(repeats):
        t = time.perf_counter()
        figures.photos = walk_and_stat(folder / "photos")
        figures.walk_s.append(time.perf_counter() - t)
        with open_library(folder / "library") as lib:  # a fresh connection each time, as a command has
            t = time.perf_counter()
            report = ingest(None, lib, LocalEngine(lib), workers=1)
            figures.sync_s.append(time.perf_counter() - t)
        figures.engine_calls += report.engine_calls
        figures.unchanged = report.photos_unchanged
        if report.photos_unchanged != figures.photos or report.photos_missing or report.photos_moved:
            raise RuntimeError(f"the sync changed something: {report.summary()}")
    return figures
