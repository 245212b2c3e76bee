"""Spelling for the whole process: the spell worker, languages, and word-list changes.

The composition root creates one ``SpellService`` and hands it to every article's
``SpellController``. It owns the single spell worker thread (every pass of every open
article queues on it: two cores are shared with the renderer and the autosave), loads
languages there at start-up, builds their suggestion indexes on a thread of their own,
and tells every open article when a word list changes.
"""

from __future__ import annotations

import concurrent.futures
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from editor_app.core.errors import BylineError
from editor_app.ui.spelling.spelling_messages import spelling_message

if TYPE_CHECKING:
    from editor_app.core.library import Library


def load_language(code: str):
    """core.spelling's loader; the word lists and hunspell are imported when a language is
    first asked for, not with this module: the window paints without them (#20)."""
    from editor_app.core.spelling import load_language as load

    return load(code)


class _Relay(QObject):
    """Carries a language loaded on the worker to the GUI thread (queued)."""

    done = Signal(object)


class SpellService(QObject):
    """Per-process spelling: the worker thread, language loading, word-list broadcasts.

    One worker runs every spell pass (two cores are shared with the renderer and the
    autosave; passes are short and queue fine). The suggestion index, which takes
    seconds to build, gets its own thread so it never delays a pass.

    Signals:
      language_ready(str): a language's dictionary is loaded.
      unavailable(str, str): (language, message) the dictionary could not be loaded.
      words_changed(str, str, object, bool): (word, scope, article_id, added) a word list
        changed; every controller updates its checker.
    """

    language_ready = Signal(str)
    unavailable = Signal(str, str)
    words_changed = Signal(str, str, object, bool)

    def __init__(self, personal_path=None, *, executor=None, parent=None):
        super().__init__(parent)
        self._personal_path = personal_path
        self._own_executor = executor is None
        self.executor = executor or concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="byline-spellcheck")
        self._index_executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="byline-spell-index")
        self._relay = _Relay(self)
        self._relay.done.connect(self._loaded, Qt.ConnectionType.QueuedConnection)
        self._requested: set[tuple[str, str | None]] = set()  # (language, region or None)
        self._languages: dict[str, object] = {}  # code -> LanguageData, once loaded

    def preload(self, language: str | None = "en", *, dictionaries: bool = True) -> None:
        """Load a language on the worker, then build its suggestion index (start-up).

        ``dictionaries``: also have hunspell read the dictionaries an article in
        ``language`` is checked with ("en-GB": en_GB only; "en": en_GB and en_US), so
        that its first pass, queued after this on the same worker, does not wait for
        them; the others of the language are never read (#20). False: the frequency
        list only (a warm-up before any article is open)."""
        from editor_app.core.process_memory import give_back_free_memory
        from editor_app.core.spelling import language_region, normalize_language

        code = normalize_language(language)
        region = language_region(language) if dictionaries else None
        if (code, region) in self._requested:
            return
        first = not any(known == code for known, _ in self._requested)
        self._requested.add((code, region))
        relay = self._relay
        index_executor = self._index_executor

        def job():
            try:
                data = load_language(code)
                if region is not None:
                    data.hunspell_for(region)
            except BylineError as exc:
                result = (code, None, exc)
            else:
                if first:
                    index_executor.submit(data.suggester.build_index)
                    # what reading the language (and the first time, building its
                    # caches) freed goes back to the system, not kept by malloc
                    index_executor.submit(give_back_free_memory)
                result = (code, data, None)
            try:
                relay.done.emit(result)
            except RuntimeError:  # the service was deleted meanwhile
                pass

        self.executor.submit(job)

    @Slot(object)
    def _loaded(self, result) -> None:
        code, data, error = result
        if error is None:
            self._languages[code] = data
            self.language_ready.emit(code)
        else:
            self._requested = {key for key in self._requested if key[0] != code}
            self.unavailable.emit(code, spelling_message(str(error)))

    def suggestions_ready(self, language: str | None) -> bool:
        """Whether suggesting is instant: the language's index is built.

        Until then a suggestion request would wait for the build (seconds), so the
        context menu offers none rather than freeze the editor.
        """
        from editor_app.core.spelling import normalize_language

        data = self._languages.get(normalize_language(language))
        return data is not None and data.suggester.index_ready

    @property
    def personal_path(self):
        """The personal word list's path; given as a function, it is asked on first use."""
        if callable(self._personal_path):
            self._personal_path = self._personal_path()
        return self._personal_path

    def dictionaries(self, library: Library, article_id):
        """The word lists (personal, newsroom, the article's) as a core Dictionaries."""
        from editor_app.core.spelling import Dictionaries

        return Dictionaries(personal_path=self.personal_path, store=library, article_id=article_id)

    def add_word(self, dictionaries, word: str, scope: str) -> None:
        """Persist ``word`` and tell every open article (raises InputError/LibraryError)."""
        dictionaries.add(word, scope)
        self.words_changed.emit(word, scope, dictionaries.article_id, True)

    def remove_word(self, dictionaries, word: str, scope: str) -> None:
        dictionaries.remove(word, scope)
        self.words_changed.emit(word, scope, dictionaries.article_id, False)

    def import_words(self, dictionaries, path, scope: str) -> int:
        """Add a word list from a file; one notice for the whole list, so open articles
        re-read their word lists once. Returns how many words were new."""
        count = dictionaries.import_words(path, scope)
        if count:
            self.words_changed.emit("", scope, dictionaries.article_id, True)
        return count

    def shutdown(self) -> None:
        if self._own_executor:
            self.executor.shutdown(wait=False, cancel_futures=True)
        self._index_executor.shutdown(wait=False, cancel_futures=True)
