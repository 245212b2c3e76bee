"""The main window: library sidebar on the left, the Reader and open articles in tabs.

It lays out widgets, owns the menus and routes signals through the hub; how
articles are stored, rendered and saved is the business of core and ArticleTab.
Panels (review, related news, spelling, export) are mounted from outside through
its public methods: ``add_panel``, ``add_menu``, ``add_file_action``, and the
library-list and tab methods below; they never reach into its widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFontDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
)

from editor_app import __version__
from editor_app.core.errors import BylineError
from editor_app.core.importing import import_files
from editor_app.core.new_article import NEW_KINDS, new_article
from editor_app.ui.desk.article_tab import ArticleTab
from editor_app.ui.desk.article_view import ArticleView
from editor_app.ui.desk.autosave import AutosaveService, SaveState
from editor_app.ui.library.library_panel import LibraryPanel
from editor_app.ui.settings import Settings
from editor_app.ui.theme import THEMES, apply_theme, watch_system

LIBRARY_RELOAD_DELAY_MS = 1500
#: File ▸ New …: the interview, the newsroom's main form, has the key
NEW_ARTICLE_SHORTCUTS = {"interview": "Ctrl+N"}


class MainWindow(QMainWindow):
    #: an ArticleTab was created (panels attach their per-article parts here)
    tab_opened = Signal(object)
    #: an ArticleTab was saved and is about to be deleted
    tab_closed = Signal(object)
    #: the window stops its background work (closing); panels stop theirs
    shutting_down = Signal()

    def __init__(self, library, signals, settings: Settings | QSettings | None = None,
                 parent=None, *, renderer=None):
        super().__init__(parent)
        self.library = library
        self.signals = signals
        self.settings = settings if isinstance(settings, Settings) else Settings(settings)
        self._renderer = renderer
        self._owns_renderer = False
        self._shut_down = False
        #: set by the composition root (app.build_main_window); kept alive with the window
        self.panels = None
        self.outside_changes = None
        self.newsroom = None  # the newsroom server's sync (#15)
        self.saver = AutosaveService(library, self)
        self.dark = apply_theme(self.settings.theme())
        watch_system(self._system_theme_changed)
        self.setWindowTitle(f"Byline — {library.path.name}")
        self.resize(1280, 800)

        self.library_panel = LibraryPanel(library)
        self.reader = ArticleView(library, lambda: self.renderer)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.addTab(self.reader, "Reader")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.library_panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([560, 720])
        self.setCentralWidget(self.splitter)

        self.stats_label = QLabel()
        self.stats_label.setObjectName("textStats")
        self.save_label = QLabel()
        self.save_label.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self.stats_label)
        self.statusBar().addPermanentWidget(self.save_label)

        # Autosave fires article_saved every second while typing; the list only
        # needs to catch up once the writer pauses.
        self._reload_timer = QTimer(self, singleShot=True, interval=LIBRARY_RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.library_panel.reload)

        self._build_menus()
        self.library_panel.article_selected.connect(self.reader.show_article)
        self.library_panel.article_selected.connect(self.signals.article_selected)
        self.library_panel.article_activated.connect(self.signals.open_article_requested)
        self.library_panel.new_article_requested.connect(self.signals.new_article_requested)
        self.signals.open_article_requested.connect(self.open_article)
        self.signals.new_article_requested.connect(self.new_article)
        self.signals.library_changed.connect(self.library_panel.reload)
        self.signals.article_saved.connect(lambda _id: self._reload_timer.start())
        self.signals.status_changed.connect(lambda _id, _s: self.library_panel.reload())
        self.signals.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.tabs.tabCloseRequested.connect(self.close_tab_at)
        self.tabs.currentChanged.connect(self._on_current_tab_changed)
        self.statusBar().showMessage(f"{library.count_articles()} articles in {library.path}", 5000)
        self._on_current_tab_changed(0)

    # -- renderer (one per window, shared by every preview) --------------------
    @property
    def renderer(self):
        if self._renderer is None:
            from editor_app.core.render.renderer import Renderer

            self._renderer = Renderer()
            self._owns_renderer = True
        return self._renderer

    # -- menus ---------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, *, tab_only: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        if tab_only:
            self._tab_actions.append(action)
        return action

    def _build_menus(self) -> None:
        self._tab_actions: list[QAction] = []
        file_menu = self.file_menu = self.menuBar().addMenu("&File")
        # A new story starts here (#17): the interview first, the newsroom's main form.
        self.new_actions = {}
        for kind, name in NEW_KINDS:
            self.new_actions[kind] = self._action(
                file_menu, f"New &{name}", lambda _checked=False, kind=kind: self.new_article(kind),
                NEW_ARTICLE_SHORTCUTS.get(kind))
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, "&Import Articles…", self.import_dialog,
                                          "Ctrl+Shift+I")
        self._file_panels_end = file_menu.addSeparator()  # panels' entries (Export…) go before it
        self.close_tab_action = self._action(file_menu, "&Close Article", self.close_current_tab,
                                             QKeySequence.StandardKey.Close, tab_only=True)
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = self.menuBar().addMenu("&Edit")
        self._action(edit, "&Undo", lambda: self._editor_call("undo"),
                     QKeySequence.StandardKey.Undo, tab_only=True)
        self._action(edit, "&Redo", lambda: self._editor_call("redo"),
                     QKeySequence.StandardKey.Redo, tab_only=True)
        edit.addSeparator()
        # One shortcut each: Ctrl+F finds in the open article, Ctrl+Shift+F searches the
        # library (View ▸ Search Library); the search box says so (#17).
        self.find_action = self._action(edit, "&Find…", self.find, QKeySequence.StandardKey.Find,
                                        tab_only=True)
        self.replace_action = self._action(edit, "Find and &Replace…", self.replace, "Ctrl+H",
                                           tab_only=True)
        self._action(edit, "&Go to Line…", lambda: self._editor_call("go_to_line"), "Ctrl+G",
                     tab_only=True)
        edit.addSeparator()
        self.preferences_action = self._action(edit, "Pre&ferences…", self.open_preferences)
        # The platform's key (none is defined on most Linux desktops), and Ctrl+, everywhere.
        keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)]
        if QKeySequence("Ctrl+,") not in keys:
            keys.append(QKeySequence("Ctrl+,"))
        self.preferences_action.setShortcuts(keys)

        fmt = self.menuBar().addMenu("F&ormat")
        self.bold_action = self._action(fmt, "&Bold", lambda: self._editor_call("toggle_bold"),
                                        "Ctrl+B", tab_only=True)
        self.italic_action = self._action(fmt, "&Italic", lambda: self._editor_call("toggle_italic"),
                                          "Ctrl+I", tab_only=True)
        self.link_action = self._action(fmt, "&Link", lambda: self._editor_call("insert_link"),
                                        "Ctrl+K", tab_only=True)
        self.image_action = self._action(fmt, "Insert &Image…",
                                         lambda: self._tab_call("insert_image_dialog"),
                                         "Ctrl+Shift+M", tab_only=True)

        interview = self.menuBar().addMenu("I&nterview")
        self.question_action = self._action(interview, "Insert &Question",
                                            lambda: self._tab_call("insert_question"),
                                            "Ctrl+Shift+Q", tab_only=True)
        self.answer_action = self._action(interview, "Insert &Answer",
                                          lambda: self._tab_call("insert_answer"),
                                          "Ctrl+Shift+A", tab_only=True)
        self.headline_action = self._action(interview, "Use Selection as &Headline Quote",
                                            lambda: self._tab_call("use_selection_as_headline"),
                                            "Ctrl+Shift+L", tab_only=True)

        self.view_menu = self.menuBar().addMenu("&View")
        find_action = QAction("&Search Library", self, shortcut=QKeySequence("Ctrl+Shift+F"))
        find_action.triggered.connect(self._focus_search)
        self.view_menu.addAction(find_action)
        self.view_menu.addSeparator()
        self._action(self.view_menu, "Editor &Font…", self.choose_editor_font)
        theme_menu = self.view_menu.addMenu("&Theme")
        self._theme_group = QActionGroup(self)
        for theme in THEMES:
            action = QAction(theme.capitalize() if theme != "system" else "Follow the system", self,
                             checkable=True)
            action.setData(theme)
            action.setChecked(theme == self.settings.theme())
            action.triggered.connect(lambda _checked=False, theme=theme: self.set_theme(theme))
            self._theme_group.addAction(action)
            theme_menu.addAction(action)
        self.view_menu.addSeparator()

        self.help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Byline", self)
        about.triggered.connect(lambda: QMessageBox.about(
            self, "About Byline",
            f"<b>Byline {__version__}</b><p>An offline editorial workstation for newsrooms.</p>"))
        self.help_menu.addAction(about)

    def _focus_search(self) -> None:
        self.library_panel.search_box.setFocus()
        self.library_panel.search_box.selectAll()

    def _editor_call(self, name: str) -> None:
        tab = self.current_article_tab()
        if tab is not None:
            getattr(tab.editor, name)()

    def _tab_call(self, name: str) -> None:
        tab = self.current_article_tab()
        if tab is not None:
            getattr(tab, name)()

    def find(self) -> None:
        """Ctrl+F: find in the open article (the library has Ctrl+Shift+F)."""
        tab = self.current_article_tab()
        if tab is not None:
            tab.find_bar.open_find()

    def replace(self) -> None:
        tab = self.current_article_tab()
        if tab is not None:
            tab.find_bar.open_find(replace=True)

    # -- mounting panels -----------------------------------------------------
    def add_panel(self, title: str, widget, area=Qt.DockWidgetArea.RightDockWidgetArea,
                  object_name: str | None = None, *,
                  tab_with: QDockWidget | None = None) -> QDockWidget:
        """Mount a panel (comments, related, spelling…) as a dock the user can move or hide;
        ``tab_with`` puts it in that dock's place, as a tab."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name or title.replace(" ", "") + "Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        if tab_with is not None:
            self.tabifyDockWidget(tab_with, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def resize_panel(self, dock: QDockWidget, width: int) -> None:
        """A panel's starting width (the user's own layout is restored over it)."""
        self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def show_panel(self, dock: QDockWidget) -> None:
        """Bring a panel to the front, showing it if the user had hidden it."""
        dock.show()
        dock.raise_()

    def add_menu(self, title: str) -> QMenu:
        """A menu of the panels' own, between the window's menus and View."""
        menu = QMenu(title, self)
        self.menuBar().insertMenu(self.view_menu.menuAction(), menu)
        return menu

    def add_file_action(self, action: QAction) -> None:
        """An entry in the File menu after Import (Export…)."""
        self.file_menu.insertAction(self._file_panels_end, action)

    # -- the library list ----------------------------------------------------
    def selected_article_id(self) -> int | None:
        """The article selected in the library list, if any."""
        return self.library_panel.current_article_id()

    def selected_article_ids(self) -> list[int]:
        """Every article selected in the library list (several for a bulk action)."""
        return self.library_panel.selected_article_ids()

    def select_in_library(self, article_id: int) -> bool:
        """Select an article in the library list (the Reader shows it); False if not listed."""
        return self.library_panel.select_article(article_id)

    def select_first_article(self) -> None:
        self.library_panel.table.selectRow(0)

    def show_statuses(self, statuses: list[str] | None) -> None:
        """List only articles with these statuses (a review queue); None: every article."""
        self.library_panel.set_statuses(statuses or None)

    def reload_library_list(self) -> None:
        self.library_panel.reload()

    # -- article tabs --------------------------------------------------------
    def article_tabs(self) -> list[ArticleTab]:
        return [w for w in (self.tabs.widget(i) for i in range(self.tabs.count()))
                if isinstance(w, ArticleTab)]

    def current_article_tab(self) -> ArticleTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ArticleTab) else None

    def tab_for(self, article_id: int) -> ArticleTab | None:
        return next((t for t in self.article_tabs() if t.article_id == article_id), None)

    def new_article(self, kind: str = "interview") -> ArticleTab | None:
        """File ▸ New …: a draft bylined to the person, dated today, open with the cursor
        in the headline (#17)."""
        try:
            article = new_article(self.library, kind)
        except BylineError as exc:
            self.signals.message.emit(f"Cannot start a new article: {exc}", 8000)
            return None
        self.signals.library_changed.emit()
        tab = self.open_article(article.id, focus=False)
        if tab is not None:
            tab.focus_headline()
            self.signals.message.emit(
                f"New {article.kind.value}: type the headline, then Tab to the details "
                "and the text", 6000)
        return tab

    def open_article(self, article_id: int, *, focus: bool = True) -> ArticleTab | None:
        """Open an article for editing, or bring its tab to the front if it is open."""
        tab = self.tab_for(article_id)
        if tab is None:
            try:
                tab = ArticleTab(self.library, article_id, renderer=self.renderer, saver=self.saver,
                                 signals=self.signals, dark=self.dark)
            except BylineError as exc:
                self.signals.message.emit(f"Cannot open article {article_id}: {exc}", 8000)
                return None
            tab.editor.setFont(self.settings.editor_font())
            tab.revision_interval_s = self.settings.revision_minutes() * 60
            splitter = self.settings.editor_splitter()
            if splitter is not None:
                tab.splitter.restoreState(splitter)
            tab.title_changed.connect(self._on_tab_title_changed)
            tab.stats_changed.connect(lambda stats, tab=tab: self._show_stats(tab, stats))
            tab.save_state_changed.connect(
                lambda state, detail, tab=tab: self._show_save_state(tab, state, detail))
            index = self.tabs.addTab(tab, _tab_label(tab.title))
            self.tabs.setTabToolTip(index, tab.title)
            self.tab_opened.emit(tab)
        self.tabs.setCurrentWidget(tab)
        if focus:
            tab.editor.setFocus()
        return tab

    def close_tab_at(self, index: int) -> bool:
        tab = self.tabs.widget(index)
        if not isinstance(tab, ArticleTab):
            return False
        self.settings.set_editor_splitter(tab.splitter.saveState())
        if not tab.close_tab():
            self.tabs.setCurrentWidget(tab)
            return False
        self.tab_closed.emit(tab)
        self.tabs.removeTab(self.tabs.indexOf(tab))
        tab.deleteLater()
        return True

    def close_current_tab(self) -> bool:
        return self.close_tab_at(self.tabs.currentIndex())

    def _on_tab_title_changed(self, article_id: int, title: str) -> None:
        tab = self.tab_for(article_id)
        if tab is not None:
            index = self.tabs.indexOf(tab)
            self.tabs.setTabText(index, _tab_label(title))
            self.tabs.setTabToolTip(index, title)

    def _on_current_tab_changed(self, _index: int) -> None:
        tab = self.current_article_tab()
        for action in self._tab_actions:
            action.setEnabled(tab is not None)
        if tab is None:
            self.stats_label.setText("")
            self.save_label.setText("")
            self.signals.current_article_changed.emit(0)
            return
        self._show_stats(tab, getattr(tab, "stats", None))
        self._show_save_state(tab, SaveState.UNSAVED if tab.is_dirty() else SaveState.SAVED)
        self.signals.current_article_changed.emit(tab.article_id)

    def _show_stats(self, tab: ArticleTab, stats) -> None:
        if tab is self.current_article_tab() and stats is not None:
            self.stats_label.setText(stats.summary())

    def _show_save_state(self, tab: ArticleTab, state: SaveState, detail: str = "") -> None:
        if tab is self.current_article_tab():
            self.save_label.setText(state.describe(detail))
            self.save_label.setStyleSheet("color: #c0392b" if state is SaveState.NOT_SAVED else "")

    # -- preferences ---------------------------------------------------------
    def choose_editor_font(self) -> None:
        ok, font = QFontDialog.getFont(self.settings.editor_font(), self, "Editor font")
        if ok:
            self.set_editor_font(font)

    def set_editor_font(self, font) -> None:
        """Preferences: every open editor takes the font at once."""
        self.settings.set_editor_font(font)
        for tab in self.article_tabs():
            tab.editor.setFont(font)

    def set_theme(self, theme: str) -> None:
        """The whole application follows: palette, docks, highlighting, previews (#17)."""
        self.settings.set_theme(theme)
        for action in self._theme_group.actions():
            action.setChecked(action.data() == theme)
        self._apply_theme()

    def _apply_theme(self) -> None:
        self.dark = apply_theme(self.settings.theme())
        for tab in self.article_tabs():
            tab.set_dark(self.dark)
        self.reader.set_dark(self.dark)

    def _system_theme_changed(self) -> None:
        if not self._shut_down:
            self._apply_theme()

    def open_preferences(self, page: str = ""):
        """Edit ▸ Preferences…: the person, languages, spelling, editor, saving, export and
        the newsroom server, in one dialog (#17)."""
        from editor_app.ui.preferences.preferences_dialog import PreferencesDialog

        newsroom = self.newsroom
        dialog = PreferencesDialog(self.library, self.settings, self.signals, parent=self,
                                   session_password=getattr(newsroom, "session_password", ""))
        if page:
            dialog.show_page(page)
        dialog.font_chosen.connect(self.set_editor_font)
        dialog.theme_chosen.connect(self.set_theme)
        if newsroom is not None:
            dialog.server_applied.connect(newsroom.server_settings_applied)
        if self.panels is not None:
            dialog.dictionaries_requested.connect(self.panels.dictionaries)
        dialog.exec()
        return dialog

    # -- actions -------------------------------------------------------------
    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", "", "Articles (*.md *.markdown *.txt);;All files (*)")
        if not paths:
            return
        try:
            results = import_files(self.library, paths)
        except BylineError as exc:
            QMessageBox.warning(self, "Import failed", f"{exc}\n\nNothing was imported.")
            return
        self.signals.library_changed.emit()
        counts = {action: sum(r.action == action for r in results)
                  for action in ("imported", "updated", "unchanged")}
        summary = ", ".join(f"{n} {action}" for action, n in counts.items() if n)
        self.signals.message.emit(f"Articles: {summary}", 8000)
        notes = [note for r in results for note in r.notes]
        if notes:  # what could not be done as the files asked: said, never silent (#19)
            QMessageBox.information(self, "Imported, with notes", "\n".join(notes))

    # -- state ---------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = self.settings.window_geometry()
        state = self.settings.window_state()
        splitter = self.settings.sidebar_splitter()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        self.settings.save_window(geometry=self.saveGeometry(), state=self.saveState(),
                                  splitter=self.splitter.saveState())
        tab = self.current_article_tab() or next(iter(self.article_tabs()), None)
        if tab is not None:
            self.settings.set_editor_splitter(tab.splitter.saveState())
        current = self.current_article_tab()
        self.settings.set_open_tabs([t.article_id for t in self.article_tabs()],
                                    current.article_id if current else None)

    def restore_session(self) -> list[int]:
        """Reopen the articles that were open at the last exit; returns their ids."""
        opened = []
        for article_id in self.settings.open_tabs():
            if self.open_article(article_id, focus=False) is not None:
                opened.append(article_id)
        current = self.settings.current_tab()
        if current in opened:
            self.open_article(current)
        return opened

    def close_all_tabs(self) -> bool:
        """Save and close every article; False when one could not be saved (it stays open)."""
        ok = True
        for tab in self.article_tabs():
            if not self.close_tab_at(self.tabs.indexOf(tab)):
                ok = False
        return ok

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.save_layout()
        if not self.close_all_tabs():
            if getattr(self, "library_replaced", None) and QMessageBox.question(
                    self, "Byline", "The library file was replaced, so the open articles cannot "
                    "be saved into it. Close anyway? Text you have not kept with “Save a copy…” "
                    "is lost.") == QMessageBox.StandardButton.Yes:
                self.shutdown()
                super().closeEvent(event)
                return
            event.ignore()
            QMessageBox.warning(self, "Byline",
                                "An article could not be saved, so Byline stays open with your "
                                "text. See the message above the article.")
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop background work: the panels', pending renders, the save worker, the render
        processes. Safe to call more than once."""
        if self._shut_down:
            return
        self._shut_down = True
        self.shutting_down.emit()
        self._reload_timer.stop()  # it would read the library after it is closed
        QThreadPool.globalInstance().waitForDone(5000)
        self.reader.release()
        self.library_panel.shutdown()
        self.saver.close()
        if self._owns_renderer and self._renderer is not None:
            self._renderer.close()
            self._renderer = None


def _tab_label(title: str) -> str:
    title = title or "Untitled"
    return title if len(title) <= 32 else title[:30].rstrip() + "…"
