"""The order in which Tab moves through widgets that are created at different times (#20).

Qt puts a widget at the end of its window's focus chain when it is created, so
widgets made later (an article's tag chips, the workflow's buttons, the preview's
web view) would otherwise be reached last, far from where they are on screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def set_focus_order(widgets: Iterable[QWidget | None]) -> None:
    """Make Tab go through ``widgets`` one after the other (None entries are skipped).

    The first widget keeps its place in the chain; each next one is moved right
    after the one before it.
    """
    previous = None
    for widget in widgets:
        if widget is None:
            continue
        if previous is not None:
            QWidget.setTabOrder(previous, widget)
        previous = widget


def focus_first_in(container: QWidget) -> bool:
    """Put the keyboard in the first control of ``container`` that Tab would reach."""
    widget = container.nextInFocusChain()
    for _ in range(10_000):  # the chain is a ring; the bound only guards a broken one
        if widget is None or widget is container:
            break
        if (container.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        widget = widget.nextInFocusChain()
    return False
