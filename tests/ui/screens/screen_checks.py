"""The window on one virtual screen, first run (#20). Run by test_screen_sizes.py, once per
screen size, in a process of its own whose Qt offscreen platform has a screen of that
size (``BYLINE_TEST_SCREEN``, e.g. "1366x768" or "2560x1600@2"); not collected alone.

Each check is what a person on that screen would see: the window fits, an opened
article shows editor and preview side by side, the details show whole values, the
library shows headlines, the side panels leave the article most of the screen.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox, QStyleOptionFrame

from editor_app.app import build_main_window
from editor_app.core.models import Article, Kind
from editor_app.library_file import open_library
from editor_app.ui.settings import ViewMode

SCREEN = os.environ.get("BYLINE_TEST_SCREEN", "")
pytestmark = pytest.mark.skipif(not SCREEN, reason="run by test_screen_sizes.py on a virtual screen")

NAME_30 = "Alexandra Montgomery-Whitfield"   # 30 characters
AUTHOR_30 = "Bartholomew Okonkwo-Fairweather"[:30]
assert len(NAME_30) == len(AUTHOR_30) == 30


@pytest.fixture
def first_run(qtbot, tmp_path):
    """The first start's window: the default library with its samples, fresh settings."""
    library = open_library(tmp_path / "library.byline", explicit=False, seed_samples=True)
    story = library.create_article(Article(
        title="Alexandra Montgomery-Whitfield: “the harbour will be ours again”",
        kind=Kind.INTERVIEW, interviewee=NAME_30, author=AUTHOR_30, date="2024-12-31",
        body="Lede paragraph.\n\nQ: Why?\n\nA: Because.\n" * 20))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(library, settings=settings, staged=True)
    qtbot.addWidget(window)
    window.restore_layout()
    window.show()
    qtbot.waitUntil(lambda: not window.startup.pending, timeout=30000)
    yield window, library, story, settings
    window.close_all_tabs()
    window.shutdown()
    library.close()


def open_story(qtbot, window, story):
    window.signals.open_article_requested.emit(story.id)
    tab = window.current_article_tab()
    qtbot.waitUntil(lambda: tab.preview.view is not None and tab.preview.shown_generation >= 1,
                    timeout=30000)
    qtbot.wait(50)
    return tab


def text_room(edit) -> int:
    """The width in which a line edit draws its text (Qt's own contents rectangle)."""
    option = QStyleOptionFrame()
    option.initFrom(edit)
    option.lineWidth = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, edit)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return rect.width() - margins.left() - margins.right() - 2 * 2  # QLineEdit's side margins


def combo_room(box) -> int:
    """The width of a combo box's text field (without the arrow)."""
    option = QStyleOptionComboBox()
    option.initFrom(box)
    option.editable = box.isEditable()
    rect = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                      QStyle.SubControl.SC_ComboBoxEditField, box)
    return rect.width() - 4


def test_the_screen_is_the_one_asked_for(qapp):
    size, _, scale = SCREEN.partition("@")
    width, height = (int(n) for n in size.split("x"))
    screen = QGuiApplication.primaryScreen()
    ratio = float(scale or 1)
    assert screen.devicePixelRatio() == ratio
    assert (screen.geometry().width(), screen.geometry().height()) == (width / ratio,
                                                                       height / ratio)


def test_the_first_window_fits_the_screen(first_run):
    window, *_ = first_run
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.contains(window.frameGeometry()), (window.frameGeometry(), available)
    assert window.width() >= 0.8 * available.width() or window.width() >= 1200


def test_an_opened_article_shows_editor_and_preview_side_by_side(qtbot, first_run):
    window, _library, story, _ = first_run
    tab = open_story(qtbot, window, story)
    area = tab.width()
    assert tab.editor_side.isVisible() and tab.preview.isVisible()
    assert tab.editor_side.width() >= area / 3, (tab.editor_side.width(), area)
    assert tab.preview.width() >= area / 3, (tab.preview.width(), area)
    assert tab.preview.view.isVisible()
    # the article keeps most of the window; the side panels share the rest
    assert window.tabs.width() >= 0.5 * window.width(), (window.tabs.width(), window.width())
    window.grab().save(f"/tmp/byline-screen-{SCREEN}.png")


