"""Files that ship with the app (icons, sample image), found the same way installed or frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "beetroot_desktop" / "resources"
    return Path(__file__).resolve().parent / "resources"


def resource_path(name: str) -> Path:
    path = resources_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"resource {name} is missing from {path.parent}; reinstall the app")
    return path
