"""The headless face of the app: the same pipeline as the GUI, for scripts, benchmarks and servers.

Exit codes: 0 every photo processed, 1 some photos failed (each listed), 2 usage or configuration error,
a library that cannot be used (damaged: the message says how to rebuild) or busy with another import.
Each group of sub-commands lives in its own module with a `register(subparsers)`; this one only builds
the parser from them and runs the chosen handler.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence

from .. import __version__, selftest
from ..config import ConfigError, load_settings, resolve_library_dir
from . import browse, completion, config_cmds, disk, edits, export, forget, imports, review_cmds, xmp_cmds
from .common import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, CliError, Handler, add_library, examples, library_problem

COMMAND_MODULES = (imports, browse, disk, edits, export, forget, xmp_cmds, review_cmds, config_cmds, selftest)
# Examples for the --help of commands registered outside this package.
OUTSIDE_EXAMPLES = {"selftest": ("beetroot selftest", "beetroot selftest --check models --check detect")}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="beetroot", description="Organize a photo library by the people in it.",
                                     **examples("beetroot import ~/Pictures    # then: beetroot people",
                                                "beetroot import --help"))
    parser.add_argument("--version", action="version", version=f"beetroot {__version__}")
    add_library(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    completion.register(sub, parser)  # last: the script it prints describes every command above
    for name, lines in OUTSIDE_EXAMPLES.items():
        p = sub.choices.get(name)
        if p is not None and not p.epilog:
            for key, value in examples(*lines).items():
                setattr(p, key, value)
    return parser


NO_DISPLAY = ("no display was found to open the window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
              "On a machine without a desktop, use the command line: beetroot --help (for example\n"
              "`beetroot import PATH` and `beetroot people`); over SSH, connect with `ssh -X` to show the window.")


def display_problem(env: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Why the window cannot open here, before Qt aborts the process with its own message (exit 134)."""
    env = dict(os.environ) if env is None else env
    if not platform.startswith("linux") and "bsd" not in platform:
        return None  # Windows and macOS always have their own window system
    if env.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb"):
        return None  # asked for a platform that needs no display server
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY


def cmd_gui(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem is not None:
        raise CliError(problem)
    from ..ui.app import run_app

    return run_app(library=getattr(args, "library", None))


def main(argv: Sequence[str] | None = None) -> int:
    # A photo's name must never crash a report: a console or pipe that cannot show a character gets an escape.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", cmd_gui)
    from ..logs import setup_logging

    setup_logging()
    try:
        return handler(args)
    except CliError as exc:
        print(f"beetroot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.DatabaseError as exc:  # found damaged (or stuck) in the middle of a command
        try:
            where = resolve_library_dir(getattr(args, "library", None), load_settings())
        except ConfigError:
            where = resolve_library_dir(getattr(args, "library", None))
        print(f"beetroot: {library_problem(exc, where)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # a command that did not say itself what it saved (import and regroup do)
        print("interrupted: finished photos are saved; import again to continue", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
