"""Asking before a command deletes something for good: --yes, a question on a terminal, or a refusal."""

from __future__ import annotations

import sys
from typing import TextIO

from .common import CliError


def on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def confirmed(question: str, *, yes: bool, refusal: str, out: TextIO | None = None) -> bool:
    """True with --yes; on a terminal, the user's answer to `question` [y/N]; without one, a usage error
    (exit 2) that says `refusal` (what to add: --yes), since nobody is there to answer."""
    if yes:
        return True
    if not on_terminal():
        raise CliError(refusal)
    stream = out if out is not None else sys.stdout
    print(f"{question} [y/N] ", end="", file=stream, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")