def test_every_detail_shows_its_whole_value(qtbot, first_run):
    window, _library, story, _ = first_run
    tab = open_story(qtbot, window, story)
    meta = tab.metadata
    for edit, value in ((meta.interviewee_edit, NAME_30), (meta.author_edit, AUTHOR_30),
                        (meta.date_edit, "2024-12-31")):
        assert edit.text() == value
        assert edit.isVisible()
        need = edit.fontMetrics().horizontalAdvance(value)
        assert need <= text_room(edit), (edit.accessibleName(), need, text_room(edit))
    for box in (meta.kind_box, meta.language_box):
        need = box.fontMetrics().horizontalAdvance(box.currentText())
        assert need <= combo_room(box), (box.accessibleName(), need, combo_room(box))
    assert meta.title_edit.width() > 0.6 * tab.width()


def test_the_library_shows_headlines_of_30_characters(first_run):
    window, *_ = first_run
    table = window.library_panel.table
    model = table.model()
    column = table.columnWidth(0)
    metrics = table.fontMetrics()
    for row in range(min(model.rowCount(), 10)):
        title = model.data(model.index(row, 0))
        assert metrics.horizontalAdvance(title[:30]) + 8 <= column, (title[:30], column)
    assert not table.isColumnHidden(2)  # the status: shown on every one of these screens


def test_panels_are_tabbed_small_and_leave_the_article_room(qtbot, first_run):
    window, *_ = first_run
    panels = window.panels
    tabbed = set(window.tabifiedDockWidgets(panels.workflow_dock))
    assert {panels.comments_dock, panels.related_dock, panels.spelling_dock} <= tabbed
    assert window.dockWidgetArea(panels.queues_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    # the queues: every row in view and hardly more
    queues = panels.queues.list
    assert queues.height() <= queues.sizeHintForRow(0) * (queues.count() + 1) + 8
    assert panels.queues_dock.height() < 0.35 * window.height()
    # the right panels together take at most a third of the window
    assert panels.workflow_dock.width() <= window.width() / 3
    # an empty trail is a line of text, not an empty box
    workflow = panels.workflow
    workflow.set_article(0)
    assert not workflow.trail.isVisible() and workflow.no_trail.isVisible()


def test_view_modes_switch_and_are_remembered(qtbot, first_run, tmp_path):
    window, library, story, settings = first_run
    tab = open_story(qtbot, window, story)
    shortcuts = {mode: action.shortcut().toString()
                 for mode, action in window.view_mode_actions.items()}
    assert shortcuts == {ViewMode.EDITOR: "Ctrl+1", ViewMode.SIDE_BY_SIDE: "Ctrl+2",
                         ViewMode.PREVIEW: "Ctrl+3"}
    window.view_mode_actions[ViewMode.EDITOR].trigger()
    qtbot.wait(20)
    assert tab.editor.isVisible() and not tab.preview.isVisible()
    assert tab.editor_side.width() >= tab.width() - 10
    window.view_mode_actions[ViewMode.PREVIEW].trigger()
    qtbot.wait(20)
    assert tab.preview.isVisible() and not tab.editor.isVisible()
    window.save_layout()
    # a new window on the same settings opens articles in the same mode
    again = build_main_window(library, settings=settings, renderer=window.renderer)
    qtbot.addWidget(again)
    again.restore_layout()
    again.show()
    other = again.open_article(story.id)
    qtbot.wait(20)
    assert other.view_mode is ViewMode.PREVIEW and not other.editor.isVisible()
    assert again.view_mode_actions[ViewMode.PREVIEW].isChecked()
    again.view_mode_actions[ViewMode.SIDE_BY_SIDE].trigger()
    qtbot.wait(20)
    assert other.editor.isVisible() and other.preview.isVisible()
    assert min(other.editor_side.width(), other.preview.width()) >= other.width() / 3
    again.close_all_tabs()
    again.shutdown()


def test_a_saved_collapsed_preview_comes_back_visible(qtbot, tmp_path, first_run):
    window, library, story, settings = first_run
    # what an older Byline saved after the preview was dragged shut, and a bad ratio
    tab = open_story(qtbot, window, story)
    tab.splitter.setSizes([tab.splitter.width(), 0])
    settings.setValue("editor/splitter", tab.splitter.saveState())
    settings.setValue("editor/split_ratio", 0.999)
    window.close_all_tabs()
    again = build_main_window(library, settings=settings, renderer=window.renderer)
    qtbot.addWidget(again)
    again.restore_layout()
    again.show()
    other = again.open_article(story.id)
    qtbot.waitUntil(lambda: other.preview.isVisible() and other.preview.width() > 0, timeout=5000)
    assert other.preview.width() >= other.width() / 3 - 2, (other.preview.width(), other.width())
    assert other.editor_side.width() >= other.width() / 3 - 2
    again.close_all_tabs()
    again.shutdown()
