"""Composition root: builds settings, the library, services and the main window.

Nothing else in Byline creates long-lived objects or connects app-wide signals;
modules have no side effects at import time.
"""

from __future__ import annotations

import os
import pathlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor_app.core.library import Library

NO_DISPLAY_MESSAGE = (
    "byline: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set): start Byline "
    "in a desktop session, over SSH with `ssh -X`, or in a virtual display with "
    "`xvfb-run byline`; the command-line tools (`byline --help`) need none")


def display_problem(environ=None, platform: str | None = None) -> str | None:
    """Why the window cannot be shown here (one line for the user), or None.

    On Linux a window needs an X11 or Wayland display. Without one Qt would abort
    with a long message, and running offscreen would leave a window nobody sees
    running until killed: offscreen only when asked (QT_QPA_PLATFORM set, the
    tests, ``--smoke-test``, ``--screenshots``).
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY_MESSAGE


def prepare_environment() -> None:
    """Settings Qt reads at start-up: WebEngine refuses to run as root with its sandbox;
    Chromium's flags (``chromium_flags``) unless the person set their own."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if "QTWEBENGINE_CHROMIUM_FLAGS" not in os.environ:
        from editor_app.chromium import chromium_flags

        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = chromium_flags(os.environ)


def tune_interpreter() -> None:
    """Hand the GIL back to the GUI thread sooner than Python's default 5 ms.

    Render, save and spelling threads run Python too; with the default switch
    interval a keystroke could wait 5 ms for the GIL twice over.  1 ms costs the
    workers a little throughput and keeps typing under the 5 ms budget.
    """
    sys.setswitchinterval(0.001)


def build_renderer():
    """The one renderer of the process (its worker processes start in the background)."""
    from editor_app.core.render.renderer import Renderer

    return Renderer()


def build_spell_service(*, preload: bool = True):
    """One spelling service per process: dictionaries load once, on workers.

    ``preload``: start loading English now; a staged start-up asks once the window
    and the preview are on screen instead (the load takes a core for a while).
    """
    from editor_app.ui.spelling.spelling_service import SpellService

    service = SpellService(personal_path=_default_personal_path)
    if preload:
        service.preload("en", dictionaries=False)  # articles ask for their variant's (#20)
    return service


def _default_personal_path():
    from editor_app.core.spelling import default_personal_path

    return default_personal_path()


def build_main_window(library: Library, *, settings=None, renderer=None, spell_service=None,
                      watch_outside_changes: bool = True, staged: bool = False,
                      page_cache=None):
    """Create the signal hub and the main window and wire them; returns the window.

    Without a renderer the window makes its own when the first article opens; without
    a spelling service one is made and shut down with the window. The editorial
    panels (queues, workflow, comments, related news, spelling), the outside-change
    monitor, hand-off files and conflicts (#14) and the newsroom server's sync (#15)
    are attached here.

    ``staged`` (#20): the docks take their places now, but the preview's first render
    (shown in its quick view), panels, the outside-change monitor, web views, spell
    checking, hand-off files and the newsroom sync come after the window's first
    paint, in that order (``window.startup``). Otherwise everything is built before
    this returns (tests, tools). The real start goes further and paints the window
    before its library is open (``build_window_frame``, ``run_gui``).

    ``page_cache`` (core.render.page_cache.PageCache): the previews keep their last
    page there, and a preview made for the first paint shows it at once (#20).
    """
    from editor_app.ui.main_window import MainWindow
    from editor_app.ui.signals import AppSignals

    window = MainWindow(library, AppSignals(), settings=settings, renderer=renderer,
                        defer_views=staged, page_cache=page_cache)
    if spell_service is None:
        spell_service = build_spell_service(preload=not staged)
        window.destroyed.connect(lambda *_: spell_service.shutdown())
    _add_panels_and_steps(window, spell_service, watch_outside_changes=watch_outside_changes)
    if staged:
        window.startup.start()
    else:
        window.startup.run_all()
    return window


def build_window_frame(library_path: pathlib.Path, fill, *, settings=None, page_cache=None):
    """The main window's frame for the first paint, before its library is open (#20):
    title, menus, the article tabs and the docks in their places, empty. The caller
    shows it and calls ``window.startup.start()``; after the first paint ``fill()``
    opens the library, calls ``attach_library`` and sets the panels' spell service,
    then the article in front opens and the steps of ``build_main_window``'s staged
    start follow."""
    from editor_app.ui.main_window import MainWindow
    from editor_app.ui.signals import AppSignals

    window = MainWindow(None, AppSignals(), settings=settings, defer_views=True,
                        page_cache=page_cache, library_path=library_path)
    _add_panels_and_steps(window, None, watch_outside_changes=True, first=fill)
    return window


