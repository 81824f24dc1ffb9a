"""One live progress line for long commands on a terminal, and not a single control character anywhere else.

On a terminal (stdout is a TTY, TERM is not `dumb`, NO_COLOR is not set, and neither --json nor --quiet was
given) a long command shows one line at the bottom, drawn by tqdm:

    54/200 photos |████▎           | 54 faces · 5 new people · 13.1 photos/s · 00:11 left · john1_05.jpeg

Lines written through `Progress.write` (the upstream `Match:` / `NoMatch:` lines) scroll above it,
unchanged. Anywhere else `write` is a plain `print` and nothing else is written: scripts and tests parse
that output, so it stays exactly what it was before the progress line existed.

Shared by the command modules (they never import each other); tqdm is imported only when a line is drawn.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable
from typing import Any, TextIO

TICK_SECONDS = 0.5  # the line is redrawn at least this often, so the elapsed time and the rate stay live
SEP = " · "


def live_progress_allowed(args: argparse.Namespace | None = None, stream: TextIO | None = None) -> bool:
    """Whether a live line may be drawn on `stream` (stdout by default) for a command run with `args`."""
    if args is not None and (getattr(args, "json", False) or getattr(args, "quiet", False)):
        return False
    if os.environ.get("NO_COLOR") or os.environ.get("TERM", "") == "dumb":
        return False
    stream = sys.stdout if stream is None else stream
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):  # no isatty, or a closed stream
        return False


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def short_name(path: str, width: int = 60) -> str:
    """A file's name for the line: its base name, with the middle elided when it is long."""
    from ..textsafe import printable

    return elide(printable(os.path.basename(path.rstrip("/\\")) or path), width)


def elide(text: str, width: int) -> str:
    """`text` in at most `width` characters, its middle replaced by `…` when it is longer (the end of a file
    name, its number and extension, says most)."""
    if len(text) <= width:
        return text
    keep = max(2, width) - 1
    return text[: keep // 2] + "…" + text[len(text) - (keep - keep // 2):]


class Progress:
    """A live line counting `unit` (e.g. "photos") towards a total, with details and the current file.

    Disabled (not a terminal, --json, ...): every method is a no-op except `write`, which prints the line
    exactly as `print(line, flush=True)` would. Safe to `close` more than once; use it as a context manager
    so the line goes away before a summary, also when the command is interrupted.
    """

    def __init__(self, enabled: bool, unit: str, *, stream: TextIO | None = None,
                 details: Callable[[], list[str]] | None = None) -> None:
        self.enabled = enabled
        self.unit = unit
        self.stream = sys.stdout if stream is None else stream
        self.details = details or (lambda: [])
        self.current = ""  # the name of the file being worked on, made printable
        self._bar: Any = None
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    # -- life cycle ------------------------------------------------------------------------------------
    def start(self, total: int | None) -> None:
        """Draw the line (once the total is known; None: a count without a bar or time left)."""
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.total = total
            self._bar.bar_format = self._format(total)
            self._bar.refresh()
            return
        self._bar = _make_bar(self, total)
        self._ticker = threading.Thread(target=self._tick, name="progress-line", daemon=True)
        self._ticker.start()

    def close(self) -> None:
        """Stop and erase the line (what it said is in the summary that follows)."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(timeout=2)
            self._ticker = None
        if self._bar is not None:
            bar, self._bar = self._bar, None
            bar.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- updates -----------------------------------------------------------------------------------------
    def update(self, done: int, current: str | None = None) -> None:
        """`done` units finished so far; `current` is the file being worked on."""
        if current is not None:
            self.current = short_name(current)
        bar = self._bar
        if bar is None:
            return
        if done > bar.n:
            bar.update(done - bar.n)  # redraws when tqdm's minimum interval has passed
        # else: the new file name shows at the next tick

    def write(self, line: str) -> None:
        """A log line: above the live line on a terminal, else printed exactly as it always was."""
        bar = self._bar
        if bar is None:
            print(line, flush=True)
            return
        with bar.external_write_mode(file=self.stream):
            self.stream.write(line + "\n")
            self.stream.flush()

    # -- drawing -----------------------------------------------------------------------------------------
    def _format(self, total: int | None) -> str:
        return self._formats(total)[0]

    def _formats(self, total: int | None) -> list[str]:
        """The line's layouts, richest first: a narrow terminal drops the file, then the bar and the details,
        and keeps the count and the time left."""
        count = ("{n_fmt} " if total is None else "{n_fmt}/{total_fmt} ") + self.unit
        if total is None:  # no total: no bar, no time left
            return [count + "{listed}" + SEP + "{speed}{current}", count + "{listed}" + SEP + "{speed}",
                    count + SEP + "{speed}", count]
        tail = SEP + "{speed}" + SEP + "{remaining} left"
        return [count + " |{bar:16}|{details}" + tail + "{current}", count + " |{bar:16}|{details}" + tail,
                count + "{listed}" + tail, count + SEP + "{remaining} left"]

    def _fields(self, rate: float | None) -> dict[str, str]:
        details = self.details()
        return {
            "details": (" " + SEP.join(details)) if details else "",  # after the bar
            "listed": (SEP + SEP.join(details)) if details else "",  # after the count
            "speed": f"{rate:.1f} {self.unit}/s" if rate else f"? {self.unit}/s",
            "current": (SEP + self.current) if self.current else "",
        }

    def _tick(self) -> None:
        while not self._stop.wait(TICK_SECONDS):
            bar = self._bar
            if bar is None:
                return
            try:
                bar.refresh()
            except (OSError, ValueError):  # the terminal went away: the command goes on without the line
                return


def _make_bar(owner: Progress, total: int | None) -> Any:
    from tqdm import tqdm

    class Bar(tqdm):
        monitor_interval = 0  # no monitor thread: the line is updated on every unit and ticks by itself

        @property
        def format_dict(self) -> dict[str, Any]:
            d = dict(super().format_dict)
            # Never the terminal's last column: a `^C` echoed after a full line would wrap, and the line could
            # then not be erased. A terminal that says it has no width (0) gets untrimmed lines.
            d["ncols"] = max(20, int(d["ncols"]) - 1) if d.get("ncols") else None
            d.update(owner._fields(d.get("rate")))
            if d["ncols"] is not None:
                d["bar_format"] = self._fit(d, owner._formats(d.get("total")), d["ncols"])
            return d

        def _fit(self, d: dict[str, Any], layouts: list[str], width: int) -> str:
            def length(layout: str) -> int:
                return len(self.format_meter(**{**d, "bar_format": layout, "ncols": None}))

            room = width - length(layouts[1]) - len(SEP)
            if owner.current and room >= 12:  # room for the file's name, shortened if need be
                d["current"] = SEP + elide(owner.current, room)
                return layouts[0]
            return next((layout for layout in layouts[1:] if length(layout) <= width), layouts[-1])

    Bar.set_lock(threading.RLock())  # one process draws: no multiprocessing lock (tqdm's default) is needed
    return Bar(total=total, file=owner.stream, bar_format=owner._format(total), dynamic_ncols=True,
               leave=False, mininterval=0.1, miniters=1, smoothing=0.2, ascii=None)
