"""The main window: the library on the left, the Reader and open articles in tabs.

It lays out widgets, owns the menus and routes signals through the hub; how
articles are stored, rendered and saved is the business of core and ArticleTab.
Panels (review, related news, spelling, export) are mounted from outside through
its public methods: ``add_panel``, ``add_menu``, ``add_file_action``,
``add_drop_handler``, and the library-list and tab methods below; they never reach
into its widgets.

Layout (#20): the library and the review queues are docks on the left, the article
tabs are the centre, the editorial panels are tabbed docks on the right. A first
window fills a laptop's screen (a big screen gets a large centred window), the
side docks get a share of it that leaves the article more than half, and an open
article shows editor and preview side by side (View ▸ Editor Only / Side by Side /
Preview Only, remembered). Saved layouts are restored over that, except a split
that would hide the preview.
"""

from __future__ import annotations

import pathlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

from editor_app import __version__
from editor_app.core.article_files import IMPORT_SUFFIXES
from editor_app.core.errors import BylineError
from editor_app.ui.settings import Settings, ViewMode
from editor_app.ui.theme import THEMES, apply_theme, watch_system

# The library's list, the Reader, autosave, the importer, File ▸ New and the labels
# that name articles are imported when the library is attached (attach_library), and
# Qt's dialogs where they are opened: a staged start paints the window's frame without
# them (a Qt class's Python enums are made when the class is first imported, #20).
if TYPE_CHECKING:
    from editor_app.core.library import Library
    from editor_app.ui.desk.article_tab import ArticleTab
    from editor_app.ui.desk.autosave import SaveState

LIBRARY_RELOAD_DELAY_MS = 1500
#: File ▸ New …: the interview, the newsroom's main form, has the key
NEW_ARTICLE_SHORTCUTS = {"interview": "Ctrl+N"}
#: screens up to this size (logical pixels) get a maximized first window
LAPTOP_SCREEN = (1600, 1000)
#: a first window on a bigger screen: this share of it, at most this size
LARGE_SCREEN_SHARE = (0.9, 0.9)
LARGE_WINDOW_MAX = (1800, 1120)
#: the side docks' share of the window's width on first run (min, max in pixels)
LEFT_SHARE, LEFT_WIDTH = 0.25, (345, 460)
RIGHT_SHARE, RIGHT_WIDTH = 0.2, (280, 420)
VIEW_MODE_SHORTCUTS = {ViewMode.EDITOR: "Ctrl+1", ViewMode.SIDE_BY_SIDE: "Ctrl+2",
                       ViewMode.PREVIEW: "Ctrl+3"}
#: translated where shown (MainWindow.tr)
VIEW_MODE_LABELS = {ViewMode.EDITOR: QT_TRANSLATE_NOOP("MainWindow", "&Editor Only"),
                    ViewMode.SIDE_BY_SIDE: QT_TRANSLATE_NOOP("MainWindow", "&Side by Side"),
                    ViewMode.PREVIEW: QT_TRANSLATE_NOOP("MainWindow", "&Preview Only")}
#: View ▸ Theme's entries, by theme (ui/theme.THEMES)
THEME_LABELS = {"system": QT_TRANSLATE_NOOP("MainWindow", "Follow the &System"),
                "light": QT_TRANSLATE_NOOP("MainWindow", "&Light"),
                "dark": QT_TRANSLATE_NOOP("MainWindow", "&Dark")}


