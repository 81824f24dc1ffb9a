"""The command line: `beetroot COMMAND ...` (see main.py for the exit codes)."""

from .main import build_parser, main

__all__ = ["build_parser", "main"]
