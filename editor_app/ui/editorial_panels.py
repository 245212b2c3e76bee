"""Mounts the editorial panels on the main window and keeps them on the right article.

Review queues (left, above the library), and on the right, tabbed: workflow,
comments, related news and spelling. Per open article it attaches a tag editor, a
spell controller and comment highlights (``TabParts``). Panels follow the current
article tab, or the article selected in the library while the Reader is in front,
so an editor can work a queue without opening every story. They reach the window
through the signal hub and its public methods only.

Start-up (#20): the docks take their places at once, so the window's first paint
has its final layout, but what they hold is built later: the queues, workflow,
comments and each article's tag editor by ``start()`` (right after the first
paint), the spell checkers by ``start_spelling()``, and the related-news and
spelling panels, which sit behind the workflow tab, when they are first shown or
asked for. Their modules are imported only then.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from editor_app.core.errors import BylineError

SPELL_METADATA_DELAY_MS = 500


@dataclass(eq=False)
class TabParts:
    """What the panels attach to one open article."""

    tags: object  # TagEditor
    comments: object  # CommentHighlighter
    spelling: object | None = None  # SpellController
    #: the fields the spell checker was built for: language, interviewee, author, title
    spelling_key: tuple = ()

    def close(self) -> None:
        """The tab closes (or the window): stop the parts' background work."""
        if self.spelling is not None:
            self.spelling.close()
        self.tags.shutdown()


