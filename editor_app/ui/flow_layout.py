"""A layout that lines its items up in rows and wraps them when the width runs out.

The article's details (kind, interviewee, author, date, language) fit one row on a
wide screen and need two on a laptop; squeezing them into one row is what cut every
name to three letters (#20). Each item keeps its minimum width, so a field always
shows its whole value; items with a horizontal stretch share the spare width of
their row. The shape of Qt's own Flow Layout example, with stretch added.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QSizePolicy


class FlowLayout(QLayout):
    """Rows of items, wrapped to the width; ``addWidget(widget, stretch)``."""

    def __init__(self, parent=None, *, spacing: int = 6, row_spacing: int = 4):
        super().__init__(parent)
        self._items = []
        self._stretch: dict[int, int] = {}
        # Items' widths and heights, asked of Qt once until the layout is invalidated:
        # a size hint of a composite item costs a layout pass of its own.
        self._hints: dict[int, tuple[int, int]] | None = None
        self._heights: dict[int, int] = {}  # heightForWidth answers, same lifetime
        self._spacing = spacing
        self._row_spacing = row_spacing

    # -- QLayout ---------------------------------------------------------------------
    def addItem(self, item) -> None:  # noqa: N802 (Qt name)
        self._items.append(item)
        self._hints = None
        self._heights = {}

    def invalidate(self) -> None:
        self._hints = None
        self._heights = {}
        super().invalidate()

    def addWidget(self, widget, stretch: int = 0) -> None:  # noqa: N802
        super().addWidget(widget)
        self._stretch[id(self._items[-1])] = stretch

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.pop(id(item), None)
            self._hints = None
            self._heights = {}
            return item
        return None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), apply=False)
        return height

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        visible = self._visible()
        margins = self.contentsMargins()
        width = sum(self._hint(i)[2] for i in visible) + self._spacing * max(0, len(visible) - 1)
        height = max((self._hint(i)[1] for i in visible), default=0)
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        # The widest item and the tallest: the height at a given width comes from
        # heightForWidth (counting rows here would reserve room for one item a row).
        margins = self.contentsMargins()
        visible = self._visible()
        widest = max((self._hint(i)[0] for i in visible), default=0)
        tallest = max((self._hint(i)[1] for i in visible), default=0)
        return QSize(widest + margins.left() + margins.right(),
                     tallest + margins.top() + margins.bottom())

    # -- arranging ---------------------------------------------------------------------
    def _visible(self):
        return [i for i in self._items if i.widget() is None or not i.widget().isHidden()]

    def _hint(self, item) -> tuple[int, int, int]:
        """(the width the item keeps, its height, its preferred width), cached."""
        if self._hints is None:
            self._hints = {}
        key = id(item)
        hint = self._hints.get(key)
        if hint is None:
            size = item.sizeHint()
            widget = item.widget()
            if widget is not None:
                policy = widget.sizePolicy().horizontalPolicy()
                if policy in (QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum):
                    keep = size.width()
                else:
                    keep = max(widget.minimumSizeHint().width(), widget.minimumWidth())
            else:
                keep = item.minimumSize().width()
            hint = self._hints[key] = (keep, size.height(), size.width())
        return hint

    def _min_width(self, item) -> int:
        return self._hint(item)[0]

    def _rows(self, width: int) -> list[list]:
        rows: list[list] = [[]]
        used = 0
        for item in self._visible():
            need = self._min_width(item)
            if rows[-1] and used + self._spacing + need > width:
                rows.append([])
                used = 0
            used += (self._spacing if rows[-1] else 0) + need
            rows[-1].append(item)
        return [row for row in rows if row]

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = inner.y()
        for row in self._rows(inner.width()):
            widths = [self._min_width(item) for item in row]
            spare = inner.width() - sum(widths) - self._spacing * (len(row) - 1)
            stretches = [self._stretch.get(id(item), 0) for item in row]
            total = sum(stretches)
            if spare > 0 and total:
                for n, stretch in enumerate(stretches):
                    widths[n] += spare * stretch // total
            height = max(self._hint(item)[1] for item in row)
            x = inner.x()
            for item, item_width in zip(row, widths, strict=True):
                if apply:
                    item_height = self._hint(item)[1]
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(item_width, item_height)))
                x += item_width + self._spacing
            y += height + self._row_spacing
        return max(0, y - self._row_spacing - inner.y()) + margins.top() + margins.bottom()
