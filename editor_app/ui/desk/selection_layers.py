"""Extra selections from several sources on one editor, without overwriting each other.

QPlainTextEdit has a single list of extra selections; spelling underlines,
comment highlights and find matches each own a named layer here, and the
editor shows their union.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QTextEdit


class SelectionLayers:
    ORDER = ("current_line", "comments", "spelling", "find")

    def __init__(self, editor: QPlainTextEdit):
        self._editor = editor
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}

    @classmethod
    def of(cls, editor: QPlainTextEdit) -> SelectionLayers:
        """The layers of an editor (created on first use and kept on the editor).

        Byline's MarkdownEditor keeps its own layers (``set_selection_layer``);
        for it this returns an adapter, so both kinds of editor work the same.
        """
        if hasattr(editor, "set_selection_layer"):
            return _EditorLayers(editor)
        layers = getattr(editor, "_byline_selection_layers", None)
        if layers is None:
            layers = cls(editor)
            editor._byline_selection_layers = layers
        return layers

    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        self._layers[name] = list(selections)
        self._apply()

    def layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._layers.get(name, ()))

    def _apply(self) -> None:
        names = [n for n in self.ORDER if n in self._layers]
        names += sorted(n for n in self._layers if n not in self.ORDER)
        merged: list[QTextEdit.ExtraSelection] = []
        for name in names:
            merged.extend(self._layers[name])
        self._editor.setExtraSelections(merged)


class _EditorLayers:
    """Adapter over an editor that manages its own named layers."""

    def __init__(self, editor):
        self._editor = editor

    def set_layer(self, name: str, selections) -> None:
        self._editor.set_selection_layer(name, list(selections))
