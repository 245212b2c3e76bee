"""Pictures in the editor: the types the export can write are stored, SVG is refused at once."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import QMimeData, QUrl

from editor_app.ui.desk.article_tab import ArticleTab

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def tab(qtbot, library, renderer, saver, interview):
    widget = ArticleTab(library, interview.id, renderer=renderer, saver=saver,
                        force_simple_preview=True)
    qtbot.addWidget(widget)
    widget.show()
    asked = []
    widget.ask_alt_text = lambda name: asked.append(name) or "A picture"
    widget.asked_alt_text = asked
    yield widget
    widget.close_tab()


def test_inserting_an_svg_is_refused_with_a_message_and_nothing_stored(tab, library, tmp_path):
    path = tmp_path / "logo.svg"
    path.write_bytes(SVG)
    before = tab.editor.toPlainText()
    assert tab.insert_image_file(path) is None
    assert tab.last_message.startswith("logo.svg: SVG pictures cannot be inserted")
    assert tab.editor.toPlainText() == before
    assert tab.asked_alt_text == []  # refused before anyone is asked to describe it
    assert not library.has_asset(hashlib.sha256(SVG).hexdigest())


def test_a_dropped_svg_is_refused_too_not_pasted_as_a_path(tab, tmp_path):
    path = tmp_path / "chart.svg"
    path.write_bytes(SVG)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    data.setText(str(path))
    before = tab.editor.toPlainText()
    assert tab.editor.canInsertFromMimeData(data)
    tab.editor.insertFromMimeData(data)
    assert tab.editor.toPlainText() == before
    assert "chart.svg: SVG pictures cannot be inserted" in tab.last_message


def test_a_dropped_png_is_stored_and_referenced(tab, library, tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    path = tmp_path / "quay.png"
    path.write_bytes(png)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    tab.editor.insertFromMimeData(data)
    digest = hashlib.sha256(png).hexdigest()
    assert library.has_asset(digest)
    assert f"![A picture](asset:{digest}.png)" in tab.editor.toPlainText()
