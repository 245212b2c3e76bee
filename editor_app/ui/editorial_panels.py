"""Mounts the editorial panels on the main window and keeps them on the right article.

Review queues (left), and on the right, tabbed: workflow, comments, related news
and spelling. Per open article it attaches a tag editor, a spell controller and
comment highlights. Panels follow the current article tab, or the article
selected in the library while the Reader is in front, so an editor can work a
queue without opening every story.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox

from editor_app.core.errors import BylineError
from editor_app.core.spelling import article_names
from editor_app.ui.comments_panel import CommentHighlighter, CommentsPanel
from editor_app.ui.queues import ReviewQueues
from editor_app.ui.related_panel import RelatedPanel
from editor_app.ui.spelling_controller import SpellController
from editor_app.ui.spelling_panel import SpellingPanel
from editor_app.ui.tag_editor import BulkTagDialog, TagEditor
from editor_app.ui.workflow_actions import WorkflowActions

SPELL_METADATA_DELAY_MS = 500


class EditorialPanels(QObject):
    """Owns the docks and menus of review, tagging, related news, spelling and export."""

    def __init__(self, window, spell_service=None):
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.signals = window.signals
        self.spell_service = spell_service
        self.article_id = 0
        self._tab_parts: dict[int, dict] = {}

        self.queues = ReviewQueues(self.library, self.signals)
        self.workflow = WorkflowActions(self.library, self.signals,
                                        spelling_issue_count=self._spelling_count)
        self.comments = CommentsPanel(self.library, self.signals)
        self.related = RelatedPanel(self.library, self.signals)
        self.spelling = SpellingPanel()

        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.queues_dock = window.add_panel("Queues", self.queues, left, "QueuesDock")
        self.workflow_dock = window.add_panel("Workflow", self.workflow, right, "WorkflowDock")
        self.comments_dock = window.add_panel("Comments", self.comments, right, "CommentsDock")
        self.related_dock = window.add_panel("Related news", self.related, right, "RelatedDock")
        self.spelling_dock = window.add_panel("Spelling", self.spelling, right, "SpellingDock")
        for dock in (self.comments_dock, self.related_dock, self.spelling_dock):
            window.tabifyDockWidget(self.workflow_dock, dock)
        self.workflow_dock.raise_()
        window.resizeDocks([self.queues_dock], [190], Qt.Orientation.Horizontal)
        window.resizeDocks([self.workflow_dock], [330], Qt.Orientation.Horizontal)

        self._build_menus()
        self.queues.queue_selected.connect(lambda statuses: window.library_panel.set_statuses(
            statuses or None))
        self.comments.jump_requested.connect(self._jump_to)
        self.comments.anchors_changed.connect(self._show_comment_anchors)
        self.spelling.issue_activated.connect(lambda _issue: self._focus_editor())
        window.tab_opened.connect(self._attach_tab)
        window.tab_closed.connect(self._detach_tab)
        window.tabs.currentChanged.connect(lambda _i: self._follow_current())
        window.library_panel.article_selected.connect(self._on_library_selection)
        for tab in window.article_tabs():
            self._attach_tab(tab)
        self._follow_current()

    # -- menus -----------------------------------------------------------------
    def _build_menus(self) -> None:
        window = self.window
        menu_bar = window.menuBar()
        self.review_menu = menu_bar.insertMenu(window.view_menu.menuAction(), _menu(window, "&Review"))
        self.tools_menu = menu_bar.insertMenu(window.view_menu.menuAction(), _menu(window, "&Tools"))
        review_menu = self.review_menu.menu()
        tools_menu = self.tools_menu.menu()
        self.add_comment_action = _add(review_menu, window, "&Add Comment on Selection…",
                                       self.add_comment, "Ctrl+Alt+M")
        self.preflight_action = _add(review_menu, window, "&Pre-flight Check…", self.preflight,
                                     "Ctrl+Alt+P")
        self.history_action = _add(review_menu, window, "Revision &History…", self.history,
                                   "Ctrl+Alt+H")
        review_menu.addSeparator()
        _add(review_menu, window, "Show &Workflow", lambda: self._raise(self.workflow_dock))
        _add(review_menu, window, "Show &Comments", lambda: self._raise(self.comments_dock))
        _add(review_menu, window, "Show &Related News", lambda: self._raise(self.related_dock))

        self.spell_toggle = _add(tools_menu, window, "Check &Spelling", self._toggle_spelling)
        self.spell_toggle.setCheckable(True)
        self.spell_toggle.setChecked(True)
        # F7 belongs to each editor (a second binding would make Qt fire neither);
        # this entry only shows the key.
        self.next_issue_action = _add(tools_menu, window, "Next Spelling Issue\tF7",
                                      self._next_spelling_issue)
        self.dictionaries_action = _add(tools_menu, window, "&Dictionaries…", self.dictionaries)
        tools_menu.addSeparator()
        self.vocabulary_action = _add(tools_menu, window, "Tag &Vocabulary…", self.vocabulary)
        self.bulk_tag_action = _add(tools_menu, window, "&Tag Selected Articles…", self.bulk_tag,
                                    "Ctrl+Alt+T")
        file_menu = window.menuBar().actions()[0].menu()
        self.export_action = QAction("&Export…", window, shortcut=QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export)
        file_menu.insertAction(file_menu.actions()[1], self.export_action)

    def _raise(self, dock) -> None:
        dock.show()
        dock.raise_()

    # -- which article the panels show ----------------------------------------
    def _current_tab(self):
        return self.window.current_article_tab()

    def _follow_current(self) -> None:
        tab = self._current_tab()
        if tab is not None:
            self._show_article(tab.article_id, tab)
        else:
            selected = self.window.library_panel.current_article_id()
            self._show_article(selected or 0, None)

    def _on_library_selection(self, article_id: int) -> None:
        if self._current_tab() is None:
            self._show_article(article_id, None)

    def _show_article(self, article_id: int, tab) -> None:
        self.article_id = article_id
        self.workflow.set_article(article_id)
        self.related.set_article(article_id or None)
        text = tab.editor.toPlainText() if tab is not None else None
        if article_id:
            self.comments.set_article(article_id, text)
        parts = self._tab_parts.get(id(tab)) if tab is not None else None
        controller = parts.get("spelling") if parts else None
        self.spelling.set_controller(controller)
        self.spell_toggle.setEnabled(controller is not None)
        if controller is not None:
            self.spell_toggle.setChecked(controller.enabled)
        for action in (self.add_comment_action, self.next_issue_action):
            action.setEnabled(tab is not None)
        for action in (self.preflight_action, self.history_action):
            action.setEnabled(bool(article_id))

    # -- per-tab parts -----------------------------------------------------------
    def _attach_tab(self, tab) -> None:
        parts: dict = {}
        tags = TagEditor(self.library, self.signals)
        tags.set_article(tab.article_id)
        tab.metadata.set_tag_widget(tags)
        parts["tags"] = tags
        parts["comments"] = CommentHighlighter(tab.editor)
        if self.spell_service is not None:
            article = tab.snapshot()
            controller = SpellController(
                tab.editor, self.library, tab.article_id, article.language,
                article_names(article), article.title,
                service=self.spell_service)
            controller.unavailable.connect(tab.show_banner)
            controller.message.connect(lambda text: self.signals.message.emit(text, 8000))
            controller.enabled_changed.connect(self._sync_spell_toggle)
            tab.editor.addAction(controller.toggle_action)
            parts["spelling"] = controller
            timer = QTimer(tab, singleShot=True, interval=SPELL_METADATA_DELAY_MS)
            timer.timeout.connect(lambda tab=tab: self._update_spelling_metadata(tab))
            tab.metadata.changed.connect(timer.start)
            parts["spell_key"] = _spelling_key(article)
        tab.text_changed.connect(lambda tab=tab: self._on_tab_text_changed(tab))
        self._tab_parts[id(tab)] = parts

    def _detach_tab(self, tab) -> None:
        parts = self._tab_parts.pop(id(tab), {})
        if "spelling" in parts:
            parts["spelling"].close()
        if "tags" in parts:
            parts["tags"].shutdown()
        if tab is self._current_tab() or not self.window.article_tabs():
            self.spelling.set_controller(None)

    def _update_spelling_metadata(self, tab) -> None:
        parts = self._tab_parts.get(id(tab))
        if not parts or "spelling" not in parts:
            return
        article = tab.snapshot()
        key = _spelling_key(article)
        if key == parts.get("spell_key"):
            return  # the full pass restarts on every call: only when these fields change
        parts["spell_key"] = key
        parts["spelling"].set_metadata(
            language=article.language,
            metadata_names=article_names(article),
            title=article.title)

    def _on_tab_text_changed(self, tab) -> None:
        if tab is self._current_tab():
            self.comments.set_text(tab.editor.toPlainText())

    def _show_comment_anchors(self, anchors) -> None:
        tab = self._current_tab()
        parts = self._tab_parts.get(id(tab)) if tab is not None else None
        if parts and tab.article_id == self.comments.article_id:
            parts["comments"].set_anchors(anchors)
            parts["comments"].apply()

    def _jump_to(self, start: int, end: int) -> None:
        tab = self._current_tab()
        if tab is None:
            if self.article_id:
                tab = self.window.open_article(self.article_id)
            if tab is None:
                return
        cursor = QTextCursor(tab.editor.document())
        limit = max(0, tab.editor.document().characterCount() - 1)
        cursor.setPosition(min(start, limit))
        cursor.setPosition(min(end, limit), QTextCursor.MoveMode.KeepAnchor)
        tab.editor.setTextCursor(cursor)
        tab.editor.centerCursor()
        tab.editor.setFocus()

    def _focus_editor(self) -> None:
        tab = self._current_tab()
        if tab is not None:
            tab.editor.setFocus()

    # -- spelling -----------------------------------------------------------------
    def _controller(self):
        tab = self._current_tab()
        parts = self._tab_parts.get(id(tab)) if tab is not None else None
        return parts.get("spelling") if parts else None

    def _spelling_count(self, article_id: int) -> int | None:
        tab = self.window.tab_for(article_id)
        parts = self._tab_parts.get(id(tab)) if tab is not None else None
        controller = parts.get("spelling") if parts else None
        if controller is None or not controller.enabled:
            return None
        return len(controller.issues())

    def _toggle_spelling(self, on: bool) -> None:
        controller = self._controller()
        if controller is not None:
            controller.set_enabled(on)

    def _sync_spell_toggle(self, on: bool) -> None:
        if self.sender() is self._controller():
            self.spell_toggle.setChecked(on)

    def _next_spelling_issue(self) -> None:
        controller = self._controller()
        if controller is not None:
            controller.next_issue()

    def dictionaries(self) -> None:
        from editor_app.ui.dictionary_dialog import DictionaryDialog

        if self.spell_service is None:
            return
        tab = self._current_tab()
        dictionaries = self.spell_service.dictionaries(self.library, tab.article_id if tab else None)
        DictionaryDialog(dictionaries, service=self.spell_service, parent=self.window).exec()

    # -- review ---------------------------------------------------------------------
    def add_comment(self) -> None:
        tab = self._current_tab()
        if tab is None:
            return
        tab.save_now()
        self.comments.set_article(tab.article_id, tab.editor.toPlainText())
        self._raise(self.comments_dock)
        self.comments.add_comment_from_editor(tab.editor)

    def preflight(self) -> None:
        from editor_app.ui.preflight_dialog import PreflightDialog

        if not self.article_id:
            return
        tab = self.window.tab_for(self.article_id)
        if tab is not None:
            tab.save_now()
        PreflightDialog(self.library, self.article_id,
                        spelling_issue_count=self._spelling_count(self.article_id),
                        parent=self.window).exec()

    def history(self) -> None:
        from editor_app.ui.history_dialog import HistoryDialog

        if not self.article_id:
            return
        tab = self.window.tab_for(self.article_id)
        if tab is not None:
            tab.save_now(revision_reason="autosave")
        dialog = HistoryDialog(self.library, self.article_id, self.signals, parent=self.window)
        dialog.restored.connect(self._reload_restored)
        dialog.exec()

    def _reload_restored(self, article_id: int) -> None:
        tab = self.window.tab_for(article_id)
        if tab is not None:
            tab.reload_from_library()

    # -- tags and export ---------------------------------------------------------------
    def vocabulary(self) -> None:
        from editor_app.ui.vocabulary_dialog import VocabularyDialog

        VocabularyDialog(self.library, self.signals, parent=self.window).exec()

    def bulk_tag(self) -> None:
        ids = self.window.library_panel.selected_article_ids()
        if not ids:
            QMessageBox.information(self.window, "Tag articles",
                                    "Select one or more articles in the library first.")
            return
        if BulkTagDialog(self.library, self.signals, ids, parent=self.window).exec():
            self.window.library_panel.reload()

    def export(self) -> None:
        from editor_app.ui.export_dialog import ExportDialog

        ids = self.window.library_panel.selected_article_ids()
        tab = self._current_tab()
        if tab is not None:
            tab.save_now()
            ids = [tab.article_id]
        try:
            ExportDialog(self.library, ids, parent=self.window).exec()
        except BylineError as exc:
            QMessageBox.warning(self.window, "Export", str(exc))

    def shutdown(self) -> None:
        for parts in self._tab_parts.values():
            if "spelling" in parts:
                parts["spelling"].close()
            if "tags" in parts:
                parts["tags"].shutdown()
        self._tab_parts.clear()
        self.related.shutdown()


def _spelling_key(article) -> tuple:
    return (article.language, article.interviewee, article.author, article.title, tuple(article.tags))


def _menu(window, title: str) -> QMenu:
    return QMenu(title, window)


def _add(menu, window, text: str, slot, shortcut: str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
