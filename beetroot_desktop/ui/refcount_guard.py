"""A guard against a PySide6 reference-counting bug that aborts the interpreter on Python < 3.12.

Some PySide6 builds (seen with 6.12.0, a Limited-API wheel, on CPython 3.11) return None from every
void method and from every invalid QVariant without taking a new reference to it. Python 3.12+ does not
care (None is immortal there), but on 3.10/3.11 each such call lowers None's reference count by one,
and a window that paints a grid makes thousands of them a second: within seconds the interpreter
aborts with "Fatal Python error: none_dealloc".

The guard measures the bug instead of trusting version numbers (a handful of void calls; if None
loses references, the binding is affected) and, only then, does what Python 3.12 does: it gives None,
True and False a reference count so large that nothing can bring it to zero (2**52 calls would take
more than a century at a million calls a second).
"""

from __future__ import annotations

import ctypes
import sys

_PROBE_CALLS = 64
_HEADROOM = 1 << 52
applied = False


def binding_leaks_none() -> bool:
    from PySide6.QtCore import QSize

    probe = QSize()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setWidth(1)  # a void method
    return before - sys.getrefcount(None) >= _PROBE_CALLS // 2


def protect_singletons() -> bool:
    """Apply the guard if this Python and this binding need it; returns whether it was applied."""
    global applied
    if applied or sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return applied
    if sys.implementation.name != "cpython" or not binding_leaks_none():
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every PyObject in release builds of CPython < 3.12.
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
    applied = True
    return True