class MainWindow(QMainWindow):
    #: an ArticleTab was created (panels attach their per-article parts here)
    tab_opened = Signal(object)
    #: an ArticleTab was saved and is about to be deleted
    tab_closed = Signal(object)
    #: the window stops its background work (closing); panels stop theirs
    shutting_down = Signal()

    def __init__(self, library: Library | None, signals,
                 settings: Settings | QSettings | None = None, parent=None, *, renderer=None,
                 defer_views: bool = False, page_cache=None,
                 library_path: pathlib.Path | None = None):
        """The window on ``library``; or, with ``library`` None (a staged start, #20), only
        its frame (title, menus, the article tabs, the docks' places, the status bar) for
        the first paint: ``attach_library`` then fills it. ``library_path`` names the
        library in the title until then."""
        super().__init__(parent)
        self.library = library
        #: core.render.page_cache.PageCache of the previews (None: no pages kept on disk)
        self.page_cache = page_cache
        self.signals = signals
        self.settings = settings if isinstance(settings, Settings) else Settings(settings)
        self._renderer = renderer
        self._owns_renderer = False
        self._shut_down = False
        #: web views wait for start_deferred_views (app.run_gui: the window paints first)
        self.defer_views = defer_views
        self._quick_previews = not defer_views  # articles render (start_quick_previews)
        #: the window has painted (open_front_tab): restored tabs open when shown
        self._painted = not defer_views
        #: set by the composition root (app.build_main_window); kept alive with the window
        self.panels = None
        self.outside_changes = None
        self.newsroom = None  # the newsroom server's sync (#15)
        self.handoff = None  # hand-off files and conflicts (#14)
        self.startup = None  # what is still built after the first paint (ui/startup.py)
        #: set by attach_library (None in a frame that has no library yet)
        self.saver = self.reader = self.library_panel = self.importer = None
        self.import_action = None  # the first of the menus' entries (fill_menus)
        self.dark = apply_theme(self.settings.theme())
        watch_system(self._system_theme_changed)
        name = (library.path if library is not None else pathlib.Path(library_path or "")).name
        self.setWindowTitle(self.tr("Byline — {name}").format(name=name))
        self.setObjectName("mainWindow")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks
                            | QMainWindow.DockOption.AllowNestedDocks)
        # Tabbed panels on the right show their tabs along the window's edge: every
        # title whole, in a strip as narrow as a scroll bar, not elided in a row (#20).
        self.setTabPosition(Qt.DockWidgetArea.RightDockWidgetArea, QTabWidget.TabPosition.East)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.view_mode = self.settings.view_mode()
        self._drop_handlers: dict[str, Callable[[list[pathlib.Path]], object]] = {}

        self.tabs = QTabWidget()
        self.tabs.setObjectName("articleTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        # The Reader's place: the Reader itself comes with the library (attach_library).
        self.tabs.addTab(QWidget(), self.tr("Reader"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.setAccessibleName(self.tr("Open articles"))
        self.setCentralWidget(self.tabs)

        self.stats_label = QLabel()
        self.stats_label.setObjectName("textStats")
        self.save_label = QLabel()
        self.save_label.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self.stats_label)
        self.statusBar().addPermanentWidget(self.save_label)

        # Autosave fires article_saved every second while typing; the list only
        # needs to catch up once the writer pauses.
        self._reload_timer = QTimer(self, singleShot=True, interval=LIBRARY_RELOAD_DELAY_MS)

        self._build_menu_bar()
        # The library's dock holds its place from the first paint; its list fills it.
        self.library_dock = self.add_panel(self.tr("Library"), QWidget(),
                                           Qt.DockWidgetArea.LeftDockWidgetArea, "LibraryDock")
        self.setAcceptDrops(True)
        self._drop_filter = _FileDropFilter(self)
        self.tabs.tabCloseRequested.connect(self.close_tab_at)
        self.tabs.currentChanged.connect(self._on_current_tab_changed)
        self._on_current_tab_changed(0)
        if library is not None:
            self.attach_library(library)

    def attach_library(self, library: Library, *, renderer=None, menus: bool = True) -> None:
        """Fill the frame with the library: its list, the Reader, autosave, importing,
        and (``menus``) the menus' entries. Done in ``__init__`` when the window is made
        with its library; a staged start (app.run_gui) calls it right after the frame's
        first paint and fills the menus once the article is on screen (``fill_menus``)."""
        from PySide6.QtWidgets import QMessageBox

        from editor_app.ui.desk.article_view import ArticleView
        from editor_app.ui.desk.autosave import AutosaveService
        from editor_app.ui.labels import counted
        from editor_app.ui.library.importer import ImportRunner
        from editor_app.ui.library.library_panel import LibraryPanel

        self.library = library
        if renderer is not None:
            self._renderer = renderer
        self.saver = AutosaveService(library, self)
        self.library_panel = LibraryPanel(library)
        self.reader = ArticleView(library, lambda: self.renderer, defer_view=self.defer_views)
        placeholder = self.tabs.widget(0)
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)  # the tab in front stays what it was
        self.tabs.insertTab(0, self.reader, self.tr("Reader"))
        self.tabs.removeTab(1)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.library_dock.setWidget(self.library_panel)
        self._reload_timer.timeout.connect(self.library_panel.reload)
        if menus:
            self.fill_menus()
        self.importer = ImportRunner(library, self)
        self.importer.finished.connect(self._imported)
        self.importer.failed.connect(
            lambda message: QMessageBox.warning(self, self.tr("Import failed"),
                                                self.tr("{message}\n\nNothing was imported.")
                                                .format(message=message)))
        self.add_drop_handler(IMPORT_SUFFIXES, self.import_paths)
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
        self.statusBar().showMessage(
            counted(self.tr("%n article(s) in {path}", None, library.count_articles()),
                    library.count_articles()).format(path=library.path), 5000)
        if self.isVisible():
            self.route_file_drops()

    # -- renderer (one per window, shared by every preview) --------------------
    @property
    def renderer(self):
        if self._renderer is None:
            from editor_app.core.render.renderer import Renderer

            self._renderer = Renderer()
            self._owns_renderer = True
        return self._renderer

    # -- menus ---------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, *, tab_only: bool = False,
                before: QAction | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
        if tab_only:
            self._tab_actions.append(action)
        return action

    def _build_menu_bar(self) -> None:
        """The menus' titles and the places others add to (the frame's first paint shows
        the titles; their entries come with the library, _fill_menus)."""
        self._tab_actions: list[QAction] = []
        self.new_actions: dict[str, QAction] = {}  # _build_new_actions, with the library
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu(self.tr("&File"))
        self._file_new_end = file_menu.addSeparator()
        self._file_panels_end = file_menu.addSeparator()  # panels' entries (Export…) go before it
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.format_menu = bar.addMenu(self.tr("F&ormat"))
        self.interview_menu = bar.addMenu(self.tr("I&nterview"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self._view_panels_start = self.view_menu.addSeparator()  # the docks' entries follow
        self.help_menu = bar.addMenu(self.tr("&Help"))

    def fill_menus(self) -> None:
        """The menus' entries, File ▸ New included (with the library: core.new_article),
        in the places _build_menu_bar made, before any panel's."""
        if self.import_action is not None:
            return
        self._fill_menu_entries()
        self._build_new_actions()

    def _fill_menu_entries(self) -> None:
        file_menu = self.file_menu
        after_new = file_menu.actions()[file_menu.actions().index(self._file_new_end) + 1]
        self.import_action = self._action(file_menu, self.tr("&Import Articles…"), self.import_dialog,
                                          "Ctrl+Shift+I", before=after_new)
        self.close_tab_action = self._action(file_menu, self.tr("&Close Article"), self.close_current_tab,
                                             QKeySequence.StandardKey.Close, tab_only=True)
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit = self.edit_menu
        self._action(edit, self.tr("&Undo"), lambda: self._editor_call("undo"),
                     QKeySequence.StandardKey.Undo, tab_only=True)
        self._action(edit, self.tr("&Redo"), lambda: self._editor_call("redo"),
                     QKeySequence.StandardKey.Redo, tab_only=True)
        edit.addSeparator()
        # One shortcut each: Ctrl+F finds in the open article, Ctrl+Shift+F searches the
        # library (View ▸ Search Library); the search box says so (#17).
        self.find_action = self._action(edit, self.tr("&Find…"), self.find, QKeySequence.StandardKey.Find,
                                        tab_only=True)
        self.replace_action = self._action(edit, self.tr("Find and &Replace…"), self.replace, "Ctrl+H",
                                           tab_only=True)
        self._action(edit, self.tr("&Go to Line…"), lambda: self._editor_call("go_to_line"), "Ctrl+G",
                     tab_only=True)
        edit.addSeparator()
        self.preferences_action = self._action(edit, self.tr("Pre&ferences…"), self.open_preferences)
        # The platform's key (none is defined on most Linux desktops), and Ctrl+, everywhere.
        keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)]
        if QKeySequence("Ctrl+,") not in keys:
            keys.append(QKeySequence("Ctrl+,"))
        self.preferences_action.setShortcuts(keys)

        fmt = self.format_menu
        self.bold_action = self._action(fmt, self.tr("&Bold"), lambda: self._editor_call("toggle_bold"),
                                        "Ctrl+B", tab_only=True)
        self.italic_action = self._action(fmt, self.tr("&Italic"), lambda: self._editor_call("toggle_italic"),
                                          "Ctrl+I", tab_only=True)
        self.link_action = self._action(fmt, self.tr("&Link"), lambda: self._editor_call("insert_link"),
                                        "Ctrl+K", tab_only=True)
        self.image_action = self._action(fmt, self.tr("Insert &Image…"),
                                         lambda: self._tab_call("insert_image_dialog"),
                                         "Ctrl+Shift+M", tab_only=True)

        interview = self.interview_menu
        self.question_action = self._action(interview, self.tr("Insert &Question"),
                                            lambda: self._tab_call("insert_question"),
                                            "Ctrl+Shift+Q", tab_only=True)
        self.answer_action = self._action(interview, self.tr("Insert &Answer"),
                                          lambda: self._tab_call("insert_answer"),
                                          "Ctrl+Shift+A", tab_only=True)
        self.headline_action = self._action(interview, self.tr("Use Selection as &Headline Quote"),
                                            lambda: self._tab_call("use_selection_as_headline"),
                                            "Ctrl+Shift+L", tab_only=True)

        self._action(edit, self.tr("Paste as Plain &Text"), lambda: self._editor_call("paste_as_plain_text"),
                     "Ctrl+Shift+V", tab_only=True)

        view, before = self.view_menu, self._view_panels_start
        self._view_mode_group = QActionGroup(self)
        self.view_mode_actions: dict[ViewMode, QAction] = {}
        for mode in ViewMode:
            action = QAction(self.tr(VIEW_MODE_LABELS[mode]), self, checkable=True,
                             shortcut=QKeySequence(VIEW_MODE_SHORTCUTS[mode]))
            action.setChecked(mode is self.view_mode)
            action.triggered.connect(lambda _checked=False, mode=mode: self.set_view_mode(mode))
            self._view_mode_group.addAction(action)
            view.insertAction(before, action)
            self.view_mode_actions[mode] = action
        view.insertSeparator(before)
        find_action = QAction(self.tr("&Search Library"), self, shortcut=QKeySequence("Ctrl+Shift+F"))
        find_action.triggered.connect(self._focus_search)
        view.insertAction(before, find_action)
        view.insertSeparator(before)
        self._action(view, self.tr("Editor &Font…"), self.choose_editor_font, before=before)
        theme_menu = QMenu(self.tr("&Theme"), self)
        view.insertMenu(before, theme_menu)
        self._theme_group = QActionGroup(self)
        for theme in THEMES:
            action = QAction(self.tr(THEME_LABELS.get(theme, theme)), self, checkable=True)
            action.setData(theme)
            action.setChecked(theme == self.settings.theme())
            action.triggered.connect(lambda _checked=False, theme=theme: self.set_theme(theme))
            self._theme_group.addAction(action)
            theme_menu.addAction(action)

        about = QAction(self.tr("&About Byline"), self)
        about.triggered.connect(self._about)
        self.help_menu.addAction(about)
        tab_in_front = self.current_article_tab() is not None
        for action in self._tab_actions:
            action.setEnabled(tab_in_front)

    def _build_new_actions(self) -> None:
        """File ▸ New …: a new story starts here (#17), the interview first, the newsroom's
        main form (with the library: core.new_article is not needed for the first paint)."""
        from editor_app.core.new_article import NEW_KINDS
        from editor_app.ui.labels import new_kind_action_label

        for kind, _name in NEW_KINDS:
            action = QAction(new_kind_action_label(kind), self)
            shortcut = NEW_ARTICLE_SHORTCUTS.get(kind)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, kind=kind: self.new_article(kind))
            self.file_menu.insertAction(self._file_new_end, action)
            self.new_actions[kind] = action

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About Byline"),
                          self.tr("<b>Byline {version}</b><p>An offline editorial workstation "
                                  "for newsrooms.</p>").format(version=__version__))

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
                  tab_with: QDockWidget | None = None,
                  above: QDockWidget | None = None) -> QDockWidget:
        """Mount a panel (comments, related, spelling…) as a dock the user can move or hide;
        ``tab_with`` puts it in that dock's place, as a tab; ``above`` over that dock.

        ``widget`` may be a placeholder the panel replaces later (``dock.setWidget``):
        the dock holds its place from the first paint, so nothing moves when it fills.
        """
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name or title.replace(" ", "") + "Dock")
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        if tab_with is not None:
            self.tabifyDockWidget(tab_with, dock)
        elif above is not None:
            self.splitDockWidget(dock, above, Qt.Orientation.Vertical)
        self.view_menu.addAction(dock.toggleViewAction())
        self.restoreDockWidget(dock)  # a layout restored before the dock existed
        return dock

    def resize_panel(self, dock: QDockWidget, width: int) -> None:
        """A panel's starting width (the user's own layout is restored over it)."""
        self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def side_dock_widths(self) -> tuple[int, int]:
        """First-run widths of the left and right docks for the window's width: the
        article keeps more than half of it (#20)."""
        width = self.width()
        left = max(LEFT_WIDTH[0], min(LEFT_WIDTH[1], round(width * LEFT_SHARE)))
        right = max(RIGHT_WIDTH[0], min(RIGHT_WIDTH[1], round(width * RIGHT_SHARE)))
        return left, right

    def dock_area_docks(self, area) -> list[QDockWidget]:
        return [d for d in self.findChildren(QDockWidget)
                if self.dockWidgetArea(d) == area and not d.isFloating()]

    # -- dropped files ---------------------------------------------------------
    def add_drop_handler(self, suffixes: tuple[str, ...],
                         handler: Callable[[list[pathlib.Path]], object]) -> None:
        """Files with these suffixes (".md", ".byline"…) dropped anywhere on the window
        go to ``handler(paths)``; a later handler for a suffix replaces an earlier one."""
        for suffix in suffixes:
            self._drop_handlers[suffix.lower()] = handler

    def dropped_files(self, mime) -> dict[Callable, list[pathlib.Path]]:
        """The local files in a drag that a handler takes, grouped by handler, in order."""
        groups: dict[Callable, list[pathlib.Path]] = {}
        if mime is None or not mime.hasUrls():
            return groups
        for url in mime.urls():
            if not url.isLocalFile():
                continue
            path = pathlib.Path(url.toLocalFile())
            handler = self._drop_handlers.get(path.suffix.lower())
            if handler is not None:
                groups.setdefault(handler, []).append(path)
        return groups

    def route_file_drops(self, root: QWidget | None = None) -> None:
        """Let the window take the files its handlers want from every widget under ``root``
        that accepts drops itself (a text field would insert the file's path, the web
        view would open the file). Called when widgets are added (tabs, panels, views)."""
        widgets = (root or self).findChildren(QWidget)
        if root is not None:
            widgets.append(root)
        for widget in widgets:
            if widget.acceptDrops() and not widget.property("bylineFileDrops"):
                widget.setProperty("bylineFileDrops", True)
                widget.installEventFilter(self._drop_filter)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self.library is not None:  # a frame's widgets take no drops (attach_library)
            self.route_file_drops()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self.dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self.dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self.handle_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dropEvent(event)

    def handle_drop(self, mime) -> bool:
        """Hand the dropped files to their handlers; False when none takes any."""
        groups = self.dropped_files(mime)
        for handler, paths in groups.items():
            handler(paths)
        return bool(groups)

    def show_panel(self, dock: QDockWidget) -> None:
        """Bring a panel to the front, showing it if the user had hidden it, with the
        keyboard in its first control (the menu entry is how keyboard users get there)."""
        dock.show()
        from editor_app.ui.focus_order import focus_first_in

        dock.raise_()
        focus_first_in(dock)

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

    def show_article_ids(self, ids: list[int]) -> None:
        """List only these articles (a queue that is not a set of statuses: Conflicts)."""
        self.library_panel.set_article_ids(ids)

    def reload_library_list(self) -> None:
        self.library_panel.reload()

    # -- article tabs --------------------------------------------------------
    def article_tabs(self) -> list[ArticleTab]:
        return [w for w in (self.tabs.widget(i) for i in range(self.tabs.count()))
                if _is_article_tab(w)]

    def current_article_tab(self) -> ArticleTab | None:
        widget = self.tabs.currentWidget()
        return widget if _is_article_tab(widget) else None

    def tab_for(self, article_id: int) -> ArticleTab | None:
        return next((t for t in self.article_tabs() if t.article_id == article_id), None)

    def new_article(self, kind: str = "interview") -> ArticleTab | None:
        """File ▸ New …: a draft bylined to the person, dated today, open with the cursor
        in the headline (#17)."""
        from editor_app.core.new_article import new_article
        from editor_app.ui.labels import kind_label

        try:
            article = new_article(self.library, kind)
        except BylineError as exc:
            self.signals.message.emit(self.tr("Cannot start a new article: {error}").format(error=exc),
                                      8000)
            return None
        self.signals.library_changed.emit()
        tab = self.open_article(article.id, focus=False)
        if tab is not None:
            tab.focus_headline()
            self.signals.message.emit(
                self.tr("New {kind}: type the headline, then Tab to the details and the text")
                .format(kind=kind_label(article.kind).lower()), 6000)
        return tab

    def open_article(self, article_id: int, *, focus: bool = True) -> ArticleTab | None:
        """Open an article for editing, or bring its tab to the front if it is open."""
        tab = self.tab_for(article_id)
        if tab is None:
            pending = self._pending_tab(article_id)
            tab = self._create_tab(article_id, at=self.tabs.indexOf(pending) if pending else -1)
            if pending is not None:
                self.tabs.removeTab(self.tabs.indexOf(pending))
                pending.deleteLater()
            if tab is None:
                return None
        self.tabs.setCurrentWidget(tab)
        if focus:
            tab.editor.setFocus()
        return tab

    def _create_tab(self, article_id: int, *, at: int = -1) -> ArticleTab | None:
        # Imported with the first article opened: the window paints without it (#20).
        from editor_app.ui.desk.article_tab import ArticleTab
        from editor_app.ui.labels import shown_title

        try:
            tab = ArticleTab(self.library, article_id, renderer=self.renderer, saver=self.saver,
                             signals=self.signals, dark=self.dark,
                             defer_preview=self.defer_views, page_cache=self.page_cache)
        except BylineError as exc:
            self.signals.message.emit(
                self.tr("Cannot open article {id}: {error}").format(id=article_id, error=exc), 8000)
            return None
        if self._quick_previews:
            tab.preview.open_renders()
        tab.editor.setFont(self.settings.editor_font())
        tab.revision_interval_s = self.settings.revision_minutes() * 60
        tab.set_view_mode(self.view_mode)
        tab.set_split_ratio(self.settings.split_ratio())
        tab.title_changed.connect(self._on_tab_title_changed)
        tab.stats_changed.connect(lambda stats, tab=tab: self._show_stats(tab, stats))
        tab.save_state_changed.connect(
            lambda state, detail, tab=tab: self._show_save_state(tab, state, detail))
        index = self.tabs.insertTab(at, tab, _tab_label(tab.title))
        self.tabs.setTabToolTip(index, shown_title(tab.title))
        self.tab_opened.emit(tab)
        self.route_file_drops(tab)
        return tab

    def _pending_tab(self, article_id: int) -> _PendingTab | None:
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if isinstance(widget, _PendingTab) and widget.article_id == article_id:
                return widget
        return None

    def open_article_ids(self) -> list[int]:
        """Every open article in tab order, including tabs restored but not shown yet."""
        ids = []
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if isinstance(widget, _PendingTab) or _is_article_tab(widget):
                ids.append(widget.article_id)
        return ids

    # -- view modes ---------------------------------------------------------------
    def set_view_mode(self, mode: ViewMode) -> None:
        """Editor only, side by side or preview only, for every open article; remembered."""
        self.view_mode = ViewMode(mode)
        self.settings.set_view_mode(self.view_mode)
        self.view_mode_actions[self.view_mode].setChecked(True)
        for tab in self.article_tabs():
            tab.set_view_mode(self.view_mode)
        tab = self.current_article_tab()
        if tab is not None:
            (tab.preview.view if self.view_mode is ViewMode.PREVIEW and tab.preview.view
             else tab.editor).setFocus()

    def start_quick_previews(self):
        """The window has painted: the open articles render now, into their quick views
        (PreviewPane; the web views come later, start_deferred_views).

        Returns the signal the article in front emits when its quick view has its
        page (None when it has one already, or there is none): the start-up waits.
        """
        self._quick_previews = True
        for tab in self.article_tabs():
            tab.preview.open_renders()
        tab = self.current_article_tab()
        preview = tab.preview if tab is not None else None
        if preview is not None and preview.quick_view is not None \
                and not preview.quick_generation and preview.isVisible():
            return preview.quick_shown
        return None

    def start_deferred_views(self) -> None:
        """Create the web views held back for the first paint (app.run_gui's start-up)."""
        self.defer_views = False
        self.reader.ensure_view()
        for tab in self.article_tabs():
            tab.preview.ensure_view()
        self.route_file_drops()

    def close_tab_at(self, index: int) -> bool:
        tab = self.tabs.widget(index)
        if isinstance(tab, _PendingTab):  # never shown: nothing typed, nothing to save
            self.tabs.removeTab(index)
            tab.deleteLater()
            return True
        if not _is_article_tab(tab):
            return False
        self._remember_split(tab)
        if not tab.close_tab():
            self.tabs.setCurrentWidget(tab)
            return False
        self.tab_closed.emit(tab)
        self.tabs.removeTab(self.tabs.indexOf(tab))
        tab.preview.release()
        tab.deleteLater()
        return True

    def close_current_tab(self) -> bool:
        return self.close_tab_at(self.tabs.currentIndex())

    def _on_tab_title_changed(self, article_id: int, title: str) -> None:
        from editor_app.ui.labels import shown_title

        tab = self.tab_for(article_id)
        if tab is not None:
            index = self.tabs.indexOf(tab)
            self.tabs.setTabText(index, _tab_label(title))
            self.tabs.setTabToolTip(index, shown_title(title))

    def _remember_split(self, tab: ArticleTab) -> None:
        ratio = tab.split_ratio()
        if ratio is not None:
            self.settings.set_split_ratio(ratio)

    def _on_current_tab_changed(self, index: int) -> None:
        pending = self.tabs.widget(index)
        if isinstance(pending, _PendingTab) and self._painted:
            # A tab restored from the last session is opened when it is first shown.
            QTimer.singleShot(0, lambda article_id=pending.article_id:
                              self.open_article(article_id))
        tab = self.current_article_tab()
        for action in self._tab_actions:
            action.setEnabled(tab is not None)
        if tab is None:
            self.stats_label.setText("")
            self.save_label.setText("")
            self.signals.current_article_changed.emit(0)
            return
        from editor_app.ui.desk.autosave import SaveState

        self._show_stats(tab, getattr(tab, "stats", None))
        self._show_save_state(tab, SaveState.UNSAVED if tab.is_dirty() else SaveState.SAVED)
        self.signals.current_article_changed.emit(tab.article_id)

    def _show_stats(self, tab: ArticleTab, stats) -> None:
        if tab is self.current_article_tab() and stats is not None:
            self.stats_label.setText(self.stats_text(stats))

    def stats_text(self, stats) -> str:
        """The status bar's counts: "1,234 words · 7,010 characters · 8 questions · 6 min
        read", in the interface's language and plural forms (core's summary() is English)."""
        from editor_app.ui.labels import counted

        # %Ln: the count grouped as the locale writes it (1,234 / 1 234)
        parts = [counted(self.tr("%Ln word(s)", None, stats.words), stats.words),
                 counted(self.tr("%Ln character(s)", None, stats.characters), stats.characters)]
        if stats.questions:
            parts.append(counted(self.tr("%n question(s)", None, stats.questions), stats.questions))
        parts.append(self.tr("%n min read", None, stats.reading_minutes))
        return " · ".join(parts)

    def _show_save_state(self, tab: ArticleTab, state: SaveState, detail: str = "") -> None:
        from editor_app.ui.desk.autosave import SaveState

        if tab is self.current_article_tab():
            self.save_label.setText(state.describe(detail))
            self.save_label.setStyleSheet("color: #c0392b" if state is SaveState.NOT_SAVED else "")

    # -- preferences ---------------------------------------------------------
    def choose_editor_font(self) -> None:
        from PySide6.QtWidgets import QFontDialog

        ok, font = QFontDialog.getFont(self.settings.editor_font(), self, self.tr("Editor font"))
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
        if self.reader is not None:
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
        patterns = " ".join(f"*{suffix}" for suffix in IMPORT_SUFFIXES)
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import articles"), "",
            self.tr("Articles ({patterns});;Word documents (*.docx);;All files (*)")
            .format(patterns=patterns))
        if paths:
            self.import_paths([pathlib.Path(p) for p in paths])

    def import_paths(self, paths: list[pathlib.Path]) -> None:
        """Import files (the dialog, files dropped on the window) on a worker; each file
        is imported, updated, unchanged or refused, and the window says which (#20)."""
        names = ", ".join(p.name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        self.signals.message.emit(self.tr("Importing {names}…").format(names=names), 0)
        self.importer.submit(paths)

    def _imported(self, report) -> None:
        """An import finished: reload the list, open a single new article, say the rest."""
        #: the last import's report (tests and the status bar read it)
        self.last_import = report
        self.signals.library_changed.emit()
        self.signals.message.emit(self.tr("Import: {summary}").format(summary=self.import_summary(report)),
                                  8000)
        stored = [r for r in report.results if r.action != "unchanged"]
        if len(report.results) == 1 and not report.refused:
            self.select_in_library(report.results[0].id)
            self.open_article(report.results[0].id)
        elif stored:
            self.select_in_library(stored[0].id)
        lines = [refusal.message for refusal in report.refused] + report.notes
        from PySide6.QtWidgets import QMessageBox

        if report.refused:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import"),
                              self.tr("{summary}. These files were not imported (nothing of "
                                      "them was stored):")
                              .format(summary=_capitalized(self.import_summary(report))),
                              QMessageBox.StandardButton.Ok, self)
            box.setInformativeText("\n".join(lines))
            box.open()  # not modal: the window stays usable while it is read
            self.import_message = box
        elif lines:  # what could not be done as the files asked: said, never silent (#19)
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Imported, with notes"),
                              "\n".join(lines), QMessageBox.StandardButton.Ok, self)
            box.open()
            self.import_message = box

    def import_summary(self, report) -> str:
        """"2 imported, 1 refused" (core's ImportReport.summary) in the interface's language."""
        texts = {"imported": self.tr("{n} imported"), "updated": self.tr("{n} updated"),
                 "unchanged": self.tr("{n} unchanged"), "refused": self.tr("{n} refused")}
        return ", ".join(texts[action].format(n=n) for action, n in report.counts().items()) \
            or self.tr("nothing")

    # -- state ---------------------------------------------------------------
    def restore_layout(self) -> None:
        """The user's last window and docks, or the first-run layout for this screen."""
        geometry = self.settings.window_geometry()
        state = self.settings.window_state()
        if geometry is None or not self.restoreGeometry(geometry) or not self._fits_screen():
            self.apply_first_run_layout()
            return
        if state is not None:
            self.restoreState(state)

    def _fits_screen(self) -> bool:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return True
        available = screen.availableGeometry()
        return self.width() <= available.width() and self.height() <= available.height()

    def apply_first_run_layout(self) -> None:
        """A window that fits the screen, and docks that leave the article most of it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        if available.width() <= LAPTOP_SCREEN[0] or available.height() <= LAPTOP_SCREEN[1]:
            self.setGeometry(available)
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            width = min(LARGE_WINDOW_MAX[0], round(available.width() * LARGE_SCREEN_SHARE[0]))
            height = min(LARGE_WINDOW_MAX[1], round(available.height() * LARGE_SCREEN_SHARE[1]))
            self.resize(width, height)
            self.move(available.center() - self.rect().center())
        self.size_docks()

    def size_docks(self) -> None:
        """The first-run widths of the side docks and the height of the small ones."""
        left, right = self.side_dock_widths()
        for area, width in ((Qt.DockWidgetArea.LeftDockWidgetArea, left),
                            (Qt.DockWidgetArea.RightDockWidgetArea, right)):
            docks = self.dock_area_docks(area)
            if docks:
                self.resizeDocks(docks, [width] * len(docks), Qt.Orientation.Horizontal)
        compact = [d for d in self.dock_area_docks(Qt.DockWidgetArea.LeftDockWidgetArea)
                   if d is not self.library_dock and d.widget() is not None]
        # The queues: as tall as their rows, the library the rest (said outright: in a
        # staged start the library's dock still holds its empty placeholder).
        if compact:
            self.resizeDocks([*compact, self.library_dock],
                             [*(d.widget().sizeHint().height() + 24 for d in compact),
                              self.height()], Qt.Orientation.Vertical)

    def save_layout(self) -> None:
        if self.library is None:  # closed before its library came: yesterday's layout stays
            return
        self.settings.save_window(geometry=self.saveGeometry(), state=self.saveState())
        tab = self.current_article_tab() or next(iter(self.article_tabs()), None)
        if tab is not None:
            self._remember_split(tab)
        current = self.current_article_tab()
        self.settings.set_open_tabs(self.open_article_ids(),
                                    current.article_id if current else None)

    def restore_session(self, *, load_current: bool = True) -> list[int]:
        """Reopen the articles that were open at the last exit; returns their ids.

        Only the article that was in front is opened now (none with ``load_current``
        false: another article goes in front); the others get their tab and are
        opened when first shown (three saved tabs used to cost three loads before
        the window could paint, #20).
        """
        ids = self.settings.open_tabs()
        current = self.settings.current_tab() if load_current else None
        titles = {a.id: a.title for a in self.library.list_articles(ids=ids)} if ids else {}
        restored = []
        for article_id in ids:
            if article_id not in titles:
                continue  # deleted since
            if article_id == current and self._painted:
                if self._create_tab(article_id) is None:
                    continue
            else:
                self._add_pending_tab(article_id, titles[article_id])
            restored.append(article_id)
        if current in restored:
            self.show_article_soon(current)
        return restored

    def _add_pending_tab(self, article_id: int, title: str) -> _PendingTab:
        from editor_app.ui.labels import shown_title

        pending = _PendingTab(article_id, title)
        index = self.tabs.addTab(pending, _tab_label(pending.title))
        self.tabs.setTabToolTip(index, shown_title(pending.title))
        return pending

    def show_article_soon(self, article_id: int) -> None:
        """Open an article, or, before the window's first paint (a staged start), put its
        tab in front with its title and open it right after the paint (open_front_tab):
        loading the text and building the editor do not delay the window (#20)."""
        if self._painted:
            self.open_article(article_id)
            return
        pending = self.tab_for(article_id) or self._pending_tab(article_id)
        if pending is None:
            found = self.library.list_articles(ids=[article_id])
            if not found:
                return
            pending = self._add_pending_tab(article_id, found[0].title)
        self.tabs.setCurrentWidget(pending)

    def open_front_tab(self) -> None:
        """The window has painted: the tab in front opens now if it waits (a staged start)."""
        self._painted = True
        pending = self.tabs.currentWidget()
        if isinstance(pending, _PendingTab):
            self.open_article(pending.article_id)

    def close_all_tabs(self) -> bool:
        """Save and close every article; False when one could not be saved (it stays open)."""
        ok = True
        for index in reversed(range(self.tabs.count())):
            if isinstance(self.tabs.widget(index), _PendingTab):
                self.close_tab_at(index)
        for tab in self.article_tabs():
            if not self.close_tab_at(self.tabs.indexOf(tab)):
                ok = False
        return ok

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        from PySide6.QtWidgets import QMessageBox

        self.save_layout()
        if not self.close_all_tabs():
            if getattr(self, "library_replaced", None) and QMessageBox.question(
                    self, "Byline", self.tr(
                        "The library file was replaced, so the open articles cannot be saved "
                        "into it. Close anyway? Text you have not kept with “Save a copy…” is "
                        "lost.")) == QMessageBox.StandardButton.Yes:
                self.shutdown()
                super().closeEvent(event)
                return
            event.ignore()
            QMessageBox.warning(self, "Byline", self.tr(
                "An article could not be saved, so Byline stays open with your text. See the "
                "message above the article."))
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop background work: the panels', pending renders, the save worker, the render
        processes. Safe to call more than once."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.startup is not None:
            self.startup.cancel()
        self.shutting_down.emit()
        self._reload_timer.stop()  # it would read the library after it is closed
        if self.library is None:  # a frame whose library never came (it could not open)
            return
        self.importer.close()
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(5000)
        self.reader.release()
        self.library_panel.shutdown()
        self.saver.close()
        if self._owns_renderer and self._renderer is not None:
            self._renderer.close()
            self._renderer = None


class _PendingTab(QWidget):
    """A tab of the last session that is opened when it is first shown."""

    def __init__(self, article_id: int, title: str):
        super().__init__()
        self.article_id = article_id
        self.title = title
        self.setAccessibleName(self.tr("{title} (opening)").format(title=title))


class _FileDropFilter(QObject):
    """Sends files dropped on a widget that takes drops itself to the window's handlers.

    Qt gives a drop to the widget under the pointer that accepts drops (the editor
    would insert the file's path, a line edit its URL, the web view would open
    it); this filter, installed on each such widget (``route_file_drops``), takes
    the files a handler wants first. Pictures and text still go to the editor.
    (Installed per widget, not on the application: a Python filter that sees
    every event of every object crashes PySide when objects are being destroyed.)
    """

    _DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() not in self._DRAG_EVENTS:
            return False
        try:
            if not self._window.dropped_files(event.mimeData()):
                return False
        except RuntimeError:  # the window is being deleted
            return False
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if event.type() == QEvent.Type.Drop:
            self._window.handle_drop(event.mimeData())
        return True


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_article_tab(widget) -> bool:
    """Whether ``widget`` is an ArticleTab; the module is imported with the first one
    (_create_tab), so until then nothing is."""
    module = sys.modules.get("editor_app.ui.desk.article_tab")
    return module is not None and isinstance(widget, module.ArticleTab)


def _tab_label(title: str) -> str:
    from editor_app.ui.labels import shown_title

    title = shown_title(title) or QCoreApplication.translate("MainWindow", "Untitled")
    return title if len(title) <= 32 else title[:30].rstrip() + "…"
