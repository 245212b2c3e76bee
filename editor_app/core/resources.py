"""The one place that knows where resources/ is: from source and when frozen."""

from __future__ import annotations

import pathlib
import sys


def resources_dir() -> pathlib.Path:
    """resources/ beside the package, or inside a PyInstaller bundle (sys._MEIPASS)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return pathlib.Path(frozen_root) / "resources"
    return pathlib.Path(__file__).resolve().parent.parent.parent / "resources"


def resource_path(*parts: str) -> pathlib.Path:
    return resources_dir().joinpath(*parts)


def read_resource(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
