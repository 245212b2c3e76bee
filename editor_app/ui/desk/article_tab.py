"""One open article: metadata on top, editor | preview below, autosave underneath.

Saving rules (issue 3): every change reaches the library within a second of the
last keystroke, through Library.update_article with the version this tab last saw.
If someone else changed the text meanwhile, a banner offers "Reload" or "Keep mine";
nothing is overwritten silently.  Closing saves synchronously and keeps the tab open
when that fails: there is no path that drops typed text.

Hooks for other panels (tags, related, comments, spelling):
  ``tab.article_id``, ``tab.editor`` (MarkdownEditor), ``tab.metadata``
  (MetadataPanel, ``set_tag_widget``), ``tab.editor.set_selection_layer(name, sels)``
  to show extra selections without clobbering others, and
  ``tab.editor.highlighter.add_overlay(fn)`` for per-line character formats.
  ``tab.saved`` fires after each save, ``tab.text_changed`` (debounced) after edits,
  ``tab.save_state_changed(SaveState, detail)`` when the save state changes.
  ``tab.add_notice(widget)`` puts a panel's own notice above the article (the conflict
  notice of #14), which that panel shows and hides; the banner stays the tab's own.
"""

from __future__ import annotations

import itertools
import pathlib
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import BylineError, ConflictError, FrozenError
from editor_app.core.images import IMAGE_SUFFIXES, asset_file_name, image_extension, image_mime
from editor_app.core.interview import NO_INTERVIEWEE, NO_QUOTE, headline_quote, whole_words
from editor_app.core.models import Article, Kind, Role, Status
from editor_app.core.review import current_role, edit_refusal, reopen_for_correction
from editor_app.core.text_stats import StatsCounter
from editor_app.ui.background import BackgroundWork
from editor_app.ui.desk.autosave import (
    REVISION_INTERVAL_S,
    AutosaveTimer,
    SaveRequest,
    SaveState,
    save_article,
    unchanged_since,
)
from editor_app.ui.desk.editor import MarkdownEditor
from editor_app.ui.desk.find_replace import FindReplaceBar
from editor_app.ui.desk.metadata_panel import MetadataPanel
from editor_app.ui.desk.preview import PreviewPane, data_url_for_asset
from editor_app.ui.focus_order import set_focus_order
from editor_app.ui.labels import role_label, status_label
from editor_app.ui.settings import MAX_SPLIT, MIN_SPLIT, ViewMode

if TYPE_CHECKING:
    from editor_app.core.library import Library

PREVIEW_DELAY_MS = 150
STATS_DELAY_MS = 300
RETRY_MS = 5000
_tokens = itertools.count(1)


