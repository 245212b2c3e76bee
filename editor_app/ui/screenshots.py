"""Pictures of the window for the README (``make screenshots``: ``byline --screenshots DIR``).

They must show what a new user sees (#20), so nothing is arranged by hand: for each
screen size the real ``byline`` starts as a child process on a virtual screen of that
size (Qt's offscreen platform with a screen configuration), with an empty home and
settings folder, so it creates the default library with the sample articles and
lays its window out as on any first start. A small driver in that process
(``drive_screenshots``, switched on by ``BYLINE_SCREENSHOTS``) waits until the
start-up is finished and the page is on screen, grabs the window, then opens the
sample interview the way a double-click does and grabs it again:

    first-run-1366x768.png      the window as it opens
    interview-1366x768.png      the sample interview open: editor and preview
    (the same at 1920x1080), and preview.png: the published page alone

Nothing touches the user's library or settings.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import tempfile

SIZES = ((1366, 768), (1920, 1080))
SAMPLE_SLUG = "amara-finch-interview"
ENV = "BYLINE_SCREENSHOTS"
TIMEOUT_S = 120
#: after the page reports it is shown, Chromium needs a moment to paint it
SETTLE_MS = 900


def screen_config(width: int, height: int, dpr: float = 1.0) -> dict:
    """The offscreen platform's configuration for one virtual screen (``configfile=``)."""
    # A scaled screen as X11 describes one: a multiple of the base DPI (Qt then scales).
    return {"synchronousWindowSystemEvents": False, "windowFrameMargins": True,
            "screens": [{"name": "screen", "x": 0, "y": 0,
                         "width": round(width * dpr), "height": round(height * dpr),
                         "logicalDpi": round(96 * dpr), "logicalBaseDpi": 96, "dpr": 1.0}]}


def first_run_environment(home: pathlib.Path, width: int, height: int,
                          dpr: float = 1.0) -> dict[str, str]:
    """The environment of a first start: an empty home, and a virtual screen of this size."""
    config = home / "screen.json"
    config.write_text(json.dumps(screen_config(width, height, dpr)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "BYLINE_LIBRARY", "QT_SCALE_FACTOR")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CACHE_HOME=str(home / ".cache"),
               QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    return env


def take_screenshots(out: pathlib.Path) -> int:
    """Start ``byline`` once per size and let it write its pictures; returns the exit status."""
    out.mkdir(parents=True, exist_ok=True)
    status = 0
    for width, height in SIZES:
        with tempfile.TemporaryDirectory(prefix="byline-screenshots-") as temp:
            home = pathlib.Path(temp)
            env = first_run_environment(home, width, height)
            env[ENV] = f"{out}{os.pathsep}{width}x{height}"
            env["LANGUAGE"] = "en"  # the README's pictures are English, whatever this machine speaks
            done = subprocess.run([sys.executable, "-m", "editor_app"], env=env,
                                  timeout=TIMEOUT_S, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"byline: screenshots at {width}x{height} failed: "
                      f"{done.stderr.strip()[-400:]}", file=sys.stderr)
                status = 1
            else:
                print(done.stdout.strip())
    return status


def drive_screenshots(window, spec: str) -> None:
    """In the started program: grab the first window, then the sample interview, and quit.

    ``spec`` is "DIR<pathsep>WxH" (set by ``take_screenshots``).
    """
    from PySide6.QtCore import QTimer

    folder, size = spec.rsplit(os.pathsep, 1)
    out = pathlib.Path(folder)
    state = {"step": "first"}

    def grab(name: str) -> None:
        window.statusBar().clearMessage()
        path = out / f"{name}-{size}.png"
        window.grab().save(str(path))
        print(f"wrote {path}")

    def preview_of(widget):
        return getattr(widget, "preview", None) or getattr(widget, "pane", None)

    def when_shown(widget, then) -> None:
        """Call ``then`` once the page in ``widget`` shows its first render."""
        def check() -> None:
            pane = preview_of(widget)
            if pane is not None and pane.view is not None and pane.shown_generation >= 1 \
                    and pane.is_idle() and getattr(pane, "quick_view", None) is None:
                QTimer.singleShot(SETTLE_MS, lambda: when_painted(pane, then))
            else:
                QTimer.singleShot(100, check)
        check()

    def when_painted(pane, then, tries: int = 50) -> None:
        """Call ``then`` once Chromium has painted the page (not a blank view), or give up
        after ten seconds: on a busy machine the paint comes later than the page's load."""
        if tries <= 0 or not _blank(pane.grab().toImage()):
            then()
        else:
            QTimer.singleShot(200, lambda: when_painted(pane, then, tries - 1))

    def first_window() -> None:
        grab("first-run")
        article_id = window.library.resolve_id(SAMPLE_SLUG)
        window.select_in_library(article_id)
        window.signals.open_article_requested.emit(article_id)  # what a double-click sends
        tab = window.current_article_tab()
        # The cursor in the second question, as a reporter at work would have it.
        block = tab.editor.document().findBlockByNumber(6)
        cursor = tab.editor.textCursor()
        cursor.setPosition(block.position() + 12)
        tab.editor.setTextCursor(cursor)
        when_shown(tab, interview)

    def interview() -> None:
        grab("interview")
        tab = window.current_article_tab()
        if size == "x".join(map(str, SIZES[-1])):
            tab.preview.grab().save(str(out / "preview.png"))
            print(f"wrote {out / 'preview.png'}")
        window.close()

    def begin() -> None:
        if state["step"] != "first":
            return
        state["step"] = "waiting"
        when_shown(window.reader, first_window)

    if window.startup is not None and window.startup.pending:
        window.startup.finished.connect(begin)
    else:
        QTimer.singleShot(0, begin)
    QTimer.singleShot(TIMEOUT_S * 1000 - 5000, window.close)  # never hang `make screenshots`


def _blank(image) -> bool:
    """Whether a grabbed picture is one colour (a web view that has not painted yet)."""
    small = image.scaled(48, 48)
    first = small.pixel(0, 0)
    return all(small.pixel(x, y) == first for x in range(48) for y in range(48))
