"""`beetroot` commands run in the test's own process, their `--json` answer parsed."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

from beetroot_desktop.cli.main import main


def cli(*args: str, library: Path) -> tuple[int, Any]:
    """Run `beetroot ARGS --library L --json`; the exit code and the last stdout line, parsed (None if empty)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([*args, "--library", str(library), "--json"])
    lines = out.getvalue().strip().splitlines()
    return code, json.loads(lines[-1]) if lines else None