class ArticleTab(QWidget):
    title_changed = Signal(int, str)  # article id, headline (tab label)
    stats_changed = Signal(object)  # TextStats
    save_state_changed = Signal(object, str)  # SaveState, why it was not saved ("" otherwise)
    saved = Signal(int)  # article id, after each successful save
    text_changed = Signal()  # after edits settle (same delay as the preview)

    def __init__(self, library: Library, article_id: int, *, renderer, saver, signals=None,
                 dark: bool = False, force_simple_preview: bool = False,
                 defer_preview: bool = False, page_cache=None, parent=None):
        super().__init__(parent)
        self.library = library
        self.article_id = article_id
        self.saver = saver
        self.signals = signals
        self._token = next(_tokens)
        self._in_flight = None  # (SaveRequest, Future)
        self._save_again = False
        self._conflict = False
        self._closed = False
        self._seen_revision = 0
        self._last_revision_time = time.monotonic()
        self._stats_counter = StatsCounter()
        self.stats = None
        # Counting 5,000 words took 0.1 s of the GUI thread while the article opened (#20).
        self._stats_work = BackgroundWork(self)
        self._stats_work.finished.connect(self._show_stats)
        self._view_mode = ViewMode.SIDE_BY_SIDE
        self._ratio = 0.5
        self._shown_once = False
        self.last_message = ""
        #: returns alt text for an image or None to cancel; tests replace it
        self.ask_alt_text = self._ask_alt_text
        #: a revision every this many seconds of editing (Preferences ▸ Saving)
        self.revision_interval_s = REVISION_INTERVAL_S
        #: the reason of the next save's revision (the first edit of a correction)
        self._next_revision_reason: str | None = None
        self.frozen = False  # approved or published: read-only until reopened (#17)

        self.metadata = MetadataPanel()
        self.editor = MarkdownEditor(dark=dark)
        self.find_bar = FindReplaceBar(self.editor)
        self.preview = PreviewPane(renderer, asset_url=data_url_for_asset(library),
                                   force_fallback=force_simple_preview,
                                   defer_view=defer_preview, page_cache=page_cache)
        self.preview.set_dark(dark)
        self._preview_wanted = False
        self.preview.view_created.connect(self._on_preview_view)
        self.preview.renders_opened.connect(self._on_renders_opened)
        self.banner, self.banner_label, self.banner_buttons = _make_banner()
        self.frozen_banner = FrozenBanner()
        self.frozen_banner.reopen_requested.connect(self.reopen_for_correction)

        left = self.editor_side = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.editor, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._note_ratio())
        self.splitter.setAccessibleName(self.tr("Editor and preview"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.frozen_banner)
        layout.addWidget(self.metadata)
        layout.addWidget(self.splitter, 1)
        # Under editor and preview both, the whole tab wide: in the editor's half it
        # squeezed the preview to a strip at 1280 px (#17).
        layout.addWidget(self.find_bar)

        self.autosave = AutosaveTimer(self)
        self.autosave.due.connect(self._autosave_due)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._stats_timer = QTimer(self, singleShot=True, interval=STATS_DELAY_MS)
        self._stats_timer.timeout.connect(self.request_stats)
        self._retry_timer = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry_timer.timeout.connect(self._autosave_due)

        self.load()
        self.editor.document().contentsChanged.connect(self._on_contents_changed)
        self.metadata.changed.connect(self._on_metadata_changed)
        self.editor.image_received.connect(self.add_image)
        self.editor.refused.connect(self._message)
        self.editor.top_line_changed.connect(self.preview.scroll_to_line)
        saver.finished.connect(self._on_save_finished)
        if signals is not None:
            signals.tags_changed.connect(self._on_related_changed)
            signals.status_changed.connect(self._on_status_changed)
            signals.identity_changed.connect(lambda _who: self.refresh_frozen())

    # -- loading -------------------------------------------------------------
    def load(self) -> None:
        """Read the article from the library into the editor.

        Raises NotFoundError, or InputError when the text has a line too long to edit.
        """
        article = self.library.get_article(self.article_id)
        self._article = article
        self._version = article.version
        self.metadata.set_article(article)
        self.editor.set_text(article.body)
        self._seen_revision = self.editor.document().revision()
        self._saved_fields = self.fields()
        self.refresh_frozen()
        self.refresh_preview()
        self.request_stats()

    @property
    def title(self) -> str:
        return self.metadata.title() or self._article.title

    @property
    def version(self) -> int:
        """The article version this tab last saved or loaded."""
        return self._version

    def fields(self) -> dict:
        """Everything this tab saves: the body and the valid metadata fields."""
        return {"body": self.editor.toPlainText(), **self.metadata.values()}

    def snapshot(self) -> Article:
        """The article as currently typed (for the preview and other panels)."""
        values = self.fields()
        base = self._article
        return Article(
            title=values.get("title", base.title), body=values["body"],
            kind=Kind.parse(values.get("kind", base.kind)),
            interviewee=values.get("interviewee", ""), author=values.get("author", ""),
            date=values.get("date", base.date), language=values.get("language", "en"),
            summary=values.get("summary", ""), slug=base.slug, status=base.status,
            tags=list(base.tags), id=base.id, uuid=base.uuid, version=self._version)

    def is_dirty(self) -> bool:
        return self.fields() != self._saved_fields

    # -- approved and published: read-only (#17) ------------------------------
    def refresh_frozen(self) -> None:
        """Read-only while the story is approved or published, with a banner saying who
        approved or published it and, for editors, "Reopen for correction"."""
        refusal = edit_refusal(self._article)
        self.frozen = refusal is not None
        self.editor.setReadOnly(self.frozen)
        self.metadata.set_read_only(self.frozen)
        self._show_address()
        if not self.frozen:
            self.frozen_banner.hide()
            return
        self.autosave.stop()
        status = self._article.status
        event = self._last_move_to(status)
        if event is None:
            state = self.tr("{status}.").format(status=status_label(status))
        else:
            when = event.created_at[:16].replace("T", " ")
            state = (self.tr("{status} by {who} on {when}.").format(
                         status=status_label(status), who=event.who, when=when) if event.who else
                     self.tr("{status} on {when}.").format(status=status_label(status), when=when))
        try:
            role = current_role(self.library)
        except BylineError:
            role = Role.REPORTER
        self.frozen_banner.show_state(
            state + " " + self.tr("Read-only: changes need an editor to reopen it for "
                                  "correction, and are then kept as revisions the trail shows."),
            can_reopen=role == Role.EDITOR, role=role_label(role).lower())

    def _last_move_to(self, status: Status):
        try:
            events = self.library.status_events(self.article_id)
        except BylineError:
            return None
        return next((e for e in reversed(events)
                     if e.to_status == status.value and not e.refused), None)

    def _was_published(self) -> bool:
        if self._article.status == Status.PUBLISHED:
            return True
        try:
            return any(e.to_status == Status.PUBLISHED.value and not e.refused
                       for e in self.library.status_events(self.article_id))
        except BylineError:
            return False

    def _show_address(self) -> None:
        try:
            follows = self.library.slug_follows_headline(self.article_id)
        except BylineError:
            follows = False
        self.metadata.show_address(self._article.slug, follows=follows,
                                   published=self._was_published())

    def reopen_for_correction(self, note: str = "") -> bool:
        """Move the story back to in review as a correction (editors only; in the trail)."""
        try:
            reopen_for_correction(self.library, self.article_id, note=note)
        except BylineError as exc:
            self._message(self.tr("Not reopened: {error}").format(error=exc))
            return False
        self._next_revision_reason = "correction"
        self.follow_library_version()
        if self.signals is not None:
            self.signals.status_changed.emit(self.article_id, Status.IN_REVIEW.value)
        self._message(self.tr("Reopened for correction: the story is in review again; what you "
                              "change is kept as a revision."))
        self.editor.setFocus()
        return True

    def _on_status_changed(self, article_id: int, _status: str) -> None:
        if article_id == self.article_id and not self._closed and not self.is_saving():
            self.follow_library_version()

    def follow_library_version(self) -> bool:
        """Take the library's newer version quietly when it left our text alone (a status
        move, tags, a comment, made here or elsewhere); False when the text differs.

        A process's own writes must never be taken for changes made elsewhere (#17).
        """
        try:
            article = self.library.get_article(self.article_id)
        except BylineError:
            return False
        if not unchanged_since(article, self._saved_fields):
            return False
        self._article = article
        self._version = article.version
        self.refresh_frozen()
        return True

    # -- change tracking -----------------------------------------------------
    def _on_contents_changed(self) -> None:
        # Highlighting also emits contentsChanged; only edits move the revision, except
        # when the highlighter re-formats blocks itself (a long text's background pass, a
        # theme switch): Qt counts that as a revision, though no character changed.
        revision = self.editor.document().revision()
        if revision == self._seen_revision:
            return
        self._seen_revision = revision
        if not self.editor.highlighter.reformatting:
            self._changed()

    def _on_metadata_changed(self) -> None:
        self.title_changed.emit(self.article_id, self.title)
        self._changed()

    def _changed(self) -> None:
        if self._closed:
            return
        self.autosave.touch()
        self._preview_timer.start()
        self._stats_timer.start()
        if not self._conflict:
            self.save_state_changed.emit(SaveState.UNSAVED, "")

    def _on_related_changed(self, article_id: int) -> None:
        """Pins changed (or the vocabulary, 0): the "Related news" block may differ."""
        if article_id in (0, self.article_id) and not self._closed:
            self._preview_timer.start()

    def refresh_preview(self) -> int:
        if not self.preview.renders_open:
            # Held back for the window's first paint: asked for right after it.
            self._preview_wanted = True
            self.text_changed.emit()
            return self.preview.generation
        snapshot = self.snapshot()
        # The pins are read here, on the GUI thread (a few rows, and never stale; the
        # library may be closed while a render runs), and made into the "Related news"
        # items on the render's worker thread (that imports the renderer's page stack).
        try:
            rows = self.library.export_related(self.article_id)
        except BylineError:
            rows = []
        generation = self.preview.request(snapshot, lambda: _related_items_from(rows),
                                          cache_key=self.preview.cache_key_for(snapshot, rows))
        self.text_changed.emit()
        return generation

    def focus_after_details(self) -> list:
        """What Tab reaches after the article's details: the text, then the preview."""
        return [self.editor] + ([self.preview.view] if self.preview.view is not None else [])

    def _on_preview_view(self) -> None:
        # Tab: the text, then its preview (again once Chromium's widget, which takes
        # the focus for the web view, exists).
        set_focus_order(self.focus_after_details())
        if hasattr(self.preview.view, "loadFinished"):
            self.preview.view.loadFinished.connect(
                lambda _ok: set_focus_order(self.focus_after_details()))
        self._on_renders_opened()

    def _on_renders_opened(self) -> None:
        if self._preview_wanted and not self._closed:
            self._preview_wanted = False
            self.refresh_preview()

    def update_stats(self):
        """Count now, on this thread, and show the counts (tests; see request_stats)."""
        stats = self._stats_counter.count(self.editor.toPlainText())
        self._show_stats(stats)
        return stats

    def request_stats(self) -> None:
        """Count words, characters and questions on a worker; the status bar follows."""
        self._stats_work.submit(self._stats_counter.count, self.editor.toPlainText())

    def _show_stats(self, stats) -> None:
        if self._closed:
            return
        self.stats = stats
        self.stats_changed.emit(stats)

    # -- editor and preview --------------------------------------------------
    @property
    def view_mode(self) -> ViewMode:
        return self._view_mode

    def set_view_mode(self, mode: ViewMode) -> None:
        """Editor only, preview only, or both side by side at the remembered share."""
        self._view_mode = ViewMode(mode)
        self.editor_side.setVisible(mode is not ViewMode.PREVIEW)
        self.preview.setVisible(mode is not ViewMode.EDITOR)
        if mode is ViewMode.SIDE_BY_SIDE:
            self._apply_ratio()

    def split_ratio(self) -> float | None:
        """The editor's share of editor + preview side by side (None in the other modes)."""
        if self._view_mode is not ViewMode.SIDE_BY_SIDE:
            return None
        self._note_ratio()
        return self._ratio

    def set_split_ratio(self, ratio: float) -> None:
        """The editor's share, kept between a third and two thirds."""
        self._ratio = min(MAX_SPLIT, max(MIN_SPLIT, ratio))
        self._apply_ratio()

    def _note_ratio(self) -> None:
        sizes = self.splitter.sizes()
        if self._view_mode is ViewMode.SIDE_BY_SIDE and len(sizes) == 2 and sum(sizes) > 0 \
                and all(sizes):
            self._ratio = min(MAX_SPLIT, max(MIN_SPLIT, sizes[0] / sum(sizes)))

    def _apply_ratio(self) -> None:
        if self._view_mode is not ViewMode.SIDE_BY_SIDE:
            return
        total = sum(self.splitter.sizes()) or self.splitter.width()
        if total <= 0:
            return  # not laid out yet: showEvent applies it
        editor = round(total * self._ratio)
        self.splitter.setSizes([editor, total - editor])

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._apply_ratio()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self._view_mode is ViewMode.SIDE_BY_SIDE:
            sizes = self.splitter.sizes()
            total = sum(sizes)
            if total and min(sizes) < total * MIN_SPLIT - 1:
                self._apply_ratio()  # never leave the preview (or the editor) a sliver

    # -- saving --------------------------------------------------------------
    def _autosave_due(self) -> None:
        if self._closed or self._conflict:
            return
        if self._in_flight is not None:
            self._save_again = True
            return
        fields = self.fields()
        if fields == self._saved_fields:
            self.save_state_changed.emit(SaveState.SAVED, "")
            return
        reason = self._next_revision_reason
        if reason is None and time.monotonic() - self._last_revision_time >= self.revision_interval_s:
            reason = "autosave"
        request = SaveRequest(self.article_id, self._version, fields, reason, self._token,
                              base_fields=self._saved_fields)
        self._in_flight = (request, self.saver.submit(request))
        self.save_state_changed.emit(SaveState.SAVING, "")

    def _on_save_finished(self, result) -> None:
        if self._in_flight is None or result.request is not self._in_flight[0]:
            return  # another tab's save, or one already handled by close_tab
        self._in_flight = None
        self._apply_save_result(result.request, result.article, result.error)
        if self._save_again and not self._closed:
            self._save_again = False
            self._autosave_due()

    def _apply_save_result(self, request: SaveRequest, article, error) -> None:
        if error is None:
            self._version = article.version
            self._article = article
            self._saved_fields = dict(request.fields)
            if request.revision_reason:
                self._last_revision_time = time.monotonic()
                if request.revision_reason == self._next_revision_reason:
                    self._next_revision_reason = None
            self._show_address()
            if "slug" not in self.metadata.values():  # the typed slug is the stored one now
                self._saved_fields.pop("slug", None)
            if not self._conflict:
                self.hide_banner()
            self.save_state_changed.emit(SaveState.UNSAVED if self.is_dirty() else SaveState.SAVED, "")
            self.saved.emit(self.article_id)
            if self.signals is not None:
                self.signals.article_saved.emit(self.article_id)
        elif isinstance(error, ConflictError):
            self.show_conflict()
        elif isinstance(error, FrozenError):
            # Approved (or published) meanwhile, elsewhere: the text stays here, unsaved;
            # trying again cannot help until an editor reopens it.
            self.save_state_changed.emit(SaveState.NOT_SAVED, str(error))
            self.show_banner(self.tr("Not saved: {error}. Your text is still here; copy it, or "
                                     "ask an editor to reopen the story.").format(error=error),
                             buttons=())
            self.follow_library_version() or self._adopt_status()
        else:
            self.save_state_changed.emit(SaveState.NOT_SAVED, str(error))
            self.show_banner(self.tr("Not saved: {error}. Your text is still here; Byline tries "
                                     "again every few seconds.").format(error=error), buttons=())
            self._retry_timer.start()

    def _adopt_status(self) -> None:
        """The story's status as stored, when its text differs from ours (read-only now)."""
        try:
            self._article = self.library.get_article(self.article_id)
        except BylineError:
            return
        self._version = self._article.version
        self.refresh_frozen()

    def save_now(self, *, revision_reason: str | None = None) -> bool:
        """Save synchronously on this thread; False (and a banner) when it failed."""
        self._finish_in_flight()
        if self._conflict:
            return False
        fields = self.fields()
        try:
            if fields != self._saved_fields:
                request = SaveRequest(self.article_id, self._version, fields, revision_reason,
                                      self._token, base_fields=self._saved_fields)
                article = save_article(self.library, request)
                self._apply_save_result(request, article, None)
            elif revision_reason:
                self.library.save_revision(self.article_id, reason=revision_reason)
        except ConflictError:
            self.show_conflict()
            return False
        except BylineError as exc:
            self._apply_save_result(None, None, exc)
            return False
        return True

    def _finish_in_flight(self) -> None:
        """Wait for a background save and apply its answer now (before a synchronous one)."""
        self.autosave.stop()
        if self._in_flight is None:
            return
        request, future = self._in_flight
        self._in_flight = None
        try:
            result = future.result(timeout=30)
        except Exception as exc:  # noqa: BLE001
            self._apply_save_result(request, None, BylineError(
                self.tr("could not save ({error})").format(error=exc)))
            return
        self._apply_save_result(request, result.article, result.error)

    def close_tab(self) -> bool:
        """Save what is typed and keep a "close" revision; False means keep the tab open."""
        if not self.save_now(revision_reason="close"):
            self.last_message = self.tr("This article could not be saved, so its tab stays open "
                                        "with your text. Resolve the problem shown above and "
                                        "close it again.")
            self._message(self.last_message)
            return False
        self._closed = True
        for timer in (self._preview_timer, self._stats_timer, self._retry_timer):
            timer.stop()
        self._stats_work.cancel()
        self.autosave.stop()
        try:
            self.saver.finished.disconnect(self._on_save_finished)
        except (RuntimeError, TypeError):
            pass
        return True

    # -- conflicts -----------------------------------------------------------
    def is_saving(self) -> bool:
        """A save is on its way to the library (its answer has not come back)."""
        return self._in_flight is not None

    def show_conflict(self) -> None:
        """The article changed elsewhere: stop saving and let the user choose whose text wins."""
        self._conflict = True
        self.autosave.stop()
        self.save_state_changed.emit(SaveState.NOT_SAVED, self.tr("changed elsewhere"))
        self.show_banner(
            self.tr("This article was changed elsewhere (another window, the command line or a "
                    "colleague) since you opened it. Your text is kept here and is NOT saved "
                    "until you choose:"),
            buttons=((self.tr("Reload theirs"), self.reload_from_library),
                     (self.tr("Keep mine (save as new revision)"), self.keep_mine)))

    def reload_from_library(self, message: str | None = None) -> None:
        """Take the library's version; Undo (Ctrl+Z) still brings the typed text back.

        ``message``: what to say instead of "saved elsewhere" (this window wrote it, #14).
        """
        self._finish_in_flight()
        article = self.library.get_article(self.article_id)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(article.body)
        cursor.endEditBlock()
        self._seen_revision = self.editor.document().revision()
        self._article = article
        self._version = article.version
        self.metadata.set_article(article)
        self._saved_fields = self.fields()
        self._conflict = False
        self.hide_banner()
        self.refresh_frozen()
        self.title_changed.emit(self.article_id, self.title)
        self.refresh_preview()
        self._message(message or self.tr("Reloaded the version saved elsewhere; Edit ▸ Undo "
                                         "brings yours back."))

    def keep_mine(self) -> bool:
        """Keep their version as a revision, then save ours on top of it."""
        self._finish_in_flight()
        try:
            self.library.save_revision(self.article_id, reason="conflict: version from elsewhere")
            current = self.library.get_article(self.article_id)
            request = SaveRequest(self.article_id, current.version, self.fields(),
                                  "conflict: kept mine", self._token)
            article = save_article(self.library, request)
        except BylineError as exc:
            self.show_banner(self.tr("Not saved: {error}").format(error=exc),
                             buttons=((self.tr("Try again"), self.keep_mine),))
            return False
        self._conflict = False
        self._apply_save_result(request, article, None)
        self.hide_banner()
        self._message(self.tr("Saved your version; the other one is kept in the history."))
        return True

    # -- banner --------------------------------------------------------------
    def show_banner(self, text: str, *, buttons=()) -> None:
        self.banner_label.setText(text)
        layout = self.banner_buttons
        while layout.count():
            item = layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for label, slot in buttons:
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            layout.addWidget(button)
        self.banner.show()

    def hide_banner(self) -> None:
        self.banner.hide()

    def add_notice(self, widget: QWidget) -> None:
        """A panel's notice above the metadata, under the banner; the panel shows and hides it."""
        self.layout().insertWidget(self.layout().indexOf(self.banner) + 1, widget)

    def banner_text(self) -> str:
        return self.banner_label.text() if self.banner.isVisible() or not self.banner.isHidden() else ""

    def _message(self, text: str, ms: int = 8000) -> None:
        self.last_message = text
        if self.signals is not None:
            self.signals.message.emit(text, ms)

    # -- interview tools -----------------------------------------------------
    def use_selection_as_headline(self) -> bool:
        """Title := ``Interviewee: “selection”``; explains and refuses otherwise.

        A loose selection is widened to whole words, and the editor shows what was taken.
        """
        if self.frozen:
            self._message(self.tr("The story is read-only; reopen it for correction to change "
                                  "the headline."))
            return False
        cursor = self.editor.textCursor()
        selection = ""
        if cursor.hasSelection():
            text = self.editor.toPlainText()
            start, end = whole_words(text, cursor.selectionStart(), cursor.selectionEnd())
            selection = text[start:end]
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self.editor.setTextCursor(cursor)
        try:
            title = headline_quote(self.metadata.interviewee(), selection)
        except BylineError as exc:
            self._message(self.tr("Headline quote: {error}").format(error=self._quote_refusal(exc)))
            if not self.metadata.interviewee():
                self.metadata.interviewee_edit.setFocus()
            return False
        self.metadata.set_title(title)
        self._message(self.tr("Headline set from the selected quote."), 4000)
        return True

    def _quote_refusal(self, exc: BylineError) -> str:
        """core's reason a quote cannot be the headline, in the interface's language."""
        known = {NO_INTERVIEWEE: self.tr("set the interviewee first: the headline quote is "
                                         "“Interviewee: …”"),
                 NO_QUOTE: self.tr("select the words of an answer to use them as the headline "
                                   "quote")}
        return known.get(str(exc), str(exc))

    def insert_question(self) -> None:
        if not self.frozen:
            self.editor.insert_question()
        self.editor.setFocus()

    def insert_answer(self) -> None:
        if not self.frozen:
            self.editor.insert_answer()
        self.editor.setFocus()

    def focus_headline(self) -> None:
        """The cursor in the headline (a new story: the first thing to type)."""
        self.metadata.title_edit.setFocus()
        self.metadata.title_edit.selectAll()

    def set_dark(self, dark: bool) -> None:
        """Highlighting and preview follow the window's theme."""
        self.editor.highlighter.set_dark(dark)
        self.preview.set_dark(dark)

    # -- images --------------------------------------------------------------
    def insert_image_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Insert image"), "",
            self.tr("Images ({patterns})").format(
                patterns=" ".join(f"*{s}" for s in IMAGE_SUFFIXES)))
        if path:
            self.insert_image_file(pathlib.Path(path))

    def insert_image_file(self, path: pathlib.Path) -> str | None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            self._message(self.tr("Cannot read {name}: {error}").format(
                name=path.name, error=exc.strerror or exc))
            return None
        return self.add_image(data, path.name, image_mime(path.name))

    def add_image(self, data: bytes, name: str, mime: str) -> str | None:
        """Store an image as an asset and insert its reference; returns the asset name."""
        mime = image_mime(name, mime)
        try:
            image_extension(name, mime)  # refused before the alt text is asked for
        except BylineError as exc:
            self._message(str(exc))
            return None
        alt = self.ask_alt_text(name)
        if alt is None:
            return None
        try:
            digest = self.library.add_asset(data, name=name, mime=mime)
        except BylineError as exc:
            self._message(self.tr("Image not added: {error}").format(error=exc))
            return None
        asset_name = asset_file_name(digest, name, mime)
        self.editor.insert_image_reference(asset_name, alt)
        self.editor.setFocus()
        return asset_name

    def _ask_alt_text(self, name: str) -> str | None:
        # Empty to start with: a file name is not a description (the pre-flight check
        # refuses one), and a pre-filled box gets accepted with Enter (#17).
        text, ok = QInputDialog.getText(
            self, self.tr("Describe the image"),
            self.tr("Alt text for {name}: what the image shows, for readers who cannot see "
                    "it:").format(name=name))
        return text.strip() if ok else None


