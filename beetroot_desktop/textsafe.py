"""Text from photos' paths and users' names, made safe to print on a terminal.

A name or a file name can hold a newline (forging an output line), an escape sequence (recolouring or
clearing the terminal) or a bidirectional override (showing text reversed). Plain output shows each such
character as a visible escape; JSON output stays exact.
"""

from __future__ import annotations

import unicodedata

_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with control, bidi and other invisible format characters shown as escapes."""
    if text.isprintable() and not _BIDI_CONTROLS.intersection(text):
        return text
    return "".join(
        _escape(ch) if ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
        for ch in text)
