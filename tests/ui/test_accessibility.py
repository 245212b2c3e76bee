"""Keyboard and screen readers (#20): every control has a name a screen reader can say,
Tab goes through an article in the order it stands on screen, and a story goes from
writing through review to export without the mouse.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAccessible, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from editor_app.app import build_main_window
from editor_app.core.identity import Identity, save_identity
from editor_app.core.models import Status
from editor_app.library_file import open_library
from editor_app.ui.theme import apply_theme, theme_palette

SLUG = "esther-lund-interview"


@pytest.fixture
def desk(qtbot, tmp_path):
    """The first-run window on the sample library, an editor at the desk."""
    library = open_library(tmp_path / "library.byline", explicit=False, seed_samples=True)
    save_identity(Identity("Tomas", "editor"))  # the person acts as an editor (#17)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(library, settings=settings, staged=True)
    qtbot.addWidget(window)
    window.restore_layout()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.startup.pending, timeout=30000)
    yield window, library
    window.close_all_tabs()
    window.panels.shutdown()
    window.shutdown()
    library.close()


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for the widget: its accessible interface's name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def takes_tab(widget: QWidget) -> bool:
    return (widget.isVisible() and widget.isEnabled()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus))


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab reaches from ``root``, in order, once round."""
    found, widget = [], root.nextInFocusChain()
    while widget is not None and widget is not root and len(found) < 5000:
        if takes_tab(widget) and root.isAncestorOf(widget):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def unnamed_in_tree(root: QWidget) -> list[str]:
    """Focusable nodes of the accessibility tree under ``root`` without a name."""
    missing, stack = [], [QAccessible.queryAccessibleInterface(root)]
    while stack:
        node = stack.pop()
        if node is None or not node.isValid():
            continue
        owner = node.object()
        if owner is not None and owner.metaObject().className() == "QWebEngineView":
            continue  # Chromium exposes the page's own tree, named by the page itself
        state = node.state()
        if state.focusable and not state.invisible and not node.text(QAccessible.Text.Name).strip():
            missing.append(f"{owner.metaObject().className() if owner else '?'} "
                           f"(role {node.role().name})")
        stack += [node.child(i) for i in range(node.childCount())]
    return missing


def open_sample(qtbot, window, library):
    article = library.get_article(SLUG)
    window.open_article(article.id)
    tab = window.current_article_tab()
    qtbot.waitUntil(lambda: tab.preview.view is not None and tab.preview.shown_generation >= 1,
                    timeout=30000)
    qtbot.waitUntil(lambda: tab.metadata.tag_widget is not None, timeout=10000)
    qtbot.wait(200)
    return tab


def test_every_focusable_control_has_a_name(qtbot, desk):
    window, library = desk
    open_sample(qtbot, window, library)
    chain = focus_chain(window)
    assert len(chain) > 15  # the library, the article's details, text, preview, panels
    unnamed = [f"{type(w).__name__} in {type(w.parent()).__name__}" for w in chain
               if not spoken_name(w)]
    assert unnamed == []
    assert unnamed_in_tree(window) == []
    for action in window.menuBar().actions():
        assert action.text().strip()
        assert all(item.text().strip() for item in action.menu().actions()
                   if not item.isSeparator())


def test_tab_goes_through_an_article_as_it_stands_on_screen(qtbot, desk):
    window, library = desk
    tab = open_sample(qtbot, window, library)
    meta = tab.metadata
    tags = meta.tag_widget
    qtbot.waitUntil(lambda: bool(tags.chip_names()), timeout=5000)
    qtbot.waitUntil(lambda: tab.preview.view.focusProxy() is not None, timeout=10000)
    preview_focus = tab.preview.view.focusProxy()  # Chromium's widget takes the keys
    expected = [meta.title_edit, meta.kind_box, meta.interviewee_edit, meta.author_edit,
                meta.date_edit, meta.language_box, meta.summary_edit, tags.line_edit,
                tab.editor, preview_focus]
    chain = focus_chain(window)
    positions = [chain.index(widget) for widget in expected]
    assert positions == sorted(positions)
    # Tab from the summary lands in the tags, and the text follows the tags.
    after_summary = chain[chain.index(meta.summary_edit) + 1]
    assert after_summary is tags.line_edit
    assert chain[chain.index(tab.editor) - 1] in [tags.line_edit, *tags.suggestion_buttons(),
                                                    *tags.findChildren(QWidget)]


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key as the person presses it: to whatever has the keyboard focus."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot, text: str):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def in_next_dialog(callback, after=None):
    """Run ``callback(dialog)`` once a modal dialog (other than ``after``) is up: exec()
    blocks the test."""
    def look():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is after or not dialog.isVisible():
            QTimer.singleShot(30, look)
            return
        if not dialog.isAncestorOf(QApplication.focusWidget()):
            dialog.activateWindow()  # what the window manager does for a new dialog
            QTimer.singleShot(30, look)
            return
        try:
            callback(dialog)
        except BaseException as exc:  # the test fails instead of waiting on the dialog
            DIALOG_ERRORS.append(exc)
            dialog.reject()
    QTimer.singleShot(0, look)


DIALOG_ERRORS: list[BaseException] = []