def _add_panels_and_steps(window, spell_service, *, watch_outside_changes: bool,
                          first=None) -> None:
    """The editorial panels' docks and menus, and what the start-up builds after the paint
    (``first()`` before anything else)."""
    from editor_app.ui.editorial_panels import EditorialPanels
    from editor_app.ui.startup import StagedStartup

    window.panels = EditorialPanels(window, spell_service, deferred=True)
    startup = window.startup = StagedStartup(window)
    if first is not None:  # painted's slots run in the order they were connected
        startup.painted.connect(first)
    startup.painted.connect(window.open_front_tab)  # before the first step
    # The render runs on a worker while the panels are built; its page is shown in
    # the preview's quick view; Chromium then starts underneath it (ui/desk/preview.py).
    startup.add("quick preview", window.start_quick_previews)
    startup.add("panels", window.panels.start)
    if watch_outside_changes:
        startup.add("outside changes", lambda: _watch_outside_changes(window))
    startup.add("preview", window.start_deferred_views)

    def start_spelling() -> None:
        # articles ask for their variant's dictionaries
        window.panels.spell_service.preload("en", dictionaries=False)
        window.panels.start_spelling()

    startup.add("spelling", start_spelling)
    startup.add("hand-off files", lambda: _start_handoff(window))
    startup.add("newsroom server", lambda: _start_newsroom_sync(window))


def _watch_outside_changes(window) -> None:
    from editor_app.ui.desk.outside_changes import OutsideChangeMonitor

    window.outside_changes = OutsideChangeMonitor(window)


def _start_handoff(window) -> None:
    from editor_app.ui.sync.handoff_actions import HandoffActions

    window.handoff = HandoffActions(window)


def _start_newsroom_sync(window) -> None:
    from editor_app.ui.sync.sync_status import NewsroomSync

    window.newsroom = NewsroomSync(window)


def run_smoke_test(**options) -> int:
    """``byline --smoke-test``: the real window, offscreen, on a throw-away library (#8)."""
    from editor_app.smoke import run_smoke_test as smoke_test

    return smoke_test(build_window=build_main_window, build_renderer=build_renderer, **options)


def run_screenshots(out: pathlib.Path) -> int:
    """``make screenshots``: the README's pictures of the real first start (#20)."""
    from editor_app.ui.screenshots import take_screenshots

    return take_screenshots(out)


def run_gui(*, library_path: pathlib.Path, explicit: bool, open_id: str | None = None) -> int:
    """The window on the library: its frame painted first, the rest built after (#20).

    Paint first, then build what is not visible: before the first paint only Qt, the
    translations and the window's frame (menus, tabs, the docks' places); the library
    opens right after it, then the render workers, the library's list, the article in
    front, the panels, the web views and the rest (``build_main_window``'s steps). A
    library that cannot be opened still ends the program with one line on stderr, a
    dialog on a desktop, and exit status 1.
    """
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    prepare_environment()
    tune_interpreter()
    from editor_app.ui.pyside_import_hook import stop_caching_module_sources

    stop_caching_module_sources()  # when PySide6 came first (a host program, a probe)
    from editor_app.core.startup_trace import trace

    trace("arguments read")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    stop_caching_module_sources()  # PySide6 kept every later module's source: 11 MiB
    QCoreApplication.setOrganizationName("Byline")
    QCoreApplication.setApplicationName("Byline")
    from PySide6.QtCore import Qt

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)  # WebEngine
    app = QApplication.instance() or QApplication(sys.argv[:1])
    trace("Qt imported, QApplication")
    from editor_app.ui.translations import install_chosen_language

    # Before any widget: texts are read when a widget is made (#18).
    install_chosen_language()
    started = _Started()

    def open_the_library() -> None:  # the first thing after the paint
        from editor_app.core.errors import BylineError
        from editor_app.library_file import open_library

        # The render workers first: they import the markdown stack on the other core
        # while this one opens the library and fills the window, so that the preview's
        # first render is ready soon after its view.
        started.renderer = build_renderer()
        try:
            # The default library starts with the sample articles and a "Start here".
            library = open_library(library_path, explicit=explicit, seed_samples=not explicit)
            try:
                open_article = library.get_article(open_id).id if open_id else None
            except BylineError:
                library.close()
                raise
        except Exception as exc:  # noqa: BLE001 - ends the program, as before the paint
            started.error = exc
            window.startup.cancel()
            window.hide()
            started.renderer.close()
            if isinstance(exc, BylineError):
                cannot_start(exc)
            app.exit(1)
            return
        trace("library open")
        from editor_app.core.render.page_cache import PageCache

        window.page_cache = PageCache()
        started.library = library
        window.attach_library(library, renderer=started.renderer, menus=False)
        # The last session's tabs come back, opened when first shown; `byline open` puts
        # its article in front instead of the one that was. The tab in front opens right
        # after this (MainWindow.open_front_tab, connected after this function).
        window.restore_session(load_current=open_article is None)
        if open_article is not None:
            window.show_article_soon(open_article)
        started.open_article = open_article
        started.backups = start_backups(window, library)
        # Once the article and its page are on screen: the menus' entries and the spelling
        # service (nothing of them is visible before), then, on the first start, who is
        # writing.
        window.startup.add("who is writing", lambda: ask_who_you_are_soon(window),
                           after="quick preview")

        def menus_and_spelling() -> None:
            window.fill_menus()
            started.spell_service = window.panels.spell_service = \
                build_spell_service(preload=False)

        window.startup.add("menus", menus_and_spelling, after="quick preview")
        trace("library in the window")

    def after_first_paint() -> None:  # connected after open_front_tab: runs after it
        if started.library is None:
            return
        if started.open_article is not None:
            window.select_in_library(started.open_article)
            window.activateWindow()
        elif started.library.count_articles():
            window.select_first_article()
        trace("article open")

    window = build_window_frame(library_path, open_the_library)
    window.restore_layout()
    trace("window frame built")
    window.show()
    window.startup.painted.connect(after_first_paint)  # after the article in front opened
    window.startup.start()
    if os.environ.get("BYLINE_SCREENSHOTS"):  # `make screenshots` started this process
        from editor_app.ui.screenshots import drive_screenshots

        drive_screenshots(window, os.environ["BYLINE_SCREENSHOTS"])
    install_quit_on_sigterm(window)
    code = app.exec()
    window.shutdown()
    from editor_app.core.errors import BylineError

    if started.error is not None and not isinstance(started.error, BylineError):
        raise started.error  # the command line's last guard says it in one line
    if started.library is None:  # it could not be opened (or the window closed first)
        return 1 if started.error is not None else code
    if started.spell_service is not None:
        started.spell_service.shutdown()
    started.renderer.close()
    started.backups.finish()
    started.library.close()
    return code


