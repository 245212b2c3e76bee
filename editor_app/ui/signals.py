"""The one place for app-wide signals (after Frescobaldi's ``app`` module).

Widgets never reach into each other: they emit and listen here. ``app.py``
creates the single instance and hands it to every widget that needs it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    #: an article should be opened in the editor (id)
    open_article_requested = Signal(int)
    #: a new article of this kind should be started (File ▸ New, the library's and the
    #: queues' menus): "interview", "news", "feature" or "opinion"
    new_article_requested = Signal(str)
    #: the article shown in the current editor tab changed (id, or 0 for none)
    current_article_changed = Signal(int)
    #: an article was selected in the library list (id)
    article_selected = Signal(int)
    #: an article was saved or changed in the library (id)
    article_saved = Signal(int)
    #: an article's status changed (id, new status value)
    status_changed = Signal(int, str)
    #: tags, pins or the vocabulary changed (article id, or 0 for library-wide)
    tags_changed = Signal(int)
    #: something changed the library as a whole (import, another process)
    library_changed = Signal()
    #: a message for the status bar (text, milliseconds)
    message = Signal(str, int)
    #: the person's name or role changed (Preferences, first run): menus, moves and
    #: queues follow at once (the core/identity Identity)
    identity_changed = Signal(object)
