"""Measuring tools: wall time and peak memory of a whole process tree, and medians with their spread.

Memory is sampled from /proc every 50 ms over the command and every process it starts (the import's
workers are separate processes, so the parent's own RSS would miss most of it). Two sums are kept:
RSS, which counts pages shared between the processes (libraries, the interpreter) once per process,
and PSS, which splits each shared page between its users, so the PSS sum is the memory the tree really
holds. CPU time (user + system) is summed over every process seen, which, unlike RUSAGE_CHILDREN,
also counts workers that nobody waits for (a forkserver's). Where /proc is missing these figures are
None and the timings still work.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
PROC = Path("/proc")


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in (PROC / str(pid) / "task").iterdir():
            text = (task / "children").read_text()
            kids.extend(int(c) for c in text.split())
    except OSError:
        pass
    return kids


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants that are alive now."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(_children(pid))
    return found


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
    except (OSError, ValueError, IndexError):
        return None


def _rss_pss(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; PSS from smaps_rollup where the kernel has it."""
    rss = pss = 0
    try:
        rss = int((PROC / str(pid) / "statm").read_text().split()[1]) * PAGE
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
                break
    except (OSError, ValueError, IndexError):
        pass
    return rss, pss or rss


class TreeMemory(threading.Thread):
    """Samples the memory of a process tree until stopped; keeps the peaks of the sums."""

    def __init__(self, root: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True, name="tree-memory")
        self.root, self.interval = root, interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_processes = 0
        self.cpu: dict[int, float] = {}  # pid -> the latest CPU seconds seen
        self.available = (PROC / str(root) / "statm").exists()
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(self.interval)

    def sample(self) -> None:
        pids = process_tree(self.root)
        for pid in pids:
            cpu = _cpu_seconds(pid)
            if cpu is not None:
                self.cpu[pid] = max(cpu, self.cpu.get(pid, 0.0))
        sums = [_rss_pss(pid) for pid in pids]
        self.peak_rss = max(self.peak_rss, sum(r for r, _ in sums))
        self.peak_pss = max(self.peak_pss, sum(p for _, p in sums))
        self.peak_processes = max(self.peak_processes, len(pids))

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())


@dataclass
class Run:
    """One measured command."""

    seconds: float
    returncode: int
    stdout: str
    stderr: str
    peak_rss: int | None = None
    peak_pss: int | None = None
    processes: int = 0
    cpu_seconds: float | None = None  # summed over the tree; misses at most the last 50 ms of a process


def run_measured(cmd: Sequence[str], *, env: dict[str, str] | None = None, cwd: str | None = None,
                 timeout: float | None = None) -> Run:
    """Run `cmd` to completion; wall time from start to exit, peak memory of its whole tree."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env, cwd=cwd)
        memory = TreeMemory(proc.pid)
        if memory.available:
            memory.start()
        try:
            returncode = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise
        finally:
            seconds = time.perf_counter() - started
            if memory.available:
                memory.stop()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if not memory.available:
        return Run(seconds, returncode, stdout, stderr)
    return Run(seconds, returncode, stdout, stderr, memory.peak_rss, memory.peak_pss, memory.peak_processes,
               memory.cpu_seconds)


@dataclass
class Stat:
    """A median over repeats with its spread (min and max), in the unit of `values`."""

    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    @property
    def low(self) -> float:
        return min(self.values) if self.values else float("nan")

    @property
    def high(self) -> float:
        return max(self.values) if self.values else float("nan")

    def fmt(self, digits: int = 1, unit: str = "") -> str:
        if not self.values:
            return "n/a"
        med = f"{self.median:.{digits}f}{unit}"
        if len(self.values) == 1:
            return med
        return f"{med} ({self.low:.{digits}f}-{self.high:.{digits}f})"

    def to_json(self) -> dict[str, float | list[float]]:
        return {"median": self.median, "min": self.low, "max": self.high, "values": self.values}


def mb(n: float | None) -> float | None:
    return None if n is None else n / 1_000_000