def back_from_dialog(qtbot, window):
    """The main window active again after a dialog closed (the window manager's part)."""
    if not window.isActiveWindow():
        window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def tab_to(qtbot, text: str, limit: int = 40):
    """Press Tab until the control saying ``text`` has the focus."""
    passed = []
    for _ in range(limit):
        if spoken_name(QApplication.focusWidget()) == text:
            return
        passed.append(spoken_name(QApplication.focusWidget()))
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached “{text}”; it went through {passed}")


def test_from_writing_to_export_without_the_mouse(qtbot, desk, tmp_path):
    window, library = desk
    article = library.get_article(SLUG)
    assert article.status is Status.DRAFT
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)

    # Find the story in the library and open it.
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.library_panel.search_box
    type_text(qtbot, "Esther Lund")
    qtbot.waitUntil(lambda: 1 <= window.library_panel.model.total < 10, timeout=5000)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.library_panel.table
    press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(window.library_panel.model.total):  # down the list to the story
        if window.selected_article_id() == article.id:
            break
        press(qtbot, Qt.Key.Key_Down)
    assert window.selected_article_id() == article.id
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_article_tab() is not None, timeout=10000)
    tab = window.current_article_tab()
    assert tab.article_id == article.id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.editor, timeout=5000)

    # Write.
    press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "Written without a mouse.")
    qtbot.waitUntil(lambda: "Written without a mouse." in library.get_article(article.id).body,
                    timeout=10000)

    # Submit, start the review and approve it: the moves are buttons in the Workflow panel;
    # the trail note is an optional field above them (#17), so a move is one key press.
    def pass_preflight(dialog):
        try:
            qtbot.waitUntil(lambda: dialog.proceed_button.isDefault()
                            or dialog.override_button.isDefault(), timeout=30000)
        except Exception:
            raise AssertionError(f"the checklist never decided: {dialog.heading.text()}") from None
        press(qtbot, Qt.Key.Key_Return)  # the default: go ahead (or override failed checks)

    for move, status, gate in (("Submit for review", Status.SUBMITTED, None),
                               ("Start review", Status.IN_REVIEW, None),
                               ("Approve", Status.APPROVED, pass_preflight)):
        press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        assert window.panels.workflow_dock.isAncestorOf(QApplication.focusWidget())
        tab_to(qtbot, move)
        if gate is not None:
            in_next_dialog(gate)
        press(qtbot, Qt.Key.Key_Space)
        try:
            qtbot.waitUntil(lambda status=status: library.get_article(article.id).status is status,
                            timeout=30000)
        except Exception:
            raise AssertionError(
                f"“{move}” did not happen: status {library.get_article(article.id).status}, "
                f"focus on {spoken_name(QApplication.focusWidget())!r}, "
                f"{DIALOG_ERRORS or 'no dialog error'}") from None
        back_from_dialog(qtbot, window)

    # Export: Ctrl+E, Alt+L to the destination, type it, Enter.
    destination = tmp_path / "site"

    def export(dialog):
        # The sample keeps two spelling issues; the approval overrode them, so does this.
        tab_to(qtbot, dialog.force_box.text())
        press(qtbot, Qt.Key.Key_Space)
        assert dialog.force_box.isChecked()
        press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is dialog.path_edit
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, str(destination))
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.status_label.text() != "", timeout=10000)
        qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=60000)
        assert any(destination.rglob("*.html")), dialog.status_label.text()
        press(qtbot, Qt.Key.Key_Escape)

    in_next_dialog(export)
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    if DIALOG_ERRORS:
        raise DIALOG_ERRORS.pop()
    back_from_dialog(qtbot, window)
    assert any(destination.rglob("*.html"))
    page = next(p for p in destination.rglob("*.html") if SLUG in str(p))
    assert "Written without a mouse." in page.read_text(encoding="utf-8")


def test_high_contrast_palette_is_legible():
    """With the desktop's high contrast the text is black on white or white on black."""
    for dark in (False, True):
        palette = theme_palette(dark, high_contrast=True)
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        assert {text.name(), base.name()} == {"#000000", "#ffffff"}
        assert contrast(palette.color(QPalette.ColorRole.Highlight),
                        palette.color(QPalette.ColorRole.HighlightedText)) >= 7
        disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        assert contrast(disabled, base) >= 7  # WCAG AAA for text


def contrast(one, other) -> float:
    """WCAG 2 contrast ratio of two colours."""
    def luminance(color):
        def channel(c):
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
                + 0.0722 * channel(color.blueF()))
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_system_theme_follows_high_contrast(qapp, monkeypatch):
    """The "Follow the system" theme takes the high-contrast palette when the desktop asks."""
    import editor_app.ui.theme as theme_module

    monkeypatch.setattr(theme_module, "system_high_contrast", lambda: True)
    try:
        apply_theme("system")
        assert QGuiApplication.palette().color(QPalette.ColorRole.Base).name() in ("#000000", "#ffffff")
        assert qapp.property("bylineHighContrast")
        apply_theme("light", high_contrast=False)
        assert not qapp.property("bylineHighContrast")
    finally:
        monkeypatch.setattr(theme_module, "system_high_contrast", lambda: False)
        apply_theme("system")
