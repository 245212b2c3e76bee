"""The main window: library sidebar on the left, the selected article on the right.

It only lays out widgets and routes their signals through the hub; it does not
know how articles are stored or rendered.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
)

from editor_app import __version__
from editor_app.core.errors import BylineError
from editor_app.core.importing import import_files
from editor_app.ui.article_view import ArticleView
from editor_app.ui.library_panel import LibraryPanel


class MainWindow(QMainWindow):
    def __init__(self, library, signals, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.library = library
        self.signals = signals
        self.settings = settings or QSettings()
        self.setWindowTitle(f"Byline — {library.path.name}")
        self.resize(1280, 800)

        self.library_panel = LibraryPanel(library)
        self.reader = ArticleView(library)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(self.reader, "Reader")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.library_panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([560, 720])
        self.setCentralWidget(self.splitter)

        self._build_menus()
        self.library_panel.article_selected.connect(self.reader.show_article)
        self.library_panel.article_activated.connect(self.signals.open_article_requested)
        self.signals.library_changed.connect(self.library_panel.reload)
        self.signals.article_saved.connect(lambda _id: self.library_panel.reload())
        self.signals.status_changed.connect(lambda _id, _s: self.library_panel.reload())
        self.signals.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.statusBar().showMessage(f"{library.count_articles()} articles in {library.path}", 5000)

    # -- menus ---------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = QAction("&Import Articles…", self, shortcut=QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_dialog)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.view_menu = self.menuBar().addMenu("&View")
        find_action = QAction("&Search Library", self, shortcut=QKeySequence("Ctrl+Shift+F"))
        find_action.triggered.connect(self._focus_search)
        self.view_menu.addAction(find_action)

        self.help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Byline", self)
        about.triggered.connect(lambda: QMessageBox.about(
            self, "About Byline",
            f"<b>Byline {__version__}</b><p>An offline editorial workstation for newsrooms.</p>"))
        self.help_menu.addAction(about)

    def _focus_search(self) -> None:
        self.library_panel.search_box.setFocus()
        self.library_panel.search_box.selectAll()

    def add_panel(self, title: str, widget, area=Qt.DockWidgetArea.RightDockWidgetArea,
                  object_name: str | None = None) -> QDockWidget:
        """Mount a panel (comments, related, spelling…) as a dock the user can move or hide."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name or title.replace(" ", "") + "Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

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
        self.signals.message.emit(f"Imported {len(results)} article(s)", 5000)

    # -- state ---------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        splitter = self.settings.value("window/splitter")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.save_layout()
        super().closeEvent(event)
