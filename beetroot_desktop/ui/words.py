"""Small helpers for the sentences the window shows."""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    """"1 photo", "2,000 photos"."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"
