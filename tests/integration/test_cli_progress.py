"""The live progress line: on a terminal (a real pseudo-terminal), and its absence everywhere else.

On a terminal `beetroot import` shows one line with photos done / total and the time left while the
per-face lines scroll above it; piped, redirected, with --json, --quiet, NO_COLOR or TERM=dumb, the output
is today's, byte for byte in its format, with no control character. Ctrl+C stops the line, says what was
saved, and exits 130.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from beetroot_desktop.cli import main
from beetroot_desktop.cli.progress import Progress, live_progress_allowed, short_name

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
COLUMNS = 110
FACE_LINE = r"(Match: idx=\d+ personId=\S+ similarity=\d+\.\d|NoMatch: idx=\d+ threshold=95\.0 -> indexing)"
SUMMARY = (r"Imported: (\d+) photos seen, (\d+) new, \d+ unchanged, \d+ duplicates, \d+ failed, (\d+) faces,"
           r" \d+ matches, (\d+) new people, \d+ engine calls, \d+\.\d\d s")
LIVE_LINE = re.compile(r"(\d+)/(\d+) photos \|[^|]*\| (\d+) faces? · (\d+) new (?:person|people) · "
                       r"(?:\?|\d+\.\d) photos/s · (\?|\d+:\d\d(?::\d\d)?) left")


def child_env(**extra: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", PYTHONPATH=str(REPO))
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run_in_pty(args: list[str], env: dict[str, str], *, on_output: Callable[[bytes, int], bool] | None = None,
               timeout: float = 240) -> tuple[int, str]:
    """Run `python -m beetroot_desktop ARGS` on a new pseudo-terminal (its controlling terminal, so the
    terminal's ^C reaches it as a real Ctrl+C would); returns the exit code and everything it showed.
    `on_output(seen, master_fd)` is called as output arrives; it returns True once it has acted."""
    argv = [sys.executable, "-m", "beetroot_desktop", *args]
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec at once
        try:
            os.chdir(REPO)
            os.execve(sys.executable, argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, COLUMNS, 0, 0))
    seen = b""
    acted = on_output is None
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not data:
                    break
                seen += data
            if not acted and on_output is not None:
                acted = on_output(seen, fd)
        else:
            os.kill(pid, 9)
            pytest.fail(f"still running after {timeout} s; it showed:\n{seen.decode(errors='replace')}")
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return os.waitstatus_to_exitcode(status), seen.decode("utf-8", errors="replace")


def text_lines(shown: str) -> list[str]:
    """The lines a terminal keeps once every redraw of the live line is erased: what scrolled above it."""
    lines = []
    for raw in shown.replace("\r\n", "\n").split("\n"):
        kept = raw.split("\r")[-1] if "\r" in raw else raw  # the part written after the last carriage return
        lines.append(kept.strip())
    return [ln for ln in lines if ln]


def test_import_on_a_terminal_shows_count_and_time_left(tmp_path: Path, photos_dir: Path):
    family = photos_dir / "family"
    code, shown = run_in_pty(["import", str(family), "--library", str(tmp_path / "lib")], child_env())
    assert code == 0, shown
    frames = [m.groups() for m in LIVE_LINE.finditer(shown)]
    assert frames, f"no progress line on the terminal:\n{shown!r}"
    assert {total for _, total, *_ in frames} == {"10"}
    done = [int(n) for n, *_ in frames]
    assert done == sorted(done) and done[-1] >= 5  # counts up
    assert any(left != "?" for *_, left in frames), "never a time left"
    assert any(int(faces) > 0 and int(people) > 0 for _, _, faces, people, _ in frames)
    assert "\x1b[" not in shown  # a single line needs only carriage returns, never a cursor move or a colour
    drawn = [part for part in re.split(r"[\r\n]", shown) if LIVE_LINE.search(part)]
    assert max(len(part) for part in drawn) < COLUMNS  # never wraps (the log lines above it may)
    # Above the line, the log as always: every face line and the summary, each on its own line.
    lines = text_lines(shown)
    faces = [ln for ln in lines if re.fullmatch(re.escape(str(family)) + r"/\S+: " + FACE_LINE, ln)]
    assert len(faces) == 10
    assert re.fullmatch(SUMMARY, lines[-1]), lines[-1]
    assert not any(LIVE_LINE.search(ln) for ln in lines), "the line was left on the screen"


def test_piped_import_has_no_control_characters_and_the_log_as_before(tmp_path: Path, photos_dir: Path):
    family = photos_dir / "family"
    run = subprocess.run([sys.executable, "-m", "beetroot_desktop", "import", str(family), "--library",
                          str(tmp_path / "lib")], capture_output=True, text=True, env=child_env(), cwd=REPO,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    for stream in (run.stdout, run.stderr):
        assert "\x1b" not in stream and "\r" not in stream
        assert "photos/s" not in stream
    lines = run.stdout.splitlines()
    assert all(re.fullmatch(re.escape(str(family)) + r"/\S+: " + FACE_LINE, ln) for ln in lines[:-1]), lines
    assert len(lines) == 11 and re.fullmatch(SUMMARY, lines[-1])
    assert run.stderr == ""

    again = subprocess.run([sys.executable, "-m", "beetroot_desktop", "import", str(family), "--library",
                            str(tmp_path / "lib2"), "--json"], capture_output=True, text=True, env=child_env(),
                           cwd=REPO, timeout=300)
    assert "\x1b" not in again.stdout and "\r" not in again.stdout
    summary = json.loads(again.stdout.splitlines()[-1])
    assert set(summary) == {"photos_seen", "photos_new", "photos_unchanged", "photos_duplicate", "photos_failed",
                            "failed", "faces", "matches", "new_people", "engine_calls", "seconds", "cancelled",
                            "paused_reason", "pending",
                            # added by the library that follows the disk; the fields above are kept as they were
                            "photos_moved", "photos_missing", "photos_offline", "photos_retried", "warnings",
                            "named_from_metadata", "people_merged", "review_questions", "consolidated",
                            # then: the new photos saved, beside those started on
                            "photos_added"}
    assert summary["photos_added"] == summary["photos_new"] == 10


@pytest.mark.parametrize(("option", "env"), [
    ("--json", {}), ("--quiet", {}), (None, {"NO_COLOR": "1"}), (None, {"TERM": "dumb"}),
])
def test_no_live_line_on_a_terminal_when_asked_not_to(tmp_path: Path, photos_dir: Path, option, env):
    args = ["import", str(photos_dir / "family"), "--library", str(tmp_path / "lib"), *([option] if option else [])]
    code, shown = run_in_pty(args, child_env(**env))
    assert code == 0, shown
    plain = shown.replace("\r\n", "\n")  # the terminal itself turns each \n into \r\n
    assert "\x1b" not in plain and "\r" not in plain and "photos/s" not in plain
    lines = plain.splitlines()
    if option == "--json":
        assert json.loads(lines[-1])["photos_new"] == 10
    else:
        assert re.fullmatch(SUMMARY, lines[-1])
        assert sum(": Match: " in ln or ": NoMatch: " in ln for ln in lines) == (0 if option == "--quiet" else 10)


def distinct_copies(photos_dir: Path, target: Path, copies: int) -> int:
    """Each family photo `copies` times, each copy a new photo to the library (a byte after the image)."""
    target.mkdir()
    n = 0
    for photo in sorted((photos_dir / "family").rglob("*.jp*g")):
        data = photo.read_bytes()
        for k in range(copies):
            (target / f"{photo.stem}-{k}{photo.suffix}").write_bytes(data + bytes([k]) * (k + 1))
            n += 1
    return n


def test_ctrl_c_stops_the_line_says_what_was_saved_and_exits_130(tmp_path: Path, photos_dir: Path):
    folder = tmp_path / "many"
    total = distinct_copies(photos_dir, folder, 5)
    lib = tmp_path / "lib"

    def press_ctrl_c(seen: bytes, fd: int) -> bool:
        if seen.count(b"Match: idx=") < 3:
            return False
        os.write(fd, b"\x03")  # the terminal sends SIGINT to the whole foreground group, workers included
        return True

    code, shown = run_in_pty(["import", str(folder), "--library", str(lib), "--workers", "1"], child_env(),
                             on_output=press_ctrl_c)
    assert code == 130, shown
    lines = text_lines(shown)
    said = next(ln for ln in lines if ln.startswith("Interrupted:"))
    found = re.search(r"Interrupted: (\d+) new photos? finished before the stop (?:is|are) saved"
                      r" \((\d+) faces?, (\d+) new (?:person|people)\); (\d+) photos? left", said)
    assert found, said
    saved, faces, people, left = map(int, found.groups())
    assert 2 <= saved < total and saved + left == total  # a face line is printed just before its photo is saved
    summary = re.fullmatch(SUMMARY, lines[lines.index(said) - 1])
    assert summary and int(summary.group(2)) == saved
    assert "Traceback" not in shown
    assert not any(LIVE_LINE.search(ln) for ln in lines), "the line was left on the screen"
    # What it says was saved is what the library holds.
    rows = json.loads(subprocess.run([sys.executable, "-m", "beetroot_desktop", "faces", "--library", str(lib),
                                      "--json"], capture_output=True, text=True, env=child_env(), cwd=REPO,
                                     timeout=120).stdout)
    assert len({r["photo"] for r in rows}) == saved and len(rows) == faces
    people_now = json.loads(subprocess.run([sys.executable, "-m", "beetroot_desktop", "people", "--library",
                                            str(lib), "--json"], capture_output=True, text=True, env=child_env(),
                                           cwd=REPO, timeout=120).stdout)
    assert len(people_now) == people

    # The next import finishes the rest without reading the saved photos again.
    run = subprocess.run([sys.executable, "-m", "beetroot_desktop", "import", str(folder), "--library", str(lib),
                          "--json"], capture_output=True, text=True, env=child_env(), cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stderr
    again = json.loads(run.stdout.splitlines()[-1])
    assert again["photos_unchanged"] == saved and again["photos_new"] == total - saved


# -- the pieces ---------------------------------------------------------------------------------------------
class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_when_a_live_line_is_allowed(monkeypatch: pytest.MonkeyPatch):
    import argparse

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    plain = argparse.Namespace(json=False, quiet=False)
    assert live_progress_allowed(plain, FakeTerminal())
    assert not live_progress_allowed(plain, io.StringIO())  # piped or redirected
    assert not live_progress_allowed(argparse.Namespace(json=True, quiet=False), FakeTerminal())
    assert not live_progress_allowed(argparse.Namespace(json=False, quiet=True), FakeTerminal())
    monkeypatch.setenv("TERM", "dumb")
    assert not live_progress_allowed(plain, FakeTerminal())
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not live_progress_allowed(plain, FakeTerminal())
    closed = io.StringIO()
    closed.close()  # isatty() raises on it
    monkeypatch.delenv("NO_COLOR")
    assert not live_progress_allowed(plain, closed)


def test_a_disabled_line_prints_exactly_what_print_would(capsys: pytest.CaptureFixture[str]):
    with Progress(False, "photos") as progress:
        progress.start(3)
        progress.write("a: Match: idx=0")
        progress.update(1, "/x/a.jpg")
        progress.write("b: NoMatch: idx=0")
    assert capsys.readouterr().out == "a: Match: idx=0\nb: NoMatch: idx=0\n"


def test_the_line_keeps_to_the_terminal_width_and_names_the_file():
    out = FakeTerminal()
    progress = Progress(True, "photos", stream=out, details=lambda: ["2 faces", "1 new person"])
    progress.start(4)
    progress.write("first line")
    progress.update(1, "/photos/" + "a" * 200 + ".jpg")
    bar = progress._bar
    lines = {}
    for width in (200, 100, 80, 66, 30):
        bar.dynamic_ncols = lambda fp, width=width: (width, 20)  # what the terminal would say
        lines[width] = str(bar)
    progress.close()
    assert lines[200].startswith("1/4 photos |") and "2 faces · 1 new person" in lines[200]
    assert re.search(r" left · a+…a+\.jpg$", lines[200])  # the file's name, its middle elided
    assert lines[100].startswith("1/4 photos |") and re.search(r" left · a+…a+\.jpg$", lines[100])  # shorter
    assert len(lines[100]) == 99  # to the last column but one
    assert lines[80].startswith("1/4 photos |") and lines[80].endswith(" left")  # no room for the name
    assert lines[66].startswith("1/4 photos · 2 faces") and "|" not in lines[66]  # nor for the bar
    assert re.fullmatch(r"1/4 photos · (\?|\d+:\d\d) left", lines[30])  # the count and the time left stay
    assert all(len(line) < width for width, line in lines.items())
    assert "first line\n" in out.getvalue()
    assert "…" in short_name("/photos/" + "a" * 200 + ".jpg") and short_name("/p/b.jpg") == "b.jpg"


def test_regroup_shows_its_index_calls_and_says_what_a_ctrl_c_kept(cloud_library, monkeypatch, capsys):
    from cloud_helpers import fake_aws_env

    from beetroot_desktop.cli import edits
    from beetroot_desktop.pipeline import plan_regroup

    lib, fake = cloud_library
    lib_dir = str(lib.dir)
    plan = plan_regroup(lib, 99.5)
    assert plan.index_calls > 2
    people_before = {p.person_id for p in lib.people()}
    monkeypatch.setattr(edits, "live_progress_allowed", lambda *a, **k: True)  # capsys is no terminal
    calls = 0
    real_index = edits._IndexCounter.index

    def interrupted_index(self, *args, **kwargs):
        nonlocal calls
        calls += 1
        if calls > 2:
            raise KeyboardInterrupt
        return real_index(self, *args, **kwargs)

    with fake_aws_env(fake, monkeypatch):
        main(["config", "set", "rate_limit", "100"])
        capsys.readouterr()
        with monkeypatch.context() as m:
            m.setattr(edits._IndexCounter, "index", interrupted_index)
            assert main(["regroup", "--library", lib_dir, "--threshold", "99.5", "--yes"]) == 130
        out = capsys.readouterr().out
        assert f"0/{plan.index_calls} faces |" in out and " left" in out
        assert ("Interrupted: nothing changed in the library's people; the 2 faces indexed before the stop keep"
                " their FaceIds") in out
        assert {p.person_id for p in lib.people()} == people_before

        assert main(["regroup", "--library", lib_dir, "--threshold", "99.5", "--yes"]) == 0
        out = capsys.readouterr().out
        remaining = plan.index_calls - 2
        assert f"{remaining}/{remaining} faces |" in out or f"/{remaining} faces |" in out
        assert out.rstrip().splitlines()[-1].startswith("Regrouped:")