class FrozenBanner(QFrame):
    """Above an approved or published story: who approved it, and "Reopen for correction"
    with an optional note of what is being corrected (editors only)."""

    reopen_requested = Signal(str)  # the note

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("frozenBanner")
        self.setStyleSheet("QFrame#frozenBanner { background: #e8f1fb; border-bottom: 1px solid "
                           "#9dbfe6; } QFrame#frozenBanner QLabel { color: #123c69; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Read-only story"))
        self.note = QLineEdit(placeholderText=self.tr("What is being corrected (optional)"))
        self.note.setAccessibleName(self.tr("Correction note"))
        self.button = QPushButton(self.tr("Reopen for correction"))
        self.button.setAccessibleName(self.tr("Reopen for correction"))
        self.button.clicked.connect(self._reopen)
        self.note.returnPressed.connect(self._reopen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 3)
        layout.addWidget(self.note, 2)
        layout.addWidget(self.button)
        self.setTabOrder(self.note, self.button)
        self.hide()

    def show_state(self, text: str, *, can_reopen: bool, role: str) -> None:
        self.label.setText(text)
        self.note.setVisible(can_reopen)
        self.button.setEnabled(can_reopen)
        self.button.setToolTip("" if can_reopen else
                               self.tr("Only an editor can reopen it; you act as a {role} "
                                       "(Edit ▸ Preferences)").format(role=role))
        self.show()

    def _reopen(self) -> None:
        if self.button.isEnabled():
            note = self.note.text().strip()
            self.note.clear()
            self.reopen_requested.emit(note)


def _make_banner():
    banner = QFrame()
    banner.setObjectName("articleBanner")
    banner.setStyleSheet("QFrame#articleBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }"
                         " QFrame#articleBanner QLabel { color: #4a3b00; }")
    label = QLabel()
    label.setWordWrap(True)
    buttons = QHBoxLayout()
    layout = QHBoxLayout(banner)
    layout.setContentsMargins(10, 6, 10, 6)
    layout.addWidget(label, 1)
    layout.addLayout(buttons)
    banner.hide()
    return banner, label, buttons


def _related_items_from(rows: list[dict]) -> list:
    from editor_app.core.related.block import related_news_items_from

    return related_news_items_from(rows)