class EditorialPanels(QObject):
    """Owns the docks and menus of review, tagging, related news, spelling and export."""

    def __init__(self, window, spell_service=None, *, deferred: bool = False):
        super().__init__(window)
        self.window = window
        self.signals = window.signals
        self.spell_service = spell_service
        self.article_id = 0
        self._tab = None  # the article tab the panels follow (None: the library's selection)
        self._parts: dict[object, TabParts] = {}  # ArticleTab -> its parts
        self._built: dict[str, object] = {}
        self._started = False
        self._spelling_started = False
        self._shut_down = False

        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        library_dock = getattr(window, "library_dock", None)
        self.queues_dock = window.add_panel(self.tr("Queues"), _waiting(), left, "QueuesDock",
                                            above=library_dock)
        self.workflow_dock = window.add_panel(self.tr("Workflow"), _waiting(), right, "WorkflowDock")
        self.comments_dock = window.add_panel(self.tr("Comments"), _waiting(), right, "CommentsDock",
                                              tab_with=self.workflow_dock)
        self.related_dock = window.add_panel(self.tr("Related news"), _waiting(), right, "RelatedDock",
                                             tab_with=self.workflow_dock)
        self.spelling_dock = window.add_panel(self.tr("Spelling"), _waiting(), right, "SpellingDock",
                                              tab_with=self.workflow_dock)
        self.workflow_dock.raise_()
        # The panels behind the workflow tab are built when they are first shown.
        self.related_dock.visibilityChanged.connect(
            lambda shown: shown and self._started and self.related)
        self.spelling_dock.visibilityChanged.connect(
            lambda shown: shown and self._started and self.spelling)

        self._build_menus()
        window.tab_opened.connect(self._attach_tab)
        window.tab_closed.connect(self._detach_tab)
        window.shutting_down.connect(self.shutdown)
        self.signals.current_article_changed.connect(lambda _id: self._follow_current())
        self.signals.article_selected.connect(self._on_library_selection)
        if not deferred:
            self.start()
            self.start_spelling()

    @property
    def library(self):
        """The window's library (a staged start attaches it after the docks are placed)."""
        return self.window.library

    # -- building (after the first paint) ----------------------------------------------
    def start(self) -> None:
        """Build the panels in view and each open article's tag editor and comments."""
        if self._started or self._shut_down:
            return
        self._started = True
        for panel in (self.queues, self.workflow, self.comments, self.space_updater):
            assert panel is not None
        for dock, name in ((self.related_dock, "related"), (self.spelling_dock, "spelling")):
            if not dock.visibleRegion().isEmpty() and not dock.isHidden():
                getattr(self, name)
        for tab in self.window.article_tabs():
            self._attach_tab(tab)
        self._follow_current()

    def start_spelling(self) -> None:
        """Give every open article its spell checker (the dictionaries load on a worker)."""
        if self._spelling_started or self._shut_down:
            return
        self.start()
        self._spelling_started = True
        for tab in self.window.article_tabs():
            self._attach_spelling(tab)
        self._follow_current()

    def _panel(self, name: str, build, dock) -> object:
        panel = self._built.get(name)
        if panel is None:
            panel = self._built[name] = build()
            if dock is not None:
                dock.setWidget(panel)
                self.window.route_file_drops(panel)
            if self._started:
                self._show_article(self.article_id, self._tab, only=name)
        return panel

    @property
    def queues(self):
        def build():
            from editor_app.ui.review.queues import ReviewQueues

            queues = ReviewQueues(self.library, self.signals)
            queues.queue_selected.connect(self.window.show_statuses)
            queues.articles_selected.connect(self.window.show_article_ids)  # Conflicts (#14)
            return queues
        return self._panel("queues", build, self.queues_dock)

    @property
    def workflow(self):
        def build():
            from editor_app.ui.review.workflow_actions import WorkflowActions

            workflow = WorkflowActions(self.library, self.signals,
                                       spelling_issue_count=self._spelling_count,
                                       spelling_issues=self._spelling_issues)
            workflow.spot_requested.connect(self._jump_to)
            workflow.field_requested.connect(self._focus_field)
            return workflow
        return self._panel("workflow", build, self.workflow_dock)

    @property
    def comments(self):
        def build():
            from editor_app.ui.review.comments_panel import CommentsPanel

            comments = CommentsPanel(self.library, self.signals)
            comments.jump_requested.connect(self._jump_to)
            comments.anchors_changed.connect(self._show_comment_anchors)
            return comments
        return self._panel("comments", build, self.comments_dock)

    @property
    def related(self):
        def build():
            from editor_app.ui.related.related_panel import RelatedPanel

            return RelatedPanel(self.library, self.signals)
        return self._panel("related", build, self.related_dock)

    @property
    def spelling(self):
        def build():
            from editor_app.ui.spelling.spelling_panel import SpellingPanel

            spelling = SpellingPanel()
            spelling.issue_activated.connect(lambda _issue: self._focus_editor())
            return spelling
        return self._panel("spelling", build, self.spelling_dock)

    @property
    def space_updater(self):
        def build():
            from editor_app.ui.related.related_space import SpaceUpdater

            return SpaceUpdater(self.library, self.signals, self)
        return self._panel("space_updater", build, None)

    def parts_of(self, tab) -> TabParts | None:
        """The tag editor, comment highlights and spell controller attached to a tab."""
        return self._parts.get(tab)

    # -- menus -----------------------------------------------------------------
    def _build_menus(self) -> None:
        window = self.window
        review_menu = self.review_menu = window.add_menu(self.tr("&Review"))
        tools_menu = self.tools_menu = window.add_menu(self.tr("&Tools"))
        self.add_comment_action = _add(review_menu, window, self.tr("&Add Comment on Selection…"),
                                       self.add_comment, "Ctrl+Alt+M")
        self.preflight_action = _add(review_menu, window, self.tr("&Pre-flight Check…"), self.preflight,
                                     "Ctrl+Alt+P")
        self.history_action = _add(review_menu, window, self.tr("Revision &History…"), self.history,
                                   "Ctrl+Alt+H")
        review_menu.addSeparator()
        _add(review_menu, window, self.tr("Show &Workflow"),
             lambda: window.show_panel(self.workflow_dock), "Ctrl+Alt+W")
        _add(review_menu, window, self.tr("Show &Comments"), lambda: window.show_panel(self.comments_dock))
        _add(review_menu, window, self.tr("Show &Related News"),
             lambda: window.show_panel(self.related_dock))

        self.spell_toggle = _add(tools_menu, window, self.tr("Check &Spelling"), self._toggle_spelling)
        self.spell_toggle.setCheckable(True)
        self.spell_toggle.setChecked(True)
        # F7 belongs to each editor (a second binding would make Qt fire neither);
        # this entry only shows the key.
        self.next_issue_action = _add(tools_menu, window, self.tr("Next Spelling Issue") + "\tF7",
                                      self._next_spelling_issue)
        self.dictionaries_action = _add(tools_menu, window, self.tr("&Dictionaries…"), self.dictionaries)
        tools_menu.addSeparator()
        self.vocabulary_action = _add(tools_menu, window, self.tr("Tag &Vocabulary…"), self.vocabulary)
        self.bulk_tag_action = _add(tools_menu, window, self.tr("&Tag Selected Articles…"), self.bulk_tag,
                                    "Ctrl+Alt+T")
        self.export_action = QAction(self.tr("&Export…"), window, shortcut=QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export)
        window.add_file_action(self.export_action)

    # -- which article the panels show ----------------------------------------
    def _current_tab(self):
        return self.window.current_article_tab()

    def _follow_current(self) -> None:
        if not self._started:
            return
        tab = self._current_tab()
        if tab is not None:
            self._show_article(tab.article_id, tab)
        else:
            self._show_article(self.window.selected_article_id() or 0, None)

    def _on_library_selection(self, article_id: int) -> None:
        if self._started and self._current_tab() is None:
            self._show_article(article_id, None)

    def _show_article(self, article_id: int, tab, *, only: str | None = None) -> None:
        """Point the built panels (or just the one named) at an article."""
        self.article_id = article_id
        self._tab = tab
        built = self._built if only is None else {only: self._built[only]}
        if "workflow" in built:
            self.workflow.set_article(article_id)
        if "related" in built:
            self.related.set_article(article_id or None)
        text = tab.editor.toPlainText() if tab is not None else None
        if article_id and "comments" in built:
            self.comments.set_article(article_id, text)
        parts = self._parts.get(tab) if tab is not None else None
        controller = parts.spelling if parts is not None else None
        if "spelling" in built:
            self.spelling.set_controller(controller)
        if only is not None:
            return
        self.spell_toggle.setEnabled(controller is not None)
        if controller is not None:
            self.spell_toggle.setChecked(controller.enabled)
        for action in (self.add_comment_action, self.next_issue_action):
            action.setEnabled(tab is not None)
        for action in (self.preflight_action, self.history_action):
            action.setEnabled(bool(article_id))

    # -- per-tab parts -----------------------------------------------------------
    def _attach_tab(self, tab) -> None:
        if not self._started or tab in self._parts:
            return  # start() attaches the tabs opened before it
        from editor_app.ui.related.tag_editor import TagEditor
        from editor_app.ui.review.comments_panel import CommentHighlighter

        tags = TagEditor(self.library, self.signals)
        # Tab goes from the summary through the tags to the text and its preview.
        tags.focus_before = tab.metadata.summary_edit
        tags.focus_after = tab.focus_after_details
        tab.metadata.set_tag_widget(tags)  # in the window first: Tab order needs one window
        tags.set_article(tab.article_id)
        parts = TabParts(tags=tags, comments=CommentHighlighter(tab.editor))
        tab.text_changed.connect(lambda tab=tab: self._on_tab_text_changed(tab))
        self._parts[tab] = parts
        if self._spelling_started:
            self._attach_spelling(tab)

    def _attach_spelling(self, tab) -> None:
        from editor_app.core.spelling import article_names
        from editor_app.ui.spelling.spelling_controller import SpellController

        parts = self._parts.get(tab)
        if parts is None or parts.spelling is not None:
            return
        if self.spell_service is not None:
            article = tab.snapshot()
            controller = SpellController(
                tab.editor, self.library, tab.article_id, article.language,
                article_names(article), article.title,
                service=self.spell_service)
            if not self.window.settings.check_spelling():  # Preferences ▸ Spelling
                controller.set_enabled(False, persist=False)
            controller.unavailable.connect(tab.show_banner)
            controller.message.connect(lambda text: self.signals.message.emit(text, 8000))
            controller.enabled_changed.connect(self._sync_spell_toggle)
            tab.editor.addAction(controller.toggle_action)
            parts.spelling = controller
            parts.spelling_key = _spelling_key(article)
            timer = QTimer(tab, singleShot=True, interval=SPELL_METADATA_DELAY_MS)
            timer.timeout.connect(lambda tab=tab: self._update_spelling_metadata(tab))
            tab.metadata.changed.connect(timer.start)

    def _detach_tab(self, tab) -> None:
        parts = self._parts.pop(tab, None)
        if parts is not None:
            parts.close()
        if "spelling" in self._built and (tab is self._current_tab()
                                          or not self.window.article_tabs()):
            self.spelling.set_controller(None)

    def _update_spelling_metadata(self, tab) -> None:
        parts = self._parts.get(tab)
        if parts is None or parts.spelling is None:
            return
        article = tab.snapshot()
        key = _spelling_key(article)
        if key == parts.spelling_key:
            return  # the full pass restarts on every call: only when these fields change
        parts.spelling_key = key
        from editor_app.core.spelling import article_names

        parts.spelling.set_metadata(
            language=article.language,
            metadata_names=article_names(article),
            title=article.title)

    def _on_tab_text_changed(self, tab) -> None:
        if tab is self._current_tab() and "comments" in self._built:
            self.comments.set_text(tab.editor.toPlainText())

    def _show_comment_anchors(self, anchors) -> None:
        tab = self._current_tab()
        parts = self._parts.get(tab) if tab is not None else None
        if parts is not None and tab.article_id == self.comments.article_id:
            parts.comments.set_anchors(anchors)
            parts.comments.apply()

    def _jump_to(self, start: int, end: int) -> None:
        tab = self._current_tab()
        if tab is None:
            if self.article_id:
                tab = self.window.open_article(self.article_id)
            if tab is None:
                return
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(tab.editor.document())
        limit = max(0, tab.editor.document().characterCount() - 1)
        cursor.setPosition(min(start, limit))
        cursor.setPosition(min(end, limit), QTextCursor.MoveMode.KeepAnchor)
        tab.editor.setTextCursor(cursor)
        tab.editor.centerCursor()
        tab.editor.setFocus()

    def _focus_field(self, code: str) -> None:
        """A pre-flight check about a field: show where it is fixed."""
        if code == "comments":
            self.window.show_panel(self.comments_dock)
            return
        if code == "related":
            self.window.show_panel(self.related_dock)
            return
        tab = self._current_tab()
        if tab is None and self.article_id:
            tab = self.window.open_article(self.article_id)
        if tab is None:
            return
        widget = {"headline": tab.metadata.title_edit, "summary": tab.metadata.summary_edit,
                  "tags": tab.metadata.tag_widget}.get(code)
        if widget is not None:
            from PySide6.QtWidgets import QLineEdit

            line = widget.findChild(QLineEdit) if code == "tags" else None
            (line or widget).setFocus()

    def _focus_editor(self) -> None:
        tab = self._current_tab()
        if tab is not None:
            tab.editor.setFocus()

    # -- spelling -----------------------------------------------------------------
    def _controller(self):
        parts = self._parts.get(self._current_tab())
        return parts.spelling if parts is not None else None

    def _spelling_count(self, article_id: int) -> int | None:
        parts = self._parts.get(self.window.tab_for(article_id))
        controller = parts.spelling if parts is not None else None
        if controller is None or not controller.enabled:
            return None
        return len(controller.issues())

    def _spelling_issues(self, article_id: int) -> list | None:
        """The live issues of an open article (None when it is not open or not checked)."""
        parts = self._parts.get(self.window.tab_for(article_id))
        controller = parts.spelling if parts is not None else None
        if controller is None or not controller.enabled:
            return None
        return list(controller.issues())

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
        from editor_app.ui.spelling.dictionary_dialog import DictionaryDialog

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
        self.window.show_panel(self.comments_dock)
        self.comments.add_comment_from_editor(tab.editor)

    def preflight(self) -> None:
        from editor_app.ui.review.preflight_dialog import PreflightDialog

        if not self.article_id:
            return
        tab = self.window.tab_for(self.article_id)
        if tab is not None:
            tab.save_now()
        issues = self._spelling_issues(self.article_id)
        dialog = PreflightDialog(self.library, self.article_id, spelling_issues=issues,
                                 spelling_issue_count=None if issues is not None
                                 else self._spelling_count(self.article_id),
                                 parent=self.window)
        dialog.spot_activated.connect(self._jump_to)
        dialog.field_activated.connect(self._focus_field)
        dialog.exec()

    def history(self) -> None:
        from editor_app.ui.review.history_dialog import HistoryDialog

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
        from editor_app.ui.related.vocabulary_dialog import VocabularyDialog

        VocabularyDialog(self.library, self.signals, parent=self.window).exec()

    def bulk_tag(self) -> None:
        from editor_app.ui.related.tag_editor import BulkTagDialog

        ids = self.window.selected_article_ids()
        if not ids:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self.window, self.tr("Tag articles"),
                                    self.tr("Select one or more articles in the library first."))
            return
        if BulkTagDialog(self.library, self.signals, ids, parent=self.window).exec():
            self.window.reload_library_list()

    def export(self) -> None:
        from editor_app.ui.export.export_dialog import ExportDialog

        ids = self.window.selected_article_ids()
        tab = self._current_tab()
        if tab is not None:
            tab.save_now()
            ids = [tab.article_id]
        try:
            ExportDialog(self.library, ids, parent=self.window).exec()
        except BylineError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.window, self.tr("Export"), str(exc))

    def shutdown(self) -> None:
        """Stop every part's background work (the window shuts down). Safe to repeat."""
        self._shut_down = True
        for parts in self._parts.values():
            parts.close()
        self._parts.clear()
        for name in ("related", "space_updater"):
            if name in self._built:
                self._built[name].shutdown()


def _waiting() -> QLabel:
    """What a dock holds until its panel is built (a moment after the first paint)."""
    label = QLabel("")
    label.setAccessibleName(QCoreApplication.translate("EditorialPanels", "Loading"))
    return label


def _spelling_key(article) -> tuple:
    return (article.language, article.interviewee, article.author, article.title, tuple(article.tags))


def _add(menu, window, text: str, slot, shortcut: str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