class _Started:
    """What run_gui's start opened after the first paint, for closing it at the end."""

    library: Library | None = None
    error: Exception | None = None
    renderer = None
    spell_service = None
    backups: _Backups | None = None
    open_article: int | None = None


def cannot_start(error: Exception) -> None:
    """The library cannot be opened: one line on stderr, and a dialog on a desktop."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    print(f"byline: error: {error}", file=sys.stderr)
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        QMessageBox.critical(None, QCoreApplication.translate("App", "Byline cannot start"),
                             str(error))


def ask_who_you_are_soon(window) -> None:
    """The first launch asks the person's name and role (#20), once the window is on
    screen: the question never delays the first paint."""
    from PySide6.QtCore import QTimer

    from editor_app.ui.preferences.first_run import ask_who_you_are

    def ask() -> None:
        if not window.isVisible():  # closed meanwhile (the session ended): nobody to ask
            return
        window.first_run = ask_who_you_are(window)  # kept alive with the window
        if window.first_run is not None:
            from editor_app.core.startup_trace import trace

            trace("asked who is writing")

    QTimer.singleShot(0, ask)
def install_quit_on_sigterm(window):
    """Close the window (saving every tab) when the session ends with SIGTERM.

    Python runs signal handlers only between bytecodes, and Qt's event loop is
    C++: a slow timer gives the interpreter a moment to notice the signal.
    """
    import signal

    from PySide6.QtCore import QCoreApplication, QTimer

    def close_and_quit() -> None:
        # Quit once the window has closed (every tab saved): a window that opens
        # meanwhile (a question the start-up had scheduled) must not keep the process
        # alive after its session ended.
        if window.close():
            QCoreApplication.quit()

    def on_term(_signum, _frame):
        QTimer.singleShot(0, close_and_quit)

    previous = signal.signal(signal.SIGTERM, on_term)
    timer = QTimer(window, interval=250)  # the window owns it: it lives as long
    timer.timeout.connect(lambda: None)
    timer.start()
    return previous


class _Backups:
    """Daily backup shortly after start (on a worker, own connection) and one after
    closing (in a detached process, see core/backup_process.py)."""

    START_DELAY_MS = 30_000

    def __init__(self, window, library: Library):
        from PySide6.QtCore import QTimer

        self.library = library
        self.timer = QTimer(window, singleShot=True, interval=self.START_DELAY_MS)
        self.timer.timeout.connect(self._daily)
        self.timer.start()

    def _daily(self) -> None:
        import threading

        from editor_app.core.backups import backups_to_keep, maybe_daily_backup

        def work():
            try:
                worker_library = self.library.reopen()
                try:
                    maybe_daily_backup(worker_library, keep=backups_to_keep(worker_library))
                finally:
                    worker_library.close()
            except Exception as exc:  # a failed backup must never stop the writing desk
                print(f"byline: backup skipped: {exc}", file=sys.stderr)

        threading.Thread(target=work, name="byline-daily-backup", daemon=True).start()

    def finish(self) -> None:
        """Back up what changed, in a detached process: closing never waits for the copy."""
        from editor_app.core.backup_process import back_up_after_close
        from editor_app.core.backups import backups_to_keep

        # Read now: Preferences ▸ Saving may have changed it since the start.
        # Kept: a Popen dropped while its process runs warns at exit. The copy
        # starts once this process has ended.
        self.close_backup = back_up_after_close(self.library, after_exit=True,
                                                keep=backups_to_keep(self.library))


def start_backups(window, library: Library) -> _Backups:
    return _Backups(window, library)
