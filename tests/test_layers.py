"""The package's shape, checked: no two modules import each other, and no module grows past 600 lines.

The layer rules themselves are import-linter contracts in pyproject.toml (`lint-imports`, run by make test).
"""

from __future__ import annotations

from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parents[1] / "beetroot_desktop"
MAX_LINES = 600


def test_no_two_modules_import_each_other():
    graph = grimp.build_graph("beetroot_desktop")
    mutual = sorted({tuple(sorted((m, d))) for m in graph.modules for d in graph.find_modules_directly_imported_by(m)
                     if m in graph.find_modules_directly_imported_by(d)})
    assert mutual == []


def test_no_module_is_longer_than_600_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
