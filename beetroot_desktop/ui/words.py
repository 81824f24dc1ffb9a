"""Small helpers for the sentences the window shows."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 photo", "2,000 photos"; "1 person", "3 people" with `many`."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {many or word + 's'}"
