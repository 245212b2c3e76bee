"""Regression guard for PySide6 6.12.0 on Python 3.11 ("Fatal Python error: none_dealloc").

That release dropped one reference to None on every void Qt call; after a few
thousand calls the interpreter aborted. pyproject.toml pins PySide6 below 6.12;
this test fails on any release that brings the bug back.
"""

import sys

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QTextCharFormat


def test_void_qt_calls_keep_none_refcount(qapp):
    fmt = QTextCharFormat()
    point = QPoint()
    rect = QRect()
    obj = QObject()
    before = sys.getrefcount(None)
    for i in range(10_000):
        fmt.setFontWeight(400 + i % 2)
        point.setX(i)
        rect.setWidth(i)
        obj.setObjectName("x")
    after = sys.getrefcount(None)
    # Other code may take a few references meanwhile; the bug loses one per call.
    assert after >= before - 100, f"None lost {before - after} references in 10,000 void calls"
